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
import operator
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

import attrs

from govrecords.dates import DateRange, PartialDate, when_from_iso
from govrecords.provenance import Method, Span
from govrecords.serialisation.constraints import COUNT, END

__all__ = [
    "DATE_RANGE_PATTERN",
    "OMIT_DEFAULTS",
    "PARTIAL_DATE_PATTERN",
    "REFUSE_UNKNOWN_KEYS",
    "VALUES",
    "MethodTable",
    "ValueRule",
    "enum_rule",
    "in_document",
    "is_required",
    "value_rule",
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


def _read_span(value: object) -> Span:
    items = cast("list[object]", value) if type(value) is list else []
    if len(items) != 2 or type(items[0]) is not int or type(items[1]) is not int:
        raise TypeError("expected a span [start, end] of two whole numbers")
    return Span(items[0], items[1])


def _write_span(span: Span) -> list[int]:
    return [span.start, span.end]


class MethodTable:
    """The methods of one document: written once, in its envelope's ``methods``, and referred to by index.

    A provenance entry's :class:`~govrecords.provenance.Method` is written as its
    index in this table (``"method": 0``), so the facts every value of an import
    shares (the tool, its version, the template) are written once per document.
    ``to_envelope`` and ``from_envelope`` set the table of the document being
    written or read (``with MethodTable(entries):``). A converter used outside a
    document (:func:`~govrecords.serialisation.make_converter`) writes and reads a
    method as an object, like any record (see :func:`in_document`).

    >>> from govrecords.provenance import Method, MethodKind
    >>> with MethodTable() as table:
    ...     VALUES[Method].write(Method(MethodKind.IMPORTER, "igf")), VALUES[Method].write(Method())
    (0, 1)
    >>> with MethodTable(table.entries):
    ...     VALUES[Method].read(1)
    Method(kind=<MethodKind.BY_HAND: 'by_hand'>, tool=None, version=None, template=None)
    """

    __slots__ = ("_index", "_token", "entries")

    def __init__(self, entries: list[Method] | None = None) -> None:
        self.entries: list[Method] = [] if entries is None else entries
        self._index: dict[Method, int] = {}
        self._token: contextvars.Token[MethodTable | None] | None = None

    def __enter__(self) -> MethodTable:
        self._token = _TABLE.set(self)
        return self

    def __exit__(self, *_: object) -> None:
        assert self._token is not None
        _TABLE.reset(self._token)

    def add(self, method: Method) -> int:
        """The index of *method*, added to the table if it is new."""
        found = self._index.get(method)
        if found is None:
            found = self._index[method] = len(self.entries)
            self.entries.append(method)
        return found


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
