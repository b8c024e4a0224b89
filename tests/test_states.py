"""Tests of hydrogen.states: labels, validation, energies."""
import numpy as np
import pytest
from hypothesis import given, strategies as st

from hydrogen.states import L_LETTERS, State, continuum_energy, energy, parse_state


def test_energy_exact_values():
    # E_n = -1/(2n^2) hartree (Bethe & Salpeter §2); exact binary fractions
    assert energy(1) == -0.5
    assert energy(2) == -0.125
    assert energy(np.int64(4)) == -1.0 / 32.0
    np.testing.assert_array_equal(energy(np.array([[1, 2], [4, 8]])),
                                  [[-0.5, -0.125], [-1 / 32, -1 / 128]])


@pytest.mark.parametrize("bad", [0, -1, 2.0, 1.5, True, np.nan, "2", None])
def test_energy_rejects_bad_n(bad):
    with pytest.raises(ValueError, match="n"):
        energy(bad)


def test_energy_rejects_bad_arrays():
    with pytest.raises(ValueError, match="n"):
        energy(np.array([1, 0]))
    with pytest.raises(ValueError, match="n"):
        energy(np.array([1.0, 2.0]))


def test_continuum_energy():
    assert continuum_energy(1.0) == 0.5
    np.testing.assert_array_equal(continuum_energy(np.array([2.0, 4.0])), [2.0, 8.0])
    for bad in (0.0, -1.0, np.nan, np.inf):
        with pytest.raises(ValueError, match="k"):
            continuum_energy(bad)


def test_spectroscopic_letter_sequence():
    # standard sequence (j omitted; s and p not reused after l = 1)
    assert L_LETTERS[:12] == "spdfghiklmno"
    assert L_LETTERS[12:16] == "qrtu"
    assert "j" not in L_LETTERS and len(set(L_LETTERS)) == len(L_LETTERS)


@pytest.mark.parametrize("label, n, l", [("1s", 1, 0), ("2p", 2, 1), ("10d", 10, 2),
                                         ("4F", 4, 3), (" 12k ", 12, 7), ("13l", 13, 8),
                                         ("30q", 30, 12), ("25(l=21)", 25, 21)])
def test_parse_labels(label, n, l):
    st_ = parse_state(label)
    assert (st_.n, st_.l, st_.m) == (n, l, None)


def test_parse_tuples_and_states():
    assert parse_state((2, 1)) == State(2, 1)
    assert parse_state((3, 2, -2)) == State(3, 2, -2)
    s = State(5, 4, 1)
    assert parse_state(s) is s


@pytest.mark.parametrize("bad", ["1p", "2d", "3j", "x", "s1", "", "1ss", (1, 1), (2, 1, 2),
                                 (0, 0), (2.0, 1), [1, 0], 1, None])
def test_parse_rejects_with_state_named(bad):
    with pytest.raises(ValueError, match="state"):
        parse_state(bad)


def test_unknown_label_lists_accepted_forms():
    with pytest.raises(ValueError, match=r"'1s'.*\(n, l\)"):
        parse_state("hello")


@pytest.mark.parametrize("args, name", [((0, 0), "n"), ((2, 2), "l"), ((2, -1), "l"),
                                        ((2, 1, 2), "m"), ((2.0, 0), "n"), ((3, 1.0), "l")])
def test_state_validation_names_parameter(args, name):
    with pytest.raises(ValueError, match=rf"\b{name}\b"):
        State(*args)


def test_state_is_frozen_and_hashable():
    s = State(2, 1, 0)
    with pytest.raises(AttributeError):
        s.n = 3
    assert len({State(2, 1), State(2, 1), State(2, 1, 0)}) == 2


def test_state_label_and_energy():
    assert State(3, 2, -1).label == "3d"
    assert State(22, 21).label == "22(l=21)"
    assert State(3, 0).energy == energy(3)


@given(n=st.integers(1, 60), data=st.data())
def test_label_roundtrip(n, data):
    l = data.draw(st.integers(0, n - 1))
    s = State(n, l)
    assert parse_state(s.label) == s
    assert parse_state(s.label.upper()) == s
