"""No code execution from data: the package never uses pickle, marshal, shelve, eval, exec or unsafe YAML.

The package source is parsed with :mod:`ast` (not searched as text, so comments, strings
and docstrings that mention these names do not count, and aliases such as
``import pickle as p`` or ``from builtins import eval`` do). The scanner itself is tested on
snippets that each hide one forbidden use, and on safe look-alikes it must let through.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import govrecords

PACKAGE = Path(govrecords.__file__).parent
FORBIDDEN_MODULES = frozenset(
    {"pickle", "cPickle", "_pickle", "marshal", "shelve", "dill", "cloudpickle", "jsonpickle"}
)
FORBIDDEN_BUILTINS = frozenset({"eval", "exec", "compile", "__import__"})
UNSAFE_YAML = frozenset({"load", "load_all", "full_load", "full_load_all", "unsafe_load", "unsafe_load_all"})
UNSAFE_LOADERS = frozenset({"Loader", "FullLoader", "UnsafeLoader", "CLoader", "CFullLoader", "CUnsafeLoader"})
SAFE_LOADERS = frozenset({"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"})


def _name(node: ast.expr) -> str:
    """The dotted name of a Name or Attribute chain (``yaml.load``), or empty."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _name(node.value)
        return f"{inner}.{node.attr}" if inner else ""
    return ""


def _root(module: str | None) -> str:
    return (module or "").split(".")[0]


def scan(source: str, filename: str = "<snippet>") -> list[str]:
    """Every forbidden use in *source*, as ``FILE:LINE: what``."""
    tree = ast.parse(source, filename)
    found: list[str] = []
    yaml_names = {"yaml"}

    def flag(node: ast.AST, what: str) -> None:
        found.append(f"{filename}:{getattr(node, 'lineno', 0)}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _root(alias.name) in FORBIDDEN_MODULES:
                    flag(node, f"import {alias.name}")
                if _root(alias.name) == "yaml":
                    yaml_names.add(alias.asname or "yaml")
        elif isinstance(node, ast.ImportFrom):
            if _root(node.module) in FORBIDDEN_MODULES:
                flag(node, f"from {node.module} import ...")
            for alias in node.names:
                if node.module == "builtins" and alias.name in FORBIDDEN_BUILTINS:
                    flag(node, f"from builtins import {alias.name}")
                if _root(node.module) == "yaml" and alias.name in UNSAFE_YAML | UNSAFE_LOADERS:
                    flag(node, f"from yaml import {alias.name}")
        elif isinstance(node, ast.Call):
            name = _name(node.func)
            head, _, tail = name.rpartition(".")
            if name in FORBIDDEN_BUILTINS or (head == "builtins" and tail in FORBIDDEN_BUILTINS):
                flag(node, f"call to {name}")
            if head in yaml_names and tail in UNSAFE_YAML:
                loader = next((k.value for k in node.keywords if k.arg == "Loader"), None)
                loader_name = _name(loader).rpartition(".")[2] if loader is not None else ""
                if tail != "load" or loader_name not in SAFE_LOADERS:
                    flag(node, f"call to {name} without a safe loader")
            if name in {"importlib.import_module", "import_module", "getattr"} and any(
                isinstance(arg, ast.Constant)
                and isinstance(arg.value, str)
                and (_root(arg.value) in FORBIDDEN_MODULES or arg.value in FORBIDDEN_BUILTINS)
                for arg in node.args
            ):
                flag(node, f"{name} of a forbidden name")
        elif isinstance(node, ast.Attribute) and node.attr in UNSAFE_LOADERS and _name(node.value) in yaml_names:
            flag(node, f"{_name(node)}")
    return found


CODEGEN = "serialisation/_codegen.py"
"""The one module that compiles source: the fast path's per-class functions, written from a class's fields."""


def test_package_source_has_no_unsafe_calls() -> None:
    """No module of the package uses pickle, marshal, shelve, eval, exec, compile or unsafe YAML.

    But one: the module that compiles the fast path's per-class functions, as attrs and
    cattrs do, from a record class's fields alone. It may call ``compile`` and ``exec``
    once each, and nothing else the scan forbids.
    """
    files = sorted(PACKAGE.rglob("*.py"))
    assert len(files) > 10  # the scan really looks at the package
    found = [hit for path in files for hit in scan(path.read_text("utf-8"), path.relative_to(PACKAGE).as_posix())]
    in_codegen = sorted(hit.split(": ", 1)[1] for hit in found if hit.startswith(CODEGEN + ":"))
    assert in_codegen == ["call to compile", "call to exec"]
    assert [hit for hit in found if not hit.startswith(CODEGEN + ":")] == []


@pytest.mark.parametrize(
    "snippet",
    [
        "import pickle",
        "import pickle as p",
        "import marshal",
        "import shelve",
        "from pickle import loads",
        "from _pickle import Unpickler",
        "eval('1 + 1')",
        "exec('x = 1')",
        "compile('1', 'f', 'eval')",
        "__import__('os')",
        "import builtins\nbuiltins.eval('1')",
        "from builtins import exec",
        "import yaml\nyaml.load(text)",
        "import yaml\nyaml.load(text, Loader=yaml.Loader)",
        "import yaml as y\ny.unsafe_load(text)",
        "import yaml\nyaml.full_load(text)",
        "from yaml import load",
        "from yaml import FullLoader",
        "import yaml\nyaml.add_constructor('!x', f, Loader=yaml.UnsafeLoader)",
        "import importlib\nimportlib.import_module('pickle')",
        "import builtins\ngetattr(builtins, 'exec')",
    ],
)
def test_scanner_finds_each_forbidden_use(snippet: str) -> None:
    """Each snippet hides one forbidden use; the scanner reports it."""
    assert scan(snippet)


@pytest.mark.parametrize(
    "snippet",
    [
        "import json\njson.loads(text)",
        "import re\nre.compile('x')",
        "import yaml\nyaml.safe_load(text)",
        "import yaml\nyaml.load(text, Loader=yaml.SafeLoader)",
        "x = 'eval(pickle)'  # eval, exec and pickle in a string and a comment",
        "def evaluate(): pass\nevaluate()",
        "import ast\nast.literal_eval('1')",
    ],
)
def test_scanner_lets_safe_code_through(snippet: str) -> None:
    """Look-alikes that are safe are not reported."""
    assert scan(snippet) == []
