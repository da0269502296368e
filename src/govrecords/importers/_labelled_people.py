"""People under role labels: the value on the label's line or on the lines below, contacts, role rows.

A label may stand anywhere on a line, several on one flattened line; its value
follows on the same line or on the lines below ("Speakers:" then bullets).
Numbered contact blocks and "Role, Name, Organisation" rows are read here too.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator

import attrs

from govrecords.importers._names import honorific_end, is_organisation, is_person_name
from govrecords.importers._people_values import items, trim_value
from govrecords.importers._prose_people import PROSE_LIMIT
from govrecords.importers._role_labels import (
    JOINERS,
    LABEL_BODY,
    LABEL_CORE,
    LABEL_HEAD,
    ORG_ROLES,
    Candidate,
    only_a_group,
    read_role_label,
)
from govrecords.importers._scan import after_blanks, finditer
from govrecords.importers._speakers import ParsedParticipant, parse_participant
from govrecords.importers._state import State
from govrecords.importers._text import BLANKS, Line, fold_text
from govrecords.vocabulary import Role, StakeholderKind, read_stakeholder

__all__ = ["comma_rows", "contact_people", "label_candidates", "label_values", "role_organisations"]

# ... or after a wide gap, " - ", " | " on a flattened line
_LABEL_AT = re.compile(
    r"(?:(?<=[\s\u00a0]{2})|(?<=\t)|(?<=[|\u2022\u00b7] )|(?<= [-\u2013\u2014] )|(?<=\. ))" + LABEL_CORE,
    re.IGNORECASE,
)
# the next label on a flattened line ends a value: "Name, Org  Reporter: Name"
_NEXT_LABEL = re.compile(
    r"(?:[\s\u00a0]{2,}|\t| [-\u2013\u2014|\u2022] )(?:[-*\u2022]\s+)?"
    r"[A-Z][\w'\u2019/&(). -]{0,60}?[\s\u00a0]*:(?![/\d])"
)
# a role label after a single space on a flattened line: "Ms. Wendl, Alpine Forum Rapporteur: Mr. Imboden"
_INLINE_ROLE = re.compile(rf"(?<=[^\s:,;(|])[ \u00a0](?=(?:{LABEL_BODY})[\s\u00a0]*:[\s\u00a0]*[A-Z])", re.IGNORECASE)


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
            (label := LABEL_HEAD.match(text, offset + word, end)) is not None and label.end("label") > at
            for word in words[-2:]
        )
        if not longer:
            out.append(at)
    return out


_FORM_TIP = re.compile(r"\b(?:please|provide|until|deadline|list (?:the|all)|enter)\b", re.IGNORECASE)
_INSTRUCTION_AFTER = re.compile(r"(?:please|list|provide|enter|add|insert|name)\b[^:]*$", re.IGNORECASE)
_OTHER_LABEL_LINE = re.compile(r"(?:[-*\u2022\u00b7]\s+|\(?[0-9a-z]{1,2}[.)]\s+)?[A-Z][^:\n]{0,60}:(?:\s|$)")


def label_values(state: State) -> Iterator[tuple[Role, tuple[int, int], list[tuple[int, int]]]]:
    """Each role label in the text: its role, its span, and the spans of its value's lines."""
    text = state.text
    lines = state.lines
    for index, line in enumerate(lines):
        if line.blank:
            continue
        head = LABEL_HEAD.match(text, line.lead, line.trail)
        flattened = text.find(":", line.lead, line.trail) >= 0 or text.find("|", line.lead, line.trail) >= 0
        later = list(_LABEL_AT.finditer(text, line.lead, line.trail)) if flattened else []
        if flattened:
            starts = {found.start() for found in later}
            for at in _inline_roles(text, line.lead, line.trail):
                inline = LABEL_HEAD.match(text, at, line.trail)
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
    inline = trim_value(text, after, value_end)
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
        if line.blank or _OTHER_LABEL_LINE.match(text, line.lead) or LABEL_HEAD.match(text, line.lead):
            break
        found = LABEL_HEAD.match(text, line.lead, line.trail)
        if found is not None and read_role_label(found.group("label")) is not None:
            break
        span = trim_value(text, line.lead, line.trail)
        previous = text[(out[-1] if out else first)[0] : (out[-1] if out else first)[1]].split()
        runs_on = bool(previous) and previous[-1].lower() in JOINERS
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
        found = LABEL_HEAD.match(text, line.lead, line.trail)
        if found is not None and read_role_label(found.group("label")) is not None:
            break
        if _OTHER_LABEL_LINE.match(text, line.lead):
            break
        span = trim_value(text, line.lead, line.trail)
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
            if last_word in JOINERS or comma or following[:1].islower():
                out[-1] = (out[-1][0], span[1])
                continue
        out.append(span)
    return out


def label_candidates(state: State, role: Role, span: tuple[int, int]) -> Iterator[Candidate]:
    text = state.text
    for item_start, b in items(text, span[0], span[1], role):
        a = item_start + 4 if text.startswith(("the ", "The "), item_start) and role in ORG_ROLES else item_start
        for organisation in (False, True):
            parsed = parse_participant(text, a, b, organisation=organisation)
            if parsed is None:
                break
            name = parsed.name[0]
            if organisation and not (role in ORG_ROLES and is_organisation(name) and not only_a_group(name)):
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


_CONTACT_HEAD = re.compile(
    r"(?=[psm])\b(?:primary|secondary|main|second)[\s\u00a0]+contact(?:[\s\u00a0]+(?:information|person|details))?[\s\u00a0]*:?",
    re.IGNORECASE,
)
_CONTACT_WORDS = (("contact", after_blanks(*map(len, ("primary", "secondary", "main", "second")))),)
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


def contact_people(state: State) -> Iterator[Candidate]:
    """A form's contact blocks, one person each.

    "Primary contact information: a. Ms. / Mr. ... b. First name ... c. Family name / Surname ...", on
    one line or several.
    """
    text = state.text
    for head in itertools.islice(finditer(_CONTACT_HEAD, state.lowered, _CONTACT_WORDS), PROSE_LIMIT):
        stop = _CONTACT_END.search(text, head.end(), head.end() + 1500)
        end = stop.start() if stop is not None else min(len(text), head.end() + 1500)
        markers = list(_SUB_MARKER.finditer(text, head.end(), end))
        parts: dict[str, tuple[str, int, int]] = {}
        for index, marker in enumerate(markers):
            item_end = markers[index + 1].start() if index + 1 < len(markers) else end
            for key, label in _CONTACT_PARTS:
                found = label.match(text, marker.end(), item_end)
                if found is not None and key not in parts:
                    a, b = trim_value(text, found.end(), item_end)
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
    r"(?=[cpomrs])(?P<stem>(?:co-?)?proposer|(?:co-?)?organi[sz]er|moderator|rapporteur|speaker)(?:'s|\u2019s)?[\s\u00a0]+"
    r"(?:organi[sz]ation|affiliation|institution)[\s\u00a0]*:[\s\u00a0]*",
    re.IGNORECASE,
)
_ROLE_ORG_STEMS = (
    "proposer",
    "co-proposer",
    "coproposer",
    "organiser",
    "co-organiser",
    "coorganiser",
    "moderator",
    "rapporteur",
    "speaker",
)
_ROLE_ORG_BACK = after_blanks(*{len(stem) + len(mark) for stem in _ROLE_ORG_STEMS for mark in ("", "'s")})
_ROLE_ORG_WORDS = tuple(
    (word, _ROLE_ORG_BACK) for word in ("organisation", "organization", "affiliation", "institution")
)
# a raw row of a schedule export: "Ms.,Ama,OWUSU-ANSAH,Academia,Coastal University"
_COMMA_ROW = re.compile(
    r"(?P<hon>Mr|Ms|Mrs|Dr|Prof|Mx)\.?,(?P<first>[^,\n]{1,40}),(?P<last>[^,\n]{1,40}),(?P<group>[^,\n]{0,60}),"
    r"(?P<org>[^\n]{1,200})"
)


def comma_rows(state: State) -> Iterator[Candidate]:
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


def role_organisations(state: State, labelled: list[Candidate]) -> list[Candidate]:
    """Give a person read under "Proposer's Name" the organisation its "Proposer's Organization" line names."""
    text = state.text
    out = list(labelled)
    by_end = sorted(range(len(out)), key=lambda index: out[index].whole[1])  # so each label looks only 300 back
    ends = [out[index].whole[1] for index in by_end]
    for found in itertools.islice(finditer(_ROLE_ORG, state.lowered, _ROLE_ORG_WORDS), PROSE_LIMIT):
        line_end = text.find("\n", found.end())
        line_end = len(text) if line_end < 0 else line_end
        value = trim_value(text, found.end(), line_end)
        if value[1] <= value[0]:
            continue
        stem = fold_text(found.group("stem"))
        nearby = by_end[bisect.bisect_right(ends, found.start() - 300) : bisect.bisect_right(ends, found.start())]
        before = sorted(index for index in nearby if out[index].parsed.affiliation is None)
        for index in reversed(before):
            label_start = text.rfind("\n", 0, out[index].whole[0]) + 1
            if fold_text(text[label_start : out[index].whole[0]]).startswith(stem):
                affiliation = (" ".join(text[value[0] : value[1]].split()), *value)
                out[index] = attrs.evolve(out[index], parsed=attrs.evolve(out[index].parsed, affiliation=affiliation))
                break
    return out
