"""Tree-level magnetic dipole-dipole potential and the spin configuration of the pair.

The one-photon exchange between the permanent magnetic moments of two S-wave atoms,
μ = 2 c_F S (Eqs. (7), (19), (44), (45), (56); in coordinate space Eq. (35)). It is the same
interaction in the three regimes (order 1/2 in Sec. IV, order -1 in Secs. V and VI).

Sign and form follow the textbook magnetic dipole-dipole interaction (Jackson, Classical
Electrodynamics, Eq. (5.56) and the hyperfine contact term), m_i = (e/2m) μ_i:

    W = (α/m²) [ (μ₁·μ₂ - 3 (R̂·μ₁)(R̂·μ₂)) / (4R³) - (2π/3) μ₁·μ₂ δ³(R) ]

(natural units). The paper's Eqs. (19)/(44) carry the opposite overall sign and Eq. (35)
drops the μ₁·μ₂/(4R³) term: see docs/errata.md (E3, E4).

For entangled spin states the products ⟨μ₁^i⟩⟨μ₂^j⟩ of the paper become the correlation
tensor T^{ij} = ⟨S₁^i S₂^j⟩, so that in atomic units (hartree, bohr)

    W(R) = α² c_F² [tr T - 3 R̂·T·R̂] / R³,   δ³(R) coefficient: -(8π/3) α² c_F² tr T.
"""
from __future__ import annotations

import numpy as np

from .. import units

__all__ = ["spin_tensor", "normalise_spins", "c_F", "magnetic_dipole_potential",
           "magnetic_contact_coefficient"]

#: c_F = 1 + α/(2π), Eq. (4) (one half of the electron magnetic moment at order α).
c_F = 1.0 + units.ALPHA / (2.0 * np.pi)


def spin_tensor(spins) -> np.ndarray:
    """Spin correlation tensor T^{ij} = ⟨S₁^i S₂^j⟩ (3×3) of the two electrons.

    Parameters
    ----------
    spins : None, str, tuple or dict
        * ``None``: unpolarised atoms (average over all four spin states): T = 0, so the
          magnetic potential averages to zero;
        * ``"singlet"``: T = -δ^{ij}/4 (the tensor part vanishes; only the contact term
          -(8π/3)α²c_F² tr T = +2πα²c_F² survives, local);
        * ``("triplet", M)`` with M in {-1, 0, 1}, quantisation axis z:
          M = ±1: T = ẑẑ/4; M = 0: T = diag(1, 1, -1)/4;
        * ``{"S1": v1, "S2": v2}``: a product state with expectation vectors ⟨S₁⟩, ⟨S₂⟩
          (|v| ≤ 1/2): T = v1 ⊗ v2, the paper's ⟨n₁|S|n₁⟩ ⟨n₂|S|n₂⟩.

    Returns
    -------
    ndarray (3, 3), dimensionless (ħ = 1).

    Examples
    --------
    >>> float(spin_tensor(("triplet", 1))[2, 2])
    0.25
    """
    canonical = normalise_spins(spins)
    if canonical is None:
        return np.zeros((3, 3))
    if canonical == "singlet":
        return -0.25 * np.eye(3)
    if canonical[0] == "triplet":
        if canonical[1] in (1, -1):
            return np.diag([0.0, 0.0, 0.25])
        return np.diag([0.25, 0.25, -0.25])
    return np.outer(np.array(canonical[1]), np.array(canonical[2]))


_SPINS_ACCEPTED = "None, 'singlet', ('triplet', M) or {'S1': vec, 'S2': vec}"


def normalise_spins(spins):
    """The spin setting in one hashable, validated form (for :class:`weft.pair.Pair`).

    Parameters
    ----------
    spins : None, str, tuple or dict
        As for :func:`spin_tensor`; an already normalised value is returned unchanged.

    Returns
    -------
    None, "singlet", ("triplet", M) or ("product", (x1, y1, z1), (x2, y2, z2))

    Raises
    ------
    ValueError
        Anything else; the message lists the accepted forms.

    Examples
    --------
    >>> normalise_spins({"S1": [0, 0, 0.5], "S2": [0, 0, -0.5]})
    ('product', (0.0, 0.0, 0.5), (0.0, 0.0, -0.5))
    """
    if spins is None:
        return None
    if isinstance(spins, str):
        if spins == "singlet":
            return "singlet"
        if spins == "triplet":
            raise ValueError("spins: give the triplet projection, e.g. ('triplet', 1)")
        raise ValueError(f"spins must be {_SPINS_ACCEPTED}, got {spins!r}")
    if isinstance(spins, tuple) and len(spins) == 2 and spins[0] == "triplet":
        M = spins[1]
        if isinstance(M, (bool, np.bool_)) or M not in (-1, 0, 1):
            raise ValueError(f"spins: triplet projection M must be -1, 0 or 1, got {M!r}")
        return ("triplet", int(M))
    if isinstance(spins, tuple) and len(spins) == 3 and spins[0] == "product":
        spins = {"S1": spins[1], "S2": spins[2]}
    if isinstance(spins, dict) and set(spins) == {"S1", "S2"}:
        vecs = []
        for name in ("S1", "S2"):
            v = np.asarray(spins[name], dtype=float)
            if v.shape != (3,) or not np.all(np.isfinite(v)) or np.linalg.norm(v) > 0.5 + 1e-12:
                raise ValueError(f"spins['{name}'] must be a finite 3-vector with |<S>| <= 1/2")
            vecs.append(tuple(float(x) for x in v))
        return ("product", vecs[0], vecs[1])
    raise ValueError(f"spins must be {_SPINS_ACCEPTED}, got {spins!r}")


def _unit(r_hat) -> np.ndarray:
    v = np.asarray((0.0, 0.0, 1.0) if r_hat is None else r_hat, dtype=float)
    n = np.linalg.norm(v)
    if v.shape != (3,) or not np.isfinite(n) or n == 0:
        raise ValueError("r_hat must be a non-zero finite 3-vector (direction of R)")
    return v / n


def magnetic_dipole_potential(R_bohr, spins=None, r_hat=None) -> np.ndarray:
    """Magnetic dipole-dipole potential at R > 0, Eqs. (35), (44) (corrected), hartree.

    W(R) = α² c_F² [tr T - 3 R̂·T·R̂]/R³ (atomic units), T = :func:`spin_tensor`.

    Parameters
    ----------
    R_bohr : array_like
        Distance(s) in bohr.
    spins : see :func:`spin_tensor`
    r_hat : 3-vector, optional
        Direction of R (default z, the spin quantisation axis).

    Returns
    -------
    ndarray or numpy scalar
        W in hartree, same shape as ``R_bohr``; the δ³(R) term is not included (it is
        :func:`magnetic_contact_coefficient`).

    Examples
    --------
    >>> float(magnetic_dipole_potential(10.0))          # unpolarised atoms
    0.0
    >>> w = magnetic_dipole_potential(10.0, ("triplet", 1))    # spins along R: attractive
    >>> round(float(w * 10.0 ** 3 / (units.ALPHA ** 2 * c_F ** 2)), 12)
    -0.5
    """
    T = spin_tensor(spins)
    n = _unit(r_hat)
    ang = np.trace(T) - 3.0 * n @ T @ n
    R = np.asarray(R_bohr, dtype=float)
    return units.ALPHA ** 2 * c_F ** 2 * ang / R ** 3


def magnetic_contact_coefficient(spins=None) -> float:
    """Coefficient of δ³(R) (hartree·bohr³) of the magnetic potential: -(8π/3)α²c_F² tr T.

    The δ³(R) term of Eq. (35) with the sign of the textbook (hyperfine contact)
    interaction, -(2π/3)(α/m²) μ₁·μ₂ δ³(R) (module docstring; docs/errata.md E3-E4).

    Parameters
    ----------
    spins : see :func:`spin_tensor`

    Returns
    -------
    float
        The coefficient in hartree·bohr³ (0.0 for unpolarised atoms).

    Examples
    --------
    >>> magnetic_contact_coefficient(None)
    0.0
    >>> c = magnetic_contact_coefficient("singlet")            # +2π α² c_F²
    >>> round(c / (2 * np.pi * units.ALPHA ** 2 * c_F ** 2), 12)
    1.0
    """
    # + 0.0 turns the -0.0 of unpolarised atoms into 0.0
    return float(-(8.0 * np.pi / 3.0) * units.ALPHA ** 2 * c_F ** 2 * np.trace(spin_tensor(spins))) + 0.0
