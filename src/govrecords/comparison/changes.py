"""The vocabulary of change between two sides, and how each change is put in words.

A topic's :class:`Change` follows from its state on each side
(:class:`~govrecords.comparison.evidence.TopicState`); a stakeholder group's
:class:`StanceShift` from its stance on each side. Both have a :meth:`mirror`, the
change seen from the other side, so that comparing B with A is the mirror of
comparing A with B.
"""

from __future__ import annotations

import enum

from govrecords.comparison.evidence import EvidenceKind, RecordKind, TopicState, TopicStatus
from govrecords.documents import Coverage
from govrecords.vocabulary import ConsensusLevel, StakeholderKind, Stance

__all__ = ["Change", "StanceShift", "change_words", "level_words", "state_words"]


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

_CHANGE_WORDS = {
    Change.STRENGTHENED: "strengthened",
    Change.WEAKENED: "weakened",
    Change.UNCHANGED: "unchanged",
    Change.NEWLY_RAISED: "newly raised",
    Change.NO_LONGER_DISCUSSED: "no longer discussed",
    Change.NOT_RAISED_LATER: "not raised in the later document",
    Change.NOT_RAISED_EARLIER: "not raised in the earlier document",
    Change.RAISED_WITHOUT_OUTCOME: "raised again, no outcome reported",
    Change.REOPENED: "reopened",
    Change.CONCLUDED: "outcome reported",
    Change.STILL_OPEN: "still open",
    Change.ABSENT: "absent",
}


def change_words(change: Change) -> str:
    """A change in words ("not raised in the later document").

    >>> change_words(Change.NOT_RAISED_LATER)
    'not raised in the later document'
    """
    return _CHANGE_WORDS[change]


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


# ---------------------------------------------------------------------------
# Words.


def level_words(level: ConsensusLevel) -> str:
    """A level as words ("opinions varied")."""
    return level.value.replace("_", " ")


_NOUNS = {
    EvidenceKind.FINDING: ("finding", "findings"),
    EvidenceKind.POSITION: ("position", "positions"),
    EvidenceKind.KEY_ISSUE: ("key issue", "key issues"),
    EvidenceKind.POLICY_QUESTION: ("policy question", "policy questions"),
    EvidenceKind.ISSUE: ("premise or problem", "premises or problems"),
    EvidenceKind.RECOMMENDATION: ("recommendation", "recommendations"),
    EvidenceKind.TAG: ("tag on the record", "tags on the records"),
}


def count_words(count: int, kind: EvidenceKind) -> str:
    """A count of evidence in words: "1 policy question", "2 premises or problems"."""
    singular, plural = _NOUNS[kind]
    return f"{count} {singular if count == 1 else plural}"


def state_words(state: TopicState) -> str:
    """A topic's state on one side, in words.

    >>> from govrecords.comparison.evidence import TopicState, TopicStatus
    >>> state_words(TopicState(TopicStatus.RAISED))
    'raised, not yet concluded (no outcome reported)'
    """
    if state.status is TopicStatus.NOT_DISCUSSED:
        return "not discussed"
    if state.status is TopicStatus.CONCLUDED:
        assert state.level is not None  # concluded states carry a level
        levels = [item.consensus for item in state.of_kind(EvidenceKind.FINDING) if item.consensus is not None]
        if len(levels) < 2:
            return level_words(state.level)
        counts = {level: levels.count(level) for level in sorted(set(levels), key=lambda level: level.rank or 0)}
        if len(counts) == 1:
            return f"{level_words(state.level)} ({len(levels)} findings)"
        listed = ", ".join(f"{count} {level_words(level)}" for level, count in counts.items())
        return f"{level_words(state.level)} ({len(levels)} findings: {listed})"
    counts_by_kind: dict[EvidenceKind, int] = {}
    for item in state.evidence:
        counts_by_kind[item.kind] = counts_by_kind.get(item.kind, 0) + 1
    if not counts_by_kind:
        return "raised, not yet concluded (no outcome reported)"
    parts = [count_words(counts_by_kind[kind], kind) for kind in EvidenceKind if kind in counts_by_kind]
    listed = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} and {parts[-1]}"
    records = {item.record for item in state.evidence}
    if all(record.kind is RecordKind.WORKSHOP for record in records):
        where = "a workshop announcement" if len(records) == 1 else "workshop announcements"
        return f"raised, not yet concluded: {listed} in {where}, which reports no outcome"
    return f"raised without a reported consensus level: {listed}"


_OFF_SCALE = "only raises the topic, without an outcome, so the change is not placed on the consensus scale"


def topic_explanation(
    before: TopicState,
    after: TopicState,
    change: Change,
    before_side: Coverage | None = None,
    after_side: Coverage | None = None,
) -> str:
    """Why a topic's change is what it is, in words."""
    sides = f"before: {state_words(before)}; after: {state_words(after)}"
    if change in (Change.NOT_RAISED_LATER, Change.NOT_RAISED_EARLIER):
        later = change is Change.NOT_RAISED_LATER
        side = after_side if later else before_side
        what = side.words if side is not None else "its documents"
        return (
            f"{change_words(change)}: {sides}. The {'after' if later else 'before'} side ({what}) does not report "
            "everything its forum discussed, so this says nothing of whether the forum "
            f"{'still discusses' if later else 'discussed'} the topic"
        )
    if change in (Change.STRENGTHENED, Change.WEAKENED):
        assert before.level is not None  # on the scale on both sides
        assert after.level is not None
        steps = abs((after.level.rank or 0) - (before.level.rank or 0))
        way = "up" if change is Change.STRENGTHENED else "down"
        return f"{change.value}: {sides} ({steps} step{'s' if steps != 1 else ''} {way} the consensus scale)"
    if change in (Change.REOPENED, Change.CONCLUDED, Change.RAISED_WITHOUT_OUTCOME):
        open_side = "before" if change is Change.CONCLUDED else "after"
        return f"{change_words(change)}: {sides}. The {open_side} side {_OFF_SCALE}"
    if change is Change.STILL_OPEN:
        return f"still open: raised on both sides, concluded on neither ({sides})"
    if change is Change.ABSENT:
        return "absent: not discussed on either side"
    return f"{change_words(change)}: {sides}"


def group_words(group: StakeholderKind) -> str:
    """A stakeholder group as words ("civil society")."""
    return group.value.replace("_", " ")


def stance_words(stance: Stance | None) -> str:
    """A stance as words ("supports", "no position")."""
    return "no position" if stance is None else stance.value


def stance_explanation(group: StakeholderKind, before: Stance | None, after: Stance | None, shift: StanceShift) -> str:
    """Why a group's stance shift is what it is, in words."""
    return f"{shift.value}: {group_words(group)}: {stance_words(before)} before, {stance_words(after)} after"
