"""What kind of document a record is taken from, and how much of it the record covers.

The words a comparison uses depend on this (see ``govrecords.comparison.changes``): a topic
missing from a workshop announcement, a communiqué or an excerpt is *not raised in
that document*, which says nothing about whether the forum dropped it; a
recommendation facing a document that makes none has *no counterpart*, it was not
*dropped*. This module is the one home of those rules:

* :class:`DocumentKind` — session report, synthesis or chair's summary,
  communiqué, messages, announcement, transcript, excerpt — with
  :attr:`~DocumentKind.makes_recommendations` and :attr:`~DocumentKind.covers_whole`;
* :func:`document_of` — a record's kind, read from the template it was imported
  with, else from its type and title;
* :func:`is_cut_off` — whether the record's text ends mid-sentence (a partial
  document: nothing after its end can count as absent);
* :class:`Coverage` — what one side of a comparison, made of several records, can
  tell about absence and recommendations.

>>> from govrecords import Workshop
>>> from govrecords.documents import DocumentKind, document_of
>>> document_of(Workshop(id="w", title="Open data for cities"))
<DocumentKind.ANNOUNCEMENT: 'announcement'>
>>> DocumentKind.ANNOUNCEMENT.makes_recommendations
False
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable

import attrs

from govrecords.dateparse import parse_date
from govrecords.dates import PartialDate
from govrecords.errors import DateParseError
from govrecords.provenance import Provenance, Span
from govrecords.records import Finding, Recommendation, Section, Session, Statement, Workshop

__all__ = ["Coverage", "DocumentKind", "date_in_text", "document_of", "is_cut_off", "operative_items"]


class DocumentKind(enum.Enum):
    """What a document is, as far as a comparison is concerned."""

    SESSION_REPORT = "session_report"
    """A report of one session written afterwards, which says what the session covered."""
    SYNTHESIS = "synthesis"
    """A synthesis document or chair's summary of a whole forum."""
    COMMUNIQUE = "communique"
    """A communiqué or outcome statement, which states selected outcomes and resolutions."""
    MESSAGES = "messages"
    """A forum's messages, short takeaways, some of them calls to act."""
    ANNOUNCEMENT = "announcement"
    """A workshop announcement, page or proposal, written before anything was discussed."""
    TRANSCRIPT = "transcript"
    """A transcript of what was said, with no stated outcome."""
    EXCERPT = "excerpt"
    """A part of a document, chosen by someone."""
    OTHER = "other"
    """A document of no known kind."""

    @property
    def makes_recommendations(self) -> bool:
        """Whether documents of this kind state recommendations, so that none is a fact."""
        return self in _RECOMMENDING

    @property
    def covers_whole(self) -> bool:
        """Whether a document of this kind reports everything its meeting discussed.

        Only then can a topic missing from it be said to be no longer discussed.
        """
        return self in (DocumentKind.SESSION_REPORT, DocumentKind.SYNTHESIS)

    @property
    def words(self) -> str:
        """The kind in words ("workshop announcement")."""
        return _WORDS[self]


_RECOMMENDING = frozenset(
    {DocumentKind.SESSION_REPORT, DocumentKind.SYNTHESIS, DocumentKind.COMMUNIQUE, DocumentKind.MESSAGES}
)
_WORDS = {
    DocumentKind.SESSION_REPORT: "session report",
    DocumentKind.SYNTHESIS: "synthesis or chair's summary",
    DocumentKind.COMMUNIQUE: "communiqué",
    DocumentKind.MESSAGES: "messages",
    DocumentKind.ANNOUNCEMENT: "workshop announcement",
    DocumentKind.TRANSCRIPT: "transcript",
    DocumentKind.EXCERPT: "excerpt",
    DocumentKind.OTHER: "document",
}

# The importer templates (src/govrecords/importers/templates) by the kind of document they read.
_TEMPLATES = {
    "igf-session-report": DocumentKind.SESSION_REPORT,
    "igf-2015-workshop-report": DocumentKind.SESSION_REPORT,
    "eurodig-session-page": DocumentKind.SESSION_REPORT,
    "regional-igf-communique": DocumentKind.COMMUNIQUE,
    "igf-messages": DocumentKind.MESSAGES,
    "workshop-announcement": DocumentKind.ANNOUNCEMENT,
    "igf-workshop-page": DocumentKind.ANNOUNCEMENT,
    "igf-2013-workshop-proposal": DocumentKind.ANNOUNCEMENT,
    "igf-2015-workshop-proposal": DocumentKind.ANNOUNCEMENT,
}

# Title words, checked in this order; the first that matches names the kind.
_TITLE_WORDS = (
    (re.compile(r"\b(excerpts?|extract)\b", re.IGNORECASE), DocumentKind.EXCERPT),
    (re.compile(r"\btranscript", re.IGNORECASE), DocumentKind.TRANSCRIPT),
    (re.compile(r"\bcommuniqu[eé]|\bdeclaration\b|\boutcome statement", re.IGNORECASE), DocumentKind.COMMUNIQUE),
    (re.compile(r"\bmessages\b|\btakeaways\b", re.IGNORECASE), DocumentKind.MESSAGES),
    (re.compile(r"\bsynthesis\b|\bchair['\u2019]?s summary\b", re.IGNORECASE), DocumentKind.SYNTHESIS),
)
# Any of them: most titles have none, and one search tells (a comparison reads every record's kind).
_ANY_TITLE_WORD = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _ in _TITLE_WORDS), re.IGNORECASE)


def document_of(record: Session | Workshop) -> DocumentKind:
    """The kind of document *record* is taken from.

    Read, in order, from the importer template named in its provenance, from its
    title ("Communiqué of...", "Messages", "Synthesis", "excerpt"), and from its
    type: a :class:`~govrecords.records.Workshop` is an announcement, a
    :class:`~govrecords.records.Session` a session report.

    >>> from govrecords import Session
    >>> from govrecords.documents import document_of
    >>> document_of(Session(id="s", title="Communiqué of the 2011 meeting"))
    <DocumentKind.COMMUNIQUE: 'communique'>
    """
    for prov in record.provenance:
        template = prov.method.template
        if template is not None and template in _TEMPLATES:
            found = _TEMPLATES[template]
            if found is DocumentKind.SESSION_REPORT or isinstance(record, Workshop):
                break  # a report template: let the title say if it is a communiqué or a synthesis
            return found
    if _ANY_TITLE_WORD.search(record.title):
        for pattern, kind in _TITLE_WORDS:
            if pattern.search(record.title):
                return kind
    return DocumentKind.ANNOUNCEMENT if isinstance(record, Workshop) else DocumentKind.SESSION_REPORT


_ENDS_WELL = re.compile(r"[.!?:;)\]\u2026\"'\u201d\u2019\u00bb]\s*$")


def _last_text(record: Session | Workshop) -> str | None:
    """The text of the record's part that stands last in its source (by span), if spans say."""
    best: tuple[int, str] | None = None
    for prov in _all_provenance(record):
        if prov.span is not None and prov.quote and (best is None or prov.span.end > best[0]):
            best = (prov.span.end, prov.quote)
    return None if best is None else best[1]


def _all_provenance(record: Session | Workshop) -> Iterable[Provenance]:
    yield from record.provenance
    parts: list[Statement | Section | Finding | Recommendation] = [*record.policy_questions, *record.sections]
    if isinstance(record, Session):
        parts += [*record.findings, *record.recommendations, *record.key_issues]
    else:
        parts += list(record.issues)
    for part in parts:
        yield from part.provenance


def is_cut_off(record: Session | Workshop) -> bool:
    """Whether the record's source ends mid-sentence, so the document is partial.

    The passage that stands last in the source (by its span) is read: a passage
    that ends without closing punctuation was cut off. Notes that say "partial",
    "truncated" or "cut off" also mark it. A record without spans is not judged.
    """
    if record.notes and re.search(r"\b(partial|truncated|cut off|incomplete)\b", record.notes, re.IGNORECASE):
        return True
    last = _last_text(record)
    return last is not None and bool(last.strip()) and _ENDS_WELL.search(last) is None


@attrs.frozen
class Coverage:
    """What one side of a comparison can say about absence and recommendations.

    Args:
        kinds: The kinds of document on the side, each once, in a stable order.
        partial: Whether a document on the side is cut off.
    """

    kinds: tuple[DocumentKind, ...] = ()
    partial: bool = False

    @classmethod
    def of(cls, kinds: Iterable[DocumentKind], partial: bool = False) -> Coverage:
        """The coverage of a side holding documents of *kinds*."""
        order = list(DocumentKind)
        return cls(tuple(sorted(set(kinds), key=order.index)), partial)

    @property
    def complete(self) -> bool:
        """Whether a topic missing from the side was not discussed there (whole reports, none cut off)."""
        return bool(self.kinds) and not self.partial and all(kind.covers_whole for kind in self.kinds)

    @property
    def makes_recommendations(self) -> bool:
        """Whether some document on the side is of a kind that states recommendations."""
        return any(kind.makes_recommendations for kind in self.kinds)

    @property
    def words(self) -> str:
        """The side's documents in words ("a workshop announcement", "a communiqué, cut off")."""
        if not self.kinds:
            return "no document"
        named = " and ".join(kind.words for kind in self.kinds)
        return f"{named}, cut off mid-sentence" if self.partial else named


_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_DATE_PHRASE = re.compile(
    rf"\b(?:\d{{1,2}}(?:\s*[-\u2013]\s*\d{{1,2}})?\s+(?:{_MONTHS})\.?,?\s+(?:19|20)\d\d"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:\s*[-\u2013]\s*\d{{1,2}})?,\s+(?:19|20)\d\d)\b"
)
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _texts(record: Session | Workshop) -> Iterable[str]:
    yield record.title
    if isinstance(record, Session):
        if record.summary:
            yield record.summary
    elif record.description:
        yield record.description
    for section in record.sections:
        if section.heading:
            yield section.heading
        yield section.text
    statements = [*record.policy_questions, *(record.key_issues if isinstance(record, Session) else record.issues)]
    yield from (statement.text for statement in statements)
    for prov in record.provenance:
        if prov.quote:
            yield prov.quote


def date_in_text(record: Session | Workshop) -> tuple[PartialDate | None, bool]:
    """A date the record's own text states, and whether its dates disagree.

    Dates written with a month ("12 September 2011", "September 12, 2011") are
    read from the title, summary or description, sections and quoted passages.
    When they all fall in one year, the latest of them is the record's date. When
    they fall in different years, the order is uncertain: no date is returned, and
    the second value is True. Without such dates, a single year in the title is used.

    >>> from govrecords import Session
    >>> from govrecords.documents import date_in_text
    >>> date_in_text(Session(id="s", title="Communiqué", summary="Adopted in Tarn on 14 May 2011."))
    (PartialDate(year=2011, month=5, day=14, hour=None, minute=None, utc_offset=None), False)
    """
    found: list[PartialDate] = []
    for text in _texts(record):
        for match in _DATE_PHRASE.finditer(text):
            phrase = re.sub(r"(\d{1,2})\s*[-\u2013]\s*\d{1,2}", r"\1", match.group(0))
            try:
                found.append(parse_date(phrase))
            except DateParseError:
                continue
    years = {date.year for date in found}
    if len(years) > 1:
        return None, True
    if found:
        return max(found, key=lambda date: (date.month or 0, date.day or 0)), False
    title_years = set(_YEAR.findall(record.title))
    if len(title_years) == 1:
        return PartialDate(int(title_years.pop())), False
    return None, len(title_years) > 1


_OPERATIVE = re.compile(
    r"^\s*(we\s+)?(resolve|recommend|agree|call\s+(on|upon)|urge|decide|request|invite|encourage)\w*\b",
    re.IGNORECASE,
)
_ITEM = re.compile(r"(?:^|(?<=\s))(\(?\d{1,2}[.)]|\(?[a-h]\))\s+")


def operative_items(record: Session | Workshop) -> list[Recommendation]:
    """The numbered resolutions a record keeps only as a section under an operative heading.

    A communiqué or a set of messages states its recommendations as numbered items
    under "Resolve that:", "Recommend:", "Call upon...". When the importer kept such a
    part as a :class:`~govrecords.records.Section` and read no recommendation from
    the record, the comparison still needs them to see that a resolution was repeated
    or reworded. Each numbered item becomes a recommendation with the span of its
    own words, read from the section's quoted text; a section without a span gives
    none. Records of a kind that makes no recommendations, and records that hold
    recommendations already, give none.

    >>> from govrecords import Session, Section
    >>> from govrecords.documents import operative_items
    >>> from govrecords.provenance import Provenance, Span
    >>> text = "1) Keep access affordable; 2) Publish prices."
    >>> section = Section("Resolve that", text, (Provenance("c", Span(10, 10 + len(text)), text, "text"),))
    >>> record = Session(id="c", title="Communiqué", sections=(section,))
    >>> [(r.number, r.text, r.provenance[0].span.start) for r in operative_items(record)]
    [('1)', 'Keep access affordable;', 13), ('2)', 'Publish prices.', 40)]
    """
    if not isinstance(record, Session) or record.recommendations or not document_of(record).makes_recommendations:
        return []
    found: list[Recommendation] = []
    for section in record.sections:
        if section.heading is None or not _OPERATIVE.match(section.heading):
            continue
        prov = next((p for p in section.provenance if p.field == "text" and p.span and p.quote), None)
        if prov is None or prov.span is None or prov.quote is None:
            continue
        quote = prov.quote
        marks = list(_ITEM.finditer(quote))
        for index, mark in enumerate(marks):
            end = marks[index + 1].start() if index + 1 < len(marks) else len(quote)
            body = quote[mark.end() : end].rstrip()
            if not body:
                continue
            start = prov.span.start + mark.end()
            where = Provenance(prov.source, Span(start, start + len(body)), body, None, prov.method)
            found.append(Recommendation(" ".join(body.split()), mark.group(1), provenance=(where,)))
    return found
