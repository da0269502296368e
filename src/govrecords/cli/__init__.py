"""The ``govrecords`` command line (also ``python -m govrecords``).

Each subcommand is a pair of functions: ``add_NAME(subparsers)`` declares its
arguments and ``_run_NAME(args)`` does the work and returns the exit status. The
commands that check and rewrite record files are in ``cli/records.py``, those that
bring records in (import, archive) in ``cli/gathering.py``, those that compare and
show them in ``cli/reports.py``, and what they share in ``cli/_io.py``.

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
import os
import sys
from collections.abc import Callable, Sequence

from govrecords._version import __version__
from govrecords.cli._io import Commands, Runner, to_stderr
from govrecords.cli.gathering import add_archive, add_import
from govrecords.cli.records import add_migrate, add_schema, add_validate
from govrecords.cli.reports import add_compare, add_demo, add_timeline

__all__ = ["build_parser", "main"]


_COMMANDS: tuple[Callable[[Commands], Runner], ...] = (
    add_validate,
    add_migrate,
    add_schema,
    add_demo,
    add_compare,
    add_timeline,
    add_import,
    add_archive,
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
    # Standard output is not changed: data and reports go out as UTF-8 (see emit).
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
    try:  # Ctrl-C while the parser is being built is an interruption too, never a traceback
        _safe_streams()
        parser, runners = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help()
            return 2
        return runners[args.command](args)
    except KeyboardInterrupt:
        to_stderr("")  # end the line the terminal echoed ^C on
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 141
