"""Admissibility and completeness findings.

The order follows the order in which a court or committee examines a case:
acceptance of the procedure by the respondent State, competence ratione
temporis, the same matter before another procedure, the time limit, and (for
the European Court) the completeness of the application under Rule 47.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from litigate._args import CASE, DATE, RULES, checked, optional
from litigate._court_dates import court_date
from litigate.engine.acceptance import acceptance
from litigate.engine.completeness import completeness
from litigate.engine.deadlines import CaseDeadlines
from litigate.engine.deadlines import deadlines as case_deadlines
from litigate.engine.results import FilingWindow, Finding, Findings, Severity, WindowStatus
from litigate.model import Case, Forum, Invocable, ProcedureStatus
from litigate.rules import ForumRules, RuleSet

__all__ = ["check", "completeness"]

_IMMINENT_DAYS = 14
"""Days before a deadline from which a warning is given (a product choice, not a rule)."""


def _acceptance_findings(case: Case, on: date, ruleset: RuleSet, as_of: date) -> Iterator[Finding]:
    instruments: set[str | None] = {"ECHR"} if case.forum is Forum.ECTHR else {None}
    if case.forum is Forum.ECTHR:
        for c in case.complaints:
            instruments.add(c.resolved.instrument.id)
            instruments.update(_instrument_of(p) for p in c.in_conjunction_with)
    for state in case.respondent:
        for instrument in sorted(instruments, key=lambda x: x or ""):
            acc = acceptance(
                state, case.forum, on=on, instrument=instrument, rules=ruleset, as_of=as_of
            )
            source = acc.sources[0] if acc.sources else None
            if acc.status == "no_data":
                yield Finding(
                    code="acceptance_unknown",
                    severity=Severity.WARNING,
                    message=f"{acc.note}.",
                    rule_id=acc.instrument,
                )
            elif acc.accepted is False and not (
                # An end date that bounds the facts (a State that ceased to be a Party:
                # Fedotova and Others v. Russia [GC]) is tested by the temporal check;
                # the lodging date may be later.
                acc.end_bounds == "facts" and acc.until is not None and on >= acc.until
            ):
                doubtful = acc.confidence == "low" or acc.stale
                doubt = f"; {ruleset.notice(case.forum, 'acceptance_doubtful')[0].render()}"
                values = {
                    "state": state,
                    "instrument": acc.instrument,
                    "confidence": acc.confidence,
                    "doubt": doubt if doubtful else "",
                }
                if acc.until is not None and on >= acc.until:
                    outside = acc.end_day == "outside"
                    notice_id = "procedure_ceased_on" if outside else "procedure_ceased_after"
                    values["until"] = court_date(acc.until)
                elif acc.in_force_from is not None and on < acc.in_force_from:
                    notice_id = "procedure_not_yet"
                    values["from"] = court_date(acc.in_force_from)
                else:
                    notice_id = "procedure_not_accepted"
                    values["status"] = acc.status
                notice, cited = ruleset.notice(case.forum, notice_id)
                yield Finding(
                    code="procedure_not_accepted",
                    severity=Severity.WARNING if doubtful else Severity.ERROR,
                    message=notice.render(**values),
                    rule_id=acc.instrument,
                    source=cited or source,
                )
            # A row read too long ago is a finding; a row whose reading was never dated
            # carries the warning in acceptance() only (and its refusals are warnings).
            if acc.stale and acc.status_as_of is not None:
                yield Finding(
                    code="acceptance_data_stale",
                    severity=Severity.WARNING,
                    message=acc.warnings[-1],
                    rule_id=acc.instrument,
                    source=source,
                )
            for reservation in acc.reservations:
                yield Finding(
                    code=f"reservation_{reservation.kind}",
                    severity=Severity.WARNING,
                    message=f"{state}'s reservation or declaration to {acc.instrument} "
                    f"({reservation.kind.replace('_', ' ')}): {reservation.text} "
                    f"(confidence: {reservation.confidence}).",
                    rule_id=acc.instrument,
                    source=reservation.source,
                )


def _instrument_of(provision_id: str) -> str:
    from litigate.model import provision

    return provision(provision_id).instrument.id


def _same_matter(case: Case, forum_rules: ForumRules, ruleset: RuleSet) -> Iterator[Finding]:
    rule = forum_rules.same_matter
    for i, proc in enumerate(case.other_procedures):
        if proc.same_facts is False:
            continue
        if proc.body == case.forum.value:
            continue
        pending = proc.status is ProcedureStatus.PENDING or (
            proc.status is None and proc.concluded_on is None
        )
        unsure = (
            ""
            if proc.same_facts
            else f" ({ruleset.notice(case.forum, 'same_facts_unrecorded')[0].render()})"
        )
        field = f"other_procedures[{i}]"
        named = rule.body(proc.body) if rule is not None else None
        if named is not None and not named.counts:
            yield Finding(
                code="same_matter_allowed",
                severity=Severity.INFO,
                message=f"{proc.body}: {named.text}; it does not bar the "
                f"{'application' if case.forum is Forum.ECTHR else 'communication'} on the same "
                f"matter (data confidence: "
                f"{named.confidence.value}).{' ' + named.note if named.note else ''}",
                source=forum_rules.citations.get(named.sources[0]),
                field=field,
            )
            continue
        extra = f" {named.text} (data confidence: {named.confidence.value})." if named else ""
        named_source = forum_rules.citations.get(named.sources[0]) if named else None
        if case.forum is Forum.ECTHR:
            notice, cited = ruleset.notice(case.forum, "same_matter_submitted")
            yield Finding(
                code="same_matter",
                severity=Severity.ERROR if proc.same_facts else Severity.WARNING,
                message=notice.render(body=proc.body, unsure=unsure, extra=extra),
                source=cited
                or named_source
                or (forum_rules.citations.get(rule.sources[0]) if rule and rule.sources else None),
                field=field,
            )
            continue
        if rule is None:
            continue
        source = named_source or (
            forum_rules.source(rule.sources[0]).cite() if rule.sources else None
        )
        bars = rule.bars_pending if pending else rule.bars_examined
        reservation = _same_matter_reservation(case, ruleset)
        if not bars and reservation and not pending:
            bars = True
        if not bars:
            yield Finding(
                code="same_matter_allowed",
                severity=Severity.INFO,
                message=f"{proc.body}: {'pending' if pending else 'already examined'}; {rule.provision} "
                f"does not bar it{unsure}. {rule.note}".strip(),
                source=source,
                field=field,
            )
            continue
        severity = Severity.ERROR if proc.same_facts else Severity.WARNING
        detail = ""
        if proc.status is ProcedureStatus.INADMISSIBLE:
            severity = Severity.WARNING
            detail = f" {ruleset.notice(case.forum, 'same_matter_inadmissible')[0].render()}"
        if rule.same_nature_only:
            severity = Severity.WARNING
            detail += f" {ruleset.notice(case.forum, 'same_nature_only')[0].render()}"
        yield Finding(
            code="same_matter",
            severity=severity,
            message=f"{proc.body}: {'pending' if pending else 'already examined'} on the same matter{unsure}; "
            f"{rule.provision}: {rule.text}.{detail}{extra}",
            source=source,
            field=field,
        )


def _same_matter_reservation(case: Case, ruleset: RuleSet) -> bool:
    for state in case.respondent:
        acc = acceptance(state, case.forum, rules=ruleset)
        if any(r.kind == "same_matter" for r in acc.reservations):
            return True
    return False


@checked(case=CASE, as_of=DATE, rules=optional(RULES))
def check(
    case: Case,
    *,
    as_of: date,
    rules: RuleSet | None = None,
    deadlines: CaseDeadlines | None = None,
) -> Findings:
    """Check admissibility and completeness; every finding cites its rule and source.

    Args:
        case: The case.
        as_of: The day of the assessment (used when the case is not lodged yet).
        rules: A rule set with a firm's overrides; default the packaged rules.
        deadlines: The case's deadlines already computed by
            :func:`litigate.engine.deadlines.deadlines` (on ``as_of``, under their own
            rules, which then replace ``rules``); computed here when not given.

    Returns:
        Findings in the order a court examines them: acceptance, temporal
        competence, same matter, time limit, completeness; a tuple that
        Jupyter shows as a table.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="hrc", respondent="BLR", lodged_on=date(2023, 2, 8),
        ...                      complaints=[litigate.Complaint(provision="ICCPR-9-1")])
        >>> print(check(case, as_of=date(2023, 2, 8))[0])
        ERROR: For BLR, ICCPR-OP1 ceased to apply on 8 February 2023 (that day included; ...
    """
    found = deadlines or case_deadlines(case, as_of=as_of, rules=rules)
    ruleset = found.rules
    forum_rules = ruleset.forum(case.forum)
    on = case.lodged_on or as_of
    findings: list[Finding] = list(_acceptance_findings(case, on, ruleset, as_of))
    window = found.window
    if window is not None:
        for i, w in enumerate(window.complaints):
            for note in w.warnings:
                if note.code == "ratione_temporis":
                    findings.append(
                        Finding(
                            code="ratione_temporis",
                            severity=Severity.ERROR,
                            message=f"Complaint {i + 1} ({w.complaint.resolved.cite()}): {note.message}",
                            source=note.source,
                            field=f"complaints[{i}].events_from",
                        )
                    )
    findings.extend(_same_matter(case, forum_rules, ruleset))
    if window is not None:
        findings.extend(_time_findings(window))
        findings.extend(_rule_findings(window, forum_rules))
    for i, c in enumerate(case.complaints):
        if c.resolved.article.invocable is Invocable.ACCESSORY and not c.in_conjunction_with:
            findings.append(
                Finding(
                    code="accessory_alone",
                    severity=Severity.WARNING,
                    message=f"{c.resolved.cite()} cannot be invoked on its own: say with which provision "
                    "it is invoked (in_conjunction_with).",
                    field=f"complaints[{i}].in_conjunction_with",
                )
            )
    findings.extend(completeness(case, rules=ruleset))
    findings.extend(_registry_findings(case, found))
    return Findings(findings)


def _registry_findings(case: Case, found: CaseDeadlines) -> Iterator[Finding]:
    """Rule 38 § 1: the Registry's time limits missed or about to expire (wording is data)."""
    as_of, ruleset = found.as_of, found.rules
    for i, (limit, deadline) in enumerate(
        zip(case.registry_time_limits, found.registry, strict=True)
    ):
        field = f"registry_time_limits[{i}]"
        # A suspension of time limits (16 March to 15 June 2020) moves the last day.
        last = deadline.date if case.forum is Forum.ECTHR else limit.last_day
        what, end = limit.what, court_date(last)
        if limit.filed_on is not None:
            if limit.filed_on > last:
                notice, cited = ruleset.notice(case.forum, "registry_filed_late")
                yield Finding(
                    code="registry_time_limit_missed",
                    severity=Severity.ERROR,
                    message=notice.render(what=what, filed_on=court_date(limit.filed_on), end=end),
                    source=cited,
                    field=field,
                )
            continue
        days = (last - as_of).days
        if days < 0:
            notice, cited = ruleset.notice(case.forum, "registry_expired")
            yield Finding(
                code="registry_time_limit_missed",
                severity=Severity.ERROR,
                message=notice.render(what=what, end=end),
                source=cited,
                field=field,
            )
        elif days <= _IMMINENT_DAYS:
            notice, cited = ruleset.notice(case.forum, "registry_imminent")
            yield Finding(
                code="registry_time_limit_imminent",
                severity=Severity.WARNING,
                message=notice.render(what=what, end=end, days=str(days)),
                source=cited,
                field=field,
            )


def _rule_findings(window: FilingWindow, forum_rules: ForumRules) -> Iterator[Finding]:
    """What a governing time-limit rule asks check() to say (``finding`` in the rule data)."""
    by_id = {r.id: r for r in forum_rules.time_limits}
    for i, w in enumerate(window.complaints):
        rule = by_id.get(w.rule_id) if w.rule_id else None
        if rule is None or not rule.finding:
            continue
        yield Finding(
            code="no_time_limit",
            severity=Severity.INFO,
            message=f"{w.complaint.resolved.cite()}: {rule.finding}",
            rule_id=rule.id,
            source=forum_rules.citations.get(rule.sources[0]) if rule.sources else None,
            field=f"complaints[{i}]",
        )


def _time_findings(window: FilingWindow) -> Iterator[Finding]:
    for i, w in enumerate(window.complaints):
        cite = w.complaint.resolved.cite()
        field = f"complaints[{i}]"
        if w.in_time is False and w.status is not WindowStatus.PRESUMPTION:
            yield Finding(
                code="lodged_out_of_time",
                severity=Severity.ERROR,
                message=f"{cite}: lodged after the time limit, which expired on {court_date(w.deadline)}."
                if w.deadline
                else f"{cite}: lodged out of time.",
                rule_id=w.rule_id,
                field=field,
            )
        elif w.status is WindowStatus.EXPIRED and w.in_time is None and w.deadline is not None:
            yield Finding(
                code="time_limit_expired",
                severity=Severity.ERROR,
                message=f"{cite}: the time limit expired on {court_date(w.deadline)}.",
                rule_id=w.rule_id,
                field=field,
            )
        elif (
            w.status is WindowStatus.OPEN
            and w.days_left is not None
            and w.days_left <= _IMMINENT_DAYS
            and w.in_time is None
            and w.deadline is not None
        ):
            yield Finding(
                code="time_limit_imminent",
                severity=Severity.WARNING,
                message=f"{cite}: the time limit expires on {court_date(w.deadline)}, in {w.days_left} days.",
                rule_id=w.rule_id,
                field=field,
            )
        if "presumption_passed" in w.codes:
            yield Finding(
                code="presumption_of_abuse",
                severity=Severity.WARNING,
                message=f"{cite}: {next(n.message for n in w.warnings if n.code == 'presumption_passed')}",
                rule_id=w.rule_id,
                field=field,
            )
        if w.status is WindowStatus.INSUFFICIENT_FACTS:
            yield Finding(
                code="time_limit_unknown",
                severity=Severity.WARNING,
                message=f"{cite}: the time limit cannot be computed; missing {', '.join(w.missing)}.",
                rule_id=w.rule_id,
                field=w.missing[0] if w.missing else field,
            )
