"""The drawing pieces of the SVG timelines: bands, colours, text, marks, canvas and legend.

The geometry (where each band and column stands) and the colours are here, with
the helpers that add one element each; :mod:`govrecords.render.svg` lays the
pictures out with them.
"""

from __future__ import annotations

import textwrap
import xml.etree.ElementTree as ET

from govrecords.comparison.evidence import TopicStatus
from govrecords.comparison.sentences import date_words, level_words, state_words
from govrecords.comparison.timelines import TimelinePoint, Trend
from govrecords.vocabulary import ConsensusLevel

__all__ = [
    "BAND",
    "BANDS",
    "GAP",
    "INK",
    "LEFT",
    "LEVEL",
    "MUTED",
    "RIGHT",
    "SCALE",
    "STEP",
    "TOP",
    "TRENDS",
    "band_label",
    "band_of",
    "band_y",
    "canvas",
    "grid_mark",
    "legend",
    "mark",
    "text",
    "wrapped",
]

SCALE = sorted((level for level in ConsensusLevel if level.rank is not None), key=lambda level: -(level.rank or 0))
BANDS: tuple[str, ...] = (*(level.value for level in SCALE), "raised", "not_discussed")
"""The bands from top to bottom: the consensus levels, strongest first, then the two states off the scale."""

LEFT, STEP, RIGHT, TOP, BAND, GAP = 200, 170, 40, 96, 34, 22
INK, MUTED, LEVEL, _RAISED, _ABSENT = "#1b1b1b", "#6b6b6b", "#1f5fa8", "#b35900", "#8a8a8a"
_FONT = "DejaVu Sans, Helvetica, Arial, sans-serif"


TRENDS = {
    Trend.RISING: "rising",
    Trend.FALLING: "falling",
    Trend.FLAT: "flat",
    Trend.MIXED: "mixed",
    Trend.INSUFFICIENT: "none (fewer than two points with a consensus level)",
}


def band_y(band: str) -> float:
    """The vertical centre of a band, in the picture's units."""
    index = BANDS.index(band)
    gap = GAP if index >= len(SCALE) else 0
    return TOP + index * BAND + gap + BAND / 2


def band_of(point: TimelinePoint) -> str:
    state = point.state
    if state.status is TopicStatus.CONCLUDED and state.level is not None:
        return state.level.value
    return "raised" if state.status is TopicStatus.RAISED else "not_discussed"


def text(parent: ET.Element, x: float, y: float, words: str, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, "text", {"x": f"{x:.1f}", "y": f"{y:.1f}", **attributes})
    element.text = words
    return element


def band_label(band: str) -> str:
    if band == "raised":
        return "raised, not yet concluded"
    if band == "not_discussed":
        return "not discussed"
    return level_words(ConsensusLevel(band))


def _mark_data(index: int, point: TimelinePoint) -> dict[str, str]:
    """The data attributes of a point's mark, the same in both drawings."""
    state = point.state
    return {
        "class": "mark",
        "data-index": str(index),
        "data-key": point.key,
        "data-status": state.status.value,
        "data-level": state.level.value if state.level is not None else "",
        "data-date": point.date.isoformat() if point.date is not None else "",
    }


def mark(parent: ET.Element, index: int, point: TimelinePoint, x: float) -> None:
    band = band_of(point)
    y = band_y(band)
    state = point.state
    data = _mark_data(index, point)
    if band == "raised":
        points = f"{x:.1f},{y - 9:.1f} {x + 9:.1f},{y:.1f} {x:.1f},{y + 9:.1f} {x - 9:.1f},{y:.1f}"
        shape = ET.SubElement(
            parent, "polygon", {**data, "points": points, "fill": "#ffffff", "stroke": _RAISED, "stroke-width": "2.5"}
        )
    elif band == "not_discussed":
        shape = ET.SubElement(
            parent,
            "circle",
            {
                **data,
                "cx": f"{x:.1f}",
                "cy": f"{y:.1f}",
                "r": "4.5",
                "fill": "#ffffff",
                "stroke": _ABSENT,
                "stroke-width": "1.5",
            },
        )
    else:
        shape = ET.SubElement(
            parent,
            "circle",
            {
                **data,
                "cx": f"{x:.1f}",
                "cy": f"{y:.1f}",
                "r": "8",
                "fill": LEVEL,
                "stroke": "#ffffff",
                "stroke-width": "1.5",
            },
        )
    title = ET.SubElement(shape, "title")
    title.text = f"{point.label} ({date_words(point.date)}): {state_words(state)}"


def wrapped(words: str, width: int = 24, lines: int = 2) -> list[str]:
    wrapped = textwrap.wrap(words, width) or [""]
    if len(wrapped) > lines:
        wrapped = [*wrapped[: lines - 1], textwrap.shorten(" ".join(wrapped[lines - 1 :]), width, placeholder="\u2026")]
    return wrapped


def canvas(width: float, height: float, title: str, extra: dict[str, str]) -> ET.Element:
    """An empty drawing: the svg element with its size, *extra* attributes, a title and a white ground."""
    root = ET.Element(
        "svg",
        {
            "xmlns": "http://www.w3.org/2000/svg",
            "width": str(int(width)),
            "height": str(int(height)),
            "viewBox": f"0 0 {int(width)} {int(height)}",
            "font-family": _FONT,
            **extra,
        },
    )
    ET.SubElement(root, "title").text = title
    ET.SubElement(
        root, "rect", {"x": "0", "y": "0", "width": str(int(width)), "height": str(int(height)), "fill": "#ffffff"}
    )
    return root


def legend(root: ET.Element, y: float) -> None:
    legend = ET.SubElement(root, "g", {"class": "legend", "font-size": "11", "fill": INK})
    ET.SubElement(legend, "circle", {"cx": "22", "cy": f"{y - 4:.1f}", "r": "6", "fill": LEVEL})
    text(legend, 34, y, "consensus level reported")
    x = 210.0
    points = f"{x:.1f},{y - 11:.1f} {x + 7:.1f},{y - 4:.1f} {x:.1f},{y + 3:.1f} {x - 7:.1f},{y - 4:.1f}"
    ET.SubElement(legend, "polygon", {"points": points, "fill": "#ffffff", "stroke": _RAISED, "stroke-width": "2"})
    text(legend, x + 14, y, "raised, not yet concluded (no outcome reported)")
    ET.SubElement(
        legend,
        "circle",
        {"cx": "540", "cy": f"{y - 4:.1f}", "r": "4.5", "fill": "#ffffff", "stroke": _ABSENT, "stroke-width": "1.5"},
    )
    text(legend, 552, y, "not discussed")


def grid_mark(parent: ET.Element, index: int, point: TimelinePoint, x: float, y: float) -> None:
    state = point.state
    data = _mark_data(index, point)
    if state.status is TopicStatus.RAISED:
        points = f"{x:.1f},{y - 7:.1f} {x + 7:.1f},{y:.1f} {x:.1f},{y + 7:.1f} {x - 7:.1f},{y:.1f}"
        shape = ET.SubElement(
            parent, "polygon", {**data, "points": points, "fill": "#ffffff", "stroke": _RAISED, "stroke-width": "2"}
        )
    elif state.status is TopicStatus.CONCLUDED and state.level is not None:
        rank = state.level.rank or 0
        top = max((level.rank or 0) for level in SCALE) or 1
        shade = 0.35 + 0.65 * rank / top
        shape = ET.SubElement(
            parent,
            "circle",
            {**data, "cx": f"{x:.1f}", "cy": f"{y:.1f}", "r": "7", "fill": LEVEL, "fill-opacity": f"{shade:.2f}"},
        )
    else:
        shape = ET.SubElement(
            parent,
            "circle",
            {
                **data,
                "cx": f"{x:.1f}",
                "cy": f"{y:.1f}",
                "r": "3",
                "fill": "#ffffff",
                "stroke": _ABSENT,
                "stroke-width": "1",
            },
        )
    ET.SubElement(shape, "title").text = f"{point.label} ({date_words(point.date)}): {state_words(state)}"
