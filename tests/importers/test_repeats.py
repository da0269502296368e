"""What an import does once and reuses, and what it does only when asked, without timing anything.

* A line's characters are read once per context by the layout, and a repeat reads as
  the first did: the blocks are those of a layout that reads every line afresh.
* A warning's message is made only when the warning is listed, not when it is folded.
* The structure spans made from the marks' numbers are the spans :class:`Span` makes.
* The split at line feeds cuts the lines the general split (any line break) cuts.
* The name checks remember their answers, and the answers are theirs.
* A label with nothing under it is read as any empty label is.
* A run of the same empty label, line after line, is read as one block: the import is the
  one a block a line gives, and so are the blocks given one by one.
* The lines of a run that repeat its line and break are taken at once: the runs are those read
  a line at a time, and the lines counted are the same line, moved.
* The structure spans made a pass at a time (starts in order) are those made one by one.
"""

from __future__ import annotations

from array import array
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from govrecords import dumps, importers
from govrecords._version import __version__
from govrecords.importers import _layout
from govrecords.importers._engine import TOOL, matcher_for
from govrecords.importers._label_match import MEMO_SIZE, Matcher
from govrecords.importers._layout import Block, Layout
from govrecords.importers._names import NAME_MEMO, is_organisation, is_person_name
from govrecords.importers._role_labels import only_a_group, read_role_label
from govrecords.importers._state import FOLD_AFTER, State
from govrecords.importers._text import split_lines
from govrecords.provenance import Method, MethodKind, Span
from govrecords.taxonomy import default_taxonomy

# lines of a session report: labels with and without values, a label that opens a context
# ("Summary of Presentations") and one read differently inside it ("Title"), flattened fields,
# a heading no label matches, boilerplate, prose
_LINES = (
    "Moderator:",
    "Moderator: Amina Diallo",
    "Title:",
    "Title: Open data",
    "Summary of Presentations:",
    "Summary:",
    "Session Name:",
    "Session Name: Open data in Africa",
    "Date: 7 May 2012   Time: 14.30   Room: 5",
    "Key Issues:",
    "Amina Diallo, Open Data Network",
    "- first point",
    "Other Matters:",
    "Skip to main content",
    "The panel agreed on open standards.",
    "",
    "   ",
)


def _blocks(text: str, template_name: str, *, remember: bool) -> list[tuple[Any, ...]]:
    template = importers.get_template(template_name)
    layout = Layout(text, split_lines(text), template, matcher_for(template))
    if not remember:
        layout._readings = _Forgetful()  # every line read afresh
    dropped: list[tuple[int, int]] = []
    out: list[tuple[Any, ...]] = [tuple((hit.line.lead, hit.line.trail) for hit in layout.patterns())]
    out.extend(_seen(block) for block in layout.blocks(lambda lead, trail: dropped.append((lead, trail))))
    out.append(tuple(dropped))
    return out


class _Forgetful(dict[Any, Any]):
    def __setitem__(self, key: Any, value: Any) -> None:
        pass


def _seen(block: Block) -> tuple[Any, ...]:
    hit = block.hit
    return (
        block.label.field if block.label is not None else None,
        None
        if hit is None
        else (hit.line.lead, hit.line.trail, hit.start, hit.words_start, hit.words_end, hit.value_start),
        block.heading,
        tuple((line.number, line.start, line.end, line.lead, line.trail) for line in block.lines),
        block.duplicate_of,
        block.first_line,
        block.head_end,
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.sampled_from(_LINES), min_size=1, max_size=40),
    st.sampled_from(["igf-session-report", "igf-2015-workshop-proposal", "generic", "igf-messages"]),
)
def test_a_line_read_again_reads_as_it_did_the_first_time(lines: list[str], template: str) -> None:
    text = "\n".join(lines) + "\n"
    assert _blocks(text, template, remember=True) == _blocks(text, template, remember=False)


def test_a_repeated_line_is_read_once_per_context(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = Matcher.is_boilerplate

    def counted(self: Matcher, text: str, line: Any, quick: str | None = None) -> bool:
        calls.append(text[line.lead : line.trail])
        return real(self, text, line, quick)

    monkeypatch.setattr(Matcher, "is_boilerplate", counted)
    fields: list[Any] = []
    monkeypatch.setattr(_layout, "_fields", _counting(_layout._fields, fields))
    text = "Moderator:\n" * 500 + "Summary of Presentations:\n" + "Title:\n" * 300
    result = importers.import_text(text, template="igf-session-report")
    assert sum(issue.folded or 1 for issue in result.warnings if issue.code == "empty-field") >= 500
    # "Moderator:" in no context and in its own; "Summary of Presentations:"; "Title:" in its context
    assert sorted(set(calls)) == ["Moderator:", "Summary of Presentations:", "Title:"]
    assert len(calls) <= 4
    assert len(fields) <= 4


def _counting(function: Any, calls: list[Any]) -> Any:
    def counted(*args: Any) -> Any:
        calls.append(args)
        return function(*args)

    return counted


def test_the_lines_remembered_are_bounded() -> None:
    text = "".join(f"Moderator: Person {index}\n" for index in range(MEMO_SIZE + 50))
    template = importers.get_template("igf-session-report")
    layout = Layout(text, split_lines(text), template, matcher_for(template))
    for _ in layout.blocks(lambda lead, trail: None):
        assert len(layout._readings) <= MEMO_SIZE


def _state(text: str) -> State:
    template = importers.get_template("generic")
    method = Method(MethodKind.IMPORTER, TOOL, __version__, template.name)
    return State(text, split_lines(text), template, "s", method, default_taxonomy())


def test_a_folded_warnings_message_is_never_made() -> None:
    state = _state("word\n" * 10)
    made: list[int] = []

    def message(order: int) -> Any:
        def say() -> str:
            made.append(order)
            return f"warning {order}"

        return say

    for order in range(FOLD_AFTER + 40):
        state.warn("empty-field", 1, 3, message(order))
    assert made == list(range(FOLD_AFTER))
    state.warn("empty-field", 0, 2, message(-1), phase=-1)  # earlier in the reading order: listed, so said
    assert made[-1] == -1
    settled = state.settled_issues()
    assert [issue.message for issue in settled[:2]] == ["warning -1", "warning 0"]
    assert settled[-1].folded == 41
    assert sum(issue.folded or 1 for issue in settled) == FOLD_AFTER + 41
    state.warn("boilerplate", 0, 4, "a message as text")  # a string still does
    assert state.listed["boilerplate"][0][1].message == "a message as text"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 6)), max_size=30))
def test_structure_spans_are_the_spans_marked_in_order_each_once(marks: list[tuple[int, int]]) -> None:
    state = _state("x" * 40)
    for start, length in marks:
        state.mark(start, start + length)
    spans = state.structure_spans()
    expected = sorted({(start, start + length) for start, length in marks if length > 0})
    assert spans == tuple(Span(start, end) for start, end in expected)
    assert all(type(span) is Span for span in spans)
    assert len({hash(span) for span in spans}) == len(spans)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.integers(1, 6)), min_size=1, max_size=60))
def test_structure_spans_of_starts_in_order_are_made_as_one_by_one(marks: list[tuple[int, int]]) -> None:
    state = _state("x" * 400)
    start = 0
    for gap, length in marks:  # each start after the one before: made a pass at a time
        state.mark(start, start + length)
        start += gap
    spans = state.structure_spans()
    marked = zip(state.structure[0::2], state.structure[1::2], strict=True)
    assert spans == tuple(Span(start, end) for start, end in marked)
    assert all(type(span) is Span and span.end > span.start for span in spans)


def test_a_negative_mark_is_still_refused() -> None:
    state = _state("x" * 10)
    state.mark(-2, 3)
    with pytest.raises(ValueError, match="start"):
        state.structure_spans()


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["a", "b c", " ", "\t", "\u00a0", "\ufeff", "\u2028", "\x0b", "\x85", "\n", "\n\n"]),
        max_size=40,
    ).map("".join)
)
def test_the_split_at_line_feeds_cuts_the_lines_any_line_break_cuts(text: str) -> None:
    def cut(lines: Any) -> list[tuple[int, ...]]:
        return [(line.number, line.start, line.end, line.lead, line.trail, line.blank) for line in lines]

    # a carriage return is one character of line break like a line feed: the general split's lines
    assert cut(split_lines(text)) == cut(split_lines(text.replace("\n", "\r")))


_NAMES = (
    "Amina Diallo",
    "Ministry of ICT",
    "Technical Community",
    "Others Group",
    "Family name / Surname",
    "SIONE TAUFA",
    "Moderator",
    "Co-Proposer's Name",
    "Speaker 3",
    "Digital Skills Network",
    "",
)


def test_the_name_checks_remember_their_own_answers() -> None:
    for check in (is_organisation, only_a_group, read_role_label):
        assert check.cache_info().maxsize == NAME_MEMO
        for name in _NAMES:
            assert check(name) == check.__wrapped__(name)
            assert check(name) == check.__wrapped__(name)  # the remembered answer
    assert is_person_name.cache_info().maxsize == NAME_MEMO
    for name in _NAMES:
        for single in (False, True):
            assert is_person_name(name, single=single) == is_person_name.__wrapped__(name, single=single)


def test_a_label_with_nothing_under_it_is_an_empty_field() -> None:
    text = "Session Name:\nOpen data\n\nModerator:\n\n\nRapporteur:\nSpeakers:\nSummary of Presentations:\n"
    result = importers.import_text(text, template="igf-session-report")
    empty = [(issue.message, result.text[issue.span.start : issue.span.end]) for issue in result.warnings]
    assert ("'Moderator' has no value", "Moderator:") in empty
    assert ("'Rapporteur' has no value", "Rapporteur:") in empty
    assert ("'Speakers' has no value", "Speakers:") in empty
    # a label that opens a context is given its value by the labels under it: no warning
    assert not any("Presentations" in message for message, _ in empty)
    assert result.uncovered() == []


# lines that repeat: empty labels (one that opens a context, one read as a heading, a contact
# part), the same label indented or with blanks after it or a CR, a value, a heading, blank lines
_RUN_LINES = (
    "Moderator:",
    " Moderator:",
    "Moderator:  ",
    "Moderator:\r",
    "Speakers:",
    "Title:",
    "Summary of Presentations:",
    "Contact:",
    "Email:",
    "Key Issues:",
    "Background:",
    "Amina Diallo",
    "Other Matters:",
    "- first point",
    "",
)


def _imported(text: str, template: str) -> tuple[str, tuple[Any, ...], tuple[Span, ...]]:
    result = importers.import_text(text, template=template)
    return dumps(result.forum), result.warnings, result.structure


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_RUN_LINES), st.sampled_from([1, 2, 3, 7, 40])), min_size=1, max_size=12),
    st.sampled_from(["igf-session-report", "igf-2015-workshop-proposal", "generic", "igf-messages"]),
    st.sampled_from([1, 2, 5]),
)
def test_a_run_of_repeated_lines_reads_as_a_block_a_line(
    runs: list[tuple[str, int]], template: str, limit: int
) -> None:
    text = "Session Name:\nOpen data\n" + "".join((line + "\n") * count for line, count in runs)
    batched = _imported(text, template)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_layout, "RUN_LIMIT", 0)  # no runs: a block a line
        one_by_one = _imported(text, template)
        patch.setattr(_layout, "RUN_LIMIT", limit)  # runs cut short
        cut_short = _imported(text, template)
        blocks = _blocks(text, template, remember=True)
        patch.setattr(_layout, "RUN_LIMIT", 0)
        assert blocks == _blocks(text, template, remember=True)
    assert batched == one_by_one == cut_short


def test_a_run_of_empty_labels_is_one_block() -> None:
    text = "Moderator:\n" * 5000 + "Amina Diallo\n"
    template = importers.get_template("igf-session-report")
    layout = Layout(text, split_lines(text), template, matcher_for(template))
    runs = list(layout.blocks(lambda lead, trail: None, runs=True))
    assert len(runs) <= 5000 // _layout.RUN_LIMIT + 2
    assert all(block.again is None or len(block.again) <= _layout.RUN_LIMIT for block in runs)
    last = runs[-1]  # the value is under the run's last line, a block of its own
    assert last.hit is not None
    assert last.hit.line.number == 5000
    assert last.again is None
    assert [(line.lead, line.trail) for line in last.value_lines()] == [(len(text) - 13, len(text) - 1)]
    result = importers.import_text(text, template="igf-session-report")
    assert sum(issue.folded or 1 for issue in result.warnings if issue.code == "empty-field") == 4999


@settings(max_examples=60, deadline=None)
@given(
    st.integers(0, FOLD_AFTER + 3),
    st.lists(st.integers(1, 30), max_size=FOLD_AFTER + 20),
    st.sampled_from([0, 1, 2]),
)
def test_warnings_moved_are_the_warnings_made_one_by_one(before: int, gaps: list[int], earlier_phase: int) -> None:
    text = "Moderator:\n" * 2000
    shifts: list[int] = []
    for gap in gaps:
        shifts.append((shifts[-1] if shifts else 0) + gap * 11)
    made: list[State] = []
    for moved in (True, False):
        state = _state(text)
        for at in range(before):  # warnings of the code already made, some in an earlier phase
            state.warn("empty-field", at * 11, at * 11 + 10, "m", phase=earlier_phase if at % 2 else None)
        state.phase = 2
        if moved:
            state.warn_moved("empty-field", 0, 10, array("q", shifts), "m")
        else:
            for shift in shifts:
                state.warn("empty-field", shift, 10 + shift, "m")
        state.warn("empty-field", 5, 6, "after")
        made.append(state)
    assert made[0].settled_issues() == made[1].settled_issues()
    assert made[0].warned == made[1].warned


def _runs(text: str, template_name: str) -> list[tuple[Any, ...]]:
    """The blocks with their runs (:attr:`Block.again`), as the reader is given them."""
    template = importers.get_template(template_name)
    layout = Layout(text, split_lines(text), template, matcher_for(template))
    return [
        (_seen(block), None if block.again is None else list(block.again))
        for block in layout.blocks(lambda lead, trail: None, runs=True)
    ]


@settings(max_examples=120, deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(_RUN_LINES), st.sampled_from([1, 2, 3, 7, 40, 300])), min_size=1, max_size=10),
    st.sampled_from(["igf-session-report", "igf-2015-workshop-proposal", "generic"]),
    st.sampled_from([1, 2, 5, 1024]),
    st.sampled_from(["\n", "\r\n", "\r"]),
)
def test_lines_taken_at_once_make_the_runs_read_a_line_at_a_time(
    runs: list[tuple[str, int]], template: str, limit: int, newline: str
) -> None:
    text = "Session Name:\nOpen data\n" + "".join((line + "\n") * count for line, count in runs)
    text = text.replace("\n", newline)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(_layout, "RUN_LIMIT", limit)
        taken = _runs(text, template), _imported(text, template)
        patch.setattr(_layout, "_repeats", lambda *args: (0, 0))  # each line of a run read on its own
        assert taken == (_runs(text, template), _imported(text, template))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["Moderator:", " Moderator:", "Moderator: ", "a", "", "Moderator:\r"]), max_size=30),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.integers(0, 40),
    st.data(),
)
def test_the_lines_counted_as_a_lines_repeats_are_that_line_moved(
    lines: list[str], newline: str, limit: int, data: st.DataObject
) -> None:
    text = newline.join(lines)
    split = split_lines(text)
    with_text = [at for at, line in enumerate(split) if not line.blank]  # the layout asks of such a line only
    assume(with_text)
    index = data.draw(st.sampled_from(with_text))
    taken, period = _layout._repeats(text, split, index, limit)
    assert 0 <= taken <= limit
    line = split[index]
    same = 0  # the lines right below that are this line moved (the same characters, the same place in it)
    broken = 0  # those of them, from the first, that a line break follows
    for below in split.iter_from(index + 1):
        shift = (same + 1) * period
        if (below.number, below.start, below.end, below.lead, below.trail) != (
            line.number + same + 1,
            line.start + shift,
            line.end + shift,
            line.lead + shift,
            line.trail + shift,
        ) or text[below.start : below.end] != text[line.start : line.end]:
            break
        same += 1
        broken += below.end < len(text) and broken == same - 1
    assert taken <= same  # never a line that is not this one moved
    if "\r" not in text:  # and, at line feeds, each one that is and is followed by a break (up to the limit)
        assert taken == min(broken, limit)
