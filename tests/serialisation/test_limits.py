"""Limits: input size, nesting depth, record count and string length, each exact at its boundary.

A reader accepts input exactly at a limit and refuses it one past, with a
``LimitExceededError`` naming the limit and where it was crossed. The depth scan
(which runs before parsing and never recurses) is checked against a plain recursive
measure of depth on generated JSON, brackets inside strings included.
"""

from __future__ import annotations

import io
import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import Session, _files, dumps, iter_jsonl, load, loads
from govrecords.errors import LimitExceededError
from govrecords.serialisation import Limits
from govrecords.serialisation.limits import DEFAULT_LIMITS, check_depth
from govrecords.taxonomy import Topic

DOC = dumps(Session("s", "T"), indent=None)


def test_defaults_are_the_documented_ones() -> None:
    """The defaults are those the module documents."""
    documented = Limits(max_bytes=64 * 2**20, max_depth=64, max_records=1_000_000, max_string=16 * 2**20)
    assert documented == DEFAULT_LIMITS


@pytest.mark.parametrize("field", ["max_bytes", "max_depth", "max_records", "max_string"])
@pytest.mark.parametrize("value", [0, -1, 1.5, True])
def test_limits_must_be_whole_numbers_at_least_one(field: str, value: object) -> None:
    """A limit of zero, a negative, a fraction or a bool is refused when the Limits are made."""
    with pytest.raises(ValueError, match=field):
        Limits(**{field: value})  # type: ignore[arg-type]  # deliberately wrong


def test_max_bytes_boundary_for_text_and_bytes() -> None:
    """A document exactly max_bytes long is read; one byte (or character) less of limit is refused."""
    size = len(DOC.encode("utf-8"))
    assert loads(DOC, limits=Limits(max_bytes=size)) == Session("s", "T")
    assert loads(DOC.encode("utf-8"), limits=Limits(max_bytes=size)) == Session("s", "T")
    with pytest.raises(LimitExceededError, match=rf"input is {size} bytes, over the limit of {size - 1} \(max_bytes\)"):
        loads(DOC, limits=Limits(max_bytes=size - 1))


def test_max_bytes_for_a_file_names_the_file(tmp_path: Path) -> None:
    """load() checks the file's size before reading it, and names the file."""
    path = tmp_path / "s.json"
    path.write_text(DOC, "utf-8")
    assert load(path, limits=Limits(max_bytes=len(DOC))) == Session("s", "T")
    with pytest.raises(LimitExceededError, match=rf"^{path}: the file is {len(DOC)} bytes"):
        load(path, limits=Limits(max_bytes=len(DOC) - 1))


def test_max_bytes_per_json_lines_line(tmp_path: Path) -> None:
    """Each line (without its line end) may be max_bytes long; a longer one is refused naming the line."""
    path = tmp_path / "s.jsonl"
    path.write_text(f"{DOC}\r\n{DOC}\n{DOC} \n", "utf-8")
    assert len(list(iter_jsonl(path, limits=Limits(max_bytes=len(DOC) + 1)))) == 3
    with pytest.raises(LimitExceededError, match=rf"^{path}: line 3: the line is"):
        list(iter_jsonl(path, limits=Limits(max_bytes=len(DOC))))
    with pytest.raises(LimitExceededError, match="line 1: the line is"):
        list(iter_jsonl(io.StringIO(DOC + "\n"), limits=Limits(max_bytes=len(DOC) - 1)))


def test_max_records_boundary() -> None:
    """A stream of exactly max_records records is read; one more is refused, blank lines not counted."""
    lines = "\n\n".join(dumps(Topic(f"t{n}", "T"), indent=None) for n in range(3)) + "\n"
    assert len(list(iter_jsonl(io.StringIO(lines), limits=Limits(max_records=3)))) == 3
    with pytest.raises(LimitExceededError, match=r"line 5: the input holds more than 2 records \(max_records\)"):
        list(iter_jsonl(io.StringIO(lines), limits=Limits(max_records=2)))


def test_max_depth_boundary() -> None:
    """A document is nested 3 deep (envelope, record, provenance list...); the limit counts each level."""
    doc = dumps(Session("s", "T", topics=("privacy",)), indent=None)  # envelope > record > topics
    assert loads(doc, limits=Limits(max_depth=3)).topics == ("privacy",)
    with pytest.raises(LimitExceededError, match=r"line 1, column \d+: nesting is deeper than the limit of 2 levels"):
        loads(doc, limits=Limits(max_depth=2))


def test_max_depth_ignores_brackets_in_strings() -> None:
    """Brackets and escaped quotes inside strings do not count as nesting."""
    title = '[[[[{{{{ \\" ]]]] \\\\'
    doc = '{"format_version": 2, "type": "session", "record": {"id": "s", "title": "' + title + '"}}'
    assert loads(doc, limits=Limits(max_depth=2)).title == '[[[[{{{{ " ]]]] \\'


def test_max_depth_column_and_line_on_later_lines() -> None:
    """The depth error names the line and column of the bracket that crossed the limit."""
    with pytest.raises(LimitExceededError, match=r"^line 3, column 3: "):
        check_depth('{"a":\n [\n  [1]]}', Limits(max_depth=2))


def test_max_string_boundary() -> None:
    """A string exactly max_string long is read; a longer one is refused at its path."""
    limits = Limits(max_string=40)
    assert loads(dumps(Session("s", "x" * 40)), limits=limits).title == "x" * 40
    with pytest.raises(LimitExceededError, match=r"^\$\.record\.title: a string of 41 characters"):
        loads(dumps(Session("s", "x" * 41)), limits=limits)
    with pytest.raises(LimitExceededError, match=r"^line 1: \$\.record\.title: a string of 41"):
        list(iter_jsonl(io.StringIO(dumps(Session("s", "x" * 41), indent=None)), limits=limits))


def test_max_string_counts_decoded_characters() -> None:
    """Escapes count as the one character they stand for."""
    doc = '{"format_version": 2, "type": "session", "record": {"id": "s", "title": "' + "\\u00e9" * 30 + '"}}'
    assert loads(doc, limits=Limits(max_string=30)).title == "é" * 30


def _depth(value: Any) -> int:
    if isinstance(value, dict):
        return 1 + max((_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_depth(v) for v in value), default=0)
    return 0


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(alphabet='[]{}"\\ab,:'),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(alphabet='[]{}"\\x'), inner, max_size=3),
    max_leaves=20,
)


@settings(max_examples=300)
@given(JSON, st.integers(min_value=1, max_value=8), st.booleans())
def test_depth_scan_agrees_with_recursive_depth(value: Any, limit: int, indent: bool) -> None:
    """The linear scan refuses exactly the JSON whose recursive depth is over the limit."""
    text = json.dumps(value, indent=1 if indent else None)
    if _depth(value) > limit:
        with pytest.raises(LimitExceededError):
            check_depth(text, Limits(max_depth=limit))
    else:
        check_depth(text, Limits(max_depth=limit))


@pytest.mark.parametrize(("grown_by", "refused"), [(0, False), (5, False), (50, True)])
def test_a_file_that_grows_after_its_size_is_taken_is_read_whole_but_never_past_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, grown_by: int, refused: bool
) -> None:
    """read_bytes asks for the size the file had; a file that has grown since is read on, up to max_bytes."""
    path = tmp_path / "growing.txt"
    data = b"x" * (20 + grown_by)
    path.write_bytes(data)
    real_fstat = os.fstat

    class Shrunk:  # the size it had when it was looked at, before it grew
        def __init__(self, result: os.stat_result) -> None:
            self.st_size = result.st_size - grown_by
            self.st_mode = result.st_mode

    monkeypatch.setattr(_files.os, "fstat", lambda fd: Shrunk(real_fstat(fd)))
    limits = Limits(max_bytes=40)
    if refused:
        with pytest.raises(LimitExceededError, match=r"growing.txt: the file is over the limit of 40 bytes"):
            _files.read_bytes(path, limits)
    else:
        assert _files.read_bytes(path, limits) == data
