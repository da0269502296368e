"""Partial dates and ranges: construction, text forms, reading real forms, precision-aware comparison."""

from __future__ import annotations

import calendar
import contextlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords.dateparse import parse_date, parse_when
from govrecords.dates import (
    DateRange,
    PartialDate,
    Precision,
    Relation,
    when_from_iso,
)
from govrecords.errors import DateParseError


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    year = draw(st.integers(1900, 2100))
    precision = draw(st.sampled_from(Precision))
    if precision is Precision.YEAR:
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision is Precision.MONTH:
        return PartialDate(year, month)
    day = draw(st.integers(1, calendar.monthrange(year, month)[1]))
    if precision is Precision.DAY:
        return PartialDate(year, month, day)
    hour = draw(st.integers(0, 23))
    offset = draw(st.none() | st.integers(-12, 14).map(lambda h: h * 60))
    if precision is Precision.HOUR:
        return PartialDate(year, month, day, hour, utc_offset=offset)
    return PartialDate(year, month, day, hour, draw(st.integers(0, 59)), offset)


# Every dated form in the design notes on real documents (igf-formats.md, section 5).
REAL_FORMS = [
    ("2013", "2013"),
    ("October 2013", "2013-10"),
    ("24 October 2013", "2013-10-24"),
    ("6-9 November 2012, Baku, Azerbaijan", "2012-11-06/2012-11-09"),
    ("18 \u2013 19 JUNE 2015", "2015-06-18/2015-06-19"),
    ("Date: 27th -29th July 2011", "2011-07-27/2011-07-29"),
    ("from 14th to 16th October 2009", "2009-10-14/2009-10-16"),
    ("Date: 7 November 2012", "2012-11-07"),
    ("[Draft, 13:30 UTC+3, 5 September 2014]", "2014-09-05T13:30+03:00"),
    ("Revision as of 13:22, 14 September 2023", "2023-09-14T13:22"),
    ("EDITORS' NOTE (8 December 2015)", "2015-12-08"),
    ("Thursday, 12 November 2015, 14:00 16:00", "2015-11-12T14:00/2015-11-12T16:00"),
    ("April, 24\nth\n2014\n19:31 BRT", "2014-04-24T19:31-03:00"),
    ("April, 24th 2014 19:31 BRT", "2014-04-24T19:31-03:00"),
    ("17 SEPTEMBER 10", "2010-09-17"),
    ("17 SEPTEMBER 10 1130", "2010-09-17T11:30"),
    ("September 28, 2011 - 09:00AM", "2011-09-28T09:00"),
    ("10 Oct 2023 06:15h - 07:45h UTC", "2023-10-10T06:15Z/2023-10-10T07:45Z"),
    ("20 June 2023 | 17:00 - 17:45 EEST", "2023-06-20T17:00+03:00/2023-06-20T17:45+03:00"),
    ("30 April 2010 | 16:30-18:00", "2010-04-30T16:30/2010-04-30T18:00"),
    ("12.09.2022 \u2013 31.10.2022", "2022-09-12/2022-10-31"),
    ("Date post: 03-Feb-2022", "2022-02-03"),
    ("2013-10-24", "2013-10-24"),
    ("24 October 2013 - A Workshop on Enhanced Cooperation in Bali, Indonesia", "2013-10-24"),
]


@pytest.mark.parametrize(("text", "expected"), REAL_FORMS)
def test_real_forms(text: str, expected: str) -> None:
    """Each form seen in real forum records reads to the date it states, at its precision."""
    assert str(parse_when(text)) == expected


@pytest.mark.parametrize(
    ("text", "default", "expected"),
    [
        ("Time: 15.00 - 18.00", PartialDate(2012, 11, 7), "2012-11-07T15:00/2012-11-07T18:00"),
        ("9:00 \u2013 9:05:", PartialDate(2012, 11, 7), "2012-11-07T09:00/2012-11-07T09:05"),
        ("Monday, December 18 / 09:00 CET", PartialDate(2017), "2017-12-18T09:00+01:00"),
        ("December 18", PartialDate(2017, 3, 4), "2017-12-18"),
    ],
)
def test_default_supplies_missing_units(text: str, default: PartialDate, expected: str) -> None:
    """A default date supplies the larger units a labelled time or a year-less date leaves out."""
    assert str(parse_when(text, default=default)) == expected


def test_numeric_orders() -> None:
    """All-number dates follow the declared order: the site format YY/MM/DD reads as year first."""
    assert str(parse_when("15/11/05/23:56", numeric_order="YMD")) == "2015-11-05T23:56"
    assert str(parse_when("05/11/2015", numeric_order="MDY")) == "2015-05-11"
    assert str(parse_when("05/11/2015")) == "2015-11-05"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2013-02-30", "day 30 is out of range for February 2013"),
        ("30 February 2013", "out of range"),
        ("", "no date found"),
        ("hello world", "no date found"),
        ("9-6 November 2012", "before start"),
        ("Monday, December 18", "no year given"),
        ("1 May 2020 to 2 May 2020 to 3 May 2020", "more than two"),
        ("13:00 PM 1 May 2020", "cannot carry PM"),
        ("99999", "cannot tell"),
    ],
)
def test_unreadable_dates_raise_date_parse_error(text: str, fragment: str) -> None:
    """Impossible or absent dates raise DateParseError (a ValueError) that says why and quotes the text."""
    with pytest.raises(DateParseError, match=fragment) as caught:
        parse_when(text)
    assert isinstance(caught.value, ValueError)
    assert caught.value.text == text


def test_parse_date_refuses_a_range() -> None:
    """parse_date wants one date; a range is an error, not a silent choice of one end."""
    assert parse_date("24 October 2013") == PartialDate(2013, 10, 24)
    with pytest.raises(DateParseError, match="found a range"):
        parse_date("6-9 November 2012")


@pytest.mark.parametrize(
    ("kwargs", "fragment"),
    [
        ({"year": 2013, "month": 13}, "month must be"),
        ({"year": 2013, "month": 2, "day": 29}, "day 29 is out of range"),
        ({"year": 0}, "year must be"),
        ({"year": 2013, "day": 3}, "day is given but month is not"),
        ({"year": 2013, "month": 1, "day": 1, "minute": 3}, "minute is given but hour is not"),
        ({"year": 2013, "utc_offset": 60}, "utc_offset is given but hour is not"),
        ({"year": 2013, "month": True}, "month must be"),
    ],
)
def test_constructor_names_the_field(kwargs: dict[str, int], fragment: str) -> None:
    """Impossible partial dates are refused with a message naming the field."""
    with pytest.raises(ValueError, match=fragment):
        PartialDate(**kwargs)


def test_leap_day_is_accepted() -> None:
    """29 February exists in leap years."""
    assert PartialDate(2012, 2, 29).precision is Precision.DAY


def test_range_needs_an_end_and_order() -> None:
    """A range needs at least one end, and may not end before it starts."""
    with pytest.raises(ValueError, match="at least one"):
        DateRange(None, None)
    with pytest.raises(ValueError, match="before start"):
        DateRange(PartialDate(2013, 5), PartialDate(2013, 4))
    with pytest.raises(TypeError, match="start must be a PartialDate"):
        DateRange("2013", None)  # type: ignore[arg-type]  # the point of the test


def test_precision_aware_comparison() -> None:
    """A year is neither before nor after a day inside it: it contains it."""
    year, day = PartialDate(2013), PartialDate(2013, 10, 24)
    assert year.relation(day) is Relation.CONTAINS
    assert day.relation(year) is Relation.WITHIN
    assert PartialDate(2012, 11).relation(year) is Relation.BEFORE
    assert year.relation(PartialDate(2012)) is Relation.AFTER
    assert day.relation(PartialDate(2013, 10, 24)) is Relation.EQUAL
    baku = DateRange(PartialDate(2012, 11, 6), PartialDate(2012, 11, 9))
    assert baku.relation(PartialDate(2012, 11)) is Relation.WITHIN
    assert baku.relation(DateRange(PartialDate(2012, 11, 8), PartialDate(2012, 11, 20))) is Relation.OVERLAPS


def test_bound_only_range() -> None:
    """A range known only by its end is before anything that starts after that end."""
    bound = DateRange(None, PartialDate(2012, 11, 9))
    assert bound.relation(PartialDate(2013, 10, 24)) is Relation.BEFORE
    assert bound.relation(PartialDate(2012)) is Relation.OVERLAPS
    assert str(bound) == "/2012-11-09"
    assert when_from_iso("/2012-11-09") == bound
    assert str(DateRange(PartialDate(2012), None)) == "2012/"


def test_offsets_apply_when_present() -> None:
    """Times with offsets compare in UTC (13:30+03:00 is 10:30Z); a time without one counts as UTC."""
    assert PartialDate(2014, 9, 5, 13, 30, 180).relation(PartialDate(2014, 9, 5, 10, 30, 0)) is Relation.EQUAL
    assert PartialDate(2014, 9, 5, 10, 30).relation(PartialDate(2014, 9, 5, 10, 30, 0)) is Relation.EQUAL
    assert PartialDate(1900, 1, 1, 0, utc_offset=60).relation(PartialDate(1900)) is Relation.BEFORE


def test_extreme_dates_have_bounds() -> None:
    """The last representable units still have an end instant."""
    assert PartialDate(9999).bounds()[1] > PartialDate(9999, 12, 31).bounds()[0]
    assert PartialDate(9999, 12).precision is Precision.MONTH
    assert PartialDate(9999, 12, 31, 23, 59, -600).bounds()[0].year == 9999


@given(partial_dates())
def test_iso_text_round_trips(date: PartialDate) -> None:
    """The strict text form reads back to the same date, and the lenient reader agrees."""
    text = date.isoformat()
    assert PartialDate.fromisoformat(text) == date
    assert when_from_iso(text) == date
    assert parse_when(text) == date


@given(partial_dates(), partial_dates())
def test_relation_mirrors(a: PartialDate, b: PartialDate) -> None:
    """a.relation(b) is the mirror of b.relation(a)."""
    assert a.relation(b) is b.relation(a).mirror()


@given(partial_dates(), partial_dates())
def test_before_agrees_with_sort_key(a: PartialDate, b: PartialDate) -> None:
    """Whenever a is definitely before b, sorting puts a first."""
    if a.relation(b) is Relation.BEFORE:
        assert a.sort_key() < b.sort_key()


@given(partial_dates())
def test_a_date_lies_within_its_coarser_self(date: PartialDate) -> None:
    """Dropping units gives a date that contains (or equals) the original."""
    local = PartialDate(date.year, date.month, date.day, date.hour, date.minute)
    assert PartialDate(date.year).relation(local) in (Relation.CONTAINS, Relation.EQUAL)


@given(partial_dates(), partial_dates())
def test_ranges_round_trip(a: PartialDate, b: PartialDate) -> None:
    """Any ordered pair of dates makes a range whose text reads back to it."""
    start, end = sorted((a, b), key=PartialDate.sort_key)
    if end.relation(start) is Relation.BEFORE:
        return  # an end inside the start's interval but ordered first; not a valid range
    rng = DateRange(start, end)
    assert DateRange.fromisoformat(rng.isoformat()) == rng


@settings(max_examples=500)
@given(st.text())
def test_reader_never_crashes(text: str) -> None:
    """Any text gives a date, a range, or DateParseError: never another exception."""
    with contextlib.suppress(DateParseError):
        parse_when(text)


@pytest.mark.parametrize("text", ["2013-1", "13-10-2013x", "2013-10-24T25", "2013/2014/2015", "2013-02-30"])
def test_strict_form_rejects(text: str) -> None:
    """The strict reader takes only the exact EDTF form, and only possible dates."""
    with pytest.raises(DateParseError):
        when_from_iso(text)
