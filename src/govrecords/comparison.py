"""Comparison: how a topic's consensus changed between two forums, sessions or collections.

:func:`compare` reads each side as its sessions and workshops (see
:mod:`govrecords.evidence`) and reports, as a :class:`Comparison`:

* per topic, the state on each side and the :class:`~govrecords.changes.Change`,
  with the evidence;
* per stakeholder group and topic, the :class:`~govrecords.changes.StanceShift`;
* the recommendations matched across the sides (:mod:`govrecords.matching`).

How it decides, in short:

* **Topics** are the ids records are tagged with. With ``rollup=True`` a tag also
  counts for every broader topic of the taxonomy (a finding on "sovereignty"
  counts for "role-of-governments" and "multistakeholder-model").
* **A side's level** for a topic combines its findings' levels, the weakest by
  default (:class:`~govrecords.consensus.Aggregate`).
* **Raised is not a level.** A topic only raised on a side (policy questions,
  premises, key issues; no finding) is neither strengthened nor weakened against
  a level: the change is *reopened* or *concluded*, said in words.
* **Stances** are read from positions whose actor declares a stakeholder group.
  A group holding different stances on one side holds a mixed one.

The result does not depend on the order of the records given, comparing a side
with itself reports no change, and ``compare(b, a) == compare(a, b).mirror()``.
Cost grows linearly with the number of records (see :mod:`govrecords.matching`
for the one part where that needs care).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs
from attrs.validators import instance_of, optional

from govrecords._validators import many as _many
from govrecords.changes import Change, StanceShift, stance_explanation, topic_explanation
from govrecords.consensus import Aggregate
from govrecords.documents import Coverage, DocumentKind, operative_items
from govrecords.evidence import (
    NOT_DISCUSSED,
    Evidence,
    EvidenceKind,
    ForumRef,
    RecordKind,
    RecordRef,
    Records,
    TopicState,
    TopicStatus,
    Unit,
    check_options,
    expander,
    forum_label,
    gather,
    items_of,
    state_of,
    units_of,
)
from govrecords.matching import (
    REPEATED_AT,
    REWORDED_AT,
    MatchKind,
    RecommendationMatch,
    RecommendationRef,
    check_thresholds,
    match_explanation,
    match_recommendations,
    mirror_match,
)
from govrecords.records import Forum, Session
from govrecords.taxonomy import Taxonomy, default_taxonomy
from govrecords.vocabulary import StakeholderKind, Stance

__all__ = [
    "Comparison",
    "ComparisonSettings",
    "SideSummary",
    "StanceComparison",
    "TopicComparison",
    "compare",
]


@attrs.frozen
class SideSummary:
    """What one side of a comparison is made of.

    Args:
        label: A short name for the side: the record's title when it holds one
            session or workshop, else its forum's name or id, else a count.
        records: Its sessions and workshops, in a stable order.
        forums: The forums they belong to, in a stable order.
    """

    label: str = attrs.field(validator=instance_of(str))
    records: tuple[RecordRef, ...] = attrs.field(default=(), validator=_many(RecordRef))
    forums: tuple[ForumRef, ...] = attrs.field(default=(), validator=_many(ForumRef))

    @property
    def announcements_only(self) -> bool:
        """Whether the side holds workshop announcements and nothing reported afterwards."""
        return bool(self.records) and all(r.kind is RecordKind.WORKSHOP for r in self.records)

    @property
    def coverage(self) -> Coverage:
        """What the side's documents can say about absence and recommendations."""
        kinds = [
            r.document or (DocumentKind.ANNOUNCEMENT if r.kind is RecordKind.WORKSHOP else DocumentKind.SESSION_REPORT)
            for r in self.records
        ]
        return Coverage.of(kinds, any(r.partial for r in self.records))


@attrs.frozen
class ComparisonSettings:
    """The parameters a comparison was made with, so its report explains itself.

    Args:
        aggregate: How a side's findings' levels were combined.
        rollup: Whether tags also counted for their broader topics.
        taxonomy: The name of the taxonomy used for labels and roll-up.
        repeated_at: The least similarity, in percent, of a repeated recommendation.
        reworded_at: The least similarity, in percent, of any recommendation match.
    """

    aggregate: Aggregate = attrs.field(default=Aggregate.WEAKEST, validator=instance_of(Aggregate))
    rollup: bool = attrs.field(default=False, validator=instance_of(bool))
    taxonomy: str | None = attrs.field(default=None, validator=optional(instance_of(str)))
    repeated_at: int = attrs.field(default=REPEATED_AT, validator=instance_of(int))
    reworded_at: int = attrs.field(default=REWORDED_AT, validator=instance_of(int))


@attrs.frozen
class TopicComparison:
    """One topic on both sides, and how it changed.

    Args:
        topic: The topic's id.
        label: The topic's label in the taxonomy, if it has one.
        before: The topic's state on the before side, with the evidence.
        after: Its state on the after side.
        change: How it changed.
        explanation: The change in words.
    """

    topic: str = attrs.field(validator=instance_of(str))
    label: str | None = attrs.field(validator=optional(instance_of(str)))
    before: TopicState = attrs.field(validator=instance_of(TopicState))
    after: TopicState = attrs.field(validator=instance_of(TopicState))
    change: Change = attrs.field(validator=instance_of(Change))
    explanation: str = attrs.field(default="", validator=instance_of(str))

    def mirror(self, before_side: Coverage | None = None, after_side: Coverage | None = None) -> TopicComparison:
        """The comparison seen from the other side.

        *before_side* and *after_side* describe the sides of this comparison (see
        :meth:`Change.between <govrecords.Change.between>`).
        """
        change = self.change.mirror()
        text = topic_explanation(self.after, self.before, change, after_side, before_side)
        return TopicComparison(self.topic, self.label, self.after, self.before, change, text)


@attrs.frozen
class StanceComparison:
    """One stakeholder group's stance on one topic, on both sides.

    Args:
        group: The stakeholder group.
        topic: The topic's id.
        before: The group's stance before (mixed when its positions differ), or None.
        after: Its stance after, or None.
        shift: How it changed.
        before_evidence: The group's positions before.
        after_evidence: Its positions after.
        explanation: The shift in words.
    """

    group: StakeholderKind = attrs.field(validator=instance_of(StakeholderKind))
    topic: str = attrs.field(validator=instance_of(str))
    before: Stance | None = attrs.field(validator=optional(instance_of(Stance)))
    after: Stance | None = attrs.field(validator=optional(instance_of(Stance)))
    shift: StanceShift = attrs.field(validator=instance_of(StanceShift))
    before_evidence: tuple[Evidence, ...] = attrs.field(default=(), validator=_many(Evidence))
    after_evidence: tuple[Evidence, ...] = attrs.field(default=(), validator=_many(Evidence))
    explanation: str = attrs.field(default="", validator=instance_of(str))

    def mirror(self) -> StanceComparison:
        """The comparison seen from the other side."""
        shift = self.shift.mirror()
        return StanceComparison(
            self.group,
            self.topic,
            self.after,
            self.before,
            shift,
            self.after_evidence,
            self.before_evidence,
            stance_explanation(self.group, self.after, self.before, shift),
        )


@attrs.frozen
class Comparison:
    """What changed between two sides: topics, stances and recommendations, with evidence.

    Args:
        before: What the before side is made of.
        after: What the after side is made of.
        settings: The parameters the comparison was made with.
        topics: Each topic on either side, by topic id.
        stances: Each (stakeholder group, topic) with a position on either side.
        recommendations: Every recommendation of both sides, in exactly one match.
    """

    before: SideSummary = attrs.field(validator=instance_of(SideSummary))
    after: SideSummary = attrs.field(validator=instance_of(SideSummary))
    settings: ComparisonSettings = attrs.field(factory=ComparisonSettings, validator=instance_of(ComparisonSettings))
    topics: tuple[TopicComparison, ...] = attrs.field(default=(), validator=_many(TopicComparison))
    stances: tuple[StanceComparison, ...] = attrs.field(default=(), validator=_many(StanceComparison))
    recommendations: tuple[RecommendationMatch, ...] = attrs.field(default=(), validator=_many(RecommendationMatch))

    @property
    def is_unchanged(self) -> bool:
        """True when nothing differs (no topic, stance or recommendation changed)."""
        return (
            not any(topic.change.is_change for topic in self.topics)
            and all(stance.shift is StanceShift.UNCHANGED for stance in self.stances)
            and all(match.kind.value == "repeated" for match in self.recommendations)
        )

    def topic(self, topic_id: str) -> TopicComparison | None:
        """The comparison of one topic, or None if neither side has it."""
        return next((topic for topic in self.topics if topic.topic == topic_id), None)

    def mirror(self) -> Comparison:
        """The same comparison seen from the other side: ``compare(b, a)`` for ``compare(a, b)``.

        >>> from govrecords import Session
        >>> a, b = Session(id="a", title="A"), Session(id="b", title="B")
        >>> compare(a, b).mirror() == compare(b, a)
        True
        """
        matches = [mirror_match(match) for match in self.recommendations]
        raised = tuple(
            frozenset(t.topic for t in self.topics if getattr(t, side).status is not TopicStatus.NOT_DISCUSSED)
            for side in ("after", "before")
        )
        return Comparison(
            self.after,
            self.before,
            self.settings,
            tuple(topic.mirror(self.before.coverage, self.after.coverage) for topic in self.topics),
            tuple(stance.mirror() for stance in self.stances),
            _explained(matches, self.settings, self.after, self.before, (raised[0], raised[1])),
        )


_ONE_SIDED = {
    MatchKind.NEW: MatchKind.NO_COUNTERPART_BEFORE,
    MatchKind.DROPPED: MatchKind.NO_COUNTERPART_AFTER,
    MatchKind.NO_COUNTERPART_BEFORE: MatchKind.NO_COUNTERPART_BEFORE,
    MatchKind.NO_COUNTERPART_AFTER: MatchKind.NO_COUNTERPART_AFTER,
}
_HAS_COUNTERPART = {MatchKind.NO_COUNTERPART_BEFORE: MatchKind.NEW, MatchKind.NO_COUNTERPART_AFTER: MatchKind.DROPPED}


def _explained(
    matches: Iterable[RecommendationMatch],
    settings: ComparisonSettings,
    before: SideSummary,
    after: SideSummary,
    topics: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> tuple[RecommendationMatch, ...]:
    """Each match with its words.

    A one-sided match is *new* or *dropped* only when the other side makes
    recommendations, records some, and raises one of its topics; otherwise it has
    *no counterpart*.
    """
    matches = list(matches)
    has_before = any(match.before for match in matches)
    has_after = any(match.after for match in matches)
    out: list[RecommendationMatch] = []
    for match in matches:
        kind = match.kind
        if kind in _ONE_SIDED:
            new = kind in (MatchKind.NEW, MatchKind.NO_COUNTERPART_BEFORE)
            other, other_has, other_topics = (before, has_before, topics[0]) if new else (after, has_after, topics[1])
            rec = (match.after if new else match.before)[0]
            same_ground = bool(set(rec.topics) & other_topics) if rec.topics else other.coverage.complete
            counterpart = other.coverage.makes_recommendations and other_has and same_ground
            kind = _HAS_COUNTERPART[_ONE_SIDED[kind]] if counterpart else _ONE_SIDED[kind]
            one_sided = attrs.evolve(match, kind=kind)
            text = match_explanation(
                one_sided,
                repeated_at=settings.repeated_at,
                reworded_at=settings.reworded_at,
                other_side_empty=not other_has,
                other_side_announcements=not other.coverage.makes_recommendations,
                other_side_words=other.coverage.words,
            )
            out.append(attrs.evolve(one_sided, explanation=text))
            continue
        text = match_explanation(match, repeated_at=settings.repeated_at, reworded_at=settings.reworded_at)
        out.append(attrs.evolve(match, explanation=text))
    return tuple(sorted(out, key=RecommendationMatch.key))


def _label(forums: Sequence[ForumRef], units: Sequence[Unit]) -> str:
    if len(units) == 1:
        return units[0].ref.title
    forum_ids = {unit.ref.forum for unit in units}
    if len(forum_ids) == 1 and None not in forum_ids:
        return min(forum_label(forum) for forum in forums if forum.id in forum_ids)
    if not units:
        return "nothing"
    return f"{len(units)} sessions and workshops from {len(forum_ids - {None})} forums"


def _summary(items: Sequence[object], units: Sequence[Unit]) -> SideSummary:
    given = {ForumRef.of(item) for item in items if isinstance(item, Forum)}
    named = {forum.id for forum in given}
    given |= {ForumRef(unit.ref.forum) for unit in units if unit.ref.forum is not None and unit.ref.forum not in named}
    forums = sorted(given, key=ForumRef.key)
    records = sorted({unit.ref for unit in units}, key=RecordRef.key)
    return SideSummary(_label(forums, units), tuple(records), tuple(forums))


def _recommendations(units: Iterable[Unit]) -> list[RecommendationRef]:
    """Every recommendation of the units.

    A communiqué's resolutions kept only as a section count too (see
    :func:`~govrecords.documents.operative_items`).
    """
    return [
        RecommendationRef(unit.ref, rec.text, rec.number, rec.id, rec.force, rec.topics, rec.provenance)
        for unit in units
        if isinstance(unit.record, Session)
        for rec in (unit.record.recommendations or tuple(operative_items(unit.record)))
    ]


def _stances(evidence: dict[str, list[Evidence]]) -> dict[tuple[StakeholderKind, str], list[Evidence]]:
    found: dict[tuple[StakeholderKind, str], list[Evidence]] = {}
    for topic, items in evidence.items():
        for item in items:
            if item.kind is EvidenceKind.POSITION and item.group is not None:
                found.setdefault((item.group, topic), []).append(item)
    return found


def _held(positions: Sequence[Evidence]) -> Stance | None:
    stances = {item.stance for item in positions if item.stance is not None}
    if not stances:
        return None
    return stances.pop() if len(stances) == 1 else Stance.MIXED


def compare(
    before: Records,
    after: Records,
    *,
    taxonomy: Taxonomy | None = None,
    rollup: bool = False,
    topics: Iterable[str] | None = None,
    aggregate: Aggregate = Aggregate.WEAKEST,
    repeated_at: int = REPEATED_AT,
    reworded_at: int = REWORDED_AT,
) -> Comparison:
    """Compare two forums, two sessions or workshops, or two collections of them.

    Args:
        before: The earlier side: a :class:`~govrecords.records.Forum` (its
            sessions and workshops), a :class:`~govrecords.records.Session`, a
            :class:`~govrecords.records.Workshop`, or an iterable of them.
        after: The later side, likewise.
        taxonomy: The taxonomy for topic labels and roll-up (default:
            :func:`~govrecords.taxonomy.default_taxonomy`).
        rollup: Count each tag also for every broader topic of the taxonomy.
        topics: Report only these topic ids, each even when neither side has it;
            None reports every topic either side has. Each must be a topic of
            *taxonomy* or of a side's records.
        aggregate: How a side's findings' levels on a topic combine (default:
            the weakest).
        repeated_at: The least similarity, in whole percent, for a one-to-one
            recommendation match to count as repeated (default 95).
        reworded_at: The least similarity, in whole percent, for recommendations
            to be matched at all (default 50).

    Returns:
        The comparison, ordered by topic id, then stakeholder group, so it never
        depends on the order of the records given.

    Raises:
        ArgumentTypeError: *before* or *after* is a file name, a path or text rather
            than records (read them with :func:`~govrecords.formats.load`).
        ValidationError: A side holds something other than forums, sessions and
            workshops, or a parameter is out of range; every problem is named.
        UnknownTopicError: A topic of *topics* is neither in the taxonomy nor on
            either side (the closest ids are suggested).

    >>> from govrecords import ConsensusLevel, Finding, Session
    >>> a = Session(id="a", title="2012", findings=(Finding("x", ConsensusLevel.OPINIONS_VARIED, topics=("privacy",)),))
    >>> b = Session(id="b", title="2013", findings=(Finding("y", ConsensusLevel.COMMON_VIEW, topics=("privacy",)),))
    >>> compare(a, b).topic("privacy").change
    <Change.STRENGTHENED: 'strengthened'>
    """
    check_thresholds(repeated_at, reworded_at)
    check_options(aggregate, rollup)
    taxonomy = default_taxonomy() if taxonomy is None else taxonomy
    expand = expander(taxonomy, rollup)
    before_items, after_items = items_of(before, where="before"), items_of(after, where="after")
    before_units, after_units = units_of(before_items), units_of(after_items)
    before_evidence, after_evidence = gather(before_units, expand), gather(after_units, expand)
    present = set(before_evidence) | set(after_evidence)
    wanted = sorted(
        {topic if topic in present else taxonomy.require(topic) for topic in topics} if topics is not None else present
    )
    first_side, second_side = _summary(before_items, before_units), _summary(after_items, after_units)
    covers = first_side.coverage, second_side.coverage
    topic_rows: list[TopicComparison] = []
    for topic in wanted:
        first = state_of(before_evidence.get(topic, ()), aggregate) if topic in before_evidence else NOT_DISCUSSED
        second = state_of(after_evidence.get(topic, ()), aggregate) if topic in after_evidence else NOT_DISCUSSED
        change = Change.between(first, second, *covers)
        found = taxonomy.get(topic)
        text = topic_explanation(first, second, change, *covers)
        topic_rows.append(TopicComparison(topic, found.label if found else None, first, second, change, text))
    before_stances, after_stances = _stances(before_evidence), _stances(after_evidence)
    group_order = {kind: index for index, kind in enumerate(StakeholderKind)}
    stance_rows: list[StanceComparison] = []
    for group, topic in sorted(set(before_stances) | set(after_stances), key=lambda key: (group_order[key[0]], key[1])):
        if topics is not None and topic not in wanted:
            continue
        first_items = tuple(sorted(before_stances.get((group, topic), ()), key=Evidence.key))
        second_items = tuple(sorted(after_stances.get((group, topic), ()), key=Evidence.key))
        held_before, held_after = _held(first_items), _held(second_items)
        shift = StanceShift.between(held_before, held_after)
        stance_rows.append(
            StanceComparison(
                group,
                topic,
                held_before,
                held_after,
                shift,
                first_items,
                second_items,
                stance_explanation(group, held_before, held_after, shift),
            )
        )
    settings = ComparisonSettings(aggregate, rollup, taxonomy.name, repeated_at, reworded_at)
    matches = match_recommendations(
        _recommendations(before_units), _recommendations(after_units), repeated_at=repeated_at, reworded_at=reworded_at
    )
    return Comparison(
        first_side,
        second_side,
        settings,
        tuple(topic_rows),
        tuple(stance_rows),
        _explained(matches, settings, first_side, second_side, (_raised(before_evidence), _raised(after_evidence))),
    )


def _raised(evidence: dict[str, list[Evidence]]) -> frozenset[str]:
    return frozenset(
        topic for topic, items in evidence.items() if state_of(items).status is not TopicStatus.NOT_DISCUSSED
    )
