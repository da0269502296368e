r"""Session identifiers and forum years in a document's head lines ("WS #12", "IGF 2019").

The field recognisers that work on any layout (this module, :mod:`._dates`,
:mod:`._cities`, :mod:`._titles`) read the fields wherever a document puts them,
for the values the template's labels did not give. Each returns the passage it
read (its span in the text) or None; the engine fills only fields still empty.

* :func:`find_identifier`: a session id the forum writes ("WS #12", "Open Forum
  #61", "Workshop 147", "PL 03") in the title lines.
* :func:`find_session_year`: the forum year ("IGF 2019") in the title lines.

>>> text = "Welcome to the IGF | Home\nIGF 2019 WS #12 Open data\n26 November 2019, 10:00-11:30 CET, Berlin, Germany\n"
>>> found = find_identifier(text)
>>> text[found[0] : found[1]]
'WS #12'
"""

from __future__ import annotations

import re

from govrecords.importers._text import BLANKS
from govrecords.importers._title_lines import CODE, SHORT_CODE, title_rejection

__all__ = ["HEAD_LIMIT", "find_identifier", "find_session_year", "head_lines"]

HEAD_LIMIT = 6000
"""How many characters from the start identifiers and cities in a header are looked for in."""


def head_lines(text: str, limit: int) -> list[tuple[int, int]]:
    """The spans of the non-blank lines of ``text[:limit]``, without their blanks."""
    out: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\r\n]+", text[:limit]):
        start, end = match.span()
        while start < end and text[start] in BLANKS:
            start += 1
        while end > start and text[end - 1] in BLANKS:
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def find_identifier(text: str, lines: int = 8) -> tuple[int, int] | None:
    """The span of the session id in the first *lines* non-blank lines, or None.

    A bare word ("Workshop 3") counts only on a short title-like line; a code
    with ``#`` or an abbreviation ("WS 08", "OF #27") on any of them.

    >>> text = "Regulating algorithms - PL 03 2017"
    >>> found = find_identifier(text)
    >>> text[found[0] : found[1]]
    'PL 03'
    """
    for start, end in head_lines(text, HEAD_LIMIT)[:lines]:
        line = text[start:end]
        if title_rejection(line) == "boilerplate":
            continue
        for match in CODE.finditer(line):
            code = match.group()
            strong = "#" in code or SHORT_CODE.match(code) is not None
            if not strong and (len(line) > 140 or line.rstrip().endswith(".")):
                continue
            if not strong and re.search(r"\d{1,4}\s*$", code) and _followed_by_sentence(line, match.end()):
                continue
            return start + match.start(), start + match.end()
    return None


_FORUM_YEAR = re.compile(r"\bIGF\s+((?:19|20)\d{2})\b")


def find_session_year(text: str, lines: int = 8) -> tuple[int, int] | None:
    """The span of the year in a session id line ("IGF 2022 WS #341 ..."), or None.

    The year of the forum the session belongs to: a date precise to the year,
    for a page that states nothing finer.

    >>> text = "IGF 2022 WS #341 Repair rights"
    >>> found = find_session_year(text)
    >>> text[found[0] : found[1]]
    '2022'
    """
    for start, end in head_lines(text, HEAD_LIMIT)[:lines]:
        line = text[start:end]
        year = _FORUM_YEAR.search(line)
        if year is not None and CODE.search(line, year.end()) is not None:
            return start + year.start(1), start + year.end(1)
    return None


def _followed_by_sentence(line: str, at: int) -> bool:
    rest = line[at:].strip()
    return bool(rest) and rest[0].islower()
