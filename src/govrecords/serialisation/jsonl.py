"""JSON Lines: streams of documents, one envelope a line, written and read with bounded memory.

Each line is one document, with its own ``methods`` table, as :func:`~govrecords.serialisation.documents.dumps`
writes it, compactly; record types can be mixed. A bad line is reported with its
number, and a reader given ``on_error`` skips it and goes on; going over the
:class:`~govrecords.serialisation.limits.Limits` stops the read.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any, cast

from govrecords import _files
from govrecords.errors import (
    FormatVersionError,
    LimitExceededError,
    Problem,
    ValidationError,
)
from govrecords.serialisation import _fastpath
from govrecords.serialisation.documents import encodable, fast_read, from_envelope, parse_document, to_envelope
from govrecords.serialisation.limits import DEFAULT_LIMITS, Limits, check_records

__all__ = ["iter_jsonl", "numbered_jsonl", "write_jsonl"]

PathLike = str | os.PathLike[str]


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
                line = encodable(text, envelope).encode("utf-8")
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
            :data:`~govrecords.serialisation.limits.DEFAULT_LIMITS` when None.

    Yields:
        Each record, in file order. Blank lines are skipped; a byte order mark
        may start the first line.

    Raises:
        ValidationError: A bad line (when *on_error* is None), naming the line.
        LimitExceededError: A line, or the stream, goes over *limits*, naming the
            line. This stops the read even when *on_error* is given.

    >>> import io
    >>> good = '{"format_version": 3, "type": "topic", "record": {"id": "privacy", "label": "Privacy"}}'
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
            fast = fast_read(raw, None, limits, bom=number == 1)
            data = parse_document(raw, number, limits) if fast is _fastpath.FAIL else None
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
