"""Cutting a text into blocks: a label or heading, and the lines of its value.

One forward pass over the lines, run as the blocks are read: a block is kept only
until the reader takes it, so a text of a million labels never holds a million
blocks (nor their lines: :class:`~._text.Lines` makes a line's object when asked).
Each line is, in this order: blank; boilerplate (a phrase of the template's or
of the web pages' chrome); a line read by one of the template's patterns; a
label of the template; a heading the template does not know (a short line
ending in a colon); or part of the value of the block above it. The work per
line is bounded by a constant (labels are looked for in its first
:data:`._label_match.LOOKAHEAD` characters only), so the pass is linear.
"""

from __future__ import annotations

from array import array
from collections import deque
from collections.abc import Callable, Iterator

import attrs

from govrecords.importers._label_match import (
    LOOKAHEAD,
    MEMO_LINE,
    MEMO_SIZE,
    LabelHit,
    Matcher,
    find_inline_label,
    seen_label_or_colon,
    split_fields,
)
from govrecords.importers._patterns import PatternMatch, match_pattern
from govrecords.importers._template import Label, LinePattern, Template
from govrecords.importers._text import BLANKS, Line, LineRun, Lines, fold_text, fold_tight, list_marker
from govrecords.importers._title_lines import title_rejection
from govrecords.vocabulary import read_force

__all__ = ["Block", "Earlier", "Layout", "PatternHit"]

MESSAGES_HEAD = 8
"""How many non-blank lines at the start of a messages document are checked for banners and datelines."""

_BEFORE_INLINE = frozenset(BLANKS + "-\u2013\u2014|\u00b7\u2022")
"""What may separate a label flattened into a line from the text before it."""
PATTERN_LINE_LIMIT = 1000
"""Lines longer than this are never read by a pattern (no title line is that long)."""
RUN_LIMIT = 1024
"""The most lines a run of repeated labels holds (:attr:`Block.again`) before its block is given out
(0: no runs, a block a line)."""


@attrs.frozen
class PatternHit:
    """A line read by a pattern."""

    pattern: LinePattern
    line: Line
    match: PatternMatch


@attrs.frozen
class Earlier:
    """The block a block repeats word for word: the line its label is on (None when it has none)."""

    line: int | None


@attrs.define
class Block:
    """A label or heading and the lines of its value (the first possibly cut after the label)."""

    label: Label | None
    hit: LabelHit | None = None
    heading: tuple[int, int] | None = None
    lines: LineRun = attrs.field(factory=LineRun)
    """The lines of its value, kept as ranges of the text's lines (a line object is made when asked for)."""
    duplicate_of: Earlier | None = None
    first_line: bool = False
    head_end: int | None = None
    """Where the line of a heading no label matched ends (its colon is structure)."""
    again: array[int] | None = None
    """The lines right below that repeat this one's label with nothing under it, character for character
    in the same context: how far after this block's line each starts (None when none does). Each
    reads as this block moved there (:meth:`copies`); a run costs one block, not one a line."""

    def copies(self) -> Iterator[Block]:
        """The blocks of the lines in :attr:`again`: this block moved to each (its label's line only)."""
        return _moved(self, self.again or array("q"))

    @property
    def start(self) -> int:
        """Where the block starts: its label, heading or first value line."""
        if self.hit is not None:
            return self.hit.start
        if self.heading is not None:
            return self.heading[0]
        content = next((line for line in self.lines if not line.blank), None)
        return content.lead if content is not None else 0

    @property
    def end(self) -> int:
        """Where the block's last non-blank character ends."""
        for line in reversed(self.lines):
            if not line.blank:
                return line.trail
        if self.hit is not None:
            return self.hit.line.trail
        if self.heading is not None:
            return self.heading[1]
        return self.start

    def value_lines(self) -> LineRun:
        """The lines of the value, without leading or trailing blank lines."""
        lines = self.lines
        if not lines:
            return lines[:]
        if not lines[0].blank and not lines[-1].blank:
            return lines[:]
        first = 0
        while first < len(lines) and lines[first].blank:
            first += 1
        last = len(lines)
        while last > first and lines[last - 1].blank:
            last -= 1
        return lines[first:last]


def _moved(block: Block, shifts: array[int], first: int = 1) -> Iterator[Block]:
    """*block* moved by each of *shifts*, the first of them onto the line *first* lines below it."""
    hit = block.hit
    if hit is None or block.heading is None:
        return
    line, (head_start, head_end) = hit.line, block.heading
    for number, shift in enumerate(shifts, line.number + first):
        moved = Line(number, line.start + shift, line.end + shift, line.lead + shift, line.trail + shift)
        moved_hit = LabelHit(
            hit.label,
            moved,
            hit.start + shift,
            hit.words_start + shift,
            hit.words_end + shift,
            hit.value_start + shift,
        )
        yield Block(block.label, hit=moved_hit, heading=(head_start + shift, head_end + shift))


def _last_of_run(block: Block) -> Block:
    """The block of the last line of *block*'s run, taken off the run (what is read below the run is under it)."""
    shifts = block.again
    assert shifts is not None
    first = len(shifts)
    last = array("q", [shifts.pop()])
    if not shifts:
        block.again = None
    return next(_moved(block, last, first))


_Field = tuple[Label, int, int, int, int, int, int]
"""A label found on a line, as offsets from the line's lead: the label, the lead of the line it was
matched on, its start, its words' start and end, its value's start and where its value ends."""


class _Reading:
    """What a line's characters say, whatever line they are on.

    The same characters (in the same context) are read once, so a label that opens line
    after line, or a form's lines that come again in every record, cost a lookup after the
    first time. Each part is worked out when the cut first asks for it, in the cut's order
    (a line a pattern reads is never matched against the labels).
    """

    __slots__ = ("boilerplate", "fields", "fields_read", "heading", "heading_read", "quick")

    def __init__(self, quick: str, boilerplate: bool) -> None:
        self.quick = quick
        """:func:`fold_tight` of the line's first :data:`LOOKAHEAD` characters (dropped once the labels are read)."""
        self.boilerplate = boilerplate
        self.fields: tuple[int | None, tuple[_Field, ...]] | None = None
        """The labels on the line: where a label flattened into it cuts the text before it off (None
        when the line opens with its label) and the fields; None when it holds no label."""
        self.fields_read = False
        self.heading: tuple[int, int] | None = None
        """The words of a heading no label matched (offsets from the line's lead), or None."""
        self.heading_read = False


def _unknown_heading(text: str, line: Line, lead: int = 0) -> tuple[int, int] | None:
    """A short line ending in a colon that no label matched: the span of its words (less *lead*)."""
    length = line.trail - line.lead
    if length > 60 or length < 2:
        return None
    passage = text[line.lead : line.trail].rstrip(BLANKS + "*")
    if not passage.endswith((":", "\uff1a")):
        return None
    words = passage[:-1].strip(BLANKS)
    if not words or not any(char.isalpha() for char in words):
        return None
    split = words.split()
    capitals = sum(1 for word in split if word[:1].isupper() or not word[:1].isalpha())
    if len(split) > 8 or (len(split) > 5 and capitals * 2 < len(split)):
        return None  # "The workshop will look at the following questions:" is a sentence, not a heading
    if not (words[0].isupper() or not words[0].isalpha()) or ":" in words:
        return None
    if read_force(words) is not None:
        return None  # "We recommend:" introduces a list; it is not a heading
    return line.lead - lead, line.lead - lead + len(words)


class Layout:
    """The blocks of a text following a template, cut as they are read, and the lines its patterns read.

    Patterns are tried on the lines above the first label; every pattern is read
    before any block (:meth:`patterns` runs the pass until no pattern can match,
    keeping the blocks it passes), and a line dropped as boilerplate is given to
    the reader of :meth:`blocks` before the block below it.
    """

    def __init__(self, text: str, lines: Lines, template: Template, matcher: Matcher) -> None:
        self.first_line_lead: int | None = None
        """Where the template's first line (its title) starts, when one was read."""
        self._patterns: list[PatternHit] = []
        self._settled = not template.patterns  # whether no pattern can match any more
        self._passed: deque[Block] = deque()  # blocks cut while patterns could still match
        self._boilerplate = array("q")  # boilerplate lines not yet given out: lead, trail
        self._seen: dict[tuple[str, str], Earlier] = {}  # each labelled value so far, for its repeats
        self._readings: dict[tuple[str, str | None], _Reading] = {}  # by the line's characters and the context
        self._pass = self._cut(text, lines, template, matcher)

    def patterns(self) -> list[PatternHit]:
        """The lines the template's patterns read (the pass runs until no pattern can match)."""
        while not self._settled:
            block = next(self._pass, None)
            if block is None:
                self._settled = True
            else:
                self._passed.append(block)
        return self._patterns

    def blocks(self, boilerplate: Callable[[int, int], None], *, runs: bool = False) -> Iterator[Block]:
        """The blocks in text order, once; each boilerplate line's lead and trail go to *boilerplate*, in order.

        With *runs*, a run of repeated empty labels comes as one block with :attr:`Block.again`
        (the reader reads each line of it); without, as a block a line.
        """
        if not runs:
            for first in self.blocks(boilerplate, runs=True):
                shifts, first.again = first.again, None
                yield first
                if shifts is not None:
                    yield from _moved(first, shifts)
            return
        self.patterns()
        dropped = self._boilerplate
        while True:
            block = self._passed.popleft() if self._passed else next(self._pass, None)
            if dropped:
                for at in range(0, len(dropped), 2):
                    boilerplate(dropped[at], dropped[at + 1])
                del dropped[:]
            if block is None:
                return
            yield block

    def _cut(self, text: str, lines: Lines, template: Template, matcher: Matcher) -> Iterator[Block]:
        """Cut *text* into blocks following *template*."""
        current: Block = Block(None)
        used_patterns: set[int] = set()
        pattern_lines = [pattern.lines for pattern in template.patterns]
        last_pattern_line = max(pattern_lines) if pattern_lines and all(pattern_lines) else None
        context: str | None = None
        seen_label = False
        content_lines = 0
        first_line_done = template.first_line is None
        run: _Reading | None = None  # the reading of the line *current* is an empty label on, when it may repeat
        run_next = -1  # the number of the line that can repeat it
        resume = 0  # the index of the line the pass goes on from (after lines taken at once)
        while True:
            for index, line in enumerate(lines.iter_from(resume), resume):
                if line.blank:
                    if current.again is not None:  # the run is over: its last line is the block this one is under
                        last: Block = _last_of_run(current)  # taken before the run is given out
                        if self._closes(text, current):
                            yield current
                        current = last
                    current.lines.append_index(lines, index)
                    continue
                content_lines += 1
                if not self._settled and (
                    seen_label
                    or len(used_patterns) == len(pattern_lines)
                    or (last_pattern_line is not None and content_lines > last_pattern_line)
                ):
                    self._settled = True  # no pattern can read this line or any below it
                reading = self._reading(text, line, context, matcher)
                if reading.boilerplate:
                    self._boilerplate.extend((line.lead, line.trail))
                    continue
                if (
                    template.produces == "messages"
                    and content_lines <= MESSAGES_HEAD
                    and not seen_label
                    and line.trail - line.lead <= LOOKAHEAD
                    and title_rejection(text[line.lead : line.trail]) in ("boilerplate", "navigation", "dateline")
                ):
                    self._boilerplate.extend((line.lead, line.trail))  # a messages document's banner or dateline
                    continue
                if not seen_label and line.trail - line.lead <= PATTERN_LINE_LIMIT:
                    hit = _try_patterns(text, line, template, used_patterns, content_lines)
                    if hit is not None:
                        self._patterns.append(hit)
                        first_line_done = True
                        continue
                if not reading.fields_read:
                    reading.fields = _fields(text, line, context, matcher, reading.quick)
                    reading.fields_read = True
                    reading.quick = ""
                found = reading.fields
                if (
                    reading is run
                    and line.number == run_next
                    and not current.lines
                    and current.hit is not None
                    and line.lead - line.start == (first := current.hit.line).lead - first.start
                    and line.end - line.trail == first.end - first.trail
                ):
                    # the same line in the same context, right below: the same empty label, moved
                    base = first.start  # where the run's first line starts
                    again = current.again
                    if again is None:
                        current.again = array("q", [line.start - first.start])
                    elif len(again) < RUN_LIMIT:
                        again.append(line.start - first.start)
                    else:  # the run is as long as it may be: given out, and this line starts the next
                        moved: Block = next(_moved(current, array("q", [line.start - first.start]), len(again) + 1))
                        if self._closes(text, current):
                            yield current
                        current = moved
                        base = line.start
                    run_next += 1
                    # the lines below that are this one again, character for character with the same
                    # break, are read as it was, at once: their shifts go on the run (up to its limit)
                    again = current.again
                    more, period = _repeats(text, lines, index, RUN_LIMIT - (len(again) if again else 0))
                    if more:
                        shift = line.start + period - base
                        shifts = range(shift, shift + more * period, period)
                        if again is None:
                            current.again = array("q", shifts)
                        else:
                            again.extend(shifts)
                        run_next += more
                        content_lines += more
                        resume = index + 1 + more
                        break
                    continue
                run = None
                if current.again is not None:  # the run is over: its last line is the block below which this one is
                    last = _last_of_run(current)  # taken before the run is given out (the reader may change it)
                    if self._closes(text, current):
                        yield current
                    current = last
                if found is not None:
                    seen_label = True
                    first_line_done = True
                    cut, fields = found
                    lead = line.lead
                    if cut is not None:
                        current.lines.append(Line(line.number, line.start, line.end, lead, lead + cut))
                    for label, on, start, words_start, words_end, value_start, value_end in fields:
                        if label.within is None:
                            context = label.opens
                        if self._closes(text, current):
                            yield current
                        on_line = line if on == 0 else Line(line.number, line.start, line.end, lead + on, line.trail)
                        field_hit = LabelHit(
                            label, on_line, lead + start, lead + words_start, lead + words_end, lead + value_start
                        )
                        current = Block(label, hit=field_hit, heading=(field_hit.words_start, field_hit.words_end))
                        if value_start < value_end:
                            current.lines.append(
                                Line(line.number, line.start, line.end, lead + value_start, lead + value_end)
                            )
                        elif cut is None and on == 0 and len(fields) == 1 and RUN_LIMIT:
                            run, run_next = reading, line.number + 1  # an empty label: the next line may repeat it
                    continue
                if not first_line_done and template.first_line is not None:
                    first_line_done = True
                    if list_marker(text, line) is None:
                        if self._closes(text, current):
                            yield current
                        self.first_line_lead = line.lead
                        yield Block(
                            Label(template.first_line, ("first line",)), lines=LineRun.of([line]), first_line=True
                        )
                        current = Block(None)
                        continue
                if not reading.heading_read:
                    reading.heading = _unknown_heading(text, line, line.lead)
                    reading.heading_read = True
                heading_at = reading.heading
                heading = None if heading_at is None else (line.lead + heading_at[0], line.lead + heading_at[1])
                if heading is not None:
                    if self._closes(text, current):
                        yield current
                    current = Block(None, heading=heading, head_end=line.trail)
                    context = None
                    continue
                current.lines.append_index(lines, index)
            else:
                break
        if self._closes(text, current):
            yield current

    def _reading(self, text: str, line: Line, context: str | None, matcher: Matcher) -> _Reading:
        """What the characters of *line* say in *context*.

        Kept for when they come again: lines up to :data:`MEMO_LINE` long, no more than
        :data:`MEMO_SIZE` at once.
        """
        lead, trail = line.lead, line.trail
        if trail - lead > MEMO_LINE:
            quick = fold_tight(text[lead : min(trail, lead + LOOKAHEAD)])
            return _Reading(quick, matcher.is_boilerplate(text, line, quick))
        key = (text[lead:trail], context)
        reading = self._readings.get(key)
        if reading is None:
            quick = fold_tight(text[lead : min(trail, lead + LOOKAHEAD)])
            reading = _Reading(quick, matcher.is_boilerplate(text, line, quick))
            if len(self._readings) >= MEMO_SIZE:
                self._readings.clear()
            self._readings[key] = reading
        return reading

    def _closes(self, text: str, block: Block) -> bool:
        """Whether *block* is one to read (a label, a heading or a value), marking it if it repeats an earlier one."""
        if block.label is None:
            return block.heading is not None or bool(block.value_lines())
        if block.first_line:
            return True
        lines = block.value_lines()
        if lines:
            key = (block.label.field, fold_text(text[block.start : lines[-1].trail]))
            earlier = self._seen.get(key)
            if earlier is not None:
                block.duplicate_of = earlier
            else:
                self._seen[key] = Earlier(block.hit.line.number if block.hit is not None else None)
        return True


def _fields(
    text: str, line: Line, context: str | None, matcher: Matcher, quick: str
) -> tuple[int | None, tuple[_Field, ...]] | None:
    """The labels on *line* in *context* as offsets from its lead (see :attr:`_Reading.fields`), or None."""
    label_hit = matcher.match(text, line, context, quick)
    lead = line.lead
    cut: int | None = None
    if label_hit is None and seen_label_or_colon(text, line):
        inline = find_inline_label(text, line, lead, matcher, context)
        if inline is not None:
            at = inline.start
            while at > lead and (text[at - 1] in BLANKS or text[at - 1] in "-\u2013\u2014|\u00b7\u2022"):
                at -= 1
            if at > lead:
                cut = at - lead
            label_hit = attrs.evolve(inline, start=at)
    if label_hit is None:
        return None
    if label_hit.label.within is None:
        context = label_hit.label.opens
    fields = tuple(
        (
            hit.label,
            hit.line.lead - lead,
            hit.start - lead,
            hit.words_start - lead,
            hit.words_end - lead,
            hit.value_start - lead,
            value_end - lead,
        )
        for hit, value_end in split_fields(text, line, label_hit, matcher, context)
    )
    return cut, fields


def _repeats(text: str, lines: Lines, index: int, limit: int) -> tuple[int, int]:
    """How many lines right after line *index* (at most *limit*) are it again, and how far apart lines start.

    Such a line is ``text[start : start + period]`` once more, where *start* is line *index*'s start and
    *period* how far the next line starts after it: the line and its break, which holds no other break.
    Counted by doubling, then halving, the number taken at once (each count a search in C), so a run of
    *n* lines costs some log *n* searches, not a look a line.
    """
    starts = lines.starts
    if limit <= 0 or index + 1 >= len(starts):
        return 0, 0
    start = starts[index]
    period = starts[index + 1] - start
    chunk = text[start : start + period]
    if not text.startswith(chunk, start + period):
        return 0, period  # the next line is another
    taken, step, at = 0, 1, start + period
    while taken < limit:
        step = min(step, limit - taken)
        if text.count(chunk, at, at + step * period) == step:  # as many as fit: the span is the chunk, tiled
            taken += step
            at += step * period
            step *= 2
        elif step == 1:
            break
        else:
            step //= 2
    return taken, period


def _try_patterns(text: str, line: Line, template: Template, used: set[int], position: int) -> PatternHit | None:
    for index, pattern in enumerate(template.patterns):
        if index in used or (pattern.lines and position > pattern.lines):
            continue
        match = match_pattern(pattern.pattern, text, line.lead, line.trail)
        if match is not None:
            used.add(index)
            return PatternHit(pattern, line, match)
    return None
