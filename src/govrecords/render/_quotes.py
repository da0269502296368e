"""Quotes laid out for a report: cut to a width around the words that name the topic."""

from __future__ import annotations

from govrecords.comparison.sentences import topic_needles
from govrecords.taxonomy import Taxonomy

QUOTE_WIDTH = 240
"""The longest quote a people-facing report shows; longer ones are cut around the topic's words."""


def excerpt(text: str, topic: str | None = None, taxonomy: Taxonomy | None = None, width: int = QUOTE_WIDTH) -> str:
    """*text* on one line, cut to about *width* characters around the first words naming *topic*."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    folded = flat.casefold()
    at = -1
    if topic is not None:
        hits = [folded.find(needle) for needle in topic_needles(topic, taxonomy)]
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
