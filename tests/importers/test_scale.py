"""What keeps a long or hostile import's memory bounded, without timing anything.

* Warnings of one code are folded as they are made: no more than ``FOLD_AFTER`` are
  kept, each code's count stays exact, and the warnings listed and the fold are those
  the reading order gives, whatever order the readers make them in.
* A text's lines are kept as numbers (:class:`Lines`), the same lines as objects.
* The layout's blocks are cut as they are read: a block read is not kept.
* The whole-text scans that skip to their opening words find exactly the matches of
  ``finditer``.
"""

from __future__ import annotations

import gc
import re
import string
import weakref
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import importers
from govrecords._version import __version__
from govrecords.importers._engine import TOOL, matcher_for
from govrecords.importers._labelled_people import _CONTACT_HEAD, _CONTACT_WORDS, _ROLE_ORG, _ROLE_ORG_WORDS
from govrecords.importers._layout import Block, Layout
from govrecords.importers._prose_people import (
    _ACTOR,
    _ACTOR_WORDS,
    _PROSE,
    _PROSE_LIST,
    _PROSE_LIST_WORDS,
    _PROSE_WORDS,
)
from govrecords.importers._scan import _UNFAITHFUL, Lowered, finditer
from govrecords.importers._state import FOLD_AFTER, State
from govrecords.importers._text import Line, line_column, split_lines
from govrecords.provenance import Method, MethodKind
from govrecords.taxonomy import default_taxonomy

CODES = ("empty-field", "boilerplate", "unmapped")


def _state(text: str) -> State:
    template = importers.get_template("generic")
    method = Method(MethodKind.IMPORTER, TOOL, __version__, template.name)
    return State(text, split_lines(text), template, "s", method, default_taxonomy())


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(CODES), st.integers(0, 2), st.integers(0, 40), st.integers(0, 5)),
        max_size=3 * FOLD_AFTER + 20,
    )
)
def test_warnings_are_folded_as_made_by_their_place_in_the_reading_order(
    made: list[tuple[str, int, int, int]],
) -> None:
    text = "word\n" * 10
    state = _state(text)
    for order, (code, phase, start, length) in enumerate(made):
        state.warn(code, start, start + length, f"warning {order}", phase=phase)
    for listed in state.listed.values():
        assert len(listed) <= FOLD_AFTER  # never more kept, however many are made
        assert [rank for rank, _ in listed] == sorted(rank for rank, _ in listed)
    settled = state.settled_issues()
    # the model: every warning of a code in (phase, order), the first FOLD_AFTER listed, the rest one fold
    ranked = sorted(range(len(made)), key=lambda order: (made[order][1], order))
    expected: list[tuple[int, str, str, int, int, int]] = []
    per_code: Counter[str] = Counter()
    folds: dict[str, list[int]] = {}
    for order in ranked:
        code, _, start, length = made[order]
        per_code[code] += 1
        if per_code[code] <= FOLD_AFTER:
            expected.append((order, code, f"warning {order}", start, start + length, 0))
        else:
            folds.setdefault(code, []).append(order)
    for code, orders in folds.items():
        first = orders[0]
        reach = max(made[order][2] + made[order][3] for order in orders)
        expected.append((first, code, "fold", made[first][2], reach, len(orders)))
    expected.sort(key=lambda item: ranked.index(item[0]))
    got = [
        (issue.code, "fold" if issue.folded else issue.message, issue.span.start, issue.span.end, issue.folded)
        for issue in settled
    ]
    assert got == [item[1:] for item in expected]
    for code, count in Counter(code for code, *_ in made).items():  # each code's count is exact
        assert sum(issue.folded or 1 for issue in settled if issue.code == code) == count


def test_a_hostile_text_keeps_a_bounded_number_of_warnings_and_counts_them_all() -> None:
    lines = 5 * FOLD_AFTER + 7
    result = importers.import_text("Moderator:\n" * lines)
    empty = [issue for issue in result.warnings if issue.code == "empty-field"]
    assert len(empty) == FOLD_AFTER + 1
    assert sum(issue.folded or 1 for issue in empty) == lines
    assert empty[-1].span.end == len("Moderator:\n") * lines - 1  # the fold covers the last one


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["a", "b", " ", "\t", "\u00a0", "\ufeff", "\n", "\r", "\r\n"]), max_size=40).map("".join)
)
def test_lines_kept_as_numbers_are_the_lines(text: str) -> None:
    lines = split_lines(text)
    made = list(lines)
    assert len(made) == len(lines)
    for index, line in enumerate(made):
        again = lines[index]
        assert (again.number, again.start, again.end, again.lead, again.trail, again.blank) == (
            line.number,
            line.start,
            line.end,
            line.lead,
            line.trail,
            line.blank,
        )
    assert [line.start for line in lines[1:3]] == [line.start for line in made[1:3]]
    assert [line.start for line in lines.iter_from(1)] == [line.start for line in made[1:]]
    for offset in range(len(text) + 1):
        assert lines.line_column(offset) == line_column(made, offset)


def test_the_layout_keeps_no_block_once_read() -> None:
    text = "Moderator:\nAmina Diallo\n\n" * 50
    template = importers.get_template("igf-session-report")
    lines = split_lines(text)
    layout = Layout(text, lines, template, matcher_for(template))
    dropped: list[tuple[int, int]] = []
    kept: list[weakref.ref[Block]] = []
    for count, block in enumerate(layout.blocks(lambda lead, trail: dropped.append((lead, trail))), 1):
        kept.append(weakref.ref(block))
        del block
        gc.collect()
        assert sum(ref() is not None for ref in kept) <= 2  # the one read, and the one being cut
        assert count <= 50
    assert len(kept) == 50


def test_lines_are_made_only_when_asked_for() -> None:
    lines = split_lines("a\nb\n")
    assert lines[0] is not lines[0]  # a fresh object each time: none is kept
    assert isinstance(lines[-1], Line)


def test_a_lowered_text_matches_as_a_case_insensitive_pattern_does() -> None:
    every = "".join(map(chr, range(0x110000)))
    matched = set(re.findall("[a-z]", every, re.IGNORECASE))
    lowered = {char for char in every if len(char.lower()) == 1 and char.lower() in string.ascii_lowercase}
    assert lowered <= matched
    assert matched - lowered <= {*_UNFAITHFUL, "\u0130"}  # these: the ordinary scan
    assert Lowered("\u0130stanbul").low is None  # lowers to more characters
    assert Lowered("\u017fpeakers").low is None
    assert Lowered("Speakers").low == [(0, "speakers")]
    long = "Speakers \u2019" * 20_000  # lowered in pieces that overlap
    assert [found.start() for found in finditer(_PROSE_LIST, Lowered(long + "were "), _PROSE_LIST_WORDS)] == [
        found.start() for found in _PROSE_LIST.finditer(long + "were ")
    ]


_PIECES = (
    "speakers",
    "Speakers were ",
    "panellists included ",
    "Keynote by ",
    "keynote speakers are ",
    "chaired by ",
    "Co-organised by ",
    "organized by",
    "Mr. Ana Silva noted",
    "Dr Bea",
    "H. E. ",
    "Proposer's Organization: ",
    "co-organiser\u2019s  affiliation :",
    "Moderator\ninstitution:",
    "Primary contact information:",
    "second \u00a0contact person",
    "main contact",
    "\u0131",
    "\u017f",
    "\u0130",
    "\u212a",
    "x",
    " ",
    "\n",
    ". ",
)
_SCANS = (
    (_PROSE, _PROSE_WORDS, True),
    (_PROSE_LIST, _PROSE_LIST_WORDS, True),
    (_ACTOR, _ACTOR_WORDS, False),
    (_CONTACT_HEAD, _CONTACT_WORDS, True),
    (_ROLE_ORG, _ROLE_ORG_WORDS, True),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_the_scans_that_skip_find_exactly_what_finditer_finds(text: str) -> None:
    for pattern, words, folded in _SCANS:
        expected = [found.span() for found in pattern.finditer(text)]
        got = [found.span() for found in finditer(pattern, Lowered(text), words, folded=folded)]
        assert got == expected, pattern.pattern
