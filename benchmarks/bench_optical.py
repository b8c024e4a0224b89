"""Benchmark of weft.fields.optical_landscape: a 2-D landscape of 400 × 400 points.

Run from the repository root::

    python benchmarks/bench_optical.py

Target (issue 12): the total landscape (optical binding + thermal Casimir–Polder; the
trap is a constant) of two silica spheres (a = 100 nm, 300 K, yy tweezers,
I = 10⁻² W/µm²) on a 400 × 400 grid of B positions (x, y, 0), −3 … 3 µm, in ≤ 2 s,
setup (``seed_pair``: α(ω₀) and the Matsubara tables) included. The baseline is the direct
per-point evaluation through the public functions, one point at a time:
``binding_potentials`` for that r and ``casimir_polder`` (prepare + sum) for that |r|,
timed on 400 points and extrapolated linearly to 160 000; its values are also the
accuracy reference. Second line: the minima loci of Fig. 6(c) (145 phases). All numbers
come from one run; report ratios, not absolute times (2 shared cores).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from weft.fields.optical import binding_potentials, tweezers  # noqa: E402
from weft.fields.optical_landscape import minima_loci, seed_pair  # noqa: E402
from weft.fields.particles import DielectricSphere  # noqa: E402
from weft.fields.si import C  # noqa: E402
from weft.fields.thermal import casimir_polder  # noqa: E402

N = 400
EXTENT = 3e-6


def best_of(f, repeat=3):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def direct_point(r, sphere, omega, drive):
    ua, _ = binding_potentials(r, sphere, sphere, omega, drive)
    return float(ua) + float(casimir_polder(np.linalg.norm(r), sphere, sphere, 300.0))


def main() -> None:
    g = np.linspace(-EXTENT, EXTENT, N)

    def landscape():
        return seed_pair("yy", 0.0).plane(g, g)

    t_fast, m = best_of(landscape)
    sphere = DielectricSphere(100e-9)
    omega = 2 * np.pi * C / 1064e-9
    drive = tweezers(1e10)
    rng = np.random.default_rng(0)
    X, Y = np.meshgrid(g, g)
    ok = np.flatnonzero(~m.U_A.mask)
    pick = rng.choice(ok, 400, replace=False)
    t0 = time.perf_counter()
    ref = np.array([direct_point(np.array([X.flat[i], Y.flat[i], 0.0]), sphere, omega, drive)
                    for i in pick])
    t_direct = (time.perf_counter() - t0) / pick.size * ok.size
    fast = m.U_A.data.flat[pick]
    err = np.max(np.abs(fast - ref)) / np.max(np.abs(ref))
    print(f"2-D landscape, {N} x {N} points ({ok.size} outside contact), yy, 300 K")
    print(f"  seed_pair + plane:                 {t_fast * 1e3:9.1f} ms   (target <= 2000 ms)")
    print(f"  direct per-point, all points:      {t_direct * 1e3:9.0f} ms   "
          "(extrapolated from 400 points)")
    print(f"  speed-up:                          {t_direct / t_fast:9.0f} x")
    print(f"  max difference to direct / max|U|: {err:.1e}")
    pair = seed_pair()
    phases = np.linspace(0, 2 * np.pi, 145)
    t_loci, _ = best_of(lambda: minima_loci(pair, phases, 2.05e-7, 6e-6), repeat=1)
    print(f"  minima loci of Fig. 6(c), 145 phases: {t_loci * 1e3:6.0f} ms")


if __name__ == "__main__":
    main()
