"""Words shared by the renderers: dates, sides, evidence and quotes as people read them."""

from __future__ import annotations

from govrecords.comparison.changes import group_words, level_words
from govrecords.comparison.consensus import GroupInformedConsensus
from govrecords.comparison.evidence import (
    Evidence,
    EvidenceKind,
    ForumRef,
    RecordKind,
    RecordRef,
    TopicState,
    TopicStatus,
    forum_label,
)
from govrecords.dates import DateRange, When
from govrecords.provenance import Provenance
from govrecords.taxonomy import Taxonomy

QUOTE_WIDTH = 240
"""The longest quote a people-facing report shows; longer ones are cut around the topic's words."""


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
    needles = _needles(topic, taxonomy)

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


def _needles(topic: str, taxonomy: Taxonomy | None) -> list[str]:
    found = taxonomy.get(topic) if taxonomy is not None else None
    words = [topic.replace("-", " ")]
    if found is not None:
        words += [found.label, *found.aliases]
    return sorted({w.casefold() for w in words if len(w) > 2}, key=len, reverse=True)


def excerpt(text: str, topic: str | None = None, taxonomy: Taxonomy | None = None, width: int = QUOTE_WIDTH) -> str:
    """*text* on one line, cut to about *width* characters around the first words naming *topic*."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    folded = flat.casefold()
    at = -1
    if topic is not None:
        hits = [folded.find(needle) for needle in _needles(topic, taxonomy)]
        hits = [hit for hit in hits if hit >= 0]
        at = min(hits) if hits else -1
    start = 0 if at < width // 3 else at - width // 3
    end = min(len(flat), start + width)
    start = max(0, min(start, end - width))
    if start > 0:
        space = flat.find(" ", start)
        start = space + 1 if 0 <= space < start + 20 else start
    if end < len(flat):
        space = flat.rfind(" ", end - 20, end)
        end = space if space > 0 else end
    return ("\u2026" if start > 0 else "") + flat[start:end] + ("\u2026" if end < len(flat) else "")
