"""Serialisation: records as JSON documents and JSON Lines, their JSON Schema, input limits and migrations.

It sits below every module that makes records and imports none of them: record
classes register themselves (:mod:`~govrecords.serialisation.registry`), and the
wire rules, read alike by the converter, the fast path and the schema generator,
live in one table (:mod:`~govrecords.serialisation.rules`). The modules:

- ``documents``: one record as one JSON document (:func:`~govrecords.dumps`,
  :func:`~govrecords.loads`, :func:`~govrecords.dump`, :func:`~govrecords.load`);
- ``jsonl``: streams of records as JSON Lines (:func:`~govrecords.write_jsonl`,
  :func:`~govrecords.iter_jsonl`);
- ``converter``: the cattrs converter (:func:`~govrecords.make_converter`), and
  the problems it reports with their paths;
- :mod:`~govrecords.serialisation.rules`: how each value type is written and read;
- :mod:`~govrecords.serialisation.constraints`: what a field's value may be, as
  JSON Schema keywords the record classes' validators test;
- :mod:`~govrecords.serialisation.registry`: the record types, by type tag;
- ``schema``: the JSON Schema of the documents (:func:`~govrecords.json_schema`);
- ``limits``: how much input a reader accepts (:class:`~govrecords.Limits`);
- ``migrations``: the format version (:data:`~govrecords.FORMAT_VERSION`), and
  reading older ones;
- ``_parsing``, ``_classcodec`` and ``_fastpath`` (private): strict JSON parsing,
  and the per-class builders that read valid documents quickly.

Each public name is importable from here (``from govrecords.serialisation import
dumps``) as from the package's top.

Names are imported on first use, as from the package's top, so that a record
module importing the registry or the rules pulls in neither cattrs nor the
readers.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from govrecords.serialisation.converter import make_converter
    from govrecords.serialisation.documents import dump, dumps, load, loads
    from govrecords.serialisation.jsonl import iter_jsonl, numbered_jsonl, write_jsonl
    from govrecords.serialisation.limits import DEFAULT_LIMITS, Limits
    from govrecords.serialisation.migrations import FORMAT_VERSION, migrate
    from govrecords.serialisation.registry import record_type, record_type_name, record_types
    from govrecords.serialisation.schema import json_schema

_WHERE = {
    "make_converter": "converter",
    "dump": "documents",
    "dumps": "documents",
    "load": "documents",
    "loads": "documents",
    "iter_jsonl": "jsonl",
    "numbered_jsonl": "jsonl",
    "write_jsonl": "jsonl",
    "DEFAULT_LIMITS": "limits",
    "Limits": "limits",
    "FORMAT_VERSION": "migrations",
    "migrate": "migrations",
    "record_type": "registry",
    "record_type_name": "registry",
    "record_types": "registry",
    "json_schema": "schema",
}

__all__ = [
    "DEFAULT_LIMITS",
    "FORMAT_VERSION",
    "Limits",
    "dump",
    "dumps",
    "iter_jsonl",
    "json_schema",
    "load",
    "loads",
    "make_converter",
    "migrate",
    "numbered_jsonl",
    "record_type",
    "record_type_name",
    "record_types",
    "write_jsonl",
]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'govrecords.serialisation' has no attribute {name!r}")
    value = getattr(importlib.import_module(f"govrecords.serialisation.{module}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
