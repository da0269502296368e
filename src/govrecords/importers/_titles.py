"""A document's title: chosen among its first lines, then cut of session-id and status suffixes.

:func:`choose_title` takes the title among the first lines, with site banners,
navigation, datelines, mastheads that only name the forum, and form
instructions rejected (:mod:`._title_lines`); :func:`trim_title` cuts session-id
and status suffixes; :func:`is_document_type` tells a line that only names the
kind of document.
"""

from __future__ import annotations

import functools
import re

from govrecords.importers._identifiers import HEAD_LIMIT, head_lines
from govrecords.importers._registry import BUILT_IN, get
from govrecords.importers._text import fold_text
from govrecords.importers._title_lines import (
    BODY_STARTS,
    CODE,
    DOCUMENT_WORDS,
    FORUM_WORDS,
    is_masthead,
    title_rejection,
)

__all__ = ["TITLE_LINES", "choose_title", "is_document_type", "trim_title"]

TITLE_LINES = 14
"""How many non-blank lines from the start a title is looked for in."""


def choose_title(text: str, lines: int = TITLE_LINES) -> tuple[int, int, int] | None:
    r"""The span of the best title line among the first *lines* non-blank lines, and how many were passed over.

    The first line that is not boilerplate, navigation, a dateline, a label, a
    sentence or a masthead; a masthead only when nothing else qualifies before the
    body begins (a numbered section heading, a programme's time slot, prose).

    >>> text = "LESOTHO INTERNET GOVERNANCE FORUM\nMaseru, 21-22 May 2018\nReport of the Third Forum\n"
    >>> start, end, skipped = choose_title(text)
    >>> text[start:end], skipped
    ('Report of the Third Forum', 2)
    """
    masthead: tuple[int, int, int] | None = None
    spans = head_lines(text, HEAD_LIMIT)[:lines]
    for index, (start, end) in enumerate(spans):
        why = title_rejection(text[start:end])
        if why is None and _section_heading(text[start:end]):
            why = "heading"
        if why == "label":
            value = _title_label_value(text, start, end)
            if value is not None:
                return (*trim_title(text, *value), index)
        if why is None:
            if is_document_type(text[start:end]):
                return _with_masthead(text, spans, index)
            return (*trim_title(text, start, end), index)
        if why == "masthead" and masthead is None:
            masthead = (*trim_title(text, start, end), index)
        elif why in BODY_STARTS and masthead is not None:
            break  # the forum's name, then the body ("I. Introduction", a time slot, prose): the name is the title
    return masthead


_TITLE_LABEL = re.compile(
    r"[ \t*#>\u2022-]*(?:(?:session|workshop|event)\s+)?(?:title|name)(?:\s+of\s+(?:the\s+)?(?:session|workshop))?"
    r"\s*:[ \t]*(?=\S)",
    re.IGNORECASE,
)


def _title_label_value(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The value of a "Title: X" or "Session title: X" line, or None for any other label."""
    found = _TITLE_LABEL.match(text, start, end)
    if found is None or title_rejection(text[found.end() : end]) is not None:
        return None
    return found.end(), end


_DOCUMENT_TYPE_EXTRA = frozenset(
    {"final", "chair", "chairs", "chairman", "s", "outcome", "document", "of", "the", "and", "key"}
)


def is_document_type(line: str) -> bool:
    """Whether a line only names a kind of document ("COMMUNIQUE", "Final Report", "Chair's Summary").

    >>> is_document_type("COMMUNIQUÉ"), is_document_type("Communiqué on open data")
    (True, False)
    """
    words = re.findall(r"[^\W\d_]+", line.lower())
    return (
        0 < len(words) <= 4
        and any(word in DOCUMENT_WORDS for word in words)
        and all(word in DOCUMENT_WORDS or word in _DOCUMENT_TYPE_EXTRA for word in words)
    )


def _adjacent(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two lines follow each other with no blank line between them."""
    return text[first[1] : second[0]].count("\n") <= 1


def _with_masthead(text: str, spans: list[tuple[int, int]], index: int) -> tuple[int, int, int]:
    """A document-type line joined with the masthead written just above or below it, as one heading.

    "9th Coast Internet Governance Forum" over "COMMUNIQUE" is one title; a
    document-type line with no masthead beside it stays alone.
    """
    start, end = spans[index]
    if index > 0 and _adjacent(text, spans[index - 1], spans[index]):
        above = spans[index - 1]
        if is_masthead(text[above[0] : above[1]]) and not text[above[0] : above[1]].rstrip().endswith(":"):
            return above[0], end, index - 1
    if index + 1 < len(spans) and _adjacent(text, spans[index], spans[index + 1]):
        below = spans[index + 1]
        if is_masthead(text[below[0] : below[1]]):
            return start, below[1], index
    return (*trim_title(text, start, end), index)


@functools.lru_cache(maxsize=1)
def _headings() -> frozenset[str]:
    """The built-in templates' section labels, folded, less those that name a kind of document."""
    return frozenset(
        fold_text(alias)
        for name in BUILT_IN
        for label in get(name).labels
        if label.field not in ("title", "boilerplate")
        for alias in label.aliases
        if not is_document_type(alias)
    )


def _section_heading(line: str) -> bool:
    """Whether a line is only one of the built-in templates' section labels ("Policy questions", "Speakers").

    A label that names a kind of document ("Chair's Summary") is left to the title rules.
    """
    folded = fold_text(line.strip(" \t*#=_-\u2022>:"))
    return bool(folded) and folded in _headings()


_STATUS = re.compile(
    r"\s*(?:[-\u2013\u2014|:]\s*)?(?:\(\s*)?(?:draft\b[^)]*|raw|final|unedited|provisional|advance\s+copy)(?:\s*\))?\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s+[|\u2013\u2014\u00b7]\s+|\s+-\s+")


def trim_title(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut status stamps and session-id or year segments from a title; its new span.

    Status stamps: "- draft", "(draft for review)", "- RAW"; segments: "| IGF 2023
    Open Forum #61", "- PL 03 2017", "- 2010" (hyphens or dashes), a leading
    "IGF 2019 WS #12".

    >>> text = "Safe Harbours for Researchers | IGF 2023 Open Forum #61"
    >>> start, end = trim_title(text, 0, len(text))
    >>> text[start:end]
    'Safe Harbours for Researchers'
    """
    for _ in range(4):
        line = text[start:end]
        status = _STATUS.search(line)
        if status is not None and status.start() > 0:
            end = start + status.start()
            continue
        bracket = re.search(r"\s*\(([^()]{1,30})\)\s*$", line)
        if bracket is not None and bracket.start() > 0 and _is_code_or_year(bracket.group(1)):
            end = start + bracket.start()
            continue
        pieces = [(m.start(), m.end()) for m in _SEPARATOR.finditer(line)]
        if pieces:
            cut_at, resume = pieces[-1]
            tail = line[resume:]
            if _is_code_or_year(tail):
                end = start + cut_at
                continue
            head = line[: pieces[0][0]]
            if _is_code_or_year(head):
                start = start + pieces[0][1]
                continue
        code = CODE.search(line)
        if code is not None and _is_context(line[: code.start()]) and len(line[code.end() :].strip()) > 8:
            rest = line[code.end() :]
            start = start + code.end() + len(rest) - len(rest.lstrip(" :-\u2013\u2014|"))
            continue
        if code is not None and code.start() <= 20 and _is_code_or_year(line[: code.end()]):
            rest = line[code.end() :]
            offset = len(rest) - len(rest.lstrip(" :-\u2013\u2014|"))
            if len(rest.strip()) > 8:
                start = start + code.end() + offset
                continue
        break
    while end > start and text[end - 1] in " \t-\u2013\u2014|:,":
        end -= 1
    return start, end


def _is_context(head: str) -> bool:
    """Whether what stands before a session id in a title line only places it: forum, year, day, room.

    "African IGF 2017 - Day 2 - Main Hall -" and "IGF 2022 Day 3" do.
    """
    pieces = [p for p in _SEPARATOR.split(head) if p.strip(" -\u2013\u2014|")]
    if not pieces:
        return True
    for raw in pieces:
        piece = raw.strip(" -\u2013\u2014|")
        if re.fullmatch(r"(?i)(?:day\s+\d+|main\s+hall|plenary(?:\s+hall)?|(?:room|hall)\s+\w+)", piece):
            continue
        if re.fullmatch(r"(?i)(?:.*\b(?:igf|forum)\b.*?)(?:\s+day\s+\d+)?", piece) and (
            is_masthead(re.sub(r"(?i)\bday\s+\d+", " ", piece)) or _is_code_or_year(piece)
        ):
            continue
        return False
    return True


def _is_code_or_year(piece: str) -> bool:
    """Whether a title segment holds only a session id, a year, the forum's name and "Day N"."""
    rest = CODE.sub(" ", piece)
    rest = re.sub(r"\b(?:19|20)\d{2}\b|\bday\s+\d+\b", " ", rest, flags=re.IGNORECASE)
    words = re.findall(r"[^\W\d_]+", rest.lower())
    if not words:
        return bool(piece.strip())
    allowed = {"main", "hall", "room", "plenary", "session", "sessions", "workshop", "open", "town", "programme"}
    return all(word in FORUM_WORDS or word in allowed for word in words) and (
        CODE.search(piece) is not None or bool(re.search(r"\b(?:19|20)\d{2}\b", piece))
    )
