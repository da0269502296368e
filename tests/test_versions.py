"""Tests for govrecords.versions: two versions of one document, block by block."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords.versions import EditKind, blocks_of, compare_versions

_words = st.lists(st.sampled_from(["access", "data", "forum", "should", "the", "open", "youth", "rights"]), min_size=3)
_paragraphs = st.lists(_words.map(lambda words: " ".join(words).capitalize() + "."), min_size=1, max_size=6)


def _text(paragraphs: list[str]) -> str:
    return "\n\n".join(f"{number}. {body}" for number, body in enumerate(paragraphs, start=1))


@given(_paragraphs)
@settings(max_examples=60, deadline=None)
def test_a_version_against_itself_is_unchanged(paragraphs: list[str]) -> None:
    """Comparing a text with itself reports every block unchanged."""
    text = _text(paragraphs)
    report = compare_versions(text, text)
    assert {edit.kind for edit in report.edits} == {EditKind.UNCHANGED}
    assert report.recommendations == ()


@given(_paragraphs, _paragraphs)
@settings(max_examples=60, deadline=None)
def test_every_block_is_in_exactly_one_edit(first: list[str], second: list[str]) -> None:
    """Each block of either version appears in exactly one edit, and its span holds its text."""
    before, after = _text(first), _text(second)
    report = compare_versions(before, after)
    olds = [edit.before for edit in report.edits if edit.before is not None]
    news = [edit.after for edit in report.edits if edit.after is not None]
    assert sorted(block.span.start for block in olds) == [block.span.start for block in blocks_of(before)]
    assert [block.span.start for block in news] == [block.span.start for block in blocks_of(after)]
    for block in olds:
        assert before[block.span.start : block.span.end] == block.text
    for block in news:
        assert after[block.span.start : block.span.end] == block.text


def test_moved_reworded_added_removed_and_renumbered() -> None:
    """A paragraph moved, one reworded, one added, one removed; numbers alone do not make an edit."""
    before = "Scope\n\n1. Open data helps small cities.\n\n2. Youth should take part.\n\n3. Old point to drop."
    after = "Scope\n\n1. Youth should take part.\n\n2. Open data helps small towns.\n\n3. A new point appears here."
    report = compare_versions(before, after)
    kinds = [(edit.kind, edit.after.text if edit.after else None) for edit in report.edits]
    assert (EditKind.ADDED, "3. A new point appears here.") in kinds
    assert any(kind is EditKind.REMOVED for kind, _ in kinds)
    moved = [edit for edit in report.edits if edit.kind is EditKind.MOVED]
    assert len(moved) == 1
    youth = next(e for e in report.edits if e.after is not None and "Youth" in e.after.text)
    assert youth.renumbered
    assert not youth.reworded
    cities = next(e for e in report.edits if e.after is not None and "towns" in e.after.text)
    assert cities.reworded
    assert cities.added_words == ("towns",)
    assert cities.removed_words == ("cities",)
    assert "before" in cities.words()
    assert "after" in cities.words()
