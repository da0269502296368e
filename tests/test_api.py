"""The public facade: every exported name resolves, lazily, and the error tree is as documented."""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import govrecords
from govrecords import errors


def test_all_is_sorted_and_resolves() -> None:
    """__all__ is sorted (constants, then classes, then functions), and every name resolves."""

    def isort_key(name: str) -> tuple[int, str]:
        return (0 if name.isupper() else 1 if name[0].isupper() else 2, name)

    assert list(govrecords.__all__) == sorted(govrecords.__all__, key=isort_key)
    for name in govrecords.__all__:
        assert getattr(govrecords, name) is not None


def test_lazy_table_matches_all() -> None:
    """The lazy-import table and __all__ name the same things (plus the version)."""
    assert set(govrecords._WHERE) | {"__version__"} == set(govrecords.__all__)
    assert sorted(dir(govrecords)) == sorted(govrecords.__all__)


def test_the_top_level_is_small_and_each_name_has_one_home() -> None:
    """At most 45 names at the top level (and the version); each is the object its home module defines."""
    assert len(set(govrecords.__all__) - {"__version__"}) <= 45
    for name, module in govrecords._WHERE.items():
        assert getattr(importlib.import_module(module), name) is getattr(govrecords, name), name


def test_detail_types_live_in_their_subpackages() -> None:
    """Result details, the rest of the vocabulary and the other errors are not at the top level."""
    for name in ("ForumRef", "GroupSupport", "SideSummary", "TopicTag", "ImportFailedError", "FORMAT_VERSION"):
        assert name not in govrecords.__all__
        with pytest.raises(AttributeError):
            getattr(govrecords, name)


def test_unknown_attribute() -> None:
    """An unknown name raises AttributeError, as for any module."""
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = govrecords.nothing  # type: ignore[attr-defined]  # the point of the test


def test_import_is_lazy() -> None:
    """A plain `import govrecords` does not import cattrs (it is loaded when a record is read or written)."""
    code = "import sys, govrecords; print('cattrs' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (errors.ValidationError, ValueError),
        (errors.DateParseError, ValueError),
        (errors.FormatVersionError, ValueError),
        (errors.LimitExceededError, ValueError),
        (errors.ImportFailedError, ValueError),
        (errors.SerializationError, TypeError),
        (errors.ArgumentTypeError, TypeError),
        (errors.MissingExtraError, ImportError),
    ],
)
def test_error_tree(error: type[Exception], builtin: type[Exception]) -> None:
    """Every error derives from GovRecordsError and from the builtin a caller would catch."""
    assert issubclass(error, errors.GovRecordsError)
    assert issubclass(error, builtin)


def test_warning_tree() -> None:
    """Warnings derive from GovRecordsWarning, itself a UserWarning."""
    assert issubclass(errors.RecordImportWarning, errors.GovRecordsWarning)
    assert issubclass(errors.GovRecordsWarning, UserWarning)


def test_problem_text() -> None:
    """A problem reads as 'line N: PATH: message (got value)'."""
    problem = errors.Problem("$.a", "bad", 3, line=7)
    assert str(problem) == "line 7: $.a: bad (got 3)"
    assert str(errors.Problem("$", "x" * 3, "y" * 200)).endswith("...)")
    failure = errors.ImportFailedError("cannot read", line=2, column=5)
    assert str(failure) == "line 2, column 5: cannot read"
    assert str(errors.ImportFailedError("empty")) == "empty"


def test_every_module_imports_first() -> None:
    """Each module behind the facade imports on its own in a fresh interpreter (no import cycles)."""
    modules = sorted(set(govrecords._WHERE.values()))
    code = "; ".join(f"subprocess.run([sys.executable, '-c', 'import {name}'], check=True)" for name in modules)
    subprocess.run([sys.executable, "-c", f"import subprocess, sys; {code}"], check=True)
