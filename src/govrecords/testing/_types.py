"""What each record field holds, read off its annotation: the record classes, and optional and tuple types.

Nothing here needs Hypothesis, so the entry-point hook can list the record classes
before Hypothesis has finished importing.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Iterator
from typing import Any

import attrs

from govrecords.records import Forum
from govrecords.taxonomy import Taxonomy

ROOTS: tuple[type, ...] = (Forum, Taxonomy)
"""The records that hold every other: a forum, and a taxonomy of topics."""


@functools.cache
def hints(cls: type) -> dict[str, Any]:
    """The resolved type of each field of *cls* (its annotations are strings)."""
    return typing.get_type_hints(cls)


def without_none(annotation: Any) -> tuple[Any, bool]:
    """*annotation* with ``None`` taken out of it, and whether it was there."""
    if not isinstance(annotation, types.UnionType) and typing.get_origin(annotation) is not typing.Union:
        return annotation, False
    members = typing.get_args(annotation)
    rest = [member for member in members if member is not type(None)]
    union: Any = rest[0]
    for member in rest[1:]:
        union = union | member
    return union, len(rest) < len(members)


def named_types(annotation: Any) -> Iterator[type]:
    """Every class *annotation* names, through unions and tuples."""
    if typing.get_origin(annotation) is None and not isinstance(annotation, types.UnionType):
        if isinstance(annotation, type):
            yield annotation
        return
    for member in typing.get_args(annotation):
        yield from named_types(member)


def init_fields(cls: type) -> list[attrs.Attribute[Any]]:
    """The fields of *cls* its constructor takes."""
    every: tuple[attrs.Attribute[Any], ...] = attrs.fields(cls)
    return [field for field in every if field.init]


def record_classes(roots: tuple[type, ...] = ROOTS) -> list[type]:
    """Every attrs class the *roots* hold, at any depth, the roots first.

    >>> [cls.__name__ for cls in record_classes()][:3]
    ['Forum', 'Taxonomy', 'Place']
    """
    found: list[type] = []
    waiting = list(roots)
    while waiting:
        cls = waiting.pop(0)
        if cls in found or not attrs.has(cls):
            continue
        found.append(cls)
        for field in init_fields(cls):
            waiting.extend(named_types(hints(cls)[field.name]))
    return found
