"""End-to-end command-line workflows: archive, compare, timeline, schema, import, demo."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import attrs
import pytest

from govrecords import Forum, Session, dump, examples
from govrecords.archive import Archive
from govrecords.cli import main
from govrecords.comparison.timelines import timeline
from govrecords.errors import MergeConflictError, ValidationError
from govrecords.provenance import SourceDocument
from govrecords.render import to_svg

SVG = "{http://www.w3.org/2000/svg}"


def _examples(tmp_path: Path) -> list[Path]:
    paths = []
    for name in examples.names():
        path = tmp_path / f"{name}.json"
        dump(examples.load(name), path)
        paths.append(path)
    return paths


def _forum_ids() -> list[str]:
    return [examples.load(name).id for name in examples.names()]


# --- archive -------------------------------------------------------------------------------------


def test_archive_add_then_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.jsonl"
    assert main(["archive", "add", str(store), *map(str, _examples(tmp_path))]) == 0
    assert "2 forums, 0 conflicts" in capsys.readouterr().err
    assert store.exists()
    assert main(["archive", "list", str(store)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "forum\tid\tdocument\tdate\ttitle"
    ids = {line.split("\t")[1] for line in out[1:]}
    assert ids == {"future-of-internet", "enhanced-cooperation-bali-2013"}


def test_archive_list_filters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "folder"
    assert main(["archive", "add", str(store), *map(str, _examples(tmp_path))]) == 0
    capsys.readouterr()
    assert main(["archive", "list", str(store), "--forum", "igf-2013"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split("\t")[0] for row in rows] == ["igf-2013"]
    assert main(["archive", "list", str(store), "--year", "2013"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert [row.split("\t")[1] for row in rows] == ["enhanced-cooperation-bali-2013"]
    assert main(["archive", "list", str(store), "--topic", "igf-future"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    assert "future-of-internet" in [row.split("\t")[1] for row in rows]
    assert "enhanced-cooperation-bali-2013" not in [row.split("\t")[1] for row in rows]
    assert main(["archive", "list", str(store), "--kind", "communique"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("forum\t")
    assert main(["archive", "list", str(store), "--kind", "no-such-kind"]) == 2
    assert "unknown --kind" in capsys.readouterr().err
    assert main(["archive", "list", str(store), "--forum", "nowhere"]) == 1
    assert "nowhere" in capsys.readouterr().err


def test_archive_add_conflict(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    dump(Forum(id="f", name="First name"), one)
    dump(Forum(id="f", name="Second name"), two)
    store = tmp_path / "store.jsonl"
    assert main(["archive", "add", "--strict", str(store), str(one), str(two)]) == 1
    err = capsys.readouterr().err
    assert "store.jsonl" in err
    assert "name" in err
    assert not store.exists()
    assert main(["archive", "add", str(store), str(one), str(two)]) == 0
    err = capsys.readouterr().err
    assert "warning" in err
    assert "1 conflicts" in err
    assert Archive.open(store).forum("f") is not None
    assert Archive.open(store).forum("f").name == "First name"  # type: ignore[union-attr]  # the forum was just added


def test_archive_add_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["archive", "add", str(tmp_path / "a.jsonl"), str(tmp_path / "absent.json")]) == 1
    assert "absent.json" in capsys.readouterr().err


# --- Archive API ---------------------------------------------------------------------------------


def test_archive_api_round_trip(tmp_path: Path) -> None:
    archive = Archive()
    assert archive.add([examples.load(name) for name in examples.names()]) == ()
    loose = Session(id="loose", title="A session of no forum")
    archive.add([loose])
    for target in (tmp_path / "a.jsonl", tmp_path / "folder"):
        archive.save(target)
        again = Archive.open(target)
        assert sorted(again.forums) == sorted(archive.forums)  # a folder lists its forums by file name
        assert [s.id for s in again.unfiled] == ["loose"]
        assert all(again.forums[key] == value for key, value in archive.forums.items())
    assert Archive.open(tmp_path / "nothing-yet.jsonl").forums == {}


def test_archive_api_conflicts_and_select(tmp_path: Path) -> None:
    archive = Archive()
    archive.add([Forum(id="f", name="Forum", sessions=(Session(id="s", title="Old title"),))])
    conflicts = archive.add([Forum(id="f", sessions=(Session(id="s", title="New title"),))])
    assert len(conflicts) == 1
    assert "title" in conflicts[0].field
    assert conflicts[0].problem().message
    assert "New title" in str(conflicts[0])
    assert archive.forum("f").sessions[0].title == "Old title"  # type: ignore[union-attr]  # the forum was just added
    with pytest.raises(MergeConflictError):
        archive.add([Forum(id="f", name="Other")], strict=True)
    assert archive.forum("f").name == "Forum"  # type: ignore[union-attr]  # the forum was just added
    with pytest.raises(ValidationError):
        archive.select(forums=["missing"])
    assert archive.select(year=1999) == []
    assert archive.forum("nope") is None


# --- compare -------------------------------------------------------------------------------------


def test_compare_help_mentions_archive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["compare", "--help"])
    assert stop.value.code == 0
    assert "--archive" in capsys.readouterr().out


def test_compare_from_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store.jsonl"
    assert main(["archive", "add", str(store), *map(str, _examples(tmp_path))]) == 0
    capsys.readouterr()
    before, after = _forum_ids()
    assert main(["compare", "--archive", str(store), before, after, "--format", "json"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), dict)
    assert main(["compare", "--archive", str(store), f"{before},{after}", after]) == 0
    assert capsys.readouterr().out.strip()
    assert main(["compare", "--archive", str(store), "ghost", after]) == 1
    assert "ghost" in capsys.readouterr().err


@pytest.mark.parametrize("style", ["csv", "markdown", "text"])
def test_compare_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str], style: str) -> None:
    before, after = _examples(tmp_path)
    assert main(["compare", str(before), str(after), "--format", style, "--detail"]) == 0
    out = capsys.readouterr().out
    assert out.strip()
    if style == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert len(rows) > 1
        assert len({len(row) for row in rows}) == 1
    if style == "markdown":
        assert "|" in out or "#" in out


def test_compare_topics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, after = _examples(tmp_path)
    assert main(["compare", str(before), str(after), "--topic", "privacy", "--format", "json"]) == 0
    assert "privacy" in capsys.readouterr().out
    assert main(["compare", str(before), str(after), "--topic", "no-such-topic-xyz"]) == 1
    assert "no-such-topic-xyz" in capsys.readouterr().err


def test_compare_versions(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old, new = tmp_path / "old.txt", tmp_path / "new.txt"
    old.write_text(
        "Recommendations\n\n1. Member states should publish open data on broadband prices.\n"
        "2. The forum should meet twice a year.\n",
        encoding="utf-8",
    )
    new.write_text(
        "Recommendations\n\n1. Member states should publish open data on broadband prices.\n"
        "2. Regulators ought to review spectrum fees every third year.\n",
        encoding="utf-8",
    )
    assert main(["compare", "--versions", str(old), str(new)]) == 0
    assert capsys.readouterr().out.strip()
    assert main(["compare", "--versions", str(old), str(new), "--format", "json", "--detail"]) == 0
    assert isinstance(json.loads(capsys.readouterr().out), dict)
    assert main(["compare", "--versions", str(old), str(tmp_path / "absent.txt")]) == 1
    assert "absent.txt" in capsys.readouterr().err
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe\xfa not utf-8")
    assert main(["compare", "--versions", str(bad), str(new)]) == 1
    assert "not UTF-8" in capsys.readouterr().err


def test_compare_both_stdin(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "-", "-"]) == 2
    assert "only one" in capsys.readouterr().err


# --- timeline and SVG ----------------------------------------------------------------------------


def _svg_root(text: str) -> ET.Element:
    root = ET.fromstring(text)
    assert root.tag == f"{SVG}svg"
    return root


def test_timeline_svg_grid_and_topic(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = list(map(str, _examples(tmp_path)))
    grid = tmp_path / "grid.svg"
    assert main(["timeline", *files, "--svg", str(grid)]) == 0
    assert "topics" in capsys.readouterr().err
    root = _svg_root(grid.read_text(encoding="utf-8"))
    assert root.findall(f".//{SVG}text")
    one = tmp_path / "one.svg"
    assert main(["timeline", *files, "--topic", "consumer-protection", "--svg", str(one)]) == 0
    assert "consumer-protection" in capsys.readouterr().err
    assert _svg_root(one.read_text(encoding="utf-8")).findall(f".//{SVG}text")


@pytest.mark.parametrize("style", ["csv", "markdown", "json"])
def test_timeline_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str], style: str) -> None:
    files = list(map(str, _examples(tmp_path)))
    assert main(["timeline", *files, "--format", style]) == 0
    out = capsys.readouterr().out
    assert "consumer-protection" in out


def test_timeline_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline"]) == 2
    assert "--archive" in capsys.readouterr().err
    assert main(["timeline", "-", "-"]) == 2
    capsys.readouterr()
    files = list(map(str, _examples(tmp_path)))
    assert main(["timeline", *files, "--topic", "no-such-topic-xyz"]) == 1
    assert "no-such-topic-xyz" in capsys.readouterr().err


def test_timeline_from_archive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    store = tmp_path / "store"
    assert main(["archive", "add", str(store), *map(str, _examples(tmp_path))]) == 0
    capsys.readouterr()
    assert main(["timeline", "--archive", str(store), "--format", "json"]) == 0
    assert "consumer-protection" in capsys.readouterr().out
    assert main(["timeline", "--archive", str(store), "--forum", "ghost"]) == 1


def test_to_svg_api() -> None:
    records = [examples.load(name) for name in examples.names()]
    report = timeline(records)
    assert len(report.topics) > 1
    grid = _svg_root(to_svg(report))
    single = _svg_root(to_svg(report, "consumer-protection"))
    assert len(grid.findall(f".//{SVG}text")) > len(single.findall(f".//{SVG}text"))
    assert _svg_root(to_svg(timeline(records, "consumer-protection")))


# --- demo, schema, import ------------------------------------------------------------------------


@pytest.mark.parametrize("style", ["csv", "markdown"])
def test_demo_formats(capsys: pytest.CaptureFixture[str], style: str) -> None:
    assert main(["demo", "--format", style]) == 0
    out = capsys.readouterr().out
    assert out.strip()
    assert ("govrecords demo" in out) == (style == "markdown")


def test_demo_unknown_topic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo", "--topic", "no-such-topic-xyz"]) == 1
    assert "no-such-topic-xyz" in capsys.readouterr().err


def test_schema_session_to_file(tmp_path: Path) -> None:
    out = tmp_path / "session.schema.json"
    assert main(["schema", "--type", "session", "-o", str(out)]) == 0
    schema = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(schema, dict)
    assert "properties" in json.dumps(schema)


def test_schema_unknown_type(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "--type", "no-such-type"]) == 2
    assert capsys.readouterr().err


def test_import_to_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "report.txt"
    text.write_text(
        "Workshop on Rural Connectivity\n\nDate: 12 November 2014\n\nKey messages\n\n"
        "Community networks can bring access to villages that operators do not serve.\n\n"
        "Recommendations\n\n1. Governments should open unused spectrum to community networks.\n",
        encoding="utf-8",
    )
    out = tmp_path / "report.json"
    assert main(["import", str(text), "-o", str(out)]) == 0
    assert "template" in capsys.readouterr().err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    assert main(["import", str(tmp_path / "absent.txt")]) == 1
    assert "absent.txt" in capsys.readouterr().err


# --- more archive, SVG and command-line edges ----------------------------------------------------


def test_archive_api_parts_naming_a_forum(tmp_path: Path) -> None:
    from govrecords.archive import open_archive
    from govrecords.records import Workshop

    archive = Archive()
    archive.add([Session(id="s1", title="One", forum="f", topics=("privacy",))])
    archive.add([Workshop(id="w1", title="Two", forum="f")])
    conflicts = archive.add([Session(id="s1", title="One", forum="f", topics=("development",))])
    assert conflicts == ()
    forum = archive.forum("f")
    assert forum is not None
    assert [s.id for s in forum.sessions] == ["s1"]
    assert forum.sessions[0].topics == ("privacy", "development")
    assert [w.id for w in forum.workshops] == ["w1"]
    with pytest.raises(ValidationError):
        archive.add(["not a record"])
    source = SourceDocument.from_text("doc", "a short text")
    assert archive.add([source]) == ()
    assert archive.add([SourceDocument.from_text("doc", "a short text")]) == ()
    assert archive.add([attrs.evolve(source, title="Titled")]) == ()
    assert archive.sources["doc"].title == "Titled"
    folder = tmp_path / "folder"
    archive.add([Session(id="loose", title="Loose")])
    archive.save(folder)
    assert (folder / "unfiled.jsonl").exists()
    again = open_archive(folder)
    assert [s.id for s in again.unfiled] == ["loose"]
    again.unfiled = []
    again.sources = {}
    again.save(folder)
    assert not (folder / "unfiled.jsonl").exists()
    assert open_archive(folder).forum("f") == forum


def test_archive_open_folder_disagreeing_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    dump(Forum(id="f", name="One"), folder / "a.json")
    dump(Forum(id="f", name="Two"), folder / "b.json")
    with pytest.raises(MergeConflictError):
        Archive.open(folder)
    assert main(["archive", "list", str(folder)]) == 1
    assert "name" in capsys.readouterr().err


def test_to_svg_choices() -> None:
    records = [examples.load(name) for name in examples.names()]
    report = timeline(records)
    line = report.topics[0]
    assert _svg_root(to_svg(line)).findall(f".//{SVG}text")
    with pytest.raises(ValidationError):
        to_svg(report, "no-such-topic-xyz")
    undated = Session(id="u", title="Undated", topics=(line.topic,))
    grid = to_svg(timeline([*records, undated]))
    assert _svg_root(grid).findall(f".//{SVG}text")


def test_timeline_svg_to_stdout_and_unwritable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = list(map(str, _examples(tmp_path)))
    assert main(["timeline", *files, "--topic", "consumer-protection", "--svg", "-"]) == 0
    _svg_root(capsys.readouterr().out)
    assert main(["timeline", *files, "--svg", str(tmp_path / "no" / "such" / "dir" / "x.svg")]) == 1
    assert "cannot be written" in capsys.readouterr().err
    assert main(["timeline", str(tmp_path / "absent.json")]) == 1


def test_compare_sessions_with_their_topics(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before, after = tmp_path / "before.json", tmp_path / "after.json"
    dump(Session(id="a", title="A", topics=("my-own-topic",)), before)
    dump(Session(id="b", title="B", topics=("my-own-topic",)), after)
    assert main(["compare", str(before), str(after), "--topic", "my-own-topic", "--format", "json"]) == 0
    assert "my-own-topic" in capsys.readouterr().out


def test_demo_text(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["demo"]) == 0
    assert "govrecords demo" in capsys.readouterr().out


def test_schema_and_import_unwritable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "no" / "such" / "dir"
    assert main(["schema", "--type", "session", "-o", str(missing / "s.json")]) == 1
    assert "cannot be written" in capsys.readouterr().err
    text = tmp_path / "note.txt"
    text.write_text("Session on Open Standards\n\nSpeakers agreed that open formats help archives.\n", encoding="utf-8")
    assert main(["import", str(text), "-o", str(missing / "n.json")]) == 1
    assert "cannot be written" in capsys.readouterr().err


def test_import_template_choices(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Session on Open Standards\n\nSpeakers agreed that open formats help archives.\n", encoding="utf-8")
    assert main(["import", str(text), "--template", "no-such-template"]) == 2
    assert "no-such-template" in capsys.readouterr().err
    assert main(["import", str(text), "--template", str(tmp_path / "absent.json")]) == 1
    assert "absent.json" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["import", str(text), "--template", str(broken)]) == 1
    assert capsys.readouterr().err


def test_import_from_stdin(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    from govrecords.cli import _io as cli

    data = b"Session on Open Standards\n\nSpeakers agreed that open formats help archives.\n"
    monkeypatch.setattr(cli, "stdin_bytes", lambda: io.BytesIO(data))
    out = tmp_path / "from-stdin.json"
    assert main(["import", "-", "-o", str(out)]) == 0
    assert "<stdin>" in capsys.readouterr().err
    assert isinstance(json.loads(out.read_text(encoding="utf-8")), dict)


def test_archive_add_unwritable(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way", encoding="utf-8")
    (one,) = _examples(tmp_path)[:1]
    assert main(["archive", "add", str(blocker / "store.jsonl"), str(one)]) == 1
    assert "store.jsonl" in capsys.readouterr().err


def test_import_empty_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["import", str(empty)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{empty}: error: ")
    assert f"{empty}: {empty}" not in err


def test_to_svg_long_label_and_unknown_order() -> None:
    long_title = "A very long title about privacy online that goes on and on and on for quite a while"
    report = timeline(
        [Session(id="a", title=long_title, topics=("privacy",)), Session(id="b", title="B", topics=("privacy",))],
        "privacy",
    )
    root = _svg_root(to_svg(report))
    words = [element.text or "" for element in root.iter(f"{SVG}text")]
    assert "order not known" in words
    labels = [element.text or "" for element in root.iter(f"{SVG}text") if element.get("class") == "point-label"]
    assert any(label.endswith("\u2026") for label in labels)
    assert long_title not in words


# --- validate and migrate ------------------------------------------------------------------------


def test_validate_examples_and_sources(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = list(map(str, _examples(tmp_path)))
    assert main(["validate", *files, "--ignore", "GR9", "--select", "GR"]) == 0
    assert capsys.readouterr().err.strip() == "ok: 2 files, 2 records, no problems"
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "unrelated.txt").write_text("Nothing to do with any record here.\n", encoding="utf-8")
    (texts / "sub").mkdir()
    assert main(["validate", *files, "--sources", str(texts), "-q"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["validate", *files, "--sources", str(tmp_path / "no-folder")]) == 1
    assert "no-folder" in capsys.readouterr().err


def test_validate_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    lines = tmp_path / "many.jsonl"
    lines.write_text("{}\n[]\n3\n{}\n", encoding="utf-8")
    assert main(["validate", str(broken), str(lines), "--max-problems", "1"]) == 1
    err = capsys.readouterr().err
    assert "broken.json" in err
    assert "more problem" in err
    assert "error" in err.splitlines()[-1]
    assert main(["validate", str(tmp_path / "absent.json")]) == 1
    assert "cannot be read" in capsys.readouterr().err


def test_validate_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from govrecords.cli import _io as cli
    from govrecords.serialisation.documents import dumps

    records = [examples.load(name) for name in examples.names()]
    data = ("\n".join(dumps(record).replace("\n", "") for record in records) + "\n").encode("utf-8")
    monkeypatch.setattr(cli, "stdin_bytes", lambda: io.BytesIO(data))
    assert main(["validate", "-"]) == 0
    assert capsys.readouterr().err.strip() == "ok: 1 file, 2 records, no problems"


def test_migrate_json_and_jsonl(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govrecords.serialisation.documents import load
    from govrecords.serialisation.jsonl import write_jsonl

    (one, two) = _examples(tmp_path)
    out = tmp_path / "out.json"
    assert main(["migrate", str(one), "-o", str(out)]) == 0
    assert "wrote 1 record" in capsys.readouterr().err
    assert load(out) == load(one)
    many = tmp_path / "many.jsonl"
    write_jsonl([load(one), load(two)], many)
    assert main(["migrate", str(many)]) == 0
    assert "wrote 2 records" in capsys.readouterr().err
    assert main(["migrate", str(one), "-o", str(tmp_path / "no" / "dir" / "x.json")]) == 1
    assert "cannot be written" in capsys.readouterr().err
    assert main(["migrate", str(tmp_path / "absent.json")]) == 1


def test_validate_sources_by_name_and_hash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from govrecords.serialisation.documents import load

    named = SourceDocument.from_text("named", "The first source text, found by its name.\n")
    hashed = SourceDocument.from_text("hashed", "The second source text, found by its hash.\n")
    record = tmp_path / "forum.json"
    dump(Forum(id="f", name="Forum", sources=(named, hashed)), record)
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "named.txt").write_text("The first source text, found by its name.\n", encoding="utf-8")
    (texts / "renamed-copy.txt").write_text("The second source text, found by its hash.\n", encoding="utf-8")
    (texts / "other.txt").write_text("Unrelated words.\n", encoding="utf-8")
    assert main(["validate", str(record), "--sources", str(texts)]) == 0
    assert capsys.readouterr().err.strip() == "ok: 1 file, 1 record, no problems"
    from govrecords.cli.records import _source_texts  # pyright: ignore[reportPrivateUsage]  # what --sources found

    found = _source_texts(str(texts), [load(record)])
    assert sorted(found) == ["hashed", "named"]
