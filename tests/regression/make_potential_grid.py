"""Write tests/regression/potential_grid.npz: weft.potential for 1s-1s on a fixed grid.

    python3 tests/regression/make_potential_grid.py      # from the repository root

Every regime, every order (and their sum), every unit system, the spin settings
(unpolarised, singlet, the three triplet projections, a product state) and two directions
of R, on 25 distances from 1 to 1e6 bohr (in each unit system's own length unit).
tests/test_regression.py compares the package against this file at a few ulp: a
refactoring must not change any number. Regenerate only when a change of the numbers is
intended (and say so in the commit message).
"""
from __future__ import annotations

import itertools
import sys
import warnings
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import weft  # noqa: E402
from weft import units  # noqa: E402

OUT = Path(__file__).with_name("potential_grid.npz")
R_BOHR = np.geomspace(1.0, 1e6, 25)
SPINS = {"unpolarised": None, "singlet": "singlet", "triplet+1": ("triplet", 1),
         "triplet0": ("triplet", 0), "triplet-1": ("triplet", -1),
         "product": {"S1": [0.0, 0.3, 0.4], "S2": [0.5, 0.0, 0.0]}}
R_HATS = {"z": (0.0, 0.0, 1.0), "xz": (1.0, 0.0, 1.0)}


def cases():
    """(key, kwargs) for every grid entry; key = regime/order/units/spins/r_hat."""
    for regime, orders in weft.REGIMES.items():
        for order, unit, spin, rhat in itertools.product(
                (None,) + tuple(orders), units.UNITS, SPINS, R_HATS):
            key = f"{regime}/{order or 'all'}/{unit}/{spin}/{rhat}"
            yield key, dict(regime=regime, order=order, units=unit, spins=SPINS[spin],
                            r_hat=R_HATS[rhat])


def evaluate(kwargs):
    R = units.length_from_bohr(R_BOHR, units.UNITS[kwargs["units"]].length)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", weft.ValidityWarning)
        return np.asarray(weft.potential(R, "1s", "1s", **kwargs), dtype=float)


def main() -> int:
    data = {key: evaluate(kw) for key, kw in cases()}
    np.savez_compressed(OUT, **data)
    print(f"wrote {OUT} ({len(data)} arrays of {R_BOHR.size} values)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
