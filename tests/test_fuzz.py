"""Fuzzing the loaders and importers: any input gives a result or govrecords' own error, nothing else.

Each test feeds generated input (arbitrary text and bytes, valid documents with bytes
deleted, inserted or replaced, valid documents with a value swapped for arbitrary JSON,
JSON Lines mixing good and broken lines, report-shaped text built from the seed
documents' lines) to a reader or importer, and accepts only two outcomes: a result, or
an exception derived from :class:`~govrecords.errors.GovRecordsError`. Anything else
(a ``KeyError``, ``RecursionError``, ``UnicodeDecodeError``, a cattrs exception...)
fails the test. Results are checked too: a JSON Lines read loses no line, and an
import's spans hold their quotes.

In the normal test run each test draws ``GOVRECORDS_FUZZ_EXAMPLES`` examples (default
100), which keeps the file to seconds. For a longer run, raise it::

    GOVRECORDS_FUZZ_EXAMPLES=200000 .venv/bin/pytest tests/test_fuzz.py -p no:cacheprovider

(about two hours on two cores; any failure is printed with a reproducing example).
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from govrecords import (
    GovRecordsError,
    check,
    dumps,
    examples,
    importers,
    iter_jsonl,
    loads,
    testing,
)
from govrecords.serialisation.documents import from_envelope
from govrecords.serialisation.registry import record_types

EXAMPLES = int(os.environ.get("GOVRECORDS_FUZZ_EXAMPLES", "100"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

RECORDS = st.one_of(
    testing.sessions(),
    testing.workshops(),
    testing.forums(max_size=1),
    testing.source_documents(),
    testing.topics(),
    testing.taxonomies(max_size=3),
)
DOCUMENTS = RECORDS.map(lambda record: dumps(record, indent=None))
LINES = st.one_of(testing.sessions(max_size=1), testing.topics()).map(lambda r: dumps(r, indent=None).encode())
TYPE_NAMES = st.sampled_from(sorted(record_types()))
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


def _read(data: str | bytes) -> None:
    with contextlib.suppress(GovRecordsError):
        loads(data)


@FUZZ
@given(st.text())
def test_loads_any_text(text: str) -> None:
    """Any text is a record or a GovRecordsError."""
    _read(text)


@FUZZ
@given(st.binary())
def test_loads_any_bytes(data: bytes) -> None:
    """Any bytes are a record or a GovRecordsError."""
    _read(data)


@st.composite
def _mutated(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(DOCUMENTS).encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["delete", "insert", "replace", "truncate", "repeat"]))
        if action == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        elif action == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8) | st.sampled_from([b"{", b"[", b'"', b"\\", b"\x00"]))
        elif action == "replace" and at < len(data):
            data[at] = draw(st.integers(0, 255))
        elif action == "truncate":
            del data[at:]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 16))]
    return bytes(data)


@FUZZ
@given(_mutated())
def test_loads_mutated_documents(data: bytes) -> None:
    """A valid document with bytes deleted, inserted, replaced or repeated is a record or a GovRecordsError."""
    _read(data)


def _paths(value: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    found = [path]
    if isinstance(value, dict):
        for key, inner in value.items():
            found += _paths(inner, (*path, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += _paths(inner, (*path, index))
    return found


@st.composite
def _swapped(draw: st.DrawFn) -> Any:
    document = json.loads(draw(DOCUMENTS))
    path = draw(st.sampled_from(_paths(document)))
    replacement = draw(JSON)
    if not path:
        return replacement
    parent = document
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = replacement
    return document


@FUZZ
@given(_swapped())
def test_documents_with_a_value_swapped(document: Any) -> None:
    """A valid document with any one value replaced by arbitrary JSON is a record or a GovRecordsError."""
    _read(json.dumps(document))
    with contextlib.suppress(GovRecordsError):
        from_envelope(document)


@FUZZ
@given(
    st.fixed_dictionaries(
        {"format_version": st.integers(-2, 3) | JSON, "type": TYPE_NAMES | JSON},
        optional={"record": JSON, "extra": JSON},
    )
)
def test_envelopes_of_arbitrary_json(envelope: dict[str, Any]) -> None:
    """An envelope of any version and type around arbitrary JSON is a record or a GovRecordsError."""
    _read(json.dumps(envelope))


@FUZZ
@given(st.lists(LINES | st.binary(max_size=40), max_size=6), st.sampled_from([b"\n", b"\r\n"]))
def test_json_lines_lose_no_line(lines: list[bytes], end: bytes) -> None:
    """Every non-blank line gives a record or one reported error, in order; nothing else escapes."""
    lines = [line.replace(b"\n", b" ").replace(b"\r", b" ") for line in lines]
    data = end.join(lines) + end
    errors: list[int] = []
    try:
        records = list(iter_jsonl(io.BytesIO(data), on_error=lambda e: errors.extend(p.line or 0 for p in e.problems)))
    except GovRecordsError:
        return  # a limit was crossed: the read stops, as documented
    good = [n for n, line in enumerate(lines, 1) if line.strip()]
    assert len(records) + len(set(errors)) == len(good)
    assert set(errors) <= set(good)


# ---------------------------------------------------------------------------
# Importers.

SEED_LINES = sorted(
    {
        line
        for name in examples.names()
        for source in examples.load(name).sources
        for line in examples.source_text(source.id).splitlines()
    }
)
REPORTISH = st.lists(
    st.sampled_from(SEED_LINES) | st.text(max_size=30) | st.sampled_from(["", "\t", "* ", "1) ", "a. ", "\ufeff"]),
    max_size=30,
).flatmap(lambda parts: st.sampled_from(["\n", "\r\n", "\r"]).map(lambda end: end.join(parts)))


def _import(text: str) -> None:
    try:
        result = importers.import_text(text)
    except GovRecordsError:
        return
    for provenance in result.forum.all_provenance():
        if provenance.span is not None and provenance.quote is not None:
            assert result.text[provenance.span.start : provenance.span.end] == provenance.quote
    check(result.forum, sources={result.source.id: result.text})  # the domain checks run on any import


@FUZZ
@given(st.text())
def test_import_any_text(text: str) -> None:
    """Any text imports to records whose spans hold their quotes, or gives a GovRecordsError."""
    _import(text)


@FUZZ
@given(REPORTISH)
def test_import_report_shaped_text(text: str) -> None:
    """Text built from the seed reports' lines, shuffled and mixed with noise, imports or fails cleanly."""
    _import(text)


@FUZZ
@given(st.binary(max_size=400) | REPORTISH.map(lambda text: text.encode("utf-8", "surrogatepass")))
def test_import_any_file(data: bytes) -> None:
    """Any bytes in a file import to records or give a GovRecordsError."""
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / "report.txt"
        path.write_bytes(data)
        with contextlib.suppress(GovRecordsError):
            importers.import_file(path)
