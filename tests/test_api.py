"""The public API is complete and documented: names in __all__, numpydoc sections.

For every module of ``hydrogen`` and ``weft`` (found by walking the packages, so a new
module cannot be forgotten): every public function or class defined in the module is
listed in its ``__all__``; every public function takes its documentation seriously: a
docstring with a one-line summary, a ``Parameters`` section when it takes parameters, a
``Returns`` section when it returns something, and an ``Examples`` section (run by
tests/test_docs.py).
"""
import inspect
import pkgutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(m.name for pkg in ("hydrogen", "weft")
                 for m in pkgutil.walk_packages([str(ROOT / pkg)], prefix=pkg + ".")
                 if not m.name.endswith("__main__"))


def _public_defined(mod):
    for name, obj in vars(mod).items():
        if name.startswith("_") or not (inspect.isfunction(obj) or inspect.isclass(obj)):
            continue
        if getattr(obj, "__module__", None) == mod.__name__:
            yield name, obj


@pytest.mark.parametrize("name", MODULES)
def test_public_names_are_in_all(name):
    mod = __import__(name, fromlist=["_"])
    exported = set(getattr(mod, "__all__", ()))
    missing = sorted(n for n, _ in _public_defined(mod) if n not in exported)
    assert not missing, f"{name}: public but not in __all__: {missing}"
    unknown = sorted(n for n in exported if not hasattr(mod, n))
    assert not unknown, f"{name}: __all__ lists undefined names {unknown}"


def _needs(func):
    sig = inspect.signature(func)
    params = [p for p in sig.parameters.values() if p.name not in ("self", "cls")]
    return bool(params)


def _returns_value(func) -> bool:
    """Whether the function body (not nested functions) returns a value."""
    import ast
    import textwrap
    tree = ast.parse(textwrap.dedent(inspect.getsource(func)))
    fdef = tree.body[0]

    def walk(node):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda,
                                  ast.ClassDef)):
                continue
            if isinstance(child, ast.Return) and child.value is not None:
                return True
            if walk(child):
                return True
        return False
    return walk(fdef)


@pytest.mark.parametrize("name", MODULES)
def test_public_functions_have_numpydoc_sections(name):
    mod = __import__(name, fromlist=["_"])
    problems = []
    for fname, obj in _public_defined(mod):
        if not inspect.isfunction(obj) or fname not in getattr(mod, "__all__", ()):
            continue
        doc = inspect.getdoc(obj) or ""
        lacks = [s for s, needed in (("Parameters", _needs(obj)), ("Returns", _returns_value(obj)),
                                     ("Examples", True)) if needed and f"\n{s}\n" not in doc]
        if not doc.strip():
            lacks = ["docstring"]
        if lacks:
            problems.append(f"{fname}: {', '.join(lacks)}")
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)
