"""Format versions: older documents are migrated on reading, newer ones refused naming both versions.

Every registered migration has a fixture in ``tests/serialisation/migrations/``: ``N-NAME.json`` is a
document of version N, and ``N-NAME.expected.json`` is what it must become (the current
version). To add a migration, add its fixture pair here; ``test_every_migration_has_a_fixture``
fails until you do. ``N-NAME.jsonl`` files are JSON Lines fixtures that mix versions.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import Session, ValidationError, dumps, iter_jsonl, load, loads, testing
from govrecords.cli import main
from govrecords.errors import FormatVersionError
from govrecords.provenance import Method
from govrecords.serialisation import FORMAT_VERSION
from govrecords.serialisation.migrations import MIGRATIONS, OLDEST_VERSION, migrate, migration

FIXTURES = Path(__file__).parent / "migrations"
PAIRS = sorted(p for p in FIXTURES.glob("*.json") if not p.name.endswith(".expected.json"))


def _expected(path: Path) -> Path:
    return path.with_name(path.name.removesuffix(".json") + ".expected.json")


def _down_to_0(data: Any) -> Any:
    # The inverse of the 0 -> 1 migration, written independently of it: spans as objects.
    if isinstance(data, dict):
        return {k: {"start": v[0], "end": v[1]} if k == "span" else _down_to_0(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_down_to_0(item) for item in data]
    return data


def _down_to_1(envelope: dict[str, Any]) -> dict[str, Any]:
    # The inverse of the 1 -> 2 migration, written independently of it: each method inline.
    table = envelope.get("methods", [])

    def inline(data: Any) -> Any:
        if isinstance(data, dict):
            return {k: table[v] if k == "method" and type(v) is int else inline(v) for k, v in data.items()}
        if isinstance(data, list):
            return [inline(item) for item in data]
        return data

    rest = {k: v for k, v in envelope.items() if k not in ("methods", "record")}
    return {**rest, "format_version": 1, "record": inline(envelope["record"])}


def _down_to_2(envelope: dict[str, Any]) -> dict[str, Any]:
    # The inverse of the 2 -> 3 migration, written independently of it: every entry whole,
    # a method by hand left out, the others numbered in a table without it.
    table = envelope.get("methods", [])
    kept = [method for method in table if method not in ({}, {"kind": "by_hand"})]

    def entry(item: dict[str, Any], record: dict[str, Any]) -> dict[str, Any]:
        out = dict(item)
        if "source" not in out:
            out["source"] = envelope["source"]
        evidenced = record.get("text" if out.get("field") is None else out["field"])
        if "quote" not in out and isinstance(evidenced, str):
            out["quote"] = evidenced
        if out.get("quote", ...) is None:
            del out["quote"]
        if type(out.get("span")) is int:
            out["span"] = [out["span"], out["span"] + len(out["quote"])]
        method = table[out.get("method", 0)] if table else {}
        out.pop("method", None)
        if method in kept:
            out["method"] = kept.index(method)
        return {key: out[key] for key in ("source", "span", "quote", "field", "method") if key in out}

    def whole(data: Any) -> Any:
        if isinstance(data, dict):
            record = {k: whole(v) for k, v in data.items() if k != "provenance"}
            if "provenance" in data:
                record["provenance"] = [entry(item, data) for item in data["provenance"]]
            return {k: record[k] for k in data}
        if isinstance(data, list):
            return [whole(item) for item in data]
        return data

    rest = {k: v for k, v in envelope.items() if k not in ("source", "methods", "record")}
    methods = {"methods": kept} if kept else {}
    return {**rest, "format_version": 2, **methods, "record": whole(envelope["record"])}


def test_every_migration_has_a_fixture() -> None:
    """Each registered migration, and every version from the oldest to the current, has a fixture."""
    assert sorted(MIGRATIONS) == list(range(OLDEST_VERSION, FORMAT_VERSION))
    versions = {int(p.name.split("-", 1)[0]) for p in PAIRS}
    assert versions == set(MIGRATIONS)
    for path in PAIRS:
        assert _expected(path).exists(), path


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: p.name)
def test_fixture_migrates_to_its_expected_document(path: Path) -> None:
    """migrate() turns the old document into exactly the expected one, and load() reads both alike."""
    old = json.loads(path.read_text("utf-8"))
    expected = json.loads(_expected(path).read_text("utf-8"))
    assert old["format_version"] < FORMAT_VERSION == expected["format_version"]
    assert migrate(old) == expected
    assert load(path) == load(_expected(path))
    assert json.loads(dumps(load(path))) == expected


@pytest.mark.parametrize("path", PAIRS, ids=lambda p: p.name)
def test_migrate_does_not_change_its_input(path: Path) -> None:
    """The caller's parsed document is left as it was."""
    old = json.loads(path.read_text("utf-8"))
    copy = json.loads(path.read_text("utf-8"))
    migrate(old)
    assert old == copy


def test_json_lines_of_mixed_versions() -> None:
    """A JSON Lines file may mix versions; each line is migrated on its own."""
    records = list(iter_jsonl(FIXTURES / "0-mixed.jsonl"))
    assert [type(r).__name__ for r in records] == ["Session", "Workshop"]
    assert records[0].provenance[0].span is not None


@settings(max_examples=50)
@given(st.one_of(testing.sessions(), testing.workshops(), testing.forums()))
def test_any_version_0_document_reads_as_its_record(record: object) -> None:
    """Writing a record in the version-0 layout and reading it back gives the record."""
    envelope = json.loads(dumps(record))
    version_1 = _down_to_1(_down_to_2(envelope))
    old = {**version_1, "format_version": 0, "record": _down_to_0(version_1["record"])}
    assert loads(json.dumps(old)) == record


@settings(max_examples=50)
@given(st.one_of(testing.sessions(), testing.workshops(), testing.forums()))
def test_any_version_2_document_reads_as_its_record(record: object) -> None:
    """A record written in the version-2 layout reads back as the record, migrated or read after migrating."""
    old = _down_to_2(json.loads(dumps(record)))
    assert loads(json.dumps(old)) == record
    migrated = migrate(old)
    assert migrated["format_version"] == FORMAT_VERSION
    assert loads(json.dumps(migrated)) == record


def test_version_2_fixture_reads_as_written() -> None:
    """The version-2 fixture keeps every entry's meaning: other sources and methods, a case-folded quote, none."""
    forum = load(FIXTURES / "2-forum.json")
    greta = forum.sessions[0].participants[0]
    assert [(p.quote, p.field) for p in greta.provenance[2:]] == [("ms.", "honorific"), (None, "affiliation")]
    issue = forum.sessions[0].key_issues[0]
    assert (issue.provenance[2].source, issue.provenance[2].method.tool) == ("minutes", "compare")
    assert forum.provenance[0].method == Method()
    assert forum.provenance[0].quote is None
    migrated = json.loads(_expected(FIXTURES / "2-forum.json").read_text("utf-8"))
    assert migrated["methods"][-1] == {}  # by hand, now an index like any other method
    assert migrated["record"]["provenance"][0] == {"quote": None, "field": "name", "method": 2}


def test_newer_version_is_refused_naming_both() -> None:
    """A document of a newer version is refused with both versions in the message."""
    envelope = json.loads(dumps(Session("s", "T")))
    with pytest.raises(FormatVersionError, match=rf"format version {FORMAT_VERSION + 1}\b.*up to {FORMAT_VERSION}"):
        loads(json.dumps({**envelope, "format_version": FORMAT_VERSION + 1}))


@pytest.mark.parametrize("version", [-1, OLDEST_VERSION - 5])
def test_older_than_the_oldest_is_refused(version: int) -> None:
    """A version older than any govrecords wrote is a validation problem at $.format_version."""
    envelope = json.loads(dumps(Session("s", "T")))
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps({**envelope, "format_version": version}))
    assert caught.value.problems[0].path == "$.format_version"
    assert f"start at {OLDEST_VERSION}" in caught.value.problems[0].message


def test_migrate_checks_its_input() -> None:
    """migrate() on its own refuses a missing version, and a version no migration leads from."""
    with pytest.raises(ValidationError, match="required whole number"):
        migrate({"type": "session", "record": {}})
    with pytest.raises(ValidationError, match="no migration from format version"):
        migrate({"format_version": FORMAT_VERSION, "type": "session", "record": {}}, to_version=FORMAT_VERSION + 1)
    current = {"format_version": FORMAT_VERSION, "type": "session", "record": {}}
    assert migrate(current) is current


def test_a_version_has_one_migration() -> None:
    """Registering a second migration from the same version is refused."""
    with pytest.raises(ValueError, match="already registered"):
        migration(OLDEST_VERSION)(lambda envelope: envelope)
    assert sorted(MIGRATIONS) == list(range(OLDEST_VERSION, FORMAT_VERSION))


def test_migration_tolerates_broken_documents() -> None:
    """A broken old document is migrated as far as it can be, then reported by validation with paths."""
    bad = {
        "format_version": 0,
        "type": "session",
        "record": {
            "id": "s",
            "title": "T",
            "provenance": [{"source": "d", "span": {"start": "4", "end": 9}}, {"source": "d", "span": {"begin": 1}}, 7],
        },
    }
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(bad))
    assert {p.path for p in caught.value.problems} == {
        "$.record.provenance[0].span",
        "$.record.provenance[1].span",
        "$.record.provenance[2]",
    }
    assert migrate({"format_version": 0, "type": "topic", "record": "not an object"})["record"] == "not an object"


def test_cli_migrate_in_place_and_to_a_new_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`govrecords migrate FILE` rewrites FILE in the current version; `-o OUT` leaves FILE alone."""
    source = FIXTURES / "0-forum.json"
    expected = json.loads(_expected(source).read_text("utf-8"))
    copy = tmp_path / "forum.json"
    copy.write_bytes(source.read_bytes())
    out = tmp_path / "out.json"
    assert main(["migrate", str(copy), "-o", str(out)]) == 0
    assert copy.read_bytes() == source.read_bytes()
    assert json.loads(out.read_text("utf-8")) == expected
    assert main(["migrate", str(copy)]) == 0
    assert json.loads(copy.read_text("utf-8")) == expected
    assert f"wrote 1 record in format version {FORMAT_VERSION}" in capsys.readouterr().err


def test_cli_migrate_json_lines(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Migrating a JSON Lines file rewrites every line in the current version."""
    copy = tmp_path / "mixed.jsonl"
    copy.write_bytes((FIXTURES / "0-mixed.jsonl").read_bytes())
    assert main(["migrate", str(copy)]) == 0
    lines = [json.loads(line) for line in copy.read_text("utf-8").splitlines()]
    assert [line["format_version"] for line in lines] == [FORMAT_VERSION, FORMAT_VERSION]
    assert "wrote 2 records" in capsys.readouterr().err


def test_cli_migrate_failure_leaves_the_file_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A bad line stops the migration, reports it, and leaves the file exactly as it was."""
    path = tmp_path / "broken.jsonl"
    original = (FIXTURES / "0-mixed.jsonl").read_text("utf-8") + "{oops\n"
    path.write_text(original, "utf-8")
    assert main(["migrate", str(path)]) == 1
    assert path.read_text("utf-8") == original
    assert f"{path}: line 3: $: error: not valid JSON" in capsys.readouterr().err
    assert [p.name for p in tmp_path.iterdir()] == ["broken.jsonl"]
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps({**json.loads(dumps(Session("s", "T"))), "format_version": 99}), "utf-8")
    assert main(["migrate", str(newer)]) == 1
    assert "format version 99" in capsys.readouterr().err
    invalid = tmp_path / "invalid.json"
    invalid.write_text(json.dumps({"format_version": 0, "type": "session", "record": {"id": 1}}), "utf-8")
    assert main(["migrate", str(invalid)]) == 1
    assert f"{invalid}: $.record.id: error: expected a string" in capsys.readouterr().err
