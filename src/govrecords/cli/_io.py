"""What every command keeps: reading record files, printing problems, writing output.

The conventions (see the command-line reference, and :mod:`govrecords.cli`):

- ``-`` names standard input where a file is read, and standard output where one
  is written. A file read must be a regular file: a FIFO or a device is refused.
- Every file written goes through the atomic writer (:mod:`govrecords._files`).
- Problems go to standard error, one per line, as ``FILE: [line L: ]PATH:
  SEVERITY: message``; a problem with a file itself (missing, unreadable, not
  writable) names the file and no JSON path.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, TypeAlias

from govrecords.errors import FileAccessError, GovRecordsError, LimitExceededError, Problem, ValidationError

__all__ = [
    "FORMATS",
    "MAX_PROBLEMS",
    "STDIO",
    "Commands",
    "Reader",
    "Runner",
    "add_detail",
    "add_format",
    "archive_select",
    "archive_sides",
    "checked_topics",
    "display_name",
    "emit",
    "file_problem",
    "is_jsonl",
    "problem_line",
    "read_records",
    "rendered",
    "report_problems",
    "stdin_bytes",
    "terminal_width",
    "to_stderr",
    "without_name",
    "write_output",
    "write_stdout",
]

Runner = Callable[[argparse.Namespace], int]
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # pyright: ignore[reportPrivateUsage]  # argparse has no public name for it; a string, as it is not subscriptable at run time before Python 3.12

STDIO = "-"
"""The file name that stands for standard input (reading) or standard output (writing)."""

_JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_PROBLEMS = 50  # per file, by default; "and N more" after


def is_jsonl(name: str) -> bool:
    """Whether *name* is a JSON Lines file, by its suffix."""
    return name.lower().endswith(_JSONL_SUFFIXES)


def display_name(name: str) -> str:
    """How a file is named in messages: ``<stdin>`` for ``-``."""
    return "<stdin>" if name == STDIO else name


def to_stderr(line: str) -> None:
    """Print one line to standard error."""
    print(line, file=sys.stderr)


def file_problem(name: str, error: OSError, action: str = "read") -> str:
    """One line for a file that cannot be used: the file, what failed, why (no JSON path)."""
    if isinstance(error, FileAccessError):
        return f"{name}: error: cannot be {action}: {error.strerror}"
    reason = error.strerror or str(error)
    return f"{name}: error: cannot be {action}: {reason}"


def problem_line(name: str, problem: Problem, severity: str = "error") -> str:
    where = f"line {problem.line}: {problem.path}" if problem.line is not None else problem.path
    text = str(Problem("", problem.message, problem.value))[2:]  # the message and value, without a place
    return f"{name}: {where}: {severity}: {text}"


def report_problems(name: str, error: ValidationError) -> int:
    """Print each problem of *error* as a line naming *name*; return the exit status 1."""
    for problem in error.problems:
        to_stderr(problem_line(name, problem))
    return 1


def stdin_bytes() -> IO[bytes]:
    """Standard input as bytes (a function, so that tests can give other bytes)."""
    return sys.stdin.buffer


def write_stdout(data: str | bytes) -> None:
    """Data (JSON, SVG) goes out as UTF-8 whatever the console's encoding."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data.encode("utf-8") if isinstance(data, str) else data)
    sys.stdout.buffer.flush()


def write_output(target: str | None, data: str) -> None:
    """Write *data* to *target* (None or ``-``: standard output) through the atomic writer.

    Raises:
        OSError: The target cannot be written; the caller names the target.
    """
    if target is None or target == STDIO:
        write_stdout(data)
        return
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords._files import atomic_write

    atomic_write(target, lambda out: out.write(data))


class Reader:
    """Reads the record files a command was given, printing every problem (capped per file)."""

    def __init__(self, max_problems: int = MAX_PROBLEMS) -> None:
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
        to_stderr(line)

    def finish(self) -> None:
        for name, count in self.hidden.items():
            to_stderr(f"{name}: and {count} more problem{'s' if count != 1 else ''} (see --max-problems)")
        self.hidden.clear()

    def invalid(self, name: str, error: ValidationError) -> None:
        for problem in error.problems:
            self.say(name, problem_line(name, problem))
        if error.omitted:  # found but not kept: counted among the "more"
            self.failed = True
            self.errors += error.omitted
            self.hidden[name] = self.hidden.get(name, 0) + error.omitted

    def records(self, name: str) -> Iterator[tuple[str, object]]:
        """Each record of the file *name* (``-``: standard input) with its label; problems printed."""
        # imported on use: `govrecords --help` and other commands stay fast
        from govrecords.serialisation.documents import load
        from govrecords.serialisation.jsonl import numbered_jsonl

        label = display_name(name)
        try:
            if name == STDIO:
                yield from self._stdin(label)
            elif is_jsonl(name):
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
            self.say(label, file_problem(label, error))
        except GovRecordsError as error:
            self.say(label, f"{label}: $: error: {without_name(str(error), name)}")
        except OSError as error:
            self.say(label, file_problem(label, error))

    def _stdin(self, label: str) -> Iterator[tuple[str, object]]:
        # Standard input has no name to tell JSON from JSON Lines: read it (capped) as
        # one document, and as JSON Lines when it holds more than one.
        # imported on use: `govrecords --help` and other commands stay fast
        from govrecords._files import read_capped
        from govrecords.serialisation._parsing import JSON_LINES_HINT
        from govrecords.serialisation.documents import loads
        from govrecords.serialisation.jsonl import numbered_jsonl
        from govrecords.serialisation.limits import DEFAULT_LIMITS

        data = read_capped(stdin_bytes(), DEFAULT_LIMITS, name=label)
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


FORMATS = ("text", "markdown", "json", "csv")


def add_format(parser: argparse.ArgumentParser) -> None:
    """Add the --format option."""
    parser.add_argument("--format", choices=FORMATS, default="text", help="how to print the report (default: text)")


def add_detail(parser: argparse.ArgumentParser) -> None:
    """Add the --detail option."""
    parser.add_argument(
        "--detail",
        action="store_true",
        help="add every topic's evidence, the stakeholder stances and the recommendations (default: one screen)",
    )


def rendered(report: object, style: str, detail: bool = True) -> str:
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.render import to_json, to_markdown, to_text

    assert report.__class__.__name__ in ("Comparison", "Timeline")  # the only reports the renderers take
    if style == "json":
        return to_json(report) + "\n"  # type: ignore[arg-type]  # checked above
    if style == "csv":
        # imported on use: `govrecords --help` and other commands stay fast
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


def emit(text: str) -> None:
    """Write a report to standard output."""
    # Reports quote their sources (curly quotes, accents): write UTF-8 even to a console
    # whose encoding cannot hold them, rather than fail half-way.
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def read_records(names: Sequence[str], max_problems: int = MAX_PROBLEMS) -> list[object] | None:
    """Every record in the files, or None after printing each problem (at most *max_problems* a file)."""
    reader = Reader(max_problems)
    records = [record for name in names for _, record in reader.records(name)]
    reader.finish()
    return None if reader.failed else records


def checked_topics(asked: Sequence[str] | None, records: Sequence[object]) -> list[str] | None:
    """The topics asked for with --topic; one neither the taxonomy nor the records know is an error."""
    # imported on use: `govrecords --help` and other commands stay fast
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


def archive_select(path: str, forums: Sequence[str] | None) -> list[object] | None:
    """The records of the archive at *path* (only *forums*, when given), or None after printing the problem."""
    # imported on use: `govrecords --help` and other commands stay fast
    from govrecords.archive import Archive

    try:
        return list(Archive.open(path).select(forums=forums))
    except ValidationError as error:
        report_problems(display_name(path), error)
    except OSError as error:
        to_stderr(file_problem(display_name(path), error))
    return None


def archive_sides(path: str, selections: Sequence[str]) -> list[list[object] | None]:
    """Each side's records from the archive at *path*, by comma-separated forum ids."""
    return [archive_select(path, [f for f in chosen.split(",") if f]) for chosen in selections]


def without_name(message: str, name: str) -> str:
    """*message* without the file name it may start with."""
    # Some errors already start with the file's name: never print it twice.
    for prefix in (f"{name}: ", f"{os.fspath(Path(name))}: "):
        if message.startswith(prefix):
            return message[len(prefix) :]
    return message
