"""Per-class functions that take records apart into JSON-ready data quickly (the fast path's writers).

An unstructurer gives the same JSON-ready data as the converter: fields at their
default left out, enums as their values, dates in their text form, spans as pairs,
each as the wire rules (:data:`govrecords.serialisation.rules.VALUES`) write it.
cattrs generates each class's function; the hooks given per field make it write
plain values in place and call C functions for the rest. A class the builders of
``_classcodec`` do not handle is not handled here either
(:class:`~govrecords.serialisation._classcodec.UnsupportedError`).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import attrs
import cattrs
import cattrs.fns
import cattrs.gen

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


def _value_hook(hint: Any, converter: cattrs.Converter) -> Callable[[Any], Any]:
    """How to unstructure a (non-None) value of type *hint*: C callables where there is one."""
    if hint in (str, int, bool):
        return cattrs.fns.identity  # cattrs writes the field itself in place of a call
    if (rule := value_rule(hint)) is not None and rule.write is not None:
        return rule.write
    if (item := tuple_item(hint)) is not None:
        if item is str:
            return list
        if isinstance(item, type) and attrs.has(item):
            inner = converter.get_unstructure_hook(item)
            return lambda records: list(map(inner, records))  # map: no Python frame per record
    elif isinstance(hint, type) and attrs.has(hint):
        hook: Callable[[Any], Any] = converter.get_unstructure_hook(hint)
        return hook
    raise UnsupportedError(repr(hint))


def _unstructure_factory(
    converter: cattrs.Converter, pieces: Callable[[Any], Any] | None = None
) -> Callable[[type], Unstructure]:
    # With *pieces*, the function made for a class writes each record of its tuples of
    # records through it (see piecewise_unstructurer); the classes those hold are not.
    def factory(cls: type) -> Unstructure:
        if not is_plain(cls):
            raise UnsupportedError(cls.__name__)
        hints = type_hints(cls)
        overrides: dict[str, Any] = {}
        names = entry_fields(cls)
        for field in attrs.fields(cls):
            if field.name in names:  # written with the record's other fields at hand, below
                overrides[field.name] = cattrs.gen.override(unstruct_hook=cattrs.fns.identity)
                continue
            hint, nullable = split_optional(hints[field.name])
            hook = _value_hook(hint, converter)
            item = tuple_item(hint)
            if pieces is not None and isinstance(item, type) and attrs.has(item):
                hook = functools.partial(_in_pieces, pieces, converter.get_unstructure_hook(item))
            if nullable and field.default is not None and hook is not cattrs.fns.identity:
                # None reaches the hook only when None is not the default (else it is left out).
                hook = functools.partial(_or_none, hook)
            overrides[field.name] = cattrs.gen.override(unstruct_hook=hook)
        made: Unstructure = cattrs.gen.make_dict_unstructure_fn(
            cls, converter, _cattrs_omit_if_default=OMIT_DEFAULTS, **overrides
        )
        if not names:
            return made

        def unstructure(record: Any) -> dict[str, Any]:
            data = made(record)
            for name in names:  # the provenance entries, what the document says left out (rules.write_entries)
                if name in data:
                    data[name] = write_entries(data[name], data)
            return data

        return unstructure

    return factory


def _or_none(hook: Callable[[Any], Any], value: Any) -> Any:
    return None if value is None else hook(value)


PIECES_FROM = 64
"""The fewest records a tuple holds for :func:`piecewise_unstructurer` to write it record by record.

Below it, a call of the encoder per record costs more than writing each record while
its data is still in the processor's caches saves.
"""


def _in_pieces(pieces: Callable[[Any], Any], inner: Unstructure, records: Any) -> list[Any]:
    if len(records) < PIECES_FROM:
        return list(map(inner, records))
    return [pieces(inner(record)) for record in records]  # each record's data freed as soon as it is written


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
    return _unstructure_factory(_unstructuring(), pieces)(cls)


@functools.cache
def _unstructuring() -> cattrs.Converter:
    # Its own converter, never changed after it is made. cattrs generates each class's
    # function (as for govrecords.serialisation.converter's converters); the hooks given per field make
    # it write plain values in place and call C functions for the rest.
    converter = cattrs.Converter()
    converter.register_unstructure_hook_factory(attrs.has, _unstructure_factory(converter))
    return converter


_CHECKED: set[type] = set()


def unstructurer(cls: type) -> Unstructure:
    """A function giving the converter's JSON-ready dict of a *cls* record, faster.

    Raises:
        UnsupportedError: *cls*, or a class it holds, is not handled.
    """
    if cls not in _CHECKED:
        depth_of(cls)  # first: it refuses what the factory would not handle, and recursive classes
        _CHECKED.add(cls)
    made: Unstructure = _unstructuring().get_unstructure_hook(cls)
    return made
