r"""Applicants from a spreadsheet (XLSX or CSV): strict, every problem at once, nothing half-done.

One row per applicant.  The columns are listed in :data:`COLUMNS` (and in the
second sheet of the template :func:`group_template` writes).  Several domestic
decisions per applicant go in **numbered column groups**: ``decision1_court``,
``decision1_taken_on``, ``decision2_court``… (any number of groups; a group is
used when one of its cells is filled, and then needs its ``court``).

Dates are real date cells or ISO text ``YYYY-MM-DD``; anything else (``31.01.2024``,
``03/04/2025``: day-first or month-first?) is refused.  Formulas are refused, not
evaluated.  Every problem is reported at once, as ``row 17, column "…": '…' is not
a date``, in one :class:`~litigate.errors.SpreadsheetError`.

Examples:
    >>> base = {"forum": "ecthr", "respondent": "AZE",
    ...         "complaints": [{"provision": "ECHR-5-1"}]}
    >>> sheet = (b"applicant_id;name;decision1_court;decision1_taken_on\n"
    ...          b"A1;Rauf Aliyev;Baku Court of Appeal;2025-12-10\n")
    >>> group = load_group(sheet, base=base, format="csv")
    >>> [(m.applicant_id, m.applicant.name, m.decisions[0].taken_on) for m in group.members]
    [('A1', 'Rauf Aliyev', datetime.date(2025, 12, 10))]
"""

from __future__ import annotations

import contextlib
import csv
import difflib
import io
import os
import re
import warnings
from collections.abc import Iterator, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from typing import Any, Literal

import attrs

from litigate._args import CASE_OR_SOURCE, INT, PATH_OR_BYTES, checked
from litigate._files import clear_name, read_bounded, write_atomic
from litigate._ooxml import MAX_PACKAGE_BYTES, XLSX, Package
from litigate.casefile import load_case
from litigate.errors import (
    DocumentError,
    InputError,
    SpreadsheetError,
    SpreadsheetProblem,
    ValidationError,
)
from litigate.group._xlsx import cell_value, csv_bytes, workbook_bytes
from litigate.group.model import GroupApplicant, GroupApplication, build_case, decision_document
from litigate.model import Applicant, Case, DomesticDecision, Level, Remedy, Sex

__all__ = [
    "COLUMNS",
    "DECISION_COLUMNS",
    "MAX_FILE_BYTES",
    "MAX_ROWS",
    "Column",
    "group_template",
    "load_group",
]

MAX_ROWS = 20_000
"""Default largest number of applicant rows accepted."""
MAX_FILE_BYTES = MAX_PACKAGE_BYTES
"""Largest spreadsheet file accepted (XLSX or CSV): :data:`litigate._ooxml.MAX_PACKAGE_BYTES`."""

SpreadsheetFormat = Literal["xlsx", "csv"]
Kind = Literal["text", "date", "bool", "sex", "level", "remedy"]

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_DECISION = re.compile(r"decision([1-9]\d*)_([a-z_]+)")
_DATE_HINT = "is not a date (write YYYY-MM-DD, e.g. 2024-01-31, or use a date cell)"


@attrs.frozen
class Column:
    """One column of the applicants sheet.

    Attributes:
        name: The header, exactly (case and surrounding spaces are ignored).
        kind: ``text``, ``date``, ``bool``, ``sex``, ``level`` or ``remedy``.
        required: Whether the column must be present and filled.
        help: What to put in it.
    """

    name: str
    kind: Kind
    required: bool
    help: str


COLUMNS: tuple[Column, ...] = (
    Column(
        "applicant_id",
        "text",
        required=True,
        help="Your id for the applicant, unique in the sheet (A1, 017…).",
    ),
    Column(
        "name", "text", required=True, help="Full name as on the form (first names and surname)."
    ),
    Column("surname", "text", required=False, help="Surname, for the table of applicants."),
    Column(
        "first_name", "text", required=False, help="First name(s), for the table of applicants."
    ),
    Column(
        "date_of_birth", "date", required=False, help="Date of birth: a date cell or YYYY-MM-DD."
    ),
    Column("place_of_birth", "text", required=False, help="Place of birth."),
    Column(
        "nationality",
        "text",
        required=False,
        help="Nationality (ISO 3166-1 alpha-3 code such as AZE, or text).",
    ),
    Column(
        "address",
        "text",
        required=False,
        help="The applicant's own postal address (not the lawyer's).",
    ),
    Column("sex", "sex", required=False, help="female, male or other."),
    Column("occupation", "text", required=False, help="Occupation."),
    Column("email", "text", required=False, help="E-mail address."),
    Column("phone", "text", required=False, help="Telephone number."),
    Column("detained_at", "text", required=False, help="Place of detention, if detained."),
    Column(
        "anonymity_requested",
        "bool",
        required=False,
        help="yes or no (Rule 47 § 4); empty means no.",
    ),
    Column(
        "anonymity_reasons",
        "text",
        required=False,
        help="Why anonymity is requested (required with yes).",
    ),
    Column(
        "representative",
        "text",
        required=False,
        help="Name of one representative of the base case acting for this applicant; empty means all of them.",
    ),
    Column(
        "lodged_on",
        "date",
        required=False,
        help="The applicant's own date of introduction, if it differs from the group's.",
    ),
    Column(
        "facts",
        "text",
        required=False,
        help="The applicant's own facts, added after the shared facts of the base case.",
    ),
)
"""The applicant columns, in the template's order."""

DECISION_COLUMNS: tuple[Column, ...] = (
    Column(
        "id",
        "text",
        required=False,
        help="A short id the base case's complaints may cite in exhausted_by.",
    ),
    Column(
        "court",
        "text",
        required=True,
        help="The court or authority (required when the group is used).",
    ),
    Column(
        "level",
        "level",
        required=False,
        help="investigation, first_instance, appeal, cassation, constitutional or other.",
    ),
    Column(
        "remedy", "remedy", required=False, help="ordinary (default), extraordinary or doubtful."
    ),
    Column("outcome", "text", required=False, help="What it decided (appeal dismissed…)."),
    Column("taken_on", "date", required=False, help="Date the decision was taken."),
    Column("pronounced_on", "date", required=False, help="Date it was pronounced in public."),
    Column("served_on", "date", required=False, help="Date a copy was served on the applicant."),
    Column(
        "served_on_representative",
        "date",
        required=False,
        help="Date a copy was served on the representative.",
    ),
    Column("known_on", "date", required=False, help="Date the applicant otherwise learned of it."),
    Column(
        "service_required",
        "bool",
        required=False,
        help="yes if domestic law requires service of the decision; empty if unknown.",
    ),
    Column("reference", "text", required=False, help="Case number or reference."),
)
"""The fields of one decision group: column ``decision<N>_<field>``, N = 1, 2, 3…"""

_BY_NAME = {c.name: c for c in COLUMNS}
_DECISION_BY_NAME = {c.name: c for c in DECISION_COLUMNS}
_APPLICANT_FIELDS = (
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "address",
    "sex",
    "occupation",
    "email",
    "phone",
    "detained_at",
    "anonymity_requested",
    "anonymity_reasons",
)
_MEMBER_FIELDS = ("facts", "surname", "first_name", "representative", "lodged_on")
_YES = frozenset({"yes", "y", "true", "1"})
_NO = frozenset({"no", "n", "false", "0"})
_ENUMS: dict[str, tuple[str, ...]] = {
    "sex": tuple(m.value for m in Sex),
    "level": tuple(m.value for m in Level),
    "remedy": tuple(m.value for m in Remedy),
}


def _column_of(header: str) -> tuple[Column, int | None] | None:
    """The column spec of a header and its decision group number (``None`` if unknown)."""
    if header in _BY_NAME:
        return _BY_NAME[header], None
    match = _DECISION.fullmatch(header)
    if match and match.group(2) in _DECISION_BY_NAME:
        return _DECISION_BY_NAME[match.group(2)], int(match.group(1))
    return None


# ---------------------------------------------------------------------- reading cells


class _Formula:
    """A cell that holds a formula (XLSX) or looks like one (CSV)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


class _ErrorValue:
    """An XLSX error cell (``#N/A``, ``#DIV/0!``…)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


Row = tuple[int, list[Any]]


def _check_archive(data: bytes, path: str | None) -> None:
    """Refuse a hostile or broken XLSX package (the checks of :mod:`litigate._ooxml`)."""
    with Package(data, XLSX, path) as package:
        for name in sorted(package.names):
            if name.endswith((".xml", ".rels")) and package.declares_doctype(name):
                msg = f"the archive entry {name!r} declares a DOCTYPE (refused)"
                raise DocumentError(msg, reason="external_entity", path=path, part=name)


_MAX_SHEET_ROW = 1_048_576  # the last row of an XLSX sheet
_MAX_SHEET_COLUMN = 16_384  # column XFD, the last one
_MAX_CELLS = 5_000_000
"""Largest number of cells read from a sheet (rows times their width up to the last filled cell)."""


def _xlsx_rows(data: bytes, path: str | None) -> Iterator[list[Any]]:
    """Every row of the first sheet, as stored: the declared ``<dimension>`` is ignored.

    openpyxl's read-only reader trusts the sheet's ``<dimension>``: rows below it and
    columns right of it are silently dropped, and one claiming the whole sheet pads
    every row to 16,384 cells.  Scripts and some office suites write it wrong, so the
    rows are taken from the sheet's XML itself, each as long as its last filled
    cell; a row or a cell stated twice or out of order (which openpyxl would drop or
    overwrite) refuses the file.
    """
    _check_archive(data, path)
    from openpyxl import load_workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.worksheet._reader import (  # type: ignore[import-untyped,unused-ignore]
        WorkSheetParser,
    )

    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(io.StringIO()):
            # openpyxl warns about styles and extensions it does not read; they do not matter.
            # On a style index it cannot find it also print()s "N is out of range" to
            # stdout before raising (openpyxl/styles/cell_style.py): a notebook must not
            # show library noise, so stdout is held for the load (it is process-wide: a
            # line another thread prints in that instant is dropped, never the file's data).
            warnings.simplefilter("ignore")
            # data_only=False: a formula must be seen (and refused), not replaced by
            # whatever value Excel last cached for it.
            book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception as exc:  # openpyxl raises many kinds on a broken file
        msg = f"the spreadsheet cannot be read as XLSX ({type(exc).__name__})"
        raise DocumentError(msg, reason="bad_xlsx", path=path) from exc
    try:
        sheet = book.worksheets[0]
        with warnings.catch_warnings(), sheet._get_source() as source:  # noqa: SLF001
            warnings.simplefilter("ignore")
            parser = WorkSheetParser(
                source,
                sheet._shared_strings,  # noqa: SLF001
                data_only=False,
                epoch=book.epoch,
                date_formats=book._date_formats,  # noqa: SLF001
                timedelta_formats=book._timedelta_formats,  # noqa: SLF001
            )
            expected = 1
            budget = _MAX_CELLS
            for number, cells in parser.parse():
                if not expected <= number <= _MAX_SHEET_ROW:
                    msg = (
                        f"the sheet states row {number} after row {expected - 1} (rows twice, "
                        "out of order or beyond the sheet); open it in a spreadsheet program "
                        "and save it again"
                    )
                    raise DocumentError(msg, reason="bad_xlsx", path=path)  # noqa: TRY301
                for _ in range(expected, number):
                    yield []  # rows the file leaves out are blank
                expected = number + 1
                row = _row_values(cells, number, path)
                budget -= len(row)
                if budget < 0:
                    msg = (
                        f"the sheet holds more than {_MAX_CELLS} cells up to row {number} "
                        "(counting each row up to its last filled cell); remove what lies "
                        "right of the applicants' columns"
                    )
                    raise DocumentError(msg, reason="too_large", path=path)  # noqa: TRY301
                yield row
    except DocumentError:
        raise
    except Exception as exc:  # a broken sheet part
        msg = f"the spreadsheet cannot be read as XLSX ({type(exc).__name__})"
        raise DocumentError(msg, reason="bad_xlsx", path=path) from exc
    finally:
        book.close()


def _row_values(cells: list[dict[str, Any]], number: int, path: str | None) -> list[Any]:
    """One row's values, up to its last filled cell; formulas and errors marked."""
    filled: dict[int, Any] = {}
    last = 0
    for cell in cells:
        column = cell["column"]
        if column <= last or column > _MAX_SHEET_COLUMN:
            msg = (
                f"row {number} states column {column} after column {last} (cells twice or "
                "out of order); open it in a spreadsheet program and save it again"
            )
            raise DocumentError(msg, reason="bad_xlsx", path=path)
        last = column
        value = cell["value"]
        kind = cell["data_type"]
        if kind == "f":
            value = _Formula(str(value))
        elif kind == "e":
            value = _ErrorValue(str(value))
        if value is not None:
            filled[column] = value
    row: list[Any] = [None] * max(filled, default=0)
    for column, value in filled.items():
        row[column - 1] = value
    return row


def _csv_rows(data: bytes, path: str | None) -> Iterator[list[Any]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problem = SpreadsheetProblem(
            f"the file is not UTF-8 text (byte 0x{data[exc.start]:02x} at position {exc.start}); "
            "save it as CSV UTF-8"
        )
        raise SpreadsheetError([problem], path=path) from None
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    if first.count("\t") > max(first.count(";"), first.count(",")):
        delimiter = "\t"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        for row in reader:
            yield [_Formula(v) if v.lstrip().startswith("=") else v for v in row]
    except csv.Error as exc:
        problem = SpreadsheetProblem(f"the CSV file is malformed: {exc}", row=reader.line_num)
        raise SpreadsheetError([problem], path=path) from None


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


# ---------------------------------------------------------------------- converting cells


class _Cells:
    """Converts the cells of one row, collecting problems."""

    def __init__(self, row: int, problems: list[SpreadsheetProblem]) -> None:
        self.row = row
        self.problems = problems
        self.failed: set[str] = set()

    def fail(self, column: str, value: Any, message: str) -> None:
        self.failed.add(column)
        self.problems.append(SpreadsheetProblem(message, row=self.row, column=column, value=value))

    def convert(self, column: str, kind: Kind, raw: Any) -> Any:
        if isinstance(raw, _Formula):
            self.fail(
                column, raw.text, "is a formula; formulas are refused (type the value itself)"
            )
            return None
        if isinstance(raw, _ErrorValue):
            self.fail(column, raw.text, "is an error value; type the value itself")
            return None
        if _blank(raw):
            return None
        if isinstance(raw, str) and any(ord(c) < 32 and c not in "\t\n\r" for c in raw):  # noqa: PLR2004
            self.fail(column, raw, "contains control characters; remove them")
            return None
        if kind == "date":
            return self._date(column, raw)
        if kind == "bool":
            return self._bool(column, raw)
        text = self._text(column, raw)
        if text is None or kind == "text":
            return text
        choice = text.lower().replace(" ", "_").replace("-", "_")
        allowed = _ENUMS[kind]
        if choice not in allowed:
            self.fail(column, raw, "must be one of " + ", ".join(repr(a) for a in allowed))
            return None
        return choice

    def _text(self, column: str, raw: Any) -> str | None:
        if isinstance(raw, str):
            return raw.strip()
        if isinstance(raw, bool):
            self.fail(column, raw, "is true/false; text is expected")
            return None
        if isinstance(raw, int):
            return str(raw)
        if isinstance(raw, float):
            return str(int(raw)) if raw.is_integer() else repr(raw)
        if isinstance(raw, datetime | date | time):
            self.fail(column, raw, "is a date or time; text is expected (format the cell as text)")
            return None
        self.fail(column, raw, "cannot be read as text")
        return None

    def _date(self, column: str, raw: Any) -> date | None:
        if isinstance(raw, datetime):
            if raw.time() != time(0, 0):
                self.fail(
                    column, raw, "has a time of day; a date cell or YYYY-MM-DD text is expected"
                )
                return None
            return raw.date()
        if isinstance(raw, date):
            return raw
        if isinstance(raw, str):
            text = raw.strip()
            if _ISO.fullmatch(text):
                try:
                    return date.fromisoformat(text)
                except ValueError:
                    pass
        self.fail(column, raw, _DATE_HINT)
        return None

    def _bool(self, column: str, raw: Any) -> bool | None:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int | float) and raw in {0, 1}:
            return bool(raw)
        if isinstance(raw, str):
            word = raw.strip().lower()
            if word in _YES:
                return True
            if word in _NO:
                return False
        self.fail(column, raw, "must be yes or no")
        return None


# ---------------------------------------------------------------------- the header


@attrs.frozen
class _Header:
    columns: tuple[tuple[int, str, Column, int | None], ...]
    """(index, header, spec, decision group) for every known column."""
    groups: tuple[int, ...]
    raw_index: dict[str, int]


def _read_header(cells: Sequence[Any], problems: list[SpreadsheetProblem]) -> _Header:
    known: list[tuple[int, str, Column, int | None]] = []
    seen: dict[str, int] = {}
    groups: set[int] = set()
    every = [c.name for c in COLUMNS] + [f"decision1_{c.name}" for c in DECISION_COLUMNS]
    for index, cell in enumerate(cells):
        if _blank(cell):
            continue
        if isinstance(cell, _Formula | _ErrorValue) or not isinstance(cell, str):
            shown = cell.text if isinstance(cell, _Formula | _ErrorValue) else cell
            problems.append(
                SpreadsheetProblem(
                    f"column {index + 1} has a header that is not a column name",
                    row=1,
                    value=shown,
                )
            )
            continue
        name = cell.strip().lower()
        if name in seen:
            problems.append(
                SpreadsheetProblem(
                    f"column appears twice (columns {seen[name] + 1} and {index + 1})",
                    row=1,
                    column=name,
                )
            )
            continue
        seen[name] = index
        spec = _column_of(name)
        if spec is None:
            close = difflib.get_close_matches(name, every, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            problems.append(
                SpreadsheetProblem(
                    f"unknown column{hint} (the template lists the columns)", row=1, column=name
                )
            )
            continue
        column, group = spec
        known.append((index, name, column, group))
        if group is not None:
            groups.add(group)
    for column in COLUMNS:
        if column.required and column.name not in seen:
            problems.append(
                SpreadsheetProblem("required column is missing", row=1, column=column.name)
            )
    for group in sorted(groups):
        if f"decision{group}_court" not in seen:
            problems.append(
                SpreadsheetProblem(
                    "required column is missing (decision columns need their court)",
                    row=1,
                    column=f"decision{group}_court",
                )
            )
    return _Header(columns=tuple(known), groups=tuple(sorted(groups)), raw_index=seen)


# ---------------------------------------------------------------------- rows to applicants


def _decision_column(field: str | None, group: int) -> str:
    name = (field or "court").split("[", 1)[0].split(".", 1)[0]
    return f"decision{group}_{name if name in _DECISION_BY_NAME else 'court'}"


def _row_member(
    number: int,
    values: dict[str, Any],
    raw: dict[str, Any],
    header: _Header,
    base: Case,
    cells: _Cells,
) -> GroupApplicant | None:
    applicant_id = values.get("applicant_id")
    name = values.get("name")
    for column, value in (("applicant_id", applicant_id), ("name", name)):
        if value is None and column not in cells.failed and column in header.raw_index:
            cells.fail(column, None, "is required")
    applicant: Applicant | None = None
    particulars = {f: values[f] for f in _APPLICANT_FIELDS if values.get(f) is not None}
    if name is not None and not (cells.failed & set(_APPLICANT_FIELDS)):
        try:
            applicant = Applicant.person(name=name, **particulars)
        except ValidationError as exc:
            column = exc.field if exc.field in _BY_NAME else "name"
            cells.fail(column, raw.get(column), exc.message)
    decisions: list[DomesticDecision] = []
    groups: list[int] = []
    for group in header.groups:
        fields: dict[str, Any] = {
            c.name: values.get(f"decision{group}_{c.name}")
            for c in DECISION_COLUMNS
            if values.get(f"decision{group}_{c.name}") is not None
        }
        failed = any(col.startswith(f"decision{group}_") for col in cells.failed)
        if not fields or failed:
            continue
        if "court" not in fields:
            if f"decision{group}_court" not in header.raw_index:
                # Already reported once, as a missing column.
                cells.failed.add(f"decision{group}_court")
                continue
            cells.fail(
                f"decision{group}_court",
                None,
                f"is required when other decision{group} cells are filled",
            )
            continue
        try:
            decision = DomesticDecision(**fields)
            decision = attrs.evolve(decision, documents=(decision_document(decision),))
        except ValidationError as exc:
            column = _decision_column(exc.field, group)
            cells.fail(column, raw.get(column), exc.message)
            continue
        decisions.append(decision)
        groups.append(group)
    if applicant is None or applicant_id is None or cells.failed:
        return None
    extra = {f: values[f] for f in _MEMBER_FIELDS if values.get(f) is not None}
    try:
        member = GroupApplicant(
            applicant_id=applicant_id,
            applicant=applicant,
            decisions=decisions,
            row=number,
            **extra,
        )
    except ValidationError as exc:
        column = exc.field if exc.field in _BY_NAME else "applicant_id"
        cells.fail(column, raw.get(column), exc.message)
        return None
    try:
        build_case(base, member)
    except ValidationError as exc:
        field = exc.field or ""
        column = "applicant_id"
        if field == "representative":
            column = "representative"
        elif field.startswith("proceedings["):
            index = int(field[len("proceedings[") :].split("]", 1)[0]) - len(base.proceedings)
            if 0 <= index < len(groups):
                column = _decision_column(field.split(".", 1)[-1], groups[index])
        cells.fail(column, raw.get(column), exc.message)
        return None
    return member


def _read_rows(
    rows: Iterator[list[Any]], base: Case, max_rows: int, path: str | None
) -> tuple[list[GroupApplicant], list[SpreadsheetProblem]]:
    problems: list[SpreadsheetProblem] = []
    header_cells = next(rows, None)
    if header_cells is None or all(_blank(c) for c in header_cells):
        if header_cells is not None and any(not all(_blank(c) for c in r) for r in rows):
            msg = "the first row must hold the column names (the template shows them)"
            raise SpreadsheetError([SpreadsheetProblem(msg, row=1)], path=path)
        msg = (
            "the file is empty: the first row must hold the column names (the template shows them)"
        )
        raise SpreadsheetError([SpreadsheetProblem(msg)], path=path)
    header = _read_header(header_cells, problems)
    width = len(header_cells)
    members: list[GroupApplicant] = []
    first_row: dict[str, int] = {}
    count = 0
    for number, cells in enumerate(rows, start=2):
        if all(_blank(c) for c in cells):
            continue
        count += 1
        if count > max_rows:
            msg = (
                f"the sheet has more than {max_rows} applicant rows; split it into several "
                "files (or pass a larger max_rows)"
            )
            raise SpreadsheetError([*problems, SpreadsheetProblem(msg, row=number)], path=path)
        for index in range(width, len(cells)):
            if not _blank(cells[index]):
                problems.append(
                    SpreadsheetProblem(
                        f"column {index + 1} holds data but has no header",
                        row=number,
                        value=cells[index],
                    )
                )
                break
        for index, cell in enumerate(cells[:width]):
            if _blank(header_cells[index]) and not _blank(cell):
                problems.append(
                    SpreadsheetProblem(
                        f"column {index + 1} holds data but has no header", row=number, value=cell
                    )
                )
                break
        convert = _Cells(number, problems)
        values: dict[str, Any] = {}
        raw: dict[str, Any] = {}
        for index, name, spec, _group in header.columns:
            cell = cells[index] if index < len(cells) else None
            raw[name] = cell.text if isinstance(cell, _Formula | _ErrorValue) else cell
            values[name] = convert.convert(name, spec.kind, cell)
        applicant_id = values.get("applicant_id")
        if applicant_id is not None:
            if applicant_id in first_row:
                convert.fail(
                    "applicant_id",
                    raw["applicant_id"],
                    f"is a duplicate applicant id (first used in row {first_row[applicant_id]})",
                )
            else:
                first_row[applicant_id] = number
        member = _row_member(number, values, raw, header, base, convert)
        if member is not None:
            members.append(member)
    if count == 0 and not problems:
        problems.append(SpreadsheetProblem("the sheet has no applicant rows below the header"))
    return members, problems


# ---------------------------------------------------------------------- public API


def _format_of(source: str | os.PathLike[str] | bytes, given: str | None) -> SpreadsheetFormat:
    if given is not None:
        if given not in {"xlsx", "csv"}:
            msg = f"format must be 'xlsx' or 'csv' (got {given!r})"
            raise InputError(msg, field="format", value=given)
        return "xlsx" if given == "xlsx" else "csv"
    if isinstance(source, bytes | bytearray | memoryview):
        msg = "pass format='xlsx' or format='csv' with bytes"
        raise InputError(msg, field="format", value=None)
    name = Path(source)
    suffix = clear_name(name).suffix.lower()  # members.csv.age: a CSV
    if suffix in {".xlsx", ".csv"}:
        return "xlsx" if suffix == ".xlsx" else "csv"
    if suffix in {".xlsm", ".xls", ".ods", ".numbers"}:
        msg = f"{suffix} files are not read: save the sheet as .xlsx or CSV UTF-8"
        raise DocumentError(msg, reason="unsupported_format", path=str(name))
    msg = f"cannot tell the format of {name} from its name; pass format='xlsx' or 'csv'"
    raise InputError(msg, field="format", value=str(name))


def _read_bytes(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str | None]:
    return read_bounded(source, MAX_FILE_BYTES, noun="spreadsheet")


@checked(spreadsheet=PATH_OR_BYTES, base=CASE_OR_SOURCE, max_rows=INT)
def load_group(
    spreadsheet: str | os.PathLike[str] | bytes,
    *,
    base: Case | str | os.PathLike[str] | Mapping[str, Any],
    format: SpreadsheetFormat | None = None,  # noqa: A002 - the natural name
    max_rows: int = MAX_ROWS,
) -> GroupApplication:
    r"""Read a group application: a base case plus one spreadsheet row per applicant.

    Args:
        spreadsheet: An ``.xlsx`` or ``.csv`` file (CSV in UTF-8, with or without a
            BOM, separated by commas or by semicolons as Excel writes it in French or
            Azerbaijani), or its bytes with ``format``.
        base: The shared part of every applicant's case: a :class:`~litigate.Case`,
            a case file (TOML, YAML, JSON) or its mapping, without applicants.
        format: ``"xlsx"`` or ``"csv"``; by default from the file name.
        max_rows: Refuse a sheet with more applicant rows than this.

    Returns:
        The complete group; nothing is returned half-imported.

    Raises:
        SpreadsheetError: Every bad cell, unknown or missing column, duplicate id,
            formula… at once, each with its row and column.
        CaseFileError: The base case file has problems.
        DocumentError: The file is not a readable XLSX (encrypted, macro-enabled,
            a zip bomb, too large…).
        InputError: The format cannot be told, or the base case lists applicants.

    Examples:
        >>> base = {"forum": "ecthr", "respondent": "AZE",
        ...         "complaints": [{"provision": "ECHR-5-1"}]}
        >>> load_group(b"applicant_id,name,sex\nA1,Rauf Aliyev,m\n,Elnur,male\n",
        ...            base=base, format="csv")
        Traceback (most recent call last):
        ...
        litigate.errors.SpreadsheetError: 2 problems:
          row 2, column "sex": 'm' must be one of 'female', 'male', 'other'
          row 3, column "applicant_id": is required
    """
    fmt = _format_of(spreadsheet, format)
    if not isinstance(max_rows, int) or isinstance(max_rows, bool) or max_rows < 1:
        msg = f"max_rows must be a whole number, at least 1 (got {max_rows!r})"
        raise InputError(msg, field="max_rows", value=max_rows)
    base_case = base if isinstance(base, Case) else load_case(base)
    if base_case.applicants:
        msg = (
            "the base case of a group lists no applicants: they come from the spreadsheet "
            f"(got {len(base_case.applicants)})"
        )
        raise InputError(msg, field="applicants", value=len(base_case.applicants))
    data, path = _read_bytes(spreadsheet)
    rows = _xlsx_rows(data, path) if fmt == "xlsx" else _csv_rows(data, path)
    members, problems = _read_rows(rows, base_case, max_rows, path)
    if problems:
        raise SpreadsheetError(problems, path=path)
    return GroupApplication(base=base_case, members=members, source=path)


def _header(decisions: int) -> list[str]:
    names = [c.name for c in COLUMNS]
    for group in range(1, decisions + 1):
        names += [f"decision{group}_{c.name}" for c in DECISION_COLUMNS]
    return names


def group_template(
    path: str | os.PathLike[str],
    *,
    format: SpreadsheetFormat = "xlsx",  # noqa: A002 - the natural name
    decisions: int = 3,
    overwrite: bool = False,
) -> Path:
    """Write a blank spreadsheet of applicants to fill in: the header row, ready for rows.

    The XLSX template has a second sheet, ``Columns``, explaining each column.
    Files are written atomically and never replace an existing file unless
    ``overwrite`` is true.

    Args:
        path: Where to write.
        format: ``"xlsx"`` or ``"csv"`` (UTF-8 with a BOM, comma-separated).
        decisions: How many decision column groups to include (more can be added
            by hand: ``decision4_court``…).
        overwrite: Replace an existing file.

    Returns:
        The path written.

    Raises:
        InputError: ``format`` or ``decisions`` is not valid.
        OverwriteRefusedError: The file exists and ``overwrite`` is false.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "applicants.csv"
        >>> _ = group_template(target, format="csv", decisions=1)
        >>> target.read_text(encoding="utf-8-sig").splitlines()[0].split(",")[:3]
        ['applicant_id', 'name', 'surname']
    """
    if format not in {"xlsx", "csv"}:
        msg = f"format must be 'xlsx' or 'csv' (got {format!r})"
        raise InputError(msg, field="format", value=format)
    if not isinstance(decisions, int) or isinstance(decisions, bool) or not 0 <= decisions <= 50:  # noqa: PLR2004
        msg = f"decisions must be a whole number from 0 to 50 (got {decisions!r})"
        raise InputError(msg, field="decisions", value=decisions)
    header = _header(decisions)
    if format == "csv":
        return write_atomic(path, csv_bytes(header, []), overwrite=overwrite)
    return write_atomic(path, _template_xlsx(header), overwrite=overwrite)


def _template_xlsx(header: list[str]) -> bytes:
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has a sheet
    sheet.title = "Applicants"
    sheet.append([cell_value(h) for h in header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "C2"
    notes = book.create_sheet("Columns")
    notes.append(["Column", "Required", "What to put in it"])
    for cell in notes[1]:
        cell.font = Font(bold=True)
    for column in COLUMNS:
        notes.append([column.name, "yes" if column.required else "", cell_value(column.help)])
    for column in DECISION_COLUMNS:
        required = "with the group" if column.required else ""
        notes.append([f"decision<N>_{column.name}", required, cell_value(column.help)])
    notes.append([])
    notes.append(
        [
            "Dates",
            "",
            "A date cell, or text YYYY-MM-DD. Day-first text such as 31.01.2024 is refused.",
        ]
    )
    notes.append(
        [
            "Decisions",
            "",
            "One group of columns per decision: decision1_…, decision2_…; add decision4_… if needed.",
        ]
    )
    notes.append(["Formulas", "", "Refused: type values, not formulas."])
    return workbook_bytes(book)
