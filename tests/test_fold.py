"""Tests for govrecords._fold: the one lookup fold and its word-level variants.

The lookup fold has three forms (with offsets, without, and without spaces) that
must agree on every text; vocabulary's ``normalise_wording`` is that fold; the
word variants differ from each other only where their docstrings say.
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govrecords._fold import (
    BLANKS,
    fold,
    fold_text,
    fold_tight,
    joined_words,
    title_words,
    topic_word,
    topic_words,
    without_accents,
)
from govrecords.vocabulary import normalise_wording

# Text rich in what the fold changes: capitals, curly quotes, dashes, blanks, invisible characters.
_SPECIAL = "Aa\u00c9\u00e9 -\u2010\u2013\u2014\u2019\u201c\u00a0\u00ad\u200b\ufeff\t\n:\uff1a"
texts = st.text(st.sampled_from(_SPECIAL) | st.characters(codec="utf-8"), max_size=40)


@given(texts)
def test_the_three_forms_of_the_lookup_fold_agree(text: str) -> None:
    """``fold`` (with offsets), ``fold_text`` and ``fold_tight`` fold every text alike."""
    folded, offsets = fold(text, 0, len(text))
    assert folded == fold_text(text)
    assert fold(text, 0, len(text), spaces=False)[0] == fold_tight(text) == fold_text(text).replace(" ", "")
    assert len(offsets) == len(folded) + 1
    assert offsets == sorted(offsets)


@given(texts)
def test_the_fold_is_idempotent_and_leaves_no_blank_runs(text: str) -> None:
    """Folding twice changes nothing; no folded text starts, ends or doubles a space."""
    once = fold_text(text)
    assert fold_text(once) == once
    assert once == once.strip(" ")
    assert "  " not in once
    assert not any(char in BLANKS and char != " " for char in once)


@given(texts)
def test_vocabulary_looks_wording_up_with_the_same_fold(text: str) -> None:
    """``normalise_wording`` is the lookup fold, not a copy of it."""
    assert normalise_wording(text) == fold_text(text)


def test_the_fold_keeps_accents_and_makes_quotes_and_dashes_plain() -> None:
    """Accents are kept (a different word to a reader); curly quotes and dashes become plain."""
    assert fold_text("Communiqu\u00e9 \u2013 Women\u2019s\u00a0 IGF") == "communiqu\u00e9 - women's igf"
    assert without_accents(fold_text("Communiqu\u00e9")) == "communique"


@given(texts)
def test_joined_words_differ_from_title_words_only_at_hyphens(text: str) -> None:
    """Matching joins a hyphenated word where a title splits it; otherwise the words are the same."""
    assert joined_words(text) == title_words(text.replace("-", ""))


def test_the_word_variants_on_one_title() -> None:
    """The same wording, read by each variant."""
    text = "Multi-stakeholder Organisations"
    assert title_words(text) == ["multi", "stakeholder", "organisations"]
    assert joined_words(text) == ["multistakeholder", "organisations"]
    assert topic_words(text) == ("multistakeholder", "organization")
    assert topic_word("Centres") == topic_word("center") == "center"
