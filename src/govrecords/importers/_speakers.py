"""Speaker lines split into name, honorific, title, affiliation, stakeholder group, region, country.

Real lines come as "Kuo-Wei Wu", "Name, Org", "Name, Civil Society, Asia-Pacific
Group", "Ms. Name, Title, Org, Country", "Name (Org)" or "Name - Org". Parts are
split at commas outside parentheses, on the text as given, so every part keeps
its span. Parts that name a stakeholder group, a UN regional group or a country
are recognised wherever they stand after the name; of the rest, the first is the
name, then (when three or more remain) a title, then the affiliation.
"""

from __future__ import annotations

import re

import attrs

from govrecords.importers._names import honorific_end, is_organisation, is_person_name
from govrecords.importers._places import country_code
from govrecords.importers._text import BLANKS, collapse, fold_text
from govrecords.vocabulary import (
    AMBIGUOUS_STAKEHOLDER_WORDING,
    StakeholderKind,
    normalise_wording,
    read_regional_group,
    read_stakeholder,
)

__all__ = ["ParsedParticipant", "parse_participant", "split_items"]

_STATUS = frozenset({"confirmed", "tbc", "to be confirmed", "invited", "tentative", "pending", "accepted"})
_TITLE_WORDS = (
    "director",
    "professor",
    "head",
    "ceo",
    "chair",
    "minister",
    "senior",
    "manager",
    "advisor",
    "adviser",
    "president",
    "vice",
    "executive",
    "secretary",
    "officer",
    "researcher",
    "lecturer",
    "founder",
    "coordinator",
    "member",
    "deputy",
    "chief",
    "policy",
    "programme",
    "program",
    "project",
    "ambassador",
    "counsel",
    "editor",
    "undersecretary",
    "under-secretary",
    "permanent",
    "general",
    "lead",
    "principal",
    "assistant",
    "associate",
    "commissioner",
    "dean",
    "rector",
    "analyst",
    "specialist",
    "consultant",
    "engineer",
    "lawyer",
    "journalist",
    "student",
    "fellow",
    "rapporteur",
    "moderator",
    "facilitator",
    "speaker",
    "participant",
    "cto",
    "cio",
    "coo",
    "cfo",
    "mp",
    "communications",
    "youth",
    "legal",
    "technical",
)


@attrs.frozen
class ParsedParticipant:
    """The parts of a speaker line, each as (value, start, end) in the text."""

    name: tuple[str, int, int]
    honorific: tuple[str, int, int] | None = None
    title: tuple[str, int, int] | None = None
    affiliation: tuple[str, int, int] | None = None
    stakeholder: tuple[str, int, int] | None = None
    regional_group: tuple[str, int, int] | None = None
    country: tuple[str, int, int] | None = None
    status: tuple[str, int, int] | None = None
    ambiguous: bool = False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in BLANKS:
        start += 1
    while end > start and text[end - 1] in BLANKS:
        end -= 1
    return start, end


def _parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    parts: list[tuple[int, int]] = []
    depth = 0
    begin = start
    for index in range(start, end):
        char = text[index]
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(_trim(text, begin, index))
            begin = index + 1
    parts.append(_trim(text, begin, end))
    return [(a, b) for a, b in parts if b > a]


def split_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split a line of several speakers at semicolons: each item's span."""
    items: list[tuple[int, int]] = []
    begin = start
    for index in range(start, end):
        if text[index] == ";":
            items.append(_trim(text, begin, index))
            begin = index + 1
    items.append(_trim(text, begin, end))
    return [(a, b) for a, b in items if b > a]


def _dash_split(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Name \u2013 Group \u2013 Org" or "Name | Org | Group" at every dash or rule."""
    for dash in (" | ", " - ", " \u2013 ", " \u2014 "):
        if text.find(dash, start, end) > start:
            out: list[tuple[int, int]] = []
            begin = start
            at = text.find(dash, start, end)
            while at >= 0:
                out.append(_trim(text, begin, at))
                begin = at + len(dash)
                at = text.find(dash, begin, end)
            out.append(_trim(text, begin, end))
            return [(a, b) for a, b in out if b > a]
    return [(start, end)]


# a dash between a name and what follows it: "Petra Holm \u2013 Ph.D. Candidate", "Tomas Vik- Public Policy"
# (a hyphen joined on both sides, as in "Jean-Luc", is part of the name)
_NAME_DASH = re.compile(r"[\s\u00a0]*[\u2013\u2014][\s\u00a0]*|(?<=[^\W\d_])[\s\u00a0]*-[\s\u00a0]+")


def _name_dash(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split the first part of a comma row at a dash after a personal name; the part itself if none.

    >>> row = "Dr. Petra Holm \u2013 Ph.D. Candidate, North University"
    >>> [row[a:b] for a, b in _name_dash(row, 0, row.index(","))]
    ['Dr. Petra Holm', 'Ph.D. Candidate']
    """
    found = _NAME_DASH.search(text, start, end)
    if found is None or found.start() <= start or found.end() >= end:
        return [(start, end)]
    name_start = honorific_end(text, start, found.start())
    if not is_person_name(text[name_start : found.start()]):
        return [(start, end)]
    return [(start, found.start()), (found.end(), end)]


def _group_suffix(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split "Org (Civil Society)" into the organisation and the group its parenthesis names."""
    if end - start < 4 or text[end - 1] != ")":
        return [(start, end)]
    opening = text.rfind("(", start, end)
    if opening <= start:
        return [(start, end)]
    inner = _trim(text, opening + 1, end - 1)
    wording = text[inner[0] : inner[1]]
    if read_stakeholder(wording) is StakeholderKind.UNKNOWN and read_regional_group(wording) is None:
        return [(start, end)]
    head = _trim(text, start, opening)
    if read_regional_group(text[head[0] : head[1]]) is not None or read_stakeholder(text[head[0] : head[1]]) is not (
        StakeholderKind.UNKNOWN
    ):
        return [(start, end)]  # "Western European and Others Group (WEOG)": the group and its short name
    return [head, inner] if head[1] > head[0] else [inner]


def parse_participant(text: str, start: int, end: int, *, organisation: bool = False) -> ParsedParticipant | None:
    """Split the speaker line ``text[start:end]``; None when no name is left.

    >>> line = "Ms. Jane Roe, Director, Acme Ltd, Kenya"
    >>> p = parse_participant(line, 0, len(line))
    >>> p.honorific[0], p.name[0], p.title[0], p.affiliation[0], p.country[0]
    ('Ms.', 'Jane Roe', 'Director', 'Acme Ltd', 'Kenya')
    """
    start, end = _trim(text, start, end)
    if end <= start or end - start > 1000:
        return None
    parts = _parts(text, start, end)
    if len(parts) == 1:
        parts = _dash_split(text, *parts[0])
    dashed: tuple[int, int] | None = None  # the part after "Name - ", a job when an organisation follows
    if len(parts) > 1 and not organisation:
        split = _name_dash(text, *parts[0])
        if len(split) == 2:
            parts[:1] = split
            dashed = split[1]
    parts = [piece for a, b in parts for piece in _group_suffix(text, a, b)]
    found: dict[str, tuple[str, int, int]] = {}
    ambiguous = False
    rest: list[tuple[int, int]] = []
    for index, (a, b) in enumerate(parts):
        value = collapse(text[a:b])
        if index == 0 or not value:
            rest.append((a, b))
            continue
        key = normalise_wording(value).strip(" .;:()")
        if key in _STATUS and "status" not in found:
            found["status"] = (value, a, b)
        elif read_stakeholder(value) is not StakeholderKind.UNKNOWN and "stakeholder" not in found and "," not in value:
            found["stakeholder"] = (value, a, b)
            ambiguous = key in AMBIGUOUS_STAKEHOLDER_WORDING
        elif read_regional_group(value) is not None and "regional_group" not in found:
            found["regional_group"] = (value, a, b)
        elif country_code(value) is not None and "country" not in found:
            found["country"] = (value, a, b)
        else:
            rest.append((a, b))
    if not rest:
        return None
    name_start, name_end = rest[0]
    honorific = None
    if not organisation:
        honorific, name_start = _honorific(text, name_start, name_end)
    name_start, name_end, affiliation = _parenthesised(text, name_start, name_end)
    if organisation and affiliation is not None and _ACRONYM.fullmatch(text[affiliation[0] : affiliation[1]]):
        name_end, affiliation = affiliation[1] + 1, None  # "Working Group (WG)": the short name is part of the name
    bracket_title: tuple[int, int] | None = None
    if affiliation is not None:
        # "Name (Org, Government)": the parenthesis holds the parts a comma row would
        inner: list[tuple[int, int]] = []
        for a, b in _parts(text, *affiliation):
            value = collapse(text[a:b])
            if read_stakeholder(value) is not StakeholderKind.UNKNOWN and "stakeholder" not in found:
                found["stakeholder"] = (value, a, b)
            elif read_regional_group(value) is not None and "regional_group" not in found:
                found["regional_group"] = (value, a, b)
            elif country_code(value) is not None and "country" not in found and inner:
                found["country"] = (value, a, b)
            else:
                inner.append((a, b))
        if len(inner) >= 2 and text[inner[0][0] : inner[0][1]].islower():
            bracket_title = inner[0]  # "(youth participant, Org)": a job, then the organisation
            inner = inner[1:]
        affiliation = (inner[0][0], inner[-1][1]) if inner else None
    name = collapse(text[name_start:name_end])
    if not name:
        return None
    others = rest[1:]
    title = bracket_title
    dashed_job = dashed is not None and affiliation is None and len(others) >= 2 and others[0] == dashed
    job_first = affiliation is None and len(others) >= 2 and (dashed_job or _looks_like_title(text[slice(*others[0])]))
    if job_first:
        title, others = others[0], others[1:]  # "Name, Job, Organisation", "Name - Job, Organisation"
    if len(others) >= 2 and _place_like(text, *others[-1]):
        others = others[:-1]  # "Org, Berlin": a trailing city or country is not part of the affiliation
    if affiliation is None and others:
        if job_first or len(others) >= 2:
            affiliation = (others[0][0], others[-1][1])
        elif _looks_like_title(text[others[0][0] : others[0][1]]):
            title = others[0]
        else:
            affiliation = others[0]
    if (
        title is not None
        and affiliation is not None
        and _CUT_PHRASE.search(text, title[0], title[1])
        and _place_like(text, *affiliation)
    ):
        affiliation = None  # "Minister of Communications, Science": a cut-off phrase, not an organisation
    if affiliation is not None:
        rule = text.find(" | ", affiliation[0], affiliation[1])
        if rule > affiliation[0]:
            affiliation = (affiliation[0], rule)  # a flattened table's next cell is not part of it
    return ParsedParticipant(
        name=(name, name_start, name_end),
        honorific=honorific,
        title=_valued(text, title),
        affiliation=_valued(text, affiliation),
        stakeholder=found.get("stakeholder"),
        regional_group=found.get("regional_group"),
        country=found.get("country"),
        status=found.get("status"),
        ambiguous=ambiguous,
    )


def _valued(text: str, span: tuple[int, int] | None) -> tuple[str, int, int] | None:
    if span is None:
        return None
    value = collapse(text[span[0] : span[1]])
    return (value, span[0], span[1]) if value else None


def _honorific(text: str, start: int, end: int) -> tuple[tuple[str, int, int] | None, int]:
    stop = honorific_end(text, start, end)
    if stop == start or stop >= end:
        return None, start
    words_end = stop
    while words_end > start and text[words_end - 1] in BLANKS:
        words_end -= 1
    return (text[start:words_end], start, words_end), stop


def _parenthesised(text: str, start: int, end: int) -> tuple[int, int, tuple[int, int] | None]:
    """Split "Name (Org)": the name's span, and the affiliation inside the parentheses."""
    if end - start < 4 or text[end - 1] != ")":
        return start, end, None
    opening = text.rfind("(", start, end)
    if opening <= start:
        return start, end, None
    inner = _trim(text, opening + 1, end - 1)
    name = _trim(text, start, opening)
    if inner[1] <= inner[0] or name[1] <= name[0]:
        return start, end, None
    inside = text[inner[0] : inner[1]]
    if inside.islower() and len(inside.split()) <= 2:
        return name[0], name[1], None  # "Tove Lindqvar (main)", "(sub)", "(online)": a note, not an organisation
    initials = "".join(word[0] for word in re.findall(r"[^\W\d_]+", text[name[0] : name[1]]) if word[0].isupper())
    if inside.isupper() and len(inside) >= 2 and inside.replace(".", "") in (initials, initials[-len(inside) :]):
        return name[0], name[1], None  # "Zora Petrovic (ZP)": the person's initials, an alias
    return name[0], name[1], inner


_JOB_NOUNS = frozenset(
    {
        "director",
        "member",
        "manager",
        "advisor",
        "adviser",
        "officer",
        "founder",
        "co-founder",
        "president",
        "professor",
        "coordinator",
        "consultant",
        "researcher",
        "lecturer",
        "analyst",
        "specialist",
        "engineer",
        "secretary",
        "ambassador",
        "commissioner",
        "minister",
        "fellow",
        "chairman",
        "chairperson",
        "ceo",
        "associate",
        "assistant",
        "expert",
        "intern",
    }
)
"""Nouns of a job: a part holding one in its first words ("Founding Member and Executive Director") is a title."""


def _looks_like_title(part: str) -> bool:
    words = fold_text(part).split()
    if not words:
        return False
    if words[0] in _TITLE_WORDS or part.islower():
        return True
    return any(word.strip(".,&") in _JOB_NOUNS for word in words[:4]) and not is_organisation(part)


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&\-]{1,9}")
_CUT_PHRASE = re.compile(r"\b(?:of|for|and|on)\s+\S+\s*$")
"""A title ending "of Communications", whose comma may have cut its phrase ("..., Science and Technology")."""


def _place_like(text: str, start: int, end: int) -> bool:
    """A part that is one or two capitalised words with no organisation word: a city, a country, a stray word."""
    words = text[start:end].split()
    return (
        0 < len(words) <= 2
        and all(w[:1].isupper() for w in words)
        and not any(is_organisation(w) or _ACRONYM.fullmatch(w) for w in words)
        and not is_organisation(text[start:end])
    )
