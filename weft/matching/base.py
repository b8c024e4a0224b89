"""Shared pieces of the matching: the contribution record, the local-term kinds, the one
divided difference, and the spectral rules in the paper's natural units.

The local (δ³(R)) parts of Secs. IV-V and Eq. (62) contain double state sums of divided
differences [g(x₁) - g(x₂)]/(x₁ - x₂), x = ΔE², with a removable singularity on the
diagonal x₁ = x₂ (always hit for identical atoms). :func:`divided_difference` is the one
implementation: the quotient away from the diagonal, the central Taylor expansion within
:data:`DIAGONAL_SWITCH` of it. Its two parts, :func:`near_diagonal` and
:func:`taylor_divided_difference`, are also used by the array kernel of Eq. (62)
(:func:`weft.matching.intermediate.im_w_tilde`), which has its g values precomputed.

All sums here are in the paper's natural units (ħ = c = m_e = 1): ΔE = α² ΔE[hartree],
p_E = (4π/α) x2[bohr²] (:func:`natural_rule`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from hydrogen.spectrum import SpectralRule, spectral_rule

from .. import units

__all__ = ["Contribution", "LOCAL_TERMS", "DIAGONAL_SWITCH", "divided_difference",
           "near_diagonal", "taylor_divided_difference", "check_nu", "pair_arrays",
           "natural_rule", "natural_rules"]

#: Kinds of local terms a :class:`Contribution` reports, with the power p of length in
#: their coefficient (energy × length^p): W ⊃ c δ³(R) ("delta3"; "delta3_contact" for the
#: contact term alone), W̃ ⊃ c k² ("laplacian_delta3"), W̃ ⊃ c k⁴ ("laplacian2_delta3").
LOCAL_TERMS = {"delta3": 3, "delta3_contact": 3, "laplacian_delta3": 5,
               "laplacian2_delta3": 7}

#: Relative distance from the diagonal, |x₁ - x₂| <= DIAGONAL_SWITCH · (x₁ + x₂)/2, below
#: which a divided difference switches from the quotient to its central Taylor expansion.
#: At the switch the quotient has lost 4 digits (relative error ~ ε/1e-4 ≈ 2e-12) and the
#: truncated expansion errs by ~ g⁽⁵⁾h⁴/1920 ~ 5e-20 relative: both far below 1e-10
#: (tests/test_matching_base.py checks the changeover).
DIAGONAL_SWITCH = 1e-4


@dataclass(frozen=True)
class Contribution:
    """One term of the van der Waals potential in a given regime.

    Attributes
    ----------
    name : str
        Short description (e.g. "London").
    order : str
        Order key in the regime's counting (e.g. "0", "1/2", "3/2", "-1").
    equation : str
        Where the paper gives it (e.g. "Eq. (31)").
    value : ndarray
        The non-local potential at the requested R (energy units of the call).
    delta : dict
        Coefficients of local terms at R = 0, keyed by a kind of :data:`LOCAL_TERMS`:
        "delta3" (W ⊃ c δ³(R)), "laplacian_delta3" (W̃ ⊃ c k², i.e. W ⊃ -c ∇²δ³(R)),
        "laplacian2_delta3" (W̃ ⊃ c k⁴, W ⊃ c ∇⁴δ³(R)); units energy × length^(3, 5, 7).
    note : str
        What is included or left out.
    """

    name: str
    order: str
    equation: str
    value: np.ndarray
    delta: dict = field(default_factory=dict)
    note: str = ""


def check_nu(nu) -> float:
    """The MS-bar scale ν in units of the electron mass (None -> 1, i.e. ν = m_e).

    Parameters
    ----------
    nu : float or None

    Returns
    -------
    float

    Examples
    --------
    >>> check_nu(None)
    1.0
    """
    if nu is None:
        return 1.0
    v = float(nu)
    if not np.isfinite(v) or v <= 0:
        raise ValueError(f"nu must be a finite positive number (ν in units of m_e), got {nu!r}")
    return v


def near_diagonal(x1, x2) -> np.ndarray:
    """Mask of the pairs within :data:`DIAGONAL_SWITCH` of the diagonal x₁ = x₂.

    Parameters
    ----------
    x1, x2 : array_like
        Broadcastable arguments of the divided difference (x = ΔE² > 0).

    Returns
    -------
    ndarray of bool (broadcast shape)

    Examples
    --------
    >>> near_diagonal([1.0, 1.0], [1.0 + 1e-5, 1.1]).tolist()
    [True, False]
    """
    x1, x2 = np.asarray(x1, float), np.asarray(x2, float)
    return np.abs(x1 - x2) <= DIAGONAL_SWITCH * np.abs(0.5 * (x1 + x2))


def taylor_divided_difference(d1, d3, h):
    """Central expansion [g(m + h/2) - g(m - h/2)]/h = g'(m) + g'''(m) h²/24 + O(h⁴).

    Parameters
    ----------
    d1, d3 : array_like
        g'(m) and g'''(m) at the midpoint m.
    h : array_like
        x₁ - x₂.

    Returns
    -------
    ndarray

    Examples
    --------
    >>> float(taylor_divided_difference(3.0, 6.0, 0.1))   # g = x³ at m = 1: exact 3.0025
    3.0025
    """
    return d1 + d3 * h ** 2 / 24.0


def divided_difference(g, dg, d3g, x1: np.ndarray, x2: np.ndarray, g1=None, g2=None
                       ) -> np.ndarray:
    """[g(x1) - g(x2)]/(x1 - x2), with its limit g'(x) on and near the diagonal.

    The quotient away from the diagonal; within :data:`DIAGONAL_SWITCH` of it the central
    expansion :func:`taylor_divided_difference` (error O(h⁴), ~1e-20 relative there).

    Parameters
    ----------
    g, dg, d3g : callable
        g and its first and third derivatives (vectorised; real or complex).
    x1, x2 : array_like
        Broadcastable arguments.
    g1, g2 : array_like, optional
        g(x1) and g(x2) when already computed (broadcastable like x1, x2): a double sum
        then costs len(x1) + len(x2) evaluations of g instead of their product.

    Returns
    -------
    ndarray (broadcast shape; complex if g is)

    Examples
    --------
    >>> import numpy as np
    >>> float(divided_difference(np.square, lambda x: 2 * x, lambda x: 0 * x, 3.0, 3.0))
    6.0
    """
    x1, x2 = np.broadcast_arrays(np.asarray(x1, float), np.asarray(x2, float))
    h = x1 - x2
    m = 0.5 * (x1 + x2)
    near = near_diagonal(x1, x2)
    far = ~near
    if g1 is None:
        far_vals = (g(x1[far]) - g(x2[far])) / h[far]
    else:
        g1, g2 = np.broadcast_to(g1, x1.shape), np.broadcast_to(g2, x1.shape)
        far_vals = (g1[far] - g2[far]) / h[far]
    near_vals = taylor_divided_difference(dg(m[near]), d3g(m[near]), h[near])
    out = np.empty(x1.shape, dtype=np.result_type(far_vals, near_vals, float))
    out[far] = far_vals
    out[near] = near_vals
    return out


def pair_arrays(dE1, p1, dE2, p2):
    """Broadcastable pair grids (ΔE₁, p₁ as column; ΔE₂, p₂ as row).

    Parameters
    ----------
    dE1, p1, dE2, p2 : array_like
        Nodes and weights of the two atoms' rules.

    Returns
    -------
    (ndarray, ndarray, ndarray, ndarray)
        Shapes (N1, 1), (N1, 1), (1, N2), (1, N2).

    Examples
    --------
    >>> [a.shape for a in pair_arrays([1.0, 2.0], [1.0, 1.0], [3.0], [1.0])]
    [(2, 1), (2, 1), (1, 1), (1, 1)]
    """
    return (np.asarray(dE1)[:, None], np.asarray(p1)[:, None],
            np.asarray(dE2)[None, :], np.asarray(p2)[None, :])


def natural_rule(rule, level_shifts=None):
    """A spectral rule in the paper's natural units (ħ = c = m_e = 1).

    Parameters
    ----------
    rule : SpectralRule or state
        A rule (:func:`hydrogen.spectral_rule`, :meth:`weft.pair.Pair.rules`), or a state
        whose rule is then built with ``level_shifts``.
    level_shifts : dict, optional
        Only with a state.

    Returns
    -------
    (dE, p) : ndarray, ndarray
        ΔE_nm = α² ΔE[hartree] and p_E(n,m) = e² x2 = (4π/α) x2[bohr²] (Eq. (12) with
        e² = 4πα, summed over the sublevels of m; S states, Cartesian-diagonal).

    Examples
    --------
    >>> dE, p = natural_rule("1s")
    >>> bool((dE < 0).all() and (p > 0).all())
    True
    """
    if not isinstance(rule, SpectralRule):
        rule = spectral_rule(rule, level_shifts=level_shifts)
    return rule.dE * units.ALPHA ** 2, rule.x2 * (4 * np.pi / units.ALPHA)


def natural_rules(pair):
    """Both atoms' rules of a :class:`weft.pair.Pair` in natural units.

    Parameters
    ----------
    pair : Pair

    Returns
    -------
    (dE1, p1, dE2, p2)

    Examples
    --------
    >>> from weft.pair import GROUND
    >>> dE1, p1, dE2, p2 = natural_rules(GROUND)
    >>> bool((dE1 == dE2).all())
    True
    """
    r1, r2 = pair.rules()
    return natural_rule(r1) + natural_rule(r2)
