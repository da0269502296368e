r"""The wire rules, in one table: how each value is written in a document, and what it may be.

Three readers use these tables and no other statement of the rules, so they cannot
drift apart: the converter (:func:`~govrecords.serialisation.make_converter`),
the fast path (``govrecords.serialisation._classcodec``) and the JSON Schema
generator (:func:`~govrecords.json_schema`).

:data:`VALUES`, by value type: the JSON it is written as, how it is read and
written, and its JSON Schema (a ``$defs`` entry when named).

==================  =============================  ======================================
value type          written as                     JSON Schema cannot state
==================  =============================  ======================================
``str``             a string                       --
``int``             a number, whole (not a bool)   --
``bool``            ``true`` or ``false``          --
``PartialDate``     EDTF text, ``2013-10-24``      a day past the end of its month
``DateRange``       EDTF interval, ``2013/2014``   as above; an end before the start
``When``            either of the two              as above
``Span``            ``[start, end]``               an end before the start (``[5, 2]``)
``Method``          an index into ``methods``      an index past the table's end
an enum             its member's value             --
==================  =============================  ======================================

A provenance entry (an item of a record's ``tuple[Provenance, ...]`` field) inside a
document leaves out what the document already says (``write_entries``,
``read_entry``; the facts shared by every entry are in the envelope):

==========  ==========================================  ===================================
key         left out when                               read back as
==========  ==========================================  ===================================
``source``  it is the document's default source         the envelope's ``source``
``method``  it is the document's default method         ``methods[0]`` (by hand: no table)
``quote``   it equals the evidenced value, a string     the record's ``field`` (``text``
                                                        when the entry names none)
``span``    (written as its start alone) the quote is   ``[start, start + len(quote)]``
            exactly as long as the span
==========  ==========================================  ===================================

A quote of None where the record holds an evidenced value is written ``null``. No
JSON Schema can state that a span written as its start alone has a quote to end it
(the quote may be the record's value, of another key), nor that an entry leaving out
its source is in a document with a default source: both are checked on reading.

Records (attrs classes) are written as objects: attribute names as keys, a field at
its default left out (:data:`OMIT_DEFAULTS`), an unknown key refused
(:data:`REFUSE_UNKNOWN_KEYS`), a field without a default required (:func:`is_required`);
``tuple[X, ...]`` as an array; ``X | None`` as the value or ``null``.

A field's check beyond its type (a pattern, a minimum) is a constraint, in
:mod:`govrecords.serialisation.constraints`, the second half of the rules: the
record classes' validators are made from the constraints, so they sit below the
record modules, which this one does not (it names ``Span`` and the dates).

What no JSON Schema can state is checked when a document is read, and listed above:
JSON Schema cannot compare two numbers of one array (a span ``[5, 2]``), nor tell
how long a month is (``2013-02-30``); a taxonomy's topic ids being unique is checked
by the class. Patterns are anchored with ``^`` and ``(?![\s\S])`` (the end of the
text in every regex dialect; ``$`` would let a trailing newline through in
Python's), and written in the syntax ECMA-262 and Python share (``[0-9]``, not
``\d``, which some engines read as any Unicode digit).
"""

from __future__ import annotations

import contextvars
import enum
import functools
import operator
import typing
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

import attrs

from govrecords._trusted import trusted_span
from govrecords.dates import DateRange, PartialDate, when_from_iso
from govrecords.provenance import BY_HAND, Method, Provenance, Span
from govrecords.serialisation.constraints import COUNT, END, NON_BLANK

__all__ = [
    "DATE_RANGE_PATTERN",
    "OMIT_DEFAULTS",
    "PARTIAL_DATE_PATTERN",
    "REFUSE_UNKNOWN_KEYS",
    "VALUES",
    "WHOLE_RECORD_FIELD",
    "MethodTable",
    "ValueRule",
    "entry_fields",
    "entry_schema",
    "enum_rule",
    "in_document",
    "is_required",
    "read_default_source",
    "read_entries",
    "read_entry",
    "value_rule",
    "write_entries",
]

OMIT_DEFAULTS = True
"""A record's field at its default is left out of its object, and read back as the default."""
REFUSE_UNKNOWN_KEYS = True
"""A key that names no field of the record is refused (in the schema, ``additionalProperties: false``)."""


def is_required(field: attrs.Attribute[Any]) -> bool:
    """Whether a record's field must be in its object: it has no default."""
    return field.default is attrs.NOTHING


# ---------------------------------------------------------------------------
# Value types.

_YEAR = r"(?!0000)[0-9]{4}"
_MONTH = r"(?:0[1-9]|1[0-2])"
_DAY = r"(?:0[1-9]|[12][0-9]|3[01])"
_HOUR = r"(?:[01][0-9]|2[0-3])"
_MINUTE = r"[0-5][0-9]"
_OFFSET = r"(?:Z|[+-](?:(?:0[0-9]|1[0-7]):[0-5][0-9]|18:00))"
_DATE = rf"{_YEAR}(?:-{_MONTH}(?:-{_DAY}(?:T{_HOUR}(?::{_MINUTE})?{_OFFSET}?)?)?)?"
PARTIAL_DATE_PATTERN = f"^{_DATE}{END}"
"""The ``pattern`` a partial date's text matches (``2013``, ``2013-10-24``, ``2014-09-05T13:30+03:00``).

Each unit is held to its range, so a matching text fails to read only when the day
is past the end of its month.
"""
DATE_RANGE_PATTERN = f"^(?:{_DATE}/(?:{_DATE})?|/{_DATE}){END}"
"""The ``pattern`` a date range's text matches (``2012-11-06/2012-11-09``, ``/2012-11-06``)."""


@attrs.frozen
class ValueRule:
    """How one value type is written, read and described.

    Args:
        hint: The type, as record classes annotate it.
        schema: Its JSON Schema; the ``$defs`` entry when *name* is given.
        name: The ``$defs`` entry's name, or None to describe it inline.
        exact: For a JSON scalar read as itself: the one Python type it must be.
        expected: How a value of the wrong type is told, after "expected".
        read: Builds the value from its JSON (a string for *text* rules), raising
            ``TypeError`` or ``ValueError`` on a bad one; None when it is *exact*.
        write: Gives its JSON; None when it is written as itself.
        text: Whether it is written as a string (the fast path measures its length).
        depth: How many levels of JSON arrays its value nests.
        unstated: What the library refuses that no JSON Schema can state.
    """

    hint: Any
    schema: Mapping[str, Any]
    name: str | None = None
    exact: type | None = None
    expected: str = ""
    read: Callable[[Any], Any] | None = None
    write: Callable[[Any], Any] | None = None
    text: bool = False
    depth: int = 0
    unstated: str | None = None


def _read_span(value: Any) -> Span:
    pair: Any = value  # parsed JSON, tested here (not narrowed to list, and no cast call: read once per entry)
    if type(value) is list and len(pair) == 2:
        start, end = pair
        if type(start) is int and type(end) is int:
            if 0 <= start <= end:  # all Span's own checks ask: made without asking again
                return trusted_span(start, end)
            return Span(start, end)  # which says what is wrong
    if type(pair) is int:  # a provenance entry's span written as its start alone, its quote not known
        raise TypeError("a span written as its start alone needs the entry's quote, given or evidenced, to end it")
    raise TypeError("expected a span [start, end] of two whole numbers")


def _write_span(span: Span) -> list[int]:
    return [span.start, span.end]


class MethodTable:
    """The shared facts of one document: its methods (its envelope's ``methods``) and its default source.

    A provenance entry's :class:`~govrecords.provenance.Method` is written as its
    index in this table (``"method": 1``), so the facts every value of an import
    shares (the tool, its version, the template) are written once per document;
    an entry of the first method (the document's default) leaves its ``method``
    out, as an entry of the default *source* (the envelope's ``source``) leaves
    its ``source`` out (see :func:`write_entries`). ``to_envelope`` and
    ``from_envelope`` set the table of the document being written or read
    (``with MethodTable(entries, source):``); written, the default source is the
    first entry's. A converter used outside a document
    (:func:`~govrecords.serialisation.make_converter`) writes and reads a method as
    an object and every entry whole, like any record (see :func:`in_document`).

    >>> from govrecords.provenance import Method, MethodKind
    >>> with MethodTable() as table:
    ...     VALUES[Method].write(Method(MethodKind.IMPORTER, "igf")), VALUES[Method].write(Method())
    (0, 1)
    >>> with MethodTable(table.entries):
    ...     VALUES[Method].read(1)
    Method(kind=<MethodKind.BY_HAND: 'by_hand'>, tool=None, version=None, template=None)
    """

    __slots__ = ("_index", "_seen", "_token", "entries", "source")

    def __init__(self, entries: list[Method] | None = None, source: str | None = None) -> None:
        self.entries: list[Method] = [] if entries is None else entries
        self.source: str | None = source
        self._index: dict[Method, int] = {}
        # The same method object, met again, by its identity: an import's entries share one
        # object, and hashing a method (attrs' __hash__ and the enum's, in Python) costs more.
        self._seen: dict[int, tuple[Method, int]] = {}
        self._token: contextvars.Token[MethodTable | None] | None = None

    def __enter__(self) -> MethodTable:
        self._token = _TABLE.set(self)
        return self

    def __exit__(self, *_: object) -> None:
        assert self._token is not None
        _TABLE.reset(self._token)

    def add(self, method: Method) -> int:
        """The index of *method*, added to the table if it is new."""
        seen = self._seen.get(id(method))
        if seen is not None:  # the object itself: _seen holds it, so no other object can have its id
            return seen[1]
        found = self._index.get(method)
        if found is None:
            found = self._index[method] = len(self.entries)
            self.entries.append(method)
        self._seen[id(method)] = (method, found)
        return found

    def written(self) -> list[Method]:
        """The methods to write in the envelope: none when the only one is by hand, the default without a table."""
        return [] if self.entries == [BY_HAND] else self.entries


_TABLE: contextvars.ContextVar[MethodTable | None] = contextvars.ContextVar("govrecords_methods", default=None)


def in_document() -> bool:
    """Whether a document is being written or read, so that a method is an index into its table."""
    return _TABLE.get() is not None


def _table() -> MethodTable:
    table = _TABLE.get()
    if table is None:  # the converter checks in_document() first; the fast path runs only inside a document
        raise ValueError("a method is written in its document's methods table: write the record with dumps")
    return table


def _read_method(value: object) -> Method:
    if type(value) is not int:
        raise TypeError(f"expected the index of an entry in the document's methods, got {type(value).__name__}")
    entries = _table().entries
    if not 0 <= value < len(entries):
        raise ValueError(f"refers to methods[{value}], but the document's methods table has {len(entries)} entries")
    return entries[value]


def _write_method(method: Method) -> int:
    return _table().add(method)


# ---------------------------------------------------------------------------
# Provenance entries: what a document already says is left out of each.

WHOLE_RECORD_FIELD = "text"
"""The field whose value a record-level provenance entry (one naming no field) evidences.

A statement, a finding, a recommendation or a section is quoted whole by its
record-level entry, so that quote is most often exactly the record's ``text``.
"""


@functools.cache
def entry_fields(cls: type) -> tuple[str, ...]:
    """The fields of record class *cls* that hold provenance entries (``tuple[Provenance, ...]``)."""
    if not attrs.has(cls):
        return ()
    try:
        hints = typing.get_type_hints(cls)
    except NameError:  # an annotation that cannot be resolved: such a class holds no entries we write
        return ()
    return tuple(field.name for field in attrs.fields(cls) if hints.get(field.name) == tuple[Provenance, ...])


def _evidenced(field: object, record: Mapping[str, Any]) -> str | None:
    # The value an entry evidences, as its record's JSON holds it, when it is a string.
    name = WHOLE_RECORD_FIELD if field is None else field
    if type(name) is not str:
        return None
    value = record.get(name)
    return value if type(value) is str else None


def write_entries(entries: tuple[Provenance, ...], record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The provenance *entries* of a record inside a document, as written: what the document says left out.

    *record* is the JSON of the record that holds them (its other fields written
    already). ``source`` is left out when it is the document's default (the
    first entry's), ``method`` when it is the first in the methods table,
    ``quote`` when it equals the evidenced value (the record's *field*, or its
    ``text`` for a record-level entry, when that is a string; a quote of None is
    then written ``null``), and a span is written as its start alone when the
    quote is exactly as long as the span.

    >>> from govrecords.provenance import Span
    >>> with MethodTable() as table:
    ...     write_entries((Provenance("d", Span(4, 7), "two", "name"),), {"name": "two"})
    [{'span': 4, 'field': 'name'}]
    >>> table.source, table.entries
    ('d', [Method(kind=<MethodKind.BY_HAND: 'by_hand'>, tool=None, version=None, template=None)])
    """
    table = _table()
    default = table.source
    if default is None and entries:
        default = table.source = entries[0].source  # the first entry's source: the document's default
    # MethodTable.add's memo, read here first (one call fewer an entry): most entries share one method object.
    seen = table._seen  # pyright: ignore[reportPrivateUsage]  # the table's own module
    written: list[dict[str, Any]] = []
    for entry in entries:
        out: dict[str, Any] = {}
        source = entry.source
        if source != default:
            out["source"] = source
        quote, span = entry.quote, entry.span
        if span is not None:
            start, end = span.start, span.end
            out["span"] = start if quote is not None and end - start == len(quote) else [start, end]
        field = entry.field
        evidenced = record.get(WHOLE_RECORD_FIELD if field is None else field)  # _evidenced, in line
        if quote != (evidenced if type(evidenced) is str else None):
            out["quote"] = quote
        if field is not None:
            out["field"] = field
        method = entry.method
        known = seen.get(id(method))
        index = known[1] if known is not None else table.add(method)
        if index:
            out["method"] = index
        written.append(out)
    return written


def read_entry(entry: object, record: Mapping[str, Any]) -> object:
    """One provenance entry of *record* (its JSON) inside a document, with what was left out put back.

    The inverse of :func:`write_entries`; anything else (not an object, a key of
    the wrong type) is returned for the record's reader to refuse, with its path.

    >>> with MethodTable([Method()], source="d"):
    ...     read_entry({"span": 4, "field": "name"}, {"name": "two"})
    {'span': [4, 7], 'field': 'name', 'source': 'd', 'method': 0, 'quote': 'two'}
    """
    if type(entry) is not dict:
        return entry
    given = cast("dict[str, Any]", entry)
    table = _table()
    full = given.copy()  # one copy, with what the document left out put back into it
    if "source" not in given and table.source is not None:
        full["source"] = table.source
    if "method" not in given and table.entries:
        full["method"] = 0
    if "quote" in given:
        quote = given["quote"]
    else:
        quote = _evidenced(given.get("field"), record)
        if quote is not None:
            full["quote"] = quote
    start = given.get("span")
    if type(start) is int and type(quote) is str:
        full["span"] = [start, start + len(quote)]
    return full


def read_entries(data: object, names: tuple[str, ...]) -> object:
    """A record's JSON with the provenance entries of each field in *names* as :func:`read_entry` gives them."""
    if type(data) is not dict:
        return data
    record = cast("dict[str, Any]", data)
    for name in names:
        entries = record.get(name)
        if type(entries) is list:
            record = {**record, name: [read_entry(entry, record) for entry in cast("list[object]", entries)]}
    return record


def read_default_source(value: object) -> str:
    """The envelope's default ``source``, refused as a provenance entry's ``source`` would be.

    Raises:
        ValueError: *value* is not a string with a character that is not a space.
    """
    if not NON_BLANK.holds(value):
        raise ValueError(f"expected the id of a source document: {NON_BLANK.message}")
    return cast("str", value)


def entry_schema(schema: Mapping[str, Any]) -> dict[str, Any]:
    """The JSON Schema of a provenance entry inside a document, from that of the record written whole."""
    properties = dict(schema["properties"])
    span = {key: value for key, value in properties["span"].items() if key != "description"}
    properties["span"] = {
        "description": f"{properties['span'].get('description', '')} Written as its start alone when the "
        "quote (given or evidenced) is exactly as long as the span.".strip(),
        "anyOf": [*(span["anyOf"] if set(span) == {"anyOf"} else [span]), {"type": "integer", **COUNT.keywords}],
    }
    properties["source"] = {
        **properties["source"],
        "description": f"{properties['source'].get('description', '')} Left out when it is the document's "
        "default, its envelope's source.".strip(),
    }
    properties["quote"] = {
        **properties["quote"],
        "description": f"{properties['quote'].get('description', '')} Left out when it equals the value it "
        f"evidences: the record's field named by field ({WHOLE_RECORD_FIELD} when none is named), a string; "
        "null when there is no quote but there is such a value.".strip(),
    }
    result = {**schema, "properties": properties}
    required = [name for name in schema.get("required", ()) if name != "source"]
    if required:
        result["required"] = required
    else:
        result.pop("required", None)
    return result


_ISOFORMAT = operator.methodcaller("isoformat")
_UNDATED = "a day past the end of its month (2013-02-30)"

VALUES: Mapping[Any, ValueRule] = MappingProxyType(
    {
        rule.hint: rule
        for rule in (
            ValueRule(str, {"type": "string"}, exact=str, expected="a string"),
            ValueRule(int, {"type": "integer"}, exact=int, expected="a whole number"),
            ValueRule(bool, {"type": "boolean"}, exact=bool, expected="true or false"),
            ValueRule(
                PartialDate,
                {
                    "description": "A date with only the units its source gave, as EDTF text: "
                    "2013, 2013-10, 2013-10-24, 2014-09-05T13, 2014-09-05T13:30+03:00.",
                    "type": "string",
                    "pattern": PARTIAL_DATE_PATTERN,
                },
                name="PartialDate",
                read=PartialDate.fromisoformat,
                write=_ISOFORMAT,
                text=True,
                unstated=_UNDATED,
            ),
            ValueRule(
                DateRange,
                {
                    "description": "A span between two partial dates as an EDTF interval, "
                    "an unknown end left empty: 2012-11-06/2012-11-09, 2013/, /2012-11-06.",
                    "type": "string",
                    "pattern": DATE_RANGE_PATTERN,
                },
                name="DateRange",
                read=DateRange.fromisoformat,
                write=_ISOFORMAT,
                text=True,
                unstated=f"{_UNDATED}; an end before the start (2014/2013)",
            ),
            ValueRule(
                PartialDate | DateRange,
                {
                    "description": "A partial date or a date range.",
                    "anyOf": [{"$ref": "#/$defs/PartialDate"}, {"$ref": "#/$defs/DateRange"}],
                },
                name="When",
                read=when_from_iso,
                write=_ISOFORMAT,
                text=True,
                unstated=f"{_UNDATED}; an end before the start (2014/2013)",
            ),
            ValueRule(
                Span,
                {
                    "description": "A half-open range [start, end) of characters in a source text.",
                    "type": "array",
                    "items": {"type": "integer", **COUNT.keywords},
                    "minItems": 2,
                    "maxItems": 2,
                },
                name="Span",
                read=_read_span,
                write=_write_span,
                depth=1,
                unstated="an end before the start ([5, 2]; no JSON Schema keyword compares two numbers of one array)",
            ),
            ValueRule(
                Method,
                {
                    "description": "How the value was obtained: the index of an entry in the document's "
                    "methods table, where each method is written once.",
                    "type": "integer",
                    **COUNT.keywords,
                },
                name="MethodRef",
                read=_read_method,
                write=_write_method,
                unstated="an index past the end of the document's methods table",
            ),
        )
    }
)
"""The rule of each value type that is not a record, a tuple or an enum."""

_ENUM_VALUE = operator.attrgetter("_value_")  # what .value gives, without the descriptor's cost


def enum_rule(kind: type[enum.Enum]) -> ValueRule:
    """The rule of an enum: written as its member's value, one of the values listed.

    >>> from govrecords.serialisation.rules import enum_rule
    >>> from govrecords.vocabulary import Stance
    >>> enum_rule(Stance).schema["enum"][:2]
    ['supports', 'opposes']
    """
    members = {member.value: member for member in kind}
    allowed = ", ".join(repr(value) for value in members)

    def read(value: object) -> enum.Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            raise ValueError(f"not a valid {kind.__name__}; expected one of {allowed}") from None

    schema: dict[str, Any] = {"type": "string"} if all(type(value) is str for value in members) else {}
    schema["enum"] = list(members)
    return ValueRule(kind, schema, name=kind.__name__, read=read, write=_ENUM_VALUE)


def value_rule(hint: Any) -> ValueRule | None:
    """The rule of *hint*: from :data:`VALUES`, or of an enum; None for records, tuples and unions."""
    found = VALUES.get(hint)
    if found is None and isinstance(hint, type) and issubclass(hint, enum.Enum):
        return enum_rule(hint)
    return found
