"""Suspensions of time limits, as dated data records any period can be subject to.

The European Court suspended the Article 35 § 1 period and the time limits in
pending proceedings from 16 March 2020 (press releases ECHR 094 (2020) and
ECHR 108 (2020)); the records live in ``[[suspensions]]`` of the forum's rule
file.  How a suspension moves the last day of a period:

* a period running when the suspension starts (its first day is before the
  suspension's first day and its last day is on or after it) ends the number of
  suspended days later; where the source words the suspension in calendar months
  and that reading gives an earlier day (at a month end), the earlier day is the
  safe one and the later one only arguable;
* a period that would start during the suspension starts running at its end;
* a period that ended before the suspension, or starts after it, is untouched;
* for a period the record lists in ``arguable_for`` (the source does not say it is
  suspended) the safe date ignores the suspension and the suspended date is only
  arguable.  A period with no rule length (a Registry date) that would start
  during the suspension is treated the same way: the Registry set it knowing of
  the suspension.

Examples:
    >>> from datetime import date
    >>> from litigate.rules import load_rules
    >>> ecthr = load_rules().forum("ecthr")
    >>> plain = date(2020, 5, 13)  # Chamber judgment of 13 February 2020 + three months
    >>> suspended("ecthr.finality", date(2020, 2, 13), plain, ecthr.suspensions,
    ...           months=3).end
    datetime.date(2020, 6, 13)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

import attrs

from litigate.engine.calendar import add_months, add_period
from litigate.rules.spec import Period, Suspension

__all__ = ["Applied", "Suspended", "suspended"]


@attrs.frozen(kw_only=True)
class Applied:
    """One suspension applied to one period."""

    suspension: Suspension
    before: date
    """The last day before this suspension was applied."""
    after: date
    """The last day once it is applied (unchanged when it is only arguable)."""
    starts_after: bool
    """The period would have started during the suspension: it starts at its end."""
    arguable_only: bool
    """The source does not say this period is suspended: only an arguable date."""


@attrs.frozen(kw_only=True)
class Suspended:
    """The last day of a period once suspensions are applied."""

    plain: date
    """The last day without any suspension."""
    end: date
    """The safe last day (the earliest reading)."""
    arguable: date | None
    """A later last day another reading gives (calendar months, or an arguable suspension)."""
    applied: tuple[Applied, ...]


def _period(months: int, days: int) -> Period:
    return Period(months=months, days=days)


def _run(
    key: str,
    start: date,
    end: date,
    suspensions: Sequence[Suspension],
    period: Period | None,
    counting: str,
    *,
    generous: bool,
) -> tuple[date, list[Applied]]:
    trigger = start
    applied: list[Applied] = []
    for sus in sorted(suspensions, key=lambda s: s.start):
        arguable_only = key in sus.arguable_for
        if key not in sus.applies_to and not arguable_only:
            continue
        first_day = trigger + timedelta(days=1)
        if first_day > sus.end or end < sus.start:
            continue
        if first_day >= sus.start:
            if period is None:
                # A date set during the suspension: the setter knew of it.
                arguable_only = True
                new = end + timedelta(days=(sus.end - first_day).days + 1)
            else:
                new, _ = add_period(sus.end, period, counting)
            new_trigger = sus.end
            starts_after = True
        else:
            by_days = end + timedelta(days=sus.days)
            by_months = (
                add_months(end, sus.months)
                if sus.months and counting == "calendar_same_day"
                else by_days
            )
            new = max(by_days, by_months) if generous else min(by_days, by_months)
            new_trigger = trigger
            starts_after = False
        if arguable_only and not generous:
            applied.append(
                Applied(
                    suspension=sus,
                    before=end,
                    after=end,
                    starts_after=starts_after,
                    arguable_only=True,
                )
            )
            continue
        applied.append(
            Applied(
                suspension=sus,
                before=end,
                after=new,
                starts_after=starts_after,
                arguable_only=arguable_only,
            )
        )
        end, trigger = new, new_trigger
    return end, applied


def suspended(
    key: str,
    start: date,
    plain: date,
    suspensions: Sequence[Suspension],
    *,
    months: int = 0,
    days: int = 0,
    period: Period | None = None,
    counting: str = "calendar_same_day",
) -> Suspended:
    """Apply every suspension that names ``key`` to the period from ``start`` ending on ``plain``.

    Args:
        key: The time-limit family (``ecthr.time_limit``), the deadline rule id
            (``ecthr.finality``) or ``ecthr.registry_time_limit``.
        start: The event the period runs from (the period starts the day after).
        plain: The last day without any suspension.
        suspensions: The forum's suspension records.
        months: The period's length in months, when ``period`` is not given.
        days: The period's length in days, when ``period`` is not given.
        period: The period's length (``None`` with no months or days: a date set
            by someone, such as a Registry time limit).
        counting: The rule's counting strategy.

    Returns:
        The safe last day, a later arguable one if a reading gives one, and what
        was applied (empty when no suspension touches the period).
    """
    length = period if period is not None else (_period(months, days) if months or days else None)
    end, applied = _run(key, start, plain, suspensions, length, counting, generous=False)
    if not applied:
        return Suspended(plain=plain, end=plain, arguable=None, applied=())
    later, _ = _run(key, start, plain, suspensions, length, counting, generous=True)
    return Suspended(
        plain=plain, end=end, arguable=later if later > end else None, applied=tuple(applied)
    )
