"""The public W(R): shapes, units, orders, errors, symmetries (property tests)."""
import numpy as np
import pytest
from hypothesis import given, settings, strategies as st

import weft
from weft import units
from weft.matching import intermediate


def test_shapes_and_scalars():
    assert isinstance(weft.potential(50.0), float)
    R = np.logspace(1.7, 4, 12).reshape(3, 4)
    assert weft.potential(R).shape == (3, 4)
    assert weft.potential([50, 60]).shape == (2,)           # integers accepted


def test_units_are_consistent():
    R_bohr = np.array([60.0, 3000.0])
    w_au = weft.potential(R_bohr)
    w_si = weft.potential(R_bohr * units.BOHR_M, units="SI")
    # floor: R's unit round trip can cost 1-2 ulp, which W ∝ R^-6..-7 turns into ~7x that,
    # plus the unit factor: ~2e-15 (measured ≤ 1.6e-15); 100x → 2e-13
    np.testing.assert_allclose(w_si, w_au * units.HARTREE_J, rtol=2e-13)
    w_nat = weft.potential(R_bohr / units.BOHR_PER_INV_KEV, units="natural")
    np.testing.assert_allclose(w_nat, w_au * units.HARTREE_KEV, rtol=1e-12)
    # 1 hartree = 219474.63 cm^-1 = 6.5797e9 MHz = 315775 K (CODATA)
    assert units.HARTREE_CM1 == pytest.approx(219474.6313705, rel=1e-10)
    assert units.HARTREE_MHZ == pytest.approx(6.579683920502e9, rel=1e-10)
    assert units.HARTREE_K == pytest.approx(315775.02480, rel=1e-8)


@pytest.mark.filterwarnings("ignore::weft.validity.ValidityWarning")   # math, any R
def test_orders_sum_to_total():
    R = np.array([50.0, 500.0])
    for regime, orders in weft.REGIMES.items():
        total = weft.potential(R, regime=regime, spins=("triplet", 0))
        each = [weft.potential(R, regime=regime, order=o, spins=("triplet", 0)) for o in orders]
        # the orders cancel (Σ|order| = 61 |W| in the short regime at R = 50): compare on the
        # scale of the terms, floor a few ulp of it; 100x → 1e-13
        scale = np.sum(np.abs(each), axis=0)
        assert np.all(np.abs(total - sum(each)) <= 1e-13 * scale)


@pytest.mark.filterwarnings("ignore::weft.validity.ValidityWarning")   # dipole series, R = 20
def test_intermediate_equals_its_fast_path_and_limits():
    R = np.array([20.0, 2e5])
    w = weft.potential(R, order="0")
    np.testing.assert_allclose(w, intermediate.potential_cp(R), rtol=1e-10)
    # short-distance series through W(3/2) (W(3/2)/W(0) = 1.9e-4 at R = 20 bohr); the next
    # term is ~ -0.01 R × W(3/2) (tests/test_intermediate.py), i.e. ~4e-5 of W here
    w_short = weft.potential(R[0], regime="short", order=["0", "1", "3/2"])
    assert abs(w[0] / w_short - 1) < 1e-4
    assert abs(w[1] / weft.casimir_polder(R[1]) - 1) < 1e-4


def test_contributions_report_local_terms_separately():
    terms = weft.contributions(1e4, regime="long")
    assert [t.order for t in terms] == ["-1", "0", "1", "2"]
    assert terms[1].value == 0 and "delta3" in terms[1].delta
    assert "laplacian2_delta3" in terms[3].delta
    si = weft.contributions(1e4 * units.BOHR_M, regime="long", units="SI")
    # abs=0: the value is 4e-54 (approx's default abs=1e-12 passed anything); unit factors
    # only, floor a few ulp; 100x → 1e-13
    assert si[1].delta["delta3"] == pytest.approx(terms[1].delta["delta3"] * units.HARTREE_J
                                                  * units.BOHR_M ** 3, rel=1e-13, abs=0)


@pytest.mark.parametrize("kwargs, match", [
    (dict(R=-1.0), "R"), (dict(R=1e-300), "R"), (dict(R=1e300), "R"), (dict(R=1e30), "R"), (dict(R=np.nan), "R"), (dict(R=0.0), "R"), (dict(R="ten"), "R"),
    (dict(R=10.0, regime="medium"), "regime"), (dict(R=10.0, units="furlong"), "units"),
    (dict(R=10.0, state1="2p"), "state1"), (dict(R=10.0, state2="1x"), "state2"),
    (dict(R=10.0, order="5"), "order"), (dict(R=10.0, nu=-1.0), "nu"),
    (dict(R=10.0, spins="doublet"), "spins"), (dict(R=10.0, state1="2s"), "intermediate|dE|state"),
])
@pytest.mark.filterwarnings("ignore::weft.validity.ValidityWarning")
def test_bad_input_raises_clearly(kwargs, match):
    R = kwargs.pop("R")
    with pytest.raises(ValueError, match=match):
        weft.potential(R, **kwargs)


@pytest.mark.filterwarnings("ignore::weft.validity.ValidityWarning")   # math, any R
@settings(max_examples=30, deadline=None)
@given(n1=st.integers(1, 4), n2=st.integers(1, 4), r=st.floats(5.0, 1e6))
def test_short_regime_symmetric_and_finite(n1, n2, r):
    s1, s2 = f"{n1}s", f"{n2}s"
    sym = None if n1 == n2 else "direct"      # different levels: the direct term, explicitly
    try:
        a = weft.potential(r, s1, s2, regime="short", order=["0", "1"], symmetry=sym)
    except ValueError as err:                 # both atoms excited (e.g. 2s-3s) must say why
        assert "both atoms excited" in str(err) and "1701.08813" in str(err)
        return
    b = weft.potential(r, s2, s1, regime="short", order=["0", "1"], symmetry=sym)
    # W(0) and W(1) cancel at some R (a, b then differ by 1.2e-14 relative; |W| ~ 1e-28 made
    # approx's default abs=1e-12 pass anything): compare on the scale of the two orders,
    # measured ≤ 4.5e-16 of it; 100x → 1e-13
    scale = sum(abs(weft.potential(r, s1, s2, regime="short", order=o, symmetry=sym))
                for o in ("0", "1"))
    assert np.isfinite(a) and abs(a - b) <= 1e-13 * scale


@pytest.mark.filterwarnings("ignore::weft.validity.ValidityWarning")   # math, any R
@settings(max_examples=40, deadline=None)
@given(r=st.floats(1.0, 1e7))
def test_intermediate_between_limits(r):
    w = weft.potential(r, order="0")
    assert np.isfinite(w) and w < 0
    # retardation weakens the attraction: |W| <= |London|, and |W| <= |C-P| at large R
    assert abs(w) <= abs(weft.london(r)) * (1 + 1e-12)


@pytest.mark.parametrize("kwargs, match", [
    (dict(order=0), "order must be None"), (dict(order=[]), "order must be None"),
    (dict(order=["0", 1]), "order must be None"), (dict(nu="1"), "nu must be"),
    (dict(nu=True), "nu must be"), (dict(regime=None), "regime"),
    (dict(units=None), "units"), (dict(length_unit="parsec"), "length_unit"),
    (dict(state1="3s", regime="long"), "symmetry"),
    (dict(state1="3s", state2="2s", symmetry="direct"), "both atoms excited"),
])
def test_inputs_that_must_not_be_accepted(kwargs, match):
    with pytest.raises(ValueError, match=match):
        weft.potential(50.0, **kwargs)


def test_level_shifts_reach_the_matching_layer():
    """weft.potential takes level_shifts (a Lamb shift L lowers 2p below 2s): for
    R << c/L = 8.5e8 bohr the direct term changes only at relative order LR/c (measured:
    0.58 LR/c, i.e. 6e-6 at 1e4 bohr), beyond it the oscillating tail (docs/excited.md)."""
    from weft.matching.exchange import lamb_shift_2s, lamb_shift_hartree
    kw = dict(state1="1s", state2="2s", symmetry="direct")
    near, far = 1e4, 3e9
    a = weft.potential(near, **kw)
    b = weft.potential(near, **kw, level_shifts=lamb_shift_2s())
    x = lamb_shift_hartree() * near / units.C_AU
    assert 0.2 * x < abs(b / a - 1) < 2 * x
    c = weft.potential(far, **kw)
    d = weft.potential(far, **kw, level_shifts=lamb_shift_2s())
    assert abs(d / c - 1) > 0.1


def test_length_unit_is_explicit_and_overridable():
    w_bohr = weft.potential(60.0)
    # units="SI" reads R in metres by default; cm-1 reads bohr; length_unit overrides both.
    # Floor as in test_units_are_consistent (≤ 2 ulp of R, times |dlnW/dlnR| = 6, plus unit
    # factors; measured ≤ 1.6e-15): 2e-13. abs=0: W in joule is 4e-26, below approx's
    # default abs=1e-12, which passed anything.
    assert weft.potential(60.0 * units.BOHR_M, units="SI") == pytest.approx(
        w_bohr * units.HARTREE_J, rel=2e-13, abs=0)
    assert weft.potential(60.0 * units.BOHR_M * 1e10, units="cm-1", length_unit="angstrom") \
        == pytest.approx(w_bohr * units.HARTREE_CM1, rel=2e-13, abs=0)
    assert weft.potential(60.0, units="SI", length_unit="bohr") == pytest.approx(
        w_bohr * units.HARTREE_J, rel=2e-13, abs=0)
    c = weft.contributions(1e4 * units.BOHR_M * 1e9, regime="long", length_unit="nm")
    c_au = weft.contributions(1e4, regime="long")
    assert c[1].delta["delta3"] == pytest.approx(c_au[1].delta["delta3"] * (units.BOHR_M * 1e9) ** 3,
                                                 rel=1e-13, abs=0)


def test_long_arrays_are_evaluated_in_blocks_with_the_same_values():
    from weft.potential import _CHUNK
    R = np.geomspace(50.0, 1e6, _CHUNK + 7)
    whole = weft.potential(R)
    np.testing.assert_array_equal(whole[-7:], weft.potential(R[-7:]))
    np.testing.assert_array_equal(whole[:5], weft.potential(R[:5]))
