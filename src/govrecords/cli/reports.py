"""The commands that compare and show records: demo, compare (also of two versions of a text) and timeline."""

from __future__ import annotations

import argparse
import json
import textwrap

from govrecords.cli._io import (
    STDIO,
    Commands,
    Runner,
    add_detail,
    add_format,
    archive_select,
    archive_sides,
    checked_topics,
    display_name,
    emit,
    file_problem,
    read_records,
    rendered,
    report_problems,
    terminal_width,
    to_stderr,
    write_output,
)
from govrecords.comparison.consensus import Aggregate
from govrecords.comparison.matching import REPEATED_AT, REWORDED_AT
from govrecords.errors import UnknownTopicError, ValidationError

__all__ = ["add_compare", "add_demo", "add_timeline"]


def add_demo(commands: Commands) -> Runner:
    """Declare the ``demo`` command; return what runs it."""
    parser = commands.add_parser(
        "demo",
        help="compare the two bundled seed records and print the report",
        description="Run the bundled example comparison: the session report whose summary goes to "
        "IGF 2012 Baku, against the workshop announced for IGF 2013 Bali. Needs nothing but govrecords.",
    )
    add_format(parser)
    add_detail(parser)
    parser.add_argument(
        "--topic", metavar="T", action="append", help="only this topic id (may be given again); unknown is an error"
    )
    return _run_demo


def _run_demo(args: argparse.Namespace) -> int:
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords import examples
    from govrecords.comparison import compare

    before, after = (examples.load(name) for name in examples.names())
    try:
        report = compare(before, after, topics=checked_topics(args.topic, [before, after]))
    except ValidationError as error:
        return report_problems("demo", error)
    if args.format in ("text", "markdown"):
        intro = "govrecords demo: a session report for IGF 2012 Baku against a workshop announced for IGF 2013."
        if args.format == "text":
            intro = textwrap.fill(intro, terminal_width(), break_on_hyphens=False, break_long_words=False)
        emit(intro + "\n\n")
    emit(rendered(report, args.format, args.detail))
    return 0


def add_compare(commands: Commands) -> Runner:
    """Declare the ``compare`` command; return what runs it."""
    parser = commands.add_parser(
        "compare",
        help="compare two forums, sessions or collections and print what changed",
        description="Compare the records in BEFORE with those in AFTER (each a .json document or a "
        ".jsonl file of forums, sessions and workshops): per topic the consensus on each side and "
        "the change, stakeholder stance shifts, and recommendations matched across the two.",
    )
    parser.add_argument(
        "before",
        metavar="BEFORE",
        help="a .json or .jsonl file (or -): the earlier side; with --archive, forum ids (a,b); with --versions, "
        "a text or record file",
    )
    parser.add_argument("after", metavar="AFTER", help="the later side, likewise")
    parser.add_argument("--archive", metavar="ARCHIVE", help="take both sides from this archive, by forum id")
    parser.add_argument(
        "--topic", metavar="T", action="append", help="only this topic id (may be given again); unknown is an error"
    )
    parser.add_argument(
        "--versions",
        action="store_true",
        help="BEFORE and AFTER are two versions of one document: report what was added, removed, moved, reworded",
    )
    add_detail(parser)
    add_format(parser)
    parser.add_argument("--rollup", action="store_true", help="count each topic also for its broader topics")
    parser.add_argument(
        "--aggregate",
        choices=tuple(rule.value for rule in Aggregate),
        default=Aggregate.WEAKEST.value,
        help=f"how a side's findings' levels on a topic combine (default: {Aggregate.WEAKEST.value})",
    )
    parser.add_argument(
        "--repeated-at",
        type=int,
        default=REPEATED_AT,
        metavar="PERCENT",
        help=f"least share of words in common for a repeated recommendation (default: {REPEATED_AT})",
    )
    parser.add_argument(
        "--reworded-at",
        type=int,
        default=REWORDED_AT,
        metavar="PERCENT",
        help=f"least share of words in common for recommendations to match at all (default: {REWORDED_AT})",
    )
    return _run_compare


def _run_compare(args: argparse.Namespace) -> int:
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.comparison import compare

    if args.before == args.after == STDIO:
        to_stderr("govrecords compare: error: standard input (-) can be only one of BEFORE and AFTER")
        return 2
    if args.versions:
        return _run_versions(args)
    if args.archive is not None:
        sides = archive_sides(args.archive, [args.before, args.after])
    else:
        sides = [read_records([args.before]), read_records([args.after])]
    if sides[0] is None or sides[1] is None:
        return 1
    try:
        topics = checked_topics(args.topic, sides[0] + sides[1])
        report = compare(
            sides[0],  # type: ignore[arg-type]  # compare checks each record and names any stray one
            sides[1],  # type: ignore[arg-type]  # as above
            rollup=args.rollup,
            topics=topics,
            aggregate=Aggregate(args.aggregate),
            repeated_at=args.repeated_at,
            reworded_at=args.reworded_at,
        )
    except ValidationError as error:
        return report_problems("compare", error)
    emit(rendered(report, args.format, args.detail))
    return 0


def _run_versions(args: argparse.Namespace) -> int:
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.versions import compare_versions, versions_text

    texts: list[str] = []
    for name in (args.before, args.after):
        try:
            with open(name, encoding="utf-8") as handle:
                texts.append(handle.read())
        except (OSError, UnicodeDecodeError) as error:
            if isinstance(error, UnicodeDecodeError):
                to_stderr(f"{display_name(name)}: error: not UTF-8 text ({error.reason})")
            else:
                to_stderr(file_problem(display_name(name), error))
            return 1
    names = display_name(args.before), display_name(args.after)
    report = compare_versions(texts[0], texts[1], before_name=names[0], after_name=names[1])
    if args.format == "json":
        emit(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        emit(versions_text(report, detail=args.detail))
    return 0


def add_timeline(commands: Commands) -> Runner:
    """Declare the ``timeline`` command; return what runs it."""
    parser = commands.add_parser(
        "timeline",
        help="show topics across forums in date order, optionally as an SVG picture",
        description="Order the forums, sessions and workshops in FILE... by date and show each topic's "
        "state at each: consensus level, raised without an outcome, or not discussed.",
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="a .json or .jsonl file, or - for standard input")
    parser.add_argument("--archive", metavar="ARCHIVE", help="take the records from this archive")
    parser.add_argument(
        "--forum", metavar="F", action="append", help="with --archive: only this forum id (may be given again)"
    )
    parser.add_argument("--topic", metavar="T", help="only this topic id")
    parser.add_argument(
        "--svg", metavar="OUT.svg", help="also draw the timeline as an SVG picture: topics by forums, spaced by date"
    )
    add_format(parser)
    parser.add_argument("--rollup", action="store_true", help="count each topic also for its broader topics")
    return _run_timeline


def _run_timeline(args: argparse.Namespace) -> int:
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.comparison.timelines import timeline
    from govrecords.render import to_svg
    from govrecords.taxonomy import default_taxonomy

    if args.files.count(STDIO) > 1:
        to_stderr("govrecords timeline: error: standard input (-) can be given only once")
        return 2
    if not args.files and args.archive is None:
        to_stderr("govrecords timeline: error: give record files, or --archive")
        return 2
    records = read_records(args.files)
    if records is None:
        return 1
    if args.archive is not None:
        chosen = archive_select(args.archive, args.forum)
        if chosen is None:
            return 1
        records += chosen
    try:
        report = timeline(records, args.topic, rollup=args.rollup)  # type: ignore[arg-type]  # timeline checks each record
        if args.topic is not None and report.topics[0].first_raised is None:
            default_taxonomy().require(args.topic)  # a misspelt id is an error, not "not discussed"
    except ValidationError as error:
        return report_problems("timeline", error)
    except UnknownTopicError as error:
        to_stderr(f"govrecords timeline: error: --topic: {error}")
        return 1
    if args.svg is not None:
        try:
            write_output(args.svg, to_svg(report))
        except OSError as error:
            to_stderr(file_problem(display_name(args.svg), error, "written"))
            return 1
        drawn = report.topics[0].topic if len(report.topics) == 1 else f"{len(report.topics)} topics"
        to_stderr(f"{args.svg}: wrote the timeline of {drawn}")
        if args.svg == STDIO:
            return 0
    emit(rendered(report, args.format))
    return 0
