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
    that returns reordered, ulp-perturbed copies (one per key, reused like the real cache;
    every other field, e.g. a transition rule's ket and energies, is kept)."""
    original = getattr(module, name)
    eps = np.finfo(float).eps

    def perturbed(*key):
        rule = original(*key)
        order = rng.permutation(rule.dE.size)
        wiggle = lambda a: a[order] * (1.0 + eps * rng.integers(-2, 3, a.size))  # noqa: E731
        arrays = [wiggle(rule.dE), wiggle(rule.x2), rule.kind[order], rule.n2[order],
                  rule.l2[order]]
        # a transition rule's absolute energies follow the reordering but are not wiggled:
        # its degeneracy masks compare them exactly with E_bra, E_ket (a level degenerate
        # with the bra or ket is exact, not rounding)
        e_m = None if rule.e_m is None else rule.e_m[order]
        for a in arrays + ([e_m] if e_m is not None else []):
            a.setflags(write=False)
        return dataclasses.replace(rule, dE=arrays[0], x2=arrays[1], kind=arrays[2],
                                   n2=arrays[3], l2=arrays[4], e_m=e_m)

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
