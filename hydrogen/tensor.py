"""Tensor dipole sums for a hydrogen state of any angular momentum: p_E^{ij}, Eqs. (11)-(12), (B7).

For a state |ψ⟩ = |n l m⟩ (or a real orbital, a combination of the m of one level) the
paper's p_E(n, m')^{ij} = e²⟨ψ|x^i|m'⟩⟨m'|x^j|ψ⟩ (Eq. (12), summed over the sublevels of
the intermediate level m') is a 3×3 Hermitian matrix. Here (atomic units, without the e²)

    p^{ij}(node) = ρ(node) · A^{ij}(l, ψ, l')

with ρ the radial weight of a node of the spectral rule of :mod:`hydrogen.spectrum`
(|⟨n' l'|r|n l⟩|² for a discrete level, the quadrature weight × dipole density for a
Rydberg-tail or continuum node; bohr²) and A the exact angular tensor of the channel
l' = l ± 1,

    A^{ij}(l, ψ, l') = Σ_{m'} ⟨ψ|n̂^i|l' m'⟩⟨l' m'|n̂^j|ψ⟩,        n̂ = x/r.

The m-averaged, one-component rule of :mod:`hydrogen.spectrum` has the weights
x2 = ρ · l_>/(3(2l+1)), l_> = max(l, l'), which is how ρ is recovered from it. A is built
from the closed forms of ⟨l±1, m'|cos θ|l m⟩ and ⟨l±1, m±1|sin θ e^{±iφ}|l m⟩
(Condon-Shortley phases; Bethe & Salpeter Eqs. (60.7)-(60.12)); tests compare it with
sympy integrals of spherical harmonics.

Complex m ≠ 0 states have a non-symmetric p^{ij}: its antisymmetric part is imaginary and
∝ m (sum rule (C3): Σ' p^{ij}ΔE = -δ^{ij}/2 + (i/2)ε^{ijk}⟨L^k⟩ in atomic units). It is
kept throughout; the paper's λ^{ijkl} and λ^{ijlk} (Appendix B) see it.

Conventions: ΔE = E_n - E_m' (the paper's ΔE_nm, hartree; negative for upward transitions);
the polarisability tensor is the standard positive one,
α^{ij}(iu) = Σ' [p^{ij}/(ω - iu) + p^{ji}/(ω + iu)], ω = -ΔE (α^{ij}(0) of 1s is (9/2)δ^{ij}
bohr³; the paper's α_n^{ij} of Eq. (11) is -α^{ij}/(α³) in natural units, see
:mod:`hydrogen.sums`). The quantisation axis of m is z.

Singular sums raise :class:`hydrogen.spectrum.SingularSumError`: a static sum over a level
degenerate with the state (2s for 2p: ΔE = 0) unless ``exclude_degenerate=True``; a pair
sum with an intermediate pair degenerate with the initial pair (ΔE₁ + ΔE₂ = 0, e.g.
|2p, 1s⟩ for the pair 1s-2p, or |4d, 4d⟩ for 4f-4f) unless ``exclude_resonant=True`` (the
second-order sum of degenerate perturbation theory, docs/anystate.md); and, even then, a
downward transition of one atom that can ionise the other (2p -> 1s for 2p-2p, 2s-2p: the
pair lies in a continuum, the sum is a principal value plus an imaginary part). Sums of
functions without a pole at ΔE₁ + ΔE₂ = 0 skip both checks (``check_resonance=False``). Resonances are decided on the
integer quantum numbers of the discrete levels, not on rounded energies.
"""
from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from .spectrum import DISCRETE, SingularSumError, check_state, spectral_rule
from .states import State, parse_state
from .sums import expectation_r2

__all__ = ["TensorState", "tensor_state", "angular_matrix", "angular_tensor", "TensorRule",
           "tensor_rule", "dipole_tensor_sum", "polarizability_tensor", "pair_tensor_sum",
           "orbital_moment", "quadratic_moment", "diamagnetic_polarizability", "ORBITALS"]

_SQ2 = np.sqrt(2.0)

#: Real orbitals: name -> (l, real index μ); μ > 0 ∝ cos(μφ), μ < 0 ∝ sin(|μ|φ), μ = 0 the
#: m = 0 state (Y_lμ^real of the usual real spherical harmonics, Condon-Shortley phases).
ORBITALS = {"x": (1, 1), "y": (1, -1), "z": (1, 0),
            "xz": (2, 1), "yz": (2, -1), "z2": (2, 0), "x2-y2": (2, 2), "xy": (2, -2)}


@dataclass(frozen=True)
class TensorState:
    """A bound hydrogen state ψ = Σ_m c_m |n l m⟩ of one level (a complex m state or a
    real orbital), quantisation axis z.

    Attributes
    ----------
    n, l : int
        The level.
    coeffs : tuple of complex
        c_m for m = -l … l, normalised.
    name : str
        Label, e.g. '2p(m=1)', '2p_x', '1s'.
    """

    n: int
    l: int
    coeffs: tuple
    name: str

    @property
    def level(self) -> State:
        """The level |n l⟩ (m summed), as used by :func:`hydrogen.spectrum.spectral_rule`."""
        return State(self.n, self.l)

    @property
    def c(self) -> np.ndarray:
        """The coefficients c_m, m = -l … l (complex array)."""
        return np.array(self.coeffs, dtype=complex)


def _real_orbital(l: int, mu: int) -> np.ndarray:
    """Coefficients of the real spherical harmonic Y_lμ (Condon-Shortley Y_l^m)."""
    c = np.zeros(2 * l + 1, complex)
    if mu == 0:
        c[l] = 1.0
    elif mu > 0:          # (Y^{-μ} + (-1)^μ Y^{μ})/√2 ∝ cos(μφ)
        c[l - mu] = 1 / _SQ2
        c[l + mu] = (-1) ** mu / _SQ2
    else:                 # i(Y^{-|μ|} - (-1)^|μ| Y^{|μ|})/√2 ∝ sin(|μ|φ)
        a = -mu
        c[l - a] = 1j / _SQ2
        c[l + a] = -1j * (-1) ** a / _SQ2
    return c


def tensor_state(state, m=None, orbital=None) -> TensorState:
    """Validate a state with its magnetic sublevel (or real orbital).

    Parameters
    ----------
    state : str or tuple or State or TensorState
        "2p", (2, 1), (2, 1, m), State(2, 1, m), or a label with a real orbital
        "2p_x", "3d_xy" (names in :data:`ORBITALS`).
    m : int, optional
        Magnetic quantum number (axis z), |m| <= l; required for l > 0 unless the state
        carries it (tuple, State, orbital label). S states need none.
    orbital : str, optional
        Real orbital name ("x", "y", "z" for p; "xy", "yz", "xz", "x2-y2", "z2" for d).

    Returns
    -------
    TensorState

    Examples
    --------
    >>> tensor_state("2p", m=1).name
    '2p(m=1)'
    >>> tensor_state("2p_x").c.round(6).tolist()
    [(0.707107+0j), 0j, (-0.707107+0j)]
    >>> tensor_state("2p")
    Traceback (most recent call last):
    ...
    ValueError: m: state 2p has l = 1; give its magnetic quantum number m (|m| <= 1, axis z) or a real orbital such as '2p_x'
    """
    if isinstance(state, TensorState):
        if m is not None or orbital is not None:
            raise ValueError("m/orbital: the state already fixes its sublevel")
        return state
    if isinstance(state, str) and "_" in state:
        if orbital is not None:
            raise ValueError(f"orbital: given twice ({state!r} and {orbital!r})")
        state, orbital = state.split("_", 1)
    st = parse_state(state)
    if st.m is not None:
        if m is not None and m != st.m:
            raise ValueError(f"m: state {state!r} has m = {st.m}, but m = {m!r} was given")
        m = st.m
    st = check_state(State(st.n, st.l), "state")
    if orbital is not None:
        if m is not None:
            raise ValueError("m/orbital: give either m or a real orbital, not both")
        key = str(orbital).strip().lower()
        if key not in ORBITALS or ORBITALS[key][0] != st.l:
            allowed = [k for k, (l, _) in ORBITALS.items() if l == st.l]
            raise ValueError(f"orbital: {orbital!r} is not a real orbital of an l = {st.l} state; "
                             f"allowed: {allowed}")
        c = _real_orbital(st.l, ORBITALS[key][1])
        return TensorState(st.n, st.l, tuple(c), f"{st.label}_{key}")
    if m is None:
        if st.l > 0:
            raise ValueError(f"m: state {st.label} has l = {st.l}; give its magnetic quantum "
                             f"number m (|m| <= {st.l}, axis z) or a real orbital such as "
                             f"'{st.label}_{'x' if st.l == 1 else 'xy'}'")
        m = 0
    m = State(st.n, st.l, m).m                      # validates |m| <= l, integer
    c = np.zeros(2 * st.l + 1, complex)
    c[st.l + m] = 1.0
    name = st.label if st.l == 0 else f"{st.label}(m={m})"
    return TensorState(st.n, st.l, tuple(c), name)


def angular_matrix(l: int, l2: int) -> np.ndarray:
    """⟨l2 m'|n̂^i|l m⟩ for all m', m: shape (2l2+1, 2l+1, 3), complex, l2 = l ± 1.

    Closed forms (Condon-Shortley phases), n̂ = (sin θ cos φ, sin θ sin φ, cos θ):
    ⟨l+1, m|cos θ|l m⟩ = √[((l+1)² - m²)/((2l+1)(2l+3))],
    ⟨l-1, m|cos θ|l m⟩ = √[(l² - m²)/((2l-1)(2l+1))],
    ⟨l+1, m+1|sin θ e^{iφ}|l m⟩ = -√[(l+m+1)(l+m+2)/((2l+1)(2l+3))],
    ⟨l-1, m+1|sin θ e^{iφ}|l m⟩ = √[(l-m)(l-m-1)/((2l-1)(2l+1))],
    ⟨l+1, m-1|sin θ e^{-iφ}|l m⟩ = √[(l-m+1)(l-m+2)/((2l+1)(2l+3))],
    ⟨l-1, m-1|sin θ e^{-iφ}|l m⟩ = -√[(l+m)(l+m-1)/((2l-1)(2l+1))].

    Parameters
    ----------
    l, l2 : int
        Angular momenta, l >= 0, l2 = l ± 1 >= 0.

    Returns
    -------
    ndarray, shape (2 l2 + 1, 2 l + 1, 3), complex (dimensionless).

    Examples
    --------
    >>> v = angular_matrix(0, 1)                      # ⟨1 0|cos θ|0 0⟩ = 1/√3
    >>> round(float(v[1, 0, 2].real), 12)
    0.57735026919
    """
    if l2 not in (l - 1, l + 1) or l2 < 0 or l < 0:
        raise ValueError(f"l2 must be l ± 1 >= 0 (dipole selection rule); got l={l}, l2={l2}")
    out = np.zeros((2 * l2 + 1, 2 * l + 1, 3), complex)
    for m in range(-l, l + 1):
        if l2 == l + 1:
            den = (2 * l + 1) * (2 * l + 3)
            z = np.sqrt(((l + 1) ** 2 - m * m) / den)
            up = -np.sqrt((l + m + 1) * (l + m + 2) / den)       # sinθ e^{iφ}, m' = m + 1
            dn = np.sqrt((l - m + 1) * (l - m + 2) / den)        # sinθ e^{-iφ}, m' = m - 1
        else:
            den = (2 * l - 1) * (2 * l + 1)
            z = np.sqrt((l * l - m * m) / den)
            up = np.sqrt((l - m) * (l - m - 1) / den)
            dn = -np.sqrt((l + m) * (l + m - 1) / den)
        if abs(m) <= l2:
            out[l2 + m, l + m, 2] = z
        # sinθ cosφ = (e⁺ + e⁻)/2, sinθ sinφ = (e⁺ - e⁻)/(2i)
        if abs(m + 1) <= l2:
            out[l2 + m + 1, l + m, 0] += up / 2
            out[l2 + m + 1, l + m, 1] += up / 2j
        if abs(m - 1) <= l2:
            out[l2 + m - 1, l + m, 0] += dn / 2
            out[l2 + m - 1, l + m, 1] -= dn / 2j
    return out


def angular_tensor(state: TensorState, l2: int) -> np.ndarray:
    """A^{ij} = Σ_{m'} ⟨ψ|n̂^i|l2 m'⟩⟨l2 m'|n̂^j|ψ⟩ of one channel (3×3, Hermitian).

    Parameters
    ----------
    state : TensorState
        ψ (:func:`tensor_state`).
    l2 : int
        The channel, l ± 1.

    Returns
    -------
    ndarray (3, 3) complex, dimensionless; its trace is l_>/(2l+1), l_> = max(l, l2).

    Examples
    --------
    >>> A = angular_tensor(tensor_state("1s"), 1)       # isotropic: δ^{ij}/3
    >>> np.allclose(A, np.eye(3) / 3, rtol=0, atol=1e-15)
    True
    """
    w = np.einsum("pmi,m->pi", angular_matrix(state.l, l2), state.c)   # ⟨l2 m'|n̂^i|ψ⟩
    return np.einsum("pi,pj->ij", w.conj(), w)


@dataclass(frozen=True, eq=False)
class _Channel:
    l2: int
    A: np.ndarray        # angular tensor (3, 3) complex
    dE: np.ndarray       # ΔE = E_n - E_m, hartree
    rho: np.ndarray      # radial weights, bohr²
    kind: np.ndarray
    n2: np.ndarray       # principal quantum number of discrete nodes (0 otherwise)


@dataclass(frozen=True, eq=False)
class TensorRule:
    """The spectral rule of a state split into its dipole channels l' = l ± 1.

    p^{ij} of node j of channel c is ``channels[c].rho[j] * channels[c].A``; Σ over all
    nodes is the complete sum over intermediate states (discrete, Rydberg tail,
    continuum) of :func:`hydrogen.spectrum.spectral_rule`, with its error estimate
    ``error``.

    Attributes
    ----------
    state : TensorState
    channels : tuple
        One record per channel with fields l2, A (3×3), dE (hartree), rho (bohr²), kind,
        n2.
    error : float
        Relative error estimate of the underlying rule.
    """

    state: TensorState
    channels: tuple
    error: float

    def restricted(self, keep) -> "TensorRule":
        """The rule with only the nodes where ``keep(channel) -> bool array`` is true
        (for tests against truncated explicit sums)."""
        chans = []
        for ch in self.channels:
            k = np.asarray(keep(ch), bool)
            chans.append(_Channel(ch.l2, ch.A, ch.dE[k], ch.rho[k], ch.kind[k], ch.n2[k]))
        return TensorRule(self.state, tuple(chans), self.error)

    def degenerate(self, ch) -> np.ndarray:
        """Discrete nodes of channel ``ch`` in the level of the state itself (ΔE = 0)."""
        return (ch.kind == DISCRETE) & (ch.n2 == self.state.n)


def tensor_rule(state, m=None, orbital=None) -> TensorRule:
    """The :class:`TensorRule` of a state |n l m⟩ (or real orbital).

    Parameters
    ----------
    state, m, orbital
        As for :func:`tensor_state`.

    Returns
    -------
    TensorRule

    Examples
    --------
    >>> r = tensor_rule("2p", m=0)
    >>> [ch.l2 for ch in r.channels]
    [0, 2]
    """
    st = tensor_state(state, m, orbital)
    rule = spectral_rule(st.level)
    chans = []
    for l2 in sorted(set(int(v) for v in np.unique(rule.l2))):
        sel = rule.l2 == l2
        ang = max(st.l, l2) / (3.0 * (2 * st.l + 1))
        A = angular_tensor(st, l2)
        A.setflags(write=False)
        chans.append(_Channel(l2, A, rule.dE[sel], rule.x2[sel] / ang, rule.kind[sel],
                              rule.n2[sel]))
    return TensorRule(st, tuple(chans), float(rule.error))


def _as_rule(state, name) -> TensorRule:
    if isinstance(state, TensorRule):
        return state
    try:
        return tensor_rule(state)
    except ValueError as exc:
        raise type(exc)(f"{name}: {exc}") from None


def dipole_tensor_sum(state, func, *, exclude_degenerate=False) -> np.ndarray:
    """Σ'_m p^{ij}(m) func(ΔE_m) over all intermediate states (3×3 complex), Eqs. (11), (C1)-(C4).

    Parameters
    ----------
    state : TensorState or TensorRule or label
        The atom (l > 0 needs m: use :func:`tensor_state` or :func:`tensor_rule`).
    func : callable
        func(ΔE) vectorised, ΔE = E_n - E_m in hartree; must be finite at ΔE = 0 unless
        ``exclude_degenerate``.
    exclude_degenerate : bool
        Leave out the level degenerate with the state (2s for 2p).

    Returns
    -------
    ndarray (3, 3) complex, bohr² × [func].

    Examples
    --------
    >>> S = dipole_tensor_sum(tensor_rule("2p", m=1), lambda e: e)    # (C3): i m/2 ε^{xyz}
    >>> complex(S[0, 1]).imag.__round__(10), float(S[0, 0].real).__round__(10)
    (0.5, -0.5)
    """
    r = _as_rule(state, "state")
    out = np.zeros((3, 3), complex)
    for ch in r.channels:
        keep = ~r.degenerate(ch) if exclude_degenerate else np.ones(ch.dE.size, bool)
        out += np.sum(ch.rho[keep] * func(ch.dE[keep])) * ch.A
    return out


def polarizability_tensor(state, u=0.0, *, exclude_degenerate=False) -> np.ndarray:
    """Tensor polarizability α^{ij}(iu) = Σ' [p^{ij}/(ω - iu) + p^{ji}/(ω + iu)], bohr³.

    = Σ' 2[ω Re p^{ij} - u Im p^{ij}]/(ω² + u²), ω = -ΔE (standard sign: α(1s) = 9/2 δ^{ij});
    the static α^{ij}(0) is the (symmetric) tensor of Eq. (11) up to the paper's sign and
    units (module docstring). Real; its antisymmetric part is odd in u and ∝ m.

    Parameters
    ----------
    state : TensorState or TensorRule or label
    u : float or array_like
        Imaginary frequency u >= 0 (hartree).
    exclude_degenerate : bool
        Leave out the level degenerate with the state (needed at u = 0 for 2p, 3d, …;
        the result is then lim_{u→0+} of the sum over the other levels).

    Returns
    -------
    ndarray, shape u.shape + (3, 3), bohr³.

    Raises
    ------
    SingularSumError
        u = 0 and a level is degenerate with the state (ΔE = 0), unless excluded.

    Examples
    --------
    >>> a = polarizability_tensor(tensor_rule("1s"))
    >>> round(float(a[2, 2]), 12), round(float(a[0, 1]), 12)
    (4.5, 0.0)
    """
    r = _as_rule(state, "state")
    uu = np.asarray(u, dtype=float)
    if not np.all(np.isfinite(uu)) or np.any(uu < 0):
        raise ValueError(f"u must be finite and >= 0 (imaginary frequency, hartree); got {u!r}")
    out = np.zeros(uu.shape + (3, 3))
    for ch in r.channels:
        deg = r.degenerate(ch)
        if np.any(deg) and np.any(uu == 0) and not exclude_degenerate:
            raise SingularSumError(
                f"the static polarizability of {r.state.name} is singular: the level "
                f"{State(r.state.n, ch.l2).label} is degenerate with it (ΔE = 0) in the "
                "nonrelativistic Coulomb spectrum; pass exclude_degenerate=True for the sum "
                "over the other levels, or u > 0")
        keep = ~deg if exclude_degenerate else np.ones(ch.dE.size, bool)
        w, rho = -ch.dE[keep], ch.rho[keep]
        uf = uu.reshape(-1, 1)
        with np.errstate(divide="ignore", invalid="ignore"):
            den = w * w + uf * uf
            g_re = np.where(den > 0, 2 * w / np.where(den > 0, den, 1.0), 0.0)
            g_im = np.where(den > 0, -2 * uf / np.where(den > 0, den, 1.0), 0.0)
        s_re = (g_re * rho).sum(axis=1).reshape(uu.shape)
        s_im = (g_im * rho).sum(axis=1).reshape(uu.shape)
        out += s_re[..., None, None] * ch.A.real + s_im[..., None, None] * ch.A.imag
    return out


def _inv_sq(n):
    return Fraction(1, int(n) * int(n))


def _resonance_masks(r1: TensorRule, r2: TensorRule):
    """Per channel pair, the mask of discrete intermediate pairs exactly degenerate with the
    initial pair (E_a + E_b = E_n1 + E_n2, decided on integers); raise for ionising pairs."""
    e0 = _inv_sq(r1.state.n) + _inv_sq(r2.state.n)
    for a, b in ((r1, r2), (r2, r1)):
        for ch in a.channels:
            lower = ch.n2[(ch.kind == DISCRETE) & (ch.n2 < a.state.n)]
            for nl in np.unique(lower):                 # E_n - E_lower >= binding of b?
                if _inv_sq(nl) - _inv_sq(a.state.n) >= _inv_sq(b.state.n):
                    raise SingularSumError(
                        f"pair sum for {r1.state.name}-{r2.state.name}: the downward transition "
                        f"{a.state.name} -> {State(int(nl), ch.l2).label} releases enough energy "
                        f"to ionise {b.state.name}; the pair lies in a continuum and the "
                        "potential has an imaginary part (real ionisation), not supported")
    masks = {}
    for i, c1 in enumerate(r1.channels):
        for j, c2 in enumerate(r2.channels):
            d1 = np.flatnonzero(c1.kind == DISCRETE)
            d2 = np.flatnonzero(c2.kind == DISCRETE)
            m = np.zeros((c1.dE.size, c2.dE.size), bool)
            # candidates on the rounded energies, decided exactly on the integers
            close = np.abs(c1.dE[d1][:, None] + c2.dE[d2][None, :]) < 1e-9
            for a, b in zip(*np.nonzero(close)):
                ia, ib = d1[a], d2[b]
                if _inv_sq(c1.n2[ia]) + _inv_sq(c2.n2[ib]) == e0:
                    m[ia, ib] = True
            masks[i, j] = m
    return masks


def pair_tensor_sum(state1, state2, func, *, exclude_resonant=False,
                    check_resonance=True) -> np.ndarray:
    """Σ'_{m1,m2} p1^{ij} p2^{kl} func(ΔE₁, ΔE₂): the rank-4 pair sum of Eqs. (B7)-(B17).

    Parameters
    ----------
    state1, state2 : TensorState or TensorRule or label
        The atoms (l > 0 needs m).
    func : callable
        func(ΔE₁, ΔE₂) vectorised on arrays of shapes (M1, 1), (1, M2) (hartree); may be
        complex.
    exclude_resonant : bool
        Leave out the discrete intermediate pairs degenerate with the initial pair
        (ΔE₁ + ΔE₂ = 0: |2p, 1s⟩ for 1s-2p): the second-order sum of degenerate
        perturbation theory, in which those pairs belong to the first-order problem.
    check_resonance : bool
        Raise on such pairs and on ionising pairs (default); False for a ``func`` without a
        pole at ΔE₁ + ΔE₂ = 0 (e.g. a polynomial; the caller then answers for finiteness).

    Returns
    -------
    ndarray (3, 3, 3, 3) complex, indices (i, j, k, l), bohr⁴ × [func].

    Raises
    ------
    SingularSumError
        A resonant intermediate pair (unless excluded), or a downward transition of one
        atom that can ionise the other.

    Examples
    --------
    >>> P = pair_tensor_sum(tensor_rule("1s"), tensor_rule("1s"), lambda a, b: 1 / (a + b))
    >>> round(float(-6 * np.einsum("iikk->", P).real / 9), 10)   # C6(1s, 1s), Eq. (32)
    6.4990267054
    """
    r1, r2 = _as_rule(state1, "state1"), _as_rule(state2, "state2")
    if check_resonance or exclude_resonant:
        masks = _resonance_masks(r1, r2)
    else:
        masks = {(i, j): np.zeros((c1.dE.size, c2.dE.size), bool)
                 for i, c1 in enumerate(r1.channels) for j, c2 in enumerate(r2.channels)}
    out = np.zeros((3, 3, 3, 3), complex)
    for i, c1 in enumerate(r1.channels):
        for j, c2 in enumerate(r2.channels):
            res = masks[i, j]
            if np.any(res) and check_resonance and not exclude_resonant:
                a, b = (int(v[0]) for v in np.nonzero(res))
                raise SingularSumError(
                    f"pair sum for {r1.state.name}-{r2.state.name} is singular: the "
                    f"intermediate pair |{State(int(c1.n2[a]), c1.l2).label}, "
                    f"{State(int(c2.n2[b]), c2.l2).label}⟩ is degenerate with the initial pair "
                    "(ΔE₁ + ΔE₂ = 0), coupled to it at first order; pass exclude_resonant=True "
                    "for the second-order sum over the other pairs (docs/anystate.md)")
            a, b = c1.dE[:, None], c2.dE[None, :]
            with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
                f = np.asarray(func(a, b))
            if exclude_resonant:
                f = np.where(res, 0.0, f)
            s = np.sum(c1.rho[:, None] * c2.rho[None, :] * f)
            out += s * np.einsum("ij,kl->ijkl", c1.A, c2.A)
    return out


def _lm_matrices(l: int) -> tuple:
    """L_x, L_y, L_z in the basis m = -l … l (ħ = 1)."""
    m = np.arange(-l, l + 1)
    lp = np.zeros((2 * l + 1, 2 * l + 1))
    for i, mm in enumerate(m[:-1]):
        lp[i + 1, i] = np.sqrt((l - mm) * (l + mm + 1))       # ⟨m+1|L+|m⟩
    lx = (lp + lp.T) / 2
    ly = (lp - lp.T) / 2j
    return lx, ly, np.diag(m).astype(float)


def orbital_moment(state) -> np.ndarray:
    """⟨ψ|L|ψ⟩ (units of ħ), the orbital part of ⟨μ⟩ = ⟨L + 2S⟩ in Eqs. (35), (44).

    Parameters
    ----------
    state : TensorState or label (with m or orbital)

    Returns
    -------
    ndarray (3,), real.

    Examples
    --------
    >>> orbital_moment(tensor_state("2p", m=-1)).tolist()
    [0.0, 0.0, -1.0]
    """
    st = state.state if isinstance(state, TensorRule) else tensor_state(state)
    c = st.c
    return np.array([float(np.real(c.conj() @ L @ c)) for L in _lm_matrices(st.l)]) + 0.0


def quadratic_moment(state) -> np.ndarray:
    """⟨ψ|x^i x^j|ψ⟩ (bohr²), exact: ⟨r²⟩_{nl} Σ_{l'} A^{ij}(l') (completeness in l'), (C1).

    Parameters
    ----------
    state : TensorState or label (with m or orbital)

    Returns
    -------
    ndarray (3, 3) real symmetric, bohr²; trace ⟨r²⟩ = n²(5n² + 1 - 3l(l+1))/2.

    Examples
    --------
    >>> np.round(quadratic_moment("1s"), 12).tolist()[0]
    [1.0, 0.0, 0.0]
    """
    st = state.state if isinstance(state, TensorRule) else tensor_state(state)
    ang = sum(angular_tensor(st, l2) for l2 in (st.l - 1, st.l + 1) if l2 >= 0)
    return expectation_r2(st.n, st.l) * ang.real


def diamagnetic_polarizability(state, alpha) -> np.ndarray:
    """Diamagnetic magnetic polarizability β^{ij} = -(α²/4)⟨r²δ^{ij} - x^i x^j⟩, bohr³.

    From the A² term of the electron's coupling, e²A²/2m with A = B×x/2: the energy
    (α²/8)⟨(B×x)²⟩ = -β^{ij}B^iB^j/2 (Gaussian-type units, magnetic field in atomic units
    of e/(a₀² ... ) × α as for α^{ij}; β(1s) = -α²/2 bohr³). The paramagnetic (Van Vleck)
    part Σ' p_B/ΔE of Eq. (11) vanishes for Coulomb hydrogen except on the degenerate
    sublevels of the level itself (μ = L + 2S commutes with the radial motion), where it
    is the first-order Zeeman energy, not a polarizability: it is not included.

    Parameters
    ----------
    state : TensorState or label (with m or orbital)
    alpha : float
        The fine-structure constant (:data:`weft.units.ALPHA`; hydrogen holds no constants).

    Returns
    -------
    ndarray (3, 3), bohr³ (negative definite).

    Examples
    --------
    >>> round(float(diamagnetic_polarizability("1s", 0.1)[2, 2]), 12)     # -α²⟨r²⟩/6
    -0.005
    """
    q = quadratic_moment(state)
    return -(alpha ** 2 / 4.0) * (np.trace(q) * np.eye(3) - q)
