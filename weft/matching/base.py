"""Shared pieces of the matching: the contribution record and the log-type state sums.

The local (δ³(R)) parts of Secs. IV-V contain double state sums with logarithms of the
excitation energies, of the form Σ p₁p₂ F(ΔE₁², ΔE₂²) where F is a divided difference with
a removable singularity on the diagonal ΔE₁² = ΔE₂². :func:`divided_difference` evaluates
those without cancellation (central Taylor expansion near the diagonal).

All sums here are in the paper's natural units (ħ = c = m_e = 1): ΔE = α² ΔE[hartree],
p_E = (4π/α) x2[bohr²] (see :func:`weft.matching.intermediate.natural_rule`).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from hydrogen.spectrum import spectral_rule

from .. import units

__all__ = ["Contribution", "divided_difference", "check_nu", "pair_arrays", "natural_rule"]


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
        Coefficients of local terms at R = 0, keyed by "delta3" (W ⊃ c δ³(R)),
        "laplacian_delta3" (W̃ ⊃ c k², i.e. W ⊃ -c ∇²δ³(R)) and "laplacian2_delta3"
        (W̃ ⊃ c k⁴, W ⊃ c ∇⁴δ³(R)); units energy × length^(3, 5, 7).
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


def divided_difference(g, dg, d3g, x1: np.ndarray, x2: np.ndarray) -> np.ndarray:
    """[g(x1) - g(x2)]/(x1 - x2), with its limit g'(x) on and near the diagonal.

    ``g``, ``dg``, ``d3g`` are g, g' and g''' (vectorised). Near the diagonal
    (|x1 - x2| ≤ 1e-4 (x1 + x2)/2) the central expansion g'(m) + g'''(m) h²/24 is used,
    accurate to O(h⁴) ~ 1e-16 relative.

    Examples
    --------
    >>> import numpy as np
    >>> float(divided_difference(np.square, lambda x: 2 * x, lambda x: 0 * x, 3.0, 3.0))
    6.0
    """
    x1, x2 = np.broadcast_arrays(np.asarray(x1, float), np.asarray(x2, float))
    h = x1 - x2
    m = 0.5 * (x1 + x2)
    near = np.abs(h) <= 1e-4 * np.abs(m)
    out = np.empty(x1.shape)
    far = ~near
    out[far] = (g(x1[far]) - g(x2[far])) / h[far]
    out[near] = dg(m[near]) + d3g(m[near]) * h[near] ** 2 / 24.0
    return out


def pair_arrays(dE1, p1, dE2, p2):
    """Broadcastable pair grids (ΔE₁, p₁ as column; ΔE₂, p₂ as row).

    Examples
    --------
    >>> [a.shape for a in pair_arrays([1.0, 2.0], [1.0, 1.0], [3.0], [1.0])]
    [(2, 1), (2, 1), (1, 1), (1, 1)]
    """
    return (np.asarray(dE1)[:, None], np.asarray(p1)[:, None],
            np.asarray(dE2)[None, :], np.asarray(p2)[None, :])


def natural_rule(state, level_shifts=None):
    """The spectral rule of ``state`` in the paper's natural units (ħ = c = m_e = 1).

    Returns (dE, p): ΔE_nm = α² ΔE[hartree] and p_E(n,m) = e² x2 = (4π/α) x2[bohr²]
    (Eq. (12) with e² = 4πα, summed over the sublevels of m; S states, Cartesian-diagonal).

    Examples
    --------
    >>> dE, p = natural_rule("1s")
    >>> bool((dE < 0).all() and (p > 0).all())
    True
    """
    rule = spectral_rule(state, level_shifts=level_shifts)
    return rule.dE * units.ALPHA ** 2, rule.x2 * (4 * np.pi / units.ALPHA)
