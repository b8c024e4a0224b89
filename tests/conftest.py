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
import os

import numpy as np


def _perturbed_rules(seed: int) -> None:
    from hydrogen import spectrum

    original = spectrum._cached_rule
    rng = np.random.default_rng(seed)
    eps = np.finfo(float).eps

    def perturbed(n, l, shifts):
        rule = original(n, l, shifts)
        order = rng.permutation(rule.dE.size)
        wiggle = lambda a: a[order] * (1.0 + eps * rng.integers(-2, 3, a.size))  # noqa: E731
        arrays = [wiggle(rule.dE), wiggle(rule.x2), rule.kind[order], rule.n2[order],
                  rule.l2[order]]
        for a in arrays:
            a.setflags(write=False)
        return spectrum.SpectralRule(rule.state, *arrays, error=rule.error)

    cached = {}

    def lookup(n, l, shifts):   # one perturbed rule per key, reused like the real cache
        key = (n, l, shifts)
        if key not in cached:
            cached[key] = perturbed(n, l, shifts)
        return cached[key]

    lookup.cache_clear = lambda: (cached.clear(), original.cache_clear())
    spectrum._cached_rule = lookup


if os.environ.get("WEFT_TEST_PERTURB"):
    _perturbed_rules(int(os.environ["WEFT_TEST_PERTURB"]))
