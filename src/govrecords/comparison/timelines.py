"""Timelines: a topic's state across a series of forums, in date order.

:func:`timeline` groups records into *points*, one per forum (sessions and workshops
outside any known forum are points of their own), orders the points by date and
gives, per topic, the state at each point (:class:`~govrecords.comparison.evidence.TopicState`),
when it was first raised and last seen, and the :class:`Trend` of its consensus.

Dates keep their precision. Points are ordered by
:meth:`~govrecords.dates.PartialDate.sort_key` (earliest instant first, then the
narrower date), undated points last, ties in input order and then by key. Where
two neighbouring dates overlap or one contains the other ("2013" and "24 October
2013"), the order is only the sort order, and the later point says so
(:attr:`TimelinePoint.order_known` is false).
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from datetime import datetime

import attrs
from attrs.validators import instance_of, optional

from govrecords._collector import pausing
from govrecords._validators import many as _many
from govrecords._validators import opt_str as _str
from govrecords.comparison.consensus import Aggregate
from govrecords.comparison.evidence import NOT_DISCUSSED, TopicState, TopicStatus, state_of
from govrecords.comparison.refs import RecordRef, forum_label
from govrecords.comparison.units import Records, Unit, check_options, expander, gather, items_of, units_of
from govrecords.dates import DateRange, PartialDate, Relation, When
from govrecords.errors import Problem, ValidationError
from govrecords.records import Forum
from govrecords.serialisation.registry import record_type
from govrecords.taxonomy import Taxonomy, default_taxonomy

__all__ = ["Timeline", "TimelinePoint", "TopicTimeline", "Trend", "timeline"]


class Trend(enum.Enum):
    """Which way a topic's consensus moved over a timeline.

    Read from the points where the topic was concluded, in order; points where it
    was only raised or not discussed are not on the scale and are passed over.
    """

    RISING = "rising"
    """Never lower than the point before, and higher at least once."""
    FALLING = "falling"
    """Never higher than the point before, and lower at least once."""
    FLAT = "flat"
    """The same level at every concluded point."""
    MIXED = "mixed"
    """Up at one step and down at another."""
    INSUFFICIENT = "insufficient"
    """Fewer than two concluded points, so no trend to read."""


@attrs.frozen
class TimelinePoint:
    """A topic's state at one forum (or one record outside any forum).

    Args:
        key: The point's id: the forum's id, or ``session:ID`` / ``workshop:ID``
            for a record outside any forum.
        label: A name to show: the forum's name or id, or the record's title.
        date: The forum's dates, else the earliest date of its records, if any.
        records: The sessions and workshops the point is made of.
        state: The topic's state there, with the evidence.
        order_known: False when the date overlaps the previous point's, so that
            which came first is not known (the order is then the sort order).
    """

    key: str = attrs.field(validator=instance_of(str))
    label: str = attrs.field(validator=instance_of(str))
    date: When | None = attrs.field(validator=optional(instance_of((PartialDate, DateRange))))
    records: tuple[RecordRef, ...] = attrs.field(validator=_many(RecordRef))
    state: TopicState = attrs.field(validator=instance_of(TopicState))
    order_known: bool = attrs.field(default=True, validator=instance_of(bool))


@attrs.frozen
class TopicTimeline:
    """One topic across the points of a timeline.

    Args:
        topic: The topic's id.
        label: Its label in the taxonomy, if it has one.
        points: Every point, in date order, with the topic's state there.
        first_raised: The key of the first point where it was raised or concluded.
        last_seen: The key of the last such point.
        trend: Which way its consensus moved.
    """

    topic: str = attrs.field(validator=instance_of(str))
    label: str | None = attrs.field(validator=_str)
    points: tuple[TimelinePoint, ...] = attrs.field(validator=_many(TimelinePoint))
    first_raised: str | None = attrs.field(default=None, validator=_str)
    last_seen: str | None = attrs.field(default=None, validator=_str)
    trend: Trend = attrs.field(default=Trend.INSUFFICIENT, validator=instance_of(Trend))

    def point(self, key: str) -> TimelinePoint | None:
        """The point with this key, or None."""
        return next((point for point in self.points if point.key == key), None)


@record_type("timeline")
@attrs.frozen
class Timeline:
    """Topics across a series of forums.

    Args:
        topics: One timeline per topic, by topic id.
        aggregate: How each point's findings' levels were combined.
        rollup: Whether tags also counted for their broader topics.
        taxonomy: The name of the taxonomy used for labels and roll-up.
    """

    topics: tuple[TopicTimeline, ...] = attrs.field(validator=_many(TopicTimeline))
    aggregate: Aggregate = attrs.field(default=Aggregate.WEAKEST, validator=instance_of(Aggregate))
    rollup: bool = attrs.field(default=False, validator=instance_of(bool))
    taxonomy: str | None = attrs.field(default=None, validator=_str)

    def topic(self, topic_id: str) -> TopicTimeline | None:
        """The timeline of one topic, or None."""
        return next((topic for topic in self.topics if topic.topic == topic_id), None)


def trend_of(states: Sequence[TopicState]) -> Trend:
    """The trend of a topic's states in order (see :class:`Trend`).

    >>> from govrecords.comparison.evidence import TopicState, TopicStatus
    >>> from govrecords.vocabulary import ConsensusLevel
    >>> trend_of([TopicState(TopicStatus.CONCLUDED, ConsensusLevel.OPINIONS_VARIED), TopicState(TopicStatus.RAISED),
    ...           TopicState(TopicStatus.CONCLUDED, ConsensusLevel.COMMON_VIEW)])
    <Trend.RISING: 'rising'>
    """
    ranks = [state.level.rank for state in states if state.level is not None and state.level.rank is not None]
    if len(ranks) < 2:
        return Trend.INSUFFICIENT
    steps = [later - earlier for earlier, later in itertools.pairwise(ranks)]
    up, down = any(step > 0 for step in steps), any(step < 0 for step in steps)
    if up and down:
        return Trend.MIXED
    if up:
        return Trend.RISING
    return Trend.FALLING if down else Trend.FLAT


@attrs.define
class _Group:
    key: str
    label: str
    forum_dates: When | None
    first: int
    units: list[Unit] = attrs.field(factory=list[Unit])

    def date(self) -> When | None:
        if self.forum_dates is not None:
            return self.forum_dates
        dated = [unit.ref.date for unit in self.units if unit.ref.date is not None]
        return min(dated, key=lambda when: when.sort_key()) if dated else None


_UNDATED = (datetime.max, datetime.max)


def _groups(items: Sequence[object], units: Sequence[Unit]) -> list[_Group]:
    forums = {item.id: item for item in items if isinstance(item, Forum)}
    groups: dict[str, _Group] = {}
    for position, unit in enumerate(units):
        ref = unit.ref
        key = ref.forum if ref.forum is not None else f"{ref.kind.value}:{ref.id}"
        if key not in groups:
            forum = forums.get(ref.forum) if ref.forum is not None else None
            if forum is not None:
                label, dates = forum_label(forum), forum.dates
            else:
                label, dates = (ref.forum or ref.title), None
            groups[key] = _Group(key, label, dates, position)
        groups[key].units.append(unit)

    def order(group: _Group) -> tuple[bool, tuple[datetime, datetime], int, str]:
        date = group.date()
        return (date is None, date.sort_key() if date is not None else _UNDATED, group.first, group.key)

    return sorted(groups.values(), key=order)


def _check_topic(topic: object) -> None:
    if topic is not None and not isinstance(topic, str):
        raise ValidationError([Problem("topic", "must be a topic id (a string)", topic)])


@pausing  # why: see govrecords._collector (evidence for every record, all kept in the timeline)
def timeline(
    records: Records,
    topic: str | None = None,
    *,
    taxonomy: Taxonomy | None = None,
    rollup: bool = False,
    aggregate: Aggregate = Aggregate.WEAKEST,
) -> Timeline:
    """Each topic's state across *records*, point by point in date order.

    Args:
        records: Forums, sessions and workshops (or one of them).
        topic: Only this topic id (reported even if no record has it); None for
            every topic any record has.
        taxonomy: For topic labels and roll-up (default:
            :func:`~govrecords.taxonomy.default_taxonomy`).
        rollup: Count each tag also for every broader topic of the taxonomy.
        aggregate: How a point's findings' levels on a topic combine.

    Returns:
        The timelines, by topic id; each lists every point, including those where
        the topic was not discussed.

    Raises:
        ArgumentTypeError: *records* is a file name, a path or text rather
            than records (read them with :func:`~govrecords.serialisation.documents.load`).
        ValidationError: *records* holds something other than forums, sessions and
            workshops, or a parameter is of the wrong kind.

    >>> from govrecords import examples
    >>> line = timeline([examples.load(name) for name in examples.names()], "privacy")
    >>> [(point.label, point.state.status.value) for point in line.topics[0].points]
    [('a forum reporting to IGF 2012 Baku', 'concluded'), ('IGF 2013', 'raised')]
    """
    check_options(aggregate, rollup)
    _check_topic(topic)
    taxonomy = default_taxonomy() if taxonomy is None else taxonomy
    expand = expander(taxonomy, rollup)
    items = items_of(records, function="timeline")
    groups = _groups(items, units_of(items))
    evidence = [gather(group.units, expand, taxonomy) for group in groups]
    wanted = [topic] if topic is not None else sorted({found for per_point in evidence for found in per_point})
    known = [True] if groups else []
    for earlier, later in itertools.pairwise(groups):
        first, second = earlier.date(), later.date()
        known.append(first is not None and second is not None and first.relation(second) is Relation.BEFORE)
    lines: list[TopicTimeline] = []
    # Each point's records, sorted once rather than once per topic (performance issue:
    # with thousands of sessions per forum, sorting them again for every topic dominated).
    records_at = [tuple(sorted({unit.ref for unit in group.units}, key=RecordRef.key)) for group in groups]
    for topic_id in wanted:
        points = tuple(
            TimelinePoint(
                group.key,
                group.label,
                group.date(),
                records,
                state_of(per_point[topic_id], aggregate) if topic_id in per_point else NOT_DISCUSSED,
                order_known,
            )
            for group, per_point, order_known, records in zip(groups, evidence, known, records_at, strict=True)
        )
        seen = [point.key for point in points if point.state.status is not TopicStatus.NOT_DISCUSSED]
        found = taxonomy.get(topic_id)
        lines.append(
            TopicTimeline(
                topic_id,
                found.label if found else None,
                points,
                seen[0] if seen else None,
                seen[-1] if seen else None,
                trend_of([point.state for point in points]),
            )
        )
    return Timeline(tuple(lines), aggregate, rollup, taxonomy.name)
