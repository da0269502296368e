"""One record as one JSON document: the envelope, dumps and loads, dump and load (strict and safe).

Every wire-format choice lives here, not in the record classes: field names, the
text form of dates (EDTF, see :mod:`govrecords.dates`), spans as ``[start, end]``,
enums as their values, fields left at their default omitted.

A document is an *envelope* that names its format version and record type::

    {"format_version": 3, "type": "session", "source": "...", "methods": [...], "record": {...}}

``methods`` holds each :class:`~govrecords.provenance.Method` the record's
provenance uses, once; a provenance entry refers to one by its index
(``"method": 1``), and leaves out the first, the document's default (the table
is left out when that is all it would say: every method by hand). ``source`` is
the document's default source, which entries of it leave out; an entry's quote
that equals the value it evidences, and a span's end that its quote gives, are
left out too (see :mod:`govrecords.serialisation.rules`).

JSON Lines files hold one envelope per line, so record types can be mixed.

Reading is strict: unknown keys, a number where a string is declared, an unknown
enum value or an impossible date are all reported, every one of them, in a single
:class:`~govrecords.errors.ValidationError`.

Reading is also safe on hostile input: the text must be UTF-8 (a leading byte
order mark is accepted and dropped) and strict JSON (no ``NaN``, no repeated key,
no lone surrogate), and it must stay within the :class:`~govrecords.serialisation.limits.Limits`
passed as ``limits=`` (size, nesting depth, record count, string length), else a
:class:`~govrecords.errors.LimitExceededError`. A document of an older format
version is migrated on reading (see :mod:`govrecords.serialisation.migrations`); one of a newer
version is refused with a :class:`~govrecords.errors.FormatVersionError`.
Writing refuses text that cannot be written as UTF-8 (a lone surrogate) with a
:class:`~govrecords.errors.SerializationError` naming its path.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable
from typing import IO, Any, TypeVar, cast, overload

import attrs

from govrecords import _files
from govrecords._collector import paused
from govrecords.errors import (
    ArgumentTypeError,
    FormatVersionError,
    LimitExceededError,
    Problem,
    SerializationError,
    ValidationError,
)
from govrecords.provenance import BY_HAND, Method
from govrecords.serialisation import _fastpath
from govrecords.serialisation._parsing import has_lone_surrogate, lone_surrogate_paths, parse_json
from govrecords.serialisation.converter import converters, method_entries, problems
from govrecords.serialisation.limits import DEFAULT_LIMITS, Limits
from govrecords.serialisation.migrations import FORMAT_VERSION, migrate
from govrecords.serialisation.registry import record_type_name, record_types
from govrecords.serialisation.rules import MethodTable, read_default_source

__all__ = ["dump", "dumps", "from_envelope", "load", "loads", "to_envelope"]

T = TypeVar("T")
PathLike = str | os.PathLike[str]


def _structure(data: object, cls: type[T], root: tuple[str | int, ...], line: int | None = None) -> T:
    fast, detailed = converters()
    # Any failure of the fast converter is re-read by the detailed one, below.
    with contextlib.suppress(Exception):
        return fast.structure(data, cls)
    try:
        result = detailed.structure(data, cls)
    except Exception as error:  # noqa: BLE001 -- turned into our own error with paths
        raise problems(error, data, root, line) from None
    return result  # pragma: no cover -- only if the fast path fails where the detailed one passes


def to_envelope(record: object) -> dict[str, Any]:
    """The JSON-ready envelope of *record*: format version, type tag and fields.

    Raises:
        SerializationError: *record* is not a govrecords record.
    """
    # The generated function gives what the converter gives, faster (see govrecords.serialisation._fastpath).
    return _envelope(record, _fastpath.unstructurer(type(record)) or converters()[0].unstructure)


def _envelope(record: object, unstructure: Callable[[Any], dict[str, Any]]) -> dict[str, Any]:
    # to_envelope's envelope, with the record's fields as *unstructure* gives them (in
    # _encode, a long tuple's records each already encoded: _fastpath.piecewise_unstructurer).
    name = record_type_name(type(record))
    with MethodTable() as table:
        data: dict[str, Any] = unstructure(record)
    envelope: dict[str, Any] = {"format_version": FORMAT_VERSION, "type": name}
    if table.source is not None:  # the first entry's source: entries of it leave theirs out
        envelope["source"] = table.source
    methods = table.written()
    if methods:  # each method once, provenance entries referring to it by index (the first: left out)
        write = _fastpath.unstructurer(Method) or method_entries(False)[1]
        envelope["methods"] = [write(method) for method in methods]
    envelope["record"] = data
    return envelope


_DEFAULT_SOURCE = "?"
"""Stands in for a bad default source, so the entries that use it are not reported too."""


def _read_source(data: dict[str, Any], line: int | None) -> tuple[str | None, list[Problem]]:
    # The document's default source, and its problem.
    if "source" not in data:
        return None, []
    try:
        return read_default_source(data["source"]), []
    except ValueError as error:
        return _DEFAULT_SOURCE, [Problem("$.source", str(error), data["source"], line)]


def _read_methods(data: dict[str, Any], line: int | None) -> tuple[list[Method], list[Problem], int]:
    # The document's methods table, and the problems of its entries (a bad entry
    # is kept as a placeholder, so references to it are not reported again).
    if "methods" not in data:
        return [], [], 0
    entries = data["methods"]
    if type(entries) is not list:
        return [], [Problem("$.methods", f"expected a list, got {type(entries).__name__}", entries, line)], 0
    fast, detailed = method_entries(False)[0], method_entries(True)[0]
    methods: list[Method] = []
    found: list[Problem] = []
    omitted = 0
    for index, entry in enumerate(cast("list[object]", entries)):
        try:
            methods.append(fast(entry))
            continue
        except Exception:  # noqa: BLE001, S110 -- re-read by the detailed reader, which says what is wrong
            pass
        methods.append(BY_HAND)
        try:
            detailed(entry)
        except Exception as error:  # noqa: BLE001 -- turned into our own error with paths
            failure = problems(error, entry, ("methods", index), line)
            found.extend(failure.problems)
            omitted += failure.omitted
    return methods, found, omitted


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
    :mod:`govrecords.serialisation.migrations`).
    """
    if type(data) is not dict:
        raise ValidationError([Problem("$", "expected a govrecords document (a JSON object)", data, line)])
    data = cast("dict[str, Any]", data)
    version = data.get("format_version")
    if type(version) is int and version > FORMAT_VERSION:
        raise FormatVersionError(version, FORMAT_VERSION)
    if type(version) is int and version < FORMAT_VERSION:
        try:
            data = migrate(data)
        except ValidationError as error:
            raise ValidationError([attrs.evolve(p, line=line) for p in error.problems]) from None
    problems = [
        Problem(f"$.{key}", "unknown key", data[key], line)
        for key in data
        if key not in ("format_version", "type", "source", "methods", "record")
    ]
    source, source_problems = _read_source(data, line)
    problems.extend(source_problems)
    methods, method_problems, omitted = _read_methods(data, line)
    problems.extend(method_problems)
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
    with MethodTable(methods, source):
        if problems:
            if target is not None and "record" in data:
                # Report the record's own problems too: every problem at once.
                try:
                    _structure(data["record"], target, ("record",), line)
                except ValidationError as error:
                    problems.extend(error.problems)
                    omitted += error.omitted
            raise ValidationError(problems, omitted=omitted)
        assert target is not None  # checked above
        return _structure(data["record"], target, ("record",), line)


def parse_document(text: str | bytes, line: int | None = None, limits: Limits = DEFAULT_LIMITS) -> object:
    return parse_json(text, limits, line=line, bom=line is None or line == 1)


def fast_read(data: str | bytes, cls: type | None, limits: Limits, *, bom: bool) -> Any:
    # The record, or _fastpath.FAIL whenever the general path (parse_document, then
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


def encodable(text: str, data: object) -> str:
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
    {"format_version":3,"type":"session","record":{"id":"s1","title":"The Future of Internet"}}
    """
    encoded = _encode(record, indent, text=True)
    return encoded if isinstance(encoded, str) else encoded.decode("utf-8")


def _encode(record: object, indent: int | None, *, text: bool) -> str | bytes:
    # The document as orjson writes it (UTF-8 bytes), or as the standard library does
    # (text): whichever the writer has, so that neither dumps nor dump converts twice.
    # With *text*, a compact document written in pieces is made as text at once.
    with paused():  # why: see govrecords._collector
        pieces = _fastpath.piecewise_unstructurer(type(record), text=text) if indent is None else None
        if pieces is not None:
            # Compact: a forum's sessions encoded one by one, each while its data is in the caches.
            try:
                envelope = _envelope(record, pieces)
                encoded = _fastpath.encode_text(envelope) if text else _fastpath.encode(envelope, None)
                del envelope  # as below
            except _fastpath.EncodeError:
                encoded = None  # a value orjson refuses: written whole below, which says where
            if encoded is not None:
                return encoded
        envelope = to_envelope(record)
        encoded = _fastpath.encode(envelope, indent)
        if encoded is not None:
            del envelope  # freed while the collector is off, so it has nothing of it to visit when back on
            return encoded
    separators = (",", ":") if indent is None else None
    return encodable(json.dumps(envelope, ensure_ascii=False, indent=indent, separators=separators), envelope)


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
        limits: The most input to accept; :data:`~govrecords.serialisation.limits.DEFAULT_LIMITS`
            when None.

    Raises:
        ValidationError: Every problem with the document, each with its path.
        FormatVersionError: The document is of a newer format version.
        LimitExceededError: The document is larger or deeper than *limits* allow.
        ArgumentTypeError: *text* is neither text nor bytes (a path, an open file:
            use :func:`load`).

    >>> from govrecords import Session
    >>> loads('{"format_version": 3, "type": "session", "record": {"id": 7, "title": "x", "colour": 1}}')
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
    with paused():  # why: see govrecords._collector
        record = fast_read(text, cls, limits, bom=True)
        if record is not _fastpath.FAIL:
            return record
        return from_envelope(parse_document(text, limits=limits), cls)


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
    >>> from govrecords.taxonomy import Topic
    >>> out = io.StringIO()
    >>> dump(Topic("privacy", "Privacy"), out, indent=None)
    >>> out.getvalue()
    '{"format_version":3,"type":"topic","record":{"id":"privacy","label":"Privacy"}}\n'
    """
    binary = isinstance(target, (str, os.PathLike)) or _files.is_binary_stream(target)
    encoded = _encode(record, indent, text=not binary)  # bytes to a binary file, text to a text one: never converted
    if isinstance(target, (str, os.PathLike)):  # again, so that the type checkers narrow it
        _files.atomic_write(target, lambda out: _write_line(out, encoded), binary=True)
    elif binary:
        _write_line(cast("IO[bytes]", target), encoded)
    else:
        text = encoded if isinstance(encoded, str) else encoded.decode("utf-8")
        cast("IO[str]", target).write(text + "\n")


def _write_line(out: IO[bytes], encoded: str | bytes) -> None:
    out.write(encoded.encode("utf-8") if isinstance(encoded, str) else encoded)
    out.write(b"\n")  # a second write: a document of hundreds of megabytes is not copied to add its line end


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
        with paused():  # why: see govrecords._collector
            record = fast_read(data, cls, limits, bom=True)
            if record is not _fastpath.FAIL:
                return record
            return from_envelope(parse_document(data, limits=limits), cls)
    except ValidationError as error:
        raise error.with_source(name) if name else error from None
    except LimitExceededError as error:
        raise LimitExceededError(f"{name}: {error}" if name else str(error)) from None
