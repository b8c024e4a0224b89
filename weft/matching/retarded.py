"""Sec. VI for an excited pair nS-1S: the retarded direct and exchange kernels, numerically exact.

The paper's Eqs. (54), (61), (62) (and :mod:`weft.matching.intermediate`) treat atoms whose
intermediate states all lie above them. For H(1s) + H(ns) three things change
(derivations in docs/excited.md; atomic units, c = 1/α, Gaussian dipole coupling -d·E):

1. Degenerate and lower levels of ns. The time-ordered (Feynman) polarizability of ns,
   α^F(ω) = Σ_m x2_m [1/(ω_m - ω - i0) + 1/(ω_m + ω - i0)], ω_m = E_m - E_n, has for a lower
   level (ω_m < 0) poles in the first and third quadrants, which the Wick rotation of the
   two-photon loop crosses. The direct potential of the pair (the paper's W^(0) with both
   atoms in their own levels) is then

     W_dir(R) = -(1/πR⁶) ∫₀^∞ du α_1s(iu) α'_ns(iu) e^{-2uR/c} P(uR/c)          (Wick part)
                - Σ_{m: ω_m < 0} x2_m α_1s(|ω_m|) Tr[g(|ω_m|)²]                      (pole terms)
                - 3 x2_np α_1s(0)/R⁶                                                  (np, if ω = 0)

   with P(y) = y⁴ + 2y³ + 5y² + 6y + 3 (Casimir-Polder), α' the polarizability without the
   degenerate np level, g_ij(ω) = (∂_i∂_j + ω²δ_ij/c²) e^{iωR/c}/R the dipole Green tensor
   and Tr[g(ω₁)g(ω₂)] = e^{i(x₁+x₂)}[2p(x₁)p(x₂) + q(x₁)q(x₂)]/R⁶, x = ωR/c,
   p(x) = x² + ix - 1, q(x) = 2 - 2ix. For 1s-1s it is the Casimir-Polder representation of
   :func:`weft.matching.intermediate.potential_cp`. The degenerate np term never retards
   (it is the ω → 0 limit of a pole term plus its Wick part); a Lamb shift L (np below ns)
   turns it into an ordinary lower level: unretarded for R ≪ c/L, an oscillating pole term
   -2 x2 α(L) (L/c)⁴ cos(2LR/c)/R² plus a repulsive R⁻⁷ beyond.

2. The exchange element. H₁₂ = ⟨1s, ns| W |ns, 1s⟩ transfers the energy Δ = E_ns - E_1s from
   one atom to the other; with the loop frequency ν measured from Δ/2 (photon energies
   Δ/2 ± ν) and the transition polarizability a(ν) = Σ_m w_m [1/(ε_m - ν - i0) + 1/(ε_m + ν - i0)]
   (w_m = ⟨1s|x|m⟩⟨m|x|ns⟩, ε_m = E_m - E_mean > 0 for every m),

     H₁₂(R) = (i/4π) ∫_ℝ dν a(ν)² Tr[G^F(Δ/2 + ν) G^F(Δ/2 - ν)],   G^F(ω) = g(|ω|).

   G^F(Δ/2 - ν) changes branch at ν = ν₀ = Δ/2 (one photon at zero frequency), exactly where
   the degenerate np level puts a double pole of a(ν)² (ε_np = ν₀). Deforming
   [0, ν₀] into an arc above the real axis (avoiding the lower p levels of ns, which sit at
   0 < ε_m < ν₀ just below the axis) and [ν₀, ∞) into the vertical line ν₀ + iu gives

     H₁₂(R) = e^{iΔR/c} B(R),
     B(R) = (i/2π) [∫_arc a(ν)² T₊(ν) dν + ∫_{ν₀}^{ν₀+i∞} a(ν)² T_v(ν) dν],

   T₊ = Tr[g(ν₀+ν)g(ν₀-ν)] e^{-iΔR/c} (a polynomial in ν) and
   T_v = Tr[g(ν₀+ν)g(ν-ν₀)] e^{-iΔR/c} (∝ e^{-2uR/c}). B has no oscillating part: the exchange
   is exactly e^{iΔR/c} times a smooth function. The double pole at the corner ν₀ is
   subtracted with the common Taylor polynomial of T₊ and T_v there (they agree to second
   order) and integrated analytically along the same path.

   Limits (tested): R → 0, H₁₂ → -X6/R⁶ + α²[2Σ ww εε/(ε+ε) - X6Δ²/12]/R⁴; R → ∞,
   H₁₂ → i S e^{iΔR/c}/R², S = (α⁴/π) ∫₀^{ν₀} a(ν)² (ν₀² - ν²)² dν (arc for n ≥ 3): the
   two-photon analogue of the resonant dipole-dipole interaction (both photons real, total
   frequency Δ). Its imaginary part at R → 0 is -Γ_2γ/2, the two-photon decay rate of ns
   (8.2294 s⁻¹ for 2s). There is no non-oscillating R⁻⁶ term at R ≫ c/Δ.

3. Local parts are those of :mod:`weft.matching.local` (1s-1s only).

Numerics: all state sums run over :func:`hydrogen.spectrum.spectral_rule` and
:func:`hydrogen.spectrum.transition_rule`; the u integrals use one universal set of
Gauss-Legendre panels, geometric in u from 1e-15 to 1e5 hartree (every scale c/R, |ω_m|,
L is resolved); the arc moments are R-independent (T₊ is a polynomial in ν whose
coefficients are polynomials in R), so B(R) costs one short vector sum per R. The fast
paths (:meth:`DirectKernel.fast`, :meth:`ExchangeKernel.fast`) interpolate the smooth,
non-oscillating pieces with Chebyshev polynomials in log R (built once, ~0.2 s) and add the
closed-form pieces exactly.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from hydrogen.spectrum import DISCRETE, normalise_level_shifts, spectral_rule
from hydrogen.states import State, parse_state
from hydrogen.sums import polarizability
from hydrogen.spectrum import transition_rule
from hydrogen.sums import C6_exchange

from .. import units

__all__ = ["tr_gg", "DirectKernel", "ExchangeKernel", "direct_kernel", "exchange_kernel",
           "check_excited_state"]

C = units.C_AU

#: Universal u grid (hartree): geometric Gauss-Legendre panels between these bounds.
_U_MIN, _U_MAX, _U_RATIO = 1e-15, 1e5, 2.0
_U_NODES = 16
#: Gauss-Legendre nodes per panel of the arc (θ panels graded towards the corner).
_ARC_NODES = 32
#: Chebyshev interpolation of the smooth pieces: decades of R (bohr) and nodes per decade.
CHEB_DECADES = (-1, 11)
_CHEB_NODES = 40


def check_excited_state(state) -> State:
    """The excited partner of a 1s atom: an S state with n >= 1 (n = 1 gives 1s-1s).

    The kernels of this module (items 1 and 2 of the module docstring) are derived for
    H(1s) + H(ns); the state range of the sums is checked by the spectral rules.

    Parameters
    ----------
    state : str or tuple or State
        The partner's state, e.g. "2s" or (3, 0).

    Returns
    -------
    State
        The parsed S state.

    Raises
    ------
    ValueError
        An unknown label or invalid quantum numbers, or l != 0.

    Examples
    --------
    >>> check_excited_state("2s").n
    2
    >>> check_excited_state("2p")
    Traceback (most recent call last):
    ...
    ValueError: state: only S states are supported (the partner of 1s), got 2p
    """
    st = parse_state(state)
    if st.l != 0:
        raise ValueError(f"state: only S states are supported (the partner of 1s), got {st.label}")
    return st


# ---------------------------------------------------------------------------
# The dipole Green tensor
# ---------------------------------------------------------------------------

def _poly(x1, x2):
    """2p(x₁)p(x₂) + q(x₁)q(x₂), p(x) = x² + ix - 1, q(x) = 2 - 2ix (Tr of the Green tensors)."""
    p1, p2 = x1 * x1 + 1j * x1 - 1, x2 * x2 + 1j * x2 - 1
    return 2 * p1 * p2 + (2 - 2j * x1) * (2 - 2j * x2)


def tr_gg(omega1, omega2, R_bohr):
    """Tr[g(ω₁) g(ω₂)] for the dipole Green tensor g = (∇∇ + ω²/c²) e^{iωR/c}/R, bohr⁻⁶.

    g is entire in ω (outgoing wave); the Feynman propagator of the loop is g(|ω|).
    Tr[g(ω₁)g(ω₂)] = e^{i(x₁+x₂)} [2p(x₁)p(x₂) + q(x₁)q(x₂)]/R⁶, x = ωR/c; at ω = 0 it is
    6/R⁶ (the London tensor contraction), at ω = iu it is 2e^{-2y}P(y)/R⁶ (Casimir-Polder).

    Parameters
    ----------
    omega1, omega2 : complex array_like
        Frequencies (hartree).
    R_bohr : array_like
        Distance (bohr), > 0; broadcast with the frequencies.

    Returns
    -------
    complex ndarray

    Examples
    --------
    >>> complex(tr_gg(0.0, 0.0, 2.0)) * 2.0 ** 6
    (6+0j)
    """
    R = np.asarray(R_bohr, dtype=float)
    x1 = np.asarray(omega1) * R / C
    x2 = np.asarray(omega2) * R / C
    return np.exp(1j * (x1 + x2)) * _poly(x1, x2) / R ** 6


def _u_grid(anchor: float = 1.0):
    """Universal Gauss-Legendre nodes/weights on (0, ∞) in u (hartree).

    Geometric panels with edges anchor·2^k between _U_MIN and _U_MAX (so ``anchor`` is an
    edge), a first panel [0, edge_min] and nothing beyond _U_MAX (every integrand here falls
    at least like u⁻⁴ there).
    """
    x, w = np.polynomial.legendre.leggauss(_U_NODES)
    kmin = int(np.floor(np.log(_U_MIN / anchor) / np.log(_U_RATIO)))
    kmax = int(np.ceil(np.log(_U_MAX / anchor) / np.log(_U_RATIO)))
    edges = np.concatenate([[0.0], anchor * _U_RATIO ** np.arange(kmin, kmax + 1, dtype=float)])
    lo, hi = edges[:-1], edges[1:]
    u = (0.5 * (hi - lo)[:, None] * x[None, :] + 0.5 * (hi + lo)[:, None]).ravel()
    wu = (0.5 * (hi - lo)[:, None] * w[None, :]).ravel()
    return u, wu


def _check_r(R_bohr) -> np.ndarray:
    R = np.asarray(R_bohr, dtype=float)
    if not np.all(np.isfinite(R)) or np.any(R <= 0):
        raise ValueError("R must be finite and > 0 (bohr)")
    return R


class _Cheb:
    """Per-decade Chebyshev interpolant of a smooth complex function of log10 R."""

    def __init__(self, f):
        lo, hi = CHEB_DECADES
        k = np.arange(_CHEB_NODES)
        xk = np.cos(np.pi * (k + 0.5) / _CHEB_NODES)
        R = np.concatenate([10.0 ** (d + 0.5 * (xk + 1)) for d in range(lo, hi)])
        vals = f(R).reshape(hi - lo, _CHEB_NODES)
        self.coefs = np.array([np.polynomial.chebyshev.chebfit(xk, v, _CHEB_NODES - 1)
                               for v in vals])

    def __call__(self, R: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(values, inside-mask); values are 0 outside the covered decades."""
        lo, hi = CHEB_DECADES
        lg = np.log10(R)
        inside = (lg >= lo) & (lg < hi)
        out = np.zeros(R.shape, dtype=complex)
        if np.any(inside):
            dec = np.floor(lg[inside]).astype(int)
            x = 2 * (lg[inside] - dec) - 1
            c = self.coefs[dec - lo]
            b1 = np.zeros(x.size, dtype=complex)
            b2 = np.zeros(x.size, dtype=complex)
            for j in range(c.shape[1] - 1, 0, -1):
                b1, b2 = 2 * x * b1 - b2 + c[:, j], b1
            out[inside] = x * b1 - b2 + c[:, 0]
        return out, inside


# ---------------------------------------------------------------------------
# Direct kernel
# ---------------------------------------------------------------------------

@dataclass(frozen=True, eq=False)
class DirectKernel:
    """The direct (diagonal) retarded potential of H(1s) + H(ns), item 1 of the module docstring.

    Attributes
    ----------
    state : State
        The partner of the 1s atom.
    u, wu : ndarray
        The universal u rule (hartree).
    alpha_prod : ndarray
        α_1s(iu) α'_ns(iu) on the nodes (bohr⁶), α' without exactly degenerate levels.
    pole_omega, pole_x2, pole_alpha : ndarray
        Lower levels: |ω_m| (hartree), x2_m (bohr²), α_1s(|ω_m|) (bohr³).
    degenerate : float
        3 x2_np α_1s(0) (hartree·bohr⁶) of the exactly degenerate level (0 if shifted).
    """

    state: State
    u: np.ndarray
    wu: np.ndarray
    alpha_prod: np.ndarray
    pole_omega: np.ndarray
    pole_x2: np.ndarray
    pole_alpha: np.ndarray
    degenerate: float

    def wick(self, R_bohr) -> np.ndarray:
        """Wick-rotated part -(1/πR⁶)∫du α α' e^{-2uR/c}P(uR/c), hartree (direct quadrature)."""
        R = _check_r(R_bohr)
        flat = R.ravel()
        out = np.empty(flat.size)
        wa = self.wu * self.alpha_prod
        for i in range(0, flat.size, 256):
            y = flat[i:i + 256, None] * self.u[None, :] / C
            pol = (((y + 2) * y + 5) * y + 6) * y + 3
            out[i:i + 256] = (np.exp(-2 * y) * pol) @ wa
        return (-out / (np.pi * flat ** 6)).reshape(R.shape)

    def poles(self, R_bohr) -> np.ndarray:
        """Pole terms -Σ x2_m α_1s(|ω_m|) Tr[g(|ω_m|)²] and the degenerate term (complex)."""
        R = _check_r(R_bohr)
        out = -self.degenerate / R ** 6 + 0j
        for om, x2, al in zip(self.pole_omega, self.pole_x2, self.pole_alpha):
            out = out - x2 * al * tr_gg(om, om, R)
        return out

    def __call__(self, R_bohr) -> np.ndarray:
        """W_dir(R), complex hartree (imaginary part: decay-rate change, from pole terms)."""
        return self.wick(R_bohr) + self.poles(R_bohr)

    @property
    def _cheb(self) -> _Cheb:
        cache = self.__dict__.get("_cheb_cache")
        if cache is None:
            cache = _Cheb(lambda R: self.wick(R) * R ** 6)
            object.__setattr__(self, "_cheb_cache", cache)
        return cache

    def fast(self, R_bohr) -> np.ndarray:
        """Same as ``__call__`` to ~1e-12: Wick part from a Chebyshev interpolant of R⁶W in log R."""
        R = _check_r(R_bohr)
        flat = R.ravel()
        vals, inside = self._cheb(flat)
        wick = np.empty(flat.size)
        wick[inside] = vals[inside].real / flat[inside] ** 6
        if np.any(~inside):
            wick[~inside] = self.wick(flat[~inside])
        return (wick + self.poles(flat)).reshape(R.shape)


@lru_cache(maxsize=32)
def _direct_kernel(n: int, shifts: tuple) -> DirectKernel:
    level_shifts = {(a, b): v for a, b, v in shifts} or None
    r1 = spectral_rule("1s")
    rn = spectral_rule(State(n, 0), level_shifts=level_shifts)
    u, wu = _u_grid()
    a1 = polarizability("1s", 1j * u)
    keep = ~rn.degenerate
    om = rn.omega[keep]                       # E_m - E_n, signed
    x2 = rn.x2[keep]
    an = np.empty(u.size)
    for i in range(0, u.size, 256):
        uu = u[i:i + 256, None]
        an[i:i + 256] = (2 * om * x2 / (om * om + uu * uu)).sum(axis=1)
    down = (rn.kind == DISCRETE) & (rn.dE > 0)
    pole_omega = rn.dE[down]
    pole_x2 = rn.x2[down]
    pole_alpha = np.array([polarizability("1s", float(w)) for w in pole_omega])
    deg = float(3 * np.sum(rn.x2[rn.degenerate]) * polarizability("1s"))
    return DirectKernel(State(n, 0), u, wu, a1 * an, pole_omega, pole_x2, pole_alpha, deg)


def _shift_key(level_shifts) -> tuple:
    return normalise_level_shifts(level_shifts)


def direct_kernel(state, *, level_shifts=None) -> DirectKernel:
    """The prepared direct retarded potential of H(1s) + H(``state``) (cached).

    Parameters
    ----------
    state : str or tuple or State
        S state of the partner atom ("1s" gives the ground-state pair).
    level_shifts : dict, optional
        Level shifts (hartree) of the partner's spectrum, e.g. {"2p": -L} for the Lamb shift
        of 2s above 2p (see :mod:`weft.matching.exchange`).

    Returns
    -------
    DirectKernel
        Callable R (bohr) -> complex W_dir (hartree).

    Examples
    --------
    >>> k = direct_kernel("2s")
    >>> round(float(k(1.0).real) * -1.0, 4)              # R → 0: -C6(2s,1s)/R⁶ (+O(α²))
    176.7522
    """
    st = check_excited_state(state)
    return _direct_kernel(st.n, _shift_key(level_shifts))


# ---------------------------------------------------------------------------
# Exchange kernel
# ---------------------------------------------------------------------------

def _poly_coeffs(R: np.ndarray, nu0: float, sigma: int) -> np.ndarray:
    """Coefficients (…, 5) in s = ν - ν₀ of 2p(x₁)p(x₂) + q(x₁)q(x₂), x₁ = X + rs, x₂ = σrs."""
    r = R / C
    X = 2 * nu0 * r
    one = np.ones_like(r)
    zero = np.zeros_like(r)
    p1 = np.stack([X * X + 1j * X - 1, (2 * X + 1j) * r, r * r], axis=-1)
    p2 = np.stack([-one + 0j, 1j * sigma * r, r * r], axis=-1)
    q1 = np.stack([2 - 2j * X, -2j * r, zero], axis=-1)
    q2 = np.stack([2 * one + 0j, -2j * sigma * r, zero], axis=-1)
    out = np.zeros(r.shape + (5,), dtype=complex)
    for i in range(3):
        for j in range(3):
            out[..., i + j] += 2 * p1[..., i] * p2[..., j] + q1[..., i] * q2[..., j]
    return out / R[..., None] ** 6


def _e1(y):
    """(1 - e^{-y})/y, stable."""
    small = np.abs(y) < 1e-3
    ys = np.where(small, 1.0, y)
    return np.where(small, 1 - y / 2 + y * y / 6 - y ** 3 / 24, -np.expm1(-ys) / ys)


def _e2(y):
    """(e^{-y} - 1 + y)/y², stable."""
    small = np.abs(y) < 0.1
    ys = np.where(small, 1.0, y)
    ser = np.zeros_like(y, dtype=float)
    term = np.full_like(y, 0.5, dtype=float)
    for k in range(2, 14):                      # Σ (-y)^{k-2}/k!
        ser = ser + term
        term = term * (-y) / (k + 1)
    return np.where(small, ser, (np.expm1(-ys) + ys) / (ys * ys))


@dataclass(frozen=True, eq=False)
class ExchangeKernel:
    """The exchange element H₁₂(R) = ⟨1s, ns|W|ns, 1s⟩ = e^{iΔR/c} B(R), item 2 of the module docstring.

    Attributes (all hartree / bohr units)
    ----------
    state : State
    delta, nu0 : float
        Δ = E_ns - E_1s and ν₀ = Δ/2.
    wp, nup, hp : float
        Weight w of the np level, its position ε_np, and h(ε_np) (the rest of a there).
    arc : dict
        R-independent arc moments (see :meth:`_arc_integral`).
    u, rem_parts, tail_a2 : ndarray
        Vertical-line nodes and the R-independent factors of its integrand.
    """

    state: State
    delta: float
    nu0: float
    wp: float
    nup: float
    hp: complex
    X6: float
    arc: dict
    u: np.ndarray
    wu: np.ndarray
    U0: float
    v_wp2: np.ndarray      # s²/(ν_p - ν)² on u ≤ U0
    v_Q: np.ndarray        # (h - h_p)/(ν_p - ν)
    v_h: np.ndarray        # h(ν)
    v_hs2: np.ndarray      # h s²/(ν_p - ν)
    v_h2: np.ndarray       # h²
    v_a2: np.ndarray       # a² (u > U0)

    def _t(self, R):
        """Segment and vertical polynomial coefficients and t₀, t₁ (Taylor data at the corner)."""
        t = _poly_coeffs(R, self.nu0, -1)
        v = _poly_coeffs(R, self.nu0, +1)
        return t, v

    def _arc_integral(self, t, L):
        a = self.arc
        wp = self.wp
        out = np.zeros(t.shape[:-1], dtype=complex)
        for k in range(2, 5):
            out += t[..., k] * (wp * wp * a["Ka"][k] + 2 * wp * a["Kb"][k])
        out += 2 * wp * (-t[..., 1] * L * a["K0"] - t[..., 1] * a["K1"])
        for k in range(1, 5):
            out += t[..., k] * a["Mc"][k]
        return out

    def _vertical_integral(self, R, t, v, L):
        """i ∫₀^∞ (remainder) du for each R (vector over R, loop over chunks)."""
        out = np.empty(R.size, dtype=complex)
        u, wu, wp = self.u, self.wu, self.wp
        inner = u <= self.U0
        s = 1j * u
        for i in range(0, R.size, 128):
            kap = 2 * R[i:i + 128, None] / C
            vv = v[i:i + 128]
            tt = t[i:i + 128]
            y = kap * u[None, :]
            ex = np.exp(-y)
            tail = np.zeros_like(y, dtype=complex)
            sk = np.ones_like(s)
            for k in range(2, 5):
                tail = tail + vv[:, k, None] * sk[None, :]
                sk = sk * s
            d2 = (-vv[:, 0, None] * kap ** 2 * _e2(y) + vv[:, 1, None] * 1j * kap * _e1(y)
                  + ex * tail)
            # T_v - t₀ (the constant t₀ is integrated exactly: ∫ a² dν = iπ X6/3)
            tv = (-vv[:, 0, None] * y * _e1(y)
                  + ex * (vv[:, 1, None] * s + (s * s)[None, :] * tail))
            t0l = (-tt[:, 1] * L)[:, None]
            rem = (wp * wp * d2 * self.v_wp2 + 2 * wp * (t0l * self.v_Q - tt[:, 1, None] * self.v_h
                                                          + self.v_hs2 * d2)
                   + self.v_h2 * tv)
            integrand = np.where(inner[None, :], rem, self.v_a2 * tv)
            out[i:i + 128] = 1j * (integrand @ wu)
        return out

    def _corner(self, t, L):
        wp, nup, U0 = self.wp, self.nup, self.U0
        J2 = 1 / (nup - self.nu0 - 1j * U0) - 1 / nup
        J1 = np.log(nup) - np.log(nup - self.nu0 - 1j * U0 + 0j)
        t0l = -t[..., 1] * L
        return wp * wp * t0l * J2 + (2 * wp * self.hp * t0l - wp * wp * t[..., 1]) * J1

    def _parts(self, R):
        """(closed-form part, vertical part) of the path integral (B = (i/2π)(sum))."""
        t, v = self._t(R)
        L = self.nu0 - self.nup
        # T = t₀ + (T - t₀): the t₀ part of ∫_path a² T is exactly t₀ iπ X6/3
        closed = (t[..., 0] * (1j * np.pi * self.X6 / 3) + self._arc_integral(t, L)
                  + self._corner(t, L))
        return closed, t, v, L

    def B(self, R_bohr) -> np.ndarray:
        """B(R) = e^{-iΔR/c} H₁₂(R), complex hartree (direct quadrature on the u grid)."""
        R = _check_r(R_bohr)
        flat = R.ravel()
        closed, t, v, L = self._parts(flat)
        total = closed + self._vertical_integral(flat, t, v, L)
        return (1j / (2 * np.pi) * total).reshape(R.shape)

    def __call__(self, R_bohr) -> np.ndarray:
        """H₁₂(R) = ⟨1s, ns|W|ns, 1s⟩, complex hartree (real part: exchange potential;
        imaginary part: -Γ₁₂/2, the cooperative two-photon decay)."""
        R = _check_r(R_bohr)
        return np.exp(1j * self.delta * R / C) * self.B(R)

    @property
    def _cheb(self) -> _Cheb:
        cache = self.__dict__.get("_cheb_cache")
        if cache is None:
            Rd = C / self.delta

            def f(R):
                closed, t, v, L = self._parts(R)
                return self._vertical_integral(R, t, v, L) * R ** 6 / (1 + (R / Rd) ** 3)
            cache = _Cheb(f)
            object.__setattr__(self, "_cheb_cache", cache)
        return cache

    def fast(self, R_bohr) -> np.ndarray:
        """Same as ``__call__`` to ~1e-12: the vertical part from a Chebyshev interpolant."""
        R = _check_r(R_bohr)
        flat = R.ravel()
        closed, t, v, L = self._parts(flat)
        vals, inside = self._cheb(flat)
        vert = np.empty(flat.size, dtype=complex)
        Rd = C / self.delta
        fi = flat[inside]
        vert[inside] = vals[inside] * (1 + (fi / Rd) ** 3) / fi ** 6
        if np.any(~inside):
            o = ~inside
            vert[o] = self._vertical_integral(flat[o], t[o], v[o], L)
        B = 1j / (2 * np.pi) * (closed + vert)
        return (np.exp(1j * self.delta * flat / C) * B).reshape(R.shape)

    def long_coefficient(self) -> complex:
        """S of H₁₂ → i S e^{iΔR/c}/R² (R ≫ c/Δ), hartree·bohr²: (α⁴/π)∫₀^{ν₀} a² (ν₀² - ν²)² dν."""
        return complex(self.arc["S"] / (np.pi * C ** 4))


def _a_parts(w, eps, nu, jp, wp, nup):
    """a(ν), h(ν) = a - wp/(ν_p - ν), and Q(ν) = (h - h_p)/(ν_p - ν) for complex ν (vector)."""
    nu = np.asarray(nu, dtype=complex)
    rest = np.ones(w.size, bool)
    rest[jp] = False
    wr, er = w[rest], eps[rest]
    out_h = np.empty(nu.size, dtype=complex)
    out_q = np.empty(nu.size, dtype=complex)
    for i in range(0, nu.size, 512):
        v = nu[i:i + 512, None]
        out_h[i:i + 512] = (wr * (1 / (er - v) + 1 / (er + v))).sum(axis=1) + wp / (nup + v[:, 0])
        out_q[i:i + 512] = (wr * (-1 / ((er - v) * (er - nup)) + 1 / ((er + v) * (er + nup)))
                            ).sum(axis=1) + wp / ((nup + v[:, 0]) * 2 * nup)
    with np.errstate(divide="ignore", invalid="ignore"):     # a is infinite at ν = ν_p only
        a = np.where(nu == nup, np.inf, out_h + wp / np.where(nu == nup, 1.0, nup - nu))
    return a, out_h, out_q


@lru_cache(maxsize=32)
def _exchange_kernel(n: int, shifts: tuple) -> ExchangeKernel:
    level_shifts = {(a, b): v for a, b, v in shifts} or None
    rule = transition_rule("1s", State(n, 0), level_shifts=level_shifts)
    w, eps = rule.x2, -rule.dE
    delta = rule.delta
    nu0 = 0.5 * delta
    jp_candidates = np.nonzero((rule.kind == DISCRETE) & (rule.n2 == n) & (rule.l2 == 1))[0]
    jp = int(jp_candidates[0])
    wp, nup = float(w[jp]), float(eps[jp])
    if rule.degenerate_ket[jp]:
        # exact degeneracy (no level shift), decided on the absolute energies: the np pole
        # sits exactly at the corner ν₀ whatever the rounding of the nodes
        nup = nu0
    if nup <= 0:
        raise ValueError("level_shifts: the np level must stay above the mean energy of 1s and ns")
    hp = complex(_a_parts(w, eps, np.array([nup]), jp, wp, nup)[1][0])
    L = nu0 - nup
    # --- arc from ν = 0 to ν₀ (above the real axis), graded towards the corner
    interior = eps[(rule.kind == DISCRETE) & (eps > 0) & (eps < nu0)]
    dmin = min([abs(L)] * (L != 0) + list(nu0 - interior) + [nu0])
    H = 0.5 * nu0
    xg, wg = np.polynomial.legendre.leggauss(_ARC_NODES)
    edges = [0.0, np.pi / 4, np.pi / 2]
    tp = np.pi / 2
    while tp > 1e-4 * dmin / H:
        tp /= 2
        edges.append(np.pi - tp)
    edges.append(np.pi)
    lo, hi = np.array(edges[:-1]), np.array(edges[1:])
    th = (0.5 * (hi - lo)[:, None] * xg + 0.5 * (hi + lo)[:, None]).ravel()
    wth = (0.5 * (hi - lo)[:, None] * wg).ravel()
    nu = nu0 * (1 - np.cos(th)) / 2 + 1j * H * np.sin(th)
    dnu = (nu0 * np.sin(th) / 2 + 1j * H * np.cos(th)) * wth
    a, h, Q = _a_parts(w, eps, nu, jp, wp, nup)
    s = nu - nu0
    arc = {"Ka": {k: np.sum(s ** k / (nup - nu) ** 2 * dnu) for k in range(2, 5)},
           "Kb": {k: np.sum(h * s ** k / (nup - nu) * dnu) for k in range(2, 5)},
           "K0": np.sum(Q * dnu), "K1": np.sum(h * dnu),
           "Mc": {k: np.sum(h * h * s ** k * dnu) for k in range(5)},
           "S": np.sum(a * a * (nu0 * nu0 - nu * nu) ** 2 * dnu)}
    # --- vertical line ν₀ + iu
    U0 = nu0
    u, wu = _u_grid(anchor=U0)
    nv = nu0 + 1j * u
    av, hv, Qv = _a_parts(w, eps, nv, jp, wp, nup)
    sv = 1j * u
    return ExchangeKernel(
        state=State(n, 0), delta=float(delta), nu0=float(nu0), wp=wp, nup=nup, hp=hp,
        X6=C6_exchange("1s", State(n, 0), level_shifts=level_shifts), arc=arc,
        u=u, wu=wu, U0=U0, v_wp2=sv * sv / (nup - nv) ** 2, v_Q=Qv, v_h=hv,
        v_hs2=hv * sv * sv / (nup - nv), v_h2=hv * hv, v_a2=av * av)


def exchange_kernel(state, *, level_shifts=None) -> ExchangeKernel:
    """The prepared exchange element H₁₂(R) of H(1s) + H(``state``) (cached).

    Parameters
    ----------
    state : str or tuple or State
        The excited S state ns, n >= 2.
    level_shifts : dict, optional
        Level shifts (hartree), e.g. {"2p": -L}; the np level must stay above E_mean.

    Returns
    -------
    ExchangeKernel
        Callable R (bohr) -> complex H₁₂ (hartree).

    Examples
    --------
    >>> k = exchange_kernel("2s")
    >>> round(float(k(1e-2).real) * 1e-2 ** 6, 6)       # R → 0: -X6/R⁶
    -27.983246
    """
    st = check_excited_state(state)
    if st.n < 2:
        raise ValueError("state: the exchange element needs an excited partner (ns, n >= 2); "
                         "1s-1s has no state-swap degeneracy")
    return _exchange_kernel(st.n, _shift_key(level_shifts))
