"""Dates in prose: weekdays and ordinals, zones (named, offset, IANA), French and Spanish months."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govrecords.dateparse import parse_when
from govrecords.errors import DateParseError

FRENCH = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
SPANISH = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
ENGLISH = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
WEEKDAYS = {
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
    "fr": ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"],
    "es": ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"],
}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # weekdays and ordinals in prose
        ("Tuesday the 6th of November 2012", "2012-11-06"),
        ("on Wednesday, November 7th, 2012", "2012-11-07"),
        ("Monday 5 - Wednesday 7 November 2012", "2012-11-05/2012-11-07"),
        # zones: abbreviations, offsets, the hour mark, no zone at all
        ("12 November 2012, 09:00\u201310:30 CET", "2012-11-12T09:00+01:00/2012-11-12T10:30+01:00"),
        ("12 November 2012, 06:15h UTC", "2012-11-12T06:15Z"),
        ("12 November 2012, 13:30 UTC+3", "2012-11-12T13:30+03:00"),
        ("12 November 2012, 09:00 local time", "2012-11-12T09:00"),
        # IANA zone names: the offset of that day, summer time included (python-dateutil)
        ("12 November 2012 14:00 Europe/Paris", "2012-11-12T14:00+01:00"),
        ("12 July 2012 14:00 Europe/Paris", "2012-07-12T14:00+02:00"),
        ("5 December 2016, 10:00-11:30 America/Mexico_City", "2016-12-05T10:00-06:00/2016-12-05T11:30-06:00"),
        # French
        ("6 novembre 2012", "2012-11-06"),
        ("le 1er décembre 2013", "2013-12-01"),
        ("mardi 6 novembre 2012, 14h30", "2012-11-06T14:30"),
        ("du 2 au 4 décembre 2019", "2019-12-02/2019-12-04"),
        ("3 aout 2014", "2014-08-03"),
        # Spanish
        ("6 de noviembre de 2012", "2012-11-06"),
        ("martes 5 de mayo de 2015", "2015-05-05"),
        ("del 2 al 4 de diciembre de 2019", "2019-12-02/2019-12-04"),
        ("15 de setiembre de 2016", "2016-09-15"),
    ],
)
def test_prose_forms(text: str, expected: str) -> None:
    assert str(parse_when(text)) == expected


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("Sunday, 12 November 2012", "2012-11-12 is a Monday, not a Sunday"),
        ("lundi 6 novembre 2012", "is a Tuesday, not a Monday"),
        ("24h hackathon 2012", "day is given but month is not"),
    ],
)
def test_a_contradiction_is_refused(text: str, fragment: str) -> None:
    with pytest.raises(DateParseError, match=fragment):
        parse_when(text)


@given(
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31)),
    st.sampled_from(["en", "fr", "es"]),
)
def test_weekday_day_month_year_reads_back_in_three_languages(day: dt.date, language: str) -> None:
    weekday = WEEKDAYS[language][day.weekday()]
    if language == "en":
        text = f"{weekday}, {day.day} {ENGLISH[day.month - 1]} {day.year}"
    elif language == "fr":
        text = f"{weekday} {day.day} {FRENCH[day.month - 1]} {day.year}"
    else:
        text = f"{weekday} {day.day} de {SPANISH[day.month - 1]} de {day.year}"
    assert str(parse_when(text)) == day.isoformat()
    wrong = WEEKDAYS[language][(day.weekday() + 1) % 7]
    with pytest.raises(DateParseError, match="not a"):
        parse_when(text.replace(weekday, wrong, 1))
