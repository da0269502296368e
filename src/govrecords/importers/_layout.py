"""Cutting a text into blocks: a label or heading, and the lines of its value.

One forward pass over the lines. Each line is, in this order: blank; boilerplate
(a phrase of the template's or of the web pages' chrome); a line read by one of
the template's patterns; a label of the template; a heading the template does
not know (a short line ending in a colon); or part of the value of the block
above it. The work per line is bounded by a constant (labels are looked for in
its first :data:`LOOKAHEAD` characters only), so the pass is linear.
"""

from __future__ import annotations

import re

import attrs

from govrecords.importers._patterns import PatternMatch, match_pattern
from govrecords.importers._template import Label, LinePattern, Template
from govrecords.importers._text import (
    BLANKS,
    Line,
    fold,
    fold_text,
    fold_tight,
    list_marker,
    may_be_numbered,
    source_of,
)
from govrecords.importers._title_lines import title_rejection
from govrecords.vocabulary import read_force

__all__ = ["LOOKAHEAD", "Block", "LabelHit", "Layout", "Matcher", "PatternHit", "lay_out"]

LOOKAHEAD = 240
"""How many characters of a line are searched for a label."""

MESSAGES_HEAD = 8
"""How many non-blank lines at the start of a messages document are checked for banners and datelines."""

PATTERN_LINE_LIMIT = 1000
"""Lines longer than this are never read by a pattern (no title line is that long)."""

MEMO_LINE = 2 * LOOKAHEAD
"""Lines up to this long have their label match kept for when the same line comes again."""

MEMO_SIZE = 4096
"""The most lines a :class:`Matcher` keeps the match of (it starts afresh when full)."""

_WEB_BOILERPLATE = (
    "welcome to the united nations",
    "jump to navigation",
    "jump to search",
    "from eurodig wiki",
    "sign up or log in",
    "you are on page",
    "deprecated:",
    "this page was last edited",
    'retrieved from "http',
    "skip to main content",
    "privacy policy | terms",
)


@attrs.frozen
class _Alias:
    key: str
    to_colon: bool
    label: Label
    order: int


@attrs.frozen
class LabelHit:
    """Where a label was found on a line."""

    label: Label
    line: Line
    start: int
    """Where the label (or its numbering) starts."""
    words_start: int
    """Where the label's words start, after any numbering."""
    words_end: int
    """Where the label's words end."""
    value_start: int
    """Where its value starts on the line (the line's end when it has none)."""


@attrs.frozen
class PatternHit:
    """A line read by a pattern."""

    pattern: LinePattern
    line: Line
    match: PatternMatch


@attrs.define
class Block:
    """A label or heading and the lines of its value (the first possibly cut after the label)."""

    label: Label | None
    hit: LabelHit | None = None
    heading: tuple[int, int] | None = None
    lines: list[Line] = attrs.field(factory=list[Line])
    duplicate_of: Block | None = None
    first_line: bool = False
    head_end: int | None = None
    """Where the line of a heading no label matched ends (its colon is structure)."""

    @property
    def start(self) -> int:
        """Where the block starts: its label, heading or first value line."""
        if self.hit is not None:
            return self.hit.start
        if self.heading is not None:
            return self.heading[0]
        content = [line for line in self.lines if not line.blank]
        return content[0].lead if content else 0

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

    def value_lines(self) -> list[Line]:
        """The lines of the value, without leading or trailing blank lines."""
        lines = self.lines
        first = 0
        while first < len(lines) and lines[first].blank:
            first += 1
        last = len(lines)
        while last > first and lines[last - 1].blank:
            last -= 1
        return lines[first:last]


@attrs.frozen
class Layout:
    """The blocks of a text, the lines patterns read, and the boilerplate lines."""

    blocks: tuple[Block, ...]
    patterns: tuple[PatternHit, ...]
    boilerplate: tuple[Line, ...]


class Matcher:
    """A template's labels, indexed by the first folded characters of each alias."""

    def __init__(self, template: Template) -> None:
        self.template = template
        self._index: dict[str, list[_Alias]] = {}  # aliases by their first folded character...
        self._index2: dict[str, list[_Alias]] = {}  # ... or, most of them, by their first two
        order = 0
        for label in template.labels:
            for alias in label.aliases:
                stripped = alias.strip()
                to_colon = stripped.endswith(("...", "\u2026"))
                stripped = stripped.rstrip(".\u2026").rstrip(" :*") if to_colon else stripped.rstrip(" :*")
                key, _ = fold(stripped, 0, len(stripped), spaces=False)
                if not key:
                    continue
                entry = _Alias(key, to_colon, label, order)
                if len(key) >= 2 and "#" not in key[:2]:
                    self._index2.setdefault(key[:2], []).append(entry)
                else:
                    self._index.setdefault(key[0], []).append(entry)
                order += 1
        self._memo: dict[tuple[str, str | None], tuple[Label, int, int, int, int] | None] = {}
        phrases = {fold_tight(phrase) for phrase in (*template.boilerplate, *_WEB_BOILERPLATE)}
        # an alternation of literals: no nested quantifier, so no backtracking blow-up
        self.boilerplate = re.compile("|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True) if p))

    def may_open(self, text: str, at: int, end: int) -> bool:
        """Whether a label may start at *at* (before *end*): False when no alias starts with its first letters.

        A first look, before :meth:`match` (which also reads a list marker at *at*; see
        :func:`~._text.may_be_numbered`).
        """
        head = fold_tight(text[at : min(end, at + 8)])
        if len(head) < 2:  # fewer than the index's two letters: look in full
            return True
        return head[:2] in self._index2 or head[0] in self._index

    def match(self, text: str, line: Line, context: str | None, quick: str | None = None) -> LabelHit | None:
        """The label that opens *line* in this context, if any.

        What opens a line depends only on the line's characters and the context, so
        the answer for a short line is kept (as offsets from its start) and reused when
        the same line comes again: a label on every line of a long form, or a hostile
        text of one label repeated, is matched once.

        Args:
            text: The text.
            line: The line.
            context: The context the labels above opened.
            quick: :func:`fold_tight` of the line's first :data:`LOOKAHEAD` characters, if at hand.
        """
        lead = line.lead
        if line.trail - lead > MEMO_LINE:
            return self._match(text, line, context, quick)
        key = (text[lead : line.trail], context)
        if key in self._memo:
            known = self._memo[key]
            if known is None:
                return None
            label, start, words_start, words_end, value_start = known
            return LabelHit(label, line, lead + start, lead + words_start, lead + words_end, lead + value_start)
        hit = self._match(text, line, context, quick)
        if len(self._memo) >= MEMO_SIZE:
            self._memo.clear()
        self._memo[key] = (
            None
            if hit is None
            else (hit.label, hit.start - lead, hit.words_start - lead, hit.words_end - lead, hit.value_start - lead)
        )
        return hit

    def _match(self, text: str, line: Line, context: str | None, quick: str | None) -> LabelHit | None:
        marker = list_marker(text, line)
        words_start = marker.content if marker is not None else line.lead
        if words_start >= line.trail:
            return None
        window_end = min(line.trail, words_start + LOOKAHEAD)
        if quick is None or marker is not None:
            quick = fold_tight(text[words_start:window_end])
        if not quick:
            return None
        candidates = [
            alias
            for alias in (*self._index2.get(quick[:2], ()), *self._index.get(quick[0], ()))
            if (alias.label.within is None or alias.label.within == context) and _match_key(alias.key, quick) >= 0
        ]
        if not candidates:
            return None
        best: tuple[tuple[int, int, int], LabelHit] | None = None
        for alias in candidates:
            label = alias.label
            end = _match_key(alias.key, quick)  # quick is fold(..., spaces=False) of the window, without offsets
            if end < 0:
                continue
            words_end = source_of(text, words_start, window_end, end - 1) + 1
            if words_end < line.trail and text[words_end].isalnum() and alias.key[-1].isalnum():
                continue  # "Title" is not the start of "Titles"
            hit = self._finish(
                text,
                line,
                alias,
                start=marker.start if marker else line.lead,
                words_start=words_start,
                words_end=words_end,
            )
            if hit is None:
                continue
            rank = (int(label.within is not None), len(alias.key), -alias.order)
            if best is None or rank > best[0]:
                best = (rank, hit)
        return best[1] if best is not None else None

    def _finish(
        self, text: str, line: Line, alias: _Alias, *, start: int, words_start: int, words_end: int
    ) -> LabelHit | None:
        pos = words_end
        colon = False
        if alias.to_colon:
            limit = min(line.trail, pos + LOOKAHEAD)
            stop = pos
            while stop < limit and text[stop] not in ":?\uff1a":
                stop += 1
            if stop < limit:
                words_end = stop
                pos = stop
            elif limit == line.trail:
                words_end = line.trail
                pos = line.trail
            else:
                return None
        pos, colon = _decorations(text, pos, line.trail)
        if alias.label.keep_label:
            return LabelHit(alias.label, line, start, words_start, words_end, words_start)
        if not colon and pos < line.trail:
            return None
        return LabelHit(alias.label, line, start, words_start, words_end, pos)

    def is_boilerplate(self, text: str, line: Line, quick: str | None = None) -> bool:
        """Whether *line* holds a boilerplate phrase (only lines up to :data:`LOOKAHEAD` long are checked)."""
        if line.trail - line.lead > LOOKAHEAD:
            return False
        if quick is None:
            quick = fold_tight(text[line.lead : line.trail])
        return self.boilerplate.search(quick) is not None


def _match_key(key: str, folded: str) -> int:
    """Match an alias key at the start of *folded*; ``#`` stands for a number. The end, or -1."""
    if "#" not in key:  # most keys: one C-speed comparison
        return len(key) if folded.startswith(key) else -1
    i = j = 0
    while i < len(key):
        if key[i] == "#":
            if j < len(folded) and folded[j] == "#":
                j += 1
            digits = j
            while j < len(folded) and folded[j].isdigit():
                j += 1
            if j == digits:
                return -1
            i += 1
            continue
        if j >= len(folded) or folded[j] != key[i]:
            return -1
        i += 1
        j += 1
    return j


def _decorations(text: str, pos: int, end: int) -> tuple[int, bool]:
    """Skip what may follow a label: colons, stars, question marks, (instructions)."""
    colon = False
    while pos < end:
        char = text[pos]
        if char in BLANKS or char in "*?":
            pos += 1
        elif char in ":;\uff1a":
            colon = True
            pos += 1
        elif char in "([":
            close = text.find(")" if char == "(" else "]", pos, min(end, pos + LOOKAHEAD))
            if close < 0:
                break
            pos = close + 1
        else:
            break
    return pos, colon


def _unknown_heading(text: str, line: Line) -> tuple[int, int] | None:
    """A short line ending in a colon that no label matched: the span of its words."""
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
    return line.lead, line.lead + len(words)


def lay_out(text: str, lines: list[Line], template: Template, matcher: Matcher) -> Layout:
    """Cut *text* into blocks following *template*."""
    blocks: list[Block] = []
    current = Block(None)
    pattern_hits: list[PatternHit] = []
    boilerplate: list[Line] = []
    used_patterns: set[int] = set()
    context: str | None = None
    seen_label = False
    content_lines = 0
    first_line_done = template.first_line is None
    for line in lines:
        if line.blank:
            current.lines.append(line)
            continue
        content_lines += 1
        quick = fold_tight(text[line.lead : min(line.trail, line.lead + LOOKAHEAD)])
        if matcher.is_boilerplate(text, line, quick):
            boilerplate.append(line)
            continue
        if (
            template.produces == "messages"
            and content_lines <= MESSAGES_HEAD
            and not seen_label
            and line.trail - line.lead <= LOOKAHEAD
            and title_rejection(text[line.lead : line.trail]) in ("boilerplate", "navigation", "dateline")
        ):
            boilerplate.append(line)  # a messages document's banner or dateline is not a sub-heading
            continue
        if not seen_label and line.trail - line.lead <= PATTERN_LINE_LIMIT:
            hit = _try_patterns(text, line, template, used_patterns, content_lines)
            if hit is not None:
                pattern_hits.append(hit)
                first_line_done = True
                continue
        label_hit = matcher.match(text, line, context, quick)
        if label_hit is None and seen_label_or_colon(text, line):
            inline = find_inline_label(text, line, line.lead, matcher, context)
            if inline is not None:
                cut = inline.start
                while cut > line.lead and (text[cut - 1] in BLANKS or text[cut - 1] in "-\u2013\u2014|\u00b7\u2022"):
                    cut -= 1
                if cut > line.lead:
                    current.lines.append(Line(line.number, line.start, line.end, line.lead, cut))
                label_hit = attrs.evolve(inline, start=cut)
        if label_hit is not None:
            seen_label = True
            first_line_done = True
            if label_hit.label.within is None:
                context = label_hit.label.opens
            for field_hit, value_end in split_fields(text, line, label_hit, matcher, context):
                if field_hit.label.within is None:
                    context = field_hit.label.opens
                _close(blocks, current)
                current = Block(field_hit.label, hit=field_hit, heading=(field_hit.words_start, field_hit.words_end))
                if field_hit.value_start < value_end:
                    current.lines.append(Line(line.number, line.start, line.end, field_hit.value_start, value_end))
            continue
        if not first_line_done and template.first_line is not None:
            first_line_done = True
            if list_marker(text, line) is None:
                _close(blocks, current)
                blocks.append(Block(Label(template.first_line, ("first line",)), lines=[line], first_line=True))
                current = Block(None)
                continue
        heading = _unknown_heading(text, line)
        if heading is not None:
            _close(blocks, current)
            current = Block(None, heading=heading, head_end=line.trail)
            context = None
            continue
        current.lines.append(line)
    _close(blocks, current)
    _mark_duplicates(text, blocks)
    return Layout(tuple(blocks), tuple(pattern_hits), tuple(boilerplate))


_SEPARATOR = re.compile(r"[ \t\u00a0]{2,}|\t|[ \u00a0][-\u2013\u2014|\u00b7\u2022][ \u00a0]")
_COLON = re.compile("[:?\uff1a]")
_WORD_START = re.compile(r"(?<![\w'\u2019])\w")
SPLIT_WINDOW = 2000
"""How many characters of a line are searched for labels flattened into it ("Date: 7 May  Time: 10:00")."""
SPLIT_LIMIT = 24
"""The most labels one line is split into."""
_BACK_WORDS = 12
"""How many words before a colon a flattened label may start."""


def find_inline_label(text: str, line: Line, start: int, matcher: Matcher, context: str | None) -> LabelHit | None:
    """The first label of the template inside ``text[start:line.trail]`` that a colon follows.

    A flattened label starts a word with a capital letter, or follows a
    separator (two spaces, a tab, a spaced dash, bar or bullet); the words just
    before each colon are tried, so the work per colon is bounded.
    """
    end = min(line.trail, start + SPLIT_WINDOW)
    for colon in _COLON.finditer(text, start, end):
        window = max(start, colon.start() - LOOKAHEAD)
        starts = [m.start() for m in _WORD_START.finditer(text, window, colon.start())][-_BACK_WORDS:]
        for at in starts:
            if at < start or not (matcher.may_open(text, at, line.trail) or may_be_numbered(text, at, line.trail)):
                continue  # a first look: no label starts with these letters, and no list marker is there
            before = text[max(line.lead, at - 5) : at]
            if before.rstrip().endswith(("&", "/", " and", "+")):
                continue  # "Date & Time:" is one label, not "Date &" then "Time:"
            if not (text[at].isupper() or _SEPARATOR.search(before) or before.endswith(("- ", "| "))):
                continue
            sub = Line(line.number, line.start, line.end, at, line.trail)
            hit = matcher.match(text, sub, context)
            if hit is None or hit.label.keep_label or hit.value_start <= hit.words_end:
                continue
            if hit.start != at or not _COLON.search(text, hit.words_end, hit.value_start):
                continue
            return hit
    return None


def split_fields(
    text: str, line: Line, first: LabelHit, matcher: Matcher, context: str | None
) -> list[tuple[LabelHit, int]]:
    """The labels of a line that holds several, each with where its value ends.

    "Date: 7 May 2012   Time: 14.30   Room: 5" holds three.

    Fields flattened onto one line, as PDF and web extraction leave them; a later
    label counts only when the template knows it and a colon follows it
    (:func:`find_inline_label`).
    """
    found: list[tuple[LabelHit, int]] = []
    hit = first
    while len(found) < SPLIT_LIMIT:
        nxt = find_inline_label(text, line, hit.value_start, matcher, context) if hit.value_start < line.trail else None
        cut = line.trail
        if nxt is not None:
            cut = nxt.start
            while cut > hit.value_start and (text[cut - 1] in BLANKS or text[cut - 1] in "-\u2013\u2014|\u00b7\u2022"):
                cut -= 1
        found.append((hit, cut))
        if nxt is None:
            break
        hit = attrs.evolve(nxt, start=cut)  # the separator before a flattened label is read as structure
    return found


def seen_label_or_colon(text: str, line: Line) -> bool:
    """Whether a line may hold flattened labels: it has a colon after its first few characters."""
    found = _COLON.search(text, line.lead + 3, min(line.trail, line.lead + SPLIT_WINDOW))
    return found is not None


def _close(blocks: list[Block], block: Block) -> None:
    if block.label is not None or block.heading is not None or block.value_lines():
        blocks.append(block)


def _try_patterns(text: str, line: Line, template: Template, used: set[int], position: int) -> PatternHit | None:
    for index, pattern in enumerate(template.patterns):
        if index in used or (pattern.lines and position > pattern.lines):
            continue
        match = match_pattern(pattern.pattern, text, line.lead, line.trail)
        if match is not None:
            used.add(index)
            return PatternHit(pattern, line, match)
    return None


def _mark_duplicates(text: str, blocks: list[Block]) -> None:
    """Mark each labelled block that repeats an earlier one word for word."""
    seen: dict[tuple[str, str], Block] = {}
    for block in blocks:
        if block.label is None or block.first_line:
            continue
        lines = block.value_lines()
        if not lines:
            continue
        key = (block.label.field, fold_text(text[block.start : lines[-1].trail]))
        if key in seen:
            block.duplicate_of = seen[key]
        else:
            seen[key] = block
