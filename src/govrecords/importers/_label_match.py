"""Finding a template's labels on a line: the matcher, and labels flattened into one line.

A :class:`Matcher` indexes a template's labels by the first folded characters
of each alias and finds the label a line starts with, looking at its first
:data:`LOOKAHEAD` characters only; :func:`split_fields` cuts a line that holds
several labels ("Date: 7 May  Time: 10:00") into its fields.
"""

from __future__ import annotations

import re

import attrs

from govrecords.importers._template import Label, Template
from govrecords.importers._text import (
    BLANKS,
    Line,
    fold,
    fold_tight,
    list_marker,
    may_be_numbered,
    source_of,
)

__all__ = [
    "LOOKAHEAD",
    "LabelHit",
    "Matcher",
    "find_inline_label",
    "seen_label_or_colon",
    "split_fields",
]

LOOKAHEAD = 240
"""How many characters of a line are searched for a label."""
MEMO_LINE = 2 * LOOKAHEAD
"""Lines up to this long have their label match kept for when the same line comes again."""

MEMO_SIZE = 4096
"""The most lines a :class:`Matcher` keeps the match of (it starts afresh when full)."""

_WEB_BOILERPLATE = (
    "jump to navigation",
    "jump to search",
    "sign up or log in",
    "you are on page",
    "deprecated:",
    "this page was last edited",
    'retrieved from "http',
    "skip to main content",
    "privacy policy | terms",
)

_GREETING = 100
"""A line that opens with "Welcome to" and is at most this long (folded, without spaces)
is a site's greeting banner, whatever the site; a longer one may be a sentence."""

_TAGLINE = 40
"""A line of at most this many letters (folded, without spaces) that opens with "From"
and ends with "wiki" is a wiki's page tagline ("From Some Forum Wiki"), whatever the wiki."""


@attrs.frozen
class _Alias:
    key: str
    to_colon: bool
    label: Label
    order: int


@attrs.define(eq=False)
class LabelHit:
    """Where a label was found on a line.

    Made for every label the layout reads (a line at a time on a form, or on a text of
    nothing but labels), so it is a plain slotted class, four times quicker to make than a
    frozen one; nothing changes a hit once made (:func:`attrs.evolve` makes a new one).
    """

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
        """Whether *line* holds a boilerplate phrase, a site's greeting or a wiki's tagline.

        A greeting is a short line opening with "Welcome to"; a tagline a short "From ... Wiki".

        Only lines up to :data:`LOOKAHEAD` long are checked.
        """
        if line.trail - line.lead > LOOKAHEAD:
            return False
        if quick is None:
            quick = fold_tight(text[line.lead : line.trail])
        greeting = quick.startswith("welcometo") and len(quick) <= _GREETING
        tagline = quick.startswith("from") and quick.endswith("wiki") and len(quick) <= _TAGLINE
        return greeting or tagline or self.boilerplate.search(quick) is not None


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
