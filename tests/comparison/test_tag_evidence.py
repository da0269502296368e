"""A tag on a record as a whole is evidence only through the passage it came from (issue 13, item 5).

A record's ``"topics"`` provenance names the passages its own tags were read from
(an importer writes the title's span when it tags the title). The comparison quotes
that passage for the tag's topics; with several passages, each only for the topics
its words tag; with none (a record tagged by hand), the record as a whole, never its
title as though the tag came from it. ``tests/importers/test_tag_provenance.py``
checks the importer's side of this.
"""

from __future__ import annotations

from unittest import mock

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_strategies import TOPICS, small_sessions, small_workshops, texts
from govrecords import Provenance, Session, Span, Workshop, compare, default_taxonomy, examples, testing
from govrecords.comparison.evidence import UNQUOTED_TAG, WHOLE_RECORD_TAG, Evidence, EvidenceKind
from govrecords.comparison.units import expander, gather, unit_evidence, units_of
from govrecords.taxonomy import Taxonomy, Topic

SOURCE = "report"
TEXT = "Privacy online\nThemes: Cybersecurity and trust\nDate: 5 November 2013\n"


def _tags(record: Session, topic: str, *, before: bool = True) -> tuple[Evidence, ...]:
    """The tag evidence for *topic* when *record* is the before (or the after) side."""
    row = compare(record, ()).topic(topic) if before else compare((), record).topic(topic)
    assert row is not None
    state = row.before if before else row.after
    return state.of_kind(EvidenceKind.TAG)


def _two_passages(*extra: Provenance) -> Session:
    """A record tagged from its title (privacy) and from a themes line (security)."""
    whole = Provenance(SOURCE)
    title = Provenance.of(SOURCE, TEXT, "Privacy online", field="title")
    from_title = attrs.evolve(title, field="topics")
    from_themes = Provenance.of(SOURCE, TEXT, "Cybersecurity and trust", field="topics")
    date = Provenance.of(SOURCE, TEXT, "5 November 2013", field="date")
    return Session(
        id="s1",
        title="Privacy online",
        topics=("privacy", "security"),
        provenance=(whole, title, from_title, from_themes, date, *extra),
    )


# ---------------------------------------------------------------------------
# By hand: no passage is recorded.


def test_a_hand_tagged_record_is_evidence_as_a_whole_not_through_its_title() -> None:
    """Tagged with a topic its title does not mention: the evidence does not claim the title as the passage."""
    whole = Provenance(SOURCE)
    title = Provenance.of(SOURCE, "Opening remarks\n", "Opening remarks", field="title")
    record = Session(id="s1", title="Opening remarks", topics=("privacy",), provenance=(whole, title))
    (item,) = _tags(record, "privacy")
    assert item.text == WHOLE_RECORD_TAG
    assert item.text != record.title
    assert item.provenance == (whole,)  # the record-level entry, not the title's
    assert all(prov.field is None for prov in item.provenance)


def test_the_wording_for_the_record_as_a_whole_tags_nothing() -> None:
    """The words in place of a passage name no topic, so they never make a tag look evidenced by words."""
    assert default_taxonomy().tag(WHOLE_RECORD_TAG) == ()
    assert default_taxonomy().tag(UNQUOTED_TAG) == ()


def test_the_bundled_workshop_is_tagged_as_a_whole() -> None:
    """The bundled Bali workshop was tagged by hand from its heading: its tags are evidence as a whole."""
    report = compare(*(examples.load(name) for name in examples.names()))
    row = report.topic("enhanced-cooperation")
    assert row is not None
    (item,) = row.after.of_kind(EvidenceKind.TAG)
    assert item.text == WHOLE_RECORD_TAG
    assert [prov.field for prov in item.provenance] == [None]


# ---------------------------------------------------------------------------
# One passage, or several.


def test_one_passage_is_evidence_for_every_tag_and_tags_nothing_again() -> None:
    """One "topics" passage: every tag came from it, and the comparison does not tag the title again."""
    text = "Privacy and security\n"
    title = Provenance.of(SOURCE, text, "Privacy and security", field="title")
    record = Session(
        id="s1",
        title="Privacy and security",
        topics=("privacy", "security"),
        provenance=(Provenance(SOURCE), title, attrs.evolve(title, field="topics")),
    )
    with mock.patch.object(Taxonomy, "tag", side_effect=AssertionError("tagged again")):
        for topic in ("privacy", "security"):
            (item,) = _tags(record, topic)
            assert item.text == "Privacy and security"
            assert item.provenance == (attrs.evolve(title, field="topics"),)


def test_each_of_several_passages_is_evidence_only_for_what_it_tags() -> None:
    """Title tags privacy, a themes line security: each topic's evidence is its own passage only."""
    record = _two_passages()
    from_title, from_themes = record.provenance_of("topics")
    (privacy,) = _tags(record, "privacy")
    assert privacy.text == "Privacy online"
    assert privacy.provenance == (from_title,)
    (security,) = _tags(record, "security", before=False)
    assert security.text == "Cybersecurity and trust"
    assert security.provenance == (from_themes,)
    assert from_themes.span is not None
    assert from_themes.span.slice(TEXT) == security.text
    # Without a taxonomy (a table of the records' own tags), the default one tells the passages apart.
    found = gather(units_of(record))
    assert [item.provenance for item in found["privacy"]] == [(from_title,)]
    assert [item.provenance for item in found["security"]] == [(from_themes,)]


def test_a_broader_topic_is_evidenced_by_each_passage_that_tags_a_narrower_one() -> None:
    """With roll-up, a broader topic of both passages' tags has both passages, each once."""
    broad = Topic("tagtest-broad", "Tagtest broad topic")
    taxonomy = default_taxonomy().extend(
        [
            attrs.evolve(default_taxonomy()["privacy"], broader="tagtest-broad"),
            attrs.evolve(default_taxonomy()["security"], broader="tagtest-broad"),
            broad,
        ]
    )
    record = _two_passages()
    row = compare(record, (), taxonomy=taxonomy, rollup=True).topic("tagtest-broad")
    assert row is not None
    items = row.before.of_kind(EvidenceKind.TAG)
    assert sorted(item.text for item in items) == ["Cybersecurity and trust", "Privacy online"]
    assert all(len(item.provenance) == 1 and item.provenance[0].field == "topics" for item in items)


def test_a_tag_no_passage_accounts_for_is_evidence_as_a_whole() -> None:
    """Several passages, and a tag none of them gives under the comparison's taxonomy: the record as a whole."""
    record = attrs.evolve(_two_passages(), topics=("privacy", "security", "sovereignty"))
    (item,) = _tags(record, "sovereignty")
    assert item.text == WHOLE_RECORD_TAG
    assert item.provenance == record.provenance_of(None)
    (privacy,) = _tags(record, "privacy")
    assert privacy.text == "Privacy online"


def test_a_passage_that_tags_a_topic_the_record_is_not_tagged_with_adds_nothing() -> None:
    """The record's topics are what it is tagged with: a passage's words do not add a tag to it."""
    record = attrs.evolve(_two_passages(), topics=("privacy",))
    assert compare(record, ()).topic("security") is None


@pytest.mark.parametrize(
    ("entry", "text"),
    [
        (Provenance(SOURCE, Span(0, 14), None, "topics"), "Privacy online"),  # the title's span, unquoted
        (Provenance(SOURCE, Span(15, 47), None, "topics"), UNQUOTED_TAG),  # another span, unquoted
        (Provenance(SOURCE, None, "Privacy\n  online", "topics"), "Privacy online"),  # a quote, its spaces made one
    ],
)
def test_a_single_passage_without_its_words(entry: Provenance, text: str) -> None:
    """A span-only passage is the title when it is the title's span; else its words are not made up."""
    title = Provenance.of(SOURCE, TEXT, "Privacy online", field="title")
    record = Session(id="s1", title="Privacy online", topics=("privacy",), provenance=(title, entry))
    (item,) = _tags(record, "privacy")
    assert item.text == text
    assert item.provenance == (entry,)


def test_several_passages_one_unquoted() -> None:
    """Of several passages, one with no words cannot be re-tagged: only the quoted one is evidence."""
    bare = Provenance(SOURCE, Span(60, 70), None, "topics")
    record = _two_passages(bare)
    (security,) = _tags(record, "security")
    assert security.text == "Cybersecurity and trust"


def test_the_order_of_the_provenance_does_not_change_the_comparison() -> None:
    """Evidence is ordered by content: the same record with its entries in another order compares the same."""
    record = _two_passages()
    reordered = attrs.evolve(record, provenance=tuple(reversed(record.provenance)))
    assert compare(record, ()) == compare(reordered, ())


# ---------------------------------------------------------------------------
# The property: a tag's evidence is never another field's provenance.

_FIELDS = (None, "title", "topics", "date", "summary")


@st.composite
def _with_topics_provenance(draw: st.DrawFn) -> Session | Workshop:
    """A small-world record with provenance entries for the record, its title, its tags and other fields."""
    record: Session | Workshop = draw(st.one_of(small_sessions, small_workshops))
    title_span = Span(0, len(record.title))
    entries: list[Provenance] = []
    for field in draw(st.lists(st.sampled_from(_FIELDS), max_size=5)):
        at_title = draw(st.booleans())
        quote = record.title if at_title else draw(texts)
        start = 0 if at_title else 100 + 40 * len(entries)
        span = Span(start, start + len(quote)) if draw(st.booleans()) else None
        entries.append(Provenance(SOURCE, span, quote if draw(st.booleans()) else None, field))
    entries.append(Provenance(SOURCE, title_span, record.title, "title"))
    return attrs.evolve(record, provenance=tuple(draw(st.permutations(entries))))


_records = st.one_of(_with_topics_provenance(), testing.sessions(max_size=1), testing.workshops(max_size=1))


@settings(max_examples=200)
@given(_records, st.booleans())
def test_tag_evidence_is_only_record_level_or_topics_provenance_of_its_record(
    record: Session | Workshop, rollup: bool
) -> None:
    """For any record: every tag's evidence cites only the record's own record-level or "topics" entries,
    presents a passage's words only with that passage, and every tagged topic keeps its evidence."""
    taxonomy = default_taxonomy()
    expand = expander(taxonomy, rollup)
    (unit,) = units_of(record)
    found: dict[str, list[Evidence]] = {}
    for topic, item in unit_evidence(unit, expand, taxonomy):
        if item.kind is EvidenceKind.TAG:
            found.setdefault(topic, []).append(item)
    assert set(found) == set(expand(record.topics))
    for items in found.values():
        for item in items:
            assert all(prov in record.provenance and prov.field in (None, "topics") for prov in item.provenance)
            passages = [prov for prov in item.provenance if prov.field == "topics"]
            if not passages:
                assert item.text == WHOLE_RECORD_TAG
                assert item.provenance == record.provenance_of(None)
            else:
                assert len(passages) == len(item.provenance) == 1
                (passage,) = passages
                words = " ".join((passage.quote or "").split())
                assert item.text in (record.title, words or UNQUOTED_TAG)


@settings(max_examples=60)
@given(st.lists(_with_topics_provenance(), max_size=3), st.lists(_with_topics_provenance(), max_size=3))
def test_tag_passages_keep_the_comparison_laws(
    before: list[Session | Workshop], after: list[Session | Workshop]
) -> None:
    """Comparing the other way round mirrors the result, and the order of the records does not matter."""
    report = compare(before, after)
    assert compare(after, before) == report.mirror()
    assert compare(list(reversed(before)), list(reversed(after))) == report
    for row in report.topics:
        for state in (row.before, row.after):
            for item in state.of_kind(EvidenceKind.TAG):
                assert all(prov.field in (None, "topics") for prov in item.provenance)


def test_the_small_world_topics_are_in_the_default_taxonomy() -> None:
    """The property draws tags the default taxonomy knows, so re-tagging passages can find them."""
    assert all(topic in default_taxonomy() for topic in TOPICS)
