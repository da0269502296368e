"""Splitting a value into paragraphs and list items, as spans of the text.

A value is a run of lines. :func:`pieces` cuts it into paragraphs (separated by
blank lines) and list items (a line opening with ``1)``, ``a.``, ``*``, ``•``...,
with its continuation lines), in order, as spans of the text. The phrases that
state a force or a consensus are found by :mod:`govrecords.importers._vocab`.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Generic, TypeVar

import attrs

from govrecords.importers._text import BLANKS, Line, list_marker

__all__ = ["Ahead", "Piece", "iter_pieces", "pieces", "split_lines_of", "trim_lead_in"]


@attrs.frozen
class Piece:
    """A paragraph (``marker`` None) or a list item, as spans of the text."""

    start: int
    end: int
    marker: tuple[int, int] | None = None
    numbered: bool = False
    lines: int = 1

    @property
    def is_item(self) -> bool:
        """Whether it is a list item."""
        return self.marker is not None


def pieces(text: str, lines: Iterable[Line]) -> list[Piece]:
    """Cut *lines* into paragraphs and list items, in order.

    A list item runs on over the lines that follow it until the next marker or a
    blank line; after a blank line, only a line indented deeper than the marker
    continues it.
    """
    return list(iter_pieces(text, lines))


def iter_pieces(text: str, lines: Iterable[Line]) -> Iterator[Piece]:
    """:func:`pieces`, one at a time: a value of many lines is never held as a list of pieces."""
    start = end = -1
    marker: tuple[int, int] | None = None
    numbered = False
    count = 0
    indent = 0
    blank_before = False

    def flush() -> Piece | None:
        nonlocal start, marker, count
        piece = None
        if start >= 0 and end > start:
            piece = Piece(start, end, marker, numbered, count)
        elif marker is not None:
            piece = Piece(marker[1], marker[1], marker, numbered, count)
        start = -1
        marker = None
        count = 0
        return piece

    for line in lines:
        if line.blank:
            blank_before = True
            if marker is None and (piece := flush()) is not None:
                yield piece
            continue
        found = list_marker(text, line)
        if found is not None:
            if (piece := flush()) is not None:
                yield piece
            marker = (found.start, found.end)
            numbered = found.numbered
            # a byte order mark before the first line's marker is not indentation
            indent = found.content - line.start - text.count("\ufeff", line.start, found.start)
            start = found.content if found.content < line.trail else -1
            end = line.trail
            count = 1
        elif marker is not None and blank_before and not _continues(text, line, indent):
            if (piece := flush()) is not None:
                yield piece
            start, end, count = line.lead, line.trail, 1
        elif start < 0 and marker is None:
            start, end, count = line.lead, line.trail, 1
        else:
            if start < 0:
                start = line.lead
            end = line.trail
            count += 1
        blank_before = False
    if (piece := flush()) is not None:
        yield piece


T = TypeVar("T")


class Ahead(Generic[T]):
    """An iterator whose reader may look at what comes next without taking it.

    What is looked at is kept until it is taken, and only that: a reader that looks one
    item ahead holds one.
    """

    __slots__ = ("_buffer", "_items")

    def __init__(self, items: Iterable[T]) -> None:
        self._items = iter(items)
        self._buffer: deque[T] = deque()

    def __iter__(self) -> Iterator[T]:
        return self

    def __next__(self) -> T:
        if self._buffer:
            return self._buffer.popleft()
        return next(self._items)

    def peek(self) -> T | None:
        """The next item, not taken (None at the end)."""
        if not self._buffer:
            for item in self._items:
                self._buffer.append(item)
                break
            else:
                return None
        return self._buffer[0]

    def following(self) -> Iterator[T]:
        """The items still to come, from the next on, none taken (those looked at are kept until taken)."""
        at = 0
        while True:
            if at < len(self._buffer):
                yield self._buffer[at]
                at += 1
                continue
            for item in self._items:
                self._buffer.append(item)
                break
            else:
                return


def _continues(text: str, line: Line, indent: int) -> bool:
    """After a blank line, a line continues a list item only if indented with plain spaces or tabs to its text.

    Lines led by a non-breaking space are pasted web text, not indentation.
    """
    return line.lead - line.start >= indent > 0 and all(char in " \t" for char in text[line.start : line.lead])


def split_lines_of(text: str, lines: Sequence[Line], piece: Piece) -> list[tuple[int, int]]:
    """The non-blank lines of a paragraph, as spans (for one question per line)."""
    return [
        (max(line.lead, piece.start), min(line.trail, piece.end))
        for line in lines
        if not line.blank and line.trail > piece.start and line.lead < piece.end
    ]


def trim_lead_in(text: str, start: int, end: int) -> tuple[int, int]:
    """A lead-in sentence without its closing colon: "We strongly suggest :" -> "We strongly suggest"."""
    while end > start and (text[end - 1] in BLANKS or text[end - 1] in ":\uff1a;,-\u2013"):
        end -= 1
    return start, end
