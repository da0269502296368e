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

Reading is also safe on hostile input: the text must be UTF-8 (a leading byte
order mark is accepted and dropped) and strict JSON (no ``NaN``, no repeated key,
no lone surrogate), and it must stay within the :class:`~govrecords.limits.Limits`
passed as ``limits=`` (size, nesting depth, record count, string length), else a
:class:`~govrecords.errors.LimitExceededError`. A document of an older format
version is migrated on reading (see :mod:`govrecords.migrations`); one of a newer
version is refused with a :class:`~govrecords.errors.FormatVersionError`.
Writing refuses text that cannot be written as UTF-8 (a lone surrogate) with a
:class:`~govrecords.errors.SerializationError` naming its path.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator, Mapping
from types import MappingProxyType
from typing import IO, Any, TypeVar, cast, overload

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn

from govrecords import _fastpath, _files
from govrecords._parsing import format_path, has_lone_surrogate, lone_surrogate_paths, parse_json
from govrecords.dates import DateRange, PartialDate, When, when_from_iso
from govrecords.errors import (
    KEPT_PROBLEMS,
    ArgumentTypeError,
    DateParseError,
    FormatVersionError,
    LimitExceededError,
    Problem,
    SerializationError,
    ValidationError,
)
from govrecords.limits import DEFAULT_LIMITS, Limits, check_records
from govrecords.provenance import Span

__all__ = [
    "FORMAT_VERSION",
    "dump",
    "dumps",
    "iter_jsonl",
    "load",
    "loads",
    "make_converter",
    "numbered_jsonl",
    "record_type_name",
    "record_types",
    "write_jsonl",
]

FORMAT_VERSION = 1
"""The format version this release writes (and the newest it reads)."""

T = TypeVar("T")
PathLike = str | os.PathLike[str]


@functools.cache
def record_types() -> Mapping[str, type]:
    """The record types a document may hold, by their type tag (read-only).

    Imported on first use, so that a plain ``import govrecords`` stays light.
    """
    from govrecords.comparison import Comparison
    from govrecords.comparison.timelines import Timeline
    from govrecords.provenance import SourceDocument
    from govrecords.records import Forum, Session, Workshop
    from govrecords.taxonomy import Taxonomy, Topic

    return MappingProxyType(
        {
            "forum": Forum,
            "session": Session,
            "workshop": Workshop,
            "source": SourceDocument,
            "taxonomy": Taxonomy,
            "topic": Topic,
            "comparison": Comparison,
            "timeline": Timeline,
        }
    )


@functools.cache
def _tag_of() -> Mapping[type, str]:
    return {cls: tag for tag, cls in record_types().items()}


def record_type_name(cls: type) -> str:
    """The type tag written for records of class *cls*.

    Raises:
        SerializationError: *cls* is not a record type govrecords writes.
    """
    tag = _tag_of().get(cls)
    if tag is None:
        raise SerializationError(f"{cls.__name__} is not a govrecords record type")
    return tag


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
    items = cast("list[object]", value) if type(value) is list else []
    if len(items) != 2 or type(items[0]) is not int or type(items[1]) is not int:
        raise TypeError("expected a span [start, end] of two whole numbers")
    return Span(items[0], items[1])


def _structure_items(converter: cattrs.Converter, items: list[object], cls: Any) -> tuple[Any, ...]:
    """A list as a tuple of one type, every item's problems collected as cattrs collects them.

    Only the failures of the first ``KEPT_PROBLEMS`` problems' worth of items are
    kept: the problems of the others are counted and their exceptions let go, so that
    a list of a million bad items holds no more exceptions than one of a thousand.
    """
    item_type = cls.__args__[0]
    handler = converter.get_structure_hook(item_type)
    kept: list[Exception] = []
    problems = omitted = 0
    result: list[Any] = []
    for index, item in enumerate(items):
        try:
            result.append(handler(item, item_type))
        except Exception as error:  # noqa: BLE001 -- collected, as cattrs's detailed validation does
            found: list[tuple[tuple[str | int, ...], str]] = []
            count = _collect(error, (), found) + len(found)
            if problems >= KEPT_PROBLEMS:
                omitted += count
                continue
            problems += count
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"Structuring {cls} @ index {index}", index, item_type),
            ]
            kept.append(error)
    if kept:
        group = IterableValidationError(f"While structuring {cls!r}", kept, cls)  # pyright: ignore[reportCallIssue]  # cattrs's exception group takes the type too
        group.omitted = omitted  # type: ignore[attr-defined]  # read back by _collect
        raise group
    return tuple(result)


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
    converter.register_structure_hook(When | None, lambda v, t: None if v is None else _when(v, t))
    converter.register_structure_hook(Span, _span)
    converter.register_unstructure_hook(Span, lambda span: [span.start, span.end])
    converter.register_structure_hook_factory(
        lambda cls: isinstance(cls, type) and issubclass(cls, enum.Enum), _enum_hook
    )

    def tuple_hook(cls: Any) -> Callable[[object, type], tuple[Any, ...]]:
        inner: Callable[[object, type], tuple[Any, ...]] = homogenous_tuple_structure_factory(cls, converter)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise TypeError(f"expected a list, got {type(value).__name__}")
            if detailed:
                return _structure_items(converter, cast("list[object]", value), cls)
            return inner(cast("list[object]", value), cls)

        return structure

    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)

    def class_structure(cls: type) -> Callable[[object, type], Any]:
        # cattrs types the generated function loosely; what it returns is an instance of cls.
        inner = cast(
            "Callable[[Mapping[str, Any], Any], Any]",
            make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=True),
        )

        def structure(value: object, _: type) -> Any:
            if type(value) is not dict:
                raise TypeError(f"expected an object for {cls.__name__}, got {type(value).__name__}")
            return inner(cast("dict[str, Any]", value), cls)

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


def _collect(error: BaseException, path: tuple[str | int, ...], out: list[tuple[tuple[str | int, ...], str]]) -> int:
    """Put each problem in *error* into *out*; the number of problems counted but not kept."""
    omitted = 0
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        omitted += getattr(error, "omitted", 0)
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            step: str | int = note.index if isinstance(note, IterableValidationNote) else note.name
            omitted += _collect(inner, (*path, step), out)
        for inner in without:
            omitted += _collect(inner, path, out)
    elif isinstance(error, ForbiddenExtraKeysError):
        out.extend(((*path, key), "unknown key") for key in sorted(error.extra_fields))
    elif isinstance(error, KeyError):
        out.append((path, "required field is missing"))
    elif isinstance(error, DateParseError):
        out.append((path, error.reason))
    elif isinstance(error, (TypeError, ValueError)):
        out.append((path, str(error)))
    else:
        out.append((path, f"{type(error).__name__}: {error}"))
    return omitted


def _value_at(data: object, path: tuple[str | int, ...]) -> object:
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = cast("dict[str, object]", data).get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(cast("list[object]", data)):
            data = cast("list[object]", data)[step]
        else:
            return None
    return data


def _problems(error: BaseException, data: object, root: tuple[str | int, ...], line: int | None) -> ValidationError:
    found: list[tuple[tuple[str | int, ...], str]] = []
    omitted = _collect(error, (), found)
    problems = [
        Problem(format_path((*root, *path)), message, _value_at(data, path), line)
        for path, message in found[:KEPT_PROBLEMS]
    ]
    return ValidationError(problems, omitted=omitted + max(len(found) - KEPT_PROBLEMS, 0))


# ---------------------------------------------------------------------------
# Documents.


def _structure(data: object, cls: type[T], root: tuple[str | int, ...], line: int | None = None) -> T:
    fast, detailed = _converters()
    # Any failure of the fast converter is re-read by the detailed one, below.
    with contextlib.suppress(Exception):
        return fast.structure(data, cls)
    try:
        result = detailed.structure(data, cls)
    except Exception as error:  # noqa: BLE001 -- turned into our own error with paths
        raise _problems(error, data, root, line) from None
    return result  # pragma: no cover -- only if the fast path fails where the detailed one passes


def to_envelope(record: object) -> dict[str, Any]:
    """The JSON-ready envelope of *record*: format version, type tag and fields.

    Raises:
        SerializationError: *record* is not a govrecords record.
    """
    name = record_type_name(type(record))
    # The generated function gives what the converter gives, faster (see govrecords._fastpath).
    unstructure = _fastpath.unstructurer(type(record)) or _converters()[0].unstructure
    return {"format_version": FORMAT_VERSION, "type": name, "record": unstructure(record)}


def from_envelope(data: object, cls: type[T] | None = None, *, line: int | None = None) -> Any:
    """Read a record out of a parsed envelope.

    Args:
        data: The parsed JSON of one document.
        cls: The record class expected, or None to accept any record type.
        line: The line it came from, for messages.

    Raises:
        ValidationError: The envelope or the record is invalid.
        FormatVersionError: The document is of a newer format version.

    A document of an older format version is migrated first (see
    :mod:`govrecords.migrations`).
    """
    if type(data) is not dict:
        raise ValidationError([Problem("$", "expected a govrecords document (a JSON object)", data, line)])
    data = cast("dict[str, Any]", data)
    version = data.get("format_version")
    if type(version) is int and version > FORMAT_VERSION:
        raise FormatVersionError(version, FORMAT_VERSION)
    if type(version) is int and version < FORMAT_VERSION:
        from govrecords.migrations import migrate

        try:
            data = migrate(data)
        except ValidationError as error:
            raise ValidationError([attrs.evolve(p, line=line) for p in error.problems]) from None
    problems = [
        Problem(f"$.{key}", "unknown key", data[key], line)
        for key in data
        if key not in ("format_version", "type", "record")
    ]
    version = data.get("format_version")
    if type(version) is not int:
        problems.append(Problem("$.format_version", "required whole number is missing", version, line))
    type_name = data.get("type")
    target: type[object] | None = record_types().get(type_name) if isinstance(type_name, str) else None
    if target is None:
        allowed = ", ".join(sorted(record_types()))
        problems.append(Problem("$.type", f"unknown record type; expected one of {allowed}", type_name, line))
    elif cls is not None and target is not cls:
        problems.append(Problem("$.type", f"expected a {record_type_name(cls)} record", type_name, line))
    if "record" not in data:
        problems.append(Problem("$.record", "required field is missing", None, line))
    if problems:
        omitted = 0
        if target is not None and "record" in data:
            # Report the record's own problems too: every problem at once.
            try:
                _structure(data["record"], target, ("record",), line)
            except ValidationError as error:
                problems.extend(error.problems)
                omitted = error.omitted
        raise ValidationError(problems, omitted=omitted)
    assert target is not None  # checked above
    return _structure(data["record"], target, ("record",), line)


def _parse_json(text: str | bytes, line: int | None = None, limits: Limits = DEFAULT_LIMITS) -> object:
    return parse_json(text, limits, line=line, bom=line is None or line == 1)


def _fast_read(data: str | bytes, cls: type | None, limits: Limits, *, bom: bool) -> Any:
    # The record, or _fastpath.FAIL whenever the general path (_parse_json, then
    # from_envelope) must read the document: it alone words problems, migrates
    # older versions and decides every case the fast path cannot prove.
    return _fastpath.read_document(
        data,
        cls,
        max_bytes=limits.max_bytes,
        max_depth=limits.max_depth,
        max_string=limits.max_string,
        bom=bom,
        record_types=record_types(),
        version=FORMAT_VERSION,
    )


def _encodable(text: str, data: object) -> str:
    # json.dumps happily writes a lone surrogate, which no UTF-8 file can hold:
    # refuse it here, naming where it is, rather than fail later mid-write.
    if has_lone_surrogate(text):
        paths = ", ".join(lone_surrogate_paths(data)) or "$"
        raise SerializationError(f"{paths}: text holds a lone surrogate, which cannot be written as UTF-8")
    return text


def dumps(record: object, *, indent: int | None = 2) -> str:
    """Write *record* as a JSON document.

    Args:
        record: Any govrecords record (forum, session, workshop, source, taxonomy...).
        indent: Indentation, or None for one compact line.

    Raises:
        SerializationError: *record* is not a govrecords record, or holds text
            that cannot be written as UTF-8 (a lone surrogate); the message names
            its path.

    The text is the same, byte for byte, whether or not the ``orjson`` extra is
    installed (it is only faster): non-ASCII characters written as themselves, keys
    in field order, and either an indent or no whitespace at all.

    >>> from govrecords import Session
    >>> print(dumps(Session(id="s1", title="The Future of Internet"), indent=None))
    {"format_version":1,"type":"session","record":{"id":"s1","title":"The Future of Internet"}}
    """
    with _fastpath.gc_paused():  # why: see govrecords._fastpath
        envelope = to_envelope(record)
        encoded = _fastpath.encode(envelope, indent)
        if encoded is not None:
            del envelope  # freed while the collector is off, so it has nothing of it to visit when back on
            return encoded.decode("utf-8")
    separators = (",", ":") if indent is None else None
    return _encodable(json.dumps(envelope, ensure_ascii=False, indent=indent, separators=separators), envelope)


@overload
def loads(text: str | bytes | bytearray, *, limits: Limits | None = None) -> Any: ...
@overload
def loads(text: str | bytes | bytearray, cls: type[T], *, limits: Limits | None = None) -> T: ...
def loads(text: str | bytes | bytearray, cls: type[T] | None = None, *, limits: Limits | None = None) -> Any:
    """Read a record from a JSON document written by :func:`dumps`.

    Args:
        text: The document, as text or UTF-8 bytes (``bytes``, ``bytearray`` or
            ``memoryview``; a leading byte order mark is accepted).
        cls: The record class expected; without it, whatever the document holds.
        limits: The most input to accept; :data:`~govrecords.limits.DEFAULT_LIMITS`
            when None.

    Raises:
        ValidationError: Every problem with the document, each with its path.
        FormatVersionError: The document is of a newer format version.
        LimitExceededError: The document is larger or deeper than *limits* allow.
        ArgumentTypeError: *text* is neither text nor bytes (a path, an open file:
            use :func:`load`).

    >>> from govrecords import Session
    >>> loads('{"format_version": 1, "type": "session", "record": {"id": 7, "title": "x", "colour": 1}}')
    Traceback (most recent call last):
      ...
    govrecords.errors.ValidationError: 2 problems:
      $.record.id: expected a string, got int (got 7)
      $.record.colour: unknown key (got 1)
    """
    limits = limits or DEFAULT_LIMITS
    if isinstance(text, (bytearray, memoryview)):
        text = bytes(text)
    elif not isinstance(text, (str, bytes)):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers
        raise ArgumentTypeError(
            "loads", "text", "a JSON document as str or bytes", text, "to read a file, use govrecords.load"
        )
    with _fastpath.gc_paused():  # why: see govrecords._fastpath
        record = _fast_read(text, cls, limits, bom=True)
        if record is not _fastpath.FAIL:
            return record
        return from_envelope(_parse_json(text, limits=limits), cls)


def dump(record: object, target: PathLike | IO[str] | IO[bytes], *, indent: int | None = 2) -> None:
    r"""Write *record* to a file: a path, replaced atomically, or an open file.

    Args:
        record: Any govrecords record.
        target: A path, or a file open for writing in text or binary mode (such
            as ``sys.stdout`` or an ``io.StringIO``), as ``json.dump`` takes.
        indent: As for :func:`dumps`.

    Raises:
        SerializationError: As for :func:`dumps`.
        OSError: The file cannot be written.

    A path is written to a temporary file beside it and renamed over it, so a
    crash mid-write leaves any old file whole; a symbolic link is written
    through to its target, and a target that is not a regular file (a device,
    ``/dev/stdout``) is written directly (see :ref:`files-policy`).

    >>> import io
    >>> from govrecords import Topic
    >>> out = io.StringIO()
    >>> dump(Topic("privacy", "Privacy"), out, indent=None)
    >>> out.getvalue()
    '{"format_version":1,"type":"topic","record":{"id":"privacy","label":"Privacy"}}\n'
    """
    text = dumps(record, indent=indent) + "\n"
    if isinstance(target, (str, os.PathLike)):
        _files.atomic_write(target, lambda out: out.write(text))
    elif _files.is_binary_stream(target):
        cast("IO[bytes]", target).write(text.encode("utf-8"))
    else:
        cast("IO[str]", target).write(text)


@overload
def load(source: PathLike | IO[str] | IO[bytes], *, limits: Limits | None = None) -> Any: ...
@overload
def load(source: PathLike | IO[str] | IO[bytes], cls: type[T], *, limits: Limits | None = None) -> T: ...
def load(source: PathLike | IO[str] | IO[bytes], cls: type[T] | None = None, *, limits: Limits | None = None) -> Any:
    """Read a record from a JSON file: a path, or a file open for reading (text or binary).

    A path must name a regular file: a FIFO, a device or a directory is refused
    (give an open file to read a stream). Whatever the file, no more than
    ``limits.max_bytes`` is read (see :ref:`files-policy`).

    Args:
        source: A path, or an open file, as ``json.load`` takes.
        cls: The record class expected; without it, whatever the document holds.
        limits: As for :func:`loads`.

    Raises:
        ValidationError: The file's problems, with the file named as their source.
        FormatVersionError: The document is of a newer format version.
        LimitExceededError: The file is larger or deeper than *limits* allow.
        FileAccessError: *source* names something that is not a regular file.
        OSError: The file cannot be opened or read.
    """
    limits = limits or DEFAULT_LIMITS
    if isinstance(source, (str, os.PathLike)):
        name: str | None = os.fspath(source)
        data: str | bytes = _files.read_bytes(source, limits)
    else:
        label = getattr(source, "name", None)
        name = label if isinstance(label, str) else None
        data = _files.read_capped(source, limits, name=name)
    try:
        with _fastpath.gc_paused():  # why: see govrecords._fastpath
            record = _fast_read(data, cls, limits, bom=True)
            if record is not _fastpath.FAIL:
                return record
            return from_envelope(_parse_json(data, limits=limits), cls)
    except ValidationError as error:
        raise error.with_source(name) if name else error from None
    except LimitExceededError as error:
        raise LimitExceededError(f"{name}: {error}" if name else str(error)) from None


def write_jsonl(records: Iterable[object], target: PathLike | IO[str] | IO[bytes]) -> int:
    """Stream *records* to a JSON Lines file, one envelope per line.

    Memory stays bounded: records are written as they are produced.

    Args:
        records: The records, any iterable (a generator is read once).
        target: A path, replaced atomically as by :func:`dump`, or a file open
            for writing in text or binary mode (such as ``sys.stdout``).

    Returns:
        The number of records written.
    """
    count = 0

    def write(out: IO[bytes]) -> None:
        nonlocal count
        for record in records:
            envelope = to_envelope(record)
            line = _fastpath.encode(envelope, None)
            if line is None:
                text = json.dumps(envelope, ensure_ascii=False, separators=(",", ":"))
                line = _encodable(text, envelope).encode("utf-8")
            out.write(line)
            out.write(b"\n")
            count += 1

    if isinstance(target, (str, os.PathLike)):
        _files.atomic_write(target, write, binary=True)
    elif _files.is_binary_stream(target):
        write(cast("IO[bytes]", target))
    else:
        text = cast("IO[str]", target)
        write(cast("IO[bytes]", _TextSink(text)))
    return count


class _TextSink:
    """Lets the byte writer of :func:`write_jsonl` write to a text file."""

    def __init__(self, out: IO[str]) -> None:
        self._out = out

    def write(self, data: bytes) -> int:
        return self._out.write(data.decode("utf-8"))


def iter_jsonl(
    source: PathLike | IO[bytes] | IO[str],
    *,
    on_error: Callable[[ValidationError], None] | None = None,
    limits: Limits | None = None,
) -> Iterator[Any]:
    r"""Stream the records of a JSON Lines file, one at a time.

    Args:
        source: A path, or an open file (text or binary).
        on_error: Called with the error of each bad line, which is then skipped;
            without it, the first bad line raises.
        limits: The most input to accept (each line is held to ``max_bytes`` and
            ``max_depth``, the stream to ``max_records``);
            :data:`~govrecords.limits.DEFAULT_LIMITS` when None.

    Yields:
        Each record, in file order. Blank lines are skipped; a byte order mark
        may start the first line.

    Raises:
        ValidationError: A bad line (when *on_error* is None), naming the line.
        LimitExceededError: A line, or the stream, goes over *limits*, naming the
            line. This stops the read even when *on_error* is given.

    >>> import io
    >>> good = '{"format_version": 1, "type": "topic", "record": {"id": "privacy", "label": "Privacy"}}'
    >>> lines = io.StringIO(good + "\n" + "{oops\n" + good + "\n")
    >>> records = list(iter_jsonl(lines, on_error=lambda error: print(error.lines())))
    ['line 2: $: not valid JSON: Expecting property name enclosed in double quotes (column 2)']
    >>> len(records)
    2
    """
    for _, record in numbered_jsonl(source, on_error=on_error, limits=limits):
        yield record


def numbered_jsonl(
    source: PathLike | IO[bytes] | IO[str],
    *,
    on_error: Callable[[ValidationError], None] | None = None,
    limits: Limits | None = None,
) -> Iterator[tuple[int, Any]]:
    """Like :func:`iter_jsonl`, but yield each record with its 1-based line number."""
    limits = limits or DEFAULT_LIMITS
    if isinstance(source, (str, os.PathLike)):
        with _files.open_regular(source) as handle:
            yield from _numbered_lines(handle, os.fspath(source), on_error, limits)
        return
    name = getattr(source, "name", None)
    yield from _numbered_lines(source, name if isinstance(name, str) else None, on_error, limits)


def _text_lines(source: IO[str], cap: int) -> Iterator[str]:
    # A text file opened with universal newlines (the default) ends a line at a bare
    # "\r", which JSON allows as whitespace inside a line: JSON Lines splits on "\n"
    # only. So stop the translation when it is still possible (nothing read yet),
    # then split on "\n" here.
    if isinstance(source, io.TextIOWrapper):
        with contextlib.suppress(io.UnsupportedOperation, ValueError):
            source.reconfigure(newline="")
    pending = ""
    while True:
        chunk = source.read(65_536)
        if not chunk:
            if pending:
                yield pending
            return
        pending += chunk
        start = 0
        while (end := pending.find("\n", start)) != -1:
            yield pending[start : end + 1]
            start = end + 1
        pending = pending[start:]
        if len(pending) > cap:  # a line over the cap: give its start, which the caller refuses
            yield pending[: cap + 1]
            return


def _numbered_lines(
    source: IO[bytes] | IO[str],
    label: str | None,
    on_error: Callable[[ValidationError], None] | None,
    limits: Limits,
) -> Iterator[tuple[int, Any]]:
    binary = _files.is_binary_stream(source)
    text_lines = None if binary else _text_lines(cast("IO[str]", source), limits.max_bytes + 2)
    count = 0
    number = 0
    while True:
        # readline with a cap: a hostile line is never read whole into memory.
        if text_lines is None:
            raw: str | bytes = cast("IO[bytes]", source).readline(limits.max_bytes + 2)  # room for "\r\n"
        else:
            raw = next(text_lines, "")
        if not raw:
            return
        number += 1
        raw = raw.rstrip(b"\r\n") if isinstance(raw, bytes) else raw.rstrip("\r\n")
        if len(raw) > limits.max_bytes:
            where = f"{label}: " if label else ""
            raise LimitExceededError(
                f"{where}line {number}: the line is longer than the limit of {limits.max_bytes} bytes (max_bytes)"
            )
        try:
            if not raw.strip():
                continue
            count += 1
            check_records(count, limits, line=number)
            fast = _fast_read(raw, None, limits, bom=number == 1)
            data = _parse_json(raw, number, limits) if fast is _fastpath.FAIL else None
        except LimitExceededError as error:
            raise LimitExceededError(f"{label}: {error}" if label else str(error)) from None
        except ValidationError as error:
            failure = error.with_source(label) if label else error
            if on_error is None:
                raise failure from None
            on_error(failure)
            continue
        try:
            record = from_envelope(data, line=number) if fast is _fastpath.FAIL else fast
        except (ValidationError, FormatVersionError) as error:
            problems = (
                error.problems
                if isinstance(error, ValidationError)
                else [Problem("$.format_version", str(error), error.found, number)]
            )
            omitted = error.omitted if isinstance(error, ValidationError) else 0
            failure = ValidationError(problems, source=label, omitted=omitted)
            if on_error is None:
                raise failure from None
            on_error(failure)
            continue
        yield number, record
