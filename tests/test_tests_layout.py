"""The tests mirror the package: the tests of ``govrecords.<sub>`` are in ``tests/<sub>/``.

Issue #10's rule for a codebase a newcomer can read: the tests of a subpackage sit in
the folder of the same name under ``tests/``, and ``tests/test_<module>.py`` at the top
holds the tests of a top-level module only. Checked here so that the mirror cannot rot
silently: a new subpackage without its folder of tests, a test file at the top named
after a subpackage (``tests/test_render.py``), or a folder of tests named after no
subpackage (a typo, or a subpackage renamed) fails, and says what to move where.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govrecords

PACKAGE = Path(govrecords.__file__).parent
TESTS = Path(__file__).parent


def subpackages(package: Path) -> set[str]:
    """The subpackages directly under *package*: its folders with an ``__init__.py`` (not ``data/``)."""
    return {path.parent.name for path in package.glob("*/__init__.py")}


def named_after(stem: str, names: set[str]) -> str | None:
    """The subpackage a top-level test file *stem* is named after, if any.

    The first word after ``test_`` names it, singular or plural: ``test_importer_corpus``
    is named after ``importers``, ``test_render_svg`` after ``render``; ``test_import_graph``
    after none.
    """
    word = stem.removeprefix("test_").split("_")[0]
    return next((name for name in sorted(names) if word.removesuffix("s") == name.removesuffix("s")), None)


def layout_problems(package: Path, tests: Path) -> list[str]:
    """Each way the tests under *tests* fail to mirror the subpackages of *package*, in words."""
    names = subpackages(package)
    problems = [
        f"govrecords.{name} has no tests/{name}/ folder of tests (test_*.py files)"
        for name in sorted(names)
        if not any((tests / name).glob("test_*.py"))
    ]
    problems += [
        f"tests/{path.name} is named after govrecords.{name}: move it into tests/{name}/"
        for path in sorted(tests.glob("test_*.py"))
        if (name := named_after(path.stem, names)) is not None
    ]
    folders = {path.parent.name for path in tests.glob("*/test_*.py")}
    problems += [
        f"tests/{folder}/ holds tests but govrecords has no subpackage {folder!r}" for folder in sorted(folders - names)
    ]
    return problems


def test_the_tests_mirror_the_package() -> None:
    assert layout_problems(PACKAGE, TESTS) == []


def test_every_subpackage_is_seen() -> None:
    """The check above looks at the real subpackages, not at an empty set."""
    seen = {"serialisation", "comparison", "importers", "render", "taxonomy", "testing", "vocabulary"}
    assert seen <= subpackages(PACKAGE)
    assert "data" not in subpackages(PACKAGE)  # a folder of files, not a subpackage


def _touch(root: Path, *names: str) -> None:
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("", encoding="utf-8")


def test_a_layout_that_does_not_mirror_the_package_fails(tmp_path: Path) -> None:
    package, tests = tmp_path / "src" / "pkg", tmp_path / "tests"
    _touch(package, "__init__.py", "records.py", "alpha/__init__.py", "betas/__init__.py", "data/schema.json")
    _touch(package, "gamma/__init__.py")
    _touch(tests, "conftest.py", "test_records.py", "alpha/test_one.py", "test_beta_corpus.py", "gamma/README.md")
    _touch(tests, "alhpa/test_two.py", "typing/api.py", "corpus/beta/one.txt")
    assert layout_problems(package, tests) == [
        "govrecords.betas has no tests/betas/ folder of tests (test_*.py files)",
        "govrecords.gamma has no tests/gamma/ folder of tests (test_*.py files)",
        "tests/test_beta_corpus.py is named after govrecords.betas: move it into tests/betas/",
        "tests/alhpa/ holds tests but govrecords has no subpackage 'alhpa'",
    ]
    # Moved where they belong, the same files pass.
    (tests / "test_beta_corpus.py").unlink()
    (tests / "alhpa" / "test_two.py").unlink()
    _touch(tests, "betas/test_corpus.py", "gamma/test_gamma.py", "alpha/test_two.py")
    assert layout_problems(package, tests) == []


@pytest.mark.parametrize(
    ("stem", "expected"),
    [
        ("test_importer_corpus", "importers"),
        ("test_importers", "importers"),
        ("test_checks", "checks"),
        ("test_check", "checks"),
        ("test_render_svg", "render"),
        ("test_testing", "testing"),
        ("test_taxonomy", "taxonomy"),
        ("test_import_graph", None),
        ("test_api", None),
        ("test_records", None),
        ("test_tests_layout", None),
    ],
)
def test_a_top_level_file_is_named_after_the_subpackage_its_first_word_names(stem: str, expected: str | None) -> None:
    names = {"importers", "checks", "render", "testing", "taxonomy", "cli", "comparison", "serialisation"}
    assert named_after(stem, names) == expected
