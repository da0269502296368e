"""Turning drafts into records: a session or workshop, and the forum that holds it.

Values are interpreted here: dates (with the forum's year as default), places,
formats and kinds. The forum is identified, when the text allows, from the IGF
meetings table (:mod:`._places`): by a year in the title ("IGF 2018 WS #436"), by
the date and place of a workshop ("24 October 2013 ... in Bali"), or by the forum
a report is sent to ("will be reported to the IGF Baku": held no later than it).
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from govrecords.dateparse import parse_when
from govrecords.dates import DateRange, PartialDate, Relation, When
from govrecords.errors import DateParseError
from govrecords.importers._outcomes import harvest
from govrecords.importers._places import KnownForum, find_forum, names_another_forum, split_place
from govrecords.importers._state import Draft, State, Value
from govrecords.importers._text import slug
from govrecords.importers._title_lines import CODE_KINDS
from govrecords.importers._vocab import find_format, find_kind
from govrecords.provenance import Provenance, SourceDocument
from govrecords.records import Forum, Place, Section, Session, Statement, Workshop
from govrecords.vocabulary import SessionKind

__all__ = ["build_forum", "build_record", "unique_id"]

_HEAD = 400
"""How far into a text a national or regional IGF named as its forum is looked for."""


def _date(state: State, draft: Draft, year: int | None) -> tuple[When | None, list[Provenance]]:
    date, time = draft.values.get("date"), draft.values.get("time")
    if date is None:
        if time is not None:
            state.warn("unparsed-date", time.start, time.end, "a time with no date")
        return None, []
    passage = date.value if time is None else f"{date.value} {time.value}"
    default = PartialDate(year) if year is not None else None
    evidence = [date] if time is None else [date, time]
    try:
        when = parse_when(passage, default=default) if len(passage) <= 200 else None
        reason = "too long to be a date"
    except DateParseError as error:
        when, reason = None, error.reason
    if when is None:
        quoted = state.quote(date.start, date.end)
        state.warn("unparsed-date", date.start, date.end, f"not read as a date ({reason}): {quoted!r}")
        if time is not None:
            state.warn("unparsed-date", time.start, time.end, "the time of a date that was not read")
        return None, []
    return when, [state.prov(v.start, v.end, "date") for v in evidence]


def _place(state: State, draft: Draft) -> tuple[Place | None, list[Provenance]]:
    place, venue = draft.values.get("place"), draft.values.get("venue")
    if place is None and venue is None:
        return None, []
    room = city = country = None
    if place is not None:
        room, city, country = split_place(place.value)
    if venue is not None:
        room = venue.value if room is None else f"{venue.value}, {room}"
    found = [value for value in (place, venue) if value is not None]
    return Place(city, country, room), [state.prov(v.start, v.end, "place") for v in found]


def _text(state: State, draft: Draft, field: str, provenance: list[Provenance]) -> str | None:
    value = draft.values.get(field)
    if value is None:
        return None
    provenance.append(state.prov(value.start, value.end, field))
    return value.value


def _runs(state: State, draft: Draft, fields: tuple[str, ...], name: str, provenance: list[Provenance]) -> str | None:
    spans = [span for field in fields for span in draft.runs.get(field, [])]
    if not spans:
        return None
    spans.sort()
    provenance.extend(state.prov(start, end, name) for start, end in spans)
    return " ".join(state.value(start, end) for start, end in spans)


def _title(state: State, draft: Draft, fallback: Value | None, provenance: list[Provenance]) -> Value:
    value = draft.values.get("title") or fallback
    if value is None or not value.value.strip():  # a title trimmed to nothing ("IGF 2018 WS #436") is none
        value = _guess_title(state)
    provenance.append(state.prov(value.start, value.end, "title"))
    return value


def _topics(state: State, title: Value, provenance: list[Provenance]) -> tuple[str, ...]:
    """The record's own topics, tagged from its title, with the passage they came from.

    A record-level tag is evidence for its topic only through the passage it was
    read from: one ``"topics"`` entry per passage (here the title's), so that a
    comparison quotes that passage and no other.
    """
    topics = state.tag(title.value)
    if topics:
        provenance.append(state.prov(title.start, title.end, "topics"))
    return topics


def _guess_title(state: State) -> Value:
    first: Value | None = None
    for line in state.lines:
        if not line.blank:
            end = min(line.trail, line.lead + 200)
            while end > line.lead and state.text[end - 1].isspace():
                end -= 1
            if first is None:  # the line as written, in case no line has a value once read
                first = Value(state.text[line.lead : end].strip(), line.lead, end)
            value = state.value(line.lead, end)
            if value.strip():
                state.warn("guessed-title", line.lead, end, "no title found; the first line is used as the title")
                return Value(value, line.lead, end)
    if first is None:  # pragma: no cover -- unreachable: a blank text is refused before records are built
        raise AssertionError("a blank text is refused before records are built")
    state.warn("guessed-title", first.start, first.end, "no title found; the first line is used as the title")
    return first


def _kind_of_id(state: State, value: Value) -> SessionKind | None:
    """The session kind a session id names ("Open Forum #27", "OF 27", "WS #12"), or None."""
    found = find_kind(state.text, value.start, value.end)
    if found is not None:
        return found[0]
    code = re.match(r"[A-Za-z]+", value.value)
    return CODE_KINDS.get(code.group().casefold()) if code is not None else None


def unique_id(wanted: str, taken: set[str]) -> str:
    """*wanted*, or *wanted* with ``-2``, ``-3``... so it is not in *taken* (which it is then added to)."""
    candidate = wanted
    number = 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    taken.add(candidate)
    return candidate


def build_record(
    state: State,
    draft: Draft,
    *,
    record_id: str | None,
    forum_id: str | None,
    year: int | None,
    fallback_title: Value | None = None,
    theme: Value | None = None,
) -> Session | Workshop:
    """Build the session or workshop a draft holds."""
    harvest(state, draft, fallback_title.value if fallback_title is not None else None)
    template = state.template
    provenance: list[Provenance] = [Provenance(state.source, method=state.method)]
    title_value = _title(state, draft, fallback_title, provenance)
    title = title_value.value
    topics = _topics(state, title_value, provenance)
    identifier = _text(state, draft, "identifier", provenance)
    if theme is not None and "theme" not in draft.values:
        draft.values["theme"] = theme
    theme_text = _text(state, draft, "theme", provenance)
    status = _text(state, draft, "status", provenance)
    notes = _runs(state, draft, ("notes",), "notes", provenance)
    when, evidence = _date(state, draft, year)
    provenance.extend(evidence)
    place, evidence = _place(state, draft)
    provenance.extend(evidence)
    kind = SessionKind(template.kind) if template.kind else None
    kind_value = draft.values.get("kind")
    id_value = draft.values.get("identifier")
    from_id = _kind_of_id(state, id_value) if id_value is not None and kind_value is None else None
    if kind_value is not None:
        found_kind = find_kind(state.text, kind_value.start, kind_value.end)
        kind = found_kind[0] if found_kind else SessionKind.OTHER
        provenance.append(state.prov(kind_value.start, kind_value.end, "kind"))
    elif from_id is not None:
        kind = from_id  # "Open Forum #27", "OF 27": the session id names its kind
        assert id_value is not None  # from_id is read from it
        provenance.append(state.prov(id_value.start, id_value.end, "kind"))
    fmt = format_wording = None
    format_value = draft.values.get("format")
    if format_value is not None:
        found_format = find_format(state.text, format_value.start, format_value.end)
        fmt = found_format[0] if found_format else None
        format_wording = format_value.value
        provenance.append(state.prov(format_value.start, format_value.end, "format_wording"))
        if fmt is None and kind_value is None and from_id is None:
            found_kind = find_kind(state.text, format_value.start, format_value.end)
            kind = found_kind[0] if found_kind else kind
    common: dict[str, Any] = {
        "title": title,
        "forum": forum_id,
        "identifier": identifier,
        "format": fmt,
        "format_wording": format_wording,
        "date": when,
        "place": place,
        "theme": theme_text,
        "notes": notes,
        "topics": topics,
    }
    wanted = record_id or slug(title) or "record"
    if template.produces == "workshop":
        description = _runs(state, draft, ("description", "summary"), "description", provenance)
        sections = _workshop_leftovers(state, draft)
        return Workshop(
            id=wanted,
            kind=kind or SessionKind.WORKSHOP,
            organisers=tuple(draft.participants),
            description=description,
            issues=tuple(draft.key_issues),
            policy_questions=tuple(draft.policy_questions),
            status=status,
            sections=tuple(sections),
            provenance=tuple(provenance),
            **common,
        )
    summary = _runs(state, draft, ("summary", "description"), "summary", provenance)
    if status is not None:
        value = draft.values["status"]
        draft.sections.append(Section("Status", status, (state.prov(value.start, value.end, "text"),)))
    return Session(
        id=wanted,
        kind=kind,
        participants=tuple(draft.participants),
        summary=summary,
        key_issues=tuple(draft.key_issues),
        policy_questions=tuple(draft.policy_questions),
        findings=tuple(draft.findings),
        recommendations=tuple(draft.recommendations),
        sections=tuple(draft.sections),
        provenance=tuple(provenance),
        **common,
    )


def _workshop_leftovers(state: State, draft: Draft) -> list[Section]:
    """A workshop has no findings or recommendations: keep any that were read as sections."""
    sections = list(draft.sections)
    for finding in draft.findings:
        draft.key_issues.append(Statement(finding.text, topics=finding.topics, provenance=finding.provenance[:1]))
    sections.extend(
        Section("Recommendation", rec.text, tuple(p for p in rec.provenance if p.field is None))
        for rec in draft.recommendations
    )
    return sections


def build_forum(
    state: State,
    source: SourceDocument,
    *,
    forum_id: str | None,
    date: When | None,
    place: Place | None,
    place_value: Value | None,
    date_evidence: tuple[Provenance, ...] = (),
) -> tuple[Forum, str]:
    """The forum the records belong to, and its id (also set on the records)."""
    values = state.forum
    provenance: list[Provenance] = []
    known: KnownForum | None = None
    notes: str | None = None
    year = _year(values.get("forum.year"))
    if year is not None:
        known = find_forum(year=year)
        if known is not None:
            year_value = values["forum.year"]
            provenance.append(state.prov(year_value.start, year_value.end, "edition"))
            notes = f"Identified as {known.name} from the year the text gives."
    name = values.get("forum.name")
    if known is None and name is not None:
        known = find_forum(name=name.value)
        if known is not None:
            provenance.append(state.prov(name.start, name.end, "name"))
            notes = f"Identified as {known.name} from the name the text gives."
    if known is None and date is not None and place is not None and place.city and place_value is not None:
        first = date.start if isinstance(date, DateRange) else date
        candidate = find_forum(year=first.year, city=place.city) if first is not None else None
        if candidate is not None and date.relation(candidate.dates) in (Relation.WITHIN, Relation.EQUAL):
            known = candidate
            provenance.append(state.prov(place_value.start, place_value.end, "place"))
            notes = f"Identified as {known.name} from the date and place the text gives."
    series = state.template.series
    if series == "IGF" and known is None and names_another_forum(state.text[:_HEAD]):
        series = None  # a global IGF template read a national or regional IGF's page ("UKIGF 2013")
    edition: int | None = None
    if known is None and date is not None and series is not None:
        first = date.start if isinstance(date, DateRange) else date
        evidence = [p for p in date_evidence if p.span is not None]
        if first is not None and series == "IGF":
            candidate = find_forum(year=first.year)
            if candidate is not None and date.relation(candidate.dates) in (Relation.WITHIN, Relation.EQUAL):
                known = candidate
                provenance.extend(attrs.evolve(p, field="dates") for p in evidence)
                notes = f"Identified as {known.name}: an IGF document dated within its dates."
        elif first is not None:
            edition = first.year
            provenance.extend(attrs.evolve(p, field="edition") for p in evidence)
    reports = values.get("forum.reports_to")
    reports_to: str | None = None
    bound: KnownForum | None = None
    if reports is not None:
        provenance.append(state.prov(reports.start, reports.end, "reports_to"))
        bound = find_forum(name=reports.value)
        reports_to = f"{bound.name} {bound.city}" if bound is not None else reports.value
    if known is not None:
        forum = Forum(
            forum_id or known.id,
            name=known.name,
            series="IGF",
            scope="global",
            edition=str(known.year),
            place=Place(known.city, known.country),
            dates=known.dates,
            reports_to=reports_to,
            sources=(source,),
            notes=notes,
            provenance=tuple(provenance),
        )
        return forum, forum.id
    dates: When | None = None
    if bound is not None:
        dates = DateRange(None, bound.dates.end)
        notes = (
            f"The text names no forum; its outcome is reported to {bound.name} {bound.city} "
            f"(held until {bound.dates.end}), so the forum was held no later than that."
        )
    if edition is not None and series is not None and name is None and bound is None:
        wanted = forum_id or f"{slug(series)}-{edition}"
        forum = Forum(
            wanted,
            name=f"{series} {edition}",
            series=series,
            edition=str(edition),
            reports_to=reports_to,
            sources=(source,),
            notes=f"The {series} meeting of {edition}, from the template and the date the text gives.",
            provenance=tuple(provenance),
        )
        return forum, forum.id
    if name is not None:
        provenance.append(state.prov(name.start, name.end, "name"))
    made_up = slug(name.value) if name is not None else ""
    wanted = forum_id or (f"unnamed-forum-before-{bound.id}" if bound else made_up or f"unnamed-forum-{source.id}")
    forum = Forum(
        wanted,
        name=name.value if name else None,
        series=series,
        dates=dates,
        reports_to=reports_to,
        sources=(source,),
        notes=notes,
        provenance=tuple(provenance),
    )
    return forum, forum.id


def _year(value: Value | None) -> int | None:
    if value is None or not value.value.isdigit() or len(value.value) != 4:
        return None
    return int(value.value)


def forum_year(state: State) -> int | None:
    """The forum's year, when the text gives one (a default for dates without a year)."""
    return _year(state.forum.get("forum.year"))
