"""One atom excited (weft.fields.atoms, .excited, .nonconservative), issue 11 items 4-6.

Independent references used below (none shares the module's code path):
* seed 004 Eqs. (9)-(11), (15)-(17) and their far-field forms, and seed 001 Eq. (8),
  written out here with Donaire's Green tensor 𝔾 (= −G₀) and finite-difference gradients;
* the static second-order energy Σ|⟨k,n|V_dd|e,g⟩|²/(E_e + E_g − E_k − E_n) summed over the
  whole hydrogen spectrum of both atoms (the near-field limit of resonant + degenerate +
  off-resonant parts), and V²/(ħΔ) for two-level atoms;
* the ground-state Casimir–Polder potential of weft.fields.thermal (scalar kernel h(x)) and
  of weft.matching.intermediate.potential_cp (atomic units, EFT side) for T → ∞;
* an mpmath evaluation of 004's off-resonant q-integral;
* exact matrix elements (hydrogen.dipole.cartesian_dipole) for the angular tensors;
* for the non-conservative forces, magnetic fields from finite-difference curls of the
  electric field of each dipole, evaluated at each atom's own position.
"""
import math

import mpmath
import numpy as np
import pytest
from scipy.integrate import quad
from scipy.optimize import brentq

import hydrogen
from hydrogen.dipole import cartesian_dipole
from weft.fields.atoms import (ExcitedHydrogen, ExcitedTwoLevel, HydrogenIsotope,
                               alpha_tensor, nucleus_mass, orbital_vector)
from weft.fields.excited import (DISSIMILAR_RATIO, degenerate_forces, forces,
                                 identical_forces, net_force, offresonant_forces,
                                 offresonant_potentials, offresonant_sign_change_time,
                                 potentials, resonant_forces, resonant_potentials, separation,
                                 static_dipole_gradient)
from weft.fields.green import dipole_field_tensor
from weft.fields.lines import lyman_alpha, mass_factor
from weft.fields.nonconservative import (displacement_prefactor, longitudinal_momenta,
                                         nonconservative_forces, transverse_displacements)
from weft.fields.particles import TwoLevelAtom
from weft.fields.si import ATOMIC_UNITS, C, EPS0, HBAR
from weft.fields.thermal import casimir_polder
from weft.matching.intermediate import potential_cp

A0 = ATOMIC_UNITS["length"][0]
EH = ATOMIC_UNITS["energy"][0]
EA0 = ATOMIC_UNITS["dipole"][0]
OMEGA_AU = ATOMIC_UNITS["frequency"][0]


# ------------------------------------------------------------------ hand-written references

def donaire_green(Rv, k):
    """Seed 004 Eq. (9): 𝔾 = k e^{ikR}/(−4π)[α/kR + iβ/(kR)² − β/(kR)³] (complex k allowed)."""
    Rv = np.asarray(Rv, float)
    R = np.linalg.norm(Rv)
    n = Rv / R
    alpha = np.eye(3) - np.outer(n, n)
    beta = np.eye(3) - 3 * np.outer(n, n)
    x = k * R
    return k * np.exp(1j * x) / (-4 * np.pi) * (alpha / x + 1j * beta / x ** 2 - beta / x ** 3)


def fd_grad(f, Rv, h_rel=1e-5):
    """Fourth-order central differences of a (complex) scalar function of R (3-vector)."""
    Rv = np.asarray(Rv, float)
    h = h_rel * np.linalg.norm(Rv)
    out = []
    for i in range(3):
        e = np.zeros(3)
        e[i] = h
        out.append((-f(Rv + 2 * e) + 8 * f(Rv + e) - 8 * f(Rv - e) + f(Rv - 2 * e)) / (12 * h))
    return np.array(out)


def _fig6_two_level(wA=2.0e15, wB=2.05e15, mc=1e-29, gamma=None):
    mu = np.array([mc, mc, mc])
    return ExcitedTwoLevel(wA, mu, gamma), TwoLevelAtom(wB, mu), mu


# ------------------------------------------------------------------ atoms

def test_tensor_alpha_m_average_is_the_scalar_polarizability():
    """Σ_m α(2p_m)/3 = hydrogen.polarizability("2p", iξ) 𝟙 (degenerate 2s excluded)."""
    xi = np.array([1e13, 1e15, 3e16, 1e18])
    avg = sum(ExcitedHydrogen(m).alpha_imag_tensor(xi) for m in ("2p-1", "2p0", "2p+1")) / 3
    scalar = hydrogen.polarizability("2p", 1j * xi / OMEGA_AU) * ATOMIC_UNITS["polarizability"][0]
    err = np.abs(avg - scalar[:, None, None] * np.eye(3)).max(axis=(1, 2))
    assert np.all(err <= 1e-12 * scalar)


@pytest.mark.parametrize("orbital", ["2p0", "2p+1", "2px", (1, 0.3j, -0.8)])
def test_angular_tensors_from_exact_matrix_elements(orbital):
    """T_ij = Σ_{m'}⟨A|x_i|n l' m'⟩⟨n l' m'|x_j|A⟩ for the 3s, 3d, 4s, 4d levels from
    cartesian_dipole equals x2 Θ_l'(u) (the rule's weight times the module's angular tensor)."""
    u = orbital_vector(orbital)
    # amplitudes on m = -1, 0, 1 from 2p_x = (2p_-1 − 2p_+1)/√2, 2p_y = i(2p_-1 + 2p_+1)/√2
    c = np.array([(u[0] + 1j * u[1]) / np.sqrt(2), u[2], (-u[0] + 1j * u[1]) / np.sqrt(2)])
    rule = hydrogen.spectral_rule("2p")
    th_s, th_d = ExcitedHydrogen._theta(np.outer(u.conj(), u))
    for n, lp in ((3, 0), (3, 2), (4, 0), (4, 2)):
        T = np.zeros((3, 3), complex)
        for mp in range(-lp, lp + 1):
            ket = sum(c[m + 1] * cartesian_dipole(2, 1, m, n, lp, mp) for m in (-1, 0, 1))
            T += np.outer(ket.conj(), ket)          # ⟨A|x_i|n'⟩⟨n'|x_j|A⟩
        node = (rule.n2 == n) & (rule.l2 == lp)
        x2 = float(rule.x2[node][0])
        theta = th_s if lp == 0 else th_d
        assert np.allclose(T, x2 * theta, rtol=0, atol=1e-13 * abs(x2) * 9)


@pytest.mark.parametrize("orbital", ["2p0", "2p+1", (1, 0, 1), (0.2, 1j, 0.5)])
def test_tensor_trk_sum_rule_is_isotropic(orbital):
    """ξ²α_ij(iξ) → Σ_n 2ω_n Re T_ij = ⟨[x_i,[H,x_j]]⟩ = δ_ij (atomic units) for every orbital:
    the s and d channels must combine into 𝟙 (a wrong Θ_d would leave 2p0 anisotropic)."""
    xi = 1e5 * OMEGA_AU                                  # corrections S(2)/ξ² ~ 1e-10
    t = ExcitedHydrogen(orbital).alpha_imag_tensor(xi) / ATOMIC_UNITS["polarizability"][0]
    assert np.allclose(t * 1e10, np.eye(3), rtol=0, atol=1e-8)


def test_isotope_scaling_and_masses():
    """α_s(ω) = s⁻³α_∞(ω/s) at ω = 0: 4.5/s³; atom masses M + m_e."""
    s = mass_factor("D")
    d = HydrogenIsotope("1s", "D")
    a0 = ATOMIC_UNITS["polarizability"][0]
    assert float(d.alpha_imag(0.0)) == pytest.approx(4.5 / s ** 3 * a0, rel=1e-13)
    assert nucleus_mass("H") == pytest.approx(1.67262192595e-27 + 9.1093837139e-31, rel=1e-12)
    assert ExcitedHydrogen("2p0", "H").mass == nucleus_mass("H")
    assert math.isnan(ExcitedHydrogen("2p0").mass)


def test_excited_two_level_is_minus_ground_and_line_data():
    A = ExcitedTwoLevel(2e15, [1e-29, 2e-29j, 0.5e-29])
    xi = np.array([0.0, 1e15, 1e17])
    assert np.array_equal(A.alpha_imag_tensor(xi), -alpha_tensor(A.ground, 1j * xi).real)
    ly = lyman_alpha("H")
    H = ExcitedHydrogen("2p+1", "H")
    assert np.allclose(H.lines[0].dipole, ly.dipoles[2], rtol=1e-14, atol=0)
    assert H.gamma == ly.gamma and H.lines[0].omega == ly.omega0
    # seed 000: λ0 ≈ 121.6 nm, lifetime ≈ 1.6 ns (hydrogen, reduced mass)
    assert 2 * np.pi * C / H.omega0 * 1e9 == pytest.approx(121.568, abs=5e-4)
    assert 1e9 / H.gamma == pytest.approx(1.5962, abs=5e-5)


# ------------------------------------------------------------------ dissimilar, two-level

@pytest.mark.parametrize("x", [0.2, 0.9, 1.3, 3.0, 7.7])
def test_dissimilar_closed_forms_in_the_fig6_geometry(x):
    """μ_x = μ_y = μ_z, R ∥ z: μ·β·μ = 0, so 004's far-field forms are exact at every R:
    F_A·R̂ = −(k⁷A²b/8π²ε₀²)[sin 2x/x² + cos 2x/x³], F_B·R̂ = (k⁷A²b/8π²ε₀²)/x³, A = μ·α·μ,
    α_B = b μμ, b = 2ω_B/(ħ(ω_B² − ω_A²)) (→ −1/(ħΔ): 004's signs). The transverse (x)
    component: 2(k⁴b/ε₀²)Re[g ∂_x g], g = kAe^{ix}/(4πx),
    ∂_xg = 2μ²e^{ix}(3 − 3ix − x²)/(4πk²R⁴)."""
    A, B, mu = _fig6_two_level()
    k = A.omega0 / C
    R = x / k
    f = resonant_forces(separation(R), A, B)
    Aq = 2 * mu[0] ** 2
    b = 2 * B.omega0 / (HBAR * (B.omega0 ** 2 - A.omega0 ** 2))
    pref = k ** 7 * Aq ** 2 * b / (8 * np.pi ** 2 * EPS0 ** 2)
    terms = abs(np.sin(2 * x)) / x ** 2 + abs(np.cos(2 * x)) / x ** 3
    assert abs(f.F_A[2] + pref * (np.sin(2 * x) / x ** 2 + np.cos(2 * x) / x ** 3)) \
        <= 1e-12 * abs(pref) * terms
    assert f.F_B[2] == pytest.approx(pref / x ** 3, rel=1e-12)
    g = k * Aq * np.exp(1j * x) / (4 * np.pi * x)
    dxg = 2 * mu[0] ** 2 * np.exp(1j * x) * (3 - 3j * x - x * x) / (4 * np.pi * k * k * R ** 4)
    fx = 2 * k ** 4 * b / EPS0 ** 2 * np.real(g * dxg)
    assert f.F_A[0] == pytest.approx(fx, rel=1e-11)
    assert f.F_A[0] == pytest.approx(f.F_A[1], rel=1e-13)


def _seed004_resonant(Rv, A, B, T, *, sudden=False):
    """004 Eqs. (10), (11): terms 1 and 4 (e^{−Γ_A T}; the 1/(ω_A + ω_B) term reconstructed
    from our garbled text), and with ``sudden`` also terms 2, 3 (cos, sin ΔT)."""
    mA, mB = A.lines[0].dipole.real, np.asarray(B.dipole).real
    wA, wB, gA = A.omega0, B.omega0, A.gamma
    kA, kB = wA / C, wB / C
    D = wA - wB
    gfun = {kk: (lambda R, kk=kk: mA @ donaire_green(R, kk) @ mB) for kk in (kA, kB)}
    ga, gb = gfun[kA](Rv), gfun[kB](Rv)
    dga, dgb = fd_grad(gfun[kA], Rv), fd_grad(gfun[kB], Rv)
    eA, eAB = np.exp(-gA * T), np.exp(-0.5 * (gA + B.gamma) * T)
    c4 = C ** 4 * EPS0 ** 2 * HBAR
    FA = (-2 * wA ** 4 * eA / (c4 * D) * np.real(ga * dga)
          + 2 * wA ** 4 * eA / (c4 * (wA + wB)) * np.real(ga * dga))
    FB = (2 * wA ** 4 * eA / (c4 * D) * np.real(np.conj(ga) * dga)
          - 2 * wA ** 4 * eA / (c4 * (wA + wB)) * np.real(np.conj(ga) * dga))
    if sudden:
        cs, sn = np.cos(D * T), np.sin(D * T)
        FA += 2 * wB ** 4 * eAB / (c4 * D) * (
            (gb.real * dgb.real - gb.imag * dgb.imag) * cs
            - (gb.real * dgb.imag + gb.imag * dgb.real) * sn)
        FB += -2 * wA ** 2 * wB ** 2 * eAB / (c4 * D) * (
            (gb.real * dga.real + gb.imag * dga.imag) * cs
            + (gb.real * dga.imag - gb.imag * dga.real) * sn)
    return FA, FB


def test_resonant_forces_are_seed004_eqs_10_11():
    """Random oriented real dipoles and directions: F_A, F_B = 004 Eqs. (10), (11) (the
    non-oscillating resonant terms), gradients by finite differences of 𝔾."""
    rng = np.random.default_rng(11)
    for _ in range(4):
        mA, mB = rng.normal(size=3) * 1e-29, rng.normal(size=3) * 1e-29
        A = ExcitedTwoLevel(2.0e15, mA, 3e7)
        B = TwoLevelAtom(1.9e15, mB, 1e7)
        Rv = rng.normal(size=3)
        Rv *= rng.uniform(0.3, 6.0) * C / A.omega0 / np.linalg.norm(Rv)
        T = 0.7 / A.gamma
        FA, FB = _seed004_resonant(Rv, A, B, T)
        f = resonant_forces(Rv, A, B)
        p = np.exp(-A.gamma * T)
        assert np.allclose(p * f.F_A, FA, rtol=1e-7, atol=1e-7 * np.abs(FA).max())
        assert np.allclose(p * f.F_B, FB, rtol=1e-7, atol=1e-7 * np.abs(FB).max())


def test_net_force_is_seed001_eq8():
    """001 Eq. (8): F_A + F_B = 𝒰 ∇[Im G_ij Im G_pq]μ_A^iμ_B^jμ_B^pμ_A^q/k_A³,
    𝒰 = 4ω_B k_A⁷/(ε₀²ħ(ω_A² − ω_B²)) (its 'c_0²' is ε₀²)."""
    rng = np.random.default_rng(5)
    mA, mB = rng.normal(size=3) * 1e-29, rng.normal(size=3) * 1e-29
    A = ExcitedTwoLevel(2.3e15, mA)
    B = TwoLevelAtom(2.0e15, mB)
    kA = A.omega0 / C
    Rv = np.array([0.2, -0.4, 0.9]) * 1.7 / kA
    U = 4 * B.omega0 * kA ** 7 / (EPS0 ** 2 * HBAR * (A.omega0 ** 2 - B.omega0 ** 2))
    want = U * fd_grad(lambda R: (mA @ donaire_green(R, kA).imag @ mB) ** 2, Rv) / kA ** 3
    got = net_force(Rv, A, B)
    assert np.allclose(got, want, rtol=1e-7, atol=1e-7 * np.abs(want).max())


def test_near_field_two_level_is_static_second_order_energy():
    """kR → 0, T = 0: U_A = U_B = |V_dd|²/(ħΔ_AB) (the one state |A₋B₊⟩ reachable by V_dd;
    the counter-rotating resonant and the off-resonant parts cancel)."""
    rng = np.random.default_rng(2)
    mA, mB = rng.normal(size=3) * 1e-29, rng.normal(size=3) * 1e-29
    A = ExcitedTwoLevel(2.0e15, mA)
    B = TwoLevelAtom(2.6e15, mB)
    Rv = separation([1e-11, 3e-11], (1, 2, 0.5))          # (kR)² ≤ 4e-8
    UA, UB = potentials(Rv, A, B, T=0.0)
    T = dipole_field_tensor(Rv, 0.0).real
    V = -np.einsum("i,nij,j->n", mA, T, mB) / EPS0
    E2 = V ** 2 / (HBAR * (A.omega0 - B.omega0))
    kR2 = (B.omega0 / C * np.linalg.norm(Rv, axis=-1)) ** 2
    assert np.all(np.abs(UA / E2 - 1) < 5 * kR2) and np.all(np.abs(UB / E2 - 1) < 5 * kR2)
    # the resonant part alone: V²/ħ [1/Δ − 1/(ω_A + ω_B)] (rotating + counter-rotating)
    RA, RB = resonant_potentials(Rv, A, B)
    res = V ** 2 / HBAR * (1 / (A.omega0 - B.omega0) - 1 / (A.omega0 + B.omega0))
    assert np.all(np.abs(RA / res - 1) < 5 * kR2) and np.all(np.abs(RB / res - 1) < 5 * kR2)


def test_forces_are_gradients_for_linear_dipoles():
    """F_A = −∇_A U_A, F_B = −∇_B U_B (finite differences of potentials), two-level pair and
    H(2p, real orbital)–D(1s) with all parts (resonant, degenerate 2s, off-resonant)."""
    rng = np.random.default_rng(8)
    A2 = ExcitedTwoLevel(2.0e15, rng.normal(size=3) * 1e-29)
    B2 = TwoLevelAtom(2.4e15, rng.normal(size=3) * 1e-29)
    AH, BH = ExcitedHydrogen((1, 0.3, -1), "H"), HydrogenIsotope("1s", "D")
    for A, B, Rv, T in ((A2, B2, np.array([0.3, 0.4, 1.0]) * 1.2e-7, 0.0),
                        (AH, BH, np.array([0.5, -0.2, 1.0]) * 9e-9, 0.4 / AH.gamma)):
        f = forces(Rv, A, B, T)
        gA = fd_grad(lambda R: potentials(R, A, B, T)[0], Rv)
        gB = fd_grad(lambda R: potentials(R, A, B, T)[1], Rv)
        assert np.allclose(f.F_A, -gA, rtol=1e-7, atol=1e-7 * np.abs(gA).max())
        assert np.allclose(f.F_B, gB, rtol=1e-7, atol=1e-7 * np.abs(gB).max())  # ∇_B = −∇_R


def _seed004_offresonant_mp(Rv, mA, mB, wA, wB, dps=30):
    """004's off-resonant potential for two two-level atoms at T → ∞ (ground-state CP):
    U = −(2ω_Aω_B/(πε₀²c³ħ)) ∫₀^∞ dq q⁴ (μ_A·𝔾(iqR)·μ_B)²/((q² + k_A²)(q² + k_B²)), with
    Eq. (9) at k = iq: μ_A·𝔾·μ_B = −e^{−qR}(α + β/qR + β/(qR)²)/(4πR). In t = qR and with
    the dipoles scaled out the integrand is O(1) (mpmath's error control is absolute).
    mpmath at ``dps`` digits, panels doubling in t."""
    with mpmath.workdps(dps):
        R = mpmath.sqrt(sum(mpmath.mpf(float(v)) ** 2 for v in Rv))
        n = [mpmath.mpf(float(v)) / R for v in Rv]
        scale = float(np.linalg.norm(mA) * np.linalg.norm(mB))
        a = [mpmath.mpf(float(v)) / np.linalg.norm(mA) for v in mA]
        b = [mpmath.mpf(float(v)) / np.linalg.norm(mB) for v in mB]
        ab = sum(x * y for x, y in zip(a, b))
        an, bn = sum(x * y for x, y in zip(a, n)), sum(x * y for x, y in zip(b, n))
        alpha, beta = ab - an * bn, ab - 3 * an * bn
        ta, tb = mpmath.mpf(wA) / C * R, mpmath.mpf(wB) / C * R

        def integrand(t):
            g = mpmath.exp(-t) * (alpha + beta / t + beta / t ** 2)
            return t ** 4 * g ** 2 / ((t * t + ta * ta) * (t * t + tb * tb))

        lo = min(mpmath.mpf(1), ta, tb)
        pts = [mpmath.mpf(0)] + [lo * mpmath.mpf(2) ** j for j in range(-12, 1)]
        while pts[-1] < max(ta, tb, 40):
            pts.append(pts[-1] * 2)
        pts.append(mpmath.inf)
        val = sum(mpmath.quad(integrand, [x, y]) for x, y in zip(pts[:-1], pts[1:]))
        val = val / (16 * mpmath.pi ** 2 * R ** 3) * scale ** 2
        return float(-2 * wA * wB / (mpmath.pi * EPS0 ** 2 * C ** 3 * HBAR) * val)


@pytest.mark.parametrize("kR", [0.05, 1.0, 20.0])
def test_offresonant_two_level_is_seed004_q_integral(kR):
    rng = np.random.default_rng(int(kR * 100))
    mA, mB = rng.normal(size=3) * 1e-29, rng.normal(size=3) * 1e-29
    A, B = ExcitedTwoLevel(2.0e15, mA), TwoLevelAtom(2.9e15, mB)
    Rv = np.array([0.3, -0.5, 0.8])
    Rv *= kR * C / A.omega0 / np.linalg.norm(Rv)
    Ue, Ug = offresonant_potentials(Rv, A, B)
    want = _seed004_offresonant_mp(Rv, mA, mB, A.omega0, B.omega0)
    assert Ug == pytest.approx(want, rel=1e-11)
    assert Ue == pytest.approx(-want, rel=1e-11)                  # α_e = −α_g


def test_offresonant_two_level_changes_sign_at_ln2_over_gamma():
    """004 Sec. III: the off-resonant force ∝ (1 − 2e^{−Γ_A T}) vanishes at T = ln 2/Γ_A."""
    A, B, _ = _fig6_two_level(gamma=3e7)
    Rv = separation([2e-8, 2e-7], (0.2, 0.1, 1))
    t = offresonant_sign_change_time(Rv, A, B)
    assert np.allclose(t * A.gamma, np.log(2), rtol=1e-12)
    f0 = offresonant_forces(Rv, A, B, 0.0).F_A
    fi = offresonant_forces(Rv, A, B, np.inf).F_A
    assert np.allclose(f0, -fi, rtol=1e-13, atol=0)
    fh = offresonant_forces(Rv, A, B, np.log(2) / A.gamma).F_A
    assert np.all(np.abs(fh) <= 1e-12 * np.abs(fi))


# ------------------------------------------------------------------ dissimilar, hydrogen

def _static_second_order(Rv, orbital, nucA, nucB):
    """−Σ_{k,n} x2_k x2_n Tr[T²Θ_k]/(ε₀²ħ(ω_k + ω_n)) over both spectral rules (SI)."""
    sA, sB = mass_factor(nucA), mass_factor(nucB)
    ra, rb = hydrogen.spectral_rule("2p"), hydrogen.spectral_rule("1s")
    wk, xk = ra.omega * OMEGA_AU * sA, ra.x2 * (EA0 / sA) ** 2
    wn, xn = rb.omega * OMEGA_AU * sB, rb.x2 * (EA0 / sB) ** 2
    th_s, th_d = ExcitedHydrogen._theta(np.outer(orbital_vector(orbital).conj(),
                                                 orbital_vector(orbital)))
    T = dipole_field_tensor(Rv, 0.0).real
    out = []
    for t2 in T @ T:
        th = np.where(ra.l2 == 0, np.trace(t2 @ th_s.real), np.trace(t2 @ th_d.real))
        terms = (xk * th)[:, None] * xn[None, :] / (HBAR * (wk[:, None] + wn[None, :]))
        out.append(-np.sum(terms) / EPS0 ** 2)
    return np.array(out)


@pytest.mark.parametrize("nuclei", [(20.0, "D"), ("H", "D")])
@pytest.mark.parametrize("orbital", ["2p0", "2p+1", (1, 0.3, 1)])
def test_near_field_hydrogen_is_static_second_order_sum(nuclei, orbital):
    """H(2p)–isotope(1s) at R = 10⁻³ bohr (retardation (ωR/c)² ~ 1e-11): resonant (α_B at
    the real frequency ω_A: pole terms of the 1s level), degenerate 2s (the δ(ξ) weight)
    and off-resonant (Wick) parts add up to the static second-order energy over the full
    spectrum of both atoms, for any orbital, with a large Δ (M_A = 20 m_e) and for H–D."""
    nucA, nucB = nuclei
    A, B = ExcitedHydrogen(orbital, nucA), HydrogenIsotope("1s", nucB)
    Rv = separation([1e-3 * A0], (0.3, -0.5, 1.0))
    UA, UB = potentials(Rv, A, B)
    E2 = _static_second_order(Rv, orbital, nucA, nucB)
    assert UA == pytest.approx(E2, rel=1e-9)
    assert UB == pytest.approx(E2, rel=1e-9)


def test_t_infinity_is_ground_state_casimir_polder():
    """T → ∞: A has decayed; U_A = U_B = U_CP of two ground-state atoms with the same α:
    weft.fields.thermal at T = 0 (H–D isotopes) and potential_cp (infinite mass, EFT side)."""
    R_bohr = np.geomspace(1, 1e6, 7)
    Rv = separation(R_bohr * A0, (1, 1, 1))
    A, B = ExcitedHydrogen("2p0", "H"), HydrogenIsotope("1s", "D")
    UA, UB = potentials(Rv, A, B, T=np.inf)
    ref = casimir_polder(R_bohr * A0, HydrogenIsotope("1s", "H"), B)
    assert np.allclose(UA, ref, rtol=1e-13, atol=0) and np.array_equal(UA, UB)
    _, Ug = offresonant_potentials(separation(R_bohr * A0, (0, 1, 1)), ExcitedHydrogen("2p+1"),
                                   HydrogenIsotope("1s"))
    assert np.allclose(Ug, potential_cp(R_bohr) * EH, rtol=1e-10, atol=0)   # CODATA 5.6e-12
    f = forces(Rv, A, B, T=np.inf)
    assert np.array_equal(f.F_A, -f.F_B)


def test_hydrogen_offresonant_force_does_not_change_sign():
    """Refutes, for hydrogen, the two-level statement 'the off-resonant force changes sign at
    T = ln 2/Γ' (004): α_2p(iξ) is not −α_1s(iξ) (upward 2p → 3d, 3s, continuum win), so
    U_CP with H(2p) has the sign of the ground-state one and is 13–40 times larger
    (1 nm – 10 µm); no sign change at any T."""
    A, B = ExcitedHydrogen("2p0", "H"), HydrogenIsotope("1s", "D")
    Rv = separation(np.geomspace(1e-9, 1e-5, 9))
    Ue, Ug = offresonant_potentials(Rv, A, B)
    assert np.all(Ug < 0) and np.all(Ue / Ug > 12) and np.all(Ue / Ug < 41)
    assert np.all(np.isinf(offresonant_sign_change_time(Rv, A, B)))


def test_h2p_d1s_worked_case_numbers():
    """H(2p0)–D(1s), R = 50 nm along the 2p axis, T = 0 (values quoted in docs/fields.md):
    the 1s–2p_D detuning makes the resonant part dominate; F_A ≠ −F_B."""
    A, B = ExcitedHydrogen("2p0", "H"), HydrogenIsotope("1s", "D")
    f = forces(separation(50e-9), A, B)
    assert f.F_A[2] == pytest.approx(2.6206e-23, rel=1e-4)
    assert f.F_B[2] == pytest.approx(4.8649e-23, rel=1e-4)
    r = resonant_forces(separation(50e-9), A, B)
    assert abs(r.F_A[2] - f.F_A[2]) < 1e-2 * abs(f.F_A[2])
    d = degenerate_forces(separation(50e-9), A, B)
    assert np.allclose(d.net, 0.0, atol=1e-40)


# ------------------------------------------------------------------ identical atoms

@pytest.mark.parametrize("x", [0.2, 1.0, 1.57, 4.0, 9.0])
def test_identical_closed_forms_in_the_fig6_geometry(x):
    """004 Eqs. (15)–(17) far-field forms, exact in this geometry: with
    K = k⁷A²T e^{−Γ₀T}/(8π²ε₀²ħ): F_A·R̂ = −K[cos 2x/x² − sin 2x/x³], F_B·R̂ = −K/x²,
    net −K[(1 + cos 2x)/x² − sin 2x/x³]."""
    A, _, mu = _fig6_two_level()
    k = A.omega0 / C
    T = 0.8 / A.gamma
    f = identical_forces(separation(x / k), A, T, offresonant=False)
    Aq = 2 * mu[0] ** 2
    K = k ** 7 * Aq ** 2 * T * np.exp(-A.gamma * T) / (8 * np.pi ** 2 * EPS0 ** 2 * HBAR)
    scale = K * (1 / x ** 2 + 1 / x ** 3)
    assert abs(f.F_A[2] + K * (np.cos(2 * x) / x ** 2 - np.sin(2 * x) / x ** 3)) <= 1e-12 * scale
    assert f.F_B[2] == pytest.approx(-K / x ** 2, rel=1e-12)
    assert abs(f.net[2] + K * ((1 + np.cos(2 * x)) / x ** 2 - np.sin(2 * x) / x ** 3)) \
        <= 2e-12 * scale


def test_identical_forces_are_the_delta_to_zero_limit_of_seed004_eqs_10_11():
    """The dissimilar sudden-excitation resonant terms of 004 Eqs. (10), (11) (terms 1–3,
    written out) at Δ_AB → 0, Γ_B = Γ_A: sin(ΔT)/Δ → T gives the T-linear identical forces
    (Richardson extrapolation in ΔT; ω₀T = 2e9 makes the T⁰ terms 1e-9 of them). This is
    how 004 Eqs. (15), (16) arise; the printed (16) (garbled) shows +ω₀²T[…]: both the
    factor and the sign disagree with this limit and with 004's own far-field form of F_B."""
    rng = np.random.default_rng(21)
    mu = rng.normal(size=3) * 1e-29
    w, gam, T = 2.0e15, 1.0e4, 1.0e-6
    A = ExcitedTwoLevel(w, mu, gam)
    Rv = np.array([0.4, 0.1, 1.0]) * 2.3 * C / w
    want = identical_forces(Rv, A, T, offresonant=False)
    res = []
    for dT in (1e-3, 2e-3):
        B = TwoLevelAtom(w - dT / T, mu, gam)
        res.append(np.array(_seed004_resonant(Rv, A, B, T, sudden=True)))
    lim = 2 * res[0] - res[1]
    scale = np.abs(want.F_A).max() + np.abs(want.F_B).max()
    assert np.allclose(lim[0], want.F_A, rtol=0, atol=2e-6 * scale)
    assert np.allclose(lim[1], want.F_B, rtol=0, atol=2e-6 * scale)


def test_fig6_features():
    """004: 'the force on dissimilar atoms presents a maximum at k₀R ≈ 1.3, which coincides
    approximately with the value at which the force on the identical atoms vanishes for
    the first time'. Confirmed: |F_diss| is largest at k₀R = 1.30310; the identical net
    force first vanishes at k₀R = π/2 = 1.5708 (cos k₀R = 0), 21 % further out."""
    from weft.figure_fields import net_force_table
    f_d = lambda x: net_force_table([x])[3]["F_dissimilar"][0]     # noqa: E731
    f_i = lambda x: net_force_table([x])[1][0]                     # noqa: E731
    h = 1e-4
    xe = brentq(lambda x: (f_d(x + h) - f_d(x - h)) / (2 * h), 1.1, 1.5, xtol=1e-10)
    closed = brentq(lambda x: np.sin(x) * (x * np.cos(x) - np.sin(x)) * 0 +
                    # d/dx[(cos 2x − 1)/x³ + sin 2x/x²] = 0
                    (-2 * np.sin(2 * x) / x ** 3 - 3 * (np.cos(2 * x) - 1) / x ** 4
                     + 2 * np.cos(2 * x) / x ** 2 - 2 * np.sin(2 * x) / x ** 3), 1.1, 1.5,
                    xtol=1e-14)
    assert xe == pytest.approx(closed, abs=1e-6)
    assert round(closed, 4) == 1.3031
    x0 = brentq(f_i, 1.0, 2.0, xtol=1e-13)
    assert x0 == pytest.approx(np.pi / 2, abs=1e-9)
    assert np.all(np.array([f_i(v) for v in np.linspace(0.2, 1.55, 20)]) > 0)


def test_fig6_geometry_has_transverse_components():
    """The 'magic angle' μ_x = μ_y = μ_z, R ∥ z kills μ·β·μ but not its transverse gradient:
    each force has x = y components, larger than its R̂ component for k₀R ≲ 1 (×73 on A
    at k₀R = 0.2, identical atoms); the net force's are −0.2 of its R̂ component there."""
    A, B, _ = _fig6_two_level()
    k = A.omega0 / C
    f = identical_forces(separation(0.2 / k), A, 1 / A.gamma, offresonant=False)
    assert f.F_A[0] / f.F_A[2] == pytest.approx(-73.1023, rel=1e-5)
    assert f.F_B[0] / f.F_B[2] == pytest.approx(-75.0, rel=1e-12)
    assert f.net[0] / f.net[2] == pytest.approx(-0.20023, rel=1e-4)
    assert f.net[0] == pytest.approx(f.net[1], rel=1e-12)
    r = resonant_forces(separation(0.2 / k), A, B)
    assert abs(r.F_A[0]) > 10 * abs(r.F_A[2]) and abs(r.F_B[0]) > 10 * abs(r.F_B[2])


# ------------------------------------------------------------------ non-conservative

def _seed000_geometry():
    A = ExcitedHydrogen((1, 0, 1), "H")
    return A, A.omega0 / C


@pytest.mark.parametrize("R_nm", [15.0, 37.0, 53.6, 80.0, 200.0])
def test_displacements_closed_forms(R_nm):
    """000 Fig. 3 geometry: S_A·x̂ = P[(2v² − 1)cos 2v − (2v − v³)sin 2v]/v⁵,
    S_B·x̂ = +2P(1 + v²)/v⁵, P = k₀⁶d₀⁴/(16π²ε₀²ħc mΓ₀²), computed here from the exact
    hydrogen numbers (d₀² = 2¹⁵/3¹⁰(ea₀/s)², k₀ = 3s E_h/(8ħc), Γ₀ = (2/3)⁸α³s E_h/ħ)."""
    A, k = _seed000_geometry()
    s = mass_factor("H")
    d02 = 2 ** 15 / 3 ** 10 * (EA0 / s) ** 2
    kk = 0.375 * s * EH / (HBAR * C)
    alpha = EH * A0 / (HBAR * C)
    gam = (2 / 3) ** 8 * alpha ** 3 * s * EH / HBAR
    m = 1.67262192595e-27 + 9.1093837139e-31
    P = kk ** 6 * d02 ** 2 / (16 * np.pi ** 2 * EPS0 ** 2 * HBAR * C * m * gam ** 2)
    assert displacement_prefactor(A) == pytest.approx(P, rel=1e-10)
    assert P * 1e15 == pytest.approx(0.1182, abs=5e-5)
    v = kk * R_nm * 1e-9
    S = transverse_displacements(separation(R_nm * 1e-9), A)
    fa = ((2 * v * v - 1) * np.cos(2 * v) - (2 * v - v ** 3) * np.sin(2 * v)) / v ** 5
    scale = P * (abs(2 * v * v - 1) + abs(2 * v - v ** 3)) / v ** 5
    assert abs(S.F_A[0] - P * fa) <= 1e-11 * scale
    assert S.F_B[0] == pytest.approx(2 * P * (1 + v * v) / v ** 5, rel=1e-10)
    assert S.F_A[1] == 0 and S.F_B[1] == 0


def _curl_fd(field, r, h):
    """∇×F at r by 4th-order central differences (F: 3-vector function)."""
    J = np.zeros((3, 3), complex)                       # J[i, j] = ∂_j F_i
    for j in range(3):
        e = np.zeros(3)
        e[j] = h
        J[:, j] = (-field(r + 2 * e) + 8 * field(r + e) - 8 * field(r - e)
                   + field(r - 2 * e)) / (12 * h)
    return np.array([J[2, 1] - J[1, 2], J[0, 2] - J[2, 0], J[1, 0] - J[0, 1]])


@pytest.mark.parametrize("orbital", [(1, 0, 1), (0.3, 1j, 0.7)])
def test_longitudinal_momenta_from_fields_at_each_atom(orbital):
    """⟨d × B⟩ at each atom from scratch: amplitudes c_b = −(i/ħ)V_bT e^{−iΩT}, V_b =
    −μ_b*·E_A(R_B); E of a dipole p at s: (k²/ε₀)𝔾-free Jackson tensor; B = ∇×E/(iω) by
    finite differences **at the atom's own position** (no curl identity, no sign of ∇_R).
    Checks the relative sign of p_A and p_B (erratum D4)."""
    A = ExcitedHydrogen(orbital, "H")
    w, k, g = A.omega0, A.omega0 / C, A.gamma
    mu = A.lines[0].dipole
    RA, RB = np.array([0.1, -0.2, 1.0]) * 40e-9, np.zeros(3)
    T = 0.6 / g

    def E(r, s, p):                                      # field at r of dipole p at s
        return k * k / EPS0 * (-donaire_green(r - s, k)) @ p

    amps = np.exp(-g * T) * T
    pA, pB = np.zeros(3), np.zeros(3)
    for b in range(3):
        mub = A.d0 * np.eye(3)[b]                        # ⟨1s|d|2p_b⟩, real orbitals
        Vb = -np.conj(mub) @ E(RB, RA, mu)
        cAc_b = -1j / HBAR * Vb * amps                   # c_A* c_b
        BB_at_A = _curl_fd(lambda r: E(r, RB, mub), RA, 1e-4 * 40e-9) / (1j * w)
        BA_at_B = _curl_fd(lambda r: E(r, RA, mu), RB, 1e-4 * 40e-9) / (1j * w)
        pA += 2 * np.real(cAc_b * np.cross(np.conj(mu), BB_at_A))
        pB += 2 * np.real(np.conj(cAc_b) * np.cross(np.conj(mub), BA_at_B))
    p = longitudinal_momenta(RA - RB, A, T)
    tol = 1e-7 * max(np.abs(pA).max(), np.abs(pB).max())
    assert np.allclose(p.F_A, pA, rtol=0, atol=tol)
    assert np.allclose(p.F_B, pB, rtol=0, atol=tol)


def test_nonconservative_impulse_vanishes_and_displacement_is_the_double_integral():
    """∫₀^∞ F^nc dT = 0 (p(0) = p(∞) = 0) and (1/m)∫₀^∞ p dT = S, by quadrature; τ = 1/Γ₀
    gives (1 − 2/e) of the final displacement."""
    A, k = _seed000_geometry()
    Rv = separation(70e-9)
    g = A.gamma
    F = lambda t: nonconservative_forces(Rv, A, t).F_A[0]           # noqa: E731
    scale = quad(lambda t: abs(F(t)), 0, 60 / g, limit=200)[0]
    assert abs(quad(F, 0, 60 / g, limit=200)[0]) < 1e-10 * scale
    S = quad(lambda t: longitudinal_momenta(Rv, A, t).F_A[0], 0, 60 / g, limit=200)[0] / A.mass
    assert transverse_displacements(Rv, A).F_A[0] == pytest.approx(S, rel=1e-9)
    ratio = transverse_displacements(Rv, A, until=1 / g).F_A[0] / \
        transverse_displacements(Rv, A).F_A[0]
    assert ratio == pytest.approx(1 - 2 / np.e, rel=1e-12)


def test_erratum_f11_seed000_eq12_sign_and_same_direction_claim():
    """000 Eq. (12) prints S_A = 0.15 fm[…]/v⁵, S_B = −0.3 fm(1 + v²)/v⁵ and says 'for
    R ≲ 50 nm both atoms move in the same direction'. The functions and the ratio 2 are
    right; S_B has the opposite sign (+2P), P = 0.1182 fm (not 0.15): for R < 53.63 nm the
    atoms move in opposite transverse directions (in the same one between 53.63 and
    86.83 nm, where S_A > 0)."""
    A, k = _seed000_geometry()
    R = np.linspace(15, 53.5, 40) * 1e-9
    S = transverse_displacements(separation(R), A)
    assert np.all(S.F_A[:, 0] * S.F_B[:, 0] < 0)
    z = brentq(lambda r: transverse_displacements(separation(r), A).F_A[0], 45e-9, 60e-9,
               xtol=1e-15)
    assert z * 1e9 == pytest.approx(53.63, abs=0.01)
    mid = transverse_displacements(separation(np.linspace(54, 86, 20) * 1e-9), A)
    assert np.all(mid.F_A[:, 0] * mid.F_B[:, 0] > 0)
    P = displacement_prefactor(A)
    assert 0.15e-15 / P == pytest.approx(1.269, abs=1e-3)


def test_erratum_f12_conservative_forces_have_transverse_components():
    """000's premise: transverse components are 'absent in the vdW forces', so the
    non-conservative ones might be observed. For A in (2p_x + 2p_z)/√2, R ∥ z the
    conservative T-linear force −⟨∇W⟩ has x components too; its impulse ∫F_x dT exceeds
    the largest non-conservative transverse momentum by 10⁷–10⁸ (15–200 nm)."""
    A, k = _seed000_geometry()
    g = A.gamma
    R = separation(np.array([15.0, 50.0, 100.0, 200.0]) * 1e-9)
    T = 1 / g
    f = identical_forces(R, A, T, offresonant=False)
    impulse = np.abs(f.F_A[:, 0]) / (T * np.exp(-g * T)) / g ** 2          # ∫ T e^{−ΓT} = 1/Γ²
    p_nc = np.abs(longitudinal_momenta(R, A, T).F_A[:, 0])                 # max at T = 1/Γ
    assert np.all(impulse / p_nc > 1e6)


# ------------------------------------------------------------------ bad input

def test_bad_input():
    A, B, _ = _fig6_two_level()
    H = ExcitedHydrogen("2p0")
    with pytest.raises(ValueError, match="identical_forces"):
        resonant_forces(separation(1e-8), H, HydrogenIsotope("1s"))        # same species
    with pytest.raises(ValueError, match="identical_forces"):
        forces(separation(1e-8), A, TwoLevelAtom(A.omega0 + 5 * A.gamma, [1e-29] * 3))
    with pytest.raises(ValueError, match="R must"):
        forces([1e-8, 0.0], A, B)
    with pytest.raises(ValueError, match="coincide"):
        forces([0.0, 0.0, 0.0], A, B)
    with pytest.raises(ValueError, match="T must"):
        forces(separation(1e-8), A, B, T=-1.0)
    with pytest.raises(ValueError, match="T must"):
        identical_forces(separation(1e-8), A, T=np.inf)
    with pytest.raises(ValueError, match="partner"):
        forces(separation(1e-8), A, "K")
    with pytest.raises(ValueError, match="ExcitedAtom"):
        forces(separation(1e-8), B, B)
    with pytest.raises(ValueError, match="orbital"):
        ExcitedHydrogen("3d")
    with pytest.raises(ValueError, match="all be zero"):
        ExcitedHydrogen((0, 0, 0))
    with pytest.raises(ValueError, match="vector"):
        ExcitedTwoLevel(1e15, 1e-29)
    with pytest.raises(ValueError, match="gamma"):
        ExcitedTwoLevel(1e15, [0, 0, 1e-29], gamma=-1.0)
    with pytest.raises(ValueError, match="mass"):
        transverse_displacements(separation(1e-7), ExcitedHydrogen("2p0"))   # infinite nucleus
    with pytest.raises(ValueError, match="distance"):
        separation(-1.0)
    assert DISSIMILAR_RATIO == 10.0
    assert np.allclose(static_dipole_gradient([0, 0, 2.0])[2, 0, 0] * 4 * np.pi * 16, 3.0)


def test_rb_k_seed001_worked_case():
    """Seed 001: ⁸⁷Rb(5P1/2)–⁴⁰K(4S), D1 lines (Steck, 'Rubidium 87 D Line Data':
    377.107463 THz, Γ/2π = 5.746 MHz; Tiecke, 'Properties of Potassium': 389.286058 THz,
    5.956 MHz), two-level dipoles |μ|² = 3πε₀ħc³Γ/ω³. 'Maximum values are obtained for
    R ≈ 1.28/k_A, where D is ~10 times greater than Γ_A' (D = −F_net·R̂ c/(ħΓ_A²), the
    photon momentum): orientation-averaged dipoles give the maximum at k_AR = 1.2714 with
    |D| = 2.60Γ_A; dipoles aligned as in 004 Fig. 6 at 1.3031 with |D| = 8.01Γ_A."""
    wA, gA = 2 * np.pi * 377.107463e12, 2 * np.pi * 5.746e6
    wB, gB = 2 * np.pi * 389.286058e12, 2 * np.pi * 5.956e6
    mA = math.sqrt(3 * np.pi * EPS0 * HBAR * C ** 3 * gA / wA ** 3)
    mB = math.sqrt(3 * np.pi * EPS0 * HBAR * C ** 3 * gB / wB ** 3)
    kA = wA / C

    def f_iso(x):                        # average over the 3 × 3 axis pairs = orientation average
        return sum(net_force(separation(x / kA), ExcitedTwoLevel(wA, mA * np.eye(3)[i], gA),
                             TwoLevelAtom(wB, mB * np.eye(3)[j]))[2]
                   for i in range(3) for j in range(3)) / 9

    def f_al(x):
        u = np.ones(3) / np.sqrt(3)
        return net_force(separation(x / kA), ExcitedTwoLevel(wA, mA * u, gA),
                         TwoLevelAtom(wB, mB * u))[2]

    h = 1e-5
    for f, x_max, d_max in ((f_iso, 1.2714, 2.604), (f_al, 1.3031, 8.006)):
        x = brentq(lambda t: f(t + h) - f(t - h), 1.0, 1.6, xtol=1e-9)
        assert x == pytest.approx(x_max, abs=2e-4)
        assert -f(x) * C / (HBAR * gA ** 2) == pytest.approx(-d_max, rel=1e-3)
    assert mA / EA0 == pytest.approx(2.992, abs=1e-3)          # Steck: 2.992 e a0 (D1, J=1/2)
