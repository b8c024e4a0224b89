"""weft: van der Waals potentials between hydrogen atoms from NRQED -> pNRQED -> WEFT.

Reference: N. Brambilla, V. Shtabovenko, J. Tarrús Castellà, A. Vairo, "Effective field
theories for van der Waals interactions" (the paper; equations cited as "Eq. (n)").

Public API (a contract other tools rely on)::

    weft.potential(R, state1="1s", state2="1s", *, regime="intermediate", order=None,
                   spins=None, units="au", nu=None)
    weft.contributions(...)      # every term, its equation, value and local coefficients
    weft.london(R, ...), weft.casimir_polder(R, ...)
    weft.read_table(path), weft.write_table(path, R, W, metadata)
    weft.loops, weft.fourier, weft.dispersive   # Appendices A, D and Eq. (61)
"""
from .potential import REGIMES, casimir_polder, contributions, london, potential
from .tables import read_table, write_table

__all__ = ["potential", "contributions", "london", "casimir_polder", "read_table",
           "write_table", "REGIMES", "__version__"]


def __getattr__(name):
    """``weft.__version__``, read from the installed metadata on first use (PEP 562):
    importlib.metadata costs ~20 ms at import, a tenth of ``import weft``."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version
        try:
            return version("weft")
        except PackageNotFoundError:  # pragma: no cover - running from a source tree
            return "0.1.0"
    raise AttributeError(f"module 'weft' has no attribute {name!r}")
