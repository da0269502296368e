"""Filling the fields a template's labels left empty with the layout-free recognisers.

After the blocks are read, :func:`fill_fields` looks at the draft: a title taken
from the first line (or none at all) is chosen again among the first lines
(:func:`~._titles.choose_title`), and cut of session-id and status suffixes;
an empty identifier, date or city is read wherever the text gives it
(:mod:`._titles`, :mod:`._dates`, :mod:`._cities`). Every value so read carries its span, and a
``guessed-value`` or ``guessed-title`` warning says it was not read under a label.
"""

from __future__ import annotations

from govrecords.dates import DateRange, PartialDate
from govrecords.importers._cities import find_city
from govrecords.importers._dates import find_date, normalise_when
from govrecords.importers._identifiers import find_identifier, find_session_year
from govrecords.importers._layout import Layout
from govrecords.importers._places import split_place
from govrecords.importers._state import Draft, State, Value
from govrecords.importers._tables import first_row
from govrecords.importers._title_lines import title_rejection
from govrecords.importers._titles import choose_title, trim_title

__all__ = ["fill_fields", "trimmed_title"]


def fill_fields(state: State, layout: Layout, *, draft: Draft | None = None) -> None:
    """Fill the draft's empty title, identifier, date and place from anywhere in the text.

    With *draft* (the first session of a messages document), only the date and
    the place: a messages document's sessions take their titles from its headings.
    """
    if draft is None:
        _title(state, layout)
        draft = state.draft
    values = draft.values
    text = state.text
    if "identifier" not in values and draft is state.draft:
        found = find_identifier(text)
        if found is not None:
            start, end = found
            values["identifier"] = Value(state.value(start, end), start, end)
            quoted = state.quote(start, end)
            state.warn("guessed-value", start, end, f"session id read from the title lines: {quoted!r}")
    if "date" not in values:
        date = find_date(text)
        if date is not None:
            start, end, when, guessed = date
            wording = state.value(start, end)
            first = when.start if isinstance(when, DateRange) else when
            year = first.year if first is not None else None
            default = PartialDate(year) if guessed and year is not None else None
            value = normalise_when(wording, default) or wording
            if default is not None:
                value = f"{value} {year}"  # the year the document names completes the date
            values["date"] = Value(value, start, end)
            time = values.get("time")
            if time is not None and time.start < end and start < time.end:
                values["time"] = Value("", time.start, time.end, time.heading)  # the date passage holds it
            what = (
                f"a date without a year, completed with the year the document names ({year})"
                if guessed
                else "the meeting's date, read outside any date label"
            )
            state.warn("guessed-value", start, end, f"{what}: {state.quote(start, end)!r}")
        elif state.template.produces == "session" and (year_span := find_session_year(text)) is not None:
            # a held session's forum year; a proposal or workshop page (a Workshop) is dated by no one
            start, end = year_span
            values["date"] = Value(state.value(start, end), start, end)
            state.warn("guessed-value", start, end, "no date stated; the year of the session id's forum is used")
    _normalise_date(state, values)
    place = values.get("place")
    city = split_place(place.value)[1] if place is not None else None
    if (city is None and "venue" not in values) or (place is not None and city is None):
        found = find_city(text)
        if found is not None:
            start, end = found
            if place is not None:
                values["venue"] = place
            values["place"] = Value(state.value(start, end), start, end)
            state.warn("guessed-value", start, end, f"the meeting's city, read from {state.quote(start, end)!r}")


def trimmed_title(state: State, title: Value | None) -> Value | None:
    """A document's title without its status stamp or session-id suffix ("(draft for community review)")."""
    if title is None:
        return None
    start, end = trim_title(state.text, title.start, title.end)
    if (start, end) == (title.start, title.end) or end <= start:
        return title
    _dropped(state, title.start, start, title.end, end)
    return Value(state.value(start, end), start, end, title.heading)


def _title(state: State, layout: Layout) -> None:
    values = state.draft.values
    current = values.get("title")
    from_first = current is not None and current.start == layout.first_line_lead
    if current is not None and not from_first:
        start, end = trim_title(state.text, current.start, current.end)
        if (start, end) != (current.start, current.end) and end > start:
            values["title"] = Value(state.value(start, end), start, end, current.heading)
            _dropped(state, current.start, start, current.end, end)
        return
    if state.template.table and _table_row(state, current):
        return
    chosen = choose_title(state.text)
    if chosen is None:
        return
    start, end, skipped = chosen
    if current is not None and (start, end) == (current.start, current.end):
        return
    values["title"] = Value(state.value(start, end), start, end)
    if current is not None and not (current.start <= start and end <= current.end):
        why = title_rejection(state.text[current.start : current.end]) or "not the title"
        quoted = state.quote(current.start, current.end)
        state.warn("boilerplate", current.start, current.end, f"not the title ({why}): {quoted!r}")
    elif current is not None:
        _dropped(state, current.start, start, current.end, end)
    note = f"; {skipped} line(s) above passed over as banners, datelines or labels" if skipped else ""
    state.warn("guessed-title", start, end, f"no title label; chosen among the first lines{note}")


def _table_row(state: State, current: Value | None) -> bool:
    """Take the title (and the id) of a table of records from its first row; whether one was found."""
    row = first_row(state.text)
    if row is None:
        return False
    values = state.draft.values
    start, end = row.title_span
    values["title"] = Value(row.title, start, end)
    state.warn("guessed-title", start, end, f"the title of the table's first record: {row.title!r}")
    if current is not None and not (current.start <= start and end <= current.end):
        quoted = state.quote(current.start, current.end)
        state.warn("boilerplate", current.start, current.end, f"not the title (a table's caption): {quoted!r}")
    if row.is_id and "identifier" not in values:
        values["identifier"] = Value(state.value(*row.number), *row.number)
        state.warn("guessed-value", row.number[0], row.number[1], "the session id of the table's first record")
    return True


def _dropped(state: State, old_start: int, start: int, old_end: int, end: int) -> None:
    """Warn about what trimming cut from a title (a session id, a year, a status stamp)."""
    for cut_start, cut_end in ((old_start, start), (end, old_end)):
        if not state.text[cut_start:cut_end].strip(" \t-\u2013\u2014|:,"):
            state.mark(cut_start, cut_end)  # punctuation between a title and what was cut: structure
            continue
        quoted = state.quote(cut_start, cut_end)
        what = f"cut from the title (a session id, year or status): {quoted!r}"
        state.warn("boilerplate", cut_start, cut_end, what)


def _normalise_date(state: State, values: dict[str, Value]) -> None:
    """Give a labelled date (and time) the wording the date reader takes, keeping its span.

    "14.30 - 16.00" is a time range; "Tuesday, 13 November 2018 - 10:10 to 11:40"
    a day and its time range. The record keeps quoting the text as it is.
    """
    date, time = values.get("date"), values.get("time")
    if date is None:
        return
    passage = date.value if time is None else f"{date.value} {time.value}"
    fixed = normalise_when(passage)
    if fixed is None or fixed == passage:
        return
    values["date"] = Value(fixed, date.start, date.end, date.heading)
    if time is not None:
        values["time"] = Value("", time.start, time.end, time.heading)  # read into the date; its span stays
