"""Regenerate the one-atom-excited tables in tables/ with one command.

    python3 tables/make_field_tables.py            # from the repository root

writes (docs/fields.md §12; :mod:`weft.figure_fields`)

* ``tables/resonant_1s2p.csv``: R_bohr, E_sigma_plus, E_sigma_minus, E_pi_plus, E_pi_minus
  (hartree), the first-order H(1s)-H(2p) Dicke energies, R = 1 ... 1e6 bohr;
* ``tables/net_force_k0R.csv``: k0R, F_identical, F_dissimilar, seed 004 Fig. 6
  (normalisation in the metadata);
* ``tables/displacement_h2p.csv``: R_nm, S_A_fm, S_B_fm, seed 000 Fig. 3 (corrected).

The figures are drawn by ``weft resonant``, ``weft netforce``, ``weft displacement``.
Every file records this command, the weft version, the CODATA release and a checksum; no
timestamps, so rerunning on unchanged code reproduces the files.
tests/test_field_tables.py regenerates everything in memory and fails if tables/ is stale.
"""
from __future__ import annotations

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
if ROOT not in sys.path:  # run as a script from a source checkout
    sys.path.insert(0, ROOT)

from weft.figure_fields import (displacement_table, net_force_table,  # noqa: E402
                                resonant_table, write_field_table)

#: The command recorded in every file written by this script.
COMMAND = "python3 tables/make_field_tables.py"

#: File name -> builder of its pieces (first column, second column, metadata, extra, names).
BUILDERS = {
    "resonant_1s2p.csv": resonant_table,
    "net_force_k0R.csv": net_force_table,
    "displacement_h2p.csv": displacement_table,
}


def build_tables() -> dict:
    """All tables in memory: file name -> (first, second, metadata, extra, names)."""
    return {name: build(command=COMMAND) for name, build in BUILDERS.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outdir", default=HERE, help="output directory (default: tables/)")
    args = parser.parse_args(argv)
    for name, pieces in build_tables().items():
        path = os.path.join(args.outdir, name)
        write_field_table(path, pieces)
        print(f"wrote {path} ({len(pieces[0])} rows)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
