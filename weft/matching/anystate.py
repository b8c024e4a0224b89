"""Appendix B: van der Waals potentials for hydrogen atoms in any angular-momentum state.

Two atoms in states |n₁ l₁ m₁⟩, |n₂ l₂ m₂⟩ (or real orbitals), quantisation axis z, at
R = R r̂ (r̂ default z). The dispersive potentials depend on the orientation through the
tensors p_E(n, m)^{ij} of Eq. (12) (:mod:`hydrogen.tensor`). Non-local terms at R > 0,
atomic units (hartree, bohr):

Short regime (Sec. IV B generalised, a₀ ≪ R ≪ 1/(mα²)):

* "0":   London, Eqs. (B7), (B8): W̃ = Σ' p₁^{ij}p₂^{kl} λ_(a)^{ijkl} A₂/(ΔE₁ + ΔE₂);
         in coordinate space Σ' p₁^{ij}p₂^{kl} T^{ik}T^{jl}/(ΔE₁ + ΔE₂),
         T = (δ - 3r̂r̂)/R³ (second-order perturbation theory; tested);
* "1/2": magnetic dipole-dipole of the orbital moments, Eq. (35) with ⟨μ⟩ = ⟨L⟩
         (spins: :mod:`weft.matching.magnetic`);
* "1":   Eqs. (B9), (B10): W̃ = Σ' p₁p₂ λ_(b) A₂ ΔE₁ΔE₂/(ΔE₁ + ΔE₂), an R⁻⁴ tensor; in
         coordinate space α² Re Σ' p₁^{ij}p₂^{kl} T^{ik}D^{jl} ΔE₁ΔE₂/(R(ΔE₁ + ΔE₂)) with
         D = δ + r̂r̂, the dipole x retarded (Breit) dipole interaction (tested);
* "3/2": Eqs. (B12), (B13) and (22): -7α³/(6πR³) (state independent) plus, for
         non-S states, the R⁻³ tensor of diagram (d)+(e). Only the non-polynomial part
         ΔE log ΔE² (and iπθ(ΔE)ΔE) of J(ΔE), Eq. (A6), contributes at R > 0: its
         polynomial part (λ, ν, constants) enters through Σ' p ΔE^k, which the sum rules
         (C1)-(C4) turn into local terms (docs/anystate.md). Complex for states with a
         downward transition (Im W = change of the decay rates, -ΔΓ/2).

Long regime (Sec. V generalised, R ≫ 1/(mα²)): (B15)-(B17) are polynomials in k for any
state (local, δ³(R) and derivatives; not computed here). Non-local:

* "-1": the orbital magnetic dipole-dipole potential, Eq. (44);
* "2":  the tensor Casimir-Polder potential, seagull Eq. (B27) with the static tensor
        polarizabilities; checked against the retarded formula
        W = -(1/2π)∫₀^∞du α₁^{ij}(iu)F^{jk}(iu)α₂^{kl}(iu)F^{li}(iu) at R → ∞;
* "4":  W_M^seg, Eq. (B28), electric x magnetic polarizabilities (Feinberg-Sucher
        7/(4π) for scalars), with the diamagnetic β of :func:`hydrogen.tensor.
        diamagnetic_polarizability` (or a supplied β);
* "6":  W_B^seg (B27 with β₁β₂; -23/(4π) for scalars).

The coordinate forms are obtained here from the paper's momentum tensors at d = 4 by
:func:`fourier_kernel` (each k^{i₁}…k^{i_L} becomes -i∂/∂R^{i}, acting on the scalar
transform of k^n or k^n log k²), and tested against the independent closed forms above.

Magnetic p_B sums (B7), (B9), (B12), (B15)-(B17) with y = B, and the paramagnetic part
of β: μ = L + 2S connects a hydrogen level only with its own sublevels (ΔE = 0) in the
Coulomb spectrum, so these second-order sums are 0/0 (first-order, degenerate physics)
and are not provided. (B11) (W_M^(a)) vanishes: ΔE₂ = 0 for every p_B node. (B2), (B3),
(B6) vanish (μ̇ = i[μ, h₀] = 0); the pNRQED' potentials (B1) and (B5), expectation values
of products of μ, are in :mod:`weft.matching.anystate_magnetic`. All of this is in
docs/anystate.md.
"""
from __future__ import annotations

from functools import lru_cache
from math import factorial, gamma, pi

import numpy as np

from hydrogen.spectrum import DISCRETE, SingularSumError
from hydrogen.tensor import (TensorRule, diamagnetic_polarizability, orbital_moment,
                             pair_tensor_sum, polarizability_tensor, tensor_rule)

from .. import units
from .base import Contribution, divided_difference
from .magnetic import _unit
from .short import w_three_half

__all__ = ["fourier_kernel", "lambda_a", "lambda_b", "lambda_de", "seagull_E", "seagull_M",
           "london", "w_one", "w_three_half_de", "magnetic_orbital", "casimir_polder",
           "seagull_tensor", "seagull_magnetic", "contributions", "potential", "ORDERS"]

#: Order keys per regime (powers of α relative to London / to Eq. (46)).
ORDERS = {"short": ("0", "1/2", "1", "3/2"), "long": ("-1", "2", "4", "6")}

_I3 = np.eye(3)
_IDX = "ijkl"


# ---------------------------------------------------------------------------
# The paper's momentum tensors, as functions of k (shape (N, 3)) -> (N, 3, 3, 3, 3)
# ---------------------------------------------------------------------------

def _kd(k, a, b, c, e):
    """k^a k^b δ^{ce} with a, b, c, e letters of 'ijkl'."""
    return np.einsum(f"n{a},n{b},{c}{e}->nijkl", k, k, _I3)


def _dd(a, b, c, e):
    """δ^{ab} δ^{ce}."""
    return np.einsum(f"{a}{b},{c}{e}->ijkl", _I3, _I3)[None]


def _kkkk(k):
    return np.einsum("ni,nj,nk,nl->nijkl", k, k, k, k)


def _k2(k):
    return np.einsum("ni,ni->n", k, k)[:, None, None, None, None]


def lambda_a(k, d=4):
    """λ_(a)^{ijkl} of Eq. (B8) (degree-4 polynomial in k).

    Parameters
    ----------
    k : ndarray (N, 3)
        Momenta.
    d : float
        Space-time dimension.

    Returns
    -------
    ndarray (N, 3, 3, 3, 3)

    Examples
    --------
    >>> k = np.array([[0.3, -1.2, 0.7]])
    >>> t = lambda_a(k)                            # S waves: λ δ^{ij}δ^{kl} = k⁴/4, Eq. (23)
    >>> round(float(np.einsum("niikk->n", t)[0] / (k @ k.T)[0, 0] ** 2), 12)
    0.25
    """
    return _pref_a(d) * _bracket_a(k, d)


def _pref_a(d):
    return 1.0 / (16 * d * (d - 2))


def _bracket_a(k, d):
    k2 = _k2(k)
    return ((d * d - 4 * d + 3) * _kkkk(k)
            + k2 * k2 * (_dd("i", "j", "k", "l") + _dd("i", "l", "j", "k") + _dd("i", "k", "j", "l"))
            + (d - 1) * k2 * (_kd(k, "i", "j", "k", "l") + _kd(k, "i", "l", "j", "k")
                              + _kd(k, "k", "l", "i", "j") + _kd(k, "j", "k", "i", "l"))
            - (d + 1) * k2 * (_kd(k, "i", "k", "j", "l") + _kd(k, "j", "l", "i", "k")))


def lambda_b(k, d=4):
    """k² λ_(b)^{ijkl} of Eq. (B10) (λ_(b) has a k^ik^jk^kk^l/k² term; × k² it is a polynomial).

    Parameters
    ----------
    k : ndarray (N, 3)
    d : float

    Returns
    -------
    ndarray (N, 3, 3, 3, 3)

    Examples
    --------
    >>> k = np.array([[0.3, -1.2, 0.7]])
    >>> t = lambda_b(k)                          # S waves: k² λ δδ = k⁴, Eq. (24)
    >>> round(float(np.einsum("niikk->n", t)[0] / (k @ k.T)[0, 0] ** 2), 12)
    1.0
    """
    return _pref_b(d) * _bracket_b(k, d)


def _pref_b(d):
    return 1.0 / (8 * (d - 2))


def _bracket_b(k, d):
    k2 = _k2(k)
    return ((d - 5) * (d - 3) * _kkkk(k)
            + (d - 1) * k2 * (_kd(k, "i", "k", "j", "l") + _kd(k, "j", "l", "i", "k"))
            + k2 * k2 * (_dd("i", "j", "k", "l") + _dd("i", "l", "j", "k") - 3 * _dd("i", "k", "j", "l"))
            + (d - 3) * k2 * (_kd(k, "i", "j", "k", "l") + _kd(k, "i", "l", "j", "k")
                              + _kd(k, "k", "l", "i", "j") + _kd(k, "j", "k", "i", "l")))


def lambda_de(k, d=4):
    """k² λ_(d+e),E^{ijkl} of Eq. (B13): 2(d-2)/(d-1) k^j k^l δ^{ik}.

    Parameters
    ----------
    k : ndarray (N, 3)
    d : float

    Returns
    -------
    ndarray (N, 3, 3, 3, 3)

    Examples
    --------
    >>> k = np.array([[0.0, 0.0, 2.0]])
    >>> round(float(lambda_de(k)[0, 0, 2, 0, 2]), 12)     # (4/3) k_z²
    5.333333333333
    """
    return _pref_de(d) * _bracket_de(k, d)


def _pref_de(d):
    return 2 * (d - 2) / (d - 1)


def _bracket_de(k, d):
    return _kd(k, "j", "l", "i", "k")


def seagull_E(k, d=4):
    """The bracket of Eq. (B27) with its prefactor -π²/(16(d-1)(d+1)) (degree 4 in k).

    W̃_E^seg = α₁^{ij}α₂^{kl} × this × A_{3/2}(k²).

    Parameters
    ----------
    k : ndarray (N, 3)
    d : float

    Returns
    -------
    ndarray (N, 3, 3, 3, 3)

    Examples
    --------
    >>> k = np.array([[0.3, -1.2, 0.7]])                 # S waves: Eq. (49)
    >>> t = np.einsum("niikk->n", seagull_E(k))[0] / (k @ k.T)[0, 0] ** 2
    >>> round(float(t / (-46 * np.pi ** 2 / 120)), 12)
    1.0
    """
    return _pref_seagull(d) * _bracket_seagull_E(k, d)


def _pref_seagull(d):
    return pi ** 2 / (16 * (d - 1) * (d + 1))


def _bracket_seagull_E(k, d):
    k2 = _k2(k)
    return -(2 * d * (d - 2) * _kkkk(k)
          - (d + 4) * k2 * (_kd(k, "i", "l", "k", "j") + _kd(k, "j", "k", "i", "l")
                            + _kd(k, "i", "k", "j", "l") + _kd(k, "j", "l", "i", "k"))
          + 2 * d * k2 * (_kd(k, "i", "j", "k", "l") + _kd(k, "k", "l", "i", "j"))
          + k2 * k2 * (2 * _dd("i", "j", "k", "l") + 7 * (_dd("j", "k", "i", "l") + _dd("i", "k", "j", "l"))))


_EPS = np.zeros((3, 3, 3))
for _a, _b, _c in ((0, 1, 2), (1, 2, 0), (2, 0, 1)):
    _EPS[_a, _b, _c], _EPS[_a, _c, _b] = 1.0, -1.0


def seagull_M(k, d=4):
    """Eq. (B28) without the polarizabilities and A_{3/2}:
    π²/(16(d-1)(d+1)) (ε^{rik}ε^{sjl} + ε^{ril}ε^{sjk}) k²(k²δ^{rs} + d k^r k^s).

    W̃_M^seg = (α₁^{ij}β₂^{kl} + β₁^{ij}α₂^{kl}) × this × A_{3/2}(k²).

    Parameters
    ----------
    k : ndarray (N, 3)
    d : float

    Returns
    -------
    ndarray (N, 3, 3, 3, 3)

    Examples
    --------
    >>> k = np.array([[0.0, 0.0, 1.0]])
    >>> seagull_M(k).shape
    (1, 3, 3, 3, 3)
    """
    return _pref_seagull(d) * _bracket_seagull_M(k, d)


def _bracket_seagull_M(k, d):
    k2 = np.einsum("ni,ni->n", k, k)[:, None, None]
    q = k2 * (k2 * _I3 + d * np.einsum("nr,ns->nrs", k, k))
    return (np.einsum("rik,sjl,nrs->nijkl", _EPS, _EPS, q)
            + np.einsum("ril,sjk,nrs->nijkl", _EPS, _EPS, q))


# ---------------------------------------------------------------------------
# Fourier transforms at R > 0 (d = 3): polynomial tensors × k^n or k^n log k²
# ---------------------------------------------------------------------------

def _monomials(L: int) -> list:
    return [(a, b, L - a - b) for a in range(L, -1, -1) for b in range(L - a, -1, -1)]


@lru_cache(maxsize=None)
def _coefficients(poly, L: int, integer: bool = False) -> tuple:
    """Monomial coefficients c[(a,b,c)] (tensors) of a homogeneous degree-L tensor
    polynomial, fitted on the integer points of [-2, 2]³ (least squares on an exact
    polynomial: residual at round-off, ~1e-14 of the largest coefficient); with
    ``integer`` the coefficients are integers and are rounded to them (exact)."""
    g = np.arange(-2, 3, dtype=float)
    k = np.array(np.meshgrid(g, g, g, indexing="ij")).reshape(3, -1).T
    mons = _monomials(L)
    M = np.stack([k[:, 0] ** a * k[:, 1] ** b * k[:, 2] ** c for a, b, c in mons], axis=1)
    vals = poly(k).reshape(k.shape[0], -1)
    coef, *_ = np.linalg.lstsq(M, vals, rcond=None)
    if integer:
        exact = np.rint(coef)
        if np.abs(coef - exact).max() > 1e-6:
            raise ValueError("poly: integer=True but its monomial coefficients are not integers")
        coef = exact
    return tuple((mon, coef[i].reshape(3, 3, 3, 3)) for i, mon in enumerate(mons))


def _radial_derivatives(kind: str, n: int) -> tuple[list, int]:
    """G^{(q)}(u = 1), q = 0..4, of G(R²) = FT[k^n] (kind 'power') or FT[k^n log k²] ('log')
    at R > 0, and the power s of R⁻ˢ of the scalar transform (s = 0 for the log R of n = -3).

    FT[k^n] = 2ⁿ Γ((n+3)/2)/(π^{3/2} Γ(-n/2)) R^{-(n+3)} (Appendix D, I_{n0}; zero for even
    n >= 0), FT[k^{-3}] = -(log R)/(2π²) + const, FT[k^{2p} log k²] = -(-1)^p 4^p p!
    Γ(p + 3/2)/π^{3/2} R^{-(2p+3)} (H_{2p,0}, the n-derivative of the first).
    """
    if kind == "power" and n == -3:
        c = -1.0 / (2 * pi ** 2)          # G = c log R = (c/2) log u
        return [0.0] + [c / 2 * (-1) ** (q - 1) * factorial(q - 1) for q in range(1, 5)], 0
    if kind == "power":
        if n >= 0 and n % 2 == 0:
            c = 0.0
        else:
            c = 2.0 ** n * gamma((n + 3) / 2) / (pi ** 1.5 * gamma(-n / 2))
    elif kind == "log" and n >= 0 and n % 2 == 0:
        p = n // 2
        c = -(-1) ** p * 4 ** p * factorial(p) * gamma(p + 1.5) / pi ** 1.5
    else:
        raise ValueError(f"kind/n: no transform for {kind!r} with n = {n}")
    s = n + 3
    out, f = [], c
    for q in range(5):                    # d^q/du^q c u^{-s/2} at u = 1
        out.append(f)
        f *= (-s / 2 - q)
    return out, s


def _derivative_tensor(L: int, G: list, x: np.ndarray) -> np.ndarray:
    """∂_{a1}…∂_{aL} G(r²) at the point x (|x| = 1), L in {0, 2, 4}, rank-L array."""
    if L == 0:
        return np.array(G[0])
    if L == 2:
        return 2 * G[1] * _I3 + 4 * G[2] * np.outer(x, x)
    if L == 4:
        dd = (np.einsum("ab,cd->abcd", _I3, _I3) + np.einsum("ac,bd->abcd", _I3, _I3)
              + np.einsum("ad,bc->abcd", _I3, _I3))
        xx = np.outer(x, x)
        dxx = sum(np.einsum(f"{p},{q}->abcd", _I3, xx) for p, q in
                  (("ab", "cd"), ("ac", "bd"), ("ad", "bc"), ("bc", "ad"), ("bd", "ac"),
                   ("cd", "ab")))
        return 4 * G[2] * dd + 8 * G[3] * dxx + 16 * G[4] * np.einsum("a,b,c,d->abcd", x, x, x, x)
    raise ValueError(f"L = {L}: only tensors of degree 0, 2, 4 occur in Appendix B")


def fourier_kernel(poly, L: int, kind: str, n: int, r_hat=None, *, integer=False
                   ) -> tuple[np.ndarray, int]:
    """∫d³k/(2π)³ e^{ik·R} P^{ijkl}(k) k^n [log k²] at R = r̂ (|R| = 1), and its power of R.

    Each k^{a} of the degree-L polynomial P becomes -i∂/∂R^{a} acting on the scalar
    transform (Appendix D): FT[k^{a₁}…k^{a_L} f] = (-i)^L ∂_{a₁}…∂_{a_L} FT[f]. The result
    at distance R is the returned tensor × R⁻ˢ (homogeneity); δ³(R) terms are not included.

    Parameters
    ----------
    poly : callable
        k (N, 3) -> (N, 3, 3, 3, 3), homogeneous of degree L (e.g. :func:`lambda_a`).
    L : int
        Its degree (0, 2 or 4).
    kind : {"power", "log"}
        Radial factor k^n or k^n log k².
    n : int
        Power of k.
    r_hat : 3-vector, optional
        Direction of R (default z).
    integer : bool
        P has integer monomial coefficients (the brackets of Appendix B at d = 4): they
        are then recovered exactly.

    Returns
    -------
    (ndarray (3, 3, 3, 3) real, int s)

    Examples
    --------
    >>> K, s = fourier_kernel(lambda k: np.ones((len(k), 3, 3, 3, 3)), 0, "power", -2)
    >>> s, round(float(K[0, 0, 0, 0]) * 4 * np.pi, 12)               # 1/(4πR)
    (1, 1.0)
    """
    x = _unit(r_hat)
    G, s = _radial_derivatives(kind, n)
    D = _derivative_tensor(L, G, x)
    out = np.zeros((3, 3, 3, 3))
    for (a, b, c), coef in _coefficients(poly, L, integer):
        idx = (0,) * a + (1,) * b + (2,) * c
        out += coef * (D[idx] if L else D)
    return (-1) ** (L // 2) * out, s + L


# The brackets at d = 4 (integer coefficients) with their prefactors, for fourier_kernel
def _a4(k):
    return _bracket_a(k, 4)


def _b4(k):
    return _bracket_b(k, 4)


def _de4(k):
    return _bracket_de(k, 4)


def _segE4(k):
    return _bracket_seagull_E(k, 4)


def _segM4(k):
    return _bracket_seagull_M(k, 4)


#: name -> (bracket at d = 4, its prefactor at d = 4, degree, radial kind, power of k)
_KERNELS = {"a": (_a4, _pref_a(4), 4, "power", -1),        # λ_(a) A₂, A₂ ∝ 1/k
            "b": (_b4, _pref_b(4), 4, "power", -3),        # k²λ_(b) × A₂/k²
            "de": (_de4, _pref_de(4), 2, "power", -2),     # k²λ_(d+e) / k²
            "segE": (_segE4, _pref_seagull(4), 4, "log", 0),
            "segM": (_segM4, _pref_seagull(4), 4, "log", 0)}


def _kernel(name, r_hat):
    poly, pref, L, kind, n = _KERNELS[name]
    K, s = fourier_kernel(poly, L, kind, n, r_hat, integer=True)
    return pref * K, s


# ---------------------------------------------------------------------------
# Pair sums and the potentials (atomic units at the boundary)
# ---------------------------------------------------------------------------

def _check_R(R_bohr) -> np.ndarray:
    R = np.asarray(R_bohr, dtype=float)
    if R.size == 0 or not np.all(np.isfinite(R)) or np.any(R <= 0):
        raise ValueError(f"R_bohr must be finite and > 0 (bohr); got {R_bohr!r}")
    return R


def _rules(state1, state2, m1, m2):
    out = []
    for st, m, name in ((state1, m1, "state1"), (state2, m2, "state2")):
        if isinstance(st, TensorRule):
            if m is not None:
                raise ValueError(f"m{name[-1]}: {name} is a TensorRule, its m is fixed")
            out.append(st)
            continue
        try:
            out.append(tensor_rule(st, m=m))
        except ValueError as exc:
            raise type(exc)(f"{name}: {exc}") from None
    return tuple(out)


def _contract(P, K) -> complex:
    return complex(np.einsum("ijkl,ijkl->", P, K))


def _scale(c_nat, s, R):
    """W_au(R) = α^{-2} W_nat(R/α) for W_nat = c_nat R_nat^{-s}."""
    return c_nat * units.ALPHA ** (s - 2) * R ** (-float(s))


def london(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, r_hat=None,
           exclude_resonant=False):
    """London potential W^(0) for any states, Eqs. (B7), (B8), hartree.

    W̃ = Σ' p₁^{ij}p₂^{kl} λ_(a)^{ijkl} A₂(k²)/(ΔE₁ + ΔE₂), A₂ = 1/(8|k|) (A4), transformed
    at d = 4 → 3; equals Σ' p₁^{ij}p₂^{kl}T^{ik}T^{jl}/(ΔE₁ + ΔE₂), T = (δ - 3r̂r̂)/R³ (a.u.).

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), > 0.
    state1, state2 : str or tuple or State or TensorRule
        States with their m (e.g. (2, 1, 0), "2p_x"); or labels with ``m1``/``m2``.
    m1, m2 : int, optional
        Magnetic quantum numbers (axis z) for labels of l > 0.
    r_hat : 3-vector, optional
        Direction of R (default z).
    exclude_resonant : bool
        Leave out intermediate pairs degenerate with the initial pair (1s-nP:
        docs/anystate.md); otherwise they raise SingularSumError.

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> round(float(london(10.0)) * 1e6, 9)          # -C6/R⁶ for 1s-1s
    -6.499026705
    """
    R = _check_R(R_bohr)
    r1, r2 = _rules(state1, state2, m1, m2)
    P = pair_tensor_sum(r1, r2, lambda a, b: 1.0 / (a + b), exclude_resonant=exclude_resonant)
    K, s = _kernel("a", r_hat)
    # natural units: p = (4π/α) ρ, ΔE = α² ΔE_au; A₂ = 1/(8k)
    c_nat = (4 * pi / units.ALPHA) ** 2 / units.ALPHA ** 2 * _contract(P, K) / 8
    return _scale(c_nat.real, s, R)


def w_one(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, r_hat=None,
          exclude_resonant=False):
    """W^(1) for any states, Eqs. (B9), (B10), hartree (R⁻⁴).

    W̃ = Σ' p₁^{ij}p₂^{kl} λ_(b)^{ijkl} A₂ ΔE₁ΔE₂/(ΔE₁ + ΔE₂); equals
    α² Re Σ' p₁^{ij}p₂^{kl}T^{ik}D^{jl}ΔE₁ΔE₂/(R(ΔE₁ + ΔE₂)), D = δ + r̂r̂ (a.u.).

    Parameters
    ----------
    R_bohr, state1, state2, m1, m2, r_hat, exclude_resonant
        As for :func:`london`.

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> from weft.matching import short
    >>> bool(abs(float(w_one(10.0)) / float(short.w_one(10.0)) - 1) < 1e-12)
    True
    """
    R = _check_R(R_bohr)
    r1, r2 = _rules(state1, state2, m1, m2)
    P = pair_tensor_sum(r1, r2, lambda a, b: a * b / (a + b), exclude_resonant=exclude_resonant)
    K, s = _kernel("b", r_hat)
    c_nat = (4 * pi / units.ALPHA) ** 2 * units.ALPHA ** 2 * _contract(P, K) / 8
    return _scale(c_nat.real, s, R)


_C8 = 1.0 / (8 * pi ** 2)


def _h_re(e):
    """Real part of ΔE² j(ΔE), j = ΔE(-log ΔE²)/(8π²): -ΔE³ log ΔE²/(8π²); 0 at ΔE = 0."""
    safe = np.where(e == 0, 1.0, e)
    return np.where(e == 0, 0.0, -_C8 * safe ** 3 * np.log(safe * safe))


def _dh_re(e):
    safe = np.where(e == 0, 1.0, e)
    return np.where(e == 0, 0.0, -_C8 * safe ** 2 * (3 * np.log(safe * safe) + 2))


def _d3h_re(e):
    return -_C8 * (6 * np.log(e * e) + 22)


def _h_im(e):
    """Imaginary part of ΔE² j(ΔE): 2πθ(ΔE)ΔE³/(8π²) = θ(ΔE)ΔE³/(4π) (downward transitions)."""
    return np.where(e > 0, e ** 3, 0.0) / (4 * pi)


def _f_plus(a, b):
    """(ΔE₁²j₁ + ΔE₂²j₂)/(ΔE₁ + ΔE₂), non-polynomial part (complex)."""
    return (_h_re(a) + _h_re(b) + 1j * (_h_im(a) + _h_im(b))) / (a + b)


def _f_minus(a, b):
    """(ΔE₁²j₁ - ΔE₂²j₂)/(ΔE₁ - ΔE₂), non-polynomial part, with its diagonal limit."""
    a, b = np.broadcast_arrays(a, b)
    both0 = (a == 0) & (b == 0)
    aa, bb = np.where(both0, 1.0, a), np.where(both0, 2.0, b)
    re = divided_difference(_h_re, _dh_re, _d3h_re, aa, bb)
    pos = (aa > 0) & (bb > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        im = np.where(pos, (aa * aa + aa * bb + bb * bb) / (4 * pi),
                      np.where((aa <= 0) & (bb <= 0), 0.0, (_h_im(aa) - _h_im(bb)) / (aa - bb)))
    return np.where(both0, 0.0, re + 1j * im)


def w_three_half_de(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, r_hat=None):
    """Non-local part of diagrams (d)+(e) for any states, Eqs. (B12), (B13), hartree (R⁻³).

    W̃ = -Σ' p₁^{ij}p₂^{kl}[λ^{ijkl}F₊ - λ^{ijlk}F₋], F± = (ΔE₁²J₁ ± ΔE₂²J₂)/(ΔE₁ ± ΔE₂),
    λ = λ_(d+e),E ∝ k^jk^lδ^{ik}/k². Only the non-polynomial part ΔE(-log ΔE² + 2πiθ(ΔE))/(8π²)
    of J (A6) is kept: the rest gives local terms (module docstring). Zero for S waves
    (and after averaging both atoms over m); complex when an atom has a downward
    transition (Im W = -ΔΓ/2). Resonant pairs (1s-nP) are not separable here and raise.

    Parameters
    ----------
    R_bohr, state1, state2, m1, m2, r_hat
        As for :func:`london`.

    Returns
    -------
    ndarray like R_bohr, complex, hartree.

    Examples
    --------
    >>> abs(complex(w_three_half_de(10.0, "1s", "2s")))          # S waves: no R⁻³ tensor
    0.0
    """
    R = _check_R(R_bohr)
    r1, r2 = _rules(state1, state2, m1, m2)
    if r1.state.l == 0 and r2.state.l == 0:
        return np.zeros(R.shape, complex)      # λ δ^{ij}δ^{kl} ∝ k̂·k̂ = 1: local
    Pp = pair_tensor_sum(r1, r2, _f_plus)
    Pm = pair_tensor_sum(r1, r2, _f_minus, check_resonance=False)
    K, s = _kernel("de", r_hat)
    Km = K.transpose(0, 1, 3, 2)                # λ^{ijlk}
    # natural units: p p → (4π/α)², F± → α⁴ F± (the log α² shift is polynomial: local)
    c_nat = -(4 * pi / units.ALPHA) ** 2 * units.ALPHA ** 4 * (_contract(Pp, K) - _contract(Pm, Km))
    return _scale(c_nat, s, R)


def magnetic_orbital(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, r_hat=None):
    """Magnetic dipole-dipole potential of the orbital moments, Eqs. (35), (44), hartree.

    W = (α²/4)[μ₁·μ₂ - 3(μ₁·r̂)(μ₂·r̂)]/R³ with μ = ⟨L⟩ (textbook sign, docs/errata.md
    E3-E4); zero unless both atoms carry an orbital moment (m ≠ 0). The spin moments
    are :func:`weft.matching.magnetic.magnetic_dipole_potential`; with polarised spins
    the cross terms 2⟨L₁⟩·⟨S₂⟩ are not included here.

    Parameters
    ----------
    R_bohr, state1, state2, m1, m2, r_hat
        As for :func:`london`.

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> round(float(magnetic_orbital(1.0, (2, 1, 1), (2, 1, 1))) / units.ALPHA ** 2, 12)
    -0.5
    """
    R = _check_R(R_bohr)
    r1, r2 = _rules(state1, state2, m1, m2)
    mu1, mu2 = orbital_moment(r1), orbital_moment(r2)
    n = _unit(r_hat)
    ang = mu1 @ mu2 - 3 * (mu1 @ n) * (mu2 @ n)
    return units.ALPHA ** 2 / 4 * ang / R ** 3 + 0.0


def _has_downward(r: TensorRule) -> bool:
    return any(np.any((ch.kind == DISCRETE) & (ch.n2 < r.state.n)) for ch in r.channels)


def _static_alpha(r, exclude_degenerate, nonresonant_only, name):
    if _has_downward(r) and not nonresonant_only:
        low = sorted({f"{n}{'spdfgh'[ch.l2]}" for ch in r.channels
                      for n in ch.n2[(ch.kind == DISCRETE) & (ch.n2 < r.state.n)]})
        raise ValueError(
            f"{name}: {r.state.name} has downward dipole transitions (to {', '.join(low)}): at "
            "R >> 1/ΔE its potential has a resonant term (real photon, ∝ cos(2ΔE R/c)/R² "
            "at large R; one atom excited, weft.fields) that the long regime of Sec. V does "
            "not contain; pass nonresonant_only=True for the non-resonant part alone")
    return polarizability_tensor(r, 0.0, exclude_degenerate=exclude_degenerate)


def _seagull(R, a1, a2, name, r_hat):
    """Non-local part of a seagull W̃ = a₁^{ij}a₂^{kl} poly(k) A_{3/2}(k²) in a.u.

    A_{3/2} = (2 - log(k²/ν²))/(4π²) (A3): its log k² part -log k²/(4π²) is non-local. With
    polarizabilities in bohr³ (natural units: a/α³, any common sign convention)."""
    K, s = _kernel(name, r_hat)
    c_nat = -np.einsum("ij,kl,ijkl->", a1, a2, K) / (4 * pi ** 2) / units.ALPHA ** 6
    return _scale(c_nat, s, R)


def casimir_polder(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, r_hat=None,
                   exclude_degenerate=False, nonresonant_only=False):
    """Tensor Casimir-Polder potential, seagull Eq. (B27) with static α^{ij}, hartree (R⁻⁷).

    For scalar α: -23 α₁α₂/(4πα R⁷) (Eq. (52) in a.u.).

    Parameters
    ----------
    R_bohr, state1, state2, m1, m2, r_hat
        As for :func:`london`.
    exclude_degenerate : bool
        Leave the level degenerate with a state (2s for 2p) out of its static α (the
        lim u→0+ of the other levels' sum); otherwise SingularSumError.
    nonresonant_only : bool
        Accept states with downward transitions and return the non-resonant part only.

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> from weft.matching import long
    >>> bool(abs(float(casimir_polder(1e4)) / float(long.casimir_polder(1e4)) - 1) < 1e-12)
    True
    """
    R = _check_R(R_bohr)
    r1, r2 = _rules(state1, state2, m1, m2)
    a1 = _static_alpha(r1, exclude_degenerate, nonresonant_only, "state1")
    a2 = _static_alpha(r2, exclude_degenerate, nonresonant_only, "state2")
    return _seagull(R, a1, a2, "segE", r_hat)


def seagull_tensor(R_bohr, alpha1, alpha2, *, r_hat=None):
    """W_E^seg of Eq. (B27) for given static polarizability tensors (bohr³), hartree (R⁻⁷).

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), > 0.
    alpha1, alpha2 : array_like (3, 3) or float
        Static polarizabilities (bohr³, any common sign convention; only their symmetric
        parts enter); floats mean isotropic tensors.
    r_hat : 3-vector, optional

    Returns
    -------
    ndarray like R_bohr, hartree.

    Examples
    --------
    >>> round(float(seagull_tensor(1.0, 1.0, 1.0)) * units.ALPHA * 4 * np.pi, 10)
    -23.0
    """
    R = _check_R(R_bohr)
    a1, a2 = _polarizability_args((alpha1, alpha2), ("alpha1", "alpha2"))
    return _seagull(R, a1, a2, "segE", r_hat)


def _polarizability_args(values, names):
    out = []
    for x, name in zip(values, names):
        t = np.asarray(x, float) * (_I3 if np.ndim(x) == 0 else 1.0)
        if t.shape != (3, 3) or not np.all(np.isfinite(t)):
            raise ValueError(f"{name} must be a finite number or 3x3 array (bohr³)")
        out.append(t)
    return out


def seagull_magnetic(R_bohr, alpha1, beta1, alpha2, beta2, *, r_hat=None):
    """W_M^seg (B28) + W_B^seg (B27 with β) for given tensors (bohr³), hartree (R⁻⁷).

    For scalars: (7/(4π))(α₁β₂ + β₁α₂)/(αR⁷) - (23/(4π))β₁β₂/(αR⁷) (Feinberg-Sucher,
    quoted in Sec. V).

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), > 0.
    alpha1, beta1, alpha2, beta2 : array_like (3, 3) or float
        Static electric and magnetic polarizabilities (bohr³, standard signs: β < 0
        diamagnetic); floats mean isotropic tensors.
    r_hat : 3-vector, optional

    Returns
    -------
    (W_M, W_B) : tuple of ndarray like R_bohr, hartree.

    Examples
    --------
    >>> wm, wb = seagull_magnetic(1.0, 1.0, 1.0, 1.0, 1.0)
    >>> round(float(wm) * units.ALPHA * 4 * np.pi, 10), round(float(wb) * units.ALPHA * 4 * np.pi, 10)
    (14.0, -23.0)
    """
    R = _check_R(R_bohr)
    a1, b1, a2, b2 = _polarizability_args((alpha1, beta1, alpha2, beta2),
                                          ("alpha1", "beta1", "alpha2", "beta2"))
    wm = _seagull(R, a1, b2, "segM", r_hat) + _seagull(R, b1, a2, "segM", r_hat)
    wb = _seagull(R, b1, b2, "segE", r_hat)
    return wm, wb


_REGIMES = ("short", "long")


def contributions(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, regime="short",
                  r_hat=None, exclude_resonant=False, exclude_degenerate=False,
                  nonresonant_only=False, beta=None):
    """All non-local Appendix B terms for two atoms in any states, hartree.

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), > 0 and finite.
    state1, state2 : str or tuple or State
        States with m: (n, l, m), State(n, l, m), "2p_x"; or labels with ``m1``, ``m2``.
    m1, m2 : int, optional
        Magnetic quantum numbers, quantisation axis z.
    regime : {"short", "long"}
        Sec. IV (a₀ ≪ R ≪ 1/(mα²)) or Sec. V (R ≫ 1/(mα²)).
    r_hat : 3-vector, optional
        Direction of R = R₁ - R₂ (default z).
    exclude_resonant : bool
        Short regime: second-order sums without the pairs degenerate with the initial
        pair (1s-nP; docs/anystate.md). The "3/2" term is then not computed.
    exclude_degenerate, nonresonant_only : bool
        Long regime: see :func:`casimir_polder`.
    beta : (3x3, 3x3), optional
        Long regime: magnetic polarizabilities (bohr³); default the diamagnetic
        :func:`hydrogen.tensor.diamagnetic_polarizability` of each state.

    Returns
    -------
    list of :class:`weft.matching.base.Contribution` (values complex where the term has
    an imaginary part, "3/2" of states with downward transitions).

    Examples
    --------
    >>> [c.order for c in contributions(20.0, (2, 1, 0), "1s", exclude_resonant=True)]
    ['0', '1/2', '1', '3/2']
    """
    R = _check_R(R_bohr)
    if regime not in _REGIMES:
        raise ValueError(f"regime must be one of {_REGIMES} for any-state atoms; got {regime!r}")
    r1, r2 = _rules(state1, state2, m1, m2)
    kw = dict(r_hat=r_hat)
    if regime == "short":
        out = [Contribution("London (tensor)", "0", "Eqs. (B7), (B8)",
                            london(R, r1, r2, exclude_resonant=exclude_resonant, **kw)),
               Contribution("orbital magnetic dipole-dipole", "1/2", "Eq. (35)",
                            magnetic_orbital(R, r1, r2, **kw), {},
                            "orbital moments only; spins: weft.matching.magnetic"),
               Contribution("LO x NLO dipole potentials (tensor)", "1", "Eqs. (B9), (B10)",
                            w_one(R, r1, r2, exclude_resonant=exclude_resonant, **kw))]
        local = w_three_half(R)
        if exclude_resonant and _resonant(r1, r2):
            out.append(Contribution("ultrasoft photon (d+e) + Eq. (22)", "3/2",
                                    "Eqs. (B12), (B13), (22)", np.full(R.shape, np.nan), {},
                                    "not computed: the resonant pairs are not separable "
                                    "from the first-order term here"))
        else:
            de = w_three_half_de(R, r1, r2, **kw)
            val = local + (de if np.any(de.imag != 0) else de.real)
            out.append(Contribution("ultrasoft photon (d+e) + Eq. (22)", "3/2",
                                    "Eqs. (B12), (B13), (22)", val, {},
                                    "imaginary part = -ΔΓ/2" if np.iscomplexobj(val) else ""))
        return out
    a1 = _static_alpha(r1, exclude_degenerate, nonresonant_only, "state1")
    a2 = _static_alpha(r2, exclude_degenerate, nonresonant_only, "state2")
    if beta is None:
        b1 = diamagnetic_polarizability(r1, units.ALPHA)
        b2 = diamagnetic_polarizability(r2, units.ALPHA)
    else:
        b1, b2 = beta
    wm, wb = seagull_magnetic(R, a1, b1, a2, b2, **kw)
    return [Contribution("orbital magnetic dipole-dipole", "-1", "Eq. (44)",
                         magnetic_orbital(R, r1, r2, **kw), {},
                         "orbital moments only; spins: weft.matching.magnetic"),
            Contribution("Casimir-Polder (tensor seagull)", "2", "Eq. (B27)",
                         _seagull(R, a1, a2, "segE", r_hat)),
            Contribution("electric x magnetic seagull", "4", "Eq. (B28)", wm, {},
                         "diamagnetic β" if beta is None else "supplied β"),
            Contribution("magnetic seagull", "6", "Eq. (B27) with β", wb, {},
                         "diamagnetic β" if beta is None else "supplied β")]


def _resonant(r1, r2) -> bool:
    try:
        pair_tensor_sum(r1, r2, lambda a, b: 0.0 * a * b)
    except SingularSumError:
        return True
    return False


def potential(R_bohr, state1="1s", state2="1s", *, m1=None, m2=None, regime="short",
              r_hat=None, orders=None, exclude_resonant=False, exclude_degenerate=False,
              nonresonant_only=False, beta=None):
    """Non-local van der Waals potential of two atoms in any states, Appendix B, hartree.

    The sum of the real parts of :func:`contributions` of the requested orders (level
    shift; the imaginary part of "3/2" for states with downward transitions is in
    :func:`contributions`).

    Parameters
    ----------
    R_bohr : array_like
        Distances (bohr), > 0.
    state1, state2, m1, m2, regime, r_hat, exclude_resonant, exclude_degenerate,
    nonresonant_only, beta
        As for :func:`contributions`.
    orders : sequence of str, optional
        Order keys of :data:`ORDERS` [regime] (default all).

    Returns
    -------
    ndarray like R_bohr, hartree.

    Raises
    ------
    ValueError
        Bad R, state, m, regime or order; a requested order that cannot be computed.
    SingularSumError
        Degenerate or resonant sums without the corresponding exclusion.

    Examples
    --------
    >>> w = potential(20.0, "2p", "1s", m1=0, exclude_resonant=True, orders=("0",))
    >>> bool(w < 0)
    True
    >>> potential(20.0, "2p", "1s", m1=0, regime="intermediate")
    Traceback (most recent call last):
    ...
    ValueError: regime must be one of ('short', 'long') for any-state atoms; got 'intermediate'
    """
    if regime not in _REGIMES:
        raise ValueError(f"regime must be one of {_REGIMES} for any-state atoms; got {regime!r}")
    allowed = ORDERS[regime]
    orders = allowed if orders is None else tuple(orders)
    bad = [o for o in orders if o not in allowed]
    if bad:
        raise ValueError(f"orders: {bad} not in the {regime} regime's {allowed}")
    R = _check_R(R_bohr)
    total = np.zeros(R.shape)
    for c in contributions(R, state1, state2, m1=m1, m2=m2, regime=regime, r_hat=r_hat,
                           exclude_resonant=exclude_resonant,
                           exclude_degenerate=exclude_degenerate,
                           nonresonant_only=nonresonant_only, beta=beta):
        if c.order in orders:
            if np.any(np.isnan(c.value)):
                raise ValueError(f"orders: the order {c.order} term is not available here "
                                 f"({c.note}); leave it out of orders")
            total = total + np.real(c.value)
    return total
