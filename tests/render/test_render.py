"""Renderers: plain text, Markdown, JSON, and the SVG picture of a timeline.

The SVG is parsed as XML and each mark is matched to its point: one mark per point,
left to right in the timeline's order, in the band of its level (or of raised, or of
not discussed), carrying the point's key, status, level and date; trend lines join
exactly the concluded points. Text and Markdown are checked for what a reader needs
(the change, both states, quotes with their place in the source) and for escaping.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from hypothesis import given, settings

from comparison_strategies import Side, sides
from govrecords import (
    Comparison,
    ConsensusLevel,
    Finding,
    Forum,
    PartialDate,
    Provenance,
    Session,
    Statement,
    Timeline,
    ValidationError,
    Workshop,
    compare,
    examples,
    loads,
    timeline,
)
from govrecords.comparison import TopicStatus, TopicTimeline
from govrecords.comparison.sentences import date_words
from govrecords.render import to_json, to_markdown, to_svg, to_text
from govrecords.render._quotes import excerpt
from govrecords.render.svg import BANDS, band_y

NS = "{http://www.w3.org/2000/svg}"
L = ConsensusLevel


def _seed_timeline() -> Timeline:
    return timeline([examples.load(name) for name in examples.names()])


def _series() -> TopicTimeline:
    def forum(fid: str, year: int, level: ConsensusLevel | None, raised: bool = False) -> Forum:
        findings = (Finding("point", level, topics=("privacy",)),) if level else ()
        questions = (Statement("What of privacy?", topics=("privacy",)),) if raised else ()
        return Forum(
            id=fid,
            name=f"IGF {year}",
            dates=PartialDate(year),
            sessions=(Session(id="s", title="S", findings=findings, key_issues=questions, topics=("other",)),),
        )

    forums = [
        forum("a", 2009, L.CONTESTED),
        forum("b", 2010, None, raised=True),
        forum("c", 2011, None),
        forum("d", 2012, L.ROUGH_CONSENSUS),
        forum("e", 2013, L.COMMON_VIEW),
    ]
    return timeline(forums, "privacy").topics[0]


def _marks(svg: str) -> list[ET.Element]:
    root = ET.fromstring(svg.split("\n", 1)[1])  # past the XML declaration
    assert root.tag == f"{NS}svg"
    return [element for element in root.iter() if element.get("class") == "mark"]


def _centre(mark: ET.Element) -> tuple[float, float]:
    if mark.tag == f"{NS}circle":
        return float(mark.get("cx", "nan")), float(mark.get("cy", "nan"))
    xs, ys = zip(*(map(float, pair.split(",")) for pair in mark.get("points", "").split()), strict=True)
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


def _band(status: TopicStatus, level: ConsensusLevel | None) -> str:
    if level is not None:
        return level.value
    return "raised" if status is TopicStatus.RAISED else "not_discussed"


def check_svg_matches(line: TopicTimeline, svg: str) -> None:
    """The marks of *svg* are the points of *line*: one each, in order, in their band, with their data."""
    marks = _marks(svg)
    assert len(marks) == len(line.points)
    xs: list[float] = []
    for index, (mark, point) in enumerate(zip(marks, line.points, strict=True)):
        state = point.state
        assert mark.get("data-index") == str(index)
        assert mark.get("data-key") == point.key
        assert mark.get("data-status") == state.status.value
        assert mark.get("data-level") == (state.level.value if state.level else "")
        assert mark.get("data-date") == (point.date.isoformat() if point.date else "")
        x, y = _centre(mark)
        assert y == pytest.approx(band_y(_band(state.status, state.level)), abs=0.11)
        shape = {"concluded": f"{NS}circle", "raised": f"{NS}polygon", "not_discussed": f"{NS}circle"}
        assert mark.tag == shape[state.status.value]
        title = mark.find(f"{NS}title")
        assert title is not None
        assert title.text is not None
        assert point.label in title.text
        xs.append(x)
    assert xs == sorted(xs)
    assert len(set(xs)) == len(xs)
    root = ET.fromstring(svg.split("\n", 1)[1])
    lines = [element for element in root.iter() if element.get("class") == "trend-line"]
    concluded = [p for p in line.points if p.state.status is TopicStatus.CONCLUDED]
    assert len(lines) == max(len(concluded) - 1, 0)
    assert root.get("data-topic") == line.topic
    assert root.get("data-trend") == line.trend.value


def test_svg_marks_match_the_data() -> None:
    """A series with every kind of point: each mark where and what its point says."""
    line = _series()
    svg = to_svg(line)
    check_svg_matches(line, svg)
    root = ET.fromstring(svg.split("\n", 1)[1])
    dashed = [e for e in root.iter() if e.get("class") == "trend-line" and e.get("stroke-dasharray")]
    assert len(dashed) == 1  # from 2009 to 2012, across the points off the scale
    labels = [e.get("data-band") for e in root.iter() if e.get("class") == "band-label"]
    assert labels == list(BANDS)


def test_svg_bands_stack_scale_above_the_rest() -> None:
    """Stronger levels are higher up; raised and not discussed lie below the whole scale."""
    ys = [band_y(band) for band in BANDS]
    assert ys == sorted(ys)
    assert BANDS[0] == "common_view"
    assert BANDS[-2:] == ("raised", "not_discussed")


def test_seed_svg() -> None:
    """The seeds' privacy timeline: a level before IGF 2012, a raised mark at IGF 2013."""
    report = _seed_timeline()
    svg = to_svg(report, "privacy")
    line = report.topic("privacy")
    assert line is not None
    check_svg_matches(line, svg)
    assert [m.get("data-status") for m in _marks(svg)] == ["concluded", "raised"]


def test_svg_of_several_topics_is_a_grid_spaced_by_date() -> None:
    """A timeline of several topics is drawn as a grid, one row per topic, forums placed by date;
    an unknown topic is reported."""
    from govrecords.render.svg import grid_xs

    report = _seed_timeline()
    svg = to_svg(report)
    rows = ET.fromstring(svg.split("\n", 1)[1]).findall(".//{http://www.w3.org/2000/svg}g[@class='row']")
    assert [row.get("data-topic") for row in rows] == [line.topic for line in report.topics]
    assert all(len(row.findall("*")) == len(report.topics[0].points) for row in rows)
    forums = [
        Forum(
            id=f"f{year}",
            name=str(year),
            dates=PartialDate(year),
            sessions=(Session(id="s", title="S", topics=("t",)),),
        )
        for year in (2012, 2013, 2019)
    ]
    xs = grid_xs(timeline(forums, "t").topics[0])
    assert xs[2] - xs[1] > 3 * (xs[1] - xs[0])  # 2013 to 2019 is wider than 2012 to 2013
    with pytest.raises(ValidationError):
        to_svg(report, "nowhere")
    single = timeline([examples.load("future-of-internet")], "spam")
    assert 'data-topic="spam"' in to_svg(single)


def test_svg_escapes_what_it_quotes() -> None:
    """Labels with markup characters stay text: the SVG still parses."""
    forum = Forum(id="x", name='<IGF> & "friends"', sessions=(Session(id="s", title="S", topics=("t",)),))
    line = timeline([forum], "t").topics[0]
    check_svg_matches(line, to_svg(line))


@given(sides)
@settings(max_examples=60)
def test_svg_matches_any_timeline(records: Side) -> None:
    """For any records, each topic's picture has exactly its points' marks."""
    for line in timeline(records).topics:
        check_svg_matches(line, to_svg(line))


# ---------------------------------------------------------------------------
# Text, Markdown, JSON.


def test_text_shows_states_changes_and_quotes() -> None:
    """The seed report in text: both sides named, the overview, the raised state worded, quotes located."""
    report = compare(*(examples.load(name) for name in examples.names()))
    text = to_text(report)
    flat = " ".join(text.split())
    assert "Compared The Future of Internet : Where we go? And how? (before) with Enhanced Cooperation" in flat
    assert "The after side is a workshop announcement" in flat
    assert "The role of governments opinions varied raised, not yet concluded raised again, no outcome reported" in flat
    assert "GIC" not in text
    assert "no group-informed consensus" in flat
    assert "(session-report-future-of-internet, characters " in flat
    assert "No position on either side is held by an actor with a declared stakeholder group." in flat
    assert all(len(line) <= 100 for line in text.splitlines() if not line.startswith(("Topic ", "---", "Comparison")))


def test_long_quotes_are_cut_around_the_topic() -> None:
    """A long quote is shown around the words that name the topic, with ellipses."""
    text = "filler " * 60 + "and security concern and privacy issues here " + "tail " * 60
    shown = excerpt(text, "privacy", None, 80)
    assert "privacy" in shown
    assert shown.startswith("\u2026")
    assert shown.endswith("\u2026")
    assert len(shown) <= 82
    assert excerpt("short", "privacy") == "short"


def test_markdown_escapes_and_structures() -> None:
    """Markdown has headings, a pipe table and lists, and escapes what the records say."""
    odd = Session(id="s", title="A *bold* | claim", findings=(Finding("x_y [z]", L.COMMON_VIEW, topics=("t",)),))
    markdown = to_markdown(compare(odd, []))
    assert "# Comparison: A \\*bold\\* \\| claim" in markdown
    assert "| Topic | Before | After | Change |" in markdown
    assert "x\\_y \\[z\\]" in markdown
    assert "- **before**" in markdown


def test_timeline_text_and_markdown() -> None:
    """A timeline reads as its points in order, with the trend and first and last sightings."""
    line = _series()
    report = Timeline((line,))
    text = to_text(report)
    assert "Trend: rising." in text
    assert "First raised: IGF 2009 (2009). Last seen: IGF 2013 (2013)." in " ".join(text.split())
    assert "3. IGF 2011, 2011: not discussed" in text
    assert "## Privacy and data protection (`privacy`)" in to_markdown(report)
    assert "Not discussed at any point." in to_text(timeline([], "x"))
    assert "No record is tagged with any topic." in to_text(timeline([]))


def test_evidence_lines_name_their_source() -> None:
    """Evidence shows its quote and the characters it stands at, or says it has no provenance."""
    quoted = Statement("q", topics=("t",), provenance=(Provenance("doc", quote="What about privacy?"),))
    workshop = Workshop(id="w", title="W", policy_questions=(quoted, Statement("bare", topics=("t",))))
    text = " ".join(to_text(compare([], workshop)).split())
    assert "\u201cWhat about privacy?\u201d (doc)" in text
    assert "\u201cbare\u201d (no provenance recorded)" in text


def test_json_is_the_record() -> None:
    """to_json writes the govrecords document, which reads back as the same report."""
    report = compare(*(examples.load(name) for name in examples.names()))
    assert loads(to_json(report), Comparison) == report
    assert "\n" not in to_json(report, indent=None)


def test_dates_in_words() -> None:
    """Dates read as people say them."""
    assert date_words(None) == "date unknown"
    assert date_words(PartialDate(2013, 10, 24)) == "2013-10-24"
    from govrecords import DateRange

    assert date_words(DateRange(None, PartialDate(2012, 11, 9))) == "no later than 2012-11-09"
    assert date_words(DateRange(PartialDate(2013), None)) == "from 2013"
    assert date_words(DateRange(PartialDate(2013, 10, 22), PartialDate(2013, 10, 25))) == "2013-10-22 to 2013-10-25"


def test_empty_comparison_says_so() -> None:
    """A comparison of nothing says there are no topics, stances or recommendations."""
    text = to_text(compare([], []))
    assert "Neither side is tagged with any topic." in text
    assert "Neither side makes a recommendation." in text


def test_wide_tables_wrap_to_the_page() -> None:
    """However long the labels, the overview table stays within the page width."""
    from govrecords import Actor, ActorKind, Position, Stance

    long_topic = "a-" + "very-" * 30 + "long-topic"
    from govrecords import StakeholderGroup, StakeholderKind

    positions = tuple(
        Position(Actor(ActorKind.STAKEHOLDER_GROUP, stakeholder=StakeholderGroup(kind)), Stance.SUPPORTS, "yes")
        for kind in (StakeholderKind.GOVERNMENT, StakeholderKind.CIVIL_SOCIETY)
    )
    # Raised (positions, no level) with a measure on both sides: every column is wide.
    finding = Finding("x", L.NOT_DISCUSSED, topics=(long_topic,), positions=positions)
    session = Session(id="s", title="S", findings=(finding,))
    text = to_text(compare(session, session))
    table = text.split("Topic ", 1)[1].split("\n\n", 1)[0]
    assert all(len(line) <= 100 for line in table.splitlines())
    assert "(group-informed consensus" in " ".join(table.split())


def test_timeline_text_with_measures_and_unknown_order() -> None:
    """A point's consensus measure is shown, and an overlapping date says its order is not known."""
    from govrecords import Actor, ActorKind, Position, Stance

    position = Position(Actor(ActorKind.AUDIENCE), Stance.SUPPORTS, "yes", ("t",))
    year = Forum(id="y", name="Year", dates=PartialDate(2013), sessions=(Session(id="a", title="A", topics=("t",)),))
    finding = Finding("p", L.COMMON_VIEW, topics=("t",), positions=(position,))
    day = Forum(
        id="d", name="Day", dates=PartialDate(2013, 10, 24), sessions=(Session(id="b", title="B", findings=(finding,)),)
    )
    text = " ".join(to_text(timeline([year, day], "t")).split())
    assert "no group-informed consensus: 1 position, none from a declared stakeholder group" in text
    assert "so which came first is not known" in text
    svg = to_svg(timeline([year, day], "t"))
    assert "order not known" in svg
    absent = timeline([year, day], "nowhere").topics[0]
    check_svg_matches(absent, to_svg(absent))


def test_long_point_labels_are_shortened_in_the_picture() -> None:
    """A label too long for two lines under its mark is cut with an ellipsis (the tooltip keeps it whole)."""
    name = "The Very Long Name Of A National Internet Governance Forum Held In A Capital City"
    forum = Forum(id="f", name=name, sessions=(Session(id="s", title="S", topics=("t",)),))
    svg = to_svg(timeline([forum], "t"))
    root = ET.fromstring(svg.split("\n", 1)[1])
    rows = [e.text or "" for e in root.iter() if e.get("class") == "point-label"]
    assert len(rows) == 2
    assert rows[-1].endswith("\u2026")
    (mark,) = _marks(svg)
    title = mark.find(f"{NS}title")
    assert title is not None
    assert name in (title.text or "")


def test_position_heads_name_the_actor() -> None:
    """Evidence from a position names the actor's words, else its group, else its kind."""
    from govrecords import Actor, ActorKind, StakeholderGroup, Stance
    from govrecords.comparison import Evidence, EvidenceKind, RecordKind, RecordRef
    from govrecords.comparison.sentences import evidence_head

    ref = RecordRef(RecordKind.SESSION, "s", "S")
    group = StakeholderGroup.from_wording("NGO")
    heads = [
        evidence_head(Evidence(EvidenceKind.POSITION, ref, "c", actor=actor, stance=Stance.OPPOSES))
        for actor in (
            Actor(ActorKind.STAKEHOLDER_GROUP, stakeholder=group),
            Actor(ActorKind.PERSON, wording="one speaker", stakeholder=group),
            Actor(ActorKind.PANEL),
            None,
        )
    ]
    assert heads == [
        "position of civil society: opposes",
        "position of one speaker (civil society): opposes",
        "position of panel: opposes",
        "position of someone: opposes",
    ]


def test_reports_are_written_even_where_the_console_cannot_encode_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """A console that cannot hold curly quotes gets the report as UTF-8 rather than an error."""
    import io
    import sys

    from govrecords.cli import main

    raw = io.BytesIO()
    console = io.TextIOWrapper(raw, encoding="ascii")
    monkeypatch.setattr(sys, "stdout", console)
    assert main(["demo", "--detail"]) == 0
    console.flush()
    assert "\u201craised, not yet concluded\u201d".encode() in raw.getvalue()


def test_one_screen_notes_uncertain_order_and_versions() -> None:
    """The one-screen report says when the sides' dates run backwards or are missing, and when both
    sides come from one forum and may be versions of one document."""
    early = Session(id="a", title="Draft", forum="f", date=PartialDate(2015, 3), topics=("privacy",))
    late = Session(id="b", title="Draft", forum="f", date=PartialDate(2015, 9), topics=("privacy",))
    backwards = " ".join(to_text(compare(late, early), detail=False).split())
    assert "dated earlier than the before side" in backwards
    assert "compare --versions" in backwards
    undated = Session(id="c", title="Other", topics=("privacy",))
    flat = " ".join(to_text(compare(early, undated), detail=False).split())
    assert "which came first is not known; it is not guessed" in flat
    forward = " ".join(to_text(compare(early, late), detail=False).split())
    assert "dated earlier" not in forward
