"""Audit the tolerances of the test suite against their round-off floors (docs/testing.md).

Two experiments, each on a scratch copy of the repository (the working tree is never
modified), under several numerical environments:

``margins``
    Runs the suite with a pytest plugin (this file) that records, for every float
    comparison made in tests/test_*.py, how much of its tolerance was used,
    ``usage = |actual - expected| / tolerance`` (the largest element for arrays). The
    margin of a comparison site is ``1 / usage`` for its largest usage over all
    environments and parametrisations; the spread is the ratio of its largest to its
    smallest usage over the environments (~1: the error is deterministic, the method's
    own; large or inf: it is round-off, moving with the CPU and the summation order).
    Recorded: ``numpy.testing.assert_allclose``, ``np.allclose``, ``np.isclose``,
    ``math.isclose``, ``pytest.approx`` and plain ``assert a < b`` / ``assert a <= b``
    whose two sides print as numbers or products of numbers (pytest's assertion-pass
    hook). ``pytest.approx(x, rel=r)`` keeps its default ``abs=1e-12``; sites where that
    dominates the written ``rel`` are flagged (the test is looser than it reads, and
    cannot fail at all when |x| < 1e-12). Prints every site whose tolerance is at most
    ``--max-rtol`` of the compared value and whose margin is below ``--threshold``.

``tighten``
    Divides every tolerance-like literal ``<m>e-<k>`` (9 <= k <= 250) in tests/test_*.py by
    ``--factor`` (a power of 10, default 100) and runs the suite. A test that then fails
    had a margin below the factor against the errors seen in the environments run, or is
    a false positive of the literal rewrite (a literal that is not a tolerance, a bound
    that is a documented accuracy target, a test that checks that something fails).
    ``--known FILE`` (e.g. docs/testing.md) lists the expected failures as
    ``tests/<file>::<test id>``; other failures are reported as NEW and the exit status
    is 1. Blind spot: ``pytest.approx`` with the default abs dominating does not tighten.

Environments (``--envs``, comma-separated; default: all):
    plain      as installed;
    perturb<N> ``WEFT_TEST_PERTURB=<N>`` (N = 1, 2, 3): every spectral rule reordered and
               its nodes and weights moved by up to ±2 ulp (tests/conftest.py);
    noavx512   numpy without its AVX-512 kernels (other exp/log/sin implementations,
               other summation blocking);
    noavx2     numpy without AVX2 and AVX-512, OpenBLAS on its Prescott kernels.
BLAS runs single-threaded in all of them.

Usage::

    python3 tools/audit_tolerances.py margins                       # whole suite, all envs
    python3 tools/audit_tolerances.py margins --envs plain,perturb1 tests/test_sums.py
    python3 tools/audit_tolerances.py tighten --known docs/testing.md
    python3 tools/audit_tolerances.py tighten --factor 10 --envs plain tests/test_loops.py

A full run takes 1-2 minutes per environment on a 2-core machine (``margins`` ~3 in the
first environment: the assertion-pass hook formats every passing assert).
"""
import argparse
import ast
import json
import math
import operator
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ENVS = {
    "plain": {},
    "perturb1": {"WEFT_TEST_PERTURB": "1"},
    "perturb2": {"WEFT_TEST_PERTURB": "2"},
    "perturb3": {"WEFT_TEST_PERTURB": "3"},
    "noavx512": {"NPY_DISABLE_CPU_FEATURES": "X86_V4 AVX512_ICL AVX512_SPR"},
    "noavx2": {"NPY_DISABLE_CPU_FEATURES": "X86_V3 X86_V4 AVX512_ICL AVX512_SPR",
               "OPENBLAS_CORETYPE": "Prescott"},
}
#: Set in every environment; the variables of ENVS are removed from the caller's first.
_COMMON_ENV = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
               "PYTHONDONTWRITEBYTECODE": "1"}

#: A tolerance-like literal: 1e-12, 2.5e-10 (not part of a longer name or number).
LITERAL = re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)e-(\d+)\b")

#: pytest.approx's absolute tolerance when only rel is given.
_APPROX_DEFAULT_ABS = 1e-12


# ---------------------------------------------------------------------------
# The pytest plugin (loaded in the child run with -p audit_tolerances)
# ---------------------------------------------------------------------------

_records = {}          # (file, line) -> [usage, nodeid, kind, tolerance / |expected|]
_current = {"nodeid": None, "root": None}


def _call_site():
    """(file, line) of the tests/test_*.py frame that made the comparison, else None.

    Frames inside pytest (approx compares element by element) and this plugin are skipped;
    the first other frame must be a test file, so comparisons made inside library code
    (numpy calling isclose) are not recorded.
    """
    f = sys._getframe(2)
    while f is not None:
        name = f.f_code.co_filename
        if "_pytest" in name or name == __file__:
            f = f.f_back
            continue
        base = os.path.basename(name)
        if base.startswith("test_") and base.endswith(".py"):
            return os.path.relpath(name, _current["root"]), f.f_lineno
        return None
    return None


def _record(site, result, kind):
    """Keep the largest usage of a site; result = (usage, tolerance / |expected|)."""
    if site is None or result is None:
        return
    usage, reltol = float(result[0]), float(result[1])
    if math.isnan(usage):
        return
    old = _records.get(site)
    if old is None or usage > old[0]:
        _records[site] = [usage, _current["nodeid"], kind, reltol]
    elif usage == old[0]:
        old[3] = min(old[3], reltol)


def _scalar_usage(diff, tol, scale):
    usage = 0.0 if diff == 0 else diff / tol if tol else math.inf
    return usage, (tol / scale if scale else math.inf)


def _array_usage(actual, desired, rtol, atol):
    import numpy as np
    a, d = np.asarray(actual), np.asarray(desired)
    if a.dtype.kind not in "biufc" or d.dtype.kind not in "biufc":
        return None
    a, d = np.broadcast_arrays(a.astype(complex), d.astype(complex))
    diff = np.abs(a - d)
    tol = atol + rtol * np.abs(d)
    with np.errstate(divide="ignore", invalid="ignore"):
        u = np.where(diff == 0, 0.0, diff / tol)
        rel = np.where(np.abs(d) > 0, tol / np.abs(d), np.inf)
    finite = np.isfinite(a) & np.isfinite(d)
    u, rel = u[finite], rel[finite]
    if not u.size:
        return 0.0, math.inf
    i = int(np.argmax(u)) if u.max() > 0 else int(np.argmin(rel))
    return float(u[i]), float(rel[i])


def _install():
    import numpy as np
    import numpy.testing
    from _pytest import python_api

    orig_assert_allclose = numpy.testing.assert_allclose

    def assert_allclose(actual, desired, rtol=1e-7, atol=0, *args, **kwargs):
        _record(_call_site(), _array_usage(actual, desired, rtol, atol), "assert_allclose")
        return orig_assert_allclose(actual, desired, rtol, atol, *args, **kwargs)

    numpy.testing.assert_allclose = assert_allclose

    for name in ("allclose", "isclose"):
        def wrapped(a, b, rtol=1e-05, atol=1e-08, *args, _orig=getattr(np, name),
                    _kind="np." + name, **kwargs):
            site = _call_site()
            if site is not None:
                _record(site, _array_usage(a, b, rtol, atol), _kind)
            return _orig(a, b, rtol, atol, *args, **kwargs)
        setattr(np, name, wrapped)

    orig_isclose = math.isclose

    def isclose(a, b, *, rel_tol=1e-9, abs_tol=0.0):
        site = _call_site()
        if site is not None:
            scale = max(abs(a), abs(b))
            _record(site, _scalar_usage(abs(a - b), max(rel_tol * scale, abs_tol), scale),
                    "math.isclose")
        return orig_isclose(a, b, rel_tol=rel_tol, abs_tol=abs_tol)

    math.isclose = isclose

    orig_eq = python_api.ApproxScalar.__eq__

    def approx_eq(self, actual):
        try:
            diff, scale, tol = abs(self.expected - actual), abs(self.expected), self.tolerance
        except TypeError:          # non-numeric expected values: nothing to record
            return orig_eq(self, actual)
        kind = "approx"
        if self.abs is None and self.rel is not None and self.rel * scale < _APPROX_DEFAULT_ABS:
            kind = "approx, default abs=1e-12 dominates"
        _record(_call_site(), _scalar_usage(diff, tol, scale), kind)
        return orig_eq(self, actual)

    python_api.ApproxScalar.__eq__ = approx_eq


_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul,
        ast.Div: operator.truediv, ast.Pow: operator.pow}
_WRAPPER = re.compile(r"np\.float64\(([^()]*)\)|mpf\('([^()']*)'\)")
_ASSERT = re.compile(r"^(?:assert )?(.+?) (<=|<) (.+)$")


def _number(text):
    """The value of a side of an assert as pytest prints it: a number or arithmetic on
    numbers (np.float64(...) and mpf('...') unwrapped), else None."""
    text = _WRAPPER.sub(lambda m: m.group(1) or m.group(2), text.strip())

    def ev(node):
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)):
            return float(node.value)
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.USub, ast.UAdd)):
            v = ev(node.operand)
            return -v if isinstance(node.op, ast.USub) else v
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](ev(node.left), ev(node.right))
        raise ValueError(text)
    try:
        return ev(ast.parse(text, mode="eval").body)
    except (SyntaxError, ValueError, ArithmeticError, RecursionError):
        return None


def pytest_configure(config):
    _current["root"] = str(config.rootpath)
    _install()


def pytest_runtest_setup(item):
    _current["nodeid"] = item.nodeid


def pytest_assertion_pass(item, lineno, orig, expl):
    """``assert a < b`` (or ``<=``) with numeric sides: usage a / b."""
    m = _ASSERT.match(expl.splitlines()[0]) if expl else None
    if not m:
        return
    a, b = _number(m.group(1)), _number(m.group(3))
    if a is None or b is None or b <= 0 or a < 0:
        return
    _record((os.path.relpath(str(item.path), _current["root"]), lineno), (a / b, b), "assert <")


def pytest_sessionfinish(session):
    out = os.environ.get("AUDIT_TOLERANCES_OUT")
    if out:
        Path(out).write_text(json.dumps([[f, line, *rec] for (f, line), rec in _records.items()]))


# ---------------------------------------------------------------------------
# The driver
# ---------------------------------------------------------------------------

def scratch_copy(root, dest):
    """Copy the files git knows in ``root`` (tracked and untracked-not-ignored, with their
    working-tree content) to ``dest``; caches and build products stay behind."""
    names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=root, check=True, capture_output=True).stdout.split(b"\0")
    for name in filter(None, (n.decode() for n in names)):
        src = root / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def tighten(copy, factor):
    """Divide every tolerance-like literal in copy/tests/test_*.py by ``factor``."""
    shift = round(math.log10(factor))
    changed = 0

    def sub(m):
        nonlocal changed
        exp = int(m.group(2))
        if not 9 <= exp <= 250:
            return m.group(0)
        changed += 1
        return f"{m.group(1)}e-{exp + shift}"

    for path in sorted((copy / "tests").glob("test_*.py")):
        path.write_text(LITERAL.sub(sub, path.read_text()))
    return changed


def run_suite(copy, env_name, pytest_args, extra_env=None):
    """Run pytest in ``copy`` under one environment; (failed test ids, summary line)."""
    env = {k: v for k, v in os.environ.items()
           if k not in {key for e in ENVS.values() for key in e}}
    env.update(_COMMON_ENV, **ENVS[env_name], **(extra_env or {}))
    env["PYTHONPATH"] = os.pathsep.join([str(copy), str(Path(__file__).resolve().parent)])
    cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", "--tb=no",
           *pytest_args]
    proc = subprocess.run(cmd, cwd=copy, env=env, capture_output=True, text=True)
    failed = sorted({line.split()[1] for line in proc.stdout.splitlines()
                     if line.startswith("FAILED ")})
    lines = proc.stdout.strip().splitlines() or [proc.stderr.strip()[-500:] or "(no output)"]
    return failed, lines[-1]


def known_ids(path):
    return set(re.findall(r"tests/test_\w+\.py::[^\s`|]+", Path(path).read_text())) if path else set()


def _margins(copy, tmp, envs, args):
    merged, per_env = {}, {}
    for name in envs:
        out = tmp / f"margins-{name}.json"
        _, summary = run_suite(copy, name, ["-p", "audit_tolerances", "-o",
                                            "enable_assertion_pass_hook=true", *args.pytest_args],
                               {"AUDIT_TOLERANCES_OUT": str(out)})
        print(f"[{name}] {summary}", flush=True)
        if not out.exists():
            print("the plugin wrote nothing: the run failed", file=sys.stderr)
            return 2
        for f, line, u, node, kind, rel in json.loads(out.read_text()):
            per_env.setdefault((f, line), {})[name] = u
            if (f, line) not in merged or u > merged[(f, line)][0]:
                merged[(f, line)] = (u, node, kind, name, rel)
    rows = sorted(((1 / u if u else math.inf), site, node, kind, env, rel)
                  for site, (u, node, kind, env, rel) in merged.items() if rel <= args.max_rtol)
    print(f"\n{len(merged)} comparison sites; margin = tolerance / largest error (over "
          f"{', '.join(envs)}); error relative to the compared value; spread = largest / "
          f"smallest usage over the environments")
    print(f"sites with tolerance <= {args.max_rtol:g} of the value and margin < "
          f"{args.threshold:g}:")
    print(f"  {'margin':>9} {'spread':>7} {'error':>8} {'tol':>8}  site  [kind; worst env]  test")
    for margin, (f, line), node, kind, env, rel in rows:
        if margin >= args.threshold:
            break
        us = per_env[(f, line)].values()
        spread = max(us) / min(us) if min(us) > 0 else math.inf
        err = rel / margin if margin else math.inf
        print(f"  {margin:9.3g} {spread:7.3g} {err:8.1e} {rel:8.1e}  {f}:{line}  [{kind}; {env}]"
              f"  {node}")
    flagged = sorted(site for site, (u, node, kind, env, rel) in merged.items() if "dominates" in kind)
    if flagged:
        print("\napprox(x, rel=...) with the default abs=1e-12 dominating (looser than written):")
        for f, line in flagged:
            u, node, kind, env, rel = merged[(f, line)]
            print(f"  {f}:{line}  effective tolerance {rel:.1e} of the value  {node}")
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["margins", "tighten"])
    parser.add_argument("--envs", default=",".join(ENVS),
                        help="comma-separated subset of " + ", ".join(ENVS))
    parser.add_argument("--threshold", type=float, default=100.0,
                        help="margins: report sites whose margin is below this (default 100)")
    parser.add_argument("--max-rtol", type=float, default=1e-8,
                        help="margins: only sites whose tolerance is at most this fraction of "
                             "the compared value (default 1e-8; looser ones bound physics)")
    parser.add_argument("--factor", type=float, default=100.0,
                        help="tighten: divide tolerance literals by this power of 10 (default 100)")
    parser.add_argument("--known", help="tighten: file listing the expected failures")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    parser.add_argument("pytest_args", nargs="*", help="test files or pytest options")
    args = parser.parse_intermixed_args(argv)
    envs = args.envs.split(",")
    if set(envs) - set(ENVS):
        parser.error(f"unknown environment(s) {sorted(set(envs) - set(ENVS))}; "
                     f"choose from {', '.join(ENVS)}")
    if args.factor < 10 or abs(math.log10(args.factor) - round(math.log10(args.factor))) > 1e-9:
        parser.error("--factor must be a power of 10 (10, 100, ...)")
    root = Path(subprocess.run(["git", "rev-parse", "--show-toplevel"], check=True,
                               capture_output=True, text=True).stdout.strip())
    tmp = Path(tempfile.mkdtemp(prefix="weft-audit-"))
    copy = tmp / "repo"
    scratch_copy(root, copy)
    try:
        if args.mode == "margins":
            return _margins(copy, tmp, envs, args)
        n = tighten(copy, args.factor)
        print(f"{n} literals divided by {args.factor:g} in the scratch copy {copy}")
        failed = set()
        for name in envs:
            ids, summary = run_suite(copy, name, args.pytest_args)
            failed.update(ids)
            print(f"[{name}] {summary}", flush=True)
        known = known_ids(args.known)
        print(f"\n{len(failed)} tests fail with their tolerances divided by {args.factor:g}:")
        for t in sorted(failed):
            print(f"  {t}" + (("   (listed)" if t in known else "   NEW") if args.known else ""))
        if args.known and known - failed:
            print(f"\nlisted in {args.known} but passing now:")
            print("\n".join("  " + t for t in sorted(known - failed)))
        return int(bool(args.known and failed - known))
    finally:
        if args.keep:
            print(f"scratch copy kept: {copy}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
