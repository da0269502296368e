"""A picture of one topic's timeline, as SVG, written with the standard library only.

Forums run left to right in date order; the consensus scale runs bottom (contested)
to top (common view). Below the scale, apart from it, two bands hold the states
that are not levels: *raised, not yet concluded* and *not discussed*. Each point is
one mark, carrying its data as attributes (``data-key``, ``data-status``,
``data-level``, ``data-date``) and a tooltip, so the picture can be checked against
the data it shows::

    <circle class="mark" data-index="0" data-key="igf-2013" data-status="concluded"
            data-level="common_view" data-date="2013-10-22/2013-10-25" .../>

Concluded points are filled circles joined by a line (dashed where points off the
scale lie between them); raised points are hollow diamonds; points where the
topic was not discussed are small hollow circles.
"""

from __future__ import annotations

import itertools
import textwrap
import xml.etree.ElementTree as ET

from govrecords.comparison.evidence import TopicStatus
from govrecords.comparison.sentences import date_words
from govrecords.comparison.timelines import Timeline, TimelinePoint, TopicTimeline
from govrecords.dates import DateRange
from govrecords.errors import Problem, ValidationError
from govrecords.render._svg_drawing import (
    BAND,
    BANDS,
    GAP,
    INK,
    LEFT,
    LEVEL,
    MUTED,
    RIGHT,
    SCALE,
    STEP,
    TOP,
    TRENDS,
    band_label,
    band_of,
    band_y,
    canvas,
    grid_mark,
    legend,
    mark,
    text,
    wrapped,
)

__all__ = ["BANDS", "band_y", "grid_svg", "to_svg"]


def _choose(report: Timeline | TopicTimeline, topic: str | None) -> TopicTimeline:
    if isinstance(report, TopicTimeline):
        return report
    if topic is None and len(report.topics) == 1:
        return report.topics[0]
    found = report.topic(topic) if topic is not None else None
    if found is None:
        known = ", ".join(line.topic for line in report.topics) or "none"
        raise ValidationError([Problem("topic", f"name one of the timeline's topics ({known})", topic)])
    return found


def to_svg(report: Timeline | TopicTimeline, topic: str | None = None) -> str:
    """One topic's timeline as an SVG picture, or every topic's as a grid.

    Args:
        report: A :class:`~govrecords.comparison.timelines.TopicTimeline`, or a
            :class:`~govrecords.comparison.timelines.Timeline` and the *topic* to draw.
        topic: The topic id to draw of a whole timeline; None draws a timeline of
            several topics as a grid (see :func:`grid_svg`).

    Returns:
        The SVG document, as text.

    Raises:
        ValidationError: *topic* names none of the timeline's topics.
    """
    if isinstance(report, Timeline) and topic is None and len(report.topics) != 1:
        return grid_svg(report)
    line = _choose(report, topic)
    count = max(len(line.points), 1)
    width = max(LEFT + count * STEP + RIGHT, 640)
    bottom = band_y(BANDS[-1]) + BAND / 2
    height = bottom + 112
    root = canvas(
        width,
        height,
        f"{line.label or line.topic}: consensus across {len(line.points)} points",
        {"data-topic": line.topic, "data-trend": line.trend.value},
    )
    text(
        root,
        16,
        30,
        f"{line.label or line.topic} ({line.topic})",
        **{"font-size": "18", "font-weight": "bold", "fill": INK},
    )
    first, last = line.point(line.first_raised or ""), line.point(line.last_seen or "")
    seen = "not discussed at any point"
    if first is not None and last is not None:
        seen = f"first raised: {first.label}; last seen: {last.label}"
    room = int((width - 32) / 6.8)  # characters that fit at 12 px
    for baseline, facts in ((52.0, f"trend: {TRENDS[line.trend]}"), (68.0, seen)):
        text(
            root,
            16,
            baseline,
            textwrap.shorten(facts, room, placeholder="\u2026"),
            **{"font-size": "12", "fill": MUTED},
        )
    scale = ET.SubElement(root, "g", {"class": "bands"})
    for band in BANDS:
        y = band_y(band)
        off_scale = band in ("raised", "not_discussed")
        ET.SubElement(
            scale,
            "line",
            {
                "x1": str(LEFT - 10),
                "x2": f"{width - RIGHT + 10:.1f}",
                "y1": f"{y:.1f}",
                "y2": f"{y:.1f}",
                "stroke": "#e4e4e4",
                "stroke-width": "1",
            },
        )
        text(
            scale,
            LEFT - 18,
            y + 4,
            band_label(band),
            **{
                "font-size": "12",
                "text-anchor": "end",
                "fill": MUTED if off_scale else INK,
                "font-style": "italic" if off_scale else "normal",
                "class": "band-label",
                "data-band": band,
            },
        )
    split = TOP + len(SCALE) * BAND + GAP / 2
    ET.SubElement(
        root,
        "line",
        {
            "class": "scale-edge",
            "x1": "12",
            "x2": f"{width - 12:.1f}",
            "y1": f"{split:.1f}",
            "y2": f"{split:.1f}",
            "stroke": MUTED,
            "stroke-dasharray": "5 4",
            "stroke-width": "1",
        },
    )
    text(root, 16, TOP - 8, "consensus scale \u2191", **{"font-size": "11", "fill": MUTED})
    text(root, 16, split + 14, "off the scale", **{"font-size": "11", "fill": MUTED})
    xs = [LEFT + (index + 0.5) * STEP for index in range(len(line.points))]
    for x, point in zip(xs, line.points, strict=True):
        ET.SubElement(
            root,
            "line",
            {
                "x1": f"{x:.1f}",
                "x2": f"{x:.1f}",
                "y1": str(TOP),
                "y2": f"{bottom:.1f}",
                "stroke": "#f0f0f0",
                "stroke-width": "1",
            },
        )
        y = bottom + 20
        for row in wrapped(point.label):
            text(root, x, y, row, **{"font-size": "12", "text-anchor": "middle", "fill": INK, "class": "point-label"})
            y += 15
        text(root, x, y, date_words(point.date), **{"font-size": "11", "text-anchor": "middle", "fill": MUTED})
        if not point.order_known:
            text(
                root,
                x,
                y + 14,
                "order not known",
                **{"font-size": "10", "text-anchor": "middle", "fill": MUTED, "font-style": "italic"},
            )
    concluded = [index for index, point in enumerate(line.points) if point.state.status is TopicStatus.CONCLUDED]
    for earlier, later in itertools.pairwise(concluded):
        ET.SubElement(
            root,
            "line",
            {
                "class": "trend-line",
                "x1": f"{xs[earlier]:.1f}",
                "y1": f"{band_y(band_of(line.points[earlier])):.1f}",
                "x2": f"{xs[later]:.1f}",
                "y2": f"{band_y(band_of(line.points[later])):.1f}",
                "stroke": LEVEL,
                "stroke-width": "2",
                **({"stroke-dasharray": "6 5"} if later - earlier > 1 else {}),
            },
        )
    marks = ET.SubElement(root, "g", {"class": "marks"})
    for index, (x, point) in enumerate(zip(xs, line.points, strict=True)):
        mark(marks, index, point, x)
    legend(root, height - 22)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


_GRID_LEFT, _GRID_RIGHT, _GRID_SPAN, _GRID_ROW, _GRID_TOP, _GRID_MIN_GAP = 280, 60, 640, 30, 118, 44


def _midpoint(point: TimelinePoint) -> float | None:
    when = point.date
    if isinstance(when, DateRange):  # an open range stands at its known bound
        when = when.start if when.end is None else (when.end if when.start is None else when)
    if when is None:
        return None
    low, high = when.sort_key()
    return (low.toordinal() + high.toordinal()) / 2


def grid_xs(line: TopicTimeline) -> list[float]:
    """Each point's horizontal place in the grid: spaced by date, undated points last.

    Dated points are placed in proportion to the time between them (the middle of
    each date's span), pushed apart by at most the least gap that keeps their marks
    apart; points with no date come after a gap, in the timeline's order.
    """
    middles = [_midpoint(point) for point in line.points]
    dated = [m for m in middles if m is not None]
    low, high = (min(dated), max(dated)) if dated else (0.0, 0.0)
    xs: list[float] = []
    last = float(_GRID_LEFT - _GRID_MIN_GAP)
    for middle in middles:
        if middle is None:
            continue
        x = _GRID_LEFT + (_GRID_SPAN * (middle - low) / (high - low) if high > low else 0.0)
        last = max(x, last + _GRID_MIN_GAP)
        xs.append(last)
    undated = last + 2 * _GRID_MIN_GAP
    out: list[float] = []
    dated_x = iter(xs)
    for middle in middles:
        if middle is None:
            out.append(undated)
            undated += _GRID_MIN_GAP
        else:
            out.append(next(dated_x))
    return out


def grid_svg(report: Timeline) -> str:
    """Every topic of a timeline as one picture: a grid of topics (rows) by forums (columns).

    Columns stand at their dates, so that 2012 to 2013 is shorter than 2013 to
    2019; a forum with no date stands apart at the right, marked "date unknown".
    Each cell is one mark with the same data attributes as :func:`to_svg` and a
    ``data-topic``: a filled circle for a consensus level (its words in the
    tooltip), a hollow diamond for raised without an outcome, a small hollow
    circle where the topic is not raised.
    """
    lines = report.topics
    first = lines[0] if lines else TopicTimeline("none", None, ())
    xs = grid_xs(first)
    width = (max(xs) if xs else _GRID_LEFT) + _GRID_RIGHT + 80
    height = _GRID_TOP + max(len(lines), 1) * _GRID_ROW + 70
    root = canvas(
        width,
        height,
        f"{len(lines)} topics across {len(first.points)} points, spaced by date",
        {"class": "timeline-grid"},
    )
    text(
        root, 16, 30, "Topics across forums, spaced by date", **{"font-size": "18", "font-weight": "bold", "fill": INK}
    )
    for index, (point, x) in enumerate(zip(first.points, xs, strict=True)):
        for row, words in enumerate(wrapped(point.label, 18, 2)):
            text(
                root,
                x,
                56 + 13 * row,
                words,
                **{
                    "font-size": "11",
                    "text-anchor": "middle",
                    "fill": INK,
                    "class": "column-label",
                    "data-index": str(index),
                },
            )
        when = date_words(point.date) + ("" if point.order_known else " (order not known)")
        text(root, x, 98, when, **{"font-size": "10", "text-anchor": "middle", "fill": MUTED})
    for row, line in enumerate(lines):
        y = _GRID_TOP + row * _GRID_ROW + _GRID_ROW / 2
        ET.SubElement(
            root,
            "line",
            {"x1": "16", "x2": f"{width - 16:.1f}", "y1": f"{y:.1f}", "y2": f"{y:.1f}", "stroke": "#eeeeee"},
        )
        label = textwrap.shorten(f"{line.label or line.topic}", 40, placeholder="\u2026")
        text(root, 16, y + 4, label, **{"font-size": "12", "fill": INK, "class": "row-label", "data-topic": line.topic})
        group = ET.SubElement(root, "g", {"class": "row", "data-topic": line.topic})
        for index, (point, x) in enumerate(zip(line.points, xs, strict=True)):
            grid_mark(group, index, point, x, y)
    legend_y = _GRID_TOP + max(len(lines), 1) * _GRID_ROW + 30
    text(
        root,
        16,
        legend_y,
        "filled: a consensus level (hover for it); diamond: raised, no outcome reported; small ring: not raised",
        **{"font-size": "11", "fill": MUTED},
    )
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
