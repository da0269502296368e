"""Findings and recommendations read from prose, under any heading and in any layout.

:func:`read_outcomes` reads one passage (a paragraph or a list item) sentence by
sentence: a sentence with a consensus cue (:func:`._consensus_cues.find_cue`) is a finding
at the level the cue states, with the sentences after it that lay out the sides
("Some argued ...; others ..."); a sentence that asks someone to act in its main
clause (:func:`._asks.find_ask`) is a recommendation with the force its own words
state. An item whose one outcome opens it is read whole (a bullet is one point).

:func:`harvest` runs this over the text an import kept as sections (unknown
headings, unlabelled prose, a whole text read by the fallback template) and finds
the questions a description says the session will address. Transcripts report
no outcome: a text made of ">> NAME:" turns is not harvested. Proposals and
announcements (templates producing workshops) report none either; only their
questions are read.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Iterator

import attrs

from govrecords.importers._asks import Ask, find_ask
from govrecords.importers._consensus_cues import Cue, continues_cue, find_cue
from govrecords.importers._items import Ahead, Piece, iter_pieces
from govrecords.importers._operative_verbs import opens_with_verb
from govrecords.importers._sentences import QUESTION_LABEL, lead_in_for_questions, questions, sentences
from govrecords.importers._state import Draft, State
from govrecords.importers._text import BLANKS
from govrecords.provenance import Provenance
from govrecords.records import Finding, Recommendation, Section, Statement
from govrecords.vocabulary import ConsensusLevel, Force

__all__ = ["READ_KEY", "Outcome", "add_finding", "add_recommendation", "harvest", "read_outcomes", "take"]


def READ_KEY(start: int, end: int) -> tuple[str, str]:  # noqa: N802  # a constant-like key maker
    """The key a draft's ``seen`` set holds for a passage already read for outcomes."""
    return ("outcomes-read", f"{start}-{end}")


_TURN = re.compile(r"^[ \t]*>>", re.MULTILINE)  # a captioned turn: ">> NAME:", ">>NAME:", ">>: ..."
_TURNS = 3  # a text with this many ">> NAME:" turns is a transcript
_READ_LIMIT = 20_000  # characters of one passage read sentence by sentence


@attrs.frozen
class Outcome:
    """A finding (``cue`` set) or a recommendation (``ask`` set) found in a passage, and its span."""

    start: int
    end: int
    cue: Cue | None = None
    ask: Ask | None = None


def read_outcomes(state: State, start: int, end: int, *, item: bool = False, asks: bool = True) -> list[Outcome]:
    """The findings and recommendations one passage states, sentence by sentence."""
    text = state.text
    found = sentences(text, start, min(end, start + _READ_LIMIT))
    out: list[Outcome] = []
    index = 0
    while index < len(found):
        s, e = found[index]
        if text[e - 1] in ":\uff1a":
            index += 1
            continue  # a lead-in ("We agree that:") introduces the outcomes; it is not one
        if _COLUMNS.search(text, s, e) is not None:
            index += 1
            continue  # columns of a flattened table read across: its words are not one sentence
        cue = find_cue(text, s, e)
        if cue is not None and (_quoted(text, s, cue.start) or _names_a_level_only(text, s, e, cue.start, cue.end)):
            # 'As one speaker put it, "we all agreed that ..."': someone's words, not the session's;
            # "Where opinions differed" on a line of its own: a heading over points, not a point
            cue = None
        if cue is not None:
            split = _second_clause(text, cue.end, e)
            if split is not None:
                found.insert(index + 1, (split[1], e))
                e = split[0]
            stop = e
            if cue.level in (ConsensusLevel.OPINIONS_VARIED, ConsensusLevel.CONTESTED):
                while index + 1 < len(found) and continues_cue(text, *found[index + 1]):
                    index += 1
                    stop = found[index][1]
            out.append(Outcome(s, stop, cue=cue))
        elif asks:
            ask = find_ask(text, s, e)
            if ask is not None and not _quoted(text, s, ask.start):
                out.append(Outcome(s, e, ask=ask))
        index += 1
    if item and len(out) == 1 and found and out[0].start == found[0][0]:
        only = out[0]
        return [Outcome(only.start, found[-1][1] if len(found) > 1 else only.end, only.cue, only.ask)]
    return out


_COLUMNS = re.compile(r"\S {3,}\S[^\n]*?\S {3,}\S")
"""Two gaps of three spaces or more on one line: the columns of a table flattened to text, read across."""
_HEADING_TEXT = "where which issues issue points point areas area of on the with in there was were is are"
_HEADING_WORDS = frozenset(_HEADING_TEXT.split())
"""The words a heading that only names a level holds besides its cue ("Where opinions differed")."""


def _names_a_level_only(text: str, start: int, end: int, cue_start: int, cue_end: int) -> bool:
    """Whether a passage is a heading that only names a level ("Where opinions differed", "Points of consensus").

    >>> line = "Where opinions differed"
    >>> _names_a_level_only(line, 0, len(line), 6, len(line))
    True
    >>> line = "Broad agreement on open standards"
    >>> _names_a_level_only(line, 0, len(line), 0, 15)
    False
    """
    passage = text[start:end].rstrip()
    if not passage or passage[-1] in ".;!?" or "\n" in passage:
        return False
    rest = text[start:cue_start] + " " + text[cue_end:end]
    return all(word.casefold() in _HEADING_WORDS for word in re.findall(r"[^\W\d_]+", rest))


def _quoted(text: str, start: int, at: int) -> bool:
    """Whether position *at* stands inside a quotation opened after *start* (in its sentence).

    >>> line = 'She recalled the motto "states shall cooperate" of 2005.'
    >>> _quoted(line, 0, line.index("shall")), _quoted(line, 0, line.index("of"))
    (True, False)
    """
    before = text[start:at]
    curly = before.count("\u201c") - before.count("\u201d")
    return curly > 0 or before.count('"') % 2 == 1


_CLAUSE = re.compile(r"(?:,(?:\s+(?:but|while|whereas|although|though|and))?|;)\s+")


def _second_clause(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Where a sentence's second clause starts when it states a consensus of its own ("..., but views differed")."""
    for found in _CLAUSE.finditer(text, start, end):
        cue = find_cue(text, found.end(), end)
        if cue is not None and cue.start == found.end():
            return found.start(), found.end()
    return None


class _Read:
    """The spans of the findings and recommendations a draft held before harvesting, for quick lookup."""

    def __init__(self, draft: Draft) -> None:
        spans = sorted(
            (record.provenance[0].span.start, record.provenance[0].span.end)
            for record in (*draft.findings, *draft.recommendations)
            if record.provenance and record.provenance[0].span is not None
        )
        self.starts = [start for start, _ in spans]
        self.spans = spans

    def covers(self, start: int, end: int) -> bool:
        """Whether a passage is inside one already read, or holds one."""
        at = bisect.bisect_right(self.starts, start)
        for index in (at - 1, at):
            if 0 <= index < len(self.spans):
                first, last = self.spans[index]
                if (first <= start and end <= last) or (start <= first and last <= end):
                    return True
        return False


def add_finding(
    state: State,
    draft: Draft,
    span: tuple[int, int],
    level: ConsensusLevel,
    wording_span: tuple[int, int],
    *,
    number: tuple[int, int] | None = None,
) -> None:
    """Add a finding at *level*, quoting the passage and the words that state the level."""
    start, end = span
    value = state.value(start, end)
    count = draft.count(level.value)
    provenance = [state.prov(start, end), state.prov(*wording_span, "consensus_wording")]
    if number is not None:
        provenance.append(state.prov(*number, "number"))
    draft.findings.append(
        Finding(
            value,
            level,
            state.value(*wording_span),
            state.tag(value),
            id=f"{level.value.replace('_', '-')}-{count}",
            provenance=tuple(provenance),
        )
    )


def add_recommendation(
    state: State,
    draft: Draft,
    start: int,
    end: int,
    *,
    number: str | None = None,
    number_span: tuple[int, int] | None = None,
    force: tuple[Force, str, tuple[int, int]] | None = None,
) -> None:
    """Add a recommendation with its number as written and the force its wording states (or none)."""
    value = state.value(start, end)
    provenance: list[Provenance] = [state.prov(start, end)]
    if number_span is not None:
        provenance.append(state.prov(*number_span, "number"))
    if force is not None:
        provenance.append(state.prov(*force[2], "force_wording"))
    count = draft.count("recommendation")
    draft.recommendations.append(
        Recommendation(
            value,
            number,
            force=force[0] if force is not None else None,
            force_wording=force[1] if force is not None else None,
            topics=state.tag(value),
            id=f"recommendation-{count}",
            provenance=tuple(provenance),
        )
    )


def take(
    state: State,
    draft: Draft,
    outcome: Outcome,
    *,
    number: str | None = None,
    number_span: tuple[int, int] | None = None,
) -> None:
    """Add one outcome to the draft as a finding or a recommendation."""
    if outcome.cue is not None:
        cue = outcome.cue
        add_finding(state, draft, (outcome.start, outcome.end), cue.level, (cue.start, cue.end), number=number_span)
    elif outcome.ask is not None:
        ask = outcome.ask
        add_recommendation(
            state,
            draft,
            outcome.start,
            outcome.end,
            number=number,
            number_span=number_span,
            force=(ask.force, ask.wording, (ask.start, ask.end)),
        )


def is_transcript(state: State) -> bool:
    """Whether the text is a captioning transcript (several lines opening with ">>", the turns)."""
    return any(count + 1 >= _TURNS for count, _ in enumerate(_TURN.finditer(state.text)))


def harvest(state: State, draft: Draft, heading: str | None = None) -> None:
    """Read findings, recommendations and questions from the text a draft kept as sections and runs.

    *heading* is the heading the draft's text stood under, if any: under a
    heading about questions ("Key Policy Questions"), each key issue that is a
    question is one.
    """
    if is_transcript(state) or not state.template.outcomes:
        return  # speakers' words, not the session's outcomes
    outcomes = state.template.produces != "workshop"
    seen_questions = {
        q.provenance[0].span.start for q in draft.policy_questions if q.provenance and q.provenance[0].span
    }
    issues = [
        Piece(p.span.start, p.span.end, (p.span.start, p.span.start))
        for k in draft.key_issues
        for p in k.provenance[:1]
        if p.span is not None
    ]
    about_questions = heading is not None and "question" in heading.casefold()
    for index, piece in enumerate(issues):
        if about_questions and state.text[piece.end - 1] == "?":
            for start, end in questions(state.text, piece.start, piece.end):
                _add_question(state, draft, (start, end), seen_questions)
        _questions(state, draft, piece, itertools.islice(issues, index + 1, None), seen_questions)
    asked = {_span_of(q) for q in draft.policy_questions}
    draft.key_issues[:] = [k for k in draft.key_issues if _span_of(k) not in asked]
    # each section (its passages in order) and each run, read as one sequence of paragraphs and items
    groups = [
        [(p.span.start, p.span.end) for p in section.provenance if p.field == "text" and p.span]
        for section in draft.sections
    ]
    if outcomes:
        for section in draft.sections:
            _continue_operative_list(state, draft, section)
    already = _Read(draft)
    runs = [[span] for field in ("summary", "description", "notes") for span in draft.runs.get(field, [])]
    for group, is_run in [*((g, False) for g in groups), *((r, True) for r in runs)]:
        # the group's pieces, made as they are read (what a piece's questions look ahead at is kept until read)
        found = Ahead(_group_pieces(state, draft, group))
        for piece, read in found:
            if piece.end <= piece.start:
                continue
            _questions(state, draft, piece, (following for following, _ in found.following()), seen_questions)
            if read or not outcomes:
                continue
            # a summary or description run states findings by its cues; what it asks is not the session's ask
            for outcome in read_outcomes(state, piece.start, piece.end, item=piece.is_item, asks=not is_run):
                if already.covers(outcome.start, outcome.end):
                    continue
                numbered = piece.is_item and piece.numbered and outcome.start == piece.start and piece.marker
                take(
                    state,
                    draft,
                    outcome,
                    number=state.text[piece.marker[0] : piece.marker[1]] if numbered and piece.marker else None,
                    number_span=piece.marker if numbered else None,
                )


def _group_pieces(state: State, draft: Draft, group: list[tuple[int, int]]) -> Iterator[tuple[Piece, bool]]:
    """The pieces of a group's passages in order, each with whether its passage's outcomes were read already."""
    for start, end in group:
        read = READ_KEY(start, end) in draft.seen  # outcomes read already
        for piece in iter_pieces(state.text, state.lines_between(start, end)):
            yield piece, read


def _continue_operative_list(state: State, draft: Draft, section: Section) -> None:
    """Read items that go on with the operative list just before them as recommendations at its force.

    The layout may take a sub-heading inside an operative list ("Security and
    Privacy:" under "Recommend the following:") for the start of a new section.

    Only when nothing but blank text lies between the list's last recommendation and the sub-heading, that
    recommendation's force was stated by its heading or lead-in (not by its own words), and at least half the
    items open with an operative verb ("Adopt ...", "Establish ...").
    """
    text = state.text
    heading = next((p.span for p in section.provenance if p.field == "heading" and p.span), None)
    spans = [(p.span.start, p.span.end) for p in section.provenance if p.field == "text" and p.span]
    if heading is None or not spans or READ_KEY(*spans[0]) in draft.seen:
        return
    before = [r for r in draft.recommendations if r.provenance[0].span and r.provenance[0].span.end <= heading.start]
    if not before:
        return
    last = max(before, key=lambda r: r.provenance[0].span.end if r.provenance[0].span else -1)
    own = last.provenance[0].span
    stated = next((p for p in last.provenance if p.field == "force_wording"), None)
    if own is None or stated is None or stated.span is None or last.force is None:
        return
    if own.start <= stated.span.start < own.end or text[own.end : heading.start].strip(BLANKS + ".;"):
        return
    # the list that opens the section (what follows it is not part of it), read twice rather than kept
    items = verbs = 0
    whole = True  # whether every piece that holds text is an item
    for piece in _opening_items(state, spans):
        if piece is None:
            whole = False
            break
        items += 1
        verbs += opens_with_verb(text, piece.start, piece.end)[0]
    if not items or verbs * 2 < items:
        return
    for piece in _opening_items(state, spans):
        if piece is None:
            break
        number = text[piece.marker[0] : piece.marker[1]] if piece.numbered and piece.marker else None
        _, own_verb = opens_with_verb(text, piece.start, piece.end)
        ask = find_ask(text, piece.start, piece.end)
        force: tuple[Force, str, tuple[int, int]]
        if ask is not None and ask.kind != "modal":
            force = (ask.force, ask.wording, (ask.start, ask.end))
        elif own_verb is not None:
            force = own_verb
        else:
            force = (last.force, last.force_wording or "", (stated.span.start, stated.span.end))
        add_recommendation(
            state,
            draft,
            piece.start,
            piece.end,
            number=number,
            number_span=piece.marker if number is not None else None,
            force=force,
        )
    if whole:
        draft.seen.update(READ_KEY(start, end) for start, end in spans)


def _opening_items(state: State, spans: list[tuple[int, int]]) -> Iterator[Piece | None]:
    """The pieces of *spans* that hold text, in order, up to the first that is not a list item (given as None)."""
    for start, end in spans:
        for piece in iter_pieces(state.text, state.lines_between(start, end)):
            if piece.end > piece.start:
                if not piece.is_item:
                    yield None
                    return
                yield piece


def _questions(state: State, draft: Draft, piece: Piece, following: Iterable[Piece], seen: set[int]) -> None:
    """The questions a passage announces: after a lead-in, in the same paragraph or in the list that follows.

    *following* is the pieces after *piece*, read only as far as a list of questions after a lead-in runs.
    """
    text = state.text
    spans: list[tuple[int, int]] = []
    announced = QUESTION_LABEL.match(text, piece.start, piece.end) is not None
    last_was_lead = False
    for s, e in sentences(text, piece.start, piece.end):
        if lead_in_for_questions(text, s, e):
            announced = last_was_lead = True
            continue
        last_was_lead = False
        if text[e - 1] != "?":
            continue
        colon = text.rfind(":", s, e)
        if colon >= 0 and lead_in_for_questions(text, s, colon + 1):
            announced = True
            spans.extend(questions(text, colon + 1, e))
        elif announced:
            spans.extend(questions(text, s, e))
    if last_was_lead:
        for after in following:
            if after.end <= after.start or text[after.end - 1] != "?":
                break
            if not after.is_item and "\n" in text[after.start : after.end]:
                break  # a paragraph of several lines is prose, not a listed question
            spans.append((after.start, after.end))
    for span in spans:
        _add_question(state, draft, span, seen)


def _span_of(statement: Statement) -> tuple[int, int] | None:
    span = statement.provenance[0].span if statement.provenance else None
    return (span.start, span.end) if span is not None else None


def _add_question(state: State, draft: Draft, span: tuple[int, int], seen: set[int]) -> None:
    start, end = span
    if start in seen:
        return
    seen.add(start)
    value = state.value(start, end)
    draft.policy_questions.append(Statement(value, None, state.tag(value), (state.prov(start, end),)))
