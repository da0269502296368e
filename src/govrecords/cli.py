"""The ``govrecords`` command line (also ``python -m govrecords``).

Each subcommand is a pair of functions: ``_add_NAME(subparsers)`` declares its
arguments and ``_run_NAME(args)`` does the work and returns the exit status.

Conventions every subcommand keeps (see the command-line reference):

- ``-`` names standard input where a file is read, and standard output where one
  is written. A file read must be a regular file: a FIFO or a device is refused.
- Every file written goes through the atomic writer (:mod:`govrecords._files`).
- Problems go to standard error, one per line, as ``FILE: [line L: ]PATH:
  SEVERITY: message``; a problem with a file itself (missing, unreadable, not
  writable) names the file and no JSON path.
- The exit status is 0 on success, 1 when an input is invalid or a file cannot be
  read or written, 2 on a usage error, 130 after Ctrl-C and 141 when the reader of
  standard output went away (a closed pipe, as after ``| head``). Nothing from
  outside (input, output, environment, signals) ends in a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Any, TypeAlias

from govrecords._version import __version__
from govrecords.errors import FileAccessError, GovRecordsError, LimitExceededError, Problem, ValidationError

__all__ = ["main"]

Runner = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # pyright: ignore[reportPrivateUsage]  # argparse has no public name for it; a string, as it is not subscriptable at run time before Python 3.12

STDIO = "-"
"""The file name that stands for standard input (reading) or standard output (writing)."""

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
_MAX_PROBLEMS = 50  # per file, by default; "and N more" after


def _is_jsonl(name: str) -> bool:
    return name.lower().endswith(_JSONL_SUFFIXES)


def _label(name: str) -> str:
    return "<stdin>" if name == STDIO else name


def _err(line: str) -> None:
    print(line, file=sys.stderr)


def _file_problem(name: str, error: OSError, action: str = "read") -> str:
    """One line for a file that cannot be used: the file, what failed, why (no JSON path)."""
    if isinstance(error, FileAccessError):
        return f"{name}: error: cannot be {action}: {error.strerror}"
    reason = error.strerror or str(error)
    return f"{name}: error: cannot be {action}: {reason}"


def _problem_line(name: str, problem: Problem, severity: str = "error") -> str:
    where = f"line {problem.line}: {problem.path}" if problem.line is not None else problem.path
    text = str(Problem("", problem.message, problem.value))[2:]  # the message and value, without a place
    return f"{name}: {where}: {severity}: {text}"


def _stdin_bytes() -> IO[bytes]:
    return sys.stdin.buffer


def _write_stdout(data: str | bytes) -> None:
    """Data (JSON, SVG) goes out as UTF-8 whatever the console's encoding."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
    sys.stdout.buffer.flush()


def _write_output(target: str | None, data: str) -> None:
    """Write *data* to *target* (None or ``-``: standard output) through the atomic writer.

    Raises:
        OSError: The target cannot be written; the caller names the target.
    """
    if target is None or target == STDIO:
        _write_stdout(data)
        return
    from govrecords._files import atomic_write

    atomic_write(target, lambda out: out.write(data))


class _Reader:
    """Reads the record files a command was given, printing every problem (capped per file)."""

    def __init__(self, max_problems: int = _MAX_PROBLEMS) -> None:
        self.max_problems = max_problems
        self.failed = False
        self.errors = 0
        self.shown: dict[str, int] = {}
        self.hidden: dict[str, int] = {}

    def say(self, name: str, line: str, *, error: bool = True) -> None:
        if error:
            self.failed = True
            self.errors += 1
        shown = self.shown.get(name, 0)
        if self.max_problems and shown >= self.max_problems:
            self.hidden[name] = self.hidden.get(name, 0) + 1
            return
        self.shown[name] = shown + 1
        _err(line)

    def finish(self) -> None:
        for name, count in self.hidden.items():
            _err(f"{name}: and {count} more problem{'s' if count != 1 else ''} (see --max-problems)")
        self.hidden.clear()

    def invalid(self, name: str, error: ValidationError) -> None:
        for problem in error.problems:
            self.say(name, _problem_line(name, problem))
        if error.omitted:  # found but not kept: counted among the "more"
            self.failed = True
            self.errors += error.omitted
            self.hidden[name] = self.hidden.get(name, 0) + error.omitted

    def records(self, name: str) -> Iterator[tuple[str, object]]:
        """Each record of the file *name* (``-``: standard input) with its label; problems printed."""
        from govrecords.formats import load, numbered_jsonl

        label = _label(name)
        try:
            if name == STDIO:
                yield from self._stdin(label)
            elif _is_jsonl(name):
                for line, record in numbered_jsonl(name, on_error=lambda error: self.invalid(label, error)):
                    yield f"{label}: line {line}", record
            else:
                yield label, load(name)
        except ValidationError as error:
            self.invalid(label, error)
        except LimitExceededError as error:
            text = str(error)
            text = text[len(label) + 2 :] if text.startswith(f"{label}: ") else text
            self.say(label, f"{label}: error: {text}")
        except FileAccessError as error:
            self.say(label, _file_problem(label, error))
        except GovRecordsError as error:
            self.say(label, f"{label}: $: error: {_without_name(str(error), name)}")
        except OSError as error:
            self.say(label, _file_problem(label, error))

    def _stdin(self, label: str) -> Iterator[tuple[str, object]]:
        # Standard input has no name to tell JSON from JSON Lines: read it (capped) as
        # one document, and as JSON Lines when it holds more than one.
        from govrecords._files import read_capped
        from govrecords._parsing import JSON_LINES_HINT
        from govrecords.formats import loads, numbered_jsonl
        from govrecords.limits import DEFAULT_LIMITS

        data = read_capped(_stdin_bytes(), DEFAULT_LIMITS, name=label)
        assert isinstance(data, bytes)
        try:
            record = loads(data)
        except ValidationError as error:
            if not any(JSON_LINES_HINT in p.message for p in error.problems):
                raise
        else:
            yield label, record
            return
        stream = io.BytesIO(data)
        for line, record in numbered_jsonl(stream, on_error=lambda error: self.invalid(label, error)):
            yield f"{label}: line {line}", record


def _add_validate(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "validate",
        help="check govrecords JSON or JSON Lines files",
        description="Read each file strictly, then run the domain checks across all of them. "
        "Each problem is printed on its own line as FILE: PATH: SEVERITY: message, check issues "
        "as FILE: PATH: SEVERITY: [CODE name] message, then a summary. Errors give exit status 1; "
        "warnings are printed but leave it 0.",
    )
    parser.add_argument(
        "files", nargs="+", metavar="FILE", help="a .json or .jsonl (.ndjson) file, or - for standard input"
    )
    parser.add_argument(
        "--sources",
        metavar="DIR",
        help="a folder holding the source texts (named ID or ID.txt, or matched by their hash): "
        "spans and quotes are checked against them",
    )
    parser.add_argument(
        "--select",
        metavar="CODES",
        default="",
        help="only these check rules, by code or prefix, comma-separated (GR3 selects GR301...)",
    )
    parser.add_argument("--ignore", metavar="CODES", default="", help="leave out these check rules (codes or prefixes)")
    parser.add_argument(
        "--max-problems",
        type=int,
        default=_MAX_PROBLEMS,
        metavar="N",
        help=f"print at most N problems per file, then a count (default: {_MAX_PROBLEMS}; 0: all)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary line")
    return _run_validate


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in text.split(",") if code.strip())


def _source_texts(folder: str, records: Sequence[object]) -> dict[str, str]:
    """The texts in *folder* of the sources the records name, by source id."""
    from govrecords._files import read_bytes
    from govrecords.importers._decode import decode
    from govrecords.limits import DEFAULT_LIMITS
    from govrecords.provenance import SourceDocument, content_hash
    from govrecords.records import Forum

    wanted: dict[str, SourceDocument] = {}
    for item in records:
        for record in item if isinstance(item, list) else [item]:  # pyright: ignore[reportUnknownVariableType]
            if isinstance(record, Forum):
                wanted.update((source.id, source) for source in record.sources)
            elif isinstance(record, SourceDocument):
                wanted[record.id] = record
    by_hash = {source.sha256: source.id for source in wanted.values()}
    texts: dict[str, str] = {}
    directory = Path(folder)
    entries = sorted(directory.iterdir())  # raises OSError for a missing folder: reported by the caller
    for path in entries:
        if not path.is_file():
            continue
        ident = path.name if path.name in wanted else path.stem if path.stem in wanted else None
        if ident is None and not by_hash:
            continue
        try:
            text, _ = decode(read_bytes(path, DEFAULT_LIMITS))
        except (GovRecordsError, OSError):
            continue
        ident = ident or by_hash.get(content_hash(text))
        if ident is not None:
            texts.setdefault(ident, text)
    return texts


def _run_validate(args: argparse.Namespace) -> int:
    from govrecords.checks import Severity, check

    reader = _Reader(max(args.max_problems, 0))
    select, ignore = _codes(args.select), _codes(args.ignore)
    records: list[object] = []
    labels: list[str] = []
    files: set[str] = set()
    problem_files: set[str] = set()
    for name in args.files:
        before = reader.errors
        files.add(_label(name))
        for label, record in reader.records(name):
            records.append(record)
            labels.append(label)
        if reader.errors > before:
            problem_files.add(_label(name))
    texts: dict[str, str] = {}
    if args.sources is not None:
        try:
            texts = _source_texts(args.sources, records)
        except OSError as error:
            reader.say(args.sources, _file_problem(args.sources, error))
    warnings = 0
    for issue in check(*records, names=labels, sources=texts):
        if (select and not issue.rule.startswith(select)) or issue.rule.startswith(ignore):
            continue
        label = labels[issue.document]
        file = label.split(": line ", 1)[0]
        problem_files.add(file)
        is_error = issue.severity is Severity.ERROR
        warnings += not is_error
        line = f"{label}: {issue.path}: {issue.severity.value}: [{issue.rule} {issue.name}] {issue.message}"
        reader.say(file, line, error=is_error)
    reader.finish()
    if not args.quiet:
        _err(_summary(reader.errors, warnings, len(files), len(problem_files), len(records)))
    return 1 if reader.failed else 0


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _summary(errors: int, warnings: int, files: int, problem_files: int, records: int) -> str:
    if errors == warnings == 0:
        return f"ok: {_plural(files, 'file')}, {_plural(records, 'record')}, no problems"
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(problem_files, 'file')}"


def _add_migrate(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "migrate",
        help="rewrite a govrecords file in the current format version",
        description="Read FILE, migrating documents of older format versions, and write it back "
        "in the format version this release writes. The output replaces its target atomically "
        "(through a symbolic link, to its target): on any error the old file is left whole.",
    )
    parser.add_argument("file", metavar="FILE", help="a .json or .jsonl (.ndjson) file, or - for standard input")
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="where to write, - for standard output (default: FILE itself; standard output when FILE is -)",
    )
    return _run_migrate


def _run_migrate(args: argparse.Namespace) -> int:
    from govrecords.formats import FORMAT_VERSION, dumps

    target: str = args.output or args.file
    reader = _Reader(0)
    records = [record for _, record in reader.records(args.file)]
    reader.finish()
    if reader.failed:
        return 1
    jsonl = _is_jsonl(args.file) or (args.file == STDIO and (len(records) != 1 or _is_jsonl(target)))
    if jsonl:
        from govrecords.formats import write_jsonl

        buffer = io.BytesIO()
        write_jsonl(records, buffer)
        data = buffer.getvalue().decode("utf-8")
    else:
        data = dumps(records[0]) + "\n"
    try:
        _write_output(target, data)
    except OSError as error:
        _err(_file_problem(_label(target) if target != STDIO else "<stdout>", error, "written"))
        return 1
    noun = "record" if len(records) == 1 else "records"
    _err(f"{_label(target)}: wrote {len(records)} {noun} in format version {FORMAT_VERSION}")
    return 0


def _add_schema(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "schema",
        help="print the JSON Schema of govrecords documents",
        description="Print the JSON Schema (draft 2020-12) of govrecords documents: of any "
        "record type, or with --type of one type alone, self-contained for a validator in any language.",
    )
    parser.add_argument("--type", metavar="TYPE", help="one record type (session, forum, workshop...)")
    parser.add_argument("-o", "--output", metavar="OUT.json", help="write it here (default: standard output)")
    return _run_schema


def _run_schema(args: argparse.Namespace) -> int:
    from govrecords.formats import record_types
    from govrecords.schema import json_schema

    if args.type is not None and args.type not in record_types():
        known = ", ".join(record_types())
        _err(f"govrecords schema: error: unknown record type {args.type!r}; expected one of {known}")
        return 2
    schema = json_schema(record_types()[args.type]) if args.type is not None else json_schema()
    try:
        _write_output(args.output, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        _err(_file_problem(args.output, error, "written"))
        return 1
    return 0


def _add_demo(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "demo",
        help="compare the two bundled seed records and print the report",
        description="Run the bundled example comparison: the session report whose summary goes to "
        "IGF 2012 Baku, against the workshop announced for IGF 2013 Bali. Needs nothing but govrecords.",
    )
    _add_format(parser)
    _add_detail(parser)
    parser.add_argument(
        "--topic", metavar="T", action="append", help="only this topic id (may be given again); unknown is an error"
    )
    return _run_demo


def _run_demo(args: argparse.Namespace) -> int:
    from govrecords import examples
    from govrecords.comparison import compare

    before, after = (examples.load(name) for name in examples.names())
    try:
        report = compare(before, after, topics=_checked_topics(args.topic, [before, after]))
    except ValidationError as error:
        for problem in error.problems:
            _err(_problem_line("demo", problem))
        return 1
    if args.format in ("text", "markdown"):
        intro = "govrecords demo: a session report for IGF 2012 Baku against a workshop announced for IGF 2013."
        if args.format == "text":
            intro = textwrap.fill(intro, terminal_width(), break_on_hyphens=False, break_long_words=False)
        _emit(intro + "\n\n")
    _emit(_rendered(report, args.format, args.detail))
    return 0


_FORMATS = ("text", "markdown", "json", "csv")


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=_FORMATS, default="text", help="how to print the report (default: text)")


def _add_detail(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--detail",
        action="store_true",
        help="add every topic's evidence, the stakeholder stances and the recommendations (default: one screen)",
    )


def _rendered(report: object, style: str, detail: bool = True) -> str:
    from govrecords.render import to_json, to_markdown, to_text

    assert report.__class__.__name__ in ("Comparison", "Timeline")  # the only reports the renderers take
    if style == "json":
        return to_json(report) + "\n"  # type: ignore[arg-type]  # checked above
    if style == "csv":
        from govrecords.tables import write_csv

        out = io.StringIO(newline="")
        write_csv(report, out)  # type: ignore[arg-type]  # checked above
        return out.getvalue()
    if style == "markdown":
        return to_markdown(report, detail=detail)  # type: ignore[arg-type]  # checked above
    return to_text(report, width=terminal_width(), detail=detail)  # type: ignore[arg-type]  # checked above


def terminal_width(fallback: int = 100) -> int:
    """The width to wrap text for: the terminal's (or ``COLUMNS``), else *fallback*, within 40-200."""
    return max(40, min(200, shutil.get_terminal_size((fallback, 24)).columns))


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
    """Every record in the files, or None after printing each problem."""
    reader = _Reader()
    records = [record for name in names for _, record in reader.records(name)]
    reader.finish()
    return None if reader.failed else records


def _add_compare(commands: Commands) -> Runner:
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
    _add_detail(parser)
    _add_format(parser)
    parser.add_argument("--rollup", action="store_true", help="count each topic also for its broader topics")
    parser.add_argument(
        "--aggregate",
        choices=("weakest", "most_common", "strongest"),
        default="weakest",
        help="how a side's findings' levels on a topic combine (default: weakest)",
    )
    parser.add_argument(
        "--repeated-at",
        type=int,
        default=95,
        metavar="PERCENT",
        help="least share of words in common for a repeated recommendation (default: 95)",
    )
    parser.add_argument(
        "--reworded-at",
        type=int,
        default=50,
        metavar="PERCENT",
        help="least share of words in common for recommendations to match at all (default: 50)",
    )
    return _run_compare


def _run_compare(args: argparse.Namespace) -> int:
    from govrecords.comparison import compare
    from govrecords.consensus import Aggregate

    if args.before == args.after == STDIO:
        _err("govrecords compare: error: standard input (-) can be only one of BEFORE and AFTER")
        return 2
    if args.versions:
        return _run_versions(args)
    if args.archive is not None:
        sides = _archive_sides(args.archive, [args.before, args.after])
    else:
        sides = [_read_records([args.before]), _read_records([args.after])]
    if sides[0] is None or sides[1] is None:
        return 1
    try:
        topics = _checked_topics(args.topic, sides[0] + sides[1])
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
        for problem in error.problems:
            _err(_problem_line("compare", problem))
        return 1
    _emit(_rendered(report, args.format, args.detail))
    return 0


def _checked_topics(asked: Sequence[str] | None, records: Sequence[object]) -> list[str] | None:
    """The topics asked for with --topic; one neither the taxonomy nor the records know is an error."""
    from govrecords.records import Forum, Session, Workshop
    from govrecords.taxonomy import default_taxonomy

    if not asked:
        return None
    known = {topic.id for topic in default_taxonomy().topics}
    for record in records:
        parts: list[Session | Workshop] = []
        if isinstance(record, Forum):
            parts += [*record.sessions, *record.workshops]
        elif isinstance(record, (Session, Workshop)):
            parts.append(record)
        for part in parts:
            known |= part.all_topics()
    unknown = [topic for topic in asked if topic not in known]
    if unknown:
        raise ValidationError(
            [Problem("--topic", "unknown topic: not in the taxonomy nor on either side", topic) for topic in unknown]
        )
    return list(dict.fromkeys(asked))


def _archive_select(path: str, forums: Sequence[str] | None) -> list[object] | None:
    """The records of the archive at *path* (only *forums*, when given), or None after printing the problem."""
    from govrecords.archive import Archive

    try:
        return list(Archive.open(path).select(forums=forums))
    except ValidationError as error:
        for problem in error.problems:
            _err(_problem_line(_label(path), problem))
    except OSError as error:
        _err(_file_problem(_label(path), error))
    return None


def _archive_sides(path: str, selections: Sequence[str]) -> list[list[object] | None]:
    """Each side's records from the archive at *path*, by comma-separated forum ids."""
    return [_archive_select(path, [f for f in chosen.split(",") if f]) for chosen in selections]


def _run_versions(args: argparse.Namespace) -> int:
    from govrecords.versions import compare_versions, versions_text

    texts: list[str] = []
    for name in (args.before, args.after):
        try:
            with open(name, encoding="utf-8") as handle:
                texts.append(handle.read())
        except (OSError, UnicodeDecodeError) as error:
            if isinstance(error, UnicodeDecodeError):
                _err(f"{_label(name)}: error: not UTF-8 text ({error.reason})")
            else:
                _err(_file_problem(_label(name), error))
            return 1
    report = compare_versions(texts[0], texts[1], before_name=_label(args.before), after_name=_label(args.after))
    if args.format == "json":
        _emit(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        _emit(versions_text(report, detail=args.detail))
    return 0


def _add_timeline(commands: Commands) -> Runner:
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
    _add_format(parser)
    parser.add_argument("--rollup", action="store_true", help="count each topic also for its broader topics")
    return _run_timeline


def _run_timeline(args: argparse.Namespace) -> int:
    from govrecords.errors import UnknownTopicError
    from govrecords.render import to_svg
    from govrecords.taxonomy import default_taxonomy
    from govrecords.timelines import timeline

    if args.files.count(STDIO) > 1:
        _err("govrecords timeline: error: standard input (-) can be given only once")
        return 2
    if not args.files and args.archive is None:
        _err("govrecords timeline: error: give record files, or --archive")
        return 2
    records = _read_records(args.files)
    if records is None:
        return 1
    if args.archive is not None:
        chosen = _archive_select(args.archive, args.forum)
        if chosen is None:
            return 1
        records += chosen
    try:
        report = timeline(records, args.topic, rollup=args.rollup)  # type: ignore[arg-type]  # timeline checks each record
        if args.topic is not None and report.topics[0].first_raised is None:
            default_taxonomy().require(args.topic)  # a misspelt id is an error, not "not discussed"
    except ValidationError as error:
        for problem in error.problems:
            _err(_problem_line("timeline", problem))
        return 1
    except UnknownTopicError as error:
        _err(f"govrecords timeline: error: --topic: {error}")
        return 1
    if args.svg is not None:
        try:
            _write_output(args.svg, to_svg(report))
        except OSError as error:
            _err(_file_problem(_label(args.svg), error, "written"))
            return 1
        drawn = report.topics[0].topic if len(report.topics) == 1 else f"{len(report.topics)} topics"
        _err(f"{args.svg}: wrote the timeline of {drawn}")
        if args.svg == STDIO:
            return 0
    _emit(_rendered(report, args.format))
    return 0


def _add_import(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "import",
        help="import a forum report, proposal or communiqué text into records",
        description="Read a text file, a PDF, an HTML page or a Word (.docx) file into a govrecords forum "
        "document (JSON); PDF and .docx need the pdf and docx extras. The template is "
        "detected unless --template names one. Warnings (text kept aside, repaired or dropped) go "
        "to standard error as FILE: line L, column C: CODE: message. Exit status 1 when the text "
        "cannot be imported at all.",
    )
    parser.add_argument("file", metavar="FILE", help="a UTF-8 text, PDF, HTML or .docx file, or - for standard input")
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
    parser.add_argument(
        "--max-problems",
        type=int,
        default=_MAX_PROBLEMS,
        metavar="N",
        help=f"print at most N warnings, then a count (default: {_MAX_PROBLEMS}; 0: all)",
    )
    return _run_import


def _read_template(name: str) -> Any:
    """A template's JSON file, read by the strict, limited parser, as a Template."""
    from govrecords import importers

    return importers.load_template(name)


def _run_import(args: argparse.Namespace) -> int:
    import tempfile

    from govrecords import importers
    from govrecords.formats import dumps

    label = _label(args.file)
    name: str | None = args.template
    template: str | importers.Template | None = name
    reader = _Reader(max(args.max_problems, 0))
    try:
        if name is not None and name.lower().endswith(".json") and (Path(name).exists() or "/" in name):
            template = _read_template(name)
    except ValidationError as error:
        reader.invalid(name or "", error)
        return 1
    except LimitExceededError as error:
        _err(f"{name}: error: {error}")
        return 1
    except OSError as error:
        _err(_file_problem(name or "", error))
        return 1
    try:
        if args.file == STDIO:
            # The importer reads files: give it standard input's bytes (capped) as one.
            from govrecords._files import read_capped
            from govrecords.limits import DEFAULT_LIMITS

            data = read_capped(_stdin_bytes(), DEFAULT_LIMITS, name=label)
            with tempfile.TemporaryDirectory() as folder:
                copy = Path(folder) / "stdin.txt"
                copy.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
                result = importers.import_file(
                    copy,
                    template=template,
                    source_id=args.source_id or "stdin",
                    errors="strict" if args.strict_utf8 else "replace",
                )
        else:
            from govrecords._files import open_regular

            open_regular(args.file).close()  # refuse a FIFO or a device before the importer opens it
            result = importers.import_file(
                args.file,
                template=template,
                source_id=args.source_id,
                errors="strict" if args.strict_utf8 else "replace",
            )
    except KeyError as error:
        _err(f"{label}: error: {error.args[0]}")
        return 2
    except OSError as error:
        _err(_file_problem(label, error))
        return 1
    except GovRecordsError as error:
        _err(f"{label}: error: {_without_name(str(error), args.file)}")
        return 1
    for issue in result.warnings:
        reader.say(label, f"{label}: {issue}", error=False)
    reader.finish()
    how = "detected" if result.detected else "chosen"
    _err(
        f"{label}: template {result.template} ({how}, confidence {result.confidence:.2f}); "
        f"{len(result.records)} record(s), {len(result.warnings)} warning(s)"
    )
    try:
        _write_output(args.output, dumps(result.forum) + "\n")
    except OSError as error:
        _err(_file_problem(args.output, error, "written"))
        return 1
    return 0


def _without_name(message: str, name: str) -> str:
    # Some errors already start with the file's name: never print it twice.
    for prefix in (f"{name}: ", f"{os.fspath(Path(name))}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message


def _add_archive(commands: Commands) -> Runner:
    parser = commands.add_parser(
        "archive",
        help="gather the records of many imports into one archive, merged by forum",
        description="An archive is a .jsonl file or a folder. 'add' merges records into it: imports that name "
        "the same forum become one forum, sessions with the same id one session; a value two imports give "
        "differently is reported and the archive's value kept. 'list' shows what it holds.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="merge record files into the archive (created if absent)")
    add.add_argument("archive", metavar="ARCHIVE", help="a .jsonl file, or a folder")
    add.add_argument("files", nargs="+", metavar="FILE", help="a .json or .jsonl file, or - for standard input")
    add.add_argument("--strict", action="store_true", help="on any conflict write nothing and fail")
    show = actions.add_parser("list", help="list the archive's sessions and workshops, one a line")
    show.add_argument("archive", metavar="ARCHIVE", help="a .jsonl file, or a folder")
    show.add_argument("--forum", metavar="F", action="append", help="only this forum id (may be given again)")
    show.add_argument("--year", type=int, metavar="YEAR", help="only records of this year")
    show.add_argument("--topic", metavar="T", help="only records tagged with this topic")
    show.add_argument("--kind", metavar="KIND", help="only this kind of document (session_report, communique...)")
    return _run_archive


def _run_archive(args: argparse.Namespace) -> int:
    from govrecords.archive import Archive
    from govrecords.documents import DocumentKind, document_of
    from govrecords.errors import MergeConflictError
    from govrecords.records import Forum, Session, Workshop

    name = _label(args.archive)
    try:
        archive = Archive.open(args.archive)
        if args.action == "add":
            records = _read_records(args.files)
            if records is None:
                return 1
            conflicts = archive.add(records, strict=args.strict)
            for conflict in conflicts:
                _err(f"{name}: warning: {conflict}")
            archive.save(args.archive)
            _err(f"{name}: {len(archive.forums)} forums, {len(conflicts)} conflicts")
            return 0
        kinds = {kind.value: kind for kind in DocumentKind}
        if args.kind is not None and args.kind not in kinds:
            _err(f"govrecords archive: error: unknown --kind {args.kind!r} (kinds: {', '.join(kinds)})")
            return 2
        chosen = archive.select(
            forums=args.forum, year=args.year, topic=args.topic, kind=kinds.get(args.kind) if args.kind else None
        )
    except MergeConflictError as error:
        for problem in error.problems:
            _err(_problem_line(name, problem))
        return 1
    except ValidationError as error:
        for problem in error.problems:
            _err(_problem_line(name, problem))
        return 1
    except OSError as error:
        _err(_file_problem(name, error))
        return 1
    from govrecords.render._words import date_words

    lines = ["forum\tid\tdocument\tdate\ttitle"]
    for item in chosen:
        units: list[Session | Workshop] = (
            [*item.sessions, *item.workshops] if isinstance(item, Forum) else [item]  # select gives no other kind
        )
        forum = item.id if isinstance(item, Forum) else "-"
        for unit in units:
            when = unit.date if unit.date is not None else (item.dates if isinstance(item, Forum) else None)
            lines.append(f"{forum}\t{unit.id}\t{document_of(unit).value}\t{date_words(when)}\t{unit.title}")
    _emit("\n".join(lines) + "\n")
    return 0


_COMMANDS: tuple[Callable[[Commands], Runner], ...] = (
    _add_validate,
    _add_migrate,
    _add_schema,
    _add_demo,
    _add_compare,
    _add_timeline,
    _add_import,
    _add_archive,
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


def _safe_streams() -> None:
    # Messages quote their input (curly quotes, accents): on a console that cannot
    # show a character (LC_ALL=C, PYTHONIOENCODING=ascii) show an escape, never fail.
    # Standard output is not changed: data and reports go out as UTF-8 (see _emit).
    for stream in (sys.stderr,):
        if isinstance(stream, io.TextIOWrapper) and stream.errors == "strict":
            with contextlib.suppress(ValueError, io.UnsupportedOperation):
                stream.reconfigure(errors="backslashreplace")


def _quiet_stdout() -> None:
    # The reader of standard output is gone: send whatever is still buffered
    # nowhere, so that the interpreter's final flush does not fail again.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError, io.UnsupportedOperation):  # pragma: no cover -- stdout without a descriptor
        pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with *argv* (default: ``sys.argv[1:]``); return the exit status.

    Exit statuses: 0 success, 1 invalid input or a file that cannot be read or
    written, 2 usage error, 130 interrupted (Ctrl-C), 141 standard output closed
    (a broken pipe).
    """
    _safe_streams()
    parser, runners = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        return runners[args.command](args)
    except KeyboardInterrupt:
        _err("")  # end the line the terminal echoed ^C on
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 141
