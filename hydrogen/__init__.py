"""hydrogen: the one-atom problem for weft, atomic units (hartree, bohr), no EFT.

Nonrelativistic Coulomb hydrogen with infinite nuclear mass: states and energies, exact
dipole matrix elements (bound-bound and bound-free), a quadrature rule over all
intermediate states (discrete + continuum), and the state sums of the paper built on it.

Public API (a contract other tools rely on)::

    hydrogen.energy(n)                               # hartree
    hydrogen.radial_dipole(n1, l1, n2, l2)           # <n2 l2|r|n1 l1>, bohr
    hydrogen.radial_dipole_continuum(n, l, k, l2)    # energy-normalised continuum, E = k²/2
    hydrogen.polarizability(state, omega=0.0)        # bohr³, real or complex omega
    hydrogen.C6(state1, state2)                      # hartree·bohr⁶
    hydrogen.C6_exchange(state1, state2)             # X6 of E± = -(C6 ± X6)/R⁶, hartree·bohr⁶
    hydrogen.oscillator_sum(state, k)                # S(k) = Σ f ω^k
    hydrogen.spectral_rule(state)                    # the quadrature rule itself
    hydrogen.transition_rule(bra, ket)               # signed <bra|x|m><m|x|ket> on the same nodes
    hydrogen.multipole_polarizability(state, l, omega=0.0)  # 2^l-pole α_l, bohr^{2l+1}
    hydrogen.C8(state1, state2), hydrogen.C10(state1, state2)  # hartree·bohr^8, ^10
    hydrogen.C8_exchange(s1, s2), hydrogen.C10_exchange(s1, s2)  # 1s–nS state-swap partners

Supported range: the state sums (spectral rules: polarizability, C6, oscillator_sum, …)
accept 1 <= n <= N_STATE_MAX = 1000, checked before anything is computed (a ValueError
names the argument and the input); building a rule costs ~1 ms at n = 1, ~10 ms at
n = 100 and ~0.1 s at n = 1000, once per state (cached). radial_dipole accepts
n <= N_MAX = 2000.
"""
from .dipole import (N_MAX, dipole_density, oscillator_strength, radial_dipole,
                     radial_dipole_continuum)
from .spectrum import N_STATE_MAX, SingularSumError, SpectralRule, spectral_rule, transition_rule
from .states import State, energy, parse_state
from .sums import (C6, C6_exchange, exchange_nlo_sum, london_nlo_sum, oscillator_sum, pair_sum,
                   polarizability, sum_rules, transition_sum_rules)
from .multipole import C8, C10, C8_exchange, C10_exchange, multipole_polarizability

__all__ = ["energy", "State", "parse_state", "radial_dipole", "radial_dipole_continuum",
           "dipole_density", "oscillator_strength", "spectral_rule", "SpectralRule",
           "SingularSumError", "polarizability", "oscillator_sum", "C6", "london_nlo_sum",
           "pair_sum", "sum_rules", "N_STATE_MAX", "N_MAX", "transition_rule", "C6_exchange",
           "exchange_nlo_sum", "transition_sum_rules", "multipole_polarizability", "C8",
           "C10", "C8_exchange", "C10_exchange"]
