"""The README stays true: its test command is the one CI runs, and its examples run."""

from __future__ import annotations

import doctest
from pathlib import Path

import govrecords

ROOT = Path(__file__).resolve().parent.parent


def test_ci_runs_the_readme_test_command() -> None:
    """.ci/run runs exactly the test command the README gives (shown as a shell session: ``$ `` first)."""
    readme = (ROOT / "README.md").read_text("utf-8")
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    command = next(line for line in ci.splitlines() if "tools/check.py" in line)
    assert command in [line.removeprefix("$ ") for line in readme.splitlines()]


def test_the_readme_installs_first_then_the_main_job_then_the_tests() -> None:
    """A reader meets `pip install govrecords` first, then the quick start, the main job and how to test it."""
    readme = (ROOT / "README.md").read_text("utf-8")
    install = readme.index("$ pip install govrecords\n")
    quick_start = readme.index("$ python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/govrecords demo\n")
    main_job = readme.index("$ govrecords import")
    tests = readme.index("## Tests")
    assert install < quick_start < main_job < tests
    assert readme.index("tools/check.py") > quick_start  # the quick start's second command is the whole suite
    assert "from a clone of this repository" not in readme.split("## Tests")[0]


def test_readme_examples_run() -> None:
    """Every >>> example in the README gives the output it shows."""
    parser = doctest.DocTestParser()
    text = (ROOT / "README.md").read_text("utf-8")
    test = parser.get_doctest(text, {"govrecords": govrecords}, "README.md", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert test.examples
    assert runner.failures == 0
