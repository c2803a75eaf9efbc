"""Issue 19: hostile and broken input, one test per defect class.

Each test here failed on the code before the fix (data lost silently, an
exception outside the error tree, a hang or a blow-up) and passes after.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

import litigate
import litigate.casefile
from litigate.errors import DocumentError, LitigateError
from litigate.group._xlsx import workbook_bytes

BASE = {
    "forum": "ecthr",
    "respondent": "AZE",
    "complaints": [{"provision": "ECHR-5-1"}],
}


def _xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    return workbook_bytes(book)


def _with_sheet_xml(data: bytes, change: object) -> bytes:
    """The package with ``xl/worksheets/sheet1.xml`` passed through ``change``."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                blob = change(blob)  # type: ignore[operator]
            target.writestr(info.filename, blob)
    return out.getvalue()


def _dimension(ref: str) -> object:
    def change(blob: bytes) -> bytes:
        if b"<dimension" in blob:
            return re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(), blob)
        return blob.replace(b"<sheetData", f'<dimension ref="{ref}"/><sheetData'.encode(), 1)

    return change


_ROWS: list[list[object]] = [
    ["applicant_id", "name"],
    ["A1", "Rauf Aliyev"],
    ["A2", "Elnur Mammadov"],
    ["A3", "Leyla Quliyeva"],
    ["A4", "Samir Hasanov"],
]


# ------------------------------------------------------------------ spreadsheets: data loss


@pytest.mark.parametrize("ref", ["A1:B2", "B2:B3", "A1:A1", "C3:D4"])
def test_rows_and_columns_beyond_the_declared_dimension_are_read(ref: str) -> None:
    data = _with_sheet_xml(_xlsx(_ROWS), _dimension(ref))
    group = litigate.load_group(data, base=BASE, format="xlsx")
    assert [(m.applicant_id, m.applicant.name) for m in group.members] == [
        (row[0], row[1]) for row in _ROWS[1:]
    ]


def test_a_dimension_claiming_the_whole_sheet_is_read_at_once() -> None:
    data = _with_sheet_xml(_xlsx(_ROWS), _dimension("A1:XFD1048576"))
    group = litigate.load_group(data, base=BASE, format="xlsx")
    assert len(group.members) == 4


def _rows_out_of_order(blob: bytes) -> bytes:
    return (
        blob.replace(b'<row r="3"', b'<row r="2"')
        .replace(b'r="A3"', b'r="A2"')
        .replace(b'r="B3"', b'r="B2"')
    )


def test_a_row_repeated_or_out_of_order_is_refused_not_dropped() -> None:
    data = _with_sheet_xml(_xlsx(_ROWS), _rows_out_of_order)
    with pytest.raises(DocumentError) as caught:
        litigate.load_group(data, base=BASE, format="xlsx")
    assert caught.value.reason == "bad_xlsx"
    assert "row 2" in str(caught.value)


def test_a_row_number_beyond_the_sheet_is_refused() -> None:
    def far(blob: bytes) -> bytes:
        return (
            blob.replace(b'<row r="5"', b'<row r="99999999999"')
            .replace(b'r="A5"', b'r="A99999999999"')
            .replace(b'r="B5"', b'r="B99999999999"')
        )

    with pytest.raises(LitigateError):
        litigate.load_group(_with_sheet_xml(_xlsx(_ROWS), far), base=BASE, format="xlsx")


def test_rows_are_never_padded_to_the_declared_dimension() -> None:
    from litigate.group.spreadsheet import _xlsx_rows

    data = _with_sheet_xml(_xlsx(_ROWS), _dimension("A1:XFD1048576"))
    assert [len(row) for row in _xlsx_rows(data, None)] == [2] * 5


def test_a_sheet_of_far_right_cells_is_refused_in_bounded_work() -> None:
    rows: list[list[object]] = [["applicant_id", "name"]]
    book = Workbook()
    sheet = book.active
    sheet.append(rows[0])
    for number in range(2, 402):
        sheet.cell(row=number, column=16_384, value="x")
    data = workbook_bytes(book)
    with pytest.raises(DocumentError) as caught:
        litigate.load_group(data, base=BASE, format="xlsx")
    assert caught.value.reason == "too_large"


# ------------------------------------------------------------------ templates: external links

_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _template_with_external_links() -> bytes:
    from tests.drafts.test_render_engine import make_docx

    source = zipfile.ZipFile(io.BytesIO(make_docx(["Dear {{ name }}"])))
    out = io.BytesIO()
    settings_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        f'<Relationship Id="rId1" Type="{_REL}/attachedTemplate" '
        'Target="http://tracker.example/t.dotm" TargetMode="External"/></Relationships>'
    )
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            blob = source.read(info.filename)
            if info.filename == "word/settings.xml":
                blob = blob.replace(
                    b"</w:settings>", b'<w:attachedTemplate r:id="rId1"/></w:settings>'
                )
                if b"xmlns:r=" not in blob.split(b">", 2)[1]:
                    blob = blob.replace(b"<w:settings ", f'<w:settings xmlns:r="{_REL}" '.encode())
            if info.filename == "word/_rels/document.xml.rels":
                blob = blob.replace(
                    b"</Relationships>",
                    f'<Relationship Id="rId90" Type="{_REL}/image" '
                    'Target="https://pixel.example/p.png" TargetMode="External"/>'
                    f'<Relationship Id="rId91" Type="{_REL}/oleObject" '
                    'Target="file://server/share/x.xls" TargetMode="External"/>'
                    f'<Relationship Id="rId92" Type="{_REL}/hyperlink" '
                    'Target="https://www.echr.coe.int/" TargetMode="External"/>'
                    "</Relationships>".encode(),
                )
            target.writestr(info.filename, blob)
        target.writestr(
            "word/_rels/settings.xml.rels", settings_rels.encode()
        ) if "word/_rels/settings.xml.rels" not in source.namelist() else None
    return out.getvalue()


def test_external_relationships_of_a_template_never_reach_the_draft() -> None:
    from litigate.drafts.engine import compile_template

    template = compile_template(_template_with_external_links(), template_id="firm")
    data = template.render({"name": "Rauf Aliyev"})
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        everything = b"".join(package.read(n) for n in package.namelist())
        settings = package.read("word/settings.xml")
    assert b"tracker.example" not in everything
    assert b"pixel.example" not in everything
    assert b"file://server" not in everything
    assert b"attachedTemplate" not in settings
    assert b"https://www.echr.coe.int/" in everything  # a plain hyperlink stays
    assert sorted(template.removed_links()) == [
        "word/document.xml: image to https://pixel.example/p.png",
        "word/document.xml: oleObject to file://server/share/x.xls",
        "word/settings.xml: attachedTemplate to http://tracker.example/t.dotm",
    ]
    import docx

    assert "Rauf Aliyev" in docx.Document(io.BytesIO(data)).paragraphs[0].text


def _field(instruction: str, shown: str) -> str:
    return (
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve">{instruction}</w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f'<w:r><w:t>{shown}</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def test_fields_that_fetch_lose_their_instruction_and_keep_their_text() -> None:
    """INCLUDEPICTURE, INCLUDETEXT, LINK and DDEAUTO fields make Word fetch (or run) on opening."""
    from litigate.drafts.engine import compile_template
    from tests.drafts.test_render_engine import texts, with_body

    body = (
        "<w:p><w:r><w:t>Dear {{ name }}</w:t></w:r></w:p>"
        + _field(' INCLUDEPICTURE "http://pixel.example/a.png" \\d ', "[picture]")
        + _field(' includetext "\\\\server\\share\\x.docx" ', "[text]")
        + "<w:p><w:fldSimple w:instr=' DDEAUTO c:\\windows\\system32\\cmd.exe \"/k calc\" '>"
        "<w:r><w:t>[dde]</w:t></w:r></w:fldSimple></w:p>"
        + _field(' HYPERLINK "https://www.echr.coe.int/" ', "the Court")
        + _field(" PAGE ", "1")
    )
    template = compile_template(with_body(body), template_id="firm")
    data = template.render({"name": "Rauf Aliyev"})
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        document = package.read("word/document.xml")
    assert b"pixel.example" not in document
    assert b"server" not in document
    assert b"DDEAUTO" not in document
    assert b"cmd.exe" not in document
    assert b"HYPERLINK" in document  # followed only when clicked: stays
    assert b" PAGE " in document  # a field that fetches nothing stays
    assert texts(data)[:6] == [
        "Dear Rauf Aliyev",
        "[picture]",
        "[text]",
        "[dde]",
        "the Court",
        "1",
    ]
    assert template.removed_links() == (
        'word/document.xml: field DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc"',
        'word/document.xml: field INCLUDEPICTURE "http://pixel.example/a.png" \\d',
        'word/document.xml: field includetext "\\\\server\\share\\x.docx"',
    )


# ------------------------------------------------------------------ templates: the sandbox


def _render(tags: list[str], context: dict[str, object] | None = None, **kwargs: object) -> bytes:
    from litigate.drafts.engine import compile_template
    from tests.drafts.test_render_engine import make_docx

    template = compile_template(make_docx(tags), template_id="t")
    return template.render(context or {"x": 1}, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "tag",
    [
        "{{ range }}",
        "{{ namespace }}",
        "{{ cycler }}",
        "{{ joiner() }}",
        "{{ [range, 1] }}",
        "{{ x.conjugate }}",
    ],
)
def test_nothing_internal_is_printable(tag: str) -> None:
    from litigate.errors import TemplateSecurityError

    with pytest.raises(TemplateSecurityError):
        _render([tag])


@pytest.mark.parametrize(
    "tag",
    [
        "{% macro m(n) %}{{ m(n + 1) }}{% endmacro %}{{ m(0) }}",
        "{% for a in [[1]] recursive %}{{ loop([a]) }}{% endfor %}",
        "{% macro m() %}{% call m() %}{% endcall %}{{ caller() }}{% endmacro %}{{ m() }}",
    ],
)
def test_template_recursion_is_a_litigate_error(tag: str) -> None:
    from litigate.errors import TemplateSecurityError

    with pytest.raises(TemplateSecurityError):
        _render([tag])


@pytest.mark.parametrize(
    "tag",
    [
        "{% set s = 'x'.zfill(10**8) %}",
        "{% set s = 'x'.ljust(10**8) %}",
        "{% set s = 'x'.rjust(10**8) %}",
        "{% set s = 'x'.center(10**8) %}",
        "{% set s = ('\\t' * 100).expandtabs(10**6) %}",
        "{% set s = ('x' * 10000).replace('', 'y' * 10000) %}",
        (
            "{% set ns = namespace(s='x' * 1000) %}{% for i in range(40) %}"
            "{% set ns.s = ns.s ~ ns.s %}{% endfor %}"
        ),
        (
            "{% set ns = namespace(s=[1] * 1000) %}{% for i in range(40) %}"
            "{% set ns.s = ns.s + ns.s %}{% endfor %}"
        ),
        "{% set s = ('x' * 10000).encode() * 10000 %}",
        (
            "{% set ns = namespace(n=10) %}{% for i in range(40) %}"
            "{% set ns.n = ns.n * ns.n %}{% endfor %}"
        ),
        "{% set n = ((10 ** 100) ** 100) ** 100 %}",
        (
            "{% for a in range(10000) %}{% for b in range(10000) %}{% for c in range(10000) %}"
            "{% endfor %}{% endfor %}{% endfor %}"
        ),
    ],
)
def test_memory_and_cpu_of_a_render_are_bounded(tag: str) -> None:
    from litigate.errors import TemplateSecurityError

    with pytest.raises(TemplateSecurityError):
        _render([tag])


def test_a_draft_with_the_private_marker_characters_in_a_value_renders() -> None:
    import docx

    data = _render(["{{ x }} and {{ missing }}"], {"x": "a\ufdd27\ufdd3c"}, draft=True)
    text = docx.Document(io.BytesIO(data)).paragraphs[0].text
    assert text.startswith("a\ufffd7\ufffdc and ")
    assert "MISSING" in text


# ------------------------------------------------------------------ dates and the calendar


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("3 \u017feptember 2020", (2020, 9, 3)),  # long s, which case-insensitive s matches
        ("3 augu\u017ft 2020", (2020, 8, 3)),
        ("Monday 3 Augu\u017ft 2020", (2020, 8, 3)),
        ("\u212aasım 2020 1", None),  # Kelvin sign for K: read or refused, never KeyError
    ],
)
def test_month_names_with_characters_case_folding_maps_to_ascii(
    text: str, expected: tuple[int, int, int] | None
) -> None:
    from datetime import date

    try:
        got = litigate.parse_date(text, languages=["en", "az"])
    except LitigateError:
        assert expected is None
        return
    if expected is not None:
        assert got == date(*expected)


def test_a_period_past_31_december_9999_is_a_clear_error() -> None:
    from datetime import date

    from litigate.errors import InputError

    case = litigate.casefile.case_from_dict(
        {
            "forum": "ecthr",
            "respondent": "AZE",
            "applicants": [{"name": "Rauf Aliyev"}],
            "complaints": [{"provision": "ECHR-5-1", "exhausted_by": ["appeal"]}],
            "proceedings": [
                {
                    "id": "appeal",
                    "court": "Baku Court of Appeal",
                    "level": "appeal",
                    "taken_on": "9999-12-20",
                }
            ],
        }
    )
    with pytest.raises(InputError) as caught:
        litigate.filing_window(case, as_of=date(2026, 1, 1))
    assert "9999-12-20" in str(caught.value)
    assert caught.value.field == "date"


# ------------------------------------------------------------------ special files


def _special_files(tmp_path: Path) -> list[Path]:
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    links = []
    for target, name in ((Path("/dev/zero"), "zero"), (fifo, "to-pipe")):
        link = tmp_path / name
        link.symlink_to(target)
        links.append(link)
    return [Path("/dev/zero"), fifo, *links, tmp_path]


@pytest.mark.parametrize("reader", ["case", "spreadsheet", "docx", "template"])
def test_devices_pipes_and_links_to_them_are_refused_not_read(tmp_path: Path, reader: str) -> None:
    from litigate.errors import CaseFileError

    for special in _special_files(tmp_path):
        suffix = {"case": ".toml", "spreadsheet": ".csv", "docx": ".docx", "template": ".docx"}
        named = tmp_path / f"named-{special.name}{suffix[reader]}"
        if not named.exists():
            named.symlink_to(special)
        for path in (special, named):
            if reader == "case":
                with pytest.raises(CaseFileError):
                    litigate.load_case(named if path is special else path)
            elif reader == "spreadsheet":
                with pytest.raises(DocumentError):
                    litigate.load_group(path, base=BASE, format="csv")
            elif reader == "docx":
                with pytest.raises(DocumentError):
                    litigate.read_observations(path)
            else:
                from litigate.drafts.engine import compile_template

                with pytest.raises(DocumentError):
                    compile_template(path, template_id="t")
