"""Beyond the dipole: the retarded C8 and C10 terms of two ground-state S atoms (issue 13).

Atomic units (hartree, bohr, c = 1/α). The paper's W^(0) (Sec. VI, Eqs. (54), (61), (62))
is the two-photon exchange with electric-dipole vertices; its Casimir-Polder form is
:func:`weft.matching.intermediate.potential_cp`. The next terms of the multipole expansion
replace one or both dipole vertices by electric quadrupole or octupole vertices:

    W_{l1 l2}(R) = -(1/(π R^{2L+2})) ∫₀^∞ du α_{l1}^A(iu) α_{l2}^B(iu) e^{-2x} P_{l1 l2}(x),
    x = uR/c,  L = l1 + l2,                                                          (K1)

    W_8  = W_12 + W_21          (dipole-quadrupole)        -> -C8/R⁸ as R -> 0,
    W_10 = W_13 + W_31 + W_22   (dipole-octupole, quadrupole-quadrupole) -> -C10/R¹⁰,

with α_l the 2^l-pole polarizabilities of :mod:`hydrogen.multipole` (α_1 = 9/2, α_2 = 15,
α_3 = 131.25 for 1s) and the kernels (exact, :data:`KERNELS`)

    P_11 = 3 + 6x + 5x² + 2x³ + x⁴                                  (Casimir & Polder 1948)
    P_12 = P_21 = 15/2 + 15x + 27x²/2 + 7x³ + 9x⁴/4 + x⁵/2 + x⁶/12
    P_13 = P_31 = 14 + 28x + 26x² + 44x³/3 + 138x⁴/25 + 36x⁵/25 + 4x⁶/15 + 8x⁷/225 + 2x⁸/675
    P_22 = 35 + 70x + 65x² + 110x³/3 + 661x⁴/48 + 85x⁵/24 + 89x⁶/144 + 5x⁷/72 + x⁸/144

Derivation (checked symbolically and numerically in tests/test_multipole_retarded.py)
-----------------------------------------------------------------------------------
Two ground-state atoms coupled linearly to the field have the second-order (two-photon)
energy (McLachlan 1963; Craig & Thirunamachandran, *Molecular Quantum Electrodynamics*,
ch. 7; Salam, *Molecular Quantum Electrodynamics* (2010), ch. 5)

    W = -(1/2π) ∫₀^∞ du Tr[χ^A(iu) T(iu) χ^B(iu) T(iu)ᵀ],                            (K2)

where T couples the moments of B to the field derivatives at A. In the multipolar coupling
-Σ_l (1/l!) M_{i1…il} ∂_{i2}…∂_{il} E_{i1} (M = Σ e x_{i1}…x_{il}), the field of a 2^l-pole
is the (l-1)-th derivative of the dipole field, so T_{I,J} = ∂_{I'} ∂_{J'} G_{i1 j1}(R) with
the imaginary-frequency dipole Green tensor G_ij = (∂_i∂_j - δ_ij κ²) e^{-κR}/R, κ = u/c
(the static dipole field at κ = 0). For an S state the response to A = M/l! on the
symmetric traceless rank-l tensors is χ^{(l)} = α_l Π^{(l)}/(l!(2l-1)!!), Π^{(l)} the
projector (contracting with ẑ^{⊗l} gives back (M1) of :mod:`hydrogen.multipole`). Then
(K2) is (K1) with

    P_{l1 l2}(x) = R^{2L+2} e^{2x} ‖Π^{(l1)} T Π^{(l2)}‖² / (2 l1!(2l1-1)!! l2!(2l2-1)!!).

Static limit: T -> ∂^{L}(1/R) (fully symmetric, traceless), ‖∂^L R⁻¹‖² = L!(2L-1)!!/R^{2L+2},
so P_{l1 l2}(0) = (2L)!/(2 (2l1)!(2l2)!): 3, 15/2, 14, 35 — the K(l1, l2)/2 of the London
form (M5) (K = 6, 15, 28, 70), i.e. W -> -C_{2L+2}/R^{2L+2} with the C8, C10 of Yan,
Babb, Dalgarno & Drake, PRA 54, 2824 (1996). P_11 is the Casimir-Polder kernel.

Trace parts: the quadrupole trace r² couples to ∂_iE_i = 0 and drops out. The octupole
trace r² x does not: ∂_i∂_iE_k = κ²E_k at imaginary frequency, so the full octupole vertex
adds -(κ²/30) r² x·E to the dipole vertex (Kaushal, Boldt, Scheel, Laliotis & Pedri,
arXiv:2508.15410 (2025), "watch this trace"). That term is an α²-suppressed correction to
the dipole-dipole W_11 (R⁻⁶ at short range, R⁻⁹ at long range); it is not part of the
traceless W_13 here (see docs/multipole.md for the order counting).

Limits (tested)
---------------
* R -> 0: e^{-2x}P(x) = P(0) - c₂x² + O(x⁴) (no linear term), so
  W_{l1 l2} = -K Σ q q/(ω_a + ω_b)/R^{2L+2} + α² c₂ 2Σ ω_a ω_b q_a q_b/(ω_a + ω_b)/R^{2L} + …
  (repulsive first retardation correction; c₂ = 1, 3/2, 2, 5 for 11, 12, 13, 22; for 11 it
  is W^(1) of Eq. (36)); :func:`retardation_coefficient`.
* R -> ∞: W_{l1 l2} -> -(c/(π R^{2L+3})) I_{l1 l2} α_{l1}^A(0) α_{l2}^B(0),
  I = ∫₀^∞ e^{-2x}P dx = 23/4 (11, Eq. (52)), 531/32 (12), 5291/150 (13), 5591/64 (22);
  :func:`long_range_coefficient`. Dipole-quadrupole: R⁻⁹, C9 = (531/32π) c (α₁^Aα₂^B + α₂^Aα₁^B).

Quadrature and fast evaluation follow :mod:`weft.matching.intermediate`: per-R Gauss panels
in log u (:func:`potential_cp`), and per-decade Chebyshev interpolants of R^p W_p in log R
on 1e-3 <= R < 1e8 bohr, built once per pair of states, with the two-term large-R expansion
beyond (:func:`potential_fast`).
"""
from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from math import factorial
from types import MappingProxyType

import numpy as np

from hydrogen.multipole import multipole_polarizability, multipole_rule
from hydrogen.states import parse_state

from .. import dispersive, units
from .intermediate import _cp_nodes

__all__ = ["KERNELS", "PARTS", "kernel", "potential_cp", "potential_fast",
           "long_range_coefficient", "retardation_coefficient"]

_F = Fraction
_P12 = (_F(15, 2), _F(15), _F(27, 2), _F(7), _F(9, 4), _F(1, 2), _F(1, 12))
_P13 = (_F(14), _F(28), _F(26), _F(44, 3), _F(138, 25), _F(36, 25), _F(4, 15), _F(8, 225),
        _F(2, 675))
#: Exact polynomial coefficients (ascending powers of x = uR/c) of P_{l1 l2}, Eq. (K1)
#: (read-only mapping).
KERNELS = MappingProxyType({
    (1, 1): (_F(3), _F(6), _F(5), _F(2), _F(1)),
    (1, 2): _P12, (2, 1): _P12,
    (1, 3): _P13, (3, 1): _P13,
    (2, 2): (_F(35), _F(70), _F(65), _F(110, 3), _F(661, 48), _F(85, 24), _F(89, 144),
             _F(5, 72), _F(1, 144)),
})

#: The (l1, l2) parts of each inverse power of the short-range expansion (read-only).
PARTS = MappingProxyType({6: ((1, 1),), 8: ((1, 2), (2, 1)), 10: ((1, 3), (3, 1), (2, 2))})


def _check_power(power) -> int:
    if isinstance(power, bool) or power not in PARTS:
        raise ValueError(f"power must be 6, 8 or 10 (W_p -> -C_p/R^p as R -> 0), got {power!r}")
    return int(power)


def _check_pair(l1, l2) -> tuple[int, int]:
    if (l1, l2) not in KERNELS:
        raise ValueError(f"(l1, l2) must be one of {sorted(KERNELS)}, got {(l1, l2)!r}")
    return l1, l2


def kernel(l1, l2, x):
    """P_{l1 l2}(x) of Eq. (K1), dimensionless, x = uR/c >= 0.

    Parameters
    ----------
    l1, l2 : int
        Multipole orders (1 dipole, 2 quadrupole, 3 octupole): (1,1), (1,2), (2,1), (1,3),
        (3,1) or (2,2).
    x : float or array_like
        x = uR/c >= 0 (dimensionless: u in hartree, R in bohr, c = 1/α).

    Returns
    -------
    float or ndarray
        P_{l1 l2}(x), dimensionless, same shape as ``x``.

    Examples
    --------
    >>> float(kernel(1, 2, 0.0))           # K(1,2)/2 = 15/2: the static C8 prefactor
    7.5
    """
    coefs = np.array([float(c) for c in KERNELS[_check_pair(l1, l2)]])
    return np.polynomial.polynomial.polyval(np.asarray(x, dtype=float), coefs)


def _check_ground(state, name: str):
    """The representation (K1) needs every intermediate level above the state (ω > 0)."""
    st = parse_state(state)
    for l in (1, 2, 3):
        rule = multipole_rule(st, l) if st.l == 0 else None
        if rule is None or np.any(rule.dE >= 0):
            raise ValueError(f"{name}: the retarded multipole potentials (K1) are implemented for "
                             f"S states whose intermediate levels all lie above them (1s); "
                             f"{st.label} has degenerate or lower levels (resonant terms)")
    return st


_check_r = dispersive.check_distances


def _potentials(R: np.ndarray, st1, st2, powers) -> dict:
    """{p: W_p(R)} for 1-d R by the per-R u-quadrature; α_l(iu) evaluated once for all p."""
    c = units.C_AU
    nodes = [_cp_nodes(r) for r in R]
    sizes = [n[0].size for n in nodes]
    u = np.concatenate([n[0] for n in nodes])
    w = np.concatenate([n[1] for n in nodes])
    x = u * np.repeat(R, sizes) / c
    wd = w * np.exp(-2.0 * x)
    starts = np.cumsum([0] + sizes[:-1])
    alphas = {}
    out = {}
    for p in powers:
        terms = np.zeros(x.size)
        for (l1, l2) in PARTS[p]:
            for st, l in ((st1, l1), (st2, l2)):
                if (st, l) not in alphas:
                    alphas[(st, l)] = multipole_polarizability(st, l, 1j * u)
            terms += alphas[(st1, l1)] * alphas[(st2, l2)] * kernel(l1, l2, x)
        out[p] = -np.add.reduceat(wd * terms, starts) / (np.pi * R ** p)
    return out


def potential_cp(R_bohr, state1="1s", state2="1s", power=8):
    """Retarded W_p(R) (hartree) of Eq. (K1) by direct quadrature in u, R in bohr.

    W_8 = W_12 + W_21 (dipole-quadrupole), W_10 = W_13 + W_31 + W_22; power=6 gives the
    Casimir-Polder dipole-dipole W^(0) (same as :func:`weft.matching.intermediate.potential_cp`).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr, finite and > 0.
    state1, state2 : str or tuple
        S states whose intermediate levels all lie above them ("1s").
    power : int
        6, 8 or 10: the inverse power of the short-range limit.

    Returns
    -------
    ndarray
        W_p in hartree, same shape as ``R_bohr``.

    Examples
    --------
    >>> w = potential_cp(1.0, power=8)            # -> -C8/R⁸ as R -> 0 (Yan et al. 1996)
    >>> bool(abs(float(w) / -124.3990835836223 - 1) < 1e-4)
    True
    """
    R = _check_r(R_bohr)
    power = _check_power(power)
    st1, st2 = _check_ground(state1, "state1"), _check_ground(state2, "state2")
    flat = R.ravel()
    out = _potentials(flat, st1, st2, (power,))[power] if flat.size else np.zeros(0)
    return out.reshape(R.shape)


_CHEB_DECADES = (-3, 8)      # interpolant covers 1e-3 .. 1e8 bohr
_CHEB_NODES = 24             # Chebyshev points per decade: interpolation error ~1e-15
_R_SERIES = 10.0 ** _CHEB_DECADES[1]    # two-term large-R expansion from here on


def _moment_integral(l1: int, l2: int, k: int) -> Fraction:
    """I_k = ∫₀^∞ x^k e^{-2x} P_{l1 l2}(x) dx, exact."""
    return sum(cf * factorial(j + k) / Fraction(2) ** (j + k + 1)
               for j, cf in enumerate(KERNELS[(l1, l2)]))


@lru_cache(maxsize=16)
def _large_r_terms(st1, st2, power: int) -> tuple[float, float]:
    """(b0, b2) of W_p = -(c/(π R^{p+1})) [b0 - (c/R)² b2 + O((c/R)⁴)].

    From α_l(iu) = α_l(0) - S_l(-4) u² + O(u⁴), S_l(-4) = Σ f^(l)/ω⁴: b0 = Σ I_0 α_{l1} α_{l2},
    b2 = Σ I_2 (S_{l1}(-4) α_{l2} + α_{l1} S_{l2}(-4)). At R >= 1e8 bohr the omitted (c/R)⁴
    term is ~1e-23 relative.
    """
    def static(st, l):
        rule = multipole_rule(st, l)
        w, f = rule.omega, rule.f
        return float(np.sum(f / w ** 2)), float(np.sum(f / w ** 4))

    b0 = b2 = 0.0
    for (l1, l2) in PARTS[power]:
        (a1, s1), (a2, s2) = static(st1, l1), static(st2, l2)
        b0 += float(_moment_integral(l1, l2, 0)) * a1 * a2
        b2 += float(_moment_integral(l1, l2, 2)) * (s1 * a2 + a1 * s2)
    return b0, b2


@lru_cache(maxsize=16)
def _interpolants(st1, st2) -> dict:
    """{p: per-decade Chebyshev coefficients of R^p W_p(R) in log10 R}, p = 6, 8, 10 (setup)."""
    lo, hi = _CHEB_DECADES
    k = np.arange(_CHEB_NODES)
    xk = np.cos(np.pi * (k + 0.5) / _CHEB_NODES)              # Chebyshev points, 1st kind
    R = np.concatenate([10.0 ** (d + 0.5 * (xk + 1)) for d in range(lo, hi)])
    out = {}
    for p, w in _potentials(R, st1, st2, tuple(PARTS)).items():
        vals = (w * R ** p).reshape(hi - lo, _CHEB_NODES)
        coefs = np.array([np.polynomial.chebyshev.chebfit(xk, v, _CHEB_NODES - 1) for v in vals])
        coefs.setflags(write=False)
        out[p] = coefs
    return out


def potential_fast(R_bohr, state1="1s", state2="1s", power=8):
    """W_p (hartree) from a Chebyshev interpolant of Eq. (K1); same function as potential_cp.

    Per-decade Chebyshev interpolants (24 nodes) of R^p W_p in log10 R on 1e-3 <= R < 1e8
    bohr, built once per pair of states for p = 6, 8, 10 together (~0.25 s) and cached; for
    R >= 1e8 the two-term large-R expansion -(c/(πR^{p+1}))[b0 - (c/R)² b2] (relative error
    ~1e-23); below 1e-3 bohr the direct quadrature :func:`potential_cp`. Agrees with
    :func:`potential_cp` to ~1e-14 relative (tested at 1e-12).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr, finite and > 0.
    state1, state2 : str or tuple
        Ground-state S atoms ("1s").
    power : int
        6, 8 or 10.

    Returns
    -------
    ndarray
        W_p in hartree, same shape as ``R_bohr``.

    Examples
    --------
    >>> r = 1000.0
    >>> bool(abs(potential_fast(r) / potential_cp(r) - 1) < 1e-11)
    True
    """
    R = _check_r(R_bohr)
    power = _check_power(power)
    st1, st2 = _check_ground(state1, "state1"), _check_ground(state2, "state2")
    flat = R.ravel()
    out = np.empty(flat.size)
    lo, hi = _CHEB_DECADES
    lg = np.log10(flat)
    inside = (lg >= lo) & (lg < hi)
    far = flat >= _R_SERIES
    if np.any(far):
        b0, b2 = _large_r_terms(st1, st2, power)
        c_r = units.C_AU / flat[far]
        out[far] = -(c_r / np.pi) * (b0 - c_r * c_r * b2) / flat[far] ** power
    near = ~inside & ~far
    if np.any(inside):
        coefs = _interpolants(st1, st2)[power]
        dec = np.floor(lg[inside]).astype(int)
        x = 2 * (lg[inside] - dec) - 1
        c = coefs[dec - lo]
        b1 = np.zeros(x.size)
        b2 = np.zeros(x.size)
        for j in range(c.shape[1] - 1, 0, -1):                # Clenshaw, per-point coefficients
            b1, b2 = 2 * x * b1 - b2 + c[:, j], b1
        out[inside] = (x * b1 - b2 + c[:, 0]) / flat[inside] ** power
    if np.any(near):
        out[near] = potential_cp(flat[near], st1, st2, power)
    return out.reshape(R.shape)


def long_range_coefficient(state1="1s", state2="1s", power=8) -> float:
    """C_{p+1} of the long-range law W_p -> -C_{p+1}/R^{p+1} (hartree·bohr^{p+1}), Eq. (K1).

    C_{p+1} = (c/π) Σ_{(l1,l2)} I_{l1 l2} α_{l1}^A(0) α_{l2}^B(0), I = ∫₀^∞ e^{-2x}P(x) dx
    (exact rationals: 23/4, 531/32, 5291/150, 5591/64), c = 1/α. For p = 6 this is the
    Casimir-Polder C7 = 23 α₁α₂/(4πα) of Eq. (53).

    Parameters
    ----------
    state1, state2 : str or tuple
        Ground-state S atoms ("1s").
    power : int
        6, 8 or 10: the inverse power of the short-range limit of W_p.

    Returns
    -------
    float
        C_{p+1} in hartree·bohr^{p+1} (proportional to c = 1/α ≈ 137.036 in atomic units).

    Examples
    --------
    >>> round(long_range_coefficient(power=6) * units.ALPHA, 10)  # 23 (9/2)²/(4π), Eq. (53)
    37.0632073725
    >>> round(long_range_coefficient(power=8) * units.ALPHA, 8)   # (531/16π)·(9/2)·15, 1s-1s
    713.06388097
    """
    power = _check_power(power)
    st1, st2 = _check_ground(state1, "state1"), _check_ground(state2, "state2")
    total = 0.0
    for (l1, l2) in PARTS[power]:
        total += float(_moment_integral(l1, l2, 0)) * float(multipole_polarizability(st1, l1)) \
            * float(multipole_polarizability(st2, l2))
    return units.C_AU * total / np.pi


def retardation_coefficient(state1="1s", state2="1s", power=8) -> float:
    """D_p of the first retardation correction W_p ≈ -C_p/R^p + α² D_p/R^{p-2} (R -> 0), Eq. (K1).

    From e^{-2x}P(x) = P(0) - c₂x² + O(x⁴) (c₂ = 1, 3/2, 2, 5 for (1,1), (1,2), (1,3),
    (2,2)) and (1/π)∫₀^∞ u² α_a(iu) α_b(iu) du = 2 Σ ω_a ω_b q_a q_b/(ω_a + ω_b):
    D_p = Σ_{(l1,l2)} 2 c₂(l1,l2) Σ_{a,b} ω_a ω_b q_a^{(l1)} q_b^{(l2)}/(ω_a + ω_b), a
    London-type double sum over the rules of :mod:`hydrogen.multipole` (positive: the
    correction is repulsive). For p = 6 it is W^(1) of Eq. (36): α² D_6/R⁴, i.e.
    D_6 = -2 × :func:`hydrogen.london_nlo_sum`.

    Parameters
    ----------
    state1, state2 : str or tuple
        Ground-state S atoms ("1s").
    power : int
        6, 8 or 10: the inverse power of the leading short-range term -C_p/R^p.

    Returns
    -------
    float
        D_p in hartree·bohr^{p-2} (the correction α² D_p/R^{p-2} is in hartree with R in
        bohr and α the fine-structure constant).

    Examples
    --------
    >>> round(retardation_coefficient(power=6), 10)      # -2 london_nlo_sum("1s"), Eq. (36)
    0.4628065388
    >>> round(retardation_coefficient(power=8), 10)
    7.1929922789
    """
    power = _check_power(power)
    st1, st2 = _check_ground(state1, "state1"), _check_ground(state2, "state2")
    total = 0.0
    for (l1, l2) in PARTS[power]:
        P = KERNELS[(l1, l2)]
        c2 = -(P[2] - 2 * P[1] + 2 * P[0])                    # x² coefficient of e^{-2x}P
        r1, r2 = multipole_rule(st1, l1), multipole_rule(st2, l2)
        a, b = r1.omega, r2.omega
        total += 2 * float(c2) * float((r1.x2 * a) @ (1.0 / np.add.outer(a, b)) @ (r2.x2 * b))
    return total
