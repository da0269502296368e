"""Tests for govrecords._validators: the checks the record classes share.

Each check accepts what it should, refuses what it should with a ValueError that
names the field, and the records use these checks rather than copies of them.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from govrecords import _validators as v
from govrecords.provenance import SourceDocument, Span
from govrecords.records import Participant, Place
from govrecords.serialisation.limits import Limits
from govrecords.taxonomy import Topic


@attrs.frozen
class Probe:
    """A record with one field of each shared check."""

    name: Any = attrs.field(default="x", validator=v.non_empty)
    country: Any = attrs.field(default=None, validator=v.country)
    sha256: Any = attrs.field(default="0" * 64, validator=v.sha256)
    topic: Any = attrs.field(default=None, validator=v.topic_id)
    count: Any = attrs.field(default=0, validator=v.count)
    pages: Any = attrs.field(default=None, validator=v.opt_count)
    ids: Any = attrs.field(default=(), validator=v.ids)


BAD: dict[str, list[Any]] = {
    "name": ["", "  \t", None, 3],
    "country": ["az", "AZE", "", 1],
    "sha256": ["0" * 63, "A" * 64, None],
    "topic": ["Privacy", "a--b", "-a", ""],
    "count": [-1, True, 1.0, None],
    "pages": [-1, False, "2"],
    "ids": [("",), ["a"], (" ",)],
}
GOOD: dict[str, list[Any]] = {
    "name": ["x", " a "],
    "country": [None, "AZ"],
    "sha256": ["ab" * 32],
    "topic": [None, "privacy", "a-b-2"],
    "count": [0, 10**9],
    "pages": [None, 0, 1],
    "ids": [(), ("a", "b c")],
}


@pytest.mark.parametrize(("field", "value"), [(f, x) for f, xs in BAD.items() for x in xs])
def test_each_check_refuses_and_names_the_field(field: str, value: object) -> None:
    """A bad value is refused with a ValueError naming the field (a wrong tuple type with a TypeError)."""
    with pytest.raises((ValueError, TypeError), match=field):
        Probe(**{field: value})


@pytest.mark.parametrize(("field", "value"), [(f, x) for f, xs in GOOD.items() for x in xs])
def test_each_check_accepts_good_values(field: str, value: object) -> None:
    """A good value builds."""
    assert getattr(Probe(**{field: value}), field) == value


def test_the_records_use_the_shared_checks() -> None:
    """The records check with the shared rules, not copies: the same value is refused the same way."""
    for make in (lambda: Participant(" "), lambda: Place(country="az"), lambda: Topic("Bad Id", "x")):
        with pytest.raises(ValueError, match="must be"):
            make()
    with pytest.raises(ValueError, match="whole number >= 0"):
        Span(-1, 0)
    with pytest.raises(ValueError, match="whole number >= 1"):
        Limits(max_depth=0)
    with pytest.raises(ValueError, match="64 lower-case hex digits"):
        SourceDocument("d", "X" * 64)
