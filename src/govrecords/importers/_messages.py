"""Messages documents: theme, then sub-heading, then bullets; one session per sub-heading.

IGF Messages carry no markup in plain text, so levels are read from the shape of
the lines: a short line that does not end a sentence is a heading; a heading
followed by another heading is a theme, one followed by bullets or prose is a
sub-heading. A "Theme:" label names a theme outright, and a heading the layout
found (a short line ending in a colon) is a sub-heading.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import attrs

from govrecords.importers._fields import Contact, finish_contact, read_block
from govrecords.importers._layout import Block
from govrecords.importers._lists import add_findings
from govrecords.importers._state import Draft, State, Value
from govrecords.importers._text import Line, list_marker

__all__ = ["MessageGroup", "read_messages"]

_HEADING_LIMIT = 100


@attrs.define
class MessageGroup:
    """One session to be: its sub-heading, its theme, and what was read under it."""

    title: Value | None
    theme: Value | None
    draft: Draft = attrs.field(factory=Draft)

    def empty(self) -> bool:
        """Whether nothing has been read under it."""
        draft = self.draft
        return not (
            draft.key_issues
            or draft.findings
            or draft.recommendations
            or draft.sections
            or draft.participants
            or draft.policy_questions
            or draft.runs
        )


def read_messages(state: State, blocks: Iterable[Block]) -> tuple[Value | None, list[MessageGroup]]:
    """Read a messages document: its title, and one group per sub-heading."""
    title: Value | None = None
    theme: Value | None = None
    groups = [MessageGroup(None, None)]
    contact: Contact | None = None

    def open_group(heading: Value | None) -> None:
        current = groups[-1]
        if current.empty() and current.title is None:
            current.title, current.theme = heading, theme
        else:
            if current.empty() and current.title is not None:
                empty = current.title
                state.warn("empty-field", empty.start, empty.end, f"{empty.value!r} has nothing under it")
                groups.pop()
            groups.append(MessageGroup(heading, theme))
        state.draft = groups[-1].draft

    themes: list[Value] = []

    def set_theme(value: Value) -> None:
        nonlocal theme
        theme = value
        themes.append(value)
        current = groups[-1]
        if current.empty() and current.title is None:
            current.theme = value

    state.draft = groups[-1].draft
    for block in blocks:
        if block.first_line and block.label is not None:
            line = block.lines[0]
            title = Value(state.value(line.lead, line.trail), line.lead, line.trail)
            state.forum.setdefault("forum.name", title)
            continue
        if block.label is not None and block.label.field == "theme" and block.duplicate_of is None:
            if block.hit is not None:
                state.mark(block.hit.start, block.hit.value_start)
            lines = block.value_lines()
            if not lines:
                state.warn("empty-field", block.start, block.end, "a theme label with no theme")
                continue
            theme = Value(state.value(lines[0].lead, lines[0].trail), lines[0].lead, lines[0].trail)
            themes.append(theme)
            open_group(None)
            groups[-1].theme = theme
            _outline(state, lines[1:], open_group, set_theme)
            continue
        if block.label is None and block.duplicate_of is None:
            if block.heading is not None:
                start, end = block.heading
                state.mark(start, block.head_end or end)
                open_group(Value(state.value(start, end), start, end))
            _outline(state, block.value_lines(), open_group, set_theme)
            continue
        contact = read_block(state, block, contact)

    finish_contact(state, contact)
    last = groups[-1]
    if last.empty() and last.title is not None:
        state.warn("empty-field", last.title.start, last.title.end, f"{last.title.value!r} has nothing under it")
    kept = [group for group in groups if not group.empty()]
    used = {(group.theme.start, group.theme.end) for group in kept if group.theme is not None}
    for value in themes:
        if (value.start, value.end) not in used:
            state.warn("empty-field", value.start, value.end, f"the theme {value.value!r} has nothing under it")
    return title, kept


def _heading_like(state: State, line: Line) -> bool:
    length = line.trail - line.lead
    if length > _HEADING_LIMIT or list_marker(state.text, line) is not None:
        return False
    last = state.text[line.trail - 1]
    first = state.text[line.lead]
    if last in ".;,:!?\u2026" or not (first.isupper() or first.isdigit()):
        return False
    return any(char.isalpha() for char in state.text[line.lead : line.trail])


def _outline(
    state: State, lines: Sequence[Line], open_group: Callable[[Value | None], None], set_theme: Callable[[Value], None]
) -> None:
    content = [line for line in lines if not line.blank]
    run: list[Line] = []

    def flush() -> None:
        if run:
            add_findings(state, None, state.lines_between(run[0].lead, run[-1].trail), None)
            run.clear()

    for index, line in enumerate(content):
        if not _heading_like(state, line) or (run and not _after_bullets_heading(state, content, index)):
            run.append(line)
            continue
        flush()
        value = Value(state.value(line.lead, line.trail), line.lead, line.trail)
        following = content[index + 1] if index + 1 < len(content) else None
        if following is not None and _heading_like(state, following):
            set_theme(value)
        else:
            open_group(value)
    flush()


def _after_bullets_heading(state: State, content: list[Line], index: int) -> bool:
    """A heading-like line after bullets opens a new part only if a list or another heading follows it."""
    following = content[index + 1] if index + 1 < len(content) else None
    if following is None:
        return True  # a heading-like line closing the block heads nothing: an empty sub-heading
    return list_marker(state.text, following) is not None or _heading_like(state, following)
