"""weft.matching.anystate_magnetic: Eqs. (B1), (B5) against independent routes.

* exact spin algebra (sympy, Pauli matrices, two-spin states as 4-vectors): the marginals
  and correlations of every accepted spin setting; ⟨μ₁ᵢμ₁ⱼμ₂ₖμ₂ₗ⟩ × the printed bracket of
  (B1), symbolic in d, k and c_F, against the commutator reduction -(1/4)εεC;
* explicit operators μ = L + 2c_F S on orbital ⊗ spin spaces of both atoms (2p, 3d, real
  orbitals, entangled and product spins): the full joint expectation values contracted
  with the printed brackets and transformed with weft.fourier's exact Appendix D tensors
  (I_{n,ij}, H_{n,ij}), not with the module's Fourier engine;
* the scalar and rank-2 Fourier transforms used, by the Rayleigh expansion (j₀, j₂) of a
  Gaussian-regulated kernel integrated with mpmath and extrapolated to zero regulator;
* the closed forms of the module docstring; symmetries (exchange of the atoms, r̂ → -r̂,
  rotations); the vanishing cases ((B5) for S states, real orbitals, unpolarised (B1));
  the order of magnitude against London; input validation.
"""
import mpmath
import numpy as np
import pytest
import sympy as sp

from weft import units
from weft.fourier import H_tensor, I_tensor
from weft.matching import anystate
from weft.matching import anystate_magnetic as M
from weft.matching.magnetic import c_F

ALPHA = units.ALPHA
SPINS = [None, "singlet", ("triplet", 1), ("triplet", 0), ("triplet", -1),
         {"S1": [0.0, 0.0, 0.5], "S2": [0.3, -0.4, 0.0]},
         {"S1": [0.1, -0.2, 0.15], "S2": [0.0, 0.25, -0.3]}]
R_HATS = [(0.0, 0.0, 1.0), (1.0, 0.0, 0.0), (0.3, -0.5, 0.81)]


def _unit(v):
    v = np.asarray(v, float)
    return v / np.linalg.norm(v)


# --- exact spin algebra (sympy) -----------------------------------------------------------

_PAULI = [sp.Matrix([[0, 1], [1, 0]]), sp.Matrix([[0, -sp.I], [sp.I, 0]]),
          sp.Matrix([[1, 0], [0, -1]])]
_S = [p / 2 for p in _PAULI]
_I2 = sp.eye(2)
_UP, _DN = sp.Matrix([1, 0]), sp.Matrix([0, 1])


def _kron(a, b):
    return sp.kronecker_product(a, b)


def _spin_density(spins):
    """Exact 4x4 density matrix of the two spins (atom 1 first)."""
    if spins is None:
        return sp.eye(4) / 4
    if spins == "singlet":
        v = (_kron(_UP, _DN) - _kron(_DN, _UP)) / sp.sqrt(2)
        return v * v.H
    if isinstance(spins, tuple):
        v = {1: _kron(_UP, _UP), -1: _kron(_DN, _DN),
             0: (_kron(_UP, _DN) + _kron(_DN, _UP)) / sp.sqrt(2)}[spins[1]]
        return v * v.H
    rho = [(_I2 + 2 * sum((sp.nsimplify(x) * s for x, s in zip(spins[key], _PAULI)),
                          sp.zeros(2))) / 2 for key in ("S1", "S2")]
    return _kron(rho[0], rho[1])


@pytest.mark.parametrize("spins", SPINS)
def test_spin_moments_are_the_exact_pauli_expectations(spins):
    rho = _spin_density(spins)
    s1 = [(rho * _kron(s, _I2)).trace() for s in _S]
    s2 = [(rho * _kron(_I2, s)).trace() for s in _S]
    T = [[(rho * _kron(a, b)).trace() for b in _S] for a in _S]
    g1, g2, gT = M.spin_moments(spins)
    exp1, exp2, expT = (np.array(sp.N(sp.Matrix(x), 30), dtype=complex) for x in (s1, s2, T))
    # exact rationals vs a few flops: 1e-16; 100x → 1e-14
    np.testing.assert_allclose(g1, exp1.ravel(), rtol=0, atol=1e-14)
    np.testing.assert_allclose(g2, exp2.ravel(), rtol=0, atol=1e-14)
    np.testing.assert_allclose(gT, expT, rtol=0, atol=1e-14)


def _sym_bracket_b1(k, d):
    """The bracket of Eq. (B1) transcribed from the paper (sympy, index order ijkl)."""
    dl = lambda a, b: 1 if a == b else 0  # noqa: E731
    k2 = sum(x * x for x in k)
    return {(i, j, kk, l): (d - 2) * (k[i] * k[l] * dl(j, kk) + k[j] * k[kk] * dl(i, l)
                                      - k[i] * k[kk] * dl(j, l) - k[j] * k[l] * dl(i, kk))
            + 3 * k2 * (dl(i, l) * dl(j, kk) - dl(i, kk) * dl(j, l))
            for i in range(3) for j in range(3) for kk in range(3) for l in range(3)}


@pytest.mark.parametrize("spins", ["singlet", ("triplet", 1), ("triplet", 0),
                                   {"S1": [0, 0, "1/2"], "S2": ["3/10", "-2/5", 0]}])
def test_b1_spin_contraction_exact(spins):
    """⟨μ₁ᵢμ₁ⱼμ₂ₖμ₂ₗ⟩ (μ = 2cS, all 81 joint expectations, symmetric parts included) × the
    printed bracket = -(1/4)ε^{ijm}ε^{kln}16c⁴T^{mn} × bracket
    = -4c⁴T^{mn}[4(d-2)(k^mk^n - k²δ^{mn}) - 12k²δ^{mn}], exactly in d, k and c."""
    d, c = sp.symbols("d c", positive=True)
    k = sp.symbols("kx ky kz", real=True)
    rho = _spin_density(spins)
    mu1 = [2 * c * _kron(s, _I2) for s in _S]
    mu2 = [2 * c * _kron(_I2, s) for s in _S]
    B = _sym_bracket_b1(k, d)
    # every term of the bracket is antisymmetric in (i, j) and in (k, l)
    for (i, j, kk, l), v in B.items():
        assert sp.expand(v + B[(j, i, kk, l)]) == 0 and sp.expand(v + B[(i, j, l, kk)]) == 0
    full = sum((rho * mu1[i] * mu1[j] * mu2[kk] * mu2[l]).trace() * v
               for (i, j, kk, l), v in B.items())
    T = sp.Matrix(3, 3, lambda a, b: (rho * _kron(_S[a], _S[b])).trace())
    k2 = sum(x * x for x in k)
    red = -4 * c ** 4 * sum(T[m, n] * (4 * (d - 2) * (k[m] * k[n] - k2 * int(m == n))
                                       - 12 * k2 * int(m == n)) for m in range(3) for n in range(3))
    assert sp.simplify(sp.expand(full - red)) == 0
    # the module's bracket is the printed one
    kv = np.array([[0.3, -1.2, 0.7]])
    got = M.bracket_b1(kv, 4.5)
    subs = dict(zip(k, kv[0])) | {d: 4.5}
    exp = np.zeros((3, 3, 3, 3))
    for idx, v in B.items():
        exp[idx] = float(v.subs(subs)) * np.pi ** 2 / (16 * 3.5)
    # a few flops per component: 1e-15 of the largest; 100x → 1e-13
    np.testing.assert_allclose(got[0], exp, rtol=0, atol=1e-13 * np.abs(exp).max())


# --- explicit orbital ⊗ spin operators of both atoms (numpy) ------------------------------

def _l_matrices(l):
    m = np.arange(-l, l + 1)
    lp = np.zeros((2 * l + 1, 2 * l + 1), complex)
    for a in range(2 * l):
        lp[a + 1, a] = np.sqrt((l - m[a]) * (l + m[a] + 1))
    return [(lp + lp.conj().T) / 2, (lp - lp.conj().T) / 2j, np.diag(m).astype(complex)]


#: orbital vectors in the basis m = -l … l (real orbitals up to a phase: Y_1^{±1} ∝ ∓e^{±iφ})
_ORB = {(2, 1, 1): (1, [0, 0, 1]), (2, 1, 0): (1, [0, 1, 0]), (2, 1, -1): (1, [1, 0, 0]),
        "2p_x": (1, np.array([1, 0, -1]) / np.sqrt(2)), "1s": (0, [1]), "2s": (0, [1]),
        (3, 2, 2): (2, [0, 0, 0, 0, 1]), (3, 2, -1): (2, [0, 1, 0, 0, 0]),
        "3d_xy": (2, 1j * np.array([1, 0, 0, 0, -1]) / np.sqrt(2))}
_SIG = [np.array([[0, 1], [1, 0]], complex), np.array([[0, -1j], [1j, 0]]),
        np.array([[1, 0], [0, -1]], complex)]


def _spin_density_np(spins):
    return np.array(sp.N(_spin_density(spins), 20), dtype=complex)


def _operators(state1, state2, spins):
    """ρ and μ_a, L_a (lists over x, y, z) on orbital₁ ⊗ orbital₂ ⊗ spin₁ ⊗ spin₂."""
    (l1, v1), (l2, v2) = _ORB[state1], _ORB[state2]
    v1, v2 = np.asarray(v1, complex), np.asarray(v2, complex)
    orb = np.kron(v1, v2)
    rho = np.kron(np.outer(orb, orb.conj()), _spin_density_np(spins))
    n1, n2 = 2 * l1 + 1, 2 * l2 + 1
    I1, I2, Is = np.eye(n1), np.eye(n2), np.eye(2)
    Lm1, Lm2 = _l_matrices(l1), _l_matrices(l2)
    for L in (Lm1, Lm2):            # the angular momentum algebra of the matrices used
        np.testing.assert_allclose(L[0] @ L[1] - L[1] @ L[0], 1j * L[2], atol=1e-13)
    L1 = [np.kron(np.kron(np.kron(a, I2), Is), Is) for a in Lm1]
    L2 = [np.kron(np.kron(np.kron(I1, a), Is), Is) for a in Lm2]
    S1 = [np.kron(np.kron(np.kron(I1, I2), s / 2), Is) for s in _SIG]
    S2 = [np.kron(np.kron(np.kron(I1, I2), Is), s / 2) for s in _SIG]
    mu1 = [a + 2 * c_F * b for a, b in zip(L1, S1)]
    mu2 = [a + 2 * c_F * b for a, b in zip(L2, S2)]
    return rho, L1, L2, mu1, mu2


CASES = [((2, 1, 1), "1s", {"S1": [0, 0, 0], "S2": [0, 0, 0.5]}),
         ((2, 1, 1), (2, 1, 1), None),
         ((2, 1, -1), (3, 2, 2), "singlet"),
         ((3, 2, -1), (2, 1, 1), ("triplet", 0)),
         ((2, 1, 0), (2, 1, 1), ("triplet", 1)),
         ("2p_x", (2, 1, 1), {"S1": [0.1, -0.2, 0.15], "S2": [0.0, 0.25, -0.3]}),
         ("3d_xy", "2p_x", ("triplet", -1)),
         ("1s", "2s", "singlet")]


@pytest.mark.parametrize("r_hat", R_HATS)
@pytest.mark.parametrize("state1, state2, spins", CASES)
def test_b1_full_operator_expectation_and_appendix_d(state1, state2, spins, r_hat):
    """(B1): Σ tr(ρ μ₁ᵢμ₁ⱼμ₂ₖμ₂ₗ) × bracket(k) = k·A·k; the log k² of A_{3/2} transformed
    with weft.fourier's exact H_{2,ab} (Appendix D); natural units → a.u."""
    rho, _, _, mu1, mu2 = _operators(state1, state2, spins)
    E = np.array([[[[np.trace(rho @ mu1[i] @ mu1[j] @ mu2[k] @ mu2[l]) for l in range(3)]
                    for k in range(3)] for j in range(3)] for i in range(3)])
    P = lambda kv: np.einsum("ijkl,nijkl->n", E, M.bracket_b1(kv))  # noqa: E731
    e = np.eye(3)
    A = np.array([[(P((e[a] + e[b])[None]) - P(e[a][None]) - P(e[b][None]))[0] / 2
                   for b in range(3)] for a in range(3)])
    R = 7.0
    Rn = np.asarray(_unit(r_hat)) * R / ALPHA                  # natural units, m = 1
    Vn = ALPHA ** 2 * (-1 / (4 * np.pi ** 2)) * np.einsum("ab,ab->", A, H_tensor(2, 2, Rn))
    exp = Vn / ALPHA ** 2                                     # hartree
    got = M.four_magnetic(R, state1, state2, spins=spins, r_hat=r_hat)
    scale = ALPHA ** 5 * np.abs(M.magnetic_moments(state1, state2, spins=spins).C).sum() / R ** 5
    # ~100 flops on O(1) numbers (+ exact-coefficient fit): 1e-15 of the scale; 100x
    assert abs(exp.imag) <= 1e-13 * scale
    assert float(got) == pytest.approx(exp.real, rel=0, abs=1e-13 * max(scale, 1e-300))
    # the closed form of the module docstring
    mm, n = M.magnetic_moments(state1, state2, spins=spins), _unit(r_hat)
    closed = ALPHA ** 5 / (64 * np.pi) * (5 * n @ mm.C @ n - 6 * np.trace(mm.C)) / R ** 5
    assert float(got) == pytest.approx(closed, rel=0, abs=1e-13 * max(scale, 1e-300))


@pytest.mark.parametrize("r_hat", R_HATS)
@pytest.mark.parametrize("state1, state2, spins", CASES)
def test_b5_full_operator_expectation_and_appendix_d(state1, state2, spins, r_hat):
    """(B5): -i tr(ρ[L₁ⁱ(μ₂×μ₂)ʲ + L₂ⁱ(μ₁×μ₁)ʲ]) with explicit matrices (no μ×μ = iK used),
    × (π²/2)[kⁱkʲ + k²δⁱʲ]/(8|k|) transformed with weft.fourier's I_{1,ij}, I_{1}."""
    rho, L1, L2, mu1, mu2 = _operators(state1, state2, spins)
    eps = np.zeros((3, 3, 3))
    for a, b, c in ((0, 1, 2), (1, 2, 0), (2, 0, 1)):
        eps[a, b, c], eps[a, c, b] = 1, -1
    cross = lambda mu: [sum(eps[j, a, b] * mu[a] @ mu[b] for a in range(3)  # noqa: E731
                            for b in range(3)) for j in range(3)]
    x1, x2 = cross(mu1), cross(mu2)
    Q = np.array([[-1j * np.trace(rho @ (L1[i] @ x2[j] + L2[i] @ x1[j])) for j in range(3)]
                  for i in range(3)])
    R = 7.0
    Rn = np.asarray(_unit(r_hat)) * R / ALPHA
    ft = I_tensor(1, 2, Rn) + np.eye(3) * I_tensor(1, 0, Rn)
    exp = ALPHA ** 2 * np.pi ** 2 / 2 / 8 * np.einsum("ij,ij->", Q, ft) / ALPHA ** 2
    got = M.electric_magnetic(R, state1, state2, spins=spins, r_hat=r_hat)
    scale = ALPHA ** 4 * (np.abs(Q).sum() + 1) / R ** 4
    assert abs(exp.imag) <= 1e-13 * scale
    assert float(got) == pytest.approx(exp.real, rel=0, abs=1e-13 * scale)
    mm, n = M.magnetic_moments(state1, state2, spins=spins), _unit(r_hat)
    assert float(got) == pytest.approx(-ALPHA ** 4 / 4 * n @ mm.Q @ n / R ** 4, rel=0,
                                       abs=1e-13 * scale)


def test_mu_cross_mu_is_iK_not_i_mu():
    """μ × μ = i(L + 4c_F²S) on 2p ⊗ spin: the spin part carries 4c_F², not 2c_F."""
    rho, L1, _, mu1, _ = _operators((2, 1, 1), "1s", ("triplet", 1))
    eps = np.zeros((3, 3, 3))
    for a, b, c in ((0, 1, 2), (1, 2, 0), (2, 0, 1)):
        eps[a, b, c], eps[a, c, b] = 1, -1
    for j in range(3):
        x = sum(eps[j, a, b] * mu1[a] @ mu1[b] for a in range(3) for b in range(3))
        K = L1[j] + 4 * c_F ** 2 * (mu1[j] - L1[j]) / (2 * c_F)
        np.testing.assert_allclose(x, 1j * K, rtol=0, atol=1e-13)


# --- the Fourier transforms, independently (Rayleigh expansion, mpmath) -------------------

def _radial_ft(l, f, eps, dps=30):
    """(±1/(2π²))∫₀^∞ k² f(k) e^{-εk²} j_l(k) dk at R = 1: the coefficient of δ/3 (l = 0)
    and of (R̂R̂ - δ/3) (l = 2, with the i² of the Rayleigh expansion) of FT[k̂k̂ f]."""
    with mpmath.workdps(dps):
        eps = mpmath.mpf(eps)
        kmax = mpmath.sqrt(80 / eps)                           # e^{-80}: far below 1e-20
        pts = [mpmath.mpf(0)] + [mpmath.pi * j for j in range(1, int(kmax / mpmath.pi) + 2)]

        def jl(x):
            if l == 0:
                return mpmath.sin(x) / x
            return (3 / x ** 2 - 1) * mpmath.sin(x) / x - 3 * mpmath.cos(x) / x ** 2

        def g(k):
            return k * k * f(k) * mpmath.exp(-eps * k * k) * jl(k) if k else mpmath.mpf(0)

        return (1 if l == 0 else -1) * mpmath.quad(g, pts) / (2 * mpmath.pi ** 2)


def _richardson(vals):
    """Values at ε, ε/2, … , ε/2ⁿ (a series in ε at R > 0: the Gaussian smears the transform
    by the heat kernel, F + ε∇²F + ε²∇⁴F/2 + …) → ε = 0, eliminating ε … εⁿ."""
    v = list(vals)
    for p in range(1, len(v)):
        v = [(2 ** p * v[i + 1] - v[i]) / (2 ** p - 1) for i in range(len(v) - 1)]
    return v[0]


@pytest.mark.slow
@pytest.mark.parametrize("name, f, l, closed", [
    ("k^2 log k^2, l=0", lambda k: k ** 2 * mpmath.log(k * k), 0, 3 / np.pi),
    ("k^2 log k^2, l=2", lambda k: k ** 2 * mpmath.log(k * k), 2, 15 / (2 * np.pi)),
    ("k, l=0", lambda k: k, 0, -1 / np.pi ** 2),
    ("k, l=2", lambda k: k, 2, -4 / np.pi ** 2)])
def test_fourier_transforms_by_rayleigh_expansion(name, f, l, closed):
    """FT[k^ak^b log k²] = (3/(2πR⁵))(5R̂R̂ - δ), FT[k^ak^b/|k|] = (δ - 4R̂R̂)/(π²R⁴): their
    δ/3 and (R̂R̂ - δ/3) parts at R = 1 from the regulated radial integrals."""
    vals = [_radial_ft(l, f, 4e-3 / 2 ** i) for i in range(5)]
    got = float(_richardson(vals))
    # the regulator's error at ε = 4e-3 is 0.03-0.09 (not a tolerance); after eliminating
    # ε … ε⁴ the remainder (deterministic; mpmath at 30 digits) is measured ≤ 1.2e-8
    # (≤ 1.4e-6 with one level less, so it is the ε⁵ term); 100x → 2e-6. A wrong
    # coefficient or sign is off by O(1)
    assert abs(vals[0] / closed - 1) > 1e-2           # the regulator matters …
    assert got == pytest.approx(closed, rel=2e-6, abs=0)          # … and is removed
    # and the closed forms are weft.fourier's exact Appendix D tensors (R = 1, R̂ = z)
    z = np.array([0.0, 0.0, 1.0])
    ref = H_tensor(2, 2, z) if "log" in name else I_tensor(1, 2, z)
    parts = {0: np.trace(ref).real, 2: (ref[2, 2] - np.trace(ref) / 3).real / (2 / 3)}
    assert parts[l] == pytest.approx(closed, rel=1e-13, abs=0)


def test_closed_form_transforms_are_appendix_d():
    """Fast version of the identity above against weft.fourier (exact sympy coefficients)."""
    for r_hat in R_HATS:
        n = _unit(r_hat)
        for R in (0.5, 3.0):
            h = H_tensor(2, 2, n * R).real
            i1 = I_tensor(1, 2, n * R).real
            eh = 3 / (2 * np.pi * R ** 5) * (5 * np.outer(n, n) - np.eye(3))
            ei = (np.eye(3) - 4 * np.outer(n, n)) / (np.pi ** 2 * R ** 4)
            # a few flops: 1e-15 of the largest component; 100x → 1e-13
            np.testing.assert_allclose(h, eh, rtol=0, atol=1e-13 * np.abs(eh).max())
            np.testing.assert_allclose(i1, ei, rtol=0, atol=1e-13 * np.abs(ei).max())


# --- values, symmetries and vanishing cases -----------------------------------------------

def test_s_state_values_and_spin_average():
    """S states: V_B1 = (c_F⁴α⁵/(16πR⁵))·κ with κ = 13 (singlet, isotropic), -1 (triplet
    M = ±1, R ∥ z), -11 (triplet M = 0, R ∥ z): the four spin states average to zero,
    as the unpolarised value does."""
    R = 5.0
    unit = c_F ** 4 * ALPHA ** 5 / (16 * np.pi * R ** 5)
    vals = {s: float(M.four_magnetic(R, spins=s)) / unit
            for s in ("singlet", ("triplet", 1), ("triplet", 0), ("triplet", -1))}
    # closed form, a few flops: 1e-15; 100x → 1e-13 (abs, on numbers of order 10)
    assert vals == {k: pytest.approx(v, rel=0, abs=1e-12) for k, v in
                    {"singlet": 13, ("triplet", 1): -1, ("triplet", 0): -11,
                     ("triplet", -1): -1}.items()}
    assert sum(vals.values()) == pytest.approx(0.0, rel=0, abs=1e-12)
    assert float(M.four_magnetic(R, spins=None)) == 0.0
    # isotropic for the singlet
    for r_hat in R_HATS:
        assert float(M.four_magnetic(R, spins="singlet", r_hat=r_hat)) / unit == \
            pytest.approx(13, rel=0, abs=1e-12)


@pytest.mark.parametrize("spins", SPINS)
def test_b5_vanishes_for_s_states(spins):
    for s1, s2 in (("1s", "1s"), ("2s", "1s"), ("3s", "2s")):
        for r_hat in R_HATS:
            assert float(M.electric_magnetic(4.0, s1, s2, spins=spins, r_hat=r_hat)) == 0.0


def test_b5_vanishes_without_orbital_moment_and_for_p_states():
    # real orbitals and m = 0 carry no ⟨L⟩
    for s1, s2 in (("2p_x", "2p_y"), ("3d_xy", (2, 1, 0)), ((2, 1, 0), (3, 2, 0))):
        w = M.electric_magnetic(4.0, s1, s2, spins=("triplet", 1), r_hat=R_HATS[2])
        assert float(w) == pytest.approx(0.0, rel=0, abs=1e-16 * ALPHA ** 4)
    # P states (module docstring): 2p(m=1) with 1s spin up along z, R ∥ z: -c_F²α⁴/(2R⁴);
    # R ⊥ z: 0 (r̂·Q·r̂ with Q ∝ ẑẑ)
    sp_ = {"S1": [0, 0, 0], "S2": [0, 0, 0.5]}
    w = float(M.electric_magnetic(3.0, (2, 1, 1), "1s", spins=sp_))
    assert w == pytest.approx(-c_F ** 2 * ALPHA ** 4 / (2 * 3.0 ** 4), rel=1e-13, abs=0)
    assert float(M.electric_magnetic(3.0, (2, 1, 1), "1s", spins=sp_, r_hat=(1, 0, 0))) == \
        pytest.approx(0.0, rel=0, abs=1e-16 * ALPHA ** 4)
    # two 2p(m=1), unpolarised: Q = 2ẑẑ → -α⁴/(2R⁴)
    assert float(M.electric_magnetic(3.0, (2, 1, 1), (2, 1, 1))) == \
        pytest.approx(-ALPHA ** 4 / (2 * 3.0 ** 4), rel=1e-13, abs=0)
    # B1 for unpolarised 2p(m=1) pairs: C = ẑẑ, R ∥ z: 5 - 6 = -1 → -α⁵/(64πR⁵)
    assert float(M.four_magnetic(3.0, (2, 1, 1), (2, 1, 1))) == \
        pytest.approx(-ALPHA ** 5 / (64 * np.pi * 3.0 ** 5), rel=1e-13, abs=0)


def _swap(spins):
    if isinstance(spins, dict):
        return {"S1": spins["S2"], "S2": spins["S1"]}
    return spins


@pytest.mark.parametrize("state1, state2, spins", CASES)
def test_exchange_of_the_atoms_and_parity(state1, state2, spins):
    """Swapping the atoms (states, spins, R → -R) and r̂ → -r̂ leave both terms unchanged."""
    for f in (M.four_magnetic, M.electric_magnetic):
        for r_hat in R_HATS:
            a = float(f(6.0, state1, state2, spins=spins, r_hat=r_hat))
            b = float(f(6.0, state2, state1, spins=_swap(spins), r_hat=-np.array(r_hat)))
            c = float(f(6.0, state1, state2, spins=spins, r_hat=-np.array(r_hat)))
            scale = max(abs(a), abs(b), abs(c))          # exact zeros must stay exact
            # the same flops in another order: 1e-15 of the scale; 100x
            assert b == pytest.approx(a, rel=0, abs=1e-13 * scale)
            assert c == pytest.approx(a, rel=0, abs=1e-13 * scale)


def _rotation(seed):
    q, _ = np.linalg.qr(np.random.default_rng(seed).normal(size=(3, 3)))
    return q * np.sign(np.linalg.det(q))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rotation_covariance(seed):
    """S states with product spins: rotating ⟨S₁⟩, ⟨S₂⟩ and r̂ together changes nothing;
    2p(m=1): rotations about z (its ⟨L⟩) with the spins and r̂."""
    Rm = _rotation(seed)
    v1, v2, n = np.array([0.1, -0.3, 0.2]), np.array([0.0, 0.4, -0.25]), _unit([0.2, 0.7, -0.4])
    a = M.four_magnetic(4.0, spins={"S1": v1, "S2": v2}, r_hat=n)
    b = M.four_magnetic(4.0, spins={"S1": Rm @ v1, "S2": Rm @ v2}, r_hat=Rm @ n)
    assert float(b) == pytest.approx(float(a), rel=1e-13, abs=0)
    phi = 0.37 * seed
    Rz = np.array([[np.cos(phi), -np.sin(phi), 0], [np.sin(phi), np.cos(phi), 0], [0, 0, 1]])
    for f in (M.four_magnetic, M.electric_magnetic):
        a = f(4.0, (2, 1, 1), "1s", spins={"S1": v1, "S2": v2}, r_hat=n)
        b = f(4.0, (2, 1, 1), "1s", spins={"S1": Rz @ v1, "S2": Rz @ v2}, r_hat=Rz @ n)
        assert float(b) == pytest.approx(float(a), rel=1e-13, abs=0)


def test_power_laws_and_order_of_magnitude_against_london():
    """R⁻⁵ (B1) and R⁻⁴ (B5); at R₀ = α^{-1/2} (the short regime's 1/R ~ mα^{3/2}) the
    ratios to London are α^{9/2}κ and α³κ with κ = c_F⁴/(16πC6) (1s-1s, triplet M = 1,
    R ∥ z) and c_F²/(2C6(2p Π, 1s)) (2p(m=1)-1s, spin of atom 2 along z): orders "9/2"
    and "3"; relative to Eq. (22), -7α³/(6πR³), B1 is 3α²/(56R²) (α³ at R₀)."""
    R = np.array([3.0, 6.0, 60.0])
    w1 = M.four_magnetic(R, spins=("triplet", 1))
    w5 = M.electric_magnetic(R, (2, 1, 1), "1s", spins={"S1": [0, 0, 0], "S2": [0, 0, 0.5]})
    # a few flops and R^-s: ~1e-15; 100x → 1e-13
    np.testing.assert_allclose(w1 * R ** 5, w1[0] * R[0] ** 5, rtol=1e-13, atol=0)
    np.testing.assert_allclose(w5 * R ** 4, w5[0] * R[0] ** 4, rtol=1e-13, atol=0)
    R0 = ALPHA ** -0.5
    c6 = -float(anystate.london(1.0))
    c6_pi = -float(anystate.london(1.0, (2, 1, 1), "1s", exclude_resonant=True))
    k1 = float(M.four_magnetic(R0, spins=("triplet", 1))) / float(anystate.london(R0))
    k5 = float(M.electric_magnetic(R0, (2, 1, 1), "1s",
                                   spins={"S1": [0, 0, 0], "S2": [0, 0, 0.5]})) \
        / float(anystate.london(R0, (2, 1, 1), "1s", exclude_resonant=True))
    # spectral-rule C6 (3e-14) and a few flops: 100x → 1e-11
    assert k1 / ALPHA ** 4.5 == pytest.approx(c_F ** 4 / (16 * np.pi * c6), rel=1e-11, abs=0)
    assert k5 / ALPHA ** 3 == pytest.approx(c_F ** 2 / (2 * c6_pi), rel=1e-11, abs=0)
    assert 1e-3 < k1 / ALPHA ** 4.5 < 1e-2 and 1e-3 < k5 / ALPHA ** 3 < 1e-2
    eq22 = -7 * ALPHA ** 3 / (6 * np.pi * R0 ** 3)
    assert float(M.four_magnetic(R0, spins=("triplet", 1))) / eq22 == \
        pytest.approx(3 * ALPHA ** 3 / 56 * c_F ** 4, rel=1e-13, abs=0)


def test_magnetic_contributions():
    out = M.magnetic_contributions(8.0, (2, 1, 1), (3, 2, -2), spins="singlet", r_hat=R_HATS[2])
    assert [(c.order, c.equation) for c in out] == [("3", "Eq. (B5)"), ("9/2", "Eq. (B1)")]
    assert tuple(c.order for c in out) == M.ORDERS
    kw = dict(spins="singlet", r_hat=R_HATS[2])
    assert float(out[0].value) == float(M.electric_magnetic(8.0, (2, 1, 1), (3, 2, -2), **kw))
    assert float(out[1].value) == float(M.four_magnetic(8.0, (2, 1, 1), (3, 2, -2), **kw))
    assert all(c.delta == {} for c in out)
    w = M.magnetic_contributions(np.array([2.0, 4.0]), "2p", "1s", m1=1)[0].value
    assert w.shape == (2,)


def test_errors():
    with pytest.raises(ValueError, match="R_bohr"):
        M.four_magnetic(0.0)
    with pytest.raises(ValueError, match="R_bohr"):
        M.electric_magnetic(np.nan)
    with pytest.raises(ValueError, match="spins"):
        M.four_magnetic(1.0, spins="triplet")
    with pytest.raises(ValueError, match="spins"):
        M.electric_magnetic(1.0, spins={"S1": [0, 0, 0.7], "S2": [0, 0, 0]})
    with pytest.raises(ValueError, match="state1"):
        M.four_magnetic(1.0, "2p", "1s")                       # m missing
    with pytest.raises(ValueError, match="state2"):
        M.electric_magnetic(1.0, "1s", "2p", m2=2)
    with pytest.raises(ValueError, match="r_hat"):
        M.four_magnetic(1.0, r_hat=(0, 0, 0))
    with pytest.raises(ValueError, match="k must"):
        M.bracket_b1(np.ones(3))
    with pytest.raises(ValueError, match="k must"):
        M.bracket_b5(np.array([[np.inf, 0, 0]]))
