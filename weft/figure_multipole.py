"""Which terms matter where: the multipole and retardation corrections of H(1s)-H(1s).

Against R in bohr (5 … 10⁶, log scale), relative to the dipole-dipole potential W₆ (the
paper's intermediate-regime W^(0), Eqs. (61)-(62)), for two ground-state atoms:

* ``C8``: the retarded dipole-quadrupole term W₈/W₆ (19 % at 10 bohr, 5 % at 20, → R⁻² at
  short range and R⁻² again at long range, where W₈ ∝ R⁻⁹ and W₆ ∝ R⁻⁷);
* ``C10``: the retarded dipole-octupole + quadrupole-quadrupole term W₁₀/W₆;
* ``retardation``: (W₆ − W_London)/W₆, how much the retardation of the dipole term itself
  changes W (Fig. 11, panel (a));
* ``retardation_C8``: (W₈ − W₈^static)/W₆, the retardation of the C8 term;
* ``exchange_overlap``: the H₂ exchange splitting 1.641 R^{5/2} e^{−2R} (Herring & Flicker,
  Phys. Rev. 134, A362 (1964)) relative to W₆, which no long-range theory contains
  (weft.validity: the overlap edge at 12 bohr).

:func:`multipole_table` gives the data as a weft table (tables/multipole_sizes.csv, by
``python3 tables/make_tables.py``); :func:`multipole_figure` draws it (``weft multipole``).
"""
from __future__ import annotations

import warnings

import numpy as np

from .matching import intermediate, multipole
from .potential import london
from .validity import ValidityWarning

__all__ = ["DEFAULT_R", "multipole_sizes", "multipole_table", "multipole_figure"]

#: Default grid: 5 … 1e6 bohr, 20 points per decade.
DEFAULT_R = np.geomspace(5.0, 1e6, 107)


def multipole_sizes(R_bohr=None) -> dict:
    """The relative sizes of the module docstring, for 1s-1s.

    Parameters
    ----------
    R_bohr : array_like, optional
        Distances in bohr (default :data:`DEFAULT_R`).

    Returns
    -------
    dict of ndarray
        ``R_bohr``, ``W6`` (hartree), ``C8``, ``C10``, ``retardation``, ``retardation_C8``,
        ``exchange_overlap`` (dimensionless, relative to W₆).

    Examples
    --------
    >>> d = multipole_sizes([10.0, 20.0])
    >>> [round(float(x), 3) for x in d["C8"]], [round(float(x), 4) for x in d["C10"]]
    ([0.191, 0.048], [0.0506, 0.0032])
    """
    R = DEFAULT_R.copy() if R_bohr is None else np.asarray(R_bohr, dtype=float)
    w6 = intermediate.potential_fast(R)
    w8 = multipole.potential_fast(R, power=8)
    w10 = multipole.potential_fast(R, power=10)
    with warnings.catch_warnings():          # London at any R, on purpose
        warnings.simplefilter("ignore", ValidityWarning)
        w_lon = np.asarray(london(R), dtype=float)
    import hydrogen
    w8_static = -hydrogen.C8("1s", "1s") / R ** 8
    exch = 1.641 * R ** 2.5 * np.exp(-2.0 * R)
    return {"R_bohr": R, "W6": w6, "C8": w8 / w6, "C10": w10 / w6,
            "retardation": (w6 - w_lon) / w6, "retardation_C8": (w8 - w8_static) / w6,
            "exchange_overlap": exch / np.abs(w6)}


def multipole_table(R_bohr=None, *, command="weft multipole"):
    """:func:`multipole_sizes` as the pieces of a :func:`weft.write_table` call.

    Parameters
    ----------
    R_bohr : array_like, optional
        Distances in bohr (default :data:`DEFAULT_R`).
    command : str
        Recorded in the metadata.

    Returns
    -------
    R, W, metadata, extra
        ``W`` = W₆ (hartree); the relative sizes as extra columns.

    Examples
    --------
    >>> R, W, meta, extra = multipole_table([10.0])
    >>> sorted(extra)[:2]
    ['C10_over_W6', 'C8_over_W6']
    """
    d = multipole_sizes(R_bohr)
    names = {"C8": "C8_over_W6", "C10": "C10_over_W6", "retardation": "retardation_over_W6",
             "retardation_C8": "retardation_C8_over_W6",
             "exchange_overlap": "exchange_overlap_over_W6"}
    metadata = {
        "units": "au", "states": ["1s", "1s"], "regime": "intermediate", "orders": ["0"],
        "spins": None, "nu": None, "command": command, "max_power": 6,
        "description": "relative sizes of the multipole (C8, C10), retardation and "
                       "exchange-overlap corrections against the dipole-dipole W6 "
                       "(weft.figure_multipole, docs/multipole.md)",
        "columns": {
            "W_hartree": "W6: the dipole-dipole intermediate-regime potential, hartree",
            "C8_over_W6": "retarded dipole-quadrupole W8 / W6",
            "C10_over_W6": "retarded dipole-octupole + quadrupole-quadrupole W10 / W6",
            "retardation_over_W6": "(W6 - W_London) / W6",
            "retardation_C8_over_W6": "(W8 - (-C8/R^8)) / W6",
            "exchange_overlap_over_W6": "H2 exchange splitting 1.641 R^2.5 exp(-2R) / |W6| "
                                        "(Herring & Flicker 1964)",
        },
    }
    extra = {names[k]: d[k] for k in names}
    return d["R_bohr"], d["W6"], metadata, extra


def multipole_figure(out_png, out_csv=None, *, command="weft multipole",
                     overwrite=True) -> None:
    """Draw the relative sizes against R (log-log) and save them (and the data).

    Parameters
    ----------
    out_png : str or path-like
        Image file (format from the extension; none: .png).
    out_csv : str or path-like, optional
        Also write the data (:func:`multipole_table`).
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
    ...     multipole_figure(os.path.join(tmp, "m.png"))
    """
    from .figures import save_figure, table_writer

    def build(Figure):
        R, W, metadata, extra = multipole_table(command=command)
        fig = Figure(figsize=(7.5, 5), layout="constrained")
        ax = fig.subplots()
        for key, label in (("C8_over_W6", "dipole–quadrupole C8 (retarded)"),
                           ("C10_over_W6", "C10 terms (retarded)"),
                           ("retardation_over_W6", "retardation of the dipole term"),
                           ("retardation_C8_over_W6", "retardation of the C8 term"),
                           ("exchange_overlap_over_W6", "exchange/overlap (H₂, outside the EFT)")):
            ax.loglog(R, np.abs(extra[key]), label=label)
        ax.axhline(0.01, color="0.5", ls=":", lw=0.8)
        ax.annotate("1 %", (R[0], 0.012), fontsize=8)
        ax.set_ylim(1e-8, 10)
        ax.set_xlabel("R (bohr)")
        ax.set_ylabel("|correction| / |W₆|")
        ax.set_title("H(1s)–H(1s): which terms matter where", fontsize=10)
        ax.legend(fontsize=8)
        return fig, table_writer(R, W, metadata, extra)

    save_figure(out_png, out_csv, build, overwrite=overwrite)
