"""Run every gate of the test suite, in order, and fail if any fails.

This is the README's test command (``.ci/run`` runs exactly it). Run it from the
repository root inside an environment with ``.[tests]`` installed::

    python tools/check.py            # every gate
    python tools/check.py pytest     # only the named gates

Gates: ruff (lint, and the formatting check), mypy --strict, pyright (strict), pytest with doctests, Hypothesis's
``ci`` profile and branch coverage >= 95%, the Sphinx site (warnings are errors)
with its doctests, the distribution (sdist, wheel, twine, check-wheel-contents,
the suite against the installed wheel, pyright --verifytypes), and the
benchmarks at a tiny size (to keep them working; no timing is asserted).
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

GATES: dict[str, list[list[str]]] = {
    "ruff": [
        [PY, "-m", "ruff", "check", "src", "tests", "tools", "docs", "benchmarks"],
        [PY, "-m", "ruff", "format", "--check", "src", "tests", "tools", "docs", "benchmarks"],
    ],
    "mypy": [[PY, "-m", "mypy", "--strict", "src", "tests/typing"]],
    "pyright": [[PY, "-m", "pyright", "--pythonpath", PY]],
    "pytest": [
        [
            PY,
            "-m",
            "pytest",
            "src",
            "tests",
            "--doctest-modules",
            "--ignore=src/govrecords/__main__.py",
            # Two workers (pytest-xdist): the machine has two cores, and the run must
            # stay well inside CI's 20 minutes.
            "--numprocesses=2",
            "--dist=worksteal",  # an idle worker takes queued tests from a busy one: a few long tests end unevenly
            "--cov",
            "--cov-branch",
            "--cov-report=term-missing:skip-covered",
            "--cov-fail-under=95",
            "-p",
            "no:cacheprovider",
        ]
    ],
    "docs": [
        [PY, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", "html", "docs", "docs/_build/html"],
        [PY, "-m", "sphinx", "-W", "-n", "--keep-going", "-q", "-b", "doctest", "docs", "docs/_build/doctest"],
    ],
    "dist": [[PY, "tools/check_dist.py"]],
    "benchmarks": [
        [PY, "benchmarks/run.py", "--smoke"],
        # the README's results again from the file they came from: the report path keeps working
        [PY, "benchmarks/run.py", "--from-json", "benchmarks/results.json"],
    ],
}


def run(names: list[str]) -> int:
    """Run the named gates (all when empty); return 0 only if every one passed."""
    env = {**os.environ, "HYPOTHESIS_PROFILE": os.environ.get("HYPOTHESIS_PROFILE", "ci")}
    results: list[tuple[str, int, float]] = []
    for name in names or list(GATES):
        status = 0
        started = time.monotonic()
        for command in GATES[name]:
            if not Path(ROOT, command[1]).exists() and command[1].endswith(".py"):
                print(f"--- {name}: {command[1]} is missing", flush=True)
                status = 1
                break
            print(f"--- {name}: {' '.join(command[1:])}", flush=True)
            status = subprocess.run(command, cwd=ROOT, env=env, check=False).returncode
            if status:
                break
        results.append((name, status, time.monotonic() - started))
    print("\n--- summary")
    for name, status, seconds in results:
        print(
            f"{'ok  ' if status == 0 else 'FAIL'} {name:<11} {seconds:6.1f} s"
            + ("" if status == 0 else f" (exit {status})")
        )
    failed = [name for name, status, _ in results if status]
    passed = len(results) - len(failed)
    print(f"gates: {passed} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    unknown = [name for name in sys.argv[1:] if name not in GATES]
    if unknown:
        sys.exit(f"unknown gate(s): {', '.join(unknown)}; the gates are {', '.join(GATES)}")
    sys.exit(run(sys.argv[1:]))
