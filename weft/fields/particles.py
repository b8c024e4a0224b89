"""Polarizable particles with one interface: α(ω) at complex frequency, SI.

Every particle is a :class:`Particle` with

* ``alpha(omega)``: the isotropic (orientation-averaged) dipole polarizability α(ω) in
  C·m²/V = F·m² (SI; α/(4πε₀) is a volume), ω in rad/s, real or complex (ω = iξ
  included), time dependence e^{−iωt}: α is analytic in the upper half-plane and
  Im α(ω) > 0 for ω > 0 (absorption). The induced dipole is p = α E.
* ``alpha_imag(xi)``: α(iξ) for real ξ ≥ 0, real and positive (what Casimir–Polder
  and Matsubara sums use).
* ``alpha_au(omega_hartree)``: α in atomic units (bohr³) at ω in hartree.
* ``radius`` (m; 0 for atoms), ``omega_scales`` (its lowest and highest characteristic
  frequencies, rad/s) and ``omega_t``, the frequency of the single-oscillator model with
  the same α(0) and the same ∫₀^∞ α(iξ)² dξ:

      ω_t = (4/π) ∫₀^∞ α(iξ)² dξ / α(0)²           (= ω₀ exactly for a two-level atom).

Models
------
* :class:`HydrogenAtom`: exact, ``hydrogen.polarizability`` (all discrete and continuum
  intermediate states), converted with α[SI] = 4πε₀a₀³ α[bohr³], ω[rad/s] = (E_h/ħ) ω[au].
  Real ω only below the first resonance.
* :class:`TwoLevelAtom`: α(ω) = (2ω₀|μ|²/3ħ)/(ω₀² − ω² − iωΓ). |μ|² = Σ_e |⟨g|d|e⟩|² is the
  line strength summed over the excited sublevels; the 1/3 is the orientation average of
  a single transition, and for an isotropic J = 0 → 1 line (1s → 2p_{−1,0,1}) the same
  formula holds with |μ|² = Σ_m |μ_m|² (``Line.line_strength``). ``alpha_tensor`` gives
  the oriented atom.
* :class:`DielectricSphere`: Clausius–Mossotti α = 4πε₀a³(ε − 1)/(ε + 2) (Jackson
  Eq. (4.56); quasi-static, a ≪ λ, separations ≫ a) with a :class:`DrudeLorentz`
  ε(ω) = 1 + Σ_j ω_pj²/(ω_j² − ω² − iγ_jω) (seed 003 Eq. (35)); :data:`SILICA` is the
  seed's two-oscillator silica model, in rad/s (the seed's "Hz", docs/fields.md F7).
* :class:`TabulatedParticle`: user data α(iξ_k) on the imaginary axis, interpolated by a
  monotone cubic (PCHIP) in (log(1 + ξ/ξ₁), log α), ξ₁ the smallest positive node; outside
  the table a ValueError unless ``tail="inverse-square"`` (α ∝ ξ⁻², the f-sum asymptote).
* :class:`RadiationCorrected`: α/(1 − i k³α/(6πε₀)), k = ω/c, the radiation-reaction
  correction (Draine, ApJ 333, 848 (1988)); on the imaginary axis α/(1 − ξ³α/(6πε₀c³)).
"""
from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
from scipy.interpolate import PchipInterpolator

import hydrogen
from hydrogen.states import State, parse_state

from .si import ATOMIC_UNITS, C, EPS0, HBAR, from_atomic_units, to_atomic_units

__all__ = ["Particle", "HydrogenAtom", "TwoLevelAtom", "DrudeLorentz", "SILICA",
           "DielectricSphere", "TabulatedParticle", "RadiationCorrected"]

_ALPHA_AU = ATOMIC_UNITS["polarizability"][0]
_OMEGA_AU = ATOMIC_UNITS["frequency"][0]


def _omega_array(omega) -> np.ndarray:
    om = np.asarray(omega)
    if om.dtype.kind not in "iufc":
        raise ValueError(f"omega must be a number or an array of numbers (rad/s), got {omega!r}")
    om = om.astype(complex)
    if not np.all(np.isfinite(om)):
        raise ValueError("omega must be finite (rad/s)")
    return om


def _xi_array(xi) -> np.ndarray:
    x = np.asarray(xi)
    if x.dtype.kind not in "iuf":
        raise ValueError(f"xi must be real (rad/s; α(iξ) on the imaginary axis), got {xi!r}")
    x = x.astype(float)
    if not np.all(np.isfinite(x)) or np.any(x < 0):
        raise ValueError("xi must be finite and >= 0 (rad/s)")
    return x


def _positive(name: str, value, *, allow_zero: bool = False) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number, got {value!r}") from None
    if not math.isfinite(v) or v < 0 or (v == 0 and not allow_zero):
        bound = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} must be finite and {bound}, got {value!r}")
    return v


class Particle(ABC):
    """Interface of a polarizable particle (module docstring); SI units."""

    #: Radius (m) for the contact check R > a₁ + a₂; 0 for point particles.
    radius: float = 0.0

    @abstractmethod
    def alpha(self, omega) -> np.ndarray:
        """α(ω) in C·m²/V for complex ω (rad/s); complex ndarray like ``omega``.

        Examples
        --------
        >>> bool(TwoLevelAtom(1e16, 1e-29, 1e8).alpha(5e15).imag > 0)     # absorption
        True
        """

    @abstractmethod
    def alpha_imag(self, xi) -> np.ndarray:
        """α(iξ) in C·m²/V for real ξ ≥ 0 (rad/s); real ndarray like ``xi``.

        Examples
        --------
        >>> a = DielectricSphere(1e-7).alpha_imag([0.0, 1e15, 1e17])
        >>> bool(np.all(np.diff(a) < 0))                                  # decreasing in ξ
        True
        """

    @property
    @abstractmethod
    def omega_scales(self) -> tuple[float, float]:
        """Lowest and highest characteristic angular frequencies (rad/s)."""

    @property
    def ground_state(self) -> bool:
        """True when α describes a system in its ground state (Casimir–Polder applies)."""
        return True

    def alpha_au(self, omega_hartree) -> np.ndarray:
        """α in bohr³ (atomic units) at ω in hartree (complex allowed).

        Examples
        --------
        >>> round(float(HydrogenAtom("1s").alpha_au(0.0).real), 12)
        4.5
        """
        om = from_atomic_units(_omega_array(omega_hartree), "frequency")
        return to_atomic_units(self.alpha(om), "polarizability")

    @cached_property
    def omega_t(self) -> float:
        """ω_t = (4/π)∫₀^∞ α(iξ)² dξ/α(0)² (rad/s): one-oscillator equivalent frequency.

        Examples
        --------
        >>> round(HydrogenAtom("1s").omega_t / ATOMIC_UNITS["frequency"][0], 6)   # hartree
        0.427919
        """
        lo, hi = self.omega_scales
        xi, w = _log_rule(lo * 1e-4, hi * 1e4)
        a0 = float(self.alpha_imag(0.0))
        return float(4.0 / np.pi * np.sum(w * self.alpha_imag(xi) ** 2) / a0 ** 2)


def _log_rule(lo: float, hi: float, nodes: int = 24):
    """Gauss–Legendre on [0, lo], ratio-2 panels in log ξ on [lo, hi], ξ = hi/s on [hi, ∞)."""
    x, w = np.polynomial.legendre.leggauss(nodes)
    parts = [(0.5 * lo * (x + 1), 0.5 * lo * w)]
    n_pan = max(1, math.ceil(math.log2(hi / lo)))
    edges = np.geomspace(lo, hi, n_pan + 1)
    a, b = edges[:-1, None], edges[1:, None]
    parts.append(((0.5 * (b - a) * x + 0.5 * (b + a)).ravel(), (0.5 * (b - a) * w).ravel()))
    s = 0.5 * (x + 1)
    parts.append((hi / s, 0.5 * w * hi / s ** 2))
    return np.concatenate([p[0] for p in parts]), np.concatenate([p[1] for p in parts])


# ---------------------------------------------------------------------------
# Hydrogen atom (exact)
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class HydrogenAtom(Particle):
    """Hydrogen in a bound state, exact α from ``hydrogen.polarizability`` (SI).

    Parameters
    ----------
    state : str or tuple or State
        E.g. "1s" (default). Casimir–Polder functions accept only states whose
        intermediate levels all lie above (the ground state).

    Examples
    --------
    >>> h = HydrogenAtom("1s")
    >>> round(float(h.alpha_imag(0.0) / ATOMIC_UNITS["polarizability"][0]), 12)
    4.5
    """

    state: State = field(default_factory=lambda: parse_state("1s"))

    def __post_init__(self):
        object.__setattr__(self, "state", parse_state(self.state))

    @cached_property
    def _rule(self):
        return hydrogen.spectral_rule(self.state)

    @property
    def ground_state(self) -> bool:
        return bool(np.all(self._rule.dE < 0))

    @property
    def first_resonance(self) -> float:
        """Smallest |E_m − E_n|/ħ of the intermediate levels (rad/s), degenerate ones excluded."""
        w = np.abs(self._rule.omega[~self._rule.degenerate])
        return float(w.min()) * _OMEGA_AU

    @property
    def omega_scales(self) -> tuple[float, float]:
        """(first resonance, twice the larger of it and the ionisation energy)/ħ, rad/s."""
        ionisation = 0.5 / self.state.n ** 2 * _OMEGA_AU
        return self.first_resonance, 2.0 * max(self.first_resonance, ionisation)

    def alpha(self, omega) -> np.ndarray:
        """α(ω) (C·m²/V), the paper's Eq. (11) / ``hydrogen.polarizability`` in SI; real ω
        must lie below the first resonance (:attr:`first_resonance`).

        Examples
        --------
        >>> w, a = ATOMIC_UNITS["frequency"][0], ATOMIC_UNITS["polarizability"][0]
        >>> round(float(HydrogenAtom("1s").alpha(0.1 * w).real / a), 9)     # bohr³ at 0.1 E_h/ħ
        4.784300343
        """
        om = _omega_array(omega)
        bad = np.abs(om.real) >= self.first_resonance
        if np.any(bad):
            raise ValueError(f"omega: |Re ω| must stay below the first resonance of "
                             f"{self.state.label}, {self.first_resonance:.9e} rad/s; got "
                             f"{om[bad].ravel()[0]!r}")
        out = hydrogen.polarizability(self.state, om / _OMEGA_AU)
        return np.asarray(out, dtype=complex) * _ALPHA_AU

    def alpha_imag(self, xi) -> np.ndarray:
        """α(iξ) (C·m²/V), ξ ≥ 0 in rad/s.

        Examples
        --------
        >>> w, a = ATOMIC_UNITS["frequency"][0], ATOMIC_UNITS["polarizability"][0]
        >>> round(float(HydrogenAtom().alpha_imag(100 * w) / a) * 1e4, 6)   # ≈ 1/u² (TRK)
        0.99989
        """
        x = _xi_array(xi)
        out = hydrogen.polarizability(self.state, 1j * x / _OMEGA_AU)
        return np.asarray(out, dtype=float) * _ALPHA_AU


# ---------------------------------------------------------------------------
# Two-level atom
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class TwoLevelAtom(Particle):
    """Two-level (single-line) atom: α(ω) = (2ω₀|μ|²/3ħ)/(ω₀² − ω² − iωΓ), SI.

    Parameters
    ----------
    omega0 : float
        Transition angular frequency ω₀ > 0 (rad/s).
    dipole : float or array_like
        |μ| (C·m), or the transition dipole vector μ = ⟨g|d|e⟩ (3 complex components)
        for an oriented atom. |μ|² is the line strength Σ_e|⟨g|d|e⟩|² (module docstring).
    gamma : float
        Damping Γ ≥ 0 (1/s); the radiative width already contains radiation reaction,
        so do not wrap such an atom in :class:`RadiationCorrected`.

    Examples
    --------
    >>> from weft.fields.lines import lyman_alpha
    >>> ly = lyman_alpha()
    >>> atom = TwoLevelAtom(ly.omega0, math.sqrt(ly.line_strength), ly.gamma)
    >>> round(float(atom.alpha_au(0.0).real), 6)          # Lyman-α alone: f/ω₀² = 2.959...
    2.959621
    """

    omega0: float
    dipole: object
    gamma: float = 0.0

    def __post_init__(self):
        object.__setattr__(self, "omega0", _positive("omega0", self.omega0))
        object.__setattr__(self, "gamma", _positive("gamma", self.gamma, allow_zero=True))
        d = np.asarray(self.dipole)
        if d.dtype.kind not in "iufc" or d.shape not in ((), (3,)) or not np.all(np.isfinite(d)):
            raise ValueError("dipole must be |μ| (C m, a finite number) or a finite 3-vector")
        if d.shape == () and d.dtype.kind == "c":
            raise ValueError("dipole: give |μ| as a real number, or the complex 3-vector μ")
        if not np.any(d != 0):
            raise ValueError("dipole must be non-zero")
        object.__setattr__(self, "dipole", d.astype(complex) if d.shape else abs(float(d)))

    @property
    def mu2(self) -> float:
        """|μ|² (C²m²)."""
        d = np.asarray(self.dipole)
        return float(np.sum(np.abs(d) ** 2))

    @property
    def omega_scales(self) -> tuple[float, float]:
        return self.omega0, self.omega0

    def _denominator(self, om: np.ndarray) -> np.ndarray:
        den = self.omega0 ** 2 - om * om - 1j * om * self.gamma
        if np.any(den == 0):
            raise ValueError("omega hits the undamped resonance ω = ω₀ (gamma = 0): α is infinite")
        return den

    def alpha(self, omega) -> np.ndarray:
        """(2ω₀|μ|²/3ħ)/(ω₀² − ω² − iωΓ) (C·m²/V), ω complex (rad/s).

        Examples
        --------
        >>> a = TwoLevelAtom(1e16, 1e-29)
        >>> bool(np.isclose(a.alpha(0.0).real, 2 * 1e-58 / (3 * HBAR * 1e16), rtol=1e-15))
        True
        """
        om = _omega_array(omega)
        return (2.0 * self.omega0 * self.mu2 / (3.0 * HBAR)) / self._denominator(om)

    def alpha_imag(self, xi) -> np.ndarray:
        """(2ω₀|μ|²/3ħ)/(ω₀² + ξ² + ξΓ) (C·m²/V), ξ ≥ 0 (rad/s).

        Examples
        --------
        >>> a = TwoLevelAtom(1e16, 1e-29)
        >>> round(float(a.alpha_imag(1e16) / a.alpha_imag(0.0)), 12)
        0.5
        """
        x = _xi_array(xi)
        return (2.0 * self.omega0 * self.mu2 / (3.0 * HBAR)) / (self.omega0 ** 2 + x * x
                                                                + x * self.gamma)

    def alpha_tensor(self, omega) -> np.ndarray:
        """Oriented atom: α_ij(ω) = (2/ħ)[ω₀ Re(μ_iμ_j*) + iω Im(μ_iμ_j*)]/(ω₀² − ω² − iωΓ).

        From the Kramers–Heisenberg form α_ij = (1/ħ)[μ_iμ_j*/(ω₀ − ω) + μ_i*μ_j/(ω₀ + ω)]
        with the damping of :meth:`alpha`; Tr α/3 = :meth:`alpha`. Shape omega.shape + (3, 3).

        Examples
        --------
        >>> a = TwoLevelAtom(1e16, [0.0, 0.0, 1e-29])
        >>> t = a.alpha_tensor(0.0)
        >>> bool(np.isclose(np.trace(t) / 3, a.alpha(0.0)) and t[0, 0] == 0)
        True
        """
        om = _omega_array(omega)
        d = np.asarray(self.dipole)
        if d.shape != (3,):
            raise ValueError("alpha_tensor needs the dipole vector μ (3 components), not |μ|")
        mm = np.outer(d, d.conj())
        num = self.omega0 * mm.real + 1j * om[..., None, None] * mm.imag
        return (2.0 / HBAR) * num / self._denominator(om)[..., None, None]


# ---------------------------------------------------------------------------
# Dielectric sphere
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class DrudeLorentz:
    """ε(ω) = 1 + Σ_j ω_pj²/(ω_j² − ω² − iγ_jω), all frequencies in rad/s (seed 003 Eq. (35)).

    Parameters
    ----------
    plasma, resonance, damping : sequence of float
        ω_pj > 0, ω_j > 0 (dielectric: no Drude term), γ_j ≥ 0, equal lengths ≥ 1.

    Examples
    --------
    >>> round(float(SILICA.eps_imag(0.0)), 4)              # static permittivity of the model
    3.9419
    """

    plasma: tuple
    resonance: tuple
    damping: tuple

    def __post_init__(self):
        arrays = {}
        for name in ("plasma", "resonance", "damping"):
            try:
                a = np.atleast_1d(np.asarray(getattr(self, name), dtype=float))
            except (TypeError, ValueError):
                raise ValueError(f"{name} must be a sequence of real numbers (rad/s)") from None
            if a.ndim != 1 or a.size == 0 or not np.all(np.isfinite(a)):
                raise ValueError(f"{name} must be a non-empty 1-d sequence of finite numbers "
                                 "(rad/s)")
            arrays[name] = a
        if len({a.size for a in arrays.values()}) != 1:
            raise ValueError("plasma, resonance and damping must have the same length")
        if np.any(arrays["plasma"] <= 0) or np.any(arrays["resonance"] <= 0):
            raise ValueError("plasma and resonance frequencies must be > 0 (a resonance at 0, "
                             "a Drude metal, is not supported)")
        if np.any(arrays["damping"] < 0):
            raise ValueError("damping must be >= 0")
        for name, a in arrays.items():
            object.__setattr__(self, name, tuple(float(v) for v in a))

    def eps(self, omega) -> np.ndarray:
        """ε(ω) of seed 003 Eq. (35), complex, ω in rad/s (complex allowed).

        Examples
        --------
        >>> bool(SILICA.eps(1.32e14).imag > 0)                 # absorption at the IR resonance
        True
        """
        om = _omega_array(omega)[..., None]
        wp, wt, g = (np.array(v) for v in (self.plasma, self.resonance, self.damping))
        den = wt ** 2 - om * om - 1j * g * om
        if np.any(den == 0):
            raise ValueError("omega hits an undamped resonance of the permittivity")
        return 1.0 + np.sum(wp ** 2 / den, axis=-1)

    def eps_imag(self, xi) -> np.ndarray:
        """ε(iξ) = 1 + Σ_j ω_pj²/(ω_j² + ξ² + γ_jξ), real ≥ 1, ξ ≥ 0 in rad/s.

        Examples
        --------
        >>> float(SILICA.eps_imag(1e30))                         # → 1 far above all resonances
        1.0
        """
        x = _xi_array(xi)[..., None]
        wp, wt, g = (np.array(v) for v in (self.plasma, self.resonance, self.damping))
        return 1.0 + np.sum(wp ** 2 / (wt ** 2 + x * x + g * x), axis=-1)


#: Two-oscillator silica of seed 003, Eq. (35) and its Ref. [41] (angular frequencies).
SILICA = DrudeLorentz(plasma=(1.75e14, 2.96e16), resonance=(1.32e14, 2.72e16),
                      damping=(4.28e13, 8.09e15))


@dataclass(frozen=True, eq=False)
class DielectricSphere(Particle):
    """Sphere of radius a: α = 4πε₀a³(ε − 1)/(ε + 2) (Clausius–Mossotti), SI.

    Parameters
    ----------
    radius : float
        a > 0 (m).
    permittivity : DrudeLorentz
        ε(ω) of the material (default :data:`SILICA`).

    Examples
    --------
    >>> s = DielectricSphere(100e-9)
    >>> a0 = float(s.alpha_imag(0.0)) / (4 * np.pi * EPS0 * 1e-21)     # (ε−1)/(ε+2)
    >>> round(a0, 4)
    0.4951
    """

    radius: float
    permittivity: DrudeLorentz = SILICA

    def __post_init__(self):
        object.__setattr__(self, "radius", _positive("radius", self.radius))
        if not isinstance(self.permittivity, DrudeLorentz):
            raise ValueError("permittivity must be a DrudeLorentz model (e.g. SILICA)")

    @property
    def omega_scales(self) -> tuple[float, float]:
        wp = np.array(self.permittivity.plasma)
        wt = np.array(self.permittivity.resonance)
        return float(wt.min()), float(np.sqrt(wt ** 2 + wp ** 2).max())

    def _cm(self, eps: np.ndarray) -> np.ndarray:
        if np.any(eps + 2 == 0):
            raise ValueError("omega hits the undamped sphere resonance ε(ω) = −2")
        return 4.0 * np.pi * EPS0 * self.radius ** 3 * (eps - 1.0) / (eps + 2.0)

    def alpha(self, omega) -> np.ndarray:
        """4πε₀a³(ε(ω) − 1)/(ε(ω) + 2) (C·m²/V), Jackson Eq. (4.56).

        Examples
        --------
        >>> s = DielectricSphere(1e-7)
        >>> bool(np.isclose(s.alpha(1j * 1e15).real, s.alpha_imag(1e15), rtol=1e-14))
        True
        """
        return self._cm(self.permittivity.eps(omega))

    def alpha_imag(self, xi) -> np.ndarray:
        """4πε₀a³(ε(iξ) − 1)/(ε(iξ) + 2) (C·m²/V), ξ ≥ 0 (rad/s).

        Examples
        --------
        >>> s = DielectricSphere(1e-7)
        >>> bool(0 < s.alpha_imag(1e16) < s.alpha_imag(0.0))
        True
        """
        return self._cm(self.permittivity.eps_imag(xi))


# ---------------------------------------------------------------------------
# Tabulated α(iξ)
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class TabulatedParticle(Particle):
    """α(iξ) from a table, interpolated on the imaginary axis only (SI).

    Interpolation: PCHIP (scipy.interpolate.PchipInterpolator: monotone, C¹, exact at
    the nodes) of log α against t = log(1 + ξ/ξ₁), ξ₁ the smallest positive node: smooth
    through ξ = 0 (where t is linear in ξ), log–log at large ξ. Valid for
    xi[0] ≤ ξ ≤ xi[-1]; outside, a ValueError, unless ``tail="inverse-square"``, which
    continues α(iξ) = α(iξ_max)(ξ_max/ξ)² above the table (the universal f-sum
    behaviour). Accuracy is that of the table and of this third-order interpolation
    (e.g. 1.3e-6 relative for a silica sphere tabulated at 400 log-spaced nodes over seven
    decades, 8 times less per doubling; tested).

    Parameters
    ----------
    xi : array_like
        Strictly increasing ξ ≥ 0 (rad/s), at least 4 nodes; include ξ = 0 to cover the
        static limit (needed by Matsubara sums).
    alpha : array_like
        α(iξ) > 0 (C·m²/V) at those nodes.
    tail : None or "inverse-square"
    radius : float
        Optional particle radius (m) for the contact check.

    Examples
    --------
    >>> xi = np.concatenate([[0.0], np.geomspace(1e13, 1e19, 200)])
    >>> ref = TwoLevelAtom(1e16, 1e-29)
    >>> tab = TabulatedParticle(xi, ref.alpha_imag(xi))
    >>> bool(abs(tab.alpha_imag(3e15) / ref.alpha_imag(3e15) - 1) < 1e-5)
    True
    """

    xi: np.ndarray
    alpha_values: np.ndarray
    tail: object = None
    radius: float = 0.0

    def __post_init__(self):
        x = np.asarray(self.xi, dtype=float)
        a = np.asarray(self.alpha_values, dtype=float)
        if x.ndim != 1 or x.size < 4 or a.shape != x.shape:
            raise ValueError("xi and alpha must be 1-d arrays of the same length >= 4")
        if not (np.all(np.isfinite(x)) and np.all(np.isfinite(a))):
            raise ValueError("xi and alpha must be finite")
        if x[0] < 0 or np.any(np.diff(x) <= 0):
            raise ValueError("xi must be >= 0 and strictly increasing (rad/s)")
        if np.any(a <= 0):
            raise ValueError("alpha(i xi) must be > 0 (true for every passive particle)")
        if self.tail not in (None, "inverse-square"):
            raise ValueError(f"tail must be None or 'inverse-square', got {self.tail!r}")
        object.__setattr__(self, "radius", _positive("radius", self.radius, allow_zero=True))
        x.setflags(write=False)
        a.setflags(write=False)
        object.__setattr__(self, "xi", x)
        object.__setattr__(self, "alpha_values", a)
        xi1 = x[x > 0][0]
        object.__setattr__(self, "_xi1", float(xi1))
        object.__setattr__(self, "_interp", PchipInterpolator(np.log1p(x / xi1), np.log(a)))

    @property
    def omega_scales(self) -> tuple[float, float]:
        return self._xi1, float(self.xi[-1])

    def alpha_imag(self, xi) -> np.ndarray:
        """Interpolated α(iξ) (C·m²/V) inside the table (class docstring).

        Examples
        --------
        >>> tab = TabulatedParticle([0.0, 1.0, 2.0, 4.0], [4.0, 3.0, 2.0, 1.0])
        >>> float(tab.alpha_imag(2.0))
        2.0
        """
        x = _xi_array(xi)
        lo, hi = self.xi[0], self.xi[-1]
        above = x > hi
        if np.any(x < lo) or (np.any(above) and self.tail is None):
            bad = x[(x < lo) | (x > hi)].ravel()[0]
            raise ValueError(f"xi = {bad!r} rad/s is outside the table [{lo!r}, {hi!r}]; pass "
                             "tail='inverse-square' to extend it as xi^-2")
        out = np.exp(self._interp(np.log1p(np.minimum(x, hi) / self._xi1)))
        return np.where(above, self.alpha_values[-1] * (hi / np.maximum(x, hi)) ** 2, out)

    def alpha(self, omega) -> np.ndarray:
        """α(ω) for ω = iξ on the positive imaginary axis only (a table on the axis).

        Examples
        --------
        >>> tab = TabulatedParticle([0.0, 1.0, 2.0, 4.0], [4.0, 3.0, 2.0, 1.0])
        >>> complex(tab.alpha(1j * 4.0))
        (1+0j)
        """
        om = _omega_array(omega)
        if np.any(om.real != 0) or np.any(om.imag < 0):
            raise ValueError("a TabulatedParticle knows α only on the imaginary axis ω = iξ, "
                             "ξ >= 0; real or complex ω needs a model (e.g. DrudeLorentz)")
        return self.alpha_imag(om.imag).astype(complex)


# ---------------------------------------------------------------------------
# Radiation reaction
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class RadiationCorrected(Particle):
    """α_rr = α/(1 − i k³α/(6πε₀)), k = ω/c: the radiation-reaction-corrected polarizability.

    Makes Im(1/α_rr) = Im(1/α) − k³/(6πε₀) (optical theorem of a point dipole; Draine,
    ApJ 333, 848 (1988)). On the imaginary axis α_rr(iξ) = α/(1 − ξ³α/(6πε₀c³)); a
    ValueError is raised where this denominator is ≤ 0 (the point-dipole model breaks
    down there, ξ ≳ c/a).

    Parameters
    ----------
    particle : Particle
        A particle whose α has no radiative damping yet (not a TwoLevelAtom with its
        radiative Γ).

    Examples
    --------
    >>> s = RadiationCorrected(DielectricSphere(100e-9))
    >>> bool(s.alpha(2 * np.pi * C / 1064e-9).imag > 0)
    True
    """

    particle: Particle

    def __post_init__(self):
        if not isinstance(self.particle, Particle):
            raise ValueError("particle must be a Particle")
        object.__setattr__(self, "radius", self.particle.radius)

    @property
    def omega_scales(self) -> tuple[float, float]:
        return self.particle.omega_scales

    def alpha(self, omega) -> np.ndarray:
        """α/(1 − ik³α/(6πε₀)), k = ω/c (C·m²/V).

        Examples
        --------
        >>> s = DielectricSphere(1e-7)
        >>> w = 1.77e15                                          # 1064 nm
        >>> k = w / C
        >>> d = np.imag(1 / RadiationCorrected(s).alpha(w)) - np.imag(1 / s.alpha(w))
        >>> bool(np.isclose(d, -k**3 / (6 * np.pi * EPS0), rtol=1e-9))
        True
        """
        om = _omega_array(omega)
        a = self.particle.alpha(om)
        k = om / C
        return a / (1.0 - 1j * k ** 3 * a / (6.0 * np.pi * EPS0))

    def alpha_imag(self, xi) -> np.ndarray:
        """α(iξ)/(1 − ξ³α(iξ)/(6πε₀c³)) (C·m²/V); ValueError where the denominator is ≤ 0.

        Examples
        --------
        >>> s = DielectricSphere(1e-7)
        >>> bool(RadiationCorrected(s).alpha_imag(1e15) > s.alpha_imag(1e15))
        True
        """
        x = _xi_array(xi)
        a = self.particle.alpha_imag(x)
        den = 1.0 - (x / C) ** 3 * a / (6.0 * np.pi * EPS0)
        if np.any(den <= 0):
            raise ValueError("radiation reaction: 1 − ξ³α/(6πε₀c³) <= 0 at some xi; the "
                             "point-dipole model is invalid at such frequencies")
        return a / den
