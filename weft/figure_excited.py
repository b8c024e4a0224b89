"""The two branches of H(ns)-H(1s): R⁶W(R) from the van der Waals range to beyond ħc/L.

For two hydrogen atoms, one in 1s and one in ns, the intermediate-regime potential
(:mod:`weft.matching.exchange`, docs/excited.md) has the branches E± = W_dir ± H₁₂. This
module tabulates and draws, against R in bohr (log scale):

* (a) -R⁶ W_dir: the van der Waals plateau C6 (176.75 for 2s), the Casimir-Polder-range
  plateau of the unretarded degenerate np level (121.50 for 2s; the non-degenerate
  levels retard away), and, with the Lamb shift L lowering 2p (the default for 2s), the
  crossover at R ~ ħc/L ≈ 8.5e8 bohr and the oscillating tail beyond;
* (b) R⁶ |H₁₂|: X6 at short range (27.98 for 2s) and the growth S R⁴ of the exchange
  element beyond c/Δ (two real photons, H₁₂ → iS e^{iΔR/c}/R²), with the
  "46.61" of Adhikari et al. (2017) drawn for comparison (docs/errata.md);
* (c) R⁶ E± (symmetric-log scale): the branches themselves.

3s has lower levels (3s → 2p): W_dir acquires cos(2ωR/c)/R² tails beyond c/ω; no Lamb
shift is applied there (nonrelativistic spectrum, documented in the metadata).

Equations: no new formula; the curves are :func:`weft.potential` of the intermediate
regime generalised to 1s-ns (the Casimir-Polder representation of Eqs. (57), (61)-(62)
with the exchange kernel of docs/excited.md §3), and the plateaus Eq. (32)'s C6 and the
degenerate-level coefficient 3 x2(ns→np) α(1s).

matplotlib is needed for :func:`excited_figure` only (``pip install "weft[plot]"``).
"""
from __future__ import annotations

import warnings

import numpy as np

from .matching.exchange import adhikari_cp_mixing, lamb_shift_2s
from .potential import potential
from .validity import ValidityWarning

__all__ = ["EXCITED_STATES", "DEFAULT_R", "excited_data", "excited_table", "excited_figure"]

#: The excited states tabulated (with the Lamb shift applied to each: 2s only).
EXCITED_STATES = {"2s": True, "3s": False}

#: Default grid: 1 ... 1e11 bohr, 40 points per decade (beyond ħc/L = 8.5e8 bohr for 2s).
DEFAULT_R = np.geomspace(1.0, 1e11, 441)


def _check_state(state: str) -> str:
    if state not in EXCITED_STATES:
        raise ValueError(f"state must be one of {list(EXCITED_STATES)}, got {state!r}")
    return state


def excited_data(state="2s", R_bohr=None, *, lamb_shift=None) -> dict:
    """W_dir, E+ and E- of 1s-``state`` in the intermediate regime (hartree).

    Parameters
    ----------
    state : {"2s", "3s"}
        The excited atom's state.
    R_bohr : array_like, optional
        Distances in bohr (default :data:`DEFAULT_R`).
    lamb_shift : bool, optional
        Lower 2p by the 2S1/2-2P1/2 Lamb shift (default: True for 2s, False for 3s).

    Returns
    -------
    dict of ndarray
        ``R_bohr``, ``W_direct``, ``W_plus``, ``W_minus`` (hartree) and ``H12`` =
        (E+ - E-)/2 (hartree).

    Examples
    --------
    >>> d = excited_data("2s", [10.0])
    >>> round(float(-d["W_direct"][0] * 1e6), 2), round(float(-d["H12"][0] * 1e6), 2)
    (176.75, 27.98)
    """
    _check_state(state)
    R = DEFAULT_R.copy() if R_bohr is None else np.asarray(R_bohr, dtype=float)
    use = EXCITED_STATES[state] if lamb_shift is None else bool(lamb_shift)
    shifts = lamb_shift_2s() if use else None
    out = {"R_bohr": R}
    with warnings.catch_warnings():      # the grid starts below the EFT's domain on purpose
        warnings.simplefilter("ignore", ValidityWarning)
        for key, sym in (("W_direct", "direct"), ("W_plus", "+"), ("W_minus", "-")):
            out[key] = np.asarray(potential(R, "1s", state, symmetry=sym, level_shifts=shifts),
                                  dtype=float)
    out["H12"] = 0.5 * (out["W_plus"] - out["W_minus"])
    out["lamb_shift"] = use
    return out


def excited_table(state="2s", R_bohr=None, *, command="weft excited"):
    """The data of :func:`excited_data` as the pieces of a :func:`weft.write_table` call.

    Parameters
    ----------
    state : {"2s", "3s"}
    R_bohr : array_like, optional
        Distances in bohr (default :data:`DEFAULT_R`).
    command : str
        The command recorded in the metadata.

    Returns
    -------
    R, W, metadata, extra
        ``W`` = W_dir (symmetry "direct"); extra columns ``W_plus_hartree``,
        ``W_minus_hartree``, ``R6_W_direct``, ``R6_H12`` (hartree·bohr⁶).

    Examples
    --------
    >>> R, W, meta, extra = excited_table("2s", [10.0, 1e3])
    >>> meta["symmetry"], sorted(extra)[:2]
    ('direct', ['R6_H12', 'R6_W_direct'])
    """
    d = excited_data(state, R_bohr)
    R = d["R_bohr"]
    shifts = lamb_shift_2s() if d["lamb_shift"] else None
    metadata = {
        "units": "au", "states": ["1s", state], "regime": "intermediate", "orders": ["0"],
        "spins": None, "nu": None, "command": command, "symmetry": "direct",
        "level_shifts_hartree": shifts,
        "description": f"H(1s)-H({state}): direct term and both branches E+- = W_dir +- H12 "
                       "(intermediate regime, exact retarded kernels, docs/excited.md); "
                       + ("2p lowered by the 2S1/2-2P1/2 Lamb shift (1057.845 MHz)"
                          if shifts else "nonrelativistic Coulomb spectrum (no Lamb shift)"),
        "columns": {
            "W_hartree": "W_dir, the direct term (symmetry 'direct'), hartree",
            "W_plus_hartree": "E+ = W_dir + H12 (1Sigma_g+, 3Sigma_u+), hartree",
            "W_minus_hartree": "E- = W_dir - H12 (1Sigma_u+, 3Sigma_g+), hartree",
            "R6_W_direct": "R^6 W_dir, hartree bohr^6",
            "R6_H12": "R^6 H12 = R^6 (E+ - E-)/2, hartree bohr^6",
        },
    }
    extra = {"W_plus_hartree": d["W_plus"], "W_minus_hartree": d["W_minus"],
             "R6_W_direct": R ** 6 * d["W_direct"], "R6_H12": R ** 6 * d["H12"]}
    return R, d["W_direct"], metadata, extra


def excited_figure(out_png, out_csv=None, *, state="2s", command="weft excited",
                   overwrite=True) -> None:
    """Draw the three panels of the module docstring for 1s-``state`` and save them.

    Outputs are checked before anything is computed and written together (neither is left
    behind on failure), like :func:`weft.figures.fig11`.

    Parameters
    ----------
    out_png : str or path-like
        Image file (format from the extension; none: .png).
    out_csv : str or path-like, optional
        Also write the data (:func:`excited_table`).
    state : {"2s", "3s"}
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
    ...     excited_figure(os.path.join(tmp, "e.png"), state="2s")
    """
    from .figures import save_figure, table_writer
    _check_state(state)

    def build(Figure):
        R, W, metadata, extra = excited_table(state, command=command)
        return (_draw(Figure, state, R, W, extra, metadata),
                table_writer(R, W, metadata, extra))

    save_figure(out_png, out_csv, build, overwrite=overwrite)


def _draw(Figure, state, R, W, extra, metadata):
    from hydrogen import C6, C6_exchange
    from .matching.exchange import degenerate_direct_coefficient
    from .units import C_AU
    fig = Figure(figsize=(13, 4.6), layout="constrained")
    shift = metadata["level_shifts_hartree"]
    fig.suptitle(f"H(1s)–H({state}), intermediate regime (docs/excited.md); "
                 + ("2p lowered by the Lamb shift L" if shift else "no Lamb shift"),
                 fontsize=10)
    ax_d, ax_x, ax_b = fig.subplots(1, 3)
    c6, x6 = C6("1s", state), C6_exchange("1s", state)
    plateau = degenerate_direct_coefficient(state)
    ax_d.semilogx(R, -extra["R6_W_direct"], color="C0")
    ax_d.axhline(c6, color="0.4", ls="--", lw=0.8, label=f"C6 = {c6:.2f} (van der Waals)")
    ax_d.axhline(plateau, color="0.4", ls=":", lw=0.8,
                 label=f"{plateau:.2f}: unretarded {state[0]}p level")
    ax_d.set_ylim(min(0.0, 1.3 * plateau - 0.3 * c6), 1.3 * c6)
    ax_d.set_ylabel(r"$-R^6 W_{\rm dir}$ (hartree bohr$^6$)")
    ax_d.set_title("(a) direct term (off-scale: resonant tails)", fontsize=9)
    ax_d.legend(fontsize=7, loc="lower left")
    ax_x.loglog(R, np.abs(extra["R6_H12"]), color="C3", lw=0.6)
    ax_x.set_ylabel(r"$R^6 |H_{12}|$ (hartree bohr$^6$)")
    ax_x.set_title(r"(b) exchange element: $X_6$, then $S R^4$ (two real photons)", fontsize=9)
    ax_x.axhline(adhikari_cp_mixing(state), color="0.4", ls="--", lw=0.8,
                 label="Adhikari et al. (2017) CP-range value (docs/errata.md)")
    ax_x.legend(fontsize=7, loc="upper left")
    near = R <= 1e3
    for key, label, color in (("W_plus_hartree", "E+ (¹Σg⁺, ³Σu⁺)", "C1"),
                              ("W_minus_hartree", "E− (¹Σu⁺, ³Σg⁺)", "C2")):
        ax_b.semilogx(R[near], -(R ** 6 * extra[key])[near], color=color, label=label)
    for val in (c6 + x6, c6 - x6):
        ax_b.axhline(val, color="0.6", ls=":", lw=0.6)
    ax_b.set_ylabel(r"$-R^6 E_\pm$ (hartree bohr$^6$)")
    ax_b.set_title(f"(c) the two branches: C6 ± X6 = {c6:.2f} ± {x6:.2f}", fontsize=9)
    ax_b.legend(fontsize=7)
    delta = 0.5 - 0.5 / int(state[0]) ** 2
    marks = [(C_AU / delta, r"$c/\Delta$")]
    if shift:
        marks.append((C_AU / abs(shift["2p"]), r"$c/L$"))
    for ax in (ax_d, ax_x, ax_b):
        ax.set_xlabel("R (bohr)")
        for x, text in marks:
            if x <= ax.get_xlim()[1]:
                ax.axvline(x, color="0.6", lw=0.6, ls=":")
                ax.annotate(text, (x, 0.02), xycoords=("data", "axes fraction"), fontsize=7)
    return fig
