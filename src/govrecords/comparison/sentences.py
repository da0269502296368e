"""Every sentence a comparison or timeline carries or shows: explanations, states and evidence in words.

One home for the words, so that a result's explanation and a report's line say the
same thing the same way:

* what a result carries: :func:`topic_explanation` (a topic's change),
  :func:`stance_explanation` (a stakeholder group's shift) and
  :func:`match_explanation` (why recommendations were matched);
* what the renderers (:mod:`govrecords.render`) show: states, dates, records,
  evidence and where each quote stands.

Two kinds of sentence are kept elsewhere, because what is made with them is made
below this module: the note on a missing group-informed consensus
(:func:`~govrecords.comparison.consensus.consensus_or_reason`), which a topic's state
carries, and the words a tag's evidence carries when the record names no passage
its tag came from (:data:`~govrecords.comparison.evidence.WHOLE_RECORD_TAG`,
:data:`~govrecords.comparison.evidence.UNQUOTED_TAG`).
"""

from __future__ import annotations

from govrecords.comparison import similarity
from govrecords.comparison.changes import Change, StanceShift
from govrecords.comparison.consensus import GroupInformedConsensus
from govrecords.comparison.evidence import Evidence, EvidenceKind, TopicState, TopicStatus
from govrecords.comparison.matching import (
    REPEATED_AT,
    REWORDED_AT,
    MatchKind,
    RecommendationLink,
    RecommendationMatch,
    RecommendationRef,
)
from govrecords.comparison.refs import ForumRef, RecordKind, RecordRef, forum_label
from govrecords.dates import DateRange, When
from govrecords.documents import Coverage
from govrecords.provenance import Provenance
from govrecords.taxonomy import Taxonomy
from govrecords.vocabulary import ConsensusLevel, StakeholderKind, Stance

__all__ = [
    "ANNOUNCEMENT_NOTE",
    "change_words",
    "count_words",
    "date_words",
    "evidence_head",
    "group_words",
    "level_words",
    "locator",
    "main_quote",
    "match_explanation",
    "measure_short",
    "measure_words",
    "record_words",
    "short_state",
    "stance_explanation",
    "stance_words",
    "state_words",
    "topic_explanation",
    "topic_link",
    "topic_needles",
]

# ---------------------------------------------------------------------------
# Changes and states.

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


def _on_scale(level: ConsensusLevel) -> tuple[bool, int]:
    # Weakest first, and a level off the scale (not discussed) after them all, never tied with one.
    return (level.rank is None, level.rank or 0)


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
        counts = {level: levels.count(level) for level in sorted(set(levels), key=_on_scale)}
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


# ---------------------------------------------------------------------------
# Recommendation matches.


def _percent(link: RecommendationLink) -> str:
    # Rounded down, so a shown percentage is at or above a threshold exactly when the score is.
    return f"{link.shared * 100 // link.union}%" if link.union else "100% (the same text)"


def _label(ref: RecommendationRef, position: int) -> str:
    return ref.number.strip() if ref.number else f"#{position + 1}"


def match_explanation(
    match: RecommendationMatch,
    *,
    repeated_at: int = REPEATED_AT,
    reworded_at: int = REWORDED_AT,
    other_side_empty: bool = False,
    other_side_announcements: bool = False,
    other_side_words: str | None = None,
) -> str:
    """Why a match is what it is, in words: the shared words, the score and the thresholds.

    Args:
        match: The match.
        repeated_at: The threshold it was made with.
        reworded_at: The threshold it was made with.
        other_side_empty: For new and dropped: the other side has no recommendations at all.
        other_side_announcements: For new and dropped: the other side holds only
            workshop announcements, which make no recommendations.
        other_side_words: For no counterpart: what the other side's documents are.
    """
    kind = match.kind
    if kind in (MatchKind.NO_COUNTERPART_AFTER, MatchKind.NO_COUNTERPART_BEFORE):
        other = "after" if kind is MatchKind.NO_COUNTERPART_AFTER else "before"
        what = f" ({other_side_words})" if other_side_words else ""
        if other_side_empty or other_side_announcements:
            why = f"the {other} side{what} is not a kind of document that makes recommendations"
        else:
            why = f"the {other} side{what} does not raise the topics this recommendation is about"
        return f"no counterpart: {why}"
    if kind in (MatchKind.NEW, MatchKind.DROPPED):
        other = "before" if kind is MatchKind.NEW else "after"
        text = f"{kind.value}: no recommendation {other} shares {reworded_at}% of its words"
        if other_side_empty:
            text = f"{kind.value}: the {other} side records no recommendations"
            if other_side_announcements:
                text += " (it holds only workshop announcements, which make none)"
        elif match.search_limited:
            limit = similarity.INDEX_LIMIT  # read when called: tests lower it
            text += (
                f"; some of its words are in more than {limit} recommendations and were not searched on, "
                "so a partner sharing only those would be missed"
            )
        return text
    if kind in (MatchKind.REPEATED, MatchKind.REWORDED):
        link = match.links[0]
        text = f"{kind.value}: {link.shared} of {link.union} words shared ({_percent(link)}"
        if kind is MatchKind.REPEATED:
            text += f", at or above repeated_at {repeated_at}%)"
        else:
            text += f": at or above reworded_at {reworded_at}%, below repeated_at {repeated_at}%)"
        if link.added:
            text += f"; added: {', '.join(link.added)}"
        if link.removed:
            text += f"; removed: {', '.join(link.removed)}"
        first, second = match.before[0].force, match.after[0].force
        if first is not second:
            said = (first.value if first else "unstated", second.value if second else "unstated")
            text += f"; force: {said[0]} before, {said[1]} after"
        return text
    counts = {
        MatchKind.MERGED: f"{len(match.before)} recommendations before map to one after",
        MatchKind.SPLIT: f"one recommendation before maps to {len(match.after)} after",
        MatchKind.REGROUPED: f"{len(match.before)} recommendations before map to {len(match.after)} after",
    }[kind]
    pairs = "; ".join(
        f"before {_label(match.before[link.before], link.before)} and after "
        f"{_label(match.after[link.after], link.after)} share {link.shared} of {link.union} words ({_percent(link)})"
        for link in match.links
    )
    return f"{kind.value}: {counts}, each pair at or above reworded_at {reworded_at}%: {pairs}"


# ---------------------------------------------------------------------------
# Reports: dates, records, states in a table, evidence and quotes.


def date_words(when: When | None) -> str:
    """A date as people read it: ``2013-10-24``, ``2013-10-22 to 2013-10-25``, ``no later than 2012-11-09``."""
    if when is None:
        return "date unknown"
    if isinstance(when, DateRange):
        if when.start is None:
            return f"no later than {when.end}"
        if when.end is None:
            return f"from {when.start}"
        return f"{when.start} to {when.end}"
    return str(when)


def record_words(record: RecordRef, forums: dict[str, ForumRef]) -> str:
    """A session or workshop: what it is, its title, id, forum and date."""
    kind = "session report" if record.kind is RecordKind.SESSION else "workshop announcement"
    text = f"{kind} \u201c{record.title}\u201d [{record.id}]"
    if record.forum is not None:
        forum = forums.get(record.forum)
        name = forum_label(forum) if forum is not None else record.forum
        text += f", {name}" + (f" ({record.forum})" if name != record.forum else "")
    return f"{text}, {date_words(record.date)}"


ANNOUNCEMENT_NOTE = (
    "The {side} side is a workshop announcement, written before the workshop was held: it raises topics as "
    "open policy questions and frames some as premises, and reports no outcome. A topic it raises is \u201craised, "
    "not yet concluded\u201d, a state of its own: it is not a consensus level, and the comparison does not place "
    "it on the consensus scale."
)


def short_state(state: TopicState) -> str:
    """A topic's state in a few words, for a table cell."""
    if state.status is TopicStatus.CONCLUDED and state.level is not None:
        text = level_words(state.level)
    elif state.status is TopicStatus.RAISED:
        workshops = all(item.record.kind is RecordKind.WORKSHOP for item in state.evidence)
        text = "raised, not yet concluded" if workshops else "raised, no level reported"
    else:
        text = "not discussed"
    if state.consensus is not None:
        text += f" (group-informed consensus {state.consensus.value:.2f})"
    return text


def topic_link(topic: str, before: TopicState, after: TopicState, taxonomy: Taxonomy | None) -> str | None:
    """How the taxonomy links what each side says about *topic*, when the two word it differently.

    For example ``consumer rights ↔ consumer trust, linked by the taxonomy (both are
    “Consumer rights and trust”)``. None when a side does not raise the topic or
    both sides use the same words.
    """
    found = taxonomy.get(topic) if taxonomy is not None else None
    if found is None:
        return None
    needles = topic_needles(topic, taxonomy)

    def words(state: TopicState) -> str | None:
        for item in state.evidence:
            prov = main_quote(item.provenance)
            text = " ".join((prov.quote if prov is not None and prov.quote else item.text).split()).casefold()
            # The first words naming the topic; of words ending together, the shortest ("consumer rights"
            # rather than "app/consumer rights").
            hits = sorted(
                (text.find(needle) + len(needle), len(needle), needle) for needle in needles if needle in text
            )
            if hits:
                return hits[0][2]
        return None

    first, second = words(before), words(after)
    if first is None or second is None or first == second or first in second or second in first:
        return None
    return f"{first} \u2194 {second}, linked by the taxonomy (both are \u201c{found.label}\u201d, {topic})"


def measure_short(measure: GroupInformedConsensus) -> str:
    """The group-informed consensus for a table cell, its name written out."""
    return f"group-informed consensus {measure.value:.2f}"


def measure_words(measure: GroupInformedConsensus) -> str:
    """The group-informed consensus with the counts it is made of."""
    groups = "; ".join(
        f"{group_words(g.group) if g.group else 'no declared group'}: {g.supporting} of {g.with_stance} supporting"
        for g in measure.groups
    )
    noun = "group" if len(measure.groups) == 1 else "groups"
    return f"group-informed consensus {measure.value:.2f} over {len(measure.groups)} {noun} ({groups})"


_KIND_WORDS = {
    EvidenceKind.FINDING: "finding",
    EvidenceKind.POSITION: "position",
    EvidenceKind.KEY_ISSUE: "key issue",
    EvidenceKind.POLICY_QUESTION: "policy question",
    EvidenceKind.ISSUE: "premise or problem",
    EvidenceKind.RECOMMENDATION: "recommendation",
    EvidenceKind.TAG: "tagged record",
}


def evidence_head(item: Evidence) -> str:
    """What a piece of evidence is: "finding, opinions varied", "position of the panel: supports"."""
    head = _KIND_WORDS[item.kind]
    if item.number:
        head += f" {item.number.strip()}"
    if item.kind is EvidenceKind.FINDING and item.consensus is not None:
        head += f", {level_words(item.consensus)}"
        if item.consensus_wording:
            head += f" (under \u201c{item.consensus_wording}\u201d)"
    if item.kind is EvidenceKind.POSITION:
        actor = item.actor
        group = group_words(item.group) if item.group is not None else None
        who = "someone"
        if actor is not None:
            who = actor.wording or actor.name or group or actor.kind.value.replace("_", " ")
        if group is not None and group != who:
            who += f" ({group})"
        head += f" of {who}: {item.stance.value if item.stance else 'no stance'}"
    if item.kind is EvidenceKind.RECOMMENDATION and item.force is not None:
        head += f" ({item.force.value})"
    return head


def main_quote(provenance: tuple[Provenance, ...]) -> Provenance | None:
    """The record-level provenance entry with a quote, else the first with a quote."""
    quoted = [p for p in provenance if p.quote]
    whole = [p for p in quoted if p.field is None]
    chosen = whole or quoted
    return chosen[0] if chosen else None


def locator(prov: Provenance) -> str:
    """Where a quote stands: the source and its characters."""
    if prov.span is None:
        return prov.source
    return f"{prov.source}, characters {prov.span.start}\u2013{prov.span.end}"


def topic_needles(topic: str, taxonomy: Taxonomy | None) -> list[str]:
    """The words that name *topic* (its id, label and aliases), longest first, folded."""
    found = taxonomy.get(topic) if taxonomy is not None else None
    words = [topic.replace("-", " ")]
    if found is not None:
        words += [found.label, *found.aliases]
    return sorted({w.casefold() for w in words if len(w) > 2}, key=len, reverse=True)
