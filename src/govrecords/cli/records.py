"""The commands that check and rewrite record files: validate, migrate and schema."""

from __future__ import annotations

import argparse
import io
import json
from collections.abc import Sequence
from pathlib import Path

from govrecords.cli._io import (
    MAX_PROBLEMS,
    STDIO,
    Commands,
    Reader,
    Runner,
    display_name,
    file_problem,
    is_jsonl,
    read_records,
    to_stderr,
    write_output,
)
from govrecords.errors import GovRecordsError

__all__ = ["add_migrate", "add_schema", "add_validate"]


def add_validate(commands: Commands) -> Runner:
    """Declare the ``validate`` command; return what runs it."""
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
        default=MAX_PROBLEMS,
        metavar="N",
        help=f"print at most N problems per file, then a count (default: {MAX_PROBLEMS}; 0: all)",
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="print no summary line")
    return _run_validate


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code.strip().upper() for code in text.split(",") if code.strip())


def _source_texts(folder: str, records: Sequence[object]) -> dict[str, str]:
    """The texts in *folder* of the sources the records name, by source id."""
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords._files import read_bytes
    from govrecords.importers._decode import decode
    from govrecords.provenance import SourceDocument, content_hash
    from govrecords.records import Forum
    from govrecords.serialisation.limits import DEFAULT_LIMITS

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
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.checks import Severity, check

    reader = Reader(max(args.max_problems, 0))
    select, ignore = _codes(args.select), _codes(args.ignore)
    records: list[object] = []
    labels: list[str] = []
    files: set[str] = set()
    problem_files: set[str] = set()
    for name in args.files:
        before = reader.errors
        files.add(display_name(name))
        for label, record in reader.records(name):
            records.append(record)
            labels.append(label)
        if reader.errors > before:
            problem_files.add(display_name(name))
    texts: dict[str, str] = {}
    if args.sources is not None:
        try:
            texts = _source_texts(args.sources, records)
        except OSError as error:
            reader.say(args.sources, file_problem(args.sources, error))
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
        to_stderr(_summary(reader.errors, warnings, len(files), len(problem_files), len(records)))
    return 1 if reader.failed else 0


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _summary(errors: int, warnings: int, files: int, problem_files: int, records: int) -> str:
    if errors == warnings == 0:
        return f"ok: {_plural(files, 'file')}, {_plural(records, 'record')}, no problems"
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(problem_files, 'file')}"


def add_migrate(commands: Commands) -> Runner:
    """Declare the ``migrate`` command; return what runs it."""
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
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.serialisation.documents import dumps
    from govrecords.serialisation.migrations import FORMAT_VERSION

    target: str = args.output or args.file
    records = read_records([args.file], max_problems=0)
    if records is None:
        return 1
    jsonl = is_jsonl(args.file) or (args.file == STDIO and (len(records) != 1 or is_jsonl(target)))
    if jsonl:
        # imported on use: `govrecords --help` and other commands stay fast
        from govrecords.serialisation.jsonl import write_jsonl

        buffer = io.BytesIO()
        write_jsonl(records, buffer)
        data = buffer.getvalue().decode("utf-8")
    else:
        data = dumps(records[0]) + "\n"
    try:
        write_output(target, data)
    except OSError as error:
        to_stderr(file_problem(display_name(target) if target != STDIO else "<stdout>", error, "written"))
        return 1
    noun = "record" if len(records) == 1 else "records"
    to_stderr(f"{display_name(target)}: wrote {len(records)} {noun} in format version {FORMAT_VERSION}")
    return 0


def add_schema(commands: Commands) -> Runner:
    """Declare the ``schema`` command; return what runs it."""
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
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.serialisation.registry import record_types
    from govrecords.serialisation.schema import json_schema

    if args.type is not None and args.type not in record_types():
        known = ", ".join(record_types())
        to_stderr(f"govrecords schema: error: unknown record type {args.type!r}; expected one of {known}")
        return 2
    schema = json_schema(record_types()[args.type]) if args.type is not None else json_schema()
    try:
        write_output(args.output, json.dumps(schema, indent=2, ensure_ascii=False) + "\n")
    except OSError as error:
        to_stderr(file_problem(args.output, error, "written"))
        return 1
    return 0
