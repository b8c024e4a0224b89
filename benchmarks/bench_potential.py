"""Speed of the state sums and of W(R), as ratios against baselines measured in the same run.

Run: python3 benchmarks/bench_potential.py   (or python3 benchmarks/run.py for everything)

* C6(1s,1s) warm (target ≤ 20 ms) vs the Casimir-Polder integral (3/π)∫α(iu)² du by
  scipy.integrate.quad over hydrogen.polarizability;
* W(R) for 1s-1s, intermediate regime, 10⁵ values of R (target ≤ 0.1 s after ≤ 0.5 s setup)
  vs per-R scipy.integrate.quad of the Casimir-Polder integral (timed on 200 R,
  extrapolated), and the Eq. (61)+(62) route on 241 R (target ≤ 5 s);
* (memory of a 10⁶-point W(R): tracemalloc peaks in bench_speed.py).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from scipy.integrate import quad

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import hydrogen  # noqa: E402
from hydrogen.spectrum import _cached_rule  # noqa: E402
from weft import units  # noqa: E402
from weft.matching import intermediate  # noqa: E402


def timeit(fn, repeat=5):
    best = np.inf
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def quad_cp(R):
    c = units.C_AU
    f = lambda u: (hydrogen.polarizability("1s", 1j * u) ** 2 * np.exp(-2 * u * R / c)
                   * (((u * R / c + 2) * u * R / c + 5) * (u * R / c) ** 2 + 6 * u * R / c + 3))
    val, _ = quad(f, 0, np.inf, epsabs=0, epsrel=1e-12, limit=400)
    return -val / (np.pi * R ** 6)


def arc_rows(nmax=25):
    """C6 and alpha(iu) from bound states only (what a bound-state calculator sums)."""
    out = []
    rule = hydrogen.spectral_rule("1s")
    disc = (rule.kind == 0) & (rule.n2 <= nmax)
    u = np.array([0.0, 0.5, 5.0])
    full_a = hydrogen.polarizability("1s", 1j * u)
    full_c6 = hydrogen.C6("1s", "1s")

    def sums(w, x2):
        a = np.array([np.sum(2 * w * x2 / (w * w + uu * uu)) for uu in u])
        c6 = 6 * np.sum(x2[:, None] * x2[None, :] / (w[:, None] + w[None, :]))
        return a, c6
    a, c6 = sums(rule.omega[disc], rule.x2[disc])
    out.append((f"weft bound states only (n' <= {nmax})", 0.0,
                f"C6 rel.err {abs(c6 / full_c6 - 1):.1e}; alpha(iu=0,0.5,5) rel.err "
                + ", ".join(f"{abs(x / y - 1):.1e}" for x, y in zip(a, full_a)), "missing continuum"))
    try:
        from arc import Hydrogen
    except ImportError:
        out.append(("ARC bound-state sums", float("nan"), "ARC not installed", ""))
        return out
    h = Hydrogen()
    n2 = np.arange(2, nmax + 1)
    t0 = time.perf_counter()
    r = np.array([h.getRadialMatrixElement(1, 0, 0.5, int(n), 1, 1.5) for n in n2])
    t_arc = time.perf_counter() - t0
    w = 0.5 - 0.5 / n2 ** 2
    a, c6 = sums(w, r * r / 3)
    out.append((f"ARC bound states only (n' <= {nmax})", t_arc,
                f"C6 rel.err {abs(c6 / full_c6 - 1):.1e}; alpha(iu=0,0.5,5) rel.err "
                + ", ".join(f"{abs(x / y - 1):.1e}" for x, y in zip(a, full_a)),
                "Numerov matrix elements, no continuum"))
    return out


def main():
    rows = []
    _cached_rule.cache_clear()
    t0 = time.perf_counter()
    hydrogen.C6("1s", "1s")
    cold = time.perf_counter() - t0
    warm, c6 = timeit(lambda: hydrogen.C6("1s", "1s"), 20)
    ref = 6.499026705405839
    tq, cq = timeit(lambda: 3 / np.pi * quad(lambda u: hydrogen.polarizability("1s", 1j * u) ** 2,
                                             0, np.inf, epsrel=1e-13, limit=400)[0], 1)
    rows.append(("C6(1s,1s) warm", warm, f"rel.err {abs(c6 / ref - 1):.1e}", "target <= 20 ms"))
    rows.append(("C6(1s,1s) cold (builds the rule)", cold, "", ""))
    rows.append(("C6 by scipy quad of (3/pi) int alpha^2", tq, f"rel.err {abs(cq / ref - 1):.1e}",
                 f"ratio {tq / warm:.0f}x slower"))

    R = np.logspace(0, 6, 100_000)
    intermediate._cp_interpolant.cache_clear()
    t0 = time.perf_counter()
    intermediate.potential_fast(np.array([10.0]))
    setup = time.perf_counter() - t0
    tfast, w = timeit(lambda: intermediate.potential_fast(R), 5)
    sample = R[:: 500]
    tq, wq = timeit(lambda: np.array([quad_cp(r) for r in sample]), 1)
    tq_all = tq * R.size / sample.size
    err = np.max(np.abs(w[:: 500] / wq - 1))
    rows.append(("W(R) 1e5 R, fast path", tfast, f"max rel.diff vs quad {err:.1e}",
                 "target <= 0.1 s"))
    rows.append(("  one-off setup", setup, "", "target <= 0.5 s"))
    rows.append(("W(R) 1e5 R, per-R scipy quad (extrapolated)", tq_all, "",
                 f"ratio {tq_all / tfast:.0f}x slower"))
    R241 = np.logspace(0, 6, 241)
    t61, w61 = timeit(lambda: intermediate.potential_eq61(R241), 1)
    err61 = np.max(np.abs(w61 / intermediate.potential_fast(R241) - 1))
    rows.append(("W(R) 241 R, Eqs. (61)+(62) double state sum", t61, f"max rel.diff {err61:.1e}",
                 "target <= 5 s"))

    rows += arc_rows()
    print(f"{'benchmark':48s} {'seconds':>10s}  accuracy / notes")
    for name, t, acc, note in rows:
        print(f"{name:48s} {t:10.4g}  {acc}  {note}")


if __name__ == "__main__":
    main()
