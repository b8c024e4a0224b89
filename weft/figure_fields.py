"""Tables and figures of the one-atom-excited forces (issue 11, item 8; docs/fields.md §12).

Three data sets, each a table (:func:`weft.tables.write_table`, columns named as below) and
a figure:

* ``resonant_1s2p``: the first-order Dicke energies of H(1s)–H(2p) (:mod:`weft.fields.resonant`),
  columns ``R_bohr, E_sigma_plus, E_sigma_minus, E_pi_plus, E_pi_minus`` (hartree; "+" the
  symmetric state), R = 1 … 10⁶ bohr, 40 points per decade, infinite nuclear mass (as
  ``hydrogen``);
* ``net_force_k0R``: the net force of seed 004 Fig. 6, columns ``k0R, F_identical,
  F_dissimilar``, k₀R = 0.2 … 10 (step 0.02), dipoles μ_x = μ_y = μ_z, R ∥ ẑ, the R̂
  component normalised as printed in the caption (values in the metadata);
* ``displacement_h2p``: the transverse displacements of seed 000 Fig. 3, columns
  ``R_nm, S_A_fm, S_B_fm`` (x components, fm), R = 15 … 200 nm (step 0.5 nm), hydrogen
  (reduced mass, λ₀ = 121.568 nm, 1/Γ = 1.596 ns), A in (2p_x + 2p_z)/√2, R_A − R_B ∥ ẑ,
  the final displacement (τ → ∞; :func:`weft.fields.nonconservative.transverse_displacements`).

matplotlib is needed for the ``*_figure`` functions only (``pip install "weft[plot]"``).
"""
from __future__ import annotations

import numpy as np

from .fields.atoms import ExcitedHydrogen, ExcitedTwoLevel
from .fields.excited import identical_forces, net_force, separation
from .fields.lines import lyman_alpha
from .fields.nonconservative import displacement_prefactor, transverse_displacements
from .fields.particles import TwoLevelAtom
from .fields.resonant import dicke_states
from .fields.si import ATOMIC_UNITS, C, EPS0, HBAR
from .tables import write_table

__all__ = ["RESONANT_R_BOHR", "NET_FORCE_K0R", "DISPLACEMENT_R_NM", "resonant_table",
           "net_force_table", "displacement_table", "resonant_figure", "net_force_figure",
           "displacement_figure", "write_field_table"]

#: Grids of the three tables.
RESONANT_R_BOHR = np.geomspace(1.0, 1e6, 241)
NET_FORCE_K0R = np.round(np.linspace(0.2, 10.0, 491), 12)
DISPLACEMENT_R_NM = np.round(np.linspace(15.0, 200.0, 371), 12)

_A0 = ATOMIC_UNITS["length"][0]
_EH = ATOMIC_UNITS["energy"][0]

#: Seed 000 Eq. (12) as printed (fm), for comparison in the figure.
SEED_000_PREFACTORS_FM = (0.15, -0.3)


def resonant_table(R_bohr=None, *, command="weft resonant"):
    """Pieces (first column, second column, metadata, extra, names) of resonant_1s2p.

    Parameters
    ----------
    R_bohr : array_like, optional
        Distances (bohr); default :data:`RESONANT_R_BOHR`.
    command : str
        Recorded in the metadata.

    Returns
    -------
    tuple
        ``R_bohr``, ``E_sigma_plus`` (hartree), metadata, extra columns, column names:
        the arguments of :func:`write_field_table`.

    Examples
    --------
    >>> R, E, meta, extra, names = resonant_table([1.0])
    >>> names, round(float(E[0]), 5), round(float(extra["E_pi_plus"][0]), 5)
    (('R_bohr', 'E_sigma_plus'), -1.10986, 0.55493)
    """
    R = RESONANT_R_BOHR.copy() if R_bohr is None else np.asarray(R_bohr, dtype=float)
    e = dicke_states(R * _A0).energies()
    E = {k: v / _EH for k, v in e.items()}
    ly = lyman_alpha()
    metadata = {
        "units": "au", "states": ["1s", "2p"], "regime": None, "orders": None, "spins": None,
        "nu": None, "command": command,
        "description": "H(1s)-H(2p) first-order resonant (Dicke) energies E = +-hbar Re(Omega), "
                       "Omega = -(k^2/(eps0 hbar)) mu_A*.G0(R, omega0).mu_B (retarded, "
                       "weft.fields.resonant; docs/fields.md section 9); '+' = symmetric "
                       "state (|2p,1s> + |1s,2p>)/sqrt2; sigma: m = 0 along R, pi: m = +-1; "
                       "energies relative to E(1s) + E(2p); infinite nuclear mass",
        "omega0_hartree": 0.375, "k0_per_bohr": ly.omega0 / C * _A0,
        "c3_sigma_hartree_bohr3": 65536 / 59049, "c3_pi_hartree_bohr3": 32768 / 59049,
        "validity": "dipole approximation: R >> a0 (R of a few bohr: formula only)",
        "columns": {
            "R_bohr": "distance R in bohr",
            "E_sigma_plus": "symmetric Sigma state (m = 0), hartree",
            "E_sigma_minus": "antisymmetric Sigma state, hartree",
            "E_pi_plus": "symmetric Pi states (m = +-1), hartree",
            "E_pi_minus": "antisymmetric Pi states, hartree",
        },
    }
    extra = {"E_sigma_minus": E["sigma_minus"], "E_pi_plus": E["pi_plus"],
             "E_pi_minus": E["pi_minus"]}
    return R, E["sigma_plus"], metadata, extra, ("R_bohr", "E_sigma_plus")


def _fig6_atoms():
    """Two-level atoms of the Fig. 6 geometry (values drop out of the normalised forces)."""
    ly = lyman_alpha("H")
    d = np.sqrt(ly.line_strength / 3.0)                  # |μ| of one Lyman-α component
    mu = d / np.sqrt(3.0) * np.ones(3)                   # μ_x = μ_y = μ_z
    A = ExcitedTwoLevel(ly.omega0, mu, ly.gamma)
    B = TwoLevelAtom(ly.omega0 * (1.0 - 1e-3), mu)    # undamped: the Γ_B/Δ terms are dropped
    return A, B, mu


def net_force_table(k0R=None, *, command="weft netforce"):
    """Pieces of net_force_k0R: seed 004 Fig. 6 (module docstring).

    F_identical = (F_A + F_B)·R̂/(N₁e^{−Γ₀T}), N₁ = |μ_A|²|μ_B|²ω₀⁷T/(10⁻³c⁷ħε₀²)
    (the T-linear leading term, :func:`weft.fields.excited.identical_forces`);
    F_dissimilar = (F_A + F_B)·R̂/(N₂e^{−Γ_AT}), N₂ = |μ_A|²|μ_B|²ω_A⁷/(10⁻³c⁷ħε₀²Δ'),
    Δ' = (ω_A² − ω_B²)/(2ω_B) (= Δ_AB for Δ_AB ≪ ω; the counter-rotating term included).
    Both are then the universal functions −(4/9)10⁻³/(8π²)[(1 + cos 2x)/x² − sin 2x/x³] and
    (4/9)10⁻³/(8π²)[(cos 2x − 1)/x³ + sin 2x/x²], x = k₀R.

    Parameters
    ----------
    k0R : array_like, optional
        Default :data:`NET_FORCE_K0R`.
    command : str

    Returns
    -------
    tuple
        ``k0R``, ``F_identical``, metadata, extra, names.

    Examples
    --------
    >>> x, Fi, meta, extra, names = net_force_table([1.3])
    >>> f"{Fi[0]:.5e} {extra['F_dissimilar'][0]:.5e}"
    '8.44104e-07 -3.04055e-06'
    """
    x = NET_FORCE_K0R.copy() if k0R is None else np.asarray(k0R, dtype=float)
    A, B, mu = _fig6_atoms()
    k = A.omega0 / C
    R = separation(x / k)
    T = 1.0 / A.gamma
    mu2 = float(np.sum(np.abs(mu) ** 2))
    scale = mu2 * mu2 * A.omega0 ** 7 / (1e-3 * C ** 7 * HBAR * EPS0 ** 2)
    F_id = identical_forces(R, A, T, offresonant=False).net[:, 2]
    N1 = scale * T * np.exp(-A.gamma * T)
    d_eff = (A.omega0 ** 2 - B.omega0 ** 2) / (2.0 * B.omega0)
    F_di = net_force(R, A, B, T=0.0)[:, 2]
    N2 = scale / d_eff
    metadata = {
        "units": "SI", "states": None, "regime": None, "orders": None, "spins": None,
        "nu": None, "command": command,
        "description": "seed 004 Fig. 6: R-hat component of the net force F_A + F_B on a pair "
                       "of two-level atoms, one excited, dipoles mu_x = mu_y = mu_z, R = R_A - "
                       "R_B along z (weft.fields.excited; docs/fields.md section 12)",
        "normalisation": {
            "F_identical": "(F_A + F_B).R_hat / (N1 exp(-Gamma0 T)), N1 = |mu_A|^2 |mu_B|^2 "
                           "omega0^7 T / (1e-3 c^7 hbar eps0^2) as printed in the caption "
                           "(= 1e3 x |mu|^4 omega0^7 T/(c^7 hbar eps0^2)); leading (T-linear) "
                           "term of Eq. (17)",
            "F_dissimilar": "(F_A + F_B).R_hat / (N2 exp(-Gamma_A T)), N2 = |mu_A|^2 |mu_B|^2 "
                            "omega_A^7 / (1e-3 c^7 hbar eps0^2 Delta'), Delta' = (omega_A^2 - "
                            "omega_B^2)/(2 omega_B) (-> Delta_AB for Delta_AB << omega); "
                            "Eq. (12) first term = seed 001 Eq. (8), adiabatic excitation",
        },
        "closed_forms": {"F_identical": "-(4/9) 1e-3/(8 pi^2) [(1 + cos 2x)/x^2 - sin 2x/x^3]",
                         "F_dissimilar": "(4/9) 1e-3/(8 pi^2) [(cos 2x - 1)/x^3 + sin 2x/x^2]"},
        "features": {"F_dissimilar_extremum_k0R": 1.3030988, "F_identical_first_zero_k0R":
                     float(np.pi / 2)},
        "note": "the forces also have components transverse to R in this geometry: on each "
                "atom larger than the R_hat component for k0R <~ 1, on the pair about -0.2 "
                "of it; docs/fields.md D3",
        "columns": {"k0R": "k0 R (dimensionless), k0 = omega0/c",
                    "F_identical": "identical atoms, normalised (see normalisation)",
                    "F_dissimilar": "dissimilar atoms, normalised (see normalisation)"},
    }
    return x, F_id / N1, metadata, {"F_dissimilar": F_di / N2}, ("k0R", "F_identical")


def displacement_table(R_nm=None, *, command="weft displacement"):
    """Pieces of displacement_h2p: seed 000 Fig. 3, corrected (module docstring).

    Parameters
    ----------
    R_nm : array_like, optional
        Distances (nm); default :data:`DISPLACEMENT_R_NM`.
    command : str

    Returns
    -------
    tuple
        ``R_nm``, ``S_A_fm``, metadata, extra, names.

    Examples
    --------
    >>> R, SA, meta, extra, names = displacement_table([20.0, 60.0])
    >>> [round(float(v), 5) for v in SA], [round(float(v), 5) for v in extra["S_B_fm"]]
    ([-0.13908, 0.0067], [0.41446, 0.00875])
    """
    R = DISPLACEMENT_R_NM.copy() if R_nm is None else np.asarray(R_nm, dtype=float)
    A = ExcitedHydrogen((1, 0, 1), "H")
    s = transverse_displacements(separation(R * 1e-9), A)
    P = displacement_prefactor(A)
    metadata = {
        "units": "SI", "length_unit": "nm", "states": ["2p", "1s"], "regime": None,
        "orders": None, "spins": None, "nu": None, "command": command,
        "description": "seed 000 Fig. 3 (corrected): transverse (x) displacements of two "
                       "hydrogen atoms from the non-conservative forces d/dT <d x B>, A "
                       "suddenly excited to (2p_x + 2p_z)/sqrt2, B in 1s, R = R_A - R_B along "
                       "z; final displacement (1/m) int_0^inf <d x B> dT; leading order in "
                       "Gamma/omega, weak interaction (k0 R >~ 1); "
                       "weft.fields.nonconservative, docs/fields.md section 11",
        "nucleus": "H", "lambda0_nm": lyman_alpha("H").wavelength * 1e9,
        "lifetime_ns": 1e9 / A.gamma, "mass_kg": A.mass,
        "prefactor_p_fm": P * 1e15,
        "closed_forms": {"S_A_fm": "P [(2v^2 - 1) cos 2v - (2v - v^3) sin 2v]/v^5, v = k0 R",
                         "S_B_fm": "2 P (1 + v^2)/v^5"},
        "seed_000_eq12": "S_A = 0.15 fm [...]/v^5, S_B = -0.3 fm (1 + v^2)/v^5 (prefactors 27% "
                         "too large, sign of S_B wrong: docs/fields.md D4)",
        "columns": {"R_nm": "distance R in nm",
                    "S_A_fm": "x displacement of the excited atom A, fm",
                    "S_B_fm": "x displacement of the ground-state atom B, fm"},
    }
    return R, s.F_A[:, 0] * 1e15, metadata, {"S_B_fm": s.F_B[:, 0] * 1e15}, ("R_nm", "S_A_fm")


def write_field_table(path, pieces, *, format=None, overwrite=True) -> None:
    """Write the pieces returned by one of the ``*_table`` functions with write_table.

    Parameters
    ----------
    path : str or path-like
    pieces : tuple
        (first column, second column, metadata, extra, names).
    format : str, optional
    overwrite : bool

    Examples
    --------
    >>> import os, tempfile
    >>> p = os.path.join(tempfile.mkdtemp(), "r.csv")
    >>> write_field_table(p, resonant_table([1.0, 2.0]))
    >>> from weft.tables import read_table
    >>> list(read_table(p).columns)[:2]
    ['R_bohr', 'E_sigma_plus']
    """
    first, second, metadata, extra, names = pieces
    write_table(path, first, second, metadata, format=format, extra=extra, names=names,
                overwrite=overwrite)


# ------------------------------------------------------------------ figures

def _save(draw, pieces, out_png, out_csv, overwrite):
    from .figures import save_figure

    def build(Figure):
        return (draw(Figure, pieces),
                lambda path, table_format: write_field_table(path, pieces, format=table_format))

    save_figure(out_png, out_csv, build, overwrite=overwrite)


def _draw_resonant(Figure, pieces):
    R, Esp, meta, extra, _ = pieces
    fig = Figure(figsize=(13, 4.4), layout="constrained")
    fig.suptitle("H(1s)–H(2p): first-order resonant (Dicke) interaction, retarded "
                 "(weft.fields.resonant)", fontsize=10)
    ax_n, ax_f, ax_g = fig.subplots(1, 3)
    near = R <= 1e3
    c3s, c3p = meta["c3_sigma_hartree_bohr3"], meta["c3_pi_hartree_bohr3"]
    for key, label, color, ls in (("E_sigma_plus", "Σ+", "C0", "-"),
                                  ("E_sigma_minus", "Σ−", "C0", "--"),
                                  ("E_pi_plus", "Π+", "C3", "-"), ("E_pi_minus", "Π−", "C3", "--")):
        col = Esp if key == "E_sigma_plus" else extra[key]
        ax_n.semilogx(R[near], (R ** 3 * col)[near], color=color, ls=ls, label=label)
    for v in (c3s, -c3s, c3p, -c3p):
        ax_n.axhline(v, color="0.6", lw=0.6, ls=":")
    ax_n.set_ylim(-2.2 * c3s, 2.2 * c3s)
    ax_n.set_xlabel("R (bohr)")
    ax_n.set_ylabel(r"$R^3 E$ (hartree bohr$^3$)")
    ax_n.set_title(f"(a) near field: ∓C3 (Σ), ±C3/2 (Π), C3 = {c3s:.6f}", fontsize=9)
    ax_n.legend(fontsize=7)
    k = meta["k0_per_bohr"]
    Rl = np.linspace(5.0, 2e4, 4000)
    d = dicke_states(Rl * _A0)
    e = d.energies()
    amp = 0.5 * c3s * k * k                  # k²d₀² (d₀² = C3_Σ/2), hartree·bohr
    ax_f.plot(Rl * k, Rl * e["pi_plus"] / _EH / amp, color="C3", label="Π+")
    ax_f.plot(Rl * k, Rl * e["sigma_plus"] / _EH / amp, color="C0", label="Σ+")
    ax_f.plot(Rl * k, -np.cos(Rl * k), color="0.5", lw=0.6, ls=":", label=r"$-\cos k_0R$")
    ax_f.set_ylim(-2.5, 2.5)
    ax_f.set_xlabel(r"$k_0R$")
    ax_f.set_ylabel(r"$R\,E\,/\,(k_0^2 d_0^2/4\pi\varepsilon_0)$")
    ax_f.set_title(r"(b) far field: Π ∝ cos$(k_0R)/R$, Σ ∝ sin$(k_0R)/R^2$", fontsize=9)
    ax_f.legend(fontsize=7)
    r = d.rates()
    ax_g.plot(Rl * k, r["sigma_plus"] / d.gamma, color="C0", label="Σ+")
    ax_g.plot(Rl * k, r["sigma_minus"] / d.gamma, color="C0", ls="--", label="Σ−")
    ax_g.plot(Rl * k, r["pi_plus"] / d.gamma, color="C3", label="Π+")
    ax_g.plot(Rl * k, r["pi_minus"] / d.gamma, color="C3", ls="--", label="Π−")
    ax_g.set_xlim(0, 20)
    ax_g.set_xlabel(r"$k_0R$")
    ax_g.set_ylabel(r"$\Gamma_\pm/\Gamma$")
    ax_g.set_title("(c) collective decay rates Γ ± Γ₁₂", fontsize=9)
    ax_g.legend(fontsize=7)
    return fig


def _draw_net_force(Figure, pieces):
    x, Fi, meta, extra, _ = pieces
    fig = Figure(figsize=(7.5, 4.6), layout="constrained")
    ax = fig.subplots()
    ax.plot(x, Fi, color="C0", label=r"identical, $(F_A+F_B)\cdot\hat R/N_1$ (T-linear)")
    ax.plot(x, extra["F_dissimilar"], color="C1", ls="--",
            label=r"dissimilar, $(F_A+F_B)\cdot\hat R/N_2$")
    ax.axhline(0.0, color="0.6", lw=0.6)
    xe = meta["features"]["F_dissimilar_extremum_k0R"]
    x0 = meta["features"]["F_identical_first_zero_k0R"]
    ax.axvline(xe, color="C1", lw=0.6, ls=":")
    ax.axvline(x0, color="C0", lw=0.6, ls=":")
    ax.annotate(f"{xe:.3f}", (xe, 0.02), xycoords=("data", "axes fraction"), fontsize=7)
    ax.annotate(r"$\pi/2$", (x0, 0.06), xycoords=("data", "axes fraction"), fontsize=7)
    ax.set_xlabel(r"$k_0R$")
    ax.set_ylabel("normalised net force (metadata)")
    ax.set_title(r"Seed 004 Fig. 6: $\mu_x=\mu_y=\mu_z$, $R\parallel\hat z$ "
                 r"($N_{1,2}$ as printed, with $10^{-3}$)", fontsize=9)
    ax.legend(fontsize=8)
    return fig


def _draw_displacement(Figure, pieces):
    R, SA, meta, extra, _ = pieces
    fig = Figure(figsize=(12, 4.6), layout="constrained")
    fig.suptitle("H(2p)–H(1s), A in (2p$_x$+2p$_z$)/√2, R ∥ z: final transverse displacement "
                 f"from the non-conservative forces (P = {meta['prefactor_p_fm']:.4f} fm)",
                 fontsize=10)
    ax, ax_v = fig.subplots(1, 2)
    k = 2 * np.pi / meta["lambda0_nm"]
    v = k * R
    pa, pb = SEED_000_PREFACTORS_FM
    seed_a = pa * ((2 * v ** 2 - 1) * np.cos(2 * v) - (2 * v - v ** 3) * np.sin(2 * v)) / v ** 5
    seed_b = pb * (1 + v ** 2) / v ** 5
    for axis, scale, ylabel in ((ax, np.ones_like(v), "displacement along x (fm)"),
                                (ax_v, v ** 2 / meta["prefactor_p_fm"], r"$(k_0R)^2\,S_x/P$")):
        axis.plot(R, SA * scale, color="C3", label=r"$S_A\cdot\hat x$ (excited atom)")
        axis.plot(R, extra["S_B_fm"] * scale, color="C0", ls="--", label=r"$S_B\cdot\hat x$")
        axis.plot(R, seed_a * scale, color="C3", lw=0.7, ls=":",
                  label="seed 000 Eq. (12), $S_A$ as printed")
        axis.plot(R, seed_b * scale, color="C0", lw=0.7, ls=":",
                  label="seed 000 Eq. (12), $S_B$ as printed")
        axis.axhline(0.0, color="0.6", lw=0.6)
        axis.axvline(2.7719 / k, color="0.6", lw=0.6, ls=":")
        axis.set_xlabel("R (nm)")
        axis.set_ylabel(ylabel)
    ax.set_ylim(-0.6, 1.5)
    ax_v.set_ylim(-3.0, 3.0)
    ax.set_title("(a) S (fm); dotted vertical: first zero of S_A, 53.6 nm", fontsize=9)
    ax_v.set_title(r"(b) scaled by $(k_0R)^2/P$", fontsize=9)
    ax.legend(fontsize=7)
    return fig


def resonant_figure(out_png, out_csv=None, *, command="weft resonant", overwrite=True) -> None:
    """Draw the H(1s)–H(2p) resonant energies and rates; optionally write their table.

    Parameters
    ----------
    out_png : str or path-like
        Image file (format from the extension; none: .png).
    out_csv : str or path-like, optional
        Data table (:func:`resonant_table`).
    command : str
    overwrite : bool

    Raises
    ------
    ImportError
        matplotlib is not installed.

    Examples
    --------
    >>> resonant_figure("resonant.png")                       # doctest: +SKIP
    """
    _save(_draw_resonant, resonant_table(command=command), out_png, out_csv, overwrite)


def net_force_figure(out_png, out_csv=None, *, command="weft netforce", overwrite=True) -> None:
    """Draw seed 004 Fig. 6 (net forces); optionally write its table.

    Parameters
    ----------
    out_png : str or path-like
    out_csv : str or path-like, optional
    command : str
    overwrite : bool

    Raises
    ------
    ImportError
        matplotlib is not installed.

    Examples
    --------
    >>> net_force_figure("net_force.png")                     # doctest: +SKIP
    """
    _save(_draw_net_force, net_force_table(command=command), out_png, out_csv, overwrite)


def displacement_figure(out_png, out_csv=None, *, command="weft displacement",
                        overwrite=True) -> None:
    """Draw seed 000 Fig. 3 (corrected) with Eq. (12) as printed; optionally write the table.

    Parameters
    ----------
    out_png : str or path-like
    out_csv : str or path-like, optional
    command : str
    overwrite : bool

    Raises
    ------
    ImportError
        matplotlib is not installed.

    Examples
    --------
    >>> displacement_figure("displacement.png")               # doctest: +SKIP
    """
    _save(_draw_displacement, displacement_table(command=command), out_png, out_csv, overwrite)
