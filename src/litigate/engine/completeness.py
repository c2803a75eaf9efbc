"""The completeness of an application: the case data against the forum's checklist (Rule 47).

Its own module so that the filing window (which states whether the lodged
application is complete, Rule 47 § 6) and the admissibility checks (which
compute the filing window) both import it without importing each other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from litigate._args import CASE, RULES, checked, optional
from litigate._court_dates import court_date
from litigate.engine.pages import estimate_pages
from litigate.engine.results import Finding, Findings, Severity
from litigate.model import ApplicantKind, Case, Forum, Remedy
from litigate.rules import RuleSet, load_rules
from litigate.rules.spec import ChecklistItem

__all__ = ["completeness"]

_Check = Callable[[Case, ChecklistItem], Iterator[tuple[str, str | None]]]


def _applicant_particulars(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    if not case.applicants:
        yield "No applicant is recorded.", "applicants"
    for i, a in enumerate(case.applicants):
        needed: tuple[str, ...]
        if a.kind is ApplicantKind.PERSON:
            needed = ("date_of_birth", "nationality", "address")
        elif a.kind is ApplicantKind.ORGANISATION:
            needed = ("registered_on", "address")
        else:
            needed = ("address",)
        for name in needed:
            if getattr(a, name) is None:
                yield (
                    f"Applicant {i + 1}: {name.replace('_', ' ')} is missing.",
                    f"applicants[{i}].{name}",
                )


def _representative_particulars(
    case: Case, _item: ChecklistItem
) -> Iterator[tuple[str, str | None]]:
    for i, r in enumerate(case.representatives):
        for name in ("address", "phone", "email"):
            if getattr(r, name) is None:
                yield f"Representative {i + 1}: {name} is missing.", f"representatives[{i}].{name}"


def _authority(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    for i, r in enumerate(case.representatives):
        if r.authority_signed_on is None:
            yield (
                f"Representative {i + 1}: no date of the signed authority is recorded.",
                f"representatives[{i}].authority_signed_on",
            )


def _respondent(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    if not case.respondent:  # pragma: no cover - the model requires one
        yield "No respondent State.", "respondent"


def _facts(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    if not (case.facts and case.facts.strip()):
        yield "No statement of the facts is recorded.", "facts"


def _complaints(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    if not case.complaints:
        yield "No complaint is recorded.", "complaints"
    for i, c in enumerate(case.complaints):
        if not (c.summary and c.summary.strip()):
            yield (
                f"Complaint {i + 1} ({c.resolved.cite()}): no explanation of the complaint.",
                f"complaints[{i}].summary",
            )


def _article_35(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    for i, c in enumerate(case.complaints):
        if c.no_effective_remedy or c.continuing:
            continue
        decisions = [d for d in case.decisions_for(c) if d.remedy is not Remedy.EXTRAORDINARY]
        if not decisions:
            yield (
                f"Complaint {i + 1} ({c.resolved.cite()}): no domestic decision shows exhaustion.",
                f"complaints[{i}].exhausted_by",
            )
        elif all(d.taken_on is None for d in decisions):
            yield (
                f"Complaint {i + 1} ({c.resolved.cite()}): the date of the final decision is missing.",
                "proceedings",
            )


def _other_procedures(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    for i, p in enumerate(case.other_procedures):
        if p.lodged_on is None or p.reference is None:
            yield (
                f"Other procedure {i + 1} ({p.body}): give its reference and the date it was lodged.",
                f"other_procedures[{i}]",
            )


def _documents(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    if not case.documents:
        yield "No list of accompanying documents is recorded.", "documents"
        return
    for i, d in enumerate(case.documents):
        if d.date is None:
            yield f"Document {i + 1} ({d.title}) has no date.", f"documents[{i}].date"
    listed = {d.date for d in case.documents}
    for i, decision in enumerate(case.proceedings):
        if decision.remedy is Remedy.EXTRAORDINARY or decision.taken_on is None:
            continue
        if not decision.documents and decision.taken_on not in listed:
            yield (
                f"No copy of the decision of the {decision.court} of {court_date(decision.taken_on)} is listed.",
                f"proceedings[{i}].documents",
            )


def _anonymity(case: Case, _item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    for i, a in enumerate(case.applicants):
        if a.anonymity_requested and not (a.anonymity_reasons and a.anonymity_reasons.strip()):
            yield (
                f"Applicant {i + 1} asks for anonymity without stating reasons.",
                f"applicants[{i}].anonymity_reasons",
            )


def _supplementary(case: Case, item: ChecklistItem) -> Iterator[tuple[str, str | None]]:
    if item.limit is None:
        return
    paragraphs = [p for p in (case.facts or "").split("\n\n") if p.strip()]
    paragraphs += [c.summary for c in case.complaints if c.summary]
    estimate = estimate_pages(paragraphs, limit=item.limit)
    if estimate.over_limit:
        message = (
            f"The statement of the facts and the complaints alone would take {estimate}: "
            "a supplementary document may not be longer."
        )
        yield message, "facts"


_CHECKS: dict[str, _Check] = {
    "applicant_particulars": _applicant_particulars,
    "representative_particulars": _representative_particulars,
    "authority": _authority,
    "respondent": _respondent,
    "facts": _facts,
    "complaints": _complaints,
    "article_35_compliance": _article_35,
    "other_procedures": _other_procedures,
    "documents": _documents,
    "anonymity_reasons": _anonymity,
    "supplementary_document": _supplementary,
}


@checked(case=CASE, rules=optional(RULES))
def completeness(case: Case, *, rules: RuleSet | None = None) -> Findings:
    """Check the case data against the forum's completeness checklist (ECtHR Rule 47).

    Only what the case data can show is checked (signatures on paper cannot be).
    The result is a :class:`~litigate.Findings`, as :func:`litigate.check` returns (a
    tuple, shown as a table in Jupyter, with ``.errors`` and ``.warnings``).

    Examples:
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE",
        ...                      applicants=[litigate.Applicant.person(name="Rauf Aliyev")])
        >>> [f.field for f in completeness(case)][:3]
        ['applicants[0].date_of_birth', 'applicants[0].nationality', 'applicants[0].address']
        >>> type(completeness(case)).__name__
        'Findings'
    """
    forum_rules = (rules or load_rules()).forum(case.forum)
    out: list[Finding] = []
    for item in forum_rules.checklist:
        run = _CHECKS.get(item.check)
        if run is None:
            out.append(
                Finding(
                    code="unknown_check",
                    severity=Severity.WARNING,
                    message=f"Checklist item {item.id!r} names a check litigate does not have ({item.check!r}).",
                    rule_id=item.id,
                )
            )
            continue
        source = forum_rules.source(item.sources[0]).cite() if item.sources else None
        out.extend(
            Finding(
                code=f"rule47_{item.id}"
                if case.forum is Forum.ECTHR
                else f"completeness_{item.id}",
                severity=Severity(item.severity),
                message=f"{message} ({item.provision}: {item.item})",
                rule_id=item.id,
                source=source,
                field=field,
            )
            for message, field in run(case, item)
        )
    return Findings(out)
