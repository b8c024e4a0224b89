"""The ``weft`` command (also ``python -m weft``).

Subcommands::

    weft potential --states 1s 1s --regime intermediate --r 10 100 1000
    weft table --states 1s 1s --regime intermediate --rmin 1 --rmax 1e6 --points 241 \\
               --units au --format csv --out W_1s1s.csv
    weft fig11 --out fig11.png
    weft c6 1s 1s

Bad input prints one line ``weft: error: ...`` on stderr and exits with status 2
(usage errors) or 1 (everything else); there is never a traceback for bad input.
"""
from __future__ import annotations

import argparse
import importlib
import json
import math
import os
import shlex
import sys

import numpy as np

from . import units as _units
from .tables import _weft_version, column_names, write_table

__all__ = ["main", "build_parser"]

FORMATS = ("csv", "json", "npz")


class UsageError(Exception):
    """A command-line usage error (reported in one line, exit status 2)."""


class _Parser(argparse.ArgumentParser):
    """ArgumentParser that raises instead of printing usage and exiting."""

    def error(self, message):
        raise UsageError(message)


def _physics():
    return importlib.import_module("weft.potential")


# ------------------------------------------------------------------ argument types

def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive and finite, got {text!r}")
    return value


def _points(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 2:
        raise argparse.ArgumentTypeError(f"need at least 2 points, got {value}")
    return value


def _spins(text: str):
    """CLI spin spec -> API value: unpolarised -> None, 'triplet:M' -> ('triplet', M)."""
    low = text.strip().lower()
    if low in ("unpolarised", "unpolarized", "none", "average"):
        return None
    name, sep, m = text.partition(":")
    if sep:
        try:
            return (name.strip(), int(m))
        except ValueError:
            raise argparse.ArgumentTypeError(
                f"spin projection must be an integer, e.g. triplet:+1, got {text!r}") from None
    return text.strip()


def _spins_text(spins) -> str:
    if spins is None:
        return "unpolarised"
    if isinstance(spins, tuple):
        return f"{spins[0]}:{spins[1]:+d}" if spins[1] else f"{spins[0]}:0"
    return str(spins)


def _order(text: str):
    return None if text.strip().lower() == "all" else text.strip()


# ------------------------------------------------------------------ parser

_EPILOG_POTENTIAL = """examples:
  weft potential --states 1s 1s --regime intermediate --r 10 100 1000
  weft potential --states 1s 1s --regime short --order 1/2 --r 5 10 --units cm-1
  weft potential --states 1s 1s --regime long --spins triplet:+1 --r 1e4 --json
"""

_EPILOG_TABLE = """examples:
  weft table --states 1s 1s --regime intermediate --rmin 1 --rmax 1e6 --points 241 \\
             --units au --format csv --out W_1s1s.csv
  weft table --states 1s 1s --regime long --rmin 1e3 --rmax 1e6 --points 61 --out W.npz
  python -c "import weft.tables as t; print(t.read_table('W_1s1s.csv').W[:3])"
"""

_EPILOG_FIG11 = """examples:
  weft fig11 --out fig11.png            # also writes fig11.csv next to it
  weft fig11 --out fig11.pdf --csv data/fig11.csv

Plotting needs matplotlib:  pip install "weft[plot]"
"""

_EPILOG_C6 = """examples:
  weft c6 1s 1s       # 6.4990267054058...
  weft c6 1s 2s
"""


def _add_physics_options(p, regimes: dict, *, r_values: bool) -> None:
    p.add_argument("--states", nargs=2, metavar=("STATE1", "STATE2"), default=["1s", "1s"],
                   help="the two atomic states, e.g. 1s 1s (default: 1s 1s)")
    p.add_argument("--regime", choices=tuple(regimes), default="intermediate",
                   help="distance regime: short (R << 1/(m alpha^2)), long (R >> 1/(m alpha^2)) "
                        "or intermediate (default)")
    p.add_argument("--order", type=_order, default=None, metavar="ORDER",
                   help="one order of the EFT expansion, or 'all' (default: sum of all "
                        "orders); " + "; ".join(f"{k}: {' '.join(v)}" for k, v in regimes.items()))
    p.add_argument("--spins", type=_spins, default=None, metavar="SPINS",
                   help="spin state of the pair: unpolarised (default), singlet, "
                        "triplet:M with M in -1, 0, +1")
    p.add_argument("--nu", type=_positive_float, default=None, metavar="NU",
                   help="MS-bar renormalisation scale in units of the electron mass "
                        "(default 1; affects only delta^3(R) contact coefficients, "
                        "never W at R > 0)")
    p.add_argument("--units", choices=tuple(_units.UNITS), default="au",
                   help="unit system: " + "; ".join(f"{k}: {v.description}" for k, v in _units.UNITS.items())
                        + " (default: au)")
    if r_values:
        p.add_argument("--r", type=_positive_float, nargs="+", required=True, metavar="R",
                       help="distances in the length unit of --units (bohr for au)")


def build_parser() -> argparse.ArgumentParser:
    """The ``weft`` argument parser (one subparser per subcommand)."""
    regimes = _physics().REGIMES
    parser = _Parser(
        prog="weft",
        description="van der Waals potentials between two hydrogen atoms from "
                    "nonrelativistic EFTs of QED (Brambilla, Shtabovenko, Tarrus Castella, "
                    "Vairo).",
        epilog="run 'weft COMMAND --help' for the options and examples of each command",
        formatter_class=lambda prog: argparse.RawDescriptionHelpFormatter(prog, max_help_position=24))
    parser.add_argument("--version", action="version", version=f"weft {_weft_version()}")
    sub = parser.add_subparsers(dest="command", title="commands", required=True)

    p = sub.add_parser("potential", help="print W(R) at given distances",
                       description="Print the van der Waals potential W(R) at the given "
                                   "distances (contact delta^3(R) terms excluded).",
                       epilog=_EPILOG_POTENTIAL, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_physics_options(p, regimes, r_values=True)
    p.add_argument("--json", action="store_true", help="machine-readable JSON output")

    p = sub.add_parser("table", help="write W(R) on a log-spaced grid to a file",
                       description="Tabulate W(R) on a log-spaced grid and write it with its "
                                   "metadata (version, CODATA release, units, states, regime, "
                                   "orders, spins, nu, command, checksum).",
                       epilog=_EPILOG_TABLE, formatter_class=argparse.RawDescriptionHelpFormatter)
    _add_physics_options(p, regimes, r_values=False)
    p.add_argument("--rmin", type=_positive_float, default=1.0,
                   help="smallest R in the length unit of --units (default: 1)")
    p.add_argument("--rmax", type=_positive_float, default=1e6,
                   help="largest R (default: 1e6)")
    p.add_argument("--points", type=_points, default=241,
                   help="number of log-spaced points, endpoints included (default: 241)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="file format (default: from the extension of --out)")
    p.add_argument("--out", required=True, help="output file (.csv, .json or .npz)")

    p = sub.add_parser("fig11", help="draw the paper's Fig. 11 and print the 15%% range",
                       description="Draw Fig. 11 (relative difference of W_Int from the London "
                                   "and Casimir-Polder potentials, 1s-1s), write its data as a "
                                   "CSV table and print the R range where neither "
                                   "approximation is within 15%%.",
                       epilog=_EPILOG_FIG11, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--out", default="fig11.png", help="image file (default: fig11.png)")
    p.add_argument("--csv", default=None,
                   help="data file (default: the image name with extension .csv)")

    p = sub.add_parser("c6", help="print the London coefficient C6",
                       description="Print C6 (Eq. (32)) in hartree*bohr^6 and in keV^-5.",
                       epilog=_EPILOG_C6, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("state1", help="first atomic state, e.g. 1s")
    p.add_argument("state2", help="second atomic state, e.g. 1s")
    return parser


# ------------------------------------------------------------------ commands

def _evaluate(args, R: np.ndarray) -> np.ndarray:
    W = _physics().potential(R, args.states[0], args.states[1], regime=args.regime,
                             order=args.order, spins=args.spins, units=args.units, nu=args.nu)
    W = np.asarray(W, dtype=float)
    if W.shape != R.shape or not np.all(np.isfinite(W)):
        raise ValueError("the potential returned non-finite values for these inputs")
    return W


def contact_terms(R, state1, state2, *, regime, orders, spins=None, units="au", nu=None):
    """Coefficients of the δ³(R)-type local terms that W(R > 0) excludes, for metadata.

    Parameters
    ----------
    R : array_like
        Any valid distances (the coefficients do not depend on R); only R[0] is used.
    state1, state2, regime, spins, units, nu
        As for :func:`weft.potential.contributions`.
    orders : sequence of str
        Orders to report.

    Returns
    -------
    list of dict
        One entry per contribution with local terms: ``name``, ``order``, ``equation``,
        ``delta`` (key -> coefficient in energy × length^(3, 5, 7) of ``units``).
    """
    terms = _physics().contributions(np.asarray(R, dtype=float).ravel()[:1], state1, state2,
                                     regime=regime, spins=spins, units=units, nu=nu)
    return [{"name": t.name, "order": t.order, "equation": t.equation,
             "delta": {k: float(v) for k, v in t.delta.items()}}
            for t in terms if t.order in orders and t.delta]


def _metadata(args, command: str) -> dict:
    orders = _physics().REGIMES[args.regime]
    return {"units": args.units, "states": list(args.states), "regime": args.regime,
            # order None sums all non-local orders of the regime
            "orders": list(orders) if args.order is None else [args.order],
            "spins": args.spins, "nu": args.nu, "command": command}


def _cmd_potential(args, command: str, out) -> None:
    R = np.asarray(args.r, dtype=float)
    W = _evaluate(args, R)
    r_name, w_name = column_names(args.units)
    if args.json:
        doc = {"weft_version": _weft_version(), "codata": _units.CODATA}
        doc.update(_metadata(args, command))
        doc.update({r_name: R.tolist(), w_name: W.tolist()})
        out.write(json.dumps(doc, allow_nan=False) + "\n")
        return
    out.write(f"# states {args.states[0]} {args.states[1]}, regime {args.regime}, "
              f"order {args.order or 'all'}, spins {_spins_text(args.spins)}, "
              f"units {args.units}\n")
    rows = [(r_name, w_name)] + [(repr(float(r)), repr(float(w))) for r, w in zip(R, W)]
    width = [max(len(row[i]) for row in rows) for i in (0, 1)]
    for a, b in rows:
        out.write(f"{a:>{width[0]}}  {b:>{width[1]}}\n")


def _cmd_table(args, command: str, out) -> None:
    if args.rmax <= args.rmin:
        raise UsageError(f"argument --rmax: must be larger than --rmin ({args.rmax!r} <= {args.rmin!r})")
    R = np.geomspace(args.rmin, args.rmax, args.points)
    W = _evaluate(args, R)
    metadata = _metadata(args, command)
    metadata["contact_terms"] = contact_terms(
        R, *args.states, regime=args.regime, orders=metadata["orders"], spins=args.spins,
        units=args.units, nu=args.nu)
    metadata["contact_terms_note"] = (
        "coefficients of delta^3(R)-type local terms (energy x length^3, ^5, ^7 in the "
        "table's units), not included in W; see weft.potential.contributions")
    write_table(args.out, R, W, metadata, format=args.format)
    out.write(f"wrote {len(R)} points ({args.regime}, states {args.states[0]} {args.states[1]}, "
              f"units {args.units}) to {args.out}\n")


def _cmd_fig11(args, command: str, out) -> None:
    from . import figures
    csv = args.csv if args.csv is not None else os.path.splitext(args.out)[0] + ".csv"
    lo, hi = figures.fig11(args.out, csv, command=command)
    out.write(f"wrote {args.out} and {csv}\n")
    out.write(f"neither London nor Casimir-Polder is within 15% of W_Int for "
              f"{lo:.6g} < R < {hi:.6g} bohr (paper: 400 to 2000 bohr)\n")


def _cmd_c6(args, command: str, out) -> None:
    c6 = _c6(args.state1, args.state2)
    out.write(f"C6({args.state1}, {args.state2}) = {c6!r} hartree*bohr^6\n")
    out.write(f"C6({args.state1}, {args.state2}) = {_units.c6_au_to_inv_kev5(c6)!r} keV^-5\n")


def _c6(state1: str, state2: str) -> float:
    hydrogen = importlib.import_module("hydrogen")
    c6 = getattr(hydrogen, "C6", None)
    if c6 is None:
        c6 = importlib.import_module("hydrogen.sums").C6
    return float(c6(state1, state2))


_COMMANDS = {"potential": _cmd_potential, "table": _cmd_table, "fig11": _cmd_fig11,
             "c6": _cmd_c6}


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        target = exc.filename if exc.filename is not None else ""
        return f"{exc.strerror}: {target}" if target else exc.strerror
    text = " ".join(str(exc).split())
    return text or type(exc).__name__


def main(argv=None) -> int:
    """Run the ``weft`` command line; returns the exit status.

    Parameters
    ----------
    argv : list of str, optional
        Arguments without the program name (default: ``sys.argv[1:]``).

    Returns
    -------
    int
        0 on success, 2 for usage errors, 1 for other errors (bad states, unwritable
        files, missing optional dependencies); ``--help``/``--version`` return 0.

    Examples
    --------
    >>> main(["c6", "1s", "1s"])              # doctest: +SKIP
    C6(1s, 1s) = 6.499026705405839 hartree*bohr^6
    ...
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    command = "weft " + shlex.join(argv)
    try:
        try:
            args = build_parser().parse_args(argv)
        except SystemExit as exc:          # --help / --version: argparse exits itself
            return int(exc.code or 0)
        _COMMANDS[args.command](args, command, sys.stdout)
        sys.stdout.flush()
        return 0
    except UsageError as exc:
        print(f"weft: error: {_one_line(exc)}", file=sys.stderr)
        return 2
    except BrokenPipeError:                 # e.g. `weft potential ... | head -1`
        try:
            sys.stdout = open(os.devnull, "w")
        except OSError:
            pass
        return 1
    except (ValueError, TypeError, OSError, ImportError) as exc:
        print(f"weft: error: {_one_line(exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("weft: interrupted", file=sys.stderr)
        return 130
