"""One test per class of bug the fuzz job (scripts/fuzz.py) found, on the input it found.

The inputs are in tests/data/fuzz/ (see its SOURCE file: target, seed and index).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import litigate
from litigate.errors import CaseFileError, DocumentError

DATA = Path(__file__).resolve().parent / "data" / "fuzz"


def test_a_pdf_page_pdfium_cannot_load_is_a_document_error() -> None:
    # read_observations_pdf, seed 2, input 186: a damaged page tree; PdfiumError escaped.
    data = (DATA / "read_observations_pdf-2-186.pdf").read_bytes()
    with pytest.raises(DocumentError, match="page 1 of the PDF cannot be read") as caught:
        litigate.read_observations(data)
    assert caught.value.reason == "bad_pdf"


@pytest.mark.parametrize(
    ("text", "tag"),
    [
        ("title: !!timestamp 2001-12-14ordinary\n", "timestamp"),  # AttributeError before
        ("title: !!bool maybe\n", "bool"),  # KeyError before
        ("? !!timestamp x\n: 1\n", "timestamp"),
    ],
)
def test_a_yaml_tag_on_a_value_it_cannot_read_is_a_case_file_error(
    tmp_path: Path, text: str, tag: str
) -> None:
    # load_case, seed 3, input 1291: an example case file in YAML with "!!timestamp" inserted.
    path = tmp_path / "case.yaml"
    path.write_text("forum: ecthr\nrespondent: AZE\n" + text, encoding="utf-8")
    with pytest.raises(CaseFileError, match=f"tagged tag:yaml.org,2002:{tag} cannot be read"):
        litigate.load_case(path)


@pytest.mark.parametrize(
    ("name", "read"),
    [
        ("read_observations_docx-3-84.docx", litigate.read_observations),
        (
            "load_group_xlsx-3-203.xlsx",
            lambda data: litigate.load_group(
                data,
                base=Path(__file__).resolve().parent.parent / "examples/nardaran-group/base.toml",
                format="xlsx",
            ),
        ),
    ],
)
def test_a_central_directory_offset_before_the_file_is_a_document_error(
    name: str, read: object
) -> None:
    # The end record's directory offset was changed: zipfile computes negative entry
    # offsets and raised "ValueError: negative seek value" while reading an entry.
    data = (DATA / name).read_bytes()
    with pytest.raises(DocumentError):
        read(data)  # type: ignore[operator]


def test_registry_letter_dates_are_checked_in_linear_work(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # read_registry_letter, seed 7, input 54: one long sentence with a thousand dates took
    # 5 s: every date folded the whole sentence before it to look for "by" (quadratic).
    from litigate.parse import registry

    folded: list[int] = []
    fold = registry._fold

    def counting(text: str) -> str:
        folded.append(len(text))
        return fold(text)

    monkeypatch.setattr(registry, "_fold", counting)
    sentence = "You are invited to submit observations " + "by 15 March 2013, " * 1000 + "thanks."
    letter = litigate.read_registry_letter(text=sentence)
    assert len(letter.time_limits) == 1000
    assert sum(folded) < 20 * len(sentence)  # was about 500 times the sentence's length


def test_a_huge_list_start_in_roman_or_letters_is_shown_in_figures() -> None:
    # read_observations_docx, seed 4, input 178: w:start set to 99999999999 on a
    # lowerLetter level built a 3.8 GB string (MemoryError under the job's limit).
    import io
    import zipfile

    from tests.docx_factory import gasimzade_docx

    source = zipfile.ZipFile(io.BytesIO(gasimzade_docx("en")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "word/numbering.xml":
                old = b'<w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
                assert old in blob
                blob = blob.replace(
                    old, b'<w:start w:val="100000000"/><w:numFmt w:val="upperRoman"/>'
                )
            target.writestr(info, blob)
    observations = litigate.read_observations(out.getvalue())
    numbers = [p.number for p in observations.paragraphs if p.number]
    assert "100000000." in numbers
    assert all(len(n) < 40 for n in numbers)


def test_small_raised_characters_that_are_not_decimal_digits_stay_text() -> None:
    # read_observations_pdf, seed 11, input 147: a raised "¹" followed by "3" was taken for
    # a footnote number; int("¹3") raised ValueError.
    data = (DATA / "read_observations_pdf-11-147.pdf").read_bytes()
    observations = litigate.read_observations(data)
    assert any("¹" in p.text for p in observations.paragraphs)


def test_a_long_run_of_raised_digits_is_not_a_footnote_number() -> None:
    from litigate.parse.pdf import _note_or_text

    notes: list[int] = []
    out: list[str] = []
    _note_or_text("12", notes, out)
    _note_or_text("9" * 5000, notes, out)  # int() refuses more than 4,300 digits
    assert notes == [12]
    assert out == ["9" * 5000]


def test_a_style_openpyxl_cannot_find_is_refused_without_printing(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # load_group_xlsx, seed 19, input 1582: <colors> moved into <cellStyles>; openpyxl
    # print()ed "0 is out of range" to stdout before raising IndexError.
    data = (DATA / "load_group_xlsx-19-1582.xlsx").read_bytes()
    base = Path(__file__).resolve().parent.parent / "examples/nardaran-group/base.toml"
    with pytest.raises(DocumentError, match="cannot be read as XLSX") as caught:
        litigate.load_group(data, base=base, format="xlsx")
    assert caught.value.reason == "bad_xlsx"
    assert capsys.readouterr().out == ""
