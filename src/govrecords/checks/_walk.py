"""The walk behind :func:`govrecords.checks.check`: indexes, then one pass per record.

It reads the rules from :mod:`govrecords.checks.rules` (which documents what each
finds) and is run by :func:`govrecords.checks.check`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

import attrs

from govrecords._fold import title_words
from govrecords.checks.rules import RULES, Issue
from govrecords.dates import Relation
from govrecords.provenance import Provenance, SourceDocument, content_hash
from govrecords.records import Forum, Session, Workshop
from govrecords.serialisation.documents import to_envelope
from govrecords.taxonomy import Taxonomy, Topic, default_taxonomy
from govrecords.vocabulary import SessionKind

if TYPE_CHECKING:
    from attrs import AttrsInstance

__all__ = ["Checker"]

Path = tuple[str | int, ...]

# What forums and their documents record. Derived records (comparisons,
# timelines) restate these; their problems are those of the records they came from.
_SOURCE_RECORDS = (Forum, Session, Workshop, SourceDocument)
_LEFT_OUT = frozenset(("source", "quote"))
"""The keys of a provenance entry a document may leave out (it says them once, or in the value)."""


@attrs.define
class _Place:
    document: int
    record: int | None
    path: Path


@attrs.define
class _Context:
    place: _Place
    forum: Forum | None = None
    owner: object = None


def _same_title(a: str, b: str) -> bool:
    # Case, punctuation and spacing are editorial; the words are the title.
    return title_words(a) == title_words(b)


def _fields(record: object) -> tuple[attrs.Attribute[Any], ...]:
    fields: tuple[attrs.Attribute[Any], ...] = attrs.fields(cast("type[AttrsInstance]", type(record)))
    return fields


def _path(path: Path) -> str:
    text = "$"
    for step in path:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text


class Checker:
    """Checks records given to :func:`~govrecords.checks.check` against every rule."""

    def __init__(
        self,
        documents: Sequence[object],
        taxonomy: Taxonomy | None,
        texts: Mapping[str, str],
        names: Sequence[str] | None,
    ) -> None:
        self.entries: list[tuple[_Place, object]] = []
        for index, document in enumerate(documents):
            if isinstance(document, (list, tuple)):
                records = cast("Sequence[object]", document)
                self.entries.extend((_Place(index, i, ("record",)), r) for i, r in enumerate(records))
            else:
                self.entries.append((_Place(index, None, ("record",)), document))
        self.records = {(place.document, place.record): record for place, record in self.entries}
        self.written: dict[tuple[int, int | None], object] = {}
        self.texts = texts
        self.names = names
        self.issues: list[Issue] = []
        self.forums: dict[str, Forum] = {}
        self.workshops: dict[tuple[str | None, str], Workshop] = {}
        self.loose_sources: dict[str, SourceDocument] = {}
        topics: set[str] = set()
        found_topics = False
        for _, record in self.entries:
            if isinstance(record, Forum):
                self.forums.setdefault(record.id, record)
                for workshop in record.workshops:
                    self.workshops.setdefault((record.id, workshop.id), workshop)
            elif isinstance(record, Workshop):
                self.workshops.setdefault((record.forum, record.id), record)
            elif isinstance(record, SourceDocument):
                self.loose_sources.setdefault(record.id, record)
            elif isinstance(record, Taxonomy):
                topics.update(t.id for t in record.topics)
                found_topics = True
            elif isinstance(record, Topic):
                topics.add(record.id)
                found_topics = True
        if taxonomy is not None:
            self.taxonomy_name, self.topics = taxonomy.name, {t.id for t in taxonomy.topics}
        elif found_topics:
            self.taxonomy_name, self.topics = "given", topics
        else:
            default = default_taxonomy()
            self.taxonomy_name, self.topics = default.name, {t.id for t in default.topics}
        self.identities: dict[tuple[str, str | None, str], list[tuple[_Place, object]]] = {}

    # -- reporting

    def report(self, code: str, place: _Place, path: Path, message: str, value: object = None) -> None:
        rule = RULES[code]
        if len(path) >= 3 and path[-3] == "provenance" and path[-1] in _LEFT_OUT and not self.holds(place, path):
            path = path[:-1]  # a key the document leaves out (it says it once): the entry itself
        self.issues.append(Issue(code, rule.severity, _path(path), message, value, place.document, place.record))

    def holds(self, place: _Place, path: Path) -> bool:
        """Whether the document *place* is in, as written, holds *path* (made only when an issue asks)."""
        key = (place.document, place.record)
        if key not in self.written:
            self.written[key] = to_envelope(self.records[key])
        data = self.written[key]
        for step in path:
            if isinstance(data, dict) and step in data:
                data = cast("dict[str | int, object]", data)[step]
            elif isinstance(data, list) and isinstance(step, int) and step < len(cast("list[object]", data)):
                data = cast("list[object]", data)[step]
            else:
                return False
        return True

    def where(self, place: _Place, path: Path) -> str:
        name = self.names[place.document] if self.names is not None else f"document {place.document + 1}"
        record = "" if place.record is None else f" (record {place.record + 1})"
        return f"{name}{record} at {_path(path)}"

    # -- the walk

    def run(self) -> list[Issue]:
        for place, record in self.entries:
            if isinstance(record, _SOURCE_RECORDS):
                self.identify(record, place, place.path, None)
                self.visit(record, place.path, _Context(place))
        self.clashes()
        return self.issues

    def identify(
        self, record: Forum | Session | Workshop | SourceDocument, place: _Place, path: Path, scope: str | None
    ) -> None:
        if isinstance(record, Forum):
            self.identities.setdefault(("forum", None, record.id), []).append(
                (_Place(place.document, place.record, path), record)
            )
            for field in ("sessions", "workshops", "sources"):
                for index, inner in enumerate(getattr(record, field)):
                    self.identify(inner, place, (*path, field, index), record.id)
        else:
            kind = {Session: "session", Workshop: "workshop", SourceDocument: "source"}[type(record)]
            if scope is None and not isinstance(record, SourceDocument):
                scope = record.forum
            self.identities.setdefault((kind, scope, record.id), []).append(
                (_Place(place.document, place.record, path), record)
            )
            if isinstance(record, SourceDocument):
                text = self.texts.get(record.id)
                if text is not None and not record.matches(text):
                    self.report(
                        "GR303",
                        place,
                        (*path, "sha256"),
                        f"the text given for source {record.id!r} has sha256 {content_hash(text)[:12]}..., "
                        f"not {record.sha256[:12]}...",
                        record.sha256,
                    )

    def visit(self, value: object, path: Path, context: _Context) -> None:
        if isinstance(value, tuple):
            for index, item in enumerate(cast("tuple[object, ...]", value)):
                self.visit(item, (*path, index), context)
            return
        if not attrs.has(type(value)):
            return
        if isinstance(value, Provenance):
            self.provenance(value, path, context)
            return
        if isinstance(value, Forum):
            self.forum(value, path, context)
            context = attrs.evolve(context, forum=value)
        elif isinstance(value, Session):
            self.session(value, path, context)
        elif isinstance(value, Workshop):
            self.dated(value, path, context)
        if hasattr(value, "provenance"):
            context = attrs.evolve(context, owner=value)
        for field in _fields(value):
            inner = getattr(value, field.name)
            if field.name == "topics" and all(isinstance(topic, str) for topic in inner):
                self.topic_ids(inner, (*path, "topics"), context)
            else:
                self.visit(inner, (*path, field.name), context)

    def topic_ids(self, ids: tuple[str, ...], path: Path, context: _Context) -> None:
        for index, topic in enumerate(ids):
            if topic not in self.topics:
                self.report(
                    "GR201",
                    context.place,
                    (*path, index),
                    f"topic {topic!r} is not in the taxonomy {self.taxonomy_name!r}",
                    topic,
                )

    # -- rules by record type

    def duplicates(self, items: Iterable[Any], path: Path, field: str, what: str, context: _Context) -> None:
        seen: dict[str, int] = {}
        for index, item in enumerate(items):
            ident = item.id
            if ident is None:
                continue
            if ident in seen:
                self.report(
                    "GR101",
                    context.place,
                    (*path, field, index, "id"),
                    f"{what} id {ident!r} is already used by {_path((*path, field, seen[ident]))}",
                    ident,
                )
            else:
                seen[ident] = index

    def forum(self, forum: Forum, path: Path, context: _Context) -> None:
        self.duplicates(forum.sessions, path, "sessions", "session", context)
        self.duplicates(forum.workshops, path, "workshops", "workshop", context)
        self.duplicates(forum.sources, path, "sources", "source", context)
        for field in ("sessions", "workshops"):
            for index, inner in enumerate(getattr(forum, field)):
                if inner.forum is not None and inner.forum != forum.id:
                    self.report(
                        "GR204",
                        context.place,
                        (*path, field, index, "forum"),
                        f"names forum {inner.forum!r} but is held in forum {forum.id!r}",
                        inner.forum,
                    )

    def session(self, session: Session, path: Path, context: _Context) -> None:
        self.duplicates(session.findings, path, "findings", "finding", context)
        self.duplicates(session.recommendations, path, "recommendations", "recommendation", context)
        self.dated(session, path, context)
        if session.proposal is None:
            return
        scope = context.forum.id if context.forum is not None else session.forum
        proposal = self.workshops.get((scope, session.proposal))
        if proposal is None:
            proposal = next((w for (_, i), w in self.workshops.items() if i == session.proposal), None)
        if proposal is None:
            self.report(
                "GR202",
                context.place,
                (*path, "proposal"),
                f"names workshop {session.proposal!r}, which is not among the records given",
                session.proposal,
            )
            return
        if not _same_title(session.title, proposal.title):
            self.report(
                "GR403",
                context.place,
                (*path, "title"),
                f"the report is titled {session.title!r} but its proposal {proposal.id!r} {proposal.title!r}",
                session.title,
            )
        if session.date is not None and proposal.date is not None:
            relation = session.date.relation(proposal.date)
            if relation in (Relation.BEFORE, Relation.AFTER, Relation.OVERLAPS):
                self.report(
                    "GR404",
                    context.place,
                    (*path, "date"),
                    f"the report is dated {session.date} but its proposal {proposal.id!r} {proposal.date}",
                    str(session.date),
                )

    def dated(self, record: Session | Workshop, path: Path, context: _Context) -> None:
        forum = context.forum if context.forum is not None else self.forums.get(record.forum or "")
        if forum is None or forum.dates is None or record.date is None:
            return
        relation = record.date.relation(forum.dates)
        if relation in (Relation.EQUAL, Relation.WITHIN, Relation.CONTAINS):
            return
        what = "session" if isinstance(record, Session) else "workshop"
        message = f"the {what} is dated {record.date}, {_describe(relation)} its forum {forum.id!r} ({forum.dates})"
        outside = relation in (Relation.BEFORE, Relation.AFTER)
        code = "GR401" if outside and record.kind is not SessionKind.PRE_EVENT else "GR402"
        self.report(code, context.place, (*path, "date"), message, str(record.date))

    def provenance(self, provenance: Provenance, path: Path, context: _Context) -> None:
        owner = context.owner
        if provenance.field is not None and owner is not None:
            known = {f.name for f in _fields(owner)} - {"provenance"}
            if provenance.field not in known:
                self.report(
                    "GR304",
                    context.place,
                    (*path, "field"),
                    f"{type(owner).__name__} has no field {provenance.field!r}",
                    provenance.field,
                )
        source = self.source(provenance.source, context)
        text = self.texts.get(provenance.source)
        if source is None and text is None:
            self.report(
                "GR203",
                context.place,
                (*path, "source"),
                f"source {provenance.source!r} is not among the source documents given",
                provenance.source,
            )
        span, quote = provenance.span, provenance.quote
        if span is None:
            return
        length = len(text) if text is not None else source.length if source is not None else None
        if length is not None and span.end > length:
            self.report(
                "GR301",
                context.place,
                (*path, "span"),
                f"span {span.start}-{span.end} ends past the end of source {provenance.source!r} ({length} characters)",
                [span.start, span.end],
            )
        elif quote is not None and len(span) != len(quote):
            self.report(
                "GR302",
                context.place,
                (*path, "quote"),
                f"span {span.start}-{span.end} covers {len(span)} characters but the quote has {len(quote)}",
                quote,
            )
        elif quote is not None and text is not None and span.slice(text) != quote:
            self.report(
                "GR302",
                context.place,
                (*path, "quote"),
                f"span {span.start}-{span.end} of source {provenance.source!r} does not hold the quote",
                quote,
            )

    def source(self, ident: str, context: _Context) -> SourceDocument | None:
        forum = context.forum
        if forum is None and isinstance(context.owner, (Session, Workshop)):
            forum = self.forums.get(context.owner.forum or "")
        if forum is not None:
            for document in forum.sources:
                if document.id == ident:
                    return document
        return self.loose_sources.get(ident)

    # -- across documents

    def clashes(self) -> None:
        for (kind, scope, ident), places in self.identities.items():
            where = f"{kind} {ident!r}" + (f" of forum {scope!r}" if scope is not None and kind != "forum" else "")
            first_seen: dict[object, _Place] = {}  # each distinct record, where it first appears
            elsewhere: list[_Place] = []  # the first appearance in each of (at most) two documents
            for place, record in places:
                here = (place.document, place.record)
                earlier = next((p for p in elsewhere if (p.document, p.record) != here), None)
                same = first_seen.get(record)
                if same is not None and (same.document, same.record) != here:
                    self.report(
                        "GR103",
                        place,
                        (*place.path, "id"),
                        f"{where} is also stored, identically, in {self.where(same, same.path)}",
                        ident,
                    )
                elif same is None and earlier is not None:
                    self.report(
                        "GR102",
                        place,
                        (*place.path, "id"),
                        f"{where} is also defined, differently, in {self.where(earlier, earlier.path)}",
                        ident,
                    )
                # Otherwise it repeats an id within one record, which GR101 reports.
                first_seen.setdefault(record, place)
                if len(elsewhere) < 2 and all((p.document, p.record) != here for p in elsewhere):
                    elsewhere.append(place)


def _describe(relation: Relation) -> str:
    return {
        Relation.BEFORE: "before",
        Relation.AFTER: "after",
        Relation.OVERLAPS: "partly outside",
    }.get(relation, relation.value)
