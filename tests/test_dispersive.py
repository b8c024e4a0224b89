"""Tests of weft.dispersive (Eq. (61)) against closed forms and mpmath quadrature.

Im W̃(η - iμ) for the test functions (η → 0⁺, so k² = -μ² - i0, log k² = log μ² - iπ,
|k| = -iμ):
  |k|            -> -μ               W = I_{1,0}  = -1/(π² R⁴)
  1/|k|          -> 1/μ              W = I_{-1,0} = 1/(2π² R²)
  |k|³           -> μ³               W = I_{3,0}  = 12/(π² R⁶)
  log k²         -> -π               W = H_{0,0}  = -1/(2π R³)
  |k| log k²     -> -μ log μ²        W = H_{1,0}  = (ζ - 3)/(π² R⁴)
  k² log k²      -> π μ²             W = H_{2,0}  = 3/(π R⁵)
  k⁴ log k²      -> -π μ⁴            W = H_{4,0}  = -60/(π R⁷)
  log(k² + m²)   -> -π θ(μ - m)      W = -(1 + mR) e^{-mR}/(2π R³)
  √(k² + m²)     -> -√(μ² - m²) θ    W = -m² K₂(mR)/(2π² R²)
  arctan(k/2m)/k -> π/(2μ) θ(μ - 2m) W = e^{-2mR}/(4π R²) = 4π [e^{-mR}/(4πR)]²
The last three closed forms follow from ∫ d³k/(2π)³ e^{ik·R}/(k² + μ²) = e^{-μR}/(4πR)
integrated over the spectral density by hand (not by the code); the Appendix D values
are typed in explicitly and also compared with weft.fourier.
"""
from __future__ import annotations

import math

import mpmath
import numpy as np
import pytest
from scipy.special import kv

from weft import dispersive as D
from weft import fourier as F

EULER = 0.5772156649015329
R_WIDE = np.geomspace(1e-3, 1e8, 1201)   # 11 decades, one rule
RTOL = 1e-12                             # the module's contract (rule built with rtol=1e-13)

CLOSED_FORMS = [
    ("|k|", lambda mu: -mu, lambda r: -1 / (np.pi**2 * r**4), (1, 0, "I")),
    ("1/|k|", lambda mu: 1 / mu, lambda r: 1 / (2 * np.pi**2 * r**2), (-1, 0, "I")),
    ("|k|^3", lambda mu: mu**3, lambda r: 12 / (np.pi**2 * r**6), (3, 0, "I")),
    ("log k^2", lambda mu: np.full_like(mu, -np.pi), lambda r: -1 / (2 * np.pi * r**3), (0, 0, "H")),
    ("|k| log k^2", lambda mu: -mu * np.log(mu**2),
     lambda r: (2 * EULER + np.log(r**2) - 3) / (np.pi**2 * r**4), (1, 0, "H")),
    ("k^2 log k^2", lambda mu: np.pi * mu**2, lambda r: 3 / (np.pi * r**5), (2, 0, "H")),
    ("k^4 log k^2", lambda mu: -np.pi * mu**4, lambda r: -60 / (np.pi * r**7), (4, 0, "H")),
]


@pytest.mark.parametrize("name,im_w,exact,nl", CLOSED_FORMS, ids=[c[0] for c in CLOSED_FORMS])
def test_appendix_D_transforms(name, im_w, exact, nl):
    """Eq. (61) reproduces Appendix D over 11 decades of R with one rule, rtol 1e-12.

    The |k| log k² case changes sign at ζ = 3 (R ≈ 2.5); there the comparison is made
    with an absolute tolerance relative to the neighbouring scale (|W| R⁴ π² ~ 1).
    """
    W = D.transform(im_w, R_WIDE)
    ref = exact(R_WIDE)
    n, l, kind = nl
    ref_f = F.I_nl(n, l, R_WIDE) if kind == "I" else F.H_nl(n, l, R_WIDE)
    scale = np.abs(ref) + (1 / (np.pi**2 * R_WIDE**4) if name == "|k| log k^2" else 0)
    assert np.max(np.abs(W - ref) / scale) < RTOL
    assert np.max(np.abs(W - ref_f) / scale) < RTOL


M = 0.7


THRESHOLDS = [
    ("log(k^2+m^2)", lambda mu: np.where(mu >= M, -np.pi, 0.0), (M,),
     lambda r: -(1 + M * r) * np.exp(-M * r) / (2 * np.pi * r**3)),
    ("sqrt(k^2+m^2)", lambda mu: -np.sqrt(np.maximum(mu**2 - M**2, 0.0)), (M,),
     lambda r: -M**2 * kv(2, M * r) / (2 * np.pi**2 * r**2)),
    ("arctan(k/2m)/k", lambda mu: np.where(mu >= 2 * M, np.pi / (2 * mu), 0.0), (2 * M,),
     lambda r: np.exp(-2 * M * r) / (4 * np.pi * r**2)),
]


@pytest.mark.parametrize("name,im_w,bps,exact", THRESHOLDS, ids=[t[0] for t in THRESHOLDS])
def test_thresholds_with_breakpoints(name, im_w, bps, exact):
    """Jumps and √ thresholds of Im W̃ with breakpoints=: rtol 1e-12 from R = 1e-3 up to
    e^{-2mR} ~ 1e-280 (the relative accuracy holds even for exponentially small W)."""
    r = np.geomspace(1e-3, 450.0, 801)
    W = D.transform(im_w, r, breakpoints=bps)
    ref = exact(r)
    assert np.max(np.abs(W / ref - 1)) < RTOL


def test_kink_without_breakpoint_is_not_silent():
    """An undeclared √ threshold makes the rule fail loudly, or (if it converges) be right."""
    im_w, bps, exact = THRESHOLDS[1][1], THRESHOLDS[1][2], THRESHOLDS[1][3]
    r = np.geomspace(0.1, 100.0, 50)
    try:
        W = D.transform(im_w, r)
    except RuntimeError as err:
        assert "breakpoints" in str(err)
    else:
        assert np.max(np.abs(W / exact(r) - 1)) < RTOL
    assert np.max(np.abs(D.transform(im_w, r, breakpoints=bps) / exact(r) - 1)) < RTOL


# ---------------------------------------------------------------------------
# Eq. (62)-type spectral function vs direct mpmath quadrature of Eq. (61)
# ---------------------------------------------------------------------------
DE1, DE2 = -0.375, -4.0 / 9.0      # ΔE(1s->2p), ΔE(1s->3p) in hartree-like units


def _im62_mp(mu):
    """One (m1, m2) term of Eq. (62) with p1 = p2 = 1 (mpmath; cancellations at small μ)."""
    a, b = mpmath.mpf(DE1), mpmath.mpf(DE2)

    def q(d):
        return mu**4 + 4 * mu**2 * d**2 + 8 * d**4

    br = (q(a) * b * mpmath.acot(2 * abs(a) / mu) - q(b) * a * mpmath.acot(2 * abs(b) / mu)) / (mu * (a**2 - b**2))
    return -(4 * a * b + br) / (16 * mpmath.pi)


_im62_vec = np.frompyfunc(lambda m: _im62_mp(mpmath.mpf(float(m))), 1, 1)


def _im62(mu):
    with mpmath.workdps(60):
        return np.array(_im62_vec(np.asarray(mu, dtype=float)), dtype=float)


def _w61_mpmath(r):
    """Eq. (61) by mpmath.quad at 30 digits (integrand split at the scales 1/R and |ΔE|)."""
    with mpmath.workdps(30):
        rr = mpmath.mpf(r)
        with mpmath.workdps(60):
            f = lambda mu: mu * mpmath.exp(-mu * rr) * _im62_mp(mu)   # noqa: E731
            pts = sorted({mpmath.mpf(0), 1 / rr, 10 / rr, mpmath.mpf(1), mpmath.inf})
            val = mpmath.quad(f, pts)
        return float(val / (2 * mpmath.pi**2 * rr))


def test_eq62_type_vs_mpmath_quadrature():
    """Smooth arccot structure of Eq. (62) (no breakpoints needed): rtol 1e-12 vs mpmath
    over R = 0.05 … 5e5 (London-like μ³ and Casimir-Polder-like μ⁴ regimes)."""
    r = np.array([0.05, 0.7, 3.0, 20.0, 300.0, 5e5])
    rule = D.prepare(_im62, 0.05, 5e5)
    W = rule(r)
    ref = np.array([_w61_mpmath(x) for x in r])
    assert np.max(np.abs(W / ref - 1)) < RTOL


# ---------------------------------------------------------------------------
# API behaviour
# ---------------------------------------------------------------------------

def test_shape_order_and_rule_reuse():
    im_w = CLOSED_FORMS[0][1]
    r = np.random.default_rng(3).uniform(0.5, 50.0, size=(4, 5))
    W = D.transform(im_w, r)
    assert W.shape == (4, 5)
    assert np.allclose(W, -1 / (np.pi**2 * r**4), rtol=RTOL, atol=0)
    rule = D.prepare(im_w, 0.1, 100.0)
    assert np.allclose(rule(r), W, rtol=RTOL, atol=0)
    assert np.ndim(rule(2.0)) == 0
    assert rule.mu.shape == rule.weights.shape
    # the rule as a sum of exponentials
    assert math.isclose(float(np.sum(rule.weights * np.exp(-rule.mu * 2.0)) / 2.0),
                        float(rule(2.0)), rel_tol=1e-13)
    assert np.all(D.transform(lambda mu: 0.0 * mu, [1.0, 2.0]) == 0)
    assert D.transform(im_w, np.array([])).shape == (0,)


def test_im_w_called_once_per_round_on_few_nodes():
    """im_w is evaluated on a few hundred nodes, independently of the number of R."""
    calls = []

    def im_w(mu):
        calls.append(mu.size)
        return -mu

    D.transform(im_w, np.geomspace(1.0, 1e6, 50_000))
    assert sum(calls) < 2000


@pytest.mark.parametrize("bad", [0.0, -1.0, np.nan, np.inf])
def test_bad_R(bad):
    with pytest.raises(ValueError, match="R"):
        D.transform(lambda mu: -mu, [1.0, bad])


def test_bad_inputs():
    rule = D.prepare(lambda mu: -mu, 1.0, 10.0)
    with pytest.raises(ValueError, match="R_min, R_max"):
        rule(20.0)
    with pytest.raises(ValueError, match="R_min"):
        D.prepare(lambda mu: -mu, 10.0, 1.0)
    with pytest.raises(ValueError, match="vectorised"):
        D.transform(lambda mu: 1.0, [1.0])
    with pytest.raises(ValueError, match="non-finite"):
        D.transform(lambda mu: np.where(mu > 1, np.nan, mu), [1.0])
    with pytest.raises(TypeError, match="real"):
        D.transform(lambda mu: mu + 1j, [1.0])
    with pytest.raises(ValueError, match="diverges"):
        D.transform(lambda mu: mu**-2.5, [1.0, 10.0])       # μ Im W̃ not integrable at 0
    with pytest.raises(ValueError, match="breakpoints"):
        D.transform(lambda mu: -mu, [1.0], breakpoints=[-1.0])
    with pytest.raises(ValueError, match="rtol"):
        D.transform(lambda mu: -mu, [1.0], rtol=0.0)
    with pytest.raises(TypeError, match="callable"):
        D.transform([1.0], [1.0])
