"""Hydrogen states: labels, quantum numbers and energies (atomic units).

Nonrelativistic Coulomb problem with an infinitely heavy nucleus (Z = 1): the bound
levels are E_n = -1/(2 n^2) hartree and the continuum E = k^2/2 hartree (k in inverse
bohr). Bethe & Salpeter, *Quantum Mechanics of One- and Two-Electron Atoms*, §2. These are
the E_n of the paper (Sec. III, E_n = -mα²/(2n²) in natural units) entering ΔE_nm of Eq. (11).

Labels follow the spectroscopic sequence s p d f g h i k l m n o q r t u v w x y z
(l = 0 ... 20; "j" is skipped, and "p"/"s" are not reused), case-insensitively:
"1s", "2p", "10d", "4F". Larger l can be written "25(l=21)".
"""
from __future__ import annotations

import numbers
import re
from dataclasses import dataclass

import numpy as np

__all__ = ["L_LETTERS", "State", "parse_state", "energy", "continuum_energy"]

#: Spectroscopic letters for l = 0, 1, 2, ... (j skipped; p and s not repeated).
L_LETTERS = "spdfghiklmnoqrtuvwxyz"

_LABEL_RE = re.compile(r"^\s*(\d+)\s*([a-z])\s*$", re.IGNORECASE)
_LABEL_L_RE = re.compile(r"^\s*(\d+)\s*\(\s*l\s*=\s*(\d+)\s*\)\s*$", re.IGNORECASE)
_ACCEPTED = ("a label such as '1s', '2p', '10d' (letters s p d f g h i k l m n o q r t u "
             "v w x y z, case-insensitive) or '25(l=21)', a tuple (n, l) or (n, l, m), "
             "or a State")


def _as_int(name: str, value, minimum: int | None = None) -> int:
    """Validate an integer quantum number; bool, float and NaN are rejected."""
    if isinstance(value, (bool, np.bool_)) or not isinstance(value, numbers.Integral):
        raise ValueError(f"{name} must be an integer, got {value!r}")
    value = int(value)
    if minimum is not None and value < minimum:
        raise ValueError(f"{name} must be an integer >= {minimum}, got {value}")
    return value


def _check_nl(n, l, n_name: str = "n", l_name: str = "l") -> tuple[int, int]:
    """Validate a bound (n, l) pair: n >= 1, 0 <= l < n."""
    n = _as_int(n_name, n, 1)
    l = _as_int(l_name, l, 0)
    if l >= n:
        raise ValueError(f"{l_name} must satisfy 0 <= {l_name} < {n_name} = {n}, got {l}")
    return n, l


@dataclass(frozen=True)
class State:
    """A bound hydrogen state |n l m> (m optional: None means the whole level n l).

    Parameters
    ----------
    n : int
        Principal quantum number, n >= 1.
    l : int
        Orbital angular momentum, 0 <= l < n.
    m : int or None
        Magnetic quantum number, |m| <= l, or None for "any / summed".

    Examples
    --------
    >>> State(2, 1).label
    '2p'
    >>> State(1, 0).energy
    -0.5
    """

    n: int
    l: int
    m: int | None = None

    def __post_init__(self):
        n, l = _check_nl(self.n, self.l)
        object.__setattr__(self, "n", n)
        object.__setattr__(self, "l", l)
        if self.m is not None:
            m = _as_int("m", self.m)
            if abs(m) > l:
                raise ValueError(f"m must satisfy |m| <= l = {l}, got {m}")
            object.__setattr__(self, "m", m)

    @property
    def label(self) -> str:
        """Spectroscopic label of the level, e.g. '1s', '3d' (m is not shown)."""
        if self.l < len(L_LETTERS):
            return f"{self.n}{L_LETTERS[self.l]}"
        return f"{self.n}(l={self.l})"

    @property
    def energy(self) -> float:
        """Bound energy E_n = -1/(2 n^2) in hartree."""
        return energy(self.n)


def parse_state(state) -> State:
    """Turn a label, a tuple or a State into a validated :class:`State`.

    Parameters
    ----------
    state : str or tuple or State
        "1s", "2P", "10d", "25(l=21)"; (n, l); (n, l, m); or a State.

    Returns
    -------
    State

    Raises
    ------
    ValueError
        Unknown label or invalid quantum numbers; the message names ``state`` and
        lists the accepted forms.

    Examples
    --------
    >>> parse_state("2p")
    State(n=2, l=1, m=None)
    >>> parse_state((3, 2, -1)).label
    '3d'
    """
    if isinstance(state, State):
        return state
    if isinstance(state, str):
        match = _LABEL_RE.match(state)
        if match:
            letter = match.group(2).lower()
            if letter not in L_LETTERS:
                raise ValueError(f"state {state!r}: unknown orbital letter {letter!r}; "
                                 f"expected {_ACCEPTED}")
            n, l = int(match.group(1)), L_LETTERS.index(letter)
        else:
            match = _LABEL_L_RE.match(state)
            if not match:
                raise ValueError(f"state {state!r} is not understood; expected {_ACCEPTED}")
            n, l = int(match.group(1)), int(match.group(2))
        try:
            return State(n, l)
        except ValueError as exc:
            raise ValueError(f"state {state!r}: {exc}") from None
    if isinstance(state, tuple) and len(state) in (2, 3):
        try:
            return State(*state)
        except ValueError as exc:
            raise ValueError(f"state {state!r}: {exc}") from None
    raise ValueError(f"state {state!r} is not understood; expected {_ACCEPTED}")


def energy(n):
    """Bound energy E_n = -1/(2 n^2) of hydrogen (Bethe & Salpeter §2; design.md conventions).

    Infinite nuclear mass, nonrelativistic.

    Parameters
    ----------
    n : int or array_like of int
        Principal quantum number(s), >= 1.

    Returns
    -------
    float or ndarray
        Energy in hartree, same shape as ``n``.

    Examples
    --------
    >>> energy(2)
    -0.125
    """
    if np.ndim(n) == 0 and not isinstance(n, np.ndarray):
        n = _as_int("n", n, 1)
        return -0.5 / (n * n)
    arr = np.asarray(n)
    if arr.dtype == bool or not np.issubdtype(arr.dtype, np.integer):
        raise ValueError(f"n must be integer(s) >= 1, got dtype {arr.dtype}")
    if arr.size and arr.min() < 1:
        raise ValueError(f"n must be integer(s) >= 1, got minimum {arr.min()}")
    return -0.5 / arr.astype(float) ** 2


def continuum_energy(k):
    """Continuum energy E = k^2/2 (hartree) for wave number k > 0 (inverse bohr).

    Parameters
    ----------
    k : float or array_like
        Asymptotic wave number, finite and > 0.

    Returns
    -------
    float or ndarray
        Energy in hartree, same shape as ``k``.

    Examples
    --------
    >>> continuum_energy(1.0)
    0.5
    """
    arr = np.asarray(k, dtype=float)
    if not np.all(np.isfinite(arr)) or np.any(arr <= 0):
        raise ValueError("k must be finite and > 0 (inverse bohr)")
    out = 0.5 * arr * arr
    return float(out) if out.ndim == 0 else out
