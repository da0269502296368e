"""Evidence on a topic, and the state it adds up to on one side: concluded, raised or not discussed.

Each part of a record tagged with a topic is :class:`Evidence` for that topic (see
:mod:`~govrecords.comparison.units` for how records are read).

A topic's :class:`TopicState` on one side is one of three:

* **concluded** (:attr:`TopicStatus.CONCLUDED`): at least one finding on the topic
  reports a consensus level; the side's level combines them (:class:`~govrecords.comparison.consensus.Aggregate`);
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
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
from attrs.validators import instance_of, optional

from govrecords._trusted import slot_setters
from govrecords._validators import many as _many
from govrecords._validators import opt_str as _str
from govrecords.comparison.consensus import Aggregate, GroupInformedConsensus, aggregate_levels, consensus_or_reason
from govrecords.comparison.refs import RecordRef, natural_key
from govrecords.provenance import Provenance
from govrecords.records import Actor
from govrecords.vocabulary import ConsensusLevel, Force, StakeholderKind, Stance

__all__ = [
    "NOT_DISCUSSED",
    "UNQUOTED_TAG",
    "WHOLE_RECORD_TAG",
    "Evidence",
    "EvidenceKind",
    "TopicState",
    "TopicStatus",
    "discussed",
    "heads_of",
    "in_order",
    "order_of",
    "state_of",
    "state_of_ordered",
]


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
    """The session or workshop as a whole is tagged with the topic.

    Its evidence is the passage the tag came from (the record's ``"topics"``
    provenance), or the record as a whole when the record names no passage."""


_KIND_ORDER = {kind: index for index, kind in enumerate(EvidenceKind)}

WHOLE_RECORD_TAG = "(the record as a whole: no passage is recorded as the one this tag came from)"
"""The text of a tag's evidence when the record names no passage its tags came from.

A record tagged by hand has no ``"topics"`` provenance: the tag is about the record
as a whole, and its title is not claimed as the passage the tag came from."""

UNQUOTED_TAG = "(a passage of the source, not quoted)"
"""The text of a tag's evidence when the passage it came from is given by its span alone."""


@attrs.frozen
class Evidence:
    """One part of a record that bears on a topic, with where it comes from.

    Args:
        kind: Finding, position, policy question, premise...
        record: The session or workshop it is part of.
        text: The part's text (a finding's point, a question, a position's claim;
            for a tag, the words of the passage the tag came from, such as the
            title, or a note in brackets when the record names no such passage).
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

    @classmethod
    def _trusted(  # noqa: PLR0917 -- the same arguments as __init__
        cls,
        kind: EvidenceKind,
        record: RecordRef,
        text: str,
        number: str | None = None,
        consensus: ConsensusLevel | None = None,
        consensus_wording: str | None = None,
        actor: Actor | None = None,
        stance: Stance | None = None,
        force: Force | None = None,
        provenance: tuple[Provenance, ...] = (),
    ) -> Evidence:
        """The evidence ``__init__`` builds from these values, without validating them again.

        Private to the comparison, which builds evidence for every tagged part of
        every record from fields of those validated records (see
        :mod:`govrecords._trusted`).
        """
        self = _new(cls)
        _set_kind(self, kind)
        _set_record(self, record)
        _set_text(self, text)
        _set_number(self, number)
        _set_consensus(self, consensus)
        _set_consensus_wording(self, consensus_wording)
        _set_actor(self, actor)
        _set_stance(self, stance)
        _set_force(self, force)
        _set_provenance(self, provenance)
        return self

    @property
    def group(self) -> StakeholderKind | None:
        """The stakeholder group of a position's actor, if it declares one."""
        if self.actor is None or self.actor.stakeholder is None:
            return None
        return self.actor.stakeholder.kind

    def key(self) -> tuple[Any, ...]:
        """A total, content-based order, so results never depend on input order."""
        return self._key

    @functools.cached_property
    def _key(self) -> tuple[Any, ...]:
        # Worked out once per item: evidence is sorted per topic and per stakeholder group.
        # Its first parts are _head's (see in_order).
        actor = self.actor
        return (
            *_head(self),
            self.consensus.value if self.consensus else "",
            self.stance.value if self.stance else "",
            _actor_key(actor),
            self.force.value if self.force else "",
            _text(self.consensus_wording),
            tuple(_provenance_key(p) for p in self.provenance),
            # Last, so it only breaks ties: two records alike but for what they are
            # (a partial copy, a date read from the text) still sort the same in any order.
            _record_flags(self.record),
        )


_new = object.__new__
(
    _set_kind,
    _set_record,
    _set_text,
    _set_number,
    _set_consensus,
    _set_consensus_wording,
    _set_actor,
    _set_stance,
    _set_force,
    _set_provenance,
) = slot_setters(
    Evidence,
    (
        "kind",
        "record",
        "text",
        "number",
        "consensus",
        "consensus_wording",
        "actor",
        "stance",
        "force",
        "provenance",
    ),
)


def _head(item: Evidence) -> tuple[Any, ...]:
    """The first parts of :meth:`Evidence.key`: record, kind, number and text."""
    return heads_of(item.record.key(), (item,))[0]


# _KIND_ORDER by each kind's id: a kind is one object for the life of the process, and
# an int hashes in C where an enum member's hash is a call to Python (Enum.__hash__).
_KIND_ORDER_BY_ID = {id(kind): order for kind, order in _KIND_ORDER.items()}


def heads_of(record_key: tuple[Any, ...], items: Iterable[Evidence]) -> list[tuple[Any, ...]]:
    """Each item's :func:`_head`, for *items* all of one record whose ``key()`` is *record_key*.

    The one home of a head's layout: the record's key, the kind's place, the
    number's natural key and the number as :func:`_text` gives it (written out here,
    one call fewer an item), then the text.
    """
    kind_order = _KIND_ORDER_BY_ID
    return [
        (record_key, kind_order[id(item.kind)], natural_key(number), (number is not None, number or ""), item.text)
        for item in items
        for number in (item.number,)
    ]


def in_order(evidence: Iterable[Evidence]) -> list[Evidence]:
    """*evidence* sorted by :meth:`Evidence.key`, working the whole key out only where it must.

    The items are sorted by the key's first parts (record, kind, number, text), which
    nearly always tell them apart; each run of items alike in those is then sorted by
    the whole key. Sorting by a key's first parts and then each run of equals by the
    whole key is sorting by the whole key: the same order, ties kept in input order.
    """
    items = list(evidence)
    return [items[index] for index in order_of(items)]


def order_of(items: Sequence[Evidence], heads: Sequence[tuple[Any, ...]] | None = None) -> list[int]:
    """The places of *items* in the order :func:`in_order` puts them in (ties in input order).

    *heads*, when given, are the items' :func:`_head`, worked out by the caller.
    """
    if heads is None:
        heads = [_head(item) for item in items]
    ranked = sorted(range(len(items)), key=heads.__getitem__)
    start = 0
    for end in range(1, len(ranked) + 1):
        if end == len(ranked) or heads[ranked[end]] != heads[ranked[start]]:
            if end - start > 1:
                ranked[start:end] = sorted(ranked[start:end], key=lambda index: items[index].key())
            start = end
    return ranked


def _record_flags(record: RecordRef) -> tuple[str, bool, bool, bool]:
    document = record.document.value if record.document is not None else ""
    return (document, record.partial, record.date_from_text, record.date_uncertain)


def _text(value: str | None) -> tuple[bool, str]:
    """An optional text as a sort key in which None and the empty text differ."""
    return (value is not None, value or "")


def _actor_key(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return ()
    group = actor.stakeholder
    return (
        actor.kind.value,
        _text(actor.name),
        group.kind.value if group else "",
        _text(group.wording) if group else (),
        _text(actor.wording),
    )


def _provenance_key(prov: Provenance) -> tuple[Any, ...]:
    span = (prov.span.start, prov.span.end) if prov.span else (-1, -1)
    method = prov.method
    return (
        prov.source,
        span,
        _text(prov.quote),
        _text(prov.field),
        method.kind.value,
        _text(method.tool),
        _text(method.version),
        _text(method.template),
    )


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
            combined as the comparison's :class:`~govrecords.comparison.consensus.Aggregate`
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


def state_of(evidence: Iterable[Evidence], aggregate: Aggregate = Aggregate.WEAKEST) -> TopicState:
    """The state a topic's evidence adds up to (see :class:`TopicStatus`)."""
    return state_of_ordered(tuple(in_order(evidence)), aggregate)


def state_of_ordered(items: tuple[Evidence, ...], aggregate: Aggregate = Aggregate.WEAKEST) -> TopicState:
    """:func:`state_of` of *items* already in the order of :meth:`Evidence.key` (as :func:`in_order` gives)."""
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


def discussed(evidence: Iterable[Evidence]) -> bool:
    """Whether the state *evidence* adds up to is other than not discussed, without building it.

    The same as ``state_of(evidence).status is not TopicStatus.NOT_DISCUSSED``: a
    topic is discussed when something other than a finding raises it, or a finding
    reports a level on the consensus scale.
    """
    return any(
        item.kind is not EvidenceKind.FINDING or (item.consensus is not None and item.consensus.rank is not None)
        for item in evidence
    )
