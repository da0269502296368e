"""Evidence is put in order without working out every item's whole key, in exactly the key's order.

:func:`~govrecords.comparison.evidence.in_order` sorts by the first parts of
:meth:`Evidence.key` and breaks ties by the whole key; under Hypothesis, on evidence
drawn from few records, texts and numbers (so that ties in the first parts, and in
the whole key, are common), it gives exactly ``sorted(..., key=Evidence.key)``, ties
in input order. :func:`~govrecords.comparison.evidence.discussed` tells what
``state_of``'s status tells, without building the state; and
:func:`~govrecords.comparison.units.gather_in_order`, which puts a side's evidence in
order once, gives each topic's evidence as ``in_order`` puts it.
"""

from __future__ import annotations

import random as _random

from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_strategies import small_sessions, small_workshops
from govrecords import Session, Workshop, default_taxonomy
from govrecords.comparison import Evidence, EvidenceKind, RecordKind, RecordRef, TopicState, TopicStatus
from govrecords.comparison.evidence import discussed, in_order, state_of
from govrecords.comparison.sentences import state_words
from govrecords.comparison.units import expander, gather, gather_in_order, units_of
from govrecords.documents import DocumentKind
from govrecords.provenance import Provenance, Span
from govrecords.vocabulary import ConsensusLevel, Stance

RECORDS = (
    RecordRef(RecordKind.SESSION, "s1", "One", "f"),
    RecordRef(RecordKind.SESSION, "s1", "One", "f", partial=True),  # alike in key, but for a flag
    RecordRef(RecordKind.WORKSHOP, "w1", "Two", "f"),
)
PROVENANCE = (Provenance("doc", Span(0, 3), "abc"), Provenance("doc", Span(4, 7), "def"))

evidence = st.builds(
    Evidence,
    st.sampled_from(EvidenceKind),
    st.sampled_from(RECORDS),
    st.sampled_from(("a", "b")),
    number=st.sampled_from((None, "", "1)", "2)", "10)")),
    consensus=st.sampled_from((None, *ConsensusLevel)),
    stance=st.sampled_from((None, *Stance)),
    provenance=st.sampled_from(((), PROVENANCE[:1], PROVENANCE)),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(evidence, max_size=30), st.randoms())
def test_in_order_is_the_order_of_the_whole_key(items: list[Evidence], rng: _random.Random) -> None:
    """The same order as sorting by the whole key, the very same objects, ties in input order."""
    # Copies alike in every part keep their input order: make some, by drawing again.
    items = items + [rng.choice(items) for _ in range(len(items) // 2)] if items else items
    expected = sorted(items, key=Evidence.key)
    got = in_order(items)
    assert [id(item) for item in got] == [id(item) for item in expected]


@settings(max_examples=300, deadline=None)
@given(st.lists(evidence, max_size=12))
def test_discussed_is_what_the_state_says(items: list[Evidence]) -> None:
    """Discussed exactly when the state is other than not discussed."""
    assert discussed(items) == (state_of(items).status is not TopicStatus.NOT_DISCUSSED)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(small_sessions, small_workshops), max_size=6), st.booleans())
def test_evidence_gathered_in_order_is_each_topic_put_in_order(records: list[Session | Workshop], rollup: bool) -> None:
    """Putting all the evidence in order once gives each topic's evidence in its own order."""
    expand = expander(default_taxonomy(), rollup)
    units = units_of(records)
    gathered = gather(units, expand)
    ordered = gather_in_order(units, expand)
    assert set(ordered) == set(gathered)
    for topic, items in gathered.items():
        # each call builds its own evidence: compared by value, item by item
        assert ordered[topic] == in_order(items) == sorted(items, key=Evidence.key)


# ---------------------------------------------------------------------------
# Orders that never depend on the order things came in (or on a set's, or on hashes).

_REFS = st.builds(
    RecordRef,
    st.sampled_from(RecordKind),
    st.sampled_from(("s1", "s2")),
    st.sampled_from(("One", "Two")),
    forum=st.sampled_from((None, "f")),
    document=st.sampled_from((None, *DocumentKind)),
    partial=st.booleans(),
    date_from_text=st.booleans(),
    date_uncertain=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(_REFS, _REFS)
def test_record_references_with_the_same_key_are_equal(first: RecordRef, second: RecordRef) -> None:
    """RecordRef.key is a total order: only equal references tie, so a sorted set comes out one way."""
    assert (first.key() == second.key()) == (first == second)


def test_a_level_off_the_scale_is_listed_after_the_levels_on_it() -> None:
    """'not discussed' findings beside contested ones: listed after them, whatever the order of the findings."""
    record = RECORDS[0]
    levels = (ConsensusLevel.NOT_DISCUSSED, ConsensusLevel.CONTESTED, ConsensusLevel.NOT_DISCUSSED)
    for ordered in (levels, levels[::-1]):
        findings = tuple(
            Evidence(EvidenceKind.FINDING, record, f"point {n}", consensus=level) for n, level in enumerate(ordered)
        )
        state = TopicState(TopicStatus.CONCLUDED, ConsensusLevel.CONTESTED, evidence=findings)
        assert state_words(state).endswith("(3 findings: 1 contested, 2 not discussed)")
