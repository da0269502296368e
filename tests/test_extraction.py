"""Documents in: a PDF, an HTML page and a .docx of the seed report import as its text does.

Each test builds its document itself from the bundled seed text: a PDF written by
hand (a Type 1 font, lines wrapped and spaced as a word processor would), an HTML
page with a heading and a numbered list, and a .docx made with python-docx.
"""

from __future__ import annotations

import hashlib
import html
import io
import re
import sys
import textwrap
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govrecords import examples, importers
from govrecords.cli import main
from govrecords.errors import ImportFailedError, MissingExtraError
from govrecords.extraction import extract, kind_of

SEED = examples.source_text("session-report-future-of-internet")
_NUMBERED = re.compile(r"^(\d+)\)\s*")


def _paragraphs() -> list[str]:
    return [line.strip() for line in SEED.splitlines() if line.strip()]


def _pdf_string(text: str) -> str:
    raw = text.encode("cp1252")
    return (
        "("
        + "".join(
            "\\" + chr(byte) if byte in b"()\\" else chr(byte) if 32 <= byte < 127 else f"\\{byte:03o}" for byte in raw
        )
        + ")"
    )


def make_pdf(paragraphs: list[str], *, width: int = 95) -> bytes:
    """A PDF of *paragraphs*: lines wrapped at *width* characters, 12 points apart, paragraphs 26 apart."""
    pages: list[list[str]] = [[]]
    y = 800
    for paragraph in paragraphs:
        lines = textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False)
        if y - 12 * len(lines) < 40:
            pages.append([])
            y = 800
        for line in lines:
            pages[-1].append(f"BT /F1 10 Tf 1 0 0 1 50 {y} Tm {_pdf_string(line)} Tj ET")
            y -= 12
        y -= 14
    objects = ["<< /Type /Catalog /Pages 2 0 R >>", ""]
    objects.append("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for content in pages:
        stream = "\n".join(content).encode("latin-1")
        objects.append(f"<< /Length {len(stream)} >>\nstream\n{stream.decode('latin-1')}\nendstream")
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            f"/Contents {len(objects)} 0 R >>"
        )
        kids.append(f"{len(objects)} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>"
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode("ascii")
    out += "".join(f"{offset:010d} 00000 n \n" for offset in offsets).encode("ascii")
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode("ascii")
    return bytes(out)


def make_html(paragraphs: list[str]) -> bytes:
    """An HTML page: navigation and a script to skip, a heading, the numbered asks as an ordered list."""
    body = ['<nav><a href="/">Home</a></nav>', "<script>var x = '<p>not text</p>';</script>"]
    in_list = False
    for paragraph in paragraphs:
        numbered = _NUMBERED.match(paragraph)
        if numbered and not in_list:
            body.append("<ol>")
            in_list = True
        elif not numbered and in_list:
            body.append("</ol>")
            in_list = False
        if numbered:
            body.append(f"<li>{html.escape(paragraph[numbered.end() :])}</li>")
        elif paragraph == "Session Report":
            body.append(f"<h1>{html.escape(paragraph)}</h1>")
        else:
            body.append(f"<p>{html.escape(paragraph)}</p>")
    page = (
        '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Report</title>'
        "<style>p { margin: 0 }</style></head>\n<body>\n" + "\n".join(body) + "\n</body></html>\n"
    )
    return page.replace("<nav>", '<nav class="menu">').encode("utf-8")


def make_docx(paragraphs: list[str]) -> bytes:
    """A Word document: a heading, the numbered asks in the List Number style."""
    document = docx.Document()
    for paragraph in paragraphs:
        numbered = _NUMBERED.match(paragraph)
        if numbered:
            document.add_paragraph(paragraph[numbered.end() :], style="List Number")
        elif paragraph == "Session Report":
            document.add_heading(paragraph, level=1)
        else:
            document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _summary(result: importers.ImportResult) -> Any:
    def flat(text: str) -> str:
        return " ".join(text.split())

    session = result.sessions[0]
    return (
        result.template,
        flat(session.title),
        [(flat(f.text), f.consensus, f.topics) for f in session.findings],
        [(flat(r.text), r.topics) for r in session.recommendations],
        sorted({topic for finding in session.findings for topic in finding.topics}),
    )


MAKERS = {"pdf": make_pdf, "html": make_html, "docx": make_docx}


@pytest.mark.parametrize("kind", sorted(MAKERS))
def test_a_document_imports_as_its_text(kind: str, tmp_path: Path) -> None:
    data = MAKERS[kind](_paragraphs())
    path = tmp_path / f"report.{kind}"
    path.write_bytes(data)
    result = importers.import_file(path)
    expected = importers.import_text(SEED)
    assert _summary(result) == _summary(expected)
    assert len(result.sessions[0].findings) == 3
    assert len(result.sessions[0].recommendations) == 4
    extraction = result.extraction
    assert extraction is not None
    assert extraction.kind == kind
    assert extraction.sha256 == hashlib.sha256(data).hexdigest()
    assert extraction.text == result.text
    assert result.source.matches(result.text)
    assert extraction.sha256 in (result.source.note or "")
    provenance = [p for p in result.provenance() if p.span is not None]
    assert provenance
    for prov in provenance:
        assert prov.span is not None
        assert prov.span.slice(result.text) == prov.quote
        assert extraction.locate(prov.span) is not None
    for locator in extraction.locators:
        assert locator.span.slice(result.text).strip() == locator.span.slice(result.text)
        assert locator.span.slice(result.text)


def test_pdf_locators_name_pages(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(_paragraphs()))
    result = importers.import_file(path)
    assert result.extraction is not None
    labels = [locator.label for locator in result.extraction.locators]
    assert labels[0] == "page 1"
    assert "page 2" in labels
    assert labels == sorted(labels, key=lambda label: int(label.split()[1]))


def test_html_keeps_headings_lists_and_tables_and_drops_scripts() -> None:
    page = (
        b"<html><head><title>T</title><script>alert('x')</script></head><body>"
        b"<h2>Key messages</h2><ol><li>First <b>point</b></li><li>Second<br>point</li></ol>"
        b"<table><tr><th>Speaker</th><th>Group</th></tr><tr><td><p>Ana Ruiz</p></td><td>Civil society</td></tr></table>"
        b"<p>Caf&eacute; &amp; more</p></body></html>"
    )
    found = extract(page)
    assert found.text == (
        "Key messages\n\n1. First point\n\n2. Second point\n\n"
        "Speaker\tGroup\n\nAna Ruiz\tCivil society\n\nCafé & more\n"
    )
    assert [locator.label for locator in found.locators] == [
        "h2 1", "li 1", "li 2", "table 1 row 1", "table 1 row 2", "p 1",
    ]  # fmt: skip


def test_docx_keeps_tables(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_heading("Participants", level=2)
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, [("Name", "Group"), ("Ana Ruiz", "Civil society")], strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.add_paragraph("Closing words.")
    buffer = io.BytesIO()
    document.save(buffer)
    found = extract(buffer.getvalue())
    assert found.text == "Participants\n\nName\tGroup\n\nAna Ruiz\tCivil society\n\nClosing words.\n"
    assert [locator.label for locator in found.locators] == ["h2 1", "table 1 row 1", "table 1 row 2", "p 1"]


def test_kind_is_told_by_bytes_then_suffix() -> None:
    assert kind_of(make_pdf(["x"]), "report.txt") == "pdf"
    assert kind_of(make_docx(["x"])) == "docx"
    assert kind_of(b"<p>a fragment</p>", "page.htm") == "html"
    assert kind_of(b"<p>a fragment</p>", "notes.txt") == "text"


@pytest.mark.parametrize(("module", "extra", "kind"), [("pypdf", "pdf", "pdf"), ("docx", "docx", "docx")])
def test_without_the_extra_the_error_names_it(
    module: str, extra: str, kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / f"report.{kind}"
    path.write_bytes(MAKERS[kind](["Session Name:", "A title"]))
    monkeypatch.setitem(sys.modules, module, None)  # as if it were not installed
    with pytest.raises(MissingExtraError, match=re.escape(f"pip install 'govrecords[{extra}]'")) as caught:
        importers.import_file(path)
    assert isinstance(caught.value, ImportError)
    assert caught.value.extra == extra


def test_the_command_line_imports_a_pdf_and_names_a_missing_extra(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(make_pdf(_paragraphs()))
    assert main(["import", str(path), "-o", str(tmp_path / "out.json")]) == 0
    assert "igf-session-report" in capsys.readouterr().err
    monkeypatch.setitem(sys.modules, "pypdf", None)
    assert main(["import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "pip install 'govrecords[pdf]'" in err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"%PDF-1.4\nnot really a pdf", "not a readable PDF"),
        (b"PK\x03\x04 not really a docx", "not a readable .docx"),
        (b"<!DOCTYPE html><html><body><script>x</script></body></html>", "no text found in the HTML"),
    ],
)
def test_broken_or_empty_documents_fail_with_the_library_error(data: bytes, message: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.bin"
    path.write_bytes(data)
    with pytest.raises(ImportFailedError, match=message):
        importers.import_file(path)


@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30), max_size=8))
def test_html_locators_slice_the_text_in_order(paragraphs: list[str]) -> None:
    paragraphs = ["Opening", *paragraphs]
    page = "<html><body>" + "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs) + "</body></html>"
    found = extract(page.encode("utf-8"))
    flat = [(f"p {n}", re.sub(r"[ \t\r\n\f\v]+", " ", p).strip()) for n, p in enumerate(paragraphs, 1)]
    assert [(locator.label, locator.span.slice(found.text)) for locator in found.locators] == [
        (label, p) for label, p in flat if p
    ]  # each non-empty paragraph, labelled by its place among all the page's paragraphs
    ends = [locator.span.end for locator in found.locators]
    assert ends == sorted(ends)


def test_html_edge_forms() -> None:
    page = (
        b'<html><head><meta charset="x-unknown-charset"></head><body>'
        b"<pre>line one\n  line two</pre>"
        b"<ul><li>outer<ul><li>inner</li></ul></li></ul>"
        b"<table><tr><td>open cell<tr><td></td></tr></table>"
        b"<svg><title>skipped</title><g><br/></g></svg>"
        b"<p>caf\xc3\xa9</p></body></html>"
    )
    found = extract(page)
    assert found.text == "line one\n  line two\n\n- outer\n\n- inner\n\nopen cell\n\ncafé\n"
    assert found.locate(len(found.text) + 5) is None
    assert found.locate(0) == found.locators[0]


def test_docx_bullets_and_merged_cells() -> None:
    document = docx.Document()
    document.add_paragraph("first point", style="List Bullet")
    table = document.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Speakers"
    table.cell(0, 2).text = "Group"
    buffer = io.BytesIO()
    document.save(buffer)
    found = extract(buffer.getvalue())
    assert found.text == "- first point\n\nSpeakers\tGroup\n"
    assert [locator.label for locator in found.locators] == ["li 1", "table 1 row 1"]


def test_pdf_hyphenated_line_ends_are_joined_and_scans_are_refused() -> None:
    found = extract(make_pdf(["The multi- stakeholder model and well- known forums"], width=18))
    assert found.text == "The multistakeholder model and well- known forums\n"  # only a line end's hyphen goes
    blank = make_pdf([" "])
    with pytest.raises(ImportFailedError, match="needs OCR"):
        extract(blank, name="scan.pdf")


def test_plain_text_is_passed_through() -> None:
    found = extract(b"Session Name:\nA title\n", kind="text", name="notes.txt")
    assert (found.text, found.locators, found.kind) == ("Session Name:\nA title\n", (), "text")
    assert "TEXT file notes.txt" in found.note()
