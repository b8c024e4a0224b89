"""weft.potential at finite temperature (issue 12, item 3): H(1s)-H(1s) in a thermal field.

The thermal Casimir-Polder sum itself is tested in tests/test_fields_thermal.py (term by
term, Euler-Maclaurin, asymptotes); here its wiring into weft.potential: T = 0 unchanged bit
for bit, T -> 0 continuous, the short-distance part T-independent, the R >> lambda_T limit
-3 k_BT alpha^2/R^6 (atomic units; n = 0 Matsubara term with weight 1/2, h(0) = 3), and
clear errors where it is not implemented.
"""
import numpy as np
import pytest

import weft
from weft import units

ALPHA_1S = 4.5          # bohr^3, exact


def test_zero_temperature_is_the_default_bit_for_bit():
    R = np.geomspace(50.0, 1e7, 30)
    np.testing.assert_array_equal(weft.potential(R, temperature=0.0), weft.potential(R))
    np.testing.assert_array_equal(weft.potential(R, temperature=0), weft.potential(R))


def test_low_temperature_limit_is_the_zero_temperature_potential():
    # 1 mK: lambda_T = 2e10 bohr; thermal corrections (R/lambda_T)^3-type are < 1e-20 here.
    # The two routes (weft.fields.thermal in SI vs the atomic-unit Casimir-Polder fast path)
    # agree to ~6e-12 (CODATA constants and quadratures), so 1e-10.
    R = np.geomspace(50.0, 1e7, 30)
    np.testing.assert_allclose(weft.potential(R, temperature=1e-3), weft.potential(R),
                               rtol=1e-10, atol=0)


def test_short_distances_do_not_feel_the_temperature():
    # R << lambda_T = 1.4e5 bohr at 300 K: the thermal change is ~ (R/lambda_T)^... tiny
    R = np.array([50.0, 100.0, 200.0])
    np.testing.assert_allclose(weft.potential(R, temperature=300.0), weft.potential(R),
                               rtol=1e-10, atol=0)


@pytest.mark.parametrize("T", [300.0, 3000.0])
def test_far_beyond_the_thermal_wavelength_it_is_the_classical_limit(T):
    kT = T / units.HARTREE_K                    # hartree
    lam = units.C_AU / kT                       # hbar c/(k_B T), bohr
    R = np.array([20.0, 50.0]) * lam
    W = weft.potential(R, temperature=T)
    classical = -3.0 * kT * ALPHA_1S ** 2 / R ** 6
    np.testing.assert_allclose(W, classical, rtol=1e-9, atol=0)
    # and it is far above the T = 0 (retarded, R^-7) potential there
    assert np.all(np.abs(W) > 10 * np.abs(weft.potential(R)))


def test_contributions_say_which_term_is_thermal():
    terms = weft.contributions(1e6, temperature=300.0)
    zero = [t for t in terms if t.order == "0"][0]
    assert "T = 300 K" in zero.name and zero.delta == {}


@pytest.mark.parametrize("kwargs, match", [
    (dict(temperature=-1.0), "temperature"), (dict(temperature=np.nan), "temperature"),
    (dict(temperature="300"), "temperature"), (dict(temperature=2e4), "temperature"),
    (dict(temperature=300.0, regime="short"), "intermediate"),
    (dict(temperature=300.0, state2="2s", symmetry="direct"), "intermediate regime of ground"),
])
def test_bad_temperatures_are_refused(kwargs, match):
    with pytest.raises(ValueError, match=match):
        weft.potential(50.0, **kwargs)
