r"""Turning bytes or text into parsed JSON, strictly and within :class:`~govrecords.serialisation.limits.Limits`.

Everything that can go wrong before the record model is consulted is decided here
and reported as govrecords' own error, never as a bare ``UnicodeDecodeError``,
``RecursionError`` or ``json.JSONDecodeError``:

- the input must be UTF-8; a UTF-8 byte order mark at its start is accepted and
  dropped (editors on Windows write one);
- it must be JSON as RFC 8259 defines it: no ``NaN`` or ``Infinity``, no raw
  control characters (a NUL byte) inside strings, no key repeated in an object
  (the JSON module would keep the last and silently lose the others);
- every string must be Unicode text: a lone surrogate (``"\ud800"``) cannot be
  written as UTF-8, so it is refused with its path;
- size, nesting depth and the length of strings and keys stay within the limits, checked without
  recursion before (size, depth) or right after (strings) parsing.
"""

from __future__ import annotations

import json
import re
from typing import Any, cast

from govrecords.errors import LimitExceededError, Problem, ValidationError
from govrecords.serialisation.limits import Limits, check_depth, check_size

__all__ = ["BOM", "format_path", "lone_surrogate_paths", "parse_json"]

BOM = "\ufeff"
_BOM_BYTES = BOM.encode("utf-8")
_MAX_DIGITS = 4300  # Python's own default cap on int(str); larger numbers are refused, not converted
# A raw surrogate, or an escape that may encode one (a valid pair decodes to one character).
_MAYBE_SURROGATE = re.compile(r"[\ud800-\udfff]|\\u[dD][89a-fA-F]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


JSON_LINES_HINT = (
    "a second document starts on a new line: this looks like JSON Lines (one document a line), "
    "which is read with iter_jsonl, or from a file named .jsonl or .ndjson"
)


class _RefusedError(ValueError):
    """Raised inside the JSON parser's hooks; turned into a problem by :func:`parse_json`."""


def _refuse_constant(name: str) -> object:
    raise _RefusedError(f"{name} is not a JSON value")


def _parse_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_DIGITS:
        raise _RefusedError(f"a number has {len(text.lstrip('-'))} digits, more than {_MAX_DIGITS}")
    return int(text)


def format_path(path: tuple[str | int, ...]) -> str:
    """A JSON path such as ``$.record.sessions[3].date``.

    A key longer than 80 characters (a hostile input's) is shown by
    its start and its length, so that no message repeats it whole:

    >>> format_path(("record", "sessions", 3, "date"))
    '$.record.sessions[3].date'
    >>> format_path(("record", "x" * 500))
    '$.record.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...<a key of 500 characters>'
    """
    text = "$"
    for step in path:
        if isinstance(step, int):
            text += f"[{step}]"
        elif len(step) > _LONG_KEY:
            text += f".{step[:40]}...<a key of {len(step)} characters>"
        else:
            text += f".{step}"
    return text


_LONG_KEY = 80


def _decode(data: bytes, line: int | None) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        where = line if line is not None else data.count(b"\n", 0, error.start) + 1
        raise ValidationError(
            [Problem("$", f"not valid UTF-8 at byte {error.start} ({error.reason})", None, where)]
        ) from None


def parse_json(data: str | bytes, limits: Limits, *, line: int | None = None, bom: bool = True) -> object:
    """Parse one JSON document (or one JSON Lines line), strictly and within *limits*.

    Args:
        data: The document, as UTF-8 bytes or as text.
        limits: The limits to apply.
        line: The line it came from (JSON Lines), for messages; None for a whole document.
        bom: Whether a byte order mark may start *data*.

    Returns:
        The parsed JSON value.

    Raises:
        ValidationError: The input is not strict JSON in UTF-8, repeats a key or
            holds a lone surrogate; each problem names its path and line.
        LimitExceededError: The input is larger, deeper or holds a longer string
            than *limits* allow.
    """
    check_size(len(data), limits, line=line)
    if isinstance(data, bytes):
        text = _decode(data[len(_BOM_BYTES) :] if bom and data.startswith(_BOM_BYTES) else data, line)
    else:
        text = data[1:] if bom and data.startswith(BOM) else data
    check_depth(text, limits, line=line)
    repeated: dict[int, list[str]] = {}

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result = dict(items)
        if len(result) != len(items):
            seen: set[str] = set()
            repeated[id(result)] = [k for k, _ in items if k in seen or seen.add(k)]  # type: ignore[func-returns-value]  # set.add returns None: marks the key as seen
        return result

    try:
        value = json.loads(text, object_pairs_hook=pairs, parse_constant=_refuse_constant, parse_int=_parse_int)
    except json.JSONDecodeError as error:
        where = error.lineno if line is None else line
        message = f"not valid JSON: {error.msg} (column {error.colno})"
        after_a_line = text[: error.pos].rstrip(" \t\r").endswith("\n")
        if line is None and error.msg == "Extra data" and after_a_line:
            message += f"; {JSON_LINES_HINT}"
        raise ValidationError([Problem("$", message, None, where)]) from None
    except _RefusedError as error:
        raise ValidationError([Problem("$", f"not valid JSON: {error}", None, line)]) from None
    except RecursionError:  # pragma: no cover -- only when max_depth is raised past the interpreter's stack
        raise ValidationError([Problem("$", "JSON is nested too deeply for this interpreter", None, line)]) from None
    surrogates = _MAYBE_SURROGATE.search(text) is not None
    long_strings = len(text) > limits.max_string
    if repeated or surrogates or long_strings:
        _inspect(value, limits, line, repeated=repeated, surrogates=surrogates, long_strings=long_strings)
    return value


def _inspect(
    value: object,
    limits: Limits,
    line: int | None,
    *,
    repeated: dict[int, list[str]],
    surrogates: bool,
    long_strings: bool,
) -> None:
    # Iterative, so it is safe at any depth the limits let through.
    problems: list[Problem] = []
    stack: list[tuple[object, tuple[str | int, ...]]] = [(value, ())]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if long_strings and len(item) > limits.max_string:
                where = f"line {line}: " if line is not None else ""
                raise LimitExceededError(
                    f"{where}{format_path(path)}: a string of {len(item)} characters is longer than the "
                    f"limit of {limits.max_string} (max_string)"
                )
            if surrogates and (found := _SURROGATE.search(item)) is not None:
                problems.append(Problem(format_path(path), _surrogate_message(found.group()), item, line))
        elif isinstance(item, dict):
            item = cast("dict[str, object]", item)
            problems.extend(
                Problem(format_path((*path, key)), "duplicate key: an object must not repeat a key", None, line)
                for key in repeated.get(id(item), ())
            )
            for key, inner in reversed(item.items()):
                if long_strings and len(key) > limits.max_string:
                    where = f"line {line}: " if line is not None else ""
                    raise LimitExceededError(
                        f"{where}{format_path(path)}: a key of {len(key)} characters is longer than the "
                        f"limit of {limits.max_string} (max_string)"
                    )
                if surrogates and (found := _SURROGATE.search(key)) is not None:
                    problems.append(Problem(format_path(path), "a key " + _surrogate_message(found.group()), key, line))
                stack.append((inner, (*path, key)))
        elif isinstance(item, list):
            items = cast("list[object]", item)
            stack.extend((inner, (*path, index)) for index, inner in reversed(list(enumerate(items))))
    if problems:
        raise ValidationError(problems)


def _surrogate_message(char: str) -> str:
    return f"holds a lone surrogate (U+{ord(char):04X}), which is not Unicode text and cannot be written as UTF-8"


def lone_surrogate_paths(data: object) -> list[str]:
    r"""The paths of the strings (or keys) in JSON-ready *data* holding a lone surrogate.

    >>> lone_surrogate_paths({"record": {"title": "ok", "notes": "\ud800"}})
    ['$.record.notes']
    >>> lone_surrogate_paths({"record": {"topics": ["a", "b\udfff"], "\ud800": 1}})
    ['$.record', '$.record.topics[1]']
    """
    found: list[str] = []
    stack: list[tuple[object, tuple[str | int, ...]]] = [(data, ())]
    while stack:
        item, path = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                found.append(format_path(path))
        elif isinstance(item, dict):
            for key, inner in reversed(cast("dict[object, object]", item).items()):
                if isinstance(key, str) and _SURROGATE.search(key):
                    found.append(format_path(path))
                stack.append((inner, (*path, str(key))))
        elif isinstance(item, (list, tuple)):
            items = cast("list[object]", item)
            stack.extend((inner, (*path, index)) for index, inner in reversed(list(enumerate(items))))
    return found


def has_lone_surrogate(text: str) -> bool:
    """Whether *text* holds a lone surrogate (cheap: one scan at C speed)."""
    return _SURROGATE.search(text) is not None
