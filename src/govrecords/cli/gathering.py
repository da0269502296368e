"""The commands that bring records in: import (a text into records) and archive (many imports merged by forum)."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from govrecords.cli import _io  # stdin_bytes is looked up when called: tests replace it
from govrecords.cli._io import (
    MAX_PROBLEMS,
    STDIO,
    Commands,
    Reader,
    Runner,
    display_name,
    emit,
    file_problem,
    read_records,
    report_problems,
    to_stderr,
    without_name,
    write_output,
)
from govrecords.errors import GovRecordsError, LimitExceededError, ValidationError

__all__ = ["add_archive", "add_import"]


def add_import(commands: Commands) -> Runner:
    """Declare the ``import`` command; return what runs it."""
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
        default=MAX_PROBLEMS,
        metavar="N",
        help=f"print at most N warnings, then a count (default: {MAX_PROBLEMS}; 0: all)",
    )
    parser.add_argument(
        "--compact",
        action="store_true",
        help="write the document on one line, without indentation (about half the size)",
    )
    return _run_import


def _read_template(name: str) -> Any:
    """A template's JSON file, read by the strict, limited parser, as a Template."""
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords import importers

    return importers.load_template(name)


def _run_import(args: argparse.Namespace) -> int:
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords import importers
    from govrecords.serialisation.documents import dumps

    label = display_name(args.file)
    name: str | None = args.template
    template: str | importers.Template | None = name
    reader = Reader(max(args.max_problems, 0))
    try:
        if name is not None and name.lower().endswith(".json") and (Path(name).exists() or "/" in name):
            template = _read_template(name)
    except ValidationError as error:
        reader.invalid(name or "", error)
        return 1
    except LimitExceededError as error:
        to_stderr(f"{name}: error: {error}")
        return 1
    except OSError as error:
        to_stderr(file_problem(name or "", error))
        return 1
    try:
        if args.file == STDIO:
            # The importer reads files: give it standard input's bytes (capped) as one.
            # imported on use: `govrecords --help` and other commands stay fast
            from govrecords._files import read_capped
            from govrecords.serialisation.limits import DEFAULT_LIMITS

            data = read_capped(_io.stdin_bytes(), DEFAULT_LIMITS, name=label)
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
            # imported on use: `govrecords --help` and other commands stay fast
            from govrecords._files import open_regular

            open_regular(args.file).close()  # refuse a FIFO or a device before the importer opens it
            result = importers.import_file(
                args.file,
                template=template,
                source_id=args.source_id,
                errors="strict" if args.strict_utf8 else "replace",
            )
    except KeyError as error:
        to_stderr(f"{label}: error: {error.args[0]}")
        return 2
    except OSError as error:
        to_stderr(file_problem(label, error))
        return 1
    except GovRecordsError as error:
        to_stderr(f"{label}: error: {without_name(str(error), args.file)}")
        return 1
    for issue in result.warnings:
        reader.say(label, f"{label}: {issue}", error=False)
    reader.finish()
    how = "detected" if result.detected else "chosen"
    to_stderr(
        f"{label}: template {result.template} ({how}, confidence {result.confidence:.2f}); "
        f"{len(result.records)} record(s), {len(result.warnings)} warning(s)"
    )
    try:
        write_output(args.output, dumps(result.forum, indent=None if args.compact else 2) + "\n")
    except OSError as error:
        to_stderr(file_problem(args.output, error, "written"))
        return 1
    return 0


def add_archive(commands: Commands) -> Runner:
    """Declare the ``archive`` command; return what runs it."""
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
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.archive import Archive
    from govrecords.documents import DocumentKind, document_of
    from govrecords.records import Forum, Session, Workshop

    name = display_name(args.archive)
    try:
        archive = Archive.open(args.archive)
        if args.action == "add":
            records = read_records(args.files)
            if records is None:
                return 1
            conflicts = archive.add(records, strict=args.strict)
            for conflict in conflicts:
                to_stderr(f"{name}: warning: {conflict}")
            archive.save(args.archive)
            to_stderr(f"{name}: {len(archive.forums)} forums, {len(conflicts)} conflicts")
            return 0
        kinds = {kind.value: kind for kind in DocumentKind}
        if args.kind is not None and args.kind not in kinds:
            to_stderr(f"govrecords archive: error: unknown --kind {args.kind!r} (kinds: {', '.join(kinds)})")
            return 2
        chosen = archive.select(
            forums=args.forum, year=args.year, topic=args.topic, kind=kinds.get(args.kind) if args.kind else None
        )
    except ValidationError as error:
        return report_problems(name, error)
    except OSError as error:
        to_stderr(file_problem(name, error))
        return 1
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.comparison.sentences import date_words

    lines = ["forum\tid\tdocument\tdate\ttitle"]
    for item in chosen:
        units: list[Session | Workshop] = (
            [*item.sessions, *item.workshops] if isinstance(item, Forum) else [item]  # select gives no other kind
        )
        forum = item.id if isinstance(item, Forum) else "-"
        for unit in units:
            when = unit.date if unit.date is not None else (item.dates if isinstance(item, Forum) else None)
            lines.append(f"{forum}\t{unit.id}\t{document_of(unit).value}\t{date_words(when)}\t{unit.title}")
    emit("\n".join(lines) + "\n")
    return 0
