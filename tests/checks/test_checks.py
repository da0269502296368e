"""Domain checks: each rule finds what it documents, at the path it names, with its severity.

Unit tests build the smallest records that break each rule (and the nearest ones that do
not). Properties check that ``check`` never fails on any valid record, that every issue's
path points at a value that is really in the written document, and that storing a record
twice is a warning, never an error.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import (
    DateRange,
    Finding,
    Forum,
    PartialDate,
    Provenance,
    Session,
    SessionKind,
    SourceDocument,
    Span,
    Taxonomy,
    Workshop,
    check,
    compare,
    dumps,
    examples,
    testing,
    timeline,
)
from govrecords.checks import RULES, Issue, Rule, Severity
from govrecords.taxonomy import Topic
from govrecords.vocabulary import ConsensusLevel

BALI = DateRange(PartialDate(2013, 10, 22), PartialDate(2013, 10, 25))
TEXT = "IGF 2013 Bali. Enhanced Cooperation. 24 October 2013."
SOURCE = SourceDocument.from_text("report", TEXT)


def _rules(issues: list[Issue]) -> list[tuple[str, str]]:
    return [(i.rule, i.path) for i in issues]


def test_rules_are_stable_and_well_formed() -> None:
    """Every rule has a GRnnn code, a unique kebab-case name and a fixed severity."""
    assert all(re.fullmatch(r"GR\d{3}", code) and rule.code == code for code, rule in RULES.items())
    names = [rule.name for rule in RULES.values()]
    assert len(set(names)) == len(names)
    assert all(re.fullmatch(r"[a-z]+(-[a-z]+)*", name) for name in names)
    assert RULES["GR101"] == Rule("GR101", "duplicate-id", Severity.ERROR, RULES["GR101"].summary)
    assert {rule.severity for rule in RULES.values()} == {Severity.ERROR, Severity.WARNING}


@pytest.mark.parametrize("name", examples.names())
def test_the_bundled_examples_are_clean(name: str) -> None:
    """The hand-built seed records pass every check, with and without their source texts."""
    forum = examples.load(name)
    texts = {source.id: examples.source_text(source.id) for source in forum.sources}
    assert check(forum) == []
    assert check(forum, sources=texts) == []


def test_both_examples_together_are_clean() -> None:
    """Checked together, the two examples do not clash."""
    assert check(*(examples.load(name) for name in examples.names())) == []


def test_derived_records_are_not_checked_themselves() -> None:
    """A comparison or timeline restates its records (topics, provenance) and adds no issue of its own."""
    a, b = (examples.load(name) for name in examples.names())
    assert check(compare(a, b), timeline([a, b])) == []
    assert check(a, b, compare(a, b), timeline([a, b])) == []
    broken = Session("s", "T", topics=("nowhere",))
    assert _rules(check(broken, compare(broken, broken))) == [("GR201", "$.record.topics[0]")]


# ---------------------------------------------------------------------------
# Identity.


def test_duplicate_ids_within_a_record() -> None:
    """Sessions, workshops, sources, findings and recommendations with a repeated id are GR101."""
    finding = Finding("x", ConsensusLevel.COMMON_VIEW, id="f1")
    session = Session("s1", "T", findings=(finding, finding))
    forum = Forum(
        "igf",
        sessions=(session, Session("s1", "Other")),
        workshops=(Workshop("w", "W"), Workshop("w", "W")),
        sources=(SOURCE, SOURCE),
    )
    assert _rules(check(forum)) == [
        ("GR101", "$.record.sessions[1].id"),
        ("GR101", "$.record.workshops[1].id"),
        ("GR101", "$.record.sources[1].id"),
        ("GR101", "$.record.sessions[0].findings[1].id"),
    ]


def test_findings_without_ids_are_not_duplicates() -> None:
    """Findings with no id are never reported as sharing one."""
    finding = Finding("x", ConsensusLevel.COMMON_VIEW)
    assert check(Session("s", "T", findings=(finding, finding))) == []


def test_id_clash_across_documents_names_the_other_place() -> None:
    """One id, two different sessions of one forum, in two documents: GR102 names the first place."""
    a = Forum("igf", sessions=(Session("s1", "A"),))
    b = Session("s1", "B", forum="igf")
    (issue,) = check(a, b, names=["a.json", "b.json"])
    assert (issue.rule, issue.severity, issue.path, issue.document) == ("GR102", Severity.ERROR, "$.record.id", 1)
    assert "in a.json at $.record.sessions[0]" in issue.message


def test_same_id_in_different_forums_is_no_clash() -> None:
    """Ids are unique within a forum: the same session id in two forums is fine."""
    assert check(Session("s1", "A", forum="igf-2012"), Session("s1", "B", forum="igf-2013")) == []


def test_repeated_record_is_a_warning() -> None:
    """The same record in two documents is GR103, a warning; in a sequence it names the record."""
    session = Session("s1", "A")
    (issue,) = check([session, Session("s2", "B"), session])
    assert (issue.rule, issue.severity, issue.document, issue.record) == ("GR103", Severity.WARNING, 0, 2)
    assert "document 1 (record 1) at $.record" in issue.message


def test_a_record_with_a_duplicate_stored_twice_is_no_clash() -> None:
    """Each copy of a session is matched with its identical copy, not with its namesake (found by Hypothesis)."""
    forum = Forum("igf", sessions=(Session("0", "A"), Session("0", "B")))
    issues = check(forum, forum)
    assert sorted(_rules(issues)) == [
        ("GR101", "$.record.sessions[1].id"),
        ("GR101", "$.record.sessions[1].id"),
        ("GR103", "$.record.id"),
        ("GR103", "$.record.sessions[0].id"),
        ("GR103", "$.record.sessions[1].id"),
    ]
    assert "document 1 at $.record.sessions[1]" in next(
        i.message for i in issues if i.path.endswith("[1].id") and i.rule == "GR103"
    )


# ---------------------------------------------------------------------------
# References.


def test_unknown_topics_against_the_default_taxonomy() -> None:
    """Without a taxonomy, topic ids are checked against the default one, everywhere they occur."""
    finding = Finding("x", ConsensusLevel.COMMON_VIEW, topics=("privacy", "nowhere"))
    session = Session("s", "T", topics=("nowhere",), findings=(finding,))
    assert _rules(check(session)) == [("GR201", "$.record.findings[0].topics[1]"), ("GR201", "$.record.topics[0]")]


def test_topics_from_a_taxonomy_argument_or_document() -> None:
    """A taxonomy given as an argument, or as a document among the others, replaces the default."""
    mine = Taxonomy("mine", (Topic("zero-rating", "Zero rating"),))
    session = Session("s", "T", topics=("zero-rating",))
    assert check(session, taxonomy=mine) == []
    assert check(session, mine) == []
    assert check(session, Topic("zero-rating", "Zero rating")) == []
    assert _rules(check(Session("s", "T", topics=("privacy",)), taxonomy=mine)) == [("GR201", "$.record.topics[0]")]


def test_proposals_resolve_within_the_forum_and_across_documents() -> None:
    """A proposal names a workshop of the same forum, or one given as its own document."""
    session = Session("s", "Enhanced Cooperation", proposal="w")
    workshop = Workshop("w", "Enhanced Cooperation")
    assert check(Forum("igf", sessions=(session,), workshops=(workshop,))) == []
    assert check(session, workshop) == []
    assert _rules(check(session)) == [("GR202", "$.record.proposal")]
    assert _rules(check(Forum("igf", sessions=(session,)))) == [("GR202", "$.record.sessions[0].proposal")]


def test_unknown_source() -> None:
    """Provenance must name a source of its forum, a source document given, or a text given."""
    provenance = (Provenance("report", Span(0, 3)),)
    session = Session("s", "T", provenance=provenance)
    assert _rules(check(session)) == [("GR203", "$.record.provenance[0]")]  # its source is the document's
    both = Session("s", "T", provenance=(*provenance, Provenance("minutes", Span(0, 3))))
    assert _rules(check(both, SOURCE)) == [("GR203", "$.record.provenance[1].source")]
    assert check(session, SOURCE) == []
    assert check(session, sources={"report": TEXT}) == []
    assert check(Forum("igf", sources=(SOURCE,), sessions=(session,))) == []
    assert check(Forum("igf", sources=(SOURCE,)), Session("s", "T", forum="igf", provenance=provenance)) == []


def test_forum_mismatch() -> None:
    """A session or workshop held in one forum that names another is GR204."""
    session, workshop = Session("s", "T", forum="igf-2012"), Workshop("w", "W", forum="x")
    forum = Forum("igf-2013", sessions=(session,), workshops=(workshop,))
    assert _rules(check(forum)) == [("GR204", "$.record.sessions[0].forum"), ("GR204", "$.record.workshops[0].forum")]
    assert check(Forum("igf-2013", sessions=(Session("s", "T", forum="igf-2013"),))) == []


# ---------------------------------------------------------------------------
# Provenance.


def test_span_outside_source_by_length_and_by_text() -> None:
    """A span past the source's end is GR301, whether the length comes from the document or the text."""
    end = len(TEXT)
    inside = Session("s", "T", provenance=(Provenance("report", Span(end - 3, end)),))
    outside = Session("s", "T", provenance=(Provenance("report", Span(end - 3, end + 1)),))
    assert check(SOURCE, inside) == []
    assert _rules(check(SOURCE, outside)) == [("GR301", "$.record.provenance[0].span")]
    assert _rules(check(outside, sources={"report": TEXT})) == [("GR301", "$.record.provenance[0].span")]
    no_length = SourceDocument("report", SOURCE.sha256)
    assert check(no_length, outside) == []


def test_quote_mismatch() -> None:
    """A quote must be as long as its span, and (when the text is given) be what the span holds."""
    good = Provenance.of("report", TEXT, "Enhanced Cooperation", field="title")
    wrong_length = Provenance("report", Span(0, 3), quote="IGF 2013")
    same_length = Provenance("report", Span(0, 3), quote="XYZ")
    assert check(SOURCE, Session("s", "T", provenance=(good,)), sources={"report": TEXT}) == []
    assert _rules(check(SOURCE, Session("s", "T", provenance=(wrong_length,)))) == [
        ("GR302", "$.record.provenance[0].quote")
    ]
    assert check(SOURCE, Session("s", "T", provenance=(same_length,))) == []
    assert _rules(check(SOURCE, Session("s", "T", provenance=(same_length,)), sources={"report": TEXT})) == [
        ("GR302", "$.record.provenance[0].quote")
    ]


def test_source_text_mismatch() -> None:
    """A text given for a source whose hash it does not match is GR303 at the source's sha256."""
    (issue,) = check(SOURCE, sources={"report": TEXT + " (edited)"})
    assert (issue.rule, issue.path) == ("GR303", "$.record.sha256")


def test_unknown_provenance_field() -> None:
    """Field provenance must name a field of the record it is attached to."""
    finding = Finding("x", ConsensusLevel.COMMON_VIEW, provenance=(Provenance("report", field="text"),))
    ok = Session("s", "T", findings=(finding,), provenance=(Provenance("report", field="title"),))
    assert check(SOURCE, ok) == []
    bad = Session("s", "T", provenance=(Provenance("report", field="consensus"),))
    (issue,) = check(SOURCE, bad)
    assert (issue.rule, issue.path, issue.message) == (
        "GR304",
        "$.record.provenance[0].field",
        "Session has no field 'consensus'",
    )


# ---------------------------------------------------------------------------
# Dates and reports.


@pytest.mark.parametrize(
    ("date", "kind", "rule"),
    [
        (PartialDate(2013, 10, 24), None, None),
        (PartialDate(2013), None, None),  # less precise, contains the forum: consistent
        (PartialDate(2013, 10), None, None),
        (DateRange(PartialDate(2013, 10, 22), PartialDate(2013, 10, 25)), None, None),
        (PartialDate(2013, 11, 2), None, "GR401"),
        (PartialDate(2012, 10, 24), None, "GR401"),
        (PartialDate(2013, 10, 21), SessionKind.PRE_EVENT, "GR402"),
        (DateRange(PartialDate(2013, 10, 25), PartialDate(2013, 10, 27)), None, "GR402"),
    ],
)
def test_session_dates_against_the_forum(
    date: PartialDate | DateRange, kind: SessionKind | None, rule: str | None
) -> None:
    """Inside (or less precise than) the forum's dates is fine; outside is an error; a pre-event or an overlap warns."""
    forum = Forum("igf", dates=BALI, sessions=(Session("s", "T", date=date, kind=kind),))
    expected = [] if rule is None else [(rule, "$.record.sessions[0].date")]
    assert _rules(check(forum)) == expected
    assert _rules(check(Forum("igf", dates=BALI), Session("s", "T", forum="igf", date=date, kind=kind))) == [
        (code, "$.record.date") for code, _ in expected
    ]


def test_workshop_dates_against_the_forum() -> None:
    """A workshop proposed for dates outside its forum is reported like a session."""
    forum = Forum("igf", dates=BALI, workshops=(Workshop("w", "W", date=PartialDate(2014, 1, 1)),))
    (issue,) = check(forum)
    assert (issue.rule, issue.path) == ("GR401", "$.record.workshops[0].date")
    assert "the workshop is dated 2014-01-01, after its forum 'igf'" in issue.message


def test_report_and_proposal_disagreeing() -> None:
    """A different title or date from the proposal warns; case, spacing and punctuation do not."""
    workshop = Workshop("w", "Enhanced Cooperation: the way forward", date=PartialDate(2013, 10, 24))
    same = Session("s", "enhanced cooperation -- The way forward!", date=PartialDate(2013, 10, 24), proposal="w")
    vaguer = Session("s", "Enhanced Cooperation: the way forward", date=PartialDate(2013, 10), proposal="w")
    other = Session("s", "Enhanced Cooperation", date=PartialDate(2013, 10, 25), proposal="w")
    assert check(same, workshop) == []
    assert check(vaguer, workshop) == []
    issues = check(other, workshop)
    assert [(i.rule, i.severity, i.path) for i in issues] == [
        ("GR403", Severity.WARNING, "$.record.title"),
        ("GR404", Severity.WARNING, "$.record.date"),
    ]


def test_issue_text() -> None:
    """An issue reads PATH: [CODE name] message."""
    (issue,) = check(Session("s", "T", topics=("nowhere",)))
    assert str(issue).startswith("$.record.topics[0]: [GR201 unknown-topic] topic 'nowhere'")
    assert issue.name == "unknown-topic"


# ---------------------------------------------------------------------------
# Properties.


def _resolve(data: Any, path: str) -> Any:
    for name, index in re.findall(r"\.(\w+)|\[(\d+)\]", path.removeprefix("$")):
        data = data[name] if name else data[int(index)]
    return data


RECORDS = st.one_of(testing.forums(), testing.sessions(), testing.workshops(), testing.source_documents())


@settings(max_examples=100)
@given(st.lists(RECORDS, min_size=1, max_size=3))
def test_check_never_fails_and_paths_are_real(records: list[object]) -> None:
    """On any valid records, check returns issues of known rules whose paths exist in the written documents."""
    issues = check(*records)
    documents = [json.loads(dumps(record)) for record in records]
    for issue in issues:
        assert issue.rule in RULES
        assert issue.severity is RULES[issue.rule].severity
        _resolve(documents[issue.document], issue.path)  # raises if the path is not in the document


@settings(max_examples=50)
@given(st.one_of(testing.forums(), testing.sessions(), testing.workshops()))
def test_storing_a_record_twice_is_never_an_error(record: Forum | Session | Workshop) -> None:
    """Checking a record beside an identical copy adds warnings only: its own issues, doubled, plus GR103."""
    alone = check(record)
    twice = check(record, record)
    extra = [i for i in twice if i.rule not in {j.rule for j in alone}]
    assert {i.rule for i in extra} <= {"GR103"}
    assert "GR102" not in {i.rule for i in twice}
    assert any(i.rule == "GR103" and i.document == 1 and i.path == "$.record.id" for i in twice)
