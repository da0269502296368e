r"""The JSON Schema (draft 2020-12) of govrecords documents.

The schema is generated from the record classes themselves: their attrs fields and
type hints, read the way :func:`govrecords.formats.make_converter` writes them
(attribute names as keys, fields at their default left out, enums as their values,
dates as EDTF text, spans as ``[start, end]``). Each class becomes an entry of
``$defs``; the document itself is the envelope ``{"format_version", "type",
"record"}``, one branch per record type.

The schema refuses what reading a document refuses, field by field: the value
checks of the record classes (non-blank identifiers and texts, lower-case hex
content hashes, upper-case country codes, topic slugs, counts that are not
negative) are turned into ``pattern`` and ``minimum`` keywords from one table,
``_validator_keywords()``, keyed by the validator itself, so a validator the
table does not know stops the schema from being generated. Patterns are anchored
with ``^`` and ``(?![\s\S])`` (the end of the text in every regex dialect; ``$``
would let a trailing newline through in Python's). What no JSON Schema can state
is checked only when a document is read: a span's end before its start
(``[5, 2]``: JSON Schema cannot compare two numbers), a day past the end of its
month (the 30th of February), a date range that ends before it starts, and topic
ids unique in a taxonomy.

:func:`json_schema` with a record class gives the schema of that type alone: its
envelope, with only the ``$defs`` it uses, usable by itself by a validator in any
language (``govrecords schema --type session``).

:func:`json_schema` returns the copy shipped with the package
(``govrecords/data/schema.json``), so nothing is generated at run time. After a
change to the record classes, regenerate that file from the repository root with::

    python -m govrecords.schema > src/govrecords/data/schema.json

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

from govrecords.dates import DateRange, PartialDate
from govrecords.errors import SerializationError
from govrecords.formats import FORMAT_VERSION, record_type_name, record_types
from govrecords.provenance import Span

__all__ = ["DATE_RANGE_PATTERN", "PARTIAL_DATE_PATTERN", "SCHEMA_ID", "build_schema", "json_schema"]

SCHEMA_ID = f"https://govrecords.readthedocs.io/schema/v{FORMAT_VERSION}.json"
"""The ``$id`` of the schema of the format version this release writes."""

_DIALECT = "https://json-schema.org/draft/2020-12/schema"
_RESOURCE = "data/schema.json"

# The text forms of dates, as PartialDate.fromisoformat reads them (dates._ISO), with
# each unit held to its range so that a matching text fails to read only when the day
# is past the end of its month. ECMA-262 syntax, as JSON Schema requires; [0-9] rather
# than \d, which some validators' regex engines read as any Unicode digit.
_END = r"(?![\s\S])"  # the end of the text, in every dialect (Python's $ also matches before a final newline)
_YEAR = r"(?!0000)[0-9]{4}"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_HOUR = r"(?:[01][0-9]|2[0-3])"
_MINUTE = r"[0-5][0-9]"
_OFFSET = r"(?:Z|[+-](?:(?:0[0-9]|1[0-7]):[0-5][0-9]|18:00))"
_DATE = rf"{_YEAR}(?:-{_MONTH}(?:-{_DAY}(?:T{_HOUR}(?::{_MINUTE})?{_OFFSET}?)?)?)?"
PARTIAL_DATE_PATTERN = f"^{_DATE}{_END}"
"""The ``pattern`` a partial date's text matches (``2013``, ``2013-10-24``, ``2014-09-05T13:30+03:00``)."""
DATE_RANGE_PATTERN = f"^(?:{_DATE}/(?:{_DATE})?|/{_DATE}){_END}"
"""The ``pattern`` a date range's text matches (``2012-11-06/2012-11-09``, ``/2012-11-06``)."""

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
    defs: dict[str, Any] = schema["$defs"]
    used: set[str] = set()
    stack: list[object] = [record]
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

    Covers every record type :mod:`govrecords.formats` reads and writes, so a new
    record type is described as soon as it is registered there.

    Returns:
        The schema, with ``$defs`` sorted by name.

    Raises:
        SerializationError: A field has a type the JSON format cannot hold.
    """
    builder = _Builder()
    branches = [
        {
            "properties": {"type": {"const": tag}, "record": builder.describe(cls, where=tag)},
        }
        for tag, cls in record_types().items()
    ]
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
            "record": {},
        },
        "required": ["format_version", "type", "record"],
        "additionalProperties": False,
        "oneOf": branches,
        "$defs": dict(sorted(builder.defs.items())),
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
        if hint is str:
            return {"type": "string"}
        if hint is bool:  # before int: bool is a subclass of int
            return {"type": "boolean"}
        if hint is int:
            return {"type": "integer"}
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
        if set(others) == {PartialDate, DateRange}:
            inner = self._named_def("When", self._when)
        elif len(others) == 1:
            inner = self.describe(others[0], where=where)
        else:
            inner = {"anyOf": [self.describe(member, where=where) for member in others]}
        if not nullable:
            return inner
        if set(inner) <= _PLAIN_KEYWORDS and isinstance(inner.get("type"), str):
            return {**inner, "type": [inner["type"], "null"]}
        return {"anyOf": [inner, _NULL]}

    def _named(self, cls: type[Any], where: str) -> dict[str, Any]:
        if cls is PartialDate:
            return self._named_def("PartialDate", self._partial_date)
        if cls is DateRange:
            return self._named_def("DateRange", self._date_range)
        if cls is Span:
            return self._named_def("Span", self._span)
        if issubclass(cls, enum.Enum):
            return self._named_def(cls.__name__, lambda: self._enum(cls), cls)
        if attrs.has(cls):
            return self._named_def(cls.__name__, lambda: self._attrs_class(cls), cls)
        raise SerializationError(f"{where}: cannot describe the type {cls.__name__} in JSON Schema")

    def _named_def(self, name: str, make: typing.Callable[[], dict[str, Any]], owner: object = None) -> dict[str, Any]:
        known = self._owners.setdefault(name, owner)
        if known is not owner:
            raise SerializationError(f"two types are named {name} ({known!r} and {owner!r}); $defs needs unique names")
        if name not in self.defs:
            self.defs[name] = {}  # reserved first, so a class that refers to itself ends
            self.defs[name] = make()
        return _ref(name)

    @staticmethod
    def _partial_date() -> dict[str, Any]:
        return {
            "description": "A date with only the units its source gave, as EDTF text: "
            "2013, 2013-10, 2013-10-24, 2014-09-05T13, 2014-09-05T13:30+03:00.",
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
        }

    @staticmethod
    def _date_range() -> dict[str, Any]:
        return {
            "description": "A span between two partial dates as an EDTF interval, "
            "an unknown end left empty: 2012-11-06/2012-11-09, 2013/, /2012-11-06.",
            "type": "string",
            "pattern": DATE_RANGE_PATTERN,
        }

    def _when(self) -> dict[str, Any]:
        return {
            "description": "A partial date or a date range.",
            "anyOf": [
                self._named_def("PartialDate", self._partial_date),
                self._named_def("DateRange", self._date_range),
            ],
        }

    @staticmethod
    def _span() -> dict[str, Any]:
        return {
            "description": "A half-open range [start, end) of characters in a source text.",
            "type": "array",
            "items": {"type": "integer", "minimum": 0},
            "minItems": 2,
            "maxItems": 2,
        }

    @staticmethod
    def _enum(kind: type[enum.Enum]) -> dict[str, Any]:
        values = [member.value for member in kind]
        schema: dict[str, Any] = {"description": _summary(kind)}
        if all(type(value) is str for value in values):
            schema["type"] = "string"
        schema["enum"] = values
        return schema

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
            if field.default is attrs.NOTHING:
                required.append(field.name)
        result: dict[str, Any] = {"description": _summary(cls), "type": "object", "properties": properties}
        if required:
            result["required"] = required
        result["additionalProperties"] = False
        return result


def _private(module: object, name: str) -> Any:
    # The validators are private to their modules; the table below is their one reader.
    return getattr(module, name)


def _whole(pattern: re.Pattern[str]) -> str:
    """A regex the library applies with fullmatch, as an anchored JSON Schema pattern."""
    return f"^(?:{pattern.pattern}){_END}"


def _non_blank_pattern() -> str:
    # "Not blank" as the library means it (str.strip() leaves something): one
    # character that Python's str.isspace() does not count as white space. Listed
    # explicitly, because regex dialects disagree on what \s matches.
    spaces = [code for code in range(0x3001) if chr(code).isspace()]
    ranges: list[tuple[int, int]] = []
    for code in spaces:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    parts = "".join(f"\\u{low:04x}" if low == high else f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)
    return f"[^{parts}]"


@functools.cache
def _validator_keywords() -> dict[object, dict[str, Any]]:
    """The JSON Schema keywords that state each value check of the record classes.

    Keyed by the validator function itself. An empty entry is a check the type
    already states (the schema's ``type`` keyword), or one no schema can state,
    said why.
    """
    from govrecords import dates, provenance, records, taxonomy
    from govrecords.comparison import consensus, matching

    non_blank = {"pattern": _non_blank_pattern()}
    counted = {"minimum": 0}
    return {
        _private(records, "_non_empty"): non_blank,
        _private(provenance, "_non_empty"): non_blank,
        _private(records, "_country"): {"pattern": _whole(_private(records, "_COUNTRY"))},
        _private(provenance, "_check_sha256"): {"pattern": _whole(_private(provenance, "_SHA256"))},
        _private(provenance, "_opt_count"): counted,
        _private(provenance, "_non_negative"): counted,
        _private(consensus, "_count"): counted,
        _private(matching, "_index"): counted,
        _private(taxonomy, "_topic_id"): {"pattern": _whole(_private(taxonomy, "_ID"))},
        _private(taxonomy, "_opt_year"): {},  # a whole number or null: the type says it
        # Dates are written as text; PARTIAL_DATE_PATTERN holds each unit to its range.
        _private(dates, "_check_year"): {},
        _private(dates, "_check_end"): {},
    }


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
        schema = _constrained(schema, getattr(validator, "iterable_validator"), where)  # noqa: B009
        member = getattr(validator, "member_validator")  # noqa: B009 -- attrs' private class
        if "items" in schema:
            return {**schema, "items": _constrained(schema["items"], member, f"{where}[]")}
        return schema
    if getattr(validator, "__qualname__", "") == "_in_range.<locals>.check":
        return schema  # a PartialDate unit: held to its range by PARTIAL_DATE_PATTERN
    keywords = _validator_keywords().get(validator)
    if keywords is None:
        raise SerializationError(
            f"{where}: the validator {getattr(validator, '__qualname__', validator)!r} has no JSON Schema "
            "keywords; add it to govrecords.schema._validator_keywords (an empty entry if its type says it all)"
        )
    if not keywords:
        return schema
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
