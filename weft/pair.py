"""The pair of atoms: two validated states and what belongs to the pair, built once.

No formula is implemented here (validation and bookkeeping); the branch convention
E± = -(C6 ± X6)/R⁶ below is the one of docs/excited.md (Eq. (32) generalised).

A :class:`Pair` is made at the public boundary (``weft.potential``, ``weft.contributions``,
the ``weft`` command) from whatever the user typed, validated there, and passed down
unchanged: the regime modules take a Pair, their caches key on it, and every error
message about the states comes from here.

* ``state1``, ``state2``: :class:`hydrogen.State` (labels "1s", tuples (n, l) and States
  are accepted; 1 <= n <= hydrogen.spectrum.N_STATE_MAX);
* ``symmetry``: identical atoms in different levels (1s and 2s) have two degenerate pair
  states |1s,2s⟩ and |2s,1s⟩, mixed by the interaction into the branches
  E± = -(C6 ± X6)/R⁶: ``"+"`` or ``"-"`` picks a branch, ``"direct"`` asks for the
  unsymmetrised direct term (the answer for distinguishable atoms such as H-D). For two
  atoms in the same level the only value is None (the default);
* ``spins``: the spin setting of the magnetic terms
  (:func:`weft.matching.magnetic.normalise_spins`), stored in hashable form;
* ``level_shifts``: extra level energies in hartree (e.g. a Lamb shift), stored as a
  sorted tuple ((n, l, shift), ...) (:func:`hydrogen.spectrum.normalise_level_shifts`).
"""
from __future__ import annotations

from dataclasses import dataclass

from hydrogen.spectrum import (SpectralRule, check_state, normalise_level_shifts,
                               require_levels_above, spectral_rule)
from hydrogen.states import State

from .matching.magnetic import normalise_spins

__all__ = ["Pair", "SYMMETRIES", "GROUND", "as_pair"]

#: Values of ``symmetry`` for identical atoms in different levels.
SYMMETRIES = ("+", "-", "direct")


@dataclass(frozen=True, init=False)
class Pair:
    """Two hydrogen atoms: validated states, symmetry, spins and level shifts (hashable).

    Parameters
    ----------
    state1, state2 : str or tuple or State
        The atoms' states, e.g. "1s", (2, 0), State(3, 0); at least one of them 1s (pairs
        with both atoms excited are refused, with the reason).
    symmetry : {None, "+", "-", "direct"}
        Required ("+", "-" or "direct") when the two atoms are in different levels; None
        when they are in the same level (module docstring).
    spins : None, "singlet", ("triplet", M) or {"S1": v1, "S2": v2}
        Spin setting for the magnetic terms (see :func:`weft.matching.magnetic.spin_tensor`).
    level_shifts : dict, optional
        {state: shift in hartree} added to the Coulomb levels (e.g. {"2s": 1.6e-7}).

    Examples
    --------
    >>> Pair("1s", "1s") == Pair((1, 0), State(1, 0))
    True
    >>> Pair("1s", "2s", symmetry="+").symmetry
    '+'
    >>> Pair("1s", "2s")
    Traceback (most recent call last):
    ...
    ValueError: state1 = 1s and state2 = 2s are different levels of identical atoms: the pair states |1s,2s> and |2s,1s> are degenerate and mixed by the interaction; choose the symmetry '+' or '-' (the branches E± = -(C6 ± X6)/R⁶) or 'direct' (distinguishable atoms, e.g. H-D)
    """

    state1: State
    state2: State
    symmetry: str | None
    spins: object
    level_shifts: tuple

    def __init__(self, state1="1s", state2="1s", *, symmetry=None, spins=None,
                 level_shifts=None):
        s1, s2 = check_state(state1, "state1"), check_state(state2, "state2")
        _require_one_ground_state(s1, s2)
        if symmetry is not None and symmetry not in SYMMETRIES:
            raise ValueError(f"symmetry must be None or one of {list(SYMMETRIES)}, got "
                             f"{symmetry!r}")
        same_level = (s1.n, s1.l) == (s2.n, s2.l)
        if same_level and symmetry in ("+", "-"):
            raise ValueError(f"symmetry={symmetry!r}: state1 and state2 are the same level "
                             f"({s1.label}), so there is no exchange degeneracy and one "
                             "potential: no symmetry is needed")
        if not same_level and symmetry is None:
            raise ValueError(
                f"state1 = {s1.label} and state2 = {s2.label} are different levels of "
                f"identical atoms: the pair states |{s1.label},{s2.label}> and "
                f"|{s2.label},{s1.label}> are degenerate and mixed by the interaction; "
                "choose the symmetry '+' or '-' (the branches E± = -(C6 ± X6)/R⁶) or "
                "'direct' (distinguishable atoms, e.g. H-D)")
        object.__setattr__(self, "state1", s1)
        object.__setattr__(self, "state2", s2)
        object.__setattr__(self, "symmetry", None if same_level else symmetry)
        object.__setattr__(self, "spins", normalise_spins(spins))
        object.__setattr__(self, "level_shifts", normalise_level_shifts(level_shifts))

    @property
    def label(self) -> str:
        """'1s-1s', '1s-2s' (with the symmetry, e.g. '1s-2s (+)')."""
        base = f"{self.state1.label}-{self.state2.label}"
        return base if self.symmetry is None else f"{base} ({self.symmetry})"

    @property
    def atoms(self) -> "Pair":
        """The same pair without its spin setting: what the dispersive potentials (and the
        caches of their interpolants) depend on."""
        if self.spins is None:
            return self
        return Pair(self.state1, self.state2, symmetry=self.symmetry,
                    level_shifts=self.level_shifts)

    @property
    def same_level(self) -> bool:
        """True when both atoms are in the same level (n, l)."""
        return (self.state1.n, self.state1.l) == (self.state2.n, self.state2.l)

    def rules(self) -> tuple[SpectralRule, SpectralRule]:
        """The spectral rules of the two atoms (hartree, bohr²), with the level shifts.

        Returns
        -------
        (SpectralRule, SpectralRule)
        """
        return (spectral_rule(self.state1, level_shifts=self.level_shifts),
                spectral_rule(self.state2, level_shifts=self.level_shifts))

    def require_s_waves(self) -> None:
        """Raise unless both atoms are in S states (Secs. IV-VI treat S waves).

        Raises
        ------
        ValueError
        """
        for name, st in (("state1", self.state1), ("state2", self.state2)):
            if st.l != 0:
                raise ValueError(f"{name}: only S-wave states are supported (Secs. IV-VI of "
                                 f"the paper), got {st.label}")

    def require_levels_above(self, what: str) -> None:
        """Raise unless every intermediate level of both atoms lies above them (1s-1s).

        Parameters
        ----------
        what : str
            The formula or regime that needs it, for the message.

        Raises
        ------
        ValueError
        """
        for rule in self.rules():
            require_levels_above(rule, what)


def _require_one_ground_state(a: State, b: State) -> None:
    """Refuse pairs with both atoms excited, naming the reason: |ns, n's⟩ is degenerate
    with |np, n'p⟩, coupled at first order (R⁻³), which needs the hyperfine-resolved
    treatment."""
    if a.n > 1 and b.n > 1:
        raise ValueError(
            f"states {a.label}-{b.label}: both atoms excited is not supported. The pair "
            f"state |{a.label}, {b.label}> is degenerate with |{a.n}p, {b.n}p>, which the "
            "dipole-dipole interaction couples at first order (R⁻³, not a van der Waals "
            "R⁻⁶ problem); the quasi-degenerate manifold must be diagonalised with the "
            "Lamb shift and hyperfine structure (Jentschura et al., PRA 95, 022704 (2017), "
            "arXiv:1701.08813)")


#: Two ground-state atoms, the default pair of every regime function.
GROUND = Pair("1s", "1s")


def as_pair(state1="1s", state2="1s", *, symmetry=None, spins=None, level_shifts=None) -> Pair:
    """A Pair from the public arguments: ``state1`` may itself be a Pair.

    When ``state1`` is a Pair, ``state2`` must be left at its default and the other
    keywords unset (they are properties of the Pair).

    Parameters
    ----------
    state1 : Pair or state
    state2 : state
    symmetry, spins, level_shifts
        See :class:`Pair`.

    Returns
    -------
    Pair

    Examples
    --------
    >>> as_pair(GROUND) is GROUND
    True
    """
    if isinstance(state1, Pair):
        extra = {k: v for k, v in (("state2", None if state2 == "1s" else state2),
                                   ("symmetry", symmetry), ("spins", spins),
                                   ("level_shifts", level_shifts)) if v}
        if extra:
            raise ValueError(f"state1 is a Pair: give {sorted(extra)} when building the Pair, "
                             "not separately")
        return state1
    return Pair(state1, state2, symmetry=symmetry, spins=spins, level_shifts=level_shifts)
