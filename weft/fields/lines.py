"""Hydrogen line data in SI: the Lyman-α transition 1s–2p from exact matrix elements.

* Transition dipoles μ_m = ⟨1s| d |2p_m⟩ = −e ⟨1s| r |2p_m⟩ (d = −e r, the Donaire
  seeds' μ = ⟨A₋|d|A₊⟩), from ``hydrogen.dipole.cartesian_dipole`` (exact radial integral
  ⟨2p|r|1s⟩ = 128√6/243 bohr times the Condon–Shortley angular factors): |μ_m|² = e²a₀²
  2¹⁵/3¹⁰ for each m = −1, 0, +1.
* ω₀ = (E_2 − E_1)/ħ = (3/8) E_h/ħ.
* Γ(2p → 1s) from the Green tensor, Γ = (2μ₀ω₀²/ħ) μ*·Im G₀(r, r, ω₀)·μ = ω₀³|μ|²/(3πε₀ħc³)
  (Wigner–Weisskopf), which for hydrogen is exactly

      Γ_∞ = (2/3)⁸ α³ E_h/ħ = (2/3)⁸ α⁴ c/a₀ = 6.26832e8 s⁻¹       (infinite nuclear mass).

Equations: not from the EFT paper. Γ is the Wigner–Weisskopf rate (as used by the
Donaire seeds 000, 004; its Green-tensor form is seed 003's Im G₀(r, r, ω) = (ω/6πc)𝟙, the
identity tested in tests/test_fields_green.py); the dipoles are the paper's ⟨n|x|m⟩ of
Eq. (11) for 1s–2p.

Nuclear mass: ``hydrogen`` uses an infinitely heavy nucleus. A finite mass M enters the
nonrelativistic two-body problem only through the reduced mass μ_r = m_e M/(m_e + M):
energies scale by s = μ_r/m_e, lengths (hence dipoles, d = −e r_rel) by 1/s, so
ω₀ ∝ s, |μ|² ∝ s⁻² and Γ ∝ ω₀³|μ|² ∝ s. For H (s = 0.99945568) Γ = 6.26490e8 s⁻¹, the
NIST/Wiese & Fuhr value 6.2649e8 s⁻¹ (J. Phys. Chem. Ref. Data 38, 565 (2009)), lifetime
1.5962 ns, λ₀ = 2πc/ω₀ = 121.568 nm. The H–D Lyman-α isotope shift (s_D − s_H)ω_∞/2π
= 671.0 GHz is 6700 Γ/2π: H(2p) and D(1s) are far off resonance (dissimilar atoms in the
sense of the Donaire seeds). Fine structure, Lamb shift and QED corrections (relative
O(α²)) are not included.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.constants as _sc

from hydrogen.dipole import cartesian_dipole
from hydrogen.states import energy

from .green import im_green_coincident
from .si import ATOMIC_UNITS, HBAR, MU0

__all__ = ["Line", "NUCLEUS_MASS_RATIO", "mass_factor", "transition_dipole",
           "spontaneous_emission_rate", "lyman_alpha"]

#: Nuclear-to-electron mass ratio M/m_e by nucleus name (CODATA, scipy.constants).
NUCLEUS_MASS_RATIO = {
    "infinite": float("inf"),
    "H": _sc.physical_constants["proton-electron mass ratio"][0],
    "D": _sc.physical_constants["deuteron-electron mass ratio"][0],
}


def mass_factor(nucleus="infinite") -> float:
    """Reduced-mass factor s = μ_r/m_e = 1/(1 + m_e/M) for a nucleus name or M/m_e.

    Parameters
    ----------
    nucleus : str or float
        "infinite" (``hydrogen``'s convention, s = 1), "H", "D", or M/m_e > 0.

    Returns
    -------
    float
        s = μ_r/m_e (dimensionless, 0 < s <= 1): energies scale by s, lengths by 1/s
        (module docstring).

    Raises
    ------
    ValueError
        Unknown nucleus name, or a mass ratio that is not > 0.

    Examples
    --------
    >>> round(mass_factor("H"), 8)
    0.99945568
    >>> mass_factor("infinite")
    1.0
    """
    if isinstance(nucleus, str):
        if nucleus not in NUCLEUS_MASS_RATIO:
            raise ValueError(f"nucleus must be one of {sorted(NUCLEUS_MASS_RATIO)} or a mass "
                             f"ratio M/m_e > 0, got {nucleus!r}")
        ratio = NUCLEUS_MASS_RATIO[nucleus]
    else:
        ratio = float(nucleus)
        if not ratio > 0 or np.isnan(ratio):
            raise ValueError(f"nucleus: a mass ratio M/m_e must be > 0, got {nucleus!r}")
    return 1.0 / (1.0 + 1.0 / ratio)


def transition_dipole(lower, upper, nucleus="infinite") -> np.ndarray:
    """⟨lower| d |upper⟩ = −e ⟨lower| r |upper⟩ for bound states (n, l, m), in C·m.

    Cartesian components (x, y, z), complex (Condon–Shortley phases); lengths in units of
    the reduced-mass Bohr radius a₀/s (module docstring).

    Parameters
    ----------
    lower, upper : tuple of int
        (n, l, m) of the two states.
    nucleus : str or float
        See :func:`mass_factor`.

    Returns
    -------
    ndarray of complex, shape (3,)

    Examples
    --------
    >>> from weft.fields.si import ATOMIC_UNITS
    >>> mu = transition_dipole((1, 0, 0), (2, 1, 0)) / ATOMIC_UNITS["dipole"][0]
    >>> round(float(mu[2].real), 12)                    # -128√2/243 e a₀
    -0.744935539028
    """
    n1, l1, m1 = lower
    n2, l2, m2 = upper
    r_up = cartesian_dipole(n1, l1, m1, n2, l2, m2)         # ⟨upper|r|lower⟩, bohr
    return -np.conj(r_up) * ATOMIC_UNITS["dipole"][0] / mass_factor(nucleus)


def spontaneous_emission_rate(omega, dipole) -> float:
    """Γ = (2μ₀ω²/ħ) d*·Im G₀(r, r, ω)·d, free space (1/s).

    Equals ω³|d|²/(3πε₀ħc³) (Wigner–Weisskopf) with :func:`im_green_coincident`; the
    Green-tensor form is the one that generalises to other environments (Buhmann,
    *Dispersion Forces I*).

    Parameters
    ----------
    omega : float
        Transition angular frequency (rad/s), > 0.
    dipole : array_like, shape (3,)
        Transition dipole ⟨g|d|e⟩ (C·m), complex allowed.

    Returns
    -------
    float
        The rate Γ in 1/s (s⁻¹).

    Raises
    ------
    ValueError
        ``omega`` not finite and > 0, or ``dipole`` not a finite 3-vector.

    Examples
    --------
    >>> line = lyman_alpha()
    >>> round(spontaneous_emission_rate(line.omega0, line.dipoles[1]) / 1e8, 5)
    6.26832
    """
    omega = float(omega)
    if not omega > 0 or not np.isfinite(omega):
        raise ValueError(f"omega must be a finite angular frequency > 0 (rad/s), got {omega!r}")
    d = np.asarray(dipole, dtype=complex)
    if d.shape != (3,) or not np.all(np.isfinite(d)):
        raise ValueError("dipole must be a finite 3-vector (C m)")
    im_g = im_green_coincident(omega)
    return float(2.0 * MU0 * omega ** 2 / HBAR * np.real(np.conj(d) @ im_g @ d))


@dataclass(frozen=True, eq=False)
class Line:
    """An electric-dipole line of hydrogen (SI).

    Attributes
    ----------
    name : str
    nucleus : str or float
        As passed to :func:`lyman_alpha`.
    mass_factor : float
        s = μ_r/m_e.
    omega0 : float
        Transition angular frequency (rad/s).
    dipoles : ndarray of complex, shape (3, 3)
        Row m + 1 is μ_m = ⟨lower|d|upper, m⟩ (C·m), m = −1, 0, +1.
    gamma : float
        Spontaneous decay rate of the upper level (1/s), the same for every m.
    """

    name: str
    nucleus: object
    mass_factor: float
    omega0: float
    dipoles: np.ndarray
    gamma: float

    @property
    def wavelength(self) -> float:
        """Vacuum wavelength 2πc/ω₀ (m).

        Examples
        --------
        >>> round(lyman_alpha().wavelength * 1e9, 3)          # infinite nuclear mass
        121.502
        """
        return 2.0 * np.pi * _sc.c / self.omega0

    @property
    def lifetime(self) -> float:
        """1/Γ (s).

        Examples
        --------
        >>> round(lyman_alpha().lifetime * 1e9, 4)
        1.5953
        """
        return 1.0 / self.gamma

    @property
    def line_strength(self) -> float:
        """Σ_m |μ_m|² (C²m²): the |μ|² of the equivalent isotropic two-level atom.

        Examples
        --------
        >>> from weft.fields.si import ATOMIC_UNITS
        >>> round(lyman_alpha().line_strength / ATOMIC_UNITS["dipole"][0] ** 2, 12)   # 2¹⁵/3⁹
        1.66478687192
        """
        return float(np.sum(np.abs(self.dipoles) ** 2))


def lyman_alpha(nucleus="infinite") -> Line:
    """Lyman-α (1s–2p) line data from the package's exact matrix elements (module docstring).

    Parameters
    ----------
    nucleus : str or float
        "infinite" (default, consistent with ``hydrogen``), "H", "D", or M/m_e.

    Returns
    -------
    Line

    Examples
    --------
    >>> h = lyman_alpha("H")
    >>> round(h.wavelength * 1e9, 3), round(h.lifetime * 1e9, 4)
    (121.568, 1.5962)
    """
    s = mass_factor(nucleus)
    omega0 = (energy(2) - energy(1)) * ATOMIC_UNITS["frequency"][0] * s
    dipoles = np.array([transition_dipole((1, 0, 0), (2, 1, m), nucleus) for m in (-1, 0, 1)])
    gamma = spontaneous_emission_rate(omega0, dipoles[1])
    return Line("Lyman-alpha 1s-2p", nucleus, s, omega0, dipoles, gamma)
