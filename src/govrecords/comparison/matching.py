"""Matching recommendations across the two sides of a comparison.

Each recommendation is read as the set of its *words*: lower-cased, hyphens
dropped ("multi-stakeholder" is "multistakeholder"), punctuation and common English
stop words ("the", "to", "and"...) left out. Two recommendations are as similar as
the share of words they have in common (the Jaccard index of the two sets)::

    similarity = |words(a) & words(b)| / |words(a) | words(b)|

Word order does not count, and neither do case, punctuation or stop words.

Matching is deterministic and every match says why it was made:

1. Candidate pairs come from an inverted index of words, so only recommendations
   that share a word are ever scored. The index holds only each set's rarest words
   (prefix filtering: a pair at or above the threshold always shares one of them),
   and no word found in more than :data:`~govrecords.comparison.similarity.INDEX_LIMIT` recommendations, so cost grows
   linearly with the number of recommendations. Identical word sets are paired
   directly. A recommendation left unmatched while one of its rarest words was too
   common to search on says so (``search_limited``).
2. Pairs at or above ``reworded_at`` are taken greedily, most similar first, each
   recommendation at most once; ties go by a content-based key the same from either
   side, so comparing B with A mirrors comparing A with B.
3. A recommendation left over whose best pair is at or above ``reworded_at`` joins
   the match of that partner: several before mapped to one after is *merged*, one
   before mapped to several after is *split*.
4. What is still left over is *new* (after only) or *dropped* (before only).

A one-to-one match is *repeated* at or above ``repeated_at``, else *reworded*.
Thresholds are whole percentages, compared exactly.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

import attrs
from attrs.validators import instance_of, optional

from govrecords._trusted import slot_setters
from govrecords._validators import many as _many
from govrecords._validators import opt_str as _str
from govrecords.comparison.refs import RecordRef, natural_key
from govrecords.comparison.similarity import Pair, identical_pairs, similar_pairs, words
from govrecords.errors import Problem, ValidationError
from govrecords.provenance import Provenance
from govrecords.serialisation.constraints import COUNT
from govrecords.vocabulary import Force

__all__ = [
    "REPEATED_AT",
    "REWORDED_AT",
    "MatchKind",
    "RecommendationLink",
    "RecommendationMatch",
    "RecommendationRef",
    "match_recommendations",
]

REPEATED_AT = 95
"""By default, a one-to-one match sharing at least 95% of its words is *repeated*."""
REWORDED_AT = 50
"""By default, recommendations sharing at least 50% of their words are matched at all."""


@attrs.frozen
class RecommendationRef:
    """A recommendation, as it stands in its record.

    Args:
        record: The session it is part of.
        text: Its text.
        number: Its number as written ("1)").
        id: Its id, if it has one.
        force: How strongly it asks.
        topics: Its topics.
        provenance: Its provenance (quotes and spans).
    """

    record: RecordRef = attrs.field(validator=instance_of(RecordRef))
    text: str = attrs.field(validator=instance_of(str))
    number: str | None = attrs.field(default=None, validator=_str)
    id: str | None = attrs.field(default=None, validator=_str)
    force: Force | None = attrs.field(default=None, validator=optional(instance_of(Force)))
    topics: tuple[str, ...] = attrs.field(default=(), validator=_many(str))
    provenance: tuple[Provenance, ...] = attrs.field(default=(), validator=_many(Provenance))

    @classmethod
    def _trusted(  # noqa: PLR0917 -- the same arguments as __init__
        cls,
        record: RecordRef,
        text: str,
        number: str | None = None,
        id: str | None = None,  # noqa: A002 -- the field's name
        force: Force | None = None,
        topics: tuple[str, ...] = (),
        provenance: tuple[Provenance, ...] = (),
    ) -> RecommendationRef:
        """The reference ``__init__`` builds from these values, without validating them again.

        Private to the comparison, which refers to every recommendation of both
        sides from the fields of a validated record (see :mod:`govrecords._trusted`).
        """
        self = _new(cls)
        _ref_record(self, record)
        _ref_text(self, text)
        _ref_number(self, number)
        _ref_id(self, id)
        _ref_force(self, force)
        _ref_topics(self, topics)
        _ref_provenance(self, provenance)
        return self

    def key(self) -> tuple[Any, ...]:
        """A total, content-based order: record, number, text, id."""
        return self._key

    @functools.cached_property
    def _key(self) -> tuple[Any, ...]:
        # Worked out once per reference: matching sorts and groups by it repeatedly.
        return (
            self.record.key(),
            natural_key(self.number),
            self.number or "",
            self.text,
            self.id or "",
            self.force.value if self.force else "",
            self.topics,
            tuple(repr(p) for p in self.provenance),
        )


_new = object.__new__
_ref_record, _ref_text, _ref_number, _ref_id, _ref_force, _ref_topics, _ref_provenance = slot_setters(
    RecommendationRef, ("record", "text", "number", "id", "force", "topics", "provenance")
)


class MatchKind(enum.Enum):
    """How recommendations on the two sides correspond."""

    REPEATED = "repeated"
    """One to one, the same words (similarity at or above ``repeated_at``)."""
    REWORDED = "reworded"
    """One to one, similar words (at or above ``reworded_at``, below ``repeated_at``)."""
    MERGED = "merged"
    """Several before map to one after."""
    SPLIT = "split"
    """One before maps to several after."""
    REGROUPED = "regrouped"
    """Several before map to several after."""
    NEW = "new"
    """After only; nothing before is similar enough."""
    DROPPED = "dropped"
    """Before only; nothing after is similar enough, though the after side makes
    recommendations and raises the same topics."""
    NO_COUNTERPART_AFTER = "no_counterpart_after"
    """Before only, and the after side is a kind of document that makes no
    recommendations, or does not raise the same topics: no counterpart, which does
    not say it was dropped.
    """
    NO_COUNTERPART_BEFORE = "no_counterpart_before"
    """After only, and the before side makes no recommendations or does not raise the
    same topics: the mirror of :attr:`NO_COUNTERPART_AFTER`.
    """

    @property
    def one_sided(self) -> bool:
        """Whether the match holds recommendations of one side only."""
        return self in _ONE_SIDED

    def mirror(self) -> MatchKind:
        """The kind seen from the other side (merged is split, new is dropped)."""
        return _MIRROR.get(self, self)


_MIRROR = {
    MatchKind.MERGED: MatchKind.SPLIT,
    MatchKind.SPLIT: MatchKind.MERGED,
    MatchKind.NEW: MatchKind.DROPPED,
    MatchKind.DROPPED: MatchKind.NEW,
    MatchKind.NO_COUNTERPART_AFTER: MatchKind.NO_COUNTERPART_BEFORE,
    MatchKind.NO_COUNTERPART_BEFORE: MatchKind.NO_COUNTERPART_AFTER,
}
_ONE_SIDED = frozenset(
    {MatchKind.NEW, MatchKind.DROPPED, MatchKind.NO_COUNTERPART_AFTER, MatchKind.NO_COUNTERPART_BEFORE}
)
_KIND_ORDER = {kind: index for index, kind in enumerate(MatchKind)}


_index = COUNT.validator()


@attrs.frozen
class RecommendationLink:
    """One scored pair within a match: which words the two share and which differ.

    Args:
        before: The index of the pair's before recommendation in the match's ``before``.
        after: The index of its after recommendation in the match's ``after``.
        shared: How many words the two have in common.
        union: How many words they have between them.
        added: Words only the after recommendation has, sorted.
        removed: Words only the before recommendation has, sorted.
    """

    before: int = attrs.field(validator=_index)
    after: int = attrs.field(validator=_index)
    shared: int = attrs.field(validator=_index)
    union: int = attrs.field(validator=_index)
    added: tuple[str, ...] = attrs.field(default=(), validator=_many(str))
    removed: tuple[str, ...] = attrs.field(default=(), validator=_many(str))

    @classmethod
    def _trusted(  # noqa: PLR0917 -- the same arguments as __init__
        cls, before: int, after: int, shared: int, union: int, added: tuple[str, ...], removed: tuple[str, ...]
    ) -> RecommendationLink:
        """The link ``__init__`` builds from these values, without validating them again.

        Private to matching, which builds links from counts and word sets it worked
        out itself (see :mod:`govrecords._trusted`).
        """
        self = _new(cls)
        _link_before(self, before)
        _link_after(self, after)
        _link_shared(self, shared)
        _link_union(self, union)
        _link_added(self, added)
        _link_removed(self, removed)
        return self

    @property
    def fraction(self) -> Fraction:
        """The exact similarity; two texts without a word to count are alike only when equal."""
        return Fraction(self.shared, self.union) if self.union else Fraction(1)

    @property
    def similarity(self) -> float:
        """The similarity, from 0 to 1."""
        return float(self.fraction)

    def mirror(self) -> RecommendationLink:
        """The link seen from the other side."""
        return RecommendationLink(self.after, self.before, self.shared, self.union, self.removed, self.added)


_link_before, _link_after, _link_shared, _link_union, _link_added, _link_removed = slot_setters(
    RecommendationLink, ("before", "after", "shared", "union", "added", "removed")
)


@attrs.frozen
class RecommendationMatch:
    """Recommendations on the two sides that correspond, and why.

    Args:
        kind: Repeated, reworded, merged, split, regrouped, new or dropped.
        before: The before side's recommendations in the match.
        after: The after side's.
        links: The scored pairs that make the match (none for new and dropped).
        explanation: Why, in words: the similarity and the thresholds.
        search_limited: For new and dropped: some of the recommendation's rarest
            words are so common (in more than :data:`INDEX_LIMIT` recommendations)
            that they were not searched on, so a partner sharing only such words
            would have been missed.
    """

    kind: MatchKind = attrs.field(validator=instance_of(MatchKind))
    before: tuple[RecommendationRef, ...] = attrs.field(validator=_many(RecommendationRef))
    after: tuple[RecommendationRef, ...] = attrs.field(validator=_many(RecommendationRef))
    links: tuple[RecommendationLink, ...] = attrs.field(default=(), validator=_many(RecommendationLink))
    explanation: str = attrs.field(default="", validator=instance_of(str))
    search_limited: bool = attrs.field(default=False, validator=instance_of(bool))

    @classmethod
    def _trusted(  # noqa: PLR0917 -- the same arguments as __init__
        cls,
        kind: MatchKind,
        before: tuple[RecommendationRef, ...],
        after: tuple[RecommendationRef, ...],
        links: tuple[RecommendationLink, ...] = (),
        explanation: str = "",
        search_limited: bool = False,
    ) -> RecommendationMatch:
        """The match ``__init__`` builds from these values, without validating them again.

        Private to the comparison, which builds a match (and words it) for every
        recommendation of both sides from parts it built itself (see
        :mod:`govrecords._trusted`).
        """
        self = _new(cls)
        _match_kind(self, kind)
        _match_before(self, before)
        _match_after(self, after)
        _match_links(self, links)
        _match_explanation(self, explanation)
        _match_search_limited(self, search_limited)
        return self

    def key(self) -> tuple[Any, ...]:
        """The order matches are reported in: by kind, then by their recommendations."""
        return (_KIND_ORDER[self.kind], tuple(r.key() for r in self.before), tuple(r.key() for r in self.after))


_match_kind, _match_before, _match_after, _match_links, _match_explanation, _match_search_limited = slot_setters(
    RecommendationMatch, ("kind", "before", "after", "links", "explanation", "search_limited")
)

_match = RecommendationMatch._trusted  # pyright: ignore[reportPrivateUsage]  # its own constructor, for the comparison (govrecords._trusted)
_link = RecommendationLink._trusted  # pyright: ignore[reportPrivateUsage]  # its own constructor, for the comparison (govrecords._trusted)


def check_thresholds(repeated_at: int, reworded_at: int) -> None:
    """Raise a :class:`~govrecords.errors.ValidationError` unless 1 <= reworded_at <= repeated_at <= 100."""
    problems = [
        Problem(name, "must be a whole percentage from 1 to 100", value)
        for name, value in (("repeated_at", repeated_at), ("reworded_at", reworded_at))
        if type(value) is not int or not 1 <= value <= 100
    ]
    if not problems and reworded_at > repeated_at:
        problems.append(Problem("reworded_at", f"must not exceed repeated_at ({repeated_at})", reworded_at))
    if problems:
        raise ValidationError(problems)


def match_recommendations(
    before: Sequence[RecommendationRef],
    after: Sequence[RecommendationRef],
    *,
    repeated_at: int = REPEATED_AT,
    reworded_at: int = REWORDED_AT,
) -> tuple[RecommendationMatch, ...]:
    """Match the recommendations of two sides (see the module's description).

    Args:
        before: The before side's recommendations, in any order.
        after: The after side's.
        repeated_at: The least similarity, in percent, for a one-to-one match to
            count as repeated.
        reworded_at: The least similarity, in percent, for two recommendations to
            be matched at all.

    Returns:
        Every recommendation of both sides in exactly one match, ordered by
        :meth:`RecommendationMatch.key`. Explanations are left empty for the
        caller to fill in (:mod:`govrecords.comparison` words them for its report).

    Raises:
        ValidationError: A threshold is not a whole percentage from 1 to 100, or
            ``reworded_at`` exceeds ``repeated_at``.
    """
    check_thresholds(repeated_at, reworded_at)
    left = sorted(before, key=RecommendationRef.key)
    right = sorted(after, key=RecommendationRef.key)
    known: dict[str, frozenset[str]] = {}
    left_text, right_text = [r.text for r in left], [r.text for r in right]
    left_words = _word_sets(left_text, known)
    right_words = _word_sets(right_text, known)
    left_keys = [r.key() for r in left]
    right_keys = [r.key() for r in right]

    def order(pair: Pair) -> tuple[Any, ...]:
        # The same from either side: the score, then both recommendations' keys and
        # positions, each as an unordered pair.
        keys = sorted((left_keys[pair.before], right_keys[pair.after]))
        return (-pair.fraction(), keys, sorted((pair.before, pair.after)))

    def same_order(pair: Pair) -> tuple[Any, ...]:
        # ``order`` of a pair of identical sets, without its score (1 for every one).
        keys = sorted((left_keys[pair.before], right_keys[pair.after]))
        return (keys, sorted((pair.before, pair.after)))

    # Pairs are taken greedily, best first, each recommendation at most once; what is
    # left over joins its best pair. This is that, with one search saved, and gives
    # the same matches, in the same order (tests/comparison/test_matching_shortcut.py
    # holds it to the matching that searched every pair, kept there):
    # * Identical word sets are the pairs of similarity 1 (a pair of differing sets
    #   shares fewer words than it has), so sorted by ``order`` every identical pair
    #   comes before every other, and the whole list is the identical pairs sorted
    #   (by ``same_order``: ``order`` less its score, 1 for each) then the others.
    # * So the identical pairs are taken first; the positions they take are *settled*.
    #   A pair of two settled positions comes later and is never taken (both are
    #   taken already), and no position it holds is left over, so it is never a best
    #   pair that is read. Leaving such pairs out changes nothing, and sorting (which
    #   is stable) keeps the rest in the same order.
    # With few recommendations changed nearly every pair is such a pair:
    # ``similar_pairs`` does not look for them, and gives every other pair as
    # ``candidate_pairs`` would, in the same order.
    identical = identical_pairs(left_words, right_words, left_text, right_text)
    identical.sort(key=same_order)
    left_partner: dict[int, Pair] = {}
    right_partner: dict[int, Pair] = {}
    for pair in identical:
        if pair.before not in left_partner and pair.after not in right_partner:
            left_partner[pair.before] = right_partner[pair.after] = pair
    similar, limited_left, limited_right = similar_pairs(
        left_words, right_words, reworded_at, settled_left=left_partner, settled_right=right_partner
    )
    similar.sort(key=order)
    for pair in similar:
        if pair.before not in left_partner and pair.after not in right_partner:
            left_partner[pair.before] = right_partner[pair.after] = pair
    pairs = identical + similar  # in order: every identical pair first (score 1), then the rest
    best_left: dict[int, Pair] = {}
    best_right: dict[int, Pair] = {}
    for pair in pairs:  # already best first
        best_left.setdefault(pair.before, pair)
        best_right.setdefault(pair.after, pair)
    # Each primary pair (by its before position), with the left-overs that join it.
    joined: dict[int, list[Pair]] = {position: [] for position in left_partner}
    for position in range(len(left)):
        if position not in left_partner and position in best_left:
            extra = best_left[position]
            joined[right_partner[extra.after].before].append(extra)
    for position in range(len(right)):
        if position not in right_partner and position in best_right:
            extra = best_right[position]
            joined[extra.before].append(extra)
    matches = [
        _group(
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
        _match(MatchKind.DROPPED, (r,), (), search_limited=limited_left[i])
        for i, r in enumerate(left)
        if i not in left_partner and i not in best_left
    ]
    matches += [
        _match(MatchKind.NEW, (), (r,), search_limited=limited_right[i])
        for i, r in enumerate(right)
        if i not in right_partner and i not in best_right
    ]
    return tuple(sorted(matches, key=RecommendationMatch.key))


def _word_sets(texts: Iterable[str], known: dict[str, frozenset[str]]) -> list[frozenset[str]]:
    """Each text's :func:`words`, worked out once per distinct text (*known* holds those already read).

    A recommendation repeated on the other side, or within a side, is read once.
    """
    found: list[frozenset[str]] = []
    for text in texts:
        word_set = known.get(text)
        if word_set is None:
            word_set = known[text] = words(text)
        found.append(word_set)
    return found


def _changes(before: frozenset[str], after: frozenset[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The words *after* added and the words it removed, each sorted."""
    if before is after:  # the same set (a text on both sides is read once): no word differs
        return (), ()
    return tuple(sorted(after - before)), tuple(sorted(before - after))


def _one_pair_kind(pair: Pair, repeated_at: int) -> MatchKind:
    """Repeated or reworded: what a match of one recommendation a side is."""
    # pair.fraction() * 100 >= repeated_at, in whole numbers (a pair without words is alike: 1)
    alike = pair.shared * 100 >= repeated_at * pair.union if pair.union else True
    return MatchKind.REPEATED if alike else MatchKind.REWORDED


def _group(
    primary: Pair,
    *,
    extras: list[Pair],
    left: Sequence[RecommendationRef],
    right: Sequence[RecommendationRef],
    left_words: Sequence[frozenset[str]],
    right_words: Sequence[frozenset[str]],
    repeated_at: int,
) -> RecommendationMatch:
    if not extras:  # most matches: one link, 0 to 0, built without the sorting below
        link = _link(
            0, 0, primary.shared, primary.union, *_changes(left_words[primary.before], right_words[primary.after])
        )
        return _match(_one_pair_kind(primary, repeated_at), (left[primary.before],), (right[primary.after],), (link,))
    members = [primary, *extras]
    before_ids = sorted({pair.before for pair in members}, key=lambda i: left[i].key())
    after_ids = sorted({pair.after for pair in members}, key=lambda i: right[i].key())
    links = sorted(
        (
            _link(
                before_ids.index(pair.before),
                after_ids.index(pair.after),
                pair.shared,
                pair.union,
                *_changes(left_words[pair.before], right_words[pair.after]),
            )
            for pair in members
        ),
        key=lambda link: (link.before, link.after),
    )
    if len(before_ids) == 1 and len(after_ids) == 1:
        kind = _one_pair_kind(primary, repeated_at)
    elif len(after_ids) == 1:
        kind = MatchKind.MERGED
    elif len(before_ids) == 1:
        kind = MatchKind.SPLIT
    else:
        kind = MatchKind.REGROUPED
    return _match(kind, tuple(left[i] for i in before_ids), tuple(right[i] for i in after_ids), tuple(links))


def mirror_match(match: RecommendationMatch) -> RecommendationMatch:
    """The match seen from the other side (explanation left for the caller to reword)."""
    links = sorted((link.mirror() for link in match.links), key=lambda link: (link.before, link.after))
    return RecommendationMatch(match.kind.mirror(), match.after, match.before, tuple(links), "", match.search_limited)
