"""Transition (mixed) state sums ⟨a|x|m⟩⟨m|x|b⟩: sum rules from commutators (exact, sympy),
the diagonal case against the spectral rule, and X6 by a second method (Coulomb-Sturmian
Green's function) that shares no code with the rule."""
import math

import mpmath
import numpy as np
import pytest
import sympy as sp
from sympy.physics.hydrogen import R_nl

from hydrogen import dipole
from hydrogen.spectrum import SingularSumError, SpectralRule, spectral_rule, transition_rule
from hydrogen.sturmian import alpha_iu_sturmian
from hydrogen.sturmian_transition import (X6_sturmian, transition_alpha_iu_mp,
                                          transition_green_mp)
from hydrogen.sums import C6_exchange, exchange_nlo_sum, transition_sum_rules

_r = sp.symbols("r", positive=True)


def _radial_me(na, nb, k):
    """⟨na s| r^k |nb s⟩ exactly (sympy's R_nl, an independent implementation)."""
    return sp.nsimplify(sp.integrate(R_nl(na, 0, _r, 1) * R_nl(nb, 0, _r, 1) * _r ** (2 + k),
                                     (_r, 0, sp.oo)))


@pytest.mark.parametrize("state", ["1s", "2s", "3s", "2p", "3d", "12s"])
def test_diagonal_rule_is_the_spectral_rule(state):
    # bra = ket must reproduce spectral_rule node by node (bit for bit unperturbed; the
    # conftest perturbation moves spectral_rule by <= 2 ulp and reorders it: compare sorted)
    t, s = transition_rule(state, state), spectral_rule(state)
    assert isinstance(t, SpectralRule) and t.delta == 0.0
    key_t = np.lexsort((t.dE, t.l2, t.kind))
    key_s = np.lexsort((s.dE, s.l2, s.kind))
    for name in ("kind", "l2", "n2"):
        assert np.array_equal(getattr(t, name)[key_t], getattr(s, name)[key_s])
    np.testing.assert_allclose(t.dE[key_t], s.dE[key_s], rtol=1e-15, atol=0)
    np.testing.assert_allclose(t.x2[key_t], s.x2[key_s], rtol=1e-15, atol=0)


@pytest.mark.parametrize("n,l,l2", [(1, 0, 1), (2, 0, 1), (5, 0, 1), (12, 0, 1), (3, 2, 1),
                                    (4, 1, 0)])
def test_continued_amplitude_sign_matches_radial_dipole(n, l, l2):
    # the signed tail/continuum amplitude (Storey-Hummer recursion at fixed energy), at
    # integer ν, is ν^{3/2} <ν l2|r|n l> with the sign of radial_dipole (exact integers)
    for nu in (n + 1, n + 3, 40, 41):
        if nu <= l2:
            continue
        x, e = dipole._continued_amplitude(n, l, l2, np.array([-0.5 / nu ** 2]))
        a = float(np.ldexp(x, e)[0]) * nu ** -1.5
        assert a == pytest.approx(dipole.radial_dipole(n, l, nu, l2), rel=1e-13)


@pytest.mark.parametrize("na,nb", [(1, 2), (1, 3), (1, 7), (1, 12), (2, 3), (3, 5)])
def test_transition_sum_rules_exact(na, nb):
    """(T0) Σw = ⟨a|r²|b⟩/3; (T1) Σεw = 0; (T2) Σ(ε² - Δ²/4)w = (2/3)⟨a|1/r|b⟩;
    (T3) Σε(ε² - Δ²/4)w = (2/3)(na nb)^{-3/2} — on the scale of Σ|w g| (signed sums cancel)."""
    exact = {"T0": _radial_me(na, nb, 2) / 3, "T1": sp.Integer(0),
             "T2": sp.Rational(2, 3) * _radial_me(na, nb, -1),
             "T3": sp.Rational(2, 3) / sp.sqrt(na * nb) ** 3}
    got = transition_sum_rules(f"{na}s", f"{nb}s")
    for name, val in exact.items():
        value, scale = got[name]
        assert abs(value - float(val)) <= 1e-12 * scale, name
    assert transition_rule(f"{na}s", f"{nb}s").error < 1e-13


def test_t0_closed_form_1s_2s():
    # ⟨1s|r²|2s⟩ = -512√2/243, so Σ w = -512√2/729 (hand derivation, Bethe-Salpeter radial functions)
    assert float(_radial_me(1, 2, 2) / 3) == pytest.approx(-512 * math.sqrt(2) / 729, rel=1e-15)


def test_rule_bookkeeping_and_degeneracy_masks():
    r = transition_rule("1s", "2s")
    assert r.delta == pytest.approx(0.375, rel=1e-15)
    disc = r.kind == 0
    assert np.allclose((r.dE_bra - r.dE_ket)[disc], -r.delta, rtol=0, atol=1e-15)
    deg = r.degenerate_ket
    assert deg.sum() == 1 and r.n2[deg][0] == 2 and r.l2[deg][0] == 1
    assert not np.any(r.degenerate_bra)
    assert r.scale > abs(r.w.sum())
    # the 2p weight: R(1s,2p) R(2p,2s)/3 = (128√6/243)(-3√3)/3 = -128√2·3/243
    assert r.w[deg][0] == pytest.approx(-384 * math.sqrt(2) / 243, rel=1e-14)


def test_bad_input():
    with pytest.raises(ValueError, match="equal l"):
        transition_rule("1s", "3d")
    with pytest.raises(ValueError):
        transition_rule("1q", "2s")
    with pytest.raises(ValueError, match="different levels"):
        C6_exchange("2s", "2s")
    with pytest.raises(ValueError, match="S states"):
        C6_exchange("2p", "3p")
    with pytest.raises(SingularSumError, match="3p"):
        C6_exchange("2s", "3s")          # |2p, 3p⟩ is degenerate with |2s, 3s⟩


def test_transition_alpha_rule_vs_sturmian_green():
    r = transition_rule("1s", "3s")
    for u in (0.0, 0.05, 0.7, 20.0):
        rule_val = np.sum(r.w * 2 * (-r.dE) / (r.dE ** 2 + u * u))
        ref = float(transition_alpha_iu_mp(1, 3, u, dps=25))
        assert rule_val == pytest.approx(ref, rel=1e-11, abs=1e-13 * r.scale)


def test_sturmian_green_diagonal_is_the_polarizability():
    # a = b = 1s: (2/3) Re⟨f|G(E_1 + iu)|f⟩ = α_1s(iu) (hydrogen.sturmian, its own code)
    assert float(transition_alpha_iu_mp(1, 1, 0, dps=20)) == pytest.approx(4.5, rel=1e-18)
    assert float(transition_alpha_iu_mp(1, 1, 0.7, dps=25)) == pytest.approx(
        alpha_iu_sturmian(1, 0.7), rel=1e-13)
    with pytest.raises(ValueError):
        transition_green_mp(1, 2, 0.3)          # on the continuum


@pytest.mark.parametrize("n", [2, 3, 7, 12])
def test_X6_two_independent_methods(n):
    # state sum over the transition rule vs (3/π)∫ a(iu)² du with the Sturmian Green's function
    assert C6_exchange("1s", f"{n}s") == pytest.approx(X6_sturmian(n, nodes=40), rel=1e-10)


def test_exchange_nlo_sum_against_its_integral():
    # Σ ww εε/(ε+ε) = (1/2π) ∫₀^∞ u² a(iu)² du  (∫ u² 4εε'/((ε²+u²)(ε'²+u²)) = 2π εε'/(ε+ε'))
    x, w = np.polynomial.legendre.leggauss(40)
    t, wt = 0.5 * (x + 1), 0.5 * w
    tot = mpmath.mpf(0)
    for ti, wi in zip(t, wt):
        u = 0.25 * ti / (1 - ti)
        a = transition_alpha_iu_mp(1, 2, u, dps=20)
        tot += wi * 0.25 / (1 - ti) ** 2 * u * u * a * a
    assert exchange_nlo_sum("1s", "2s") == pytest.approx(float(tot) / (2 * np.pi), rel=1e-10)
