"""Where a record, or one of its fields, came from.

A :class:`SourceDocument` names a document and fixes its exact text by a SHA-256
content hash. A :class:`Provenance` points into it: a character :class:`Span`, the
passage quoted, the field it supports, and the :class:`Method` that produced the
value (by hand, or by which importer and version). ``text[span.start:span.end]``
must equal the quote; :func:`verify` checks it.
"""

from __future__ import annotations

import enum
import hashlib
from collections.abc import Iterable, Mapping

import attrs
from attrs.validators import instance_of, optional

from govrecords._validators import count as _non_negative
from govrecords._validators import non_empty as _non_empty
from govrecords._validators import opt_count as _opt_count
from govrecords._validators import opt_str as _opt_str
from govrecords._validators import sha256 as _check_sha256
from govrecords.dates import PartialDate
from govrecords.serialisation.registry import record_type

__all__ = [
    "Method",
    "MethodKind",
    "Provenance",
    "SourceDocument",
    "Span",
    "content_hash",
    "verify",
]


def content_hash(text: str) -> str:
    """The SHA-256 of *text* encoded as UTF-8, in lower-case hex.

    >>> content_hash("")[:12]
    'e3b0c44298fc'
    """
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@attrs.frozen
class Span:
    """A half-open range ``[start, end)`` of characters in a source text.

    Raises:
        ValueError: A negative offset, or *end* before *start*.

    >>> Span(4, 10).slice("The Future of Internet")
    'Future'
    """

    start: int = attrs.field(validator=_non_negative)
    end: int = attrs.field(validator=_non_negative)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")

    def __len__(self) -> int:
        return self.end - self.start

    def slice(self, text: str) -> str:
        """The passage of *text* this span covers."""
        return text[self.start : self.end]


@record_type("source")
@attrs.frozen
class SourceDocument:
    """A document records are taken from, fixed by the hash of its text.

    Args:
        id: A short identifier that provenance refers to.
        sha256: The SHA-256 of the document's text (see :func:`content_hash`).
        title: The document's title, as it gives it.
        url: Where it was retrieved from.
        retrieved: When it was retrieved.
        length: The length of the text in characters.
        note: Anything else worth knowing about the source.
    """

    id: str = attrs.field(validator=_non_empty)
    sha256: str = attrs.field(validator=_check_sha256)
    title: str | None = attrs.field(default=None, validator=_opt_str)
    url: str | None = attrs.field(default=None, validator=_opt_str)
    retrieved: PartialDate | None = attrs.field(default=None, validator=optional(instance_of(PartialDate)))
    length: int | None = attrs.field(default=None, validator=_opt_count)
    note: str | None = attrs.field(default=None, validator=_opt_str)

    @classmethod
    def from_text(
        cls,
        id: str,  # noqa: A002 -- mirrors the field name
        text: str,
        *,
        title: str | None = None,
        url: str | None = None,
        retrieved: PartialDate | None = None,
        note: str | None = None,
    ) -> SourceDocument:
        """Describe *text*, computing its hash and length.

        >>> SourceDocument.from_text("doc", "hello").length
        5
        """
        return cls(id, content_hash(text), title, url, retrieved, len(text), note)

    def matches(self, text: str) -> bool:
        """Whether *text* is exactly this document's text."""
        return content_hash(text) == self.sha256


class MethodKind(enum.Enum):
    """How a value was obtained."""

    BY_HAND = "by_hand"
    IMPORTER = "importer"
    DERIVED = "derived"
    """Computed from other records (a comparison, a normalisation)."""


@attrs.frozen
class Method:
    """How a value was obtained: by hand, or by which tool, version and template."""

    kind: MethodKind = attrs.field(default=MethodKind.BY_HAND, validator=instance_of(MethodKind))
    tool: str | None = attrs.field(default=None, validator=_opt_str)
    version: str | None = attrs.field(default=None, validator=_opt_str)
    template: str | None = attrs.field(default=None, validator=_opt_str)


BY_HAND = Method()


@attrs.frozen
class Provenance:
    """Where a record, or one field of it, came from.

    Args:
        source: The :attr:`SourceDocument.id` of the document.
        span: The characters of the document the value was read from.
        quote: The passage itself, as it stands in the document.
        field: The field this provenance supports (``"title"``, ``"date"``), or None
            for the record as a whole.
        method: How the value was obtained.
    """

    source: str = attrs.field(validator=_non_empty)
    span: Span | None = attrs.field(default=None, validator=optional(instance_of(Span)))
    quote: str | None = attrs.field(default=None, validator=_opt_str)
    field: str | None = attrs.field(default=None, validator=_opt_str)
    method: Method = attrs.field(default=BY_HAND, validator=instance_of(Method))

    @classmethod
    def of(
        cls,
        source: str,
        text: str,
        quote: str,
        *,
        field: str | None = None,
        method: Method = BY_HAND,
        start: int = 0,
    ) -> Provenance:
        """Point at the first occurrence of *quote* in *text* at or after *start*.

        Raises:
            ValueError: *quote* does not occur in *text*.

        >>> Provenance.of("doc", "one two three", "two").span
        Span(start=4, end=7)
        """
        at = text.find(quote, start)
        if at < 0 or not quote:
            raise ValueError(f"quote not found in source {source!r}: {quote[:60]!r}")
        return cls(source, Span(at, at + len(quote)), quote, field, method)


def verify(provenances: Iterable[Provenance], texts: Mapping[str, str]) -> list[str]:
    """Check each span against its source text; return one message per mismatch.

    Args:
        provenances: The provenance to check.
        texts: The source texts, by :attr:`SourceDocument.id`.

    Returns:
        An empty list when every span slices its text to exactly its quote.
    """
    problems: list[str] = []
    for prov in provenances:
        if prov.span is None:
            continue
        text = texts.get(prov.source)
        if text is None:
            problems.append(f"source {prov.source!r} is not available")
            continue
        if prov.span.end > len(text):
            problems.append(
                f"span {prov.span.start}-{prov.span.end} is outside {prov.source!r} ({len(text)} characters)"
            )
        elif prov.quote is not None and prov.span.slice(text) != prov.quote:
            problems.append(
                f"span {prov.span.start}-{prov.span.end} of {prov.source!r} does not hold the quoted passage"
            )
    return problems
