"""weft.units' CODATA literals against scipy.constants (the source the design names).

weft.units writes the CODATA 2022 values as literals (importing scipy.constants costs more
than importing numpy). Whenever the installed scipy serves the same release, every literal
and every derived constant must be bit-for-bit what scipy.constants gives; if scipy serves
another release, the literals must be updated together with weft.units.CODATA.
"""
import math

import pytest
import scipy.constants as sc

from weft import units


def _scipy_release():
    try:
        from scipy.constants._codata import _current_codata
    except ImportError:          # pragma: no cover - older scipy
        return None
    return str(_current_codata)


SAME_RELEASE = _scipy_release() == units.CODATA


def test_release_name():
    assert units.CODATA == "CODATA 2022"


@pytest.mark.skipif(not SAME_RELEASE, reason=f"scipy serves {_scipy_release()}, weft.units "
                    f"{units.CODATA}: update the literals and CODATA together")
def test_constants_equal_scipy_constants_bit_for_bit():
    pc = sc.physical_constants
    assert units.ALPHA == sc.fine_structure == pc["fine-structure constant"][0]
    assert units.HARTREE_J == pc["Hartree energy"][0]
    assert units.HARTREE_EV == pc["Hartree energy in eV"][0]
    assert units.BOHR_M == pc["Bohr radius"][0]
    assert units.ME_KEV == pc["electron mass energy equivalent in MeV"][0] * 1e3
    assert units.HBARC_KEV_M == sc.hbar * sc.c / sc.e * 1e-3
    assert units.HARTREE_CM1 == pc["Hartree energy"][0] / (sc.h * sc.c) / 100.0
    assert units.HARTREE_K == pc["Hartree energy"][0] / sc.k
    assert units.HARTREE_MHZ == pc["Hartree energy"][0] / sc.h / 1e6
    assert units._HBAR == sc.hbar
    assert (units._C, units._H, units._E, units._K) == (sc.c, sc.h, sc.e, sc.k)


def test_constants_consistent_with_each_other():
    # independent relations among CODATA values (hold to their published uncertainties)
    # E_h = α² m_e c² and a0 = ħ/(m_e c α): E_h a0 = α ħ c
    assert units.HARTREE_J * units.BOHR_M == pytest.approx(
        units.ALPHA * units._HBAR * units._C, rel=1e-9)
    assert units.HARTREE_EV == pytest.approx(units.HARTREE_J / units._E, rel=1e-11)
    assert units.HARTREE_KEV == pytest.approx(units.ALPHA ** 2 * units.ME_KEV, rel=1e-9)
    assert math.isclose(units.C_AU, 137.035999177, rel_tol=1e-11)
