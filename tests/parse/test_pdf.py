"""Reading text PDFs: the same Observations as from the DOCX, and hostile PDFs refused."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pypdfium2
import pytest

from litigate.errors import DocumentError
from litigate.parse import pdf as pdf_module
from litigate.parse.observations import read_observations
from litigate.parse.pdf import is_pdf, read_pdf, read_pdf_text
from tests.docx_factory import gasimzade_docx

GENERATED = Path(__file__).parents[1] / "data" / "generated"
LANGUAGES = ["en", "fr"]


def _bytes(document: pypdfium2.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.fixture(scope="module", params=LANGUAGES)
def both(request, tmp_path_factory):
    docx = tmp_path_factory.mktemp(request.param) / "obs.docx"
    docx.write_bytes(gasimzade_docx(request.param))
    return read_observations(docx), read_observations(GENERATED / f"gasimzade-{request.param}.pdf")


def test_sections_of_the_pdf_are_those_of_the_docx(both):
    from_docx, from_pdf = both
    summary = [(s.key, s.heading, s.first_number, s.last_number) for s in from_docx.sections]
    assert [
        (s.key, s.heading, s.first_number, s.last_number) for s in from_pdf.sections
    ] == summary
    assert from_pdf.articles == ("3", "13")
    assert [s.kind for s in from_pdf.objections] == [
        "non_exhaustion",
        "time_limit",
        "manifestly_ill_founded",
    ]
    assert from_pdf.language == from_docx.language


def test_paragraph_texts_and_numbers_of_the_pdf_are_those_of_the_docx(both):
    from_docx, from_pdf = both
    numbered = [
        (p.number, p.text) for p in from_docx.paragraphs if p.number and p.number.endswith(".")
    ]
    pdf_numbered = [
        (p.number, p.text) for p in from_pdf.paragraphs if p.number and p.number[0].isdigit()
    ]
    docx_main = [(n, t) for n, t in numbered if n[0].isdigit()]
    assert pdf_numbered == docx_main
    assert [n for n, _ in pdf_numbered] == [f"{i}." for i in range(1, 41)]
    assert from_pdf.paragraph(15).text == from_docx.paragraph(15).text


def test_footnotes_are_read_apart_and_referenced_from_their_paragraph(both):
    from_docx, from_pdf = both
    assert from_pdf.footnotes == from_docx.footnotes
    refs = {from_pdf.number_of(p): p.footnote_ids for p in from_pdf.paragraphs if p.footnote_ids}
    assert refs == {"5.": (1,), "12.": (2,), "26.": (3,), "30.": (4,)}
    assert not any("Judgment of the Baku" in p.text for p in from_pdf.paragraphs)


def test_title_page_is_preamble_and_the_path_is_kept(both):
    _, from_pdf = both
    assert from_pdf.sections[0].kind == "preamble"
    assert from_pdf.paragraphs[0].heading_level is None
    assert from_pdf.path is not None
    assert from_pdf.path.endswith(".pdf")


def test_bytes_and_text():
    data = (GENERATED / "gasimzade-en.pdf").read_bytes()
    assert is_pdf(data)
    assert not is_pdf(gasimzade_docx("en"))
    read = read_pdf(data)
    assert read.pages == 4
    assert read.path is None
    text = read_pdf_text(data)
    assert "40. The Government invite the Court" in text
    assert text.rstrip().endswith("§ 86, ECHR 2015.")


# --------------------------------------------------------------------------- refusals


def test_image_only_page_is_refused_naming_the_page():
    document = pypdfium2.PdfDocument(GENERATED / "gasimzade-en.pdf")
    document.new_page(595, 842)
    with pytest.raises(DocumentError, match="page 5 of the PDF has no text") as caught:
        read_observations(_bytes(document))
    assert caught.value.reason == "image_only"


def test_a_blank_pdf_is_refused_not_read_as_empty():
    document = pypdfium2.PdfDocument.new()
    document.new_page(595, 842)
    with pytest.raises(DocumentError, match="page 1 ") as caught:
        read_pdf(_bytes(document))
    assert caught.value.reason == "image_only"


@pytest.mark.parametrize(
    ("payload", "reason"),
    [
        (b"1 0 obj << /S /JavaScript /JS (app.alert(1)) >> endobj\n", "active_content"),
        (b"1 0 obj << /S /Launch /F (cmd.exe) >> endobj\n", "active_content"),
        (b"trailer << /Encrypt 5 0 R >>\n", "encrypted"),
        (b"1 0 obj " + b"[" * 500 + b"]" * 500 + b" endobj\n", "deep_nesting"),
    ],
)
def test_hostile_pdfs_are_refused_before_pdfium_reads_them(payload, reason, tmp_path):
    data = (GENERATED / "gasimzade-en.pdf").read_bytes() + payload
    path = tmp_path / "hostile.pdf"
    path.write_bytes(data)
    with pytest.raises(DocumentError) as caught:
        read_observations(path)
    assert caught.value.reason == reason
    assert caught.value.path == str(path)


def test_nesting_inside_strings_is_not_counted():
    assert pdf_module._nesting(b"(" + b"[ " * 50 + b")") == 0
    assert pdf_module._nesting(b"stream\n" + b"<<" * 50 + b"endstream << >>") == 1
    assert pdf_module._nesting(b"<< /A [ [ 1 ] ] >>") == 3


def test_too_many_pages_and_too_many_characters(monkeypatch):
    data = (GENERATED / "gasimzade-en.pdf").read_bytes()
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 3)
    with pytest.raises(DocumentError, match="4 pages; the limit is 3") as caught:
        read_pdf(data)
    assert caught.value.reason == "too_many_pages"
    monkeypatch.setattr(pdf_module, "MAX_PAGES", 2000)
    monkeypatch.setattr(pdf_module, "MAX_PAGE_CHARS", 500)
    with pytest.raises(DocumentError, match=r"page 1 has .* characters") as caught:
        read_pdf(data)
    assert caught.value.reason == "too_large"


def test_too_large_not_a_pdf_and_broken(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf_module, "MAX_COMPRESSED_BYTES", 100)
    path = tmp_path / "big.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"0" * 200)
    with pytest.raises(DocumentError, match="the limit is 100 bytes") as caught:
        read_pdf(path)
    assert caught.value.reason == "too_large"
    monkeypatch.setattr(pdf_module, "MAX_COMPRESSED_BYTES", 50 * 1024 * 1024)
    with pytest.raises(DocumentError) as caught:
        read_pdf(path)
    assert caught.value.reason == "bad_pdf"
    with pytest.raises(DocumentError) as caught:
        read_pdf(tmp_path / "missing.pdf")
    assert caught.value.reason == "unreadable"
    with pytest.raises(DocumentError) as caught:
        read_pdf(b"PK\x03\x04")
    assert caught.value.reason == "not_a_pdf"


def test_import_litigate_does_not_import_pdfium():
    import subprocess

    code = "import litigate, sys; print('pypdfium2' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
