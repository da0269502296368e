"""Line patterns with named placeholders, matched without backtracking.

A pattern such as ``"{date:date} - A {kind} on {theme} in {place}"`` is a list of
literals and placeholders. Matching walks it once: a free placeholder runs to the
leftmost occurrence of the next literal (the rightmost for the last literal
before a final placeholder, and the very end for a final literal), a typed
placeholder consumes what its type allows. Each literal is looked for at most
once, so a match costs time linear in the line.
"""

from __future__ import annotations

import functools
import re

import attrs

from govrecords.dateparse import parse_when
from govrecords.dates import DateRange
from govrecords.errors import DateParseError
from govrecords.importers._text import fold, fold_text

__all__ = ["Capture", "PatternMatch", "compile_pattern", "match_pattern", "placeholder_names"]

CODE_WORDS = frozenset(
    {
        "workshop",
        "open forum",
        "town hall",
        "flash session",
        "lightning talk",
        "networking session",
        "main session",
        "launch",
        "day 0 event",
        "dynamic coalition",
        "best practice forum",
        "session",
        "ws",
        "of",
        "th",
        "dc",
        "bpf",
        "nri",
        "pl",
        "fs",
        "lt",
    }
)
"""The words of a session id a ``{name:code}`` placeholder accepts (folded), besides any abbreviation of up to
four letters ("WS 8", "OF #27", "Open Forum #61", "Workshop 147")."""

_NOT_A_MEETING_DATE = re.compile(r"(?i)\b(?:revision|edited|modified|posted|updated|retrieved|printed)\b")

_TYPES = frozenset({"text", "int", "year", "code", "date"})
_FREE = frozenset({"text", "date"})


@attrs.frozen
class _Literal:
    text: str


@attrs.frozen
class _Placeholder:
    name: str
    type: str


@attrs.frozen
class _Bracket:
    opening: bool


_Token = _Literal | _Placeholder | _Bracket


@functools.cache
def compile_pattern(pattern: str) -> tuple[_Token, ...]:
    """Parse *pattern* into tokens.

    Raises:
        ValueError: An unclosed brace or bracket, an unknown placeholder type, a
            pattern with no placeholder, or two placeholders with no literal
            between them.
    """
    tokens: list[_Token] = []
    literal: list[str] = []
    index = 0
    depth = 0

    def flush() -> None:
        if literal:
            folded, _ = fold("".join(literal), 0, len("".join(literal)))
            raw = "".join(literal)
            # keep a leading or trailing space: it separates the literal from a placeholder
            text = (" " if raw[:1].isspace() else "") + folded + (" " if raw[-1:].isspace() and folded else "")
            if text:
                tokens.append(_Literal(text))
            literal.clear()

    while index < len(pattern):
        char = pattern[index]
        if char == "{":
            close = pattern.find("}", index)
            if close < 0:
                raise ValueError(f"pattern {pattern!r}: '{{' at {index} is never closed")
            flush()
            name, _, kind = pattern[index + 1 : close].partition(":")
            kind = kind or "text"
            if not name.replace("_", "a").replace(".", "a").isalnum() or kind not in _TYPES:
                raise ValueError(f"pattern {pattern!r}: bad placeholder {pattern[index : close + 1]!r}")
            if tokens and isinstance(tokens[-1], _Placeholder):
                raise ValueError(f"pattern {pattern!r}: two placeholders need a literal between them")
            tokens.append(_Placeholder(name, kind))
            index = close + 1
        elif char in "[]":
            flush()
            depth += 1 if char == "[" else -1
            if depth not in (0, 1):
                raise ValueError(f"pattern {pattern!r}: square brackets must pair and not nest")
            tokens.append(_Bracket(char == "["))
            index += 1
        else:
            literal.append(char)
            index += 1
    flush()
    if depth:
        raise ValueError(f"pattern {pattern!r}: '[' is never closed")
    if not any(isinstance(token, _Placeholder) for token in tokens):
        raise ValueError(f"pattern {pattern!r} has no placeholder")
    return tuple(tokens)


def placeholder_names(pattern: str) -> tuple[str, ...]:
    """The names of a pattern's placeholders.

    Raises:
        ValueError: The pattern is malformed (see :func:`compile_pattern`).
    """
    return tuple(token.name for token in compile_pattern(pattern) if isinstance(token, _Placeholder))


@attrs.frozen
class Capture:
    """What one placeholder captured: the passage, and the evidence to quote for it."""

    name: str
    start: int
    end: int
    evidence_start: int
    evidence_end: int


@attrs.frozen
class PatternMatch:
    """The captures of a matched pattern, in pattern order."""

    captures: tuple[Capture, ...]


def match_pattern(pattern: str, text: str, start: int, end: int) -> PatternMatch | None:
    """Match *pattern* against ``text[start:end]`` (one line, already trimmed of blanks)."""
    tokens = compile_pattern(pattern)
    quick = fold_text(text[start:end])
    if any(token.text.strip() not in quick for token in tokens if isinstance(token, _Literal)):
        return None  # a literal is missing: no need for the slower fold that keeps offsets
    folded, offsets = fold(text, start, end)
    if not folded:
        return None
    real = [index for index, token in enumerate(tokens) if not isinstance(token, _Bracket)]
    literals = [index for index in real if isinstance(tokens[index], _Literal)]
    last = tokens[real[-1]]
    ends_free = isinstance(last, _Placeholder) and last.type in _FREE
    places: dict[int, tuple[int, int]] = {}  # token index -> span in folded text
    pending: int | None = None  # the index of a free placeholder waiting for the literal that ends it
    waiting = _Placeholder("", "text")  # and the placeholder itself
    pending_at = 0
    pos = 0
    for index in real:
        token = tokens[index]
        if isinstance(token, _Placeholder):
            if token.type in _FREE:
                pending, waiting, pending_at = index, token, pos
                continue
            consumed = _typed(token.type, folded, pos)
            if consumed is None:
                return None
            places[index] = (pos, consumed)
            pos = consumed
            continue
        assert isinstance(token, _Literal)  # brackets were filtered out above
        if pending is None:
            if not folded.startswith(token.text, pos):
                return None
            found = pos
        elif index == real[-1]:
            found = len(folded) - len(token.text)  # a final literal ends the line
            if found <= pending_at or not folded.endswith(token.text):
                return None
        elif index == literals[-1] and ends_free:
            found = folded.rfind(token.text, pending_at + 1)
        else:
            found = folded.find(token.text, pending_at + 1)
        if found < 0:
            return None
        if pending is not None:
            span = _free_span(waiting, folded, pending_at, found, text=text, offsets=offsets)
            if span is None:
                return None
            places[pending] = span
            pending = None
        places[index] = (found, found + len(token.text))
        pos = found + len(token.text)
    if pending is not None:
        span = _free_span(waiting, folded, pending_at, len(folded), text=text, offsets=offsets)
        if span is None:
            return None
        places[pending] = span
    elif pos != len(folded):
        return None
    return PatternMatch(tuple(_captures(tokens, places, offsets)))


def _free_span(
    placeholder: _Placeholder, folded: str, start: int, end: int, *, text: str, offsets: list[int]
) -> tuple[int, int] | None:
    while start < end and folded[start] == " ":
        start += 1
    while end > start and folded[end - 1] in " ,;:":
        end -= 1
    if end == len(folded) and end > start and folded[end - 1] == "." and placeholder.name != "_":
        end -= 1
    if end <= start:
        return None
    if placeholder.type == "date":
        if end - start > 120:
            return None

        passage = text[offsets[start] : offsets[end - 1] + 1]
        if _NOT_A_MEETING_DATE.search(passage):
            return None  # "Revision as of 13:22, 14 September 2023": a wiki's stamp, not the session's date
        try:
            when = parse_when(passage)
        except DateParseError:
            return None
        first = when.start if isinstance(when, DateRange) else when
        if first is None or first.month is None:
            return None  # "EuroDIG 2014 | Programme": a year in a title line is not the session's date
    return start, end


def _typed(kind: str, folded: str, pos: int) -> int | None:
    end = pos
    if kind in ("int", "year"):
        while end < len(folded) and folded[end].isdigit() and folded[end].isascii():
            end += 1
        if end == pos or (kind == "year" and (end - pos != 4 or not "1990" <= folded[pos:end] <= "2100")):
            return None
        return end
    # code: letters (and single spaces between words), then an optional '#', then digits
    while end < len(folded) and (folded[end].isalpha() or (folded[end] == " " and end > pos)):
        end += 1
        if end - pos > 40:
            return None
    if end == pos:
        return None
    words = folded[pos:end].strip()
    if words not in CODE_WORDS and (len(words) > 4 or " " in words):
        return None  # "Report Page 1" is not a session id; "WS 8", "OF #27", "Open Forum #61" are
    if end < len(folded) and folded[end] == "#":
        end += 1
    elif end > pos and folded[end - 1] != " " and end < len(folded) and not folded[end].isdigit():
        return None
    if end < len(folded) and folded[end] == " ":
        end += 1
    digits = end
    while end < len(folded) and folded[end].isdigit() and folded[end].isascii():
        end += 1
    if end == digits:
        return None
    return end


def _captures(tokens: tuple[_Token, ...], places: dict[int, tuple[int, int]], offsets: list[int]) -> list[Capture]:
    evidence: dict[int, tuple[int, int]] = {}
    opened: int | None = None
    inside: list[int] = []
    for index, token in enumerate(tokens):
        if isinstance(token, _Bracket):
            if token.opening:
                following = next((i for i in range(index + 1, len(tokens)) if i in places), None)
                opened = places[following][0] if following is not None else None
                inside = []
            else:
                before = next((i for i in range(index - 1, -1, -1) if i in places), None)
                if opened is not None and before is not None:
                    for member in inside:
                        evidence[member] = (opened, places[before][1])
                opened = None
        elif isinstance(token, _Placeholder) and opened is not None:
            inside.append(index)
    out: list[Capture] = []
    for index, token in enumerate(tokens):
        if not isinstance(token, _Placeholder):
            continue
        start, end = places[index]
        ev_start, ev_end = evidence.get(index, (start, end))
        out.append(
            Capture(token.name, offsets[start], offsets[end - 1] + 1, offsets[ev_start], offsets[ev_end - 1] + 1)
        )
    return out
