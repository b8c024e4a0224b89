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
    assert domain("intermediate", S1, S1) == (12.0, np.inf)
    lo, hi = domain("short", S1, S1)
    # a few flops on the rule's ΔE (2 ulp under WEFT_TEST_PERTURB; measured ≤ 5e-16): 1e-13
    assert lo == 12.0 and hi == pytest.approx(1 / ALPHA / (4 * 0.375), rel=1e-13)
    lo, hi = domain("long", S1, S1)
    assert lo == pytest.approx(20 / ALPHA / 0.375, rel=1e-13) and hi == np.inf


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
        weft.potential(500.0, regime="short")
    with pytest.warns(ValidityWarning, match="exchange and overlap"):
        weft.potential(5.0)
    with pytest.warns(ValidityWarning, match="long-distance expansion"):
        weft.potential(1000.0, regime="long")


def test_inside_the_domain_there_is_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        weft.potential([12.0, 50.0, 91.0], regime="short")
        weft.potential([12.0, 1e3, 1e8], regime="intermediate")
        weft.potential([7310.0, 1e10], regime="long")


def test_strict_raises_a_value_error():
    with pytest.raises(ValidityError, match="regime 'long'"):
        weft.potential(100.0, regime="long", strict=True)
    assert issubclass(ValidityError, ValueError)
    with pytest.raises(ValidityError):
        weft.contributions(1.0, strict=True)
