"""The one-atom-excited tables (tables/make_field_tables.py) are up to date, and what they hold.

Tolerances follow the conditioning (docs/testing.md): every column is computed from Green
tensors in closed form (no spectral rule, so WEFT_TEST_PERTURB does not move them) and
oscillates through zeros; each is compared with an absolute tolerance RTOL times the sum of
the magnitudes of the terms that cancel in it (its round-off scale), not relative to itself.
"""
import importlib.util
import math
import os

import numpy as np
import pytest

from weft.figure_fields import (DISPLACEMENT_R_NM, NET_FORCE_K0R, RESONANT_R_BOHR,
                                displacement_table, net_force_table, resonant_table)
from weft.fields.atoms import ExcitedHydrogen
from weft.fields.lines import lyman_alpha
from weft.fields.nonconservative import displacement_prefactor
from weft.fields.si import ATOMIC_UNITS, C, EPS0
from weft.tables import read_table, write_table

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FILES = ["resonant_1s2p.csv", "net_force_k0R.csv", "displacement_h2p.csv"]

#: Relative to each column's round-off scale: ~1e-16 × (number of operations ~ 10) → the
#: margin is ≥ 1000.
RTOL = 1e-12


def _load_generator():
    spec = importlib.util.spec_from_file_location(
        "make_field_tables", os.path.join(ROOT, "tables", "make_field_tables.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _scales(name: str, cols: dict) -> dict:
    """Round-off scale of every column (same units as the column)."""
    if name == "resonant_1s2p.csv":
        ly = lyman_alpha()
        a0, eh = ATOMIC_UNITS["length"][0], ATOMIC_UNITS["energy"][0]
        R = cols["R_bohr"] * a0
        k = ly.omega0 / C
        x = k * R
        d02 = abs(ly.dipoles[1, 2]) ** 2
        amp = k * k * d02 / (4 * np.pi * EPS0 * R) / eh
        pi = amp * (1 + 1 / x + 1 / x ** 2)
        sig = 2 * amp * (1 / x + 1 / x ** 2) + pi          # G_zz = G_xx + B/(4πk²R³)
        return {"R_bohr": cols["R_bohr"], "E_sigma_plus": sig, "E_sigma_minus": sig,
                "E_pi_plus": pi, "E_pi_minus": pi}
    if name == "net_force_k0R.csv":
        x = cols["k0R"]
        N = (4 / 9) * 1e-3 / (8 * np.pi ** 2)
        terms = (1 / x + 1 / x ** 2 + 1 / x ** 3) * (1 / x + 1 / x ** 2 + 1 / x ** 3 + 1 / x ** 4)
        return {"k0R": x, "F_identical": N * terms, "F_dissimilar": N * terms}
    if name == "displacement_h2p.csv":
        A = ExcitedHydrogen((1, 0, 1), "H")
        P = displacement_prefactor(A) * 1e15
        v = A.omega0 / C * cols["R_nm"] * 1e-9
        return {"R_nm": cols["R_nm"], "S_A_fm": P * (1 + v + v * v + v ** 3) / v ** 5,
                "S_B_fm": 2 * P * (1 + v) ** 2 / v ** 5}
    raise KeyError(name)


def _same_metadata(a, b, path=""):
    """Equal metadata, floats compared at rtol 1e-12 (libm may differ in the last bit)."""
    if isinstance(a, float) or isinstance(b, float):
        assert math.isclose(a, b, rel_tol=1e-12, abs_tol=0.0), (path, a, b)
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


def test_committed_field_tables_are_up_to_date(tmp_path):
    """tables/{resonant_1s2p,net_force_k0R,displacement_h2p}.csv equal what
    `python3 tables/make_field_tables.py` produces now (columns within RTOL × their
    round-off scale, metadata equal)."""
    missing = [f for f in FILES if not os.path.exists(os.path.join(ROOT, "tables", f))]
    assert not missing, f"run python3 tables/make_field_tables.py (missing {missing})"
    gen = _load_generator()
    fresh = gen.build_tables()
    assert sorted(fresh) == sorted(FILES)
    for name, (c1, c2, meta, extra, names) in fresh.items():
        write_table(tmp_path / name, c1, c2, meta, extra=extra, names=names)
        new = read_table(tmp_path / name)
        old = read_table(os.path.join(ROOT, "tables", name))
        stale = f"tables/{name} is stale: run python3 tables/make_field_tables.py"
        assert list(old.columns) == list(new.columns), stale
        scales = _scales(name, new.columns)
        for col in new.columns:
            diff = np.abs(old.columns[col] - new.columns[col])
            bad = diff > RTOL * scales[col]
            assert not bad.any(), (f"{stale} (column {col}: {bad.sum()} rows differ, first "
                                   f"row {np.flatnonzero(bad)[0]})")
        strip = lambda m: {k: v for k, v in m.items() if k != "checksum"}  # noqa: E731
        _same_metadata(strip(old.metadata), strip(new.metadata))
        assert old.metadata["command"] == "python3 tables/make_field_tables.py"


def test_tolerance_follows_the_conditioning():
    """Needed and sufficient: moving R by 2 ulp moves S_A by less than RTOL × its scale
    everywhere, but by more than 1e-12 of |S_A| near its zeros (a relative tolerance on the
    oscillating column would fail on another CPU)."""
    R = DISPLACEMENT_R_NM
    a = displacement_table(R)
    b = displacement_table(R * (1 + 2 * np.finfo(float).eps))
    scale = _scales("displacement_h2p.csv", {"R_nm": R})["S_A_fm"]
    diff = np.abs(a[1] - b[1])
    assert np.all(diff <= RTOL * scale)
    assert np.max(diff / np.abs(a[1])) > 1e-12


def test_table_contents():
    """Grids and spot values as documented (docs/fields.md §12)."""
    t = read_table(os.path.join(ROOT, "tables", "resonant_1s2p.csv"))
    assert list(t.columns) == ["R_bohr", "E_sigma_plus", "E_sigma_minus", "E_pi_plus",
                               "E_pi_minus"]
    assert t.R[0] == 1.0 and t.R[-1] == pytest.approx(1e6, rel=1e-15) and len(t.R) == 241
    c3 = 65536 / 59049
    assert t.columns["E_sigma_plus"][0] == pytest.approx(-c3, rel=1e-5)
    assert t.columns["E_pi_minus"][0] == pytest.approx(-c3 / 2, rel=1e-5)
    assert np.array_equal(t.columns["E_sigma_minus"], -t.columns["E_sigma_plus"])
    n = read_table(os.path.join(ROOT, "tables", "net_force_k0R.csv"))
    assert list(n.columns) == ["k0R", "F_identical", "F_dissimilar"]
    assert n.R[0] == 0.2 and n.R[-1] == 10.0 and np.allclose(np.diff(n.R), 0.02, rtol=1e-9)
    x = n.R
    N = (4 / 9) * 1e-3 / (8 * np.pi ** 2)
    closed_i = -N * ((1 + np.cos(2 * x)) / x ** 2 - np.sin(2 * x) / x ** 3)
    closed_d = N * ((np.cos(2 * x) - 1) / x ** 3 + np.sin(2 * x) / x ** 2)
    sc = _scales("net_force_k0R.csv", n.columns)
    assert np.all(np.abs(n.columns["F_identical"] - closed_i) <= RTOL * sc["F_identical"])
    assert np.all(np.abs(n.columns["F_dissimilar"] - closed_d) <= RTOL * sc["F_dissimilar"])
    d = read_table(os.path.join(ROOT, "tables", "displacement_h2p.csv"))
    assert list(d.columns) == ["R_nm", "S_A_fm", "S_B_fm"]
    assert d.R[0] == 15.0 and d.R[-1] == 200.0 and len(d.R) == 371
    assert d.metadata["prefactor_p_fm"] == pytest.approx(0.1182, abs=5e-5)
    assert np.all(d.columns["S_B_fm"] > 0)
    assert np.array_equal(RESONANT_R_BOHR, np.geomspace(1.0, 1e6, 241))
    assert len(NET_FORCE_K0R) == 491


def test_write_table_names_keyword(tmp_path):
    """write_table(names=...) writes the given first two column names (meanings required)
    and reads back bit for bit; the default (R_<unit>, W_<unit>) is unchanged."""
    meta = dict(units="SI", states=None, regime=None, orders=None, spins=None, nu=None,
                command="test", columns={"k0R": "k0 R", "F": "force"})
    p = tmp_path / "t.csv"
    write_table(p, [0.5, 1.0], [-1e-30, 2e-31], meta, names=("k0R", "F"))
    t = read_table(p)
    assert list(t.columns) == ["k0R", "F"] and t.W[1] == 2e-31
    with pytest.raises(ValueError, match="meaning"):
        write_table(tmp_path / "u.csv", [1.0], [1.0], dict(meta, columns={}), names=("a", "b"))
    with pytest.raises(ValueError, match="two column names"):
        write_table(tmp_path / "u.csv", [1.0], [1.0], meta, names="ab")
    with pytest.raises(ValueError, match="column name"):
        write_table(tmp_path / "u.csv", [1.0], [1.0], meta, names=("a,b", "c"))
    with pytest.raises(ValueError, match="equal"):
        write_table(tmp_path / "u.csv", [1.0], [1.0], meta, names=("a", "a"))
    with pytest.raises(ValueError, match="> 0"):
        write_table(tmp_path / "u.csv", [0.0], [1.0], meta, names=("k0R", "F"))
    m2 = dict(units="au", states=None, regime=None, orders=None, spins=None, nu=None,
              command="test")
    write_table(tmp_path / "w.csv", [1.0], [-1.0], m2)
    assert list(read_table(tmp_path / "w.csv").columns) == ["R_bohr", "W_hartree"]


def test_tables_build_in_memory_like_the_public_builders():
    """make_field_tables.build_tables() = the weft.figure_fields builders with its command."""
    gen = _load_generator()
    fresh = gen.build_tables()
    for name, build in (("resonant_1s2p.csv", resonant_table),
                        ("net_force_k0R.csv", net_force_table),
                        ("displacement_h2p.csv", displacement_table)):
        ref = build(command=gen.COMMAND)
        assert np.array_equal(fresh[name][1], ref[1]) and fresh[name][4] == ref[4]


# ------------------------------------------------------------------ the weft subcommands

HAVE_MPL = importlib.util.find_spec("matplotlib") is not None


def _wired_parser():
    """weft.cli's parser (it registers the field subcommands) and their command functions."""
    from weft import cli, cli_fields
    parser = cli.build_parser()
    return parser, cli_fields.COMMANDS


def test_cli_fields_subcommands_parse():
    parser, commands = _wired_parser()
    assert sorted(commands) == ["displacement", "netforce", "resonant"]
    args = parser.parse_args(["resonant"])
    assert (args.command, args.out, args.csv, args.force) == ("resonant", "resonant_1s2p.png",
                                                              None, False)
    args = parser.parse_args(["displacement", "--out", "s.pdf", "--csv", "s.json", "--force"])
    assert (args.out, args.csv, args.force) == ("s.pdf", "s.json", True)


@pytest.mark.skipif(HAVE_MPL, reason="matplotlib is installed")
def test_cli_fields_need_matplotlib(tmp_path, monkeypatch):
    import io
    monkeypatch.chdir(tmp_path)
    parser, commands = _wired_parser()
    for name in commands:
        args = parser.parse_args([name])
        with pytest.raises(ImportError, match="matplotlib"):
            commands[name](args, f"weft {name}", io.StringIO(), io.StringIO())
    assert os.listdir(tmp_path) == []


@pytest.mark.skipif(not HAVE_MPL, reason="plotting needs matplotlib")
def test_cli_fields_write_image_and_table(tmp_path, monkeypatch):
    import io
    monkeypatch.chdir(tmp_path)
    parser, commands = _wired_parser()
    for name, stem in (("resonant", "resonant_1s2p"), ("netforce", "net_force_k0R"),
                       ("displacement", "displacement_h2p")):
        out = io.StringIO()
        commands[name](parser.parse_args([name]), f"weft {name}", out, io.StringIO())
        assert os.path.getsize(f"{stem}.png") > 1000
        t = read_table(f"{stem}.csv")
        assert t.metadata["command"] == f"weft {name}"
        assert f"wrote {stem}.png and {stem}.csv" in out.getvalue()
        with pytest.raises(FileExistsError):
            commands[name](parser.parse_args([name]), f"weft {name}", out, io.StringIO())
