"""The public van der Waals potential W(R) for two hydrogen atoms in S states.

One entry point per question a user asks:

* :func:`potential` — W(R) in a regime, at chosen orders, in chosen units;
* :func:`contributions` — every term with its order, equation, value and the
  coefficients of the local (δ³(R)) terms, which W(R) at R > 0 never includes;
* :func:`london`, :func:`casimir_polder` — the limiting potentials of Fig. 11.

Regimes and order keys (powers of α relative to the leading dispersive term, as in the
paper):

=============  ==============================================  =======================
regime         orders                                          section
=============  ==============================================  =======================
"short"        "0" London, "1/2" magnetic, "1", "3/2"            Sec. IV, Eqs. (26)-(38)
"long"         "-1" magnetic, "0", "1" (local only), "2" C-P     Sec. V, Eqs. (39)-(53)
"intermediate" "-1" magnetic, "0" dispersive (Eqs. (54)-(62))   Sec. VI
=============  ==============================================  =======================
"""
from __future__ import annotations

import numbers
from functools import lru_cache

import numpy as np

from hydrogen.spectrum import SingularSumError

from . import units as _units
from .matching import exchange, intermediate, long, short
from .matching.base import LOCAL_TERMS, Contribution, check_nu
from .pair import Pair, as_pair
from .validity import check_domain

__all__ = ["potential", "contributions", "london", "casimir_polder", "orders", "REGIMES",
           "R_RANGE_BOHR", "TEMPERATURE_RANGE_K", "MAX_POWERS"]

#: Supported distances in bohr. The EFT needs R ≫ 1 bohr anyway (weft.validity warns below
#: ~12 bohr); outside this window the power laws (up to R⁻⁷) would under- or overflow
#: float64, so the input is refused instead.
R_RANGE_BOHR = (1e-3, 1e20)

#: The regimes and their order keys; each regime module has ``ORDERS`` and
#: ``contributions(R_bohr, pair, nu, r_hat)``.
_MODULES = {"short": short, "long": long, "intermediate": intermediate}
REGIMES = {name: module.ORDERS for name, module in _MODULES.items()}

#: R values per evaluation block in :func:`potential` (bounded temporary memory).
_CHUNK = 1 << 16


def _r_bohr(R, units, length_unit):
    unit = _units.length_unit_of(units, length_unit)
    arr = np.asarray(R)
    if arr.dtype.kind not in "iuf":
        raise ValueError(f"R must be real numbers in {unit.name} (a scalar or an array), "
                         f"got {R!r:.60}")
    Rb = arr.astype(float) if unit.per_bohr == 1.0 else _units.length_to_bohr(arr, unit.name)
    if not np.all(np.isfinite(Rb)) or np.any(Rb <= 0):
        raise ValueError(f"R must be finite and > 0 (in {unit.name})")
    lo, hi = R_RANGE_BOHR
    if np.any(Rb < lo) or np.any(Rb > hi):
        raise ValueError(f"R must lie between {lo:g} and {hi:g} bohr "
                         f"({lo * unit.per_bohr:.4g} to {hi * unit.per_bohr:.4g} {unit.name}): "
                         "the EFT needs R >> 1 bohr, and beyond this window W under- or "
                         "overflows double precision")
    return Rb


def _check_regime(regime):
    if not isinstance(regime, str) or regime not in REGIMES:
        raise ValueError(f"regime must be one of {list(REGIMES)}, got {regime!r}")


def _check_nu(nu):
    """nu as a float; a real number > 0 (strings and bools are refused, not converted)."""
    if nu is not None and (isinstance(nu, (bool, np.bool_))
                           or not isinstance(nu, numbers.Real)):
        raise ValueError(f"nu must be None or a real number > 0 (ν in units of m_e), got {nu!r}")
    return check_nu(nu)


def _orders(regime, pair: Pair, max_power: int = 6) -> tuple:
    """Order keys of a regime for a pair: REGIMES for 1s-1s, the exchange module's for 1s-ns,
    and "C8", "C10" of the multipole expansion up to ``max_power``."""
    keys = REGIMES[regime] if pair.same_level else exchange.orders(regime, pair)
    return keys + tuple(f"C{p}" for p in range(8, max_power + 1, 2))


def _wanted_orders(regime, order, pair: Pair, max_power: int = 6):
    allowed = _orders(regime, pair, max_power)
    if order is None:
        return set(allowed)
    keys = [order] if isinstance(order, str) else order
    if not isinstance(keys, (list, tuple, set, frozenset)) or not keys or not all(
            isinstance(k, str) for k in keys):
        raise ValueError(f"order must be None (all orders), one order key or a non-empty list "
                         f"of keys (strings) of the {regime!r} regime {list(allowed)}, got {order!r}")
    bad = set(keys) - set(allowed)
    if bad:
        raise ValueError(f"order: {sorted(bad)} not available in the {regime!r} regime; "
                         f"allowed: {list(allowed)}")
    return set(keys)


def _check_supported(regime, pair: Pair):
    """What the regimes cannot treat: a clear error, before anything is computed.

    S waves only; at least one atom in 1s (both excited: first-order resonant coupling);
    two atoms in the same level must be 1s-1s in the long and intermediate regimes (the
    only same-level pair with one atom in 1s).
    """
    pair.require_s_waves()


#: Supported temperatures (K) of the thermal field: 0 (the T = 0 result of the paper, bit
#: for bit) up to 1e4 K, where k_BT is still 1/16 of the 1s-2p gap (ground-state atoms).
TEMPERATURE_RANGE_K = (0.0, 1e4)


def _check_temperature(temperature, regime, pair: Pair) -> float:
    """The temperature as a float in kelvin; only where the thermal sum is implemented."""
    if isinstance(temperature, (bool, np.bool_)) or not isinstance(temperature, numbers.Real):
        raise ValueError(f"temperature must be a real number in kelvin, got {temperature!r}")
    T = float(temperature)
    lo, hi = TEMPERATURE_RANGE_K
    if not np.isfinite(T) or not lo <= T <= hi:
        raise ValueError(f"temperature must lie between {lo:g} and {hi:g} K, got {temperature!r}")
    if T > 0 and (regime != "intermediate" or not pair.same_level):
        raise ValueError(
            f"temperature > 0 is implemented for the intermediate regime of ground-state "
            f"atoms (the thermal Casimir-Polder sum of weft.fields.thermal), got regime "
            f"{regime!r}, {pair.label}; use temperature=0")
    return T


@lru_cache(maxsize=16)
def _thermal_rule(pair: Pair, temperature: float):
    """weft.fields.thermal.prepare for two hydrogen atoms at T (cached: ~20 ms each)."""
    from .fields.particles import HydrogenAtom
    from .fields.thermal import prepare
    return prepare(HydrogenAtom(pair.state1), HydrogenAtom(pair.state2), temperature)


def _thermal_terms(terms, Rb, pair, temperature):
    """Replace the dispersive order "0" of the intermediate regime by its thermal form."""
    U = _thermal_rule(pair.atoms, temperature)(np.asarray(Rb) * _units.BOHR_M)
    W = np.asarray(U) / _units.HARTREE_J
    out = []
    for t in terms:
        if t.order == "0":
            t = Contribution(
                f"two-photon exchange at T = {temperature:g} K (thermal Casimir-Polder)", "0",
                "Eq. (61) generalised: Matsubara sum, docs/fields.md", W,
                {}, "n = 0 Matsubara term weighted 1/2; local terms at T > 0 not computed; "
                "for R >> lambda_T = hbar c/k_B T: -3 k_B T alpha1 alpha2/R^6")
        out.append(t)
    return out


#: Values of ``max_power``: the highest inverse power of the multipole expansion kept
#: (6: dipole-dipole, the paper; 8: + dipole-quadrupole; 10: + dipole-octupole and
#: quadrupole-quadrupole; docs/multipole.md).
MAX_POWERS = (6, 8, 10)


def _check_max_power(max_power, regime, pair: Pair, temperature) -> int:
    if isinstance(max_power, (bool, np.bool_)) or max_power not in MAX_POWERS:
        raise ValueError(f"max_power must be one of {list(MAX_POWERS)}, got {max_power!r}")
    if max_power > 6 and not pair.same_level and regime != "short":
        raise ValueError(f"max_power={max_power}: the retarded multipole terms of excited pairs "
                         f"({pair.label}) are not implemented; use regime='short' (static "
                         "-(C8 ± X8)/R⁸, -(C10 ± X10)/R¹⁰) or max_power=6")
    if max_power > 6 and temperature > 0:
        raise ValueError(f"max_power={max_power} with temperature > 0: the thermal multipole "
                         "terms are not implemented; use max_power=6")
    return int(max_power)


def _multipole_terms(Rb, pair: Pair, regime: str, max_power: int) -> list:
    """The C8 (and C10) terms of the multipole expansion in a regime (hartree)."""
    from .matching import multipole
    out = []
    R = np.asarray(Rb, dtype=float)
    s1, s2 = pair.state1, pair.state2
    for p in range(8, max_power + 1, 2):
        key, part = f"C{p}", {8: "dipole-quadrupole", 10: "dipole-octupole + quadrupole-quadrupole"}[p]
        if regime == "short":
            c = _static_c(p, s1, s2)
            out.append(Contribution(f"{part} (static)", key, "Yan et al., PRA 54, 2824 (1996); "
                                    "docs/multipole.md (M5)", -c / R ** p))
            if pair.symmetry in ("+", "-"):
                x = _static_x(p, s1, s2)
                sg = 1.0 if pair.symmetry == "+" else -1.0
                out.append(Contribution(f"{part}, exchange", key, "docs/multipole.md (M6)",
                                        -sg * x / R ** p, {},
                                        f"exchange element of branch {pair.symmetry!r}"))
        elif regime == "intermediate":
            out.append(Contribution(f"{part} (retarded)", key, "docs/multipole.md (K1)",
                                    multipole.potential_fast(R, s1, s2, power=p), {},
                                    "Casimir-Polder-type kernel with multipole vertices"))
        else:
            c = multipole.long_range_coefficient(s1, s2, power=p)
            out.append(Contribution(f"{part} (long-range limit)", key,
                                    "docs/multipole.md (K1), R -> infinity",
                                    -c / R ** (p + 1), {}, f"-C{p + 1}/R^{p + 1}"))
    return out


@lru_cache(maxsize=64)
def _static_c(power: int, s1, s2) -> float:
    import hydrogen
    return float(hydrogen.C8(s1, s2) if power == 8 else hydrogen.C10(s1, s2))


@lru_cache(maxsize=64)
def _static_x(power: int, s1, s2) -> float:
    import hydrogen
    return float(hydrogen.C8_exchange(s1, s2) if power == 8 else hydrogen.C10_exchange(s1, s2))


def _terms_au(Rb, pair, regime, nu, r_hat, temperature=0.0, max_power=6):
    """The regime's contributions at R (bohr), in atomic units."""
    if max_power > 6:
        return (_terms_au(Rb, pair, regime, nu, r_hat, temperature)
                + _multipole_terms(Rb, pair, regime, max_power))
    if temperature > 0:
        return _thermal_terms(_terms_au(Rb, pair, regime, nu, r_hat), Rb, pair, temperature)
    try:
        if not pair.same_level:
            return exchange.contributions(Rb, pair, regime, nu, r_hat)
        return _MODULES[regime].contributions(Rb, pair, nu, r_hat)
    except SingularSumError as err:       # never suggest options this function lacks
        raise SingularSumError(f"regime {regime!r}, {pair.label}: "
                               f"{str(err).split('; pass level_shifts')[0]}") from None


def _prepare(R, state1, state2, regime, units, length_unit, nu, strict, pair_options,
             temperature=0.0, max_power=6):
    """Validate everything a call takes; returns (R in bohr, Pair, ν, length unit, T, p)."""
    _check_regime(regime)
    pair = as_pair(state1, state2, **pair_options)
    _units.check_units(units)
    Rb = _r_bohr(R, units, length_unit)
    v = _check_nu(nu)
    _check_supported(regime, pair)
    lunit = _units.length_unit_of(units, length_unit)
    T = _check_temperature(temperature, regime, pair)
    p = _check_max_power(max_power, regime, pair, T)
    check_domain(Rb, regime, pair.state1, pair.state2, strict=strict, length_unit=lunit,
                 symmetry=pair.symmetry, max_power=p)
    return Rb, pair, v, lunit, T, p


def contributions(R, state1="1s", state2="1s", *, regime="intermediate", spins=None,
                  units="au", nu=None, r_hat=None, length_unit=None, strict=False,
                  symmetry=None, level_shifts=None, temperature=0.0,
                  max_power=6) -> list[Contribution]:
    """Every term of W(R) in a regime: order, equation, value at R, local coefficients.

    Parameters
    ----------
    R : float or array_like
        Distance(s), > 0, in ``length_unit`` (default: the length unit of ``units``,
        bohr for "au").
    state1, state2 : str or tuple or State, or a Pair as state1
        S states ("1s", "2s", (3, 0), ...), or a :class:`weft.Pair` (then leave state2,
        spins, symmetry and level_shifts unset: they are the Pair's).
    regime : {"short", "long", "intermediate"}
    spins : None, "singlet", ("triplet", M) or {"S1": v1, "S2": v2}
        Spin configuration for the magnetic terms (see
        :func:`weft.matching.magnetic.spin_tensor`); None = unpolarised atoms, for which
        the magnetic dipole-dipole potential averages to zero.
    units : str
        A key of :data:`weft.units.UNITS`: the energy unit of the values and the default
        length unit of R ("au": hartree and bohr; "natural": keV and keV⁻¹; "SI": J and m;
        "cm-1", "K", "MHz": that energy unit, R in bohr).
    nu : float, optional
        MS-bar scale ν in units of m_e (default 1). Only local coefficients could depend
        on it, and they do not (Eqs. (30), (50), (51)); the tests check this.
    r_hat : 3-vector, optional
        Direction of R relative to the spin quantisation axis z (default z).
    length_unit : str, optional
        Unit of R, overriding the default of ``units``: a key of
        :data:`weft.units.LENGTH_UNITS` ("bohr", "m", "nm", "angstrom", "keV-1").
    strict : bool
        Raise :class:`weft.validity.ValidityError` instead of warning
        (:class:`weft.validity.ValidityWarning`) when R lies outside the regime's domain.
    symmetry : {None, "+", "-", "direct"}
        Required for identical atoms in different levels (see :class:`weft.Pair`).
    level_shifts : dict, optional
        Extra level energies in hartree, {state: shift} (see :class:`weft.Pair`).
    temperature : float
        Temperature of the electromagnetic field in kelvin, 0 <= T <= 1e4 (default 0: the
        paper's T = 0 potential, bit for bit). T > 0: intermediate regime of 1s-1s, the
        dispersive order "0" is the thermal Casimir-Polder sum (:mod:`weft.fields.thermal`;
        Matsubara frequencies, the n = 0 term weighted 1/2), which tends to
        -3 k_BT α₁α₂/R⁶ for R ≫ λ_T = ħc/(k_BT) (atomic units).
    max_power : {6, 8, 10}
        Highest inverse power of the multipole expansion (default 6: dipole-dipole only,
        the paper's potential, bit for bit). 8 adds the dipole-quadrupole term "C8", 10 also
        the dipole-octupole and quadrupole-quadrupole terms "C10": static -C8/R⁸, -C10/R¹⁰
        in the short regime (with their exchange partners for 1s-ns), retarded in the
        intermediate regime, their R⁻⁹ and R⁻¹¹ limits in the long regime (1s-1s;
        docs/multipole.md).

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`, values in the energy unit of
    ``units``, local coefficients in energy × length^(3, 5, 7) (that length unit).

    Examples
    --------
    >>> [c.order for c in contributions(50.0, regime="short")]
    ['0', '1/2', '1', '3/2']
    """
    Rb, pair, v, lunit, T, p = _prepare(R, state1, state2, regime, units, length_unit, nu,
                                        strict, dict(spins=spins, symmetry=symmetry,
                                                     level_shifts=level_shifts),
                                        temperature, max_power)
    e_factor = _units.UNITS[units].per_hartree
    out = []
    for t in _terms_au(Rb, pair, regime, v, r_hat, T, p):
        delta = {k: c * e_factor * lunit.per_bohr ** LOCAL_TERMS[k] for k, c in t.delta.items()}
        val = np.asarray(t.value, dtype=float) * e_factor
        out.append(Contribution(t.name, t.order, t.equation, val[()] if val.ndim == 0 else val,
                                delta, t.note))
    return out


def potential(R, state1="1s", state2="1s", *, regime="intermediate", order=None,
              spins=None, units="au", nu=None, r_hat=None, length_unit=None, strict=False,
              symmetry=None, level_shifts=None, temperature=0.0, max_power=6):
    """Van der Waals potential W(R) between two hydrogen atoms (non-local part, R > 0).

    Sum of the requested orders of :func:`contributions`; δ³(R)-type local terms vanish
    at R > 0 and are reported by :func:`contributions` only. Long arrays of R are
    evaluated in blocks (bounded extra memory).

    Parameters
    ----------
    R : float or array_like
        Distance(s) > 0 in ``length_unit`` (default: the length unit of ``units``, bohr
        for "au"); between 1e-3 and 1e20 bohr (:data:`R_RANGE_BOHR`).
    state1, state2 : str or tuple or State, or a Pair as state1
        S states; the long and intermediate regimes need ground-state atoms (1s). A
        :class:`weft.Pair` carries states, symmetry, spins and level shifts at once.
    regime : {"intermediate", "short", "long"}
    order : None, str or non-empty sequence of str
        Order keys to include (see module docstring); None = all.
    spins, units, nu, r_hat, length_unit, strict, symmetry, level_shifts, temperature
        See :func:`contributions`.
    max_power : {6, 8, 10}
        Highest inverse power of the multipole expansion (see :func:`contributions`).

    Returns
    -------
    ndarray (or float for scalar R): W in the energy unit of ``units`` (hartree for "au").

    Warns
    -----
    weft.validity.ValidityWarning
        Some R lies outside the regime's domain (:mod:`weft.validity`).

    Examples
    --------
    >>> w = potential([50.0, 1e3])          # 1s-1s, intermediate regime, hartree
    >>> bool(w[0] < 0 and w[1] < 0)
    True
    """
    Rb, pair, v, _, T, p = _prepare(R, state1, state2, regime, units, length_unit, nu, strict,
                                    dict(spins=spins, symmetry=symmetry,
                                         level_shifts=level_shifts), temperature, max_power)
    wanted = _wanted_orders(regime, order, pair, p)
    flat = Rb.ravel()
    total = np.zeros(flat.size)
    for start in range(0, flat.size, _CHUNK):
        block = flat[start:start + _CHUNK]
        for t in _terms_au(block, pair, regime, v, r_hat, T, p):
            if t.order in wanted:
                total[start:start + _CHUNK] += t.value
    total = (total * _units.UNITS[units].per_hartree).reshape(Rb.shape)
    return float(total) if total.ndim == 0 else total


def london(R, state1="1s", state2="1s", units="au", *, length_unit=None):
    """London potential W_Lon = -C6/R⁶, Eq. (31), in ``units`` (R in ``length_unit``).

    Parameters
    ----------
    R : float or array_like
        Distances in ``length_unit`` (default: that of ``units``).
    state1, state2 : str or tuple or State, or a Pair as state1
        S states.
    units, length_unit : str
        See :func:`contributions`.

    Returns
    -------
    ndarray or float, in the energy unit of ``units``.

    Examples
    --------
    >>> round(float(london(10.0)) * 1e6, 9)
    -6.499026705
    """
    Rb = _r_bohr(R, _units.check_units(units), length_unit)
    pair = state1 if isinstance(state1, Pair) else as_pair(state1, state2, symmetry=(
        None if _same(state1, state2) else "direct"))
    pair.require_s_waves()
    return _units.energy_from_hartree(short.london(Rb, pair), units)


def casimir_polder(R, state1="1s", state2="1s", units="au", *, length_unit=None):
    """Casimir-Polder potential W_CP = -C7/R⁷, Eq. (52), in ``units`` (R in ``length_unit``).

    Parameters
    ----------
    R : float or array_like
        Distances in ``length_unit`` (default: that of ``units``).
    state1, state2 : str or tuple or State, or a Pair as state1
        Ground-state atoms (1s).
    units, length_unit : str
        See :func:`contributions`.

    Returns
    -------
    ndarray or float, in the energy unit of ``units``.

    Examples
    --------
    >>> float(casimir_polder(1e4)) * 1e28
    -5078.99...
    """
    Rb = _r_bohr(R, _units.check_units(units), length_unit)
    pair = state1 if isinstance(state1, Pair) else as_pair(state1, state2, symmetry=(
        None if _same(state1, state2) else "direct"))
    pair.require_s_waves()
    pair.require_levels_above("the Casimir-Polder potential, Eq. (52)")
    return _units.energy_from_hartree(long.casimir_polder(Rb, pair), units)


def _same(state1, state2) -> bool:
    """Whether two state inputs name the same level (for the symmetry of london/CP)."""
    from hydrogen.spectrum import check_state
    a, b = check_state(state1, "state1"), check_state(state2, "state2")
    return (a.n, a.l) == (b.n, b.l)


def orders(regime, state1="1s", state2="1s", *, symmetry=None, max_power=6) -> tuple:
    """The order keys of a regime for a pair of states (the ``order=`` values).

    For 1s-1s these are :data:`REGIMES`; for 1s-ns pairs (docs/excited.md) the long
    regime has "-1", "np" (unretarded degenerate level), "2", "res" (resonant tails) and the
    intermediate regime "-1", "0" (direct) and "x" (exchange, for symmetry "+" or "-").

    Parameters
    ----------
    regime : {"short", "long", "intermediate"}
    state1, state2 : str or tuple or State, or a Pair as state1
    symmetry : {None, "+", "-", "direct"}
        As for :func:`potential`.
    max_power : {6, 8, 10}
        Adds the multipole orders "C8", "C10" (see :func:`contributions`).

    Returns
    -------
    tuple of str

    Examples
    --------
    >>> orders("long")
    ('-1', '0', '1', '2')
    >>> orders("long", "1s", "2s", symmetry="+")
    ('-1', 'np', '2', 'res')
    """
    _check_regime(regime)
    pair = as_pair(state1, state2, symmetry=symmetry)
    return _orders(regime, pair, _check_max_power(max_power, regime, pair, 0.0))
