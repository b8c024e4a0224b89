"""One atom excited: the conservative dipole forces on each atom, F_A ≠ F_B (SI).

Atom A is excited (:mod:`weft.fields.atoms`: lower lines ω_k, μ_k = ⟨k|d|e⟩, decay rate
Γ_A), B is in its ground state (any :class:`~weft.fields.particles.Particle`).
R = R_A − R_B (a 3-vector, m); ∇ = ∇_R = ∇_A = −∇_B; forces in N. The usual Green tensor
G₀ (:mod:`weft.fields.green`; the Donaire seeds write 𝔾 = −G₀: every expression below is
even in G₀, so the sign convention drops out except where stated). Derivations and checks:
docs/fields.md §9–§11.

Dissimilar atoms, quasi-stationary (adiabatic excitation, |Δ_AB| ≫ Γ, |V|/ħ)
---------------------------------------------------------------------------
Seed 004 Eqs. (10), (11) (first, fourth and last terms) and seed 001 Eq. (8), generalised
from two-level atoms to any B by linear response: A's line k radiates E_A = (k²/ε₀)G₀·μ_k
at B; B answers with p_B = α_B(ω_k)·E_A (α_B the reactive, Hermitian part of B's
polarizability at the real frequency ω_k, all of B's levels; its 1/(ω_B − ω_k) pole gives
004's 1/Δ_AB terms, the rest their 1/(ω_A + ω_B) terms); then

    F_A^res =  (2k⁴/ε₀²) e^{−Γ_A T} Re[μ*·(∂G₀)·α_B·G₀·μ]      (B's field acting on A's dipole),
    F_B^res = −(2k⁴/ε₀²) e^{−Γ_A T} Re[(G₀μ)†·α_B·(∂G₀)·μ]     (A's field on B's induced dipole),

k = ω_k/c, summed over A's lines; for a linear dipole μ they are −∇_A U_A and −∇_B U_B with

    U_A = −(k⁴/ε₀²) Re[μ*·G₀·α_B·G₀·μ],     U_B = −(k⁴/ε₀²) (G₀μ)†·α_B·(G₀μ),

which differ in Re[G₀²] against |G₀|²: the net force is F_A + F_B = −(2k⁴/ε₀²)∇|Im G₀·μ|²α_B
for isotropic α_B (001 Eq. (8): the 4ω_B k⁴/(ε₀²ħ(ω_A² − ω_B²)) ∇(μ_A·ImG·μ_B)² of two
two-level atoms). For a two-level B these are exactly the terms of 004 Eqs. (10), (11)
that carry e^{−Γ_A T} alone (tested against them written out).

The off-resonant part is the Casimir–Polder interaction with A's own polarizability,
while A is excited, and with its ground state after it has decayed:

    U_off(T) = e^{−Γ_A T} U_CP[α_A^e] + (1 − e^{−Γ_A T}) U_CP[α_A^g],
    U_CP[α] = −(ħ/2πε₀²) ∫₀^∞ dξ Tr[α(iξ)·D(iξ)·α_B(iξ)·D(iξ)],   D = k²G₀(R, iξ),

F_A^off = −∇U_off = −F_B^off. For a two-level A, α^e = −α^g and U_off = (1 − 2e^{−Γ_A T})U_CP:
004's last term, which changes sign at T = ln 2/Γ_A (tested). A degenerate level of A (2s
for H(2p)) adds the unretarded U_deg = −Tr[W·T·α_B(0)·T]/(2ε₀²) (:mod:`.atoms`), weight
e^{−Γ_A T}. In the near field the sum of all parts is the static second-order energy
Σ|⟨k,n|V_dd|e,g⟩|²/(E_e + E_g − E_k − E_n) (pole + Wick parts of every level; tested with
the full hydrogen spectrum), and T → ∞ gives the ground-state Casimir–Polder force
(tested against :mod:`weft.fields.thermal` and ``potential_cp``).

Not included: the terms oscillating at Δ_AB after a sudden excitation (004 Eqs. (10),
(11), second and third terms, and the semi-resonant q-integrals), absent for an adiabatic
excitation; corrections O(Γ/Δ_AB), O((R/cT)³).

Identical atoms (weak interaction, |V|T/ħ ≪ 1), 004 Eqs. (15)–(17), leading terms
---------------------------------------------------------------------------------
B is an identical atom in its ground state, M = Σ_b ⟨g|d|b⟩⟨b|d|g⟩ over its excited
sublevels. The excitation is transferred at first order, c_b(T) = −(i/ħ)V_b T e^{−iΩT},
V_b = −(k²/ε₀)μ_b*·G₀·μ (degenerate, no 1/Δ), and the forces grow linearly in T:

    F_A = −(2k⁴T e^{−Γ₀T}/(ε₀²ħ)) Im[μ*·(∂G₀)·M·G₀·μ],
    F_B = −(2k⁴T e^{−Γ₀T}/(ε₀²ħ)) Im[(G₀μ)†·M·(∂G₀)·μ];

for two-level atoms with real μ_A = μ_B: F_A = −(2k⁴T e^{−Γ₀T}/ε₀²ħ)∇Im(g²)/2,
F_B = −(2k⁴T e^{−Γ₀T}/ε₀²ħ)(Re g∇Im g − Im g∇Re g), g = μ·G₀·μ, and the net force
−(4k⁴T e^{−Γ₀T}/ε₀²ħ) Re g ∇Im g (004 Eq. (17)). They are the Δ_AB → 0 limit of the
dissimilar sudden-excitation terms (sin(Δ_AB T)/Δ_AB → T; tested). Omitted: the terms
without T (relative size 1/(ω₀T) + R/(cT)).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .atoms import ExcitedAtom, HydrogenIsotope, _alpha_tensor_imag, alpha_tensor
from .green import dipole_field_tensor, grad_green_tensor, green_tensor
from .particles import Particle, TwoLevelAtom
from .si import C, EPS0, HBAR
from .thermal import _gl_interval, _gl_panels, _gl_tail

__all__ = ["PairForces", "separation", "static_dipole_gradient", "resonant_forces",
           "resonant_potentials", "offresonant_forces", "offresonant_potentials",
           "degenerate_forces", "forces", "potentials", "net_force",
           "offresonant_sign_change_time", "identical_forces", "DISSIMILAR_RATIO"]

#: Smallest |Δ_AB|/(Γ_A + Γ_B) accepted by the dissimilar (quasi-stationary) formulas.
DISSIMILAR_RATIO = 10.0

_GL_NODES = 16               # Gauss–Legendre nodes per panel of the ξ rule
_DECADES_BELOW = 3.0         # ξ_lo = 10^-3 min(ω_min, c/R_max)
_DECADES_ABOVE = 4.0         # ξ_hi = 10^4 ω_max
_CHUNK = 32                  # R vectors per block of the ξ integral
_X_CUT = 50.0                # drop ξ nodes with ξR/c beyond (e^{−2x} < 1e-43)


@dataclass(frozen=True)
class PairForces:
    """Forces on A and on B (N), arrays of shape R.shape (…, 3).

    Attributes
    ----------
    F_A, F_B : ndarray
    """

    F_A: np.ndarray
    F_B: np.ndarray

    @property
    def net(self) -> np.ndarray:
        """F_A + F_B (N): the net force on the pair (≠ 0: action ≠ reaction)."""
        return self.F_A + self.F_B


def separation(distance, axis=(0.0, 0.0, 1.0)) -> np.ndarray:
    """R = R_A − R_B vectors along a fixed axis: distance × axis/|axis| (m).

    Parameters
    ----------
    distance : float or array_like
        |R| in m, > 0.
    axis : array_like, shape (3,)
        Direction of R_A − R_B (normalised here).

    Returns
    -------
    ndarray, shape distance.shape + (3,)

    Examples
    --------
    >>> separation([1e-8, 2e-8]).tolist()
    [[0.0, 0.0, 1e-08], [0.0, 0.0, 2e-08]]
    """
    d = np.asarray(distance, dtype=float)
    if not (np.all(np.isfinite(d)) and np.all(d > 0)):
        raise ValueError("distance must be finite and > 0 (m)")
    a = np.asarray(axis, dtype=float)
    if a.shape != (3,) or not np.all(np.isfinite(a)) or not np.any(a != 0):
        raise ValueError("axis must be a finite, non-zero 3-vector")
    return d[..., None] * (a / np.linalg.norm(a))


def _vectors(R) -> tuple[np.ndarray, tuple]:
    r = np.asarray(R)
    if r.dtype.kind not in "iuf" or r.ndim == 0 or r.shape[-1] != 3:
        raise ValueError(f"R must be real 3-vectors R_A − R_B (shape (..., 3), m), got shape "
                         f"{r.shape}; use separation(distance, axis) for distances")
    r = r.astype(float)
    if not np.all(np.isfinite(r)):
        raise ValueError("R must be finite")
    if np.any(np.einsum("...i,...i->...", r, r) == 0):
        raise ValueError("R = 0: the atoms coincide")
    return r.reshape(-1, 3), r.shape


def _time(T, *, allow_inf: bool) -> float:
    try:
        t = float(T)
    except (TypeError, ValueError):
        raise ValueError(f"T must be a real number (s), got {T!r}") from None
    if math.isnan(t) or t < 0 or (math.isinf(t) and not allow_inf):
        bound = "0 <= T <= inf" if allow_inf else "0 <= T < inf"
        raise ValueError(f"T must satisfy {bound} (s, time since the excitation), got {T!r}")
    return t


def _check_pair(atom, partner, *, dissimilar: bool = True) -> None:
    if not isinstance(atom, ExcitedAtom):
        raise ValueError(f"atom must be an ExcitedAtom (ExcitedHydrogen, ExcitedTwoLevel), got "
                         f"{type(atom).__name__}")
    if not isinstance(partner, Particle):
        raise ValueError(f"partner must be a weft.fields Particle, got {type(partner).__name__}")
    if not partner.ground_state:
        raise ValueError("partner must be in its ground state (one atom excited)")
    if not dissimilar:
        return
    widths = atom.gamma + (partner.gamma if isinstance(partner, TwoLevelAtom) else 0.0)
    resonances = ()
    if isinstance(partner, TwoLevelAtom):
        resonances = (partner.omega0,)
    elif isinstance(partner, HydrogenIsotope):
        resonances = (partner.first_resonance,)
    for line in atom.lines:
        for w in resonances:
            if abs(line.omega - w) < DISSIMILAR_RATIO * max(widths, 1e-300) or \
                    (isinstance(partner, HydrogenIsotope) and line.omega >= w):
                raise ValueError(
                    f"the line at {line.omega:.9e} rad/s of A and B's resonance at {w:.9e} "
                    f"rad/s are not dissimilar (the quasi-stationary formulas need "
                    f"|Delta_AB| >= {DISSIMILAR_RATIO:g}(Gamma_A + Gamma_B)"
                    + (", and for a hydrogen partner a line below its first resonance"
                       if isinstance(partner, HydrogenIsotope) else "")
                    + "); for identical atoms use identical_forces")


# ---------------------------------------------------------------------------
# resonant (real-photon) part
# ---------------------------------------------------------------------------

def _reactive(alpha: np.ndarray) -> np.ndarray:
    """Hermitian part (α + α†)/2: the reactive response (absorption O(Γ_B/Δ) dropped)."""
    return 0.5 * (alpha + alpha.conj().T)


def _resonant(Rv: np.ndarray, atom, partner):
    """(U_A, U_B, F_A, F_B) of the resonant part at T = 0, flat arrays."""
    UA = np.zeros(len(Rv))
    UB = np.zeros(len(Rv))
    FA = np.zeros(Rv.shape)
    FB = np.zeros(Rv.shape)
    for line in atom.lines:
        k = line.omega / C
        mu = np.asarray(line.dipole, dtype=complex)
        a_b = _reactive(np.asarray(alpha_tensor(partner, line.omega), dtype=complex))
        G = green_tensor(Rv, line.omega)                           # (n, 3, 3)
        dG = grad_green_tensor(Rv, line.omega)                     # (n, k, i, j)
        pref = k ** 4 / EPS0 ** 2
        v = G @ mu                                                 # G·μ
        dv = dG @ mu                                               # (n, k, 3): ∂_k G·μ
        w = v @ a_b.T                                              # α_B·G·μ
        UA += -pref * np.real(np.einsum("i,nij,nj->n", mu.conj(), G, w))
        UB += -pref * np.real(np.einsum("ni,ni->n", v.conj(), w))
        FA += 2.0 * pref * np.real(np.einsum("i,nkij,nj->nk", mu.conj(), dG, w))
        FB += -2.0 * pref * np.real(np.einsum("ni,ij,nkj->nk", v.conj(), a_b, dv))
    return UA, UB, FA, FB


def resonant_forces(R, atom, partner) -> PairForces:
    """Resonant forces of a dissimilar pair at T = 0 (N): 004 Eqs. (10), (11), 001 Eq. (8).

    F_A = (2k⁴/ε₀²)Re[μ*·∂G₀·α_B·G₀·μ], F_B = −(2k⁴/ε₀²)Re[(G₀μ)†·α_B·∂G₀·μ] summed over A's
    lines (module docstring); multiply by e^{−Γ_A T} for time T.

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
        The excited atom A.
    partner : Particle
        B, in its ground state, dissimilar from A (|Δ_AB| ≥ 10(Γ_A + Γ_B)).

    Returns
    -------
    PairForces

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedTwoLevel
    >>> A = ExcitedTwoLevel(2.0e15, [0, 0, 2e-29])
    >>> B = TwoLevelAtom(2.1e15, [0, 0, 2e-29])
    >>> f = resonant_forces(separation(1e-6), A, B)
    >>> f.F_A.shape, bool(f.net[2] != 0)
    ((3,), True)
    """
    _check_pair(atom, partner)
    Rv, shape = _vectors(R)
    _, _, FA, FB = _resonant(Rv, atom, partner)
    return PairForces(FA.reshape(shape), FB.reshape(shape))


def resonant_potentials(R, atom, partner) -> tuple[np.ndarray, np.ndarray]:
    """U_A = −(k⁴/ε₀²)Re[μ*·G₀·α_B·G₀·μ] and U_B = −(k⁴/ε₀²)(G₀μ)†·α_B·(G₀μ) (J), T = 0.

    For linear dipoles F_A^res = −∇_A U_A and F_B^res = −∇_B U_B (module docstring).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
    partner : Particle

    Returns
    -------
    (ndarray, ndarray)
        U_A, U_B in J, shape R.shape[:-1].

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedTwoLevel
    >>> A = ExcitedTwoLevel(2.0e15, [0, 0, 2e-29])
    >>> UA, UB = resonant_potentials(separation(1e-10), A, TwoLevelAtom(2.1e15, [0, 0, 2e-29]))
    >>> bool(np.isclose(UA, UB, rtol=1e-6))                  # near field: equal
    True
    """
    _check_pair(atom, partner)
    Rv, shape = _vectors(R)
    UA, UB, _, _ = _resonant(Rv, atom, partner)
    return UA.reshape(shape[:-1]), UB.reshape(shape[:-1])


# ---------------------------------------------------------------------------
# degenerate levels of A (unretarded)
# ---------------------------------------------------------------------------

def static_dipole_gradient(R) -> np.ndarray:
    """∂_k T_ij of the static dipole tensor T = (3R̂R̂ − 𝟙)/(4πR³) (1/m⁴), index order (k, i, j).

    4πR⁴ ∂_kT_ij = 3R̂_kδ_ij + 3(δ_kiR̂_j + δ_kjR̂_i) − 15R̂_iR̂_jR̂_k (the ω → 0 limit of
    :func:`weft.fields.green.grad_green_tensor` times k²).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        m, ≠ 0.

    Returns
    -------
    ndarray, shape (..., 3, 3, 3)

    Examples
    --------
    >>> round(float(static_dipole_gradient([0, 0, 1.0])[2, 2, 2] * 4 * np.pi), 12)  # −6/R⁴
    -6.0
    """
    Rv, shape = _vectors(R)
    dist = np.linalg.norm(Rv, axis=-1)
    n = Rv / dist[:, None]
    eye = np.eye(3)
    out = (3.0 * n[:, :, None, None] * eye
           + 3.0 * (eye[:, :, None] * n[:, None, None, :] + eye[:, None, :] * n[:, None, :, None])
           - 15.0 * n[:, :, None, None] * n[:, None, :, None] * n[:, None, None, :])
    out /= (4.0 * np.pi * dist ** 4)[:, None, None, None]
    return out.reshape(shape[:-1] + (3, 3, 3))


def _degenerate(Rv: np.ndarray, atom, partner):
    """(U_deg, ∇U_deg) of A's degenerate levels (module docstring)."""
    W = atom.degenerate_weight
    if not np.any(W):
        return np.zeros(len(Rv)), np.zeros(Rv.shape)
    a_b = np.real(alpha_tensor(partner, 0.0))
    T = dipole_field_tensor(Rv, 0.0).real
    dT = static_dipole_gradient(Rv)
    X = W @ T                                           # W T
    Y = a_b @ T                                         # α_B T
    U = -np.einsum("nij,nji->n", X, Y) / (2.0 * EPS0 ** 2)
    grad = -(np.einsum("ij,nkjl,nli->nk", W, dT, Y)            # Tr[W ∂T α_B T]
             + np.einsum("nij,jl,nkli->nk", X, a_b, dT)         # Tr[W T α_B ∂T]
             ) / (2.0 * EPS0 ** 2)
    return U, grad


def degenerate_forces(R, atom, partner) -> PairForces:
    """Forces from A's levels degenerate with its state (2s for H(2p)), T = 0 (N).

    U_deg = −Tr[W·T·α_B(0)·T]/(2ε₀²), T = (3R̂R̂ − 𝟙)/(4πR³), unretarded at every R
    (module docstring); F_A = −∇U_deg = −F_B. Zero for a two-level atom.

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
    partner : Particle

    Returns
    -------
    PairForces

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedHydrogen
    >>> f = degenerate_forces(separation(1e-8), ExcitedHydrogen("2p0", "H"),
    ...                       HydrogenIsotope("1s", "D"))
    >>> bool(f.F_A[2] < 0 and np.allclose(f.net, 0))            # attractive, reciprocal
    True
    """
    _check_pair(atom, partner)
    Rv, shape = _vectors(R)
    _, grad = _degenerate(Rv, atom, partner)
    return PairForces((-grad).reshape(shape), grad.reshape(shape))


# ---------------------------------------------------------------------------
# off-resonant (Casimir–Polder) part
# ---------------------------------------------------------------------------

def _xi_rule(Rv: np.ndarray, atom, partner):
    """Gauss–Legendre rule on [0, ∞) for ξ (as weft.fields.thermal at T = 0), ascending."""
    lo = min(atom.omega_scales[0], partner.omega_scales[0])
    hi = max(atom.omega_scales[1], partner.omega_scales[1]) * 10 ** _DECADES_ABOVE
    r_max = float(np.linalg.norm(Rv, axis=-1).max())
    xi_lo = 10 ** -_DECADES_BELOW * min(lo, C / r_max)
    parts = [_gl_interval(0.0, xi_lo, _GL_NODES), _gl_panels(xi_lo, hi, _GL_NODES),
             _gl_tail(hi, _GL_NODES)]
    xi = np.concatenate([p[0] for p in parts])
    w = np.concatenate([p[1] for p in parts])
    order = np.argsort(xi)
    return xi[order], w[order]


def _offresonant(Rv: np.ndarray, atom, partner, *, gradient: bool = True):
    """(U_e, U_g, ∇U_e, ∇U_g): U_CP with A's excited and ground α (module docstring).

    The R vectors are taken in blocks of increasing |R|; in each block the nodes with
    ξ|R|_min/c > X_CUT (e^{−2x} < 1e-43 of the integrand's scale) are dropped.
    """
    xi, w = _xi_rule(Rv, atom, partner)
    a_b = _alpha_tensor_imag(partner, xi)
    if np.any(atom.degenerate_antisymmetric) and np.any(a_b - np.swapaxes(a_b, -1, -2)):
        raise ValueError("A's degenerate level has an antisymmetric (vector) polarizability "
                         "∝ 1/ξ and so has B: the off-resonant integral diverges "
                         "logarithmically at ξ → 0 in the nonrelativistic spectrum (the Lamb "
                         "shift would cut it off); use a real orbital for A or a linear dipole "
                         "for B")
    a_e = atom.alpha_imag_tensor(xi)                              # (m, 3, 3)
    a_g = _alpha_tensor_imag(atom.ground, xi)
    pref = -HBAR / (2.0 * np.pi * EPS0 ** 2)
    n = len(Rv)
    U = np.zeros((2, n))
    dU = np.zeros((2, n, 3))
    k2 = -(xi / C) ** 2                                            # k² at ω = iξ
    dist = np.linalg.norm(Rv, axis=-1)
    order = np.argsort(dist)
    for start in range(0, n, _CHUNK):
        idx = order[start:start + _CHUNK]
        m = int(np.searchsorted(xi, _X_CUT * C / dist[idx[0]], side="right"))
        x, ww = 1j * xi[:m], w[:m]
        r = Rv[idx, None, :]
        D = dipole_field_tensor(r, x).real                         # (c, m, 3, 3)
        Y = a_b[None, :m] @ D                                      # α_B D
        if gradient:
            dD = k2[None, :m, None, None, None] * grad_green_tensor(r, x).real
            dY = a_b[None, :m, None] @ dD                          # α_B ∂_k D
        for j, a_a in enumerate((a_e[:m], a_g[:m])):
            X = a_a[None] @ D                                      # α_A D
            U[j, idx] = pref * (np.einsum("cmij,cmji->cm", X, Y) @ ww)
            if gradient:
                dX = a_a[None, :, None] @ dD
                dtr = (np.einsum("cmkij,cmji->cmk", dX, Y)
                       + np.einsum("cmij,cmkji->cmk", X, dY))
                dU[j, idx] = pref * np.einsum("cmk,m->ck", dtr, ww)
    return U[0], U[1], dU[0], dU[1]


def offresonant_potentials(R, atom, partner) -> tuple[np.ndarray, np.ndarray]:
    """U_CP[α_A^e] and U_CP[α_A^g] (J): Casimir–Polder with A excited, and after its decay.

    U_CP[α] = −(ħ/2πε₀²)∫₀^∞dξ Tr[α(iξ)·D·α_B(iξ)·D], D = k²G₀(R, iξ) (module docstring);
    the off-resonant potential at time T is e^{−Γ_A T}U_e + (1 − e^{−Γ_A T})U_g.

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
    partner : Particle

    Returns
    -------
    (ndarray, ndarray)
        U_e, U_g in J, shape R.shape[:-1].

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedTwoLevel
    >>> A = ExcitedTwoLevel(2.0e15, [0, 0, 2e-29])
    >>> Ue, Ug = offresonant_potentials(separation(1e-9), A, TwoLevelAtom(3e15, [0, 0, 2e-29]))
    >>> bool(Ug < 0 and np.isclose(Ue, -Ug, rtol=1e-12))        # α_e = −α_g
    True
    """
    _check_pair(atom, partner, dissimilar=False)
    Rv, shape = _vectors(R)
    Ue, Ug, _, _ = _offresonant(Rv, atom, partner, gradient=False)
    return Ue.reshape(shape[:-1]), Ug.reshape(shape[:-1])


def offresonant_forces(R, atom, partner, T=0.0) -> PairForces:
    """Off-resonant forces at time T (N): −∇[e^{−Γ_A T}U_e + (1 − e^{−Γ_A T})U_g], F_B = −F_A.

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
    partner : Particle
    T : float
        Time since the excitation (s), 0 ≤ T ≤ inf.

    Returns
    -------
    PairForces

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedTwoLevel
    >>> A = ExcitedTwoLevel(2.0e15, [0, 0, 2e-29])
    >>> f = offresonant_forces(separation(1e-9), A, TwoLevelAtom(3e15, [0, 0, 2e-29]),
    ...                        T=np.log(2) / A.gamma)
    >>> bool(abs(f.F_A[2]) < 1e-13 * abs(offresonant_forces(separation(1e-9), A,
    ...      TwoLevelAtom(3e15, [0, 0, 2e-29])).F_A[2]))            # sign change at ln2/Γ
    True
    """
    _check_pair(atom, partner, dissimilar=False)
    t = _time(T, allow_inf=True)
    Rv, shape = _vectors(R)
    _, _, dUe, dUg = _offresonant(Rv, atom, partner)
    p = math.exp(-atom.gamma * t) if math.isfinite(t) else 0.0
    F = -(p * dUe + (1.0 - p) * dUg)
    return PairForces(F.reshape(shape), (-F).reshape(shape))


def offresonant_sign_change_time(R, atom, partner) -> np.ndarray:
    """Time T (s) at which the R̂ component of the off-resonant force changes sign.

    F(T)·R̂ = F_g + e^{−Γ_A T}(F_e − F_g) vanishes at e^{−Γ_A T} = F_g/(F_g − F_e); inf where
    it keeps its sign. Two-level A: α_e = −α_g, T = ln 2/Γ_A (004 Sec. V).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
    partner : Particle

    Returns
    -------
    ndarray, shape R.shape[:-1]

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedTwoLevel
    >>> A = ExcitedTwoLevel(2.0e15, [0, 0, 2e-29])
    >>> t = offresonant_sign_change_time(separation(1e-8), A, TwoLevelAtom(3e15, [0, 0, 2e-29]))
    >>> round(float(t * A.gamma / np.log(2)), 12)
    1.0
    """
    _check_pair(atom, partner, dissimilar=False)
    Rv, shape = _vectors(R)
    _, _, dUe, dUg = _offresonant(Rv, atom, partner)
    n = Rv / np.linalg.norm(Rv, axis=-1)[:, None]
    fe = -np.einsum("nk,nk->n", dUe, n)
    fg = -np.einsum("nk,nk->n", dUg, n)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = fg / (fg - fe)
    ok = (ratio > 0) & (ratio <= 1)
    out = np.full(len(Rv), np.inf)
    out[ok] = -np.log(ratio[ok]) / atom.gamma
    return out.reshape(shape[:-1])


# ---------------------------------------------------------------------------
# all parts together
# ---------------------------------------------------------------------------

def forces(R, atom, partner, T=0.0) -> PairForces:
    """Quasi-stationary forces on A (excited) and B at time T (N), module docstring.

    F_A = e^{−Γ_A T}(F_A^res + F^deg) + F^off(T),  F_B = e^{−Γ_A T}(F_B^res − F^deg) − F^off(T).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
        A (e.g. ``ExcitedHydrogen("2p0", "H")``, ``ExcitedTwoLevel(ω, μ, Γ)``).
    partner : Particle
        B in its ground state, dissimilar (e.g. ``HydrogenIsotope("1s", "D")``).
    T : float
        Time since the (adiabatic) excitation, s; inf gives the ground-state
        Casimir–Polder force.

    Returns
    -------
    PairForces

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedHydrogen
    >>> f = forces(separation(50e-9), ExcitedHydrogen("2p0", "H"), HydrogenIsotope("1s", "D"))
    >>> f"{f.F_A[2]:.4e} {f.F_B[2]:.4e}"
    '2.6206e-23 4.8649e-23'
    """
    _check_pair(atom, partner)
    t = _time(T, allow_inf=True)
    Rv, shape = _vectors(R)
    _, _, FA, FB = _resonant(Rv, atom, partner)
    _, grad_deg = _degenerate(Rv, atom, partner)
    _, _, dUe, dUg = _offresonant(Rv, atom, partner)
    p = math.exp(-atom.gamma * t) if math.isfinite(t) else 0.0
    off = -(p * dUe + (1.0 - p) * dUg)
    F_A = p * (FA - grad_deg) + off
    F_B = p * (FB + grad_deg) - off
    return PairForces(F_A.reshape(shape), F_B.reshape(shape))


def potentials(R, atom, partner, T=0.0) -> tuple[np.ndarray, np.ndarray]:
    """U_A, U_B (J) at time T: F_A = −∇_A U_A, F_B = −∇_B U_B for linear dipoles.

    U_{A,B} = e^{−Γ_A T}(U_{A,B}^res + U_deg) + e^{−Γ_A T}U_e + (1 − e^{−Γ_A T})U_g (module
    docstring). In the near field at T = 0 both equal the static second-order energy.

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
    partner : Particle
    T : float
        s, 0 ≤ T ≤ inf.

    Returns
    -------
    (ndarray, ndarray)
        U_A, U_B in J, shape R.shape[:-1].

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedHydrogen
    >>> UA, UB = potentials(separation(1e-6), ExcitedHydrogen("2p0", "H"),
    ...                     HydrogenIsotope("1s", "D"), T=np.inf)
    >>> bool(UA == UB and UA < 0)                          # ground-state Casimir–Polder
    True
    """
    _check_pair(atom, partner)
    t = _time(T, allow_inf=True)
    Rv, shape = _vectors(R)
    UA, UB, _, _ = _resonant(Rv, atom, partner)
    Ud, _ = _degenerate(Rv, atom, partner)
    Ue, Ug, _, _ = _offresonant(Rv, atom, partner, gradient=False)
    p = math.exp(-atom.gamma * t) if math.isfinite(t) else 0.0
    off = p * Ue + (1.0 - p) * Ug
    return ((p * (UA + Ud) + off).reshape(shape[:-1]), (p * (UB + Ud) + off).reshape(shape[:-1]))


def net_force(R, atom, partner, T=0.0) -> np.ndarray:
    """F_A + F_B (N) of a dissimilar pair: e^{−Γ_A T}(F_A^res + F_B^res) (001 Eq. (8)).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
    partner : Particle
    T : float
        s.

    Returns
    -------
    ndarray, shape R.shape

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedTwoLevel
    >>> A = ExcitedTwoLevel(2.0e15, [0, 0, 2e-29])
    >>> B = TwoLevelAtom(2.1e15, [0, 0, 2e-29])
    >>> near, far = separation([1e-9, 1e-6])
    >>> F = resonant_forces(near, A, B).F_A
    >>> bool(abs(net_force(near, A, B)[2]) < 1e-6 * abs(F[2]))      # near field: reciprocal
    True
    """
    _check_pair(atom, partner)
    t = _time(T, allow_inf=True)
    Rv, shape = _vectors(R)
    _, _, FA, FB = _resonant(Rv, atom, partner)
    p = math.exp(-atom.gamma * t) if math.isfinite(t) else 0.0
    return (p * (FA + FB)).reshape(shape)


# ---------------------------------------------------------------------------
# identical atoms
# ---------------------------------------------------------------------------

def identical_forces(R, atom, T, *, offresonant: bool = True) -> PairForces:
    """Forces on two identical atoms, A excited at T = 0, leading order (N), 004 Eqs. (15)–(17).

    F_A = −K Im[μ*·∂G₀·M·G₀·μ], F_B = −K Im[(G₀μ)†·M·∂G₀·μ], K = 2k⁴T e^{−Γ₀T}/(ε₀²ħ)
    (module docstring; weak interaction |V|T/ħ ≪ 1), plus, if ``offresonant``, the
    off-resonant force with B = A's ground state (two-level: (1 − 2e^{−Γ₀T}) times the
    ground-state Casimir–Polder force).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    atom : ExcitedAtom
        A; B is the same species in its ground state.
    T : float
        Time since the sudden excitation (s), 0 ≤ T < inf.
    offresonant : bool
        Add the off-resonant part (default True).

    Returns
    -------
    PairForces

    Examples
    --------
    >>> from weft.fields.atoms import ExcitedHydrogen
    >>> A = ExcitedHydrogen("2p0", "H")
    >>> f = identical_forces(separation(100e-9), A, T=1 / A.gamma, offresonant=False)
    >>> f"{f.F_A[2]:.4e} {f.F_B[2]:.4e}"
    '9.5236e-22 -7.9219e-21'
    """
    if not isinstance(atom, ExcitedAtom):
        raise ValueError(f"atom must be an ExcitedAtom, got {type(atom).__name__}")
    t = _time(T, allow_inf=False)
    Rv, shape = _vectors(R)
    line = atom.lines[0]
    k = line.omega / C
    mu = np.asarray(line.dipole, dtype=complex)
    M = np.asarray(atom.ground_dipole_tensor, dtype=complex)
    G = green_tensor(Rv, line.omega)
    dG = grad_green_tensor(Rv, line.omega)
    K = 2.0 * k ** 4 * t * math.exp(-atom.gamma * t) / (EPS0 ** 2 * HBAR)
    v = G @ mu
    MGmu = v @ M.T                                                  # M·G·μ
    FA = -K * np.imag(np.einsum("i,nkij,nj->nk", mu.conj(), dG, MGmu))
    FB = -K * np.imag(np.einsum("ni,ij,nkj->nk", v.conj(), M, dG @ mu))
    if offresonant:
        _, _, dUe, dUg = _offresonant(Rv, atom, atom.ground)
        p = math.exp(-atom.gamma * t)
        off = -(p * dUe + (1.0 - p) * dUg)
        FA = FA + off
        FB = FB - off
    return PairForces(FA.reshape(shape), FB.reshape(shape))
