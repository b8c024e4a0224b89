"""The documentation cannot rot: docs/examples.md and every module's docstring examples run."""
import doctest
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = ["hydrogen.states", "hydrogen.radial", "weft.figures", "hydrogen.dipole", "hydrogen.spectrum",
           "hydrogen.sums", "hydrogen.sturmian", "weft.units", "weft.loops", "weft.fourier",
           "weft.dispersive", "weft.potential", "weft.tables", "weft.matching.magnetic",
           "weft.matching.short", "weft.matching.long", "weft.matching.intermediate",
           "weft.matching.base", "hydrogen.multipole",
           "weft.matching.multipole"]
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


def test_examples_page_runs():
    res = doctest.testfile(str(ROOT / "docs" / "examples.md"), module_relative=False,
                           optionflags=FLAGS)
    assert res.attempted > 10 and res.failed == 0


@pytest.mark.parametrize("name", MODULES)
def test_module_docstring_examples(name):
    mod = importlib.import_module(name)
    res = doctest.testmod(mod, optionflags=FLAGS)
    assert res.failed == 0
