"""The bad-input corpus: hostile and broken input gives govrecords' own error, with a path or a line.

Each case in ``tests/bad_inputs/cases.toml`` names its file(s) and the documented outcome:
an exception from :mod:`govrecords.errors` with its path, line and words, domain issues from
:func:`govrecords.check`, or a clean read. The exception's class is compared exactly, so a
``RecursionError``, ``MemoryError``, ``UnicodeDecodeError`` or a cattrs/attrs exception can
never pass for the documented one. ``govrecords validate`` is run on every case too.

The cases too large to check in are generated here: JSON nested 100 000 levels deep, a
100 MB string, and a JSON Lines file of 10 000 lines with one bad line.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

import pytest

from govrecords import Session, ValidationError, check, dumps, errors, iter_jsonl, load, loads
from govrecords.checks import Severity
from govrecords.cli import main
from govrecords.errors import FormatVersionError, LimitExceededError
from govrecords.serialisation import FORMAT_VERSION, Limits
from govrecords.taxonomy import Topic

CORPUS = Path(__file__).parent / "bad_inputs"
CASES: list[dict[str, Any]] = tomllib.loads((CORPUS / "cases.toml").read_text("utf-8"))["case"]


def _read(path: Path) -> Any:
    return list(iter_jsonl(path)) if path.suffix == ".jsonl" else load(path)


def _count(records: Any) -> int:
    return len(records) if isinstance(records, list) else 1


def test_every_corpus_file_is_a_case() -> None:
    """No file in the corpus is left without a documented outcome, and no case names a missing file."""
    named = {name for case in CASES for name in case["files"]}
    present = {path.name for path in CORPUS.iterdir() if path.name != "cases.toml"}
    assert named == present


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"] not in ("ok", "issues")], ids=lambda c: c["name"])
def test_error_case(case: dict[str, Any]) -> None:
    """Reading the file raises exactly the documented class, naming the documented path and line."""
    (name,) = case["files"]
    with pytest.raises(errors.GovRecordsError) as caught:
        _read(CORPUS / name)
    error = caught.value
    assert type(error) is getattr(errors, case["expect"])
    if isinstance(error, ValidationError):
        matching = [p for p in error.problems if p.path == case["path"] and case["message"] in p.message]
        assert matching, error
        if "line" in case:
            assert matching[0].line == case["line"]
        assert {p.path for p in error.problems} >= {case["path"], *case.get("also", [])}
    else:
        assert case["message"] in str(error)


@pytest.mark.parametrize("case", [c for c in CASES if c["expect"] in ("ok", "issues")], ids=lambda c: c["name"])
def test_domain_case(case: dict[str, Any]) -> None:
    """The files read cleanly and check() finds exactly the documented issues, in the documented file."""
    documents = [_read(CORPUS / name) for name in case["files"]]
    if case["expect"] == "ok":
        assert sum(_count(d) for d in documents) == case["records"]
    issues = check(*documents, names=case["files"])
    found = {(i.rule, i.severity.value, i.path, case["files"][i.document]) for i in issues}
    expected = {(i["rule"], i["severity"], i["path"], i.get("file", case["files"][0])) for i in case.get("issues", [])}
    assert found == expected
    for issue, documented in zip(
        sorted(issues, key=lambda i: i.path), sorted(case.get("issues", []), key=lambda i: i["path"]), strict=True
    ):
        assert documented["message"] in issue.message


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["name"])
def test_validate_command(case: dict[str, Any], capsys: pytest.CaptureFixture[str]) -> None:
    """`govrecords validate` fails on errors and error issues, passes on warnings, and names file and path."""
    paths = [str(CORPUS / name) for name in case["files"]]
    status = main(["validate", *paths])
    err = capsys.readouterr().err.splitlines()
    if case["expect"] == "ok":
        assert (status, err[:-1]) == (0, [])
        assert err[-1].startswith(f"ok: {len(paths)} file")
    elif case["expect"] == "issues":
        severities = {i["severity"] for i in case["issues"]}
        assert status == (1 if "error" in severities else 0)
        for issue in case["issues"]:
            file = str(CORPUS / issue.get("file", case["files"][0]))
            assert any(
                line.startswith(f"{file}") and f"{issue['path']}: {issue['severity']}: [{issue['rule']} " in line
                for line in err
            ), err
    else:
        assert status == 1
        assert any(line.startswith(paths[0]) and case.get("path", "$") in line for line in err), err


# ---------------------------------------------------------------------------
# Generated cases.

DEPTH = 100_000


@pytest.mark.parametrize("text", ["[" * DEPTH + "]" * DEPTH, '{"a": ' * DEPTH + "1" + "}" * DEPTH])
def test_nesting_100000_deep_is_a_limit_error(text: str) -> None:
    """100 000 levels of nesting give LimitExceededError at the line and column it crossed the limit."""
    with pytest.raises(LimitExceededError) as caught:
        loads(text)
    assert "line 1, column" in str(caught.value)
    assert "max_depth" in str(caught.value)


def test_nesting_100000_deep_past_a_raised_limit_is_still_ours() -> None:
    """Even with max_depth raised past the interpreter's stack, the error is ours, not RecursionError."""
    with pytest.raises(ValidationError) as caught:
        loads("[" * DEPTH + "]" * DEPTH, limits=Limits(max_depth=10 * DEPTH))
    assert "nested too deeply" in caught.value.problems[0].message


def test_nesting_100000_deep_in_json_lines_names_the_line(tmp_path: Path) -> None:
    """A deep line in a JSON Lines file is refused naming the file and the line."""
    path = tmp_path / "deep.jsonl"
    good = dumps(Topic("privacy", "Privacy"), indent=None)
    path.write_text(f"{good}\n{'[' * DEPTH}{']' * DEPTH}\n{good}\n", "utf-8")
    with pytest.raises(LimitExceededError) as caught:
        list(iter_jsonl(path, on_error=lambda error: None))
    assert str(caught.value).startswith(f"{path}: line 2, column 65: ")


def _write_document_with_string(path: Path, size: int) -> None:
    # Streamed to disk so the test itself never holds the string.
    chunk = "x" * 2**20
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format_version": 3, "type": "session", "record": {"id": "s", "title": "T", "summary": "')
        for _ in range(size // len(chunk)):
            out.write(chunk)
        out.write("x" * (size % len(chunk)))
        out.write('"}}\n')


def test_100_mb_string_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """A 100 MB document is refused by its size, from the file's length, naming the file and the limit."""
    path = tmp_path / "huge.json"
    _write_document_with_string(path, 100 * 10**6)
    with pytest.raises(LimitExceededError) as caught:
        load(path)
    path.unlink()  # pytest keeps temporary directories of recent runs: do not keep 100 MB
    assert str(caught.value).startswith(f"{path}: the file is ")
    assert "max_bytes" in str(caught.value)


def test_100_mb_string_in_json_lines_is_refused(tmp_path: Path) -> None:
    """In JSON Lines, the 100 MB line is refused (read only up to the limit), naming its line."""
    path = tmp_path / "huge.jsonl"
    _write_document_with_string(path, 100 * 10**6)
    with pytest.raises(LimitExceededError) as caught:
        list(iter_jsonl(path, limits=Limits(max_bytes=2**20)))
    path.unlink()
    assert "line 1: the line is" in str(caught.value)


def test_string_longer_than_max_string_names_its_path(tmp_path: Path) -> None:
    """A string over the default max_string (16 MiB) in a document under max_bytes is refused at its path."""
    path = tmp_path / "long.json"
    _write_document_with_string(path, 16 * 2**20 + 1)
    with pytest.raises(LimitExceededError) as caught:
        load(path)
    path.unlink()
    assert f"$.record.summary: a string of {16 * 2**20 + 1} characters" in str(caught.value)


LINES = 10_000
BAD_LINE = 6_789


@pytest.fixture(scope="module")
def ten_thousand_lines(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSON Lines file of 10 000 topics whose line 6 789 is bad."""
    path = tmp_path_factory.mktemp("jsonl") / "topics.jsonl"
    lines = [dumps(Topic(f"topic-{n}", f"Topic {n}"), indent=None) for n in range(1, LINES + 1)]
    lines[BAD_LINE - 1] = json.dumps({"format_version": 3, "type": "topic", "record": {"id": "x", "label": 1}})
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def test_ten_thousand_lines_one_bad_line_is_named(ten_thousand_lines: Path) -> None:
    """Without on_error, reading stops at the bad line, and the error names the file and that line."""
    with pytest.raises(ValidationError) as caught:
        list(iter_jsonl(ten_thousand_lines))
    (problem,) = caught.value.problems
    assert (problem.line, problem.path) == (BAD_LINE, "$.record.label")
    assert caught.value.source == str(ten_thousand_lines)
    assert f"line {BAD_LINE}: $.record.label" in str(caught.value)


def test_ten_thousand_lines_on_error_reads_the_rest(ten_thousand_lines: Path) -> None:
    """With on_error, the bad line is reported once and the other 9 999 records are read, in order."""
    bad: list[ValidationError] = []
    records = list(iter_jsonl(ten_thousand_lines, on_error=bad.append))
    assert len(records) == LINES - 1
    assert [p.line for error in bad for p in error.problems] == [BAD_LINE]
    assert records[BAD_LINE - 1].id == f"topic-{BAD_LINE + 1}"


def test_ten_thousand_lines_validate(ten_thousand_lines: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`govrecords validate` reports the bad line by number and exits 1."""
    assert main(["validate", str(ten_thousand_lines)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        f"{ten_thousand_lines}: line {BAD_LINE}: $.record.label: error: expected a string, got int (got 1)",
        "1 error, 0 warnings in 1 file",
    ]


def test_too_many_records_names_the_line(tmp_path: Path) -> None:
    """Going over max_records stops the read at the first record too many, naming its line."""
    path = tmp_path / "many.jsonl"
    path.write_text("".join(dumps(Topic(f"t-{n}", "T"), indent=None) + "\n" for n in range(5)), "utf-8")
    with pytest.raises(LimitExceededError) as caught:
        list(iter_jsonl(path, limits=Limits(max_records=3)))
    assert str(caught.value) == f"{path}: line 4: the input holds more than 3 records (max_records)"


def test_newer_version_in_json_lines_names_both_versions(tmp_path: Path) -> None:
    """A line of a newer format version is reported with its line and both versions."""
    path = tmp_path / "newer.jsonl"
    envelope = json.loads(dumps(Session("s", "T")))
    path.write_text(json.dumps({**envelope, "format_version": 9}) + "\n", "utf-8")
    with pytest.raises(ValidationError) as caught:
        list(iter_jsonl(path))
    (problem,) = caught.value.problems
    assert problem.line == 1
    assert "format version 9" in problem.message
    assert f"up to {FORMAT_VERSION}" in problem.message


def test_newer_version_is_format_version_error() -> None:
    """A newer document raises FormatVersionError carrying both versions."""
    envelope = json.loads(dumps(Session("s", "T")))
    with pytest.raises(FormatVersionError) as caught:
        loads(json.dumps({**envelope, "format_version": FORMAT_VERSION + 1}))
    assert (caught.value.found, caught.value.supported) == (FORMAT_VERSION + 1, FORMAT_VERSION)


def test_issue_severity_is_an_enum() -> None:
    """Issues carry a Severity, not a string, so callers compare by identity."""
    (issue,) = check(Session("s", "T", topics=("nowhere",)))
    assert issue.severity is Severity.ERROR
