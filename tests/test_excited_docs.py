"""Docstring examples of the excited-pair modules run (the lead merges this list into
tests/test_docs.py)."""
import doctest
import importlib

import pytest

MODULES = ["hydrogen.transition", "hydrogen.sturmian_transition", "weft.matching.retarded",
           "weft.matching.exchange", "weft.matching.local"]
FLAGS = doctest.NORMALIZE_WHITESPACE | doctest.ELLIPSIS


@pytest.mark.parametrize("name", MODULES)
def test_module_docstring_examples(name):
    mod = importlib.import_module(name)
    res = doctest.testmod(mod, optionflags=FLAGS)
    assert res.attempted > 0 and res.failed == 0
