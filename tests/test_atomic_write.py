"""Writers are atomic: a crash mid-write leaves the old file whole.

``dump`` and ``write_jsonl`` write to a temporary file beside the target
(``.NAME.XXXXXXXX.tmp``) and rename it over the target only once everything is written
and synced. The main test kills a process with SIGKILL while it streams a large JSON
Lines file through ``write_jsonl`` and checks that the old file is intact. SIGKILL gives
the process no chance to clean up, so its partial temporary file stays behind: the test
checks that it is not the target and that the next write is not disturbed by it.
Exceptions, by contrast, remove the temporary file.
"""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from govrecords import Session, dump, iter_jsonl, load, write_jsonl
from govrecords.errors import SerializationError
from govrecords.taxonomy import Topic

CHILD = """
import sys, time
from govrecords import write_jsonl
from govrecords.taxonomy import Topic

def slow():
    for n in range(10**9):
        yield Topic(f"new-{n}", "A new topic " + "x" * 200)
        if n == 5000:
            print("writing", flush=True)  # well past the write buffer: the temporary file has data
            time.sleep(600)

write_jsonl(slow(), sys.argv[1])
"""

OLD = [Topic(f"old-{n}", f"Old topic {n}") for n in range(100)]


def _temporaries(directory: Path, name: str) -> list[Path]:
    return sorted(directory.glob(f".{name}.*.tmp"))


def test_sigkill_mid_write_leaves_the_old_file_whole(tmp_path: Path) -> None:
    """A writer killed with SIGKILL mid-stream leaves the target exactly as it was."""
    target = tmp_path / "topics.jsonl"
    write_jsonl(OLD, target)
    before = target.read_bytes()
    child = subprocess.Popen([sys.executable, "-c", CHILD, str(target)], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "writing\n"
        (partial,) = _temporaries(tmp_path, target.name)
        assert partial.stat().st_size > 0  # the kill really lands mid-write
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
        if child.stdout is not None:
            child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert target.read_bytes() == before
    assert list(iter_jsonl(target)) == OLD
    # The stray temporary file is never the target, and the next write ignores it.
    (stray,) = _temporaries(tmp_path, target.name)
    assert stray != target
    write_jsonl(OLD[:3], target)
    assert list(iter_jsonl(target)) == OLD[:3]


def _failing(after: int) -> Iterator[Topic]:
    for n in range(after):
        yield Topic(f"new-{n}", "New")
    raise RuntimeError("the source of records broke")


def test_exception_mid_write_keeps_the_old_file_and_cleans_up(tmp_path: Path) -> None:
    """An exception while streaming leaves the old file and removes the temporary file."""
    target = tmp_path / "topics.jsonl"
    write_jsonl(OLD, target)
    with pytest.raises(RuntimeError, match="broke"):
        write_jsonl(_failing(10_000), target)
    assert list(iter_jsonl(target)) == OLD
    assert _temporaries(tmp_path, target.name) == []


def test_unwritable_record_mid_stream_keeps_the_old_file(tmp_path: Path) -> None:
    """A record that cannot be written (a lone surrogate) fails the write cleanly, naming its path."""
    target = tmp_path / "sessions.jsonl"
    write_jsonl([Session("s", "Old")], target)
    records = [Session("a", "fine"), Session("b", "bad \ud800 title")]
    with pytest.raises(SerializationError, match=r"\$\.record\.title"):
        write_jsonl(records, target)
    assert list(iter_jsonl(target)) == [Session("s", "Old")]
    assert _temporaries(tmp_path, target.name) == []


def test_dump_failure_keeps_the_old_file(tmp_path: Path) -> None:
    """dump() of something that is not a record leaves the old document whole."""
    target = tmp_path / "session.json"
    dump(Session("s", "Old"), target)
    with pytest.raises(SerializationError):
        dump(object(), target)
    assert load(target) == Session("s", "Old")
    assert _temporaries(tmp_path, target.name) == []


def test_replacing_keeps_the_file_permissions(tmp_path: Path) -> None:
    """The rewritten file keeps the old file's permissions, not the temporary file's 0o600."""
    target = tmp_path / "session.json"
    dump(Session("s", "Old"), target)
    target.chmod(0o640)
    dump(Session("s", "New"), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_new_files_follow_the_umask(tmp_path: Path) -> None:
    """A new file gets the permissions open() would give it (0o666 less the umask)."""
    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "new.json"
    dump(Session("s", "New"), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
