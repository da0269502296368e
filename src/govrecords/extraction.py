r"""Documents in: the text of a PDF, an HTML page or a Word (.docx) file, in reading order.

:func:`extract` turns a document's bytes into an :class:`Extraction`: the text
the importers read, the SHA-256 of the original file, and :class:`Locator`\ s
that say which page (PDF) or which element (a heading, a list item, a table row
of HTML or .docx) each passage of the text came from. The importers treat the
extracted text as the source: every span of an import from a document slices
:attr:`Extraction.text`, and :meth:`Extraction.locate` turns a span back into
the page or element to cite.

Layout is kept as text layout: each paragraph, heading, list item and table row
is a paragraph of its own (separated by a blank line); list items start with
``-`` (or ``1.`` in a numbered list); table cells are separated by a tab. A PDF
page's lines are joined into paragraphs where the gap between lines is no wider
than the line height.

The readers are optional extras, imported only when a document of their kind is
read: ``pip install 'govrecords[pdf]'`` (pypdf) and ``pip install
'govrecords[docx]'`` (python-docx). HTML is read with the standard library.
Without the extra, :class:`~govrecords.errors.MissingExtraError` names it.

>>> from govrecords.extraction import extract
>>> page = b"<html><body><h1>Session report</h1><ul><li>Open data</li><li>Privacy</li></ul></body></html>"
>>> found = extract(page, name="report.html")
>>> print(found.text)
Session report
<BLANKLINE>
- Open data
<BLANKLINE>
- Privacy
<BLANKLINE>
>>> found.kind, found.locate(found.text.index("Privacy")).label
('html', 'li 2')
"""

from __future__ import annotations

import hashlib
import html.parser
import io
import re
from collections.abc import Callable, Sequence
from typing import Any, Literal

import attrs
from attrs.validators import deep_iterable, in_, instance_of

from govrecords.errors import ImportFailedError, MissingExtraError
from govrecords.provenance import Span

__all__ = ["KINDS", "Extraction", "Locator", "extract", "kind_of"]

Kind = Literal["pdf", "html", "docx", "text"]

KINDS: tuple[Kind, ...] = ("pdf", "html", "docx", "text")
"""The kinds of document :func:`extract` reads."""

_SUFFIXES: dict[str, Kind] = {
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".docx": "docx",
}


@attrs.frozen
class Locator:
    """Where in the original document a passage of the extracted text came from.

    Args:
        span: The passage of :attr:`Extraction.text`.
        label: The page (``"page 2"``) or the element (``"h2 1"``, ``"li 3"``,
            ``"table 1 row 2"``, ``"p 14"``), counted from 1 in document order.
    """

    span: Span = attrs.field(validator=instance_of(Span))
    label: str = attrs.field(validator=instance_of(str))


@attrs.frozen
class Extraction:
    """A document's text as the importers read it, and where each passage came from.

    Args:
        text: The text extracted, in reading order.
        kind: ``"pdf"``, ``"html"``, ``"docx"`` or ``"text"``.
        sha256: The SHA-256 of the original file's bytes (not of the text).
        locators: The page or element of each passage, in text order.
        name: The file's name, if known.
    """

    text: str = attrs.field(repr=False, validator=instance_of(str))
    kind: Kind = attrs.field(validator=in_(KINDS))
    sha256: str = attrs.field(validator=instance_of(str))
    locators: tuple[Locator, ...] = attrs.field(
        default=(), repr=False, validator=deep_iterable(instance_of(Locator), instance_of(tuple))
    )
    name: str | None = attrs.field(default=None)

    def locate(self, at: int | Span) -> Locator | None:
        """The locator of the passage holding character *at* (or a span's start), or None."""
        offset = at.start if isinstance(at, Span) else at
        return next((found for found in self.locators if found.span.start <= offset < found.span.end), None)

    def note(self) -> str:
        """A one-line description for the source document's note: the original file and its hash."""
        name = f" {self.name}" if self.name else ""
        return f"text extracted by govrecords from the {self.kind.upper()} file{name} (sha256 {self.sha256})"


def kind_of(data: bytes, name: str | None = None) -> Kind:
    """The kind of document *data* is: by its first bytes, else by the suffix of *name*.

    >>> kind_of(b"%PDF-1.4 ..."), kind_of(b"<!DOCTYPE html><p>hi"), kind_of(b"Session Name:")
    ('pdf', 'html', 'text')
    """
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if data.startswith(b"%PDF-"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith((b"<!doctype html", b"<html")) or (head.startswith(b"<?xml") and b"<html" in head):
        return "html"
    suffix = (name or "").lower()
    for end, kind in _SUFFIXES.items():
        if suffix.endswith(end):
            return kind
    return "text"


class _Builder:
    """Paragraphs joined by blank lines, each remembered with its locator."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.locators: list[Locator] = []

    def add(self, paragraph: str, label: str) -> None:
        paragraph = paragraph.strip()
        if not paragraph:
            return
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.locators.append(Locator(Span(self.length, self.length + len(paragraph)), label))
        self.parts.append(paragraph)
        self.length += len(paragraph)

    def text(self) -> str:
        return "".join(self.parts) + ("\n" if self.parts else "")


_SPACES = re.compile(r"[ \t\r\n\f\v]+")


def _require(module: str, extra: str, kind: str) -> Any:
    import importlib  # here, not at the top: the readers are optional extras

    try:
        return importlib.import_module(module)
    except ImportError:
        raise MissingExtraError(extra, f"reading a {kind} file") from None


# ---------------------------------------------------------------------------
# HTML.

_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav",
    "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})  # fmt: skip
_SKIPPED = frozenset({"script", "style", "template", "noscript", "head", "title", "svg", "iframe", "object"})
_VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)


class _HTMLText(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = _Builder()
        self.skipping: list[str] = []
        self.buffer: list[str] = []
        self.label = "text 1"
        self.counts: dict[str, int] = {}
        self.lists: list[list[int | None]] = []  # per open list: [next number or None for bullets]
        self.row: list[str] | None = None
        self.cell: list[str] | None = None
        self.tables = 0
        self.rows = 0
        self.pre = 0

    def _count(self, tag: str) -> str:
        self.counts[tag] = self.counts.get(tag, 0) + 1
        return f"{tag} {self.counts[tag]}"

    def end_cell(self) -> None:
        if self.cell is not None and self.row is not None:
            self.row.append(_SPACES.sub(" ", "".join(self.cell)).strip())
        self.cell = None

    def end_row(self) -> None:
        self.end_cell()
        if self.row is not None and any(self.row):
            self.out.add("\t".join(self.row), f"table {max(self.tables, 1)} row {self.rows}")
        self.row = None

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if not self.pre:
            text = _SPACES.sub(" ", text)
        if text.strip():
            self.out.add(text, self.label)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag in _SKIPPED:
            self.skipping.append(tag)
            return
        if tag == "br":
            self.buffer.append("\n" if self.pre else " ")
            return
        if self.cell is not None and tag not in ("td", "th", "tr", "table"):
            return  # a table cell's inner blocks are part of the cell
        if tag not in _BLOCKS:
            return
        self.flush()
        if tag == "table":
            self.tables += 1
            self.rows = 0
        elif tag == "tr":
            self.end_row()  # a row left open by the page ends where the next begins
            self.rows += 1
            self.row = []
        elif tag in ("td", "th"):
            self.end_cell()
            self.cell = []
        elif tag in ("ul", "ol"):
            self.lists.append([1 if tag == "ol" else None])
        elif tag == "li":
            self.label = self._count("li")
            if self.lists and self.lists[-1][0] is not None:
                number = self.lists[-1][0]
                self.buffer.append(f"{number}. ")
                self.lists[-1][0] = number + 1
            else:
                self.buffer.append("- ")
        elif tag == "pre":
            self.pre += 1
            self.label = self._count(tag)
        else:
            self.label = self._count(tag)

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if self.skipping[-1] == tag:
                self.skipping.pop()
            return
        if tag in ("td", "th") and self.cell is not None:
            self.end_cell()
            return
        if tag in ("tr", "table") and self.row is not None:
            self.end_row()
            return
        if self.cell is not None or tag not in _BLOCKS:
            return
        self.flush()
        if tag in ("ul", "ol") and self.lists:
            self.lists.pop()
        if tag == "pre" and self.pre:
            self.pre -= 1

    def handle_data(self, data: str) -> None:
        if self.skipping:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.row is None:
            self.buffer.append(data)


def _html(data: bytes) -> _Builder:
    match = re.search(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_-]+)""", data[:4096], re.IGNORECASE)
    encoding = match.group(1).decode("ascii") if match else "utf-8"
    try:
        text = data.decode(encoding, "replace")
    except LookupError:
        text = data.decode("utf-8", "replace")
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.out


# ---------------------------------------------------------------------------
# Word (.docx).


def _docx(data: bytes) -> _Builder:
    docx = _require("docx", "docx", ".docx")
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as error:  # noqa: BLE001 -- python-docx raises many kinds for a broken file
        raise ImportFailedError(f"not a readable .docx file: {error}") from None
    out = _Builder()
    counts: dict[str, int] = {}
    numbers: dict[str, int] = {}
    tables = 0
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            paragraph = docx.text.paragraph.Paragraph(child, document)
            style = (paragraph.style.name if paragraph.style is not None else "") or ""
            text = paragraph.text
            lowered = style.lower()
            if lowered.startswith("heading") or lowered == "title":
                kind = "h" + (lowered.removeprefix("heading").strip() or "1") if lowered != "title" else "title"
            elif "list" in lowered:
                kind = "li"
                if "number" in lowered:
                    numbers[style] = numbers.get(style, 0) + 1
                    text = f"{numbers[style]}. {text}"
                else:
                    text = f"- {text}"
            else:
                kind = "p"
                numbers.clear()
            counts[kind] = counts.get(kind, 0) + 1
            out.add(text, f"{kind} {counts[kind]}")
        elif tag == "tbl":
            tables += 1
            table = docx.table.Table(child, document)
            for number, row in enumerate(table.rows, 1):
                cells = [" ".join(cell.text.split()) for cell in row.cells]
                # a merged cell is listed once per grid column it spans: its XML element tells the repeats
                tcs = [cell._tc for cell in row.cells]
                unique = [text for index, text in enumerate(cells) if not index or tcs[index] is not tcs[index - 1]]
                if any(unique):
                    out.add("\t".join(unique), f"table {tables} row {number}")
    return out


# ---------------------------------------------------------------------------
# PDF.


def _pdf(data: bytes) -> _Builder:
    pypdf = _require("pypdf", "pdf", "PDF")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        pages = list(reader.pages)
    except Exception as error:  # noqa: BLE001 -- pypdf raises many kinds for a broken file
        raise ImportFailedError(f"not a readable PDF file: {error}") from None
    out = _Builder()
    for number, page in enumerate(pages, 1):
        for paragraph in _pdf_paragraphs(page):
            out.add(paragraph, f"page {number}")
    return out


def _pdf_paragraphs(page: Any) -> list[str]:
    """A page's text as paragraphs: lines closer than 1.5 line heights are one paragraph."""
    lines: list[tuple[float, float, list[str]]] = []  # (y, font size, chunks)

    def visit(text: str, cm: Sequence[float], tm: Sequence[float], font: object, size: float) -> None:
        y = tm[5] * cm[3] + cm[5]
        height = abs(size * (tm[3] or 1) * (cm[3] or 1)) or 12.0
        if lines and abs(lines[-1][0] - y) < height / 2:
            lines[-1][2].append(text)
        elif text.strip():
            lines.append((y, height, [text]))

    visitor: Callable[..., None] = visit
    try:
        plain = page.extract_text(visitor_text=visitor)
    except Exception as error:  # noqa: BLE001 -- pypdf raises many kinds for a broken page
        raise ImportFailedError(f"a PDF page cannot be read: {error}") from None
    if not lines:
        return [" ".join(part.split()) for part in re.split(r"\n\s*\n", plain or "") if part.strip()]
    paragraphs: list[list[str]] = []
    previous: tuple[float, float] | None = None
    for y, height, chunks in lines:
        line = " ".join("".join(chunks).split())
        if not line:
            continue
        if previous is not None and abs(previous[0] - y) <= 1.5 * max(height, previous[1]):
            paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
        previous = (y, height)
    return [_join(lines) for lines in paragraphs]


def _join(lines: list[str]) -> str:
    """Join a paragraph's lines; a word hyphenated across a line end is joined back."""
    out = lines[0]
    for line in lines[1:]:
        if out.endswith("-") and len(out) > 1 and out[-2].isalpha() and line[:1].islower():
            out = out[:-1] + line
        else:
            out += " " + line
    return out


def extract(data: bytes, *, kind: Kind | None = None, name: str | None = None) -> Extraction:
    """The text of a document's bytes, in reading order, with its locators.

    Args:
        data: The file's bytes.
        kind: ``"pdf"``, ``"html"``, ``"docx"`` or ``"text"``; None to tell from
            the bytes and *name* (:func:`kind_of`).
        name: The file's name (for its suffix and the source's note).

    Returns:
        The text, the original's hash and the locators. A ``"text"`` file is
        decoded as UTF-8 and has no locators.

    Raises:
        MissingExtraError: The optional library for this kind is not installed
            (the message names the extra to install).
        ImportFailedError: The file is not a readable document of its kind, or
            holds no text (a scanned PDF without a text layer).
    """
    kind = kind or kind_of(data, name)
    sha256 = hashlib.sha256(data).hexdigest()
    if kind == "text":
        return Extraction(data.decode("utf-8", "replace"), kind, sha256, (), name)
    built = {"pdf": _pdf, "html": _html, "docx": _docx}[kind](data)
    text = built.text()
    if not text.strip():
        where = f"{name}: " if name else ""
        hint = " (a scanned PDF needs OCR first)" if kind == "pdf" else ""
        raise ImportFailedError(f"{where}no text found in the {kind.upper()} file{hint}")
    return Extraction(text, kind, sha256, tuple(built.locators), name)
