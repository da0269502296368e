"""The timeline report in words: each topic's points across forums, as layout blocks."""

from __future__ import annotations

from govrecords.comparison.evidence import EvidenceKind, TopicStatus
from govrecords.comparison.sentences import (
    date_words,
    measure_words,
    state_words,
)
from govrecords.comparison.timelines import Timeline, TimelinePoint, TopicTimeline, Trend
from govrecords.documents import Coverage
from govrecords.render._layout import Block, Item, Writer

_TREND_WORDS = {
    Trend.RISING: "rising",
    Trend.FALLING: "falling",
    Trend.FLAT: "flat",
    Trend.MIXED: "mixed (up at one step, down at another)",
    Trend.INSUFFICIENT: "none to read (fewer than two points with a consensus level)",
}


def _topic_timeline_blocks(line: TopicTimeline, out: Writer) -> list[Block]:
    first = line.point(line.first_raised) if line.first_raised else None
    last = line.point(line.last_seen) if line.last_seen else None
    facts = f"Trend: {_TREND_WORDS[line.trend]}."
    if first is not None and last is not None:
        facts += f" First raised: {out.plain(first.label)} ({date_words(first.date)})."
        facts += f" Last seen: {out.plain(last.label)} ({date_words(last.date)})."
    else:
        facts += " Not discussed at any point."
    items: list[Item] = []
    for number, point in enumerate(line.points, start=1):
        when = out.plain(date_words(point.date))
        head = f"{number}. {out.plain(point.label)}, {when}: {out.plain(_point_words(point))}"
        if point.state.consensus is not None:
            head += f"; {out.plain(measure_words(point.state.consensus))}"
        elif point.state.consensus_note is not None:
            head += f"; {out.plain(point.state.consensus_note)}"
        if point.date is None:
            why = "the dates in its text disagree" if any(r.date_uncertain for r in point.records) else "no date found"
            head += f" ({why}, so its place in the order is not known, and is not guessed)"
        elif not point.order_known:
            head += " (its date overlaps the previous point's, so which came first is not known)"
        elif any(r.date_from_text for r in point.records):
            head += " (dated by its text)"
        shown = [item for item in point.state.evidence if item.kind is not EvidenceKind.TAG]
        items.append((head, out.evidence(shown, line.topic)))
    return [
        Block("h2", f"{out.plain(line.label or line.topic)} ({out.code(line.topic)})"),
        Block("p", facts),
        Block("ul", items=tuple(items)),
    ]


def _point_words(point: TimelinePoint) -> str:
    if point.state.status is TopicStatus.NOT_DISCUSSED and point.records:
        kinds = [r.document for r in point.records if r.document is not None]
        cover = Coverage.of(kinds, any(r.partial for r in point.records))
        if kinds and not cover.complete:
            return f"not raised in this document (a {cover.words})"
    return state_words(point.state)


def timeline_blocks(report: Timeline, out: Writer) -> list[Block]:
    title = "Timeline"
    if len(report.topics) == 1:
        title += f": {out.plain(report.topics[0].label or report.topics[0].topic)}"
    blocks = [Block("h1", title)]
    if not report.topics:
        blocks.append(Block("p", "No record is tagged with any topic."))
    for line in report.topics:
        blocks += _topic_timeline_blocks(line, out)
    return blocks
