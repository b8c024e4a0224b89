"""weft.figures: Fig. 11 data, the 15% range, plotting (optional matplotlib).

With an analytic stand-in for the physics,
    W_int = -C6/R^6/(1 + R/R0),  W_lon = -C6/R^6,  W_cp = -C6 R0/R^7,
the relative differences are exactly rel_lon = -R/R0 and rel_cp = -R0/R, so the 15%
crossings are R0*0.15 and R0/0.15 in closed form: that checks the root finding and the
definitions independently of the physics. The real-physics tests at the bottom compare
with the paper's statements (Sec. VI and Conclusions).
"""
import importlib.util
import os
import sys

import numpy as np
import pytest

from weft import units
import scipy.constants as sc

from weft import figures
from weft.tables import read_table

R0 = 1000.0
HAVE_MPL = importlib.util.find_spec("matplotlib") is not None


@pytest.fixture
def fake(monkeypatch):
    """Replace the physics weft.figures reads (names looked up at call time)."""
    def potential(R, state1="1s", state2="1s", *, regime="intermediate", order=None,
                  spins=None, units="au", nu=None):
        assert (regime, order, units) == ("intermediate", "0", "au")
        R = np.asarray(R, float)
        return -6.5 / R**6 / (1 + R / R0)

    monkeypatch.setattr(figures, "potential", potential)
    monkeypatch.setattr(figures, "london",
                        lambda R, s1="1s", s2="1s", units="au": -6.5 / np.asarray(R, float)**6)
    monkeypatch.setattr(figures, "casimir_polder", lambda R, s1="1s", s2="1s", units="au":
                        -6.5 * R0 / np.asarray(R, float)**7)


def test_x_is_R_times_delta_E12_in_natural_units():
    # 1 bohr = hbar/(m_e c alpha); |dE_12| = 3/8 alpha^2 m_e c^2 -> x = R_bohr * alpha * 3/8.
    # Check against SI: x = R[m] * |dE_12|[J] / (hbar c).
    R_bohr = 400.0
    x_si = (R_bohr * sc.physical_constants["Bohr radius"][0]
            * 0.375 * sc.physical_constants["Hartree energy"][0] / (sc.hbar * sc.c))
    assert figures.x_from_bohr(R_bohr) == pytest.approx(x_si, rel=1e-9)  # CODATA consistency
    # round trip, a few flops: floor a few ulp; 100x → 1e-13
    assert figures.bohr_from_x(figures.x_from_bohr(R_bohr)) == pytest.approx(R_bohr, rel=1e-13)


def test_fig11_data_shapes_and_definitions(fake):
    d = figures.fig11_data()
    assert set(d) == {"x", "R_bohr", "W_int", "W_lon", "W_cp", "rel_lon", "rel_cp"}
    assert all(v.shape == (241,) and np.all(np.isfinite(v)) for v in d.values())
    assert d["x"][0] == 1e-3 and d["x"][-1] == 1e3
    # rel_lon = 1 - W_lon/W_int cancels at small R (-3.7e-4 from O(1) terms at x = 1e-3; 4.5e-13
    # relative seen), rel_cp likewise at large R: compared on the scale of the terms that
    # cancel, |W_ref/W_int| + 1 (as tables/fig11.csv is), floor a few ulp of it; 100x → 1e-13
    for col, ref, exact in (("rel_lon", "W_lon", -d["R_bohr"] / R0), ("rel_cp", "W_cp", -R0 / d["R_bohr"])):
        scale = np.abs(d[ref] / d["W_int"]) + 1
        assert np.all(np.abs(d[col] - exact) <= 1e-13 * scale), col
    small = figures.fig11_data([0.5, 2.0])
    assert small["x"].tolist() == [0.5, 2.0]


@pytest.mark.parametrize("x", [[0.0, 1.0], [-1.0], [np.nan], []])
def test_fig11_data_rejects_bad_x(fake, x):
    with pytest.raises(ValueError, match="x must be positive"):
        figures.fig11_data(x)


def test_fifteen_percent_range_closed_form(fake):
    lo, hi = figures.fifteen_percent_range()
    # brentq in log R stops within xtol 1e-13, the bound of its error whatever the CPU
    # (measured 2.5e-14): 100x → 1e-11
    assert lo == pytest.approx(0.15 * R0, rel=1e-11)
    assert hi == pytest.approx(R0 / 0.15, rel=1e-11)
    lo, hi = figures.fifteen_percent_range(0.05)
    assert (lo, hi) == (pytest.approx(50.0, rel=1e-11), pytest.approx(2e4, rel=1e-11))


@pytest.mark.parametrize("kwargs", [dict(threshold=0), dict(threshold=1.5),
                                    dict(rmin=10, rmax=1), dict(points=2),
                                    dict(rmin=1e4, rmax=1e6)])   # London already off at rmin
def test_fifteen_percent_range_bad_arguments(fake, kwargs):
    with pytest.raises(ValueError):
        figures.fifteen_percent_range(**kwargs)


def test_fig11_table_metadata(fake):
    R, W, meta, extra = figures.fig11_table([1.0, 10.0], command="pytest")
    assert meta["command"] == "pytest" and meta["regime"] == "intermediate"
    assert meta["orders"] == ["0"] and set(extra) <= set(meta["columns"])
    np.testing.assert_allclose(extra["x"], [1.0, 10.0], rtol=1e-13)   # round trip: few ulp, 100x


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
def test_fig11_writes_png_and_csv(fake, tmp_path):
    png, csv = tmp_path / "f.png", tmp_path / "f.csv"
    lo, hi = figures.fig11(png, csv, x=np.geomspace(1e-2, 1e2, 41))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    t = read_table(csv)
    assert len(t.R) == 41 and t.metadata["fifteen_percent_range_bohr"] == [lo, hi]
    # cancelling column: on the scale of its terms, as in test_fig11_data_shapes_and_definitions
    scale = np.abs(t.columns["W_lon_hartree"] / t.W) + 1
    assert np.all(np.abs(t.columns["rel_lon"] + t.R / R0) <= 1e-13 * scale)


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
def test_fig11_figure_content(fake, tmp_path, monkeypatch):
    """Issue 8, item 13: a bohr axis on top (the inverse of x_from_bohr), labelled +-15 %
    lines, the 1s-1s tag, our window and the paper's 400-2000 bohr marked apart."""
    from matplotlib.figure import Figure
    drawn = []
    original = Figure.savefig
    monkeypatch.setattr(Figure, "savefig",
                        lambda self, *a, **k: (drawn.append(self), original(self, *a, **k)))
    lo, hi = figures.fig11(tmp_path / "f.png", x=np.geomspace(1e-2, 1e2, 41))
    (fig,) = drawn
    main_axes = [ax for ax in fig.axes if ax.get_xlabel().startswith("$x = R")]
    assert len(main_axes) == 2
    fig.canvas.draw()
    for ax in main_axes:
        (top,) = [c for c in ax.child_axes if c.get_xlabel() == "R (bohr)"]
        # the top axis is R in bohr: its tick at R = 1000 sits where x = x_from_bohr(1000)
        assert 1000.0 in top.get_xticks()
        at_top = top.transData.transform((1000.0, 0.0))[0]
        below = ax.transData.transform((float(figures.x_from_bohr(1000.0)), 0.0))[0]
        assert at_top == pytest.approx(below, abs=1e-6)
    legend = [t.get_text() for t in fig.legends[0].get_texts()]
    assert "±15 % lines" in legend
    assert f"neither within 15 % (weft): {lo:.0f}–{hi:.0f} bohr" in legend
    assert ("the paper's quoted range, 400–2000 bohr (not reproduced: docs/errata.md E8)"
            in legend)
    for ax in main_axes:
        texts = [t.get_text() for t in ax.texts]
        assert "H(1s)–H(1s)" in texts and "+15 %" in texts and "−15 %" in texts
        spans = [p for p in ax.patches]
        x_spans = sorted((p.get_x(), p.get_x() + p.get_width()) for p in spans)
        expected = sorted([tuple(float(figures.x_from_bohr(r)) for r in (lo, hi)),
                           tuple(float(figures.x_from_bohr(r))
                                 for r in figures.PAPER_RANGE_BOHR)])
        np.testing.assert_allclose(x_spans, expected, rtol=1e-12)


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
def test_image_output_names_and_formats(tmp_path):
    assert figures.image_output("f.pdf") == ("f.pdf", "pdf")
    assert figures.image_output("f.SVG") == ("f.SVG", "svg")
    assert figures.image_output("noext") == ("noext.png", "png")
    with pytest.raises(ValueError, match=r"f\.xyz: unknown image format '\.xyz'"):
        figures.image_output("f.xyz")
    with pytest.raises(IsADirectoryError):
        figures.image_output(tmp_path)


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
def test_fig11_is_all_or_nothing(fake, tmp_path, monkeypatch):
    """A failure while writing leaves neither file (and no temporary) behind, and an
    existing file untouched; overwrite=False refuses existing files before computing."""
    from matplotlib.figure import Figure
    png, csv = tmp_path / "f.png", tmp_path / "f.csv"
    csv.write_text("old\n")
    original = Figure.savefig

    def broken(self, *a, **k):
        raise RuntimeError("renderer failed")
    monkeypatch.setattr(Figure, "savefig", broken)
    with pytest.raises(RuntimeError):
        figures.fig11(png, csv, x=[1.0, 2.0])
    assert os.listdir(tmp_path) == ["f.csv"] and csv.read_text() == "old\n"
    monkeypatch.setattr(Figure, "savefig", original)
    monkeypatch.setattr(figures, "fig11_table", lambda *a, **k: pytest.fail("computed"))
    with pytest.raises(FileExistsError):
        figures.fig11(png, csv, overwrite=False)


def test_fig11_without_matplotlib_says_how_to_install(fake, monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    monkeypatch.setitem(sys.modules, "matplotlib.figure", None)
    with pytest.raises(ImportError, match=r'pip install "weft\[plot\]"'):
        figures.fig11(tmp_path / "f.png")


# ------------------------------------------------------------------ real physics

def test_real_fig11_limits():
    """W_Int -> London at small R and -> Casimir-Polder at large R (Sec. VI)."""
    d = figures.fig11_data([1e-3, 1e-2, 1e2, 1e3])
    assert np.all(np.isfinite(d["W_int"])) and np.all(d["W_int"] < 0)
    assert np.all(np.diff(d["R_bohr"]) > 0)
    # Leading corrections, independent of the code: relative to London the first
    # retardation term is W^(1) ~ alpha^2 C4/R^4 (Sec. IV, Eq. (28)), i.e. rel_lon ~ R^2;
    # relative to Casimir-Polder the next term falls like R^-9 (multipole expansion of the
    # Casimir-Polder integral), i.e. rel_cp ~ R^-2. A decade in R changes them by 100.
    # Tolerances: the next orders are ~ alpha R ~ 3% at R = 3.7 bohr (short regime
    # order 3/2 / order 1) and ~ 1/(alpha R) ~ 0.4% at R = 3.7e4 bohr.
    assert d["rel_lon"][1] / d["rel_lon"][0] == pytest.approx(100.0, rel=0.05)
    assert d["rel_cp"][2] / d["rel_cp"][3] == pytest.approx(100.0, rel=0.01)
    assert abs(d["rel_lon"][0]) < 1e-5 and abs(d["rel_cp"][3]) < 1e-4


def test_real_fifteen_percent_range_vs_paper():
    """Paper, Conclusions: W_Int is needed "(with an accuracy better than about 15%) ...
    between 400 to 2000 times the Bohr radius"; Sec. VI: convergence towards London is
    "somewhat faster" than towards Casimir-Polder.

    The crossings are recomputed independently of weft.figures and of the fast path: Brent
    root finding on W_Int from Eqs. (61)+(62) (state sums + dispersive transform), London
    from C6 and Casimir-Polder from α(1s) = 9/2. We find 305.6 and 1827.9 bohr, not 400 and
    2000 (docs/errata.md, E8).
    """
    from scipy.optimize import brentq
    from hydrogen.sums import C6
    from weft.matching.intermediate import potential_eq61
    c6, c7 = C6("1s", "1s"), 23 * 4.5 ** 2 / (4 * np.pi * units.ALPHA)
    rel = lambda r, w: abs((potential_eq61(np.array([r]))[0] - w) / potential_eq61(np.array([r]))[0])
    r_lo = brentq(lambda r: rel(r, -c6 / r ** 6) - 0.15, 100, 1000, xtol=1e-8)
    r_hi = brentq(lambda r: rel(r, -c7 / r ** 7) - 0.15, 1000, 5000, xtol=1e-8)
    lo, hi = figures.fifteen_percent_range()
    assert lo == pytest.approx(r_lo, rel=1e-7) and hi == pytest.approx(r_hi, rel=1e-7)
    assert not (390 < lo < 410)            # the paper's lower end is not reproduced (E8)
    # "faster towards London": in units of 1/|dE_12| the London crossing is closer to the
    # crossover x = 1 (on a log scale) than the Casimir-Polder crossing
    x_lo, x_hi = figures.x_from_bohr(lo), figures.x_from_bohr(hi)
    assert abs(np.log(x_lo)) < abs(np.log(x_hi))
    # consistency with the table of Fig. 11: |rel| = 0.15 exactly at the returned points
    d = figures.fig11_data([x_lo, x_hi])
    assert abs(d["rel_lon"][0]) == pytest.approx(0.15, rel=1e-10)
    assert abs(d["rel_cp"][1]) == pytest.approx(0.15, rel=1e-10)


@pytest.mark.skipif(not HAVE_MPL, reason="matplotlib (extra 'plot') not installed")
def test_real_fig11_marks_our_window_and_the_papers(tmp_path, monkeypatch):
    """Real physics: the shaded window is the computed 306-1828 bohr (E8), the hatched one
    the paper's 400-2000 bohr; the data table carries the same window."""
    from matplotlib.figure import Figure
    drawn = []
    original = Figure.savefig
    monkeypatch.setattr(Figure, "savefig",
                        lambda self, *a, **k: (drawn.append(self), original(self, *a, **k)))
    lo, hi = figures.fig11(tmp_path / "f.png", tmp_path / "f.csv")
    legend = [t.get_text() for t in drawn[0].legends[0].get_texts()]
    assert "neither within 15 % (weft): 306–1828 bohr" in legend
    assert any("400–2000 bohr" in t for t in legend)
    assert read_table(tmp_path / "f.csv").metadata["fifteen_percent_range_bohr"] == [lo, hi]
