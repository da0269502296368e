"""The parts of a date read from text: a range's two sides, completed from each other and checked into dates.

:mod:`govrecords.dateparse` reads a text into items, each tagged with what it
stands for (a year, a month, a day, a time, an offset, a weekday named, a
separator). Here the items are gathered into the sides of a range
(:func:`split_range`); the larger units one side leaves out are taken from the
other (:func:`fill`, and :func:`merge` for a date followed by its time); and each
side becomes a :class:`~govrecords.dates.PartialDate`, checked against the
weekday the text named (:func:`finish`), with an IANA zone's offset on the day
(:func:`zoned`).

>>> sides = split_range([("day", 6), ("sep", "-"), ("day", 9), ("month", 11), ("year", 2012)], "6-9 November 2012")
>>> fill(sides[0], sides[1])
>>> [str(finish(side, None, "6-9 November 2012")) for side in sides]
['2012-11-06', '2012-11-09']
"""

from __future__ import annotations

import calendar
from datetime import datetime, tzinfo

import attrs

from govrecords._date_words import WEEKDAY_NAMES
from govrecords.dates import PartialDate
from govrecords.errors import DateParseError

__all__ = ["Item", "Parts", "fill", "finish", "merge", "split_range", "zoned"]


@attrs.define
class Parts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    offset: int | None = None
    weekday: int | None = None  # as named in the text (Monday is 0), checked against the date

    def has_date(self) -> bool:
        return self.year is not None or self.month is not None or self.day is not None

    def has_time(self) -> bool:
        return self.hour is not None


Item = tuple[str, object]  # ("year"|"month"|"day"|"time"|"offset"|"sep", value)


def split_range(items: list[Item], text: str) -> list[Parts]:
    sides: list[Parts] = [Parts()]
    for kind, value in items:
        current = sides[-1]
        if kind == "sep":
            if _is_empty(current):
                continue  # "from 14th ..." or a stray leading dash
            if len(sides) == 2:
                raise DateParseError("more than two dates", text)
            sides.append(Parts())
            continue
        if kind == "offset":
            current.offset = value  # type: ignore[assignment]  # items are typed by their kind tag
            continue
        if kind == "weekday":
            if current.weekday is None:
                current.weekday = value  # type: ignore[assignment]  # items are typed by their kind tag
            continue
        if kind == "time" and current.hour is not None:
            # "14:00 16:00": the dash between two times was lost.
            if len(sides) == 2:
                raise DateParseError("more than two times", text)
            sides.append(Parts())
            current = sides[-1]
        slot = "hour" if kind == "time" else kind
        if getattr(current, slot) is not None:
            if len(sides) == 2:
                raise DateParseError(f"more than one {slot} on one side of a range", text)
            sides.append(Parts())
            current = sides[-1]
        if kind == "time":
            current.hour, current.minute = value  # type: ignore[misc]  # items are typed by their kind tag
        else:
            setattr(current, kind, value)
    sides = [side for side in sides if not _is_empty(side)]
    if not sides:
        raise DateParseError("no date found", text)
    return sides


def _is_empty(parts: Parts) -> bool:
    return not parts.has_date() and not parts.has_time() and parts.offset is None


def fill(target: Parts, source: Parts) -> None:
    # Larger units missing on one side come from the other side ("6-9 November 2012").
    if target.has_date() or not target.has_time():
        for unit in ("year", "month", "day"):
            if getattr(target, unit) is None and getattr(source, unit) is not None:
                # Only fill a unit when every larger one is also missing or equal.
                setattr(target, unit, getattr(source, unit))
    else:
        # A bare time on one side ("17:00 - 17:45") takes the whole date of the other.
        target.year, target.month, target.day = source.year, source.month, source.day
    if target.offset is None and target.has_time():
        target.offset = source.offset


def merge(target: Parts, source: Parts) -> None:
    target.hour, target.minute = source.hour, source.minute
    if source.offset is not None:
        target.offset = source.offset


def finish(parts: Parts, default: PartialDate | None, text: str) -> PartialDate:
    if default is not None:
        units = ("year", "month", "day")
        for index, unit in enumerate(units):
            smaller_given = any(getattr(parts, u) is not None for u in units[index + 1 :]) or parts.has_time()
            if getattr(parts, unit) is None and smaller_given:
                setattr(parts, unit, getattr(default, unit))
    if parts.year is None:
        raise DateParseError("no year given (pass default= to supply one)", text)
    if parts.hour is not None and parts.day is None:
        raise DateParseError("a time without a day", text)
    if parts.offset is not None and parts.hour is None:
        parts.offset = None  # a zone with no time says nothing about the day
    try:
        date = PartialDate(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.offset)
    except ValueError as error:
        raise DateParseError(str(error), text) from None
    if parts.weekday is not None and parts.month is not None and parts.day is not None:
        actual = calendar.weekday(parts.year, parts.month, parts.day)
        if actual != parts.weekday:
            # Precision before recall: a weekday that contradicts the date means one of them is wrong.
            raise DateParseError(
                f"{date.isoformat()} is a {WEEKDAY_NAMES[actual]}, not a {WEEKDAY_NAMES[parts.weekday]}", text
            )
    return date


def zoned(date: PartialDate, zone: tzinfo) -> PartialDate:
    """*date* with the offset *zone* has at that moment, if it has a time and no offset of its own."""
    if date.hour is None or date.utc_offset is not None or date.day is None or date.month is None:
        return date
    offset = zone.utcoffset(datetime(date.year, date.month, date.day, date.hour, date.minute or 0))
    if offset is None:
        return date
    return attrs.evolve(date, utc_offset=int(offset.total_seconds()) // 60)
