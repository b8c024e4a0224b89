"""The spectral rule against exact sums: mpmath series, sum rules (Appendix C), closed forms."""
import mpmath
import numpy as np
import pytest

from hydrogen.spectrum import (CONTINUUM, DISCRETE, continuum_rule, rydberg_tail_rule,
                               spectral_rule)
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
