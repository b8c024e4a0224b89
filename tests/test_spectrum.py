"""The spectral rule against exact sums: mpmath series, sum rules (Appendix C), closed forms."""
import mpmath
import numpy as np
import pytest

from hydrogen.spectrum import (CONTINUUM, DISCRETE, continuum_rule, hurwitz_zeta_scaled,
                               rydberg_tail_rule, spectral_rule)
from hydrogen.sums import expectation_p2, expectation_r2


@pytest.mark.parametrize("g", [lambda t: 1 / (1 + 3 * t), lambda t: mpmath.exp(-5 * t)
                               if isinstance(t, mpmath.mpf) else np.exp(-5 * t),
                               lambda t: (0.3 + t) ** -3])
def test_rydberg_tail_rule_against_mpmath_series(g):
    # Σ_{ν>40} ν⁻³ g(ν⁻²) summed by mpmath (Euler-Maclaurin acceleration, 30 digits).
    nu, w = rydberg_tail_rule(40, 12)
    with mpmath.workdps(30):
        exact = mpmath.nsum(lambda v: v ** -3 * g(1 / v ** 2), [41, mpmath.inf])
    got = np.sum(w * g(nu ** -2.0))
    # 12 positive terms, nodes/weights from the Stieltjes procedure a few ulp off: floor ~1e-15
    # (measured 6.2e-16); 100x → 1e-13
    assert abs(got - float(exact)) <= 1e-13 * float(exact)


def _mp_zeta_scaled(s, a):
    """a^(s-1) ζ(s, a) from the integral representation (DLMF 25.11.25)
    ζ(s, a) = Γ(s)⁻¹ ∫₀^∞ t^(s-1) e^(-at)/(1 - e^(-t)) dt, by mpmath.quad at 30 digits.
    (mpmath.zeta(s, a) itself is inaccurate for large s and a: 8e-10 off at s = 67, a = 1313.)"""
    with mpmath.workdps(30):
        a = mpmath.mpf(a)
        peak = (s - 1) / a
        f = lambda t: mpmath.exp((s - 1) * mpmath.log(t * a) - a * t) / -mpmath.expm1(-t)
        return mpmath.quad(f, [0, peak / 4, peak, 4 * peak, 16 * peak, mpmath.inf]) / mpmath.gamma(s)


@pytest.mark.parametrize("s, a", [(3, 67), (3, 1313), (5, 2049), (13, 131), (35, 1313),
                                  (67, 1313), (67, 131), (131, 65537)])
def test_hurwitz_zeta_scaled_against_mpmath(s, a):
    assert hurwitz_zeta_scaled(float(s), float(a)) == pytest.approx(float(_mp_zeta_scaled(s, a)),
                                                                    rel=1e-15)


@pytest.mark.parametrize("n_start, nodes", [(1, 12), (40, 12), (60, 16), (220, 16), (2040, 16)])
def test_rydberg_tail_rule_reproduces_exact_moments(n_start, nodes):
    # Gauss rule exact for degree <= 2 nodes - 1: Σ w_i t_i^j = ζ(3 + 2j, n_start + 1).
    # Reference: j = 0 from the integral representation; j >= 1 by direct summation up to
    # N = 1000 (n_start + 1) plus the Euler-Maclaurin tail N^(1-s)/(s-1) - N^-s/2 + s N^(-s-1)/12
    # (error ~ s³ N^(-s-3)/720, < 1e-20 of the sum). All sums of positive terms: round-off
    # ~1e-15; tolerance 1e-13 (abs=0: the moments are as small as 1e-60).
    nu, w = rydberg_tail_rule(n_start, nodes)
    r = n_start + 1
    assert np.sum(w) == pytest.approx(float(_mp_zeta_scaled(3, r)) / r ** 2, rel=1e-13)
    N = 1000 * r
    terms = np.arange(N, r - 1, -1, dtype=float) / r          # ν/r, largest first
    for j in range(1, 2 * nodes):
        sx = 3 + 2 * j                                          # in units of r^-s:
        tail = (N / r) ** (1 - sx) * r / (sx - 1) - (N / r) ** -sx / 2 \
            + sx * (N / r) ** (-sx - 1) / (12 * r)
        exact = (np.sum(terms ** -sx) + tail) / float(r) ** sx
        assert np.sum(w * nu ** (-2.0 * j)) == pytest.approx(exact, rel=1e-13), j
    assert np.all(nu > n_start) and np.all(w > 0)


def test_continuum_rule_reaches_infinity():
    # Power-law and Lorentzian integrands like those of the state sums (exact values):
    # ∫(1+E)^{-3/2} = 2, ∫E²(1+E)^{-5} = B(3,2) = 1/12, ∫dE/((E+1)² + u²) = (π/2 - atan(1/u))/u.
    e, w = continuum_rule(0.5, 16, 16)
    assert abs(np.sum(w * (1 + e) ** -1.5) - 2) < 1e-13
    # ~300 positive terms: floor a few ulp of 1/12 (measured 1.4e-17); 100x → 1e-14
    assert abs(np.sum(w * e * e * (1 + e) ** -5) - 1 / 12) < 1e-14
    # exact = (π/2 - atan(1/u))/u = atan(u)/u, written without the cancellation that cost the
    # first form 1.6e-14 at u = 0.01. Round-off floor ~1e-15 (100x → 1e-13); at u >= 1e2 the
    # rule's own truncation, 2.5e-13 (u = 1e2) and 1.1e-12 (u = 1e4), is the floor (100x →
    # 2e-10). abs=0: approx's default abs=1e-12 hid both (6e-9 relative at u = 1e4).
    for u, rtol in ((0.01, 1e-13), (1.0, 1e-13), (1e2, 2e-10), (1e4, 2e-10)):
        exact = np.arctan(u) / u
        assert np.sum(w / ((e + 1) ** 2 + u * u)) == pytest.approx(exact, rel=rtol, abs=0)


@pytest.mark.parametrize("state", ["1s", "2s", "3s", "4s", "2p", "3p", "3d", "5s", "12p", "20s",
                                   pytest.param("40s", marks=pytest.mark.slow)])
def test_sum_rules_appendix_c(state):
    """(C1) Σ x2 = ⟨r²⟩/3, (C2) Σ ΔE x2 = -1/2 (TRK), (C4) Σ ΔE² x2 = ⟨p²⟩/3, to 1e-12."""
    rule = spectral_rule(state)
    n, l = rule.state.n, rule.state.l
    assert rule.error < 1e-12
    assert np.sum(rule.x2) == pytest.approx(expectation_r2(n, l) / 3, rel=1e-12)
    assert np.sum(rule.dE * rule.x2) == pytest.approx(-0.5, rel=1e-12)
    assert np.sum(rule.dE ** 2 * rule.x2) == pytest.approx(expectation_p2(n) / 3, rel=1e-12)
    if l == 0:   # S(2) = (4π/3)|ψ(0)|² = 4/(3n³): tests the high-energy continuum (E^{-3/2} tail)
        assert np.sum(rule.f * rule.dE ** 2) == pytest.approx(4 / (3 * n ** 3), rel=1e-12)


@pytest.mark.parametrize("state", ["100s", "300p", "1000s", "1000p", (1000, 999)])
def test_sum_rules_high_n(state):
    """The supported range up to N_STATE_MAX = 1000: (C1), (C4), S(2) (sums of positive
    terms) to 1e-12; the TRK sum (C2) mixes emission and absorption (ΔE of both signs),
    so it is compared on the scale of the terms that cancel, Σ|ΔE| x2 (216 × |Σ ΔE x2| at
    n = 1000; observed error <= 1e-14 of that scale)."""
    rule = spectral_rule(state)
    n, l = rule.state.n, rule.state.l
    assert rule.error < 1e-12
    assert np.sum(rule.x2) == pytest.approx(expectation_r2(n, l) / 3, rel=1e-12)
    scale = np.sum(np.abs(rule.dE * rule.x2))
    assert abs(np.sum(rule.dE * rule.x2) + 0.5) <= 1e-12 * scale
    assert np.sum(rule.dE ** 2 * rule.x2) == pytest.approx(expectation_p2(n) / 3, rel=1e-12)
    if l == 0:
        assert np.sum(rule.f * rule.dE ** 2) == pytest.approx(4 / (3 * n ** 3), rel=1e-12)


def test_out_of_range_states_are_refused_before_computing():
    from hydrogen.spectrum import N_STATE_MAX
    assert N_STATE_MAX == 1000
    with pytest.raises(ValueError, match=r"state '1001s': n = 1001 .* 1 <= n <= 1000"):
        spectral_rule("1001s")
    with pytest.raises(ValueError, match=r"\(5000, 3\)"):
        spectral_rule((5000, 3))


def test_1s_discrete_and_continuum_oscillator_strengths():
    rule = spectral_rule("1s")
    disc = rule.kind == DISCRETE
    # f(1s -> 2p) = 2^13/3^9 exactly (Bethe-Salpeter Table 13)
    f2p = rule.f[disc & (rule.n2 == 2)]
    assert f2p[0] == pytest.approx(2 ** 13 / 3 ** 9, rel=1e-14)
    # closed form f(1s -> np) = 2^8 n^5 (n-1)^(2n-4) / (3 (n+1)^(2n+4)) for every explicit level
    n = rule.n2[disc].astype(float)
    exact = 2 ** 8 * n ** 5 * (n - 1) ** (2 * n - 4) / (3 * (n + 1) ** (2 * n + 4))
    np.testing.assert_allclose(rule.f[disc], exact, rtol=1e-12)
    # the continuum carries 1 - Σ_discrete f = 0.434995849... (issue #2; Bethe-Salpeter §59: 0.4350)
    with mpmath.workdps(30):
        fn = lambda m: 2 ** 8 * m ** 5 * (m - 1) ** (2 * m - 4) / (3 * (m + 1) ** (2 * m + 4))
        disc_total = mpmath.nsum(fn, [2, mpmath.inf])
    # floor: the continuum panels' truncation, 6.4e-14 relative (deterministic; the written
    # rel=1e-12 was an effective 2.3e-12 through approx's default abs); 100x → 1e-11
    assert np.sum(rule.f[rule.kind == CONTINUUM]) == pytest.approx(1 - float(disc_total), rel=1e-11,
                                                                   abs=0)
    assert 1 - float(disc_total) == pytest.approx(0.434995849, abs=1e-9)


def test_degenerate_level_is_flagged_exactly():
    rule = spectral_rule("2s")
    assert rule.degenerate_labels() == ["2p"]
    # <2p|r|2s> = -3√3 (Bethe-Salpeter Table 13): x2 = R²/3 = 9
    assert rule.x2[rule.degenerate][0] == pytest.approx(9.0, rel=1e-14)
    assert spectral_rule("1s").degenerate_labels() == []


def test_downward_transitions_have_positive_dE():
    rule = spectral_rule("3s")
    down = rule.dE > 0
    assert sorted(rule.n2[down].tolist()) == [2]          # 3s -> 2p only
    assert rule.dE[down][0] == pytest.approx(0.5 / 4 - 0.5 / 9, rel=1e-15)
    assert np.all(rule.f[down] < 0)                        # emission oscillator strength


def test_level_shift_lifts_degeneracy():
    d = 1e-6
    rule = spectral_rule("2s", level_shifts={"2s": d})
    assert not rule.degenerate.any()
    (i,) = np.nonzero((rule.kind == DISCRETE) & (rule.n2 == 2))
    assert rule.dE[i[0]] == pytest.approx(d, rel=1e-9)     # 2p lies below the shifted 2s


def test_bad_input():
    with pytest.raises(ValueError, match="state"):
        spectral_rule("1x")
    with pytest.raises(ValueError):
        spectral_rule((2, 2))
    with pytest.raises(ValueError, match="level_shifts"):
        spectral_rule("1s", level_shifts={"2s": float("nan")})
    with pytest.raises(ValueError, match="level_shifts"):
        spectral_rule("1s", level_shifts={(500, 0): 1e-7})
