"""What a city name looks like: "City, Country" pairs, venue cues, words that are never a city.

The shapes :mod:`._cities` reads a meeting's city with, and :mod:`._title_lines`
rejects datelines with.
"""

from __future__ import annotations

import re

from govrecords.importers._places import KNOWN_FORUMS, country_code
from govrecords.importers._text import fold_text

__all__ = ["CITY", "CITY_COUNTRY", "VENUE_CUE", "city_countries", "is_city", "known_city"]


_PLACE_WORD = r"[A-ZÀ-ÖØ-Þ][\w'\u2019.\-]*"
CITY = rf"{_PLACE_WORD}(?:\s+(?:{_PLACE_WORD}|de|da|do|del|el|al|es|sur|am|upon|on))*?(?:\s+{_PLACE_WORD})?"
CITY_COUNTRY = re.compile(rf"(?<![\w'])({CITY}),\s+((?:{_PLACE_WORD}|and|of|the)(?:\s+(?:{_PLACE_WORD}|and|of|the))*)")
VENUE_CUE = re.compile(
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


def city_countries(line: str) -> list[tuple[int, int, int]]:
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
            if is_city(text):
                city = (first, comma.start())
        if city is not None:
            out.append((city[0], city[1], country_end))
    return out


def is_city(words: str) -> bool:
    parts = words.replace(".", " ").split()
    if not parts or len(parts) > 4:
        return False
    return not any(part.lower() in _NOT_CITY for part in parts) and country_code(words) is None


def known_city(words: str) -> bool:
    key = fold_text(words)
    return any(key in {fold_text(p) for p in (forum.city, *forum.aliases)} for forum in KNOWN_FORUMS)
