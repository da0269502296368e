"""The comparison's private ``_trusted`` constructors build exactly what ``__init__`` builds.

The comparison builds record references, evidence, recommendation references, links and matches from
values already validated, without running the validators again
(:mod:`govrecords._trusted`). Under Hypothesis, each ``_trusted`` given the values of
an instance built by ``__init__`` gives an equal instance of the same class, holding
the very same values, with the same hash and sort key; given only the arguments
without a default, it fills in the same defaults. :func:`~govrecords._trusted.slot_setters`
refuses a class the shortcut would build differently.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords._trusted import slot_setter, slot_setters
from govrecords.comparison import (
    Evidence,
    EvidenceKind,
    MatchKind,
    RecommendationLink,
    RecommendationMatch,
    RecommendationRef,
    RecordKind,
    RecordRef,
)
from govrecords.testing._derive import derive

TRUSTED: tuple[type[Any], ...] = (RecordRef, Evidence, RecommendationRef, RecommendationLink, RecommendationMatch)


def _same(built: Any, trusted: Any) -> None:
    assert type(trusted) is type(built)
    assert trusted == built
    assert hash(trusted) == hash(built)
    for field in attrs.fields(type(built)):
        assert getattr(trusted, field.name) is getattr(built, field.name), field.name
    if hasattr(built, "key"):
        assert trusted.key() == built.key()
    assert repr(trusted) == repr(built)


@pytest.mark.parametrize("cls", TRUSTED, ids=lambda cls: cls.__name__)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_trusted_builds_what_init_builds(cls: type[Any], data: st.DataObject) -> None:
    """The same values give an equal instance holding the same objects."""
    built = data.draw(derive(cls))
    values = [getattr(built, field.name) for field in attrs.fields(cls)]
    _same(built, cls._trusted(*values))


def test_trusted_fills_in_the_same_defaults() -> None:
    """Given only the arguments without a default, the defaults are __init__'s."""
    ref = RecordRef(RecordKind.SESSION, "s", "S", "f")
    _same(ref, RecordRef._trusted(RecordKind.SESSION, "s", "S", "f"))
    _same(Evidence(EvidenceKind.FINDING, ref, "x"), Evidence._trusted(EvidenceKind.FINDING, ref, "x"))
    _same(RecommendationRef(ref, "x"), RecommendationRef._trusted(ref, "x"))
    after = (RecommendationRef(ref, "x"),)
    _same(RecommendationMatch(MatchKind.NEW, (), after), RecommendationMatch._trusted(MatchKind.NEW, (), after))


def test_slot_setters_refuse_a_class_built_otherwise() -> None:
    """Fields named out of order or left out, a converter, a check after __init__, no slots: refused."""

    @attrs.frozen
    class Plain:
        a: int
        b: int = 0

    assert len(slot_setters(Plain, ("a", "b"))) == 2
    with pytest.raises(TypeError, match="fields"):
        slot_setters(Plain, ("b", "a"))
    with pytest.raises(TypeError, match="fields"):
        slot_setters(Plain, ("a",))

    @attrs.frozen
    class Converted:
        a: int = attrs.field(converter=int)

    with pytest.raises(TypeError, match="converted"):
        slot_setters(Converted, ("a",))

    @attrs.frozen
    class Checked:
        a: int

        def __attrs_post_init__(self) -> None:
            pass

    with pytest.raises(TypeError, match="after __init__"):
        slot_setters(Checked, ("a",))

    @attrs.frozen(slots=False)
    class Unslotted:
        a: int

    with pytest.raises(TypeError, match="not a slot"):
        slot_setters(Unslotted, ("a",))


def test_slot_setter_finds_the_slot_attribute_access_finds() -> None:
    @attrs.frozen
    class Base:
        a: int

    @attrs.frozen
    class Child(Base):
        b: int

    child = object.__new__(Child)
    for name, value in (("a", 1), ("b", 2)):
        setter = slot_setter(Child, name)
        assert setter is not None
        setter(child, value)
    assert child == Child(1, 2)
    assert slot_setters(Child, ("a", "b"))  # an inherited slot is a slot

    class Shadowed(Child):
        __slots__ = ()
        a = property(lambda self: 0)  # found before the slot: no slot holds "a" any more

    assert slot_setter(Shadowed, "a") is None
    assert slot_setter(Child, "missing") is None
