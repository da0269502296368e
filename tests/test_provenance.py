"""Provenance: spans, hashed source documents, and the check that spans slice to their quotes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govrecords.provenance import Method, MethodKind, Provenance, SourceDocument, Span, content_hash, verify


def test_span_validates() -> None:
    """Spans are non-negative and end no earlier than they start."""
    assert len(Span(3, 7)) == 4
    with pytest.raises(ValueError, match="before start"):
        Span(5, 4)
    with pytest.raises(ValueError, match="start must be a whole number"):
        Span(-1, 4)


def test_source_document_hash() -> None:
    """A source document fixes its text by SHA-256; a wrong hash is refused when built."""
    doc = SourceDocument.from_text("d", "hello", title="Hello")
    assert doc.sha256 == content_hash("hello")
    assert doc.matches("hello")
    assert not doc.matches("hello ")
    with pytest.raises(ValueError, match="64 lower-case hex"):
        SourceDocument("d", "abc")
    with pytest.raises(ValueError, match="id must be a non-empty string"):
        SourceDocument("", content_hash(""))


def test_provenance_of_finds_the_quote() -> None:
    """Provenance.of points at the quote, from a start offset; a missing quote is an error."""
    text = "one two one two"
    assert Provenance.of("d", text, "two", start=5).span == Span(12, 15)
    with pytest.raises(ValueError, match="quote not found"):
        Provenance.of("d", text, "three")
    assert Provenance("d").method == Method(MethodKind.BY_HAND)


@given(st.text(min_size=1), st.data())
def test_spans_of_found_quotes_verify(text: str, data: st.DataObject) -> None:
    """Any slice of a text, located with Provenance.of, verifies against that text."""
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    prov = Provenance.of("d", text, text[start:end])
    assert verify([prov], {"d": text}) == []


def test_verify_reports_each_mismatch() -> None:
    """verify names a missing source, a span outside the text, and a span that holds another passage."""
    text = "abcdef"
    problems = verify(
        [
            Provenance("d", Span(0, 3), "abc"),
            Provenance("d", Span(0, 3), "xyz"),
            Provenance("d", Span(4, 99), "ef"),
            Provenance("missing", Span(0, 1), "a"),
            Provenance("d"),
        ],
        {"d": text},
    )
    assert len(problems) == 3
    assert "does not hold" in problems[0]
    assert "outside" in problems[1]
    assert "not available" in problems[2]
