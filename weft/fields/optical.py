"""Driven fields on polarizable particles: the tweezer trap and optical binding (SI).

Seed 003 (Jakubec, Solano, Delić & Sinha, PRA 109, 052807 (2024)), Secs. III C, IV A 2
and Appendices B, C 2, re-derived (docs/optical.md). Units: SI (m, rad/s, J, W/m²).

The drive
---------
A monochromatic drive of angular frequency ω, E(r, t) = Re{E(r) e^{−iωt}}: E is the
complex amplitude (V/m), the intensity I = ½cε₀|E|², and a particle of polarizability
α(ω) (:mod:`.particles`) carries the dipole p = αE. Each particle sits in its own flat
tweezer (the seed's "flat tweezer profile": the drive does not vary over the motion of
the particles); particle A at r_A in the field E_A, particle B at r_B in E_B. The drive
enters every potential only through its normally ordered first-order correlations

    W^{XY}_ij = 4⟨E⁽⁻⁾_i(r_X) E⁽⁺⁾_j(r_Y)⟩,   X, Y ∈ {A, B},

(:class:`Drive`; the factor 4 makes W^{XY} = E_X* ⊗ E_Y for a coherent drive, the
classical amplitudes). Quantum states of the drive (squeezed vacuum, cat states)
only change W (:mod:`.optical_states`).

Potentials and forces (to second order in α)
--------------------------------------------
* Trap (003 Eq. (28), (B9)): U_trap,A = −¼ Re α_A Tr W^{AA} = −¼ Re α_A |E_A|².
* Optical binding (003 Eq. (29), (B10), self term dropped): the field at A is
  E_A + μ₀ω² G₀(r_A − r_B, ω)·p_B with p_B = α_B E_B, and the time-averaged dipole force
  F_A = ½ Re{p_A*·∂E(r_A)} (Chaumet & Nieto-Vesperinas, Opt. Lett. 25, 1065 (2000))
  is, for flat tweezer fields and to O(α²), F_A = −∇_A U_A with

      U_A = −½ μ₀ω² Re{α_A* α_B Σ_ij W^{AB}_ij G₀_ij(r_A − r_B, ω)},
      U_B = −½ μ₀ω² Re{α_B* α_A Σ_ij W^{BA}_ij G₀_ij(r_B − r_A, ω)},   W^{BA} = (W^{AB})†.

  G₀ is :func:`.green.green_tensor` (E = μ₀ω²G₀·p, the one Green tensor of the package);
  μ₀ω² = k²/ε₀. For real α and a coherent drive this is 003 Eq. (29) (its Eq. (30) with
  f and h as it defines them, docs/fields.md F2). G₀ is even and symmetric, so for
  linear polarizations U_A and U_B differ only by the sign of the relative phase:
  U_A(Δϕ) = U_B(−Δϕ) (Δϕ = ϕ_A − ϕ_B, the phase of tweezer A minus that of B). When
  Δϕ ≠ 0, π, U_A ≠ U_B: F_A ≠ −F_B, the forces are non-reciprocal and non-conservative.
* Forces: F_A = −∇_{r_A} U_A, F_B = −∇_{r_B} U_B, from :func:`.green.grad_green_tensor`.

Asymptotes (the regime map of optical binding; 003 Eqs. (39), (40), (C7), (C8))
------------------------------------------------------------------------------
* near field, kr ≪ 1: G₀ → (3r̂r̂ − 𝟙)/(4πk²r³), U_A → −(1/8πε₀r³) Re{α_A*α_B W^{AB}:(3r̂r̂ − 𝟙)}
  (∝ cos Δϕ/r³; relative correction O((kr)²));
* far field, kr ≫ 1: G₀ → e^{ikr}(𝟙 − r̂r̂)/(4πr), U_A → −(k²/8πε₀r) Re{α_A*α_B e^{ikr}
  W^{AB}:(𝟙 − r̂r̂)} (∝ cos(kr − Δϕ)/r; relative correction O(1/kr)); it vanishes for
  dipoles along r̂ (no radiation along the dipole axis).
For identical spheres (α = 4πε₀a³α̃), both tweezers polarized along ŷ ⊥ r̂, intensities
I_A, I_B: U_A = (4π√(I_AI_B)a⁶|α̃|²/(cr³))[cos θ + kr sin θ − (kr)² cos θ], θ = kr − Δϕ
(003 Eq. (C7)).

The single-sphere trap with a focused beam: :func:`gaussian_beam_intensity` (paraxial
TEM₀₀) in :func:`trap_potential`, stiffnesses :func:`trap_stiffness`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .green import dipole_field_tensor, grad_green_tensor, green_tensor
from .particles import Particle
from .si import C, EPS0

__all__ = ["Drive", "coherent_drive", "tweezers", "field_amplitude", "polarization_vector",
           "trap_potential", "gaussian_beam_intensity", "trap_stiffness",
           "binding_potentials", "binding_amplitudes", "binding_forces", "binding_near",
           "binding_far"]

_AXES = {"x": (1.0, 0.0, 0.0), "y": (0.0, 1.0, 0.0), "z": (0.0, 0.0, 1.0)}


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

def _nonnegative(name: str, value) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real number, got {value!r}") from None
    if not math.isfinite(v) or v < 0:
        raise ValueError(f"{name} must be finite and >= 0, got {value!r}")
    return v


def _omega(omega) -> float:
    try:
        w = float(omega)
    except (TypeError, ValueError):
        raise ValueError(f"omega must be a real angular frequency (rad/s), got {omega!r}") \
            from None
    if not math.isfinite(w) or w <= 0:
        raise ValueError(f"omega must be finite and > 0 (rad/s), got {omega!r}")
    return w


def _phase(name: str, value) -> float:
    try:
        v = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{name} must be a real phase (rad), got {value!r}") from None
    if not math.isfinite(v):
        raise ValueError(f"{name} must be finite (rad), got {value!r}")
    return v


def _particle(name: str, p) -> Particle:
    if not isinstance(p, Particle):
        raise ValueError(f"{name} must be a weft.fields Particle, got {type(p).__name__}")
    return p


def _separation(r, contact: float = 0.0) -> np.ndarray:
    """Validated r = r_B − r_A, shape (..., 3), metres, |r| > contact."""
    rv = np.asarray(r, dtype=float)
    if rv.ndim == 0 or rv.shape[-1] != 3:
        raise ValueError(f"r must be an array of 3-vectors r_B − r_A (shape (..., 3), metres), "
                         f"got shape {rv.shape}")
    if not np.all(np.isfinite(rv)):
        raise ValueError("r must be finite (m)")
    dist = np.sqrt(np.einsum("...i,...i->...", rv, rv))
    if np.any(dist == 0):
        raise ValueError("r = 0: the two particles coincide")
    if contact > 0 and np.any(dist <= contact):
        raise ValueError(f"|r| must exceed the sum of the radii, {contact:.6e} m (the spheres "
                         "would overlap; the point-dipole model needs |r| ≫ a)")
    return rv


def _matrix(name: str, value) -> np.ndarray:
    m = np.asarray(value, dtype=complex)
    if m.shape != (3, 3) or not np.all(np.isfinite(m)):
        raise ValueError(f"{name} must be a finite complex 3×3 matrix (V²/m²)")
    return m


# ---------------------------------------------------------------------------
# The drive
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class Drive:
    """Normally ordered field correlations of the drive at the two particles (V²/m²).

    ``W_AA``, ``W_BB``, ``W_AB`` are 3×3 complex matrices W^{XY}_ij = 4⟨E⁽⁻⁾_i(r_X)E⁽⁺⁾_j(r_Y)⟩
    (module docstring); for a coherent drive W^{XY} = E_X* ⊗ E_Y. W_AA and W_BB are
    Hermitian and positive semidefinite (their traces are |E|² = 2I/(cε₀)). Build with
    :func:`tweezers`, :func:`coherent_drive`, or the quantum states of
    :mod:`.optical_states`.

    Parameters
    ----------
    W_AA, W_BB, W_AB : array_like, shape (3, 3)

    Examples
    --------
    >>> d = tweezers(1e10, polarization_A="y")
    >>> round(d.intensity_A / 1e10, 12), round(d.intensity_B / 1e10, 12)
    (1.0, 1.0)
    """

    W_AA: np.ndarray
    W_BB: np.ndarray
    W_AB: np.ndarray

    def __post_init__(self):
        for name in ("W_AA", "W_BB", "W_AB"):
            m = _matrix(name, getattr(self, name))
            m.setflags(write=False)
            object.__setattr__(self, name, m)
        for name in ("W_AA", "W_BB"):
            m = getattr(self, name)
            scale = max(float(np.abs(m).max()), np.finfo(float).tiny)
            if np.abs(m - m.conj().T).max() > 1e-12 * scale:
                raise ValueError(f"{name} must be Hermitian (a field auto-correlation)")
            if np.linalg.eigvalsh(m).min() < -1e-12 * scale:
                raise ValueError(f"{name} must be positive semidefinite (a field "
                                 "auto-correlation)")

    @property
    def intensity_A(self) -> float:
        """½cε₀ Tr W^{AA} (W/m²): the drive intensity at A.

        Examples
        --------
        >>> round(tweezers(2e10, 1e10).intensity_A / 1e10, 12)
        2.0
        """
        return 0.5 * C * EPS0 * float(np.trace(self.W_AA).real)

    @property
    def intensity_B(self) -> float:
        """½cε₀ Tr W^{BB} (W/m²).

        Examples
        --------
        >>> round(tweezers(2e10, 1e10).intensity_B / 1e10, 12)
        1.0
        """
        return 0.5 * C * EPS0 * float(np.trace(self.W_BB).real)

    def shifted(self, delta) -> "Drive":
        """The same drive with the phase of the field at A advanced by δ (rad): Δϕ → Δϕ + δ.

        W^{AB} → e^{−iδ} W^{AB} (W^{AA}, W^{BB} unchanged).

        Parameters
        ----------
        delta : float
            rad.

        Returns
        -------
        Drive

        Examples
        --------
        >>> d0, d1 = tweezers(1e10, phase_difference=0.0), tweezers(1e10, phase_difference=1.0)
        >>> bool(np.allclose(d0.shifted(1.0).W_AB, d1.W_AB, rtol=1e-15, atol=0))
        True
        """
        d = _phase("delta", delta)
        return Drive(self.W_AA, self.W_BB, np.exp(-1j * d) * self.W_AB)


def field_amplitude(intensity) -> np.ndarray:
    """|E| = √(2I/(cε₀)) (V/m) of a monochromatic field of intensity I (W/m²).

    Parameters
    ----------
    intensity : float or array_like
        I ≥ 0 (W/m²); 10⁻² W/µm² = 10¹⁰ W/m².

    Returns
    -------
    ndarray like ``intensity``

    Examples
    --------
    >>> f"{float(field_amplitude(1e10)):.6e}"                 # 10⁻² W/µm²
    '2.744924e+06'
    """
    i = np.asarray(intensity, dtype=float)
    if not np.all(np.isfinite(i)) or np.any(i < 0):
        raise ValueError("intensity must be finite and >= 0 (W/m²)")
    return np.sqrt(2.0 * i / (C * EPS0))


def polarization_vector(polarization) -> np.ndarray:
    """Unit (complex) polarization vector from "x", "y", "z" or a 3-vector (normalised).

    Parameters
    ----------
    polarization : str or array_like
        An axis name or a non-zero 3-vector, complex allowed (circular: [1, 1j, 0]).

    Returns
    -------
    ndarray of complex, shape (3,), with ê*·ê = 1

    Examples
    --------
    >>> polarization_vector("y")
    array([0.+0.j, 1.+0.j, 0.+0.j])
    >>> bool(np.isclose(np.vdot(*[polarization_vector([1, 1, 0])] * 2).real, 1.0))
    True
    """
    if isinstance(polarization, str):
        if polarization not in _AXES:
            raise ValueError(f"polarization must be 'x', 'y', 'z' or a 3-vector, got "
                             f"{polarization!r}")
        return np.array(_AXES[polarization], dtype=complex)
    try:
        e = np.asarray(polarization, dtype=complex)
    except (TypeError, ValueError):
        raise ValueError(f"polarization must be 'x', 'y', 'z' or a 3-vector, got "
                         f"{polarization!r}") from None
    if e.shape != (3,) or not np.all(np.isfinite(e)):
        raise ValueError("polarization must be a finite 3-vector")
    norm = math.sqrt(float(np.vdot(e, e).real))
    if norm == 0:
        raise ValueError("polarization must be a non-zero vector")
    return e / norm


def coherent_drive(field_A, field_B) -> Drive:
    """A coherent (classical) drive: complex field amplitudes E_A at A and E_B at B (V/m).

    W^{XY} = E_X* ⊗ E_Y (module docstring).

    Parameters
    ----------
    field_A, field_B : array_like, shape (3,)
        Complex amplitudes, E(t) = Re{E e^{−iωt}} (V/m).

    Returns
    -------
    Drive

    Examples
    --------
    >>> d = coherent_drive([0, 1e6, 0], [0, 1e6j, 0])
    >>> complex(d.W_AB[1, 1])                                 # E_A* E_B
    1000000000000j
    """
    ea = np.asarray(field_A, dtype=complex)
    eb = np.asarray(field_B, dtype=complex)
    for name, e in (("field_A", ea), ("field_B", eb)):
        if e.shape != (3,) or not np.all(np.isfinite(e)):
            raise ValueError(f"{name} must be a finite complex 3-vector (V/m)")
    return Drive(np.outer(ea.conj(), ea), np.outer(eb.conj(), eb), np.outer(ea.conj(), eb))


def tweezers(intensity_A, intensity_B=None, *, polarization_A="y", polarization_B=None,
             phase_difference=0.0) -> Drive:
    """Two flat tweezers in coherent states: intensities, polarizations, relative phase.

    E_A = √(2I_A/cε₀) e^{iΔϕ} ê_A, E_B = √(2I_B/cε₀) ê_B: Δϕ = ϕ_A − ϕ_B is the phase of
    tweezer A relative to B (with it, 003 Eq. (C7) for sphere A reads cos(kr − Δϕ)).

    Parameters
    ----------
    intensity_A : float
        I_A ≥ 0 (W/m²; 10⁻² W/µm² = 10¹⁰ W/m²).
    intensity_B : float, optional
        I_B (default I_A).
    polarization_A, polarization_B : str or array_like
        See :func:`polarization_vector` (default "y"; B defaults to A's).
    phase_difference : float
        Δϕ (rad).

    Returns
    -------
    Drive

    Examples
    --------
    >>> d = tweezers(1e10, polarization_A="x", polarization_B="y")
    >>> bool(d.W_AB[0, 1] != 0 and d.W_AB[1, 0] == 0)
    True
    """
    ia = _nonnegative("intensity_A", intensity_A)
    ib = ia if intensity_B is None else _nonnegative("intensity_B", intensity_B)
    ea = polarization_vector(polarization_A)
    eb = ea if polarization_B is None else polarization_vector(polarization_B)
    dphi = _phase("phase_difference", phase_difference)
    return coherent_drive(field_amplitude(ia) * np.exp(1j * dphi) * ea, field_amplitude(ib) * eb)


# ---------------------------------------------------------------------------
# Trap
# ---------------------------------------------------------------------------

def trap_potential(particle, omega, intensity) -> np.ndarray:
    """Single-particle trap potential U = −¼ Re α(ω)|E|² = −Re α(ω) I/(2cε₀) (J).

    003 Eq. (28) and (B9) (the seed's α is real); the gradient force of a dipole in an
    intensity profile I(r). With the seed's flat tweezers it is a constant (the plateau
    of its Fig. 4); with a focused beam (:func:`gaussian_beam_intensity`) a trap.

    Parameters
    ----------
    particle : Particle
    omega : float
        Drive angular frequency (rad/s).
    intensity : float or array_like
        I ≥ 0 at the particle (W/m²).

    Returns
    -------
    ndarray like ``intensity`` (J)

    Examples
    --------
    >>> from weft.fields.particles import DielectricSphere
    >>> from weft.fields.si import KB
    >>> w0 = 2 * np.pi * C / 1064e-9
    >>> round(float(trap_potential(DielectricSphere(100e-9), w0, 1e10) / KB), 1)  # kelvin
    -4283.1
    """
    p = _particle("particle", particle)
    w = _omega(omega)
    i = np.asarray(intensity, dtype=float)
    if not np.all(np.isfinite(i)) or np.any(i < 0):
        raise ValueError("intensity must be finite and >= 0 (W/m²)")
    return -complex(p.alpha(w)).real * i / (2.0 * C * EPS0)


def gaussian_beam_intensity(r, peak_intensity, waist, wavelength) -> np.ndarray:
    """Paraxial TEM₀₀ focus along z: I = I₀(w₀/w)² exp(−2ρ²/w²), w = w₀√(1 + (z/z_R)²).

    z_R = πw₀²/λ (Siegman, *Lasers*, Ch. 17). Paraxial: accurate for w₀ ≫ λ; a tight
    tweezer (w₀ ~ λ) is only modelled qualitatively.

    Parameters
    ----------
    r : array_like, shape (..., 3)
        Position relative to the focus (m).
    peak_intensity : float
        I₀ ≥ 0 (W/m²).
    waist : float
        w₀ > 0 (m).
    wavelength : float
        λ > 0 (m).

    Returns
    -------
    ndarray, shape r.shape[:-1] (W/m²)

    Examples
    --------
    >>> float(gaussian_beam_intensity([0.0, 0.0, 0.0], 1e10, 1e-6, 1064e-9)) / 1e10
    1.0
    """
    rv = np.asarray(r, dtype=float)
    if rv.ndim == 0 or rv.shape[-1] != 3 or not np.all(np.isfinite(rv)):
        raise ValueError("r must be an array of finite 3-vectors (m)")
    i0 = _nonnegative("peak_intensity", peak_intensity)
    w0 = _nonnegative("waist", waist)
    lam = _nonnegative("wavelength", wavelength)
    if w0 == 0 or lam == 0:
        raise ValueError("waist and wavelength must be > 0 (m)")
    z_r = math.pi * w0 * w0 / lam
    w2 = w0 * w0 * (1.0 + (rv[..., 2] / z_r) ** 2)
    rho2 = rv[..., 0] ** 2 + rv[..., 1] ** 2
    return i0 * (w0 * w0 / w2) * np.exp(-2.0 * rho2 / w2)


def trap_stiffness(particle, omega, peak_intensity, waist, wavelength) -> tuple[float, float]:
    """Harmonic stiffnesses (κ_ρ, κ_z) of the Gaussian-beam trap (N/m).

    From U = U₀(w₀/w)²e^{−2ρ²/w²} (:func:`trap_potential` with
    :func:`gaussian_beam_intensity`), U₀ = −Re α I₀/(2cε₀): κ_ρ = 4|U₀|/w₀²,
    κ_z = 2|U₀|/z_R², z_R = πw₀²/λ (Taylor expansion at the focus).

    Parameters
    ----------
    particle : Particle
    omega : float
        rad/s.
    peak_intensity, waist, wavelength : float
        W/m², m, m (the beam's λ, normally 2πc/ω).

    Returns
    -------
    (float, float)

    Examples
    --------
    >>> from weft.fields.particles import DielectricSphere
    >>> kr, kz = trap_stiffness(DielectricSphere(1e-7), 1.77e15, 1e10, 1e-6, 1064e-9)
    >>> bool(kr > kz > 0)
    True
    """
    u0 = abs(float(trap_potential(particle, omega, peak_intensity)))
    w0 = _nonnegative("waist", waist)
    lam = _nonnegative("wavelength", wavelength)
    if w0 == 0 or lam == 0:
        raise ValueError("waist and wavelength must be > 0 (m)")
    z_r = math.pi * w0 * w0 / lam
    return 4.0 * u0 / w0 ** 2, 2.0 * u0 / z_r ** 2


# ---------------------------------------------------------------------------
# Optical binding
# ---------------------------------------------------------------------------

def _check_drive(drive) -> Drive:
    if not isinstance(drive, Drive):
        raise ValueError(f"drive must be a Drive (tweezers(...), coherent_drive(...), or "
                         f"weft.fields.optical_states), got {type(drive).__name__}")
    return drive


def _alphas(particle_A, particle_B, omega) -> tuple[complex, complex, float]:
    pa = _particle("particle_A", particle_A)
    pb = _particle("particle_B", particle_B)
    w = _omega(omega)
    return complex(pa.alpha(w)), complex(pb.alpha(w)), w


def _contact(particle_A, particle_B) -> float:
    return float(particle_A.radius) + float(particle_B.radius)


def _amplitudes(r, alpha_A, alpha_B, omega, drive) -> tuple[np.ndarray, np.ndarray]:
    """(Q_A, Q_B) with U_A = Re Q_A, U_B = Re Q_B (r validated)."""
    k2 = (omega / C) ** 2
    G = green_tensor(r, omega)                    # even in r: G₀(r_A − r_B) = G₀(r)
    pref = -0.5 * k2 / EPS0
    qa = pref * np.conj(alpha_A) * alpha_B * np.einsum("ij,...ij->...", drive.W_AB, G)
    w_ba = drive.W_AB.conj().T
    qb = pref * np.conj(alpha_B) * alpha_A * np.einsum("ij,...ij->...", w_ba, G)
    return qa, qb


def binding_amplitudes(r, particle_A, particle_B, omega, drive) -> tuple[np.ndarray, np.ndarray]:
    """Complex optical-binding amplitudes (Q_A, Q_B), U_A = Re Q_A, U_B = Re Q_B (J).

    Q_A = −½μ₀ω²α_A*α_B W^{AB}:G₀(r), Q_B = −½μ₀ω²α_B*α_A W^{BA}:G₀(r) (module docstring).
    Advancing the phase of tweezer A by δ (:meth:`Drive.shifted`) gives U_A = Re{e^{−iδ}Q_A},
    U_B = Re{e^{iδ}Q_B}: one Green-tensor evaluation serves every relative phase.

    Parameters
    ----------
    r : array_like, shape (..., 3)
        r_B − r_A (m), |r| > a_A + a_B.
    particle_A, particle_B : Particle
    omega : float
        Drive angular frequency (rad/s).
    drive : Drive

    Returns
    -------
    (ndarray, ndarray) of complex, shape r.shape[:-1]

    Examples
    --------
    >>> from weft.fields.particles import DielectricSphere
    >>> s = DielectricSphere(1e-7)
    >>> qa, qb = binding_amplitudes([1e-6, 0, 0], s, s, 1.77e15, tweezers(1e10))
    >>> bool(np.isclose(qa, qb, rtol=1e-14))                  # Δϕ = 0, identical spheres
    True
    """
    aa, ab, w = _alphas(particle_A, particle_B, omega)
    rv = _separation(r, _contact(particle_A, particle_B))
    return _amplitudes(rv, aa, ab, w, _check_drive(drive))


def binding_potentials(r, particle_A, particle_B, omega, drive) -> tuple[np.ndarray, np.ndarray]:
    """Optical-binding potentials (U_A, U_B) seen by particles A and B (J).

    U_A = −½μ₀ω² Re{α_A*α_B W^{AB}:G₀(r_A − r_B)}, U_B likewise (module docstring;
    003 Eqs. (29), (30), (B10) with the self term dropped). U_A ≠ U_B when the relative
    phase Δϕ ≠ 0, π.

    Parameters
    ----------
    r : array_like, shape (..., 3)
        r_B − r_A (m), |r| > a_A + a_B.
    particle_A, particle_B : Particle
    omega : float
        Drive angular frequency (rad/s).
    drive : Drive

    Returns
    -------
    (ndarray, ndarray), shape r.shape[:-1]

    Examples
    --------
    >>> from weft.fields.particles import DielectricSphere
    >>> from weft.fields.si import KB
    >>> s, w0 = DielectricSphere(100e-9), 2 * np.pi * C / 1064e-9
    >>> ua, ub = binding_potentials([1.0067e-6, 0, 0], s, s, w0, tweezers(1e10))
    >>> round(float(ua / KB), 2)                       # the first well, yy, Δϕ = 0 (kelvin)
    -81.43
    """
    qa, qb = binding_amplitudes(r, particle_A, particle_B, omega, drive)
    return qa.real, qb.real


def binding_forces(r, particle_A, particle_B, omega, drive) -> tuple[np.ndarray, np.ndarray]:
    """Optical-binding forces (F_A, F_B) = (−∇_{r_A}U_A, −∇_{r_B}U_B) (N).

    With dG = ∂_kG₀_ij(r) (:func:`.green.grad_green_tensor`, odd in r):
    F_A,k = ½μ₀ω² Re{α_A*α_B W^{AB}_ij ∂_kG₀_ij(r_A − r_B)}, F_B,k = ½μ₀ω²
    Re{α_B*α_A W^{BA}_ij ∂_kG₀_ij(r_B − r_A)}. F_A + F_B ≠ 0 when U_A ≠ U_B.

    Parameters
    ----------
    r : array_like, shape (..., 3)
        r_B − r_A (m).
    particle_A, particle_B : Particle
    omega : float
        rad/s.
    drive : Drive

    Returns
    -------
    (ndarray, ndarray), each of shape r.shape

    Examples
    --------
    >>> from weft.fields.particles import DielectricSphere
    >>> s = DielectricSphere(1e-7)
    >>> fa, fb = binding_forces([1e-6, 0, 0], s, s, 1.77e15, tweezers(1e10))
    >>> bool(np.allclose(fa, -fb, rtol=1e-13, atol=0))            # Δϕ = 0: reciprocal
    True
    """
    aa, ab, w = _alphas(particle_A, particle_B, omega)
    rv = _separation(r, _contact(particle_A, particle_B))
    d = _check_drive(drive)
    k2 = (w / C) ** 2
    dG = grad_green_tensor(rv, w)                          # ∂_k G₀_ij(r), r = r_B − r_A
    pref = 0.5 * k2 / EPS0
    # U_A depends on G₀(r_A − r_B) = G₀(−r): ∂_{r_A}G₀(−r) = (∂G₀)(−r) = −∂G₀(r)
    fa = -pref * np.real(np.conj(aa) * ab * np.einsum("ij,...kij->...k", d.W_AB, dG))
    fb = pref * np.real(np.conj(ab) * aa * np.einsum("ij,...kij->...k", d.W_AB.conj().T, dG))
    return fa, fb


def binding_near(r, particle_A, particle_B, omega, drive) -> tuple[np.ndarray, np.ndarray]:
    """Near-field (kr ≪ 1) asymptote of (U_A, U_B): G₀ → (3r̂r̂ − 𝟙)/(4πk²r³) (J).

    U_A → −(1/8πε₀r³) Re{α_A*α_B W^{AB}:(3r̂r̂ − 𝟙)}; for yy tweezers along x̂, 003
    Eq. (39)/(C8): 4π√(I_AI_B)a³(a/r)³|α̃|²cos Δϕ/c. Relative error O((kr)²) where the
    leading term is non-zero (at Δϕ = ±π/2 it vanishes and U_A tends to the constant
    ∓k³|α|²|E_A||E_B|/(12πε₀) of Im G₀(r, r) = k/6π).

    Parameters
    ----------
    r, particle_A, particle_B, omega, drive
        As for :func:`binding_potentials`.

    Returns
    -------
    (ndarray, ndarray)

    Examples
    --------
    >>> from weft.fields.particles import DielectricSphere
    >>> s = DielectricSphere(1e-7)
    >>> ua, _ = binding_near([3e-7, 0, 0], s, s, 1.77e15, tweezers(1e10))
    >>> bool(ua > 0)                                   # yy, Δϕ = 0: near-field repulsion
    True
    """
    aa, ab, w = _alphas(particle_A, particle_B, omega)
    rv = _separation(r, _contact(particle_A, particle_B))
    d = _check_drive(drive)
    T = dipole_field_tensor(rv, 0.0).real                  # (3r̂r̂ − 𝟙)/(4πr³)
    pref = -0.5 / EPS0
    ua = pref * np.real(np.conj(aa) * ab * np.einsum("ij,...ij->...", d.W_AB, T))
    ub = pref * np.real(np.conj(ab) * aa * np.einsum("ij,...ij->...", d.W_AB.conj().T, T))
    return ua, ub


def binding_far(r, particle_A, particle_B, omega, drive) -> tuple[np.ndarray, np.ndarray]:
    """Far-field (kr ≫ 1) asymptote of (U_A, U_B): G₀ → e^{ikr}(𝟙 − r̂r̂)/(4πr) (J).

    U_A → −(k²/8πε₀r) Re{α_A*α_B e^{ikr} W^{AB}:(𝟙 − r̂r̂)}; for yy tweezers along x̂,
    003 Eq. (40): −4π√(I_AI_B)a³(ka)²(a/r)|α̃|² cos(kr − Δϕ)/c. Relative error O(1/kr)
    (away from its zeros); zero for dipoles along r̂.

    Parameters
    ----------
    r, particle_A, particle_B, omega, drive
        As for :func:`binding_potentials`.

    Returns
    -------
    (ndarray, ndarray)

    Examples
    --------
    >>> from weft.fields.particles import DielectricSphere
    >>> s = DielectricSphere(1e-7)
    >>> d = tweezers(1e10, polarization_A="x")                   # dipoles along r̂ = x̂
    >>> abs(binding_far([1e-4, 0, 0], s, s, 1.77e15, d)[0].item())
    0.0
    """
    aa, ab, w = _alphas(particle_A, particle_B, omega)
    rv = _separation(r, _contact(particle_A, particle_B))
    d = _check_drive(drive)
    k = w / C
    dist = np.sqrt(np.einsum("...i,...i->...", rv, rv))
    rhat = rv / dist[..., None]
    P = np.eye(3) - rhat[..., :, None] * rhat[..., None, :]
    phase = np.exp(1j * k * dist) / (4.0 * np.pi * dist)
    pref = -0.5 * k * k / EPS0
    ua = pref * np.real(np.conj(aa) * ab * phase * np.einsum("ij,...ij->...", d.W_AB, P))
    ub = pref * np.real(np.conj(ab) * aa * phase
                        * np.einsum("ij,...ij->...", d.W_AB.conj().T, P))
    return ua, ub
