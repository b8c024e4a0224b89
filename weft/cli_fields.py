"""``weft`` subcommands for the one-atom-excited forces (figures and tables of docs/fields.md).

Registered by :func:`weft.cli.build_parser` (which owns the parser and the error
handling) through :func:`add_subcommands`.

Subcommands (each draws a PNG and writes its table, like ``weft excited``)::

    weft resonant --out resonant_1s2p.png         # H(1s)-H(2p) Dicke energies and rates
    weft netforce --out net_force_k0R.png         # seed 004 Fig. 6
    weft displacement --out displacement_h2p.png  # seed 000 Fig. 3 (corrected)

Each command function has the signature of the command functions of :mod:`weft.cli`:
``(args, command, out, err)``; bad input raises ValueError/OSError/ImportError, which
:func:`weft.cli.main` reports in one line.
"""
from __future__ import annotations

import argparse
import textwrap

__all__ = ["add_subcommands", "cmd_resonant", "cmd_netforce", "cmd_displacement", "COMMANDS"]

_PLOT = 'Plotting needs matplotlib:  pip install "weft[plot]"\n'

_FIGURES = {
    "resonant": dict(
        help="draw E(R) and the decay rates of the H(1s)-H(2p) Dicke states",
        description="Draw the first-order resonant (Dicke) energies of H(1s)-H(2p), Sigma and "
                    "Pi, from the near field (-+C3/R^3) to the far field (cos(k0 R)/R), and "
                    "the collective decay rates; write the table R_bohr, E_sigma_plus, "
                    "E_sigma_minus, E_pi_plus, E_pi_minus (hartree, R = 1 ... 1e6 bohr; "
                    "docs/fields.md).",
        default="resonant_1s2p.png",
        epilog="examples:\n  weft resonant --out resonant_1s2p.png     # also writes "
               "resonant_1s2p.csv\n  weft resonant --out resonant.pdf --csv resonant.csv\n\n"
               + _PLOT),
    "netforce": dict(
        help="draw the net force on a pair with one atom excited (seed 004 Fig. 6)",
        description="Draw the R-hat component of the net force F_A + F_B for identical "
                    "(T-linear) and dissimilar two-level atoms, dipoles mu_x = mu_y = mu_z, "
                    "normalised as in seed 004 Fig. 6, against k0 R = 0.2 ... 10; write the "
                    "table k0R, F_identical, F_dissimilar (normalisation in its metadata).",
        default="net_force_k0R.png",
        epilog="examples:\n  weft netforce --out net_force_k0R.png     # also writes "
               "net_force_k0R.csv\n  weft netforce --out fig6.svg --csv fig6.json\n\n" + _PLOT),
    "displacement": dict(
        help="draw the transverse displacements of H(2p)-H(1s) (seed 000 Fig. 3)",
        description="Draw the x displacements S_A, S_B of two hydrogen atoms caused by the "
                    "non-conservative forces, A suddenly excited to (2p_x + 2p_z)/sqrt2, R "
                    "along z, R = 15 ... 200 nm, with seed 000 Eq. (12) as printed for "
                    "comparison; write the table R_nm, S_A_fm, S_B_fm.",
        default="displacement_h2p.png",
        epilog="examples:\n  weft displacement --out displacement_h2p.png   # also writes "
               "displacement_h2p.csv\n  weft displacement --out s.png --csv s.npz\n\n" + _PLOT),
}


def _wrap(text: str) -> str:
    return "\n".join(textwrap.wrap(text, 78))


def add_subcommands(subparsers) -> dict:
    """Add ``resonant``, ``netforce`` and ``displacement`` to the ``weft`` subparsers.

    Parameters
    ----------
    subparsers : argparse._SubParsersAction
        The object returned by ``parser.add_subparsers(...)`` in :func:`weft.cli.build_parser`.

    Returns
    -------
    dict
        Subcommand name -> command function ``f(args, command, out, err)`` (:data:`COMMANDS`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="weft")
    >>> sorted(add_subcommands(parser.add_subparsers(dest="command")))
    ['displacement', 'netforce', 'resonant']
    >>> args = parser.parse_args(["netforce", "--out", "f.png"])
    >>> args.command, args.out, args.csv, args.force
    ('netforce', 'f.png', None, False)
    """
    from .cli import add_figure_outputs
    raw = argparse.RawDescriptionHelpFormatter
    for name, spec in _FIGURES.items():
        p = subparsers.add_parser(name, help=spec["help"], description=_wrap(spec["description"]),
                                  epilog=spec["epilog"], formatter_class=raw)
        add_figure_outputs(p, spec["default"])
    return dict(COMMANDS)


def _run(draw, args, command, out, what: str) -> None:
    from .figures import figure_files

    image, csv = figure_files(args.out, args.csv)     # fails early without matplotlib
    draw(image, csv, command=command, overwrite=args.force)
    out.write(f"wrote {image} and {csv} ({what})\n")


def cmd_resonant(args, command: str, out, err) -> None:
    """``weft resonant``: :func:`weft.figure_fields.resonant_figure`.

    Parameters
    ----------
    args : argparse.Namespace
        ``out``, ``csv``, ``force``.
    command : str
        The command line, recorded in the table.
    out, err : file
        Output streams.

    Examples
    --------
    >>> cmd_resonant(argparse.Namespace(out="r.png", csv=None, force=True), "weft resonant",
    ...              None, None)                                      # doctest: +SKIP
    """
    from .figure_fields import resonant_figure
    _run(resonant_figure, args, command, out, "H(1s)-H(2p) Dicke states")


def cmd_netforce(args, command: str, out, err) -> None:
    """``weft netforce``: :func:`weft.figure_fields.net_force_figure`.

    Parameters
    ----------
    args : argparse.Namespace
        ``out``, ``csv``, ``force``.
    command : str
    out, err : file

    Examples
    --------
    >>> cmd_netforce(argparse.Namespace(out="f.png", csv=None, force=True), "weft netforce",
    ...              None, None)                                      # doctest: +SKIP
    """
    from .figure_fields import net_force_figure
    _run(net_force_figure, args, command, out, "seed 004 Fig. 6")


def cmd_displacement(args, command: str, out, err) -> None:
    """``weft displacement``: :func:`weft.figure_fields.displacement_figure`.

    Parameters
    ----------
    args : argparse.Namespace
        ``out``, ``csv``, ``force``.
    command : str
    out, err : file

    Examples
    --------
    >>> cmd_displacement(argparse.Namespace(out="s.png", csv=None, force=True),
    ...                  "weft displacement", None, None)             # doctest: +SKIP
    """
    from .figure_fields import displacement_figure
    _run(displacement_figure, args, command, out, "seed 000 Fig. 3, corrected")


#: Subcommand name -> command function (returned by :func:`add_subcommands`).
COMMANDS = {"resonant": cmd_resonant, "netforce": cmd_netforce,
            "displacement": cmd_displacement}
