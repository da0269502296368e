r"""The JSON Schema (draft 2020-12) of govrecords documents.

The schema is generated from the record classes themselves: their attrs fields and
type hints, read the way :func:`govrecords.serialisation.converter.make_converter` writes them
(attribute names as keys, fields at their default left out, enums as their values,
dates as EDTF text, spans as ``[start, end]``). Each class becomes an entry of
``$defs``; the document itself is the envelope ``{"format_version", "type",
"record"}``, one branch per record type.

The schema refuses what reading a document refuses, field by field: the value
types are described by the wire rules (:data:`~govrecords.serialisation.rules.VALUES`),
and each field's constraint (non-blank identifiers and texts, lower-case hex
content hashes, upper-case country codes, topic slugs, counts that are not
negative) is read off its validator as the JSON Schema keywords the validator
itself tests (:mod:`govrecords.serialisation.constraints`); a validator that states
no constraint, where the field's type does not say all it checks, stops the schema
from being generated. What no JSON Schema can state is checked only when a
document is read, and listed with the rules: a span's end before its start
(``[5, 2]``: JSON Schema cannot compare two numbers), a day past the end of its
month (the 30th of February), a date range that ends before it starts, and topic
ids unique in a taxonomy.

:func:`json_schema` with a record class gives the schema of that type alone: its
envelope, with only the ``$defs`` it uses, usable by itself by a validator in any
language (``govrecords schema --type session``).

:func:`json_schema` returns the copy shipped with the package
(``govrecords/data/schema.json``), so nothing is generated at run time. After a
change to the record classes, regenerate that file from the repository root with::

    python -m govrecords.serialisation.schema > src/govrecords/data/schema.json

(a test fails, saying so, while the shipped file is out of date).
"""

from __future__ import annotations

import enum
import functools
import inspect
import json
import re
import sys
import types
import typing
from importlib import resources
from typing import Any, cast

import attrs

from govrecords.errors import SerializationError
from govrecords.provenance import Method
from govrecords.serialisation.constraints import NON_BLANK, constraint_of
from govrecords.serialisation.migrations import FORMAT_VERSION
from govrecords.serialisation.registry import record_type_name, record_types
from govrecords.serialisation.rules import (
    REFUSE_UNKNOWN_KEYS,
    VALUES,
    ValueRule,
    entry_schema,
    is_required,
    value_rule,
)

__all__ = ["SCHEMA_ID", "build_schema", "json_schema"]

SCHEMA_ID = f"https://govrecords.readthedocs.io/schema/v{FORMAT_VERSION}.json"
"""The ``$id`` of the schema of the format version this release writes."""

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_RESOURCE = "data/schema.json"

_ROLE = re.compile(r":[\w:]+:`(~?)([^`<]*?)(?:\s*<[^>]*>)?`")


def json_schema(cls: type | None = None) -> dict[str, Any]:
    """The JSON Schema of govrecords documents, as shipped with this release.

    Each call returns a fresh copy, free to change.

    Args:
        cls: A record class (:class:`~govrecords.records.Session`...): the schema of
            documents of that type alone. None: of a document of any type.

    Returns:
        A draft 2020-12 schema of the envelope ``{"format_version", "type",
        "record"}``: with one branch per record type, or, for *cls*, with its type
        tag fixed and only the ``$defs`` its record uses, so that it stands alone.

    Raises:
        SerializationError: *cls* is not a record type govrecords writes.

    >>> schema = json_schema()
    >>> schema["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    >>> sorted(schema["$defs"]["Place"]["properties"])
    ['city', 'country', 'venue']
    >>> from govrecords import Session
    >>> session = json_schema(Session)
    >>> session["properties"]["type"], session["properties"]["record"]
    ({'const': 'session'}, {'$ref': '#/$defs/Session'})
    >>> "Comparison" in session["$defs"]
    False
    """
    result: dict[str, Any] = json.loads(_shipped())
    if cls is None:
        return result
    return _one_type(result, record_type_name(cls))


def _one_type(schema: dict[str, Any], tag: str) -> dict[str, Any]:
    branch = next(b for b in schema["oneOf"] if b["properties"]["type"] == {"const": tag})
    record = branch["properties"]["record"]
    methods = schema["properties"]["methods"]
    defs: dict[str, Any] = schema["$defs"]
    used: set[str] = set()
    stack: list[object] = [record, methods]
    while stack:  # every $defs entry reachable from the record
        item = stack.pop()
        if isinstance(item, dict):
            mapping = cast("dict[str, object]", item)
            ref = mapping.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.removeprefix("#/$defs/")
                if name not in used:
                    used.add(name)
                    stack.append(defs[name])
            stack.extend(mapping.values())
        elif isinstance(item, list):
            stack.extend(cast("list[object]", item))
    return {
        "$schema": schema["$schema"],
        "$id": f"{SCHEMA_ID.removesuffix('.json')}/{tag}.json",
        "title": f"govrecords {tag} document",
        "description": (
            f"One govrecords {tag} record in its envelope (format version {FORMAT_VERSION}): "
            "the format version, the type tag and the record itself."
        ),
        "type": "object",
        "properties": {
            "format_version": schema["properties"]["format_version"],
            "type": {"const": tag},
            "source": schema["properties"]["source"],
            "methods": methods,
            "record": record,
        },
        "required": schema["required"],
        "additionalProperties": False,
        "$defs": {name: defs[name] for name in sorted(used)},
    }


@functools.cache
def _shipped() -> str:
    return resources.files("govrecords").joinpath(_RESOURCE).read_text("utf-8")


def build_schema() -> dict[str, Any]:
    """Generate the JSON Schema from the record classes (what :func:`json_schema` ships).

    Covers every record type :mod:`govrecords.serialisation.documents` reads and writes, so a new
    record type is described as soon as it is registered there.

    Returns:
        The schema, with ``$defs`` sorted by name.

    Raises:
        SerializationError: A field has a type the JSON format cannot hold.
    """
    builder = _Builder()
    methods = {
        "description": "Each method the record's provenance uses, written once; "
        "a provenance entry's method is its index here, and an entry of the first leaves it out "
        "(without this table, an entry's method is by hand).",
        "type": "array",
        "items": builder.entry(Method),
    }
    branches = [
        {
            "properties": {"type": {"const": tag}, "record": builder.describe(cls, where=tag)},
        }
        for tag, cls in record_types().items()
    ]
    if "Provenance" in builder.defs:  # an entry as a document writes it: what the document says left out
        builder.defs["Provenance"] = entry_schema(builder.defs["Provenance"])
    return {
        "$schema": _DIALECT,
        "$id": SCHEMA_ID,
        "title": "govrecords document",
        "description": (
            f"One govrecords record in its envelope (format version {FORMAT_VERSION}): "
            "the format version, the record's type tag and the record itself."
        ),
        "type": "object",
        "properties": {
            "format_version": {"const": FORMAT_VERSION},
            "type": {"enum": list(record_types())},
            "source": _DEFAULT_SOURCE,
            "methods": methods,
            "record": {},
        },
        "required": ["format_version", "type", "record"],
        "additionalProperties": False,
        "oneOf": branches,
        "$defs": dict(sorted(builder.defs.items())),
    }


_DEFAULT_SOURCE = {
    "description": "The document's default source: the id of the source document a provenance entry "
    "without a source is taken from.",
    "type": "string",
    **NON_BLANK.keywords,
}


def _ref(name: str) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{name}"}


_NULL: dict[str, Any] = {"type": "null"}
_PLAIN_KEYWORDS = frozenset({"type", "pattern", "minimum", "items", "minItems", "maxItems"})


class _Builder:
    """Collects a ``$defs`` entry for each class reached from the record types."""

    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}
        self._owners: dict[str, object] = {}

    def describe(self, hint: Any, *, where: str) -> dict[str, Any]:
        """The schema of a value of type *hint*; *where* names the field, for errors."""
        rule = value_rule(hint)
        if rule is not None:
            return self._rule(rule)
        if typing.get_origin(hint) in (types.UnionType, typing.Union):
            return self._union(typing.get_args(hint), where)
        if typing.get_origin(hint) is tuple:
            args = typing.get_args(hint)
            if len(args) == 2 and args[1] is Ellipsis:
                return {"type": "array", "items": self.describe(args[0], where=f"{where}[]")}
        if isinstance(hint, type):
            return self._named(hint, where)
        raise SerializationError(f"{where}: cannot describe the type {hint!r} in JSON Schema")

    def _union(self, members: tuple[Any, ...], where: str) -> dict[str, Any]:
        nullable = type(None) in members
        others = [member for member in members if member is not type(None)]
        rule = VALUES.get(functools.reduce(_either, others)) if len(others) > 1 else None
        if rule is not None:
            inner = self._rule(rule)
        elif len(others) == 1:
            inner = self.describe(others[0], where=where)
        else:
            inner = {"anyOf": [self.describe(member, where=where) for member in others]}
        if not nullable:
            return inner
        if set(inner) <= _PLAIN_KEYWORDS and isinstance(inner.get("type"), str):
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, _NULL]}

    def entry(self, cls: type[Any]) -> dict[str, Any]:
        """The schema of a *cls* record written as an object, even where a rule writes it otherwise."""
        return self._named_def(cls.__name__, lambda: self._attrs_class(cls), cls)

    def _named(self, cls: type[Any], where: str) -> dict[str, Any]:
        if attrs.has(cls):
            return self._named_def(cls.__name__, lambda: self._attrs_class(cls), cls)
        raise SerializationError(f"{where}: cannot describe the type {cls.__name__} in JSON Schema")

    def _rule(self, rule: ValueRule) -> dict[str, Any]:
        """The schema of a value type as the wire rules state it: a ``$ref`` when the rule names a def."""
        if rule.name is None:
            return dict(rule.schema)
        for name in _refs(rule.schema):  # the defs the rule's own schema refers to
            self._rule(next(other for other in VALUES.values() if other.name == name))
        if isinstance(rule.hint, type) and issubclass(rule.hint, enum.Enum):
            kind = rule.hint
            return self._named_def(rule.name, lambda: {"description": _summary(kind), **rule.schema}, kind)
        return self._named_def(rule.name, lambda: _with_unstated(rule))

    def _named_def(self, name: str, make: typing.Callable[[], dict[str, Any]], owner: object = None) -> dict[str, Any]:
        known = self._owners.setdefault(name, owner)
        if known is not owner:
            raise SerializationError(f"two types are named {name} ({known!r} and {owner!r}); $defs needs unique names")
        if name not in self.defs:
            self.defs[name] = {}  # reserved first, so a class that refers to itself ends
            self.defs[name] = make()
        return _ref(name)

    def _attrs_class(self, cls: type) -> dict[str, Any]:
        hints = typing.get_type_hints(cls)
        documented = _field_docs(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        for field in attrs.fields(cls):
            if not field.init:
                continue  # derived state (Taxonomy's indexes): neither written nor read
            schema = self.describe(hints[field.name], where=f"{cls.__name__}.{field.name}")
            schema = _constrained(schema, field.validator, f"{cls.__name__}.{field.name}")
            if field.name in documented:
                schema = {"description": documented[field.name], **schema}
            properties[field.name] = schema
            if is_required(field):
                required.append(field.name)
        result: dict[str, Any] = {"description": _summary(cls), "type": "object", "properties": properties}
        if required:
            result["required"] = required
        result["additionalProperties"] = not REFUSE_UNKNOWN_KEYS
        return result


def _with_unstated(rule: ValueRule) -> dict[str, Any]:
    """The rule's schema, its description saying what the schema cannot state and reading checks."""
    schema = dict(rule.schema)
    if rule.unstated is not None and "description" in schema:
        schema["description"] = (
            f"{schema['description']} Checked on reading, as no JSON Schema can say it: {rule.unstated}."
        )
    return schema


def _either(one: Any, other: Any) -> Any:
    return one | other


def _refs(schema: object) -> list[str]:
    """The ``$defs`` names *schema* refers to."""
    if isinstance(schema, dict):
        mapping = cast("dict[str, object]", schema)
        ref = mapping.get("$ref")
        found = [ref.removeprefix("#/$defs/")] if isinstance(ref, str) else []
        return found + [name for value in mapping.values() for name in _refs(value)]
    if isinstance(schema, list):
        return [name for item in cast("list[object]", schema) for name in _refs(item)]
    return []


def _constrained(schema: dict[str, Any], validator: object, where: str) -> dict[str, Any]:
    """*schema* with the keywords that state *validator*'s checks added."""
    if validator is None:
        return schema
    kind = type(validator).__name__
    if kind == "_InstanceOfValidator":
        return schema  # the type says it
    if kind == "_OptionalValidator":
        return _constrained(schema, getattr(validator, "validator"), where)  # noqa: B009 -- attrs' private class
    if kind == "_AndValidator":
        for inner in getattr(validator, "_validators"):  # noqa: B009 -- attrs' private class
            schema = _constrained(schema, inner, where)
        return schema
    if kind == "_DeepIterable":
        schema = _constrained(schema, getattr(validator, "iterable_validator"), where)  # noqa: B009 -- attrs' private class
        member = getattr(validator, "member_validator")  # noqa: B009 -- attrs' private class
        if "items" in schema:
            return {**schema, "items": _constrained(schema["items"], member, f"{where}[]")}
        return schema
    constraint = constraint_of(validator)
    if constraint is None:
        raise SerializationError(
            f"{where}: the validator {getattr(validator, '__qualname__', validator)!r} states no JSON Schema "
            "keywords; make it from a govrecords.serialisation.constraints.Constraint"
        )
    keywords = dict(constraint.keywords)
    if "$ref" in schema or "anyOf" in schema:
        return {"allOf": [schema, keywords]} if "$ref" in schema else {**schema, **keywords}
    return {**schema, **keywords}


def _plain(text: str) -> str:
    """Docstring text without reST markup: roles reduced to their target, literals unquoted."""

    def role(match: re.Match[str]) -> str:
        shorten, target = match.groups()
        return target.rsplit(".", 1)[-1] if shorten else target

    return _ROLE.sub(role, text).replace("``", "")


def _summary(cls: type) -> str:
    doc = inspect.getdoc(cls) or ""
    return _plain(doc.split("\n\n", 1)[0].replace("\n", " ").strip())


def _field_docs(cls: type) -> dict[str, str]:
    """Each field's description from the ``Args:`` section of the class docstring."""
    lines = (inspect.getdoc(cls) or "").splitlines()
    try:
        start = lines.index("Args:") + 1
    except ValueError:
        return {}
    found: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines[start:]:
        if line and not line.startswith(" "):
            break  # the next section
        entry = re.fullmatch(r" {4}(\w+): (.*)", line)
        if entry is not None:
            current = found.setdefault(entry.group(1), [entry.group(2)])
        elif current is not None and line.strip():
            current.append(line.strip())
    return {name: _plain(" ".join(words)) for name, words in found.items()}


def _main() -> None:
    text = json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
    sys.stdout.buffer.write(text.encode("utf-8"))  # UTF-8 whatever the console's encoding


if __name__ == "__main__":  # pragma: no cover -- the script's body is tested as _main()
    _main()
