r"""Field recognisers that work on any layout: title, session identifier, date, city.

A template says where a family keeps its fields; these recognisers read the
fields wherever a document puts them, for the values the template's labels did
not give. Each returns the passage it read (its span in the text) or None; the
engine fills only fields still empty, and says so in a warning when the value
had to be chosen or completed.

* :func:`find_identifier`: a session id the forum writes ("WS #12", "Open Forum
  #61", "Workshop 147", "PL 03") in the title lines.
* :func:`find_date`: the meeting's or session's date in a dateline, a header or
  prose ("from 14th to 16th October 2009", "18 - 19 JUNE 2015" with an en dash,
  "10 October 2023, 09:00 - 10:00 JST"), never a revision, posting, draft or comment date; a date
  inside the meeting's range (the session's day) wins over the range.
* :func:`find_city`: the city of the meeting from "City, Country" datelines and
  venue phrases ("held in Tbilisi, Georgia"), never a room or a venue.
* :func:`choose_title`: the title among the first lines, site banners,
  navigation, datelines, mastheads that only name the forum, and form
  instructions rejected; :func:`trim_title` cuts session-id and status suffixes.

>>> text = "Welcome to the IGF | Home\nIGF 2019 WS #12 Open data\n26 November 2019, 10:00-11:30 CET, Berlin, Germany\n"
>>> found = find_identifier(text)
>>> text[found[0] : found[1]]
'WS #12'
>>> start, end, _, guessed = find_date(text)
>>> text[start:end], guessed
('26 November 2019, 10:00-11:30 CET', False)
>>> start, end = find_city(text)
>>> text[start:end]
'Berlin, Germany'
"""

from __future__ import annotations

import functools
import re

import attrs

from govrecords.dateparse import MONTH_WORDS, parse_when
from govrecords.dates import DateRange, PartialDate, When
from govrecords.errors import DateParseError
from govrecords.importers._places import KNOWN_FORUMS, country_code
from govrecords.importers._registry import BUILT_IN, get
from govrecords.importers._text import BLANKS, fold_text

__all__ = [
    "TITLE_LINES",
    "choose_title",
    "find_city",
    "find_date",
    "find_identifier",
    "find_session_year",
    "is_document_type",
    "is_masthead",
    "normalise_when",
    "title_rejection",
    "trim_title",
]

TITLE_LINES = 14
"""How many non-blank lines from the start a title is looked for in."""

_HEAD_LIMIT = 6000
"""How many characters from the start identifiers and cities in a header are looked for in."""

_DATE_LIMIT = 40_000
"""How many characters from the start dates are looked for in."""

# ------------------------------------------------------------------------------------------ identifiers

_CODE_WORDS = (
    r"WS|OF|TH|DC|BPF|NRI|PL|FS|LT|(?i:Workshop|Open\s+Forum|Town\s*Hall|Flash\s+Session|Lightning\s+Talk"
    r"|Networking\s+Session)"
)
_CODE = re.compile(rf"\b(?:{_CODE_WORDS})(?:\s*(?:#|No\.?|N°)\s*|\s+|(?<=[A-Z]{{2}}))\d{{1,4}}\b(?![.:]\d)")
_SHORT_CODE = re.compile(r"^(?:WS|OF|TH|DC|BPF|NRI|PL|FS|LT)")


def _lines(text: str, limit: int) -> list[tuple[int, int]]:
    """The spans of the non-blank lines of ``text[:limit]``, without their blanks."""
    out: list[tuple[int, int]] = []
    for match in re.finditer(r"[^\r\n]+", text[:limit]):
        start, end = match.span()
        while start < end and text[start] in BLANKS:
            start += 1
        while end > start and text[end - 1] in BLANKS:
            end -= 1
        if end > start:
            out.append((start, end))
    return out


def find_identifier(text: str, lines: int = 8) -> tuple[int, int] | None:
    """The span of the session id in the first *lines* non-blank lines, or None.

    A bare word ("Workshop 3") counts only on a short title-like line; a code
    with ``#`` or an abbreviation ("WS 08", "OF #27") on any of them.

    >>> text = "Regulating algorithms - PL 03 2017"
    >>> found = find_identifier(text)
    >>> text[found[0] : found[1]]
    'PL 03'
    """
    for start, end in _lines(text, _HEAD_LIMIT)[:lines]:
        line = text[start:end]
        if title_rejection(line) == "boilerplate":
            continue
        for match in _CODE.finditer(line):
            code = match.group()
            strong = "#" in code or _SHORT_CODE.match(code) is not None
            if not strong and (len(line) > 140 or line.rstrip().endswith(".")):
                continue
            if not strong and re.search(r"\d{1,4}\s*$", code) and _followed_by_sentence(line, match.end()):
                continue
            return start + match.start(), start + match.end()
    return None


_FORUM_YEAR = re.compile(r"\bIGF\s+((?:19|20)\d{2})\b")


def find_session_year(text: str, lines: int = 8) -> tuple[int, int] | None:
    """The span of the year in a session id line ("IGF 2022 WS #341 ..."), or None.

    The year of the forum the session belongs to: a date precise to the year,
    for a page that states nothing finer.

    >>> text = "IGF 2022 WS #341 Repair rights"
    >>> found = find_session_year(text)
    >>> text[found[0] : found[1]]
    '2022'
    """
    for start, end in _lines(text, _HEAD_LIMIT)[:lines]:
        line = text[start:end]
        year = _FORUM_YEAR.search(line)
        if year is not None and _CODE.search(line, year.end()) is not None:
            return start + year.start(1), start + year.end(1)
    return None


def _followed_by_sentence(line: str, at: int) -> bool:
    rest = line[at:].strip()
    return bool(rest) and rest[0].islower()


# ------------------------------------------------------------------------------------------------ dates

# The date reader's month names (English, French, Spanish), less the short ones that are also common words
# ("set", "ago", "dic"); the English abbreviations and "mai" stay.
_MONTH_NAMES = "|".join(
    sorted(
        {word for word in MONTH_WORDS if len(word) >= 4}
        | {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "mai"},
        key=lambda word: (-len(word), word),
    )
)
_WEEKDAYS = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
    "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_ZONES = (
    r"utc|gmt|z|cet|cest|eet|eest|wet|west|bst|jst|kst|ist|msk|cat|eat|wat|sast|ast|gst|pkt|ict|wib|sgt|aest|nzst"
    r"|brt|art|edt|est|cdt|cst|mdt|pdt|pst|azt"
)
# One date passage: a run of date words, numbers, times, zones and the joints between them.
_PIECE = (
    rf"(?:\d{{1,2}}[:.h]\d{{2}}h?(?:[ \t]*[ap]\.?m\.?)?|(?:{_MONTH_NAMES})\b\.?|(?:{_WEEKDAYS})\b\.?|\d{{4}}\b"
    rf"|\d{{1,2}}(?:st|nd|rd|th|er)?\b|(?:{_ZONES})\b(?:\s*[+\-\u2212]\s*\d{{1,2}}(?::?\d{{2}})?)?"
    r"|\(\s*local\s+time\s*\)|[ap]\.?m\.?\b)"
)
_JOINT = (
    r"(?:[ \t\u00a0]*(?:[,\-\u2013\u2014/|()]|\bto\b|\bfrom\b|\band\b|\buntil\b|\btill\b|\bthrough\b|\bau\b"
    r"|\bdu\b|\bet\b|\bde\b|\bal\b|\bthe\b|\bof\b|\bday[ \t]+of\b)[ \t\u00a0]*|[ \t\u00a0]+)+"
)
_PASSAGE = re.compile(rf"(?:\bfrom\s+)?{_PIECE}(?:{_JOINT}{_PIECE})*", re.IGNORECASE)
_MONTH = re.compile(rf"\b(?:{_MONTH_NAMES})\b", re.IGNORECASE)
_NUMERIC = re.compile(r"\b(?:\d{1,2}[./]\d{1,2}[./](?:19|20)\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})\b")
_YEAR = re.compile(r"\b(?:19[89]\d|20[0-4]\d)\b")
# Dates that are not the meeting's: revisions, postings, drafts, deadlines, comments, copyright.
_NOT_MEETING = re.compile(
    r"\b(?:edited|revision|revised|modified|posted|published|publication|updated|update|deadline|due|comments?"
    r"|commenting|submitted|submission|retrieved|accessed|printed|copyright|draft|version|last\s+(?:edited|updated|modified)|until|before"
    r"|by|registration|register|born|adopted|signed|launched|released|issued|apply|applications?"
    r"|later\s+than|following|prior\s+to|within|expires?|closes?\s+on)\b"
    r"|\u00a9|\[",
    re.IGNORECASE,
)
_TIME_ONLY = re.compile(
    rf"^\s*\d{{1,2}}[:.h]\d{{2}}(?:\s*[-\u2013]\s*\d{{1,2}}[:.h]\d{{2}})?\s*(?:(?:{_ZONES})\b.*)?$", re.IGNORECASE
)
_SENTENCE_BREAK = re.compile(r"[.;!?]\s|[\r\n]")


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


def document_year(text: str) -> int | None:
    """The year the start of a text names most often (in its first 2,000 characters), or None."""
    years = _YEAR.findall(text[:2000])
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
        if _MONTH.search(shorter) and (fixed := normalise_when(shorter, default)) is not None:
            return fixed
    return None


_ZONE_WORDS = frozenset(_ZONES.replace("\n", "").split("|"))
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


_SIGNED = re.compile(r"\b(?:done|signed|adopted|issued|made)\s+(?:at|in)\b", re.IGNORECASE)
"""The closing line of a communiqué or declaration: "Done at Port Mirela, 11 September 2013"."""


def _candidates(text: str, limit: int) -> list[_Candidate]:
    found: list[_Candidate] = []
    year = document_year(text)
    default = PartialDate(year) if year is not None else None
    for match in _PASSAGE.finditer(text, 0, min(len(text), limit)):
        start, end = match.span()
        passage = match.group()
        if not (_MONTH.search(passage) or _NUMERIC.search(passage)) or not re.search(r"\d", passage):
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
        breaks = list(_SENTENCE_BREAK.finditer(sentence))
        if breaks:
            sentence = sentence[breaks[-1].end() :]
        own_line = len(line.strip()) <= 90
        signed = _SIGNED.search(sentence) is not None
        found.append(_Candidate(start, end, when, guessed, _MEETING_CUE.search(sentence) is not None, own_line, signed))
    return found


def _excluded(text: str, start: int, end: int) -> bool:
    """Whether the words just before a date (in its sentence) say it is not the meeting's."""
    window = text[max(0, start - 60) : start]
    breaks = list(_SENTENCE_BREAK.finditer(window))
    if breaks:
        window = window[breaks[-1].end() :]
    line_start = text.rfind("\n", 0, start) + 1
    if text[line_start:start].strip().startswith("["):
        return True
    return _NOT_MEETING.search(window) is not None


def find_date(text: str, limit: int = _DATE_LIMIT) -> tuple[int, int, When, bool] | None:
    r"""The meeting's or session's date: its span, the date, and whether its year was completed from context.

    The first passage precise to the day (or a range of days) that a sentence
    presents as the meeting's ("held in ... from", "met on") wins, else the first
    precise to the day; a later one inside it on a line of its own or with a time
    (the session's day) wins over it, and a later range holding it (a press
    release's dateline, then the meeting's days) too. With no day, the first
    month. Revision, posting, draft and deadline dates are passed over. A date
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
        first = found[0]
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
        session_day = _inside(when, best.when) and (item.own_line or _rank(when) == 3 or item.cue)
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


# ----------------------------------------------------------------------------------------------- cities

_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][\w'\u2019.\-]*"
_CITY = rf"{_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|de|da|do|del|el|al|es|sur|am|upon|on))*?(?:\s+{_PLACE_WORD})?"
_CITY_COUNTRY = re.compile(
    rf"(?<![\w'])({_CITY}),\s+((?:{_PLACE_WORD}|and|of|the)(?:\s+(?:{_PLACE_WORD}|and|of|the))*)"
)
_VENUE_CUE = re.compile(
    r"\b(?:held|met|meets|meeting|took\s+place|takes\s+place|convened|hosted|gathered|organised|organized|opened"
    r"|venue|location|place|city|ville|lieu|à|in)\s*:?\s*$",
    re.IGNORECASE,
)
_NOT_CITY = frozenset(
    {
        # words that stand where a dateline's city would: "Agenda, 12 May 2019", "held in English, French"
        "agenda",
        "programme",
        "program",
        "draft",
        "updated",
        "version",
        "report",
        "minutes",
        "summary",
        "posted",
        "published",
        "revised",
        "edition",
        "day",
        "week",
        "opening",
        "closing",
        "statement",
        "press",
        "release",
        "news",
        "date",
        "deadline",
        "english",
        "french",
        "spanish",
        "arabic",
        "russian",
        "chinese",
        "portuguese",
        "german",
        "swahili",
        "hybrid",
        "person",
        "parallel",
        "plenary",
        "issued",
        "adopted",
        "final",
        "notes",
        "ministry",
        "university",
        "network",
        "authority",
        "government",
        "council",
        "commission",
        "association",
        "foundation",
        "institute",
        "agency",
        "office",
        "department",
        "society",
        "forum",
        "igf",
        "group",
        "hall",
        "room",
        "centre",
        "center",
        "hotel",
        "building",
        "secretariat",
        "committee",
        "company",
        "ltd",
        "inc",
        "bank",
        "union",
        "alliance",
        "coalition",
        "school",
        "college",
        "media",
        "radio",
        "the",
        "mr",
        "ms",
        "mrs",
        "dr",
        "prof",
        "eng",
        "ing",
        "h.e",
        "hon",
        "auditorium",
        "video",
        "workshop",
        "session",
        "online",
        # a region is not a city: "Lagos State, Nigeria", "Western Province, Zambia"
        "state",
        "province",
        "region",
        "county",
        "district",
        "governorate",
        "prefecture",
        "oblast",
        "canton",
        "territory",
    }
)


_WORD = re.compile(r"[^\s,;:|()\[\]]+")


def _city_countries(line: str) -> list[tuple[int, int, int]]:
    """Each "City, Country" in a line: where the city starts and ends, and where the country ends."""
    out: list[tuple[int, int, int]] = []
    for comma in re.finditer(r",\s+", line):
        after = [(m.start(), m.end()) for m in _WORD.finditer(line, comma.end(), min(len(line), comma.end() + 60))][:4]
        country_end = None
        for cut in range(len(after), 0, -1):
            words = line[after[0][0] : after[cut - 1][1]]
            if country_code(words.rstrip(".")) is not None:
                country_end = after[0][0] + len(words.rstrip("."))
                break
        if country_end is None:
            continue
        head = line[max(0, comma.start() - 60) : comma.start()]
        offset = max(0, comma.start() - 60)
        words_before = [(m.start() + offset, m.end() + offset) for m in _WORD.finditer(head)]
        city: tuple[int, int] | None = None
        for count in range(1, min(4, len(words_before)) + 1):
            first = words_before[-count][0]
            text = line[first : comma.start()]
            token = line[first : words_before[-count][1]]
            if re.search(r"[,;|\u2013\u2014\u00b7]|\s-\s", text) or (token.isupper() and len(token) > 1 and count > 1):
                break
            if not token[:1].isupper():
                if token in ("de", "da", "do", "del", "el", "es"):
                    continue
                break
            if _is_city(text):
                city = (first, comma.start())
        if city is not None:
            out.append((city[0], city[1], country_end))
    return out


def _is_city(words: str) -> bool:
    parts = words.replace(".", " ").split()
    if not parts or len(parts) > 4:
        return False
    return not any(part.lower() in _NOT_CITY for part in parts) and country_code(words) is None


def _known_city(words: str) -> bool:
    key = fold_text(words)
    return any(key in {fold_text(p) for p in (forum.city, *forum.aliases)} for forum in KNOWN_FORUMS)


_PROSE_CITY = re.compile(
    r"(?P<lead>\b(?:met|meets|held|hosted|convened|gathered|place|took\s+place|meeting)\b[^.;\n]{0,80}?)?"
    r"\b(?:in|at)\s+(?P<city>[A-Z\u00c0-\u00de][\w'\u2019\-]+(?:\s+[A-Z\u00c0-\u00de][\w'\u2019\-]+){0,2})"
    r"(?=\s*[,.;]|\s+(?:on|from|for|between)\b)"
)
_MEETING_VERB = re.compile(
    r"\b(?:met|meets|held|hosted|convened|gathered|took\s+place|takes\s+place|meeting)\b", re.IGNORECASE
)
_CITY_WORDS = r"[A-Z\u00c0-\u00de][\w'\u2019\-]+(?:\s+[A-Z\u00c0-\u00de][\w'\u2019\-]+){0,2}"
_NAMED_CITY = re.compile(
    rf"^(?:\W*\w+\W+){{0,6}}?(?i:messages\s+from)\s+(?P<head>{_CITY_WORDS})\s*(?:(?:19|20)\d{{2}})?"
    r"\s*(?:[|\u2013\u2014]\s.*)?$"
    rf"|^\s*(?i:done|signed|adopted)\s+(?i:at|in)\s+(?P<tail>{_CITY_WORDS})\s*,"
)
"""A city a document names as its own: a title "Messages from Tallinn", a closing "Done at Port Mirela, <date>"."""
_DATE_START = re.compile(
    rf"^(?:(?:du|le|from|on)\s+)?(?:(?:{_WEEKDAYS})\b[,.]?\s*)?\d{{1,2}}(?:st|nd|rd|th|er)?\b.*\b(?:{_MONTH_NAMES})\b"
    rf"|^(?:{_MONTH_NAMES})\s+\d{{1,2}}\b",
    re.IGNORECASE,
)


def _dateline_city(line: str, index: int) -> tuple[int, int] | None:
    """The city of a dateline, or of a header naming a known host city.

    Datelines: "City, 14 - 15 July 2016", "Open consultation, Novi Sad, 14 March
    2008" (a short line of the header); headers: "IGF 2024 Riyadh - Programme".
    """
    line = line[:100]
    offset = 0
    parts = line.split(",")
    for number, part in enumerate(parts):
        rest = line[offset + len(part) + 1 :].strip()
        if number + 1 < len(parts) and country_code(parts[number + 1].strip()) is not None:
            rest = ",".join(parts[number + 2 :]).strip()  # "Castries, Saint Lucia, 28 August 2015"
        words = part.strip()
        lead = offset + len(part) - len(part.lstrip())
        offset += len(part) + 1
        if not words or not rest or not _DATE_START.match(rest):
            continue
        if words.isupper():
            words = words.title()
        calendar = rf"(?i)(?:{_WEEKDAYS}|{_MONTH_NAMES})\.?"
        if ":" in words or any(re.fullmatch(calendar, word) for word in words.split()):
            continue  # "Date: Thursday, 12 November 2015": a label and a weekday, not a place
        if (
            _is_city(words)
            and len(words.split()) <= 3
            and all(w[:1].isupper() or w in ("de", "da", "el") for w in words.split())
        ):
            return lead, lead + len(part.strip())
    if index < 8 and (is_masthead(line) or re.search(r"\bIGF\s+(?:19|20)\d{2}\b", line)):
        for forum in KNOWN_FORUMS:
            for name in (forum.city, *forum.aliases):
                at = line.find(name)
                if at >= 0 and (at == 0 or not line[at - 1].isalpha()):
                    return at, at + len(name)
    return None


def find_city(text: str, limit: int = _HEAD_LIMIT) -> tuple[int, int] | None:
    """The span of the meeting's "City, Country" (or its known host city), or None.

    A "City, Country" counts on a short header line (a dateline, a venue line)
    or after a venue phrase ("held in", "met in", "Venue:"); never on a line
    that names a person first (a speaker's affiliation).

    >>> text = "The Forum met in Jinja, Uganda, from 11th to 13th March 2019."
    >>> found = find_city(text)
    >>> text[found[0] : found[1]]
    'Jinja, Uganda'
    """
    for index, (start, end) in enumerate(_lines(text, limit)):
        line = text[start:end]
        if title_rejection(line) == "boilerplate" and "|" not in line:
            continue
        for city_start, _city_end, span_end in _city_countries(line):
            before = line[:city_start]
            after = line[span_end:].strip()
            if re.match(r"[A-Z]", after):
                continue  # "Kwame Mensah, Ghana Open Data Initiative": an organisation, not a place
            cue = _VENUE_CUE.search(before) is not None
            alone = index < 6 and not before.strip() and not after
            masthead = before.strip(" |-\u2013\u2014\u00b7") if before.strip() else ""
            headed = is_masthead(masthead) or _YEAR.search(masthead) is not None
            if index < 8 and masthead and headed and before.rstrip()[-1:] in "|-\u2013\u2014\u00b7":
                alone = True  # "Internet Governance Forum 2021 | Katowice, Poland | Hybrid"
            dated = (
                len(line) <= 120
                and re.search(r"[|\u2013\u2014\-\u00b7,]\s*$|^\s*$", before) is not None
                and (find_date(line) is not None)
            )
            if not (cue or alone or dated):
                continue
            return start + city_start, start + span_end
    lines = _lines(text, limit)
    for index, (start, end) in enumerate(lines[:16]):
        found = _dateline_city(text[start:end], index)
        if found is not None:
            return start + found[0], start + found[1]
    for match in _PROSE_CITY.finditer(text, 0, min(len(text), limit)):
        city = match.group("city")
        words = city.split()
        if _MONTH.fullmatch(words[0]) or not _is_city(city) or country_code(city) is not None:
            continue
        sentence = text[max(0, match.start() - 120) : match.start()]
        breaks = list(_SENTENCE_BREAK.finditer(sentence))
        if breaks:
            sentence = sentence[breaks[-1].end() :]
        if _MEETING_VERB.search(sentence + " " + (match.group("lead") or "")):
            return match.start("city"), match.end("city")
    for index, (start, end) in enumerate(lines):
        named = _NAMED_CITY.match(text[start:end])
        if named is None or (named.group("head") is not None and index >= 8):
            continue
        group = "head" if named.group("head") is not None else "tail"
        city = named.group(group)
        if city[:1].isupper() and _is_city(city) and country_code(city) is None:
            return start + named.start(group), start + named.end(group)
    # a known host city after a venue phrase: "held in Kyoto from ..."
    for match in re.finditer(r"\b(?:held|met|took\s+place|convened|hosted)\s+in\s+(" + _CITY + ")", text[:limit]):
        if _known_city(match.group(1)):
            return match.start(1), match.end(1)
    return None


# ----------------------------------------------------------------------------------------------- titles

_BOILERPLATE_TITLE = re.compile(
    r"^(?:welcome\s+to|skip\s+to|jump\s+to|you\s+are\s+(?:on|here)|page\s+\d+\s+of|home\s*[|>»/]|main\s+menu|menu\b"
    r"|for\s+immediate\s+release|this\s+(?:legacy\s+)?(?:site|page)|search\b|log\s*in|sign\s+(?:in|up)|share\b"
    r"|print\b|back\s+to|click|cookie|template\s+only|\*\s*template|note\s*:|disclaimer|breadcrumb|menu"
    r"|also\s+available|download|printer|from\s+eurodig\s+wiki|retrieved\s+from|last\s+(?:edited|updated)"
    r"|this\s+is\s+an?\s+(?:old|earlier|draft)|revision\s+as\s+of|draft\b)",
    re.IGNORECASE,
)
_REPORT_BANNER = re.compile(r"\b(?:report\s+)?page\s+\d+\s+of\s+\d+\b|\breports?\s*$", re.IGNORECASE)
_FORUM_WORDS = frozenset(
    {
        "internet",
        "governance",
        "forum",
        "igf",
        "meeting",
        "annual",
        "secretariat",
        "documents",
        "document",
        "the",
        "of",
        "on",
        "a",
        "an",
        "for",
        "regional",
        "national",
        "youth",
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "1st",
        "2nd",
        "3rd",
        "4th",
        "5th",
        "6th",
        "7th",
        "8th",
        "9th",
        "10th",
        "11th",
        "12th",
        "13th",
        "14th",
        "15th",
        "16th",
        "17th",
        "18th",
        "19th",
        "20th",
        "edition",
        "global",
        "united",
        "nations",
        "un",
        "website",
        "archive",
        "official",
        "reports",
        "sessions",
        "programme",
        "program",
        "schedule",
        "site",
        "page",
        "day",
        "and",
    }
)
_DOCUMENT_WORDS = frozenset(
    {
        "summary",
        "messages",
        "minutes",
        "communique",
        "communiqué",
        "declaration",
        "synthesis",
        "outcome",
        "statement",
        "resolution",
        "report",
        "resolutions",
        "proceedings",
        "transcript",
        "notes",
        "recommendations",
    }
)
_GENERIC_HEADING = frozenset(
    {
        "workshop",
        "workshops",
        "report",
        "reports",
        "session",
        "sessions",
        "main",
        "programme",
        "program",
        "for",
        "of",
        "the",
        "on",
        "and",
        "summary",
        "preparatory",
        "process",
        "venue",
        "map",
        "page",
        "compiled",
        "by",
        "secretariat",
        "template",
        "proposal",
        "agenda",
        "schedule",
        "day",
        "annex",
        "contents",
        "table",
        "documents",
        "document",
        "transcript",
        "full",
        "also",
        "available",
        "in",
        "overview",
        "background",
        "a",
        "open",
        "forum",
        "forums",
        "town",
        "hall",
        "halls",
        "list",
        "all",
        "archive",
        "news",
        "event",
        "events",
        "details",
        "information",
        "info",
        "description",
        "abstract",
        "title",
        "home",
        "minutes",
    }
)
_INSTRUCTION = re.compile(
    r"\bplease\b|\bfields?\s+marked\b|\bcompulsory\b|\bmandatory\b|^if\s|\[\s*clear\s+filter\s*\]"
    r"|\bclick\b|^(?:posted|published|written|updated|filed)\b|^by\s|\b\d+\s*(?:min|mins|minutes)\b",
    re.IGNORECASE,
)
_PERSON = re.compile(r"^(?:[-*\u2022\u00b7]\s*)?(?:Mr|Ms|Mrs|Dr|Prof|H\.\s?E|Hon|Eng|Ing)\.?\s+[A-Z]")
_LABEL_LINE = re.compile("^[\\w'\u2019 ()/&.-]{1,40}:\\s+\\S|^[\\w'\u2019 ()/&.-]{1,60}:$")


_REPORT_PHRASE = re.compile(r"\b(?:workshop|session)\s+reports?\b", re.IGNORECASE)


def is_masthead(line: str) -> bool:
    """Whether a line only names the forum, its year and place, not a document's own title.

    "LESOTHO INTERNET GOVERNANCE FORUM", "Fifth Meeting of the Internet
    Governance Forum" and "IGF 2019 Reports" are mastheads.

    >>> is_masthead("Pacific Internet Governance Forum 2013"), is_masthead("Kigali IGF Messages")
    (True, False)
    """
    line = _REPORT_PHRASE.sub(" ", line)
    words = re.findall(r"[^\W_]+", line.lower())
    if not words:
        return False
    if any(word in _DOCUMENT_WORDS for word in words):
        return False
    if not ({"igf", "forum"} & set(words) or "reports" in words):
        return False
    shouting = line.upper() == line
    rest = [
        w
        for w in re.findall(r"[^\W_]+", line)
        if w.lower() not in _FORUM_WORDS and not w.isdigit() and not _MONTH.fullmatch(w)
    ]
    return len(rest) <= 3 and all(shouting or w[:1].isupper() or w.isupper() for w in rest)


def _only_date_or_place(line: str) -> bool:
    if _TIME_ONLY.match(line):
        return True
    stripped = line
    passage = _PASSAGE.sub(" ", stripped)
    passage = _CITY_COUNTRY.sub(" ", passage)
    leftover = re.findall(r"[^\W\d_]{2,}", passage)
    leftover = [w for w in leftover if w.lower() not in _FORUM_WORDS and country_code(w) is None and not _known_city(w)]
    dated = bool(_MONTH.search(line))
    named = [w for w in leftover if w not in ("from", "of", "in", "de", "du")]  # "Messages from Halvarn | 19 June"
    if dated and len(line) <= 70 and len(named) <= 4 and all(w[:1].isupper() for w in named):
        return True  # "Port Lumen, 3-5 September 2013": a place and a date
    return len(leftover) <= 1 and (dated or bool(_CITY_COUNTRY.search(line)))


_LABEL_WORDS = frozenset(
    {
        "name",
        "title",
        "date",
        "dates",
        "time",
        "list",
        "venue",
        "place",
        "location",
        "room",
        "organizer",
        "organiser",
        "organizers",
        "organisers",
        "speaker",
        "speakers",
        "moderator",
        "moderators",
        "rapporteur",
        "session",
        "type",
        "theme",
        "subtheme",
        "track",
        "format",
        "chair",
        "status",
        "contact",
        "email",
        "country",
        "affiliation",
        "paper",
        "description",
        "summary",
        "report",
        "notes",
        "panellists",
        "panelists",
        "question",
        "questions",
        "where",
        "when",
        "by",
        "proposer",
        "proposers",
        "reporter",
        "focal",
        "source",
    }
)


def _is_label(prefix: str) -> bool:
    """Whether the words before a colon are a field's label, not the first half of a title with a subtitle.

    "Venue" and "Speaker 1" are labels; "Governing generative AI" (before "who
    writes the rules?") is not.
    """
    if _CODE.fullmatch(prefix.strip()):
        return False  # "WORKSHOP 61: KEEPING CHILDREN SAFE ...": a session id, then the title
    words = re.findall(r"[^\W_]+", prefix.lower())
    if len(words) <= 2 or re.search(r"[\d()&/\[]", prefix):
        return True
    return len(words) <= 4 and any(word in _LABEL_WORDS for word in words) and "," not in prefix


def title_rejection(line: str) -> str | None:
    """Why a line cannot be a title, or None when it can.

    The reasons: "boilerplate", "navigation", "dateline", "label", "sentence", "masthead".

    >>> title_rejection("News | Events | Contact"), title_rejection("Open data in Africa")
    ('navigation', None)
    """
    stripped = line.strip(" \t*#=_-\u2022>")
    if not stripped or not any(char.isalpha() for char in stripped):
        return "boilerplate"
    if _BOILERPLATE_TITLE.match(stripped) or (_REPORT_BANNER.search(stripped) and len(stripped) < 40):
        return "boilerplate"
    pieces = re.split(r"\s+[|»>·/]\s+|\s+\u2022\s+", stripped)
    if len(pieces) >= 3 and sum(len(p.split()) <= 3 for p in pieces) >= len(pieces) - 1:
        return "navigation"
    if "»" in stripped or " > " in stripped or "\u203a" in stripped:
        return "navigation"
    words = re.findall(r"[^\W\d_]+", stripped.lower())
    if words and all(word in _GENERIC_HEADING for word in words):
        return "heading"
    if _INSTRUCTION.search(stripped):
        return "instruction"
    if _PERSON.match(stripped):
        return "person"
    if line.lstrip().startswith((">>", "&gt;&gt;")):
        return "turn"
    if _PERSON.match(stripped):
        return "person"
    if _LABEL_LINE.match(stripped) and _is_label(stripped.split(":", 1)[0]):
        return "label"
    if _only_date_or_place(stripped):
        return "dateline"
    if stripped.endswith(":"):
        return "label"
    if len(stripped) > 160 or (stripped.endswith(".") and len(stripped.split()) > 3):
        return "sentence"
    if is_masthead(stripped):
        return "masthead"
    return None


def choose_title(text: str, lines: int = TITLE_LINES) -> tuple[int, int, int] | None:
    r"""The span of the best title line among the first *lines* non-blank lines, and how many were passed over.

    The first line that is not boilerplate, navigation, a dateline, a label, a
    sentence or a masthead; a masthead only when nothing else qualifies.

    >>> text = "LESOTHO INTERNET GOVERNANCE FORUM\nMaseru, 21-22 May 2018\nReport of the Third Forum\n"
    >>> start, end, skipped = choose_title(text)
    >>> text[start:end], skipped
    ('Report of the Third Forum', 2)
    """
    masthead: tuple[int, int, int] | None = None
    spans = _lines(text, _HEAD_LIMIT)[:lines]
    for index, (start, end) in enumerate(spans):
        why = title_rejection(text[start:end])
        if why is None and _section_heading(text[start:end]):
            why = "heading"
        if why == "label":
            value = _title_label_value(text, start, end)
            if value is not None:
                return (*trim_title(text, *value), index)
        if why is None:
            if is_document_type(text[start:end]):
                return _with_masthead(text, spans, index)
            return (*trim_title(text, start, end), index)
        if why == "masthead" and masthead is None:
            masthead = (*trim_title(text, start, end), index)
    return masthead


_TITLE_LABEL = re.compile(
    r"[ \t*#>\u2022-]*(?:(?:session|workshop|event)\s+)?(?:title|name)(?:\s+of\s+(?:the\s+)?(?:session|workshop))?"
    r"\s*:[ \t]*(?=\S)",
    re.IGNORECASE,
)


def _title_label_value(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The value of a "Title: X" or "Session title: X" line, or None for any other label."""
    found = _TITLE_LABEL.match(text, start, end)
    if found is None or title_rejection(text[found.end() : end]) is not None:
        return None
    return found.end(), end


_DOCUMENT_TYPE_EXTRA = frozenset(
    {"final", "chair", "chairs", "chairman", "s", "outcome", "document", "of", "the", "and", "key"}
)


def is_document_type(line: str) -> bool:
    """Whether a line only names a kind of document ("COMMUNIQUE", "Final Report", "Chair's Summary").

    >>> is_document_type("COMMUNIQUÉ"), is_document_type("Communiqué on open data")
    (True, False)
    """
    words = re.findall(r"[^\W\d_]+", line.lower())
    return (
        0 < len(words) <= 4
        and any(word in _DOCUMENT_WORDS for word in words)
        and all(word in _DOCUMENT_WORDS or word in _DOCUMENT_TYPE_EXTRA for word in words)
    )


def _adjacent(text: str, first: tuple[int, int], second: tuple[int, int]) -> bool:
    """Whether two lines follow each other with no blank line between them."""
    return text[first[1] : second[0]].count("\n") <= 1


def _with_masthead(text: str, spans: list[tuple[int, int]], index: int) -> tuple[int, int, int]:
    """A document-type line joined with the masthead written just above or below it, as one heading.

    "9th Coast Internet Governance Forum" over "COMMUNIQUE" is one title; a
    document-type line with no masthead beside it stays alone.
    """
    start, end = spans[index]
    if index > 0 and _adjacent(text, spans[index - 1], spans[index]):
        above = spans[index - 1]
        if is_masthead(text[above[0] : above[1]]) and not text[above[0] : above[1]].rstrip().endswith(":"):
            return above[0], end, index - 1
    if index + 1 < len(spans) and _adjacent(text, spans[index], spans[index + 1]):
        below = spans[index + 1]
        if is_masthead(text[below[0] : below[1]]):
            return start, below[1], index
    return (*trim_title(text, start, end), index)


@functools.lru_cache(maxsize=1)
def _headings() -> frozenset[str]:
    """The built-in templates' section labels, folded, less those that name a kind of document."""
    return frozenset(
        fold_text(alias)
        for name in BUILT_IN
        for label in get(name).labels
        if label.field not in ("title", "boilerplate")
        for alias in label.aliases
        if not is_document_type(alias)
    )


def _section_heading(line: str) -> bool:
    """Whether a line is only one of the built-in templates' section labels ("Policy questions", "Speakers").

    A label that names a kind of document ("Chair's Summary") is left to the title rules.
    """
    folded = fold_text(line.strip(" \t*#=_-\u2022>:"))
    return bool(folded) and folded in _headings()


_STATUS = re.compile(
    r"\s*(?:[-\u2013\u2014|:]\s*)?(?:\(\s*)?(?:draft\b[^)]*|raw|final|unedited|provisional|advance\s+copy)(?:\s*\))?\s*$",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s+[|\u2013\u2014\u00b7]\s+|\s+-\s+")


def trim_title(text: str, start: int, end: int) -> tuple[int, int]:
    """Cut status stamps and session-id or year segments from a title; its new span.

    Status stamps: "- draft", "(draft for review)", "- RAW"; segments: "| IGF 2023
    Open Forum #61", "- PL 03 2017", "- 2010" (hyphens or dashes), a leading
    "IGF 2019 WS #12".

    >>> text = "Safe Harbours for Researchers | IGF 2023 Open Forum #61"
    >>> start, end = trim_title(text, 0, len(text))
    >>> text[start:end]
    'Safe Harbours for Researchers'
    """
    for _ in range(4):
        line = text[start:end]
        status = _STATUS.search(line)
        if status is not None and status.start() > 0:
            end = start + status.start()
            continue
        bracket = re.search(r"\s*\(([^()]{1,30})\)\s*$", line)
        if bracket is not None and bracket.start() > 0 and _is_code_or_year(bracket.group(1)):
            end = start + bracket.start()
            continue
        pieces = [(m.start(), m.end()) for m in _SEPARATOR.finditer(line)]
        if pieces:
            cut_at, resume = pieces[-1]
            tail = line[resume:]
            if _is_code_or_year(tail):
                end = start + cut_at
                continue
            head = line[: pieces[0][0]]
            if _is_code_or_year(head):
                start = start + pieces[0][1]
                continue
        code = _CODE.search(line)
        if code is not None and _is_context(line[: code.start()]) and len(line[code.end() :].strip()) > 8:
            rest = line[code.end() :]
            start = start + code.end() + len(rest) - len(rest.lstrip(" :-\u2013\u2014|"))
            continue
        if code is not None and code.start() <= 20 and _is_code_or_year(line[: code.end()]):
            rest = line[code.end() :]
            offset = len(rest) - len(rest.lstrip(" :-\u2013\u2014|"))
            if len(rest.strip()) > 8:
                start = start + code.end() + offset
                continue
        break
    while end > start and text[end - 1] in " \t-\u2013\u2014|:,":
        end -= 1
    return start, end


def _is_context(head: str) -> bool:
    """Whether what stands before a session id in a title line only places it: forum, year, day, room.

    "African IGF 2017 - Day 2 - Main Hall -" and "IGF 2022 Day 3" do.
    """
    pieces = [p for p in _SEPARATOR.split(head) if p.strip(" -\u2013\u2014|")]
    if not pieces:
        return True
    for raw in pieces:
        piece = raw.strip(" -\u2013\u2014|")
        if re.fullmatch(r"(?i)(?:day\s+\d+|main\s+hall|plenary(?:\s+hall)?|(?:room|hall)\s+\w+)", piece):
            continue
        if re.fullmatch(r"(?i)(?:.*\b(?:igf|forum)\b.*?)(?:\s+day\s+\d+)?", piece) and (
            is_masthead(re.sub(r"(?i)\bday\s+\d+", " ", piece)) or _is_code_or_year(piece)
        ):
            continue
        return False
    return True


def _is_code_or_year(piece: str) -> bool:
    """Whether a title segment holds only a session id, a year, the forum's name and "Day N"."""
    rest = _CODE.sub(" ", piece)
    rest = re.sub(r"\b(?:19|20)\d{2}\b|\bday\s+\d+\b", " ", rest, flags=re.IGNORECASE)
    words = re.findall(r"[^\W\d_]+", rest.lower())
    if not words:
        return bool(piece.strip())
    allowed = {"main", "hall", "room", "plenary", "session", "sessions", "workshop", "open", "town", "programme"}
    return all(word in _FORUM_WORDS or word in allowed for word in words) and (
        _CODE.search(piece) is not None or bool(re.search(r"\b(?:19|20)\d{2}\b", piece))
    )
