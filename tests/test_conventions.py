"""The conventions of a Python library: files or paths, records not names, the terminal's width."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

import govrecords
from govrecords import examples
from govrecords.errors import ArgumentTypeError, ValidationError
from govrecords.render import to_text


def test_load_dump_and_write_jsonl_take_open_files_and_paths(tmp_path: Path) -> None:
    forum = examples.load("future-of-internet")
    buffer = io.StringIO()
    govrecords.dump(forum, buffer)
    assert govrecords.load(io.StringIO(buffer.getvalue())) == forum
    path = tmp_path / "forum.json"
    govrecords.dump(forum, path)
    with path.open(encoding="utf-8") as handle:
        assert govrecords.load(handle) == forum
    lines = io.StringIO()
    assert govrecords.write_jsonl([forum, forum], lines) == 2
    assert list(govrecords.iter_jsonl(io.StringIO(lines.getvalue()))) == [forum, forum]


@pytest.mark.parametrize("given", ["a.json", Path("a.json"), b"a.json"])
def test_compare_wants_records_not_file_names(given: object) -> None:
    forum = examples.load("future-of-internet")
    with pytest.raises(
        ArgumentTypeError, match=r"compare\(\) wants records for its argument 'before'.*govrecords\.load"
    ):
        govrecords.compare(given, forum)  # type: ignore[arg-type]  # a wrong type on purpose
    with pytest.raises(ArgumentTypeError, match=r"'after'"):
        govrecords.compare(forum, given)  # type: ignore[arg-type]  # a wrong type on purpose


def test_timeline_wants_records_and_names_an_item_that_is_a_file_name() -> None:
    forum = examples.load("future-of-internet")
    with pytest.raises(TypeError, match=r"timeline\(\) wants records for its argument 'records'"):
        govrecords.timeline(Path("a.jsonl"))  # type: ignore[arg-type]  # a wrong type on purpose
    with pytest.raises(
        ValidationError, match=r"records\[1\]: expected .*got str \(to read a file, give govrecords.load"
    ):
        govrecords.timeline([forum, "b.json"])  # type: ignore[list-item]  # a wrong type on purpose


@pytest.mark.parametrize("width", [40, 60, 100, 160])
def test_text_output_fits_the_width_it_is_given(width: int) -> None:
    before, after = (examples.load(name) for name in examples.names())
    text = to_text(govrecords.compare(before, after), width=width)
    longest = max(len(line) for line in text.splitlines())
    assert longest <= width or any(len(word) > width - 8 for word in text.split())
    assert longest > width // 2


def test_text_width_is_checked() -> None:
    forum = examples.load("future-of-internet")
    with pytest.raises(ValueError, match="width"):
        to_text(govrecords.timeline(forum), width=5)


def test_the_command_line_follows_the_terminal_width(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from govrecords.cli import main

    widths = {}
    for columns in (60, 140):
        monkeypatch.setenv("COLUMNS", str(columns))
        assert main(["demo"]) == 0
        widths[columns] = max(len(line) for line in capsys.readouterr().out.splitlines())
    assert widths[60] <= 60 < widths[140] <= 140
