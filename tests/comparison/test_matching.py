"""Recommendation matching: words, similarity, the kinds of match, thresholds, and its guarantees.

Checks the word sets and the Jaccard similarity, each kind of match (repeated,
reworded with the words that differ, merged, split, regrouped, new, dropped) on
hand-built recommendations, the explanations, and under Hypothesis: every
recommendation lands in exactly one match, every link clears the threshold, the
candidate index finds exactly the pairs a brute-force scan finds, and matching B with
A mirrors matching A with B.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from comparison_strategies import WORDS
from govrecords import Force, ValidationError
from govrecords.comparison import MatchKind, RecommendationLink, RecommendationRef, RecordKind, RecordRef
from govrecords.comparison.matching import match_recommendations, mirror_match
from govrecords.comparison.sentences import match_explanation
from govrecords.comparison.similarity import STOPWORDS, words
from govrecords.comparison.similarity import candidate_pairs as _candidates

SESSION = RecordRef(RecordKind.SESSION, "s", "S", "f")


def _ref(
    text: str, number: str | None = None, record: RecordRef = SESSION, force: Force | None = None
) -> RecommendationRef:
    return RecommendationRef(record, text, number, force=force)


def test_words_fold_case_hyphens_and_stop_words() -> None:
    """Words are lower-cased, hyphens dropped, punctuation and stop words left out."""
    assert words("The Multi-Stakeholder model, and THE IGF!") == {"multistakeholder", "model", "igf"}
    assert words("to the and of") == frozenset()
    assert "the" in STOPWORDS


def test_repeated() -> None:
    """The same words, in any order and case, are repeated at 100%."""
    (match,) = match_recommendations([_ref("Continue the IGF platform.")], [_ref("continue IGF, the platform")])
    assert match.kind is MatchKind.REPEATED
    (link,) = match.links
    assert (link.shared, link.union, link.similarity) == (3, 3, 1.0)
    assert match_explanation(match).startswith("repeated: 3 of 3 words shared (100%")


def test_reworded_names_the_words_that_differ() -> None:
    """Similar words are reworded, with the share, the added and the removed words."""
    before = _ref("Governments should publish data protection impact assessments", "2)", force=Force.RECOMMEND)
    after = _ref("Governments should publish privacy impact assessments", "2)", force=Force.URGE)
    (match,) = match_recommendations([before], [after])
    assert match.kind is MatchKind.REWORDED
    (link,) = match.links
    assert (link.added, link.removed) == (("privacy",), ("data", "protection"))
    assert link.fraction == Fraction(4, 7)
    text = match_explanation(match)
    assert "4 of 7 words shared (57%" in text
    assert "added: privacy" in text
    assert "removed: data, protection" in text
    assert "force: recommend before, urge after" in text


def test_thresholds_decide() -> None:
    """The same pair is reworded, repeated or unmatched as the thresholds move."""
    before, after = [_ref("alpha beta gamma delta")], [_ref("alpha beta gamma epsilon")]  # 3 of 5 words
    assert match_recommendations(before, after)[0].kind is MatchKind.REWORDED
    assert match_recommendations(before, after, repeated_at=60)[0].kind is MatchKind.REPEATED
    kinds = {m.kind for m in match_recommendations(before, after, reworded_at=61, repeated_at=90)}
    assert kinds == {MatchKind.NEW, MatchKind.DROPPED}


def test_split_and_merged() -> None:
    """One before mapped to two after is split; the other way round it is merged."""
    whole = _ref("Strengthen national CERTs and share incident data across borders.", "3)")
    parts = [
        _ref("Strengthen national CERTs and share incident data.", "3)"),
        _ref("Share incident data across borders through national CERTs.", "4)"),
    ]
    (split,) = match_recommendations([whole], parts)
    assert split.kind is MatchKind.SPLIT
    assert len(split.after) == 2
    assert {(link.shared, link.union) for link in split.links} == {(6, 8), (7, 8)}
    assert "one recommendation before maps to 2 after" in match_explanation(split)
    (merged,) = match_recommendations(parts, [whole])
    assert merged.kind is MatchKind.MERGED
    assert merged == mirror_match(split)
    assert "2 recommendations before map to one after" in match_explanation(merged)


def test_regrouped() -> None:
    """Two before and two after, one of each left over and joining the other pair, are regrouped."""
    core = "pear quince rose sage"
    before = [_ref(core), _ref(f"{core} tulip thyme")]
    after = [_ref(core), _ref(f"{core} violet vine")]
    # The two cores pair at 100%; each left-over shares 4 of 6 words with the other side's
    # core (67%) but only 4 of 8 with the other left-over (50%, below the threshold).
    (match,) = match_recommendations(before, after, reworded_at=60)
    assert match.kind is MatchKind.REGROUPED
    assert "2 recommendations before map to 2 after" in match_explanation(match)


def test_new_and_dropped_explain_an_empty_side() -> None:
    """With nothing on the other side, the explanation says so, and why for an announcement."""
    (dropped,) = match_recommendations([_ref("fund community networks")], [])
    assert dropped.kind is MatchKind.DROPPED
    assert match_explanation(dropped) == "dropped: no recommendation after shares 50% of its words"
    text = match_explanation(dropped, other_side_empty=True, other_side_announcements=True)
    assert (
        text
        == "dropped: the after side records no recommendations (it holds only workshop announcements, which make none)"
    )
    (new,) = match_recommendations([], [_ref("create a youth track")])
    assert match_explanation(new, other_side_empty=True) == "new: the before side records no recommendations"


def test_texts_without_words() -> None:
    """Recommendations made only of stop words match when their text is the same, and only then."""
    (match,) = match_recommendations([_ref("To the")], [_ref("to THE")])
    assert match.kind is MatchKind.REPEATED
    assert match.links[0].union == 0
    assert "100% (the same text)" in match_explanation(match)
    kinds = {m.kind for m in match_recommendations([_ref("to the")], [_ref("and of")])}
    assert kinds == {MatchKind.NEW, MatchKind.DROPPED}


@pytest.mark.parametrize(("repeated_at", "reworded_at"), [(0, 0), (101, 50), (50, 60), (True, 50)])
def test_bad_thresholds(repeated_at: int, reworded_at: int) -> None:
    """Thresholds must be whole percentages, reworded_at at most repeated_at."""
    with pytest.raises(ValidationError):
        match_recommendations([], [], repeated_at=repeated_at, reworded_at=reworded_at)


def test_links_validate() -> None:
    """Link counts are whole numbers."""
    with pytest.raises(ValueError, match="whole number"):
        RecommendationLink(0, 0, -1, 2)


# ---------------------------------------------------------------------------
# Properties.

texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
records = st.sampled_from([SESSION, RecordRef(RecordKind.SESSION, "t", "T")])
refs = st.builds(_ref, texts, st.none() | st.sampled_from(["1)", "2)"]), records)
sides = st.lists(refs, max_size=6)
thresholds = st.tuples(st.integers(1, 100), st.integers(1, 100)).map(sorted)


@given(sides, sides, thresholds)
@settings(max_examples=150)
def test_every_recommendation_in_exactly_one_match(
    before: list[RecommendationRef], after: list[RecommendationRef], bounds: list[int]
) -> None:
    """Matches partition both sides; links clear reworded_at; repeated clears repeated_at."""
    reworded_at, repeated_at = bounds
    matches = match_recommendations(before, after, repeated_at=repeated_at, reworded_at=reworded_at)
    assert sorted(ref.key() for m in matches for ref in m.before) == sorted(ref.key() for ref in before)
    assert sorted(ref.key() for m in matches for ref in m.after) == sorted(ref.key() for ref in after)
    for match in matches:
        assert all(link.fraction * 100 >= reworded_at for link in match.links)
        if match.kind is MatchKind.REPEATED:
            assert match.links[0].fraction * 100 >= repeated_at
        if match.kind is MatchKind.REWORDED:
            assert match.links[0].fraction * 100 < repeated_at
        assert (len(match.links) == 0) == (match.kind in (MatchKind.NEW, MatchKind.DROPPED))


@given(sides, sides, thresholds)
@settings(max_examples=150)
def test_mirror(before: list[RecommendationRef], after: list[RecommendationRef], bounds: list[int]) -> None:
    """Matching B with A is matching A with B seen from the other side."""
    reworded_at, repeated_at = bounds
    forward = match_recommendations(before, after, repeated_at=repeated_at, reworded_at=reworded_at)
    backward = match_recommendations(after, before, repeated_at=repeated_at, reworded_at=reworded_at)
    assert sorted(map(mirror_match, forward), key=lambda m: m.key()) == list(backward)


@given(
    st.lists(st.frozensets(st.sampled_from(WORDS)), max_size=8),
    st.lists(st.frozensets(st.sampled_from(WORDS)), max_size=8),
    st.integers(1, 100),
)
@settings(max_examples=200)
def test_index_finds_exactly_the_pairs_a_full_scan_finds(
    left: list[frozenset[str]], right: list[frozenset[str]], at: int
) -> None:
    """Prefix filtering loses no pair: the index yields every pair at or above the threshold, and no other."""
    left_text = [" ".join(sorted(s)) for s in left]
    right_text = [" ".join(sorted(s)) for s in right]
    pairs, limited_left, limited_right = _candidates(left, right, left_text, right_text, at)
    assert not any(limited_left)  # no word here is in 100 recommendations
    assert not any(limited_right)
    found = {(p.before, p.after) for p in pairs if left[p.before] != right[p.after]}
    expected = {
        (i, j)
        for i, a in enumerate(left)
        for j, b in enumerate(right)
        if a != b and len(a & b) * 100 >= at * len(a | b)
    }
    assert found == expected
    # Identical sets are paired directly: every one with a twin is paired, in as many
    # pairs as the larger group has members (not one pair per combination).
    for word_set in set(left) & set(right):
        twins = [p for p in pairs if left[p.before] == word_set == right[p.after]]
        assert len(twins) == max(left.count(word_set), right.count(word_set))
        assert {p.before for p in twins} == {i for i, s in enumerate(left) if s == word_set}
        assert {p.after for p in twins} == {j for j, s in enumerate(right) if s == word_set}


@given(
    st.lists(st.frozensets(st.sampled_from(WORDS), max_size=9), max_size=10),
    st.lists(st.frozensets(st.sampled_from(WORDS), max_size=9), max_size=10),
    st.integers(1, 100),
    st.integers(1, 6),
    st.sampled_from((1, 2, 3, 5, 64)),
)
# Words sharing a signature bit: a signature is the union of its words' bits, each counted once.
@example([frozenset({"igf"})], [frozenset({"igf", "dialog"})], 50, 6, 1)
@example([frozenset({"dialog", "igf"})], [frozenset({"privacy"}), frozenset({"igf", "stakeholders"})], 15, 6, 3)
@settings(max_examples=300)
def test_index_with_common_words_left_out_finds_the_pairs_its_rule_promises(
    left: list[frozenset[str]], right: list[frozenset[str]], at: int, limit: int, bits: int
) -> None:
    """With words over the index limit left out, the search finds exactly the pairs at or
    above the threshold whose rarest words (the prefix of each set) share a word under the
    limit: the size, positional and signature filters drop only pairs that cannot reach the
    threshold, however few bits the signatures have (with few, many words share a bit)."""
    frequency: Counter[str] = Counter(word for word_set in (*left, *right) for word in word_set)

    def prefix(word_set: frozenset[str]) -> list[str]:
        ordered = sorted(word_set, key=lambda word: (frequency[word], word))
        return ordered[: len(ordered) - (-(-at * len(ordered) // 100)) + 1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("govrecords.comparison.similarity.INDEX_LIMIT", limit)
        patch.setattr("govrecords.comparison.similarity._SIGNATURE_BITS", bits)
        pairs, limited_left, limited_right = _candidates(left, right, [""] * len(left), [""] * len(right), at)
    found = {(p.before, p.after) for p in pairs if left[p.before] != right[p.after]}
    expected = {
        (i, j)
        for i, a in enumerate(left)
        for j, b in enumerate(right)
        if a != b
        and len(a & b) * 100 >= at * len(a | b)
        and any(frequency[word] <= limit for word in set(prefix(a)) & set(prefix(b)))
    }
    assert found == expected
    assert limited_left == [any(frequency[word] > limit for word in prefix(a)) for a in left]
    assert limited_right == [any(frequency[word] > limit for word in prefix(b)) for b in right]


def test_common_words_are_not_searched_and_say_so(monkeypatch: pytest.MonkeyPatch) -> None:
    """Words in more recommendations than INDEX_LIMIT are not searched on; what is then left
    unmatched says so, and identical recommendations still pair however common their words."""
    monkeypatch.setattr("govrecords.comparison.similarity.INDEX_LIMIT", 2)
    before = [_ref("internet governance forum"), _ref("internet governance dialogue"), _ref("youth track")]
    after = [_ref("internet governance forum"), _ref("internet governance model"), _ref("youth track")]
    matches = match_recommendations(before, after)
    kinds = sorted((m.kind.value, m.search_limited) for m in matches)
    # "internet governance dialogue" and "... model" share 2 of 4 words (50%), but only through
    # words in 4 recommendations: not searched on, so reported dropped and new, flagged.
    assert kinds == [("dropped", True), ("new", True), ("repeated", False), ("repeated", False)]
    dropped = next(m for m in matches if m.kind is MatchKind.DROPPED)
    assert "were not searched on" in match_explanation(dropped)
    assert mirror_match(dropped).search_limited
