"""How a session was held and who took part: session kinds and formats, participant kinds, roles.

:class:`SessionKind` and :class:`SessionFormat` with the wordings documents name
them by (:data:`KIND_WORDING`, :data:`FORMAT_WORDING`, tried in order), and
:class:`ParticipantKind` and :class:`Role`. Their public home is
``govrecords.vocabulary``.
"""

from __future__ import annotations

import enum

__all__ = ["FORMAT_WORDING", "KIND_WORDING", "ParticipantKind", "Role", "SessionFormat", "SessionKind"]


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
