"""Hydrogen 2^l-pole matrix elements, spectral rules, polarizabilities α_l(ω), C8 and C10.

Atomic units (hartree, bohr), infinite nuclear mass, E_n = -1/(2n²); radial functions in
the sign convention of :mod:`hydrogen.radial` (R > 0 near r = 0, bound and continuum).

Normalisation (Dalgarno 1962; Yan, Babb, Dalgarno & Drake, PRA 54, 2824 (1996))
-----------------------------------------------------------------------------------
The 2^l-pole operator is Q_l = r^l C^l_0 = r^l P_l(cos θ) (C^l_q = (4π/(2l+1))^{1/2} Y_lq;
Q_1 = z, Q_2 = (3z² - r²)/2). For an S state |n 0⟩ it reaches only the l-wave, and

    α_l(ω) = Σ'_m f^(l)_m / (ω_m² - ω²),    f^(l)_m = 2 ω_m q_m,    ω_m = E_m - E_n,     (M1)
    q_m = Σ_{m'} |⟨m l m'| Q_l |n 0⟩|² = ⟨m l| r^l |n 0⟩² / (2l + 1),

so that α_1 is the usual dipole polarizability (9/2 for 1s) and, for 1s,
α_l(0) = (2l+2)! (l+2) / (l (l+1) 2^{2l+1}): α_1 = 9/2, α_2 = 15, α_3 = 131.25 bohr^{2l+1}
(Dalgarno & Lewis, Proc. R. Soc. A 233, 70 (1955); checked in the tests by solving the
Dalgarno-Lewis equation with sympy). The f^(l) are the 2^l-pole oscillator strengths in the
normalisation of (M1); with the commutator [Q_l, [H, Q_l]] = |∇Q_l|² they obey

    Σ_m f^(l)_m = ⟨|∇Q_l|²⟩ = l ⟨r^{2l-2}⟩,    Σ_m q_m = ⟨Q_l²⟩ = ⟨r^{2l}⟩/(2l+1),          (M2)
    Σ_m ω_m² q_m = ⟨|∇Q_l·∇ψ|²⟩/⟨ψ|ψ⟩ = l²/(2l+1) ∫ r^{2l} R_n0'(r)² dr,

(the angular average of |∇(r^l P_l)|² is l r^{2l-2}: ∇²(f²) = 2|∇f|² for harmonic f).

Radial integrals ⟨n' l'| r^k |n l⟩
----------------------------------
The dipole construction of :mod:`hydrogen.dipole` (Gordon's closed form, B&S §§63, 69-71;
Burgess 1965) carries over to any power k with |l - l'| <= k: with R_nl = A_nl Σ_j d_j
r^{l+j} e^{-r/n}, d_j = (-n_r)_j (2/n)^j/((2l+2)_j j!), n_r = n - l - 1, the upper
function r^{l'} e^{-ur} M(l'+1-1/u, 2l'+2, 2ur) (u = 1/ν bound, u = ik continuum) and
DLMF 13.10.3, 15.8.1 (Euler's transformation, terminating because b - s = l' - l - k - 1 - j
<= -1) give

    J_k(u)/A_nl = w^{1/u} Q(u) / (1 - n²u²)^K,    w = (1-nu)/(1+nu),   K = n + k + 1,       (M3)
    Q(u) = Σ_j d_j (s-1)! n^s (1-nu)^{n_r-j} (1+nu)^{n_r-j}
           Σ_{m<=m_j} e_m (2n)^m Π_{i<m}(1 + (l'+1+i)u) (1+nu)^{m_j-m},
    s = l + l' + k + 3 + j,  m_j = l + k + 1 + j - l',  e_m = (l'-l-k-1-j)_m/((2l'+2)_m m!),

Q even in u (Kummer's transformation). With y = 1/(1 - n²u²) = 1/(1 + 2n²E),
J_k/A_nl = e^{g(E)} Σ_q b_q y^q, g = -2n artanh(n u)/(n u), exactly as for k = 1, and

    D_k(E) = κ Π_{t=1}^{l'} (1 + 2t²E) e^{2g(E)} (Σ_q b_q y^q)² T(E),                        (M4)
    κ = 4·4^{l'} A_nl² / ((2l'+1)!)²,  T = 1 (E <= 0),  T = 1/(1 - e^{-2π/k}) (E = k²/2 > 0),

is ν³⟨ν l'|r^k|n l⟩² below threshold (analytic in the principal quantum number ν, E =
-1/(2ν²)) and |⟨E l'|r^k|n l⟩|² (energy-normalised continuum) above it: one function,
C^∞ across E = 0 (:func:`multipole_density`). At integer ν ≠ n, (M3) is a rational number
times a square root of one: :func:`radial_multipole` evaluates it exactly (Python integers
and Fractions, rounded once); the diagonal ν = n (where (M3) is 0·∞) by the exact double sum
Σ_{j,j'} d_j d'_{j'} (L + j + j')! (n/2)^{L+j+j'+1}, L = l + l' + k + 2.

Spectral rules (:func:`multipole_rule`)
---------------------------------------
The sums (M1) over the l-wave run over the discrete and continuum states. As for the dipole
(:mod:`hydrogen.spectrum`), one finite rule {ΔE_j, q_j}: discrete levels n' = l+1 … N_d
from the exact integrals, the Rydberg tail n' > N_d by the Gauss rule of
:func:`hydrogen.spectrum.rydberg_tail_rule` on D_l(E) (analytic continuation in ν), and the
continuum by :func:`hydrogen.spectrum.continuum_rule` on D_l(E). The rule is a
:class:`hydrogen.spectrum.SpectralRule` whose ``x2`` holds the 2^l-pole weights q_j in
bohr^{2l} (for l = 1 they are the dipole weights x2 of :func:`hydrogen.spectral_rule`), so
``rule.f`` are the f^(l) of (M1) and ``rule.dE`` the paper's ΔE_nm = E_n - E_m. Built twice
(resolution 1 and 2); ``rule.error`` is the largest relative difference on probe sums.

Dispersion coefficients (:func:`C8`, :func:`C10`)
-------------------------------------------------
Second-order perturbation theory in the multipole expansion of the Coulomb interaction
between two S-state atoms A, B (Dalgarno & Davison, Adv. At. Mol. Phys. 2, 1 (1966); Yan et
al. 1996) gives W = -Σ_n C_{2n}/R^{2n} with

    C_{2n} = Σ_{l_A + l_B = n-1} K(l_A, l_B) Σ_{a,b} q_a^{(l_A)} q_b^{(l_B)} / (ω_a + ω_b),
    K(l_A, l_B) = (2L)! / ((2l_A)! (2l_B)!),   L = l_A + l_B,                               (M5)

(K = 6 for C6, 15 + 15 for C8, 28 + 28 + 70 for C10), valid also for downward (ω < 0) and
degenerate (ω = 0) intermediate levels of an excited atom as long as no pair is resonant.
For ground-state atoms (every ω > 0), ∫₀^∞ du 4ab/((a²+u²)(b²+u²)) = 2π/(a+b) turns (M5)
into the Casimir-Polder form C_{2n} = Σ K/(2π) ∫₀^∞ α_{l_A}(iu) α_{l_B}(iu) du, e.g.
C8 = (15/2π) ∫ [α_1^A α_2^B + α_2^A α_1^B] du (checked in the tests as a second route).

State-swap partners (:func:`C8_exchange`, :func:`C10_exchange`)
---------------------------------------------------------------
For identical atoms in 1s and nS the same angular algebra with the transition weights
t_m = ⟨m l|r^l|1s⟩⟨m l|r^l|nS⟩/(2l+1) (:func:`multipole_transition_rule`, signed, from the
product of the two analytic amplitudes of (M4) on the tail and continuum) gives the
off-diagonal element of the 2×2 effective Hamiltonian, Eq. (M6) in
:func:`dispersion_exchange`.
"""
from __future__ import annotations

import dataclasses
import math
from fractions import Fraction
from functools import lru_cache

import numpy as np

from .dipole import _artanh_ratio
from .spectrum import SpectralRule, continuum_rule, rydberg_tail_rule
from .states import State, _as_int, _check_nl, energy, parse_state
from .sums import _check_omega, _check_resonance

__all__ = ["radial_multipole", "radial_multipole_continuum", "multipole_density",
           "multipole_rule", "multipole_polarizability", "multipole_sum_rules",
           "multipole_transition_rule", "multipole_transition_sum_rules", "dispersion_coefficient",
           "dispersion_exchange", "C8", "C10", "C8_exchange", "C10_exchange", "K_MAX", "N_MAX",
           "N_STATE_MAX"]

#: Largest power k of r accepted by the radial functions.
K_MAX = 8
#: Largest principal quantum number accepted by :func:`radial_multipole` (exact rationals:
#: the cost grows ~n² big-integer operations per integral).
N_MAX = 400
#: Largest n of the S states served by the rules, polarizabilities and C8, C10 (building a
#: rule costs ~0.01 s at n = 10, ~0.4 s at n = 50, ~4 s at n = 100, once per state and l).
N_STATE_MAX = 100


# ---------------------------------------------------------------------------
# Validation
# ---------------------------------------------------------------------------

def _check_power(k) -> int:
    k = _as_int("k", k, 1)
    if k > K_MAX:
        raise ValueError(f"k must be an integer with 1 <= k <= {K_MAX} (power of r), got {k}")
    return k


def _allowed(l1: int, l2: int, k: int) -> bool:
    """Angular selection rule of r^k C^k_q between l1 and l2: triangle and parity."""
    return abs(l1 - l2) <= k <= l1 + l2 and (l1 + l2 + k) % 2 == 0


# ---------------------------------------------------------------------------
# Exact rational pieces
# ---------------------------------------------------------------------------

def _poly_mul(a, b):
    out = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        if x:
            for j, y in enumerate(b):
                out[i + j] += x * y
    return out


def _poly_pow(a, e):
    out = [1]
    for _ in range(e):
        out = _poly_mul(out, a)
    return out


def _poch(a, m):
    p = 1
    for i in range(m):
        p *= a + i
    return p


def _laguerre_coefficients(n: int, l: int) -> list[Fraction]:
    """d_j of R_nl = A_nl Σ_j d_j r^{l+j} e^{-r/n}, d_0 = 1 (exact)."""
    n_r = n - l - 1
    return [Fraction(_poch(-n_r, j) * 2 ** j, _poch(2 * l + 2, j) * math.factorial(j) * n ** j)
            for j in range(n_r + 1)]


def _norm2(n: int, l: int) -> Fraction:
    """A_nl² = 2^{2l+3} (n+l)! / (2 n^{2l+4} ((2l+1)!)² n_r!) (bound normalisation, exact)."""
    n_r = n - l - 1
    return Fraction(2 ** (2 * l + 3) * math.factorial(n + l),
                    2 * n ** (2 * l + 4) * math.factorial(2 * l + 1) ** 2 * math.factorial(n_r))


@lru_cache(maxsize=512)
def _coefficients_exact(n: int, l: int, l2: int, k: int) -> tuple[Fraction, tuple[Fraction, ...]]:
    """κ and b_q of (M3)-(M4) for (n l) -> (ν or E, l2) and r^k, exact rationals.

    Requires l2 <= l + k + 1 (the series (M3) terminates for every j).
    """
    n_r = n - l - 1
    K = n + k + 1
    Q = [Fraction(0)] * (2 * K + 1)
    for j, d_j in enumerate(_laguerre_coefficients(n, l)):
        s = l + l2 + k + 3 + j
        m_top = l + k + 1 + j - l2
        base = d_j * math.factorial(s - 1) * n ** s
        # Σ_m e_m (2n)^m Π_{i<m}(1 + (l2+1+i)u) (1+nu)^{m_top-m}, nested from m = m_top down:
        # H_m = c_m (1+nu)^{m_top-m} + (1 + (l2+1+m)u) H_{m+1}
        inner = None
        for mm in range(m_top, -1, -1):
            e_m = Fraction(_poch(l2 - l - k - 1 - j, mm),
                           _poch(2 * l2 + 2, mm) * math.factorial(mm))
            term = [e_m * (2 * n) ** mm]
            if inner is None:
                inner = term
            else:
                inner = _poly_mul(inner, [1, l2 + 1 + mm])
                shifted = _poly_mul(term, _poly_pow([1, n], m_top - mm))
                size = max(len(inner), len(shifted))
                inner = [(inner[i] if i < len(inner) else 0) + (shifted[i] if i < len(shifted) else 0)
                         for i in range(size)]
        # (1+nu)^{n_r-j} (1-nu)^{n_r-j} = (1 - n²u²)^{n_r-j}
        poly = _poly_mul(inner, _poly_pow([1, 0, -n * n], n_r - j))
        for i, cf in enumerate(poly):
            Q[i] += base * cf
    if any(Q[i] != 0 for i in range(1, len(Q), 2)):
        raise RuntimeError("internal error: multipole polynomial is not even in u")
    P = Q[0::2]
    b = [Fraction(0)] * (K + 1)
    for p, cp in enumerate(P):
        if cp:
            term = _poly_mul(_poly_pow([-1, 1], p), [0] * (K - p) + [1])   # (y-1)^p y^{K-p}
            scale = cp / n ** (2 * p)
            for q, cf in enumerate(term):
                b[q] += scale * cf
    kappa = 4 * 4 ** l2 * _norm2(n, l) / math.factorial(2 * l2 + 1) ** 2
    return kappa, tuple(b)


@lru_cache(maxsize=512)
def _coefficients(n: int, l: int, l2: int, k: int) -> tuple[float, np.ndarray]:
    """Float κ and b_q (each correctly rounded from the exact rationals)."""
    kappa, b = _coefficients_exact(n, l, l2, k)
    arr = np.array([float(x) for x in b])
    arr.setflags(write=False)
    return float(kappa), arr


def _radial_exact_diagonal(n: int, l: int, l2: int, k: int) -> tuple[Fraction, Fraction]:
    """(A_nl² A_nl2², S) with ⟨n l2|r^k|n l⟩ = sqrt(A²A'²)·S: the exact double sum."""
    p = Fraction(2, n)
    big_l = l + l2 + k + 2
    d1, d2 = _laguerre_coefficients(n, l), _laguerre_coefficients(n, l2)
    s = Fraction(0)
    for j, a in enumerate(d1):
        for jj, c in enumerate(d2):
            e = big_l + j + jj
            s += a * c * math.factorial(e) / p ** (e + 1)
    return _norm2(n, l) * _norm2(n, l2), s


def _radial_exact_squared(n: int, l: int, nu: int, l2: int, k: int) -> tuple[Fraction, int]:
    """(⟨ν l2|r^k|n l⟩², sign) exactly, from (M3) at integer ν ≠ n or the double sum at ν = n."""
    if nu == n:
        norms, s = _radial_exact_diagonal(n, l, l2, k)
        return norms * s * s, (s > 0) - (s < 0)
    kappa, b = _coefficients_exact(n, l, l2, k)
    y = Fraction(nu * nu, nu * nu - n * n)
    poly = Fraction(0)
    for cf in reversed(b):
        poly = poly * y + cf
    amp = Fraction(nu - n, nu + n) ** nu * poly                   # e^{g} Σ b_q y^q at u = 1/ν
    pref = kappa
    for t in range(1, l2 + 1):
        pref *= Fraction(nu * nu - t * t, nu * nu)
    return pref * amp * amp / nu ** 3, (amp > 0) - (amp < 0)


# ---------------------------------------------------------------------------
# Public radial functions
# ---------------------------------------------------------------------------

def radial_multipole(n1, l1, n2, l2, k) -> float:
    """Radial integral ⟨n2 l2| r^k |n1 l1⟩ = ∫ R_{n2 l2} R_{n1 l1} r^{k+2} dr in bohr^k, exact.

    Gordon-type closed form (M3) of the module docstring (Bethe & Salpeter §63 generalised
    to r^k) at integer principal quantum numbers, evaluated in exact rational arithmetic and
    rounded once; the diagonal n1 = n2 by the exact double sum over the Laguerre
    coefficients. Symmetric in (n1, l1) <-> (n2, l2). Sign convention of
    sympy.physics.hydrogen.R_nl.

    Parameters
    ----------
    n1, l1 : int
        First bound state, 1 <= n1 <= N_MAX, 0 <= l1 < n1.
    n2, l2 : int
        Second bound state, 1 <= n2 <= N_MAX, 0 <= l2 < n2.
    k : int
        Power of r, 1 <= k <= K_MAX (k = 1 dipole, 2 quadrupole, 3 octupole).

    Returns
    -------
    float
        The integral in bohr^k, correctly rounded; exactly 0.0 when the 2^k-pole selection
        rule forbids the transition (|l1 - l2| <= k <= l1 + l2 with l1 + l2 + k even fails).

    Examples
    --------
    >>> round(radial_multipole(1, 0, 2, 1, 1), 12)       # = radial_dipole: 128 sqrt(6)/243
    1.29026620196
    >>> round(radial_multipole(1, 0, 3, 2, 2), 12)       # 81 sqrt(30)/256
    1.733028404606
    >>> radial_multipole(1, 0, 3, 1, 2)
    0.0
    """
    n1, l1 = _check_nl(n1, l1, "n1", "l1")
    n2, l2 = _check_nl(n2, l2, "n2", "l2")
    k = _check_power(k)
    for name, value in (("n1", n1), ("n2", n2)):
        if value > N_MAX:
            raise ValueError(f"{name} must be <= {N_MAX}, got {value}")
    if not _allowed(l1, l2, k):
        return 0.0
    return _radial_exact(n1, l1, n2, l2, k)


def _radial_exact(n1: int, l1: int, n2: int, l2: int, k: int) -> float:
    """The radial integral of r^k, no selection rule applied, rounded once (k >= 1)."""
    # (M3) terminates when the angular momentum of the ν state is <= that of the polynomial
    # state + k + 1: give the ν role to the larger l (the integral is symmetric)
    if l2 >= l1:
        sq, sign = _radial_exact_squared(n1, l1, n2, l2, k)
    else:
        sq, sign = _radial_exact_squared(n2, l2, n1, l1, k)
    return sign * math.sqrt(sq)            # float(Fraction) is correctly rounded


def _continued_parts(n: int, l: int, l2: int, k: int, E: np.ndarray):
    """(κ Π_t (1 + 2t²E), e^{g(E)} Σ_q b_q y^q, T(E)) of (M4): density = first·second²·T."""
    kappa, b = _coefficients(n, l, l2, k)
    y = 1.0 / (1.0 + 2.0 * n * n * E)
    poly = np.zeros_like(E)
    for cf in b[::-1]:
        poly = poly * y + cf
    g = -2.0 * n * _artanh_ratio(-2.0 * n * n * E)
    pref = np.full_like(E, kappa)
    for t in range(1, l2 + 1):
        pref = pref * (1.0 + 2.0 * t * t * E)
    thermal = np.ones_like(E)
    pos = E > 0
    thermal[pos] = -1.0 / np.expm1(-2.0 * np.pi / np.sqrt(2.0 * E[pos]))
    return pref, np.exp(g) * poly, thermal


def _check_density_args(n, l, l2, k, E, name="E"):
    n, l = _check_nl(n, l)
    l2 = _as_int("l2", l2, 0)
    k = _check_power(k)
    E_arr = np.asarray(E, dtype=float)
    if not np.all(np.isfinite(E_arr)):
        raise ValueError(f"{name} must be finite (hartree)")
    return n, l, l2, k, E_arr


def multipole_density(n, l, l2, k, E):
    """Squared radial integral of r^k per unit energy, analytic across threshold, Eq. (M4).

    * E > 0:  |⟨E l2| r^k |n l⟩|², energy-normalised continuum, bohr^{2k}/hartree;
    * E < 0:  ν³ ⟨ν l2| r^k |n l⟩², ν = (-2E)^{-1/2} > n, the analytic continuation in the
      principal quantum number of the bound–bound integral (at integer ν it equals
      ν³ radial_multipole(n, l, ν, l2, k)²).

    For k = 1 this is :func:`hydrogen.dipole.dipole_density`.

    Parameters
    ----------
    n, l : int
        Lower bound state, n >= 1, 0 <= l < n.
    l2 : int
        Orbital angular momentum of the upper state, >= 0.
    k : int
        Power of r, 1 <= k <= K_MAX.
    E : float or array_like
        Energy of the upper state in hartree; finite and > E_n = -1/(2n²).

    Returns
    -------
    float or ndarray
        bohr^{2k}/hartree, same shape as ``E``; zeros when the 2^k-pole selection rule
        forbids l -> l2.

    Examples
    --------
    >>> round(float(multipole_density(1, 0, 2, 2, -1 / 18) / 27), 12)  # 3³ ν⁻³: (81 sqrt(30)/256)²
    3.003387451172
    """
    n, l, l2, k, E_arr = _check_density_args(n, l, l2, k, E)
    e_n = -0.5 / (n * n)
    if np.any(E_arr <= e_n):
        raise ValueError(f"E must be > E_n = {e_n!r} hartree (upper state above the lower "
                         f"one, nu > n = {n}); lower levels: use radial_multipole")
    if not _allowed(l, l2, k):
        out = np.zeros(E_arr.shape)
    else:
        e1 = np.atleast_1d(E_arr)
        pref, amp, thermal = _continued_parts(n, l, l2, k, e1)
        out = (pref * amp * amp * thermal).reshape(E_arr.shape)
    return float(out) if out.ndim == 0 else out


def radial_multipole_continuum(n, l, E, l2, k):
    """Bound–free radial integral ⟨E l2| r^k |n l⟩ (bohr^k hartree^{-1/2}), Eq. (M4).

    Energy-normalised continuum R_El = sqrt(2/(πk)) F_l(-1/k, kr)/r, E = k²/2 (positive near
    the origin; :mod:`hydrogen.radial`). Its square is ``multipole_density(n, l, l2, k, E)``.

    Parameters
    ----------
    n, l : int
        Bound state, n >= 1, 0 <= l < n.
    E : float or array_like
        Continuum energy in hartree, finite and > 0.
    l2 : int
        Continuum orbital angular momentum, >= 0.
    k : int
        Power of r, 1 <= k <= K_MAX.

    Returns
    -------
    float or ndarray
        Same shape as ``E``; zeros when the selection rule forbids l -> l2.

    Examples
    --------
    >>> round(float(radial_multipole_continuum(1, 0, 0.5, 1, 1)), 12)   # = radial_dipole_continuum(1,0,1,1)
    0.588522004788
    """
    n, l, l2, k, E_arr = _check_density_args(n, l, l2, k, E)
    if np.any(E_arr <= 0):
        raise ValueError("E must be > 0 (continuum energy in hartree)")
    if not _allowed(l, l2, k):
        out = np.zeros(E_arr.shape)
    else:
        e1 = np.atleast_1d(E_arr)
        pref, amp, thermal = _continued_parts(n, l, l2, k, e1)
        out = (np.sqrt(pref * thermal) * amp).reshape(E_arr.shape)
    return float(out) if out.ndim == 0 else out


# ---------------------------------------------------------------------------
# Spectral rules for the 2^l-pole sums of S states
# ---------------------------------------------------------------------------

# Resolution-1 parameters; resolution 2 (the error estimate) refines each of them.
_N_DISCRETE = 40
_N_TAIL = 12
_PANEL_NODES = 24      # 16 (hydrogen.spectrum) leaves ~3e-14 in Σ q; 24 gives ~2e-16
_Y_PANELS = 16
DISCRETE, TAIL, CONTINUUM = 0, 1, 2      # kind codes, as in hydrogen.spectrum


def _check_s_state(state, name="state") -> State:
    st = parse_state(state)
    if st.n > N_STATE_MAX:
        raise ValueError(f"{name}: the 2^l-pole sums are implemented for n <= {N_STATE_MAX} "
                         f"(exact discrete levels up to 2n + 20); got {st.label}")
    if st.l != 0:
        raise ValueError(f"{name}: the 2^l-pole sums are implemented for S states (the "
                         f"intermediate states then all have l' = l); got {st.label}")
    return st


def _check_multipole(l) -> int:
    l = _as_int("l", l, 1)
    if l > 3:
        raise ValueError(f"l must be 1 (dipole), 2 (quadrupole) or 3 (octupole), got {l}")
    return l


def _build(n: int, l: int, shifts: tuple, resolution: int) -> SpectralRule:
    """Discrete levels + Rydberg tail + continuum of the l-wave reached by r^l C^l_0 from nS."""
    shift = {(sn, sl): v for sn, sl, v in shifts}
    n_disc = max(_N_DISCRETE, 2 * n + 20) + 20 * (resolution - 1)
    for sn, sl, _ in shifts:
        if sn > n_disc:
            raise ValueError(f"level_shifts: level n={sn} is beyond the explicit discrete levels "
                             f"(n <= {n_disc}); shifts are allowed only there")
    tail_nodes = _N_TAIL + 4 * (resolution - 1)
    panel_nodes = _PANEL_NODES + 8 * (resolution - 1)
    e_n = energy(n) + shift.get((n, 0), 0.0)
    ang = 1.0 / (2 * l + 1)                 # Σ_{m'} |⟨l m'|C^l_0|0 0⟩|²
    # 1. explicit discrete levels (exact integrals)
    n2 = np.arange(l + 1, n_disc + 1)
    r = np.array([radial_multipole(n, 0, int(m), l, l) for m in n2])
    e_m = np.array([energy(int(m)) + shift.get((int(m), l), 0.0) for m in n2])
    de = e_n - e_m
    if not shift:
        de[n2 == n] = 0.0                     # exact degeneracy (nd for l = 2, ...), not rounding
    # 2. Rydberg tail, 3. continuum: the analytic density (M4)
    nu, w_t = rydberg_tail_rule(n_disc, tail_nodes)
    e_t = -0.5 / nu ** 2
    e_c, w_c = continuum_rule(0.5 / n ** 2, panel_nodes, _Y_PANELS)
    arrays = [
        np.concatenate([de, e_n - e_t, e_n - e_c]),
        np.concatenate([ang * r * r, ang * w_t * multipole_density(n, 0, l, l, e_t),
                        ang * w_c * multipole_density(n, 0, l, l, e_c)]),
        np.concatenate([np.full(n2.size, DISCRETE), np.full(nu.size, TAIL),
                        np.full(e_c.size, CONTINUUM)]),
        np.concatenate([n2, np.zeros(nu.size + e_c.size, int)]),
        np.full(n2.size + nu.size + e_c.size, l),
    ]
    for a in arrays:
        a.setflags(write=False)
    return SpectralRule(State(n, 0), *arrays)


def _probe(rule: SpectralRule) -> np.ndarray:
    """Probe sums for the error estimate (degenerate nodes kept out of 1/ΔE)."""
    de = np.where(rule.degenerate, 1.0, rule.dE)
    q = np.where(rule.degenerate, 0.0, rule.x2)
    vals = [np.sum(rule.x2), np.sum(q / de), np.sum(q * de), np.sum(q * de * de)]
    for u in (0.1, 1.0, 10.0, 100.0, 1e4):
        vals.append(np.sum(q * de / (de * de + u * u)) * u * u)
    return np.array(vals)


@lru_cache(maxsize=64)
def _cached_rule(n: int, l: int, shifts: tuple) -> SpectralRule:
    coarse = _build(n, l, shifts, 1)
    fine = _build(n, l, shifts, 2)
    pc, pf = _probe(coarse), _probe(fine)
    err = float(np.max(np.abs(pc - pf) / np.maximum(np.abs(pf), 1e-300)))
    return SpectralRule(coarse.state, coarse.dE, coarse.x2, coarse.kind, coarse.n2,
                        coarse.l2, error=err)


def _normalise_shifts(level_shifts) -> tuple:
    from .spectrum import normalise_level_shifts
    return normalise_level_shifts(level_shifts)


def multipole_rule(state, l, *, level_shifts=None) -> SpectralRule:
    """Quadrature rule {ΔE_j, q_j} over the l-wave intermediate states of an S state.

    Implements the state sums Σ'_m of Eq. (M1) (discrete + continuum) as a finite rule:
    Σ'_m F(ΔE_m) q_m = Σ_j F(dE_j) x2_j for F smooth on the spectrum; see the module
    docstring for the construction and the error estimate.

    Parameters
    ----------
    state : str or tuple or State
        An S state, e.g. "1s", (2, 0).
    l : int
        Multipole order: 1 dipole, 2 quadrupole, 3 octupole.
    level_shifts : dict, optional
        Extra energies (hartree) of discrete levels, keyed by label or (n, l), as in
        :func:`hydrogen.spectral_rule` (they lift the nS-nd degeneracy, e.g.).

    Returns
    -------
    SpectralRule
        ``dE`` in hartree (ΔE_nm = E_n - E_m), ``x2`` the weights q_j in bohr^{2l},
        ``f`` the 2^l-pole oscillator strengths of (M1), ``error`` the estimated relative
        error.

    Examples
    --------
    >>> rule = multipole_rule("1s", 2)
    >>> round(float(rule.f.sum()), 12)      # Σ f^(2) = 2 ⟨r²⟩ = 6, Eq. (M2)
    6.0
    """
    st = _check_s_state(state)
    l = _check_multipole(l)
    return _cached_rule(st.n, l, _normalise_shifts(level_shifts))


# ---------------------------------------------------------------------------
# Polarizabilities and sum rules
# ---------------------------------------------------------------------------

def multipole_polarizability(state, l, omega=0.0, *, level_shifts=None):
    """2^l-pole dynamic polarizability α_l(ω) of an S state, Eq. (M1), bohr^{2l+1}.

    α_l(ω) = Σ'_m f^(l)_m/(ω_m² - ω²) with Q_l = r^l P_l(cos θ) (Dalgarno's normalisation:
    α_1 = 9/2, α_2 = 15, α_3 = 131.25 for 1s; Yan et al., PRA 54, 2824 (1996)). For l = 1
    it is :func:`hydrogen.polarizability`.

    Parameters
    ----------
    state : str or tuple
        An S state, e.g. "1s".
    l : int
        1, 2 or 3.
    omega : float or complex or array_like
        Frequency in hartree: real below the first resonance, or imaginary ω = iu, or
        complex with |Re ω| below the first resonance.
    level_shifts : dict, optional
        See :func:`multipole_rule`.

    Returns
    -------
    float or ndarray
        bohr^{2l+1} (real for real or imaginary ω), same shape as ``omega``.

    Raises
    ------
    SingularSumError
        ω = 0 for a state with an l-wave level degenerate with it (2s for l = 1; 3s for
        l = 1, 2; nS, n >= 4, for l = 1, 2, 3), unless level_shifts lift the degeneracy.

    Examples
    --------
    >>> round(float(multipole_polarizability("1s", 2)), 12)
    15.0
    >>> round(float(multipole_polarizability("1s", 3)), 10)
    131.25
    """
    rule = multipole_rule(state, l, level_shifts=level_shifts)
    om = np.asarray(omega)
    if om.dtype.kind not in "iufc":
        raise TypeError("omega must be a number or an array of numbers")
    _check_omega(rule, om)
    keep = ~rule.degenerate               # f = 0 there; ω = 0 was rejected above
    w, f = rule.omega[keep], rule.f[keep]
    if np.iscomplexobj(om) and not np.any(om.real):
        z2 = -(om.imag ** 2).ravel()      # imaginary axis: ω² = -u², real arithmetic
    else:
        z2 = (om * om).ravel()
    out = np.empty(z2.shape, dtype=complex if np.iscomplexobj(z2) else float)
    for start in range(0, z2.size, 2048):  # bounded memory for long arrays of ω
        chunk = z2[start:start + 2048]
        out[start:start + 2048] = (f / (w * w - chunk[:, None])).sum(axis=1)
    if np.iscomplexobj(out) and np.all(om.real * om.imag == 0):
        out = out.real
    out = out.reshape(om.shape)
    return out[()] if out.ndim == 0 else out


def _derivative_coefficients(n: int) -> dict[int, Fraction]:
    """c_p of R_n0'(r) = A_n0 e^{-r/n} Σ_p c_p r^p (exact)."""
    c: dict[int, Fraction] = {}
    for j, dj in enumerate(_laguerre_coefficients(n, 0)):
        if j:
            c[j - 1] = c.get(j - 1, Fraction(0)) + j * dj
        c[j] = c.get(j, Fraction(0)) - dj / n
    return c


def _gradient_moment_exact(n: int, l: int, n2: int | None = None) -> float:
    """∫ r^{2l} R_n0'(r) R_n2,0'(r) dr (n2 defaults to n), exact rationals rounded once."""
    n2 = n if n2 is None else n2
    ca_, cb_ = _derivative_coefficients(n), _derivative_coefficients(n2)
    p_exp = Fraction(1, n) + Fraction(1, n2)
    total = Fraction(0)
    for a, ca in ca_.items():
        for b, cb in cb_.items():
            e = a + b + 2 * l
            total += ca * cb * math.factorial(e) / p_exp ** (e + 1)
    sq = _norm2(n, 0) * _norm2(n2, 0) * total * total
    return math.copysign(math.sqrt(sq), total)


def multipole_sum_rules(state, l, *, level_shifts=None) -> dict:
    """The 2^l-pole sum rules (M2) on :func:`multipole_rule`, with their exact values.

    * "closure": Σ q = ⟨Q_l²⟩ = ⟨r^{2l}⟩/(2l+1)  (bohr^{2l});
    * "trk": Σ f^(l) = ⟨|∇Q_l|²⟩ = l ⟨r^{2l-2}⟩ (generalised Thomas-Reiche-Kuhn, from
      [Q_l, [H, Q_l]] = |∇Q_l|²; bohr^{2l-2}: f^(l) = 2 m_e ω q/ħ², dimensionless for l = 1);
    * "velocity": Σ ω² q = ⟨|∇Q_l·∇ψ|²⟩ = l²/(2l+1) ∫ r^{2l} R_n0'² dr
      (hartree²·bohr^{2l}).

    Exact values from exact rational integrals of the Laguerre polynomials (rounded once);
    level shifts break them slightly (they hold for the Coulomb spectrum).

    Parameters
    ----------
    state : str or tuple or State
        An S state, 1 <= n <= N_STATE_MAX, e.g. "1s".
    l : int
        Multipole order: 1 dipole, 2 quadrupole, 3 octupole.
    level_shifts : dict, optional
        See :func:`multipole_rule`.

    Returns
    -------
    dict
        name -> (computed, exact) floats, in the units above.

    Examples
    --------
    >>> got, exact = multipole_sum_rules("1s", 3)["trk"]      # 3 ⟨r⁴⟩ = 135/2
    >>> exact
    67.5
    >>> abs(got - exact) < 1e-12 * exact
    True
    """
    st = _check_s_state(state)
    l = _check_multipole(l)
    rule = multipole_rule(st, l, level_shifts=level_shifts)
    q, de = rule.x2, rule.dE
    r2l = _norm2(st.n, 0) * _radial_exact_diagonal(st.n, 0, 0, 2 * l)[1]
    r2l_2 = (_norm2(st.n, 0) * _radial_exact_diagonal(st.n, 0, 0, 2 * l - 2)[1]
             if l > 1 else Fraction(1))
    grad = _gradient_moment_exact(st.n, l)
    return {
        "closure": (float(np.sum(q)), float(r2l / (2 * l + 1))),
        "trk": (float(np.sum(rule.f)), float(l * r2l_2)),
        "velocity": (float(np.sum(de * de * q)), l * l / (2 * l + 1) * grad),
    }


# ---------------------------------------------------------------------------
# Transition rules (bra ≠ ket) for the state-swap partners of 1s–nS
# ---------------------------------------------------------------------------

def _transition_density(n1: int, n2: int, l: int, E: np.ndarray) -> np.ndarray:
    """Signed product density: ν³⟨ν l|r^l|n1 0⟩⟨ν l|r^l|n2 0⟩ (E < 0), continuum above, (M4)."""
    p1, a1, thermal = _continued_parts(n1, 0, l, l, E)
    p2, a2, _ = _continued_parts(n2, 0, l, l, E)
    return np.sqrt(p1 * p2) * thermal * a1 * a2


def _build_transition(n1: int, n2: int, l: int, resolution: int) -> SpectralRule:
    """Rule {Ē - E_m, t_m} with t_m = ⟨n1 0|Q_l|m⟩⟨m|Q_l|n2 0⟩ (m-summed), Ē = (E_n1 + E_n2)/2."""
    n_hi = max(n1, n2)
    n_disc = max(_N_DISCRETE, 2 * n_hi + 20) + 20 * (resolution - 1)
    tail_nodes = _N_TAIL + 4 * (resolution - 1)
    panel_nodes = _PANEL_NODES + 8 * (resolution - 1)
    e_ref = 0.5 * (energy(n1) + energy(n2))
    ang = 1.0 / (2 * l + 1)
    n2s = np.arange(l + 1, n_disc + 1)
    t = np.array([radial_multipole(n1, 0, int(m), l, l) * radial_multipole(n2, 0, int(m), l, l)
                  for m in n2s])
    e_m = energy(n2s)
    nu, w_t = rydberg_tail_rule(n_disc, tail_nodes)
    e_t = -0.5 / nu ** 2
    e_c, w_c = continuum_rule(0.5 / n_hi ** 2, panel_nodes, _Y_PANELS)
    arrays = [
        np.concatenate([e_ref - e_m, e_ref - e_t, e_ref - e_c]),
        np.concatenate([ang * t, ang * w_t * _transition_density(n1, n2, l, e_t),
                        ang * w_c * _transition_density(n1, n2, l, e_c)]),
        np.concatenate([np.full(n2s.size, DISCRETE), np.full(nu.size, TAIL),
                        np.full(e_c.size, CONTINUUM)]),
        np.concatenate([n2s, np.zeros(nu.size + e_c.size, int)]),
        np.full(n2s.size + nu.size + e_c.size, l),
        np.concatenate([e_m, e_t, e_c]),
    ]
    for a in arrays:
        a.setflags(write=False)
    *fields, e_all = arrays
    return SpectralRule(State(n1, 0), *fields, ket=State(n2, 0), e_m=e_all,
                        e_bra=float(energy(n1)), e_ket=float(energy(n2)))


@lru_cache(maxsize=64)
def _cached_transition_rule(n1: int, n2: int, l: int) -> SpectralRule:
    coarse = _build_transition(n1, n2, l, 1)
    fine = _build_transition(n1, n2, l, 2)
    # signed weights: errors relative to the sums of |terms| (the sums themselves may cancel)
    probes = []
    for rule in (coarse, fine):
        de, t = rule.dE, rule.x2
        probes.append(np.array([[np.sum(t * g), np.sum(np.abs(t * g))] for g in
                                (np.ones_like(de), 1 / de, de, de * de,
                                 de / (de * de + 1.0), de / (de * de + 1e4))]))
    pc, pf = probes
    err = float(np.max(np.abs(pc[:, 0] - pf[:, 0]) / pf[:, 1]))
    return dataclasses.replace(coarse, error=err)


def _check_exchange_pair(state1, state2) -> tuple[State, State]:
    st1, st2 = _check_s_state(state1, "state1"), _check_s_state(state2, "state2")
    if st1.n == st2.n:
        raise ValueError(f"state1, state2: the state-swap (exchange) term needs two different "
                         f"levels (1s and nS); got {st1.label} twice")
    if min(st1.n, st2.n) != 1:
        raise ValueError(f"state1, state2: the exchange term is implemented for 1s-nS pairs "
                         f"(no intermediate pair can then be resonant); got {st1.label}-{st2.label}")
    return st1, st2


def multipole_transition_rule(state1, state2, l) -> SpectralRule:
    """Transition rule {Ē - E_m, t_m} of the 2^l-pole between two S states (bra ≠ ket).

    Weights t_m = Σ_{m'} ⟨n1 0|Q_l|m l m'⟩⟨m l m'|Q_l|n2 0⟩ = ⟨m l|r^l|n1 0⟩⟨m l|r^l|n2 0⟩/(2l+1)
    (bohr^{2l}, signed), summed over the discrete and continuum l-wave states like
    :func:`multipole_rule` (signed product density from (M4) on the Rydberg tail and the
    continuum). ``dE`` = Ē - E_m with Ē = (E_n1 + E_n2)/2 (hartree), so that the
    energy denominator of the exchange term is E_{m_a} + E_{m_b} - E_n1 - E_n2 =
    -(dE_a + dE_b). Whatever the order of the arguments, ``state`` (the bra) is 1s and
    ``ket`` is nS (the weights are symmetric in the two); ``error`` is relative to the sums
    of |terms|.

    Parameters
    ----------
    state1, state2 : str or tuple
        1s and an nS state, 2 <= n <= N_STATE_MAX (either order).
    l : int
        Multipole order: 1 dipole, 2 quadrupole, 3 octupole.

    Returns
    -------
    SpectralRule
        ``dE`` = Ē - E_m in hartree, ``x2`` the signed weights t_m in bohr^{2l}, ``state``
        1s, ``ket`` nS, ``delta`` = E_nS - E_1s (hartree).

    Examples
    --------
    >>> rule = multipole_transition_rule("1s", "2s", 1)
    >>> round(float(rule.x2.sum()), 10)     # Σ t = ⟨1s|z²|2s⟩ = -512 √2/729
    -0.9932473854
    """
    st1, st2 = _check_exchange_pair(state1, state2)
    l = _check_multipole(l)
    n1, n2 = sorted((st1.n, st2.n))
    return _cached_transition_rule(n1, n2, l)


def multipole_transition_sum_rules(state1, state2, l) -> dict:
    """Sum rules of :func:`multipole_transition_rule`, with exact values (closure, commutators).

    The off-diagonal (M2), with the signed weights t_m and Ē = (E_n1 + E_n2)/2:

    * "closure": Σ t = ⟨n1 0|Q_l²|n2 0⟩ = ⟨n1 0|r^{2l}|n2 0⟩/(2l+1)  (bohr^{2l});
    * "commutator": Σ 2(E_m - Ē) t = ⟨n1|[Q_l,[H,Q_l]]|n2⟩ = l ⟨n1 0|r^{2l-2}|n2 0⟩
      (0 for l = 1 by orthogonality; hartree·bohr^{2l});
    * "velocity": Σ (E_m - E_n1)(E_m - E_n2) t = ⟨[H,Q_l]n1|[H,Q_l]n2⟩
      = l²/(2l+1) ∫ r^{2l} R_n1,0' R_n2,0' dr  (hartree²·bohr^{2l}).

    Exact values from exact rational radial integrals (rounded once). Not the dipole
    (T0)-(T3) of :func:`hydrogen.sums.transition_sum_rules`, which returns scales instead.

    Parameters
    ----------
    state1, state2 : str or tuple or State
        1s and an nS state, 2 <= n <= N_STATE_MAX (either order).
    l : int
        Multipole order, 1, 2 or 3.

    Returns
    -------
    dict
        name -> (computed, exact) floats, in the units above.

    Examples
    --------
    >>> got, exact = multipole_transition_sum_rules("1s", "2s", 2)["commutator"]
    >>> round(exact, 12)                    # 2 ⟨1s|r²|2s⟩ = -1024√2/243
    -5.959484312222
    >>> abs(got - exact) < 1e-12
    True
    """
    st1, st2 = _check_exchange_pair(state1, state2)
    l = _check_multipole(l)
    rule = multipole_transition_rule(st1, st2, l)
    n1, n2 = st1.n, st2.n
    e1, e2 = energy(n1), energy(n2)
    e_ref = 0.5 * (e1 + e2)
    e_m = e_ref - rule.dE
    t = rule.x2

    def moment(power):                # ⟨n1 0|r^power|n2 0⟩; 0 for power 0 (orthogonality)
        return _radial_exact(n1, 0, n2, 0, power) if power else 0.0

    return {
        "closure": (float(np.sum(t)), moment(2 * l) / (2 * l + 1)),
        "commutator": (float(np.sum(2 * (e_m - e_ref) * t)), float(l * moment(2 * l - 2))),
        "velocity": (float(np.sum((e_m - e1) * (e_m - e2) * t)),
                     float(Fraction(l * l, 2 * l + 1) * _gradient_moment_exact(n1, l, n2))),
    }


def dispersion_exchange(state1, state2, l1, l2) -> float:
    """The (l1, l2) part of the state-swap partner X_{2(l1+l2+1)} of 1s–nS, hartree·bohr^{2L+2}.

    For identical atoms in the levels 1s and nS the pair states |1s, nS⟩ and |nS, 1s⟩ are
    degenerate and coupled at second order in the multipole interaction; the 2×2
    effective Hamiltonian has diagonal -C/R^p (Eq. (M5)) and off-diagonal -X/R^p with

        X_{l1 l2} = K(l1, l2) Σ_{a,b} t_a^{(l1)} t_b^{(l2)} / (E_{m_a} + E_{m_b} - E_1s - E_nS),   (M6)

    (t from :func:`multipole_transition_rule`; the angular algebra is that of the direct
    term), so E± = -(C ± X)/R^p for (|1s, nS⟩ ± |nS, 1s⟩)/√2. No denominator vanishes for
    1s–nS (E_{m_a} + E_{m_b} >= -1/4 > E_1s + E_nS).

    Parameters
    ----------
    state1, state2 : str or tuple
        1s and nS (2 <= n <= N_STATE_MAX), either order (X is symmetric).
    l1, l2 : int
        Multipole orders 1..3.

    Returns
    -------
    float
        X_{l1 l2} in hartree·bohr^{2(l1+l2+1)}.

    Raises
    ------
    ValueError
        Not a 1s-nS pair of different levels, or l1, l2 outside 1..3.

    Examples
    --------
    >>> round(dispersion_exchange("1s", "2s", 1, 1), 2)    # X6, Adhikari et al., PRA 95, 022703 (2017)
    27.98
    """
    l1, l2 = _check_multipole(l1), _check_multipole(l2)
    r1 = multipole_transition_rule(state1, state2, l1)
    r2 = multipole_transition_rule(state1, state2, l2)
    total = r1.x2 @ (1.0 / np.add.outer(r1.dE, r2.dE)) @ r2.x2
    return float(-_pair_factor(l1, l2) * total)


def C8_exchange(state1, state2) -> float:
    """State-swap partner X8 of C8 for 1s–nS (hartree·bohr⁸): E± ⊃ -(C8 ± X8)/R⁸.

    X8 = X_{12} + X_{21} of :func:`dispersion_exchange`, Eq. (M6) with K(1, 2) = 15.

    Parameters
    ----------
    state1, state2 : str or tuple
        1s and nS (2 <= n <= N_STATE_MAX), either order.

    Returns
    -------
    float
        X8 in hartree·bohr⁸.

    Examples
    --------
    >>> round(C8_exchange("1s", "2s"), 6)
    1490.67509
    """
    return dispersion_exchange(state1, state2, 1, 2) + dispersion_exchange(state1, state2, 2, 1)


def C10_exchange(state1, state2) -> float:
    """State-swap partner X10 of C10 for 1s–nS (hartree·bohr¹⁰): E± ⊃ -(C10 ± X10)/R¹⁰.

    X10 = X_{13} + X_{31} + X_{22} of :func:`dispersion_exchange`, Eq. (M6) with
    K(1, 3) = 28, K(2, 2) = 70.

    Parameters
    ----------
    state1, state2 : str or tuple
        1s and nS (2 <= n <= N_STATE_MAX), either order.

    Returns
    -------
    float
        X10 in hartree·bohr¹⁰.

    Examples
    --------
    >>> round(C10_exchange("1s", "2s"), 4)
    102073.2484
    """
    return (dispersion_exchange(state1, state2, 1, 3) + dispersion_exchange(state1, state2, 3, 1)
            + dispersion_exchange(state1, state2, 2, 2))


# ---------------------------------------------------------------------------
# Dispersion coefficients
# ---------------------------------------------------------------------------

def _pair_factor(l1: int, l2: int) -> int:
    """K(l_A, l_B) = (2L)!/((2l_A)!(2l_B)!) of Eq. (M5)."""
    return math.factorial(2 * (l1 + l2)) // (math.factorial(2 * l1) * math.factorial(2 * l2))


def dispersion_coefficient(state1, state2, l1, l2, *, level_shifts=None) -> float:
    """The (l1, l2) part of C_{2(l1+l2+1)}: K Σ q_a q_b/(ω_a + ω_b), Eq. (M5), hartree·bohr^{2L+2}.

    Atom 1 (``state1``) enters through its 2^{l1}-pole, atom 2 through its 2^{l2}-pole
    transitions; W ⊃ -this/R^{2(l1+l2+1)}. (1, 1) is C6; C8 = (1,2) + (2,1);
    C10 = (1,3) + (3,1) + (2,2).

    Parameters
    ----------
    state1, state2 : str or tuple
        S states.
    l1, l2 : int
        Multipole orders, 1..3.
    level_shifts : dict, optional
        Applied to both atoms, see :func:`multipole_rule`.

    Returns
    -------
    float
        The (l1, l2) part of C_{2(l1+l2+1)} in hartree·bohr^{2(l1+l2+1)}.

    Raises
    ------
    SingularSumError
        An intermediate pair is resonant (ω_a + ω_b = 0 between discrete levels, or both
        degenerate with their initial states), or a downward transition of one atom can
        ionise the other.

    Examples
    --------
    >>> round(dispersion_coefficient("1s", "1s", 1, 1), 10)     # C6, Yan et al. (1996)
    6.4990267054
    """
    st1, st2 = _check_s_state(state1, "state1"), _check_s_state(state2, "state2")
    l1, l2 = _check_multipole(l1), _check_multipole(l2)
    r1 = multipole_rule(st1, l1, level_shifts=level_shifts)
    r2 = multipole_rule(st2, l2, level_shifts=level_shifts)
    _check_resonance(r1, r2)
    # Σ q_a q_b/(ω_a + ω_b) = -Σ q_a q_b/(ΔE_a + ΔE_b)
    total = r1.x2 @ (1.0 / np.add.outer(r1.dE, r2.dE)) @ r2.x2
    return float(-_pair_factor(l1, l2) * total)


def C8(state1, state2=None, *, level_shifts=None) -> float:
    """Dipole-quadrupole dispersion coefficient C8 (hartree·bohr⁸), W ⊃ -C8/R⁸, Eq. (M5).

    C8 = 15 Σ [q^(1)_a q^(2)_b + q^(2)_a q^(1)_b]/(ω_a + ω_b); for ground-state atoms
    C8 = (15/2π) ∫₀^∞ [α_1^A α_2^B + α_2^A α_1^B](iu) du (Yan et al., PRA 54, 2824 (1996)).
    The direct (London-type) term of two S-state atoms; for identical atoms in different
    levels the state-swap (exchange) partner is not included here.

    Parameters
    ----------
    state1, state2 : str or tuple
        S states (state2 defaults to state1).
    level_shifts : dict, optional
        See :func:`multipole_rule`.

    Returns
    -------
    float
        C8 in hartree·bohr⁸.

    Raises
    ------
    SingularSumError
        A resonant intermediate pair, as for :func:`dispersion_coefficient`.

    Examples
    --------
    >>> round(C8("1s", "1s"), 9)             # 124.3990835836223, Yan et al. (1996)
    124.399083584
    """
    state2 = state1 if state2 is None else state2
    return (dispersion_coefficient(state1, state2, 1, 2, level_shifts=level_shifts)
            + dispersion_coefficient(state1, state2, 2, 1, level_shifts=level_shifts))


def C10(state1, state2=None, *, level_shifts=None) -> float:
    """C10 (hartree·bohr¹⁰), W ⊃ -C10/R¹⁰: dipole-octupole and quadrupole-quadrupole, Eq. (M5).

    C10 = 28 Σ [q^(1)_a q^(3)_b + q^(3)_a q^(1)_b]/(ω_a + ω_b) + 70 Σ q^(2)_a q^(2)_b/(ω_a + ω_b);
    for ground-state atoms C10 = (14/π) ∫ [α_1^A α_3^B + α_3^A α_1^B] du + (35/π) ∫ α_2^A α_2^B du
    (Yan et al., PRA 54, 2824 (1996)). Direct term only (see :func:`C8`).

    Parameters
    ----------
    state1, state2 : str or tuple
        S states (state2 defaults to state1), 1 <= n <= N_STATE_MAX.
    level_shifts : dict, optional
        See :func:`multipole_rule`.

    Returns
    -------
    float
        C10 in hartree·bohr¹⁰.

    Raises
    ------
    SingularSumError
        A resonant intermediate pair, as for :func:`dispersion_coefficient`.

    Examples
    --------
    >>> round(C10("1s", "1s"), 8)            # 3285.828414967421, Yan et al. (1996)
    3285.82841497
    """
    state2 = state1 if state2 is None else state2
    return (dispersion_coefficient(state1, state2, 1, 3, level_shifts=level_shifts)
            + dispersion_coefficient(state1, state2, 3, 1, level_shifts=level_shifts)
            + dispersion_coefficient(state1, state2, 2, 2, level_shifts=level_shifts))
