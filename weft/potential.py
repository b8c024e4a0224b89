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

import numpy as np

from hydrogen.states import parse_state

from . import units as _units
from .matching import intermediate, long, magnetic, short
from .matching.base import Contribution, check_nu

__all__ = ["potential", "contributions", "london", "casimir_polder", "REGIMES"]

#: Supported distances in bohr. The EFT needs R ≫ 1 bohr anyway; outside this window the
#: power laws (up to R⁻⁷) would under- or overflow float64, so the input is refused instead.
R_RANGE_BOHR = (1e-3, 1e20)

REGIMES = {"short": short.ORDERS, "long": long.ORDERS, "intermediate": ("-1", "0")}

_LENGTH_POWER = {"delta3": 3, "laplacian_delta3": 5, "laplacian2_delta3": 7}


def _s_state(state, name):
    try:
        st = parse_state(state)
    except (ValueError, TypeError) as err:
        raise ValueError(f"{name}: {err}") from None
    if st.l != 0:
        raise ValueError(f"{name}: only S-wave states are supported (Secs. IV-VI of the paper), "
                         f"got {st.label}")
    return st.label


def _r_bohr(R, units):
    _units.check_units(units)
    arr = np.asarray(R)
    if arr.dtype.kind not in "iuf":
        raise ValueError("R must be real numbers (a scalar or an array)")
    Rb = _units.length_to_bohr(arr, units)
    if not np.all(np.isfinite(Rb)) or np.any(Rb <= 0):
        raise ValueError("R must be finite and > 0")
    lo, hi = R_RANGE_BOHR
    if np.any(Rb < lo) or np.any(Rb > hi):
        raise ValueError(f"R must lie between {lo:g} and {hi:g} bohr (the EFT needs R >> 1 bohr; "
                         "beyond this window W under- or overflows double precision)")
    return Rb


def _check_regime(regime):
    if regime not in REGIMES:
        raise ValueError(f"regime must be one of {sorted(REGIMES)}, got {regime!r}")


def _intermediate_contributions(Rb, s1, s2, spins, nu, r_hat):
    contact = _units.ALPHA * short.v_contact(spins, check_nu(nu))       # Eq. (55), a.u.
    return [
        Contribution("magnetic dipole-dipole", "-1", "Eqs. (44), (56)",
                     magnetic.magnetic_dipole_potential(Rb, spins, r_hat),
                     {"delta3": magnetic.magnetic_contact_coefficient(spins)},
                     "textbook sign; see docs/errata.md E3-E4"),
        Contribution("two-photon exchange (dispersive)", "0", "Eqs. (54), (57), (61), (62)",
                     intermediate.potential_fast(Rb, s1, s2),
                     {"delta3_contact": contact},
                     "non-local part from the Casimir-Polder representation (equal to Eqs. "
                     "(61)+(62) to 1e-10, tested); delta3_contact is the contact term Eq. (55) "
                     "alone (the local part of Eq. (54) is not computed)"),
    ]


def contributions(R, state1="1s", state2="1s", *, regime="intermediate", spins=None,
                  units="au", nu=None, r_hat=None) -> list[Contribution]:
    """Every term of W(R) in a regime: order, equation, value at R, local coefficients.

    Parameters
    ----------
    R : float or array_like
        Distance(s), > 0, in the length unit of ``units`` (bohr for "au").
    state1, state2 : str or tuple
        S states ("1s", "2s", (3, 0), ...).
    regime : {"short", "long", "intermediate"}
    spins : None, "singlet", ("triplet", M) or {"S1": v1, "S2": v2}
        Spin configuration for the magnetic terms (see
        :func:`weft.matching.magnetic.spin_tensor`); None = unpolarised atoms, for which
        the magnetic dipole-dipole potential averages to zero.
    units : str
        One of :data:`weft.units.UNITS`.
    nu : float, optional
        MS-bar scale ν in units of m_e (default 1). Only local coefficients could depend
        on it, and they do not (Eqs. (30), (50), (51)); the tests check this.
    r_hat : 3-vector, optional
        Direction of R relative to the spin quantisation axis z (default z).

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`, values in the energy unit of
    ``units``, local coefficients in energy × length^(3, 5, 7).

    Examples
    --------
    >>> [c.order for c in contributions(100.0, regime="short")]
    ['0', '1/2', '1', '3/2']
    """
    _check_regime(regime)
    s1, s2 = _s_state(state1, "state1"), _s_state(state2, "state2")
    Rb = _r_bohr(R, units)
    if regime == "short":
        terms = short.contributions(Rb, s1, s2, spins, nu, r_hat)
    elif regime == "long":
        terms = long.contributions(Rb, s1, s2, spins, nu, r_hat)
    else:
        terms = _intermediate_contributions(Rb, s1, s2, spins, nu, r_hat)
    e_factor, l_factor, _ = _units.UNITS[units]
    out = []
    for t in terms:
        delta = {k: v * e_factor * l_factor ** _LENGTH_POWER[k.split("_contact")[0]]
                 for k, v in t.delta.items()}
        val = np.asarray(t.value, dtype=float) * e_factor
        out.append(Contribution(t.name, t.order, t.equation, val[()] if val.ndim == 0 else val,
                                delta, t.note))
    return out


def potential(R, state1="1s", state2="1s", *, regime="intermediate", order=None,
              spins=None, units="au", nu=None, r_hat=None):
    """Van der Waals potential W(R) between two hydrogen atoms (non-local part, R > 0).

    Sum of the requested orders of :func:`contributions`; δ³(R)-type local terms vanish
    at R > 0 and are reported by :func:`contributions` only.

    Parameters
    ----------
    R : float or array_like
        Distance(s) > 0 in the length unit of ``units`` (bohr for "au").
    state1, state2 : str or tuple
        S states; the intermediate regime needs atoms whose excited levels all lie
        above them (1s).
    regime : {"intermediate", "short", "long"}
    order : None, str or sequence of str
        Order keys to include (see module docstring); None = all.
    spins, units, nu, r_hat
        See :func:`contributions`.

    Returns
    -------
    ndarray (or float for scalar R): W in the energy unit of ``units`` (hartree for "au").

    Examples
    --------
    >>> w = potential([10.0, 1e3])          # 1s-1s, intermediate regime, hartree
    >>> bool(w[0] < 0 and w[1] < 0)
    True
    """
    _check_regime(regime)
    allowed = REGIMES[regime]
    if order is None:
        wanted = set(allowed)
    else:
        wanted = {order} if isinstance(order, str) else set(order)
        bad = wanted - set(allowed)
        if bad:
            raise ValueError(f"order: {sorted(bad)} not available in the {regime!r} regime; "
                             f"allowed: {list(allowed)}")
    terms = contributions(R, state1, state2, regime=regime, spins=spins, units=units,
                          nu=nu, r_hat=r_hat)
    total = sum(np.asarray(t.value) for t in terms if t.order in wanted)
    total = np.asarray(total, dtype=float)
    return total[()] if total.ndim == 0 else total


def london(R, state1="1s", state2="1s", units="au"):
    """London potential W_Lon = -C6/R⁶, Eq. (31), in ``units``.

    Examples
    --------
    >>> round(float(london(10.0)) * 1e6, 9)
    -6.499026705
    """
    Rb = _r_bohr(R, units)
    s1, s2 = _s_state(state1, "state1"), _s_state(state2, "state2")
    return _units.energy_from_hartree(short.london(Rb, s1, s2), units)


def casimir_polder(R, state1="1s", state2="1s", units="au"):
    """Casimir-Polder potential W_CP = -C7/R⁷, Eq. (52), in ``units``.

    Examples
    --------
    >>> float(casimir_polder(1e4)) * 1e28
    -5078.99...
    """
    Rb = _r_bohr(R, units)
    s1, s2 = _s_state(state1, "state1"), _s_state(state2, "state2")
    return _units.energy_from_hartree(long.casimir_polder(Rb, s1, s2), units)
