"""Speed of weft.loops on a 10^3 x 10^3 (k2, dE) grid, against a naive baseline.

Baseline (measured in the same run): scipy.integrate.quad of the paper's
Feynman-parameter representation (A13)/(A14) of C_2, one point at a time, on a
sample of 200 grid points, extrapolated to 10^6 points.  Target: K and C_f on the
full grid in <= 1 s each.

Run: python benchmarks/bench_loops.py
"""

import math
import sys
import time
from pathlib import Path

import numpy as np
from scipy import integrate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout
from weft import loops  # noqa: E402


def _c2_quad(k2, dE):
    """(A13)/(A14) with scipy.quad; x = 1 - u^2 removes the 1/sqrt(1-x)."""
    D2 = dE * dE
    if k2 > 4 * D2:
        r = 4 * D2 / k2

        def g(u):
            x = 1 - u * u
            p = math.sqrt(1 - x * r)
            return 2 * x * r / p * complex(math.atanh(p), math.pi / 2)

        pref, add = 1 / (8 * math.pi**2 * D2), 0.0
    else:
        rho = k2 / (4 * D2)

        def g(u):
            x = 1 - u * u
            p = math.sqrt(1 - x * rho)
            return 2 * x * rho / p * complex(math.atanh(p), -math.pi / 2)

        pref, add = -1 / (8 * math.pi**2 * D2), 2.0
    re = integrate.quad(lambda u: g(u).real, 0, 1, limit=200)[0]
    im = integrate.quad(lambda u: g(u).imag, 0, 1, limit=200)[0]
    return pref * (add + complex(re, im))


def best_of(fn, n=3):
    t = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        t.append(time.perf_counter() - t0)
    return min(t)


def main():
    k2 = np.logspace(-4, 4, 1000)[:, None]
    dE = np.linspace(-3.0, 3.0, 1000)[None, :]  # even count: dE = 0 not hit
    n = k2.size * dE.size
    rng = np.random.default_rng(1)
    ki = rng.integers(0, 1000, 200)
    di = rng.integers(0, 1000, 200)
    t0 = time.perf_counter()
    for i, j in zip(ki, di):
        _c2_quad(float(k2[i, 0]), float(dE[0, j]))
    t_base = (time.perf_counter() - t0) / 200 * n
    print(f"baseline scipy.quad C_2, extrapolated to {n} points: {t_base:8.2f} s")
    for name, fn in [
        ("K", lambda: loops.K(k2, dE)),
        ("C_1", lambda: loops.C(1, k2, dE)),
        ("C_2", lambda: loops.C(2, k2, dE)),
        ("B_2", lambda: loops.B(2, k2, dE)),
        ("K, imaginary |k| axis", lambda: loops.K(-k2 + 0j, dE)),
    ]:
        t = best_of(fn)
        print(f"{name:24s} {t:6.3f} s  (target <= 1 s)  speed-up vs baseline x{t_base / t:,.0f}")


if __name__ == "__main__":
    main()
