"""Bytes to text, with a stated policy for bytes that are not UTF-8.

UTF-8 is read as is: a byte order mark stays in the text (as U+FEFF) and line
ends are kept, so spans index the decoded text exactly. A text starting with a
UTF-32 byte order mark (``FF FE 00 00`` or ``00 00 FE FF``) is read as UTF-32, one
starting with a UTF-16 byte order mark as UTF-16. Invalid bytes are replaced with U+FFFD
and reported in one ``invalid-utf8`` warning that names the first one's byte
offset, line and column (``errors="replace"``), or raise
:class:`~govrecords.errors.ImportFailedError` with that line and column
(``errors="strict"``).
"""

from __future__ import annotations

from govrecords.errors import ImportFailedError
from govrecords.importers._result import ImportIssue
from govrecords.importers._text import line_column, split_lines
from govrecords.provenance import Span

__all__ = ["decode"]

_REPLACEMENT = "\ufffd"
_REPLACEMENT_BYTES = _REPLACEMENT.encode("utf-8")


def _encoding(data: bytes) -> str:
    # UTF-32's little-endian mark starts with UTF-16's: test it first.
    if data[:4] in (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff"):
        return "utf-32"
    return "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8"


def decode(data: bytes, errors: str = "replace") -> tuple[str, tuple[ImportIssue, ...]]:
    """Decode a file's bytes; the text and any decoding warning.

    Raises:
        ImportFailedError: The bytes are not valid (with ``errors="strict"``), or
            *errors* is neither ``"replace"`` nor ``"strict"``.
    """
    if errors not in ("replace", "strict"):
        raise ImportFailedError(f"errors must be 'replace' or 'strict', got {errors!r}")
    encoding = _encoding(data)
    try:
        return data.decode(encoding), ()
    except UnicodeDecodeError as error:
        first = error.start
    prefix = data[:first].decode(encoding, "replace")
    lines = split_lines(prefix)
    line, column = line_column(lines, len(prefix))
    bad = data[first : first + 1].hex()
    if errors == "strict":
        raise ImportFailedError(
            f"not valid {encoding.upper()}: byte 0x{bad} at byte offset {first}", line=line, column=column
        ) from None
    text = data.decode(encoding, "replace")
    literal = data.count(_REPLACEMENT_BYTES) if encoding == "utf-8" else prefix.count(_REPLACEMENT)
    count = text.count(_REPLACEMENT) - literal
    message = (
        f"{max(count, 1)} invalid {encoding.upper()} byte sequence(s) replaced with U+FFFD; "
        f"the first is byte 0x{bad} at byte offset {first}"
    )
    issue = ImportIssue("invalid-utf8", message, Span(len(prefix), len(prefix) + 1), line, column)
    return text, (issue,)
