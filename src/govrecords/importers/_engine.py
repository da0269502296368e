"""One import, from text to :class:`~govrecords.importers.ImportResult`.

The steps: refuse what cannot be imported at all (a blank text, a lone
surrogate, a text over the size limit) with :class:`~govrecords.errors.ImportFailedError`
naming the line and column; cut the text into blocks (:mod:`._layout`); read each
block into the record being drafted (:mod:`._fields`, :mod:`._messages`); build the
records and the forum (:mod:`._records`). Every step is linear in the text.
"""

from __future__ import annotations

import functools
import re

import attrs

from govrecords._version import __version__
from govrecords.importers._fields import Contact, finish_contact, read_block, read_pattern
from govrecords.importers._gaps import fill_fields, trimmed_title
from govrecords.importers._label_match import Matcher
from govrecords.importers._layout import Layout
from govrecords.importers._lists import strip_blanks
from govrecords.importers._messages import MessageGroup, read_messages
from govrecords.importers._people import find_people
from govrecords.importers._records import build_forum, build_record, forum_year, unique_id
from govrecords.importers._refuse import refuse
from govrecords.importers._result import ImportIssue, ImportResult
from govrecords.importers._state import Draft, State
from govrecords.importers._template import Template
from govrecords.importers._text import split_lines
from govrecords.provenance import Method, MethodKind, SourceDocument
from govrecords.records import Session, Workshop
from govrecords.taxonomy import Taxonomy

__all__ = ["TOOL", "refuse", "run"]

TOOL = "govrecords.importers"
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


@functools.lru_cache(maxsize=64)
def matcher_for(template: Template) -> Matcher:
    """The label index of a template (built once per template)."""
    return Matcher(template)


def run(
    text: str,
    template: Template,
    *,
    source: SourceDocument,
    taxonomy: Taxonomy,
    record_id: str | None,
    forum_id: str | None,
    confidence: float,
    detected: bool,
    issues: tuple[ImportIssue, ...] = (),
    fell_back: bool = False,
) -> ImportResult:
    """Import *text* with *template* (already checked by :func:`refuse`)."""
    lines = split_lines(text)
    method = Method(MethodKind.IMPORTER, TOOL, __version__, template.name)
    state = State(text, lines, template, source.id, method, taxonomy)
    state.issues.extend(issues)
    if fell_back:
        opening = next(line for line in lines if not line.blank)
        state.warn(
            "low-confidence",
            opening.lead,
            opening.trail,
            f"no template fits this text well (best confidence {confidence:.2f}); "
            f"read with the '{template.name}' template",
        )
    control = _CONTROL.search(text)
    if control is not None:
        count = len(_CONTROL.findall(text))
        what = f"{count} control character(s) such as U+{ord(control.group()):04X}; kept as they are"
        state.warn("control-characters", control.start(), control.end(), what)
    layout = Layout(text, lines, template, matcher_for(template))
    for hit in layout.patterns():
        read_pattern(state, hit)

    def boilerplate(lead: int, trail: int) -> None:
        # a line the layout dropped: its warning comes before the blocks' (phase 1), whenever it is found
        state.warn("boilerplate", lead, trail, lambda: f"dropped: {state.quote(lead, trail)!r}", phase=1)

    blocks = layout.blocks(boilerplate, runs=template.produces != "messages")
    state.phase = 2
    year = None
    records: list[Session | Workshop] = []
    if template.produces == "messages":
        title, groups = read_messages(state, blocks)
        title = trimmed_title(state, title)
        if title is not None:
            state.mark(title.start, title.end)  # the document's own heading: read, whether or not a record quotes it
        if groups:
            fill_fields(state, layout, draft=groups[0].draft)
            find_people(state, groups[0].draft)
        year = forum_year(state)
        taken: set[str] = set()
        for group in groups or [MessageGroup(None, None, Draft())]:
            record = build_record(
                state,
                group.draft,
                record_id=None,
                forum_id=None,
                year=year,
                fallback_title=group.title or group.theme or title,
                theme=group.theme,
            )
            records.append(attrs.evolve(record, id=unique_id(record.id, taken)))
        if record_id is not None and len(records) == 1:
            records[0] = attrs.evolve(records[0], id=record_id)
    else:
        contact: Contact | None = None
        for block in blocks:
            contact = read_block(state, block, contact)
        finish_contact(state, contact)
        fill_fields(state, layout)
        find_people(state, state.draft)
        year = forum_year(state)
        records.append(build_record(state, state.draft, record_id=record_id, forum_id=None, year=year))
    del layout, blocks
    first = records[0]
    place_value = state.draft.values.get("place") if template.produces != "messages" else None
    forum, the_id = build_forum(
        state,
        source,
        forum_id=forum_id,
        date=first.date,
        place=first.place,
        place_value=place_value,
        date_evidence=first.provenance_of("date"),
    )
    records = [attrs.evolve(record, forum=the_id) for record in records]
    forum = attrs.evolve(
        forum,
        sessions=tuple(r for r in records if isinstance(r, Session)),
        workshops=tuple(r for r in records if isinstance(r, Workshop)),
    )
    structure = state.structure_spans()
    del state.structure[:]  # the marks are spans now (and nothing is marked after this)

    def result() -> ImportResult:
        ordered = tuple(sorted(state.settled_issues(), key=lambda issue: (issue.span.start, issue.span.end)))
        return ImportResult(forum, source, ordered, template.name, float(confidence), detected, text, structure)

    made = result()
    gaps = made.uncovered()
    if not gaps:
        return made
    # The last net under every reader: text that no field, section or warning took is
    # reported, so that nothing the user gave is dropped without a word.
    for gap in gaps:
        start, end = strip_blanks(text, gap.start, gap.end)
        state.warn("unmapped", start, end, state.quoting("no field holds ", start, end))
    return result()
