"""What an import returns: the records, the warnings, and how sure the template detection was."""

from __future__ import annotations

import itertools
import operator
import warnings as _warnings
from typing import Any, cast

import attrs
from attrs.validators import deep_iterable, instance_of, optional

from govrecords.errors import RecordImportWarning
from govrecords.extraction import Extraction
from govrecords.importers._text import is_blank
from govrecords.provenance import Provenance, SourceDocument, Span
from govrecords.records import Forum, Session, Workshop

__all__ = ["CODES", "Detection", "ImportIssue", "ImportResult"]

CODES: dict[str, str] = {
    "ambiguous-stakeholder": "a stakeholder wording that joins two groups; read as the first",
    "boilerplate": "page chrome or a form's own heading, dropped",
    "conflicting-value": "a field given twice with different values; the second is kept as a section",
    "control-characters": "the text holds control characters such as NUL",
    "duplicate-section": "a section repeated word for word; the copy is not read again",
    "duplicate-value": "a value repeated word for word; the copy is not read again",
    "empty-field": "a label with no value, or a value that says there is none ('N/A')",
    "guessed-title": "no title label was found; the title was chosen among the first lines",
    "guessed-value": "a value read outside any label (a date, a city, a session id), or completed from context",
    "invalid-utf8": "bytes that are not UTF-8 were replaced with U+FFFD",
    "low-confidence": "no template fits the text well",
    "placeholder": "a form's instructions left where a value should be",
    "unmapped": "text no field holds, kept as a section or quoted in the warning",
    "unparsed-date": "a date the importer could not read",
    "unparsed-participant": "a participant line with no name in it",
}
"""Every warning code, with what it means."""


@attrs.frozen
class ImportIssue:
    """One thing an import kept aside, repaired or dropped, and where.

    Args:
        code: What kind of thing (a key of :data:`CODES`, e.g. ``"duplicate-section"``).
        message: What happened, in words.
        span: The characters of the text it concerns.
        line: The 1-based line where the span starts.
        column: The 1-based column where the span starts.
        folded: For a warning that stands for others, how many: past the first
            hundred of a code an import lists no more of them one by one, but gives
            one warning that counts them ("and 799 900 more..."), its span covering
            them all. 0 for a warning about one passage.
    """

    code: str = attrs.field(validator=attrs.validators.in_(CODES))
    message: str = attrs.field(validator=instance_of(str))
    span: Span = attrs.field(validator=instance_of(Span))
    line: int = attrs.field(validator=instance_of(int))
    column: int = attrs.field(validator=instance_of(int))
    folded: int = attrs.field(default=0, kw_only=True, validator=instance_of(int))

    def __str__(self) -> str:
        return f"line {self.line}, column {self.column}: {self.code}: {self.message}"

    def as_warning(self) -> RecordImportWarning:
        """This issue as a :class:`~govrecords.errors.RecordImportWarning`, ready to ``warnings.warn``."""
        return RecordImportWarning(str(self))


@attrs.frozen
class Detection:
    """How well a template fits a text.

    Args:
        template: The template's name.
        confidence: From 0 (nothing of it found) to 1 (all its cues found).
        evidence: The cues found.
    """

    template: str
    confidence: float
    evidence: tuple[str, ...] = ()


def _many(kind: type[Any]) -> Any:
    """A validator of a tuple of *kind*s: checked in C, and by ``deep_iterable`` (which says what is wrong) if not one.

    A text of short lines gives a hundred thousand structure spans: checked one call each, they
    were a good part of the import.
    """
    slow: Any = deep_iterable(instance_of(kind), instance_of(tuple))

    def check(instance: Any, attribute: attrs.Attribute[Any], value: object) -> None:
        items = cast("tuple[object, ...]", value) if isinstance(value, tuple) else None
        if items is None or not all(map(isinstance, items, itertools.repeat(kind))):
            slow(instance, attribute, value)

    return check


@attrs.frozen
class ImportResult:
    """The records read from one text, with everything the import set aside.

    Args:
        forum: The forum, holding the session(s) or workshop(s) read and the
            source document.
        source: The source document: the text's id and hash.
        warnings: What was kept aside, repaired or dropped, in text order.
        template: The name of the template used.
        confidence: How well that template fits the text (see :func:`detect`).
        detected: Whether the template was detected (rather than named by the caller).
        text: The text the spans index (for a file, the decoded text).
        structure: The spans read as structure rather than as values: labels,
            list markers, the lines patterns read, a recommendations' lead-in.
            With the provenance spans and the warnings' spans, they cover every
            non-blank character of the text (see :meth:`uncovered`).
        extraction: For a PDF, HTML or .docx file, how its text was extracted:
            the original file's SHA-256 and the page or element of each passage
            (:meth:`~govrecords.extraction.Extraction.locate`); None for text.
    """

    forum: Forum = attrs.field(validator=instance_of(Forum))
    source: SourceDocument = attrs.field(validator=instance_of(SourceDocument))
    warnings: tuple[ImportIssue, ...] = attrs.field(validator=_many(ImportIssue))
    template: str = attrs.field(validator=instance_of(str))
    confidence: float = attrs.field(validator=instance_of(float))
    detected: bool = attrs.field(validator=instance_of(bool))
    text: str = attrs.field(repr=False, validator=instance_of(str))
    structure: tuple[Span, ...] = attrs.field(default=(), repr=False, validator=_many(Span))
    extraction: Extraction | None = attrs.field(default=None, repr=False, validator=optional(instance_of(Extraction)))

    @property
    def sessions(self) -> tuple[Session, ...]:
        """The sessions read (a report; one per sub-heading of a messages document)."""
        return self.forum.sessions

    @property
    def workshops(self) -> tuple[Workshop, ...]:
        """The workshops read (a proposal or announcement)."""
        return self.forum.workshops

    @property
    def records(self) -> tuple[Session | Workshop, ...]:
        """The sessions and workshops read."""
        return (*self.forum.sessions, *self.forum.workshops)

    def provenance(self) -> list[Provenance]:
        """Every provenance entry of every record read."""
        return self.forum.all_provenance()

    def uncovered(self) -> list[Span]:
        """The non-blank passages of the text that no provenance, warning or structure span covers.

        The importer's promise is that this is empty: every part of the text ends
        up in a field, a kept section, a warning, or was read as structure.
        """
        spans = [p.span for p in self.provenance() if p.span is not None and p.source == self.source.id]
        spans.extend(issue.span for issue in self.warnings)
        spans.extend(self.structure)
        spans.sort(key=operator.attrgetter("start"))
        gaps: list[Span] = []
        reached = 0
        for span in itertools.chain(spans, (Span(len(self.text), len(self.text)),)):
            if span.start > reached and not is_blank(self.text[reached : span.start]):
                gaps.append(Span(reached, span.start))
            reached = max(reached, span.end)
        return gaps

    def warn(self, *, stacklevel: int = 2) -> None:
        """Issue each warning as a :class:`~govrecords.errors.RecordImportWarning`."""
        for issue in self.warnings:
            _warnings.warn(issue.as_warning(), stacklevel=stacklevel + 1)
