"""Hydrogen radial functions, bound and continuum (atomic units, Z = 1).

They define the matrix elements ⟨n|x^i|m⟩ of Eq. (12) of the paper (see :mod:`hydrogen.dipole`).

Sign and phase conventions (used throughout :mod:`hydrogen`):

* bound: R_nl(r) = (2/n)^{3/2} [(n-l-1)!/(2n (n+l)!)]^{1/2} e^{-ρ/2} ρ^l L^{2l+1}_{n-l-1}(ρ),
  ρ = 2r/n, with the modern generalised Laguerre polynomial (L^α_k(0) > 0). R_nl > 0 near
  r = 0; this is the convention of ``sympy.physics.hydrogen.R_nl``. Normalised to
  ∫ R_nl² r² dr = 1 (Bethe & Salpeter §3, up to their sign convention).
* continuum: R_El(r) = sqrt(2/(π k)) F_l(η, kr)/r with η = -1/k and F_l the regular
  Coulomb function; E = k²/2. Also > 0 near r = 0, energy-normalised,
  ∫ R_El R_E'l r² dr = δ(E - E'), and for r → ∞
  R_El ≈ sqrt(2/(π k)) sin(kr + ln(2kr)/k - lπ/2 + σ_l)/r, σ_l = arg Γ(l + 1 - i/k).

These are for tests and plots; the dipole integrals of :mod:`hydrogen.dipole` do not use
them.
"""
from __future__ import annotations

import math

import mpmath
import numpy as np

from .states import _as_int, _check_nl

__all__ = ["radial_function", "continuum_radial_function"]

_RESCALE = 1e150


def _as_radius(r) -> np.ndarray:
    arr = np.asarray(r, dtype=float)
    if not np.all(np.isfinite(arr)) or np.any(arr < 0):
        raise ValueError("r must be finite and >= 0 (bohr)")
    return arr


def radial_function(n, l, r):
    """Bound radial function R_nl(r) in bohr^{-3/2} (Bethe & Salpeter §3, formula in module doc).

    Evaluated with the three-term recurrence of the *orthonormal* Laguerre functions,
    L̃_k = L^α_k sqrt(k!/Γ(k+α+1)), and a running logarithmic scale, so it neither
    overflows nor loses precision for n up to a few hundred.

    Parameters
    ----------
    n, l : int
        Quantum numbers, n >= 1, 0 <= l < n.
    r : float or array_like
        Radius in bohr, >= 0.

    Returns
    -------
    float or ndarray
        R_nl(r), same shape as ``r``; sign convention of sympy.physics.hydrogen.R_nl.

    Examples
    --------
    >>> round(float(radial_function(1, 0, 0.0)), 12)      # 2 e^{-r} at r = 0
    2.0
    """
    n, l = _check_nl(n, l)
    r = _as_radius(r)
    rho = 2.0 * r / n
    alpha = 2 * l + 1
    kmax = n - l - 1
    # log of (2/n)^{3/2} (2n)^{-1/2} ρ^l e^{-ρ/2} / sqrt((2l+1)!)
    with np.errstate(divide="ignore"):
        log_pref = (1.5 * math.log(2.0 / n) - 0.5 * math.log(2.0 * n)
                    - 0.5 * math.lgamma(alpha + 1) - 0.5 * rho
                    + (l * np.log(rho) if l > 0 else 0.0))
    prev = np.zeros_like(rho)
    cur = np.ones_like(rho)
    logscale = np.zeros_like(rho)
    for k in range(kmax):
        nxt = (((2 * k + 1 + alpha) - rho) * cur - math.sqrt(k * (k + alpha)) * prev) \
            / math.sqrt((k + 1) * (k + alpha + 1))
        prev, cur = cur, nxt
        big = np.abs(cur) > _RESCALE
        if np.any(big):
            prev = np.where(big, prev / _RESCALE, prev)
            cur = np.where(big, cur / _RESCALE, cur)
            logscale = logscale + np.where(big, math.log(_RESCALE), 0.0)
    total = log_pref + logscale
    with np.errstate(under="ignore"):
        out = np.where(np.isneginf(total), 0.0, cur * np.exp(np.maximum(total, -745.0)))
    return float(out) if out.ndim == 0 else out


def continuum_radial_function(k, l, r, *, dps: int = 30):
    """Energy-normalised continuum radial function R_El(r), E = k²/2 (bohr^{-3/2} hartree^{-1/2}).

    R_El(r) = sqrt(2/(π k)) F_l(-1/k, kr)/r (Bethe & Salpeter §4 with energy
    normalisation), F_l the regular Coulomb function (DLMF §33.2), evaluated with
    ``mpmath.coulombf`` at ``dps`` digits (slow: about 1 ms per point; for tests and plots).

    Parameters
    ----------
    k : float
        Wave number in inverse bohr, > 0.
    l : int
        Orbital angular momentum, >= 0.
    r : float or array_like
        Radius in bohr, >= 0 (R_El(0) is 0 for l > 0 and finite for l = 0).
    dps : int
        mpmath working precision in decimal digits.

    Returns
    -------
    float or ndarray
        Same shape as ``r``; positive near r = 0.

    Examples
    --------
    >>> round(float(continuum_radial_function(1.0, 0, 1e-9)), 9)   # 2/sqrt(1 - e^{-2π/k}) at r -> 0
    2.00187006
    """
    k = float(k)
    if not math.isfinite(k) or k <= 0:
        raise ValueError(f"k must be finite and > 0 (inverse bohr), got {k!r}")
    l = _as_int("l", l, 0)
    r = _as_radius(r)
    out = np.empty(r.shape)
    with mpmath.workdps(dps):
        kk = mpmath.mpf(k)
        eta = -1 / kk
        norm = mpmath.sqrt(2 / (mpmath.pi * kk))
        c_l = (2 ** l * mpmath.exp(-mpmath.pi * eta / 2) * abs(mpmath.gamma(l + 1 + 1j * eta))
               / mpmath.factorial(2 * l + 1))
        for idx, rv in np.ndenumerate(r):
            if rv == 0.0:
                # F_l ~ C_l ρ^{l+1}: R_El(0) = norm C_l k for l = 0, else 0
                out[idx] = float(norm * c_l * kk) if l == 0 else 0.0
            else:
                out[idx] = float(norm * mpmath.coulombf(l, eta, kk * rv) / rv)
    return float(out) if out.ndim == 0 else out
