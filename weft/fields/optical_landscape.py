"""Total potential landscape of two particles in tweezers: trap + optical binding + thermal CP.

Seed 003 Sec. IV B (Figs. 4–6). Particle A sits at the origin, B at r = r_B − r_A in the
plane z = 0 transverse to the tweezer beams (which propagate along z, flat profiles:
:mod:`.optical`). Each particle sees its own potential (SI, J):

    U_A(r) = U_trap,A + U_OB,A(r) + U_CP(|r|),    U_B(r) = U_trap,B + U_OB,B(r) + U_CP(|r|),

with U_trap the (constant) trap of its tweezer, U_OB the optical-binding potentials of
:mod:`.optical` and U_CP the thermal Casimir–Polder potential of :mod:`.thermal`
(Eq. (1) there; 003 Eq. (25) gives the whole pair potential to each sphere). Forces:
F_A = −∇_{r_A}U_A = +∇_r U_A, F_B = −∇_{r_B}U_B = −∇_r U_B. The "interaction" is U − U_trap
(zero for separated particles; the seed's plateau is U_trap).

At Δϕ = 0 and π (linear polarizations, identical particles) U_A = U_B: the forces are
reciprocal and conservative, the pair has the joint potential V = U_OB + U_CP (counted once)
and a **bound state** is a minimum of V. At other Δϕ, U_A ≠ U_B: a configuration is at
rest only where both forces vanish and both potentials are minimal (:func:`bound_states`
finds the common minima of U_A and U_B along a line; generically there are none unless
Δϕ = 0, π: the seed's Fig. 6(c)).

Depths of a bound state (:class:`BoundState`): below the separated pair (dissociation),
D_∞ = −V(x_min); and below the lower of the two adjacent barriers (the energy to leave the
well), D_b = min(V_left, V_right) − V(x_min), where V_left is the nearest maximum towards
contact (or V at contact) and V_right the nearest maximum outwards.

CP derivative: the thermal potential comes prepared (:func:`.thermal.prepare`); its
derivative is a five-point stencil in log R with step h = 5·10⁻⁴ (truncation ~h⁴6⁵/30 ≈
2·10⁻¹² of U, round-off ~ε/h ≈ 3·10⁻¹³; one-sided at contact).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, replace

import numpy as np

from .optical import (binding_amplitudes, binding_forces, tweezers, _check_drive,
                      _omega, _particle, _separation)
from .particles import DielectricSphere, Particle, SILICA
from .green import green_tensor
from .si import C, EPS0
from .thermal import ThermalCP, prepare

__all__ = ["OpticalPair", "optical_pair", "seed_pair", "PlaneMap", "BoundState",
           "phase_scan", "axis_extrema", "minima_loci", "bound_states", "SEED_003",
           "POLARIZATIONS"]

#: The configuration of 003 Sec. IV B: silica spheres (Eq. (35)), R = 100 nm, λ₀ = 1064 nm,
#: I = 10⁻² W/µm² in each tweezer, T = 300 K.
SEED_003 = {"radius": 100e-9, "wavelength": 1064e-9, "intensity": 1e10, "temperature": 300.0}

#: The seed's polarization configurations (Fig. 5): tweezer at A, tweezer at B.
POLARIZATIONS = {"yy": ("y", "y"), "xy": ("x", "y"), "xx": ("x", "x")}

_LOG_STEP = 5e-4                  # CP derivative: step in log R
_ROOT_RTOL = 4 * np.finfo(float).eps          # Brent's method: the smallest rtol scipy allows
_CENTRAL = np.array([1.0, -8.0, 0.0, 8.0, -1.0]) / 12.0            # f'(t) h, points t-2h..t+2h
_FORWARD = np.array([-25.0, 48.0, -36.0, 16.0, -3.0]) / 12.0        # points t..t+4h


@dataclass(frozen=True, eq=False)
class OpticalPair:
    """Two particles in flat tweezers at one temperature (prepared: α(ω₀) and the CP tables).

    Build with :func:`optical_pair` or :func:`seed_pair`. All positions are r = r_B − r_A
    (m), shape (..., 3), |r| > a_A + a_B; energies in J, forces in N.

    Attributes
    ----------
    particle_A, particle_B : Particle
    wavelength : float
        Drive vacuum wavelength (m).
    omega : float
        2πc/λ (rad/s).
    drive : Drive
    temperature : float
        K.
    cp : ThermalCP
        The prepared Casimir–Polder potential.
    """

    particle_A: Particle
    particle_B: Particle
    wavelength: float
    omega: float
    drive: Drive
    temperature: float
    cp: ThermalCP

    @property
    def contact(self) -> float:
        """a_A + a_B (m).

        Examples
        --------
        >>> round(seed_pair().contact * 1e9, 6)
        200.0
        """
        return float(self.particle_A.radius) + float(self.particle_B.radius)

    @property
    def trap(self) -> tuple[float, float]:
        """(U_trap,A, U_trap,B) = −¼ Re α Tr W (J), 003 Eq. (28): the plateau.

        Examples
        --------
        >>> from weft.fields.si import KB
        >>> round(seed_pair().trap[0] / KB, 1)                     # kelvin
        -4283.1
        """
        out = []
        for p, w in ((self.particle_A, self.drive.W_AA), (self.particle_B, self.drive.W_BB)):
            out.append(-0.25 * complex(p.alpha(self.omega)).real * float(np.trace(w).real))
        return out[0], out[1]

    def with_phase(self, delta) -> "OpticalPair":
        """The same pair with tweezer A's phase advanced by δ (Δϕ → Δϕ + δ), CP shared.

        Examples
        --------
        >>> p = seed_pair()
        >>> p.with_phase(np.pi).cp is p.cp
        True
        """
        return replace(self, drive=self.drive.shifted(delta))

    def _r(self, r) -> np.ndarray:
        return _separation(r, self.contact)

    def binding(self, r) -> tuple[np.ndarray, np.ndarray]:
        """(U_OB,A, U_OB,B) (J) (:func:`.optical.binding_potentials`).

        Examples
        --------
        >>> ua, ub = seed_pair(phase_difference=np.pi / 2).binding([1e-6, 0, 0])
        >>> bool(ua != ub)                                          # non-reciprocal
        True
        """
        qa, qb = binding_amplitudes(r, self.particle_A, self.particle_B, self.omega, self.drive)
        return qa.real, qb.real

    def casimir_polder(self, r) -> np.ndarray:
        """U_CP(|r|) (J), evaluated once per distinct distance (grids repeat them).

        Examples
        --------
        >>> from weft.fields.si import KB
        >>> round(float(seed_pair().casimir_polder([3e-7, 0, 0]) / KB), 4)
        -1.8312
        """
        rv = self._r(r)
        dist = np.sqrt(np.einsum("...i,...i->...", rv, rv))
        uniq, inv = np.unique(dist.ravel(), return_inverse=True)
        return self.cp(uniq)[inv].reshape(dist.shape)

    def casimir_polder_derivative(self, distance) -> np.ndarray:
        """dU_CP/dR (J/m) at distances R > a_A + a_B (module docstring: log-R stencil).

        Examples
        --------
        >>> p = seed_pair()
        >>> bool(p.casimir_polder_derivative(3e-7) > 0)               # attraction
        True
        """
        R = np.asarray(distance, dtype=float)
        if not np.all(np.isfinite(R)) or np.any(R <= self.contact) or np.any(R <= 0):
            raise ValueError(f"distance must be finite and > {self.contact!r} m (contact)")
        flat = R.ravel()
        forward = flat * math.exp(-2 * _LOG_STEP) <= self.contact
        out = np.empty(flat.shape)
        for mask, offsets, weights in ((~forward, np.arange(-2, 3), _CENTRAL),
                                       (forward, np.arange(0, 5), _FORWARD)):
            if np.any(mask):
                pts = flat[mask, None] * np.exp(_LOG_STEP * offsets)
                vals = self.cp(pts.ravel()).reshape(pts.shape)
                out[mask] = (vals @ weights) / (_LOG_STEP * flat[mask])
        return out.reshape(R.shape)

    def transverse_curvature(self, s, direction=(1.0, 0.0, 0.0)) -> tuple:
        """(∂²U_A/∂t², ∂²U_B/∂t²) (J/m²) at r = s n̂, t̂ = ẑ × n̂ (in the plane z = 0).

        Exact, in polar coordinates of the plane: ∂²_t = (1/s)∂_s + (1/s²)∂²_θ at θ = 0.
        ∂_sU is the force along n̂ (:meth:`forces`); U_CP is isotropic, and in
        G₀ = [A𝟙 + B r̂r̂]/(4πk²r³) only r̂r̂ depends on θ, with
        ∂²_θ(r̂·W·r̂) = 2(t̂·W·t̂ − n̂·W·n̂) at θ = 0 and B/(4πk²r³) = n̂·G₀·n̂ − t̂·G₀·t̂:

            ∂²_θ U_A = −½μ₀ω² Re{α_A*α_B (n̂·G₀·n̂ − t̂·G₀·t̂) 2(t̂·W^{AB}·t̂ − n̂·W^{AB}·n̂)}.

        Parameters
        ----------
        s : float or array_like
            Distances along n̂ (m), > contact.
        direction : array_like, shape (3,), in the plane z = 0

        Returns
        -------
        (ndarray, ndarray), shape of ``s``

        Examples
        --------
        >>> ka, kb = seed_pair().transverse_curvature(1.0067e-6)         # the first well
        >>> bool(ka > 0 and np.isclose(ka, kb, rtol=1e-12))
        True
        """
        n = _direction(direction)
        if abs(n[2]) > 1e-12:
            raise ValueError("direction must lie in the plane z = 0 (transverse to the beams)")
        t = np.cross([0.0, 0.0, 1.0], n)
        sv = np.asarray(s, dtype=float)
        r = self._r(sv[..., None] * n)
        G = green_tensor(r, self.omega)
        b_part = np.einsum("i,...ij,j->...", n, G, n) - np.einsum("i,...ij,j->...", t, G, t)
        k2 = (self.omega / C) ** 2
        aa = complex(self.particle_A.alpha(self.omega))
        ab = complex(self.particle_B.alpha(self.omega))
        w_ab = self.drive.W_AB
        w_ba = w_ab.conj().T
        out = []
        fa, fb = self.forces(r)
        # dU_A/ds = F_A·n̂ and dU_B/ds = −F_B·n̂ (r = r_B − r_A)
        for w, coef, slope in ((w_ab, np.conj(aa) * ab, fa @ n),
                               (w_ba, np.conj(ab) * aa, -(fb @ n))):
            ang = 2.0 * (t @ w @ t - n @ w @ n)
            u_tt = np.real(-0.5 * k2 / EPS0 * coef * b_part * ang)
            out.append(slope / sv + u_tt / sv ** 2)
        return out[0], out[1]

    def interaction(self, r) -> tuple[np.ndarray, np.ndarray]:
        """(U_A − U_trap,A, U_B − U_trap,B) = U_OB + U_CP (J): zero for separated particles.

        Examples
        --------
        >>> from weft.fields.si import KB
        >>> va, vb = seed_pair().interaction([1.0067e-6, 0, 0])
        >>> round(float(va / KB), 2)                                 # the first well (K)
        -81.43
        """
        ua, ub = self.binding(r)
        u_cp = self.casimir_polder(r)
        return ua + u_cp, ub + u_cp

    def potentials(self, r) -> tuple[np.ndarray, np.ndarray]:
        """(U_A, U_B) = trap + optical binding + Casimir–Polder (J).

        Examples
        --------
        >>> from weft.fields.si import KB
        >>> ua, ub = seed_pair().potentials([1.0, 0, 0])              # far apart: the traps
        >>> round(float(ua / KB), 1)
        -4283.1
        """
        va, vb = self.interaction(r)
        ta, tb = self.trap
        return va + ta, vb + tb

    def forces(self, r) -> tuple[np.ndarray, np.ndarray]:
        """(F_A, F_B) = (−∇_{r_A}U_A, −∇_{r_B}U_B) (N), each of shape r.shape.

        Examples
        --------
        >>> fa, fb = seed_pair(phase_difference=np.pi / 2).forces([1.3e-6, 0, 0])
        >>> bool(np.linalg.norm(fa + fb) > 0)                         # net force: non-reciprocal
        True
        """
        rv = self._r(r)
        fa, fb = binding_forces(rv, self.particle_A, self.particle_B, self.omega, self.drive)
        dist = np.sqrt(np.einsum("...i,...i->...", rv, rv))
        f_cp = self.casimir_polder_derivative(dist)[..., None] * rv / dist[..., None]
        return fa + f_cp, fb - f_cp

    def plane(self, x, y) -> "PlaneMap":
        """Interaction of A and B with B at (x, y, 0) on a grid (masked where overlapping).

        Parameters
        ----------
        x, y : array_like, 1-d
            Coordinates of r_B − r_A (m).

        Returns
        -------
        PlaneMap

        Examples
        --------
        >>> m = seed_pair().plane(np.linspace(-1e-6, 1e-6, 5), np.linspace(-1e-6, 1e-6, 5))
        >>> m.U_A.shape, int(m.U_A.mask.sum())                        # the centre overlaps
        ((5, 5), 1)
        """
        xs = np.asarray(x, dtype=float)
        ys = np.asarray(y, dtype=float)
        if xs.ndim != 1 or ys.ndim != 1 or not (np.all(np.isfinite(xs))
                                                and np.all(np.isfinite(ys))):
            raise ValueError("x and y must be finite 1-d arrays (m)")
        X, Y = np.meshgrid(xs, ys)
        inside = np.hypot(X, Y) <= self.contact
        pts = np.stack([X[~inside], Y[~inside], np.zeros(int((~inside).sum()))], axis=-1)
        ua = np.zeros(X.shape)
        ub = np.zeros(X.shape)
        if pts.size:
            va, vb = self.interaction(pts)
            ua[~inside], ub[~inside] = va, vb
        return PlaneMap(xs, ys, np.ma.masked_array(ua, inside), np.ma.masked_array(ub, inside))


@dataclass(frozen=True, eq=False)
class PlaneMap:
    """Interaction energies (J) of A and B on a grid of B positions (x, y, 0).

    ``U_A[j, i]``, ``U_B[j, i]`` at (x[i], y[j]); masked where the particles overlap
    (|r| ≤ a_A + a_B). Add :attr:`OpticalPair.trap` for the total potentials.
    """

    x: np.ndarray
    y: np.ndarray
    U_A: np.ma.MaskedArray
    U_B: np.ma.MaskedArray


def optical_pair(particle_A, particle_B=None, *, wavelength, drive, temperature=300.0,
                 resolution: int = 1) -> OpticalPair:
    """Prepare a pair of particles in flat tweezers (module docstring).

    Parameters
    ----------
    particle_A : Particle
    particle_B : Particle, optional
        Default: the same as A.
    wavelength : float
        Drive vacuum wavelength λ₀ > 0 (m).
    drive : Drive
        E.g. :func:`.optical.tweezers`.
    temperature : float
        Bath temperature T ≥ 0 (K) of the Casimir–Polder potential.
    resolution : int
        Passed to :func:`.thermal.prepare`.

    Returns
    -------
    OpticalPair

    Examples
    --------
    >>> from weft.fields.optical import tweezers
    >>> p = optical_pair(DielectricSphere(1e-7), wavelength=1064e-9, drive=tweezers(1e10))
    >>> p.temperature
    300.0
    """
    pa = _particle("particle_A", particle_A)
    pb = pa if particle_B is None else _particle("particle_B", particle_B)
    try:
        lam = float(wavelength)
    except (TypeError, ValueError):
        raise ValueError(f"wavelength must be a real number (m), got {wavelength!r}") from None
    if not math.isfinite(lam) or lam <= 0:
        raise ValueError(f"wavelength must be finite and > 0 (m), got {wavelength!r}")
    omega = _omega(2.0 * math.pi * C / lam)
    cp = prepare(pa, pb, temperature, resolution=resolution)
    return OpticalPair(pa, pb, lam, omega, _check_drive(drive), cp.temperature, cp)


def seed_pair(polarization="yy", phase_difference=0.0, *, intensity=None, radius=None,
              temperature=None, wavelength=None) -> OpticalPair:
    """The two silica spheres of 003 Sec. IV B (defaults :data:`SEED_003`).

    Parameters
    ----------
    polarization : {"yy", "xy", "xx"}
        Tweezer polarizations at A and B (first letter: A), 003 Fig. 5; the spheres are
        displaced in the xy plane, the beams propagate along z.
    phase_difference : float
        Δϕ = ϕ_A − ϕ_B (rad).
    intensity : float, optional
        Intensity of each tweezer (W/m²; default 10¹⁰ = 10⁻² W/µm²).
    radius : float, optional
        Sphere radius (m; default 100 nm).
    temperature : float, optional
        K (default 300).
    wavelength : float, optional
        m (default 1064 nm).

    Returns
    -------
    OpticalPair

    Examples
    --------
    >>> p = seed_pair("xy")
    >>> bool(p.drive.W_AB[0, 1] != 0)
    True
    """
    if polarization not in POLARIZATIONS:
        raise ValueError(f"polarization must be one of {list(POLARIZATIONS)}, got "
                         f"{polarization!r}")
    cfg = dict(SEED_003)
    for key, val in (("intensity", intensity), ("radius", radius),
                     ("temperature", temperature), ("wavelength", wavelength)):
        if val is not None:
            cfg[key] = val
    pol_a, pol_b = POLARIZATIONS[polarization]
    drive = tweezers(cfg["intensity"], polarization_A=pol_a, polarization_B=pol_b,
                     phase_difference=phase_difference)
    sphere = DielectricSphere(cfg["radius"], SILICA)
    return optical_pair(sphere, wavelength=cfg["wavelength"], drive=drive,
                        temperature=cfg["temperature"])


def _direction(direction) -> np.ndarray:
    n = np.asarray(direction, dtype=float)
    if n.shape != (3,) or not np.all(np.isfinite(n)) or not np.any(n):
        raise ValueError("direction must be a non-zero finite 3-vector")
    return n / np.linalg.norm(n)


def phase_scan(pair, s, phases, direction=(1.0, 0.0, 0.0)) -> tuple[np.ndarray, np.ndarray]:
    """Interactions U_A, U_B (J) along a line for many relative phases (003 Fig. 6(a), (b)).

    Δϕ → Δϕ + δ multiplies the binding amplitudes by e^{∓iδ} (:func:`.optical.binding_amplitudes`),
    so one Green-tensor evaluation serves all phases.

    Parameters
    ----------
    pair : OpticalPair
    s : array_like, 1-d
        Distances along ``direction`` (m), > contact.
    phases : array_like, 1-d
        Phase advances δ of tweezer A relative to ``pair`` (rad).
    direction : array_like, shape (3,)

    Returns
    -------
    (ndarray, ndarray), shape (len(phases), len(s))

    Examples
    --------
    >>> ua, ub = phase_scan(seed_pair(), [1e-6, 2e-6], [0.0, np.pi / 2, -np.pi / 2])
    >>> bool(np.allclose(ua[1], ub[2], rtol=1e-13, atol=0))            # U_A(δ) = U_B(−δ)
    True
    """
    n = _direction(direction)
    sv = np.asarray(s, dtype=float)
    ph = np.asarray(phases, dtype=float)
    if sv.ndim != 1 or ph.ndim != 1 or not np.all(np.isfinite(ph)):
        raise ValueError("s and phases must be finite 1-d arrays")
    r = sv[:, None] * n
    qa, qb = binding_amplitudes(r, pair.particle_A, pair.particle_B, pair.omega, pair.drive)
    u_cp = pair.casimir_polder(r)
    e = np.exp(-1j * ph)[:, None]
    return (e * qa).real + u_cp, (e.conj() * qb).real + u_cp


def axis_extrema(pair, sphere, s_min, s_max, direction=(1.0, 0.0, 0.0), *,
                 points_per_wavelength=80) -> dict:
    """Minima and maxima of U_A or U_B along a line r = s n̂, s ∈ [s_min, s_max] (m).

    Brackets sign changes of dU/ds (= F_A·n̂ for A, −F_B·n̂ for B) on a grid of
    ``points_per_wavelength`` points per λ₀ (and 200 log-spaced points from s_min), then
    refines each root with Brent's method to round-off (relative 4ε, so the result does not
    depend on the iteration path).

    Parameters
    ----------
    pair : OpticalPair
    sphere : {"A", "B"}
    s_min, s_max : float
        s_min > contact.
    direction : array_like, shape (3,)
    points_per_wavelength : int

    Returns
    -------
    dict
        ``{"minima": array of s, "maxima": array of s}`` (m), ascending.

    Examples
    --------
    >>> e = axis_extrema(seed_pair(), "A", 3e-7, 2e-6)
    >>> np.round(e["minima"] * 1e6, 4), np.round(e["maxima"] * 1e6, 4)        # µm
    (array([1.0067]), array([1.5591]))
    """
    from scipy.optimize import brentq

    if sphere not in ("A", "B"):
        raise ValueError(f"sphere must be 'A' or 'B', got {sphere!r}")
    n = _direction(direction)
    lo, hi = float(s_min), float(s_max)
    if not (math.isfinite(lo) and math.isfinite(hi)) or lo <= pair.contact or hi <= lo:
        raise ValueError(f"need contact ({pair.contact!r} m) < s_min < s_max")
    k = 0 if sphere == "A" else 1
    sign = 1.0 if sphere == "A" else -1.0

    def slope(s):
        f = pair.forces(np.asarray(s, dtype=float)[..., None] * n)[k]
        return sign * (f @ n)

    count = max(2, int(points_per_wavelength * (hi - lo) / pair.wavelength) + 1)
    grid = np.unique(np.concatenate([np.linspace(lo, hi, count), np.geomspace(lo, hi, 200)]))
    d = slope(grid)
    up = d >= 0                               # slope sign, zero counted as positive
    minima, maxima = [], []
    for i in np.nonzero(up[:-1] != up[1:])[0]:
        a, b = grid[i], grid[i + 1]
        if d[i] == 0:
            root = a
        elif d[i + 1] == 0:
            root = b
        else:
            root = brentq(lambda s: float(slope(s)), a, b, xtol=1e-300, rtol=_ROOT_RTOL)
        (maxima if up[i] else minima).append(root)
    return {"minima": np.array(minima), "maxima": np.array(maxima)}


def minima_loci(pair, phases, s_min, s_max, direction=(1.0, 0.0, 0.0)) -> dict:
    """Minima of U_A and U_B along a line for each relative phase (003 Fig. 6(c)).

    Parameters
    ----------
    pair : OpticalPair
        The reference pair (its Δϕ is the origin of ``phases``).
    phases : array_like, 1-d
        Phase advances δ (rad).
    s_min, s_max : float
        Range along ``direction`` (m).
    direction : array_like, shape (3,)

    Returns
    -------
    dict
        ``{"A": [array of minima for each phase], "B": [...]}`` (m).

    Examples
    --------
    >>> loci = minima_loci(seed_pair(), [0.0, np.pi], 3e-7, 2e-6)
    >>> [round(float(x) * 1e6, 4) for x in loci["A"][1]]             # Δϕ = π
    [1.5591]
    """
    out = {"A": [], "B": []}
    for d in np.asarray(phases, dtype=float):
        shifted = pair.with_phase(d)
        for sphere in ("A", "B"):
            out[sphere].append(axis_extrema(shifted, sphere, s_min, s_max, direction)["minima"])
    return out


@dataclass(frozen=True)
class BoundState:
    """A common minimum of U_A and U_B on a line (module docstring); SI.

    Attributes
    ----------
    s : float
        Distance of the minimum along the line (m).
    energy : float
        Interaction V(s) = U − U_trap at the minimum (J), the same for A and B (to
        round-off) when the forces are conservative.
    depth_dissociation : float
        −V(s): below separated particles (J).
    depth_barrier : float
        min(V_left, V_right) − V(s) (J): to leave the well over the lower barrier.
    barrier_left, barrier_right : tuple of float
        (position m, V J) of the barriers; the left one is the contact value (position =
        contact) when V rises monotonically towards contact; the right one is
        (inf, 0.0) when no maximum lies outwards within the scanned range.
    transverse_curvature : float
        ∂²V/∂t² (J/m²) across the line, in the plane z = 0 (t̂ = ẑ × n̂):
        :meth:`OpticalPair.transverse_curvature`; > 0 means the minimum is also stable in
        the plane. For dipoles along (or both normal to) the line in the plane it is
        −U_CP'(s)/s < 0 at a minimum, tiny: such wells confine across the line only at
        fourth order.
    """

    s: float
    energy: float
    depth_dissociation: float
    depth_barrier: float
    barrier_left: tuple
    barrier_right: tuple
    transverse_curvature: float


def bound_states(pair, s_min, s_max, direction=(1.0, 0.0, 0.0), *, rtol=1e-9) -> tuple:
    """Bound states along a line: common minima of U_A and U_B, with their depths.

    A minimum of U_A and one of U_B are common when they agree to ``rtol`` (relative);
    for Δϕ = 0, π they agree to round-off, otherwise generically not at all.

    Parameters
    ----------
    pair : OpticalPair
    s_min, s_max : float
        Range of the minima reported (m), s_min > contact; barriers are searched up to
        s_max + 2λ₀ (beyond, an outermost well is taken to rise monotonically to V = 0).
    direction : array_like, shape (3,), in the plane z = 0
    rtol : float

    Returns
    -------
    tuple of BoundState

    Examples
    --------
    >>> from weft.fields.si import KB
    >>> b = bound_states(seed_pair(), 2.05e-7, 2e-6)[0]
    >>> round(b.s * 1e6, 4), round(b.depth_dissociation / KB, 2), round(b.depth_barrier / KB, 2)
    (1.0067, 81.43, 134.87)
    """
    n = _direction(direction)
    if abs(n[2]) > 1e-12:
        raise ValueError("direction must lie in the plane z = 0 (transverse to the beams)")
    t = np.cross([0.0, 0.0, 1.0], n)
    s_far = float(s_max) + 2.0 * pair.wavelength
    ext_a = axis_extrema(pair, "A", s_min, s_far, n)
    ext_b = axis_extrema(pair, "B", s_min, s_far, n)
    out = []
    for s in ext_a["minima"][ext_a["minima"] <= s_max]:
        if not np.any(np.abs(ext_b["minima"] - s) <= rtol * s):
            continue
        V = lambda x: float(pair.interaction(np.asarray(x, dtype=float) * n)[0])  # noqa: E731
        v0 = V(s)
        left = ext_a["maxima"][ext_a["maxima"] < s]
        if left.size:
            bl = (float(left[-1]), V(left[-1]))
        else:
            s_c = pair.contact * (1.0 + 1e-9)
            bl = (pair.contact, V(s_c))
        right = ext_a["maxima"][ext_a["maxima"] > s]
        br = (float(right[0]), V(right[0])) if right.size else (math.inf, 0.0)
        curv = float(pair.transverse_curvature(s, n)[0])
        out.append(BoundState(float(s), v0, -v0, min(bl[1], br[1]) - v0, bl, br, curv))
    return tuple(out)
