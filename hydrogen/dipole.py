"""Exact hydrogen dipole matrix elements: bound–bound, bound–free, angular factors.

Radial integrals (bohr) between the radial functions of :mod:`hydrogen.radial`, whose
sign convention is that of ``sympy.physics.hydrogen.R_nl`` (R > 0 near r = 0) for bound
states and R_El = sqrt(2/(πk)) F_l(-1/k, kr)/r (> 0 near r = 0) for the continuum.

Methods
-------
* Bound–bound, n ≠ n': the Storey & Hummer recursion in l (Comput. Phys. Commun. 66, 129
  (1991), Eqs. (2.23)–(2.27); after Hoang-Binh, A&A 238, 449 (1990)), run downward from
  the circular lower state l = n_< - 1, whose closed form (their Eq. (2.27)) is evaluated
  from exact integer bases to a few ulp, with a separate binary exponent (it would
  underflow float64 near n ≈ 2400). Gordon's hypergeometric formula (Bethe & Salpeter
  §63, Eq. (63.2)) is used only in the tests: in floating point it cancels
  catastrophically for large n.
* Bound–bound, n = n': <n l±1|r|n l> = -(3/2) n sqrt(n² - l_>²) (Bethe & Salpeter §63;
  the sign is that of the sympy convention, checked against sympy), l_> = max(l, l').
* Bound–free and the analytic continuation in the principal quantum number
  (:func:`dipole_density`): the same recursion at a fixed upper energy E, where the
  upper-state factor c(ℓ) = sqrt(1 - ℓ²/ν²) becomes sqrt(1 + 2ℓ²E) (ν = (-2E)^{-1/2}
  below threshold, ν = i/k above; Burgess, Mem. R. Astr. Soc. 69, 1 (1965) recurs the
  bound–free integrals in the same way), started from Eq. (2.27) continued in ν. One
  expression covers the Rydberg series and the continuum, analytic across threshold;
  every term of the recursion is positive (no cancellation), and its cost is n vector
  operations (the exact-rational Gordon polynomial it replaces cost ~n⁴).
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from .states import _as_int, _check_nl

__all__ = [
    "radial_dipole",
    "radial_dipole_matrix",
    "radial_dipole_continuum",
    "dipole_density",
    "angular_dipole",
    "cartesian_dipole",
    "p_tensor",
    "oscillator_strength",
    "oscillator_strength_density",
    "N_MAX",
]

#: Largest principal quantum number accepted by :func:`radial_dipole` (the accuracy of
#: the recursion is tested up to n = 500 against Gordon's formula at 80 digits; its
#: start value is carried with a separate binary exponent, so there is no underflow).
N_MAX = 2000
#: Largest nmax accepted by :func:`radial_dipole_matrix` (memory: 8 (nmax+1)² nmax bytes).
NMAX_MATRIX = 200


# ---------------------------------------------------------------------------
# Numbers with a separate binary exponent: the start values of the recursion lie far
# outside the float64 range for large n (e.g. 1e-1300); the recursion runs on mantissas.
# ---------------------------------------------------------------------------

def _int_ratio_frexp(num: int, den: int) -> tuple[float, int]:
    """num/den (positive integers) as (x, e), num/den = x·2^e, x correctly rounded."""
    e = num.bit_length() - den.bit_length() - 60
    if e > 0:
        den <<= e
    else:
        num <<= -e
    return num / den, e            # int/int true division rounds correctly


def _ratio_pow(p: int, q: int, k: int) -> tuple[float, int]:
    """(p/q)^k for positive integers p, q and any integer k, as (x, e) with value x·2^e.

    pow() of the rounded ratio x = (p/q)(1 + δ) would carry the relative error kδ (k up to
    4000 here: 4e-13); δ is obtained exactly from x's integer ratio and removed by the
    factor (1 + δ)^(-k) = exp(-k log1p δ). What remains is ≤ 1 ulp per pow() call (the
    libm pow of C99 implementations) and a few roundings: a few ulp in all.
    """
    if k < 0:
        p, q, k = q, p, -k
    x = p / q
    a, b = x.as_integer_ratio()                 # x = a/b exactly
    delta = (a * q - p * b) / (p * b)           # x = (p/q)(1 + δ)
    f, ex = math.frexp(x)
    mant, e = 1.0, ex * k
    left = k
    while left > 0:
        step = min(left, 1000)                  # f >= 1/2: f^1000 >= 2^-1000 stays normal
        mant, de = math.frexp(mant * f ** step)
        e += de
        left -= step
    return mant * math.exp(-k * math.log1p(delta)), e


def _circular_start(n: int, m: int, binom: int | None = None) -> tuple[float, int]:
    """<n, m | r | m, m-1> for n > m as (x, e), value x·2^e; Storey & Hummer (1991) Eq. (2.27).

    R0² = (4nm)^{2m+4} (n+m)! (n-m)^{2n-2m-4} / (16 (n-m-1)! (2m-1)! (n+m)^{2n+2m+4})
        = X^{2m+4} Y^{2n-2m-4} C(n+m, 2m+1) 2m(2m+1)/16,  X = 4nm/(n+m)², Y = (n-m)/(n+m),

    the powers by :func:`_ratio_pow` (exact bases, few ulp), the binomial exactly (math.comb)
    and rounded once: a few ulp in all (tested against the exact rational up to n = N_MAX),
    at a fraction of the cost of the exact big-integer powers (~1 ms at n = 1000).
    Positive in the sympy sign convention (e.g. <2p|r|1s> = 128 sqrt(6)/243).
    ``binom``, if given, is C(n+m, 2m+1) (callers with many levels update it exactly).
    """
    if binom is None:
        binom = math.comb(n + m, 2 * m + 1)
    x1, e1 = _ratio_pow(4 * n * m, (n + m) ** 2, 2 * m + 4)
    x2, e2 = _ratio_pow(n - m, n + m, 2 * n - 2 * m - 4)
    x3, e3 = _int_ratio_frexp(binom * 2 * m * (2 * m + 1), 16)
    x, e = math.frexp(x1 * x2 * x3)
    e += e1 + e2 + e3
    if e % 2:
        x, e = 2.0 * x, e - 1
    return math.sqrt(x), e // 2


_RESCALE_EVERY = 8          # steps between rescalings (growth < 1e14 per step: 8 steps < 2^400)
_RESCALE_AT = 2.0 ** 500


def _sh_step(lam: int, P1, M1, M2, cu, cl):
    """One downward step of the Storey–Hummer recursion (Storey & Hummer (1991) Eqs. (2.23),
    (2.24)), with P[λ] = <up, λ+1 | r | m, λ> and M[λ] = <up, λ-1 | r | m, λ>:

        P[λ] = [(2λ+3) c_up(λ+2) P[λ+1] + c_low(λ+2) M[λ+2]] / (2(λ+2) c_low(λ+1))
        M[λ] = [c_up(λ+1) P[λ] + (2λ+1) c_low(λ+1) M[λ+1]] / (2(λ+1) c_up(λ))

    c(ℓ) = sqrt(1 - ℓ²/ν²) for a state of principal quantum number ν: c_low from the lower
    level m, c_up from the upper level — integer, continued (ν real) or continuum (ν = i/k,
    c = sqrt(1 + ℓ²k²)): the ladder relations hold at any energy (Burgess 1965 recurs the
    bound–free integrals in the same way). Every coefficient is positive: no cancellation.
    ``cu[ℓ]``, ``cl[ℓ]``: floats, or rows of arrays (one column per pair of states).
    Returns (P[λ], M[λ]) from P1 = P[λ+1], M1 = M[λ+1], M2 = M[λ+2].
    """
    P0 = (((2 * lam + 3) * cu[lam + 2]) * P1 + cl[lam + 2] * M2) / (2 * (lam + 2) * cl[lam + 1])
    M0 = (cu[lam + 1] * P0 + ((2 * lam + 1) * cl[lam + 1]) * M1) / (2 * (lam + 1) * cu[lam])
    return P0, M0


def _rescale(P1, M1, M2, shift):
    """Divide by a power of two (exact) when the values grow past 2^500; shift counts it."""
    if isinstance(P1, float):
        if P1 > _RESCALE_AT or M1 > _RESCALE_AT:
            return P1 / _RESCALE_AT, M1 / _RESCALE_AT, M2 / _RESCALE_AT, shift + 500
        return P1, M1, M2, shift
    if np.any(P1 > _RESCALE_AT) or np.any(M1 > _RESCALE_AT):
        s = np.frexp(np.maximum(P1, M1))[1]
        return np.ldexp(P1, -s), np.ldexp(M1, -s), np.ldexp(M2, -s), shift + s
    return P1, M1, M2, shift


def _recursion(c_up, c_low, m: int, lam_stop: int, start, *, keep: bool = False):
    """The recursion of :func:`_sh_step` for a common lower level m, from the circular
    lower state: P[m-1] = start, M[m-1] = c_up(m) start/(2m c_up(m-1)) (Eq. (2.24) with
    P[m] = M[m] = 0), down to λ = lam_stop.

    ``c_up[ℓ]``, ``c_low[ℓ]`` for ℓ = 0..m (floats, or rows with one entry per upper state).
    Returns (P[lam_stop], M[lam_stop], shift): the true values are these times 2^shift
    (exact rescalings keep the mantissas in range; shift is an int or an int array). With
    ``keep=True`` (no rescaling: the caller keeps the values in range) returns the lists
    P, M over λ instead.
    """
    P1 = start
    M1 = c_up[m] * start / (2 * m * c_up[m - 1])
    M2 = 0.0 * start
    shift = 0
    if keep:
        P = [M2] * (m + 2)
        M = [M2] * (m + 2)
        P[m - 1], M[m - 1] = P1, M1
    for lam in range(m - 2, lam_stop - 1, -1):
        P0, M0 = _sh_step(lam, P1, M1, M2, c_up, c_low)
        P1, M2, M1 = P0, M1, M0
        if keep:
            P[lam], M[lam] = P0, M0
        elif lam % _RESCALE_EVERY == 0:
            P1, M1, M2, shift = _rescale(P1, M1, M2, shift)
    if keep:
        return P, M
    return P1, M1, shift


def _recursion_lower_levels(c_up, ms: np.ndarray, lam_stop: int, start: np.ndarray):
    """:func:`_recursion` for one upper level and the consecutive lower levels ``ms``
    (ascending), vectorised: the lower level m joins at λ = m - 1 with P[m-1] = start;
    returns (P[lam_stop], M[lam_stop], shift) per lower level, as :func:`_recursion`."""
    m0, size = int(ms[0]), ms.size
    mf = ms.astype(float)
    ll = np.arange(int(ms[-1]) + 1, dtype=float)[:, None]
    c_low = np.sqrt(np.maximum((mf - ll) * (mf + ll), 0.0)) / mf     # c(m, ℓ); 0 where ℓ >= m
    P1, M1, M2 = np.zeros(size), np.zeros(size), np.zeros(size)
    shift = np.zeros(size, dtype=int)
    for lam in range(int(ms[-1]) - 1, lam_stop - 1, -1):
        j0 = max(lam + 2 - m0, 0)              # levels m >= λ + 2 step down to λ
        if j0 < size:
            sl = slice(j0, size)
            P0, M0 = _sh_step(lam, P1[sl], M1[sl], M2[sl], c_up, c_low[:, sl])
            M2[sl], P1[sl], M1[sl] = M1[sl], P0, M0
        j = lam + 1 - m0                       # level m = λ + 1 starts at its circular state
        if 0 <= j < size:
            P1[j] = start[j]
            M1[j] = c_up[lam + 1] * start[j] / (2 * (lam + 1) * c_up[lam])
            M2[j] = 0.0
        if lam % _RESCALE_EVERY == 0:
            P1, M1, M2, shift = _rescale(P1, M1, M2, shift)
    return P1, M1, shift


def _c_list(nn: int, top: int) -> list:
    """c(ℓ) = sqrt((nn-ℓ)(nn+ℓ))/nn for ℓ = 0..top (exact products, one rounding each)."""
    ll = np.arange(top + 1, dtype=float)
    return (np.sqrt((nn - ll) * (nn + ll)) / nn).tolist()


def _diagonal(n: int, l_big: int) -> float:
    """<n, l_big | r | n, l_big - 1> = -(3/2) n sqrt(n² - l_big²) (Bethe & Salpeter §63)."""
    return -1.5 * n * math.sqrt((n - l_big) * (n + l_big))


def _bound_bound(n1: int, l1: int, n2: int, l2: int) -> float:
    """radial_dipole without input checks (|l1 - l2| = 1)."""
    if n1 == n2:
        return _diagonal(n1, max(l1, l2))
    if n1 < n2:
        (m, lam), (n_up, l_up) = (n1, l1), (n2, l2)
    else:
        (m, lam), (n_up, l_up) = (n2, l2), (n1, l1)
    x, e = _circular_start(n_up, m)
    P, M, shift = _recursion(_c_list(n_up, m), _c_list(m, m), m, lam, x)
    return math.ldexp(P if l_up == lam + 1 else M, e + shift)


def radial_dipole(n1, l1, n2, l2) -> float:
    """Radial dipole integral <n2 l2| r |n1 l1> = ∫ R_{n2 l2} R_{n1 l1} r³ dr in bohr.

    Bethe & Salpeter Eq. (63.2) (Gordon's formula), evaluated by the stable
    Storey & Hummer (1991) recursion, Eqs. (2.23)–(2.27); the diagonal n1 = n2 by the
    closed form -(3/2) n sqrt(n² - max(l1,l2)²) (Bethe & Salpeter §63). Symmetric in
    (n1, l1) <-> (n2, l2). Sign convention of sympy.physics.hydrogen.R_nl.

    Parameters
    ----------
    n1, l1 : int
        First state, 1 <= n1 <= N_MAX, 0 <= l1 < n1.
    n2, l2 : int
        Second state, 1 <= n2 <= N_MAX, 0 <= l2 < n2.

    Returns
    -------
    float
        The integral in bohr; exactly 0.0 when |l1 - l2| != 1 (dipole selection rule,
        not an error). Relative accuracy ~1e-15 for n <= 100, ~2e-15 at n = 500.

    Raises
    ------
    ValueError
        Non-integer or out-of-range quantum numbers (the message names the parameter).

    Examples
    --------
    >>> round(radial_dipole(1, 0, 2, 1), 12)        # 128 sqrt(6)/243
    1.29026620196
    >>> round(radial_dipole(2, 0, 2, 1), 12)        # -3 sqrt(3)
    -5.196152422707
    >>> radial_dipole(1, 0, 3, 0)
    0.0
    """
    n1, l1 = _check_nl(n1, l1, "n1", "l1")
    n2, l2 = _check_nl(n2, l2, "n2", "l2")
    for name, value in (("n1", n1), ("n2", n2)):
        if value > N_MAX:
            raise ValueError(f"{name} must be <= {N_MAX}, got {value}")
    if abs(l1 - l2) != 1:
        return 0.0
    return _bound_bound(n1, l1, n2, l2)


def _radial_dipole_levels(n: int, l: int, l2: int, n2) -> np.ndarray:
    """<n2 l2 | r | n l> for the consecutive levels n2 = l2+1, l2+2, … (bohr), vectorised.

    The same formulas as :func:`radial_dipole`: the levels above n share the lower level n
    and run through one recursion; the levels below n share the upper level n and run
    through :func:`_recursion_lower_levels`; the binomials of the start values are updated
    exactly from level to level; the start values carry separate binary exponents, so n2
    may exceed N_MAX. Built for the spectral rules (:mod:`hydrogen.spectrum`), which call
    it with valid arguments: unlike :func:`radial_dipole` it does **not** validate them
    (the preconditions below are the caller's responsibility; outside them the result
    is meaningless, not an error).

    Parameters
    ----------
    n, l : int
        The fixed state, n >= 1, 0 <= l < n.
    l2 : int
        Orbital angular momentum of the other levels, |l - l2| = 1.
    n2 : array_like of int
        Consecutive principal quantum numbers ``arange(l2 + 1, top + 1)`` (every level
        of the l2 series up to ``top``); may contain n (the diagonal integral).

    Returns
    -------
    ndarray of float
        ``<n2 l2 | r | n l>`` in bohr (sympy sign convention), same shape as ``n2``.

    Examples
    --------
    >>> r = _radial_dipole_levels(1, 0, 1, np.arange(2, 5))        # 1s -> 2p, 3p, 4p
    >>> [round(float(v), 12) for v in r]
    [1.29026620196, 0.516689242618, 0.304583803892]
    >>> r = _radial_dipole_levels(3, 0, 1, np.arange(2, 6))
    >>> bool(abs(r[0] / radial_dipole(3, 0, 2, 1) - 1) < 1e-15)
    True
    """
    n2 = np.asarray(n2, dtype=int)
    out = np.empty(n2.shape, dtype=float)
    down, same, up = n2 < n, n2 == n, n2 > n
    if np.any(down):                         # lower (m, l2), upper (n, l), m = l2+1 .. n-1
        ms = n2[down]
        binom = math.comb(n + int(ms[0]), 2 * int(ms[0]) + 1)
        starts = []
        for m in ms.tolist():
            starts.append(_circular_start(n, m, binom))
            binom = binom * (n + m + 1) * (n - m - 1) // ((2 * m + 2) * (2 * m + 3))
        x = np.array([v[0] for v in starts])
        e = np.array([v[1] for v in starts])
        P, M, shift = _recursion_lower_levels(_c_list(n, n), ms, l2, x)
        out[down] = np.ldexp(P if l == l2 + 1 else M, e + shift)
    if np.any(same):
        out[same] = _diagonal(n, max(l, l2))
    if np.any(up):                           # lower (n, l), upper (n2, l2)
        levels = n2[up]
        binom = math.comb(int(levels[0]) + n, 2 * n + 1)
        starts = []
        for v in levels.tolist():
            starts.append(_circular_start(v, n, binom))
            binom = binom * (v + n + 1) // (v - n)
        x = np.array([s[0] for s in starts])
        e = np.array([s[1] for s in starts])
        nu = levels.astype(float)
        ll = np.arange(n + 1, dtype=float)[:, None]
        c_up = np.sqrt((nu - ll) * (nu + ll)) / nu
        P, M, shift = _recursion(c_up, _c_list(n, n), n, l, x)
        out[up] = np.ldexp(P if l2 == l + 1 else M, e + shift)
    return out


def radial_dipole_matrix(nmax) -> np.ndarray:
    """All bound–bound radial dipole integrals with n, n' <= nmax, vectorised.

    Same formulas as :func:`radial_dipole` (Storey & Hummer (1991) Eqs. (2.23)–(2.27),
    Bethe & Salpeter §63), with the recursion run once per lower level m for all upper
    levels n > m at once.

    Parameters
    ----------
    nmax : int
        Largest principal quantum number, 1 <= nmax <= 200.

    Returns
    -------
    ndarray, shape (nmax+1, nmax+1, nmax)
        ``D[n1, n2, l] = <n2, l+1 | r | n1, l>`` in bohr (sympy sign convention); entries
        with no such pair of states (index 0, l >= n1, l+1 >= n2) are 0. The other
        dipole branch is the transpose: <n2, l-1 | r | n1, l> = ``D[n2, n1, l-1]``.

    Examples
    --------
    >>> D = radial_dipole_matrix(3)
    >>> bool(D[1, 2, 0] == radial_dipole(1, 0, 2, 1))
    True
    """
    nmax = _as_int("nmax", nmax, 1)
    if nmax > NMAX_MATRIX:
        raise ValueError(f"nmax must be <= {NMAX_MATRIX} (memory), got {nmax}")
    D = np.zeros((nmax + 1, nmax + 1, nmax))
    for n in range(2, nmax + 1):
        l = np.arange(n - 1)
        D[n, n, : n - 1] = -1.5 * n * np.sqrt((n - l - 1.0) * (n + l + 1.0))
    for m in range(1, nmax):
        n_up = np.arange(m + 1, nmax + 1).astype(float)
        start = np.array([math.ldexp(*_circular_start(int(v), m)) for v in n_up])  # normal for n <= 200
        ll = np.arange(m + 1, dtype=float)[:, None]
        c_up = np.sqrt((n_up - ll) * (n_up + ll)) / n_up
        P, M = _recursion(c_up, _c_list(m, m), m, 0, start, keep=True)
        for lam in range(m):
            D[m, m + 1:, lam] = P[lam]                   # <n, λ+1 | r | m, λ>
            if lam >= 1:
                D[m + 1:, m, lam - 1] = M[lam]           # <m, λ | r | n, λ-1>
    return D


# ---------------------------------------------------------------------------
# Bound–free integrals and the dipole density across threshold
# ---------------------------------------------------------------------------

def _artanh_ratio(s: np.ndarray) -> np.ndarray:
    """Φ(s) = artanh(√s)/√s (s > 0), arctan(√-s)/√-s (s < 0), 1 at s = 0; analytic in s."""
    out = np.empty_like(s)
    small = np.abs(s) < 1e-4
    ss = s[small]
    acc = np.zeros_like(ss)
    for p in range(7, -1, -1):                   # Σ s^p/(2p+1), error < s^8/17 < 1e-33
        acc = acc * ss + 1.0 / (2 * p + 1)
    out[small] = acc
    pos = ~small & (s > 0)
    rp = np.sqrt(s[pos])
    out[pos] = np.arctanh(rp) / rp
    neg = ~small & (s < 0)
    rn = np.sqrt(-s[neg])
    out[neg] = np.arctan(rn) / rn
    return out


_LN2_HI = 6.93147180369123816490e-01      # fdlibm's split of ln 2: k·_LN2_HI is exact
_LN2_LO = 1.90821492927058770002e-10      # for |k| < 2^20


def _exp_frexp(g: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """e^g as (x, k) with e^g = x·2^k, for any size of g (Cody–Waite reduction)."""
    k = np.floor(g / math.log(2.0) + 0.5)
    r = (g - k * _LN2_HI) - k * _LN2_LO
    return np.exp(r), k.astype(int)


@lru_cache(maxsize=64)
def _circular_constant(m: int) -> tuple[float, int]:
    """(4m)^{2m+4} / (16 (2m-1)!) as (x, e), value x·2^e (exact integers, rounded once)."""
    return _int_ratio_frexp((4 * m) ** (2 * m + 4), 16 * math.factorial(2 * m - 1))


def _circular_amplitude(m: int, E: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """sqrt of the dipole density of (m, m-1) -> (E, m) as (x, e), value x·2^e.

    Eq. (2.27) of Storey & Hummer with the upper n continued to ν = (-2E)^{-1/2}: with
    Γ(ν+m+1)/Γ(ν-m) = ν^{2m+1} Π_{s≤m}(1 - s²/ν²) and ((ν-m)/(ν+m))^{2ν} = e^{-4mΦ(m²/ν²)},

        ν³ R0² = (4m)^{2m+4}/(16 (2m-1)!) · Π_{s=1}^{m} (1 + 2s²E) (1 + 2m²E)^{-2m-4}
                 · exp(-4m Φ(-2m²E)),

    analytic in E across threshold (for E > 0 the energy-normalised density has the extra
    factor T(E) = 1/(1 - e^{-2π/k}), applied by the caller). Magnitudes down to 1e-2000
    occur at large m and E, hence the separate exponents.
    """
    xk, ek = _circular_constant(m)
    base = 1.0 + 2.0 * m * m * E
    base2 = base * base
    x = np.full(E.shape, xk)
    e = np.full(E.shape, ek, dtype=int)
    for s in range(1, m + 1):
        x = x * ((1.0 + 2.0 * s * s * E) / base2)
        if s % 8 == 0 or s == m:        # each factor >= 1/(2m⁴E): 8 of them stay normal
            x, de = np.frexp(x)
            e += de
    x, de = np.frexp(x / (base2 * base2))
    e += de
    odd = e % 2 == 1
    x = np.where(odd, 2.0 * x, x)
    e = np.where(odd, e - 1, e)
    xg, eg = _exp_frexp(-2.0 * m * _artanh_ratio(-2.0 * m * m * E))
    return np.sqrt(x) * xg, e // 2 + eg


def _thermal(E: np.ndarray) -> np.ndarray:
    """T(E) = 1/(1 - e^{-2π/k}) for E = k²/2 > 0, 1 for E <= 0.

    1/(1 - exp(-2π/k)) = e^{π/k} |Γ(1 - i/k)|² k/(2π): from C_l(η)² of the energy-normalised
    Coulomb function; the rest of C_l² continues the bound normalisation.
    """
    out = np.ones_like(E)
    pos = E > 0
    out[pos] = -1.0 / np.expm1(-2.0 * np.pi / np.sqrt(2.0 * E[pos]))
    return out


def _continued_amplitude(n: int, l: int, l2: int, E: np.ndarray):
    """(x, e): ν^{3/2}<ν l2|r|n l> continued in E (value x·2^e), times sqrt T(E) above 0.

    The recursion of :func:`_recursion` from the circular lower state (n, n-1) down to l,
    with c_up(ℓ) = sqrt(1 + 2ℓ²E) for the upper state of energy E; n steps, vectorised
    over E.
    """
    x0, e0 = _circular_amplitude(n, E)
    ll = np.arange(n + 1, dtype=float)[:, None]
    c_up = np.sqrt(1.0 + 2.0 * (ll * ll) * E[None, :])
    P, M, shift = _recursion(c_up, _c_list(n, n), n, l, x0)
    return (P if l2 == l + 1 else M) * np.sqrt(_thermal(E)), e0 + shift


def _check_transition(n, l, l2):
    n, l = _check_nl(n, l)
    l2 = _as_int("l2", l2, 0)
    return n, l, l2


def dipole_density(n, l, l2, E):
    """Squared radial dipole integral per unit energy, analytic across threshold.

    * E > 0:  |<E l2| r |n l>|², energy-normalised continuum (Bethe & Salpeter §§69–71;
      Burgess 1965), bohr²/hartree;
    * E < 0:  ν³ <ν l2| r |n l>², ν = (-2E)^{-1/2} real (> n), the analytic continuation
      in the principal quantum number of the bound–bound integral (Gordon's formula,
      B&S Eq. (63.2)); at integer ν it equals ν³ radial_dipole(n, l, ν, l2)² (dE/dν = ν⁻³).

    Evaluated by the Storey–Hummer recursion in l at the fixed energy E (Storey & Hummer
    (1991) Eqs. (2.23)–(2.24), with c(ℓ) = sqrt(1 + 2ℓ²E); Burgess 1965 for bound-free),
    from the circular lower state (n, n-1), whose density is the closed form of
    Eq. (2.27) continued in the upper principal quantum number:

        D_circ = (4n)^{2n+4}/(16 (2n-1)!) Π_{s=1}^{n}(1 + 2s²E) (1 + 2n²E)^{-2n-4}
                 e^{-4nΦ(-2n²E)} T(E),

    Φ(x) = artanh(√x)/√x (= arctan(√-x)/√-x for x < 0), T = 1 for E <= 0 and
    1/(1 - e^{-2π/k}) for E > 0. C^∞ across E = 0; every term of the recursion is positive
    (no cancellation). Exact at high energy (e.g. 1s -> p: 256 (1+k²)^{-5}
    e^{-4 arctan(k)/k}/(1 - e^{-2π/k}), falling as E^{-9/2}).

    Parameters
    ----------
    n, l : int
        Lower bound state, n >= 1, 0 <= l < n. Cost: n vector operations on E.
    l2 : int
        Orbital angular momentum of the upper (Rydberg or continuum) state, >= 0.
    E : float or array_like
        Energy of the upper state in hartree; finite and > E_n = -1/(2n²) (the integral
        diverges as ν -> n⁺). Accuracy ~1e-14 relative for n <= 40 (~n ulp in general).

    Returns
    -------
    float or ndarray
        bohr²/hartree, same shape as ``E``; zeros when |l - l2| != 1 (selection rule).

    Examples
    --------
    >>> round(float(dipole_density(1, 0, 1, 0.0)), 12)          # 256 e^{-4}
    4.688803555516
    >>> round(float(dipole_density(1, 0, 1, -0.125) / 8), 12)   # radial_dipole(1,0,2,1)²
    1.66478687192
    """
    n, l, l2 = _check_transition(n, l, l2)
    E_arr = np.asarray(E, dtype=float)
    if not np.all(np.isfinite(E_arr)):
        raise ValueError("E must be finite (hartree)")
    e_n = -0.5 / (n * n)
    if np.any(E_arr <= e_n):
        raise ValueError(f"E must be > E_n = {e_n!r} hartree (upper state above the lower "
                         f"one, nu > n = {n}); downward transitions: use radial_dipole")
    if abs(l - l2) != 1:
        out = np.zeros(E_arr.shape)
    else:
        x, e = _continued_amplitude(n, l, l2, np.atleast_1d(E_arr).ravel())
        xm, ex = np.frexp(x)
        out = np.ldexp(xm * xm, 2 * (e + ex)).reshape(E_arr.shape)
    return float(out) if out.ndim == 0 else out


def radial_dipole_continuum(n, l, k, l2):
    """Bound–free radial integral <E l2| r |n l> (bohr · hartree^{-1/2}), E = k²/2.

    Energy-normalised continuum R_El = sqrt(2/(πk)) F_l(-1/k, kr)/r (positive near the
    origin; phase shift in the asymptotic sin(kr + ln(2kr)/k - lπ/2 + σ_l)). Bethe &
    Salpeter §§69–71, Burgess (1965); evaluated as in :func:`dipole_density` (its square).

    Parameters
    ----------
    n, l : int
        Bound state, n >= 1, 0 <= l < n.
    k : float or array_like
        Wave number in inverse bohr, finite and > 0.
    l2 : int
        Continuum orbital angular momentum, >= 0.

    Returns
    -------
    float or ndarray
        Same shape as ``k``; zeros when |l - l2| != 1. Its square is
        ``dipole_density(n, l, l2, k**2/2)``.

    Examples
    --------
    >>> round(float(radial_dipole_continuum(1, 0, 1.0, 1)), 12)   # sqrt(8/(e^π - e^-π))
    0.588522004788
    """
    n, l, l2 = _check_transition(n, l, l2)
    k_arr = np.asarray(k, dtype=float)
    if not np.all(np.isfinite(k_arr)) or np.any(k_arr <= 0):
        raise ValueError("k must be finite and > 0 (inverse bohr)")
    if abs(l - l2) != 1:
        out = np.zeros(k_arr.shape)
    else:
        x, e = _continued_amplitude(n, l, l2, 0.5 * np.atleast_1d(k_arr).ravel() ** 2)
        out = np.ldexp(x, e).reshape(k_arr.shape)
    return float(out) if out.ndim == 0 else out


# ---------------------------------------------------------------------------
# Angular factors, Cartesian matrix elements, p_E tensor, oscillator strengths
# ---------------------------------------------------------------------------

def _check_lm(l, m, l_name, m_name):
    l = _as_int(l_name, l, 0)
    m = _as_int(m_name, m)
    if abs(m) > l:
        raise ValueError(f"{m_name} must satisfy |{m_name}| <= {l_name} = {l}, got {m}")
    return l, m


def angular_dipole(l1, m1, l2, m2, q) -> float:
    """Angular factor <l2 m2| C^1_q |l1 m1> of the spherical dipole r_q = r C^1_q.

    C^1_q = sqrt(4π/3) Y_1q (Condon–Shortley), so r_0 = z and r_{±1} = ∓(x ± iy)/√2;
    <l2 m2|C^1_q|l1 m1> = (-1)^{m2} sqrt((2l1+1)(2l2+1)) (l2 1 l1; -m2 q m1)(l2 1 l1; 0 0 0)
    (Edmonds, *Angular Momentum in Quantum Mechanics*, §5.4), in closed form
    (Bethe & Salpeter §60).

    Parameters
    ----------
    l1, m1 : int
        Initial orbital state, |m1| <= l1.
    l2, m2 : int
        Final orbital state, |m2| <= l2.
    q : int
        Spherical component, -1, 0 or 1.

    Returns
    -------
    float
        Dimensionless; 0.0 unless |l1 - l2| = 1 and m2 = m1 + q (selection rules).

    Examples
    --------
    >>> round(angular_dipole(0, 0, 1, 0, 0), 12)      # 1/sqrt(3)
    0.57735026919
    """
    l1, m1 = _check_lm(l1, m1, "l1", "m1")
    l2, m2 = _check_lm(l2, m2, "l2", "m2")
    q = _as_int("q", q)
    if q not in (-1, 0, 1):
        raise ValueError(f"q must be -1, 0 or 1, got {q}")
    if m2 != m1 + q or abs(l1 - l2) != 1:
        return 0.0
    l, m = l1, m1
    if l2 == l + 1:
        if q == 0:
            return math.sqrt((l + 1 - m) * (l + 1 + m) / ((2 * l + 1) * (2 * l + 3)))
        if q == 1:
            return math.sqrt((l + m + 1) * (l + m + 2) / (2 * (2 * l + 1) * (2 * l + 3)))
        return math.sqrt((l - m + 1) * (l - m + 2) / (2 * (2 * l + 1) * (2 * l + 3)))
    if q == 0:
        return math.sqrt((l - m) * (l + m) / ((2 * l - 1) * (2 * l + 1)))
    if q == 1:
        return -math.sqrt((l - m) * (l - m - 1) / (2 * (2 * l - 1) * (2 * l + 1)))
    return -math.sqrt((l + m) * (l + m - 1) / (2 * (2 * l - 1) * (2 * l + 1)))


def cartesian_dipole(n1, l1, m1, n2, l2, m2) -> np.ndarray:
    """Cartesian dipole matrix element <n2 l2 m2| x^i |n1 l1 m1>, i = x, y, z (bohr).

    x = (r_{-1} - r_{+1})/√2, y = i(r_{-1} + r_{+1})/√2, z = r_0, each
    <n2 l2 m2|r_q|n1 l1 m1> = radial_dipole(n1,l1,n2,l2) · angular_dipole(l1,m1,l2,m2,q)
    (Wigner–Eckart; standard complex spherical harmonics, Condon–Shortley phase).

    Parameters
    ----------
    n1, l1, m1 : int
        Initial bound state.
    n2, l2, m2 : int
        Final bound state.

    Returns
    -------
    ndarray of complex, shape (3,)
        The vector (x, y, z) component-wise; zero when selection rules forbid.

    Examples
    --------
    >>> d = cartesian_dipole(1, 0, 0, 2, 1, 0)
    >>> round(float(d[2].real), 12)                    # z: 128 sqrt(2)/243
    0.744935539028
    """
    n1, l1 = _check_nl(n1, l1, "n1", "l1")
    n2, l2 = _check_nl(n2, l2, "n2", "l2")
    _check_lm(l1, m1, "l1", "m1")
    _check_lm(l2, m2, "l2", "m2")
    radial = radial_dipole(n1, l1, n2, l2)
    a = {q: angular_dipole(l1, m1, l2, m2, q) for q in (-1, 0, 1)}
    s = 1.0 / math.sqrt(2.0)
    return radial * np.array([s * (a[-1] - a[1]), 1j * s * (a[-1] + a[1]), a[0]],
                             dtype=complex)


def p_tensor(n1, l1, m1, n2, l2) -> np.ndarray:
    """Σ_{m2} <n1 l1 m1|x^i|n2 l2 m2><n2 l2 m2|x^j|n1 l1 m1> in bohr².

    The paper's Eq. (12), p_E(n, m)^{ij}, without the factor e², summed over the
    degenerate sublevels m2 of the intermediate level (n2, l2). Hermitian; real and
    symmetric for m1 = 0; (R²/3)·identity for an S state (R = radial_dipole).

    Parameters
    ----------
    n1, l1, m1 : int
        The state |n⟩ of Eq. (12).
    n2, l2 : int
        The intermediate level (all m2).

    Returns
    -------
    ndarray of complex, shape (3, 3)

    Examples
    --------
    >>> P = p_tensor(1, 0, 0, 2, 1)
    >>> bool(np.allclose(P, np.eye(3) * radial_dipole(1, 0, 2, 1) ** 2 / 3))
    True
    """
    n1, l1 = _check_nl(n1, l1, "n1", "l1")
    n2, l2 = _check_nl(n2, l2, "n2", "l2")
    _check_lm(l1, m1, "l1", "m1")
    out = np.zeros((3, 3), dtype=complex)
    for m2 in range(-l2, l2 + 1):
        d = cartesian_dipole(n1, l1, m1, n2, l2, m2)
        out += np.outer(d.conj(), d)
    return out


def oscillator_strength(n1, l1, n2, l2) -> float:
    """Absorption oscillator strength f(n1 l1 -> n2 l2), m1-averaged, m2-summed.

    f = (2/3) (E2 - E1) max(l1, l2)/(2 l1 + 1) R², R = radial_dipole (atomic units;
    Bethe & Salpeter §§61, 63). Negative for emission (E2 < E1); 0.0 for
    |l1 - l2| != 1 or n1 = n2.

    Parameters
    ----------
    n1, l1 : int
        Initial state, 1 <= n1 <= N_MAX, 0 <= l1 < n1 (validated as in
        :func:`radial_dipole`).
    n2, l2 : int
        Final state, 1 <= n2 <= N_MAX, 0 <= l2 < n2.

    Returns
    -------
    float
        Dimensionless f; the emission value obeys (2l2+1) f(2 -> 1) = -(2l1+1) f(1 -> 2).

    Examples
    --------
    >>> round(oscillator_strength(1, 0, 2, 1), 12)    # 2^13/3^9
    0.41619671798
    >>> round(oscillator_strength(2, 1, 1, 0), 12)    # emission: -2^13/3^10
    -0.138732239327
    """
    r = radial_dipole(n1, l1, n2, l2)
    if r == 0.0:
        return 0.0
    d_e = 0.5 / (n1 * n1) - 0.5 / (n2 * n2)
    return (2.0 / 3.0) * d_e * max(l1, l2) / (2 * l1 + 1) * r * r


def oscillator_strength_density(n, l, l2, E):
    """df/dE for n l -> (E, l2): (2/3)(E - E_n) max(l, l2)/(2l+1) dipole_density (1/hartree).

    Continuum (E > 0) and, for E < 0, the Rydberg series smoothed: ν³ f(n l -> ν l2)
    (Bethe & Salpeter §69); continuous at E = 0.

    Parameters
    ----------
    n, l : int
        Lower bound state, n >= 1, 0 <= l < n.
    l2 : int
        Orbital angular momentum of the upper (Rydberg or continuum) state, >= 0.
    E : float or array_like
        Energy of the upper state in hartree, finite and > E_n = -1/(2n²) (as for
        :func:`dipole_density`).

    Returns
    -------
    float or ndarray
        df/dE in 1/hartree, same shape as ``E``; zeros when |l - l2| != 1.

    Examples
    --------
    >>> round(float(oscillator_strength_density(1, 0, 1, 0.0)), 12)   # (2^8/3) e^{-4}
    1.562934518505
    >>> round(float(oscillator_strength_density(1, 0, 1, -0.125) / 8), 12)   # f(1s-2p)
    0.41619671798
    """
    dens = dipole_density(n, l, l2, E)
    E_arr = np.asarray(E, dtype=float)
    out = (2.0 / 3.0) * (E_arr + 0.5 / (n * n)) * max(l, l2) / (2 * l + 1) * dens
    return float(out) if np.ndim(out) == 0 else out
