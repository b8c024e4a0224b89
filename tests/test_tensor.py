"""hydrogen.tensor: angular tensors, the p_E^{ij} sums of any state, their singular cases.

Independent references: scipy's spherical harmonics (sph_harm_y, Condon-Shortley) on an
exact sphere quadrature for the angular matrix elements; exact ⟨x^i x^j⟩ and ⟨p^i p^j⟩ of
the nodeless states 2p, 3d from their Cartesian wavefunctions P(x, y, z) e^{-r/n} (sympy,
exact sphere averages) for the sum rules (C1), (C4), and ⟨L_z⟩ = m for (C3); the exact
Dalgarno-Lewis solution of the radial inhomogeneous equation (sympy) for the static
tensor polarizability of 2p and 3d without their degenerate level; hydrogen.sums.C6 for
the orientation average.
"""
from functools import lru_cache

import numpy as np
import pytest
import sympy as sp
from scipy import special

from hydrogen.spectrum import SingularSumError
from hydrogen.sums import C6
from hydrogen.tensor import (angular_matrix, angular_tensor, diamagnetic_polarizability,
                             dipole_tensor_sum, orbital_moment, pair_tensor_sum,
                             polarizability_tensor, quadratic_moment, tensor_rule, tensor_state)

# Gauss-Legendre in cos θ (16 nodes) × 24 φ points: exact for the products of spherical
# harmonics of degree <= 7 used here (band-limited in φ, polynomial in cos θ).
_X, _W = np.polynomial.legendre.leggauss(16)
_PHI = np.arange(24) * 2 * np.pi / 24
_TH, _PH = np.meshgrid(np.arccos(_X), _PHI, indexing="ij")
_WT = np.outer(_W, np.full(24, 2 * np.pi / 24))
_NHAT = np.stack([np.sin(_TH) * np.cos(_PH), np.sin(_TH) * np.sin(_PH), np.cos(_TH)])


def _Y(l, m):
    return special.sph_harm_y(l, m, _TH, _PH)


def _scipy_matrix(l, l2):
    out = np.zeros((2 * l2 + 1, 2 * l + 1, 3), complex)
    for mp in range(-l2, l2 + 1):
        for m in range(-l, l + 1):
            for i in range(3):
                out[l2 + mp, l + m, i] = np.sum(_WT * np.conj(_Y(l2, mp)) * _NHAT[i] * _Y(l, m))
    return out


@pytest.mark.parametrize("l", [0, 1, 2, 3])
def test_angular_matrix_against_scipy_spherical_harmonics(l):
    # quadrature exact for these band-limited integrands; sums of ~400 terms of size <= 1:
    # round-off ~1e-15; 100x → 1e-13
    for l2 in (l - 1, l + 1):
        if l2 < 0:
            continue
        np.testing.assert_allclose(angular_matrix(l, l2), _scipy_matrix(l, l2), rtol=0, atol=1e-13)


@pytest.mark.parametrize("l", [1, 2, 3])
def test_m_average_of_the_angular_tensor_is_the_rule_factor(l):
    # (1/(2l+1)) Σ_m A^{ij}(m) = l_>/(3(2l+1)) δ^{ij}: the factor of hydrogen.spectrum's x2
    for l2 in (l - 1, l + 1):
        avg = sum(angular_tensor(tensor_state((l + 1, l, m)), l2) for m in range(-l, l + 1))
        avg /= 2 * l + 1
        # a few flops per entry: ~1e-16; 100x → 1e-14
        np.testing.assert_allclose(avg, max(l, l2) / (3 * (2 * l + 1)) * np.eye(3), rtol=0,
                                   atol=1e-14)


def test_real_orbitals_are_rotations_of_each_other():
    z = angular_tensor(tensor_state("2p_z"), 2)
    x = angular_tensor(tensor_state("2p_x"), 2)
    y = angular_tensor(tensor_state("2p_y"), 2)
    swap_xz = np.array([[0, 0, 1], [0, 1, 0], [1, 0, 0]])
    swap_yz = np.array([[1, 0, 0], [0, 0, 1], [0, 1, 0]])
    # closed forms, a few flops: 1e-16; 100x → 1e-14
    np.testing.assert_allclose(x, swap_xz @ z @ swap_xz, rtol=0, atol=1e-14)
    np.testing.assert_allclose(y, swap_yz @ z @ swap_yz, rtol=0, atol=1e-14)
    # d_xz and d_yz are the same orbital rotated by 90° about z
    xz = angular_tensor(tensor_state("3d_xz"), 1)
    yz = angular_tensor(tensor_state("3d_yz"), 1)
    swap_xy = np.array([[0, 1, 0], [1, 0, 0], [0, 0, 1]])
    np.testing.assert_allclose(yz, swap_xy @ xz @ swap_xy, rtol=0, atol=1e-14)


# --- exact moments of the nodeless states 2p (n=2), 3d (n=3): ψ = P(x,y,z) e^{-r/n} ---

_x, _y, _z, _ir = sp.symbols("x y z ir")          # ir stands for 1/r
_HARMONIC = {1: {0: _z, 1: _x + sp.I * _y, -1: _x - sp.I * _y},
             2: {2: (_x + sp.I * _y) ** 2, 1: _z * (_x + sp.I * _y), 0: 2 * _z ** 2 - _x ** 2 - _y ** 2,
                 -1: _z * (_x - sp.I * _y), -2: (_x - sp.I * _y) ** 2}}


def _integrate(expr, n):
    """∫ d³x expr e^{-2r/n} for expr a polynomial in x, y, z and 1/r (exact)."""
    poly = sp.Poly(sp.expand(expr), _x, _y, _z, _ir)
    total = sp.Integer(0)
    for (a, b, c, q), coef in poly.terms():
        if a % 2 or b % 2 or c % 2:
            continue
        ang = 2 * sp.gamma(sp.Rational(a + 1, 2)) * sp.gamma(sp.Rational(b + 1, 2)) \
            * sp.gamma(sp.Rational(c + 1, 2)) / sp.gamma(sp.Rational(a + b + c + 3, 2))
        p = a + b + c - q + 2
        rad = sp.factorial(p) * sp.Rational(n, 2) ** (p + 1)          # ∫ r^p e^{-2r/n} dr
        total += coef * ang * rad
    return sp.nsimplify(sp.simplify(total))


@lru_cache(maxsize=None)
def _exact_moments(l, m):
    n = l + 1
    P = _HARMONIC[l][m]
    Pc = sp.conjugate(P).subs({sp.conjugate(_x): _x, sp.conjugate(_y): _y, sp.conjugate(_z): _z})
    X = (_x, _y, _z)
    norm = _integrate(Pc * P, n)
    xx = np.array([[float(_integrate(Pc * P * X[i] * X[j], n) / norm) for j in range(3)]
                   for i in range(3)])
    grad = [sp.diff(P, X[i]) - P * X[i] * _ir / n for i in range(3)]     # ∂_i(P e^{-r/n}) e^{r/n}
    gradc = [sp.diff(Pc, X[i]) - Pc * X[i] * _ir / n for i in range(3)]
    pp = np.array([[complex(sp.N(_integrate(gradc[i] * grad[j], n) / norm)) for j in range(3)]
                   for i in range(3)])
    return xx, pp


@pytest.mark.parametrize("l, m", [(1, 0), (1, 1), (1, -1), (2, 0), (2, 1), (2, -2)])
def test_sum_rules_c1_c3_c4_with_exact_moments(l, m):
    """(C1) Σ' p = ⟨x^i x^j⟩, (C3) Σ' p ΔE = -δ/2 + (i/2)ε^{ijk}⟨L^k⟩, (C4) Σ' p ΔE² = ⟨p^i p^j⟩."""
    r = tensor_rule((l + 1, l, m))
    xx, pp = _exact_moments(l, m)
    n1 = dipole_tensor_sum(r, lambda e: 1.0 + 0 * e)
    s1 = dipole_tensor_sum(r, lambda e: e)
    s2 = dipole_tensor_sum(r, lambda e: e * e)
    eps = np.zeros((3, 3, 3))
    eps[0, 1, 2] = eps[1, 2, 0] = eps[2, 0, 1] = 1
    eps[0, 2, 1] = eps[2, 1, 0] = eps[1, 0, 2] = -1
    c3 = -0.5 * np.eye(3) + 0.5j * np.einsum("ijk,k->ij", eps, [0, 0, m])
    # rule error ~3e-14 of the scale (⟨r²⟩ = 30 for 2p, 126 for 3d; 1/2; ⟨p²⟩ = 1/n²);
    # 100x (+ margin for S(1), S(2) tails) → 5e-12 of each scale
    np.testing.assert_allclose(n1, xx, rtol=0, atol=5e-12 * np.trace(xx))
    np.testing.assert_allclose(s1, c3, rtol=0, atol=5e-12)
    np.testing.assert_allclose(s2, pp, rtol=0, atol=5e-12 * np.trace(pp).real)
    # the exact moments against the closed forms of the module (not used above)
    np.testing.assert_allclose(quadratic_moment((l + 1, l, m)), xx, rtol=0, atol=1e-12)
    np.testing.assert_allclose(orbital_moment((l + 1, l, m)), [0, 0, m], rtol=0, atol=1e-15)
    # a P state already has a quadrupole moment (the paper, Sec. III and App. B, says L >= 2):
    # ⟨3z² - r²⟩ = 24 bohr² for 2p(m=0), -12 for 2p(m=±1) (exact)
    if (l, m) in ((1, 0), (1, 1)):
        assert 3 * xx[2, 2] - np.trace(xx) == pytest.approx(24.0 if m == 0 else -12.0, rel=1e-14)


# --- Dalgarno-Lewis: exact static polarizability per channel ---

_r = sp.symbols("r", positive=True)


@lru_cache(maxsize=None)
def _dalgarno_lewis(n, l, l2):
    """Σ_{m ≠ degenerate} |⟨m l2|r|n l⟩|²/(E_m - E_n) exactly: solve (H_{l2} - E_n) g = Q r u_n,
    g ⟂ null space, with u = r R_nl; then ⟨u_n|r|g⟩ (Bethe-Salpeter §62 style)."""
    from sympy.physics.hydrogen import R_nl
    E = -sp.Rational(1, 2 * n * n)
    u = _r * R_nl(n, l, _r, 1)
    rhs = _r * u
    null = _r * R_nl(n, l2, _r, 1) if l2 < n else None
    if null is not None:
        rhs = rhs - sp.integrate(null * rhs, (_r, 0, sp.oo)) * null
    a = sp.symbols(f"a0:{n + 6}")
    g = sp.exp(-_r / n) * sum(a[k] * _r ** (k + l2 + 1) for k in range(n + 6))
    lhs = -sp.diff(g, _r, 2) / 2 + (sp.Rational(l2 * (l2 + 1), 2) / _r ** 2 - 1 / _r - E) * g
    eqs = sp.Poly(sp.expand(sp.simplify((lhs - rhs) * sp.exp(_r / n)) * _r ** 2), _r).coeffs()
    if null is not None:
        eqs.append(sp.integrate(sp.expand(g * null), (_r, 0, sp.oo)))
    sol = sp.solve(eqs, a, dict=True)[0]
    g = g.subs(sol).subs({s: 0 for s in a})
    return sp.nsimplify(sp.integrate(sp.expand(u * _r * g), (_r, 0, sp.oo)))


@pytest.mark.parametrize("n, l, m", [(2, 1, 0), (2, 1, 1), (3, 2, 0), (3, 2, 2), (3, 2, -1)])
def test_static_tensor_polarizability_against_dalgarno_lewis(n, l, m):
    st = tensor_state((n, l, m))
    exact = sum(2 * float(_dalgarno_lewis(n, l, l2)) * _scipy_tensor(st, l2)
                for l2 in (l - 1, l + 1))
    got = polarizability_tensor(tensor_rule(st), exclude_degenerate=True)
    # rule error ~3e-14 relative to Σ|terms| (downward terms cancel part of the sum);
    # 100x with a margin → 5e-12 of the largest component
    np.testing.assert_allclose(got, exact.real, rtol=0, atol=5e-12 * np.abs(exact).max())


def _scipy_tensor(st, l2):
    w = np.einsum("pmi,m->pi", _scipy_matrix(st.l, l2), st.c)
    return np.einsum("pi,pj->ij", w.conj(), w)


def test_2p_polarizability_values():
    """α(2p) without 2s: scalar 176 bohr³ (m independent); α_zz(m=0) = 216, α_xx(m=0) = 156,
    α_xx(m=±1) = 186, α_zz(m=±1) = 156. Exact: α^{ij} = 2(12 A_s^{ij} + 390 A_d^{ij}) with the
    Dalgarno-Lewis channel sums 12 (s, 2s left out, 1s included) and 390 (d) of the test
    above, and A_s^{zz}(m=0) = 1/3, A_d^{zz}(m=0) = 4/15, A_d^{xx}(m=0) = 1/5."""
    a0 = polarizability_tensor(tensor_rule((2, 1, 0)), exclude_degenerate=True)
    a1 = polarizability_tensor(tensor_rule((2, 1, 1)), exclude_degenerate=True)
    # rule error ~3e-14 of Σ|terms| ~ 300: 100x → 1e-9 absolute
    assert np.diag(a0) == pytest.approx([156.0, 156.0, 216.0], abs=1e-9)
    assert np.diag(a1) == pytest.approx([186.0, 186.0, 156.0], abs=1e-9)
    assert np.trace(a0) / 3 == pytest.approx(176.0, abs=1e-9)


def test_degenerate_level_makes_static_sums_singular_not_dynamic_ones():
    r = tensor_rule("2p", m=1)
    with pytest.raises(SingularSumError, match="2s is degenerate"):
        polarizability_tensor(r)
    # at u > 0 the degenerate 2s enters only through the antisymmetric part, -2 Im p/u
    u = 0.1
    a = polarizability_tensor(r, u)
    b = polarizability_tensor(r, u, exclude_degenerate=True)
    ch = r.channels[0]
    deg = ch.rho[r.degenerate(ch)].sum()                          # |⟨2s|r|2p⟩|² = 27
    # exact 27; the rule node is the closed form: ~1e-15; 100x → 1e-13 relative
    assert deg == pytest.approx(27.0, rel=1e-13)
    # a few flops on O(100) numbers: 1e-14 absolute; 100x → 1e-12
    np.testing.assert_allclose(a - b, -2 * deg * ch.A.imag / u, rtol=0, atol=1e-12)
    assert a[0, 1] != 0 and a[0, 1] == pytest.approx(-a[1, 0], rel=1e-14)


def test_orientation_average_reproduces_scalar_c6():
    """Σ_m London(3d m, 1s)/5 at any R̂ = the scalar C6 of hydrogen.sums (shares the radial
    rule, not the angular algebra)."""
    rng = np.random.default_rng(1)
    n = rng.normal(size=3)
    n /= np.linalg.norm(n)
    T = np.eye(3) - 3 * np.outer(n, n)
    w = 0.0
    for m in range(-2, 3):
        P = pair_tensor_sum(tensor_rule((3, 2, m)), tensor_rule("1s"), lambda a, b: 1 / (a + b))
        w += np.einsum("ijkl,ik,jl->", P, T, T).real / 5
    # rule error 3e-14 (× 2 for a product) on a positive sum; 100x → 1e-11
    assert -w == pytest.approx(C6("3d", "1s"), rel=1e-11)


def test_resonant_and_ionising_pairs():
    f = lambda a, b: 1 / (a + b)      # noqa: E731
    with pytest.raises(SingularSumError, match=r"\|2p, 1s⟩ is degenerate.*exclude_resonant"):
        pair_tensor_sum(tensor_rule("1s"), tensor_rule("2p", m=0), f)
    # 4f-4f: both atoms have the degenerate 4d (|4d, 4d⟩ is resonant); 4f -> 3d does not
    # ionise 4f (7/288 < 9/288 hartree)
    with pytest.raises(SingularSumError, match=r"\|4d, 4d⟩ is degenerate with the initial pair"):
        pair_tensor_sum(tensor_rule("4f", m=0), tensor_rule("4f", m=1), f)
    with pytest.raises(SingularSumError, match="ionise"):          # 2p -> 1s ionises 2s
        pair_tensor_sum(tensor_rule("2s"), tensor_rule("2p", m=1), f, exclude_resonant=True)
    with pytest.raises(SingularSumError, match="ionise"):
        pair_tensor_sum(tensor_rule("2p", m=0), tensor_rule("2p", m=0), f, exclude_resonant=True)
    P = pair_tensor_sum(tensor_rule("1s"), tensor_rule("2p", m=0), f, exclude_resonant=True)
    assert np.all(np.isfinite(P))
    # the excluded pair is exactly |2p m', 1s⟩ (both discrete, quantum numbers checked):
    # adding it back with a regulator reproduces the unregulated parts elsewhere
    Q = pair_tensor_sum(tensor_rule("1s"), tensor_rule("2p", m=0),
                        lambda a, b: np.where(np.abs(a + b) < 1e-9, 0.0, f(a, b)),
                        check_resonance=False)
    # same sums, the mask decided on floats instead of integers: round-off ~1e-15 relative;
    # 100x → 1e-13
    np.testing.assert_allclose(P, Q, rtol=0, atol=1e-13 * np.abs(P).max())


def test_state_validation():
    with pytest.raises(ValueError, match="give its magnetic quantum number"):
        tensor_rule("3d")
    with pytest.raises(ValueError, match=r"m must satisfy \|m\| <= l = 1"):
        tensor_state("2p", m=2)
    with pytest.raises(ValueError, match="not a real orbital"):
        tensor_state("2p_xy")
    with pytest.raises(ValueError, match="either m or a real orbital"):
        tensor_state("2p_x", m=0)
    with pytest.raises(ValueError, match="u must be finite"):
        polarizability_tensor(tensor_rule("1s"), -1.0)
    with pytest.raises(ValueError, match="l must satisfy"):
        tensor_state((2, 2, 0))


def test_diamagnetic_polarizability():
    """β = -(α²/4)⟨r²δ - xx⟩: 1s: -α²/2 (⟨r²⟩ = 3); 2p m=0: ⟨x²⟩ = 6, ⟨z²⟩ = 18 (exact above)."""
    a = 0.01
    # a few flops: 1e-16 relative; 100x → 1e-14
    np.testing.assert_allclose(diamagnetic_polarizability("1s", a), -a * a / 2 * np.eye(3),
                               rtol=1e-14, atol=0)
    xx, _ = _exact_moments(1, 0)
    exp = -(a * a / 4) * (np.trace(xx) * np.eye(3) - xx)
    np.testing.assert_allclose(diamagnetic_polarizability((2, 1, 0), a), exp, rtol=0,
                               atol=1e-14 * np.abs(exp).max())
