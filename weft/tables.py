"""Tabulated potentials on disk: write and read W(R) tables with their metadata.

This module and :mod:`weft.cli` are the only places where ``weft`` reads or writes
files. A table is a set of named float64 columns of equal length, the first two being
the distance ``R`` and the potential ``W`` (names carry their units, e.g. ``R_bohr``,
``W_hartree``), plus a metadata dictionary saying how the numbers were produced.

Formats (chosen from the file extension, or ``format=``):

``.csv``
    UTF-8 text. Metadata lines ``# key: <JSON value>`` (one per key, in a fixed order),
    then one header row with the column names, then one row per point. Numbers are
    written with Python's ``repr`` (the shortest string that reads back to the same
    float64), so a round trip is bit-for-bit exact, including ``-0.0`` and subnormals.

    Reading is strict about the data and tolerant about harmless formatting:

    * a UTF-8 byte-order mark, CRLF line ends, a missing final newline, trailing
      whitespace and blank lines are ignored;
    * a line starting with ``#`` is a *metadata line* if it reads ``# key: <JSON value>``
      with ``key`` a lower-case identifier (``[a-z][a-z0-9_]*``), it stands before the
      column-header row, and the value parses as JSON; every other ``#`` line is a
      *comment* and is ignored wherever it stands (start a comment with ``##`` to be
      sure it is never read as metadata). A key given twice is an error;
    * the first line that is neither blank nor ``#`` is the column-header row; every
      later non-comment line is a data row of exactly one decimal number per column
      (``1.5``, ``-0.0``, ``6e-12``; no ``nan``, ``inf``, ``_`` or hex);
    * the metadata must be complete and the SHA-256 checksum must match, so an edited
      value or a lost row is an error.

    Every error names the file and, for a problem on one line, its line number (as an
    editor counts them).
``.json``
    One object ``{"format": ..., "metadata": {...}, "columns": [names],
    "data": {name: [values]}}``; floats are ``repr``-exact as well.
``.npz``
    NumPy archive with the columns as arrays ``col0``, ``col1``, ... (float64) and the
    metadata as a JSON string ``metadata`` (column names and meanings inside it).

Every table carries in its metadata: the ``weft`` version, the CODATA release of the
constants, the units, states, regime, orders, spins, MS-bar scale ``nu``, the meaning
of each column, the command that produced it, the number of rows and a SHA-256
checksum over the metadata and the exact bytes of the data. :func:`read_table`
recomputes the checksum, so a truncated or edited file raises ``ValueError`` naming the
file and the problem instead of returning a partial or altered table. No timestamps are
stored, so regenerating a table with the same code gives the same file.

Example
-------
>>> import os, tempfile
>>> import numpy as np
>>> from weft.tables import write_table, read_table
>>> R = np.array([10.0, 100.0])
>>> W = -6.5 / R**6
>>> meta = dict(units="au", states=["1s", "1s"], regime="short", orders=["0"],
...             spins=None, nu=None, command="doctest")
>>> path = os.path.join(tempfile.mkdtemp(), "W.csv")
>>> write_table(path, R, W, meta)
>>> t = read_table(path)
>>> bool(np.array_equal(t.W, W)), list(t.columns)
(True, ['R_bohr', 'W_hartree'])
"""
from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import json
import math
import os
import re
import secrets
import zipfile
from dataclasses import dataclass, field

import numpy as np

from . import units as _units

__all__ = ["Table", "write_table", "read_table", "column_names", "check_output",
           "check_writable", "staged_files", "FORMATS", "REQUIRED_METADATA", "FORMAT_ID"]

#: Identifier written into every file; bump when the layout changes.
FORMAT_ID = "weft-table/1"

#: Supported formats (file extension without the dot).
FORMATS = ("csv", "json", "npz")

#: Keys the caller must supply (values may be ``None`` where that is meaningful,
#: e.g. ``spins=None`` for unpolarised atoms or ``nu=None`` for the default scale).
REQUIRED_METADATA = ("units", "states", "regime", "orders", "spins", "nu", "command")

# Keys filled in by write_table itself.
_AUTO_KEYS = ("format", "weft_version", "codata", "columns", "rows", "checksum")

def _weft_version() -> str:
    """Version of the running weft (``weft.__version__``)."""
    from . import __version__     # here: weft/__init__.py imports this module
    return __version__


def column_names(units: str, length_unit: str | None = None) -> tuple[str, str]:
    """Names of the distance and potential columns for a unit system.

    Parameters
    ----------
    units : str
        A key of :data:`weft.units.UNITS` (the energy unit and default length unit).
    length_unit : str, optional
        A key of :data:`weft.units.LENGTH_UNITS` overriding the default length unit.

    Returns
    -------
    (str, str)
        E.g. ``("R_bohr", "W_hartree")`` for ``"au"``.

    Examples
    --------
    >>> column_names("natural")
    ('R_keV-1', 'W_keV')
    >>> column_names("cm-1", "angstrom")
    ('R_angstrom', 'W_cm-1')
    """
    system = _units.UNITS[_units.check_units(units)]
    return f"R_{_units.length_unit_of(units, length_unit).name}", f"W_{system.energy_label}"


def _column_meanings(units: str, length_unit: str | None = None) -> tuple[str, str]:
    system = _units.UNITS[units]
    lunit = _units.length_unit_of(units, length_unit)
    return (f"interatomic distance R in {lunit.name} ({lunit.description})",
            f"van der Waals potential W(R) in {system.energy_label} (units {units!r}: "
            f"{system.description}), contact (delta^3(R)) terms excluded")


@dataclass(frozen=True)
class Table:
    """A table read from (or written to) disk.

    Attributes
    ----------
    R : ndarray
        First column: distances, in the length unit named in its column name.
    W : ndarray
        Second column: the potential, in the energy unit named in its column name.
    metadata : dict
        Everything the file says about how the numbers were produced.
    columns : dict
        All columns, name -> float64 array, in file order (``R`` and ``W`` first).
    path : str or None
        The file the table was read from.
    """

    R: np.ndarray
    W: np.ndarray
    metadata: dict
    columns: dict = field(repr=False)
    path: str | None = None

    @property
    def names(self) -> list[str]:
        """Column names in file order."""
        return list(self.columns)


# --------------------------------------------------------------------------- helpers

def _format_of(path, format) -> str:
    ext = os.path.splitext(os.fspath(path))[1].lower().lstrip(".")
    if format is None:
        if ext not in FORMATS:
            raise ValueError(f"{os.fspath(path)}: unknown table format "
                             f"{('.' + ext) if ext else '(no extension)'!r}; use a file name "
                             f"ending in {', '.join('.' + f for f in FORMATS)}, or give the "
                             "format explicitly")
        return ext
    if format not in FORMATS:
        raise ValueError(f"format must be one of {list(FORMATS)}, got {format!r}")
    if ext in FORMATS and ext != format:
        raise ValueError(f"format={format!r} contradicts the file extension '.{ext}' of {os.fspath(path)}")
    return format


def check_output(path, format=None, *, overwrite=True) -> str:
    """Check, before any computation, that a table can be written to ``path``.

    Parameters
    ----------
    path : str or path-like
        The output file.
    format : {"csv", "json", "npz"}, optional
        Overrides the extension (as in :func:`write_table`).
    overwrite : bool
        If False, an existing ``path`` is an error.

    Returns
    -------
    str
        The format that :func:`write_table` will use.

    Raises
    ------
    ValueError
        Unknown or contradictory format.
    OSError
        ``path`` is a directory, its directory does not exist (or is not a directory,
        or is not writable), or it exists and ``overwrite`` is False; the exception's
        ``filename`` is ``path`` as given.

    Examples
    --------
    >>> check_output("W.csv"), check_output("W.dat", "json")
    ('csv', 'json')
    >>> check_output("no/such/dir/W.csv")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] directory 'no/such/dir' does not exist: 'no/such/dir/W.csv'
    """
    fmt = _format_of(path, format)
    check_writable(path, overwrite=overwrite)
    return fmt


def check_writable(path, *, overwrite=True) -> None:
    """Raise OSError (naming ``path``) unless a file can be created at ``path``.

    Used for every output file (tables and images) before the computation starts
    (:func:`check_output`, :func:`weft.figures.fig11`, :func:`weft.figures.image_output`).
    Nothing is created or modified.

    Parameters
    ----------
    path : str or path-like
        The output file name.
    overwrite : bool
        If False, an existing file (or link) at ``path`` is refused too.

    Raises
    ------
    ValueError
        ``path`` is empty.
    IsADirectoryError, NotADirectoryError, FileNotFoundError, PermissionError
        ``path`` is a directory, its directory is not one or does not exist, or is not
        writable.
    FileExistsError
        ``overwrite=False`` and ``path`` exists.

    Examples
    --------
    >>> check_writable("fig11.png")
    >>> check_writable("no/such/dir/fig11.png")
    Traceback (most recent call last):
    ...
    FileNotFoundError: [Errno 2] directory 'no/such/dir' does not exist: 'no/such/dir/fig11.png'
    """
    name = os.fspath(path)
    if name == "":
        raise ValueError("the output file name is empty")
    if os.path.isdir(name):
        raise IsADirectoryError(errno.EISDIR, "is a directory, not a file name", name)
    shown = os.path.dirname(name)
    directory = shown or "."
    if not os.path.isdir(directory):
        if os.path.exists(directory):
            raise NotADirectoryError(errno.ENOTDIR, f"{shown!r} is not a directory", name)
        raise FileNotFoundError(errno.ENOENT, f"directory {shown!r} does not exist", name)
    if not os.access(directory, os.W_OK | os.X_OK):
        raise PermissionError(errno.EACCES, f"directory {directory!r} is not writable", name)
    if not overwrite and os.path.lexists(name):
        raise FileExistsError(errno.EEXIST, "file exists", name)


@contextlib.contextmanager
def staged_files(paths):
    """Write several files all-or-nothing: temporary names now, the real names at the end.

    Yields one temporary path per entry of ``paths``, in the same directory (so the
    final rename is atomic). When the block finishes, every temporary file is renamed to
    its real name; if the block raises, every temporary file is removed and nothing is
    left behind. An OSError about a temporary file is re-raised naming the real file.

    Parameters
    ----------
    paths : sequence of str or path-like

    Examples
    --------
    >>> import os, tempfile
    >>> d = tempfile.mkdtemp()
    >>> with staged_files([os.path.join(d, "a.txt")]) as (tmp,):
    ...     with open(tmp, "w") as fh:
    ...         _ = fh.write("x")
    >>> os.listdir(d)
    ['a.txt']
    """
    finals = [os.fspath(p) for p in paths]
    tmps = [os.path.join(os.path.dirname(os.path.abspath(p)),
                         f".{os.path.basename(p)}.{secrets.token_hex(6)}.tmp") for p in finals]
    real = dict(zip(tmps, finals))
    try:
        yield tmps
        for tmp, final in zip(tmps, finals):
            os.replace(tmp, final)
    except OSError as exc:
        for tmp in tmps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        if exc.filename in real:        # never show the user a temporary name
            raise type(exc)(exc.errno, exc.strerror, real[exc.filename]) from None
        raise
    except BaseException:
        for tmp in tmps:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise


def _as_column(name: str, values) -> np.ndarray:
    try:
        arr = np.asarray(values, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"column {name!r}: values must be real numbers ({exc})") from None
    if arr.ndim != 1:
        raise ValueError(f"column {name!r} must be one-dimensional, got shape {arr.shape}")
    if not np.all(np.isfinite(arr)):
        bad = arr[~np.isfinite(arr)][0]
        raise ValueError(f"column {name!r} contains a non-finite value ({bad!r}); "
                         "tables hold finite numbers only")
    # Own, little-endian, contiguous copy: the checksum is over these bytes.
    return np.ascontiguousarray(arr, dtype="<f8").copy()


def _canonical_json(obj) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      allow_nan=False)


def _checksum(metadata: dict, columns: dict) -> str:
    """SHA-256 over the metadata (without the checksum) and the exact data bytes."""
    h = hashlib.sha256()
    h.update(_canonical_json({k: v for k, v in metadata.items() if k != "checksum"}).encode())
    for name, arr in columns.items():
        h.update(b"\0" + name.encode("utf-8") + b"\0")
        h.update(np.ascontiguousarray(arr, dtype="<f8").tobytes())
    return "sha256:" + h.hexdigest()


def _normalise_metadata(metadata) -> dict:
    if not isinstance(metadata, dict):
        raise TypeError(f"metadata must be a dict, got {type(metadata).__name__}")
    missing = [k for k in REQUIRED_METADATA if k not in metadata]
    if missing:
        raise ValueError(f"metadata is missing required key(s) {missing}; required: "
                         f"{list(REQUIRED_METADATA)} (None is allowed as a value)")
    reserved = [k for k in _AUTO_KEYS if k in metadata and k != "columns"]
    if reserved:
        raise ValueError(f"metadata keys {reserved} are written by write_table itself")
    bad_keys = [k for k in metadata if not (isinstance(k, str) and _KEY.fullmatch(k))]
    if bad_keys:      # the CSV reader takes only such keys as metadata (module docstring)
        raise ValueError(f"metadata keys must be lower-case identifiers [a-z][a-z0-9_]*, "
                         f"got {bad_keys}")
    try:
        # JSON round trip: what is checksummed is exactly what is read back
        # (tuples become lists, keys become strings).
        meta = json.loads(json.dumps(metadata, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise TypeError(f"metadata must be JSON-serialisable with finite numbers: {exc}") from None
    _check_semantics(meta)
    return meta


def _check_semantics(meta: dict) -> None:
    """The metadata values that can be checked: units, length unit, regime, orders,
    states, spins, nu. (R is checked with the data.)"""
    from hydrogen.states import parse_state
    from .matching.magnetic import spin_tensor
    from .potential import REGIMES, orders as regime_orders

    _units.check_units(meta["units"])
    if meta.get("length_unit") is not None:
        _units.length_unit_of(meta["units"], meta["length_unit"])
    regime = meta["regime"]
    if regime is not None and regime not in REGIMES:
        raise ValueError(f"metadata['regime'] must be one of {list(REGIMES)} (or None for a "
                         f"table that is not one regime's potential), got {regime!r}")
    orders = meta["orders"]
    if orders is not None:
        if not isinstance(orders, list) or not all(isinstance(k, str) for k in orders):
            raise ValueError(f"metadata['orders'] must be None or a list of order keys, "
                             f"got {orders!r}")
        if regime is not None:
            allowed = REGIMES[regime]
            states, symmetry = meta.get("states"), meta.get("symmetry")
            max_power = meta.get("max_power", 6)
            if isinstance(states, list) and len(states) == 2:
                try:      # the pair's own orders; bad states are reported further down
                    allowed = regime_orders(regime, *[tuple(s) if isinstance(s, list) else s
                                                      for s in states], symmetry=symmetry,
                                            max_power=max_power)
                except ValueError:
                    pass
            bad = [k for k in orders if k not in allowed]
            if bad:
                raise ValueError(f"metadata['orders']: {bad} not available in the {regime!r} "
                                 f"regime; allowed: {list(allowed)}")
    states = meta["states"]
    if states is not None:
        if not isinstance(states, list) or len(states) != 2:
            raise ValueError(f"metadata['states'] must be None or two state labels, "
                             f"got {states!r}")
        for i, label in enumerate(states):
            try:
                parse_state(tuple(label) if isinstance(label, list) else label)
            except (ValueError, TypeError) as exc:
                raise ValueError(f"metadata['states'][{i}]: {exc}") from None
    spins = meta["spins"]
    try:
        spin_tensor(tuple(spins) if isinstance(spins, list) else spins)
    except (ValueError, TypeError) as exc:
        raise ValueError(f"metadata['spins']: {exc}") from None
    nu = meta["nu"]
    if nu is not None and (isinstance(nu, bool) or not isinstance(nu, (int, float))
                           or not math.isfinite(nu) or nu <= 0):
        raise ValueError(f"metadata['nu'] must be None or a number > 0, got {nu!r}")


# --------------------------------------------------------------------------- write

def write_table(path, R, W, metadata, format=None, *, extra=None, overwrite=True,
                names=None) -> None:
    """Write a tabulated potential with its metadata (CSV, JSON or NPZ).

    The file is written to a temporary name in the same directory and renamed at the
    end, so an interrupted write never leaves a partial table under ``path``.

    Parameters
    ----------
    path : str or path-like
        Output file; its extension (``.csv``, ``.json``, ``.npz``) selects the format.
    R, W : array_like
        1-D arrays of equal length: distances (finite, > 0, in the length unit of the
        table: ``metadata["length_unit"]``, default the length unit of
        ``metadata["units"]``) and the potential (energy unit of ``metadata["units"]``);
        finite float64 values.
    metadata : dict
        Must contain the keys of :data:`REQUIRED_METADATA` (``units``, ``states``,
        ``regime``, ``orders``, ``spins``, ``nu``, ``command``); any further
        JSON-serialisable keys are kept (e.g. ``validity``). Checked where it can be:
        ``units`` a key of :data:`weft.units.UNITS`; ``length_unit`` (optional) a key of
        :data:`weft.units.LENGTH_UNITS`; ``regime`` a key of :data:`weft.REGIMES` or None
        (a table that is not one regime's potential); ``orders`` None or order keys of
        that regime; ``states`` None or two state labels; ``spins`` as for
        :func:`weft.potential`; ``nu`` None or > 0. An optional ``columns`` entry maps
        extra column names to their meaning. ``format``, ``weft_version``, ``codata``,
        ``length_unit`` (when not given), ``rows`` and ``checksum`` are filled in here.
    format : {"csv", "json", "npz"}, optional
        Overrides the extension (must not contradict a known extension).
    extra : dict, optional
        Additional columns, name -> 1-D array of the same length, written after R and W.
    overwrite : bool
        If False, refuse to replace an existing file (``FileExistsError``).
    names : (str, str), optional
        Names of the first two columns instead of ``R_<length unit>``, ``W_<energy
        unit>`` (tables that are not a potential W(R), e.g. ``("R_nm", "S_A_fm")`` or
        ``("k0R", "F_identical")``); their meanings must then be given in
        ``metadata["columns"]``. The first column must still be > 0.

    Raises
    ------
    ValueError
        Bad format, missing or invalid metadata, arrays of different lengths,
        non-finite values, R <= 0.
    OSError
        The file cannot be written (the message names ``path``, never a temporary file).

    Examples
    --------
    >>> import os, tempfile
    >>> meta = dict(units="au", states=["1s", "1s"], regime="long", orders=None,
    ...             spins=None, nu=None, command="doctest")
    >>> write_table(os.path.join(tempfile.mkdtemp(), "W.json"), [1e4], [-1e-18], meta)
    """
    fmt = check_output(path, format, overwrite=overwrite)
    data = _encode(fmt, R, W, metadata, extra, names)
    with staged_files([path]) as (tmp,):
        with open(tmp, "xb") as fh:   # "x", not mkstemp: the usual umask permissions
            fh.write(data)


def _column_name(name) -> str:
    if not isinstance(name, str) or not name or any(c in name for c in ",\n\r\"#"):
        raise ValueError(f"column name {name!r} must be a non-empty string without commas, "
                         "quotes, '#' or line breaks")
    return name


def _encode(fmt: str, R, W, metadata, extra, names=None) -> bytes:
    """The complete file content of a table (validates everything first)."""
    meta = _normalise_metadata(metadata)
    units = meta["units"]
    length_unit = _units.length_unit_of(units, meta.get("length_unit")).name
    if names is None:
        r_name, w_name = column_names(units, length_unit)
        meanings = dict(zip((r_name, w_name), _column_meanings(units, length_unit)))
    else:
        if isinstance(names, str) or len(names) != 2:
            raise ValueError(f"names must be two column names, got {names!r}")
        r_name, w_name = (_column_name(n) for n in names)
        if r_name == w_name:
            raise ValueError(f"names: the two column names are equal ({r_name!r})")
        meanings = {}
    user_meanings = meta.pop("columns", None) or {}
    if not isinstance(user_meanings, dict):
        raise TypeError("metadata['columns'] must map column names to their meaning")
    meanings.update(user_meanings)

    columns = {r_name: _as_column(r_name, R), w_name: _as_column(w_name, W)}
    if np.any(columns[r_name] <= 0):
        bad = columns[r_name][columns[r_name] <= 0][0]
        raise ValueError(f"column {r_name!r}: distances must be > 0, got {bad!r}")
    for name, values in (extra or {}).items():
        if not isinstance(name, str) or not name or any(c in name for c in ",\n\r\"#"):
            raise ValueError(f"extra column name {name!r} must be a non-empty string "
                             "without commas, quotes, '#' or line breaks")
        if name in columns:
            raise ValueError(f"extra column name {name!r} duplicates an existing column")
        columns[name] = _as_column(name, values)
    n = len(columns[r_name])
    for name, arr in columns.items():
        if len(arr) != n:
            raise ValueError(f"column {name!r} has {len(arr)} values but {r_name!r} has {n}")
    undocumented = [name for name in columns if name not in meanings]
    if undocumented:
        raise ValueError(f"metadata['columns'] must give the meaning of column(s) {undocumented}")

    full = {"format": FORMAT_ID, "weft_version": _weft_version(), "codata": _units.CODATA}
    full["units"] = units
    full["length_unit"] = length_unit          # always explicit, even when the default
    full.update({k: meta[k] for k in REQUIRED_METADATA if k != "units"})
    full.update({k: v for k, v in meta.items() if k not in full})
    full["columns"] = [[name, str(meanings[name])] for name in columns]
    full["rows"] = n
    full["checksum"] = _checksum(full, columns)

    writer = {"csv": _write_csv, "json": _write_json, "npz": _write_npz}[fmt]
    buffer = io.BytesIO()
    writer(buffer, full, columns)
    return buffer.getvalue()


def _write_csv(fh, meta: dict, columns: dict) -> None:
    lines = [f"# weft table ({FORMAT_ID}): '# key: <JSON value>' metadata lines, a header row, "
             "then data rows; see weft.tables"]
    lines += [f"# {key}: {json.dumps(value, ensure_ascii=False, allow_nan=False)}"
              for key, value in meta.items()]
    lines.append(",".join(columns))
    arrays = list(columns.values())
    for i in range(meta["rows"]):
        # repr(float) is the shortest string that reads back to the same float64.
        lines.append(",".join(repr(float(a[i])) for a in arrays))
    fh.write(("\n".join(lines) + "\n").encode("utf-8"))


def _write_json(fh, meta: dict, columns: dict) -> None:
    doc = {"format": FORMAT_ID, "metadata": meta, "columns": list(columns),
           "data": {name: arr.tolist() for name, arr in columns.items()}}
    # json writes floats with repr: exact round trip.
    fh.write(json.dumps(doc, ensure_ascii=False, allow_nan=False, indent=1).encode("utf-8"))
    fh.write(b"\n")


def _write_npz(fh, meta: dict, columns: dict) -> None:
    arrays = {f"col{i}": arr for i, arr in enumerate(columns.values())}
    np.savez(fh, metadata=np.array(json.dumps(meta, ensure_ascii=False)), **arrays)


# --------------------------------------------------------------------------- read

def read_table(path, format=None) -> Table:
    """Read a table written by :func:`write_table` (or ``weft table``) and verify it.

    Parameters
    ----------
    path : str or path-like
        A ``.csv``, ``.json`` or ``.npz`` table.
    format : {"csv", "json", "npz"}, optional
        Overrides the extension.

    Returns
    -------
    Table
        ``.R``, ``.W`` (float64 arrays), ``.metadata`` (dict), ``.columns`` (all columns).

    Raises
    ------
    ValueError
        Unknown format, or a file that is not a complete, unmodified weft table
        (truncated, edited, missing header, bad value, checksum mismatch); the message
        names the file, the problem and, in a CSV file, the line. Harmless formatting of a
        CSV file (byte-order mark, CRLF, blank and comment lines) is accepted: see the
        module docstring for the exact rule.
    OSError
        The file cannot be opened.

    Examples
    --------
    >>> import os, tempfile
    >>> meta = dict(units="au", states=["1s", "1s"], regime="long", orders=None,
    ...             spins=None, nu=None, command="doctest")
    >>> p = os.path.join(tempfile.mkdtemp(), "W.npz")
    >>> write_table(p, [1e3, 2e3], [-1e-18, -1e-20], meta)
    >>> read_table(p).metadata["rows"]
    2
    """
    name = os.fspath(path)
    fmt = _format_of(path, format)
    reader = {"csv": _read_csv, "json": _read_json, "npz": _read_npz}[fmt]
    try:
        meta, columns = reader(name)
    except _TableError as exc:
        raise ValueError(f"{name}: {exc}") from None
    except (ValueError, KeyError, TypeError, IndexError, EOFError, zipfile.BadZipFile) as exc:
        raise ValueError(f"{name}: not a valid weft {fmt} table, truncated or corrupted "
                         f"({type(exc).__name__}: {exc})") from None
    try:
        _verify(meta, columns)
    except _TableError as exc:
        raise ValueError(f"{name}: {exc}") from None
    names = list(columns)
    return Table(R=columns[names[0]], W=columns[names[1]], metadata=meta,
                 columns=columns, path=name)


class _TableError(Exception):
    """Internal: a problem with the file's content (re-raised as ValueError with the path)."""


def _verify(meta, columns: dict) -> None:
    if not isinstance(meta, dict):
        raise _TableError("metadata is not a key/value mapping")
    if meta.get("format") != FORMAT_ID:
        raise _TableError(f"format identifier is {meta.get('format')!r}, expected {FORMAT_ID!r}")
    missing = [k for k in REQUIRED_METADATA + _AUTO_KEYS if k not in meta]
    if missing:
        raise _TableError(f"metadata is missing key(s) {missing} (header truncated or edited)")
    declared = [c[0] for c in meta["columns"]]
    if declared != list(columns):
        raise _TableError(f"columns {list(columns)} do not match the metadata {declared}")
    rows = meta["rows"]
    for cname, arr in columns.items():
        if len(arr) != rows:
            raise _TableError(f"truncated or edited: metadata says {rows} rows, column "
                              f"{cname!r} has {len(arr)}")
    expected = _checksum(meta, columns)
    if meta["checksum"] != expected:
        raise _TableError(f"checksum mismatch (file edited or corrupted): stored "
                          f"{meta['checksum']}, computed {expected}")


#: A number in a data row: what repr(float) writes (and ordinary decimal notation).
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")

#: A metadata key: a lower-case identifier.
_KEY = re.compile(r"[a-z][a-z0-9_]*")
#: A metadata line: '# key: <JSON value>' with a lower-case identifier key.
_META_LINE = re.compile(r"#\s*([a-z][a-z0-9_]*):\s?(.*)")


def _parse_float(text: str, where: str) -> float:
    field = text.strip()
    if not _NUMBER.fullmatch(field):
        raise _TableError(f"{where}: cannot read {text!r} as a number (decimal notation "
                          "expected, e.g. -6.5e-12)")
    value = float(field)
    if not math.isfinite(value):
        raise _TableError(f"{where}: {text!r} overflows double precision")
    return value


def _read_csv(name: str):
    with open(name, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise _TableError(f"line {line}: not UTF-8 text ({exc.reason})") from None
    text = text.removeprefix("\ufeff")                 # byte-order mark (some editors)
    # CRLF (Windows checkout) and trailing whitespace are harmless: the checksum is
    # over the values, not the bytes.
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    meta: dict = {}
    where: dict = {}
    names = None
    header_line = 0
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue                                   # blank lines: formatting only
        if line.startswith("#"):
            match = _META_LINE.fullmatch(line)
            if names is not None or match is None:
                continue                               # a comment
            key, value = match.groups()
            try:
                parsed = json.loads(value)
            except json.JSONDecodeError:
                if key in REQUIRED_METADATA + _AUTO_KEYS:
                    raise _TableError(f"line {number}: the value of metadata key {key!r} "
                                      f"is not valid JSON: {value!r}") from None
                continue                               # '# note: some words' is a comment
            if key in meta:
                raise _TableError(f"line {number}: metadata key {key!r} given twice (first "
                                  f"on line {where[key]})")
            meta[key], where[key] = parsed, number
        elif names is None:
            names, header_line = [n.strip() for n in line.split(",")], number
        else:
            rows.append((number, line))
    if not meta:
        raise _TableError("no metadata header ('# key: value' lines): not a weft table")
    if names is None:
        raise _TableError(f"truncated: no column-header row after the metadata (line "
                          f"{len(lines)} is the last)")
    if len(set(names)) != len(names):
        raise _TableError(f"line {header_line}: duplicate column names {names}")
    values = np.empty((len(rows), len(names)))
    for i, (number, line) in enumerate(rows):
        fields = line.split(",")
        if len(fields) != len(names):
            raise _TableError(f"line {number}: expected {len(names)} values (columns "
                              f"{', '.join(names)}), found {len(fields)}")
        values[i] = [_parse_float(f, f"line {number}") for f in fields]
    columns = {n: values[:, k].copy() for k, n in enumerate(names)}
    return meta, columns


def _read_json(name: str):
    with open(name, "rb") as fh:
        doc = json.loads(fh.read().decode("utf-8").removeprefix("\ufeff"))
    if not isinstance(doc, dict) or "metadata" not in doc or "data" not in doc:
        raise _TableError("not a weft JSON table (needs 'metadata' and 'data')")
    names = doc.get("columns")
    data = doc["data"]
    if not isinstance(names, list) or not isinstance(data, dict) or set(names) != set(data):
        raise _TableError("'columns' and 'data' do not match")
    columns = {}
    for n in names:
        vals = data[n]
        if not isinstance(vals, list) or not all(
                isinstance(v, (int, float)) and not isinstance(v, bool) for v in vals):
            raise _TableError(f"column {n!r} must be a list of numbers")
        columns[n] = np.array(vals, dtype=np.float64)
    return doc["metadata"], columns


def _read_npz(name: str):
    with np.load(name, allow_pickle=False) as archive:
        if "metadata" not in archive.files:
            raise _TableError("no 'metadata' entry: not a weft NPZ table")
        meta = json.loads(str(archive["metadata"]))
        if not isinstance(meta, dict) or not isinstance(meta.get("columns"), list):
            raise _TableError("metadata has no column list")
        names = [c[0] for c in meta["columns"]]
        columns = {}
        for i, n in enumerate(names):
            key = f"col{i}"
            if key not in archive.files:
                raise _TableError(f"column {n!r} ({key}) is missing (truncated archive?)")
            arr = archive[key]
            if arr.dtype != np.float64 or arr.ndim != 1:
                raise _TableError(f"column {n!r} is not a 1-D float64 array")
            columns[n] = np.array(arr, dtype=np.float64)
    return meta, columns
