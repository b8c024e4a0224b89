"""Benchmark of weft.fields.thermal: a thermal Casimir–Polder curve of 10^4 separations.

Run from the repository root::

    python benchmarks/bench_fields.py

Target (issue 12): 10^4 separations at 300 K for two silica spheres (a = 100 nm) or two
H(1s) atoms in <= 0.2 s after <= 1 s of setup (``prepare``). R is log-uniform from near
contact (2.01a, resp. 1 bohr) to 1 mm (>> λ_T = 7.6 µm). The baseline is the direct
per-point Matsubara sum: for each R, the terms α₁α₂(iξ_n) h(ξ_nR/c) are added in blocks
until h < 1e-17 or the remaining sum (≈ n F_n/3 for F ~ n⁻⁴) is below 1e-13 of the total;
it is timed on 24 values of R and extrapolated linearly to 10^4, and its values are the
accuracy reference. For H–H at T = 0, weft.matching.intermediate.potential_cp (vectorised
over R, atomic units) is a second baseline. All numbers come from one run.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from weft.fields.green import cp_kernel  # noqa: E402
from weft.fields.particles import DielectricSphere, HydrogenAtom  # noqa: E402
from weft.fields.si import ATOMIC_UNITS, C, EPS0, HBAR, KB  # noqa: E402
from weft.fields.thermal import prepare  # noqa: E402
from weft.matching.intermediate import potential_cp  # noqa: E402


def direct_one(r: float, p1, p2, T: float, block: int = 4096) -> float:
    d = 2 * np.pi * KB * T / HBAR
    total, start = 0.0, 0
    while True:
        n = np.arange(start, start + block)
        xi = d * n
        f = p1.alpha_imag(xi) * p2.alpha_imag(xi) * cp_kernel(xi * r / C)
        if start == 0:
            f[0] *= 0.5
        total += f.sum()
        last = f[-1]
        if cp_kernel(xi[-1] * r / C) < 1e-17 or last * n[-1] / 3 < 1e-13 * total:
            break
        start += block
    return -KB * T / (8 * np.pi ** 2 * EPS0 ** 2 * r ** 6) * total


def best_of(f, repeat=5):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def bench(name, particle, r_min, T=300.0, n=10_000):
    R = np.geomspace(r_min, 1e-3, n)
    t_setup, cp = best_of(lambda: prepare(particle, particle, T), repeat=3)
    t_eval, U = best_of(lambda: cp(R))
    sample = np.geomspace(r_min, 1e-3, 24)
    t0 = time.perf_counter()
    ref = np.array([direct_one(r, particle, particle, T) for r in sample])
    t_direct = (time.perf_counter() - t0) / sample.size * n
    err = np.max(np.abs(cp(sample) / ref - 1))
    print(f"{name}, T = {T:g} K, 10^4 R in [{r_min:.3g}, 1e-3] m")
    print(f"  setup (prepare):                  {t_setup * 1e3:9.2f} ms   (target <= 1000 ms)")
    print(f"  10^4 R:                           {t_eval * 1e3:9.2f} ms   (target <= 200 ms)")
    print(f"  direct per-point sum, 10^4 R:     {t_direct * 1e3:9.0f} ms   (extrapolated from 24 R)")
    print(f"  speed-up (incl. setup):           {t_direct / (t_setup + t_eval):9.0f} x")
    print(f"  max relative difference to direct: {err:.1e}")


def main() -> None:
    a0, eh = ATOMIC_UNITS["length"][0], ATOMIC_UNITS["energy"][0]
    bench("two silica spheres (a = 100 nm)", DielectricSphere(100e-9), 2.01 * 100e-9)
    bench("two H(1s) atoms", HydrogenAtom("1s"), a0)

    h = HydrogenAtom("1s")
    R = np.geomspace(1.0, 1e6, 10_000)
    t_setup, cp = best_of(lambda: prepare(h, h, 0.0), repeat=3)
    t_eval, U = best_of(lambda: cp(R * a0))
    t_cp, ref = best_of(lambda: potential_cp(R), repeat=2)
    print("two H(1s) atoms, T = 0, 10^4 R in [1, 1e6] bohr")
    print(f"  setup + 10^4 R:                   {(t_setup + t_eval) * 1e3:9.2f} ms")
    print(f"  weft.matching potential_cp:       {t_cp * 1e3:9.2f} ms   (x {t_cp / (t_setup + t_eval):.0f})")
    print(f"  max relative difference:          {np.max(np.abs(U / eh / ref - 1)):.1e}")


if __name__ == "__main__":
    main()
