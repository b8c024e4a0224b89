"""weft.validity: the domains of the regimes, the warning outside them, strict mode.

The edges of the domains are justified in weft.validity by measured truncation errors of
the short and long series against the complete intermediate potential; these tests
re-measure them (the intermediate potential itself is checked against Eqs. (61)+(62) and
the London/Casimir-Polder limits in test_intermediate.py).
"""
import warnings

import numpy as np
import pytest

import weft
from hydrogen import parse_state
from weft.units import ALPHA
from weft.validity import ValidityError, ValidityWarning, domain

S1 = parse_state("1s")


def test_domains_of_1s1s():
    # lower edge: the overlap (12 bohr) or where the first omitted multipole term is 1 % of
    # London: C8/(C6 R²) = 0.01 (44 bohr), C10/(C6 R⁴) = 0.01 (15 bohr); Yan et al. (1996)
    c6, c8, c10 = 6.499026705405839, 124.3990835836223, 3285.828414967421
    edge6, edge8 = (c8 / (0.01 * c6)) ** 0.5, (c10 / (0.01 * c6)) ** 0.25
    assert domain("intermediate", S1, S1) == pytest.approx((edge6, np.inf), rel=1e-12)
    assert domain("intermediate", S1, S1, max_power=8)[0] == pytest.approx(edge8, rel=1e-12)
    assert domain("intermediate", S1, S1, max_power=10) == (12.0, np.inf)
    lo, hi = domain("short", S1, S1, max_power=10)
    assert lo == 12.0 and hi == pytest.approx(1 / ALPHA / (4 * 0.375), rel=1e-13)
    lo, hi = domain("long", S1, S1)
    assert lo == pytest.approx(20 / ALPHA / 0.375, rel=1e-13) and hi == np.inf


def test_multipole_edges_are_the_quoted_sizes():
    """The issue's numbers: at 10 bohr C8/R⁸ is 19 % of C6/R⁶ and C10/R¹⁰ another 5 %; at
    20 bohr 5 % and 0.3 % (static coefficients of hydrogen.multipole)."""
    import hydrogen
    c6, c8, c10 = (hydrogen.C6("1s", "1s"), hydrogen.C8("1s", "1s"), hydrogen.C10("1s", "1s"))
    assert c8 / (c6 * 100) == pytest.approx(0.19, abs=0.005)
    assert c10 / (c6 * 1e4) == pytest.approx(0.05, abs=0.002)
    assert c8 / (c6 * 400) == pytest.approx(0.048, abs=0.001)
    assert c10 / (c6 * 1.6e5) == pytest.approx(0.0032, abs=0.0001)


@pytest.mark.filterwarnings("ignore::weft.validity.ValidityWarning")
def test_quoted_truncation_errors_at_the_edges():
    """The numbers in the weft.validity table: short 1 % at 100 bohr, long ~1 % at 7300."""
    R = np.array([50.0, 100.0, 200.0, 5000.0, 7309.0, 1e4])
    w_int = weft.potential(R, order="0")
    short = weft.potential(R[:3], regime="short") / w_int[:3] - 1
    long = weft.potential(R[3:], regime="long") / w_int[3:] - 1
    np.testing.assert_allclose(short, [7.6e-4, 9.2e-3, 0.106], rtol=0.02)
    np.testing.assert_allclose(long, [2.39e-2, 1.2e-2, 6.15e-3], rtol=0.05)
    # the H2 exchange estimate 1.641 R^(5/2) e^(-2R) (Herring & Flicker 1964) vs C6/R^6
    ratio = lambda r: 1.641 * r ** 2.5 * np.exp(-2 * r) / (6.499 / r ** 6)   # noqa: E731
    assert 0.013 < ratio(12.0) < 0.015 and ratio(10.0) > 0.15


def test_warning_names_regime_and_domain():
    with pytest.warns(ValidityWarning, match=r"regime 'short' for 1s-1s holds for 12 bohr <= R <= 91"):
        weft.potential(500.0, regime="short", max_power=10)
    with pytest.warns(ValidityWarning, match="exchange and overlap"):
        weft.potential(5.0)
    with pytest.warns(ValidityWarning, match=r"C8/R\^8, omitted with max_power=6.*max_power=8"):
        weft.potential(20.0)
    with pytest.warns(ValidityWarning, match="long-distance expansion"):
        weft.potential(1000.0, regime="long")


def test_inside_the_domain_there_is_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        weft.potential([44.0, 50.0, 91.0], regime="short")
        weft.potential([12.0, 50.0, 91.0], regime="short", max_power=10)
        weft.potential([15.0, 1e3, 1e8], regime="intermediate", max_power=8)
        weft.potential([7310.0, 1e10], regime="long")


def test_strict_raises_a_value_error():
    with pytest.raises(ValidityError, match="regime 'long'"):
        weft.potential(100.0, regime="long", strict=True)
    assert issubclass(ValidityError, ValueError)
    with pytest.raises(ValidityError):
        weft.contributions(1.0, strict=True)
