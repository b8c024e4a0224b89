"""weft.figure_thermal: the thermal Casimir-Polder regime map as data (`weft thermal`).

The curves come from weft.fields.thermal (Matsubara sums on Gauss panels); they are
checked here against code they share nothing with: the EFT's intermediate regime
(weft.potential, a Chebyshev interpolant of the dispersive Eqs. (61)-(62)), the short
regime's series, hydrogen.C6 (a double state sum) and closed forms from scipy.constants.
"""
import math
import warnings

import numpy as np
import pytest
import scipy.constants as sc

import hydrogen
import weft
from weft.figure_thermal import PAIRS, pair_particles, thermal_curves, thermal_table

E_H = sc.physical_constants["Hartree energy"][0]
A0 = sc.physical_constants["Bohr radius"][0]


def test_h_pair_at_zero_temperature_is_the_eft_intermediate_potential():
    """T = 0, 3 nm ... 1 mm: U equals weft.potential (intermediate regime, SI) to the
    documented 1e-11 of its fast path (its measured error 5.7e-12; the Matsubara side
    is good to 1e-13): 2e-11."""
    R = np.geomspace(3e-9, 1e-3, 25)
    u = thermal_curves("H", [], R)["U"][0.0]
    w = weft.potential(R, units="SI")
    np.testing.assert_allclose(u, w, rtol=2e-11, atol=0)


def test_h_pair_near_field_is_the_short_regime_series():
    """R = 2.5 nm (47 bohr, inside the short regime's window): U agrees with the short
    series W^(0) + W^(1) + W^(3/2) to better than its last term (the omitted orders are
    smaller): measured 6e-4 against |W^(3/2)/W| = 2.4e-3."""
    R = 2.5e-9
    u = thermal_curves("H", [], [R])["U"][0.0][0]
    terms = {c.order: c.value for c in weft.contributions(R, regime="short", units="SI")}
    w = sum(terms.values())
    assert abs(u / w - 1) < abs(terms["3/2"] / w)
    assert abs(u / w - 1) > 1e-2 * abs(terms["3/2"] / w)     # not trivially equal


def test_regime_map_coefficients_against_independent_routes():
    """C6 (SI) = hydrogen.C6 (double state sum) E_h a0^6; C7 = 23 hbar c alpha(0)^2 /
    (64 pi^3 eps0^2) with alpha(0) = 9/2 a.u. exactly; C_T = 3 k_B T alpha(0)^2 /
    (16 pi^2 eps0^2); R_T = (23/12 pi) lambda_T. The quadrature errors are 1e-13 (C6 by
    the Casimir-Polder integral) and 4e-16 (alpha(0)): 1e-12."""
    meta = thermal_table("H", [300.0], [1e-8])[2]["regime_map"]
    alpha0 = 4.5 * 4 * math.pi * sc.epsilon_0 * A0 ** 3
    c6 = hydrogen.C6("1s", "1s") * E_H * A0 ** 6
    c7 = 23 * sc.hbar * sc.c * alpha0 ** 2 / (64 * math.pi ** 3 * sc.epsilon_0 ** 2)
    ct = 3 * sc.k * 300.0 * alpha0 ** 2 / (16 * math.pi ** 2 * sc.epsilon_0 ** 2)
    lam = sc.hbar * sc.c / (sc.k * 300.0)
    assert meta["0K"]["C6"] == pytest.approx(c6, rel=1e-12, abs=0)
    assert meta["300K"]["C7"] == pytest.approx(c7, rel=1e-12, abs=0)
    assert meta["300K"]["CT"] == pytest.approx(ct, rel=1e-12, abs=0)
    assert meta["300K"]["R_thermal"] == pytest.approx(23 / (12 * math.pi) * lam, rel=1e-12,
                                                      abs=0)
    assert meta["0K"]["CT"] == 0.0 and meta["0K"]["lambda_T"] is None


@pytest.mark.parametrize("pair", sorted(PAIRS))
def test_asymptotes_are_reached(pair):
    """At R = 1 mm: U(300 K) is the thermal -C_T/R^6 (the n >= 1 Matsubara terms are
    e^{-4 pi R/lambda_T} ~ e^{-1600}); U(0) is the retarded -C7/R^7 up to (c/(omega_12 R))^2
    ~ 1e-9 and, for the damped silica model, the 1/R correction -5.8e-4 (docs/fields.md).
    The columns are U(R, T) of weft.fields.casimir_polder (pass-through)."""
    R, W, meta, extra = thermal_table(pair, [300.0], [1e-6, 1e-3])
    assert extra["U_300K_J"][1] == pytest.approx(extra["thermal_300K_J"][1], rel=1e-12, abs=0)
    tol = 1e-8 if pair == "H" else 1e-3
    assert W[1] == pytest.approx(extra["retarded_J"][1], rel=tol, abs=0)
    a, b = pair_particles(pair)
    np.testing.assert_array_equal(W, weft.fields.casimir_polder(R, a, b, 0.0))


def test_bad_input_is_refused():
    with pytest.raises(ValueError, match="pair must be one of"):
        thermal_curves("He")
    with pytest.raises(ValueError, match="temperatures must be finite and > 0"):
        thermal_curves("H", [-1.0])
    with pytest.raises(ValueError, match="temperatures must be finite and > 0"):
        thermal_curves("H", [float("nan")])


def test_no_warning_on_the_default_grid():
    """The default grids stay inside what weft.fields.thermal supports (no warnings)."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        d = thermal_curves("silica", [300.0])
    assert d["R_m"][0] == PAIRS["silica"][1] and np.all(np.diff(d["R_m"]) > 0)
