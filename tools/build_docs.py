"""Build the documentation and run every code example in it, warnings as errors.

Usage (from the repository root)::

    python tools/build_docs.py           # HTML into docs/_build/html, then the doctests
    python tools/build_docs.py --doctest # the doctests only

Runs, with the interpreter that runs this script::

    sphinx-build -W -n --keep-going -b html    docs docs/_build/html
    sphinx-build -W -n --keep-going -b doctest docs docs/_build/doctest

``-n`` makes every cross-reference that does not resolve a warning, and ``-W`` makes
every warning an error. Exits non-zero if either build fails.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILDERS = ("html", "doctest")


def build(builder: str) -> int:
    command = [
        sys.executable, "-m", "sphinx", "-W", "-n", "--keep-going", "-q",
        "-b", builder, "docs", f"docs/_build/{builder}",
    ]  # fmt: skip
    print("$", " ".join(command[2:]).replace("sphinx", "sphinx-build", 1), flush=True)
    return subprocess.run(command, cwd=ROOT, check=False).returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doctest", action="store_true", help="run the doctests only")
    args = parser.parse_args()
    failed = [builder for builder in (("doctest",) if args.doctest else BUILDERS) if build(builder) != 0]
    if failed:
        print(f"docs: the {' and '.join(failed)} build failed", file=sys.stderr)
        return 1
    if not args.doctest:
        print(f"docs: built {ROOT / 'docs' / '_build' / 'html' / 'index.html'}; every example passed")
    else:
        print("docs: every example passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
