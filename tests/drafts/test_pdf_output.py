"""Writing PDF: LibreOffice conversion, eComms names and sizes, the annex bundle.

Every PDF written is opened again: pypdf and ``pdftotext`` read its text, its pages
are counted, the stamps looked for on every page.  Tests that need LibreOffice skip
on a machine without it, and fail under CI (``.ci/run`` installs it).
"""

from __future__ import annotations

import io
import os
import shutil
import stat
import subprocess
from datetime import date
from pathlib import Path

import pypdf
import pytest
from hypothesis import given
from hypothesis import strategies as st

import litigate
import litigate.casefile
import litigate.drafts
from litigate.cli import main
from litigate.drafts import pdf as pdfmod
from litigate.drafts.bundle import stamp_text
from litigate.errors import (
    ConversionError,
    DocumentError,
    LibreOfficeNotFoundError,
    MissingAnnexError,
    OverwriteRefusedError,
)

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)


def _need_libreoffice() -> None:
    if not (shutil.which("soffice") and shutil.which("pdftotext")):
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: .ci/run installs LibreOffice and pdftotext")
        pytest.skip("LibreOffice and pdftotext are installed by .ci/run; not on this machine")


@pytest.fixture(scope="module")
def converter():
    _need_libreoffice()
    with litigate.drafts.PdfConverter(timeout=120) as office:
        yield office


@pytest.fixture
def case() -> litigate.Case:
    return litigate.load_case(ROOT / "examples" / "journalist-detention" / "case.toml")


def _pdftotext(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


def _flat(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- eComms names


def test_ecomms_name_of_the_issue_title():
    assert (
        litigate.drafts.ecomms_name("Rzayeva v. Azerbaijan – Observations en réponse")
        == "Rzayeva v. Azerbaijan - Observations en réponse.pdf"
    )


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Əliyev və Məmmədov", "Aliyev va Mammadov"),
        ("Həsənli: şikayət, ağır, qığılcım", "Hasanli- sikayat, agir, qigilcim"),
        ("İsmayılova", "Ismayilova"),
        ("Çələbi Göyçay Ürək", "Çalabi Göyçay Ürak"),  # ç, ö, ü are Latin-1: kept
        ("Жалоба Щукиной", "Zhaloba Shchukinoi"),
        ("Объяснения Правительства", "Obieiasneniia Pravitelstva"),
        ("Юлия Хаджиева", "Iuliia Khadzhieva"),
        ("Ukraine: Їжак і Євген", "Ukraine- Izhak i Ievgen"),
        ('a/b\\c*d?e"f<g>h|i', "a-b-c-d-e-f-g-h-i"),
        ("“Quoted” — text…", "'Quoted' - text"),
        ("CON", "_CON"),
        ("   trailing dots...  ", "trailing dots"),
    ],
)
def test_ecomms_name_transliterates(title, name):
    assert litigate.drafts.ecomms_name(title, extension="") == name


def test_ecomms_name_keeps_inner_dots_before_the_extension():
    assert litigate.drafts.ecomms_name("..Reply to p. 3…") == "Reply to p. 3....pdf"


def test_ecomms_name_is_bounded_at_a_word():
    name = litigate.drafts.ecomms_name("Observations " * 30, max_length=50)
    assert len(name) <= 50
    assert name.endswith("Observations.pdf")


def test_ecomms_name_refuses_a_title_with_nothing_left():
    with pytest.raises(ValueError, match="nothing usable"):
        litigate.drafts.ecomms_name("中文")


@given(st.text(min_size=1, max_size=300))
def test_ecomms_name_is_always_extended_ascii_and_safe(title):
    try:
        name = litigate.drafts.ecomms_name(title)
    except ValueError:
        return
    assert name.endswith(".pdf")
    assert len(name) <= pdfmod.ecomms_limits().max_name_length
    assert name.encode("latin-1").decode("cp1252", errors="strict")  # both readings
    assert all(0x20 <= ord(c) <= 0x7E or 0xA1 <= ord(c) <= 0xFF for c in name)
    assert not set(name) & set('\\/:*?"<>|')
    assert name == name.strip()
    assert len(name.encode("utf-8")) <= 255


def test_ecomms_limits_come_from_the_courts_terms():
    limits = pdfmod.ecomms_limits()
    assert limits.max_pdf_bytes == 50_000_000
    assert "echr.coe.int" in limits.source
    assert limits.read_on == date(2026, 12, 7)
    assert limits.part_suffix.format(n=1) == " - Part 1"


# ---------------------------------------------------------------- PDF size and text


def _pdf(pages: int, *, text: bool = True, filler: int = 0) -> bytes:
    """A PDF of ``pages`` pages, each with a line of text and ``filler`` bytes of content."""
    from pypdf.generic import ContentStream, DictionaryObject, NameObject

    writer = pypdf.PdfWriter()
    for n in range(pages):
        page = writer.add_blank_page(width=595, height=842)
        if text:
            font = DictionaryObject(
                {
                    NameObject("/Type"): NameObject("/Font"),
                    NameObject("/Subtype"): NameObject("/Type1"),
                    NameObject("/BaseFont"): NameObject("/Helvetica"),
                }
            )
            page[NameObject("/Resources")] = DictionaryObject(
                {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
            )
            content = ContentStream(None, None)
            noise = os.urandom(filler).hex().encode() if filler else b""
            content.set_data(
                b"BT /F1 12 Tf 72 720 Td (Page %d of the exhibit) Tj ET %% " % (n + 1) + noise
            )
            page.replace_contents(content)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_a_small_pdf_is_one_part():
    data = _pdf(3)
    assert litigate.drafts.ecomms_parts(data, "Reply.pdf") == [("Reply.pdf", data)]


def test_a_pdf_over_the_limit_is_split_into_named_parts():
    data = _pdf(12, filler=20_000)
    limit = len(data) // 3
    parts = litigate.drafts.ecomms_parts(
        data, "Gasimzade v. Azerbaijan - Annexes.pdf", max_bytes=limit
    )
    assert len(parts) >= 3
    assert [name for name, _ in parts] == [
        f"Gasimzade v. Azerbaijan - Annexes - Part {n}.pdf" for n in range(1, len(parts) + 1)
    ]
    texts = []
    for _, part in parts:
        assert len(part) <= limit
        texts.extend(pdfmod.pdf_page_texts(part))
    assert [t.strip() for t in texts] == [f"Page {n} of the exhibit" for n in range(1, 13)]


def test_a_page_alone_over_the_limit_is_refused():
    data = _pdf(2, filler=40_000)
    with pytest.raises(DocumentError, match="page 1 alone is over") as caught:
        litigate.drafts.ecomms_parts(data, "x.pdf", max_bytes=30_000)
    assert caught.value.reason == "too_large"


def test_an_image_only_page_is_refused_naming_it():
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(_pdf(1))))
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    with pytest.raises(ConversionError, match=r"page\(s\) 2 without text") as caught:
        pdfmod.require_text_pdf(buffer.getvalue())
    assert caught.value.reason == "not_text"


def test_a_lost_heading_is_named():
    with pytest.raises(ConversionError, match="'Statement of the facts'") as caught:
        pdfmod.require_text_pdf(
            _pdf(1), headings=["Page 1 of the exhibit", "Statement of the facts"]
        )
    assert caught.value.reason == "lost_heading"


def test_write_pdf_keeps_a_pdf_changed_by_hand(tmp_path):
    target = tmp_path / "reply.pdf"
    litigate.drafts.write_pdf(target, b"%PDF-1.7 one")
    litigate.drafts.write_pdf(target, b"%PDF-1.7 two")
    assert target.read_bytes() == b"%PDF-1.7 two"
    target.write_bytes(b"%PDF-1.7 annotated")
    with pytest.raises(OverwriteRefusedError):
        litigate.drafts.write_pdf(target, b"%PDF-1.7 three")
    assert target.read_bytes() == b"%PDF-1.7 annotated"
    litigate.drafts.write_pdf(target, b"%PDF-1.7 three", overwrite=True)
    assert target.read_bytes() == b"%PDF-1.7 three"
    assert not list(tmp_path.glob(".*.tmp"))


# ---------------------------------------------------------------- LibreOffice missing, hung


def test_missing_libreoffice_says_how_to_install_it(tmp_path, monkeypatch, case):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(LibreOfficeNotFoundError, match="apt-get install libreoffice") as caught:
        litigate.render("ecthr/cover-letter", case=case, as_of=AS_OF, format="pdf")
    assert isinstance(caught.value, FileNotFoundError)
    assert caught.value.reason == "not_installed"
    assert not (tmp_path / "cover-letter.pdf").exists()


def test_missing_libreoffice_on_the_command_line(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "render",
            str(ROOT / "examples" / "journalist-detention" / "case.toml"),
            "ecthr/cover-letter",
            "--pdf",
            "--as-of",
            "2026-11-23",
            "--out",
            str(tmp_path),
        ],
        out=out,
        err=err,
    )
    assert code == 2
    assert "LibreOffice is needed to write PDF" in err.getvalue()
    assert "install LibreOffice" in err.getvalue()


def _fake_soffice(folder: Path, *, starts: bool) -> Path:
    """A program that answers to ``soffice`` and hangs: after starting, or before."""
    script = folder / "soffice"
    touch = (
        'last=""; for a in "$@"; do last="$a"; done\n'
        'touch "$(dirname "$last")/.~lock.$(basename "$last")#"\n'
        if starts
        else ""
    )
    script.write_text(
        "#!/bin/sh\n"
        'for a in "$@"; do case "$a" in --accept=*) server=1;; esac; done\n'
        f'if [ -n "$server" ]; then\n{touch}exec sleep 300\nfi\n'
        "exec sleep 300\n",
        encoding="utf-8",
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def _gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    return False


def test_a_hung_conversion_is_stopped_and_cleaned(tmp_path):
    fake = _fake_soffice(tmp_path, starts=True)
    converter = litigate.drafts.PdfConverter(soffice=fake, timeout=0.5)
    with pytest.raises(ConversionError, match=r"within 1 s \(0.5 s a document\)") as caught:
        converter.convert_many([b"one", b"two"])
    assert caught.value.reason == "timeout"
    assert converter.pid is None
    assert converter.starts == 1
    converter.close()


def test_the_office_is_killed_and_its_folder_removed_after_a_timeout(tmp_path):
    fake = _fake_soffice(tmp_path, starts=True)
    converter = litigate.drafts.PdfConverter(soffice=fake, timeout=0.3)
    office = converter._start()
    pid, folder = office.process.pid, office.folder
    assert folder.is_dir()
    with pytest.raises(ConversionError):
        converter.convert(b"x")
    assert _gone(pid)
    assert not folder.exists()
    # The next conversion starts a new office (which hangs too).
    with pytest.raises(ConversionError):
        converter.convert(b"x")
    assert converter.starts == 2
    converter.close()


def test_an_office_that_never_starts_times_out(tmp_path):
    fake = _fake_soffice(tmp_path, starts=False)
    converter = litigate.drafts.PdfConverter(soffice=fake, startup_timeout=0.5)
    with pytest.raises(ConversionError, match=r"did not start within 0\.5 s") as caught:
        converter.convert(b"x")
    assert caught.value.reason == "timeout"
    assert converter.pid is None


def test_a_format_litigate_does_not_convert_is_refused(tmp_path):
    image = tmp_path / "scan.jpg"
    image.write_bytes(b"\xff\xd8")
    converter = litigate.drafts.PdfConverter(soffice=_fake_soffice(tmp_path, starts=True))
    with converter, pytest.raises(ValueError, match=r"not '\.jpg'"):
        converter.convert(image)


# ---------------------------------------------------------------- real conversions


def test_many_conversions_on_one_office(converter, case):
    drafts = [
        litigate.render(template, case=case, as_of=AS_OF, locale=locale)
        for template in ("ecthr/cover-letter", "ecthr/application")
        for locale in ("en", "fr")
    ]
    starts = pid = None
    for round_ in range(3):
        pdfs = litigate.drafts.text_pdfs(drafts, converter=converter)
        assert len(pdfs) == 4
        if round_ == 0:
            starts, pid = converter.starts, converter.pid
        assert converter.pid == pid is not None
        for docx_data, pdf in zip(drafts, pdfs, strict=True):
            text = _flat(" ".join(pdfmod.pdf_page_texts(pdf)))
            assert "Mirzazade" in text
            for heading in pdfmod.docx_headings(docx_data):
                assert "".join(heading.split()) in text.replace(" ", "")
    assert converter.starts == starts  # no restart: one office for every batch
    assert converter.conversions >= 12


def test_render_pdf_writes_a_text_pdf_that_keeps_every_heading(converter, case, tmp_path):
    target = tmp_path / "application.en.pdf"
    data = litigate.render(
        "ecthr/application", case=case, as_of=AS_OF, format="pdf", out=target, converter=converter
    )
    assert target.read_bytes() == data
    reader = pypdf.PdfReader(target)
    assert len(reader.pages) > 3
    assert all((page.extract_text() or "").strip() for page in reader.pages)
    text = _flat(_pdftotext(target))
    docx_data = litigate.render("ecthr/application", case=case, as_of=AS_OF)
    headings = pdfmod.docx_headings(docx_data)
    assert len(headings) > 5
    assert [h for h in headings if _flat(h) not in text] == []
    # Rendered again: replaced (as litigate wrote it); edited by hand: kept.
    litigate.render(
        "ecthr/application", case=case, as_of=AS_OF, format="pdf", out=target, converter=converter
    )
    target.write_bytes(b"%PDF-1.7 annotated by the lawyer")
    with pytest.raises(OverwriteRefusedError):
        litigate.render(
            "ecthr/application",
            case=case,
            as_of=AS_OF,
            format="pdf",
            out=target,
            converter=converter,
        )
    assert target.read_bytes() == b"%PDF-1.7 annotated by the lawyer"
    assert not list(tmp_path.glob(".*.tmp"))


def test_render_pdf_without_a_converter_starts_and_stops_one(case, tmp_path, monkeypatch):
    import tempfile

    _need_libreoffice()
    # A temporary folder of this test's own: other test processes start offices too.
    private = tmp_path / "tmp"
    private.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(private))
    data = litigate.render("ecthr/cover-letter", case=case, as_of=AS_OF, locale="fr", format="pdf")
    assert data.startswith(b"%PDF-")
    assert "Mirzazade" in " ".join(pdfmod.pdf_page_texts(data))
    assert list(private.glob("litigate-office-*")) == []


def test_render_refuses_an_unknown_format(case):
    with pytest.raises(ValueError, match="'docx' or 'pdf'"):
        litigate.render("ecthr/cover-letter", case=case, as_of=AS_OF, format="odt")


def test_cli_render_pdf(converter, tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = main(
        [
            "render",
            str(ROOT / "examples" / "journalist-detention" / "case.toml"),
            "ecthr/cover-letter",
            "--pdf",
            "--as-of",
            "2026-11-23",
            "--out",
            str(tmp_path),
        ],
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    target = tmp_path / "ecthr-cover-letter.en.pdf"
    assert out.getvalue().strip() == str(target)
    assert "Mirzazade" in _pdftotext(target)


# ---------------------------------------------------------------- the annex bundle


def _annexes(folder: Path, converter: litigate.drafts.PdfConverter) -> list[litigate.Document]:
    """Four annexes: two PDFs made by LibreOffice (one of 3 pages), a .txt and a .docx."""
    import docx

    folder.mkdir(exist_ok=True)
    sources = {
        "appeal.txt": "Judgment of the Baku Court of Appeal\n\fsecond page\n\fthird page\n",
        "medical.txt": "Medical certificate of the Baku Emergency Hospital\n",
    }
    for name, text in sources.items():
        (folder / name).write_text(text, encoding="utf-8")
    pdfs = converter.convert_many([folder / name for name in sources])
    (folder / "appeal.pdf").write_bytes(pdfs[0])
    (folder / "medical.pdf").write_bytes(pdfs[1])
    (folder / "statement.txt").write_text(
        "Written statement of an eyewitness\n\fpage two of the statement\n", encoding="utf-8"
    )
    document = docx.Document()
    document.add_heading("Complaint to the Nasimi District Court", level=1)
    document.add_paragraph("The applicant challenges the refusal.")
    document.save(str(folder / "complaint.docx"))
    return [
        litigate.Document(
            title="Judgment of the Baku Court of Appeal",
            date=date(2025, 5, 14),
            pages=2,
            reference="appeal.pdf",
        ),
        litigate.Document(
            title="Medical certificate", date=date(2025, 1, 18), pages=1, reference="medical.pdf"
        ),
        litigate.Document(
            title="Complaint to the Nasimi District Court", reference="complaint.docx"
        ),
        litigate.Document(title="Written statement of an eyewitness", reference="statement.txt"),
    ]


def test_annex_bundle_numbers_stamps_and_counts(converter, tmp_path):
    documents = _annexes(tmp_path / "annexes", converter)
    out = tmp_path / "out" / "Gasimzade v. Azerbaijan - Annexes.pdf"
    bundle = litigate.drafts.annex_bundle(
        documents,
        folder=tmp_path / "annexes",
        title="Gasimzade v. Azerbaijan",
        out=out,
        converter=converter,
    )
    assert bundle.files == (str(out),)
    reader = pypdf.PdfReader(out)
    assert [(a.number, a.pages) for a in bundle.annexes] == [(1, 3), (2, 1), (3, 1), (4, 2)]
    assert len(reader.pages) == bundle.pages == bundle.list_pages + 7
    texts = [page.extract_text() for page in reader.pages]
    # The list first, with the page counts from the files and where each annex starts.
    listing = _flat(" ".join(texts[: bundle.list_pages]))
    assert "List of accompanying documents" in listing
    assert "Gasimzade v. Azerbaijan" in listing
    first = bundle.list_pages + 1
    assert f"1 Judgment of the Baku Court of Appeal 14 May 2025 3 {first}–{first + 2}" in listing
    assert f"2 Medical certificate 18 January 2025 1 {first + 3}" in listing
    assert f"4 Written statement of an eyewitness 2 {first + 5}–{first + 6}" in listing
    # Every annex page stamped with its annex and page, in the order of the list.
    expected = [(1, 1), (1, 2), (1, 3), (2, 1), (3, 1), (4, 1), (4, 2)]
    for (annex, page), text in zip(expected, texts[bundle.list_pages :], strict=True):
        assert stamp_text(annex, page) in text
    assert "Judgment of the Baku Court of Appeal" in texts[first - 1]
    assert "Complaint to the Nasimi District Court" in texts[first + 3]
    assert "page two of the statement" in texts[first + 5]
    stamped = _pdftotext(out)
    assert stamped.count("Annex ") >= 7
    # The case said 2 pages for the judgment: the lawyer is told.
    assert any("lists 2 page(s), the file has 3" in note for note in bundle.notes)
    assert [a.first_page for a in bundle.annexes] == [first, first + 3, first + 4, first + 5]


def test_annex_bundle_in_french(converter, tmp_path):
    documents = _annexes(tmp_path / "annexes", converter)[:2]
    bundle = litigate.drafts.annex_bundle(
        documents, folder=tmp_path / "annexes", locale="fr", converter=converter
    )
    texts = pdfmod.pdf_page_texts(bundle.data)
    assert "Liste des documents joints" in texts[0]
    assert "14 mai 2025" in _flat(texts[0])
    assert "Annexe 2 – p. 1" in texts[-1]


def test_annex_bundle_names_every_missing_file_at_once(tmp_path):
    (tmp_path / "here.pdf").write_bytes(_pdf(1))
    documents = [
        litigate.Document(title="Present", reference="here.pdf"),
        litigate.Document(title="Judgment", reference="judgment.pdf"),
        litigate.Document(title="No file name"),
        litigate.Document(title="Decision", reference="decision.pdf"),
    ]
    with pytest.raises(MissingAnnexError) as caught:
        litigate.drafts.annex_bundle(documents, folder=tmp_path)
    assert [m[0] for m in caught.value.missing] == [2, 3, 4]
    message = str(caught.value)
    assert "3 of the 4 listed annexes have no file" in message
    assert "Annex 2 (Judgment)" in message
    assert "judgment.pdf" in message
    assert "Annex 3 (No file name): no file name" in message
    assert "Annex 4 (Decision)" in message
    assert isinstance(caught.value, FileNotFoundError)


def test_annex_bundle_reports_scanned_pages_and_splits_for_ecomms(converter, tmp_path):
    folder = tmp_path / "annexes"
    folder.mkdir()
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(_pdf(2, filler=15_000))))
    writer.add_blank_page(width=595, height=842)  # a "scan": no text of its own
    with (folder / "scan.pdf").open("wb") as handle:
        writer.write(handle)
    (folder / "big.pdf").write_bytes(_pdf(4, filler=15_000))
    documents = [
        litigate.Document(title="Scanned decision", reference="scan.pdf"),
        litigate.Document(title="Exhibits", reference="big.pdf"),
    ]
    out = tmp_path / "Bundle.pdf"
    bundle = litigate.drafts.annex_bundle(
        documents, folder=folder, out=out, converter=converter, max_bytes=100_000
    )
    assert bundle.annexes[0].pages_without_text == (3,)
    assert any("page(s) 3 have no text" in note for note in bundle.notes)
    assert len(bundle.files) > 1
    assert not out.exists()
    pages = 0
    for n, name in enumerate(bundle.files, start=1):
        assert name.endswith(f"Bundle - Part {n}.pdf")
        assert Path(name).stat().st_size <= 100_000
        pages += len(pypdf.PdfReader(name).pages)
    assert pages == bundle.pages


def test_annex_bundle_of_the_example_case_from_the_command_line(converter, tmp_path):
    example = ROOT / "examples" / "custody-ill-treatment"
    case = litigate.load_case(example / "case.toml")
    folder = tmp_path / "annexes"
    folder.mkdir()
    for path in sorted((example / "annexes").glob("*.txt")):
        index = int(path.name[:2]) - 1
        shutil.copy(path, folder / path.name)
        assert case.documents[index].title in path.read_text(encoding="utf-8")
    # The CLI reads each document's file from ``reference``: give them in a copy of the case.
    documents = [
        litigate.casefile.case_to_dict(case)["documents"][int(p.name[:2]) - 1]
        | {"reference": p.name}
        for p in sorted(folder.glob("*.txt"))
    ]
    data = litigate.casefile.case_to_dict(case) | {"documents": documents}
    case_file = tmp_path / "case.toml"
    litigate.dump_case(litigate.casefile.case_from_dict(data), case_file)
    out, err = io.StringIO(), io.StringIO()
    code = main(
        ["bundle", str(case_file), "--folder", str(folder), "--out", str(tmp_path)],
        out=out,
        err=err,
    )
    assert code == 0, err.getvalue()
    target = tmp_path / "Gasimzade v. Azerbaijan - Annexes.pdf"
    assert str(target) in out.getvalue()
    assert "12 annex(es)" in out.getvalue()
    reader = pypdf.PdfReader(target)
    listed = sum(d.pages or 0 for d in case.documents)
    assert len(reader.pages) == listed + 1  # the example's annexes have the pages the case lists
    assert err.getvalue() == ""  # no page count differs
