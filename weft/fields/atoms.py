"""Atoms for the one-atom-excited forces: an excited atom A and its ground-state partner (SI).

The forces of :mod:`weft.fields.excited` and :mod:`weft.fields.nonconservative` need, for
the excited atom A (state |e⟩),

* its **lower lines** k (ħω_k = E_e − E_k > 0) with the transition dipoles
  μ_k = ⟨k|d|e⟩ (complex 3-vectors, C·m; the Donaire seeds' μ_A = ⟨A₋|d|A₊⟩): the
  resonant (real-photon) terms;
* its **total decay rate** Γ_A (1/s): the factor e^{−Γ_A T};
* its **tensor polarizability on the imaginary axis**, Kramers–Heisenberg,

      α_ij(iξ) = (1/ħ) Σ_n [2ω_n Re T^n_ij − 2ξ Im T^n_ij]/(ω_n² + ξ²),
      T^n_ij = Σ_{sublevels of n} ⟨e|d_i|n⟩⟨n|d_j|e⟩,   ω_n = (E_n − E_e)/ħ,

  over every level n not degenerate with e — lower levels included (ω_n < 0: they make
  the excited atom's α(iξ) smaller, for a two-level atom α_e = −α_g): the Wick-rotated
  (off-resonant) part of the Casimir–Polder integral;
* the **degenerate weight** W_ij = Σ_{n degenerate} Re T^n_ij (C²m²): a level with
  ω_n → 0 contributes 2ω_nW/(ħ(ω_n² + ξ²)) → (π/ħ)W·δ(ξ) (weight π/ħ on [0, ∞)), so that
  it enters the interaction as the unretarded −Tr[W·T·α_B(0)·T]/(2ε₀²) with the static
  dipole tensor T = (3R̂R̂ − 𝟙)/(4πR³) at every R (docs/excited.md §4: the degenerate np
  level of ns, "−3x2α(0)/R⁶, never retarded"; here the 2s level of 2p);
* the **ground state** it decays to (a :class:`~weft.fields.particles.Particle`), for the
  off-resonant force after the decay (weight 1 − e^{−Γ_A T}).

Models
------
* :class:`ExcitedHydrogen`: H (or D, any nucleus) in 2p, any orbital Σ_k u_k|2p_k⟩ of the
  real orbitals 2p_x, 2p_y, 2p_z (m states: 2p₀ = 2p_z, 2p_{±1} = ∓(2p_x ± i2p_y)/√2,
  Condon–Shortley). The tensor α uses the package's spectral rule of 2p (every discrete
  and continuum level) split by channel: for a node of the s channel
  T = 3x2 u*uᵀ, of the d channel T = (9/2)x2[(𝟙 + u*uᵀ + u uᵀ*)/5 − u*uᵀ/3] (x2 the
  rule's weight: one Cartesian component, m-averaged; the angular factors follow from
  ⟨p_k|x_i|s⟩ ∝ δ_ki and the completeness ∫Y*r̂_ir̂_jY = (δ_ij + u_i*u_j + u_iu_j*)/5 of p
  orbitals; their m-average is the scalar α of ``hydrogen.polarizability``, tested).
  The 2s level is degenerate (nonrelativistic spectrum; the Lamb shift, 1.06 GHz, only
  matters beyond R ~ c/L = 4.5 cm). Reduced mass: energies × s, lengths × 1/s
  (:func:`weft.fields.lines.mass_factor`), so α_s(ω) = s⁻³ α_∞(ω/s).
* :class:`ExcitedTwoLevel`: an oriented two-level atom (ω₀, μ = ⟨g|d|e⟩, Γ): α_e = −α_g,
  W = 0; the seeds' model (Rb–K of seed 001, Fig. 6 of seed 004).
* :class:`HydrogenIsotope`: a ground-state hydrogen atom with a finite nuclear mass
  (isotropic α, s⁻³α_∞(ω/s)): the partner D(1s) of H(2p).

Equations: the Kramers–Heisenberg α_ij(iξ) above is the tensor, excited-state form of the
paper's polarizability Eq. (11) and form factors Eq. (37) (for an S state in its ground
level it is their scalar α(iξ) = 2Σ x2 ω/(ω² + ξ²) δ_ij, x2 one Cartesian component of
|⟨n|x|m⟩|², atomic units); the forces that use it are seed 004 Eqs. (10)–(12) and seed
001 Eq. (8) (:mod:`weft.fields.excited`).

:func:`alpha_tensor` gives the 3×3 polarizability of any partner particle: the oriented
tensor of a :class:`~weft.fields.particles.TwoLevelAtom` given a dipole vector, α·𝟙 for
every other (isotropic) particle.
"""
from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import scipy.constants as _sc

import hydrogen
from hydrogen.states import State, parse_state

from .lines import lyman_alpha, mass_factor, transition_dipole
from .particles import HydrogenAtom, Particle, TwoLevelAtom, _xi_array
from .si import ATOMIC_UNITS

__all__ = ["ExcitedAtom", "ExcitedHydrogen", "ExcitedTwoLevel", "HydrogenIsotope",
           "LowerLine", "ORBITALS", "orbital_vector", "alpha_tensor", "nucleus_mass"]

_OMEGA_AU = ATOMIC_UNITS["frequency"][0]
_ALPHA_AU = ATOMIC_UNITS["polarizability"][0]
_DIPOLE_AU = ATOMIC_UNITS["dipole"][0]
_SQ2 = math.sqrt(0.5)

#: Named 2p orbitals as vectors u of amplitudes on the real orbitals (2p_x, 2p_y, 2p_z).
ORBITALS = {
    "2px": (1.0, 0.0, 0.0), "2py": (0.0, 1.0, 0.0), "2pz": (0.0, 0.0, 1.0),
    "2p0": (0.0, 0.0, 1.0),
    "2p+1": (-_SQ2, -1j * _SQ2, 0.0),          # −(2p_x + i 2p_y)/√2
    "2p-1": (_SQ2, -1j * _SQ2, 0.0),           # (2p_x − i 2p_y)/√2
}

#: Nuclear masses (kg) by name, CODATA via scipy.constants.
_NUCLEUS_KG = {"H": _sc.physical_constants["proton mass"][0],
               "D": _sc.physical_constants["deuteron mass"][0]}


def nucleus_mass(nucleus) -> float:
    """Mass of the hydrogen atom with this nucleus (kg): M + m_e (binding, 1e-8, neglected).

    Parameters
    ----------
    nucleus : str or float
        "H", "D", or M/m_e > 0 (a mass ratio). "infinite" has no finite mass (ValueError).

    Returns
    -------
    float
        The atom's mass in kg.

    Examples
    --------
    >>> f"{nucleus_mass('H'):.6e}"
    '1.673533e-27'
    """
    me = _sc.m_e
    if isinstance(nucleus, str):
        if nucleus not in _NUCLEUS_KG:
            raise ValueError(f"nucleus: an atom's mass needs 'H', 'D' or a mass ratio M/m_e, "
                             f"got {nucleus!r}")
        return _NUCLEUS_KG[nucleus] + me
    mass_factor(nucleus)                                 # validates the ratio
    return float(nucleus) * me + me


def orbital_vector(orbital) -> np.ndarray:
    """Normalised vector u of a 2p orbital Σ u_k |2p_k⟩ on the real orbitals (x, y, z).

    Parameters
    ----------
    orbital : str or array_like
        A key of :data:`ORBITALS` ("2p0", "2p+1", "2p-1", "2px", "2py", "2pz") or three
        (complex) amplitudes, e.g. ``(1, 0, 1)`` for (2p_x + 2p_z)/√2 (normalised here).

    Returns
    -------
    ndarray of complex, shape (3,)

    Examples
    --------
    >>> orbital_vector((1, 0, 1)).real.round(6).tolist()
    [0.707107, 0.0, 0.707107]
    """
    if isinstance(orbital, str):
        if orbital not in ORBITALS:
            raise ValueError(f"orbital must be one of {list(ORBITALS)} or three amplitudes on "
                             f"(2p_x, 2p_y, 2p_z), got {orbital!r}")
        return np.array(ORBITALS[orbital], dtype=complex)
    u = np.asarray(orbital)
    if u.dtype.kind not in "iufc" or u.shape != (3,) or not np.all(np.isfinite(u)):
        raise ValueError("orbital must be a name or three finite amplitudes on (2p_x, 2p_y, "
                         f"2p_z), got {orbital!r}")
    norm = float(np.sqrt(np.sum(np.abs(u) ** 2)))
    if norm == 0:
        raise ValueError("orbital: the amplitudes must not all be zero")
    return u.astype(complex) / norm


def alpha_tensor(particle, omega) -> np.ndarray:
    """3×3 polarizability tensor of a partner particle at complex ω (C·m²/V).

    A :class:`~weft.fields.particles.TwoLevelAtom` given its dipole vector is oriented
    (``alpha_tensor``); every other particle is isotropic, α(ω)𝟙.

    Parameters
    ----------
    particle : Particle
    omega : complex or array_like
        rad/s (real below the particle's first resonance, or ``1j*xi``).

    Returns
    -------
    ndarray of complex, shape omega.shape + (3, 3)

    Examples
    --------
    >>> t = alpha_tensor(TwoLevelAtom(1e16, [0, 0, 1e-29]), 0.0)
    >>> bool(t[2, 2].real > 0 and t[0, 0] == 0)
    True
    """
    if not isinstance(particle, Particle):
        raise ValueError(f"partner must be a weft.fields Particle, got {type(particle).__name__}")
    om = np.asarray(omega, dtype=complex)
    if isinstance(particle, TwoLevelAtom) and np.asarray(particle.dipole).shape == (3,):
        return particle.alpha_tensor(om)
    return np.asarray(particle.alpha(om))[..., None, None] * np.eye(3)


def _alpha_tensor_imag(particle, xi) -> np.ndarray:
    """Real 3×3 α(iξ) for ξ ≥ 0 (shape xi.shape + (3, 3))."""
    x = _xi_array(xi)
    if isinstance(particle, TwoLevelAtom) and np.asarray(particle.dipole).shape == (3,):
        return particle.alpha_tensor(1j * x).real
    return np.asarray(particle.alpha_imag(x))[..., None, None] * np.eye(3)


@dataclass(frozen=True)
class LowerLine:
    """A lower line of an excited atom: ħω = E_e − E_k and μ = ⟨k|d|e⟩ (SI).

    Attributes
    ----------
    omega : float
        rad/s, > 0.
    dipole : ndarray of complex, shape (3,)
        ⟨k|d|e⟩ in C·m.
    """

    omega: float
    dipole: np.ndarray


class ExcitedAtom(ABC):
    """Interface of an excited atom A (module docstring); SI units."""

    @property
    @abstractmethod
    def lines(self) -> tuple:
        """Lower lines (:class:`LowerLine`), the resonant channels."""

    @property
    @abstractmethod
    def gamma(self) -> float:
        """Total spontaneous decay rate Γ_A (1/s)."""

    @abstractmethod
    def alpha_imag_tensor(self, xi) -> np.ndarray:
        """α_ij(iξ) of the excited state (C·m²/V), degenerate levels excluded; real,
        shape xi.shape + (3, 3).

        Examples
        --------
        >>> a = ExcitedTwoLevel(1e16, [0, 0, 1e-29])
        >>> float(a.alpha_imag_tensor(0.0)[2, 2]) < 0          # α_e = −α_g
        True
        """

    @property
    @abstractmethod
    def degenerate_weight(self) -> np.ndarray:
        """W_ij = Σ_{degenerate n} Re⟨e|d_i|n⟩⟨n|d_j|e⟩ (C²m²), shape (3, 3)."""

    @property
    @abstractmethod
    def ground(self) -> Particle:
        """The ground-state particle A decays to."""

    @property
    @abstractmethod
    def ground_dipole_tensor(self) -> np.ndarray:
        """M_ij = Σ_b ⟨g|d_i|b⟩⟨b|d_j|g⟩ of an identical partner in the ground state, summed
        over the sublevels b of the excited level (C²m²), shape (3, 3)."""

    @property
    @abstractmethod
    def omega_scales(self) -> tuple[float, float]:
        """Lowest and highest characteristic |ω_n| (rad/s), for quadrature nodes."""

    @property
    def degenerate_antisymmetric(self) -> np.ndarray:
        """Σ_{degenerate n} Im⟨e|d_i|n⟩⟨n|d_j|e⟩ (C²m²): nonzero for orbitals with a
        current (2p±1); these levels keep −2 Im T/(ħξ) in α(iξ) (zero by default)."""
        return np.zeros((3, 3))

    @property
    def omega0(self) -> float:
        """The resonance of the identical-atom limit: the frequency of the first line (rad/s).

        Examples
        --------
        >>> ExcitedTwoLevel(1e16, [0, 0, 1e-29]).omega0
        1e+16
        """
        return self.lines[0].omega

    @property
    def mass(self) -> float:
        """Mass of the atom (kg), for displacements; NaN when not known."""
        return float("nan")


# ---------------------------------------------------------------------------
# Hydrogen
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class HydrogenIsotope(Particle):
    """Hydrogen in a bound state with a finite nuclear mass: α_s(ω) = s⁻³ α_∞(ω/s) (SI).

    Parameters
    ----------
    state : str or tuple
        E.g. "1s" (default).
    nucleus : str or float
        "infinite" (then identical to :class:`~weft.fields.particles.HydrogenAtom`), "H",
        "D" or M/m_e (:func:`weft.fields.lines.mass_factor`).

    Examples
    --------
    >>> d = HydrogenIsotope("1s", "D")
    >>> round(float(d.alpha_imag(0.0) / ATOMIC_UNITS["polarizability"][0]), 6)  # 4.5/s³
    4.503679
    """

    state: State = field(default_factory=lambda: parse_state("1s"))
    nucleus: object = "infinite"

    def __post_init__(self):
        object.__setattr__(self, "state", parse_state(self.state))
        object.__setattr__(self, "_s", mass_factor(self.nucleus))
        object.__setattr__(self, "_atom", HydrogenAtom(self.state))

    @property
    def mass_factor(self) -> float:
        """s = μ_r/m_e."""
        return self._s

    @property
    def ground_state(self) -> bool:
        return self._atom.ground_state

    @property
    def first_resonance(self) -> float:
        """Lowest non-degenerate transition frequency (rad/s), × s."""
        return self._atom.first_resonance * self._s

    @property
    def omega_scales(self) -> tuple[float, float]:
        lo, hi = self._atom.omega_scales
        return lo * self._s, hi * self._s

    @property
    def mass(self) -> float:
        """Atomic mass (kg), :func:`nucleus_mass`."""
        return nucleus_mass(self.nucleus)

    def alpha(self, omega) -> np.ndarray:
        """s⁻³ α_∞(ω/s) (C·m²/V), complex ω (rad/s), real ω below the first resonance.

        Examples
        --------
        >>> h = HydrogenIsotope("1s", "H")
        >>> bool(h.alpha(1e15).real > h.alpha(0.0).real)
        True
        """
        om = np.asarray(omega, dtype=complex)
        return self._atom.alpha(om / self._s) / self._s ** 3

    def alpha_imag(self, xi) -> np.ndarray:
        """s⁻³ α_∞(iξ/s) (C·m²/V), ξ ≥ 0 (rad/s).

        Examples
        --------
        >>> float(HydrogenIsotope("1s").alpha_imag(0.0)) == float(HydrogenAtom().alpha_imag(0.0))
        True
        """
        x = _xi_array(xi)
        return self._atom.alpha_imag(x / self._s) / self._s ** 3


@dataclass(frozen=True, eq=False)
class ExcitedHydrogen(ExcitedAtom):
    """Hydrogen in a 2p orbital (module docstring), with its exact multilevel α (SI).

    Parameters
    ----------
    orbital : str or array_like
        See :func:`orbital_vector` (default "2p0").
    nucleus : str or float
        "infinite" (default, as ``hydrogen``), "H", "D" or M/m_e.

    Examples
    --------
    >>> a = ExcitedHydrogen("2p0", "H")
    >>> round(a.lines[0].omega / 1e16, 6), round(a.gamma / 1e8, 4)
    (1.549458, 6.2649)
    """

    orbital: object = "2p0"
    nucleus: object = "infinite"

    def __post_init__(self):
        object.__setattr__(self, "_u", orbital_vector(self.orbital))
        object.__setattr__(self, "_s", mass_factor(self.nucleus))

    @property
    def u(self) -> np.ndarray:
        """The orbital vector (normalised, complex, on 2p_x, 2p_y, 2p_z)."""
        return self._u.copy()

    @cached_property
    def _line(self):
        return lyman_alpha(self.nucleus)

    @cached_property
    def d0(self) -> float:
        """⟨1s|d_z|2p_z⟩ (C·m), real: μ = d0·u for the orbital u."""
        return float(transition_dipole((1, 0, 0), (2, 1, 0), self.nucleus)[2].real)

    @property
    def lines(self) -> tuple:
        return (LowerLine(self._line.omega0, self.d0 * self._u),)

    @property
    def gamma(self) -> float:
        return self._line.gamma

    @property
    def mass(self) -> float:
        """Atomic mass (kg) of the nucleus; NaN for "infinite"."""
        if isinstance(self.nucleus, str) and self.nucleus == "infinite":
            return float("nan")
        return nucleus_mass(self.nucleus)

    @cached_property
    def ground(self) -> Particle:
        return HydrogenIsotope("1s", self.nucleus)

    @property
    def ground_dipole_tensor(self) -> np.ndarray:
        return self.d0 ** 2 * np.eye(3)

    @cached_property
    def _channels(self):
        """Atomic units: (ω_n, x2_n, l_n) of the non-degenerate nodes, u*uᵀ, x2 of 2s."""
        rule = hydrogen.spectral_rule("2p")
        deg = rule.degenerate
        if np.any(deg & (rule.l2 != 0)):
            raise RuntimeError("2p: a degenerate d level in the rule (impossible)")
        uu = np.outer(self._u.conj(), self._u)                       # u_i* u_j
        x2_deg = float(np.sum(rule.x2[deg]))                         # the 2s level
        return rule.omega[~deg], rule.x2[~deg], rule.l2[~deg], uu, x2_deg

    @staticmethod
    def _theta(uu: np.ndarray):
        """Angular tensors Θ of the s and d channels (T = x2 Θ; module docstring)."""
        theta_s = 3.0 * uu
        theta_d = 4.5 * ((np.eye(3) + uu + uu.T) / 5.0 - uu / 3.0)
        return theta_s, theta_d

    def alpha_imag_tensor(self, xi) -> np.ndarray:
        """Kramers–Heisenberg α_ij(iξ) of the 2p orbital (C·m²/V); the 2s level enters with
        its antisymmetric part −2 Im T/(ħξ) only (its symmetric part is the δ(ξ) weight W).

        Computed in atomic units, α_s(iξ) = s⁻³ α_∞(iξ/s), converted with 4πε₀a₀³ (as
        :class:`~weft.fields.particles.HydrogenAtom`). For a complex orbital the 2s term
        diverges as 1/ξ: ξ = 0 is then refused.

        Examples
        --------
        >>> t1 = ExcitedHydrogen("2p+1").alpha_imag_tensor(1e15)
        >>> t0 = ExcitedHydrogen("2p0").alpha_imag_tensor(1e15)
        >>> bool(np.isclose(np.trace(t1), np.trace(t0), rtol=1e-13))   # same level
        True
        """
        x = _xi_array(xi)
        omega, x2, l2, uu, x2_deg = self._channels
        theta_s, theta_d = self._theta(uu)
        flat = x.ravel() / (_OMEGA_AU * self._s)                     # ξ/s in hartree
        if np.any(theta_s.imag != 0) and np.any(flat == 0):
            raise ValueError("xi = 0: for a complex 2p orbital the degenerate 2s level makes "
                             "the antisymmetric part of alpha(i xi) diverge as 1/xi")
        den = omega[None, :] ** 2 + flat[:, None] ** 2
        out = np.zeros(flat.shape + (3, 3))
        for chan, theta in ((0, theta_s), (2, theta_d)):
            sel = l2 == chan
            sym = (2.0 * omega[sel] * x2[sel] / den[:, sel]).sum(axis=1)       # Σ 2ω x2/(ω²+ξ²)
            asym = (-2.0 * flat[:, None] * x2[sel] / den[:, sel]).sum(axis=1)  # Σ −2ξ x2/(…)
            out += sym[:, None, None] * theta.real + asym[:, None, None] * theta.imag
        if np.any(theta_s.imag != 0):
            with np.errstate(divide="ignore"):
                inv = np.where(flat > 0, -2.0 / np.where(flat > 0, flat, 1.0), 0.0)
            out += (inv * x2_deg)[:, None, None] * theta_s.imag
        out *= _ALPHA_AU / self._s ** 3
        return out.reshape(x.shape + (3, 3))

    @property
    def degenerate_antisymmetric(self) -> np.ndarray:
        """Σ_deg Im T_ij (C²m²): the 2s part that stays in α(iξ) as −2 Im T/(ħξ)."""
        uu, x2_deg = self._channels[3], self._channels[4]
        return 3.0 * x2_deg * (_DIPOLE_AU / self._s) ** 2 * uu.imag

    @property
    def degenerate_weight(self) -> np.ndarray:
        uu, x2_deg = self._channels[3], self._channels[4]
        return 3.0 * x2_deg * (_DIPOLE_AU / self._s) ** 2 * uu.real

    @property
    def omega_scales(self) -> tuple[float, float]:
        lowest = float(np.abs(self._channels[0]).min()) * _OMEGA_AU * self._s   # (5/72) E_h/ħ
        ionisation = 0.125 * _OMEGA_AU * self._s
        return lowest, 2.0 * max(self._line.omega0, ionisation)


class ExcitedTwoLevel(ExcitedAtom):
    """An oriented two-level atom in its excited state (SI): α_e(iξ) = −α_g(iξ).

    Parameters
    ----------
    omega0 : float
        Transition angular frequency (rad/s), > 0.
    dipole : array_like
        μ = ⟨g|d|e⟩, three (complex) components in C·m, not all zero.
    gamma : float, optional
        Decay rate Γ (1/s), ≥ 0; default: the free-space rate ω₀³|μ|²/(3πε₀ħc³)
        (:func:`weft.fields.lines.spontaneous_emission_rate`).
    mass : float, optional
        Atomic mass (kg), for displacements.

    Examples
    --------
    >>> a = ExcitedTwoLevel(2.37e15, [0.0, 0.0, 2.5e-29])
    >>> round(a.gamma / 1e7, 3)                  # free-space rate of this dipole (1/s)
    3.509
    """

    def __init__(self, omega0, dipole, gamma=None, mass=None):
        from .lines import spontaneous_emission_rate
        atom = TwoLevelAtom(omega0, dipole, 0.0)         # validates ω₀ and μ
        d = np.asarray(atom.dipole)
        if d.shape != (3,):
            raise ValueError("dipole: an excited two-level atom needs the vector μ = ⟨g|d|e⟩ "
                             "(three components), not only |μ|")
        if gamma is None:
            gamma = spontaneous_emission_rate(atom.omega0, d)
        try:
            g = float(gamma)
        except (TypeError, ValueError):
            raise ValueError(f"gamma must be a real number (1/s), got {gamma!r}") from None
        if not math.isfinite(g) or g < 0:
            raise ValueError(f"gamma must be finite and >= 0 (1/s), got {gamma!r}")
        m = float("nan")
        if mass is not None:
            try:
                m = float(mass)
            except (TypeError, ValueError):
                raise ValueError(f"mass must be a real number (kg), got {mass!r}") from None
            if not (math.isfinite(m) and m > 0):
                raise ValueError(f"mass must be finite and > 0 (kg), got {mass!r}")
        d.setflags(write=False)
        self._omega0, self._dipole, self._gamma, self._mass = atom.omega0, d, g, m
        self._ground = atom

    def __repr__(self):
        return (f"ExcitedTwoLevel(omega0={self._omega0!r}, dipole={self._dipole.tolist()!r}, "
                f"gamma={self._gamma!r})")

    @property
    def dipole(self) -> np.ndarray:
        """μ = ⟨g|d|e⟩ (C·m), read-only."""
        return self._dipole

    @property
    def lines(self) -> tuple:
        return (LowerLine(self._omega0, self._dipole.copy()),)

    @property
    def gamma(self) -> float:
        return self._gamma

    @property
    def mass(self) -> float:
        return self._mass

    @property
    def ground(self) -> Particle:
        """The ground state: :class:`~weft.fields.particles.TwoLevelAtom` (ω₀, μ, Γ = 0)."""
        return self._ground

    @property
    def ground_dipole_tensor(self) -> np.ndarray:
        return np.outer(self._dipole, self._dipole.conj())

    def alpha_imag_tensor(self, xi) -> np.ndarray:
        """−α_g(iξ) = −(2/ħ)[ω₀Re(μμ†) − ξIm(μμ†)]/(ω₀² + ξ²) (C·m²/V).

        Examples
        --------
        >>> a = ExcitedTwoLevel(1e16, [0, 0, 1e-29])
        >>> round(float(a.alpha_imag_tensor(1e16)[2, 2] / a.alpha_imag_tensor(0.0)[2, 2]), 12)
        0.5
        """
        return -_alpha_tensor_imag(self._ground, xi)

    @property
    def degenerate_weight(self) -> np.ndarray:
        return np.zeros((3, 3))

    @property
    def omega_scales(self) -> tuple[float, float]:
        return self._omega0, self._omega0
