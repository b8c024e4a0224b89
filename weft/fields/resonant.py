"""First-order resonant interaction of H(1s)–H(2p): retarded Dicke splitting and decay (SI).

With A excited and B in the ground state of the same line, the pair states |e, g⟩ and
|g, e⟩ are degenerate and the dipole–dipole coupling through the retarded field mixes
them at first order. In the one-excitation space (Wigner–Weisskopf, Markov; Lehmberg,
Phys. Rev. A 2, 883 (1970)) the non-Hermitian effective Hamiltonian has the diagonal
ħ(ω₀ − iΓ/2) and the off-diagonal element

    ⟨e_A g_B|H|g_A e_B⟩ = ħΩ̃,    Ω̃ = −(k²/(ε₀ħ)) μ_A*·G₀(R, ω₀)·μ_B,    k = ω₀/c,    (1)

μ_{A,B} = ⟨g|d|e⟩ (the field of B's dipole at A is k²G₀·μ_B/ε₀, −d_A·E). With Donaire's
𝔾 = −G₀ this is 004's Ω̃_R = k₀²μ_A·𝔾(k₀R)·μ_B (Sec. V; the seed omits the 1/(ε₀ħ)).
The Dicke states |±⟩ = (|e, g⟩ ± |g, e⟩)/√2 diagonalise it:

    E_± − ħω₀ = ±ħ Re Ω̃,        Γ_± = Γ ± Γ₁₂,   Γ₁₂ = −2 Im Ω̃,                    (2)

the retarded resonant (Dicke) splitting and the collective (super-, subradiant) decay
rates; Γ₁₂ → Γ as R → 0 since Im G₀(r → 0) = k/6π (:func:`weft.fields.green.im_green_coincident`).
("+" is the symmetric state, as for the H(1s)–H(ns) branches of docs/excited.md. Seed 004
writes δℰ_± = ∓ħΩ_R: the opposite sign, docs/fields.md D1.)

Hydrogen 1s–2p: μ_m = ⟨1s|d|2p_m⟩ (:func:`weft.fields.lines.lyman_alpha`). G₀ conserves
the projection of the orbital angular momentum on R̂, so with R̂ the quantisation axis
m = 0 is the Σ pair and m = ±1 the (degenerate) Π pairs:

    Ω̃_Σ = −(k²|μ₀|²/(ε₀ħ)) R̂·G₀·R̂,    Ω̃_Π = −(k²|μ₁|²/(ε₀ħ)) ê·G₀·ê  (ê ⊥ R̂),

|μ_m|² = d₀² = 2¹⁵/3¹⁰ (e a₀)² for each m. For any other axis the 3 × 3 coupling matrix
V_{mm'} = ħΩ̃(μ_m, μ_m') (:func:`coupling_matrix`) has the eigenvalues ħΩ̃_Σ, ħΩ̃_Π, ħΩ̃_Π
and the pair energies are ± the eigenvalues of its Hermitian part (V + V†)/2 (the 6 × 6
block [[0, V], [V, 0]]).

Limits (tested): near field (kR ≪ 1) ħΩ̃ → the static dipole–dipole element,
E_Σ± = ∓2d₀²/(4πε₀R³), E_Π± = ±d₀²/(4πε₀R³), i.e. C3 = 2d₀²/(4πε₀) = 1.109858 hartree·bohr³
(Σ) and 0.554929 (Π) in atomic units; far field E_Π± → ∓(k²d₀²/(4πε₀R)) cos kR and
E_Σ± → ∓(2kd₀²/(4πε₀R²)) sin kR.
"""
from __future__ import annotations

import numpy as np

from .green import green_tensor
from .lines import lyman_alpha
from .si import EPS0, HBAR, C

__all__ = ["resonant_coupling", "coupling_matrix", "dicke_states", "DickeStates"]


def _vectors(R) -> np.ndarray:
    r = np.asarray(R)
    if r.dtype.kind not in "iuf" or r.ndim == 0 or r.shape[-1] != 3:
        raise ValueError(f"R must be real 3-vectors (shape (..., 3), m), got shape {r.shape}")
    r = r.astype(float)
    if not np.all(np.isfinite(r)) or np.any(np.einsum("...i,...i->...", r, r) == 0):
        raise ValueError("R must be finite and non-zero (m)")
    return r


def _dipole(name: str, d) -> np.ndarray:
    v = np.asarray(d)
    if v.dtype.kind not in "iufc" or v.shape[-1:] != (3,) or not np.all(np.isfinite(v)):
        raise ValueError(f"{name} must be finite 3-vectors (C m)")
    return v.astype(complex)


def _omega(omega) -> float:
    try:
        w = float(omega)
    except (TypeError, ValueError):
        raise ValueError(f"omega must be a real angular frequency (rad/s), got {omega!r}") from None
    if not (np.isfinite(w) and w > 0):
        raise ValueError(f"omega must be finite and > 0 (rad/s), got {omega!r}")
    return w


def resonant_coupling(R, dipole_A, dipole_B, omega) -> np.ndarray:
    """Ω̃ = −(k²/(ε₀ħ)) μ_A*·G₀(R, ω)·μ_B (rad/s), Eq. (1) of the module docstring.

    Re Ω̃ is the exchange frequency (ħ Re Ω̃ the energy of the symmetric Dicke state),
    −2 Im Ω̃ = Γ₁₂ the collective decay rate.

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m), ≠ 0.
    dipole_A, dipole_B : array_like, shape (..., 3)
        Transition dipoles ⟨g|d|e⟩ (C·m), complex allowed; broadcast with R.
    omega : float
        Transition angular frequency ω₀ (rad/s).

    Returns
    -------
    ndarray of complex, shape R.shape[:-1]

    Examples
    --------
    >>> ly = lyman_alpha()
    >>> mu = ly.dipoles[1]                                  # m = 0, along z
    >>> w = resonant_coupling([0, 0, 1e-3 * C / ly.omega0], mu, mu, ly.omega0)
    >>> bool(w.real < 0)                                    # Σ, near field: attractive
    True
    """
    r = _vectors(R)
    w = _omega(omega)
    ma, mb = _dipole("dipole_A", dipole_A), _dipole("dipole_B", dipole_B)
    G = green_tensor(r, w)
    k = w / C
    return -(k * k / (EPS0 * HBAR)) * np.einsum("...i,...ij,...j->...", ma.conj(), G, mb)


def coupling_matrix(R, nucleus="infinite") -> np.ndarray:
    """V_{mm'} = ħΩ̃(μ_m, μ_m') for H(2p_m)–H(1s) ↔ H(1s)–H(2p_m') (J), m = −1, 0, 1.

    Any direction of R (quantisation axis z); the Dicke energies are ± the eigenvalues of
    the Hermitian part (V + V†)/2 (Σ once, Π twice; module docstring).

    Parameters
    ----------
    R : array_like, shape (..., 3)
        R_A − R_B (m).
    nucleus : str or float
        As :func:`weft.fields.lines.lyman_alpha` ("infinite", "H", "D", M/m_e).

    Returns
    -------
    ndarray of complex, shape R.shape[:-1] + (3, 3)

    Examples
    --------
    >>> V = coupling_matrix([0, 0, 1e-8])
    >>> bool(abs(V[0, 1]) == 0 and V[0, 0] == V[2, 2])      # R ∥ z: m conserved, Π twice
    True
    """
    r = _vectors(R)
    line = lyman_alpha(nucleus)
    mu = line.dipoles                                        # row m + 1
    G = green_tensor(r, line.omega0)
    k = line.omega0 / C
    return -(k * k / EPS0) * np.einsum("ai,...ij,bj->...ab", mu.conj(), G, mu)


class DickeStates:
    """Σ and Π Dicke pairs of H(1s)–H(2p) at distances R (SI), :func:`dicke_states`.

    Attributes
    ----------
    R : ndarray
        Distances (m).
    sigma, pi : ndarray of complex
        Ω̃_Σ, Ω̃_Π (rad/s), Eq. (1).
    gamma : float
        Single-atom rate Γ (1/s).
    """

    def __init__(self, R, sigma, pi, gamma):
        self.R, self.sigma, self.pi, self.gamma = R, sigma, pi, gamma

    def energies(self) -> dict:
        """E_Σ±, E_Π± − ħω₀ (J): ±ħ Re Ω̃ (symmetric "+", antisymmetric "−").

        Returns
        -------
        dict
            "sigma_plus", "sigma_minus", "pi_plus", "pi_minus" → ndarray (J).

        Examples
        --------
        >>> e = dicke_states([1e-9]).energies()
        >>> bool(e["sigma_plus"][0] < 0 < e["pi_plus"][0])
        True
        """
        es, ep = HBAR * self.sigma.real, HBAR * self.pi.real
        return {"sigma_plus": es, "sigma_minus": -es, "pi_plus": ep, "pi_minus": -ep}

    def rates(self) -> dict:
        """Γ_± = Γ ± Γ₁₂, Γ₁₂ = −2 Im Ω̃ (1/s), for Σ and Π.

        Returns
        -------
        dict
            "sigma_plus", "sigma_minus", "pi_plus", "pi_minus" → ndarray (1/s).

        Examples
        --------
        >>> d = dicke_states([1e-12])
        >>> r = d.rates()
        >>> [round(float(r[key][0] / d.gamma), 6) for key in ("sigma_plus", "pi_minus")]
        [2.0, 0.0]
        """
        gs, gp = -2.0 * self.sigma.imag, -2.0 * self.pi.imag
        return {"sigma_plus": self.gamma + gs, "sigma_minus": self.gamma - gs,
                "pi_plus": self.gamma + gp, "pi_minus": self.gamma - gp}


def dicke_states(R, nucleus="infinite") -> DickeStates:
    """Σ (m = 0 along R) and Π (m = ±1) couplings of H(1s)–H(2p) at distances R.

    Parameters
    ----------
    R : float or array_like
        Distances |R_A − R_B| (m), > 0.
    nucleus : str or float
        As :func:`weft.fields.lines.lyman_alpha`.

    Returns
    -------
    DickeStates

    Examples
    --------
    >>> from weft.fields.si import ATOMIC_UNITS
    >>> a0, Eh = ATOMIC_UNITS["length"][0], ATOMIC_UNITS["energy"][0]
    >>> e = dicke_states([a0]).energies()
    >>> round(float(e["sigma_plus"][0] / Eh), 5)                 # −C3/R³, C3 = 1.10986
    -1.10986
    """
    d = np.asarray(R, dtype=float)
    if not (np.all(np.isfinite(d)) and np.all(d > 0)):
        raise ValueError("R must be finite and > 0 (m)")
    line = lyman_alpha(nucleus)
    r = d[..., None] * np.array([0.0, 0.0, 1.0])
    sigma = resonant_coupling(r, line.dipoles[1], line.dipoles[1], line.omega0)
    pi = resonant_coupling(r, line.dipoles[2], line.dipoles[2], line.omega0)
    return DickeStates(d, sigma, pi, line.gamma)
