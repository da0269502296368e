"""Files in and out: capped reads of regular files or open streams, and atomic writes.

Every file govrecords reads or writes goes through here, so the policies hold
everywhere (the readers of :mod:`govrecords.serialisation.documents`, the importers' file reading
through :func:`read_bytes`, and every file the command line writes):

Reading
    A path must name a regular file. A FIFO, a device (``/dev/zero``) or a
    directory is refused with :class:`~govrecords.errors.FileAccessError` before
    anything is read: a FIFO would block until a writer comes, a device may never
    end. The file is opened without waiting (``O_NONBLOCK``) so that even a FIFO
    is refused at once. To read a stream, give an open file (the command line
    gives standard input for ``-``). Whatever is read, a path or a stream, at most
    ``max_bytes + 1`` bytes are read: the size the file claims (``st_size`` is 0
    for pipes and devices) is never trusted alone.

Writing
    A regular file is replaced atomically: the data goes to a temporary file
    beside the target (``.NAME.XXXXXXXX.tmp``), is synced, and is renamed over
    the target, so a crash at any point leaves the old file whole. A symbolic
    link is written *through*: its final target is replaced and the link stays.
    A target that is not a regular file (``/dev/stdout``, a terminal, a pipe, a
    device) is written directly, as there is nothing to replace. A writer holds
    an exclusive lock on its temporary file until the rename; a process killed
    mid-write (SIGKILL) loses its lock, and the next write to the same target
    removes the temporary files it left (those whose lock is free).
"""

from __future__ import annotations

import contextlib
import errno
import functools
import io
import os
import re
import stat
import sys
import tempfile
from collections.abc import Callable, Generator
from pathlib import Path
from typing import IO, Any

from govrecords.errors import FileAccessError, LimitExceededError
from govrecords.serialisation.limits import Limits

__all__ = ["atomic_write", "is_binary_stream", "open_regular", "read_bytes", "read_capped", "stale_temporaries"]

PathLike = str | os.PathLike[str]

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISSOCK, "a socket"),
)


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def open_regular(path: PathLike) -> IO[bytes]:
    """Open *path* for reading in binary mode, refusing anything but a regular file.

    Raises:
        FileAccessError: *path* is a FIFO, a device, a directory or a socket.
        OSError: The operating system's own error (missing file, permission).
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    handle = os.open(path, flags)
    mode = os.fstat(handle).st_mode
    if not stat.S_ISREG(mode):
        os.close(handle)
        raise FileAccessError(
            os.fspath(path),
            f"not a regular file ({_kind(mode)}); give '-' to read standard input",
            errno=errno.EISDIR if stat.S_ISDIR(mode) else errno.EINVAL,
        )
    if hasattr(os, "set_blocking"):
        os.set_blocking(handle, True)
    return os.fdopen(handle, "rb")


def read_capped(stream: IO[bytes] | IO[str], limits: Limits, *, name: str | None) -> bytes | str:
    """Read *stream* to its end, but never more than ``limits.max_bytes + 1`` bytes (or characters).

    Raises:
        LimitExceededError: There is more than ``limits.max_bytes``, naming *name*.
    """
    data = stream.read(limits.max_bytes + 1)
    if len(data) > limits.max_bytes:
        where = f"{name}: " if name else ""
        raise LimitExceededError(
            f"{where}the input is over the limit of {limits.max_bytes} bytes (max_bytes); reading stopped there"
        )
    return data


def read_bytes(path: PathLike, limits: Limits) -> bytes:
    """The bytes of the regular file at *path*, refused past ``limits.max_bytes``.

    A file whose size is known to be too large is refused before it is read.

    Raises:
        FileAccessError: *path* is not a regular file.
        LimitExceededError: The file is larger than the limit.
        OSError: The file cannot be opened or read.
    """
    with open_regular(path) as handle:
        size = os.fstat(handle.fileno()).st_size
        if size > limits.max_bytes:
            raise LimitExceededError(
                f"{os.fspath(path)}: the file is {size} bytes, over the limit of {limits.max_bytes} (max_bytes)"
            )
        # Ask for no more than the file holds: a read sets aside memory for all it asks
        # for (64 MiB for a file of a few bytes, were it asked for the limit).
        data = handle.read(size + 1)
        if len(data) > size:  # it grew since its size was taken: read on, never past the limit
            data += handle.read(limits.max_bytes + 1 - len(data))
            if len(data) > limits.max_bytes:
                raise LimitExceededError(
                    f"{os.fspath(path)}: the file is over the limit of {limits.max_bytes} bytes (max_bytes); "
                    "reading stopped there"
                )
    assert isinstance(data, bytes)  # a binary handle
    return data


def is_binary_stream(stream: object) -> bool:
    """Whether an open file takes bytes (binary mode) rather than text."""
    if isinstance(stream, io.TextIOBase):
        return False
    if isinstance(stream, (io.BufferedIOBase, io.RawIOBase)):
        return True
    mode = getattr(stream, "mode", None)
    if isinstance(mode, str):
        return "b" in mode
    return getattr(stream, "encoding", None) is None


# ---------------------------------------------------------------------------
# Writing.


@functools.cache
def _new_file_mode() -> int:
    # What open() would give a new file: 0o666 less the umask. The umask can only
    # be read by setting it, so read it once.
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_RANDOM = "[a-z0-9_]{8}"  # what tempfile.mkstemp puts between prefix and suffix


def _temporary_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"\.{re.escape(name)}\.{_RANDOM}\.tmp")


def stale_temporaries(target: Path) -> list[Path]:
    """The temporary files a killed writer left beside *target* (their lock is free).

    A temporary file whose writer is still running is locked, and is not listed.
    Without file locks (Windows), none is listed: nothing proves a writer dead.
    """
    if sys.platform == "win32":  # pragma: no cover -- no file locks to prove a writer dead
        return []
    pattern = _temporary_pattern(target.name)
    stale: list[Path] = []
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return []
    for entry in entries:
        if not pattern.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
            continue
        try:
            handle = os.open(entry.path, os.O_RDONLY)
        except OSError:
            continue
        free = _lock(handle, wait=False)
        os.close(handle)
        if free:  # else a live writer holds it
            stale.append(Path(entry.path))
    return stale


def _lock(handle: int, *, wait: bool) -> bool:
    """Take an exclusive lock on an open file; False when another process holds it and *wait* is False."""
    if sys.platform == "win32":  # pragma: no cover -- no flock; Windows locks files being written anyway
        return True
    import fcntl  # here, not at the top: POSIX only

    try:
        fcntl.flock(handle, fcntl.LOCK_EX if wait else fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _remove_stale(target: Path) -> None:
    for path in stale_temporaries(target):
        with contextlib.suppress(OSError):
            path.unlink()


@contextlib.contextmanager
def _locked_temporary(target: Path) -> Generator[tuple[int, str]]:
    while True:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        _lock(handle, wait=True)
        if os.fstat(handle).st_nlink == 0:  # pragma: no cover -- removed by a cleaner before it was locked
            os.close(handle)
            continue
        break
    yield handle, temporary


def atomic_write(path: PathLike, write: Callable[[IO[Any]], object], *, binary: bool = False) -> None:
    r"""Write a file through *write*, replacing *path* atomically (see the module's policy).

    Args:
        path: The target. A symbolic link is written through to its final target;
            a target that is not a regular file is written directly.
        write: Called once with the open file (text in UTF-8 with ``\n`` line
            ends, or binary), to write everything.
        binary: Whether *write* writes bytes.

    Raises:
        OSError: The file cannot be written (the old file, if any, is left whole).
    """
    given = Path(path)
    try:
        mode = os.stat(given).st_mode  # follows links
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", os.fspath(path))
        with _open_direct(given, binary) as out:
            write(out)
        return
    target = Path(os.path.realpath(given)) if given.is_symlink() else given
    _remove_stale(target)
    with _locked_temporary(target) as (handle, temporary):
        try:
            with os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                os.chmod(temporary, stat.S_IMODE(mode) if mode is not None else _new_file_mode())
                write(out)
                out.flush()
                os.fsync(out.fileno())
                if os.name != "nt":
                    os.replace(temporary, target)  # still locked: no cleaner can take it meanwhile
            if os.name == "nt":  # pragma: no cover -- Windows cannot rename an open file
                os.replace(temporary, target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    _sync_directory(target.parent)


def _open_direct(path: Path, binary: bool) -> IO[Any]:
    if binary:
        return open(path, "wb")
    return open(path, "w", encoding="utf-8", newline="\n")


def _sync_directory(directory: Path) -> None:
    # Make the rename itself durable. Not every platform can open a directory.
    try:
        handle = os.open(directory, os.O_RDONLY)
    except OSError:  # pragma: no cover -- Windows
        return
    try:
        os.fsync(handle)
    except OSError:  # pragma: no cover -- file systems that cannot sync a directory
        pass
    finally:
        os.close(handle)
