"""Tests for weft.loops (Appendix A of the paper).

Every reference value here is computed from something that shares no code with
weft.loops:

* the *definitions* (A2), (A7), (A8) integrated numerically in exactly three
  dimensions with mpmath (radial contour rotated into the lower half plane, which
  is where the +i eta prescription allows it), at complex k2 in the lower half plane
  where the integrands are smooth;
* the d-dimensional Gamma-function formulas for A_f and J, expanded in eps
  numerically with mpmath (not the digamma formulas used in the module);
* the paper's one-dimensional Feynman-parameter representations (A11)-(A14),
  whose integrands are garbled in our text and were re-derived from (A7)-(A8)
  (see docs; integrated with mpmath quad);
* the paper's closed forms (A3), (A4), (A6), (A10), the recurrence (A5), and
  Eq. (62) of the paper.

Tolerances: float64 results are compared at 1e-12 relative (componentwise where
an imaginary part is small) against references computed at 25-30 digits; the
direct 3-d definitions at 1e-12 (mpmath at 18 digits reaches ~1e-16 there).
"""

import math

import mpmath as mp
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from weft import loops

PI = math.pi


def rel(a, b):
    a, b = complex(a), complex(b)
    return abs(a - b) / abs(b)


# ---------------------------------------------------------------------------
# independent references
# ---------------------------------------------------------------------------
def _athinv(xr, s):
    """arctanh(1/sqrt(1 - xr) + s*i0) for real xr < 1, xr != 0; 1 - p = xr/(1 + p)
    keeps the log singularity at xr -> 0 free of rounding."""
    p = mp.sqrt(1 - xr)
    val = mp.log((1 + p) / (abs(xr) / (1 + p))) / 2
    return val + s * 0.5j * mp.pi if xr > 0 else val


def _quad_sqrt1mx(g):
    """int_0^1 dx g(x)/sqrt(1-x) via x = 1 - u^2 = u' (2 - u') ... (removes (1-x)^-1/2)."""
    return mp.quad(lambda u: 2 * g((1 - u) * (1 + u)), [0, 1])


def paper_C1(k2, dE, nu=1):
    """(A11) for k2 > 4 dE^2 and (A12) for k2 < 4 dE^2 (k2 real > 0)."""
    k2, D2, nu = mp.mpf(k2), mp.mpf(dE) ** 2, mp.mpf(nu)
    if k2 > 4 * D2:
        r = 4 * D2 / k2
        g = lambda x: mp.sqrt(1 - x * r) * _athinv(x * r, +1)
        return (4 - mp.log(4 * D2 / nu**2) + 1j * mp.pi - _quad_sqrt1mx(g)) / (4 * mp.pi**2)
    rho = k2 / (4 * D2)
    g = lambda x: mp.sqrt(1 - x * rho) * _athinv(x * rho, -1)
    return (4 - mp.log(k2 / nu**2) - _quad_sqrt1mx(g)) / (4 * mp.pi**2)


def paper_C2(k2, dE):
    """(A13) for k2 > 4 dE^2 and (A14) for k2 < 4 dE^2 (k2 real > 0)."""
    k2, D2 = mp.mpf(k2), mp.mpf(dE) ** 2
    if k2 > 4 * D2:
        r = 4 * D2 / k2
        g = lambda x: x * r / mp.sqrt(1 - x * r) * _athinv(x * r, +1)
        return _quad_sqrt1mx(g) / (8 * mp.pi**2 * D2)
    rho = k2 / (4 * D2)
    g = lambda x: x * rho / mp.sqrt(1 - x * rho) * _athinv(x * rho, -1)
    return -(2 + _quad_sqrt1mx(g)) / (8 * mp.pi**2 * D2)


def _ath(X, s):
    """arctanh(X + s*i0) for real X > 0."""
    if X > 1:
        return mp.atanh(1 / X) + s * 0.5j * mp.pi
    return mp.atanh(X)


def paper_B2(k2, dE):
    """(A10) and its continuation arctanh(X) -> arctanh(X + i0) (k2 real > 0)."""
    k = mp.sqrt(mp.mpf(k2))
    return (mp.pi + 2j * _ath(2 * abs(mp.mpf(dE)) / k, +1)) / (8 * mp.pi * k)


def paper_A32(k2, nu=1):
    """(A3) with lambda -> 0; k2 complex allowed (principal log = boundary from below)."""
    return (2 - mp.log(k2 / mp.mpf(nu) ** 2)) / (4 * mp.pi**2)


def paper_K(k2, dE, nu=1):
    """(A9) assembled from the paper's representations."""
    d = mp.mpf(dE)
    return (
        -paper_A32(k2, nu) / (4 * d)
        + paper_B2(k2, dE) / 2
        + paper_C1(k2, dE, nu) / (4 * d)
        + d / 2 * paper_C2(k2, dE)
    )


def imag_axis_refs(mu, dE, nu=1):
    """B_2, C_1, C_2, A_{3/2}, K at k2 = -mu^2 - i0 from (A12), (A14), (A3) and the
    x-integral form of (A7) (q integrated in 3-d).  For rho = k2/(4dE^2) < 0 the
    integrands of (A12), (A14) are real and smooth; the continuation from rho > 0
    through the lower half plane turns arctanh(1/p - i0) into the real arctanh(1/p)."""
    mu, D = mp.mpf(mu), mp.mpf(dE)
    D2 = D * D
    rho = -(mu**2) / (4 * D2)
    logk2 = mp.log(mu**2) - 1j * mp.pi
    g1 = lambda x: mp.sqrt(1 - x * rho) * _athinv(x * rho, 0)
    C1 = (4 - (logk2 - 2 * mp.log(nu)) - _quad_sqrt1mx(g1)) / (4 * mp.pi**2)
    g2 = lambda x: x * rho / mp.sqrt(1 - x * rho) * _athinv(x * rho, 0)
    C2 = -(2 + _quad_sqrt1mx(g2)) / (8 * mp.pi**2 * D2)
    # (A7), f = 2, q integral in 3-d: (1/(8 pi)) int dx M^(-1/2), M = -x(1-x)mu^2 - dE^2 - i0
    B2 = 1j / (8 * mp.pi) * mp.quad(lambda x: 1 / mp.sqrt(x * (1 - x) * mu**2 + D2), [0, 0.5, 1])
    A32 = (2 - (logk2 - 2 * mp.log(nu))) / (4 * mp.pi**2)
    Kv = -A32 / (4 * D) + B2 / 2 + C1 / (4 * D) + D / 2 * C2
    return dict(B2=B2, C1=C1, C2=C2, A32=A32, K=Kv)


def definition_3d(kind, k2, dE, phi=mp.pi / 4):
    """(A7)/(A8) in exactly d = 4 (3-d q integral), numerically.

    q = t exp(-i phi): allowed by the +i0 (poles of (Kc - dE^2 - i0)^-1 sit above the
    positive real q axis; branch points of sqrt(Kc) on the imaginary axis).  For
    Im k2 < 0 the x integrand is smooth.  kind: 'B2', 'C2', or 'C1-A' (the UV-finite
    difference C_1 - A_{3/2} = int int dE^2 / (Kc^{3/2} (Kc - dE^2)))."""
    s = mp.mpf(dE) ** 2
    rot = mp.expj(-phi)

    def inner(x):
        m2 = x * (1 - x) * k2

        def f(t):
            q2 = (t * rot) ** 2
            Kc = q2 + m2
            if kind == "B2":
                v = 1 / (Kc - s) ** 2
            elif kind == "C2":
                v = 1 / (mp.sqrt(Kc) * (Kc - s) ** 2)
            else:
                v = s / (Kc ** mp.mpf(1.5) * (Kc - s))
            return v * q2 * rot

        return mp.quad(f, [0, 1, mp.inf])

    # x <-> 1-x symmetry
    return 2 * mp.quad(inner, [0, mp.mpf(1) / 2]) / (2 * mp.pi**2)


def A_ddim_msbar(f, k2, nu=1, dps=90):
    """MS-bar finite part of (A2) from the d-dimensional Gamma-function formula,
    expanded in eps = (4-d)/2 numerically:
    A_f = nu^{2eps} Gamma(f-3/2+eps) Gamma(5/2-f-eps)^2 (k2)^{3/2-f-eps}
          / ((4pi)^{3/2-eps} Gamma(f) Gamma(5-2f-2eps)).
    X(eps) = r/eps + X0 + O(eps);  lambda = 1/eps - gamma_E + log 4pi  =>
    finite part = X0 - r (log 4pi - gamma_E)."""
    with mp.workdps(dps):
        f, k2, nu = mp.mpf(f), mp.mpf(k2), mp.mpf(nu)

        def X(e):
            return (
                nu ** (2 * e)
                * mp.gamma(f - 1.5 + e)
                * mp.gamma(2.5 - f - e) ** 2
                * k2 ** (1.5 - f - e)
                * mp.rgamma(f)
                / ((4 * mp.pi) ** (1.5 - e) * mp.gamma(5 - 2 * f - 2 * e))
            )

        de = mp.mpf(10) ** (-25)
        xp, xm = X(de), X(-de)
        r = de * (xp - xm) / 2
        x0 = (xp + xm) / 2
        return complex(x0 - r * (mp.log(4 * mp.pi) - mp.euler)), complex(r)


def J_ddim_msbar(dE, nu=1, dps=90):
    """MS-bar J from its d-dimensional radial integral:
    J = nu^{2eps} (Omega_D/(2pi)^D) (1/2) int_0^inf q^{D-2}/(q - dE - i0) dq,
    D = 3 - 2 eps, and int_0^inf q^{a-1}/(q + c) dq = pi c^{a-1}/sin(pi a),
    c = -dE - i0 (c = |dE| e^{-i pi} for dE > 0)."""
    with mp.workdps(dps):
        dE, nu = mp.mpf(dE), mp.mpf(nu)

        def X(e):
            Dd = 3 - 2 * e
            omega = 2 * mp.pi ** (Dd / 2) / mp.gamma(Dd / 2)
            a = Dd - 1
            if dE < 0:
                cpow = (-dE) ** (a - 1)
            else:
                cpow = dE ** (a - 1) * mp.expj(-mp.pi * (a - 1))
            integral = mp.pi * cpow / mp.sin(mp.pi * a)
            return nu ** (2 * e) * omega / (2 * mp.pi) ** Dd / 2 * integral

        de = mp.mpf(10) ** (-25)
        xp, xm = X(de), X(-de)
        r = de * (xp - xm) / 2
        x0 = (xp + xm) / 2
        return complex(x0 - r * (mp.log(4 * mp.pi) - mp.euler)), complex(r)


# z = |k| / (2|dE|): both sides of threshold z = 1 and of the series switches
# at z = 1/4, 4 (C_1, C_2, B_1) and sqrt(2)-1, 0.3 (h)
Z_POINTS = [1e-3, 0.05, 0.2499, 0.2501, 0.3, 0.4142, 0.4143, 0.7, 0.97, 1.03, 1.5,
            2.4142, 2.4143, 3.999, 4.001, 12.0, 300.0]


# ---------------------------------------------------------------------------
# C_1, C_2, B_2, K against the paper's representations, real k2
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("z", Z_POINTS)
@pytest.mark.parametrize("dE", [0.7, -0.7])
def test_C_B_K_vs_paper_representations(z, dE):
    k2 = (2 * abs(dE) * z) ** 2
    nu = 1.3
    with mp.workdps(25):
        refs = {
            "C1": paper_C1(k2, dE, nu),
            "C2": paper_C2(k2, dE),
            "B2": paper_B2(k2, dE),
            "K": paper_K(k2, dE, nu),
        }
    got = {
        "C1": loops.C(1, k2, dE, nu),
        "C2": loops.C(2, k2, dE),
        "B2": loops.B(2, k2, dE),
        "K": loops.K(k2, dE, nu),
    }
    for name, ref in refs.items():
        r, g = complex(ref), complex(got[name])
        # componentwise: small imaginary parts (large/small z) must be accurate too
        assert abs(g.real - r.real) <= 1e-12 * abs(r), (name, z, g, r)
        assert abs(g.imag - r.imag) <= 1e-12 * max(abs(r.imag), 1e-3 * abs(r)), (name, z, g, r)


def test_K_real_for_upward_transitions():
    """dE < 0 (no open channel): K is real for all real k2, even across k2 = 4 dE^2,
    where the divergences of B_2 and C_2 cancel in (A9)."""
    k2 = np.linspace(0.01, 20, 401)
    val = loops.K(k2, -1.0)
    assert np.all(np.abs(val.imag) <= 1e-15 * np.abs(val))
    # finite exactly at threshold; continuous through it (paper reps on both sides)
    at = complex(loops.K(4.0, -1.0))
    with mp.workdps(25):
        lo, hi = complex(paper_K(4 * (1 - 1e-9) ** 2, -1)), complex(paper_K(4 * (1 + 1e-9) ** 2, -1))
    assert abs(at - lo) < 1e-8 * abs(at) and abs(at - hi) < 1e-8 * abs(at)


# ---------------------------------------------------------------------------
# the definitions in three dimensions (complex k2 in the lower half plane)
# ---------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.parametrize("k2", [complex(1.0, -0.5), complex(-4.0, -1.0), complex(7.0, -6.0)])
def test_definitions_3d(k2):
    """(A7), (A8) integrated directly (no Feynman-parameter algebra, no dim-reg
    formulas except A_{3/2} from (A3)); the functions are analytic in the lower half
    k2 plane, so agreement there plus continuity (test_boundary_values) fixes the
    real axis."""
    dE = 0.8
    with mp.workdps(18):
        kk = mp.mpc(k2.real, k2.imag)
        b2 = complex(definition_3d("B2", kk, dE))
        c2 = complex(definition_3d("C2", kk, dE))
        c1a = complex(definition_3d("C1-A", kk, dE))
        a32 = complex(paper_A32(kk))
    assert rel(loops.B(2, k2, dE), b2) < 1e-12
    assert rel(loops.C(2, k2, dE), c2) < 1e-12
    assert rel(loops.C(1, k2, -dE), c1a + a32) < 1e-12


def test_boundary_values_from_below():
    """Real k2 (either side of threshold) and k2 = -mu^2 + 0j are limits from Im k2 < 0."""
    for k2 in [0.5, 3.0, 9.0, -2.0]:
        for dE in [1.0, -1.0]:
            on = [loops.K(complex(k2), dE), loops.C(1, complex(k2), dE), loops.C(2, complex(k2), dE),
                  loops.B(2, complex(k2), dE), loops.A(1.5, complex(k2))]
            off = [loops.K(complex(k2, -1e-9), dE), loops.C(1, complex(k2, -1e-9), dE),
                   loops.C(2, complex(k2, -1e-9), dE), loops.B(2, complex(k2, -1e-9), dE),
                   loops.A(1.5, complex(k2, -1e-9))]
            for a, b in zip(on, off):
                assert rel(b, a) < 1e-8  # first-order change ~ 1e-9 * |d log f/d k2|
    # real and complex input agree on the positive axis
    assert loops.C(2, 9.0, 1.0) == loops.C(2, 9.0 + 0j, 1.0)
    # -0.0 imaginary part is also read as "from below"
    assert loops.K(complex(-2.0, 0.0), 1.0) == loops.K(complex(-2.0, -0.0), 1.0)


@pytest.mark.parametrize("mu", [1e-3, 0.3, 1.0, 2.0, 7.0, 1e3])
@pytest.mark.parametrize("dE", [0.6, -0.6])
def test_imaginary_axis(mu, dE):
    """k2 = -mu^2 - i0 (|k| = eta - i mu) against (A12), (A14), (A3), (A7)."""
    with mp.workdps(25):
        ref = {n: complex(v) for n, v in imag_axis_refs(mu, dE, nu=0.9).items()}
    k2 = complex(-(mu**2), 0.0)
    got = dict(
        B2=loops.B(2, k2, dE), C1=loops.C(1, k2, dE, 0.9), C2=loops.C(2, k2, dE),
        A32=loops.A(1.5, k2, 0.9), K=loops.K(k2, dE),
    )
    for n in ref:
        r, g = ref[n], complex(got[n])
        assert abs(g.real - r.real) <= 1e-12 * abs(r), (n, g, r)
        assert abs(g.imag - r.imag) <= 1e-12 * abs(r), (n, g, r)


def test_imaginary_axis_closed_forms():
    """Im K(-mu^2 - i0, dE) = arccot(2|dE|/mu)/(8 pi mu) for either sign of dE, and
    Im A_{3/2}(-mu^2 - i0) = 1/(4 pi) (from log(-mu^2 - i0) = log mu^2 - i pi)."""
    mu = np.logspace(-3, 3, 61)
    for dE in (-0.375, 0.375):
        imk = loops.K(-(mu**2) + 0j, dE).imag
        exact = np.arctan(mu / (2 * abs(dE))) / (8 * PI * mu)
        assert np.max(np.abs(imk / exact - 1)) < 1e-13
    # a constant from a few flops: floor a few ulp; 100x → 1e-13
    assert np.allclose(loops.A(1.5, -(mu**2) + 0j).imag, 1 / (4 * PI), rtol=1e-13, atol=0)


# ---------------------------------------------------------------------------
# Eq. (62) of the paper from Eq. (54)
# ---------------------------------------------------------------------------
def _w54_pair(k2, d1, d2, nu=1.0):
    """Eq. (54) at d = 4 for one pair (m1, m2), p_E factors stripped; the A_{3/2}
    term sits outside the 1/(2(dE1^2 - dE2^2)) bracket (reading of the braces)."""
    J1, J2 = loops.J(d1, nu), loops.J(d2, nu)
    K1, K2 = loops.K(k2, d1, nu), loops.K(k2, d2, nu)
    A32 = loops.A(1.5, k2, nu)
    br = (
        k2 * (d2 * J1 - d1 * J2)
        - (k2**2 - 4 * k2 * d1**2 + 8 * d1**4) * d2 * K1
        + (k2**2 - 4 * k2 * d2**2 + 8 * d2**4) * d1 * K2
    )
    return br / (2 * (d1**2 - d2**2)) - d1 * d2 * A32


def _eq62_pair(mu, d1, d2):
    acot = lambda x: np.arctan(1 / x)
    return -(1 / (16 * PI)) * (
        4 * d1 * d2
        + ((mu**4 + 4 * mu**2 * d1**2 + 8 * d1**4) * d2 * acot(2 * abs(d1) / mu)
           - (mu**4 + 4 * mu**2 * d2**2 + 8 * d2**4) * d1 * acot(2 * abs(d2) / mu))
        / (mu * (d1**2 - d2**2))
    )


@pytest.mark.parametrize("d1,d2", [(-0.375, -4 / 9), (-0.375, -0.49), (-0.1, -2.0)])
def test_eq62_from_eq54(d1, d2):
    """Im W~(eta - i mu) of Eq. (54) built from J, K, A_{3/2} equals Eq. (62) term by
    term for two upward gaps (ground-state-like), and does not depend on nu."""
    mu = np.logspace(-2, 2, 41)
    k2 = -(mu**2) + 0j
    im54 = _w54_pair(k2, d1, d2).imag
    im54_nu = _w54_pair(k2, d1, d2, nu=7.0).imag
    eq62 = _eq62_pair(mu, d1, d2)
    # (62) is a difference of terms ~ mu^3 d / (d1^2 - d2^2): compare on that scale
    scale = np.abs(mu**3 * max(abs(d1), abs(d2)) / (16 * PI * (d1**2 - d2**2))) + abs(d1 * d2) / (4 * PI)
    # floor: a few ulp of the cancelling terms (measured 1.2e-15 of scale); 100x → 3e-13
    assert np.max(np.abs(im54 - eq62) / scale) < 3e-13
    assert np.max(np.abs(im54_nu - im54) / scale) < 3e-13


def test_eq62_needs_A_outside_bracket():
    """Moving the A_{3/2} term inside 1/(2(dE1^2-dE2^2)) breaks (62): the reading of
    the garbled braces of (54) used above is the one consistent with (62)."""
    d1, d2, mu = -0.375, -4 / 9, 0.5
    k2 = complex(-(mu**2), 0)
    inside = _w54_pair(k2, d1, d2) + d1 * d2 * loops.A(1.5, k2) * (1 - 1 / (2 * (d1**2 - d2**2)))
    assert abs(inside.imag - _eq62_pair(mu, d1, d2)) > 1e-3 * abs(_eq62_pair(mu, d1, d2))


# ---------------------------------------------------------------------------
# A_f
# ---------------------------------------------------------------------------
def test_A_paper_closed_forms():
    k2 = np.array([1e-6, 0.3, 1.0, 17.0, 1e8])
    nu = 0.37
    a32 = (2 - np.log(k2 / nu**2)) / (4 * PI**2)  # (A3)
    # (A3) cancels near k2 = e²ν² (2 - 1.99 at k2 = 1): compare on the scale of its two terms,
    # floor a few ulp of that scale; 100x → 1e-13
    scale = (2 + np.abs(np.log(k2 / nu**2))) / (4 * PI**2)
    assert np.all(np.abs(loops.A(1.5, k2, nu) - a32) <= 1e-13 * scale)
    # k2^(3/2-f) by exp/log: floor eps |log k2| ≤ 2e-15 (measured 1.2e-15); 100x → 3e-13
    assert np.allclose(loops.A(2, k2), 1 / (8 * np.sqrt(k2)), rtol=3e-13, atol=0)  # (A4)
    assert loops.A_pole(1.5) == pytest.approx(1 / (4 * PI**2), rel=1e-15)


@pytest.mark.parametrize("f", [-2.5, -1.5, -1, -0.5, 0, 0.5, 1, 1.25, 1.5, 1.75, 2, 2.25,
                               2.5, 3, 3.5, 4, 4.5, 5.5])
def test_A_vs_d_dimensional_formula(f):
    for k2 in (0.2, 3.0):
        ref, r = A_ddim_msbar(f, k2, nu=1.7)
        got = complex(loops.A(f, k2, nu=1.7))
        # Γ products and k2^(3/2-f): floor ~1e-15 (measured 1.1e-15 at f = 5.5); 100x → 3e-13
        assert abs(got - ref) <= 3e-13 * max(abs(ref), k2 ** (1.5 - f) * 1e-2), (f, k2, got, ref)
        assert loops.A_pole(f) * k2 ** (1.5 - f) == pytest.approx(r.real, rel=1e-12, abs=1e-30)


@pytest.mark.parametrize("f", [1.75, 2.0, 2.25])
def test_A_vs_direct_3d_integral(f):
    """For 3/2 < f < 5/2 (A2) converges in d = 4: x and q integrals numerically."""
    k2 = 2.3
    with mp.workdps(40):  # tanh-sinh on the endpoint singularities needs the headroom
        # q = tan(t): int_0^inf q^2 (q^2+1)^-f dq = int_0^{pi/2} sin^2 t cos^{2f-4} t dt
        qint = mp.quad(lambda t: mp.sin(t) ** 2 * mp.cos(t) ** (2 * f - 4), [0, mp.pi / 2]) / (2 * mp.pi**2)
        # x = sin^2 p: dx = 2 sin p cos p dp, x(1-x) = (sin p cos p)^2; x <-> 1-x symmetric
        xint = 2 * mp.quad(lambda p: 2 * (mp.sin(p) * mp.cos(p)) ** (4 - 2 * f), [0, mp.pi / 4]) * k2 ** (1.5 - f)
        ref = complex(qint * xint)
    assert rel(loops.A(f, k2), ref) < 1e-13


def test_A_recurrence_A5():
    """(A5) in d = 4 - 2 eps: A_{f+1} = c(d) A_f, c(d) = 2(2f-d)/(f k2) = c(4) + eps 4/(f k2).
    MS-bar of the product: c(4) [A_f] + (4/(f k2)) * (coefficient of lambda in A_f).
    Finite f: plain recurrence.  Pole residues taken from (A3) and (A5) itself."""
    k2, nu = 2.7, 1.1
    for f in [1.0, 0.75, 1.25, 2.25]:  # no poles: (A5) at d = 4 directly
        assert rel(loops.A(f + 1, k2, nu), 2 * (2 * f - 4) / (f * k2) * loops.A(f, k2, nu)) < 1e-13
    # f = 2: A_3 = 2(4-d)/(2 k2) A_2 -> 0 at d = 4 (A_2 finite); then A_4 = 0, ...
    assert loops.A(3, k2, nu) == 0 and loops.A(4, k2, nu) == 0
    # f = 3/2: coefficient of lambda in A_{3/2} is 1/(4 pi^2) (A3)
    a52 = -4 / (3 * k2) * complex(loops.A(1.5, k2, nu)) + 4 / (1.5 * k2) / (4 * PI**2)
    assert rel(loops.A(2.5, k2, nu), a52) < 1e-13
    assert rel(loops.A(2.5, k2, nu), np.log(k2 / nu**2) / (3 * PI**2 * k2)) < 1e-13
    # f = 1/2 -> 3/2: lambda-coefficient of A_{1/2} = (1/(4pi^2)) / c(4) (pole of A_{3/2}
    # must come from the pole of A_{1/2})
    c4 = 2 * (1 - 4) / (0.5 * k2)
    r12 = 1 / (4 * PI**2) / c4
    a32 = c4 * complex(loops.A(0.5, k2, nu)) + 4 / (0.5 * k2) * r12
    assert rel(loops.A(1.5, k2, nu), a32) < 1e-13
    # f = 5/2 -> 7/2
    c4 = 2 * (5 - 4) / (2.5 * k2)
    r52 = -4 / (3 * k2) / (4 * PI**2)  # lambda-coefficient of A_{5/2} = c(4) at f=3/2 times 1/(4pi^2)
    a72 = c4 * complex(loops.A(2.5, k2, nu)) + 4 / (2.5 * k2) * r52
    assert rel(loops.A(3.5, k2, nu), a72) < 1e-13


# ---------------------------------------------------------------------------
# J
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("dE", [-3.0, -0.2, 0.2, 3.0])
def test_J_vs_d_dimensional_radial_integral(dE):
    ref, r = J_ddim_msbar(dE, nu=0.6)
    assert rel(loops.J(dE, 0.6), ref) < 1e-13
    assert r.real == pytest.approx(dE / (8 * PI**2), rel=1e-12)  # lambda coefficient (A6)


def test_J_imaginary_part_sign():
    """|q| - dE - i0: Im J = pi * (1/2) * dE^2/(2 pi^2 dE) ... = dE/(4 pi) theta(dE) > 0,
    directly from 1/(x - i0) = P/x + i pi delta(x) applied to the 3-d integral."""
    dE = np.array([-2.0, -0.5, 0.5, 2.0])
    # i pi * int d^3q/(2pi)^3 delta(|q| - dE)/(2|q|) = i pi * 4 pi dE^2/(8 pi^3 * 2 dE)
    expected = np.where(dE > 0, PI * 4 * PI * dE**2 / (8 * PI**3 * 2 * dE), 0.0)
    assert np.allclose(loops.J(dE).imag, expected, rtol=1e-13, atol=0)   # a few flops; 100x
    assert loops.J(0.0) == 0


# ---------------------------------------------------------------------------
# nu dependence
# ---------------------------------------------------------------------------
def test_nu_dependence():
    """d/dlog(nu) from (A3), (A6), (A11): 2/(4pi^2), dE/(4pi^2), 2/(4pi^2); K, C_2, B_2: 0.
    All are linear in log(nu), so the difference quotient is exact up to rounding."""
    k2 = np.array([0.1, 3.9, 4.1, 50.0])
    dE = np.array([0.7, -0.7, 1.3, -0.2])
    l1, l2 = 0.3, 1.9
    n1, n2 = np.exp(l1), np.exp(l2)
    d = lambda f: (f(n2) - f(n1)) / (l2 - l1)
    assert np.allclose(d(lambda n: loops.A(1.5, k2, n)), 2 / (4 * PI**2), rtol=1e-12, atol=0)
    assert np.allclose(d(lambda n: loops.C(1, k2, dE, n)), 2 / (4 * PI**2), rtol=1e-12, atol=0)
    assert np.allclose(d(lambda n: loops.J(dE, n)), dE / (4 * PI**2), rtol=1e-12, atol=0)
    assert np.all(d(lambda n: loops.K(k2, dE, n)) == 0)
    assert loops.A_pole(2.0) == 0
    assert np.allclose(d(lambda n: loops.A(2.5, k2, n)), -2 / (3 * PI**2 * k2), rtol=1e-12)


# ---------------------------------------------------------------------------
# asymptotics (Secs. IV-V): residuals shrink at the predicted power
# ---------------------------------------------------------------------------
def _ratio_check(f_exact, f_asym, small_params, power, tol=0.25):
    """residual(p) ~ p^power * (logs): the log-slope between p and p/10 must be
    within tol of power."""
    r = [abs(complex(f_exact(p)) - f_asym(p)) for p in small_params]
    slopes = [math.log(r[i] / r[i + 1]) / math.log(small_params[i] / small_params[i + 1])
              for i in range(len(r) - 1)]
    assert all(abs(s - power) < tol for s in slopes), slopes


def test_large_k_asymptotics():
    """|k| >> |dE| (w = 2|dE|/|k|, L = log(|k|/(2|dE|))), derived from (A10), (A11),
    (A13) by expanding the integrands in r = w^2 (e.g. C_2: int_0^1 x/sqrt(1-x) = 4/3,
    int_0^1 x log x / sqrt(1-x) = (4/3)(2 log 2 - 5/3)):
      B_2 = 1/(8k) + i|dE|/(2 pi k^2) + O(w^3/k) (odd powers of w only)
      C_1 = A_{3/2} + (w^2/(12 pi^2)) (8/3 - log w^2 + i pi) + O(w^4 L)
      C_2 = (1/(2 pi^2 k^2)) (10/9 + (4/3) L + 2 i pi/3) + O(w^4 L / dE^2)
      K   = 1/(16k) + dE (1 + L + i pi theta(dE))/(2 pi^2 k^2) + O(w^3 L/k)
    (K from (A9): h(w) = w - w log w + O(w^3 log w) has no w^2 term)."""
    for dE in (0.5, -0.5):
        ad = abs(dE)
        ks = [40.0, 400.0, 4000.0]
        L = lambda k: math.log(k / (2 * ad))
        ws = lambda k: (2 * ad / k) ** 2
        _ratio_check(lambda k: loops.B(2, k * k, dE),
                     lambda k: 1 / (8 * k) + 1j * ad / (2 * PI * k**2), ks, -4)
        _ratio_check(lambda k: loops.C(1, k * k, dE),
                     lambda k: complex(loops.A(1.5, k * k)) + ws(k) / (12 * PI**2)
                     * (8 / 3 - math.log(ws(k)) + 1j * PI), ks, -4, tol=0.3)
        _ratio_check(lambda k: loops.C(2, k * k, dE),
                     lambda k: (10 / 9 + 4 / 3 * L(k) + 2j * PI / 3) / (2 * PI**2 * k**2), ks, -4, tol=0.3)
        _ratio_check(lambda k: loops.K(k * k, dE),
                     lambda k: 1 / (16 * k) + dE * (1 + L(k) + 1j * PI * (dE > 0)) / (2 * PI**2 * k**2),
                     ks, -4, tol=0.3)


def test_small_k_asymptotics():
    """|k| << |dE| (z = |k|/(2|dE|)), from (A3), (A6), (A10), (A14) and the k = 0 identity
    C_1(0) = [J(dE) - J(-dE)]/dE (partial fractions of 1/(|q|(q^2-dE^2)) in (A8)):
      B_2 = i/(8 pi |dE|) (1 + z^2/3) + O(z^4)
      C_1 = [2 - log(4dE^2/nu^2) + i pi]/(4 pi^2) + O(z^2 log z)
      C_2 = -1/(4 pi^2 dE^2) + O(z^2 log z)
      K   = (log z - 1)/(8 pi^2 dE) + i theta(dE)/(8 pi dE) + O(z^2 log z)  (via (A9))."""
    for dE in (0.5, -0.5):
        ad = abs(dE)
        zs = [1e-2, 1e-3, 1e-4]
        k2 = lambda z: (2 * ad * z) ** 2
        J = lambda x: complex(loops.J(x))
        c10 = (J(dE) - J(-dE)) / dE
        # closed forms, a few flops: floor a few ulp; 100x → 1e-13
        assert rel(c10, (2 - math.log(4 * dE**2) + 1j * PI) / (4 * PI**2)) < 1e-13
        assert rel(loops.C(1, 0.0, dE), c10) < 1e-13
        _ratio_check(lambda z: loops.B(2, k2(z), dE),
                     lambda z: 1j / (8 * PI * ad) * (1 + z * z / 3), [3e-2, 1e-2, 3e-3], 4)
        _ratio_check(lambda z: loops.C(1, k2(z), dE), lambda z: c10, zs, 2, tol=0.3)
        _ratio_check(lambda z: loops.C(2, k2(z), dE), lambda z: -1 / (4 * PI**2 * dE**2), zs, 2, tol=0.3)
        _ratio_check(lambda z: loops.K(k2(z), dE),
                     lambda z: (math.log(z) - 1) / (8 * PI**2 * dE) + 1j * (dE > 0) / (8 * PI * dE),
                     zs, 2, tol=0.3)


def test_dE_to_zero_limits():
    """dE -> 0: K -> A_2/2 = 1/(16|k|) (returned at dE = 0), B_2 -> A_2 = 1/(8|k|),
    C_1 -> A_{3/2}; B_1 -> A_1 = -|k|/32 (from the d = 4 Gamma formula)."""
    k2 = 5.0
    k = math.sqrt(k2)
    for dE in (1e-9, -1e-9):
        assert rel(loops.K(k2, dE), 1 / (16 * k)) < 1e-8
    # at dE = 0 exactly: closed forms, a few flops (measured ≤ 1.8e-16); 100x → 1e-13
    assert rel(loops.K(k2, 0.0), 1 / (16 * k)) < 1e-13
    assert rel(loops.B(2, k2, 0.0), 1 / (8 * k)) < 1e-13
    assert rel(loops.C(1, k2, 1e-12), loops.A(1.5, k2)) < 1e-10
    assert rel(loops.C(1, k2, 0.0), loops.A(1.5, k2)) < 1e-13
    assert rel(loops.B(1, k2, 0.0), -k / 32) < 1e-13
    assert rel(loops.B(1, k2, 1e-9), -k / 32) < 1e-8


# ---------------------------------------------------------------------------
# B_1, B_3 (x integral of the 3-d q integral, numerically)
# ---------------------------------------------------------------------------
@pytest.mark.parametrize("k2", [0.5, 3.5, 9.0, complex(-2.0, 0.0), complex(6.0, -3.0)])
def test_B1_B3_vs_x_integral(k2):
    """B_1 = -(1/4pi) int dx sqrt(M), B_3 = (1/32pi) int dx M^{-3/2}, M = x(1-x)k2 - dE^2 - i0
    (3-d q integrals int d^3q/(2pi)^3 (q^2+M)^{-f}).  B_3 only where M has no zero."""
    dE = 1.0
    with mp.workdps(25):
        kk = mp.mpc(complex(k2).real, complex(k2).imag)
        Mf = lambda x: x * (1 - x) * kk - dE**2 - 1j * mp.mpf(10) ** (-40)
        pts = [0, 0.5, 1]
        if isinstance(k2, float) and k2 > 4:
            r = math.sqrt(1 - 4 / k2)
            pts = [0, (1 - r) / 2, 0.5, (1 + r) / 2, 1]
        b1 = complex(-mp.quad(lambda x: mp.sqrt(Mf(x)), pts) / (4 * mp.pi))
        b3 = complex(mp.quad(lambda x: Mf(x) ** -1.5, pts) / (32 * mp.pi))
    assert rel(loops.B(1, k2, dE), b1) < 1e-13
    if not (isinstance(k2, float) and k2 > 4):
        assert rel(loops.B(3, k2, dE), b3) < 1e-13


def test_B1_series_switch():
    """B_1 on both sides of the series switches |z| = 1/4, 4 vs the x integral."""
    dE = 1.0
    for z in (0.2499, 0.2501, 3.999, 4.001, 40.0):
        k2 = (2 * z) ** 2
        r = math.sqrt(1 - 4 / k2) if k2 > 4 else None
        with mp.workdps(25):
            pts = [0, (1 - r) / 2, 0.5] if r else [0, 0.5]
            b1 = complex(-2 * mp.quad(lambda x: mp.sqrt(x * (1 - x) * k2 - dE**2 - 1j * mp.mpf(10) ** (-40)),
                                      pts) / (4 * mp.pi))
        g = complex(loops.B(1, k2, dE))
        assert abs(g.real - b1.real) <= 1e-12 * abs(b1) and abs(g.imag - b1.imag) <= 1e-12 * abs(b1.imag)


# ---------------------------------------------------------------------------
# shapes, dtypes, validation, property tests
# ---------------------------------------------------------------------------
def test_broadcasting_and_scalars():
    k2 = np.array([[0.5], [3.0], [20.0]])
    dE = np.array([-1.0, 0.5, 2.0, 3.0])
    for out in (loops.K(k2, dE), loops.C(1, k2, dE), loops.C(2, k2, dE), loops.B(2, k2, dE)):
        assert out.shape == (3, 4) and out.dtype == np.complex128
    for i in range(3):
        for j in range(4):
            assert loops.K(k2, dE)[i, j] == loops.K(k2[i, 0], dE[j])
    assert isinstance(loops.K(1.0, 1.0), np.complex128)
    assert loops.A(1.5, [1.0, 2.0]).shape == (2,)


@pytest.mark.parametrize(
    "call,param",
    [
        (lambda: loops.K(np.nan, 1.0), "k2"),
        (lambda: loops.K(1.0, np.nan), "dE"),
        (lambda: loops.C(1, 1.0, 1.0, nu=np.nan), "nu"),
        (lambda: loops.C(1, 1.0, 1.0, nu=0.0), "nu"),
        (lambda: loops.K(-1.0, 1.0), "k2"),
        (lambda: loops.K(complex(1.0, 0.1), 1.0), "k2"),
        (lambda: loops.K(1.0, 1j), "dE"),
        (lambda: loops.K(0.0, 1.0), "k2"),
        (lambda: loops.K(4.0, 1.0), "k2"),
        (lambda: loops.C(2, 4.0, -1.0), "k2"),
        (lambda: loops.B(2, 4.0, 1.0), "k2"),
        (lambda: loops.C(2, 1.0, 0.0), "dE"),
        (lambda: loops.B(3, 1.0, 0.0), "dE"),
        (lambda: loops.C(1, 0.0, 0.0), "k2"),
        (lambda: loops.B(2, 0.0, 0.0), "k2"),
        (lambda: loops.A(1.5, 0.0), "k2"),
        (lambda: loops.A(1.5, np.inf), "k2"),
        (lambda: loops.B(4, 1.0, 1.0), "f"),
        (lambda: loops.C(3, 1.0, 1.0), "f"),
        (lambda: loops.A(float("nan"), 1.0), "f"),
        (lambda: loops.J(np.inf), "dE"),
        (lambda: loops.K(1e-210, 1.0), "k2"),
        (lambda: loops.K(1.0, 1e-120), "dE"),
        (lambda: loops.C(1, 1e-150, 1e60), "k2 and dE"),
    ],
)
def test_invalid_input_raises(call, param):
    with pytest.raises(ValueError, match=param):
        call()


def test_A_at_zero_where_finite():
    assert loops.A(1.0, 0.0) == 0  # A_1 = -|k|/32
    assert loops.A(3.0, 0.0) == 0  # vanishes identically in dim reg
    assert loops.J(0.0) == 0


finite_k2 = st.floats(min_value=1e-60, max_value=1e60, allow_nan=False)
finite_dE = st.one_of(
    st.just(0.0),
    st.floats(min_value=1e-30, max_value=1e30),
    st.floats(min_value=-1e30, max_value=-1e-30),
)


@settings(max_examples=150, deadline=None)
@given(k2=finite_k2, dE=finite_dE, nu=st.floats(min_value=1e-4, max_value=1e4))
def test_random_inputs_finite(k2, dE, nu):
    at_threshold = k2 == 4 * dE * dE
    if not (at_threshold and dE > 0):
        assert np.isfinite(loops.K(k2, dE, nu))
    assert np.isfinite(loops.C(1, k2, dE, nu))
    assert np.isfinite(loops.B(1, k2, dE))
    if dE != 0 and not at_threshold:
        assert np.isfinite(loops.C(2, k2, dE))
        assert np.isfinite(loops.B(2, k2, dE))
    assert np.isfinite(loops.J(dE, nu)) and np.isfinite(loops.A(1.5, k2, nu))
    # complex branch (imaginary |k| axis)
    assert np.isfinite(loops.K(-k2 + 0j, dE, nu))
    if dE != 0:
        assert np.isfinite(loops.C(2, -k2 + 0j, dE))


@pytest.mark.parametrize("call, match", [
    (lambda: loops.J(1e308), "dE out of the supported range"),
    (lambda: loops.J(1.0, nu=1e-300), "nu out of the supported range"),
    (lambda: loops.A(1.5, 1e300), "k2 out of the supported range"),
    (lambda: loops.K(1.0, 1e200), "dE out of the supported range"),
])
def test_inputs_beyond_float64_range_are_refused_not_inf(call, match):
    with pytest.raises(ValueError, match=match):
        call()
