"""Pausing Python's cyclic garbage collector while a large structure is built.

Building hundreds of thousands of objects that all stay in use (a document's records,
a comparison's evidence) sets the collector off again and again, and each full pass
visits every object made so far, and every object the program already held: the
passes cost more than the building. Nothing is freed late for the pause, as every
object made is still in use when the block ends; the collector is turned back on
even when the block raises, and left off if the caller had turned it off.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable, Generator
from contextlib import contextmanager
from typing import ParamSpec, TypeVar

__all__ = ["paused", "pausing"]

_P = ParamSpec("_P")
_R = TypeVar("_R")


@contextmanager
def paused() -> Generator[None, None, None]:
    """Pause the cyclic garbage collector for the block, restoring it after (even on error)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def pausing(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """*function*, run with the collector :func:`paused`."""

    @functools.wraps(function)
    def run(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        with paused():
            return function(*args, **kwargs)

    return run
