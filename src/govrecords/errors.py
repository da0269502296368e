"""The exceptions and warnings govrecords raises.

Every exception derives from :class:`GovRecordsError`; each subclass also derives
from the builtin a caller would naturally catch (:class:`ValueError`,
:class:`TypeError`, :class:`OSError`), so ``except ValueError`` keeps working.
Callers classify errors by *type*, never by message text.

Warnings form a parallel tree rooted at :class:`GovRecordsWarning`.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from typing import Any, cast

import attrs

__all__ = [
    "ArgumentTypeError",
    "DateParseError",
    "FileAccessError",
    "FormatVersionError",
    "GovRecordsError",
    "GovRecordsWarning",
    "ImportFailedError",
    "LimitExceededError",
    "MergeConflictError",
    "MissingExtraError",
    "Problem",
    "RecordImportWarning",
    "SerializationError",
    "TaxonomyError",
    "UnknownTopicError",
    "ValidationError",
]


@attrs.frozen
class Problem:
    """One thing wrong with a document, and where.

    Args:
        path: Where the problem is, as a JSON path (``$.sessions[3].date``).
        message: What is wrong, in words.
        value: The offending value as it was read, if there was one.
        line: The 1-based line of the input, where the input has lines
            (JSON Lines, imported text).
    """

    path: str
    message: str
    value: Any = None
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}: {self.path}" if self.line is not None else self.path
        if self.value is None:
            return f"{where}: {self.message}"
        return f"{where}: {self.message} (got {_short_repr(self.value)})"


def _short_repr(value: Any, limit: int = 80) -> str:
    # Offending values come from outside: a 4 300-digit number or a 20-million-character
    # key is shown by its start and its size, never whole. Shortened before repr() for
    # the large ones, so that no message costs more than its first characters.
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 200:
        digits = len(str(abs(value))) if value.bit_length() < 14_000 else None
        length = f"{digits} digits" if digits is not None else f"{value.bit_length()} bits"
        return f"<a whole number of {length}>"
    if isinstance(value, (str, bytes)) and len(value) > 4 * limit:
        value = value[: 4 * limit]
        return f"{repr(value)[: limit - 3]}..."
    items = len(cast("list[object]", value)) if isinstance(cast("object", value), (list, dict)) else 0
    if items > limit:
        return f"<{type(value).__name__} of {items} items>"
    text = repr(cast("object", value))
    return text if len(text) <= limit else text[: limit - 3] + "..."


def shorten(value: object, limit: int = 80) -> str:
    """The repr of *value*, cut to at most *limit* characters for a message.

    >>> shorten("x" * 1000, 12)
    "'xxxxxxxx..."
    >>> shorten(10 ** 4000)
    '<a whole number of 4001 digits>'
    """
    return _short_repr(value, limit)


SHOWN_PROBLEMS = 20
"""How many problems a :class:`ValidationError`'s message lists before "and N more"."""

KEPT_PROBLEMS = 1000
"""How many problems reading one document keeps; past it, problems are only counted.

A hostile document can hold hundreds of thousands of wrong values: each kept problem
costs time and memory, and no reader reads past the first screens of them. The
count of the others is ``ValidationError.omitted``.
"""


class GovRecordsError(Exception):
    """The root of every exception govrecords raises on purpose."""


class ValidationError(GovRecordsError, ValueError):
    """A document or a value does not satisfy the govrecords model.

    Carries *every* problem found, not just the first one.

    Args:
        problems: The problems, each with its JSON path and offending value.
        source: Where the document came from (a file name), if known.
        omitted: How many more problems were found but not kept (past the
            first 1 000, ``govrecords.errors.KEPT_PROBLEMS``); the message counts them.
    """

    problems: tuple[Problem, ...]
    source: str | None
    omitted: int

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None, omitted: int = 0) -> None:
        self.problems = tuple(problems)
        self.source = source
        self.omitted = omitted
        super().__init__(self._summary())

    def with_source(self, source: str) -> ValidationError:
        """The same problems, said of *source* (a file name)."""
        return ValidationError(self.problems, source=source, omitted=self.omitted)

    def _summary(self) -> str:
        head = f"{self.source}: " if self.source else ""
        count = len(self.problems) + self.omitted
        noun = "problem" if count == 1 else "problems"
        lines = [f"{head}{count} {noun}:"] + [f"  {p}" for p in self.problems[:SHOWN_PROBLEMS]]
        if count > SHOWN_PROBLEMS:
            lines.append(f"  and {count - SHOWN_PROBLEMS} more")
        return "\n".join(lines)

    def lines(self) -> list[str]:
        """Every problem on its own line, as ``SOURCE: PATH: message``.

        Returns:
            One string per problem, prefixed with the source when it is known.
        """
        prefix = f"{self.source}: " if self.source else ""
        return [f"{prefix}{p}" for p in self.problems]


class DateParseError(GovRecordsError, ValueError):
    """A text could not be read as a (partial) date or date range.

    Args:
        message: What is wrong.
        text: The text that was being read.
    """

    reason: str
    text: str

    def __init__(self, message: str, text: str) -> None:
        self.reason = message
        self.text = text
        super().__init__(f"{message}: {text!r}")


class SerializationError(GovRecordsError, TypeError):
    """A value cannot be written in a govrecords format."""


class FormatVersionError(GovRecordsError, ValueError):
    """A document was written in a format version this release cannot read.

    Args:
        found: The version the document declares.
        supported: The newest version this release reads.
    """

    found: object
    supported: int

    def __init__(self, found: object, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            f"document has format version {_short_repr(found)}, "
            f"but this release of govrecords reads versions up to {supported}"
        )


class LimitExceededError(GovRecordsError, ValueError):
    """An input is larger or deeper than the configured limits allow."""


class ImportFailedError(GovRecordsError, ValueError):
    """A text could not be imported at all.

    Args:
        message: What went wrong.
        line: The 1-based line where it went wrong.
        column: The 1-based column where it went wrong.
    """

    line: int | None
    column: int | None

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.line = line
        self.column = column
        where = "" if line is None else f"line {line}, column {column or 1}: "
        super().__init__(f"{where}{message}")


class MissingExtraError(GovRecordsError, ImportError):
    """An optional library govrecords needs for this is not installed.

    Args:
        extra: The name of the extra that installs it (``"pdf"``).
        needed_for: What it is needed for, in words.

    >>> print(MissingExtraError("pdf", "reading a PDF file"))
    reading a PDF file needs the optional 'pdf' extra: pip install 'govrecords[pdf]'
    """

    extra: str

    def __init__(self, extra: str, needed_for: str) -> None:
        self.extra = extra
        super().__init__(f"{needed_for} needs the optional {extra!r} extra: pip install 'govrecords[{extra}]'")


class TaxonomyError(GovRecordsError, ValueError):
    """A taxonomy is inconsistent.

    A duplicate id, a ``broader`` id that names no topic, broader links that form a
    cycle, or one wording given to two topics.
    """


class UnknownTopicError(GovRecordsError, KeyError):
    """A topic id that the taxonomy does not define, with the closest known ids.

    Args:
        topic: The id as given.
        suggestions: The closest known ids, best first (may be empty).
        taxonomy: The name of the taxonomy that was asked.

    >>> print(UnknownTopicError("privcy", ("privacy",), "default"))
    unknown topic 'privcy' in taxonomy 'default'; did you mean 'privacy'?
    """

    topic: str
    suggestions: tuple[str, ...]

    def __init__(self, topic: str, suggestions: Iterable[str] = (), taxonomy: str | None = None) -> None:
        self.topic = topic
        self.suggestions = tuple(suggestions)
        where = f" in taxonomy {taxonomy!r}" if taxonomy else ""
        message = f"unknown topic {_short_repr(topic, 60)}{where}"
        if self.suggestions:
            message += "; did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?"
        super().__init__(message)

    def __str__(self) -> str:  # KeyError would quote the whole message
        return str(self.args[0])


class GovRecordsWarning(UserWarning):
    """The root of every warning govrecords issues."""


class RecordImportWarning(GovRecordsWarning):
    """Something in an imported text was kept aside, repaired or ignored."""


class FileAccessError(GovRecordsError, OSError):
    """A file govrecords was asked to read or write cannot be used as one.

    Raised for what the operating system would allow but govrecords refuses: a
    FIFO, a device or a directory given where a regular file is read (reading
    one could block forever or never end). Errors the operating system reports
    itself (a missing file, a permission denied, a full disk) are raised as its
    own :class:`OSError` subclasses, as ``open()`` raises them.

    Args:
        filename: The file, as it was given.
        reason: What is wrong with it, in words.
        errno: The matching error number, if there is one.

    >>> from govrecords.errors import FileAccessError
    >>> print(FileAccessError("pipe", "not a regular file (a FIFO)"))
    pipe: not a regular file (a FIFO)
    """

    def __init__(self, filename: str, reason: str, *, errno: int | None = None) -> None:
        super().__init__(errno, reason, filename)

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_file_access_error, (self.filename, self.strerror, self.errno))


def _file_access_error(filename: str, reason: str, errno: int | None) -> FileAccessError:
    return FileAccessError(filename, reason, errno=errno)


class ArgumentTypeError(GovRecordsError, TypeError):
    """A function was given the wrong kind of value, such as a file name where it wants records.

    Args:
        function: The function called (``"compare"``).
        argument: The argument that is wrong (``"before"``).
        wanted: What the argument takes, in words.
        got: The value given.
        hint: What to do instead, if there is an obvious fix.

    >>> from govrecords.errors import ArgumentTypeError
    >>> print(ArgumentTypeError("compare", "before", "records", "a.json", "use govrecords.load"))
    compare() wants records for its argument 'before', got a str ('a.json'); use govrecords.load
    """

    function: str
    argument: str

    def __init__(self, function: str, argument: str, wanted: str, got: object, hint: str | None = None) -> None:
        self.function = function
        self.argument = argument
        message = (
            f"{function}() wants {wanted} for its argument {argument!r}, "
            f"got a {type(got).__name__} ({_short_repr(got, 40)})"
        )
        super().__init__(f"{message}; {hint}" if hint else message)


def expect_records(function: str, argument: str, value: object) -> None:
    """Refuse a file name, path or text where *function* wants records (or a sequence of them).

    Raises:
        ArgumentTypeError: *value* is a ``str``, ``bytes`` or path, naming *argument*
            and suggesting :func:`govrecords.load`.

    >>> expect_records("compare", "after", "b.json")
    Traceback (most recent call last):
      ...
    govrecords.errors.ArgumentTypeError: compare() wants records for its argument 'after', got a str ('b.json'); \
to read a file, give govrecords.load(path) (or list(govrecords.iter_jsonl(path)) for JSON Lines)
    """
    if isinstance(value, (str, bytes, bytearray, os.PathLike)):
        raise ArgumentTypeError(
            function,
            argument,
            "records",
            cast("object", value),
            "to read a file, give govrecords.load(path) (or list(govrecords.iter_jsonl(path)) for JSON Lines)",
        )


class MergeConflictError(ValidationError):
    """Two imports give one forum, session or workshop different values.

    Raised by :meth:`govrecords.archive.Archive.add` with ``strict=True``, and when an
    archive's files disagree; each problem names the field and both values.
    """
