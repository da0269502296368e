"""Reading a block of recommendations: each one's number and force, and the findings among them.

Each list item is one recommendation, except sub-headings, lead-ins to sub-items
and items stating a consensus (findings); a paragraph gives one recommendation
per sentence that asks someone to act (:func:`add_recommendations`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from govrecords.importers._asks import Ask, find_ask
from govrecords.importers._consensus_cues import find_cue
from govrecords.importers._items import trim_lead_in
from govrecords.importers._lists import CONSENSUS_LIMIT, Unit, strip_blanks, units
from govrecords.importers._operative_verbs import opens_with_verb
from govrecords.importers._outcomes import add_finding, add_recommendation
from govrecords.importers._sentences import sentences
from govrecords.importers._state import Draft, State
from govrecords.importers._text import BLANKS, Line
from govrecords.importers._vocab import find_force
from govrecords.vocabulary import ConsensusLevel, Force

__all__ = ["add_recommendations"]

_FORCE_LIMIT = 1000  # force is stated at the start of a passage; longer passages are searched this far


def add_recommendations(
    state: State, heading: tuple[int, int] | None, lines: Sequence[Line], *, heading_states_force: bool = False
) -> None:
    """Read recommendations with their number and force.

    Each list item is one recommendation, except a sub-heading ("a) On Access"),
    a lead-in to sub-items ("These could be achieved through the following:") and
    an item stating a consensus, which is a finding. A paragraph gives one
    recommendation per sentence that asks someone to act.

    The force comes from the item's own sentence; under a lead-in ("We strongly
    suggest :") or a heading that states a force ("Agree that:", "Recommend;"),
    from that, unless the item opens with an operative verb of its own
    ("Encourage ...", "We urge ...", "are invited to"): a modal ("shall") does not
    override it. Under "Agree that:", an item that asks nobody to act states a
    shared view: a finding at common view.
    """
    draft = state.draft
    text = state.text
    lead, found = units(state, lines)
    stated: tuple[Force, str, tuple[int, int]] | None = None
    kept: list[tuple[int, int]] = []
    own_units: list[Unit] = []
    for index, piece in enumerate(lead):
        force = find_force(text, piece.start, min(piece.end, piece.start + _FORCE_LIMIT))
        closing = text[piece.end - 1] in ":\uff1a;"
        if force is not None and index == len(lead) - 1 and (closing or piece.end - piece.start <= _LEAD_IN):
            stated = (force[0], force[1], trim_lead_in(text, piece.start, piece.end))
            state.mark(piece.start, piece.end)
        elif closing:
            kept.append((piece.start, piece.end))
        else:
            own_units.append(Unit(piece.start, piece.end))
    fallback: tuple[Force, str, tuple[int, int]] | None = None  # the heading's force, for items stating none
    if heading is not None:
        force = find_force(text, *heading)
        if force is not None and heading_states_force and stated is None:
            stated = (force[0], force[1], heading)
        elif force is not None:
            fallback = force
    every = [*own_units, *found]
    has_items = any(unit.item for unit in every)
    for position, unit in enumerate(every):
        following = every[position + 1] if position + 1 < len(every) else None
        if _sub_heading(text, unit, following) or (text[unit.end - 1] in ":\uff1a" and following is not None):
            kept.append((unit.number_span[0] if unit.number_span else unit.start, unit.end))
            continue
        for part in _run_together(text, unit):
            after_items = not unit.item and any(other.item for other in every[:position])
            _recommendation(
                state, draft, part, stated, fallback, has_items=has_items, after_items=after_items, kept=kept
            )
    if kept:
        state.section(heading, kept, why="the text around the recommendations")


_LEAD_IN = 80  # a lead-in that does not close with a colon is a short line ("The workshop suggests")
_SUB_HEADING = 60


def _sub_heading(text: str, unit: Unit, following: Unit | None) -> bool:
    """A short line with no closing stop that heads the items after it ("a) On Access", "Security and Privacy")."""
    length = unit.end - unit.start
    if length > _SUB_HEADING or "\n" in text[unit.start : unit.end] or text[unit.end - 1] in ".;!?,":
        return False
    if find_ask(text, unit.start, unit.end) is not None:
        return False
    words = text[unit.start : unit.end].split()
    if words and words[0] in ("On", "ON", "Regarding", "Concerning", "About"):
        return True
    if following is None:
        return False
    if not unit.item:
        return following.item
    return following.item and (following.number_span is None) != (unit.number_span is None)


_RUN_ON = re.compile(r"\s([a-z]|[0-9]{1,2})([.)])\s+(?=[A-Z])")


def _run_together(text: str, unit: Unit) -> list[Unit]:
    """Two numbered items run together on one line ("c. Adoption of standards d. Support for ...") as two."""
    if unit.number_span is None or unit.number is None or len(unit.number) < 2 or "\n" in text[unit.start : unit.end]:
        return [unit]
    token, closer = unit.number[:-1].lstrip("("), unit.number[-1]
    if len(token) != 1 and not token.isdigit():
        return [unit]
    nxt = chr(ord(token) + 1) if not token.isdigit() else str(int(token) + 1)
    for found in _RUN_ON.finditer(text, unit.start, unit.end):
        if found.group(1) == nxt and found.group(2) == closer:
            first = Unit(*strip_blanks(text, unit.start, found.start()), unit.number, unit.number_span, True)
            rest = Unit(found.end(), unit.end, found.group(1) + closer, (found.start(1), found.end(2)), True)
            return [first, *_run_together(text, rest)]
    return [unit]


def _recommendation(
    state: State,
    draft: Draft,
    unit: Unit,
    stated: tuple[Force, str, tuple[int, int]] | None,
    fallback: tuple[Force, str, tuple[int, int]] | None,
    *,
    has_items: bool,
    kept: list[tuple[int, int]],
    after_items: bool = False,
) -> None:
    text = state.text
    parts: list[tuple[int, int]]
    if unit.item:
        cue = find_cue(text, unit.start, min(unit.end, unit.start + CONSENSUS_LIMIT))
        if cue is not None:
            add_finding(state, draft, (unit.start, unit.end), cue.level, (cue.start, cue.end), number=unit.number_span)
            return
        asks = _first_ask(text, unit.start, unit.end) is not None or _opens(text, unit)
        if stated is None and fallback is None and not asks:
            kept.append((unit.number_span[0] if unit.number_span else unit.start, unit.end))
            return  # under a heading that states no force, an item that asks nothing is not a recommendation
        parts = [(unit.start, unit.end)]
    else:
        # a paragraph: one recommendation per sentence that asks (or, under an operative heading, opens with a
        # verb); a consensus is a finding; the rest is kept
        parts = []
        rest = unit.start
        for s, e in sentences(text, unit.start, unit.end):
            cue = find_cue(text, s, e)
            if cue is not None:
                add_finding(state, draft, (s, e), cue.level, (cue.start, cue.end))
            elif find_ask(text, s, e) is not None or (
                stated is not None and (opens_with_verb(text, s, e)[0] or not has_items)
            ):
                parts.append((s, e))
            else:
                continue
            if text[rest:s].strip(BLANKS):
                kept.append(strip_blanks(text, rest, s))
            rest = e
        if text[rest : unit.end].strip(BLANKS):
            kept.append(strip_blanks(text, rest, unit.end))
        if not parts:
            return
    for start, end in parts:
        first = start == unit.start
        number = unit.number if first and unit.number_span is not None else None
        number_span = unit.number_span if first else None
        ask = _first_ask(text, start, end)
        opens, own_verb = opens_with_verb(text, start, end)
        force: tuple[Force, str, tuple[int, int]] | None
        if stated is not None:
            if ask is not None and (ask.kind in ("performative", "passive") or after_items):
                # its own verb; or a paragraph after the list a lead-in governs, which it does not reach
                force = (ask.force, ask.wording, (ask.start, ask.end))
            elif own_verb is not None:
                force = own_verb
            else:
                force = stated
            if stated[0] is Force.AGREE and ask is None and not opens:
                level = ConsensusLevel.COMMON_VIEW
                add_finding(state, draft, (start, end), level, stated[2], number=number_span)
                continue
        elif ask is not None:
            force = (ask.force, ask.wording, (ask.start, ask.end))
        else:
            force = own_verb or find_force(text, start, min(end, start + _FORCE_LIMIT)) or fallback
        add_recommendation(state, draft, start, end, number=number, number_span=number_span, force=force)


def _opens(text: str, unit: Unit) -> bool:
    return opens_with_verb(text, unit.start, unit.end)[0]


def _first_ask(text: str, start: int, end: int) -> Ask | None:
    for s, e in sentences(text, start, min(end, start + _FORCE_LIMIT)):
        found = find_ask(text, s, e)
        if found is not None:
            return found
    return None
