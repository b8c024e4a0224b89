"""Sturmian-series polarizability of hydrogen nS states against independent references.

References used (none shares code with hydrogen/sturmian.py's series):
* exact α_1s(0) = 9/2 (Epstein 1926, Waller 1926; Dalgarno & Lewis 1955);
* the C6 of Yan, Babb, Dalgarno & Drake, Phys. Rev. A 54, 2824 (1996), through the
  Casimir-Polder integral of α_1s(iu)²;
* M. I. Chibisov, "Dispersion formula for the hydrogen atom in the ground state",
  Dokl. Akad. Nauk SSSR (1970), Eqs. (2)-(2''): an integral representation of α_1s(ω) from
  the Laplace transform of the Dalgarno-Lewis equation, evaluated here by mpmath.quad;
* the large-u expansion α = u⁻² - S(2)u⁻⁴ + (8/3)u^{-9/2} - (4π/3)u⁻⁵ + O(u^{-11/2}) for 1s:
  S(0) = 1 (TRK), S(2) = (4π/3)|ψ(0)|² = 4/3, and the u^{-9/2}, u⁻⁵ terms from the
  high-energy photoionisation density df/dE = (2^{7/2}/3π) E^{-7/2} (1 - π/√(2E) + ...)
  (Stobbe's exact 1s cross-section, Bethe & Salpeter §71), integrated against w⁴/(w²+u²);
* exact rational inverse oscillator sums S(-2j-2) from the polynomial Dalgarno-Lewis route
  (inverse_oscillator_sums_exact: back-substitution on e^{-r/n}·polynomials, no Sturmians);
* the radial integral ⟨np|r|ns⟩² = (9/4) n²(n² - 1) (Bethe & Salpeter Eq. (63.2)).
"""
import math
from fractions import Fraction

import mpmath
import numpy as np
import pytest

from hydrogen.sturmian import (_norm2, _pole_taylor, alpha_iu_sturmian, alpha_iu_sturmian_mp,
                               alpha_real_sturmian, alpha_real_sturmian_mp, first_resonance,
                               inverse_oscillator_sums_exact, static_polarizability_exact)

# Yan, Babb, Dalgarno & Drake, Phys. Rev. A 54, 2824 (1996), Table I (H-H, 1s-1s).
C6_YAN_1996 = 6.499026705405839

# Round-off floor of the float64 Sturmian path (alternating overlap sums (S4), cancellation
# ~2^n): largest relative error against the mp path at 40 digits over dense grids, any CPU
# setting of docs/testing.md. Tolerances are 100x these (docs/testing.md).
#: α(iu), u in [1e-6, 1e3] (n = 3: at the (S6) switch u ≈ 1/(4n²); 2e-14 elsewhere)
FLOOR_IU = {1: 2.7e-15, 2: 7.1e-15, 3: 4.3e-14}
#: α(ω), real |ω| up to 0.999 of the first resonance (the error grows like 1/(1 - |ω|/ω_res))
FLOOR_REAL = {1: 8.7e-15, 2: 1.8e-14, 3: 8.8e-14, 4: 6.5e-14}
#: small u, |ω| (Dalgarno-Lewis regime of the tests below, n <= 3): measured ≤ 9.3e-15
FLOOR_SMALL = 1e-14


def _chibisov_f(w):
    """f(ω) of Chibisov's Eq. (2'). For real ω the endpoint factor (x - p1)^{a-1} is removed
    by y = |x - p1|^a (tanh-sinh alone loses digits when a - 1 < -1/2, i.e. near ω = 3/8)."""
    lam = mpmath.sqrt(1 + 2 * w)
    p1 = 1 + lam
    p2 = 2 - p1
    a = 2 - 1 / lam
    pref = 96 / (p2 ** a * p1 ** (4 - a))
    if mpmath.im(w) != 0:
        return pref * mpmath.quad(lambda x: (x - p1) ** (a - 1) * (x - p2) ** (3 - a) / x ** 5,
                                  [p1, 2])
    lam, p1, p2, a = (mpmath.re(v) for v in (lam, p1, p2, a))
    pref = 96 / (p2 ** a * p1 ** (4 - a))          # complex when p2 < 0 (ω > 0)
    if p1 < 2:
        # x = p1 + y^{1/a}: (x - p1)^{a-1} dx = dy/a
        integral = mpmath.quad(lambda y: (p1 + y ** (1 / a) - p2) ** (3 - a)
                               / (p1 + y ** (1 / a)) ** 5, [0, (2 - p1) ** a]) / a
    else:
        # x = p1 - y^{1/a} runs from p1 down to 2; (x - p1)^{a-1} = (p1 - x)^{a-1} e^{iπ(a-1)}
        # on the principal branch, and (p1 - x)^{a-1} dx = -dy/a
        integral = -mpmath.exp(1j * mpmath.pi * (a - 1)) * mpmath.quad(
            lambda y: (p1 - y ** (1 / a) - p2) ** (3 - a) / (p1 - y ** (1 / a)) ** 5,
            [0, (p1 - 2) ** a]) / a
    return pref * integral


def chibisov_alpha(omega, dps=30):
    """α_1s(ω) = -(2/3ω)[f(ω) - f(-ω)], Chibisov Eq. (2); ω real (|ω| < 3/8) or 1j*u."""
    with mpmath.workdps(dps + 10):
        w = mpmath.mpmathify(omega)
        res = mpmath.re(-2 / (3 * w) * (_chibisov_f(w) - _chibisov_f(-w)))
    with mpmath.workdps(dps):
        return +res


def _moment_series(n, x2, kmax):
    """Σ_j S(-2j-2) x2^j from the exact Dalgarno-Lewis moments (x2 = ω², or -u²)."""
    S = inverse_oscillator_sums_exact(n, kmax)
    return sum(float(s) * x2 ** j for j, s in enumerate(S)), float(S[-1]) * abs(x2) ** (kmax - 1)


# ---------------------------------------------------------------------- exact values
def test_static_1s_is_nine_halves():
    # float64 rounding of a ~10-term sum: floor ~1e-15 (measured 0); 100x → 1e-13 relative
    assert abs(alpha_iu_sturmian(1, 0.0) - 4.5) <= 4.5e-13
    assert abs(alpha_real_sturmian(1, 0.0) - 4.5) <= 4.5e-13
    assert abs(alpha_iu_sturmian_mp(1, 0, dps=40) - mpmath.mpf(9) / 2) < mpmath.mpf(10) ** -38
    assert static_polarizability_exact(1) == Fraction(9, 2)


def test_dalgarno_lewis_moments_1s_literature():
    # S(-2) = 9/2 and S(-4) = 319/12: α(ω) = 9/2 + (319/12) ω² + ... (Karplus & Kolker,
    # J. Chem. Phys. 39, 1493 (1963); Dalgarno 1962)
    assert inverse_oscillator_sums_exact(1, 2) == (Fraction(9, 2), Fraction(319, 12))


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_static_closed_form(n):
    # n⁴(2n² + 7)/2: 9/2 for 1s, 120 for 2s (2p excluded)
    assert static_polarizability_exact(n, exclude_degenerate=True) == Fraction(n ** 4 * (2 * n * n + 7), 2)


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_pole_residue_is_np_radial_integral(n):
    # The k* = n - 2 Sturmian term has residue ⟨np|r|ns⟩² at the np pole (Eq. (S6)); the exact
    # radial integral is (3/2) n sqrt(n² - 1) (Bethe & Salpeter Eq. (63.2)).
    B0 = _pole_taylor(n)[0]
    assert B0 * _norm2(n) / n ** 2 == Fraction(9 * n * n * (n * n - 1), 4)


# ------------------------------------------------------- small frequency, exact moments
@pytest.mark.parametrize("n, us", [
    (1, [1e-3, 0.01, 0.03]),
    (2, [1e-8, 1e-6, 1e-4, 3e-3]),     # the (S6) Taylor regime of the np pole
    (3, [1e-7, 1e-4, 1e-3]),
])
def test_small_u_against_dalgarno_lewis(n, us):
    for u in us:
        ref, last = _moment_series(n, -u * u, 14)
        # the last kept term bounds the truncation of the moment series
        assert abs(last) < 1e-16 * ref
        # float64 rounding of the Sturmian series (measured ≤ 8.4e-15 here): 100x the floor
        assert alpha_iu_sturmian(n, u) == pytest.approx(ref, rel=100 * FLOOR_SMALL, abs=0)


@pytest.mark.parametrize("n, omegas", [(1, [0.01, -0.03, 0.05]), (2, [1e-6, 0.003]),
                                       (3, [-1e-5, 1e-3])])
def test_small_real_omega_against_dalgarno_lewis(n, omegas):
    for w in omegas:
        ref, last = _moment_series(n, w * w, 14)
        assert abs(last) < 1e-16 * ref
        assert alpha_real_sturmian(n, w) == pytest.approx(ref, rel=100 * FLOOR_SMALL, abs=0)


# --------------------------------------------------------- Chibisov integral (literature)
@pytest.mark.parametrize("omega", [0.1, 0.2, 0.3, 0.37])
def test_real_omega_against_chibisov(omega):
    ref = chibisov_alpha(omega)
    # float64 rounding; near the 3/8 resonance α ~ 40 and cancellation grows (measured 3.1e-15)
    assert alpha_real_sturmian(1, omega) == pytest.approx(float(ref), rel=100 * FLOOR_REAL[1], abs=0)


def test_real_omega_mp_against_chibisov():
    ref = chibisov_alpha(mpmath.mpf("0.25"), dps=30)
    assert abs(alpha_real_sturmian_mp(1, "0.25", dps=30) / ref - 1) < mpmath.mpf(10) ** -27


@pytest.mark.parametrize("u", [0.01, 0.5, 3.0, 30.0, 300.0])
def test_imaginary_omega_against_chibisov(u):
    ref = chibisov_alpha(1j * mpmath.mpf(u))
    assert alpha_iu_sturmian(1, u) == pytest.approx(float(ref), rel=100 * FLOOR_IU[1], abs=0)


# ------------------------------------------------------------------ large-u behaviour
@pytest.mark.parametrize("u", [1e3, 1e4])
def test_large_u_expansion_mp(u):
    a = alpha_iu_sturmian_mp(1, u, dps=30)
    with mpmath.workdps(30):
        U = mpmath.mpf(u)
        R = (a - 1 / U ** 2 + mpmath.mpf(4) / 3 / U ** 4) * U ** 4.5
        d = R - mpmath.mpf(8) / 3 + 4 * mpmath.pi / 3 / mpmath.sqrt(U)
    # the next term is O(1/u) relative to u^{-9/2} (measured d·u = 7.9 at 1e3, 8.6 at 1e4):
    # 12/u bounds it, and pins 8/3 to 1e-3 and 4π/3 to 3% already at u = 1e4
    assert abs(d) < 12 / u


def test_large_u_expansion_float():
    # u = 1e4, not 1e5: x = (1 - a u²) u² cancels, one ulp of a moves x by eps u² (2.2e-6 at
    # 1e5, where x - ref was 1.3e-6 of round-off against a 2.3e-6 tolerance; 2.2e-8 here)
    u = 1e4
    a = alpha_iu_sturmian(1, u)
    assert a * u * u == pytest.approx(1.0, abs=1e-7)        # next term S(2)/u² = 1.3e-8
    x = (1 - a * u * u) * u * u
    ref = 4 / 3 - (8 / 3) / u ** 0.5 + (4 * math.pi / 3) / u
    # the O(u^{-3/2}) term (measured 8.6 u^{-3/2}, test above) plus 100 ulp of a times u²;
    # pins the (4π/3)/u term (4e-4) to 3%
    assert abs(x - ref) < 9 * u ** -1.5 + 100 * np.finfo(float).eps * u * u


@pytest.mark.parametrize("n", [2, 3])
def test_large_u_excited_leading_terms(n):
    # S(0) = 1 and S(2) = 4/(3n³) for nS; next term O(u^{-1/2}) relative
    u = 1e4
    x = (1 - alpha_iu_sturmian(n, u) * u * u) * u * u
    # the u^{-9/2} term (8/3n³) u^{-1/2} relative is 2u^{-1/2} = 0.02 of S(2)
    assert x == pytest.approx(4 / (3 * n ** 3), rel=0.03)


# ------------------------------------------------------- float64 against mpmath series
@pytest.mark.parametrize("n, us", [
    (1, [0.0, 1e-6, 1e-3, 0.1, 0.5, 0.99, 1.01, 3.0, 50.0, 1e3]),
    (2, [1e-7, 0.05, 0.07, 0.2, 0.26, 1.0, 10.0]),       # Taylor/direct pole, f/g forms
    (3, [1e-5, 0.03, 0.1, 0.12, 5.0]),
])
def test_float_against_mp(n, us):
    a = alpha_iu_sturmian(n, np.array(us))
    for ai, u in zip(a, us):
        ref = alpha_iu_sturmian_mp(n, u, dps=40)
        # the mp path is the plain f-form series with guard digits (no (S5), no (S6));
        # 100x the float64 floor of n
        assert abs(ai / ref - 1) < 100 * FLOOR_IU[n], (n, u)


@pytest.mark.parametrize("n, omega", [(1, 0.37), (2, 0.06), (2, -0.066), (3, 0.02), (4, 0.01)])
def test_real_float_against_mp(n, omega):
    # (2, ±0.06x) use the direct pole term, the others the (S6) Taylor form; 100x the floor
    ref = alpha_real_sturmian_mp(n, omega, dps=30)
    assert abs(alpha_real_sturmian(n, omega) / ref - 1) < 100 * FLOOR_REAL[n]


@pytest.mark.slow
@pytest.mark.parametrize("u", [1e4, 1e5])
def test_float_against_mp_very_large_u(u):
    ref = alpha_iu_sturmian_mp(1, u, dps=25)
    # (S5) isolates 1/u² exactly: no cancellation, floor a few ulp (measured 0); 100x
    assert abs(alpha_iu_sturmian(1, u) / ref - 1) < 1e-13


@pytest.mark.parametrize("u", [100.0, 1e4])
def test_truncation_bound_is_honest(u):
    # convergence in basis size: stopping on the tail bound at 1e-6 of |S| must leave an
    # actual truncation error below 1e-6 |S| (reference: the 1e-17 stop), for both forms
    from hydrogen.sturmian import _series_float
    lam = np.array([np.sqrt(1 - 2j * u)])
    for form in ("f", "g"):
        tight = _series_float(1, form, lam, lambda S: 1e-17 * np.abs(S), np.zeros(1, bool))
        loose = _series_float(1, form, lam, lambda S: 1e-6 * np.abs(S), np.zeros(1, bool))
        assert abs(loose[0] - tight[0]) <= 1e-6 * abs(tight[0])
        assert loose[0] != tight[0]          # the loose stop did truncate earlier


def test_mp_converges_in_precision():
    a40 = alpha_iu_sturmian_mp(1, "0.7", dps=40)
    a60 = alpha_iu_sturmian_mp(1, "0.7", dps=60)
    assert abs(a40 - a60) < mpmath.mpf(10) ** -39


# ---------------------------------------------------------------- Casimir-Polder C6
def test_C6_casimir_polder():
    # C6 = (3/π) ∫_0^∞ α_1s(iu)² du; u = c t/(1-t) with Gauss-Legendre in t. The integrand is
    # analytic on [0, 1) and ~(1-t)² with a (1-t)^{4.5} term at t = 1: 80 nodes converge
    # (40 -> 160 nodes change C6 by < 4e-15)
    def c6(nodes, c=0.5):
        x, w = np.polynomial.legendre.leggauss(nodes)
        t = (x + 1) / 2
        u = c * t / (1 - t)
        return 3 / np.pi * np.sum(w / 2 * c / (1 - t) ** 2 * alpha_iu_sturmian(1, u) ** 2)
    a, b = c6(80), c6(120, c=1.0)
    # floor ~4e-15: the node-count convergence above and α's float64 error (≤ 2.7e-15) at the
    # nodes (measured 3.7e-15 for b, and leggauss's nodes differ per BLAS); 100x → 5e-13
    assert a == pytest.approx(C6_YAN_1996, rel=5e-13, abs=0)
    assert b == pytest.approx(C6_YAN_1996, rel=5e-13, abs=0)


# --------------------------------------------------------------- shapes and evenness
def test_shapes_and_evenness():
    u = np.array([[0.1, 1.0], [10.0, 100.0]])
    a = alpha_iu_sturmian(1, u)
    assert a.shape == (2, 2)
    assert np.array_equal(a, alpha_iu_sturmian(1, -u))
    assert isinstance(alpha_iu_sturmian(1, 0.5), float)
    assert alpha_iu_sturmian(1, [0.5]).shape == (1,)
    assert isinstance(alpha_real_sturmian(2, 0.01), float)
    assert np.all(np.diff(alpha_iu_sturmian(1, np.linspace(0, 5, 30))) < 0)   # Σ f/(w²+u²), f > 0


def test_first_resonance():
    assert first_resonance(1) == Fraction(3, 8)
    assert first_resonance(2) == Fraction(5, 72)
    assert first_resonance(3) == Fraction(1, 18) - Fraction(1, 32)


# ------------------------------------------------------------------------ bad input
@pytest.mark.parametrize("call, exc, match", [
    (lambda: alpha_iu_sturmian(0, 1.0), ValueError, "n must be"),
    (lambda: alpha_iu_sturmian(1.0, 1.0), TypeError, "n must be"),
    (lambda: alpha_iu_sturmian(True, 1.0), TypeError, "n must be"),
    (lambda: alpha_iu_sturmian(7, 1.0), ValueError, "n must be <= 6"),
    (lambda: alpha_iu_sturmian(1, np.nan), ValueError, "u must be finite"),
    (lambda: alpha_iu_sturmian(1, np.inf), ValueError, "u must be finite"),
    (lambda: alpha_iu_sturmian(1, "x"), TypeError, "u must be real"),
    (lambda: alpha_iu_sturmian(2, [1.0, 0.0]), ValueError, "degenerate"),
    (lambda: alpha_iu_sturmian_mp(2, 0), ValueError, "degenerate"),
    (lambda: alpha_iu_sturmian_mp(1, 1, dps=5), ValueError, "dps"),
    (lambda: alpha_real_sturmian(1, 0.375), ValueError, "first resonance"),
    (lambda: alpha_real_sturmian(1, -0.4), ValueError, "first resonance"),
    (lambda: alpha_real_sturmian(2, 0.0), ValueError, "degenerate"),
    (lambda: alpha_real_sturmian_mp(1, "0.5"), ValueError, "first resonance"),
    (lambda: static_polarizability_exact(2), ValueError, "degenerate"),
    (lambda: static_polarizability_exact(-1), ValueError, "n must be"),
    (lambda: inverse_oscillator_sums_exact(1, 0), ValueError, "kmax"),
])
def test_bad_input(call, exc, match):
    with pytest.raises(exc, match=match):
        call()
