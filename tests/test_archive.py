"""Tests for govrecords.archive: many imports gathered and merged by forum.

Two imports that name one forum write two forum records; validated side by side
they clash (GR102). Merged in an archive they are one forum that validates clean,
whichever order they are added in; a value they give differently is reported and
the archive's value kept.
"""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import Forum, Session, Workshop
from govrecords.archive import Archive, MergeConflict
from govrecords.checks import check
from govrecords.cli import main
from govrecords.documents import DocumentKind
from govrecords.errors import MergeConflictError, ValidationError
from govrecords.importers import import_text
from govrecords.serialisation.jsonl import iter_jsonl

SERIES = Path(__file__).parent / "fixtures" / "compare" / "real_series"


def _two_imports_of_one_forum() -> tuple[Forum, Forum]:
    """The 2019 messages and a workshop announcement of the same year, both imported as forum igf-2019."""
    messages = (SERIES / "messages" / "igf-2019-messages.txt").read_text("utf-8")
    announcement = (
        "IGF 2019 Workshop #77: Open data for small cities\n\n"
        "Date: 26 November 2019\n\n"
        "Description:\n\nCity officials and civic groups discuss how small cities can publish open data.\n\n"
        "Policy Questions:\n\n1. How can small cities publish data without exposing personal information?\n"
    )
    first = import_text(messages, source_id="igf-2019-messages", forum_id="igf-2019").forum
    second = import_text(announcement, source_id="ws77-page", forum_id="igf-2019").forum
    return first, second


def _errors(*documents: object) -> list[str]:
    return [issue.rule for issue in check(*documents) if issue.severity.value == "error"]


def test_two_imports_of_one_forum_merge_and_validate_clean() -> None:
    """Side by side the two imports clash; merged they are one forum with both imports' records, and clean."""
    first, second = _two_imports_of_one_forum()
    assert first.id == second.id == "igf-2019"
    assert "GR102" in _errors(first, second)
    archive = Archive()
    archive.add([first])
    conflicts = archive.add([second])
    merged = archive.forum("igf-2019")
    assert merged is not None
    assert {s.id for s in merged.sessions} == {s.id for s in first.sessions} | {s.id for s in second.sessions}
    assert {w.id for w in merged.workshops} == {w.id for w in first.workshops} | {w.id for w in second.workshops}
    assert {s.id for s in merged.sources} == {"igf-2019-messages", "ws77-page"}
    assert _errors(*archive.records()) == []
    for conflict in conflicts:  # whatever the two disagree on is reported, and the first import's value kept
        assert repr(getattr(first, conflict.field)) == conflict.kept


def test_archive_round_trips_through_a_file_and_a_folder(tmp_path: Path) -> None:
    """Saved to a JSON Lines file or to a folder and opened again, the archive holds the same records."""
    first, second = _two_imports_of_one_forum()
    archive = Archive()
    archive.add([first, second])
    for target in (tmp_path / "archive.jsonl", tmp_path / "folder"):
        archive.save(target)
        again = Archive.open(target)
        assert again.forums == archive.forums
    assert next(iter(iter_jsonl(tmp_path / "archive.jsonl"))) == archive.forum("igf-2019")


def test_conflicts_are_reported_never_overwritten() -> None:
    """A value two imports give differently is kept as the archive had it, and named; strict refuses it."""
    archive = Archive()
    archive.add([Forum(id="f", name="First name", sessions=(Session(id="s", title="Title one"),))])
    offered = Forum(id="f", name="Second name", sessions=(Session(id="s", title="Title two", summary="More."),))
    conflicts = archive.add([offered])
    assert {(c.field, c.kept, c.offered) for c in conflicts} == {
        ("name", "'First name'", "'Second name'"),
        ("sessions[s].title", "'Title one'", "'Title two'"),
    }
    forum = archive.forum("f")
    assert forum is not None
    assert forum.name == "First name"
    assert forum.sessions[0].title == "Title one"
    assert forum.sessions[0].summary == "More."  # what the first lacked is filled
    before = dict(archive.forums)
    with pytest.raises(MergeConflictError) as raised:
        archive.add([attrs.evolve(offered, name="Third name")], strict=True)
    assert any("name" in problem.path for problem in raised.value.problems)
    assert archive.forums == before


def test_queries_by_forum_year_topic_and_kind() -> None:
    """select() keeps what matches every condition, and names an unknown forum."""
    archive = Archive()
    archive.add(
        [
            Forum(
                id="a",
                sessions=(Session(id="s", title="Report", topics=("privacy",)),),
                workshops=(Workshop(id="w", title="Announced", topics=("spam",)),),
            ),
            Session(id="loose", title="Messages of 2013", forum=None),
        ]
    )
    assert [type(r).__name__ for r in archive.select()] == ["Forum", "Session"]
    only_privacy = archive.select(topic="privacy")
    assert len(only_privacy) == 1
    assert isinstance(only_privacy[0], Forum)
    assert [s.id for s in only_privacy[0].sessions] == ["s"]
    assert only_privacy[0].workshops == ()
    announced = archive.select(kind=DocumentKind.ANNOUNCEMENT)
    assert [w.id for f in announced if isinstance(f, Forum) for w in f.workshops] == ["w"]
    assert [getattr(r, "id", None) for r in archive.select(year=2013)] == ["loose"]
    with pytest.raises(ValidationError):
        archive.select(forums=["nowhere"])


_sessions = st.lists(
    st.builds(Session, id=st.sampled_from(["a", "b", "c"]), title=st.sampled_from(["T", "U"])), max_size=4
)


@given(st.lists(_sessions, min_size=1, max_size=4))
@settings(max_examples=60, deadline=None)
def test_merging_keeps_every_session_once(imports: list[list[Session]]) -> None:
    """However many imports, each session id is held once, and every conflict names a real difference."""
    archive = Archive()
    conflicts: list[MergeConflict] = []
    for sessions in imports:
        conflicts += archive.add([Forum(id="f", sessions=tuple(sessions))])
    forum = archive.forum("f")
    assert forum is not None
    ids = [s.id for s in forum.sessions]
    assert sorted(ids) == sorted({s.id for sessions in imports for s in sessions})
    assert all(c.kept != c.offered for c in conflicts)


def test_archive_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """archive add merges files and reports conflicts; archive list shows one line per record."""
    from govrecords import dump

    first, second = _two_imports_of_one_forum()
    dump(first, tmp_path / "one.json")
    dump(second, tmp_path / "two.json")
    archive = tmp_path / "archive.jsonl"
    assert main(["archive", "add", str(archive), str(tmp_path / "one.json")]) == 0
    assert main(["archive", "add", str(archive), str(tmp_path / "two.json")]) == 0
    assert "1 forums" in capsys.readouterr().err
    assert main(["validate", str(archive)]) == 0
    capsys.readouterr()
    assert main(["archive", "list", str(archive), "--kind", "announcement"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("forum\t")
    assert all("\tannouncement\t" in line for line in lines[1:])
    assert len(lines) == 1 + len(second.workshops)
    assert main(["archive", "list", str(archive), "--kind", "nonsense"]) == 2
    assert "unknown --kind" in capsys.readouterr().err
