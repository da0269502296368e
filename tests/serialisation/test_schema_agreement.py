"""The published JSON Schema refuses what the library refuses, value by value (reliability case 7).

Each case is a valid document with one value made wrong, as the attack on the library
found the schema accepting them: a lower-case country, an upper-case hash, a negative
length, a blank topic, a topic id that is not a slug. Each is fed to the library's own
reader and to a draft 2020-12 validator, with the schema of any type and with the
schema of the document's type alone; all must refuse it, and the untouched document
must pass all.

The one exception is a span whose end is before its start (``[5, 2]``): JSON Schema
cannot compare two numbers of one array, so the schema takes it and only the library
refuses it. The test below holds that exception to exactly that, so that it is
noticed if either side changes.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import jsonschema
import pytest

from govrecords import SourceDocument, ValidationError, json_schema, loads
from govrecords.serialisation.registry import record_types

Document = dict[str, Any]

SHA = "0" * 64
VALID: dict[str, Document] = {
    "country": {
        "format_version": 3,
        "type": "session",
        "record": {"id": "s1", "title": "Access", "place": {"city": "Bali", "country": "ID"}},
    },
    "sha256": {"format_version": 3, "type": "source", "record": {"id": "report", "sha256": SHA}},
    "length": {"format_version": 3, "type": "source", "record": {"id": "report", "sha256": SHA, "length": 10}},
    "topics": {"format_version": 3, "type": "session", "record": {"id": "s1", "title": "Access", "topics": ["access"]}},
    "topic id": {"format_version": 3, "type": "topic", "record": {"id": "human-rights", "label": "Human rights"}},
    "span": {
        "format_version": 3,
        "type": "session",
        "record": {"id": "s1", "title": "Access", "provenance": [{"source": "report", "span": [2, 5]}]},
    },
}


def _set(path: tuple[str | int, ...], value: object) -> Callable[[Document], None]:
    def change(document: Document) -> None:
        target: Any = document["record"]
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


BROKEN: dict[str, Callable[[Document], None]] = {
    "country": _set(("place", "country"), "id"),
    "sha256": _set(("sha256",), "A" * 64),
    "length": _set(("length",), -1),
    "topics": _set(("topics",), [""]),
    "topic id": _set(("id",), "Human Rights"),
    "span": _set(("provenance", 0, "span"), [5, 2]),
}
NOT_IN_THE_SCHEMA = {"span"}  # end before start: JSON Schema cannot compare two numbers


def _library_accepts(document: Document) -> bool:
    import json

    try:
        loads(json.dumps(document))
    except ValidationError:
        return False
    return True


def _validators(document: Document) -> list[jsonschema.Draft202012Validator]:
    one_type = json_schema(record_types()[document["type"]])
    return [jsonschema.Draft202012Validator(json_schema()), jsonschema.Draft202012Validator(one_type)]


@pytest.mark.parametrize("case", sorted(VALID))
def test_case07_schema_and_library_agree(case: str) -> None:
    """Both accept the valid document; both refuse it with the one value broken (but for span order)."""
    valid = VALID[case]
    assert _library_accepts(valid)
    assert all(validator.is_valid(valid) for validator in _validators(valid))
    broken = copy.deepcopy(valid)
    BROKEN[case](broken)
    assert not _library_accepts(broken)
    schema_verdicts = [validator.is_valid(broken) for validator in _validators(broken)]
    assert schema_verdicts == [case in NOT_IN_THE_SCHEMA] * 2


def test_the_documented_exception_is_in_the_schemas_docstring() -> None:
    """The schema module names the span order as what the schema cannot state."""
    import govrecords.serialisation.schema

    assert "[5, 2]" in (govrecords.serialisation.schema.__doc__ or "")


def test_a_source_built_by_the_library_validates() -> None:
    """A SourceDocument made from a text has the lower-case hash the schema asks for."""
    import json

    from govrecords import dumps

    document = json.loads(dumps(SourceDocument.from_text("report", "Some text.")))
    assert all(validator.is_valid(document) for validator in _validators(document))
