"""The bundled examples: both seeds load in one call, and every span slices its seed text exactly."""

from __future__ import annotations

import pytest

from govrecords import ConsensusLevel, Force, Forum, examples
from govrecords.dates import Relation
from govrecords.provenance import verify


@pytest.mark.parametrize("name", examples.names())
def test_every_span_slices_its_quote(name: str) -> None:
    """Every provenance span in an example slices its bundled source text to exactly the quoted passage."""
    forum = examples.load(name)
    texts = {source.id: examples.source_text(source.id) for source in forum.sources}
    provenance = forum.all_provenance()
    spanned = [p for p in provenance if p.span is not None]
    assert len(spanned) >= 15
    assert verify(provenance, texts) == []
    for prov in spanned:
        assert prov.span is not None
        assert texts[prov.source][prov.span.start : prov.span.end] == prov.quote


@pytest.mark.parametrize("name", examples.names())
def test_sources_match_their_hashes(name: str) -> None:
    """Each bundled source text is exactly the document its SourceDocument hashes."""
    for source in examples.load(name).sources:
        text = examples.source_text(source.id)
        assert source.matches(text)
        assert source.length == len(text)


def test_session_report_substance() -> None:
    """The seed session report: one common view, two varied findings, four urged recommendations."""
    forum = examples.load("future-of-internet")
    assert isinstance(forum, Forum)
    assert forum.name is None
    assert forum.reports_to == "IGF 2012 Baku"
    session = forum.sessions[0]
    assert [f.consensus for f in session.findings] == [
        ConsensusLevel.COMMON_VIEW,
        ConsensusLevel.OPINIONS_VARIED,
        ConsensusLevel.OPINIONS_VARIED,
    ]
    assert [r.number for r in session.recommendations] == ["1)", "2)", "3)", "4)"]
    assert {r.force for r in session.recommendations} == {Force.URGE}
    assert {"privacy", "security", "sovereignty"} <= set(session.findings[0].topics)
    assert session.date is None
    assert session.participants[0].name == "Kuo-Wei Wu"


def test_workshop_substance() -> None:
    """The seed workshop: IGF 2013 Bali, 24 October 2013, five policy questions, inside its forum's dates."""
    forum = examples.load("enhanced-cooperation-bali-2013")
    workshop = forum.workshops[0]
    assert [q.number for q in workshop.policy_questions] == ["1", "2", "3", "4", "5"]
    assert workshop.place is not None
    assert workshop.place.country == "ID"
    assert forum.dates is not None
    assert workshop.date is not None
    assert workshop.date.relation(forum.dates) is Relation.WITHIN


def test_seed_forums_are_ordered() -> None:
    """The unnamed forum (a bound before IGF 2012's close) is definitely before IGF 2013."""
    first, second = (examples.load(name) for name in examples.names())
    assert first.dates is not None
    assert second.dates is not None
    assert first.dates.relation(second.dates) is Relation.BEFORE


def test_unknown_names_are_errors() -> None:
    """Asking for an example or source that is not bundled names what exists."""
    with pytest.raises(KeyError, match="the examples are"):
        examples.load("nope")
    with pytest.raises(KeyError, match="no bundled source"):
        examples.source_text("nope")


def test_describe_quotes_the_records() -> None:
    """describe() summarises both examples readably."""
    text = examples.describe()
    assert "IGF 2012 Baku" in text
    assert "policy question 5" in text
