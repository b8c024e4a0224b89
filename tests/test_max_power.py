"""weft.potential(..., max_power=8 | 10): the multipole terms C8, C10 (issue 13, item 2).

The kernels are tested in tests/test_multipole.py and tests/test_multipole_retarded.py; here
their wiring: max_power=6 is today's result bit for bit, the short regime adds exactly
-C8/R^8 and -C10/R^10 (Yan, Babb, Dalgarno & Drake, PRA 54, 2824 (1996)), the intermediate
regime adds the retarded terms (-> the static ones at small R, the R^-9 and R^-11 laws at
large R: the long regime), excited pairs get their exchange partners, and the validity
window moves with max_power.
"""
import warnings

import numpy as np
import pytest

import hydrogen
import weft
from weft.matching import multipole

C8_YAN, C10_YAN = 124.3990835836223, 3285.828414967421


def test_max_power_6_is_the_default_bit_for_bit():
    for regime, Rr in (("intermediate", np.geomspace(50.0, 1e7, 20)),
                       ("short", np.array([50.0, 70.0, 90.0])),
                       ("long", np.geomspace(1e4, 1e7, 5))):
        np.testing.assert_array_equal(weft.potential(Rr, regime=regime, max_power=6),
                                      weft.potential(Rr, regime=regime))


def test_short_regime_adds_the_static_terms():
    R = np.array([15.0, 20.0, 40.0])
    w6 = weft.potential(R, regime="short", max_power=10, order=["0", "1/2", "1", "3/2"])
    c8 = weft.potential(R, regime="short", max_power=10, order="C8")
    c10 = weft.potential(R, regime="short", max_power=10, order="C10")
    np.testing.assert_allclose(c8, -C8_YAN / R ** 8, rtol=2e-13)     # the 13-digit target
    np.testing.assert_allclose(c10, -C10_YAN / R ** 10, rtol=2e-13)
    total = weft.potential(R, regime="short", max_power=10)
    np.testing.assert_allclose(total, w6 + c8 + c10, rtol=1e-13)


def test_intermediate_terms_have_both_limits():
    # small R: the retarded W_8 -> -C8/R^8 + α² D8/R^6 (the first retardation correction,
    # 7e-4 at 15 bohr); the remainder is O(R³) relative: 3.6e-5 at 15 bohr
    from weft.units import ALPHA
    d8 = multipole.retardation_coefficient(power=8)
    w = weft.potential(15.0, max_power=8, order="C8")
    assert w == pytest.approx(-C8_YAN / 15.0 ** 8 + ALPHA ** 2 * d8 / 15.0 ** 6, rel=1e-4)
    assert abs(w / (-C8_YAN / 15.0 ** 8) - 1) > 5e-4          # the correction is there
    # large R: -C9/R^9, the long regime's term (relative corrections (c/(omega R))^2)
    R = 1e6
    w_int = weft.potential(R, max_power=10, order=["C8", "C10"])
    w_long = weft.potential(R, regime="long", max_power=10, order=["C8", "C10"])
    assert w_int == pytest.approx(w_long, rel=1e-4)
    assert weft.potential(R, regime="long", max_power=8, order="C8") == pytest.approx(
        -multipole.long_range_coefficient(power=8) / R ** 9, rel=1e-13)


def test_contributions_name_the_multipole_terms():
    terms = weft.contributions(30.0, max_power=10)
    keys = [t.order for t in terms]
    assert keys == ["-1", "0", "C8", "C10"]
    assert "dipole-quadrupole" in terms[2].name and "K1" in terms[2].equation
    assert weft.orders("short", max_power=8) == ("0", "1/2", "1", "3/2", "C8")


def test_excited_pairs_get_the_exchange_partners_in_the_short_regime():
    R = 150.0
    for sym, sg in (("+", 1.0), ("-", -1.0)):
        w = weft.potential(R, "1s", "2s", symmetry=sym, regime="short", max_power=8, order="C8")
        c8, x8 = hydrogen.C8("1s", "2s"), hydrogen.C8_exchange("1s", "2s")
        assert w == pytest.approx(-(c8 + sg * x8) / R ** 8, rel=1e-13)
    with pytest.raises(ValueError, match="not implemented"):
        weft.potential(R, "1s", "2s", symmetry="+", max_power=8)


@pytest.mark.parametrize("bad", [7, 12, True, "8", None])
def test_bad_max_power_is_refused(bad):
    with pytest.raises(ValueError, match="max_power"):
        weft.potential(50.0, max_power=bad)


def test_validity_window_moves_with_max_power():
    with pytest.warns(weft.ValidityWarning, match="max_power=8"):
        weft.potential(20.0)
    with pytest.warns(weft.ValidityWarning, match="C10/R\\^10, omitted with max_power=8"):
        weft.potential(13.0, max_power=8)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        weft.potential([20.0, 30.0], max_power=8)
        weft.potential([12.5, 13.0], max_power=10)
