"""Sec. VI completed: the local part of Eq. (54) (subtraction constants of Eq. (60) at k² = 0).

They must equal the long-regime local coefficients (Eqs. (39)-(41)); checked against
weft.matching.long and against a numerical k → 0 fit of Eq. (54) built from weft.loops.
And every local coefficient reported anywhere must be independent of the MS-bar scale ν."""
import numpy as np
import pytest

import weft
from weft import units
from weft.matching import intermediate as inter
from weft.matching import local, long

NUS = (1e-3, 1.0, 10.0, 1e3)


def test_subtraction_constants_equal_long_regime_eqs_40_41():
    for nu in NUS:
        d = local.intermediate_local(nu=nu)
        assert d["delta3"] == pytest.approx(long.delta_zero(nu=nu), rel=1e-12)
        assert d["laplacian_delta3"] == pytest.approx(long.laplacian_one(), rel=1e-12)
    for spins in ("singlet", ("triplet", 1)):
        pair = weft.Pair(spins=spins)
        assert local.intermediate_local(pair)["delta3"] == pytest.approx(
            long.delta_zero(pair), rel=1e-12)


def test_subtraction_constants_from_eq54_at_small_k():
    # fit W̃_54(k²) = c0 + c1 k² + k⁴(c2 + c3 log k²) for k = (0.5 ... 4)·1e-2 ΔE₁₂ (Eq. (54) in
    # natural units, evaluated with the closed-form loop integrals of weft.loops), in the
    # scaled variable x = k²/ΔE₁₂² (truncation O(x³ log x) ~ 1e-8 relative to c1 k²)
    e12 = 0.375 * units.ALPHA ** 2
    r = np.array([0.5, 0.7, 1.0, 1.4, 2.0, 2.8, 4.0]) * 1e-2
    w = inter.w_tilde_1loop((r * e12) ** 2, nu=1.0).real
    x = r * r
    design = np.stack([np.ones_like(x), x, x * x, x * x * np.log(x)], axis=1)
    coef = np.linalg.lstsq(design, w, rcond=None)[0]
    c0, c1 = local.subtraction_constants(nu=1.0)
    assert coef[0] == pytest.approx(c0, rel=1e-12)
    assert coef[1] / e12 ** 2 == pytest.approx(c1, rel=1e-6)
    # the k⁴ log k² coefficient is the Casimir-Polder seagull (23/240) α₁α₂ (Eq. (49))
    a12 = (4.5 / units.ALPHA ** 3) ** 2
    assert coef[3] / e12 ** 4 == pytest.approx(23 / 240 * a12, rel=1e-2)


def test_local_terms_refused_for_excited_states():
    with pytest.raises(ValueError, match="2iπθ"):
        local.intermediate_local(weft.Pair("1s", "3s", symmetry="direct"))


def _local_coefficients(regime, state1, state2, nu):
    out = {}
    R = {"short": 80.0, "long": 1e4, "intermediate": 500.0}[regime]
    sym = None if state1 == state2 else "direct"
    for c in weft.contributions(R, state1, state2, regime=regime, nu=nu, symmetry=sym):
        for key, val in c.delta.items():
            out[(c.order, key)] = val
    return out


@pytest.mark.filterwarnings("ignore::weft.validity.ValidityWarning")   # R irrelevant here
@pytest.mark.parametrize("regime,state1,state2", [("short", "1s", "1s"), ("long", "1s", "1s"),
                                                   ("short", "1s", "2s"), ("short", "1s", "3s")])
def test_every_reported_local_coefficient_is_nu_independent(regime, state1, state2):
    ref = _local_coefficients(regime, state1, state2, 1.0)
    for nu in NUS:
        got = _local_coefficients(regime, state1, state2, nu)
        assert got.keys() == ref.keys()
        for key in ref:
            assert got[key] == pytest.approx(ref[key], rel=1e-10), (key, nu)


def test_intermediate_local_coefficients_are_nu_independent():
    ref = local.intermediate_local(nu=1.0)
    for nu in NUS:
        got = local.intermediate_local(nu=nu)
        for key in ref:
            assert got[key] == pytest.approx(ref[key], rel=1e-10)


def test_public_intermediate_local_coefficients_are_nu_independent():
    ref = _local_coefficients("intermediate", "1s", "1s", 1.0)
    for nu in NUS:
        got = _local_coefficients("intermediate", "1s", "1s", nu)
        for key in ref:
            assert got[key] == pytest.approx(ref[key], rel=1e-10)
