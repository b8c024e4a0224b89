"""Transition (mixed) state sums: ⟨bra|x|m⟩⟨m|x|ket⟩ over all intermediate states, one rule.

The exchange term of two identical atoms in different levels (1s and ns: the pair states
|1s, ns⟩ and |ns, 1s⟩ are degenerate and mixed by the dipole-dipole interaction) needs
sums over the complete set of intermediate states m of *signed* products

    w_m = ⟨bra|x^i|m⟩⟨m|x^i|ket⟩        (no sum over i; summed over the sublevels of m),

the off-diagonal analogue of the weights x2 of :mod:`hydrogen.spectrum`. This module turns

    Σ_m F(E_m) ⟨bra|x^i|m⟩⟨m|x^i|ket⟩  =  Σ_j F(E_j) w_j

into one finite rule on the same nodes as :func:`hydrogen.spectrum.spectral_rule`
(discrete levels n' ≤ N_d, a Gauss rule for the Rydberg tail n' > N_d, Gauss-Legendre
panels in the continuum), for every F smooth on the spectrum. For bra = ket it *is* the
spectral rule (same nodes, same arithmetic, bit for bit).

Energies. The natural origin of a transition sum is the mean energy
E_mean = (E_bra + E_ket)/2: the rule stores ``dE`` = E_mean - E_m (the paper's sign,
ΔE_nm = E_n - E_m; for bra = ket it is the usual ΔE_nm). The transition energy is
``delta`` = E_ket - E_bra; E_bra - E_m = dE - delta/2 and E_ket - E_m = dE + delta/2 are
the properties ``dE_bra``, ``dE_ket``.

Weights. Bound–bound: w = a · R(bra → n'l') R(n'l' → ket), with the exact radial integrals
of :func:`hydrogen.dipole.radial_dipole` and the angular factor a = max(l, l')/(3(2l+1))
(the m-averaged scalar part; for S states the whole tensor is a δ^{ij}). Tail and
continuum: the *signed* radial amplitude continued in the principal quantum number,
⟨E l'|r|n l⟩ = sqrt(κ Π_t(1 + 2t²E) T(E)) e^{g(E)} Σ_q b_q y^q (per unit energy, see
:mod:`hydrogen.dipole`), whose square is the dipole density; its sign agrees with
``radial_dipole`` at every integer ν > n (tested), so the product of the two amplitudes
continues the discrete products analytically across threshold.

Sum rules (derived from commutators; ħ = m_e = 1, H = p²/2 - 1/r, [x, H] = i p_x), for S
states bra = |a⟩, ket = |b⟩, ε_m = E_m - E_mean = -dE, Δ = E_b - E_a:

    (T0)  Σ w       = ⟨a|x²|b⟩ = ⟨a|r²|b⟩/3                                    completeness
    (T1)  Σ ε w     = ⟨a|[x,[H,x]]|b⟩/2 = δ_ab/2                              [x,[H,x]] = 1
    (T2)  Σ (ε² - Δ²/4) w = ⟨a|[x,H][H,x]|b⟩ = ⟨a|p²|b⟩/3 = (2/3)⟨a|1/r|b⟩ (a ≠ b)
    (T3)  Σ ε (ε² - Δ²/4) w = ⟨a|p_x (H - E_mean) p_x|b⟩ = ⟨a|∂²_x V|b⟩/2
                            = (2π/3) ψ_a(0) ψ_b(0) = (2/3)(n_a n_b)^{-3/2}

((T2): (E_m - E_a)(E_m - E_b) = ε² - Δ²/4; (T3): p H p = (p²H + Hp²)/2 + [p,[H,p]]/2 and
∇²(-1/r) = 4πδ³). For a = b they are (C1), (C2), (C4) and S(2) of Appendix C. The tests
check them to ≤ 1e-12 on the scale of Σ|w| ε^k.

Error control: the rule is built at resolution 1 and 2 (like the spectral rule), and
``error`` is the largest difference on probe sums Σ w ε^k (k = -1..2) and
Σ w ε/(ε² + u²) u², each divided by the same sum over |w| (signed sums cancel: the
error is measured on the scale of the terms that cancel).

What the lead must add to :class:`hydrogen.spectrum.SpectralRule` to merge the two types:
the fields ``bra``, ``ket`` (States; ``state`` = ``bra``), ``e_m`` (absolute intermediate
energies, for exact degeneracy masks), ``e_bra``, ``e_ket`` (with level shifts) and the
``delta``/``dE_bra``/``dE_ket``/``scale`` properties below; :class:`TransitionRule` is a
subclass that carries them meanwhile.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from . import dipole
from .spectrum import (CONTINUUM, DISCRETE, TAIL, SingularSumError, SpectralRule,
                       _N_DISCRETE, _N_TAIL,
                       _PANEL_NODES, _Y_PANELS, _normalise_shifts, continuum_rule,
                       rydberg_tail_rule)
from .states import State, energy, parse_state

__all__ = ["TransitionRule", "transition_rule", "transition_sum_rules", "C6_exchange",
           "exchange_nlo_sum"]


@dataclass(frozen=True, eq=False)
class TransitionRule(SpectralRule):
    """Quadrature rule {ΔE_j, w_j} for ⟨bra|x^i|m⟩⟨m|x^i|ket⟩ over all intermediate states.

    A :class:`hydrogen.spectrum.SpectralRule` (``state`` is the bra; ``x2`` holds the
    signed weights w_j in bohr²; ``dE`` = E_mean - E_m in hartree) with the extra fields

    Attributes
    ----------
    bra, ket : State
        The two states; ``bra == ket`` gives the ordinary spectral rule.
    e_m : ndarray
        Absolute energies of the intermediate nodes (hartree, level shifts included).
    e_bra, e_ket : float
        Energies of bra and ket (hartree, level shifts included).
    """

    bra: State | None = None
    ket: State | None = None
    e_m: np.ndarray | None = None
    e_bra: float = float("nan")
    e_ket: float = float("nan")

    @property
    def delta(self) -> float:
        """Transition energy Δ = E_ket - E_bra (hartree)."""
        return self.e_ket - self.e_bra

    @property
    def w(self) -> np.ndarray:
        """The signed weights w_j (bohr²); the same array as ``x2``."""
        return self.x2

    @property
    def dE_bra(self) -> np.ndarray:
        """E_bra - E_m (hartree)."""
        return self.e_bra - self.e_m

    @property
    def dE_ket(self) -> np.ndarray:
        """E_ket - E_m (hartree)."""
        return self.e_ket - self.e_m

    @property
    def degenerate_bra(self) -> np.ndarray:
        """Discrete intermediate levels exactly degenerate with the bra."""
        return (self.kind == DISCRETE) & (self.e_m == self.e_bra)

    @property
    def degenerate_ket(self) -> np.ndarray:
        """Discrete intermediate levels exactly degenerate with the ket."""
        return (self.kind == DISCRETE) & (self.e_m == self.e_ket)

    @property
    def scale(self) -> float:
        """Σ|w_j| (bohr²): the scale on which the signed sum Σ w_j is accurate."""
        return float(np.sum(np.abs(self.x2)))


def _check_pair(bra: State, ket: State) -> None:
    if bra.l != ket.l:
        raise ValueError(
            f"bra, ket: transition rules are implemented for levels of equal l (the scalar "
            f"part of ⟨bra|x^i x^j|ket⟩); got {bra.label} (l={bra.l}) and {ket.label} "
            f"(l={ket.l}), whose product is a pure rank-2 tensor")


def _build(bra: State, ket: State, shifts: tuple, resolution: int) -> TransitionRule:
    """Assemble the rule (see the module docstring); mirrors hydrogen.spectrum._build."""
    shift = {(sn, sl): v for sn, sl, v in shifts}
    n1, n2, l = bra.n, ket.n, bra.l
    diagonal = bra == ket
    n_disc = max(_N_DISCRETE, 2 * max(n1, n2) + 20) + 20 * (resolution - 1)
    for sn, _, _ in shifts:
        if sn > n_disc:
            raise ValueError(f"level_shifts: level n={sn} is beyond the explicit discrete levels "
                             f"(n <= {n_disc}); shifts are allowed only there")
    tail_nodes = _N_TAIL + 4 * (resolution - 1)
    panel_nodes = _PANEL_NODES + 8 * (resolution - 1)
    e_bra = energy(n1) + shift.get((n1, l), 0.0)
    e_ket = energy(n2) + shift.get((n2, l), 0.0)
    e_mean = 0.5 * (e_bra + e_ket)                 # exact for bra = ket
    e_bind = 0.5 / max(n1, n2) ** 2                # continuum panels resolve the outer state
    dEs, ws, kinds, n2s, l2s, ems = [], [], [], [], [], []
    for l2 in (l - 1, l + 1):
        if l2 < 0:
            continue
        ang = max(l, l2) / (3.0 * (2 * l + 1))
        # 1. explicit discrete levels
        nn = np.arange(l2 + 1, n_disc + 1)
        r1 = np.array([dipole.radial_dipole(n1, l, int(m), l2) for m in nn])
        r2 = r1 if diagonal else np.array([dipole.radial_dipole(n2, l, int(m), l2) for m in nn])
        e_m = np.array([energy(int(m)) + shift.get((int(m), l2), 0.0) for m in nn])
        de = e_mean - e_m
        if diagonal and not shift:
            de[nn == n1] = 0.0                    # exact degeneracy, not rounding
        dEs.append(de); ws.append(ang * r1 * r2); ems.append(e_m)
        kinds.append(np.full(nn.size, DISCRETE)); n2s.append(nn); l2s.append(np.full(nn.size, l2))
        # 2. Rydberg tail and 3. continuum: signed continued amplitudes
        nu, w_t = rydberg_tail_rule(n_disc, tail_nodes)
        e_t = -0.5 / nu ** 2
        e_c, w_c = continuum_rule(e_bind, panel_nodes, _Y_PANELS)
        for e_nodes, w_nodes, kind in ((e_t, w_t, TAIL), (e_c, w_c, CONTINUUM)):
            p1, a1, th = dipole._continued_parts(n1, l, l2, e_nodes)
            if diagonal:
                dens = p1 * a1 * a1 * th           # = hydrogen.dipole.dipole_density
            else:
                p2, a2, _ = dipole._continued_parts(n2, l, l2, e_nodes)
                dens = np.sqrt(p1 * p2) * th * a1 * a2
            dEs.append(e_mean - e_nodes); ws.append(ang * w_nodes * dens); ems.append(e_nodes)
            kinds.append(np.full(e_nodes.size, kind)); n2s.append(np.zeros(e_nodes.size, int))
            l2s.append(np.full(e_nodes.size, l2))
    arrays = [np.concatenate(a) for a in (dEs, ws, kinds, n2s, l2s, ems)]
    for a in arrays:
        a.setflags(write=False)
    dE, w, kind, n2a, l2a, e_m = arrays
    return TransitionRule(bra, dE, w, kind, n2a, l2a, bra=bra, ket=ket, e_m=e_m,
                          e_bra=float(e_bra), e_ket=float(e_ket))


def _probe(rule: TransitionRule) -> tuple[np.ndarray, np.ndarray]:
    """Probe sums Σ w g(ε) and the same sums over |w| |g| (their scale)."""
    eps = -rule.dE
    bad = np.abs(eps) <= 1e-14 * (abs(rule.e_bra) + abs(rule.e_ket))   # a node at E_mean
    e = np.where(bad, 1.0, eps)
    w = np.where(bad, 0.0, rule.x2)
    gs = [e ** k for k in (-1, 0, 1, 2)]
    gs += [e * u * u / (e * e + u * u) for u in (0.1, 1.0, 10.0, 100.0, 1e4)]
    vals = np.array([np.sum(w * g) for g in gs])
    scale = np.array([np.sum(np.abs(w * g)) for g in gs])
    return vals, scale


@lru_cache(maxsize=128)
def _cached(n1: int, l1: int, n2: int, l2: int, shifts: tuple) -> TransitionRule:
    bra, ket = State(n1, l1), State(n2, l2)
    coarse = _build(bra, ket, shifts, 1)
    fine = _build(bra, ket, shifts, 2)
    (pc, sc), (pf, _) = _probe(coarse), _probe(fine)
    err = float(np.max(np.abs(pc - pf) / np.maximum(sc, 1e-300)))
    return TransitionRule(coarse.state, coarse.dE, coarse.x2, coarse.kind, coarse.n2,
                          coarse.l2, error=err, bra=bra, ket=ket, e_m=coarse.e_m,
                          e_bra=coarse.e_bra, e_ket=coarse.e_ket)


def transition_rule(bra, ket, *, level_shifts=None) -> TransitionRule:
    """Quadrature rule {ΔE_j, w_j} for the transition sums Σ_m ⟨bra|x|m⟩⟨m|x|ket⟩ F(E_m).

    The off-diagonal generalisation of :func:`hydrogen.spectrum.spectral_rule` (the paper's
    p_E(n, m) of Eq. (12) with ⟨n|x|m⟩⟨m|x|n⟩ → ⟨bra|x|m⟩⟨m|x|ket⟩), over discrete levels,
    the Rydberg tail and the continuum on common nodes; see the module docstring for the
    construction, the sum rules (T0)-(T3) and the error estimate.

    Parameters
    ----------
    bra, ket : str or tuple or State
        Levels of equal orbital angular momentum, e.g. "1s" and "2s". bra = ket gives the
        spectral rule of that state.
    level_shifts : dict, optional
        Extra level energies (hartree) keyed by label or (n, l), as in
        :func:`hydrogen.spectrum.spectral_rule`; they shift bra, ket and intermediate levels
        (e.g. {"2p": -L} for a Lamb shift L of 2s above 2p).

    Returns
    -------
    TransitionRule
        ``dE`` = E_mean - E_m (hartree), ``x2`` = ``w`` = signed weights (bohr²),
        ``delta`` = E_ket - E_bra, ``error`` relative to Σ|w|-type sums.

    Raises
    ------
    ValueError
        Unknown labels, levels of different l, shifts beyond the explicit levels.

    Examples
    --------
    >>> rule = transition_rule("1s", "2s")
    >>> float(rule.delta)                                   # E_2s - E_1s, hartree
    0.375
    >>> abs(float(rule.w.sum()) + 512 * 2 ** 0.5 / 729) < 1e-13     # (T0): ⟨1s|r²|2s⟩/3
    True
    """
    b, k = parse_state(bra), parse_state(ket)
    _check_pair(b, k)
    return _cached(b.n, b.l, k.n, k.l, _normalise_shifts(level_shifts))


def transition_sum_rules(bra, ket, *, level_shifts=None) -> dict:
    """The sums (T0)-(T3) of the module docstring on the rule, with their scales.

    Returns a dict name -> (computed, scale): the signed sum over the rule and the same sum
    with |w| (the round-off and truncation floor of the signed sum is ~1e-16 × scale).
    The exact values are not computed here (the tests take them from sympy).

    Examples
    --------
    >>> got, scale = transition_sum_rules("1s", "3s")["T1"]      # Σ ε w = 0 for bra ≠ ket
    >>> abs(got) < 1e-13 * scale
    True
    """
    rule = transition_rule(bra, ket, level_shifts=level_shifts)
    eps, w, q = -rule.dE, rule.x2, 0.25 * rule.delta ** 2
    gs = {"T0": np.ones_like(eps), "T1": eps, "T2": eps * eps - q, "T3": eps * (eps * eps - q)}
    return {k: (float(np.sum(w * g)), float(np.sum(np.abs(w * g)))) for k, g in gs.items()}


# ---------------------------------------------------------------------------
# Exchange sums of two identical atoms in different levels
# ---------------------------------------------------------------------------

def _exchange_grid(state1, state2, level_shifts):
    """w_i w_j and ε_i + ε_j on the transition rule, with the resonance check."""
    a, b = parse_state(state1), parse_state(state2)
    if a == b:
        raise ValueError(f"state1, state2: both are {a.label}; the exchange (state-swap) term "
                         "exists only for atoms in different levels")
    if a.l != 0 or b.l != 0:
        raise ValueError(f"state1, state2: exchange sums are implemented for S states, got "
                         f"{a.label} and {b.label}")
    rule = transition_rule(a, b, level_shifts=level_shifts)
    eps = -rule.dE
    total = eps[:, None] + eps[None, :]
    disc = rule.kind == DISCRETE
    if np.any(total <= 0):
        exact = np.any((total == 0) & disc[:, None] & disc[None, :])
        raise SingularSumError(
            f"exchange sum for {a.label}-{b.label} is singular: an intermediate pair |m, m'⟩ lies "
            + ("exactly at" if exact else "at or below")
            + " E_a + E_b (both atoms excited: e.g. |2p, 3p⟩ for 2s-3s), a first-order resonant "
            "(R⁻³) coupling or a real transition, not a van der Waals term")
    return rule, eps, total


def C6_exchange(state1, state2, *, level_shifts=None) -> float:
    """Exchange coefficient X6 of E± = -(C6 ± X6)/R⁶, hartree·bohr⁶ (docs/excited.md).

    For two identical atoms in different S levels a, b the pair states |a, b⟩ and |b, a⟩ are
    degenerate; the second-order dipole-dipole interaction (the London term of Eq. (31))
    has the off-diagonal element H₁₂ = -X6/R⁶ with

        X6 = 6 Σ_{m,m'} w_m w_m' / (ε_m + ε_m'),   w_m = ⟨a|x|m⟩⟨m|x|b⟩,  ε_m = E_m - E_mean,

    (E_mean = (E_a + E_b)/2; ε_m + ε_m' = E_m + E_m' - E_a - E_b) — Eq. (32) with p_E(n,m)
    → e²⟨a|x|m⟩⟨m|x|b⟩. The states (|a,b⟩ ± |b,a⟩)/√2 have E± = -(C6 ± X6)/R⁶, with C6 the
    direct coefficient :func:`hydrogen.sums.C6`.

    Parameters
    ----------
    state1, state2 : str or tuple or State
        Two different S states, e.g. "1s" and "2s" (order irrelevant).
    level_shifts : dict, optional
        Extra level energies (hartree), see :func:`transition_rule`.

    Returns
    -------
    float
        X6 in hartree·bohr⁶.

    Raises
    ------
    ValueError
        Equal states, non-S states.
    SingularSumError
        An intermediate pair degenerate with the initial pair (e.g. 2s-3s: |2p, 3p⟩).

    Examples
    --------
    >>> round(C6_exchange("1s", "2s"), 2)      # Adhikari et al., PRA 95, 022703 (2017): 27.98
    27.98
    """
    rule, _, total = _exchange_grid(state1, state2, level_shifts)
    w = rule.x2
    return float(6.0 * np.sum(w[:, None] * w[None, :] / total))


def exchange_nlo_sum(state1, state2, *, level_shifts=None) -> float:
    """Σ_{m,m'} w_m w_m' ε_m ε_m'/(ε_m + ε_m'), hartree·bohr⁴: the exchange analogue of Eq. (36).

    With it the R⁻⁴ term of the exchange element is
    H₁₂^(1) = α² [2 × this - X6 Δ²/12] / R⁴ (a.u., Δ = E_b - E_a; docs/excited.md).

    Examples
    --------
    >>> exchange_nlo_sum("1s", "2s") > 0
    True
    """
    rule, eps, total = _exchange_grid(state1, state2, level_shifts)
    w = rule.x2
    return float(np.sum(w[:, None] * w[None, :] * eps[:, None] * eps[None, :] / total))
