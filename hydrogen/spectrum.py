"""All intermediate states reachable from one hydrogen state, as one quadrature rule.

The state sums of the paper (Eqs. (11)-(13), (31)-(37), (62), Appendix C) run over the
discrete *and* continuum eigenstates of the Coulomb Hamiltonian. This module turns that
sum-plus-integral into a single finite rule: nodes ``dE_j`` (the paper's
ΔE_nm = E_n - E_m, hartree) and weights ``x2_j`` (bohr²) such that

    Σ'_m F(ΔE_nm) ⟨n|x^i|m⟩⟨m|x^i|n⟩  =  Σ_j F(dE_j) x2_j

for every F smooth on the spectrum (no sum over i; summed over the magnetic sublevels of
each intermediate level m, averaged over those of n). With e² = 4πα (the paper's
convention, Eq. (12)) the paper's p_E(n,m) for S states is e² x2.

How the rule is built, channel by channel (l' = l ± 1):

1. Discrete levels n' = l'+1 … N_d (N_d = max(40, 2n + 20)) explicitly, from the radial
   integrals of ``hydrogen.dipole._radial_dipole_levels`` (the formulas of
   ``radial_dipole``, all levels of a channel at once).
2. The Rydberg tail n' > N_d. Write the tail as Σ_{ν>N_d} ν⁻³ G(t_ν), t_ν = 1/ν², where
   G(t) = D(E) F(ΔE) and D(E) = ν³ R²(ν) is the dipole density per unit energy
   (``hydrogen.dipole.dipole_density``), analytic in E across threshold. G is smooth on the
   tiny interval 0 < t ≤ 1/(N_d+1)², so the discrete measure Σ ν⁻³ δ(t - ν⁻²) is replaced by
   its K-point Gauss rule (:func:`rydberg_tail_rule`: Stieltjes procedure on 32 (N_d+1)
   atoms and the exact Hurwitz-zeta moments of the rest; nodes at non-integer ν, where D is
   evaluated by analytic continuation in the principal quantum number).
3. The continuum E = k²/2 > 0: Gauss-Legendre panels in E near threshold, and for
   E > E_c the variable y = (E_c/E)^{1/2}, in which the high-energy tail (D ~ E^{-(9/2+l)},
   an analytic function of 1/k) becomes a smooth integrand down to y = 0, with geometric
   panels in y so that functions with a scale at large energy (α(iu) at large u) are
   resolved.

Supported states: 1 ≤ n ≤ :data:`N_STATE_MAX` = 1000, checked before anything is computed
(:func:`check_state`). Cost, once per state (rules are cached): ~1 ms at n = 1, ~10 ms at
n = 100, ~0.1 s at n = 1000 (2-core machine, docs/benchmarks.md).

Error control: every rule is built twice, at resolution 1 and 2 (more discrete levels, more
tail nodes, more nodes per panel); ``SpectralRule.error`` is the largest relative
difference between the two on probe sums (Σ x2 ΔE^k, α(iu) at several u). Tests check the
rule against the exact sum rules (C1), (C2), (C4) and S(2) = 4/(3n³).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from .states import State, energy, parse_state

__all__ = ["SpectralRule", "spectral_rule", "rydberg_tail_rule", "continuum_rule",
           "hurwitz_zeta_scaled", "SingularSumError", "N_STATE_MAX", "check_state",
           "require_levels_above", "normalise_level_shifts", "transition_rule"]

#: Largest principal quantum number of a state whose sums are supported. Verified by the
#: sum rules (C1), (C2), (C4), S(2) and the error estimate up to this n (tests); a rule
#: then has ~2n + 500 nodes and is built in ~0.1 s, and a pair sum (C6) over two such
#: rules needs ~(2n + 500)² × 8 bytes per temporary (50 MB at n = 1000).
N_STATE_MAX = 1000

# Resolution-1 parameters; resolution 2 (the error estimate) refines each of them.
_N_DISCRETE = 40      # explicit discrete levels n' <= _N_DISCRETE (raised for large n)
_N_TAIL = 12          # Gauss nodes for the Rydberg tail n' > N_d
_PANEL_NODES = 24     # Gauss-Legendre nodes per continuum panel (16 left C6(1s,1s) at 5e-14)
_Y_PANELS = 16        # geometric y-panels (ratio 4): energies up to ~4^32 E_c

# Kind codes of the nodes.
DISCRETE, TAIL, CONTINUUM = 0, 1, 2


class SingularSumError(ValueError):
    """A state sum diverges in the nonrelativistic Coulomb spectrum.

    Raised e.g. for the static polarizability of 2s (2p is degenerate with 2s, ΔE = 0),
    or for a pair sum with an exact resonance ΔE₁ + ΔE₂ = 0.
    """


@dataclass(frozen=True, eq=False)
class SpectralRule:
    """Quadrature rule over the intermediate states |m⟩ between a bra and a ket state.

    The diagonal rule (bra = ket = ``state``, :func:`spectral_rule`) has the positive
    weights |⟨n|x|m⟩|²; a transition rule (ket ≠ bra, same l; :func:`transition_rule`) has
    the signed weights ⟨bra|x|m⟩⟨m|x|ket⟩ on the same kind of nodes. One type for both:
    every sum over a rule is Σ_j F(ΔE_j) x2_j.

    Attributes
    ----------
    state : State
        The bra |n l⟩ (for the diagonal rule: the state itself).
    dE : ndarray
        Nodes ΔE_j = E_mean - E_m in hartree, E_mean = (E_bra + E_ket)/2: on the diagonal
        the paper's ΔE_nm = E_n - E_m (negative for upward transitions, positive for
        downward ones, exactly zero for a degenerate level).
    x2 : ndarray
        Weights ⟨bra|x^i|m⟩⟨m|x^i|ket⟩ in bohr² (one Cartesian component, summed over the
        sublevels of m, averaged over those of the bra); positive on the diagonal.
    kind : ndarray of int
        0 discrete level, 1 Rydberg-tail node, 2 continuum node.
    n2, l2 : ndarray of int
        Principal quantum number (0 for tail/continuum nodes) and orbital angular
        momentum of each node.
    error : float
        Estimated error of sums over the rule, relative to the sum of the magnitudes of
        their terms (difference to a refined rule; signed sums are judged on that scale).
    ket : State or None
        The ket of a transition rule; None for the diagonal rule.
    e_m : ndarray
        Absolute energies E_m of the nodes (hartree, level shifts included).
    e_bra, e_ket : float
        Energies of bra and ket (hartree, level shifts included).
    """

    state: State
    dE: np.ndarray
    x2: np.ndarray
    kind: np.ndarray
    n2: np.ndarray
    l2: np.ndarray
    error: float = field(default=float("nan"))
    ket: State | None = None
    e_m: np.ndarray | None = None
    e_bra: float = float("nan")
    e_ket: float = float("nan")

    @property
    def bra(self) -> State:
        """The bra state (``state``)."""
        return self.state

    @property
    def is_diagonal(self) -> bool:
        """True for the rule of one state (bra = ket, positive weights)."""
        return self.ket is None

    @property
    def label(self) -> str:
        """'1s' for a diagonal rule, '1s|2s' for a transition rule."""
        return self.state.label if self.ket is None else f"{self.state.label}|{self.ket.label}"

    @property
    def w(self) -> np.ndarray:
        """The weights (bohr²; signed for a transition rule): the same array as ``x2``."""
        return self.x2

    @property
    def delta(self) -> float:
        """Transition energy Δ = E_ket - E_bra (hartree); 0 on the diagonal."""
        return 0.0 if self.ket is None else self.e_ket - self.e_bra

    @property
    def dE_bra(self) -> np.ndarray:
        """E_bra - E_m (hartree)."""
        return self.dE if self.ket is None else self.e_bra - self.e_m

    @property
    def dE_ket(self) -> np.ndarray:
        """E_ket - E_m (hartree)."""
        return self.dE if self.ket is None else self.e_ket - self.e_m

    @property
    def scale(self) -> float:
        """Σ|w_j| (bohr²): the scale on which the signed sum Σ w_j is accurate."""
        return float(np.sum(np.abs(self.x2)))

    @property
    def omega(self) -> np.ndarray:
        """Excitation energies ω_j = -ΔE_j (hartree; E_m - E_n on the diagonal)."""
        return -self.dE

    @property
    def f(self) -> np.ndarray:
        """Oscillator strengths f_j = 2 ω_j x2_j (dimensionless; < 0 for emission)."""
        return -2.0 * self.dE * self.x2

    @property
    def degenerate(self) -> np.ndarray:
        """Boolean mask of nodes degenerate with the bra (ΔE = 0) of a diagonal rule."""
        return self.dE == 0.0

    @property
    def degenerate_bra(self) -> np.ndarray:
        """Discrete intermediate levels exactly degenerate with the bra."""
        if self.ket is None:
            return self.degenerate
        return (self.kind == DISCRETE) & (self.e_m == self.e_bra)

    @property
    def degenerate_ket(self) -> np.ndarray:
        """Discrete intermediate levels exactly degenerate with the ket."""
        if self.ket is None:
            return self.degenerate
        return (self.kind == DISCRETE) & (self.e_m == self.e_ket)

    @property
    def levels_above(self) -> bool:
        """True when every intermediate level lies above the bra (ΔE < 0), e.g. 1s."""
        return bool(np.all(self.dE_bra < 0))

    def degenerate_labels(self) -> list[str]:
        """Labels of the intermediate levels degenerate with the bra."""
        deg = self.degenerate_bra
        return [State(int(n), int(l)).label for n, l in zip(self.n2[deg], self.l2[deg])]

    def lower_labels(self) -> list[str]:
        """Labels of the intermediate levels below the bra (downward transitions)."""
        low = (self.dE_bra > 0) & (self.kind == DISCRETE)
        return [State(int(n), int(l)).label for n, l in zip(self.n2[low], self.l2[low])]

    def apply(self, func) -> complex | float:
        """Σ_j func(ΔE_j) x2_j for a vectorised ``func`` of ΔE (hartree).

        Parameters
        ----------
        func : callable
            Function of ΔE (hartree), vectorised.

        Returns
        -------
        float or complex

        Examples
        --------
        >>> round(float(spectral_rule("1s").apply(lambda de: -2 * de)), 12)   # TRK (C2)
        1.0
        """
        return np.sum(func(self.dE) * self.x2)


def require_levels_above(rule: SpectralRule, what: str) -> None:
    """Raise unless every intermediate level of ``rule`` lies above its state (ΔE < 0).

    The one check behind every formula that assumes upward transitions only: the
    Casimir-Polder representation, Eq. (62), the log sums of the local terms. The message
    names the formula (``what``), the state, and its degenerate and lower levels.

    Parameters
    ----------
    rule : SpectralRule
    what : str
        What needs the condition, e.g. "the long regime (Sec. V)".

    Raises
    ------
    ValueError

    Examples
    --------
    >>> require_levels_above(spectral_rule("1s"), "Eq. (62)")
    >>> require_levels_above(spectral_rule("2s"), "Eq. (62)")
    Traceback (most recent call last):
    ...
    ValueError: Eq. (62) needs atoms whose intermediate levels all lie above them (ground state 1s); 2s has level(s) degenerate with it (2p) in the nonrelativistic Coulomb spectrum
    """
    if rule.levels_above:
        return
    parts = []
    if np.any(rule.degenerate):
        parts.append(f"level(s) degenerate with it ({', '.join(rule.degenerate_labels())})")
    lower = rule.lower_labels()
    if lower:
        parts.append(f"level(s) below it ({', '.join(lower)})")
    raise ValueError(f"{what} needs atoms whose intermediate levels all lie above them "
                     f"(ground state 1s); {rule.label} has {' and '.join(parts)} in the "
                     "nonrelativistic Coulomb spectrum")


# ---------------------------------------------------------------------------
# The two building-block rules (independent of the state)
# ---------------------------------------------------------------------------

# B_{2k}/(2k)! for k = 1..12 (Abramowitz & Stegun Table 23.2), for Euler-Maclaurin.
_BERNOULLI_RATIOS = (1 / 12, -1 / 720, 1 / 30240, -1 / 1209600, 1 / 47900160,
                     -691 / 1307674368000, 1 / 74724249600, -3617 / 10670622842880000,
                     43867 / 5109094217170944000, -174611 / 802857662698291200000,
                     77683 / 14101100039391805440000,
                     -236364091 / 1693824136731743669452800000)


def hurwitz_zeta_scaled(s: float, a: float) -> float:
    """a^(s-1) ζ(s, a) = a^(s-1) Σ_{k≥0} (k + a)^(-s), for s > 1 and a ≥ 64 + s.

    The large-a expansion of the Hurwitz zeta function, DLMF 25.11.43 (Euler-Maclaurin
    summation from the first term, Abramowitz & Stegun 23.1.30):
    a^(s-1) ζ(s, a) = 1/(s-1) + 1/(2a) + Σ_k B_2k/(2k)! (s)_{2k-1} a^(-2k).
    The k-th term falls like ((s + 2k)/(2πa))^(2k); with a ≥ 64 + s the twelve terms used
    leave < 1e-20 relative. The scaling keeps the value O(1) for large s and a. Used for
    the exact moments Σ_ν ν^(-s) of the Rydberg tail (:func:`rydberg_tail_rule`).

    Parameters
    ----------
    s : float
        Exponent, s > 1.
    a : float
        Shift, a >= 64 + s.

    Returns
    -------
    float
        a^(s-1) ζ(s, a) (dimensionless), to ~1e-15 relative (tested against mpmath).

    Raises
    ------
    ValueError
        s <= 1 or a < 64 + s (the expansion would not reach double precision).

    Examples
    --------
    >>> float(hurwitz_zeta_scaled(3.0, 100.0) / 100.0 ** 2)     # ζ(3, 100)
    5.0502499916675...e-05
    """
    if not (s > 1.0 and a >= 64.0 + s):
        raise ValueError(f"hurwitz_zeta_scaled: need s > 1 and a >= 64 + s, got s={s!r}, a={a!r}")
    total = 1.0 / (s - 1.0) + 0.5 / a
    poch = s                      # (s)_{2k-1}
    inv_a2 = 1.0 / (a * a)
    power = inv_a2
    for k, ratio in enumerate(_BERNOULLI_RATIOS, start=1):
        term = ratio * poch * power
        total += term
        if abs(term) < 1e-21 * total:
            break
        poch *= (s + 2 * k - 1) * (s + 2 * k)
        power *= inv_a2
    return total


#: Explicit atoms of the Rydberg tail measure: ν = n_start + 1 … max(_TAIL_ATOMS (n_start + 1),
#: 2048); the rest enters through its exact moments (see :func:`rydberg_tail_rule`).
_TAIL_ATOMS = 32


@lru_cache(maxsize=None)
def rydberg_tail_rule(n_start: int, nodes: int) -> tuple[np.ndarray, np.ndarray]:
    """Gauss rule for the discrete measure Σ_{ν>n_start} ν⁻³ δ(t - ν⁻²).

    Returns (nu, w): effective, non-integer principal quantum numbers ν_i = t_i^{-1/2}
    and weights w_i, such that Σ_{ν=n_start+1}^∞ ν⁻³ g(ν⁻²) ≈ Σ_i w_i g(t_i) for g analytic
    near [0, (n_start+1)⁻²]; exact for polynomials of degree ≤ 2·nodes - 1.

    Construction (Stieltjes procedure, then Golub-Welsch), in s = (n_start+1)² t ∈ (0, 1]:
    the inner products ⟨f⟩ = Σ_ν ν⁻³ f(s_ν) of the polynomials the procedure needs (degree
    ≤ 2·nodes) are split into the explicit atoms ν ≤ ν_max = max(32 (n_start + 1), 2048)
    and the remainder, which is evaluated exactly from its moments

        τ_j = Σ_{ν>ν_max} ν⁻³ s_ν^j = (n_start+1)^{2j} ζ(3 + 2j, ν_max + 1)

    (Hurwitz zeta by Euler-Maclaurin, :func:`hurwitz_zeta_scaled`) and the monomial
    coefficients of the orthonormal polynomials, carried along the recurrence. No
    truncation: the functional is exact on every polynomial the procedure forms. The
    remainder lives on s ≤ 1/1024 and carries ~1e-3 of the mass, where the monomial sum
    has no cancellation (terms fall like (2k² s)^j/j!, k ≤ nodes), so its rounding stays
    below 1e-18 of the total.

    Examples
    --------
    >>> nu, w = rydberg_tail_rule(40, 12)
    >>> bool(abs(w.sum() / 3.04785135917649e-04 - 1) < 1e-13)    # Σ_{ν≥41} ν⁻³ = ζ(3, 41)
    True
    """
    if n_start < 1 or not 1 <= nodes <= 64:
        raise ValueError("rydberg_tail_rule: n_start must be a positive integer and "
                         f"1 <= nodes <= 64; got n_start={n_start!r}, nodes={nodes!r}")
    r = n_start + 1
    nu_max = max(_TAIL_ATOMS * r, 2048)
    nu = np.arange(nu_max, r - 1, -1, dtype=float)          # smallest weights first
    s = (r / nu) ** 2
    w = nu ** -3.0
    deg = 2 * nodes
    a = float(nu_max + 1)
    rho = (r / a) ** 2
    tau = np.array([a ** -2 * rho ** j * hurwitz_zeta_scaled(3.0 + 2 * j, a)
                    for j in range(deg + 1)])

    def inner(f_atoms, f_coef):
        # np.sum, not np.dot: a threaded BLAS ddot costs milliseconds on a loaded machine
        return float(np.sum(w * f_atoms) + np.sum(tau * f_coef[:deg + 1]))

    def square(c):                # monomial coefficients of the square, truncated to deg
        return np.convolve(c, c)[:deg + 1]

    def times_s(c):
        return np.concatenate(([0.0], c[:-1]))

    m0 = inner(np.ones_like(s), np.eye(1, deg + 1)[0])
    alpha = np.empty(nodes)
    beta = np.empty(nodes)                     # sqrt of the recurrence coefficients
    beta[0] = 0.0
    p_prev, c_prev = np.zeros_like(s), np.zeros(deg + 1)
    p = np.full_like(s, 1.0 / np.sqrt(m0))
    c = np.zeros(deg + 1)
    c[0] = 1.0 / np.sqrt(m0)
    for k in range(nodes):
        alpha[k] = inner(s * p * p, times_s(square(c)))
        q = (s - alpha[k]) * p - beta[k] * p_prev
        cq = times_s(c) - alpha[k] * c - beta[k] * c_prev
        if k + 1 < nodes:
            beta[k + 1] = np.sqrt(inner(q * q, square(cq)))
            p_prev, p = p, q / beta[k + 1]
            c_prev, c = c, cq / beta[k + 1]
    jac = np.diag(alpha) + np.diag(beta[1:], 1) + np.diag(beta[1:], -1)
    sk, vec = np.linalg.eigh(jac)
    weights = m0 * vec[0] ** 2
    t = sk / r ** 2
    return t ** -0.5, weights


@lru_cache(maxsize=None)
def continuum_rule(e_scale: float, panel_nodes: int, y_panels: int
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Quadrature nodes/weights in the continuum energy E ∈ (0, ∞) (hartree).

    Panels [0, s], [s, 4s] in E (s = ``e_scale``, the binding energy of the initial
    state), then y = (E_c/E)^{1/2} with E_c = 4s on geometric panels
    [4^{-j-1}, 4^{-j}], j < y_panels, and a last panel [0, 4^{-y_panels}] that reaches
    E = ∞. dE = 2 E_c y⁻³ dy.
    """
    x, wx = np.polynomial.legendre.leggauss(panel_nodes)
    e_c = 4.0 * e_scale
    nodes, weights = [], []
    for lo, hi in ((0.0, e_scale), (e_scale, e_c)):
        nodes.append(0.5 * (hi - lo) * x + 0.5 * (hi + lo))
        weights.append(0.5 * (hi - lo) * wx)
    edges = 4.0 ** -np.arange(y_panels + 1, dtype=float)
    edges = np.append(edges, 0.0)
    for hi, lo in zip(edges[:-1], edges[1:]):
        y = 0.5 * (hi - lo) * x + 0.5 * (hi + lo)
        wy = 0.5 * (hi - lo) * wx
        nodes.append(e_c / y ** 2)
        weights.append(wy * 2.0 * e_c / y ** 3)
    return np.concatenate(nodes), np.concatenate(weights)


# ---------------------------------------------------------------------------
# The rule for one state
# ---------------------------------------------------------------------------

def normalise_level_shifts(level_shifts) -> tuple:
    """Level shifts as a sorted, hashable tuple ((n, l, shift_hartree), ...), validated.

    Parameters
    ----------
    level_shifts : dict or tuple or None
        {label or (n, l): shift in hartree}, or an already normalised tuple.

    Returns
    -------
    tuple

    Examples
    --------
    >>> normalise_level_shifts({"2s": 1.6e-7})
    ((2, 0, 1.6e-07),)
    """
    if not level_shifts:
        return ()
    if isinstance(level_shifts, tuple):
        level_shifts = {(n, l): v for n, l, v in level_shifts}
    if not isinstance(level_shifts, dict):
        raise ValueError(f"level_shifts must be a dict {{state: shift in hartree}}, got "
                         f"{level_shifts!r}")
    out = []
    for key, value in level_shifts.items():
        st = parse_state(key)
        val = float(value)
        if not np.isfinite(val):
            raise ValueError(f"level_shifts[{key!r}] must be a finite energy in hartree, got {value!r}")
        out.append((st.n, st.l, val))
    return tuple(sorted(out))


def _n_discrete(n: int, resolution: int) -> int:
    """Highest explicit discrete level n' of the rule at a resolution (1 or 2)."""
    return max(_N_DISCRETE, 2 * n + 20) + 20 * (resolution - 1)


def _channels(l: int) -> tuple[int, ...]:
    return tuple(l2 for l2 in (l - 1, l + 1) if l2 >= 0)


def _signed_product(x1, e1, x2, e2) -> np.ndarray:
    """(x1·2^e1)(x2·2^e2) without overflow of the separate factors."""
    m, e = np.frexp(x1 * x2)
    return np.ldexp(m, e + e1 + e2)


def _build(bra: State, ket: State, shifts: tuple, resolution: int, levels: dict
           ) -> SpectralRule:
    """Assemble the rule at a resolution; ``levels[(n, l2)]`` = radial integrals
    ⟨n' l2|r|n l⟩ for n' = l2+1 … (at least) the highest explicit level of this resolution,
    for n = bra.n and ket.n. bra = ket gives the diagonal rule (positive weights, exact
    zeros on degenerate levels); otherwise the signed products on the same nodes."""
    from .dipole import _continued_amplitude, dipole_density
    shift = {(sn, sl): v for sn, sl, v in shifts}
    diagonal = bra == ket
    n1, n2, l = bra.n, ket.n, bra.l
    n_disc = _n_discrete(max(n1, n2), resolution)
    tail_nodes = _N_TAIL + 4 * (resolution - 1)
    panel_nodes = _PANEL_NODES + 8 * (resolution - 1)
    e_bra = energy(n1) + shift.get((n1, l), 0.0)
    e_ket = energy(n2) + shift.get((n2, l), 0.0)
    e_ref = e_bra if diagonal else 0.5 * (e_bra + e_ket)
    e_bind = 0.5 / min(n1, n2) ** 2 if diagonal else 0.5 / max(n1, n2) ** 2
    dEs, x2s, kinds, n2s, l2s, ems = [], [], [], [], [], []
    for l2 in _channels(l):
        ang = max(l, l2) / (3.0 * (2 * l + 1))    # Σ_{m'} |⟨l' m'|x^i|l m⟩|², m-averaged / R²
        # 1. explicit discrete levels
        nn = np.arange(l2 + 1, n_disc + 1)
        r1 = levels[(n1, l2)][:nn.size]
        r2 = r1 if diagonal else levels[(n2, l2)][:nn.size]
        e_m = -0.5 / (nn * nn)                     # energy(n'), elementwise the same rounding
        for (sn, sl), v in shift.items():
            if sl == l2 and l2 < sn <= n_disc:
                e_m[sn - l2 - 1] += v
        de = e_ref - e_m
        if diagonal and not shift:
            de[nn == n1] = 0.0                     # exact degeneracy, not rounding
        dEs.append(de); x2s.append(ang * r1 * r2); ems.append(e_m)
        kinds.append(np.full(nn.size, DISCRETE)); n2s.append(nn); l2s.append(np.full(nn.size, l2))
        # 2. Rydberg tail and 3. continuum
        nu, w_t = rydberg_tail_rule(n_disc, tail_nodes)
        e_t = -0.5 / nu ** 2
        e_c, w_c = continuum_rule(e_bind, panel_nodes, _Y_PANELS)
        for e_nodes, w_nodes, kind in ((e_t, w_t, TAIL), (e_c, w_c, CONTINUUM)):
            if diagonal:
                dens = dipole_density(n1, l, l2, e_nodes)
            else:                                  # signed continued amplitudes
                dens = _signed_product(*_continued_amplitude(n1, l, l2, e_nodes),
                                       *_continued_amplitude(n2, l, l2, e_nodes))
            dEs.append(e_ref - e_nodes); x2s.append(ang * w_nodes * dens); ems.append(e_nodes)
            kinds.append(np.full(e_nodes.size, kind)); n2s.append(np.zeros(e_nodes.size, int))
            l2s.append(np.full(e_nodes.size, l2))
    arrays = [np.concatenate(a) for a in (dEs, x2s, kinds, n2s, l2s, ems)]
    for a in arrays:
        a.setflags(write=False)
    dE, x2, kind, n2a, l2a, e_m = arrays
    return SpectralRule(bra, dE, x2, kind, n2a, l2a, ket=None if diagonal else ket,
                        e_m=e_m, e_bra=float(e_bra), e_ket=float(e_ket))


def _probe(rule: SpectralRule) -> tuple[np.ndarray, np.ndarray]:
    """Probe sums used for the error estimate and the sums of the magnitudes of their terms.

    Nodes with ΔE = 0 are left out (1/ΔE); signed sums (transition rules, downward
    transitions) are judged on the scale Σ|terms|, not on their possibly cancelling value.
    """
    de = np.where(rule.degenerate, 1.0, rule.dE)
    x2 = np.where(rule.degenerate, 0.0, rule.x2)
    terms = [x2 * de ** k for k in (-1, 0, 1, 2)]
    terms += [x2 * de / (de * de + u * u) * u * u for u in (0.1, 1.0, 10.0, 100.0, 1e4)]
    return (np.array([np.sum(t) for t in terms]),
            np.array([np.sum(np.abs(t)) for t in terms]))


@lru_cache(maxsize=64)
def _cached_rule(n: int, l: int, shifts: tuple, n_ket: int = 0) -> SpectralRule:
    """The rule of (n, l) (n_ket = 0) or the transition rule (n, l) -> (n_ket, l)."""
    from .dipole import _radial_dipole_levels
    bra = State(n, l)
    ket = State(n_ket, l) if n_ket else bra
    n_disc = _n_discrete(max(bra.n, ket.n), 1)
    for sn, sl, _ in shifts:
        if sn > n_disc:
            raise ValueError(f"level_shifts: level n={sn} is beyond the explicit discrete levels "
                             f"(n <= {n_disc}); shifts are allowed only there")
    top = _n_discrete(max(bra.n, ket.n), 2)   # discrete levels of both resolutions, once
    levels = {(st.n, l2): _radial_dipole_levels(st.n, l, l2, np.arange(l2 + 1, top + 1))
              for st in {bra, ket} for l2 in _channels(l)}
    coarse = _build(bra, ket, shifts, 1, levels)
    fine = _build(bra, ket, shifts, 2, levels)
    (pc, _), (pf, scale) = _probe(coarse), _probe(fine)
    err = float(np.max(np.abs(pc - pf) / np.maximum(scale, 1e-300)))
    return dataclasses.replace(coarse, error=err)


def check_state(state, name: str = "state"):
    """Validate a state for the state sums, before anything is computed.

    Parses ``state`` (see :func:`hydrogen.states.parse_state`) and checks the supported
    range 1 <= n <= :data:`N_STATE_MAX`; the ValueError names the parameter ``name`` and
    the caller's input.

    Parameters
    ----------
    state : str or tuple or State
        A label ("1s", "2p") or (n, l) / (n, l, m) tuple.
    name : str
        The caller's parameter name, used in the error message (e.g. "state1").

    Returns
    -------
    State
        The parsed state.

    Raises
    ------
    ValueError
        Invalid label or quantum numbers, or n > N_STATE_MAX.

    Examples
    --------
    >>> check_state("2s").label
    '2s'
    >>> check_state("1001s", "state2")
    Traceback (most recent call last):
    ...
    ValueError: state2 '1001s': n = 1001 is beyond the supported range of the state sums, 1 <= n <= 1000 (hydrogen.spectrum.N_STATE_MAX)
    """
    try:
        st = parse_state(state)
    except ValueError as err:
        raise ValueError(str(err) if name == "state" else f"{name}: {err}") from None
    if st.n > N_STATE_MAX:
        raise ValueError(f"{name} {state!r}: n = {st.n} is beyond the supported range of the "
                         f"state sums, 1 <= n <= {N_STATE_MAX} (hydrogen.spectrum.N_STATE_MAX)")
    return st


def spectral_rule(state, *, level_shifts=None) -> SpectralRule:
    """Quadrature rule {ΔE_j, x2_j} over all dipole-connected intermediate states.

    Implements the state sums Σ'_m of Eqs. (11)-(13) (discrete + continuum) as a finite
    rule; see the module docstring for the construction and its error control.

    Parameters
    ----------
    state : str or tuple or State
        Initial state, e.g. "1s", (2, 0), State(3, 0); 1 <= n <= N_STATE_MAX = 1000
        (checked first; a rule costs ~1 ms at n = 1, ~10 ms at n = 100, ~0.1 s at
        n = 1000, once: rules are cached).
    level_shifts : dict, optional
        Extra energies (hartree) added to discrete levels, keyed by state label or
        (n, l), e.g. {"2s": 1.6e-7} for a Lamb shift. They lift degeneracies (2s-2p)
        that make some sums singular in the pure Coulomb spectrum.

    Returns
    -------
    SpectralRule
        Nodes ``dE`` (hartree, ΔE_nm = E_n - E_m), weights ``x2`` (bohr²), and the
        estimated relative error ``error``.

    Examples
    --------
    >>> rule = spectral_rule("1s")
    >>> round(float(rule.f.sum()), 12)       # Thomas-Reiche-Kuhn, Eq. (C2)
    1.0
    """
    st = check_state(state)
    return _cached_rule(st.n, st.l, normalise_level_shifts(level_shifts))


def transition_rule(bra, ket, *, level_shifts=None) -> SpectralRule:
    """Quadrature rule {ΔE_j, w_j} for the transition sums Σ_m ⟨bra|x|m⟩⟨m|x|ket⟩ F(E_m).

    The off-diagonal generalisation of :func:`spectral_rule` (the paper's p_E(n, m) of
    Eq. (12) with ⟨n|x|m⟩⟨m|x|n⟩ → ⟨bra|x|m⟩⟨m|x|ket⟩), over discrete levels, the Rydberg
    tail and the continuum on common nodes; the tail and continuum weights are products of
    the signed continued amplitudes of :mod:`hydrogen.dipole` (whose sign equals that of
    ``radial_dipole`` at every integer ν, so the products continue the discrete ones). The
    nodes are ΔE_j = E_mean - E_m, E_mean = (E_bra + E_ket)/2 (``dE_bra``, ``dE_ket`` give
    E_bra - E_m, E_ket - E_m); the error is measured on the scale of Σ|w| (the weights
    have both signs). Sum rules (docs/excited.md): Σ w = ⟨bra|r²|ket⟩/3,
    Σ ε w = δ_{bra,ket}/2, Σ(ε² - Δ²/4) w = (2/3)⟨bra|1/r|ket⟩,
    Σ ε(ε² - Δ²/4) w = (2/3)(n_bra n_ket)^{-3/2} for S states (ε = -ΔE, Δ = E_ket - E_bra).

    Parameters
    ----------
    bra, ket : str or tuple or State
        Levels of equal orbital angular momentum, e.g. "1s" and "2s"; bra = ket gives
        :func:`spectral_rule` of that state.
    level_shifts : dict, optional
        Extra level energies (hartree) keyed by label or (n, l); they shift bra, ket and
        intermediate levels (e.g. {"2p": -L} for a Lamb shift L of 2s above 2p).

    Returns
    -------
    SpectralRule
        ``ket`` set, ``x2`` (= ``w``) the signed weights in bohr², ``delta`` = E_ket - E_bra.

    Raises
    ------
    ValueError
        Unknown labels, n beyond N_STATE_MAX, levels of different l.

    Examples
    --------
    >>> rule = transition_rule("1s", "2s")
    >>> float(rule.delta)                                   # E_2s - E_1s, hartree
    0.375
    >>> abs(float(rule.w.sum()) + 512 * 2 ** 0.5 / 729) < 1e-13     # ⟨1s|r²|2s⟩/3
    True
    """
    b, k = check_state(bra, "bra"), check_state(ket, "ket")
    if b.l != k.l:
        raise ValueError(
            f"bra, ket: transition rules are implemented for levels of equal l (the scalar "
            f"part of ⟨bra|x^i x^j|ket⟩); got {b.label} (l={b.l}) and {k.label} (l={k.l}), "
            "whose product is a pure rank-2 tensor")
    shifts = normalise_level_shifts(level_shifts)
    if (b.n, b.l) == (k.n, k.l):
        return _cached_rule(b.n, b.l, shifts)
    return _cached_rule(b.n, b.l, shifts, k.n)
