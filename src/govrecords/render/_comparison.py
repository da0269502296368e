"""The comparison report in words: the full report and the one-screen brief, as layout blocks.

:func:`comparison_blocks` gives every topic with its evidence, the stakeholder
stances and the recommendations; :func:`brief_blocks` the table of topics and the
few changes that matter most.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from govrecords.comparison import Comparison, SideSummary, TopicComparison
from govrecords.comparison.changes import Change, StanceShift
from govrecords.comparison.evidence import TopicState, TopicStatus
from govrecords.comparison.matching import MatchKind, RecommendationMatch
from govrecords.comparison.refs import ForumRef
from govrecords.comparison.sentences import (
    ANNOUNCEMENT_NOTE,
    change_words,
    date_words,
    locator,
    main_quote,
    measure_short,
    record_words,
    short_state,
    topic_link,
)
from govrecords.render._layout import Block, Item, Writer
from govrecords.render._quotes import excerpt


def _side_item(name: str, side: SideSummary, forums: dict[str, ForumRef], out: Writer) -> Item:
    records = tuple(out.plain(record_words(record, forums)) for record in side.records)
    return f"{out.strong(name)}: {out.plain(side.label)}", records or ("no sessions or workshops",)


def _counted(values: Sequence[str]) -> str:
    counts = Counter(values)
    return "; ".join(f"{count} {value.replace('_', ' ')}" for value, count in counts.items()) or "none"


def _summary_line(report: Comparison) -> str:
    topics = _counted([change_words(t.change) for t in report.topics])
    stances = _counted([s.shift.value for s in report.stances])
    matches = _counted([m.kind.value for m in report.recommendations])
    return (
        f"{len(report.topics)} topics ({topics}); {len(report.stances)} stakeholder stances ({stances}); "
        f"{len(report.recommendations)} recommendation matches ({matches})."
    )


def _settings_line(report: Comparison) -> str:
    settings = report.settings
    topics = "topics rolled up to their broader topics" if settings.rollup else "topics by their exact ids"
    return (
        f"How it was decided: {topics} (taxonomy: {settings.taxonomy or 'none'}); a side's level for a topic is the "
        f"{settings.aggregate.value.replace('_', ' ')} of its findings' levels; recommendations match when they "
        f"share at least {settings.reworded_at}% of their words and count as repeated from {settings.repeated_at}%."
    )


_CHANGE_ORDER = {
    change: index
    for index, change in enumerate(
        (
            Change.STRENGTHENED,
            Change.WEAKENED,
            Change.REOPENED,
            Change.CONCLUDED,
            Change.RAISED_WITHOUT_OUTCOME,
            Change.NEWLY_RAISED,
            Change.NO_LONGER_DISCUSSED,
            Change.NOT_RAISED_EARLIER,
            Change.NOT_RAISED_LATER,
            Change.STILL_OPEN,
            Change.UNCHANGED,
            Change.ABSENT,
        )
    )
}


def _reading_order(report: Comparison) -> list[TopicComparison]:
    """Topics as people read them: changes on the scale first, then off it; by label within."""

    def key(row: TopicComparison) -> tuple[int, str, str]:
        label = (row.label or row.topic).casefold()
        return (_CHANGE_ORDER[row.change], label.removeprefix("the "), row.topic)

    return sorted(report.topics, key=key)


def _cell(state: TopicState, side: SideSummary, brief: bool) -> str:
    if state.status is TopicStatus.NOT_DISCUSSED and not side.coverage.complete:
        return "not raised"
    if brief and state.status is TopicStatus.RAISED:
        return "raised" if state.consensus is None else f"raised ({measure_short(state.consensus)})"
    return short_state(state)


def _overview(report: Comparison, out: Writer, brief: bool = False) -> Block:
    rows = [("Topic", "Before", "After", "Change")]
    rows += [
        (
            out.plain(row.label or row.topic),
            out.plain(_cell(row.before, report.before, brief)),
            out.plain(_cell(row.after, report.after, brief)),
            out.plain(change_words(row.change)),
        )
        for row in _reading_order(report)
    ]
    return Block("table", rows=tuple(rows))


def _topic_blocks(row: TopicComparison, out: Writer) -> list[Block]:
    change = out.strong(change_words(row.change))
    blocks = [
        Block("h3", f"{out.plain(row.label or row.topic)} ({out.code(row.topic)}): {change}"),
        Block("p", out.plain(row.explanation) + "."),
    ]
    link = topic_link(row.topic, row.before, row.after, out.taxonomy)
    if link is not None:
        blocks.append(Block("p", out.plain(f"Words on each side: {link}.")))
    blocks.append(
        Block("ul", items=(out.state("before", row.before, row.topic), out.state("after", row.after, row.topic)))
    )
    return blocks


_SHOWN_LABELS = 4
_MATCH_WORDS = {
    MatchKind.REPEATED: "repeated",
    MatchKind.REWORDED: "reworded",
    MatchKind.MERGED: "merged",
    MatchKind.SPLIT: "split",
    MatchKind.REGROUPED: "regrouped",
    MatchKind.NEW: "new",
    MatchKind.DROPPED: "dropped",
    MatchKind.NO_COUNTERPART_AFTER: "before with no counterpart after",
    MatchKind.NO_COUNTERPART_BEFORE: "after with no counterpart before",
}


def _labels(rows: Sequence[TopicComparison]) -> str:
    names = [row.label or row.topic for row in rows]
    shown = ", ".join(names[:_SHOWN_LABELS])
    return shown + (f" and {len(names) - _SHOWN_LABELS} more" if len(names) > _SHOWN_LABELS else "")


def _side_line(name: str, side: SideSummary) -> str:
    dates = sorted({date_words(r.date) for r in side.records})
    when = "; ".join(dates) if dates else "no records"
    return f"{name}: {side.label} ({side.coverage.words}, {when})"


def _matters(report: Comparison, out: Writer) -> list[Item]:
    """The few changes that matter most, most important first."""
    rows = _reading_order(report)
    items: list[Item] = [
        (out.plain(f"{row.label or row.topic}: {row.explanation}"), ())
        for row in rows
        if row.change in (Change.STRENGTHENED, Change.WEAKENED)
    ]
    items += [
        (out.plain(f"{stance.topic}: {stance.explanation}"), ())
        for stance in report.stances
        if stance.shift in (StanceShift.REVERSED, StanceShift.SHIFTED)
    ]
    grouped: dict[Change, list[TopicComparison]] = {}
    for row in rows:
        grouped.setdefault(row.change, []).append(row)
    before_words, after_words = report.before.coverage.words, report.after.coverage.words
    said = {
        Change.CONCLUDED: "an outcome reported after, only raised before",
        Change.RAISED_WITHOUT_OUTCOME: f"concluded before are raised again after without an outcome (the "
        f"{after_words} reports none): not placed on the consensus scale",
        Change.NEWLY_RAISED: "newly raised",
        Change.NO_LONGER_DISCUSSED: "no longer discussed",
        Change.NOT_RAISED_EARLIER: f"not raised in the earlier document (a {before_words}, which does not report "
        "everything discussed)",
        Change.NOT_RAISED_LATER: f"not raised in the later document (a {after_words}, which does not report "
        "everything discussed)",
    }
    for change, words in said.items():
        if change in grouped:
            group = grouped[change]
            named = f": {_labels(group)}" if len(group) <= 2 else ""
            items.append((out.plain(f"{len(group)} {'topic' if len(group) == 1 else 'topics'} {words}{named}"), ()))
    kinds = Counter(match.kind for match in report.recommendations)
    if kinds:
        parts: list[str] = []
        for kind, count in sorted(kinds.items(), key=lambda pair: list(MatchKind).index(pair[0])):
            parts.append(f"{count} {_MATCH_WORDS[kind]}")
            if kind in (MatchKind.REWORDED, MatchKind.MERGED, MatchKind.SPLIT, MatchKind.REGROUPED):
                shown = [m.after[0].text for m in report.recommendations if m.kind is kind][:2]
                parts[-1] += " (" + "; ".join(f"\u201c{excerpt(text, width=60)}\u201d" for text in shown) + ")"
            if kind in (MatchKind.NO_COUNTERPART_AFTER, MatchKind.NO_COUNTERPART_BEFORE):
                side = report.after if kind is MatchKind.NO_COUNTERPART_AFTER else report.before
                cover = side.coverage
                parts[-1] += (
                    f" (a {cover.words} makes none)"
                    if not cover.makes_recommendations
                    else f" (the {cover.words} raises none of their topics, or they name none)"
                )
        items.append((out.plain("Recommendations: " + "; ".join(parts)), ()))
    links = [link for row in rows if (link := topic_link(row.topic, row.before, row.after, out.taxonomy))]
    if links:
        more = f"; and {len(links) - 1} more (--detail)" if len(links) > 1 else ""
        items.append((out.plain("The sides word topics differently: " + links[0] + more), ()))
    return items


def _order_notes(report: Comparison) -> list[str]:
    """What the sides' dates say about which came first, when it is not before then after."""
    notes: list[str] = []
    forums = {ref.forum for side in (report.before, report.after) for ref in side.records}
    titles = {ref.title for side in (report.before, report.after) for ref in side.records}
    if len(forums) == 1 and None not in forums and len(titles) <= 2 and report.before.records:
        notes.append(
            f"Both sides come from one forum ({forums.pop()}). If they are two versions of one document, "
            "compare them as versions (compare --versions) rather than as two meetings."
        )
    dates = [[r.date for r in side.records if r.date is not None] for side in (report.before, report.after)]
    if report.before.records and report.after.records:
        if not dates[0] or not dates[1]:
            notes.append("A side has no date, so which came first is not known; it is not guessed.")
        else:
            first = min(dates[0], key=lambda when: when.sort_key())
            second = min(dates[1], key=lambda when: when.sort_key())
            if second.sort_key() < first.sort_key():
                notes.append("The after side is dated earlier than the before side: the change words read backwards.")
    return notes


def brief_blocks(report: Comparison, out: Writer) -> list[Block]:
    before, after = out.plain(report.before.label), out.plain(report.after.label)
    blocks = [
        Block("h1", f"Comparison: {before} \u2192 {after}"),
        Block(
            "ul",
            items=(
                (out.plain(_side_line("Before", report.before)), ()),
                (out.plain(_side_line("After", report.after)), ()),
            ),
        ),
    ]
    blocks += [Block("note", out.plain(note)) for note in _order_notes(report)]
    if not report.topics:
        blocks.append(Block("p", "Neither side is tagged with any topic."))
    else:
        blocks.append(_overview(report, out, brief=True))
    matters = _matters(report, out)
    if matters:
        blocks += [Block("h2", "What matters most"), Block("ul", items=tuple(matters))]
    blocks.append(Block("p", "The evidence, stances and recommendations: --detail."))
    return blocks


def _match_item(match: RecommendationMatch, out: Writer) -> Item:
    subs: list[str] = []
    for side, refs in (("before", match.before), ("after", match.after)):
        for ref in refs:
            number = out.plain((ref.number or "").strip() or "#")
            line = f"{side} {number}: \u201c{out.plain(excerpt(ref.text, width=out.width))}\u201d"
            prov = main_quote(ref.provenance)
            subs.append(line + (f" ({out.plain(locator(prov))})" if prov is not None else ""))
    return out.plain(match.explanation), tuple(subs)


def comparison_blocks(report: Comparison, out: Writer) -> list[Block]:
    forums = {forum.id: forum for side in (report.before, report.after) for forum in side.forums}
    before, after = out.plain(report.before.label), out.plain(report.after.label)
    blocks = [
        Block("h1", f"Comparison: {before} \u2192 {after}"),
        Block("p", f"Compared {before} (before) with {after} (after)."),
        Block(
            "ul",
            items=(_side_item("before", report.before, forums, out), _side_item("after", report.after, forums, out)),
        ),
    ]
    blocks += [
        Block("note", out.plain(ANNOUNCEMENT_NOTE.format(side=name)))
        for name, side in (("before", report.before), ("after", report.after))
        if side.announcements_only
    ]
    blocks += [Block("p", out.plain(_summary_line(report))), Block("p", out.plain(_settings_line(report)))]
    blocks.append(Block("h2", "Topics"))
    if not report.topics:
        blocks.append(Block("p", "Neither side is tagged with any topic."))
    else:
        blocks.append(_overview(report, out))
    for row in _reading_order(report):
        blocks += _topic_blocks(row, out)
    blocks.append(Block("h2", "Stakeholder stances"))
    if not report.stances:
        blocks.append(Block("p", "No position on either side is held by an actor with a declared stakeholder group."))
    else:
        items = tuple(
            (
                f"{out.code(stance.topic)}: {out.plain(stance.explanation)}",
                tuple(f"before, {line}" for line in out.evidence(stance.before_evidence, stance.topic))
                + tuple(f"after, {line}" for line in out.evidence(stance.after_evidence, stance.topic)),
            )
            for stance in report.stances
        )
        blocks.append(Block("ul", items=items))
    blocks.append(Block("h2", "Recommendations"))
    if not report.recommendations:
        blocks.append(Block("p", "Neither side makes a recommendation."))
    else:
        blocks.append(Block("ul", items=tuple(_match_item(match, out) for match in report.recommendations)))
    return blocks
