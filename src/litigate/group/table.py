r"""What the Court asks for when many applicants lodge together: forms, a table, one list of documents.

The Notes for filling in the application form ("Grouped applications and
multiple applicants") ask for a separate form for each applicant whose facts
differ, with that applicant's documents, and, with more than five applicants, a
table of the applicants' identifying details, in electronic form when the
representative is a lawyer.  The columns of that table and their order are not
in any text retrieved so far: they are read from ``group/data/applicants_table.toml``,
which names its source and marks the unconfirmed ones.

Examples:
    >>> from litigate.group.spreadsheet import load_group
    >>> base = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
    >>> g = load_group(b"applicant_id,name,surname,first_name,decision1_court,decision1_taken_on\n"
    ...                b"A1,Rauf Aliyev,Aliyev,Rauf,Baku Court of Appeal,2025-12-10\n",
    ...                base=base, format="csv")
    >>> row = applicants_table(g)[0]
    >>> row["No."], row["Surname"], row["Date of final domestic decision"]
    (1, 'Aliyev', datetime.date(2025, 12, 10))
    >>> [(d.number, d.title, d.date_text) for d in group_documents(g)]
    [(1, 'Decision of the Baku Court of Appeal', '10 December 2025')]
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from litigate._court_dates import court_date
from litigate._files import write_atomic
from litigate.errors import InputError
from litigate.group._xlsx import cell_value, workbook_bytes
from litigate.group.model import GroupApplicant, GroupApplication, build_case, table_rules
from litigate.model import Case, Document, DomesticDecision, Remedy

__all__ = [
    "GroupDocument",
    "applicants_table",
    "applicants_table_bytes",
    "form_names",
    "group_documents",
    "render_forms",
    "write_applicants_table",
]

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
_DOCUMENT_HEADER = ("No.", "Date", "Document", "Reference", "Pages", "Applicants")


@attrs.frozen(kw_only=True)
class GroupDocument:
    """One entry of the group's combined list of documents.

    Attributes:
        number: Its number in the list (from 1, in date order).
        title: What the document is.
        date: Its date, if known.
        reference: Its reference, if any.
        pages: Its number of pages, if known.
        applicant_ids: The applicants it concerns; empty when it concerns all of them.
    """

    number: int
    title: str
    date: date | None
    reference: str | None = None
    pages: int | None = None
    applicant_ids: tuple[str, ...] = ()

    @property
    def date_text(self) -> str:
        """The date in the Court's style (``18 November 2025``), or an empty text."""
        return court_date(self.date) if self.date else ""

    @property
    def applicants_text(self) -> str:
        """``all`` or the applicants' ids, comma-separated."""
        return ", ".join(self.applicant_ids) if self.applicant_ids else "all"


def group_documents(group: GroupApplication) -> tuple[GroupDocument, ...]:
    """One list of the documents of every applicant, numbered in date order, without repeats.

    The base case's documents (and its decisions' copies) concern every applicant;
    each applicant's decisions bring their own copies.  A document listed for
    several applicants (the same title, date and reference) appears once, with
    the applicants it concerns.  Undated documents come last.

    Args:
        group: The group application.

    Returns:
        The numbered list.

    Examples:
        >>> from litigate.model import Case
        >>> g = GroupApplication(base=Case(forum="ecthr", respondent="AZE",
        ...                      documents=[Document(title="Power of attorney")]), members=[])
        >>> [(d.number, d.title, d.applicants_text) for d in group_documents(g)]
        [(1, 'Power of attorney', 'all')]
    """
    found: dict[tuple[str, date | None, str | None], tuple[Document, list[str]]] = {}
    shared: list[Document] = list(group.base.documents)
    for decision in group.base.proceedings:
        shared.extend(decision.documents)
    for document in shared:
        found.setdefault(_key(document), (document, []))
    everyone = set(found)
    for member in group.members:
        for decision in member.decisions:
            for document in decision.documents:
                key = _key(document)
                if key in everyone:
                    continue
                entry = found.setdefault(key, (document, []))
                if member.applicant_id not in entry[1]:
                    entry[1].append(member.applicant_id)
    ordered = sorted(
        enumerate(found.values()),
        key=lambda item: (item[1][0].date is None, item[1][0].date or date.max, item[0]),
    )
    return tuple(
        GroupDocument(
            number=number,
            title=document.title,
            date=document.date,
            reference=document.reference,
            pages=document.pages,
            applicant_ids=tuple(ids),
        )
        for number, (_, (document, ids)) in enumerate(ordered, start=1)
    )


def _key(document: Document) -> tuple[str, date | None, str | None]:
    return (document.title, document.date, document.reference)


def _final_decision(case: Case) -> DomesticDecision | None:
    ordinary = [d for d in case.proceedings if d.remedy is not Remedy.EXTRAORDINARY]
    return ordinary[-1] if ordinary else None


def _values(number: int, member: GroupApplicant, case: Case) -> dict[str, Any]:
    applicant = member.applicant
    final = _final_decision(case)
    label = None
    if final is not None:
        label = f"{final.court} ({final.reference})" if final.reference else final.court
    return {
        "number": number,
        "surname": member.surname or applicant.name,
        "first_name": member.first_name,
        "date_of_birth": applicant.date_of_birth,
        "place_of_birth": applicant.place_of_birth,
        "nationality": applicant.nationality,
        "address": applicant.address,
        "sex": applicant.sex.value if applicant.sex else None,
        "representative": "; ".join(r.name for r in case.representatives) or None,
        "final_decision": label,
        "final_decision_on": final.taken_on if final else None,
        "lodged_on": case.lodged_on,
    }


def applicants_table(group: GroupApplication) -> tuple[dict[str, Any], ...]:
    """The table of applicants as values: one mapping per applicant, keyed by the headers.

    Without a surname column in the spreadsheet, the full name stands in the
    surname column.  The final domestic decision is the latest decision on
    record that is not an extraordinary remedy; check it against the filing window.

    Examples:
        >>> from litigate.model import Case
        >>> applicants_table(GroupApplication(base=Case(forum="ecthr", respondent="AZE"),
        ...                                   members=[]))
        ()
    """
    columns = table_rules()["columns"]
    rows = []
    for number, member in enumerate(group.members, start=1):
        values = _values(number, member, build_case(group.base, member))
        rows.append({c["header"]: values[c["key"]] for c in columns})
    return tuple(rows)


def applicants_table_bytes(group: GroupApplication) -> bytes:
    """The XLSX bytes of the table of applicants (sheet 1) and the list of documents (sheet 2).

    The bytes are the same for the same group: the workbook's times and the zip
    entries' times are fixed.  Text cells are neutralised against formula injection.

    Examples:
        >>> from litigate.model import Case
        >>> g = GroupApplication(base=Case(forum="ecthr", respondent="AZE"), members=[])
        >>> applicants_table_bytes(g) == applicants_table_bytes(g)
        True
    """
    from openpyxl import Workbook  # type: ignore[import-untyped,unused-ignore]
    from openpyxl.styles import Font  # type: ignore[import-untyped,unused-ignore]

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # noqa: S101 - a new workbook always has a sheet
    sheet.title = "Applicants"
    columns = table_rules()["columns"]
    sheet.append([c["header"] for c in columns])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in applicants_table(group):
        sheet.append([cell_value(row[c["header"]]) for c in columns])
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, date):
                cell.number_format = "d mmmm yyyy"
            elif isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.freeze_panes = "B2"
    documents = book.create_sheet("Documents")
    documents.append(list(_DOCUMENT_HEADER))
    for cell in documents[1]:
        cell.font = Font(bold=True)
    for d in group_documents(group):
        documents.append(
            [
                d.number,
                d.date_text or None,
                cell_value(d.title),
                cell_value(d.reference) if d.reference else None,
                d.pages,
                cell_value(d.applicants_text),
            ]
        )
    for cells in documents.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    return workbook_bytes(book)


def write_applicants_table(
    group: GroupApplication, path: str | os.PathLike[str], *, overwrite: bool = False
) -> Path:
    """Write the table of applicants (XLSX) the Court asks for with more than five applicants.

    Sheet ``Applicants``: the identifying details in the order of
    ``applicants_table.toml``; sheet ``Documents``: the combined list of documents
    (:func:`group_documents`).  Written atomically; the same group gives the same bytes.

    Args:
        group: The group application.
        path: The ``.xlsx`` file to write.
        overwrite: Replace an existing file.

    Returns:
        The path written.

    Raises:
        OverwriteRefusedError: The file exists and ``overwrite`` is false.

    Examples:
        >>> import tempfile, pathlib
        >>> from litigate.model import Case
        >>> g = GroupApplication(base=Case(forum="ecthr", respondent="AZE"), members=[])
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "applicants-table.xlsx"
        >>> write_applicants_table(g, target).name
        'applicants-table.xlsx'
        >>> write_applicants_table(g, target)
        Traceback (most recent call last):
        ...
        litigate.errors.OverwriteRefusedError: ...applicants-table.xlsx already exists and may hold edits; pass overwrite=True to replace it
    """
    return write_atomic(path, applicants_table_bytes(group), overwrite=overwrite)


def form_names(group: GroupApplication, locale: str) -> tuple[str, ...]:
    r"""Each applicant's form file name (``application-<id>.<locale>.docx``), in order.

    Characters other than letters, digits, ``.``, ``_`` and ``-`` in an id become ``_``.

    Raises:
        InputError: Two applicant ids give the same file name.

    Examples:
        >>> from litigate.group.spreadsheet import load_group
        >>> base = {"forum": "ecthr", "respondent": "AZE"}
        >>> form_names(load_group(b"applicant_id,name\nN/1,A\nN 1,B\n", base=base, format="csv"), "en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: applicant ids 'N/1' and 'N 1' give the same file name 'application-N_1.en.docx'
    """
    names: dict[str, str] = {}
    for member in group.members:
        name = f"application-{_SAFE_NAME.sub('_', member.applicant_id)}.{locale}.docx"
        if name in names:
            msg = (
                f"applicant ids {names[name]!r} and {member.applicant_id!r} give the same "
                f"file name {name!r}"
            )
            raise InputError(msg, field="applicant_id", value=member.applicant_id)
        names[name] = member.applicant_id
    return tuple(names)


def render_forms(
    group: GroupApplication,
    folder: str | os.PathLike[str],
    *,
    as_of: date,
    locale: str = "en",
    draft: bool = False,
    overwrite: bool = False,
    template_id: str = "ecthr/application",
) -> tuple[Path, ...]:
    r"""Render one application form per applicant, each with that applicant's facts and documents.

    Each form is :func:`litigate.render` of the applicant's own case
    (:meth:`GroupApplication.cases`), written as
    ``<folder>/application-<applicant_id>.<locale>.docx``.  Applicants whose
    facts are identical could share one form; litigate renders one each, which
    the Court also accepts.

    Args:
        group: The group application.
        folder: Where to write the forms.
        as_of: The date of the drafts and of every computed deadline.
        locale: ``"en"`` or ``"fr"``.
        draft: Show missing values as highlighted markers instead of failing.
        overwrite: Replace forms edited since litigate wrote them.
        template_id: The template (the Court's application form by default).

    Returns:
        The files written, in the group's order.

    Raises:
        InputError: Two applicant ids give the same file name.
        TemplateContextError: A form lacks values the template needs (with ``draft=False``).
        OverwriteRefusedError: A form exists and was edited since it was written.

    Examples:
        >>> import tempfile
        >>> from datetime import date
        >>> from litigate.group.spreadsheet import load_group
        >>> base = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
        >>> g = load_group(b"applicant_id,name\nA1,Rauf Aliyev\n", base=base, format="csv")
        >>> [p.name for p in render_forms(g, tempfile.mkdtemp(), as_of=date(2026, 1, 5), draft=True)]
        ['application-A1.en.docx']
    """
    from litigate.drafts import render

    target = Path(folder)
    written: list[Path] = []
    for name, case in zip(form_names(group, locale), group.cases(), strict=True):
        out = target / name
        render(
            template_id,
            case=case,
            as_of=as_of,
            locale=locale,
            out=out,
            draft=draft,
            overwrite=overwrite,
        )
        written.append(out)
    return tuple(written)
