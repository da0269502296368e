r"""Flattened tables of records: a header row, then one row per session.

Web pages and PDFs leave a table of reports as lines whose cells are separated
by tabs, by " | ", or by runs of spaces that line the columns up (a cell that
wraps continues on the next lines, in its own column). :func:`first_row` finds
the header (a row with a number column such as "No." or "ID" and a title column
such as "Title" or "Session") and reads the first record's number and title.

>>> text = "Reports\n\nNo.\tSession\tOrganiser\n1\tOpen data for towns\tCity Lab\n"
>>> row = first_row(text)
>>> row is not None and (row.title, text[row.number[0] : row.number[1]])
('Open data for towns', '1')
"""

from __future__ import annotations

import re

import attrs

__all__ = ["Row", "first_row"]

_NUMBER_COLUMN = frozenset({"no", "no.", "nr", "nr.", "id", "#", "number", "ref", "ref."})
_ID_COLUMN = frozenset({"id", "ref", "ref.", "code", "session id", "ws"})
_TITLE_COLUMN = frozenset(
    {"title", "session", "workshop", "session title", "workshop title", "name of session", "topic"}
)
_SPACES = re.compile(r"\S+(?: \S+)*")  # a cell of a space-aligned row: words with single spaces between them
HEADER_LINES = 40
"""How many lines from the start the header row is looked for in."""


@attrs.frozen
class Row:
    """The first record of a table: its number's span, its title, and the span the title's pieces cover."""

    number: tuple[int, int]
    title: str
    title_span: tuple[int, int]
    is_id: bool = False
    """Whether the number column is an id the forum gives ("ID", "Ref"), not a row count ("No.")."""


def _cells(line: str, mode: str) -> list[tuple[int, int]]:
    """The cells of a line as (start, end) offsets within it, blanks trimmed."""
    if mode == "spaces":
        return [(m.start(), m.end()) for m in _SPACES.finditer(line)]
    separator = "\t" if mode == "tabs" else "|"
    out: list[tuple[int, int]] = []
    at = 0
    for part in line.split(separator):
        start = at + len(part) - len(part.lstrip())
        end = at + len(part.rstrip())
        out.append((start, max(start, end)))
        at += len(part) + 1
    if mode == "pipes":
        out = [cell for index, cell in enumerate(out) if not (index in (0, len(out) - 1) and cell[0] == cell[1])]
    return out


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    at = 0
    for line in text.splitlines(keepends=True)[: HEADER_LINES + 200]:
        out.append((at, line.rstrip("\r\n")))
        at += len(line)
    return out


def first_row(text: str) -> Row | None:
    """The first record of a flattened table of records, or None when the text holds no such table."""
    lines = _lines(text)
    for index, (_, line) in enumerate(lines[:HEADER_LINES]):
        mode = "tabs" if "\t" in line.strip() else "pipes" if line.count("|") >= 2 else "spaces"
        cells = _cells(line, mode)
        if len(cells) < 3:
            continue
        names = [line[s:e].strip().lower() for s, e in cells]
        number_col = next((i for i, name in enumerate(names) if name in _NUMBER_COLUMN), None)
        title_col = next((i for i, name in enumerate(names) if name in _TITLE_COLUMN), None)
        if number_col is None or title_col is None:
            continue
        is_id = names[number_col] in _ID_COLUMN
        if mode == "spaces":
            aligned = _aligned_row(lines, index, cells, number_col, title_col)
            return attrs.evolve(aligned, is_id=is_id) if aligned is not None else None
        for row_offset, row in lines[index + 1 :]:  # the first row with a number in its number column
            row_cells = _cells(row, mode)
            if len(row_cells) < max(number_col, title_col) + 1:
                continue
            number = row_cells[number_col]
            title = row_cells[title_col]
            if not re.fullmatch(r"\d{1,4}\.?", row[number[0] : number[1]]) or title[1] <= title[0]:
                continue
            return Row(
                (row_offset + number[0], row_offset + number[1]),
                row[title[0] : title[1]],
                (row_offset + title[0], row_offset + title[1]),
                is_id,
            )
        return None
    return None


def _aligned_row(
    lines: list[tuple[int, str]], header: int, cells: list[tuple[int, int]], number_col: int, title_col: int
) -> Row | None:
    """The first row of a table whose columns are lined up with spaces, its title cell wrapping over lines."""
    title_start = cells[title_col][0]
    title_end = cells[title_col + 1][0] if title_col + 1 < len(cells) else None
    number_start = cells[number_col][0]
    found: Row | None = None
    pieces: list[tuple[int, int]] = []
    number: tuple[int, int] | None = None
    for offset, line in lines[header + 1 :]:
        head = line[number_start:title_start].strip()
        if number is None:
            match = re.match(r"\s*(\d{1,4})\b", line[number_start:title_start]) if len(line) > number_start else None
            if match is None:
                continue
            number = (offset + number_start + match.start(1), offset + number_start + match.end(1))
        elif head or not line.strip():
            break  # the next row, or the blank line after this one
        cell = line[title_start:title_end] if title_end is not None else line[title_start:]
        if cell.strip():
            start = title_start + len(cell) - len(cell.lstrip())
            pieces.append((offset + start, offset + start + len(cell.strip())))
    if number is not None and pieces:
        words = " ".join(_text_of(lines, piece) for piece in pieces)
        found = Row(number, words, (pieces[0][0], pieces[-1][1]))
    return found


def _text_of(lines: list[tuple[int, str]], span: tuple[int, int]) -> str:
    for offset, line in lines:
        if offset <= span[0] <= offset + len(line):
            return line[span[0] - offset : span[1] - offset]
    return ""
