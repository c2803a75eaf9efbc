"""The filing window: when each complaint can still be lodged, and why.

Each complaint has its own window; the case's deadline is the earliest open
one.  Where the law or the facts are uncertain, the *safe* deadline is the
earliest plausible date and the later readings are shown as *arguable*
scenarios; every assumption is recorded and every step cites its rule and its
source.  Nothing here reads the clock: ``as_of`` is an argument.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import threading
from collections.abc import Iterator, Sequence
from datetime import date
from typing import NamedTuple

import attrs

from litigate._args import CASE, DATE, RULES, checked, optional
from litigate._court_dates import court_date, weekday_name
from litigate.engine.acceptance import acceptance
from litigate.engine.calendar import add_period, is_month_end_sensitive
from litigate.engine.completeness import completeness
from litigate.engine.explain import explainer
from litigate.engine.party import event as party_event
from litigate.engine.party import voice_name
from litigate.engine.results import (
    ComplaintWindow,
    FilingWindow,
    Note,
    Scenario,
    Step,
    WindowStatus,
)
from litigate.engine.suspension import suspended
from litigate.errors import InsufficientFactsError, NoApplicableRuleError
from litigate.model import Case, Complaint, DomesticDecision, Forum, Remedy
from litigate.rules import ForumRules, RuleSet, TimeLimitKind, TimeLimitRule, load_rules

__all__ = ["filing_window"]

_WEEKEND = 5  # Saturday is weekday 5


@attrs.frozen(kw_only=True)
class _Trigger:
    """The event that starts the period, chosen from a decision's dates."""

    on: date
    event: str
    decision: DomesticDecision | None


class _Work:
    """Mutable scratchpad for one complaint (never leaves this module)."""

    __slots__ = ("assumptions", "seen", "steps", "warnings")

    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.assumptions: list[Note] = []
        self.warnings: list[Note] = []
        self.seen: set[tuple[object, ...]] = set()

    def step(
        self,
        text: str,
        rule: TimeLimitRule | None = None,
        source: str | None = None,
        *,
        args: tuple[object, ...] = (),
    ) -> None:
        """Record a step; with ``args``, ``text`` is a template filled when first read."""
        rule_id = rule.id if rule else None
        if args:
            self.steps.append(Step(template=text, args=args, rule_id=rule_id, source=source))
        else:
            self.steps.append(Step(text=text, rule_id=rule_id, source=source))

    def warn(
        self,
        code: str,
        message: str,
        *,
        rule_id: str | None = None,
        source: str | None = None,
        args: tuple[object, ...] = (),
    ) -> None:
        """Record a warning once; with ``args``, ``message`` is a template."""
        self._note(self.warnings, "w", code, message, rule_id, source, args)

    def assume(
        self,
        code: str,
        message: str,
        *,
        rule_id: str | None = None,
        source: str | None = None,
        args: tuple[object, ...] = (),
    ) -> None:
        """Record an assumption once; with ``args``, ``message`` is a template."""
        self._note(self.assumptions, "a", code, message, rule_id, source, args)

    def _note(
        self,
        into: list[Note],
        kind: str,
        code: str,
        message: str,
        rule_id: str | None,
        source: str | None,
        args: tuple[object, ...],
    ) -> None:
        key = (kind + code, message, *args)
        if key in self.seen:
            return
        self.seen.add(key)
        if args:
            into.append(
                Note(code=code, template=message, args=args, rule_id=rule_id, source=source)
            )
        else:
            into.append(Note(code=code, message=message, rule_id=rule_id, source=source))


_d = court_date


@functools.lru_cache(maxsize=4096)
def _decision_name(decision: DomesticDecision) -> str:
    when = f" of {_d(decision.taken_on)}" if decision.taken_on else ""
    ref = f" ({decision.reference})" if decision.reference else ""
    return (
        f"the decision of the {decision.court}{when}{ref}"
        if not decision.court.lower().startswith("the ")
        else f"the decision of {decision.court}{when}{ref}"
    )


def _earliest(decision: DomesticDecision) -> date | None:
    return decision.taken_on or (decision.dates[0] if decision.dates else None)


# ---------------------------------------------------------------- trigger policies


def _knowledge_dates(decision: DomesticDecision) -> list[tuple[date, str]]:
    found: list[tuple[date, str]] = []
    if decision.pronounced_on is not None:
        found.append((decision.pronounced_on, "public pronouncement"))
    if decision.served_on is not None:
        found.append((decision.served_on, "service on the applicant"))
    if decision.served_on_representative is not None:
        found.append((decision.served_on_representative, "service on the representative"))
    if decision.known_on is not None:
        found.append((decision.known_on, "the applicant's knowledge"))
    if len(found) > 1:
        found.sort()
    return found


def _effective_knowledge(
    decision: DomesticDecision,
    work: _Work,
    rule: TimeLimitRule,
    sources: ForumRules,
    ruleset: RuleSet,
    _voice: str,
) -> tuple[_Trigger, _Trigger | None]:
    """ECtHR: service where domestic law requires it, otherwise the earliest knowledge."""
    dates = _knowledge_dates(decision)
    service = [(d, w) for d, w in dates if w.startswith("service")]
    if len({d for d, _ in dates}) > 1:
        listed = "; ".join(f"{w} {_d(d)}" for d, w in dates)
        notice, cited = ruleset.notice(sources.forum, "dates_disagree")
        work.warn(
            "dates_disagree",
            notice.template("decision", "dates"),
            rule_id=rule.id,
            source=cited,
            args=(_decision_name(decision), listed),
        )
    if decision.service_required is True:
        if service:
            on, what = service[0]
            notice, cited = ruleset.notice(sources.forum, "service_required")
            work.step(notice.template("event", "on"), rule, cited, args=(what, on))
            return _Trigger(on=on, event=what, decision=decision), None
        fallback = (
            dates[0]
            if dates
            else ((decision.taken_on, "the date it was taken") if decision.taken_on else None)
        )
        if fallback is None:
            raise _Missing(path="proceedings[].served_on")
        notice, cited = ruleset.notice(sources.forum, "service_missing")
        work.assume(
            "service_missing",
            notice.template("event", "on"),
            rule_id=rule.id,
            source=cited,
            args=(fallback[1], fallback[0]),
        )
        return _Trigger(on=fallback[0], event=fallback[1], decision=decision), None
    # Not recorded as pronounced: it may have been announced the day it was taken,
    # which is the earliest plausible start where service is not (known to be) required.
    if (
        decision.pronounced_on is None
        and decision.taken_on is not None
        and dates
        and decision.taken_on < dates[0][0]
    ):
        notice, cited = ruleset.notice(sources.forum, "taken_as_known")
        work.assume(
            "taken_as_known",
            notice.template("decision", "taken_on"),
            rule_id=rule.id,
            source=cited,
            args=(_decision_name(decision), decision.taken_on),
        )
        dates = [(decision.taken_on, "the date it was taken"), *dates]
    if dates:
        on, what = dates[0]
        notice, cited = ruleset.notice(
            sources.forum,
            "service_not_required" if decision.service_required is False else "earliest_knowledge",
        )
        work.step(notice.template("event", "on"), rule, cited, args=(what, on))
        if decision.service_required is False:
            return _Trigger(on=on, event=what, decision=decision), None
        later = [(d, w) for d, w in service if d > on]
        if later:
            notice, cited = ruleset.notice(sources.forum, "service_unknown")
            work.assume(
                "service_unknown",
                notice.template("event", "on"),
                rule_id=rule.id,
                source=cited,
                args=(later[0][1], later[0][0]),
            )
            return (
                _Trigger(on=on, event=what, decision=decision),
                _Trigger(on=later[0][0], event=later[0][1], decision=decision),
            )
        return _Trigger(on=on, event=what, decision=decision), None
    if decision.taken_on is None:
        raise _Missing(path="proceedings[].taken_on")
    work.assume(
        "trigger_assumed",
        f"No date of pronouncement, service or knowledge is recorded for {_decision_name(decision)}; "
        f"counted from the date it was taken, {_d(decision.taken_on)}, the earliest possible.",
        rule_id=rule.id,
    )
    return _Trigger(on=decision.taken_on, event="the date it was taken", decision=decision), None


def _said(event: str, sources: ForumRules, voice: str) -> str:
    """A start event as an English note names it before a UN Committee ("the author's knowledge")."""
    return party_event(event, "en", sources.party, voice)


def _decision_date(
    decision: DomesticDecision,
    work: _Work,
    rule: TimeLimitRule,
    _sources: ForumRules,
    _ruleset: RuleSet,
    voice: str,
) -> tuple[_Trigger, _Trigger | None]:
    """UN committees: from the final decision; notification is an arguable alternative."""
    dates = _knowledge_dates(decision)
    if decision.taken_on is None:
        if not dates:
            raise _Missing(path="proceedings[].taken_on")
        on, what = dates[0]
        work.assume(
            "trigger_assumed",
            f"The date {_decision_name(decision)} was taken is not recorded; counted from {_said(what, _sources, voice)} on {_d(on)}.",
            rule_id=rule.id,
        )
        return _Trigger(on=on, event=what, decision=decision), None
    safe = _Trigger(on=decision.taken_on, event="the date of the decision", decision=decision)
    work.step(
        f"The period is counted from the date of the final decision, {_d(decision.taken_on)}.",
        rule,
    )
    later = [(d, w) for d, w in dates if d > decision.taken_on]
    if rule.later_trigger_scenario and later:
        on, what = later[0]
        notice, cited = _ruleset.notice(_sources.forum, "notification_alternative")
        work.warn(
            "notification_alternative",
            notice.render(event=_said(what, _sources, voice), on=_d(on)),
            rule_id=rule.id,
            source=cited,
        )
        return safe, _Trigger(on=on, event=what, decision=decision)
    return safe, None


_TRIGGERS = {"effective_knowledge": _effective_knowledge, "decision_date": _decision_date}


class _Missing(Exception):  # noqa: N818 - internal signal, never escapes the module
    def __init__(self, *, path: str) -> None:
        super().__init__(path)
        self.path = path


def _cite(rules: ForumRules, rule: TimeLimitRule) -> str:
    return rules.citations.get(rule.sources[0], "") if rule.sources else ""


def _unreviewed(rule: TimeLimitRule) -> Note:
    return _unreviewed_note(rule.id, rule.status.value)


@functools.lru_cache(maxsize=256)
def _unreviewed_note(rule_id: str, status: str) -> Note:
    return Note(
        code="unreviewed_rule",
        message=f"Rule {rule_id} has not been reviewed by a lawyer as encoded (status: {status}).",
        rule_id=rule_id,
    )


# ---------------------------------------------------------------- rule choice


def _choose_rule(family: Sequence[TimeLimitRule], on: date | None, work: _Work) -> TimeLimitRule:
    if on is not None:
        for rule in family:
            if rule.in_force_on(on):
                return rule
        msg = f"no rule of family {family[0].family!r} is in force for {on.isoformat()}"
        raise NoApplicableRuleError(msg, rule_family=family[0].family, on=on)
    # Unknown date: the shortest period is the conservative choice.
    rule = min(family, key=lambda r: (r.period.years * 12 + r.period.months) if r.period else 0)
    if len(family) > 1:
        work.assume(
            "regime_assumed",
            f"The date the final decision was taken is not recorded, so the shortest period "
            f"({rule.period.describe() if rule.period else '-'}) is applied to be safe.",
            rule_id=rule.id,
        )
    return rule


def _regime_date(
    decision: DomesticDecision, family: Sequence[TimeLimitRule], rules: ForumRules, work: _Work
) -> date | None:
    """The date that selects the rule: when the decision was taken, or a bound on it.

    Where only a later date is recorded (service, knowledge), the decision was taken
    on or before it; if only one rule of the family can apply to a decision taken by
    then (service before 1 February 2022: six months), that rule applies.
    """
    if decision.taken_on is not None or not decision.dates or len(family) < 2:  # noqa: PLR2004
        return decision.taken_on
    bound = decision.dates[0]
    possible = [r for r in family if r.in_force_from is None or r.in_force_from <= bound]
    if len(possible) != 1:
        return None
    rule = possible[0]
    on = bound if rule.in_force_until is None else min(bound, rule.in_force_until)
    work.warn(
        "regime_from_known_date",
        "The date {0} was taken is not recorded, but it was known or served on {1}, so it was "
        "taken on or before that day: only the rule '{2}' can apply.",
        rule_id=rule.id,
        source=_cite(rules, rule),
        args=(_decision_name(decision), bound, rule.title),
    )
    return on


def _rule_for(
    family: Sequence[TimeLimitRule],
    regime_date: date | None,
    case: Case,
    as_of: date,
    work: _Work,
    *,
    explain_with: ForumRules | None = None,
) -> TimeLimitRule:
    """The rule of the family that applies, by the date its ``applies_to`` names."""
    on = (case.lodged_on or as_of) if family[0].applies_to == "lodged_on" else regime_date
    rule = _choose_rule(family, on, work)
    if (
        explain_with is not None
        and rule.kind is TimeLimitKind.FIXED
        and on is not None
        and len(family) > 1
    ):
        bounded = any(n.code == "regime_from_known_date" for n in work.warnings)
        work.step(
            "The final decision was taken on or before {0}, so the rule '{1}' applies."
            if bounded
            else "The final decision was taken on {0}, so the rule '{1}' applies.",
            rule,
            _cite(explain_with, rule),
            args=(on, rule.title),
        )
    return rule


# ---------------------------------------------------------------- per complaint


def _window(
    case: Case,
    index: int,
    complaint: Complaint,
    rules: ForumRules,
    ruleset: RuleSet,
    as_of: date,
) -> ComplaintWindow:
    work = _Work()
    family = [r for r in rules.time_limits if r.family == f"{rules.forum}.time_limit"] or list(
        rules.time_limits
    )
    if not family:
        msg = f"no time-limit rule for {rules.forum}"
        raise NoApplicableRuleError(msg, rule_family=f"{rules.forum}.time_limit", on=None)
    cite = complaint.resolved.cite()
    work.step("Complaint under {0}.", args=(cite,))
    decisions = case.decisions_for(complaint)
    _temporal_notes(case, complaint, decisions, ruleset, work)
    try:
        subject = _Subject(case, index, complaint, decisions, rules, ruleset, family, as_of)
        return _compute(subject, work)
    except _Missing as missing:
        path = missing.path.replace("proceedings[]", "proceedings")
        return ComplaintWindow(
            complaint=complaint,
            status=WindowStatus.INSUFFICIENT_FACTS,
            steps=tuple(work.steps),
            assumptions=tuple(work.assumptions),
            warnings=tuple(work.warnings),
            missing=(path,),
        )


def _temporal_notes(
    case: Case,
    complaint: Complaint,
    decisions: Sequence[DomesticDecision],
    ruleset: RuleSet,
    work: _Work,
) -> None:
    """Flag facts outside the forum's competence ratione temporis (checked before the time limit)."""
    forum = case.forum
    instrument = complaint.resolved.instrument.id if forum is Forum.ECTHR else None
    reference = complaint.events_from or (
        min((d for d in (_earliest(x) for x in decisions) if d is not None), default=None)
    )
    if reference is None:
        return
    for state in case.respondent:
        acc = acceptance(state, forum, instrument=instrument, rules=ruleset)
        if acc.status == "no_data":
            work.warn("acceptance_unknown", f"{acc.note}.")
            continue
        row_source = acc.sources[0] if acc.sources else None
        if acc.in_force_from is None:
            notice, cited = ruleset.notice(forum, "not_accepted")
            text = notice.render(state=state, instrument=acc.instrument, status=acc.status)
            work.warn("not_accepted", text, source=cited or row_source)
            continue
        competent_from = acc.temporal_from or acc.in_force_from
        if reference < competent_from and not complaint.continuing:
            notice, cited = ruleset.notice(forum, "ratione_temporis")
            text = notice.render(
                facts=_d(reference),
                competent_from=_d(competent_from),
                instrument=acc.instrument,
                state=state,
                confidence=acc.confidence,
            )
            work.warn("ratione_temporis", text, source=cited or row_source)
        # The data's own bound (``end_day``): the day the procedure ceased to apply is inside
        # or outside as the data says (Russia, 16 September 2022: inside; Belarus, 8 February
        # 2023: outside, since a communication on facts of that day is submitted on it or later).
        if acc.until is not None and reference >= acc.until and acc.covers(reference) is False:
            notice, cited = ruleset.notice(
                forum, "ratione_temporis_after" if reference > acc.until else "ratione_temporis_on"
            )
            text = notice.render(
                facts=_d(reference), until=_d(acc.until), instrument=acc.instrument, state=state
            )
            work.warn("ratione_temporis", text, source=cited or row_source)


def _final_decisions(
    decisions: Sequence[DomesticDecision],
    work: _Work,
    ruleset: RuleSet | None = None,
    forum: str = Forum.ECTHR.value,
) -> tuple[DomesticDecision | None, DomesticDecision | None]:
    """The last ordinary decision (safe) and a later doubtful one (arguable).

    The extraordinary-remedy note is ``forum``'s notice in ``ruleset`` (the packaged rules
    by default).
    """
    ruleset = ruleset or load_rules()
    for d in decisions:
        if d.remedy is Remedy.EXTRAORDINARY:
            notice, cited = ruleset.notice(forum, "extraordinary_ignored")
            name = _decision_name(d)
            work.warn(
                "extraordinary_ignored",
                notice.render(decision=f"{name[0].upper()}{name[1:]}"),
                source=cited,
            )
    ordinary = [d for d in decisions if d.remedy is Remedy.ORDINARY and _earliest(d) is not None]
    doubtful = [d for d in decisions if d.remedy is Remedy.DOUBTFUL and _earliest(d) is not None]
    safe = max(ordinary, key=lambda d: _earliest(d) or date.min) if ordinary else None
    later = [
        d
        for d in doubtful
        if safe is None or (_earliest(d) or date.min) > (_earliest(safe) or date.min)
    ]
    arguable = max(later, key=lambda d: _earliest(d) or date.min) if later else None
    if arguable is not None:
        notice, cited = ruleset.notice(forum, "doubtful_remedy")
        name = _decision_name(arguable)
        work.warn(
            "doubtful_remedy",
            notice.render(decision=f"{name[0].upper()}{name[1:]}"),
            source=cited,
        )
    return safe, arguable


class _Draft(NamedTuple):
    """One candidate last day before the scenarios are ordered."""

    end: date
    arguable: bool
    description: str
    trigger_on: date
    event: str
    decision: str | None
    rule: TimeLimitRule


_Start = tuple[str, str, _Trigger]
"""(scenario name, description, trigger): one event that starts the period."""


@attrs.frozen
class _Subject:
    """One complaint with everything its window is computed from (the stages' input)."""

    case: Case
    index: int
    complaint: Complaint
    decisions: Sequence[DomesticDecision]
    rules: ForumRules
    ruleset: RuleSet
    family: Sequence[TimeLimitRule]
    as_of: date


def _compute(subject: _Subject, work: _Work) -> ComplaintWindow:
    """One complaint's window, stage by stage (each stage records its steps and warnings)."""
    case, rules, family, as_of = subject.case, subject.rules, subject.family, subject.as_of
    base = {"complaint": subject.complaint}
    starts = _start_events(subject, work)
    if isinstance(starts, ComplaintWindow):
        return starts
    triggers, regimes = starts
    rule = _rule_for(
        family, regimes[0] if regimes else None, case, as_of, work, explain_with=rules
    )
    if rule.kind is TimeLimitKind.NONE:
        return _no_fixed_limit(base, case, rule, triggers, as_of, work, subject.ruleset)
    drafts = [
        _period(
            start,
            rule if start[0] == "safe" else _rule_for(family, regime, case, as_of, work),
            regime,
            rules,
            work,
            subject.ruleset,
        )
        for start, regime in zip(triggers, regimes, strict=True)
    ]
    if rule.period is None:  # pragma: no cover - the loader refuses it
        msg = f"rule {rule.id} has no period"
        raise NoApplicableRuleError(
            msg, rule_family=rule.family, on=regimes[0] if regimes else None
        )
    drafts.extend(_other_procedures(case, rule, work))
    return _verdict(base, case, _scenarios(drafts), drafts, rules, subject.ruleset, as_of, work)


def _start_events(
    subject: _Subject, work: _Work
) -> tuple[list[_Start], list[date | None]] | ComplaintWindow:
    """Stage "start event": what starts the period, and the date that selects the rule.

    Returns the start events with, for each, the date that chooses the regime; or
    the finished window where no period runs (disappearance, a continuing situation,
    no final decision yet).
    """
    case, complaint, rules, family = subject.case, subject.complaint, subject.rules, subject.family
    ruleset, as_of, index = subject.ruleset, subject.as_of, subject.index
    base = {"complaint": complaint}
    kind = family[0].kind
    if complaint.disappearance:
        rule = family[-1]
        notice, cited = ruleset.notice(rules.forum, "reasonable_expedition")
        work.warn("reasonable_expedition", notice.render(), rule_id=rule.id, source=cited)
        return _finish(base, WindowStatus.NO_FIXED_LIMIT, work, rule=rule)
    if complaint.continuing and complaint.situation_ended_on is None:
        rule = family[-1]
        notice, cited = ruleset.notice(rules.forum, "continuing")
        work.warn("continuing", notice.render(), rule_id=rule.id, source=cited)
        return _finish(base, WindowStatus.CONTINUING, work, rule=rule)
    triggers: list[_Start] = []
    regimes: list[date | None] = []  # the date that selects the rule, per trigger
    if complaint.continuing:
        ended = complaint.situation_ended_on or as_of  # not None: handled above
        notice, cited = ruleset.notice(rules.forum, "continuing_ended")
        work.warn("continuing", notice.render(ended=_d(ended)), source=cited)
        triggers.append(
            (
                "safe",
                "The situation ended on this date.",
                _Trigger(on=ended, event="the end of the situation", decision=None),
            )
        )
        regimes.append(ended)
        return triggers, regimes
    if complaint.no_effective_remedy:
        if complaint.events_from is None:
            raise _Missing(path=f"complaints[{index}].events_from")
        notice, cited = ruleset.notice(rules.forum, "no_effective_remedy")
        work.warn(
            "no_effective_remedy",
            notice.template("act"),
            source=cited,
            args=(complaint.events_from,),
        )
        triggers.append(
            (
                "safe",
                "No effective remedy: from the act itself.",
                _Trigger(on=complaint.events_from, event="the act complained of", decision=None),
            )
        )
        regimes.append(complaint.events_from)
        return triggers, regimes
    safe, arguable = _final_decisions(subject.decisions, work, ruleset, rules.forum)
    if safe is None and arguable is None:
        if kind is TimeLimitKind.NONE:
            return _finish(base, WindowStatus.NO_FIXED_LIMIT, work, rule=family[-1])
        work.warn(
            "no_final_decision",
            "No final domestic decision is recorded for this complaint: the time limit has not "
            "started. If no effective remedy exists, set no_effective_remedy and the date of the act.",
        )
        return _finish(base, WindowStatus.NOT_STARTED, work, rule=family[-1])
    if safe is None and arguable is not None:
        if complaint.events_from is not None:
            work.assume(
                "doubtful_only",
                "The only remedy used is of doubtful effectiveness: the safe deadline counts from the act itself.",
            )
            triggers.append(
                (
                    "safe",
                    "The doubtful remedy does not count: from the act itself.",
                    _Trigger(
                        on=complaint.events_from, event="the act complained of", decision=None
                    ),
                )
            )
            regimes.append(complaint.events_from)
        else:
            work.assume(
                "doubtful_only",
                "The only remedy used is of doubtful effectiveness and the date of the act is not recorded: the doubtful decision is used.",
            )
    policy = _TRIGGERS[family[0].trigger]
    if safe is not None:
        safe_on = _regime_date(safe, family, rules, work)
        safe_rule = _rule_for(family, safe_on, case, as_of, work)
        first, second = policy(safe, work, safe_rule, rules, ruleset, voice_name(case.applicants))
        triggers.append(("safe", f"Final decision: {_decision_name(safe)}.", first))
        regimes.append(safe_on)
        if second is not None:
            triggers.append(
                ("arguable", "A later date of service or notification counts.", second)
            )
            regimes.append(safe_on)
    if arguable is not None:
        arguable_on = _regime_date(arguable, family, rules, work)
        arguable_rule = _rule_for(family, arguable_on, case, as_of, work)
        first, second = policy(
            arguable, work, arguable_rule, rules, ruleset, voice_name(case.applicants)
        )
        triggers.append(
            (
                "arguable",
                f"The doubtful remedy counts: {_decision_name(arguable)}.",
                second or first,
            )
        )
        regimes.append(arguable_on)
    return triggers, regimes


def _period(
    start: _Start,
    own: TimeLimitRule,
    regime: date | None,
    rules: ForumRules,
    work: _Work,
    ruleset: RuleSet,
) -> _Draft:
    """Stages "period" and "suspensions": the last day counted from one start event."""
    name, description, trig = start
    if own.period is None:  # pragma: no cover - the loader refuses it
        msg = f"rule {own.id} has no period"
        raise NoApplicableRuleError(msg, rule_family=own.family, on=regime)
    end, clamped = add_period(trig.on, own.period, own.counting)
    if rules.suspensions:
        end = _apply_suspensions(rules, own, trig, end, work, safe=name == "safe", ruleset=ruleset)
    if name == "safe" and is_month_end_sensitive(trig.on, own.period):
        notice, cited = ruleset.notice(
            rules.forum, "month_end_clamped" if clamped else "month_end"
        )
        work.warn(
            "month_end",
            notice.template("start", "end"),
            rule_id=own.id,
            source=cited,
            args=(trig.on, end),
        )
    label = trig.decision.label if trig.decision else None
    return _Draft(end, name != "safe", description, trig.on, trig.event, label, own)


def _other_procedures(case: Case, rule: TimeLimitRule, work: _Work) -> list[_Draft]:
    """The last days set by another international procedure's conclusion (UN committees)."""
    if rule.other_procedure_period is None:
        return []
    drafts: list[_Draft] = []
    for proc in case.other_procedures:
        if proc.concluded_on is None or proc.same_facts is False:
            continue
        end, _ = add_period(proc.concluded_on, rule.other_procedure_period, rule.counting)
        work.warn(
            "other_procedure_period",
            f"Another procedure ({proc.body}{', ' + proc.reference if proc.reference else ''}) concluded on "
            f"{_d(proc.concluded_on)}: {rule.other_procedure_period.describe()} later, on {_d(end)}, "
            "delay is presumed abusive too."
            + (
                " It is not recorded whether it concerned the same facts."
                if proc.same_facts is None
                else ""
            ),
            rule_id=rule.id,
        )
        drafts.append(
            _Draft(
                end=end,
                arguable=False,
                description=f"Conclusion of another international procedure ({proc.body}).",
                trigger_on=proc.concluded_on,
                event="the conclusion of the other procedure",
                decision=None,
                rule=rule,
            )
        )
    return drafts


def _scenarios(drafts: list[_Draft]) -> tuple[Scenario, ...]:
    """Stage "scenarios": the earliest last day is safe; only later ones are arguable.

    Sorts ``drafts`` in place (earliest first, the safe reading before an arguable one).
    """
    drafts.sort(key=lambda d: (d.end, d.arguable))
    safe_deadline = drafts[0].end
    return tuple(
        Scenario(
            name="safe" if n == 0 else "arguable",
            description=d.description,
            trigger_on=d.trigger_on,
            trigger_event=d.event,
            decision=d.decision,
            deadline=d.end,
            rule_id=d.rule.id,
        )
        for n, d in enumerate(drafts)
        if n == 0 or d.end > safe_deadline
    )


def _verdict(
    base: dict[str, Complaint],
    case: Case,
    ordered: tuple[Scenario, ...],
    drafts: Sequence[_Draft],
    rules: ForumRules,
    ruleset: RuleSet,
    as_of: date,
    work: _Work,
) -> ComplaintWindow:
    """Stage "verdict": the safe deadline's explanation, status and in-time verdict."""
    safe_deadline = drafts[0].end
    opening = ordered[0]
    # The rule of the safe scenario governs (counting a doubtful remedy can change the regime).
    rule = drafts[0].rule
    source = _cite(rules, rule)
    work.step(
        "The period of {0} starts on the day after {1} ({2}) and ends on {3}, a {4}.",
        rule,
        source,
        args=(
            rule.period.describe() if rule.period else "",
            opening.trigger_event,
            opening.trigger_on,
            safe_deadline,
            weekday_name(safe_deadline),
        ),
    )
    if safe_deadline.weekday() >= _WEEKEND and not rule.weekend_extension:
        notice, cited = ruleset.notice(rules.forum, "weekend_no_extension")
        work.warn(
            "weekend_no_extension",
            notice.template("end", "weekday"),
            rule_id=rule.id,
            source=cited,
            args=(safe_deadline, weekday_name(safe_deadline)),
        )
    if rule.exception:
        work.warn(
            "exception_available", f"Exception: {rule.exception}.", rule_id=rule.id, source=source
        )
    if rule.confidence.value != "high":
        work.warn(
            "unconfirmed",
            f"The rule '{rule.title}' is of {rule.confidence.value} confidence.",
            rule_id=rule.id,
            source=source,
        )
    if rule.status.value != "reviewed":
        work.assumptions.append(_unreviewed(rule))
    days_left = (safe_deadline - as_of).days
    in_time = None if case.lodged_on is None else case.lodged_on <= safe_deadline
    if rule.kind is TimeLimitKind.PRESUMPTION:
        status = WindowStatus.PRESUMPTION
        moment = case.lodged_on or as_of
        if moment > safe_deadline:
            notice, cited = ruleset.notice(rules.forum, "presumption_passed")
            work.warn(
                "presumption_passed",
                notice.render(
                    end=_d(safe_deadline), exception=rule.exception or "give reasons for the delay"
                ),
                rule_id=rule.id,
                source=cited or source,
            )
    elif as_of < opening.trigger_on:
        status = WindowStatus.NOT_STARTED
    elif as_of <= safe_deadline:
        status = WindowStatus.OPEN
    else:
        status = WindowStatus.EXPIRED
    if in_time is not None and case.lodged_on is not None:
        verdict = "within" if in_time else "outside"
        work.step(f"Lodged on {_d(case.lodged_on)}: {verdict} the time limit.", rule, source)
    return _finish(
        base,
        status,
        work,
        rule=rule,
        deadline=safe_deadline,
        days_left=days_left,
        scenarios=ordered,
        in_time=in_time,
    )


def _apply_suspensions(
    rules: ForumRules,
    rule: TimeLimitRule,
    trig: _Trigger,
    plain: date,
    work: _Work,
    *,
    safe: bool,
    ruleset: RuleSet | None = None,
) -> date:
    """The last day once the forum's suspensions of time limits are applied (steps and warnings)."""
    result = suspended(
        rule.family,
        trig.on,
        plain,
        rules.suspensions,
        period=rule.period,
        counting=rule.counting,
    )
    if not result.applied:
        return plain
    for applied in result.applied:
        if applied.arguable_only:
            continue
        sus = applied.suspension
        source = "; ".join(rules.citations.get(s, s) for s in sus.sources)
        if applied.starts_after:
            work.step(
                "Time did not run from {1} to {2} ({0}, {5}): the period, which would have started "
                "during it, starts running at its end; its last day moves from {3} to {4}.",
                rule,
                source,
                args=(sus.title, sus.start, sus.end, applied.before, applied.after, sus.reference),
            )
            notice, cited = (ruleset or load_rules()).notice(rules.forum, "suspension_start")
            work.assume(
                "suspension_start",
                notice.template("end"),
                rule_id=rule.id,
                source=cited or source,
                args=(sus.end,),
            )
        else:
            work.step(
                "Time did not run from {1} to {2} ({0}, {5}): the period was running, so its last "
                "day moves from {3} to {4}.",
                rule,
                source,
                args=(sus.title, sus.start, sus.end, applied.before, applied.after, sus.reference),
            )
    if safe and any(not a.arguable_only for a in result.applied):
        work.warn(
            "suspension",
            "Time limits were suspended: without the suspension the last day would have been {0}; "
            "with it, {1}. Do not report the plain date as the end of the period.",
            rule_id=rule.id,
            source=rules.citations.get(result.applied[0].suspension.sources[0]),
            args=(result.plain, result.end),
        )
    if safe and result.arguable is not None:
        work.warn(
            "suspension_arguable",
            "Counted in days rather than calendar months, the suspension would end the period on {0}; "
            "that later date is only arguable (safe: {1}).",
            rule_id=rule.id,
            source=rules.citations.get(result.applied[0].suspension.sources[0]),
            args=(result.arguable, result.end),
        )
    return result.end


def _no_fixed_limit(
    base: dict[str, Complaint],
    case: Case,
    rule: TimeLimitRule,
    triggers: list[tuple[str, str, _Trigger]],
    as_of: date,
    work: _Work,
    ruleset: RuleSet,
) -> ComplaintWindow:
    moment = case.lodged_on or as_of
    start = min((t.on for _, _, t in triggers), default=None)
    if start is None:
        return _finish(base, WindowStatus.NO_FIXED_LIMIT, work, rule=rule)
    elapsed = (moment - start).days
    work.step(
        f"{rule.title}: no fixed time limit. {elapsed} days elapsed from {_d(start)} to {_d(moment)}.",
        rule,
    )
    if rule.analogy_warning is not None:
        limit, _ = add_period(start, rule.analogy_warning, "calendar_same_day")
        if moment > limit:
            notice, cited = ruleset.notice(case.forum, "analogy")
            work.warn(
                "analogy",
                notice.render(period=rule.analogy_warning.describe(), start=_d(start)),
                rule_id=rule.id,
                source=cited,
            )
    if rule.confidence.value != "high":
        work.warn(
            "unconfirmed",
            f"The rule '{rule.title}' is of {rule.confidence.value} confidence.",
            rule_id=rule.id,
        )
    if rule.status.value != "reviewed":
        work.assumptions.append(_unreviewed(rule))
    return _finish(base, WindowStatus.NO_FIXED_LIMIT, work, rule=rule, elapsed_days=elapsed)


def _finish(
    base: dict[str, Complaint],
    status: WindowStatus,
    work: _Work,
    *,
    rule: TimeLimitRule,
    deadline: date | None = None,
    days_left: int | None = None,
    scenarios: tuple[Scenario, ...] = (),
    in_time: bool | None = None,
    elapsed_days: int | None = None,
) -> ComplaintWindow:
    return ComplaintWindow(
        complaint=base["complaint"],
        status=status,
        deadline=deadline,
        days_left=days_left,
        rule_id=rule.id,
        scenarios=scenarios,
        steps=tuple(work.steps),
        assumptions=tuple(work.assumptions),
        warnings=tuple(work.warnings),
        in_time=in_time,
        elapsed_days=elapsed_days,
    )


# ---------------------------------------------------------------- the case


_DATED = (WindowStatus.OPEN, WindowStatus.PRESUMPTION, WindowStatus.NOT_STARTED)
_UNDATED_ORDER = (
    WindowStatus.CONTINUING,
    WindowStatus.NO_FIXED_LIMIT,
    WindowStatus.EXPIRED,
    WindowStatus.INSUFFICIENT_FACTS,
)


_BATCH = 1000
"""From this many complaints, the cyclic garbage collector is paused while computing."""
_gc_lock = threading.Lock()
_gc_state = {"depth": 0, "was_enabled": False}


@contextlib.contextmanager
def _paused_gc(size: int) -> Iterator[None]:
    """Pause the cyclic garbage collector while building many small acyclic results.

    Results hold no reference cycles, so nothing is leaked; pausing avoids the
    collector rescanning the growing heap (it halves the cost of a large docket).
    Nested and concurrent uses restore the collector's state once, at the end.
    """
    if size < _BATCH:
        yield
        return
    with _gc_lock:
        if _gc_state["depth"] == 0:
            _gc_state["was_enabled"] = gc.isenabled()
            gc.disable()
        _gc_state["depth"] += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_state["depth"] -= 1
            if _gc_state["depth"] == 0 and _gc_state["was_enabled"]:
                gc.enable()


def _governing(windows: Sequence[ComplaintWindow]) -> ComplaintWindow:
    """The case's window: the earliest dated one, else the most urgent undated status."""
    dated = [w for w in windows if w.status in _DATED and w.deadline is not None]
    if dated:
        return min(dated, key=lambda w: w.deadline or date.max)
    return next(
        (
            w
            for status in _UNDATED_ORDER
            for w in sorted(windows, key=lambda w: w.deadline or date.min, reverse=True)
            if w.status is status
        ),
        windows[0],
    )


def _application_notes(case: Case, ruleset: RuleSet) -> tuple[Note, ...]:
    """A lodged ECtHR case: the date of introduction needs a complete application."""
    if case.lodged_on is None or case.forum is not Forum.ECTHR:
        return ()
    missing = [f for f in completeness(case, rules=ruleset) if f.severity.value == "error"]
    notice, cited = ruleset.notice(case.forum, "application_complete")
    text = notice.render()
    if not missing:
        return (Note(code="complete_application_required", message=text, source=cited),)
    text += (
        f" The case data lacks {len(missing)} required item(s)"
        + (", among them: " if len(missing) > 5 else ": ")  # noqa: PLR2004
        + "; ".join(f.message for f in missing[:5])
        + "."
    )
    return (Note(code="incomplete_application", message=text, source=cited),)


@checked(case=CASE, as_of=DATE, rules=optional(RULES))
def filing_window(case: Case, *, as_of: date, rules: RuleSet | None = None) -> FilingWindow:
    """Compute the filing window of every complaint and of the case.

    Args:
        case: The case.
        as_of: The day of the assessment (never defaults to today).
        rules: A rule set with a firm's overrides (:func:`litigate.load_rules`);
            default the packaged rules.

    Returns:
        The window: status, safe deadline, days left, per-complaint windows with
        their scenarios, steps, assumptions and warnings, the ``in_time``
        verdict when the case was lodged, and :meth:`~FilingWindow.explain`.

    Raises:
        InsufficientFactsError: The case has no complaint to compute.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(
        ...     forum="ecthr", respondent="AZE",
        ...     complaints=[litigate.Complaint(provision="ECHR-6-1")],
        ...     proceedings=[litigate.DomesticDecision(
        ...         court="Supreme Court", level="cassation", service_required=True,
        ...         taken_on=date(2025, 6, 18), served_on=date(2025, 7, 2))],
        ... )
        >>> window = filing_window(case, as_of=date(2025, 9, 1))
        >>> window.status.value, window.deadline, window.days_left
        ('open', datetime.date(2025, 11, 2), 62)
        >>> window.summary()
        'open: 2 November 2025 (Sunday), 62 days left on 1 September 2025'
        >>> filing_window(litigate.Case(forum="ecthr", respondent="AZE"), as_of=date(2025, 9, 1))
        Traceback (most recent call last):
        ...
        litigate.errors.InsufficientFactsError: the case has no complaint: add at least one ...
    """
    if not case.complaints:
        msg = "the case has no complaint: add at least one to compute a filing window (complaints)"
        raise InsufficientFactsError(msg, missing=("complaints",))
    ruleset = rules or load_rules()
    forum_rules = ruleset.forum(case.forum)
    with _paused_gc(len(case.complaints)):
        windows = tuple(
            _window(case, i, c, forum_rules, ruleset, as_of) for i, c in enumerate(case.complaints)
        )
    governing = _governing(windows)
    verdicts = [w.in_time for w in windows if w.in_time is not None]
    warnings = _application_notes(case, ruleset)
    return FilingWindow(
        forum=case.forum,
        as_of=as_of,
        status=governing.status,
        deadline=governing.deadline,
        days_left=governing.days_left,
        complaints=windows,
        in_time=all(verdicts) if verdicts else None,
        lodged_on=case.lodged_on,
        warnings=warnings,
        explainer=explainer(case, forum_rules),
    )
