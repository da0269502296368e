"""The ``govrecords`` command line (also ``python -m govrecords``).

Each subcommand is a pair of functions: ``_add_NAME(subparsers)`` declares its
arguments and ``_run_NAME(args)`` does the work and returns the exit status.
Problems go to standard error one per line as ``FILE: PATH: message``; the exit
status is 0 on success, 1 when the input is invalid and 2 on a usage error.
"""

from __future__ import annotations

import argparse
import functools
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeAlias

from govrecords._version import __version__
from govrecords.errors import GovRecordsError, ValidationError

__all__ = ["main"]

Runner = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # pyright: ignore[reportPrivateUsage]  # argparse has no public name for it; a string, as it is not subscriptable at run time before Python 3.12


def _add_validate(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "validate",
        help="check govrecords JSON or JSON Lines files",
        description="Read each file strictly, then run the domain checks across all of them. "
        "Every problem and every check issue is printed as FILE: PATH: message, issues as "
        "FILE: PATH: [RULE name] message. Errors give exit status 1; warnings are printed but "
        "leave it 0.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .json or .jsonl file")
    return _run_validate


def _run_validate(args: argparse.Namespace) -> int:
    from govrecords.checks import Severity, check
    from govrecords.formats import load, numbered_jsonl

    failed = False
    records: list[object] = []
    labels: list[str] = []

    def report(error: ValidationError, name: str) -> None:
        nonlocal failed
        failed = True
        for problem in error.problems:
            print(f"{name}: {problem}", file=sys.stderr)

    for name in args.files:
        try:
            if name.endswith(".jsonl"):
                for line, record in numbered_jsonl(name, on_error=functools.partial(report, name=name)):
                    records.append(record)
                    labels.append(f"{name}: line {line}")
            else:
                records.append(load(name))
                labels.append(name)
        except ValidationError as error:
            report(error, name)
        except (GovRecordsError, OSError) as error:
            failed = True
            print(f"{name}: $: {error}", file=sys.stderr)
    for issue in check(*records, names=labels):
        failed = failed or issue.severity is Severity.ERROR
        print(f"{labels[issue.document]}: {issue}", file=sys.stderr)
    return 1 if failed else 0


def _add_migrate(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "migrate",
        help="rewrite a govrecords file in the current format version",
        description="Read FILE, migrating documents of older format versions, and write it back "
        "in the format version this release writes. The output replaces its target atomically: "
        "on any error the old file is left whole.",
    )
    parser.add_argument("file", metavar="FILE", help="a .json or .jsonl file")
    parser.add_argument("-o", "--output", metavar="OUT", help="where to write (default: FILE itself)")
    return _run_migrate


def _run_migrate(args: argparse.Namespace) -> int:
    from govrecords.formats import FORMAT_VERSION, dump, iter_jsonl, load, write_jsonl

    target: str = args.output or args.file
    try:
        if args.file.endswith(".jsonl"):
            count = write_jsonl(iter_jsonl(args.file), target)
        else:
            dump(load(args.file), target)
            count = 1
    except ValidationError as error:
        source = error.source or args.file
        for problem in error.problems:
            print(f"{source}: {problem}", file=sys.stderr)
        return 1
    except (GovRecordsError, OSError) as error:
        print(f"{args.file}: $: {error}", file=sys.stderr)
        return 1
    noun = "record" if count == 1 else "records"
    print(f"{target}: wrote {count} {noun} in format version {FORMAT_VERSION}", file=sys.stderr)
    return 0


def _add_schema(commands: Commands) -> Runner:
    commands.add_parser("schema", help="print the JSON Schema of govrecords documents")
    return _run_schema


def _run_schema(args: argparse.Namespace) -> int:
    from govrecords.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _add_demo(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "demo",
        help="compare the two bundled seed records and print the report",
        description="Run the bundled example comparison: the session report whose summary goes to "
        "IGF 2012 Baku, against the workshop announced for IGF 2013 Bali. Needs nothing but govrecords.",
    )
    _add_format(parser)
    return _run_demo


def _run_demo(args: argparse.Namespace) -> int:
    from govrecords import examples
    from govrecords.comparison import compare

    before, after = (examples.load(name) for name in examples.names())
    if args.format != "json":
        _emit(
            "govrecords demo: the bundled example comparison of the two seed documents "
            f"(examples {' and '.join(repr(name) for name in examples.names())}): a session report whose "
            "summary goes to IGF 2012 Baku, against a workshop announced for IGF 2013 Bali.\n\n"
        )
    _emit(_rendered(compare(before, after), args.format))
    return 0


_FORMATS = ("text", "markdown", "json")


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=_FORMATS, default="text", help="how to print the report (default: text)")


def _rendered(report: object, style: str) -> str:
    from govrecords.render import to_json, to_markdown, to_text

    assert report.__class__.__name__ in ("Comparison", "Timeline")  # the only reports the renderers take
    if style == "json":
        return to_json(report) + "\n"  # type: ignore[arg-type]  # checked above
    render = to_markdown if style == "markdown" else to_text
    return render(report)  # type: ignore[arg-type]  # checked above


def _emit(text: str) -> None:
    # Reports quote their sources (curly quotes, accents): write UTF-8 even to a console
    # whose encoding cannot hold them, rather than fail half-way.
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def _read_records(names: Sequence[str]) -> list[object] | None:
    """Every record in the files, or None after printing each problem (FILE: PATH: message)."""
    from govrecords.formats import iter_jsonl, load

    records: list[object] = []
    failed = False
    for name in names:
        try:
            records.extend(iter_jsonl(name) if name.endswith(".jsonl") else [load(name)])
        except ValidationError as error:
            failed = True
            for problem in error.problems:
                print(f"{error.source or name}: {problem}", file=sys.stderr)
        except (GovRecordsError, OSError) as error:
            failed = True
            print(f"{name}: $: {error}", file=sys.stderr)
    return None if failed else records


def _add_compare(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "compare",
        help="compare two forums, sessions or collections and print what changed",
        description="Compare the records in BEFORE with those in AFTER (each a .json document or a "
        ".jsonl file of forums, sessions and workshops): per topic the consensus on each side and "
        "the change, stakeholder stance shifts, and recommendations matched across the two.",
    )
    parser.add_argument("before", metavar="BEFORE", help="a .json or .jsonl file: the earlier side")
    parser.add_argument("after", metavar="AFTER", help="a .json or .jsonl file: the later side")
    _add_format(parser)
    parser.add_argument("--rollup", action="store_true", help="count each topic also for its broader topics")
    parser.add_argument(
        "--aggregate", choices=("weakest", "most_common", "strongest"), default="weakest",
        help="how a side's findings' levels on a topic combine (default: weakest)",
    )
    parser.add_argument(
        "--repeated-at", type=int, default=95, metavar="PERCENT",
        help="least share of words in common for a repeated recommendation (default: 95)",
    )
    parser.add_argument(
        "--reworded-at", type=int, default=50, metavar="PERCENT",
        help="least share of words in common for recommendations to match at all (default: 50)",
    )
    return _run_compare


def _run_compare(args: argparse.Namespace) -> int:
    from govrecords.comparison import compare
    from govrecords.consensus import Aggregate

    sides = [_read_records([args.before]), _read_records([args.after])]
    if sides[0] is None or sides[1] is None:
        return 1
    try:
        report = compare(
            sides[0],  # type: ignore[arg-type]  # compare checks each record and names any stray one
            sides[1],  # type: ignore[arg-type]  # as above
            rollup=args.rollup,
            aggregate=Aggregate(args.aggregate),
            repeated_at=args.repeated_at,
            reworded_at=args.reworded_at,
        )
    except ValidationError as error:
        for problem in error.problems:
            print(f"compare: {problem}", file=sys.stderr)
        return 1
    _emit(_rendered(report, args.format))
    return 0


def _add_timeline(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "timeline",
        help="show topics across forums in date order, optionally as an SVG picture",
        description="Order the forums, sessions and workshops in FILE... by date and show each topic's "
        "state at each: consensus level, raised without an outcome, or not discussed.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .json or .jsonl file")
    parser.add_argument("--topic", metavar="T", help="only this topic id")
    parser.add_argument("--svg", metavar="OUT.svg", help="also draw the topic's timeline as an SVG picture")
    _add_format(parser)
    parser.add_argument("--rollup", action="store_true", help="count each topic also for its broader topics")
    return _run_timeline


def _run_timeline(args: argparse.Namespace) -> int:

    from govrecords.render import to_svg
    from govrecords.timelines import timeline

    records = _read_records(args.files)
    if records is None:
        return 1
    try:
        report = timeline(records, args.topic, rollup=args.rollup)  # type: ignore[arg-type]  # timeline checks each record
    except ValidationError as error:
        for problem in error.problems:
            print(f"timeline: {problem}", file=sys.stderr)
        return 1
    if args.svg is not None:
        if len(report.topics) != 1:
            known = ", ".join(line.topic for line in report.topics) or "none"
            print(f"timeline: --svg draws one topic; choose it with --topic (topics: {known})", file=sys.stderr)
            return 2
        try:
            Path(args.svg).write_text(to_svg(report), encoding="utf-8")
        except OSError as error:
            print(f"{args.svg}: $: {error}", file=sys.stderr)
            return 1
        print(f"{args.svg}: wrote the timeline of {report.topics[0].topic}", file=sys.stderr)
    _emit(_rendered(report, args.format))
    return 0


def _add_import(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "import",
        help="import a forum report, proposal or communiqué text into records",
        description="Read a text file into a govrecords forum document (JSON). The template is "
        "detected unless --template names one. Warnings (text kept aside, repaired or dropped) go "
        "to standard error as FILE: line L, column C: CODE: message. Exit status 1 when the text "
        "cannot be imported at all.",
    )
    parser.add_argument("file", metavar="FILE", help="a UTF-8 text file")
    parser.add_argument(
        "--template",
        metavar="NAME",
        help="the template to use: a registered name, or a template's JSON file (default: detect it)",
    )
    parser.add_argument("-o", "--output", metavar="OUT.json", help="write the JSON here (default: standard output)")
    parser.add_argument("--source-id", metavar="ID", help="the id of the source document (default: from FILE)")
    parser.add_argument(
        "--strict-utf8",
        action="store_true",
        help="refuse bytes that are not UTF-8 (default: replace them, with a warning)",
    )
    return _run_import


def _run_import(args: argparse.Namespace) -> int:
    from govrecords import importers
    from govrecords.formats import dump, dumps

    name: str | None = args.template
    template: str | importers.Template | None = name
    try:
        if name is not None and name.endswith(".json") and Path(name).is_file():
            template = importers.load_template(name)
        result = importers.import_file(
            args.file, template=template, source_id=args.source_id,
            errors="strict" if args.strict_utf8 else "replace",
        )
    except KeyError as error:
        print(f"{args.file}: {error.args[0]}", file=sys.stderr)
        return 2
    except GovRecordsError as error:
        print(f"{args.file}: {error}", file=sys.stderr)
        return 1
    for issue in result.warnings:
        print(f"{args.file}: {issue}", file=sys.stderr)
    how = "detected" if result.detected else "chosen"
    print(
        f"{args.file}: template {result.template} ({how}, confidence {result.confidence:.2f}); "
        f"{len(result.records)} record(s), {len(result.warnings)} warning(s)",
        file=sys.stderr,
    )
    if args.output is None:
        print(dumps(result.forum))
        return 0
    try:
        dump(result.forum, args.output)
    except OSError as error:
        print(f"{args.output}: $: {error}", file=sys.stderr)
        return 1
    return 0


_COMMANDS: tuple[Callable[[Commands], Runner], ...] = (
    _add_validate,
    _add_migrate,
    _add_schema,
    _add_demo,
    _add_compare,
    _add_timeline,
    _add_import,
)


def build_parser() -> tuple[argparse.ArgumentParser, dict[str, Runner]]:
    """The argument parser, and the function that runs each subcommand."""
    parser = argparse.ArgumentParser(
        prog="govrecords",
        description="Typed, validated, comparable records of internet-governance forums.",
    )
    parser.add_argument("--version", action="version", version=f"govrecords {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    runners: dict[str, Runner] = {}
    for add in _COMMANDS:
        before = set(commands.choices)
        runner = add(commands)
        for name in set(commands.choices) - before:
            runners[name] = runner
    return parser, runners


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status."""
    parser, runners = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 2
    return runners[args.command](args)
