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

from govrecords._version import __version__
from govrecords.errors import GovRecordsError, ValidationError

__all__ = ["main"]

Runner = Callable[[argparse.Namespace], int]
Commands = argparse._SubParsersAction[argparse.ArgumentParser]  # pyright: ignore[reportPrivateUsage]  # argparse has no public name for it


def _add_validate(commands: Commands) -> Runner:
    parser = commands.add_parser("validate", help="check govrecords JSON or JSON Lines files")
    parser.add_argument("files", nargs="+", metavar="FILE", help="a .json or .jsonl file")
    return _run_validate


def _run_validate(args: argparse.Namespace) -> int:
    from govrecords.formats import iter_jsonl, load

    failed = False

    def report(error: ValidationError, name: str) -> None:
        nonlocal failed
        failed = True
        for problem in error.problems:
            print(f"{name}: {problem}", file=sys.stderr)

    for name in args.files:
        try:
            if name.endswith(".jsonl"):
                for _ in iter_jsonl(name, on_error=functools.partial(report, name=name)):
                    pass
            else:
                load(name)
        except ValidationError as error:
            report(error, name)
        except (GovRecordsError, OSError) as error:
            failed = True
            print(f"{name}: $: {error}", file=sys.stderr)
    return 1 if failed else 0


def _add_schema(commands: Commands) -> Runner:
    commands.add_parser("schema", help="print the JSON Schema of govrecords documents")
    return _run_schema


def _run_schema(args: argparse.Namespace) -> int:
    from govrecords.schema import json_schema

    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return 0


def _add_demo(commands: Commands) -> Runner:
    commands.add_parser("demo", help="show the bundled example records")
    return _run_demo


def _run_demo(args: argparse.Namespace) -> int:
    from govrecords import examples

    print(examples.describe())
    return 0


_COMMANDS: tuple[Callable[[Commands], Runner], ...] = (
    _add_validate,
    _add_schema,
    _add_demo,
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
