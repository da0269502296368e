r"""Whole-text scans that skip, in C, the text where no match can start.

Some readers look for a cue anywhere in the text (``"speakers included"``,
``"Proposer's Organization:"``). Their regular expressions are case-insensitive,
so Python's engine cannot skip ahead to a literal: it tries the pattern at
every position whose letter could open it, and on a long text that is most of
the import's time. Each such cue opens with one of a few words, though, so
:func:`finditer` first finds where those words are (``str.find`` on the text in
lower case, in C) and tries the pattern only there. The matches are exactly
those of ``pattern.finditer(text)``:

- a match can start only where one of its opening words is, so no match is missed;
- ``pattern.match(text, at)`` reads the characters before *at* for ``\b`` and
  lookbehinds as a search reaching *at* does, so each match found is the same;
- candidates are tried in order and those inside the last match skipped, as
  ``finditer`` skips past each match.

Lowering the text maps each character to the one the regular expression engine
compares it as, except for a few characters (:data:`_UNFAITHFUL`); a text that
holds one is scanned the ordinary way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

__all__ = ["Lowered", "Starts", "after_blanks", "finditer"]

Starts = int | Callable[[str, int], Iterable[int]]
"""How far before a word a match may start: a number of characters, or, given the text
searched and where the word is, the places a match holding it may start."""


def after_blanks(*lengths: int) -> Callable[[str, int], Iterable[int]]:
    r"""Starts for a word that follows blanks and one of some words of these *lengths* (``"primary contact"``).

    The blanks are those ``[\s\u00a0]`` matches: the characters :meth:`str.isspace` accepts.
    """

    def starts(text: str, at: int) -> Iterable[int]:
        while at > 0 and text[at - 1].isspace():
            at -= 1
        return [at - length for length in lengths if at - length >= 0]

    return starts


_UNFAITHFUL = ("\u0131", "\u017f")
"""Characters a case-insensitive pattern matches to an ASCII letter that lowering does not make it
(dotless i, long s). A third, capital I with a dot, lowers to two characters, which the length check catches."""


_CHUNK = 1 << 16
"""The text is lowered this many characters at a time: lowering a text beyond Latin-1 takes a
working buffer of twelve bytes a character, which on a whole long text would be the import's peak."""
_OVERLAP = 64
"""How far each lowered piece runs into the next (longer than any opening word)."""


class Lowered:
    """A text and, when it is faithful, its lower-case copy in pieces (made once, on first use)."""

    __slots__ = ("_low", "_made", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._low: list[tuple[int, str]] | None = None
        self._made = False

    @property
    def low(self) -> list[tuple[int, str]] | None:
        """The text lowered, in pieces with the offset of each; None if it is not faithful.

        Faithful: each character lowers to the one a case-insensitive pattern compares it as.
        """
        if not self._made:
            self._made = True
            text = self.text
            if text.isascii():
                self._low = [(0, text.lower())]
            elif not any(char in text for char in _UNFAITHFUL):
                pieces: list[tuple[int, str]] = []
                for at in range(0, len(text), _CHUNK):
                    piece = text[at : at + _CHUNK + _OVERLAP]
                    low = piece.lower()
                    if len(low) != len(piece):
                        return None
                    pieces.append((at, low))
                self._low = pieces
        return self._low


def _positions(text: str, pieces: list[tuple[int, str]], words: Iterable[tuple[str, Starts]]) -> list[int]:
    """Where a match may start: each place a word occurs, moved back as its pair says; sorted, without repeats."""
    found: set[int] = set()
    for word, back in words:
        for offset, where in pieces:
            at = where.find(word)
            while at >= 0:
                place = offset + at
                if isinstance(back, int):
                    if place >= back:
                        found.add(place - back)
                else:
                    found.update(back(text, place))
                at = where.find(word, at + 1)
    return sorted(found)


def finditer(
    pattern: re.Pattern[str], lowered: Lowered, words: Iterable[tuple[str, Starts]], *, folded: bool = True
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, trying *pattern* only where one of *words* puts a possible start.

    Args:
        pattern: The pattern; it must never match the empty string unless every
            match it makes is empty.
        lowered: The text.
        words: Pairs of a word one of which every match holds (in lower case when
            *folded*) and where, from where that word is, the match may start
            (:data:`Starts`): together they must give every place a match starts.
        folded: Whether to look for *words* in the lowered text (the pattern is
            case-insensitive) rather than in the text as it is.
    """
    text = lowered.text
    pieces = lowered.low if folded else [(0, text)]
    if pieces is None:
        yield from pattern.finditer(text)
        return
    reached = -1
    for at in _positions(text, pieces, words):
        if at < reached:
            continue
        found = pattern.match(text, at)
        if found is not None:
            yield found
            reached = found.end() if found.end() > at else at + 1
