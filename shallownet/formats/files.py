"""What the app and the command line save and load: the parameters as JSON, the
history and a data set as CSV, and a user's own data from CSV.

Everything that loads takes text (or bytes) from outside and trusts none of it:
it is parsed as JSON or CSV only (nothing is unpickled or evaluated), checked
against size limits first, and every problem raises ``LoadError`` (never another
exception) with a message that says what is wrong and, for a CSV, on which line,
quoting the file briefly. A caller that catches ``LoadError`` keeps what it had.
"""

from __future__ import annotations

import csv
import io
import json
import math
import reprlib
from typing import NamedTuple

import numpy as np

from shallownet.core.history import COLUMNS
from shallownet.core.network import Params
from shallownet.core.settings import FIELDS, Settings, SettingsError, describe_range
from shallownet.formats.links import MAX_STEP

FORMAT = "shallownet-params"
VERSION = 1
MAX_PARAMS_BYTES = 1_000_000  # n1 = 64 is ~10 kB of JSON
MAX_DATA_BYTES = 1_000_000  # 5,000 rows of three numbers fit in ~150 kB
MAX_ROWS = 5_000
# a user's coordinates: far beyond this the live view's single-precision grid
# overflows and its chart goes blank (1e308 did); data of any scale fits after rescaling
MAX_COORDINATE = 1e6
# JSON numbers are read only this long: 1.8e308, the largest float, has 309 digits,
# and Python refuses to read whole numbers of more than 4,300
MAX_DIGITS = 400
QUOTE = 40  # characters of a file's own text that a message quotes


class LoadError(ValueError):
    """A file or a text could not be loaded; the message says why (and where)."""


# -- the parameters -------------------------------------------------------------
class Saved(NamedTuple):
    """A network as saved: its parameters, the settings it was trained with, and
    the number of steps it had taken."""

    params: Params
    settings: Settings
    step: int


def params_to_json(params: Params, settings: Settings, step: int) -> str:
    """The parameters with their settings, shapes and step, as JSON (floats written
    with all their digits: loading gives the same numbers bit for bit)."""
    return json.dumps({
        "format": FORMAT,
        "version": VERSION,
        "step": int(step),
        "settings": settings.as_dict(),
        "shapes": {name: list(a.shape) for name, a in zip(Params._fields, params)},
        "params": {name: np.asarray(a, dtype=float).tolist() for name, a in zip(Params._fields, params)},
    }, indent=1)


def _expected_shapes(settings: Settings) -> dict[str, tuple[int, int]]:
    n0, n1 = 2, settings.n1
    return {"W1": (n1, n0), "b1": (n1, 1), "W2": (1, n1), "b2": (1, 1)}


def params_from_json(text: str | bytes) -> Saved:
    """Parameters saved by ``params_to_json``, checked: the format, the settings
    (each in its range, a known activation), every array's shape against the
    settings, and finite numbers only."""
    text = _text(text, MAX_PARAMS_BYTES, "a parameter file",
                 "the file is not text (UTF-8): is it a parameter file saved by shallownet?")
    doc = _json(text)
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise LoadError(f'not a shallownet parameter file: it has no "format": "{FORMAT}"')
    version = doc.get("version")
    if type(version) is not int or version != VERSION:
        raise LoadError(f"version {_quoted(version)} of the parameter file is not known; this app reads {VERSION}")
    settings = _settings(doc.get("settings"))
    step = doc.get("step")
    if isinstance(step, bool) or not isinstance(step, int) or not 0 <= step <= MAX_STEP:
        raise LoadError(f'"step" must be a whole number from 0 to {MAX_STEP:,}, not {_quoted(step)}')
    arrays = doc.get("params")
    if not isinstance(arrays, dict):
        raise LoadError('"params" is missing or not an object')
    out = []
    for name, shape in _expected_shapes(settings).items():
        if name not in arrays:
            raise LoadError(f"{name} is missing")
        a = _array(name, arrays[name])
        if a.shape != shape:
            raise LoadError(f"{name} has shape {a.shape}; with n1 = {settings.n1} it must be {shape}")
        if not np.isfinite(a).all():
            raise LoadError(f"{name} holds a value that is not a finite number")
        out.append(a)
    return Saved(Params(*out), settings, step)


def _text(text: str | bytes, limit: int, what: str, not_text: str, encoding: str = "utf-8") -> str:
    """``text`` as a str of at most ``limit`` bytes or characters, or LoadError: the
    size is checked before anything is decoded or parsed."""
    unit = "bytes" if isinstance(text, bytes) else "characters"
    if len(text) > limit:
        raise LoadError(f"the file is {len(text):,} {unit}; {what} is at most {limit:,}")
    if isinstance(text, bytes):
        try:
            text = text.decode(encoding)
        except UnicodeDecodeError:
            raise LoadError(not_text) from None
    return text


def _json(text: str):
    """``text`` parsed as JSON, or LoadError: its syntax, its nesting and the length of
    its numbers are checked as it is read."""
    try:
        return json.loads(text, parse_constant=_no_constant, parse_int=_whole_number)
    except LoadError:
        raise
    except json.JSONDecodeError as e:
        raise LoadError(f"not JSON: {e.msg} (line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise LoadError("not JSON this app reads: it is nested too deeply") from None
    except ValueError as e:  # anything else the decoder refuses
        raise LoadError(f"not JSON: {_cut(str(e))}") from None


def _no_constant(name: str):
    raise LoadError(f"{name} is not a number JSON allows")


def _whole_number(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_DIGITS:
        raise LoadError(f"a number {digits:,} digits long; a number here has at most {MAX_DIGITS}")
    return int(text)


def _settings(raw) -> Settings:
    """The settings of a parameter file, each checked alone so that the message names
    the one that is wrong; those missing take their defaults."""
    if not isinstance(raw, dict):
        raise LoadError('"settings" is missing or not an object')
    for name, value in raw.items():
        if name not in FIELDS:
            raise LoadError(f"settings: {_cut(name)} = {_quoted(value)} is not allowed: no such setting")
        try:
            Settings().replace(**{name: value})
        except SettingsError as e:
            raise LoadError(f"settings: {name} = {_quoted(value)} is not allowed: {e.allowed}") from None
        except (TypeError, ValueError, OverflowError):  # a number too large for a float
            raise LoadError(f"settings: {name} = {_quoted(value)} is not allowed: "
                            f"a number from {describe_range(FIELDS[name])}") from None
    return Settings().replace(**raw)


_repr = reprlib.Repr()
_repr.maxlevel, _repr.maxstring, _repr.maxother, _repr.maxlong = 2, QUOTE, QUOTE, QUOTE
_repr.maxlist = _repr.maxtuple = _repr.maxdict = 4


def _quoted(value) -> str:
    """A value from the file as a message quotes it: its repr, short (a string, a list
    or a number is cut, with '...'), however much of it the file holds."""
    return _cut(_repr.repr(value), 2 * QUOTE)


def _cut(text: str, limit: int = QUOTE) -> str:
    """A text from the file, cut to ``limit`` characters with an ellipsis."""
    text = str(text)
    return text if len(text) <= limit else text[:limit] + "…"


def _array(name: str, value) -> np.ndarray:
    """A 2-D float array from nested lists of numbers, or LoadError."""
    if not isinstance(value, list) or not all(isinstance(row, list) for row in value):
        raise LoadError(f"{name} must be a list of rows of numbers")
    if any(len(row) != len(value[0]) for row in value):
        raise LoadError(f"{name}'s rows are not all the same length")
    for row in value:
        for v in row:
            if isinstance(v, bool) or not isinstance(v, (int, float)):
                raise LoadError(f"{name} holds {_quoted(v)}, which is not a number")
    try:
        a = np.array(value, dtype=float)
    except OverflowError:
        raise LoadError(f"{name} holds a number too large for a float") from None
    return a.reshape(len(value), len(value[0]) if value else 0)


# -- the history ----------------------------------------------------------------
def history_rows(columns: dict[str, np.ndarray], latest) -> list[list]:
    """The history's rows, and the latest state if the history's spacing skipped it."""
    rows = [list(r) for r in zip(*(columns[c] for c in COLUMNS))]
    if not rows or rows[-1][0] != latest.step:
        rows.append(list(latest))
    return rows


def history_to_csv(columns: dict[str, np.ndarray], latest) -> str:
    """The history as CSV: a header of the column names, then a row per recorded
    step (floats with all their digits; an empty test column is 'nan')."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for row in history_rows(columns, latest):
        w.writerow([int(row[0])] + [repr(float(v)) for v in row[1:]])
    return out.getvalue()


# -- data sets --------------------------------------------------------------------
DATA_HEADER = ("x1", "x2", "label")


def data_to_csv(X: np.ndarray, Y: np.ndarray) -> str:
    """Points as CSV: x1, x2, label (0 or 1), with a header row."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(DATA_HEADER)
    for x1, x2, y in zip(X[0], X[1], Y[0]):
        w.writerow([repr(float(x1)), repr(float(x2)), int(y)])
    return out.getvalue()


class OwnData(NamedTuple):
    """A user's points: X (2, m), Y (1, m) of 0/1, and how the file's two label
    values were mapped to 0 and 1 (e.g. {"-1": 0, "1": 1})."""

    X: np.ndarray
    Y: np.ndarray
    labels: dict[str, int]


def data_from_csv(text: str | bytes, max_rows: int = MAX_ROWS) -> OwnData:
    """Points from a CSV of x1, x2, label, a header row optional. Checked: the size,
    three columns on every line, numbers, finite values, at most ``max_rows`` rows,
    exactly two classes. Labels 0 and 1 are taken as they are; any other two
    distinct values are mapped to 0 and 1 in sorted order (numbers by value), and
    ``labels`` says how."""
    text = _text(text, MAX_DATA_BYTES, "a data file",
                 "the file is not text (UTF-8): a CSV of x1, x2, label is expected", "utf-8-sig")
    text = text.removeprefix("\ufeff")  # the byte order mark of a text already decoded
    if "\x00" in text:
        raise LoadError("the file is not text: it holds NUL characters")
    try:
        lines = list(csv.reader(io.StringIO(text)))
    except csv.Error as e:
        raise LoadError(f"not a CSV file: {_cut(str(e), 2 * QUOTE)}") from None
    points, labels = [], []
    for number, row in enumerate(lines, start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue  # a blank line
        if len(cells) != 3:
            raise LoadError(f"line {number}: {len(cells):,} columns; each line must have three: x1, x2, label")
        try:
            x1, x2 = float(cells[0]), float(cells[1])
        except ValueError:
            if not points and number == _first_nonblank(lines):
                continue  # the header row
            raise LoadError(f"line {number}: x1 and x2 must be numbers, not {_quoted(cells[0])} and "
                            f"{_quoted(cells[1])}") from None
        if not (math.isfinite(x1) and math.isfinite(x2)):
            raise LoadError(f"line {number}: x1 and x2 must be finite numbers, not {_quoted(cells[0])} and "
                            f"{_quoted(cells[1])}")
        for name, x, cell in (("x1", x1, cells[0]), ("x2", x2, cells[1])):
            if abs(x) > MAX_COORDINATE:
                raise LoadError(f"line {number}: {name} = {_cut(cell)} is out of range: coordinates go from "
                                f"{-MAX_COORDINATE:,.0f} to {MAX_COORDINATE:,.0f}")
        if not cells[2]:
            raise LoadError(f"line {number}: the label is empty")
        points.append((x1, x2))
        labels.append(cells[2])
        if len(points) > max_rows:
            raise LoadError(f"line {number}: more than {max_rows:,} points; at most {max_rows:,} are allowed")
    if not points:
        raise LoadError("no points: a CSV of x1, x2, label is expected, one point a line")
    distinct = sorted(set(labels), key=_label_order)
    if len(distinct) != 2:
        found = ", ".join(_quoted(v) for v in distinct[:5]) + (" ..." if len(distinct) > 5 else "")
        raise LoadError(f"the labels must have exactly two values (two classes); found {len(distinct):,}: {found}")
    mapping = {distinct[0]: 0, distinct[1]: 1}
    if set(distinct) == {"0", "1"} or _as_numbers(distinct) == [0.0, 1.0]:
        mapping = {v: int(float(v)) for v in distinct}
    X = np.array(points, dtype=float).T.reshape(2, -1)
    Y = np.array([[mapping[v] for v in labels]], dtype=np.int64)
    return OwnData(X, Y, mapping)


def _first_nonblank(lines) -> int:
    for number, row in enumerate(lines, start=1):
        if any(c.strip() for c in row):
            return number
    return 0


def _as_numbers(values):
    try:
        return [float(v) for v in values]
    except ValueError:
        return None


def _label_order(value: str):
    """Numbers by value, before any text, which goes in alphabetical order (as do
    'nan' and 'inf', which have no order among numbers)."""
    try:
        number = float(value)
    except ValueError:
        number = math.nan
    return (0, number, "") if math.isfinite(number) else (1, 0.0, value)
