r"""One-loop integrals of Appendix A of the paper, MS-bar finite parts.

Implements Eqs. (A2)-(A14) of Brambilla, Shtabovenko, Tarrús Castellà, Vairo,
"Effective field theories for van der Waals interactions" (cited as "the paper").

Conventions
-----------
* Dimensional regularisation with ``d = 4 - 2 eps`` space-time dimensions; the
  loop momentum is spatial, ``nu^(4-d) * int d^(d-1)q / (2 pi)^(d-1)``
  [Eqs. (A2), (A6)-(A8)], with ``Kc = q^2 + x (1 - x) k^2`` [Eq. (A1)].
* "MS-bar finite part": every pole is written as a multiple of
  ``lambda = 2/(4-d) - gamma_E + log(4 pi)``; the multiple of ``lambda`` is
  dropped (lambda -> 0), ``d = 4`` elsewhere, ``O(4-d)`` dropped.  The
  renormalisation scale ``nu`` is explicit.  Coefficients ``(d - 2)`` etc. that
  multiply these integrals in the paper must be expanded by the caller *before*
  dropping ``lambda`` (their ``O(4-d)`` part times ``lambda`` is finite); the
  residues needed for that are given by :func:`A_pole` and :data:`C1_POLE`.
* Units: natural units; every function is homogeneous (momenta and energies in
  any one unit).  ``k2 = |k|^2``; ``dE = Delta E_nm = E_n - E_m`` (``dE > 0`` is
  a downward transition, ground states have only ``dE < 0``).

Analytic structure and branches
-------------------------------
All functions of ``k2`` are analytic in the *lower* half ``k2`` plane and every
real ``k2`` is a boundary value taken from below:

* positive real ``k2``: the paper's prescription ``dE^2 -> dE^2 + i eta`` on both
  sides of the threshold ``k2 = 4 dE^2`` is equivalent to ``k2 -> k2 - i0``;
* negative real ``k2`` given as a *complex* number (``-mu**2 + 0j``) means
  ``k2 = -mu^2 - i0``, i.e. ``|k| = eta - i mu`` as needed for the dispersive
  representation Eqs. (60)-(62);
* complex ``k2`` with ``Im k2 < 0`` is evaluated directly; ``Im k2 > 0`` raises.
* A *real-valued* negative ``k2`` is rejected (ValueError): pass it as complex to
  state the branch.

Internally ``|k| = sqrt(k2)`` with ``arg |k|`` in ``[-pi/2, 0]`` and
``z = |k| / (2 |dE|)``.

Closed forms (derived here; the Feynman-parameter integrals of (A11)-(A14) *can*
be done).  With ``arctanh`` taken as ``arctanh(z - i0)`` (``T(z)`` below) and the
real-analytic function

    h(z) = int_0^z (-log t) / (1 - t^2) dt
         = [Li2(z) - Li2(-z)]/2 - log(z) arctanh(z),   h(z) + h(1/z) = pi^2/4,

one finds, with ``H(z) = h(z) - (i pi/2) T(z)``:

* ``B_2 = i T(z) / (4 pi |k|)``                                    [= (A10)]
* ``C_2 = -[1 + i pi/2 + log z + (z + 1/z) H(z)] / (8 pi^2 dE^2)``  [= (A13), (A14)]
* ``C_1 = [lambda + 3 + i pi/2 - log(4 dE^2/nu^2) - log z + (z - 1/z) H(z)] / (4 pi^2)``
  [= (A11), (A12)]
* ``K = h(z) / (4 pi^2 |k|)`` for ``dE < 0`` and
  ``K = [-h(z) + i pi T(z)] / (4 pi^2 |k|)`` for ``dE > 0``  [(A9)],
  ``K(k2, 0) = 1/(16 |k|)`` (the limit; continuous from both sides).

``K`` depends on ``sign(dE)`` (explicit ``1/dE`` in (A9)); ``J`` through
``theta(dE)``; ``B_f`` and ``C_f`` only through ``dE^2``.  ``K`` is independent
of ``nu``, and for ``dE < 0`` it is real for real ``k2`` with no threshold
singularity.  Near ``z = 0`` and ``z = infinity`` the closed forms of ``C_1``,
``C_2`` cancel to relative order ``z^2`` or ``1/z^2``; there convergent series are
used (``|z| < 1/4`` and ``|z| > 4``).

Exactly at threshold ``k2 = 4 dE^2`` (``z = 1``) ``B_2``, ``B_3``, ``C_2`` and
``K`` (for ``dE > 0``) diverge logarithmically (``B_3``: pole) and raise
``ValueError``; ``C_1``, ``B_1`` and ``K`` (for ``dE < 0``) are finite there.
Close to threshold the float64 values are accurate to about
``1e-16 / |z - 1|`` relative in the divergent pieces (they are evaluated in closed
form, with no subtraction at ``z = 1``).
"""

from __future__ import annotations

import math
import numbers
from functools import lru_cache

import numpy as np

__all__ = ["A", "A_pole", "J", "B", "C", "K", "C1_POLE"]

_PI = math.pi
_PI2 = math.pi**2
_EULER = 0.57721566490153286060651209008240243

#: Coefficient of ``lambda`` in ``C_1`` (and in ``A_{3/2}``): ``1/(4 pi^2)``.
C1_POLE = 1.0 / (4.0 * _PI2)

# Region boundaries in |z| for the series of C_1, C_2, B_1 and for h(z).
_Z_SMALL = 0.25
_Z_LARGE = 4.0
_H_SERIES = 0.3
_NSER = 18

_n = np.arange(1, _NSER + 1, dtype=float)
# Series coefficients (see module docstring, derivation in docs):
#   g_n = 1/(2n+1)^2 + 1/(2n-1)^2,  e_n = 1/(2n+1) + 1/(2n-1)
#   f_n = 1/(2n+1)^2 - 1/(2n-1)^2,  d_n = 1/(2n+1) - 1/(2n-1)
_G = 1 / (2 * _n + 1) ** 2 + 1 / (2 * _n - 1) ** 2
_E = 1 / (2 * _n + 1) + 1 / (2 * _n - 1)
_F = 1 / (2 * _n + 1) ** 2 - 1 / (2 * _n - 1) ** 2
_D = 1 / (2 * _n + 1) - 1 / (2 * _n - 1)
# h(w) = w sum_m w^{2m} [_HA_m - log(w) _HB_m]; chi_2(x) = x sum_m x^{2m} _HA_m.
# Both are used for |w|, |x| <= sqrt(2) - 1 (x^2 <= 0.172): 26 terms reach 1e-19.
_m = np.arange(0, 26, dtype=float)
_HA = 1 / (2 * _m + 1) ** 2
_HB = 1 / (2 * _m + 1)
_LANDEN = math.sqrt(2) - 1


# ----------------------------------------------------------------------------
# input handling
# ----------------------------------------------------------------------------
# Supported dynamic range (keeps z, 1/z, z^2, log z free of overflow/underflow);
# physical inputs are many orders of magnitude inside it.
_MAG_MIN, _MAG_MAX = 1e-100, 1e100
_RATIO_MAX = 1e100


def _check_real(name, x, allow_complex=False):
    arr = np.asarray(x)
    if arr.dtype == object or not (
        np.issubdtype(arr.dtype, np.number) or arr.dtype == bool
    ):
        raise TypeError(f"{name} must be numeric, got dtype {arr.dtype}")
    if np.iscomplexobj(arr) and not allow_complex:
        raise ValueError(f"{name} must be real, got complex input")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite (no NaN or inf)")
    return arr


def _prepare_k2(k2):
    """Validate k2, return (k2 array, |k| array with arg in [-pi/2, 0], is_real)."""
    arr = _check_real("k2", k2, allow_complex=True)
    if np.iscomplexobj(arr):
        arr = arr.astype(np.complex128)
        if np.any(arr.imag > 0):
            raise ValueError(
                "k2 must have Im(k2) <= 0: the integrals are boundary values from "
                "the lower half k2 plane (k2 = -mu^2 - i0 for |k| = eta - i mu)"
            )
        re, im = arr.real, arr.imag
        k = np.sqrt(arr)
        # Im k2 == 0 with Re k2 < 0 means k2 - i0: |k| = -i sqrt(-k2), whatever the
        # sign of the zero imaginary part numpy happens to carry.
        neg = (im == 0) & (re < 0)
        k = np.where(neg, -1j * np.sqrt(np.abs(re)), k)
        k = np.where((im == 0) & (re >= 0), np.sqrt(np.abs(re)) + 0j, k)
        return arr, k, False
    arr = arr.astype(float)
    if np.any(arr < 0):
        raise ValueError(
            "k2 must be >= 0 when real; for the imaginary-|k| axis pass complex "
            "k2 (e.g. -mu**2 + 0j, taken as k2 - i0)"
        )
    return arr, np.sqrt(arr), True


def _prepare_dE(dE):
    arr = _check_real("dE", dE).astype(float)
    if np.any(np.abs(arr) > _MAG_MAX):
        raise ValueError(f"dE out of the supported range: need |dE| <= {_MAG_MAX:g} "
                         "(larger gaps overflow the loop integrals in float64)")
    return arr


def _prepare_nu(nu):
    arr = _check_real("nu", nu).astype(float)
    if np.any(arr <= 0):
        raise ValueError("nu must be > 0 (renormalisation scale)")
    if np.any((arr < _MAG_MIN) | (arr > _MAG_MAX)):
        raise ValueError(f"nu out of the supported range: need {_MAG_MIN:g} <= nu <= {_MAG_MAX:g}")
    return arr


def _out(x):
    x = np.asarray(x, dtype=np.complex128)
    return x[()] if x.ndim == 0 else x


# ----------------------------------------------------------------------------
# elementary building blocks on z = |k| / (2 |dE|)   (real z > 0 or complex z in
# the closed fourth quadrant, z != 0)
# ----------------------------------------------------------------------------
def _horner(coef, v):
    out = np.full_like(v, coef[-1])
    for c in coef[-2::-1]:
        out *= v
        out += c
    return out


def _h_unit(w):
    """h(w) for 0 < |w| <= 1 (w real or in the closed fourth quadrant)."""
    if not np.iscomplexobj(w):
        # Real w: power series below sqrt(2)-1, above it the Landen-type identity
        # h(w) = pi^2/8 - chi_2((1-w)/(1+w)) (check: both sides have derivative
        # -log w/(1-w^2) and agree at w = 1).  Faster than scipy's spence.
        out = np.empty_like(w)
        small = w < _LANDEN
        ws = w[small]
        v = ws * ws
        out[small] = ws * (_horner(_HA, v) - np.log(ws) * _horner(_HB, v))
        big = ~small
        x = (1 - w[big]) / (1 + w[big])
        out[big] = _PI2 / 8 - x * _horner(_HA, x * x)
        return out
    out = np.empty_like(w)
    small = np.abs(w) < _H_SERIES
    if np.any(small):
        ws = w[small]
        v = ws * ws
        out[small] = ws * (_horner(_HA, v) - np.log(ws) * _horner(_HB, v))
    big = ~small
    if np.any(big):
        wb = w[big]
        one = wb == 1
        wsafe = np.where(one, 0.5, wb)
        from scipy.special import spence   # here, not at import: scipy.special costs ~0.2 s
        chi2 = 0.5 * (spence(1 - wsafe) - spence(1 + wsafe))
        val = chi2 - np.log(wsafe) * np.arctanh(wsafe)
        out[big] = np.where(one, _PI2 / 8, val)
    return out


def _h(z):
    """h(z) = int_0^z -log t/(1-t^2) dt, analytic off (-inf, 0]; h(z)+h(1/z)=pi^2/4."""
    inv = np.abs(z) > 1
    w = np.where(inv, 1 / np.where(inv, z, 1), z)
    hw = _h_unit(w)
    return np.where(inv, _PI2 / 4 - hw, hw)


def _T(z):
    """arctanh(z - i0): arctanh(1/z) - i pi/2 for |z| > 1 (valid in the closed 4th quadrant)."""
    inv = np.abs(z) > 1
    zz = np.where(inv, 1 / np.where(inv, z, 1), z)
    t = np.arctanh(zz + 0j) if np.iscomplexobj(z) else np.arctanh(zz)
    return np.where(inv, t - 0.5j * _PI, t + 0j)


def _series(u, a, b, sigma):
    """sum_{n>=1} u^{2n} [a_n - b_n (log u + sigma i pi/2)]."""
    v = u * u
    pa = v * _horner(a, v)
    pb = v * _horner(b, v)
    return pa - (np.log(u) + sigma * 0.5j * _PI) * pb


def _regions(z):
    az = np.abs(z)
    small = az < _Z_SMALL
    large = az > _Z_LARGE
    return small, large, ~(small | large)


# ----------------------------------------------------------------------------
# A_f
# ----------------------------------------------------------------------------
def _half_integer_index(f, base):
    """Return n >= 0 if f == base + n (n integer) else None; f given as float."""
    n = f - base
    if n >= -1e-12 and abs(n - round(n)) < 1e-12:
        return int(round(n))
    return None


@lru_cache(maxsize=256)
def _a_coefficients(f):
    """(c, r): MS-bar A_f(k2) = (k2)^(3/2 - f) [c - r log(k2/nu^2)]; r is also the
    coefficient of lambda (the pole residue)."""
    from scipy import special   # here, not at import: scipy.special costs ~0.2 s
    n_uv = _half_integer_index(-f, -1.5)  # f = 3/2 - n
    n_ir = _half_integer_index(f, 2.5)  # f = 5/2 + n
    norm = (4 * _PI) ** 1.5
    if n_uv is not None:
        n = n_uv
        a = 2.5 - f  # = 1 + n
        r0 = math.gamma(a) ** 2 / (norm * math.gamma(f) * math.gamma(5 - 2 * f))
        r = (-1) ** n * r0 / math.factorial(n)
        c = r * (
            float(special.psi(n + 1))
            + _EULER
            - 2 * float(special.psi(a))
            + 2 * float(special.psi(5 - 2 * f))
        )
        return c, r
    if n_ir is not None:
        n = n_ir
        s0 = math.factorial(n) / (norm * math.gamma(f))
        r = -2 * s0 * math.factorial(2 * n) / math.factorial(n) ** 2
        c = r * (2 * float(special.psi(2 * n + 1)) - float(special.psi(n + 1)) + _EULER)
        return c, r
    # finite in d = 4: Gamma(f - 3/2) Gamma(5/2 - f)^2 / ((4pi)^{3/2} Gamma(f) Gamma(5 - 2f))
    c = (
        float(special.gamma(f - 1.5))
        * float(special.gamma(2.5 - f)) ** 2
        * float(special.rgamma(f))
        * float(special.rgamma(5 - 2 * f))
        / norm
    )
    return c, 0.0


def _check_f(f, name="f"):
    if isinstance(f, (bool, np.bool_)) or not isinstance(f, numbers.Real):
        raise TypeError(f"{name} must be a real number, got {type(f).__name__}")
    f = float(f)
    if not math.isfinite(f):
        raise ValueError(f"{name} must be finite, got {f}")
    return f


def A_pole(f):
    r"""Coefficient of ``lambda`` in ``A_f(k2)``, divided by ``(k2)^(3/2 - f)``.

    Eq. (A2) in ``d = 4 - 2 eps``: ``A_f = (k2)^(3/2-f) [r lambda + c - r log(k2/nu^2)]``
    (``r = 0`` when ``A_f`` is finite).  Needed to expand ``d``-dependent
    prefactors before the MS-bar subtraction.

    Parameters
    ----------
    f : float
        Power of ``Kc`` in Eq. (A2).

    Returns
    -------
    float
        ``r`` (dimensionless).

    Examples
    --------
    >>> round(A_pole(1.5) * 4 * 3.141592653589793**2, 12)
    1.0
    """
    return _a_coefficients(_check_f(f))[1]


def _check_k2_range(k2a):
    if np.any(np.abs(k2a) > _MAG_MAX ** 2):
        raise ValueError(f"k2 out of the supported range: need |k2| <= {_MAG_MAX ** 2:g}")


def A(f, k2, nu=1.0):
    r"""MS-bar finite part of ``A_f(k^2)``, Eqs. (A2)-(A5).

    ``A_f = nu^(4-d) int_0^1 dx int d^(d-1)q/(2pi)^(d-1) Kc^(-f)`` with
    ``Kc = q^2 + x(1-x) k^2`` [Eq. (A1)].  In ``d = 4``:
    ``A_f = (k2)^(3/2-f) Gamma(f-3/2) Gamma(5/2-f)^2 / ((4pi)^(3/2) Gamma(f) Gamma(5-2f))``
    when finite; ``f = 3/2, 1/2, -1/2, ...`` have UV poles, ``f = 5/2, 7/2, ...``
    IR poles of the ``x`` integral (e.g. ``A_{5/2} = log(k2/nu^2)/(3 pi^2 k2)``),
    ``f = 3, 4, ...`` and ``f = 0, -1, ...`` vanish.  ``A_{3/2}`` is Eq. (A3),
    ``A_2 = 1/(8|k|)`` Eq. (A4).

    Parameters
    ----------
    f : float
        Power of ``Kc`` (any real number).
    k2 : array_like
        ``|k|^2`` [momentum^2]; real ``>= 0``, or complex with ``Im k2 <= 0``
        (``-mu**2 + 0j`` means ``-mu^2 - i0``).  ``k2 = 0`` only where ``A_f -> 0``.
    nu : array_like, optional
        Renormalisation scale [momentum], ``> 0``.

    Returns
    -------
    numpy.complex128 or ndarray
        ``A_f`` [momentum^(3 - 2f)], broadcast shape of ``k2`` and ``nu``.

    Examples
    --------
    >>> round(complex(A(2, 4.0)).real, 15)      # 1/(8|k|), Eq. (A4)
    0.0625
    >>> x = complex(A(1.5, -1 + 0j)) * 4 * 3.141592653589793**2   # 2 - log(-1 - i0)
    >>> round(x.real, 12), round(x.imag, 12)
    (2.0, 3.14159265359)
    """
    f = _check_f(f)
    k2a, k, _ = _prepare_k2(k2)
    _check_k2_range(k2a)
    nua = _prepare_nu(nu)
    c, r = _a_coefficients(f)
    p = 1.5 - f
    k2a, k, nua = np.broadcast_arrays(k2a, k, nua)
    zero = k == 0
    if np.any(zero) and (c != 0 or r != 0) and not p > 0:
        raise ValueError(f"k2 must be nonzero for A_f with f = {f} (A_f is singular at k2 = 0)")
    ksafe = np.where(zero, 1.0, k)
    logk = np.log(ksafe + 0j)
    power = np.exp(2 * p * logk)
    val = power * (c - r * (2 * logk - 2 * np.log(nua)))
    return _out(np.where(zero, 0.0, val))


# ----------------------------------------------------------------------------
# J
# ----------------------------------------------------------------------------
def J(dE, nu=1.0):
    r"""MS-bar finite part of ``J(dE)``, Eq. (A6).

    ``J = nu^(4-d) int d^(d-1)q/(2pi)^(d-1) 1/(2|q| (|q| - dE - i0))
    = dE/(8 pi^2) [2 - 2 log 2 + 2 i pi theta(dE) - log(dE^2/nu^2)]`` (lambda dropped;
    its coefficient is ``dE/(8 pi^2)``).  ``J(0) = 0`` (scaleless).

    Parameters
    ----------
    dE : array_like
        Energy gap ``E_n - E_m`` [energy], real.
    nu : array_like, optional
        Renormalisation scale [energy], ``> 0``.

    Returns
    -------
    numpy.complex128 or ndarray
        ``J`` [energy].

    Examples
    --------
    >>> x = complex(J(-0.5, nu=1.0)); round(x.imag, 15)   # no cut for dE < 0
    0.0
    >>> round(complex(J(0.5)).imag, 15) == round(0.5 / (4 * 3.141592653589793), 15)
    True
    """
    d = _prepare_dE(dE)
    nua = _prepare_nu(nu)
    d, nua = np.broadcast_arrays(d, nua)
    zero = d == 0
    ad = np.where(zero, 1.0, np.abs(d))
    br = 2 - 2 * math.log(2) + 2j * _PI * (d > 0) - 2 * np.log(ad / nua)
    return _out(np.where(zero, 0.0, d / (8 * _PI2) * br))


# ----------------------------------------------------------------------------
# B_f
# ----------------------------------------------------------------------------


def _grid(k2, dE):
    k2a, k, is_real = _prepare_k2(k2)
    d = _prepare_dE(dE)
    k2a, k, d = np.broadcast_arrays(k2a, k, d)
    ak, ad = np.abs(k), np.abs(d)
    if np.any((ak != 0) & ((ak < _MAG_MIN) | (ak > _MAG_MAX))):
        raise ValueError("k2 out of the supported range: need 1e-200 <= |k2| <= 1e200 (or k2 = 0)")
    if np.any((ad != 0) & ((ad < _MAG_MIN) | (ad > _MAG_MAX))):
        raise ValueError("dE out of the supported range: need 1e-100 <= |dE| <= 1e100 (or dE = 0)")
    both = (ak != 0) & (ad != 0)
    ratio = np.where(both, ak, 1.0) / np.where(both, 2 * ad, 1.0)
    if np.any((ratio > _RATIO_MAX) | (ratio < 1 / _RATIO_MAX)):
        raise ValueError(
            "k2 and dE too far apart: need 1e-100 <= |k|/(2|dE|) <= 1e100 "
            "(use dE = 0 or k2 = 0 for the limits)"
        )
    return k2a, k, d, is_real


def _threshold(k, ad):
    return (k == 2 * ad) & (ad > 0)


def B(f, k2, dE):
    r"""``B_f(k^2, dE)``, Eq. (A7), for ``f = 1, 2, 3`` (finite in ``d = 4``).

    ``B_f = int_0^1 dx int d^3q/(2pi)^3 (Kc - dE^2 - i0)^(-f)``.  Closed forms with
    ``z = |k|/(2|dE|)``, ``T(z) = arctanh(z - i0)``:
    ``B_1 = i/(8pi) [|dE| - (|k|/2 - 2 dE^2/|k|) T(z)]``,
    ``B_2 = i T(z)/(4 pi |k|)`` (= Eq. (A10) and its continuation),
    ``B_3 = -i / (8 pi |dE| (4 dE^2 - k^2))``.

    Parameters
    ----------
    f : int
        1, 2 or 3.
    k2 : array_like
        ``|k|^2`` [energy^2] (see module docstring for complex ``k2``).
    dE : array_like
        Energy gap [energy]; only ``dE^2`` enters.

    Returns
    -------
    numpy.complex128 or ndarray
        ``B_f`` [energy^(3 - 2f)].

    Raises
    ------
    ValueError
        ``k2 = dE = 0``; ``k2 = 4 dE^2`` for ``f = 2, 3``; ``dE = 0`` for ``f = 3``.

    Examples
    --------
    >>> x = complex(B(2, 16.0, 1.0)) * 8 * 3.141592653589793 * 4  # pi + 2i arctanh(1/2)
    >>> round(x.real, 12), round(x.imag, 12)
    (3.14159265359, 1.098612288668)
    """
    if isinstance(f, (bool, np.bool_)) or not isinstance(f, numbers.Integral) or f not in (1, 2, 3):
        raise ValueError(f"f must be 1, 2 or 3 for B, got {f!r}")
    _, k, d, _ = _grid(k2, dE)
    ad = np.abs(d)
    kz, dz = k == 0, ad == 0
    if np.any(kz & dz):
        raise ValueError("k2 and dE must not both be zero (B_f is scaleless/singular there)")
    if f in (2, 3) and np.any(_threshold(k, ad)):
        raise ValueError(f"k2 must differ from 4 dE^2: B_{f} diverges at threshold")
    if f == 3:
        if np.any(dz):
            raise ValueError("dE must be nonzero for B_3 (IR divergent at dE = 0)")
        return _out(-1j / (8 * _PI * ad * (4 * ad * ad - k * k)))
    adsafe = np.where(dz, 1.0, ad)
    ksafe = np.where(kz, 1.0, k)
    z = np.where(dz | kz, 0.5, ksafe / (2 * adsafe))
    if f == 2:
        # T(z)/|k| with the k -> 0 limit 1/(2|dE|) and dE -> 0 limit -i pi/(2|k|)
        val = 1j * _T(z) / (4 * _PI * ksafe)
        val = np.where(kz, 1j / (8 * _PI * adsafe), val)
        val = np.where(dz, 1.0 / (8 * ksafe), val)
        return _out(val)
    # f == 1: bracket 1 - (z - 1/z) T(z), with series where it cancels
    small, large, mid = _regions(z)
    br = np.empty(z.shape, dtype=np.complex128)
    if np.any(small):
        zs = z[small]
        br[small] = 2 + zs * zs * _horner(_D, zs * zs)
    if np.any(large):
        w = 1 / z[large]
        br[large] = -w * w * _horner(_D, w * w) + 0.5j * _PI * (1 / w - w)
    if np.any(mid):
        zm = z[mid]
        one = zm == 1
        zsafe = np.where(one, 0.5, zm)
        br[mid] = 1 - np.where(one, 0.0, (zsafe - 1 / zsafe) * _T(zsafe))
    val = 1j * adsafe / (8 * _PI) * br
    val = np.where(kz, 1j * adsafe / (4 * _PI), val)
    val = np.where(dz, -ksafe / 32, val)
    return _out(val)


# ----------------------------------------------------------------------------
# C_f
# ----------------------------------------------------------------------------
def _c2_bracket(z):
    """P(z) with C_2 = -P/(8 pi^2 dE^2)."""
    small, large, mid = _regions(z)
    out = np.empty(z.shape, dtype=np.complex128)
    if np.any(small):
        out[small] = 2 + _series(z[small], _G, _E, +1)
    if np.any(large):
        out[large] = -_series(1 / z[large], _G, _E, -1)
    if np.any(mid):
        zm = z[mid]
        H = _h(zm) - 0.5j * _PI * _T(zm)
        out[mid] = 1 + 0.5j * _PI + np.log(zm) + (zm + 1 / zm) * H
    return out


def _c1_times_4pi2(z, ad, k, nu):
    """4 pi^2 C_1 (lambda dropped)."""
    small, large, mid = _regions(z)
    out = np.empty(z.shape, dtype=np.complex128)
    if np.any(small):
        zs = z[small]
        out[small] = (
            2 - 2 * np.log(2 * ad[small] / nu[small]) + 1j * _PI - _series(zs, _F, _D, +1)
        )
    if np.any(large):
        w = 1 / z[large]
        out[large] = 2 - 2 * np.log(k[large] / nu[large] + 0j) - _series(w, _F, _D, -1)
    if np.any(mid):
        zm = z[mid]
        one = zm == 1
        zsafe = np.where(one, 0.5, zm)
        H = _h(zsafe) - 0.5j * _PI * _T(zsafe)
        term = np.where(one, 0.0, (zsafe - 1 / zsafe) * H)
        out[mid] = (
            3 + 0.5j * _PI - 2 * np.log(2 * ad[mid] / nu[mid]) - np.log(zm + 0j) + term
        )
    return out


def C(f, k2, dE, nu=1.0):
    r"""MS-bar ``C_f(k^2, dE)``, Eqs. (A8), (A11)-(A14), for ``f = 1, 2``.

    ``C_f = nu^(4-d) int_0^1 dx int d^(d-1)q/(2pi)^(d-1) Kc^(-1/2) (Kc - dE^2 - i0)^(-f)``.
    With ``z = |k|/(2|dE|)``, ``H(z) = h(z) - (i pi/2) arctanh(z - i0)`` and
    ``h`` as in the module docstring:

    * ``C_1 = [3 + i pi/2 - log(4 dE^2/nu^2) - log z + (z - 1/z) H(z)] / (4 pi^2)``
      (``lambda`` dropped; its coefficient is ``1/(4 pi^2)``, see ``C1_POLE``);
      ``C_1(0, dE) = [2 - log(4 dE^2/nu^2) + i pi]/(4 pi^2)``, ``C_1(k2, 0) = A_{3/2}``.
    * ``C_2 = -[1 + i pi/2 + log z + (z + 1/z) H(z)] / (8 pi^2 dE^2)`` (finite,
      ``nu``-independent); ``C_2(0, dE) = -1/(4 pi^2 dE^2)``.

    Parameters
    ----------
    f : int
        1 or 2.
    k2 : array_like
        ``|k|^2`` [energy^2] (see module docstring for complex ``k2``).
    dE : array_like
        Energy gap [energy]; only ``dE^2`` enters.
    nu : array_like, optional
        Renormalisation scale [energy], ``> 0`` (used by ``f = 1`` only).

    Returns
    -------
    numpy.complex128 or ndarray
        ``C_f`` [energy^(2 - 2f)].

    Raises
    ------
    ValueError
        ``k2 = dE = 0``; for ``f = 2``: ``dE = 0`` (IR divergent) or ``k2 = 4 dE^2``.

    Examples
    --------
    >>> complex(C(2, 0.0, 1.0)) * 4 * 3.141592653589793**2
    (-1+0j)
    """
    if isinstance(f, (bool, np.bool_)) or not isinstance(f, numbers.Integral) or f not in (1, 2):
        raise ValueError(f"f must be 1 or 2 for C, got {f!r}")
    _, k, d, _ = _grid(k2, dE)
    nua = _prepare_nu(nu)
    k, d, nua = np.broadcast_arrays(k, d, nua)
    ad = np.abs(d)
    kz, dz = k == 0, ad == 0
    if np.any(kz & dz):
        raise ValueError("k2 and dE must not both be zero (C_f is singular there)")
    adsafe = np.where(dz, 1.0, ad)
    ksafe = np.where(kz, 1.0, k)
    z = np.where(dz | kz, 0.5, ksafe / (2 * adsafe))
    if f == 2:
        if np.any(dz):
            raise ValueError("dE must be nonzero for C_2 (IR divergent at dE = 0)")
        if np.any(_threshold(k, ad)):
            raise ValueError("k2 must differ from 4 dE^2: C_2 diverges at threshold")
        val = -_c2_bracket(z) / (8 * _PI2 * adsafe * adsafe)
        val = np.where(kz, -1.0 / (4 * _PI2 * adsafe * adsafe), val)
        return _out(val)
    val = _c1_times_4pi2(z, adsafe, ksafe, nua) / (4 * _PI2)
    val = np.where(kz, (2 - 2 * np.log(2 * adsafe / nua) + 1j * _PI) / (4 * _PI2), val)
    if np.any(dz):
        a32 = (2 - 2 * np.log(ksafe / nua + 0j)) / (4 * _PI2)
        val = np.where(dz, a32, val)
    return _out(val)


# ----------------------------------------------------------------------------
# K
# ----------------------------------------------------------------------------
def K(k2, dE, nu=1.0):
    r"""``K(k^2, dE)``, Eq. (A9): ``-A_{3/2}/(4dE) + B_2/2 + C_1/(4dE) + dE C_2/2``.

    The combination collapses to (``z = |k|/(2|dE|)``, ``h`` as in the module
    docstring, ``T(z) = arctanh(z - i0)``)::

        K = h(z) / (4 pi^2 |k|)                       dE < 0
        K = [-h(z) + i pi T(z)] / (4 pi^2 |k|)       dE > 0
        K = 1 / (16 |k|)                             dE = 0 (limit)

    ``K`` is finite (``lambda`` cancels) and independent of ``nu``; ``nu`` is
    accepted for interface symmetry and validated.  Depends on ``sign(dE)``.
    Small ``|k|``: ``K = [log z - 1]/(8 pi^2 dE) + i theta(dE)/(8 pi dE) + O(z^2 log z)``;
    large ``|k|``: ``K = 1/(16|k|) + dE [1 + log z + i pi theta(dE)]/(2 pi^2 k^2) + ...``.

    Parameters
    ----------
    k2 : array_like
        ``|k|^2`` [energy^2], nonzero (``K ~ log|k|`` as ``k -> 0``); complex
        ``k2`` as in the module docstring.
    dE : array_like
        Energy gap ``E_n - E_m`` [energy], real, any sign.
    nu : array_like, optional
        Renormalisation scale, ``> 0`` (no effect).

    Returns
    -------
    numpy.complex128 or ndarray
        ``K`` [1/energy].

    Raises
    ------
    ValueError
        ``k2 = 0``; ``k2 = 4 dE^2`` with ``dE > 0`` (log divergence).

    Examples
    --------
    >>> complex(K(4.0, 0.0)) * 16 * 2                      # 1/(16|k|), |k| = 2
    (1+0j)
    >>> round(complex(K(-4 + 0j, -1.0)).imag * 8 * 3.141592653589793 * 2, 12)  # arccot(1)
    0.785398163397
    """
    _, k, d, _ = _grid(k2, dE)
    nua = _prepare_nu(nu)
    k, d, _ = np.broadcast_arrays(k, d, nua)
    if np.any(k == 0):
        raise ValueError("k2 must be nonzero for K (K diverges like log|k| as k2 -> 0)")
    pos = d > 0
    if np.any(_threshold(k, np.abs(d)) & pos):
        raise ValueError("k2 must differ from 4 dE^2 for dE > 0: K diverges at threshold")
    ad = np.abs(d)
    dz = ad == 0
    z = np.where(dz, 0.5, k / (2 * np.where(dz, 1.0, ad)))
    h = _h(z)
    tz = _T(np.where(pos, z, 0.5))
    num = np.where(pos, -h + 1j * _PI * tz, h + 0j)
    val = num / (4 * _PI2 * k)
    val = np.where(dz, 1.0 / (16 * k), val)
    return _out(val)
