"""weft.fields.green: G₀, its curl and gradient against independent references.

References shared with no code of weft.fields.green:
* an mpmath G₀ built from the definition G₀ = (𝟙 + ∇∇/k²) e^{ikr}/(4πr), derivatives by
  mpmath.diff at 40 digits (also the curl and the gradient);
* the textbook point-dipole field (Jackson Eq. (4.13)) and the Wigner–Weisskopf rate;
* exact series of e^{ix}(x² + ix − 1) for the coincidence limit.
Seed-003 and Donaire-convention checks (docs/fields.md F1-F4) are at the end.
"""
import doctest
import importlib
from fractions import Fraction

import mpmath as mp
import numpy as np
import pytest

from weft.fields import green as gr
from weft.fields.green import (cp_kernel, curl_green_tensor, dipole_field_tensor,
                               grad_green_tensor, green_tensor, im_green_coincident,
                               trace_gg_imaginary)
from weft.fields.si import C, EPS0, HBAR, MU0

R_VEC = np.array([0.31, -0.17, 0.52]) * 1e-7             # metres
DPS = 40


def _mp_g(k):
    def g(x, y, z):
        r = mp.sqrt(x * x + y * y + z * z)
        return mp.exp(1j * k * r) / (4 * mp.pi * r)
    return g


def _mp_green(r, omega):
    """G₀_ij = δ_ij g + ∂_i∂_j g/k² from the scalar Green function (definition)."""
    with mp.workdps(DPS):
        k = mp.mpc(omega) / mp.mpf(C)
        g = _mp_g(k)
        X = [mp.mpf(float(v)) for v in r]
        out = np.empty((3, 3), dtype=complex)
        for i in range(3):
            for j in range(3):
                o = [0, 0, 0]
                o[i] += 1
                o[j] += 1
                val = mp.diff(g, X, tuple(o)) / k ** 2 + (g(*X) if i == j else 0)
                out[i, j] = complex(val)
    return out


def _mp_dgreen(r, omega):
    """∂_k G₀_ij = δ_ij ∂_k g + ∂_i∂_j∂_k g/k², index order (k, i, j), and the curl
    ε_ikl ∂_k G₀_lj formed at 40 digits (its symmetric parts cancel by (kr)⁻² in float)."""
    with mp.workdps(DPS):
        k = mp.mpc(omega) / mp.mpf(C)
        g = _mp_g(k)
        X = [mp.mpf(float(v)) for v in r]
        d = {}
        for kk in range(3):
            for i in range(3):
                for j in range(3):
                    o = [0, 0, 0]
                    o[i] += 1
                    o[j] += 1
                    o[kk] += 1
                    val = mp.diff(g, X, tuple(o)) / k ** 2
                    if i == j:
                        o1 = [0, 0, 0]
                        o1[kk] = 1
                        val += mp.diff(g, X, tuple(o1))
                    d[kk, i, j] = val
        grad = np.array([[[complex(d[kk, i, j]) for j in range(3)] for i in range(3)]
                         for kk in range(3)])
        eps = {(0, 1, 2): 1, (1, 2, 0): 1, (2, 0, 1): 1, (0, 2, 1): -1, (2, 1, 0): -1,
               (1, 0, 2): -1}
        curl = np.array([[complex(mp.fsum(s * d[kk, l, j] for (i2, kk, l), s in eps.items()
                                          if i2 == i)) for j in range(3)] for i in range(3)])
    return grad, curl


# kr from 1e-4 (near field, series branch) to ~30 (far field), real, complex, imaginary
OMEGAS = [3e12, 3e15, 6e16, 3e15 * (1 + 0.4j), 3e15 * (0.3 - 1j), 1j * 2e15, 1j * 5e16]


@pytest.mark.parametrize("omega", OMEGAS)
def test_green_tensor_matches_definition(omega):
    G = green_tensor(R_VEC, omega)
    ref = _mp_green(R_VEC, omega)
    assert np.max(np.abs(G - ref)) <= 1e-13 * np.max(np.abs(ref))


@pytest.mark.parametrize("omega", OMEGAS)
def test_curl_and_gradient_match_mpmath_derivatives(omega):
    ref, curl_ref = _mp_dgreen(R_VEC, omega)
    dG = grad_green_tensor(R_VEC, omega)
    assert np.max(np.abs(dG - ref)) <= 1e-13 * np.max(np.abs(ref))
    curl = curl_green_tensor(R_VEC, omega)
    assert np.max(np.abs(curl - curl_ref)) <= 1e-13 * np.max(np.abs(curl_ref))


def test_divergence_free_and_symmetric():
    r = np.random.default_rng(1).normal(size=(20, 3)) * 1e-7
    om = np.geomspace(1e13, 1e17, 20) * (1 + 0.2j)
    dG = grad_green_tensor(r, om)
    div = np.einsum("...iij->...j", dG)
    assert np.max(np.abs(div)) <= 1e-13 * np.max(np.abs(dG))
    G = green_tensor(r, om)
    assert np.array_equal(G, np.swapaxes(G, -1, -2))
    assert np.allclose(green_tensor(-r, om), G, rtol=1e-15, atol=0)


def test_static_limit_is_point_dipole_field():
    # Jackson Eq. (4.13): E = [3 r̂(r̂·p) - p]/(4πε₀ r³)
    rng = np.random.default_rng(2)
    r = rng.normal(size=(10, 3)) * 1e-9
    p = rng.normal(size=(10, 3)) * 1e-30
    d = np.linalg.norm(r, axis=1)[:, None]
    n = r / d
    jackson = (3 * n * np.sum(n * p, axis=1)[:, None] - p) / (4 * np.pi * EPS0 * d ** 3)
    E0 = np.einsum("nij,nj->ni", dipole_field_tensor(r, 0.0), p).real / EPS0
    assert np.allclose(E0, jackson, rtol=1e-14, atol=0)
    # the limit of μ₀ω²G₀ at kr = 1e-6: deviations are O((kr)²) = 1e-12
    omega = 1e-6 * C / d[:, 0]
    E = np.einsum("nij,nj->ni", MU0 * omega[:, None, None] ** 2 * green_tensor(r, omega), p)
    assert np.max(np.abs(E - jackson)) <= 1e-10 * np.max(np.abs(jackson))


def test_im_green_coincidence_limit():
    # Exact series: Im[e^{ix}(x² + ix - 1)] = (2/3)x³ - (2/15)x⁵ + …,
    # Im[e^{ix}(3 - 3ix - x²)] = x⁵/15 + …, so with x = kr
    # Im G₀ = (k/6π)[(1 - x²/5) 𝟙 + (x²/10) r̂r̂] + O(k x⁴).
    omega = 3e15
    k = omega / C
    assert np.allclose(im_green_coincident(omega), k / (6 * np.pi) * np.eye(3), rtol=1e-15, atol=0)
    for x in (1e-4, 1e-3, 1e-2):
        r = R_VEC / np.linalg.norm(R_VEC) * x / k
        rhat = r / np.linalg.norm(r)
        series = k / (6 * np.pi) * ((1 - x * x / 5) * np.eye(3) + x * x / 10 * np.outer(rhat, rhat))
        got = green_tensor(r, omega).imag
        assert np.max(np.abs(got - series)) <= 1e-13 * k / (6 * np.pi) + 0.02 * k * x ** 4
    # mpmath check of the real part of the closed form at x = 1e-3 (cancels in float)
    x = 1e-3
    r = np.array([0.0, 0.0, x / k])
    with mp.workdps(50):
        xm = mp.mpf(x)
        a_ref = mp.sin(xm) * (xm ** 2 - 1) + xm * mp.cos(xm)
        ref = float(a_ref) * k / (4 * np.pi * x ** 3)
    assert green_tensor(r, omega)[0, 0].imag == pytest.approx(ref, rel=1e-13)


def test_imaginary_axis_real_and_trace_closed_form():
    rng = np.random.default_rng(3)
    r = rng.normal(size=(50, 3)) * 1e-7
    xi = np.geomspace(1e12, 1e18, 50)
    G = green_tensor(r, 1j * xi)
    assert np.all(G.imag == 0)
    direct = np.einsum("nij,nji->n", G, G).real
    closed = trace_gg_imaginary(np.linalg.norm(r, axis=1), xi)
    assert np.allclose(closed, direct, rtol=1e-13, atol=0)


def test_cp_kernel_moments_exact():
    # ∫₀^∞ x^p e^{-2x} P(x) dx = Σ c_n (n+p)!/2^{n+p+1}: 23/4 (Casimir-Polder) for p = 0,
    # 129/8 for p = 2; checked by Gauss-Laguerre on cp_kernel, and h(0) = 3 (London)
    import math
    c = [3, 6, 5, 2, 1]
    exact = {p: sum(Fraction(cn * math.factorial(n + p), 2 ** (n + p + 1)) for n, cn in enumerate(c))
             for p in (0, 2)}
    assert exact == {0: Fraction(23, 4), 2: Fraction(129, 8)}
    t, w = np.polynomial.laguerre.laggauss(40)              # ∫ e^{-t} f(t) dt, t = 2x
    poly = cp_kernel(t / 2) * np.exp(t)                       # P(t/2)
    for p, val in exact.items():
        assert np.sum(w * (t / 2) ** p * poly) / 2 == pytest.approx(float(val), rel=1e-13)
    assert cp_kernel(0.0) == 3.0


def test_spontaneous_emission_from_im_green_is_wigner_weisskopf():
    from weft.fields.lines import spontaneous_emission_rate
    rng = np.random.default_rng(4)
    for _ in range(5):
        d = (rng.normal(size=3) + 1j * rng.normal(size=3)) * 1e-29
        omega = 10 ** rng.uniform(13, 17)
        ww = omega ** 3 * np.sum(np.abs(d) ** 2) / (3 * np.pi * EPS0 * HBAR * C ** 3)
        assert spontaneous_emission_rate(omega, d) == pytest.approx(ww, rel=1e-14)


def test_magnetic_field_is_jackson():
    # Jackson Eq. (9.18): H = (c k²/4π)(n × p)(e^{ikr}/r)(1 - 1/(ikr)); B = μ₀H = -iμ₀ω(∇×G₀)p
    p = np.array([0.3, -1.0, 0.4]) * 1e-30
    omega = 2e15
    k = omega / C
    r = np.linalg.norm(R_VEC)
    n = R_VEC / r
    H = C * k * k / (4 * np.pi) * np.cross(n, p) * np.exp(1j * k * r) / r * (1 - 1 / (1j * k * r))
    B = -1j * MU0 * omega * curl_green_tensor(R_VEC, omega) @ p
    assert np.allclose(B, MU0 * H, rtol=1e-13, atol=0)


def test_vectorisation_shapes():
    r = np.broadcast_to(R_VEC, (4, 1, 3))
    om = np.array([1e14, 2e14, 3e14])
    assert green_tensor(r, om).shape == (4, 3, 3, 3)
    assert grad_green_tensor(r, om).shape == (4, 3, 3, 3, 3)
    assert curl_green_tensor(R_VEC, om).shape == (3, 3, 3)
    single = green_tensor(R_VEC, 2e14)
    assert np.allclose(green_tensor(r, om)[2, 1], single, rtol=1e-14, atol=0)


@pytest.mark.parametrize("call, match", [
    (lambda: green_tensor([1.0, 2.0], 1e15), "3-vectors"),
    (lambda: green_tensor([0.0, 0.0, 0.0], 1e15), "r = 0"),
    (lambda: green_tensor(R_VEC, 0.0), "omega = 0"),
    (lambda: green_tensor(R_VEC, np.nan), "finite"),
    (lambda: green_tensor([np.inf, 0, 0], 1e15), "finite"),
    (lambda: grad_green_tensor(R_VEC, 0.0), "omega = 0"),
    (lambda: im_green_coincident(1j), "real"),
    (lambda: trace_gg_imaginary(1.0, 0.0), "xi"),
    (lambda: trace_gg_imaginary(-1.0, 1.0), "r must"),
    (lambda: green_tensor(R_VEC, "1e15"), "number"),
])
def test_bad_input_raises(call, match):
    with pytest.raises(ValueError, match=match):
        call()


@pytest.mark.parametrize("name", ["weft.fields", "weft.fields.si", "weft.fields.green",
                                  "weft.fields.lines", "weft.fields.particles",
                                  "weft.fields.thermal"])
def test_module_docstring_examples(name):
    # tests/test_docs.py lists the older modules; the weft.fields ones run here
    res = doctest.testmod(importlib.import_module(name),
                          optionflags=doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS)
    assert res.failed == 0 and res.attempted > 0


# ---------------------------------------------------------------------------
# Conventions and errata of the seeds (docs/fields.md)
# ---------------------------------------------------------------------------

def _seed003_c1(r, omega):
    """Seed 003 Eq. (C1) as printed: e^{ikr}/(4πk²r³){f 𝟙 − h e_r⊗e_r}, f = 1−ix−x², h = 3−3ix−x²."""
    k = omega / C
    d = np.linalg.norm(r)
    x = k * d
    f, h = 1 - 1j * x - x * x, 3 - 3j * x - x * x
    e = r / d
    return np.exp(1j * x) / (4 * np.pi * k * k * d ** 3) * (f * np.eye(3) - h * np.outer(e, e))


def _donaire(r, omega):
    """Donaire seeds (000 Eq. (7), 001 Eq. (9), 004 Eq. (9)) as printed."""
    k = omega / C
    d = np.linalg.norm(r)
    e = r / d
    a, b = np.eye(3) - np.outer(e, e), np.eye(3) - 3 * np.outer(e, e)
    x = k * d
    return k * np.exp(1j * x) / (-4 * np.pi) * (a / x + 1j * b / x ** 2 - b / x ** 3)


@pytest.mark.parametrize("omega", [1e12, 3e15, 2e16])
def test_donaire_green_is_minus_g0(omega):
    assert np.allclose(_donaire(R_VEC, omega), -green_tensor(R_VEC, omega), rtol=1e-12, atol=0)


def test_erratum_f1_seed003_c1_has_the_wrong_sign():
    for omega in (1e12, 3e15, 2e16):
        assert np.allclose(_seed003_c1(R_VEC, omega), -green_tensor(R_VEC, omega), rtol=1e-12,
                           atol=0)
    # static limit of the printed (C1): μ₀ω²G·p reverses the dipole field
    p = np.array([0.0, 0.0, 1e-30])
    z = np.array([0.0, 0.0, 1e-8])
    omega = 1e-6 * C / 1e-8
    printed = MU0 * omega ** 2 * _seed003_c1(z, omega) @ p
    jackson_z = 2 * p[2] / (4 * np.pi * EPS0 * 1e-24)          # on axis: 2p/(4πε₀r³) > 0
    assert printed[2].real == pytest.approx(-jackson_z, rel=1e-9)


def test_erratum_f2_seed003_eq30_names_f_h_swapped():
    # Eq. (29): U = -½ μ₀ω²α² Re{E_A*·G(r_A, r_B)·E_B}; Eq. (30) with ITS f, h equals it
    rng = np.random.default_rng(5)
    omega, alpha = 2 * np.pi * C / 1064e-9, 1e-32
    k = omega / C
    for _ in range(4):
        rv = rng.normal(size=3) * 1e-6
        EA = rng.normal(size=3) + 1j * rng.normal(size=3)
        EB = rng.normal(size=3) + 1j * rng.normal(size=3)
        eq29 = -0.5 * MU0 * omega ** 2 * alpha ** 2 * np.real(EA.conj() @ green_tensor(rv, omega) @ EB)
        r = np.linalg.norm(rv)
        x = k * r
        h30 = np.exp(1j * x) * (1 - 1j * x - x * x)
        f30 = np.exp(1j * x) * (3 - 3j * x - x * x)
        proj = EA.conj() @ np.outer(rv, rv) @ EB / r ** 2
        eq30 = C ** 2 * MU0 * alpha ** 2 / (8 * np.pi * r ** 3) * np.real(h30 * (EA.conj() @ EB) - f30 * proj)
        assert eq30 == pytest.approx(eq29, rel=1e-11)
        # with the names of (C1) (f = 1 - ix - x², h = 3 - 3ix - x²) it is a different number
        wrong = C ** 2 * MU0 * alpha ** 2 / (8 * np.pi * r ** 3) * np.real(f30 * (EA.conj() @ EB) - h30 * proj)
        assert abs(wrong - eq29) > 1e-3 * abs(eq29)


def _im_exp_q(x):
    """Im{e^{2ix} Q(x)}, Q = x⁴ − 5x² + 3 + i(2x³ − 6x), from Tr[ReG·ImG] (docs/fields.md)."""
    return np.sin(2 * x) * (x ** 4 - 5 * x ** 2 + 3) + np.cos(2 * x) * (2 * x ** 3 - 6 * x)


def test_erratum_f3_seed003_eq26_bracket():
    # Tr[Im G₀ · Re G₀] = Im{e^{2ix}Q(x)}/(16π²k⁴r⁶), checked by matrix products
    r = np.linalg.norm(R_VEC)
    for omega in (3e14, 3e15, 1e16):
        G = green_tensor(R_VEC, omega)
        k = omega / C
        x = k * r
        direct = np.trace(G.imag @ G.real)
        closed = _im_exp_q(x) / (16 * np.pi ** 2 * k ** 4 * r ** 6)
        assert direct == pytest.approx(closed, rel=1e-12, abs=1e-14 * np.abs(G).max() ** 2)
        # Eq. (26) as printed: sin(2x)(-3 + 5x² - x⁴) + cos(2x)(-6 + 2x³)
        printed = np.sin(2 * x) * (-3 + 5 * x * x - x ** 4) + np.cos(2 * x) * (-6 + 2 * x ** 3)
        assert abs(printed - _im_exp_q(x)) > 1e-3 * abs(_im_exp_q(x))


def test_erratum_f4_seed003_c2_sign():
    # Abel-regularised real-frequency integral, exactly: ∫₀^∞ x^n e^{(2i-ε)x} dx → n!/(-2i)^{n+1}
    import math
    q = {0: 3, 1: -6j, 2: -5, 3: 2j, 4: 1}                  # Q(x) = Σ q_n x^n
    correct = sum(c * math.factorial(n) / (-2j) ** (n + 1) for n, c in q.items())
    assert correct.imag == pytest.approx(23 / 4, rel=1e-15)  # Eq. (C3): attraction, 23/4
    # (C2) as printed: Im{e^{-2ix}[3 + 6ix + 5(ix)² + 2(ix)³ + (ix)⁴]}, i.e. the conjugate
    p = {0: 3, 1: 6j, 2: -5, 3: -2j, 4: 1}
    printed = sum(c * math.factorial(n) / (2j) ** (n + 1) for n, c in p.items())
    assert printed.imag == pytest.approx(-23 / 4, rel=1e-15)
    x = np.linspace(0.1, 7, 50)
    pr = np.exp(-2j * x) * (3 + 6j * x + 5 * (1j * x) ** 2 + 2 * (1j * x) ** 3 + (1j * x) ** 4)
    assert np.allclose(pr.imag, -_im_exp_q(x), rtol=1e-12, atol=1e-12)


def test_series_coefficients_exact():
    # e^y(-1 + y - y²) = -Σ (n-1)² y^n/n!;  e^y(3 - 3y + y²) = Σ (n-1)(n-3) y^n/n!
    import math
    a, b = gr._series(gr._A), gr._series(gr._B)
    for n in range(12):
        assert a[n] == float(Fraction(-(n - 1) ** 2, math.factorial(n)))
        assert b[n] == float(Fraction((n - 1) * (n - 3), math.factorial(n)))
