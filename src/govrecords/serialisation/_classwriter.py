"""Per-class functions that take records apart into JSON-ready data quickly (the fast path's writers).

An unstructurer gives the same JSON-ready data as the converter: fields at their
default left out, enums as their values, dates in their text form, spans as pairs,
each as the wire rules (:data:`govrecords.serialisation.rules.VALUES`) write it.
Each class's function is generated here from source text, once (compiled by
``_codegen``), as cattrs generates the converter's (``cattrs.gen.make_dict_unstructure_fn``), and writes the
same dict, key order included: the fields without a default first, then each
field not at its default, in field order. What is generated differs only where
that is faster and gives the same result:

- a field whose default is None is tested with ``is not None`` where the field's
  type makes that the same test as cattrs' ``!= None`` (:func:`_none_by_identity`:
  strings, numbers, enums, records whose equality attrs generates); a record
  compared with ``!=`` runs attrs' ``__ne__`` and ``__eq__`` in Python;
- a record default is first compared by identity (``is not d and != d``), which
  attrs' equality makes the same test;
- the records a record holds are written in its own function (a tuple of them
  by a loop), not by a call of their class's function per record;
- plain values are written in place, as is a rule's ``write`` that only reads an
  attribute or calls a method without arguments (an enum's ``_value_``, a
  date's ``isoformat()``), and a record's provenance entries
  (:func:`~govrecords.serialisation.rules.write_entries`) are written by the
  function writing the record, with its other fields at hand, not by a wrapper.

A class the builders of ``_classcodec`` do not handle is not handled here either
(:class:`~govrecords.serialisation._classcodec.UnsupportedError`).
"""

from __future__ import annotations

import functools
import operator
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs

from govrecords.serialisation import _codegen
from govrecords.serialisation._classcodec import (
    UnsupportedError,
    depth_of,
    is_plain,
    split_optional,
    tuple_item,
    type_hints,
)
from govrecords.serialisation._codegen import is_name
from govrecords.serialisation.rules import OMIT_DEFAULTS, entry_fields, value_rule, write_entries

__all__ = ["PIECES_FROM", "Unstructure", "piecewise_unstructurer", "unstructurer"]

Unstructure = Callable[[Any], dict[str, Any]]

PIECES_FROM = 64
"""The fewest records a tuple holds for :func:`piecewise_unstructurer` to write it record by record.

Below it, a call of the encoder per record costs more than writing each record while
its data is still in the processor's caches saves.
"""

_PLAIN = (str, int, bool)
"""Written as themselves, in place."""
_OBJECT_EQ: Any = object.__eq__
_OBJECT_NE: Any = object.__ne__


def _attrs_equality(cls: type) -> bool:
    """Whether *cls* compares as attrs generates it, or by identity (object's)."""
    eq: Any = cls.__eq__
    if eq is _OBJECT_EQ:
        return cls.__ne__ is _OBJECT_NE
    code = getattr(eq, "__code__", None)
    return (
        attrs.has(cls)
        and code is not None
        and code.co_filename.startswith("<attrs generated")
        and getattr(cls.__ne__, "__module__", None) == "attr._make"
    )


def _none_by_identity(hint: Any) -> bool:
    """Whether, for every value of type *hint*, ``value != None`` is ``value is not None``.

    So for strings, numbers and tuples (their comparisons, in C, are with their own
    type alone), and for types that compare by identity (enums) or as attrs
    generates it (records, dates, spans: another class is ``NotImplemented``, and
    Python then compares by identity).
    """
    if typing.get_origin(hint) is not None:
        args = typing.get_args(hint)
        if typing.get_origin(hint) is tuple:
            return True
        return bool(args) and all(_none_by_identity(arg) for arg in args)  # a union (PartialDate | DateRange)
    if hint in _PLAIN:
        return True
    return isinstance(hint, type) and _attrs_equality(hint)


class _Source:
    """The names one generated function uses: its locals, and what its namespace holds."""

    def __init__(self) -> None:
        self.namespace: dict[str, Any] = {"write_entries": write_entries, "_list": list}
        self.count = 0
        self.names: set[str] = set()  # the field and attribute names written into the source

    def local(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}{self.count}"

    def name(self, prefix: str, value: Any) -> str:
        name = self.local(prefix)
        self.namespace[name] = value
        return name


def _indented(lines: list[str]) -> list[str]:
    return [f"    {line}" for line in lines]


def _call(write: Callable[[Any], Any], value: str, source: _Source) -> str:
    """The rule's *write* of *value*, in place: ``attrgetter("_value_")`` is ``value._value_``."""
    if type(write) in (operator.attrgetter, operator.methodcaller):
        reduced: Any = write.__reduce__()  # (the class, (its one name,)) when it has no other arguments
        made, args = reduced
        if made is type(write) and len(args) == 1 and isinstance(args[0], str) and is_name(args[0]):
            source.names.add(args[0])
            return f"{value}.{args[0]}{'()' if made is operator.methodcaller else ''}"
    return f"{source.name('_w', write)}({value})"


Write = Callable[[str, str], list[str]]
"""Gives the statements that set *target* to the written form of the (non-None) value in local *value*."""


def _writer(hint: Any, source: _Source, pieces: Callable[[Any], Any] | None, holding: frozenset[type]) -> Write | None:
    """How a (non-None) value of type *hint* is written; None: as itself, in place."""
    if hint in _PLAIN:
        return None
    if (rule := value_rule(hint)) is not None and rule.write is not None:
        write = rule.write
        return lambda value, target: [f"{target} = {_call(write, value, source)}"]
    if (item := tuple_item(hint)) is not None:
        if item is str:
            return lambda value, target: [f"{target} = _list({value})"]
        if isinstance(item, type) and attrs.has(item):
            if pieces is not None:
                source.namespace["_in_pieces"], source.namespace["_pieces"] = _in_pieces, pieces
                inner = source.name("_u", _function(item))
                return lambda value, target: [f"{target} = _in_pieces(_pieces, {inner}, {value})"]
            each = source.local("i")
            lines, made = _record(item, each, source, holding)  # in the loop: no call per record
            out = source.local("o")

            def records(value: str, target: str) -> list[str]:
                return [
                    f"{out} = []",
                    f"for {each} in {value}:",
                    *_indented(lines),
                    f"    {out}.append({made})",
                    f"{target} = {out}",
                ]

            return records
    elif isinstance(hint, type) and attrs.has(hint):
        record = source.local("v")
        lines, made = _record(hint, record, source, holding)  # in place: no call
        return lambda value, target: [f"{record} = {value}", *lines, f"{target} = {made}"]
    raise UnsupportedError(repr(hint))


def _written(write: Write, value: str, target: str, or_none: bool) -> list[str]:
    if not or_none:
        return write(value, target)
    # None reaches the hook only when None is not the default (else it is left out).
    return [f"if {value} is None:", f"    {target} = None", "else:", *_indented(write(value, target))]


def _omitted_unless(field: attrs.Attribute[Any], hint: Any, source: _Source, value: str) -> str:
    """The test that *value* (a local) is not at *field*'s default: cattrs' ``!=``, or the same test, quicker."""
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
        return f"{value} != {source.name('_f', default.factory)}()"  # takes_self: not is_plain
    if default is None and _none_by_identity(hint):
        return f"{value} is not None"
    name = source.name("_d", default)
    kind: type[object] = type(cast("object", default))
    if default is not None and _attrs_equality(kind) and kind.__eq__ is not _OBJECT_EQ:
        # attrs' equality holds of a record and itself (each field compared, identity first), so
        # ``is not`` only spares the Python calls of __ne__ and __eq__ when the default is there.
        return f"{value} is not {name} and {value} != {name}"
    return f"{value} != {name}"


def _record(
    cls: type,
    instance: str,
    source: _Source,
    holding: frozenset[type] = frozenset(),
    pieces: Callable[[Any], Any] | None = None,
) -> tuple[list[str], str]:
    """The statements that write the *cls* record in local *instance*, and the local then holding its dict.

    As cattrs writes it: the fields without a default in a dict literal, in field
    order (their values worked out first, in that order), then each other field
    not at its default; the provenance entries once the record's other fields are
    written. *holding*: the classes whose records hold this one (a class holding
    itself is refused; ``depth_of`` refuses it first).
    """
    if not is_plain(cls):
        raise UnsupportedError(cls.__name__)
    if cls in holding:
        raise UnsupportedError(f"{cls.__name__} holds itself")
    if not all(is_name(field.name) for field in attrs.fields(cls)):  # only identifiers enter the source text
        raise UnsupportedError(cls.__name__)
    source.names.update(field.name for field in attrs.fields(cls))
    holding |= {cls}
    hints = type_hints(cls)
    names = entry_fields(cls)
    fields = attrs.fields(cls)
    last_with_default = max((i for i, field in enumerate(fields) if field.default is not attrs.NOTHING), default=-1)
    res = source.local("r")
    before: list[str] = []  # the values of the literal's fields
    literal: list[str] = []  # the fields without a default
    body: list[str] = []  # the others
    after: list[str] = []  # the provenance entries, once every other field is written
    for index, field in enumerate(fields):
        key, attribute = repr(field.name), f"{instance}.{field.name}"
        entries = field.name in names  # written with the record's other fields at hand (rules.write_entries)
        hint, nullable = (hints[field.name], False) if entries else split_optional(hints[field.name])
        write = None if entries else _writer(hint, source, pieces, holding)
        or_none = write is not None and nullable and field.default is not None
        if field.default is attrs.NOTHING or not OMIT_DEFAULTS:
            if write is None:
                literal.append(f"{key}: {attribute}")
                if entries:
                    after.append(f"{res}[{key}] = write_entries({attribute}, {res})")
                continue
            value, written = source.local("v"), source.local("x")
            before += [f"{value} = {attribute}", *_written(write, value, written, or_none)]
            literal.append(f"{key}: {written}")
            continue
        value = source.local("v")
        body += [f"{value} = {attribute}", f"if {_omitted_unless(field, hint, source, value)}:"]
        if entries and index == last_with_default and not after:
            # The last key, and the first entries written: as the other fields' are, in field order.
            body.append(f"    {res}[{key}] = write_entries({value}, {res})")
        elif entries:  # in its place now, its entries written once every other field is
            body.append(f"    {res}[{key}] = {value}")
            after += [f"if {key} in {res}:", f"    {res}[{key}] = write_entries({value}, {res})"]
        elif write is None:
            body.append(f"    {res}[{key}] = {value}")
        else:
            body += _indented(_written(write, value, f"{res}[{key}]", or_none))
    return [*before, f"{res} = {{{', '.join(literal)}}}", *body, *after], res


def _generate(cls: type, pieces: Callable[[Any], Any] | None) -> Unstructure:
    # With *pieces*, the function made for a class writes each record of its tuples of
    # records through it (see piecewise_unstructurer); the classes those hold are not.
    source = _Source()
    lines, made = _record(cls, "instance", source, pieces=pieces)
    name = f"unstructure_{cls.__name__}"
    filename = f"<govrecords unstructure {cls.__module__}.{cls.__qualname__}{' in pieces' if pieces else ''}>"
    # The source holds only names (field names, numbered locals) and the reprs of field
    # names; every value (a default, a rule's write) is in the namespace (see _codegen).
    function: Unstructure = _codegen.function(
        name,
        [f"def {name}(instance):", *_indented(lines), f"    return {made}"],
        source.namespace,
        fields=source.names,
        filename=filename,
    )
    return function


def _in_pieces(pieces: Callable[[Any], Any], inner: Unstructure, records: Any) -> list[Any]:
    if len(records) < PIECES_FROM:
        return list(map(inner, records))
    return [pieces(inner(record)) for record in records]  # each record's data freed as soon as it is written


_FUNCTIONS: dict[type, Unstructure] = {}


def _function(cls: type) -> Unstructure:
    """*cls*'s function, generated on first use (the records it holds written in it).

    A class that holds itself is refused while its function is written (``_record``'s
    *holding*), and by ``depth_of`` before that.
    """
    made = _FUNCTIONS.get(cls)
    if made is None:
        made = _FUNCTIONS[cls] = _generate(cls, None)
    return made


@functools.cache
def piecewise_unstructurer(cls: type, pieces: Callable[[Any], Any]) -> Unstructure:
    """As :func:`unstructurer`, but each record of a long tuple field of *cls* is given through *pieces*.

    *pieces* takes one record's JSON-ready dict and returns what stands for it
    (the fast path: its JSON, already encoded, as an ``orjson.Fragment``), so that
    the data of one record of a large forum is written and freed before the next
    is made. Only the fields of *cls* itself: the records those hold are unstructured
    whole.

    Raises:
        UnsupportedError: *cls*, or a class it holds, is not handled.
    """
    unstructurer(cls)  # refuses what is not handled, and makes the functions of the classes *cls* holds
    return _generate(cls, pieces)


_CHECKED: set[type] = set()


def unstructurer(cls: type) -> Unstructure:
    """A function giving the converter's JSON-ready dict of a *cls* record, faster.

    Raises:
        UnsupportedError: *cls*, or a class it holds, is not handled.
    """
    if cls not in _CHECKED:
        depth_of(cls)  # first: it refuses what the generator would not handle, and recursive classes
        _CHECKED.add(cls)
    return _function(cls)
