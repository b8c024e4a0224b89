"""First-order resonant interaction of H(1s)-H(2p) (weft.fields.resonant), issue 11 item 3.

References that share no code with the module: the static dipole-dipole operator between
the explicit pair states with sympy's exact hydrogen matrix elements; the textbook
collective shift and rate of two dipoles (Lehmberg, PRA 2, 883 (1970); Ficek & Swain,
*Quantum Interference and Coherence* (Springer 2005), Eqs. (2.70)-(2.71)); seed 004's
Green tensor Eq. (9) written out.
"""
import numpy as np
import pytest
import sympy as sp

from weft.fields.lines import lyman_alpha, mass_factor
from weft.fields.resonant import coupling_matrix, dicke_states, resonant_coupling
from weft.fields.si import ATOMIC_UNITS, C, EPS0, HBAR

A0 = ATOMIC_UNITS["length"][0]
EH = ATOMIC_UNITS["energy"][0]
EA0 = ATOMIC_UNITS["dipole"][0]


def _exact_dipoles():
    """⟨1s|r|2p_m⟩ (bohr), m = -1, 0, 1, by sympy integration (Condon-Shortley Y_lm)."""
    r, th, ph = sp.symbols("r theta phi", positive=True)
    R1s = 2 * sp.exp(-r)
    R2p = r * sp.exp(-r / 2) / (2 * sp.sqrt(6))
    radial = sp.integrate(R1s * R2p * r ** 3, (r, 0, sp.oo))            # 128√6/243
    out = []
    for m in (-1, 0, 1):
        Y = sp.Ynm(1, m, th, ph).expand(func=True)
        Y00 = 1 / sp.sqrt(4 * sp.pi)
        comps = []
        for xyz in (sp.sin(th) * sp.cos(ph), sp.sin(th) * sp.sin(ph), sp.cos(th)):
            ang = sp.integrate(sp.integrate(Y00 * xyz * Y * sp.sin(th), (ph, 0, 2 * sp.pi)),
                               (th, 0, sp.pi))
            comps.append(complex(sp.N(sp.simplify(radial * ang), 30)))
        out.append(comps)
    return np.array(out)                                                   # row m + 1


DIPOLES_AU = _exact_dipoles()          # ⟨1s|r|2p_m⟩; d = -e r


def test_exact_dipoles_and_c3_rational():
    """|⟨1s|z|2p0⟩|² = 2¹⁵/3¹⁰; C3(Σ) = 2|⟨z⟩|² = 65536/59049 exactly (atomic units)."""
    assert abs(DIPOLES_AU[1, 2]) ** 2 == pytest.approx(2 ** 15 / 3 ** 10, rel=1e-14)
    ly = lyman_alpha()
    assert np.allclose(np.abs(ly.dipoles / EA0), np.abs(DIPOLES_AU), rtol=1e-13, atol=0)


@pytest.mark.parametrize("direction", [(0, 0, 1), (1, 0, 0), (0.3, -0.7, 0.5)])
def test_near_field_is_static_dipole_dipole_energy(direction):
    """kR → 0: the six pair states |2p_m,1s⟩, |1s,2p_m'⟩ coupled by the static operator
    V = [d_A·d_B − 3(d_A·R̂)(d_B·R̂)]/R³ (atomic units) have the energies ± eig(Re V),
    i.e. the Dicke energies of coupling_matrix, for any direction of R."""
    n = np.asarray(direction, float) / np.linalg.norm(direction)
    R_bohr = 1e-4                                # kR = 2.7e-7: retardation (kR)² = 7e-14
    mu = -DIPOLES_AU                             # ⟨1s|d|2p_m⟩ = −⟨1s|r|2p_m⟩ (e = 1)
    # ⟨2p_m, 1s| V |1s, 2p_m'⟩ = [μ_m*·μ_m' − 3(μ_m*·n)(μ_m'·n)]/R³
    V = (mu.conj() @ mu.T - 3 * np.outer(mu.conj() @ n, mu @ n)) / R_bohr ** 3
    H = np.block([[np.zeros((3, 3)), V], [V.conj().T, np.zeros((3, 3))]])
    exact = np.sort(np.linalg.eigvalsh(H))
    W = coupling_matrix(n * R_bohr * A0) / EH
    ev = np.linalg.eigvalsh(0.5 * (W + W.conj().T))          # Hermitian part ("Re V")
    ours = np.sort(np.concatenate([ev, -ev]))
    assert np.allclose(ours, exact, rtol=1e-11, atol=0)
    # Σ: ∓ 65536/59049 / R³, Π: ± 32768/59049 / R³
    c3 = 65536 / 59049
    assert np.allclose(np.sort(np.abs(exact)) * R_bohr ** 3,
                       [c3 / 2] * 4 + [c3] * 2, rtol=1e-11)


def test_sigma_symmetric_state_is_attractive_and_pi_repulsive():
    """The sign of the '+' (symmetric) states in the near field: E_Σ+ = −C3/R³ (head-to-tail
    dipoles, J-aggregate), E_Π+ = +C3/(2R³)."""
    e = dicke_states([0.5 * A0]).energies()                   # (kR)² = 2e-6
    assert e["sigma_plus"][0] / EH / 8 == pytest.approx(-65536 / 59049, rel=1e-5)
    assert e["pi_plus"][0] / EH / 8 == pytest.approx(32768 / 59049, rel=1e-5)


def _ficek(x, cos2):
    """Collective shift Ω₁₂ and rate Γ₁₂ over Γ for parallel dipoles at angle θ to R
    (Ficek & Swain 2005, Eqs. (2.70), (2.71); Lehmberg 1970)."""
    s, c = np.sin(x), np.cos(x)
    shift = 0.75 * (-(1 - cos2) * c / x + (1 - 3 * cos2) * (s / x ** 2 + c / x ** 3))
    rate = 1.5 * ((1 - cos2) * s / x + (1 - 3 * cos2) * (c / x ** 2 - s / x ** 3))
    return shift, rate


@pytest.mark.parametrize("x", [0.01, 0.5, 1.0, 3.0, 10.0, 1e3])
def test_collective_shift_and_rate_are_lehmberg(x):
    """Re Ω̃ = Ω₁₂ and −2 Im Ω̃ = Γ₁₂ of the textbook formulas, Σ (θ = 0) and Π (θ = π/2)."""
    ly = lyman_alpha()
    d = dicke_states([x * C / ly.omega0])
    for om, cos2 in ((d.sigma[0], 1.0), (d.pi[0], 0.0)):
        shift, rate = _ficek(x, cos2)
        scale = abs(shift) + 1.5 * (1 / x + 1 / x ** 2 + 1 / x ** 3)     # size of the terms
        assert abs(om.real / ly.gamma - shift) <= 1e-13 * scale
        assert abs(-2 * om.imag / ly.gamma - rate) <= 1e-13 * (1.5 / x + 1.5)


def test_superradiance_and_subradiance_at_short_distance():
    """Γ₁₂ → Γ as R → 0 (Im G₀ → k/6π): Γ_+ → 2Γ, Γ_- → 0, for Σ and Π."""
    d = dicke_states([1e-6 * C / lyman_alpha().omega0])
    r = d.rates()
    for key, want in (("sigma_plus", 2.0), ("pi_plus", 2.0)):
        assert r[key][0] / d.gamma == pytest.approx(want, rel=1e-11)
    for key in ("sigma_minus", "pi_minus"):
        assert abs(r[key][0] / d.gamma) < 1e-11


def test_far_field_pi_is_cos_over_r_and_sigma_sin_over_r2():
    """E_Π+ → −(k²d₀²/4πε₀R) cos kR (1 + O(1/kR)), E_Σ+ → −(2kd₀²/4πε₀R²) sin kR."""
    ly = lyman_alpha()
    k = ly.omega0 / C
    d02 = abs(ly.dipoles[1, 2]) ** 2
    x = np.array([2000.3, 5000.7, 1e4 + 0.25])
    e = dicke_states(x / k).energies()
    R = x / k
    pi_lead = -(k * k * d02 / (4 * np.pi * EPS0 * R)) * np.cos(x)
    sig_lead = -(2 * k * d02 / (4 * np.pi * EPS0 * R ** 2)) * np.sin(x)
    amp_pi = k * k * d02 / (4 * np.pi * EPS0 * R)
    assert np.all(np.abs(e["pi_plus"] - pi_lead) <= 1.01 * amp_pi / x)       # next term 1/x
    amp_sig = 2 * k * d02 / (4 * np.pi * EPS0 * R ** 2)
    assert np.all(np.abs(e["sigma_plus"] - sig_lead) <= 1.01 * amp_sig / x)


def test_donaire_green_tensor_gives_the_same_coupling():
    """004's Ω̃_R = k²μ_A·𝔾·μ_B/(ε₀ħ) with 𝔾 = k e^{ikR}/(−4π)[α/kR + iβ/(kR)² − β/(kR)³]
    (Eq. (9) written out) equals resonant_coupling for real dipoles."""
    rng = np.random.default_rng(3)
    w = 2.0e15
    k = w / C
    for _ in range(5):
        Rv = rng.normal(size=3) * 1e-7
        ma, mb = rng.normal(size=3) * 1e-29, rng.normal(size=3) * 1e-29
        R = np.linalg.norm(Rv)
        n = Rv / R
        alpha = np.eye(3) - np.outer(n, n)
        beta = np.eye(3) - 3 * np.outer(n, n)
        x = k * R
        G = k * np.exp(1j * x) / (-4 * np.pi) * (alpha / x + 1j * beta / x ** 2 - beta / x ** 3)
        want = k * k * ma @ G @ mb / (EPS0 * HBAR)
        got = resonant_coupling(Rv, ma, mb, w)
        assert abs(got - want) <= 1e-13 * abs(want)


def test_erratum_f8_seed004_dicke_energies_sign():
    """004 Sec. V: δℰ_{+,−} = ∓ħΩ_R with Ω_R = k²μ_A·Re𝔾·μ_B/(ε₀ħ). The symmetric state
    (|A₊B₋⟩ + |A₋B₊⟩)/√2 of the 2 × 2 block [[0, ħΩ_R], [ħΩ_R, 0]] has +ħΩ_R (for Σ,
    Ω_R < 0 in the near field: the symmetric state is the lower one); the printed sign
    makes the superradiant Σ state repulsive."""
    ly = lyman_alpha()
    mu = ly.dipoles[1]
    om = resonant_coupling([0, 0, 1e-3 * C / ly.omega0], mu, mu, ly.omega0).real
    block = np.array([[0.0, HBAR * om], [HBAR * om, 0.0]])
    sym = np.array([1.0, 1.0]) / np.sqrt(2)
    assert sym @ block @ sym == pytest.approx(+HBAR * om, rel=1e-15)
    assert om < 0
    e = dicke_states([1e-3 * C / ly.omega0]).energies()
    assert e["sigma_plus"][0] == pytest.approx(HBAR * om, rel=1e-14)


def test_reduced_mass_scales_c3_as_one_over_s_squared():
    """Near-field energies ∝ d₀² ∝ s⁻² (lengths 1/s) at fixed R."""
    R = [1e-11]
    e_inf = dicke_states(R).energies()["sigma_plus"][0]
    e_h = dicke_states(R, "H").energies()["sigma_plus"][0]
    assert e_h / e_inf == pytest.approx(mass_factor("H") ** -2, rel=1e-8)


def test_bad_input():
    ly = lyman_alpha()
    with pytest.raises(ValueError, match="R must"):
        dicke_states([0.0])
    with pytest.raises(ValueError, match="R must"):
        dicke_states([np.nan])
    with pytest.raises(ValueError, match="non-zero"):
        resonant_coupling([0, 0, 0], ly.dipoles[1], ly.dipoles[1], ly.omega0)
    with pytest.raises(ValueError, match="3-vectors"):
        resonant_coupling([1e-8, 0], ly.dipoles[1], ly.dipoles[1], ly.omega0)
    with pytest.raises(ValueError, match="omega"):
        resonant_coupling([0, 0, 1e-8], ly.dipoles[1], ly.dipoles[1], -1.0)
    with pytest.raises(ValueError, match="dipole_A"):
        resonant_coupling([0, 0, 1e-8], [1.0, 2.0], ly.dipoles[1], ly.omega0)
    with pytest.raises(ValueError, match="nucleus"):
        coupling_matrix([0, 0, 1e-8], nucleus="X")
