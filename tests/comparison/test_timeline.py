"""Timelines: points in date order (precision-aware, stable ties), first raised, last seen, trend.

Checks the order of points for partial dates and ranges (a bound-only date, a year,
a day, undated), that ties keep input order and then the key, that overlapping dates
say their order is not known, how records group into points and take their forum's
dates, each trend, the seed timeline, and the ``timeline`` command with its SVG.
"""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings

from comparison_strategies import Side, sides
from govrecords import (
    ConsensusLevel,
    DateRange,
    Finding,
    Forum,
    PartialDate,
    Session,
    Statement,
    Timeline,
    TopicStatus,
    Trend,
    ValidationError,
    Workshop,
    dumps,
    examples,
    loads,
    parse_when,
    timeline,
)
from govrecords.cli import main
from govrecords.comparison.evidence import TopicState
from govrecords.comparison.timelines import trend_of

L = ConsensusLevel


def _forum(
    fid: str, dates: PartialDate | DateRange | None, level: ConsensusLevel | None = None, topic: str = "privacy"
) -> Forum:
    findings = (Finding("a point", level, topics=(topic,)),) if level is not None else ()
    session = Session(id=f"s-{fid}", title=f"Session at {fid}", findings=findings, topics=() if level else ("other",))
    return Forum(id=fid, name=fid.upper(), dates=dates, sessions=(session,))


def _keys(line: Timeline) -> list[str]:
    return [point.key for point in line.topics[0].points]


def test_points_in_date_order_precision_aware() -> None:
    """A bound-only date sorts first, a year before a day inside it, undated points last."""
    forums = [
        _forum("undated", None, L.COMMON_VIEW),
        _forum("day", PartialDate(2013, 10, 24), L.COMMON_VIEW),
        _forum("year", PartialDate(2013), L.OPINIONS_VARIED),
        _forum("bound", DateRange(None, PartialDate(2012, 11, 9)), L.CONTESTED),
        _forum("range", parse_when("6-9 November 2012"), L.CONTESTED),
    ]
    line = timeline(forums, "privacy")
    assert _keys(line) == ["bound", "range", "year", "day", "undated"]
    known = [point.order_known for point in line.topics[0].points]
    # The bound overlaps the 2012 range; the year contains the day; undated is unknown.
    assert known == [True, False, True, False, False]


def test_ties_keep_input_order_then_key() -> None:
    """Points with the same date keep the order they were given in; then they go by key."""
    same = PartialDate(2013)
    forums = [_forum("b", same, L.COMMON_VIEW), _forum("a", same, L.COMMON_VIEW), _forum("c", same, L.COMMON_VIEW)]
    assert _keys(timeline(forums, "privacy")) == ["b", "a", "c"]
    assert _keys(timeline(forums[::-1], "privacy")) == ["c", "a", "b"]


def test_records_group_into_points() -> None:
    """A forum's sessions make one point; a loose session joins its forum id; a record with none is its own."""
    loose = Session(
        id="x", title="Loose", forum="f", date=PartialDate(2014), findings=(Finding("p", L.COMMON_VIEW, topics=("t",)),)
    )
    alone = Workshop(id="w", title="Alone", date=PartialDate(2015), issues=(Statement("q", topics=("t",)),))
    held = Session(id="s", title="Held", findings=(Finding("p", L.CONTESTED, topics=("t",)),))
    forum = Forum(id="g", name="G", dates=PartialDate(2013), sessions=(held,))
    line = timeline([alone, loose, forum], "t").topics[0]
    assert [(p.key, p.label, p.date) for p in line.points] == [
        ("g", "G", PartialDate(2013)),
        ("f", "f", PartialDate(2014)),
        ("workshop:w", "Alone", PartialDate(2015)),
    ]
    # A session without a date of its own takes its forum's.
    assert line.points[0].records[0].date == PartialDate(2013)
    assert [p.state.status for p in line.points] == [TopicStatus.CONCLUDED, TopicStatus.CONCLUDED, TopicStatus.RAISED]
    assert (line.first_raised, line.last_seen, line.trend) == ("g", "workshop:w", Trend.RISING)


def test_first_raised_and_last_seen_skip_absence() -> None:
    """First raised and last seen are the first and last points where the topic is present."""
    forums = [
        _forum("a", PartialDate(2010)),
        _forum("b", PartialDate(2011), L.OPINIONS_VARIED),
        _forum("c", PartialDate(2012), L.COMMON_VIEW),
        _forum("d", PartialDate(2013)),
    ]
    line = timeline(forums, "privacy").topics[0]
    assert (line.first_raised, line.last_seen) == ("b", "c")
    assert line.point("a") is not None
    assert line.point("zzz") is None
    absent = timeline(forums, "nowhere").topics[0]
    assert (absent.first_raised, absent.last_seen, absent.trend) == (None, None, Trend.INSUFFICIENT)
    assert all(p.state.status is TopicStatus.NOT_DISCUSSED for p in absent.points)


@pytest.mark.parametrize(
    ("levels", "trend"),
    [
        ([L.CONTESTED, None, L.COMMON_VIEW], Trend.RISING),
        ([L.COMMON_VIEW, L.COMMON_VIEW, L.CONTESTED], Trend.FALLING),
        ([L.BROAD_SUPPORT, L.BROAD_SUPPORT], Trend.FLAT),
        ([L.CONTESTED, L.COMMON_VIEW, L.OPINIONS_VARIED], Trend.MIXED),
        ([L.COMMON_VIEW, None], Trend.INSUFFICIENT),
    ],
)
def test_trends(levels: list[ConsensusLevel | None], trend: Trend) -> None:
    """The trend reads the levels of the concluded points in order, passing over the others."""
    states = [
        TopicState(TopicStatus.CONCLUDED, level) if level is not None else TopicState(TopicStatus.RAISED)
        for level in levels
    ]
    assert trend_of(states) is trend
    mirrored = {Trend.RISING: Trend.FALLING, Trend.FALLING: Trend.RISING}.get(trend, trend)
    assert trend_of(states[::-1]) is mirrored


def test_all_topics_and_roll_up() -> None:
    """Without a topic, every topic any record has gets a timeline; roll-up adds broader topics."""
    forums = [_forum("a", PartialDate(2012), L.COMMON_VIEW, "sovereignty")]
    assert [line.topic for line in timeline(forums).topics] == ["sovereignty"]
    rolled = timeline(forums, rollup=True)
    assert [line.topic for line in rolled.topics] == ["multistakeholder-model", "role-of-governments", "sovereignty"]
    assert rolled.rollup
    assert rolled.topic("sovereignty") is not None
    assert rolled.topic("nowhere") is None


def test_seed_timeline() -> None:
    """The seeds: privacy is concluded (opinions varied) before IGF 2012, then raised at IGF 2013."""
    line = timeline([examples.load(name) for name in examples.names()], "privacy").topics[0]
    assert [p.key for p in line.points] == ["unnamed-forum-before-igf-2012", "igf-2013"]
    assert [p.label for p in line.points] == ["a forum reporting to IGF 2012 Baku", "IGF 2013"]
    assert [p.state.status for p in line.points] == [TopicStatus.CONCLUDED, TopicStatus.RAISED]
    assert line.points[0].state.level is L.OPINIONS_VARIED
    assert line.label == "Privacy and data protection"


def test_bad_input_is_named() -> None:
    """A stray value, a topic that is not a string or a bad option is reported, not a traceback."""
    with pytest.raises(ValidationError):
        timeline(["not a record"])  # type: ignore[list-item]  # a wrong type on purpose: the point of the test
    with pytest.raises(ValidationError):
        timeline([], 7)  # type: ignore[arg-type]  # a wrong type on purpose: the point of the test
    with pytest.raises(ValidationError):
        timeline([], aggregate="weakest")  # type: ignore[arg-type]  # a wrong type on purpose: the point of the test


@given(sides)
@settings(max_examples=80)
def test_points_are_sorted_and_round_trip(records: Side) -> None:
    """Dated points come in sort-key order before undated ones; the timeline round-trips as JSON."""
    report = timeline(records)
    for line in report.topics:
        dates = [p.date for p in line.points]
        dated = [d for d in dates if d is not None]
        assert dates[: len(dated)] == dated
        assert all(a.sort_key() <= b.sort_key() for a, b in itertools.pairwise(dated))
        present = [p.key for p in line.points if p.state.status is not TopicStatus.NOT_DISCUSSED]
        # A topic found only in findings saying it was not discussed is present at no point.
        assert (line.first_raised, line.last_seen) == ((present[0], present[-1]) if present else (None, None))
    assert loads(dumps(report), Timeline) == report


def test_timeline_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """timeline FILE... --topic T --svg OUT.svg prints the timeline and writes a picture of it."""
    files = []
    for name in examples.names():
        path = tmp_path / f"{name}.json"
        path.write_text(dumps(examples.load(name)), "utf-8")
        files.append(str(path))
    out_svg = tmp_path / "privacy.svg"
    assert main(["timeline", *files, "--topic", "privacy", "--svg", str(out_svg)]) == 0
    captured = capsys.readouterr()
    assert "Timeline: Privacy and data protection" in captured.out
    assert "wrote the timeline of privacy" in captured.err
    marks = [e for e in ET.parse(out_svg).getroot().iter() if e.get("class") == "mark"]
    assert [m.get("data-status") for m in marks] == ["concluded", "raised"]
    assert main(["timeline", *files, "--format", "json"]) == 0
    assert len(loads(capsys.readouterr().out, Timeline).topics) > 10


def test_timeline_command_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--svg without a topic draws every topic as a grid; unreadable files and bad targets exit 1."""
    path = tmp_path / "seed.json"
    path.write_text(dumps(examples.load("future-of-internet")), "utf-8")
    assert main(["timeline", str(path), "--svg", str(tmp_path / "x.svg")]) == 0
    assert "topics" in capsys.readouterr().err
    grid = (tmp_path / "x.svg").read_text("utf-8")
    assert 'class="timeline-grid"' in grid
    assert main(["timeline"]) == 2
    assert "--archive" in capsys.readouterr().err
    assert main(["timeline", str(tmp_path / "missing.jsonl")]) == 1
    assert "missing.jsonl" in capsys.readouterr().err
    assert main(["timeline", str(path), "--topic", "privacy", "--svg", str(tmp_path / "no" / "x.svg")]) == 1
    assert "x.svg" in capsys.readouterr().err
    stray = tmp_path / "stray.json"
    stray.write_text(dumps(examples.load("future-of-internet").sources[0]), "utf-8")
    assert main(["timeline", str(stray)]) == 1
    assert "expected a Forum, Session or Workshop" in capsys.readouterr().err
