"""The vocabulary of change between two sides: how a topic's state and a group's stance changed.

A topic's :class:`Change` follows from its state on each side
(:class:`~govrecords.comparison.evidence.TopicState`); a stakeholder group's
:class:`StanceShift` from its stance on each side. Both have a :meth:`mirror`, the
change seen from the other side, so that comparing B with A is the mirror of
comparing A with B. Each change is put in words by
:mod:`govrecords.comparison.sentences`.
"""

from __future__ import annotations

import enum

from govrecords.comparison.evidence import TopicState, TopicStatus
from govrecords.documents import Coverage
from govrecords.vocabulary import Stance

__all__ = ["Change", "StanceShift"]


class Change(enum.Enum):
    """How a topic's state changed from the before side to the after side."""

    STRENGTHENED = "strengthened"
    """Concluded on both sides, at a higher level after."""
    WEAKENED = "weakened"
    """Concluded on both sides, at a lower level after."""
    UNCHANGED = "unchanged"
    """Concluded on both sides, at the same level."""
    NEWLY_RAISED = "newly_raised"
    """Not discussed before, by documents that report everything discussed; concluded or raised after."""
    NO_LONGER_DISCUSSED = "no_longer_discussed"
    """Concluded or raised before; not discussed after, by documents that report everything discussed."""
    NOT_RAISED_LATER = "not_raised_later"
    """Concluded or raised before; not raised in the later documents, which do not report
    everything discussed (an announcement, a communiqué, messages, an excerpt, a document
    cut off). Nothing is said about whether the forum dropped the topic.
    """
    NOT_RAISED_EARLIER = "not_raised_earlier"
    """The mirror of :attr:`NOT_RAISED_LATER`, not raised in the earlier documents.
    """
    RAISED_WITHOUT_OUTCOME = "raised_without_outcome"
    """Concluded before; raised after without a reported outcome (off the scale).
    """
    REOPENED = "reopened"
    """Kept so that reports written by 0.1 still read, and no longer produced, as it
    implied the later side reopened a concluded question; see :attr:`RAISED_WITHOUT_OUTCOME`."""
    CONCLUDED = "concluded"
    """Only raised before, without a reported outcome; concluded after (off the scale)."""
    STILL_OPEN = "still_open"
    """Raised on both sides, concluded on neither."""
    ABSENT = "absent"
    """Not discussed on either side (listed only when asked for)."""

    def mirror(self) -> Change:
        """The change seen from the other side: strengthened is weakened, and so on.

        >>> Change.RAISED_WITHOUT_OUTCOME.mirror()
        <Change.CONCLUDED: 'concluded'>
        >>> Change.NOT_RAISED_LATER.mirror()
        <Change.NOT_RAISED_EARLIER: 'not_raised_earlier'>
        """
        return _CHANGE_MIRROR.get(self, self)

    @property
    def is_change(self) -> bool:
        """Whether the two sides are known to differ.

        False for unchanged, still open and absent, and for a topic one side's
        documents do not raise when they do not report everything discussed.
        """
        return self not in (
            Change.UNCHANGED,
            Change.STILL_OPEN,
            Change.ABSENT,
            Change.NOT_RAISED_LATER,
            Change.NOT_RAISED_EARLIER,
        )

    @classmethod
    def between(
        cls,
        before: TopicState,
        after: TopicState,
        before_side: Coverage | None = None,
        after_side: Coverage | None = None,
    ) -> Change:
        """The change from *before* to *after*.

        *before_side* and *after_side* say what documents each side holds (see
        :class:`~govrecords.documents.Coverage`); a side not described is taken to
        report everything discussed. A topic missing from a side that does not is
        *not raised* there, never *no longer discussed* or *newly raised*.

        >>> from govrecords.comparison.evidence import TopicState, TopicStatus
        >>> from govrecords.vocabulary import ConsensusLevel
        >>> varied = TopicState(TopicStatus.CONCLUDED, ConsensusLevel.OPINIONS_VARIED)
        >>> common = TopicState(TopicStatus.CONCLUDED, ConsensusLevel.COMMON_VIEW)
        >>> Change.between(varied, common)
        <Change.STRENGTHENED: 'strengthened'>
        >>> Change.between(common, TopicState(TopicStatus.RAISED))
        <Change.RAISED_WITHOUT_OUTCOME: 'raised_without_outcome'>
        >>> from govrecords.documents import Coverage, DocumentKind
        >>> announcement = Coverage.of([DocumentKind.ANNOUNCEMENT])
        >>> Change.between(common, TopicState(TopicStatus.NOT_DISCUSSED), None, announcement)
        <Change.NOT_RAISED_LATER: 'not_raised_later'>
        """
        concluded, raised = TopicStatus.CONCLUDED, TopicStatus.RAISED
        first, second = before.status, after.status
        if first is concluded and second is concluded:
            assert before.level is not None  # concluded states carry a level
            assert after.level is not None
            if after.level > before.level:
                return Change.STRENGTHENED
            return Change.WEAKENED if after.level < before.level else Change.UNCHANGED
        if first is TopicStatus.NOT_DISCUSSED:
            if second is TopicStatus.NOT_DISCUSSED:
                return Change.ABSENT
            return Change.NEWLY_RAISED if before_side is None or before_side.complete else Change.NOT_RAISED_EARLIER
        if second is TopicStatus.NOT_DISCUSSED:
            return Change.NO_LONGER_DISCUSSED if after_side is None or after_side.complete else Change.NOT_RAISED_LATER
        if first is raised and second is raised:
            return Change.STILL_OPEN
        return Change.RAISED_WITHOUT_OUTCOME if first is concluded else Change.CONCLUDED


_CHANGE_MIRROR = {
    Change.STRENGTHENED: Change.WEAKENED,
    Change.WEAKENED: Change.STRENGTHENED,
    Change.NEWLY_RAISED: Change.NO_LONGER_DISCUSSED,
    Change.NO_LONGER_DISCUSSED: Change.NEWLY_RAISED,
    Change.NOT_RAISED_LATER: Change.NOT_RAISED_EARLIER,
    Change.NOT_RAISED_EARLIER: Change.NOT_RAISED_LATER,
    Change.RAISED_WITHOUT_OUTCOME: Change.CONCLUDED,
    Change.CONCLUDED: Change.RAISED_WITHOUT_OUTCOME,
    Change.REOPENED: Change.CONCLUDED,
}


class StanceShift(enum.Enum):
    """How a stakeholder group's stance on a topic changed."""

    ADOPTED = "adopted"
    """No position before, a position after."""
    ABANDONED = "abandoned"
    """A position before, none after."""
    REVERSED = "reversed"
    """Supports before and opposes after, or the other way round."""
    SHIFTED = "shifted"
    """A different stance that is not a reversal (supports before, mixed after)."""
    UNCHANGED = "unchanged"
    """The same stance on both sides."""

    def mirror(self) -> StanceShift:
        """The shift seen from the other side: adopted is abandoned."""
        return _SHIFT_MIRROR.get(self, self)

    @classmethod
    def between(cls, before: Stance | None, after: Stance | None) -> StanceShift:
        """The shift from *before* to *after* (None: no position).

        >>> StanceShift.between(Stance.SUPPORTS, Stance.OPPOSES)
        <StanceShift.REVERSED: 'reversed'>
        """
        if before is None or after is None:
            if before is None and after is None:
                raise ValueError("a stance shift needs a stance on at least one side")
            return StanceShift.ADOPTED if before is None else StanceShift.ABANDONED
        if before is after:
            return StanceShift.UNCHANGED
        if {before, after} == {Stance.SUPPORTS, Stance.OPPOSES}:
            return StanceShift.REVERSED
        return StanceShift.SHIFTED


_SHIFT_MIRROR = {StanceShift.ADOPTED: StanceShift.ABANDONED, StanceShift.ABANDONED: StanceShift.ADOPTED}
