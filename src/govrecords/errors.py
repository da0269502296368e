"""The exceptions and warnings govrecords raises.

Every exception derives from :class:`GovRecordsError`; each subclass also derives
from the builtin a caller would naturally catch (:class:`ValueError`,
:class:`TypeError`, :class:`OSError`), so ``except ValueError`` keeps working.
Callers classify errors by *type*, never by message text.

Warnings form a parallel tree rooted at :class:`GovRecordsWarning`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

__all__ = [
    "DateParseError",
    "FormatVersionError",
    "GovRecordsError",
    "GovRecordsWarning",
    "ImportFailedError",
    "LimitExceededError",
    "Problem",
    "RecordImportWarning",
    "SerializationError",
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

    .. versionadded:: 0.1.0
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
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


class GovRecordsError(Exception):
    """The root of every exception govrecords raises on purpose.

    .. versionadded:: 0.1.0
    """


class ValidationError(GovRecordsError, ValueError):
    """A document or a value does not satisfy the govrecords model.

    Carries *every* problem found, not just the first one.

    Args:
        problems: The problems, each with its JSON path and offending value.
        source: Where the document came from (a file name), if known.

    .. versionadded:: 0.1.0
    """

    problems: tuple[Problem, ...]
    source: str | None

    def __init__(self, problems: Iterable[Problem], *, source: str | None = None) -> None:
        self.problems = tuple(problems)
        self.source = source
        super().__init__(self._summary())

    def _summary(self) -> str:
        head = f"{self.source}: " if self.source else ""
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        lines = [f"{head}{count} {noun}:"] + [f"  {p}" for p in self.problems]
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

    .. versionadded:: 0.1.0
    """

    reason: str
    text: str

    def __init__(self, message: str, text: str) -> None:
        self.reason = message
        self.text = text
        super().__init__(f"{message}: {text!r}")


class SerializationError(GovRecordsError, TypeError):
    """A value cannot be written in a govrecords format.

    .. versionadded:: 0.1.0
    """


class FormatVersionError(GovRecordsError, ValueError):
    """A document was written in a format version this release cannot read.

    Args:
        found: The version the document declares.
        supported: The newest version this release reads.

    .. versionadded:: 0.1.0
    """

    found: object
    supported: int

    def __init__(self, found: object, supported: int) -> None:
        self.found = found
        self.supported = supported
        super().__init__(
            f"document has format version {found!r}, but this release of govrecords reads versions up to {supported}"
        )


class LimitExceededError(GovRecordsError, ValueError):
    """An input is larger or deeper than the configured limits allow.

    .. versionadded:: 0.1.0
    """


class ImportFailedError(GovRecordsError, ValueError):
    """A text could not be imported at all.

    Args:
        message: What went wrong.
        line: The 1-based line where it went wrong.
        column: The 1-based column where it went wrong.

    .. versionadded:: 0.1.0
    """

    line: int | None
    column: int | None

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None) -> None:
        self.line = line
        self.column = column
        where = "" if line is None else f"line {line}, column {column or 1}: "
        super().__init__(f"{where}{message}")


class GovRecordsWarning(UserWarning):
    """The root of every warning govrecords issues.

    .. versionadded:: 0.1.0
    """


class RecordImportWarning(GovRecordsWarning):
    """Something in an imported text was kept aside, repaired or ignored.

    .. versionadded:: 0.1.0
    """
