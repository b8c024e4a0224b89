"""Speed of the multipole dispersion coefficients and of the retarded W_8 + W_10, as ratios.

Run: python3 benchmarks/bench_multipole.py   (or python3 benchmarks/run.py for everything)

* C8(1s,1s) and C10(1s,1s) warm (target ≤ 20 ms each, 13 digits) vs the Casimir-Polder
  integrals (15/2π)∫[α1α2 + α2α1] du etc. by scipy.integrate.quad over
  hydrogen.multipole_polarizability (baseline, same run);
* W_8 + W_10 (retarded, 1s-1s) at 10⁵ values of R in the intermediate regime (target ≤ 0.2 s
  after ≤ 1 s setup) vs per-R scipy.integrate.quad of Eq. (K1) (timed on 100 R,
  extrapolated) and vs the per-R Gauss quadrature weft.matching.multipole.potential_cp.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
from scipy.integrate import quad

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import hydrogen  # noqa: E402
from hydrogen import multipole  # noqa: E402
from weft import units  # noqa: E402
from weft.matching import multipole as wm  # noqa: E402

# Yan, Babb, Dalgarno & Drake, PRA 54, 2824 (1996), Table I.
C8_YAN, C10_YAN = 124.3990835836223, 3285.828414967421


def timeit(fn, repeat=5):
    best = np.inf
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def alpha(l, u):
    return float(hydrogen.multipole_polarizability("1s", l, 1j * u))


def quad_c8():
    f = lambda u: 2 * alpha(1, u) * alpha(2, u)
    return 15 / (2 * np.pi) * quad(f, 0, np.inf, epsrel=1e-13, limit=400)[0]


def quad_c10():
    f = lambda u: 28 * alpha(1, u) * alpha(3, u) + 35 * alpha(2, u) ** 2
    return quad(f, 0, np.inf, epsrel=1e-13, limit=400)[0] / np.pi


def quad_w(R):
    """W_8 + W_10 at one R by scipy.quad over u of Eq. (K1)."""
    c = units.C_AU

    def f(u):
        x = u * R / c
        a = {l: alpha(l, u) for l in (1, 2, 3)}
        w8 = 2 * a[1] * a[2] * wm.kernel(1, 2, x) / R ** 8
        w10 = (2 * a[1] * a[3] * wm.kernel(1, 3, x) + a[2] ** 2 * wm.kernel(2, 2, x)) / R ** 10
        return np.exp(-2 * x) * (w8 + w10)
    # split at the atomic scale (u ~ 1) and the retardation scale (u ~ c/R)
    edges = sorted({0.0, 1.0, c / R, 50 * max(1.0, c / R)}) + [np.inf]
    val = sum(quad(f, a, b, epsabs=0, epsrel=1e-12, limit=200)[0]
              for a, b in zip(edges[:-1], edges[1:]))
    return -val / np.pi


def main():
    rows = []
    multipole._cached_rule.cache_clear()
    t0 = time.perf_counter()
    hydrogen.C8("1s", "1s")
    cold = time.perf_counter() - t0
    warm8, c8 = timeit(lambda: hydrogen.C8("1s", "1s"), 20)
    warm10, c10 = timeit(lambda: hydrogen.C10("1s", "1s"), 20)
    tq8, q8 = timeit(quad_c8, 1)
    tq10, q10 = timeit(quad_c10, 1)
    rows.append(("C8(1s,1s) warm", warm8, f"rel.err vs Yan 1996 {abs(c8 / C8_YAN - 1):.1e}",
                 "target <= 20 ms"))
    rows.append(("C10(1s,1s) warm", warm10, f"rel.err vs Yan 1996 {abs(c10 / C10_YAN - 1):.1e}",
                 "target <= 20 ms"))
    rows.append(("C8 cold (builds the l = 1, 2 rules)", cold, "", ""))
    rows.append(("C8 by scipy quad of the CP integral", tq8, f"rel.err {abs(q8 / C8_YAN - 1):.1e}",
                 f"ratio {tq8 / warm8:.0f}x slower"))
    rows.append(("C10 by scipy quad of the CP integrals", tq10, f"rel.err {abs(q10 / C10_YAN - 1):.1e}",
                 f"ratio {tq10 / warm10:.0f}x slower"))

    R = np.logspace(0, 6, 100_000)
    wm._interpolants.cache_clear()
    t0 = time.perf_counter()
    wm.potential_fast(np.array([10.0]), power=8)
    setup = time.perf_counter() - t0
    both = lambda r: wm.potential_fast(r, power=8) + wm.potential_fast(r, power=10)
    tfast, w = timeit(lambda: both(R), 5)
    sample = R[::1000]
    tq, wq = timeit(lambda: np.array([quad_w(r) for r in sample]), 1)
    tq_all = tq * R.size / sample.size
    tg, wg = timeit(lambda: wm.potential_cp(sample, power=8) + wm.potential_cp(sample, power=10), 1)
    tg_all = tg * R.size / sample.size
    rows.append(("W_8 + W_10, 1e5 R, Chebyshev fast path", tfast,
                 f"max rel.diff vs quad {np.max(np.abs(w[::1000] / wq - 1)):.1e}", "target <= 0.2 s"))
    rows.append(("  one-off setup (p = 6, 8, 10 interpolants)", setup, "", "target <= 1 s"))
    rows.append(("W_8 + W_10, 1e5 R, per-R scipy quad (extrapolated)", tq_all, "",
                 f"ratio {tq_all / tfast:.0f}x slower"))
    rows.append(("W_8 + W_10, 1e5 R, per-R Gauss potential_cp (extrap.)", tg_all,
                 f"max rel.diff vs fast {np.max(np.abs(w[::1000] / wg - 1)):.1e}",
                 f"ratio {tg_all / tfast:.0f}x slower"))
    print(f"{'benchmark':56s} {'seconds':>10s}  accuracy / notes")
    for name, t, acc, note in rows:
        print(f"{name:56s} {t:10.4g}  {acc}  {note}")


if __name__ == "__main__":
    main()
