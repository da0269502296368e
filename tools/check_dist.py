"""Check the distribution: build it, inspect it, install it, and test what was installed.

Usage (from the repository root, in an environment with ``.[tests]`` installed)::

    python tools/check_dist.py             # everything below
    python tools/check_dist.py --keep      # ... and keep the temporary folder
    python tools/check_dist.py --no-tests  # all but step 5, for a quick look at packaging

In a temporary folder, and failing at the first step that fails:

1. ``python -m build`` makes the sdist, then the wheel *from the sdist* (so a file
   missing from the sdist breaks the wheel here, not on a user's machine).
2. ``twine check --strict`` and ``check-wheel-contents`` pass on both.
3. The wheel holds the package, its data (``data/taxonomy.json``, every other file
   under ``src/govrecords/data``) and ``py.typed``, and nothing else: no tests, no
   caches. The sdist holds the tests, the docs and the changelog, and no build output.
   The metadata names the version, ``Requires-Python``, the licence, the classifiers,
   the project URLs and a Markdown long description from the README.
4. The wheel is installed into a fresh virtual environment whose dependencies come
   from this environment (a path entry to its site-packages: no network, and no
   editable install of the source tree, whose ``.pth`` hook is not run from there).
   ``govrecords`` must be imported from that environment's site-packages, and
   ``govrecords --version`` must print the wheel's version.
5. The tests that use what the wheel must carry (bundled data, templates, taxonomy,
   schema, examples, the command line; :data:`INSTALLED_TESTS`) run against the
   installed wheel, from a copy of ``tests/`` in a folder without ``src/``.
6. ``pyright --verifytypes govrecords --ignoreexternal`` on the installed wheel must
   report every public symbol fully typed (100%).
"""

from __future__ import annotations

import argparse
import email.parser
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "govrecords"
BIN = Path(sys.executable).parent


class CheckFailedError(Exception):
    """One step of the check failed; the message says which and why."""


def run(command: Sequence[str | Path], *, cwd: Path, env: dict[str, str] | None = None) -> str:
    """Run *command*, echo it, and return its standard output; fail on a non-zero exit."""
    print("$", " ".join(str(part) for part in command), flush=True)
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, check=False, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stdout.write(result.stdout)
        sys.stderr.write(result.stderr)
        raise CheckFailedError(f"{Path(str(command[0])).name} exited with status {result.returncode}")
    return result.stdout


def tool(name: str) -> Path:
    """The console script *name* of this environment."""
    path = BIN / name
    if not path.exists():
        raise CheckFailedError(f"{name} is not installed in this environment; install .[tests]")
    return path


def build(out: Path) -> tuple[Path, Path]:
    """Build the sdist and the wheel (from the sdist) into *out*."""
    run([sys.executable, "-m", "build", "--outdir", out, ROOT], cwd=ROOT)
    sdists, wheels = sorted(out.glob("*.tar.gz")), sorted(out.glob("*.whl"))
    if len(sdists) != 1 or len(wheels) != 1:
        raise CheckFailedError(f"expected one sdist and one wheel, found {[p.name for p in out.iterdir()]}")
    return sdists[0], wheels[0]


def version() -> str:
    """The version the source tree declares, read the way the build backend reads it."""
    namespace: dict[str, object] = {}
    exec((PACKAGE / "_version.py").read_text("utf-8"), namespace)  # noqa: S102 -- our own one-line file
    return str(namespace["__version__"])


def check_wheel(wheel: Path, expected_version: str) -> None:
    """The wheel holds the package and its data, and nothing that is not part of it."""
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        info = f"govrecords-{expected_version}.dist-info"
        metadata = email.parser.Parser().parsestr(archive.read(f"{info}/METADATA").decode("utf-8"))
        entry_points = archive.read(f"{info}/entry_points.txt").decode("utf-8")
    wanted = {f"govrecords/{path.relative_to(PACKAGE).as_posix()}" for path in PACKAGE.rglob("*") if path.is_file()}
    wanted = {name for name in wanted if "__pycache__" not in name and not name.endswith(".pyc")}
    wanted |= {"govrecords/py.typed", "govrecords/data/taxonomy.json", "govrecords/__init__.py"}
    problems = [f"missing from the wheel: {name}" for name in sorted(wanted - names)]
    problems += [
        f"stray file in the wheel: {name}"
        for name in sorted(names)
        if name.split("/")[0] not in ("govrecords", info)
        or "__pycache__" in name
        or name.endswith((".pyc", ".orig", ".rej", "~"))
        or "/tests/" in f"/{name}"
    ]
    problems += check_metadata(metadata, expected_version)
    if "govrecords = govrecords.cli:main" not in entry_points:
        problems.append("the wheel does not install the govrecords command")
    if "[hypothesis]" not in entry_points:
        problems.append("the wheel does not register the Hypothesis entry point")
    if problems:
        raise CheckFailedError("the wheel is not right:\n  " + "\n  ".join(problems))
    data = sorted(name for name in names if name.startswith("govrecords/data/"))
    print(f"wheel: {len(names)} files, package data: {', '.join(n.removeprefix('govrecords/') for n in data)}")


def check_metadata(metadata: email.message.Message, expected_version: str) -> list[str]:
    """What the wheel's core metadata lacks."""
    problems: list[str] = []
    if metadata["Version"] != expected_version:
        problems.append(f"metadata version {metadata['Version']!r} is not {expected_version!r}")
    fields = ("Summary", "Requires-Python", "License-Expression", "Description-Content-Type")
    problems += [f"metadata lacks {field}" for field in fields if not metadata.get(field)]
    if metadata.get("Description-Content-Type", "").split(";")[0] != "text/markdown":
        problems.append("the long description is not the Markdown README")
    readme_title = (ROOT / "README.md").read_text("utf-8").splitlines()[0]
    if readme_title not in (metadata.get_payload() or ""):
        problems.append("the long description is not the README")
    classifiers = metadata.get_all("Classifier") or []
    if not any(c.startswith("Programming Language :: Python :: 3.") for c in classifiers):
        problems.append("no Python version classifiers")
    if "Typing :: Typed" not in classifiers:
        problems.append("no 'Typing :: Typed' classifier")
    urls = {url.split(",")[0].strip().lower() for url in metadata.get_all("Project-URL") or []}
    labels = ("documentation", "changelog", "source", "issues")
    problems += [f"no {label!r} project URL" for label in labels if label not in urls]
    if not any(name.endswith("LICENSE") for name in metadata.get_all("License-File") or []):
        problems.append("the licence file is not included")
    return problems


def check_sdist(sdist: Path) -> None:
    """The sdist holds what a downstream packager needs, and no build output."""
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    problems = [
        f"missing from the sdist: {name}"
        for name in ("pyproject.toml", "README.md", "CHANGELOG.md", "LICENSE", "src/govrecords/py.typed",
                     "docs/conf.py", "tests/conftest.py", "tests/typing/api.py")
        if name not in names
    ]  # fmt: skip
    problems += [
        f"stray file in the sdist: {name}"
        for name in sorted(names)
        if name.startswith(("docs/_build/", ".venv/", "dist/", ".git/")) or "__pycache__" in name
    ]
    if problems:
        raise CheckFailedError("the sdist is not right:\n  " + "\n  ".join(problems))
    print(f"sdist: {len(names)} files")


def make_venv(where: Path, wheel: Path) -> Path:
    """A fresh virtual environment with the wheel installed and this environment's packages visible."""
    run([sys.executable, "-m", "venv", where], cwd=where.parent)
    python = where / "bin" / "python"
    site = Path(
        run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=where.parent).strip()
    )
    # A plain path line: this environment's packages become importable, but .pth files
    # there (such as an editable install of the source tree) are not run.
    (site / "_check_dist_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--no-index", wheel], cwd=where.parent)
    return python


def check_installed(python: Path, cwd: Path, expected_version: str) -> None:
    """govrecords comes from the new environment, and its command prints the wheel's version."""
    venv = python.parent.parent
    where = run([python, "-c", "import govrecords; print(govrecords.__file__)"], cwd=cwd).strip()
    if not Path(where).is_relative_to(venv):
        raise CheckFailedError(f"govrecords was imported from {where}, not from the installed wheel in {venv}")
    shown = run([venv / "bin" / "govrecords", "--version"], cwd=cwd).strip()
    if shown != f"govrecords {expected_version}":
        raise CheckFailedError(f"govrecords --version printed {shown!r}, expected 'govrecords {expected_version}'")
    print(f"installed: {where}; govrecords --version: {shown}")


INSTALLED_TESTS = [
    f"tests/{name}.py"
    for name in (
        "test_api",
        "test_examples",
        "test_readme",
        "test_extraction",
        "serialisation/test_schema",
        "serialisation/test_documents",
        "cli/test_cli",
        "taxonomy/test_taxonomy",
        "importers/test_api",
        "importers/test_golden",
        "importers/test_corpus",
    )
]
"""The tests run against the installed wheel: those that touch what it must carry."""


def test_installed(python: Path, work: Path) -> None:
    """Run the test suite from a copy of tests/ that cannot see src/."""
    for name in ("tests", ".ci"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, work / name, ignore=shutil.ignore_patterns("__pycache__", ".hypothesis"))
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md"):
        shutil.copy2(ROOT / name, work / name)
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "PYTHONHOME")}
    # The source-tree run already used the heavy "ci" profile; here the point is the
    # installed wheel, so the quick default profile keeps CI well inside its time.
    env["HYPOTHESIS_PROFILE"] = "default"
    check = "import govrecords, sys; sys.exit(0 if 'site-packages' in govrecords.__file__ else 1)"
    run([python, "-c", check], cwd=work, env=env)
    # The whole suite already ran on the source tree; against the wheel, run the tests
    # that use what the wheel must carry (bundled data, templates, taxonomy, schema,
    # examples, the command line), so that CI stays well inside its time.
    output = run([python, "-m", "pytest", "-p", "no:cacheprovider", "-q", *INSTALLED_TESTS], cwd=work, env=env)
    print(output.strip().splitlines()[-1])


def verify_types(python: Path, cwd: Path) -> None:
    """pyright reports every public symbol of the installed package fully typed."""
    command = [tool("pyright"), "--pythonpath", python, "--verifytypes", "govrecords", "--ignoreexternal"]
    command.append("--outputjson")
    print("$", " ".join(str(part) for part in command), flush=True)
    # --verifytypes finds the package through the interpreter on PATH, whatever
    # --pythonpath says: put the new environment first.
    env = {
        **os.environ,
        "PATH": f"{python.parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "VIRTUAL_ENV": str(python.parent.parent),
    }
    result = subprocess.run(
        [str(part) for part in command], cwd=cwd, env=env, check=False, capture_output=True, text=True
    )
    try:
        report = json.loads(result.stdout)["typeCompleteness"]
    except (json.JSONDecodeError, KeyError):
        sys.stderr.write(result.stdout + result.stderr)
        raise CheckFailedError("pyright --verifytypes gave no report") from None
    score = report["completenessScore"]
    counts = report["exportedSymbolCounts"]
    total = counts["withKnownType"] + counts["withUnknownType"] + counts["withAmbiguousType"]
    where = report.get("packageRootDirectory", "?")
    print(f"verifytypes: {score:.1%} of {total} exported symbols fully typed (package at {where})")
    if score < 1 or result.returncode != 0:
        for symbol in report["symbols"]:
            if symbol["isExported"] and not symbol["isTypeKnown"]:
                for diagnostic in symbol["diagnostics"]:
                    print(f"  {symbol['name']}: {diagnostic['message']}")
        for diagnostic in report.get("diagnostics", []):
            print(f"  {diagnostic.get('message')}")
        raise CheckFailedError(f"pyright --verifytypes: {score:.1%} of public symbols are fully typed, not 100%")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print where it is")
    parser.add_argument("--no-tests", action="store_true", help="skip running the test suite on the wheel")
    args = parser.parse_args()
    temporary = Path(tempfile.mkdtemp(prefix="govrecords-dist-"))
    try:
        expected = version()
        sdist, wheel = build(temporary / "dist")
        run([tool("twine"), "check", "--strict", sdist, wheel], cwd=ROOT)
        run([tool("check-wheel-contents"), wheel], cwd=ROOT)
        check_wheel(wheel, expected)
        check_sdist(sdist)
        python = make_venv(temporary / "venv", wheel)
        work = temporary / "run"
        work.mkdir()
        check_installed(python, work, expected)
        if not args.no_tests:
            test_installed(python, work)
        # pyright reads a pyproject.toml in its working folder as its own
        # configuration, and then no longer finds the installed package: use an empty one.
        (temporary / "types").mkdir()
        verify_types(python, temporary / "types")
    except CheckFailedError as failure:
        print(f"check_dist: FAILED: {failure}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept {temporary}")
        else:
            shutil.rmtree(temporary, ignore_errors=True)
    print("check_dist: the sdist and the wheel are right, and the installed wheel passes its tests")
    return 0


if __name__ == "__main__":
    sys.exit(main())
