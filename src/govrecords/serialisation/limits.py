"""How much input govrecords agrees to read: size, nesting depth, record count, string length.

The readers (:func:`~govrecords.serialisation.documents.loads`, :func:`~govrecords.serialisation.documents.load`,
:func:`~govrecords.serialisation.jsonl.iter_jsonl`) take a ``limits=`` keyword. The defaults are
generous for real forum records (the largest IGF proceedings fit many times over)
yet keep a hostile or broken input from exhausting memory or the stack:

=================  ==============================  ======================================
limit              default                         applies to
=================  ==============================  ======================================
``max_bytes``      64 MiB                          one document; one line of JSON Lines
``max_depth``      64 levels of ``[`` and ``{``    one document; one line of JSON Lines
``max_records``    1 000 000                       the records one JSON Lines stream holds
``max_string``     16 MiB (characters)             any one string or object key in a document
=================  ==============================  ======================================

A valid govrecords document is never nested more than about a dozen levels deep,
so 64 leaves room for growth while staying far below the depth at which Python's
JSON parser would exhaust its stack. Depth is measured by a linear scan of the
text, before parsing and without recursion, so a document nested 100 000 levels
deep is refused with a :class:`~govrecords.errors.LimitExceededError` that names
the line and column where it crossed the limit.

Going over any limit raises :class:`~govrecords.errors.LimitExceededError`; it
stops the read even when a JSON Lines reader was given ``on_error``, because the
limits exist to stop reading. Raise a limit to read a larger input::

    loads(text, limits=Limits(max_bytes=512 * 2**20))
"""

from __future__ import annotations

import itertools
import re

import attrs

from govrecords.errors import LimitExceededError

__all__ = ["DEFAULT_LIMITS", "Limits"]


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or value < 1:
        raise ValueError(f"{attribute.name} must be a whole number >= 1, got {value!r}")


@attrs.frozen
class Limits:
    """The most input a reader accepts; going over raises :class:`~govrecords.errors.LimitExceededError`.

    Args:
        max_bytes: The largest document, or JSON Lines line, in bytes (for text
            that is already decoded, in characters).
        max_depth: The deepest nesting of JSON arrays and objects.
        max_records: The most records one JSON Lines stream may hold.
        max_string: The longest string value or object key, in characters.

    Raises:
        ValueError: A limit that is not a whole number >= 1.

    >>> Limits().max_depth
    64
    >>> Limits(max_bytes=1024).max_bytes
    1024
    """

    max_bytes: int = attrs.field(default=64 * 2**20, validator=_positive)
    max_depth: int = attrs.field(default=64, validator=_positive)
    max_records: int = attrs.field(default=1_000_000, validator=_positive)
    max_string: int = attrs.field(default=16 * 2**20, validator=_positive)


DEFAULT_LIMITS = Limits()
"""The limits readers apply when none are given."""


def _where(line: int | None, column: int | None = None) -> str:
    if line is None:
        return ""
    return f"line {line}: " if column is None else f"line {line}, column {column}: "


def check_size(size: int, limits: Limits, *, line: int | None = None, what: str = "input") -> None:
    """Refuse an input larger than ``limits.max_bytes``.

    Raises:
        LimitExceededError: It is larger.
    """
    if size > limits.max_bytes:
        raise LimitExceededError(
            f"{_where(line)}{what} is {size} bytes, over the limit of {limits.max_bytes} (max_bytes)"
        )


# A JSON string, escapes and all; unterminated at the end of broken input. The
# unrolled form matches in linear time whatever the text holds.
_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}
_TOKEN = re.compile(r'[\[\]{}]|"[^"\\]*(?:\\.[^"\\]*)*"?', re.DOTALL)


def check_depth(text: str, limits: Limits, *, line: int | None = None) -> None:
    """Refuse JSON text nested deeper than ``limits.max_depth``, without parsing it.

    Brackets inside strings do not count. The scan is linear and does not
    recurse, so any depth is measured safely.

    Args:
        text: The JSON text.
        limits: The limits to apply.
        line: The line the text starts on, for JSON Lines.

    Raises:
        LimitExceededError: It is nested deeper, naming the line and column.

    >>> check_depth("[[[1]]]", Limits(max_depth=2))
    Traceback (most recent call last):
      ...
    govrecords.errors.LimitExceededError: line 1, column 3: nesting is deeper than the limit of 2 levels (max_depth)
    """
    if text.count("[") + text.count("{") <= limits.max_depth:
        return
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    deepest = max(itertools.accumulate(map(_STEP.__getitem__, brackets)), default=0)
    if deepest <= limits.max_depth:
        return
    # Over the limit: find where, for the message (only on the failing path).
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in _STEP:
            depth += _STEP[token]
            if depth > limits.max_depth:
                at = match.start()
                row = text.count("\n", 0, at)
                column = at - (text.rfind("\n", 0, at) + 1) + 1
                raise LimitExceededError(
                    f"{_where((line or 1) + row, column)}nesting is deeper than the limit of "
                    f"{limits.max_depth} levels (max_depth)"
                )
    raise AssertionError("unreachable: the scan above found the same depth")  # pragma: no cover -- unreachable


def check_records(count: int, limits: Limits, *, line: int | None = None) -> None:
    """Refuse the record that takes a stream over ``limits.max_records``.

    Raises:
        LimitExceededError: *count* is over the limit.
    """
    if count > limits.max_records:
        raise LimitExceededError(f"{_where(line)}the input holds more than {limits.max_records} records (max_records)")
