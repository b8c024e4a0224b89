"""Regenerate the seed-003 optical tables in tables/ with one command.

    python tables/make_optical_tables.py            # from the repository root

writes (docs/optical.md; data of seed 003's Figs. 4–6, two silica spheres, a = 100 nm, in
flat tweezers at λ₀ = 1064 nm, I = 10⁻² W/µm², T = 300 K; energies in K, distances in nm)

* ``tables/optical_fig4_cuts.csv``: the interaction along x for yy tweezers at Δϕ = 0, π
  (joint potentials) and π/2 (U_A, U_B), with the optical-binding and Casimir–Polder parts;
* ``tables/optical_fig5_maps.csv``: interaction maps in the plane z = 0 for yy, xy, xx
  (Δϕ = 0), −3 … 3 µm every 100 nm;
* ``tables/optical_fig6_minima.csv``: the minima of U_A and U_B along x against Δϕ;
* ``tables/optical_bound_states.csv``: the bound states and their depths.

The tables are built by :func:`weft.cli_optical.optical_tables`. Every file is a weft table
(:mod:`weft.tables`): its header records the weft version, the CODATA release, the
configuration, this command and a checksum; no timestamps, so rerunning on unchanged code
reproduces the files. tests/test_optical_tables.py rebuilds them in memory and fails if
tables/ is stale. ``--figures DIR`` also draws the figures (matplotlib).
"""
from __future__ import annotations

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, ROOT)

from weft.cli_optical import COMMANDS, TABLE_COMMAND, optical_tables  # noqa: E402
from weft.tables import write_table  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out-dir", default=HERE, help="directory (default: tables/)")
    parser.add_argument("--figures", default=None, metavar="DIR",
                        help="also draw optical_fig4/5/6.png into DIR (needs matplotlib)")
    args = parser.parse_args(argv)
    for name, (R, W, metadata, extra) in optical_tables(command=TABLE_COMMAND).items():
        path = os.path.join(args.out_dir, name)
        write_table(path, R, W, metadata, extra=extra)
        print(f"wrote {path} ({len(R)} rows)")
    if args.figures is not None:
        ns = argparse.Namespace(out_dir=args.figures, points=300, force=True)
        COMMANDS["optical-figures"](ns, TABLE_COMMAND, sys.stdout, sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
