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

The public names are listed in ``__all__``: about forty, those a lawyer's notebook uses
every day (see docs/reference/index.md for the choice).  Everything else is public in
its submodule (``litigate.drafts``, ``litigate.parse``, ``litigate.model``...); the
names that used to be here too still work from the top level, with a
``DeprecationWarning`` naming their module.
``import litigate`` stays light: python-docx, docxtpl, dateparser and babel are
imported only when a function that needs them is called.
"""

import importlib as _importlib
import typing as _typing
import warnings as _warnings

from litigate import _display_hooks
from litigate._version import __version__

if (
    _typing.TYPE_CHECKING
):  # what type checkers and IDEs see; at run time each name loads on first use
    from litigate import errors, ics, procedure
    from litigate._version import __version__
    from litigate.casefile import dump_case, load_case
    from litigate.caseload import docket, forums
    from litigate.drafts import render, reply_skeleton
    from litigate.engine import (
        Acceptance,
        ComplaintWindow,
        FilingWindow,
        Finding,
        Findings,
        Note,
        Severity,
        Step,
        check,
        filing_window,
    )

    # A function named as its module is imported from that module: from the package,
    # mypy would bind the submodule instead.
    from litigate.engine.acceptance import acceptance
    from litigate.engine.completeness import completeness
    from litigate.errors import InputError, LitigateError, RenderError
    from litigate.group import load_group
    from litigate.ics import calendar
    from litigate.model import (
        Applicant,
        Case,
        Complaint,
        Document,
        DomesticDecision,
        Forum,
        OtherProcedure,
        RegistryTimeLimit,
        Representative,
    )
    from litigate.parse import (
        find_citations,
        find_dates,
        parse_citation,
        parse_date,
        read_follow_up_letter,
        read_observations,
        read_registry_letter,
    )
    from litigate.rules import load_rules

# Each public name and the module it comes from.  ``import litigate`` loads none of them:
# the first ``litigate.X`` imports X's module (PEP 562), so a script pays only for what it
# uses.  tests/test_public_api.py checks this table against the imports above.
_LAZY: dict[str, str] = {
    "Acceptance": "litigate.engine",
    "Applicant": "litigate.model",
    "Case": "litigate.model",
    "Complaint": "litigate.model",
    "ComplaintWindow": "litigate.engine",
    "Document": "litigate.model",
    "DomesticDecision": "litigate.model",
    "FilingWindow": "litigate.engine",
    "Finding": "litigate.engine",
    "Findings": "litigate.engine",
    "Forum": "litigate.model",
    "InputError": "litigate.errors",
    "LitigateError": "litigate.errors",
    "Note": "litigate.engine",
    "OtherProcedure": "litigate.model",
    "RegistryTimeLimit": "litigate.model",
    "RenderError": "litigate.errors",
    "Representative": "litigate.model",
    "Severity": "litigate.engine",
    "Step": "litigate.engine",
    "acceptance": "litigate.engine.acceptance",
    "calendar": "litigate.ics",
    "check": "litigate.engine",
    "completeness": "litigate.engine.completeness",
    "docket": "litigate.caseload",
    "dump_case": "litigate.casefile",
    "filing_window": "litigate.engine",
    "find_citations": "litigate.parse",
    "find_dates": "litigate.parse",
    "forums": "litigate.caseload",
    "load_case": "litigate.casefile",
    "load_group": "litigate.group",
    "load_rules": "litigate.rules",
    "parse_citation": "litigate.parse",
    "parse_date": "litigate.parse",
    "read_follow_up_letter": "litigate.parse",
    "read_observations": "litigate.parse",
    "read_registry_letter": "litigate.parse",
    "render": "litigate.drafts",
    "reply_skeleton": "litigate.drafts",
}
_SUBMODULES: tuple[str, ...] = (
    "errors",
    "ics",
    "procedure",
)
# Names that were at the top level before it was cut to the names above (issue 17): each
# still works as ``litigate.X``, with a DeprecationWarning naming the module to import it
# from.  They are not in ``__all__`` nor in ``dir(litigate)``.
_DEPRECATED: dict[str, str] = {
    "AnnexBundle": "litigate.drafts",
    "ApplicantKind": "litigate.model",
    "ApplicantWindow": "litigate.group",
    "ApplicationNumber": "litigate.parse",
    "BatchReport": "litigate.batch",
    "Capacity": "litigate.model",
    "CaseCitation": "litigate.parse",
    "CaseDocket": "litigate.caseload",
    "CitationMention": "litigate.parse",
    "Claim": "litigate.model",
    "ClaimKind": "litigate.model",
    "CompiledTemplate": "litigate.drafts",
    "DateMention": "litigate.parse",
    "Deadline": "litigate.engine",
    "Docket": "litigate.group",
    "DocketEntry": "litigate.caseload",
    "DocxParagraph": "litigate.parse",
    "Ecli": "litigate.parse",
    "EcthrApplications": "litigate.parse",
    "Execution": "litigate.model",
    "FeeItem": "litigate.model",
    "FileStatus": "litigate.drafts",
    "FollowUp": "litigate.model",
    "FollowUpItem": "litigate.parse",
    "FollowUpLetter": "litigate.parse",
    "FollowUpMark": "litigate.parse",
    "ForumOption": "litigate.caseload",
    "FoundTimeLimit": "litigate.parse",
    "GradedSentence": "litigate.parse",
    "GroupApplicant": "litigate.group",
    "GroupApplication": "litigate.group",
    "GroupDocument": "litigate.group",
    "GroupReport": "litigate.group",
    "HudocItem": "litigate.parse",
    "InterimMeasures": "litigate.model",
    "Judgment": "litigate.model",
    "JustSatisfaction": "litigate.model",
    "Level": "litigate.model",
    "Move": "litigate.caseload",
    "Observations": "litigate.parse",
    "PageEstimate": "litigate.engine.pages",
    "PdfConverter": "litigate.drafts",
    "ProcedureStatus": "litigate.model",
    "Provision": "litigate.model",
    "Recommendation": "litigate.model",
    "RegistryLetter": "litigate.parse",
    "Remedy": "litigate.model",
    "RenderJob": "litigate.batch",
    "Reply": "litigate.drafts",
    "ReplySection": "litigate.drafts",
    "RuleSet": "litigate.rules",
    "SameMatter": "litigate.caseload",
    "Scenario": "litigate.engine",
    "Section": "litigate.parse",
    "Sex": "litigate.model",
    "TemplateLint": "litigate.drafts",
    "UnSymbol": "litigate.parse",
    "WindowStatus": "litigate.engine",
    "annex_bundle": "litigate.drafts",
    "anonymise": "litigate.drafts.anonymise",
    "applicants_table": "litigate.group",
    "case_docket": "litigate.caseload",
    "case_from_dict": "litigate.casefile",
    "case_schema": "litigate.casefile",
    "case_to_dict": "litigate.casefile",
    "catalogue": "litigate.model",
    "compile_template": "litigate.drafts",
    "country": "litigate.model",
    "ecomms_name": "litigate.drafts",
    "group_documents": "litigate.group",
    "group_template": "litigate.group",
    "group_windows": "litigate.group",
    "lint_templates": "litigate.drafts",
    "page_estimate": "litigate.drafts",
    "provision": "litigate.model",
    "read_docx_paragraphs": "litigate.parse",
    "read_pdf": "litigate.parse",
    "render_forms": "litigate.group",
    "render_group": "litigate.group",
    "render_many": "litigate.batch",
    "same_matter_pairs": "litigate.caseload",
    "save_timeline": "litigate.display",
    "template_variables": "litigate.drafts",
    "templates_root": "litigate.drafts",
    "timeline_png": "litigate.display",
    "timeline_svg": "litigate.display",
    "what_moved": "litigate.caseload",
    "write_applicants_table": "litigate.group",
    "write_rendered": "litigate.drafts",
    "write_tracked": "litigate.drafts",
}


def __getattr__(name: str) -> _typing.Any:
    if name in _LAZY:
        value = getattr(_importlib.import_module(_LAZY[name]), name)
    elif name in _SUBMODULES:
        value = _importlib.import_module(f"litigate.{name}")
    elif name in _DEPRECATED:
        module = _DEPRECATED[name]
        _warnings.warn(
            f"litigate.{name} is deprecated at the top level: import it from its module, "
            f"from {module} import {name}",
            DeprecationWarning,
            stacklevel=2,
        )
        return getattr(_importlib.import_module(module), name)  # not cached: warned each time
    else:
        msg = f"module 'litigate' has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    # The public names only: not the deprecated ones, nor the submodules Python sets as
    # attributes when they are imported (litigate.model, litigate.drafts...).
    private = {name for name in globals() if name.startswith("_")}
    return sorted(private | set(_LAZY) | set(_SUBMODULES))


# Notebook display: a value's _repr_html_ asks the hooks, which load litigate.display
# (and so register its renderers) the first time a value is shown.
_display_hooks.set_loader(lambda: _importlib.import_module("litigate.display"))

__all__ = [
    "Acceptance",
    "Applicant",
    "Case",
    "Complaint",
    "ComplaintWindow",
    "Document",
    "DomesticDecision",
    "FilingWindow",
    "Finding",
    "Findings",
    "Forum",
    "InputError",
    "LitigateError",
    "Note",
    "OtherProcedure",
    "RegistryTimeLimit",
    "RenderError",
    "Representative",
    "Severity",
    "Step",
    "__version__",
    "acceptance",
    "calendar",
    "check",
    "completeness",
    "docket",
    "dump_case",
    "errors",
    "filing_window",
    "find_citations",
    "find_dates",
    "forums",
    "ics",
    "load_case",
    "load_group",
    "load_rules",
    "parse_citation",
    "parse_date",
    "procedure",
    "read_follow_up_letter",
    "read_observations",
    "read_registry_letter",
    "render",
    "reply_skeleton",
]
