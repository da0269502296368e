"""Properties of the importers over generated and adversarial texts.

* Never an unexpected exception: any text gives records with warnings, or
  ImportFailedError with a line and column (10 000 generated texts).
* Provenance: every span slices the text to exactly its quote; nothing non-blank
  is left uncovered by a field, a section, a warning or structure.
* Warnings name the right line and column.
* Line ends and byte order marks change spans, never values.
* Linear work: adversarial inputs of up to 1 MB finish (a hang would time the suite
  out), and the number of function calls grows in proportion to the input.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Callable
from types import FrameType
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from govrecords import importers
from govrecords.errors import ImportFailedError
from govrecords.importers import ImportResult
from govrecords.provenance import Provenance

FRAGMENTS = (
    "Session Name:",
    "Moderator:",
    "Kuo-Wei Wu",
    "Summary of Presentations",
    "Title:",
    "Summary :",
    "Issues which reached a common view :",
    "Issues where opinions varied:",
    "We strongly suggest :",
    "1)",
    "2) ",
    "a.",
    "* ",
    "*",
    "\u2022 ",
    "- ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u00a0",
    "\u00ad",
    "\ufeff",
    "\x00",
    ":",
    "(",
    ")",
    "?",
    "#",
    "...",
    "IGF 2018 WS #436 ",
    "Round Table - 90 Min",
    "Speaker 1: Jane Roe, Civil Society, WEOG",
    "Organizer 2:",
    "Policy Question(s):",
    "24 October 2013 - A Workshop on X in Bali, Indonesia",
    "this workshop will be a panel discussion",
    "Recalling",
    "We, the participants",
    "Agree that:",
    "1) Elect to: a) x",
    "Theme:",
    "Calls for action:",
    "rough consensus",
    "Agreement: Medium",
    "Date: 7 November 2012",
    "Time: 15.00 - 18.00",
    "First name: A",
    "Last name: B",
    "Proponent",
    "a. Ms./Mr.: Ms.",
    "20 June 2023 | 17:00 | Room | Video recording",
    "Key Participants",
    "Messages",
    "N/A",
    "[Insert text]",
    "will be reported to the IGF Baku.",
    "Heading:",
    "Ms. Name, Title, Org, Country",
    "x",
    "  ",
    "\u201cquoted\u201d",
)
TEMPLATES = [None, *(template.name for template in importers.templates())]


CHARACTERS = "aZ :.;,()*#\n\r\t\u00a0\u00ad\ufeff\x00\u2022\u201c\u00e9\u4e2d-1?"


def _from_bytes(data: bytes) -> str:
    """A text from bytes: below 128 a fragment of a real form, below 240 a tricky character,
    else the next two bytes as any code point of the basic plane (lone surrogates included)."""
    out: list[str] = []
    index = 0
    while index < len(data):
        byte = data[index]
        if byte < 128:
            out.append(FRAGMENTS[byte % len(FRAGMENTS)])
        elif byte < 240 or index + 2 >= len(data):
            out.append(CHARACTERS[byte % len(CHARACTERS)])
        else:
            out.append(chr(data[index + 1] << 8 | data[index + 2]))
            index += 2
        index += 1
    return "".join(out)


def texts() -> st.SearchStrategy[str]:
    """Texts built from one draw of bytes: cheap to generate (10 000 fit in the normal run), and they shrink."""
    return st.binary(max_size=24).map(_from_bytes)


def _check(text: str, result: ImportResult) -> None:
    for prov in result.provenance():
        assert isinstance(prov, Provenance)
        if prov.span is not None:
            assert text[prov.span.start : prov.span.end] == prov.quote
    for issue in result.warnings:
        assert 0 <= issue.span.start <= issue.span.end <= len(text)
    assert result.uncovered() == []
    assert 0.0 <= result.confidence <= 1.0
    assert result.records


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts(), st.sampled_from(TEMPLATES))
@example("Session Name:Session Name:\nSession Name:", "igf-2015-workshop-proposal")  # a label split off mid-line
@example("- - IGF 2018 WS #436 ", None)  # a title trimmed to nothing (its forum year and id): the first line is used
def test_any_text_imports_or_fails_cleanly(text: str, template: str | None) -> None:
    """Any text gives records whose spans slice their quotes and cover it, or ImportFailedError with a place."""
    try:
        result = importers.import_text(text, template=template, source_id="generated")
    except ImportFailedError as error:
        place = (error.line, error.column)
    else:
        _check(text, result)
        return
    assert None not in place


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=120))
def test_any_unicode_text_imports_or_fails_cleanly(text: str) -> None:
    """Arbitrary Unicode text (astral characters too) imports, or fails with a place."""
    try:
        result = importers.import_text(text, source_id="generated")
    except ImportFailedError as error:
        place = (error.line, error.column)
    else:
        _check(text, result)
        return
    assert None not in place


def _line_column(text: str, offset: int) -> tuple[int, int]:
    breaks = list(re.finditer(r"\r\n|\r|\n", text[:offset]))
    start = breaks[-1].end() if breaks else 0
    return len(breaks) + 1, offset - start + 1


@settings(max_examples=300, deadline=None)
@given(texts())
def test_warnings_name_their_line_and_column(text: str) -> None:
    """Each warning's line and column are those of the first character of its span."""
    try:
        result = importers.import_text(text, source_id="generated")
    except ImportFailedError:
        return
    for issue in result.warnings:
        assert (issue.line, issue.column) == _line_column(text, issue.span.start)


def _values(result: ImportResult) -> Any:
    """The records without their provenance, and the warning codes: what a change of line ends must not touch."""

    def strip(value: Any) -> Any:
        if isinstance(value, tuple):
            return tuple(strip(item) for item in value if not isinstance(item, Provenance))
        if attrs.has(type(value)):
            return {f.name: strip(getattr(value, f.name)) for f in attrs.fields(type(value)) if f.name != "provenance"}
        return value

    forum = attrs.evolve(result.forum, sources=())
    codes = [issue.code for issue in result.warnings if issue.code != "control-characters"]
    return strip(forum), codes, result.template


@settings(max_examples=300, deadline=None)
@given(texts().map(lambda text: text.replace("\r", "").replace("\ufeff", "")))
@example("*\n\n\tthis workshop will be a panel discussion")  # a BOM before a bullet was counted as indentation
@example(  # a BOM before a line's "[" hid that the date on it is a bracketed note's
    "[Insert text]Session Name:Speaker 1: Jane Roe, Civil Society, WEOG124 October 2013 - "
    "A Workshop on X in Bali, Indonesia"
)
def test_line_ends_and_byte_order_marks_change_spans_not_values(text: str) -> None:
    """A text with CRLF line ends, or a byte order mark, imports to the same values as with LF."""
    try:
        plain = importers.import_text(text, source_id="s")
    except ImportFailedError:
        return
    crlf = importers.import_text(text.replace("\n", "\r\n"), source_id="s")
    bom = importers.import_text("\ufeff" + text, source_id="s")
    assert _values(crlf) == _values(plain)
    assert _values(bom) == _values(plain)
    _check(text.replace("\n", "\r\n"), crlf)


ONE_MB = 1_000_000
SINGLE_LINE = {
    "colons": ":" * ONE_MB,
    "numbering": "1)" * (ONE_MB // 2),
    "stars": "*" * ONE_MB,
    "parentheses": "(" * ONE_MB,
    "one long line": "a" * ONE_MB,
    "label then parentheses": "Title:" + "(" * ONE_MB,
    "words": "word " * (ONE_MB // 5),
    "non-breaking spaces": "\u00a0" * ONE_MB + "x",
    "soft hyphens": "\u00ad" * ONE_MB + "x",
    "blank lines": "\n" * ONE_MB + "x",
    "a label's number": "Speaker " + "1" * ONE_MB + ": x",
    "commas in a speaker line": "Speaker 1: " + "," * ONE_MB,
    "a consensus paragraph": "Discussion:\n" + "rough " * (ONE_MB // 6),
}
MANY_LINES = {
    "numbering lines": "1)\n",
    "bullet lines": "* x\n",
    "unknown headings": "Heading:\n",
    "labels": "Moderator: Jane Roe\n",
    "CRLF lines": "a\r\n",
    "speaker lines": "Speaker 1: A, Civil Society\n",
    "clauses": "Recalling the Tunis Agenda\n",
    "messages": "Theme\nSub-heading\n\u2022 a bullet\n",
    "duplicated sections": "Issues where opinions varied: the same\n\n",
}


@pytest.mark.parametrize("name", sorted(SINGLE_LINE))
def test_megabyte_single_shapes_finish(name: str) -> None:
    """A megabyte of one character or pattern imports (or fails cleanly) without backtracking blow-up."""
    text = SINGLE_LINE[name]
    result = importers.import_text(text, source_id="adversarial")
    assert result.records
    for prov in result.provenance():
        if prov.span is not None:
            assert text[prov.span.start : prov.span.end] == prov.quote


@pytest.mark.parametrize("name", sorted(MANY_LINES))
def test_many_line_shapes_finish(name: str) -> None:
    """64 KB of one short line repeated imports, detected and with the messages template (the costliest)."""
    text = MANY_LINES[name] * (64_000 // len(MANY_LINES[name]))
    for template in (None, "igf-messages"):
        result = importers.import_text(text, template=template, source_id="adversarial")
        assert result.records


def _calls(function: Callable[[], object]) -> int:
    count = 0

    def profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in ("call", "c_call"):
            count += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        function()
    finally:
        sys.setprofile(previous)
    return count


@pytest.mark.parametrize("name", sorted(MANY_LINES))
def test_work_grows_linearly(name: str) -> None:
    """Doubling the input at most doubles the function calls an import makes (plus a little fixed work)."""
    unit = MANY_LINES[name]
    small, large = unit * (4000 // len(unit)), unit * (8000 // len(unit))
    importers.import_text(unit, source_id="warm-up")  # loads templates and taxonomy before counting
    for template in (None, "igf-messages"):
        first = _calls(functools.partial(importers.import_text, small, template=template, source_id="s"))
        second = _calls(functools.partial(importers.import_text, large, template=template, source_id="s"))
        assert second <= 2.2 * first, (name, template, first, second)
