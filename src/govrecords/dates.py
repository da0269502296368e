"""Partial dates and date ranges that keep the precision their source had.

Forum records say "2013", "October 2013", "24 October 2013", "6-9 November 2012" or
"[Draft, 13:30 UTC+3, 5 September 2014]". A :class:`PartialDate` keeps exactly the
units the source gave (never a first-of-month it did not say); a :class:`DateRange`
joins two of them, either end possibly unknown.

Each value stands for an *interval of instants*: "2013" is the whole year. Comparison
is therefore a :class:`Relation` between intervals: "2013" is neither before nor after
"24 October 2013", it *contains* it, and :meth:`PartialDate.relation` says so instead
of guessing. For sorting, :meth:`PartialDate.sort_key` gives a total, deterministic
order (earliest instant first, then the more precise value first).

The text forms are EDTF-compatible (ISO 8601-2): ``2013``, ``2013-10``,
``2013-10-24``, ``2014-09-05T13:30+03:00``, and ranges ``2012-11-06/2012-11-09`` with
an empty side for an unknown end (``/2012-11-06``).
"""

from __future__ import annotations

import calendar
import enum
import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any

import attrs

from govrecords.errors import DateParseError

__all__ = [
    "DateRange",
    "PartialDate",
    "Precision",
    "Relation",
    "When",
    "when_from_iso",
]


class Precision(enum.IntEnum):
    """How much of a date the source gave."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    HOUR = 4
    MINUTE = 5


class Relation(enum.Enum):
    """How two dates (as intervals of time) relate."""

    BEFORE = "before"
    """Entirely earlier than the other."""
    AFTER = "after"
    """Entirely later than the other."""
    EQUAL = "equal"
    """The same interval."""
    WITHIN = "within"
    """Inside the other (a day within its year)."""
    CONTAINS = "contains"
    """Holds the other inside it (a year containing one of its days)."""
    OVERLAPS = "overlaps"
    """Partly shared; neither holds the other, so neither is before the other."""

    def mirror(self) -> Relation:
        """The relation seen from the other side.

        >>> Relation.WITHIN.mirror()
        <Relation.CONTAINS: 'contains'>
        """
        return _MIRROR[self]


_MIRROR = {
    Relation.BEFORE: Relation.AFTER,
    Relation.AFTER: Relation.BEFORE,
    Relation.EQUAL: Relation.EQUAL,
    Relation.WITHIN: Relation.CONTAINS,
    Relation.CONTAINS: Relation.WITHIN,
    Relation.OVERLAPS: Relation.OVERLAPS,
}

_MIN = datetime.min
_MAX = datetime.max


def _check_year(instance: PartialDate, attribute: attrs.Attribute[int], value: int) -> None:
    if type(value) is not int or not 1 <= value <= 9999:
        raise ValueError(f"{attribute.name} must be a whole number from 1 to 9999, got {value!r}")


def _in_range(low: int, high: int) -> Callable[[object, attrs.Attribute[int | None], int | None], None]:
    def check(instance: object, attribute: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None and (type(value) is not int or not low <= value <= high):
            raise ValueError(f"{attribute.name} must be a whole number from {low} to {high}, got {value!r}")

    return check


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date with only the units its source gave.

    Args:
        year: The year, 1-9999.
        month: The month, 1-12, or None when the source gave only a year.
        day: The day of the month, or None.
        hour: The hour, 0-23, or None.
        minute: The minute, 0-59, or None.
        utc_offset: The offset from UTC in minutes, when the source gave a zone.

    Raises:
        ValueError: An impossible date (``PartialDate(2013, 2, 30)``), or a unit given
            without the larger one (a day without a month). The message names the field.

    >>> PartialDate(2013, 10, 24).precision
    <Precision.DAY: 3>
    >>> str(PartialDate(2014, 9, 5, 13, 30, utc_offset=180))
    '2014-09-05T13:30+03:00'
    """

    year: int = attrs.field(validator=_check_year)
    month: int | None = attrs.field(default=None, validator=_in_range(1, 12))
    day: int | None = attrs.field(default=None, validator=_in_range(1, 31))
    hour: int | None = attrs.field(default=None, validator=_in_range(0, 23))
    minute: int | None = attrs.field(default=None, validator=_in_range(0, 59))
    utc_offset: int | None = attrs.field(default=None, validator=_in_range(-18 * 60, 18 * 60))

    def __attrs_post_init__(self) -> None:
        for small, large in (("month", "year"), ("day", "month"), ("hour", "day"), ("minute", "hour")):
            if getattr(self, small) is not None and getattr(self, large) is None:
                raise ValueError(f"{small} is given but {large} is not")
        if self.utc_offset is not None and self.hour is None:
            raise ValueError("utc_offset is given but hour is not")
        if self.day is not None and self.month is not None:
            last = calendar.monthrange(self.year, self.month)[1]
            if self.day > last:
                raise ValueError(
                    f"day {self.day} is out of range for {calendar.month_name[self.month]} "
                    f"{self.year} (it has {last} days)"
                )

    @property
    def precision(self) -> Precision:
        """The smallest unit the date gives."""
        if self.month is None:
            return Precision.YEAR
        if self.day is None:
            return Precision.MONTH
        if self.hour is None:
            return Precision.DAY
        if self.minute is None:
            return Precision.HOUR
        return Precision.MINUTE

    def bounds(self) -> tuple[datetime, datetime]:
        """The half-open interval ``[start, end)`` of instants the date stands for.

        Offsets are applied, so times compare in UTC; a date without an offset is
        taken as UTC. This keeps one total order over all dates; a source that gives
        local times without a zone is compared as written.

        >>> PartialDate(2013).bounds()
        (datetime.datetime(2013, 1, 1, 0, 0), datetime.datetime(2014, 1, 1, 0, 0))
        """
        year, month, day = self.year, self.month or 1, self.day or 1
        start = datetime(year, month, day, self.hour or 0, self.minute or 0)
        precision = self.precision
        if precision is Precision.YEAR:
            end = datetime(year + 1, 1, 1) if year < 9999 else _MAX
        elif precision is Precision.MONTH:
            end = datetime(year + month // 12, month % 12 + 1, 1) if (year, month) != (9999, 12) else _MAX
        else:
            step = {
                Precision.DAY: timedelta(days=1),
                Precision.HOUR: timedelta(hours=1),
                Precision.MINUTE: timedelta(minutes=1),
            }[precision]
            end = start + step if start < _MAX - step else _MAX
        if self.utc_offset:
            shift = timedelta(minutes=self.utc_offset)
            start, end = _shift(start, shift), _shift(end, shift)
        return start, end

    def relation(self, other: When) -> Relation:
        """How this date relates to *other*, precision-aware.

        Compared in whole minutes of UTC, so the relation is exact even at the
        calendar's edges, where :meth:`bounds` must clip to :attr:`datetime.datetime.max`.

        >>> PartialDate(2013).relation(PartialDate(2013, 10, 24))
        <Relation.CONTAINS: 'contains'>
        >>> PartialDate(2012, 11).relation(PartialDate(2013))
        <Relation.BEFORE: 'before'>
        """
        return _relation(self.minutes(), other.minutes())

    def minutes(self) -> tuple[int, int]:
        """The half-open interval of :meth:`bounds` in whole minutes since 0001-01-01 UTC, never clipped.

        >>> PartialDate(1, 1, 1).minutes()
        (0, 1440)
        >>> PartialDate(9999, 12, 31, 10, 0, utc_offset=-18 * 60).minutes()[0] > PartialDate(9999).minutes()[1]
        True
        """
        month, day = self.month or 1, self.day or 1
        first = (date(self.year, month, day).toordinal() - 1) * _DAY
        start = first + (self.hour or 0) * 60 + (self.minute or 0)
        precision = self.precision
        if precision is Precision.YEAR:
            end = date(self.year, 12, 31).toordinal() * _DAY
        elif precision is Precision.MONTH:
            end = date(self.year, month, calendar.monthrange(self.year, month)[1]).toordinal() * _DAY
        else:
            end = start + {Precision.DAY: _DAY, Precision.HOUR: 60, Precision.MINUTE: 1}[precision]
        shift = self.utc_offset or 0
        return start - shift, end - shift

    def sort_key(self) -> tuple[datetime, datetime]:
        """A key giving a total, deterministic order: earliest first, then narrowest."""
        return self.bounds()

    def isoformat(self) -> str:
        """The EDTF/ISO 8601 text of the date, with exactly its precision."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        if self.hour is not None:
            text += f"T{self.hour:02d}"
            if self.minute is not None:
                text += f":{self.minute:02d}"
            if self.utc_offset is not None:
                text += _format_offset(self.utc_offset)
        return text

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read the strict text form written by :meth:`isoformat`.

        Raises:
            DateParseError: The text is not in that form, or names an impossible date.
        """
        match = _ISO.fullmatch(text)
        if match is None:
            raise DateParseError("not a partial date of the form YYYY[-MM[-DD[THH[:MM][±HH:MM]]]]", text)
        year, month, day, hour, minute, offset = match.groups()
        try:
            return cls(
                int(year),
                _opt_int(month),
                _opt_int(day),
                _opt_int(hour),
                _opt_int(minute),
                _parse_offset(offset) if offset else None,
            )
        except ValueError as error:
            raise DateParseError(str(error), text) from None


def _shift(moment: datetime, shift: timedelta) -> datetime:
    if moment in (_MIN, _MAX):
        return moment
    try:
        return moment - shift
    except OverflowError:
        return _MIN if shift > timedelta(0) else _MAX


_DAY = 24 * 60
# Beyond any date's minutes, even with the largest offsets: the open ends of a range.
_NO_START = -_DAY
_NO_END = (date.max.toordinal() + 1) * _DAY


def _relation(a: tuple[int, int], b: tuple[int, int]) -> Relation:
    a_lo, a_hi = a
    b_lo, b_hi = b
    if a == b:
        return Relation.EQUAL
    if a_hi <= b_lo:
        return Relation.BEFORE
    if b_hi <= a_lo:
        return Relation.AFTER
    if b_lo <= a_lo and a_hi <= b_hi:
        return Relation.WITHIN
    if a_lo <= b_lo and b_hi <= a_hi:
        return Relation.CONTAINS
    return Relation.OVERLAPS


def _opt_int(text: str | None) -> int | None:
    return None if text is None else int(text)


def _format_offset(minutes: int) -> str:
    if minutes == 0:
        return "Z"
    sign = "+" if minutes > 0 else "-"
    hours, mins = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{mins:02d}"


def _parse_offset(text: str) -> int:
    """An offset ``Z``, ``+HH:MM`` or ``-HH:MM`` in minutes.

    Raises:
        ValueError: The minutes are over 59 (``+05:75`` is not ``+06:15``).
    """
    if text == "Z":
        return 0
    sign = 1 if text[0] == "+" else -1
    hours, _, mins = text[1:].partition(":")
    if int(mins or 0) > 59:
        raise ValueError(f"the UTC offset {text} has {int(mins)} minutes; minutes run from 00 to 59")
    return sign * (int(hours) * 60 + int(mins or 0))


_ISO_TEXT = r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?)?)?"
_ISO = re.compile(_ISO_TEXT, re.ASCII)
_ISO_RANGE = re.compile(f"(?:{_ISO_TEXT})?/(?:{_ISO_TEXT})?", re.ASCII)


def _check_end(instance: DateRange, attribute: attrs.Attribute[PartialDate | None], value: object) -> None:
    if value is not None and not isinstance(value, PartialDate):
        raise TypeError(f"{attribute.name} must be a PartialDate or None, got {value!r}")


@attrs.frozen(order=False)
class DateRange:
    """A span of time between two partial dates, either end possibly unknown.

    ``DateRange(None, end)`` says "no later than *end*": the only thing a source
    knows about a meeting whose report "will be reported to the IGF Baku".

    Args:
        start: The first day (or hour...) of the span, or None when unknown.
        end: The last one, inclusive, or None when unknown.

    Raises:
        ValueError: Both ends are unknown, or the span ends before it starts.

    >>> str(DateRange(PartialDate(2012, 11, 6), PartialDate(2012, 11, 9)))
    '2012-11-06/2012-11-09'
    """

    start: PartialDate | None = attrs.field(validator=_check_end)
    end: PartialDate | None = attrs.field(validator=_check_end)

    def __attrs_post_init__(self) -> None:
        if self.start is None and self.end is None:
            raise ValueError("a date range needs at least one of start and end")
        if self.start is not None and self.end is not None and self.end.relation(self.start) is Relation.BEFORE:
            raise ValueError(f"end {self.end} is before start {self.start}")

    def bounds(self) -> tuple[datetime, datetime]:
        """The half-open interval of instants the range may cover (open ends unbounded)."""
        low = self.start.bounds()[0] if self.start is not None else _MIN
        high = self.end.bounds()[1] if self.end is not None else _MAX
        return low, high

    def relation(self, other: When) -> Relation:
        """How this range relates to *other* (see :meth:`PartialDate.relation`)."""
        return _relation(self.minutes(), other.minutes())

    def minutes(self) -> tuple[int, int]:
        """The interval of :meth:`bounds` in whole minutes (see :meth:`PartialDate.minutes`); open ends unbounded."""
        low = self.start.minutes()[0] if self.start is not None else _NO_START
        high = self.end.minutes()[1] if self.end is not None else _NO_END
        return low, high

    def sort_key(self) -> tuple[datetime, datetime]:
        """A key giving a total, deterministic order (see :meth:`PartialDate.sort_key`)."""
        return self.bounds()

    def isoformat(self) -> str:
        """The EDTF interval text; an unknown end is left empty."""
        start = self.start.isoformat() if self.start is not None else ""
        end = self.end.isoformat() if self.end is not None else ""
        return f"{start}/{end}"

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, text: str) -> DateRange:
        """Read the strict text form written by :meth:`isoformat`.

        Raises:
            DateParseError: The text is not an interval of partial dates.
        """
        left, sep, right = text.partition("/")
        if not sep:
            raise DateParseError("a date range needs a '/' between its ends", text)
        start = PartialDate.fromisoformat(left) if left else None
        end = PartialDate.fromisoformat(right) if right else None
        try:
            return cls(start, end)
        except ValueError as error:
            raise DateParseError(str(error), text) from None


def is_iso_text(text: str) -> bool:
    """Whether *text* is already in the strict EDTF form of a date or range."""
    return _ISO.fullmatch(text) is not None or _ISO_RANGE.fullmatch(text) is not None


When = PartialDate | DateRange
"""A single partial date or a range: what a forum or session date can be."""

optional_when: Any = attrs.validators.optional(attrs.validators.instance_of((PartialDate, DateRange)))
"""The attrs validator of a record's date field: None, a partial date or a range."""


def when_from_iso(text: str) -> When:
    """Read either strict text form: a range if it holds a ``/``, else a date.

    >>> when_from_iso("2012-11-06/2012-11-09").end
    PartialDate(year=2012, month=11, day=9, hour=None, minute=None, utc_offset=None)
    """
    if "/" in text:
        return DateRange.fromisoformat(text)
    return PartialDate.fromisoformat(text)
