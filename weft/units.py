"""Physical constants and unit conversion: the only place a conversion factor is written.

Inside ``weft`` the paper's natural units are used: ħ = c = m_e = 1, so energies are in
units of m_e c², lengths in units of ħ/(m_e c), and e² = 4πα (Heaviside-Lorentz, Eq. (3)).
``hydrogen`` works in atomic units (hartree, bohr, e²/(4πε₀) = 1). In these units

    1 hartree = α² m_e c²,        1 bohr = ħ/(m_e c α),

and the paper's p_E(n,m) = e²⟨x⟩⟨x⟩ (Eq. (12)) equals 4πα · x2/α² = (4π/α) x2[bohr²] in
natural units, where x2 is ``hydrogen``'s weight in bohr².

Constants come from ``scipy.constants`` (CODATA release in :data:`CODATA`); they are read
once at import (immutable module constants, no configuration state).
"""
from __future__ import annotations

import numpy as np
import scipy.constants as _sc

try:  # the release scipy.constants currently serves
    from scipy.constants._codata import _current_codata as _release
    CODATA = _release if str(_release).startswith("CODATA") else f"CODATA {_release}"
except ImportError:  # pragma: no cover - older scipy
    CODATA = "CODATA (scipy.constants)"

ALPHA = _sc.fine_structure                          # fine-structure constant α
C_AU = 1.0 / ALPHA                                  # speed of light in atomic units
HARTREE_J = _sc.physical_constants["Hartree energy"][0]
HARTREE_EV = _sc.physical_constants["Hartree energy in eV"][0]
BOHR_M = _sc.physical_constants["Bohr radius"][0]
ME_KEV = _sc.physical_constants["electron mass energy equivalent in MeV"][0] * 1e3
HBARC_KEV_M = _sc.hbar * _sc.c / _sc.e * 1e-3       # ħc in keV·m
HARTREE_KEV = HARTREE_EV * 1e-3
HARTREE_CM1 = HARTREE_J / (_sc.h * _sc.c) / 100.0   # hartree in cm⁻¹
HARTREE_K = HARTREE_J / _sc.k                       # hartree in kelvin
HARTREE_MHZ = HARTREE_J / _sc.h / 1e6               # hartree in MHz
BOHR_PER_INV_KEV = HBARC_KEV_M / BOHR_M             # 1 keV⁻¹ (ħ=c=1) in bohr

#: Output units accepted at the public boundary: name -> (energy per hartree,
#: length unit of R per bohr, description).
UNITS = {
    "au": (1.0, 1.0, "energy in hartree, R in bohr"),
    "natural": (HARTREE_KEV, 1.0 / BOHR_PER_INV_KEV, "energy in keV, R in keV^-1 (hbar = c = 1)"),
    "SI": (HARTREE_J, BOHR_M, "energy in J, R in m"),
    "cm-1": (HARTREE_CM1, 1.0, "energy in cm^-1 (E/hc), R in bohr"),
    "K": (HARTREE_K, 1.0, "energy in K (E/k_B), R in bohr"),
    "MHz": (HARTREE_MHZ, 1.0, "energy in MHz (E/h), R in bohr"),
}


def check_units(units: str) -> str:
    """Validate a unit-system name; returns it. Raises ValueError listing the allowed names.

    Examples
    --------
    >>> check_units("au")
    'au'
    """
    if units not in UNITS:
        raise ValueError(f"units must be one of {sorted(UNITS)}, got {units!r}")
    return units


def energy_from_hartree(value, units: str):
    """Convert an energy (or potential) from hartree to ``units`` (see :data:`UNITS`).

    Examples
    --------
    >>> round(float(energy_from_hartree(1.0, "cm-1")), 3)
    219474.631
    """
    return np.asarray(value) * UNITS[check_units(units)][0]


def length_to_bohr(value, units: str):
    """Convert a distance given in the length unit of ``units`` to bohr.

    Examples
    --------
    >>> float(length_to_bohr(BOHR_M, "SI"))
    1.0
    """
    return np.asarray(value, dtype=float) / UNITS[check_units(units)][1]


def length_from_bohr(value, units: str):
    """Convert a distance in bohr to the length unit of ``units``.

    Examples
    --------
    >>> float(length_from_bohr(1.0, "SI")) == BOHR_M
    True
    """
    return np.asarray(value, dtype=float) * UNITS[check_units(units)][1]


# Natural (ħ = c = m_e = 1) <-> atomic units, used by weft internals.
def energy_au_to_natural(e_hartree):
    """hartree -> m_e c² units: E_nat = α² E_au.

    Examples
    --------
    >>> float(energy_au_to_natural(1.0)) == ALPHA ** 2
    True
    """
    return np.asarray(e_hartree) * ALPHA ** 2


def length_au_to_natural(r_bohr):
    """bohr -> ħ/(m_e c) units: R_nat = R_au/α.

    Examples
    --------
    >>> float(length_au_to_natural(1.0)) == 1 / ALPHA
    True
    """
    return np.asarray(r_bohr) / ALPHA


def c6_au_to_inv_kev5(c6_au: float) -> float:
    """C6 from hartree·bohr⁶ to keV⁻⁵ (ħ = c = 1), the unit quoted after Eq. (32).

    Examples
    --------
    >>> round(c6_au_to_inv_kev5(6.499026705405839), 10)   # errata E1
    6.5779e-05
    """
    return c6_au * HARTREE_KEV * (1.0 / BOHR_PER_INV_KEV) ** 6
