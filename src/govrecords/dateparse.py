"""Reading dates as forum documents write them: "6-9 November 2012", "[Draft, 13:30 UTC+3, ...]".

:func:`parse_when` and :func:`parse_date` turn the many forms real records use
(igf-formats.md lists them) into :class:`~govrecords.dates.PartialDate` and
:class:`~govrecords.dates.DateRange` values that keep exactly the precision the
text gave. The reader is a single linear pass over tokens (no backtracking
regular expressions), then a small interpretation of what each number means.
Both are exported from the top-level package: ``govrecords.dateparse.parse_when``.

The words the reader knows (month and weekday names in English, French and
Spanish, zone abbreviations, ordinals, range words) are tabled in
``govrecords._date_words``; three of the tables are public here, :data:`MONTH_WORDS`,
:data:`WEEKDAY_WORDS` and :data:`ZONES`. This module reads a text into items, each tagged with what it
stands for; ``govrecords._date_parts`` gathers the items into the sides of a
range, completes each side from the other and checks the dates they make.
"""

from __future__ import annotations

import re
from datetime import tzinfo
from typing import Literal

from dateutil import tz

from govrecords._date_parts import Item, fill, finish, merge, split_range, zoned
from govrecords._date_words import (
    DASHES,
    IANA_ZONE,
    MONTH_WORDS,
    ORDINALS,
    RANGE_WORDS,
    WEEKDAY_WORDS,
    WORDS,
    ZONES,
)
from govrecords.dates import DateRange, PartialDate, When, is_iso_text, when_from_iso
from govrecords.errors import DateParseError

__all__ = ["MONTH_WORDS", "WEEKDAY_WORDS", "ZONES", "NumericOrder", "parse_date", "parse_when"]

# One linear pass: alternatives without nested quantifiers, so no backtracking blow-up.
_TOKEN = re.compile(
    r"(?P<time>\d{1,2}:\d{2}(?::\d{2})?)"
    r"|(?P<num>\d+)"
    r"|(?P<word>[^\W\d_]+)"
    r"|(?P<punct>[-+/.,|()\[\]:;])",
    re.UNICODE,
)

NumericOrder = Literal["DMY", "MDY", "YMD"]


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
    """
    stripped = text.strip()
    if is_iso_text(stripped):
        return when_from_iso(stripped)  # already in the strict form, whatever its precision
    zone: tzinfo | None = None
    named = IANA_ZONE.search(text)
    read = text
    if named is not None:
        zone = tz.gettz(named.group())
        if zone is not None:
            read = text[: named.start()] + " " * len(named.group()) + text[named.end() :]
    items = _tokens(read)
    sides = split_range(_interpret(items, text, numeric_order), text)
    left = sides[0]
    if len(sides) == 2:
        right = sides[1]
        if left.has_date() and not left.has_time() and right.has_time() and not right.has_date():
            # "September 28, 2011 - 09:00AM": a date and its time, not a range.
            merge(left, right)
            sides = [left]
        else:
            fill(left, right)
            fill(right, left)
    dates = [finish(side, default, text) for side in sides]
    if zone is not None:
        dates = [zoned(date, zone) for date in dates]
    if len(dates) == 1:
        return dates[0]
    try:
        return DateRange(dates[0], dates[1])
    except ValueError as error:
        raise DateParseError(str(error), text) from None


def _tokens(text: str) -> list[tuple[str, str]]:
    cleaned = text.translate(DASHES).lower()
    out: list[tuple[str, str]] = []
    for match in _TOKEN.finditer(cleaned):
        kind = match.lastgroup
        assert kind is not None  # one alternative always matches
        out.append((kind, match.group()))
    return out


def _interpret(tokens: list[tuple[str, str]], text: str, order: NumericOrder) -> list[Item]:
    items: list[Item] = []
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
            if nxt is not None and nxt[0] == "word" and nxt[1] in ORDINALS:
                items.append(("day", number))
                i += 2
                continue
            if nxt == ("word", "h") and number <= 23:  # "14h30", "9h" (French)
                after = tokens[i + 2] if i + 2 < n else None
                if after is not None and after[0] == "num" and len(after[1]) == 2 and int(after[1]) < 60:
                    items.append(("time", (number, int(after[1]))))
                    i += 3
                else:
                    items.append(("time", (number, None)))
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
            named_month, named_weekday = WORDS.month(value), WORDS.weekday(value)
            if named_month is not None:
                items.append(("month", named_month))
            elif named_weekday is not None:
                items.append(("weekday", named_weekday))
            elif value in ZONES:
                offset = ZONES[value]
                extra = _signed_offset(tokens, i + 1)  # "UTC+3", "GMT-05:00"
                if extra is not None:
                    offset += extra[0]
                    i += extra[1]
                items.append(("offset", offset))
            elif value in RANGE_WORDS and items:
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
    named = WORDS.month(v2) if k3 == "word" else None
    if named is not None and s1 == "-":  # 03-feb-2022
        return 5, (_full_year(v3), named, int(v1))
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


def _classify_number(value: str, items: list[Item], text: str) -> Item:
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


def _last_sep(items: list[Item]) -> int:
    for index in range(len(items) - 1, -1, -1):
        if items[index][0] == "sep":
            return index
    return -1
