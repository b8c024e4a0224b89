"""Physical constants and unit conversion: the only place a conversion factor is written.

Inside ``weft`` the paper's natural units are used: ħ = c = m_e = 1, so energies are in
units of m_e c², lengths in units of ħ/(m_e c), and e² = 4πα (Heaviside-Lorentz, Eq. (3)).
``hydrogen`` works in atomic units (hartree, bohr, e²/(4πε₀) = 1). In these units

    1 hartree = α² m_e c²,        1 bohr = ħ/(m_e c α),

and the paper's p_E(n,m) = e²⟨x⟩⟨x⟩ (Eq. (12)) equals 4πα · x2/α² = (4π/α) x2[bohr²] in
natural units, where x2 is ``hydrogen``'s weight in bohr².

Constants are the CODATA 2022 recommended values (:data:`CODATA`), written here as literals:
they are exactly the values ``scipy.constants`` serves for that release (tests/test_codata.py
compares them whenever the installed scipy serves CODATA 2022). Literals instead of an
import because ``scipy.constants`` loads scipy's array-API layer (~0.1 s, more than numpy
itself). Immutable module constants, no configuration state.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

__all__ = ["CODATA", "ALPHA", "C_AU", "HARTREE_J", "HARTREE_EV", "HARTREE_KEV", "HARTREE_CM1",
           "HARTREE_K", "HARTREE_MHZ", "BOHR_M", "ME_KEV", "HBARC_KEV_M", "BOHR_PER_INV_KEV",
           "LengthUnit", "UnitSystem", "LENGTH_UNITS", "UNITS", "check_units",
           "length_unit_of", "energy_from_hartree", "length_to_bohr", "length_from_bohr",
           "energy_au_to_natural", "length_au_to_natural", "c6_au_to_inv_kev5"]

#: The CODATA release of the constants below (written into every exported file).
CODATA = "CODATA 2022"

# CODATA 2022 recommended values (NIST, https://physics.nist.gov/constants), the release
# scipy.constants serves since scipy 1.15.
# Exact SI defining constants:
_C = 299792458.0                    # speed of light in vacuum, m/s
_H = 6.62607015e-34                 # Planck constant, J/Hz
_E = 1.602176634e-19                # elementary charge, C
_K = 1.380649e-23                   # Boltzmann constant, J/K
_HBAR = _H / (2 * math.pi)          # reduced Planck constant, J s (as scipy.constants)
# Measured:
_FINE_STRUCTURE = 0.0072973525643   # fine-structure constant
_HARTREE_J = 4.359744722206e-18     # Hartree energy, J
_HARTREE_EV = 27.211386245981       # Hartree energy in eV
_BOHR_M = 5.29177210544e-11         # Bohr radius, m
_ME_MEV = 0.51099895069             # electron mass energy equivalent in MeV

ALPHA = _FINE_STRUCTURE                             # fine-structure constant α
C_AU = 1.0 / ALPHA                                  # speed of light in atomic units
HARTREE_J = _HARTREE_J
HARTREE_EV = _HARTREE_EV
BOHR_M = _BOHR_M
ME_KEV = _ME_MEV * 1e3
HBARC_KEV_M = _HBAR * _C / _E * 1e-3                # ħc in keV·m
HARTREE_KEV = HARTREE_EV * 1e-3
HARTREE_CM1 = HARTREE_J / (_H * _C) / 100.0         # hartree in cm⁻¹
HARTREE_K = HARTREE_J / _K                          # hartree in kelvin
HARTREE_MHZ = HARTREE_J / _H / 1e6                  # hartree in MHz
BOHR_PER_INV_KEV = HBARC_KEV_M / BOHR_M             # 1 keV⁻¹ (ħ=c=1) in bohr

@dataclass(frozen=True)
class LengthUnit:
    """A unit for the distance R at the public boundary.

    Attributes
    ----------
    name : str
        Key in :data:`LENGTH_UNITS` and label in column names (``R_<name>``).
    per_bohr : float
        Value of one bohr in this unit (R[unit] = per_bohr · R[bohr]).
    description : str
    """

    name: str
    per_bohr: float
    description: str


@dataclass(frozen=True)
class UnitSystem:
    """An output unit system: the energy unit of W and the default length unit of R.

    Attributes
    ----------
    name : str
        Key in :data:`UNITS` (the ``units=`` argument, ``weft --units``).
    per_hartree : float
        Value of one hartree in the energy unit (W[unit] = per_hartree · W[hartree]).
    energy_label : str
        Name of the energy unit, used in column names (``W_<energy_label>``).
    length : str
        Default length unit of R (a key of :data:`LENGTH_UNITS`); ``length_unit=``
        overrides it.
    description : str
    """

    name: str
    per_hartree: float
    energy_label: str
    length: str
    description: str


#: Length units accepted for R (``length_unit=``, ``weft --length-unit``).
LENGTH_UNITS = {u.name: u for u in (
    LengthUnit("bohr", 1.0, "bohr radius a0 (atomic units)"),
    LengthUnit("m", BOHR_M, "metre"),
    LengthUnit("nm", BOHR_M * 1e9, "nanometre"),
    LengthUnit("angstrom", BOHR_M * 1e10, "angstrom (1e-10 m)"),
    LengthUnit("keV-1", 1.0 / BOHR_PER_INV_KEV, "inverse keV (hbar = c = 1)"),
)}

#: Output unit systems accepted at the public boundary (``units=``, ``weft --units``).
#: Each says its energy unit and the default length unit of R.
UNITS = {u.name: u for u in (
    UnitSystem("au", 1.0, "hartree", "bohr", "energy in hartree, R in bohr"),
    UnitSystem("natural", HARTREE_KEV, "keV", "keV-1",
               "energy in keV, R in keV^-1 (hbar = c = 1, as in the paper)"),
    UnitSystem("SI", HARTREE_J, "J", "m", "energy in J, R in m"),
    UnitSystem("cm-1", HARTREE_CM1, "cm-1", "bohr", "energy in cm^-1 (E/hc), R in bohr"),
    UnitSystem("K", HARTREE_K, "K", "bohr", "energy in K (E/k_B), R in bohr"),
    UnitSystem("MHz", HARTREE_MHZ, "MHz", "bohr", "energy in MHz (E/h), R in bohr"),
)}


def check_units(units: str) -> str:
    """Validate a unit-system name at the public boundary.

    Parameters
    ----------
    units : str
        A key of :data:`UNITS`: "au", "natural", "SI", "cm-1", "K" or "MHz".

    Returns
    -------
    str
        ``units``, unchanged.

    Raises
    ------
    ValueError
        Anything else (not a string, or an unknown name); the message lists the allowed
        names.

    Examples
    --------
    >>> check_units("au")
    'au'
    """
    if not isinstance(units, str) or units not in UNITS:
        raise ValueError(f"units must be one of {list(UNITS)}, got {units!r}")
    return units


def length_unit_of(units: str, length_unit: str | None = None) -> LengthUnit:
    """The length unit of R for a call: ``length_unit`` if given, else the system's default.

    Parameters
    ----------
    units : str
        A key of :data:`UNITS`.
    length_unit : str, optional
        A key of :data:`LENGTH_UNITS` ("bohr", "m", "nm", "angstrom", "keV-1").

    Returns
    -------
    LengthUnit

    Examples
    --------
    >>> length_unit_of("SI").name, length_unit_of("cm-1").name, length_unit_of("SI", "nm").name
    ('m', 'bohr', 'nm')
    """
    system = UNITS[check_units(units)]
    if length_unit is None:
        return LENGTH_UNITS[system.length]
    if not isinstance(length_unit, str) or length_unit not in LENGTH_UNITS:
        raise ValueError(f"length_unit must be one of {list(LENGTH_UNITS)} (or None for the "
                         f"default of units={units!r}: {system.length!r}), got {length_unit!r}")
    return LENGTH_UNITS[length_unit]


def energy_from_hartree(value, units: str):
    """Convert an energy (or potential) from hartree to the energy unit of ``units``.

    E[unit] = per_hartree · E[hartree], with the factors of :data:`UNITS` (CODATA 2022):
    hartree, keV, J, cm⁻¹ (E/hc), K (E/k_B) or MHz (E/h).

    Parameters
    ----------
    value : float or array_like
        Energy in hartree.
    units : str
        A key of :data:`UNITS` (validated by :func:`check_units`).

    Returns
    -------
    ndarray or numpy scalar
        The energy in the energy unit of ``units`` (``UNITS[units].energy_label``), same
        shape as ``value``.

    Examples
    --------
    >>> round(float(energy_from_hartree(1.0, "cm-1")), 3)
    219474.631
    >>> float(energy_from_hartree(1.0, "natural"))            # keV
    0.027211386245981
    """
    return np.asarray(value) * UNITS[check_units(units)].per_hartree


def length_to_bohr(value, length_unit: str):
    """Convert a distance given in ``length_unit`` (a key of :data:`LENGTH_UNITS`) to bohr.

    R[bohr] = R[unit] / per_bohr (:class:`LengthUnit`).

    Parameters
    ----------
    value : float or array_like
        Distance in ``length_unit``.
    length_unit : str
        "bohr", "m", "nm", "angstrom" or "keV-1" (ħ = c = 1).

    Returns
    -------
    ndarray or numpy scalar (float)
        The distance in bohr, same shape as ``value``.

    Raises
    ------
    ValueError
        Unknown ``length_unit`` (the message lists the allowed names).

    Examples
    --------
    >>> float(length_to_bohr(BOHR_M, "m"))
    1.0
    >>> float(length_to_bohr(1.0, "nm"))
    18.897261259077823
    """
    return np.asarray(value, dtype=float) / length_unit_of("au", length_unit).per_bohr


def length_from_bohr(value, length_unit: str):
    """Convert a distance in bohr to ``length_unit`` (a key of :data:`LENGTH_UNITS`).

    R[unit] = per_bohr · R[bohr] (:class:`LengthUnit`); the inverse of
    :func:`length_to_bohr`.

    Parameters
    ----------
    value : float or array_like
        Distance in bohr.
    length_unit : str
        "bohr", "m", "nm", "angstrom" or "keV-1" (ħ = c = 1).

    Returns
    -------
    ndarray or numpy scalar (float)
        The distance in ``length_unit``, same shape as ``value``.

    Raises
    ------
    ValueError
        Unknown ``length_unit`` (the message lists the allowed names).

    Examples
    --------
    >>> float(length_from_bohr(1.0, "m")) == BOHR_M
    True
    >>> float(length_from_bohr(1.0, "angstrom"))
    0.529177210544
    """
    return np.asarray(value, dtype=float) * length_unit_of("au", length_unit).per_bohr


# Natural (ħ = c = m_e = 1) <-> atomic units, used by weft internals.
def energy_au_to_natural(e_hartree):
    """hartree -> m_e c² units (the paper's ħ = c = m_e = 1): E_nat = α² E_au.

    1 hartree = α² m_e c² (module docstring).

    Parameters
    ----------
    e_hartree : float or array_like
        Energy in hartree.

    Returns
    -------
    ndarray or numpy scalar
        The energy in units of m_e c², same shape as ``e_hartree``.

    Examples
    --------
    >>> float(energy_au_to_natural(1.0)) == ALPHA ** 2
    True
    """
    return np.asarray(e_hartree) * ALPHA ** 2


def length_au_to_natural(r_bohr):
    """bohr -> ħ/(m_e c) units (the paper's ħ = c = m_e = 1): R_nat = R_au/α.

    1 bohr = ħ/(m_e c α) (module docstring).

    Parameters
    ----------
    r_bohr : float or array_like
        Distance in bohr.

    Returns
    -------
    ndarray or numpy scalar
        The distance in units of the reduced Compton wavelength ħ/(m_e c), same shape
        as ``r_bohr``.

    Examples
    --------
    >>> float(length_au_to_natural(1.0)) == 1 / ALPHA
    True
    """
    return np.asarray(r_bohr) / ALPHA


def c6_au_to_inv_kev5(c6_au: float) -> float:
    """C6 from hartree·bohr⁶ to keV⁻⁵ (ħ = c = 1), the unit quoted after Eq. (32).

    C6[keV⁻⁵] = C6[hartree·bohr⁶] × E_h[keV] × (a₀[keV⁻¹])⁶, a₀ = 1/:data:`BOHR_PER_INV_KEV`
    keV⁻¹ (docs/errata.md E1).

    Parameters
    ----------
    c6_au : float
        C6 in hartree·bohr⁶ (W = -C6/R⁶).

    Returns
    -------
    float
        C6 in keV⁻⁵.

    Examples
    --------
    >>> round(c6_au_to_inv_kev5(6.499026705405839), 10)   # errata E1
    6.5779e-05
    """
    return c6_au * HARTREE_KEV * (1.0 / BOHR_PER_INV_KEV) ** 6
