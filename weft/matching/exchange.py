"""H(1s) + H(ns): the two branches E± of an excited pair in the short, long and intermediate regimes.

Two hydrogen atoms, one in 1s and one in ns (n >= 2): the pair states |1s, ns⟩ and |ns, 1s⟩
are degenerate and the dipole-dipole interaction at second order (the paper's two-photon
exchange, Secs. IV-VI) mixes them. In that 2×2 block

    W = [[W_dir, H₁₂], [H₁₂, W_dir]],     E± = W_dir ± H₁₂,   Ψ± = (|1s, ns⟩ ± |ns, 1s⟩)/√2,

W_dir the paper's W with each atom in its own level, H₁₂ the exchange (state-swap) element.
No other pair state couples to this block at this order (parity), so the ± branches are
exact eigenvalues of the second-order problem. Atomic units (hartree, bohr), c = 1/α.

Symmetry of the branches (derived in docs/excited.md): with the electron spins, Ψ+ is the
¹Σg⁺ and ³Σu⁺ molecular state, Ψ- the ¹Σu⁺ and ³Σg⁺ one (inversion through the midpoint
maps Ψ± to ±Ψ± for the singlet, ∓Ψ± for the triplet; Λ = 0 and σ_v-even for two s
orbitals). ``symmetry="direct"`` gives W_dir alone: distinguishable atoms (H-D), or an
incoherent mixture of the two branches.

=============  =============================================  ==================================
regime         W_dir                                          H₁₂
=============  =============================================  ==================================
short "0"      -C6/R⁶ (Eq. (32), hydrogen.C6)                 -X6/R⁶ (hydrogen.C6_exchange)
short "1"      -(2α²/R⁴) Σ x2x2 ΔEΔE/(ΔE+ΔE) (Eq. (36))       α²[2Σ ww εε/(ε+ε) - X6Δ²/12]/R⁴
short "3/2"    -7α³/(6πR³) (Eq. (38), state independent)      0 (⟨1s|[x,[H,x]]|ns⟩ = 0)
long "np"      -3 x2_np α_1s(0)/R⁶ (never retards)            —
long "2"       -23 α_1s α'_ns/(4πα R⁷) (Eq. (52), α' without np)  —
long "res"     -Σ_lower x2_m α_1s(ω_m) Tr[g(ω_m)²] (n >= 3)     i S e^{iΔR/c}/R² (two real photons)
intermediate   exact (weft.matching.retarded)                 exact (weft.matching.retarded)
=============  =============================================  ==================================

Lamb shift. In the nonrelativistic Coulomb spectrum np is degenerate with ns; the physical
2S₁/₂ lies L above 2P₁/₂ (:data:`LAMB_SHIFT_2S_MHZ`). ``level_shifts=lamb_shift_2s()``
lowers the whole 2p level by L (fine structure, 2P₃/₂ with 2/3 of the strength about 9.9 GHz
above 2S₁/₂, is not modelled). Then the np term of W_dir is an ordinary lower level: the
same -3 x2 α/R⁶ for R ≪ c/L, and beyond R ~ c/L ≈ 8.5e8 bohr ≈ 4.5 cm an oscillating tail
-2 x2 α_1s(L)(L/c)⁴ cos(2LR/c)/R² plus a repulsive +23 x2 α_1s/(2π α L R⁷). H₁₂ changes by a
relative 1.7e-6 for R ≪ c/Δ, rising to 3.9e-5 for R ≫ c/Δ (docs/excited.md §4: ≤ 4e-5).

Literature (tests in tests/test_exchange.py): Adhikari, Debierre, Matveev, Kolachevsky,
Jentschura, PRA 95, 022703 (2017), arXiv:1701.08812: C6(2S;1S) ± X6 = 176.75 ± 27.98 (van der
Waals range; reproduced) and "-121.50 ± 46.61" in the Casimir-Polder range: 121.50 is the
unretarded np term of W_dir (reproduced), 46.61 is the np part of X6,
6 w_np Σ_m w_m/(E_m - E_1s) (reproduced by :func:`adhikari_cp_mixing`), but the exact H₁₂ has
no such term: for R ≫ c/Δ it is e^{iΔR/c} times a smooth function, ≈ i S e^{iΔR/c}/R²
(docs/excited.md, "Differences from the literature").
"""
from __future__ import annotations

import numpy as np

from hydrogen.spectrum import DISCRETE, check_state, spectral_rule, transition_rule
from hydrogen.states import State, parse_state
from hydrogen.sums import C6, C6_exchange, exchange_nlo_sum, london_nlo_sum, polarizability

from .. import units
from ..pair import Pair
from .base import Contribution
from .magnetic import magnetic_contact_coefficient, magnetic_dipole_potential
from .retarded import direct_kernel, exchange_kernel, tr_gg

__all__ = ["ORDERS", "orders", "contributions", "LAMB_SHIFT_2S_MHZ", "lamb_shift_hartree",
           "lamb_shift_2s", "SYMMETRY_TERMS",
           "molecular_terms", "excited_pair", "short_coefficients", "short_contributions",
           "long_contributions", "intermediate_contributions", "branch_potential",
           "adhikari_cp_mixing", "degenerate_direct_coefficient"]

#: 2S₁/₂ - 2P₁/₂ Lamb shift of hydrogen, MHz: 1057.845(9) MHz, S. R. Lundeen and
#: F. M. Pipkin, Phys. Rev. Lett. 46, 232 (1981). (Later measurements agree to ~2e-5.)
LAMB_SHIFT_2S_MHZ = 1057.845

#: The ``symmetry`` values and the molecular states each one describes.
SYMMETRY_TERMS = {"+": ("1Σg+", "3Σu+"), "-": ("1Σu+", "3Σg+"),
              "direct": ("distinguishable atoms (H-D) or the mean of the two branches",)}


def lamb_shift_hartree() -> float:
    """L = E(2S₁/₂) - E(2P₁/₂) in hartree, from :data:`LAMB_SHIFT_2S_MHZ` (weft.units).

    The measured 1057.845 MHz (Lundeen & Pipkin, PRL 46, 232 (1981)) divided by the
    hartree frequency ``weft.units.HARTREE_MHZ``.

    Returns
    -------
    float
        L in hartree (1.6077e-7; c/L = 8.5e8 bohr).

    Examples
    --------
    >>> round(lamb_shift_hartree() * 1e7, 4)
    1.6077
    """
    return LAMB_SHIFT_2S_MHZ / units.HARTREE_MHZ


def lamb_shift_2s() -> dict:
    """``level_shifts`` option of the physical 2s-2p Lamb shift: the 2p level lowered by L.

    The whole 2p level is lowered by L = :func:`lamb_shift_hartree` (the fine structure,
    2P₃/₂ with 2/3 of the strength, and the 2p width are not modelled; docs/excited.md §1).

    Returns
    -------
    dict
        {"2p": -L}, L in hartree: the ``level_shifts`` argument of
        :func:`hydrogen.spectrum.spectral_rule`, :func:`branch_potential` and
        :class:`weft.Pair`.

    Examples
    --------
    >>> shifts = lamb_shift_2s()
    >>> sorted(shifts)
    ['2p']
    >>> round(shifts["2p"] * 1e7, 4)
    -1.6077
    """
    return {"2p": -lamb_shift_hartree()}


def molecular_terms(symmetry: str) -> tuple:
    """Molecular states of a branch: "+" → ('1Σg+', '3Σu+'), "-" → ('1Σu+', '3Σg+').

    Derivation in docs/excited.md §1 (inversion maps the spatial Ψ± to ±Ψ± for the singlet
    and to ∓Ψ± for the triplet).

    Parameters
    ----------
    symmetry : {"+", "-", "direct"}
        The branch E± = W_dir ± H₁₂, or "direct" (W_dir alone).

    Returns
    -------
    tuple of str
        The molecular term symbols of the branch (singlet, triplet); for "direct" a
        one-element tuple describing what W_dir alone stands for.

    Raises
    ------
    ValueError
        Any other ``symmetry``.

    Examples
    --------
    >>> molecular_terms("+")
    ('1Σg+', '3Σu+')
    """
    if symmetry not in SYMMETRY_TERMS:
        raise ValueError(f"symmetry must be one of {list(SYMMETRY_TERMS)}, got {symmetry!r}")
    return SYMMETRY_TERMS[symmetry]


def excited_pair(state1, state2, symmetry) -> State:
    """Validate a pair (1s, ns) and its ``symmetry`` (through :class:`weft.Pair`); returns ns.

    Parameters
    ----------
    state1, state2 : str or tuple or State
        One atom in 1s and one in an S level ns (either order); 1s-1s is allowed with
        ``symmetry`` "direct" or None.
    symmetry : {"+", "-", "direct"} or None
        Branch; required (not None) for 1s-ns.

    Returns
    -------
    State
        The excited state ns (1s for a 1s-1s pair).

    Raises
    ------
    ValueError
        Non-S states; both atoms excited (needs the hyperfine-resolved quasi-degenerate
        treatment); a missing or unknown ``symmetry``.

    Examples
    --------
    >>> excited_pair("2s", "1s", "+").label
    '2s'
    """
    pair = Pair(state1, state2, symmetry=None if symmetry == "direct" and
                _same_level(state1, state2) else symmetry)
    pair.require_s_waves()
    return pair.state1 if pair.state1.n > 1 else pair.state2


def _same_level(state1, state2) -> bool:
    a, b = check_state(state1, "state1"), check_state(state2, "state2")
    return (a.n, a.l) == (b.n, b.l)


def _excited_s_state(state) -> State:
    """An S state with n >= 2 (the excited atom of a 1s-ns pair), validated."""
    st = check_state(state)
    if st.l != 0 or st.n < 2:
        raise ValueError(f"state must be an excited S state (2s, 3s, ...), got {st.label}")
    return st


def _sign(symmetry) -> int:
    return {"+": 1, "-": -1}.get(symmetry, 0)


# ---------------------------------------------------------------------------
# Short regime (van der Waals range a0 ≪ R ≪ c/ΔE)
# ---------------------------------------------------------------------------

def short_coefficients(state, *, level_shifts=None) -> dict:
    """Short-regime coefficients of 1s-ns, atomic units (module table).

    W_dir = -C6/R⁶ + C4/R⁴ + …, H₁₂ = -X6/R⁶ + X4/R⁴ + …, with C6 of Eq. (32)
    (:func:`hydrogen.C6`), X6 its exchange partner (:func:`hydrogen.C6_exchange`),
    C4 = -2α² Σ x2x2 ΔEΔE/(ΔE+ΔE) (Eq. (36), :func:`hydrogen.london_nlo_sum`) and
    X4 = α²[2 Σ ww εε/(ε+ε) - X6 Δ²/12] (the exchange analogue: the O(R²/c²) term of
    Tr[G(Δ/2+ν)G(Δ/2-ν)], docs/excited.md §3; :func:`hydrogen.exchange_nlo_sum`).

    Parameters
    ----------
    state : str or tuple or State
        The excited atom's S state ns, n >= 2 (its partner is in 1s).
    level_shifts : dict, optional
        Extra level energies (hartree), e.g. :func:`lamb_shift_2s`.

    Returns
    -------
    dict
        {"C6", "X6"} in hartree·bohr⁶ and {"C4", "X4"} in hartree·bohr⁴ (α² included).

    Raises
    ------
    ValueError
        ``state`` is 1s or not an S state.
    SingularSumError
        A resonant intermediate pair (see :func:`hydrogen.C6_exchange`).

    Examples
    --------
    >>> c = short_coefficients("2s")
    >>> round(c["C6"], 2), round(c["X6"], 2)       # Adhikari et al. (2017): 176.75 ± 27.98
    (176.75, 27.98)
    """
    ns = parse_state(state)
    a2 = units.ALPHA ** 2
    x6 = C6_exchange("1s", ns, level_shifts=level_shifts)
    delta = transition_rule("1s", ns, level_shifts=level_shifts).delta
    return {"C6": C6("1s", ns, level_shifts=level_shifts), "X6": x6,
            "C4": -2 * a2 * london_nlo_sum("1s", ns, level_shifts=level_shifts),
            "X4": a2 * (2 * exchange_nlo_sum("1s", ns, level_shifts=level_shifts)
                        - x6 * delta ** 2 / 12)}


def short_contributions(R_bohr, state1, state2, symmetry, *, level_shifts=None):
    """Dispersive short-regime terms of a branch, orders "0", "1", "3/2" (hartree).

    "0": -(C6 ± X6)/R⁶ (Eqs. (31), (32) and the exchange partner); "1":
    (C4 ± X4)/R⁴ (Eq. (36) and its exchange analogue), coefficients of
    :func:`short_coefficients`; "3/2": -7α³/(6πR³) (Eq. (38) in atomic units, state
    independent, no exchange part since ⟨1s|[x,[H,x]]|ns⟩ = 0). The magnetic order "1/2"
    and the local δ³(R) terms are those of :mod:`weft.matching.short` (diagonal in the
    pair states).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr, a₀ ≪ R ≪ c/ΔE (the window is :func:`weft.validity.domain`).
    state1, state2 : str or tuple or State
        1s and ns (either order); 1s-1s with ``symmetry`` "direct" or None.
    symmetry : {"+", "-", "direct"} or None
        Branch E± = W_dir ± H₁₂, or "direct" (W_dir alone).
    level_shifts : dict, optional
        Extra level energies (hartree), e.g. :func:`lamb_shift_2s`.

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`
        Orders "0", "1", "3/2"; each ``value`` in hartree, same shape as ``R_bohr``.

    Examples
    --------
    >>> [(c.order, c.name) for c in short_contributions(40.0, "1s", "2s", "+")][:2]
    [('0', 'London, direct'), ('0', 'London, exchange')]
    """
    ns = excited_pair(state1, state2, symmetry)
    R = np.asarray(R_bohr, dtype=float)
    sg = _sign(symmetry)
    if ns.n == 1:
        c = {"C6": C6("1s", "1s"), "X6": 0.0, "C4": -2 * units.ALPHA ** 2 * london_nlo_sum("1s"),
             "X4": 0.0}
    else:
        c = short_coefficients(ns, level_shifts=level_shifts)
    out = [
        Contribution("London, direct", "0", "Eqs. (31), (32)", -c["C6"] / R ** 6, {},
                     "direct term W_dir of the pair"),
        Contribution("LO x NLO dipole potentials, direct", "1", "Eqs. (28), (36)",
                     c["C4"] / R ** 4, {}, "direct term W_dir of the pair"),
        Contribution("one ultrasoft photon (non-local)", "3/2", "Eq. (38); exchange: 0",
                     -7 * units.ALPHA ** 3 / (6 * np.pi * R ** 3), {},
                     "state independent (TRK); no exchange part"),
    ]
    if sg:
        note = f"exchange element ±H12 of branch {symmetry!r} (docs/excited.md)"
        out.insert(1, Contribution("London, exchange", "0", "X6: docs/excited.md §3",
                                   -sg * c["X6"] / R ** 6, {}, note))
        out.insert(3, Contribution("LO x NLO dipole potentials, exchange", "1",
                                   "docs/excited.md §3", sg * c["X4"] / R ** 4, {}, note))
    return out


# ---------------------------------------------------------------------------
# Long regime (R ≫ c/ΔE of the non-degenerate levels)
# ---------------------------------------------------------------------------

def degenerate_direct_coefficient(state, *, level_shifts=None) -> float:
    """3 x2_np α_1s(0), hartree·bohr⁶: the unretarded np part of W_dir (= 121.5 for 2s).

    The np level of ns (ω = 0) puts π x2 δ(u) in α_ns(iu); the Casimir-Polder integral then
    gives -3 x2_np α_1s(0)/R⁶ at every R (never retarded; docs/excited.md §4). With a level
    shift L it is the R ≪ c/L limit.

    Parameters
    ----------
    state : str or tuple or State
        The excited atom's S state ns (1s gives 0: no degenerate level).
    level_shifts : dict, optional
        Not used: the coefficient is that of the Coulomb spectrum, i.e. the R ≪ c/L limit
        also when a shift L lifts the degeneracy (:func:`long_contributions` then uses the
        exact form).

    Returns
    -------
    float
        3 x2_np α_1s(0) in hartree·bohr⁶ (x2_np in bohr², α_1s(0) = 9/2 bohr³).

    Examples
    --------
    >>> round(degenerate_direct_coefficient("2s"), 9)       # 3 · 9 · 9/2 (x2 = (3√3)²/3)
    121.5
    """
    ns = _excited_s_state(state)
    rule = spectral_rule(ns)
    x2 = float(np.sum(rule.x2[rule.degenerate]))
    return 3 * x2 * float(polarizability("1s"))


def adhikari_cp_mixing(state) -> float:
    """6 w_np Σ_m w_m/(E_m - E_1s), hartree·bohr⁶: the Casimir-Polder-range mixing term of
    Adhikari et al., PRA 95, 022703 (2017) (46.61 for 2s).

    It is the part of X6 with the np level on the ns side (ε_np + ε_m = E_m - E_1s), by
    analogy with the direct 121.50 = :func:`degenerate_direct_coefficient`. It is *not*
    the large-R limit of the exact exchange element (docs/excited.md §8.1): kept to
    document the comparison.

    Parameters
    ----------
    state : str or tuple or State
        The excited atom's S state ns, n >= 2.

    Returns
    -------
    float
        6 w_np Σ_m w_m/(E_m - E_1s) in hartree·bohr⁶ (w in bohr², energies in hartree).

    Examples
    --------
    >>> round(adhikari_cp_mixing("2s"), 2)
    46.61
    """
    ns = _excited_s_state(state)
    rule = transition_rule("1s", ns)
    jp = (rule.kind == DISCRETE) & (rule.n2 == ns.n) & (rule.l2 == 1)
    wp = float(rule.x2[jp][0])
    return float(6 * wp * np.sum(rule.x2 / (rule.e_m - rule.e_bra)))


def long_contributions(R_bohr, state1, state2, symmetry, *, level_shifts=None):
    """Long-regime terms of a branch (hartree), R ≫ c/ΔE (atomic gaps), any R vs c/L.

    * "np": unretarded np term of W_dir, -3x2α/R⁶ (with a level shift: its exact form,
      Wick part with α_1s(iu) → α_1s(0) plus the pole term);
    * "2": Casimir-Polder of the other levels, -23 α_1s α'_ns/(4πα R⁷) (Eq. (52));
    * "res": pole terms of lower levels (n >= 3), exact closed form, and the exchange
      ±Re[i S e^{iΔR/c}]/R² (the leading term; relative corrections O(c/(ΔR))).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr, R ≫ c/ΔE of the non-degenerate levels (the window is
        :func:`weft.validity.domain`: R >= 3.9e4 for 1s-2s "direct", 1.1e6 for "+", "-").
    state1, state2 : str or tuple or State
        1s and ns (either order); 1s-1s with ``symmetry`` "direct" or None.
    symmetry : {"+", "-", "direct"} or None
        Branch E± = W_dir ± H₁₂, or "direct" (W_dir alone: no exchange tail).
    level_shifts : dict, optional
        Extra level energies (hartree), e.g. :func:`lamb_shift_2s` (then "np" is exact
        across R ~ c/L).

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`
        Orders "np", "2", "res"; each ``value`` real, in hartree, same shape as ``R_bohr``.

    Examples
    --------
    >>> [c.name for c in long_contributions(1e5, "2s", "1s", "+")][2:]
    ['resonant tails of lower levels, direct', 'exchange element, two real photons']
    """
    ns = excited_pair(state1, state2, symmetry)
    R = np.asarray(R_bohr, dtype=float)
    rule = spectral_rule(ns, level_shifts=level_shifts)
    a1 = float(polarizability("1s"))
    jnp = (rule.kind == DISCRETE) & (rule.n2 == ns.n) & (rule.l2 == 1)
    deg = rule.degenerate
    x2np = float(np.sum(rule.x2[jnp]))
    omega_np = float(rule.omega[jnp][0]) if np.any(jnp) else 0.0
    if ns.n == 1:
        w_np = np.zeros(R.shape)
    elif omega_np == 0.0:
        w_np = -3 * x2np * a1 / R ** 6
    else:
        w_np = _np_long_shifted(R, x2np, omega_np, a1)
    other = ~deg & ~jnp
    alpha_other = float(np.sum(rule.f[other] / rule.omega[other] ** 2))
    w_cp = -23 * a1 * alpha_other / (4 * np.pi * units.ALPHA * R ** 7)
    lower = (rule.kind == DISCRETE) & (rule.dE > 0) & ~jnp
    w_res = np.zeros(R.shape, dtype=complex)
    for om, x2 in zip(rule.dE[lower], rule.x2[lower]):
        w_res = w_res - x2 * float(polarizability("1s", float(om))) * tr_gg(om, om, R)
    out = [
        Contribution("degenerate np level (unretarded)", "np", "docs/excited.md (L)",
                     w_np, {}, "lowered by a Lamb shift: crossover at R ~ c/L"),
        Contribution("Casimir-Polder, non-degenerate levels", "2", "Eqs. (52), (53)", w_cp, {},
                     "alpha' of ns without the np level (lower levels included, f < 0)"),
        Contribution("resonant tails of lower levels, direct", "res", "docs/excited.md (R)",
                     w_res.real, {}, "real part; oscillating cos(2ωR/c)/R² (n >= 3)"),
    ]
    sg = _sign(symmetry)
    if sg:
        S = exchange_kernel(ns, level_shifts=level_shifts).long_coefficient()
        delta = transition_rule("1s", ns, level_shifts=level_shifts).delta
        h = sg * 1j * S * np.exp(1j * delta * R / units.C_AU) / R ** 2
        out.append(Contribution("exchange element, two real photons", "res",
                                "docs/excited.md (X)", h.real, {},
                                f"±Re[i S e^(iΔR/c)]/R² of branch {symmetry!r}: leading term, "
                                "relative corrections ~ (c/ΔR) log(ΔR/c)"))
    return out


def _np_long_shifted(R, x2, omega, a1):
    """np term with a level shift ω = E_np - E_ns ≠ 0, α_1s(iu) → α_1s(0) (R ≫ atomic c/ΔE)."""
    from .retarded import _u_grid
    u, wu = _u_grid(anchor=abs(omega))
    flat = R.ravel()
    out = np.empty(flat.size, dtype=complex)
    lor = 2 * omega * x2 / (omega * omega + u * u)
    for i in range(0, flat.size, 256):
        y = flat[i:i + 256, None] * u[None, :] / units.C_AU
        pol = (((y + 2) * y + 5) * y + 6) * y + 3
        out[i:i + 256] = -(np.exp(-2 * y) * pol) @ (wu * lor) * a1 / (np.pi * flat[i:i + 256] ** 6)
    if omega < 0:
        out = out - x2 * a1 * tr_gg(-omega, -omega, flat)
    return out.real.reshape(R.shape)


# ---------------------------------------------------------------------------
# Intermediate regime (exact)
# ---------------------------------------------------------------------------

def intermediate_contributions(R_bohr, state1, state2, symmetry, *, level_shifts=None,
                               fast=True):
    """The exact retarded W_dir and ±H₁₂ of :mod:`weft.matching.retarded` (hartree).

    Orders: "0" = Re W_dir (direct), "x" = ±Re H₁₂ (exchange, absent for "direct").
    The imaginary parts (changes of the pair's decay rate) are returned by
    :func:`branch_potential` with ``complex_=True``. W_dir generalises Eqs. (54), (61) to
    degenerate and lower levels; H₁₂ = e^{iΔR/c}B(R) (docs/excited.md §§3-4).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr, finite and > 0 (any R: the kernels are exact).
    state1, state2 : str or tuple or State
        1s and ns (either order); 1s-1s with ``symmetry`` "direct" or None.
    symmetry : {"+", "-", "direct"} or None
        Branch E± = W_dir ± H₁₂, or "direct" (W_dir alone).
    level_shifts : dict, optional
        Extra level energies (hartree), e.g. :func:`lamb_shift_2s`.
    fast : bool, optional
        True (default): the Chebyshev fast paths (``DirectKernel.fast``,
        ``ExchangeKernel.fast``, ~1e-12 relative); False: the direct quadrature per R.

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`
        Orders "0" and (for "+" and "-") "x"; each ``value`` real, in hartree, same shape as
        ``R_bohr``.

    Examples
    --------
    >>> [c.order for c in intermediate_contributions(100.0, "1s", "2s", "-")]
    ['0', 'x']
    """
    ns = excited_pair(state1, state2, symmetry)
    R = np.asarray(R_bohr, dtype=float)
    dk = direct_kernel(ns, level_shifts=level_shifts)
    wd = dk.fast(R) if fast else dk(R)
    out = [Contribution("two-photon exchange, direct (retarded)", "0",
                        "Eqs. (54), (61) generalised: docs/excited.md (D)", np.real(wd), {},
                        "Wick part + np term + pole terms of lower levels")]
    sg = _sign(symmetry)
    if sg:
        xk = exchange_kernel(ns, level_shifts=level_shifts)
        h = xk.fast(R) if fast else xk(R)
        out.append(Contribution("two-photon exchange, state swap (retarded)", "x",
                                "docs/excited.md (X)", sg * np.real(h), {},
                                f"H12 = exp(iΔR/c) B(R); branch {symmetry}"))
    return out


def branch_potential(R_bohr, state1, state2, symmetry, *, regime="intermediate",
                     level_shifts=None, complex_=False):
    """E±(R) (or W_dir) of the pair, summed over the orders of ``regime``, hartree.

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), > 0.
    state1, state2 : str
        1s and ns (either order).
    symmetry : {"+", "-", "direct"}
    regime : {"short", "long", "intermediate"}
    level_shifts : dict, optional
        e.g. :func:`lamb_shift_2s`.
    complex_ : bool
        Intermediate regime only: return the complex value W_dir ± H₁₂, whose imaginary part
        is minus half the change of the pair's decay rate (for R → 0 it is -Γ_2γ/2 for Ψ+).

    Returns
    -------
    ndarray
        E± (or W_dir for "direct") in hartree, same shape as ``R_bohr``; real, or complex
        with ``complex_=True``.

    Raises
    ------
    ValueError
        R not finite and > 0, an unknown ``regime``, ``complex_`` outside the intermediate
        regime, or an invalid pair or ``symmetry`` (see :func:`excited_pair`).

    Examples
    --------
    >>> w = branch_potential([10.0, 1e3], "1s", "2s", "+")
    >>> bool(w[0] < 0)
    True
    """
    R = np.asarray(R_bohr, dtype=float)
    if np.any(~np.isfinite(R)) or np.any(R <= 0):
        raise ValueError("R must be finite and > 0 (bohr)")
    if regime == "intermediate":
        ns = excited_pair(state1, state2, symmetry)
        if complex_:
            out = direct_kernel(ns, level_shifts=level_shifts).fast(R) + 0j
            if _sign(symmetry):
                out = out + _sign(symmetry) * exchange_kernel(ns, level_shifts=level_shifts).fast(R)
            return out
        terms = intermediate_contributions(R, state1, state2, symmetry, level_shifts=level_shifts)
    elif regime == "short":
        terms = short_contributions(R, state1, state2, symmetry, level_shifts=level_shifts)
    elif regime == "long":
        terms = long_contributions(R, state1, state2, symmetry, level_shifts=level_shifts)
    else:
        raise ValueError(f"regime must be 'short', 'long' or 'intermediate', got {regime!r}")
    if complex_:
        raise ValueError("complex_=True is available in the intermediate regime only")
    return sum(np.asarray(t.value, dtype=float) for t in terms)


# ---------------------------------------------------------------------------
# The pair's contributions in a regime (the entry point of weft.potential for 1s-ns)
# ---------------------------------------------------------------------------

#: Order keys of 1s-ns pairs per regime. short: as for 1s-1s (the exchange parts are in
#: "0" and "1"); long: "-1" magnetic, "np" the unretarded degenerate level, "2" the
#: Casimir-Polder term of the other levels, "res" resonant tails (lower levels, exchange);
#: intermediate: "-1" magnetic, "0" the direct term, "x" the exchange (± branches only).
ORDERS = {"short": ("0", "1/2", "1", "3/2"), "long": ("-1", "np", "2", "res"),
          "intermediate": ("-1", "0", "x")}


def orders(regime: str, pair: Pair) -> tuple:
    """Order keys of a 1s-ns pair in a regime (no "x" for symmetry="direct").

    Parameters
    ----------
    regime : {"short", "long", "intermediate"}
        The regime (the keys of :data:`ORDERS`).
    pair : Pair
        A validated 1s-ns pair.

    Returns
    -------
    tuple of str
        The order keys of :data:`ORDERS` for ``regime``, without "x" when the pair's
        symmetry is "direct".

    Examples
    --------
    >>> orders("intermediate", Pair("1s", "2s", symmetry="direct"))
    ('-1', '0')
    """
    if regime not in ORDERS:
        raise ValueError(f"regime must be one of {list(ORDERS)}, got {regime!r}")
    keys = ORDERS[regime]
    return tuple(k for k in keys if not (k == "x" and pair.symmetry == "direct"))


def contributions(R_bohr, pair: Pair, regime: str, nu=None, r_hat=None):
    """Every term of W(R) for a 1s-ns pair in a regime, hartree (the ± branch or "direct").

    The magnetic dipole-dipole term (diagonal in the two pair states) as for 1s-1s, the
    dispersive terms of :func:`short_contributions`, :func:`long_contributions` or
    :func:`intermediate_contributions`. Local (δ³) terms of excited pairs are not computed
    (J(ΔE) is complex for downward transitions and the degenerate np level needs its own
    expansion): their absence is stated in the notes.

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr.
    pair : Pair
        One atom in 1s, one in ns (n >= 2), symmetry "+", "-" or "direct".
    regime : {"short", "long", "intermediate"}
    nu : float, optional
        Unused (no local terms are reported); accepted for a uniform signature.
    r_hat : 3-vector, optional
        Direction of R for the magnetic term (default z).

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`

    Examples
    --------
    >>> [c.order for c in contributions(40.0, Pair("1s", "2s", symmetry="+"), "short")]
    ['0', '0', '1/2', '1', '1', '3/2']
    """
    R = np.asarray(R_bohr, dtype=float)
    s1, s2, sym, shifts = pair.state1, pair.state2, pair.symmetry, pair.level_shifts
    no_local = ("local (δ³) terms of excited pairs are not computed (complex J(ΔE), "
                "degenerate np level)")
    mag_order = "1/2" if regime == "short" else "-1"
    magnetic = Contribution("magnetic dipole-dipole", mag_order, "Eqs. (27), (35), (44)",
                            magnetic_dipole_potential(R, pair.spins, r_hat),
                            {"delta3": magnetic_contact_coefficient(pair.spins)},
                            "textbook sign; see docs/errata.md E3-E4")
    if regime == "short":
        terms = short_contributions(R, s1, s2, sym, level_shifts=shifts)
        terms = [Contribution(t.name, t.order, t.equation, t.value, t.delta,
                              f"{t.note}; {no_local}" if t.order == "3/2" else t.note)
                 for t in terms]
        k = sum(t.order == "0" for t in terms)          # direct (and exchange) London terms
        return terms[:k] + [magnetic] + terms[k:]
    if regime == "long":
        return [magnetic] + long_contributions(R, s1, s2, sym, level_shifts=shifts)
    return [magnetic] + intermediate_contributions(R, s1, s2, sym, level_shifts=shifts)
