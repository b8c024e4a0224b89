"""Regenerate the tabulated potentials in tables/ with one command.

    python tables/make_tables.py            # from the repository root

writes

* ``tables/W_1s1s_short.csv``, ``tables/W_1s1s_long.csv``, ``tables/W_1s1s_intermediate.csv``:
  W(R) for two 1s hydrogen atoms (unpolarised spins, default MS-bar scale), in hartree,
  on the same grid R = 1 ... 10^6 bohr (241 points, 40 per decade, log-spaced). Column
  ``W_hartree`` is the sum of all non-local orders of the regime; the columns
  ``W_order_<k>_hartree`` give each order k separately. Each file's metadata says where
  its regime is valid (the grid is the same for all regimes so that they can be compared;
  values outside the regime's validity are the formula's, not physics);
* ``tables/fig11.csv``: the data of the paper's Fig. 11 (see :mod:`weft.figures`);
* ``tables/W_1s2s_branches.csv``, ``tables/W_1s3s_branches.csv``: H(1s)-H(ns), the direct
  term and both branches E± from 1 to 1e11 bohr (see :mod:`weft.figure_excited`; 2s with
  the 2S1/2-2P1/2 Lamb shift);
* ``tables/multipole_sizes.csv``: which terms matter where for 1s-1s (C8, C10, retardation,
  exchange-overlap) relative to the dipole-dipole W6 (see :mod:`weft.figure_multipole`).
* ``tables/thermal_cp_H.csv``, ``tables/thermal_cp_silica.csv``: the thermal Casimir-Polder
  potential (SI) of two H(1s) atoms and of two 100 nm silica spheres at 0, 300 and 3000 K
  with the asymptotes of its regime map (see :mod:`weft.figure_thermal`).

Every file is a weft table (:mod:`weft.tables`): its header records the weft version,
the CODATA release, the command that produced it (this script) and a checksum; no
timestamps, so rerunning on unchanged code reproduces the files.
tests/test_tables.py regenerates everything in memory and fails if tables/ is stale.
"""
from __future__ import annotations

import argparse
import os
import sys
import warnings

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, ROOT)

from weft.cli import contact_terms  # noqa: E402
from weft.potential import REGIMES, potential  # noqa: E402
from weft.figure_excited import EXCITED_STATES, excited_table  # noqa: E402
from weft.figure_multipole import multipole_table  # noqa: E402
from weft.figure_thermal import thermal_table  # noqa: E402
from weft.figures import fig11_table  # noqa: E402
from weft.tables import write_table  # noqa: E402
from weft.units import ALPHA  # noqa: E402
from weft.validity import ValidityWarning, domain  # noqa: E402
from hydrogen import parse_state  # noqa: E402

#: The command recorded in every file written by this script.
COMMAND = "python tables/make_tables.py"

#: Standard grid: R from 1 to 10^6 bohr, 241 log-spaced points (40 per decade).
R_GRID = np.geomspace(1.0, 1e6, 241)

_R_US = 1.0 / ALPHA            # 1/(m alpha^2) in bohr, the ultrasoft length scale
VALIDITY = {
    "short": f"a0 << R << 1/(m alpha^2) = {_R_US:.1f} bohr (Sec. IV; no exchange/overlap terms, "
             "so not for R of a few bohr)",
    "long": f"R >> 1/(m alpha^2) = {_R_US:.1f} bohr (Sec. V)",
    "intermediate": f"R >> a0, including R ~ 1/(m alpha^2) = {_R_US:.1f} bohr (Sec. VI); "
                    "reduces to London at small R and Casimir-Polder at large R",
}


def _order_column(order: str) -> str:
    return f"W_order_{order}_hartree"


def regime_table(regime: str, R=None):
    """Pieces (R, W, metadata, extra) of tables/W_1s1s_<regime>.csv.

    The grid deliberately spans every regime's domain and beyond (so that regimes can be
    compared); the ValidityWarnings that says so are silenced here and the domain is
    written into the metadata instead.
    """
    orders = tuple(REGIMES[regime])
    R = R_GRID if R is None else np.asarray(R, dtype=float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ValidityWarning)
        W = np.asarray(potential(R, "1s", "1s", regime=regime, units="au"), dtype=float)
        extra = {_order_column(k): np.asarray(
            potential(R, "1s", "1s", regime=regime, order=k, units="au"), dtype=float)
            for k in orders}
        contact = contact_terms(R, "1s", "1s", regime=regime, orders=orders)
    lo, hi = domain(regime, parse_state("1s"), parse_state("1s"))
    metadata = {
        "units": "au", "states": ["1s", "1s"], "regime": regime,
        "orders": list(orders), "spins": None, "nu": None, "command": COMMAND,
        "validity": VALIDITY[regime],
        "domain_bohr": [lo, hi if np.isfinite(hi) else None],
        "grid": "R = numpy.geomspace(1, 1e6, 241) bohr",
        "contact_terms": contact,
        "contact_terms_note": "coefficients of delta^3(R)-type local terms (hartree x "
                              "bohr^3, ^5, ^7), not included in W; see "
                              "weft.potential.contributions",
        "columns": {
            "W_hartree": f"W(R), sum of all non-local orders {list(orders)} of the "
                         f"{regime}-distance regime, hartree; delta^3(R) contact terms excluded",
            **{_order_column(k): f"order {k} of the {regime}-distance regime alone, hartree"
               for k in orders},
        },
    }
    return R, W, metadata, extra


def build_tables() -> dict:
    """All tables of tables/ in memory: file name -> (R, W, metadata, extra)."""
    out = {f"W_1s1s_{regime}.csv": regime_table(regime) for regime in REGIMES}
    out["fig11.csv"] = fig11_table(command=COMMAND)
    for state in EXCITED_STATES:          # H(1s)-H(ns), both branches (docs/excited.md)
        out[f"W_1s{state}_branches.csv"] = excited_table(state, command=COMMAND)
    out["multipole_sizes.csv"] = multipole_table(command=COMMAND)    # docs/multipole.md
    for pair in ("H", "silica"):          # thermal Casimir-Polder regime map (docs/fields.md)
        out[f"thermal_cp_{pair}.csv"] = thermal_table(pair, command=COMMAND)
    return out


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tables/make_tables.py",
        description="Regenerate tables/W_1s1s_<regime>.csv and tables/fig11.csv.")
    parser.add_argument("--outdir", default=HERE, help="output directory (default: tables/)")
    args = parser.parse_args(argv)
    for name, (R, W, metadata, extra) in build_tables().items():
        path = os.path.join(args.outdir, name)
        write_table(path, R, W, metadata, extra=extra)
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
