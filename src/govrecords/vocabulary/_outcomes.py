"""What a session arrived at: consensus, stances, who holds them, and how strongly a recommendation asks.

:class:`ConsensusLevel` (an ordered scale) with :data:`CONSENSUS_WORDING` and
:func:`read_consensus`; :class:`Stance` and :class:`ActorKind`; :class:`Force`
(ordered by :attr:`Force.rank`) with :data:`FORCE_WORDING` and :func:`read_force`.
Their public home is ``govrecords.vocabulary``.
"""

from __future__ import annotations

import enum
import re

from govrecords.vocabulary._wording import normalise_wording

__all__ = [
    "CONSENSUS_WORDING",
    "FORCE_WORDING",
    "ActorKind",
    "ConsensusLevel",
    "Force",
    "Stance",
    "read_consensus",
    "read_force",
]


class ConsensusLevel(enum.Enum):
    """How far a session agreed on a point, from the IGF's qualitative wording.

    The levels are ordered, weakest agreement first::

        contested < opinions_varied < emerging_consensus < broad_support
                  < rough_consensus < common_view

    :attr:`NOT_DISCUSSED` stands outside the scale: it has no rank, and comparing
    it with ``<`` raises :class:`TypeError`.

    >>> ConsensusLevel.OPINIONS_VARIED < ConsensusLevel.COMMON_VIEW
    True
    """

    CONTESTED = "contested"
    OPINIONS_VARIED = "opinions_varied"
    EMERGING_CONSENSUS = "emerging_consensus"
    BROAD_SUPPORT = "broad_support"
    ROUGH_CONSENSUS = "rough_consensus"
    COMMON_VIEW = "common_view"
    NOT_DISCUSSED = "not_discussed"

    @property
    def rank(self) -> int | None:
        """The place on the scale (0 weakest), or None for :attr:`NOT_DISCUSSED`."""
        return _CONSENSUS_RANK.get(self)

    def _ranks(self, other: object) -> tuple[int, int]:
        if not isinstance(other, ConsensusLevel):
            raise TypeError(f"cannot compare ConsensusLevel with {type(other).__name__}")
        mine, theirs = self.rank, other.rank
        if mine is None or theirs is None:
            raise TypeError("not_discussed is not on the consensus scale")
        return mine, theirs

    def __lt__(self, other: object) -> bool:
        mine, theirs = self._ranks(other)
        return mine < theirs

    def __le__(self, other: object) -> bool:
        mine, theirs = self._ranks(other)
        return mine <= theirs

    def __gt__(self, other: object) -> bool:
        mine, theirs = self._ranks(other)
        return mine > theirs

    def __ge__(self, other: object) -> bool:
        mine, theirs = self._ranks(other)
        return mine >= theirs


_CONSENSUS_RANK = {
    level: rank
    for rank, level in enumerate(
        (
            ConsensusLevel.CONTESTED,
            ConsensusLevel.OPINIONS_VARIED,
            ConsensusLevel.EMERGING_CONSENSUS,
            ConsensusLevel.BROAD_SUPPORT,
            ConsensusLevel.ROUGH_CONSENSUS,
            ConsensusLevel.COMMON_VIEW,
        )
    )
}

# Phrases, longest first, so "no common view" is read before "common view".
CONSENSUS_WORDING: tuple[tuple[str, ConsensusLevel], ...] = (
    ("issues which reached a common view", ConsensusLevel.COMMON_VIEW),
    ("issues where opinions varied", ConsensusLevel.OPINIONS_VARIED),
    ("no common view", ConsensusLevel.OPINIONS_VARIED),
    ("no consensus", ConsensusLevel.CONTESTED),
    ("agreement: high", ConsensusLevel.COMMON_VIEW),
    ("agreement: medium", ConsensusLevel.EMERGING_CONSENSUS),
    ("agreement: low", ConsensusLevel.OPINIONS_VARIED),
    ("reached a common view", ConsensusLevel.COMMON_VIEW),
    ("opinions varied", ConsensusLevel.OPINIONS_VARIED),
    ("opinions differed", ConsensusLevel.OPINIONS_VARIED),
    ("emerging consensus", ConsensusLevel.EMERGING_CONSENSUS),
    ("rough consensus", ConsensusLevel.ROUGH_CONSENSUS),
    ("broad support", ConsensusLevel.BROAD_SUPPORT),
    ("broad agreement", ConsensusLevel.BROAD_SUPPORT),
    ("common view", ConsensusLevel.COMMON_VIEW),
    ("consensus", ConsensusLevel.COMMON_VIEW),
    ("contested", ConsensusLevel.CONTESTED),
    ("controversial", ConsensusLevel.CONTESTED),
    ("not discussed", ConsensusLevel.NOT_DISCUSSED),
)


def read_consensus(wording: str) -> ConsensusLevel | None:
    """The consensus level a heading or phrase states, or None if it states none.

    >>> read_consensus("Issues which reached a common view :")
    <ConsensusLevel.COMMON_VIEW: 'common_view'>
    >>> read_consensus("Agreement: Medium")
    <ConsensusLevel.EMERGING_CONSENSUS: 'emerging_consensus'>
    """
    key = normalise_wording(wording)
    for phrase, level in CONSENSUS_WORDING:
        if phrase in key:
            return level
    return None


class Stance(enum.Enum):
    """An actor's stance on a claim."""

    SUPPORTS = "supports"
    OPPOSES = "opposes"
    MIXED = "mixed"
    """Conditional or mixed support."""
    UNDECIDED = "undecided"


class ActorKind(enum.Enum):
    """Who holds a position or is addressed by a recommendation."""

    PERSON = "person"
    ORGANISATION = "organisation"
    STAKEHOLDER_GROUP = "stakeholder_group"
    PANEL = "panel"
    AUDIENCE = "audience"
    PARTICIPANTS = "participants"
    """The session's participants as a whole (the report's "we")."""
    ALL_STAKEHOLDERS = "all_stakeholders"
    BODY = "body"
    """A named body: the IGF, the MAG, a treaty organisation."""


class Force(enum.Enum):
    """How strongly a recommendation asks, from its wording.

    Ordered from weakest to strongest by :attr:`rank`.
    """

    NOTE = "note"
    AGREE = "agree"
    SUGGEST = "suggest"
    ENCOURAGE = "encourage"
    RECOMMEND = "recommend"
    URGE = "urge"
    REQUIRE = "require"

    @property
    def rank(self) -> int:
        """The place on the scale, 0 weakest."""
        return list(Force).index(self)


FORCE_WORDING: tuple[tuple[str, Force], ...] = (
    ("strongly suggest", Force.URGE),
    ("strongly recommend", Force.URGE),
    ("strongly encourage", Force.URGE),
    ("call upon", Force.URGE),
    ("calls upon", Force.URGE),
    ("call on", Force.URGE),
    ("called for", Force.URGE),
    ("calls for", Force.URGE),
    ("call for", Force.URGE),
    ("urge", Force.URGE),
    ("must", Force.REQUIRE),
    ("shall", Force.REQUIRE),
    ("recommend", Force.RECOMMEND),
    ("should", Force.RECOMMEND),
    ("encourage", Force.ENCOURAGE),
    ("invite", Force.ENCOURAGE),
    ("suggest", Force.SUGGEST),
    ("propose", Force.SUGGEST),
    ("elect to", Force.AGREE),
    ("agree that", Force.AGREE),
    ("agrees", Force.AGREE),
    ("agree", Force.AGREE),
    ("note", Force.NOTE),
    ("recall", Force.NOTE),
)

_WORD_START = re.compile(r"\w+")


def read_force(wording: str) -> tuple[Force, str] | None:
    """The force a recommendation's wording carries, with the phrase that says so.

    >>> read_force("We strongly suggest :")
    (<Force.URGE: 'urge'>, 'strongly suggest')
    """
    key = normalise_wording(wording)
    words = " " + " ".join(_WORD_START.findall(key)) + " "
    for phrase, force in FORCE_WORDING:
        if f" {phrase}" in words:
            return force, phrase
    return None
