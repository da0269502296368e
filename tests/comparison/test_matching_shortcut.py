"""Matching settles identical pairs first and does not search between settled recommendations: the same matches.

``match_recommendations`` takes the pairs of identical word sets first and leaves out
of the search every pair whose two recommendations those pairs already took (see the
comment in :func:`~govrecords.comparison.matching.match_recommendations`). This file
keeps the matching as it was before that shortcut, word for word, as an oracle, and
holds the two to the same result under Hypothesis: the same matches, in the same
order, with the same links, kinds and flags. Sides are drawn from a tiny vocabulary
with many copies (within a side and across), so that identical sets, extras left over
from a group of copies, and pairs between settled and unsettled recommendations all
turn up; the index limit and the signature bits are lowered at random so that the
search's filters are exercised too. :func:`~govrecords.comparison.similarity.similar_pairs`
is held to the full search with the settled pairs taken out, for any settled positions.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from comparison_strategies import WORDS
from govrecords._fold import joined_words
from govrecords.comparison import MatchKind, RecommendationMatch, RecommendationRef, RecordKind, RecordRef, matching
from govrecords.comparison import similarity as sim
from govrecords.comparison.matching import match_recommendations
from govrecords.comparison.similarity import Pair, candidate_pairs, similar_pairs, words
from govrecords.vocabulary import Force

# ---------------------------------------------------------------------------
# The oracle: candidate_pairs and match_recommendations as they were before the
# shortcut (the search is sim's, with the module's INDEX_LIMIT and _SIGNATURE_BITS
# read when called, so that a test lowering them lowers them for both).


def _old_candidate_pairs(
    left: Sequence[frozenset[str]],
    right: Sequence[frozenset[str]],
    left_text: Sequence[str],
    right_text: Sequence[str],
    at: int,
) -> tuple[list[Pair], list[bool], list[bool]]:
    frequency: Counter[str] = Counter()
    for word_set in (*left, *right):
        frequency.update(word_set)
    order = sorted(frequency, key=lambda word: (frequency[word], word))
    rank = {word: place for place, word in enumerate(order)}
    indexed = sum(1 for count in frequency.values() if count <= sim.INDEX_LIMIT)
    bits = [1 << (place % sim._SIGNATURE_BITS) for place in range(len(order))]

    def read(word_set: frozenset[str]) -> tuple[list[int], int, int, bool, int]:
        ranks = sorted(map(rank.__getitem__, word_set))
        size = len(ranks)
        prefix = min(size, size - (-(-at * size // 100)) + 1)
        under = bisect_left(ranks, indexed)
        return ranks, size, min(prefix, under), under < prefix, sum(set(map(bits.__getitem__, ranks)))

    reads = {word_set: read(word_set) for word_set in (*left, *right)}
    left_read, right_read = [reads[s] for s in left], [reads[s] for s in right]
    pairs: list[Pair] = []
    groups: dict[object, tuple[list[int], list[int]]] = {}
    for position, word_set in enumerate(left):
        key = word_set or ("", " ".join(joined_words(left_text[position])))
        groups.setdefault(key, ([], []))[0].append(position)
    for position, word_set in enumerate(right):
        key = word_set or ("", " ".join(joined_words(right_text[position])))
        groups.setdefault(key, ([], []))[1].append(position)
    for lefts, rights in groups.values():
        if not lefts or not rights:
            continue
        size = len(left[lefts[0]])
        common = min(len(lefts), len(rights))
        pairs += [Pair(lefts[i], rights[i], size, size) for i in range(common)]
        pairs += [Pair(extra, rights[0], size, size) for extra in lefts[common:]]
        pairs += [Pair(lefts[0], extra, size, size) for extra in rights[common:]]
    posting_sizes: list[list[int]] = [[] for _ in range(indexed)]
    posting_positions: list[list[int]] = [[] for _ in range(indexed)]
    for position in sorted(range(len(right)), key=lambda position: right_read[position][1]):
        ranks, size, searched, _, _ = right_read[position]
        for word in ranks[:searched]:
            posting_sizes[word].append(size)
            posting_positions[word].append(position)
    right_sizes = [one[1] for one in right_read]
    right_signatures = [one[4] for one in right_read]
    rooms = [size * (100 - at) for size in right_sizes]
    spread = 100 + at
    for position, (ranks, size, searched, _, signature) in enumerate(left_read):
        low, high = at * size / 100, size * 100 / at if at else float("inf")
        need, room = at * size, size * (100 - at)
        found: list[int] = []
        for place, word in enumerate(ranks[:searched]):
            sizes = posting_sizes[word]
            if not sizes:
                continue
            top = min(high, ((size - place) * spread - need) // at) if at else high
            first, last = bisect_left(sizes, low), bisect_right(sizes, top)
            found += [
                other
                for other in posting_positions[word][first:last]
                if (right_signatures[other] ^ signature).bit_count() * spread <= room + rooms[other]
            ]
        for other in sorted(set(found)):
            shared = len(left[position].intersection(right[other]))
            union = size + right_sizes[other] - shared
            if shared * 100 >= at * union and shared != union:
                pairs.append(Pair(position, other, shared, union))
    return pairs, [one[3] for one in left_read], [one[3] for one in right_read]


def _old_match_recommendations(
    before: Sequence[RecommendationRef], after: Sequence[RecommendationRef], *, repeated_at: int, reworded_at: int
) -> tuple[RecommendationMatch, ...]:
    left = sorted(before, key=RecommendationRef.key)
    right = sorted(after, key=RecommendationRef.key)
    known: dict[str, frozenset[str]] = {}
    left_words = matching._word_sets([r.text for r in left], known)
    right_words = matching._word_sets([r.text for r in right], known)
    left_keys = [r.key() for r in left]
    right_keys = [r.key() for r in right]
    pairs, limited_left, limited_right = _old_candidate_pairs(
        left_words, right_words, [r.text for r in left], [r.text for r in right], reworded_at
    )

    def order(pair: Pair) -> tuple[Any, ...]:
        keys = sorted((left_keys[pair.before], right_keys[pair.after]))
        return (-pair.fraction(), keys, sorted((pair.before, pair.after)))

    pairs.sort(key=order)
    left_partner: dict[int, Pair] = {}
    right_partner: dict[int, Pair] = {}
    for pair in pairs:
        if pair.before not in left_partner and pair.after not in right_partner:
            left_partner[pair.before] = right_partner[pair.after] = pair
    best_left: dict[int, Pair] = {}
    best_right: dict[int, Pair] = {}
    for pair in pairs:
        best_left.setdefault(pair.before, pair)
        best_right.setdefault(pair.after, pair)
    joined: dict[int, list[Pair]] = {position: [] for position in left_partner}
    for position in range(len(left)):
        if position not in left_partner and position in best_left:
            extra = best_left[position]
            joined[right_partner[extra.after].before].append(extra)
    for position in range(len(right)):
        if position not in right_partner and position in best_right:
            extra = best_right[position]
            joined[extra.before].append(extra)
    group = matching._group
    matches = [
        group(
            primary,
            extras=joined[position],
            left=left,
            right=right,
            left_words=left_words,
            right_words=right_words,
            repeated_at=repeated_at,
        )
        for position, primary in left_partner.items()
    ]
    matches += [
        RecommendationMatch(MatchKind.DROPPED, (r,), (), search_limited=limited_left[i])
        for i, r in enumerate(left)
        if i not in left_partner and i not in best_left
    ]
    matches += [
        RecommendationMatch(MatchKind.NEW, (), (r,), search_limited=limited_right[i])
        for i, r in enumerate(right)
        if i not in right_partner and i not in best_right
    ]
    return tuple(sorted(matches, key=RecommendationMatch.key))


# ---------------------------------------------------------------------------
# Sides with many copies: a few texts, drawn again and again, some on both sides.

RECORDS = (
    RecordRef(RecordKind.SESSION, "s", "S", "f"),
    RecordRef(RecordKind.SESSION, "t", "T", "g"),
    RecordRef(RecordKind.WORKSHOP, "s", "S", "f"),
)
texts = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join) | st.sampled_from(["", "the and", "!"])
refs = st.builds(
    RecommendationRef,
    st.sampled_from(RECORDS),
    texts,
    st.none() | st.sampled_from(["1)", "2)"]),
    force=st.none() | st.sampled_from([Force.RECOMMEND, Force.URGE]),
)


@st.composite
def two_sides(draw: st.DrawFn) -> tuple[list[RecommendationRef], list[RecommendationRef]]:
    """Two sides drawn from one small pool, so that copies within and across them are common."""
    pool = draw(st.lists(refs, min_size=1, max_size=6))
    picks = st.lists(st.sampled_from(pool) | refs, max_size=10)
    return draw(picks), draw(picks)


thresholds = st.tuples(st.integers(1, 100), st.integers(1, 100)).map(sorted)


@given(two_sides(), thresholds, st.sampled_from((2, 3, 5, 100)), st.sampled_from((1, 3, 64)))
@settings(max_examples=400)
def test_matching_is_the_matching_without_the_shortcut(
    sides: tuple[list[RecommendationRef], list[RecommendationRef]], bounds: list[int], limit: int, bits: int
) -> None:
    """The same matches as the matching that searched every pair, in the same order."""
    before, after = sides
    reworded_at, repeated_at = bounds
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("govrecords.comparison.similarity.INDEX_LIMIT", limit)
        patch.setattr("govrecords.comparison.similarity._SIGNATURE_BITS", bits)
        new = match_recommendations(before, after, repeated_at=repeated_at, reworded_at=reworded_at)
        old = _old_match_recommendations(before, after, repeated_at=repeated_at, reworded_at=reworded_at)
    assert new == old
    assert [repr(match) for match in new] == [repr(match) for match in old]


def test_a_copy_with_a_reworded_partner_still_splits() -> None:
    """A recommendation repeated as it was is settled, yet a reworded copy left over on the
    other side still joins it (a split): the search between settled and unsettled goes on."""
    record = RECORDS[0]
    same = "continue igf dialog open model"
    before = [RecommendationRef(record, same)]
    after = [RecommendationRef(record, same), RecommendationRef(record, "continue igf dialog open local")]
    new = match_recommendations(before, after)
    assert new == _old_match_recommendations(before, after, repeated_at=95, reworded_at=50)
    assert [match.kind for match in new] == [MatchKind.SPLIT]


word_sets = st.lists(st.frozensets(st.sampled_from(WORDS), max_size=7), max_size=10)


@given(word_sets, word_sets, st.integers(1, 100), st.data(), st.sampled_from((2, 5, 100)), st.sampled_from((1, 3, 64)))
@settings(max_examples=300)
def test_similar_pairs_are_the_search_without_pairs_settled_on_both_sides(  # noqa: PLR0917 -- Hypothesis's arguments
    left: list[frozenset[str]],
    right: list[frozenset[str]],
    at: int,
    data: st.DataObject,
    limit: int,
    bits: int,
) -> None:
    """For any settled positions, the pairs and flags of the full search, less the pairs settled on both sides."""
    settled_left = data.draw(st.sets(st.integers(0, max(len(left) - 1, 0))) if left else st.just(set[int]()))
    settled_right = data.draw(st.sets(st.integers(0, max(len(right) - 1, 0))) if right else st.just(set[int]()))
    left_text = [" ".join(sorted(s)) for s in left]
    right_text = [" ".join(sorted(s)) for s in right]
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("govrecords.comparison.similarity.INDEX_LIMIT", limit)
        patch.setattr("govrecords.comparison.similarity._SIGNATURE_BITS", bits)
        full, old_left, old_right = _old_candidate_pairs(left, right, left_text, right_text, at)
        found, limited_left, limited_right = similar_pairs(
            left, right, at, settled_left=settled_left, settled_right=settled_right
        )
        everything = candidate_pairs(left, right, left_text, right_text, at)
    expected = [
        (p.before, p.after, p.shared, p.union)
        for p in full
        if left[p.before] != right[p.after] and not (p.before in settled_left and p.after in settled_right)
    ]
    assert [(p.before, p.after, p.shared, p.union) for p in found] == expected
    assert (limited_left, limited_right) == (old_left, old_right)
    assert [(p.before, p.after, p.shared, p.union) for p in everything[0]] == [
        (p.before, p.after, p.shared, p.union) for p in full
    ]
    assert everything[1:] == (old_left, old_right)


def test_the_oracle_reads_words_as_matching_does() -> None:
    """The oracle's word sets are matching's (it shares ``_word_sets``, and so ``words``)."""
    assert matching._word_sets(["The IGF, the dialog"], {}) == [words("igf dialog")]
