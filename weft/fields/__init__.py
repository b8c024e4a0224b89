"""weft.fields: dipole forces from the electromagnetic field (SI inside), no EFT matching.

Seeds: Jakubec, Solano, Delić & Sinha, PRA 109, 052807 (2024) (003: nanospheres, thermal
Casimir–Polder, optical binding) and Donaire et al. (000, 001, 004: one atom excited).
Conventions, equations, the regime map and the errata of the seeds: docs/fields.md.

Units: SI throughout (m, rad/s, J, K, C·m²/V for α, C·m for dipoles); atomic units only
at the boundary (:func:`to_atomic_units`, :func:`from_atomic_units`,
``Particle.alpha_au``). Green tensor: the usual G₀ with E = μ₀ω²G₀·p (the Donaire seeds
use −G₀).

Public API::

    green_tensor(r, omega), dipole_field_tensor(r, omega)      # G₀, k²G₀ (1/m, 1/m³)
    curl_green_tensor(r, omega), grad_green_tensor(r, omega)   # ∇×G₀, ∂_k G₀_ij
    im_green_coincident(omega), trace_gg_imaginary(r, xi)      # k/6π 𝟙, Tr G₀(iξ)²
    lyman_alpha(nucleus="infinite") -> Line                    # ω₀, μ_m, Γ(2p), λ₀
    spontaneous_emission_rate(omega, dipole)                   # Γ = 2μ₀ω²/ħ d*·ImG₀·d
    HydrogenAtom, TwoLevelAtom, DielectricSphere(radius, DrudeLorentz|SILICA),
    TabulatedParticle, RadiationCorrected                      # .alpha(ω), .alpha_imag(ξ)
    casimir_polder(R, p1, p2, temperature=0.0)                 # U(R, T) in J
    prepare(p1, p2, temperature) -> callable on R              # the same, set up once
    regimes(p1, p2, temperature) -> RegimeMap                  # asymptotes, crossovers
    to_atomic_units(value, quantity), from_atomic_units(value, quantity)

One atom excited (seeds 000, 001, 004; docs/fields.md §9–§12)::

    resonant_coupling(R, mu_A, mu_B, omega), dicke_states(R), coupling_matrix(R)
                                                               # H(1s)–H(2p), first order
    ExcitedHydrogen(orbital, nucleus), ExcitedTwoLevel(omega0, dipole, gamma),
    HydrogenIsotope(state, nucleus), separation(distance, axis)
    resonant_forces, degenerate_forces, offresonant_forces, net_force (R, A, B[, T])
    offresonant_sign_change_time(R, A, B), identical_forces(R, A, T)
    longitudinal_momenta, nonconservative_forces (R, A, T), transverse_displacements(R, A)
    (weft.fields.excited.forces / .potentials: all parts of a dissimilar pair at time T)

Driven fields (seed 003 Secs. II–IV; docs/optical.md)::

    tweezers(...), trap_potential, binding_potentials, binding_forces   # optical binding
    CoherentState, SqueezedVacuum, CatState, single_mode_drive, two_mode_drive
    optical_pair, seed_pair, bound_states, minima_loci, phase_scan     # landscapes

Examples
--------
>>> import weft.fields as wf
>>> h = wf.HydrogenAtom("1s")
>>> round(float(wf.casimir_polder(1e-9, h, h) / wf.regimes(h, h).near(1e-9)), 4)  # retardation
0.9988
"""
from .green import (curl_green_tensor, dipole_field_tensor, grad_green_tensor, green_tensor,
                    im_green_coincident, trace_gg_imaginary)
from .lines import Line, lyman_alpha, spontaneous_emission_rate
from .particles import (SILICA, DielectricSphere, DrudeLorentz, HydrogenAtom, Particle,
                        RadiationCorrected, TabulatedParticle, TwoLevelAtom)
from .si import from_atomic_units, to_atomic_units
from .thermal import RegimeMap, casimir_polder, prepare, regimes
from .resonant import DickeStates, coupling_matrix, dicke_states, resonant_coupling
from .atoms import ExcitedAtom, ExcitedHydrogen, ExcitedTwoLevel, HydrogenIsotope
from .excited import (PairForces, degenerate_forces, identical_forces, net_force,
                      offresonant_forces, offresonant_sign_change_time, resonant_forces,
                      separation)
from .nonconservative import (longitudinal_momenta, nonconservative_forces,
                              transverse_displacements)
from .optical import (Drive, binding_amplitudes, binding_far, binding_forces, binding_near,
                      binding_potentials, coherent_drive, field_amplitude,
                      gaussian_beam_intensity, polarization_vector, trap_potential,
                      trap_stiffness, tweezers)
from .optical_landscape import (POLARIZATIONS, SEED_003, BoundState, OpticalPair, PlaneMap,
                                axis_extrema, bound_states, minima_loci, optical_pair,
                                phase_scan, seed_pair)
from .optical_states import (SEED_MODE_VOLUME, CatState, CoherentState, ModeState,
                             SqueezedVacuum, field_per_photon, matching_squeezing,
                             photon_number, single_mode_drive, squeezing_db, two_mode_drive)

__all__ = ["green_tensor", "dipole_field_tensor", "curl_green_tensor", "grad_green_tensor",
           "im_green_coincident", "trace_gg_imaginary", "Line", "lyman_alpha",
           "spontaneous_emission_rate", "Particle", "HydrogenAtom", "TwoLevelAtom",
           "DrudeLorentz", "SILICA", "DielectricSphere", "TabulatedParticle",
           "RadiationCorrected", "casimir_polder", "prepare", "regimes", "RegimeMap",
           "to_atomic_units", "from_atomic_units",
           "resonant_coupling", "coupling_matrix", "dicke_states", "DickeStates",
           "ExcitedAtom", "ExcitedHydrogen", "ExcitedTwoLevel", "HydrogenIsotope", "PairForces",
           "separation", "resonant_forces", "degenerate_forces", "offresonant_forces",
           "net_force", "offresonant_sign_change_time", "identical_forces",
           "longitudinal_momenta", "nonconservative_forces", "transverse_displacements",
           # driven fields (seed 003; docs/optical.md)
           "Drive", "tweezers", "coherent_drive", "field_amplitude", "polarization_vector",
           "trap_potential", "gaussian_beam_intensity", "trap_stiffness",
           "binding_potentials", "binding_amplitudes", "binding_forces", "binding_near",
           "binding_far", "ModeState", "CoherentState", "SqueezedVacuum", "CatState",
           "field_per_photon", "photon_number", "matching_squeezing", "squeezing_db",
           "single_mode_drive", "two_mode_drive", "SEED_MODE_VOLUME", "OpticalPair",
           "optical_pair", "seed_pair", "PlaneMap", "BoundState", "phase_scan",
           "axis_extrema", "minima_loci", "bound_states", "SEED_003", "POLARIZATIONS"]
