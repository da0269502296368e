"""Unicode edge cases survive every reader and writer unchanged, or fail with a clear error.

Astral characters, right-to-left text and bidi controls, combining marks (never
normalised: a decomposed "é" stays decomposed), zero-width joiners, U+2028 inside a
JSON Lines record, non-characters and an escaped NUL all round-trip exactly through
``dumps``/``loads``, ``dump``/``load`` and ``write_jsonl``/``iter_jsonl``. A lone
surrogate is not Unicode text and cannot be written as UTF-8: writers refuse it with
a ``SerializationError`` and readers with a ``ValidationError``, both naming its path.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import (
    Provenance,
    Session,
    SourceDocument,
    ValidationError,
    check,
    dump,
    dumps,
    iter_jsonl,
    load,
    loads,
    write_jsonl,
)
from govrecords.errors import SerializationError

EDGE_CASES = {
    "astral": "\U0001d518\U0001d52b\U0001d526 \U0001f600 \U00020000 \U0001f1ee\U0001f1e9",
    "right-to-left": "منتدى حوكمة الإنترنت \u200f פורום ממשל האינטרנט",
    "bidi controls": "abc\u202edcba\u202c and \u2066isolated\u2069",
    "combining marks": "Cooperacio\u0301n, Z\u0351\u0358a\u0361l\u0362g\u0327o",
    "precomposed and decomposed": "\u00e9 e\u0301",
    "zero-width joiner": "👩\u200d💻 and \u200b zero width",
    "line separators": "one\u2028two\u2029three\x85four",
    "non-characters": "\ufffe\uffff\U0010ffff",
    "byte order mark inside": "before\ufeffafter",
    "escaped NUL": "nul\x00inside",
    "control characters": "tab\tnewline\ncarriage\rbell\x07",
}


@pytest.mark.parametrize("text", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_edge_case_round_trips_exactly(text: str, tmp_path: Path) -> None:
    """The text comes back code point for code point through every reader and writer."""
    session = Session("s", text, summary=text, notes=text)
    assert loads(dumps(session)) == session
    assert loads(dumps(session).encode("utf-8")) == session
    dump(session, tmp_path / "s.json")
    assert load(tmp_path / "s.json") == session
    write_jsonl([session, session], tmp_path / "s.jsonl")
    assert list(iter_jsonl(tmp_path / "s.jsonl")) == [session, session]
    assert list(iter_jsonl(io.StringIO(dumps(session, indent=None) + "\n"))) == [session]
    assert loads(dumps(session)).title.encode("utf-8") == text.encode("utf-8")


def test_spans_count_code_points_in_astral_text() -> None:
    """Spans over text with astral characters and combining marks hold their quotes, by check()."""
    text = "😀 Bali 2013: Cooperacio\u0301n — منتدى"
    source = SourceDocument.from_text("doc", text)
    provenance = (Provenance.of("doc", text, "Cooperacio\u0301n", field="title"), Provenance.of("doc", text, "منتدى"))
    session = Session("s", "Cooperacio\u0301n", provenance=provenance)
    assert check(source, session, sources={"doc": text}) == []
    assert check(loads(dumps(source)), loads(dumps(session)), sources={"doc": text}) == []


def test_writers_refuse_a_lone_surrogate_naming_its_path(tmp_path: Path) -> None:
    """dumps, dump and write_jsonl refuse a lone surrogate with its path, and write nothing."""
    session = Session("s", "ok", notes="half of a pair: \ud83d")
    with pytest.raises(SerializationError, match=r"\$\.record\.notes: .*lone surrogate"):
        dumps(session)
    with pytest.raises(SerializationError, match=r"\$\.record\.notes"):
        dump(session, tmp_path / "s.json")
    with pytest.raises(SerializationError, match=r"\$\.record\.notes"):
        write_jsonl([session], tmp_path / "s.jsonl")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ('{"format_version": 3, "type": "session", "record": {"id": "s", "title": "\\udc00"}}', "$.record.title"),
        ('{"format_version": 3, "type": "session", "record": {"id": "s", "title": "\\ud83d x"}}', "$.record.title"),
        ('{"format_version": 3, "type": "session", "record": {"id": "s", "title": "t", "\\ud800": 1}}', "$.record"),
        ('{"format_version": 3, "type": "session", "record": {"id": "s", "title": "\ud800"}}', "$.record.title"),
    ],
    ids=["escaped low", "escaped high", "in a key", "raw in a str"],
)
def test_readers_refuse_a_lone_surrogate_naming_its_path(text: str, path: str) -> None:
    """A lone surrogate, escaped or raw, in a value or a key, is a ValidationError at its path."""
    with pytest.raises(ValidationError) as caught:
        loads(text)
    assert any(p.path == path and "lone surrogate" in p.message for p in caught.value.problems)


def test_an_escaped_surrogate_pair_is_one_astral_character() -> None:
    """A valid surrogate pair escape decodes to the character it encodes."""
    text = '{"format_version": 3, "type": "session", "record": {"id": "s", "title": "\\ud83d\\ude00"}}'
    assert loads(text).title == "😀"


@settings(max_examples=200)
@given(st.text())
def test_any_unicode_text_round_trips(text: str) -> None:
    """Any text of Unicode scalar values round-trips exactly, as a title and as a summary."""
    session = Session("s", text if text.strip() else f"t{text}", summary=text)
    assert loads(dumps(session)) == session
    assert loads(dumps(session, indent=None).encode("utf-8")) == session


@settings(max_examples=200)
@given(st.text(st.characters(codec=None, categories=("Cs", "Lo", "So", "Mn", "Zs", "Cc"))))
def test_any_text_round_trips_or_fails_clearly(text: str) -> None:
    """Text that may hold surrogates either round-trips or is refused with its path; nothing else."""
    session = Session("s", "t", notes=text)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        with pytest.raises(SerializationError, match=r"\$\.record\.notes"):
            dumps(session)
    else:
        written = dumps(session)
        assert loads(written) == session
        assert json.loads(written)["record"].get("notes", "") == text
