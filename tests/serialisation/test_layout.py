"""Serialisation sits below everything that makes records: it imports none of it, and no circle runs through it.

Read from the source (every import, at module level or inside a function, except
those only for the type checker) and checked again in a fresh interpreter. A
document of a type defined above serialisation (a comparison) still reads after
nothing but ``import govrecords``, because the package top declares where each
type tag is defined and the registry imports that module on first use.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import govrecords
from govrecords import compare, dumps
from govrecords.serialisation import registry

SRC = Path(govrecords.__file__).parent
SERIALISATION = SRC / "serialisation"
# What serialisation may use: the errors, the value types it writes (dates, spans),
# the shared validators those types check with (made from serialisation's own constraints),
# the shared helpers for files and for pausing the garbage collector, and the trusted
# constructors (a span read from two whole numbers already checked).
BELOW = {
    "govrecords._collector",
    "govrecords._trusted",
    "govrecords.errors",
    "govrecords.dates",
    "govrecords.provenance",
    "govrecords._files",
    "govrecords._validators",
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(file) for file in SRC.rglob("*.py")}


def _imports(path: Path) -> set[str]:
    """The govrecords modules *path* imports, anywhere but under ``if TYPE_CHECKING:``."""
    tree = ast.parse(path.read_text("utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            skipped.update(id(inner) for inner in ast.walk(node))
    found: set[str] = set()
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join([*package.split(".")[: len(package.split(".")) - node.level + 1], base]).strip(".")
            for alias in node.names:  # a submodule if it is one, else a name from the module
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base)
    # The package's top runs before any of its modules anyway: not an edge of its own.
    return {name for name in found if name in MODULES and name != "govrecords"}


def _graph() -> dict[str, set[str]]:
    return {_module_name(path): _imports(path) for path in SRC.rglob("*.py")}


def test_serialisation_imports_nothing_above_it() -> None:
    for path in sorted(SERIALISATION.glob("*.py")):
        above = {name for name in _imports(path) if not name.startswith("govrecords.serialisation")} - BELOW
        assert not above, f"{path.name} imports {sorted(above)}"


def test_what_serialisation_uses_does_not_lead_back_to_the_record_makers() -> None:
    """The closure of serialisation's imports stays within serialisation and what lies below it."""
    graph = _graph()
    reached: set[str] = set()
    stack = [name for name in graph if name.startswith("govrecords.serialisation")]
    while stack:
        name = stack.pop()
        if name not in reached:
            reached.add(name)
            stack.extend(graph.get(name, ()))
    outside = {name for name in reached if not name.startswith("govrecords.serialisation")}
    assert outside <= BELOW, sorted(outside - BELOW)


def test_no_import_circle_runs_through_serialisation() -> None:
    graph = _graph()
    for start in (name for name in graph if name.startswith("govrecords.serialisation")):
        stack = [(start, (start,))]
        seen: set[str] = set()
        while stack:
            name, trail = stack.pop()
            for target in graph.get(name, ()):
                assert target != start, " -> ".join((*trail, target))
                if target not in seen:
                    seen.add(target)
                    stack.append((target, (*trail, target)))


def test_reading_and_writing_import_no_analysis_module() -> None:
    code = (
        "import sys\n"
        "import govrecords.serialisation.documents, govrecords.serialisation.jsonl, govrecords.serialisation.schema\n"
        "print(sorted(name for name in sys.modules if name.startswith('govrecords')))\n"
    )
    loaded = json.loads(subprocess.check_output([sys.executable, "-c", code], text=True).replace("'", '"'))
    assert (
        not {name for name in loaded if not name.startswith("govrecords.serialisation")}
        - BELOW
        - {
            "govrecords",
            "govrecords._version",
        }
    )


def test_a_comparison_reads_in_a_fresh_interpreter_after_only_import_govrecords() -> None:
    forum = govrecords.Forum("f1", sessions=(govrecords.Session("s1", "Access", topics=("access",)),))
    text = dumps(compare(forum, forum), indent=None)
    code = "import sys, govrecords\nprint(type(govrecords.loads(sys.stdin.read())).__name__)"
    out = subprocess.run([sys.executable, "-c", code], input=text, text=True, capture_output=True, check=True)
    assert out.stdout.strip() == "Comparison"


@pytest.mark.parametrize("tag", list(registry._DECLARED))
def test_each_declared_tag_is_registered_by_its_declared_module(tag: str) -> None:
    cls = registry.record_types()[tag]
    assert cls.__module__ == registry._DECLARED[tag]
    assert registry.record_type_name(cls) == tag
