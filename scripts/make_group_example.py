"""Generate the applicants of the fictional Nardaran group: ``applicants.xlsx`` and ``applicants.csv``.

Usage::

    python scripts/make_group_example.py [FOLDER]

The two files hold the same 75 fictional applicants (the CSV separated by
semicolons, as Excel writes it in Azerbaijani and French locales; the XLSX with
real date cells).  The output is deterministic: the same bytes on every run.
Every name, date, address and case number is invented.
"""

from __future__ import annotations

import random
import sys
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from litigate._files import write_atomic
from litigate.group._xlsx import workbook_bytes
from litigate.group.spreadsheet import COLUMNS, DECISION_COLUMNS

HERE = Path(__file__).resolve().parent.parent / "examples" / "nardaran-group"
COUNT = 75
SEED = 20251124

MALE = (
    "Elnur",
    "Rauf",
    "Tural",
    "Ramil",
    "Vugar",
    "Anar",
    "Kamran",
    "Elvin",
    "Orkhan",
    "Samir",
    "Rashad",
    "Fuad",
    "Zaur",
    "Emin",
    "Ilgar",
    "Mahir",
    "Nijat",
    "Ruslan",
    "Shahin",
    "Yashar",
)
FEMALE = ("Aysel", "Gunel", "Leyla", "Nigar", "Sevinj", "Zarifa", "Lala", "Aytan")
SURNAMES = (
    "Aliyev",
    "Mammadov",
    "Huseynov",
    "Hasanov",
    "Guliyev",
    "Ismayilov",
    "Abbasov",
    "Babayev",
    "Jafarov",
    "Karimov",
    "Mustafayev",
    "Nasirov",
    "Orujov",
    "Rzayev",
    "Safarov",
    "Tagiyev",
    "Valiyev",
    "Zeynalov",
    "Bagirov",
    "Gasimov",
)
STREETS = ("Haji Ali", "Mir Movsum", "Agha Mirza", "Sheikh Ahmad", "Bilgah road", "Pirshagi")
PLACES = ("Nardaran", "Baku", "Sumgayit", "Mashtaga", "Bilgah", "Ganja")
OCCUPATIONS = ("shopkeeper", "teacher", "driver", "student", "builder", "imam", "farmer", "nurse")
HOME = "at home during the search of the house."
STREET = "in the street near the mosque."
RELEASED = " The applicant was released under police supervision in February 2026."
DETENTION = "Baku Pre-Trial Detention Centre (Kurdakhani settlement, Baku)"


def _female(surname: str) -> str:
    return f"{surname}a"  # Aliyev -> Aliyeva, Mammadov -> Mammadova


def applicants() -> list[dict[str, Any]]:
    """The 75 fictional applicants as rows keyed by column name."""
    rng = random.Random(SEED)  # noqa: S311 - fiction, not cryptography
    rows: list[dict[str, Any]] = []
    used: set[str] = set()
    for number in range(1, COUNT + 1):
        female = rng.random() < 0.15  # noqa: PLR2004
        while True:
            first = rng.choice(FEMALE if female else MALE)
            surname = rng.choice(SURNAMES)
            surname = _female(surname) if female else surname
            if f"{first} {surname}" not in used:
                break
        used.add(f"{first} {surname}")
        arrested = date(2025, 11, 24) + timedelta(days=rng.choice((0, 0, 0, 1, 2, 5, 9)))
        remand = arrested + timedelta(days=1)
        appeal = remand + timedelta(days=rng.randint(6, 16))
        served = appeal + timedelta(days=rng.randint(1, 6))
        detained = rng.random() < 0.7  # noqa: PLR2004
        row: dict[str, Any] = {
            "applicant_id": f"N{number:03d}",
            "name": f"{first} {surname}",
            "surname": surname,
            "first_name": first,
            "date_of_birth": date(1960, 1, 1) + timedelta(days=rng.randint(0, 15_700)),
            "place_of_birth": f"{rng.choice(PLACES)}, Azerbaijan",
            "nationality": "AZE",
            "address": f"{rng.randint(1, 140)} {rng.choice(STREETS)} street, Nardaran settlement, "
            "Sabunchu district, Baku AZ1106, Azerbaijan",
            "sex": "female" if female else "male",
            "occupation": rng.choice(OCCUPATIONS),
            "detained_at": DETENTION if detained else None,
            "facts": f"The applicant was arrested on {arrested.day} {arrested:%B} {arrested.year} "
            + (HOME if rng.random() < 0.6 else STREET)  # noqa: PLR2004
            + ("" if detained else RELEASED),
            "decision1_court": "Khatai District Court",
            "decision1_level": "first_instance",
            "decision1_outcome": "detention ordered for four months",
            "decision1_taken_on": remand,
            "decision1_reference": f"4(006)-{1200 + number}/2025",
            "decision2_court": "Baku Court of Appeal",
            "decision2_level": "appeal",
            "decision2_outcome": "appeal dismissed",
            "decision2_taken_on": appeal,
            "decision2_served_on": served,
            "decision2_service_required": "yes",
            "decision2_reference": f"1(103)-{500 + number}/2025",
        }
        if rng.random() < 0.05:  # noqa: PLR2004
            row["anonymity_requested"] = "yes"
            row["anonymity_reasons"] = (
                "The applicant fears reprisals against relatives still living in Nardaran."
            )
        if number % 2 == 0:
            row["representative"] = "Farid Huseynli"
        # Some applicants lack data: the appeal decision's date is not known yet, or
        # no decision was obtained at all (the lawyer has not seen the file).
        if number in {7, 23, 41, 66}:
            del row["decision2_taken_on"], row["decision2_served_on"]
        if number in {12, 58}:
            for key in [k for k in row if k.startswith("decision")]:
                del row[key]
        # Some appeals were decided early: by spring 2026 they are time-barred.
        if number in {3, 19, 34}:
            row["decision2_taken_on"] = date(2025, 10, 20)
            row["decision2_served_on"] = date(2025, 10, 22)
            row["decision1_taken_on"] = date(2025, 10, 6)
            row["facts"] = (
                "The applicant had been arrested earlier, on 5 October 2025, after a sermon in Nardaran."
            )
        rows.append(row)
    return rows


def header() -> list[str]:
    """The columns, in the template's order, with two decision groups."""
    names = [c.name for c in COLUMNS]
    for group in (1, 2):
        names += [f"decision{group}_{c.name}" for c in DECISION_COLUMNS]
    return names


def xlsx(rows: list[dict[str, Any]]) -> bytes:
    """The applicants as an XLSX workbook with real date cells."""
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101
    sheet.title = "Applicants"
    names = header()
    sheet.append(names)
    for row in rows:
        values = []
        for name in names:
            value = row.get(name)
            if isinstance(value, date):
                value = datetime(value.year, value.month, value.day)  # noqa: DTZ001 - a date cell
            values.append(value)
        sheet.append(values)
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, datetime):
                cell.number_format = "yyyy-mm-dd"
    return workbook_bytes(book)


def csv_text(rows: list[dict[str, Any]]) -> bytes:
    """The applicants as CSV UTF-8 with a BOM, separated by semicolons."""
    import csv
    import io

    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    names = header()
    writer.writerow(names)
    for row in rows:
        writer.writerow(
            [
                ""
                if row.get(n) is None
                else row[n].isoformat()
                if isinstance(row[n], date)
                else row[n]
                for n in names
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def main() -> None:
    """Write both files into the folder given (default ``examples/nardaran-group``)."""
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE
    rows = applicants()
    write_atomic(folder / "applicants.xlsx", xlsx(rows), overwrite=True)
    write_atomic(folder / "applicants.csv", csv_text(rows), overwrite=True)
    print(f"wrote {len(rows)} applicants to {folder}")


if __name__ == "__main__":
    main()
