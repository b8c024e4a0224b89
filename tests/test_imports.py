"""Import laziness (issue 8, §3): what `import weft` and a cold C6 load, checked by module
name in a fresh interpreter (deterministic; the times themselves are in benchmarks/)."""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("scipy", "sympy", "mpmath", "importlib.metadata")


def _loaded_after(code: str) -> set:
    probe = (f"{code}\nimport sys, json\n"
             f"print(json.dumps(sorted(m for m in sys.modules for h in {HEAVY!r} "
             f"if m == h or m.startswith(h + '.'))))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    return set(json.loads(out.splitlines()[-1]))


def test_import_weft_loads_no_scipy_sympy_mpmath():
    # scipy.special / scipy.constants pull in scipy's array-API layer (more than numpy's
    # own import time); weft.units carries CODATA literals, weft.__version__ is lazy
    assert _loaded_after("import weft") == set()


def test_cold_c6_and_fast_potential_load_no_scipy():
    assert _loaded_after("import hydrogen; hydrogen.C6('1s', '1s')") == set()
    assert _loaded_after("import weft; weft.potential([10.0, 1e9]); "
                         "weft.potential(10.0, regime='short')") == set()
