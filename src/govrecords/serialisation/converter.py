"""The cattrs converter that reads and writes records, and the problems it reports with their paths.

The converter is the general path: it reads any record, checks every value and,
when a document is invalid, collects every problem with its JSON path
(:func:`problems`). How each value type is read and written comes from the wire
rules (:mod:`govrecords.serialisation.rules`), which the fast path
(:mod:`govrecords.serialisation._classcodec`) and the JSON Schema read too.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Callable, Mapping
from typing import Any, TypeVar, cast

import attrs
import cattrs
from cattrs.cols import homogenous_tuple_structure_factory
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from govrecords.errors import (
    KEPT_PROBLEMS,
    DateParseError,
    Problem,
    ValidationError,
)
from govrecords.provenance import Method, Provenance
from govrecords.serialisation._parsing import format_path
from govrecords.serialisation.rules import (
    OMIT_DEFAULTS,
    REFUSE_UNKNOWN_KEYS,
    VALUES,
    ValueRule,
    entry_fields,
    enum_rule,
    in_document,
    read_entries,
    write_entries,
)

__all__ = ["make_converter", "method_entries"]

T = TypeVar("T")

# ---------------------------------------------------------------------------
# The converter.


def _strict(rule: ValueRule) -> Callable[[object, type], Any]:
    """The structure hook of a JSON scalar read as itself: exactly its one Python type."""
    exact, expected = rule.exact, rule.expected

    def structure(value: object, _: type) -> Any:
        if type(value) is not exact:
            raise TypeError(f"expected {expected}, got {type(value).__name__}")
        return value

    return structure


_TEXT = _strict(VALUES[str])


def _reading(rule: ValueRule) -> Callable[[object, type], Any]:
    """The structure hook of a value the rule reads (from a string first, for a text rule)."""
    if rule.read is None:
        return _strict(rule)
    read = rule.read
    if not rule.text:
        return lambda value, _: read(value)
    return lambda value, kind: read(_TEXT(value, kind))


def _structure_items(converter: cattrs.Converter, items: list[object], cls: Any) -> tuple[Any, ...]:
    """A list as a tuple of one type, every item's problems collected as cattrs collects them.

    Only the failures of the first ``KEPT_PROBLEMS`` problems' worth of items are
    kept: the problems of the others are counted and their exceptions let go, so that
    a list of a million bad items holds no more exceptions than one of a thousand.
    """
    item_type = cls.__args__[0]
    handler = converter.get_structure_hook(item_type)
    kept: list[Exception] = []
    problems = omitted = 0
    result: list[Any] = []
    for index, item in enumerate(items):
        try:
            result.append(handler(item, item_type))
        except Exception as error:  # noqa: BLE001 -- collected, as cattrs's detailed validation does
            found: list[tuple[tuple[str | int, ...], str]] = []
            count = _collect(error, (), found) + len(found)
            if problems >= KEPT_PROBLEMS:
                omitted += count
                continue
            problems += count
            error.__notes__ = [
                *getattr(error, "__notes__", []),
                IterableValidationNote(f"Structuring {cls} @ index {index}", index, item_type),
            ]
            kept.append(error)
    if kept:
        group = IterableValidationError(f"While structuring {cls!r}", kept, cls)  # pyright: ignore[reportCallIssue]  # cattrs's exception group takes the type too
        group.omitted = omitted  # type: ignore[attr-defined]  # read back by _collect
        raise group
    return tuple(result)


def _is_homogeneous_tuple(cls: Any) -> bool:
    return getattr(cls, "__origin__", None) is tuple and len(cls.__args__) == 2 and cls.__args__[1] is Ellipsis


def make_converter(*, detailed: bool = True) -> cattrs.Converter:
    """Make a converter that reads and writes govrecords records as JSON-ready data.

    Each call returns a new converter; configure it further without affecting
    govrecords' own.

    Args:
        detailed: Collect every problem with its path (slower) rather than stop
            at the first one.

    Returns:
        A :class:`cattrs.Converter` for every record class.

    Every value type is read and written as the wire rules say
    (:mod:`govrecords.serialisation.rules`): the converter, the fast path and the
    JSON Schema all follow them.

    >>> from govrecords import PartialDate
    >>> make_converter().unstructure(PartialDate(2013, 10))
    '2013-10'
    """
    converter = cattrs.Converter(forbid_extra_keys=REFUSE_UNKNOWN_KEYS, detailed_validation=detailed)
    for hint, rule in VALUES.items():  # every value type, as the wire rules say
        hook = _reading(rule)
        converter.register_structure_hook(hint, hook)
        if not isinstance(hint, type):  # a union (When): cattrs would not find it inside an Optional
            converter.register_structure_hook(hint | None, functools.partial(_or_none, hook))
        elif rule.write is not None:
            converter.register_unstructure_hook(hint, rule.write)
    converter.register_structure_hook_factory(_is_enum, _enum_hook)

    def tuple_hook(cls: Any) -> Callable[[object, type], tuple[Any, ...]]:
        inner: Callable[[object, type], tuple[Any, ...]] = homogenous_tuple_structure_factory(cls, converter)

        def structure(value: object, _: type) -> tuple[Any, ...]:
            if type(value) is not list:
                raise TypeError(f"expected a list, got {type(value).__name__}")
            if detailed:
                return _structure_items(converter, cast("list[object]", value), cls)
            return inner(cast("list[object]", value), cls)

        return structure

    converter.register_structure_hook_factory(_is_homogeneous_tuple, tuple_hook)

    converter.register_structure_hook_factory(attrs.has, functools.partial(_class_structure, converter))
    converter.register_unstructure_hook_factory(attrs.has, functools.partial(_class_unstructure, converter))
    _method_hooks(converter)
    return converter


def _class_structure(converter: cattrs.Converter, cls: type) -> Callable[[object, type], Any]:
    """The structure hook of a record class: an object with no unknown key."""
    # cattrs types the generated function loosely; what it returns is an instance of cls.
    inner = cast(
        "Callable[[Mapping[str, Any], Any], Any]",
        make_dict_structure_fn(cls, converter, _cattrs_forbid_extra_keys=REFUSE_UNKNOWN_KEYS),
    )

    names = entry_fields(cls)

    def structure(value: object, _: type) -> Any:
        if type(value) is not dict:
            raise TypeError(f"expected an object for {cls.__name__}, got {type(value).__name__}")
        if names and in_document():  # its provenance entries as written in a document: put back what is left out
            value = read_entries(cast("object", value), names)
        return inner(cast("dict[str, Any]", value), cls)

    return structure


def _class_unstructure(converter: cattrs.Converter, cls: type) -> Callable[[Any], dict[str, Any]]:
    """The unstructure hook of a record class: an object, fields at their default left out.

    Inside a document, the provenance entries of a record leave out what the
    document already says (:func:`~govrecords.serialisation.rules.write_entries`).
    """
    names = entry_fields(cls)
    if not names:
        return make_dict_unstructure_fn(cls, converter, _cattrs_omit_if_default=OMIT_DEFAULTS)
    kept: dict[str, Any] = {name: override(unstruct_hook=identity) for name in names}
    made: Callable[[Any], dict[str, Any]] = make_dict_unstructure_fn(
        cls, converter, _cattrs_omit_if_default=OMIT_DEFAULTS, **kept
    )
    whole = converter.get_unstructure_hook(Provenance)

    def unstructure(record: Any) -> dict[str, Any]:
        data = made(record)
        inside = in_document()
        for name in names:
            if name in data:
                entries = data[name]
                data[name] = write_entries(entries, data) if inside else [whole(entry) for entry in entries]
        return data

    return unstructure


def _method_hooks(converter: cattrs.Converter) -> None:
    """A method is an index into the document's table inside a document, and an object outside one.

    ``dumps``, ``loads`` and JSON Lines always write and read inside a document
    (:class:`~govrecords.serialisation.rules.MethodTable`); a converter used on its
    own, with no document around the record, reads and writes the method as the
    record it is.
    """
    rule = VALUES[Method]
    as_object, object_of = _class_structure(converter, Method), _class_unstructure(converter, Method)
    as_index = _reading(rule)
    index_of = cast("Callable[[Any], Any]", rule.write)

    def structure(value: object, kind: type) -> Any:
        return as_index(value, kind) if in_document() else as_object(value, kind)

    def unstructure(method: Any) -> Any:
        return index_of(method) if in_document() else object_of(method)

    converter.register_structure_hook(Method, structure)
    converter.register_unstructure_hook(Method, unstructure)


def _is_enum(cls: Any) -> bool:
    return isinstance(cls, type) and issubclass(cls, enum.Enum)


def _enum_hook(cls: type[enum.Enum]) -> Callable[[object, type], Any]:
    return _reading(enum_rule(cls))


def _or_none(hook: Callable[[object, type], Any], value: object, kind: type) -> Any:
    return None if value is None else hook(value, kind)


@functools.cache
def method_entries(detailed: bool) -> tuple[Callable[[object], Any], Callable[[Any], dict[str, Any]]]:
    """How one entry of a document's ``methods`` table is read and written: as an object.

    Everywhere else a :class:`~govrecords.provenance.Method` is written as its
    index in that table (:class:`~govrecords.serialisation.rules.MethodTable`).
    """
    converter = converters()[1 if detailed else 0]
    as_object = _class_structure(converter, Method)

    def structure(value: object) -> Any:
        return as_object(value, Method)

    unstructure = _class_unstructure(converter, Method)
    return structure, unstructure


@functools.cache
def converters() -> tuple[cattrs.Converter, cattrs.Converter]:
    # Private and never changed after it is made: the fast one reads valid input,
    # the detailed one re-reads invalid input to report every problem.
    return make_converter(detailed=False), make_converter(detailed=True)


# ---------------------------------------------------------------------------
# Problems with their paths.


def _collect(error: BaseException, path: tuple[str | int, ...], out: list[tuple[tuple[str | int, ...], str]]) -> int:
    """Put each problem in *error* into *out*; the number of problems counted but not kept."""
    omitted = 0
    if isinstance(error, (ClassValidationError, IterableValidationError)):
        omitted += getattr(error, "omitted", 0)
        with_notes, without = error.group_exceptions()
        for inner, note in with_notes:
            step: str | int = note.index if isinstance(note, IterableValidationNote) else note.name
            omitted += _collect(inner, (*path, step), out)
        for inner in without:
            omitted += _collect(inner, path, out)
    elif isinstance(error, ForbiddenExtraKeysError):
        out.extend(((*path, key), "unknown key") for key in sorted(error.extra_fields))
    elif isinstance(error, KeyError):
        out.append((path, "required field is missing"))
    elif isinstance(error, DateParseError):
        out.append((path, error.reason))
    elif isinstance(error, (TypeError, ValueError)):
        out.append((path, str(error)))
    else:
        out.append((path, f"{type(error).__name__}: {error}"))
    return omitted


def _value_at(data: object, path: tuple[str | int, ...]) -> object:
    for step in path:
        if isinstance(data, dict) and isinstance(step, str):
            data = cast("dict[str, object]", data).get(step)
        elif isinstance(data, list) and isinstance(step, int) and 0 <= step < len(cast("list[object]", data)):
            data = cast("list[object]", data)[step]
        else:
            return None
    return data


def problems(error: BaseException, data: object, root: tuple[str | int, ...], line: int | None) -> ValidationError:
    found: list[tuple[tuple[str | int, ...], str]] = []
    omitted = _collect(error, (), found)
    problems = [
        Problem(format_path((*root, *path)), message, _value_at(data, path), line)
        for path, message in found[:KEPT_PROBLEMS]
    ]
    return ValidationError(problems, omitted=omitted + max(len(found) - KEPT_PROBLEMS, 0))
