"""Writing spreadsheets safely: neutralised cells, deterministic XLSX bytes."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from typing import Any

from litigate._ooxml import deflated, write_zip

__all__ = ["csv_bytes", "neutralise", "workbook_bytes"]

_FIXED_TIME = datetime(2000, 1, 1)  # noqa: DTZ001 - a constant, stored as UTC by openpyxl
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_UNWRITABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters but tab, LF, CR


def neutralise(value: str) -> str:
    r"""A text cell that no spreadsheet program will read as a formula.

    A text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    gets a leading apostrophe (CSV/formula injection); control characters that
    XLSX cannot hold are removed.

    Examples:
        >>> neutralise('=HYPERLINK("http://x")'), neutralise("Rauf Aliyev")
        ('\'=HYPERLINK("http://x")', 'Rauf Aliyev')
    """
    cleaned = _UNWRITABLE.sub("", value)
    return f"'{cleaned}" if cleaned.startswith(_FORMULA_START) else cleaned


def cell_value(value: object) -> Any:
    """A value as it goes into a cell: texts neutralised, dates kept as dates."""
    if isinstance(value, str):
        return neutralise(value)
    if value is None or isinstance(value, bool | int | date):
        return value
    return neutralise(str(value))


def workbook_bytes(workbook: Any) -> bytes:
    """The XLSX bytes of an openpyxl workbook, the same for the same content.

    openpyxl stamps the creation and modification times and every zip entry's
    time; all are fixed here, so two runs give identical bytes.
    """
    from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped,unused-ignore]

    workbook.properties.created = _FIXED_TIME
    workbook.properties.modified = _FIXED_TIME
    workbook.properties.creator = "litigate"
    workbook.properties.lastModifiedBy = None
    raw = io.BytesIO()
    # openpyxl writes into a zipfile.ZipFile; its parts are then re-packed by the one
    # package writer (fixed timestamps, no extra fields), stored uncompressed meanwhile.
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_STORED) as archive:
        ExcelWriter(workbook, archive).write_data()
    with zipfile.ZipFile(raw) as source:
        parts = [deflated(i.filename, source.read(i), mode=0o644) for i in source.infolist()]
    return write_zip(parts)


def csv_bytes(header: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """UTF-8 CSV (with a BOM, which Excel needs to read UTF-8), cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([neutralise(h) for h in header])
    for row in rows:
        writer.writerow(
            [
                "" if v is None else v.isoformat() if isinstance(v, date) else neutralise(str(v))
                for v in row
            ]
        )
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
