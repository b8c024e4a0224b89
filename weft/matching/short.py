"""Sec. IV: the short-distance van der Waals potential, a₀ ≪ R ≪ 1/(m α²).

pNRQED → pNRQED' (photons of momentum 1/R, Eqs. (16)-(22)) → WEFT (ultrasoft photons and
atomic states, Eqs. (23)-(29)). In coordinate space, for S-wave atoms (atomic units):

* W^(0)   = -C6/R⁶                                   Eqs. (26), (31), (32)  (London)
* W^(1/2) = α² c_F² [tr T - 3R̂·T·R̂]/R³ + contact      Eqs. (27), (19), (35) (magnetic)
* W^(1)   = -(2α²/R⁴) Σ' x2₁x2₂ ΔE₁ΔE₂/(ΔE₁+ΔE₂)      Eqs. (28), (24), (36)
* W^(3/2) = -7α³/(6πR³) + c δ³(R)                     Eqs. (29), (22), (25), (21), (38)

(the a.u. forms follow from the paper's natural-unit formulas with p_E = (4π/α) x2,
ΔE → α² ΔE, R → R/α, W → α² W). W^(1) is repulsive for ground-state atoms, contrary to
the text after Eq. (36) (docs/errata.md). The local coefficient of W^(3/2) is computed in
MS-bar (d-dimensional prefactors expanded to O(4-d) before λ is removed) and is
independent of ν: the ν dependence of Eq. (25), Eq. (22) and d_s of Eq. (6) cancels,
Eq. (30) — checked numerically in the tests.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from hydrogen.sums import C6, london_nlo_sum

from .. import units
from ..pair import GROUND, Pair
from .base import Contribution, check_nu, divided_difference, natural_rules, pair_arrays
from .magnetic import magnetic_contact_coefficient, magnetic_dipole_potential, spin_tensor

__all__ = ["ORDERS", "london", "w_half", "w_one", "w_three_half", "delta_three_half",
           "log_sum_L", "w_tilde", "v_tree_lo_e", "v_tree_nlo_e", "v_tree_lo_b", "v_tree_lo_m",
           "v_contact", "v_n2lo_e_1loop", "contributions"]

#: Order keys of the short-distance regime (powers of α relative to London).
ORDERS = ("0", "1/2", "1", "3/2")


@lru_cache(maxsize=256)
def _c6(pair: Pair) -> float:
    """C6 (hartree·bohr⁶) of a pair, cached: a scalar W(R) call then costs microseconds
    instead of a pair sum (~0.5 ms)."""
    return C6(pair.state1, pair.state2, level_shifts=pair.level_shifts)


@lru_cache(maxsize=256)
def _nlo_sum(pair: Pair) -> float:
    """The Eq. (36) state sum (hartree·bohr⁴) of a pair, cached like _c6."""
    return london_nlo_sum(pair.state1, pair.state2, level_shifts=pair.level_shifts)


def london(R_bohr, pair: Pair = GROUND):
    """London potential W^(0) = -C6/R⁶, Eq. (31), hartree (R in bohr).

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr.
    pair : Pair
        The atoms (default two 1s atoms).

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> round(float(london(10.0)) * 1e6, 9)
    -6.499026705
    """
    return -_c6(pair) / np.asarray(R_bohr, dtype=float) ** 6


def w_half(R_bohr, pair: Pair = GROUND, r_hat=None):
    """W^(1/2): magnetic dipole-dipole potential, Eqs. (27), (35) (corrected), hartree.

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr.
    pair : Pair
        The atoms; its ``spins`` set the spin correlation.
    r_hat : 3-vector, optional
        Direction of R (default z).

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> float(w_half(10.0, Pair(spins="singlet")))
    0.0
    """
    return magnetic_dipole_potential(R_bohr, pair.spins, r_hat)


def w_one(R_bohr, pair: Pair = GROUND):
    """W^(1) of Eq. (36) in atomic units: -(2α²/R⁴) Σ' x2₁x2₂ ΔE₁ΔE₂/(ΔE₁+ΔE₂), hartree.

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr.
    pair : Pair

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> bool(w_one(10.0) > 0)          # repulsive (errata E2)
    True
    """
    s = _nlo_sum(pair)
    return -2.0 * units.ALPHA ** 2 * s / np.asarray(R_bohr, dtype=float) ** 4


def w_three_half(R_bohr):
    """Non-local part of W^(3/2), Eq. (38): -7α³/(6πR³) hartree (state independent).

    It is the Fourier transform (H_{0,0} = -1/(2πR³), Table II) of the log k² term of the
    pNRQED' potential Eq. (22): (7α²/3) log k² in natural units.

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr.

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> float(w_three_half(1.0))     # -7α³/(6π)
    -1.443088...e-07
    """
    return -7.0 * units.ALPHA ** 3 / (6.0 * np.pi * np.asarray(R_bohr, dtype=float) ** 3)


def _xlogx(nu):
    lnu2 = np.log(nu * nu)
    g = lambda x: x * (np.log(x) - lnu2)   # noqa: E731
    dg = lambda x: np.log(x) - lnu2 + 1.0   # noqa: E731
    d3g = lambda x: -1.0 / (x * x)          # noqa: E731
    return g, dg, d3g


@lru_cache(maxsize=256)
def log_sum_L(pair: Pair = GROUND, nu=1.0) -> float:
    """L(ν) = -Σ' p₁p₂ ΔE₁ΔE₂ DD[x log(x/ν²)](ΔE₁², ΔE₂²), natural units.

    The non-trivial finite part of Σ' p₁p₂ ΔE₁ΔE₂ [ΔE₁J(ΔE₁) - ΔE₂J(ΔE₂)]/(ΔE₁² - ΔE₂²)
    (Eqs. (25), (40)) with J of Eq. (A6): that sum equals [(λ + 2 - 2 log 2)(Σ' p ΔE)² + L]/(8π²)
    for atoms whose intermediate levels all lie above them (θ(ΔE) = 0).

    Parameters
    ----------
    pair : Pair
        Atoms whose intermediate levels all lie above them (1s-1s).
    nu : float
        MS-bar scale in units of m_e.

    Returns
    -------
    float
        L(ν) in natural units: m_e⁻², the unit of (Σ' p ΔE)² = 4π²α²/m² (p_E is a squared
        length times e², ΔE an energy, the divided difference of x log x a pure number).

    Examples
    --------
    >>> log_sum_L() > 0
    True
    """
    pair.require_levels_above("the local (δ³) terms of Secs. IV-V")
    dE1, p1, dE2, p2 = natural_rules(pair)
    a, pa, b, pb = pair_arrays(dE1, p1, dE2, p2)
    dd = divided_difference(*_xlogx(nu), a * a, b * b)
    return float(-np.sum(pa * pb * a * b * dd))


def delta_three_half(pair: Pair = GROUND, nu=None) -> float:
    """Coefficient of δ³(R) in W^(3/2), Eq. (29), hartree·bohr³ (MS-bar, ν = nu·m_e).

    Sum of the finite local parts of Eq. (25) [diagrams (d)+(e)], of Eq. (22) and of the
    contact term Eq. (21) with d_s, d_v of Eq. (6) (m = 1 units):
    (8/3)(1/8π²)[(2 - 2 log 2)(Σ'pΔE)² + L(ν)] - (4/9)α²   (25),
    (α²/3)(1 - 7 log ν²)                                     (22),
    α²(log ν² + 2/3) - 4α² tr T                               (21),
    with (Σ' p ΔE)² = 4π²α² (sum rule (C2)). Converted to atomic units by × α.

    Parameters
    ----------
    pair : Pair
        Atoms whose intermediate levels all lie above them; its spins enter Eq. (21).
    nu : float, optional
        MS-bar scale in units of m_e (default 1); the result does not depend on it.

    Returns
    -------
    float, hartree·bohr³.

    Examples
    --------
    >>> abs(delta_three_half(nu=1e-3) / delta_three_half(nu=1.0) - 1) < 1e-10
    True
    """
    v = check_nu(nu)
    local_v = (units.ALPHA ** 2 / 3.0) * (1.0 - 7.0 * np.log(v * v))     # Eq. (22) at k² = 1
    return float(units.ALPHA * (_c_de(pair, v) + local_v + v_contact(pair.spins, v)))


@lru_cache(maxsize=256)
def _c_de(pair: Pair, nu) -> float:
    """MS-bar finite part of Eq. (25) (natural units): a k-independent constant."""
    dE1, p1, dE2, p2 = natural_rules(pair)
    spe = np.sum(p1 * dE1) * np.sum(p2 * dE2)
    L = log_sum_L(pair, nu)
    return float((8.0 / 3.0) / (8 * np.pi ** 2) * ((2 - 2 * np.log(2)) * spe + L)
                 - (4.0 / 9.0) * units.ALPHA ** 2)


def contributions(R_bohr, pair: Pair = GROUND, nu=None, r_hat=None):
    """All short-distance terms (Sec. IV) at R (bohr), values in hartree.

    Parameters
    ----------
    R_bohr : array_like
        Distances in bohr.
    pair : Pair
    nu : float, optional
        MS-bar scale in units of m_e (local coefficients only; they do not depend on it).
    r_hat : 3-vector, optional
        Direction of R (default z).

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`

    Examples
    --------
    >>> [c.order for c in contributions(50.0)]
    ['0', '1/2', '1', '3/2']
    """
    R = np.asarray(R_bohr, dtype=float)
    out = [
        Contribution("London (two electric-dipole potentials)", "0", "Eqs. (26), (31), (32)",
                     london(R, pair)),
        Contribution("magnetic dipole-dipole", "1/2", "Eqs. (27), (19), (35)",
                     w_half(R, pair, r_hat), {"delta3": magnetic_contact_coefficient(pair.spins)},
                     "textbook sign; see docs/errata.md E3-E4"),
        Contribution("LO x NLO electric dipole potentials", "1", "Eqs. (28), (24), (36)",
                     w_one(R, pair), {}, "repulsive for ground states"),
    ]
    try:
        delta = {"delta3": delta_three_half(pair, nu)}
        note = "MS-bar local term; independent of nu (Eq. (30))"
    except ValueError as err:
        delta, note = {}, f"local term not computed: {err}"
    out.append(Contribution("one ultrasoft photon + pNRQED' loop + contact", "3/2",
                            "Eqs. (29), (22), (25), (21), (38)", w_three_half(R), delta, note))
    return out


# ---------------------------------------------------------------------------
# Momentum space, natural units (ħ = c = m_e = 1, e² = 4πα): Eqs. (16)-(29)
# ---------------------------------------------------------------------------

def _dot(a, b):
    return np.sum(np.asarray(a, float) * np.asarray(b, float), axis=-1)


def v_tree_lo_e(x1, x2, k):
    """Eq. (16): Ṽ = -e² (x₁·k)(x₂·k)/k² (electric dipole exchange), natural units.

    e² = 4πα. Enters the dispersive potentials squared, so its overall sign (errata E3)
    does not matter there.

    Parameters
    ----------
    x1, x2 : array_like, shape (..., 3)
        Electron-proton separations of atoms 1 and 2, in units of 1/m_e (ħ = c = 1).
    k : array_like, shape (..., 3)
        Momentum transfer in units of m_e, k ≠ 0.

    Returns
    -------
    ndarray or numpy scalar
        Ṽ in units of m_e⁻² (energy × volume), shape (...).

    Examples
    --------
    >>> round(float(v_tree_lo_e([0, 0, 1], [0, 0, 1], [0, 0, 2])) / units.ALPHA, 12)   # -4π
    -12.566370614359
    """
    return -4 * np.pi * units.ALPHA * _dot(x1, k) * _dot(x2, k) / _dot(k, k)


def v_tree_nlo_e(v1, v2, k):
    """Eq. (17): Ṽ = e² [(v₁·k)(v₂·k) - v₁·v₂ k²]/k⁴, natural units (v = -i[x, h₀]).

    e² = 4πα; only the components of v transverse to k contribute.

    Parameters
    ----------
    v1, v2 : array_like, shape (..., 3)
        Electron velocities (matrix elements of v = -i[x, h₀], Eq. (18)) of atoms 1 and
        2, in units of c.
    k : array_like, shape (..., 3)
        Momentum transfer in units of m_e, k ≠ 0.

    Returns
    -------
    ndarray or numpy scalar
        Ṽ in units of m_e⁻², shape (...).

    Examples
    --------
    >>> float(v_tree_nlo_e([0, 0, 1], [0, 0, 1], [0, 0, 1]))      # longitudinal: zero
    0.0
    >>> round(float(v_tree_nlo_e([1, 0, 0], [1, 0, 0], [0, 0, 1])) / units.ALPHA, 12)  # -4π
    -12.566370614359
    """
    k2 = _dot(k, k)
    return 4 * np.pi * units.ALPHA * (_dot(v1, k) * _dot(v2, k) - _dot(v1, v2) * k2) / k2 ** 2


def v_tree_lo_b(mu1, mu2, k):
    """Eq. (19) with the sign of errata E3: Ṽ = -(e²/4m²)(μ₁·μ₂ - (μ₁·k)(μ₂·k)/k²).

    Natural units, e² = 4πα, m = m_e = 1. Its Fourier transform is the textbook magnetic
    dipole-dipole interaction
    (:func:`weft.matching.magnetic.magnetic_dipole_potential`). Its expectation value is
    W̃^(1/2), Eq. (27), which our text of the paper prints with Ṽ_LO,E; the text before
    Eq. (26) ("the tree-level contribution is the magnetic dipole potential of Eq. (19)")
    and Eq. (35) show that Ṽ_LO,B is meant (⟨n|x|n⟩ = 0 for Ṽ_LO,E).

    Parameters
    ----------
    mu1, mu2 : array_like, shape (..., 3)
        Magnetic moments μ = L + 2c_F S of the two electrons (Eq. (7)), in units of ħ
        (dimensionless).
    k : array_like, shape (..., 3)
        Momentum transfer in units of m_e, k ≠ 0.

    Returns
    -------
    ndarray or numpy scalar
        Ṽ in units of m_e⁻², shape (...).

    Examples
    --------
    >>> bool(v_tree_lo_b([1, 0, 0], [1, 0, 0], [0, 0, 1]) < 0)
    True
    >>> round(float(v_tree_lo_b([1, 0, 0], [1, 0, 0], [0, 0, 1])) / units.ALPHA, 12)  # -π
    -3.14159265359
    """
    return -(np.pi * units.ALPHA) * (_dot(mu1, mu2) - _dot(mu1, k) * _dot(mu2, k) / _dot(k, k))


def v_tree_lo_m(v1, mu1, v2, mu2, k):
    """Eq. (20): Ṽ = i (e²/2m) k/k² · (v₁ × μ₂ - μ₁ × v₂), natural units (complex).

    Electric-magnetic dipole exchange, e² = 4πα, m = m_e = 1.

    Parameters
    ----------
    v1, mu1 : array_like, shape (..., 3)
        Velocity (units of c) and magnetic moment (units of ħ) of atom 1.
    v2, mu2 : array_like, shape (..., 3)
        The same for atom 2.
    k : array_like, shape (..., 3)
        Momentum transfer in units of m_e, k ≠ 0.

    Returns
    -------
    ndarray or numpy scalar of complex
        Ṽ in units of m_e⁻², shape (...); purely imaginary for real arguments.

    Examples
    --------
    >>> complex(v_tree_lo_m([1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 1, 0], [0, 0, 1])).imag > 0
    True
    >>> v = v_tree_lo_m([1, 0, 0], [0, 0, 0], [0, 0, 0], [0, 1, 0], [0, 0, 1])
    >>> round(complex(v).imag / units.ALPHA, 12)                 # e²/2 = 2πα (x̂ × ŷ = k̂)
    6.28318530718
    """
    k = np.asarray(k, float)
    cross = np.cross(np.asarray(v1, float), np.asarray(mu2, float)) - np.cross(
        np.asarray(mu1, float), np.asarray(v2, float))
    return 1j * 2 * np.pi * units.ALPHA * _dot(k, cross) / _dot(k, k)


def v_contact(spins=None, nu=None) -> float:
    """Eq. (21) with Eq. (6): Ṽ^cont = -d_s - 4 d_v tr⟨S₁^iS₂^j⟩, natural units (m = 1).

    d_s = α²[log(m²/ν²) - 2/3], d_v = α² (MS-bar, Eq. (6)); S₁·S₂ of Eq. (21) is the trace
    of the spin correlation tensor (:func:`weft.matching.magnetic.spin_tensor`). Its
    log ν term, 2α² log ν, cancels those of Eqs. (22) and (25) (Eq. (30)).

    Parameters
    ----------
    spins : see :func:`weft.matching.magnetic.spin_tensor`
        Default None (unpolarised, tr T = 0).
    nu : float, optional
        MS-bar scale ν in units of m_e (default 1).

    Returns
    -------
    float
        Ṽ^cont in units of m_e⁻² (momentum independent: a δ³(R) term in coordinate space).

    Examples
    --------
    >>> round(v_contact() / units.ALPHA ** 2, 12)          # ν = m, unpolarised
    0.666666666667
    >>> round(v_contact("singlet") / units.ALPHA ** 2, 12)      # 2/3 - 4 (-3/4)
    3.666666666667
    """
    v = check_nu(nu)
    a2 = units.ALPHA ** 2
    return float(a2 * (np.log(v * v) + 2.0 / 3.0) - 4.0 * a2 * np.trace(spin_tensor(spins)))


def v_n2lo_e_1loop(k2, nu=None):
    """Eq. (22) in MS-bar: -(2π²α²/3)(d-2)(4d-9)A_{3/2}(k²) → (α²/3)[1 + 7 log(k²/ν²)].

    (d-2)(4d-9) = 14 - 30ε is expanded before λ is dropped (d = 4 - 2ε), with the
    MS-bar finite part A_{3/2}(k²) = (2 - log(k²/ν²))/(4π²) of (A3)
    (:func:`weft.loops.A`). Natural units. Its Fourier transform at R > 0 is the R⁻³ term
    of Eq. (38) (:func:`w_three_half`).

    Parameters
    ----------
    k2 : float or array_like
        |k|² in units of m_e², > 0.
    nu : float, optional
        MS-bar scale ν in units of m_e (default 1).

    Returns
    -------
    ndarray or numpy scalar
        Ṽ in units of m_e⁻², same shape as ``k2``.

    Examples
    --------
    >>> round(float(v_n2lo_e_1loop(1.0)) / units.ALPHA ** 2, 12)
    0.333333333333
    """
    v = check_nu(nu)
    return (units.ALPHA ** 2 / 3.0) * (1.0 + 7.0 * np.log(np.asarray(k2, float) / (v * v)))


def w_tilde(k2, pair: Pair = GROUND, nu=None) -> dict:
    """Momentum-space short-distance potentials, Eqs. (26), (28), (29), natural units.

    Returns {"0": W̃_E^(a) (23), "1": W̃_E^(b) (24), "3/2": W̃_E^(d+e) (25) + Ṽ (22) + Ṽ^cont
    (21)} at k² (array). W̃^(1/2) (27) is :func:`v_tree_lo_b` and depends on the direction
    of k and the spins, so it is not in the dict. A₂ = 1/(8|k|) (A4); (25) is given by its
    MS-bar finite part (a k-independent constant, see :func:`delta_three_half`).

    Parameters
    ----------
    k2 : array_like
        |k|² in natural units (> 0).
    pair : Pair
        Atoms whose intermediate levels all lie above them; its spins enter Eq. (21).
    nu : float, optional
        MS-bar scale in units of m_e.

    Returns
    -------
    dict of ndarray (natural units).

    Examples
    --------
    >>> w = w_tilde(1e-6)
    >>> sorted(w)
    ['0', '1', '3/2']
    """
    v = check_nu(nu)
    k2 = np.asarray(k2, float)
    k = np.sqrt(k2)
    dE1, p1, dE2, p2 = natural_rules(pair)
    a, pa, b, pb = pair_arrays(dE1, p1, dE2, p2)
    s_a = np.sum(pa * pb / (a + b))
    s_b = np.sum(pa * pb * a * b / (a + b))
    c_de = _c_de(pair, v)
    return {"0": k2 * k2 / (32 * k) * s_a,
            "1": k / 8 * s_b,
            "3/2": c_de + v_n2lo_e_1loop(k2, v) + v_contact(pair.spins, v)}
