"""Fields holding several things: statements, findings, discussions, participants.

Each reads the lines of one block: list items when the block has markers
(``1)``, ``a.``, ``*``), otherwise paragraphs. Text before the first item is a
lead-in: for recommendations (read in :mod:`._recommendations`, on the units cut
here) it may state their force ("We strongly suggest :"), otherwise it is kept
as a section.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govrecords.importers._consensus_cues import find_cue
from govrecords.importers._dates import TIME_ONLY
from govrecords.importers._items import Piece, pieces, split_lines_of
from govrecords.importers._names import is_person_name
from govrecords.importers._outcomes import READ_KEY, Outcome, add_finding, read_outcomes, take
from govrecords.importers._role_labels import LABEL_HEAD, read_role_label
from govrecords.importers._sentences import QUESTION_LABEL, questions
from govrecords.importers._speakers import ParsedParticipant, parse_participant, split_items
from govrecords.importers._state import Draft, State
from govrecords.importers._text import BLANKS, Line, list_marker
from govrecords.records import Finding, Participant, StakeholderGroup, Statement
from govrecords.vocabulary import ConsensusLevel, ParticipantKind, Role, read_regional_group

__all__ = [
    "CONSENSUS_LIMIT",
    "Unit",
    "add_discussion",
    "add_findings",
    "add_participants",
    "add_statements",
    "participant_from",
    "strip_blanks",
    "units",
]

CONSENSUS_LIMIT = 5000
"""How far into a passage a consensus cue is looked for."""


@attrs.frozen
class Unit:
    """One statement, finding or recommendation to be: its span and its number as written."""

    start: int
    end: int
    number: str | None = None
    number_span: tuple[int, int] | None = None
    item: bool = False


def units(state: State, lines: Sequence[Line], *, by_line: bool = False) -> tuple[list[Piece], list[Unit]]:
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
            out.append(Unit(piece.start, piece.end, text[piece.marker[0] : piece.marker[1]], piece.marker, item=True))
        elif piece.marker is not None:
            # a bullet or dash: statements count them, recommendations have no number as written
            out.append(Unit(piece.start, piece.end, str(ordinal), item=True))
        elif by_line and first_item is None and piece.lines > 1 and _sentences(text, lines, piece):
            out.extend(Unit(start, end) for start, end in split_lines_of(text, lines, piece))
        else:
            out.append(Unit(piece.start, piece.end))
    return lead, out


def _sentences(text: str, lines: Sequence[Line], piece: Piece) -> bool:
    return all(text[end - 1] in ".?!" for _, end in split_lines_of(text, lines, piece))


def _only_a_time(text: str, unit: Unit) -> bool:
    """Whether a unit is only a time or a span of times ("12:45 - 14:15", "09.30 CET"): a slot, not a point."""
    return TIME_ONLY.match(text[unit.start : unit.end]) is not None


def _statement(state: State, unit: Unit) -> Statement:
    value = state.value(unit.start, unit.end)
    provenance = [state.prov(unit.start, unit.end)]
    if unit.number_span is not None:
        provenance.append(state.prov(*unit.number_span, "number"))
    return Statement(value, unit.number, state.tag(value), tuple(provenance))


def add_statements(
    state: State, heading: tuple[int, int] | None, lines: Sequence[Line], target: list[Statement]
) -> None:
    """Read statements (policy questions, key issues): one per item, line or paragraph.

    For policy questions, a paragraph holding several questions gives one per
    question, a "Question 2:" label before one is left out, and a lead-in ("The
    session addressed two questions.") is kept as a section.
    """
    lead, found = units(state, lines, by_line=True)
    if lead:
        state.section(heading, [(p.start, p.end) for p in lead], why="the text before a list")
    if target is not state.draft.policy_questions:
        points = [unit for unit in found if not _only_a_time(state.text, unit)]
        times = [(u.number_span[0] if u.number_span else u.start, u.end) for u in found if _only_a_time(state.text, u)]
        if times:
            state.section(heading, times, why="a programme's time slot, not a point raised")
        target.extend(_statement(state, unit) for unit in points)
        return
    kept: list[tuple[int, int]] = []
    for position, unit in enumerate(found):
        if target and _ends_questions(state.text, unit):
            # a heading after the questions ("Session report") ends them: the rest is not a question
            rest = found[position:]
            kept.extend((u.number_span[0] if u.number_span else u.start, u.end) for u in rest)
            break
        if not _interrogative(state.text, unit):
            kept.append((unit.number_span[0] if unit.number_span else unit.start, unit.end))
            if target:
                # after the questions, a passage that asks nothing ends them ("Please state the key messages.")
                kept.extend((u.number_span[0] if u.number_span else u.start, u.end) for u in found[position + 1 :])
                break
            continue
        asked = split_questions(state.text, unit.start, unit.end)
        if len(asked) <= 1 and (not asked or asked[0] == (unit.start, unit.end)):
            start = asked[0][0] if asked else unit.start
            target.append(_statement(state, Unit(start, unit.end, unit.number, unit.number_span, unit.item)))
            continue
        covered = unit.start
        for start, end in asked:
            if start > covered and state.text[covered:start].strip(BLANKS):
                kept.append((covered, start))
            target.append(_statement(state, Unit(start, end)))
            covered = end
        if unit.end > covered and state.text[covered : unit.end].strip(BLANKS):
            kept.append((covered, unit.end))
    if kept:
        state.section(heading, kept, why="the text around the questions")


_ASKING = frozenset(
    {
        "what",
        "how",
        "who",
        "whom",
        "whose",
        "which",
        "why",
        "when",
        "where",
        "whether",
        "can",
        "could",
        "should",
        "would",
        "will",
        "is",
        "are",
        "do",
        "does",
        "did",
        "has",
        "have",
        "may",
        "might",
        "must",
        "shall",
    }
)
_ASKING_AFTER = frozenset({"to", "in", "under", "by", "for", "from", "at", "on", "with"})  # "To what extent ..."


def _interrogative(text: str, unit: Unit) -> bool:
    """Whether a policy-question passage asks: it holds a "?" or opens with a question word ("How to ...")."""
    if "?" in text[unit.start : unit.end]:
        return True
    label = QUESTION_LABEL.match(text, unit.start, unit.end)
    start = label.end() if label else unit.start
    words = [word.casefold().strip("\"'\u201c\u2018(") for word in text[start : unit.end].split(None, 2)]
    if words and words[0] in _ASKING_AFTER:
        return len(words) > 1 and words[1] in {"what", "which", "whom", "whose", "how"}
    return bool(words) and words[0] in _ASKING


def _ends_questions(text: str, unit: Unit) -> bool:
    """A line that heads what follows (short, no closing stop) or a form's instruction."""
    if unit.item or "\n" in text[unit.start : unit.end].strip(BLANKS) or text[unit.end - 1] in ".?!;:,":
        return False
    return unit.end - unit.start <= _TITLE_LINE


_TITLE_LINE = 200


def split_questions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The questions of a policy-question passage, without a "Question N:" label before them."""
    label = QUESTION_LABEL.match(text, start, end)
    if label is not None:
        start = label.end()
    return questions(text, start, end)


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
    state: State,
    heading: tuple[int, int] | None,
    lines: Sequence[Line],
    stated: ConsensusLevel | None,
    *,
    by_line: bool = False,
) -> None:
    """Read findings: one per item or paragraph at the level its heading states, else from the text's own cues.

    Under a heading that states a level ("Issues which reached a common view"),
    each item or paragraph is one finding; a cue in the item itself wins over the
    heading ("There was an emerging consensus ..." under "Issues where opinions
    varied"). Elsewhere each sentence that states a level is a finding and each
    that asks someone to act a recommendation (:func:`._outcomes.read_outcomes`);
    a passage with neither is read as a key issue.
    """
    draft = state.draft
    lead, found = units(state, lines, by_line=by_line)
    if lead:
        state.section(heading, [(p.start, p.end) for p in lead], why="the text before a list")
    for unit in found:
        if stated is not None and heading is not None:
            own = find_cue(state.text, unit.start, min(unit.end, unit.start + CONSENSUS_LIMIT))
            if own is not None and own.level is not stated:
                add_finding(
                    state, draft, (unit.start, unit.end), own.level, (own.start, own.end), number=unit.number_span
                )
                continue
            wording = state.value(*heading)
            draft.findings.append(_finding(state, draft, unit, level=stated, wording=wording, wording_span=heading))
            continue
        outcomes = read_outcomes(state, unit.start, unit.end, item=unit.item)
        if not outcomes and _only_a_time(state.text, unit):
            start = unit.number_span[0] if unit.number_span else unit.start
            state.section(heading, [(start, unit.end)], why="a programme's time slot, not a point raised")
            continue
        if not outcomes:
            draft.key_issues.append(_statement(state, unit))
            continue
        rest = unit.start
        for outcome in outcomes:
            if state.text[rest : outcome.start].strip(BLANKS):
                draft.key_issues.append(_statement(state, Unit(*strip_blanks(state.text, rest, outcome.start))))
            _take_numbered(state, draft, outcome, unit)
            rest = outcome.end
        if state.text[rest : unit.end].strip(BLANKS):
            draft.key_issues.append(_statement(state, Unit(*strip_blanks(state.text, rest, unit.end))))


def _take_numbered(state: State, draft: Draft, outcome: Outcome, unit: Unit) -> None:
    """Keep *outcome*, with *unit*'s number when the outcome opens the numbered unit."""
    first = outcome.start == unit.start and unit.number_span is not None
    take(
        state,
        draft,
        outcome,
        number=unit.number if first else None,
        number_span=unit.number_span if first else None,
    )


def add_discussion(state: State, heading: tuple[int, int] | None, lines: Sequence[Line]) -> None:
    """Read a discussion: sentences stating a consensus are findings, those that ask recommendations; all is kept."""
    draft = state.draft
    lead, found = units(state, lines)
    kept = [(p.start, p.end) for p in lead]
    for unit in found:
        outcomes = read_outcomes(state, unit.start, unit.end, item=unit.item)
        if not outcomes or (outcomes[0].start, outcomes[-1].end) != (unit.start, unit.end):
            kept.append((unit.number_span[0] if unit.number_span else unit.start, unit.end))
        for outcome in outcomes:
            _take_numbered(state, draft, outcome, unit)
    if kept:
        for start, end in kept:
            draft.seen.add(READ_KEY(start, end))
        state.section(heading, kept, code=None)


def add_participants(
    state: State,
    role: str,
    lines: Sequence[Line],
    *,
    organisation: bool = False,
    on_label_line: bool = False,
    heading: tuple[int, int] | None = None,
) -> None:
    """Read participants, one per line (or per ``;``-separated item), in the given role.

    Args:
        state: The import's state.
        role: The role of the label the lines are under.
        lines: The lines of the label's value.
        organisation: Whether the role is held by organisations.
        on_label_line: Whether the first line is the rest of the label's own line ("Moderator: Ana
            Ruiz, Lab"). Such a value ends at a blank line: the lines below it are not read in that
            role (the panel listed under a one-line "Moderator:" are not moderators). A person's line
            there is read with no role (:func:`_without_role`); any other is kept as a section, with
            a warning; a line that opens with a role label of its own is read in that role.
        heading: The label's words, which name that section.

    A line that starts with a role label the template does not know ("Moderated by:" in a block
    of organisers) is read in that label's role, as are the lines that wrap it; a line that ends
    with a comma goes on on the next ("Moderator: Jan Vos," / "Senior Fellow, Harbour Lab").
    """
    draft = state.draft
    text = state.text
    one_line = on_label_line
    aside: list[tuple[int, int]] = []  # lines below a blank line after a one-line value
    carried: int | None = None  # where a value that a line ended with a comma started
    for index, line in enumerate(lines):
        if line.blank:
            continue
        own = _own_role_label(text, line) if index else None
        if own is not None:
            _keep_aside(state, heading, aside, role)
            aside = []
            role, start = own
            one_line = start < line.trail
            organisation = False
            words_end = start
            while words_end > line.lead and (text[words_end - 1] in BLANKS or text[words_end - 1] in ":|"):
                words_end -= 1
            heading = (line.lead, words_end)  # what this label's people leave below a blank line stands under it
            state.mark(line.lead, start)
            if not one_line:
                continue
        elif index and lines[index - 1].blank and _prose_line(text, line):
            # the block ran on past its people into the body: "Rapporteur: X", a blank line, then the messages
            _keep_aside(state, heading, aside, role)
            add_discussion(state, None, lines[index:])
            return
        elif aside or (one_line and index and lines[index - 1].blank):
            if not _without_role(state, line, role):
                aside.append((line.lead, line.trail))
            continue
        else:
            marker = list_marker(text, line)
            start = marker.content if marker is not None else line.lead
        if carried is not None:
            start, carried = carried, None  # "Moderator: Jan Vos," / "Senior Fellow, Harbour Foundation": one person
        state.mark(line.lead, line.trail)
        following = lines[index + 1] if index + 1 < len(lines) else None
        if (
            text[line.trail - 1] == ","
            and following is not None
            and not following.blank
            and _own_role_label(text, following) is None
        ):
            carried = start  # the value goes on on the next line
            continue
        for item_start, item_end in split_items(text, start, line.trail):
            if state.duplicate(draft, f"{role} line", item_start, item_end):
                continue
            parsed = parse_participant(text, item_start, item_end, organisation=organisation)
            if parsed is None:
                state.warn(
                    "unparsed-participant",
                    item_start,
                    item_end,
                    state.quoting("no name found in ", item_start, item_end),
                )
                continue
            person = participant_from(state, parsed, role, (item_start, item_end), organisation=organisation)
            draft.participants.append(person)
    _keep_aside(state, heading, aside, role)


def _own_role_label(text: str, line: Line) -> tuple[str, int] | None:
    """The role a role label at the start of *line* names, and where its value starts; None if none does."""
    found = LABEL_HEAD.match(text, line.lead, line.trail)
    if found is None or found.group("sep") is None:
        return None
    role = read_role_label(found.group("label"))
    if role is None:
        return None
    start = found.end()
    while start < line.trail and text[start] in BLANKS:
        start += 1
    return role.value, start


def _without_role(state: State, line: Line, role: str) -> bool:
    """Read *line* as one person with no role, if it names one; whether it did.

    The people listed below a blank line after a one-line "Moderator:" value are a
    panel whose role the text does not state: their names and affiliations are kept,
    their role is left empty, with a warning.
    """
    text = state.text
    marker = list_marker(text, line)
    start = marker.content if marker is not None else line.lead
    parsed = parse_participant(text, start, line.trail)
    if parsed is None or not is_person_name(parsed.name[0]):
        return False
    if parsed.title is None and parsed.affiliation is None and parsed.stakeholder is None:
        return False  # a name alone ("Gender Reflection") may be the next heading: a person's line says more
    state.mark(line.lead, line.trail)
    state.draft.participants.append(participant_from(state, parsed, None, (start, line.trail)))
    why = f"listed below a blank line after the {role}'s value on the label's line: read with no role"
    state.warn("guessed-value", start, line.trail, lambda: f"{why}: {state.quote(start, line.trail)!r}")
    return True


def _keep_aside(state: State, heading: tuple[int, int] | None, spans: list[tuple[int, int]], role: str) -> None:
    if spans:
        why = f"below a blank line after the {role}'s value on the label's line; not read in that role"
        state.section(heading, [(spans[0][0], spans[-1][1])], why=why)


def _prose_line(text: str, line: Line) -> bool:
    """A line that is a sentence of at least eight words, not a person's line."""
    marker = list_marker(text, line)
    body = text[marker.content if marker is not None else line.lead : line.trail].strip()
    return len(body.split()) >= 8 and body[-1:] in ".;!?"


def participant_from(
    state: State, parsed: ParsedParticipant, role: str | None, whole: tuple[int, int], *, organisation: bool = False
) -> Participant:
    """Build a participant from a parsed line, with provenance for each part that is not the whole line.

    *role* None: a person the text lists without saying in what role.
    """
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
        Role(role) if role is not None else None,
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
