"""The strategies for values with rules of their own (dates, ranges, spans), and the small helpers.

Records are derived from their fields (:mod:`govrecords.testing._derive`); the
values here need more than a field's type says: a day that exists in its month, a
range that does not end before it starts, a span whose end is not before its start.
"""

from __future__ import annotations

import calendar
import functools
import string
from collections.abc import Callable
from typing import TYPE_CHECKING, ParamSpec, TypeVar, cast

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from govrecords.dates import DateRange, PartialDate, Precision, Relation, When
from govrecords.provenance import Span

if TYPE_CHECKING:
    from hypothesis.strategies import SearchStrategy

T = TypeVar("T")
P = ParamSpec("P")

TEXT_SIZE = 20  # short text keeps nested records fast to draw and to shrink
_CHARACTERS = st.characters(codec="utf-8")  # no lone surrogates: documents are written as UTF-8
_SLUG_PART = st.text(string.ascii_lowercase + string.digits, min_size=1, max_size=8)


def cached(function: Callable[P, T]) -> Callable[P, T]:
    """The same strategy for the same options, as Hypothesis does for its own.

    Records nest, and building their strategies afresh for every draw is slow.
    """
    return cast("Callable[P, T]", functools.cache(function))


def texts(*, min_size: int = 0) -> SearchStrategy[str]:
    """Short text that encodes as UTF-8."""
    return st.text(_CHARACTERS, min_size=min_size, max_size=TEXT_SIZE)


def names() -> SearchStrategy[str]:
    """Text with at least one non-space character, as identifiers and titles need."""
    return texts(min_size=1).filter(lambda text: not text.isspace())


def maybe(strategy: SearchStrategy[T]) -> SearchStrategy[T | None]:
    """None, or a value of *strategy* (None first, so that examples shrink to it)."""
    return st.none() | strategy


def tuples(strategy: SearchStrategy[T], max_size: int) -> SearchStrategy[tuple[T, ...]]:
    """Tuples of at most *max_size* values of *strategy*."""
    return st.lists(strategy, max_size=max_size).map(tuple)


def slugs() -> SearchStrategy[str]:
    """Topic ids: lower-case words of letters and digits joined by hyphens."""
    return st.lists(_SLUG_PART, min_size=1, max_size=3).map("-".join)


def countries() -> SearchStrategy[str]:
    """Two capital letters, as an ISO 3166-1 alpha-2 code is written."""
    return st.text(string.ascii_uppercase, min_size=2, max_size=2)


def hashes() -> SearchStrategy[str]:
    """A well-formed (not necessarily matching) SHA-256 in lower-case hex."""
    return st.binary(min_size=32, max_size=32).map(bytes.hex)


def check_size(name: str, value: int, *, low: int = 0) -> None:
    """Refuse a size that is not a whole number of at least *low*."""
    if type(value) is not int or value < low:
        raise InvalidArgument(f"{name}={value!r} must be a whole number >= {low}")


def nested(max_size: int) -> int:
    """The size of the records a level down: at most one of each, as sizes multiply with depth."""
    return min(max_size, 1)


@cached
def partial_dates(
    *,
    min_year: int = 1,
    max_year: int = 9999,
    min_precision: Precision = Precision.YEAR,
    max_precision: Precision = Precision.MINUTE,
    allow_offsets: bool = True,
) -> SearchStrategy[PartialDate]:
    """Partial dates, each with a precision from *min_precision* to *max_precision*.

    Args:
        min_year: The earliest year drawn (at least 1).
        max_year: The latest year drawn (at most 9999).
        min_precision: The coarsest precision drawn.
        max_precision: The finest precision drawn.
        allow_offsets: Whether dates with an hour may carry a UTC offset.

    Raises:
        hypothesis.errors.InvalidArgument: The bounds are out of range or crossed.

    >>> from hypothesis import find
    >>> find(partial_dates(min_precision=Precision.DAY), lambda date: date.year >= 2013)
    PartialDate(year=2013, month=1, day=1, hour=None, minute=None, utc_offset=None)
    """
    _check_years(min_year, max_year)
    try:
        low, high = Precision(min_precision), Precision(max_precision)
    except ValueError:
        raise InvalidArgument(f"{min_precision=} and {max_precision=} must be Precision members") from None
    if low > high:
        raise InvalidArgument(f"min_precision={low!r} is finer than max_precision={high!r}")
    return _partial_dates(min_year=min_year, max_year=max_year, low=low, high=high, offsets=allow_offsets)


def _check_years(min_year: int, max_year: int) -> None:
    for name, value in (("min_year", min_year), ("max_year", max_year)):
        if type(value) is not int or not 1 <= value <= 9999:
            raise InvalidArgument(f"{name}={value!r} must be a whole number from 1 to 9999")
    if min_year > max_year:
        raise InvalidArgument(f"min_year={min_year} is after max_year={max_year}")


@st.composite
def _partial_dates(
    draw: st.DrawFn, *, min_year: int, max_year: int, low: Precision, high: Precision, offsets: bool
) -> PartialDate:
    precision = draw(st.integers(low, high))
    year = draw(st.integers(min_year, max_year))
    if precision < Precision.MONTH:
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision < Precision.DAY:
        return PartialDate(year, month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    if precision < Precision.HOUR:
        return PartialDate(year, month, day)
    hour = draw(st.integers(0, 23))
    minute = draw(st.integers(0, 59)) if precision >= Precision.MINUTE else None
    offset = draw(maybe(st.integers(-18 * 60, 18 * 60))) if offsets else None
    return PartialDate(year, month, day, hour, minute, offset)


@cached
def date_ranges(*, min_year: int = 1, max_year: int = 9999, allow_open: bool = True) -> SearchStrategy[DateRange]:
    """Date ranges whose end is never before their start.

    Args:
        min_year: The earliest year either end falls in.
        max_year: The latest year either end falls in.
        allow_open: Whether one end may be unknown (``2013/`` or ``/2012-11-06``).

    Raises:
        hypothesis.errors.InvalidArgument: The years are out of range or crossed.
    """
    _check_years(min_year, max_year)
    ends = partial_dates(min_year=min_year, max_year=max_year)
    return _date_ranges(ends, allow_open)


@st.composite
def _date_ranges(draw: st.DrawFn, ends: SearchStrategy[PartialDate], allow_open: bool) -> DateRange:
    start: PartialDate | None = draw(ends)
    end: PartialDate | None = draw(ends)
    assert start is not None  # drawn just above
    assert end is not None
    if end.relation(start) is Relation.BEFORE:
        start, end = end, start  # seen from the other side, "before" becomes "after"
    if allow_open:
        start, end = draw(st.sampled_from([(start, end), (start, None), (None, end)]))
    return DateRange(start, end)


@cached
def whens(*, min_year: int = 1, max_year: int = 9999) -> SearchStrategy[When]:
    """Partial dates and date ranges: the values of a ``date`` or ``dates`` field."""
    return partial_dates(min_year=min_year, max_year=max_year) | date_ranges(min_year=min_year, max_year=max_year)


@cached
def spans(*, max_value: int = 10_000) -> SearchStrategy[Span]:
    """Character spans ``[start, end)`` with ``0 <= start <= end <= max_value``.

    Args:
        max_value: The largest offset, such as the length of the source text.
    """
    check_size("max_value", max_value)
    offsets = st.integers(0, max_value)
    return st.tuples(offsets, offsets).map(lambda pair: Span(min(pair), max(pair)))
