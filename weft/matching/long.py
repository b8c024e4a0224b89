"""Sec. V: the long-distance van der Waals potential, R ≫ 1/(m α²).

pNRQED → WEFT' (ultrasoft photons and atomic states integrated out: polarizabilities and
local two-atom terms, Eqs. (39)-(43)) → WEFT (photons of momentum 1/R: the seagull
diagram, Eq. (49)). For S-wave atoms, atomic units:

* W^(-1): magnetic dipole-dipole, Eqs. (44), (45) (same as W^(1/2) of Sec. IV);
* W^(0):  local only, c₀ δ³(R): Eqs. (40) + (39), ν-independent (Eq. (51));
* W^(1):  local only, W̃ ⊃ c₁ k²: Eq. (41), finite;
* W^(2):  Casimir-Polder -(23/(4π α)) α₁α₂/R⁷ (Eq. (52), α_i the static polarizabilities in
          bohr³), plus the local W̃ ⊃ c₂ k⁴ of Eqs. (42) + (49), ν-independent (Eq. (50)).
          The magnetic-polarizability term Eq. (43) is of higher order in α for hydrogen and
          is not included.

Local coefficients are MS-bar with the d-dimensional prefactors expanded to O(4-d) before
λ = 2/(4-d) - γ_E + log 4π is removed. They need the double log sums of
:mod:`weft.matching.base` and are available for atoms whose intermediate levels all lie
above them (the ground state).
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from hydrogen.sums import polarizability

from .. import units
from ..pair import GROUND, Pair
from .base import Contribution, check_nu, divided_difference, natural_rules, pair_arrays
from .magnetic import magnetic_contact_coefficient, magnetic_dipole_potential
from .short import log_sum_L, v_contact

__all__ = ["ORDERS", "casimir_polder", "C7", "delta_zero", "laplacian_one", "laplacian2_two",
           "contributions", "w_tilde"]

#: Order keys of the long-distance regime (powers of α relative to Eq. (46)).
ORDERS = ("-1", "0", "1", "2")

_WHAT = "the long regime (Sec. V)"


def C7(pair: Pair = GROUND) -> float:
    """Casimir-Polder coefficient, Eq. (53), in atomic units (hartree·bohr⁷).

    C7 = (23/4π) α₁α₂ in natural units with the paper's α_n of Eq. (11); with static
    polarizabilities α_i in bohr³ and c = 1/α: C7 = 23 α₁α₂/(4π α).

    Parameters
    ----------
    pair : Pair
        Atoms with finite static polarizabilities (1s-1s).

    Returns
    -------
    float, hartree·bohr⁷.

    Examples
    --------
    >>> round(C7(), 2)                  # 23·(9/2)²/(4πα), hartree·bohr⁷
    5078.99
    """
    shifts = pair.level_shifts
    return float(23.0 * polarizability(pair.state1, level_shifts=shifts)
                 * polarizability(pair.state2, level_shifts=shifts) / (4.0 * np.pi * units.ALPHA))


def casimir_polder(R_bohr, pair: Pair = GROUND):
    """Casimir-Polder potential W_CP = -C7/R⁷, Eq. (52), hartree (R in bohr).

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
    >>> float(casimir_polder(1e4)) * 1e28
    -5078.99...
    """
    return -C7(pair) / np.asarray(R_bohr, dtype=float) ** 7


def _upward(pair: Pair):
    pair.require_levels_above(_WHAT)
    return natural_rules(pair)


def delta_zero(pair: Pair = GROUND, nu=None) -> float:
    """δ³(R) coefficient of W^(0) = Eq. (40) + Eq. (39), hartree·bohr³.

    Eq. (40) at d = 4 - 2ε, (d-2)(d-3) = 2(1 - 3ε):
    -(1/4π²)[(2 - 2 log 2)(Σ'pΔE)² + L(ν)] + (3/4π²)(Σ'pΔE)²; Eq. (39): -d_s - 4 d_v tr T.

    Parameters
    ----------
    pair : Pair
        Atoms whose intermediate levels all lie above them; its spins enter Eq. (39).
    nu : float, optional
        MS-bar scale in units of m_e; the result does not depend on it (Eq. (51)).

    Returns
    -------
    float, hartree·bohr³.

    Examples
    --------
    >>> abs(delta_zero(nu=10.0) / delta_zero(nu=1.0) - 1) < 1e-10     # Eq. (51)
    True
    """
    v = check_nu(nu)
    a = units.ALPHA
    dE1, p1, dE2, p2 = _upward(pair)
    spe = np.sum(p1 * dE1) * np.sum(p2 * dE2)
    L = log_sum_L(pair, v)
    c40 = -((2 - 2 * np.log(2)) * spe + L) / (4 * np.pi ** 2) + 3 * spe / (4 * np.pi ** 2)
    return float(a * (c40 + v_contact(pair.spins, v)))


@lru_cache(maxsize=256)
def laplacian_one(pair: Pair = GROUND) -> float:
    """Coefficient c₁ of k² in W̃^(1) = Eq. (41) (W ⊃ -c₁ ∇²δ³(R)), hartree·bohr⁵.

    At d = 4: -(11/6)(1/8π²) Σ' p₁p₂ ΔE₁ΔE₂ [log ΔE₁² - log ΔE₂²]/(ΔE₁² - ΔE₂²); the poles of
    the two J cancel (finite, ν-independent). Natural → atomic units: × α³.

    Parameters
    ----------
    pair : Pair
        Atoms whose intermediate levels all lie above them.

    Returns
    -------
    float, hartree·bohr⁵.

    Examples
    --------
    >>> laplacian_one() < 0
    True
    """
    dE1, p1, dE2, p2 = _upward(pair)
    a, pa, b, pb = pair_arrays(dE1, p1, dE2, p2)
    dd = divided_difference(np.log, lambda x: 1.0 / x, lambda x: 2.0 / x ** 3, a * a, b * b)
    c = -(11.0 / 6.0) / (8 * np.pi ** 2) * np.sum(pa * pb * a * b * dd)
    return float(units.ALPHA ** 3 * c)


@lru_cache(maxsize=256)
def laplacian2_two(pair: Pair = GROUND, nu=None) -> float:
    """Coefficient c₂ of k⁴ in the local part of W̃^(2) = Eqs. (42) + (49), hartree·bohr⁷.

    With S = Σ' p/ΔE per atom (= 2π α_n, Eq. (11)), ℓ(x) = log(x/ν²):
    Eq. (42): (46/240)(1/8π²)[(2 - 2 log 2) S₁S₂ + Σ' (p₁p₂/ΔE₁ΔE₂) x₁x₂ DD[ℓ/x](x₁,x₂)]
              - (122/240)(1/8π²) S₁S₂        (x = ΔE², (d-3)(d-2)(d²-12d+55) = 46 - 122ε);
    Eq. (49): -(23/240)[2 + log ν² - 97/345] α₁α₂, α_i = S_i/2π.
    Natural → atomic units: × α⁵. ν cancels (Eq. (50)).

    Parameters
    ----------
    pair : Pair
        Atoms whose intermediate levels all lie above them.
    nu : float, optional
        MS-bar scale in units of m_e; the result does not depend on it (Eq. (50)).

    Returns
    -------
    float, hartree·bohr⁷.

    Examples
    --------
    >>> abs(laplacian2_two(nu=1e-4) / laplacian2_two() - 1) < 1e-10   # Eq. (50)
    True
    """
    v = check_nu(nu)
    lnu2 = np.log(v * v)
    dE1, p1, dE2, p2 = _upward(pair)
    s1, s2 = np.sum(p1 / dE1), np.sum(p2 / dE2)
    a, pa, b, pb = pair_arrays(dE1, p1, dE2, p2)
    g = lambda x: (np.log(x) - lnu2) / x                         # noqa: E731
    dg = lambda x: (1.0 - np.log(x) + lnu2) / x ** 2             # noqa: E731
    d3g = lambda x: (11.0 - 6.0 * (np.log(x) - lnu2)) / x ** 4   # noqa: E731
    x1, x2 = a * a, b * b
    dd = divided_difference(g, dg, d3g, x1, x2)
    tail = np.sum(pa * pb / (a * b) * x1 * x2 * dd)
    c42 = (46.0 / 240.0) / (8 * np.pi ** 2) * ((2 - 2 * np.log(2)) * s1 * s2 + tail) \
        - (122.0 / 240.0) / (8 * np.pi ** 2) * s1 * s2
    alpha12 = s1 * s2 / (4 * np.pi ** 2)
    c49 = -(23.0 / 240.0) * (2.0 + lnu2 - 97.0 / 345.0) * alpha12
    return float(units.ALPHA ** 5 * (c42 + c49))


def contributions(R_bohr, pair: Pair = GROUND, nu=None, r_hat=None):
    """All long-distance terms (Sec. V) at R (bohr), values in hartree.

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
    >>> [c.order for c in contributions(1e4)]
    ['-1', '0', '1', '2']
    """
    R = np.asarray(R_bohr, dtype=float)
    zero = np.zeros(R.shape)
    out = [Contribution("magnetic dipole-dipole", "-1", "Eqs. (44), (45)",
                        magnetic_dipole_potential(R, pair.spins, r_hat),
                        {"delta3": magnetic_contact_coefficient(pair.spins)},
                        "textbook sign; see docs/errata.md E3-E4")]
    try:
        d0 = {"delta3": delta_zero(pair, nu)}
        d1 = {"laplacian_delta3": laplacian_one(pair)}
        d2 = {"laplacian2_delta3": laplacian2_two(pair, nu)}
        note = "MS-bar local terms; independent of nu (Eqs. (50), (51))"
    except ValueError as err:
        d0 = d1 = d2 = {}
        note = f"local terms not computed: {err}"
    out += [
        Contribution("LO one-loop + contact (local)", "0", "Eqs. (46), (40), (39)", zero, d0, note),
        Contribution("NLO one-loop (local)", "1", "Eqs. (47), (41)", zero, d1, note),
        Contribution("Casimir-Polder (seagull) + N2LO one-loop", "2", "Eqs. (48), (42), (49), (52)",
                     casimir_polder(R, pair), d2,
                     note + "; magnetic-polarizability term Eq. (43) not included"),
    ]
    return out


def w_tilde(k2, pair: Pair = GROUND, nu=None) -> dict:
    """Momentum-space long-distance potentials, Eqs. (46)-(48), natural units.

    Returns {"0": (40) + (39), "1": (41), "2": (42) + (49)} at k² (array), MS-bar, for atoms
    whose intermediate levels all lie above them. The k⁴ log k² term of "2" is the
    Casimir-Polder seagull (23/240) α₁α₂ k⁴ log k² (α of Eq. (11)); the magnetic term
    (43) and W̃^(-1) (44) are not included.

    Parameters
    ----------
    k2 : array_like
        |k|² in natural units (> 0).
    pair : Pair
    nu : float, optional
        MS-bar scale in units of m_e.

    Returns
    -------
    dict of ndarray (natural units).

    Examples
    --------
    >>> sorted(w_tilde(1e-12))
    ['0', '1', '2']
    """
    v = check_nu(nu)
    k2 = np.asarray(k2, float)
    a = units.ALPHA
    dE1, p1, dE2, p2 = _upward(pair)
    alpha12 = np.sum(p1 / dE1) * np.sum(p2 / dE2) / (4 * np.pi ** 2)
    c0 = delta_zero(pair, v) / a
    c2 = laplacian2_two(pair, v) / a ** 5
    return {"0": c0 + 0 * k2,
            "1": laplacian_one(pair) / a ** 3 * k2,
            "2": k2 * k2 * (c2 + (23.0 / 240.0) * alpha12 * np.log(k2 / (v * v)))}
