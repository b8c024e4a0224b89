"""The regime map of the thermal Casimir–Polder potential as data and a figure.

For two particles in a thermal field at temperature T, U(R, T) (:mod:`weft.fields.thermal`,
Eq. (1) there; seed 003 Eq. (25)) passes through three power laws (docs/fields.md §6):
near field −C6(T)/R⁶, retarded −C7/R⁷ beyond R_ret = C7/C6, thermal −C_T/R⁶ beyond
R_T = C7/C_T = (23/12π) λ_T. The figure (the analogue of seed 003's regime figure) shows
−U R⁶ / C6 against R, log-log: 1 in the near field, R_ret/R in the retarded regime,
C_T/C6 in the thermal one, for T = 0 and the requested temperatures, with the three
asymptotes.

Pairs (:data:`PAIRS`): ``"H"``, two H(1s) atoms (exact α(iξ) from ``hydrogen``), and
``"silica"``, two silica spheres of radius 100 nm (seed 003's two-oscillator model),
R from contact (2a) on.

:func:`thermal_table` gives the data as a weft table (SI: R in m, U in J;
``tables/thermal_cp_H.csv`` and ``tables/thermal_cp_silica.csv`` by
``python3 tables/make_tables.py``); :func:`thermal_figure` draws it (``weft thermal``).
"""
from __future__ import annotations

import math

import numpy as np

__all__ = ["PAIRS", "DEFAULT_TEMPERATURES", "pair_particles", "thermal_curves",
           "thermal_table", "thermal_figure"]

#: Pair name -> (description, smallest R in m, largest R in m).
PAIRS = {
    "H": ("two H(1s) atoms", 1e-9, 1e-3),
    "silica": ("two silica spheres, radius 100 nm (seed 003)", 2.01e-7, 1e-3),
}

#: Temperatures of the default table and figure, kelvin (T = 0 is always included).
DEFAULT_TEMPERATURES = (300.0, 3000.0)


def pair_particles(pair: str):
    """The two particles of a named pair (:data:`PAIRS`).

    Parameters
    ----------
    pair : {"H", "silica"}

    Returns
    -------
    tuple of weft.fields.Particle

    Examples
    --------
    >>> [type(p).__name__ for p in pair_particles("silica")]
    ['DielectricSphere', 'DielectricSphere']
    """
    from .fields.particles import DielectricSphere, HydrogenAtom
    if pair == "H":
        return HydrogenAtom("1s"), HydrogenAtom("1s")
    if pair == "silica":
        return DielectricSphere(100e-9), DielectricSphere(100e-9)
    raise ValueError(f"pair must be one of {sorted(PAIRS)}, got {pair!r}")


def _temperatures(temperatures) -> list:
    out = [0.0]
    for t in temperatures:
        t = float(t)
        if not math.isfinite(t) or t <= 0.0:
            raise ValueError(f"temperatures must be finite and > 0 kelvin (T = 0 is always "
                             f"included), got {t!r}")
        if t not in out:
            out.append(t)
    return out


def thermal_curves(pair="H", temperatures=DEFAULT_TEMPERATURES, R_m=None) -> dict:
    """U(R, T) and the regime map's asymptotes for a named pair (SI).

    Parameters
    ----------
    pair : {"H", "silica"}
    temperatures : sequence of float
        Kelvin, > 0; T = 0 is always added first.
    R_m : array_like, optional
        Distances in m (default: 20 per decade over the pair's range in :data:`PAIRS`).

    Returns
    -------
    dict
        ``R_m``; ``U`` (dict T -> U(R, T) in J, :func:`weft.fields.casimir_polder`);
        ``maps`` (dict T -> :class:`weft.fields.RegimeMap`).

    Examples
    --------
    >>> d = thermal_curves("H", [300.0], [1e-9, 1e-4])
    >>> m = d["maps"][300.0]
    >>> round(float(d["U"][0.0][0] / m.near(1e-9)), 4)      # R = 1 nm: near field
    0.9988
    >>> round(float(d["U"][300.0][1] / m.thermal(1e-4)), 3)   # R = 100 µm >> λ_T = 7.6 µm
    1.0
    """
    from .fields.thermal import casimir_polder, regimes
    if pair not in PAIRS:
        raise ValueError(f"pair must be one of {sorted(PAIRS)}, got {pair!r}")
    _, lo, hi = PAIRS[pair]
    if R_m is None:
        R = np.geomspace(lo, hi, int(round(20 * math.log10(hi / lo))) + 1)
    else:
        R = np.asarray(R_m, dtype=float).ravel()
    p1, p2 = pair_particles(pair)
    temps = _temperatures(temperatures)
    return {"R_m": R,
            "U": {t: casimir_polder(R, p1, p2, t) for t in temps},
            "maps": {t: regimes(p1, p2, t) for t in temps}}


def _kelvin(t: float) -> str:
    return f"{t:g}K"


def thermal_table(pair="H", temperatures=DEFAULT_TEMPERATURES, R_m=None, *,
                  command="weft thermal"):
    """:func:`thermal_curves` as the pieces of a :func:`weft.write_table` call.

    Parameters
    ----------
    pair, temperatures, R_m
        As for :func:`thermal_curves`.
    command : str
        Recorded in the metadata.

    Returns
    -------
    R, W, metadata, extra
        ``W`` = U(R, 0) in J; ``U_<T>K_J`` for the other temperatures; the asymptotes
        ``near_J`` (−C6/R⁶), ``retarded_J`` (−C7/R⁷) and ``thermal_<T>K_J`` (−C_T/R⁶).
        The metadata record C6, C7, C_T, ω₁₂, λ_T, R_ret and R_T (SI).

    Examples
    --------
    >>> R, W, meta, extra = thermal_table("H", [300.0], [1e-8])
    >>> sorted(extra)
    ['U_300K_J', 'near_J', 'retarded_J', 'thermal_300K_J']
    """
    d = thermal_curves(pair, temperatures, R_m)
    R, temps = d["R_m"], list(d["U"])
    m0 = d["maps"][0.0]
    extra = {f"U_{_kelvin(t)}_J": d["U"][t] for t in temps[1:]}
    extra["near_J"] = m0.near(R)
    extra["retarded_J"] = m0.retarded(R)
    columns = {"W_J": "U(R, T = 0), J", "near_J": "-C6/R^6 (T = 0), J",
               "retarded_J": "-C7/R^7, J"}
    for t in temps[1:]:
        extra[f"thermal_{_kelvin(t)}_J"] = d["maps"][t].thermal(R)
        columns[f"U_{_kelvin(t)}_J"] = f"U(R, T = {t:g} K), J"
        columns[f"thermal_{_kelvin(t)}_J"] = f"-C_T/R^6 at T = {t:g} K, J"
    maps = {_kelvin(t): {k: getattr(m, k) for k in
                         ("C6", "C6_T", "C7", "CT", "omega_12", "lambda_T", "R_retarded",
                          "R_thermal")}
            for t, m in d["maps"].items()}
    metadata = {
        "units": "SI", "length_unit": "m", "states": ["1s", "1s"] if pair == "H" else None,
        "regime": None, "orders": None, "spins": None, "nu": None, "command": command,
        "description": f"thermal Casimir-Polder potential of {PAIRS[pair][0]} and its "
                       "regime map (weft.figure_thermal, weft.fields.thermal, "
                       "docs/fields.md section 6)",
        "regime_map": {k: {q: (None if math.isinf(v) else v) for q, v in m.items()}
                       for k, m in maps.items()},
        "regime_map_units": "C6, C6_T, CT: J m^6; C7: J m^7; omega_12: rad/s; lambda_T, "
                            "R_retarded, R_thermal: m (null: infinite at T = 0)",
        "columns": columns,
    }
    return R, d["U"][0.0], metadata, extra


def thermal_figure(out_png, out_csv=None, *, pair="H", temperatures=DEFAULT_TEMPERATURES,
                   command="weft thermal", overwrite=True) -> None:
    """Draw −U R⁶/C6 against R (log-log) with the asymptotes; save it (and the data).

    Parameters
    ----------
    out_png : str or path-like
        Image file (format from the extension; none: .png).
    out_csv : str or path-like, optional
        Also write the data (:func:`thermal_table`).
    pair, temperatures
        As for :func:`thermal_curves`.
    command : str
        Recorded in the table's metadata.
    overwrite : bool
        If False, refuse to replace existing files.

    Raises
    ------
    ImportError
        matplotlib is not installed.

    Examples
    --------
    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:          # doctest: +SKIP
    ...     thermal_figure(os.path.join(tmp, "t.png"), pair="silica")
    """
    from .figures import save_figure, table_writer

    def build(Figure):
        R, W, metadata, extra = thermal_table(pair, temperatures, command=command)
        c6 = metadata["regime_map"]["0K"]["C6"]
        scale = R ** 6 / c6
        fig = Figure(figsize=(7.5, 5), layout="constrained")
        ax = fig.subplots()
        ax.loglog(R, -W * scale, color="k", label="T = 0")
        for name, values in extra.items():
            if name.startswith("U_"):
                ax.loglog(R, -values * scale, label=f"T = {name[2:-3]} K")
        ax.loglog(R, -extra["near_J"] * scale, ":", color="0.5", lw=0.8, label="−C6/R⁶")
        ax.loglog(R, -extra["retarded_J"] * scale, "--", color="0.5", lw=0.8, label="−C7/R⁷")
        for name, values in extra.items():
            if name.startswith("thermal_"):
                ax.loglog(R, -values * scale, "-.", lw=0.8, label=f"−C_T/R⁶, {name[8:-3]} K")
        ax.set_ylim(1e-5, 3)
        ax.set_xlabel("R (m)")
        ax.set_ylabel("−U R⁶ / C6")
        ax.set_title(f"thermal Casimir–Polder: {PAIRS[pair][0]}", fontsize=10)
        ax.legend(fontsize=8)
        return fig, table_writer(R, W, metadata, extra)

    save_figure(out_png, out_csv, build, overwrite=overwrite)
