"""The garbage collector is paused while large structures are built, and always left as it was.

``loads``, ``dumps``, ``compare`` and ``timeline`` pause Python's cyclic collector
(:mod:`govrecords._collector`); whatever happens inside, the caller gets the collector
back in the state it was in.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from govrecords import ValidationError, compare, examples, timeline
from govrecords._collector import paused, pausing


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    try:
        yield
    finally:
        (gc.enable if was else gc.disable)()


def test_paused_turns_it_off_inside_and_back_on_after_an_error(collector_on: None) -> None:
    """Off inside the block; on again after it, also when the block raises."""
    with paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), paused():
        raise RuntimeError
    assert gc.isenabled()


def test_paused_leaves_it_off_when_the_caller_turned_it_off(collector_on: None) -> None:
    """A caller that turned it off keeps it off (a pause inside a pause changes nothing)."""
    gc.disable()
    with paused():
        with paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert not gc.isenabled()


def test_pausing_keeps_the_function_s_name_documentation_and_result(collector_on: None) -> None:
    """A function run paused answers as itself."""

    def add(a: int, b: int = 1) -> int:
        """Add."""
        assert not gc.isenabled()
        return a + b

    wrapped = pausing(add)
    assert (wrapped(2), wrapped(2, b=3)) == (3, 5)
    assert (wrapped.__name__, wrapped.__doc__, wrapped.__wrapped__) == ("add", "Add.", add)  # type: ignore[attr-defined]  # set by functools.wraps
    assert gc.isenabled()


def _compare(forums: list[Any]) -> object:
    return compare(forums[0], forums[1])


@pytest.mark.parametrize("run", [_compare, timeline], ids=["compare", "timeline"])
def test_comparisons_leave_the_collector_as_it_was(collector_on: None, run: Callable[[list[Any]], object]) -> None:
    """compare and timeline give the collector back on, also after refusing their input; off stays off."""
    forums: list[Any] = [examples.load(name) for name in examples.names()]
    run(forums)
    assert gc.isenabled()
    with pytest.raises(ValidationError):
        run([forums[0], 7])
    assert gc.isenabled()
    gc.disable()
    run(forums)
    assert not gc.isenabled()
