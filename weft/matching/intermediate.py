"""Sec. VI: the intermediate-distance van der Waals potential, R ~ 1/(m α²).

Two independent routes to the dispersive (electric-dipole, one-loop) potential W^(0):

1. the paper's route, Eqs. (61) and (62): the imaginary part of W̃_E^1loop on the
   imaginary axis |k| = η - iμ as a double state sum, then the dispersive Fourier
   transform; implemented in :func:`im_w_tilde` and :func:`potential_eq61`;
2. the Casimir-Polder representation (Casimir & Polder 1948; Feinberg, Sucher & Au 1989)
   W(R) = -(1/πR⁶) ∫₀^∞ du α₁(iu) α₂(iu) e^{-2uR/c} P(uR/c),
   P(x) = x⁴ + 2x³ + 5x² + 6x + 3 (atomic units, c = 1/α), built from the dynamic
   polarizabilities of ``hydrogen``; implemented in :func:`potential_cp`; for fast
   evaluation (:func:`potential_fast`) a Chebyshev interpolant in log R below 1e5 bohr and
   the exact large-distance expansion in (c/R)² (Casimir-Polder and its corrections, from
   the inverse oscillator-strength moments) above.

Tests show the two agree to ≤ 1e-10 for 1 ≤ R ≤ 10⁶ bohr.

Eq. (62) for upward transitions (ΔE_i = -a_i < 0, the only kind for ground states) is

    Im W̃(η - iμ) = -(1/16π) Σ p₁ p₂ Φ(μ; a, b),
    Φ = 4ab + [a Q(b) T(b) - b Q(a) T(a)] / (μ (a² - b²)),

with Q(x) = μ⁴ + 4μ²x² + 8x⁴ and T(x) = arccot(2x/μ). Writing Q T/(μ x) = x² P(μ²/x²),
P(w) = (w² + 4w + 8) arctan(√w/2)/√w = 4 + 5w/3 + 23w²/60 + …, one has
Φ = -ab [Ψ(a²) - Ψ(b²)]/(a² - b²) with Ψ(s) = s R(μ²/s), R(w) = P(w) - 4 - 5w/3:
the two leading Taylor terms cancel analytically (they would cancel numerically to
(μ/a)⁴ otherwise, e.g. 1e-14 at R = 10⁶ bohr), and the removable singularity at a = b
(the diagonal m₁ = m₂ for identical atoms) becomes the derivative Ψ'(s) = R - w R'.
For small μ, Φ → (23/60) μ⁴/(ab), i.e. Im W̃ → -(23π/240) α₁α₂ μ⁴, the imaginary part of
the seagull term Eq. (49): the Casimir-Polder limit.
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np

from hydrogen.sums import polarizability

from .. import dispersive, units
from ..pair import GROUND, Pair
from .base import (Contribution, check_nu, divided_difference, natural_rules, near_diagonal,
                   taylor_divided_difference)
from .local import intermediate_local
from .magnetic import magnetic_contact_coefficient, magnetic_dipole_potential

__all__ = ["ORDERS", "im_w_tilde", "potential_eq61", "potential_cp", "potential_fast",
           "w_tilde_1loop", "contributions"]

#: Order keys of the intermediate regime: the magnetic term and the dispersive potential.
ORDERS = ("-1", "0")


# ---------------------------------------------------------------------------
# Eq. (62)
# ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _p_series(terms: int = 22) -> np.ndarray:
    """Exact Taylor coefficients of P(w) = (w²+4w+8) arctan(√w/2)/√w in w."""
    from fractions import Fraction     # here: fractions (and decimal) cost ~4 ms at import
    g = [Fraction((-1) ** j, 2 * (2 * j + 1) * 4 ** j) for j in range(terms)]   # arctan(√w/2)/√w
    c = [8 * g[j] + (4 * g[j - 1] if j >= 1 else 0) + (g[j - 2] if j >= 2 else 0)
         for j in range(terms)]
    return np.array([float(x) for x in c])


_W_SERIES = 0.5   # below: Taylor series (radius 4, terms fall like 8^-j); above: closed form


def _r_and_derivs(w: np.ndarray, order: int = 3):
    """[R, R', …, R^(order)] for R(w) = P(w) - 4 - 5w/3 (w ≥ 0), without cancellation."""
    c = _p_series()
    w = np.asarray(w, dtype=float)
    small = w < _W_SERIES
    out = [np.empty_like(w) for _ in range(order + 1)]
    ws = w[small]
    js = np.arange(c.size)
    base = c.copy()
    base[:2] = 0.0                                          # R drops the terms 4 + 5w/3
    for k in range(order + 1):
        # R^(k)(w) = Σ_j c_j j!/(j-k)! w^(j-k)
        fall = np.prod([js - i for i in range(k)], axis=0) if k else np.ones(c.size)
        coef = (base * fall)[k:]
        out[k][small] = np.polynomial.polynomial.polyval(ws, coef)
    wb = w[~small]
    if wb.size:
        s = np.sqrt(wb)
        t = np.arctan(s / 2)
        q = wb * wb + 4 * wb + 8
        P = q * t / s
        # derivatives of P by the product rule; d/dw arctan(√w/2) = 1/(√w (4 + w))
        dt = 1.0 / (s * (4.0 + wb))
        ddt = -(4.0 + 3.0 * wb) / (2.0 * s ** 3 * (4.0 + wb) ** 2)
        dddt = (15.0 * wb * wb + 40.0 * wb + 48.0) / (4.0 * s ** 5 * (4.0 + wb) ** 3)
        u = q / s                                           # (w²+4w+8) w^{-1/2}
        du = (2 * wb + 4) / s - 0.5 * q / s ** 3
        ddu = 2.0 / s - (2 * wb + 4) / s ** 3 + 0.75 * q / s ** 5
        dddu = -3.0 / s ** 3 + 2.25 * (2 * wb + 4) / s ** 5 - 1.875 * q / s ** 7
        out[0][~small] = P - 4.0 - 5.0 * wb / 3.0
        if order == 0:
            return out
        out[1][~small] = du * t + u * dt - 5.0 / 3.0
        out[2][~small] = ddu * t + 2 * du * dt + u * ddt
        out[3][~small] = dddu * t + 3 * ddu * dt + 3 * du * ddt + u * dddt
    return out


def _psi(s: np.ndarray, mu2: np.ndarray) -> np.ndarray:
    """Ψ(s) = s R(μ²/s)."""
    return s * _r_and_derivs(mu2 / s, 0)[0]


def _phi(mu: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Φ(μ; a, b) of Eq. (62) (module docstring) for a, b > 0, broadcasting."""
    mu, a, b = np.broadcast_arrays(mu, a, b)
    mu2 = mu * mu
    sa, sb = a * a, b * b
    h = sa - sb
    m = 0.5 * (sa + sb)
    near = near_diagonal(sa, sb)
    dd = np.empty(mu.shape)
    far = ~near
    dd[far] = (_psi(sa[far], mu2[far]) - _psi(sb[far], mu2[far])) / h[far]
    if np.any(near):
        w = mu2[near] / m[near]
        dd[near] = taylor_divided_difference(*_psi_derivs(w, mu2[near]), h[near])
    return -a * b * dd


def _psi_derivs(w: np.ndarray, mu2: np.ndarray):
    """(Ψ', Ψ''') at s = μ²/w: Ψ' = R - wR', Ψ''' = -(w⁴/μ⁴)(3R'' + wR''')."""
    R, R1, R2, R3 = _r_and_derivs(w)
    return R - w * R1, -(w ** 4 / mu2 ** 2) * (3 * R2 + w * R3)


def _check_upward(dE, name):
    """Argument check of the array kernels: Eq. (62) as written here needs ΔE < 0."""
    if np.any(np.asarray(dE) >= 0):
        raise ValueError(f"{name} must be < 0 everywhere: Eq. (62) is implemented for upward "
                         "transitions only (atoms whose intermediate levels all lie above "
                         "them, e.g. 1s)")


def im_w_tilde(mu, dE1, p1, dE2, p2, chunk: int = 4_000_000):
    """Im W̃_E^1loop(η - iμ), Eq. (62), natural units.

    Parameters
    ----------
    mu : array_like
        μ > 0, |k| = η - iμ: a momentum in the unit of dE (natural units: m_e, ħ = c = 1;
        the formula is homogeneous, so any consistent unit works).
    dE1, p1, dE2, p2 : ndarray
        Spectral rules of the two atoms: ΔE_nm (< 0) and p_E(n,m) (see :func:`natural_rule`).
    chunk : int
        Bound on the number of (μ, pair) terms evaluated at once (memory).

    Returns
    -------
    ndarray like ``mu``: Im W̃ in natural units (energy × length³ = m_e⁻²).

    Notes
    -----
    Exact identical rules are detected and only pairs i ≤ j are summed (symmetry of Φ).

    Examples
    --------
    >>> from weft.matching.base import natural_rule
    >>> dE, p = natural_rule("1s")
    >>> bool(im_w_tilde(1e-6, dE, p, dE, p) < 0)
    True
    """
    mu = np.asarray(mu, dtype=float)
    if np.any(~np.isfinite(mu)) or np.any(mu <= 0):
        raise ValueError("mu must be finite and > 0")
    _check_upward(dE1, "dE1")
    _check_upward(dE2, "dE2")
    a, b = -np.asarray(dE1, float), -np.asarray(dE2, float)
    p1, p2 = np.asarray(p1, float), np.asarray(p2, float)
    same = a.shape == b.shape and np.array_equal(a, b) and np.array_equal(p1, p2)
    if same:
        i, j = np.triu_indices(a.size)
    else:
        i, j = (x.ravel() for x in np.meshgrid(np.arange(a.size), np.arange(b.size), indexing="ij"))
    # Im W~ = -(1/16π) Σ p p Φ = (1/16π) Σ p₁p₂ a b DD[Ψ](a², b²)
    weight = p1[i] * p2[j] * a[i] * b[j]
    if same:
        weight = np.where(i == j, weight, 2.0 * weight)
    sa, sb = a * a, b * b
    h = sa[i] - sb[j]
    mid = 0.5 * (sa[i] + sb[j])
    near = near_diagonal(sa[i], sb[j])
    fi, fj, fh, fw = i[~near], j[~near], h[~near], weight[~near]
    nm, nh, nw = mid[near], h[near], weight[near]
    flat = mu.ravel()
    out = np.empty(flat.size)
    step = max(1, chunk // max(fi.size, 1))
    for start in range(0, flat.size, step):
        m2 = flat[start:start + step, None] ** 2
        psi_a = _psi(np.broadcast_to(sa, (m2.shape[0], sa.size)), m2)
        psi_b = psi_a if same else _psi(np.broadcast_to(sb, (m2.shape[0], sb.size)), m2)
        total = ((psi_a[:, fi] - psi_b[:, fj]) / fh) @ fw
        if nm.size:
            w = m2 / nm[None, :]
            total += taylor_divided_difference(*_psi_derivs(w, m2), nh) @ nw
        out[start:start + step] = total
    return (out / (16 * np.pi)).reshape(mu.shape)


@lru_cache(maxsize=8)
def _gauss_legendre(nodes: int) -> tuple[np.ndarray, np.ndarray]:
    """Gauss-Legendre nodes and weights on [-1, 1] (computed once per size: ~0.3 ms each)."""
    x, w = np.polynomial.legendre.leggauss(nodes)
    x.setflags(write=False)
    w.setflags(write=False)
    return x, w


def _log_panels(lo: float, hi: float, nodes: int, ratio: float = 2.0):
    """Composite Gauss-Legendre nodes/weights in log μ on [lo, hi]."""
    x, w = _gauss_legendre(nodes)
    n_pan = max(1, int(np.ceil(np.log(hi / lo) / np.log(ratio))))
    edges = np.exp(np.linspace(np.log(lo), np.log(hi), n_pan + 1))
    le = np.log(edges)
    t = 0.5 * (le[1:, None] - le[:-1, None]) * x[None, :] + 0.5 * (le[1:, None] + le[:-1, None])
    wt = 0.5 * (le[1:, None] - le[:-1, None]) * w[None, :]
    mu = np.exp(t).ravel()
    return mu, (wt.ravel() * mu)


def potential_eq61(R_bohr, pair: Pair = GROUND):
    """W^(0) from Eqs. (61) and (62): dispersive transform of the double state sum.

    W(R) = (1/(2π²R)) ∫₀^∞ dμ e^{-μR} μ Im W̃_E^1loop(η - iμ), evaluated in natural units by
    :func:`weft.dispersive.transform` (one μ rule shared by all R, error-controlled).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr (> 0).
    pair : Pair
        Atoms whose intermediate levels all lie above them (1s-1s).

    Returns
    -------
    ndarray like R_bohr: W in hartree (non-local part; δ³(R) terms excluded).

    Examples
    --------
    >>> import numpy as np
    >>> w = potential_eq61([100.0])
    >>> bool(abs(w[0] / potential_cp([100.0])[0] - 1) < 1e-10)
    True
    """
    R = _check_r(R_bohr)
    pair.require_levels_above("Eq. (62)")
    dE1, p1, dE2, p2 = natural_rules(pair)
    w_nat = dispersive.transform(lambda mu: im_w_tilde(mu, dE1, p1, dE2, p2), R / units.ALPHA)
    return w_nat / units.ALPHA ** 2


# ---------------------------------------------------------------------------
# Casimir-Polder representation (second route, production)
# ---------------------------------------------------------------------------

_CP = "the Casimir-Polder representation (intermediate regime, Sec. VI)"
_check_r = dispersive.check_distances     # finite, > 0 (any length unit)


def _cp_nodes(R: float, nodes: int = 16):
    """u-quadrature for the Casimir-Polder integral at one R (hartree)."""
    c = units.C_AU
    u_lo = 1e-3 * min(0.1, c / R)
    u_hi = min(1e6, 50.0 * c / R)
    x, w = _gauss_legendre(nodes)
    mu, wmu = _log_panels(u_lo, max(u_hi, 10 * u_lo), nodes, ratio=4.0)
    first = 0.5 * u_lo * (x + 1), 0.5 * u_lo * w
    return np.concatenate([first[0], mu]), np.concatenate([first[1], wmu])


def potential_cp(R_bohr, pair: Pair = GROUND):
    """W^(0) in the Casimir-Polder representation, atomic units (direct quadrature).

    W(R) = -(1/πR⁶) ∫₀^∞ du α₁(iu) α₂(iu) e^{-2uR/c} P(uR/c), P(x) = x⁴+2x³+5x²+6x+3
    (Casimir & Polder, Phys. Rev. 73, 360 (1948); Feinberg, Sucher & Au, Phys. Rep. 180, 83
    (1989)), equivalent to Eqs. (54), (61), (62) for ground-state atoms.

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr (> 0).
    pair : Pair
        Atoms whose intermediate levels all lie above them (1s-1s).

    Returns
    -------
    ndarray like R_bohr: W in hartree.

    Examples
    --------
    >>> round(float(potential_cp(100.0)) * 1e12, 6)
    -6.338524
    """
    R = _check_r(R_bohr)
    pair.require_levels_above(_CP)
    flat = R.ravel()
    c = units.C_AU
    nodes = [_cp_nodes(r) for r in flat]
    u = np.concatenate([n[0] for n in nodes])
    # one polarizability evaluation for all R (the costly part), then per-R sums
    shifts = pair.level_shifts
    a1 = polarizability(pair.state1, 1j * u, level_shifts=shifts)
    a2 = a1 if pair.same_level else polarizability(pair.state2, 1j * u, level_shifts=shifts)
    w = np.concatenate([n[1] for n in nodes])
    rr = np.repeat(flat, [n[0].size for n in nodes])
    x = u * rr / c
    poly = (((x + 2) * x + 5) * x + 6) * x + 3
    terms = w * a1 * a2 * np.exp(-2 * x) * poly
    sums = np.add.reduceat(terms, np.cumsum([0] + [n[0].size for n in nodes[:-1]])) if flat.size else terms
    return (-sums / (np.pi * flat ** 6)).reshape(R.shape)


# ---------------------------------------------------------------------------
# Fast evaluation for 1e-3 <= R <= 1e20 bohr: Chebyshev interpolant below 1e5 bohr,
# the exact large-distance expansion above
# ---------------------------------------------------------------------------

_CHEB_DECADES = (-3, 5)      # interpolant: one panel per decade, 1e-3 <= R < 1e5 bohr
_CHEB_NODES = 24             # Chebyshev points per decade: interpolation error ~1e-15
_R_SERIES = 10.0 ** _CHEB_DECADES[1]    # large-R expansion from here on
_SERIES_TERMS = 8            # at R = 1e5 the 8th term is < 1e-24 of the first (tested)
_RHO = 1000.0                # bohr: R⁶W(1 + R/ρ) is nearly constant (ρ ≈ the London to
                             # Casimir-Polder crossover 23cα²/(4πC6) = 781 bohr for 1s-1s),
                             # so the interpolation error is uniform in relative terms
_CHUNK = 8192                # points per evaluation chunk: temporaries stay in cache


@lru_cache(maxsize=16)
def _cp_interpolant(pair: Pair) -> np.ndarray:
    """Chebyshev coefficients of R⁶ W(R) (1 + R/ρ) in log10 R, one column per decade
    (one-off setup, one :func:`potential_cp` call on all nodes); shape (_CHEB_NODES, decades)."""
    lo, hi = _CHEB_DECADES
    k = np.arange(_CHEB_NODES)
    xk = np.cos(np.pi * (k + 0.5) / _CHEB_NODES)            # Chebyshev points of the 1st kind
    R = 10.0 ** (np.arange(lo, hi)[:, None] + 0.5 * (xk[None, :] + 1))
    vals = potential_cp(R.ravel(), pair).reshape(R.shape) * R ** 6 * (1 + R / _RHO)
    return np.polynomial.chebyshev.chebfit(xk, vals.T, _CHEB_NODES - 1)


_P_COEFFICIENTS = (3, 6, 5, 2, 1)          # P(x) = 3 + 6x + 5x² + 2x³ + x⁴


@lru_cache(maxsize=16)
def _large_r_coefficients(pair: Pair) -> np.ndarray:
    """b_k of W(R) = -(c/(πR⁷)) Σ_k b_k (c/R)^{2k} (atomic units), for R ≥ _R_SERIES.

    With x = uR/c the Casimir-Polder integral reads
    W = -(c/(πR⁷)) ∫₀^∞ dx α₁(icx/R) α₂(icx/R) e^{-2x} P(x), and below the first resonance
    α(iu) = Σ_j (-1)^j S(-2-2j) u^{2j} (S(k) = Σ f ω^k), so

        b_k = (-1)^k Σ_{i+j=k} S₁(-2-2i) S₂(-2-2j) · ∫₀^∞ x^{2k} e^{-2x} P(x) dx,
        ∫₀^∞ x^p e^{-2x} dx = p!/2^{p+1};

    b_0 = (23/4) α₁α₂ gives Casimir-Polder, Eq. (52), b_1 its R⁻⁹ correction. The
    expansion of α(iu) converges for u < ω_min (3/8 hartree for 1s), i.e. x < ω_min R/c
    = 274 at R = 1e5 bohr: the integrand beyond is below e^{-548}, so the series, cut
    after _SERIES_TERMS terms, is exact to rounding there (tested against
    :func:`potential_cp` and against the exact 1s moments of hydrogen.sturmian).
    """
    def inverse_moments(rule):
        w, x2 = rule.omega, rule.x2
        return [2.0 * float(np.sum(x2 * w ** (-1.0 - 2 * j))) for j in range(_SERIES_TERMS)]

    rule1, rule2 = pair.rules()
    s1 = inverse_moments(rule1)
    s2 = s1 if pair.same_level else inverse_moments(rule2)
    b = []
    for k in range(_SERIES_TERMS):
        a_k = math.fsum(s1[i] * s2[k - i] for i in range(k + 1))
        m_k = sum(p * math.factorial(2 * k + q) / 2.0 ** (2 * k + q + 1)
                  for q, p in enumerate(_P_COEFFICIENTS))
        b.append((-1) ** k * a_k * m_k)
    return np.array(b)


def _w_large_r(R: np.ndarray, b: np.ndarray) -> np.ndarray:
    """W(R) from the large-distance expansion (:func:`_large_r_coefficients`), hartree."""
    c = units.C_AU
    z = (c / R) ** 2
    acc = np.full(R.shape, b[-1])
    for bk in b[-2::-1]:
        acc = acc * z + bk
    return -(c / np.pi) * acc / R ** 7


def _w_chebyshev(R: np.ndarray, coefs: np.ndarray) -> np.ndarray:
    """W(R) from the per-decade interpolant, for _R_MIN <= R < _R_SERIES (hartree)."""
    t = np.log10(R) - _CHEB_DECADES[0]
    panel = np.minimum(t.astype(int), coefs.shape[1] - 1)
    x = 2.0 * (t - panel) - 1.0
    c = np.take(coefs, panel, axis=1)                      # (nodes, points), contiguous rows
    # Clenshaw recurrence, in place: b_j = 2x b_{j+1} - b_{j+2} + c_j
    x2 = 2.0 * x
    b1, b2, tmp = c[-1].copy(), np.zeros_like(x), np.empty_like(x)
    for j in range(c.shape[0] - 2, 0, -1):
        np.multiply(x2, b1, out=tmp)
        tmp -= b2
        tmp += c[j]
        b1, b2, tmp = tmp, b1, b2
    b1 *= x
    b1 -= b2
    b1 += c[0]
    r2 = R * R
    return b1 / ((r2 * r2 * r2) * (1.0 + R / _RHO))


_R_MIN = 10.0 ** _CHEB_DECADES[0]


def potential_fast(R_bohr, pair: Pair = GROUND):
    """W^(0) (hartree): the Casimir-Polder representation, fast, for 1e-3 <= R <= 1e20 bohr.

    * 1e-3 <= R < 1e5 bohr: per-decade Chebyshev interpolant (24 points in log10 R) of
      R⁶ W(R) (1 + R/ρ), ρ = 1000 bohr, from :func:`potential_cp`, built once per pair of
      states (~0.3 s) and cached; equal to potential_cp to ≤ 1e-13 relative (tested);
    * R >= 1e5 bohr: the large-distance expansion W = -(c/πR⁷) Σ_k b_k (c/R)^{2k}
      (Casimir-Polder, Eq. (52), and its R⁻⁹, R⁻¹¹, … corrections from the inverse
      moments S(-2-2j) of the oscillator strengths), exact to rounding there;
    * R < 1e-3 bohr (outside the window of :func:`weft.potential`): the direct quadrature.

    Evaluated in chunks of 8192 points: memory beyond the output stays ~3 MB at any size.
    Interpolant and expansion are built once per pair of atoms (spins do not enter).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr (> 0).
    pair : Pair
        Atoms whose intermediate levels all lie above them (1s-1s).

    Returns
    -------
    ndarray like R_bohr: W in hartree.

    Examples
    --------
    >>> round(float(potential_fast(100.0)) * 1e12, 6)     # Eqs. (57), (61)
    -6.338524
    """
    R = _check_r(R_bohr)
    atoms = pair.atoms
    atoms.require_levels_above(_CP)
    flat = R.ravel()
    out = np.empty(flat.size)
    coefs = b = None
    for start in range(0, flat.size, _CHUNK):
        r = flat[start:start + _CHUNK]
        w = out[start:start + _CHUNK]
        cheb = (r >= _R_MIN) & (r < _R_SERIES)
        if cheb.all():
            coefs = _cp_interpolant(atoms) if coefs is None else coefs
            w[:] = _w_chebyshev(r, coefs)
            continue
        big = r >= _R_SERIES
        small = r < _R_MIN
        if np.any(cheb):
            coefs = _cp_interpolant(atoms) if coefs is None else coefs
            w[cheb] = _w_chebyshev(r[cheb], coefs)
        if np.any(big):
            b = _large_r_coefficients(atoms) if b is None else b
            w[big] = _w_large_r(r[big], b)
        if np.any(small):
            w[small] = potential_cp(r[small], atoms)
    return out.reshape(R.shape)


# ---------------------------------------------------------------------------
# Eq. (54) in momentum space (for the cross-checks of Sec. VI)
# ---------------------------------------------------------------------------

def _g_of_dE(k2, dE, nu, printed=False):
    """G(ΔE) = [2k² J(ΔE) - (k⁴ - 4k²ΔE² + 8ΔE⁴) K(k², ΔE)]/ΔE (d = 4 in 4(d-2)).

    The factor 2 of the J term corrects the printed Eq. (54) (erratum E6); ``printed=True``
    gives the literal printed expression, for the test that documents the misprint.
    """
    jfac = 1.0 if printed else 2.0
    from .. import loops
    q = k2 * k2 - 4 * k2 * dE * dE + 8 * dE ** 4
    return (jfac * k2 * loops.J(dE, nu) - q * loops.K(k2, dE, nu)) / dE


def _g_derivatives(k2, nu, printed):
    """g(x) = G(-√x) (x = ΔE², ΔE < 0) and its 1st and 3rd derivatives in x, for the
    divided difference near the diagonal. The loop functions have no closed-form ΔE
    derivative here, so the derivatives are central differences: the first to O(s^4)
    with s = 1e-3 x (truncation ~1e-13, round-off ~eps/1e-3 = 2e-13 relative), the third
    to O(s^2) with s = 1e-2 x (~1e-4 relative, multiplied by h^2/24 <= 4e-10 m^2 in the
    Taylor term: negligible)."""
    def g(x):
        return _g_of_dE(k2, -np.sqrt(x), nu, printed)

    def dg(x):
        s = 1e-3 * x
        return (8 * (g(x + s) - g(x - s)) - (g(x + 2 * s) - g(x - 2 * s))) / (12 * s)

    def d3g(x):
        s = 1e-2 * x
        return (g(x + 2 * s) - 2 * g(x + s) + 2 * g(x - s) - g(x - 2 * s)) / (2 * s ** 3)

    return g, dg, d3g


def w_tilde_1loop(k2, pair: Pair = GROUND, nu=1.0, *, printed=False):
    """W̃_E^1loop(k) of Eq. (54) for S-wave atoms, natural units, MS-bar (λ → 0).

    With G(ΔE) = [2k²J(ΔE) - (k⁴ - 4k²ΔE² + 8ΔE⁴)K(k², ΔE)]/ΔE, Eq. (54) reads

        W̃ = Σ' p₁p₂ ΔE₁ΔE₂ { [G(ΔE₁) - G(ΔE₂)] / (2(ΔE₁² - ΔE₂²)) - (1/4π²)(1 - log(k²/ν²)) },

    where the last term is -((d-2)/2)ΔE₁ΔE₂A_{3/2} with (d-2)/2 = 1 - ε expanded before the
    pole is dropped. The divided difference in ΔE² is :func:`weft.matching.base.divided_difference`
    (its derivatives by central differences, :func:`_g_derivatives`). The J term carries
    twice its printed weight: only then does Eq. (54) expand into Eqs. (22)-(25) for
    |k| ≫ ΔE and into Eqs. (40)-(42), (49) for |k| ≪ ΔE (erratum E6; ``printed=True``
    evaluates the printed form). Its imaginary part on |k| = η - iμ is Eq. (62) (J is real
    for ΔE < 0).

    Parameters
    ----------
    k2 : array_like
        |k|², real > 0, or complex -μ² + 0j for |k| = η - iμ (branch of :mod:`weft.loops`).
    pair : Pair
        S-wave atoms whose intermediate levels all lie above them (1s-1s).
    nu : float
        MS-bar scale (natural units, m_e = 1).
    printed : bool
        Evaluate the printed (misprinted) weight of the J term instead (erratum E6).

    Returns
    -------
    complex ndarray like k2.

    Examples
    --------
    >>> w = w_tilde_1loop(1e-8 + 0j)
    >>> bool(np.isfinite(w))
    True
    """
    from .. import loops
    pair.require_levels_above("Eq. (54)")
    dE1, p1, dE2, p2 = natural_rules(pair)
    k2 = np.asarray(k2)
    out = np.empty(k2.shape, dtype=complex)
    x1, x2 = (dE1 * dE1)[:, None], (dE2 * dE2)[None, :]
    for idx, k in np.ndenumerate(k2):
        g, dg, d3g = _g_derivatives(k, nu, printed)
        dd = divided_difference(g, dg, d3g, x1, x2,
                                g1=_g_of_dE(k, dE1, nu, printed)[:, None],
                                g2=_g_of_dE(k, dE2, nu, printed)[None, :])
        loga = loops.A(1.5, k, nu) - 1.0 / (4 * np.pi ** 2)      # (d-2)/2 A_{3/2}, MS-bar
        term = (dE1[:, None] * dE2[None, :]) * (0.5 * dd - loga)
        out[idx] = np.sum(p1[:, None] * p2[None, :] * term)
    return out[()] if out.ndim == 0 else out


def contributions(R_bohr, pair: Pair = GROUND, nu=None, r_hat=None):
    """All intermediate-distance terms (Sec. VI) at R (bohr), values in hartree.

    Order "-1": the magnetic dipole-dipole potential, Eqs. (44), (56); order "0": the
    dispersive two-photon potential, Eqs. (54), (57), (61), (62), by the Casimir-Polder
    representation (:func:`potential_fast`), with the local terms of Eqs. (54) + (55): the
    subtraction constants of the twice-subtracted Eq. (60) (:mod:`weft.matching.local`),
    equal to the long regime's Eqs. (39)-(41) and ν-independent (Eq. (58)).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr.
    pair : Pair
        Atoms whose intermediate levels all lie above them (1s-1s); its spins set the
        magnetic term.
    nu : float, optional
        MS-bar scale in units of m_e (the contact coefficient).
    r_hat : 3-vector, optional
        Direction of R (default z).

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`

    Examples
    --------
    >>> [c.order for c in contributions(100.0)]
    ['-1', '0']
    """
    R = np.asarray(R_bohr, dtype=float)
    local = intermediate_local(pair, check_nu(nu))
    return [
        Contribution("magnetic dipole-dipole", "-1", "Eqs. (44), (56)",
                     magnetic_dipole_potential(R, pair.spins, r_hat),
                     {"delta3": magnetic_contact_coefficient(pair.spins)},
                     "textbook sign; see docs/errata.md E3-E4"),
        Contribution("two-photon exchange (dispersive)", "0", "Eqs. (54), (57), (61), (62)",
                     potential_fast(R, pair), local,
                     "non-local part from the Casimir-Polder representation (equal to Eqs. "
                     "(61)+(62) to 1e-10, tested); local terms: subtraction constants of "
                     "Eq. (60) + contact Eq. (55), ν-independent (= Eqs. (39)-(41))"),
    ]
