"""Appendix B, Eq. (B29) contracted for S waves reproduces Eq. (54) — with the J weight of E6.

For S states p(n,m)^{ij} = p δ^{ij}, so each κ^{ijkl} of (B30)-(B34) enters through
κ^{ijkl} δ^{ij} δ^{kl} (and κ^{ijlk} gives the same). Matching (B29) term by term to Eq. (54)
requires κ00 → k⁴/4, κ20 → -k², κ40 → d - 2 (the K and A_{3/2} terms as printed) and
κ02 → -k²/2, κ22 → 0, i.e. J terms k²(ΔE₂J₁ - ΔE₁J₂)/(ΔE₁² - ΔE₂²): twice the weight
printed in Eq. (54) (docs/errata.md E6). The contractions are done numerically with einsum in
n = d - 1 = 2, 3, 4, 5 spatial dimensions (a rational identity in d checked at four points).
The bracket of (B33) is garbled in our text; read as one brace, its S-wave contraction
vanishes identically.
"""
import numpy as np
import pytest


def _tensors(n, k):
    d = n + 1
    I = np.eye(n)
    k2 = k @ k
    kkkk = np.einsum("i,j,k,l->ijkl", k, k, k, k)
    four = (np.einsum("i,j,kl->ijkl", k, k, I) + np.einsum("k,l,ij->ijkl", k, k, I)
            + np.einsum("i,l,kj->ijkl", k, k, I) + np.einsum("j,k,il->ijkl", k, k, I))
    two = np.einsum("i,k,jl->ijkl", k, k, I) + np.einsum("j,l,ik->ijkl", k, k, I)
    dd_ijkl = np.einsum("ij,kl->ijkl", I, I)
    dd_ilkj = np.einsum("il,kj->ijkl", I, I)
    dd_ikjl = np.einsum("ik,jl->ijkl", I, I)
    k40 = (3 * kkkk / k2 ** 2 + ((d - 1) * two - four) / k2
           + dd_ijkl + dd_ilkj + (d * d - 4 * d + 1) * dd_ikjl) / (d * (d - 2))           # (B30)
    k20 = (2 * (d - 3) / k2 * kkkk - (d - 2) * four - (d * d - 2 * d - 2) * two
           - 2 * k2 * (dd_ijkl + dd_ilkj - (d - 1) * dd_ikjl)) / (4 * d * (d - 2))       # (B31)
    k00 = ((d - 3) * (d - 1) * kkkk + (d - 1) * k2 * four - (d + 1) * k2 * two
           + k2 ** 2 * (dd_ijkl + dd_ilkj + dd_ikjl)) / (16 * d * (d - 2))                # (B32)
    k22 = (3 * (3 - d) / k2 ** 2 * kkkk + (d - 3) / k2 * (four - (d - 1) * two)
           + (2 * d - 3) / (d - 1) * (dd_ijkl + dd_ilkj)
           - (2 * d * d - 4 * d + 3) / (d - 1) * dd_ikjl) / (2 * d * (d - 2))            # (B33)
    k02 = ((3 - d) * (d - 1) / k2 * kkkk - (d - 1) * four + (d + 1) * two
           - k2 * (dd_ijkl + dd_ilkj + dd_ikjl)) / (8 * d * (d - 2))                      # (B34)
    return dict(k40=k40, k20=k20, k00=k00, k22=k22, k02=k02), d, k2


@pytest.mark.parametrize("n", [2, 3, 4, 5])
def test_swave_contractions_of_b30_to_b34(n):
    rng = np.random.default_rng(n)
    k = rng.normal(size=n)
    kap, d, k2 = _tensors(n, k)
    I = np.eye(n)
    c = {name: np.einsum("ijkl,ij,kl->", t, I, I) for name, t in kap.items()}
    swapped = {name: np.einsum("ijlk,ij,kl->", t, I, I) for name, t in kap.items()}
    for name in c:
        assert c[name] == pytest.approx(swapped[name], rel=1e-12, abs=1e-12)
    assert c["k00"] == pytest.approx(k2 ** 2 / 4, rel=1e-12)
    assert c["k20"] == pytest.approx(-k2, rel=1e-12)
    assert c["k40"] == pytest.approx(d - 2, rel=1e-12)
    assert c["k22"] == pytest.approx(0.0, abs=1e-12)
    # κ02 → -k²/2: the J terms of (B29) are k²(ΔE₂J₁ - ΔE₁J₂)/(ΔE₁² - ΔE₂²), without the 1/2
    # that Eq. (54) as printed puts in front of them (erratum E6)
    assert c["k02"] == pytest.approx(-k2 / 2, rel=1e-12)
