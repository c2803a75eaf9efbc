"""Group applications: spreadsheet import, docket, table of applicants, forms."""

from __future__ import annotations

import contextlib
import csv
import importlib.util
import io
import zipfile
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import (  # type: ignore[import-untyped,unused-ignore]
    Workbook,
    load_workbook,
)

import litigate
from litigate.errors import (
    DocumentError,
    InputError,
    LitigateError,
    OverwriteRefusedError,
    SpreadsheetError,
    SpreadsheetProblem,
)
from litigate.group import (
    GroupApplicant,
    GroupApplication,
    applicants_table,
    applicants_table_bytes,
    docket,
    group_documents,
    group_template,
    group_windows,
    load_group,
    render_forms,
    write_applicants_table,
)
from litigate.group._xlsx import workbook_bytes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "nardaran-group"
BASE = {
    "forum": "ecthr",
    "respondent": "AZE",
    "representatives": [{"name": "Nurana Alasgarova"}, {"name": "Farid Huseynli"}],
    "complaints": [{"provision": "ECHR-5-1"}, {"provision": "ECHR-5-3"}],
    "facts": "The police raided Nardaran on 24 November 2025.",
}
NAIVE = datetime  # spreadsheet cells hold naive date-times
DATE_HINT = "is not a date (write YYYY-MM-DD, e.g. 2024-01-31, or use a date cell)"


def csv_of(*rows: Sequence[object], delimiter: str = ",") -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\n")
    for row in rows:
        writer.writerow(["" if v is None else v for v in row])
    return buffer.getvalue().encode("utf-8")


def xlsx_of(*rows: Sequence[object]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(list(row))
    return workbook_bytes(book)


def problems(data: bytes, fmt: str = "csv", **kwargs: object) -> list[str]:
    with pytest.raises(SpreadsheetError) as caught:
        load_group(data, base=BASE, format=fmt, **kwargs)  # type: ignore[arg-type]
    return [str(p) for p in caught.value.problems]


HEADER = ["applicant_id", "name", "date_of_birth", "decision1_court", "decision1_taken_on"]


# ------------------------------------------------------------------ import: good input


def test_csv_comma_semicolon_bom_read_alike():
    rows = [HEADER, ["A1", "Rauf Aliyev", "1984-03-02", "Baku Court of Appeal", "2025-12-10"]]
    comma = load_group(csv_of(*rows), base=BASE, format="csv")
    semicolon = load_group(csv_of(*rows, delimiter=";"), base=BASE, format="csv")
    bom = load_group(b"\xef\xbb\xbf" + csv_of(*rows, delimiter=";"), base=BASE, format="csv")
    assert comma == semicolon == bom
    member = comma.members[0]
    assert member.applicant.date_of_birth == date(1984, 3, 2)
    assert member.decisions[0].taken_on == date(2025, 12, 10)
    assert member.row == 2


def test_xlsx_date_cells_and_numbers():
    data = xlsx_of(
        [*HEADER, "anonymity_requested"],
        [17, "Rauf Aliyev", NAIVE(1984, 3, 2), "Baku Court of Appeal", date(2025, 12, 10), True],
    )
    group = load_group(data, base=BASE, format="xlsx")
    member = group.members[0]
    assert member.applicant_id == "17"
    assert member.applicant.date_of_birth == date(1984, 3, 2)
    assert member.applicant.anonymity_requested is True


def test_example_csv_and_xlsx_give_the_same_group():
    base = EXAMPLE / "base.toml"
    from_xlsx = load_group(EXAMPLE / "applicants.xlsx", base=base)
    from_csv = load_group(EXAMPLE / "applicants.csv", base=base)
    assert from_xlsx == from_csv
    assert len(from_xlsx) == 75
    assert from_xlsx.table_required


def test_example_script_is_deterministic(tmp_path):
    spec = importlib.util.spec_from_file_location(
        "make_group_example", ROOT / "scripts" / "make_group_example.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    rows = module.applicants()
    assert module.xlsx(rows) == (EXAMPLE / "applicants.xlsx").read_bytes()
    assert module.csv_text(rows) == (EXAMPLE / "applicants.csv").read_bytes()


def test_several_decisions_in_numbered_groups():
    data = csv_of(
        [
            "applicant_id",
            "name",
            "decision1_court",
            "decision1_taken_on",
            "decision2_court",
            "decision2_taken_on",
            "decision2_served_on",
        ],
        [
            "A1",
            "Rauf Aliyev",
            "Khatai District Court",
            "2025-11-25",
            "Baku Court of Appeal",
            "2025-12-10",
            "2025-12-12",
        ],
        ["A2", "Elnur Mammadov", "", "", "Baku Court of Appeal", "2025-12-11", ""],
    )
    group = load_group(data, base=BASE, format="csv")
    assert [len(m.decisions) for m in group.members] == [2, 1]
    case = group.case_for("A1")
    assert [d.court for d in case.proceedings] == ["Khatai District Court", "Baku Court of Appeal"]
    assert [d.title for d in case.documents] == [
        "Decision of the Khatai District Court",
        "Decision of the Baku Court of Appeal",
    ]


def test_cases_are_lazy_and_complete():
    data = csv_of(
        ["applicant_id", "name", "facts", "representative"],
        ["A1", "Rauf Aliyev", "Arrested at home.", "Farid Huseynli"],
        ["A2", "Elnur Mammadov", "", ""],
    )
    group = load_group(data, base=BASE, format="csv")
    cases = group.cases()
    assert not isinstance(cases, (list, tuple))
    first = next(cases)
    assert first.applicants[0].name == "Rauf Aliyev"
    assert first.facts == "The police raided Nardaran on 24 November 2025.\n\nArrested at home."
    assert [r.name for r in first.representatives] == ["Farid Huseynli"]
    second = next(cases)
    assert second.facts == BASE["facts"]
    assert len(second.representatives) == 2


# ------------------------------------------------------------------ import: errors, exact


def test_bad_date_message_is_exact():
    data = csv_of(
        ["applicant_id", "name", "decision1_court", "decision1_served_on"],
        ["A1", "Rauf Aliyev", "Baku Court of Appeal", "31/02/2024"],
    )
    assert problems(data) == [f"row 2, column \"decision1_served_on\": '31/02/2024' {DATE_HINT}"]


@pytest.mark.parametrize(
    "text", ["31.01.2024", "31/01/2024", "01/31/2024", "2024-02-30", "2024-1-5", "yesterday"]
)
def test_only_iso_or_date_cells(text):
    data = csv_of(["applicant_id", "name", "date_of_birth"], ["A1", "Rauf Aliyev", text])
    assert problems(data) == [f'row 2, column "date_of_birth": {text!r} {DATE_HINT}']


def test_datetime_with_time_of_day_refused():
    data = xlsx_of(
        ["applicant_id", "name", "date_of_birth"], ["A1", "Rauf Aliyev", NAIVE(1984, 3, 2, 14, 30)]
    )
    assert problems(data, "xlsx") == [
        'row 2, column "date_of_birth": 1984-03-02 14:30:00 has a time of day; a date cell or YYYY-MM-DD text is expected'
    ]


def test_number_in_date_column_refused():
    data = xlsx_of(["applicant_id", "name", "date_of_birth"], ["A1", "Rauf Aliyev", 45000])
    assert problems(data, "xlsx") == [f'row 2, column "date_of_birth": 45000 {DATE_HINT}']


def test_five_bad_cells_give_five_problems():
    data = csv_of(
        [
            "applicant_id",
            "name",
            "sex",
            "date_of_birth",
            "anonymity_requested",
            "decision1_court",
            "decision1_level",
        ],
        ["A1", "Rauf Aliyev", "m", "1984-03-02", "", "Baku Court of Appeal", "appeal"],
        [
            "A2",
            "Elnur Mammadov",
            "male",
            "02.03.1984",
            "perhaps",
            "Baku Court of Appeal",
            "appeal",
        ],
        ["A3", "Aysel Guliyeva", "female", "", "", "Baku Court of Appeal", "supreme"],
        ["A1", "Kamran Abbasov", "male", "", "", "", ""],
    )
    found = problems(data)
    assert found == [
        "row 2, column \"sex\": 'm' must be one of 'female', 'male', 'other'",
        f"row 3, column \"date_of_birth\": '02.03.1984' {DATE_HINT}",
        "row 3, column \"anonymity_requested\": 'perhaps' must be yes or no",
        "row 4, column \"decision1_level\": 'supreme' must be one of 'investigation', 'first_instance', 'appeal', 'cassation', 'constitutional', 'other'",
        "row 5, column \"applicant_id\": 'A1' is a duplicate applicant id (first used in row 2)",
    ]


def test_problems_are_structured():
    data = csv_of(["applicant_id", "name", "date_of_birth"], ["A1", "Rauf Aliyev", "31/02/2024"])
    with pytest.raises(SpreadsheetError) as caught:
        load_group(data, base=BASE, format="csv")
    problem = caught.value.problems[0]
    assert (problem.row, problem.column, problem.value) == (2, "date_of_birth", "31/02/2024")
    assert problem == SpreadsheetProblem(
        DATE_HINT, row=2, column="date_of_birth", value="31/02/2024"
    )
    assert isinstance(caught.value, InputError)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value).startswith("1 problem:")


def test_unknown_duplicate_and_missing_columns():
    data = csv_of(
        ["applicant_id", "nmae", "colour", "applicant_id", "decision2_taken_on"],
        ["A1", "x", "red", "A1", "2025-12-10"],
    )
    assert problems(data) == [
        "row 1, column \"nmae\": unknown column; did you mean 'name'? (the template lists the columns)",
        'row 1, column "colour": unknown column (the template lists the columns)',
        'row 1, column "applicant_id": column appears twice (columns 1 and 4)',
        'row 1, column "name": required column is missing',
        'row 1, column "decision2_court": required column is missing (decision columns need their court)',
    ]


def test_required_values_and_decision_without_court():
    data = csv_of(
        ["applicant_id", "name", "decision1_court", "decision1_taken_on"],
        ["", "Rauf Aliyev", "", ""],
        ["A2", "", "", "2025-12-10"],
    )
    assert problems(data) == [
        'row 2, column "applicant_id": is required',
        'row 3, column "name": is required',
        'row 3, column "decision1_court": is required when other decision1 cells are filled',
    ]


def test_model_rules_are_reported_on_their_cell():
    data = csv_of(
        [
            "applicant_id",
            "name",
            "anonymity_reasons",
            "representative",
            "decision1_court",
            "decision1_taken_on",
            "decision1_served_on",
        ],
        ["A1", "Rauf Aliyev", "", "", "Baku Court of Appeal", "2025-12-10", "2025-12-01"],
        ["A2", "Elnur Mammadov", "fear", "", "", "", ""],
        ["A3", "Aysel Guliyeva", "", "Someone Else", "", "", ""],
    )
    assert problems(data) == [
        "row 2, column \"decision1_served_on\": '2025-12-01' served_on (2025-12-01) cannot be before taken_on (2025-12-10)",
        "row 3, column \"anonymity_reasons\": 'fear' anonymity_reasons given but anonymity_requested is false (got 'fear')",
        "row 4, column \"representative\": 'Someone Else' no representative named 'Someone Else' in the base case (known: 'Nurana Alasgarova', 'Farid Huseynli')",
    ]


def test_formulas_refused_not_evaluated():
    data = xlsx_of(
        ["applicant_id", "name", "date_of_birth"],
        ["A1", '=CONCAT("Rauf"," Aliyev")', "=DATE(1984,3,2)"],
    )
    assert problems(data, "xlsx") == [
        'row 2, column "name": \'=CONCAT("Rauf"," Aliyev")\' is a formula; formulas are refused (type the value itself)',
        "row 2, column \"date_of_birth\": '=DATE(1984,3,2)' is a formula; formulas are refused (type the value itself)",
    ]
    text = csv_of(["applicant_id", "name"], ["A1", "=1+1"])
    assert problems(text) == [
        "row 2, column \"name\": '=1+1' is a formula; formulas are refused (type the value itself)"
    ]


def test_control_characters_refused():
    data = csv_of(["applicant_id", "name"], ["A1", "Rauf\x00Aliyev"], ["A2", "Elnur\x1bMammadov"])
    assert problems(data) == [
        "row 2, column \"name\": 'Rauf\\x00Aliyev' contains control characters; remove them",
        "row 3, column \"name\": 'Elnur\\x1bMammadov' contains control characters; remove them",
    ]


def test_empty_files():
    for data, fmt in (
        (b"", "csv"),
        (b"\xef\xbb\xbf", "csv"),
        (b"\n\n", "csv"),
        (xlsx_of(), "xlsx"),
    ):
        assert problems(data, fmt) == [
            "the file is empty: the first row must hold the column names (the template shows them)"
        ]
    assert problems(b"applicant_id,name\n", "csv") == [
        "the sheet has no applicant rows below the header"
    ]
    assert problems(b"\napplicant_id,name\nA1,X\n", "csv") == [
        "row 1: the first row must hold the column names (the template shows them)"
    ]


def test_too_many_rows_refused():
    data = csv_of(["applicant_id", "name"], *[[f"A{i}", f"Name {i}"] for i in range(6)])
    assert problems(data, max_rows=5) == [
        "row 7: the sheet has more than 5 applicant rows; split it into several files (or pass a larger max_rows)"
    ]
    assert len(load_group(data, base=BASE, format="csv", max_rows=6)) == 6


def test_data_without_a_header():
    data = csv_of(["applicant_id", "name"], ["A1", "Rauf Aliyev", "stray"])
    assert problems(data) == ["row 2: 'stray' column 3 holds data but has no header"]


def test_not_utf8_csv():
    assert problems(
        "applicant_id,name\nA1,Rəşad\n".encode("cp1254", errors="replace") + b"\xff"
    ) == ["the file is not UTF-8 text (byte 0xfe at position 23); save it as CSV UTF-8"]


def test_hostile_or_wrong_files_are_document_errors(tmp_path):
    with pytest.raises(DocumentError) as caught:
        load_group(b"%PDF-1.7", base=BASE, format="xlsx")
    assert caught.value.reason == "not_an_xlsx"
    with pytest.raises(DocumentError) as caught:
        load_group(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", base=BASE, format="xlsx")
    assert caught.value.reason == "encrypted"
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", b"\0" * (5 * 1024 * 1024))
    with pytest.raises(DocumentError) as caught:
        load_group(bomb.getvalue(), base=BASE, format="xlsx")
    assert caught.value.reason == "zip_bomb"
    entity = io.BytesIO()
    with zipfile.ZipFile(entity, "w") as archive:
        archive.writestr(
            "xl/workbook.xml", b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'
        )
    with pytest.raises(DocumentError) as caught:
        load_group(entity.getvalue(), base=BASE, format="xlsx")
    assert caught.value.reason == "external_entity"
    macro = tmp_path / "applicants.xlsm"
    macro.write_bytes(b"x")
    with pytest.raises(DocumentError) as caught:
        load_group(macro, base=BASE)
    assert caught.value.reason == "unsupported_format"
    with pytest.raises(InputError, match="pass format="):
        load_group(b"applicant_id,name\n", base=BASE)


def test_base_case_must_not_list_applicants():
    with pytest.raises(InputError, match="the base case of a group lists no applicants"):
        load_group(
            b"applicant_id,name\nA1,X\n",
            base={**BASE, "applicants": [{"name": "X"}]},
            format="csv",
        )


@settings(max_examples=200, deadline=None, derandomize=True)
@given(
    cells=st.lists(
        st.one_of(
            st.none(),
            st.text(max_size=12),
            st.integers(-(10**6), 10**6),
            st.floats(allow_nan=False, allow_infinity=False),
            st.booleans(),
            st.dates(min_value=date(1900, 1, 1)),
            st.datetimes(min_value=NAIVE(1900, 1, 1)),
        ),
        min_size=6,
        max_size=6,
    )
)
def test_random_cells_raise_only_litigate_errors(cells):
    header = [
        "applicant_id",
        "name",
        "date_of_birth",
        "sex",
        "decision1_court",
        "decision1_taken_on",
    ]
    try:
        data = xlsx_of(header, cells)
    except Exception:  # noqa: BLE001 - openpyxl refuses some texts when writing: not our reader
        return
    for payload, fmt in ((data, "xlsx"), (csv_of(header, cells), "csv")):
        try:
            group = load_group(payload, base=BASE, format=fmt)  # type: ignore[arg-type]
        except LitigateError:
            continue
        assert len(group) == 1


@settings(max_examples=200, deadline=None, derandomize=True)
@given(data=st.binary(max_size=300))
def test_random_bytes_raise_only_litigate_errors(data):
    for fmt in ("csv", "xlsx"):
        with contextlib.suppress(LitigateError):
            load_group(data, base=BASE, format=fmt)


# ------------------------------------------------------------------ template round trip


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_template_round_trip(tmp_path, fmt):
    target = tmp_path / f"applicants.{fmt}"
    group_template(target, format=fmt)
    with pytest.raises(OverwriteRefusedError):
        group_template(target, format=fmt)
    row = {
        "applicant_id": "A1",
        "name": "Rauf Aliyev",
        "decision1_court": "Baku Court of Appeal",
        "decision1_taken_on": "2025-12-10",
        "sex": "male",
    }
    if fmt == "xlsx":
        book = load_workbook(target)
        assert book.sheetnames == ["Applicants", "Columns"]
        sheet = book["Applicants"]
        header = [c.value for c in sheet[1]]
        sheet.append([row.get(h) for h in header])
        buffer = io.BytesIO()
        book.save(buffer)
        target.write_bytes(buffer.getvalue())
    else:
        text = target.read_text(encoding="utf-8-sig")
        header = text.splitlines()[0].split(",")
        target.write_text(
            text + ",".join(row.get(h, "") for h in header) + "\r\n", encoding="utf-8-sig"
        )
    group = load_group(target, base=BASE)
    member = group.members[0]
    assert (member.applicant_id, member.applicant.name, member.applicant.sex) == (
        "A1",
        "Rauf Aliyev",
        "male",
    )
    assert member.decisions[0].taken_on == date(2025, 12, 10)


def test_template_bytes_are_deterministic(tmp_path):
    group_template(tmp_path / "a.xlsx")
    group_template(tmp_path / "b.xlsx")
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    with pytest.raises(InputError, match="format must be"):
        group_template(tmp_path / "c.ods", format="ods")  # type: ignore[arg-type]


# ------------------------------------------------------------------ windows and docket


def test_windows_match_filing_window_of_each_case():
    group = load_group(EXAMPLE / "applicants.csv", base=EXAMPLE / "base.toml")
    as_of = date(2026, 3, 16)
    windows = group_windows(group, as_of=as_of)
    assert len(windows) == len(group)
    for entry, case in zip(windows, group.cases(), strict=True):
        single = litigate.filing_window(case, as_of=as_of)
        assert (entry.status, entry.deadline, entry.days_left) == (
            single.status,
            single.deadline,
            single.days_left,
        )
        assert entry.name == case.applicants[0].name


def test_docket_ordering_and_groups():
    group = load_group(EXAMPLE / "applicants.xlsx", base=EXAMPLE / "base.toml")
    result = docket(group, as_of=date(2026, 3, 16))
    deadlines = [e.deadline for e in result.entries if e.deadline is not None]
    assert deadlines == sorted(deadlines)
    assert all(e.deadline is None for e in result.entries[len(deadlines) :])
    assert [e.applicant_id for e in result.time_barred] == ["N003", "N019", "N034"]
    assert {e.applicant_id for e in result.lacking_data} == {
        "N007",
        "N023",
        "N041",
        "N066",
        "N012",
        "N058",
    }
    assert dict(result.counts) == {"total": 75, "expired": 3, "open": 70, "not_started": 2}
    expiring = result.expiring
    assert expiring[0].deadline == min(e.deadline for e in expiring if e.deadline)
    text = str(result)
    assert (
        text.splitlines()[0]
        == "Docket on 16 March 2026: 75 applicants, 3 time-barred, 70 open, 6 lacking data"
    )
    assert "N003       Emin Nasirov" in text
    rows = result.to_rows()
    assert rows[0]["deadline"] == "2026-02-22" and rows[0]["status"] == "expired"


def test_docket_with_ties_keeps_sheet_order():
    data = csv_of(
        ["applicant_id", "name", "decision1_court", "decision1_taken_on"],
        ["B", "Second Person", "Baku Court of Appeal", "2025-12-10"],
        ["A", "First Person", "Baku Court of Appeal", "2025-12-10"],
        ["C", "Third Person", "Baku Court of Appeal", "2025-12-01"],
    )
    result = docket(load_group(data, base=BASE, format="csv"), as_of=date(2026, 1, 5))
    assert [e.applicant_id for e in result.entries] == ["C", "B", "A"]


# ------------------------------------------------------------------ table, documents, forms


def _group_with(name: str, address: str) -> GroupApplication:
    base = litigate.Case(
        forum="ecthr", respondent="AZE", complaints=[litigate.Complaint(provision="ECHR-5-1")]
    )
    member = GroupApplicant(
        applicant_id="A1", applicant=litigate.Applicant.person(name=name, address=address)
    )
    return GroupApplication(base=base, members=[member])


def test_formula_injection_neutralised_on_export(tmp_path):
    group = _group_with('=HYPERLINK("http://evil.example","x")', "@SUM(1+1)")
    target = write_applicants_table(group, tmp_path / "table.xlsx")
    sheet = load_workbook(target)["Applicants"]
    cells = {c.value: c.data_type for c in sheet[2] if isinstance(c.value, str)}
    assert '\'=HYPERLINK("http://evil.example","x")' in cells
    assert "'@SUM(1+1)" in cells
    assert set(cells.values()) == {"s"}
    text = docket(_group_with("-2+3", "x"), as_of=date(2026, 1, 5)).to_csv().decode("utf-8-sig")
    assert "'-2+3" in text


def test_table_bytes_are_deterministic_and_never_overwrite(tmp_path):
    group = load_group(EXAMPLE / "applicants.csv", base=EXAMPLE / "base.toml")
    first = applicants_table_bytes(group)
    assert first == applicants_table_bytes(group)
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert b"2000-01-01T00:00:00Z" in archive.read("docProps/core.xml")
    target = write_applicants_table(group, tmp_path / "t.xlsx")
    with pytest.raises(OverwriteRefusedError):
        write_applicants_table(group, target)
    write_applicants_table(group, target, overwrite=True)
    assert target.read_bytes() == first


def test_table_columns_in_the_courts_order():
    group = load_group(EXAMPLE / "applicants.xlsx", base=EXAMPLE / "base.toml")
    sheet = load_workbook(io.BytesIO(applicants_table_bytes(group)))["Applicants"]
    assert [c.value for c in sheet[1]] == [
        "No.",
        "Surname",
        "First name(s)",
        "Date of birth",
        "Place of birth",
        "Nationality",
        "Address",
        "Sex",
        "Represented by",
        "Final domestic decision",
        "Date of final domestic decision",
        "Date of introduction",
    ]
    assert sheet.max_row == 76
    row = applicants_table(group)[1]
    assert row["No."] == 2
    assert row["Represented by"] == "Farid Huseynli"
    assert row["Final domestic decision"].startswith("Baku Court of Appeal (1(103)-502/2025)")
    assert sheet["D2"].is_date


def test_combined_documents_numbered_deduplicated_dated():
    data = csv_of(
        ["applicant_id", "name", "decision1_court", "decision1_taken_on", "decision1_reference"],
        ["A1", "Rauf Aliyev", "Baku Court of Appeal", "2025-12-10", "1(103)-1/2025"],
        ["A2", "Elnur Mammadov", "Baku Court of Appeal", "2025-12-10", "1(103)-1/2025"],
        ["A3", "Aysel Guliyeva", "Khatai District Court", "2025-11-25", ""],
    )
    base = {**BASE, "documents": [{"title": "Police report", "date": "2025-11-24"}]}
    group = load_group(data, base=base, format="csv")
    listed = [(d.number, d.title, d.date_text, d.applicants_text) for d in group_documents(group)]
    assert listed == [
        (1, "Police report", "24 November 2025", "all"),
        (2, "Decision of the Khatai District Court", "25 November 2025", "A3"),
        (3, "Decision of the Baku Court of Appeal", "10 December 2025", "A1, A2"),
    ]
    sheet = load_workbook(io.BytesIO(applicants_table_bytes(group)))["Documents"]
    assert [c.value for c in sheet[4]] == [
        3,
        "10 December 2025",
        "Decision of the Baku Court of Appeal",
        "1(103)-1/2025",
        None,
        "A1, A2",
    ]


def test_one_form_per_applicant(tmp_path):
    data = csv_of(
        ["applicant_id", "name", "facts"],
        ["A/1", "Rauf Aliyev", "Arrested at home."],
        ["A2", "Elnur Mammadov", "Arrested in the street."],
    )
    group = load_group(data, base=BASE, format="csv")
    written = render_forms(group, tmp_path, as_of=date(2026, 1, 5), draft=True)
    assert [p.name for p in written] == ["application-A_1.en.docx", "application-A2.en.docx"]
    import docx

    text = "\n".join(p.text for p in docx.Document(str(written[0])).paragraphs)
    assert "Arrested at home." in text
    assert "Arrested in the street." not in text
    clash = load_group(
        csv_of(["applicant_id", "name"], ["A/1", "X"], ["A?1", "Y"]), base=BASE, format="csv"
    )
    with pytest.raises(InputError, match="give the same file name"):
        render_forms(clash, tmp_path / "other", as_of=date(2026, 1, 5), draft=True)


@pytest.mark.parametrize(
    "prolog",
    [
        b'<?xml version="1.0"?><!--' + b"x" * 10_000 + b'--><!DOCTYPE x [<!ENTITY a "b">]><x/>',
        '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'.encode(
            "utf-16"
        ),
        b'<?xml version="1.0"?><!doctype x [<!entity a "b">]><x/>',
    ],
    ids=["after-a-long-comment", "utf-16", "lower-case"],
)
def test_doctype_anywhere_in_any_encoding_is_refused(prolog: bytes) -> None:
    entity = io.BytesIO()
    with zipfile.ZipFile(entity, "w") as archive:
        archive.writestr("xl/workbook.xml", prolog)
    with pytest.raises(DocumentError) as caught:
        load_group(entity.getvalue(), base=BASE, format="xlsx")
    assert caught.value.reason == "external_entity"


# ---------------------------------------------------------------- render_group


def _texts(folder: Path) -> dict[str, str]:
    import docx

    return {
        p.name: "\n".join(par.text for par in docx.Document(str(p)).paragraphs)
        for p in sorted(folder.glob("*.docx"))
    }


def test_render_group_on_the_default_pool_writes_forms_table_and_docket(tmp_path):
    from litigate.batch import read_inputs
    from litigate.group import FileStatus, render_group

    group = load_group(EXAMPLE / "applicants.csv", base=EXAMPLE / "base.toml")
    as_of = date(2026, 11, 23)
    report = render_group(group, tmp_path / "out", as_of=as_of, progress=False)
    assert report.ok, str(report)
    assert report.forms.written == 75
    assert report.table.status is report.docket_file.status is FileStatus.WRITTEN
    out = tmp_path / "out"
    assert (out / "applicants-table.xlsx").read_bytes() == applicants_table_bytes(group)
    assert (out / "docket.csv").read_bytes() == docket(group, as_of=as_of).to_csv()
    assert report.docket == docket(group, as_of=as_of)
    # The forms say what render_forms says, and carry their inputs fingerprint.
    plain = render_forms(group, tmp_path / "plain", as_of=as_of)
    assert _texts(out / "forms") == _texts(tmp_path / "plain")
    assert sorted(p.name for p in (out / "forms").iterdir()) == sorted(p.name for p in plain)
    untouched, inputs = read_inputs(out / "forms" / plain[0].name)
    assert untouched
    assert inputs is not None
    # Run again: nothing to do.
    again = render_group(group, out, as_of=as_of, progress=False)
    assert again.forms.skipped == 75
    assert again.table.status is again.docket_file.status is FileStatus.UP_TO_DATE
    assert "group of 75 applicants" in str(again)


def test_render_group_sends_its_forms_in_shrinking_chunks(tmp_path, monkeypatch):
    """The group's size is known: large tasks first, small ones last (as for a list)."""
    from concurrent.futures import Executor, Future, ThreadPoolExecutor
    from typing import Any

    from litigate.batch import run as batch_run
    from litigate.group import render_group

    sizes: list[int] = []

    class Recording(Executor):  # not a thread pool: chunks are sized as for a process pool
        def __init__(self) -> None:
            self.pool = ThreadPoolExecutor(2)

        def submit(self, fn, /, *args, **kwargs):
            if args:  # a chunk of forms (not the start-up task)
                sizes.append(len(args[0].jobs))
            future: Future[Any] = self.pool.submit(fn, *args, **kwargs)
            return future

        def shutdown(self, wait=True, *, cancel_futures=False):
            self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)

    monkeypatch.setattr(batch_run, "_cpu_count", lambda: 2)
    group = load_group(EXAMPLE / "applicants.csv", base=EXAMPLE / "base.toml")
    with Recording() as pool:
        report = render_group(
            group, tmp_path, as_of=date(2026, 11, 23), executor=pool, progress=False
        )
    assert report.ok, str(report)
    assert sum(sizes) == 75
    assert sizes[0] == 75 // 8
    assert sizes == sorted(sizes, reverse=True)


def test_render_group_keeps_an_edited_table_and_docket_unless_told(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from litigate.group import FileStatus, render_group

    data = csv_of(
        ["applicant_id", "name", "decision1_court", "decision1_taken_on"],
        ["A1", "Rauf Aliyev", "Baku Court of Appeal", "2025-12-10"],
        ["A2", "Elnur Mammadov", "Baku Court of Appeal", "2025-06-02"],
    )
    group = load_group(data, base=BASE, format="csv")
    (tmp_path / "applicants-table.xlsx").write_bytes(b"edited by hand")
    (tmp_path / "docket.csv").write_bytes(b"my notes")
    with ThreadPoolExecutor(2) as pool:
        kept = render_group(
            group, tmp_path, as_of=date(2026, 1, 5), draft=True, executor=pool, progress=False
        )
        assert kept.table.status is kept.docket_file.status is FileStatus.REFUSED
        assert not kept.ok
        assert kept.forms.ok
        assert (tmp_path / "applicants-table.xlsx").read_bytes() == b"edited by hand"
        assert (tmp_path / "docket.csv").read_bytes() == b"my notes"
        assert "pass overwrite=True" in str(kept)
        # A later date changes the docket (days left) but not the table.
        replaced = render_group(
            group, tmp_path, as_of=date(2026, 1, 6), draft=True, executor=pool,
            progress=False, overwrite=True,
        )  # fmt: skip
    assert replaced.ok
    assert replaced.table.status is replaced.docket_file.status is FileStatus.WRITTEN
    assert (tmp_path / "applicants-table.xlsx").read_bytes() == applicants_table_bytes(group)
    # Now litigate wrote them: tomorrow's docket replaces today's without overwrite=True.
    with ThreadPoolExecutor(2) as pool:
        later = render_group(
            group, tmp_path, as_of=date(2026, 1, 7), draft=True, executor=pool, progress=False
        )
    assert later.ok
    assert later.docket_file.status is FileStatus.WRITTEN
    assert later.table.status is FileStatus.UP_TO_DATE
    assert (tmp_path / "docket.csv").read_bytes() == docket(group, as_of=date(2026, 1, 7)).to_csv()


def test_a_damaged_record_of_written_files_keeps_every_existing_file(tmp_path):
    from litigate._files import RECORD_NAME, FileStatus, write_tracked

    target = tmp_path / "docket.csv"
    assert write_tracked(target, b"v1") is FileStatus.WRITTEN
    for damage in (b"{not json", b"[1, 2]", b'{"docket.csv": 3}', b"\xff\xfe"):
        (tmp_path / RECORD_NAME).write_bytes(damage)
        assert write_tracked(target, b"v2") is FileStatus.REFUSED
        assert target.read_bytes() == b"v1"
    assert write_tracked(target, b"v2", overwrite=True) is FileStatus.WRITTEN
    assert write_tracked(target, b"v3") is FileStatus.WRITTEN  # the record is whole again


def test_render_group_fails_forms_one_by_one_and_refuses_clashing_ids(tmp_path):
    from concurrent.futures import ThreadPoolExecutor

    from litigate.group import render_group

    data = csv_of(["applicant_id", "name"], ["A1", "Rauf Aliyev"], ["A2", "Elnur Mammadov"])
    group = load_group(data, base=BASE, format="csv")
    with ThreadPoolExecutor(2) as pool:
        # No such template: each form fails on its own; the docket and table are written.
        report = render_group(
            group, tmp_path, as_of=date(2026, 1, 5), template_id="ecthr/nothing",
            executor=pool, progress=False,
        )  # fmt: skip
    assert report.forms.failed == 2
    assert {r.error_type for r in report.forms.results} == {"TemplateNotFoundError"}
    assert not report.ok
    assert (tmp_path / "docket.csv").exists()
    clash = load_group(
        csv_of(["applicant_id", "name"], ["A/1", "X"], ["A?1", "Y"]), base=BASE, format="csv"
    )
    with pytest.raises(InputError, match="give the same file name"):
        render_group(clash, tmp_path / "clash", as_of=date(2026, 1, 5), progress=False)
    assert not (tmp_path / "clash").exists()


def test_render_group_raises_what_the_docket_raises(tmp_path):
    import threading
    from concurrent.futures import ThreadPoolExecutor

    from litigate.errors import InsufficientFactsError
    from litigate.group import render_group

    group = load_group(
        csv_of(["applicant_id", "name"], ["A1", "Rauf Aliyev"]),
        base={"forum": "ecthr", "respondent": "AZE"},
        format="csv",
    )
    before = threading.active_count()
    with ThreadPoolExecutor(1) as pool, pytest.raises(InsufficientFactsError):
        render_group(
            group, tmp_path, as_of=date(2026, 1, 5), draft=True, executor=pool, progress=False
        )
    assert threading.active_count() == before
    assert not (tmp_path / "docket.csv").exists()
    assert not (tmp_path / "forms").exists()  # refused before any form was written


def test_filing_windows_pickle_with_their_explanation():
    import pickle

    group = load_group(EXAMPLE / "applicants.csv", base=EXAMPLE / "base.toml")
    window = group_windows(group, as_of=date(2026, 11, 23))[0].window
    copy = pickle.loads(pickle.dumps(window))
    assert copy == window
    assert copy.explain() == window.explain()
    assert copy.explain("fr") == window.explain("fr") != window.explain()


# ---------------------------------------------------------------- litigate group


def test_the_group_command_writes_everything_and_reports_json(tmp_path):
    import json

    from litigate.cli import main

    out, err = io.StringIO(), io.StringIO()
    args = [
        "group", str(EXAMPLE / "base.toml"), str(EXAMPLE / "applicants.xlsx"),
        "--out", str(tmp_path), "--as-of", "2026-11-23", "--workers", "2", "--json",
    ]  # fmt: skip
    assert main(args, out=out, err=err) == 0, err.getvalue()
    payload = json.loads(out.getvalue())
    assert payload["applicants"] == 75
    assert payload["forms"]["written"] == 75
    assert payload["table"]["status"] == payload["docket_file"]["status"] == "written"
    assert payload["docket"]["total"] == 75
    assert err.getvalue() == ""  # no progress bar when standard error is not a terminal
    assert len(list((tmp_path / "forms").glob("*.docx"))) == 75
    # Edited since: kept, exit code 1, and the text says how to replace it.
    (tmp_path / "applicants-table.xlsx").write_bytes(b"edited")
    out = io.StringIO()
    assert main(args[:-1], out=out, err=io.StringIO()) == 1
    assert "refused" in out.getvalue()
    assert "--overwrite" not in out.getvalue()  # the library's wording: overwrite=True
    assert (tmp_path / "applicants-table.xlsx").read_bytes() == b"edited"
    assert main([*args[:-1], "--overwrite"], out=io.StringIO(), err=io.StringIO()) == 0


def test_the_group_command_lists_every_bad_cell_and_writes_nothing(tmp_path):
    from litigate.cli import main

    sheet = tmp_path / "applicants.csv"
    sheet.write_bytes(
        csv_of(
            ["applicant_id", "name", "decision1_court", "decision1_served_on"],
            ["A1", "Rauf Aliyev", "Baku Court of Appeal", "31/02/2024"],
            ["A2", "", "Baku Court of Appeal", "2024-02-30"],
        )
    )
    base = tmp_path / "base.toml"
    base.write_text(
        'forum = "ecthr"\nrespondent = "AZE"\n[[complaints]]\nprovision = "ECHR-5-1"\n'
    )
    err = io.StringIO()
    code = main(
        ["group", str(base), str(sheet), "--out", str(tmp_path / "out"), "--as-of", "2026-11-23"],
        out=io.StringIO(),
        err=err,
    )
    assert code == 2
    text = err.getvalue()
    assert "row 2, column \"decision1_served_on\": '31/02/2024' is not a date" in text
    assert 'row 3, column "name"' in text
    assert "row 3, column \"decision1_served_on\": '2024-02-30'" in text
    assert not (tmp_path / "out").exists()


def test_render_group_on_a_callers_process_pool(tmp_path):
    """A caller's pool that forks its workers gets them started before the helper thread."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from litigate.group import render_group

    group = load_group(EXAMPLE / "applicants.csv", base=EXAMPLE / "base.toml")
    small = GroupApplication(base=group.base, members=group.members[:6])
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(2, mp_context=context) as pool:
        report = render_group(
            small, tmp_path, as_of=date(2026, 11, 23), executor=pool, progress=False
        )
    assert report.ok, str(report)
    assert report.forms.written == 6
