"""The govrecords record model as msgspec Structs (see ``models.py``)."""

# No ``from __future__ import annotations``: msgspec reads these annotations at run time.
from typing import Annotated, Any

import msgspec
from models import COUNTRY, WHEN
from msgspec import Meta, Struct

from govrecords.provenance import MethodKind
from govrecords.vocabulary import (
    ActorKind,
    ConsensusLevel,
    Force,
    ParticipantKind,
    RegionalGroup,
    Role,
    SessionFormat,
    SessionKind,
    StakeholderKind,
    Stance,
)

Text = Annotated[str, Meta(min_length=1)]
When = Annotated[str, Meta(pattern=WHEN)]
Country = Annotated[str, Meta(pattern=COUNTRY)]
Count = Annotated[int, Meta(ge=0)]


class Config(Struct, forbid_unknown_fields=True, omit_defaults=True, frozen=True):
    pass


class Method(Config):
    kind: MethodKind = MethodKind.BY_HAND
    tool: str | None = None
    version: str | None = None
    template: str | None = None


class Provenance(Config):
    source: Text | None = None  # left out when it is the envelope's source (format version 3)
    # Its start alone when the quote gives the end; a plain int, as msgspec crashes on a constrained one here.
    span: tuple[Count, Count] | int | None = None
    quote: str | None = None
    field: str | None = None
    method: Count | None = None  # an index into the envelope's methods; left out for the first


class Place(Config):
    city: str | None = None
    country: Country | None = None
    venue: str | None = None


class StakeholderGroup(Config):
    kind: StakeholderKind
    wording: str | None = None


class Participant(Config):
    name: Text
    kind: ParticipantKind = ParticipantKind.PERSON
    role: Role | None = None
    honorific: str | None = None
    title: str | None = None
    affiliation: str | None = None
    stakeholder: StakeholderGroup | None = None
    regional_group: RegionalGroup | None = None
    country: str | None = None
    provenance: tuple[Provenance, ...] = ()


class Actor(Config):
    kind: ActorKind
    name: str | None = None
    stakeholder: StakeholderGroup | None = None
    wording: str | None = None


class Statement(Config):
    text: Text
    number: str | None = None
    topics: tuple[Text, ...] = ()
    provenance: tuple[Provenance, ...] = ()


class Position(Config):
    actor: Actor
    stance: Stance
    claim: Text
    topics: tuple[Text, ...] = ()
    provenance: tuple[Provenance, ...] = ()


class Finding(Config):
    text: Text
    consensus: ConsensusLevel
    consensus_wording: str | None = None
    topics: tuple[Text, ...] = ()
    positions: tuple[Position, ...] = ()
    id: str | None = None
    provenance: tuple[Provenance, ...] = ()


class Recommendation(Config):
    text: Text
    number: str | None = None
    addressees: tuple[Actor, ...] = ()
    force: Force | None = None
    force_wording: str | None = None
    topics: tuple[Text, ...] = ()
    id: str | None = None
    provenance: tuple[Provenance, ...] = ()


class Section(Config):
    heading: str | None
    text: str
    provenance: tuple[Provenance, ...] = ()


class Session(Config):
    id: Text
    title: Text
    forum: str | None = None
    identifier: str | None = None
    kind: SessionKind | None = None
    format: SessionFormat | None = None
    format_wording: str | None = None
    date: When | None = None
    place: Place | None = None
    theme: str | None = None
    participants: tuple[Participant, ...] = ()
    summary: str | None = None
    key_issues: tuple[Statement, ...] = ()
    policy_questions: tuple[Statement, ...] = ()
    findings: tuple[Finding, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    topics: tuple[Text, ...] = ()
    proposal: str | None = None
    sections: tuple[Section, ...] = ()
    notes: str | None = None
    provenance: tuple[Provenance, ...] = ()


class Forum(Config):
    id: Text
    name: str | None = None
    series: str | None = None
    scope: str | None = None
    edition: str | None = None
    place: Place | None = None
    dates: When | None = None
    theme: str | None = None
    reports_to: str | None = None
    sessions: tuple[Session, ...] = ()
    notes: str | None = None
    provenance: tuple[Provenance, ...] = ()


class ForumEnvelope(Config, kw_only=True):
    format_version: int
    type: str
    source: str | None = None
    methods: tuple[Method, ...] | None = None
    record: Forum


class SessionEnvelope(Config, kw_only=True):
    format_version: int
    type: str
    source: str | None = None
    methods: tuple[Method, ...] | None = None
    record: Session


TYPES: dict[str, Any] = {
    "forum": ForumEnvelope,
    "session": SessionEnvelope,
    "Forum": Forum,
    "Session": Session,
    "encoder": msgspec.json.Encoder(),
    "forum_decoder": msgspec.json.Decoder(ForumEnvelope),
    "session_decoder": msgspec.json.Decoder(SessionEnvelope),
}
