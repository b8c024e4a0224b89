"""weft.potential for 1s-1s on a fixed grid equals tests/regression/potential_grid.npz.

The grid (every regime, order, unit system, spin setting and two directions of R; see
tests/regression/make_potential_grid.py) was written before the one-Pair refactor; a
refactoring must leave every number unchanged. On the machine that wrote the file the
values are bit-for-bit equal (``WEFT_REGRESSION_BITWISE=1`` asserts that); elsewhere they
differ by round-off: reordered, ulp-perturbed spectral rules (WEFT_TEST_PERTURB) and
numpy without AVX-512/AVX2 move them by at most MEASURED_ULP (of each value, or for a sum
of orders, of the sum of their magnitudes), so the tolerance TOL_ULP leaves a margin of 4
while any real change (a term, a sign, a constant) moves them by many orders of magnitude
more.
"""
import os
import sys
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "regression"))
import make_potential_grid as grid  # noqa: E402

#: Largest deviation seen under WEFT_TEST_PERTURB=1..3 and NPY_DISABLE_CPU_FEATURES runs.
MEASURED_ULP = 8
TOL_ULP = 32
EPS = np.finfo(float).eps

STORED = np.load(grid.OUT)
CASES = list(grid.cases())


def test_grid_file_matches_the_generator():
    assert sorted(STORED.files) == sorted(k for k, _ in CASES)


def _scale(key):
    """|value|, or for a sum of orders ("all") the sum of |each order|: the sum can cancel
    (e.g. the magnetic term against Casimir-Polder), its round-off is that of the terms."""
    regime, order, rest = key.split("/", 2)
    if order != "all":
        return np.abs(STORED[key])
    return sum(np.abs(STORED[f"{regime}/{o}/{rest}"]) for o in grid.weft.REGIMES[regime])


@pytest.mark.parametrize("regime", list(grid.weft.REGIMES))
def test_potential_unchanged(regime):
    bitwise = os.environ.get("WEFT_REGRESSION_BITWISE") == "1"
    worst = 0.0
    for key, kwargs in CASES:
        if kwargs["regime"] != regime:
            continue
        new, old = grid.evaluate(kwargs), STORED[key]
        if bitwise:
            np.testing.assert_array_equal(new, old, err_msg=key)
            continue
        assert np.array_equal(new == 0, old == 0), key        # exact zeros stay zeros
        nz = old != 0
        ulps = np.abs(new[nz] - old[nz]) / (EPS * _scale(key)[nz])
        worst = max(worst, float(ulps.max(initial=0.0)))
        assert np.all(ulps <= TOL_ULP), (key, float(ulps.max()))
    print(f"{regime}: largest deviation {worst:.1f} ulp")
