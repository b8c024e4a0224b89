"""tables/optical_*.csv are up to date; the optical ``weft`` subcommands (weft.cli_optical).

Staleness: ``tables/make_optical_tables.py`` is run into a temporary directory and every
column compared with the committed file, at a tolerance that follows its conditioning:

* columns of one sign (distances, phases, depths, barrier heights of one sign, labels):
  relative RTOL (1e-12). Their cross-machine round-off is ~1e-15: sums of a few terms
  (Green tensor, Matsubara sums of positive terms), roots found by Brent's method to 4ε.
* columns that change sign (the oscillating optical-binding potentials and what contains
  them, the transverse curvatures): absolute RTOL × max|column|. Near a zero the value is
  a cancellation of terms of the size of the column's largest values (≤ 3× near contact;
  for the curvature F·n̂/s at a root, ≤ ε k|V|/s ≈ 1e-13 K/µm² against max 170 K/µm²), so
  its round-off is ≤ 1e-15 × max|column|: a margin ≥ 300, and any real change of the
  physics (> 1e-10 K) fails.
"""
import argparse
import importlib.util
import io
import json
import math
import os
import shlex

import numpy as np
import pytest

from weft.cli_optical import COMMANDS, TABLE_COMMAND, add_subcommands
from weft.fields.optical_landscape import seed_pair
from weft.fields.si import KB
from weft.tables import read_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NAMES = ["optical_fig4_cuts.csv", "optical_fig5_maps.csv", "optical_fig6_minima.csv",
         "optical_bound_states.csv"]
RTOL = 1e-12
HAVE_MPL = importlib.util.find_spec("matplotlib") is not None


def _load_script():
    spec = importlib.util.spec_from_file_location(
        "make_optical_tables", os.path.join(ROOT, "tables", "make_optical_tables.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _same_metadata(a, b, path=""):
    if isinstance(a, float) or isinstance(b, float):
        assert math.isclose(a, b, rel_tol=RTOL, abs_tol=0.0), (path, a, b)
    elif isinstance(a, dict):
        assert set(a) == set(b), (path, set(a) ^ set(b))
        for k in a:
            _same_metadata(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        assert len(a) == len(b), path
        for i, (x, y) in enumerate(zip(a, b)):
            _same_metadata(x, y, f"{path}[{i}]")
    else:
        assert a == b, (path, a, b)


def _tolerance(values):
    """(rtol, atol) of one column (module docstring)."""
    if np.any(values < 0) and np.any(values > 0):
        return 0.0, RTOL * np.max(np.abs(values))
    return RTOL, 0.0


def test_committed_optical_tables_are_up_to_date(tmp_path):
    present = [n for n in NAMES if os.path.exists(os.path.join(ROOT, "tables", n))]
    assert present == NAMES, f"missing: {set(NAMES) - set(present)}; run " \
                             "python tables/make_optical_tables.py"
    _load_script().main(["--out-dir", str(tmp_path)])
    assert sorted(os.listdir(tmp_path)) == sorted(NAMES)
    for name in NAMES:
        new = read_table(tmp_path / name)
        old = read_table(os.path.join(ROOT, "tables", name))
        stale = f"tables/{name} is stale: run python tables/make_optical_tables.py"
        assert list(old.columns) == list(new.columns), stale
        assert old.metadata["rows"] == new.metadata["rows"], stale
        for col, vals in new.columns.items():
            rtol, atol = _tolerance(vals)
            bad = np.abs(old.columns[col] - vals) > atol + rtol * np.abs(vals)
            assert not bad.any(), (f"{stale} (column {col}: {bad.sum()} rows differ, first "
                                   f"{old.columns[col][bad][0]!r} vs {vals[bad][0]!r})")
        strip = lambda m: {k: v for k, v in m.items() if k != "checksum"}  # noqa: E731
        _same_metadata(strip(old.metadata), strip(new.metadata))
        assert old.metadata["command"] == TABLE_COMMAND
        assert old.metadata["regime"] is None and old.metadata["orders"] is None


def test_tolerance_rule_is_needed_and_sufficient():
    """Sufficient: moving the terms of the cut's W_K = U_OB + U_CP by 100 ulp stays inside
    its scaled absolute tolerance. Needed: in the maps W_K passes within 2.7e-5 × max|W_K|
    of zero at a grid point, where its round-off (ε × terms ≈ 3ε max|W_K|) is ~2.5e-11 of
    the value: a relative RTOL would sit below the round-off there."""
    c = read_table(os.path.join(ROOT, "tables", "optical_fig4_cuts.csv")).columns
    eps = np.finfo(float).eps
    ob, cp = c["U_OB_K"], c["U_CP_K"]
    moved = ob * (1 + 100 * eps) + cp * (1 - 100 * eps)
    rtol, atol = _tolerance(c["W_K"])
    assert rtol == 0 and np.all(np.abs(moved - (ob + cp)) <= atol)
    w = read_table(os.path.join(ROOT, "tables", "optical_fig5_maps.csv")).columns["W_K"]
    worst = np.min(np.abs(w)) / np.max(np.abs(w))
    assert 3 * eps / worst > RTOL


def test_table_rows_agree_with_the_library():
    """A few rows recomputed through the public functions (catches a wrong column)."""
    c = read_table(os.path.join(ROOT, "tables", "optical_fig4_cuts.csv")).columns
    pair = seed_pair("yy", np.pi / 2)
    i = [0, 80, 500]
    r = np.stack([c["R_nm"][i] * 1e-9, 0 * c["R_nm"][i], 0 * c["R_nm"][i]], axis=-1)
    ua, ub = pair.interaction(r)
    assert np.allclose(c["U_A_half_pi_K"][i], ua / KB, rtol=1e-12, atol=0)
    assert np.allclose(c["U_B_half_pi_K"][i], ub / KB, rtol=1e-12, atol=0)
    b = read_table(os.path.join(ROOT, "tables", "optical_bound_states.csv")).columns
    # bound states only at Δϕ = 0, π; none for xy tweezers along the axes
    assert set(np.round(b["dphi_rad"], 12)) == {0.0, round(np.pi, 12)}
    assert not np.any(b["polarization"] == 1)
    assert np.all(b["depth_barrier_K"] > 0)


# ------------------------------------------------------------------ the subcommands

def _run(argv, cwd=None):
    parser = argparse.ArgumentParser(prog="weft")
    funcs = add_subcommands(parser.add_subparsers(dest="command", required=True))
    assert funcs == COMMANDS
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    funcs[args.command](args, "weft " + shlex.join(argv), out, err)
    assert err.getvalue() == ""
    return out.getvalue()


def test_optical_prints_potentials_in_kelvin_and_scales_with_intensity():
    base = json.loads(_run(["optical", "--r", "1006.67844903", "3000", "--json"]))
    double = json.loads(_run(["optical", "--r", "1006.67844903", "3000", "--json",
                              "--intensity", "2e-2"]))
    pair = seed_pair()
    va, _ = pair.interaction([[1006.67844903e-9, 0, 0], [3e-6, 0, 0]])
    assert base["U_A_K"] == pytest.approx(list(va / KB), rel=1e-12)
    assert double["U_OB_A_K"] == pytest.approx([2 * u for u in base["U_OB_A_K"]], rel=1e-12)
    assert double["U_CP_K"] == base["U_CP_K"]
    assert base["trap_K"] == pytest.approx(pair.trap[0] / KB, rel=1e-14)
    # at the bottom of the well the force on each sphere vanishes
    assert abs(base["F_A_pN"][0]) < 1e-6 * abs(base["F_A_pN"][1])
    text = _run(["optical", "--r", "1000", "--dphi", "pi/2", "--direction", "y"])
    assert "dphi = 1.5708 rad" in text and "along y" in text


@pytest.mark.parametrize("text, value", [("pi", math.pi), ("-pi/2", -math.pi / 2),
                                         ("3pi/4", 0.75 * math.pi), ("0.5*pi", 0.5 * math.pi),
                                         ("1.25", 1.25), ("π/3", math.pi / 3)])
def test_phase_argument(text, value):
    parser = argparse.ArgumentParser(prog="weft")
    add_subcommands(parser.add_subparsers(dest="command"))
    # '--dphi=-pi/2': a value starting with '-' needs the '=' form (argparse)
    assert parser.parse_args(["optical", f"--dphi={text}", "--r", "1"]).dphi == \
        pytest.approx(value, rel=1e-15)


def test_optical_bound_and_non_conservative_case():
    text = _run(["optical-bound", "--rmax", "2500"])
    first = [ln for ln in text.splitlines() if not ln.startswith("#")][0].split()
    assert float(first[0]) == pytest.approx(1006.68, abs=0.01)
    assert float(first[2]) == pytest.approx(81.433, abs=1e-3)
    assert float(first[3]) == pytest.approx(134.872, abs=1e-3)
    assert "no bound state" in _run(["optical-bound", "--dphi", "pi/2"])
    with pytest.raises(ValueError, match="rmax"):
        _run(["optical-bound", "--rmin", "3000", "--rmax", "1000"])
    with pytest.raises(ValueError, match="contact"):
        _run(["optical-bound", "--rmin", "150"])


def test_optical_state_reproduces_the_seed_and_a_physical_mode():
    text = _run(["optical-state"])
    assert "r = 27.68" in text and "(240.5 dB)" in text
    assert "even cat with |beta|^2 = <n>: <n>_cat/|beta|^2 = 1 " in text
    text = _run(["optical-state", "--mode-volume", "1.2e-18"])      # ~λ³
    r = float(text.split(", r = ")[1].split()[0])
    assert 3.3 < r < 3.5                    # 214 photons: r = 3.38, 29 dB


@pytest.mark.parametrize("argv", [["optical", "--r", "-5"], ["optical", "--dphi", "x"],
                                  ["optical-map", "--points", "3"],
                                  ["optical", "--polarization", "zz", "--r", "1"]])
def test_bad_arguments_are_usage_errors(argv):
    parser = argparse.ArgumentParser(prog="weft", exit_on_error=False)
    add_subcommands(parser.add_subparsers(dest="command"))
    with pytest.raises((SystemExit, argparse.ArgumentError)):
        parser.parse_args(argv)


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (the plot extra) is not installed")
def test_map_and_figures_are_written(tmp_path):
    out = _run(["optical-map", "--polarization", "xy", "--points", "21",
                "--out", str(tmp_path / "m.png"), "--csv", str(tmp_path / "m.csv")])
    assert "wrote" in out and (tmp_path / "m.png").stat().st_size > 0
    t = read_table(tmp_path / "m.csv")
    assert t.metadata["configuration"]["polarization"] == "xy"
    assert len(t.R) == 21 * 21 - 1
    with pytest.raises(FileExistsError):
        _run(["optical-map", "--points", "21", "--out", str(tmp_path / "m.png")])
    _run(["optical-figures", "--points", "21", "--out-dir", str(tmp_path)])
    for k in (4, 5, 6):
        assert (tmp_path / f"optical_fig{k}.png").stat().st_size > 0


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_help_examples_run(command, tmp_path, monkeypatch):
    """Every example line of each subcommand's epilog runs (matplotlib ones if available)."""
    monkeypatch.chdir(tmp_path)
    parser = argparse.ArgumentParser(prog="weft")
    sub = parser.add_subparsers(dest="command")
    add_subcommands(sub)
    epilog = sub.choices[command].epilog
    lines = [ln.strip() for ln in epilog.split("examples:", 1)[1].splitlines() if ln.strip()]
    assert lines
    for line in lines:
        argv = shlex.split(line)[1:]
        if argv[0] in ("optical-map", "optical-figures") and not HAVE_MPL:
            continue
        _run(argv)


def test_parser_choices_follow_the_library_and_import_stays_light():
    """--polarization lists the library's configurations; registering the subcommands does
    not import weft.fields (scipy), so wiring them into `weft` keeps its start-up fast."""
    import subprocess
    import sys

    from weft.cli_optical import POLARIZATION_CHOICES
    from weft.fields.optical_landscape import POLARIZATIONS
    assert POLARIZATION_CHOICES == tuple(POLARIZATIONS)
    probe = ("import sys, argparse, weft.cli_optical as c\n"
             "c.add_subcommands(argparse.ArgumentParser().add_subparsers())\n"
             "print(sorted(m for m in sys.modules if m.startswith(('scipy', 'weft.fields'))))")
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout
    assert out.strip() == "[]"
