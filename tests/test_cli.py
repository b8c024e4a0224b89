"""The `weft` command line: parsing, units, output formats, files, one-line errors, exit codes.

Most tests replace the physics (weft.cli.potential / contributions / C6, and the
functions weft.figures reads) by analytic stand-ins with pytest's monkeypatch, so they
test the command line itself: the expected numbers are the stand-in's closed forms and
unit factors taken from scipy.constants directly, never output of the code under test.
The end-to-end tests at the bottom use the real physics.
"""
import importlib.util
import json
import math
import os
import shlex
import subprocess
import sys
import types

import numpy as np
import pytest
import scipy.constants as sc

import weft.cli
import weft.figures
from weft import units
from weft.cli import main
from weft.tables import read_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
R0 = 1000.0      # stand-in crossover length (bohr)
C6_FAKE = 6.5
HAVE_MPL = importlib.util.find_spec("matplotlib") is not None

# Unit factors from scipy.constants, independent of weft.units.
BOHR_M = sc.physical_constants["Bohr radius"][0]
HARTREE_J = sc.physical_constants["Hartree energy"][0]
HBARC_KEV_M = sc.hbar * sc.c / (sc.e * 1e3)
PER_BOHR = {"bohr": 1.0, "m": BOHR_M, "nm": BOHR_M * 1e9, "angstrom": BOHR_M * 1e10,
            "keV-1": BOHR_M / HBARC_KEV_M}
DEFAULT_LENGTH = {"au": "bohr", "cm-1": "bohr", "K": "bohr", "MHz": "bohr", "SI": "m",
                  "natural": "keV-1"}


def w0(R_bohr):
    """Stand-in dispersive potential (hartree): London at R << R0, ~R^-7 at R >> R0."""
    return -C6_FAKE / R_bohr**6 / (1.0 + R_bohr / R0)


@pytest.fixture
def fake(monkeypatch):
    """Install stand-ins for the physics the command line reaches; record the calls."""
    calls = []
    regimes = weft.cli.REGIMES

    def check(R, state1, state2, regime, units_, length_unit):
        if regime not in regimes:
            raise ValueError(f"regime must be one of {sorted(regimes)}, got {regime!r}")
        for name, s in (("state1", state1), ("state2", state2)):
            if s not in ("1s", "2s"):
                raise ValueError(f"{name}: unknown state label {s!r}")
        lu = DEFAULT_LENGTH[units_] if length_unit is None else length_unit
        Rb = np.asarray(R, dtype=float) / PER_BOHR[lu]
        if not np.all(np.isfinite(Rb)) or np.any(Rb <= 0):
            raise ValueError("R must be finite and > 0")
        return Rb

    def potential(R, state1="1s", state2="1s", *, regime="intermediate", order=None,
                  spins=None, units="au", nu=None, r_hat=None, length_unit=None,
                  strict=False, symmetry=None, level_shifts=None, temperature=0.0,
                  max_power=6):
        calls.append(dict(R=np.array(R), state1=state1, state2=state2, regime=regime,
                          order=order, spins=spins, units=units, nu=nu, r_hat=r_hat,
                          length_unit=length_unit, strict=strict, symmetry=symmetry,
                          level_shifts=level_shifts, temperature=temperature))
        Rb = check(R, state1, state2, regime, units, length_unit)
        if order is not None and order not in regimes[regime]:
            raise ValueError(f"order: {order!r} not available in the {regime!r} regime")
        n = len(regimes[regime]) if order is None else 1      # each order = w0
        return n * w0(Rb) * units_per_hartree(units)

    def contributions(R, state1="1s", state2="1s", *, regime="intermediate", spins=None,
                      units="au", nu=None, r_hat=None, length_unit=None, strict=False,
                      symmetry=None, level_shifts=None, temperature=0.0, max_power=6):
        Rb = check(R, state1, state2, regime, units, length_unit)
        return [types.SimpleNamespace(name=f"term {k}", order=k, equation="Eq. (0)",
                                      value=w0(Rb), delta={"delta3": 1.5} if k == "0" else {})
                for k in regimes[regime]]

    def c6(state1, state2):
        return 6.499026705405839

    monkeypatch.setattr(weft.cli, "potential", potential)
    monkeypatch.setattr(weft.cli, "contributions", contributions)
    monkeypatch.setattr(weft.cli, "regime_orders",
                        lambda regime, *states, symmetry=None, max_power=6: regimes[regime])
    monkeypatch.setattr(weft.cli, "C6", c6)
    # weft.figures (fig11): London, Casimir-Polder and W_Int of the same stand-in
    monkeypatch.setattr(weft.figures, "potential",
                        lambda R, *a, **k: w0(np.asarray(R, float)))
    monkeypatch.setattr(weft.figures, "london",
                        lambda R, *a, **k: -C6_FAKE / np.asarray(R, float)**6)
    monkeypatch.setattr(weft.figures, "casimir_polder",
                        lambda R, *a, **k: -C6_FAKE * R0 / np.asarray(R, float)**7)
    return calls


def units_per_hartree(name):
    e_h = HARTREE_J
    return {"au": 1.0, "SI": e_h, "natural": e_h / sc.e / 1e3,
            "cm-1": e_h / (sc.h * sc.c) / 100, "K": e_h / sc.k, "MHz": e_h / sc.h / 1e6}[name]


def run(capsys, argv):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ help

@pytest.mark.parametrize("cmd", ["potential", "table", "fig11", "c6"])
def test_subcommand_help_has_usage_and_examples(fake, capsys, cmd):
    code, out, err = run(capsys, [cmd, "--help"])
    assert code == 0 and err == ""
    assert out.startswith(f"usage: weft {cmd}")
    assert "examples:" in out and f"weft {cmd}" in out.split("examples:")[1]
    assert "%%" not in out                     # argparse %-escapes must not leak


@pytest.mark.parametrize("cmd", ["potential", "table"])
def test_help_states_length_unit_and_direction(fake, capsys, cmd):
    out = " ".join(run(capsys, [cmd, "--help"])[1].split())
    assert "--length-unit {bohr,m,nm,angstrom,keV-1}" in out
    assert "bohr for au, cm-1, K, MHz" in out and "m for SI" in out
    assert "--r-hat X Y Z direction of R relative to the spin quantisation axis z " \
           "(default: 0 0 1, R along z)" in out
    assert "triplet:M with M in -1, 0, +1" in out


def test_top_level_help_and_version(fake, capsys):
    code, out, _ = run(capsys, ["--help"])
    assert code == 0 and out.startswith("usage: weft") and "%%" not in out
    for cmd in ("potential", "table", "fig11", "c6"):
        assert cmd in out
    code, out, _ = run(capsys, ["--version"])
    assert code == 0 and out.startswith("weft ")


def test_bare_weft_prints_usage_and_commands(fake, capsys):
    """`weft` alone: the usage and every subcommand with its one-line help, exit status 2."""
    code, out, err = run(capsys, [])
    assert code == 2 and out == ""
    assert err.startswith("usage: weft ")
    for cmd, text in [("potential", "print W(R) at given distances"),
                      ("table", "write W(R) on a log-spaced grid to a file"),
                      ("fig11", "draw the paper's Fig. 11"),
                      ("c6", "print the London coefficient C6")]:
        assert any(ln.split()[:1] == [cmd] and text in ln for ln in err.splitlines()), cmd
    assert "required" not in err


# ------------------------------------------------------------------ potential

def test_potential_prints_aligned_table(fake, capsys):
    code, out, err = run(capsys, ["potential", "--states", "1s", "1s", "--regime",
                                  "intermediate", "--r", "10", "100", "1000"])
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("#") and "intermediate" in lines[0]
    assert "W in hartree, R in bohr" in lines[0] and "R along z" in lines[0]
    assert lines[1].split() == ["R_bohr", "W_hartree"]
    assert len({len(ln) for ln in lines[1:]}) == 1              # right-aligned columns
    rows = [tuple(map(float, ln.split())) for ln in lines[2:]]
    R = np.array([10.0, 100.0, 1000.0])
    assert [r for r, _ in rows] == R.tolist()
    # two orders in the intermediate regime, each w0 in the stand-in: printed exactly (repr)
    assert [w for _, w in rows] == (2 * w0(R)).tolist()
    call = fake[-1]
    assert call["order"] is None and call["spins"] is None and call["nu"] is None
    assert call["r_hat"] is None and call["length_unit"] is None and call["strict"] is False


def test_potential_json_and_options_are_passed_through(fake, capsys):
    code, out, _ = run(capsys, ["potential", "--regime", "long", "--order", "2", "--spins",
                                "triplet:+1", "--nu", "0.5", "--units", "cm-1", "--r", "1e4",
                                "--r-hat", "1", "0", "0", "--strict", "--json"])
    assert code == 0
    doc = json.loads(out)
    call = fake[-1]
    assert (call["regime"], call["order"], call["spins"], call["nu"], call["units"],
            call["r_hat"], call["strict"]) == \
        ("long", "2", ("triplet", 1), 0.5, "cm-1", (1.0, 0.0, 0.0), True)
    assert doc["R_bohr"] == [1e4]
    cm1 = HARTREE_J / (sc.h * sc.c) / 100
    # unit factors, a few flops: 100x → 1e-13; abs=0: W is 1e-19 cm^-1, below the default 1e-12
    assert doc["W_cm-1"][0] == pytest.approx(w0(1e4) * cm1, rel=1e-13, abs=0)
    assert doc["units"] == "cm-1" and doc["length_unit"] == "bohr" and doc["orders"] == ["2"]
    assert doc["spins"] == ["triplet", 1] and doc["codata"] == units.CODATA
    assert doc["r_hat"] == [1.0, 0.0, 0.0] and doc["validity_warnings"] == []
    assert doc["command"] == "weft potential --regime long --order 2 --spins triplet:+1 " \
                             "--nu 0.5 --units cm-1 --r 1e4 --r-hat 1 0 0 --strict --json"


@pytest.mark.parametrize("units_, length_unit", [("SI", None), ("natural", None),
                                                 ("K", "angstrom"), ("au", "nm"),
                                                 ("SI", "bohr")])
def test_potential_length_unit(fake, capsys, units_, length_unit):
    """R is read in the length unit (default: the unit system's) and the output says which."""
    argv = ["potential", "--units", units_, "--r", "2e-9", "3e-9"]
    if length_unit:
        argv += ["--length-unit", length_unit]
    code, out, err = run(capsys, argv)
    assert code == 0 and err == ""
    lu = length_unit or DEFAULT_LENGTH[units_]
    energy = {"au": "hartree", "SI": "J", "natural": "keV", "K": "K"}[units_]
    assert f"W in {energy}, R in {lu}" in out.splitlines()[0]
    assert out.splitlines()[1].split() == [f"R_{lu}", f"W_{energy}"]
    assert fake[-1]["length_unit"] == length_unit
    W = [float(ln.split()[1]) for ln in out.splitlines()[2:]]
    expected = 2 * w0(np.array([2e-9, 3e-9]) / PER_BOHR[lu]) * units_per_hartree(units_)
    np.testing.assert_allclose(W, expected, rtol=1e-14)


@pytest.mark.parametrize("text, value", [("singlet", "singlet"), ("triplet:-1", ("triplet", -1)),
                                         ("unpolarised", None), ("triplet:0", ("triplet", 0)),
                                         ("Triplet:+1", ("triplet", 1)), ("none", None)])
def test_spins_syntax(fake, capsys, text, value):
    assert run(capsys, ["potential", "--spins", text, "--r", "20"])[0] == 0
    assert fake[-1]["spins"] == value


@pytest.mark.parametrize("text, message", [
    ("triplet", "give the triplet projection as triplet:M with M in -1, 0, +1 "
                "(e.g. --spins triplet:+1)"),
    ("triplet:2", "the triplet projection M must be -1, 0 or +1 (e.g. triplet:+1), "
                  "got 'triplet:2'"),
    ("triplet:x", "the triplet projection M must be -1, 0 or +1"),
    ("quartet", "unknown spin state 'quartet'; use unpolarised (default), singlet, or "
                "triplet:M with M in -1, 0, +1"),
])
def test_spins_errors_speak_cli_syntax(fake, capsys, text, message):
    code, out, err = run(capsys, ["potential", "--spins", text, "--r", "20"])
    assert code == 2 and out == "" and not fake
    assert err.startswith(f"weft: error: argument --spins: {message}")
    assert err.count("\n") == 1 and "('triplet'" not in err


def test_r_hat_zero_is_a_usage_error(fake, capsys):
    code, out, err = run(capsys, ["potential", "--r-hat", "0", "0", "0", "--r", "20"])
    assert code == 2 and out == "" and not fake
    assert err.startswith("weft: error: argument --r-hat: ") and "non-zero" in err


# ------------------------------------------------------------------ table

@pytest.mark.parametrize("fmt", ["csv", "json", "npz"])
def test_table_writes_readable_file(fake, capsys, tmp_path, fmt):
    out_path = tmp_path / f"W_1s1s.{fmt}"
    argv = ["table", "--states", "1s", "1s", "--regime", "intermediate", "--rmin", "1",
            "--rmax", "1e6", "--points", "241", "--units", "au", "--out", str(out_path)]
    code, out, err = run(capsys, argv)
    assert code == 0 and err == "" and str(out_path) in out
    assert "R = 1 ... 1e+06 bohr" in out and "W in hartree, R in bohr" in out
    t = read_table(out_path)
    assert len(t.R) == 241 and t.R[0] == 1.0 and t.R[-1] == 1e6
    # differences of log10 R ≤ 6: floor a few ulp of 6 (measured 5e-16); 100x → atol 6e-13
    np.testing.assert_allclose(np.diff(np.log10(t.R)), 6 / 240, rtol=0, atol=6e-13)
    np.testing.assert_array_equal(t.W, 2 * w0(t.R))
    m = t.metadata
    assert m["command"] == "weft " + shlex.join(argv)
    assert m["orders"] == ["-1", "0"] and m["regime"] == "intermediate"
    assert m["length_unit"] == "bohr" and m["r_hat"] == [0.0, 0.0, 1.0]
    assert m["contact_terms"] == [{"name": "term 0", "order": "0", "equation": "Eq. (0)",
                                   "delta": {"delta3": 1.5}}]
    assert "validity_warnings" not in m


@pytest.mark.parametrize("units_", list(units.UNITS))
@pytest.mark.parametrize("length_unit", [None, "angstrom"])
def test_table_default_grid_is_the_same_physical_range(fake, capsys, tmp_path, units_,
                                                       length_unit):
    """Default grid: 1 ... 1e6 bohr in every unit (issue 8, item 7), e.g. 5.29e-11 m for SI."""
    out_path = tmp_path / "W.csv"
    argv = ["table", "--units", units_, "--points", "7", "--out", str(out_path)]
    if length_unit:
        argv += ["--length-unit", length_unit]
    assert run(capsys, argv)[0] == 0
    lu = length_unit or DEFAULT_LENGTH[units_]
    t = read_table(out_path)
    assert t.metadata["length_unit"] == lu and t.names[0] == f"R_{lu}"
    np.testing.assert_allclose(t.R[[0, -1]] / PER_BOHR[lu], [1.0, 1e6], rtol=1e-14)
    np.testing.assert_allclose(t.W, 2 * w0(t.R / PER_BOHR[lu]) * units_per_hartree(units_),
                               rtol=1e-14)
    assert lu in t.metadata["grid"]


def test_table_explicit_format(fake, capsys, tmp_path):
    code, _, _ = run(capsys, ["table", "--rmin", "10", "--rmax", "20", "--points", "2",
                              "--format", "json", "--out", str(tmp_path / "W.dat")])
    assert code == 0
    assert read_table(tmp_path / "W.dat", format="json").R.tolist() == [10.0, 20.0]


def test_table_refuses_to_overwrite_without_force(fake, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "exists.csv").write_text("precious\n")
    code, out, err = run(capsys, ["table", "--points", "3", "--out", "exists.csv"])
    assert code == 1 and out == "" and not fake                # refused before computing
    assert err == "weft: error: exists.csv: file exists (pass --force to replace it)\n"
    assert (tmp_path / "exists.csv").read_text() == "precious\n"
    code, out, err = run(capsys, ["table", "--points", "3", "--out", "exists.csv", "--force"])
    assert code == 0 and len(read_table("exists.csv").R) == 3
    assert sorted(os.listdir(tmp_path)) == ["exists.csv"]


@pytest.mark.parametrize("argv, message", [
    (["table", "--out", "/nonexistent-dir/x.csv"],
     "/nonexistent-dir/x.csv: directory '/nonexistent-dir' does not exist"),
    (["table", "--out", "sub/x.csv"], "sub/x.csv: directory 'sub' does not exist"),
    (["table", "--out", "adir"], "adir: unknown table format '(no extension)'"),
    (["table", "--out", "adir", "--format", "csv"], "adir: is a directory"),
    (["table", "--out", "afile/x.csv"], "afile/x.csv: 'afile' is not a directory"),
    (["table", "--out", "W.txt"], "W.txt: unknown table format '.txt'"),
])
def test_table_output_checked_before_computing(fake, capsys, tmp_path, monkeypatch, argv,
                                               message):
    """File errors name the user's path (never a temporary file) and come before any work."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "adir").mkdir()
    (tmp_path / "afile").write_text("")
    code, out, err = run(capsys, argv)
    assert code == 1 and out == "" and not fake
    assert err.startswith("weft: error: " + message) and err.count("\n") == 1
    assert ".tmp" not in err
    assert sorted(os.listdir(tmp_path)) == ["adir", "afile"]


# ------------------------------------------------------------------ c6, fig11

def test_c6_prints_both_units(fake, capsys):
    code, out, _ = run(capsys, ["c6", "1s", "1s"])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "C6(1s, 1s) = 6.499026705405839 hartree*bohr^6"
    # keV^-5 from scipy.constants directly: E_h [keV] * (a0 / (hbar c))^6 [keV^-6]
    eh_kev = sc.physical_constants["Hartree energy in eV"][0] * 1e-3
    value = float(lines[1].split("=")[1].split()[0])
    assert lines[1].endswith("keV^-5")
    # a unit factor to the 6th power: ~6 ulp; 100x → 2e-13 (abs=0: the value is 6.6e-5)
    assert value == pytest.approx(6.499026705405839 * eh_kev * (BOHR_M / HBARC_KEV_M)**6,
                                  rel=2e-13, abs=0)


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
def test_fig11_command(fake, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, ["fig11"])
    assert code == 0 and err == ""
    assert sorted(os.listdir(tmp_path)) == ["fig11.csv", "fig11.png"]
    t = read_table("fig11.csv")
    # stand-in: |rel_lon| = R/R0, |rel_cp| = R0/R -> 15% crossings at 0.15 R0 and R0/0.15
    lo, hi = t.metadata["fifteen_percent_range_bohr"]
    assert lo == pytest.approx(0.15 * R0, rel=1e-10)
    assert hi == pytest.approx(R0 / 0.15, rel=1e-10)
    assert out.splitlines()[0] == "wrote fig11.png and fig11.csv"
    assert "150 < R < 6666.67 bohr (the paper quotes 400 to 2000 bohr" in out
    # a second run refuses to replace the files, --force replaces them
    code, out, err = run(capsys, ["fig11"])
    assert code == 1 and err == "weft: error: fig11.png: file exists (pass --force to " \
                                "replace it)\n"
    assert run(capsys, ["fig11", "--force"])[0] == 0


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
def test_fig11_without_extension_appends_png_and_says_so(fake, capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, ["fig11", "--out", "noext"])
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "wrote noext.png (--out noext has no extension: PNG) " \
                                  "and noext.csv"
    assert sorted(os.listdir(tmp_path)) == ["noext.csv", "noext.png"]
    assert (tmp_path / "noext.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
@pytest.mark.parametrize("argv, message", [
    (["fig11", "--out", "fig.xyz"], "fig.xyz: unknown image format '.xyz'; use one of "),
    (["fig11", "--out", "fig11.pdf", "--csv", "data/fig11.csv"],
     "data/fig11.csv: directory 'data' does not exist"),
    (["fig11", "--out", "plots/f.png"], "plots/f.png: directory 'plots' does not exist"),
    (["fig11", "--csv", "f.txt"], "f.txt: unknown table format '.txt'"),
    (["fig11", "--out", "f.png", "--csv", "f.png"], "f.png: unknown table format '.png'"),
    (["fig11", "--out", "f.json", "--csv", "f.json"], "f.json: unknown image format"),
])
def test_fig11_bad_outputs_fail_before_anything(fake, capsys, tmp_path, monkeypatch, argv,
                                                message):
    """Issue 8, items 2-3: the user's path in the message, nothing computed or written."""
    monkeypatch.chdir(tmp_path)
    computed = []
    monkeypatch.setattr(weft.figures, "fig11_table", lambda *a, **k: computed.append(1))
    code, out, err = run(capsys, argv)
    assert code == 1 and out == "" and not computed
    assert err.startswith("weft: error: " + message) and err.count("\n") == 1
    assert ".tmp" not in err
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
def test_fig11_failed_figure_leaves_no_csv(fake, capsys, tmp_path, monkeypatch):
    from matplotlib.figure import Figure
    monkeypatch.chdir(tmp_path)

    def broken(self, *a, **k):
        raise OSError(28, "No space left on device", a[0])
    monkeypatch.setattr(Figure, "savefig", broken)
    code, out, err = run(capsys, ["fig11", "--out", "f.png"])
    assert code == 1 and out == ""
    assert err == "weft: error: f.png: No space left on device\n"    # the user's name
    assert os.listdir(tmp_path) == []


def test_fig11_without_matplotlib_is_one_line(fake, capsys, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)   # makes `import matplotlib` fail
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    monkeypatch.setitem(sys.modules, "matplotlib.backend_bases", None)
    code, out, err = run(capsys, ["fig11", "--out", str(tmp_path / "f.png")])
    assert code == 1 and out == ""
    assert err == 'weft: error: plotting needs matplotlib, an optional extra of weft: ' \
                  'pip install "weft[plot]"\n'
    assert os.listdir(tmp_path) == []


# ------------------------------------------------------------------ bad input

BAD = [
    (["potential", "--states", "1s", "9z", "--r", "10"], 1, "state2"),
    (["potential", "--r", "0"], 2, "argument --r"),
    (["potential", "--r", "-5"], 2, "argument --r"),
    (["potential", "--r", "nan"], 2, "argument --r"),
    (["potential", "--r", "ten"], 2, "argument --r"),
    (["potential", "--r", "10", "--units", "parsec"], 2, "argument --units"),
    (["potential", "--r", "10", "--length-unit", "furlong"], 2, "argument --length-unit"),
    (["potential", "--r", "10", "--regime", "medium"], 2, "argument --regime"),
    (["potential", "--r", "10", "--order", "7"], 1, "order"),
    (["potential", "--r", "10", "--spins", "triplet:x"], 2, "argument --spins"),
    (["potential", "--r", "10", "--r-hat", "1", "0"], 2, "argument --r-hat"),
    (["potential", "--r", "10", "--r-hat", "1", "0", "inf"], 2, "argument --r-hat"),
    (["potential", "--r", "10", "--nu", "-1"], 2, "argument --nu"),
    (["potential", "--states", "1s"], 2, "--states"),
    (["potential"], 2, "--r"),
    (["table", "--out", "/nonexistent-dir/sub/W.csv"], 1, "does not exist"),
    (["table", "--out", "W.txt"], 1, "unknown table format"),
    (["table", "--out", "W.csv", "--format", "json"], 1, "contradicts"),
    (["table", "--rmin", "10", "--rmax", "1", "--out", "W.csv"], 2, "--rmax"),
    (["table", "--rmin", "1e7", "--out", "W.csv"], 2, "--rmax"),    # default rmax 1e6 bohr
    (["table", "--points", "1", "--out", "W.csv"], 2, "--points"),
    (["table", "--points", "2.5", "--out", "W.csv"], 2, "--points"),
    (["c6", "1s"], 2, "state2"),
    (["c6", "1s", "xx"], 1, "state2"),
    (["frobnicate"], 2, "invalid choice"),
]


@pytest.mark.parametrize("argv, status, fragment", BAD, ids=[" ".join(b[0]) for b in BAD])
def test_bad_input_is_one_line_error(fake, capsys, tmp_path, monkeypatch, argv, status, fragment):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, argv)
    assert code == status
    assert out == ""
    assert err.startswith("weft: error: ") and err.endswith("\n") and err.count("\n") == 1
    assert fragment in err and "Traceback" not in err
    assert os.listdir(tmp_path) == []               # nothing half-written


# ------------------------------------------------------------------ real package

def test_python_m_weft_help_subprocess():
    res = subprocess.run([sys.executable, "-m", "weft", "--help"], capture_output=True,
                         text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("usage: weft") and res.stderr == ""
    res = subprocess.run([sys.executable, "-m", "weft"], capture_output=True, text=True,
                         cwd=ROOT, timeout=120)
    assert res.returncode == 2 and res.stdout == ""
    assert res.stderr.startswith("usage: weft") and "fig11" in res.stderr


def test_python_m_weft_bad_input_subprocess():
    res = subprocess.run([sys.executable, "-m", "weft", "potential", "--states", "1s", "1d",
                          "--r", "10"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 1 and res.stdout == ""
    assert res.stderr.startswith("weft: error: ") and res.stderr.count("\n") == 1
    assert "state2" in res.stderr


def test_real_potential_and_c6_end_to_end(capsys):
    """Real physics: CLI numbers equal the API's (pass-through) and C6 matches literature."""
    from weft.potential import potential
    code, out, err = run(capsys, ["potential", "--r", "50", "1000", "--json"])
    assert code == 0 and err == ""
    doc = json.loads(out)
    np.testing.assert_array_equal(doc["W_hartree"], potential(np.array([50.0, 1000.0])))
    code, out, err = run(capsys, ["c6", "1s", "1s"])
    assert code == 0, err
    c6 = float(out.split("=")[1].split()[0])
    # Yan, Babb, Dalgarno, Drake, PRA 54, 2824 (1996): C6 = 6.499 026 705 405 839 313.
    # The 13-digit target: the spectral rule's deterministic error is 6e-16, its round-off
    # spread 1e-15 (WEFT_TEST_PERTURB); 2e-13 is 100x their sum
    assert math.isclose(c6, 6.499026705405839313, rel_tol=2e-13)


def test_real_validity_warning_is_one_line_and_strict_is_an_error(capsys):
    """R = 5 bohr is below the EFT's domain (overlap, weft.validity): one warning line on
    stderr and the numbers; --strict: one error line, status 1, nothing on stdout."""
    code, out, err = run(capsys, ["potential", "--r", "5", "50"])
    assert code == 0 and len(out.splitlines()) == 4
    assert err.count("\n") == 1
    assert err.startswith("weft: warning: regime 'intermediate' for 1s-1s holds for R >= 43.75 bohr")
    assert "1 value(s) of R below 12 bohr" in err
    code, out, err = run(capsys, ["potential", "--r", "5", "50", "--strict"])
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("weft: error: regime 'intermediate' for 1s-1s holds for R >= 43.75 bohr")
    code, out, err = run(capsys, ["potential", "--r", "20", "50", "--max-power", "10"])
    assert code == 0 and err == ""


def test_real_table_warns_once_and_records_it(capsys, tmp_path):
    path = tmp_path / "W.csv"
    code, out, err = run(capsys, ["table", "--regime", "short", "--rmin", "20", "--rmax",
                                  "200", "--points", "5", "--out", str(path)])
    assert code == 0 and err.count("\n") == 1 and err.startswith("weft: warning: ")
    assert "above 91.36 bohr" in err
    assert read_table(path).metadata["validity_warnings"] == [err[len("weft: warning: "):-1]]
    code, out, err = run(capsys, ["table", "--regime", "short", "--rmin", "20", "--rmax",
                                  "200", "--points", "5", "--out", str(path), "--force",
                                  "--strict"])
    assert code == 1 and err.startswith("weft: error: regime 'short'")


def test_real_table_units_are_one_physical_grid(capsys, tmp_path):
    """--units SI tabulates the same physical points as --units au (1 ... 1e6 bohr), and
    the potentials agree after converting J -> hartree with scipy.constants."""
    au, si = tmp_path / "au.csv", tmp_path / "si.csv"
    for units_, path in (("au", au), ("SI", si)):
        code, _, err = run(capsys, ["table", "--units", units_, "--points", "13",
                                    "--out", str(path)])
        assert code == 0, err
    a, s = read_table(au), read_table(si)
    assert (a.names[:2], s.names[:2]) == (["R_bohr", "W_hartree"], ["R_m", "W_J"])
    assert s.metadata["length_unit"] == "m" and a.metadata["length_unit"] == "bohr"
    np.testing.assert_allclose(s.R / BOHR_M, a.R, rtol=1e-14)
    np.testing.assert_allclose(s.W / HARTREE_J, a.W, rtol=1e-13)


def test_real_symmetry_and_lamb_shift_options(capsys):
    """--symmetry reaches weft.potential (the branches E± = W_dir ± H12 of 1s-2s), is
    required for different levels (one-line error), and --lamb-shift passes the physical
    2S1/2-2P1/2 shift (no effect at R << c/L, a change beyond it)."""
    from weft.matching.exchange import lamb_shift_2s
    from weft.potential import potential
    code, out, err = run(capsys, ["potential", "--states", "1s", "2s", "--symmetry", "+",
                                  "--r", "150", "--json"])
    assert code == 0, err
    assert json.loads(out)["symmetry"] == "+"
    plus = json.loads(out)["W_hartree"][0]
    assert plus == potential(150.0, "1s", "2s", symmetry="+")
    assert plus != potential(150.0, "1s", "2s", symmetry="-")
    code, out, err = run(capsys, ["potential", "--states", "1s", "2s", "--r", "150"])
    assert code == 1 and err.count("\n") == 1 and "symmetry" in err
    code, out, err = run(capsys, ["potential", "--states", "2s", "1s", "--symmetry", "direct",
                                  "--lamb-shift", "--r", "3e9", "--json"])
    assert code == 0, err
    doc = json.loads(out)
    assert doc["level_shifts_hartree"] == lamb_shift_2s()
    assert doc["W_hartree"][0] == potential(3e9, "2s", "1s", symmetry="direct",
                                            level_shifts=lamb_shift_2s())


def test_real_temperature_option(capsys):
    from weft.potential import potential
    code, out, err = run(capsys, ["potential", "--temperature", "300", "--r", "1e6", "--json"])
    assert code == 0, err
    doc = json.loads(out)
    assert doc["temperature_kelvin"] == 300.0
    assert doc["W_hartree"][0] == potential(1e6, temperature=300.0)
    code, out, err = run(capsys, ["potential", "--temperature", "-3", "--r", "1e6"])
    assert code == 2 and "--temperature" in err
