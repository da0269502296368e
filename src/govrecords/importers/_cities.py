r"""The city of the meeting, from "City, Country" datelines and venue phrases, never a room or a venue.

:func:`find_city` reads the head of a document ("Berlin, Germany" in a dateline,
"held in Tbilisi, Georgia" in prose).

>>> text = "IGF 2019 WS #12 Open data\n26 November 2019, 10:00-11:30 CET, Berlin, Germany\n"
>>> start, end = find_city(text)
>>> text[start:end]
'Berlin, Germany'
"""

from __future__ import annotations

import re

from govrecords.importers._city_names import CITY, VENUE_CUE, city_countries, is_city, known_city
from govrecords.importers._dates import ANY_YEAR, MONTH, MONTH_NAMES, SENTENCE_BREAK, WEEKDAYS, YEAR, find_date
from govrecords.importers._identifiers import HEAD_LIMIT, head_lines
from govrecords.importers._places import KNOWN_FORUMS, country_code
from govrecords.importers._title_lines import DOCUMENT_WORDS, is_masthead, title_rejection

__all__ = ["find_city"]


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
    rf"^(?:(?:du|le|from|on)\s+)?(?:(?:{WEEKDAYS})\b[,.]?\s*)?\d{{1,2}}(?:st|nd|rd|th|er)?\b.*\b(?:{MONTH_NAMES})\b"
    rf"|^(?:{MONTH_NAMES})\s+\d{{1,2}}\b",
    re.IGNORECASE,
)


_NOT_CITY_WORDS = DOCUMENT_WORDS | {"forum", "igf", "meeting", "conference", "summit", "session", "workshop"}
"""Words of a document's or a meeting's name: a dateline part holding one is not the city."""


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
        calendar = rf"(?i)(?:{WEEKDAYS}|{MONTH_NAMES})\.?"
        if ":" in words or any(re.fullmatch(calendar, word) for word in words.split()):
            continue  # "Date: Thursday, 12 November 2015": a label and a weekday, not a place
        if any(word.casefold() in _NOT_CITY_WORDS for word in re.findall(r"[^\W\d_]+", words)):
            continue  # "Forum Communiqu\u00e9, 14-16 October 2009": the document's name, not a place
        if (
            is_city(words)
            and len(words.split()) <= 3
            and all(w[:1].isupper() or w in ("de", "da", "el") for w in words.split())
        ):
            return lead, lead + len(part.strip())
    if index < 8 and (is_masthead(line) or re.search(r"\bIGF\s*(?:19|20)\d{2}\b", line)):
        # a line that names years is the meeting of its first ("IGF 2024 Riyadh: review of IGF 2023 Kyoto" is
        # at Riyadh; "IGF 2031 Lakeville: review of IGF2023 Kyoto" at no host city of the table)
        first = ANY_YEAR.search(line)
        forums = [f for f in KNOWN_FORUMS if first is None or f.year == int(first.group())]
        for forum in forums:
            for name in (forum.city, *forum.aliases):
                at = line.find(name)
                if at >= 0 and (at == 0 or not line[at - 1].isalpha()):
                    return at, at + len(name)
    return None


def find_city(text: str, limit: int = HEAD_LIMIT) -> tuple[int, int] | None:
    """The span of the meeting's "City, Country" (or its known host city), or None.

    A "City, Country" counts on a short header line (a dateline, a venue line)
    or after a venue phrase ("held in", "met in", "Venue:"); never on a line
    that names a person first (a speaker's affiliation).

    >>> text = "The Forum met in Jinja, Uganda, from 11th to 13th March 2019."
    >>> found = find_city(text)
    >>> text[found[0] : found[1]]
    'Jinja, Uganda'
    """
    for index, (start, end) in enumerate(head_lines(text, limit)):
        line = text[start:end]
        if title_rejection(line) == "boilerplate" and "|" not in line:
            continue
        for city_start, _city_end, span_end in city_countries(line):
            before = line[:city_start]
            after = line[span_end:].strip()
            if re.match(r"[A-Z]", after):
                continue  # "Kwame Mensah, Ghana Open Data Initiative": an organisation, not a place
            cue = VENUE_CUE.search(before) is not None
            alone = index < 6 and not before.strip() and not after
            masthead = before.strip(" |-\u2013\u2014\u00b7") if before.strip() else ""
            headed = is_masthead(masthead) or YEAR.search(masthead) is not None
            if index < 8 and masthead and headed and before.rstrip()[-1:] in "|-\u2013\u2014\u00b7":
                alone = True  # "Internet Governance Forum 2021 | Katowice, Poland | Hybrid"
            dated = (
                len(line) <= 120
                and re.search(r"[|\u2013\u2014\-\u00b7,]\s*$|^\s*$|\b(?:19|20)\d{2}\s+$", before) is not None
                and (find_date(line) is not None)
            )
            if not (cue or alone or dated):
                continue
            return start + city_start, start + span_end
    lines = head_lines(text, limit)
    for index, (start, end) in enumerate(lines[:16]):
        found = _dateline_city(text[start:end], index)
        if found is not None:
            return start + found[0], start + found[1]
    for match in _PROSE_CITY.finditer(text, 0, min(len(text), limit)):
        city = match.group("city")
        words = city.split()
        if MONTH.fullmatch(words[0]) or not is_city(city) or country_code(city) is not None:
            continue
        sentence = text[max(0, match.start() - 120) : match.start()]
        breaks = list(SENTENCE_BREAK.finditer(sentence))
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
        if city[:1].isupper() and is_city(city) and country_code(city) is None:
            return start + named.start(group), start + named.end(group)
    # a known host city after a venue phrase: "held in Kyoto from ..."
    for match in re.finditer(r"\b(?:held|met|took\s+place|convened|hosted)\s+in\s+(" + CITY + ")", text[:limit]):
        if known_city(match.group(1)):
            return match.start(1), match.end(1)
    return None
