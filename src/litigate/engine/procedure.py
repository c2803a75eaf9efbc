"""Procedural deadlines after lodging, computed from the rule data with an explanation.

Every function returns a :class:`~litigate.engine.results.Deadline` whose
``steps`` cite the rule and its source.  Periods are counted like the filing
window: same day-number, month-end clamped (flagged); a last day on a weekend
is extended only where the rule's data say so (``weekend_extension``, never in
the packaged rules).

Examples:
    >>> from datetime import date
    >>> referral_deadline(date(2024, 1, 15)).date
    datetime.date(2024, 4, 15)
    >>> follow_up_due(date(2022, 7, 19), forum="hrc").date
    datetime.date(2023, 1, 15)
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import attrs

from litigate._court_dates import court_date, weekday_name
from litigate.engine.calendar import add_period, is_month_end_sensitive
from litigate.engine.results import Deadline, Note, Step
from litigate.engine.suspension import Suspended, suspended
from litigate.errors import InputError, NoApplicableRuleError
from litigate.model import Formation, Forum, RegistryTimeLimit, forum_of
from litigate.rules import DeadlineRule, ForumRules, RuleSet, load_rules

__all__ = [
    "Formation",
    "InterestPeriod",
    "RateTable",
    "RegistryTimeLimit",
    "co_follow_up_due",
    "default_interest",
    "follow_up_due",
    "interpretation_deadline",
    "judgment_final_on",
    "payment_due",
    "referral_deadline",
    "registry_time_limit",
    "revision_deadline",
    "state_observations_due",
    "third_party_intervention_deadline",
]


_STARTS = {
    "judgment": "the date of the judgment",
    "final_judgment": "the date the judgment became final",
    "knowledge_of_fact": "knowledge of the new fact",
    "communication": "notice of the application to the Government",
    "transmittal": "transmittal to the State party",
    "adoption": "the adoption of the Views or decision",
    "concluding_observations": "the adoption of the concluding observations",
}


def _suspension_notes(
    result: Suspended, rule_id: str, cite: dict[str, str]
) -> tuple[list[Step], list[Note]]:
    """The steps and warnings that say how suspensions of time limits moved a date."""
    steps: list[Step] = []
    warnings: list[Note] = []
    for applied in result.applied:
        sus = applied.suspension
        source = "; ".join(cite.get(s, s) for s in sus.sources)
        if applied.arguable_only:
            continue
        how = (
            "the period would have started during it, so it starts at its end"
            if applied.starts_after
            else f"the period was running, so its {sus.days} days are added"
        )
        steps.append(
            Step(
                text=f"Time did not run from {court_date(sus.start)} to {court_date(sus.end)} "
                f"({sus.title}, {sus.reference}): {how}; the last day moves from "
                f"{court_date(applied.before)} to {court_date(applied.after)}.",
                rule_id=rule_id,
                source=source,
            )
        )
    if any(not a.arguable_only for a in result.applied):
        warnings.append(
            Note(
                code="suspension",
                message=f"Suspended time limits: without the suspension the last day would be "
                f"{court_date(result.plain)}; with it, {court_date(result.end)}.",
                rule_id=rule_id,
                source=result.applied[0].suspension.sources[0],
            )
        )
    if result.arguable is not None:
        unnamed = [a.suspension.title for a in result.applied if a.arguable_only]
        why = (
            f"the source does not say that {unnamed[0]} applied to this period"
            if unnamed
            else "the suspension is worded in months, and counted in days it ends later"
        )
        warnings.append(
            Note(
                code="suspension_arguable",
                message=f"{court_date(result.arguable)} is only arguable ({why}); "
                f"the safe date is {court_date(result.end)}.",
                rule_id=rule_id,
                source=result.applied[0].suspension.sources[0],
            )
        )
    return steps, warnings


def _weekend(
    rule: DeadlineRule,
    end: date,
    forum_rules: ForumRules,
    steps: list[Step],
    warnings: list[Note],
) -> date:
    """A last day on a weekend: the rule's ``weekend_extension`` decides (data, not code)."""
    source = forum_rules.source(rule.weekend_source).cite() if rule.weekend_source else None
    if not rule.weekend_extension:
        warnings.append(
            Note(
                code="weekend_no_extension",
                message=f"{court_date(end)} is a {weekday_name(end)}: no extension to the next working day.",
                rule_id=rule.id,
                source=source,
            )
        )
        return end
    moved = end + timedelta(days=7 - end.weekday())
    steps.append(
        Step(
            text=f"{court_date(end)} is a {weekday_name(end)}: under this rule the period is "
            f"extended to the next working day, {weekday_name(moved)} {court_date(moved)}.",
            rule_id=rule.id,
            source=source,
        )
    )
    warnings.append(
        Note(
            code="weekend_extended",
            message=f"Extended from {court_date(end)} to {court_date(moved)} by the rule data; "
            "public holidays are not known to litigate: check that this day is a working day.",
            rule_id=rule.id,
            source=source,
        )
    )
    return moved


def _compute(rule_id: str, start: date, *, rules: RuleSet | None) -> Deadline:
    ruleset = rules or load_rules()
    forum = rule_id.split(".", 1)[0]
    forum_rules = ruleset.forum(forum)
    try:
        rule = forum_rules.deadline(rule_id)
    except KeyError:
        msg = f"no procedural rule {rule_id!r} in the {forum} rules"
        raise NoApplicableRuleError(msg, rule_family=rule_id, on=start) from None
    plain, clamped = add_period(start, rule.period, rule.counting)
    label = _STARTS.get(rule.start, rule.start.replace("_", " "))
    source = forum_rules.source(rule.sources[0]).cite() if rule.sources else None
    steps = [
        Step(text=f"{rule.title}.", rule_id=rule.id, source=source),
        Step(
            text=f"{rule.period.describe().capitalize()} from {label} ({court_date(start)}): "
            f"the last day is {weekday_name(plain)} {court_date(plain)}.",
            rule_id=rule.id,
            source=source,
        ),
    ]
    warnings: list[Note] = []
    result = suspended(
        rule.id,
        start,
        plain,
        forum_rules.suspensions,
        period=rule.period,
        counting=rule.counting,
    )
    end = result.end
    more_steps, more_warnings = _suspension_notes(result, rule.id, forum_rules.citations)
    steps.extend(more_steps)
    warnings.extend(more_warnings)
    if is_month_end_sensitive(start, rule.period):
        notice, cited = ruleset.notice(forum, "month_end_clamped" if clamped else "month_end")
        warnings.append(
            Note(
                code="month_end",
                message=notice.render(start=court_date(start), end=court_date(end)),
                rule_id=rule.id,
                source=cited,
            )
        )
    if end.weekday() >= 5:  # noqa: PLR2004 - Saturday
        end = _weekend(rule, end, forum_rules, steps, warnings)
    if rule.confidence.value != "high":
        warnings.append(
            Note(
                code="unconfirmed",
                message=f"Rule of {rule.confidence.value} confidence.",
                rule_id=rule.id,
            )
        )
    if rule.note:
        warnings.append(Note(code="rule_note", message=rule.note, rule_id=rule.id))
    if rule.caveat:
        warnings.append(
            Note(code=rule.caveat_code or "caveat", message=rule.caveat, rule_id=rule.id)
        )
    return Deadline(
        date=end, rule_id=rule.id, start=start, steps=tuple(steps), warnings=tuple(warnings)
    )


def referral_deadline(judgment_on: date, *, rules: RuleSet | None = None) -> Deadline:
    """Last day to request referral of a Chamber judgment to the Grand Chamber (Art. 43 § 1).

    Examples:
        >>> referral_deadline(date(2023, 11, 30)).date
        datetime.date(2024, 2, 29)
    """
    return _compute("ecthr.referral", judgment_on, rules=rules)


def judgment_final_on(
    judgment_on: date,
    *,
    formation: Formation | str,
    referral_requested: bool = False,
    referral_rejected_on: date | None = None,
    parties_declared_no_referral_on: date | None = None,
    rules: RuleSet | None = None,
) -> Deadline | None:
    """When a judgment becomes final (the provisions are the ``ecthr.finality`` rule's data).

    Returns ``None`` while a referral request is pending (the judgment is not
    final until the panel rejects it or the Grand Chamber rules).

    Examples:
        >>> judgment_final_on(date(2010, 7, 20), formation="chamber").date
        datetime.date(2010, 10, 20)
        >>> judgment_final_on(date(2024, 5, 2), formation="committee").date
        datetime.date(2024, 5, 2)
        >>> judgment_final_on(date(2024, 5, 2), formation="chamber", referral_requested=True) is None
        True
    """
    kind = Formation(formation)
    try:
        rule = (rules or load_rules()).forum("ecthr").deadline("ecthr.finality")
    except KeyError:
        msg = "no procedural rule 'ecthr.finality' in the ecthr rules"
        raise NoApplicableRuleError(msg, rule_family="ecthr.finality", on=judgment_on) from None
    if kind is not Formation.CHAMBER:
        article = f"Article {rule.provision(kind.value)}"
        step = Step(
            text=f"A {kind.value.replace('_', ' ')} judgment is final when delivered ({article})."
        )
        return Deadline(
            date=judgment_on, rule_id="ecthr.finality", start=judgment_on, steps=(step,)
        )
    if parties_declared_no_referral_on is not None:
        if parties_declared_no_referral_on < judgment_on:
            msg = "parties_declared_no_referral_on cannot be before the judgment"
            raise InputError(
                msg, field="parties_declared_no_referral_on", value=parties_declared_no_referral_on
            )
        article = f"Article {rule.provision('chamber_no_referral')}"
        step = Step(
            text=f"Final when the parties declared that they will not request referral ({article})."
        )
        return Deadline(
            date=parties_declared_no_referral_on,
            rule_id="ecthr.finality",
            start=judgment_on,
            steps=(step,),
        )
    if referral_rejected_on is not None:
        if referral_rejected_on < judgment_on:
            msg = "referral_rejected_on cannot be before the judgment"
            raise InputError(msg, field="referral_rejected_on", value=referral_rejected_on)
        article = f"Article {rule.provision('chamber_referral_rejected')}"
        step = Step(
            text=f"Final when the panel of the Grand Chamber rejected the referral request ({article})."
        )
        return Deadline(
            date=referral_rejected_on, rule_id="ecthr.finality", start=judgment_on, steps=(step,)
        )
    if referral_requested:
        return None
    return _compute("ecthr.finality", judgment_on, rules=rules)


def _carried(built_on: Deadline, rules: RuleSet | None) -> tuple[Note, ...]:
    """The caveats (a rule's ``caveat``) that a date built on ``built_on`` carries too."""
    deadlines = (rules or load_rules()).forum("ecthr").deadlines
    codes = {r.caveat_code or "caveat" for r in deadlines if r.caveat}
    return tuple(w for w in built_on.warnings if w.code in codes)


def payment_due(final_on: date | Deadline, *, rules: RuleSet | None = None) -> Deadline:
    """Last day for the State to pay just satisfaction (three months from finality).

    Pass the :class:`~litigate.engine.results.Deadline` :func:`judgment_final_on`
    returned to carry its warnings: a default FINAL date (three months, no referral
    known) warns that a referral request postpones it, and so does the payment date.

    Examples:
        >>> payment_due(date(2011, 12, 20)).date
        datetime.date(2012, 3, 20)
        >>> final = judgment_final_on(date(2011, 9, 20), formation="chamber")
        >>> [w.code for w in payment_due(final).warnings]
        ['referral_may_postpone']
    """
    if isinstance(final_on, Deadline):
        computed = _compute("ecthr.payment", final_on.date, rules=rules)
        carried = _carried(final_on, rules)
        return attrs.evolve(computed, warnings=(*computed.warnings, *carried))
    return _compute("ecthr.payment", final_on, rules=rules)


def revision_deadline(known_on: date, *, rules: RuleSet | None = None) -> Deadline:
    """Last day to request revision (Rule 80: six months from knowledge of the fact).

    Examples:
        >>> revision_deadline(date(2025, 3, 3)).date
        datetime.date(2025, 9, 3)
    """
    return _compute("ecthr.revision", known_on, rules=rules)


def interpretation_deadline(judgment_on: date, *, rules: RuleSet | None = None) -> Deadline:
    """Last day to request interpretation (Rule 79: one year from delivery).

    Examples:
        >>> interpretation_deadline(date(2024, 2, 29)).date
        datetime.date(2025, 2, 28)
    """
    return _compute("ecthr.interpretation", judgment_on, rules=rules)


def third_party_intervention_deadline(
    communicated_on: date, *, rules: RuleSet | None = None
) -> Deadline:
    """Last day to request leave to intervene (Rule 44 § 3 (b): twelve weeks from notice).

    Examples:
        >>> third_party_intervention_deadline(date(2025, 1, 6)).date
        datetime.date(2025, 3, 31)
    """
    return _compute(
        "ecthr.third_party_intervention",
        communicated_on,
        rules=rules,
    )


def follow_up_due(
    adopted_on: date, *, forum: Forum | str, rules: RuleSet | None = None
) -> Deadline:
    """When the State's information on follow-up to Views or a decision is due.

    HRC 180 days, CAT and CERD 90 days, CEDAW, CRPD, CRC and CESCR six months,
    per the rule data (CAT and CEDAW count from transmittal of the decision:
    pass that date).  The CED sets its own time limit: there is no rule, and
    :class:`~litigate.errors.NoApplicableRuleError` is raised.

    Examples:
        >>> follow_up_due(date(2021, 12, 12), forum="cat").date
        datetime.date(2022, 3, 12)
    """
    key = forum_of(forum).value
    return _compute(f"{key}.follow_up", adopted_on, rules=rules)


def state_observations_due(
    transmitted_on: date, *, forum: Forum | str, rules: RuleSet | None = None
) -> Deadline:
    """When the State's observations on a communication are due.

    Six months; CERD three months; CED four months (the Committee's practice).

    Examples:
        >>> state_observations_due(date(2025, 1, 10), forum="cerd").date
        datetime.date(2025, 4, 10)
    """
    key = forum_of(forum).value
    return _compute(f"{key}.state_observations", transmitted_on, rules=rules)


def co_follow_up_due(
    adopted_on: date, *, stated_due: date | None = None, rules: RuleSet | None = None
) -> Deadline:
    """When the State's follow-up to CAT concluding observations is due.

    The concluding observations state the date; it prevails.  Without it, one
    year from adoption (CAT/C/55/3), flagged as a fallback.

    Examples:
        >>> co_follow_up_due(date(2024, 11, 27)).date
        datetime.date(2025, 11, 27)
        >>> co_follow_up_due(date(2024, 11, 27), stated_due=date(2025, 11, 28)).date
        datetime.date(2025, 11, 28)
    """
    computed = _compute("cat.co_follow_up", adopted_on, rules=rules)
    if stated_due is None:
        notice, cited = (rules or load_rules()).notice("cat", "stated_date_missing")
        note = Note(
            code="stated_date_missing",
            message=notice.render(),
            rule_id=computed.rule_id,
            source=cited,
        )
        return attrs.evolve(computed, warnings=(*computed.warnings, note))
    if stated_due < adopted_on:
        msg = f"stated_due ({stated_due.isoformat()}) cannot be before adopted_on ({adopted_on.isoformat()})"
        raise InputError(msg, field="stated_due", value=stated_due)
    step = Step(
        text=f"The concluding observations set the date: {court_date(stated_due)} (it prevails over "
        f"the one-year fallback, {court_date(computed.date)}).",
        rule_id=computed.rule_id,
    )
    return attrs.evolve(computed, date=stated_due, steps=(*computed.steps, step))


def registry_time_limit(
    limit: RegistryTimeLimit, *, as_of: date, rules: RuleSet | None = None
) -> Deadline:
    """Explain a Registry-set time limit and warn that any extension request must precede expiry.

    A time limit running on 16 March 2020 was suspended with the others (the
    ``[[suspensions]]`` of ``ecthr.toml``): the date returned includes the suspension.

    Examples:
        >>> limit = RegistryTimeLimit(what="Observations in reply", letter_on=date(2013, 1, 11),
        ...                           due_on=date(2013, 3, 15))
        >>> registry_time_limit(limit, as_of=date(2013, 3, 1)).warnings[0].code
        'extension_before_expiry'
        >>> covid = RegistryTimeLimit(what="Observations", letter_on=date(2020, 2, 10),
        ...                           due_on=date(2020, 3, 20))
        >>> registry_time_limit(covid, as_of=date(2020, 3, 1)).date
        datetime.date(2020, 6, 20)
    """
    ruleset = rules or load_rules()
    forum_rules = ruleset.forum("ecthr")
    result = suspended(
        "ecthr.registry_time_limit", limit.letter_on, limit.last_day, forum_rules.suspensions
    )
    end = result.end
    steps = [
        Step(
            text=f"{limit.what}: time limit set by the Registry's letter of {court_date(limit.letter_on)}: {court_date(limit.due_on)}."
        )
    ]
    if limit.extended_to:
        steps.append(Step(text=f"Extended to {court_date(limit.extended_to)}."))
    more_steps, suspension_warnings = _suspension_notes(
        result, "ecthr.registry_time_limit", forum_rules.citations
    )
    steps.extend(more_steps)
    notice, cited = ruleset.notice("ecthr", "extension_before_expiry")
    text = notice.render(
        end=court_date(end), days=str((end - as_of).days), as_of=court_date(as_of)
    )
    warnings = [
        Note(code="extension_before_expiry", message=text, source=cited),
        *suspension_warnings,
    ]
    return Deadline(
        date=end,
        rule_id="ecthr.registry_time_limit",
        start=limit.letter_on,
        steps=tuple(steps),
        warnings=tuple(warnings),
    )


@attrs.frozen(kw_only=True)
class InterestPeriod:
    """One period of the ECB marginal lending rate (percent per year)."""

    start: date
    rate: Decimal


@attrs.frozen(kw_only=True)
class RateTable:
    """The ECB marginal lending rate over time, as supplied by the user.

    Attributes:
        periods: Rate changes in date order; each rate applies until the next.
        source: Where the table comes from.
    """

    periods: tuple[InterestPeriod, ...]
    source: str

    @classmethod
    def from_csv(cls, text: str, *, source: str) -> RateTable:
        """Read ``date,rate`` lines (ISO date, percent), e.g. from the ECB's data portal.

        Examples:
            >>> table = "2023-09-20,4.75" + chr(10) + "2024-06-12,4.50"
            >>> RateTable.from_csv(table, source="ECB").periods[1].rate
            Decimal('4.50')
        """
        periods = []
        for number, line in enumerate(text.strip().splitlines(), start=1):
            if not line.strip() or line.lower().startswith("date"):
                continue
            try:
                day, rate = (p.strip() for p in line.split(","))
                periods.append(InterestPeriod(start=date.fromisoformat(day), rate=Decimal(rate)))
            except (ValueError, ArithmeticError) as exc:
                msg = f"line {number}: expected 'YYYY-MM-DD,rate', got {line!r}"
                raise InputError(msg, field=f"line {number}", value=line) from exc
        periods.sort(key=lambda p: p.start)
        return cls(periods=tuple(periods), source=source)


def default_interest(
    amount: Decimal,
    *,
    due: date | Deadline,
    paid: date,
    rates: RateTable,
    rules: RuleSet | None = None,
) -> tuple[Decimal, tuple[Step, ...]]:
    """Simple default interest on a late payment: the reference rate plus the margin in the rules.

    The European Court's standard operative provisions set the ECB marginal
    lending rate plus three percentage points (``[interest]`` in ``ecthr.toml``).

    Interest runs from the day after ``due`` until ``paid`` inclusive, at the rate
    in force on each day, on a 365-day (366 in leap years) basis.  Pass as ``due``
    the :class:`~litigate.engine.results.Deadline` of :func:`payment_due` to carry
    its caveats (a default FINAL date a referral request would postpone): they come
    first in the steps, as warnings.

    Returns:
        The interest (rounded to cents) and the calculation per rate period.

    Raises:
        InputError: ``paid`` is before ``due``, or the table does not cover the period.

    Examples:
        >>> table = RateTable.from_csv("2023-09-20,4.75" + chr(10) + "2024-06-12,4.50", source="ECB")
        >>> interest, steps = default_interest(Decimal("10000"), due=date(2024, 5, 31),
        ...                                    paid=date(2024, 6, 30), rates=table)
        >>> interest
        Decimal('62.23')
    """
    carried: tuple[Step, ...] = ()
    if isinstance(due, Deadline):
        carried = tuple(
            Step(text=f"Warning: {w.message}", rule_id=w.rule_id) for w in _carried(due, rules)
        )
        due = due.date
    interest_rule = (rules or load_rules()).forum("ecthr").interest
    if interest_rule is None:
        msg = "the ecthr rules hold no [interest] rule"
        raise NoApplicableRuleError(msg, rule_family="ecthr.interest", on=due)
    margin = Decimal(interest_rule.margin_points)
    if paid <= due:
        return Decimal("0.00"), carried
    if not rates.periods or rates.periods[0].start > due:
        msg = f"the rate table must start on or before {due.isoformat()}"
        raise InputError(
            msg, field="rates", value=rates.periods[0].start if rates.periods else None
        )
    from datetime import timedelta

    total = Decimal(0)
    steps: list[Step] = []
    day = due + timedelta(days=1)
    while day <= paid:
        current = max((p for p in rates.periods if p.start <= day), key=lambda p: p.start)
        following = [p.start for p in rates.periods if p.start > day]
        year_end = date(day.year, 12, 31)
        end = min([paid, year_end, *[f - timedelta(days=1) for f in following]])
        days = (end - day).days + 1
        basis = (
            366 if (day.year % 4 == 0 and (day.year % 100 != 0 or day.year % 400 == 0)) else 365
        )
        rate = current.rate + margin
        part = amount * rate / Decimal(100) * Decimal(days) / Decimal(basis)
        total += part
        steps.append(
            Step(
                text=f"{court_date(day)} to {court_date(end)}: {days} days at {rate}% "
                f"({current.rate}% + {margin} points) on {amount}: {part.quantize(Decimal('0.01'), ROUND_HALF_UP)}.",
                source=rates.source,
            )
        )
        day = end + timedelta(days=1)
    return total.quantize(Decimal("0.01"), ROUND_HALF_UP), (*carried, *steps)
