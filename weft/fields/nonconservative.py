"""Non-conservative forces ∂_T⟨d × B⟩ and transverse displacements, identical atoms (SI).

Seed 000 (Sánchez-Cánovas & Donaire): the force on each atom has, besides the
conservative −⟨∇W⟩ of :mod:`weft.fields.excited`, the non-conservative part

    F^nc_{A,B} = ∂_T ⟨d_{A,B} × B(R_{A,B})⟩_T                              (000 Eq. (5)),

minus the time derivative of the longitudinal field momentum. Derivation (docs/fields.md
§11): in the one-excitation space, with normally ordered source fields, the magnetic field
of B's transition dipole at A is B⁽⁺⁾(R_A) = −iμ₀ω (∇×G₀)(R_A − R_B)·μ_b σ_b
(:func:`weft.fields.green.curl_green_tensor`, curl on the field point), so

    ⟨d_A × B(R_A)⟩ = 2 Σ_b Re[c_A* c_b μ_A* × (−iμ₀ω C(R)·μ_b)],
    ⟨d_B × B(R_B)⟩ = 2 Σ_b Re[c_b* c_A μ_b* × (−iμ₀ω C(−R)·μ_A)],   C(−R) = −C(R),

the same expression with A ↔ B (the field point is each atom's own position). With the
weak-interaction amplitudes c_A = e^{−iΩT}, c_b = −(i/ħ)V_b T e^{−iΩT},
V_b = −(k²/ε₀)μ_b*·G₀·μ_A (identical atoms, Ω = ω₀ − iΓ₀/2), M = Σ_b μ_bμ_b†:

    p_A ≡ ⟨d_A × B(R_A)⟩ = K Re[μ_A* × (C·M·G₀·μ_A)],
    p_B ≡ ⟨d_B × B(R_B)⟩ = K Re[(M·G₀·μ_A)* × (C·μ_A)],     K = 2k³T e^{−Γ₀T}/(ε₀²ħc),

(leading order in Γ₀/ω₀ and R/cT; 000 App. A Eqs. (A.5), (A.6), second terms) and
F^nc = ∂_T p: the same with T e^{−Γ₀T} → (1 − Γ₀T)e^{−Γ₀T} (000 Eq. (6)). The atom's
velocity from this force is p/m (p vanishes at T = 0 and T → ∞: the impulse is zero), so
the displacement after the decay is finite,

    S = (1/m) ∫₀^τ p dT = [2k³/(ε₀²ħc m Γ₀²)] [1 − (1 + Γ₀τ)e^{−Γ₀τ}] Re[…],   τ → ∞ by default.

000 Fig. 3 geometry (A in (2p_x + 2p_z)/√2, R = R_A − R_B ∥ ẑ, B: all three 2p sublevels,
M = d₀²𝟙), v = k₀R, P = k₀⁶d₀⁴/(16π²ε₀²ħc mΓ₀²):

    S_A·x̂ = P [(2v² − 1)cos 2v − (2v − v³) sin 2v]/v⁵,     S_B·x̂ = +2P (1 + v²)/v⁵,

P = 0.1182 fm for hydrogen (P is independent of the reduced mass). 000 Eq. (12) prints
0.15 fm and −0.3 fm: the factor 2 and the functions are confirmed, the prefactor is 27 %
larger, and the sign of S_B is wrong (the curl for B is taken with respect to R_A − R_B
instead of B's own position): for R < 53.6 nm the atoms move in **opposite** transverse
directions (docs/fields.md D4, tested with finite-difference fields at each atom).
"""
from __future__ import annotations

import math

import numpy as np

from .atoms import ExcitedAtom
from .excited import PairForces, _time, _vectors
from .green import curl_green_tensor, green_tensor
from .si import C, EPS0, HBAR

__all__ = ["longitudinal_momenta", "nonconservative_forces", "transverse_displacements",
           "displacement_prefactor"]


def _brackets(Rv: np.ndarray, atom):
    """(Re[μ_A* × C·M·G·μ_A], Re[(M·G·μ_A)* × C·μ_A]) per R (C²m⁴ units · 1/m³)."""
    if not isinstance(atom, ExcitedAtom):
        raise ValueError(f"atom must be an ExcitedAtom, got {type(atom).__name__}")
    line = atom.lines[0]
    mu = np.asarray(line.dipole, dtype=complex)
    M = np.asarray(atom.ground_dipole_tensor, dtype=complex)
    G = green_tensor(Rv, line.omega)
    Cm = curl_green_tensor(Rv, line.omega)
    mgmu = (G @ mu) @ M.T                                          # M·G·μ_A
    a = np.real(np.cross(mu.conj(), np.einsum("nij,nj->ni", Cm, mgmu)))
    b = np.real(np.cross(mgmu.conj(), Cm @ mu))
    return line.omega / C, a, b


def longitudinal_momenta(R, atom, T) -> PairForces:
    """p_A = ⟨d_A × B(R_A)⟩ and p_B = ⟨d_B × B(R_B)⟩ at time T (kg·m/s), module docstring.

    Identical atoms, A excited suddenly at T = 0, leading order (∝ T e^{−Γ₀T}).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
        A; B is the same species in its ground state.
    T : float
        s, 0 ≤ T < inf.

    Returns
    -------
    PairForces
        ``F_A`` = p_A, ``F_B`` = p_B (momenta, kg·m/s; the container's names).

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedHydrogen
    >>> from weft.fields.excited import separation
    >>> A = ExcitedHydrogen((1, 0, 1), "H")
    >>> p = longitudinal_momenta(separation(100e-9), A, 1 / A.gamma)
    >>> bool(p.F_A[1] == 0 and p.F_B[1] == 0)            # in the plane of μ_A and R
    True
    """
    t = _time(T, allow_inf=False)
    Rv, shape = _vectors(R)
    k, a, b = _brackets(Rv, atom)
    K = 2.0 * k ** 3 * t * math.exp(-atom.gamma * t) / (EPS0 ** 2 * HBAR * C)
    return PairForces((K * a).reshape(shape), (K * b).reshape(shape))


def nonconservative_forces(R, atom, T) -> PairForces:
    """F^nc = ∂_T⟨d × B⟩ on A and B at time T (N), 000 Eq. (6) (module docstring).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
    T : float
        s, 0 ≤ T < inf.

    Returns
    -------
    PairForces

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedHydrogen
    >>> from weft.fields.excited import separation
    >>> A = ExcitedHydrogen((1, 0, 1), "H")
    >>> f0 = nonconservative_forces(separation(100e-9), A, 0.0)
    >>> f1 = nonconservative_forces(separation(100e-9), A, 1 / A.gamma)   # (1 − Γ₀T) = 0
    >>> bool(np.all(np.abs(f1.F_A) < 1e-14 * np.abs(f0.F_A).max()))
    True
    """
    t = _time(T, allow_inf=False)
    Rv, shape = _vectors(R)
    k, a, b = _brackets(Rv, atom)
    g = atom.gamma
    K = 2.0 * k ** 3 * (1.0 - g * t) * math.exp(-g * t) / (EPS0 ** 2 * HBAR * C)
    return PairForces((K * a).reshape(shape), (K * b).reshape(shape))


def transverse_displacements(R, atom, *, mass=None, until=np.inf) -> PairForces:
    """Displacements S_A, S_B (m) from the non-conservative forces, 000 Eq. (12) (corrected).

    S = (1/m)∫₀^τ ⟨d × B⟩ dT = [2k³/(ε₀²ħc mΓ₀²)][1 − (1 + Γ₀τ)e^{−Γ₀τ}]Re[…] (module
    docstring); the atoms are at rest again when A has decayed, τ → ∞ (default) gives
    the final displacement (τ = 1/Γ₀, "in a lifetime": 1 − 2/e = 0.264 of it).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
        A (e.g. ``ExcitedHydrogen((1, 0, 1), "H")``, 000's (2p_x + 2p_z)/√2).
    mass : float, optional
        Atomic mass (kg); default ``atom.mass``.
    until : float
        τ (s), > 0; default inf.

    Returns
    -------
    PairForces
        ``F_A`` = S_A, ``F_B`` = S_B (displacements, m).

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedHydrogen
    >>> from weft.fields.excited import separation
    >>> s = transverse_displacements(separation(30e-9), ExcitedHydrogen((1, 0, 1), "H"))
    >>> f"{s.F_A[0] * 1e15:.4f} fm, {s.F_B[0] * 1e15:.4f} fm"
    '-0.0499 fm, 0.0898 fm'
    """
    m = atom.mass if mass is None else mass
    try:
        m = float(m)
    except (TypeError, ValueError):
        raise ValueError(f"mass must be a number (kg), got {mass!r}") from None
    if not (math.isfinite(m) and m > 0):
        raise ValueError(f"mass must be finite and > 0 (kg); got {m!r} (pass mass= for an atom "
                         "without a known mass, e.g. an infinite nucleus)")
    tau = _time(until, allow_inf=True)
    if tau == 0:
        raise ValueError("until must be > 0 (s)")
    Rv, shape = _vectors(R)
    k, a, b = _brackets(Rv, atom)
    g = atom.gamma
    frac = 1.0 if math.isinf(tau) else 1.0 - (1.0 + g * tau) * math.exp(-g * tau)
    K = 2.0 * k ** 3 * frac / (EPS0 ** 2 * HBAR * C * m * g ** 2)
    return PairForces((K * a).reshape(shape), (K * b).reshape(shape))


def displacement_prefactor(atom, *, mass=None) -> float:
    """P = k₀⁶d₀⁴/(16π²ε₀²ħc mΓ₀²) (m): the scale of 000 Eq. (12) (module docstring).

    d₀² = Tr M/3 (for hydrogen ⟨1s|d_z|2p_z⟩²).

    Parameters
    ----------
    atom : ExcitedAtom
    mass : float, optional
        kg; default ``atom.mass``.

    Returns
    -------
    float
        P in metres (0.1182 fm for hydrogen; the seed prints 0.15 fm).

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedHydrogen
    >>> round(displacement_prefactor(ExcitedHydrogen("2p0", "H")) * 1e15, 4)
    0.1182
    """
    m = atom.mass if mass is None else float(mass)
    if not (math.isfinite(m) and m > 0):
        raise ValueError(f"mass must be finite and > 0 (kg), got {m!r}")
    k = atom.omega0 / C
    d2 = float(np.trace(np.real(atom.ground_dipole_tensor))) / 3.0
    return k ** 6 * d2 ** 2 / (16.0 * np.pi ** 2 * EPS0 ** 2 * HBAR * C * m * atom.gamma ** 2)
