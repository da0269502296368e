"""Word sets and the candidate pairs worth scoring when recommendations are matched.

Each recommendation is read as the set of its *words* (:func:`words`); a pair of
recommendations is scored only when the index of their rarest words brings them
together (:func:`candidate_pairs`), which keeps the cost linear. How the pairs
become matches is :mod:`govrecords.comparison.matching`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Container, Iterable, Sequence
from fractions import Fraction
from itertools import chain

from govrecords._fold import joined_words

__all__ = ["INDEX_LIMIT", "STOPWORDS", "Pair", "candidate_pairs", "identical_pairs", "similar_pairs", "words"]

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


_SIGNATURE_BITS = 64
"""How many bits a word set's signature has (a word sets the bit of its rank, modulo this).

Each bit set in one signature and not in the other stands for a word one set has and
the other lacks, so two sets differ in at least as many words as their signatures
differ in bits: a candidate whose signature differs too much is dropped without
its words being intersected."""


class _Read:
    """A word set as the search reads it: its words' ranks, rarest first, and what they give."""

    __slots__ = ("limited", "searched", "signature", "size")

    def __init__(self, ranks: list[int], at: int, indexed: int, bits: Sequence[int]) -> None:
        size = len(ranks)
        # The prefix: a set at similarity >= at shares a word among these with its partner.
        prefix = min(size, size - (-(-at * size // 100)) + 1)
        under = bisect_left(ranks, indexed)  # the words under the index limit, rarest first
        self.size = size
        self.searched = ranks[: min(prefix, under)]  # the prefix's words that are searched on
        self.limited = under < prefix  # a prefix word is too common to search on
        self.signature = sum(set(map(bits.__getitem__, ranks)))  # the union of its words' bits


def _postings(reads: Sequence[_Read], positions: Iterable[int]) -> dict[int, tuple[list[int], list[int]]]:
    """For each rank searched on by the sets of *reads* at *positions*: those sets' sizes and positions.

    Each word's postings are in order of size (then position), for bisecting to a range of sizes.
    """
    postings: dict[int, tuple[list[int], list[int]]] = {}
    for position in sorted(positions, key=lambda position: reads[position].size):
        read = reads[position]
        for word in read.searched:
            found = postings.get(word)
            if found is None:
                postings[word] = ([read.size], [position])
            else:
                found[0].append(read.size)
                found[1].append(position)
    return postings


def _reads(left: Sequence[frozenset[str]], right: Sequence[frozenset[str]], at: int) -> tuple[list[_Read], list[_Read]]:
    """Each set of *left* and *right* as the search reads it (its words ranked over both sides)."""
    frequency = Counter(chain.from_iterable((*left, *right)))
    # Every word's rank in the common order, rarest first (then alphabetical: sorted
    # so first, and the sort by count keeps that order among equals); the words under
    # the index limit are the ranks below ``indexed``.
    order = sorted(frequency)
    order.sort(key=frequency.__getitem__)
    rank = {word: place for place, word in enumerate(order)}
    indexed = sum(1 for count in frequency.values() if count <= INDEX_LIMIT)
    bits = [1 << (place % _SIGNATURE_BITS) for place in range(len(order))]
    read: dict[frozenset[str], _Read] = {}  # each distinct set read once (most recur on the other side)
    for word_set in (*left, *right):
        if word_set not in read:
            read[word_set] = _Read(sorted(map(rank.__getitem__, word_set)), at, indexed, bits)
    return [read[word_set] for word_set in left], [read[word_set] for word_set in right]


def identical_pairs(
    left: Sequence[frozenset[str]], right: Sequence[frozenset[str]], left_text: Sequence[str], right_text: Sequence[str]
) -> list[Pair]:
    """The pairs of identical word sets (similarity 1), as :func:`candidate_pairs` gives them first.

    The i-th set of a group of identical sets on one side is paired with the i-th on
    the other, and the sets a side has over the other's count with the other's first,
    so many copies cost no more than one. Texts without a word to count are identical
    only when their folded text is the same.
    """
    pairs: list[Pair] = []
    groups: dict[object, tuple[list[int], list[int]]] = {}
    # A word set is its group's key; texts without a word to count are alike only
    # when their folded text is the same.
    for side, (sets, texts) in enumerate(((left, left_text), (right, right_text))):
        for position, word_set in enumerate(sets):
            key = word_set or ("", _folded(texts[position]))
            found = groups.get(key)
            if found is None:
                found = groups[key] = ([], [])
            found[side].append(position)
    for lefts, rights in groups.values():
        if not lefts or not rights:
            continue
        size = len(left[lefts[0]])  # the shared word set's size; 0 for texts without words
        common = min(len(lefts), len(rights))
        pairs += [Pair(lefts[i], rights[i], size, size) for i in range(common)]
        pairs += [Pair(extra, rights[0], size, size) for extra in lefts[common:]]
        pairs += [Pair(lefts[0], extra, size, size) for extra in rights[common:]]
    return pairs


def similar_pairs(
    left: Sequence[frozenset[str]],
    right: Sequence[frozenset[str]],
    at: int,
    *,
    settled_left: Container[int] = (),
    settled_right: Container[int] = (),
) -> tuple[list[Pair], list[bool], list[bool]]:
    """The pairs of differing sets worth scoring, as :func:`candidate_pairs` gives them after the identical ones.

    The pairs are those at similarity >= *at* that share a word under
    :data:`INDEX_LIMIT` among both sets' rarest words, in order of their positions
    (before, then after); also which sets were searched only in part. A pair whose
    before position is in *settled_left* and whose after position is in
    *settled_right* is left out: matching settles those positions with identical
    pairs first, and such a pair can then change nothing (see
    :func:`~govrecords.comparison.matching.match_recommendations`). With nothing
    settled, every pair is given.

    Each set on the left searches an index of the unsettled sets on the right, and
    each settled set on the right an index of the unsettled sets on the left, so that
    the sets settled on both sides, nearly all of them when little changed, are
    searched for in small indexes only. The pairs found are the same from either
    side: the search finds exactly the pairs its rule describes (see
    :func:`candidate_pairs`), and that rule is the same for a pair read either way.
    """
    left_read, right_read = _reads(left, right, at)
    open_left = [position for position in range(len(left)) if position not in settled_left]
    open_right = [position for position in range(len(right)) if position not in settled_right]
    pairs = _search(
        queries=left,
        query_read=left_read,
        asking=range(len(left)),
        targets=right,
        target_read=right_read,
        indexed=open_right,
        at=at,
    )
    if len(open_right) < len(right):
        settled = [position for position in range(len(right)) if position in settled_right]
        pairs += [
            Pair(pair.after, pair.before, pair.shared, pair.union)
            for pair in _search(
                queries=right,
                query_read=right_read,
                asking=settled,
                targets=left,
                target_read=left_read,
                indexed=open_left,
                at=at,
            )
        ]
        pairs.sort(key=lambda pair: (pair.before, pair.after))
    return pairs, [one.limited for one in left_read], [one.limited for one in right_read]


def _search(
    *,
    queries: Sequence[frozenset[str]],
    query_read: Sequence[_Read],
    asking: Iterable[int],
    targets: Sequence[frozenset[str]],
    target_read: Sequence[_Read],
    indexed: Iterable[int],
    at: int,
) -> list[Pair]:
    """The pairs of a query at each position of *asking* with a target at a position of *indexed*.

    Each pair (query position as ``before``, target position as ``after``) is at
    similarity >= *at*, between differing sets, and shares a searched word; pairs come
    in order of query position, then target position.
    """
    postings = _postings(target_read, indexed)
    pairs: list[Pair] = []
    if not postings:
        return pairs
    target_sizes = [one.size for one in target_read]
    target_signatures = [one.signature for one in target_read]
    # Similarity >= at needs shared * (100 + at) >= at * (size + other_size), and, with
    # differing = size + other_size - 2 * shared words on either side only,
    # (size + other_size) * (100 - at) >= differing * (100 + at).
    rooms = [size * (100 - at) for size in target_sizes]
    spread = 100 + at
    empty: tuple[list[int], list[int]] = ([], [])
    words = postings.keys()
    for position in asking:
        query = query_read[position]
        if words.isdisjoint(query.searched):  # most queries, when the index is small
            continue
        size, signature = query.size, query.signature
        # Sizes a partner at similarity >= at can have: shared <= the smaller set and
        # union >= the larger, so the smaller over the larger is at least at / 100.
        low, high = at * size / 100, size * 100 / at if at else float("inf")
        need, room = at * size, size * (100 - at)
        found: list[int] = []
        for place, word in enumerate(query.searched):
            sizes, positions = postings.get(word, empty)
            if not sizes:
                continue
            # A pair sharing this word and none before it shares at most this set's
            # size - place words, which bounds the partner's size (``top``); a pair
            # sharing an earlier word was found there, as that word is rarer.
            top = min(high, ((size - place) * spread - need) // at) if at else high
            first, last = bisect_left(sizes, low), bisect_right(sizes, top)
            found += [
                other
                for other in positions[first:last]
                if (target_signatures[other] ^ signature).bit_count() * spread <= room + rooms[other]
            ]
        if not found:
            continue
        word_set = queries[position]
        for other in sorted(set(found)):
            shared = len(word_set.intersection(targets[other]))
            union = size + target_sizes[other] - shared
            if shared * 100 >= at * union and shared != union:  # identical sets (shared == union) are paired apart
                pairs.append(Pair(position, other, shared, union))
    return pairs


def candidate_pairs(
    left: Sequence[frozenset[str]],
    right: Sequence[frozenset[str]],
    left_text: Sequence[str],
    right_text: Sequence[str],
    at: int,
) -> tuple[list[Pair], list[bool], list[bool]]:
    """The pairs worth scoring, and which recommendations were searched only in part.

    Identical word sets are paired directly, the i-th on one side with the i-th on
    the other (the rest with the first), so many copies cost no more than one
    (:func:`identical_pairs`). Other pairs come from an index of each set's rarest
    words (:func:`similar_pairs`): a pair at similarity >= t shares a word among the
    first n - ceil(t * n) + 1 of each set's words, rarest first. Words in more than
    :data:`INDEX_LIMIT` recommendations are left out of the index, which keeps the
    cost linear; a recommendation with such a word among its rarest is flagged, as a
    partner sharing only those words would be missed. So the pairs found are those at
    or above the threshold that share a word under the limit (the first word a pair
    shares, in that order, is then under the limit and in both prefixes). A pair is
    intersected only when its sizes, the place of a word it shares, and its sets'
    signatures (a bit a word) leave room for enough shared words, so that nearly
    every candidate is dropped with a little arithmetic.

    The identical pairs come first, then the others in order of their positions.
    """
    pairs = identical_pairs(left, right, left_text, right_text)
    similar, limited_left, limited_right = similar_pairs(left, right, at)
    return pairs + similar, limited_left, limited_right
