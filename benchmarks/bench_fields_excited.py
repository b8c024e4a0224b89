"""Benchmark of weft.fields.excited: the forces of H(2p)–D(1s) at 10^3 separations.

Run from the repository root::

    python3 benchmarks/bench_fields_excited.py

The heavy part is the off-resonant (Casimir–Polder) integral with the excited atom's tensor
polarizability, evaluated for every R with the 3 × 3 tensors D = k²G₀(R, iξ) and their
gradients (``forces`` also adds the closed-form resonant and degenerate parts). The
baseline is a direct per-R integration of the same quantity: scipy.integrate.quad of
Tr[α_A D α_B D] over ξ (the polarizabilities evaluated inside the integrand), timed on 12
values of R and extrapolated to 10^3; its values are the accuracy reference. Speed is
reported as a ratio within one run (2 shared cores: absolute times vary).
"""
from __future__ import annotations

import sys
import time
import warnings
from pathlib import Path

import numpy as np
from scipy.integrate import IntegrationWarning, quad

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from weft.fields.atoms import ExcitedHydrogen, HydrogenIsotope, _alpha_tensor_imag  # noqa: E402
from weft.fields.excited import forces, offresonant_potentials, separation  # noqa: E402
from weft.fields.green import dipole_field_tensor  # noqa: E402
from weft.fields.si import EPS0, HBAR  # noqa: E402


def direct_one(Rv, atom, partner) -> float:
    """U_CP[α_A^e] at one R by adaptive quadrature in ξ (the reference)."""
    def f(xi):
        D = dipole_field_tensor(Rv, 1j * xi).real
        a = atom.alpha_imag_tensor(xi)
        b = _alpha_tensor_imag(partner, xi)
        return float(np.trace(a @ D @ b @ D))
    w1 = atom.omega_scales[0]
    edges = [0.0, 1e-3 * w1, 1e-1 * w1, w1, 10 * w1, 1e3 * w1, np.inf]
    with warnings.catch_warnings():
        # quad flags some far-tail panels as slowly convergent; the printed agreement with
        # the fast path (3e-14) is the check of this reference
        warnings.simplefilter("ignore", IntegrationWarning)
        val = sum(quad(f, a, b, epsrel=1e-12, epsabs=0, limit=400)[0]
                  for a, b in zip(edges[:-1], edges[1:]))
    return -HBAR / (2 * np.pi * EPS0 ** 2) * val


def best_of(f, repeat=3):
    times, out = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = f()
        times.append(time.perf_counter() - t0)
    return min(times), out


def main() -> None:
    A, B = ExcitedHydrogen((1, 0.3, 1), "H"), HydrogenIsotope("1s", "D")
    n = 1000
    R = separation(np.geomspace(1e-9, 1e-5, n), (0.2, 0.3, 1.0))
    best_of(lambda: forces(R[:2], A, B), repeat=1)              # warm the caches (rules)
    t_forces, _ = best_of(lambda: forces(R, A, B, T=1e-9))
    t_off, (Ue, _) = best_of(lambda: offresonant_potentials(R, A, B))
    sample = np.linspace(0, n - 1, 12).astype(int)
    t0 = time.perf_counter()
    ref = np.array([direct_one(R[i], A, B) for i in sample])
    t_direct = (time.perf_counter() - t0) / sample.size * n
    err = np.max(np.abs(Ue[sample] / ref - 1))
    print(f"H(2p)–D(1s), 10^3 R vectors in [1 nm, 10 µm]")
    print(f"  forces (all parts, F_A and F_B):   {t_forces * 1e3:9.1f} ms")
    print(f"  off-resonant potentials U_e, U_g:   {t_off * 1e3:9.1f} ms")
    print(f"  direct quad of U_e, 10^3 R:         {t_direct * 1e3:9.0f} ms  "
          "(extrapolated from 12 R)")
    print(f"  speed-up of the potentials:         {t_direct / t_off:9.0f} x  (U_g comes along)")
    print(f"  speed-up of the forces (lower bound: the quad of one potential per R): "
          f"{t_direct / t_forces:.0f} x")
    print(f"  max relative difference to quad:    {err:.1e}")


if __name__ == "__main__":
    main()
