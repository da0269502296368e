"""JSON and JSON Lines: the envelope, strict reading with every problem and its path, files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import attrs
import pytest
from cattrs.errors import ClassValidationError

from govrecords import (
    ConsensusLevel,
    Finding,
    PartialDate,
    Participant,
    Session,
    ValidationError,
    dump,
    dumps,
    examples,
    iter_jsonl,
    load,
    loads,
    write_jsonl,
)
from govrecords.errors import FormatVersionError, SerializationError
from govrecords.provenance import Method, MethodKind, Provenance, Span
from govrecords.serialisation import FORMAT_VERSION, make_converter
from govrecords.serialisation.documents import from_envelope
from govrecords.serialisation.registry import record_type_name


def envelope(record: object, kind: str = "session") -> str:
    return json.dumps({"format_version": FORMAT_VERSION, "type": kind, "record": record})


def test_envelope_shape() -> None:
    """A document names its format version and record type; defaults are omitted."""
    data = json.loads(dumps(Session("s", "T")))
    assert data == {"format_version": FORMAT_VERSION, "type": "session", "record": {"id": "s", "title": "T"}}


@pytest.mark.parametrize(
    ("record", "path", "fragment"),
    [
        ({"id": "s", "title": "T", "colour": "red"}, "$.record.colour", "unknown key"),
        ({"id": 7, "title": "T"}, "$.record.id", "expected a string"),
        ({"title": "T"}, "$.record.id", "required field is missing"),
        ({"id": "s", "title": "T", "kind": "party"}, "$.record.kind", "not a valid SessionKind"),
        ({"id": "s", "title": "T", "date": "2013-02-30"}, "$.record.date", "day 30 is out of range"),
        ({"id": "s", "title": "T", "date": 2013}, "$.record.date", "expected a string"),
        ({"id": "s", "title": "T", "topics": "privacy"}, "$.record.topics", "expected a list"),
        (
            {"id": "s", "title": "T", "findings": [{"text": "x", "consensus": "yes"}]},
            "$.record.findings[0].consensus",
            "not a valid ConsensusLevel",
        ),
        (
            {"id": "s", "title": "T", "provenance": [{"source": "d", "span": [1]}]},
            "$.record.provenance[0].span",
            "span [start, end]",
        ),
        (
            {"id": "s", "title": "T", "provenance": [{"source": "d", "span": [5, 1]}]},
            "$.record.provenance[0].span",
            "before start",
        ),
        ({"id": "s", "title": "T", "place": ["Bali"]}, "$.record.place", "expected an object"),
        (
            {
                "id": "s",
                "title": "T",
                "findings": [
                    {
                        "text": "x",
                        "consensus": "common_view",
                        "positions": [{"actor": {"kind": "panel"}, "stance": "supports", "claim": 1}],
                    }
                ],
            },
            "$.record.findings[0].positions[0].claim",
            "expected a string",
        ),
    ],
)
def test_each_problem_has_its_path(record: dict[str, object], path: str, fragment: str) -> None:
    """Strict reading: each kind of bad value is reported at its JSON path with the offending value."""
    with pytest.raises(ValidationError) as caught:
        loads(envelope(record))
    problems = caught.value.problems
    assert [p.path for p in problems] == [path]
    assert fragment in problems[0].message
    assert isinstance(caught.value, ValueError)


def test_every_problem_is_reported_at_once() -> None:
    """One ValidationError carries every problem of the document, not just the first."""
    bad = {"id": 1, "title": 2, "kind": "x", "extra": True, "findings": [{"text": "", "consensus": "no"}]}
    with pytest.raises(ValidationError) as caught:
        loads(envelope(bad))
    paths = sorted(p.path for p in caught.value.problems)
    assert paths == [
        "$.record.extra",
        "$.record.findings[0].consensus",
        "$.record.id",
        "$.record.kind",
        "$.record.title",
    ]
    by_path = {p.path: p for p in caught.value.problems}
    assert by_path["$.record.id"].value == 1
    assert "5 problems" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "path", "fragment"),
    [
        ('{"format_version": 3, "type": "session", "record": ', "$", "not valid JSON"),
        ("[1, 2]", "$", "expected a govrecords document"),
        ('{"type": "session", "record": {}}', "$.format_version", "required whole number"),
        ('{"format_version": 3, "type": "meeting", "record": {}}', "$.type", "unknown record type"),
        ('{"format_version": 3, "type": "session"}', "$.record", "required field is missing"),
        ('{"format_version": 3, "type": "session", "record": {"id": "s", "title": "T"}, "x": 1}', "$.x", "unknown key"),
    ],
)
def test_envelope_problems(text: str, path: str, fragment: str) -> None:
    """Problems with the envelope itself are reported like any other, with their paths."""
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert caught.value.problems[0].path == path
    assert fragment in caught.value.problems[0].message


def test_newer_format_versions_are_refused() -> None:
    """A document from a newer format version is refused, naming both versions."""
    with pytest.raises(FormatVersionError, match=f"format version 99.*up to {FORMAT_VERSION}"):
        loads('{"format_version": 99, "type": "session", "record": {}}')


def test_expected_type_is_checked() -> None:
    """Asking for one record type and reading another is a problem at $.type."""
    with pytest.raises(ValidationError, match="expected a forum record"):
        loads(dumps(Session("s", "T")), type(examples.load("future-of-internet")))


def test_only_records_serialise() -> None:
    """Writing something that is not a record is a SerializationError (a TypeError)."""
    with pytest.raises(SerializationError, match="not a govrecords record type"):
        dumps(PartialDate(2013))
    with pytest.raises(TypeError):
        record_type_name(int)


def test_files_round_trip_and_name_the_file(tmp_path: Path) -> None:
    """dump/load round-trip through a file; problems in a file name it as their source."""
    forum = examples.load("future-of-internet")
    target = tmp_path / "forum.json"
    dump(forum, target)
    assert load(target) == forum
    assert not list(tmp_path.glob(".*tmp"))
    target.write_text(envelope({"id": "s"}), "utf-8")
    with pytest.raises(ValidationError) as caught:
        load(target)
    assert caught.value.lines() == [f"{target}: $.record.title: required field is missing"]


def test_json_lines_round_trip_mixed_types(tmp_path: Path) -> None:
    """JSON Lines hold records of mixed types, one envelope a line, streamed back in order."""
    records = [examples.load(name) for name in examples.names()]
    records += [Session("s", "T"), examples.load("future-of-internet").sources[0]]
    target = tmp_path / "archive.jsonl"
    assert write_jsonl(iter(records), target) == 4
    assert list(iter_jsonl(target)) == records
    with target.open("rb") as handle:
        assert list(iter_jsonl(handle)) == records


def test_json_lines_bad_line_is_named() -> None:
    """A bad line raises with its line number; with on_error the rest is read and the bad line reported."""
    good = dumps(Session("s", "T"), indent=None)
    text = "\n".join([good, "", '{"format_version": 3, "type": "session", "record": {"id": 3}}', good]) + "\n"
    with pytest.raises(ValidationError) as caught:
        list(iter_jsonl(io.StringIO(text)))
    assert {p.line for p in caught.value.problems} == {3}
    errors: list[ValidationError] = []
    assert len(list(iter_jsonl(io.StringIO(text), on_error=errors.append))) == 2
    assert [p.line for p in errors[0].problems] == [3, 3]
    assert "line 3" in str(errors[0])


def test_json_lines_newer_version_line() -> None:
    """A line of a newer format version is reported as that line's problem."""
    errors: list[ValidationError] = []
    text = '{"format_version": 5, "type": "session", "record": {}}\n'
    assert list(iter_jsonl(io.StringIO(text), on_error=errors.append)) == []
    assert errors[0].problems[0].path == "$.format_version"


def test_make_converter_is_fresh_each_time() -> None:
    """make_converter returns a new converter each call, so configuring one never affects another."""
    first, second = make_converter(), make_converter()
    assert first is not second
    finding = Finding("x", ConsensusLevel.BROAD_SUPPORT)
    data = first.unstructure(finding)
    assert data == {"text": "x", "consensus": "broad_support"}
    assert second.structure(data, Finding) == finding


def test_from_envelope_rejects_strings_where_records_expected() -> None:
    """Structuring checks types all the way down: a bool is not a whole number."""
    with pytest.raises(ValidationError) as caught:
        from_envelope(
            {"format_version": 3, "type": "source", "record": {"id": "d", "sha256": "0" * 64, "length": True}}
        )
    assert caught.value.problems[0].path == "$.record.length"


def _imported_session() -> Session:
    text = "Title: Enhanced Cooperation, 24 October 2013"
    tool = Method(MethodKind.IMPORTER, "importer", "1.0", "report")
    other = Method(MethodKind.DERIVED, "compare")
    entries = (
        Provenance.of("d", text, "Enhanced Cooperation", field="title", method=tool),
        Provenance.of(
            "d", text, "24 October 2013", field="date", method=Method(MethodKind.IMPORTER, "importer", "1.0", "report")
        ),
        Provenance.of("d", text, "Title", method=other),
        Provenance.of("d", text, "Title"),
    )
    return Session("s1", "Enhanced Cooperation", provenance=entries)


def test_each_method_is_written_once_and_referred_to() -> None:
    """Equal methods share one entry of the methods table; the first is left out of entries, by hand is an index."""
    session = _imported_session()
    document = json.loads(dumps(session))
    assert document["methods"] == [
        {"kind": "importer", "tool": "importer", "version": "1.0", "template": "report"},
        {"kind": "derived", "tool": "compare"},
        {},
    ]
    assert [entry.get("method") for entry in document["record"]["provenance"]] == [None, None, 1, 2]
    assert loads(dumps(session)) == session
    assert "methods" not in json.loads(dumps(Session("s2", "T")))
    by_hand = Session("s3", "T", provenance=(Provenance("d", quote="T", field="title"),))
    assert json.loads(dumps(by_hand)) == {
        "format_version": FORMAT_VERSION,
        "type": "session",
        "source": "d",  # no methods table: every entry by hand
        "record": {"id": "s3", "title": "T", "provenance": [{"field": "title"}]},
    }
    assert loads(dumps(by_hand)) == by_hand


def test_a_dangling_method_reference_is_refused_with_its_path() -> None:
    """A reference past the end of the methods table, or a bad table entry, is a problem with its path."""
    document = json.loads(dumps(_imported_session()))
    document["record"]["provenance"][2]["method"] = 3
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(document))
    assert [(p.path, p.value) for p in caught.value.problems] == [("$.record.provenance[2].method", 3)]
    assert "methods table has 3 entries" in caught.value.problems[0].message
    document["record"]["provenance"][2]["method"] = 1
    document["methods"][1] = {"kind": "guessed"}
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(document))
    assert [p.path for p in caught.value.problems] == ["$.methods[1].kind"]
    document["methods"][1] = {"kind": "derived"}
    document["methods"][0] = {"kind": "guessed"}  # the default: entries that leave it out are not reported again
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(document))
    assert [p.path for p in caught.value.problems] == ["$.methods[0].kind"]


def test_the_default_source_is_written_once() -> None:
    """Entries of the first entry's source leave it out; another source is written; all read back."""
    text = "Title: Enhanced Cooperation"
    session = Session(
        "s1",
        "Enhanced Cooperation",
        provenance=(
            Provenance.of("d", text, "Title"),
            Provenance.of("minutes", text, "Enhanced Cooperation", field="title"),
            Provenance.of("d", text, "Enhanced", field="title"),
        ),
    )
    document = json.loads(dumps(session))
    assert document["source"] == "d"
    assert [entry.get("source") for entry in document["record"]["provenance"]] == [None, "minutes", None]
    assert loads(dumps(session)) == session


@pytest.mark.parametrize(
    ("source", "fragment"),
    [(7, "expected the id of a source document"), (" ", "must be a non-empty string"), (None, "expected the id")],
)
def test_a_bad_default_source_is_refused_with_its_path(source: object, fragment: str) -> None:
    """A default source that is not a source id is one problem, at $.source, and the entries using it none."""
    document = json.loads(dumps(_imported_session()))
    document["source"] = source
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(document))
    assert [p.path for p in caught.value.problems] == ["$.source"]
    assert fragment in caught.value.problems[0].message
    del document["source"]  # entries that leave their source out then have none
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(document))
    assert {p.path for p in caught.value.problems} == {f"$.record.provenance[{i}].source" for i in range(4)}
    assert all("required field is missing" in p.message for p in caught.value.problems)


def test_a_quote_equal_to_its_value_is_left_out() -> None:
    """A quote equal to the value it evidences is read back from it; a different one, or none, is written."""
    text = "Ms. Greta Vallin, GRETA VALLIN"
    person = Participant(
        "Greta Vallin",
        honorific="ms.",
        provenance=(
            Provenance.of("d", text, "Greta Vallin", field="name"),
            Provenance.of("d", text, "Ms.", field="honorific"),  # equal only once case-folded: written
            Provenance.of("d", text, "GRETA VALLIN", field="name"),
            Provenance("d", Span(4, 16), None, "name"),  # no quote, though there is a value: null
            Provenance.of("d", text, "Greta", field="kind"),  # not a string's field: written
        ),
    )
    session = Session("s", "T", participants=(person,))
    entries = json.loads(dumps(session, indent=None))["record"]["participants"][0]["provenance"]
    assert entries == [
        {"span": 4, "field": "name"},
        {"span": 0, "quote": "Ms.", "field": "honorific"},
        {"span": 18, "quote": "GRETA VALLIN", "field": "name"},
        {"span": [4, 16], "quote": None, "field": "name"},
        {"span": 4, "quote": "Greta", "field": "kind"},
    ]
    assert loads(dumps(session)) == session
    changed = attrs.evolve(person, name="Greta V.")  # the value changed after the import: the quote is written
    again = Session("s", "T", participants=(changed,))
    assert json.loads(dumps(again))["record"]["participants"][0]["provenance"][0] == {
        "span": 4,
        "quote": "Greta Vallin",
        "field": "name",
    }
    assert loads(dumps(again)) == again


def test_a_record_level_quote_of_the_text_is_left_out() -> None:
    """A record-level entry quoting a statement's text whole leaves the quote to the text."""
    text = "1. Open formats lower the cost of switching."
    finding = Finding(
        "Open formats lower the cost of switching.",
        ConsensusLevel.BROAD_SUPPORT,
        provenance=(Provenance.of("d", text, "Open formats lower the cost of switching."),),
    )
    session = Session("s", "T", findings=(finding,))
    document = json.loads(dumps(session, indent=None))
    assert document["record"]["findings"][0]["provenance"] == [{"span": 3}]
    assert loads(dumps(session)) == session


def test_a_span_by_its_start_needs_a_quote() -> None:
    """A span written as its start alone is ended by the entry's quote; without one it is refused, with its path."""
    base = {"id": "s", "title": "Title"}
    read = loads(envelope({**base, "provenance": [{"source": "d", "span": 3, "quote": "tle"}]}))
    assert read.provenance[0].span == Span(3, 6)
    read = loads(envelope({**base, "provenance": [{"source": "d", "span": 3, "field": "title"}]}))
    assert (read.provenance[0].span, read.provenance[0].quote) == (Span(3, 8), "Title")
    for entry in ({"source": "d", "span": 3}, {"source": "d", "span": 3, "quote": None, "field": "title"}):
        with pytest.raises(ValidationError) as caught:
            loads(envelope({**base, "provenance": [entry]}))
        assert [p.path for p in caught.value.problems] == ["$.record.provenance[0].span"]
        assert "its start alone needs the entry's quote" in caught.value.problems[0].message
    with pytest.raises(ValidationError) as caught:
        loads(envelope({**base, "provenance": [{"source": "d", "span": -1, "quote": "x"}]}))
    assert [p.path for p in caught.value.problems] == ["$.record.provenance[0].span"]


def test_each_json_lines_line_has_its_own_methods_table() -> None:
    """A line stands alone: its methods table is written with it."""
    out = io.StringIO()
    write_jsonl([_imported_session(), Session("s2", "T"), _imported_session()], out)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert ["methods" in line for line in lines] == [True, False, True]
    assert list(iter_jsonl(io.StringIO(out.getvalue()))) == [
        _imported_session(),
        Session("s2", "T"),
        _imported_session(),
    ]


@pytest.mark.parametrize("detailed", [False, True])
def test_a_converter_on_its_own_writes_the_method_as_an_object(detailed: bool) -> None:
    """With no document around the record there is no methods table: the method is written whole."""
    converter = make_converter(detailed=detailed)
    session = _imported_session()
    data = converter.unstructure(session)
    whole = {"kind": "importer", "tool": "importer", "version": "1.0", "template": "report"}
    assert data["provenance"][0]["method"] == whole
    assert "method" not in data["provenance"][3]  # by hand, the default, is left out as before
    # Every entry whole, as before: no document says the source, the quote or the span's end.
    assert data["provenance"][0]["source"] == "d"
    assert data["provenance"][0]["quote"] == "Enhanced Cooperation"
    assert data["provenance"][0]["span"] == [7, 27]
    assert converter.structure(data, Session) == session
    data["provenance"][0]["method"] = 0  # an index means nothing outside a document
    with pytest.raises((TypeError, ClassValidationError)) as caught:
        converter.structure(data, Session)
    assert "expected an object for Method, got int" in repr(caught.value.exceptions if detailed else caught.value)
