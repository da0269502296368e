"""Tests for govrecords.serialisation.schema: the JSON Schema of govrecords documents.

Checks that the schema is a valid draft 2020-12 schema; that every document
``dumps`` writes, for Hypothesis-generated records of every record type, validates
against it; that hand-written invalid documents are rejected by the schema as they
are by the reader; that the date patterns agree with the date reader; and that the
schema shipped in ``govrecords/data/schema.json`` is the one the record classes
generate now.

When ``test_shipped_schema_is_up_to_date`` fails, regenerate the file from the
repository root with::

    python -m govrecords.serialisation.schema > src/govrecords/data/schema.json
"""

from __future__ import annotations

import calendar
import copy
import enum
import json
import re
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from govrecords import ValidationError, dumps, loads, testing
from govrecords.cli import main
from govrecords.dates import DateRange, PartialDate
from govrecords.errors import DateParseError, FormatVersionError, SerializationError
from govrecords.provenance import SourceDocument
from govrecords.records import Forum, Session, Workshop
from govrecords.serialisation.migrations import FORMAT_VERSION
from govrecords.serialisation.registry import record_types
from govrecords.serialisation.rules import DATE_RANGE_PATTERN, PARTIAL_DATE_PATTERN
from govrecords.serialisation.schema import (
    SCHEMA_ID,
    _Builder,
    _main,
    build_schema,
    json_schema,
)
from govrecords.taxonomy import Taxonomy, Topic

SCHEMA = json_schema()
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=Draft202012Validator.FORMAT_CHECKER)
# Record types without a strategy in govrecords.testing yet are left out here; the
# branch test below still covers them.
RECORDS: dict[type, st.SearchStrategy[Any]] = {
    Forum: testing.forums(),
    Session: testing.sessions(),
    Workshop: testing.workshops(),
    SourceDocument: testing.source_documents(),
    Taxonomy: testing.taxonomies(),
    Topic: testing.topics(),
}
RECORD_TYPES = sorted((tag, cls) for tag, cls in record_types().items() if cls in RECORDS)


def test_schema_is_a_valid_draft_2020_12_schema() -> None:
    """The schema passes the draft 2020-12 meta-schema, regex formats included."""
    Draft202012Validator.check_schema(json_schema())


def test_schema_names_its_dialect_and_id() -> None:
    """``$schema`` is the 2020-12 dialect and ``$id`` names the format version."""
    schema = SCHEMA
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == SCHEMA_ID
    assert SCHEMA_ID.endswith(f"/v{FORMAT_VERSION}.json")


def test_shipped_schema_is_up_to_date() -> None:
    """The shipped schema file equals the schema the record classes generate now."""
    assert json_schema() == build_schema(), (
        "src/govrecords/data/schema.json is out of date; regenerate it from the repository root with: "
        "python -m govrecords.serialisation.schema > src/govrecords/data/schema.json"
    )


def test_json_schema_returns_a_fresh_copy() -> None:
    """Changing the returned schema does not change the next one."""
    first = json_schema()
    pristine = copy.deepcopy(first)
    first["$defs"].clear()
    first["oneOf"].append({})
    assert json_schema() == pristine


def test_every_record_type_has_a_branch() -> None:
    """The envelope has exactly one branch per record type the reader accepts."""
    schema = SCHEMA
    tags = [branch["properties"]["type"]["const"] for branch in schema["oneOf"]]
    assert sorted(tags) == sorted(record_types())
    assert sorted(schema["properties"]["type"]["enum"]) == sorted(record_types())


def test_record_definitions_forbid_unknown_keys_and_describe_themselves() -> None:
    """Every object definition closes its properties and carries a description."""
    for name, definition in SCHEMA["$defs"].items():
        assert definition.get("description"), name
        if definition.get("type") == "object":
            assert definition["additionalProperties"] is False, name


def test_private_state_is_not_in_the_schema() -> None:
    """Taxonomy's derived indexes (``init=False``) are neither written nor described."""
    taxonomy = SCHEMA["$defs"]["Taxonomy"]
    assert set(taxonomy["properties"]) == {"name", "topics", "version", "names", "idioms"}
    assert taxonomy["required"] == ["name", "topics"]


def test_cli_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    """``govrecords schema`` prints the same schema."""
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()


@pytest.mark.parametrize(("tag", "cls"), RECORD_TYPES, ids=[tag for tag, _ in RECORD_TYPES])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_every_written_document_validates(tag: str, cls: type, data: st.DataObject) -> None:
    """What ``dumps`` writes for any record validates against the schema."""
    record = data.draw(RECORDS[cls], label="record")
    document = json.loads(dumps(record))
    assert document["type"] == tag
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in VALIDATOR.iter_errors(document)]
    assert errors == []


@pytest.mark.parametrize(("tag", "cls"), RECORD_TYPES, ids=[tag for tag, _ in RECORD_TYPES])
@settings(max_examples=15, deadline=None)
@given(data=st.data(), key=st.text(min_size=1, max_size=10))
def test_unknown_record_keys_are_rejected_by_both(tag: str, cls: type, data: st.DataObject, key: str) -> None:
    """A key the record class does not have fails the schema and the reader alike."""
    record = data.draw(RECORDS[cls], label="record")
    document = json.loads(dumps(record))
    if key in SCHEMA["$defs"][cls.__name__]["properties"]:
        return
    document["record"][key] = 1
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(ValidationError):
        loads(json.dumps(document))


def _session(**record: Any) -> dict[str, Any]:
    return {"format_version": 3, "type": "session", "record": {"id": "s1", "title": "t", **record}}


INVALID = {
    "not an object": [],
    "missing record": {"format_version": 3, "type": "session"},
    "unknown envelope key": {**_session(), "colour": "red"},
    "unknown record type": {"format_version": 3, "type": "minutes", "record": {}},
    "newer format version": {**_session(), "format_version": 4},
    "format version as text": {**_session(), "format_version": "1"},
    "record of another type": {"format_version": 3, "type": "topic", "record": {"id": "s1", "title": "t"}},
    "missing required field": {"format_version": 3, "type": "session", "record": {"id": "s1"}},
    "number for a string": _session(id=7),
    "unknown key in a record": _session(colour="red"),
    "unknown enum value": _session(kind="keynote"),
    "month 13": _session(date="2013-13"),
    "date with a day and no month": _session(date="2013--24"),
    "range with no ends": _session(date="/"),
    "date as a number": _session(date=2013),
    "span of one number": _session(provenance=[{"source": "doc", "span": [3]}]),
    "negative span": _session(provenance=[{"source": "doc", "span": [-1, 4]}]),
    "list given as a string": _session(topics="privacy"),
    "unknown key in a nested record": _session(findings=[{"text": "x", "consensus": "common_view", "score": 1}]),
    "nested finding without consensus": _session(findings=[{"text": "x"}]),
}


@pytest.mark.parametrize("document", INVALID.values(), ids=INVALID.keys())
def test_invalid_documents_are_rejected_by_both(document: object) -> None:
    """Hand-written invalid documents fail the schema, and the reader rejects them too."""
    assert not VALIDATOR.is_valid(document)
    with pytest.raises((ValidationError, FormatVersionError)):
        loads(json.dumps(document))


def _day_fits_month(text: str) -> bool:
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if match is None:
        return True
    year, month, day = (int(part) for part in match.groups())
    return day <= calendar.monthrange(year, month)[1]


# The syntax PartialDate.fromisoformat reads, units unrestricted, so both sides of the
# pattern's unit ranges are reached.
LOOSE_DATE = r"[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T[0-9]{2}(:[0-9]{2})?(Z|[+-][0-9]{2}:[0-9]{2})?)?)?)?"


@settings(max_examples=200)
@given(st.from_regex(LOOSE_DATE, fullmatch=True))
def test_date_pattern_agrees_with_the_reader(text: str) -> None:
    """A date text matches the schema's pattern exactly when the reader takes it,
    short of a day past the end of its month, which only the reader checks."""
    try:
        PartialDate.fromisoformat(text)
    except DateParseError:
        read = False
    else:
        read = True
    matches = re.search(PARTIAL_DATE_PATTERN, text) is not None
    assert read == (matches and _day_fits_month(text))


@given(testing.date_ranges())
def test_range_pattern_takes_every_range_written(value: DateRange) -> None:
    """Every date range's text matches the range pattern and not the date pattern."""
    text = value.isoformat()
    assert re.search(DATE_RANGE_PATTERN, text) is not None
    assert re.search(PARTIAL_DATE_PATTERN, text) is None


@pytest.mark.parametrize("text", ["/", "2013", "2013//2014", "2013/2014/", "2013-1/2014", " 2013/"])
def test_range_pattern_rejects_malformed_ranges(text: str) -> None:
    """Texts that are not one or two dates around a single '/' fail the range pattern."""
    assert re.search(DATE_RANGE_PATTERN, text) is None


def test_regeneration_command_prints_the_schema(capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    """``python -m govrecords.serialisation.schema`` prints the generated schema as UTF-8 JSON."""
    _main()
    assert json.loads(capsysbinary.readouterr().out.decode("utf-8")) == build_schema()


class Level(enum.Enum):
    """A level with whole-number values."""

    LOW = 1
    HIGH = 2


@attrs.frozen
class Sample:
    """A class using the types records do not use (yet).

    Args:
        flag: A boolean.
        either: A number or a text, possibly null.
    """

    flag: bool
    either: int | str | None
    level: Level = Level.LOW
    count: int | str = 0
    window: DateRange | None = None
    children: tuple[Sample, ...] = ()


@attrs.frozen
class Unsupported:
    """A class with a field the format cannot hold."""

    ratio: float


@attrs.frozen
class Pair:
    """A class with a fixed-length tuple, which the format does not write."""

    pair: tuple[int, str]


def test_builder_covers_the_remainingrecord_types() -> None:
    """Booleans, unions of several types, enums of numbers and classes that contain
    themselves are described, with field descriptions from the docstring."""
    builder = _Builder()
    assert builder.describe(Sample, where="sample") == {"$ref": "#/$defs/Sample"}
    sample = builder.defs["Sample"]
    assert sample["required"] == ["flag", "either"]
    assert sample["properties"]["flag"] == {"description": "A boolean.", "type": "boolean"}
    assert sample["properties"]["either"] == {
        "description": "A number or a text, possibly null.",
        "anyOf": [{"anyOf": [{"type": "integer"}, {"type": "string"}]}, {"type": "null"}],
    }
    assert sample["properties"]["window"] == {"anyOf": [{"$ref": "#/$defs/DateRange"}, {"type": "null"}]}
    assert sample["properties"]["count"] == {"anyOf": [{"type": "integer"}, {"type": "string"}]}
    assert sample["properties"]["children"] == {"type": "array", "items": {"$ref": "#/$defs/Sample"}}
    assert builder.defs["Level"] == {"description": "A level with whole-number values.", "enum": [1, 2]}
    validator = Draft202012Validator({"$ref": "#/$defs/Sample", "$defs": builder.defs})
    assert validator.is_valid({"flag": True, "either": None, "children": [{"flag": False, "either": "x"}]})
    assert not validator.is_valid({"flag": 1, "either": 1.5})


class Plain:
    """A class that is neither an attrs class nor an enum."""


@attrs.frozen
class Opaque:
    """A class holding a plain class, which the converter does not know."""

    thing: Plain


@pytest.mark.parametrize("cls", [Unsupported, Pair, Opaque], ids=["float", "fixed tuple", "plain class"])
def test_builder_refuses_types_the_format_cannot_hold(cls: type) -> None:
    """A field type the JSON format cannot hold is reported, naming the field."""
    with pytest.raises(SerializationError, match=rf"{cls.__name__}\.\w+: cannot describe"):
        _Builder().describe(cls, where=cls.__name__)


def test_builder_refuses_two_types_of_one_name() -> None:
    """Two classes with the same name cannot share one ``$defs`` entry."""
    other = enum.Enum("Level", {"ONLY": "only"})
    builder = _Builder()
    builder.describe(Level, where="first")
    with pytest.raises(SerializationError, match="two types are named Level"):
        builder.describe(other, where="second")
