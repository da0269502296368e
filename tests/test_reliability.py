"""Reliability: one regression test for each way the library was broken from outside.

Each ``test_caseNN_...`` is the case of the same number in the reliability issue (the
attack on the library with crafted inputs and injected faults), and fails on the code
before its fix. Case 7 (the JSON Schema agrees with the library) is in
``serialisation/test_schema_agreement.py``; case 8 (taxonomy cycles) in ``taxonomy/test_taxonomy.py``.

Most tests call :func:`govrecords.cli.main` in this process: an exception escaping it
is the traceback a user would see. A few need a process of their own: a locale, a
closed pipe, a signal, or an input that would hang this process if the fix were gone
(those run under a timeout).
"""

from __future__ import annotations

import errno
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govrecords import ValidationError, _files, dumps, examples, importers, iter_jsonl, loads
from govrecords.cli import main
from govrecords.dates import when_from_iso
from govrecords.errors import KEPT_PROBLEMS, DateParseError, LimitExceededError
from govrecords.importers._decode import decode
from govrecords.importers._state import FOLD_AFTER
from govrecords.serialisation.limits import Limits

SEED = "future-of-internet"
SOURCE = "session-report-future-of-internet"
ENV = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src")}


def _seed(folder: Path, name: str = "in.json") -> Path:
    path = folder / name
    path.write_text(dumps(examples.load(SEED)), encoding="utf-8")
    return path


def _seed_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(dumps(examples.load(SEED)))
    return data


def _run(code: str, *args: str, timeout: float = 60, **kwargs: Any) -> subprocess.CompletedProcess[bytes]:
    """Run Python *code* in a process of its own, with this checkout's govrecords."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        capture_output=True,
        timeout=timeout,
        env=kwargs.pop("env", ENV),
        check=False,
        **kwargs,
    )


def _no_traceback(text: str | bytes) -> None:
    assert "Traceback" not in (text.decode("utf-8", "replace") if isinstance(text, bytes) else text)


# ---------------------------------------------------------------------------
# Data loss, and bad data accepted.


def test_case01_timeline_svg_is_written_atomically(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A write that fails (a full disk, at the sync) leaves the old SVG whole and names the SVG."""
    for name in examples.names():
        _seed(tmp_path, f"{name}.json").write_text(dumps(examples.load(name)), encoding="utf-8")
    inputs = [str(tmp_path / f"{name}.json") for name in examples.names()]
    svg = tmp_path / "out.svg"
    svg.write_text("<svg>the old picture</svg>", encoding="utf-8")

    def full_disk(handle: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(_files.os, "fsync", full_disk)
    status = main(["timeline", *inputs, "--topic", "development", "--svg", str(svg)])
    assert status == 1
    assert svg.read_text(encoding="utf-8") == "<svg>the old picture</svg>"
    assert capsys.readouterr().err == f"{svg}: error: cannot be written: No space left on device\n"
    assert [path.name for path in tmp_path.iterdir() if path.name.endswith(".tmp")] == []


def test_case02_writes_go_through_symbolic_links(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """migrate through a link updates its target; a link to a device stays a link."""
    real = tmp_path / "real.json"
    real.write_text(json.dumps(_seed_data()), encoding="utf-8")  # one line: migrate rewrites it indented
    link = tmp_path / "link.json"
    link.symlink_to(real.name)
    assert main(["migrate", str(link)]) == 0
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") == dumps(examples.load(SEED)) + "\n"
    to_device = tmp_path / "null.json"
    to_device.symlink_to(os.devnull)
    assert main(["migrate", str(real), "-o", str(to_device)]) == 0
    assert to_device.is_symlink()
    assert Path(os.devnull).is_char_device()
    capsys.readouterr()


def test_case03_validate_checks_provenance(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A replaced quote fails with --sources; a span past the declared length fails without."""
    data = _seed_data()
    provenance = data["record"]["sessions"][0]["participants"][0]["provenance"][0]
    provenance["quote"] = "x" * len(provenance["quote"])
    quoted = tmp_path / "quote.json"
    quoted.write_text(json.dumps(data), encoding="utf-8")
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / f"{SOURCE}.txt").write_bytes(examples.source_text(SOURCE).encode("utf-8"))
    assert main(["validate", str(quoted), "--sources", str(sources)]) == 1
    assert "[GR302 quote-mismatch]" in capsys.readouterr().err

    data = _seed_data()
    length = data["record"]["sources"][0]["length"]
    data["record"]["sessions"][0]["participants"][0]["provenance"][0].update(span=[length + 5, length + 9], quote=None)
    past = tmp_path / "past.json"
    past.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(past)]) == 1
    assert "[GR301 span-outside-source]" in capsys.readouterr().err


def test_case04_offset_minutes_over_59_are_refused() -> None:
    """+05:75 is refused, not read as +06:15."""
    with pytest.raises(DateParseError, match="75 minutes"):
        when_from_iso("2012-11-09T10:00+05:75")
    with pytest.raises(ValidationError):
        loads(
            json.dumps(
                {
                    "format_version": 3,
                    "type": "session",
                    "record": {"id": "s", "title": "T", "date": "2012-11-09T10:00+05:75"},
                }
            )
        )


def test_case05_utf32_text_is_read_as_utf32() -> None:
    """A UTF-32 byte order mark (either order) gives the text, not UTF-16 with NULs."""
    for encoding in ("utf-32", "utf-32-be"):
        data = "Session Report\nChair: Ana Ruiz\n".encode(encoding)
        if encoding.endswith("be"):
            data = b"\x00\x00\xfe\xff" + data
        assert decode(data) == ("Session Report\nChair: Ana Ruiz\n", ())


def test_case06_ranges_at_the_calendars_edge_keep_their_order() -> None:
    """A range ending before it starts is refused even where bounds() must clip to datetime.max."""
    with pytest.raises(DateParseError, match="before start"):
        when_from_iso("9999-12-31T10:00-18:00/9999-12-31T09:00-18:00")
    assert str(when_from_iso("9999-12-31T09:00-18:00/9999-12-31T10:00-18:00")).endswith("10:00-18:00")


# ---------------------------------------------------------------------------
# Tracebacks.


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"\xff\xfe{", "not valid UTF-8"),
        (b"[" * 200_000 + b"]" * 200_000, "max_depth"),
        (b'{"name": ' + b"9" * 5000 + b"}", "5000 digits"),
        (b"NaN", "not a JSON value"),
    ],
    ids=["not-utf8", "deep", "long-number", "nan"],
)
def test_case09_template_files_go_through_the_strict_parser(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, expected: str
) -> None:
    """A broken template file is an error that names it, never a traceback."""
    report = tmp_path / "report.txt"
    report.write_text(examples.source_text(SOURCE), encoding="utf-8")
    template = tmp_path / "template.json"
    template.write_bytes(content)
    assert main(["import", str(report), "--template", str(template)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{template}: ")
    assert expected in err
    assert err.count(str(template)) == err.count("\n")  # the name once a line


def test_case09_unreadable_template_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A template 'file' that is a folder is refused by name."""
    report = tmp_path / "report.txt"
    report.write_text(examples.source_text(SOURCE), encoding="utf-8")
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert main(["import", str(report), "--template", str(folder)]) == 1
    refused = f"{folder}: error: cannot be read: not a regular file (a directory); give '-' to read standard input"
    assert capsys.readouterr().err == refused + "\n"


@pytest.mark.parametrize("env", [{"LC_ALL": "C", "LANG": "C"}, {"PYTHONIOENCODING": "ascii"}], ids=["C", "ascii"])
def test_case10_import_under_an_ascii_locale(env: dict[str, str]) -> None:
    """The seed imports under LC_ALL=C or an ASCII console: UTF-8 JSON out, escaped messages."""
    text = examples.source_text(SOURCE)
    done = _run(
        "import sys; from govrecords.cli import main; sys.exit(main(['import', '-']))",
        input=text.encode("utf-8"),
        env={**ENV, **env},
    )
    _no_traceback(done.stderr)
    assert done.returncode == 0, done.stderr
    assert loads(done.stdout).sessions[0].title  # type: ignore[attr-defined]  # a forum


def test_case11_closed_pipe_exits_quietly() -> None:
    """Standard output closed before anything is written: exit 141, no traceback."""
    process = subprocess.Popen(
        [sys.executable, "-m", "govrecords", "demo"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away, as `| head -0` would
    _, err = process.communicate(timeout=60)
    _no_traceback(err)
    assert process.returncode == 141
    assert err == b""


def test_case12_ctrl_c_exits_130_quietly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """KeyboardInterrupt during validate: exit 130, no traceback."""
    import govrecords.checks

    def interrupted(*args: object, **kwargs: object) -> object:
        raise KeyboardInterrupt

    monkeypatch.setattr(govrecords.checks, "check", interrupted)
    assert main(["validate", str(_seed(tmp_path))]) == 130
    assert capsys.readouterr().err == "\n"


def test_case12_sigint_in_a_real_process(tmp_path: Path) -> None:
    """A real SIGINT during a long read of standard input: 130, no traceback."""
    # The child says "ready" from inside the read of standard input, so the signal always
    # lands while main() waits for the rest of the document, however loaded the machine.
    code = textwrap.dedent(
        """
        import sys
        from govrecords.cli import _io, main

        class Told:
            def __init__(self, raw):
                self.raw = raw

            def read(self, *args):
                print("ready", file=sys.stderr, flush=True)
                return self.raw.read(*args)

            def __getattr__(self, name):
                return getattr(self.raw, name)

        _io.stdin_bytes = lambda: Told(sys.stdin.buffer)
        sys.exit(main(["validate", "-"]))
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ENV
    )
    assert process.stdin is not None
    assert process.stderr is not None
    process.stdin.write(b"{")
    process.stdin.flush()
    assert process.stderr.readline() == b"ready\n"
    time.sleep(0.2)  # the read has begun: it waits for the rest of the document
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    _no_traceback(err)
    assert process.returncode == 130


def test_case13_loads_of_a_bytearray() -> None:
    """Invalid content in a bytearray is a ValidationError, like bytes."""
    with pytest.raises(ValidationError, match="not valid JSON"):
        loads(bytearray(b"{not json"))
    assert loads(bytearray(dumps(examples.load(SEED)).encode("utf-8"))) == examples.load(SEED)


# ---------------------------------------------------------------------------
# Hangs and exhaustion.


def test_case14_every_reader_is_capped(tmp_path: Path) -> None:
    """/dev/zero is refused at once by import_file and by the CLI; a stream is read only to the cap."""
    done = _run(
        """
        import sys
        from govrecords import importers
        from govrecords.errors import ImportFailedError
        from govrecords.cli import main
        from govrecords.serialisation.limits import Limits
        try:
            importers.import_file("/dev/zero", limits=Limits(max_bytes=1000))
        except ImportFailedError as error:
            print(error)
        sys.exit(main(["import", "/dev/zero"]))
        """,
        timeout=60,
    )
    assert done.returncode == 1
    refused = b"/dev/zero: cannot be read: not a regular file (a character device); give '-' to read standard input"
    assert done.stdout == refused + b"\n"
    assert done.stderr.startswith(b"/dev/zero: error: cannot be read: not a regular file")
    endless = io.BytesIO(b"x" * 5000)
    with pytest.raises(LimitExceededError, match="max_bytes"):
        _files.read_capped(endless, Limits(max_bytes=100), name="stream")
    assert endless.tell() == 101  # it stopped one past the limit


def test_case15_fifos_are_refused_at_once(tmp_path: Path) -> None:
    """validate, import and migrate refuse a FIFO without waiting for a writer."""
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    done = _run(
        """
        import sys
        from govrecords.cli import main
        print([main([command, sys.argv[1]]) for command in ("validate", "import", "migrate")])
        """,
        str(fifo),
        timeout=60,
    )
    assert done.stdout == b"[1, 1, 1]\n"
    lines = done.stderr.decode("utf-8").splitlines()
    refused = (
        f"{fifo}: error: cannot be read: not a regular file (a FIFO (named pipe)); give '-' to read standard input"
    )
    assert lines == [refused, "1 error, 0 warnings in 1 file", refused, refused]


def test_case16_invalid_values_are_counted_past_a_cap() -> None:
    """Many invalid participants: at most KEPT_PROBLEMS kept, the rest counted, a short message."""
    data = _seed_data()
    data["record"]["sessions"][0]["participants"] = [{"nickname": 1}] * (KEPT_PROBLEMS * 2)
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(data))
    error = caught.value
    assert len(error.problems) == KEPT_PROBLEMS
    assert len(error.problems) + error.omitted == KEPT_PROBLEMS * 4  # two problems each
    assert str(error).startswith(f"{KEPT_PROBLEMS * 4} problems:")
    assert str(error).endswith(f"and {KEPT_PROBLEMS * 4 - 20} more")


def test_case16_repeated_empty_labels_fold_their_warnings() -> None:
    """'Moderator:' a thousand times: a hundred warnings and one that counts the rest, covering them."""
    lines = 1000
    result = importers.import_text("Moderator:\n" * lines)
    empty = [issue for issue in result.warnings if issue.code == "empty-field"]
    assert len(empty) == FOLD_AFTER + 1
    assert empty[-1].message.startswith(f"and {lines - FOLD_AFTER} more empty-field warnings")
    assert f"up to line {lines}" in empty[-1].message
    assert result.uncovered() == []


@given(
    moderators=st.integers(min_value=0, max_value=3 * FOLD_AFTER),
    speakers=st.integers(min_value=0, max_value=3 * FOLD_AFTER),
)
@settings(max_examples=15, deadline=None)
def test_folded_warnings_count_every_one(moderators: int, speakers: int) -> None:
    """However many empty labels of however many kinds, no more than a hundred and one of a code are listed,
    each fold counts the rest exactly (``folded`` and its message agree), and nothing is uncovered."""
    text = "Session Name:\nOpen data\n\n" + "Moderator:\n" * moderators + "Speakers:\n" * speakers
    result = importers.import_text(text, template="igf-session-report")
    empty = [issue for issue in result.warnings if issue.code == "empty-field"]
    assert sum(issue.folded or 1 for issue in empty) == moderators + speakers
    assert len(empty) == min(moderators + speakers, FOLD_AFTER + 1)
    folds = [issue for issue in empty if issue.folded]
    assert len(folds) == (moderators + speakers > FOLD_AFTER)
    for issue in folds:
        assert issue.message.startswith(f"and {issue.folded} more empty-field warning")
    assert result.uncovered() == []


def test_case16_max_string_applies_to_keys() -> None:
    """A key longer than max_string is refused; a long unknown key is shown shortened."""
    data = _seed_data()
    data["record"]["k" * 5000] = 1
    with pytest.raises(LimitExceededError, match="a key of 5000 characters"):
        loads(json.dumps(data), limits=Limits(max_string=1000))
    with pytest.raises(ValidationError) as caught:
        loads(json.dumps(data))
    assert len(str(caught.value)) < 300
    assert "<a key of 5000 characters>" in str(caught.value)


# ---------------------------------------------------------------------------
# Messages.


def test_case17_output_errors_name_the_output(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """migrate to a folder that does not exist names the output file, with no JSON path."""
    source = _seed(tmp_path)
    out = tmp_path / "missing" / "out.json"
    assert main(["migrate", str(source), "-o", str(out)]) == 1
    assert capsys.readouterr().err == f"{out}: error: cannot be written: No such file or directory\n"


def test_case18_file_names_are_not_doubled(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing file, or a folder, is named once on its line."""
    missing = tmp_path / "missing.txt"
    assert main(["import", str(missing)]) == 1
    assert capsys.readouterr().err == f"{missing}: error: cannot be read: No such file or directory\n"
    folder = tmp_path / "folder.json"
    folder.mkdir()
    assert main(["validate", str(folder)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first.count(str(folder)) == 1
    assert ": $:" not in first


def test_case19_json_lines_by_any_usual_name(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """.JSONL and .ndjson are JSON Lines; a .json holding two lines is hinted to be JSON Lines."""
    line = dumps(examples.load(SEED), indent=None) + "\n"
    for name in ("a.JSONL", "b.ndjson"):
        (tmp_path / name).write_text(line, encoding="utf-8")
        assert main(["validate", str(tmp_path / name)]) == 0
    wrong = tmp_path / "two.json"
    wrong.write_text(line * 2, encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(wrong)]) == 1
    assert "this looks like JSON Lines" in capsys.readouterr().err


def test_case20_long_offending_values_are_shortened() -> None:
    """A 4 300-digit format_version is shown by its size."""
    with pytest.raises(Exception) as caught:
        loads('{"format_version": ' + "9" * 4300 + ', "type": "forum", "record": {}}')
    assert len(str(caught.value)) < 200
    assert "<a whole number of " in str(caught.value)


def test_case21_missing_template_fields_are_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A template missing fields names them as template keys, from the API and the CLI."""
    with pytest.raises(ValidationError) as caught:
        importers.Template.from_dict({"name": "mine"})
    assert [problem.path for problem in caught.value.problems] == ["$.description", "$.produces"]
    assert "__init__" not in str(caught.value)
    template = tmp_path / "mine.json"
    template.write_text('{"name": "mine"}', encoding="utf-8")
    report = tmp_path / "report.txt"
    report.write_text(examples.source_text(SOURCE), encoding="utf-8")
    assert main(["import", str(report), "--template", str(template)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{template}: $.description: error: a template needs this field; it is missing",
        f"{template}: $.produces: error: a template needs this field; it is missing",
    ]


def test_case22_carriage_return_inside_a_line_is_whitespace(tmp_path: Path) -> None:
    """A bare CR between tokens is JSON whitespace: one line is one record, even in text mode."""
    record = json.loads(dumps(examples.load(SEED)))
    line = json.dumps(record, separators=(",\r", ":"))
    path = tmp_path / "cr.jsonl"
    path.write_bytes((line + "\n" + line + "\n").encode("utf-8"))
    with path.open(encoding="utf-8", newline="") as text:
        assert len(list(iter_jsonl(text))) == 2
    with path.open(encoding="utf-8") as text:  # universal newlines: the CR becomes a line end when read
        assert len(list(iter_jsonl(text))) == 2
    assert len(list(iter_jsonl(path))) == 2


def test_case23_stale_temporary_files_are_cleaned(tmp_path: Path) -> None:
    """A writer killed mid-write leaves its temporary file; the next write to that target removes it."""
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    process = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                """
            import sys, time
            from govrecords._files import atomic_write
            def slow(out):
                out.write("partial")
                out.flush()
                print("writing", flush=True)
                time.sleep(60)
            atomic_write(sys.argv[1], slow)
            """
            ),
            str(target),
        ],
        stdout=subprocess.PIPE,
        env=ENV,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == b"writing\n"
    live = _files.stale_temporaries(target)
    assert live == []  # its writer holds the lock: not stale
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=60)
    process.stdout.close()
    left = [path for path in tmp_path.iterdir() if path.name.endswith(".tmp")]
    assert len(left) == 1
    assert left[0].name.startswith(".out.json.")
    assert _files.stale_temporaries(target) == left
    _files.atomic_write(target, lambda out: out.write("new"))
    assert sorted(path.name for path in tmp_path.iterdir()) == ["out.json"]
    assert target.read_text(encoding="utf-8") == "new"


def test_case23_other_files_are_never_removed(tmp_path: Path) -> None:
    """Only the writer's own pattern (.NAME.XXXXXXXX.tmp) beside the same target is cleaned."""
    target = tmp_path / "out.json"
    keep = [".out.json.tmp", ".other.json.abcdefgh.tmp", "out.json.abcdefgh.tmp", ".out.json.abc.tmp"]
    for name in keep:
        (tmp_path / name).write_text("x", encoding="utf-8")
    _files.atomic_write(target, lambda out: out.write("new"))
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted([*keep, "out.json"])


def test_problem_counts_reach_the_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """validate counts the problems found but not kept (case 16) in its summary."""
    data = _seed_data()
    data["record"]["sessions"][0]["participants"] = [{"nickname": 1}] * KEPT_PROBLEMS
    path = tmp_path / "many.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["validate", str(path), "--max-problems", "3"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert lines[3:] == [
        f"{path}: and {KEPT_PROBLEMS * 2 - 3} more problems (see --max-problems)",
        f"{KEPT_PROBLEMS * 2} errors, 0 warnings in 1 file",
    ]
