"""How agreed a topic is on one side of a comparison: the reported level and a number.

Two measures stand side by side, and neither replaces the other:

* the **reported level**, read from the forum's own words ("Issues which reached a
  common view"): when several findings on one side touch a topic, :class:`Aggregate`
  says how their levels are combined into one;
* the **group-informed consensus** (:class:`GroupInformedConsensus`), a number
  computed from the positions the records attribute to actors, by stakeholder group.

The scale itself, :class:`~govrecords.vocabulary.ConsensusLevel`, is not defined
here but in :mod:`govrecords.vocabulary`, with the forum wordings that name its
levels: a :class:`~govrecords.records.Finding` carries a level, and the records and
importers sit below the comparison, which they must not import. This module holds
what the comparison does with levels: combine them (:class:`Aggregate`) and set a
number beside them.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable
from fractions import Fraction

import attrs
from attrs.validators import deep_iterable, instance_of, optional

from govrecords.serialisation.constraints import COUNT
from govrecords.vocabulary import ConsensusLevel, StakeholderKind, Stance

__all__ = [
    "MIN_GROUPS",
    "Aggregate",
    "GroupInformedConsensus",
    "GroupSupport",
    "aggregate_levels",
    "consensus_or_reason",
    "group_informed_consensus",
]


class Aggregate(enum.Enum):
    """How the levels of several findings on one topic combine into the side's level.

    Findings whose level is :attr:`~govrecords.vocabulary.ConsensusLevel.NOT_DISCUSSED`
    take no part: that value is not on the scale.

    >>> levels = [ConsensusLevel.COMMON_VIEW, ConsensusLevel.OPINIONS_VARIED, ConsensusLevel.COMMON_VIEW]
    >>> aggregate_levels(levels, Aggregate.WEAKEST).value
    'opinions_varied'
    >>> aggregate_levels(levels, Aggregate.MOST_COMMON).value
    'common_view'
    """

    WEAKEST = "weakest"
    """The lowest level, and the default. A topic is only as agreed as its least-agreed finding,
    so a comparison never reports more agreement than every finding states."""
    MOST_COMMON = "most_common"
    """The level most findings state; a tie goes to the weaker level."""
    STRONGEST = "strongest"
    """The highest level, what the side agreed on at best."""


def aggregate_levels(levels: Iterable[ConsensusLevel], how: Aggregate = Aggregate.WEAKEST) -> ConsensusLevel | None:
    """Combine findings' levels into one, as *how* says.

    Args:
        levels: The findings' levels; :attr:`~ConsensusLevel.NOT_DISCUSSED` is skipped.
        how: The rule.

    Returns:
        The combined level, or None when no level is on the scale.
    """
    ranked = sorted((level for level in levels if level in _ON_SCALE), key=_ON_SCALE.__getitem__)
    if not ranked:
        return None
    if how is Aggregate.WEAKEST:
        return ranked[0]
    if how is Aggregate.STRONGEST:
        return ranked[-1]
    counts = Counter(ranked)
    # max() keeps the first of equals, and ``ranked`` is weakest first.
    return max(counts, key=lambda level: counts[level])


# The rank of each level on the scale, looked up once (aggregating reads one per finding).
def _on_scale() -> dict[ConsensusLevel, int]:
    ranks: dict[ConsensusLevel, int] = {}
    for level in ConsensusLevel:
        if level.rank is not None:
            ranks[level] = level.rank
    return ranks


_ON_SCALE = _on_scale()


_count = COUNT.validator()


@attrs.frozen
class GroupSupport:
    """How many positions of one stakeholder group support a claim on the topic.

    Args:
        group: The stakeholder group, or None for the pool of actors that declare
            none (a panel, the audience, "we").
        supporting: Positions that support.
        with_stance: All positions of the group on the topic, whatever their stance.
    """

    group: StakeholderKind | None = attrs.field(validator=optional(instance_of(StakeholderKind)))
    supporting: int = attrs.field(validator=_count)
    with_stance: int = attrs.field(validator=_count)

    def __attrs_post_init__(self) -> None:
        if self.supporting > self.with_stance:
            raise ValueError(f"supporting ({self.supporting}) exceeds with_stance ({self.with_stance})")
        if self.with_stance == 0:
            raise ValueError("a group takes part only with at least one position (with_stance >= 1)")

    @property
    def share(self) -> Fraction:
        """The group's smoothed support, ``(supporting + 1) / (with_stance + 2)``."""
        return Fraction(self.supporting + 1, self.with_stance + 2)


def _group_order(support: GroupSupport) -> tuple[int, int]:
    kinds = list(StakeholderKind)
    return (1, 0) if support.group is None else (0, kinds.index(support.group))


@attrs.frozen
class GroupInformedConsensus:
    """The group-informed consensus of the positions on one topic, on one side.

    For each stakeholder group *g* that holds a position on the topic, the share of
    its positions that support, smoothed by Laplace's rule of succession; the
    measure is the product over the groups::

        GIC = product over g of (supporting_g + 1) / (with_stance_g + 2)

    It is high only when *every* group supports: one opposing group pulls the
    product down however many others agree. The counts are stored, not the
    number, so the value is exact and any tool can recompute it.

    Limits, to keep in mind when reading it:

    * It depends on the number of groups: each factor is below 1, so more groups
      mean a lower value for the same agreement. Compare values only between
      sides with the same groups (the counts are kept for that).
    * With few positions the smoothing dominates: one supporting position gives
      2/3, not 1; no group can reach 1.
    * Mixed, undecided and opposing stances all count as not supporting.
    * It counts positions as the records state them, not people, and does not
      weigh groups by size. Positions whose actor declares no stakeholder group
      are pooled into one group (``group=None``), so the measure exists wherever
      positions do; it is then closer to a smoothed support rate than to a
      cross-group measure.
    * It says nothing where no positions are recorded: the side's reported level
      stands alone there.

    Args:
        groups: The groups taking part, in the order of
            :class:`~govrecords.vocabulary.StakeholderKind`, the pool last.

    >>> gic = group_informed_consensus([(StakeholderKind.GOVERNMENT, Stance.SUPPORTS),
    ...                                 (StakeholderKind.CIVIL_SOCIETY, Stance.OPPOSES)])
    >>> gic.fraction, round(gic.value, 3)
    (Fraction(2, 9), 0.222)
    """

    groups: tuple[GroupSupport, ...] = attrs.field(
        validator=deep_iterable(instance_of(GroupSupport), instance_of(tuple))
    )

    def __attrs_post_init__(self) -> None:
        if not self.groups:
            raise ValueError("groups must hold at least one group")
        if len({support.group for support in self.groups}) != len(self.groups):
            raise ValueError("groups must name each group once")

    @property
    def fraction(self) -> Fraction:
        """The exact value."""
        value = Fraction(1)
        for support in self.groups:
            value *= support.share
        return value

    @property
    def value(self) -> float:
        """The value as a float, between 0 and 1 (both excluded)."""
        return float(self.fraction)


def group_informed_consensus(
    stances: Iterable[tuple[StakeholderKind | None, Stance]],
) -> GroupInformedConsensus | None:
    """The group-informed consensus of some positions (see :class:`GroupInformedConsensus`).

    Args:
        stances: One ``(group, stance)`` per position; None for an actor without a
            declared stakeholder group.

    Returns:
        The measure, or None when there are no positions.
    """
    supporting: Counter[StakeholderKind | None] = Counter()
    total: Counter[StakeholderKind | None] = Counter()
    for group, stance in stances:
        total[group] += 1
        supporting[group] += stance is Stance.SUPPORTS
    if not total:
        return None
    groups = sorted((GroupSupport(group, supporting[group], count) for group, count in total.items()), key=_group_order)
    return GroupInformedConsensus(tuple(groups))


MIN_GROUPS = 2
"""The least number of declared stakeholder groups with positions for a group-informed consensus."""


def consensus_or_reason(
    stances: Iterable[tuple[StakeholderKind | None, Stance]],
) -> tuple[GroupInformedConsensus | None, str | None]:
    """The group-informed consensus where it means something, else why it is absent.

    The measure compares stakeholder groups, so it is given only when at least
    :data:`MIN_GROUPS` declared stakeholder groups hold positions on the topic; it
    is then taken over the declared groups alone. Otherwise the measure is None and
    the reason says what is missing.

    >>> from govrecords.vocabulary import StakeholderKind as K, Stance as S
    >>> consensus_or_reason([(None, S.SUPPORTS), (None, S.OPPOSES)])[1]
    'no group-informed consensus: 2 positions, none from a declared stakeholder group'
    >>> measure, _ = consensus_or_reason([(K.GOVERNMENT, S.SUPPORTS), (K.CIVIL_SOCIETY, S.SUPPORTS)])
    >>> len(measure.groups)
    2
    """
    pairs = list(stances)
    if not pairs:
        return None, None
    declared = [(group, stance) for group, stance in pairs if group is not None]
    groups = {group for group, _ in declared}
    if len(groups) >= MIN_GROUPS:
        return group_informed_consensus(declared), None
    noun = "position" if len(pairs) == 1 else "positions"
    if not groups:
        return None, f"no group-informed consensus: {len(pairs)} {noun}, none from a declared stakeholder group"
    only = next(iter(groups)).value.replace("_", " ")
    return None, (
        f"no group-informed consensus: {len(pairs)} {noun}, from one declared stakeholder group ({only}); "
        f"it needs at least {MIN_GROUPS}"
    )
