"""Fig. 11 of the paper: how far the London and Casimir-Polder potentials are from W_Int.

The paper's Fig. 11 shows, for two ground-state hydrogen atoms, the relative difference
between the intermediate-range potential W_Int (Eqs. (61)-(62), the dispersive one-loop
part, order "0" of the intermediate regime, without the tree-level magnetic term) and

(a) the London potential W_Lon = -C6/R^6, Eq. (31),
(b) the Casimir-Polder potential W_CP = -C7/R^7, Eq. (52),

as a function of R in units of 1/|ΔE_12| (ħ = c = 1), with ΔE_12 = E_1 - E_2 = -3/8
hartree the 1s-2p gap. In atomic units (ħ = m_e = 1, c = 1/α)

    x = R |ΔE_12| / (ħ c) = R_bohr · α · 3/8,

since 1 bohr = 1/(m_e α) and 3/8 hartree = (3/8) m_e α² in natural units.

Relative difference (the caption's "relative difference between the intermediate van der
Waals potential and the London/Casimir-Polder potential", normalised to the more
complete W_Int, i.e. the relative error of the approximation):

    rel_Lon = (W_Int - W_Lon)/W_Int,      rel_CP = (W_Int - W_CP)/W_Int.

Both are negative where the approximation overbinds (London at large R, Casimir-Polder
at small R) and tend to 0 in their own regime. The paper's conclusion ("the
intermediate-range potential is needed ... with an accuracy better than about 15% ...
between 400 to 2000 times the Bohr radius") is :func:`fifteen_percent_range`.

matplotlib is an optional extra (``pip install "weft[plot]"``) and is imported only
inside :func:`fig11` and :func:`image_output`; the data functions need numpy and scipy
only. :func:`fig11` checks its output files before computing anything and writes the
image and the data table all-or-nothing (:func:`weft.tables.staged_files`).
"""
from __future__ import annotations

import os
import warnings

import numpy as np
from scipy.optimize import brentq

from . import units as _units
from .potential import casimir_polder, london, potential
from .tables import check_output, check_writable, staged_files, write_table
from .validity import ValidityWarning

__all__ = ["DELTA_E12_HARTREE", "PAPER_RANGE_BOHR", "x_from_bohr", "bohr_from_x",
           "fig11_data", "fifteen_percent_range", "fig11_table", "image_output", "figure_files",
           "table_writer", "save_figure", "fig11"]

#: ΔE_12 = E_1 - E_2 = -1/2 + 1/8 hartree (1s - 2p gap, nonrelativistic Coulomb spectrum).
DELTA_E12_HARTREE = -3.0 / 8.0

#: Default x grid of Fig. 11: 10^-3 ... 10^3, 40 points per decade (R ≈ 0.37 ... 3.7e5 bohr).
DEFAULT_X = np.geomspace(1e-3, 1e3, 241)

#: The paper's range (Conclusions) where W_Int is needed at 15 % accuracy, in bohr; it
#: is not reproduced (docs/errata.md, E8): :func:`fifteen_percent_range` gives 306-1828.
PAPER_RANGE_BOHR = (400.0, 2000.0)


def x_from_bohr(R_bohr):
    """R in units of 1/|ΔE_12| (ħ = c = 1) from R in bohr: x = R_bohr · α · 3/8.

    Parameters
    ----------
    R_bohr : array_like
        Distance in bohr.

    Returns
    -------
    ndarray
        Dimensionless x = R |ΔE_12| / (ħ c).

    Examples
    --------
    >>> from weft.units import ALPHA
    >>> bool(abs(x_from_bohr(1.0 / ALPHA) - 0.375) < 1e-15)
    True
    """
    return np.asarray(R_bohr, dtype=float) * (_units.ALPHA * abs(DELTA_E12_HARTREE))


def bohr_from_x(x):
    """Inverse of :func:`x_from_bohr`: R_bohr = x / (α · 3/8).

    Parameters
    ----------
    x : array_like
        Dimensionless x = R |ΔE_12| / (ħ c) (the abscissa of Fig. 11).

    Returns
    -------
    ndarray or numpy scalar (float)
        Distance in bohr, same shape as ``x``.

    Examples
    --------
    >>> round(float(bohr_from_x(1.0)), 6)           # R = 1/|ΔE_12| in bohr: 8/(3α)
    365.429331
    >>> bool(abs(bohr_from_x(x_from_bohr(400.0)) - 400.0) < 1e-12)
    True
    """
    return np.asarray(x, dtype=float) / (_units.ALPHA * abs(DELTA_E12_HARTREE))


def _curves(R_bohr: np.ndarray) -> dict:
    with warnings.catch_warnings():   # Fig. 11 spans R below the EFT's domain by design
        warnings.simplefilter("ignore", ValidityWarning)
        w_int = np.asarray(potential(R_bohr, "1s", "1s", regime="intermediate", order="0",
                                     units="au"), dtype=float)
    w_lon = np.asarray(london(R_bohr, "1s", "1s", units="au"), dtype=float)
    w_cp = np.asarray(casimir_polder(R_bohr, "1s", "1s", units="au"), dtype=float)
    if np.any(w_int == 0) or not np.all(np.isfinite(w_int)):
        raise ValueError("W_Int vanishes or is not finite on the requested grid; "
                         "the relative differences are undefined there")
    return {"W_int": w_int, "W_lon": w_lon, "W_cp": w_cp,
            "rel_lon": (w_int - w_lon) / w_int, "rel_cp": (w_int - w_cp) / w_int}


def fig11_data(x=None) -> dict:
    """Data of Fig. 11: W_Int, W_Lon, W_CP and their relative differences.

    Implements the comparison of Eqs. (61)-(62) with Eq. (31) and Eq. (52) for 1s-1s.

    Parameters
    ----------
    x : array_like, optional
        R |ΔE_12| (dimensionless, ħ = c = 1), positive and finite; default
        :data:`DEFAULT_X` (10^-3 ... 10^3, 241 points).

    Returns
    -------
    dict of ndarray (all of the shape of ``x``)
        ``x``; ``R_bohr`` = x/(α·3/8); ``W_int`` (intermediate regime, order "0",
        hartree); ``W_lon`` (Eq. (31), hartree); ``W_cp`` (Eq. (52), hartree);
        ``rel_lon`` = (W_int - W_lon)/W_int; ``rel_cp`` = (W_int - W_cp)/W_int.

    Examples
    --------
    >>> d = fig11_data([1.0, 10.0])
    >>> sorted(d)
    ['R_bohr', 'W_cp', 'W_int', 'W_lon', 'rel_cp', 'rel_lon', 'x']
    >>> [round(float(v), 3) for v in d["rel_lon"]], [round(float(v), 3) for v in d["rel_cp"]]
    ([-0.195, -3.879], [-1.556, -0.043])
    """
    x = DEFAULT_X.copy() if x is None else np.asarray(x, dtype=float)
    if x.size == 0 or not np.all(np.isfinite(x)) or np.any(x <= 0):
        raise ValueError("x must be positive and finite (R in units of 1/|ΔE_12|)")
    R = bohr_from_x(x)
    out = {"x": x, "R_bohr": R}
    out.update(_curves(R))
    return out


def _abs_rel(name: str, R: float) -> float:
    return float(abs(_curves(np.array([R]))[name][0]))


def fifteen_percent_range(threshold=0.15, *, rmin=1.0, rmax=1e6, points=121):
    """R interval (bohr) where neither London nor Casimir-Polder is within ``threshold``.

    London is within the threshold for R below the first R where
    |rel_lon| = |W_Int - W_Lon|/|W_Int| reaches it (R_lo); Casimir-Polder is within it
    above the last R where |rel_cp| reaches it (R_hi). Both crossings are bracketed on a
    log-spaced scan of [rmin, rmax] and refined with Brent's method in log R (relative
    accuracy ~1e-13). The paper (Sec. VI, Conclusions) quotes "400 to 2000" bohr for 15%.

    Parameters
    ----------
    threshold : float
        Relative accuracy, 0 < threshold < 1 (default 0.15).
    rmin, rmax : float
        Scan interval in bohr (default 1 ... 10^6).
    points : int
        Number of scan points (log-spaced) used to bracket the crossings.

    Returns
    -------
    (float, float)
        (R_lo, R_hi) in bohr. If R_lo >= R_hi one of the two approximations is always
        within the threshold and the interval is empty.

    Raises
    ------
    ValueError
        Bad arguments, or no crossing inside [rmin, rmax] (widen the interval).

    Examples
    --------
    >>> lo, hi = fifteen_percent_range()
    >>> round(lo, 1), round(hi, 1)                  # the paper: "400 to 2000" (errata E8)
    (305.6, 1827.9)
    """
    threshold = float(threshold)
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must lie in (0, 1), got {threshold!r}")
    if not (np.isfinite(rmin) and np.isfinite(rmax) and 0 < rmin < rmax):
        raise ValueError(f"need 0 < rmin < rmax (bohr), got rmin={rmin!r}, rmax={rmax!r}")
    if int(points) != points or points < 3:
        raise ValueError(f"points must be an integer >= 3, got {points!r}")
    R = np.geomspace(rmin, rmax, int(points))
    c = _curves(R)
    above_lon = np.abs(c["rel_lon"]) > threshold
    above_cp = np.abs(c["rel_cp"]) > threshold
    if above_lon[0] or not above_lon.any():
        raise ValueError(f"|rel_lon| does not cross {threshold} from below inside "
                         f"[{rmin}, {rmax}] bohr; change rmin/rmax")
    if above_cp[-1] or not above_cp.any():
        raise ValueError(f"|rel_cp| does not cross {threshold} from above inside "
                         f"[{rmin}, {rmax}] bohr; change rmin/rmax")
    i = int(np.argmax(above_lon))                        # first scan point above
    j = int(len(R) - 1 - np.argmax(above_cp[::-1]))      # last scan point above

    def root(name, a, b):
        f = lambda t: _abs_rel(name, np.exp(t)) - threshold  # noqa: E731
        return float(np.exp(brentq(f, np.log(a), np.log(b), xtol=1e-13, rtol=1e-15)))

    return root("rel_lon", R[i - 1], R[i]), root("rel_cp", R[j], R[j + 1])


def fig11_table(x=None, *, command="weft fig11"):
    """Fig. 11 data as the pieces of a :func:`weft.tables.write_table` call.

    Parameters
    ----------
    x : array_like, optional
        See :func:`fig11_data`.
    command : str
        The command recorded in the table's metadata.

    Returns
    -------
    R, W, metadata, extra
        ``R`` in bohr, ``W`` = W_Int in hartree, complete metadata (including the 15%
        range of :func:`fifteen_percent_range`), and the extra columns ``x``,
        ``W_lon_hartree``, ``W_cp_hartree``, ``rel_lon``, ``rel_cp``.

    Examples
    --------
    >>> R, W, meta, extra = fig11_table([1.0])
    >>> sorted(extra)[:2]
    ['W_cp_hartree', 'W_lon_hartree']
    """
    d = fig11_data(x)
    lo, hi = fifteen_percent_range()
    metadata = {
        "units": "au", "states": ["1s", "1s"], "regime": "intermediate", "orders": ["0"],
        "spins": None, "nu": None, "command": command,
        "description": "Fig. 11 of Brambilla et al., 'Effective field theories for van der "
                       "Waals interactions': W_Int (Eqs. (61)-(62)) vs London (Eq. (31)) "
                       "and Casimir-Polder (Eq. (52)), both atoms 1s",
        "fifteen_percent_range_bohr": [lo, hi],
        "columns": {
            "W_hartree": "W_Int: intermediate-regime dispersive potential (order '0', "
                         "Eqs. (61)-(62), no tree-level magnetic term) in hartree",
            "x": "R |Delta E_12| (hbar = c = 1), Delta E_12 = E_1 - E_2 = -3/8 hartree: "
                 "x = R_bohr * alpha * 3/8",
            "W_lon_hartree": "London potential -C6/R^6, Eq. (31), hartree",
            "W_cp_hartree": "Casimir-Polder potential -C7/R^7, Eq. (52), hartree",
            "rel_lon": "(W_Int - W_Lon)/W_Int, panel (a)",
            "rel_cp": "(W_Int - W_CP)/W_Int, panel (b)",
        },
    }
    extra = {"x": d["x"], "W_lon_hartree": d["W_lon"], "W_cp_hartree": d["W_cp"],
             "rel_lon": d["rel_lon"], "rel_cp": d["rel_cp"]}
    return d["R_bohr"], d["W_int"], metadata, extra


def _figure_class():
    try:
        from matplotlib.figure import Figure
    except ImportError:
        raise ImportError('plotting needs matplotlib, an optional extra of weft: '
                          'pip install "weft[plot]"') from None
    return Figure


def image_output(path) -> tuple[str, str]:
    """The image file :func:`fig11` writes for ``path``, and its format.

    The format comes from the extension (any format matplotlib writes: png, pdf, svg,
    ...). A name without an extension gets ``.png`` appended (so ``fig`` writes
    ``fig.png``); an unknown extension is an error, raised before anything is computed.

    Parameters
    ----------
    path : str or path-like

    Returns
    -------
    (str, str)
        The file name that will be written and the matplotlib format.

    Raises
    ------
    ImportError
        matplotlib is not installed.
    ValueError
        Unknown image format.

    Examples
    --------
    >>> image_output("fig11.pdf"), image_output("fig11")     # doctest: +SKIP
    (('fig11.pdf', 'pdf'), ('fig11.png', 'png'))
    """
    _figure_class()
    from matplotlib.backend_bases import FigureCanvasBase

    name = os.fspath(path)
    check_writable(name)                  # a directory is refused before '.png' is added
    ext = os.path.splitext(name)[1]
    if not ext:
        return name + ".png", "png"
    fmt = ext[1:].lower()
    known = FigureCanvasBase.get_supported_filetypes()
    if fmt not in known:
        raise ValueError(f"{name}: unknown image format {ext!r}; use one of "
                         + ", ".join("." + k for k in sorted(known)))
    return name, fmt


def table_writer(R, W, metadata, extra=None):
    """A ``write(path, table_format)`` for :func:`save_figure` that writes a weft table.

    Parameters
    ----------
    R, W, metadata, extra
        As for :func:`weft.write_table`.

    Returns
    -------
    callable

    Examples
    --------
    >>> import os, tempfile
    >>> meta = dict(units="au", states=["1s", "1s"], regime="long", orders=None,
    ...             spins=None, nu=None, command="doctest")
    >>> table_writer([1e4], [-1e-18], meta)(os.path.join(tempfile.mkdtemp(), "W.csv"), "csv")
    """
    def write(path, table_format):
        write_table(path, R, W, metadata, format=table_format, extra=extra)
    return write


def save_figure(out_png, out_csv, build, *, overwrite=True):
    """Check both outputs, draw, then write the image and the data all-or-nothing.

    The one sequence every figure of the package follows: matplotlib present and both
    files writable (format known, directory exists, with ``overwrite=False`` not
    existing) before anything is computed; the image and the table written together
    (:func:`weft.tables.staged_files`), so a failure leaves neither behind.

    Parameters
    ----------
    out_png : str or path-like
        Image file (:func:`image_output`: format from the extension; none: .png).
    out_csv : str or path-like or None
        Data file (.csv, .json or .npz), or None for the image alone.
    build : callable
        ``build(Figure)`` -> ``(figure, write)``: computes the data, draws the matplotlib
        figure (``Figure`` is matplotlib's class) and returns it with a function
        ``write(path, table_format)`` that writes the data (e.g. :func:`table_writer`).
    overwrite : bool
        If False, refuse to replace existing files (``FileExistsError``).

    Returns
    -------
    str
        The image file written.

    Examples
    --------
    >>> save_figure("f.png", None, lambda Figure: (Figure(), None))   # doctest: +SKIP
    'f.png'
    """
    Figure = _figure_class()   # fail before computing anything
    image, image_format = image_output(out_png)
    check_writable(image, overwrite=overwrite)
    targets = [image]
    if out_csv is not None:
        # (image and table formats are disjoint, so the two names always differ)
        table_format = check_output(out_csv, overwrite=overwrite)
        targets.append(out_csv)
    fig, write = build(Figure)
    with staged_files(targets) as tmp:
        fig.savefig(tmp[0], format=image_format, dpi=150)
        if out_csv is not None:
            write(tmp[1], table_format)
    return image


def figure_files(out_png, out_csv=None) -> tuple[str, str]:
    """The image and data files a figure command writes: :func:`image_output` of
    ``out_png``, and ``out_csv`` or else the image name with extension .csv.

    Raises ImportError without matplotlib, before anything is computed.

    Parameters
    ----------
    out_png : str or path-like
    out_csv : str or path-like, optional

    Returns
    -------
    (str, str)

    Examples
    --------
    >>> figure_files("thermal")                                  # doctest: +SKIP
    ('thermal.png', 'thermal.csv')
    """
    image, _ = image_output(out_png)
    return image, (os.fspath(out_csv) if out_csv is not None
                   else os.path.splitext(image)[0] + ".csv")


def fig11(out_png, out_csv=None, *, x=None, command="weft fig11", threshold=0.15,
          overwrite=True):
    """Draw Fig. 11 (two panels: (a) London, (b) Casimir-Polder) and save it.

    Both output files are checked first (format known, directory exists, not a
    directory; with ``overwrite=False`` not existing), then everything is computed, and
    the image and the table are written together: if anything fails, neither file is
    left behind (and an existing file is left untouched).

    Parameters
    ----------
    out_png : str or path-like
        Image file (any format matplotlib knows from the extension, e.g. .png, .pdf; no
        extension: .png is appended, see :func:`image_output`).
    out_csv : str or path-like, optional
        Also write the plotted data as a weft table (see :func:`fig11_table`).
    x : array_like, optional
        Grid of R |ΔE_12|; default :data:`DEFAULT_X`.
    command : str
        Command recorded in the CSV metadata.
    threshold : float
        Accuracy band drawn in the panels and used for the shaded R range.
    overwrite : bool
        If False, refuse to replace existing files (``FileExistsError``).

    Returns
    -------
    (float, float)
        The R range in bohr of :func:`fifteen_percent_range` (for ``threshold``).

    Raises
    ------
    ImportError
        matplotlib is not installed (``pip install "weft[plot]"``).
    ValueError
        Unknown image or table format.
    OSError
        An output file cannot be written (the error names it).

    Examples
    --------
    Without matplotlib the call raises ImportError before anything is computed or written;
    the range it returns is the one :func:`fifteen_percent_range` gives:

    >>> import os, tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     try:
    ...         lo, hi = fig11(os.path.join(tmp, "fig11.png"), x=[0.1, 1.0, 10.0])
    ...     except ImportError:                      # matplotlib: pip install "weft[plot]"
    ...         lo, hi = fifteen_percent_range()
    >>> round(lo, 1), round(hi, 1)                   # bohr
    (305.6, 1827.9)
    """
    found = []

    def build(Figure):
        R, W, metadata, extra = fig11_table(x, command=command)
        found[:] = (fifteen_percent_range(threshold) if threshold != 0.15
                    else tuple(metadata["fifteen_percent_range_bohr"]))
        return _draw(Figure, extra, *found, threshold), table_writer(R, W, metadata, extra)

    save_figure(out_png, out_csv, build, overwrite=overwrite)
    return tuple(found)


def _draw(Figure, extra, lo, hi, threshold):
    """The two panels; x = R|ΔE_12| below, R in bohr on a secondary axis on top."""
    x = extra["x"]
    fig = Figure(figsize=(11, 5.2), layout="constrained")
    fig.suptitle(r"Fig. 11, two ground-state hydrogen atoms (1s–1s): $W_{\rm Int}$ "
                 "(Eqs. (61)-(62)) against its short- and long-distance limits", fontsize=10)
    axes = fig.subplots(1, 2, sharey=False)
    panels = (("rel_lon", r"$(W_{\rm Int}-W_{\rm Lon})/W_{\rm Int}$",
               r"(a) London $W_{\rm Lon} = -C_6/R^6$, Eq. (31)"),
              ("rel_cp", r"$(W_{\rm Int}-W_{\rm CP})/W_{\rm Int}$",
               r"(b) Casimir-Polder $W_{\rm CP} = -C_7/R^7$, Eq. (52)"))
    percent = f"{threshold * 100:g} %"
    x_lo, x_hi = float(x[0]), float(x[-1])
    for ax, (key, ylabel, title) in zip(axes, panels):
        ax.semilogx(x, extra[key], color="C0", lw=1.5, label="relative difference, 1s–1s")
        for sign, va in ((1, "bottom"), (-1, "top")):
            ax.axhline(sign * threshold, color="0.35", lw=0.9, ls=":",
                       label=f"±{percent} lines" if sign > 0 else None)
            ax.text(x_lo * 1.5, sign * threshold * 1.1, f"{'+' if sign > 0 else '−'}{percent}",
                    va=va, ha="left", fontsize=8, color="0.35")
        ax.axvspan(float(x_from_bohr(lo)), float(x_from_bohr(hi)), color="C1", alpha=0.2,
                   lw=0, label=f"neither within {percent} (weft): {lo:.0f}–{hi:.0f} bohr")
        if threshold == 0.15:
            p_lo, p_hi = PAPER_RANGE_BOHR
            ax.axvspan(float(x_from_bohr(p_lo)), float(x_from_bohr(p_hi)), fill=False,
                       hatch="///", edgecolor="C3", lw=0,
                       label=f"the paper's quoted range, {p_lo:.0f}–{p_hi:.0f} bohr "
                             "(not reproduced: docs/errata.md E8)")
        ax.text(0.98 if key == "rel_lon" else 0.02, 0.04, "H(1s)–H(1s)",
                transform=ax.transAxes, ha="right" if key == "rel_lon" else "left",
                va="bottom", fontsize=10, bbox=dict(boxstyle="round", fc="white", ec="0.6"))
        ax.set_ylim(-1.05, 0.3)
        ax.set_xlim(x_lo, x_hi)
        ax.set_xlabel(r"$x = R\,|\Delta E_{12}|$  ($\hbar = c = 1$, "
                      r"$\Delta E_{12} = E_{1s} - E_{2p}$)")
        ax.set_ylabel(ylabel)
        ax.set_title(title, fontsize=10)
        top = ax.secondary_xaxis("top", functions=(bohr_from_x, x_from_bohr))
        top.set_xlabel("R (bohr)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="outside lower center", ncol=2, fontsize=8.5)
    return fig
