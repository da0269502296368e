r"""The meeting's or session's date read anywhere in a document, and its normal wording.

:func:`find_date` reads the date in a dateline, a header or prose ("from 14th to
16th October 2009", "18 - 19 JUNE 2015" with an en dash, "10 October 2023, 09:00 -
10:00 JST"), never a revision, posting, draft or comment date; a date inside the
meeting's range (the session's day) wins over the range. :func:`normalise_when`
gives a passage's wording as the date parser reads it.

>>> text = "IGF 2019 WS #12 Open data\n26 November 2019, 10:00-11:30 CET, Berlin, Germany\n"
>>> start, end, _, guessed = find_date(text)
>>> text[start:end], guessed
('26 November 2019, 10:00-11:30 CET', False)
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from govrecords._fold import BLANKS
from govrecords.dateparse import MONTH_WORDS, WEEKDAY_WORDS, ZONES, parse_when
from govrecords.dates import DateRange, PartialDate, When
from govrecords.errors import DateParseError

__all__ = [
    "ANY_YEAR",
    "MONTH",
    "MONTH_NAMES",
    "PASSAGE",
    "SENTENCE_BREAK",
    "TIME_ONLY",
    "WEEKDAYS",
    "YEAR",
    "find_date",
    "normalise_when",
]

_DATE_LIMIT = 40_000
"""How many characters from the start dates are looked for in."""


def _alternation(words: Iterable[str]) -> str:
    """Words as a regular-expression alternation, longest first, so none stops at a shorter one's end."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


# The date reader's month names (English, French, Spanish), less the short ones that are also common words
# ("set", "ago", "dic"); the English abbreviations and "mai" stay.
MONTH_NAMES = _alternation(
    {word for word in MONTH_WORDS if len(word) >= 4}
    | {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mai"}
)
WEEKDAYS = _alternation(WEEKDAY_WORDS)  # the date reader's weekday names: its one table
_ZONES = _alternation(ZONES)  # the zone abbreviations the date reader knows: its one table
# One date passage: a run of date words, numbers, times, zones and the joints between them.
_PIECE = (
    rf"(?:\d{{1,2}}[:.h]\d{{2}}h?(?:[ \t]*[ap]\.?m\.?)?|(?:{MONTH_NAMES})\b\.?|(?:{WEEKDAYS})\b\.?|\d{{4}}\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\b|(?:{_ZONES})\b(?:\s*[+\-\u2212]\s*\d{{1,2}}(?::?\d{{2}})?)?"
    r"|\(\s*local\s+time\s*\)|[ap]\.?m\.?\b)"
)
_JOINT = (
    r"(?:[ \t\u00a0]*(?:[,\-\u2013\u2014/|()]|\bto\b|\bfrom\b|\band\b|\buntil\b|\btill\b|\bthrough\b|\bau\b"
    r"|\bdu\b|\bet\b|\bde\b|\bal\b|\bthe\b|\bof\b|\bday[ \t]+of\b)[ \t\u00a0]*|[ \t\u00a0]+)+"
)
PASSAGE = re.compile(rf"(?:\bfrom\s+)?{_PIECE}(?:{_JOINT}{_PIECE})*", re.IGNORECASE)
MONTH = re.compile(rf"\b(?:{MONTH_NAMES})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(?:\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})\b")
YEAR = re.compile(r"\b(?:19[89]\d|20[0-4]\d)\b")
# Dates that are not the meeting's: revisions, postings, drafts, deadlines, comments, copyright.
_NOT_MEETING = re.compile(
    r"\b(?:edited|revision|revised|modified|posted|published|publication|updated|update|deadline|due|comments?"
    r"|commenting|submitted|submission|retrieved|accessed|printed|copyright|draft|version|last\s+(?:edited|updated|modified)|until|before"
    r"|by|registration|register|born|adopted|signed|launched|released|issued|apply|applications?"
    r"|later\s+than|following|prior\s+to|within|expires?|closes?\s+on)\b"
    r"|\u00a9|\[",
    re.IGNORECASE,
)
TIME_ONLY = re.compile(
    rf"^\s*\d{{1,2}}[:.h]\d{{2}}(?:\s*[-\u2013]\s*\d{{1,2}}[:.h]\d{{2}})?\s*(?:(?:{_ZONES})\b.*)?$", re.IGNORECASE
)
SENTENCE_BREAK = re.compile(r"[.;!?]\s|[\r\n]")


def _rank(when: When) -> int:
    """How precise a date is: 3 a time, 2 a day or range of days, 1 a month, 0 a year."""
    first = when.start if isinstance(when, DateRange) else when
    if first is None:
        return 0
    if first.hour is not None:
        return 3
    if first.day is not None:
        return 2
    return 1 if first.month is not None else 0


def _inside(inner: When, outer: When) -> bool:
    if not isinstance(outer, DateRange) or outer.start is None or outer.end is None:
        return False
    first = inner.start if isinstance(inner, DateRange) else inner
    if first is None or first.day is None or outer.start.day is None:
        return False
    key = (first.year, first.month, first.day)
    return (outer.start.year, outer.start.month, outer.start.day) <= key <= (
        outer.end.year,
        outer.end.month,
        outer.end.day or 31,
    ) and inner != outer


ANY_YEAR = re.compile(r"(?<!\d)(?:19[89]\d|20[0-4]\d)(?!\d)")
"""A year, also glued to a word ("IGF2017"), as :data:`YEAR` is one on its own."""


def document_year(text: str) -> int | None:
    """The year the start of a text names most often (in its first 2,000 characters), or None."""
    years = ANY_YEAR.findall(text[:2000])  # "IGF2017" too: a forum's name glued to its year
    if not years:
        return None
    return int(max(set(years), key=lambda year: (years.count(year), -years.index(year))))


_TIME_RANGE = re.compile(
    r"(\d{1,2})[:.h](\d{2})h?\s*(?:[ap]\.?m\.?)?\s*(?:-|\u2013|\u2014|to|until|till)\s*(\d{1,2})[:.h](\d{2})h?"
    r"\s*(?:[ap]\.?m\.?)?(?:\s*\(?\s*([A-Za-z]{1,5}(?:\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2})?)?)\s*\)?)?",
    re.IGNORECASE,
)
_ONE_TIME = re.compile(r"(\d{1,2})[:.h](\d{2})h?(?:\s*\(?\s*([A-Za-z]{1,5})\s*\)?)?")


def _parse(passage: str, default: PartialDate | None = None) -> When | None:
    try:
        return parse_when(passage, default=default)
    except DateParseError:
        return None


def normalise_when(passage: str, default: PartialDate | None = None) -> str | None:
    """A wording of *passage* the date reader takes, or None when none is found.

    The passage itself when it reads; else its day and its time range written
    plainly ("Tuesday, 13 November 2018 - 10:10 to 11:40" gives "Tuesday, 13
    November 2018 10:10-11:40"; "14.30 - 16.00" gives "14:30-16:00"); else the
    same without its first words ("Room 5 | 17 Dec 2024, 10:30-12:00").

    >>> normalise_when("Tuesday, 13 November 2018 - 10:10 to 11:40")
    'Tuesday, 13 November 2018 10:10-11:40'
    """
    if len(passage) > 200:
        return None
    if _parse(passage, default) is not None:
        return passage
    variants: list[str] = []
    times = _TIME_RANGE.search(passage)
    if times is not None:
        zone = times.group(5) or ""
        if zone and zone.lower().rstrip("+-0123456789: ") not in _ZONE_WORDS:
            zone = ""
        day = passage[: times.start()].rstrip(" ,-\u2013\u2014|(")
        clock = f"{int(times.group(1)):02d}:{times.group(2)}-{int(times.group(3)):02d}:{times.group(4)}"
        variants.append(f"{day} {clock} {zone}".strip())
    else:
        one = _ONE_TIME.search(passage)
        if one is not None:
            day = passage[: one.start()].rstrip(" ,-\u2013\u2014|(")
            zone = one.group(3) or ""
            if zone and zone.lower() not in _ZONE_WORDS:
                zone = ""
            variants.append(f"{day} {int(one.group(1)):02d}:{one.group(2)} {zone}".strip())
    for variant in variants:
        if _parse(variant, default) is not None:
            return variant
    words = passage.split()
    for cut in range(1, min(4, len(words))):
        shorter = " ".join(words[cut:])
        if MONTH.search(shorter) and (fixed := normalise_when(shorter, default)) is not None:
            return fixed
    return None


_ZONE_WORDS = frozenset(ZONES)
_MEETING_CUE = re.compile(
    r"\b(?:held|met|meets|took\s+place|takes\s+place|convened|gathered|hosted|meeting|session|workshop|forum"
    r"|date|dates|when)\b",
    re.IGNORECASE,
)


@attrs.frozen
class _Candidate:
    start: int
    end: int
    when: When
    guessed: bool
    cue: bool
    own_line: bool
    signed: bool = False
    session: bool = False
    """Its sentence names the session it dates ("This workshop was held on 17 November")."""


_SESSION_CUE = re.compile(
    r"\b(?:this|the|our|each)\s+(?:workshop|session|panel|roundtable|round\s+table|open\s+forum|town\s+hall|"
    r"lightning\s+talk|debate|webinar)\b",
    re.IGNORECASE,
)
"""The session itself named before a day inside the meeting's days: that day is the session's, not an event's."""
_SIGNED = re.compile(r"\b(?:done|signed|adopted|issued|made)\s+(?:at|in)\b", re.IGNORECASE)
"""The closing line of a communiqué or declaration: "Done at Port Mirela, 11 September 2013"."""


def _candidates(text: str, limit: int) -> list[_Candidate]:
    found: list[_Candidate] = []
    year = document_year(text)
    default = PartialDate(year) if year is not None else None
    for match in PASSAGE.finditer(text, 0, min(len(text), limit)):
        start, end = match.span()
        passage = match.group()
        if not (MONTH.search(passage) or _NUMERIC.search(passage)) or not re.search(r"\d", passage):
            continue
        while end > start and text[end - 1] in " ,-\u2013\u2014/|.(":
            end -= 1
        if text[start:end].count("(") > text[start:end].count(")") and text[end : end + 1] == ")":
            end += 1  # "2020 (15:20 UTC)": the closing bracket belongs to the passage
        if text[start:end].count("(") > text[start:end].count(")") and text[start] != "(":
            end = text.rfind("(", start, end)
            while end > start and text[end - 1] in " ,-\u2013\u2014/|.":
                end -= 1
        if end <= start or _excluded(text, start, end):
            continue
        passage = text[start:end]
        guessed = False
        wording = normalise_when(passage)
        if wording is None and default is not None and (wording := normalise_when(passage, default)) is not None:
            guessed = True
        if wording is None:
            continue
        when = _parse(wording, default if guessed else None)
        if when is None or _rank(when) == 0:
            continue
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        sentence = text[max(line_start, start - 200) : start]
        breaks = list(SENTENCE_BREAK.finditer(sentence))
        if breaks:
            sentence = sentence[breaks[-1].end() :]
        own_line = len(line.strip()) <= 90
        signed = _SIGNED.search(sentence) is not None
        cue = _MEETING_CUE.search(sentence) is not None
        session = cue and _SESSION_CUE.search(sentence) is not None
        found.append(_Candidate(start, end, when, guessed, cue, own_line, signed, session))
    return found


def _excluded(text: str, start: int, end: int) -> bool:
    """Whether the words just before a date (in its sentence) say it is not the meeting's."""
    window = text[max(0, start - 60) : start]
    breaks = list(SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip(BLANKS).startswith("["):  # BLANKS: a byte order mark too
        return True
    return _NOT_MEETING.search(window) is not None


def find_date(text: str, limit: int = _DATE_LIMIT) -> tuple[int, int, When, bool] | None:
    r"""The meeting's or session's date: its span, the date, and whether its year was completed from context.

    The first passage precise to the day (or a range of days) that a sentence
    presents as the meeting's ("held in ... from", "met on") wins, else the first
    precise to the day; a later one inside it on a line of its own, with a time, or
    in a sentence that names the session ("this workshop was held on", not "an AI
    day held on": the session's day) wins over it, and a later range holding it (a press
    release's dateline, then the meeting's days) too. With no day, the first
    month that a meeting cue presents or that stands on a short line of its own
    (none, rather than one mentioned in passing). Revision, posting, draft and
    deadline dates are passed over. A date
    without a year takes the year the document names most, and is flagged as
    guessed; one with its year is preferred. The date of a closing "Done at
    Port Mirela, 11 September 2013" line counts only when no other is given.

    >>> text = "held from 3 to 5 October 2017.\n\nWednesday, 4 October 2017\n"
    >>> start, end, when, guessed = find_date(text)
    >>> str(when), guessed
    ('2017-10-04', False)
    """
    found = _candidates(text, limit)
    if not found:
        return None
    if any(not item.signed for item in found):
        found = [item for item in found if not item.signed]  # the signing date only when no other is given
    days = [item for item in found if _rank(item.when) >= 2 and not item.guessed]
    days = days or [item for item in found if _rank(item.when) >= 2]
    if not days:
        # no day is given: a month or a year that a sentence presents as the meeting's, or stands on its own
        # line; not one a sentence mentions in passing ("the plan was first announced in October 2013")
        first = next((item for item in found if item.cue or item.own_line), None)
        if first is None:
            return None
        return first.start, first.end, first.when, first.guessed
    cued = [item for item in days if item.cue and _rank(item.when) >= 2]
    best = days[0]
    if cued and (not best.own_line or (isinstance(cued[0].when, DateRange) and not _inside(best.when, cued[0].when))):
        best = cued[0]  # "held in Monrovia from the 23rd to 25th of August" over a communique's own date
    later = [item for item in found if _rank(item.when) >= 2 and item.start > best.start]
    for item in later:
        when = item.when
        if item.guessed and not _inside(when, best.when):
            continue
        session_day = _inside(when, best.when) and (item.own_line or _rank(when) == 3 or item.session)
        timed = _rank(when) > _rank(best.when) and _same_day(when, best.when)
        meeting = _inside(best.when, when) and _rank(best.when) < 3 and not isinstance(best.when, DateRange)
        if session_day or timed or meeting:
            best = item
    return best.start, best.end, best.when, best.guessed


def _same_day(one: When, other: When) -> bool:
    first = one.start if isinstance(one, DateRange) else one
    second = other.start if isinstance(other, DateRange) else other
    if first is None or second is None:
        return False
    return (first.year, first.month, first.day) == (second.year, second.month, second.day)
