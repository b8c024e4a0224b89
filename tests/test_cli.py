"""The `weft` command line: parsing, output formats, one-line errors, exit codes.

Most tests replace the physics (weft.potential, hydrogen.C6) by analytic stand-ins so they
test the command line itself: the expected numbers are the stand-in's closed forms, never
output of the code under test. The end-to-end tests at the bottom use the real physics.
"""
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

from weft import units
from weft import units as U
from weft.cli import main
from weft.tables import read_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
R0 = 1000.0      # stand-in crossover length (bohr)
C6_FAKE = 6.5


def w0(R_bohr):
    """Stand-in dispersive potential (hartree): London at R << R0, ~R^-7 at R >> R0."""
    return -C6_FAKE / R_bohr**6 / (1.0 + R_bohr / R0)


@pytest.fixture
def fake(monkeypatch):
    """Install stand-ins for weft.potential and hydrogen; record the calls."""
    calls = []
    regimes = {"short": ("0", "1/2", "1", "3/2"), "long": ("-1", "0", "1", "2"),
               "intermediate": ("-1", "0")}

    def check(R, state1, state2, regime, units_):
        if regime not in regimes:
            raise ValueError(f"regime must be one of {sorted(regimes)}, got {regime!r}")
        for name, s in (("state1", state1), ("state2", state2)):
            if s not in ("1s", "2s"):
                raise ValueError(f"{name}: unknown state label {s!r}")
        Rb = units.length_to_bohr(R, units.length_unit_of(units_).name)
        if not np.all(np.isfinite(Rb)) or np.any(Rb <= 0):
            raise ValueError("R must be finite and > 0")
        return Rb

    def potential(R, state1="1s", state2="1s", *, regime="intermediate", order=None,
                  spins=None, units="au", nu=None):
        calls.append(dict(R=np.array(R), state1=state1, state2=state2, regime=regime,
                          order=order, spins=spins, units=units, nu=nu))
        Rb = check(R, state1, state2, regime, units)
        if order is not None and order not in regimes[regime]:
            raise ValueError(f"order: {order!r} not available in the {regime!r} regime")
        n = len(regimes[regime]) if order is None else 1      # each order = w0
        return n * w0(Rb) * U.UNITS[units].per_hartree

    def contributions(R, state1="1s", state2="1s", *, regime="intermediate", spins=None,
                      units="au", nu=None):
        Rb = check(R, state1, state2, regime, units)
        return [types.SimpleNamespace(name=f"term {k}", order=k, equation="Eq. (0)",
                                      value=w0(Rb), delta={"delta3": 1.5} if k == "0" else {})
                for k in regimes[regime]]

    mod = types.ModuleType("weft.potential")
    mod.REGIMES = regimes
    mod.potential = potential
    mod.contributions = contributions
    mod.london = lambda R, s1="1s", s2="1s", units="au": -C6_FAKE / np.asarray(R, float)**6
    mod.casimir_polder = lambda R, s1="1s", s2="1s", units="au": (
        -C6_FAKE * R0 / np.asarray(R, float)**7)
    monkeypatch.setitem(sys.modules, "weft.potential", mod)

    def c6(state1, state2):
        for name, s in (("state1", state1), ("state2", state2)):
            if s not in ("1s", "2s"):
                raise ValueError(f"{name}: unknown state label {s!r}")
        return 6.499026705405839
    hyd = types.ModuleType("hydrogen")
    hyd.C6 = c6
    monkeypatch.setitem(sys.modules, "hydrogen", hyd)
    return calls


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


def test_top_level_help_and_version(fake, capsys):
    code, out, _ = run(capsys, ["--help"])
    assert code == 0 and out.startswith("usage: weft")
    for cmd in ("potential", "table", "fig11", "c6"):
        assert cmd in out
    code, out, _ = run(capsys, ["--version"])
    assert code == 0 and out.startswith("weft ")


# ------------------------------------------------------------------ potential

def test_potential_prints_aligned_table(fake, capsys):
    code, out, err = run(capsys, ["potential", "--states", "1s", "1s", "--regime",
                                  "intermediate", "--r", "10", "100", "1000"])
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].startswith("#") and "intermediate" in lines[0]
    assert lines[1].split() == ["R_bohr", "W_hartree"]
    assert len({len(ln) for ln in lines[1:]}) == 1              # right-aligned columns
    rows = [tuple(map(float, ln.split())) for ln in lines[2:]]
    R = np.array([10.0, 100.0, 1000.0])
    assert [r for r, _ in rows] == R.tolist()
    # two orders in the stand-in's intermediate regime, each w0: printed exactly (repr)
    assert [w for _, w in rows] == (2 * w0(R)).tolist()
    assert fake[-1]["order"] is None and fake[-1]["spins"] is None and fake[-1]["nu"] is None


def test_potential_json_and_options_are_passed_through(fake, capsys):
    code, out, _ = run(capsys, ["potential", "--regime", "long", "--order", "2", "--spins",
                                "triplet:+1", "--nu", "0.5", "--units", "cm-1", "--r", "1e4",
                                "--json"])
    assert code == 0
    doc = json.loads(out)
    call = fake[-1]
    assert (call["regime"], call["order"], call["spins"], call["nu"], call["units"]) == \
        ("long", "2", ("triplet", 1), 0.5, "cm-1")
    assert doc["R_bohr"] == [1e4]
    # cm^-1 per hartree from scipy.constants directly (not weft.units)
    cm1 = sc.physical_constants["Hartree energy"][0] / (sc.h * sc.c) / 100
    # unit factors, a few flops: 100x → 1e-13; abs=0: W is 1e-19 cm^-1, below the default 1e-12
    assert doc["W_cm-1"][0] == pytest.approx(w0(1e4) * cm1, rel=1e-13, abs=0)
    assert doc["units"] == "cm-1" and doc["orders"] == ["2"]
    assert doc["spins"] == ["triplet", 1] and doc["codata"] == units.CODATA
    assert doc["command"] == "weft potential --regime long --order 2 --spins triplet:+1 " \
                             "--nu 0.5 --units cm-1 --r 1e4 --json"


@pytest.mark.parametrize("text, value", [("singlet", "singlet"), ("triplet:-1", ("triplet", -1)),
                                         ("unpolarised", None), ("triplet:0", ("triplet", 0))])
def test_spins_syntax(fake, capsys, text, value):
    assert run(capsys, ["potential", "--spins", text, "--r", "5"])[0] == 0
    assert fake[-1]["spins"] == value


# ------------------------------------------------------------------ table

@pytest.mark.parametrize("fmt", ["csv", "json", "npz"])
def test_table_writes_readable_file(fake, capsys, tmp_path, fmt):
    out_path = tmp_path / f"W_1s1s.{fmt}"
    argv = ["table", "--states", "1s", "1s", "--regime", "intermediate", "--rmin", "1",
            "--rmax", "1e6", "--points", "241", "--units", "au", "--out", str(out_path)]
    code, out, err = run(capsys, argv)
    assert code == 0 and err == "" and str(out_path) in out
    t = read_table(out_path)
    assert len(t.R) == 241 and t.R[0] == 1.0 and t.R[-1] == 1e6
    # differences of log10 R ≤ 6: floor a few ulp of 6 (measured 5e-16); 100x → atol 6e-13
    np.testing.assert_allclose(np.diff(np.log10(t.R)), 6 / 240, rtol=0, atol=6e-13)
    np.testing.assert_array_equal(t.W, 2 * w0(t.R))
    m = t.metadata
    assert m["command"] == "weft " + shlex.join(argv)
    assert m["orders"] == ["-1", "0"] and m["regime"] == "intermediate"
    assert m["contact_terms"] == [{"name": "term 0", "order": "0", "equation": "Eq. (0)",
                                   "delta": {"delta3": 1.5}}]


def test_table_explicit_format(fake, capsys, tmp_path):
    code, _, _ = run(capsys, ["table", "--rmin", "10", "--rmax", "20", "--points", "2",
                              "--format", "json", "--out", str(tmp_path / "W.dat")])
    assert code == 0
    assert read_table(tmp_path / "W.dat", format="json").R.tolist() == [10.0, 20.0]


# ------------------------------------------------------------------ c6, fig11

def test_c6_prints_both_units(fake, capsys):
    code, out, _ = run(capsys, ["c6", "1s", "1s"])
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "C6(1s, 1s) = 6.499026705405839 hartree*bohr^6"
    # keV^-5 from scipy.constants directly: E_h [keV] * (a0 / (hbar c))^6 [keV^-6]
    eh_kev = sc.physical_constants["Hartree energy in eV"][0] * 1e-3
    a0_inv_kev = sc.physical_constants["Bohr radius"][0] / (sc.hbar * sc.c / sc.e * 1e-3)
    value = float(lines[1].split("=")[1].split()[0])
    assert lines[1].endswith("keV^-5")
    # a unit factor to the 6th power: ~6 ulp; 100x → 2e-13 (abs=0: the value is 6.6e-5)
    assert value == pytest.approx(6.499026705405839 * eh_kev * a0_inv_kev**6, rel=2e-13, abs=0)


def test_fig11_command(fake, capsys, tmp_path, monkeypatch):
    png = tmp_path / "fig11.png"
    try:
        import matplotlib  # noqa: F401
    except ImportError:
        code, out, err = run(capsys, ["fig11", "--out", str(png)])
        assert code == 1 and err.count("\n") == 1 and 'pip install "weft[plot]"' in err
        assert not png.exists()
        return
    code, out, err = run(capsys, ["fig11", "--out", str(png)])
    assert code == 0 and err == "" and png.exists()
    t = read_table(tmp_path / "fig11.csv")
    # stand-in: |rel_lon| = R/R0, |rel_cp| = R0/R -> 15% crossings at 0.15 R0 and R0/0.15
    lo, hi = t.metadata["fifteen_percent_range_bohr"]
    assert lo == pytest.approx(0.15 * R0, rel=1e-10)
    assert hi == pytest.approx(R0 / 0.15, rel=1e-10)
    assert "150 < R < 6666.67 bohr" in out


def test_fig11_without_matplotlib_is_one_line(fake, capsys, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "matplotlib", None)   # makes `import matplotlib` fail
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
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
    (["potential", "--r", "10", "--regime", "medium"], 2, "argument --regime"),
    (["potential", "--r", "10", "--order", "7"], 1, "order"),
    (["potential", "--r", "10", "--spins", "triplet:x"], 2, "argument --spins"),
    (["potential", "--r", "10", "--nu", "-1"], 2, "argument --nu"),
    (["potential", "--states", "1s"], 2, "--states"),
    (["potential"], 2, "--r"),
    (["table", "--out", "/nonexistent-dir/sub/W.csv"], 1, "No such file or directory"),
    (["table", "--out", "W.txt"], 1, "unknown table format"),
    (["table", "--out", "W.csv", "--format", "json"], 1, "contradicts"),
    (["table", "--rmin", "10", "--rmax", "1", "--out", "W.csv"], 2, "--rmax"),
    (["table", "--points", "1", "--out", "W.csv"], 2, "--points"),
    (["table", "--points", "2.5", "--out", "W.csv"], 2, "--points"),
    (["c6", "1s"], 2, "state2"),
    (["c6", "1s", "xx"], 1, "state2"),
    ([], 2, "required"),
    (["frobnicate"], 2, "invalid choice"),
]


@pytest.mark.parametrize("argv, status, fragment", BAD, ids=[" ".join(b[0]) or "(none)" for b in BAD])
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


def test_python_m_weft_bad_input_subprocess():
    res = subprocess.run([sys.executable, "-m", "weft", "potential", "--states", "1s", "1d",
                          "--r", "10"], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert res.returncode == 1 and res.stdout == ""
    assert res.stderr.startswith("weft: error: ") and res.stderr.count("\n") == 1
    assert "state2" in res.stderr


def test_real_potential_and_c6_end_to_end(capsys):
    """Real physics: CLI numbers equal the API's (pass-through) and C6 matches literature."""
    from weft.potential import potential
    code, out, err = run(capsys, ["potential", "--r", "20", "1000", "--json"])
    assert code == 0, err
    doc = json.loads(out)
    np.testing.assert_array_equal(doc["W_hartree"], potential(np.array([20.0, 1000.0])))
    code, out, err = run(capsys, ["c6", "1s", "1s"])
    assert code == 0, err
    c6 = float(out.split("=")[1].split()[0])
    # Yan, Babb, Dalgarno, Drake, PRA 54, 2824 (1996): C6 = 6.499 026 705 405 839 313.
    # The 13-digit target: the spectral rule's deterministic error is 5.5e-14, its round-off
    # spread 1e-15 (WEFT_TEST_PERTURB); 2e-13 keeps 100x that spread above the error
    assert math.isclose(c6, 6.499026705405839313, rel_tol=2e-13)
