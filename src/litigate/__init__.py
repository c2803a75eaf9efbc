"""litigate: filing windows, admissibility checks and drafts for human-rights litigation.

Build or load a case, then ask what you need::

    >>> import litigate
    >>> from datetime import date
    >>> case = litigate.Case(
    ...     forum="ecthr",
    ...     respondent="AZE",
    ...     applicants=[litigate.Applicant.person(name="Rauf Aliyev")],
    ...     complaints=[litigate.Complaint(provision="ECHR-10", summary="Conviction")],
    ...     proceedings=[litigate.DomesticDecision(
    ...         court="Supreme Court of Azerbaijan", level="cassation",
    ...         taken_on=date(2025, 6, 18), served_on=date(2025, 7, 2))],
    ... )
    >>> case.complaints[0].resolved.cite()
    'Article 10 of the Convention'

The public names are listed in ``__all__``; everything else is private.
``import litigate`` stays light: python-docx, docxtpl, dateparser and babel are
imported only when a function that needs them is called.
"""

from litigate import errors, procedure
from litigate._resources import templates_root
from litigate._version import __version__
from litigate.casefile import case_from_dict, case_schema, case_to_dict, dump_case, load_case
from litigate.engine import (
    Acceptance,
    ComplaintWindow,
    Deadline,
    FilingWindow,
    Finding,
    Note,
    Scenario,
    Severity,
    Step,
    WindowStatus,
    acceptance,
    check,
    completeness,
    filing_window,
)
from litigate.model import (
    Applicant,
    ApplicantKind,
    Capacity,
    Case,
    Complaint,
    Document,
    DomesticDecision,
    Forum,
    Level,
    OtherProcedure,
    ProcedureStatus,
    Provision,
    RegistryTimeLimit,
    Remedy,
    Representative,
    Sex,
    catalogue,
    country,
    provision,
)
from litigate.parse import (
    ApplicationNumber,
    CaseCitation,
    CitationMention,
    DateMention,
    DocxParagraph,
    Ecli,
    EcthrApplications,
    FollowUpItem,
    FollowUpLetter,
    FollowUpMark,
    HudocItem,
    Observations,
    Section,
    UnSymbol,
    find_citations,
    find_dates,
    parse_citation,
    parse_date,
    read_docx_paragraphs,
    read_follow_up_letter,
    read_observations,
)
from litigate.render.anonymise import anonymise
from litigate.rules import RuleSet, load_rules

__all__ = [
    "Acceptance",
    "Applicant",
    "ApplicantKind",
    "ApplicationNumber",
    "Capacity",
    "Case",
    "CaseCitation",
    "CitationMention",
    "Complaint",
    "ComplaintWindow",
    "DateMention",
    "Deadline",
    "Document",
    "DocxParagraph",
    "DomesticDecision",
    "Ecli",
    "EcthrApplications",
    "FilingWindow",
    "Finding",
    "FollowUpItem",
    "FollowUpLetter",
    "FollowUpMark",
    "Forum",
    "HudocItem",
    "Level",
    "Note",
    "Observations",
    "OtherProcedure",
    "ProcedureStatus",
    "Provision",
    "RegistryTimeLimit",
    "Remedy",
    "Representative",
    "RuleSet",
    "Scenario",
    "Section",
    "Severity",
    "Sex",
    "Step",
    "UnSymbol",
    "WindowStatus",
    "__version__",
    "acceptance",
    "anonymise",
    "case_from_dict",
    "case_schema",
    "case_to_dict",
    "catalogue",
    "check",
    "completeness",
    "country",
    "dump_case",
    "errors",
    "filing_window",
    "find_citations",
    "find_dates",
    "load_case",
    "load_rules",
    "parse_citation",
    "parse_date",
    "procedure",
    "provision",
    "read_docx_paragraphs",
    "read_follow_up_letter",
    "read_observations",
    "templates_root",
]
