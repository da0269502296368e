"""The fast path's per-class functions are compiled from a record class's fields alone.

``govrecords.serialisation._codegen`` is the one module that compiles source (the
safety scan in ``tests/test_safety.py`` allows it there only). What it compiles is
written from a class, never from a document: the only strings in a builder's source
are its class's field names, and a name that is not an identifier is refused.
"""

from __future__ import annotations

import ast
import linecache
import traceback

import attrs
import pytest

from govrecords.serialisation import _classcodec, _classwriter, _codegen, _fastpath
from govrecords.serialisation.registry import record_types


def _source(function: object) -> str:
    filename = function.__code__.co_filename  # type: ignore[attr-defined]  # a function made by _codegen
    text = "".join(linecache.getlines(filename))
    assert text.startswith("def "), filename  # the source really was found: no check passes on nothing
    return text


@pytest.mark.parametrize("cls", sorted(record_types().values(), key=lambda cls: cls.__name__), ids=lambda c: c.__name__)
def test_a_builders_source_names_only_its_fields(cls: type) -> None:
    cache = _classcodec._BUILDERS[True]  # pyright: ignore[reportPrivateUsage]  # every class the builder reached
    try:
        build = _classcodec.builder(cls, measure=True)
    except _classcodec.UnsupportedError:
        assert cls not in cache  # left to cattrs: nothing compiled for it
        return
    assert build is cache[cls]
    for held, function in cache.items():
        tree = ast.parse(_source(function))
        strings = {
            node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)
        }
        assert strings <= {field.name for field in attrs.fields(held)}, held


def test_a_traceback_shows_the_generated_line() -> None:
    build = _codegen.function(
        "go", ["def go(data):", "    return data['one'] + 1"], {}, fields=["one"], filename="<govrecords test go>"
    )
    with pytest.raises(TypeError) as raised:
        build({"one": "text"})
    assert "return data['one'] + 1" in "".join(traceback.format_tb(raised.value.__traceback__))


@pytest.mark.parametrize("name", ["not an identifier", "a'b", "x\ny", "1st", ""])
def test_a_name_that_is_not_an_identifier_is_refused(name: str) -> None:
    with pytest.raises(ValueError, match="not a Python identifier"):
        _codegen.function("go", ["def go():", "    return 1"], {}, fields=[name], filename="<govrecords test refused>")


@pytest.mark.parametrize("cls", sorted(record_types().values(), key=lambda cls: cls.__name__), ids=lambda c: c.__name__)
def test_an_unstructurers_source_names_only_fields(cls: type) -> None:
    try:
        function = _classwriter.unstructurer(cls)
    except _classcodec.UnsupportedError:
        assert _fastpath.unstructurer(cls) is None  # left to cattrs
        return
    _classcodec.builder(cls)
    held = _classcodec._BUILDERS[False]  # pyright: ignore[reportPrivateUsage]  # the classes cls holds, with cls
    fields = {field.name for kind in held for field in attrs.fields(kind)}
    tree = ast.parse(_source(function))
    strings = {node.value for node in ast.walk(tree) if isinstance(node, ast.Constant) and isinstance(node.value, str)}
    assert strings <= fields
