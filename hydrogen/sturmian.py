"""Dynamic dipole polarizability of hydrogen nS states from the Coulomb-Sturmian series.

An independent route to α_n(ω) (it shares no code with ``dipole``, ``spectrum`` or
``sums``): instead of summing oscillator strengths over the discrete and continuum
spectrum, it evaluates the l = 1 Coulomb Green's function in the Coulomb-Sturmian basis
whose exponent λ is tied to the (complex) energy, where the Green's function is a diagonal
series (Hostler's Sturmian expansion), and the dipole source has closed-form overlaps.

Atomic units (hartree, bohr), infinite nuclear mass, E_n = -1/(2n²). The polarizability is
the standard positive one,

    α_n(ω) = Σ'_m f_nm/(ω_nm² - ω²),   f_nm = 2 ω_nm |⟨m|z|n⟩|²,   ω_nm = E_m - E_n,   (S1)

(α_1s(0) = 9/2 bohr³); at imaginary frequency α_n(iu) = Σ'_m f_nm/(ω_nm² + u²).

Derivation (numbered (S1)-(S7) below; each function cites the ones it implements)
--------------------------------------------------------------------------------------
For |n⟩ = R_n0(r) Y_00, z|n⟩ = 3^{-1/2} r R_n0 Y_10, so with radial functions in "P form"
(r times the radial function) and f(r) = r² R_n0(r),

    α_n(ω) = (1/3) Σ_{s=±1} ⟨f| G_1(E_n + sω) |f⟩,   G_1(E) = (h_1 - E)^{-1},        (S2)
    h_1 = -½ d²/dr² + 1/r² - 1/r,

a bilinear form (no complex conjugation). Write E = -λ²/2 with Re λ > 0. The Coulomb
Sturmians S_k(r) = r² e^{-λr} L_k^{(3)}(2λr) obey (h_1 - E) S_k = ((k+2)λ - 1) S_k / r and
∫ S_j S_k dr/r = δ_jk h_k/(2λ)⁴, h_k = (k+1)(k+2)(k+3); they are complete, hence

    ⟨a|G_1(E)|b⟩ = Σ_k (2λ)⁴ A_k B_k / (h_k ((k+2)λ - 1)),   A_k = ∫ S_k a dr.         (S3)

For a source a = Σ_m c_m r^m e^{-r/n}, the generating function of the Laguerre polynomials
gives the overlaps in closed form, with p = λ + 1/n and Q = (λ - 1/n)/(λ + 1/n):

    ∫ r^{m+2} e^{-pr} L_k^{(3)}(2λr) dr = (m+2)!/p^{m+3} [t^k] (1-t)^{m-1} (1+Qt)^{-(m+3)}
        = (m+2)!/p^{m+3} Σ_j C(m-1, j) (-1)^j C(k-j+m+2, m+2) (-Q)^{k-j}.            (S4)

The terms of (S3) fall off as |Q|^{2k} k^{2m}: geometric for every ω off the real axis
above threshold (|Q| < 1 iff Re λ > 0), slowly (|Q|² ≈ 1 - 2/√u) at large u.

Large |ω|: with g = (h_1 - E_n) f = -r R_n0'(r) (the P form of -∂_zψ,
since [H, z] = -∂_z) and the TRK sum rule (2/3)⟨f|h_1 - E_n|f⟩ = S(0) = 1, the resolvent
identity (A - c)^{-1} = -1/c - A/c² + A²(A - c)^{-1}/c² (A = h_1 - E_n, c = sω) gives

    α_n(ω) = [-1 + (1/3) Σ_s ⟨g| G_1(E_n + sω) |g⟩] / ω²,                              (S5)

which at ω = iu isolates the exact 1/u² and leaves a correction of relative size 1/u²,
so the float64 result keeps full relative accuracy up to arbitrarily large u.

Degenerate level (n ≥ 2): in (S3) the term k* = n - 2 has a pole at λ0 = 1/n (the np level,
ω_nm = 0). In the spectral sum (S1) the np term is 2·0·|z|²/(0 + u²) = 0 for every u > 0,
and the pole residues of the two signs s cancel exactly in (S2). With B(λ) = (2λ)⁴F_k*²/h_k*
(F_k* the (S4) overlap of f/N_n, N_n² = 4/n⁵) and δ_s = λ_s - λ0 = -2sω/(λ_s + λ0),

    Σ_s B(λ_s)/(n δ_s) = (2 B(λ0)/n)/(λ_+ + λ_-) + (1/n) Σ_s Σ_{j≥1} B_j δ_s^{j-1},    (S6)

(B_j the Taylor coefficients of B at λ0, computed exactly in rational arithmetic), which is
free of cancellation. So α_ns(iu) is finite and smooth for u > 0 and tends, as u → 0+, to
the polarizability with the np level excluded; at u = 0 itself the np term is 0/0, its
value set by the (here absent) Lamb shift: the functions raise ValueError there.

Small ω, exact: the reduced resolvent maps e^{-r/n}·polynomial to e^{-r/n}·polynomial
(h_1 - E_n acts on r^j e^{-r/n} as r^j → (1 - j(j-1)/2) r^{j-2} + (j/n - 1) r^{j-1}), so
the Dalgarno-Lewis moments

    S(-2j-2) = Σ'_m f_nm ω_nm^{-2j-2} = (2/3) ⟨f| A'^{-(2j+1)} |f⟩                       (S7)

(A' = h_1 - E_n restricted to the complement of np) are exact rationals, and
α_n(ω) = Σ_j S(-2j-2) ω^{2j} for |ω| below the first resonance. This route shares nothing
with (S3)-(S6) and is used to check them.

References: the Sturmian expansion of the Coulomb Green's function, L. Hostler, J. Math.
Phys. 5, 591 (1964) and M. Rotenberg, Adv. At. Mol. Phys. 6, 233 (1970); A. Dalgarno and
J. T. Lewis, Proc. R. Soc. A 233, 70 (1955); closed forms for 1s: M. Gavrila, Phys. Rev.
163, 147 (1967), M. I. Chibisov, Dokl. Akad. Nauk SSSR (1970) (used in the tests).
"""
from __future__ import annotations

import functools
import math
import numbers
from fractions import Fraction

import mpmath
import numpy as np

__all__ = ["alpha_iu_sturmian", "alpha_iu_sturmian_mp", "alpha_real_sturmian",
           "alpha_real_sturmian_mp", "first_resonance", "static_polarizability_exact",
           "inverse_oscillator_sums_exact"]

# Largest n served by the float64 functions: the overlaps (S4) of R_n0 are alternating sums
# whose cancellation grows like 2^n; up to n = 6 the measured float64 error is ≤ 2e-13
# (≤ 2e-14 for n ≤ 4), at n = 8 it reaches 4e-11.
N_MAX_FLOAT = 6
# Relative truncation target of the series (S3), below float64 rounding.
_TOL_FLOAT = 1e-17
# |δ_s| < _TAYLOR_RADIUS·λ0 uses the Taylor form (S6); B is analytic for |δ| < 2λ0, so 24
# terms leave (0.25/2)^24 ~ 2e-22 relative.
_TAYLOR_RADIUS = 0.25
_TAYLOR_TERMS = 24
# Above u = _G_FORM_SWITCH/n² the float64 path uses (S5) instead of (S2).
_G_FORM_SWITCH = 1.0
_CHUNK_MIN = 64
_K_MAX = 50_000_000


# ----------------------------------------------------------------------------- validation
def _check_n(n) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral):
        raise TypeError(f"n must be an integer >= 1 (principal quantum number), got {n!r}")
    n = int(n)
    if n < 1:
        raise ValueError(f"n must be an integer >= 1 (principal quantum number), got {n}")
    return n


def _check_n_float(n) -> int:
    n = _check_n(n)
    if n > N_MAX_FLOAT:
        raise ValueError(f"n must be <= {N_MAX_FLOAT} for the float64 functions (the overlap "
                         f"sums lose ~2^n in accuracy); got n = {n}: use the _mp variants")
    return n


def first_resonance(n) -> Fraction:
    """Smallest |E_m - E_n| > 0 over the np levels reachable from nS, in hartree.

    Real frequencies |ω| below it are served by :func:`alpha_real_sturmian`.

    Parameters
    ----------
    n : int
        Principal quantum number of the S state, n >= 1.

    Returns
    -------
    fractions.Fraction
        E_{n+1} - E_n, or E_3 - E_2 = 5/72 for n = 2 (no 1p level), hartree.

    Examples
    --------
    >>> first_resonance(1)
    Fraction(3, 8)
    """
    n = _check_n(n)
    up = Fraction(1, 2 * n * n) - Fraction(1, 2 * (n + 1) ** 2)
    if n >= 3:
        return min(up, Fraction(1, 2 * (n - 1) ** 2) - Fraction(1, 2 * n * n))
    return up


def _as_real_array(x, name: str) -> np.ndarray:
    try:
        arr = np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise TypeError(f"{name} must be real (float or array of floats), got {x!r}") from None
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite, got {x!r}")
    return arr


# ------------------------------------------------------------------ sources, exact algebra
@functools.lru_cache(maxsize=None)
def _laguerre1(n: int) -> tuple:
    """Coefficients of L_{n-1}^{(1)}(2r/n) in powers of r (exact): R_n0 = N_n e^{-r/n}·this."""
    return tuple(Fraction(math.comb(n, n - 1 - i) * (-1) ** i * 2 ** i, n ** i * math.factorial(i))
                 for i in range(n))


@functools.lru_cache(maxsize=None)
def _source(n: int, form: str) -> tuple:
    """Monomials (m, c_m) of f = r² R_n0 ('f') or g = -r R_n0' ('g'), divided by N_n e^{-r/n}.

    N_n² = 4/n⁵ (normalisation of R_n0) is applied by the callers.
    """
    a = _laguerre1(n)
    out: dict[int, Fraction] = {}
    if form == "f":
        for i, ai in enumerate(a):
            out[i + 2] = out.get(i + 2, Fraction(0)) + ai
    else:
        for i, ai in enumerate(a):
            out[i + 1] = out.get(i + 1, Fraction(0)) + ai / n
            if i >= 1:
                out[i] = out.get(i, Fraction(0)) - i * ai
    return tuple(sorted((m, c) for m, c in out.items() if c != 0))


def _norm2(n: int) -> Fraction:
    return Fraction(4, n ** 5)


@functools.lru_cache(maxsize=None)
def _overlap_terms(n: int, form: str) -> tuple:
    """Flattened (m, j, C) of (S4): A_k = Σ C·p^{-(m+3)} C(k-j+m+2, m+2) (-Q)^{k-j}."""
    terms = []
    for m, c in _source(n, form):
        for j in range(m):                      # C(m-1, j) with j = 0..m-1
            terms.append((m, j, c * math.factorial(m + 2) * math.comb(m - 1, j) * (-1) ** j))
    return tuple(terms)


# --- truncated power series in δ = λ - 1/n with Fraction coefficients, for (S6)
def _ps_mul(a, b, J):
    return [sum(a[i] * b[k - i] for i in range(k + 1)) for k in range(J)]


def _ps_pow(a, e, J):
    out = [Fraction(1)] + [Fraction(0)] * (J - 1)
    for _ in range(e):
        out = _ps_mul(out, a, J)
    return out


@functools.lru_cache(maxsize=None)
def _pole_taylor(n: int) -> tuple:
    """Exact Taylor coefficients B_j, j < _TAYLOR_TERMS, of B(λ) = (2λ)⁴F_k*²/h_k* at λ0 = 1/n.

    F_k* is the (S4) overlap of f (without N_n) with the Sturmian k* = n - 2, the one whose
    denominator (k*+2)λ - 1 = nδ vanishes at the degenerate np level (Eq. (S6)).
    """
    J = _TAYLOR_TERMS
    lam0 = Fraction(1, n)
    k = n - 2
    two_lam0 = 2 * lam0
    # 1/p = 1/(2λ0 + δ) and Q = δ/(2λ0 + δ) as power series in δ
    inv_p = [Fraction((-1) ** j) / two_lam0 ** (j + 1) for j in range(J)]
    Q = [Fraction(0)] + inv_p[:J - 1]
    mQ = [-x for x in Q]
    F = [Fraction(0)] * J
    for m, j, C in _overlap_terms(n, "f"):
        if j > k:
            continue
        term = _ps_mul(_ps_pow(inv_p, m + 3, J), _ps_pow(mQ, k - j, J), J)
        b = math.comb(k - j + m + 2, m + 2)
        F = [x + C * b * y for x, y in zip(F, term)]
    lam = [lam0, Fraction(1)] + [Fraction(0)] * (J - 2)
    two_lam4 = _ps_pow([2 * x for x in lam], 4, J)
    h = (k + 1) * (k + 2) * (k + 3)
    B = _ps_mul(_ps_mul(F, F, J), two_lam4, J)
    return tuple(x / h for x in B)


# ---------------------------------------------------------------------- float64 series
def _binom_float(N: np.ndarray, r: int) -> np.ndarray:
    """C(N, r) for integer arrays N (0 where N < r), as float."""
    out = np.ones(N.shape)
    for i in range(1, r + 1):
        out *= (N - r + i) / i
    return np.where(N >= r, out, 0.0)


def _neg_q_powers(mq: np.ndarray, e: np.ndarray) -> np.ndarray:
    """(-Q)^e for complex -Q (shape (P,1)) and integer e (shape (1,B)); 0 for e < 0, 0^0 = 1."""
    zero = mq == 0
    safe = np.where(zero, 1.0, mq)
    with np.errstate(over="ignore", under="ignore"):
        pw = np.exp(np.log(safe) * np.maximum(e, 0))
    pw = np.where(zero, np.where(e == 0, 1.0, 0.0), pw)
    return np.where(e >= 0, pw, 0.0)


def _series_float(n: int, form: str, lam: np.ndarray, atol_fn, skip_pole: np.ndarray):
    """Σ_k of (S3) for each λ (complex array), f or g source, until the tail bound < atol.

    ``atol_fn(S)`` returns the per-point absolute tolerance on the partial sums S.
    ``skip_pole`` marks points where the k* = n - 2 term is left out (added via (S6)).
    The tail bound after K terms: every (m, j) piece of the overlap envelope
    E_k = Σ|C| |p|^{-(m+3)} C(k-j+m+2, m+2) |Q|^{k-j} shrinks by at most
    r = |Q| (1 + (m_max+2)/(K - m_max + 2)) per step, h_k grows and |(k+2)λ - 1| ≥
    |λ| (k + 2 - 1/|λ|), so Σ_{k≥K} |T_k| ≤ E_K² |2λ|⁴ / (h_K |λ| (K + 2 - 1/|λ|)) / (1 - r²).
    """
    terms = _overlap_terms(n, form)
    cf = [(m, j, float(C) * math.sqrt(float(_norm2(n)))) for m, j, C in terms]
    m_max = max(m for m, _, _ in cf)
    P = lam.size
    p = lam + 1.0 / n
    mq = -((lam - 1.0 / n) / p)
    aq = np.abs(mq)
    inv_p = {m: p ** (-(m + 3)) for m in {m for m, _, _ in cf}}
    abs_inv_p = {m: np.abs(v) for m, v in inv_p.items()}
    S = np.zeros(P, dtype=complex)
    active = np.ones(P, dtype=bool)
    k0 = 0
    chunk = _CHUNK_MIN
    kstar = n - 2
    while np.any(active):
        idx = np.nonzero(active)[0]
        k = np.arange(k0, k0 + chunk)
        kk = k[None, :]
        A = np.zeros((idx.size, chunk), dtype=complex)
        for m, j, C in cf:
            A += (C * inv_p[m][idx])[:, None] * _binom_float(kk - j + m + 2, m + 2) \
                * _neg_q_powers(mq[idx][:, None], kk - j)
        lam_i = lam[idx][:, None]
        h = ((k + 1) * (k + 2) * (k + 3)).astype(float)[None, :]
        T = A * A * (2 * lam_i) ** 4 / (h * ((kk + 2) * lam_i - 1.0))
        if 0 <= kstar and k0 <= kstar < k0 + chunk:
            T[skip_pole[idx], kstar - k0] = 0.0
        S[idx] += T.sum(axis=1)
        k0 += chunk
        # grow the chunk geometrically, but keep the (points × chunk) arrays near 2**21 entries
        chunk = max(_CHUNK_MIN, min(2 * chunk, (1 << 21) // max(int(active.sum()), 1)))
        # rigorous tail bound beyond K = k0
        K = k0
        env = np.zeros(idx.size)
        for m, j, C in cf:
            env += abs(C) * abs_inv_p[m][idx] * math.comb(K - j + m + 2, m + 2) \
                * aq[idx] ** (K - j)
        absl = np.abs(lam[idx])
        r = aq[idx] * (1 + (m_max + 2) / (K - m_max + 2))
        gap = K + 2 - 1.0 / absl
        with np.errstate(divide="ignore", invalid="ignore"):
            tail = env ** 2 * (2 * absl) ** 4 / ((K + 1) * (K + 2) * (K + 3) * absl * gap) \
                / (1 - r ** 2)
        ok = (r < 1) & (gap > 0) & (tail <= atol_fn(S)[idx])
        active[idx[ok]] = False
        if k0 > _K_MAX:
            raise RuntimeError(f"Sturmian series did not converge within {_K_MAX} terms")
    return S


def _pole_part_float(n: int, lam_p: np.ndarray, lam_m: np.ndarray,
                     delta_p: np.ndarray, delta_m: np.ndarray) -> np.ndarray:
    """Σ_s B(λ_s)/(n δ_s) by the cancellation-free form (S6) (float64, complex arrays)."""
    B = [float(b) for b in _pole_taylor(n)]
    out = 2 * B[0] / n / (lam_p + lam_m)
    for d in (delta_p, delta_m):
        acc = np.zeros_like(d)
        for b in reversed(B[1:]):            # Horner for Σ_{j≥1} B_j δ^{j-1}
            acc = acc * d + b
        out = out + acc / n
    return out * float(_norm2(n))


def _alpha_float(n: int, omega: np.ndarray, kind: str) -> np.ndarray:
    """α_n at ω = iu (kind 'iu', omega = u ≥ 0) or real ω (kind 'real'), float64 (S2)-(S6)."""
    lam0 = 1.0 / n
    x = omega.ravel()
    out = np.empty(x.size)
    if kind == "iu":
        big = x > _G_FORM_SWITCH / n ** 2
        # s = +1: λ = sqrt(λ0² - 2iu); s = -1 is its complex conjugate -> 2 Re.
        lam = np.sqrt(lam0 ** 2 - 2j * x)
        if np.any(big):
            u = x[big]
            S = _series_float(n, "g", lam[big],
                              lambda S: _TOL_FLOAT * 1.5 * np.ones(S.shape), np.zeros(u.size, bool))
            out[big] = (1.0 - (2.0 / 3.0) * S.real) / u ** 2
        small = ~big
        if np.any(small):
            u = x[small]
            lm = lam[small]
            delta = -2j * u / (lm + lam0)
            taylor = (np.abs(delta) < _TAYLOR_RADIUS * lam0) if n >= 2 else np.zeros(u.size, bool)
            S = _series_float(n, "f", lm, lambda S: _TOL_FLOAT * 1.5 * np.abs(S.real), taylor)
            a = (2.0 / 3.0) * S.real
            if np.any(taylor):
                lt = lm[taylor]
                dt = delta[taylor]
                a[taylor] += _pole_part_float(n, lt, np.conj(lt), dt, np.conj(dt)).real / 3.0
            out[small] = a
    else:
        lam_p = np.sqrt(lam0 ** 2 - 2 * x + 0j)
        lam_m = np.sqrt(lam0 ** 2 + 2 * x + 0j)
        d_p = -2 * x / (lam_p + lam0)
        d_m = 2 * x / (lam_m + lam0)
        taylor = ((np.abs(d_p) < _TAYLOR_RADIUS * lam0) & (np.abs(d_m) < _TAYLOR_RADIUS * lam0)
                  if n >= 2 else np.zeros(x.size, bool))
        lam2 = np.concatenate([lam_p, lam_m])
        # tolerance relative to the sum of both series, estimated by each one's partial sum
        S = _series_float(n, "f", lam2, lambda S: _TOL_FLOAT * 0.5 * np.abs(S.real),
                          np.concatenate([taylor, taylor]))
        a = (S[:x.size].real + S[x.size:].real) / 3.0
        if np.any(taylor):
            a[taylor] += _pole_part_float(n, lam_p[taylor], lam_m[taylor],
                                          d_p[taylor], d_m[taylor]).real / 3.0
        out[:] = a
    return out.reshape(omega.shape)


def alpha_iu_sturmian(n, u):
    """Polarizability α_nS(iu) at imaginary frequency from the Sturmian series, float64.

    Implements Eqs. (S2)-(S4) for u ≤ 1/n², (S5) above, and (S6) for the np pole (n ≥ 2):
    α_n(iu) = Σ'_m f_nm/(ω_nm² + u²), summed over all bound and continuum p states, the
    standard positive convention (α_1s(0) = 9/2). The series is summed until a rigorous bound
    on its tail is below 1e-17 of the result, so the error is float64 rounding only
    (measured ≤ 1e-14 relative for 1s at any u; see tests/test_sturmian.py).

    Parameters
    ----------
    n : int
        Principal quantum number of the S state, 1 ≤ n ≤ ``N_MAX_FLOAT`` (6).
    u : float or array_like
        Imaginary part of the frequency, hartree (α is even in u; negative u is allowed).
        For n ≥ 2, u must be nonzero: at u = 0 the degenerate np level makes the static
        polarizability 0/0 in the nonrelativistic spectrum. For u > 0 the np term of (S1) is
        exactly 0, and α_ns(iu) → (degenerate level excluded) as u → 0+.

    Returns
    -------
    numpy.ndarray or float
        α_n(iu) in bohr³ (= e²a0²/E_h), same shape as ``u``.

    Raises
    ------
    ValueError
        n < 1 or n > 6, u not finite, or u = 0 with n ≥ 2.

    Examples
    --------
    >>> float(alpha_iu_sturmian(1, 0.0))
    4.5
    >>> round(float(alpha_iu_sturmian(1, 1.0)), 12)
    0.742440752952
    """
    n = _check_n_float(n)
    x = np.abs(_as_real_array(u, "u"))
    if n >= 2 and np.any(x == 0):
        raise ValueError(
            f"u: alpha_{n}s(iu) is singular at u = 0: the {n}p level is degenerate with {n}s in "
            "the nonrelativistic Coulomb spectrum (0/0 term); use u > 0 (the limit u -> 0+ "
            "excludes the degenerate level, see static_polarizability_exact)")
    res = _alpha_float(n, x, "iu")
    return res if res.ndim else float(res)


def alpha_real_sturmian(n, omega):
    """Polarizability α_nS(ω) at real frequency below the first resonance, float64.

    Implements Eqs. (S2)-(S4) (and (S6) for n ≥ 2) with the two real Sturmian exponents
    λ_± = sqrt(1/n² ∓ 2ω); α_n(ω) = Σ'_m f_nm/(ω_nm² - ω²).

    Parameters
    ----------
    n : int
        Principal quantum number of the S state, 1 ≤ n ≤ 6.
    omega : float or array_like
        Real frequency, hartree, with |ω| < :func:`first_resonance` (3/8 for 1s); ω ≠ 0 for
        n ≥ 2 (degenerate np level, see :func:`alpha_iu_sturmian`).

    Returns
    -------
    numpy.ndarray or float
        α_n(ω), bohr³, same shape as ``omega``.

    Examples
    --------
    >>> round(float(alpha_real_sturmian(1, 0.1)), 12)
    4.784300342998
    """
    n = _check_n_float(n)
    x = _as_real_array(omega, "omega")
    _check_real_omega(n, x)
    res = _alpha_float(n, x, "real")
    return res if res.ndim else float(res)


def _check_real_omega(n: int, x) -> None:
    lim = first_resonance(n)
    bad = np.abs(np.asarray(x, dtype=float)) >= float(lim)
    if np.any(bad):
        raise ValueError(f"omega: |omega| must be below the first resonance of {n}s, "
                         f"{lim} hartree; got {np.asarray(x)[bad].ravel()[0]!r}")
    if n >= 2 and np.any(np.asarray(x) == 0):
        raise ValueError(f"omega: alpha_{n}s(0) is singular (degenerate {n}p level, 0/0); "
                         "use omega != 0")


# ------------------------------------------------------------------------ mpmath series
def _series_mp(n: int, lam, tol):
    """Σ_k of (S3) with the f source (N_n² included), mpmath scalar λ, tail bound < tol."""
    terms = [(m, j, mpmath.mpf(C.numerator) / C.denominator) for m, j, C in _overlap_terms(n, "f")]
    m_max = max(m for m, _, _ in terms)
    p = lam + mpmath.mpf(1) / n
    mq = -(lam - mpmath.mpf(1) / n) / p
    aq = abs(mq)
    inv_p = {m: p ** (-(m + 3)) for m, _, _ in terms}
    two_lam4 = (2 * lam) ** 4
    absl = abs(lam)
    S = mpmath.mpc(0)
    pw = [mpmath.mpc(1)]                       # pw[e] = (-Q)^e
    k = 0
    while True:
        pw.append(pw[-1] * mq)
        A = mpmath.mpc(0)
        for m, j, C in terms:
            if k >= j:
                A += C * inv_p[m] * math.comb(k - j + m + 2, m + 2) * pw[k - j]
        S += A * A * two_lam4 / ((k + 1) * (k + 2) * (k + 3) * ((k + 2) * lam - 1))
        k += 1
        if k % 16 == 0:
            K = k
            r = aq * (1 + mpmath.mpf(m_max + 2) / (K - m_max + 2))
            gap = K + 2 - 1 / absl
            if r < 1 and gap > 0:
                env = sum(abs(C) * abs(inv_p[m]) * math.comb(K - j + m + 2, m + 2) * aq ** (K - j)
                          for m, j, C in terms)
                tail = env ** 2 * (2 * absl) ** 4 / ((K + 1) * (K + 2) * (K + 3) * absl * gap) \
                    / (1 - r ** 2)
                if tail <= tol * abs(S.real):
                    return S * mpmath.mpf(4) / n ** 5       # N_n² = 4/n⁵
        if k > _K_MAX:
            raise RuntimeError(f"Sturmian series did not converge within {_K_MAX} terms")


def _check_dps(dps) -> int:
    if isinstance(dps, bool) or not isinstance(dps, numbers.Integral) or dps < 15:
        raise ValueError(f"dps must be an integer >= 15 (decimal digits), got {dps!r}")
    return int(dps)


def alpha_iu_sturmian_mp(n, u, dps=40):
    """α_nS(iu) from the plain f-form series (S2)-(S4) in mpmath at ``dps`` digits.

    The reference for the float64 path: it does not use (S5) nor (S6); the cancellations
    they avoid (relative size ~u at large u, ~1/u near the np pole) are absorbed by guard
    digits. Cost grows like √u (about 40√u terms at large u).

    Parameters
    ----------
    n : int
        Principal quantum number, n ≥ 1.
    u : float, str or mpmath.mpf
        Imaginary frequency, hartree; u ≠ 0 for n ≥ 2.
    dps : int, optional
        Decimal digits of the result (≥ 15).

    Returns
    -------
    mpmath.mpf
        α_n(iu), bohr³, correct to about ``dps`` digits.

    Examples
    --------
    >>> alpha_iu_sturmian_mp(1, 0, dps=20)
    mpf('4.5')
    """
    n = _check_n(n)
    dps = _check_dps(dps)
    with mpmath.workdps(dps + 10):
        x = abs(mpmath.mpf(u))
        if not mpmath.isfinite(x):
            raise ValueError(f"u must be finite, got {u!r}")
        if n >= 2 and x == 0:
            raise ValueError(f"u: alpha_{n}s(iu) is singular at u = 0 (degenerate {n}p level); "
                             "use u > 0")
        guard = 10 + int(mpmath.log10(1 + x)) + n
        if n >= 2:
            guard += int(mpmath.log10(1 + 1 / x))
    with mpmath.workdps(dps + guard):
        x = abs(mpmath.mpf(u))
        lam = mpmath.sqrt(mpmath.mpf(1) / n ** 2 - 2j * x)
        S = _series_mp(n, lam, mpmath.mpf(10) ** (-dps - 3))
        res = 2 * S.real / 3
    with mpmath.workdps(dps):
        return +res


def alpha_real_sturmian_mp(n, omega, dps=40):
    """α_nS(ω) at real |ω| below the first resonance, series (S2)-(S4) in mpmath.

    Parameters
    ----------
    n : int
        Principal quantum number, n ≥ 1.
    omega : float, str or mpmath.mpf
        Real frequency, hartree, |ω| < :func:`first_resonance`; ω ≠ 0 for n ≥ 2.
    dps : int, optional
        Decimal digits of the result (≥ 15).

    Returns
    -------
    mpmath.mpf
        α_n(ω), bohr³.

    Examples
    --------
    >>> mpmath.nstr(alpha_real_sturmian_mp(1, '0.1', dps=20), 18)
    '4.78430034299754388'
    """
    n = _check_n(n)
    dps = _check_dps(dps)
    with mpmath.workdps(dps + 10):
        w = mpmath.mpf(omega)
        if not mpmath.isfinite(w):
            raise ValueError(f"omega must be finite, got {omega!r}")
        lim = first_resonance(n)
        if abs(w) >= mpmath.mpf(lim.numerator) / lim.denominator:
            raise ValueError(f"omega: |omega| must be below the first resonance of {n}s, "
                             f"{lim} hartree; got {omega!r}")
        if n >= 2 and w == 0:
            raise ValueError(f"omega: alpha_{n}s(0) is singular (degenerate {n}p level); "
                             "use omega != 0")
        guard = 10 + n + (int(mpmath.log10(1 + 1 / abs(w))) if n >= 2 else 0)
    with mpmath.workdps(dps + guard):
        w = mpmath.mpf(omega)
        l2 = mpmath.mpf(1) / n ** 2
        tol = mpmath.mpf(10) ** (-dps - 3)
        res = sum(_series_mp(n, mpmath.sqrt(mpmath.mpc(l2 - 2 * s * w)), tol).real
                  for s in (1, -1)) / 3
    with mpmath.workdps(dps):
        return +res


# ------------------------------------------------------------ exact Dalgarno-Lewis moments
def _ip(x: dict, y: dict, kappa: Fraction) -> Fraction:
    """∫ e^{-2κr} x(r) y(r) dr for polynomials given as {power: coefficient}."""
    return sum((ci * cj * math.factorial(i + j) / (2 * kappa) ** (i + j + 1)
                for i, ci in x.items() for j, cj in y.items()), Fraction(0))


@functools.lru_cache(maxsize=None)
def inverse_oscillator_sums_exact(n, kmax=3) -> tuple:
    """Exact S(-2), S(-4), ..., S(-2 kmax) of the nS state, np level excluded, Eq. (S7).

    S(-2j-2) = Σ'_m f_nm ω_nm^{-2j-2} by repeated polynomial Dalgarno-Lewis solves of
    A' χ = source (A' = h_1 - E_n on the complement of np) in exact rational arithmetic; a
    route independent of the Sturmian series. α_n(ω) = Σ_j S(-2j-2) ω^{2j} for |ω| below
    the first resonance (α_n(iu): ω² → -u²).

    Parameters
    ----------
    n : int
        Principal quantum number, n ≥ 1.
    kmax : int, optional
        Number of moments, ≥ 1.

    Returns
    -------
    tuple of fractions.Fraction
        (S(-2), S(-4), ...) in atomic units (bohr³, bohr³·hartree⁻², ...).

    Examples
    --------
    >>> inverse_oscillator_sums_exact(1, 2)
    (Fraction(9, 2), Fraction(319, 12))
    """
    n = _check_n(n)
    if isinstance(kmax, bool) or not isinstance(kmax, numbers.Integral) or kmax < 1:
        raise ValueError(f"kmax must be an integer >= 1, got {kmax!r}")
    kappa = Fraction(1, n)
    f = {m: c for m, c in _source(n, "f")}
    if n >= 2:      # P-form np polynomial r² L_{n-2}^{(3)}(2r/n) (unnormalised)
        npol = {i + 2: Fraction(math.comb(n + 1, n - 2 - i) * (-1) ** i * 2 ** i,
                                n ** i * math.factorial(i)) for i in range(n - 1)}
        nn = _ip(npol, npol, kappa)

    def project(x):
        if n == 1:
            return dict(x)
        c = _ip(npol, x, kappa) / nn
        y = dict(x)
        for k, v in npol.items():
            y[k] = y.get(k, Fraction(0)) - c * v
        return y

    def solve(d):
        # A' (r^j e^{-κr}) = (1 - j(j-1)/2) r^{j-2} + (jκ - 1) r^{j-1}, back-substituted
        d = project(d)
        top = max(k for k, v in d.items() if v != 0)
        b: dict[int, Fraction] = {}
        for i in range(top, 0, -1):
            rest = (1 - Fraction((i + 2) * (i + 1), 2)) * b.get(i + 2, Fraction(0))
            den = (i + 1) * kappa - 1
            if den == 0:         # i + 1 = n: solvable since d ⟂ np; the np component is free
                b[i + 1] = Fraction(0)
            else:
                b[i + 1] = (d.get(i, Fraction(0)) - rest) / den
        return project(b)

    chis = [f]
    for _ in range(kmax):
        chis.append(solve(chis[-1]))
    pref = Fraction(2, 3) * _norm2(n)
    return tuple(pref * _ip(chis[j], chis[j + 1], kappa) for j in range(kmax))


def static_polarizability_exact(n, *, exclude_degenerate=False) -> Fraction:
    """Exact static dipole polarizability of the nS state, bohr³, Eq. (S7) with j = 0.

    For 1s this is 9/2. For n ≥ 2 the nonrelativistic static polarizability is singular
    (the np level is degenerate, a 0/0 term whose value depends on the Lamb shift): it is
    returned only with ``exclude_degenerate=True``, as the sum over all other levels, which
    equals lim_{u→0+} α_ns(iu) and the closed form n⁴(2n² + 7)/2.

    Parameters
    ----------
    n : int
        Principal quantum number, n ≥ 1.
    exclude_degenerate : bool, optional
        Must be True for n ≥ 2.

    Returns
    -------
    fractions.Fraction
        The polarizability in bohr³.

    Examples
    --------
    >>> static_polarizability_exact(1)
    Fraction(9, 2)
    >>> static_polarizability_exact(2, exclude_degenerate=True)
    Fraction(120, 1)
    """
    n = _check_n(n)
    if n >= 2 and not exclude_degenerate:
        raise ValueError(f"n: the static polarizability of {n}s is singular (the {n}p level is "
                         "degenerate with it, 0/0); pass exclude_degenerate=True for the sum "
                         f"over the other levels (= lim u->0+ of alpha_{n}s(iu))")
    return inverse_oscillator_sums_exact(n, 1)[0]
