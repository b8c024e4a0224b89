"""Casimir–Polder potential between two polarizable particles at temperature T ≥ 0.

Formula (derived in docs/fields.md, "Thermal Casimir–Polder")
--------------------------------------------------------------
For two particles with isotropic polarizabilities α₁, α₂ (SI, :mod:`.particles`) a
distance R apart, in a thermal field at temperature T,

    U(R, T) = −k_BT μ₀² Σ'_{n≥0} ξ_n⁴ α₁(iξ_n) α₂(iξ_n) Tr[G₀(R, iξ_n)·G₀(R, iξ_n)]
            = −(k_BT/(8π²ε₀²R⁶)) Σ'_{n≥0} α₁(iξ_n) α₂(iξ_n) h(ξ_nR/c),             (1)

ξ_n = 2πnk_BT/ħ (Matsubara frequencies), Σ' gives the n = 0 term the weight ½, and
h(x) = e^{−2x}(x⁴ + 2x³ + 5x² + 6x + 3) (:func:`.green.cp_kernel`). It follows from the
real-frequency form of seed 003 Eq. (25) (second term; U = −(ħμ₀²/2π) Im ∫₀^∞ dω ω⁴
coth(ħω/2k_BT) α₁α₂ Tr G₀·G₀) by closing the contour in the upper half-plane: coth has
poles at ω = iξ_n with residue 2k_BT/ħ, the one at ω = 0 lies on the contour (half
residue: the weight ½). As T → 0, k_BT Σ'_n → (ħ/2π)∫₀^∞ dξ and

    U(R, 0) = −(ħ/(16π³ε₀²R⁶)) ∫₀^∞ dξ α₁(iξ) α₂(iξ) h(ξR/c),                          (2)

the Casimir–Polder potential (Casimir & Polder, Phys. Rev. 73, 360 (1948); in atomic
units −(1/πR⁶)∫du α₁α₂ e^{−2uR/c}P(uR/c), ``weft.matching.intermediate.potential_cp``).
Both are written U = −ħ J(R)/(16π³ε₀²R⁶) with J = Δ Σ'_n g(ξ_n) h(x_n) (Δ = 2πk_BT/ħ,
x_n = ξ_nR/c, g = α₁α₂) or J = ∫ g h dξ.

Evaluation and error control
----------------------------
The terms are positive and g(ξ) = α₁(iξ)α₂(iξ) decreases (α(iξ) does, for any passive
particle), so nothing cancels. :func:`prepare` builds, once per (α₁, α₂, T), the values
of g on every frequency node it will need; calling the result on R costs only
exponentials (each R row is cut where x = ξR/c > X_CUT = 40, h(40)/h(0) < 1e-28).

* T = 0: ∫₀^∞ by Gauss–Legendre (16 nodes) on [0, ξ_lo], on ratio-2 panels in ξ up to
  ξ_hi = 10⁴ ω_max and on [ξ_hi, ∞) mapped by ξ = ξ_hi/s; ξ_lo = 10⁻³ min(ω_min, c/R_max)
  (ω_min, ω_max the particles' ``omega_scales``). On a panel [a, 2a] the poles of α(iξ)
  (Re ξ ≤ 0) are ≥ 1.5a from its centre: GL error ≤ (3 + √8)^{−32} ≈ 1e-24; e^{−2x} is
  resolved to ≤ 1e-13 of panels already below e^{−20}; the part above ξ_hi is ~1e-12 of
  the near-field integral and is itself integrated to ~1e-6.
* T > 0, x₁ = ΔR/c ≥ 0.05 (R ≳ λ_T/125): the sum (1) directly, n ≤ X_CUT/x₁ ≤ 800.
* T > 0, x₁ < 0.05 (the sum converges slowly, λ_T ≫ R): n < N = 256 summed directly,
  the rest by Gregory's summation formula (the Euler–Maclaurin formula with forward
  differences instead of derivatives),

      Σ_{n≥N} F_n = (1/Δ)∫_{ξ_N}^∞ F dξ + ½F_N − (1/12)ΔF_N + (1/24)Δ²F_N − (19/720)Δ³F_N + …,

  K = 12 differences, the integral on ratio-2 GL panels from ξ_N. Beyond ξ_N, F = g h
  changes by at most Δ(4/ξ_N + 2R/c) ≤ 0.12 of itself per step (|g'/g| ≤ 4/ξ for
  α = Σ f/(ω² + ξ²); |h'/h| ≤ 2), so the first omitted term |G₁₃Δ¹²F_N| is < 1e-14 F_N;
  resonant (Boltzmann-like, e^{−ħω/k_BT}) contributions are in the exact head sum. The
  same formula with N = 0 would be the "T = 0 integral plus thermal correction" split.
* ``resolution=2`` refines everything (24 GL nodes, X_CUT 50, N = 512, K = 16): the
  difference to ``resolution=1`` is the error estimate used by the tests (< 1e-13).

Regime map (:func:`regimes`; derivations in docs/fields.md)
----------------------------------------------------------
* near field, R ≪ c/ω_t and R ≪ λ_T (h → 3):  U → −C6(T)/R⁶,
  C6(T) = (3k_BT/(8π²ε₀²)) Σ'_n α₁(iξ_n)α₂(iξ_n) → C6 = (3ħ/(16π³ε₀²))∫₀^∞ α₁α₂ dξ;
* retarded, c/ω_t ≪ R ≪ λ_T (α → α(0), ∫h = 23/4):  U → −C7/R⁷,
  C7 = 23ħc α₁(0)α₂(0)/(64π³ε₀²);
* thermal, R ≫ λ_T = ħc/(k_BT) and R ≫ c/ω_t (only n = 0 survives, weight ½, h(0) = 3):
  U → −C_T/R⁶, C_T = 3k_BT α₁(0)α₂(0)/(16π²ε₀²)  (seed 003 Eqs. (38), (C4) print twice
  this: docs/fields.md F5).
Crossovers where neighbouring asymptotes meet: R_ret = C7/C6 = (23/3π) c/ω₁₂ with
ω₁₂ = (4/π)∫α₁α₂dξ/(α₁(0)α₂(0)), and R_T = C7/C_T = (23/12π) λ_T.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache

import numpy as np

from .green import cp_kernel
from .particles import Particle
from .si import C, EPS0, HBAR, KB

__all__ = ["matsubara_frequencies", "prepare", "ThermalCP", "casimir_polder", "regimes",
           "RegimeMap"]

#: Parameters per resolution: GL nodes per panel, x cut, head terms N, Gregory order K.
_RES = {1: (16, 40.0, 256, 12), 2: (24, 50.0, 512, 16)}
_X1_SWITCH = 0.05            # ΔR/c at and above: direct Matsubara sum
_DECADES_BELOW = 3.0         # ξ_lo = 10^-3 min(ω_min, c/R_max)
_DECADES_ABOVE = 4.0         # ξ_hi = 10^4 ω_max
_CHUNK = 256                 # R values per block


@lru_cache(maxsize=None)
def _gregory_weights(K: int) -> np.ndarray:
    """w_i with Σ_{n≥N}F_n − (1/Δ)∫_{ξ_N}^∞F = Σ_{i=0}^{K} w_i F_{N+i} + O(Δ^{K+1}F).

    From Σ − ∫ = [1/log(1+t) − 1/t] F_N (t the forward difference) = Σ_{j≥1} G_j t^{j−1} F_N,
    G_j the Gregory coefficients of t/log(1+t) = Σ G_j t^j (1, 1/2, −1/12, 1/24, −19/720, …),
    t^{j−1} F_N = Σ_i (−1)^{j−1−i} C(j−1, i) F_{N+i}; exact fractions, rounded once.
    """
    L = [Fraction((-1) ** m, m + 1) for m in range(K + 2)]          # log(1+t)/t
    G = [Fraction(1)]
    for j in range(1, K + 2):
        G.append(-sum(G[k] * L[j - k] for k in range(j)))
    w = [Fraction(0)] * (K + 1)
    for j in range(1, K + 2):
        for i in range(j):
            w[i] += G[j] * (-1) ** (j - 1 - i) * math.comb(j - 1, i)
    return np.array([float(x) for x in w])


def _gl_panels(lo: float, hi: float, nodes: int):
    """Gauss–Legendre nodes/weights on ratio-≤2 panels in ξ covering [lo, hi]."""
    x, w = np.polynomial.legendre.leggauss(nodes)
    n_pan = max(1, math.ceil(math.log2(hi / lo) - 1e-12))
    edges = np.geomspace(lo, hi, n_pan + 1)
    a, b = edges[:-1, None], edges[1:, None]
    return (0.5 * (b - a) * x + 0.5 * (b + a)).ravel(), (0.5 * (b - a) * w).ravel()


def _gl_interval(lo: float, hi: float, nodes: int):
    x, w = np.polynomial.legendre.leggauss(nodes)
    return 0.5 * (hi - lo) * x + 0.5 * (hi + lo), 0.5 * (hi - lo) * w


def _gl_tail(hi: float, nodes: int):
    """[hi, ∞) with ξ = hi/s, s ∈ (0, 1]."""
    x, w = np.polynomial.legendre.leggauss(nodes)
    s = 0.5 * (x + 1)
    return hi / s, 0.5 * w * hi / s ** 2


def matsubara_frequencies(temperature, n) -> np.ndarray:
    """ξ_n = 2πn k_B T/ħ (rad/s).

    Parameters
    ----------
    temperature : float
        T ≥ 0 (K).
    n : int or array_like of int
        n ≥ 0.

    Returns
    -------
    ndarray or numpy scalar
        ξ_n in rad/s, same shape as ``n`` (all zero at T = 0).

    Raises
    ------
    ValueError
        T not finite or negative, or n not integers >= 0.

    Examples
    --------
    >>> f"{float(matsubara_frequencies(300.0, 1)):.4e}"
    '2.4678e+14'
    """
    T = _check_temperature(temperature)
    n = np.asarray(n)
    if n.dtype.kind not in "iu" or np.any(n < 0):
        raise ValueError("n must be integers >= 0")
    return 2.0 * np.pi * KB * T / HBAR * n


def _check_temperature(temperature) -> float:
    try:
        T = float(temperature)
    except (TypeError, ValueError):
        raise ValueError(f"temperature must be a real number (K), got {temperature!r}") from None
    if not math.isfinite(T) or T < 0:
        raise ValueError(f"temperature must be finite and >= 0 (K), got {temperature!r}")
    return T


def _check_particles(p1, p2) -> None:
    for name, p in (("particle1", p1), ("particle2", p2)):
        if not isinstance(p, Particle):
            raise ValueError(f"{name} must be a weft.fields Particle, got {type(p).__name__}")
        if not p.ground_state:
            raise ValueError(f"{name} = {p!r}: the Casimir–Polder (Lifshitz) formula holds for "
                             "particles in their ground state; this state has intermediate "
                             "levels at or below it (resonant, time-dependent forces: one atom "
                             "excited)")


def _pair_g(p1: Particle, p2: Particle, xi: np.ndarray) -> np.ndarray:
    """g(ξ) = α₁(iξ)α₂(iξ) (C²m⁴/V²)."""
    a1 = p1.alpha_imag(xi)
    return a1 * (a1 if p2 is p1 else p2.alpha_imag(xi))


def _h_sum(R: np.ndarray, xi: np.ndarray, wg: np.ndarray, x_cut: float) -> np.ndarray:
    """Σ_j wg_j h(ξ_j R/c) for every R (ξ ascending); terms with ξ_j R/c > x_cut dropped."""
    out = np.zeros(R.shape)
    if xi.size == 0 or R.size == 0:
        return out
    order = np.argsort(R)
    Rs = R[order]
    res = np.empty(Rs.shape)
    for start in range(0, Rs.size, _CHUNK):
        block = Rs[start:start + _CHUNK]
        r0 = block[0]
        ncol = xi.size if r0 == 0 else int(np.searchsorted(xi, x_cut * C / r0, side="right"))
        if ncol == 0:
            res[start:start + _CHUNK] = 0.0
            continue
        x = np.outer(block, xi[:ncol] / C)
        res[start:start + _CHUNK] = cp_kernel(x) @ wg[:ncol]
    out[order] = res
    return out


@dataclass(frozen=True, eq=False)
class ThermalCP:
    """Casimir–Polder potential U(R) of one particle pair at one temperature (prepared).

    Built by :func:`prepare`; calling it evaluates Eq. (1) or (2) of the module docstring.

    Attributes
    ----------
    particle1, particle2 : Particle
    temperature : float
        K.
    delta : float
        Matsubara spacing 2πk_BT/ħ (rad/s); 0 at T = 0.
    resolution : int
    """

    particle1: Particle
    particle2: Particle
    temperature: float
    delta: float
    resolution: int
    _xi_tab: np.ndarray           # Matsubara frequencies n = 0..n_tab (T > 0)
    _g_tab: np.ndarray
    _int_xi: np.ndarray           # integral nodes: from ξ_N (T > 0) or fixed part (T = 0)
    _int_wg: np.ndarray           # weight × g on them
    _xi_lo: float                 # T = 0: lower end of the fixed part

    def g(self, xi) -> np.ndarray:
        """g(ξ) = α₁(iξ)α₂(iξ) (C²m⁴/V²).

        Examples
        --------
        >>> from weft.fields.particles import TwoLevelAtom
        >>> a = TwoLevelAtom(1e16, 1e-29)
        >>> bool(prepare(a, a).g(0.0) == a.alpha_imag(0.0) ** 2)
        True
        """
        return _pair_g(self.particle1, self.particle2, xi)

    def _J(self, R: np.ndarray) -> np.ndarray:
        """J(R) of the module docstring (R ≥ 0 allowed: R = 0 gives 3Σ'g or 3∫g)."""
        nodes, x_cut, n_head, K = _RES[self.resolution]
        if self.delta == 0.0:
            xi, wg = self._int_xi, self._int_wg
            r_max = float(R.max()) if R.size else 0.0
            lo = self._xi_lo if r_max == 0 else min(self._xi_lo, 10 ** -_DECADES_BELOW * C / r_max)
            if lo < self._xi_lo:                       # extend the rule below the fixed part
                x0, w0 = _gl_interval(0.0, lo, nodes)
                x1, w1 = _gl_panels(lo, self._xi_lo, nodes)
                xn = np.concatenate([x0, x1])
                head_xi, head_wg = xn, np.concatenate([w0, w1]) * self.g(xn)
            else:
                x0, w0 = _gl_interval(0.0, self._xi_lo, nodes)
                head_xi, head_wg = x0, w0 * self.g(x0)
            return (_h_sum(R, head_xi, head_wg, x_cut) + _h_sum(R, xi, wg, x_cut))
        x1 = self.delta * R / C
        direct = x1 >= _X1_SWITCH
        out = np.empty(R.shape)
        w_sum = np.full(self._g_tab.shape, self.delta)
        w_sum[0] *= 0.5
        if np.any(direct):
            out[direct] = _h_sum(R[direct], self._xi_tab, w_sum * self._g_tab, x_cut)
        if np.any(~direct):
            m = n_head + K + 1
            w = w_sum[:m].copy()
            w[n_head:] = self.delta * _gregory_weights(K)
            Rb = R[~direct]
            out[~direct] = (_h_sum(Rb, self._xi_tab[:m], w * self._g_tab[:m], x_cut)
                            + _h_sum(Rb, self._int_xi, self._int_wg, x_cut))
        return out

    def __call__(self, R) -> np.ndarray:
        """U(R) in J for R in m (array_like, > a₁ + a₂); same shape as R. Eqs. (1), (2).

        Examples
        --------
        >>> from weft.fields.particles import TwoLevelAtom
        >>> a = TwoLevelAtom(1e16, 1e-29)
        >>> cp = prepare(a, a, 300.0)
        >>> cp([1e-9, 1e-6]).shape
        (2,)
        """
        r = np.asarray(R, dtype=float)
        if r.size and (not np.all(np.isfinite(r)) or np.any(r <= 0)):
            raise ValueError("R must be finite and > 0 (m)")
        contact = self.particle1.radius + self.particle2.radius
        if contact > 0 and np.any(r <= contact):
            raise ValueError(f"R must exceed the sum of the radii, {contact:.6e} m (the spheres "
                             "would overlap; the dipole approximation needs R ≫ a)")
        flat = r.ravel()
        J = self._J(flat)
        return (-HBAR * J / (16.0 * np.pi ** 3 * EPS0 ** 2 * flat ** 6)).reshape(r.shape)


def prepare(particle1, particle2, temperature=0.0, *, resolution: int = 1) -> ThermalCP:
    """Precompute α₁α₂ on all frequency nodes for Casimir–Polder at temperature T.

    Parameters
    ----------
    particle1, particle2 : Particle
        Ground-state particles (:mod:`weft.fields.particles`).
    temperature : float
        T ≥ 0 (K).
    resolution : int
        1 (default) or 2 (refined rule, for error estimates).

    Returns
    -------
    ThermalCP
        Callable on R (m) → U (J).

    Examples
    --------
    >>> from weft.fields.particles import HydrogenAtom
    >>> cp = prepare(HydrogenAtom(), HydrogenAtom(), 300.0)
    >>> from weft.fields.si import ATOMIC_UNITS
    >>> a0, Eh = ATOMIC_UNITS["length"][0], ATOMIC_UNITS["energy"][0]
    >>> round(float(cp(100 * a0) / Eh) * 1e12, 6)          # = T = 0 at 100 bohr
    -6.338524
    """
    _check_particles(particle1, particle2)
    T = _check_temperature(temperature)
    if resolution not in _RES:
        raise ValueError(f"resolution must be 1 or 2, got {resolution!r}")
    nodes, x_cut, n_head, K = _RES[resolution]
    lo = min(particle1.omega_scales[0], particle2.omega_scales[0])
    hi = max(particle1.omega_scales[1], particle2.omega_scales[1]) * 10 ** _DECADES_ABOVE

    def g(xi):
        return _pair_g(particle1, particle2, xi)

    if T == 0.0:
        xi_lo = lo * 10 ** -_DECADES_BELOW
        xp, wp = _gl_panels(xi_lo, hi, nodes)
        xt, wt = _gl_tail(hi, nodes)
        xi = np.concatenate([xp, xt[::-1]])
        w = np.concatenate([wp, wt[::-1]])
        return ThermalCP(particle1, particle2, T, 0.0, resolution, np.empty(0), np.empty(0),
                         xi, w * g(xi), xi_lo)
    delta = 2.0 * np.pi * KB * T / HBAR
    n_tab = max(math.ceil(x_cut / _X1_SWITCH) + 1, n_head + K + 1)
    xi_tab = delta * np.arange(n_tab)
    xi_n = delta * n_head
    xp, wp = _gl_panels(xi_n, max(hi, 2.0 * xi_n), nodes)
    xt, wt = _gl_tail(max(hi, 2.0 * xi_n), nodes)
    xi = np.concatenate([xp, xt[::-1]])
    w = np.concatenate([wp, wt[::-1]])
    return ThermalCP(particle1, particle2, T, delta, resolution, xi_tab, g(xi_tab), xi,
                     w * g(xi), 0.0)


def casimir_polder(R, particle1, particle2, temperature=0.0) -> np.ndarray:
    """Casimir–Polder potential U(R, T) between two particles (J), Eqs. (1), (2).

    Parameters
    ----------
    R : array_like
        Centre-to-centre distances (m), > a₁ + a₂.
    particle1, particle2 : Particle
        Ground-state particles.
    temperature : float
        T ≥ 0 (K); 0 gives the T = 0 integral (2).

    Returns
    -------
    ndarray like R: U in J (< 0: attraction).

    Examples
    --------
    >>> from weft.fields.particles import DielectricSphere
    >>> s = DielectricSphere(100e-9)
    >>> u = casimir_polder([300e-9, 1e-4], s, s, 300.0)
    >>> bool(np.all(u < 0))
    True
    """
    return prepare(particle1, particle2, temperature)(R)


@dataclass(frozen=True)
class RegimeMap:
    """Asymptotes and crossover scales of U(R, T) (module docstring; SI).

    Attributes
    ----------
    temperature : float
        K.
    C6 : float
        London coefficient at T = 0, (3ħ/16π³ε₀²)∫α₁α₂dξ (J m⁶).
    C6_T : float
        Near-field coefficient at T, (3k_BT/8π²ε₀²)Σ'α₁α₂(iξ_n) (J m⁶); = C6 at T = 0.
    C7 : float
        Retarded coefficient 23ħcα₁(0)α₂(0)/(64π³ε₀²) (J m⁷).
    CT : float
        Thermal coefficient 3k_BTα₁(0)α₂(0)/(16π²ε₀²) (J m⁶); 0 at T = 0.
    omega_12 : float
        (4/π)∫α₁α₂dξ/(α₁(0)α₂(0)) (rad/s): effective pair transition frequency.
    lambda_T : float
        ħc/(k_BT) (m); inf at T = 0.
    R_retarded : float
        C7/C6 = (23/3π)c/ω₁₂ (m): near field ↔ retarded.
    R_thermal : float
        C7/C_T = (23/12π)λ_T (m): retarded ↔ thermal; inf at T = 0.
    """

    temperature: float
    C6: float
    C6_T: float
    C7: float
    CT: float
    omega_12: float
    lambda_T: float
    R_retarded: float
    R_thermal: float

    def near(self, R):
        """−C6(T)/R⁶ (J), R in m.

        Examples
        --------
        >>> from weft.fields.particles import TwoLevelAtom
        >>> m = regimes(TwoLevelAtom(1e16, 1e-29), TwoLevelAtom(1e16, 1e-29))
        >>> bool(np.isclose(m.near(1e-9), -m.C6 * 1e54, rtol=1e-15))
        True
        """
        return -self.C6_T / np.asarray(R, dtype=float) ** 6

    def retarded(self, R):
        """−C7/R⁷ (J).

        Examples
        --------
        >>> from weft.fields.particles import TwoLevelAtom
        >>> m = regimes(TwoLevelAtom(1e16, 1e-29), TwoLevelAtom(1e16, 1e-29))
        >>> bool(np.isclose(m.retarded(m.R_retarded), m.near(m.R_retarded)))   # the crossover
        True
        """
        return -self.C7 / np.asarray(R, dtype=float) ** 7

    def thermal(self, R):
        """−C_T/R⁶ (J).

        Examples
        --------
        >>> from weft.fields.particles import TwoLevelAtom
        >>> m = regimes(TwoLevelAtom(1e16, 1e-29), TwoLevelAtom(1e16, 1e-29), 300.0)
        >>> bool(np.isclose(m.thermal(m.R_thermal), m.retarded(m.R_thermal)))  # the crossover
        True
        """
        return -self.CT / np.asarray(R, dtype=float) ** 6


def regimes(particle1, particle2, temperature=0.0) -> RegimeMap:
    """Regime map of the Casimir–Polder potential: asymptotes and crossovers (module docstring).

    Parameters
    ----------
    particle1, particle2 : Particle
    temperature : float
        K.

    Returns
    -------
    RegimeMap

    Examples
    --------
    >>> from weft.fields.particles import HydrogenAtom
    >>> from weft.fields.si import ATOMIC_UNITS
    >>> m = regimes(HydrogenAtom(), HydrogenAtom())
    >>> c6_au = m.C6 / (ATOMIC_UNITS["energy"][0] * ATOMIC_UNITS["length"][0] ** 6)
    >>> round(c6_au, 9)                                  # Yan et al. 1996: 6.499026705
    6.499026705
    """
    cp0 = prepare(particle1, particle2, 0.0)
    T = _check_temperature(temperature)
    pref = HBAR / (16.0 * np.pi ** 3 * EPS0 ** 2)
    J0 = float(cp0._J(np.zeros(1))[0])                     # 3 ∫ g dξ
    C6 = pref * J0
    C6_T = C6 if T == 0 else pref * float(prepare(particle1, particle2, T)._J(np.zeros(1))[0])
    a12 = float(particle1.alpha_imag(0.0)) * float(particle2.alpha_imag(0.0))
    C7 = 23.0 * HBAR * C * a12 / (64.0 * np.pi ** 3 * EPS0 ** 2)
    CT = 3.0 * KB * T * a12 / (16.0 * np.pi ** 2 * EPS0 ** 2)
    omega_12 = 4.0 / np.pi * (J0 / 3.0) / a12
    lam = HBAR * C / (KB * T) if T > 0 else math.inf
    R_T = C7 / CT if T > 0 else math.inf
    return RegimeMap(T, C6, C6_T, C7, CT, omega_12, lam, C7 / C6, R_T)
