"""An archive: the records of many imports, gathered and merged by forum.

Each import of a forum's document writes its own :class:`~govrecords.records.Forum`
record. An :class:`Archive` gathers them: records that name the same forum are
merged into one, sessions and workshops with the same id are merged into one,
and a value two imports give differently is a :class:`MergeConflict`: reported,
the value already in the archive kept, never silently overwritten.

An archive is kept in a JSON Lines file (one forum per line, then the sessions
and workshops that name no forum) or in a folder (one ``<forum id>.json`` per
forum, and ``unfiled.jsonl``); :meth:`Archive.open` and :meth:`Archive.save`
read and write both. :meth:`Archive.select` answers queries by forum, year,
topic and document kind, and what it returns is ready for
:func:`~govrecords.comparison.compare` and :func:`~govrecords.comparison.timelines.timeline`.

>>> from govrecords import Forum, Session
>>> from govrecords.archive import Archive
>>> archive = Archive()
>>> archive.add([Forum(id="f", name="Forum", sessions=(Session(id="a", title="A"),))])
()
>>> archive.add([Forum(id="f", series="IGF", sessions=(Session(id="b", title="B"),))])
()
>>> [s.id for s in archive.forum("f").sessions], archive.forum("f").series
(['a', 'b'], 'IGF')
>>> conflicts = archive.add([Forum(id="f", name="Another name")])
>>> conflicts[0].field, conflicts[0].kept, conflicts[0].offered
('name', "'Forum'", "'Another name'")
>>> archive.forum("f").name
'Forum'
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs
from attrs.validators import instance_of, optional

from govrecords.dates import DateRange, PartialDate, When
from govrecords.documents import DocumentKind, date_in_text, document_of
from govrecords.errors import MergeConflictError, Problem, ValidationError
from govrecords.provenance import SourceDocument
from govrecords.records import Forum, Session, Workshop

__all__ = ["Archive", "MergeConflict", "open_archive"]

_Record = TypeVar("_Record", Forum, Session, Workshop, SourceDocument)
_UNFILED = "unfiled.jsonl"


@attrs.frozen
class MergeConflict:
    """A value two imports give differently for one forum, session or workshop.

    Args:
        forum: The forum's id (None for a session or workshop filed under no forum).
        field: Where the value stands: ``"name"``, ``"sessions[ws-12].title"``.
        kept: The value already in the archive, which is kept (as its ``repr``).
        offered: The value the new import gives, which is not taken.
    """

    forum: str | None = attrs.field(validator=optional(instance_of(str)))
    field: str = attrs.field(validator=instance_of(str))
    kept: str = attrs.field(validator=instance_of(str))
    offered: str = attrs.field(validator=instance_of(str))

    def __str__(self) -> str:
        where = f"forum {self.forum}" if self.forum is not None else "unfiled records"
        return f"{where}: {self.field}: kept {self.kept}, not {self.offered}"

    def problem(self) -> Problem:
        """The conflict as a :class:`~govrecords.errors.Problem`."""
        where = f"{self.forum}.{self.field}" if self.forum is not None else self.field
        return Problem(where, f"two imports disagree: kept {self.kept}, not {self.offered}")


Sink = list[MergeConflict]


def _merge_tuple(
    kept: tuple[Any, ...], offered: tuple[Any, ...], forum: str | None, path: str, sink: Sink
) -> tuple[Any, ...]:
    """Both tuples' items, each once; records with an id are merged by id."""
    out: list[Any] = list(kept)
    if all(isinstance(x, (Session, Workshop, SourceDocument)) for x in (*kept, *offered)):
        return tuple(_merge_records(kept, offered, forum, path, sink))
    out += [item for item in offered if item not in kept]
    return tuple(out)


def _merge_records(kept: Sequence[Any], offered: Sequence[Any], forum: str | None, path: str, sink: Sink) -> list[Any]:
    out = list(kept)
    index = {item.id: position for position, item in enumerate(out)}
    for item in offered:
        if item.id in index:
            out[index[item.id]] = _merge(out[index[item.id]], item, forum, sink, f"{path}[{item.id}]")
        else:
            index[item.id] = len(out)
            out.append(item)
    return out


def _merge(kept: _Record, offered: _Record, forum: str | None, sink: Sink, path: str = "") -> _Record:
    """One record from two of the same id: fields the first lacks are filled, tuples joined."""
    if kept == offered:
        return kept
    changes: dict[str, Any] = {}
    for field in attrs.fields(type(kept)):
        first, second = getattr(kept, field.name), getattr(offered, field.name)
        where = f"{path}.{field.name}" if path else field.name
        if first == second or second is None or second == ():
            continue
        if isinstance(first, tuple):
            changes[field.name] = _merge_tuple(first, second, forum, where, sink)  # pyright: ignore[reportUnknownArgumentType]
        elif first is None:
            changes[field.name] = second
        else:
            sink.append(MergeConflict(forum, where, repr(first), repr(second)))
    return attrs.evolve(kept, **changes) if changes else kept


def _year_of(when: When | None) -> tuple[int, int] | None:
    if when is None:
        return None
    if isinstance(when, PartialDate):
        return when.year, when.year
    assert isinstance(when, DateRange)
    start = when.start.year if when.start is not None else None
    end = when.end.year if when.end is not None else None
    low = start if start is not None else end
    high = end if end is not None else start
    assert low is not None  # a range has at least one bound
    assert high is not None
    return low, high


@attrs.define
class Archive:
    """Records of many imports, merged by forum (see the module documentation).

    Args:
        forums: The forums, by id, in the order they were first added (an archive
            read back from a folder has them in the order of their file names).
        unfiled: Sessions and workshops that name no forum.
        sources: Source documents given as records of their own, by id.
        conflicts: Every conflict met since the archive was opened.
    """

    forums: dict[str, Forum] = attrs.field(factory=dict[str, Forum])
    unfiled: list[Session | Workshop] = attrs.field(factory=list[Session | Workshop])
    sources: dict[str, SourceDocument] = attrs.field(factory=dict[str, SourceDocument])
    conflicts: list[MergeConflict] = attrs.field(factory=list[MergeConflict])

    def add(self, records: Iterable[object], *, strict: bool = False) -> tuple[MergeConflict, ...]:
        """Add the records of one import; return the conflicts it met.

        Forums are merged with a forum of the same id; a session or workshop that
        names a forum (its ``forum`` field) goes into that forum; source documents
        are kept once by id.

        Args:
            records: Forums, sessions, workshops and source documents.
            strict: Raise on a conflict instead of keeping the archive's value; the
                archive is then left as it was.

        Raises:
            MergeConflictError: *strict*, and two imports disagree (every conflict named).
            ValidationError: Something in *records* is none of those records.
        """
        items: list[object] = list(records)
        stray = [
            Problem(f"records[{n}]", f"expected a forum, session, workshop or source, got {type(item).__name__}")
            for n, item in enumerate(items)
            if not isinstance(item, (Forum, Session, Workshop, SourceDocument))
        ]
        if stray:
            raise ValidationError(stray)
        saved = (dict(self.forums), list(self.unfiled), dict(self.sources))
        found: Sink = []
        for item in items:
            if isinstance(item, Forum):
                known = self.forums.get(item.id)
                if known is None:  # a forum new to the archive: its own repeated sessions are merged too
                    known = attrs.evolve(item, sessions=(), workshops=(), sources=())
                self.forums[item.id] = _merge(known, item, item.id, found)
            elif isinstance(item, SourceDocument):
                known_source = self.sources.get(item.id)
                self.sources[item.id] = (
                    item if known_source is None else _merge(known_source, item, None, found, item.id)
                )
            elif not isinstance(item, (Session, Workshop)):
                continue  # refused above
            elif item.forum is not None:
                forum = self.forums.get(item.forum, Forum(id=item.forum))
                if isinstance(item, Session):
                    sessions = _merge_tuple(forum.sessions, (item,), item.forum, "sessions", found)
                    self.forums[item.forum] = attrs.evolve(forum, sessions=sessions)
                else:
                    workshops = _merge_tuple(forum.workshops, (item,), item.forum, "workshops", found)
                    self.forums[item.forum] = attrs.evolve(forum, workshops=workshops)
            else:
                self.unfiled = _merge_records(self.unfiled, [item], None, "unfiled", found)
        if strict and found:
            self.forums, self.unfiled, self.sources = saved
            raise MergeConflictError([conflict.problem() for conflict in found])
        self.conflicts += found
        return tuple(found)

    def forum(self, forum_id: str) -> Forum | None:
        """The forum with this id, or None."""
        return self.forums.get(forum_id)

    def records(self) -> list[object]:
        """Everything in the archive: forums, then unfiled records, then sources."""
        return [*self.forums.values(), *self.unfiled, *self.sources.values()]

    def select(
        self,
        *,
        forums: Iterable[str] | None = None,
        year: int | None = None,
        topic: str | None = None,
        kind: DocumentKind | None = None,
    ) -> list[Forum | Session | Workshop]:
        """The forums, sessions and workshops that match every condition given.

        Args:
            forums: Forum ids; None for every forum (and the unfiled records).
            year: A year the record's date (else its forum's) falls in.
            topic: A topic id the record or one of its parts is tagged with.
            kind: The kind of document the record is taken from.

        Returns:
            Each matching forum holding only its matching sessions and workshops,
            then the matching unfiled records; ready for
            :func:`~govrecords.comparison.compare`.

        Raises:
            ValidationError: A forum id names no forum in the archive.
        """
        wanted = None if forums is None else list(forums)
        if wanted is not None:
            missing = [f for f in wanted if f not in self.forums]
            if missing:
                known = ", ".join(self.forums) or "none"
                raise ValidationError(
                    [Problem("forums", f"no forum {f!r} in the archive (forums: {known})", f) for f in missing]
                )

        def keep(record: Session | Workshop, forum: Forum | None) -> bool:
            if topic is not None and topic not in record.all_topics():
                return False
            if kind is not None and document_of(record) is not kind:
                return False
            if year is not None:
                span = (
                    _year_of(record.date)
                    or _year_of(forum.dates if forum is not None else None)
                    or _year_of(date_in_text(record)[0])
                )
                if span is None or not span[0] <= year <= span[1]:
                    return False
            return True

        out: list[Forum | Session | Workshop] = []
        for forum_id, forum in self.forums.items():
            if wanted is not None and forum_id not in wanted:
                continue
            sessions = tuple(s for s in forum.sessions if keep(s, forum))
            workshops = tuple(w for w in forum.workshops if keep(w, forum))
            if sessions or workshops:
                out.append(attrs.evolve(forum, sessions=sessions, workshops=workshops))
        if wanted is None:
            out += [record for record in self.unfiled if keep(record, None)]
        return out

    def save(self, path: str | os.PathLike[str]) -> None:
        """Write the archive: to a JSON Lines file, or to a folder (a path without a suffix, or an existing folder)."""
        from govrecords.serialisation.documents import dump  # here for start-up speed: it imports cattrs
        from govrecords.serialisation.jsonl import write_jsonl  # here for start-up speed: it imports cattrs

        target = Path(path)
        if target.is_dir() or not target.suffix:
            target.mkdir(parents=True, exist_ok=True)
            for forum_id, forum in self.forums.items():
                dump(forum, target / f"{forum_id}.json")
            loose = [*self.unfiled, *self.sources.values()]
            if loose:
                write_jsonl(loose, target / _UNFILED)
            elif (target / _UNFILED).exists():
                (target / _UNFILED).unlink()
            return
        write_jsonl(self.records(), target)

    @classmethod
    def open(cls, path: str | os.PathLike[str]) -> Archive:
        """Read an archive written by :meth:`save`; a path that does not exist is an empty archive.

        Raises:
            MergeConflictError: The files disagree about a forum (they were not written by :meth:`save`).
            ValidationError: A file does not hold valid records.
        """
        from govrecords.serialisation.documents import load  # here for start-up speed: it imports cattrs
        from govrecords.serialisation.jsonl import iter_jsonl  # here for start-up speed: it imports cattrs

        source = Path(path)
        archive = cls()
        if not source.exists():
            return archive
        if source.is_dir():
            for file in sorted(source.iterdir()):
                if file.suffix == ".json":
                    archive.add([load(file)], strict=True)
                elif file.suffix in (".jsonl", ".ndjson"):
                    archive.add(iter_jsonl(file), strict=True)
            return archive
        archive.add(iter_jsonl(source), strict=True)
        return archive


def open_archive(path: str | os.PathLike[str]) -> Archive:
    """The archive at *path* (see :meth:`Archive.open`)."""
    return Archive.open(path)
