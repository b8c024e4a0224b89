"""weft.fields.thermal: Casimir–Polder at T ≥ 0 against independent references.

* T = 0, H–H: weft.matching.intermediate.potential_cp (its own u-quadrature, atomic units);
* T > 0: the Matsubara sum added term by term (math.fsum) with a rigorous tail bound;
* near field: closed forms of Σ'_n 1/((a² + ξ_n²)(b² + ξ_n²)) (coth), the London formula,
  hydrogen.C6 and the W^(1) sum of Eq. (36) of the EFT paper (hydrogen.london_nlo_sum);
* T → 0: the Euler–Maclaurin expansion of the Matsubara sum, exact coefficients;
* retarded and thermal asymptotes with their first corrections, derived in docs/fields.md.
"""
import math
from fractions import Fraction

import numpy as np
import pytest
import sympy as sp

import hydrogen
from weft import units
from weft.fields.green import cp_kernel
from weft.fields.particles import (SILICA, DielectricSphere, HydrogenAtom, Particle,
                                   TabulatedParticle, TwoLevelAtom)
from weft.fields.si import ATOMIC_UNITS, C, EPS0, HBAR, KB
from weft.fields.thermal import (_X1_SWITCH, _gregory_weights, casimir_polder,
                                 matsubara_frequencies, prepare, regimes)
from weft.matching.intermediate import potential_cp

A0 = ATOMIC_UNITS["length"][0]
EH = ATOMIC_UNITS["energy"][0]
H1S = HydrogenAtom("1s")
ATOM_A = TwoLevelAtom(2e16, 3e-30)
ATOM_B = TwoLevelAtom(5e15, 2e-30)
SPHERE = DielectricSphere(100e-9)


def _pref(p):
    """A with α(iξ) ≤ A/ξ² (TwoLevel: 2ω₀|μ|²/3ħ; sphere: 4πε₀a³Σω_p²/3)."""
    if isinstance(p, TwoLevelAtom):
        return 2 * p.omega0 * p.mu2 / (3 * HBAR)
    return 4 * np.pi * EPS0 * p.radius ** 3 * sum(w * w for w in p.permittivity.plasma) / 3


def brute_force(R, p1, p2, T, N=1_000_000):
    """Eq. (1) summed term by term; returns (U, rigorous bound on the dropped tail / |U|)."""
    d = 2 * np.pi * KB * T / HBAR
    n = np.arange(N)
    g = p1.alpha_imag(d * n) * p2.alpha_imag(d * n)
    out, bounds = [], []
    for r in np.atleast_1d(R):
        f = g * cp_kernel(d * n * r / C)
        f[0] *= 0.5
        s = math.fsum(f)
        # n ≥ N: h decreasing, α ≤ A/ξ²  ⇒  tail ≤ h(x_N) A₁A₂/(3 Δ⁴ N³)
        tail = cp_kernel(d * N * r / C) * _pref(p1) * _pref(p2) / (3 * d ** 4 * N ** 3)
        out.append(-KB * T / (8 * np.pi ** 2 * EPS0 ** 2 * r ** 6) * s)
        bounds.append(tail / s)
    return np.array(out), np.array(bounds)


# ---------------------------------------------------------------------------
# T = 0
# ---------------------------------------------------------------------------

def test_t0_hydrogen_equals_intermediate_potential():
    R = np.geomspace(1.0, 1e6, 61)
    U = prepare(H1S, H1S, 0.0)(R * A0) / EH
    assert np.allclose(U, potential_cp(R), rtol=1e-10, atol=0)


def test_resolution_refinement_is_the_error_estimate():
    R = np.geomspace(2e-10, 1e-3, 40)
    for p, T in [(H1S, 0.0), (H1S, 1.0), (H1S, 300.0), (H1S, 1e4), (ATOM_A, 300.0)]:
        u1 = prepare(p, ATOM_B, T)(R)
        u2 = prepare(p, ATOM_B, T, resolution=2)(R)
        assert np.allclose(u1, u2, rtol=1e-13, atol=0)
    Rs = np.geomspace(2.01e-7, 1e-3, 30)
    for T in (0.0, 300.0):
        assert np.allclose(prepare(SPHERE, SPHERE, T)(Rs), prepare(SPHERE, SPHERE, T, resolution=2)(Rs),
                           rtol=1e-13, atol=0)


# ---------------------------------------------------------------------------
# T > 0 against the term-by-term sum
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("T", [30.0, 300.0, 3000.0])
def test_matsubara_sum_against_brute_force_atoms(T):
    d = 2 * np.pi * KB * T / HBAR
    r_switch = _X1_SWITCH * C / d
    R = np.array([0.5, 0.999, 1.001, 3.0, 30.0, 300.0]) * r_switch   # both evaluation paths
    if T == 3000.0:
        R = np.concatenate([[1e-10, 1e-9], R])
    U = prepare(ATOM_A, ATOM_B, T)(R)
    ref, tail = brute_force(R, ATOM_A, ATOM_B, T)
    assert np.all(tail < 1e-15)
    assert np.allclose(U, ref, rtol=2e-14, atol=0)


@pytest.mark.parametrize("T", [1.0, 300.0])
def test_matsubara_sum_against_brute_force_spheres(T):
    R = np.array([2.01e-7, 5e-7, 2e-6, 1e-5, 1e-4])
    U = casimir_polder(R, SPHERE, SPHERE, T)
    ref, tail = brute_force(R, SPHERE, SPHERE, T, N=400_000)
    assert np.all(tail < 1e-15)
    assert np.allclose(U, ref, rtol=2e-14, atol=0)


def test_gregory_coefficients():
    # t/log(1+t) = 1 + t/2 − t²/12 + t³/24 − 19t⁴/720 + 3t⁵/160 − 863t⁶/60480 + …; the end
    # correction Σ_{n≥0}F_n − ∫₀^∞F = Σ_i w_i F_i on F = e^{−λn} (Σ = 1/(1 − e^{−λ}), ∫ = 1/λ)
    # has the error of the first omitted difference, ~|G₁₄| λ¹³ (K = 12)
    t = sp.symbols("t")
    ser = sp.series(t / sp.log(1 + t), t, 0, 8).removeO()
    G = [sp.Rational(ser.coeff(t, j)) for j in range(8)]
    assert G[:7] == [1, sp.Rational(1, 2), sp.Rational(-1, 12), sp.Rational(1, 24),
                     sp.Rational(-19, 720), sp.Rational(3, 160), sp.Rational(-863, 60480)]
    w = _gregory_weights(12)
    for lam in (0.05, 0.1, 0.2, 0.4):
        F = np.exp(-lam * np.arange(13))
        exact = 1 / math.expm1(lam) + 1 - 1 / lam
        assert abs(float(w @ F) - exact) <= 0.01 * lam ** 13 + 1e-15


# ---------------------------------------------------------------------------
# Limits: T → 0, R → 0 (near field), R ≫ λ_T (thermal), retarded
# ---------------------------------------------------------------------------

def test_t_to_zero_hydrogen():
    R = np.geomspace(1.0, 1e6, 31) * A0                        # λ_T(1 mK) = 2.3 m ≫ R
    assert np.allclose(prepare(H1S, H1S, 1e-3)(R), prepare(H1S, H1S, 0.0)(R), rtol=1e-12, atol=0)


def _em_difference(p, T, R, kmax=24):
    """Euler–Maclaurin: ΔΣ'F(nΔ) − ∫F = −Σ_k (B_2k/2k) Δ^{2k} f_{2k−1}, f_m the Taylor
    coefficients of F(ξ) = g(ξ) h(ξR/c) at 0 (identical undamped two-level atoms:
    g = A²/(ω₀² + ξ²)², even). Exact rationals for h; returns ΔΣ'F − ∫F."""
    x = sp.symbols("x")
    hser = sp.series(sp.exp(-2 * x) * (x ** 4 + 2 * x ** 3 + 5 * x ** 2 + 6 * x + 3), x, 0,
                     2 * kmax + 1).removeO()
    h = [float(sp.Rational(hser.coeff(x, j))) for j in range(2 * kmax + 1)]
    A, w0 = _pref(p), p.omega0
    d = 2 * np.pi * KB * T / HBAR
    x1 = d * R / C
    gd = [0.0] * (2 * kmax + 1)                                # g_i Δ^i (scaled: no overflow)
    for m in range(kmax + 1):
        gd[2 * m] = A * A / w0 ** 4 * (-1) ** m * (m + 1) * (d / w0) ** (2 * m)
    total = 0.0
    for k in range(1, kmax + 1):
        j = 2 * k - 1
        f = sum(gd[i] * h[j - i] * x1 ** (j - i) for i in range(0, j + 1, 2))   # Δ^{2k−1} f_j
        total += -float(sp.bernoulli(2 * k)) / (2 * k) * d * f
    return total


@pytest.mark.parametrize("x1", [0.3, 0.6, 1.0])
def test_low_temperature_expansion(x1):
    # U(T) − U(0) = −ħ/(16π³ε₀²R⁶) × [ΔΣ'F − ∫F]; the leading term is
    # −(11/1890) ħ α₁(0)α₂(0) Δ⁶/(16π³ε₀² c⁵ R) ∝ T⁶/R (docs/fields.md)
    T = 300.0
    d = 2 * np.pi * KB * T / HBAR
    R = x1 * C / d
    u_t = prepare(ATOM_A, ATOM_A, T)(R)
    u_0 = prepare(ATOM_A, ATOM_A, 0.0)(R)
    pred = -HBAR / (16 * np.pi ** 3 * EPS0 ** 2 * R ** 6) * _em_difference(ATOM_A, T, R)
    # round-off: 1e-15 of U; the EM series converges for x₁ < π (h has exponential type 2R/c),
    # its truncation after k = 24 is ~ (x₁/π)^50 (2k)⁴; the poles of g add e^{−2πω₀/Δ} ~ e^{−500}
    assert (u_t - u_0) == pytest.approx(pred, rel=1e-8, abs=1e-14 * abs(u_0))
    assert abs(u_t - u_0) > 1e-9 * abs(u_0)                   # a non-trivial check


def _c6_thermal_au(state_rule_f, state_rule_w, T_hartree):
    """6 k_BT Σ'_n α(iξ_n)² (a.u.) by partial fractions and Σ'_n 1/(a² + n²Δ²) = π coth(πa/Δ)/(2aΔ)."""
    d = 2 * np.pi * T_hartree
    f, w = state_rule_f, state_rule_w
    S = np.pi / (2 * w * d) / np.tanh(np.pi * w / d)            # Σ'_n 1/(w² + n²Δ²)
    a2, b2 = (w * w)[:, None], (w * w)[None, :]
    diff = b2 - a2
    near = np.abs(diff) < 1e-6 * (a2 + b2)
    with np.errstate(divide="ignore", invalid="ignore"):
        M = np.where(near, 0.0, (S[:, None] - S[None, :]) / np.where(near, 1.0, diff))
    # diagonal: −dS/d(a²) = −S'(a)/(2a)
    x = np.pi * w / d
    e = np.exp(-2 * x)
    dS = -S / w - np.pi / (2 * w * d) * (np.pi / d) * 4 * e / (1 - e) ** 2     # 1/sinh²
    ii, jj = np.nonzero(near)
    M[ii, jj] = -0.5 * (dS[ii] / w[ii] + dS[jj] / w[jj]) / 2
    return 6 * T_hartree * float(f @ M @ f)


@pytest.mark.parametrize("T", [300.0, 1e4, 3e4])
def test_near_field_coefficient_closed_form_hydrogen(T):
    rule = hydrogen.spectral_rule("1s")
    t_au = T / ATOMIC_UNITS["temperature"][0]
    ref = _c6_thermal_au(rule.f, rule.omega, t_au)
    got = regimes(H1S, H1S, T).C6_T / (EH * A0 ** 6)
    assert got == pytest.approx(ref, rel=1e-11)
    c6 = hydrogen.C6("1s", "1s")
    if T == 300.0:                                            # e^{−ħω/k_BT} = e^{−395}
        assert got == pytest.approx(c6, rel=1e-12)
    else:                                                     # thermal enhancement
        assert got / c6 - 1 > 1e-6


def test_near_field_limit_and_london_formula_two_level():
    # London: C6 = (3/2) ħ ω_a ω_b/(ω_a + ω_b) α_a(0)α_b(0)/(4πε₀)²; ω₁₂ = 2ω_aω_b/(ω_a + ω_b)
    m = regimes(ATOM_A, ATOM_B)
    wa, wb = ATOM_A.omega0, ATOM_B.omega0
    a12 = float(ATOM_A.alpha_imag(0.0) * ATOM_B.alpha_imag(0.0))
    assert m.C6 == pytest.approx(1.5 * HBAR * wa * wb / (wa + wb) * a12 / (4 * np.pi * EPS0) ** 2,
                                 rel=1e-13)
    assert m.omega_12 == pytest.approx(2 * wa * wb / (wa + wb), rel=1e-13)
    assert m.R_retarded == pytest.approx(23 / (3 * np.pi) * C / m.omega_12, rel=1e-13)
    # U R⁶ → −C6(T): near field at R ω/c = 1e-4, correction −(R/c)²Σ'gξ²/(3Σ'g) ~ 1e-8
    for T in (0.0, 3000.0, 3e5):
        mt = regimes(ATOM_A, ATOM_B, T)
        R = 1e-4 * C / wa
        assert prepare(ATOM_A, ATOM_B, T)(R) / mt.near(R) == pytest.approx(1.0, abs=1e-7)


def test_near_field_w1_correction_hydrogen():
    # U + C6/R⁶ = W^(1) + O(R⁻³) with W^(1) = −(2α²/R⁴) Σ x2 x2 ΔE₁ΔE₂/(ΔE₁+ΔE₂) (EFT paper
    # Eq. (36), erratum E2: repulsive); the relative remainder is linear in R
    cp = prepare(H1S, H1S, 0.0)
    m = regimes(H1S, H1S)
    w1 = -2 * units.ALPHA ** 2 * hydrogen.london_nlo_sum("1s")
    rel = []
    for R in (0.05, 0.1, 0.2):
        d = (cp(R * A0) - m.near(R * A0)) / EH
        rel.append(d / (w1 / R ** 4) - 1)
    assert all(abs(x) < 0.01 * R for x, R in zip(rel, (0.05, 0.1, 0.2)))
    assert rel[1] / rel[0] == pytest.approx(2.0, rel=0.02) and rel[2] / rel[1] == pytest.approx(2.0, rel=0.02)


def test_r_to_zero_thermal_equals_t0_hydrogen():
    R = np.geomspace(0.5, 100.0, 20) * A0
    assert np.allclose(prepare(H1S, H1S, 300.0)(R), prepare(H1S, H1S, 0.0)(R), rtol=1e-12, atol=0)
    assert np.allclose(prepare(H1S, H1S, 300.0)(R) / EH, potential_cp(R / A0), rtol=1e-10, atol=0)


def test_retarded_limit_hydrogen_with_corrections():
    # T = 0, R ≫ c/ω: J = (c/R)∫g(xc/R)h(x)dx = (c/R)[g₀·23/4 + (g''/2)(c/R)²·129/8
    # + (g⁗/24)(c/R)⁴·639/4 + …]; g = α², α'' = −2S(−4), α⁗ = 24S(−6) (a.u.)
    cp = prepare(H1S, H1S, 0.0)
    m = regimes(H1S, H1S)
    S4 = hydrogen.oscillator_sum("1s", -4)
    S6 = hydrogen.oscillator_sum("1s", -6)
    g0, g2, g4 = 4.5 ** 2, 2 * 4.5 * (-2 * S4), 2 * 4.5 * 24 * S6 + 6 * (2 * S4) ** 2
    for R, tol in ((1e4, 1e-5), (1e5, 1e-10), (1e6, 1e-14)):      # next term ~ 5e5 (c/R)⁶
        y = (units.C_AU / R) ** 2
        pred = 1 + (g2 / 2 * y * Fraction(129, 8) + g4 / 24 * y * y * Fraction(639, 4)) / (g0 * 23 / 4)
        assert cp(R * A0) / m.retarded(R * A0) == pytest.approx(float(pred), abs=tol)
    # C7 of the map is 23 α(0)²/(4π R⁷) in atomic units (Casimir & Polder 1948)
    assert m.C7 / (EH * A0 ** 7) == pytest.approx(23 * 4.5 ** 2 / (4 * np.pi) * units.C_AU, rel=1e-10)


def test_retarded_limit_silica_spheres():
    # R ≫ c/ω_t1 = 2.3 µm: U/U_ret = 1 + (g'(0)/g₀)(c/R)(∫x h/∫h) + O((c/Rω)²), ∫x h = 15/2;
    # the damping makes α(iξ) linear at small ξ: α̃' = 3ε'/(ε + 2)², ε'(0) = −Σ ω_p²γ/ω_t⁴
    m = regimes(SPHERE, SPHERE)
    e0 = float(SILICA.eps_imag(0.0))
    de = -sum(wp * wp * g / wt ** 4 for wp, wt, g in zip(SILICA.plasma, SILICA.resonance,
                                                          SILICA.damping))
    g1 = 2 * (3 * de / (e0 + 2) ** 2) / ((e0 - 1) / (e0 + 2))     # g'(0)/g(0)
    for R in (1e-3, 1e-2):
        pred = 1 + g1 * C / R * (7.5 / 5.75)
        tol = 10 * (C / (R * SILICA.resonance[0])) ** 2
        assert casimir_polder(R, SPHERE, SPHERE) / m.retarded(R) == pytest.approx(pred, abs=tol)
        assert abs(pred - 1) > 10 * tol                           # the correction is resolved


@pytest.mark.parametrize("p1, p2, T", [(H1S, H1S, 300.0), (SPHERE, SPHERE, 300.0),
                                       (ATOM_A, ATOM_B, 30.0)])
def test_thermal_limit_r_much_larger_than_lambda_t(p1, p2, T):
    # only n = 0 survives: U = −C_T/R⁶ [1 + (2/3)Σ_{n≥1} (g_n/g₀) h(n x₁)], x₁ = 2πR/λ_T
    m = regimes(p1, p2, T)
    cp = prepare(p1, p2, T)
    xi1 = float(matsubara_frequencies(T, 1))
    ratio1 = float(p1.alpha_imag(xi1) * p2.alpha_imag(xi1) / (p1.alpha_imag(0.0) * p2.alpha_imag(0.0)))
    for k in (1.0, 1.5, 2.0, 3.0):
        R = k * m.lambda_T
        x1 = xi1 * R / C
        lead = 1 + 2 / 3 * ratio1 * float(cp_kernel(x1))
        assert cp(R) / m.thermal(R) == pytest.approx(lead, abs=float(cp_kernel(2 * x1)) + 1e-14)
    assert cp(5 * m.lambda_T) / m.thermal(5 * m.lambda_T) == pytest.approx(1.0, abs=1e-14)
    assert m.R_thermal == pytest.approx(23 / (12 * np.pi) * m.lambda_T, rel=1e-14)


# ---------------------------------------------------------------------------
# Errata of seed 003 (docs/fields.md F5, F6)
# ---------------------------------------------------------------------------

def test_erratum_f5_far_field_zero_frequency_weight():
    # Eq. (38)/(C4) print U ≈ −6 k_BT (a/r)⁶ α̃(0)²; the full sum gives −3 k_BT (a/r)⁶ α̃(0)²
    a = SPHERE.radius
    at0 = float((SILICA.eps_imag(0.0) - 1) / (SILICA.eps_imag(0.0) + 2))
    for T in (300.0, 3000.0):
        r = 20 * HBAR * C / (KB * T)
        U = casimir_polder(r, SPHERE, SPHERE, T)
        correct = -3 * KB * T * (a / r) ** 6 * at0 ** 2
        printed = -6 * KB * T * (a / r) ** 6 * at0 ** 2
        assert U == pytest.approx(correct, rel=1e-13)
        assert printed / U == pytest.approx(2.0, rel=1e-13)


def test_erratum_f6_near_field_thermal_formula():
    # Eq. (36) prints −4k_BT(a/r)⁶Σ_j α̃(iξ_j)² − (ħω_t2/π)(a/r)⁶∫α̃² (j from 0, full weight);
    # the near-field limit of the Matsubara sum is −6k_BT(a/r)⁶Σ'_n α̃(iξ_n)² (no separate
    # T = 0 term; as T → 0 it becomes −(3ħω_t2/π)(a/r)⁶∫₀^∞ dξ̃ α̃(iξ̃)²).
    from scipy import integrate
    a = 1e-10                                                  # point-dipole sphere, r ≪ c/ω
    s = DielectricSphere(a)
    r = 2.5e-10
    w2 = SILICA.resonance[1]

    def at(xi):
        e = SILICA.eps_imag(xi)
        return (e - 1) / (e + 2)

    n0, _ = integrate.quad(lambda t: at(t * w2) ** 2, 0, np.inf, limit=500, epsrel=1e-13)
    ratios = []
    for T in (1.0, 300.0, 3000.0, 3e4):
        d = 2 * np.pi * KB * T / HBAR
        n = np.arange(400_000)
        terms = at(n * d) ** 2
        # the terms n >= 4e5 by Euler-Maclaurin: ∫_N^∞ f dn + f(N)/2 (α̃ ~ 1/ξ² there: the
        # next term, -f'(N)/12, is ~1e-6 of f(N)); at T = 1 K they are 4e-4 of the sum (the
        # old truncated reference missed them; approx's default abs=1e-12 hid it)
        N = n.size
        # ∫_N^∞ f(n) dn with n = N/u: f(N/u) N/u² ~ u² N f(N) is smooth on u ∈ (0, 1]:
        # 64-point Gauss-Legendre (the tail is 4e-4 of the sum; its quadrature error < 1e-12)
        xg, wg = np.polynomial.legendre.leggauss(64)
        u = 0.5 * (xg + 1)
        tail = float(np.sum(0.5 * wg * at(N * d / u) ** 2 * N / u ** 2))
        tail += 0.5 * at(N * d) ** 2
        sprime = math.fsum(terms) - 0.5 * terms[0] + tail
        correct = -6 * KB * T * (a / r) ** 6 * sprime
        full = casimir_polder(r, s, s, T)
        assert full / correct == pytest.approx(1.0, abs=3e-4)  # near field: (r ω/c)² ~ 1e-4
        assert regimes(s, s, T).near(r) == pytest.approx(correct, rel=1e-9)
        printed = (-4 * KB * T * (a / r) ** 6 * (math.fsum(terms) + tail)
                   - HBAR * w2 / np.pi * (a / r) ** 6 * n0)
        ratios.append(printed / correct)
    # the two slips nearly cancel at k_BT ≪ ħω_t, not above: 0.9998, 1.011, 1.074, 1.342
    assert ratios[0] == pytest.approx(1.0, abs=5e-4)
    assert ratios[1] == pytest.approx(1.0106, abs=5e-4)
    assert ratios[2] == pytest.approx(1.0738, abs=5e-4)
    assert ratios[3] == pytest.approx(1.3418, abs=5e-4)
    # T = 0 limit of the correct form: −(3ħω_t2/π)(a/r)⁶ ∫ α̃(iξ̃)² dξ̃
    assert regimes(s, s, 0.0).near(r) == pytest.approx(-3 * HBAR * w2 / np.pi * (a / r) ** 6 * n0,
                                                      rel=1e-9)


# ---------------------------------------------------------------------------
# Bad input
# ---------------------------------------------------------------------------

class _Plain(Particle):                                       # a user particle, α = const/(1+ξ²)
    omega_scales = (1e15, 1e15)

    def alpha(self, omega):
        return 1e-40 / (1 - (np.asarray(omega, complex) / 1e15) ** 2)

    def alpha_imag(self, xi):
        return 1e-40 / (1 + (np.asarray(xi, float) / 1e15) ** 2)


def test_tabulated_particles_need_the_whole_axis():
    # Casimir–Polder integrates α(iξ) over all ξ: a table without a tail is a clear error;
    # with the ξ⁻² tail it reproduces the model to the interpolation accuracy: ≤ 2e-7 where
    # the nodes are dense, 6e-6 at R ~ 1 mm where ξ ~ c/R lies in the first interval [0, ξ₁]
    xi = np.concatenate([[0.0], np.geomspace(1e12, 1e19, 400)])
    bare = TabulatedParticle(xi, SPHERE.alpha_imag(xi), radius=SPHERE.radius)
    with pytest.raises(ValueError, match="outside the table"):
        casimir_polder(3e-7, bare, bare, 300.0)
    tab = TabulatedParticle(xi, SPHERE.alpha_imag(xi), tail="inverse-square", radius=SPHERE.radius)
    R = np.geomspace(2.01e-7, 1e-3, 20)
    for T in (0.0, 300.0):
        assert np.allclose(casimir_polder(R, tab, tab, T), casimir_polder(R, SPHERE, SPHERE, T),
                           rtol=1e-5, atol=0)


def test_user_particle_subclass_works():
    p = _Plain()
    assert p.omega_t == pytest.approx(1e15, rel=1e-12)
    U = casimir_polder([1e-9, 1e-6], p, ATOM_A, 10.0)
    assert np.all(U < 0)


@pytest.mark.parametrize("call, match", [
    (lambda: casimir_polder(1e-9, H1S, H1S, -1.0), "temperature"),
    (lambda: casimir_polder(1e-9, H1S, H1S, np.nan), "temperature"),
    (lambda: casimir_polder(0.0, H1S, H1S), "R must"),
    (lambda: casimir_polder([1e-9, np.nan], H1S, H1S), "R must"),
    (lambda: casimir_polder(1.5e-7, SPHERE, SPHERE), "radii"),
    (lambda: casimir_polder(1e-9, HydrogenAtom("2s"), H1S), "ground state"),
    (lambda: casimir_polder(1e-9, "1s", H1S), "Particle"),
    (lambda: prepare(H1S, H1S, 0.0, resolution=3), "resolution"),
    (lambda: matsubara_frequencies(300.0, -1), "n must"),
])
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_shapes():
    cp = prepare(ATOM_A, ATOM_B, 300.0)
    R = np.geomspace(1e-9, 1e-4, 12).reshape(3, 4)
    assert cp(R).shape == (3, 4)
    assert np.ndim(cp(1e-8)) == 0
    assert cp(np.empty(0)).shape == (0,)
