"""What a comparison reports: the :class:`Comparison` and its rows, each with its evidence and explanation.

:func:`~govrecords.comparison.two_sides.compare` builds it; every row can be seen
from the other side (``mirror``), so that ``compare(b, a) == compare(a, b).mirror()``.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable

import attrs
from attrs.validators import instance_of, optional

from govrecords._validators import many as _many
from govrecords.comparison.changes import Change, StanceShift
from govrecords.comparison.consensus import Aggregate
from govrecords.comparison.evidence import Evidence, TopicState, TopicStatus
from govrecords.comparison.matching import REPEATED_AT, REWORDED_AT, MatchKind, RecommendationMatch, mirror_match
from govrecords.comparison.refs import ForumRef, RecordKind, RecordRef
from govrecords.comparison.sentences import match_explanation, stance_explanation, topic_explanation
from govrecords.documents import Coverage, DocumentKind
from govrecords.serialisation.registry import record_type
from govrecords.vocabulary import StakeholderKind, Stance

__all__ = ["Comparison", "ComparisonSettings", "SideSummary", "StanceComparison", "TopicComparison", "explained"]


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

    @functools.cached_property
    def coverage(self) -> Coverage:
        """What the side's documents can say about absence and recommendations (worked out once)."""
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
        :meth:`Change.between <govrecords.comparison.Change.between>`).
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


@record_type("comparison")
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
            and all(match.kind is MatchKind.REPEATED for match in self.recommendations)
        )

    def topic(self, topic_id: str) -> TopicComparison | None:
        """The comparison of one topic, or None if neither side has it."""
        return next((topic for topic in self.topics if topic.topic == topic_id), None)

    def mirror(self) -> Comparison:
        """The same comparison seen from the other side: ``compare(b, a)`` for ``compare(a, b)``.

        >>> from govrecords import Session, compare
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
            explained(matches, self.settings, self.after, self.before, (raised[0], raised[1])),
        )


_match = RecommendationMatch._trusted  # pyright: ignore[reportPrivateUsage]  # its own constructor, for the comparison (govrecords._trusted)

_ONE_SIDED = {
    MatchKind.NEW: MatchKind.NO_COUNTERPART_BEFORE,
    MatchKind.DROPPED: MatchKind.NO_COUNTERPART_AFTER,
    MatchKind.NO_COUNTERPART_BEFORE: MatchKind.NO_COUNTERPART_BEFORE,
    MatchKind.NO_COUNTERPART_AFTER: MatchKind.NO_COUNTERPART_AFTER,
}
_HAS_COUNTERPART = {MatchKind.NO_COUNTERPART_BEFORE: MatchKind.NEW, MatchKind.NO_COUNTERPART_AFTER: MatchKind.DROPPED}


def explained(
    matches: Iterable[RecommendationMatch],
    settings: ComparisonSettings,
    before: SideSummary,
    after: SideSummary,
    topics: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset()),
) -> tuple[RecommendationMatch, ...]:
    """Each match with its words.

    A one-sided match is *new* or *dropped* only when the other side makes
    recommendations, records some, and raises one of its topics; otherwise it has
    *no counterpart*. Each match is built again with its kind and words, from the
    parts of a match already built, without validating them again
    (:meth:`RecommendationMatch._trusted`).
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
            one_sided = _match(kind, match.before, match.after, match.links, match.explanation, match.search_limited)
            text = match_explanation(
                one_sided,
                repeated_at=settings.repeated_at,
                reworded_at=settings.reworded_at,
                other_side_empty=not other_has,
                other_side_announcements=not other.coverage.makes_recommendations,
                other_side_words=other.coverage.words,
            )
            out.append(_worded(one_sided, text))
            continue
        text = match_explanation(match, repeated_at=settings.repeated_at, reworded_at=settings.reworded_at)
        out.append(_worded(match, text))
    return tuple(sorted(out, key=RecommendationMatch.key))


def _worded(match: RecommendationMatch, explanation: str) -> RecommendationMatch:
    """*match* with *explanation* (``attrs.evolve`` without validating its parts again)."""
    return _match(match.kind, match.before, match.after, match.links, explanation, match.search_limited)
