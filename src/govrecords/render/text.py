"""Comparisons and timelines as plain text and as Markdown, for people.

Both forms are built from the same outline (headings, paragraphs, notes, tables,
lists), so they say the same things; Markdown adds emphasis and escapes what the
records quote. The Markdown is CommonMark with pipe tables, fit for MyST pages in
a Sphinx site.

The outline and its layout are in ``_layout``; the comparison's blocks in
``_comparison``, the timeline's in ``_timeline``.
"""

from __future__ import annotations

from govrecords.comparison import Comparison
from govrecords.comparison.timelines import Timeline
from govrecords.render._comparison import brief_blocks, comparison_blocks
from govrecords.render._layout import WIDTH, Block, Style, Writer, render
from govrecords.render._quotes import QUOTE_WIDTH
from govrecords.render._timeline import timeline_blocks
from govrecords.taxonomy import Taxonomy, default_taxonomy

__all__ = ["to_markdown", "to_text"]


def _blocks(
    report: Comparison | Timeline, style: Style, taxonomy: Taxonomy | None, width: int, detail: bool = True
) -> list[Block]:
    out = Writer(style, default_taxonomy() if taxonomy is None else taxonomy, width)
    if isinstance(report, Comparison):
        return comparison_blocks(report, out) if detail else brief_blocks(report, out)
    return timeline_blocks(report, out)


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
    return render(_blocks(report, "text", taxonomy, quote_width, detail), "text", width)


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
    return render(_blocks(report, "markdown", taxonomy, quote_width, detail), "markdown")
