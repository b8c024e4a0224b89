"""Where each regime's W(R) holds, and the warning (or error) outside it.

The EFT potentials are expansions, each valid in a window of R (atomic units, c = 1/α;
ΔE the smallest non-zero excitation energy |E_m - E_n| of the two atoms, 3/8 hartree for
1s, so c/ΔE = 365 bohr):

=============  =======================  ===============================================
regime         domain (bohr)            why the edge is there (1s-1s numbers)
=============  =======================  ===============================================
every regime   R ≥ 6 (n₁² + n₂²)        exchange and overlap of the electron clouds are
                                        outside the EFT; the H₂ exchange splitting
                                        1.641 R^{5/2} e^{-2R} hartree (Herring & Flicker,
                                        Phys. Rev. 134, A362 (1964)) is 1.4 % of C6/R⁶ at
                                        12 bohr and 16 % at 10 bohr
"short"        R ≤ c/(4ΔE)              the truncated short series (orders 0 … 3/2, Sec.
                                        IV) differs from W_Int by 0.1 % at 50 bohr, 1 %
                                        at 100 bohr (c/(4ΔE) = 91 bohr) and 10 % at
                                        200 bohr
"long"         R ≥ 20 c/ΔE              the long series (Sec. V) differs from W_Int by
                                        2.4 % at 5000, 0.6 % at 10⁴ bohr (20 c/ΔE =
                                        7300 bohr: ~1 %)
"intermediate" every R above overlap    Sec. VI, the complete dispersive potential
=============  =======================  ===============================================

Equations: none of the paper's formulas is implemented here. The windows make the
paper's power counting quantitative: the short regime assumes 1/R ≫ mα² (Sec. IV,
Eqs. (26)-(29)), the long regime 1/R ≪ mα² (Sec. V, Eqs. (52)-(53)), the intermediate
regime 1/R ~ mα² (Sec. VI, Eqs. (54)-(62)); the multipole edge uses C8 and C10 (Yan et al.,
PRA 54, 2824 (1996); docs/multipole.md).

The percentages are measured with the package itself (W_Int from the intermediate regime)
and checked in tests/test_validity.py. Outside its domain a regime still returns the
value of its formula, with a :class:`ValidityWarning`; ``strict=True`` raises
:class:`ValidityError` instead.
"""
from __future__ import annotations

import warnings
from functools import lru_cache

import numpy as np

from hydrogen.spectrum import spectral_rule

from . import units

__all__ = ["ValidityWarning", "ValidityError", "domain", "check_domain", "EXCHANGE_LONG_EDGE"]


class ValidityWarning(UserWarning):
    """W(R) was requested where the regime's expansion (or the EFT itself) does not hold."""


class ValidityError(ValueError):
    """Raised instead of :class:`ValidityWarning` when ``strict=True``."""


def _smallest_gap(state) -> float:
    """Smallest |E_m - E_n| (hartree) over the dipole-connected bound levels of another n
    (the degenerate level of the same n never retards and sets no scale; a Lamb shift of
    it sets the much longer scale c/L of docs/excited.md instead)."""
    rule = spectral_rule(state)
    gaps = np.abs(rule.dE[(rule.kind == 0) & (rule.n2 != state.n)])
    return float(gaps.min())


#: The long regime of a 1s-ns branch ("+" or "-") keeps the leading term i S e^{iΔR/c}/R² of
#: the exchange element, whose relative error falls only like (c/ΔR) log(ΔR/c): 5 % at
#: 270 c/Δ, 0.8 % at 2700 c/Δ (measured against the exact kernel, tests/test_validity.py).
EXCHANGE_LONG_EDGE = 3000.0


#: Relative size of the first omitted multipole term at the lower edge of the domain
#: (the same 1 % as the other edges).
MULTIPOLE_EDGE = 0.01


def _multipole_edge(state1, state2, max_power: int) -> float:
    """R (bohr) below which the first multipole term beyond ``max_power`` exceeds 1 % of
    London: C8/(C6 R²) (max_power 6: 44 bohr for 1s-1s), C10/(C6 R⁴) (8: 15 bohr);
    C12 is not computed, so for max_power 10 no edge beyond overlap is set (C12/(C6R⁶)
    ~ 1e4/R⁶ is 1 % only below ~ 7 bohr for 1s-1s)."""
    if max_power >= 10:
        return 0.0
    c6, nxt = _coefficients(state1, state2, max_power + 2)
    return (nxt / (MULTIPOLE_EDGE * c6)) ** (1.0 / (max_power - 4))


@lru_cache(maxsize=64)
def _coefficients(state1, state2, power: int) -> tuple[float, float]:
    import hydrogen
    c6 = float(hydrogen.C6(state1, state2))
    nxt = float(hydrogen.C8(state1, state2) if power == 8 else hydrogen.C10(state1, state2))
    return abs(c6), abs(nxt)


def domain(regime: str, state1, state2, symmetry=None, max_power: int = 6) -> tuple[float, float]:
    """The R window (bohr) where ``regime`` holds for the pair (module docstring table).

    Parameters
    ----------
    regime : {"short", "long", "intermediate"}
    state1, state2 : State
        Validated bound states (:func:`hydrogen.parse_state`).
    symmetry : {None, "+", "-", "direct"}
        The branch of a 1s-ns pair: "+" and "-" carry the exchange element, whose long
        regime needs R >= EXCHANGE_LONG_EDGE · c/Δ (Δ = E_ns - E_1s).
    max_power : {6, 8, 10}
        The multipole terms kept: below the returned R_min the first omitted one exceeds
        1 % of London (short and intermediate regimes).

    Returns
    -------
    (float, float)
        (R_min, R_max) in bohr; R_max is ``inf`` for the long and intermediate regimes.

    Examples
    --------
    >>> from hydrogen import parse_state
    >>> lo, hi = domain("short", parse_state("1s"), parse_state("1s"))
    >>> round(lo, 2), round(hi, 2)       # C8/(C6 R²) = 1 % at 43.75 bohr
    (43.75, 91.36)
    """
    overlap = 6.0 * (state1.n ** 2 + state2.n ** 2)
    gap = min(_smallest_gap(state1), _smallest_gap(state2))
    retard = units.C_AU / gap
    near = max(overlap, _multipole_edge(state1, state2, max_power))
    if regime == "short":
        return near, retard / 4.0
    if regime == "long":
        lo = max(overlap, 20.0 * retard)
        if symmetry in ("+", "-"):
            delta = abs(state1.energy - state2.energy)
            lo = max(lo, EXCHANGE_LONG_EDGE * units.C_AU / delta)
        return lo, np.inf
    return near, np.inf


def _fmt(r_bohr: float, unit) -> str:
    """A distance for a message: in the caller's unit, with bohr alongside when different."""
    if unit is None or unit.name == "bohr":
        return f"{r_bohr:.4g} bohr"
    return f"{r_bohr * unit.per_bohr:.4g} {unit.name} ({r_bohr:.4g} bohr)"


def check_domain(R_bohr, regime: str, state1, state2, *, strict: bool = False,
                 length_unit=None, symmetry=None, max_power: int = 6) -> None:
    """Warn (or raise, ``strict=True``) when some R lies outside the regime's domain.

    Parameters
    ----------
    R_bohr : ndarray
        Validated distances in bohr.
    regime : str
    state1, state2 : State
    strict : bool
        Raise :class:`ValidityError` instead of warning.
    length_unit : weft.units.LengthUnit, optional
        The caller's unit of R, used in the message (default bohr).
    symmetry : {None, "+", "-", "direct"}
        See :func:`domain`.
    max_power : {6, 8, 10}
        See :func:`domain`.

    Examples
    --------
    >>> import warnings
    >>> from hydrogen import parse_state
    >>> s = parse_state("1s")
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     check_domain(np.array([5.0]), "intermediate", s, s)
    >>> w[0].category.__name__
    'ValidityWarning'
    >>> print(w[0].message)
    regime 'intermediate' for 1s-1s holds for R >= 43.75 bohr: 1 value(s) of R below 12 bohr (exchange and overlap of the atoms, absent from every long-range theory, matter there)
    """
    lo, hi = domain(regime, state1, state2, symmetry, max_power)
    R = np.asarray(R_bohr)
    below, above = R < lo, R > hi
    if not (below.any() or above.any()):
        return
    pair = f"{state1.label}-{state2.label}"
    overlap = 6.0 * (state1.n ** 2 + state2.n ** 2)
    window = (f"R >= {_fmt(lo, length_unit)}" if not np.isfinite(hi) else
              f"{_fmt(lo, length_unit)} <= R <= {_fmt(hi, length_unit)}")
    parts = []
    under = R < overlap                    # below the overlap edge: that reason first
    if under.any():
        parts.append(f"{int(under.sum())} value(s) of R below {_fmt(overlap, length_unit)} "
                     "(exchange and overlap of the atoms, absent from every long-range "
                     "theory, matter there)")
    rest = below & ~under
    if rest.any():
        if regime == "long":
            why = ("the long-distance expansion (Sec. V) is not converged there; the "
                   "intermediate regime holds there")
        else:
            nxt = "C8/R^8" if max_power == 6 else "C10/R^10"
            why = (f"the multipole term {nxt}, omitted with max_power={max_power}, exceeds "
                   f"1 % of London there; pass max_power={max_power + 2}")
        parts.append(f"{int(rest.sum())} value(s) of R below {_fmt(lo, length_unit)} ({why})")
    if above.any():
        parts.append(f"{int(above.sum())} value(s) of R above {_fmt(hi, length_unit)} (the "
                     "short-distance expansion (Sec. IV) is not converged there; the "
                     "intermediate regime holds there)")
    message = f"regime '{regime}' for {pair} holds for {window}: " + "; ".join(parts)
    if strict:
        raise ValidityError(message)
    warnings.warn(message, ValidityWarning, stacklevel=4)
