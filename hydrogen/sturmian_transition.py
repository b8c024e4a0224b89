"""Transition polarizabilities and X6 from the Coulomb-Sturmian Green's function (mpmath).

A second route to the exchange coefficient X6 of two hydrogen atoms in the levels 1s and ns
(E± = -(C6 ± X6)/R⁶), sharing no code with :mod:`hydrogen.dipole`, :mod:`hydrogen.spectrum`
or :func:`hydrogen.spectrum.transition_rule`: instead of summing signed products ⟨a|x|m⟩⟨m|x|b⟩ over the
discrete and continuum spectrum, it evaluates the l = 1 Coulomb Green's function between the
two dipole sources in the Coulomb-Sturmian basis (Hostler's diagonal series, as in
:mod:`hydrogen.sturmian`), at complex energy E_mean ± iu.

Atomic units, infinite nuclear mass, E_n = -1/(2n²). For S states a = |n_a s⟩, b = |n_b s⟩,
with P-form sources f_n(r) = r² R_n0(r) (x|ns⟩ = 3^{-1/2} r R_n0 Y_10),

    a(iu) = Σ_m w_m 2ε_m/(ε_m² + u²) = (1/3) Σ_{s=±} ⟨f_a| G_1(E_mean + s iu) |f_b⟩,     (X1)

w_m = ⟨a|x|m⟩⟨m|x|b⟩, ε_m = E_m - E_mean, E_mean = (E_a + E_b)/2, G_1 = (h_1 - E)^{-1},
h_1 = -½ d²/dr² + 1/r² - 1/r. With E = -λ²/2 (Re λ > 0) and the Sturmians
S_k = r² e^{-λr} L_k^{(3)}(2λr),

    ⟨f_a|G_1(E)|f_b⟩ = Σ_k (2λ)⁴ A_k B_k / (h_k ((k+2)λ - 1)),  h_k = (k+1)(k+2)(k+3),  (X2)

A_k = ∫ S_k f_a dr. For a source N_n e^{-r/n} Σ_m c_m r^m, the Laguerre generating function
gives, with p = λ + 1/n and Q = (λ - 1/n)/p (M the largest power m),

    Σ_k A_k t^k = (1 + Qt)^{-(M+3)} Σ_m c_m (m+2)! p^{-(m+3)} (1-t)^{m-1} (1+Qt)^{M-m}, (X3)

a polynomial of degree M - 1 times a binomial series, so A_k is a short convolution.
For a ≠ b the terms of (X2) fall like (Q_a Q_b)^k (fast: |Q_1| ≤ 0.4 at small u).

The exchange coefficient (derivation in docs/excited.md): the off-diagonal element of the
second-order dipole-dipole interaction, written with the Feynman loop over the photon
frequency ν measured from Δ/2 (Δ = E_b - E_a) and Wick-rotated (no pole is crossed: every
ε_m > 0 for nS-1S), is H₁₂ = -X6/R⁶ with

    X6 = (3/π) ∫₀^∞ a(iu)² du  =  6 Σ_{m,m'} w_m w_m'/(ε_m + ε_m').                      (X4)

The u integral is done with Gauss-Legendre nodes on u = σ t/(1 - t) (σ = 1/4 hartree);
a(iu) ~ -(4/3)(n_a n_b)^{-3/2}/u⁴ (sum rule (T3) of :func:`hydrogen.spectrum.transition_rule`), so the
integrand is smooth and decays like u^{-8}.

References: L. Hostler, J. Math. Phys. 5, 591 (1964); M. Rotenberg, Adv. At. Mol. Phys. 6,
233 (1970); the derivation of (X4) in docs/excited.md.
"""
from __future__ import annotations

import functools
import math
import numbers
from fractions import Fraction

import mpmath
import numpy as np

__all__ = ["transition_green_mp", "transition_alpha_iu_mp", "X6_sturmian"]


def _check_n(name: str, n) -> int:
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise ValueError(f"{name} must be an integer >= 1 (principal quantum number), got {n!r}")
    return int(n)


@functools.lru_cache(maxsize=None)
def _source(n: int) -> tuple:
    """(m, c_m (m+2)!) of f_n = r² R_n0 = N_n e^{-r/n} Σ c_m r^m, N_n² = 4/n⁵ (exact).

    R_n0 = N_n e^{-r/n} L_{n-1}^{(1)}(2r/n), positive at r = 0 (sympy's sign convention).
    """
    out = []
    for i in range(n):
        c = Fraction(math.comb(n, n - 1 - i) * (-1) ** i * 2 ** i, n ** i * math.factorial(i))
        m = i + 2
        out.append((m, c * math.factorial(m + 2)))
    return tuple(out)


def _overlaps(n: int, lam, kmax: int):
    """[A_0, ..., A_{kmax-1}] of (X3) for the source f_n (without N_n), mpmath."""
    src = _source(n)
    M = max(m for m, _ in src)
    inv_n = mpmath.mpf(1) / n
    p = lam + inv_n
    Q = (lam - inv_n) / p
    # P(t) = Σ_m c'_m p^{-(m+3)} (1-t)^{m-1} (1+Qt)^{M-m}, degree M-1
    P = [mpmath.mpc(0)] * M
    for m, c in src:
        coef = mpmath.mpf(c.numerator) / c.denominator * p ** (-(m + 3))
        poly = [coef]
        for _ in range(m - 1):                       # × (1 - t)
            poly = [a - b for a, b in zip(poly + [0], [0] + poly)]
        for _ in range(M - m):                       # × (1 + Qt)
            poly = [a + Q * b for a, b in zip(poly + [0], [0] + poly)]
        for i, x in enumerate(poly):
            P[i] += x
    # D_j = [t^j](1 + Qt)^{-(M+3)} = C(j+M+2, M+2) (-Q)^j
    D = [mpmath.mpc(1)]
    for j in range(kmax - 1):
        D.append(D[-1] * (-Q) * (j + M + 3) / (j + 1))
    return [sum(P[i] * D[k - i] for i in range(min(k, M - 1) + 1)) for k in range(kmax)]


def transition_green_mp(n_a, n_b, E, dps=30):
    """⟨f_a|G_1(E)|f_b⟩ of Eq. (X2), the l = 1 Coulomb Green's function between S sources.

    Parameters
    ----------
    n_a, n_b : int
        Principal quantum numbers of the two S states, >= 1.
    E : complex or mpmath.mpc
        Energy in hartree, off the spectrum of h_1 (Re λ > 0, λ = sqrt(-2E) not 1/(k+2)).
    dps : int
        Working precision (decimal digits); the series is summed until its terms stay below
        10^{-dps} of the partial sum.

    Returns
    -------
    mpmath.mpc
        bohr² · hartree⁻¹ (it is 3 Σ_m ⟨a|x|m⟩⟨m|x|b⟩/(E_m - E)).

    Examples
    --------
    >>> g = transition_green_mp(1, 1, -0.5, dps=20)      # 3 α(1s)/2 at ω = 0: 27/4
    >>> mpmath.nstr(g.real, 12)
    '6.75'
    """
    n_a, n_b = _check_n("n_a", n_a), _check_n("n_b", n_b)
    with mpmath.workdps(dps + 10):
        E = mpmath.mpc(E)
        lam = mpmath.sqrt(-2 * E)
        if lam.real <= 0:
            raise ValueError(f"E = {E}: needs Re sqrt(-2E) > 0 (off the continuum)")
        tol = mpmath.mpf(10) ** (-dps - 2)
        norm = mpmath.sqrt(mpmath.mpf(4) / n_a ** 5 * mpmath.mpf(4) / n_b ** 5)
        S = mpmath.mpc(0)
        kmax, start, quiet = 64, 0, 0
        while True:
            A = _overlaps(n_a, lam, kmax)
            B = A if n_b == n_a else _overlaps(n_b, lam, kmax)
            for k in range(start, kmax):
                den = (k + 2) * lam - 1
                if den == 0:
                    raise ValueError(f"E = {E} is the bound level n = {k + 2} of h_1 (a pole)")
                term = (2 * lam) ** 4 * A[k] * B[k] / ((k + 1) * (k + 2) * (k + 3) * den)
                S += term
                quiet = quiet + 1 if abs(term) <= tol * abs(S) else 0
                if quiet >= 12 and k > 2 * (n_a + n_b):
                    return S * norm
            start, kmax = kmax, 2 * kmax
            if kmax > 200_000:
                raise RuntimeError("Sturmian series did not converge (E too close to the continuum)")


def transition_alpha_iu_mp(n_a, n_b, u, dps=30):
    """Transition polarizability a(iu) of Eq. (X1), measured from the mean energy, bohr³.

    a(iu) = Σ_m ⟨a|x|m⟩⟨m|x|b⟩ 2ε_m/(ε_m² + u²), ε_m = E_m - (E_a + E_b)/2; for a = b = 1s it is
    the ordinary α_1s(iu).

    Parameters
    ----------
    n_a, n_b : int
        Principal quantum numbers of the S states.
    u : float
        Imaginary frequency, hartree (u = 0 allowed when no p level lies at E_mean).
    dps : int
        Working precision.

    Returns
    -------
    mpmath.mpf

    Examples
    --------
    >>> mpmath.nstr(transition_alpha_iu_mp(1, 1, 0, dps=20), 12)     # α(1s) = 9/2
    '4.5'
    """
    n_a, n_b = _check_n("n_a", n_a), _check_n("n_b", n_b)
    with mpmath.workdps(dps + 10):
        e_mean = -(mpmath.mpf(1) / n_a ** 2 + mpmath.mpf(1) / n_b ** 2) / 4
        g = transition_green_mp(n_a, n_b, e_mean + 1j * mpmath.mpf(u), dps)
        return 2 * g.real / 3


def X6_sturmian(n_b, n_a=1, nodes=80, dps=25) -> float:
    """Exchange coefficient X6 of E± = -(C6 ± X6)/R⁶ by Eq. (X4), hartree·bohr⁶.

    X6 = (3/π) ∫₀^∞ a(iu)² du with a(iu) from the Sturmian Green's function (X1)-(X3);
    Gauss-Legendre in t, u = σ t/(1 - t), σ = 1/4 hartree.

    Parameters
    ----------
    n_b : int
        The excited S level (n_b >= 2; for n_b = n_a the same formula gives C6 of two
        identical ground-state-like atoms only if no level is degenerate).
    n_a : int
        The other atom (default 1s).
    nodes : int
        Gauss-Legendre nodes (80 gives ~1e-13 relative for 2 <= n_b <= 12).
    dps : int
        Working precision of the Green's function.

    Returns
    -------
    float

    Examples
    --------
    >>> round(X6_sturmian(2, nodes=40), 6)        # Adhikari et al. PRA 95, 022703: 27.98
    27.983246
    """
    n_a, n_b = _check_n("n_a", n_a), _check_n("n_b", n_b)
    x, w = np.polynomial.legendre.leggauss(int(nodes))
    t, wt = 0.5 * (x + 1), 0.5 * w
    sigma = 0.25
    total = mpmath.mpf(0)
    with mpmath.workdps(dps):
        for ti, wi in zip(t, wt):
            u = sigma * ti / (1 - ti)
            du = sigma / (1 - ti) ** 2
            a = transition_alpha_iu_mp(n_a, n_b, u, dps)
            total += wi * du * a * a
        return float(3 * total / mpmath.pi)
