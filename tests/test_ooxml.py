"""The one home of OOXML packages (``litigate._ooxml``): hostile central directories,
huge list numbers, wrong offsets, and byte-level fuzzing of real DOCX and XLSX files."""

from __future__ import annotations

import contextlib
import io
import os
import struct
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import litigate
from litigate import _ooxml
from litigate.batch.run import read_inputs, stamp_inputs
from litigate.drafts.api import lint_templates
from litigate.drafts.package import read_fingerprint
from litigate.errors import DocumentError, LitigateError
from litigate.group.spreadsheet import load_group
from litigate.parse.docx import read_docx_footnotes, read_docx_paragraphs
from litigate.parse.observations import read_observations
from tests.docx_factory import CONTENT_TYPES, document_xml, raw_docx

REAL = Path(__file__).parent / "data" / "real" / "ooxml"
REAL_DOCX = REAL / "python-docx-num-having-numbering-part.docx"
REAL_XLSX = REAL / "tealeg-xlsx-macExcelTest.xlsx"
APPLICANTS = Path(__file__).parent.parent / "examples" / "nardaran-group" / "applicants.xlsx"
TEMPLATES = Path(__file__).parent.parent / "templates"
BASE = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
FUZZ = int(os.environ.get("LITIGATE_OOXML_FUZZ", "120"))
"""Inputs per fuzz target in the normal run; a CI job may raise it."""


def never(*_args: object, **_kwargs: object) -> None:
    msg = "zipfile must not be asked to parse this archive"
    raise AssertionError(msg)


# --------------------------------------------------------------------------- ZIP64 entry count


def many_entries(count: int, main: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(main, b"<x/>")
        for i in range(count):
            archive.writestr(f"m/{i}", b"")
    return buffer.getvalue()


def claim_entries(data: bytes, claimed: int) -> bytes:
    """The archive with every entry count (end record and ZIP64 record) set to ``claimed``."""
    out = bytearray(data)
    end = out.rfind(b"PK\x05\x06")
    struct.pack_into("<HH", out, end + 8, min(claimed, 0xFFFF), min(claimed, 0xFFFF))
    record = out.rfind(b"PK\x06\x06", 0, end)
    if record >= 0:  # ZIP64 end record: entries on this disk, entries in all (APPNOTE 4.3.14)
        struct.pack_into("<QQ", out, record + 24, claimed, claimed)
    return bytes(out)


def test_the_zip64_record_is_written_for_many_entries() -> None:
    data = many_entries(70_000, "word/document.xml")
    assert data.rfind(b"PK\x06\x06") > 0  # the test builds what it claims to build
    hidden = claim_entries(data, 3)
    assert struct.unpack_from("<H", hidden, hidden.rfind(b"PK\x05\x06") + 10) == (3,)


@pytest.mark.parametrize("claimed", [3, 0, 9_999])
@pytest.mark.parametrize(
    ("main", "reader"),
    [
        ("word/document.xml", read_observations),
        ("word/document.xml", read_docx_paragraphs),
        ("xl/workbook.xml", lambda data: load_group(data, base=BASE, format="xlsx")),
    ],
)
def test_a_zip64_record_hiding_entries_does_not_defeat_the_entry_count(
    monkeypatch: pytest.MonkeyPatch, claimed: int, main: str, reader
) -> None:
    data = claim_entries(many_entries(70_000, main), claimed)
    monkeypatch.setattr(zipfile, "ZipFile", never)  # refused before zipfile parses 70,000 entries
    with pytest.raises(DocumentError) as caught:
        reader(data)
    assert caught.value.reason == "zip_bomb"
    assert f"more than {_ooxml.MAX_ENTRIES} entries" in str(caught.value)


def test_entries_are_counted_in_the_central_directory_not_in_the_end_record() -> None:
    just_over = claim_entries(many_entries(_ooxml.MAX_ENTRIES, "word/document.xml"), 1)
    with pytest.raises(DocumentError) as caught:
        read_docx_paragraphs(just_over)
    assert caught.value.reason == "zip_bomb"
    # A count that claims more than the archive holds decides nothing either.
    claims_more = claim_entries(raw_docx(), 60_000)
    assert read_docx_paragraphs(claims_more) == read_docx_paragraphs(raw_docx())


# --------------------------------------------------------------------------- huge list numbers

NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="{start}"/>
<w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl></w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
</w:numbering>"""


def numbered_docx(start: int, fmt: str, text: str = "%1.") -> bytes:
    paragraph = (
        '<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        "<w:r><w:t>The applicant was arrested.</w:t></w:r></w:p>"
    )
    xml = document_xml().replace(b"<w:body>", b"<w:body>" + paragraph.encode() * 3)
    numbering = NUMBERING.format(start=start, fmt=fmt, text=text).encode()
    return raw_docx({"word/numbering.xml": numbering}, document=xml)


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerRoman", "upperLetter", "lowerLetter"])
@pytest.mark.parametrize("start", [10**9, 10**100])
def test_a_huge_start_in_roman_or_letters_is_shown_in_digits(fmt: str, start: int) -> None:
    numbers = [p.number for p in read_observations(numbered_docx(start, fmt)).paragraphs]
    cut = litigate.parse.docx.MAX_NUMBER_LABEL  # 10**100 has 101 digits: the label is cut
    assert [n for n in numbers if n] == [f"{start + i}."[:cut] for i in range(3)]


@pytest.mark.parametrize(
    ("fmt", "start", "shown"),
    [
        ("upperRoman", 3_999, "MMMCMXCIX."),
        ("lowerRoman", 14, "xiv."),
        ("upperLetter", 27, "AA."),
        ("lowerLetter", 3_999, "u" * 154 + "."),
    ],
)
def test_list_numbers_up_to_the_limit_are_spelled_as_word_does(
    fmt: str, start: int, shown: str
) -> None:
    first = read_docx_paragraphs(numbered_docx(start, fmt))[0]
    assert first.number == shown[: litigate.parse.docx.MAX_NUMBER_LABEL]


def test_a_level_text_repeating_the_number_is_bounded() -> None:
    paragraphs = read_docx_paragraphs(numbered_docx(3_000, "lowerLetter", "%1" * 100_000))
    assert all(len(p.number or "") <= litigate.parse.docx.MAX_NUMBER_LABEL for p in paragraphs)
    assert paragraphs[0].number == "j" * 100  # 3,000 is 116 j's; the label is cut at 100


def test_the_real_numbered_document_keeps_its_numbers() -> None:
    paragraphs = read_docx_paragraphs(REAL_DOCX)
    assert [(p.number, p.text) for p in paragraphs] == [
        ("1.", "Paragraph having List Number style.")
    ]


# --------------------------------------------------------------------------- wrong offsets


def move_directory(data: bytes, delta: int) -> bytes:
    """The package with the central-directory offset of its end record moved by ``delta``."""
    end = data.rfind(b"PK\x05\x06")
    (offset,) = struct.unpack_from("<I", data, end + 16)
    return data[: end + 16] + struct.pack("<I", (offset + delta) % 2**32) + data[end + 20 :]


DELTAS = [1, -1, 17, -46, 10**6, -(10**6), 2**31]


def rendered() -> bytes:
    case = litigate.Case(forum="ecthr", respondent="AZE")
    return litigate.render("ecthr/cover-letter", case=case, as_of=date(2026, 11, 23))


def render_with_firm_template(data: bytes, folder: Path) -> object:
    (folder / "ecthr").mkdir(exist_ok=True)
    (folder / "ecthr" / "cover-letter.en.docx").write_bytes(data)
    case = litigate.Case(forum="ecthr", respondent="AZE")
    return litigate.render(
        "ecthr/cover-letter", case=case, as_of=date(2026, 11, 23), template_dirs=[folder]
    )


def lint(data: bytes, folder: Path) -> object:
    (folder / "firm.docx").write_bytes(data)
    return lint_templates([folder / "firm.docx"])


DOCX_READERS = {
    "read_observations": lambda data, _folder: read_observations(data),
    "read_docx_paragraphs": lambda data, _folder: read_docx_paragraphs(data),
    "read_docx_footnotes": lambda data, _folder: read_docx_footnotes(data),
    "read_fingerprint": lambda data, _folder: read_fingerprint(data),
    "stamp_inputs": lambda data, _folder: stamp_inputs(data, "abc"),
    "render with a firm template": render_with_firm_template,
    "lint_templates": lint,
}


@pytest.mark.parametrize("delta", DELTAS)
@pytest.mark.parametrize("reader", sorted(DOCX_READERS))
def test_a_wrong_directory_offset_in_a_docx_is_a_document_error(
    tmp_path: Path, reader: str, delta: int
) -> None:
    source = (TEMPLATES / "ecthr" / "cover-letter.en.docx").read_bytes()
    with pytest.raises(DocumentError) as caught:
        DOCX_READERS[reader](move_directory(source, delta), tmp_path)
    assert caught.value.reason == "bad_archive"
    assert "central directory" in str(caught.value)
    assert read_inputs(move_directory(rendered(), delta)) == (False, None)


@pytest.mark.parametrize("delta", DELTAS)
@pytest.mark.parametrize("source", [REAL_XLSX, APPLICANTS], ids=["excel", "applicants"])
def test_a_wrong_directory_offset_in_an_xlsx_is_a_document_error(source: Path, delta: int) -> None:
    with pytest.raises(DocumentError) as caught:
        load_group(move_directory(source.read_bytes(), delta), base=BASE, format="xlsx")
    assert caught.value.reason == "bad_archive"


def test_an_entry_whose_local_header_is_elsewhere_names_the_entry() -> None:
    data = bytearray(raw_docx())
    data[0:4] = b"XX\x03\x04"  # the first local header loses its signature
    with pytest.raises(DocumentError) as caught:
        read_docx_paragraphs(bytes(data))
    assert caught.value.reason == "bad_archive"
    assert caught.value.part == "[Content_Types].xml"
    assert "'[Content_Types].xml'" in str(caught.value)


def test_a_duplicated_entry_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document_xml("One."))
        with pytest.warns(UserWarning, match="Duplicate name"):
            archive.writestr("word/document.xml", document_xml("Another."))
    with pytest.raises(DocumentError) as caught:
        read_docx_paragraphs(buffer.getvalue())
    assert (caught.value.reason, caught.value.part) == ("bad_archive", "word/document.xml")


def test_bytes_before_the_archive_are_accepted_as_zipfile_accepts_them() -> None:
    # A prefix shifts every offset consistently (as in a self-extracting archive).
    assert (
        read_docx_paragraphs(b"\0" * 100 + raw_docx(document=document_xml("Kept.")))[0].text
        == "Kept."
    )


# --------------------------------------------------------------------------- one writer


def test_the_writer_is_deterministic_and_read_back_by_zipfile(tmp_path: Path) -> None:
    entries = [_ooxml.deflated("a.xml", b"<a/>"), _ooxml.deflated("b/\u00e9.xml", b"")]
    first = _ooxml.write_package(tmp_path / "p.zip", entries)
    assert first.read_bytes() == _ooxml.write_zip(entries)
    with zipfile.ZipFile(first) as archive:
        assert archive.namelist() == ["a.xml", "b/\u00e9.xml"]
        assert archive.read("a.xml") == b"<a/>"
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    with pytest.raises(litigate.errors.OverwriteRefusedError):
        _ooxml.write_package(tmp_path / "p.zip", entries)


def test_a_copied_entry_keeps_its_compressed_bytes() -> None:
    source = REAL_DOCX.read_bytes()
    with _ooxml.Package(source, _ooxml.DOCX) as package:
        copied = _ooxml.write_zip(package.raw_entry(i.filename) for i in package.infolist())
    with zipfile.ZipFile(io.BytesIO(source)) as old, zipfile.ZipFile(io.BytesIO(copied)) as new:
        assert [(i.filename, i.CRC) for i in old.infolist()] == [
            (i.filename, i.CRC) for i in new.infolist()
        ]
        assert all(new.read(n) == old.read(n) for n in old.namelist())


# --------------------------------------------------------------------------- fuzzing

mutations = st.lists(
    st.tuples(
        st.sampled_from(["set", "insert", "delete", "truncate"]),
        st.integers(0),
        st.binary(max_size=8),
    ),
    min_size=1,
    max_size=6,
)


def mutate(data: bytes, steps: list[tuple[str, int, bytes]]) -> bytes:
    out = bytearray(data)
    for kind, where, payload in steps:
        at = where % (len(out) + 1)
        if kind == "set":
            out[at : at + len(payload)] = payload
        elif kind == "insert":
            out[at:at] = payload
        elif kind == "delete":
            del out[at : at + len(payload) + 1]
        else:
            del out[at:]
    return bytes(out)


def near_the_directory(data: bytes, steps: list[tuple[str, int, bytes]]) -> bytes:
    """Mutations aimed at the last kilobyte: the central directory and its end record."""
    start = max(0, len(data) - 1024)
    return data[:start] + mutate(data[start:], steps)


fuzz = settings(
    max_examples=FUZZ,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def survives(reader, data: bytes) -> None:
    with contextlib.suppress(LitigateError):
        reader(data)


@fuzz
@given(steps=mutations, tail=st.booleans())
def test_fuzz_docx_readers_on_a_real_document(steps, tail) -> None:
    source = REAL_DOCX.read_bytes()
    data = near_the_directory(source, steps) if tail else mutate(source, steps)
    survives(read_observations, data)
    survives(read_docx_footnotes, data)
    survives(read_fingerprint, data)


@fuzz
@given(steps=mutations, tail=st.booleans())
def test_fuzz_template_compiler_on_a_built_in_template(steps, tail) -> None:
    from litigate.drafts.engine import compile_template

    source = (TEMPLATES / "ecthr" / "cover-letter.en.docx").read_bytes()
    data = near_the_directory(source, steps) if tail else mutate(source, steps)
    survives(lambda d: compile_template(d, template_id="fuzz"), data)


@fuzz
@given(steps=mutations, tail=st.booleans(), which=st.sampled_from([REAL_XLSX, APPLICANTS]))
def test_fuzz_spreadsheet_reader_on_real_workbooks(steps, tail, which) -> None:
    source = which.read_bytes()
    data = near_the_directory(source, steps) if tail else mutate(source, steps)
    survives(lambda d: load_group(d, base=BASE, format="xlsx"), data)


# --------------------------------------------------------------------------- the other one-home helpers


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"version = ", "Invalid value"),
        (b"name = '\xff'", "cannot read it"),
        (None, "cannot read"),
    ],
)
def test_a_packaged_data_file_is_refused_the_same_way_everywhere(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: bytes | None, problem: str
) -> None:
    from litigate import _resources
    from litigate.errors import RuleDataError

    if content is not None:
        (tmp_path / "broken.toml").write_bytes(content)
    monkeypatch.setattr("litigate._resources.resources.files", lambda _package: tmp_path)
    with pytest.raises(RuleDataError) as caught:
        _resources.packaged_toml("broken.toml")
    assert caught.value.path == "litigate/broken.toml"
    assert problem in caught.value.errors[0]


def test_the_bounded_reader_refuses_what_it_cannot_read_and_what_is_too_large(
    tmp_path: Path,
) -> None:
    from litigate._files import NotARegularFileError, read_bounded

    (tmp_path / "big.docx").write_bytes(b"x" * 11)
    with pytest.raises(DocumentError) as caught:
        read_bounded(tmp_path / "big.docx", 10, noun="spreadsheet")
    assert (caught.value.reason, caught.value.path) == ("too_large", str(tmp_path / "big.docx"))
    with pytest.raises(DocumentError) as caught:
        read_bounded(tmp_path, 10)
    assert caught.value.reason == "unreadable"
    assert isinstance(caught.value.__cause__, NotARegularFileError)
    assert read_bounded(tmp_path / "big.docx", 11) == (b"x" * 11, str(tmp_path / "big.docx"))
