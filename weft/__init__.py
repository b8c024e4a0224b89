"""weft: van der Waals potentials between hydrogen atoms from NRQED -> pNRQED -> WEFT.

Reference: N. Brambilla, V. Shtabovenko, J. Tarrús Castellà, A. Vairo, "Effective field
theories for van der Waals interactions" (the paper; equations cited as "Eq. (n)").

Public API (a contract other tools rely on)::

    weft.potential(R, state1="1s", state2="1s", *, regime="intermediate", order=None,
                   spins=None, units="au", nu=None, r_hat=None, length_unit=None,
                   strict=False)
    weft.contributions(...)      # every term, its equation, value and local coefficients
    weft.london(R, ...), weft.casimir_polder(R, ...)
    weft.read_table(path), weft.write_table(path, R, W, metadata)
    weft.loops, weft.fourier, weft.dispersive   # Appendices A, D and Eq. (61)
"""
try:
    from importlib.metadata import PackageNotFoundError, version as _version
    __version__ = _version("weft")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0.1.0"

from .potential import (R_RANGE_BOHR, REGIMES, casimir_polder, contributions,  # noqa: E402
                        london, potential)
from .tables import read_table, write_table  # noqa: E402
from .validity import ValidityError, ValidityWarning  # noqa: E402

__all__ = ["potential", "contributions", "london", "casimir_polder", "read_table",
           "write_table", "REGIMES", "R_RANGE_BOHR", "ValidityWarning", "ValidityError",
           "__version__"]
