"""Tables out: tidy rows, CSV, DataFrames and the how-to that shows them."""

from __future__ import annotations

import csv
import datetime as dt
import doctest
import io
import re
import sys
from pathlib import Path

import duckdb
import polars as pl
import pytest
from hypothesis import given, settings

from govrecords import compare, examples, tables, timeline
from govrecords.cli import main
from govrecords.errors import ArgumentTypeError, MissingExtraError
from govrecords.testing import forums

ROOT = Path(__file__).resolve().parent.parent
SEEDS = [examples.load(name) for name in examples.names()]


def _sources() -> dict[str, str]:
    ids = {prov.source for forum in SEEDS for prov in forum.all_provenance()}
    return {source: examples.source_text(source) for source in ids}


@pytest.mark.parametrize("report", [timeline(SEEDS), compare(*SEEDS), SEEDS], ids=["timeline", "comparison", "records"])
def test_every_row_has_the_columns_and_its_span_slices_its_document(report: object) -> None:
    made = tables.rows(report)  # type: ignore[arg-type]  # a wrong type on purpose
    assert made
    sources = _sources()
    with_spans = 0
    for row in made:
        assert tuple(row) == tables.COLUMNS
        if row["span_start"] is not None:
            with_spans += 1
            text = sources[str(row["document"])]
            passage = text[int(row["span_start"]) : int(row["span_end"])]  # type: ignore[arg-type]  # row cells are typed object; these hold ints
            assert passage.strip()
            if row["kind"] in ("finding", "recommendation"):
                assert " ".join(passage.split()) == " ".join(str(row["text"]).split())
    assert with_spans > len(made) // 2


def test_timeline_rows_cover_every_point_of_every_topic() -> None:
    line = timeline(SEEDS)
    made = tables.rows(line)
    for topic in line.topics:
        points = {row["point"] for row in made if row["topic"] == topic.topic}
        assert points == {point.key for point in topic.points}
    silent = [row for row in made if row["state"] == "not_discussed"]
    assert silent
    assert all(row["kind"] is None and row["text"] is None for row in silent)


def test_comparison_rows_carry_the_change_and_the_side() -> None:
    report = compare(*SEEDS)
    made = tables.rows(report)
    changes = {row["topic"]: row["change"] for row in made}
    assert changes == {topic.topic: topic.change.value for topic in report.topics}
    assert {row["point"] for row in made} == {"before", "after"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6-9 November 2012", ("2012-11-06", "2012-11-09", "day")),
        ("October 2013", ("2013-10-01", "2013-10-31", "month")),
        ("2014", ("2014-01-01", "2014-12-31", "year")),
        ("12 December 2013, 14:00-15:30 UTC", ("2013-12-12T14:00", "2013-12-12T15:30", "minute")),
    ],
)
def test_date_columns_are_sortable_bounds(text: str, expected: tuple[str, str, str]) -> None:
    from govrecords.dateparse import parse_when

    assert tables.date_columns(parse_when(text)) == expected


def test_csv_round_trips_the_rows(tmp_path: Path) -> None:
    line = timeline(SEEDS)
    path = tmp_path / "timeline.csv"
    assert tables.write_csv(line, path) == len(tables.rows(line))
    with path.open(encoding="utf-8", newline="") as handle:
        read = list(csv.DictReader(handle))
    expected = [{k: "" if v is None else str(v) for k, v in row.items()} for row in tables.rows(line)]
    assert read == expected


@settings(max_examples=25, deadline=None)
@given(forums())
def test_csv_holds_what_rows_hold_for_any_forum(forum: object) -> None:
    made = tables.rows(forum)  # type: ignore[arg-type]  # a wrong type on purpose
    out = io.StringIO(newline="")
    assert tables.write_csv(made, out) == len(made)
    read = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert read == [{k: "" if v is None else str(v) for k, v in row.items()} for row in made]


def test_pandas_frame_has_datetimes_and_pivots_to_topic_by_forum() -> None:
    frame = tables.to_pandas(timeline(SEEDS))
    assert list(frame.columns) == list(tables.COLUMNS)
    assert str(frame["date_end"].dtype).startswith("datetime64")
    assert str(frame["span_start"].dtype) == "Int64"
    table = frame.pivot_table(index="topic", columns="point", values="state", aggfunc="first")
    assert table.loc["privacy", "igf-2013"] == "raised"
    assert frame.sort_values("date_end")["point"].iloc[-1] == "igf-2013"


def test_polars_frame_matches_pandas() -> None:
    report = compare(*SEEDS)
    polars_frame = tables.to_polars(report)
    pandas_frame = tables.to_pandas(report)
    assert polars_frame.columns == list(tables.COLUMNS)
    assert polars_frame.height == len(pandas_frame)
    assert polars_frame.schema["date_start"] == pl.Datetime
    assert polars_frame["text"].to_list() == [v if isinstance(v, str) else None for v in pandas_frame["text"]]


def test_duckdb_reads_the_csv_with_real_dates(tmp_path: Path) -> None:
    path = tmp_path / "timeline.csv"
    tables.write_csv(timeline(SEEDS), path)
    relation = duckdb.sql(
        f"SELECT point, max(date_end) AS last FROM read_csv('{path.as_posix()}') GROUP BY point ORDER BY last"
    )
    assert relation is not None
    found = relation.fetchall()
    assert [point for point, _ in found] == ["unnamed-forum-before-igf-2012", "igf-2013"]
    assert isinstance(found[-1][1], dt.date)  # read as a date, not as text
    assert found[-1][1].year == 2013


@pytest.mark.parametrize(("module", "function"), [("pandas", tables.to_pandas), ("polars", tables.to_polars)])
def test_without_the_library_the_error_names_it(module: str, function: object, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError, match=re.escape(f"pip install 'govrecords[{module}]'")):
        function(SEEDS)  # type: ignore[operator]


def test_file_names_are_refused() -> None:
    with pytest.raises(ArgumentTypeError, match="wants records"):
        tables.rows("archive.jsonl")  # type: ignore[arg-type]  # a wrong type on purpose
    with pytest.raises(ArgumentTypeError, match="write_csv"):
        tables.write_csv(Path("archive.jsonl"), io.StringIO())  # type: ignore[arg-type]  # a wrong type on purpose


def test_the_command_line_prints_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govrecords import write_jsonl

    archive = tmp_path / "archive.jsonl"
    write_jsonl(SEEDS, archive)
    assert main(["timeline", str(archive), "--format", "csv"]) == 0
    out = capsys.readouterr().out
    read = list(csv.DictReader(io.StringIO(out)))
    assert len(read) == len(tables.rows(timeline(SEEDS)))
    assert main(["compare", str(archive), str(archive), "--format", "csv"]) == 0
    assert capsys.readouterr().out.startswith(",".join(tables.COLUMNS) + "\r\n")


def test_the_how_to_runs() -> None:
    """Every doctest block of the tables how-to runs and gives what it shows (pandas and DuckDB included)."""
    text = (ROOT / "docs" / "howto" / "tables-and-dataframes.md").read_text("utf-8")
    blocks = re.findall(r"```\{doctest\}\n(.*?)```", text, re.DOTALL)
    assert len(blocks) >= 4
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(blocks), {}, "tables-and-dataframes", "tables-and-dataframes.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0
