"""People read wherever the text names them in a role, whatever the template.

Three readers run over the whole text after the template's own labels:

* **role labels** anywhere on a line, also several on one flattened line, with
  their value on the same line or on the lines below ("Organizer 1: Name, Org",
  "Co-Proposer's Name:", "Speakers:" then bullets, "Chair/Moderator: | Name");
* **prose cues**: "chaired by Mr. X, Minister, Org", "organised by the X and the
  Government of Y", "the moderator (Ms. X, Org)", "moderated by X of the Org";
* **transcript turns** (">> NAME:"): each named speaker once, as a moderator
  when their own turn says they moderate.

A value is split into people at ";", at commas between whole names and at
"and" between whole names; each candidate must have the shape of a personal name
(:mod:`._names`), or of an organisation where the role admits one (organisers),
else it is dropped with a warning. Nothing already read by the template is read
twice: a candidate inside a participant's evidence, or with the same name and
role, is skipped.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator

import attrs

from govrecords.importers._lists import participant_from
from govrecords.importers._names import honorific_end, is_label_word, is_organisation, is_person_name, name_run
from govrecords.importers._places import country_code
from govrecords.importers._speakers import ParsedParticipant, parse_participant
from govrecords.importers._state import Draft, State
from govrecords.importers._text import BLANKS, Line, fold_text
from govrecords.records import Participant, StakeholderGroup
from govrecords.vocabulary import ParticipantKind, Role, StakeholderKind, read_regional_group, read_stakeholder

__all__ = ["ROLE_LABELS", "find_people", "plausible", "read_role_label"]

_ORG_ROLES = frozenset({Role.ORGANISER, Role.CO_ORGANISER})
# Real documents name people in prose a few dozen times at most; these bound the work on a hostile text.
_PROSE_LIMIT = 100
_PARTS_LIMIT = 8
_LABEL_LIMIT = 500
_TURN_LIMIT = 20_000
_NOT_NAME_START = frozenset(
    {
        "the",
        "a",
        "an",
        "this",
        "have",
        "has",
        "no",
        "yes",
        "please",
        "provide",
        "description",
        "questions",
        "name",
        "names",
        "family",
        "first",
        "list",
        "page",
        "civil",
        "private",
        "see",
        "none",
        "tbd",
        "tbc",
        "n/a",
    }
)

ROLE_LABELS: tuple[tuple[str, Role], ...] = (
    (r"(?:organi[sz]ing team\s*/\s*)?focal points?", Role.FOCAL_POINT),
    (r"co-?proposer(?:'s|\u2019s|s)?(?:\s+name)?", Role.CO_ORGANISER),
    (r"(?:institutional\s+)?co-?organi[sz]ers?(?:\s*\(s\))?", Role.CO_ORGANISER),
    (r"(?:main\s+)?proposer(?:'s|\u2019s)?\s+name", Role.ORGANISER),
    (r"(?:workshop\s+)?(?:proposal\s+)?submitted by", Role.ORGANISER),
    (r"organi[sz]ing team(?:\s*\(org team\))?|org team", Role.ORGANISER),
    (r"(?:workshop\s+|session\s+)?organi[sz]ers?(?:\s*\(s\))?|organi[sz]ed by", Role.ORGANISER),
    (r"(?:name of\s+)?(?:online|remote)(?:\s+participation)?\s+moderators?(?:\s*\(s\))?", Role.REMOTE_MODERATOR),
    (r"chair(?:person)?\s*(?:/|&|and)\s*moderators?", Role.MODERATOR),
    (r"(?:name of\s+)?(?:in-person\s+|onsite\s+|on-site\s+|lead\s+)?(?:co-?)?moderators?(?:\s*\(s\))?", Role.MODERATOR),
    (r"moderated by|facilitators?|facilitated by", Role.MODERATOR),
    (r"(?:co-?)?chair(?:person|man|woman|s)?|chaired by|directed by", Role.CHAIR),
    (r"rapporteurs?\s*/\s*note\s*-?\s*takers?|(?:name of\s+)?rapporteurs?(?:\s*\(s\))?|reporters?", Role.RAPPORTEUR),
    (r"note\s*-?\s*takers?|reported by|minutes taken by|minute taker|compiled by|notes", Role.RAPPORTEUR),
    (r"list of speakers(?:\s+and their (?:institutional\s+)?affiliations)?", Role.SPEAKER),
    (r"(?:additional\s+|confirmed\s+|proposed\s+|invited\s+)?speakers?(?:\s*#?\s*\d+)?|panel(?:l)?ists?", Role.SPEAKER),
    (
        r"key participants(?:\s*\(for workshop\) or panel(?:l)?ists \(for plenary\))?|lecturers|presenters?",
        Role.SPEAKER,
    ),
    (r"keynote speakers?|discussants?|resource persons?", Role.SPEAKER),
    (r"editors?|edited by", Role.EDITOR),
    (r"contact person", Role.CONTACT),
    (r"(?:members\s+)?present|attendees|attending|participants present", Role.PARTICIPANT),
)
# A form's instruction used as a label: "Provide the names and affiliations of the panellists ...:"
_INSTRUCTION = (
    r"(?:please\s+)?(?:provide|give|list|enter|indicate)\b[^:\n|]{0,200}?(?=[\s\u00a0]*(?::|\Z|\r?$))"
    r"|names?(?:,|\s+of\b)[^:\n|]{0,200}?(?=[\s\u00a0]*(?::|\Z|\r?$))"
)
_LABEL_BODY = "|".join(f"(?:{pattern})" for pattern, _ in ROLE_LABELS)
# where a label may stand: the line's start (after a marker), or after a wide gap, " - ", " | " on a flattened line
_LABEL_CORE = (
    r"(?:(?:[-*\u2022\u00b7]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])[\s\u00a0]+)?"
    rf"(?P<label>(?:{_LABEL_BODY})(?:[\s\u00a0]+(?:and|&)[\s\u00a0]+(?:{_LABEL_BODY})(?=[\s\u00a0]*:))?"
    rf"(?:[\s\u00a0]*#?[\s\u00a0]*\d{{1,2}}\b)?(?:[\s\u00a0]*\([^)\n]{{0,80}}\))?"
    rf"|{_INSTRUCTION})"
    r"(?:,[^:\n|]{0,60})?[\s\u00a0]*(?P<sep>:[\s\u00a0]*\|?|\|)?"
)
# a label at the start of a line (``match`` anchors it there) ...
_LABEL_HEAD = re.compile(_LABEL_CORE, re.IGNORECASE)
# ... or after a wide gap, " - ", " | " on a flattened line
_LABEL_AT = re.compile(
    r"(?:(?<=[\s\u00a0]{2})|(?<=\t)|(?<=[|\u2022\u00b7] )|(?<= [-\u2013\u2014] )|(?<=\. ))" + _LABEL_CORE,
    re.IGNORECASE,
)
_ROLE_OF = [(re.compile(rf"(?:{pattern})\Z", re.IGNORECASE), role) for pattern, role in ROLE_LABELS]
# the next label on a flattened line ends a value: "Name, Org  Reporter: Name"
_NEXT_LABEL = re.compile(
    r"(?:[\s\u00a0]{2,}|\t| [-\u2013\u2014|\u2022] )(?:[-*\u2022]\s+)?"
    r"[A-Z][\w'\u2019/&(). -]{0,60}?[\s\u00a0]*:(?![/\d])"
)
# a role label after a single space on a flattened line: "Ms. Wendl, Alpine Forum Rapporteur: Mr. Imboden"
_INLINE_ROLE = re.compile(rf"(?<=[^\s:,;(|])[ \u00a0](?=(?:{_LABEL_BODY})[\s\u00a0]*:[\s\u00a0]*[A-Z])", re.IGNORECASE)


def _inline_roles(text: str, start: int, end: int) -> list[int]:
    """Where capitalised role labels start after a single space inside ``text[start:end]``.

    Not the second word of a longer label ("Online Moderator:", "Additional Speakers:").
    """
    out: list[int] = []
    for found in _INLINE_ROLE.finditer(text, start, end):
        at = found.end()
        if not text[at].isupper():
            continue
        words = [m.start() for m in re.finditer(r"\S+", text[max(start, at - 40) : found.start()])]
        offset = max(start, at - 40)
        longer = any(
            (label := _LABEL_HEAD.match(text, offset + word, end)) is not None and label.end("label") > at
            for word in words[-2:]
        )
        if not longer:
            out.append(at)
    return out


_FORM_TIP = re.compile(r"\b(?:please|provide|until|deadline|list (?:the|all)|enter)\b", re.IGNORECASE)
_INSTRUCTION_AFTER = re.compile(r"(?:please|list|provide|enter|add|insert|name)\b[^:]*$", re.IGNORECASE)
_OTHER_LABEL_LINE = re.compile(r"(?:[-*\u2022\u00b7]\s+|\(?[0-9a-z]{1,2}[.)]\s+)?[A-Z][^:\n]{0,60}:(?:\s|$)")
_JOINERS = ("of", "for", "and", "the", "de", "du", "des", "la", "del", "&", ",", "-", "\u2013")

_PROSE = re.compile(
    r"\b(?P<cue>(?:co-)?organi[sz]ed by|chaired by|co-chaired by|moderated by|facilitated by|directed by"
    r"|opened by|reported by|compiled by|hosted by|convened by|co-convened by)[\s\u00a0]+",
    re.IGNORECASE,
)
_PROSE_LIST = re.compile(
    r"\b(?P<cue>speakers|panel(?:l)?ists|lecturers|presenters|discussants|keynote speakers)"
    r"[\s\u00a0]+(?:included|were|are|will be|include)[\s\u00a0]+|\bkeynote (?:came from|was given by|by)[\s\u00a0]+",
    re.IGNORECASE,
)
# "Ms. X, Org, noted ...", "Mr. Y (Org) moderated the meeting": a sentence opened by a titled person who acts
_ACTOR = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\s\s)|(?<=\n))(?=(?:H\.\s?E\.|Hon\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Prof\.?|Eng\.|Amb\.)\s)",
    re.MULTILINE,
)
_ACTS = re.compile(
    r"[\s\u00a0]*,?[\s\u00a0]*(?:also[\s\u00a0]+)?(?P<verb>moderated|chaired|opened|facilitated|noted|said|stressed|explained|"
    r"argued|highlighted|pointed out|presented|emphasi[sz]ed|underlined|added|remarked|observed|recalled|"
    r"welcomed|called for|urged|warned|suggested|shared|described|introduced|reminded)\b",
    re.IGNORECASE,
)
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
_MODERATOR_PAREN = re.compile(r"\b(?:the\s+)?moderator[\s\u00a0]*(?:\(|,[\s\u00a0]+)", re.IGNORECASE)
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
_PRONOUNS = frozenset({"I", "We", "He", "She", "It", "They", "This", "That", "Our", "My"})
_ORG_CONNECT = frozenset({"of", "for", "and", "the", "de", "du", "des", "la", "del", "on", "&", "in"})


@attrs.frozen
class Candidate:
    """A person or organisation found in a role: the span of its whole mention, and its parts."""

    role: Role
    whole: tuple[int, int]
    parsed: ParsedParticipant
    organisation: bool
    more_name: tuple[int, int] | None = None  # a family name given under its own label


def plausible(name: str, role: Role | None, *, organisation: bool = False, single: bool = False) -> bool:
    """Whether *name* can be a participant in *role*: a personal name, or an organisation where one fits.

    >>> plausible("Family name / Surname", Role.CONTACT), plausible("Ministry of ICT", Role.ORGANISER)
    (False, True)
    >>> plausible("Ministry of ICT", Role.SPEAKER)
    False
    """
    if _only_a_group(name):
        return False
    if is_person_name(name, single=single):
        return True
    return (organisation or role in _ORG_ROLES) and is_organisation(name)


def _only_a_group(name: str) -> bool:
    """Whether *name* is only a stakeholder or regional group's wording ("Technical Community"), which names nobody."""
    if read_regional_group(name) is not None:
        return True
    halves = ("western european and {}", "latin american and {}", "{} and others group", "{} and caribbean group")
    if any(read_regional_group(whole.format(name)) is not None for whole in halves):
        return True  # "Others Group": half of a regional group's name cut at "and" by a wrapped line
    words = name.split()
    if read_stakeholder(name) is StakeholderKind.UNKNOWN or name.lower().startswith(("government", "parliament")):
        return False
    return len(words) <= 2 or not is_organisation(name) or words[-1].lower() in {"organization", "organisation"}


def _clearly_not(name: str, role: Role | None, *, organisation: bool) -> bool:
    """Whether a value the template read as a participant is plainly no name: a rule, a label, a sentence."""
    words = name.split()
    if _only_a_group(name):
        return True
    if not words or any(char in name for char in ":|?/") or len(words) > 6 or len(words) == 1:
        return True
    if fold_text(words[0]).strip(".,") in _NOT_NAME_START or (is_label_word(words[0]) and not is_organisation(name)):
        return True
    if all(word[:1].islower() for word in words[1:]):
        return True
    return is_organisation(name) and not organisation and role not in _ORG_ROLES


def read_role_label(label: str) -> Role | None:
    """The role a label names ("Organizer 1", "Co-Proposer's Name", "Provide the names of the panellists...").

    >>> read_role_label("Co-Proposer's Name"), read_role_label("Speaker 3"), read_role_label("Title")
    (<Role.CO_ORGANISER: 'co_organiser'>, <Role.SPEAKER: 'speaker'>, None)
    """
    words = " ".join(label.split()).strip(" :|*")
    bare = re.sub(r"[\s\u00a0]*(?:#[\s\u00a0]*)?\d{1,2}\Z", "", words)
    bare = re.sub(r"[\s\u00a0]*\((?!s\))[^)]*\)\Z", "", bare)
    for pattern, role in _ROLE_OF:
        if pattern.match(bare) or pattern.match(words):
            return role
    lowered = fold_text(words)
    if not re.match(r"(?:please )?(?:provide|give|list|enter|indicate|names?\b)", lowered):
        return None
    for needle, role in (
        ("co-organi", Role.CO_ORGANISER),
        ("co-proposer", Role.CO_ORGANISER),
        ("remote moderator", Role.REMOTE_MODERATOR),
        ("online moderator", Role.REMOTE_MODERATOR),
        ("moderator", Role.MODERATOR),
        ("rapporteur", Role.RAPPORTEUR),
        ("panel", Role.SPEAKER),
        ("speaker", Role.SPEAKER),
        ("organi", Role.ORGANISER),
    ):
        if needle in lowered:
            return role
    return None


# --------------------------------------------------------------------------- splitting a value into people


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start] in BLANKS or text[start] in "|*\u2022\u00b7"):
        start += 1
    while end > start and (text[end - 1] in BLANKS or text[end - 1] in "|;,"):
        end -= 1
    return start, end


def _split_at(text: str, start: int, end: int, separator: str) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` at *separator* outside parentheses; each part's span, trimmed."""
    out: list[tuple[int, int]] = []
    depth = 0
    begin = start
    for found in _splitter(separator).finditer(text, start, end):
        char = found.group()
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif depth == 0 and found.start() >= begin:
            out.append(_trim(text, begin, found.start()))
            begin = found.end()
    out.append(_trim(text, begin, end))
    return [(a, b) for a, b in out if b > a]


@functools.lru_cache(maxsize=16)
def _splitter(separator: str) -> re.Pattern[str]:
    return re.compile(r"[()\[\]]|" + re.escape(separator))


def _head_name(text: str, start: int, end: int) -> str:
    """A part's words before any parenthesis, after honorifics."""
    at = honorific_end(text, start, end)
    paren = text.find("(", at, end)
    return " ".join(text[at : paren if paren >= 0 else end].split()).strip(" .")


def _whole_names(text: str, parts: list[tuple[int, int]], role: Role) -> bool:
    """Whether every part is a whole name (with at most a parenthesis), so a list of people, not one."""
    if len(parts) < 2:
        return False
    heads = [(_head_name(text, a, b), text[b - 1] == ")") for a, b in parts]
    if any(_only_a_group(head) or country_code(head) is not None for head, _ in heads):
        return False  # "Org, Civil Society", "Org, Kenya": one organisation and its group or country
    titled = all(honorific_end(text, a, b) > a for a, b in parts)
    if all(is_person_name(head) and (paren or titled or len(parts) >= 3) for head, paren in heads):
        return True  # "A B (Org), C D (Org)", "Ms. A B, Mr. C D", "A B, C D, E F": not "A B, Some Org Name"
    return all(is_organisation(head) and (paren or role in _ORG_ROLES) for head, paren in heads)


def items(text: str, start: int, end: int, role: Role) -> list[tuple[int, int]]:
    """The spans of the people in one value: split at ";", then at commas or "and" between whole names.

    >>> value = "Jane Doe (Org A) and John Roe (Org B)"
    >>> [value[a:b] for a, b in items(value, 0, len(value), Role.SPEAKER)]
    ['Jane Doe (Org A)', 'John Roe (Org B)']
    """
    out: list[tuple[int, int]] = []
    for a, b in _split_at(text, start, end, ";"):
        for c, d in _split_at(text, a, b, " | ") if " | " in text[a:b] and role in _ORG_ROLES else [(a, b)]:
            commas = _split_at(text, c, d, ",")
            pieces = commas if _whole_names(text, commas, role) else [(c, d)]
            for e, f in pieces:
                for joiner in (" and ", " & ", " with "):
                    halves = _split_at(text, e, f, joiner)
                    if len(halves) == 2 and _and_split(text, halves, role):
                        out.extend(halves)
                        break
                else:
                    out.append((e, f))
    return out


def _and_split(text: str, halves: list[tuple[int, int]], role: Role) -> bool:
    (a, b), (c, d) = halves
    left = text[a:b].split(",", maxsplit=1)[0]
    right_start = c + 4 if text[c:d].lower().startswith("the ") else c
    right = _head_name(text, right_start, d).split(",")[0]
    left_head = _head_name(text, a, a + len(left))
    if is_person_name(left_head) and is_person_name(right):
        return True
    last = fold_text(left_head.split()[-1]) if left_head.split() else ""
    ends_whole = (
        text[b - 1] == ")"
        or last
        in {
            "network",
            "association",
            "forum",
            "council",
            "institute",
            "foundation",
            "lab",
            "centre",
            "center",
            "coalition",
            "society",
            "consortium",
            "group",
            "union",
            "initiative",
            "alliance",
            "collective",
            "cooperative",
            "trust",
            "agency",
            "authority",
            "office",
            "commission",
            "committee",
            "secretariat",
        }
        or (is_organisation(left_head) and left_head.isupper())
    )
    return ends_whole and (is_organisation(right) or is_person_name(right)) and role in _ORG_ROLES | {Role.SPEAKER}


# --------------------------------------------------------------------------- the readers


def _label_values(state: State) -> Iterator[tuple[Role, tuple[int, int], list[tuple[int, int]]]]:
    """Each role label in the text: its role, its span, and the spans of its value's lines."""
    text = state.text
    lines = state.lines
    for index, line in enumerate(lines):
        if line.blank:
            continue
        head = _LABEL_HEAD.match(text, line.lead, line.trail)
        flattened = text.find(":", line.lead, line.trail) >= 0 or text.find("|", line.lead, line.trail) >= 0
        later = list(_LABEL_AT.finditer(text, line.lead, line.trail)) if flattened else []
        if flattened:
            starts = {found.start() for found in later}
            for at in _inline_roles(text, line.lead, line.trail):
                inline = _LABEL_HEAD.match(text, at, line.trail)
                if inline is not None and inline.group("sep") is not None and at not in starts:
                    later.append(inline)
        for found in [*([head] if head is not None else []), *later]:
            for role in _roles_of(found.group("label")):
                yield from _label_value(state, index, line, found, role)


def _roles_of(label: str) -> list[Role]:
    """The roles a label names: one, or two joined ("Moderator and Organizer")."""
    role = read_role_label(label)
    if role is not None:
        return [role]
    halves = re.split(r"[\s\u00a0]+(?:and|&)[\s\u00a0]+", label.strip(), maxsplit=1)
    if len(halves) != 2:
        return []
    roles = [read_role_label(half) for half in halves]
    return [one for one in roles if one is not None] if all(roles) else []


def _label_value(
    state: State, index: int, line: Line, found: re.Match[str], role: Role
) -> Iterator[tuple[Role, tuple[int, int], list[tuple[int, int]]]]:
    """The value of one role label found on a line: its role, the label's span, the spans of its value's lines."""
    text = state.text
    after = found.end()
    if found.group("sep") is None and after < line.trail:
        if not _INSTRUCTION_AFTER.match(text, after, line.trail):
            return  # a label needs its colon unless it fills the line (or only instructions follow it)
        after = line.trail
    stop = _NEXT_LABEL.search(text, after, line.trail)
    value_end = stop.start() if stop is not None else line.trail
    inline_stop = next(iter(_inline_roles(text, after, value_end)), None)
    if inline_stop is not None:
        value_end = inline_stop - 1
    inline = _trim(text, after, value_end)
    if inline[1] > inline[0]:
        spans = [inline]
        if stop is None and inline_stop is None:
            spans.extend(_wrapped(state, index, inline))
        yield role, (found.start("label"), found.end()), _join_wrapped(text, spans)
    elif stop is None:
        yield role, (found.start("label"), found.end()), _join_wrapped(text, _below(state, index))


def _wrapped(state: State, index: int, first: tuple[int, int]) -> list[tuple[int, int]]:
    """Continuation lines of an inline value: lines that do not look like a new label, until a blank line."""
    text = state.text
    out: list[tuple[int, int]] = []
    for line in state.lines[index + 1 : index + 12]:
        if line.blank or _OTHER_LABEL_LINE.match(text, line.lead) or _LABEL_HEAD.match(text, line.lead):
            break
        found = _LABEL_HEAD.match(text, line.lead, line.trail)
        if found is not None and read_role_label(found.group("label")) is not None:
            break
        span = _trim(text, line.lead, line.trail)
        previous = text[(out[-1] if out else first)[0] : (out[-1] if out else first)[1]].split()
        runs_on = bool(previous) and previous[-1].lower() in _JOINERS
        if not runs_on and not _person_line(text, span):
            break
        out.append(span)
    return out


def _person_line(text: str, span: tuple[int, int]) -> bool:
    a, b = span
    if b <= a or b - a > 300 or text[b - 1] in ":?":
        return False
    head = (
        text[a:b]
        .split(",", maxsplit=1)[0]
        .split("(", maxsplit=1)[0]
        .split(" \u2013 ", maxsplit=1)[0]
        .split(" - ", maxsplit=1)[0]
        .split(" | ", maxsplit=1)[0]
    )
    at = honorific_end(head, 0, len(head))
    head = head[at:].strip(" *\u2022\u00b7-")
    return is_person_name(head, single=True) or is_organisation(head) or text[a].islower()


def _below(state: State, index: int) -> list[tuple[int, int]]:
    """The value lines under a label that fills its line: until a blank line after them or a new label."""
    text = state.text
    out: list[tuple[int, int]] = []
    blanks = 0
    for line in state.lines[index + 1 : index + 40]:
        if line.blank:
            blanks += 1
            if out or blanks > 1:
                break
            continue
        found = _LABEL_HEAD.match(text, line.lead, line.trail)
        if found is not None and read_role_label(found.group("label")) is not None:
            break
        if _OTHER_LABEL_LINE.match(text, line.lead):
            break
        span = _trim(text, line.lead, line.trail)
        marker = re.match(
            r"(?:[-*\u2022\u00b7\u25aa\u25e6o]|\(?[0-9]{1,2}[.)]|\(?[a-z][.)])[\s\u00a0]+", text[span[0] : span[1]]
        )
        if marker is not None:
            span = (span[0] + marker.end(), span[1])
        if not _person_line(text, span):
            if out:
                break
            if _FORM_TIP.search(text, span[0], span[1]):
                blanks = 0  # a form's tip between the label and its value ("Please provide name and institution.")
                continue
            return []
        out.append(span)
    return out


def _join_wrapped(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a line whose affiliation runs on ("University of" / "Lower Kaveri") to the next."""
    out: list[tuple[int, int]] = []
    for span in spans:
        if out:
            previous = text[out[-1][0] : out[-1][1]]
            last_word = previous.split()[-1].lower() if previous.split() else ""
            following = text[span[0] : span[1]]
            comma = text.startswith(",", out[-1][1])  # the trimmed span leaves its trailing comma outside
            if last_word in _JOINERS or comma or following[:1].islower():
                out[-1] = (out[-1][0], span[1])
                continue
        out.append(span)
    return out


def _candidates(state: State, role: Role, span: tuple[int, int]) -> Iterator[Candidate]:
    text = state.text
    for item_start, b in items(text, span[0], span[1], role):
        a = item_start + 4 if text.startswith(("the ", "The "), item_start) and role in _ORG_ROLES else item_start
        for organisation in (False, True):
            parsed = parse_participant(text, a, b, organisation=organisation)
            if parsed is None:
                break
            name = parsed.name[0]
            if organisation and not (role in _ORG_ROLES and is_organisation(name) and not _only_a_group(name)):
                break
            if not organisation and not is_person_name(name, single=True):
                continue
            yield _role_in_parenthesis(text, Candidate(role, (a, b), parsed, organisation))
            break


def _role_in_parenthesis(text: str, candidate: Candidate) -> Candidate:
    """A member listed as "Name (Chair, Org)" chairs: the parenthesis's first part names the role."""
    affiliation = candidate.parsed.affiliation
    if candidate.role is not Role.PARTICIPANT or affiliation is None:
        return candidate
    value, start, end = affiliation
    head, _, rest = value.partition(",")
    role = read_role_label(head)
    if role is None:
        return candidate
    if not rest.strip():
        return attrs.evolve(candidate, role=role, parsed=attrs.evolve(candidate.parsed, affiliation=None))
    rest_start = text.index(",", start, end) + 1
    while rest_start < end and text[rest_start] in BLANKS:
        rest_start += 1
    parsed = attrs.evolve(candidate.parsed, affiliation=(" ".join(text[rest_start:end].split()), rest_start, end))
    return attrs.evolve(candidate, role=role, parsed=parsed)


def _prose(state: State) -> Iterator[Candidate]:
    text = state.text
    for found in itertools.islice(_PROSE.finditer(text), _PROSE_LIMIT):
        role = _PROSE_ROLE.get(" ".join(found.group("cue").lower().split()))
        if role is None:
            continue
        yield from _prose_people(state, role, found.end())
    for found in itertools.islice(_PROSE_LIST.finditer(text), _PROSE_LIMIT):
        end = _sentence_end(text, found.end(), lists=True)
        for a, b in items(text, found.end(), end, Role.SPEAKER):
            begin = a + 4 if text.startswith(("and ", "And "), a) else a
            yield from _prose_people(state, Role.SPEAKER, begin, limit=b)
    for found in itertools.islice(_ACTOR.finditer(text), _PROSE_LIMIT):
        yield from _actor(text, found.end())
    for found in itertools.islice(_MODERATOR_PAREN.finditer(text), _PROSE_LIMIT):
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
    for a, b in _split_at(text, at, end, " and ")[:_PARTS_LIMIT]:
        for part_start, d in _parts(text, a, b, role):
            c = part_start + 4 if text.startswith(("the ", "The "), part_start) else part_start
            if role in _ORG_ROLES:
                org = _org_run(text, c, d)
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
            if role in _ORG_ROLES:
                org = _org_run(text, c, d, loose=True)
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
    parts = _split_at(text, start, end, " with ")
    if role not in _ORG_ROLES:
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
        org = _org_run(text, at + of.end(), end)
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


def _org_run(text: str, start: int, end: int, *, loose: bool = False) -> tuple[int, int] | None:
    """A capitalised run ("Levant Language Technology Network", "Government of Qadiria") from *start*."""
    words = list(re.finditer(r"[^\s\u00a0,;()]+", text[start:end]))
    last = None
    for index, word in enumerate(words):
        token = word.group().rstrip(".")
        if token in _PRONOUNS:
            break
        if token[:1].isupper() or any(char.isupper() for char in token[1:4]):  # "e-Government", "iGov"
            last = start + word.start() + len(token)
        elif token.lower() in _ORG_CONNECT and index > 0:
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


def _turns(state: State) -> Iterator[Candidate]:
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
        org = _org_run(text, found.end(), end)
        if org is not None:
            return (" ".join(text[org[0] : org[1]].split()), org[0], org[1])
    return None


_CONTACT_HEAD = re.compile(
    r"\b(?:primary|secondary|main|second)[\s\u00a0]+contact(?:[\s\u00a0]+(?:information|person|details))?[\s\u00a0]*:?",
    re.IGNORECASE,
)
_CONTACT_END = re.compile(r"(?:\n[ \t\u00a0]*|[ \t\u00a0])\d{1,2}\.[ \t\u00a0]+[A-Z]")
_SUB_MARKER = re.compile(r"(?:^|(?<=[\s\u00a0]))[a-z]\.[\s\u00a0]+", re.MULTILINE)
_CONTACT_PARTS = (
    ("first", re.compile(r"(?:first|given)[\s\u00a0]+name[\s\u00a0]*:?[\s\u00a0]*", re.IGNORECASE)),
    (
        "last",
        re.compile(
            r"(?:family[\s\u00a0]+name(?:[\s\u00a0]*/[\s\u00a0]*surname)?|surname|last[\s\u00a0]+name)"
            r"[\s\u00a0]*:?[\s\u00a0]*",
            re.IGNORECASE,
        ),
    ),
    (
        "stakeholder",
        re.compile(r"stakeholder[\s\u00a0]+group(?:[\s\u00a0]*\([^)]*\))?[\s\u00a0]*:?[\s\u00a0]*", re.IGNORECASE),
    ),
    ("affiliation", re.compile(r"organi[sz]ational[\s\u00a0]+affiliation[\s\u00a0]*:?[\s\u00a0]*", re.IGNORECASE)),
)


def _contacts(state: State) -> Iterator[Candidate]:
    """A form's contact blocks, one person each.

    "Primary contact information: a. Ms. / Mr. ... b. First name ... c. Family name / Surname ...", on
    one line or several.
    """
    text = state.text
    for head in itertools.islice(_CONTACT_HEAD.finditer(text), _PROSE_LIMIT):
        stop = _CONTACT_END.search(text, head.end(), head.end() + 1500)
        end = stop.start() if stop is not None else min(len(text), head.end() + 1500)
        markers = list(_SUB_MARKER.finditer(text, head.end(), end))
        parts: dict[str, tuple[str, int, int]] = {}
        for index, marker in enumerate(markers):
            item_end = markers[index + 1].start() if index + 1 < len(markers) else end
            for key, label in _CONTACT_PARTS:
                found = label.match(text, marker.end(), item_end)
                if found is not None and key not in parts:
                    a, b = _trim(text, found.end(), item_end)
                    if b > a:
                        parts[key] = (" ".join(text[a:b].split()), a, b)
                    break
        first, last = parts.get("first"), parts.get("last")
        if first is None or last is None or not is_person_name(f"{first[0]} {last[0]}"):
            continue
        stakeholder = parts.get("stakeholder")
        if stakeholder is not None and read_stakeholder(stakeholder[0]) is StakeholderKind.UNKNOWN:
            stakeholder = None
        parsed = ParsedParticipant(
            name=(f"{first[0]} {last[0]}", first[1], first[2]),
            affiliation=parts.get("affiliation"),
            stakeholder=stakeholder,
        )
        yield Candidate(Role.CONTACT, (head.start(), end), parsed, False, last[1:])


# "Proposer's Organization: X" after "Proposer's Name: Y": Y's affiliation
_ROLE_ORG = re.compile(
    r"(?P<stem>(?:co-?)?proposer|(?:co-?)?organi[sz]er|moderator|rapporteur|speaker)(?:'s|\u2019s)?[\s\u00a0]+"
    r"(?:organi[sz]ation|affiliation|institution)[\s\u00a0]*:[\s\u00a0]*",
    re.IGNORECASE,
)
# a raw row of a schedule export: "Ms.,Ama,OWUSU-ANSAH,Academia,Coastal University"
_COMMA_ROW = re.compile(
    r"(?P<hon>Mr|Ms|Mrs|Dr|Prof|Mx)\.?,(?P<first>[^,\n]{1,40}),(?P<last>[^,\n]{1,40}),(?P<group>[^,\n]{0,60}),"
    r"(?P<org>[^\n]{1,200})"
)


def _comma_rows(state: State) -> Iterator[Candidate]:
    """Raw comma rows of a schedule export, each a co-organiser (honorific, first, family name, group, organisation)."""
    text = state.text
    for line in itertools.islice((line for line in state.lines if not line.blank), 20_000):
        found = _COMMA_ROW.fullmatch(text, line.lead, line.trail)
        if found is None:
            continue
        first, last = found.span("first"), found.span("last")
        name = f"{found.group('first').strip()} {found.group('last').strip()}"
        if not is_person_name(name):
            continue
        group = found.group("group").strip()
        stakeholder = (group, *found.span("group")) if read_stakeholder(group) is not StakeholderKind.UNKNOWN else None
        parsed = ParsedParticipant(
            name=(name, *first),
            honorific=(found.group("hon"), *found.span("hon")),
            affiliation=(found.group("org").strip(), *found.span("org")),
            stakeholder=stakeholder,
        )
        yield Candidate(Role.CO_ORGANISER, (line.lead, line.trail), parsed, False, last)


def _role_organisations(state: State, labelled: list[Candidate]) -> list[Candidate]:
    """Give a person read under "Proposer's Name" the organisation its "Proposer's Organization" line names."""
    text = state.text
    out = list(labelled)
    for found in itertools.islice(_ROLE_ORG.finditer(text), _PROSE_LIMIT):
        line_end = text.find("\n", found.end())
        line_end = len(text) if line_end < 0 else line_end
        value = _trim(text, found.end(), line_end)
        if value[1] <= value[0]:
            continue
        stem = fold_text(found.group("stem"))
        before = [
            index
            for index, c in enumerate(out)
            if c.whole[1] <= found.start() and c.parsed.affiliation is None and found.start() - c.whole[1] < 300
        ]
        for index in reversed(before):
            label_start = text.rfind("\n", 0, out[index].whole[0]) + 1
            if fold_text(text[label_start : out[index].whole[0]]).startswith(stem):
                affiliation = (" ".join(text[value[0] : value[1]].split()), *value)
                out[index] = attrs.evolve(out[index], parsed=attrs.evolve(out[index].parsed, affiliation=affiliation))
                break
    return out


# --------------------------------------------------------------------------- the pass


_GROUP_NAME = re.compile(r"(?:the\s+)?(?P<group>Government|Parliament)\b", re.IGNORECASE)


def _named_group(parsed: ParsedParticipant) -> ParsedParticipant:
    """An organisation whose name is itself a group word ("Government of Veldoria") is in that group."""
    if parsed.stakeholder is not None:
        return parsed
    name, start, _ = parsed.name
    found = _GROUP_NAME.match(name)
    if found is None:
        return parsed
    word = found.group("group")
    at = start + found.start("group")
    return attrs.evolve(parsed, stakeholder=(word, at, at + len(word)))


def _fuller(name: str, other: str) -> bool:
    """Whether *name* is a fuller form of *other* ("Adaeze Okonkwo" of "Adaeze")."""
    folded, shorter = fold_text(name), fold_text(other)
    return folded != shorter and shorter in folded


def _participant(state: State, candidate: Candidate) -> Participant:
    parsed = _named_group(candidate.parsed) if candidate.organisation else candidate.parsed
    person = participant_from(state, parsed, candidate.role.value, candidate.whole, organisation=candidate.organisation)
    if candidate.more_name is not None:
        extra = state.prov(*candidate.more_name, "name")
        person = attrs.evolve(person, provenance=(*person.provenance, extra))
    return person


_STAKEHOLDER_LINE = re.compile(r"(?i:stakeholder(?:\s+group)?|sector)[\s\u00a0]*:[\s\u00a0]*(?P<group>\S.*)")


def _block_line(state: State, previous: Participant, start: int, end: int) -> Participant | None:
    """*previous* with the affiliation or stakeholder group a line just under it gives, or None.

    Session pages list a speaker as a block of lines: the name, the organisation,
    "Stakeholder: Civil Society". A line that is not a name joins the person on the
    line above it, once per part; anything else is not joined.
    """
    text = state.text
    ends = [where.end for item in previous.provenance if (where := item.span) is not None]
    if not ends or previous.kind is not ParticipantKind.PERSON:
        return None
    gap = text[max(ends) : start]
    if gap.count("\n") != 1 or gap.strip(BLANKS):
        return None
    line = text[start:end].strip()
    group = _STAKEHOLDER_LINE.fullmatch(line)
    if group is not None:
        wording = group.group("group").strip()
        if previous.stakeholder is not None or read_stakeholder(wording) is StakeholderKind.UNKNOWN:
            return None
        at = start + text[start:end].index(wording)
        provenance = (*previous.provenance, state.prov(start, end), state.prov(at, at + len(wording), "stakeholder"))
        return attrs.evolve(previous, stakeholder=StakeholderGroup.from_wording(wording), provenance=provenance)
    wrapped = _wrapped_affiliation(state, previous, start, end, line)
    if wrapped is not None:
        return wrapped
    first = previous.provenance[0].span
    alone = first is not None and "," not in text[first.start : first.end]  # the name's line holds only the name
    if not alone or previous.affiliation is not None or previous.stakeholder is not None or not is_organisation(line):
        return None
    provenance = (*previous.provenance, state.prov(start, end), state.prov(start, end, "affiliation"))
    return attrs.evolve(previous, affiliation=" ".join(line.split()), provenance=provenance)


def _wrapped_affiliation(state: State, previous: Participant, start: int, end: int, line: str) -> Participant | None:
    """*previous* with its affiliation run on to this line ("Institute for Highland" / "Network Studies"), or None.

    Only a short capitalised line with no comma that is not itself a name, right
    after an affiliation that ends its line.
    """
    text = state.text
    words = line.split()
    if previous.affiliation is None or previous.affiliation.endswith((".", ";", ":")):
        return None
    if not 0 < len(words) <= 4 or "," in line or "(" in line:
        return None
    if not all(word[:1].isupper() or word in _ORG_CONNECT for word in words) or is_person_name(line, single=True):
        return None
    spans = [item.span for item in previous.provenance if item.field == "affiliation" and item.span is not None]
    if len(spans) != 1 or text[spans[0].end : start].strip(BLANKS) or text[spans[0].end : start].count("\n") != 1:
        return None
    affiliation = f"{previous.affiliation} {' '.join(words)}"
    joined = state.prov(spans[0].start, end, "affiliation")
    provenance = tuple(joined if item.span is spans[0] else item for item in previous.provenance)
    return attrs.evolve(previous, affiliation=affiliation, provenance=(*provenance, state.prov(start, end)))


def find_people(state: State, draft: Draft) -> None:
    """Check the people the template read, then add those named elsewhere in the text.

    A person read under a role label by :func:`_label_values` replaces one the
    template read from the same words (the template's block may have run past a
    label it does not know); prose and transcript turns only add.
    """
    labelled: list[Candidate] = [*_contacts(state), *_comma_rows(state)]
    seen: set[tuple[tuple[int, int], Role]] = {(candidate.whole, candidate.role) for candidate in labelled}
    for role, _, values in itertools.islice(_label_values(state), _LABEL_LIMIT):
        for value_span in values:
            for candidate in _candidates(state, role, value_span):
                if (candidate.whole, role) not in seen:  # a label matched both at its line's start and after a gap
                    seen.add((candidate.whole, role))
                    labelled.append(candidate)
    labelled = _role_organisations(state, labelled)
    kept: list[Participant] = []
    replaced: set[int] = set()
    for person in draft.participants:
        span = person.provenance[0].span if person.provenance else None
        organisation = person.kind is ParticipantKind.ORGANISATION
        ok = plausible(person.name, person.role, organisation=organisation, single=True) or not _clearly_not(
            person.name, person.role, organisation=organisation
        )
        rivals: list[int] = []
        if span is not None:
            rivals = [
                index
                for index, c in enumerate(labelled)
                if index not in replaced and c.whole[0] < span.end and span.start < c.whole[1]
            ]
        if (
            rivals
            and span is not None
            and (
                not ok
                or len(rivals) > 1
                or labelled[rivals[0]].role is not person.role
                or labelled[rivals[0]].whole[1] > span.end
                or _fuller(labelled[rivals[0]].parsed.name[0], person.name)
            )
        ):
            # the template's block ran past a label it does not know, or took two people for one:
            # the role label's reading wins, in place
            for index in rivals:
                replaced.add(index)
                candidate = labelled[index]
                kept.append(_participant(state, candidate))
            continue
        if ok:
            kept.append(person)
        elif span is not None and kept and (more := _block_line(state, kept[-1], span.start, span.end)) is not None:
            kept[-1] = more  # "Name" / "Organisation" / "Stakeholder: Civil Society": one speaker's block
        elif span is not None:
            state.warn(
                "unparsed-participant", span.start, span.end, f"not a name: {state.quote(span.start, span.end)!r}"
            )
    draft.participants[:] = kept
    taken = [(where.start, where.end) for p in kept if p.provenance and (where := p.provenance[0].span) is not None]
    names = {(fold_text(p.name), p.role) for p in kept}
    rest = [c for index, c in enumerate(labelled) if index not in replaced]
    found = [*rest, *_prose(state), *_turns(state)]
    in_roles = {fold_text(c.parsed.name[0]) for c in found if c.role is not Role.PARTICIPANT}
    in_roles |= {name for name, role in names if role is not Role.PARTICIPANT}
    labelled_ids = {id(candidate) for candidate in rest}
    second_roles: dict[tuple[int, int], str] = {}  # a labelled value's span, and the name read from it
    for candidate in found:
        a, b = candidate.parsed.name[1], candidate.parsed.name[2]
        key = (fold_text(candidate.parsed.name[0]), candidate.role)
        again = id(candidate) in labelled_ids and second_roles.get(candidate.whole) == key[0]
        if key in names or (not again and any(s <= a and b <= e for s, e in taken)):
            continue  # but a joined label ("Moderator and Organizer: X") gives X its second role
        if candidate.role is Role.PARTICIPANT and key[0] in in_roles:
            continue  # a member present who is named in a role is that role, not a second entry
        names.add(key)
        taken.append(candidate.whole)
        if id(candidate) in labelled_ids:
            second_roles[candidate.whole] = key[0]
        draft.participants.append(_participant(state, candidate))
