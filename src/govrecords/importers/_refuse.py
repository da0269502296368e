r"""Refusing what is not a text at all: blank, a lone surrogate, binary data or random bytes.

A forum document is text. A file of random bytes, an image or a compressed file
decoded as UTF-8 becomes mostly replacement characters (U+FFFD) and control
characters; reading "records" out of it would only make garbage. :func:`refuse`
raises :class:`~govrecords.errors.ImportFailedError` for such a text, naming the
line and column of the first offending character, so the command line exits
with status 1 and a clear message. A text with a few bad bytes (a damaged file)
is still imported, with a warning.

>>> refuse("Session Name: Open data")
>>> try:
...     refuse("\x00\x01\ufffd\ufffdPK\x03\x04")
... except Exception as error:
...     print(type(error).__name__, error.line, error.column)
ImportFailedError 1 1
"""

from __future__ import annotations

import re

from govrecords.errors import ImportFailedError
from govrecords.importers._registry import DETECT_LIMIT
from govrecords.importers._text import is_blank, line_column, split_lines

__all__ = ["NOISE_SHARE", "noise_share", "refuse"]

NOISE_SHARE = 0.1
"""A text whose sample holds this share of noise characters (U+FFFD, control characters) or more is refused."""


_SURROGATE = re.compile("[\ud800-\udfff]")
# control characters other than tab, line feed, vertical tab, form feed and carriage return; and U+FFFD
_NOISE = re.compile("[\x00-\x08\x0e-\x1f\x7f\ufffd]")
_BLANK = re.compile(r"[\s\ufeff\u200b]+")


def noise_share(text: str) -> float:
    r"""The share of noise characters among the non-blank characters of the start of *text* (0.0 for none).

    Blank characters (spaces, line ends, a byte order mark) are not counted, so
    a change of line ends or a byte order mark does not change the share.

    >>> noise_share("abc\ufffd")
    0.25
    """
    sample = _BLANK.sub("", text[:DETECT_LIMIT])  # the same window detection reads
    if not sample:
        return 0.0
    return len(_NOISE.findall(sample)) / len(sample)


def refuse(text: str) -> None:
    """Raise :class:`ImportFailedError` for a text that cannot be imported at all.

    Raises:
        ImportFailedError: The text is blank, holds a lone surrogate, or is binary
            data or random bytes (:data:`NOISE_SHARE`); with the line and column.
    """
    if is_blank(text):
        raise ImportFailedError("nothing to import: the text is empty or blank", line=1, column=1)
    found = _SURROGATE.search(text)
    if found is not None:
        line, column = line_column(split_lines(text[: found.start() + 1]), found.start())
        raise ImportFailedError(
            f"the text holds a lone surrogate (U+{ord(found.group()):04X}), which is not a character",
            line=line,
            column=column,
        )
    share = noise_share(text)
    if share >= NOISE_SHARE:
        first = _NOISE.search(text)
        assert first is not None  # a positive share means there is one
        line, column = line_column(split_lines(text[: first.start() + 1]), first.start())
        raise ImportFailedError(
            f"not a forum document: {share:.0%} of its characters are control characters or bytes that are not "
            f"text (U+{ord(first.group()):04X} first); it looks like binary data or random bytes",
            line=line,
            column=column,
        )
