"""Building attrs records from values already known to be valid, without running their validators again.

A comparison builds tens of thousands of small records (a piece of evidence per
tagged part of every session, a reference per recommendation, a match per pair)
from fields of records that were validated when they were made. Running every
field's validator again on each costs more than the building. A class that the
comparison builds that often has a private ``_trusted`` constructor: it sets each
slot through the slot's own setter (a frozen class refuses ``setattr``), exactly as
the class's ``__init__`` would, and skips the validators. Only the library's own
code calls it, with values taken from validated records; its tests check that it
builds exactly what ``__init__`` builds.

:func:`slot_setters` gives those setters, and refuses a class the shortcut would
build differently from ``__init__``: one whose fields are not the ones named, in
order, or that converts a value, or that checks anything after ``__init__``.
"""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any

import attrs

from govrecords.provenance import Span

__all__ = ["slot_setter", "slot_setters", "trusted_span"]

Setter = Callable[[Any, Any], None]


def slot_setter(cls: type, name: str) -> Setter | None:
    """The setter of the slot that holds *cls*'s attribute *name*, or None if no slot holds it.

    The slot is looked up as attribute access finds it: in the first class of the
    method resolution order that defines *name*. A slot's own setter is the quickest
    way to fill a frozen instance, which refuses ``setattr``.
    """
    for klass in cls.__mro__:
        found = vars(klass).get(name)
        if isinstance(found, types.MemberDescriptorType):
            setter: Setter = found.__set__
            return setter
        if found is not None:
            return None
    return None


def slot_setters(cls: type, names: tuple[str, ...]) -> tuple[Setter, ...]:
    """The slot setters of the attrs class *cls*'s fields *names*: every field, in order.

    Raises:
        TypeError: *names* are not all of *cls*'s fields in order, a field has a
            converter or is left out of ``__init__``, *cls* has an
            ``__attrs_post_init__``, or a field is not a slot.
    """
    fields = attrs.fields(cls)
    if tuple(field.name for field in fields) != names:
        raise TypeError(f"{cls.__name__}: its fields are {[f.name for f in fields]}, not {list(names)}")
    if any(field.converter is not None or not field.init for field in fields):
        raise TypeError(f"{cls.__name__}: a field is converted or left out of __init__")
    if hasattr(cls, "__attrs_post_init__"):
        raise TypeError(f"{cls.__name__}: it checks its values after __init__")
    setters: list[Setter] = []
    for name in names:
        setter = slot_setter(cls, name)
        if setter is None:
            raise TypeError(f"{cls.__name__}.{name} is not a slot")
        setters.append(setter)
    return tuple(setters)


_new = object.__new__
_set_start: Setter = vars(Span)["start"].__set__
_set_end: Setter = vars(Span)["end"].__set__


def trusted_span(start: int, end: int) -> Span:
    """``Span(start, end)`` of whole numbers known to be valid (``0 <= start <= end``), not validated again.

    What :class:`~govrecords.provenance.Span`'s validators and ``__attrs_post_init__``
    check is exactly ``0 <= start <= end`` on two ints; a caller that has just tested
    that (a document's reader) or made the offsets itself (an importer) builds the
    span here, without paying for the checks a second time.
    """
    span: Span = _new(Span)
    _set_start(span, start)
    _set_end(span, end)
    return span
