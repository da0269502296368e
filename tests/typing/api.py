"""The public API as a user writes it, checked by mypy --strict and pyright (strict).

Nothing here runs as a test: the type checkers read it (``mypy --strict src
tests/typing``; pyright through ``include`` in pyproject.toml). Each
``assert_type`` states the type a user's checker must infer. A change that
loosens a public signature (an ``Any`` where a record was, a lost overload)
fails the type check here before it reaches a user.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any, assert_type

import attrs
import cattrs

import govrecords
from govrecords import (
    Actor,
    ActorKind,
    ConsensusLevel,
    DateRange,
    Finding,
    Force,
    Forum,
    GovRecordsError,
    Method,
    MethodKind,
    PartialDate,
    Participant,
    Place,
    Position,
    Provenance,
    Recommendation,
    Role,
    Session,
    SourceDocument,
    Span,
    StakeholderGroup,
    StakeholderKind,
    Stance,
    Taxonomy,
    ValidationError,
    Workshop,
    default_taxonomy,
    dump,
    dumps,
    examples,
    iter_jsonl,
    load,
    loads,
    parse_date,
    write_jsonl,
)
from govrecords.dateparse import parse_when
from govrecords.dates import Precision, Relation, When
from govrecords.errors import (
    DateParseError,
    FormatVersionError,
    GovRecordsWarning,
    ImportFailedError,
    LimitExceededError,
    Problem,
    RecordImportWarning,
    SerializationError,
)
from govrecords.provenance import content_hash
from govrecords.serialisation import FORMAT_VERSION, Limits, make_converter
from govrecords.taxonomy import Topic, TopicLabel


def build_records() -> Forum:
    """Records are built with keyword or positional arguments and tuples."""
    text = "Session Name: The Future of Internet\nModerator: Kuo-Wei Wu\n"
    source = SourceDocument.from_text("report", text, title="Session Report")
    moderator = Participant(
        "Kuo-Wei Wu",
        role=Role.MODERATOR,
        stakeholder=StakeholderGroup.from_wording("technical community"),
        provenance=(Provenance.of("report", text, "Kuo-Wei Wu", field="name"),),
    )
    finding = Finding(
        "Privacy and security",
        ConsensusLevel.COMMON_VIEW,
        consensus_wording="Issues which reached a common view",
        topics=("privacy", "security"),
        positions=(Position(Actor(ActorKind.AUDIENCE), Stance.UNDECIDED, "the role of government"),),
    )
    everyone = Actor(ActorKind.ALL_STAKEHOLDERS)
    recommendation = Recommendation("to continue IGF platform", number="1)", force=Force.URGE, addressees=(everyone,))
    session = Session(
        "future-of-internet",
        "The Future of Internet",
        date=parse_when("6-9 November 2012"),
        participants=(moderator,),
        findings=(finding,),
        recommendations=(recommendation,),
    )
    workshop = Workshop("ws-62", "Enhanced Cooperation", date=PartialDate(2013, 10, 24), place=Place("Bali", "ID"))
    forum = Forum("igf-2012", series="IGF", dates=DateRange(None, PartialDate(2012, 11, 9)), sessions=(session,),
                  workshops=(workshop,), sources=(source,))  # fmt: skip
    assert_type(forum.sessions[0].findings[0].consensus, ConsensusLevel)
    assert_type(forum.sessions[0].date, When | None)
    assert_type(session.all_topics(), frozenset[str])
    assert_type(session.provenance_of("title"), tuple[Provenance, ...])
    assert_type(forum.all_provenance(), list[Provenance])
    assert_type(attrs.evolve(session, title="Renamed"), Session)
    return forum


def read_and_write(forum: Forum, folder: Path) -> None:
    """``cls=`` gives the record type back; without it, the reader cannot know it."""
    text = dumps(forum, indent=None)
    assert_type(text, str)
    assert_type(loads(text, Forum), Forum)
    assert_type(loads(text.encode("utf-8"), cls=Forum), Forum)
    assert_type(loads(text), Any)
    assert_type(loads(text, Session, limits=Limits(max_bytes=2**20)), Session)
    dump(forum, folder / "forum.json")
    assert_type(load(folder / "forum.json", Forum), Forum)
    assert_type(load(str(folder / "forum.json"), cls=Forum), Forum)
    assert_type(write_jsonl([forum, forum], folder / "forums.jsonl"), int)
    problems: list[ValidationError] = []
    records = iter_jsonl(folder / "forums.jsonl", on_error=problems.append)
    assert_type(records, Iterator[Any])
    forums = [record for record in records if isinstance(record, Forum)]
    assert_type(forums, list[Forum])
    for record in iter_jsonl(io.StringIO(text + "\n")):
        print(record)
    converter = make_converter(detailed=False)
    assert_type(converter, cattrs.Converter)
    newest: int = FORMAT_VERSION
    assert newest >= 1
    assert_type(govrecords.json_schema(), dict[str, Any])


def dates() -> None:
    """Partial dates keep their precision; comparison is a Relation, not a bool."""
    when = parse_when("20 June 2023 | 17:00 - 17:45 EEST")
    assert_type(when, PartialDate | DateRange)
    day = parse_date("Monday, December 18", default=PartialDate(2017), numeric_order="MDY")
    assert_type(day, PartialDate)
    assert_type(day.precision, Precision)
    assert_type(day.relation(when), Relation)
    assert_type(day.bounds(), tuple[datetime, datetime])
    assert_type(PartialDate.fromisoformat("2013-10"), PartialDate)
    assert_type(DateRange.fromisoformat("/2012-11-09").end, PartialDate | None)
    ordered = sorted([day, PartialDate(2013)], key=PartialDate.sort_key)
    assert_type(ordered, list[PartialDate])


def taxonomy() -> None:
    """The bundled taxonomy, extended with a topic of one's own."""
    zero_rating = Topic(
        "zero-rating", "Zero rating", aliases=("free basics",), broader="internet-economy",
        labels=(TopicLabel("Zero Rating and Internet Freedom", year=2015, series="IGF"),),
    )  # fmt: skip
    mine = default_taxonomy().extend([zero_rating], name="zero-rating study")
    assert_type(mine, Taxonomy)
    assert_type(mine.find("Internet Economy", year=2015), Topic | None)
    assert_type(mine.tag("free basics and zero-rating"), tuple[str, ...])
    assert_type(mine["zero-rating"], Topic)
    assert_type(mine.get("nothing"), Topic | None)
    assert_type(mine.broader_chain("zero-rating"), tuple[str, ...])
    assert_type(ConsensusLevel.COMMON_VIEW.rank, int | None)
    assert_type(Force.URGE.rank, int)
    assert_type(StakeholderKind("civil_society"), StakeholderKind)


def provenance(forum: Forum) -> None:
    """Sources, spans and methods."""
    source = forum.sources[0]
    assert_type(source.matches("text"), bool)
    assert_type(content_hash("text"), str)
    span = Span(4, 9)
    assert_type(span.slice("The Future of Internet"), str)
    assert_type(len(span), int)
    method = Method(MethodKind.IMPORTER, tool="govrecords.importers", version=govrecords.__version__)
    assert_type(method.kind, MethodKind)
    assert_type(examples.load("future-of-internet"), Forum)
    assert_type(examples.names(), tuple[str, ...])
    assert_type(examples.source_text("session-report-future-of-internet"), str)


def errors(text: str) -> str:
    """Errors are told apart by type, and each subclasses the builtin a caller would catch."""
    try:
        loads(text, Session)
    except ValidationError as error:
        problems = error.problems
        assert_type(problems, tuple[Problem, ...])
        first = problems[0]
        assert_type(first.path, str)
        assert_type(first.line, int | None)
        assert_type(error.lines(), list[str])
        return "\n".join(error.lines())
    except FormatVersionError as error:
        assert_type(error.supported, int)
        return str(error)
    except LimitExceededError:
        return "too large"
    try:
        parse_date("sometime")
    except DateParseError as error:
        assert_type(error.reason, str)
        assert_type(error.text, str)
    try:
        dumps(object())
    except SerializationError as error:
        as_builtin: TypeError = error
        return str(as_builtin)
    failure = ImportFailedError("no title", line=3, column=1)
    assert_type(failure.line, int | None)
    as_root: GovRecordsError = failure
    as_value_error: ValueError = ValidationError([Problem("$", "broken")])
    with warnings.catch_warnings():
        warnings.simplefilter("error", GovRecordsWarning)
        warnings.warn("kept aside", RecordImportWarning, stacklevel=1)
    return f"{as_value_error} {as_root}"
