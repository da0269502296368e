"""Record types register themselves, and a plain new field needs nothing else to be written, read and described.

A record class added with ``@record_type`` (here a subclass of ``Session`` with one
more optional field, made inside the test) round-trips through ``dumps`` and
``loads`` on the general path and on the fast path, has its new field checked on
reading, and appears in the generated JSON Schema, which validates its documents:
no table of fields anywhere else has to learn of it.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

import attrs
import jsonschema
import pytest
from attrs.validators import instance_of, optional

from govrecords import Session, ValidationError, dumps, loads
from govrecords.errors import SerializationError
from govrecords.serialisation import _fastpath
from govrecords.serialisation.limits import DEFAULT_LIMITS
from govrecords.serialisation.registry import record_type, record_type_name, record_types, register, unregister
from govrecords.serialisation.schema import build_schema


@attrs.frozen
class AnnotatedSession(Session):
    """A session with a note from its rapporteur.

    Args:
        rapporteur_note: What the rapporteur added, in their words.
    """

    rapporteur_note: str | None = attrs.field(default=None, validator=optional(instance_of(str)))


@pytest.fixture
def annotated() -> Iterator[type[AnnotatedSession]]:
    record_type("annotated_session")(AnnotatedSession)
    try:
        yield AnnotatedSession
    finally:
        unregister("annotated_session")


def test_a_new_record_type_with_a_new_field_round_trips(annotated: type[AnnotatedSession]) -> None:
    record = annotated("s1", "Access", rapporteur_note="Agreed to meet again.")
    text = dumps(record, indent=None)
    assert json.loads(text)["type"] == "annotated_session"
    assert json.loads(text)["record"]["rapporteur_note"] == "Agreed to meet again."
    assert loads(text) == record
    assert loads(text, annotated) == record
    plain = annotated("s2", "Access")
    assert "rapporteur_note" not in json.loads(dumps(plain))["record"]  # left out at its default
    assert loads(dumps(plain)) == plain


def test_the_fast_path_reads_the_new_field(annotated: type[AnnotatedSession]) -> None:
    record = annotated("s1", "Access", rapporteur_note="Noted.")
    fast = _fastpath.read_document(
        dumps(record, indent=None),
        None,
        max_bytes=DEFAULT_LIMITS.max_bytes,
        max_depth=DEFAULT_LIMITS.max_depth,
        max_string=DEFAULT_LIMITS.max_string,
        bom=True,
        record_types=record_types(),
        version=3,
    )
    assert fast == record


def test_the_new_field_is_checked_on_reading(annotated: type[AnnotatedSession]) -> None:
    text = json.dumps(
        {"format_version": 3, "type": "annotated_session", "record": {"id": "s1", "title": "A", "rapporteur_note": 3}}
    )
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert [(problem.path, problem.message) for problem in caught.value.problems] == [
        ("$.record.rapporteur_note", "expected a string, got int")
    ]


def test_the_new_field_appears_in_the_schema(annotated: type[AnnotatedSession]) -> None:
    schema = build_schema()
    assert "annotated_session" in schema["properties"]["type"]["enum"]
    properties = schema["$defs"]["AnnotatedSession"]["properties"]
    assert properties["rapporteur_note"] == {
        "description": "What the rapporteur added, in their words.",
        "type": ["string", "null"],
    }
    assert list(properties)[: len(schema["$defs"]["Session"]["properties"])] == list(
        schema["$defs"]["Session"]["properties"]
    )
    validator = jsonschema.Draft202012Validator(schema)
    document = json.loads(dumps(annotated("s1", "Access", rapporteur_note="Noted.")))
    assert validator.is_valid(document)
    document["record"]["rapporteur_note"] = 3
    assert not validator.is_valid(document)


def test_unregistered_types_are_gone() -> None:
    assert "annotated_session" not in record_types()
    with pytest.raises(SerializationError, match="is not a govrecords record type"):
        record_type_name(AnnotatedSession)


def test_a_tag_names_one_class_and_a_class_has_one_tag(annotated: type[AnnotatedSession]) -> None:
    register("annotated_session", annotated)  # again, the same: nothing happens
    with pytest.raises(SerializationError, match="already AnnotatedSession"):
        register("annotated_session", Session)
    with pytest.raises(SerializationError, match="already the record type 'session'"):
        register("another_session", Session)


def test_the_declared_types_are_listed_first_in_document_order() -> None:
    assert list(record_types())[:8] == [
        "forum",
        "session",
        "workshop",
        "source",
        "taxonomy",
        "topic",
        "comparison",
        "timeline",
    ]
    assert len(record_types()) == len(list(record_types()))
    assert "nothing" not in record_types()
    with pytest.raises(KeyError):
        record_types()["nothing"]
