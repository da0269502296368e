"""Session formats and kinds as documents word them ("Round Table - 90 Min", "Open Forum #100")."""

from __future__ import annotations

from typing import TypeVar

from govrecords.importers._text import fold
from govrecords.vocabulary import SessionFormat, SessionKind

__all__ = ["find_format", "find_kind", "find_term"]

E = TypeVar("E")

# Longest first, so "panel discussion" is read before "panel".
FORMAT_WORDING: tuple[tuple[str, SessionFormat], ...] = (
    ("birds of a feather", SessionFormat.BIRDS_OF_A_FEATHER),
    ("panel discussion", SessionFormat.PANEL),
    ("round table", SessionFormat.ROUND_TABLE),
    ("round-table", SessionFormat.ROUND_TABLE),
    ("roundtable", SessionFormat.ROUND_TABLE),
    ("break-out", SessionFormat.BREAK_OUT),
    ("break out", SessionFormat.BREAK_OUT),
    ("breakout", SessionFormat.BREAK_OUT),
    ("presentation", SessionFormat.PRESENTATION),
    ("tutorial", SessionFormat.TUTORIAL),
    ("debate", SessionFormat.DEBATE),
    ("panel", SessionFormat.PANEL),
    ("bof", SessionFormat.BIRDS_OF_A_FEATHER),
)

KIND_WORDING: tuple[tuple[str, SessionKind], ...] = (
    ("best practice forum", SessionKind.BEST_PRACTICE_FORUM),
    ("dynamic coalition", SessionKind.DYNAMIC_COALITION),
    ("feeder workshop", SessionKind.FEEDER_WORKSHOP),
    ("lightning talk", SessionKind.LIGHTNING_TALK),
    ("flash session", SessionKind.FLASH_SESSION),
    ("main session", SessionKind.MAIN_SESSION),
    ("open forum", SessionKind.OPEN_FORUM),
    ("pre-event", SessionKind.PRE_EVENT),
    ("day zero", SessionKind.PRE_EVENT),
    ("day 0", SessionKind.PRE_EVENT),
    ("workshop", SessionKind.WORKSHOP),
    ("plenary", SessionKind.PLENARY),
    ("bpf", SessionKind.BEST_PRACTICE_FORUM),
)

_SEARCH_LIMIT = 2000


def find_term(table: tuple[tuple[str, E], ...], text: str, start: int, end: int) -> tuple[E, tuple[int, int]] | None:
    """The first term of *table* (in table order) found as whole words in ``text[start:end]``, and its span."""
    folded, offsets = fold(text, start, min(end, start + _SEARCH_LIMIT))
    for term, value in table:
        at = folded.find(term)
        while at >= 0:
            after = at + len(term)
            if (at == 0 or not folded[at - 1].isalnum()) and (after >= len(folded) or not folded[after].isalnum()):
                return value, (offsets[at], offsets[after - 1] + 1)
            at = folded.find(term, at + 1)
    return None


def find_format(text: str, start: int, end: int) -> tuple[SessionFormat, tuple[int, int]] | None:
    """The session format a passage names, and where.

    >>> find_format("Round Table - 90 Min", 0, 20)
    (<SessionFormat.ROUND_TABLE: 'round_table'>, (0, 11))
    """
    return find_term(FORMAT_WORDING, text, start, end)


def find_kind(text: str, start: int, end: int) -> tuple[SessionKind, tuple[int, int]] | None:
    """The session kind a passage names, and where.

    >>> find_kind("A Workshop on Enhanced Cooperation", 0, 34)
    (<SessionKind.WORKSHOP: 'workshop'>, (2, 10))
    """
    return find_term(KIND_WORDING, text, start, end)
