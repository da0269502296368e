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
from datetime import datetime, timedelta
from collections.abc import Callable
from typing import Literal

import attrs

from govrecords.errors import DateParseError

__all__ = [
    "DateRange",
    "PartialDate",
    "Precision",
    "Relation",
    "When",
    "parse_date",
    "parse_when",
    "when_from_iso",
]


class Precision(enum.IntEnum):
    """How much of a date the source gave.

    .. versionadded:: 0.1.0
    """

    YEAR = 1
    MONTH = 2
    DAY = 3
    HOUR = 4
    MINUTE = 5


class Relation(enum.Enum):
    """How two dates (as intervals of time) relate.

    .. versionadded:: 0.1.0
    """

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

    .. versionadded:: 0.1.0
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

        >>> PartialDate(2013).relation(PartialDate(2013, 10, 24))
        <Relation.CONTAINS: 'contains'>
        >>> PartialDate(2012, 11).relation(PartialDate(2013))
        <Relation.BEFORE: 'before'>
        """
        return _relation(self.bounds(), other.bounds())

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


def _relation(a: tuple[datetime, datetime], b: tuple[datetime, datetime]) -> Relation:
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
    if text == "Z":
        return 0
    sign = 1 if text[0] == "+" else -1
    hours, _, mins = text[1:].partition(":")
    return sign * (int(hours) * 60 + int(mins or 0))


_ISO_TEXT = r"(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:\d{2})?)?)?)?"
_ISO = re.compile(_ISO_TEXT, re.ASCII)
_ISO_RANGE = re.compile(f"(?:{_ISO_TEXT})?/(?:{_ISO_TEXT})?", re.ASCII)


def _check_end(instance: DateRange, attribute: attrs.Attribute[PartialDate | None], value: PartialDate | None) -> None:
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

    .. versionadded:: 0.1.0
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
        return _relation(self.bounds(), other.bounds())

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


When = PartialDate | DateRange
"""A single partial date or a range: what a forum or session date can be."""


def when_from_iso(text: str) -> When:
    """Read either strict text form: a range if it holds a ``/``, else a date.

    >>> when_from_iso("2012-11-06/2012-11-09").end
    PartialDate(year=2012, month=11, day=9, hour=None, minute=None, utc_offset=None)
    """
    if "/" in text:
        return DateRange.fromisoformat(text)
    return PartialDate.fromisoformat(text)


# ---------------------------------------------------------------------------
# Reading the dates forum documents write.

_MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): number for number, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower() for name in calendar.day_name} | {name.lower() for name in calendar.day_abbr}

# Zone abbreviations seen in forum records, with their offsets in minutes. An
# abbreviation names an offset in use, so the offset is exact for the document.
ZONES: dict[str, int] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "wet": 0,
    "west": 60,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "ast": 180,
    "gst": 240,
    "pkt": 300,
    "ist": 330,
    "wib": 420,
    "ict": 420,
    "wita": 480,
    "cst": 480,
    "sgt": 480,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "nzst": 720,
    "brt": -180,
    "art": -180,
    "edt": -240,
    "est": -300,
    "cdt": -300,
    "mdt": -360,
    "pdt": -420,
    "pst": -480,
    "azt": 240,
}

# One linear pass: alternatives without nested quantifiers, so no backtracking blow-up.
_TOKEN = re.compile(
    r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>[-+/.,|()\[\]:;])",
    re.UNICODE,
)
_ORDINALS = {"st", "nd", "rd", "th"}
_RANGE_WORDS = {"to", "until", "till", "through", "and"}
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2012": "-", "\u2212": "-", "\u00a0": " "})

NumericOrder = Literal["DMY", "MDY", "YMD"]


@attrs.define
class _Parts:
    year: int | None = None
    month: int | None = None
    day: int | None = None
    hour: int | None = None
    minute: int | None = None
    offset: int | None = None

    def has_date(self) -> bool:
        return self.year is not None or self.month is not None or self.day is not None

    def has_time(self) -> bool:
        return self.hour is not None


def parse_date(
    text: str,
    *,
    default: PartialDate | None = None,
    numeric_order: NumericOrder = "DMY",
) -> PartialDate:
    """Read one partial date as forum documents write it.

    Args:
        text: The text, e.g. ``"24 October 2013"`` or ``"[Draft, 13:30 UTC+3, 5 September 2014]"``.
        default: Supplies the larger units the text leaves out (a year for
            ``"Monday, December 18"``, a day for ``"1130"``).
        numeric_order: How to read all-number dates such as ``12.09.2022``.

    Returns:
        The date, with exactly the precision the text gave.

    Raises:
        DateParseError: The text holds no date, a range, or an impossible one.

    >>> parse_date("October 2013")
    PartialDate(year=2013, month=10, day=None, hour=None, minute=None, utc_offset=None)

    .. versionadded:: 0.1.0
    """
    when = parse_when(text, default=default, numeric_order=numeric_order)
    if isinstance(when, DateRange):
        raise DateParseError("expected one date but found a range", text)
    return when


def parse_when(
    text: str,
    *,
    default: PartialDate | None = None,
    numeric_order: NumericOrder = "DMY",
) -> When:
    """Read a date or a date range as forum documents write it.

    Understands day-month ranges (``"6-9 November 2012"``, ``"27th -29th July 2011"``,
    ``"from 14th to 16th October 2009"``), times and zones (``"20 June 2023 | 17:00 -
    17:45 EEST"``), stamps (``"[Draft, 13:30 UTC+3, 5 September 2014]"``), damaged
    forms (``"Thursday, 12 November 2015, 14:00 16:00"``, a lost dash) and numeric
    forms (``"12.09.2022 - 31.10.2022"``, en dash or hyphen, ``"03-Feb-2022"``). Words that are not
    part of a date (labels, weekdays, "Draft") are passed over.

    Args:
        text: The text to read.
        default: Supplies the larger units the text leaves out.
        numeric_order: How to read all-number dates: day first (default), month
            first, or year first (``"15/11/05/23:56"`` with ``"YMD"``).

    Returns:
        A :class:`PartialDate`, or a :class:`DateRange` when the text names two.

    Raises:
        DateParseError: No date, more than two, or an impossible one.

    >>> str(parse_when("6-9 November 2012, Baku, Azerbaijan"))
    '2012-11-06/2012-11-09'

    .. versionadded:: 0.1.0
    """
    stripped = text.strip()
    if _ISO.fullmatch(stripped) or _ISO_RANGE.fullmatch(stripped):
        return when_from_iso(stripped)  # already in the strict form, whatever its precision
    items = _tokens(text)
    sides = _split_range(_interpret(items, text, numeric_order), text)
    left = sides[0]
    if len(sides) == 2:
        right = sides[1]
        if left.has_date() and not left.has_time() and right.has_time() and not right.has_date():
            # "September 28, 2011 - 09:00AM": a date and its time, not a range.
            _merge(left, right)
            sides = [left]
        else:
            _fill(left, right)
            _fill(right, left)
    dates = [_finish(side, default, text) for side in sides]
    if len(dates) == 1:
        return dates[0]
    try:
        return DateRange(dates[0], dates[1])
    except ValueError as error:
        raise DateParseError(str(error), text) from None


def _tokens(text: str) -> list[tuple[str, str]]:
    cleaned = text.translate(_DASHES).lower()
    out: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(cleaned):
        kind = match.lastgroup
        assert kind is not None  # one alternative always matches
        out.append((kind, match.group()))
    return out


_Item = tuple[str, object]  # ("year"|"month"|"day"|"time"|"offset"|"sep", value)


def _interpret(tokens: list[tuple[str, str]], text: str, order: NumericOrder) -> list[_Item]:
    items: list[_Item] = []
    i = 0
    n = len(tokens)
    while i < n:
        kind, value = tokens[i]
        # Numeric dates: 12.09.2022, 2013-10-24, 03-feb-2022, 15/11/05.
        triple = _numeric_date(tokens, i, order)
        if triple is not None:
            consumed, (year, month, day) = triple
            items += [("year", year), ("month", month), ("day", day)]
            i += consumed
            continue
        if kind == "time":
            hour, minute = (int(part) for part in value.split(":")[:2])
            i += 1
            if i < n and tokens[i] == ("word", "h"):
                i += 1
            if i < n and tokens[i][0] == "word" and tokens[i][1] in ("am", "pm"):
                hour = _twelve_hour(hour, tokens[i][1], text)
                i += 1
            items.append(("time", (hour, minute)))
            continue
        if kind == "num":
            number = int(value)
            nxt = tokens[i + 1] if i + 1 < n else None
            if nxt is not None and nxt[0] == "word" and nxt[1] in _ORDINALS:
                items.append(("day", number))
                i += 2
                continue
            if (
                nxt == ("punct", ".")
                and i + 2 < n
                and tokens[i + 2][0] == "num"
                and len(tokens[i + 2][1]) == 2
                and number <= 23
            ):
                items.append(("time", (number, int(tokens[i + 2][1]))))  # "15.00"
                i += 3
                continue
            items.append(_classify_number(value, items, text))
            i += 1
            continue
        if kind == "word":
            if value in _MONTHS:
                items.append(("month", _MONTHS[value]))
            elif value in ZONES:
                offset = ZONES[value]
                extra = _signed_offset(tokens, i + 1)  # "UTC+3", "GMT-05:00"
                if extra is not None:
                    offset += extra[0]
                    i += extra[1]
                items.append(("offset", offset))
            elif value in _RANGE_WORDS and items:
                items.append(("sep", value))
            i += 1
            continue
        if kind == "punct" and value == "+" and items and items[-1][0] == "time":
            signed = _signed_offset(tokens, i)  # "13:30 +03:00"
            if signed is not None:
                items.append(("offset", signed[0]))
                i += signed[1]
                continue
        if kind == "punct" and value == "-":
            items.append(("sep", "-"))
        i += 1
    return items


def _signed_offset(tokens: list[tuple[str, str]], i: int) -> tuple[int, int] | None:
    """Read ``+3``, ``-05:00`` or ``+0300`` at *i*: (minutes, tokens used), or None."""
    if i + 1 >= len(tokens) or tokens[i][0] != "punct" or tokens[i][1] not in "+-":
        return None
    sign = -1 if tokens[i][1] == "-" else 1
    kind, body = tokens[i + 1]
    if kind == "time":
        hours, minutes = body.split(":")[:2]
        return sign * (int(hours) * 60 + int(minutes)), 2
    if kind == "num" and len(body) <= 4:
        if len(body) <= 2:
            return sign * int(body) * 60, 2
        return sign * (int(body[:-2]) * 60 + int(body[-2:])), 2
    return None


def _twelve_hour(hour: int, marker: str, text: str) -> int:
    if not 1 <= hour <= 12:
        raise DateParseError(f"hour {hour} cannot carry {marker.upper()}", text)
    return hour % 12 + (12 if marker == "pm" else 0)


def _numeric_date(
    tokens: list[tuple[str, str]], i: int, order: NumericOrder
) -> tuple[int, tuple[int, int, int]] | None:
    window = tokens[i : i + 5]
    if len(window) < 5:
        return None
    (k1, v1), (k2, s1), (k3, v2), (k4, s2), (k5, v3) = window
    if k2 != "punct" or k4 != "punct" or s1 != s2 or s1 not in "-./" or k1 != "num" or k5 != "num":
        return None
    if k3 == "word" and v2 in _MONTHS and s1 == "-":  # 03-feb-2022
        return 5, (_full_year(v3), _MONTHS[v2], int(v1))
    if k3 != "num":
        return None
    if len(v1) == 4:  # 2013-10-24, whatever the declared order
        return 5, (int(v1), int(v2), int(v3))
    if s1 == "-" and len(v3) != 4:
        return None  # "6-9 ..." is a range of days, not a date
    a, b, c = int(v1), int(v2), v3
    if order == "YMD":
        return 5, (_full_year(v1), b, int(c))
    if order == "MDY":
        return 5, (_full_year(c), a, b)
    return 5, (_full_year(c), b, a)


def _full_year(text: str) -> int:
    number = int(text)
    if len(text) <= 2:
        return 2000 + number if number < 70 else 1900 + number
    return number


def _classify_number(value: str, items: list[_Item], text: str) -> _Item:
    number = int(value)
    seen = {kind for kind, _ in items[_last_sep(items) + 1 :]}
    if len(value) == 4 and "year" in seen and number % 100 < 60 and number // 100 < 24:
        return ("time", (number // 100, number % 100))  # "1130" after a full date
    if len(value) in (3, 4) and "year" not in seen and number >= 1000:
        return ("year", number)
    if len(value) <= 2 and "day" in seen and "month" in seen and "year" not in seen:
        return ("year", _full_year(value))  # "17 SEPTEMBER 10"
    if 1 <= number <= 31 and len(value) <= 2:
        return ("day", number)
    if len(value) == 4 and number % 100 < 60 and number // 100 < 24:
        return ("time", (number // 100, number % 100))
    raise DateParseError(f"cannot tell what {value!r} stands for", text)


def _last_sep(items: list[_Item]) -> int:
    for index in range(len(items) - 1, -1, -1):
        if items[index][0] == "sep":
            return index
    return -1


def _split_range(items: list[_Item], text: str) -> list[_Parts]:
    sides: list[_Parts] = [_Parts()]
    for kind, value in items:
        current = sides[-1]
        if kind == "sep":
            if _is_empty(current):
                continue  # "from 14th ..." or a stray leading dash
            if len(sides) == 2:
                raise DateParseError("more than two dates", text)
            sides.append(_Parts())
            continue
        if kind == "offset":
            current.offset = value  # type: ignore[assignment]  # items are typed by their kind tag
            continue
        if kind == "time" and current.hour is not None:
            # "14:00 16:00": the dash between two times was lost.
            if len(sides) == 2:
                raise DateParseError("more than two times", text)
            sides.append(_Parts())
            current = sides[-1]
        slot = "hour" if kind == "time" else kind
        if getattr(current, slot) is not None:
            if len(sides) == 2:
                raise DateParseError(f"more than one {slot} on one side of a range", text)
            sides.append(_Parts())
            current = sides[-1]
        if kind == "time":
            current.hour, current.minute = value  # type: ignore[misc]  # items are typed by their kind tag
        else:
            setattr(current, kind, value)
    sides = [side for side in sides if not _is_empty(side)]
    if not sides:
        raise DateParseError("no date found", text)
    return sides


def _is_empty(parts: _Parts) -> bool:
    return not parts.has_date() and not parts.has_time() and parts.offset is None


def _fill(target: _Parts, source: _Parts) -> None:
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


def _merge(target: _Parts, source: _Parts) -> None:
    target.hour, target.minute = source.hour, source.minute
    if source.offset is not None:
        target.offset = source.offset


def _finish(parts: _Parts, default: PartialDate | None, text: str) -> PartialDate:
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
        return PartialDate(parts.year, parts.month, parts.day, parts.hour, parts.minute, parts.offset)
    except ValueError as error:
        raise DateParseError(str(error), text) from None
