"""References to the records a result is read from: which session, workshop or forum, in a stable order.

Every piece of evidence, recommendation and timeline point names the record it comes
from by a :class:`RecordRef` (a session report or a workshop announcement, with its
forum and effective date) and the forum by a :class:`ForumRef`. Their ``key()`` gives
the total, content-based order that keeps every result independent of input order.
"""

from __future__ import annotations

import enum
import functools
import re

import attrs
from attrs.validators import instance_of, optional

from govrecords._trusted import slot_setters
from govrecords._validators import opt_str as _str
from govrecords.dates import When
from govrecords.dates import optional_when as _when
from govrecords.documents import DocumentKind
from govrecords.records import Forum

__all__ = ["ForumRef", "RecordKind", "RecordRef", "forum_label", "natural_key"]


class RecordKind(enum.Enum):
    """Whether evidence comes from a session report or a workshop announcement."""

    SESSION = "session"
    """A session as reported after it was held, which can report outcomes."""
    WORKSHOP = "workshop"
    """A workshop as announced or proposed, which raises topics but reports no outcome."""


@attrs.frozen
class RecordRef:
    """Which session or workshop something comes from.

    Args:
        kind: Session report or workshop announcement.
        id: The record's id.
        title: The record's title.
        forum: The id of the forum that holds it, when known.
        date: When it was held: its own date, else its forum's dates, else a
            date its text states (see :func:`~govrecords.documents.date_in_text`).
        document: The kind of document it is taken from, when known.
        partial: Whether that document is cut off mid-sentence.
        date_from_text: Whether *date* was found in the record's text.
        date_uncertain: Whether the record has no date because the dates in its
            text disagree (its place in time is then uncertain, not guessed).
    """

    kind: RecordKind = attrs.field(validator=instance_of(RecordKind))
    id: str = attrs.field(validator=instance_of(str))
    title: str = attrs.field(validator=instance_of(str))
    forum: str | None = attrs.field(default=None, validator=_str)
    date: When | None = attrs.field(default=None, validator=_when)
    document: DocumentKind | None = attrs.field(default=None, validator=optional(instance_of(DocumentKind)))
    partial: bool = attrs.field(default=False, validator=instance_of(bool))
    date_from_text: bool = attrs.field(default=False, validator=instance_of(bool))
    date_uncertain: bool = attrs.field(default=False, validator=instance_of(bool))

    @classmethod
    def _trusted(  # noqa: PLR0917 -- the same arguments as __init__
        cls,
        kind: RecordKind,
        id: str,  # noqa: A002 -- the field's name
        title: str,
        forum: str | None = None,
        date: When | None = None,
        document: DocumentKind | None = None,
        partial: bool = False,
        date_from_text: bool = False,
        date_uncertain: bool = False,
    ) -> RecordRef:
        """The reference ``__init__`` builds from these values, without validating them again.

        Private to the comparison, which refers to every session and workshop from
        its validated record (see :mod:`govrecords._trusted`).
        """
        self = _new(cls)
        _ref_kind(self, kind)
        _ref_id(self, id)
        _ref_title(self, title)
        _ref_forum(self, forum)
        _ref_date(self, date)
        _ref_document(self, document)
        _ref_partial(self, partial)
        _ref_date_from_text(self, date_from_text)
        _ref_date_uncertain(self, date_uncertain)
        return self

    def key(self) -> tuple[str, str, str, str, str, str, bool, bool, bool]:
        """A total, content-based order: forum, kind, id, title, date, then the document's kind and flags.

        Two references with the same key are equal, so an order by it never
        depends on the order the references came in (or on a set's).
        """
        return self._key

    @functools.cached_property
    def _key(self) -> tuple[str, str, str, str, str, str, bool, bool, bool]:
        # Worked out once per reference: a comparison sorts by it many times over.
        return _record_key(self)


_new = object.__new__
(
    _ref_kind,
    _ref_id,
    _ref_title,
    _ref_forum,
    _ref_date,
    _ref_document,
    _ref_partial,
    _ref_date_from_text,
    _ref_date_uncertain,
) = slot_setters(
    RecordRef,
    ("kind", "id", "title", "forum", "date", "document", "partial", "date_from_text", "date_uncertain"),
)


@attrs.frozen
class ForumRef:
    """A forum that records belong to.

    Args:
        id: The forum's id.
        name: Its name, when the records give one.
        series: Its series ("IGF").
        dates: Its dates.
        reports_to: The forum its outcomes feed into, as the source names it.
    """

    id: str = attrs.field(validator=instance_of(str))
    name: str | None = attrs.field(default=None, validator=_str)
    series: str | None = attrs.field(default=None, validator=_str)
    dates: When | None = attrs.field(default=None, validator=_when)
    reports_to: str | None = attrs.field(default=None, validator=_str)

    @classmethod
    def of(cls, forum: Forum) -> ForumRef:
        """The reference to *forum*."""
        return cls(forum.id, forum.name, forum.series, forum.dates, forum.reports_to)

    def key(self) -> tuple[str, str, str, str, str]:
        """A total, content-based order."""
        dates = self.dates.isoformat() if self.dates is not None else ""
        return (self.id, self.name or "", self.series or "", dates, self.reports_to or "")


def forum_label(forum: Forum | ForumRef) -> str:
    """A short name for a forum: its name, else what it reports to, else its id."""
    if forum.name:
        return forum.name
    if forum.reports_to:
        return f"a forum reporting to {forum.reports_to}"
    return forum.id


@functools.lru_cache(maxsize=4096)  # every part of a record sorts by its record's key
def _record_key(ref: RecordRef) -> tuple[str, str, str, str, str, str, bool, bool, bool]:
    date = ref.date.isoformat() if ref.date is not None else ""
    document = ref.document.value if ref.document is not None else ""
    flags = (ref.partial, ref.date_from_text, ref.date_uncertain)
    return (ref.forum or "", ref.kind.value, ref.id, ref.title, date, document, *flags)


_DIGITS = re.compile(r"(\d+)")


@functools.lru_cache(maxsize=4096)  # numbers repeat ("1)", "2)"), and sorting asks for them often
def natural_key(text: str | None) -> tuple[tuple[int, str], ...]:
    """Order numbers as written ("2)", "10)", "a.") naturally: digits by value."""
    if not text:
        return ()
    return tuple((int(part), "") if part.isdecimal() else (-1, part) for part in _DIGITS.split(text) if part)
