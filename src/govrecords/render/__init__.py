"""Renderers: comparisons and timelines for people and for machines.

* :func:`to_text` and :func:`to_markdown`: reports to read, with the evidence
  quoted and located in its source;
* :func:`to_json`: the report itself, as a govrecords JSON document (the same
  converter and JSON Schema as every record);
* :func:`to_svg`: a picture of one topic's timeline, or of every topic as a grid
  of topics by forums spaced by date, written with the standard library only.
"""

from __future__ import annotations

from govrecords.comparison import Comparison
from govrecords.comparison.timelines import Timeline
from govrecords.render.svg import to_svg
from govrecords.render.text import to_markdown, to_text

__all__ = ["to_json", "to_markdown", "to_svg", "to_text"]


def to_json(report: Comparison | Timeline, *, indent: int | None = 2) -> str:
    """A comparison or a timeline as a govrecords JSON document.

    The same as :func:`govrecords.serialisation.documents.dumps`: read it back with
    :func:`govrecords.serialisation.documents.loads`; its shape is in the JSON Schema.
    """
    # imported on use: the text and SVG renderers never load cattrs (start-up speed)
    from govrecords.serialisation.documents import dumps

    return dumps(report, indent=indent)
