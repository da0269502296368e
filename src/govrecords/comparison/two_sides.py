"""Comparing two sides: :func:`compare`, how topics, stances and recommendations changed between them.

:func:`compare` reads each side as its sessions and workshops (see
:mod:`govrecords.comparison.units`) and reports, as a
:class:`~govrecords.comparison.report.Comparison`:

* per topic, the state on each side and the :class:`~govrecords.comparison.changes.Change`,
  with the evidence;
* per stakeholder group and topic, the :class:`~govrecords.comparison.changes.StanceShift`;
* the recommendations matched across the sides (:mod:`govrecords.comparison.matching`).

How it decides, in short:

* **Topics** are the ids records are tagged with. With ``rollup=True`` a tag also
  counts for every broader topic of the taxonomy (a finding on "sovereignty"
  counts for "role-of-governments" and "multistakeholder-model").
* **A side's level** for a topic combines its findings' levels, the weakest by
  default (:class:`~govrecords.comparison.consensus.Aggregate`).
* **Raised is not a level.** A topic only raised on a side (policy questions,
  premises, key issues; no finding) is neither strengthened nor weakened against
  a level: the change is *reopened* or *concluded*, said in words.
* **Stances** are read from positions whose actor declares a stakeholder group.
  A group holding different stances on one side holds a mixed one.

The result does not depend on the order of the records given, comparing a side
with itself reports no change, and ``compare(b, a) == compare(a, b).mirror()``.
Cost grows linearly with the number of records (see :mod:`govrecords.comparison.matching`
for the one part where that needs care).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from govrecords._collector import pausing
from govrecords.comparison.changes import Change, StanceShift
from govrecords.comparison.consensus import Aggregate
from govrecords.comparison.evidence import NOT_DISCUSSED, Evidence, EvidenceKind, discussed, state_of_ordered
from govrecords.comparison.matching import (
    REPEATED_AT,
    REWORDED_AT,
    RecommendationRef,
    check_thresholds,
    match_recommendations,
)
from govrecords.comparison.refs import ForumRef, RecordRef, forum_label
from govrecords.comparison.report import (
    Comparison,
    ComparisonSettings,
    SideSummary,
    StanceComparison,
    TopicComparison,
    explained,
)
from govrecords.comparison.sentences import stance_explanation, topic_explanation
from govrecords.comparison.units import Records, Unit, check_options, expander, gather_in_order, items_of, units_of
from govrecords.documents import operative_items
from govrecords.records import Forum, Session
from govrecords.taxonomy import Taxonomy, default_taxonomy
from govrecords.vocabulary import StakeholderKind, Stance

__all__ = ["compare"]

_recommendation = RecommendationRef._trusted  # pyright: ignore[reportPrivateUsage]  # its own constructor, for the comparison (govrecords._trusted)


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
    :func:`~govrecords.documents.operative_items`). Each reference is built from a
    validated record, without validating again (:meth:`RecommendationRef._trusted`).
    """
    return [
        _recommendation(unit.ref, rec.text, rec.number, rec.id, rec.force, rec.topics, rec.provenance)
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


@pausing  # why: see govrecords._collector (evidence for every record, all kept in the report)
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
            than records (read them with :func:`~govrecords.serialisation.documents.load`).
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
    # Each topic's evidence in order (Evidence.key), put in order once per side.
    before_evidence = gather_in_order(before_units, expand, taxonomy)
    after_evidence = gather_in_order(after_units, expand, taxonomy)
    present = set(before_evidence) | set(after_evidence)
    wanted = sorted(
        {topic if topic in present else taxonomy.require(topic) for topic in topics} if topics is not None else present
    )
    first_side, second_side = _summary(before_items, before_units), _summary(after_items, after_units)
    covers = first_side.coverage, second_side.coverage
    topic_rows: list[TopicComparison] = []
    for topic in wanted:
        first = (
            state_of_ordered(tuple(before_evidence[topic]), aggregate) if topic in before_evidence else NOT_DISCUSSED
        )
        second = state_of_ordered(tuple(after_evidence[topic]), aggregate) if topic in after_evidence else NOT_DISCUSSED
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
        # Already in order: each is a part of its topic's evidence, which is.
        first_items = tuple(before_stances.get((group, topic), ()))
        second_items = tuple(after_stances.get((group, topic), ()))
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
        explained(matches, settings, first_side, second_side, (_raised(before_evidence), _raised(after_evidence))),
    )


def _raised(evidence: dict[str, list[Evidence]]) -> frozenset[str]:
    return frozenset(topic for topic, items in evidence.items() if discussed(items))
