"""Issue 8, §3 (a fast start) and item 2.5 (high n): each target, with its baseline, in one run.

Run: python3 benchmarks/bench_speed.py   (or python3 benchmarks/run.py for everything)

Whole-process start-up ratios (cold C6, `import weft`) are in bench_startup.py. Here, in one
process, every speed is compared with a baseline measured in the same run — the former
implementation, reproduced below from the commit before the change (74925af), where one
exists:

1. weft.potential at 10⁶ values of R: time and tracemalloc peak (target ≤ 100 ms,
   ≤ 40 MiB), and potential_fast against the former unchunked Clenshaw evaluation;
2. cost per point of the intermediate fast path outside the former interpolant range
   0.1 ≤ R < 1e8 bohr, as a ratio to the in-range cost (target ≤ 10×);
3. a warm scalar short-regime call against the same call with the state sums recomputed
   (target ≤ 0.1 ms);
4. radial_dipole at n ≈ 1000 against the former exact-integer start (target ≥ 3×);
5. the Rydberg tail rule against the former 200 000-atom Stieltjes procedure;
6. cold state sums for high n: C6(ns, 1s) for n = 1 … 1000 (target ≤ 1 s for n ≤ 100), the
   sum rules and error estimate there.
"""
from __future__ import annotations

import math
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import hydrogen  # noqa: E402
import weft  # noqa: E402
from hydrogen import dipole, spectrum  # noqa: E402
from weft.matching import intermediate, short  # noqa: E402


def best(fn, repeat=5):
    t_best, out = math.inf, None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        t_best = min(t_best, time.perf_counter() - t)
    return t_best, out


def peak_mib(fn):
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2 ** 20


def row(name, value, note=""):
    print(f"{name:62s} {value:>14s}  {note}")


# --- former implementations (commit 74925af), the baselines --------------------------------

def old_clenshaw(R, coefs):
    """The former potential_fast evaluation: all points at once, an (N, nodes) gather."""
    lo = intermediate._CHEB_DECADES[0]
    lg = np.log10(R)
    dec = np.floor(lg).astype(int)
    x = 2 * (lg - dec) - 1
    c = coefs.T[dec - lo]                                   # (N, nodes)
    b1 = np.zeros(x.size)
    b2 = np.zeros(x.size)
    for j in range(c.shape[1] - 1, 0, -1):
        b1, b2 = 2 * x * b1 - b2 + c[:, j], b1
    return (x * b1 - b2 + c[:, 0]) / R ** 6 / (1 + R / intermediate._RHO)


def old_circular_start(n, m):
    f = math.factorial
    num = (4 * n * m) ** (2 * m + 4) * f(n + m) * (n - m) ** max(2 * (n - m - 2), 0)
    den = 16 * f(n - m - 1) * f(2 * m - 1) * (n + m) ** (2 * (n + m + 2))
    return math.sqrt(num / den)


def old_radial_dipole(n1, l1, n2, l2):
    """The former radial_dipole (same recursion; exact big-integer start; c() per use)."""
    if n1 == n2:
        return -1.5 * n1 * math.sqrt((n1 - max(l1, l2)) * (n1 + max(l1, l2)))
    (m, lam), (n_up, l_up) = ((n1, l1), (n2, l2)) if n1 < n2 else ((n2, l2), (n1, l1))

    def c(nn, ll):
        return math.sqrt((nn - ll) * (nn + ll)) / nn
    start = old_circular_start(n_up, m)
    P = [0.0] * (m + 2)
    M = [0.0] * (m + 2)
    P[m - 1] = start
    M[m - 1] = c(n_up, m) * start / (2 * m * c(n_up, m - 1))
    for k in range(m - 2, lam - 1, -1):
        P[k] = (((2 * k + 3) * c(n_up, k + 2)) * P[k + 1]
                + c(m, k + 2) * M[k + 2]) / (2 * (k + 2) * c(m, k + 1))
        M[k] = (c(n_up, k + 1) * P[k]
                + ((2 * k + 1) * c(m, k + 1)) * M[k + 1]) / (2 * (k + 1) * c(n_up, k))
    return P[lam] if l_up == lam + 1 else M[lam]


def old_tail_rule(n_start, nodes):
    """The former Rydberg tail rule: 200 000 atoms and one lumped atom (scipy zeta)."""
    from scipy.special import zeta
    atoms = 200_000
    nu = np.arange(n_start + 1, n_start + 1 + atoms, dtype=float)
    s = np.append(((n_start + 1) / nu) ** 2, 0.0)
    w = np.append(nu ** -3.0, zeta(3.0, n_start + 1 + atoms))
    m0 = w.sum()
    alpha, beta = np.empty(nodes), np.zeros(nodes)
    p_prev, p = np.zeros_like(s), np.full_like(s, 1.0 / np.sqrt(m0))
    for k in range(nodes):
        alpha[k] = np.dot(w, s * p * p)
        q = (s - alpha[k]) * p - beta[k] * p_prev
        if k + 1 < nodes:
            beta[k + 1] = np.sqrt(np.dot(w, q * q))
            p_prev, p = p, q / beta[k + 1]
    jac = np.diag(alpha) + np.diag(beta[1:], 1) + np.diag(beta[1:], -1)
    sk, vec = np.linalg.eigh(jac)
    return (sk / (n_start + 1) ** 2) ** -0.5, m0 * vec[0] ** 2


# --- the measurements ------------------------------------------------------------------------

def potential_1e6():
    print("\n1. weft.potential, 1s-1s intermediate regime, 10^6 values of R in [50, 1e6] bohr")
    R = np.geomspace(50.0, 1e6, 1_000_000)      # the 1s-1s window (no ValidityWarning)
    weft.potential(R[:10])                                   # one-off setup
    t_pot, _ = best(lambda: weft.potential(R))
    t_fast, w = best(lambda: intermediate.potential_fast(R))
    coefs = intermediate._cp_interpolant(weft.Pair("1s", "1s"))
    inside = R < intermediate._R_SERIES
    t_old, w_old = best(lambda: old_clenshaw(R[inside], coefs), 3)
    t_new_in, w_in = best(lambda: intermediate.potential_fast(R[inside]))
    row("weft.potential(R) (target <= 100 ms)", f"{t_pot * 1e3:.1f} ms")
    row("  intermediate.potential_fast(R)", f"{t_fast * 1e3:.1f} ms")
    row("  interpolant part: chunked vs former unchunked Clenshaw", f"x{t_old / t_new_in:.1f}",
        f"{t_new_in * 1e3:.1f} vs {t_old * 1e3:.1f} ms; max rel. diff "
        f"{np.max(np.abs(w_in / w_old - 1)):.1e}")
    out_mib = R.nbytes / 2 ** 20
    p_pot = peak_mib(lambda: weft.potential(R))
    p_fast = peak_mib(lambda: intermediate.potential_fast(R))
    p_old = peak_mib(lambda: old_clenshaw(R[inside], coefs))
    row("  tracemalloc peak, weft.potential (target <= 40 MiB)", f"{p_pot:.1f} MiB",
        f"output alone {out_mib:.1f} MiB")
    row("  tracemalloc peak, potential_fast", f"{p_fast:.1f} MiB",
        f"former unchunked Clenshaw: {p_old:.0f} MiB")


def per_point_costs():
    print("\n2. Intermediate fast path, cost per point by range (10^5 random R each)")
    rng = np.random.default_rng(0)
    ranges = [("1e-3 <= R < 0.1 (former quadrature fallback)", -3, -1),
              ("0.1 <= R < 1e5 (interpolant, the reference)", -1, 5),
              ("1e5 <= R < 1e8 (large-R series)", 5, 8),
              ("1e8 <= R <= 1e20 (former quadrature fallback)", 8, 20)]
    costs = {}
    for name, lo, hi in ranges:
        R = 10 ** rng.uniform(lo, hi, 100_000)
        intermediate.potential_fast(R[:10])
        costs[name] = best(lambda: intermediate.potential_fast(R))[0] / R.size
    ref = costs[ranges[1][0]]
    for name, _, _ in ranges:
        row(f"  {name}", f"{costs[name] * 1e9:.0f} ns/pt", f"x{costs[name] / ref:.2f} in-range "
            "(target <= 10)")
    R = 10 ** rng.uniform(8, 20, 200)
    t_cp = best(lambda: intermediate.potential_cp(R), 1)[0] / R.size
    row("  former fallback: per-R quadrature potential_cp", f"{t_cp * 1e6:.0f} us/pt",
        f"x{t_cp / ref:.0f} in-range")


def scalar_short():
    print("\n3. Scalar short-regime call weft.potential(10.0, regime='short'), warm")
    weft.potential(10.0, regime="short")
    loops = 2000

    def cached():
        for _ in range(loops):
            weft.potential(10.0, regime="short")

    def recomputed():           # the former behaviour: C6 and the Eq. (36) sum at each call
        for _ in range(loops // 10):
            short._c6.cache_clear()
            short._nlo_sum.cache_clear()
            weft.potential(10.0, regime="short")
    t_new = best(cached)[0] / loops
    t_old = best(recomputed)[0] / (loops // 10)
    row("  cached state sums (target <= 0.1 ms)", f"{t_new * 1e3:.3f} ms",
        f"x{t_old / t_new:.0f} faster than recomputing them ({t_old * 1e3:.2f} ms)")


def radial_n1000():
    print("\n4. radial_dipole at n ~ 1000 (target >= 3x faster, same values)")
    cases = [(1000, 0, 999, 1), (1000, 0, 500, 1), (1000, 500, 999, 501), (999, 998, 1000, 999),
             (1000, 0, 10, 1)]
    for case in cases:
        t_new, v_new = best(lambda: dipole.radial_dipole(*case), 7)
        t_old, v_old = best(lambda: old_radial_dipole(*case), 7)
        row(f"  radial_dipole{case}", f"x{t_old / t_new:.1f}",
            f"{t_new * 1e3:.3f} vs {t_old * 1e3:.3f} ms; rel. diff {abs(v_new / v_old - 1):.1e}")
    levels = np.arange(2, 2001)
    t_new, v_new = best(lambda: [dipole.radial_dipole(1000, 0, int(m), 1) for m in levels], 1)
    t_vec, v_vec = best(lambda: dipole._radial_dipole_levels(1000, 0, 1, levels), 3)
    t_old, v_old = best(lambda: [old_radial_dipole(1000, 0, int(m), 1) for m in levels], 1)
    diff = max(np.max(np.abs(np.array(v_new) / v_old - 1)), np.max(np.abs(v_vec / v_old - 1)))
    row("  all <n' p|r|1000 s>, n' = 2..2000, per call", f"x{t_old / t_new:.1f}",
        f"{t_new:.2f} vs {t_old:.2f} s")
    row("  the same, _radial_dipole_levels (vectorised)", f"x{t_old / t_vec:.0f}",
        f"{t_vec * 1e3:.0f} ms; max rel. diff {diff:.1e}")


def tail_rule():
    print("\n5. Rydberg tail rule (n_start = 40, 12 nodes)")
    spectrum.rydberg_tail_rule.cache_clear()
    t_new, (nu, w) = best(lambda: (spectrum.rydberg_tail_rule.cache_clear(),
                                   spectrum.rydberg_tail_rule(40, 12))[1])
    t_old, (nu0, w0) = best(lambda: old_tail_rule(40, 12), 3)
    row("  exact-moment remainder vs 200 000 atoms", f"x{t_old / t_new:.0f}",
        f"{t_new * 1e3:.2f} vs {t_old * 1e3:.1f} ms; mass rel. diff {abs(w.sum() / w0.sum() - 1):.1e}")


def clear_state_caches():
    spectrum._cached_rule.cache_clear()
    spectrum.rydberg_tail_rule.cache_clear()
    spectrum.continuum_rule.cache_clear()
    dipole._circular_constant.cache_clear()


def high_n():
    print("\n6. Cold state sums for high n (caches emptied first), supported n <= "
          f"{hydrogen.N_STATE_MAX}")
    clear_state_caches()
    t1 = best(lambda: (clear_state_caches(), hydrogen.C6("1s", "1s"))[1], 3)[0]
    row("  C6(1s,1s) cold, the reference", f"{t1 * 1e3:.1f} ms")
    for n in (100, 300, 1000):
        t = best(lambda: (clear_state_caches(), hydrogen.C6(f"{n}s", "1s"))[1], 3)[0]
        target = "target <= 1 s" if n <= 100 else ""
        row(f"  C6({n}s, 1s) cold", f"{t * 1e3:.0f} ms", f"x{t / t1:.1f} C6(1s,1s); {target}")
    for st in ("100s", "1000s", "1000p"):
        rule = hydrogen.spectral_rule(st)
        sr = hydrogen.sum_rules(st)
        scale = np.sum(np.abs(rule.dE * rule.x2))
        errs = ", ".join(f"{k} {abs(v[0] / v[1] - 1):.0e}" for k, v in sr.items())
        row(f"  sum rules {st}", f"err {rule.error:.0e}",
            f"{errs} (C2 on its cancelling scale: {abs(sr['C2'][0] - sr['C2'][1]) / scale:.0e})")
    t0 = time.perf_counter()
    try:
        hydrogen.C6("1500s", "1s")
    except ValueError as err:
        row("  C6('1500s', '1s') refused before computing", f"{(time.perf_counter() - t0) * 1e6:.0f} us",
            str(err)[:60] + "...")


def main():
    potential_1e6()
    per_point_costs()
    scalar_short()
    radial_n1000()
    tail_rule()
    high_n()


if __name__ == "__main__":
    main()
