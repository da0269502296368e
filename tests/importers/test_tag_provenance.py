"""Importers say where a record's own tags came from: one ``"topics"`` provenance entry per passage.

A record's topics are tagged from its title, so an imported record tagged with
anything carries one ``"topics"`` entry on the title's span, made like its other
field entries (span and quote). The comparison quotes that passage as the tag's
evidence (``tests/comparison/test_tag_evidence.py`` checks the comparison's side).
The reports below are written for this test; people and places are invented.
"""

from __future__ import annotations

import json
from pathlib import Path

import attrs
import jsonschema
import pytest

from govrecords import Provenance, Session, Workshop, compare, default_taxonomy, dumps, importers, json_schema, loads
from govrecords.checks import check
from govrecords.comparison.evidence import EvidenceKind
from govrecords.comparison.sentences import locator, main_quote
from govrecords.importers import ImportResult
from govrecords.records import Forum
from govrecords.serialisation.documents import to_envelope

FIXTURES = Path(__file__).parent.parent / "fixtures" / "importers"

REPORT_2012 = """SESSION REPORT

Session name: Net Neutrality in Small Island Networks
Moderator:
Ms. Tavita Lemalu, Pacific Link Collective, Samoa
Date: 12 November 2012

Issues which reached a common view: Island operators need shared landing stations.

Recommendations:
1. Regulators should publish interconnection prices.
"""

REPORT_2013 = """SESSION REPORT

Session name: Net Neutrality in Small Island Networks
Moderator:
Mr. Ioane Fuimaono, Reef Broadband Trust, Tonga
Date: 5 November 2013

Issues which reached a common view: Small operators want a second cable.

Recommendations:
1. Operators should share spare fibre.
"""

UNTAGGED = """SESSION REPORT

Session name: Afternoon Roundup of the Second Day
Moderator:
Ms. Tavita Lemalu, Pacific Link Collective, Samoa
Date: 13 November 2012
"""


def _import(text: str, source_id: str) -> tuple[ImportResult, Session | Workshop]:
    result = importers.import_text(text, source_id=source_id, template="igf-session-report")
    (record,) = (*result.forum.sessions, *result.forum.workshops)
    return result, record


def test_a_record_tagged_from_its_title_says_so() -> None:
    """One "topics" entry, on the title's span and quoting it, made by the importer like the title's own."""
    result, record = _import(REPORT_2012, "islands-2012")
    assert record.topics == ("net-neutrality",)
    (title,) = record.provenance_of("title")
    (topics,) = record.provenance_of("topics")
    assert topics == Provenance(title.source, title.span, title.quote, "topics", title.method)
    assert topics.span is not None
    assert topics.span.slice(result.text) == topics.quote == "Net Neutrality in Small Island Networks"


def test_a_record_its_title_does_not_tag_has_no_topics_entry() -> None:
    """No tags, no entry: the documents stay as small as they were."""
    _, record = _import(UNTAGGED, "roundup-2012")
    assert record.topics == ()
    assert record.provenance_of("topics") == ()


def test_the_topics_entry_is_checked_valid_and_round_trips() -> None:
    """The checks accept "topics" as a field of the record (GR304) with an exact span (GR301, GR302);
    the JSON Schema accepts the document, and it loads back equal."""
    result, _ = _import(REPORT_2012, "islands-2012")
    issues = check(result.forum, sources={"islands-2012": result.text})
    assert [issue for issue in issues if issue.rule.startswith("GR3")] == []
    envelope = to_envelope(result.forum)
    jsonschema.Draft202012Validator(json_schema()).validate(envelope)
    assert loads(json.dumps(envelope), Forum) == result.forum
    assert loads(dumps(result.forum), Forum) == result.forum


def test_comparing_two_imports_quotes_the_title_as_the_tags_passage() -> None:
    """Compare two imported reports: the tag evidence for net neutrality quotes each title span, nothing else."""
    results = [_import(REPORT_2012, "islands-2012"), _import(REPORT_2013, "islands-2013")]
    report = compare(results[0][0].forum, results[1][0].forum)
    row = report.topic("net-neutrality")
    assert row is not None
    for (result, record), state in zip(results, (row.before, row.after), strict=True):
        (item,) = state.of_kind(EvidenceKind.TAG)
        (title,) = record.provenance_of("title")
        assert item.text == record.title
        assert item.provenance == (attrs.evolve(title, field="topics"),)
        quoted = main_quote(item.provenance)
        assert quoted is not None
        assert quoted.span is not None
        assert quoted.span.slice(result.text) == "Net Neutrality in Small Island Networks"
        assert locator(quoted) == f"{quoted.source}, characters {quoted.span.start}\u2013{quoted.span.end}"


FIXTURE_TEXTS = sorted(FIXTURES.glob("*/*.txt"))


@pytest.mark.parametrize("path", FIXTURE_TEXTS, ids=[f"{p.parent.name}/{p.stem}" for p in FIXTURE_TEXTS])
def test_every_fixture_record_has_a_topics_entry_exactly_when_tagged(path: Path) -> None:
    """Across the golden fixtures: a tagged record has one "topics" entry, the title's; an untagged one none."""
    text = path.read_bytes().decode("utf-8")
    result = importers.import_text(text, source_id=path.stem)
    taxonomy = default_taxonomy()
    for record in (*result.forum.sessions, *result.forum.workshops):
        entries = record.provenance_of("topics")
        assert len(entries) == (1 if record.topics else 0)
        assert record.topics == taxonomy.tag(record.title)
        if entries:
            (entry,) = entries
            (title,) = record.provenance_of("title")
            assert (entry.span, entry.quote) == (title.span, title.quote)
