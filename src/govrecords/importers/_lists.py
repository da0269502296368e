"""Fields holding several things: statements, findings, recommendations, participants.

Each reads the lines of one block: list items when the block has markers
(``1)``, ``a.``, ``*``), otherwise paragraphs. Text before the first item is a
lead-in: for recommendations it may state their force ("We strongly suggest :"),
otherwise it is kept as a section.
"""

from __future__ import annotations

import attrs

from govrecords.importers._items import Piece, find_consensus, find_force, pieces, split_lines_of, trim_lead_in
from govrecords.importers._speakers import ParsedParticipant, parse_participant, split_items
from govrecords.importers._state import Draft, State
from govrecords.importers._text import BLANKS, Line, list_marker
from govrecords.provenance import Provenance
from govrecords.records import Finding, Participant, Recommendation, StakeholderGroup, Statement
from govrecords.vocabulary import ConsensusLevel, Force, ParticipantKind, Role, read_regional_group

__all__ = ["Unit", "add_discussion", "add_findings", "add_participants", "add_recommendations", "add_statements",
           "participant_from", "units"]

_FORCE_LIMIT = 1000  # force is stated at the start of a passage; longer passages are searched this far
_CONSENSUS_LIMIT = 5000


@attrs.frozen
class Unit:
    """One statement, finding or recommendation to be: its span and its number as written."""

    start: int
    end: int
    number: str | None = None
    number_span: tuple[int, int] | None = None


def units(state: State, lines: list[Line], *, by_line: bool = False) -> tuple[list[Piece], list[Unit]]:
    """The lead-in paragraphs and the units of a block's value.

    Args:
        state: The import.
        lines: The value's lines.
        by_line: Without list markers, read a paragraph whose lines each end a
            sentence as one unit per line (one question per line).
    """
    text = state.text
    found = pieces(text, lines)
    first_item = next((index for index, piece in enumerate(found) if piece.is_item), None)
    lead = found[:first_item] if first_item is not None else []
    rest = found[first_item:] if first_item is not None else found
    out: list[Unit] = []
    ordinal = 0
    for piece in rest:
        if piece.marker is not None and piece.end <= piece.start:
            state.warn("empty-field", piece.marker[0], piece.marker[1], "a list item with nothing after its marker")
            continue
        if piece.marker is not None:
            state.mark(*piece.marker)  # a marker is structure, even on an item skipped as a repeat
        if state.duplicate(state.draft, "item", piece.start, piece.end):
            continue
        ordinal += 1 if piece.is_item else 0
        if piece.marker is not None and piece.numbered:
            out.append(Unit(piece.start, piece.end, text[piece.marker[0] : piece.marker[1]], piece.marker))
        elif piece.marker is not None:
            out.append(Unit(piece.start, piece.end, str(ordinal)))
        elif by_line and first_item is None and piece.lines > 1 and _sentences(text, lines, piece):
            out.extend(Unit(start, end) for start, end in split_lines_of(text, lines, piece))
        else:
            out.append(Unit(piece.start, piece.end))
    return lead, out


def _sentences(text: str, lines: list[Line], piece: Piece) -> bool:
    return all(text[end - 1] in ".?!" for _, end in split_lines_of(text, lines, piece))


def _statement(state: State, unit: Unit) -> Statement:
    value = state.value(unit.start, unit.end)
    provenance = [state.prov(unit.start, unit.end)]
    if unit.number_span is not None:
        provenance.append(state.prov(*unit.number_span, "number"))
    return Statement(value, unit.number, state.tag(value), tuple(provenance))


def add_statements(state: State, heading: tuple[int, int] | None, lines: list[Line], target: list[Statement]) -> None:
    """Read statements (policy questions, key issues): one per item, line or paragraph."""
    lead, found = units(state, lines, by_line=True)
    if lead:
        state.section(heading, [(p.start, p.end) for p in lead], why="the text before a list")
    target.extend(_statement(state, unit) for unit in found)


def _finding(
    state: State, draft: Draft, unit: Unit, *, level: ConsensusLevel, wording: str, wording_span: tuple[int, int]
) -> Finding:
    value = state.value(unit.start, unit.end)
    number = draft.count(level.value)
    provenance = (state.prov(unit.start, unit.end), state.prov(*wording_span, "consensus_wording"))
    return Finding(
        value, level, wording, state.tag(value), id=f"{level.value.replace('_', '-')}-{number}", provenance=provenance
    )


def add_findings(
    state: State, heading: tuple[int, int] | None, lines: list[Line], stated: ConsensusLevel | None
) -> None:
    """Read findings: one per item or paragraph, at the consensus the heading states or each one's own phrase.

    A paragraph with neither is read as a key issue.
    """
    draft = state.draft
    lead, found = units(state, lines)
    if lead:
        state.section(heading, [(p.start, p.end) for p in lead], why="the text before a list")
    for unit in found:
        if stated is not None and heading is not None:
            wording = state.value(*heading)
            draft.findings.append(_finding(state, draft, unit, level=stated, wording=wording, wording_span=heading))
            continue
        phrase = find_consensus(state.text, unit.start, min(unit.end, unit.start + _CONSENSUS_LIMIT))
        if phrase is not None:
            level, span = phrase
            wording = state.value(*span)
            draft.findings.append(_finding(state, draft, unit, level=level, wording=wording, wording_span=span))
        else:
            draft.key_issues.append(_statement(state, unit))


def add_discussion(state: State, heading: tuple[int, int] | None, lines: list[Line]) -> None:
    """Read a discussion: a paragraph stating a consensus is a finding; the rest is kept as a section."""
    draft = state.draft
    lead, found = units(state, lines)
    kept = [(p.start, p.end) for p in lead]
    for unit in found:
        phrase = find_consensus(state.text, unit.start, min(unit.end, unit.start + _CONSENSUS_LIMIT))
        if phrase is None:
            kept.append((unit.number_span[0] if unit.number_span else unit.start, unit.end))
            continue
        level, span = phrase
        draft.findings.append(_finding(state, draft, unit, level=level, wording=state.value(*span), wording_span=span))
    if kept:
        state.section(heading, kept, code=None)


def add_recommendations(
    state: State, heading: tuple[int, int] | None, lines: list[Line], *, heading_states_force: bool = False
) -> None:
    """Read recommendations with their number and force.

    The force comes from the lead-in ("We strongly suggest :"); else from a
    heading that states it ("Agree that:"); else from each recommendation's own
    words; else from the heading's words ("Participant suggestions...").
    """
    draft = state.draft
    text = state.text
    lead, found = units(state, lines)
    stated: tuple[Force, str, tuple[int, int]] | None = None
    kept: list[tuple[int, int]] = []
    own_units: list[Unit] = []
    for index, piece in enumerate(lead):
        force = find_force(text, piece.start, min(piece.end, piece.start + _FORCE_LIMIT))
        if force is not None and index == len(lead) - 1:
            stated = (force[0], force[1], trim_lead_in(text, piece.start, piece.end))
            state.mark(piece.start, piece.end)
        elif text[piece.end - 1] in ":\uff1a" or not found:
            kept.append((piece.start, piece.end))
        else:
            own_units.append(Unit(piece.start, piece.end))
    if kept:
        state.section(heading, kept, why="the text before a list")
    from_heading: tuple[Force, str, tuple[int, int]] | None = None
    if heading is not None:
        force = find_force(text, *heading)
        if force is not None:
            from_heading = (force[0], force[1], heading)
    if stated is None and heading_states_force:
        stated = from_heading
    for unit in (*own_units, *found):
        value = state.value(unit.start, unit.end)
        provenance: list[Provenance] = [state.prov(unit.start, unit.end)]
        if unit.number_span is not None:
            provenance.append(state.prov(*unit.number_span, "number"))
        force_of = stated or find_force(text, unit.start, min(unit.end, unit.start + _FORCE_LIMIT)) or from_heading
        if force_of is not None:
            provenance.append(state.prov(*force_of[2], "force_wording"))
        number = draft.count("recommendation")
        draft.recommendations.append(
            Recommendation(
                value,
                unit.number,
                force=force_of[0] if force_of else None,
                force_wording=force_of[1] if force_of else None,
                topics=state.tag(value),
                id=f"recommendation-{number}",
                provenance=tuple(provenance),
            )
        )


def add_participants(state: State, role: str, lines: list[Line], *, organisation: bool = False) -> None:
    """Read participants, one per line (or per ``;``-separated item), in the given role."""
    draft = state.draft
    text = state.text
    for line in lines:
        if line.blank:
            continue
        state.mark(line.lead, line.trail)
        marker = list_marker(text, line)
        start = marker.content if marker is not None else line.lead
        for item_start, item_end in split_items(text, start, line.trail):
            if state.duplicate(draft, f"{role} line", item_start, item_end):
                continue
            parsed = parse_participant(text, item_start, item_end, organisation=organisation)
            if parsed is None:
                quoted = state.quote(item_start, item_end)
                state.warn("unparsed-participant", item_start, item_end, f"no name found in {quoted!r}")
                continue
            person = participant_from(state, parsed, role, (item_start, item_end), organisation=organisation)
            draft.participants.append(person)


def participant_from(
    state: State, parsed: ParsedParticipant, role: str, whole: tuple[int, int], *, organisation: bool = False
) -> Participant:
    """Build a participant from a parsed line, with provenance for each part that is not the whole line."""
    provenance = [state.prov(*whole)]
    for field in ("name", "honorific", "title", "affiliation", "stakeholder", "regional_group", "country"):
        part = getattr(parsed, field)
        if part is not None and (part[1], part[2]) != whole:
            provenance.append(state.prov(part[1], part[2], field))
    stakeholder = StakeholderGroup.from_wording(parsed.stakeholder[0]) if parsed.stakeholder else None
    if parsed.ambiguous and parsed.stakeholder is not None:
        _, start, end = parsed.stakeholder
        read_as = stakeholder.kind.value if stakeholder else "unknown"
        what = f"{parsed.stakeholder[0]!r} joins two stakeholder groups; read as {read_as}"
        state.warn("ambiguous-stakeholder", start, end, what)
    return Participant(
        parsed.name[0],
        ParticipantKind.ORGANISATION if organisation else ParticipantKind.PERSON,
        Role(role),
        honorific=parsed.honorific[0] if parsed.honorific else None,
        title=parsed.title[0] if parsed.title else None,
        affiliation=parsed.affiliation[0] if parsed.affiliation else None,
        stakeholder=stakeholder,
        regional_group=read_regional_group(parsed.regional_group[0]) if parsed.regional_group else None,
        country=parsed.country[0] if parsed.country else None,
        provenance=tuple(provenance),
    )


def strip_blanks(text: str, start: int, end: int) -> tuple[int, int]:
    """A span without blanks at either end."""
    while start < end and text[start] in BLANKS:
        start += 1
    while end > start and text[end - 1] in BLANKS:
        end -= 1
    return start, end
