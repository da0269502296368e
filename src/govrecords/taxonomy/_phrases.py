"""The phrase matcher behind tagging: how wordings are indexed, and which capitalised runs are names.

A taxonomy's labels, aliases, cues, names and idioms become :class:`Entry` items
(folded words, the spellings where case matters, the kind of wording), indexed by
their first word; a hyphenated variant is indexed too. A match made of capitalised
words next to an organisation word ("Foundation", "Ministry") is part of a name,
not a topic (:func:`name_around`). :class:`~govrecords.taxonomy.Taxonomy` uses
these to tag text; they are private to the package.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from govrecords._fold import TOPIC_TOKEN as _TOKEN
from govrecords._fold import topic_word as _fold

# What may separate the words of one phrase: spaces, an apostrophe ("women's"), a
# slash ("PIPA/SOPA"). A comma, a full stop or a bracket ends the phrase.
SOFT_GAP = re.compile("[\\s'\u2019/]+")

# Confidence by the kind of wording matched. A label is the topic's own name; a
# phrase of several words is specific; a single distinctive term ("cybersecurity")
# a little less; an acronym can stand for something else; a cue is a common word.
CONFIDENCE = {"label": 0.95, "phrase": 0.9, "term": 0.8, "acronym": 0.75, "cue": 0.4}

# A capitalised run of words that contains one of these is the name of a body or a
# document, not a topic ("Privacy Rights Foundation", "Ministry of Digital Affairs").
_NAME_WORDS = frozenset(
    [
        "agency",
        "alliance",
        "association",
        "authority",
        "board",
        "centre",
        "center",
        "coalition",
        "commission",
        "committee",
        "compact",
        "consortium",
        "council",
        "declaration",
        "department",
        "federation",
        "forum",
        "foundation",
        "fund",
        "government",
        "initiative",
        "institute",
        "international",
        "lab",
        "labs",
        "ministry",
        "network",
        "now",
        "office",
        "organisation",
        "organization",
        "panel",
        "partnership",
        "project",
        "secretariat",
        "society",
        "union",
        "watch",
        "agenda",
    ]
)
_NAME_REACH = 8
_CONNECTORS = frozenset({"of", "on", "for", "and", "the", "in", "de"})


def _exact(token: str) -> bool:
    # "AI", "IoT", "DNS": a capital after the first character means the case matters.
    return any(char.isupper() for char in token[1:])


@attrs.frozen
class Entry:
    words: tuple[str, ...]  # folded
    exact: tuple[str | None, ...]  # the exact spelling where case matters
    initial: bool  # names: each capitalised word must be capitalised in the text
    topic: str | None
    kind: str  # label, phrase, term, acronym, cue, name, idiom
    wording: str


def joined(entry: Entry) -> Iterator[Entry]:
    """The entry with some neighbouring words written as one hyphenated word.

    A text's "net-neutrality" is one word ("netneutrality") where the wording
    "net neutrality" has two, so each way of joining neighbours is indexed too
    (up to five words; names keep their form).
    """
    if entry.kind == "name" or not 2 <= len(entry.words) <= 5:
        return
    raw = _TOKEN.findall(entry.wording)
    gaps = len(raw) - 1
    for mask in range(1, 2**gaps):
        parts = [raw[0]]
        for gap in range(gaps):
            if mask >> gap & 1:
                parts[-1] += raw[gap + 1]
            else:
                parts.append(raw[gap + 1])
        exact = tuple(part if _exact(part) and part in raw else None for part in parts)
        yield attrs.evolve(entry, words=tuple(_fold(part) for part in parts), exact=exact)


def entry_for(text: str, topic: str | None, kind: str) -> Entry | None:
    tokens = _TOKEN.findall(text)
    if not tokens:
        return None
    exact = tuple(token if _exact(token) else None for token in tokens)
    if kind in {"phrase", "label"} and len(tokens) == 1:
        kind = "acronym" if exact[0] is not None else ("term" if kind == "phrase" else kind)
    return Entry(tuple(_fold(t) for t in tokens), exact, kind == "name", topic, kind, text)


def _capital(token: str) -> bool:
    return token[:1].isupper()


def name_around(
    tokens: list[tuple[str, int, int]], joined: list[bool], start: int, stop: int
) -> tuple[int, int] | None:
    """The token range of a capitalised name holding tokens[start:stop], if it is a body's name.

    ``joined[i]`` is true when only spaces separate token i from token i - 1: a name
    does not run across punctuation.
    """
    if not all(_capital(tokens[i][0]) for i in range(start, stop)):
        return None
    first, last = start, stop
    # A name is a few words: looking at most _NAME_REACH words either way keeps tagging
    # linear in the text even when every word is capitalised.
    while (
        first > max(0, start - _NAME_REACH)
        and joined[first]
        and (_capital(tokens[first - 1][0]) or tokens[first - 1][0] in _CONNECTORS)
    ):
        first -= 1
    while first < start and not _capital(tokens[first][0]):
        first += 1
    while (
        last < min(len(tokens), stop + _NAME_REACH)
        and joined[last]
        and (_capital(tokens[last][0]) or tokens[last][0] in _CONNECTORS)
    ):
        last += 1
    while last > stop and not _capital(tokens[last - 1][0]):
        last -= 1
    around = [tokens[i][0].casefold() for i in (*range(first, start), *range(stop, last))]
    inside = [tokens[i][0].casefold() for i in range(start, stop)]
    if any(word in _NAME_WORDS for word in around) or (around and any(word in _NAME_WORDS for word in inside)):
        return (first, last)
    return None
