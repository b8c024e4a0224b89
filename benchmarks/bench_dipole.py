"""Benchmark: hydrogen bound–bound radial dipole integrals, weft vs baselines.

Run:  python benchmarks/bench_dipole.py [--arc-sample 50] [--seed 0]

Measured in the same run (2-core machine, wall time, best of repeats):
* weft vectorised  : hydrogen.dipole.radial_dipole_matrix(100), i.e. ALL integrals
                     <n' l±1|r|n l> with n, n' <= 100 (design target <= 0.5 s);
* weft per call    : hydrogen.dipole.radial_dipole on a random sample, extrapolated;
* sympy exact      : sympy.integrate of sympy.physics.hydrogen.R_nl products (n <= 6);
* ARC              : arc.Hydrogen().getRadialMatrixElement (Numerov integration;
                     optional, `pip install arc-alkali-rydberg-calculator`); its
                     memo table of computed elements is emptied before timing.
Accuracy columns: max and median relative error against exact rational arithmetic
(independent code in this script) on the timed sample (a 40-pair subsample for the
vectorised and per-call paths; all of sympy's and ARC's pairs). ARC includes no
reduced-mass-free exact option: expect ~1e-3 (Numerov grid, and possibly reduced mass).
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from hydrogen.dipole import dipole_density, radial_dipole, radial_dipole_matrix  # noqa: E402
from test_dipole import _exact_rational_dipole  # noqa: E402  (one exact reference, shared)

NMAX = 100


def exact_dipole(n1, l1, n2, l2) -> float:
    """∫ R_{n1 l1} R_{n2 l2} r³ dr in exact rational arithmetic (the tests' reference)."""
    return float(_exact_rational_dipole(n1, l1, n2, l2))


def random_pairs(rng, count, nmax, nmin=1):
    pairs = []
    while len(pairs) < count:
        n1, n2 = (int(v) for v in rng.integers(nmin, nmax + 1, size=2))
        l1 = int(rng.integers(0, n1))
        l2 = l1 + int(rng.choice([-1, 1]))
        if 0 <= l2 < n2:
            pairs.append((n1, l1, n2, l2))
    return pairs


def best_time(func, repeats=3):
    best = math.inf
    out = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = func()
        best = min(best, time.perf_counter() - t0)
    return best, out


def count_integrals(nmax):
    """Number of distinct (n l, n' l') pairs with n, n' <= nmax, l' = l + 1 (each unordered
    pair with l' = l ± 1 counted once)."""
    return sum(min(n1, n2 - 1) for n1 in range(1, nmax + 1) for n2 in range(1, nmax + 1))


def rel_errors(values, pairs, absolute=False):
    """(max, median) relative error against exact_dipole; |values| if ``absolute``."""
    errs = []
    for v, p in zip(values, pairs):
        e = exact_dipole(*p)
        errs.append(abs(abs(v) / abs(e) - 1.0) if absolute else abs(v / e - 1.0))
    return max(errs), float(np.median(errs))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--arc-sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    rng = np.random.default_rng(args.seed)
    total = count_integrals(NMAX)
    rows = []

    # weft vectorised: all integrals n, n' <= 100
    t_vec, D = best_time(lambda: radial_dipole_matrix(NMAX))
    check = random_pairs(rng, 40, NMAX)
    vec_vals = [D[n1, n2, l1] if l2 == l1 + 1 else D[n2, n1, l2] for n1, l1, n2, l2 in check]
    rows.append(("weft radial_dipole_matrix(100)", total, t_vec / total, t_vec,
                 *rel_errors(vec_vals, check), ""))

    # weft per call
    sample = random_pairs(rng, 3000, NMAX)
    t_call, vals = best_time(lambda: [radial_dipole(*p) for p in sample])
    rows.append(("weft radial_dipole (per call)", len(sample), t_call / len(sample),
                 t_call / len(sample) * total, *rel_errors(vals[:40], sample[:40]), ""))

    # sympy exact (symbolic integration), small n only
    try:
        import sympy as sp
        from sympy.physics.hydrogen import R_nl
        r = sp.Symbol("r", positive=True)
        small = random_pairs(rng, 8, 6)
        t0 = time.perf_counter()
        sym_vals = [float(sp.integrate(R_nl(n1, l1, r) * R_nl(n2, l2, r) * r ** 3, (r, 0, sp.oo)))
                    for n1, l1, n2, l2 in small]
        t_sym = time.perf_counter() - t0
        rows.append(("sympy integrate (n <= 6)", len(small), t_sym / len(small),
                     t_sym / len(small) * total, *rel_errors(sym_vals, small),
                     "per-call cost grows with n"))
    except Exception as exc:  # pragma: no cover - reported, not fatal
        rows.append(("sympy integrate", 0, math.nan, math.nan, math.nan, math.nan,
                     f"failed: {exc!r}"))

    # ARC (optional)
    try:
        from arc import Hydrogen
        atom = Hydrogen()
        arc_pairs = random_pairs(rng, args.arc_sample, NMAX)
        atom.getRadialMatrixElement(1, 0, 0.5, 2, 1, 1.5, useLiterature=False)   # warm-up
        # ARC memoises computed elements in its sqlite table dipoleME (persisted under
        # ~/.arc-data): empty it so that the timing measures the computation
        atom.conn.cursor().execute("DELETE FROM dipoleME")
        t0 = time.perf_counter()
        arc_vals = [atom.getRadialMatrixElement(n1, l1, l1 + 0.5, n2, l2, l2 + 0.5,
                                                useLiterature=False)
                    for n1, l1, n2, l2 in arc_pairs]
        t_arc = time.perf_counter() - t0
        rows.append(("ARC getRadialMatrixElement", len(arc_pairs), t_arc / len(arc_pairs),
                     t_arc / len(arc_pairs) * total, *rel_errors(arc_vals, arc_pairs, True),
                     "Numerov; |value| compared (other sign convention)"))
    except Exception as exc:
        rows.append(("ARC getRadialMatrixElement", 0, math.nan, math.nan, math.nan, math.nan,
                     f"unavailable: {type(exc).__name__}: {exc}"[:90]))

    print(f"Bound-bound radial dipole integrals, all n, n' <= {NMAX}: {total} integrals")
    head = f"{'method':34s} {'sample':>7s} {'s/integral':>11s} {'all n<=100 [s]':>15s} " \
           f"{'x weft-vec':>11s} {'max rel err':>12s} {'median':>9s}  note"
    print(head)
    print("-" * len(head))
    for name, count, per, extrap, err, med, note in rows:
        ratio = extrap / t_vec if math.isfinite(extrap) else math.nan
        print(f"{name:34s} {count:7d} {per:11.3e} {extrap:15.4g} {ratio:11.3g} {err:12.2e} "
              f"{med:9.1e}  {note}")
    status = "OK" if t_vec <= 0.5 else "MISSED"
    print(f"\ntarget: all integrals n, n' <= 100 in <= 0.5 s -> {t_vec:.3f} s ({status})")

    # a sample up to n = 500 (high l keeps the exact rational reference fast)
    big = [(500, 420, 499, 421), (450, 400, 480, 399), (400, 350, 380, 349),
           (500, 480, 490, 479), (350, 300, 340, 301)]
    exact = [exact_dipole(*p) for p in big]
    t_w, vals = best_time(lambda: [radial_dipole(*p) for p in big])
    err = max(abs(v / e - 1) for v, e in zip(vals, exact))
    line = f"\nsample n <= 500 ({len(big)} pairs): weft {t_w / len(big) * 1e6:.0f} us/integral, " \
           f"max rel err {err:.1e}"
    try:
        from arc import Hydrogen
        atom = Hydrogen()
        atom.conn.cursor().execute("DELETE FROM dipoleME")
        t0 = time.perf_counter()
        arc = [atom.getRadialMatrixElement(n1, l1, l1 + 0.5, n2, l2, l2 + 0.5, useLiterature=False)
               for n1, l1, n2, l2 in big]
        t_arc = (time.perf_counter() - t0) / len(big)
        err_arc = max(abs(abs(a) / abs(e) - 1) for a, e in zip(arc, exact))
        line += f"; ARC {t_arc * 1e3:.1f} ms/integral ({t_arc / (t_w / len(big)):.0f}x), max rel err {err_arc:.1e}"
    except Exception as exc:
        line += f"; ARC unavailable ({type(exc).__name__})"
    print(line)

    # the dipole density across threshold (used by hydrogen.spectrum)
    E = np.concatenate([-0.5 / np.linspace(41.5, 1e3, 5_000) ** 2, np.geomspace(1e-6, 1e8, 95_000)])
    dipole_density(2, 0, 1, E[:10])                      # one-off exact-rational setup
    t_den, _ = best_time(lambda: dipole_density(2, 0, 1, E))
    print(f"dipole_density(2s -> p) at {E.size} energies: {t_den * 1e3:.1f} ms "
          f"({t_den / E.size * 1e9:.0f} ns per energy)")


if __name__ == "__main__":
    main()
