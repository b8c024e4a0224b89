"""Appendix B, short regime: the pNRQED' one-loop potentials with magnetic dipole vertices.

Two hydrogen atoms in states |n₁ l₁ m₁⟩ ⊗ spin, |n₂ l₂ m₂⟩ ⊗ spin (fine structure
neglected, as in the paper), quantisation axis z, R = R₁ - R₂ = R r̂. The magnetic dipole
coupling of Eq. (7) is -μ·eB/(2m) with the dimensionless operator

    μ = L + 2 c_F S,    S = σ/2,    c_F = 1 + α/(2π)  (Eq. (4)),

(for S states μ = 2 c_F S, as in :mod:`weft.matching.magnetic`). Only commutators of μ
enter the two potentials implemented here:

    [μ^i, μ^j] = i ε^{ijk} K^k,   μ × μ = i K,   K = L + 4 c_F² S

(L × L = iL, S × S = iS, [L, S] = 0; note 4c_F², not 2c_F: K ≠ μ).

(B1), four magnetic dipoles, Ṽ = π²α²A_{3/2}/(16(d-1)m⁴) μ₁ᵢμ₁ⱼμ₂ₖμ₂ₗ B^{ijkl}(k): the
bracket B is antisymmetric in (i, j) and in (k, l) separately (every term of it), so only
the antisymmetric parts of μ₁ᵢμ₁ⱼ and μ₂ₖμ₂ₗ survive: μᵢμⱼ → (i/2)ε^{ijm}K^m. The
symmetric parts (for a spin: δ^{ij}/4; for L ≥ 1: the quadrupole-like ⟨{Lⁱ, Lʲ}⟩) drop
out. Its expectation value in the two-atom state (WEFT at leading order, as Eq. (29) does
for Eq. (22)) is -(1/4) ε^{ijm} ε^{kln} C^{mn} with the correlation tensor

    C^{mn} = ⟨K₁^m K₂^n⟩ = ⟨L₁⟩^m⟨L₂⟩^n + 4c_F²(⟨L₁⟩^m⟨S₂⟩^n + ⟨S₁⟩^m⟨L₂⟩^n) + 16c_F⁴ T^{mn},

T^{mn} = ⟨S₁^m S₂^n⟩ the spin correlation tensor of :func:`weft.matching.magnetic.
spin_tensor` (entangled spin states enter through T; ⟨S_a⟩ are the one-spin marginals).
Contracted: ε^{ijm}ε^{kln}B^{ijkl} = 4(d-2)(k^mk^n - k²δ^{mn}) - 12k²δ^{mn}. The log k² of
A_{3/2} (A3) gives the non-local part at R > 0 (d = 4; the rest is local, ∝ ∇∇δ³(R)):

    V_B1(R) = α⁵/(64π) [5 r̂·C·r̂ - 6 tr C]/R⁵   (hartree, bohr),

order α^{9/2} relative to London (key "9/2"; α³ below Eq. (22), as Sec. IV A says).

(B5), two electric (atom a) and two magnetic (atom b) dipoles,
Ṽ = -iπ²α²A₂/((d-2)m³)[L₁ⁱ(μ₂×μ₂)ʲ + L₂ⁱ(μ₁×μ₁)ʲ][(d-3)kⁱkʲ + k²δⁱʲ]: with μ × μ = iK
the -i·i = +1 makes it real; expectation Q^{ij} = ⟨L₁⟩ⁱ⟨K₂⟩ʲ + ⟨L₂⟩ⁱ⟨K₁⟩ʲ (the orbital
and spin parts of the two atoms are product states). A₂ = 1/(8|k|) (A4), finite: the
whole term is non-local,

    V_B5(R) = -(α⁴/4) r̂·Q·r̂/R⁴   (hartree, bohr),

order α³ relative to London (key "3"). It vanishes unless one atom has ⟨L⟩ ≠ 0 (L = 0
for S states: zero for any spins) and the other ⟨K⟩ ≠ 0.

(B2), (B3), (B6) contain μ̇ = i[μ, ĥ₀] = 0 (μ commutes with the Coulomb Hamiltonian) and
vanish; (B11) vanishes (docs/anystate.md, "Magnetic pieces"). Both coordinate forms are
obtained here from the printed momentum tensors by
:func:`weft.matching.anystate.fourier_kernel`; the closed forms above are the
references of tests/test_anystate_magnetic.py.
"""
from __future__ import annotations

from math import pi
from typing import NamedTuple

import numpy as np

from hydrogen.tensor import TensorState, orbital_moment, tensor_state

from .. import units
from .anystate import _check_R, _scale, fourier_kernel
from .base import Contribution
from .magnetic import _unit, c_F, normalise_spins, spin_tensor

__all__ = ["bracket_b1", "bracket_b5", "spin_moments", "MagneticMoments", "magnetic_moments",
           "four_magnetic", "electric_magnetic", "magnetic_contributions", "ORDERS"]

#: Order keys (powers of α relative to London) of the terms of :func:`magnetic_contributions`.
ORDERS = ("3", "9/2")

_I3 = np.eye(3)
_EPS = np.zeros((3, 3, 3))
for _a, _b, _c in ((0, 1, 2), (1, 2, 0), (2, 0, 1)):
    _EPS[_a, _b, _c], _EPS[_a, _c, _b] = 1.0, -1.0


# ---------------------------------------------------------------------------
# The printed momentum tensors
# ---------------------------------------------------------------------------

def _k2(k):
    return np.einsum("ni,ni->n", k, k)


def _bracket_b1(k, d):
    kk = np.einsum("na,nb->nab", k, k)
    k2 = _k2(k)[:, None, None, None, None]
    return ((d - 2) * (np.einsum("nil,jk->nijkl", kk, _I3) + np.einsum("njk,il->nijkl", kk, _I3)
                       - np.einsum("nik,jl->nijkl", kk, _I3) - np.einsum("njl,ik->nijkl", kk, _I3))
            + 3 * k2 * (np.einsum("il,jk->ijkl", _I3, _I3) - np.einsum("ik,jl->ijkl", _I3, _I3)))


def _pref_b1(d):
    return pi ** 2 / (16 * (d - 1))


def bracket_b1(k, d=4):
    """π²/(16(d-1)) × the bracket of Eq. (B1) (degree 2 in k).

    Ṽ_LO,B^1loop = (α²/m⁴) A_{3/2}(k²) μ₁ᵢμ₁ⱼμ₂ₖμ₂ₗ × this (natural units).

    Parameters
    ----------
    k : ndarray (N, 3)
        Momenta.
    d : float
        Space-time dimension.

    Returns
    -------
    ndarray (N, 3, 3, 3, 3), antisymmetric in (i, j) and in (k, l).

    Examples
    --------
    >>> t = bracket_b1(np.array([[0.3, -1.2, 0.7]]))
    >>> bool(np.allclose(t, -t.transpose(0, 2, 1, 3, 4)))            # (i, j)
    True
    >>> bool(np.allclose(t, -t.transpose(0, 1, 2, 4, 3)))            # (k, l)
    True
    """
    k = _check_k(k)
    return _pref_b1(d) * _bracket_b1(k, d)


def _bracket_b5(k, d):
    return (d - 3) * np.einsum("ni,nj->nij", k, k) + _k2(k)[:, None, None] * _I3


def _pref_b5(d):
    return pi ** 2 / (d - 2)


def bracket_b5(k, d=4):
    """π²/(d-2) × the second bracket of Eq. (B5), (d-3)kⁱkʲ + k²δⁱʲ (degree 2).

    Ṽ_NLO,M^1loop = -i(α²/m³) A₂(k²) [L₁ⁱ(μ₂×μ₂)ʲ + L₂ⁱ(μ₁×μ₁)ʲ] × this.

    Parameters
    ----------
    k : ndarray (N, 3)
        Momenta.
    d : float
        Space-time dimension.

    Returns
    -------
    ndarray (N, 3, 3), symmetric.

    Examples
    --------
    >>> t = bracket_b5(np.array([[0.0, 0.0, 2.0]]))        # (π²/2)(k_z² + k²) at d = 4
    >>> round(float(t[0, 2, 2] / np.pi ** 2), 12), round(float(t[0, 0, 0] / np.pi ** 2), 12)
    (4.0, 2.0)
    """
    k = _check_k(k)
    return _pref_b5(d) * _bracket_b5(k, d)


def _check_k(k):
    k = np.asarray(k, dtype=float)
    if k.ndim != 2 or k.shape[1] != 3 or not np.all(np.isfinite(k)):
        raise ValueError("k must be a finite array of shape (N, 3) (momenta)")
    return k


# at d = 4 (integer monomial coefficients), in the (N, 3, 3, 3, 3) form fourier_kernel takes
def _b1_4(k):
    return _bracket_b1(k, 4)


def _b5_4(k):
    out = np.zeros((len(k), 3, 3, 3, 3))
    out[:, :, :, 0, 0] = _bracket_b5(k, 4)          # rank 2 embedded in the first slot
    return out


def _kernel_b1(r_hat):
    """FT of bracket_b1 × (-log k²/(4π²)) at |R| = 1 (the non-local part of A_{3/2}), s = 5."""
    K, s = fourier_kernel(_b1_4, 2, "log", 0, r_hat, integer=True)
    return -_pref_b1(4) * K / (4 * pi ** 2), s


def _kernel_b5(r_hat):
    """FT of bracket_b5 × A₂ = bracket_b5/(8|k|) at |R| = 1, s = 4."""
    K, s = fourier_kernel(_b5_4, 2, "power", -1, r_hat, integer=True)
    return _pref_b5(4) * K[:, :, 0, 0] / 8, s


# ---------------------------------------------------------------------------
# Expectation values of the moments
# ---------------------------------------------------------------------------

def spin_moments(spins=None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One-spin marginals ⟨S₁⟩, ⟨S₂⟩ and the correlation T^{ij} = ⟨S₁ⁱS₂ʲ⟩ of a spin setting.

    The spin part of the moments entering Eqs. (B1), (B5) (μ = L + 2c_F S, Eq. (7)).

    Parameters
    ----------
    spins : None, str, tuple or dict
        As for :func:`weft.matching.magnetic.spin_tensor`: ``None`` (unpolarised),
        ``"singlet"``, ``("triplet", M)`` (axis z), ``{"S1": v1, "S2": v2}`` (product).

    Returns
    -------
    (s1, s2, T) : ndarray (3,), ndarray (3,), ndarray (3, 3); dimensionless (ħ = 1).

    Examples
    --------
    >>> s1, s2, T = spin_moments(("triplet", -1))
    >>> s1.tolist(), s2.tolist(), float(T[2, 2])
    ([0.0, 0.0, -0.5], [0.0, 0.0, -0.5], 0.25)
    >>> [float(np.abs(x).max()) for x in spin_moments("singlet")[:2]]     # no marginal moment
    [0.0, 0.0]
    """
    canonical = normalise_spins(spins)
    T = spin_tensor(canonical)
    zero = np.zeros(3)
    if canonical is None or canonical == "singlet":
        return zero, zero.copy(), T
    if canonical[0] == "triplet":
        s = np.array([0.0, 0.0, 0.5 * canonical[1]]) + 0.0        # |↑↑⟩, |↓↓⟩; M = 0: zero
        return s, s.copy(), T
    return np.array(canonical[1]), np.array(canonical[2]), T


class MagneticMoments(NamedTuple):
    """Expectation values entering Eqs. (B1), (B5) (dimensionless, ħ = 1).

    Attributes
    ----------
    L1, L2 : ndarray (3,)
        ⟨L⟩ of each atom.
    K1, K2 : ndarray (3,)
        ⟨K⟩ = ⟨L⟩ + 4c_F²⟨S⟩, with μ × μ = iK.
    C : ndarray (3, 3)
        C^{mn} = ⟨K₁^m K₂^n⟩ (joint: spin correlations included).
    Q : ndarray (3, 3)
        Q^{ij} = ⟨L₁ⁱK₂ʲ + L₂ⁱK₁ʲ⟩, Eq. (B5).
    """

    L1: np.ndarray
    L2: np.ndarray
    K1: np.ndarray
    K2: np.ndarray
    C: np.ndarray
    Q: np.ndarray


def _state(st, m, name) -> TensorState:
    try:
        return tensor_state(st, m=m)
    except ValueError as exc:
        raise type(exc)(f"{name}: {exc}") from None


def magnetic_moments(state1="1s", state2="1s", *, m1=None, m2=None, spins=None
                     ) -> MagneticMoments:
    """⟨L⟩, ⟨K⟩ and the correlations C, Q of two atoms, for Eqs. (B1), (B5) with (7).

    Each atom is in an orbital state ⊗ the spin state of the pair; μ = L + 2c_F S and
    K = L + 4c_F² S (μ × μ = iK). C = ⟨L₁⟩⊗⟨L₂⟩ + 4c_F²(⟨L₁⟩⊗⟨S₂⟩ + ⟨S₁⟩⊗⟨L₂⟩) + 16c_F⁴T,
    Q = ⟨L₁⟩⊗⟨K₂⟩ + ⟨L₂⟩⊗⟨K₁⟩.

    Parameters
    ----------
    state1, state2 : str or tuple or State or TensorState
        States with their m ((2, 1, 1), "2p_x", "1s"), or labels with ``m1``/``m2``.
    m1, m2 : int, optional
        Magnetic quantum numbers (axis z) for labels with l > 0.
    spins : see :func:`spin_moments`

    Returns
    -------
    MagneticMoments

    Examples
    --------
    >>> mm = magnetic_moments((2, 1, 1), "1s", spins={"S1": [0, 0, 0], "S2": [0, 0, 0.5]})
    >>> mm.L1.tolist(), round(float(mm.Q[2, 2]) / c_F ** 2, 12)
    ([0.0, 0.0, 1.0], 2.0)
    """
    t1, t2 = _state(state1, m1, "state1"), _state(state2, m2, "state2")
    s1, s2, T = spin_moments(spins)
    L1, L2 = orbital_moment(t1), orbital_moment(t2)
    g = 4 * c_F ** 2
    K1, K2 = L1 + g * s1, L2 + g * s2
    C = np.outer(L1, L2) + g * (np.outer(L1, s2) + np.outer(s1, L2)) + g * g * T
    Q = np.outer(L1, K2) + np.outer(L2, K1)
    return MagneticMoments(L1, L2, K1, K2, C, Q)


# ---------------------------------------------------------------------------
# The potentials at R > 0 (atomic units)
# ---------------------------------------------------------------------------

def four_magnetic(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, spins=None,
                  r_hat=None):
    """Non-local part of ⟨Ṽ_LO,B^1loop⟩, Eq. (B1) with μ of Eq. (7), hartree (R⁻⁵).

    ⟨μ₁ᵢμ₁ⱼμ₂ₖμ₂ₗ⟩ → -(1/4)ε^{ijm}ε^{kln}C^{mn} (only the antisymmetric parts survive the
    bracket), the bracket × (-log k²/(4π²)) of A_{3/2} transformed at d = 4; equals
    α⁵[5 r̂·C·r̂ - 6 tr C]/(64πR⁵). Zero for unpolarised S-state atoms; for a spin
    singlet of two S states +13c_F⁴α⁵/(16πR⁵) (isotropic). Local terms (∝ ∇∇δ³(R),
    scheme dependent) are not included.

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), finite and > 0.
    state1, state2, m1, m2, spins
        As for :func:`magnetic_moments`.
    r_hat : 3-vector, optional
        Direction of R = R₁ - R₂ (default z, the quantisation axis).

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> w = four_magnetic(10.0, spins="singlet")
    >>> round(float(w * 10.0 ** 5 / units.ALPHA ** 5 * 16 * np.pi / c_F ** 4), 10)
    13.0
    """
    R = _check_R(R_bohr)
    mm = magnetic_moments(state1, state2, m1=m1, m2=m2, spins=spins)
    E = -0.25 * np.einsum("ijm,kln,mn->ijkl", _EPS, _EPS, mm.C)
    K, s = _kernel_b1(_unit(r_hat))
    c_nat = units.ALPHA ** 2 * float(np.einsum("ijkl,ijkl->", E, K))     # α²/m⁴, m = 1
    return _scale(c_nat, s, R) + 0.0


def electric_magnetic(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, spins=None,
                      r_hat=None):
    """⟨Ṽ_NLO,M^1loop⟩, Eq. (B5) with μ of Eq. (7), hartree (R⁻⁴, entirely non-local).

    -i⟨L₁ⁱ(μ₂×μ₂)ʲ + L₂ⁱ(μ₁×μ₁)ʲ⟩ = Q^{ij} (μ × μ = iK); with A₂ = 1/(8|k|) transformed at
    d = 4 it equals -(α⁴/4) r̂·Q·r̂/R⁴. Zero when neither atom has an orbital moment
    (S states, real orbitals, m = 0), for any spins.

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), finite and > 0.
    state1, state2, m1, m2, spins
        As for :func:`magnetic_moments`.
    r_hat : 3-vector, optional
        Direction of R (default z).

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> float(electric_magnetic(10.0, "1s", "2s", spins=("triplet", 1)))     # S states
    0.0
    >>> w = electric_magnetic(10.0, (2, 1, 1), (2, 1, 1))           # unpolarised: Q = 2ẑẑ
    >>> round(float(w * 10.0 ** 4 / units.ALPHA ** 4), 12)
    -0.5
    """
    R = _check_R(R_bohr)
    mm = magnetic_moments(state1, state2, m1=m1, m2=m2, spins=spins)
    K, s = _kernel_b5(_unit(r_hat))
    c_nat = units.ALPHA ** 2 * float(np.einsum("ij,ij->", mm.Q, K))      # α²/m³, m = 1
    return _scale(c_nat, s, R) + 0.0


def magnetic_contributions(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, spins=None,
                           r_hat=None):
    """The non-vanishing magnetic pNRQED' one-loop terms of Appendix B.1, hartree.

    To be added to :func:`weft.matching.anystate.contributions` (short regime); (B2),
    (B3), (B6) vanish for hydrogen (μ̇ = 0) and are not listed.

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), finite and > 0.
    state1, state2, m1, m2, spins
        As for :func:`magnetic_moments`.
    r_hat : 3-vector, optional
        Direction of R (default z).

    Returns
    -------
    list of :class:`weft.matching.base.Contribution`, orders :data:`ORDERS`.

    Examples
    --------
    >>> [(c.order, c.equation) for c in magnetic_contributions(20.0, (2, 1, 1), "1s")]
    [('3', 'Eq. (B5)'), ('9/2', 'Eq. (B1)')]
    """
    kw = dict(m1=m1, m2=m2, spins=spins, r_hat=r_hat)
    return [Contribution("two electric x two magnetic dipoles (pNRQED')", "3", "Eq. (B5)",
                         electric_magnetic(R_bohr, state1, state2, **kw), {},
                         "entirely non-local; zero without an orbital moment"),
            Contribution("four magnetic dipoles (pNRQED')", "9/2", "Eq. (B1)",
                         four_magnetic(R_bohr, state1, state2, **kw), {},
                         "non-local part (log k² of A_3/2); local ∇∇δ³(R) terms not included")]
