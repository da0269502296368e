"""The record classes: forums, sessions, workshops and what they report.

Every class is a frozen, slotted attrs class that validates its fields when it is
built and knows nothing about serialisation (that lives in
:mod:`govrecords.serialisation.documents`). Records refer to each other by identifier: a finding's
``topics`` are :class:`~govrecords.taxonomy.Topic` ids, a session's ``proposal`` is
a :class:`Workshop` id, a :class:`~govrecords.provenance.Provenance`'s ``source`` is a
:class:`~govrecords.provenance.SourceDocument` id.

Each record carries a tuple of :class:`~govrecords.provenance.Provenance`: one with
``field=None`` for the record as a whole, others naming the field they support.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

import attrs
from attrs.validators import instance_of, optional

from govrecords._validators import country as _country
from govrecords._validators import ids as _ids
from govrecords._validators import many as _many
from govrecords._validators import non_empty as _non_empty
from govrecords._validators import opt_str as _str
from govrecords.dates import When
from govrecords.dates import optional_when as _when
from govrecords.provenance import Provenance, SourceDocument
from govrecords.serialisation.registry import record_type
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
    read_stakeholder,
)

__all__ = [
    "Actor",
    "Finding",
    "Forum",
    "Participant",
    "Place",
    "Position",
    "Recommendation",
    "Section",
    "Session",
    "StakeholderGroup",
    "Statement",
    "Workshop",
]


_provenance = _many(Provenance)


class _Traceable:
    """Lookup of field-level provenance, shared by every record with a ``provenance`` tuple."""

    __slots__ = ()
    provenance: tuple[Provenance, ...]

    def provenance_of(self, field: str | None = None) -> tuple[Provenance, ...]:
        """The provenance supporting *field* (None: the record as a whole).

        Args:
            field: A field name, such as ``"title"``.

        Returns:
            Every entry of :attr:`provenance` whose ``field`` is *field*.
        """
        return tuple(p for p in self.provenance if p.field == field)


@attrs.frozen
class Place:
    """Where a forum or session was held.

    Args:
        city: The city, as the source names it.
        country: The ISO 3166-1 alpha-2 code (``"ID"`` for Indonesia).
        venue: A building or room.
    """

    city: str | None = attrs.field(default=None, validator=_str)
    country: str | None = attrs.field(default=None, validator=_country)
    venue: str | None = attrs.field(default=None, validator=_str)


@attrs.frozen
class StakeholderGroup:
    """A stakeholder group: the normalised kind and the source's own wording.

    >>> StakeholderGroup.from_wording("business sector")
    StakeholderGroup(kind=<StakeholderKind.PRIVATE_SECTOR: 'private_sector'>, wording='business sector')
    """

    kind: StakeholderKind = attrs.field(validator=instance_of(StakeholderKind))
    wording: str | None = attrs.field(default=None, validator=_str)

    @classmethod
    def from_wording(cls, wording: str) -> StakeholderGroup:
        """Normalise a source's wording, keeping it beside the kind."""
        return cls(read_stakeholder(wording), wording)


@attrs.frozen
class Participant(_Traceable):
    """A person or organisation taking part in a session or workshop.

    Args:
        name: The name as the source gives it.
        kind: Person or organisation.
        role: The part they played (speaker, moderator...).
        honorific: "Ms.", "Mr.", "Dr." as written.
        title: Their job or position title.
        affiliation: The organisation they belong to.
        stakeholder: Their stakeholder group.
        regional_group: Their UN regional group.
        country: Their country as the source writes it.
        provenance: Where the participant is named.
    """

    name: str = attrs.field(validator=_non_empty)
    kind: ParticipantKind = attrs.field(default=ParticipantKind.PERSON, validator=instance_of(ParticipantKind))
    role: Role | None = attrs.field(default=None, validator=optional(instance_of(Role)))
    honorific: str | None = attrs.field(default=None, validator=_str)
    title: str | None = attrs.field(default=None, validator=_str)
    affiliation: str | None = attrs.field(default=None, validator=_str)
    stakeholder: StakeholderGroup | None = attrs.field(default=None, validator=optional(instance_of(StakeholderGroup)))
    regional_group: RegionalGroup | None = attrs.field(default=None, validator=optional(instance_of(RegionalGroup)))
    country: str | None = attrs.field(default=None, validator=_str)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)


@attrs.frozen
class Actor:
    """Who holds a position, or whom a recommendation addresses.

    Args:
        kind: A person, an organisation, a stakeholder group, "the panel",
            "the audience", all stakeholders, a named body...
        name: The name, for a person, organisation or body.
        stakeholder: The stakeholder group, for a group actor or when known.
        wording: How the source refers to them ("one audience", "majority of
            panelists and audience").
    """

    kind: ActorKind = attrs.field(validator=instance_of(ActorKind))
    name: str | None = attrs.field(default=None, validator=_str)
    stakeholder: StakeholderGroup | None = attrs.field(default=None, validator=optional(instance_of(StakeholderGroup)))
    wording: str | None = attrs.field(default=None, validator=_str)


@attrs.frozen
class Statement(_Traceable):
    """A point raised without a reported outcome: a policy question, a premise, a key issue."""

    text: str = attrs.field(validator=_non_empty)
    number: str | None = attrs.field(default=None, validator=_str)
    topics: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)


@attrs.frozen
class Position(_Traceable):
    """Who held which stance on what.

    Args:
        actor: Who.
        stance: Supports, opposes, mixed or undecided.
        claim: What they held, in words.
        topics: The topics the claim is about.
        provenance: Where the position is stated.
    """

    actor: Actor = attrs.field(validator=instance_of(Actor))
    stance: Stance = attrs.field(validator=instance_of(Stance))
    claim: str = attrs.field(validator=_non_empty)
    topics: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)


@attrs.frozen
class Finding(_Traceable):
    """A point a session reports, with the consensus it reached.

    Args:
        text: The point, in the report's words.
        consensus: How far the session agreed on it.
        consensus_wording: The words that say so ("Issues which reached a common view").
        topics: The topics it is about.
        positions: Who held which stance on it.
        id: An identifier, unique within its session, if the point needs one.
        provenance: Where the finding comes from.
    """

    text: str = attrs.field(validator=_non_empty)
    consensus: ConsensusLevel = attrs.field(validator=instance_of(ConsensusLevel))
    consensus_wording: str | None = attrs.field(default=None, validator=_str)
    topics: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    positions: tuple[Position, ...] = attrs.field(default=(), validator=_many(Position))
    id: str | None = attrs.field(default=None, validator=_str)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)


@attrs.frozen
class Recommendation(_Traceable):
    """What a session or forum asks for.

    Args:
        text: The recommendation, in the source's words.
        number: Its number as written ("1)", "a.").
        addressees: Whom it asks.
        force: How strongly it asks.
        force_wording: The words that say so ("strongly suggest").
        topics: The topics it is about.
        id: An identifier, unique within its session.
        provenance: Where the recommendation and its number and force come from.
    """

    text: str = attrs.field(validator=_non_empty)
    number: str | None = attrs.field(default=None, validator=_str)
    addressees: tuple[Actor, ...] = attrs.field(default=(), validator=_many(Actor))
    force: Force | None = attrs.field(default=None, validator=optional(instance_of(Force)))
    force_wording: str | None = attrs.field(default=None, validator=_str)
    topics: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    id: str | None = attrs.field(default=None, validator=_str)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)


@attrs.frozen
class Section(_Traceable):
    """A part of a source that no field holds, kept with its heading so nothing is lost."""

    heading: str | None = attrs.field(validator=_str)
    text: str = attrs.field(validator=instance_of(str))
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)


@record_type("session")
@attrs.frozen
class Session(_Traceable):
    """One session held at a forum, as reported afterwards.

    Args:
        id: A stable identifier, unique within its forum.
        title: The session's title.
        forum: The :attr:`Forum.id` of the forum that held it, when known.
        identifier: The number the forum gave it ("WS #436", "Open Forum #100").
        kind: Workshop, main session, open forum...
        format: Panel, round table, debate...
        format_wording: The format as the source words it.
        date: When it was held: a partial date or a range.
        place: Where, when the source says.
        theme: The theme or track, as the forum words it.
        participants: Organisers, chair, moderators, rapporteur, speakers.
        summary: The summary of presentations.
        key_issues: Issues raised, without a stated consensus.
        policy_questions: The policy questions it addressed.
        findings: The points it reports, with their consensus.
        recommendations: What it asks for.
        topics: Topic ids for the session as a whole (its provenance entries
            for the field ``"topics"`` name the passages they were read from).
        proposal: The :attr:`Workshop.id` of the proposal this session reports on.
        sections: Parts of the source no field holds.
        notes: Editors' notes.
        provenance: Where the session record and its fields come from.
    """

    id: str = attrs.field(validator=_non_empty)
    title: str = attrs.field(validator=_non_empty)
    forum: str | None = attrs.field(default=None, validator=_str)
    identifier: str | None = attrs.field(default=None, validator=_str)
    kind: SessionKind | None = attrs.field(default=None, validator=optional(instance_of(SessionKind)))
    format: SessionFormat | None = attrs.field(default=None, validator=optional(instance_of(SessionFormat)))
    format_wording: str | None = attrs.field(default=None, validator=_str)
    date: When | None = attrs.field(default=None, validator=_when)
    place: Place | None = attrs.field(default=None, validator=optional(instance_of(Place)))
    theme: str | None = attrs.field(default=None, validator=_str)
    participants: tuple[Participant, ...] = attrs.field(default=(), validator=_many(Participant))
    summary: str | None = attrs.field(default=None, validator=_str)
    key_issues: tuple[Statement, ...] = attrs.field(default=(), validator=_many(Statement))
    policy_questions: tuple[Statement, ...] = attrs.field(default=(), validator=_many(Statement))
    findings: tuple[Finding, ...] = attrs.field(default=(), validator=_many(Finding))
    recommendations: tuple[Recommendation, ...] = attrs.field(default=(), validator=_many(Recommendation))
    topics: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    proposal: str | None = attrs.field(default=None, validator=_str)
    sections: tuple[Section, ...] = attrs.field(default=(), validator=_many(Section))
    notes: str | None = attrs.field(default=None, validator=_str)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)

    def all_topics(self) -> frozenset[str]:
        """Every topic id the session or any of its parts is tagged with."""
        found = set(self.topics)
        parts: tuple[Finding | Recommendation | Statement, ...] = (
            *self.findings,
            *self.recommendations,
            *self.key_issues,
            *self.policy_questions,
        )
        for part in parts:
            found.update(part.topics)
        return frozenset(found)


@record_type("workshop")
@attrs.frozen
class Workshop(_Traceable):
    """A workshop as proposed or announced, before it is held.

    A workshop that has been held is reported as a :class:`Session` whose
    ``proposal`` names this workshop's ``id``: both records are kept, and the
    proposal is never overwritten by the report.

    Args:
        id: A stable identifier, unique within its forum.
        title: The proposed title.
        forum: The :attr:`Forum.id` of the forum it is proposed for.
        identifier: The number the forum gave it.
        kind: The kind of session proposed; a workshop unless said otherwise.
        format: Panel, round table...
        format_wording: The format as the source words it.
        date: When it is to be held.
        place: Where.
        theme: The broad theme it falls under, as worded.
        organisers: Organisers and proposed speakers.
        description: The description or background, in the source's words.
        issues: Premises and problems the proposal raises ("digital divide").
        policy_questions: The questions it will address.
        topics: Topic ids for the workshop as a whole (its provenance entries
            for the field ``"topics"`` name the passages they were read from).
        status: The proposal's status ("accepted", "pending") as the source words it.
        sections: Parts of the source no field holds.
        notes: Editors' notes.
        provenance: Where the workshop record and its fields come from.
    """

    id: str = attrs.field(validator=_non_empty)
    title: str = attrs.field(validator=_non_empty)
    forum: str | None = attrs.field(default=None, validator=_str)
    identifier: str | None = attrs.field(default=None, validator=_str)
    kind: SessionKind = attrs.field(default=SessionKind.WORKSHOP, validator=instance_of(SessionKind))
    format: SessionFormat | None = attrs.field(default=None, validator=optional(instance_of(SessionFormat)))
    format_wording: str | None = attrs.field(default=None, validator=_str)
    date: When | None = attrs.field(default=None, validator=_when)
    place: Place | None = attrs.field(default=None, validator=optional(instance_of(Place)))
    theme: str | None = attrs.field(default=None, validator=_str)
    organisers: tuple[Participant, ...] = attrs.field(default=(), validator=_many(Participant))
    description: str | None = attrs.field(default=None, validator=_str)
    issues: tuple[Statement, ...] = attrs.field(default=(), validator=_many(Statement))
    policy_questions: tuple[Statement, ...] = attrs.field(default=(), validator=_many(Statement))
    topics: tuple[str, ...] = attrs.field(default=(), validator=_ids)
    status: str | None = attrs.field(default=None, validator=_str)
    sections: tuple[Section, ...] = attrs.field(default=(), validator=_many(Section))
    notes: str | None = attrs.field(default=None, validator=_str)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)

    def all_topics(self) -> frozenset[str]:
        """Every topic id the workshop or any of its parts is tagged with."""
        found = set(self.topics)
        for part in (*self.issues, *self.policy_questions):
            found.update(part.topics)
        return frozenset(found)


@record_type("forum")
@attrs.frozen
class Forum(_Traceable):
    """One meeting of a series: IGF 2013 Bali, EuroDIG 2015, a national IGF.

    Args:
        id: A stable identifier ("igf-2013").
        name: The forum's name as its documents give it, when they do.
        series: The series ("IGF", "EuroDIG", "APrIGF", "NETmundial").
        scope: "global", "regional", "national", "youth" or another word.
        edition: The edition as the series counts it ("2013", "8th").
        place: Where it was held.
        dates: When: a partial date or a range (possibly only a bound).
        theme: The overall theme.
        reports_to: The forum its outcomes feed into, as the source names it.
        sessions: The sessions it held, as reported.
        workshops: The workshops proposed or announced for it.
        sources: The documents its records are taken from.
        notes: Editors' notes (what is unknown, and why).
        provenance: Where the forum record and its fields come from.
    """

    id: str = attrs.field(validator=_non_empty)
    name: str | None = attrs.field(default=None, validator=_str)
    series: str | None = attrs.field(default=None, validator=_str)
    scope: str | None = attrs.field(default=None, validator=_str)
    edition: str | None = attrs.field(default=None, validator=_str)
    place: Place | None = attrs.field(default=None, validator=optional(instance_of(Place)))
    dates: When | None = attrs.field(default=None, validator=_when)
    theme: str | None = attrs.field(default=None, validator=_str)
    reports_to: str | None = attrs.field(default=None, validator=_str)
    sessions: tuple[Session, ...] = attrs.field(default=(), validator=_many(Session))
    workshops: tuple[Workshop, ...] = attrs.field(default=(), validator=_many(Workshop))
    sources: tuple[SourceDocument, ...] = attrs.field(default=(), validator=_many(SourceDocument))
    notes: str | None = attrs.field(default=None, validator=_str)
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_provenance)

    def all_provenance(self) -> list[Provenance]:
        """Every provenance entry in the forum and everything it holds."""
        return list(_walk_provenance(self))


def _walk_provenance(value: object) -> Iterator[Provenance]:
    if isinstance(value, Provenance):
        yield value
    elif isinstance(value, tuple):
        for item in cast("tuple[object, ...]", value):
            yield from _walk_provenance(item)
    else:
        for field in getattr(type(value), "__attrs_attrs__", ()):
            yield from _walk_provenance(getattr(value, field.name))
