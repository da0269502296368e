"""Strategies derived from a record's attrs fields: each field's type and validator pick its strategy.

A record's strategy is ``st.builds(cls, ...)`` with one strategy per field of its
constructor, so a field added to a record is drawn without any change here:

* ``X | None`` draws None or an ``X``; ``tuple[X, ...]`` draws up to ``max_size``
  of them (records inside a tuple hold at most one of each part);
* an enum draws its members; a record draws from its public strategy (or, without
  one, from its own derived strategy);
* a validator made from a wire constraint picks the strategy that passes it
  (:data:`BY_CONSTRAINT`): a non-blank string, a country code, a SHA-256, a topic
  id, a count;
* a plain ``str`` draws short UTF-8 text.

A field of any other type raises :class:`TypeError` naming it, so it is never
silently left at its default: give it an override.
"""

from __future__ import annotations

import enum
import functools
import inspect
import types
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs
from hypothesis import strategies as st

from govrecords.serialisation.constraints import COUNT, COUNTRY, NON_BLANK, SHA256, TOPIC_ID, Constraint, constraint_of
from govrecords.testing._types import hints, init_fields, without_none
from govrecords.testing._values import countries, hashes, maybe, names, nested, slugs, texts, tuples

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

R = TypeVar("R")

MAX_COUNT = 10**7
"""The largest whole number drawn for a count (a length in characters)."""

BY_CONSTRAINT: tuple[tuple[Constraint, Callable[[], SearchStrategy[Any]]], ...] = (
    (NON_BLANK, names),
    (COUNTRY, countries),
    (SHA256, hashes),
    (TOPIC_ID, slugs),
    (COUNT, lambda: st.integers(0, MAX_COUNT)),
)
"""The strategy for a value that a validator's constraint checks beyond its type, by constraint."""

_PUBLIC: dict[type, Callable[..., SearchStrategy[Any]]] = {}


def register(cls: type, function: Callable[..., SearchStrategy[Any]]) -> None:
    """Draw *cls* from *function* (a public strategy) wherever a field holds one."""
    _PUBLIC[cls] = function


def strategy_for(cls: type[R], max_size: int | None = None) -> SearchStrategy[R]:
    """The strategy for *cls*: its public one (with *max_size* if it takes one), else derived."""
    function = _PUBLIC.get(cls)
    if function is None:
        return derive(cls, max_size=2 if max_size is None else max_size)
    if max_size is not None and _takes_size(function):
        return function(max_size=max_size)
    return function()


@functools.cache
def _takes_size(function: Callable[..., object]) -> bool:
    return "max_size" in inspect.signature(function).parameters


def derive(cls: type[R], *, max_size: int = 2, **overrides: SearchStrategy[Any]) -> SearchStrategy[R]:
    """``st.builds(cls, ...)`` with each field's strategy read off the field (see :func:`fields`)."""
    return st.builds(cls, **fields(cls, max_size=max_size, overrides=overrides))


def fields(
    cls: type, *, max_size: int = 2, overrides: Mapping[str, SearchStrategy[Any]] | None = None
) -> dict[str, SearchStrategy[Any]]:
    """A strategy for each argument of *cls*'s constructor, by argument name.

    Args:
        cls: An attrs class.
        max_size: The most members of each tuple field.
        overrides: Strategies for fields that need a special one, by field name.

    Raises:
        TypeError: An override names no field, or a field's type has no strategy.
    """
    overrides = dict(overrides or {})
    found: dict[str, SearchStrategy[Any]] = {}
    for field in init_fields(cls):
        strategy = overrides.pop(field.name, None)
        if strategy is None:
            strategy = _for_field(cls, field, max_size)
        found[field.alias or field.name] = strategy
    if overrides:
        raise TypeError(f"{cls.__name__} has no field {min(overrides)!r} to override")
    return found


def _for_field(cls: type, field: attrs.Attribute[Any], max_size: int) -> SearchStrategy[Any]:
    strategy = _for_type(hints(cls)[field.name], field.validator, max_size)
    if strategy is None:
        raise TypeError(
            f"govrecords.testing cannot draw {cls.__name__}.{field.name} "
            f"({hints(cls)[field.name]!r}): give the field an override"
        )
    return strategy


def _for_type(annotation: Any, validator: object, max_size: int, size: int | None = None) -> SearchStrategy[Any] | None:
    """The strategy for a value of *annotation* that passes *validator*, or None if there is none.

    *size* is the ``max_size`` for a record inside a tuple; a record on its own
    takes its strategy's default.
    """
    validator = getattr(validator, "validator", validator) if _is_optional(validator) else validator
    annotation, none = without_none(annotation)
    if none:
        inner = _for_type(annotation, validator, max_size, size)
        return None if inner is None else maybe(inner)
    special = _by_validator(validator)
    if special is not None:
        return special
    if typing.get_origin(annotation) is tuple:
        member, *_ = typing.get_args(annotation)
        inner = _for_type(member, getattr(validator, "member_validator", None), max_size, nested(max_size))
        return None if inner is None else tuples(inner, max_size)
    if isinstance(annotation, types.UnionType):  # a date or a range: either
        choices = [_for_type(member, None, max_size, size) for member in typing.get_args(annotation)]
        return None if None in choices else st.one_of(*[choice for choice in choices if choice is not None])
    if typing.get_origin(annotation) is not None or not isinstance(annotation, type):
        return None
    return _for_class(annotation, validator, size)


def _for_class(cls: type[Any], validator: object, size: int | None) -> SearchStrategy[Any] | None:
    if issubclass(cls, enum.Enum):
        members: list[enum.Enum] = list(cls)
        return st.sampled_from(members)
    if attrs.has(cls):
        return strategy_for(cls, size)
    if cls is str:
        return texts()
    if cls is bool:
        return st.booleans()
    return None


def _is_optional(validator: object) -> bool:
    return type(validator).__name__ == "_OptionalValidator"  # attrs' private class


def _by_validator(validator: object) -> SearchStrategy[Any] | None:
    constraint = constraint_of(validator)
    for known, make in BY_CONSTRAINT:
        if constraint is known:
            return make()
    return None
