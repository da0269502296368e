"""The forums' own vocabularies, as enums, with the wording sources use for them.

Each enum's values are the stable identifiers written to JSON. The ``*_WORDING``
tables and ``read_*`` functions map the many spellings found in real documents
("business sector", "NGO", "Issues which reached a common view", "strongly
suggest") to those values; records keep the source's own wording beside them.
"""

from __future__ import annotations

import enum
import re

from govrecords._fold import fold_text

__all__ = [
    "ActorKind",
    "ConsensusLevel",
    "Force",
    "ParticipantKind",
    "RegionalGroup",
    "Role",
    "SessionFormat",
    "SessionKind",
    "StakeholderKind",
    "Stance",
    "normalise_wording",
    "read_consensus",
    "read_force",
    "read_regional_group",
    "read_stakeholder",
]


def normalise_wording(text: str) -> str:
    """Fold a phrase for lookup: lower case, curly quotes and dashes plain, spaces single.

    The one fold every wording table is looked up with (``govrecords._fold.fold_text``).

    >>> normalise_wording("  Business  Sector ")
    'business sector'
    """
    return fold_text(text)


class StakeholderKind(enum.Enum):
    """The IGF's stakeholder groups."""

    GOVERNMENT = "government"
    PRIVATE_SECTOR = "private_sector"
    CIVIL_SOCIETY = "civil_society"
    TECHNICAL_COMMUNITY = "technical_community"
    ACADEMIA = "academia"
    INTERGOVERNMENTAL = "intergovernmental"
    PARLIAMENT = "parliament"
    YOUTH = "youth"
    UNKNOWN = "unknown"


_STAKEHOLDER_WORDING: dict[str, StakeholderKind] = {}
for _kind, _words in {
    StakeholderKind.GOVERNMENT: (
        "government",
        "governments",
        "governmental",
        "public sector",
        "state",
        "states",
        "european governments",
        "member states",
    ),
    StakeholderKind.PRIVATE_SECTOR: (
        "private sector",
        "private sectors",
        "business",
        "business sector",
        "business community",
        "industry",
        "the private sector",
        "business and industry",
        "commercial",
    ),
    StakeholderKind.CIVIL_SOCIETY: (
        "civil society",
        "civil societies",
        "ngo",
        "ngos",
        "non-governmental organization",
        "non-governmental organisation",
        "nongovernmental organizations",
        "social society",
        "civil society organisation",
        "civil society organization",
    ),
    StakeholderKind.TECHNICAL_COMMUNITY: (
        "technical community",
        "technical",
        "technical and academic community",
        "the technical community",
        "internet technical community",
    ),
    StakeholderKind.ACADEMIA: ("academia", "academic", "academic community", "university", "research"),
    StakeholderKind.INTERGOVERNMENTAL: (
        "intergovernmental organization",
        "intergovernmental organisation",
        "intergovernmental",
        "international organization",
        "international organisation",
        "igo",
        "igos",
        "treaty organizations",
        "treaty organisations",
    ),
    StakeholderKind.PARLIAMENT: ("parliament", "parliaments", "parliamentarian", "parliamentarians", "legislature"),
    StakeholderKind.YOUTH: ("youth", "young people", "youth igf"),
}.items():
    for _word in _words:
        _STAKEHOLDER_WORDING[_word] = _kind

AMBIGUOUS_STAKEHOLDER_WORDING: frozenset[str] = frozenset(
    {"technical and academic community", "technical and academic communities"}
)
"""Wordings that join two groups; read as the first, and flagged as ambiguous."""


def read_stakeholder(wording: str) -> StakeholderKind:
    """The stakeholder group a source's wording names (``UNKNOWN`` when it names none).

    >>> read_stakeholder("Business Sector")
    <StakeholderKind.PRIVATE_SECTOR: 'private_sector'>
    >>> read_stakeholder("NGO")
    <StakeholderKind.CIVIL_SOCIETY: 'civil_society'>
    """
    key = normalise_wording(wording).strip(" .,;:()")
    if key in _STAKEHOLDER_WORDING:
        return _STAKEHOLDER_WORDING[key]
    # "Civil Society, Asia-Pacific Group" or "Technical Community, WEOG": the first part.
    head = key.split(",")[0].strip()
    return _STAKEHOLDER_WORDING.get(head, StakeholderKind.UNKNOWN)


class RegionalGroup(enum.Enum):
    """The UN regional groups, as speaker lists give them."""

    AFRICAN = "african"
    ASIA_PACIFIC = "asia_pacific"
    EASTERN_EUROPEAN = "eastern_european"
    LATIN_AMERICAN_AND_CARIBBEAN = "latin_american_and_caribbean"
    WESTERN_EUROPEAN_AND_OTHERS = "western_european_and_others"
    INTERGOVERNMENTAL = "intergovernmental"


_REGIONAL_WORDING = {
    "african group": RegionalGroup.AFRICAN,
    "africa": RegionalGroup.AFRICAN,
    "asia-pacific group": RegionalGroup.ASIA_PACIFIC,
    "asia pacific group": RegionalGroup.ASIA_PACIFIC,
    "asia-pacific": RegionalGroup.ASIA_PACIFIC,
    "eastern european group": RegionalGroup.EASTERN_EUROPEAN,
    "latin american and caribbean group (grulac)": RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN,
    "latin american and caribbean group": RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN,
    "grulac": RegionalGroup.LATIN_AMERICAN_AND_CARIBBEAN,
    "western european and others group (weog)": RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
    "western european and others group": RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
    "weog": RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS,
    "intergovernmental organization": RegionalGroup.INTERGOVERNMENTAL,
    "intergovernmental organisation": RegionalGroup.INTERGOVERNMENTAL,
}


def read_regional_group(wording: str) -> RegionalGroup | None:
    """The UN regional group a wording names, or None.

    >>> read_regional_group("Western European and Others Group (WEOG)")
    <RegionalGroup.WESTERN_EUROPEAN_AND_OTHERS: 'western_european_and_others'>
    """
    return _REGIONAL_WORDING.get(normalise_wording(wording).strip(" .,;:"))


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


class SessionKind(enum.Enum):
    """What kind of session a forum held."""

    WORKSHOP = "workshop"
    FEEDER_WORKSHOP = "feeder_workshop"
    MAIN_SESSION = "main_session"
    OPEN_FORUM = "open_forum"
    BEST_PRACTICE_FORUM = "best_practice_forum"
    DYNAMIC_COALITION = "dynamic_coalition"
    FLASH_SESSION = "flash_session"
    LIGHTNING_TALK = "lightning_talk"
    PRE_EVENT = "pre_event"
    PLENARY = "plenary"
    OTHER = "other"


# Longer phrases first, so "feeder workshop" is read before "workshop".
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
"""How documents name each session kind, in the order they are tried."""


class SessionFormat(enum.Enum):
    """How a session was run."""

    PANEL = "panel"
    ROUND_TABLE = "round_table"
    DEBATE = "debate"
    BIRDS_OF_A_FEATHER = "birds_of_a_feather"
    TUTORIAL = "tutorial"
    BREAK_OUT = "break_out"
    PRESENTATION = "presentation"
    OTHER = "other"


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
"""How documents name each session format, in the order they are tried."""


class ParticipantKind(enum.Enum):
    """Whether a participant is a person or an organisation."""

    PERSON = "person"
    ORGANISATION = "organisation"


class Role(enum.Enum):
    """The part a participant played in a session or workshop."""

    ORGANISER = "organiser"
    CO_ORGANISER = "co_organiser"
    CHAIR = "chair"
    MODERATOR = "moderator"
    REMOTE_MODERATOR = "remote_moderator"
    RAPPORTEUR = "rapporteur"
    SPEAKER = "speaker"
    FOCAL_POINT = "focal_point"
    EDITOR = "editor"
    CONTACT = "contact"
    PARTICIPANT = "participant"
