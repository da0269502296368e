"""The outline every text report is built from, and how it is laid out as plain text or Markdown.

A report is a list of :class:`Block` items (headings, paragraphs, notes, lists,
tables); a :class:`Writer` words each part inline for one style. :func:`render`
lays the blocks out: plain text wrapped at a width (tables give way first), or
CommonMark with pipe tables.
"""

from __future__ import annotations

import itertools
import re
import textwrap
from collections.abc import Sequence
from typing import Literal

import attrs

from govrecords.comparison.evidence import Evidence, EvidenceKind, TopicState
from govrecords.comparison.sentences import (
    evidence_head,
    locator,
    main_quote,
    measure_words,
    state_words,
)
from govrecords.render._quotes import excerpt
from govrecords.taxonomy import Taxonomy

Style = Literal["text", "markdown"]
WIDTH = 100
"""The width plain text is wrapped at."""

Item = tuple[str, tuple[str, ...]]  # a list item and its sub-items


@attrs.frozen
class Block:
    kind: Literal["h1", "h2", "h3", "p", "note", "ul", "table"]
    text: str = ""
    items: tuple[Item, ...] = ()
    rows: tuple[tuple[str, ...], ...] = ()  # for tables: the header row first


_ESCAPE = re.compile(r"([\\`*_\[\]<>#|~])")


@attrs.frozen
class Writer:
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

    def state(self, name: str, state: TopicState, topic: str | None) -> Item:
        """A topic's state on one side, with its evidence as sub-items."""
        head = f"{self.strong(name)}: {self.plain(state_words(state))}"
        if state.consensus is not None:
            head += f"; {self.plain(measure_words(state.consensus))}"
        elif state.consensus_note is not None:
            head += f"; {self.plain(state.consensus_note)}"
        shown = [item for item in state.evidence if item.kind is not EvidenceKind.TAG]
        return head, self.evidence(shown, topic)


def render(blocks: Sequence[Block], style: Style, width: int = WIDTH) -> str:
    parts = [_markdown_block(block) if style == "markdown" else _text_block(block, width) for block in blocks]
    return "\n\n".join(part for part in parts if part) + "\n"


def _markdown_block(block: Block) -> str:
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


def _text_block(block: Block, width: int = WIDTH) -> str:
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
