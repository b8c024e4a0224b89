"""Sec. VI: Eqs. (61)+(62) against the Casimir-Polder representation, limits, Φ vs mpmath."""
import mpmath
import numpy as np

import weft
import pytest

from hydrogen.sums import C6, london_nlo_sum, polarizability
from weft import units
from weft.matching import intermediate as inter
from weft.matching.base import natural_rule

ALPHA = units.ALPHA


def phi_mpmath(mu, a, b, dps=60):
    """The bracket Φ of Eq. (62) evaluated literally at high precision (a, b > 0)."""
    with mpmath.workdps(dps):
        mu, a, b = mpmath.mpf(mu), mpmath.mpf(a), mpmath.mpf(b)
        if a == b:   # diagonal: the removable singularity, as a limit
            b = a * (1 + mpmath.mpf(10) ** (-dps // 2))
        Q = lambda x: mu ** 4 + 4 * mu ** 2 * x ** 2 + 8 * x ** 4
        T = lambda x: mpmath.acot(2 * x / mu)
        # ΔE₁ = -a, ΔE₂ = -b in Eq. (62)
        br = (Q(a) * (-b) * T(a) - Q(b) * (-a) * T(b)) / (mu * (a * a - b * b))
        return float(4 * a * b + br)


@pytest.mark.parametrize("mu, a, b", [
    (1.0, 0.3, 0.7), (1e-3, 0.3, 0.7), (1e-6, 0.375, 0.5), (50.0, 0.375, 0.4),
    (1.0, 0.5, 0.5), (1e-5, 0.5, 0.5), (1e4, 2.0, 2.0), (0.3, 0.375, 0.375 * (1 + 3e-5)),
    (2.0, 1e-3, 40.0), (0.9, 0.45, 0.46)])
def test_phi_against_literal_eq62_in_mpmath(mu, a, b):
    got = inter._phi(np.array(mu), np.array(a), np.array(b))
    # Φ cancels like μ⁴ (20 digits at μ = 1e-5) and the diagonal is taken at an offset of
    # 10^(-dps/2): at dps = 60 the reference kept 1e-11 there, hence 100. abs=0: Φ is 2e-24
    # at μ = 1e-6, where approx's default abs=1e-12 passed anything. float64 floor ≤ 1e-14
    # (a 1-ulp change of μ near the diagonal); 100x → 1e-12
    assert got == pytest.approx(phi_mpmath(mu, a, b, dps=100), rel=1e-12, abs=0)


def test_im_w_small_mu_is_the_seagull_term_eq49():
    # Im W̃ → -(23π/240) α₁α₂ μ⁴ with α of Eq. (11) = Σ p/(2πΔE), Im A_{3/2}(-μ²-i0) = 1/(4π)
    dE, p = natural_rule("1s")
    alpha_paper = np.sum(p / dE) / (2 * np.pi)
    mu = np.array([1e-9, 1e-8])
    im = inter.im_w_tilde(mu, dE, p, dE, p)
    expect = -(23 * np.pi / 240) * alpha_paper ** 2 * mu ** 4
    np.testing.assert_allclose(im, expect, rtol=1e-4)   # O(μ²/ΔE²) corrections ~ 1e-6


def test_im_w_large_mu_is_london():
    # Im W̃ → -Σ p₁p₂ μ³/(32(a+b)): the μ⁴ e^{-μR} moment gives Eq. (31)
    dE, p = natural_rule("1s")
    mu = np.array([1e6])
    im = inter.im_w_tilde(mu, dE, p, dE, p)
    expect = -np.sum(p[:, None] * p[None, :] / (-dE[:, None] - dE[None, :])) * mu ** 3 / 32
    np.testing.assert_allclose(im, expect, rtol=1e-5)


def test_eq61_eq62_equals_casimir_polder_representation():
    """Cross-check 2 of issue #4: two routes, one answer, ≤ 1e-10 for 1 ≤ R ≤ 1e6 bohr."""
    R = np.logspace(0, 6, 13)
    a = inter.potential_eq61(R)
    b = inter.potential_cp(R)
    np.testing.assert_allclose(a, b, rtol=1e-10)


def test_fast_interpolant_matches_direct_quadrature():
    # 1e-3 <= R < 1e5 bohr: the per-decade Chebyshev interpolant of R⁶W(1 + R/ρ) against the
    # quadrature it interpolates (observed <= 1.3e-15; tolerance 1e-13)
    rng = np.random.default_rng(1)
    R = 10 ** rng.uniform(-3, 5, 300)
    np.testing.assert_allclose(inter.potential_fast(R), inter.potential_cp(R), rtol=1e-13)
    # below the window of weft.potential the direct quadrature itself is used
    R_out = np.array([1e-4, 5e-4])
    np.testing.assert_array_equal(inter.potential_fast(R_out), inter.potential_cp(R_out))


def test_large_distance_series_matches_direct_quadrature():
    # R >= 1e5 bohr: W = -(c/πR⁷) Σ b_k (c/R)^{2k} against the u-quadrature, up to the end of
    # the public window (1e20 bohr); both sums of positive terms: round-off ~1e-15, tol 1e-13
    R = np.concatenate([10 ** np.random.default_rng(2).uniform(5, 20, 200), [1e5, 1e20]])
    np.testing.assert_allclose(inter.potential_fast(R), inter.potential_cp(R), rtol=1e-13)


def test_no_cliff_at_the_switch_points():
    # the two fast pieces meet at 1e5 bohr to rounding, and every R costs the same kind of
    # work (no per-R quadrature inside 1e-3 <= R <= 1e20: the quadrature is never called)
    eps = np.finfo(float).eps
    R = np.array([1e5 * (1 - 4 * eps), 1e5, 1e-3, 1e-3 * (1 + 4 * eps)])
    w = inter.potential_fast(R) * R ** 6
    assert abs(w[0] / w[1] - 1) < 1e-13 and abs(w[2] / w[3] - 1) < 1e-13
    inter.potential_fast(np.array([1.0, 1e6]))      # one-off setup (it uses the quadrature)
    calls = []
    original = inter.potential_cp
    inter.potential_cp = lambda *a, **k: calls.append(a) or original(*a, **k)
    try:
        inter.potential_fast(np.geomspace(1e-3, 1e20, 1000))
    finally:
        inter.potential_cp = original
    assert calls == []


def test_large_distance_coefficients_from_exact_moments():
    # b_k = (-1)^k Σ S(-2-2i)S(-2-2j) M_k with the exact 1s moments of the Dalgarno-Lewis
    # route (hydrogen.sturmian, rational arithmetic) and M_k = ∫ x^{2k} e^{-2x} P(x) dx:
    # M_0 = 23/4 (Casimir-Polder, Eq. (52)), M_1 = 129/8.
    from fractions import Fraction
    from math import factorial
    from hydrogen.sturmian import inverse_oscillator_sums_exact
    from hydrogen.states import State
    S = inverse_oscillator_sums_exact(1, inter._SERIES_TERMS)
    b = inter._large_r_coefficients(weft.Pair("1s", "1s"))
    P = (3, 6, 5, 2, 1)
    for k in range(inter._SERIES_TERMS):
        m_k = sum(Fraction(p * factorial(2 * k + q), 2 ** (2 * k + q + 1)) for q, p in enumerate(P))
        exact = (-1) ** k * sum(S[i] * S[k - i] for i in range(k + 1)) * m_k
        assert b[k] == pytest.approx(float(exact), rel=1e-13), k
    assert b[0] == pytest.approx(23 / 4 * 4.5 ** 2, rel=1e-13)
    # truncation: at the switch point the last term is negligible
    z = (units.C_AU / inter._R_SERIES) ** 2
    assert abs(b[-1] * z ** (b.size - 1)) < 1e-20 * b[0]


def test_fast_path_is_chunk_independent():
    # evaluation in chunks: every point is computed on its own, so any split gives the same bits
    rng = np.random.default_rng(4)
    R = 10 ** rng.uniform(-3, 20, 3 * inter._CHUNK + 17)
    whole = inter.potential_fast(R)
    parts = np.concatenate([inter.potential_fast(R[:5]), inter.potential_fast(R[5:])])
    np.testing.assert_array_equal(whole, parts)
    assert inter.potential_fast(R.reshape(-1, 1)).shape == (R.size, 1)


def test_short_distance_limit_london_plus_w1_plus_w32():
    """W_Int → W(0) + W(1) + W(3/2) at small R; the remainder of (W - W0 - W1)R³ scales as R.

    Conditioning: W - W0 - W1 is a difference; W(3/2)/W = 2.8e-9 at R = 0.5 bohr (and
    2.8e-12 at R = 0.05, where float64 noise of W, ~1e-15 relative, would be 4e-4 of the
    tested quantity). At R >= 0.5 the noise in ``slope`` is < 1e-6, 1000x below the
    tolerance 0.1·|slope| ≈ 1e-3; the physical drift of the slope over 0.5-2 bohr (the next
    order, ∝ R²) is 5e-4.
    """
    R = np.array([0.5, 1.0, 2.0])
    W = inter.potential_cp(R)
    W0 = -C6("1s", "1s") / R ** 6
    W1 = -2 * ALPHA ** 2 * london_nlo_sum("1s") / R ** 4
    W32 = -7 * ALPHA ** 3 / (6 * np.pi * R ** 3)
    assert np.all(np.abs(W32 / W) > 1e6 * np.finfo(float).eps)      # far above round-off
    ratio = (W - W0 - W1) / W32
    slope = (ratio - 1) / R
    assert np.all(np.abs(ratio - 1) < 0.025)
    assert np.ptp(slope) < 0.1 * np.abs(slope).max()      # residual ∝ R: next order α⁴/R²


def test_long_distance_limit_casimir_polder():
    """W_Int → -23 α₁α₂/(4π α R⁷) (Eq. (52)); the relative remainder falls as R⁻²."""
    R = np.array([1e5, 2e5, 4e5])
    W = inter.potential_cp(R)
    cp = -23 * polarizability("1s") ** 2 / (4 * np.pi * ALPHA * R ** 7)
    rem = (W / cp - 1) * R ** 2
    assert np.all(np.abs(W / cp - 1) < 1e-4)
    assert np.ptp(rem) < 0.05 * np.abs(rem).max()


def test_bad_input():
    with pytest.raises(ValueError, match="R"):
        inter.potential_cp([1.0, -2.0])
    with pytest.raises(ValueError, match="R"):
        inter.potential_eq61([np.nan])
    with pytest.raises(ValueError, match="Eq. \\(62\\)"):
        inter.potential_eq61([10.0], weft.Pair("2s", "1s", symmetry="direct"))
    with pytest.raises(ValueError, match="mu"):
        dE, p = natural_rule("1s")
        inter.im_w_tilde([0.0], dE, p, dE, p)


# --- Eq. (54) in momentum space: cross-check 1 of issue #4 ---------------------------------

E_12 = 0.375 * ALPHA ** 2            # |ΔE| of 1s-2p in natural units


def _long_regime_wtilde(k):
    """Eqs. (40)+(41)+(42)+(49) + contact (39), MS-bar, ν = m: weft.matching.long.w_tilde."""
    from weft.matching import long
    dE, p = natural_rule("1s")
    alpha_paper = np.sum(p / dE) / (2 * np.pi)
    return sum(long.w_tilde(k * k).values()), alpha_paper


def _short_regime_wtilde(k):
    """Eqs. (23)+(24)+(25)+(22) + contact (21), MS-bar, ν = m: weft.matching.short.w_tilde."""
    from weft.matching import short
    return sum(short.w_tilde(k * k).values())


def _eq54_plus_contact(k2, **kw):
    """Eq. (57) without the magnetic term: Eq. (54) + the contact term Eq. (55)."""
    from weft.matching import short
    return inter.w_tilde_1loop(k2, **kw).real + short.v_contact()


def test_eq54_imaginary_part_is_eq62():
    dE, p = natural_rule("1s")
    mu = np.array([0.3, 3.0, 100.0]) * E_12
    im54 = inter.w_tilde_1loop(-mu ** 2 + 0j).imag
    # floor: Eq. (54)'s divided differences (G1 - G2)/(ΔE1² - ΔE2²) for pairs just outside
    # the 1e-6 diagonal band lose ~eps/1e-6; at μ = 0.3 ΔE12 the sum moves by 0.9-1.8e-11
    # between WEFT_TEST_PERTURB seeds (2e-12 at the others); 100x → 3e-9
    np.testing.assert_allclose(im54, inter.im_w_tilde(mu, dE, p, dE, p), rtol=3e-9)


def test_eq54_small_k_expands_into_long_regime_eqs_40_to_42_and_49():
    res = []
    for r in (0.1, 0.03):
        k = r * E_12
        lng, a12 = _long_regime_wtilde(k)
        res.append(abs(_eq54_plus_contact(k * k) - lng) / (k ** 4 * a12 ** 2))
    # residual relative to the k⁴ terms is O(k²/ΔE²) (up to logs)
    assert res[0] < 2e-3 and res[1] < 0.2 * res[0]


def test_eq54_large_k_expands_into_short_regime_eqs_22_to_25():
    scaled = []
    for r in (10.0, 100.0, 1000.0):
        k = r * E_12
        resid = _eq54_plus_contact(k * k) - _short_regime_wtilde(k)
        scaled.append(resid * k / (E_12 * ALPHA ** 2))   # remainder O(ΔE⁵/k · log k)
    assert max(scaled) < 40 and min(scaled) > 10 and scaled[2] / scaled[0] < 1.6


def test_eq54_as_printed_fails_the_short_distance_limit():
    # erratum E6: with the printed weight of the k² J terms the remainder grows like k²
    grow = []
    for r in (10.0, 100.0):
        k = r * E_12
        grow.append(_eq54_plus_contact(k * k, printed=True) - _short_regime_wtilde(k))
    assert grow[1] / grow[0] > 50


def test_eq54_nu_dependence_eq58():
    # W̃_E^1loop|_{log ν} = -(2α²/m²) log ν, cancelled by the contact term Eq. (55)
    k2 = (3 * E_12) ** 2
    d = inter.w_tilde_1loop(k2, nu=np.e) - inter.w_tilde_1loop(k2, nu=1.0)
    assert d.real == pytest.approx(-2 * ALPHA ** 2, rel=1e-10)
    assert abs(d.imag) < 1e-12 * ALPHA ** 2
