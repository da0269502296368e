"""One import as a whole: choose the template, refuse what cannot be read, run the engine.

:func:`import_text` and :func:`import_file` are the public entry points (re-exported by
:mod:`govrecords.importers`); :mod:`._engine` reads the text once the template is chosen.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Literal

import attrs

from govrecords._files import read_bytes
from govrecords.errors import ImportFailedError, LimitExceededError
from govrecords.extraction import Extraction, extract, kind_of
from govrecords.importers._decode import decode
from govrecords.importers._engine import refuse, run
from govrecords.importers._registry import DETECT_LIMIT, FALLBACK, LOW_CONFIDENCE, detect, get, score
from govrecords.importers._result import ImportIssue, ImportResult
from govrecords.importers._template import Template
from govrecords.importers._text import fold_text, slug
from govrecords.provenance import SourceDocument, content_hash
from govrecords.serialisation.limits import DEFAULT_LIMITS, Limits
from govrecords.taxonomy import Taxonomy, default_taxonomy

__all__ = ["get_template", "import_file", "import_text"]


def get_template(name: str) -> Template:
    """The registered template called *name*.

    >>> get_template("igf-session-report").produces
    'session'

    Raises:
        KeyError: No template has that name (the message lists the names).
    """
    return get(name)


def _choose(text: str, template: str | Template | None) -> tuple[Template, float, bool, bool]:
    """The template to use, its confidence, whether it was detected, and whether detection fell back."""
    if isinstance(template, Template):
        return template, score(template, " " + fold_text(text[:DETECT_LIMIT]) + " ").confidence, False, False
    if template is not None:
        chosen = get(template)
        found = next(d for d in detect(text) if d.template == chosen.name)
        return chosen, found.confidence, False, False
    best = detect(text)[0]
    if best.confidence < LOW_CONFIDENCE:
        return get(FALLBACK), best.confidence, True, True
    return get(best.template), best.confidence, True, False


def import_text(
    text: str,
    *,
    template: str | Template | None = None,
    source_id: str | None = None,
    taxonomy: Taxonomy | None = None,
    record_id: str | None = None,
    forum_id: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    r"""Import a text into records.

    Args:
        text: The text. Spans index it exactly as given: a byte order mark,
            ``\r\n`` line ends and non-breaking spaces are read through, never
            removed.
        template: A template's name, a :class:`Template`, or None to detect one.
        source_id: The id of the text's :class:`~govrecords.provenance.SourceDocument`
            (default: ``"text-"`` and the first 12 hex digits of its hash).
        taxonomy: The taxonomy topics are tagged with (default: the bundled one).
        record_id: The id of the session or workshop read (default: from its title).
        forum_id: The id of the forum (default: the IGF meeting the text points
            to, or one made up from what it says).
        limits: The largest text accepted is ``limits.max_bytes`` characters.

    Returns:
        The records, the warnings, the template used and its confidence.

    Raises:
        ImportFailedError: The text is blank or holds a lone surrogate (with the
            line and column).
        LimitExceededError: The text is longer than the limit.
        KeyError: *template* names no registered template.
        TypeError: *text* is not a string.
    """
    if not isinstance(text, str):  # pyright: ignore[reportUnnecessaryIsInstance]  # untyped callers pass bytes
        raise TypeError(f"import_text reads a str; for bytes or a file use import_file (got {type(text).__name__})")
    if len(text) > limits.max_bytes:
        raise LimitExceededError(
            f"the text is {len(text)} characters, over the limit of {limits.max_bytes} (max_bytes)"
        )
    refuse(text)
    return _import(
        text,
        template=template,
        source_id=source_id,
        taxonomy=taxonomy,
        record_id=record_id,
        forum_id=forum_id,
        issues=(),
    )


def _import(
    text: str,
    *,
    template: str | Template | None,
    source_id: str | None,
    taxonomy: Taxonomy | None,
    record_id: str | None,
    forum_id: str | None,
    issues: tuple[ImportIssue, ...],
    extraction: Extraction | None = None,
) -> ImportResult:
    chosen, confidence, detected, fell_back = _choose(text, template)
    source_id = source_id or f"text-{content_hash(text)[:12]}"
    source = SourceDocument.from_text(source_id, text, note=extraction.note() if extraction else None)
    result = run(
        text,
        chosen,
        source=source,
        taxonomy=taxonomy or default_taxonomy(),
        record_id=record_id,
        forum_id=forum_id,
        confidence=confidence,
        detected=detected,
        issues=issues,
        fell_back=fell_back,
    )
    return attrs.evolve(result, extraction=extraction) if extraction is not None else result


def import_file(
    path: str | os.PathLike[str],
    *,
    template: str | Template | None = None,
    source_id: str | None = None,
    taxonomy: Taxonomy | None = None,
    record_id: str | None = None,
    forum_id: str | None = None,
    errors: Literal["replace", "strict"] = "replace",
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Import a file into records: plain text, a PDF, an HTML page or a Word (.docx) file.

    A PDF, an HTML page or a .docx file (told by its first bytes, else by its
    suffix) is first turned into text by :func:`govrecords.extraction.extract`;
    that text is the import's source (:attr:`ImportResult.text`), so every span
    slices it, and :attr:`ImportResult.extraction` holds the original file's
    SHA-256 and the page or element each passage came from (the source
    document's note names the file and its hash too). PDF and .docx need the
    optional extras ``pip install 'govrecords[pdf]'`` and
    ``pip install 'govrecords[docx]'``.

    Any other file is read as bytes and decoded as UTF-8 (UTF-16 when it starts with a
    UTF-16 byte order mark); line ends are kept as they are, so spans index the
    decoded text exactly (:attr:`ImportResult.text`). Bytes that are not UTF-8
    are, by default, replaced with U+FFFD and reported in one ``invalid-utf8``
    warning naming the first one's byte offset, line and column; with
    ``errors="strict"`` they raise :class:`~govrecords.errors.ImportFailedError`
    with that line and column instead.

    Args:
        path: The file.
        template: As for :func:`import_text`.
        source_id: As for :func:`import_text` (default: from the file's name).
        taxonomy: As for :func:`import_text`.
        record_id: As for :func:`import_text`.
        forum_id: As for :func:`import_text`.
        errors: What to do with bytes that are not UTF-8.
        limits: The largest file accepted is ``limits.max_bytes`` bytes.

    Raises:
        ImportFailedError: The file cannot be read, is not a regular file (a
            FIFO, a device: give :func:`import_text` the text of a stream), is
            blank, or (with ``errors="strict"``) is not UTF-8; or a document
            holds no text or is broken.
        MissingExtraError: The file is a PDF or a .docx and the extra that
            reads it is not installed (the message names it).
        LimitExceededError: The file is larger than the limit.
    """
    file = Path(path)
    try:
        data = read_bytes(file, limits)  # a regular file only, and never more than the limit
    except OSError as error:
        raise ImportFailedError(f"{file}: cannot be read: {error.strerror or error}") from None
    kind = kind_of(data, file.name)
    extraction: Extraction | None = None
    if kind == "text":
        text, issues = decode(data, errors)
    else:
        extraction = extract(data, kind=kind, name=file.name)
        text, issues = extraction.text, ()
        if len(text) > limits.max_bytes:
            raise LimitExceededError(
                f"{file}: the extracted text is {len(text)} characters, over the limit of {limits.max_bytes}"
            )
    refuse(text)
    return _import(
        text,
        template=template,
        source_id=source_id or slug(file.stem, max_words=12) or None,
        taxonomy=taxonomy,
        record_id=record_id,
        forum_id=forum_id,
        issues=issues,
        extraction=extraction,
    )
