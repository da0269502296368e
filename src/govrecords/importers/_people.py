"""People read wherever the text names them in a role, whatever the template.

Three readers run over the whole text after the template's own labels:

* **role labels** anywhere on a line, also several on one flattened line, with
  their value on the same line or on the lines below ("Organizer 1: Name, Org",
  "Co-Proposer's Name:", "Speakers:" then bullets, "Chair/Moderator: | Name")
  (:mod:`._labelled_people`);
* **prose cues**: "chaired by Mr. X, Minister, Org", "organised by the X and the
  Government of Y", "the moderator (Ms. X, Org)", "moderated by X of the Org"
  (:mod:`._prose_people`);
* **transcript turns** (">> NAME:"): each named speaker once, as a moderator
  when their own turn says they moderate (:mod:`._turn_people`).

A value is split into people at ";", at commas between whole names and at
"and" between whole names (:mod:`._people_values`); each candidate must have the
shape of a personal name (:mod:`._names`), or of an organisation where the role
admits one (organisers), else it is dropped with a warning
(:mod:`._role_labels`). Nothing already read by the template is read twice: a
candidate inside a participant's evidence, or with the same name and role, is
skipped.
"""

from __future__ import annotations

import bisect
import itertools
import re

import attrs

from govrecords.importers._labelled_people import (
    comma_rows,
    contact_people,
    label_candidates,
    label_values,
    role_organisations,
)
from govrecords.importers._lists import participant_from
from govrecords.importers._names import is_organisation, is_person_name
from govrecords.importers._prose_people import people_in_prose
from govrecords.importers._role_labels import LABEL_LIMIT, ORG_CONNECT, Candidate, clearly_not, plausible
from govrecords.importers._speakers import ParsedParticipant
from govrecords.importers._state import Draft, State
from govrecords.importers._text import BLANKS, fold_text
from govrecords.importers._turn_people import turn_people
from govrecords.records import Participant, StakeholderGroup
from govrecords.vocabulary import ParticipantKind, Role, StakeholderKind, read_stakeholder

__all__ = ["find_people"]


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
_AFFILIATION_LINE = re.compile(
    r"(?i:(?:organi[sz]ational[\s\u00a0]+)?(?:affiliation|organi[sz]ation|institution))[\s\u00a0]*:[\s\u00a0]*"
    r"(?P<org>\S.*)"
)
_ANY_LABEL = re.compile(r"[A-Z][\w'\u2019 /()-]{0,40}:")


def _block_line(state: State, previous: Participant, start: int, end: int) -> Participant | None:
    """*previous* with the affiliation or stakeholder group a line just under it gives, or None.

    Session pages list a speaker as a block of lines: the name, the organisation,
    "Stakeholder: Civil Society". A line that is not a name joins the person on the
    line above it, once per part; anything else is not joined.
    """
    text = state.text
    ends = [where.end for item in previous.provenance if (where := item.span) is not None]
    if not ends:
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
    if previous.kind is not ParticipantKind.PERSON:
        return None  # an organisation takes its stakeholder group from the line below, nothing else
    wrapped = _wrapped_affiliation(state, previous, start, end, line)
    if wrapped is not None:
        return wrapped
    first = previous.provenance[0].span
    alone = first is not None and "," not in text[first.start : first.end]  # the name's line holds only the name
    if not alone or previous.affiliation is not None or previous.stakeholder is not None:
        return None
    labelled = _AFFILIATION_LINE.fullmatch(line)
    if labelled is not None:  # "Organizational Affiliation: Ministry of X": the value after the label
        at = start + text[start:end].index(labelled.group("org"))
        value = (at, at + len(labelled.group("org").rstrip()))
    elif _ANY_LABEL.match(line) is None and is_organisation(line):
        value = (start, end)
    else:
        return None  # another field's label ("Country: X"), or not an organisation
    affiliation = " ".join(text[value[0] : value[1]].split())
    if fold_text(affiliation.split(",")[0]) == fold_text(previous.name):
        # "Ministry of X" / "Organizational Affiliation: Ministry of X, Country": the entry's own name again
        return attrs.evolve(previous, provenance=(*previous.provenance, state.prov(start, end)))
    provenance = (*previous.provenance, state.prov(start, end), state.prov(*value, "affiliation"))
    return attrs.evolve(previous, affiliation=affiliation, provenance=provenance)


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
    if not all(word[:1].isupper() or word in ORG_CONNECT for word in words) or is_person_name(line, single=True):
        return None
    spans = [item.span for item in previous.provenance if item.field == "affiliation" and item.span is not None]
    if len(spans) != 1 or text[spans[0].end : start].strip(BLANKS) or text[spans[0].end : start].count("\n") != 1:
        return None
    affiliation = f"{previous.affiliation} {' '.join(words)}"
    joined = state.prov(spans[0].start, end, "affiliation")
    provenance = tuple(joined if item.span is spans[0] else item for item in previous.provenance)
    return attrs.evolve(previous, affiliation=affiliation, provenance=(*provenance, state.prov(start, end)))


class _Overlaps:
    """Spans sorted by start, so that finding those that overlap a passage does not read them all."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self._order = sorted(range(len(spans)), key=lambda index: spans[index][0])
        self._starts = [spans[index][0] for index in self._order]
        self._spans = spans
        self._longest = max((end - start for start, end in spans), default=0)

    def find(self, start: int, end: int, skip: set[int]) -> list[int]:
        """The indices, in order, of the spans that overlap ``[start, end)``, but those in *skip*."""
        low = bisect.bisect_right(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        return sorted(index for index in self._order[low:high] if index not in skip and start < self._spans[index][1])


def find_people(state: State, draft: Draft) -> None:
    """Check the people the template read, then add those named elsewhere in the text.

    A person read under a role label by :func:`~._labelled_people.label_values` replaces one the
    template read from the same words (the template's block may have run past a
    label it does not know); prose and transcript turns only add.
    """
    labelled: list[Candidate] = [*contact_people(state), *comma_rows(state)]
    seen: set[tuple[tuple[int, int], Role]] = {(candidate.whole, candidate.role) for candidate in labelled}
    for role, _, values in itertools.islice(label_values(state), LABEL_LIMIT):
        for value_span in values:
            for candidate in label_candidates(state, role, value_span):
                if (candidate.whole, role) not in seen:  # a label matched both at its line's start and after a gap
                    seen.add((candidate.whole, role))
                    labelled.append(candidate)
    labelled = role_organisations(state, labelled)
    overlapping = _Overlaps([candidate.whole for candidate in labelled])
    kept: list[Participant] = []
    replaced: set[int] = set()
    for person in draft.participants:
        span = person.provenance[0].span if person.provenance else None
        organisation = person.kind is ParticipantKind.ORGANISATION
        ok = ":" not in person.name and (  # "Stakeholder: Government", "Affiliation: X": a label, never a name
            plausible(person.name, person.role, organisation=organisation, single=True)
            or not clearly_not(person.name, person.role, organisation=organisation)
        )
        rivals: list[int] = []
        if span is not None:
            rivals = overlapping.find(span.start, span.end, replaced)
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
    found = [*rest, *people_in_prose(state), *turn_people(state)]
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
