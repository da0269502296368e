"""Comparisons and timelines as plain text and as Markdown, for people.

Both forms are built from the same outline (headings, paragraphs, notes, tables,
lists), so they say the same things; Markdown adds emphasis and escapes what the
records quote. The Markdown is CommonMark with pipe tables, fit for MyST pages in
a Sphinx site.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections import Counter
from collections.abc import Sequence
from typing import Literal

import attrs

from govrecords.comparison import Comparison, SideSummary, TopicComparison
from govrecords.comparison.changes import Change, StanceShift
from govrecords.comparison.evidence import Evidence, EvidenceKind, TopicState, TopicStatus
from govrecords.comparison.matching import MatchKind, RecommendationMatch
from govrecords.comparison.refs import ForumRef
from govrecords.comparison.sentences import (
    ANNOUNCEMENT_NOTE,
    change_words,
    date_words,
    evidence_head,
    locator,
    main_quote,
    measure_short,
    measure_words,
    record_words,
    short_state,
    state_words,
    topic_link,
)
from govrecords.comparison.timelines import Timeline, TimelinePoint, TopicTimeline, Trend
from govrecords.documents import Coverage
from govrecords.render._quotes import QUOTE_WIDTH, excerpt
from govrecords.taxonomy import Taxonomy, default_taxonomy

__all__ = ["to_markdown", "to_text"]

Style = Literal["text", "markdown"]
WIDTH = 100
"""The width plain text is wrapped at."""

_Item = tuple[str, tuple[str, ...]]  # a list item and its sub-items


@attrs.frozen
class _Block:
    kind: Literal["h1", "h2", "h3", "p", "note", "ul", "table"]
    text: str = ""
    items: tuple[_Item, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # for tables: the header row first


_ESCAPE = re.compile(r"([\\`*_\[\]<>#|~])")


@attrs.frozen
class _Writer:
    """Inline markup for one style, and what every part of a report needs to word itself."""

    style: Style
    taxonomy: Taxonomy
    width: int

    def plain(self, text: str) -> str:
        return _ESCAPE.sub(r"\\\1", text) if self.style == "markdown" else text

    def em(self, text: str) -> str:
        return f"*{self.plain(text)}*" if self.style == "markdown" else text

    def strong(self, text: str) -> str:
        return f"**{self.plain(text)}**" if self.style == "markdown" else text.upper()

    def code(self, text: str) -> str:
        return f"`{text}`" if self.style == "markdown" else text

    def evidence(self, items: Sequence[Evidence], topic: str | None) -> tuple[str, ...]:
        """One line per piece of evidence: what it is, the quote, where it stands."""
        out: list[str] = []
        for item in items:
            prov = main_quote(item.provenance)
            quoted = excerpt(
                prov.quote if prov is not None and prov.quote else item.text, topic, self.taxonomy, self.width
            )
            where = f" ({self.plain(locator(prov))})" if prov is not None else " (no provenance recorded)"
            why = self.because(item.text, topic)
            out.append(f"{self.em(evidence_head(item))}: \u201c{self.plain(quoted)}\u201d{where}{why}")
        return tuple(out)

    def because(self, text: str, topic: str | None) -> str:
        """The words of *text* that tag *topic* (or a narrower one), as '; tagged because of “…”'."""
        if topic is None:
            return ""
        found = self.taxonomy.tags(text)
        phrases = list(dict.fromkeys(t.phrase for t in found if topic in self.taxonomy.broader_chain(t.topic)))
        if not phrases:
            return ""
        return "; tagged because of " + ", ".join(f"\u201c{self.plain(p)}\u201d" for p in phrases[:3])

    def state(self, name: str, state: TopicState, topic: str | None) -> _Item:
        """A topic's state on one side, with its evidence as sub-items."""
        head = f"{self.strong(name)}: {self.plain(state_words(state))}"
        if state.consensus is not None:
            head += f"; {self.plain(measure_words(state.consensus))}"
        elif state.consensus_note is not None:
            head += f"; {self.plain(state.consensus_note)}"
        shown = [item for item in state.evidence if item.kind is not EvidenceKind.TAG]
        return head, self.evidence(shown, topic)


def _render(blocks: Sequence[_Block], style: Style, width: int = WIDTH) -> str:
    parts = [_markdown_block(block) if style == "markdown" else _text_block(block, width) for block in blocks]
    return "\n\n".join(part for part in parts if part) + "\n"


def _markdown_block(block: _Block) -> str:
    if block.kind in ("h1", "h2", "h3"):
        return f"{'#' * int(block.kind[1])} {block.text}"
    if block.kind == "p":
        return block.text
    if block.kind == "note":
        return f"> {block.text}"
    if block.kind == "table":
        header, *body = block.rows
        table = [f"| {' | '.join(header)} |", f"|{'|'.join('---' for _ in header)}|"]
        table += [f"| {' | '.join(row)} |" for row in body]
        return "\n".join(table)
    lines: list[str] = []
    for item, subs in block.items:
        lines.append(f"- {item}")
        lines.extend(f"  - {sub}" for sub in subs)
    return "\n".join(lines)


def _wrap(text: str, first: str, rest: str, width: int = WIDTH) -> str:
    return textwrap.fill(
        text, width, initial_indent=first, subsequent_indent=rest, break_on_hyphens=False, break_long_words=False
    )


def _text_table(rows: Sequence[tuple[str, ...]], width: int = WIDTH) -> str:
    """Columns wrapped to fit the page: the first column gives way first, then the last, then the widest."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    room = width - 2 * (len(widths) - 1)
    for column, floor in ((0, 26), (len(widths) - 1, 12)):
        widths[column] = max(min(widths[column], floor), widths[column] - (sum(widths) - room))
    while sum(widths) > room and max(widths) > 12:
        widths[widths.index(max(widths))] -= 1
    lines: list[str] = []
    for number, row in enumerate(rows):
        cells = [
            textwrap.wrap(cell, width, break_on_hyphens=False) or [""] for cell, width in zip(row, widths, strict=True)
        ]
        lines.extend(
            "  ".join(part.ljust(width) for part, width in zip(parts, widths, strict=True)).rstrip()
            for parts in itertools.zip_longest(*cells, fillvalue="")
        )
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(lines)


def _text_block(block: _Block, width: int = WIDTH) -> str:
    if block.kind in ("h1", "h2"):
        title = _wrap(block.text, "", "", width)
        rule = "=" if block.kind == "h1" else "-"
        return f"{title}\n{rule * max(map(len, title.splitlines()))}"
    if block.kind == "h3":
        return _wrap(block.text, "", "  ", width)
    if block.kind == "p":
        return _wrap(block.text, "", "", width)
    if block.kind == "note":
        return _wrap(block.text, "  Note: ", "        ", width)
    if block.kind == "table":
        return _text_table(block.rows, width)
    lines: list[str] = []
    for item, subs in block.items:
        lines.append(_wrap(item, "  ", "    ", width))
        lines.extend(_wrap(sub, "    - ", "      ", width) for sub in subs)
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# Comparisons.


def _side_item(name: str, side: SideSummary, forums: dict[str, ForumRef], out: _Writer) -> _Item:
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


def _overview(report: Comparison, out: _Writer, brief: bool = False) -> _Block:
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
    return _Block("table", rows=tuple(rows))


def _topic_blocks(row: TopicComparison, out: _Writer) -> list[_Block]:
    change = out.strong(change_words(row.change))
    blocks = [
        _Block("h3", f"{out.plain(row.label or row.topic)} ({out.code(row.topic)}): {change}"),
        _Block("p", out.plain(row.explanation) + "."),
    ]
    link = topic_link(row.topic, row.before, row.after, out.taxonomy)
    if link is not None:
        blocks.append(_Block("p", out.plain(f"Words on each side: {link}.")))
    blocks.append(
        _Block("ul", items=(out.state("before", row.before, row.topic), out.state("after", row.after, row.topic)))
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


def _matters(report: Comparison, out: _Writer) -> list[_Item]:
    """The few changes that matter most, most important first."""
    rows = _reading_order(report)
    items: list[_Item] = [
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


def _brief_blocks(report: Comparison, out: _Writer) -> list[_Block]:
    before, after = out.plain(report.before.label), out.plain(report.after.label)
    blocks = [
        _Block("h1", f"Comparison: {before} \u2192 {after}"),
        _Block(
            "ul",
            items=(
                (out.plain(_side_line("Before", report.before)), ()),
                (out.plain(_side_line("After", report.after)), ()),
            ),
        ),
    ]
    blocks += [_Block("note", out.plain(note)) for note in _order_notes(report)]
    if not report.topics:
        blocks.append(_Block("p", "Neither side is tagged with any topic."))
    else:
        blocks.append(_overview(report, out, brief=True))
    matters = _matters(report, out)
    if matters:
        blocks += [_Block("h2", "What matters most"), _Block("ul", items=tuple(matters))]
    blocks.append(_Block("p", "The evidence, stances and recommendations: --detail."))
    return blocks


def _match_item(match: RecommendationMatch, out: _Writer) -> _Item:
    subs: list[str] = []
    for side, refs in (("before", match.before), ("after", match.after)):
        for ref in refs:
            number = out.plain((ref.number or "").strip() or "#")
            line = f"{side} {number}: \u201c{out.plain(excerpt(ref.text, width=out.width))}\u201d"
            prov = main_quote(ref.provenance)
            subs.append(line + (f" ({out.plain(locator(prov))})" if prov is not None else ""))
    return out.plain(match.explanation), tuple(subs)


def _comparison_blocks(report: Comparison, out: _Writer) -> list[_Block]:
    forums = {forum.id: forum for side in (report.before, report.after) for forum in side.forums}
    before, after = out.plain(report.before.label), out.plain(report.after.label)
    blocks = [
        _Block("h1", f"Comparison: {before} \u2192 {after}"),
        _Block("p", f"Compared {before} (before) with {after} (after)."),
        _Block(
            "ul",
            items=(_side_item("before", report.before, forums, out), _side_item("after", report.after, forums, out)),
        ),
    ]
    blocks += [
        _Block("note", out.plain(ANNOUNCEMENT_NOTE.format(side=name)))
        for name, side in (("before", report.before), ("after", report.after))
        if side.announcements_only
    ]
    blocks += [_Block("p", out.plain(_summary_line(report))), _Block("p", out.plain(_settings_line(report)))]
    blocks.append(_Block("h2", "Topics"))
    if not report.topics:
        blocks.append(_Block("p", "Neither side is tagged with any topic."))
    else:
        blocks.append(_overview(report, out))
    for row in _reading_order(report):
        blocks += _topic_blocks(row, out)
    blocks.append(_Block("h2", "Stakeholder stances"))
    if not report.stances:
        blocks.append(_Block("p", "No position on either side is held by an actor with a declared stakeholder group."))
    else:
        items = tuple(
            (
                f"{out.code(stance.topic)}: {out.plain(stance.explanation)}",
                tuple(f"before, {line}" for line in out.evidence(stance.before_evidence, stance.topic))
                + tuple(f"after, {line}" for line in out.evidence(stance.after_evidence, stance.topic)),
            )
            for stance in report.stances
        )
        blocks.append(_Block("ul", items=items))
    blocks.append(_Block("h2", "Recommendations"))
    if not report.recommendations:
        blocks.append(_Block("p", "Neither side makes a recommendation."))
    else:
        blocks.append(_Block("ul", items=tuple(_match_item(match, out) for match in report.recommendations)))
    return blocks


# ---------------------------------------------------------------------------
# Timelines.

_TREND_WORDS = {
    Trend.RISING: "rising",
    Trend.FALLING: "falling",
    Trend.FLAT: "flat",
    Trend.MIXED: "mixed (up at one step, down at another)",
    Trend.INSUFFICIENT: "none to read (fewer than two points with a consensus level)",
}


def _topic_timeline_blocks(line: TopicTimeline, out: _Writer) -> list[_Block]:
    first = line.point(line.first_raised) if line.first_raised else None
    last = line.point(line.last_seen) if line.last_seen else None
    facts = f"Trend: {_TREND_WORDS[line.trend]}."
    if first is not None and last is not None:
        facts += f" First raised: {out.plain(first.label)} ({date_words(first.date)})."
        facts += f" Last seen: {out.plain(last.label)} ({date_words(last.date)})."
    else:
        facts += " Not discussed at any point."
    items: list[_Item] = []
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
        _Block("h2", f"{out.plain(line.label or line.topic)} ({out.code(line.topic)})"),
        _Block("p", facts),
        _Block("ul", items=tuple(items)),
    ]


def _point_words(point: TimelinePoint) -> str:
    if point.state.status is TopicStatus.NOT_DISCUSSED and point.records:
        kinds = [r.document for r in point.records if r.document is not None]
        cover = Coverage.of(kinds, any(r.partial for r in point.records))
        if kinds and not cover.complete:
            return f"not raised in this document (a {cover.words})"
    return state_words(point.state)


def _timeline_blocks(report: Timeline, out: _Writer) -> list[_Block]:
    title = "Timeline"
    if len(report.topics) == 1:
        title += f": {out.plain(report.topics[0].label or report.topics[0].topic)}"
    blocks = [_Block("h1", title)]
    if not report.topics:
        blocks.append(_Block("p", "No record is tagged with any topic."))
    for line in report.topics:
        blocks += _topic_timeline_blocks(line, out)
    return blocks


def _blocks(
    report: Comparison | Timeline, style: Style, taxonomy: Taxonomy | None, width: int, detail: bool = True
) -> list[_Block]:
    out = _Writer(style, default_taxonomy() if taxonomy is None else taxonomy, width)
    if isinstance(report, Comparison):
        return _comparison_blocks(report, out) if detail else _brief_blocks(report, out)
    return _timeline_blocks(report, out)


def to_text(
    report: Comparison | Timeline,
    *,
    taxonomy: Taxonomy | None = None,
    quote_width: int = QUOTE_WIDTH,
    width: int = WIDTH,
    detail: bool = True,
) -> str:
    """A comparison or a timeline as plain text, wrapped at *width* columns.

    Args:
        report: What to render.
        width: The widest line, in columns (default 100; the command line gives
            the terminal's width). Table columns give way first; a word longer
            than a line is never broken.
        taxonomy: Where to find each topic's words, to cut long quotes around them
            (default: :func:`~govrecords.taxonomy.default_taxonomy`).
        quote_width: The longest quote shown, in characters; the full quotes are
            in the report itself (and its JSON).
        detail: For a comparison: every topic with its evidence, the stances and
            the recommendations. False gives one screen: the table of topics and
            the few changes that matter most.

    Returns:
        The text, ending with a newline.
    """
    if type(width) is not int or width < 20:
        raise ValueError(f"width must be a whole number of columns >= 20, got {width!r}")
    return _render(_blocks(report, "text", taxonomy, quote_width, detail), "text", width)


def to_markdown(
    report: Comparison | Timeline,
    *,
    taxonomy: Taxonomy | None = None,
    quote_width: int = QUOTE_WIDTH,
    detail: bool = True,
) -> str:
    """A comparison or a timeline as Markdown (CommonMark with pipe tables; fit for MyST in Sphinx).

    Args:
        report: What to render.
        taxonomy: Where to find each topic's words, to cut long quotes around them.
        quote_width: The longest quote shown, in characters.
        detail: As for :func:`to_text`.

    Returns:
        The Markdown, ending with a newline.
    """
    return _render(_blocks(report, "markdown", taxonomy, quote_width, detail), "markdown")
