"""Word sets and the candidate pairs worth scoring when recommendations are matched.

Each recommendation is read as the set of its *words* (:func:`words`); a pair of
recommendations is scored only when the index of their rarest words brings them
together (:func:`candidate_pairs`), which keeps the cost linear. How the pairs
become matches is :mod:`govrecords.comparison.matching`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

from govrecords._fold import joined_words

__all__ = ["INDEX_LIMIT", "STOPWORDS", "Pair", "candidate_pairs", "words"]

INDEX_LIMIT = 100
"""Words found in more recommendations than this (over both sides) are not searched on.

Searching on a word every other recommendation holds would compare nearly every pair,
and cost would grow with the square of the number of recommendations. A recommendation
with such a word among its rarest is reported with ``search_limited`` set when nothing
matches it, as a partner sharing only such words would be missed."""

STOPWORDS: frozenset[str] = frozenset(
    """a about above after again all also am an and any are as at be been being below between both but by can
    could did do does doing down during each either few for from further had has have having he her here hers
    him his how i if in into is it its itself just may me might more most must my no nor not now of off on once
    only or other our ours out over own same shall she should so some such than that the their theirs them then
    there these they this those through thus to too under until up upon very was we were what when where which
    while who whom why will with would you your yours""".split()  # noqa: SIM905 -- a word list reads best as text
)
"""The English stop words left out of the word sets."""


def words(text: str) -> frozenset[str]:
    """The words of *text* that count for matching.

    >>> sorted(words("To continue the IGF platform for dialog, multi-stakeholder"))
    ['continue', 'dialog', 'igf', 'multistakeholder', 'platform']
    """
    return frozenset(joined_words(text)).difference(STOPWORDS)  # the same set, the filtering in C


def _folded(text: str) -> str:
    return " ".join(joined_words(text))


class Pair:
    """A scored pair: positions on each side, shared words and words between them."""

    __slots__ = ("after", "before", "shared", "union")
    before: int
    after: int
    shared: int
    union: int

    def __init__(self, before: int, after: int, shared: int, union: int) -> None:
        self.before, self.after, self.shared, self.union = before, after, shared, union

    def fraction(self) -> Fraction:
        """The exact similarity."""
        return Fraction(self.shared, self.union) if self.union else Fraction(1)


def _group_key(word_set: frozenset[str], text: str) -> object:
    # Texts without a word to count are alike only when their folded text is the same.
    return word_set or ("", _folded(text))


def _index(
    right: Sequence[frozenset[str]],
    right_prefix: Sequence[list[str]],
    frequency: Counter[str],
    limit: int,
    at: int,
) -> dict[str, tuple[list[int], list[int], list[int]]]:
    """Each indexed word's recommendations on the right, by size: their sizes, positions and slacks.

    A word is indexed when it is in at most *limit* recommendations. A posting's slack
    is what its recommendation's words from the word's place in its prefix on leave
    for the other side: a set of size n on the left can reach similarity *at* through
    this word only if ``at * n <= slack``.
    """
    postings: dict[str, list[tuple[int, int, int]]] = {}
    for position, words_in in enumerate(right_prefix):
        size = len(right[position])
        for place, word in enumerate(words_in):
            if frequency[word] <= limit:
                slack = (size - place) * (100 + at) - at * size
                postings.setdefault(word, []).append((size, position, slack))
    index: dict[str, tuple[list[int], list[int], list[int]]] = {}
    for word, found in postings.items():
        found.sort()
        index[word] = (
            [size for size, _, _ in found],
            [other for _, other, _ in found],
            [slack for _, _, slack in found],
        )
    return index


def candidate_pairs(
    left: Sequence[frozenset[str]],
    right: Sequence[frozenset[str]],
    left_text: Sequence[str],
    right_text: Sequence[str],
    at: int,
) -> tuple[list[Pair], list[bool], list[bool]]:
    """The pairs worth scoring, and which recommendations were searched only in part.

    Identical word sets are paired directly, the i-th on one side with the i-th on
    the other (the rest with the first), so many copies cost no more than one. Other
    pairs come from an index of each set's rarest words: a pair at similarity >= t
    shares a word among the first n - ceil(t * n) + 1 of each set's words, rarest
    first. Words in more than :data:`INDEX_LIMIT` recommendations are left out of the
    index, which keeps the cost linear; a recommendation with such a word among its
    rarest is flagged, as a partner sharing only those words would be missed. A pair
    is intersected only when its sizes and the places of the first word it shares
    leave room for enough shared words (the size and positional filters of prefix
    joins), so that most candidates are dropped with a little arithmetic.
    """
    frequency: Counter[str] = Counter()
    for word_set in (*left, *right):
        frequency.update(word_set)
    limit = INDEX_LIMIT
    # Every word's place in the common order, rarest first (then alphabetical), so that a
    # set is put in that order by a look-up per word.
    rank = {word: place for place, word in enumerate(sorted(frequency, key=lambda word: (frequency[word], word)))}

    def prefix(word_set: frozenset[str]) -> list[str]:
        ordered = sorted(word_set, key=rank.__getitem__)
        return ordered[: len(ordered) - (-(-at * len(ordered) // 100)) + 1]

    left_prefix, right_prefix = [prefix(s) for s in left], [prefix(s) for s in right]
    limited_left = [any(frequency[word] > limit for word in words) for words in left_prefix]
    limited_right = [any(frequency[word] > limit for word in words) for words in right_prefix]
    pairs: list[Pair] = []
    groups: dict[object, tuple[list[int], list[int]]] = {}
    for position, word_set in enumerate(left):
        groups.setdefault(_group_key(word_set, left_text[position]), ([], []))[0].append(position)
    for position, word_set in enumerate(right):
        groups.setdefault(_group_key(word_set, right_text[position]), ([], []))[1].append(position)
    for lefts, rights in groups.values():
        if not lefts or not rights:
            continue
        size = len(left[lefts[0]])  # the shared word set's size; 0 for texts without words
        common = min(len(lefts), len(rights))
        pairs += [Pair(lefts[i], rights[i], size, size) for i in range(common)]
        pairs += [Pair(extra, rights[0], size, size) for extra in lefts[common:]]
        pairs += [Pair(lefts[0], extra, size, size) for extra in rights[common:]]
    index = _index(right, right_prefix, frequency, limit, at)
    right_sizes = [len(word_set) for word_set in right]
    for position, word_set in enumerate(left):
        size = len(word_set)
        # Sizes a partner at similarity >= at can have: shared <= the smaller set and
        # union >= the larger, so the smaller over the larger is at least at / 100.
        low, high = at * size / 100, size * 100 / at if at else float("inf")
        need = at * size
        found: set[int] = set()
        for place, word in enumerate(left_prefix[position]):
            posting = index.get(word)
            if posting is None:
                continue
            sizes, others, slacks = posting
            # A pair first brought together by this word (an earlier one would have
            # brought it together before, being rarer and so indexed too) shares at most
            # the fewer words from here on on either side, and similarity >= at needs
            # shared * (100 + at) >= at * (size + other_size). From here on this set has
            # size - place words, which bounds the partner's size (``top``); the partner's
            # own words from its place on are its slack, which bounds this set's size
            # (``slack >= need``). Both bounds only tighten at a later word, so a pair
            # that fails them where first brought together fails them everywhere, and
            # one that passes them anywhere passes them there.
            top = min(high, ((size - place) * (100 + at) - need) // at) if at else high
            first, last = bisect_left(sizes, low), bisect_right(sizes, top)
            found.update(
                [other for other, slack in zip(others[first:last], slacks[first:last], strict=True) if slack >= need]
            )
        others = sorted(found)
        for other, shared in zip(
            others, map(len, map(word_set.intersection, map(right.__getitem__, others))), strict=True
        ):
            union = size + right_sizes[other] - shared
            if shared * 100 >= at * union and shared != union:  # identical sets (shared == union) are paired above
                pairs.append(Pair(position, other, shared, union))
    return pairs, limited_left, limited_right
