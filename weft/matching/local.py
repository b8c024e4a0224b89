"""The local part of Eq. (54) in the intermediate regime: subtraction constants of Eq. (60).

W̃_E^1loop(k) of Eq. (54) grows like k⁴ log k², so its dispersion relation (Eq. (60)) is
twice subtracted at k² = 0:

    W̃(k) = c₀ + c₁ k² + (2k⁴/π) ∫₀^∞ dμ Im W̃(η - iμ) / (μ³ (μ² + k²)),

the last term giving the non-local W(R) of Eq. (61) at R > 0, the constants giving
c₀ δ³(R) - c₁ ∇²δ³(R). The constants are the value and slope of W̃ at k² = 0. With the
closed form of K for ΔE < 0 (weft.loops; z = |k|/(2|ΔE|), h(z) = Σ_j z^{2j+1}[1/(2j+1)² -
log z/(2j+1)]),

    K(k², ΔE) = (1/(8π²|ΔE|)) [ (1 - log z) + (k²/4ΔE²)(1/9 - log z/3) + O(k⁴ log k) ],

and J of (A6), the bracket of Eq. (54) (with the J weight of erratum E6) expands, pair by pair
(a_i = |ΔE_i|, ℓ(x) = log(x/ν²), DD the divided difference in ΔE²), as

    (1/8π²) [ 2 + 4 log 2 + 2 DD[x ℓ(x)](a₁², a₂²) - (11/6) k² DD[ℓ](a₁², a₂²) ] + O(k⁴ log k²):

the log k² of K cancels against that of A_{3/2} pair by pair. Hence (natural units)

    c₀ = (1/4π²) [ (1 + 2 log 2)(Σ' p ΔE)² + Σ' p₁p₂ ΔE₁ΔE₂ DD[x ℓ] ] + W̃^cont   (Eq. (55)),
    c₁ = -(11/6)(1/8π²) Σ' p₁p₂ ΔE₁ΔE₂ DD[log](ΔE₁², ΔE₂²),

which are *identically* the long-regime local coefficients: c₀ = Eq. (40) + Eq. (39)
(:func:`weft.matching.long.delta_zero`), c₁ = Eq. (41) (:func:`weft.matching.long.laplacian_one`)
— as it must be, since Eq. (54) at |k| ≪ ΔE is Eqs. (40)-(42), (49). The ν dependence
cancels in c₀ (Eq. (58)); c₁ is finite. This module evaluates them from the expansion above
(its own code path); the tests compare them with the long-regime functions and with a
numerical k → 0 extrapolation of Eq. (54) built from weft.loops.

:func:`weft.matching.intermediate.contributions` reports them (``{"delta3": c₀ + contact,
"laplacian_delta3": c₁}``, hartree·bohr³ and hartree·bohr⁵) with the dispersive order "0";
before, only the ν-dependent contact term Eq. (55) was reported.

Available for atoms whose intermediate levels all lie above them (1s-1s); for excited states
J(ΔE) acquires 2iπθ(ΔE) and the constants become complex (decay), and the degenerate np
level and the exchange element need their own expansion: :func:`intermediate_local` raises.
"""
from __future__ import annotations

from functools import lru_cache

import numpy as np

from .. import units
from ..pair import GROUND, Pair
from .base import check_nu, divided_difference, natural_rules, pair_arrays
from .short import v_contact

__all__ = ["subtraction_constants", "intermediate_local"]


def _upward_rules(pair: Pair):
    pair.require_levels_above(
        "the local part of Eq. (54) (for excited S states J(ΔE) has 2iπθ(ΔE), so complex "
        "constants, and the degenerate np level and the exchange element need their own "
        "small-k expansion, not done)")
    return natural_rules(pair)


def subtraction_constants(pair: Pair = GROUND, nu=None) -> tuple[float, float]:
    """(c₀, c₁): W̃_E^1loop(k) = c₀ + c₁ k² + O(k⁴ log k²) of Eq. (54), natural units, MS-bar.

    The subtraction constants of the twice-subtracted Eq. (60) (module docstring); c₀ without
    the contact term Eq. (55).

    Parameters
    ----------
    pair : Pair
        Atoms whose intermediate levels all lie above them (1s-1s).
    nu : float, optional
        MS-bar scale ν/m_e (default 1).

    Returns
    -------
    (float, float)
        c₀ (m_e⁻²) and c₁ (m_e⁻⁴) in the paper's natural units.

    Examples
    --------
    >>> c0, c1 = subtraction_constants()
    >>> c1 < 0
    True
    """
    return _subtraction_constants(pair, check_nu(nu))


@lru_cache(maxsize=64)
def _subtraction_constants(pair: Pair, v: float) -> tuple[float, float]:
    # cached: weft.potential evaluates the contributions once per chunk of R, and this
    # double state sum (~6 ms) would otherwise cost more than the potential itself
    lnu2 = np.log(v * v)
    dE1, p1, dE2, p2 = _upward_rules(pair)
    a, pa, b, pb = pair_arrays(dE1, p1, dE2, p2)
    x1, x2 = a * a, b * b
    xl = (lambda x: x * (np.log(x) - lnu2), lambda x: np.log(x) - lnu2 + 1.0,
          lambda x: -1.0 / (x * x))
    lg = (np.log, lambda x: 1.0 / x, lambda x: 2.0 / x ** 3)
    pe = pa * pb * a * b
    c0 = ((1 + 2 * np.log(2)) * np.sum(p1 * dE1) * np.sum(p2 * dE2)
          + np.sum(pe * divided_difference(*xl, x1, x2))) / (4 * np.pi ** 2)
    c1 = -(11.0 / 6.0) / (8 * np.pi ** 2) * np.sum(pe * divided_difference(*lg, x1, x2))
    return float(c0), float(c1)


def intermediate_local(pair: Pair = GROUND, nu=None) -> dict:
    """Local coefficients of the intermediate regime (Sec. VI), atomic units, ν-independent.

    {"delta3": c₀ + W̃^cont (Eqs. (54), (55), (58)), "laplacian_delta3": c₁}, converted to
    hartree·bohr³ (× α) and hartree·bohr⁵ (× α³); W ⊃ c₀ δ³(R) - c₁ ∇²δ³(R). They equal
    the long-regime :func:`weft.matching.long.delta_zero` and
    :func:`weft.matching.long.laplacian_one` (module docstring).

    Parameters
    ----------
    pair : Pair
        1s-1s (see :func:`subtraction_constants`); its spins enter through the d_v part
        of the contact term.
    nu : float, optional
        MS-bar scale ν/m_e; the result does not depend on it.

    Returns
    -------
    dict
        {"delta3": hartree·bohr³, "laplacian_delta3": hartree·bohr⁵}.

    Examples
    --------
    >>> a = intermediate_local(nu=1.0)["delta3"]
    >>> abs(intermediate_local(nu=10.0)["delta3"] / a - 1) < 1e-10
    True
    """
    v = check_nu(nu)
    c0, c1 = subtraction_constants(pair, v)
    return {"delta3": float(units.ALPHA * (c0 + v_contact(pair.spins, v))),
            "laplacian_delta3": float(units.ALPHA ** 3 * c1)}
