"""The format version this release writes, and the migrations that read documents of older ones.

Every document names its ``format_version``. This release writes
:data:`FORMAT_VERSION`; a newer version is refused with a
:class:`~govrecords.errors.FormatVersionError` naming both versions, and an older
one is brought up to date by the *migrations* registered here, one step at a
time, before it is validated. Each migration is a plain function from the parsed
JSON of an envelope of version N to the parsed JSON of version N + 1: it never
sees a record class, so it keeps working however the classes change later.

The versions so far:

``0``
    The layout of the 0.0 pre-release drafts. Their writer used cattrs' default
    for every attrs class, so a provenance span was an object,
    ``"span": {"start": 4, "end": 9}``.
``1``
    The first released format. A span is a pair, ``"span": [4, 9]``.
``2``
    Compact provenance. Each method is written once, in the envelope's
    ``methods`` table, and each provenance entry refers to it by index:
    ``{"methods": [{"kind": "importer", ...}], "record": {... "method": 0 ...}}``
    where version 1 repeated the whole object in every entry.
``3``
    Entries say only what the document does not. The envelope's ``source`` is
    the default source, which entries of it leave out; an entry of the first
    method leaves ``method`` out (a method by hand is then an index like any
    other, and a document without a ``methods`` table is all by hand); a quote
    equal to the value it evidences (the record's ``field``, or its ``text``
    for a record-level entry) is left out, and ``null`` stands for no quote
    where there is such a value; a span as long as its quote is written as its
    start alone: ``{"span": 129, "field": "name"}`` where version 2 wrote
    ``{"source": "d", "span": [129, 141], "quote": "Greta Vallin", "field": "name", "method": 0}``.

To change the format: add one to ``FORMAT_VERSION``, register a migration from
the previous version with :func:`migration`, and add a fixture of the old
version under ``tests/serialisation/migrations/`` with the document it must become.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any, cast

from govrecords.errors import Problem, ValidationError

__all__ = ["FORMAT_VERSION", "MIGRATIONS", "OLDEST_VERSION", "Migration", "migrate", "migration"]

FORMAT_VERSION = 3
"""The format version this release writes (and the newest it reads)."""

Migration = Callable[[dict[str, Any]], dict[str, Any]]
"""A function from the parsed envelope of one version to that of the next."""

OLDEST_VERSION = 0
"""The oldest format version govrecords can still read."""

_REGISTRY: dict[int, Migration] = {}
MIGRATIONS: Mapping[int, Migration] = MappingProxyType(_REGISTRY)
"""The registered migrations, by the version they read (each writes the next)."""


def migration(from_version: int) -> Callable[[Migration], Migration]:
    """Register the decorated function as the migration from *from_version* to the next.

    Raises:
        ValueError: A migration from that version is already registered.
    """

    def register(function: Migration) -> Migration:
        if from_version in _REGISTRY:
            raise ValueError(f"a migration from format version {from_version} is already registered")
        _REGISTRY[from_version] = function
        return function

    return register


def migrate(envelope: dict[str, Any], to_version: int | None = None) -> dict[str, Any]:
    """Bring a parsed envelope of an older format version up to *to_version*.

    Args:
        envelope: The parsed JSON of one document, with its ``format_version``.
        to_version: The version wanted; the current
            :data:`~govrecords.serialisation.migrations.FORMAT_VERSION` by default.

    Returns:
        A new envelope of *to_version* (the input is not changed). An envelope
        already of that version is returned as it is.

    Raises:
        ValidationError: The version is not a whole number, is older than
            :data:`OLDEST_VERSION`, or no migration leads from it.

    >>> old = {"format_version": 0, "type": "topic", "record": {"id": "privacy", "label": "Privacy"}}
    >>> migrate(old)["format_version"]
    3
    >>> prov = {"source": "d", "span": {"start": 4, "end": 9}, "method": {"kind": "importer"}}
    >>> new = migrate({"format_version": 0, "type": "session", "record": {"provenance": [prov]}})
    >>> new["source"], new["methods"], new["record"]
    ('d', [{'kind': 'importer'}], {'provenance': [{'span': [4, 9]}]})
    """
    if to_version is None:
        to_version = FORMAT_VERSION
    version = envelope.get("format_version")
    if type(version) is not int:
        raise ValidationError([Problem("$.format_version", "required whole number is missing", version)])
    if version < OLDEST_VERSION:
        raise ValidationError([Problem("$.format_version", f"format versions start at {OLDEST_VERSION}", version)])
    while version < to_version:
        step = _REGISTRY.get(version)
        if step is None:
            raise ValidationError(
                [Problem("$.format_version", f"no migration from format version {version} is registered", version)]
            )
        envelope = step(envelope)
        version += 1
        envelope["format_version"] = version
    return envelope


@migration(0)
def _spans_as_pairs(envelope: dict[str, Any]) -> dict[str, Any]:
    """Version 0 to 1: a provenance span ``{"start": s, "end": e}`` becomes ``[s, e]``."""
    record = _copy(envelope.get("record"))
    stack: list[object] = [record]
    while stack:  # iterative: the depth was bounded by the reader, but stay safe regardless
        item = stack.pop()
        if isinstance(item, dict):
            mapping = cast("dict[str, object]", item)
            span = mapping.get("span")
            if isinstance(span, dict) and set(cast("dict[str, object]", span)) == {"start", "end"}:
                mapping["span"] = [cast("dict[str, object]", span)["start"], cast("dict[str, object]", span)["end"]]
            stack.extend(mapping.values())
        elif isinstance(item, list):
            stack.extend(cast("list[object]", item))
    return {**envelope, "record": record}


@migration(1)
def _methods_once(envelope: dict[str, Any]) -> dict[str, Any]:
    """Version 1 to 2: each provenance ``method`` object moves to the envelope's ``methods`` table.

    The entry keeps the index of its method there; equal objects share one entry,
    numbered in the order the document first gives them.
    """
    record = _copy(envelope.get("record"))
    table: list[object] = []
    index: dict[str, int] = {}
    stack: list[object] = [record]
    while stack:  # in document order: each item's children pushed last first
        item = stack.pop()
        if isinstance(item, dict):
            mapping = cast("dict[str, object]", item)
            method = mapping.get("method")
            if isinstance(method, dict) and "source" in mapping:  # a provenance entry's method
                key = json.dumps(method, sort_keys=True)
                if key not in index:
                    index[key] = len(table)
                    table.append(cast("dict[str, object]", method))
                mapping["method"] = index[key]
            stack.extend(reversed(list(mapping.values())))
        elif isinstance(item, list):
            stack.extend(reversed(cast("list[object]", item)))
    result = {key: value for key, value in envelope.items() if key != "record"}
    if table:
        result["methods"] = table
    if "record" in envelope:
        result["record"] = record
    return result


_ENTRY_KEYS = ("source", "span", "quote", "field", "method")


@migration(2)
def _entries_say_only_what_the_document_does_not(envelope: dict[str, Any]) -> dict[str, Any]:
    """Version 2 to 3: provenance entries leave out what their document says.

    The first entry's source (taking each record's fields before its own
    ``provenance``, as the writer does) becomes the envelope's ``source``, and
    entries of it leave theirs out. With a methods table, ``"method": 0`` is
    left out and an entry by hand (no ``method``) refers to a ``{}`` entry added
    to the table; a table with a reference past its end is left as it is, for the
    reader to report. A quote equal to the string value it evidences (the
    record's ``field``, else its ``text``) is left out, and no quote where there
    is such a value becomes ``null``; a span ``[s, e]`` with a quote ``e - s``
    long becomes ``s``.
    """
    record = _copy(envelope.get("record"))
    methods = envelope.get("methods")
    table = list(cast("list[object]", methods)) if isinstance(methods, list) and methods else None
    if table is not None and _dangling(record, len(table)):
        table = None  # left for the reader to report, as it stands
    by_hand: list[int] = []
    default: list[object] = []
    stack: list[tuple[object, bool]] = [(record, False)]
    while stack:  # each record after the records its fields hold, as the writer goes
        item, done = stack.pop()
        if isinstance(item, dict):
            mapping = cast("dict[str, object]", item)
            if not done:
                stack.append((mapping, True))
                stack.extend((value, False) for value in reversed(list(mapping.values())))
                continue
            entries = mapping.get("provenance")
            if isinstance(entries, list):
                mapping["provenance"] = [
                    _entry_3(cast("dict[str, object]", entry), mapping, default, table, by_hand)
                    if isinstance(entry, dict)
                    else entry
                    for entry in cast("list[object]", entries)
                ]
        elif isinstance(item, list):
            stack.extend((value, False) for value in reversed(cast("list[object]", item)))
    result = {key: value for key, value in envelope.items() if key not in ("methods", "record")}
    if default:
        result["source"] = default[0]
    if table is not None or "methods" in envelope:
        result["methods"] = table if table is not None else methods
    if "record" in envelope:
        result["record"] = record
    return result


def _dangling(record: object, size: int) -> bool:
    # Whether some provenance entry refers past the end of a methods table of *size* entries.
    stack: list[object] = [record]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            mapping = cast("dict[str, object]", item)
            method = mapping.get("method")
            if "source" in mapping and "method" in mapping and not (type(method) is int and 0 <= method < size):
                return True
            stack.extend(mapping.values())
        elif isinstance(item, list):
            stack.extend(cast("list[object]", item))
    return False


def _entry_3(
    entry: dict[str, object],
    record: dict[str, object],
    default: list[object],
    table: list[object] | None,
    by_hand: list[int],
) -> dict[str, object]:
    # One version-2 provenance entry as version 3 writes it (see the migration above).
    out = dict(entry)
    source = out.get("source")
    if not default and isinstance(source, str):
        default.append(source)
    if default and source == default[0]:
        del out["source"]
    name = out.get("field", "text")
    evidenced = record.get(name) if isinstance(name, str) else None
    if isinstance(evidenced, str):
        if out.get("quote") == evidenced:
            del out["quote"]
        elif "quote" not in out:
            out["quote"] = None
    quote = out.get("quote", evidenced)
    span = out.get("span")
    if isinstance(span, list) and isinstance(quote, str):
        pair = cast("list[object]", span)
        if len(pair) == 2 and type(pair[0]) is int and type(pair[1]) is int and pair[1] - pair[0] == len(quote):
            out["span"] = pair[0]
    if table is not None:
        if "method" not in out:
            if not by_hand:
                by_hand.append(len(table))
                table.append({})
            out["method"] = by_hand[0]
        if out["method"] == 0:
            del out["method"]
    known = {key: out[key] for key in _ENTRY_KEYS if key in out}
    return {**known, **{key: value for key, value in out.items() if key not in known}}


def _copy(value: object) -> Any:
    # A structural copy of parsed JSON without recursion, so migrations never
    # change the caller's data.
    root: dict[str, object] = {"value": None}
    stack: list[tuple[object, Any, int | str]] = [(value, root, "value")]
    while stack:
        item, parent, key = stack.pop()
        if isinstance(item, dict):
            mapping = cast("dict[str, object]", item)
            parent[key] = copy = dict.fromkeys(mapping)
            stack.extend((inner, copy, name) for name, inner in mapping.items())
        elif isinstance(item, list):
            items = cast("list[object]", item)
            parent[key] = copied = [None] * len(items)
            stack.extend((inner, copied, index) for index, inner in enumerate(items))
        else:
            parent[key] = item
    return root["value"]
