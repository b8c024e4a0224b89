"""weft.fields.optical, optical_states, optical_landscape: driven fields on particles (seed 003).

References shared with no code under test:
* the closed form of 003 Eq. (C7) (yy tweezers along x̂, written here with cos and sin)
  and the Taylor expansions of its bracket (near field, far field);
* Im G₀(r, r) = k/6π (Jackson; tested in test_fields_green) for the Δϕ = π/2 limit;
* central finite differences of the potentials for the forces (and of the Gaussian trap
  for its stiffness);
* direct sums in a truncated Fock basis (coherent and cat states, photon-number moments)
  and a matrix exponential of the squeezing generator (scipy.linalg.expm);
* a term-by-term Matsubara sum of dU_CP/dR (math.fsum) for the Casimir–Polder force;
* an independent minimisation (scipy.optimize) of (C7) + U_CP for the bound state.
Seed errata F8–F11 (docs/optical.md) at the end.
"""
import math

import numpy as np
import pytest
import scipy.linalg
import scipy.optimize

from weft.fields import casimir_polder
from weft.fields.optical import (Drive, binding_far, binding_forces, binding_near,
                                 binding_potentials, coherent_drive, field_amplitude,
                                 gaussian_beam_intensity, polarization_vector, trap_potential,
                                 trap_stiffness, tweezers)
from weft.fields.optical_landscape import (axis_extrema, bound_states, minima_loci,
                                           optical_pair, phase_scan, seed_pair)
from weft.fields.optical_states import (SEED_MODE_VOLUME, CatState, CoherentState,
                                        SqueezedVacuum, field_per_photon, matching_squeezing,
                                        photon_number, single_mode_drive, squeezing_db,
                                        two_mode_drive)
from weft.fields.particles import DielectricSphere, TwoLevelAtom
from weft.fields.si import C, EPS0, HBAR, KB

LAMBDA0 = 1064e-9
W0 = 2 * np.pi * C / LAMBDA0
K0 = W0 / C
I0 = 1e10                                   # 10⁻² W/µm²
SPHERE = DielectricSphere(100e-9)
ATOM = TwoLevelAtom(1e16, 1e-29)            # a point particle (radius 0), off resonance at W0


def _alpha_tilde(p=SPHERE):
    return complex(p.alpha(W0)) / (4 * np.pi * EPS0 * p.radius ** 3)


def _c7(x_m, dphi, ia=I0, ib=I0, a=100e-9, k=K0, at=None):
    """003 Eq. (C7), U_A for yy tweezers, r along x̂, θ = kr − Δϕ (closed form)."""
    at = _alpha_tilde() if at is None else at
    x = k * x_m
    th = x - dphi
    pref = 4 * np.pi * np.sqrt(ia * ib) * a ** 6 * abs(at) ** 2 / (C * x_m ** 3)
    return pref * (np.cos(th) + x * np.sin(th) - x * x * np.cos(th)), pref * (1 + x + x * x)


def _on_x(s):
    s = np.atleast_1d(np.asarray(s, dtype=float))
    return np.stack([s, np.zeros_like(s), np.zeros_like(s)], axis=-1)


# ----------------------------------------------------------------- optical binding

@pytest.mark.parametrize("dphi", [0.0, 0.7, np.pi / 2, np.pi, -2.3])
def test_binding_equals_closed_form_c7(dphi):
    s = np.geomspace(2.1e-7, 5e-5, 300)
    ua, ub = binding_potentials(_on_x(s), SPHERE, SPHERE, W0, tweezers(I0, phase_difference=dphi))
    ref_a, scale = _c7(s, dphi)
    ref_b, _ = _c7(s, -dphi)
    # the bracket cancels near its zeros: compare on the scale of its terms (1 + x + x²)
    assert np.max(np.abs(ua - ref_a) / scale) < 1e-13
    assert np.max(np.abs(ub - ref_b) / scale) < 1e-13


def test_near_field_asymptote_and_its_correction():
    # yy, Δϕ = 0: bracket = 1 − x²/2 + x⁴(1/24 − 1/6 + 1/2) + …  (Taylor, by hand)
    d = tweezers(I0)
    for x in (1e-3, 3e-3, 1e-2, 3e-2):
        r = _on_x(x / K0)
        u, _ = binding_potentials(r, ATOM, ATOM, W0, d)
        un, _ = binding_near(r, ATOM, ATOM, W0, d)
        rel = u / un - 1
        assert abs(rel[0] + x * x / 2) <= 0.5 * x ** 4 + 1e-13
    # any geometry and polarization: relative correction O((kr)²)
    rng = np.random.default_rng(1)
    for _ in range(20):
        n = rng.normal(size=3)
        n /= np.linalg.norm(n)
        dr = coherent_drive(rng.normal(size=3) + 1j * rng.normal(size=3),
                            rng.normal(size=3) + 1j * rng.normal(size=3))
        x = 1e-3
        u, v = binding_potentials(n * x / K0, ATOM, ATOM, W0, dr)
        un, vn = binding_near(n * x / K0, ATOM, ATOM, W0, dr)
        scale = abs(ATOM.alpha(W0)) ** 2 * np.abs(dr.W_AB).sum() / (8 * np.pi * EPS0 * (x / K0) ** 3)
        assert abs(u - un) <= 3 * x * x * scale
        assert abs(v - vn) <= 3 * x * x * scale


def test_near_field_at_quarter_phase_is_the_radiative_constant():
    # Δϕ = π/2: the 1/r³ term cancels, U_A → −k³|α|²|E_A||E_B|/(12πε₀) from Im G₀ = k/6π
    d = tweezers(I0, 2 * I0, phase_difference=np.pi / 2)
    ua, ub = binding_potentials(_on_x(1e-3 / K0), ATOM, ATOM, W0, d)
    const = K0 ** 3 * abs(ATOM.alpha(W0)) ** 2 * field_amplitude(I0) * field_amplitude(2 * I0) \
        / (12 * np.pi * EPS0)
    assert ua[0] == pytest.approx(-const, rel=1e-6)       # correction (kr)²/5 = 2e-7
    assert ub[0] == pytest.approx(const, rel=1e-6)


def test_far_field_asymptote_converges_as_one_over_kr():
    for dphi in (0.0, 1.1):
        d = tweezers(I0, phase_difference=dphi)
        for x0 in (1e2, 1e3, 1e4):
            x = x0 + np.linspace(0, 2 * np.pi, 200)       # one period
            r = _on_x(x / K0)
            u, _ = binding_potentials(r, SPHERE, SPHERE, W0, d)
            uf, _ = binding_far(r, SPHERE, SPHERE, W0, d)
            env = K0 ** 2 * abs(SPHERE.alpha(W0)) ** 2 * field_amplitude(I0) ** 2 \
                / (8 * np.pi * EPS0 * x / K0)
            dev = np.abs(u - uf) / env                      # = |cos θ/x² + sin θ/x|
            assert np.max(dev) <= (1 / x0 + 1 / x0 ** 2) * (1 + 1e-9)
            assert np.max(dev * x) >= 0.99                  # really O(1/kr), not smaller


def test_far_field_vanishes_along_the_dipoles():
    d = tweezers(I0, polarization_A="x")                    # xx, r along x̂
    s = np.array([1e-4, 1e-3])
    u, _ = binding_potentials(_on_x(s), SPHERE, SPHERE, W0, d)
    assert np.all(binding_far(_on_x(s), SPHERE, SPHERE, W0, d)[0] == 0)
    # what remains is the 1/r² term: r²U bounded, rU → 0
    amp = abs(SPHERE.alpha(W0)) ** 2 * field_amplitude(I0) ** 2 * 2 * K0 / (8 * np.pi * EPS0)
    assert np.all(np.abs(u) * s ** 2 <= amp * (1 + 1e-3))


@pytest.mark.parametrize("seed", range(6))
def test_symmetry_ua_of_dphi_is_ub_of_minus_dphi(seed):
    rng = np.random.default_rng(seed)
    r = rng.normal(size=(50, 3)) * 2e-6
    r = r[np.linalg.norm(r, axis=1) > 2.1e-7]
    pa, pb = rng.normal(size=3), rng.normal(size=3)          # linear polarizations
    ia, ib = rng.uniform(0.5, 2) * I0, rng.uniform(0.5, 2) * I0
    dphi = rng.uniform(-np.pi, np.pi)
    ua, _ = binding_potentials(r, SPHERE, SPHERE, W0, tweezers(
        ia, ib, polarization_A=pa, polarization_B=pb, phase_difference=dphi))
    _, ub = binding_potentials(r, SPHERE, SPHERE, W0, tweezers(
        ia, ib, polarization_A=pa, polarization_B=pb, phase_difference=-dphi))
    scale = np.max(np.abs(ua))
    assert np.max(np.abs(ua - ub)) <= 1e-14 * scale
    if abs(np.sin(dphi)) > 0.1:                 # and U_A ≠ U_B at the same Δϕ
        _, ub_same = binding_potentials(r, SPHERE, SPHERE, W0, tweezers(
            ia, ib, polarization_A=pa, polarization_B=pb, phase_difference=dphi))
        assert np.max(np.abs(ua - ub_same)) > 1e-3 * scale


def test_forces_are_minus_gradients_of_the_potentials():
    rng = np.random.default_rng(7)
    d = coherent_drive(rng.normal(size=3) + 1j * rng.normal(size=3),
                       rng.normal(size=3) + 1j * rng.normal(size=3))
    for r in rng.normal(size=(5, 3)) * 1e-6:
        fa, fb = binding_forces(r, SPHERE, SPHERE, W0, d)
        h = 1e-5 * np.linalg.norm(r)
        num_a, num_b = np.empty(3), np.empty(3)
        for k in range(3):
            e = np.zeros(3)
            e[k] = h
            # r = r_B − r_A: moving A by +e moves r by −e; moving B by +e moves r by +e
            ua_p, _ = binding_potentials(r - e, SPHERE, SPHERE, W0, d)
            ua_m, _ = binding_potentials(r + e, SPHERE, SPHERE, W0, d)
            _, ub_p = binding_potentials(r + e, SPHERE, SPHERE, W0, d)
            _, ub_m = binding_potentials(r - e, SPHERE, SPHERE, W0, d)
            num_a[k] = -(ua_p - ua_m) / (2 * h)
            num_b[k] = -(ub_p - ub_m) / (2 * h)
        scale = max(np.abs(fa).max(), np.abs(fb).max())
        assert np.max(np.abs(fa - num_a)) <= 1e-7 * scale
        assert np.max(np.abs(fb - num_b)) <= 1e-7 * scale


def test_reciprocity_only_at_zero_and_pi():
    r = np.array([1.3e-6, 0.4e-6, 0.0])
    for dphi, reciprocal in ((0.0, True), (np.pi, True), (np.pi / 2, False), (0.3, False)):
        fa, fb = binding_forces(r, SPHERE, SPHERE, W0, tweezers(I0, phase_difference=dphi))
        net = np.linalg.norm(fa + fb) / np.linalg.norm(fa)
        assert (net < 1e-13) if reciprocal else (net > 1e-2)


def test_trap_potential_and_gaussian_stiffness():
    a = SPHERE.radius
    # 003 Eq. (28) with α = 4πε₀a³α̃ and |E|² = 2I/(cε₀): U = −2πa³ Re α̃ I/c
    assert trap_potential(SPHERE, W0, I0) == pytest.approx(
        -2 * np.pi * a ** 3 * _alpha_tilde().real * I0 / C, rel=1e-14)
    w0, lam = 0.8e-6, LAMBDA0
    kr, kz = trap_stiffness(SPHERE, W0, I0, w0, lam)
    h = 1e-4 * w0

    def U(x, z):
        return float(trap_potential(SPHERE, W0, gaussian_beam_intensity([x, 0.0, z], I0, w0,
                                                                         lam)))
    u0 = U(0, 0)
    kr_num = (U(h, 0) - 2 * u0 + U(-h, 0)) / h ** 2
    zr = np.pi * w0 ** 2 / lam
    hz = 1e-4 * zr
    kz_num = (U(0, hz) - 2 * u0 + U(0, -hz)) / hz ** 2
    assert kr == pytest.approx(kr_num, rel=1e-6)
    assert kz == pytest.approx(kz_num, rel=1e-6)


def test_drive_intensity_and_field_amplitude():
    d = tweezers(3e9, 5e9, polarization_A=[1, 1j, 0], polarization_B="x", phase_difference=2.0)
    assert d.intensity_A == pytest.approx(3e9, rel=1e-14)
    assert d.intensity_B == pytest.approx(5e9, rel=1e-14)
    assert 0.5 * C * EPS0 * field_amplitude(7e9) ** 2 == pytest.approx(7e9, rel=1e-14)
    assert d.shifted(0.5).W_AB == pytest.approx(d.W_AB * np.exp(-0.5j), rel=1e-14)


@pytest.mark.parametrize("call, match", [
    (lambda: tweezers(-1.0), "intensity_A"),
    (lambda: tweezers(1.0, polarization_A="w"), "polarization"),
    (lambda: tweezers(1.0, polarization_A=[0, 0, 0]), "non-zero"),
    (lambda: tweezers(1.0, phase_difference=np.nan), "phase_difference"),
    (lambda: Drive(np.eye(3), np.eye(3), np.eye(3)[:2]), "3×3"),
    (lambda: Drive([[0, 1, 0], [0, 0, 0], [0, 0, 0]], np.eye(3), np.eye(3)), "Hermitian"),
    (lambda: Drive(-np.eye(3), np.eye(3), np.eye(3)), "positive"),
    (lambda: binding_potentials([1e-7, 0, 0], SPHERE, SPHERE, W0, tweezers(1.0)), "radii"),
    (lambda: binding_potentials([0, 0, 0], ATOM, ATOM, W0, tweezers(1.0)), "coincide"),
    (lambda: binding_potentials([1e-6, 0], ATOM, ATOM, W0, tweezers(1.0)), "3-vectors"),
    (lambda: binding_potentials([1e-6, 0, 0], ATOM, "atom", W0, tweezers(1.0)), "Particle"),
    (lambda: binding_potentials([1e-6, 0, 0], ATOM, ATOM, -W0, tweezers(1.0)), "omega"),
    (lambda: binding_potentials([1e-6, 0, 0], ATOM, ATOM, W0, np.eye(3)), "drive"),
    (lambda: trap_potential(SPHERE, W0, -1.0), "intensity"),
    (lambda: gaussian_beam_intensity([0, 0, 0], 1.0, 0.0, 1e-6), "waist"),
    (lambda: SqueezedVacuum(-1.0), "r"),
    (lambda: CatState(0.0, np.pi), "zero vector"),
    (lambda: CoherentState(np.inf), "finite"),
    (lambda: single_mode_drive(3.0, [1, 0, 0], [1, 0, 0]), "ModeState"),
    (lambda: photon_number(1.0, W0, 0.0), "mode_volume"),
    (lambda: seed_pair("yx"), "polarization"),
    (lambda: optical_pair(SPHERE, wavelength=-1.0, drive=tweezers(1.0)), "wavelength"),
    (lambda: seed_pair().interaction([2e-7, 0, 0]), "radii"),
    (lambda: axis_extrema(seed_pair(), "C", 3e-7, 1e-6), "sphere"),
    (lambda: bound_states(seed_pair(), 3e-7, 1e-6, direction=[0, 0, 1]), "plane"),
])
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()


def test_polarization_vector_is_unit():
    e = polarization_vector([1, 1j, 0])
    assert np.vdot(e, e).real == pytest.approx(1.0, rel=1e-15)


# ----------------------------------------------------------------- quantum states of the drive

def _coherent_fock(beta, n_max):
    c = np.empty(n_max + 1, dtype=complex)
    c[0] = np.exp(-abs(beta) ** 2 / 2)
    for n in range(1, n_max + 1):
        c[n] = c[n - 1] * beta / math.sqrt(n)
    return c


def _moments(c):
    """(⟨n⟩, ⟨a⟩, ⟨a²⟩) of a Fock vector by direct sums."""
    n = np.arange(c.size)
    norm = np.sum(np.abs(c) ** 2)
    mean_n = np.sum(n * np.abs(c) ** 2) / norm
    a1 = np.sum(np.conj(c[:-1]) * np.sqrt(n[1:]) * c[1:]) / norm
    a2 = np.sum(np.conj(c[:-2]) * np.sqrt(n[1:-1] * n[2:]) * c[2:]) / norm
    return mean_n, a1, a2


@pytest.mark.parametrize("beta", [0.3, 1.0 + 0.5j, -2.0j, 3.0])
def test_coherent_state_moments_against_fock_sums(beta):
    n, a1, a2 = _moments(_coherent_fock(beta, 120))
    s = CoherentState(beta)
    assert s.mean_photon_number == pytest.approx(n, rel=1e-13)
    assert s.amplitude == pytest.approx(a1, rel=1e-13)
    assert s.anomalous == pytest.approx(a2, rel=1e-13)


@pytest.mark.parametrize("beta", [0.05, 0.4, 1.0 + 0.7j, 2.5])
@pytest.mark.parametrize("theta", [0.0, np.pi, np.pi / 2, 1.0, -2.5])
def test_cat_state_against_fock_sums(beta, theta):
    c_plus = _coherent_fock(beta, 150)
    c_minus = _coherent_fock(-beta, 150)
    raw = c_plus + np.exp(1j * theta) * c_minus
    cat = CatState(beta, theta)
    # normalisation: N²⟨raw|raw⟩ = 1, and the overlap ⟨β|−β⟩
    assert cat.normalisation ** -2 == pytest.approx(np.sum(np.abs(raw) ** 2), rel=1e-13)
    # the Fock overlap Σ(−1)ⁿ|c_n|² cancels from O(1) terms: compared on their scale
    assert cat.overlap == pytest.approx(np.vdot(c_plus, c_minus).real, rel=0, abs=1e-13)
    n, a1, a2 = _moments(raw)
    assert cat.mean_photon_number == pytest.approx(n, rel=1e-12)
    assert cat.amplitude == pytest.approx(a1, rel=1e-12, abs=1e-13 * abs(beta))
    assert cat.anomalous == pytest.approx(a2, rel=1e-12)


def test_cat_limits_even_odd_and_drive():
    x = 0.3
    assert CatState(math.sqrt(x), 0.0).mean_photon_number == pytest.approx(x * math.tanh(x),
                                                                         rel=1e-14)
    assert CatState(math.sqrt(x), np.pi).mean_photon_number == pytest.approx(x / math.tanh(x),
                                                                           rel=1e-14)
    # a drive has |β|² ≫ 1: every cat acts as the coherent state
    for theta in (0.0, np.pi, 1.0):
        assert CatState(math.sqrt(50.0), theta).mean_photon_number == pytest.approx(50.0,
                                                                                    rel=1e-15)


@pytest.mark.parametrize("r, phase", [(0.3, 0.0), (1.0, 0.7), (1.6, -2.0)])
def test_squeezed_vacuum_against_matrix_exponential(r, phase):
    n_max = 400
    a = np.diag(np.sqrt(np.arange(1, n_max + 1)), 1)            # annihilation operator
    xi = r * np.exp(1j * phase)
    gen = 0.5 * (np.conj(xi) * a @ a - xi * a.T @ a.T)           # S(ξ) = exp(gen)
    vac = np.zeros(n_max + 1)
    vac[0] = 1
    c = scipy.linalg.expm(gen) @ vac
    n, a1, a2 = _moments(c)
    s = SqueezedVacuum(r, phase)
    assert s.mean_photon_number == pytest.approx(n, rel=1e-11)
    assert abs(a1) < 1e-12 and s.amplitude == 0
    assert s.anomalous == pytest.approx(a2, rel=1e-11)


def test_matching_squeezing_reproduces_the_coherent_potentials():
    # the squeezed vacuum with sinh²r = |β|² gives the same trap and binding potentials
    beta = 1.7 - 0.4j
    r = matching_squeezing(abs(beta) ** 2)
    assert SqueezedVacuum(r).mean_photon_number == pytest.approx(abs(beta) ** 2, rel=1e-14)
    u = field_per_photon(W0, 1e-18) * polarization_vector("y")
    rv = np.array([[1.2e-6, 0.3e-6, 0.0], [0.5e-6, -2e-6, 0.0]])
    for state in (SqueezedVacuum(r), CatState(beta, 0.4)):
        n_state = state.mean_photon_number
        coh = CoherentState(np.sqrt(n_state))
        d1, d2 = single_mode_drive(state, u, u), single_mode_drive(coh, u, u)
        u1 = binding_potentials(rv, SPHERE, SPHERE, W0, d1)
        u2 = binding_potentials(rv, SPHERE, SPHERE, W0, d2)
        assert np.allclose(u1, u2, rtol=1e-14, atol=0)
        assert d1.intensity_A == pytest.approx(d2.intensity_A, rel=1e-14)


def test_photon_numbers_and_field_per_photon_are_consistent():
    V = 2.5e-17
    n = photon_number(I0, W0, V)
    # ½cε₀|u|²⟨n⟩ = I (the intensity of a coherent state with |β|² = ⟨n⟩)
    assert 0.5 * C * EPS0 * field_per_photon(W0, V) ** 2 * n == pytest.approx(I0, rel=1e-14)
    # two coherent modes, one per tweezer, are the classical tweezers
    beta_a = math.sqrt(n) * np.exp(0.9j)
    beta_b = math.sqrt(2 * n)
    u = field_per_photon(W0, V) * polarization_vector("y")
    d = two_mode_drive(CoherentState(beta_a), CoherentState(beta_b), u, u)
    ref = tweezers(I0, 2 * I0, phase_difference=0.9)
    for name in ("W_AA", "W_BB", "W_AB"):
        assert np.allclose(getattr(d, name), getattr(ref, name), rtol=1e-13,
                           atol=1e-13 * np.abs(ref.W_BB).max())
    # no mean field, no binding: squeezed tweezers trap but do not bind
    dsq = two_mode_drive(SqueezedVacuum(2.0), SqueezedVacuum(2.0), u, u)
    assert np.all(binding_potentials([1e-6, 0, 0], SPHERE, SPHERE, W0, dsq)[0] == 0)


# ----------------------------------------------------------------- the landscape

def _brute_cp_derivative(R, particle, T):
    """dU/dR from the Matsubara sum, term by term: U = −(k_BT/8π²ε₀²)Σ' g_n R⁻⁶h(x_n),
    d/dR[R⁻⁶h(x)] = R⁻⁷[−6h(x) + x h'(x)], h'(x) = −2e^{−2x}(x⁴ + 2x² + x)."""
    delta = 2 * np.pi * KB * T / HBAR
    terms = []
    n = 0
    while True:
        xi = delta * n
        x = xi * R / C
        if x > 80:
            break
        g = float(particle.alpha_imag(xi)) ** 2
        h = math.exp(-2 * x) * ((((x + 2) * x + 5) * x + 6) * x + 3)
        hp = -2 * math.exp(-2 * x) * (x ** 4 + 2 * x * x + x)
        terms.append((0.5 if n == 0 else 1.0) * g * (-6 * h + x * hp) / R ** 7)
        n += 1
    return -KB * T / (8 * np.pi ** 2 * EPS0 ** 2) * math.fsum(terms)


@pytest.mark.parametrize("R", [2.0000001e-7, 2.001e-7, 3e-7, 1e-6, 8e-6, 1e-4])
def test_casimir_polder_force_against_matsubara_sum(R):
    pair = seed_pair()
    assert pair.casimir_polder_derivative(R) == pytest.approx(
        _brute_cp_derivative(R, SPHERE, 300.0), rel=1e-9)


def test_total_forces_are_minus_gradients():
    pair = seed_pair("xy", 0.8)
    for r in (np.array([0.9e-6, 0.35e-6, 0.0]), np.array([-0.3e-6, 2.2e-6, 0.0])):
        fa, fb = pair.forces(r)
        h = 1e-5 * np.linalg.norm(r)
        for k in range(2):
            e = np.zeros(3)
            e[k] = h
            da = -(pair.potentials(r - e)[0] - pair.potentials(r + e)[0]) / (2 * h)
            db = -(pair.potentials(r + e)[1] - pair.potentials(r - e)[1]) / (2 * h)
            scale = np.abs(fa).max()
            assert abs(fa[k] - da) <= 1e-6 * scale
            assert abs(fb[k] - db) <= 1e-6 * scale


def test_landscape_pieces_and_plateau():
    pair = seed_pair()
    r = _on_x(np.array([0.5e-6, 1.5e-6]))
    ua, ub = pair.potentials(r)
    ta, tb = pair.trap
    ob_a, ob_b = binding_potentials(r, SPHERE, SPHERE, W0, tweezers(I0))
    cp = casimir_polder([0.5e-6, 1.5e-6], SPHERE, SPHERE, 300.0)
    assert np.allclose(ua, ta + ob_a + cp, rtol=1e-14, atol=0)
    assert np.allclose(ub, tb + ob_b + cp, rtol=1e-14, atol=0)
    assert ta == pytest.approx(float(trap_potential(SPHERE, W0, I0)), rel=1e-14)


def test_phase_scan_matches_shifted_pairs():
    pair = seed_pair("yy", 0.3)
    s = np.linspace(0.4e-6, 3e-6, 7)
    phases = np.array([0.0, 1.0, np.pi])
    ua, ub = phase_scan(pair, s, phases)
    for i, d in enumerate(phases):
        va, vb = pair.with_phase(d).interaction(_on_x(s))
        assert np.allclose(ua[i], va, rtol=1e-13, atol=1e-13 * np.abs(va).max())
        assert np.allclose(ub[i], vb, rtol=1e-13, atol=1e-13 * np.abs(vb).max())


def test_bound_state_against_independent_minimisation():
    """The first well of 003 Fig. 4 (yy, Δϕ = 0): (C7) + U_CP minimised by scipy."""
    pair = seed_pair()
    b = bound_states(pair, 2.05e-7, 2e-6)[0]

    def V(s):
        return _c7(s, 0.0)[0] + float(casimir_polder(s, SPHERE, SPHERE, 300.0))

    # in µm and 1e-21 J (Brent's absolute floor is 1e-11 in x)
    res = scipy.optimize.minimize_scalar(lambda u: V(u * 1e-6) / 1e-21, bracket=(0.8, 1.0, 1.2),
                                         tol=1e-10)
    top = scipy.optimize.minimize_scalar(lambda u: -V(u * 1e-6) / 1e-21,
                                         bracket=(1.4, 1.55, 1.7), tol=1e-10)
    res.fun, top.fun = res.fun * 1e-21, top.fun * 1e-21
    assert b.s == pytest.approx(res.x * 1e-6, rel=1e-7)      # a minimum from values: ~√ε
    assert b.energy == pytest.approx(res.fun, rel=1e-12)
    assert b.barrier_right[1] == pytest.approx(-top.fun, rel=1e-12)
    assert b.depth_barrier == pytest.approx(-top.fun - res.fun, rel=1e-12)
    assert b.depth_dissociation == pytest.approx(-res.fun, rel=1e-12)
    # the left side rises monotonically to contact: the barrier there is V(contact)
    assert b.barrier_left[0] == pytest.approx(2e-7, rel=1e-15)
    assert b.barrier_left[1] > b.barrier_right[1]
    assert b.transverse_curvature > 0                        # stable in the plane too


def test_transverse_curvature_against_finite_differences():
    """The polar-coordinate formula against a five-point second difference of U_A, U_B."""
    w = np.array([-1.0, 16.0, -30.0, 16.0, -1.0]) / 12.0
    for pol, dphi, s, n in (("xy", 0.7, 0.9e-6, (1.0, 0.0, 0.0)),
                            ("yy", 0.3, 1.7e-6, (0.6, 0.8, 0.0)),
                            ("xx", 2.0, 0.45e-6, (0.0, 1.0, 0.0))):
        pair = seed_pair(pol, dphi)
        n = np.array(n)
        t = np.cross([0.0, 0.0, 1.0], n)
        ka, kb = pair.transverse_curvature(s, n)
        h = 1e-3 * s
        v = np.array([pair.interaction(s * n + k * h * t) for k in (-2, -1, 0, 1, 2)])
        num_a, num_b = w @ v[:, 0] / h ** 2, w @ v[:, 1] / h ** 2
        # stencil: truncation (hk)⁴/90 ~ 1e-11 of k²|U|, round-off ε|U|/h² ~ 1e-10 of k²|U|
        scale = (K0 ** 2) * np.max(np.abs(v))
        assert abs(ka - num_a) <= 1e-7 * scale
        assert abs(kb - num_b) <= 1e-7 * scale


def test_transverse_curvature_for_dipoles_along_the_line_is_minus_cp_slope():
    """yy tweezers, B on the y axis (dipoles along r): d/dr[(A + B)/r³] = −2B/r⁴ makes the
    optical-binding part of ∂²_t U vanish where the radial force vanishes; what is left at a
    minimum is −U_CP'(s)/s < 0 (a tiny saddle: confinement across only at fourth order)."""
    for pol, n in (("yy", (0.0, 1.0, 0.0)), ("xx", (1.0, 0.0, 0.0))):
        pair = seed_pair(pol)
        states = bound_states(pair, 2.05e-7, 3e-6, direction=n)
        assert len(states) == 2
        for b in states:
            expected = -pair.casimir_polder_derivative(b.s) / b.s
            # the root s is exact to ~4ε: F·n̂ = V''·δs ≲ 1e-13 K/µm there, 1e-8 of −U_CP'
            assert b.transverse_curvature == pytest.approx(expected, rel=1e-6)
            assert b.transverse_curvature < 0


def test_bound_states_only_at_zero_and_pi():
    """003 Fig. 6(c): the minima of U_A and U_B coincide only for Δϕ = 0, π."""
    pair = seed_pair()
    for dphi in (0.0, np.pi / 4, np.pi / 2, 3 * np.pi / 4, np.pi, 1.3 * np.pi, -0.05):
        found = bound_states(pair.with_phase(dphi), 2.05e-7, 6e-6)
        if dphi in (0.0, np.pi):
            assert len(found) >= 4
        else:
            assert found == ()
    loci = minima_loci(pair, [0.6, -0.6], 2.05e-7, 6e-6)
    # U_A(Δϕ) = U_B(−Δϕ): the loci of Fig. 6(c) are mirror images
    assert np.allclose(loci["A"][0], loci["B"][1], rtol=1e-10, atol=0)
    assert np.allclose(loci["B"][0], loci["A"][1], rtol=1e-10, atol=0)


def test_plane_map_symmetries_and_polarization_zeros():
    x = np.arange(-20, 21) * 1e-7                   # exactly symmetric about 0
    yy = seed_pair("yy").plane(x, x)
    assert yy.U_A.mask[20, 20] and not yy.U_A.mask[20, 25]
    # mirror symmetries of yy: (x, y) → (−x, y), (x, −y)
    scale = np.abs(yy.U_A).max()
    assert np.ma.allclose(yy.U_A, yy.U_A[:, ::-1], rtol=0, atol=1e-14 * scale)
    assert np.ma.allclose(yy.U_A, yy.U_A[::-1, :], rtol=0, atol=1e-14 * scale)
    # xy: x̂·G₀·ŷ ∝ r̂_x r̂_y vanishes on both axes: only Casimir–Polder remains there
    xy = seed_pair("xy")
    m = xy.plane(x, x)
    axis = _on_x(x[x > 2.5e-7])
    cp = xy.casimir_polder(axis)
    assert np.allclose(m.U_A[20, x > 2.5e-7], cp, rtol=1e-12, atol=0)
    assert np.allclose(m.U_A[x > 2.5e-7, 20], cp, rtol=1e-12, atol=0)


# ----------------------------------------------------------------- seed 003 errata

def test_erratum_f8_squeezing_estimate_depends_on_the_unit_of_length():
    """003 Sec. III D: "r ≈ 27, ≈ 240 dB" from sinh²r ħω₀c/((2π)⁴I) = 1, a ratio with the
    dimension of a volume (m³): it is sinh²r/⟨n⟩ for a mode of volume (2π)⁴ m³."""
    # the seed's number, reproduced with its implicit mode volume
    n_seed = (2 * np.pi) ** 4 * I0 / (HBAR * W0 * C)                   # lengths in metres
    r = matching_squeezing(n_seed)
    assert n_seed == pytest.approx(photon_number(I0, W0, SEED_MODE_VOLUME), rel=1e-14)
    assert 27.0 <= r < 28.0 and round(squeezing_db(r)) == 240
    # the same formula with lengths in micrometres (I = 1e-2 W/µm², c = 3e14 µm/s): another r
    n_um = (2 * np.pi) ** 4 * 1e-2 / (HBAR * W0 * C * 1e6)
    assert abs(matching_squeezing(n_um) - r) > 20                       # ½ ln 10¹⁸ = 20.7
    # a physical mode: ⟨n⟩ = IV/(ħωc), e.g. V = λ³: 214 photons, r = 3.38 (29 dB)
    assert matching_squeezing(photon_number(I0, W0, LAMBDA0 ** 3)) == pytest.approx(
        math.asinh(math.sqrt(I0 * LAMBDA0 ** 3 / (HBAR * W0 * C))), rel=1e-15)


def test_erratum_f9_cat_normalisation_exponent():
    """003 Sec. III E prints N = [2 + 2e^{−2β²}cos θ]^{+1/2}; the norm needs the power −½."""
    beta, theta = 0.8, 0.6
    raw = _coherent_fock(beta, 100) + np.exp(1j * theta) * _coherent_fock(-beta, 100)
    norm2 = np.sum(np.abs(raw) ** 2)
    printed = math.sqrt(2 + 2 * math.exp(-2 * beta ** 2) * math.cos(theta))
    assert printed ** 2 * norm2 == pytest.approx(norm2 ** 2, rel=1e-12)     # not 1
    assert abs(printed ** 2 * norm2 - 1) > 1
    assert CatState(beta, theta).normalisation ** 2 * norm2 == pytest.approx(1.0, rel=1e-13)


def test_erratum_f10_cat_photon_number_misses_the_overlap():
    """003 prints ⟨C|a†a|C⟩ = N²|β|²(2 − e^{iθ} − e^{−iθ}) (cross terms without ⟨β|−β⟩):
    even cats would give no potential, odd ones twice the coherent one. The Fock sums give
    |β|²(1 − e^{−2|β|²}cos θ)/(1 + e^{−2|β|²}cos θ) → |β|² for a drive."""
    for beta, theta in ((1.0, 0.0), (1.0, np.pi), (2.0, 0.0), (3.0, np.pi)):
        raw = _coherent_fock(beta, 150) + np.exp(1j * theta) * _coherent_fock(-beta, 150)
        n_fock = _moments(raw)[0]
        N2 = 1 / (2 + 2 * math.exp(-2 * beta ** 2) * math.cos(theta))   # with the right N
        printed = N2 * beta ** 2 * 2 * (1 - math.cos(theta))
        assert CatState(beta, theta).mean_photon_number == pytest.approx(n_fock, rel=1e-12)
        assert abs(printed - n_fock) > 0.05 * n_fock
    # the printed factor 2N²(1 − cos θ): 0 (even) and → 2 (odd); the truth: → 1 for both
    assert CatState(3.0, 0.0).mean_photon_number / 9.0 == pytest.approx(1.0, abs=1e-7)
    assert CatState(3.0, np.pi).mean_photon_number / 9.0 == pytest.approx(1.0, abs=1e-7)


def test_erratum_f11_depth_of_the_first_well():
    """003 Sec. IV B: "a ≈ 200 K deep well around x = λ₀" (yy, Δϕ = 0, I = 10⁻² W/µm²).
    The well is at 1.0067 µm ≈ λ₀; its depth, by the closed form (C7) + U_CP, is 81.4 K
    below the separated pair and 134.9 K below its lower barrier: neither is ≈ 200 K
    (counting the binding once; docs/optical.md F11)."""
    b = bound_states(seed_pair(), 2.05e-7, 2e-6)[0]
    assert abs(b.s / LAMBDA0 - 1) < 0.06
    s = scipy.optimize.minimize_scalar(lambda s: _c7(s, 0.0)[0], bracket=(0.8e-6, 1e-6,
                                                                          1.2e-6)).x
    depth_c7 = -_c7(s, 0.0)[0] / KB
    assert 75 < depth_c7 < 90 and 75 < b.depth_dissociation / KB < 90
    assert 125 < b.depth_barrier / KB < 145
    # only counting the binding twice (U_A + U_B) comes near 200 K: 163 K or 270 K
    assert 150 < 2 * b.depth_dissociation / KB < 180 and 2 * b.depth_barrier / KB > 250
