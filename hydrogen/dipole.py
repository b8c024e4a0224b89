"""Exact hydrogen dipole matrix elements: bound–bound, bound–free, angular factors.

Radial integrals (bohr) between the radial functions of :mod:`hydrogen.radial`, whose
sign convention is that of ``sympy.physics.hydrogen.R_nl`` (R > 0 near r = 0) for bound
states and R_El = sqrt(2/(πk)) F_l(-1/k, kr)/r (> 0 near r = 0) for the continuum.

Methods
-------
* Bound–bound, n ≠ n': the Storey & Hummer recursion in l (Comput. Phys. Commun. 66, 129
  (1991), Eqs. (2.23)–(2.27); after Hoang-Binh, A&A 238, 449 (1990)), run downward from
  the circular lower state l = n_< - 1, whose closed form (their Eq. (2.27)) is evaluated
  in exact integer arithmetic and rounded once. Gordon's hypergeometric formula (Bethe &
  Salpeter §63, Eq. (63.2)) is used only in the tests: in floating point it cancels
  catastrophically for large n.
* Bound–bound, n = n': <n l±1|r|n l> = -(3/2) n sqrt(n² - l_>²) (Bethe & Salpeter §63;
  the sign is that of the sympy convention, checked against sympy), l_> = max(l, l').
* Bound–free and the analytic continuation in the principal quantum number
  (:func:`dipole_density`): Gordon's closed form with the terminating polynomial of the
  lower state (Bethe & Salpeter §§63, 69–71; Burgess, Mem. R. Astr. Soc. 69, 1 (1965)),
  rewritten as

      ∫ R_nl(r) r³ r^{l'} e^{-ur} M(l'+1-1/u, 2l'+2, 2ur) dr
          = A_nl exp(g(E)) Σ_q b_q y^q,   y = 1/(1 + 2n²E),   u² = -2E,

  with exact rational b_q (computed once per (n, l, l') in rational arithmetic) and
  g(E) = -2n artanh(n u)/(n u), an analytic function of E (= -2 arctan(nk)/k above
  threshold). For E < 0, u = 1/ν (ν the effective principal quantum number); for
  E = k²/2 > 0, u = ik and the integrand is the regular Coulomb function. The same
  expression therefore covers the Rydberg series and the continuum, and is exact
  (no cancellation: b_q = 0 exactly for the powers of y that cancel at high energy).
"""
from __future__ import annotations

import math
from fractions import Fraction
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

#: Largest principal quantum number accepted by :func:`radial_dipole` (the closed-form
#: starting value of the recursion underflows float64 near n ≈ 2400).
N_MAX = 2000
#: Largest nmax accepted by :func:`radial_dipole_matrix` (memory: 8 (nmax+1)² nmax bytes).
NMAX_MATRIX = 200


# ---------------------------------------------------------------------------
# Bound–bound radial integrals
# ---------------------------------------------------------------------------

def _circular_start(n: int, m: int) -> float:
    """<n, m | r | m, m-1> for n > m, Storey & Hummer (1991) Eq. (2.27).

    R0² = (4nm)^{2m+4} (n+m)! (n-m)^{2n-2m-4} / (16 (n-m-1)! (2m-1)! (n+m)^{2n+2m+4})
    is a rational number: computed exactly with Python integers, rounded once (int/int
    true division is correctly rounded), so the start carries no lgamma/exp error.
    Positive in the sympy sign convention (e.g. <2p|r|1s> = 128 sqrt(6)/243).
    """
    f = math.factorial
    num = (4 * n * m) ** (2 * m + 4) * f(n + m) * (n - m) ** max(2 * (n - m - 2), 0)
    den = 16 * f(n - m - 1) * f(2 * m - 1) * (n + m) ** (2 * (n + m + 2))
    value = math.sqrt(num / den)
    if value == 0.0:
        raise ValueError(f"n = {n}: dipole integral out of float64 range")
    return value


def _recursion(n_up, m: int, lam_stop: int, sqrt=math.sqrt):
    """Storey–Hummer downward recursion for lower level m and upper level(s) n_up > m.

    Returns lists P, M indexed by the lower-state l = λ (λ >= lam_stop):
        P[λ] = <n_up, λ+1 | r | m, λ>,   M[λ] = <n_up, λ-1 | r | m, λ>
    (M[0] is meaningless). ``n_up`` may be an int (with ``sqrt=math.sqrt``) or an ndarray
    (with ``sqrt=np.sqrt``); the arithmetic is the same.
    Recursion (Storey & Hummer Eqs. (2.23), (2.24)), with c(n, l) = sqrt(n² - l²)/n:
        P[λ] = [(2λ+3) c(n,λ+2) P[λ+1] + c(m,λ+2) M[λ+2]] / (2(λ+2) c(m,λ+1))
        M[λ] = [c(n,λ+1) P[λ] + (2λ+1) c(m,λ+1) M[λ+1]] / (2(λ+1) c(n,λ))
    """
    def c(nn, ll):
        return sqrt((nn - ll) * (nn + ll)) / nn

    if isinstance(n_up, np.ndarray):
        start = np.array([_circular_start(int(v), m) for v in n_up])
        zero = np.zeros_like(start)
    else:
        start = _circular_start(n_up, m)
        zero = 0.0
    P = [zero] * (m + 2)
    M = [zero] * (m + 2)
    P[m - 1] = start
    M[m - 1] = c(n_up, m) * start / (2 * m * c(n_up, m - 1))
    for lam in range(m - 2, lam_stop - 1, -1):
        P[lam] = (((2 * lam + 3) * c(n_up, lam + 2)) * P[lam + 1]
                  + c(m, lam + 2) * M[lam + 2]) / (2 * (lam + 2) * c(m, lam + 1))
        M[lam] = (c(n_up, lam + 1) * P[lam]
                  + ((2 * lam + 1) * c(m, lam + 1)) * M[lam + 1]) / (2 * (lam + 1) * c(n_up, lam))
    return P, M


def _diagonal(n: int, l_big: int) -> float:
    """<n, l_big | r | n, l_big - 1> = -(3/2) n sqrt(n² - l_big²) (Bethe & Salpeter §63)."""
    return -1.5 * n * math.sqrt((n - l_big) * (n + l_big))


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
    if n1 == n2:
        return _diagonal(n1, max(l1, l2))
    if n1 < n2:
        (m, lam), (n_up, l_up) = (n1, l1), (n2, l2)
    else:
        (m, lam), (n_up, l_up) = (n2, l2), (n1, l1)
    P, M = _recursion(n_up, m, lam)
    return float(P[lam] if l_up == lam + 1 else M[lam])


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
        n_up = np.arange(m + 1, nmax + 1)
        P, M = _recursion(n_up.astype(float), m, 0, sqrt=np.sqrt)
        for lam in range(m):
            D[m, m + 1:, lam] = P[lam]                   # <n, λ+1 | r | m, λ>
            if lam >= 1:
                D[m + 1:, m, lam - 1] = M[lam]           # <m, λ | r | n, λ-1>
    return D


# ---------------------------------------------------------------------------
# Bound–free integrals and the dipole density across threshold
# ---------------------------------------------------------------------------

def _poly_mul(a, b):
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def _poly_pow(a, k):
    out = [1]
    for _ in range(k):
        out = _poly_mul(out, a)
    return out


def _poch(a, m):
    p = 1
    for i in range(m):
        p *= a + i
    return p


@lru_cache(maxsize=256)
def _density_coefficients(n: int, l: int, l2: int) -> tuple[float, tuple[float, ...]]:
    """Exact-rational setup of the analytic dipole function for (n l) -> (ν or E, l2).

    With R_nl = A_nl Σ_j d_j r^{l+j} e^{-r/n}, d_j = (-n_r)_j (2/n)^j/((2l+2)_j j!), and
    ∫ e^{-λr} r^{s-1} M(a, b, 2ur) dr = Γ(s) λ^{-s} 2F1(a, s; b; 2u/λ), λ = 1/n + u
    (Laplace transform of Kummer's M, DLMF 13.10.3), Euler's transformation (DLMF 15.8.1)
    2F1(a,s;b;z) = (1-z)^{b-a-s} 2F1(b-a, b-s; b; z) turns every term into a
    *terminating* series (b - s = l2 - l - 2 - j <= -1), so that

        J(u) / A_nl = w^{1/u} Q(u) / (1 - n²u²)^K,   w = (1-nu)/(1+nu),  K = n + 2,

    with Q an even polynomial. Writing Q(u) = P(u²), u² = -2E and y = 1/(1 - n²u²):
    J/A_nl = e^{g} Σ_q b_q y^q. Returns (kappa, b) with
    kappa = 4·4^{l2} A_nl² / ((2l2+1)!)² and b as floats (each correctly rounded).
    """
    n_r = n - l - 1
    K = n + 2
    F = Fraction
    Q = [F(0)] * (2 * K + 1)
    for j in range(n_r + 1):
        d_j = F(_poch(-n_r, j) * 2 ** j, _poch(2 * l + 2, j) * math.factorial(j) * n ** j)
        s = l + l2 + 4 + j
        m_top = l - l2 + 2 + j                        # degree of the terminating series
        right = _poly_pow([1, -n], K - l - 3 - j)     # (1 - n u)^{K-l-3-j}
        base = d_j * math.factorial(s - 1) * n ** s
        # Σ_m e_m (2n)^m Π_{i<m}(1 + (l2+1+i) u) (1 + n u)^{K-l2-1-m}, nested (Horner-like)
        inner = None
        for mm in range(m_top, -1, -1):
            e_m = F(_poch(l2 - l - 2 - j, mm), _poch(2 * l2 + 2, mm) * math.factorial(mm))
            term = [e_m * (2 * n) ** mm]
            if inner is None:
                inner = term
            else:
                # H_m = c_m (1+nu)^{m_top-m} + (1 + (l2+1+m) u) H_{m+1}
                inner = _poly_mul(inner, [1, l2 + 1 + mm])
                shifted = _poly_mul(term, _poly_pow([1, n], m_top - mm))
                inner = [a + b for a, b in _zip_pad(inner, shifted)]
        poly = _poly_mul(_poly_mul(inner, _poly_pow([1, n], K - l2 - 1 - m_top)), right)
        for i, cf in enumerate(poly):
            Q[i] += base * cf
    if any(Q[i] != 0 for i in range(1, len(Q), 2)):
        raise RuntimeError("internal error: dipole polynomial is not even in u")
    P = Q[0::2]
    b = [F(0)] * (K + 1)
    for p, cp in enumerate(P):
        if cp:
            term = _poly_mul(_poly_pow([-1, 1], p), [0] * (K - p) + [1])  # (y-1)^p y^{K-p}
            scale = cp / n ** (2 * p)
            for q, cf in enumerate(term):
                b[q] += scale * cf
    a2 = F(2 ** (2 * l + 3) * math.factorial(n + l),
           n ** (2 * l + 4) * 2 * math.factorial(2 * l + 1) ** 2 * math.factorial(n_r))
    kappa = 4 * 4 ** l2 * a2 / math.factorial(2 * l2 + 1) ** 2
    return float(kappa), tuple(float(x) for x in b)


def _zip_pad(a, b):
    size = max(len(a), len(b))
    a = list(a) + [0] * (size - len(a))
    b = list(b) + [0] * (size - len(b))
    return zip(a, b)


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


def _continued_parts(n: int, l: int, l2: int, E: np.ndarray):
    """(κ Π_t (1 + 2t²E), e^{g(E)} Σ_q b_q y^q, T(E)) so that density = first·second²·T."""
    kappa, b = _density_coefficients(n, l, l2)
    y = 1.0 / (1.0 + 2.0 * n * n * E)
    poly = np.zeros_like(E)
    for cf in reversed(b):
        poly = poly * y + cf
    g = -2.0 * n * _artanh_ratio(-2.0 * n * n * E)
    pref = np.full_like(E, kappa)
    for t in range(1, l2 + 1):
        pref = pref * (1.0 + 2.0 * t * t * E)
    thermal = np.ones_like(E)
    pos = E > 0
    # 1/(1 - exp(-2π/k)) = e^{π/k} |Γ(1 - i/k)|² k/(2π): from C_l(η)² of the energy-normalised
    # Coulomb function; the rest of C_l² continues the bound normalisation
    thermal[pos] = -1.0 / np.expm1(-2.0 * np.pi / np.sqrt(2.0 * E[pos]))
    return pref, np.exp(g) * poly, thermal


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

    One formula (see the module docstring): density = κ Π_{t=1}^{l2}(1 + 2t²E)
    e^{2g(E)} (Σ_q b_q y^q)² T(E), y = 1/(1 + 2n²E), g = -2 artanh(n√(-2E))/√(-2E)
    (= -2 arctan(nk)/k for E = k²/2), T = 1 for E <= 0 and 1/(1 - e^{-2π/k}) for E > 0.
    C^∞ across E = 0; exact at high energy (e.g. 1s -> p: 256 (1+k²)^{-5}
    e^{-4 arctan(k)/k}/(1 - e^{-2π/k}), falling as E^{-9/2}).

    Parameters
    ----------
    n, l : int
        Lower bound state, n >= 1, 0 <= l < n. Setup cost grows ~n⁴ (n = 20: ~0.3 s once).
    l2 : int
        Orbital angular momentum of the upper (Rydberg or continuum) state, >= 0.
    E : float or array_like
        Energy of the upper state in hartree; finite and > E_n = -1/(2n²) (the integral
        diverges as ν -> n⁺). Accuracy ~1e-14 relative for E >= E_{n+1}.

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
        e1 = np.atleast_1d(E_arr)
        pref, amp, thermal = _continued_parts(n, l, l2, e1)
        out = (pref * amp * amp * thermal).reshape(E_arr.shape)
    return float(out) if out.ndim == 0 else out


def radial_dipole_continuum(n, l, k, l2):
    """Bound–free radial integral <E l2| r |n l> (bohr · hartree^{-1/2}), E = k²/2.

    Energy-normalised continuum R_El = sqrt(2/(πk)) F_l(-1/k, kr)/r (positive near the
    origin; phase shift in the asymptotic sin(kr + ln(2kr)/k - lπ/2 + σ_l)). Closed form
    of B&S §§69–71 / Burgess (1965) as rewritten in the module docstring:
    <E l2|r|n l> = [κ Π_t (1 + t²k²) / (1 - e^{-2π/k})]^{1/2} e^{g} Σ_q b_q y^q.

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
        e1 = 0.5 * np.atleast_1d(k_arr) ** 2
        pref, amp, thermal = _continued_parts(n, l, l2, e1)
        out = (np.sqrt(pref * thermal) * amp).reshape(k_arr.shape)
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

    Examples
    --------
    >>> round(oscillator_strength(1, 0, 2, 1), 12)    # 2^13/3^9
    0.41619671798
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

    Examples
    --------
    >>> round(float(oscillator_strength_density(1, 0, 1, 0.0)), 12)   # (2^8/3) e^{-4}
    1.562934518505
    """
    dens = dipole_density(n, l, l2, E)
    E_arr = np.asarray(E, dtype=float)
    out = (2.0 / 3.0) * (E_arr + 0.5 / (n * n)) * max(l, l2) / (2 * l + 1) * dens
    return float(out) if np.ndim(out) == 0 else out
