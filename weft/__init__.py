"""weft: van der Waals potentials between hydrogen atoms from NRQED -> pNRQED -> WEFT.

Reference: N. Brambilla, V. Shtabovenko, J. Tarrús Castellà, A. Vairo, "Effective field
theories for van der Waals interactions" (the paper; equations cited as "Eq. (n)").

Public API (a contract other tools rely on)::

    weft.potential(R, state1="1s", state2="1s", *, regime="intermediate", order=None,
                   spins=None, units="au", nu=None, r_hat=None, length_unit=None,
                   strict=False, symmetry=None, level_shifts=None, temperature=0.0,
                   max_power=6)
    weft.contributions(...)      # every term, its equation, value and local coefficients
    weft.london(R, ...), weft.casimir_polder(R, ...)
    weft.read_table(path), weft.write_table(path, R, W, metadata)
    weft.loops, weft.fourier, weft.dispersive   # Appendices A, D and Eq. (61)
"""
import sys as _sys

from .pair import Pair
from .potential import (R_RANGE_BOHR, REGIMES, casimir_polder, contributions, london, orders,
                        potential)
from .tables import read_table, write_table
from .validity import ValidityError, ValidityWarning

__all__ = ["potential", "contributions", "london", "casimir_polder", "orders", "Pair",
           "read_table",
           "write_table", "REGIMES", "R_RANGE_BOHR", "ValidityWarning", "ValidityError",
           "__version__"]


#: Submodules imported on first attribute access (they pull in scipy, sympy, matplotlib).
_LAZY_SUBMODULES = ("loops", "fourier", "dispersive", "figures", "fields")


def __getattr__(name):
    """Lazy attributes (PEP 562), so that ``import weft`` stays light:

    * ``weft.__version__``, read from the installed metadata on first use
      (importlib.metadata costs ~20 ms at import, a tenth of ``import weft``);
    * the submodules ``weft.loops``, ``weft.fourier``, ``weft.dispersive``,
      ``weft.figures``, ``weft.fields``, imported on first access (they pull in scipy,
      sympy or matplotlib), so ``weft.loops.A(...)`` works after a bare ``import weft``.
    """
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version
        try:
            return version("weft")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0.1.0"
    if name in _LAZY_SUBMODULES:
        full = f"{__name__}.{name}"
        __import__(full)            # a plain import: sets the attribute, no recursion
        return _sys.modules[full]
    raise AttributeError(f"module 'weft' has no attribute {name!r}")
