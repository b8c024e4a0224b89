"""Test-suite options.

``WEFT_TEST_PERTURB=<seed>`` (environment variable, off by default) runs the suite on
perturbed spectral rules: every rule's nodes are put in a random order (so every state
sum is added up in another order, as another CPU or BLAS would) and each node energy
and weight is moved by up to ±2 ulp. Results then differ from an unperturbed run at the
level of their round-off; a test that fails under it asserts below the round-off floor
of what it compares (the rule of docs/testing.md). Not for CI runs: tests that compare
committed files at the tolerance their conditioning allows still pass, but tests of
exact bit patterns of the rule itself are meaningless under it.
"""
import dataclasses
import os

import numpy as np


def _perturb_cache(module, name: str, rng) -> None:
    """Replace the rule cache ``module.name`` (an lru_cache of SpectralRule builders) by one
    that returns reordered, ulp-perturbed copies (one per key, reused like the real cache)."""
    original = getattr(module, name)
    eps = np.finfo(float).eps

    def perturbed(*key):
        rule = original(*key)
        order = rng.permutation(rule.dE.size)
        wiggle = lambda a: a[order] * (1.0 + eps * rng.integers(-2, 3, a.size))  # noqa: E731
        fields = dict(dE=wiggle(rule.dE), x2=wiggle(rule.x2), kind=rule.kind[order],
                      n2=rule.n2[order], l2=rule.l2[order])
        if rule.e_m is not None:      # absolute energies: reordered, not perturbed (exact
            fields["e_m"] = rule.e_m[order]       # degeneracies are decided on them)
        for a in fields.values():
            a.setflags(write=False)
        return dataclasses.replace(rule, **fields)

    cached = {}

    def lookup(*key):
        if key not in cached:
            cached[key] = perturbed(*key)
        return cached[key]

    lookup.cache_clear = lambda: (cached.clear(), original.cache_clear())
    setattr(module, name, lookup)


def _perturbed_rules(seed: int) -> None:
    from hydrogen import multipole, spectrum

    rng = np.random.default_rng(seed)
    _perturb_cache(spectrum, "_cached_rule", rng)
    # the 2^l-pole and transition rules of hydrogen.multipole (same SpectralRule type)
    _perturb_cache(multipole, "_cached_rule", rng)
    _perturb_cache(multipole, "_cached_transition_rule", rng)


if os.environ.get("WEFT_TEST_PERTURB"):
    _perturbed_rules(int(os.environ["WEFT_TEST_PERTURB"]))


def _strict_approx():
    """pytest.approx without its silent absolute tolerance of 1e-12.

    By default ``pytest.approx(x, rel=r)`` also accepts any value within 1e-12 of x, so a
    comparison of quantities below ~1e-10 (potentials in hartree at large R, decay
    rates, natural-unit couplings) can never fail. Here the absolute tolerance is 0
    unless a test asks for one explicitly (``abs=...``); the relative default stays 1e-6.
    """
    import pytest

    original = pytest.approx

    def approx(expected, rel=None, abs=None, nan_ok=False):
        if abs is None:
            abs = 0.0
            if rel is None:
                rel = 1e-6
        return original(expected, rel=rel, abs=abs, nan_ok=nan_ok)

    approx.__doc__ = original.__doc__
    pytest.approx = approx


_strict_approx()
