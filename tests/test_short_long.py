"""Secs. IV-V: coefficients against literature, independent formulas and ν-independence."""
import numpy as np

import weft
import pytest
import scipy.constants as sc

from hydrogen.sums import C6, polarizability
from weft import units
from weft.matching import long, magnetic, short

ALPHA = units.ALPHA


def test_london_c6_literature():
    # Yan, Babb, Dalgarno & Drake, PRA 54, 2824 (1996)
    assert -short.london(1.0) == pytest.approx(6.499026705405839, rel=1e-13)


def test_w_one_is_repulsive_for_ground_states():
    # erratum E2: the text after Eq. (36) calls W(1) attractive
    assert short.w_one(10.0) > 0


def test_w_three_half_from_finite_part_of_cp_integral():
    # The R^-3 term of the Casimir-Polder integral comes from α(iu)² ~ S(0)²/u⁴ = 1/u⁴:
    # -(1/(π c³ R³)) FP∫₀^∞ x^-4 e^{-2x} P(x) dx. The finite part by Mellin continuation,
    # lim_{s→0} Σ_k c_k Γ(s+k-3)/2^{s+k-3}, is 7/6 (sympy), reproducing Eq. (38).
    import sympy as sp
    s = sp.symbols("s")
    coeffs = [3, 6, 5, 2, 1]                      # P(x) = 3 + 6x + 5x² + 2x³ + x⁴
    mellin = sum(c * sp.gamma(s + k - 3) / 2 ** (s + k - 3) for k, c in enumerate(coeffs))
    fp = sp.limit(mellin, s, 0)
    assert fp == sp.Rational(7, 6)
    # a few flops: floor a few ulp; 100x → 1e-13. abs=0: the value is 1.8e-8, and approx's
    # default abs=1e-12 made the written rel=1e-14 an effective 5e-5
    assert short.w_three_half(2.0) == pytest.approx(-float(fp) * ALPHA ** 3 / (np.pi * 8.0), rel=1e-13,
                                                    abs=0)


@pytest.mark.parametrize("func", [lambda nu: short.delta_three_half(nu=nu),
                                  lambda nu: long.delta_zero(nu=nu),
                                  lambda nu: long.laplacian2_two(nu=nu)])
def test_local_terms_do_not_depend_on_nu(func):
    """Eqs. (30), (50), (51): the ν dependence cancels, numerically through the state sums."""
    ref = func(1.0)
    for nu in (1e-6, 1e-3, 10.0):
        # measured ≤ 9.2e-14 (log ν terms cancelling on sums with a 3e-14 rule error); abs=0:
        # the values are ~1e-5, where approx's default abs=1e-12 would mean 1.5e-7
        assert func(nu) == pytest.approx(ref, rel=1e-10, abs=0)


def test_log_sum_nu_derivative_is_the_squared_trk_sum():
    # dL/dlog ν = 2 (Σ pΔE)² = 8π²α²: a double sum against sum rule (C2) squared
    d = short.log_sum_L(weft.Pair(), np.e) - short.log_sum_L(weft.Pair(), 1.0)
    assert d == pytest.approx(2 * 4 * np.pi ** 2 * ALPHA ** 2, rel=1e-12)


def test_c7_value_and_units():
    c7 = long.C7()
    # C7 ∝ α(1s)²: twice α's deterministic rule error (4e-16), measured 9e-16, with a
    # round-off spread of 2e-16 → 100x: 1e-13
    assert c7 == pytest.approx(23 * 4.5 ** 2 / (4 * np.pi * ALPHA), rel=1e-13)
    # -C7/R⁷, a few flops (1e28 itself is rounded): 100x → 1e-13; abs=0 (the value is 5e-25)
    assert long.casimir_polder(1e4) == pytest.approx(-c7 / 1e28, rel=1e-13, abs=0)


def test_magnetic_potential_against_textbook_si():
    """Jackson (5.56): U = (μ0/4π)[m1·m2 - 3(m1·R̂)(m2·R̂)]/R³, m = g μ_B S, g = 2 c_F."""
    R_bohr = 37.0
    R = R_bohr * sc.physical_constants["Bohr radius"][0]
    mu_b = sc.physical_constants["Bohr magneton"][0]
    g = 2 * magnetic.c_F
    m = g * mu_b * 0.5                                  # |<S_z>| = 1/2, both spins along z
    for r_hat, geom in (((1.0, 0, 0), 1.0), ((0, 0, 1.0), -2.0)):
        U = sc.mu_0 / (4 * np.pi) * m * m * geom / R ** 3
        got = magnetic.magnetic_dipole_potential(R_bohr, ("triplet", 1), r_hat)
        # CODATA relations between μ0, μ_B, a0, E_h hold to ~1e-10 (measured 2.2e-12); abs=0:
        # U ~ 1e-27 J, below approx's default abs=1e-12, which passed anything
        assert got * units.HARTREE_J == pytest.approx(U, rel=1e-9, abs=0)
    # product state with the same vectors gives the same tensor
    T = magnetic.spin_tensor({"S1": (0, 0, 0.5), "S2": (0, 0, 0.5)})
    np.testing.assert_allclose(T, magnetic.spin_tensor(("triplet", 1)))


def test_singlet_and_unpolarised_tensor_part_vanishes():
    for spins in (None, "singlet"):
        for r_hat in ((1, 0, 0), (0.3, -0.2, 0.9)):
            assert magnetic.magnetic_dipole_potential(5.0, spins, r_hat) == pytest.approx(0, abs=1e-20)
    # the four spin states average to the unpolarised T = 0
    tot = sum(magnetic.spin_tensor(("triplet", M)) for M in (-1, 0, 1)) + magnetic.spin_tensor("singlet")
    np.testing.assert_allclose(tot, np.zeros((3, 3)), atol=1e-15)


def test_bad_spins_raise():
    for bad in ("triplet", ("triplet", 2), "doublet", {"S1": (0, 0, 1)}, {"S1": (0, 0, 1), "S2": (0, 0, 0)}):
        with pytest.raises(ValueError, match="spins"):
            magnetic.spin_tensor(bad)


def test_paper_c6_in_kev_is_off_by_8pi2_over_3():
    # erratum E1: the paper's 1.73123e-3 keV^-5 equals (8π²/3) × C6 in keV^-5
    ours = units.c6_au_to_inv_kev5(C6("1s", "1s"))
    assert ours == pytest.approx(6.5779e-5, rel=1e-4)
    assert ours * 8 * np.pi ** 2 / 3 == pytest.approx(1.73123e-3, rel=2e-5)


def test_eq19_fourier_transform_is_the_coordinate_magnetic_potential():
    """Eq. (19) (E3 sign) through the tensor Fourier transform I_{0,ij} of Appendix D equals
    magnetic.magnetic_dipole_potential (two independent codes: weft.fourier vs Jackson form)."""
    from weft import fourier
    s = np.array([0.0, 0.0, 0.5])
    mu = 2 * magnetic.c_F * s                         # μ = 2 c_F ⟨S⟩, product state
    for r_hat in (np.array([1.0, 0, 0]), np.array([0.6, 0, 0.8]), np.array([0, 0, 1.0])):
        R_au = 23.0
        R_nat = R_au / ALPHA * r_hat
        tensor = fourier.I_tensor(0, 2, R_nat)        # ∫ e^{ik·R} k̂^i k̂^j at R > 0
        # W = ∫ e^{ik·R} Ṽ_LO,B = -(πα)[μ₁·μ₂ δ³(R) - μ₁^i μ₂^j I_{0,ij}(R)]
        w_nat = np.pi * ALPHA * np.einsum("i,ij,j->", mu, np.real(tensor), mu)
        got = magnetic.magnetic_dipole_potential(R_au, {"S1": s, "S2": s}, r_hat)
        # measured 6e-16; abs=0: the value is 1e-9, where the default abs=1e-12 meant 1e-3
        assert got == pytest.approx(w_nat / ALPHA ** 2, rel=1e-12, abs=0)
