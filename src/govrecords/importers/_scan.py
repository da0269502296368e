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

    def starts(where: str, at: int) -> Iterable[int]:
        while at > 0 and where[at - 1].isspace():
            at -= 1
        return [at - length for length in lengths if at - length >= 0]

    return starts


_UNFAITHFUL = ("\u0131", "\u017f")
"""Characters a case-insensitive pattern matches to an ASCII letter that lowering does not make it
(dotless i, long s). A third, capital I with a dot, lowers to two characters, which the length check catches."""


class Lowered:
    """A text and, when it is faithful, its lower-case copy (made once, on first use)."""

    __slots__ = ("_low", "_made", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self._low: str | None = None
        self._made = False

    @property
    def low(self) -> str | None:
        """``text.lower()`` if each character lowers to the one a case-insensitive pattern compares it as, else None."""
        if not self._made:
            self._made = True
            text = self.text
            if not text.isascii() and any(char in text for char in _UNFAITHFUL):
                return None
            low = text.lower()
            self._low = low if len(low) == len(text) else None
        return self._low


def _positions(where: str, words: Iterable[tuple[str, Starts]]) -> list[int]:
    """Where a match may start: each place a word occurs, moved back as its pair says; sorted, without repeats."""
    found: set[int] = set()
    for word, back in words:
        at = where.find(word)
        while at >= 0:
            if isinstance(back, int):
                if at >= back:
                    found.add(at - back)
            else:
                found.update(back(where, at))
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
    where = lowered.low if folded else text
    if where is None:
        yield from pattern.finditer(text)
        return
    reached = -1
    for at in _positions(where, words):
        if at < reached:
            continue
        found = pattern.match(text, at)
        if found is not None:
            yield found
            reached = found.end() if found.end() > at else at + 1
