"""Reading records as units: each session and workshop with its forum, and the evidence it holds by topic.

This is where a comparison (:mod:`~govrecords.comparison.two_sides`) and a timeline
(:mod:`~govrecords.comparison.timelines`) start. Records are read as *units*: each
:class:`~govrecords.records.Session` (reported afterwards) and each
:class:`~govrecords.records.Workshop` (announced beforehand), with the forum that
holds it. Every part of a unit tagged with a topic is
:class:`~govrecords.comparison.evidence.Evidence` for that topic, carrying its
provenance; :func:`gather` collects it by topic.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import Any, cast

import attrs

from govrecords.comparison.consensus import Aggregate
from govrecords.comparison.evidence import (
    UNQUOTED_TAG,
    WHOLE_RECORD_TAG,
    Evidence,
    EvidenceKind,
    heads_of,
    order_of,
)
from govrecords.comparison.refs import RecordKind, RecordRef
from govrecords.documents import date_in_text, document_of, is_cut_off
from govrecords.errors import ArgumentTypeError, Problem, ValidationError, expect_records
from govrecords.provenance import Provenance
from govrecords.records import Forum, Session, Workshop
from govrecords.taxonomy import Taxonomy, default_taxonomy

__all__ = [
    "Records",
    "Unit",
    "check_options",
    "expander",
    "gather",
    "gather_in_order",
    "items_of",
    "unit_evidence",
    "units_of",
]

Records = Forum | Session | Workshop | Iterable[Forum | Session | Workshop]
"""What a side of a comparison or a timeline is made of: a forum (its sessions and
workshops), a session, a workshop, or any iterable of them."""


_record_ref = RecordRef._trusted  # pyright: ignore[reportPrivateUsage]  # its own constructor, for the comparison (govrecords._trusted)
_evidence = Evidence._trusted  # pyright: ignore[reportPrivateUsage]  # its own constructor, for the comparison (govrecords._trusted)


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
    ref = _record_ref(
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
    return topics if len(topics) < 2 else tuple(dict.fromkeys(topics))  # most parts have one tag


def unit_evidence(
    unit: Unit, expand: Expand = exact_topics, taxonomy: Taxonomy | None = None
) -> Iterator[tuple[str, Evidence]]:
    """Each ``(topic, evidence)`` a unit holds; *expand* maps a part's tags to topics.

    A tag on the record as a whole is evidence through the passage it came from
    (the record's ``"topics"`` provenance), else through the record as a whole;
    *taxonomy* (the default taxonomy when None) tells which passage tagged which
    topic when there are several.
    """
    for topics, item in _unit_parts(unit, expand, taxonomy):
        for topic in topics:
            yield topic, item


def _unit_parts(unit: Unit, expand: Expand, taxonomy: Taxonomy | None) -> Iterator[tuple[tuple[str, ...], Evidence]]:
    """Each part of a unit that is evidence, with its topics (:func:`unit_evidence`, a part at a time).

    A part is evidence only when it has a topic, so a part without one is not built.
    Evidence is built with :meth:`Evidence._trusted <govrecords.comparison.evidence.Evidence._trusted>`:
    every value comes from the unit's validated record.
    """
    record, ref = unit.record, unit.ref
    if isinstance(record, Session):
        for finding in record.findings:
            topics = expand(finding.topics)
            if topics:
                item = _evidence(
                    EvidenceKind.FINDING,
                    ref,
                    finding.text,
                    consensus=finding.consensus,
                    consensus_wording=finding.consensus_wording,
                    provenance=finding.provenance,
                )
                yield topics, item
            for position in finding.positions:
                # A position is evidence for the topics tagged on it. One tagged with no
                # topic is evidence only when its finding is about a single topic: the
                # finding's other tags came from other passages.
                own = position.topics or (finding.topics if len(set(finding.topics)) == 1 else ())
                topics = expand(own)
                if topics:
                    stated = _evidence(
                        EvidenceKind.POSITION,
                        ref,
                        position.claim,
                        actor=position.actor,
                        stance=position.stance,
                        provenance=position.provenance,
                    )
                    yield topics, stated
        statements = (
            (EvidenceKind.KEY_ISSUE, record.key_issues),
            (EvidenceKind.POLICY_QUESTION, record.policy_questions),
        )
        for recommendation in record.recommendations:
            topics = expand(recommendation.topics)
            if topics:
                item = _evidence(
                    EvidenceKind.RECOMMENDATION,
                    ref,
                    recommendation.text,
                    number=recommendation.number,
                    force=recommendation.force,
                    provenance=recommendation.provenance,
                )
                yield topics, item
    else:
        statements = ((EvidenceKind.ISSUE, record.issues), (EvidenceKind.POLICY_QUESTION, record.policy_questions))
    for kind, parts in statements:
        for part in parts:
            topics = expand(part.topics)
            if topics:
                yield topics, _evidence(kind, ref, part.text, number=part.number, provenance=part.provenance)
    if record.topics:
        yield from _tag_evidence(record, ref, expand, taxonomy)


def _tag_evidence(
    record: Session | Workshop, ref: RecordRef, expand: Expand, taxonomy: Taxonomy | None
) -> Iterator[tuple[tuple[str, ...], Evidence]]:
    """Each passage a tag on the record as a whole came from, with the topics it is evidence for.

    A passage is evidence for a topic only when the topic's tag came from it. The
    record's ``"topics"`` provenance names those passages (an importer records the
    title's span when it tags the title). With one passage, every tag came from it.
    With several, each is evidence for the topics its own words tag, re-tagged with
    *taxonomy* (here only, so that most records are not tagged again). A topic no
    passage accounts for, and every topic of a record with no ``"topics"`` provenance
    (tagged by hand), is evidence as the record as a whole: its record-level
    provenance, with words saying that no passage is recorded
    (:data:`~govrecords.comparison.evidence.WHOLE_RECORD_TAG`).
    """
    passages = tuple(dict.fromkeys(record.provenance_of("topics")))
    topics = expand(record.topics)
    if len(passages) == 1:
        words = _passage_words(record, passages[0])
        if topics:
            yield topics, _evidence(EvidenceKind.TAG, ref, words or UNQUOTED_TAG, provenance=passages)
        return
    left = dict.fromkeys(topics)
    if passages:
        tagger = default_taxonomy() if taxonomy is None else taxonomy
        tagged = set(record.topics)
        for prov in passages:
            words = _passage_words(record, prov)
            if words is None:  # no words to tag: which tags it gave is unknown
                continue
            own = expand(tuple(topic for topic in tagger.tag(words) if topic in tagged))
            for topic in own:
                left.pop(topic, None)
            if own:
                yield own, _evidence(EvidenceKind.TAG, ref, words, provenance=(prov,))
    if left:
        yield tuple(left), _evidence(EvidenceKind.TAG, ref, WHOLE_RECORD_TAG, provenance=record.provenance_of(None))


def _passage_words(record: Session | Workshop, prov: Provenance) -> str | None:
    """The words of a passage tags came from: the title when it is the title's passage, else its quote."""
    if prov.span is not None and any(
        title.source == prov.source and title.span == prov.span for title in record.provenance_of("title")
    ):
        return record.title
    words = " ".join(prov.quote.split()) if prov.quote is not None else ""
    return words or None


def gather(
    units: Iterable[Unit], expand: Expand = exact_topics, taxonomy: Taxonomy | None = None
) -> dict[str, list[Evidence]]:
    """The evidence of *units*, by topic.

    *taxonomy* re-tags a record's passages when its own tags came from several (the
    default taxonomy when None); see :func:`unit_evidence`.
    """
    found: dict[str, list[Evidence]] = {}
    for unit in units:
        for topics, item in _unit_parts(unit, expand, taxonomy):
            for topic in topics:
                items = found.get(topic)
                if items is None:
                    found[topic] = [item]
                else:
                    items.append(item)
    return found


def gather_in_order(
    units: Iterable[Unit], expand: Expand = exact_topics, taxonomy: Taxonomy | None = None
) -> dict[str, list[Evidence]]:
    """:func:`gather`, each topic's evidence in order (:meth:`~govrecords.comparison.evidence.Evidence.key`).

    Each topic's list is what :func:`~govrecords.comparison.evidence.in_order` makes of
    :func:`gather`'s, but the evidence is put in order once, not once per topic: a
    topic's evidence, in the order its units give it, is a part of all the evidence in
    that order (each piece once), and sorting the whole (ties kept in that order) then
    sorts each part the same way.
    """
    topic_lists: list[tuple[str, ...]] = []
    items: list[Evidence] = []
    heads: list[tuple[Any, ...]] = []
    for unit in units:
        parts = list(_unit_parts(unit, expand, taxonomy))
        topic_lists += [topics for topics, _ in parts]
        unit_items = [item for _, item in parts]
        items += unit_items
        heads += heads_of(unit.ref.key(), unit_items)  # every part's record is its unit's
    found: dict[str, list[Evidence]] = {}
    for index in order_of(items, heads):
        item = items[index]
        for topic in topic_lists[index]:
            listed = found.get(topic)
            if listed is None:
                found[topic] = [item]
            else:
                listed.append(item)
    return found


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
