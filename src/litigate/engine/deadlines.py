"""One list of deadlines per case: every date the engine knows, computed once under one rule set.

:func:`deadlines` is the one place where a case's dates are computed: the filing
window, the Registry's time limits, the referral, finality and payment dates of a
judgment, the Committee of Ministers' dates and a Committee's follow-up dates.
:func:`litigate.check`, the drafts (:func:`litigate.render`), the calendar
(:func:`litigate.ics.deadline_calendar`), the docket and the CLI read them from
here, so that under a firm's rules (``rules=``) a draft states the date the
calendar shows.

Examples:
    >>> from datetime import date
    >>> from litigate.model import Case, Judgment
    >>> case = Case(forum="ecthr", respondent="AZE",
    ...             judgment=Judgment(delivered_on=date(2026, 3, 5)))
    >>> found = deadlines(case, as_of=date(2026, 3, 6))
    >>> found.referral.date, found.window is None
    (datetime.date(2026, 6, 5), True)
"""

from __future__ import annotations

from datetime import date

import attrs

from litigate.engine.execution import action_plan_due, rule9_last_day
from litigate.engine.procedure import (
    co_follow_up_due,
    judgment_final_on,
    payment_due,
    referral_deadline,
    registry_time_limit,
)
from litigate.engine.results import Deadline, FilingWindow
from litigate.engine.window import filing_window
from litigate.model import Case, Formation, Forum, Judgment
from litigate.rules import RuleSet, load_rules


@attrs.frozen(kw_only=True)
class CaseDeadlines:
    """Every deadline of one case on ``as_of`` under ``rules``.

    Attributes:
        as_of: The day of the assessment.
        rules: The rule set the dates were computed under.
        window: The filing window (``None`` for a case without complaints).
        registry: One deadline per ``case.registry_time_limits`` entry, in order.
        referral: The last day to request referral (a Chamber judgment only).
        finality: The computed date of finality when the judgment carries no FINAL
            stamp (``None`` when stamped, pending referral, or no judgment).
        final_on: The date the judgment became final: the stamp, or the computed
            date once it has passed on ``as_of``.
        payment: The State's time limit to pay, built on ``final_on`` (it carries the
            warnings of a computed finality).
        action_plan: The Government's action plan date (Committee of Ministers).
        rule9: The last day for a Rule 9 communication, one per meeting of
            ``judgment.execution.meetings``, in order.
        follow_up: The State's follow-up date of each recommendation of
            ``case.follow_up`` (``None`` where the data gives none), in order.
    """

    as_of: date
    rules: RuleSet = attrs.field(repr=False, eq=False)
    window: FilingWindow | None = None
    registry: tuple[Deadline, ...] = ()
    referral: Deadline | None = None
    finality: Deadline | None = None
    final_on: date | None = None
    payment: Deadline | None = None
    action_plan: Deadline | None = None
    rule9: tuple[Deadline, ...] = ()
    follow_up: tuple[Deadline | None, ...] = ()


def _finality(
    judgment: Judgment, as_of: date, rules: RuleSet
) -> tuple[Deadline | None, date | None]:
    if judgment.final_on is not None:
        return None, judgment.final_on
    computed = judgment_final_on(
        judgment.delivered_on,
        formation=judgment.formation,
        referral_requested=judgment.referral_requested_on is not None,
        referral_rejected_on=judgment.referral_rejected_on,
        rules=rules,
    )
    if computed is None or computed.date > as_of:
        return computed, None
    return computed, computed.date


def _follow_up(case: Case, rules: RuleSet) -> tuple[Deadline | None, ...]:
    follow_up = case.follow_up
    if follow_up is None:
        return ()
    if case.forum is not Forum.CAT or follow_up.adopted_on is None:
        return (None,) * len(follow_up.recommendations)
    adopted_on = follow_up.adopted_on
    return tuple(
        co_follow_up_due(adopted_on, stated_due=r.due_on, rules=rules)
        for r in follow_up.recommendations
    )


def deadlines(case: Case, *, as_of: date, rules: RuleSet | None = None) -> CaseDeadlines:
    """Compute every deadline of ``case`` on ``as_of``, once, under ``rules``.

    Args:
        case: The case.
        as_of: The day of the assessment (no clock is read).
        rules: A rule set with a firm's overrides (:func:`litigate.rules.load_rules`);
            default the packaged rules.

    Returns:
        The :class:`CaseDeadlines`; pass it on (``deadlines=``) rather than
        computing a date again.

    Raises:
        NoApplicableRuleError: No time-limit rule is in force for a complaint's dates.
        InsufficientFactsError: A complaint lacks the dates its window needs.

    Examples:
        >>> from datetime import date
        >>> from litigate.model import Case, Complaint, DomesticDecision
        >>> case = Case(forum="ecthr", respondent="AZE",
        ...             complaints=[Complaint(provision="ECHR-6-1")],
        ...             proceedings=[DomesticDecision(court="Supreme Court", level="cassation",
        ...                                           taken_on=date(2026, 6, 18))])
        >>> deadlines(case, as_of=date(2026, 7, 1)).window.deadline
        datetime.date(2026, 10, 18)
    """
    ruleset = rules or load_rules()
    window = filing_window(case, as_of=as_of, rules=ruleset) if case.complaints else None
    registry = tuple(
        registry_time_limit(limit, as_of=as_of, rules=ruleset)
        for limit in case.registry_time_limits
    )
    found = CaseDeadlines(
        as_of=as_of,
        rules=ruleset,
        window=window,
        registry=registry,
        follow_up=_follow_up(case, ruleset),
    )
    judgment = case.judgment
    if judgment is None:
        return found
    referral = (
        referral_deadline(judgment.delivered_on, rules=ruleset)
        if judgment.formation is Formation.CHAMBER
        else None
    )
    finality, final_on = _finality(judgment, as_of, ruleset)
    built_on: date | Deadline | None = (
        finality if finality is not None and final_on == finality.date else final_on
    )
    execution = judgment.execution
    return attrs.evolve(
        found,
        referral=referral,
        finality=finality,
        final_on=final_on,
        payment=None if built_on is None else payment_due(built_on, rules=ruleset),
        action_plan=None if final_on is None else action_plan_due(final_on),
        rule9=()
        if execution is None
        else tuple(rule9_last_day(meeting) for meeting in execution.meetings),
    )
