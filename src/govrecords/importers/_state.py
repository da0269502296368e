"""The state of one import: the text, the warnings, and the record being drafted.

:class:`State` holds what the whole import shares (the text and its lines, the
template, the provenance method, the warnings, the forum's values);
:class:`Draft` holds one record's values until it is built (a messages document
drafts one session per sub-heading).
"""

from __future__ import annotations

import bisect
import collections
import itertools
import operator
import re
from array import array
from collections.abc import Callable, Iterator

import attrs

from govrecords._trusted import trusted_span
from govrecords.importers._result import ImportIssue
from govrecords.importers._scan import Lowered
from govrecords.importers._template import Template
from govrecords.importers._text import LineRun, Lines, collapse, fold_text
from govrecords.provenance import Method, Provenance, Span
from govrecords.records import Finding, Participant, Recommendation, Section, Statement
from govrecords.taxonomy import Taxonomy

__all__ = ["Draft", "State", "Value"]

FOLD_AFTER = 100
"""How many warnings of one code an import lists; the rest are folded into one.

A hostile text (``"Moderator:\n" * 800000``) would otherwise give a warning a line.
The folded warning's span runs from the first folded warning's start to the last
one's end, so that the text they concerned is still covered by a warning, and its
:attr:`~govrecords.importers.ImportIssue.folded` says how many it stands for.

Which of a code's warnings are listed is decided as they are made, by their place in
the reading order (:attr:`State.phase`, then the order they come in), so no more than
this many of a code are ever kept, however many the text gives.
"""

_PHASE = 1 << 40
"""A warning's rank is its phase times this, plus its place in the order warnings are made."""

_PAGE_LINE = re.compile(
    r"(?<=\n)[ \t\u00a0]*(?:[^\n.;:!?]{0,80}?[ \t\u00a0]+)?(?i:page)[ \t\u00a0]+\d{1,4}"
    r"(?:[ \t\u00a0]+(?i:of)[ \t\u00a0]+\d{1,4})[ \t\u00a0]*\r?\n"
)
"""A line that is only a running header or footer with its page counter, inside a passage."""
_TAG_LIMIT = 20_000  # characters of a passage tagged with topics; tagging is linear, this bounds memory


_new = object.__new__
_set = object.__setattr__


def _pairs(marks: array[int]) -> Iterator[tuple[int, int]]:
    """The marks two by two: each start with its end."""
    entries = iter(marks)
    return zip(entries, entries, strict=True)


@attrs.frozen
class Value:
    """A single-valued field as read: the value, its span, and the heading it stood under."""

    value: str
    start: int
    end: int
    heading: tuple[int, int] | None = None


@attrs.define
class Draft:
    """One record's values while the import reads them."""

    values: dict[str, Value] = attrs.field(factory=dict[str, Value])
    runs: dict[str, list[tuple[int, int]]] = attrs.field(factory=dict[str, list[tuple[int, int]]])
    participants: list[Participant] = attrs.field(factory=list[Participant])
    key_issues: list[Statement] = attrs.field(factory=list[Statement])
    policy_questions: list[Statement] = attrs.field(factory=list[Statement])
    findings: list[Finding] = attrs.field(factory=list[Finding])
    recommendations: list[Recommendation] = attrs.field(factory=list[Recommendation])
    sections: list[Section] = attrs.field(factory=list[Section])
    evidence: list[Provenance] = attrs.field(factory=list[Provenance])
    counters: dict[str, int] = attrs.field(factory=dict[str, int])
    seen: set[tuple[str, str]] = attrs.field(factory=set[tuple[str, str]])

    def count(self, key: str) -> int:
        """The next number in the series *key* (1, 2, 3...)."""
        self.counters[key] = self.counters.get(key, 0) + 1
        return self.counters[key]


@attrs.define
class State:
    """What the whole import shares."""

    text: str
    lines: Lines
    template: Template
    source: str
    method: Method
    taxonomy: Taxonomy
    issues: list[ImportIssue] = attrs.field(factory=list[ImportIssue])
    """Warnings given before the import reads the text (a decoding's), listed first and never folded."""
    forum: dict[str, Value] = attrs.field(factory=dict[str, Value])
    draft: Draft = attrs.field(factory=Draft)
    structure: array[int] = attrs.field(factory=lambda: array("q"))
    """The spans read as structure, each as two entries: start, end."""
    lowered: Lowered = attrs.field(init=False)  # the text in lower case, for the whole-text scans (made when asked)
    phase: int = 0
    """Where the warnings made now stand in the reading order: those of a lower phase come first,
    whenever they are made (the lines the layout drops as boilerplate come before the blocks' warnings)."""
    warned: dict[str, int] = attrs.field(factory=dict[str, int])  # warnings of each code so far
    listed: dict[str, list[tuple[int, ImportIssue]]] = attrs.field(factory=dict[str, list[tuple[int, ImportIssue]]])
    """Each code's listed warnings (at most :data:`FOLD_AFTER`) with their ranks, in rank order."""
    folded: dict[str, tuple[int, int, int]] = attrs.field(factory=dict[str, tuple[int, int, int]])
    """Each code's fold: the rank and start of its first warning, and the furthest end of them all."""
    _order: Iterator[int] = attrs.field(factory=itertools.count)

    def __attrs_post_init__(self) -> None:
        self.lowered = Lowered(self.text)
        if not self.structure and len(self.text) < 2**31:
            self.structure = array("i")  # offsets into the text: four bytes each

    def lines_between(self, start: int, end: int) -> LineRun:
        """The lines of ``text[start:end]``, the first and last cut to the span, blank lines at either end dropped."""
        return self.lines.between(start, end)

    def warn(
        self, code: str, start: int, end: int, message: str | Callable[[], str], *, phase: int | None = None
    ) -> None:
        """Record a warning about ``text[start:end]`` (folded past :data:`FOLD_AFTER` of its code).

        Args:
            code: Its code.
            start: Where its passage starts.
            end: Where its passage ends.
            message: What happened, or a function that says it: called only when the warning is
                listed (one folded away needs no message, so a text of a million warnings builds a
                hundred of a code).
            phase: Where it stands in the reading order, if not :attr:`phase`.
        """
        self.warned[code] = self.warned.get(code, 0) + 1
        end = max(start, end)
        rank = (self.phase if phase is None else phase) * _PHASE + next(self._order)
        listed = self.listed.get(code)
        if listed is None:
            listed = self.listed[code] = []
        elif len(listed) >= FOLD_AFTER:
            last_rank, last = listed[-1]
            if rank > last_rank:  # past the limit only the fold's reach is kept
                fold = self.folded.get(code)
                if fold is not None and rank > fold[0]:  # the usual: later than the fold's first (_fold, in line)
                    if end > fold[2]:
                        self.folded[code] = (fold[0], fold[1], end)
                    return
                self._fold(code, rank, start, end)
                return
            listed.pop()  # a warning that comes earlier in the reading order takes the last one's place
            self._fold(code, last_rank, last.span.start, last.span.end)
        line, column = self.lines.line_column(start)
        issue = ImportIssue(code, message if isinstance(message, str) else message(), Span(start, end), line, column)
        if not listed or rank > listed[-1][0]:
            listed.append((rank, issue))
        else:
            listed.insert(bisect.bisect([item[0] for item in listed], rank), (rank, issue))

    def warn_moved(self, code: str, start: int, end: int, shifts: array[int], message: str) -> None:
        """:meth:`warn` of ``text[start + shift : end + shift]`` for each of *shifts* (increasing), in turn.

        Once the code is folded and the fold comes before the next warning (the usual), the
        rest only count and reach further: they are taken together.
        """
        listed = self.listed.get(code)
        for at, shift in enumerate(shifts):
            if listed is not None and len(listed) >= FOLD_AFTER:
                fold = self.folded.get(code)
                if fold is not None and fold[0] < (later := (self.phase + 1) * _PHASE) and listed[-1][0] < later:
                    # each warning left ranks after the last listed and the fold's first (made before it,
                    # in this phase or an earlier one): each only counts, takes its place in the order,
                    # and reaches further (the last, furthest)
                    left = len(shifts) - at
                    self.warned[code] += left
                    next(itertools.islice(self._order, left - 1, None))
                    reach = max(start, end) + shifts[-1]
                    if reach > fold[2]:
                        self.folded[code] = (fold[0], fold[1], reach)
                    return
            self.warn(code, start + shift, end + shift, message)
            listed = self.listed.get(code)

    def _fold(self, code: str, rank: int, start: int, end: int) -> None:
        fold = self.folded.get(code)
        if fold is None:
            self.folded[code] = (rank, start, end)
        elif rank < fold[0]:
            self.folded[code] = (rank, start, max(end, fold[2]))
        elif end > fold[2]:
            self.folded[code] = (fold[0], fold[1], end)

    def settled_issues(self) -> list[ImportIssue]:
        """The warnings in the reading order, each code's fold written as one warning saying how many it stands for."""
        ranked = [item for listed in self.listed.values() for item in listed]
        for code, (rank, start, end) in self.folded.items():
            more = self.warned[code] - FOLD_AFTER
            line, column = self.lines.line_column(start)
            last = self.lines.line_column(end)[0]
            text = (
                f"and {more} more {code} warning{'s' if more != 1 else ''} like those above, up to line {last}, "
                f"not listed one by one (past {FOLD_AFTER} of a kind)"
            )
            ranked.append((rank, ImportIssue(code, text, Span(start, end), line, column, folded=more)))
        ranked.sort(key=lambda item: item[0])
        return [*self.issues, *(issue for _, issue in ranked)]

    def structure_spans(self) -> tuple[Span, ...]:
        """The spans read as structure, in order, each once.

        The marks are kept as numbers until now; each is a span :meth:`mark` checked (it ends
        after it starts), so when no start is negative the spans are made without checking
        them again, which is most of their cost.
        """
        marks = self.structure
        if not marks:
            return ()
        starts = marks[0::2]
        if min(starts) < 0:
            return tuple(Span(start, end) for start, end in sorted(set(_pairs(marks))))
        if all(map(operator.lt, starts, itertools.islice(starts, 1, None))):
            # each start after the one before (the usual): in order, none twice, so the spans are made
            # a pass at a time in C (an empty span each, then its start, then its end), no call a span
            made: list[Span] = list(map(_new, itertools.repeat(Span, len(starts))))
            del starts
            collections.deque(map(_set, made, itertools.repeat("start"), marks[0::2]), maxlen=0)
            collections.deque(map(_set, made, itertools.repeat("end"), marks[1::2]), maxlen=0)
            return tuple(made)
        del starts
        spans: list[Span] = []
        add = spans.append
        last_start = last_end = -1
        for start, end in _pairs(marks):  # read in place: a copy of the marks would be a span's worth of them
            if start == last_start and end == last_end:
                continue
            if start < last_start or (start == last_start and end < last_end):
                # marked out of order: sorted (the text's order is usual)
                return tuple(trusted_span(*pair) for pair in sorted(set(_pairs(marks))))
            span = _new(Span)  # trusted_span, in line
            _set(span, "start", start)
            _set(span, "end", end)
            add(span)
            last_start, last_end = start, end
        return tuple(spans)

    def mark(self, start: int, end: int) -> None:
        """Note ``text[start:end]`` as read for structure (a label, a list marker, a pattern's literal words)."""
        if end > start:
            self.structure.append(start)
            self.structure.append(end)

    def prov(self, start: int, end: int, field: str | None = None) -> Provenance:
        """Provenance quoting ``text[start:end]``."""
        return Provenance(self.source, Span(start, end), self.text[start:end], field, self.method)

    def value(self, start: int, end: int) -> str:
        """The record value of a passage: its text with white space made single.

        A PDF's running header or footer with a page counter ("NORDVIK IGF  Page
        3 of 9") that stands on a line of its own inside the passage is left out
        of the value; the evidence span still covers it.
        """
        passage = self.text[start:end]
        if "\n" in passage and _PAGE_LINE.search(passage):
            passage = _PAGE_LINE.sub("\n", passage)
        return collapse(passage)

    def tag(self, value: str) -> tuple[str, ...]:
        """The topics a value is about."""
        return self.taxonomy.tag(value[:_TAG_LIMIT])

    def quote(self, start: int, end: int, limit: int = 60) -> str:
        """A short quotation of a passage, for messages."""
        value = collapse(self.text[start : min(end, start + limit * 4)])
        return value if len(value) <= limit else value[: limit - 1] + "\u2026"

    def quoting(self, before: str, start: int, end: int) -> Callable[[], str]:
        """A warning's message, made when asked: *before* and :meth:`quote` of the passage in quotes."""
        return lambda: f"{before}{self.quote(start, end)!r}"

    def heading_text(self, heading: tuple[int, int] | None) -> str | None:
        """A heading's words as a value (None for no heading)."""
        if heading is None:
            return None
        return collapse(self.text[heading[0] : heading[1]]) or None

    def section(
        self,
        heading: tuple[int, int] | None,
        spans: list[tuple[int, int]],
        *,
        code: str | None = "unmapped",
        why: str = "no field of the template holds this text",
        draft: Draft | None = None,
    ) -> None:
        """Keep text no field holds as a section under its heading, with a warning."""
        spans = [(start, end) for start, end in spans if end > start]
        if heading is None and not spans:
            return
        name = self.heading_text(heading)
        text = "\n\n".join(self.value(start, end) for start, end in spans)
        provenance: list[Provenance] = []
        if heading is not None:
            provenance.append(self.prov(heading[0], heading[1], "heading"))
        provenance.extend(self.prov(start, end, "text") for start, end in spans)
        (draft or self.draft).sections.append(Section(name, text, tuple(provenance)))
        if code is not None:
            whole = [*spans, *([heading] if heading is not None else [])]
            first = min(start for start, _ in whole)
            last = max(end for _, end in whole)
            label = f" under {name!r}" if name else ""
            self.warn(code, first, last, lambda: f"{why}; kept as a section{label}: {self.quote(first, last)!r}")

    def duplicate(self, draft: Draft, kind: str, start: int, end: int) -> bool:
        """Whether the passage repeats, word for word, one already read as *kind* (and note it if not)."""
        key = (kind, fold_text(self.text[start:end]))
        if key in draft.seen:
            self.warn(
                "duplicate-value",
                start,
                end,
                lambda: f"repeats an earlier {kind} word for word: {self.quote(start, end)!r}",
            )
            return True
        draft.seen.add(key)
        return False
