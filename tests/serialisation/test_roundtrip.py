"""Round-trip properties: what govrecords writes, it reads back unchanged.

For Hypothesis-generated records of every record type: ``loads(dumps(x)) == x``
(indented and compact) and ``dumps(loads(text)) == text``, ``load(dump(x))``, ``iter_jsonl(write_jsonl(...))`` over
mixed record types, and, for every class down to dates and spans, the converter's
``structure(unstructure(x)) == x`` through real JSON text.
"""

from __future__ import annotations

import io
import json
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import dump, dumps, iter_jsonl, load, loads, testing, write_jsonl
from govrecords.dates import DateRange, PartialDate, When
from govrecords.provenance import Method, MethodKind, Provenance, SourceDocument, Span
from govrecords.records import (
    Actor,
    Finding,
    Forum,
    Participant,
    Place,
    Position,
    Recommendation,
    Section,
    Session,
    StakeholderGroup,
    Statement,
    Workshop,
)
from govrecords.serialisation import _classwriter
from govrecords.serialisation.converter import converters, make_converter
from govrecords.serialisation.documents import from_envelope
from govrecords.serialisation.registry import record_types
from govrecords.serialisation.rules import MethodTable
from govrecords.taxonomy import Taxonomy, Topic, TopicLabel

# Record types without a strategy in govrecords.testing yet are left out here.
RECORDS: dict[type, st.SearchStrategy[Any]] = {
    Forum: testing.forums(),
    Session: testing.sessions(),
    Workshop: testing.workshops(),
    SourceDocument: testing.source_documents(),
    Taxonomy: testing.taxonomies(),
    Topic: testing.topics(),
}
RECORD_TYPES = sorted((tag, cls) for tag, cls in record_types().items() if cls in RECORDS)
TAGS = [tag for tag, _ in RECORD_TYPES]
ANY_RECORD = st.one_of([RECORDS[cls] for _, cls in RECORD_TYPES])

PARTS: dict[Any, st.SearchStrategy[Any]] = {
    PartialDate: testing.partial_dates(),
    DateRange: testing.date_ranges(),
    When: testing.whens(),
    Span: testing.spans(),
    Method: testing.methods(),
    Provenance: testing.provenances(),
    StakeholderGroup: testing.stakeholder_groups(),
    Place: testing.places(),
    Participant: testing.participants(),
    Actor: testing.actors(),
    Statement: testing.statements(),
    Position: testing.positions(),
    Finding: testing.findings(),
    Recommendation: testing.recommendations(),
    Section: testing.sections(),
    TopicLabel: testing.topic_labels(),
    **RECORDS,
}
CONVERTER = make_converter()


@pytest.mark.parametrize(("tag", "cls"), RECORD_TYPES, ids=TAGS)
@settings(max_examples=30, deadline=None)
@given(data=st.data(), indent=st.sampled_from([None, 2]))
def test_loads_dumps_round_trip(tag: str, cls: type, data: st.DataObject, indent: int | None) -> None:
    """``loads(dumps(x)) == x``, with and without the expected class, indented or compact;
    writing what was read gives the same text (nothing added, dropped or reordered)."""
    record = data.draw(RECORDS[cls], label="record")
    text = dumps(record, indent=indent)
    assert json.loads(text)["type"] == tag
    assert loads(text) == record
    assert loads(text.encode("utf-8"), cls) == record
    assert dumps(loads(text, cls), indent=indent) == text


@pytest.mark.parametrize(("tag", "cls"), RECORD_TYPES, ids=TAGS)
@settings(max_examples=10, deadline=None)
@given(data=st.data())
def test_dump_load_round_trip(
    tag: str, cls: type, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A record written to a file with ``dump`` reads back equal with ``load``."""
    record = data.draw(RECORDS[cls], label="record")
    path = tmp_path_factory.mktemp(tag) / "record.json"
    dump(record, path)
    assert load(path, cls) == record


@settings(max_examples=25, deadline=None)
@given(records=st.lists(ANY_RECORD, max_size=5))
def test_jsonl_round_trip(records: list[Any], tmp_path_factory: pytest.TempPathFactory) -> None:
    """``iter_jsonl`` reads back, in order, the mixed records ``write_jsonl`` wrote."""
    path = tmp_path_factory.mktemp("jsonl") / "records.jsonl"
    assert write_jsonl(iter(records), path) == len(records)
    assert list(iter_jsonl(path)) == records
    # One line per record: newlines inside text are escaped (str.splitlines would also
    # split on U+0085 and U+2028, which JSON leaves as they are, so count "\n" only).
    assert path.read_bytes().count(b"\n") == len(records)


@settings(max_examples=25, deadline=None)
@given(records=st.lists(ANY_RECORD, max_size=4))
def test_jsonl_round_trip_from_open_files(records: list[Any]) -> None:
    """Compact ``dumps`` lines read back through ``iter_jsonl`` from binary and text files."""
    text = "".join(dumps(record, indent=None) + "\n" for record in records)
    assert list(iter_jsonl(io.BytesIO(text.encode("utf-8")))) == records
    assert list(iter_jsonl(io.StringIO(text))) == records


@pytest.mark.parametrize("cls", list(PARTS), ids=[getattr(cls, "__name__", "When") for cls in PARTS])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_converter_round_trip(cls: Any, data: st.DataObject) -> None:
    """``structure(unstructure(x)) == x`` for every class, through JSON text."""
    value = data.draw(PARTS[cls], label="value")
    unstructured = CONVERTER.unstructure(value)
    reread = json.loads(json.dumps(unstructured, ensure_ascii=False))
    assert reread == unstructured
    assert CONVERTER.structure(reread, cls) == value


# ---------------------------------------------------------------------------
# Format 3's elisions: entries that quote their record's values, of several sources and methods.


def _echoing(record: Any, choices: list[int]) -> Any:
    """*record* with its provenance entries rewritten to exercise every elision of format 3.

    Each entry, by the next of *choices*: kept as drawn; quoting the value of a string
    field of its record (span as long as the quote); quoting the record's ``text`` as a
    record-level entry; quoting a field's value in another case (kept on writing); with
    no quote where the record has a value (written ``null``); of another source and method.
    """
    if isinstance(record, tuple):
        return tuple(_echoing(item, choices) for item in record)
    if not attrs.has(type(record)):
        return record
    changes = {
        field.name: _echoing(getattr(record, field.name), choices)
        for field in attrs.fields(type(record))
        if field.init and field.name != "provenance"
    }
    if not any(field.name == "provenance" for field in attrs.fields(type(record))):
        return attrs.evolve(record, **changes)
    texts = [
        (field.name, value)
        for field in attrs.fields(type(record))
        if isinstance(value := getattr(record, field.name), str) and field.name != "provenance"
    ]
    entries = []
    for drawn in record.provenance:
        entry = drawn
        choice = choices.pop() % 6 if choices else 0
        name, value = texts[len(entries) % len(texts)] if texts else (None, None)
        if choice == 1 and value is not None:
            entry = attrs.evolve(drawn, field=name, quote=value, span=Span(3, 3 + len(value)))
        elif choice == 2 and isinstance(getattr(record, "text", None), str):
            entry = attrs.evolve(drawn, field=None, quote=record.text, span=Span(0, len(record.text)))
        elif choice == 3 and value is not None and value.swapcase() != value:
            entry = attrs.evolve(drawn, field=name, quote=value.swapcase(), span=Span(1, 1 + len(value)))
        elif choice == 4 and value is not None:
            entry = attrs.evolve(drawn, field=name, quote=None)
        elif choice == 5:
            entry = attrs.evolve(drawn, source=entry.source + "-other", method=Method(MethodKind.DERIVED, "x"))
        entries.append(entry)
    return attrs.evolve(record, **changes, provenance=tuple(entries))


ECHOING = st.builds(
    _echoing, st.one_of(testing.forums(), testing.sessions(), testing.workshops()), st.lists(st.integers(0, 5))
)


@settings(max_examples=60, deadline=None)
@given(record=ECHOING, indent=st.sampled_from([None, 2]))
def test_format_3_elisions_round_trip(record: Any, indent: int | None) -> None:
    """Records whose entries quote their values read back equal, by the fast and the general path alike."""
    text = dumps(record, indent=indent)
    assert loads(text) == record
    assert dumps(loads(text), indent=indent) == text
    assert from_envelope(json.loads(text)) == record  # the general path, which words problems
    out = io.StringIO()
    write_jsonl([record, Session("s", "T"), record], out)
    assert list(iter_jsonl(io.StringIO(out.getvalue()))) == [record, Session("s", "T"), record]
    assert CONVERTER.structure(json.loads(json.dumps(CONVERTER.unstructure(record))), type(record)) == record


@settings(max_examples=60, deadline=None)
@given(record=ECHOING)
def test_format_3_fast_and_plain_paths_write_the_same(record: Any) -> None:
    """The fast path's unstructurer and the converter give the same entries, defaults and tables."""
    with MethodTable() as fast:
        mine = _classwriter.unstructurer(type(record))(record)
    with MethodTable() as plain:
        theirs = converters()[0].unstructure(record)
    assert json.dumps(mine) == json.dumps(theirs)
    assert (fast.source, fast.entries) == (plain.source, plain.entries)


_METHODS = st.builds(
    Method,
    kind=st.sampled_from(list(MethodKind)),
    tool=st.sampled_from([None, "igf", "eurodig"]),
    version=st.sampled_from([None, "1", "2"]),
)


@settings(max_examples=60, deadline=None)
@given(methods=st.lists(st.one_of(st.just(Method()), _METHODS), max_size=12))
def test_method_table_indexes_by_equality_whether_or_not_the_object_is_met_again(methods: list[Method]) -> None:
    """``MethodTable.add`` remembers an object by identity, and agrees with a table keyed by equality."""
    with MethodTable() as table:
        indexes = [table.add(method) for method in methods] + [table.add(method) for method in methods]
    distinct = list(dict.fromkeys(methods))
    assert table.entries == distinct
    assert indexes == [distinct.index(method) for method in methods] * 2
