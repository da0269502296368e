"""Finding the vocabulary's wordings in a passage, with their spans: session kinds and formats, force, consensus.

The tables themselves live beside their enums in :mod:`govrecords.vocabulary`;
here they are searched in the folded passage (:func:`govrecords._fold.fold`), and
each match is mapped back to the characters it came from so it can be quoted.
"""

from __future__ import annotations

from typing import TypeVar

from govrecords.importers._text import fold
from govrecords.vocabulary import (
    CONSENSUS_WORDING,
    FORCE_WORDING,
    FORMAT_WORDING,
    KIND_WORDING,
    ConsensusLevel,
    Force,
    SessionFormat,
    SessionKind,
)

__all__ = ["find_consensus", "find_force", "find_format", "find_kind", "find_term"]

E = TypeVar("E")

_SEARCH_LIMIT = 2000


def _find(
    table: tuple[tuple[str, E], ...], text: str, start: int, end: int, *, whole: bool
) -> tuple[str, E, tuple[int, int]] | None:
    """The first phrase of *table* (in table order) in ``text[start:end]`` that starts a word, its value and span.

    With *whole*, the phrase must also end a word.
    """
    folded, offsets = fold(text, start, end)
    for phrase, value in table:
        at = folded.find(phrase)
        while at >= 0:
            after = at + len(phrase)
            if (at == 0 or not folded[at - 1].isalnum()) and (
                not whole or after >= len(folded) or not folded[after].isalnum()
            ):
                return phrase, value, (offsets[at], offsets[after - 1] + 1)
            at = folded.find(phrase, at + 1)
    return None


def find_term(table: tuple[tuple[str, E], ...], text: str, start: int, end: int) -> tuple[E, tuple[int, int]] | None:
    """The first term of *table* (in table order) found as whole words in ``text[start:end]``, and its span."""
    found = _find(table, text, start, min(end, start + _SEARCH_LIMIT), whole=True)
    return None if found is None else (found[1], found[2])


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


def find_force(text: str, start: int, end: int) -> tuple[Force, str, tuple[int, int]] | None:
    """The force a passage states, the phrase as :data:`~govrecords.vocabulary.FORCE_WORDING` has it, and its span.

    A phrase must start a word ("suggests" reads as "suggest"; "nominate" does not
    read as "note"... unless a word starts with it, as :func:`read_force` does).
    """
    found = _find(FORCE_WORDING, text, start, end, whole=False)
    return None if found is None else (found[1], found[0], found[2])


# Free text states a consensus only with a phrase of two words or more: a bare
# "consensus" or "controversial" describes a topic as often as a session's outcome.
_FREE_TEXT_CONSENSUS = tuple(
    (phrase, level) for phrase, level in CONSENSUS_WORDING if " " in phrase and not phrase.startswith("issues ")
)


def find_consensus(text: str, start: int, end: int) -> tuple[ConsensusLevel, tuple[int, int]] | None:
    """The consensus a passage states with a phrase ("rough consensus", "Agreement: Medium"), and the phrase's span."""
    found = _find(_FREE_TEXT_CONSENSUS, text, start, end, whole=True)
    return None if found is None else (found[1], found[2])
