"""What a set of records says about each topic: the evidence, and the state it adds up to.

Comparison (:mod:`govrecords.comparison`) and timelines (:mod:`govrecords.timelines`)
both start here. Records are read as *units*: each :class:`~govrecords.records.Session`
(reported afterwards) and each :class:`~govrecords.records.Workshop` (announced
beforehand), with the forum that holds it. Every part of a unit tagged with a topic
is :class:`Evidence` for that topic, carrying its provenance.

A topic's :class:`TopicState` on one side is one of three:

* **concluded** (:attr:`TopicStatus.CONCLUDED`): at least one finding on the topic
  reports a consensus level; the side's level combines them (:class:`~govrecords.consensus.Aggregate`);
* **raised** (:attr:`TopicStatus.RAISED`): the topic is raised (a policy question, a
  premise or problem, a key issue, a recommendation, a position or a tag on the
  record) but no finding reports an outcome on it. This is *not* a consensus level,
  and is never placed on the scale: a workshop announcement raises questions before
  anyone has discussed them;
* **not discussed** (:attr:`TopicStatus.NOT_DISCUSSED`): nothing on the side is
  tagged with the topic, or only findings that say it was not discussed.
"""

from __future__ import annotations

import enum
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

import attrs
from attrs.validators import instance_of, optional

from govrecords._validators import many as _many
from govrecords._validators import opt_str as _str
from govrecords.consensus import Aggregate, GroupInformedConsensus, aggregate_levels, consensus_or_reason
from govrecords.dates import When
from govrecords.dates import optional_when as _when
from govrecords.documents import DocumentKind, date_in_text, document_of, is_cut_off
from govrecords.errors import ArgumentTypeError, Problem, ValidationError, expect_records
from govrecords.provenance import Provenance
from govrecords.records import Actor, Forum, Session, Workshop
from govrecords.taxonomy import Taxonomy
from govrecords.vocabulary import ConsensusLevel, Force, StakeholderKind, Stance

__all__ = ["Evidence", "EvidenceKind", "ForumRef", "RecordKind", "RecordRef", "Records", "TopicState", "TopicStatus"]

Records = Forum | Session | Workshop | Iterable[Forum | Session | Workshop]
"""What a side of a comparison or a timeline is made of: a forum (its sessions and
workshops), a session, a workshop, or any iterable of them."""


class RecordKind(enum.Enum):
    """Whether evidence comes from a session report or a workshop announcement."""

    SESSION = "session"
    """A session as reported after it was held, which can report outcomes."""
    WORKSHOP = "workshop"
    """A workshop as announced or proposed, which raises topics but reports no outcome."""


@attrs.frozen
class RecordRef:
    """Which session or workshop something comes from.

    Args:
        kind: Session report or workshop announcement.
        id: The record's id.
        title: The record's title.
        forum: The id of the forum that holds it, when known.
        date: When it was held: its own date, else its forum's dates, else a
            date its text states (see :func:`~govrecords.documents.date_in_text`).
        document: The kind of document it is taken from, when known.
        partial: Whether that document is cut off mid-sentence.
        date_from_text: Whether *date* was found in the record's text.
        date_uncertain: Whether the record has no date because the dates in its
            text disagree (its place in time is then uncertain, not guessed).
    """

    kind: RecordKind = attrs.field(validator=instance_of(RecordKind))
    id: str = attrs.field(validator=instance_of(str))
    title: str = attrs.field(validator=instance_of(str))
    forum: str | None = attrs.field(default=None, validator=_str)
    date: When | None = attrs.field(default=None, validator=_when)
    document: DocumentKind | None = attrs.field(default=None, validator=optional(instance_of(DocumentKind)))
    partial: bool = attrs.field(default=False, validator=instance_of(bool))
    date_from_text: bool = attrs.field(default=False, validator=instance_of(bool))
    date_uncertain: bool = attrs.field(default=False, validator=instance_of(bool))

    def key(self) -> tuple[str, str, str, str, str]:
        """A total, content-based order: forum, kind, id, title, date."""
        return _record_key(self)


@attrs.frozen
class ForumRef:
    """A forum that records belong to.

    Args:
        id: The forum's id.
        name: Its name, when the records give one.
        series: Its series ("IGF").
        dates: Its dates.
        reports_to: The forum its outcomes feed into, as the source names it.
    """

    id: str = attrs.field(validator=instance_of(str))
    name: str | None = attrs.field(default=None, validator=_str)
    series: str | None = attrs.field(default=None, validator=_str)
    dates: When | None = attrs.field(default=None, validator=_when)
    reports_to: str | None = attrs.field(default=None, validator=_str)

    @classmethod
    def of(cls, forum: Forum) -> ForumRef:
        """The reference to *forum*."""
        return cls(forum.id, forum.name, forum.series, forum.dates, forum.reports_to)

    def key(self) -> tuple[str, str, str, str, str]:
        """A total, content-based order."""
        dates = self.dates.isoformat() if self.dates is not None else ""
        return (self.id, self.name or "", self.series or "", dates, self.reports_to or "")


def forum_label(forum: Forum | ForumRef) -> str:
    """A short name for a forum: its name, else what it reports to, else its id."""
    if forum.name:
        return forum.name
    if forum.reports_to:
        return f"a forum reporting to {forum.reports_to}"
    return forum.id


@functools.lru_cache(maxsize=4096)  # every part of a record sorts by its record's key
def _record_key(ref: RecordRef) -> tuple[str, str, str, str, str]:
    date = ref.date.isoformat() if ref.date is not None else ""
    return (ref.forum or "", ref.kind.value, ref.id, ref.title, date)


class EvidenceKind(enum.Enum):
    """What part of a record a piece of evidence is."""

    FINDING = "finding"
    """A point a session reports, with its consensus level."""
    POSITION = "position"
    """An actor's stance on a claim, within a finding."""
    KEY_ISSUE = "key_issue"
    """An issue a session raised without a stated consensus."""
    POLICY_QUESTION = "policy_question"
    """A question a session or workshop addresses, raised and not answered."""
    ISSUE = "issue"
    """A premise or problem a workshop announcement raises."""
    RECOMMENDATION = "recommendation"
    """Something a session asks for."""
    TAG = "tag"
    """The session or workshop as a whole is tagged with the topic."""


_KIND_ORDER = {kind: index for index, kind in enumerate(EvidenceKind)}


@attrs.frozen
class Evidence:
    """One part of a record that bears on a topic, with where it comes from.

    Args:
        kind: Finding, position, policy question, premise...
        record: The session or workshop it is part of.
        text: The part's text (a finding's point, a question, a position's claim,
            the record's title for a tag).
        number: Its number as written, if any.
        consensus: A finding's consensus level.
        consensus_wording: The words that state it.
        actor: A position's actor.
        stance: A position's stance.
        force: A recommendation's force.
        provenance: The part's provenance: its quotes and their spans.
    """

    kind: EvidenceKind = attrs.field(validator=instance_of(EvidenceKind))
    record: RecordRef = attrs.field(validator=instance_of(RecordRef))
    text: str = attrs.field(validator=instance_of(str))
    number: str | None = attrs.field(default=None, validator=_str)
    consensus: ConsensusLevel | None = attrs.field(default=None, validator=optional(instance_of(ConsensusLevel)))
    consensus_wording: str | None = attrs.field(default=None, validator=_str)
    actor: Actor | None = attrs.field(default=None, validator=optional(instance_of(Actor)))
    stance: Stance | None = attrs.field(default=None, validator=optional(instance_of(Stance)))
    force: Force | None = attrs.field(default=None, validator=optional(instance_of(Force)))
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_many(Provenance))

    @property
    def group(self) -> StakeholderKind | None:
        """The stakeholder group of a position's actor, if it declares one."""
        if self.actor is None or self.actor.stakeholder is None:
            return None
        return self.actor.stakeholder.kind

    def key(self) -> tuple[Any, ...]:
        """A total, content-based order, so results never depend on input order."""
        actor = self.actor
        return (
            self.record.key(),
            _KIND_ORDER[self.kind],
            natural_key(self.number),
            self.number or "",
            self.text,
            self.consensus.value if self.consensus else "",
            self.stance.value if self.stance else "",
            _actor_key(actor),
            self.force.value if self.force else "",
            self.consensus_wording or "",
            tuple(_provenance_key(p) for p in self.provenance),
        )


def _actor_key(actor: Actor | None) -> tuple[str, ...]:
    if actor is None:
        return ()
    group = actor.stakeholder
    return (
        actor.kind.value,
        actor.name or "",
        group.kind.value if group else "",
        (group.wording or "") if group else "",
        actor.wording or "",
    )


def _provenance_key(prov: Provenance) -> tuple[Any, ...]:
    span = (prov.span.start, prov.span.end) if prov.span else (-1, -1)
    method = prov.method
    return (
        prov.source,
        span,
        prov.quote or "",
        prov.field or "",
        method.kind.value,
        method.tool or "",
        method.version or "",
        method.template or "",
    )


_DIGITS = re.compile(r"(\d+)")


@functools.lru_cache(maxsize=4096)  # numbers repeat ("1)", "2)"), and sorting asks for them often
def natural_key(text: str | None) -> tuple[tuple[int, str], ...]:
    """Order numbers as written ("2)", "10)", "a.") naturally: digits by value."""
    if not text:
        return ()
    return tuple((int(part), "") if part.isdecimal() else (-1, part) for part in _DIGITS.split(text) if part)


class TopicStatus(enum.Enum):
    """Where a topic stands on one side: concluded, raised, or not discussed."""

    CONCLUDED = "concluded"
    """A finding reports a consensus level on it."""
    RAISED = "raised"
    """Raised without a reported outcome (raised, not yet concluded); off the consensus scale."""
    NOT_DISCUSSED = "not_discussed"
    """Absent from the side."""


@attrs.frozen
class TopicState:
    """A topic's state on one side of a comparison, or at one point of a timeline.

    Args:
        status: Concluded, raised, or not discussed.
        level: The side's consensus level when concluded (the findings' levels
            combined as the comparison's :class:`~govrecords.consensus.Aggregate`
            says), else None.
        consensus: The group-informed consensus of the positions on the topic,
            when at least two declared stakeholder groups hold positions on it.
        consensus_note: Why there is no group-informed consensus, when there are
            positions but not enough declared groups.
        evidence: Every part of the side's records tagged with the topic, in a
            stable order: session or workshop, then findings, positions, key
            issues, policy questions, premises, recommendations, tags.
    """

    status: TopicStatus = attrs.field(validator=instance_of(TopicStatus))
    level: ConsensusLevel | None = attrs.field(default=None, validator=optional(instance_of(ConsensusLevel)))
    consensus: GroupInformedConsensus | None = attrs.field(
        default=None, validator=optional(instance_of(GroupInformedConsensus))
    )
    evidence: tuple[Evidence, ...] = attrs.field(default=(), validator=_many(Evidence))
    consensus_note: str | None = attrs.field(default=None, validator=_str)

    def __attrs_post_init__(self) -> None:
        if (self.status is TopicStatus.CONCLUDED) != (self.level is not None):
            raise ValueError("level is given exactly when the status is concluded")
        if self.level is ConsensusLevel.NOT_DISCUSSED:
            raise ValueError("level must be on the consensus scale (not not_discussed)")

    def of_kind(self, *kinds: EvidenceKind) -> tuple[Evidence, ...]:
        """The evidence of the given kinds."""
        return tuple(item for item in self.evidence if item.kind in kinds)


NOT_DISCUSSED = TopicState(TopicStatus.NOT_DISCUSSED)


# ---------------------------------------------------------------------------
# Reading records as units.


@attrs.frozen
class Unit:
    """A session or workshop with its reference (forum and effective date)."""

    record: Session | Workshop
    ref: RecordRef


def _unit(record: Session | Workshop, forum: Forum | None) -> Unit:
    kind = RecordKind.SESSION if isinstance(record, Session) else RecordKind.WORKSHOP
    date = record.date if record.date is not None else (forum.dates if forum is not None else None)
    from_text = uncertain = False
    if date is None:
        date, uncertain = date_in_text(record)
        from_text = date is not None
    forum_id = forum.id if forum is not None else record.forum
    ref = RecordRef(
        kind, record.id, record.title, forum_id, date, document_of(record), is_cut_off(record), from_text, uncertain
    )
    return Unit(record, ref)


def items_of(
    records: Records, *, where: str = "records", function: str = "compare"
) -> tuple[Forum | Session | Workshop, ...]:
    """The forums, sessions and workshops *records* holds, in input order.

    Raises:
        ArgumentTypeError: *records* is a file name, a path or text: *function*
            wants records, and the message says how to load them.
        ValidationError: Something in *records* is not a forum, session or workshop
            (each named by its position).
    """
    if isinstance(records, (Forum, Session, Workshop)):
        return (records,)
    expect_records(function, where, records)
    items: list[Forum | Session | Workshop] = []
    problems: list[Problem] = []
    try:
        for index, item in enumerate(cast(Iterable[object], records)):
            if isinstance(item, (Forum, Session, Workshop)):
                items.append(item)
            else:
                message = f"expected a Forum, Session or Workshop, got {type(item).__name__}"
                if isinstance(item, (str, bytes, os.PathLike)):
                    message += " (to read a file, give govrecords.load(path))"
                problems.append(Problem(f"{where}[{index}]", message))
    except ArgumentTypeError:
        raise
    except TypeError:
        problems.append(
            Problem(where, f"expected a Forum, Session, Workshop or an iterable of them, got {type(records).__name__}")
        )
    if problems:
        raise ValidationError(problems)
    return tuple(items)


def units_of(records: Records, *, where: str = "records") -> list[Unit]:
    """Every session and workshop in *records*, with its forum, in input order.

    Raises:
        ValidationError: Something in *records* is not a forum, session or workshop.
    """
    units: list[Unit] = []
    for item in items_of(records, where=where):
        if isinstance(item, Forum):
            units.extend(_unit(session, item) for session in item.sessions)
            units.extend(_unit(workshop, item) for workshop in item.workshops)
        else:
            units.append(_unit(item, None))
    return units


Expand = Callable[[tuple[str, ...]], tuple[str, ...]]


def exact_topics(topics: tuple[str, ...]) -> tuple[str, ...]:
    """Topics as tagged (no roll-up), each once."""
    return tuple(dict.fromkeys(topics))


def unit_evidence(unit: Unit, expand: Expand = exact_topics) -> Iterator[tuple[str, Evidence]]:
    """Each ``(topic, evidence)`` a unit holds; *expand* maps a part's tags to topics."""
    record, ref = unit.record, unit.ref
    if isinstance(record, Session):
        for finding in record.findings:
            item = Evidence(
                EvidenceKind.FINDING,
                ref,
                finding.text,
                consensus=finding.consensus,
                consensus_wording=finding.consensus_wording,
                provenance=finding.provenance,
            )
            yield from ((topic, item) for topic in expand(finding.topics))
            for position in finding.positions:
                stated = Evidence(
                    EvidenceKind.POSITION,
                    ref,
                    position.claim,
                    actor=position.actor,
                    stance=position.stance,
                    provenance=position.provenance,
                )
                # A position is evidence for the topics tagged on it. One tagged with no
                # topic is evidence only when its finding is about a single topic: the
                # finding's other tags came from other passages.
                own = position.topics or (finding.topics if len(set(finding.topics)) == 1 else ())
                yield from ((topic, stated) for topic in expand(own))
        statements = (
            (EvidenceKind.KEY_ISSUE, record.key_issues),
            (EvidenceKind.POLICY_QUESTION, record.policy_questions),
        )
        for recommendation in record.recommendations:
            item = Evidence(
                EvidenceKind.RECOMMENDATION,
                ref,
                recommendation.text,
                number=recommendation.number,
                force=recommendation.force,
                provenance=recommendation.provenance,
            )
            yield from ((topic, item) for topic in expand(recommendation.topics))
    else:
        statements = ((EvidenceKind.ISSUE, record.issues), (EvidenceKind.POLICY_QUESTION, record.policy_questions))
    for kind, parts in statements:
        for part in parts:
            item = Evidence(kind, ref, part.text, number=part.number, provenance=part.provenance)
            yield from ((topic, item) for topic in expand(part.topics))
    if record.topics:
        item = Evidence(EvidenceKind.TAG, ref, record.title, provenance=record.provenance_of(None))
        yield from ((topic, item) for topic in expand(record.topics))


def gather(units: Iterable[Unit], expand: Expand = exact_topics) -> dict[str, list[Evidence]]:
    """The evidence of *units*, by topic."""
    found: dict[str, list[Evidence]] = {}
    for unit in units:
        for topic, item in unit_evidence(unit, expand):
            found.setdefault(topic, []).append(item)
    return found


def state_of(evidence: Iterable[Evidence], aggregate: Aggregate = Aggregate.WEAKEST) -> TopicState:
    """The state a topic's evidence adds up to (see :class:`TopicStatus`)."""
    items = tuple(sorted(evidence, key=Evidence.key))
    if not items:
        return NOT_DISCUSSED
    levels = [item.consensus for item in items if item.kind is EvidenceKind.FINDING and item.consensus is not None]
    level = aggregate_levels(levels, aggregate)
    measure, note = consensus_or_reason(
        (item.group, item.stance) for item in items if item.kind is EvidenceKind.POSITION and item.stance is not None
    )
    if level is not None:
        return TopicState(TopicStatus.CONCLUDED, level, measure, items, note)
    raised = any(item.kind is not EvidenceKind.FINDING for item in items)
    return TopicState(TopicStatus.RAISED if raised else TopicStatus.NOT_DISCUSSED, None, measure, items, note)


def check_options(aggregate: object, rollup: object) -> None:
    """Raise a :class:`~govrecords.errors.ValidationError` naming each option of the wrong kind."""
    problems: list[Problem] = []
    if not isinstance(aggregate, Aggregate):
        problems.append(Problem("aggregate", "must be an Aggregate", aggregate))
    if not isinstance(rollup, bool):
        problems.append(Problem("rollup", "must be true or false", rollup))
    if problems:
        raise ValidationError(problems)


def expander(taxonomy: Taxonomy, rollup: bool) -> Expand:
    """How tags map to topics: as tagged, or (with *rollup*) also to every broader topic."""
    if not rollup:
        return exact_topics

    def expand(topics: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(broader for topic in topics for broader in taxonomy.broader_chain(topic)))

    return expand
