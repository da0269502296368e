"""The comparison subpackage reads from the bottom up: each module imports only those before it."""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

import govrecords.comparison

PACKAGE = Path(govrecords.comparison.__file__).parent


def _imported(module: str) -> set[str]:
    """The modules of govrecords.comparison that *module* imports, wherever the import stands."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module is not None:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        prefix = "govrecords.comparison."
        found |= {name[len(prefix) :].split(".")[0] for name in names if name.startswith(prefix)}
    return found


def test_every_module_is_in_the_documented_order() -> None:
    """The order in the package (which its docstring describes) lists every module once."""
    order = govrecords.comparison._MODULES  # pyright: ignore[reportPrivateUsage]  # the documented order
    modules = {path.stem for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    assert len(set(order)) == len(order)
    assert modules == set(order)
    assert all(importlib.util.find_spec(f"govrecords.comparison.{name}") for name in order)


def test_each_module_imports_only_those_before_it() -> None:
    """No circle inside the subpackage: the import order is a line, not a loop."""
    order = govrecords.comparison._MODULES  # pyright: ignore[reportPrivateUsage]  # the documented order
    for position, module in enumerate(order):
        imported = _imported(module)
        assert imported <= set(order[:position]), f"{module} imports {sorted(imported - set(order[:position]))}"
