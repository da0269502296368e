"""Per-class functions that take records apart into JSON-ready data quickly (the fast path's writers).

An unstructurer gives the same JSON-ready data as the converter: fields at their
default left out, enums as their values, dates in their text form, spans as pairs,
each as the wire rules (:data:`govrecords.serialisation.rules.VALUES`) write it.
Each class's function is generated here from source text, once, as cattrs
generates the converter's (``cattrs.gen.make_dict_unstructure_fn``), and writes the
same dict, key order included: the fields without a default first, then each
field not at its default, in field order. What is generated differs only where
that is faster and gives the same result:

- a field whose default is None is tested with ``is not None`` where the field's
  type makes that the same test as cattrs' ``!= None`` (:func:`_none_by_identity`:
  strings, numbers, enums, records whose equality attrs generates); a record
  compared with ``!=`` runs attrs' ``__ne__`` and ``__eq__`` in Python;
- a record default is first compared by identity (``is not d and != d``), which
  attrs' equality makes the same test;
- plain values are written in place, and a record's provenance entries
  (:func:`~govrecords.serialisation.rules.write_entries`) by the record's own
  function, with its other fields at hand, rather than by a wrapper around it.

A class the builders of ``_classcodec`` do not handle is not handled here either
(:class:`~govrecords.serialisation._classcodec.UnsupportedError`).
"""

from __future__ import annotations

import functools
import linecache
import typing
from collections.abc import Callable
from typing import Any, cast

import attrs

from govrecords.serialisation._classcodec import (
    UnsupportedError,
    depth_of,
    is_plain,
    split_optional,
    tuple_item,
    type_hints,
)
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
    """The source text of one class's function, and the names it uses."""

    def __init__(self, cls: type) -> None:
        self.cls = cls
        self.namespace: dict[str, Any] = {"write_entries": write_entries, "_list": list, "_map": map}
        self.before: list[str] = []  # locals the dict's literal uses
        self.literal: list[str] = []  # the fields without a default
        self.body: list[str] = []  # the fields with one
        self.after: list[str] = []  # the provenance entries, once every other field is written

    def name(self, prefix: str, index: int, value: Any) -> str:
        name = f"{prefix}{index}"
        self.namespace[name] = value
        return name

    def text(self) -> str:
        lines = [f"def unstructure_{self.cls.__name__}(instance):"]
        lines += [f"    {line}" for line in self.before]
        lines += ["    res = {", *(f"        {line}," for line in self.literal), "    }"]
        lines += [f"    {line}" for line in self.body + self.after]
        lines.append("    return res")
        return "\n".join(lines) + "\n"


def _expression(hint: Any, index: int, source: _Source, pieces: Callable[[Any], Any] | None) -> str | None:
    """How a (non-None) value ``{v}`` of type *hint* is written, as a format string; None: as itself."""
    if hint in _PLAIN:
        return None
    if (rule := value_rule(hint)) is not None and rule.write is not None:
        return f"{source.name('w', index, rule.write)}({{v}})"
    if (item := tuple_item(hint)) is not None:
        if item is str:
            return "_list({v})"
        if isinstance(item, type) and attrs.has(item):
            inner = source.name("u", index, _function(item))
            if pieces is not None:
                source.namespace["_in_pieces"], source.namespace["_pieces"] = _in_pieces, pieces
                return f"_in_pieces(_pieces, {inner}, {{v}})"
            return f"_list(_map({inner}, {{v}}))"  # map: no frame for the comprehension
    elif isinstance(hint, type) and attrs.has(hint):
        return f"{source.name('u', index, _function(hint))}({{v}})"
    raise UnsupportedError(repr(hint))


def _omitted_unless(field: attrs.Attribute[Any], hint: Any, index: int, source: _Source, value: str) -> str:
    """The test that *value* (a local) is not at *field*'s default: cattrs' ``!=``, or the same test, quicker."""
    default: Any = field.default
    if isinstance(default, attrs.Factory):  # type: ignore[arg-type]  # a class at run time
        return f"{value} != {source.name('f', index, default.factory)}()"  # takes_self: not is_plain
    if default is None and _none_by_identity(hint):
        return f"{value} is not None"
    name = source.name("d", index, default)
    kind: type[object] = type(cast("object", default))
    if default is not None and _attrs_equality(kind) and kind.__eq__ is not _OBJECT_EQ:
        # attrs' equality holds of a record and itself (each field compared, identity first), so
        # ``is not`` only spares the Python calls of __ne__ and __eq__ when the default is there.
        return f"{value} is not {name} and {value} != {name}"
    return f"{value} != {name}"


def _generate(cls: type, pieces: Callable[[Any], Any] | None) -> Unstructure:
    # With *pieces*, the function made for a class writes each record of its tuples of
    # records through it (see piecewise_unstructurer); the classes those hold are not.
    if not is_plain(cls):
        raise UnsupportedError(cls.__name__)
    hints = type_hints(cls)
    names = entry_fields(cls)
    source = _Source(cls)
    fields = attrs.fields(cls)
    last_with_default = max((i for i, field in enumerate(fields) if field.default is not attrs.NOTHING), default=-1)
    for index, field in enumerate(fields):
        key, value = repr(field.name), f"v{index}"
        if field.name in names:  # written with the record's other fields at hand (rules.write_entries)
            hint, expression, nullable = hints[field.name], None, False
        else:
            hint, nullable = split_optional(hints[field.name])
            expression = _expression(hint, index, source, pieces)
        if field.default is attrs.NOTHING or not OMIT_DEFAULTS:
            if expression is None and field.name not in names:
                source.literal.append(f"{key}: instance.{field.name}")
                continue
            source.before.append(f"{value} = instance.{field.name}")
            if expression is not None and nullable and field.default is not None:  # as below
                expression = f"None if {{v}} is None else {expression}"
            source.literal.append(f"{key}: {(expression or '{v}').format(v=value)}")
            if field.name in names:
                source.after.append(f"res[{key}] = write_entries({value}, res)")
            continue
        if expression is not None and nullable and field.default is not None:
            # None reaches the hook only when None is not the default (else it is left out).
            expression = f"None if {{v}} is None else {expression}"
        source.body.append(f"{value} = instance.{field.name}")
        source.body.append(f"if {_omitted_unless(field, hint, index, source, value)}:")
        if field.name in names and index == last_with_default and not source.after:
            # The last key, and the first entries written: as the other fields' are, in field order.
            source.body.append(f"    res[{key}] = write_entries({value}, res)")
            continue
        source.body.append(f"    res[{key}] = {(expression or '{v}').format(v=value)}")
        if field.name in names:  # in its place now, its entries written once every other field is
            source.after.append(f"if {key} in res:")
            source.after.append(f"    res[{key}] = write_entries({value}, res)")
    text = source.text()
    filename = f"<govrecords unstructure {cls.__module__}.{cls.__qualname__}{' in pieces' if pieces else ''}>"
    linecache.cache[filename] = (len(text), None, text.splitlines(keepends=True), filename)  # for tracebacks
    exec(compile(text, filename, "exec"), source.namespace)  # noqa: S102 -- our own source text, from the field table
    made: Unstructure = source.namespace[f"unstructure_{cls.__name__}"]
    return made


def _in_pieces(pieces: Callable[[Any], Any], inner: Unstructure, records: Any) -> list[Any]:
    if len(records) < PIECES_FROM:
        return list(map(inner, records))
    return [pieces(inner(record)) for record in records]  # each record's data freed as soon as it is written


_FUNCTIONS: dict[type, Unstructure] = {}
_MAKING: set[type] = set()


def _function(cls: type) -> Unstructure:
    """*cls*'s function, generated on first use (with those of the classes it holds)."""
    made = _FUNCTIONS.get(cls)
    if made is None:
        if cls in _MAKING:  # a class that holds itself (depth_of refuses it first)
            raise UnsupportedError(f"{cls.__name__} holds itself")
        _MAKING.add(cls)
        try:
            made = _FUNCTIONS[cls] = _generate(cls, None)
        finally:
            _MAKING.discard(cls)
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
