"""People in transcript turns (">> NAME:"): each named speaker once, a moderator when their turn says so."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from govrecords.importers._names import is_person_name, name_run
from govrecords.importers._prose_people import org_run
from govrecords.importers._role_labels import Candidate
from govrecords.importers._speakers import ParsedParticipant
from govrecords.importers._state import State
from govrecords.importers._text import fold_text
from govrecords.vocabulary import Role

__all__ = ["turn_people"]

_TURN_LIMIT = 20_000
_TURN = re.compile(r"^[ \t\u00a0]*>>[ \t\u00a0]*(?P<name>[^\W\d_][^:\n>]{1,60}?)[ \t\u00a0]*:", re.MULTILINE)
_CAPS_TURN = re.compile(
    r"^[ \t\u00a0]*(?P<name>[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'\-. ]{2,40}[A-Z\u00c0-\u00de])[ \t\u00a0]*:",
    re.MULTILINE,
)
_UNNAMED_TURNS = frozenset(
    {
        "moderator",
        "audience",
        "speaker",
        "participant",
        "chair",
        "interpreter",
        "captioner",
        "male speaker",
        "female speaker",
        "unidentified speaker",
        "floor",
        "panelist",
        "panellist",
        "host",
        "remote participant",
    }
)
_SELF_MODERATES = re.compile(r"\b(?:I|we)\b[^.!?\n]{0,60}?\bmoderat(?:e|ing)\b|\bmy (?:co-)?moderator\b", re.IGNORECASE)
_WITH_NAME = re.compile(r"\btogether with[\s\u00a0]+", re.IGNORECASE)
_SELF_ORG = re.compile(
    r"\bI (?:work (?:with|for|at)|am (?:[^\W\d_][\w.\-]*[\s\u00a0]+){0,4}?(?:from|with|of))"
    r"[\s\u00a0]+(?:the[\s\u00a0]+)?",
    re.IGNORECASE,
)


def turn_people(state: State) -> Iterator[Candidate]:
    """The people named in ">> NAME:" turns, each once, with what their own turns say of them."""
    text = state.text
    found = list(itertools.islice(_TURN.finditer(text), _TURN_LIMIT))
    if len(found) < 2:
        # "JANE ROE: ..." turns without ">>": only when several lines open with a name in capitals
        found = [
            turn
            for turn in itertools.islice(_CAPS_TURN.finditer(text), _TURN_LIMIT)
            if is_person_name(turn.group("name").strip())
        ]
        if len(found) < 3:
            return
    moderators: set[str] = set()
    named: dict[str, tuple[tuple[int, int], list[tuple[int, int]]]] = {}
    for index, turn in enumerate(found):
        name = turn.group("name").strip()
        key = fold_text(name)
        if key in _UNNAMED_TURNS or not is_person_name(name, single=False):
            continue
        body_end = found[index + 1].start() if index + 1 < len(found) else len(text)
        body = (turn.end(), min(body_end, turn.end() + 1500))
        if _SELF_MODERATES.search(text, *body):
            moderators.add(key)
            partner = _WITH_NAME.search(text, *body)
            if partner is not None:
                span = name_run(text, partner.end(), body[1])
                if span is not None:
                    moderators.add(fold_text(text[span[0] : span[1]]))
        if key not in named:
            named[key] = ((turn.start("name"), turn.start("name") + len(name)), [])
        bodies = named[key][1]
        if len(bodies) < 3:
            bodies.append(body)
    for key, ((a, b), bodies) in named.items():
        role = Role.MODERATOR if key in moderators else Role.SPEAKER
        parsed = ParsedParticipant(name=(text[a:b], a, b), affiliation=_self_affiliation(text, bodies))
        yield Candidate(role, (a, b), parsed, False)


def _self_affiliation(text: str, bodies: list[tuple[int, int]]) -> tuple[str, int, int] | None:
    """The organisation a speaker names in their first turns ("I am X from the Ministry of Y")."""
    for start, end in bodies:
        found = _SELF_ORG.search(text, start, end)
        if found is None:
            continue
        org = org_run(text, found.end(), end)
        if org is not None:
            return (" ".join(text[org[0] : org[1]].split()), org[0], org[1])
    return None
