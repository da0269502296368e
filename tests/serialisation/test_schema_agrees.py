"""The published JSON Schema accepts exactly what the library's reader accepts.

Both read one table of wire rules (``govrecords.serialisation.rules`` and
``.constraints``), and this test holds them to it from the outside: a valid record
of each type is drawn and written, one value anywhere in its document is replaced
by a candidate (good or bad: the values the schema once let through, wrong types,
dates out of range, blanks, slugs, hashes...), and the library's ``loads`` and a
draft 2020-12 validator, with the schema of any type and with the document's own
type's, must give the same verdict.

The only disagreement allowed is what the rules table says no JSON Schema can state,
and then only one way (the schema accepts, the library refuses): a span whose end is
before its start, a day past the end of its month, a date range that ends before it
starts. The record types checked are those without rules across records: a
taxonomy's unique ids and links, and a comparison's or timeline's computed figures,
are the class's to check, not the format's.
"""

from __future__ import annotations

import copy
import json
import re
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govrecords import SourceDocument, ValidationError, dumps, loads, testing
from govrecords.dates import when_from_iso
from govrecords.errors import DateParseError
from govrecords.provenance import Span
from govrecords.serialisation.constraints import COUNT, COUNTRY, NON_BLANK, SHA256, TOPIC_ID, WHOLE_NUMBER, Constraint
from govrecords.serialisation.registry import record_types
from govrecords.serialisation.rules import DATE_RANGE_PATTERN, PARTIAL_DATE_PATTERN, VALUES
from govrecords.serialisation.schema import build_schema, json_schema

Document = dict[str, Any]
Path = tuple[str | int, ...]

RECORDS = st.one_of(
    testing.sessions(max_size=1),
    testing.workshops(max_size=1),
    testing.forums(max_size=1),
    testing.topics(),
    testing.source_documents(),
)

# Values once let through by the schema and refused by the library, with their kin.
DRIFTED = ["id", "Id", "A" * 64, "g" * 64, -1, "", " ", "\u3000", "Human Rights", "-privacy", [5, 2]]
CANDIDATES = st.one_of(
    st.sampled_from(
        [
            *DRIFTED,
            "ID",
            "a" * 64,
            "0" * 64,
            "privacy",
            "human-rights",
            "x",
            "2013",
            "2013-10-24",
            "2013-13",
            "0000",
            "2013-02-30",
            "2013/2014",
            "2014/2013",
            "/2013",
            "2013/",
            "2014-09-05T13:30+03:00",
            "2014-09-05T24:00",
            "workshop",
            "panel",
            "supports",
            "person",
            "AZ\n",
            0,
            1,
            7,
            True,
            False,
            1.5,
            None,
            [],
            [0],
            [2, 5],
            [0, 0],
            [-1, 3],
            ["a"],
            {},
        ]
    ),
    st.text(max_size=3),
    st.integers(-2, 3),
)


def _paths(value: object, path: Path = ()) -> list[Path]:
    """Every place in a parsed document a value can be replaced: each leaf, list and object."""
    found: list[Path] = [path] if path else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found.extend(_paths(inner, (*path, key)))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found.extend(_paths(inner, (*path, index)))
    return found


def _replace(document: Document, path: Path, value: object) -> Document:
    changed = copy.deepcopy(document)
    target: Any = changed["record"]
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


def _at(document: Document, path: Path) -> object:
    target: Any = document["record"]
    for step in path:
        target = target[step]
    return target


def _library_accepts(document: Document) -> bool:
    try:
        loads(json.dumps(document))
    except ValidationError:
        return False
    return True


FULL = jsonschema.Draft202012Validator(json_schema())


def _schema_verdicts(document: Document) -> set[bool]:
    own = jsonschema.Draft202012Validator(json_schema(record_types()[document["type"]]))
    return {FULL.is_valid(document), own.is_valid(document)}


def _unstated(value: object) -> bool:
    """Whether *value* breaks only a rule the rules table says JSON Schema cannot state."""
    if type(value) is list and len(value) == 2 and all(type(item) is int and item >= 0 for item in value):
        return value[0] > value[1]  # a span ending before it starts
    if isinstance(value, dict) and type(value.get("span")) is int and type(value.get("quote")) is not str:
        return True  # a span by its start alone, ended by a quote: whether the evidenced value is one
    if isinstance(value, str) and (re.search(PARTIAL_DATE_PATTERN, value) or re.search(DATE_RANGE_PATTERN, value)):
        try:
            when_from_iso(value)
        except (DateParseError, ValueError):
            return True  # a day past its month's end, or a range ending before it starts
    return False


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(RECORDS, st.data())
def test_schema_and_library_agree_on_changed_documents(record: object, data: st.DataObject) -> None:
    """One value changed anywhere: both accept, or both refuse, or the schema cannot state the rule."""
    document: Document = json.loads(dumps(record))
    assert _library_accepts(document)
    assert _schema_verdicts(document) == {True}
    paths = _paths(document["record"])
    if not paths:
        return
    path = data.draw(st.sampled_from(paths), label="path")
    value = data.draw(CANDIDATES, label="value")
    changed = _replace(document, path, value)
    library = _library_accepts(changed)
    schema = _schema_verdicts(changed)
    assert len(schema) == 1, "the whole schema and the type's own schema disagree"
    if library not in schema:
        assert schema == {True}, f"the schema refuses what the library reads, at {path}: {value!r}"
        parent = _at(changed, path[:-1])  # a span's end changed: the span is what breaks the rule
        dangling = path[-1] == "method" and type(value) is int and value >= len(changed.get("methods", []))
        assert _unstated(value) or _unstated(parent) or dangling, (
            f"the schema accepts what the library refuses, at {path}: {value!r}"
        )


SESSION: Document = {"format_version": 3, "type": "session", "record": {"id": "s1", "title": "Access"}}
SOURCE: Document = {"format_version": 3, "type": "source", "record": {"id": "report", "sha256": "0" * 64}}
TOPIC: Document = {"format_version": 3, "type": "topic", "record": {"id": "privacy", "label": "Privacy"}}


@pytest.mark.parametrize(
    ("document", "path", "value"),
    [
        (SESSION, ("place",), {"country": "id"}),
        (SOURCE, ("sha256",), "A" * 64),
        (SOURCE, ("length",), -1),
        (SESSION, ("topics",), [""]),
        (TOPIC, ("id",), ""),
        (TOPIC, ("id",), "Human Rights"),
        (TOPIC, ("broader",), "Human Rights"),
        (SESSION, ("title",), " \t"),
    ],
    ids=[
        "lower-case country",
        "upper-case hash",
        "negative length",
        "blank topic",
        "empty topic id",
        "topic id not a slug",
        "broader not a slug",
        "blank title",
    ],
)
def test_both_refuse_the_values_the_schema_once_accepted(document: Document, path: Path, value: object) -> None:
    """The drifted cases: each is refused by the library and by both schemas."""
    changed = _replace(document, path, value)
    assert _library_accepts(document)
    assert not _library_accepts(changed)
    assert _schema_verdicts(changed) == {False}


def test_a_span_ending_before_it_starts_is_the_library_s_alone() -> None:
    """``end >= start`` cannot be said in JSON Schema: the rules and the schema say so, and it takes ``[5, 2]``."""
    assert VALUES[Span].unstated is not None
    assert "end before the start" in VALUES[Span].unstated
    document = _replace(SESSION, ("provenance",), [{"source": "report", "span": [5, 2]}])
    assert not _library_accepts(document)
    assert _schema_verdicts(document) == {True}
    assert _schema_verdicts(_replace(document, ("provenance", 0, "span"), [2, 5])) == {True}
    assert VALUES[Span].unstated in json_schema()["$defs"]["Span"]["description"]


@pytest.mark.parametrize("constraint", [NON_BLANK, COUNTRY, SHA256, TOPIC_ID], ids=lambda c: c.message)
@settings(max_examples=200)
@given(text=st.one_of(st.text(max_size=70), st.sampled_from(["AZ", "a" * 64, "privacy", "x-1", "\u2028", "AZ\n"])))
def test_a_text_constraint_reads_alike_in_python_and_json_schema(constraint: Constraint, text: str) -> None:
    """The library tests a pattern with Python's ``re`` as a JSON Schema validator does with its own engine."""
    schema_says = jsonschema.Draft202012Validator({"type": "string", **constraint.keywords}).is_valid(text)
    assert constraint.holds(text) == schema_says


@pytest.mark.parametrize("constraint", [COUNT, WHOLE_NUMBER], ids=lambda c: c.message)
@given(number=st.one_of(st.integers(-5, 5), st.booleans(), st.floats(-2, 2)))
def test_a_number_constraint_reads_alike_in_python_and_json_schema(constraint: Constraint, number: object) -> None:
    """Whole numbers only (a bool or a float is not one), at least the minimum."""
    schema_says = jsonschema.Draft202012Validator({"type": "integer", **constraint.keywords}).is_valid(number)
    # JSON Schema counts 1.0 as an integer; JSON text never gives Python a float that reads as
    # a whole number for a field the library declares int (the converter refuses floats first).
    if isinstance(number, float) and number.is_integer():
        return
    assert constraint.holds(number) == schema_says


def test_every_constraint_on_a_record_field_is_stated_in_the_schema() -> None:
    """A source's hash and length carry their keywords, read off the validators."""
    source = build_schema()["$defs"]["SourceDocument"]["properties"]
    assert source["sha256"]["pattern"] == SHA256.keywords["pattern"]
    assert source["length"]["minimum"] == 0
    assert SourceDocument.__attrs_attrs__.sha256.validator.constraint is SHA256  # type: ignore[attr-defined]  # attrs' generated tuple
