"""Tables out: records, comparisons and timelines as long, tidy rows.

One row per piece of evidence on a topic (a finding, a position, a
recommendation...), with the forum, the dates as sortable columns, the document
and span it was read from, and the topic's state where it stands. A topic a
timeline point or a comparison side does not discuss still gets one row (with
no evidence), so a topic-by-forum table is a pivot away.

:func:`rows` gives plain dictionaries (keys :data:`COLUMNS`, in that order);
:func:`write_csv` writes them as CSV; :func:`to_pandas` and :func:`to_polars`
give a DataFrame when that library is installed (neither is a dependency of
govrecords; without it, :class:`~govrecords.errors.MissingExtraError` says what
to install).

>>> from govrecords import examples, tables, timeline
>>> line = timeline([examples.load(name) for name in examples.names()], "privacy")
>>> for row in tables.rows(line):
...     print(row["point"], row["date_start"], row["date_end"], row["state"], row["kind"], row["span_start"])
unnamed-forum-before-igf-2012 None 2012-11-09 concluded finding 1725
unnamed-forum-before-igf-2012 None 2012-11-09 concluded finding 366
igf-2013 2013-10-24 2013-10-24 raised issue 1410

The first forum's report was written before IGF 2012 ended: its date is an open
range, "no later than 9 November 2012", so ``date_start`` is empty.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Iterator
from datetime import datetime, timedelta
from typing import IO, Any, cast

from govrecords._files import atomic_write
from govrecords.comparison import Comparison
from govrecords.comparison.consensus import Aggregate
from govrecords.comparison.evidence import Evidence, EvidenceKind, TopicState, state_of
from govrecords.comparison.timelines import Timeline
from govrecords.comparison.units import Records, exact_topics, gather, items_of, units_of
from govrecords.dates import DateRange, PartialDate, When
from govrecords.errors import ArgumentTypeError, MissingExtraError

__all__ = ["COLUMNS", "Row", "date_columns", "rows", "to_pandas", "to_polars", "write_csv"]

PathLike = str | os.PathLike[str]

Row = dict[str, str | int | None]
"""One row: a value (or None) for each of :data:`COLUMNS`."""

COLUMNS: tuple[str, ...] = (
    "report",
    "point",
    "forum",
    "date_start",
    "date_end",
    "date_precision",
    "document",
    "session",
    "title",
    "topic",
    "state",
    "level",
    "change",
    "kind",
    "consensus",
    "text",
    "span_start",
    "span_end",
)
"""The columns of every table, in order:

``report``
    ``"records"``, ``"comparison"`` or ``"timeline"``.
``point``
    Where the row stands: a timeline point's key, ``"before"`` or ``"after"``
    for a comparison, the forum's id for records.
``forum``
    The forum of the session or workshop (the point's key for a row without evidence).
``date_start``, ``date_end``, ``date_precision``
    The first and last day (or minute, for a dated time, in UTC) of the
    session's date, else its forum's (a timeline point's own date for a row
    without evidence), as ISO 8601 text that sorts as time does; the precision
    the source gave (``year``, ``month``, ``day``, ``hour``, ``minute``). An
    open end is empty.
``document``
    The :class:`~govrecords.provenance.SourceDocument` id the evidence was read from.
``session``, ``title``
    The session's or workshop's id and title.
``topic``
    The topic id.
``state``, ``level``
    The topic's status (``concluded``, ``raised``, ``not_discussed``) and
    combined consensus level where the row stands: in its session (records),
    on its side (comparison), at its point (timeline).
``change``
    A comparison's change on the topic, or a timeline's trend.
``kind``, ``consensus``, ``text``
    What the evidence is (``finding``, ``position``, ``recommendation``...),
    its own consensus level (findings), and its text.
``span_start``, ``span_end``
    The evidence's span in its document: ``text[span_start:span_end]`` is the
    passage quoted.
"""


def _moment(at: datetime, with_time: bool) -> str:
    return at.isoformat(timespec="minutes") if with_time else at.date().isoformat()


def date_columns(date: When | None) -> tuple[str | None, str | None, str | None]:
    """The start, end (inclusive) and precision of *date*, as sortable ISO 8601 text.

    >>> from govrecords.dateparse import parse_when
    >>> date_columns(parse_when("6-9 November 2012"))
    ('2012-11-06', '2012-11-09', 'day')
    >>> date_columns(parse_when("October 2013"))
    ('2013-10-01', '2013-10-31', 'month')
    """
    if date is None:
        return None, None, None
    ends = (date,) if isinstance(date, PartialDate) else (date.start, date.end)
    known = [end for end in ends if end is not None]
    precision = min(end.precision for end in known)
    with_time = precision >= precision.HOUR
    low, high = date.bounds()
    first = (date.start is not None) if isinstance(date, DateRange) else True
    last = (date.end is not None) if isinstance(date, DateRange) else True
    step = timedelta(minutes=1) if with_time else timedelta(days=1)
    start = _moment(low, with_time) if first else None
    end = _moment(high - step, with_time) if last else None
    return start, end, precision.name.lower()


def _evidence_cells(item: Evidence) -> Row:
    span = next((prov for prov in item.provenance if prov.span is not None), None)
    first = span or (item.provenance[0] if item.provenance else None)
    start, end, precision = date_columns(item.record.date)
    return {
        "forum": item.record.forum,
        "date_start": start,
        "date_end": end,
        "date_precision": precision,
        "document": first.source if first is not None else None,
        "session": item.record.id,
        "title": item.record.title,
        "kind": item.kind.value,
        "consensus": item.consensus.value if item.consensus is not None else None,
        "text": item.text,
        "span_start": span.span.start if span is not None and span.span is not None else None,
        "span_end": span.span.end if span is not None and span.span is not None else None,
    }


def _state_rows(base: Row, state: TopicState, date: When | None, *, skip_tags: bool = False) -> Iterator[Row]:
    cells: Row = {
        **base,
        "state": state.status.value,
        "level": state.level.value if state.level is not None else None,
    }
    shown = [item for item in state.evidence if not (skip_tags and item.kind is EvidenceKind.TAG)]
    if not shown:
        start, end, precision = date_columns(date)
        yield _complete({**cells, "date_start": start, "date_end": end, "date_precision": precision})
    for item in shown:
        yield _complete({**cells, **_evidence_cells(item)})


def _complete(row: Row) -> Row:
    return {column: row.get(column) for column in COLUMNS}


def _timeline_rows(report: Timeline) -> Iterator[Row]:
    for line in report.topics:
        for point in line.points:
            base: Row = {
                "report": "timeline",
                "point": point.key,
                "forum": point.key,
                "topic": line.topic,
                "change": line.trend.value,
            }
            yield from _state_rows(base, point.state, point.date)


def _comparison_rows(report: Comparison) -> Iterator[Row]:
    for topic in report.topics:
        for side, state in (("before", topic.before), ("after", topic.after)):
            base: Row = {"report": "comparison", "point": side, "topic": topic.topic, "change": topic.change.value}
            yield from _state_rows(base, state, None)


def _record_rows(records: Records, aggregate: Aggregate) -> Iterator[Row]:
    for unit in units_of(items_of(records, function="tables.rows")):
        for topic, evidence in sorted(gather([unit], exact_topics).items()):
            base: Row = {"report": "records", "point": unit.ref.forum, "topic": topic}
            yield from _state_rows(base, state_of(evidence, aggregate), unit.ref.date)


def rows(report: Comparison | Timeline | Records, *, aggregate: Aggregate = Aggregate.WEAKEST) -> list[Row]:
    """The long, tidy rows of a comparison, a timeline, or records.

    Args:
        report: A :class:`~govrecords.comparison.Comparison`, a
            :class:`~govrecords.comparison.timelines.Timeline`, or forums, sessions and
            workshops (one, or an iterable of them).
        aggregate: For records, how a session's findings' levels on a topic
            combine into its ``level`` (a report keeps its own setting).

    Returns:
        One dictionary per row, its keys :data:`COLUMNS` in order.

    Raises:
        ArgumentTypeError: *report* is a file name or a path (load it first).
        ValidationError: *report* holds something other than records.

    >>> from govrecords import examples, tables
    >>> found = tables.rows(examples.load("future-of-internet"))
    >>> sorted({(row["topic"], row["kind"]) for row in found})[:2]
    [('consumer-protection', 'finding'), ('critical-internet-resources', 'finding')]
    """
    if isinstance(report, Timeline):
        return list(_timeline_rows(report))
    if isinstance(report, Comparison):
        return list(_comparison_rows(report))
    return list(_record_rows(report, aggregate))


def _cell(value: str | int | None) -> str | int:
    return "" if value is None else value


def write_csv(report: Comparison | Timeline | Records | Iterable[Row], target: PathLike | IO[str]) -> int:
    """Write :func:`rows` (or rows already made) as CSV with a header line; return the number of rows.

    Args:
        report: What :func:`rows` takes, or its rows.
        target: A path (written atomically, UTF-8) or a text file open for
            writing (``newline=""`` as the ``csv`` module asks, or ``sys.stdout``).

    An empty cell is a value not known (None).

    >>> import io
    >>> from govrecords import examples, tables, timeline
    >>> out = io.StringIO()
    >>> tables.write_csv(timeline(examples.load("future-of-internet"), "privacy"), out)
    2
    >>> out.getvalue().splitlines()[0].split(",")[:4]
    ['report', 'point', 'forum', 'date_start']
    """
    made = _made_rows(report)
    if isinstance(target, (str, os.PathLike)):
        atomic_write(target, lambda handle: _write(made, handle))
        return len(made)
    return _write(made, target)


def _made_rows(report: object) -> list[Row]:
    if isinstance(report, (Comparison, Timeline)):
        return rows(report)
    if isinstance(report, (str, bytes, os.PathLike)):
        raise ArgumentTypeError(
            "write_csv", "report", "records, a comparison or a timeline", cast("object", report), "load the file first"
        )
    items: list[object] = list(cast("Iterable[object]", report))
    if items and all(isinstance(item, dict) for item in items):
        return [_complete(cast("Row", item)) for item in items]
    return rows(cast("Records", items))


def _write(made: list[Row], target: IO[str]) -> int:
    writer = csv.writer(target, lineterminator="\r\n")  # RFC 4180: a line break inside a cell is then quoted
    writer.writerow(COLUMNS)
    for row in made:
        writer.writerow([_cell(row[column]) for column in COLUMNS])
    return len(made)


def _frame_data(report: Comparison | Timeline | Records) -> dict[str, list[Any]]:
    made = rows(report)
    return {column: [row[column] for row in made] for column in COLUMNS}


def _optional(module: str, needed_for: str) -> Any:
    """The module, imported now (neither is a dependency), or MissingExtraError naming its extra."""
    import importlib  # here, not at the top: pandas and polars are optional extras

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(module, needed_for) from None


def to_pandas(report: Comparison | Timeline | Records) -> Any:
    """:func:`rows` as a pandas ``DataFrame``; dates as datetimes, spans as nullable integers.

    Raises:
        MissingExtraError: pandas is not installed (``pip install 'govrecords[pandas]'``).
    """
    pd = _optional("pandas", "tables.to_pandas")
    frame = pd.DataFrame(_frame_data(report), columns=list(COLUMNS))
    for column in ("date_start", "date_end"):
        frame[column] = pd.to_datetime(frame[column], format="ISO8601")
    for column in ("span_start", "span_end"):
        frame[column] = frame[column].astype("Int64")
    return frame


def to_polars(report: Comparison | Timeline | Records) -> Any:
    """:func:`rows` as a polars ``DataFrame``; dates as datetimes.

    Raises:
        MissingExtraError: polars is not installed (``pip install 'govrecords[polars]'``).
    """
    pl = _optional("polars", "tables.to_polars")
    schema = dict.fromkeys(COLUMNS, pl.Utf8) | {"span_start": pl.Int64, "span_end": pl.Int64}
    frame = pl.DataFrame(_frame_data(report), schema=schema)
    return frame.with_columns(
        pl.col("date_start").str.to_datetime(strict=False), pl.col("date_end").str.to_datetime(strict=False)
    )
