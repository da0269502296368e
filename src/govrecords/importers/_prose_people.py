"""People named in prose: "chaired by Mr. X, Minister, Org", "the moderator (Ms. X, Org)".

A cue names the role; the people after it, with their offices and
organisations, end at the sentence's end.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from govrecords.importers._names import honorific_end, is_organisation, is_person_name, name_run
from govrecords.importers._people_values import items, split_at
from govrecords.importers._role_labels import ORG_CONNECT, ORG_ROLES, PARTS_LIMIT, PRONOUNS, Candidate
from govrecords.importers._scan import finditer
from govrecords.importers._speakers import ParsedParticipant, parse_participant
from govrecords.importers._state import State
from govrecords.vocabulary import Role

__all__ = ["PROSE_LIMIT", "org_run", "people_in_prose"]

# Real documents name people in prose a few dozen times at most; these bound the work on a hostile text.
PROSE_LIMIT = 100

# Each whole-text scan below opens with a lookahead of the characters a match can start with:
# the regular expression engine then skips other characters in C instead of trying every
# alternative at every position (the matches are the same; the scans are two to three times faster).
_PROSE = re.compile(
    r"(?=[cmfdroh])\b(?P<cue>(?:co-)?organi[sz]ed by|chaired by|co-chaired by|moderated by|facilitated by|directed by"
    r"|opened by|reported by|compiled by|hosted by|convened by|co-convened by)[\s\u00a0]+",
    re.IGNORECASE,
)
_PROSE_LIST = re.compile(
    r"(?=[splkd])\b(?P<cue>speakers|panel(?:l)?ists|lecturers|presenters|discussants|keynote speakers)"
    r"[\s\u00a0]+(?:included|were|are|will be|include)[\s\u00a0]+|\bkeynote (?:came from|was given by|by)[\s\u00a0]+",
    re.IGNORECASE,
)
# "Ms. X, Org, noted ...", "Mr. Y (Org) moderated the meeting": a sentence opened by a titled person who acts
_ACTOR = re.compile(
    r"(?=[HMDPEA])(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?=(?:H\.\s?E\.|Hon\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Eng\.|Amb\.)\s)",
    re.MULTILINE,
)
_ACTS = re.compile(
    r"[\s\u00a0]*,?[\s\u00a0]*(?:also[\s\u00a0]+)?(?P<verb>moderated|chaired|opened|facilitated|noted|said|stressed|explained|"
    r"argued|highlighted|pointed out|presented|emphasi[sz]ed|underlined|added|remarked|observed|recalled|"
    r"welcomed|called for|urged|warned|suggested|shared|described|introduced|reminded)\b",
    re.IGNORECASE,
)
# Where each scan's matches can start (see :mod:`._scan`): its opening words.
_PROSE_WORDS = tuple(
    (word, 0)
    for word in (
        "co-organi",
        "organi",
        "chaired by",
        "co-chaired by",
        "moderated by",
        "facilitated by",
        "directed by",
        "opened by",
        "reported by",
        "compiled by",
        "hosted by",
        "convened by",
        "co-convened by",
    )
)
_PROSE_LIST_WORDS = tuple(
    (word, 0) for word in ("speakers", "panelists", "panellists", "lecturers", "presenters", "discussants", "keynote")
)
_ACTOR_WORDS = tuple((word, 0) for word in ("H.", "Hon.", "Mr", "Ms", "Dr", "Prof", "Eng.", "Amb."))  # as written
_ACT_ROLE = {"moderated": Role.MODERATOR, "chaired": Role.CHAIR, "facilitated": Role.MODERATOR}
_PROSE_ROLE = {
    "organised by": Role.ORGANISER,
    "organized by": Role.ORGANISER,
    "co-organised by": Role.CO_ORGANISER,
    "co-organized by": Role.CO_ORGANISER,
    "chaired by": Role.CHAIR,
    "co-chaired by": Role.CHAIR,
    "moderated by": Role.MODERATOR,
    "facilitated by": Role.MODERATOR,
    "directed by": Role.CHAIR,
    "opened by": Role.SPEAKER,
    "reported by": Role.RAPPORTEUR,
    "compiled by": Role.RAPPORTEUR,
    "hosted by": Role.ORGANISER,
    "convened by": Role.ORGANISER,
    "co-convened by": Role.CO_ORGANISER,
}
_MODERATOR_PAREN = re.compile(r"(?=[tm])\b(?:the\s+)?moderator[\s\u00a0]*(?:\(|,[\s\u00a0]+)", re.IGNORECASE)


def people_in_prose(state: State) -> Iterator[Candidate]:
    text = state.text
    cues = list(itertools.islice(finditer(_PROSE, state.lowered, _PROSE_WORDS), PROSE_LIMIT))
    for index, found in enumerate(cues):
        role = _PROSE_ROLE.get(" ".join(found.group("cue").lower().split()))
        if role is None:
            continue
        # a cue's people end where the next cue of the sentence begins: "chaired by A, and moderated by B and C"
        end = _sentence_end(text, found.end())
        if index + 1 < len(cues) and cues[index + 1].start() < end:
            end = cues[index + 1].start()
        yield from _prose_people(state, role, found.end(), limit=end)
    for found in itertools.islice(finditer(_PROSE_LIST, state.lowered, _PROSE_LIST_WORDS), PROSE_LIMIT):
        end = _sentence_end(text, found.end(), lists=True)
        for a, b in items(text, found.end(), end, Role.SPEAKER):
            begin = a + 4 if text.startswith(("and ", "And "), a) else a
            yield from _prose_people(state, Role.SPEAKER, begin, limit=b)
    for found in itertools.islice(finditer(_ACTOR, state.lowered, _ACTOR_WORDS, folded=False), PROSE_LIMIT):
        yield from _actor(text, found.end())
    for found in itertools.islice(_MODERATOR_PAREN.finditer(text), PROSE_LIMIT):
        at = found.end()
        if text[at - 1] == "(":
            close = text.find(")", at, at + 200)
            if close > at:
                yield from _prose_people(state, Role.MODERATOR, at, limit=close)
        else:
            yield from _prose_people(state, Role.MODERATOR, at)


def _prose_people(state: State, role: Role, at: int, *, limit: int | None = None) -> Iterator[Candidate]:
    """People named from *at* in a sentence: "Mr. X, Title, Org, and Ms. Y (Org)" / "the X and the Government of Y"."""
    text = state.text
    end = limit if limit is not None else _sentence_end(text, at)
    for a, b in split_at(text, at, end, " and ")[:PARTS_LIMIT]:
        for part_start, d in _parts(text, a, b, role):
            c = part_start + 4 if text.startswith(("the ", "The "), part_start) else part_start
            if role in ORG_ROLES:
                org = org_run(text, c, d)
                if org is not None and org[1] >= d - 1 and text[org[0] : org[1]].split()[0][:1].isupper():
                    parsed = parse_participant(text, *org, organisation=True)
                    if parsed is not None and is_organisation(parsed.name[0]) and not is_person_name(parsed.name[0]):
                        yield Candidate(role, org, parsed, True)  # "the Mirela Network Information Centre"
                        continue
            titled = _TITLED_AFTER_OFFICE.match(text, c, d) if a == at else None
            if titled is not None and name_run(text, c, d) is None:
                c = titled.end()  # "opened by the Minister of Posts of Velmora, Mr. Aurel Dancescu, who ..."
                name = name_run(text, c, d)
                if name is not None and is_person_name(text[name[0] : name[1]]):
                    parsed = ParsedParticipant(name=(text[name[0] : name[1]], name[0], name[1]))
                    yield Candidate(role, (c, name[1]), parsed, False)
                continue
            name = name_run(text, c, d)
            if (
                name is not None
                and honorific_end(text, c, d) <= name[0]
                and text[c : name[0]].strip() == text[c : honorific_end(text, c, d)].strip()
            ):
                cut = _affiliation_end(text, name[1], d)
                parsed = _prose_parse(text, c, name, cut)
                if parsed is not None and is_person_name(parsed.name[0]):
                    yield Candidate(role, (c, cut), parsed, False)
                continue
            if role in ORG_ROLES:
                org = org_run(text, c, d, loose=True)
                if org is not None:
                    parsed = parse_participant(text, *org, organisation=True)
                    if parsed is not None and is_organisation(parsed.name[0]):
                        yield Candidate(role, org, parsed, True)


# an office named before its holder: "the Minister of Posts of Velmora, Mr. Aurel Dancescu"
_TITLED_AFTER_OFFICE = re.compile(
    r"[A-Z][^,;()]{2,80}?,[\s\u00a0]+(?=(?:H\.\s?E\.|Hon\.|Mr|Mrs|Ms|Dr|Prof)\.?[\s\u00a0])"
)


def _parts(text: str, start: int, end: int, role: Role) -> list[tuple[int, int]]:
    """A part of a prose list split at " with ", and for organisers also at ", the " (a list of organisations)."""
    parts = split_at(text, start, end, " with ")
    if role not in ORG_ROLES:
        return parts
    out: list[tuple[int, int]] = []
    for a, b in parts:
        pieces = [match.start() for match in re.finditer(r",[\s\u00a0]+(?=the[\s\u00a0]+[A-Z])", text[a:b])]
        begin = a
        for cut in pieces:
            out.append((begin, a + cut))
            begin = a + cut + 1
            while begin < b and text[begin] in " \u00a0":
                begin += 1
        out.append((begin, b))
    return out


def _actor(text: str, at: int) -> Iterator[Candidate]:
    """A titled person opening a sentence with their organisation, then acting: a speaker (or their verb's role)."""
    end = _sentence_end(text, at)
    name = name_run(text, at, end)
    if name is None:
        return
    cut = _affiliation_end(text, name[1], end)
    acts = _ACTS.match(text, cut, end)
    if acts is None or (cut == name[1] and acts.group("verb").lower() not in _ACT_ROLE):
        return  # a person named in passing ("Ms. Roe described ...") is not labelled
    parsed = _prose_parse(text, at, name, cut)
    if parsed is not None and is_person_name(parsed.name[0]):
        role = _ACT_ROLE.get(acts.group("verb").lower(), Role.SPEAKER)
        yield Candidate(role, (at, cut), parsed, False)


def _prose_parse(text: str, start: int, name: tuple[int, int], cut: int) -> ParsedParticipant | None:
    """A person named in prose: "Name of the Org" / "Name from Org", else the parts of "Name, Title, Org"."""
    of = re.match(r"[\s\u00a0]+(?:of|from)[\s\u00a0]+(?:the[\s\u00a0]+)?", text[name[1] : cut])
    if of is None:
        return parse_participant(text, start, cut)
    org_start = name[1] + of.end()
    honorific = (
        (text[start : name[0]].strip(), start, start + len(text[start : name[0]].rstrip())) if name[0] > start else None
    )
    return ParsedParticipant(
        name=(text[name[0] : name[1]], name[0], name[1]),
        honorific=honorific if honorific and honorific[0] else None,
        affiliation=(" ".join(text[org_start:cut].split()), org_start, cut) if cut > org_start else None,
    )


def _sentence_end(text: str, at: int, *, lists: bool = False) -> int:
    end = min(len(text), at + 400)
    for index in range(at, end):
        char = text[index]
        if char in ("\n:" if lists else "\n;:") or (
            char == "." and (index + 1 >= len(text) or text[index + 1] in " \n\r\t\u00a0")
        ):
            word = text[max(at, text.rfind(" ", at, index) + 1) : index]
            if char == "." and ((len(word) <= 3 and word[:1].isupper()) or word in {"Dr", "Mr", "Ms", "Prof", "Eng"}):
                continue
            return index
    return end


def _affiliation_end(text: str, name_end: int, end: int) -> int:
    """After a name in prose: ", Title, Org" (capitalised parts) or " (Org)" or " of the Org" belong to it."""
    at = name_end
    if text.startswith(" (", at):
        close = text.find(")", at, end)
        return close + 1 if close > 0 else at
    rest = text[at:end]
    of = re.match(r"[\s\u00a0]+(?:of|from)[\s\u00a0]+(?:the[\s\u00a0]+)?", rest)
    if of is not None:
        org = org_run(text, at + of.end(), end)
        return org[1] if org is not None else at
    while text.startswith(", ", at):
        part_end = text.find(",", at + 2, end)
        part_end = end if part_end < 0 else part_end
        part = text[at + 2 : part_end].strip()
        if (
            not part
            or not part[0].isupper()
            or len(part.split()) > 10
            or honorific_end(text, at + 2, part_end) > at + 2
        ):
            break
        at = part_end
    return at


def org_run(text: str, start: int, end: int, *, loose: bool = False) -> tuple[int, int] | None:
    """A capitalised run ("Levant Language Technology Network", "Government of Qadiria") from *start*."""
    words = list(re.finditer(r"[^\s\u00a0,;()]+", text[start:end]))
    last = None
    for index, word in enumerate(words):
        token = word.group().rstrip(".")
        if token in PRONOUNS:
            break
        if token[:1].isupper() or any(char.isupper() for char in token[1:4]):  # "e-Government", "iGov"
            last = start + word.start() + len(token)
        elif token.lower() in ORG_CONNECT and index > 0:
            continue
        else:
            break
        if word.group().endswith(".") and index + 1 < len(words):
            break
    if last is None:
        return None
    span = (start, last)
    value = text[span[0] : span[1]]
    if is_organisation(value) or (loose and len(value.split()) >= 2 and not is_person_name(value)):
        return span
    return None
