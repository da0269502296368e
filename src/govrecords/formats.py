"""Reading and writing records as JSON and JSON Lines.

Every wire-format choice lives here, not in the record classes: field names, the
text form of dates (EDTF, see :mod:`govrecords.dates`), spans as ``[start, end]``,
enums as their values, fields left at their default omitted.

A document is an *envelope* that names its format version and record type::

    {"format_version": 1, "type": "session", "record": {...}}

JSON Lines files hold one envelope per line, so record types can be mixed.

Reading is strict: unknown keys, a number where a string is declared, an unknown
enum value or an impossible date are all reported, every one of them, in a single
:class:`~govrecords.errors.ValidationError`.
"""

from __future__ import annotations

import enum
import functools
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar, overload

import attrs
import cattrs
from cattrs.errors import ClassValidationError, ForbiddenExtraKeysError, IterableValidationError
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from govrecords.dates import DateRange, PartialDate, When, when_from_iso
from govrecords.errors import (
    DateParseError,
    FormatVersionError,
    Problem,
    SerializationError,
    ValidationError,
)
from govrecords.provenance import Span

__all__ = [
    "FORMAT_VERSION",
    "RECORD_TYPES",
    "dump",
    "dumps",
    "iter_jsonl",
    "load",
    "loads",
    "make_converter",
    "record_type_name",
    "write_jsonl",
]

FORMAT_VERSION = 1
"""The format version this release writes (and the newest it reads)."""

T = TypeVar("T")
PathLike = str | os.PathLike[str]


def _record_types() -> dict[str, type]:
    from govrecords.provenance import SourceDocument  # noqa: PLC0415 -- keeps import order simple
    from govrecords.records import Forum, Session, Workshop  # noqa: PLC0415 -- records import formats' siblings
    from govrecords.taxonomy import Taxonomy, Topic  # noqa: PLC0415 -- taxonomy imports this module lazily

    return {
        "forum": Forum,
        "session": Session,
        "workshop": Workshop,
        "source": SourceDocument,
        "taxonomy": Taxonomy,
        "topic": Topic,
    }


RECORD_TYPES: dict[str, type] = {}
"""The record types a document may hold, by their type tag. Filled on first use."""


def _types() -> dict[str, type]:
    if not RECORD_TYPES:
        RECORD_TYPES.update(_record_types())
    return RECORD_TYPES


def record_type_name(cls: type) -> str:
    """The type tag written for records of class *cls*.

    Raises:
        SerializationError: *cls* is not a record type govrecords writes.
    """
    for name, known in _types().items():
        if known is cls:
            return name
    raise SerializationError(f"{cls.__name__} is not a govrecords record type")


# ---------------------------------------------------------------------------
# The converter.


def _strict_str(value: object, _: type) -> str:
    if type(value) is not str:
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _strict_int(value: object, _: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    return value


def _strict_bool(value: object, _: type) -> bool:
    if type(value) is not bool:
        raise TypeError(f"expected true or false, got {type(value).__name__}")
    return value


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], enum.Enum]:
    members = {member.value: member for member in cls}
    allowed = ", ".join(repr(v) for v in members)

    def structure(value: object, _: type) -> enum.Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise ValueError(f"not a valid {cls.__name__}; expected one of {allowed}") from None

    return structure


def _partial_date(value: object, _: type) -> PartialDate:
    return PartialDate.fromisoformat(_strict_str(value, str))


def _date_range(value: object, _: type) -> DateRange:
    return DateRange.fromisoformat(_strict_str(value, str))


def _when(value: object, _: type) -> When:
    return when_from_iso(_strict_str(value, str))


def _span(value: object, _: type) -> Span:
    if type(value) is not list or len(value) != 2 or any(type(v) is not int for v in value):
        raise TypeError("expected a span [start, end] of two whole numbers")
    return Span(value[0], value[1])


def _is_homogeneous_tuple(cls: Any) -> bool:
    return getattr(cls, "__origin__", None) is tuple and len(cls.__args__) == 2 and cls.__args__[1] is Ellipsis


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Make a converter that reads and writes govrecords records as JSON-ready data.

    Each call returns a new converter; configure it further without affecting
    govrecords' own.

    Args:
        detailed: Collect every problem with its path (slower) rather than stop
            at the first one.

    Returns:
        A :class:`cattrs.Converter` for every record class.

    >>> from govrecords import PartialDate
    >>> make_converter().unstructure(PartialDate(2013, 10))
    '2013-10'

    .. versionadded:: 0.1.0
    """
    converter = cattrs.Converter(forbid_extra_keys=True, detailed_validation=detailed)
    converter.register_structure_hook(str, _strict_str)
    converter.register_structure_hook(int, _strict_int)
    converter.register_structure_hook(bool, _strict_bool)
    converter.register_structure_hook(PartialDate, _partial_date)
    converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
    converter.register_structure_hook(DateRange, _date_range)
    converter.register_unstructure_hook(DateRange, DateRange.isoformat)
    converter.register_structure_hook(When, _when)
    converter.register_structure_hook(When | None, lambda v, _: None if v is None else _when(v, When))
    converter.register_structure_hook(Span, _span)
    converter.register_unstructure_hook(Span, lambda span: [span.start, span.end])
    converter.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), _enum_hook
    )

    def tuple_hook(cls: Any) -> Callable[[object, type], tuple[Any, ...]]:
        inner = cattrs.cols.homogenous_tuple_structure_factory(cls, converter)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise TypeError(f"expected a list, got {type(value).__name__}")
            return inner(value, cls)

        return structure

    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)

    def class_structure(cls: type) -> Callable[[object, type], Any]:
        inner = make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True)

        def structure(value: object, _: type) -> Any:
            if type(value) is not dict:
                raise TypeError(f"expected an object for {cls.__name__}, got {type(value).__name__}")
            return inner(value, cls)

        return structure

    def class_unstructure(cls: type) -> Callable[[Any], dict[str, Any]]:
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=True)

    converter.register_structure_hook_factory(attrs.has, class_structure)
    converter.register_unstructure_hook_factory(attrs.has, class_unstructure)
    return converter


@functools.cache
def _converters() -> tuple[cattrs.Converter, cattrs.Converter]:
    # Private and never changed after it is made: the fast one reads valid input,
    # the detailed one re-reads invalid input to report every problem.
    return make_converter(detailed=False), make_converter(detailed=True)


# ---------------------------------------------------------------------------
# Problems with their paths.


def _collect(error: BaseException, path: tuple[str | int, ...], out: list[tuple[tuple[str | int, ...], str]]) -> None:
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            step: str | int = note.index if isinstance(error, IterableValidationError) else note.name  # type: ignore[attr-defined]  # the note type follows the group type
            _collect(inner, (*path, step), out)
        for inner in without:
            _collect(inner, path, out)
    elif isinstance(error, ForbiddenExtraKeysError):
        for key in sorted(error.extra_fields):
            out.append(((*path, key), "unknown key"))
    elif isinstance(error, KeyError):
        out.append((path, "required field is missing"))
    elif isinstance(error, DateParseError):
        out.append((path, error.reason))
    elif isinstance(error, (TypeError, ValueError)):
        out.append((path, str(error)))
    else:
        out.append((path, f"{type(error).__name__}: {error}"))


def _format_path(path: tuple[str | int, ...]) -> str:
    text = "$"
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text


def _value_at(data: object, path: tuple[str | int, ...]) -> object:
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = data.get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(data):
            data = data[step]
        else:
            return None
    return data


def _problems(error: BaseException, data: object, root: tuple[str | int, ...], line: int | None) -> list[Problem]:
    found: list[tuple[tuple[str | int, ...], str]] = []
    _collect(error, (), found)
    return [
        Problem(_format_path((*root, *path)), message, _value_at(data, path), line) for path, message in found
    ]


# ---------------------------------------------------------------------------
# Documents.


def _structure(data: object, cls: type[T], root: tuple[str | int, ...], line: int | None = None) -> T:
    fast, detailed = _converters()
    try:
        return fast.structure(data, cls)
    except Exception:  # noqa: BLE001 -- any failure is re-read in detail below
        pass
    try:
        result = detailed.structure(data, cls)
    except Exception as error:  # noqa: BLE001 -- turned into our own error with paths
        raise ValidationError(_problems(error, data, root, line)) from None
    return result  # pragma: no cover -- only if the fast path fails where the detailed one passes


def to_envelope(record: object) -> dict[str, Any]:
    """The JSON-ready envelope of *record*: format version, type tag and fields.

    Raises:
        SerializationError: *record* is not a govrecords record.

    .. versionadded:: 0.1.0
    """
    name = record_type_name(type(record))
    fast, _ = _converters()
    return {"format_version": FORMAT_VERSION, "type": name, "record": fast.unstructure(record)}


def from_envelope(data: object, cls: type[T] | None = None, *, line: int | None = None) -> Any:
    """Read a record out of a parsed envelope.

    Args:
        data: The parsed JSON of one document.
        cls: The record class expected, or None to accept any record type.
        line: The line it came from, for messages.

    Raises:
        ValidationError: The envelope or the record is invalid.
        FormatVersionError: The document is of a newer format version.

    .. versionadded:: 0.1.0
    """
    if type(data) is not dict:
        raise ValidationError([Problem("$", "expected a govrecords document (a JSON object)", data, line)])
    problems = [
        Problem(f"$.{key}", "unknown key", data[key], line)
        for key in data
        if key not in ("format_version", "type", "record")
    ]
    version = data.get("format_version")
    if type(version) is not int:
        problems.append(Problem("$.format_version", "required whole number is missing", version, line))
    elif version > FORMAT_VERSION:
        raise FormatVersionError(version, FORMAT_VERSION)
    elif version < 1:
        problems.append(Problem("$.format_version", "format versions start at 1", version, line))
    type_name = data.get("type")
    target = _types().get(type_name) if isinstance(type_name, str) else None
    if target is None:
        allowed = ", ".join(sorted(_types()))
        problems.append(Problem("$.type", f"unknown record type; expected one of {allowed}", type_name, line))
    elif cls is not None and target is not cls:
        problems.append(Problem("$.type", f"expected a {record_type_name(cls)} record", type_name, line))
    if "record" not in data:
        problems.append(Problem("$.record", "required field is missing", None, line))
    if problems:
        raise ValidationError(problems)
    assert target is not None  # checked above
    return _structure(data["record"], target, ("record",), line)


def _parse_json(text: str | bytes, line: int | None = None) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        where = error.lineno if line is None else line
        raise ValidationError(
            [Problem("$", f"not valid JSON: {error.msg} (column {error.colno})", None, where)]
        ) from None
    except UnicodeDecodeError as error:
        raise ValidationError([Problem("$", f"not valid UTF-8 at byte {error.start}", None, line)]) from None
    except RecursionError:
        raise ValidationError([Problem("$", "JSON is nested too deeply", None, line)]) from None


def dumps(record: object, *, indent: int | None = 2) -> str:
    """Write *record* as a JSON document.

    Args:
        record: Any govrecords record (forum, session, workshop, source, taxonomy...).
        indent: Indentation, or None for one compact line.

    Raises:
        SerializationError: *record* is not a govrecords record.

    >>> from govrecords import Session
    >>> print(dumps(Session(id="s1", title="The Future of Internet"), indent=None))
    {"format_version": 1, "type": "session", "record": {"id": "s1", "title": "The Future of Internet"}}

    .. versionadded:: 0.1.0
    """
    return json.dumps(to_envelope(record), ensure_ascii=False, indent=indent)


@overload
def loads(text: str | bytes) -> Any: ...
@overload
def loads(text: str | bytes, cls: type[T]) -> T: ...
def loads(text: str | bytes, cls: type[T] | None = None) -> Any:
    """Read a record from a JSON document written by :func:`dumps`.

    Args:
        text: The document.
        cls: The record class expected; without it, whatever the document holds.

    Raises:
        ValidationError: Every problem with the document, each with its path.
        FormatVersionError: The document is of a newer format version.

    >>> from govrecords import Session
    >>> loads('{"format_version": 1, "type": "session", "record": {"id": 7, "title": "x", "colour": 1}}')
    Traceback (most recent call last):
      ...
    govrecords.errors.ValidationError: 2 problems:
      $.record.colour: unknown key (got 1)
      $.record.id: expected a string, got int (got 7)

    .. versionadded:: 0.1.0
    """
    return from_envelope(_parse_json(text), cls)


def dump(record: object, path: PathLike, *, indent: int | None = 2) -> None:
    """Write *record* to the file at *path*, atomically.

    The document is written to a temporary file beside *path* and renamed over
    it, so a crash mid-write leaves any old file whole.

    .. versionadded:: 0.1.0
    """
    _atomic_write(Path(path), lambda out: out.write(dumps(record, indent=indent) + "\n"))


@overload
def load(path: PathLike) -> Any: ...
@overload
def load(path: PathLike, cls: type[T]) -> T: ...
def load(path: PathLike, cls: type[T] | None = None) -> Any:
    """Read a record from the JSON file at *path*.

    Raises:
        ValidationError: The file's problems, with the file named as their source.

    .. versionadded:: 0.1.0
    """
    data = Path(path).read_bytes()
    try:
        return from_envelope(_parse_json(data), cls)
    except ValidationError as error:
        raise ValidationError(error.problems, source=str(path)) from None


def _atomic_write(path: Path, write: Callable[[IO[str]], object]) -> None:
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def write_jsonl(records: Iterable[object], path: PathLike) -> int:
    """Stream *records* to a JSON Lines file, one envelope per line, atomically.

    Memory stays bounded: records are written as they are produced.

    Returns:
        The number of records written.

    .. versionadded:: 0.1.0
    """
    count = 0

    def write(out: IO[str]) -> None:
        nonlocal count
        for record in records:
            out.write(json.dumps(to_envelope(record), ensure_ascii=False))
            out.write("\n")
            count += 1

    _atomic_write(Path(path), write)
    return count


def iter_jsonl(
    source: PathLike | IO[bytes] | IO[str],
    *,
    on_error: Callable[[ValidationError], None] | None = None,
) -> Iterator[Any]:
    """Stream the records of a JSON Lines file, one at a time.

    Args:
        source: A path, or an open file (text or binary).
        on_error: Called with the error of each bad line, which is then skipped;
            without it, the first bad line raises.

    Yields:
        Each record, in file order. Blank lines are skipped.

    Raises:
        ValidationError: A bad line (when *on_error* is None), naming the line.

    .. versionadded:: 0.1.0
    """
    if isinstance(source, (str, os.PathLike)):
        with open(source, "rb") as handle:
            yield from iter_jsonl(handle, on_error=on_error)
        return
    name = getattr(source, "name", None)
    for number, raw in enumerate(source, start=1):
        if not raw.strip():
            continue
        try:
            yield from_envelope(_parse_json(raw, number), line=number)
        except (ValidationError, FormatVersionError) as error:
            failure = error if isinstance(error, ValidationError) else ValidationError([Problem("$.format_version", str(error), error.found, number)])
            failure = ValidationError(failure.problems, source=name if isinstance(name, str) else None)
            if on_error is None:
                raise failure from None
            on_error(failure)
