r"""Group applications: many applicants, one base case, a spreadsheet of what differs.

A group application is a base case (what the applicants share: forum,
respondent, complaints, representatives, shared facts and documents) and one
spreadsheet row per applicant (particulars, domestic decisions, own facts).
See ``docs/howto-group.md``.

Examples:
    >>> from datetime import date
    >>> base = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
    >>> group = load_group(b"applicant_id,name\nA1,Rauf Aliyev\n", base=base, format="csv")
    >>> len(group), docket(group, as_of=date(2026, 1, 5)).counts["not_started"]
    (1, 1)
"""

from litigate.group.docket import ApplicantWindow, Docket, docket, group_windows
from litigate.group.model import GroupApplicant, GroupApplication, build_case
from litigate.group.run import FileStatus, GroupReport, OutputFile, render_group
from litigate.group.spreadsheet import (
    COLUMNS,
    DECISION_COLUMNS,
    MAX_ROWS,
    Column,
    group_template,
    load_group,
)
from litigate.group.table import (
    GroupDocument,
    applicants_table,
    applicants_table_bytes,
    form_names,
    group_documents,
    render_forms,
    write_applicants_table,
)

__all__ = [
    "COLUMNS",
    "DECISION_COLUMNS",
    "MAX_ROWS",
    "ApplicantWindow",
    "Column",
    "Docket",
    "FileStatus",
    "GroupApplicant",
    "GroupApplication",
    "GroupDocument",
    "GroupReport",
    "OutputFile",
    "applicants_table",
    "applicants_table_bytes",
    "build_case",
    "docket",
    "form_names",
    "group_documents",
    "group_template",
    "group_windows",
    "load_group",
    "render_forms",
    "render_group",
    "write_applicants_table",
]
