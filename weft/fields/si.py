"""SI constants of ``weft.fields`` and its boundary with atomic units.

``weft.fields`` works in SI inside, as the seeds do: distances in m, angular frequencies
in rad/s (the seeds' "Hz" are angular frequencies, docs/fields.md F7), energies in J,
polarizabilities in C·m²/V = F·m², dipoles in C·m, the Green tensor in 1/m. Atomic units
(hartree, bohr, e = ħ = m_e = 4πε₀ = 1) are the language of ``hydrogen``; the one table
:data:`ATOMIC_UNITS` converts between the two, one record per quantity.

No formula: unit conversions only.

Constants come from ``scipy.constants`` and ``weft.units`` (same CODATA release,
:data:`weft.units.CODATA`). μ₀ is taken as 1/(ε₀c²) so that identities such as
μ₀ω²G = k²G/ε₀ hold to the last bit; it agrees with CODATA's μ₀ to 1.2e-12, inside the
uncertainty of μ₀ (1.6e-10). Published CODATA values are mutually consistent to ~1e-11
(e.g. E_h a₀/(ħc) = α to 6e-12): comparisons across the boundary hold to that level.
"""
from __future__ import annotations

import math

import numpy as np
import scipy.constants as _sc

from .. import units as _units

__all__ = ["EPS0", "MU0", "C", "HBAR", "KB", "E_CHARGE", "ATOMIC_UNITS", "to_atomic_units",
           "from_atomic_units"]

EPS0 = _sc.epsilon_0                 # vacuum permittivity, F/m
C = _sc.c                            # speed of light, m/s
MU0 = 1.0 / (EPS0 * C * C)           # vacuum permeability, H/m (= CODATA μ₀ to 1.2e-12)
HBAR = _sc.hbar                      # J·s
KB = _sc.k                           # Boltzmann constant, J/K
E_CHARGE = _sc.e                     # elementary charge, C

#: Size in SI of one atomic unit of each quantity: name -> (SI value, SI unit).
ATOMIC_UNITS = {
    "length": (_units.BOHR_M, "m"),
    "energy": (_units.HARTREE_J, "J"),
    "frequency": (_units.HARTREE_J / HBAR, "rad/s"),     # angular frequency E_h/ħ
    "rate": (_units.HARTREE_J / HBAR, "1/s"),
    "temperature": (_units.HARTREE_J / KB, "K"),
    "dipole": (E_CHARGE * _units.BOHR_M, "C m"),
    "polarizability": (4.0 * math.pi * EPS0 * _units.BOHR_M ** 3, "C m^2/V"),
    "green": (1.0 / _units.BOHR_M, "1/m"),               # G0 ~ 1/length
    "force": (_units.HARTREE_J / _units.BOHR_M, "N"),
}


def _factor(quantity: str) -> float:
    if quantity not in ATOMIC_UNITS:
        raise ValueError(f"quantity must be one of {sorted(ATOMIC_UNITS)}, got {quantity!r}")
    return ATOMIC_UNITS[quantity][0]


def to_atomic_units(value, quantity: str):
    """Convert ``value`` given in SI (unit in :data:`ATOMIC_UNITS`) to atomic units.

    Parameters
    ----------
    value : float or complex or array_like
        The quantity in SI.
    quantity : str
        One of the keys of :data:`ATOMIC_UNITS` ("length", "energy", "frequency", "rate",
        "temperature", "dipole", "polarizability", "green", "force").

    Returns
    -------
    ndarray or scalar in atomic units.

    Examples
    --------
    >>> alpha_si = 4.5 * ATOMIC_UNITS["polarizability"][0]      # α(1s) in C m²/V
    >>> round(float(to_atomic_units(alpha_si, "polarizability")), 12)
    4.5
    """
    return np.asarray(value) / _factor(quantity)


def from_atomic_units(value, quantity: str):
    """Convert ``value`` given in atomic units to SI (inverse of :func:`to_atomic_units`).

    Parameters
    ----------
    value : float or complex or array_like
        The quantity in atomic units (hartree, bohr, E_h/ħ, e a₀, 4πε₀a₀³, ...).
    quantity : str
        One of the keys of :data:`ATOMIC_UNITS` ("length", "energy", "frequency", "rate",
        "temperature", "dipole", "polarizability", "green", "force").

    Returns
    -------
    ndarray or scalar in SI, in the unit ``ATOMIC_UNITS[quantity][1]``.

    Raises
    ------
    ValueError
        Unknown ``quantity`` (the message lists the allowed names).

    Examples
    --------
    >>> f"{float(from_atomic_units(0.375, 'frequency')):.6e}"    # Lyman-α, rad/s
    '1.550302e+16'
    """
    return np.asarray(value) * _factor(quantity)
