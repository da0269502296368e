"""Reading each block into the field its label names.

:func:`read_block` dispatches on the label's field: text fields, people,
contact blocks, lists (:mod:`._lists`), kept sections, boilerplate. Unlabelled
text goes through :func:`read_flow`, which applies the template's phrase rules,
its field for bullets and its default field, and keeps the rest as sections.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence

import attrs

from govrecords.importers._items import Ahead, Piece, iter_pieces, pieces
from govrecords.importers._layout import Block, PatternHit
from govrecords.importers._lists import (
    add_discussion,
    add_findings,
    add_participants,
    add_statements,
    participant_from,
)
from govrecords.importers._recommendations import add_recommendations
from govrecords.importers._speakers import ParsedParticipant
from govrecords.importers._state import State, Value
from govrecords.importers._template import Label
from govrecords.importers._text import Line, fold, fold_text
from govrecords.importers._vocab import find_format
from govrecords.vocabulary import Role, read_consensus

__all__ = ["MULTI_FIELDS", "Contact", "read_block", "read_flow", "read_pattern"]

MULTI_FIELDS = frozenset({"summary", "description", "notes"})
_LIST_FIELDS = frozenset({"key_issues", "policy_questions", "findings", "discussion", "recommendations"})
_ROLES = frozenset(role.value for role in Role)
_READ_WHEN_EMPTY = frozenset({"heading", "boilerplate", "section"})
"""The fields :func:`read_block` reads even when their label has nothing under it."""
_NOTHING = frozenset(
    {
        "n/a",
        "na",
        "n.a.",
        "none",
        "-",
        "--",
        "tbd",
        "tbc",
        "to be determined",
        "to be confirmed",
        "not applicable",
        "nil",
        ".",
    }
)
_PLACEHOLDERS = (
    "please provide",
    "please describe",
    "please enter",
    "please insert",
    "please list",
    "please use",
    "[insert",
    "<insert",
    "insert text",
    "lorem ipsum",
    "enter text here",
    "click here to",
    "type here",
    "xxx",
)


# an instruction to whoever fills the form in: "Always use your own words to describe ...", "Describe your
# session in two lines", "Give your organisation's name"
_TO_THE_WRITER = re.compile(
    r"(?:always\s+|please\s+)?(?:use|write|describe|give|add|insert|enter|list|provide|summari[sz]e|state|name)"
    r"\s+your\b"
)


@attrs.define
class Contact:
    """A participant described over several labels (first name, last name, affiliation...)."""

    role: str
    organisation: bool
    parts: dict[str, tuple[str, int, int]] = attrs.field(factory=dict[str, tuple[str, int, int]])


def read_pattern(state: State, hit: PatternHit) -> None:
    """Take the fields a pattern captured on its line."""
    state.mark(hit.line.lead, hit.line.trail)
    captures = {capture.name: capture for capture in hit.match.captures}
    for capture in hit.match.captures:
        if capture.name == "_":
            quoted = state.quote(capture.start, capture.end)
            state.warn("unmapped", capture.start, capture.end, f"no field holds {quoted!r}")
            continue
        if capture.name == "duration":
            continue
        evidence = (capture.evidence_start, capture.evidence_end)
        if capture.name == "format" and "duration" in captures:
            # "Round Table - 90 Min": the format as worded runs to the end of its line
            evidence = (capture.start, hit.line.trail)
        set_value(state, capture.name, capture.start, capture.end, None, evidence=evidence)


def set_value(
    state: State,
    field: str,
    start: int,
    end: int,
    heading: tuple[int, int] | None,
    *,
    evidence: tuple[int, int] | None = None,
    value: str | None = None,
) -> None:
    """Set a single-valued field; a repeat is a duplicate, a different value is kept as a section."""
    target = state.forum if field.startswith("forum.") else state.draft.values
    text = value if value is not None else state.value(start, end)
    ev = evidence or (start, end)
    earlier = target.get(field)
    if earlier is not None:
        if fold_text(earlier.value) == fold_text(text):
            state.warn("duplicate-value", ev[0], ev[1], f"repeats the {field} word for word")
        else:
            state.section(heading, [(start, end)], code="conflicting-value", why=f"a second, different {field}")
        return
    target[field] = Value(text, ev[0], ev[1], heading)


def _placeholder(state: State, start: int, end: int) -> str | None:
    head = fold_text(state.text[start : min(end, start + 200)])
    if end - start <= 40 and head in _NOTHING:
        return "empty-field"
    phrases = (*_PLACEHOLDERS, *(fold_text(p) for p in state.template.placeholders))
    if any(phrase and head.startswith(phrase) for phrase in phrases) or _TO_THE_WRITER.match(head):
        return "placeholder"
    return None


def read_block(state: State, block: Block, contact: Contact | None) -> Contact | None:
    """Read one block and the lines that repeat it (:attr:`Block.again`); returns the contact block still being read."""
    contact = _read_block(state, block, contact)
    if block.again is None:
        return contact
    hit, label = block.hit, block.label
    if hit is None or label is None or label.field in _READ_WHEN_EMPTY or block.value_lines():
        for copy in block.copies():
            contact = _read_block(state, copy, contact)
        return contact
    # each copy would be read as the block was (:func:`_read_block`, a label with nothing under it), moved:
    # its label marked, and (not opening a heading) its warning, whose words are the block's own
    start = hit.start
    end = min(hit.value_start, hit.line.trail) if hit.value_start > start else hit.line.trail
    trail = hit.line.trail
    if contact is not None and not label.field.startswith("contact."):
        _flush_contact(state, contact)
        contact = None
    message = None if label.opens is not None else f"{state.heading_text(block.heading)!r} has no value"
    if end > start:
        starts = map(operator.add, block.again, itertools.repeat(start))
        ends = map(operator.add, block.again, itertools.repeat(end))
        state.structure.extend(itertools.chain.from_iterable(zip(starts, ends, strict=True)))  # each copy's label, in C
    if message is not None:
        state.warn_moved("empty-field", start, trail, block.again, message)
    return contact


def _read_block(state: State, block: Block, contact: Contact | None) -> Contact | None:
    if block.duplicate_of is not None:
        earlier = block.duplicate_of.line
        where = f"line {earlier}" if earlier is not None else "above"
        state.warn(
            "duplicate-section", block.start, block.end, lambda: f"repeats, word for word, the section at {where}"
        )
        return contact
    label = block.label
    if label is None:
        read_flow(state, block)
        return contact
    hit = block.hit
    if hit is not None:
        state.mark(hit.start, min(hit.value_start, hit.line.trail) if hit.value_start > hit.start else hit.line.trail)
    field = label.field
    lines = block.value_lines()
    if not lines and hit is not None and field not in _READ_WHEN_EMPTY:
        # a label with nothing under it (a form's unfilled field, or a text of nothing but labels): the
        # same steps as below, without the ones that read a value
        if contact is not None and not field.startswith("contact."):
            _flush_contact(state, contact)
            contact = None
        if label.opens is None:
            state.warn(
                "empty-field", hit.start, hit.line.trail, lambda: f"{state.heading_text(block.heading)!r} has no value"
            )
        return contact
    if field == "heading":
        _flush_contact(state, contact)
        if lines:
            why = "text under a heading that holds no value"
            state.section(block.heading, [(lines[0].lead, lines[-1].trail)], why=why)
        return Contact(label.role, label.organisation) if label.role else None
    if field == "boilerplate":
        found = iter_pieces(state.text, lines)
        opening = next(found, None)
        end = opening.end if opening else block.hit.line.trail if block.hit else block.end
        state.warn("boilerplate", block.start, end, lambda: f"dropped: {state.quote(block.start, end)!r}")
        after: list[int] = []  # the first start and the last end of the pieces after the first
        for piece in found:
            after[1:] = [piece.end] if after else [piece.marker[0] if piece.marker else piece.start, piece.end]
        if after:
            read_flow(state, Block(None, lines=state.lines_between(after[0], after[1])))
        return contact
    if not field.startswith("contact."):
        _flush_contact(state, contact)
        contact = None
    if not lines:
        if label.opens is not None:
            return contact  # a heading whose value is given by the labels under it
        if field != "section":
            state.warn(
                "empty-field", block.start, block.end, lambda: f"{state.heading_text(block.heading)!r} has no value"
            )
        else:
            state.section(block.heading, [], code=None)
        return contact
    first, last = lines[0].lead, lines[-1].trail
    problem = _placeholder(state, first, last)
    if problem is not None:
        what = "says there is no value" if problem == "empty-field" else "holds the form's instructions, not a value"
        state.warn(
            problem, first, last, lambda: f"{state.heading_text(block.heading)!r} {what}: {state.quote(first, last)!r}"
        )
        return contact
    if field.startswith("contact."):
        if contact is None:
            contact = Contact(Role.CONTACT.value, organisation=False)
        if field in contact.parts and field != "contact.name":
            _flush_contact(state, contact)
            contact = Contact(contact.role, contact.organisation)
        head = pieces(state.text, lines)
        if head and head[0].marker is not None:
            state.mark(*head[0].marker)
        start, end = (head[0].start, head[0].end) if head and head[0].end > head[0].start else (first, lines[0].trail)
        contact.parts.setdefault(field, (state.value(start, end), start, end))
        rest = [(p.start if p.marker is None else p.marker[0], p.end) for p in head[1:]]
        if rest:
            state.section(block.heading, rest, why=f"more text than one {field}")
        return contact
    _read_field(state, block, label, lines)
    return contact


def _read_field(state: State, block: Block, label: Label, lines: Sequence[Line]) -> None:
    field = label.field
    heading = block.heading
    draft = state.draft
    if field in _ROLES:
        hit = block.hit
        on_label_line = hit is not None and lines[0].number == hit.line.number
        add_participants(
            state, field, lines, organisation=label.organisation, on_label_line=on_label_line, heading=heading
        )
    elif field == "section":
        state.section(heading, [(lines[0].lead, lines[-1].trail)], code=None)
    elif field == "findings":
        stated = read_consensus(state.text[heading[0] : heading[1]]) if heading and not label.keep_label else None
        add_findings(state, heading, lines, stated)
    elif field == "discussion":
        add_discussion(state, heading, lines)
    elif field == "recommendations":
        add_recommendations(
            state, None if label.keep_label else heading, lines, heading_states_force=label.states_force
        )
    elif field == "policy_questions":
        add_statements(state, heading, lines, draft.policy_questions)
    elif field == "key_issues" and label.keep_label:
        add_statements(state, heading, lines, draft.key_issues)  # a preamble ("Recalling ...") states no outcome
    elif field == "key_issues":
        add_findings(state, heading, lines, None, by_line=True)
    elif field in MULTI_FIELDS:
        draft.runs.setdefault(field, []).append((lines[0].lead, lines[-1].trail))
    else:
        found = pieces(state.text, lines)
        head, rest = found[0], found[1:]
        if head.marker is not None:
            state.mark(*head.marker)
        if head.end > head.start:
            set_value(state, field, head.start, head.end, heading)
        else:
            state.warn("empty-field", head.start, head.end, lambda: f"{state.heading_text(heading)!r} has no value")
        if rest:
            spans = [(p.marker[0] if p.marker else p.start, p.end) for p in rest]
            state.section(heading, spans, why=f"more text than one {field}")


def _flush_contact(state: State, contact: Contact | None) -> None:
    if contact is None or not contact.parts:
        return
    parts = contact.parts
    spans = [(start, end) for _, start, end in parts.values()]
    whole = (min(s for s, _ in spans), max(e for _, e in spans))
    name = parts.get("contact.name")
    first, last = parts.get("contact.first_name"), parts.get("contact.last_name")
    if name is None and (first or last):
        joined = " ".join(part[0] for part in (first, last) if part)
        anchor = first or last
        assert anchor is not None  # one of them is set
        name = (joined, anchor[1], anchor[2])
    if name is None:
        state.warn("unparsed-participant", whole[0], whole[1], "a contact block with no name")
        return
    parsed = ParsedParticipant(
        name=name,
        honorific=parts.get("contact.honorific"),
        title=parts.get("contact.title"),
        affiliation=parts.get("contact.affiliation"),
        stakeholder=parts.get("contact.stakeholder"),
        regional_group=parts.get("contact.regional_group"),
        country=parts.get("contact.country"),
    )
    participant = participant_from(state, parsed, contact.role, whole, organisation=contact.organisation)
    if first and last:
        extra = state.prov(last[1], last[2], "name")
        participant = attrs.evolve(participant, provenance=(*participant.provenance, extra))
    state.draft.participants.append(participant)


def finish_contact(state: State, contact: Contact | None) -> None:
    """Build the participant of a contact block left open at the end of the text."""
    _flush_contact(state, contact)


def read_flow(state: State, block: Block) -> None:
    """Read unlabelled text: phrase rules, then lists and paragraphs by the template's fields."""
    template = state.template
    lines = block.value_lines()
    if block.heading is not None and block.head_end is not None:
        state.mark(block.heading[0], block.head_end)
    if block.heading is not None and not lines:
        state.section(block.heading, [], why="a heading the template does not know")
        return
    if block.heading is not None or (template.bullets is None and template.default is None and not template.paragraphs):
        if lines:
            why = "a heading the template does not know" if block.heading else "text outside any labelled field"
            state.section(block.heading, [(lines[0].lead, lines[-1].trail)], why=why)
        return
    found = Ahead(iter_pieces(state.text, lines))  # made as they are read: one looked at ahead
    run: list[int] = []  # the paragraphs for the default field so far: the first one's start, the last one's end
    for piece in found:
        following = found.peek()
        if piece.is_item:
            _flush_run(state, run)
            start, end = piece.marker[0] if piece.marker else piece.start, piece.end
            while following is not None and following.is_item:
                end = next(found).end
                following = found.peek()
            _read_items(state, (start, end))
        elif _lead_in(state, piece, following):
            _flush_run(state, run)
            state.section(None, [(piece.start, piece.end)], why="the text introducing a list")
        elif not _phrase_rule(state, piece):
            if template.default is not None:
                run[1:] = [piece.end] if run else [piece.start, piece.end]
            else:
                _flush_run(state, run)
                state.section(None, [(piece.start, piece.end)])
        else:
            _flush_run(state, run)
    _flush_run(state, run)


def _lead_in(state: State, piece: Piece, following: Piece | None) -> bool:
    return (
        state.template.bullets is not None
        and following is not None
        and following.is_item
        and state.text[piece.end - 1] in ":\uff1a"
    )


def _flush_run(state: State, run: list[int]) -> None:
    if not run:
        return
    field = state.template.default
    assert field is not None  # runs are only gathered for a default field
    span = (run[0], run[1])
    if field in MULTI_FIELDS:
        state.draft.runs.setdefault(field, []).append(span)
    else:
        _read_spans(state, field, span)
    run.clear()


def _read_items(state: State, span: tuple[int, int]) -> None:
    field = state.template.bullets
    if field is None:
        state.section(None, [span])
        return
    _read_spans(state, field, span)


def _read_spans(state: State, field: str, span: tuple[int, int]) -> None:
    """Read a field from a span of the text, as if it stood under a label."""
    label = Label(field, ("flow",))
    lines = state.lines_between(*span)
    _read_field(state, Block(label, lines=lines), label, lines)


def _phrase_rule(state: State, piece: Piece) -> bool:
    """Apply the first phrase rule whose phrase the paragraph holds; whether one applied."""
    rules = state.template.paragraphs
    if not rules:
        return False
    end = min(piece.end, piece.start + 5000)
    folded, offsets = fold(state.text, piece.start, end)
    for rule in rules:
        for phrase in rule.phrases:
            key = fold_text(phrase)
            at = folded.find(key) if key else -1
            if at < 0:
                continue
            phrase_start = offsets[at]
            if rule.field == "format":
                found = find_format(state.text, offsets[at + len(key) - 1] + 1, min(end, phrase_start + 200))
                if found is None:
                    continue
                fmt_start, fmt_end = found[1]
                set_value(state, "format", fmt_start, fmt_end, None, evidence=(phrase_start, fmt_end))
                why = "only the session format was read from this paragraph"
                state.section(None, [(piece.start, piece.end)], why=why)
            else:
                _read_spans(state, rule.field, (piece.start, piece.end))
            return True
    return False
