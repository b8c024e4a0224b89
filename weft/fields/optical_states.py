"""Quantum states of a drive mode: coherent, squeezed vacuum, Schrödinger cat (seed 003 III C–E).

What the potentials need
------------------------
A drive mode of frequency ω with field per photon u(r) (V/m: the amplitude of the
mode's E(r) for one photon in the amplitude convention of :mod:`.optical`, E⁽⁺⁾ =
½u(r)a e^{−iωt}) contributes to the trap and optical-binding potentials of
:mod:`.optical` only through the time-averaged, normally ordered correlation

    W^{XY} = 4⟨E⁽⁻⁾(r_X) ⊗ E⁽⁺⁾(r_Y)⟩ = ⟨a†a⟩ u(r_X)* ⊗ u(r_Y)

(003 Eqs. (22), (27): every potential is ∝ ⟨a_σ†(k)a_σ'(k')⟩; terms in ⟨a²⟩ oscillate at
2ω and average out). So **for one mode, every state acts as a coherent state with the same
mean photon number** ⟨n⟩ = ⟨a†a⟩: U_state = U_coherent(|β|² → ⟨n⟩), first and second
order alike (:func:`single_mode_drive`). For two independent modes, one per tweezer
(mode A at sphere A only, mode B at sphere B only), the binding term needs the
cross-correlation ⟨a_A†a_B⟩ = ⟨a_A⟩*⟨a_B⟩ (:func:`two_mode_drive`): states without a mean
field (squeezed vacuum, cat states with |β|² ≫ 1) trap but do not bind.

The states (closed forms; tests compare them with direct sums in the Fock basis)
--------------------------------------------------------------------------------
* Coherent |β⟩: ⟨n⟩ = |β|², ⟨a⟩ = β, ⟨a²⟩ = β².
* Squeezed vacuum S(ξ)|0⟩, S(ξ) = exp[½(ξ*a² − ξa†²)], ξ = r e^{iφ} (Loudon, *The Quantum
  Theory of Light*, 3rd ed., Sec. 5.6): ⟨n⟩ = sinh²r, ⟨a⟩ = 0, ⟨a²⟩ = −e^{iφ} sinh r cosh r.
  It matches the potentials of a coherent state |β⟩ of the same mode when
  sinh²r = |β|² (:func:`matching_squeezing`); quadrature noise reduction 20 r log₁₀e dB.
* Cat |C⟩ = N(|β⟩ + e^{iθ}|−β⟩): with the overlap ⟨β|−β⟩ = e^{−2|β|²},
  N = [2 + 2e^{−2|β|²}cos θ]^{−1/2},
  ⟨n⟩ = |β|²(1 − e^{−2|β|²}cos θ)/(1 + e^{−2|β|²}cos θ)   (|β|² tanh|β|² even, coth odd),
  ⟨a⟩ = −2iN²β e^{−2|β|²} sin θ, ⟨a²⟩ = β².
  003 prints N with the exponent +½ and drops the overlap from the cross terms of ⟨n⟩,
  getting a factor 2N²(1 − cos θ) (docs/optical.md, errata F9, F10): for any drive
  (|β|² ≫ 1) the cat-state potentials equal the coherent ones to e^{−2|β|²}.

Photon numbers of a mode
------------------------
A mode of volume V holding ⟨n⟩ photons has intensity I = cħω⟨n⟩/V (energy density
ħω⟨n⟩/V), field per photon |u| = √(2ħω/(ε₀V)) (:func:`field_per_photon`,
:func:`photon_number`). The seed's r ≈ 27 (≈ 240 dB) for I = 10⁻² W/µm² corresponds to
V = (2π)⁴ m³ (:data:`SEED_MODE_VOLUME`), a value fixed by measuring lengths in metres
(docs/optical.md, erratum F8).
"""
from __future__ import annotations

import math
from abc import ABC, abstractmethod
from dataclasses import dataclass

import numpy as np

from .optical import Drive
from .si import C, EPS0, HBAR

__all__ = ["ModeState", "CoherentState", "SqueezedVacuum", "CatState", "field_per_photon",
           "photon_number", "matching_squeezing", "squeezing_db", "single_mode_drive",
           "two_mode_drive", "SEED_MODE_VOLUME"]

#: The mode volume (m³) implicit in 003's squeezing estimate: its ratio
#: sinh²r ħω₀c/((2π)⁴I) is sinh²r/⟨n⟩ for a mode of volume (2π)⁴ m³ (docs/optical.md F8).
SEED_MODE_VOLUME = (2.0 * math.pi) ** 4

_DB_PER_NEPER = 20.0 / math.log(10.0)      # 20 log₁₀ e


def _complex(name: str, value) -> complex:
    try:
        v = complex(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a complex number, got {value!r}") from None
    if not (math.isfinite(v.real) and math.isfinite(v.imag)):
        raise ValueError(f"{name} must be finite, got {value!r}")
    return v


def _real(name: str, value, *, minimum=None) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number, got {value!r}") from None
    if not math.isfinite(v) or (minimum is not None and v < minimum):
        bound = "" if minimum is None else f" and >= {minimum}"
        raise ValueError(f"{name} must be finite{bound}, got {value!r}")
    return v


class ModeState(ABC):
    """A state of one drive mode: the moments the potentials need (module docstring)."""

    @property
    @abstractmethod
    def mean_photon_number(self) -> float:
        """⟨a†a⟩."""

    @property
    @abstractmethod
    def amplitude(self) -> complex:
        """⟨a⟩."""

    @property
    @abstractmethod
    def anomalous(self) -> complex:
        """⟨a²⟩ (enters only terms oscillating at 2ω, which average out)."""


@dataclass(frozen=True)
class CoherentState(ModeState):
    """Coherent state |β⟩: ⟨n⟩ = |β|², ⟨a⟩ = β, ⟨a²⟩ = β² (003 Sec. III C).

    Parameters
    ----------
    beta : complex

    Examples
    --------
    >>> CoherentState(2j).mean_photon_number
    4.0
    """

    beta: complex

    def __post_init__(self):
        object.__setattr__(self, "beta", _complex("beta", self.beta))

    @property
    def mean_photon_number(self) -> float:
        """|β|².

        Examples
        --------
        >>> CoherentState(3.0).mean_photon_number
        9.0
        """
        return abs(self.beta) ** 2

    @property
    def amplitude(self) -> complex:
        """β.

        Examples
        --------
        >>> CoherentState(1 + 1j).amplitude
        (1+1j)
        """
        return self.beta

    @property
    def anomalous(self) -> complex:
        """β².

        Examples
        --------
        >>> CoherentState(1j).anomalous
        (-1+0j)
        """
        return self.beta * self.beta


@dataclass(frozen=True)
class SqueezedVacuum(ModeState):
    """Squeezed vacuum S(ξ)|0⟩, ξ = r e^{iφ}: ⟨n⟩ = sinh²r, ⟨a⟩ = 0 (003 Sec. III D).

    S(ξ) = exp[½(ξ*a² − ξa†²)] (Loudon, *The Quantum Theory of Light*, Sec. 5.6).

    Parameters
    ----------
    r : float
        Squeezing parameter, r ≥ 0 (r ≤ 350, where sinh²r reaches 1e303).
    phase : float
        φ (rad).

    Examples
    --------
    >>> round(SqueezedVacuum(1.0).mean_photon_number, 12)         # sinh²(1)
    1.381097845542
    """

    r: float
    phase: float = 0.0

    def __post_init__(self):
        r = _real("r", self.r, minimum=0.0)
        if r > 350.0:
            raise ValueError(f"r must be <= 350 (sinh²r overflows beyond), got {self.r!r}")
        object.__setattr__(self, "r", r)
        object.__setattr__(self, "phase", _real("phase", self.phase))

    @property
    def mean_photon_number(self) -> float:
        """sinh²r.

        Examples
        --------
        >>> SqueezedVacuum(0.0).mean_photon_number
        0.0
        """
        return math.sinh(self.r) ** 2

    @property
    def amplitude(self) -> complex:
        """0 (no mean field).

        Examples
        --------
        >>> SqueezedVacuum(2.0).amplitude
        0j
        """
        return 0j

    @property
    def anomalous(self) -> complex:
        """−e^{iφ} sinh r cosh r.

        Examples
        --------
        >>> round(SqueezedVacuum(0.5).anomalous.real, 12)
        -0.587600596822
        """
        return -complex(math.cos(self.phase), math.sin(self.phase)) * (
            0.5 * math.sinh(2.0 * self.r))

    @property
    def squeezing_db(self) -> float:
        """Noise reduction of the squeezed quadrature, 20 r log₁₀e (dB).

        Examples
        --------
        >>> round(SqueezedVacuum(1.0).squeezing_db, 4)
        8.6859
        """
        return squeezing_db(self.r)


@dataclass(frozen=True)
class CatState(ModeState):
    """Schrödinger cat N(|β⟩ + e^{iθ}|−β⟩) with the overlap ⟨β|−β⟩ = e^{−2|β|²} (003 III E).

    θ = 0: even cat (only even photon numbers), θ = π: odd cat. Closed forms in the module
    docstring, evaluated without cancellation: 1 ∓ e^{−2|β|²}cos θ is written as
    −expm1(−2|β|²) + 2e^{−2|β|²}{sin², cos²}(θ/2), sums of non-negative terms.

    Parameters
    ----------
    beta : complex
    theta : float
        rad.

    Examples
    --------
    >>> c = CatState(0.1, 0.0)                                   # even: |β|² tanh|β|²
    >>> bool(np.isclose(c.mean_photon_number, 0.01 * np.tanh(0.01), rtol=1e-14))
    True
    """

    beta: complex
    theta: float

    def __post_init__(self):
        object.__setattr__(self, "beta", _complex("beta", self.beta))
        object.__setattr__(self, "theta", _real("theta", self.theta))
        if self.beta == 0 and abs(math.cos(0.5 * self.theta)) < 1e-8:
            raise ValueError("beta = 0 with theta = π (mod 2π) is the zero vector (|0⟩ − |0⟩): "
                             "no such state (the odd cat tends to |1⟩ as beta → 0)")

    @property
    def overlap(self) -> float:
        """⟨β|−β⟩ = e^{−2|β|²} (real).

        Examples
        --------
        >>> round(CatState(1.0, 0.0).overlap, 12)
        0.135335283237
        """
        return math.exp(-2.0 * abs(self.beta) ** 2)

    @property
    def _minus(self) -> float:
        """1 − e^{−2|β|²}cos θ, without cancellation."""
        x = abs(self.beta) ** 2
        return -math.expm1(-2.0 * x) + 2.0 * math.exp(-2.0 * x) * math.sin(0.5 * self.theta) ** 2

    @property
    def _norm2_inverse(self) -> float:
        """1 + e^{−2|β|²}cos θ = ⟨C|C⟩/(2N²), without cancellation."""
        x = abs(self.beta) ** 2
        return -math.expm1(-2.0 * x) + 2.0 * math.exp(-2.0 * x) * math.cos(0.5 * self.theta) ** 2

    @property
    def normalisation(self) -> float:
        """N = [2 + 2e^{−2|β|²}cos θ]^{−1/2} (003 prints the exponent +½: F9).

        Examples
        --------
        >>> round(CatState(10.0, 0.0).normalisation ** 2, 12)      # → 1/2 for |β| ≫ 1
        0.5
        """
        return 1.0 / math.sqrt(2.0 * self._norm2_inverse)

    @property
    def mean_photon_number(self) -> float:
        """|β|²(1 − e^{−2|β|²}cos θ)/(1 + e^{−2|β|²}cos θ).

        Examples
        --------
        >>> round(CatState(1e-4, np.pi).mean_photon_number, 12)    # odd cat → |1⟩
        1.0
        """
        return abs(self.beta) ** 2 * self._minus / self._norm2_inverse

    @property
    def amplitude(self) -> complex:
        """⟨a⟩ = −2iN²β e^{−2|β|²} sin θ (0 for even and odd cats).

        Examples
        --------
        >>> a = CatState(1.0, np.pi / 2).amplitude                  # −i e^{−2}
        >>> round(a.real, 12), round(a.imag, 12)
        (0.0, -0.135335283237)
        """
        n2 = 0.5 / self._norm2_inverse
        return -2j * n2 * self.beta * self.overlap * math.sin(self.theta)

    @property
    def anomalous(self) -> complex:
        """⟨a²⟩ = β² (both components are eigenstates of a² with eigenvalue β²).

        Examples
        --------
        >>> CatState(2.0, 1.0).anomalous
        (4+0j)
        """
        return self.beta * self.beta


def field_per_photon(omega, mode_volume) -> float:
    """|u| = √(2ħω/(ε₀V)) (V/m): amplitude of one photon's field in a mode of volume V.

    The mean energy density of ⟨n⟩ photons, ½ε₀|u|²⟨n⟩ (electric and magnetic), is
    ħω⟨n⟩/V.

    Parameters
    ----------
    omega : float
        rad/s, > 0.
    mode_volume : float
        V > 0 (m³).

    Returns
    -------
    float

    Examples
    --------
    >>> f"{field_per_photon(1.7705e15, 1e-18):.4e}"               # 1064 nm, 1 µm³
    '2.0537e+05'
    """
    w = _real("omega", omega, minimum=0.0)
    v = _real("mode_volume", mode_volume, minimum=0.0)
    if w == 0 or v == 0:
        raise ValueError("omega and mode_volume must be > 0")
    return math.sqrt(2.0 * HBAR * w / (EPS0 * v))


def photon_number(intensity, omega, mode_volume) -> float:
    """⟨n⟩ = IV/(ħωc): photons in a mode of volume V carrying intensity I.

    Parameters
    ----------
    intensity : float
        I ≥ 0 (W/m²).
    omega : float
        rad/s, > 0.
    mode_volume : float
        V > 0 (m³).

    Returns
    -------
    float

    Examples
    --------
    >>> w0 = 2 * np.pi * C / 1064e-9
    >>> f"{photon_number(1e10, w0, SEED_MODE_VOLUME):.4e}"         # 003's implicit mode
    '2.7846e+23'
    """
    i = _real("intensity", intensity, minimum=0.0)
    w = _real("omega", omega, minimum=0.0)
    v = _real("mode_volume", mode_volume, minimum=0.0)
    if w == 0 or v == 0:
        raise ValueError("omega and mode_volume must be > 0")
    return i * v / (HBAR * w * C)


def matching_squeezing(mean_photon_number) -> float:
    """r = asinh √⟨n⟩: the squeezed vacuum with the potentials of a coherent state.

    Both potentials of a single mode are ∝ ⟨a†a⟩ (module docstring): sinh²r = |β|².

    Parameters
    ----------
    mean_photon_number : float
        |β|² ≥ 0 of the coherent state.

    Returns
    -------
    float

    Examples
    --------
    >>> w0 = 2 * np.pi * C / 1064e-9
    >>> round(matching_squeezing(photon_number(1e10, w0, SEED_MODE_VOLUME)), 2)   # 003: ≈ 27
    27.68
    """
    n = _real("mean_photon_number", mean_photon_number, minimum=0.0)
    return math.asinh(math.sqrt(n))


def squeezing_db(r) -> float:
    """Quadrature noise reduction of S(ξ)|0⟩ in dB: −10 log₁₀ e^{−2r} = 20 r log₁₀e.

    Parameters
    ----------
    r : float
        ≥ 0.

    Returns
    -------
    float

    Examples
    --------
    >>> round(squeezing_db(27.68), 1)                              # 003: ≈ 240 dB
    240.4
    """
    return _DB_PER_NEPER * _real("r", r, minimum=0.0)


def _mode_vector(name: str, u) -> np.ndarray:
    v = np.asarray(u, dtype=complex)
    if v.shape != (3,) or not np.all(np.isfinite(v)):
        raise ValueError(f"{name} must be a finite complex 3-vector (field per photon, V/m)")
    return v


def _state(name: str, s) -> ModeState:
    if not isinstance(s, ModeState):
        raise ValueError(f"{name} must be a ModeState (CoherentState, SqueezedVacuum, "
                         f"CatState), got {type(s).__name__}")
    return s


def single_mode_drive(state, mode_A, mode_B) -> Drive:
    """One drive mode in ``state`` illuminating both particles: W^{XY} = ⟨n⟩ u_X* ⊗ u_Y.

    003 Eqs. (22), (27), (31)–(34) corrected (module docstring): the potentials are those of
    a coherent state with |β|² = ⟨n⟩.

    Parameters
    ----------
    state : ModeState
    mode_A, mode_B : array_like, shape (3,)
        Field per photon u(r_A), u(r_B) (V/m, complex: polarization and phase of the mode
        at each particle; e.g. ``field_per_photon(ω, V) * polarization_vector("y")``).

    Returns
    -------
    Drive

    Examples
    --------
    >>> u = [0.0, 1.0, 0.0]
    >>> d1 = single_mode_drive(SqueezedVacuum(1.0), u, u)
    >>> d2 = single_mode_drive(CoherentState(np.sinh(1.0)), u, u)
    >>> bool(np.allclose(d1.W_AB, d2.W_AB, rtol=1e-14, atol=0))
    True
    """
    n = _state("state", state).mean_photon_number
    ua, ub = _mode_vector("mode_A", mode_A), _mode_vector("mode_B", mode_B)
    return Drive(n * np.outer(ua.conj(), ua), n * np.outer(ub.conj(), ub),
                 n * np.outer(ua.conj(), ub))


def two_mode_drive(state_A, state_B, mode_A, mode_B) -> Drive:
    """Two independent modes, A's at particle A only and B's at B only (one per tweezer).

    W^{AA} = ⟨n_A⟩u_A*⊗u_A, W^{BB} = ⟨n_B⟩u_B*⊗u_B, W^{AB} = ⟨a_A⟩*⟨a_B⟩ u_A*⊗u_B (a product
    state: ⟨a_A†a_B⟩ = ⟨a_A⟩*⟨a_B⟩). Coherent states give :func:`.optical.tweezers`; states
    without a mean field trap each particle but do not bind them.

    Parameters
    ----------
    state_A, state_B : ModeState
    mode_A, mode_B : array_like, shape (3,)
        Field per photon of each mode at its particle (V/m).

    Returns
    -------
    Drive

    Examples
    --------
    >>> u = [0.0, 1.0, 0.0]
    >>> d = two_mode_drive(SqueezedVacuum(1.0), SqueezedVacuum(1.0), u, u)
    >>> bool(np.all(d.W_AB == 0) and d.W_AA[1, 1].real > 0)
    True
    """
    sa, sb = _state("state_A", state_A), _state("state_B", state_B)
    ua, ub = _mode_vector("mode_A", mode_A), _mode_vector("mode_B", mode_B)
    return Drive(sa.mean_photon_number * np.outer(ua.conj(), ua),
                 sb.mean_photon_number * np.outer(ub.conj(), ub),
                 np.conj(sa.amplitude) * sb.amplitude * np.outer(ua.conj(), ub))
