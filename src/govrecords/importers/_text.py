"""Lines, list markers and slugs over the text as given, with the lookup fold (from ``govrecords._fold``).

Nothing here copies or rewrites the text an importer reads: lines are offsets into
it, and :func:`fold` (the one lookup fold, kept in :mod:`govrecords._fold`)
returns the folded characters *with* the offset each came from, so a match found
in folded text maps back to the exact passage. Every function is a single forward
scan (no regular expression that can backtrack), so the importer stays linear in
the length of its input.
"""

from __future__ import annotations

import bisect
import re
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

from govrecords._fold import BLANKS, INVISIBLE, fold, fold_text, fold_tight, source_of, without_accents

__all__ = [
    "BLANKS",
    "Line",
    "LineRun",
    "Lines",
    "Marker",
    "collapse",
    "fold",
    "fold_text",
    "fold_tight",
    "is_blank",
    "line_column",
    "list_marker",
    "may_be_numbered",
    "slug",
    "source_of",
    "split_lines",
]

_NEWLINE = re.compile(r"\r\n|\r|\n")  # alternatives of fixed length: linear


class Line:
    """One line of the text: ``[start, end)`` without its terminator, ``[lead, trail)`` without blanks.

    A run of blank lines is one :class:`Line` (``blank`` true) that spans them
    all, so a text of a million empty lines costs one object, not a million.
    """

    __slots__ = ("blank", "end", "lead", "marker", "marker_read", "number", "start", "trail")

    def __init__(self, number: int, start: int, end: int, lead: int, trail: int) -> None:
        self.number = number
        self.start = start
        self.end = end
        self.lead = lead
        self.trail = trail
        self.blank = lead >= trail
        self.marker: Marker | None = None
        self.marker_read = False

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.start}-{self.end}, {self.lead}-{self.trail})"


def is_blank(text: str) -> bool:
    r"""Whether *text* holds nothing but blank characters.

    >>> is_blank("\u00a0\ufeff\t")
    True
    """
    return not text.strip(BLANKS)


_IN_LINE_BLANKS = "".join(char for char in BLANKS if char not in "\r\n")
# Each repetition must end with a line break, which the class excludes: linear.
_BLANK_RUN = re.compile("(?:[" + re.escape(_IN_LINE_BLANKS) + "]*(?:\r\n|\r|\n))+")


_SPLIT_PIECE = 1 << 13
"""How many characters of a text (at least: up to a line feed) :meth:`Lines.add_split_at_line_feeds` splits at once."""


class Lines(Sequence[Line]):
    """The lines of a text as numbers in arrays: a :class:`Line` object is made only when one is asked for.

    A text of short lines would otherwise keep an object and three numbers a line
    (some 170 bytes for an 11-byte line) for the whole import; here a line costs
    five array entries.
    """

    __slots__ = ("_end", "_lead", "_number", "_trail", "starts")

    def __init__(self, size: int) -> None:
        kind = "i" if size < 2**31 else "q"  # offsets into a text of *size* characters
        self.starts = array(kind)
        """Each line's ``start``, in order (for :mod:`bisect`)."""
        self._end = array(kind)
        self._lead = array(kind)
        self._trail = array(kind)
        self._number = array(kind)

    def add(self, number: int, start: int, end: int, lead: int, trail: int) -> None:
        """Add the next line."""
        self._number.append(number)
        self.starts.append(start)
        self._end.append(end)
        self._lead.append(lead)
        self._trail.append(trail)

    def __len__(self) -> int:
        return len(self.starts)

    def add_split_at_line_feeds(self, text: str) -> None:
        """Add the lines of a text with no carriage return: those :func:`split_lines` cuts, cut by ``str.split``.

        Each line's numbers go straight into the arrays (no call a line): on a text of short lines
        this pass is a good part of the import. The text is split a piece at a time (cut after a
        line feed), so the list of a piece's lines is all there is at once, never the whole text's.
        """
        add_number, add_start, add_end = self._number.append, self.starts.append, self._end.append
        add_lead, add_trail = self._lead.append, self._trail.append
        pos = 0
        run: tuple[int, int, int] | None = None  # a run of blank lines: its first line's number, start, last break
        size = len(text)
        number = 0
        while True:
            cut = text.find("\n", pos + _SPLIT_PIECE) if pos + _SPLIT_PIECE < size else -1
            parts = text[pos : size if cut < 0 else cut].split("\n")
            final = number + len(parts) - 1 if cut < 0 else size + 1  # the text's last line is never in a run
            for number, raw in enumerate(parts, number + 1):  # noqa: B020  # the count goes on from piece to piece
                end = pos + len(raw)
                left = raw.lstrip(BLANKS)  # no line break in *raw*: blank in a line and blank overall are the same
                if not left and number <= final:
                    run = (number, pos, end) if run is None else (run[0], run[1], end)
                    pos = end + 1
                    continue
                if run is not None:
                    add_number(run[0])
                    add_start(run[1])
                    add_end(run[2])
                    add_lead(run[2])
                    add_trail(run[2])
                    run = None
                add_number(number)
                add_start(pos)
                add_end(end)
                if left:
                    lead = end - len(left)
                    add_lead(lead)
                    add_trail(lead + len(left.rstrip(BLANKS)))
                else:
                    add_lead(end)
                    add_trail(end)
                pos = end + 1
            if cut < 0:
                return

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> list[Line]: ...
    def __getitem__(self, index: int | slice) -> Line | list[Line]:
        if isinstance(index, slice):
            return [self._line(at) for at in range(*index.indices(len(self.starts)))]
        if index < 0:
            index += len(self.starts)
        if not 0 <= index < len(self.starts):
            raise IndexError("line index out of range")
        return self._line(index)

    def _line(self, at: int) -> Line:
        return Line(self._number[at], self.starts[at], self._end[at], self._lead[at], self._trail[at])

    def __iter__(self) -> Iterator[Line]:
        for number, start, end, lead, trail in zip(
            self._number, self.starts, self._end, self._lead, self._trail, strict=True
        ):
            yield Line(number, start, end, lead, trail)

    def iter_from(self, at: int, stop: int | None = None) -> Iterator[Line]:
        """The lines from index *at* on (up to index *stop*), made one at a time."""
        for index in range(at, len(self.starts) if stop is None else stop):
            yield self._line(index)

    def _add_cut(self, run: LineRun, at: int, start: int, end: int) -> None:
        """Add line *at* to *run*, cut to ``[start, end)`` (a line of its own when that cuts it)."""
        lead, trail = max(self._lead[at], start), min(self._trail[at], end)
        if lead == self._lead[at] and trail == self._trail[at]:
            run.append_index(self, at)
        else:
            run.append(Line(self._number[at], self.starts[at], self._end[at], lead, trail))

    def between(self, start: int, end: int) -> LineRun:
        """The lines of ``text[start:end]``, the first and last cut to the span, blank lines at either end dropped.

        Only the first and last lines the span touches can be cut (any other lies inside it), so the
        run is a range of these lines with at most two cut ones at its ends: no line is made but those.
        """
        starts, leads, trails = self.starts, self._lead, self._trail
        first = max(0, bisect.bisect_right(starts, start) - 1)
        stop = bisect.bisect_left(starts, end, first)
        run = LineRun(self)
        if first >= stop:
            return run

        def kept(at: int) -> bool:  # whether line *at* holds text of the span
            return min(trails[at], end) > max(leads[at], start)

        while first < stop and not kept(first):
            first += 1  # blank, or holding none of the span
        while stop > first and not kept(stop - 1):
            stop -= 1
        if first >= stop:
            return run
        last = stop - 1
        self._add_cut(run, first, start, end)
        if last > first:
            run.append_indices(self, first + 1, last)
            self._add_cut(run, last, start, end)
        return run

    def line_column(self, offset: int) -> tuple[int, int]:
        """:func:`line_column` of *offset*, without making the line."""
        at = max(0, bisect.bisect_right(self.starts, offset) - 1)
        return self._number[at], offset - self.starts[at] + 1

    def __repr__(self) -> str:
        return f"Lines({list(self)!r})"


class LineRun(Sequence[Line]):
    """Some lines of a text, in order, kept as ranges of its :class:`Lines` (a :class:`Line` made when asked for).

    A block of a hundred thousand short lines would otherwise hold a hundred thousand line
    objects; here a range of consecutive lines costs three numbers, however long. A line that
    is not one of the text's lines as split (a line cut after a label, or to a span) is kept
    as its own object.
    """

    __slots__ = ("_at", "_count", "_first", "_lines", "_own")

    def __init__(self, lines: Lines | None = None) -> None:
        self._lines = lines
        self._at = array("q")
        """Where each segment starts in the run."""
        self._first = array("q")
        """Each segment's first index into the text's lines (-1: a line of its own, in ``_own``)."""
        self._count = 0
        self._own: dict[int, Line] = {}
        """The lines of their own, by segment."""

    @classmethod
    def of(cls, lines: Iterable[Line]) -> LineRun:
        """A run of these line objects."""
        run = cls()
        for line in lines:
            run.append(line)
        return run

    def append(self, line: Line) -> None:
        """Add a line of its own."""
        self._own[len(self._at)] = line
        self._at.append(self._count)
        self._first.append(-1)
        self._count += 1

    def append_index(self, lines: Lines, index: int) -> None:
        """Add the line at *index* of the text's *lines* (those of every range of the run)."""
        if self._lines is None:
            self._lines = lines
        first = self._first
        if first and first[-1] >= 0 and first[-1] + self._count - self._at[-1] == index:
            self._count += 1  # it goes on with the last range
            return
        self._at.append(self._count)
        first.append(index)
        self._count += 1

    def append_indices(self, lines: Lines, start: int, stop: int) -> None:
        """Add the lines from index *start* up to *stop* of the text's *lines*."""
        if stop <= start:
            return
        self.append_index(lines, start)
        self._count += stop - start - 1

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def _get(self, position: int) -> Line:
        segment = bisect.bisect_right(self._at, position) - 1
        first = self._first[segment]
        if first < 0:
            return self._own[segment]
        assert self._lines is not None  # a range is only added to a run of a text's lines
        return self._lines[first + position - self._at[segment]]

    @overload
    def __getitem__(self, index: int) -> Line: ...
    @overload
    def __getitem__(self, index: slice) -> LineRun: ...
    def __getitem__(self, index: int | slice) -> Line | LineRun:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            if step != 1:
                return LineRun.of([self._get(at) for at in range(start, stop, step)])
            return self._slice(start, stop)
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("line index out of range")
        return self._get(index)

    def _slice(self, start: int, stop: int) -> LineRun:
        run = LineRun(self._lines)
        if stop <= start:
            return run
        at, firsts = self._at, self._first
        segment = bisect.bisect_right(at, start) - 1
        while segment < len(at) and at[segment] < stop:
            begin = max(start, at[segment])
            end = min(stop, at[segment + 1] if segment + 1 < len(at) else self._count)
            first = firsts[segment]
            if first < 0:
                run.append(self._own[segment])
            else:
                assert self._lines is not None  # a range is only added to a run of a text's lines
                run.append_indices(self._lines, first + begin - at[segment], first + end - at[segment])
            segment += 1
        return run

    def __iter__(self) -> Iterator[Line]:
        at, firsts, count = self._at, self._first, self._count
        for segment, first in enumerate(firsts):
            if first < 0:
                yield self._own[segment]
                continue
            assert self._lines is not None
            size = (at[segment + 1] if segment + 1 < len(at) else count) - at[segment]
            yield from self._lines.iter_from(first, first + size)

    def __reversed__(self) -> Iterator[Line]:
        for position in range(self._count - 1, -1, -1):
            yield self._get(position)

    def __repr__(self) -> str:
        return f"LineRun({list(self)!r})"


def split_lines(text: str) -> Lines:
    r"""The lines of *text*, split at ``\r\n``, ``\r`` or ``\n`` (a run of blank lines as one).

    >>> [(line.number, line.lead, line.trail) for line in split_lines(" a \r\n\n\nbc")]
    [(1, 1, 2), (2, 6, 6), (4, 7, 9)]
    """
    lines = Lines(len(text))
    if "\r" not in text:
        lines.add_split_at_line_feeds(text)
        return lines
    pos = 0
    number = 1
    size = len(text)
    while True:
        run = _BLANK_RUN.match(text, pos)
        if run is not None:
            end = run.end()
            breaks = text.count("\n", pos, end) + text.count("\r", pos, end) - text.count("\r\n", pos, end)
            last = end - 2 if text.startswith("\r\n", end - 2) else end - 1
            lines.add(number, pos, last, last, last)
            number += breaks
            pos = end
            continue
        found = _NEWLINE.search(text, pos)
        stop = found.start() if found is not None else size
        _line(lines, text[pos:stop], number, pos, stop)
        if found is None:
            return lines
        number += 1
        pos = found.end()


def _line(lines: Lines, raw: str, number: int, start: int, end: int) -> None:
    """Add the line ``raw = text[start:end]``, its blanks at either end trimmed for its lead and trail."""
    left = raw.lstrip(BLANKS)
    if not left:
        lines.add(number, start, end, end, end)
        return
    lead = start + len(raw) - len(left)
    lines.add(number, start, end, lead, lead + len(left.rstrip(BLANKS)))


def line_column(lines: Sequence[Line], offset: int, starts: Sequence[int] | None = None) -> tuple[int, int]:
    """The 1-based line and column of character *offset* (which must not fall inside a run of blank lines).

    Args:
        lines: The lines, from :func:`split_lines`.
        offset: A character offset into the text.
        starts: Each line's ``start``, if already at hand.
    """
    if isinstance(lines, Lines):
        return lines.line_column(offset)
    if starts is None:
        starts = [line.start for line in lines]
    line = lines[max(0, bisect.bisect_right(starts, offset) - 1)]
    return line.number, offset - line.start + 1


_COLLAPSE_PIECE = 1 << 13
"""How many characters of a passage (at least: up to a blank) :func:`collapse` splits into words at once."""
_SPACE = re.compile(r"\s")
"""A character ``str.split()`` splits at (the same set: both are :meth:`str.isspace`)."""


def collapse(passage: str) -> str:
    r"""A passage as a record value: invisible characters dropped, white space runs made one space.

    >>> collapse(" innovation.\u201d\u00a0\u00a0 In prac\u00adtice ")
    'innovation.\u201d In practice'
    """
    for char in INVISIBLE:
        if char in passage:
            passage = passage.replace(char, "")
    if len(passage) <= _COLLAPSE_PIECE:
        return " ".join(passage.split())
    # a long passage a piece at a time, each cut at a blank (no word is cut): the list of a piece's
    # words is all there is at once (a word a line would otherwise cost some 60 bytes a line)
    parts: list[str] = []
    pos, size = 0, len(passage)
    while pos < size:
        found = _SPACE.search(passage, pos + _COLLAPSE_PIECE) if pos + _COLLAPSE_PIECE < size else None
        stop = found.start() if found is not None else size
        part = " ".join(passage[pos:stop].split())
        if part:
            parts.append(part)
        pos = stop
    return " ".join(parts)


class Marker:
    """A list marker at the start of a line: ``1)``, ``a.``, ``(iv)``, ``*``, ``•``..."""

    __slots__ = ("content", "end", "numbered", "start")

    def __init__(self, start: int, end: int, content: int, *, numbered: bool) -> None:
        self.start = start
        self.end = end
        self.content = content
        self.numbered = numbered


_BULLETS = frozenset("*\u2022\u00b7\u25aa\u25ba\u25e6\u2023\u2043\u25cb\u25cf\u25a0\u25a1\u27a2\u2713\u2219")
_DASH_BULLETS = frozenset("-\u2013\u2014")
_ROMAN = frozenset({"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"})


def list_marker(text: str, line: Line) -> Marker | None:
    """The list marker that opens *line*, if any.

    Numbers and letters need a closing ``)`` or ``.`` (``.`` only before a blank,
    so "1.5 billion" and "e.g." are not markers); dashes need a blank after them.
    """
    if not line.marker_read:
        line.marker = _find_marker(text, line)
        line.marker_read = True
    return line.marker


_MARKER_START = frozenset("(0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") | _BULLETS | _DASH_BULLETS


# What every numbered marker opens with: a first look in C that most lines (a word, a name) fail.
_NUMBERISH = re.compile(r"\(?[0-9A-Za-z]{1,4}[).]")


def may_be_numbered(text: str, at: int, end: int) -> bool:
    """Whether ``text[at:end]`` may open with a numbered list marker (``1)``, ``a.``, ``(iv)``): a first look."""
    return _NUMBERISH.match(text, at, end) is not None


def _find_marker(text: str, line: Line) -> Marker | None:
    at = line.lead
    if at >= line.trail or text[at] not in _MARKER_START:
        return None
    first = text[at]
    if first not in _BULLETS and first not in _DASH_BULLETS and _NUMBERISH.match(text, at, line.trail) is None:
        return None
    if first in _BULLETS or (first in _DASH_BULLETS and _blank_or_end(text, at + 1, line)):
        if first == "*" and at + 1 < line.trail and text[at + 1] == "*":
            return None  # "**bold**" is emphasis, not a bullet
        return Marker(at, at + 1, _skip_blanks(text, at + 1, line), numbered=False)
    opened = first == "("
    body = at + 1 if opened else at
    end = body
    limit = min(line.trail, body + 4)
    while end < limit and text[end].isascii() and text[end].isalnum():
        end += 1
    token = text[body:end]
    if not token or end >= line.trail:
        return None
    closer = text[end]
    if not _is_number_token(token, closer):
        return None
    if opened:
        if closer != ")":
            return None
    elif closer == "." and not _blank_or_end(text, end + 1, line) and not (token.isdigit() and text[end + 1].isalpha()):
        return None  # "1.5 billion" and "e.g." are not markers; "1.Proponent" is
    elif closer not in ").":
        return None
    return Marker(at, end + 1, _skip_blanks(text, end + 1, line), numbered=True)


def _is_number_token(token: str, closer: str) -> bool:
    if token.isdigit():
        return len(token) <= 3
    if len(token) == 1 and token.isalpha():
        return token.islower() or closer == ")"
    return token in _ROMAN


def _blank_or_end(text: str, at: int, line: Line) -> bool:
    return at >= line.trail or text[at] in BLANKS


def _skip_blanks(text: str, at: int, line: Line) -> int:
    while at < line.trail and text[at] in BLANKS:
        at += 1
    return at


_ARTICLES = frozenset({"the", "a", "an"})
_SLUG_WORD = re.compile(r"[^\W_]+")


def slug(text: str, *, max_words: int = 6) -> str:
    """A lower-case identifier from the first words of *text* (a leading article dropped).

    >>> slug("The Future of Internet : Where we go? And how?")
    'future-of-internet'
    >>> slug("Communiqu\u00e9 of the West Africa IGF")
    'communique-of-the-west-africa-igf'
    """
    head = text[:300]
    for stop in ":?!|\u2014":
        cut = head.find(stop)
        if cut > 0 and head[:cut].strip():
            head = head[:cut]
    plain = without_accents(fold_text(head))
    words = [word for word in _SLUG_WORD.findall(plain) if word.isascii()]
    if words and words[0] in _ARTICLES and len(words) > 1:
        words = words[1:]
    return "-".join(words[:max_words])
