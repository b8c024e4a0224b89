"""State sums on the spectral rule: polarizabilities, oscillator sums, C6, Eq. (36).

All quantities in atomic units (hartree, bohr). Relation to the paper's notation (natural
units, e² = 4πα, ΔE_nm = E_n - E_m): for an S state p_E(n,m)^{ij} = e² x2_m δ^{ij}, and

* Eq. (11): α_n^{paper} = (1/2π) Σ' p_E/ΔE_nm = -(e²/4π) α_n, i.e. -α_n for e² = 4π (a.u.):
  the opposite sign of the standard α_n, negative for the ground state, where every
  ΔE_nm < 0; products α₁α₂ are unaffected;
* Eq. (37): F_E(ω) = Σ' p_E 2ΔE_nm/(ΔE_nm² - ω²) = -e² α_n(ω);
* Eq. (32): C6 = -(3/8π²) Σ' p_E p_E/(ΔE₁ + ΔE₂) = 6 Σ x2₁ x2₂ / (ω₁ + ω₂)  [e² = 4π, a.u.].

Here α_n(ω) = Σ_j f_j/(ω_j² - ω²) is the standard positive polarizability (α(1s) = 9/2
bohr³), with ω_j = E_m - E_n and oscillator strengths f_j = 2 ω_j x2_j.
"""
from __future__ import annotations

import numpy as np

from .spectrum import (DISCRETE, SingularSumError, SpectralRule, check_state, spectral_rule,
                       transition_rule)
from .states import _as_int, _check_nl, parse_state

__all__ = ["polarizability", "oscillator_sum", "C6", "london_nlo_sum", "pair_sum",
           "sum_rules", "expectation_r2", "expectation_p2", "C6_exchange", "exchange_nlo_sum",
           "transition_sum_rules"]


#: Largest |omega| (hartree) accepted: α falls as 1/ω², which would underflow beyond.
OMEGA_MAX = 1e100


def _check_omega(rule: SpectralRule, omega: np.ndarray) -> None:
    if not np.all(np.isfinite(omega)):
        raise ValueError("omega must be finite (real, or complex such as 1j*u)")
    if np.any(np.abs(omega) > OMEGA_MAX):
        raise ValueError(f"omega: |omega| must be <= {OMEGA_MAX:g} hartree (α(ω) ~ -S(0)/ω² "
                         f"would underflow); got {omega[np.abs(omega) > OMEGA_MAX].ravel()[0]!r}")
    w = np.abs(rule.omega[~rule.degenerate])
    first = w.min()
    bad = np.abs(omega.real) >= first
    if np.any(bad):
        raise ValueError(
            f"omega: |Re(omega)| must stay below the first resonance of {rule.state.label} "
            f"(|E_m - E_n| = {first:.12g} hartree); got {omega[bad].ravel()[0]!r}")
    if np.any(rule.degenerate) and np.any(omega == 0):
        raise SingularSumError(
            f"the static polarizability of {rule.state.label} is singular: level(s) "
            f"{', '.join(rule.degenerate_labels())} are degenerate with it in the "
            "nonrelativistic Coulomb spectrum (ΔE = 0); pass level_shifts (e.g. a Lamb "
            "shift) or use omega != 0")


def polarizability(state, omega=0.0, *, level_shifts=None):
    """Dipole polarizability α_n(ω), Eq. (11) (ω = 0) and the form factor of Eq. (37).

    α_n(ω) = Σ'_m f_nm/(ω_nm² - ω²), positive convention (α(1s) = 9/2 bohr³); the paper's
    F_E(ω) of Eq. (37) is -e² α_n(ω) and its α_n of Eq. (11) is F_E(0)/(4π) =
    -(e²/4π) α_n(0), i.e. -α_n(0) in atomic units (e² = 4π; docs/theory.md).

    Parameters
    ----------
    state : str or tuple
        S state or any (n, l) state (m-averaged scalar polarizability), e.g. "1s";
        1 <= n <= N_STATE_MAX = 1000 (checked first).
    omega : float or complex or array_like
        Frequency in hartree: real below the first resonance, or imaginary ω = iu
        (any u), or complex with |Re ω| below the first resonance.
    level_shifts : dict, optional
        Extra level energies (hartree), see :func:`hydrogen.spectrum.spectral_rule`.

    Returns
    -------
    float or ndarray
        α in bohr³ (real for real or imaginary ω), same shape as ``omega``.

    Examples
    --------
    >>> round(float(polarizability("1s")), 12)
    4.5
    """
    rule = spectral_rule(state, level_shifts=level_shifts)
    om = np.asarray(omega)
    if om.dtype.kind not in "iufc":
        raise TypeError("omega must be a number or an array of numbers")
    _check_omega(rule, om)
    keep = ~rule.degenerate            # f = 0 there; the ω = 0 case was rejected above
    w, f = rule.omega[keep], rule.f[keep]
    z2 = (om * om).ravel()
    out = np.empty(z2.shape, dtype=complex if np.iscomplexobj(z2) else float)
    for start in range(0, z2.size, 2048):     # bounded memory for long arrays of ω
        chunk = z2[start:start + 2048]
        out[start:start + 2048] = (f / (w * w - chunk[:, None])).sum(axis=1)
    if np.iscomplexobj(out) and np.all(om.real * om.imag == 0):
        out = out.real                   # ω real or purely imaginary: α is real
    out = out.reshape(om.shape)
    return out[()] if out.ndim == 0 else out


def oscillator_sum(state, k, *, level_shifts=None) -> float:
    """S(k) = Σ'_m f_nm ω_nm^k (Appendix C sums; ω_nm = E_m - E_n in hartree).

    For 1s: S(-2) = α = 9/2, S(-1) = 2, S(0) = 1 (TRK, Eq. (C2)), S(1) = 2/3 (Eq. (C4)),
    S(2) = 4/3. S(k) diverges for k >= 5/2 + l (the oscillator-strength density falls as
    E^{-(7/2 + l)}).

    Parameters
    ----------
    state : str or tuple
        Any (n, l) state, e.g. "1s", 1 <= n <= N_STATE_MAX.
    k : int
        Power of the excitation energy, integer (downward transitions have ω < 0).
    level_shifts : dict, optional
        Extra level energies (hartree), see :func:`hydrogen.spectrum.spectral_rule`.

    Returns
    -------
    float
        S(k) in hartree^k.

    Examples
    --------
    >>> round(oscillator_sum("1s", 0), 12)
    1.0
    """
    st = parse_state(state)
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)):
        raise ValueError(f"k must be an integer, got {k!r}")
    if k >= 2.5 + st.l:   # f ω^k ~ E^{k - 7/2 - l}: integrable iff k < 5/2 + l
        raise ValueError(f"k: S(k) diverges for k >= {2.5 + st.l} for an l = {st.l} state; got {k}")
    rule = spectral_rule(st, level_shifts=level_shifts)
    p = k + 1                          # f ω^k = 2 x2 ω^(k+1)
    if p < 0 and np.any(rule.degenerate):
        raise SingularSumError(
            f"S({k}) of {rule.state.label} is singular: level(s) "
            f"{', '.join(rule.degenerate_labels())} are degenerate with it (ω = 0)")
    keep = ~rule.degenerate if p < 0 else slice(None)
    return float(np.sum(2.0 * rule.x2[keep] * rule.omega[keep] ** p))


def pair_sum(state1, state2, func, *, level_shifts=None, check_resonance=True):
    """Σ'_{m1,m2} x2₁ x2₂ func(ΔE₁, ΔE₂) over the intermediate states of two atoms.

    The generic double state sum of Eqs. (23)-(25), (31)-(36), (40)-(42), (62), with
    ΔE_i = E_{n_i} - E_{m_i} in hartree (the paper's sign). ``func`` must be vectorised;
    it receives broadcastable arrays of shapes (M1, 1) and (1, M2). Like :func:`C6`, the
    sum first rejects pairs of states with an intermediate pair at the pole ΔE₁ + ΔE₂ = 0
    of the energy denominators of those equations (exactly resonant discrete levels, both
    atoms with a degenerate level) or with a downward transition of one atom that can
    ionise the other (real ionisation: the sum is then a principal value plus an
    imaginary part). ``check_resonance=False`` skips that check, for a ``func`` without a
    pole at ΔE₁ + ΔE₂ = 0 (e.g. ``lambda a, b: a * b``); the finiteness of the sum is then
    the caller's responsibility.

    Parameters
    ----------
    state1, state2 : str or tuple
        The two atoms' states (as for :func:`hydrogen.spectrum.spectral_rule`).
    func : callable
        func(ΔE₁, ΔE₂) -> array, vectorised, energies in hartree.
    level_shifts : dict, optional
        Extra level energies (hartree), applied to both atoms' rules, see
        :func:`hydrogen.spectrum.spectral_rule`.
    check_resonance : bool, optional
        Reject resonant pairs (default True), as :func:`C6` does.

    Returns
    -------
    numpy scalar
        The sum, in bohr⁴ × [func] (x2 = Σ_m |⟨m|x|n⟩|² in bohr² per atom).

    Raises
    ------
    SingularSumError
        ``check_resonance`` is true and an intermediate pair is resonant
        (ΔE₁ + ΔE₂ = 0), or a downward transition of one atom can ionise the other.

    Examples
    --------
    >>> round(float(-6 * pair_sum("1s", "1s", lambda a, b: 1 / (a + b))), 10)   # C6, Eq. (32)
    6.4990267054
    >>> pair_sum("2s", "2s", lambda a, b: 1 / (a + b))
    Traceback (most recent call last):
    ...
    hydrogen.spectrum.SingularSumError: pair sum for 2s-2s is singular: an intermediate pair is exactly resonant (ΔE₁ + ΔE₂ = 0) in the Coulomb spectrum
    >>> round(float(pair_sum("2s", "2s", lambda a, b: a * b, check_resonance=False)), 12)
    0.25
    """
    r1 = spectral_rule(state1, level_shifts=level_shifts)
    r2 = spectral_rule(state2, level_shifts=level_shifts)
    if check_resonance:
        _check_resonance(r1, r2)
    return np.sum(r1.x2[:, None] * r2.x2[None, :] * func(r1.dE[:, None], r2.dE[None, :]))


def _check_resonance(r1: SpectralRule, r2: SpectralRule) -> None:
    """Reject pair sums with a pole ΔE₁ + ΔE₂ = 0 (exact, or inside a continuum)."""
    total = r1.dE[:, None] + r2.dE[None, :]
    disc = (r1.kind == 0)[:, None] & (r2.kind == 0)[None, :]
    both_deg = r1.degenerate[:, None] & r2.degenerate[None, :]
    if np.any((total == 0) & disc & ~both_deg) or np.any(both_deg):
        raise SingularSumError(
            f"pair sum for {r1.state.label}-{r2.state.label} is singular: an intermediate "
            "pair is exactly resonant (ΔE₁ + ΔE₂ = 0) in the Coulomb spectrum")
    for a, b in ((r1, r2), (r2, r1)):
        down = a.dE[a.kind == 0]
        if down.size and down.max() > 0 and down.max() >= 0.5 / b.state.n ** 2:
            raise SingularSumError(
                f"pair sum for {r1.state.label}-{r2.state.label}: a downward transition of "
                f"{a.state.label} releases enough energy to ionise {b.state.label}; the "
                "potential then has an imaginary part (real ionisation), not supported")


def C6(state1, state2=None, *, level_shifts=None) -> float:
    """London coefficient C6 of Eqs. (1), (32), in hartree·bohr⁶.

    C6 = -(3/8π²) Σ' p_E(n1,m1) p_E(n2,m2)/(ΔE₁ + ΔE₂) = 6 Σ x2₁ x2₂/(ω₁ + ω₂)
    (atomic units, e² = 4π), valid also for downward transitions (ω < 0) and for levels
    degenerate with the initial state, as long as no intermediate pair is resonant.

    Parameters
    ----------
    state1, state2 : str or tuple
        S states (state2 defaults to state1), 1 <= n <= N_STATE_MAX = 1000 (both are
        checked before anything is computed). Cost: ~1 ms (1s) to ~0.2 s (n = 1000) for
        each new state, then cached.
    level_shifts : dict, optional
        Extra level energies (hartree), applied to both atoms' rules, see
        :func:`hydrogen.spectrum.spectral_rule`.

    Returns
    -------
    float
        C6 in hartree·bohr⁶ (W = -C6/R⁶).

    Raises
    ------
    SingularSumError
        An intermediate pair is resonant (ΔE₁ + ΔE₂ = 0) or a downward transition of one
        atom can ionise the other.

    Examples
    --------
    >>> round(C6("1s", "1s"), 10)       # Yan, Babb, Dalgarno, Drake, PRA 54, 2824 (1996)
    6.4990267054
    """
    state2 = state1 if state2 is None else state2
    st1, st2 = check_state(state1, "state1"), check_state(state2, "state2")
    r1 = spectral_rule(st1, level_shifts=level_shifts)
    r2 = spectral_rule(st2, level_shifts=level_shifts)
    _check_resonance(r1, r2)
    return float(-6.0 * np.sum(r1.x2[:, None] * r2.x2[None, :] / (r1.dE[:, None] + r2.dE[None, :])))


def london_nlo_sum(state1, state2=None, *, level_shifts=None) -> float:
    """The state sum of Eq. (36): Σ' x2₁ x2₂ ΔE₁ΔE₂/(ΔE₁ + ΔE₂), in hartree·bohr⁴.

    In atomic units (e² = 4π, c = 1/α) Eq. (36) reads W^(1) = -(2α²/R⁴) × this sum
    (p_E = e² x2 = (4π/α) x2 in natural units, ΔE → α²ΔE, R → R/α, W → α²W).

    Parameters
    ----------
    state1, state2 : str or tuple
        The two atoms' states (state2 defaults to state1).
    level_shifts : dict, optional
        Extra level energies (hartree), see :func:`hydrogen.spectrum.spectral_rule`.

    Returns
    -------
    float
        The sum in hartree·bohr⁴; negative for ground-state atoms (all ΔE < 0), so that
        W^(1) is repulsive (docs/errata.md E2).

    Raises
    ------
    SingularSumError
        An intermediate pair is resonant (ΔE₁ + ΔE₂ = 0) or a downward transition of one
        atom can ionise the other.

    Examples
    --------
    >>> round(london_nlo_sum("1s"), 10)
    -0.2314032694
    """
    state2 = state1 if state2 is None else state2
    r1 = spectral_rule(state1, level_shifts=level_shifts)
    r2 = spectral_rule(state2, level_shifts=level_shifts)
    _check_resonance(r1, r2)
    a, b = r1.dE[:, None], r2.dE[None, :]
    return float(np.sum(r1.x2[:, None] * r2.x2[None, :] * a * b / (a + b)))


def expectation_r2(n: int, l: int) -> float:
    """⟨n l|r²|n l⟩ = n²(5n² + 1 - 3l(l+1))/2 bohr² (Bethe-Salpeter Eq. (3.24)).

    The exact value of the sum rule (C1), Σ' x2 = ⟨r²⟩/3 (:func:`sum_rules`).

    Parameters
    ----------
    n : int
        Principal quantum number, n >= 1.
    l : int
        Orbital angular momentum, 0 <= l < n.

    Returns
    -------
    float
        ⟨r²⟩ in bohr².

    Raises
    ------
    ValueError
        n or l not integers, n < 1, or l outside 0 <= l < n.

    Examples
    --------
    >>> expectation_r2(1, 0)
    3.0
    >>> expectation_r2(2, 1)
    30.0
    """
    n, l = _check_nl(n, l)
    return n * n * (5 * n * n + 1 - 3 * l * (l + 1)) / 2.0


def expectation_p2(n: int) -> float:
    """⟨n|p²|n⟩ = 1/n² (virial theorem, ⟨p²⟩ = -2E_n), atomic units.

    The exact value of the sum rule (C4), Σ' ΔE² x2 = ⟨p²⟩/3 (:func:`sum_rules`); the
    same for every l. The argument is not validated.

    Parameters
    ----------
    n : int
        Principal quantum number, n >= 1.

    Returns
    -------
    float
        ⟨p²⟩ in atomic units (ħ²/a₀², i.e. hartree × m_e).

    Examples
    --------
    >>> expectation_p2(2)
    0.25
    """
    n = _as_int("n", n, 1)
    return 1.0 / n ** 2


def sum_rules(state, *, level_shifts=None) -> dict:
    """Appendix C sum rules evaluated on the spectral rule, with their exact values.

    Returns a dict name -> (computed, exact):

    * "C1": Σ' x2 = ⟨x_i²⟩ = ⟨r²⟩/3 (Eq. (C1); the state itself contributes nothing);
    * "C2": Σ' ΔE x2 = -1/2 (Eq. (C2), m = 1), i.e. TRK Σ f = 1;
    * "C4": Σ' ΔE² x2 = ⟨p_i²⟩ = 1/(3n²) (Eq. (C4));
    * "S2": Σ' f ω² = (4π/3)|ψ(0)|² = 4/(3n³) for S states (Bethe-Salpeter Eq. (61.8)).

    Level shifts break the exact values slightly; they are for the Coulomb spectrum.

    Parameters
    ----------
    state : str or tuple
        Any (n, l) state, e.g. "2s" or "2p" (the "S2" rule only for S states).
    level_shifts : dict, optional
        Extra level energies (hartree), see :func:`hydrogen.spectrum.spectral_rule`.

    Returns
    -------
    dict
        name -> (computed, exact) floats, in bohr² ("C1"), hartree·bohr² ("C2"),
        hartree²·bohr² ("C4"), hartree² ("S2"; f is dimensionless).

    Examples
    --------
    >>> got, exact = sum_rules("2s")["C2"]          # TRK, Eq. (C2)
    >>> abs(got - exact) < 1e-12
    True
    """
    st = parse_state(state)
    rule = spectral_rule(st, level_shifts=level_shifts)
    x2, de = rule.x2, rule.dE
    out = {
        "C1": (float(np.sum(x2)), expectation_r2(st.n, st.l) / 3.0),
        "C2": (float(np.sum(de * x2)), -0.5),
        "C4": (float(np.sum(de * de * x2)), expectation_p2(st.n) / 3.0),
    }
    if st.l == 0:
        out["S2"] = (float(np.sum(rule.f * de * de)), 4.0 / (3.0 * st.n ** 3))
    return out


def transition_sum_rules(bra, ket, *, level_shifts=None) -> dict:
    """The transition sum rules (T0)-(T3) on :func:`hydrogen.spectrum.transition_rule`.

    With the signed weights w_m = ⟨bra|x|m⟩⟨m|x|ket⟩, ε_m = E_m - E_mean and
    Δ = E_ket - E_bra (docs/excited.md §2, from [x, H] = i p_x; exact values for S states
    bra ≠ ket):

    * "T0": Σ w = ⟨bra|x²|ket⟩ = ⟨bra|r²|ket⟩/3  (bohr²);
    * "T1": Σ ε w = ⟨bra|[x,[H,x]]|ket⟩/2 = δ_{bra,ket}/2  (hartree·bohr²);
    * "T2": Σ (ε² - Δ²/4) w = ⟨bra|p_x²|ket⟩ = (2/3)⟨bra|1/r|ket⟩  (hartree²·bohr²);
    * "T3": Σ ε(ε² - Δ²/4) w = ⟨bra|∂²ₓV|ket⟩/2 = (2/3)(n_bra n_ket)^{-3/2}
      (hartree³·bohr²).

    The exact values are not computed here (tests/test_transition.py takes them from
    sympy); this returns the signed sums and their scales.

    Parameters
    ----------
    bra, ket : str or tuple or State
        Levels of equal l, e.g. "1s" and "3s" (as for
        :func:`hydrogen.spectrum.transition_rule`; bra = ket gives the diagonal rule).
    level_shifts : dict, optional
        Extra level energies (hartree), see :func:`hydrogen.spectrum.transition_rule`.

    Returns
    -------
    dict
        name -> (computed, scale) floats in the units above: the signed sum over the rule
        and the same sum of |w g| (the round-off and truncation floor of the signed sum,
        which cancels, is ~1e-16 × scale).

    Examples
    --------
    >>> rules = transition_sum_rules("1s", "2s")
    >>> round(rules["T0"][0], 12)          # ⟨1s|r²|2s⟩/3 = -512√2/729
    -0.99324738537
    >>> round(rules["T3"][0], 12)          # (2/3)(1·2)^{-3/2} = √2/6
    0.235702260396
    >>> got, scale = transition_sum_rules("1s", "3s")["T1"]      # Σ ε w = 0 for bra ≠ ket
    >>> abs(got) < 1e-13 * scale
    True
    """
    rule = transition_rule(bra, ket, level_shifts=level_shifts)
    eps, w, q = -rule.dE, rule.x2, 0.25 * rule.delta ** 2
    gs = {"T0": np.ones_like(eps), "T1": eps, "T2": eps * eps - q, "T3": eps * (eps * eps - q)}
    return {k: (float(np.sum(w * g)), float(np.sum(np.abs(w * g)))) for k, g in gs.items()}


# ---------------------------------------------------------------------------
# Exchange sums of two identical atoms in different levels
# ---------------------------------------------------------------------------

def _exchange_grid(state1, state2, level_shifts):
    """w_i w_j and ε_i + ε_j on the transition rule, with the resonance check."""
    a, b = check_state(state1, "state1"), check_state(state2, "state2")
    if a == b:
        raise ValueError(f"state1, state2: both are {a.label}; the exchange (state-swap) term "
                         "exists only for atoms in different levels")
    if a.l != 0 or b.l != 0:
        raise ValueError(f"state1, state2: exchange sums are implemented for S states, got "
                         f"{a.label} and {b.label}")
    rule = transition_rule(a, b, level_shifts=level_shifts)
    eps = -rule.dE
    total = eps[:, None] + eps[None, :]
    disc = rule.kind == DISCRETE
    if np.any(total <= 0):
        exact = np.any((total == 0) & disc[:, None] & disc[None, :])
        raise SingularSumError(
            f"exchange sum for {a.label}-{b.label} is singular: an intermediate pair |m, m'⟩ lies "
            + ("exactly at" if exact else "at or below")
            + " E_a + E_b (both atoms excited: e.g. |2p, 3p⟩ for 2s-3s), a first-order resonant "
            "(R⁻³) coupling or a real transition, not a van der Waals term")
    return rule, eps, total


def C6_exchange(state1, state2, *, level_shifts=None) -> float:
    """Exchange coefficient X6 of E± = -(C6 ± X6)/R⁶, hartree·bohr⁶ (docs/excited.md).

    For two identical atoms in different S levels a, b the pair states |a, b⟩ and |b, a⟩ are
    degenerate; the second-order dipole-dipole interaction (the London term of Eq. (31))
    has the off-diagonal element H₁₂ = -X6/R⁶ with

        X6 = 6 Σ_{m,m'} w_m w_m' / (ε_m + ε_m'),   w_m = ⟨a|x|m⟩⟨m|x|b⟩,  ε_m = E_m - E_mean,

    (E_mean = (E_a + E_b)/2; ε_m + ε_m' = E_m + E_m' - E_a - E_b) — Eq. (32) with p_E(n,m)
    → e²⟨a|x|m⟩⟨m|x|b⟩. The states (|a,b⟩ ± |b,a⟩)/√2 have E± = -(C6 ± X6)/R⁶, with C6 the
    direct coefficient :func:`hydrogen.sums.C6`.

    Parameters
    ----------
    state1, state2 : str or tuple or State
        Two different S states, e.g. "1s" and "2s" (order irrelevant).
    level_shifts : dict, optional
        Extra level energies (hartree), see :func:`transition_rule`.

    Returns
    -------
    float
        X6 in hartree·bohr⁶.

    Raises
    ------
    ValueError
        Equal states, non-S states.
    SingularSumError
        An intermediate pair degenerate with the initial pair (e.g. 2s-3s: |2p, 3p⟩).

    Examples
    --------
    >>> round(C6_exchange("1s", "2s"), 2)      # Adhikari et al., PRA 95, 022703 (2017): 27.98
    27.98
    """
    rule, _, total = _exchange_grid(state1, state2, level_shifts)
    w = rule.x2
    return float(6.0 * np.sum(w[:, None] * w[None, :] / total))


def exchange_nlo_sum(state1, state2, *, level_shifts=None) -> float:
    """Σ_{m,m'} w_m w_m' ε_m ε_m'/(ε_m + ε_m'), hartree·bohr⁴: the exchange analogue of Eq. (36).

    w_m = ⟨a|x|m⟩⟨m|x|b⟩ and ε_m = E_m - E_mean as in :func:`C6_exchange`. The R⁻⁴ term of
    the exchange element is then H₁₂^(1) = α² [2 × this - X6 Δ²/12] / R⁴ (atomic units,
    c = 1/α, Δ = E_b - E_a; docs/excited.md §3: the O(R²/c²) term of the photon
    propagators, as Eq. (36) is for the direct term, where the state sum of Eq. (36) in
    atomic units is :func:`london_nlo_sum`).

    Parameters
    ----------
    state1, state2 : str or tuple or State
        Two different S states, e.g. "1s" and "2s" (order irrelevant).
    level_shifts : dict, optional
        Extra level energies (hartree), see :func:`hydrogen.spectrum.transition_rule`.

    Returns
    -------
    float
        The sum in hartree·bohr⁴.

    Raises
    ------
    ValueError
        Equal states, non-S states.
    SingularSumError
        An intermediate pair degenerate with the initial pair (e.g. 2s-3s: |2p, 3p⟩).

    Examples
    --------
    >>> round(exchange_nlo_sum("1s", "2s"), 10)
    0.0614036809
    """
    rule, eps, total = _exchange_grid(state1, state2, level_shifts)
    w = rule.x2
    return float(np.sum(w[:, None] * w[None, :] * eps[:, None] * eps[None, :] / total))
