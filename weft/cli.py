"""The ``weft`` command (also ``python -m weft``).

Subcommands::

    weft potential --states 1s 1s --regime intermediate --r 50 100 1000
    weft table --states 1s 1s --regime intermediate --rmin 12 --rmax 1e6 --points 241 \\
               --units au --format csv --out W_1s1s.csv
    weft fig11 --out fig11.png
    weft c6 1s 1s

``weft`` alone prints the usage and the list of subcommands (exit status 2).

Bad input prints one line ``weft: error: ...`` on stderr and exits with status 2
(usage errors) or 1 (everything else); there is never a traceback for bad input.
A distance outside the regime's domain (:mod:`weft.validity`) prints one line
``weft: warning: ...`` on stderr and the result; ``--strict`` makes it an error (status 1).
Output files are checked (format, directory, existing file) before anything is computed,
and existing files are replaced only with ``--force``.

The physics is reached through the names imported below (``potential``,
``contributions``, ``C6``), looked up when a command runs, so tests can replace them
with fast stand-ins (``monkeypatch.setattr(weft.cli, "potential", ...)``).
"""
from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shlex
import sys
import textwrap
import warnings

import numpy as np

from hydrogen import C6, parse_state

from . import units as _units
from .matching.exchange import lamb_shift_2s
from .potential import REGIMES, contributions, orders as regime_orders, potential
from .tables import FORMATS, _weft_version, check_output, column_names, write_table
from .validity import ValidityWarning

__all__ = ["main", "build_parser", "add_figure_outputs", "contact_terms"]

#: The physical default grid of ``weft table``: 1 ... 10^6 bohr, in every length unit.
DEFAULT_GRID_BOHR = (1.0, 1e6)


class _UsageError(Exception):
    """A command-line usage error (reported in one line, exit status 2).

    Internal: raised by the parser and the argument checks, caught in :func:`main`, never
    seen by a caller of :func:`main` (which returns the exit status)."""


class _Parser(argparse.ArgumentParser):
    """ArgumentParser that raises instead of printing usage and exiting."""

    def error(self, message):
        raise _UsageError(message)


# ------------------------------------------------------------------ argument types

def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"must be positive and finite, got {text!r}")
    return value


def _nonnegative_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or value < 0:
        raise argparse.ArgumentTypeError(f"must be finite and >= 0, got {text!r}")
    return value


def _finite_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"must be finite, got {text!r}")
    return value


def _points(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if value < 2:
        raise argparse.ArgumentTypeError(f"need at least 2 points, got {value}")
    return value


_SPIN_CHOICES = "unpolarised (default), singlet, or triplet:M with M in -1, 0, +1"
_TRIPLET_M = {"-1": -1, "0": 0, "+0": 0, "-0": 0, "1": 1, "+1": 1}


def _spins(text: str):
    """CLI spin spec -> API value: unpolarised -> None, 'triplet:M' -> ('triplet', M)."""
    low = text.strip().lower()
    if low in ("unpolarised", "unpolarized", "none"):
        return None
    if low == "singlet":
        return "singlet"
    name, sep, m = low.partition(":")
    if name.strip() == "triplet":
        if not sep:
            raise argparse.ArgumentTypeError(
                "give the triplet projection as triplet:M with M in -1, 0, +1 "
                "(e.g. --spins triplet:+1)")
        if m.strip() not in _TRIPLET_M:
            raise argparse.ArgumentTypeError(
                f"the triplet projection M must be -1, 0 or +1 (e.g. triplet:+1), got {text!r}")
        return ("triplet", _TRIPLET_M[m.strip()])
    raise argparse.ArgumentTypeError(f"unknown spin state {text!r}; use {_SPIN_CHOICES}")


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
  weft potential --states 1s 1s --regime intermediate --r 50 100 1000
  weft potential --regime short --order 1/2 --spins triplet:+1 --r-hat 1 0 0 --r 50 80
  weft potential --regime long --order 2 --r 1e4 1e5 --units cm-1 --json
  weft potential --units SI --r 3e-9 1e-8          # R in m, W in J
  weft potential --units K --length-unit angstrom --r 25 100
  weft potential --regime short --r 50 --strict    # error if R is outside the regime
  weft potential --states 1s 2s --symmetry + --regime intermediate --r 150 500
  weft potential --states 2s 1s --symmetry direct --lamb-shift --r 1e4 1e9
  weft potential --temperature 300 --r 1e3 1e5 1e6   # thermal field, kelvin
  weft potential --max-power 10 --r 15 30 60         # + dipole-quadrupole, octupole terms
"""

_EPILOG_EXCITED = """examples:
  weft excited --state 2s --out excited_2s.png      # also writes excited_2s.csv
  weft excited --state 3s --out excited_3s.pdf --csv excited_3s.csv

Plotting needs matplotlib:  pip install "weft[plot]"
"""

_EPILOG_THERMAL = """examples:
  weft thermal --pair H --out thermal_H.png          # also writes thermal_H.csv
  weft thermal --pair silica --temperature 77 300 --out thermal_silica.pdf --csv t.json

Plotting needs matplotlib:  pip install "weft[plot]"
"""

_EPILOG_MULTIPOLE = """examples:
  weft multipole --out multipole.png                # also writes multipole.csv
  weft multipole --out sizes.pdf --csv sizes.json

Plotting needs matplotlib:  pip install "weft[plot]"
"""

_EPILOG_TABLE = """examples:
  weft table --states 1s 1s --regime intermediate --rmin 12 --rmax 1e6 --points 241 \\
             --max-power 10 --units au --format csv --out W_1s1s.csv
  weft table --regime long --rmin 1e4 --rmax 1e6 --points 61 --out W_long.npz
  weft table --units SI --rmin 3e-9 --rmax 1e-6 --points 31 --out W_SI.json
  weft table --regime long --rmin 1e4 --rmax 1e5 --points 11 --out W_long.npz --force
  python3 -c "import weft; t = weft.read_table('W_1s1s.csv'); print(t.R[:2], t.W[:2])"
"""

_EPILOG_FIG11 = """examples:
  weft fig11                                  # writes fig11.png and fig11.csv
  weft fig11 --out fig11.pdf --csv fig11_data.json
  weft fig11 --force                          # replace fig11.png and fig11.csv

Plotting needs matplotlib:  pip install "weft[plot]"
"""

_EPILOG_C6 = """examples:
  weft c6 1s 1s     # -> C6(1s, 1s) = 6.499026705405843 hartree*bohr^6
                    # (literature value, Yan et al. 1996: 6.499026705405839)
  weft c6 1s 2s
"""

_EPILOG_MAIN = """run 'weft COMMAND --help' for the options and examples of each command.

Units: --units sets the energy unit of W and the default length unit of R
(--length-unit overrides it); every output names its units (R_bohr, W_hartree, ...).
"""


def _wrap(text: str) -> str:
    """Descriptions keep their line breaks (RawDescriptionHelpFormatter): wrap them here."""
    return textwrap.fill(text, width=78)


def _length_unit_help() -> str:
    by_length: dict = {}
    for name, system in _units.UNITS.items():
        by_length.setdefault(system.length, []).append(name)
    defaults = "; ".join(f"{length} for {', '.join(names)}" for length, names in by_length.items())
    return (f"length unit of R (of --r, --rmin, --rmax and of the output): "
            f"{', '.join(_units.LENGTH_UNITS)} (default: the length unit of --units: "
            f"{defaults})")


def _add_physics_options(p, *, r_values: bool) -> None:
    p.add_argument("--states", nargs=2, metavar=("STATE1", "STATE2"), default=["1s", "1s"],
                   help="the two atomic states, e.g. 1s 1s (default: 1s 1s)")
    p.add_argument("--regime", choices=tuple(REGIMES), default="intermediate",
                   help="distance regime: short (R << 1/(m alpha^2)), long (R >> 1/(m alpha^2)) "
                        "or intermediate (default)")
    p.add_argument("--order", type=_order, default=None, metavar="ORDER",
                   help="one order of the EFT expansion, or 'all' (default: sum of all "
                        "orders); " + "; ".join(f"{k}: {' '.join(v)}" for k, v in REGIMES.items()))
    p.add_argument("--symmetry", choices=("+", "-", "direct"), default=None,
                   help="branch of identical atoms in different levels (1s 2s, 1s 3s, ...): "
                        "'+' (1Sigma_g+, 3Sigma_u+), '-' (1Sigma_u+, 3Sigma_g+), or 'direct' "
                        "(distinguishable atoms, e.g. H-D); required for such pairs, not "
                        "allowed for two atoms in the same level")
    p.add_argument("--lamb-shift", action="store_true",
                   help="lower the 2p level by the physical 2S1/2-2P1/2 Lamb shift "
                        "(1057.845 MHz, Lundeen & Pipkin 1981); default: the nonrelativistic "
                        "Coulomb spectrum (2s and 2p degenerate)")
    p.add_argument("--max-power", type=int, choices=(6, 8, 10), default=6,
                   help="highest inverse power of the multipole expansion: 6 (default, "
                        "dipole-dipole, the paper), 8 (+ dipole-quadrupole C8), 10 (+ C10)")
    p.add_argument("--temperature", type=_nonnegative_float, default=0.0, metavar="T",
                   help="temperature of the electromagnetic field in kelvin (default 0, the "
                        "paper's potential; T > 0: intermediate regime of 1s 1s, thermal "
                        "Casimir-Polder sum, up to 1e4 K)")
    p.add_argument("--spins", type=_spins, default=None, metavar="SPINS",
                   help="spin state of the pair: " + _SPIN_CHOICES + "; M is the projection "
                        "on the spin quantisation axis z")
    p.add_argument("--r-hat", type=_finite_float, nargs=3, default=None,
                   metavar=("X", "Y", "Z"),
                   help="direction of R relative to the spin quantisation axis z (default: "
                        "0 0 1, R along z); matters only for the magnetic dipole-dipole term "
                        "of polarised spins")
    p.add_argument("--nu", type=_positive_float, default=None, metavar="NU",
                   help="MS-bar renormalisation scale in units of the electron mass "
                        "(default 1; affects only delta^3(R) contact coefficients, "
                        "never W at R > 0)")
    p.add_argument("--units", choices=tuple(_units.UNITS), default="au",
                   help="unit system, i.e. the energy unit of W and the default length unit "
                        "of R: " + "; ".join(f"{k}: {v.description}"
                                              for k, v in _units.UNITS.items())
                        + " (default: au)")
    p.add_argument("--length-unit", choices=tuple(_units.LENGTH_UNITS), default=None,
                   help=_length_unit_help())
    p.add_argument("--strict", action="store_true",
                   help="make R outside the regime's domain (weft.validity) an error "
                        "instead of a warning")
    if r_values:
        p.add_argument("--r", type=_positive_float, nargs="+", required=True, metavar="R",
                       help="distances, in the length unit (see --length-unit; bohr for "
                            "--units au)")


def add_figure_outputs(p, default: str) -> None:
    """The --out, --csv and --force options of a figure subcommand (default image name).

    Parameters
    ----------
    p : argparse.ArgumentParser
    default : str

    Examples
    --------
    >>> p = argparse.ArgumentParser()
    >>> add_figure_outputs(p, "x.png")
    >>> vars(p.parse_args([]))
    {'out': 'x.png', 'csv': None, 'force': False}
    """
    p.add_argument("--out", default=default,
                   help=f"image file (default: {default}; no extension: .png)")
    p.add_argument("--csv", default=None,
                   help="data table, .csv, .json or .npz (default: the image name with "
                        "extension .csv)")
    p.add_argument("--force", action="store_true", help="replace existing files")


def build_parser() -> argparse.ArgumentParser:
    """The ``weft`` argument parser (one subparser per subcommand).

    Subcommands ``potential``, ``table``, ``fig11``, ``excited``, ``multipole``, ``c6``
    (module docstring) and those of the field layer (``weft.cli_fields``,
    ``weft.cli_optical``); each ``--help``
    ends with examples that tests/test_docs.py runs.

    Returns
    -------
    argparse.ArgumentParser
        A parser whose ``error`` raises (an internal usage error that :func:`main` reports
        in one line with exit status 2) instead of printing the usage and exiting.

    Examples
    --------
    >>> args = build_parser().parse_args(["c6", "1s", "2s"])
    >>> args.command, args.state1, args.state2
    ('c6', '1s', '2s')
    """
    raw = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog="weft",
        description=_wrap("van der Waals potentials between two hydrogen atoms from "
                    "nonrelativistic EFTs of QED (Brambilla, Shtabovenko, Tarrus Castella, "
                    "Vairo)."),
        epilog=_EPILOG_MAIN,
        formatter_class=lambda prog: raw(prog, max_help_position=24))
    parser.add_argument("--version", action="version", version=f"weft {_weft_version()}")
    sub = parser.add_subparsers(dest="command", title="commands", required=True)

    p = sub.add_parser("potential", help="print W(R) at given distances",
                       description=_wrap("Print the van der Waals potential W(R) at the given "
                                   "distances (contact delta^3(R) terms excluded). R is in "
                                   "the length unit (--length-unit; default bohr for "
                                   "--units au), W in the energy unit of --units."),
                       epilog=_EPILOG_POTENTIAL, formatter_class=raw)
    _add_physics_options(p, r_values=True)
    p.add_argument("--json", action="store_true", help="machine-readable JSON output")

    p = sub.add_parser("table", help="write W(R) on a log-spaced grid to a file",
                       description=_wrap("Tabulate W(R) on a log-spaced grid and write it with its "
                                   "metadata (version, CODATA release, units, length unit, "
                                   "states, regime, orders, spins, r_hat, nu, command, "
                                   "checksum). The default grid is 1 ... 10^6 bohr whatever "
                                   "the length unit (5.29e-11 ... 5.29e-5 m with --units SI)."),
                       epilog=_EPILOG_TABLE, formatter_class=raw)
    _add_physics_options(p, r_values=False)
    p.add_argument("--rmin", type=_positive_float, default=None,
                   help="smallest R, in the length unit (default: 1 bohr expressed in the "
                        "length unit)")
    p.add_argument("--rmax", type=_positive_float, default=None,
                   help="largest R, in the length unit (default: 1e6 bohr expressed in the "
                        "length unit)")
    p.add_argument("--points", type=_points, default=241,
                   help="number of log-spaced points, endpoints included (default: 241)")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="file format (default: from the extension of --out)")
    p.add_argument("--out", required=True, help="output file (.csv, .json or .npz)")
    p.add_argument("--force", action="store_true", help="replace --out if it exists")

    p = sub.add_parser("fig11", help="draw the paper's Fig. 11 and print the 15%% range",
                       description=_wrap("Draw Fig. 11 (relative difference of W_Int from the London "
                                   "and Casimir-Polder potentials, 1s-1s; x = R|dE_12| below, "
                                   "R in bohr on top), write its data as a table and print "
                                   "the R range (bohr) where neither approximation is within "
                                   "15%."),
                       epilog=_EPILOG_FIG11, formatter_class=raw)
    p.add_argument("--out", default="fig11.png",
                   help="image file, format from the extension (.png, .pdf, .svg, ...; no "
                        "extension: .png is appended) (default: fig11.png)")
    p.add_argument("--csv", default=None,
                   help="data table, .csv, .json or .npz (default: the image name with "
                        "extension .csv)")
    p.add_argument("--force", action="store_true", help="replace existing output files")

    p = sub.add_parser("excited", help="draw R^6 W(R) of H(1s)-H(2s or 3s), both branches",
                       description=_wrap("Draw and tabulate the direct term, the exchange "
                                         "element and both branches E+- of H(1s)-H(ns) in "
                                         "the intermediate regime, from 1 to 1e11 bohr "
                                         "(2s: with the 2S1/2-2P1/2 Lamb shift; "
                                         "docs/excited.md)."),
                       epilog=_EPILOG_EXCITED, formatter_class=raw)
    p.add_argument("--state", choices=("2s", "3s"), default="2s",
                   help="the excited atom (default: 2s)")
    add_figure_outputs(p, "excited.png")

    p = sub.add_parser("multipole", help="draw which terms matter where (C8, C10, retardation)",
                       description=_wrap("Draw and tabulate, for H(1s)-H(1s) from 5 to 1e6 "
                                         "bohr, the multipole terms C8 and C10, the "
                                         "retardation corrections and the exchange-overlap "
                                         "estimate relative to the dipole-dipole W6 "
                                         "(docs/multipole.md)."),
                       epilog=_EPILOG_MULTIPOLE, formatter_class=raw)
    add_figure_outputs(p, "multipole.png")

    p = sub.add_parser("thermal", help="draw the thermal Casimir-Polder regime map",
                       description=_wrap("Draw and tabulate -U R^6/C6 of the Casimir-Polder "
                                         "potential between two H(1s) atoms or two 100 nm "
                                         "silica spheres at T = 0 and the given "
                                         "temperatures, with the near-field, retarded and "
                                         "thermal asymptotes (SI: R in m, U in J; "
                                         "docs/fields.md)."),
                       epilog=_EPILOG_THERMAL, formatter_class=raw)
    p.add_argument("--pair", choices=("H", "silica"), default="H",
                   help="two H(1s) atoms (default) or two silica spheres of radius 100 nm")
    p.add_argument("--temperature", type=float, nargs="+", default=[300.0, 3000.0],
                   metavar="T", help="temperatures in kelvin, > 0 (default: 300 3000; "
                                     "T = 0 is always drawn)")
    add_figure_outputs(p, "thermal.png")

    p = sub.add_parser("c6", help="print the London coefficient C6",
                       description="Print C6 (Eq. (32)) in hartree*bohr^6 and in keV^-5.",
                       epilog=_EPILOG_C6, formatter_class=raw)
    p.add_argument("state1", help="first atomic state, e.g. 1s")
    p.add_argument("state2", help="second atomic state, e.g. 1s")

    # Each subparser carries its command function (_run); the field-theory layer
    # (weft.fields) brings its own subcommands and functions.
    from . import cli_fields, cli_optical
    commands = dict(_COMMANDS)
    for module in (cli_fields, cli_optical):
        commands.update(module.add_subcommands(sub))
    for name, func in commands.items():
        sub.choices[name].set_defaults(_run=func)
    return parser


# ------------------------------------------------------------------ commands

@contextlib.contextmanager
def _validity_warnings(sink: list):
    """Collect ValidityWarning messages into ``sink`` (each once); re-emit other warnings."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", ValidityWarning)
        yield
    for w in caught:
        if issubclass(w.category, ValidityWarning):
            if str(w.message) not in sink:
                sink.append(str(w.message))
        else:
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)


def _report(messages: list, err) -> None:
    for message in messages:
        err.write(f"weft: warning: {' '.join(message.split())}\n")


def _r_hat(args):
    if args.r_hat is None:
        return None
    if not any(args.r_hat):
        raise _UsageError("argument --r-hat: the direction of R must be a non-zero vector, "
                         "got 0 0 0")
    return tuple(args.r_hat)


def _length_unit(args) -> str:
    return _units.length_unit_of(args.units, args.length_unit).name


def _evaluate(args, R: np.ndarray, messages: list) -> np.ndarray:
    with _validity_warnings(messages):
        W = potential(R, args.states[0], args.states[1], regime=args.regime,
                      order=args.order, spins=args.spins, units=args.units, nu=args.nu,
                      symmetry=args.symmetry, level_shifts=_level_shifts(args),
                      temperature=args.temperature, max_power=args.max_power,
                      r_hat=_r_hat(args),
                      length_unit=args.length_unit, strict=args.strict)
    W = np.asarray(W, dtype=float)
    if W.shape != R.shape or not np.all(np.isfinite(W)):
        raise ValueError("the potential returned non-finite values for these inputs")
    return W


def contact_terms(R, state1, state2, *, regime, orders, spins=None, units="au", nu=None,
                  r_hat=None, length_unit=None, symmetry=None, level_shifts=None,
                  temperature=0.0, max_power=6):
    """Coefficients of the δ³(R)-type local terms that W(R > 0) excludes, for metadata.

    Parameters
    ----------
    R : array_like
        Any valid distances (the coefficients do not depend on R); only R[0] is used, and
        no validity warning is raised for it.
    state1, state2, regime, spins, units, nu, r_hat, length_unit, symmetry, level_shifts,
    temperature, max_power
        As for :func:`weft.potential.contributions`.
    orders : sequence of str
        Orders to report.

    Returns
    -------
    list of dict
        One entry per contribution with local terms: ``name``, ``order``, ``equation``,
        ``delta`` (key -> coefficient in energy × length^(3, 5, 7) of ``units`` and
        ``length_unit``).

    Examples
    --------
    >>> terms = contact_terms([10.0], "1s", "1s", regime="short", orders=["1/2", "3/2"])
    >>> [(t["order"], f"{t['delta']['delta3']:.6e}") for t in terms]   # hartree·bohr³
    [('1/2', '0.000000e+00'), ('3/2', '1.075328e-05')]
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)
        terms = contributions(np.asarray(R, dtype=float).ravel()[:1], state1, state2,
                              regime=regime, spins=spins, units=units, nu=nu, r_hat=r_hat,
                              length_unit=length_unit, symmetry=symmetry,
                              level_shifts=level_shifts, temperature=temperature,
                              max_power=max_power)
    return [{"name": t.name, "order": t.order, "equation": t.equation,
             "delta": {k: float(v) for k, v in t.delta.items()}}
            for t in terms if t.order in orders and t.delta]


def _level_shifts(args):
    """The --lamb-shift option as weft.potential's level_shifts (None by default)."""
    return lamb_shift_2s() if args.lamb_shift else None


def _metadata(args, command: str) -> dict:
    orders = regime_orders(args.regime, *args.states, symmetry=args.symmetry,
                           max_power=args.max_power)
    r_hat = _r_hat(args)
    return {"units": args.units, "length_unit": _length_unit(args),
            "states": list(args.states), "regime": args.regime,
            # order None sums all non-local orders of the regime
            "orders": list(orders) if args.order is None else [args.order],
            "spins": args.spins, "symmetry": args.symmetry,
            "temperature_kelvin": args.temperature, "max_power": args.max_power,
            "level_shifts_hartree": _level_shifts(args),
            "r_hat": [0.0, 0.0, 1.0] if r_hat is None else list(r_hat),
            "nu": args.nu, "command": command}


def _units_text(args) -> str:
    energy = _units.UNITS[args.units].energy_label
    return f"units {args.units}: W in {energy}, R in {_length_unit(args)}"


def _cmd_potential(args, command: str, out, err) -> None:
    R = np.asarray(args.r, dtype=float)
    messages: list = []
    W = _evaluate(args, R, messages)
    _report(messages, err)
    r_name, w_name = column_names(args.units, args.length_unit)
    if args.json:
        doc = {"weft_version": _weft_version(), "codata": _units.CODATA}
        doc.update(_metadata(args, command))
        doc["validity_warnings"] = messages
        doc.update({r_name: R.tolist(), w_name: W.tolist()})
        out.write(json.dumps(doc, allow_nan=False) + "\n")
        return
    r_hat = _r_hat(args)
    direction = "z" if r_hat is None else " ".join(f"{c:g}" for c in r_hat)
    out.write(f"# states {args.states[0]} {args.states[1]}, regime {args.regime}, "
              f"order {args.order or 'all'}, spins {_spins_text(args.spins)}, "
              f"R along {direction}, {_units_text(args)}\n")
    rows = [(r_name, w_name)] + [(repr(float(r)), repr(float(w))) for r, w in zip(R, W)]
    width = [max(len(row[i]) for row in rows) for i in (0, 1)]
    for a, b in rows:
        out.write(f"{a:>{width[0]}}  {b:>{width[1]}}\n")


def _cmd_table(args, command: str, out, err) -> None:
    length_unit = _length_unit(args)
    rmin = args.rmin if args.rmin is not None else float(
        _units.length_from_bohr(DEFAULT_GRID_BOHR[0], length_unit))
    rmax = args.rmax if args.rmax is not None else float(
        _units.length_from_bohr(DEFAULT_GRID_BOHR[1], length_unit))
    if rmax <= rmin:
        raise _UsageError(f"argument --rmax: must be larger than --rmin ({rmax!r} <= {rmin!r} "
                         f"{length_unit})")
    r_hat = _r_hat(args)
    fmt = check_output(args.out, args.format, overwrite=args.force)   # before computing
    R = np.geomspace(rmin, rmax, args.points)
    messages: list = []
    W = _evaluate(args, R, messages)
    _report(messages, err)
    metadata = _metadata(args, command)
    metadata["grid"] = f"R = numpy.geomspace({rmin!r}, {rmax!r}, {args.points}) {length_unit}"
    metadata["contact_terms"] = contact_terms(
        R, *args.states, regime=args.regime, orders=metadata["orders"], spins=args.spins,
        units=args.units, nu=args.nu, r_hat=r_hat, length_unit=args.length_unit,
        symmetry=args.symmetry, level_shifts=_level_shifts(args), temperature=args.temperature,
        max_power=args.max_power)
    metadata["contact_terms_note"] = (
        f"coefficients of delta^3(R)-type local terms (energy x length^3, ^5, ^7 in "
        f"{_units.UNITS[args.units].energy_label} and {length_unit}), not included in W; "
        "see weft.potential.contributions")
    if messages:
        metadata["validity_warnings"] = messages
    write_table(args.out, R, W, metadata, format=fmt, overwrite=args.force)
    out.write(f"wrote {len(R)} points, R = {rmin:.6g} ... {rmax:.6g} {length_unit} "
              f"({args.regime}, states {args.states[0]} {args.states[1]}, "
              f"{_units_text(args)}) to {args.out}\n")


def _cmd_fig11(args, command: str, out, err) -> None:
    from . import figures     # here, not at the top: only this command needs scipy.optimize

    image, _ = figures.image_output(args.out)          # fails early without matplotlib
    csv = args.csv if args.csv is not None else os.path.splitext(image)[0] + ".csv"
    lo, hi = figures.fig11(image, csv, command=command, overwrite=args.force)
    note = "" if image == args.out else f" (--out {args.out} has no extension: PNG)"
    out.write(f"wrote {image}{note} and {csv}\n")
    p_lo, p_hi = figures.PAPER_RANGE_BOHR
    out.write(f"neither London nor Casimir-Polder is within 15% of W_Int for "
              f"{lo:.6g} < R < {hi:.6g} bohr (the paper quotes {p_lo:g} to {p_hi:g} bohr; "
              f"see docs/errata.md E8)\n")


def _cmd_c6(args, command: str, out, err) -> None:
    for name, state in (("state1", args.state1), ("state2", args.state2)):
        try:
            parse_state(state)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"{name}: {exc}") from None
    c6 = float(C6(args.state1, args.state2))
    out.write(f"C6({args.state1}, {args.state2}) = {c6!r} hartree*bohr^6\n")
    out.write(f"C6({args.state1}, {args.state2}) = {_units.c6_au_to_inv_kev5(c6)!r} keV^-5\n")


def _cmd_excited(args, command: str, out, err) -> None:
    from . import figure_excited, figures

    image, csv = figures.figure_files(args.out, args.csv)   # fails early without matplotlib
    figure_excited.excited_figure(image, csv, state=args.state, command=command,
                                  overwrite=args.force)
    out.write(f"wrote {image} and {csv} (H(1s)-H({args.state}), both branches)\n")


def _cmd_multipole(args, command: str, out, err) -> None:
    from . import figure_multipole, figures

    image, csv = figures.figure_files(args.out, args.csv)   # fails early without matplotlib
    figure_multipole.multipole_figure(image, csv, command=command, overwrite=args.force)
    out.write(f"wrote {image} and {csv} (H(1s)-H(1s): C8, C10, retardation, overlap)\n")


def _cmd_thermal(args, command: str, out, err) -> None:
    from . import figure_thermal, figures

    image, csv = figures.figure_files(args.out, args.csv)   # fails early without matplotlib
    figure_thermal.thermal_figure(image, csv, pair=args.pair, temperatures=args.temperature,
                                  command=command, overwrite=args.force)
    out.write(f"wrote {image} and {csv} ({figure_thermal.PAIRS[args.pair][0]}, "
              f"T = 0, {', '.join(f'{t:g}' for t in args.temperature)} K)\n")


#: The core subcommands' functions (build_parser attaches each to its subparser).
_COMMANDS = {"potential": _cmd_potential, "table": _cmd_table, "fig11": _cmd_fig11,
             "excited": _cmd_excited, "multipole": _cmd_multipole, "thermal": _cmd_thermal,
             "c6": _cmd_c6}


def _one_line(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        text = f"{exc.filename}: {exc.strerror}" if exc.filename else exc.strerror
        if isinstance(exc, FileExistsError):
            text += " (pass --force to replace it)"
        return text
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
        0 on success, 2 for usage errors (and for ``weft`` without a command, which
        prints the usage and the commands), 1 for other errors (bad states, unwritable
        or existing files, R outside the regime with ``--strict``, missing optional
        dependencies); ``--help``/``--version`` return 0.

    Examples
    --------
    >>> main(["c6", "1s", "1s"])              # doctest: +ELLIPSIS
    C6(1s, 1s) = 6.49902670540... hartree*bohr^6
    C6(1s, 1s) = 6.57789539458...e-05 keV^-5
    0
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    command = "weft " + shlex.join(argv)
    try:
        parser = build_parser()
        if not argv:                       # bare `weft`: what can I do?
            sys.stderr.write(parser.format_help())
            return 2
        try:
            args = parser.parse_args(argv)
        except SystemExit as exc:          # --help / --version: argparse exits itself
            return int(exc.code or 0)
        args._run(args, command, sys.stdout, sys.stderr)
        sys.stdout.flush()
        return 0
    except _UsageError as exc:
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
