"""The free-space dyadic Green tensor G₀(r, ω), its curl and its gradient (SI).

Convention (the one used everywhere in ``weft.fields``)
-------------------------------------------------------
G₀ is the usual retarded Green tensor of the vector Helmholtz equation,

    (∇×∇× − k²) G₀(r, r', ω) = δ(r − r') 𝟙,        k = ω/c,

so that a point dipole p at r' (time dependence e^{−iωt}) radiates the field

    E(r) = μ₀ ω² G₀(r, r', ω)·p = k² G₀·p/ε₀,        B(r) = −iμ₀ω [∇×G₀]·p.

With r = r − r' (field point minus source point), r = |r|, r̂ = r/r and y = ikr,

    G₀ = e^{ikr}/(4πr) [(1 + i/(kr) − 1/(kr)²) 𝟙 + (−1 − 3i/(kr) + 3/(kr)²) r̂r̂]
       = [A(y) 𝟙 + B(y) r̂r̂] / (4πk²r³),
    A(y) = e^y (−1 + y − y²),        B(y) = e^y (3 − 3y + y²),

plus −δ(r)𝟙/(3k²), not included (every function here requires r ≠ 0). This is
Jackson, *Classical Electrodynamics* (3rd ed.), Eq. (9.18) for E and H of an oscillating
dipole, and Buhmann, *Dispersion Forces I* (Springer 2012), the free-space Green tensor.
It is analytic in the upper half ω-plane; at ω = iξ (ξ > 0) it is real,

    G₀(r, iξ) = e^{−x}/(4πr x²) [(1 + x + x²) 𝟙 − (3 + 3x + x²) r̂r̂],   x = ξr/c,

and for real ω its coincidence limit is Im G₀(r, r, ω) = (ω/6πc) 𝟙
(:func:`im_green_coincident`). The static limit is the point-dipole field:
k²G₀ → (3r̂r̂ − 𝟙)/(4πr³) (:func:`dipole_field_tensor`, Jackson Eq. (4.13)).

Other conventions in the seeds: the Donaire seeds (000 Eq. (7), 001 Eq. (9),
004 Eq. (9)) write 𝔾 = k e^{ikR}/(−4π) [α/kR + iβ/(kR)² − β/(kR)³] with
α = 𝟙 − R̂R̂, β = 𝟙 − 3R̂R̂, which is **−G₀**; seed 003 Eq. (C1) prints −G₀ as well
(a sign misprint there, docs/fields.md F1).

Numerics: A, B and the polynomials of the curl and gradient are all e^y p(y) with
integer polynomials p. For |y| ≤ 1 they are summed as Taylor series with exact rational
coefficients (no cancellation: Im G₀ → k/6π is an O((kr)²) remainder of O(1) terms in
the closed form), for |y| > 1 in closed form. Relative accuracy ~1e-15 (tested against
mpmath at 40 digits).
"""
from __future__ import annotations

import math
from fractions import Fraction
from functools import lru_cache

import numpy as np

from .si import C

__all__ = ["green_tensor", "dipole_field_tensor", "curl_green_tensor", "grad_green_tensor",
           "im_green_coincident", "trace_gg_imaginary", "cp_kernel"]

# e^y p(y) polynomials (ascending powers of y = ikr)
_A = (-1, 1, -1)                 # 𝟙 part of 4πk²r³ G₀
_B = (3, -3, 1)                  # r̂r̂ part
_CURL = (-1, 1)                  # 4πr² dg/dr, g = e^{ikr}/(4πr)
_GRAD_1 = (3, -3, 2, -1)         # r̂_k δ_ij part of 4πk²r⁴ ∂_k G_ij
_GRAD_3 = (-15, 15, -6, 1)       # r̂_i r̂_j r̂_k part (the δ_ki r̂_j + δ_kj r̂_i part is B)
_SERIES_RADIUS = 1.0             # |y| below: Taylor series (terms ≤ e^{|y|} × result)
_SERIES_TERMS = 32               # n³/n! < 1e-30 for n = 32 at |y| = 1


@lru_cache(maxsize=None)
def _series(p: tuple) -> np.ndarray:
    """Taylor coefficients of e^y p(y): c_n = Σ_m p_m/(n − m)!, exact, rounded once."""
    coef = []
    for n in range(_SERIES_TERMS):
        s = sum(Fraction(pm, math.factorial(n - m)) for m, pm in enumerate(p) if m <= n)
        coef.append(float(s))
    return np.array(coef)


def _exp_poly(y: np.ndarray, p: tuple) -> np.ndarray:
    """e^y p(y) for complex y (any shape), accurate also where it cancels for small |y|."""
    out = np.empty(y.shape, dtype=complex)
    small = np.abs(y) <= _SERIES_RADIUS
    if np.any(small):
        out[small] = np.polynomial.polynomial.polyval(y[small], _series(p))
    big = ~small
    if np.any(big):
        yb = y[big]
        out[big] = np.exp(yb) * np.polynomial.polynomial.polyval(yb, np.array(p, float))
    return out


def _check_omega(omega, *, allow_zero: bool) -> np.ndarray:
    om = np.asarray(omega)
    if om.dtype.kind not in "iufc":
        raise ValueError(f"omega must be a number or an array of numbers (rad/s), got {omega!r}")
    om = om.astype(complex)
    if not np.all(np.isfinite(om)):
        raise ValueError("omega must be finite (rad/s; real, complex, or 1j*xi on the "
                         "imaginary axis)")
    if not allow_zero and np.any(om == 0):
        raise ValueError("omega = 0: G₀ diverges as c²/ω² in the static limit; use "
                         "dipole_field_tensor (k²G₀, finite at ω = 0)")
    return om


def _geometry(r, omega, *, allow_zero: bool = False):
    """Validated, broadcast (r̂, r, y = ikr, k) for vectors r (..., 3) and frequencies ω."""
    rv = np.asarray(r, dtype=float)
    if rv.ndim == 0 or rv.shape[-1] != 3:
        raise ValueError(f"r must be an array of 3-vectors (shape (..., 3), metres), got shape "
                         f"{rv.shape}")
    if not np.all(np.isfinite(rv)):
        raise ValueError("r must be finite")
    om = _check_omega(omega, allow_zero=allow_zero)
    shape = np.broadcast_shapes(rv.shape[:-1], om.shape)
    rv = np.broadcast_to(rv, shape + (3,))
    om = np.broadcast_to(om, shape)
    dist = np.sqrt(np.einsum("...i,...i->...", rv, rv))
    if np.any(dist == 0):
        raise ValueError("r = 0 (coincident points): G₀ is singular there; for the radiative "
                         "part use im_green_coincident(omega)")
    k = om / C
    return rv / dist[..., None], dist, 1j * k * dist, k


def _outer(u: np.ndarray) -> np.ndarray:
    return u[..., :, None] * u[..., None, :]


def green_tensor(r, omega) -> np.ndarray:
    """Free-space Green tensor G₀(r, ω) at r ≠ 0 (module docstring), in 1/m.

    G₀ = [A(ikr) 𝟙 + B(ikr) r̂r̂]/(4πk²r³), the usual retarded tensor with
    E = μ₀ω²G₀·p (Jackson Eq. (9.18); the Donaire seeds use −G₀, seed 003 (C1) prints
    −G₀).

    Parameters
    ----------
    r : array_like, shape (..., 3)
        Field point minus source point, metres, r ≠ 0.
    omega : complex or array_like
        Angular frequency in rad/s, real, complex, or imaginary (``1j * xi``); ω ≠ 0.
        Broadcast against ``r.shape[:-1]``.

    Returns
    -------
    ndarray of complex, shape broadcast(r.shape[:-1], omega.shape) + (3, 3)

    Examples
    --------
    >>> G = green_tensor([0.0, 0.0, 1e-6], 1j * 1e14)       # imaginary frequency: real
    >>> bool(np.all(G.imag == 0) and G[0, 0].real > 0 > G[2, 2].real)
    True
    """
    rhat, dist, y, k = _geometry(r, omega)
    pref = 1.0 / (4.0 * np.pi * k * k * dist ** 3)
    a = (pref * _exp_poly(y, _A))[..., None, None]
    b = (pref * _exp_poly(y, _B))[..., None, None]
    return a * np.eye(3) + b * _outer(rhat)


def dipole_field_tensor(r, omega) -> np.ndarray:
    """k²G₀(r, ω) = (ω/c)²G₀, finite at ω = 0: E(r) = dipole_field_tensor·p/ε₀ (m⁻³).

    Static limit (ω = 0): (3r̂r̂ − 𝟙)/(4πr³), the field of a point dipole divided by
    1/ε₀ (Jackson Eq. (4.13)).

    Parameters
    ----------
    r : array_like, shape (..., 3)
        Field point minus source point (m), r ≠ 0.
    omega : complex or array_like
        rad/s, any complex value including 0.

    Returns
    -------
    ndarray of complex, shape (..., 3, 3)

    Examples
    --------
    >>> D = dipole_field_tensor([0.0, 0.0, 1.0], 0.0)        # on the dipole axis: 2/(4πr³)
    >>> round(float(D[2, 2].real * 4 * np.pi), 12)
    2.0
    """
    rhat, dist, y, _ = _geometry(r, omega, allow_zero=True)
    pref = 1.0 / (4.0 * np.pi * dist ** 3)
    a = (pref * _exp_poly(y, _A))[..., None, None]
    b = (pref * _exp_poly(y, _B))[..., None, None]
    return a * np.eye(3) + b * _outer(rhat)


def curl_green_tensor(r, omega) -> np.ndarray:
    """Curl of G₀ on its first index: (∇×G₀)_ij = ε_ikl ∂_k G₀_lj (1/m²).

    Since ∇×∇(…) = 0, ∇×G₀ = ∇×(g𝟙) with g = e^{ikr}/(4πr):

        (∇×G₀)·v = g'(r) r̂ × v,     g'(r) = e^{ikr}(ikr − 1)/(4πr²),

    so that B = −iμ₀ω(∇×G₀)·p (Jackson Eq. (9.18), H = (ck²/4π)(n×p)(e^{ikr}/r)(1 − 1/(ikr))).
    The derivative is with respect to the field point r (for the source point r', ∇' = −∇).

    Parameters
    ----------
    r : array_like, shape (..., 3)
        Field point minus source point (m), r ≠ 0.
    omega : complex or array_like
        rad/s (0 allowed: the static curl −r̂×/(4πr²)).

    Returns
    -------
    ndarray of complex, shape (..., 3, 3)

    Examples
    --------
    >>> Cm = curl_green_tensor([1.0, 0.0, 0.0], 0.0)        # static: -(x̂ × ·)/(4π r²)
    >>> round(float((Cm @ np.array([0, 1.0, 0]))[2].real * 4 * np.pi), 12)
    -1.0
    """
    rhat, dist, y, _ = _geometry(r, omega, allow_zero=True)
    gp = _exp_poly(y, _CURL) / (4.0 * np.pi * dist ** 2)
    cross = np.zeros(rhat.shape + (3,))
    # (r̂×)_ij = ε_ikj r̂_k
    cross[..., 0, 1], cross[..., 0, 2] = -rhat[..., 2], rhat[..., 1]
    cross[..., 1, 0], cross[..., 1, 2] = rhat[..., 2], -rhat[..., 0]
    cross[..., 2, 0], cross[..., 2, 1] = -rhat[..., 1], rhat[..., 0]
    return gp[..., None, None] * cross


def grad_green_tensor(r, omega) -> np.ndarray:
    """Gradient of G₀ with respect to the field point: out[..., k, i, j] = ∂_k G₀_ij (1/m²).

    From G₀ = [A 𝟙 + B r̂r̂]/(4πk²r³) and ∂_k r̂_i = (δ_ki − r̂_k r̂_i)/r:

        4πk²r⁴ ∂_k G₀_ij = a₁ r̂_k δ_ij + B (δ_ki r̂_j + δ_kj r̂_i) + a₃ r̂_i r̂_j r̂_k,
        a₁ = e^y(3 − 3y + 2y² − y³),  a₃ = e^y(−15 + 15y − 6y² + y³),  y = ikr.

    Parameters
    ----------
    r : array_like, shape (..., 3)
        Field point minus source point (m), r ≠ 0.
    omega : complex or array_like
        rad/s, ω ≠ 0.

    Returns
    -------
    ndarray of complex, shape (..., 3, 3, 3), index order (k, i, j)

    Examples
    --------
    >>> dG = grad_green_tensor([0.0, 0.0, 2e-7], 3e15)
    >>> bool(np.allclose(np.einsum("...iij->...j", dG), 0, atol=1e-9 * abs(dG).max()))  # ∇·G₀ = 0
    True
    """
    rhat, dist, y, k = _geometry(r, omega)
    pref = 1.0 / (4.0 * np.pi * k * k * dist ** 4)
    a1 = (pref * _exp_poly(y, _GRAD_1))[..., None, None, None]
    a2 = (pref * _exp_poly(y, _B))[..., None, None, None]
    a3 = (pref * _exp_poly(y, _GRAD_3))[..., None, None, None]
    eye = np.eye(3)
    rk_dij = rhat[..., :, None, None] * eye                       # [k, i, j] = r̂_k δ_ij
    dki_rj = eye[:, :, None] * rhat[..., None, None, :]           # δ_ki r̂_j
    dkj_ri = eye[:, None, :] * rhat[..., None, :, None]           # δ_kj r̂_i
    rrr = rhat[..., :, None, None] * rhat[..., None, :, None] * rhat[..., None, None, :]
    return a1 * rk_dij + a2 * (dki_rj + dkj_ri) + a3 * rrr


def im_green_coincident(omega) -> np.ndarray:
    """Im G₀(r, r, ω) = (ω/6πc) 𝟙 for real ω (1/m): the radiative coincidence limit.

    From the series of A(y): the only finite, non-real term as r → 0 is
    −(2/3)y³/(4πk²r³) = ik/(6π) (B contributes O((kr)²)). It gives the free-space
    spontaneous emission rate Γ = (2μ₀ω²/ħ) d*·Im G₀·d = ω³|d|²/(3πε₀ħc³) (Wigner–Weisskopf),
    and seed 003 Eq. (21).

    Parameters
    ----------
    omega : float or array_like
        Real angular frequency (rad/s).

    Returns
    -------
    ndarray, shape omega.shape + (3, 3)

    Examples
    --------
    >>> from weft.fields.si import C
    >>> float(im_green_coincident(C)[0, 0] * 6 * np.pi)      # k = 1/m
    1.0
    """
    om = np.asarray(omega)
    if om.dtype.kind not in "iuf" or not np.all(np.isfinite(om)):
        raise ValueError("omega must be real and finite (rad/s) for Im G₀(r, r, ω)")
    return (om / (6.0 * np.pi * C))[..., None, None] * np.eye(3)


def cp_kernel(x) -> np.ndarray:
    """h(x) = e^{−2x}(x⁴ + 2x³ + 5x² + 6x + 3) = 8π²r⁶(ξ/c)⁴ Tr[G₀(r,iξ)·G₀(r,iξ)], x = ξr/c.

    The retardation function of the Casimir–Polder potential (Casimir & Polder,
    Phys. Rev. 73, 360 (1948)); h(0) = 3 (London), ∫₀^∞ h dx = 23/4 (Casimir–Polder).
    See :func:`trace_gg_imaginary` for the derivation.

    Parameters
    ----------
    x : array_like
        ξr/c ≥ 0 (dimensionless).

    Returns
    -------
    ndarray like x

    Examples
    --------
    >>> float(cp_kernel(0.0))
    3.0
    """
    x = np.asarray(x, dtype=float)
    with np.errstate(under="ignore"):
        return np.exp(-2.0 * x) * ((((x + 2.0) * x + 5.0) * x + 6.0) * x + 3.0)


def trace_gg_imaginary(r, xi) -> np.ndarray:
    """Tr[G₀(r, iξ)·G₀(r, iξ)] = e^{−2x}(x⁴ + 2x³ + 5x² + 6x + 3)/(8π²r²x⁴), x = ξr/c (1/m²).

    Derivation: at ω = iξ, G₀ = (e^{−x}/(4πr))[a 𝟙 + b r̂r̂] with a = 1 + 1/x + 1/x²,
    b = −1 − 3/x − 3/x² (module docstring), and Tr[(a𝟙 + b r̂r̂)²] = 2a² + (a + b)²;
    x⁴[2a² + (a + b)²] = 2(x² + x + 1)² + 4(x + 1)² = 2(x⁴ + 2x³ + 5x² + 6x + 3).

    Parameters
    ----------
    r : array_like
        Distances (m), > 0.
    xi : array_like
        ξ > 0 (rad/s), broadcast against r.

    Returns
    -------
    ndarray

    Examples
    --------
    >>> from weft.fields.si import C
    >>> t = trace_gg_imaginary(1.0, C)          # x = 1: h(1) = 17 e^{-2}
    >>> round(float(t * 8 * np.pi**2 / (17 * np.exp(-2))), 12)
    1.0
    """
    r = np.asarray(r, dtype=float)
    xi = np.asarray(xi, dtype=float)
    if not (np.all(np.isfinite(r)) and np.all(r > 0)):
        raise ValueError("r must be finite and > 0 (m)")
    if not (np.all(np.isfinite(xi)) and np.all(xi > 0)):
        raise ValueError("xi must be finite and > 0 (rad/s); Tr G₀(iξ)² diverges as ξ⁻⁴ at 0")
    x = xi * r / C
    return cp_kernel(x) / (8.0 * np.pi ** 2 * r ** 2 * x ** 4)
