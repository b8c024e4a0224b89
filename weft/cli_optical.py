"""``weft`` subcommands for driven particles (seed 003): optical binding, landscapes, states.

Subcommands (registered by :func:`add_subcommands`; the command functions take
``(args, command, out, err)`` like those of :mod:`weft.cli`)::

    weft optical --polarization yy --dphi 0 --r 500 1006.7 2000
    weft optical-bound --polarization yy --dphi pi
    weft optical-map --polarization xy --out map.png --csv map.csv
    weft optical-figures --out-dir .
    weft optical-state --intensity 1e-2 --mode-volume 1

Units at this boundary (the seed's): distances and wavelengths in nm, tweezer intensity
in W/µm², radius in nm, temperature in K, energies in K (E/k_B), forces in pN, phases in
rad (``pi``, ``pi/2``, ``-3pi/4`` accepted). Inside, :mod:`weft.fields` works in SI.

Also here (files are written only at the edge): the data of the seed's Figs. 4–6 as weft
tables (:func:`optical_tables`, written to tables/ by ``python tables/make_optical_tables.py``)
and the figures themselves (matplotlib, optional).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import textwrap

import numpy as np

from .tables import check_output, check_writable, staged_files, write_table

# The physics (weft.fields: scipy) is imported inside the functions that use it, so that
# registering these subcommands keeps `weft` itself fast to start (tests/test_imports.py).

__all__ = ["add_subcommands", "COMMANDS", "optical_tables", "fig4_table", "fig5_table",
           "fig6_table", "bound_state_table", "draw_fig4", "draw_fig5", "draw_fig6",
           "draw_map", "TABLE_COMMAND"]

NM = 1e-9
W_PER_UM2 = 1e12                  # W/µm² in W/m²
PN = 1e-12

#: The command recorded in the tables of tables/ made by :func:`optical_tables`.
TABLE_COMMAND = "python tables/make_optical_tables.py"

#: Grids of the tables (nm): Fig. 4 cuts, Fig. 5 maps, Fig. 6 loci, bound states.
CUT_NM = np.arange(205.0, 10000.0 + 1e-9, 10.0)
MAP_NM = np.arange(-30, 31) * 100.0
LOCI_PHASES = np.arange(73) * (np.pi / 36)                  # 0 … 2π in steps of 5°
RANGE_NM = (205.0, 6000.0)

#: --polarization choices (= weft.fields.optical_landscape.POLARIZATIONS, tested).
POLARIZATION_CHOICES = ("yy", "xy", "xx")


# ------------------------------------------------------------------ argument types

def _positive(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(v) or v <= 0:
        raise argparse.ArgumentTypeError(f"must be positive and finite, got {text!r}")
    return v


def _nonnegative(text: str) -> float:
    try:
        v = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(v) or v < 0:
        raise argparse.ArgumentTypeError(f"must be >= 0 and finite, got {text!r}")
    return v


_PI_FORM = re.compile(r"([+-]?)(\d*\.?\d*)\*?pi(?:/(\d+\.?\d*))?")


def _phase(text: str) -> float:
    """A phase in rad: a number, or a multiple of pi ('pi', '-pi/2', '3pi/4', '0.5*pi')."""
    t = text.strip().lower().replace("π", "pi")
    m = _PI_FORM.fullmatch(t)
    if m:
        sign, num, den = m.groups()
        value = (float(num) if num else 1.0) * math.pi / (float(den) if den else 1.0)
        return -value if sign == "-" else value
    try:
        v = float(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a phase: {text!r} (rad, or e.g. pi/2)") from None
    if not math.isfinite(v):
        raise argparse.ArgumentTypeError(f"must be finite, got {text!r}")
    return v


def _points(text: str) -> int:
    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if not 11 <= v <= 2000:
        raise argparse.ArgumentTypeError(f"need 11 ... 2000 points, got {v}")
    return v


def _wrap(text: str) -> str:
    return textwrap.fill(" ".join(text.split()), 78)


def _add_pair_options(p) -> None:
    p.add_argument("--polarization", choices=POLARIZATION_CHOICES, default="yy",
                   help="tweezer polarizations at A and B (first letter: A); the spheres move "
                        "in the xy plane, the beams propagate along z (default: yy)")
    p.add_argument("--dphi", type=_phase, default=0.0,
                   help="relative phase of the tweezers, phi_A - phi_B, in rad (pi, pi/2 "
                        "accepted; negative values as --dphi=-pi/2; default 0)")
    p.add_argument("--intensity", type=_nonnegative, default=None,
                   help="intensity of each tweezer in W/um^2 (default: seed 003's 1e-2)")
    p.add_argument("--radius", type=_positive, default=None,
                   help="radius of the silica spheres in nm (default: seed 003's 100)")
    p.add_argument("--temperature", type=_nonnegative, default=None,
                   help="bath temperature in K of the Casimir-Polder potential (default: "
                        "seed 003's 300)")
    p.add_argument("--wavelength", type=_positive, default=None,
                   help="tweezer wavelength in nm (default: seed 003's 1064)")


def _scaled(value, factor):
    return None if value is None else value * factor


def _pair(args):
    """The OpticalPair of the command line (None: the seed's value, SEED_003)."""
    from .fields.optical_landscape import seed_pair
    return seed_pair(args.polarization, args.dphi,
                     intensity=_scaled(args.intensity, W_PER_UM2),
                     radius=_scaled(args.radius, NM), temperature=args.temperature,
                     wavelength=_scaled(args.wavelength, NM))


def _configuration(pair, polarization, dphi) -> dict:
    """What a table or a printout says about the physics (JSON-ready)."""
    from .fields.si import EPS0, KB
    sphere = pair.particle_A
    alpha_t = complex(sphere.alpha(pair.omega)) / (4 * np.pi * EPS0 * sphere.radius ** 3)
    return {"particles": "two silica spheres, Clausius-Mossotti with the two-oscillator "
                         "Drude-Lorentz permittivity of seed 003 Eq. (35) "
                         "(weft.fields.particles.SILICA)",
            "radius_nm": sphere.radius / NM, "wavelength_nm": pair.wavelength / NM,
            "intensity_W_per_um2": pair.drive.intensity_A / W_PER_UM2,
            "polarization": polarization, "dphi_rad": dphi,
            "temperature_K": pair.temperature,
            "alpha_tilde": [alpha_t.real, alpha_t.imag],
            "trap_K": pair.trap[0] / KB}


def _describe(config: dict) -> str:
    return (f"{config['polarization']} tweezers, dphi = {config['dphi_rad']:.6g} rad, "
            f"I = {config['intensity_W_per_um2']:g} W/um^2, a = {config['radius_nm']:g} nm, "
            f"T = {config['temperature_K']:g} K, lambda = {config['wavelength_nm']:g} nm")


def _meta(description: str, columns: dict, extra: dict | None = None,
          command: str = TABLE_COMMAND) -> dict:
    meta = {"units": "K", "length_unit": "nm", "states": None, "regime": None,
            "orders": None, "spins": None, "nu": None, "command": command,
            "description": description, "columns": columns}
    meta.update(extra or {})
    return meta


# ------------------------------------------------------------------ tables

def fig4_table(s_nm=None, *, command=TABLE_COMMAND):
    """003 Fig. 4: cuts along x̂ (yy tweezers) at Δϕ = 0, π, π/2 as weft-table pieces.

    Parameters
    ----------
    s_nm : array_like, optional
        Separations in nm (default :data:`CUT_NM`: 205 nm … 10 µm every 10 nm).
    command : str
        Recorded in the metadata.

    Returns
    -------
    R, W, metadata, extra
        ``W_K``: the joint interaction V = U_OB + U_CP at Δϕ = 0 (K; add the trap of the
        metadata for the seed's total potential); extra columns below.

    Examples
    --------
    >>> R, W, meta, extra = fig4_table([500.0, 1006.7])
    >>> round(float(W[1]), 2), sorted(extra)[:2]
    (-81.43, ['U_A_half_pi_K', 'U_B_half_pi_K'])
    """
    from .fields.optical_landscape import phase_scan, seed_pair
    from .fields.si import KB

    s = CUT_NM if s_nm is None else np.asarray(s_nm, dtype=float)
    pair = seed_pair("yy", 0.0)
    ua, ub = phase_scan(pair, s * NM, [0.0, np.pi, np.pi / 2])
    r = np.stack([s * NM, 0 * s, 0 * s], axis=-1)
    cp = pair.casimir_polder(r)
    ob, _ = pair.binding(r)
    extra = {"U_pi_K": ua[1] / KB, "U_A_half_pi_K": ua[2] / KB, "U_B_half_pi_K": ub[2] / KB,
             "U_OB_K": ob / KB, "U_CP_K": cp / KB}
    columns = {
        "R_nm": "separation x of the sphere centres along x (nm), B at (x, 0, 0)",
        "W_K": "V = U_OB + U_CP at dphi = 0 (K): the joint potential of both spheres "
               "relative to separated spheres (U_A = U_B)",
        "U_pi_K": "the same at dphi = pi (K)",
        "U_A_half_pi_K": "U_A - U_trap at dphi = pi/2 (K): sphere A (non-conservative)",
        "U_B_half_pi_K": "U_B - U_trap at dphi = pi/2 (K): sphere B (= U_A at -pi/2)",
        "U_OB_K": "optical binding alone at dphi = 0 (K)",
        "U_CP_K": "thermal Casimir-Polder alone (K)",
    }
    meta = _meta("Seed 003 Fig. 4: two silica spheres in flat yy tweezers, cut along x "
                 "(docs/optical.md). Add trap_K for the total potential of one sphere "
                 "(the seed's plateau).", columns,
                 {"configuration": _configuration(pair, "yy", 0.0)}, command)
    return s, ua[0] / KB, meta, extra


def fig5_table(grid_nm=None, *, command=TABLE_COMMAND):
    """003 Fig. 5: maps of the interaction in the plane z = 0 for yy, xy, xx at Δϕ = 0.

    Points where the spheres overlap (|r| ≤ 2a) are left out. Rows run over y, then x.

    Parameters
    ----------
    grid_nm : array_like, optional
        Coordinates (nm) of the square grid (default :data:`MAP_NM`, −3 … 3 µm every
        100 nm).
    command : str

    Returns
    -------
    R, W, metadata, extra
        ``R_nm`` = |r|, ``W_K`` = yy map; extra ``U_xy_K``, ``U_xx_K``, ``x_nm``, ``y_nm``.

    Examples
    --------
    >>> R, W, meta, extra = fig5_table([-1000.0, 0.0, 1000.0])
    >>> len(R), list(extra)
    (8, ['U_xy_K', 'U_xx_K', 'x_nm', 'y_nm'])
    """
    from .fields.optical_landscape import POLARIZATIONS, seed_pair
    from .fields.si import KB

    g = MAP_NM if grid_nm is None else np.asarray(grid_nm, dtype=float)
    maps = {}
    for pol in POLARIZATIONS:
        pair = seed_pair(pol, 0.0)
        maps[pol] = pair.plane(g * NM, g * NM)
    keep = ~maps["yy"].U_A.mask
    X, Y = np.meshgrid(g, g)
    extra = {"U_xy_K": maps["xy"].U_A.data[keep] / KB, "U_xx_K": maps["xx"].U_A.data[keep] / KB,
             "x_nm": X[keep], "y_nm": Y[keep]}
    columns = {
        "R_nm": "|r| = |r_B - r_A| (nm)",
        "W_K": "interaction V = U_OB + U_CP (K), yy tweezers, dphi = 0, B at (x_nm, y_nm, 0)",
        "U_xy_K": "the same for xy tweezers (A along x, B along y)",
        "U_xx_K": "the same for xx tweezers",
        "x_nm": "x of r_B - r_A (nm)", "y_nm": "y of r_B - r_A (nm)",
    }
    meta = _meta("Seed 003 Fig. 5: interaction maps in the plane z = 0, dphi = 0 (U_A = U_B); "
                 "points with overlapping spheres omitted", columns,
                 {"configuration": _configuration(seed_pair("yy"), "yy, xy, xx", 0.0)},
                 command)
    return np.hypot(X[keep], Y[keep]), maps["yy"].U_A.data[keep] / KB, meta, extra


def fig6_table(phases=None, *, command=TABLE_COMMAND):
    """003 Fig. 6(c): minima of U_A and U_B along x̂ (yy) for each relative phase Δϕ.

    Parameters
    ----------
    phases : array_like, optional
        Δϕ (rad; default :data:`LOCI_PHASES`, 0 … 2π every 5°).
    command : str

    Returns
    -------
    R, W, metadata, extra
        One row per minimum: ``R_nm`` its position, ``W_K`` U − U_trap there; extra
        ``dphi_rad``, ``sphere`` (0: A, 1: B).

    Examples
    --------
    >>> R, W, meta, extra = fig6_table([0.0])
    >>> [round(float(x), 1) for x in R[:2]], extra["sphere"][:2].tolist()
    ([1006.7, 2100.7], [0.0, 0.0])
    """
    from .fields.optical_landscape import minima_loci, seed_pair
    from .fields.si import KB

    ph = LOCI_PHASES if phases is None else np.asarray(phases, dtype=float)
    pair = seed_pair("yy", 0.0)
    lo, hi = RANGE_NM[0] * NM, RANGE_NM[1] * NM
    loci = minima_loci(pair, ph, lo, hi)
    R, W, dphi, sphere = [], [], [], []
    for i, d in enumerate(ph):
        shifted = pair.with_phase(d)
        for k, name in enumerate(("A", "B")):
            s = loci[name][i]
            if s.size:
                v = shifted.interaction(np.stack([s, 0 * s, 0 * s], axis=-1))[k]
                R += list(s / NM)
                W += list(v / KB)
                dphi += [d] * s.size
                sphere += [float(k)] * s.size
    columns = {"R_nm": "position x of a minimum along x (nm)",
               "W_K": "U - U_trap of that sphere at the minimum (K)",
               "dphi_rad": "relative tweezer phase dphi = phi_A - phi_B (rad)",
               "sphere": "0: minimum of U_A (sphere A), 1: of U_B (sphere B)"}
    meta = _meta(f"Seed 003 Fig. 6(c): minima of U_A and U_B along x for yy tweezers, "
                 f"{RANGE_NM[0]:g} nm < x < {RANGE_NM[1]:g} nm; they coincide (bound states) "
                 "only at dphi = 0 and pi", columns,
                 {"configuration": _configuration(pair, "yy", "0 ... 2 pi")}, command)
    return (np.array(R), np.array(W),
            meta, {"dphi_rad": np.array(dphi), "sphere": np.array(sphere)})


def bound_state_table(*, command=TABLE_COMMAND):
    """Bound states (common minima of U_A, U_B) along x̂ and ŷ for yy, xy, xx, Δϕ = 0, π.

    Parameters
    ----------
    command : str

    Returns
    -------
    R, W, metadata, extra
        ``R_nm`` position, ``W_K`` V at the minimum; extra columns: ``polarization``
        (0 yy, 1 xy, 2 xx), ``direction`` (0 x, 1 y), ``dphi_rad``,
        ``depth_dissociation_K``, ``depth_barrier_K``, ``barrier_left_nm``,
        ``barrier_left_K``, ``barrier_right_nm``, ``barrier_right_K``,
        ``transverse_curvature_K_per_um2``.

    Examples
    --------
    >>> R, W, meta, extra = bound_state_table()
    >>> round(float(R[0]), 1), round(float(extra["depth_barrier_K"][0]), 2)
    (1006.7, 134.87)
    """
    from .fields.optical_landscape import POLARIZATIONS, bound_states, seed_pair
    from .fields.si import KB

    rows = []
    lo, hi = RANGE_NM[0] * NM, RANGE_NM[1] * NM
    for ip, pol in enumerate(POLARIZATIONS):
        for dphi in (0.0, np.pi):
            pair = seed_pair(pol, dphi)
            for idir, direction in enumerate(((1.0, 0.0, 0.0), (0.0, 1.0, 0.0))):
                for b in bound_states(pair, lo, hi, direction):
                    rows.append((b.s / NM, b.energy / KB, ip, idir, dphi,
                                 b.depth_dissociation / KB, b.depth_barrier / KB,
                                 b.barrier_left[0] / NM, b.barrier_left[1] / KB,
                                 b.barrier_right[0] / NM, b.barrier_right[1] / KB,
                                 b.transverse_curvature * 1e-12 / KB))
    a = np.array(rows, dtype=float).reshape(-1, 12)
    names = ["polarization", "direction", "dphi_rad", "depth_dissociation_K",
             "depth_barrier_K", "barrier_left_nm", "barrier_left_K", "barrier_right_nm",
             "barrier_right_K", "transverse_curvature_K_per_um2"]
    columns = {
        "R_nm": "distance s of the bound state along the direction (nm)",
        "W_K": "V = U_OB + U_CP at the minimum (K), relative to separated spheres",
        "polarization": "0: yy, 1: xy, 2: xx (tweezer at A, at B)",
        "direction": "0: along x, 1: along y (the plane z = 0)",
        "dphi_rad": "relative tweezer phase (rad): 0 or pi",
        "depth_dissociation_K": "-V(s): depth below separated spheres (K)",
        "depth_barrier_K": "min(V_left, V_right) - V(s): depth below the lower barrier (K)",
        "barrier_left_nm": "position of the nearest maximum towards contact; the contact "
                           "distance 2a when V rises monotonically to contact (nm)",
        "barrier_left_K": "V there (K)",
        "barrier_right_nm": "position of the nearest maximum outwards (nm)",
        "barrier_right_K": "V there (K)",
        "transverse_curvature_K_per_um2": "d2V/dt2 across the line in the plane (K/um^2); "
                                          "> 0: stable in the plane",
    }
    meta = _meta(f"Bound states of two silica spheres in flat tweezers (seed 003 Sec. IV B), "
                 f"{RANGE_NM[0]:g} nm < s < {RANGE_NM[1]:g} nm (docs/optical.md)", columns,
                 {"configuration": _configuration(seed_pair(), "yy, xy, xx", "0, pi")},
                 command)
    return a[:, 0], a[:, 1], meta, {n: a[:, i + 2] for i, n in enumerate(names)}


def optical_tables(*, command=TABLE_COMMAND) -> dict:
    """All tables of tables/ for seed 003's Figs. 4–6: file name -> (R, W, metadata, extra).

    Parameters
    ----------
    command : str
        Recorded in every table's metadata (default :data:`TABLE_COMMAND`).

    Returns
    -------
    dict

    Examples
    --------
    >>> sorted(optical_tables())                                  # doctest: +SKIP
    ['optical_bound_states.csv', 'optical_fig4_cuts.csv', 'optical_fig5_maps.csv', ...]
    """
    return {"optical_fig4_cuts.csv": fig4_table(command=command),
            "optical_fig5_maps.csv": fig5_table(command=command),
            "optical_fig6_minima.csv": fig6_table(command=command),
            "optical_bound_states.csv": bound_state_table(command=command)}


# ------------------------------------------------------------------ figures

def _figure_class():
    from .figures import _figure_class as figure_class
    return figure_class()


def draw_fig4(Figure):
    """003 Fig. 4: (a) U_A at Δϕ = 0, π with the trap plateau; (b) zoom on the wells with
    the bound states and their depths; (c) U_A, U_B at Δϕ = π/2.

    Parameters
    ----------
    Figure : type
        ``matplotlib.figure.Figure``.

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_fig4(_figure_class())                               # doctest: +SKIP
    """
    from .fields.optical_landscape import bound_states, phase_scan, seed_pair
    from .fields.si import HBAR, KB, C

    pair = seed_pair("yy", 0.0)
    s = np.geomspace(2.02 * pair.particle_A.radius, 2e-5, 3000)
    ua, ub = phase_scan(pair, s, [0.0, np.pi, np.pi / 2])
    trap = pair.trap[0] / KB
    x = s / 1e-6
    fig = Figure(figsize=(15, 4.8), layout="constrained")
    fig.suptitle("Two silica spheres (a = 100 nm), flat yy tweezers, I = 10⁻² W/µm², "
                 "λ₀ = 1064 nm, T = 300 K (seed 003 Fig. 4; docs/optical.md)", fontsize=9)
    ax_a, ax_z, ax_b = fig.subplots(1, 3)
    ax_a.semilogx(x, trap + ua[0] / KB, color="green", label="Δϕ = 0 (U_A = U_B)")
    ax_a.semilogx(x, trap + ua[1] / KB, color="C0", label="Δϕ = π")
    ax_b.semilogx(x, trap + ua[2] / KB, color="maroon", label="sphere A (Δϕ = π/2)")
    ax_b.semilogx(x, trap + ub[2] / KB, color="black", label="sphere B (sees −π/2)")
    lam_t = HBAR * C / (KB * pair.temperature)                 # 7.6 µm at 300 K
    for ax in (ax_a, ax_b):
        ax.axhline(trap, color="0.5", ls="--", lw=0.8, label=f"trap plateau {trap:.0f} K")
        ax.set_ylim(trap - 450, trap + 350)
        ax.set_xlabel("x (µm)")
        for val, text in ((pair.wavelength, "λ₀"), (lam_t, "λ_T")):
            ax.axvline(val / 1e-6, color="0.6", lw=0.6, ls=":")
            ax.annotate(text, (val / 1e-6, 0.93), xycoords=("data", "axes fraction"),
                        fontsize=8)
        ax.legend(fontsize=7, loc="lower right")
    ax_a.set_ylabel("U = U_trap + U_OB + U_CP (K)")
    ax_a.set_title("(a) Δϕ = 0, π: conservative, one joint potential", fontsize=9)
    ax_b.set_title("(c) Δϕ = π/2: U_A ≠ U_B, non-conservative", fontsize=9)
    near = (x > 0.5) & (x < 3.2)
    ax_z.plot(x[near], ua[0][near] / KB, color="green", label="Δϕ = 0")
    ax_z.plot(x[near], ua[1][near] / KB, color="C0", label="Δϕ = π")
    ax_z.axhline(0.0, color="0.5", ls="--", lw=0.8)
    for d, color in ((0.0, "green"), (np.pi, "C0")):
        for b in bound_states(pair.with_phase(d), 0.5e-6, 3.2e-6):
            ax_z.plot(b.s / 1e-6, b.energy / KB, "o", color=color, ms=4)
            ax_z.annotate(f"{b.depth_dissociation / KB:.0f} / {b.depth_barrier / KB:.0f} K",
                          (b.s / 1e-6, b.energy / KB), textcoords="offset points",
                          xytext=(0, -11), ha="center", fontsize=7, color=color)
    ax_z.set_ylim(-120, 130)
    ax_z.set_xlabel("x (µm)")
    ax_z.set_ylabel("U − U_trap (K)")
    ax_z.set_title("(b) the wells: depth below separated spheres / below the lower barrier",
                   fontsize=9)
    ax_z.legend(fontsize=7, loc="upper right")
    return fig


def _map_axes(ax, fig, x, y, u, title, clip):
    from .fields.si import KB
    x, y, u = x / 1e-6, y / 1e-6, u / KB
    data = np.ma.clip(u, -clip, clip)
    im = ax.pcolormesh(x, y, data, cmap="RdBu_r", vmin=-clip, vmax=clip, shading="auto")
    ax.contour(x, y, u, levels=[-60, -30, -10, 10, 30, 60], colors="0.3",
               linewidths=0.4)
    ax.axhline(0.0, color="C0", ls="--", lw=0.7)
    ax.set_aspect("equal")
    ax.set_title(title, fontsize=9)
    ax.set_xlabel("x (µm)")
    fig.colorbar(im, ax=ax, shrink=0.8, label="U − U_trap (K), clipped")


def draw_fig5(Figure, points=300, extent=3e-6, clip=100.0):
    """003 Fig. 5: interaction maps for yy, xy, xx tweezers at Δϕ = 0 (z = 0 plane).

    Parameters
    ----------
    Figure : type
        ``matplotlib.figure.Figure``.
    points : int
        Grid points per side.
    extent : float
        Half-width of the maps (m).
    clip : float
        Colour range ±clip (K).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_fig5(_figure_class(), points=51)                    # doctest: +SKIP
    """
    from .fields.optical_landscape import seed_pair

    g = np.linspace(-extent, extent, points)
    fig = Figure(figsize=(15, 4.8), layout="constrained")
    fig.suptitle("Interaction U_OB + U_CP of B at (x, y, 0) with A at the origin, Δϕ = 0, "
                 "I = 10⁻² W/µm², T = 300 K (seed 003 Fig. 5); dashed: the cut of Fig. 4",
                 fontsize=9)
    axes = fig.subplots(1, 3)
    for ax, (pol, text) in zip(axes, (("yy", "(a) yy"), ("xy", "(b) xy (A along x, B along y)"),
                                      ("xx", "(c) xx"))):
        m = seed_pair(pol, 0.0).plane(g, g)
        _map_axes(ax, fig, m.x, m.y, m.U_A, text, clip)
    axes[0].set_ylabel("y (µm)")
    return fig


def draw_fig6(Figure, points=240):
    """003 Fig. 6: U_A(x, Δϕ), U_B(x, Δϕ) and the loci of their minima (yy tweezers).

    Parameters
    ----------
    Figure : type
        ``matplotlib.figure.Figure``.
    points : int
        Number of phases of the maps (twice as many distances).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_fig6(_figure_class(), points=40)                    # doctest: +SKIP
    """
    from .fields.optical_landscape import bound_states, minima_loci, phase_scan, seed_pair
    from .fields.si import KB

    pair = seed_pair("yy", 0.0)
    s = np.linspace(0.25e-6, 6e-6, points * 2)
    ph = np.linspace(0.0, 2 * np.pi, points)
    ua, ub = phase_scan(pair, s, ph)
    loci = minima_loci(pair, np.linspace(0, 2 * np.pi, 145), RANGE_NM[0] * NM, RANGE_NM[1] * NM)
    fig = Figure(figsize=(15, 4.8), layout="constrained")
    fig.suptitle("yy tweezers, I = 10⁻² W/µm², T = 300 K (seed 003 Fig. 6): U − U_trap (K) "
                 "seen by each sphere against Δϕ, and the minima along x", fontsize=9)
    axes = fig.subplots(1, 3)
    clip = 100.0
    for ax, u, text in ((axes[0], ua, "(a) sphere A"), (axes[1], ub, "(b) sphere B")):
        im = ax.pcolormesh(s / 1e-6, ph / np.pi, np.clip(u / KB, -clip, clip), cmap="RdBu_r",
                           vmin=-clip, vmax=clip, shading="auto")
        ax.set_xlabel("x (µm)")
        ax.set_ylabel("Δϕ / π")
        ax.set_title(text, fontsize=9)
        fig.colorbar(im, ax=ax, shrink=0.8)
    phases = np.linspace(0, 2 * np.pi, 145)
    for name, color in (("A", "teal"), ("B", "orange")):
        xs = [m / 1e-6 for m in loci[name]]
        pts = [(x, p / np.pi) for p, m in zip(phases, xs) for x in m]
        if pts:
            a = np.array(pts)
            axes[2].plot(a[:, 0], a[:, 1], ".", ms=2.5, color=color,
                         label=f"minima of U_{name}")
    for d in (0.0, np.pi, 2 * np.pi):
        for b in bound_states(pair.with_phase(d), RANGE_NM[0] * NM, RANGE_NM[1] * NM):
            axes[2].plot(b.s / 1e-6, d / np.pi, "k+", ms=8)
    axes[2].set_xlabel("x (µm)")
    axes[2].set_ylabel("Δϕ / π")
    axes[2].set_title("(c) minima of U_A, U_B; +: bound states (Δϕ = 0, π only)", fontsize=9)
    axes[2].legend(fontsize=7, loc="upper right")
    return fig


def draw_map(Figure, pair, polarization, dphi, points=400, extent=3e-6, clip=100.0):
    """A 2-D map of U_A and U_B (interaction, K) for any configuration.

    Parameters
    ----------
    Figure : type
        ``matplotlib.figure.Figure``.
    pair : OpticalPair
    polarization : str
        Label for the title.
    dphi : float
        Relative phase (rad), for the title.
    points : int
        Grid points per side.
    extent : float
        Half-width (m).
    clip : float
        Colour range ±clip (K).

    Returns
    -------
    matplotlib.figure.Figure

    Examples
    --------
    >>> fig = draw_map(_figure_class(), seed_pair(), "yy", 0.0, points=31)  # doctest: +SKIP
    """
    g = np.linspace(-extent, extent, points)
    m = pair.plane(g, g)
    fig = Figure(figsize=(11, 4.8), layout="constrained")
    fig.suptitle(f"{polarization} tweezers, Δϕ = {dphi:.4g} rad: U − U_trap (K) with B at "
                 "(x, y, 0)", fontsize=9)
    axes = fig.subplots(1, 2)
    _map_axes(axes[0], fig, m.x, m.y, m.U_A, "sphere A", clip)
    _map_axes(axes[1], fig, m.x, m.y, m.U_B, "sphere B", clip)
    axes[0].set_ylabel("y (µm)")
    return fig


# ------------------------------------------------------------------ commands

def _cmd_optical(args, command, out, err) -> None:
    from .fields.si import KB
    pair = _pair(args)
    s = np.asarray(args.r, dtype=float)
    n = np.array({"x": (1.0, 0.0, 0.0), "y": (0.0, 1.0, 0.0)}[args.direction])
    r = s[:, None] * NM * n
    va, vb = pair.interaction(r)
    oa, ob = pair.binding(r)
    cp = pair.casimir_polder(r)
    fa, fb = pair.forces(r)
    cols = {"r_nm": s, "U_A_K": va / KB, "U_B_K": vb / KB, "U_OB_A_K": oa / KB,
            "U_OB_B_K": ob / KB, "U_CP_K": cp / KB, "F_A_pN": fa @ n / PN,
            "F_B_pN": fb @ n / PN}
    config = _configuration(pair, args.polarization, args.dphi)
    if args.json:
        doc = {"command": command, "direction": args.direction, **config}
        doc.update({k: v.tolist() for k, v in cols.items()})
        out.write(json.dumps(doc, allow_nan=False) + "\n")
        return
    out.write(f"# {_describe(config)}; B at r along {args.direction}\n")
    out.write(f"# energies in K relative to separated spheres (trap of each sphere "
              f"{config['trap_K']:.6g} K); forces along r in pN\n")
    rows = [tuple(cols)] + [tuple(f"{v[i]:.10g}" for v in cols.values())
                            for i in range(s.size)]
    width = [max(len(row[j]) for row in rows) for j in range(len(cols))]
    for row in rows:
        out.write("  ".join(f"{c:>{w}}" for c, w in zip(row, width)) + "\n")


def _cmd_optical_bound(args, command, out, err) -> None:
    from .fields.optical_landscape import bound_states
    from .fields.si import KB
    if args.rmax <= args.rmin:
        raise ValueError(f"--rmax must exceed --rmin ({args.rmax!r} <= {args.rmin!r} nm)")
    pair = _pair(args)
    if args.rmin * NM <= pair.contact:
        raise ValueError(f"--rmin must exceed the contact distance {pair.contact / NM:g} nm")
    n = {"x": (1.0, 0.0, 0.0), "y": (0.0, 1.0, 0.0)}[args.direction]
    found = bound_states(pair, args.rmin * NM, args.rmax * NM, n)
    out.write(f"# {_describe(_configuration(pair, args.polarization, args.dphi))}; along "
              f"{args.direction}, {args.rmin:g} ... {args.rmax:g} nm; energies in K\n")
    if not found:
        out.write("no bound state: the minima of U_A and U_B do not coincide"
                  + (" (non-conservative: dphi is not 0 or pi)\n"
                     if abs(math.sin(args.dphi)) > 1e-12 else "\n"))
        return
    out.write("# s_nm  V_K  depth_dissociation_K  depth_barrier_K  left_barrier(nm, K)  "
              "right_barrier(nm, K)  stable_in_plane\n")
    for b in found:
        out.write(f"{b.s / NM:.2f}  {b.energy / KB:.3f}  {b.depth_dissociation / KB:.3f}  "
                  f"{b.depth_barrier / KB:.3f}  ({b.barrier_left[0] / NM:.1f}, "
                  f"{b.barrier_left[1] / KB:.3f})  ({b.barrier_right[0] / NM:.1f}, "
                  f"{b.barrier_right[1] / KB:.3f})  "
                  f"{'yes' if b.transverse_curvature > 0 else 'no'}\n")


def _image(path):
    from .figures import image_output
    return image_output(path)


def _cmd_optical_map(args, command, out, err) -> None:
    from .fields.si import KB
    Figure = _figure_class()
    image, fmt = _image(args.out)
    check_writable(image, overwrite=args.force)
    targets = [image]
    if args.csv is not None:
        table_format = check_output(args.csv, overwrite=args.force)
        targets.append(args.csv)
    pair = _pair(args)
    extent = args.extent * NM
    fig = draw_map(Figure, pair, args.polarization, args.dphi, points=args.points,
                   extent=extent)
    with staged_files(targets) as tmp:
        fig.savefig(tmp[0], format=fmt, dpi=150)
        if args.csv is not None:
            g = np.linspace(-args.extent, args.extent, args.points)
            m = pair.plane(g * NM, g * NM)
            keep = ~m.U_A.mask
            X, Y = np.meshgrid(g, g)
            columns = {"R_nm": "|r_B - r_A| (nm)",
                       "W_K": "U_A - U_trap,A (K) with B at (x_nm, y_nm, 0)",
                       "U_B_K": "U_B - U_trap,B (K)", "x_nm": "x (nm)", "y_nm": "y (nm)"}
            meta = _meta("interaction map (docs/optical.md)", columns,
                         {"configuration": _configuration(pair, args.polarization, args.dphi)},
                         command)
            write_table(tmp[1], np.hypot(X[keep], Y[keep]), m.U_A.data[keep] / KB, meta,
                        format=table_format,
                        extra={"U_B_K": m.U_B.data[keep] / KB, "x_nm": X[keep],
                               "y_nm": Y[keep]})
    out.write(f"wrote {image}" + (f" and {args.csv}" if args.csv else "") + "\n")


def _cmd_optical_figures(args, command, out, err) -> None:
    Figure = _figure_class()
    if not os.path.isdir(args.out_dir):
        raise FileNotFoundError(2, "directory does not exist", args.out_dir)
    names = [os.path.join(args.out_dir, f"optical_fig{k}.png") for k in (4, 5, 6)]
    for name in names:
        check_writable(name, overwrite=args.force)
    figs = [draw_fig4(Figure), draw_fig5(Figure, points=args.points),
            draw_fig6(Figure, points=max(40, args.points // 2))]
    with staged_files(names) as tmp:
        for fig, t in zip(figs, tmp):
            fig.savefig(t, format="png", dpi=150)
    out.write("wrote " + ", ".join(names) + "\n")


def _cmd_optical_state(args, command, out, err) -> None:
    from .fields.optical_landscape import SEED_003
    from .fields.optical_states import (SEED_MODE_VOLUME, CatState, field_per_photon,
                                        matching_squeezing, photon_number, squeezing_db)
    from .fields.si import C
    intensity = SEED_003["intensity"] if args.intensity is None else args.intensity * W_PER_UM2
    wavelength = SEED_003["wavelength"] if args.wavelength is None else args.wavelength * NM
    omega = 2 * math.pi * C / wavelength
    volume = SEED_MODE_VOLUME if args.mode_volume is None else args.mode_volume
    n = photon_number(intensity, omega, volume)
    r = matching_squeezing(n)
    out.write(f"mode: I = {intensity / W_PER_UM2:g} W/um^2, lambda = {wavelength / NM:g} nm, "
              f"V = {volume:.6g} m^3" + (" (seed 003's implicit (2 pi)^4 m^3, docs/optical.md "
                                         "F8)" if args.mode_volume is None else "") + "\n")
    out.write(f"photons in the mode <n> = I V/(hbar omega c) = {n:.6g}; field per photon "
              f"{field_per_photon(omega, volume):.6g} V/m\n")
    out.write(f"squeezed vacuum with the same potentials: sinh^2 r = <n>, r = {r:.6g} "
              f"({squeezing_db(r):.4g} dB)\n")
    if n > 0:
        for theta, name in ((0.0, "even"), (math.pi, "odd")):
            ratio = CatState(math.sqrt(n), theta).mean_photon_number / n
            out.write(f"{name} cat with |beta|^2 = <n>: <n>_cat/|beta|^2 = {ratio:.15g} "
                      "(potentials relative to the coherent state)\n")


_EPILOG = {
    "optical": """examples:
  weft optical --r 500 1006.7 1559.1 2000
  weft optical --polarization yy --dphi pi/2 --r 1285 --json
""",
    "optical-bound": """examples:
  weft optical-bound --polarization yy --dphi 0 --rmax 3000
  weft optical-bound --polarization yy --dphi pi/2 --rmax 3000
""",
    "optical-map": """examples:
  weft optical-map --polarization xy --points 41 --out map.png --csv map.csv
  weft optical-map --dphi pi/2 --points 31 --extent 2000 --out half_pi.png
""",
    "optical-figures": """examples:
  weft optical-figures --points 41 --out-dir .
  weft optical-figures --points 21 --out-dir . --force
""",
    "optical-state": """examples:
  weft optical-state --intensity 1e-2
  weft optical-state --intensity 1e-2 --mode-volume 1e-18
""",
}


def add_subcommands(subparsers) -> dict:
    """Register the optical subcommands on ``subparsers`` (from ``add_subparsers``).

    Parameters
    ----------
    subparsers : argparse._SubParsersAction

    Returns
    -------
    dict
        Subcommand name -> command function ``f(args, command, out, err)``: bad input
        raises ValueError (or OSError for files), argument errors go through the parser.

    Examples
    --------
    >>> p = argparse.ArgumentParser(prog="weft")
    >>> funcs = add_subcommands(p.add_subparsers(dest="command"))
    >>> sorted(funcs)
    ['optical', 'optical-bound', 'optical-figures', 'optical-map', 'optical-state']
    >>> p.parse_args(["optical", "--dphi", "pi/2", "--r", "1000"]).dphi
    1.5707963267948966
    """
    raw = argparse.RawDescriptionHelpFormatter

    p = subparsers.add_parser(
        "optical", help="optical binding + Casimir-Polder of two silica spheres in tweezers",
        description=_wrap("Print the interaction U - U_trap seen by each of two silica spheres "
                          "in flat tweezers (optical binding of seed 003 Eq. (29) and the "
                          "thermal Casimir-Polder potential), its parts and the forces along "
                          "r, at given separations (nm; docs/optical.md)."),
        epilog=_EPILOG["optical"], formatter_class=raw)
    _add_pair_options(p)
    p.add_argument("--r", type=_positive, nargs="+", required=True, metavar="R",
                   help="separations in nm (> 2 radii)")
    p.add_argument("--direction", choices=("x", "y"), default="x",
                   help="direction of r_B - r_A in the plane z = 0 (default x)")
    p.add_argument("--json", action="store_true", help="machine-readable JSON output")

    p = subparsers.add_parser(
        "optical-bound", help="bound states of two spheres in tweezers and their depths",
        description=_wrap("Find the common minima of U_A and U_B along a line (bound states: "
                          "only at dphi = 0, pi) and print their depths below separated "
                          "spheres and below the lower barrier (docs/optical.md)."),
        epilog=_EPILOG["optical-bound"], formatter_class=raw)
    _add_pair_options(p)
    p.add_argument("--rmin", type=_positive, default=RANGE_NM[0], help="nm (default 205)")
    p.add_argument("--rmax", type=_positive, default=RANGE_NM[1], help="nm (default 6000)")
    p.add_argument("--direction", choices=("x", "y"), default="x",
                   help="direction in the plane z = 0 (default x)")

    p = subparsers.add_parser(
        "optical-map", help="draw a 2-D map of U_A, U_B in the plane of the spheres",
        description=_wrap("Draw U - U_trap of both spheres with B at (x, y, 0) (seed 003 "
                          "Fig. 5 for any configuration); optionally write the map as a "
                          "weft table."),
        epilog=_EPILOG["optical-map"], formatter_class=raw)
    _add_pair_options(p)
    p.add_argument("--extent", type=_positive, default=3000.0,
                   help="half-width of the square map in nm (default 3000)")
    p.add_argument("--points", type=_points, default=400,
                   help="grid points per side (default 400)")
    p.add_argument("--out", default="optical_map.png", help="image file (default "
                   "optical_map.png)")
    p.add_argument("--csv", default=None, help="also write the map as a table (.csv, .json, "
                   ".npz)")
    p.add_argument("--force", action="store_true", help="replace existing files")

    p = subparsers.add_parser(
        "optical-figures", help="draw seed 003's Figs. 4, 5, 6 (optical_fig4/5/6.png)",
        description=_wrap("Draw the reproductions of seed 003's Figs. 4 (cuts), 5 (maps) and "
                          "6 (phase dependence, minima loci) as optical_fig4.png, "
                          "optical_fig5.png, optical_fig6.png in --out-dir."),
        epilog=_EPILOG["optical-figures"], formatter_class=raw)
    p.add_argument("--out-dir", default=".", help="directory (default: the current one)")
    p.add_argument("--points", type=_points, default=300,
                   help="map resolution (points per side, default 300)")
    p.add_argument("--force", action="store_true", help="replace existing files")

    p = subparsers.add_parser(
        "optical-state", help="photon number of a drive mode, matching squeezing, cat states",
        description=_wrap("For a drive mode of given intensity, wavelength and mode volume: "
                          "its mean photon number, the squeezed vacuum with the same "
                          "potentials (r, dB) and the even/odd cat states' photon numbers "
                          "relative to the coherent state (docs/optical.md, errata F8-F10)."),
        epilog=_EPILOG["optical-state"], formatter_class=raw)
    p.add_argument("--intensity", type=_nonnegative, default=None,
                   help="W/um^2 (default: seed 003's 1e-2)")
    p.add_argument("--wavelength", type=_positive, default=None,
                   help="nm (default: seed 003's 1064)")
    p.add_argument("--mode-volume", type=_positive, default=None,
                   help="mode volume in m^3 (default: the seed's implicit (2 pi)^4 m^3)")
    return dict(COMMANDS)


#: Subcommand name -> command function (see :func:`add_subcommands`).
COMMANDS = {"optical": _cmd_optical, "optical-bound": _cmd_optical_bound,
            "optical-map": _cmd_optical_map, "optical-figures": _cmd_optical_figures,
            "optical-state": _cmd_optical_state}
