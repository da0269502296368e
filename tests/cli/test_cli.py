"""The command line: version, validate (exit codes and one problem a line), schema, demo."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import govrecords
from govrecords import Session, dumps, examples, loads
from govrecords.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    """--version prints the single-sourced version."""
    with pytest.raises(SystemExit) as caught:
        main(["--version"])
    assert caught.value.code == 0
    assert capsys.readouterr().out.strip() == f"govrecords {govrecords.__version__}"


def test_no_command_prints_help(capsys: pytest.CaptureFixture[str]) -> None:
    """Without a command the help is shown and the exit status is 2 (usage)."""
    assert main([]) == 2
    assert "COMMAND" in capsys.readouterr().out


def test_validate_valid_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate exits 0 for valid JSON and JSON Lines files."""
    good = tmp_path / "good.json"
    good.write_text(dumps(examples.load("future-of-internet")), "utf-8")
    lines = tmp_path / "good.jsonl"
    lines.write_text(dumps(Session("s", "T"), indent=None) + "\n", "utf-8")
    assert main(["validate", str(good), str(lines)]) == 0
    assert capsys.readouterr().err == "ok: 2 files, 2 records, no problems\n"


def test_validate_reports_every_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate exits 1 and prints every problem on its own line as FILE: PATH: message."""
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format_version": 3, "type": "session", "record": {"id": 1, "x": 2}}), "utf-8")
    bad_lines = tmp_path / "bad.jsonl"
    bad_lines.write_text(dumps(Session("s", "T"), indent=None) + "\n{oops\n", "utf-8")
    missing = tmp_path / "missing.json"
    assert main(["validate", str(bad), str(bad_lines), str(missing)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert f"{bad}: $.record.id: error: expected a string, got int (got 1)" in err
    assert f"{bad}: $.record.title: error: required field is missing" in err
    assert f"{bad}: $.record.x: error: unknown key (got 2)" in err
    assert any(line.startswith(f"{bad_lines}: line 2: $: error: not valid JSON") for line in err)
    # A missing file is a file problem: the file named once, no JSON path.
    assert f"{missing}: error: cannot be read: No such file or directory" in err
    assert err[-1] == "5 errors, 0 warnings in 3 files"


def test_schema_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    """schema prints the JSON Schema as JSON."""
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["$schema"].startswith("https://json-schema.org/draft/2020-12")


def test_demo_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """demo prints a report on the bundled seed records."""
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    assert "Enhanced Cooperation" in out or "enhanced-cooperation" in out


def test_python_dash_m() -> None:
    """python -m govrecords runs the same command line."""
    result = subprocess.run(
        [sys.executable, "-m", "govrecords", "--version"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"govrecords {govrecords.__version__}"


def test_import_compact_writes_the_same_document_on_one_line(tmp_path: Path) -> None:
    """import --compact writes the document on one line, the same records as the indented form, and smaller."""
    text = tmp_path / "report.txt"
    text.write_text(examples.source_text("session-report-future-of-internet"), "utf-8")
    indented, compact = tmp_path / "indented.json", tmp_path / "compact.json"
    assert main(["import", str(text), "-o", str(indented)]) == 0
    assert main(["import", str(text), "--compact", "-o", str(compact)]) == 0
    one_line = compact.read_text("utf-8")
    assert one_line.count("\n") == 1
    assert one_line.endswith("\n")
    assert loads(one_line) == loads(indented.read_text("utf-8"))
    assert len(one_line) < len(indented.read_text("utf-8")) * 0.7


def test_import_with_a_template_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """import --template takes a template's JSON file as well as a registered name, without registering it."""
    from importlib import resources

    builtin = resources.files("govrecords").joinpath("importers/templates/igf-session-report.json")
    template = json.loads(builtin.read_text("utf-8"))
    template["name"] = "my-minutes"
    template_file = tmp_path / "my-minutes.json"
    template_file.write_text(json.dumps(template), "utf-8")
    text = tmp_path / "report.txt"
    text.write_text(examples.source_text("session-report-future-of-internet"), "utf-8")
    out = tmp_path / "out.json"
    assert main(["import", str(text), "--template", str(template_file), "-o", str(out)]) == 0
    assert "template my-minutes (chosen" in capsys.readouterr().err
    assert out.exists()
    from govrecords import importers

    assert "my-minutes" not in [t.name for t in importers.templates()]
