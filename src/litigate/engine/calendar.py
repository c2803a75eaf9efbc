"""Date arithmetic for legal periods, as named strategies.

``calendar_same_day``: a period of N months (or years) ends on the same
day-number N months later.  The period starts the day after the triggering
event (dies a quo), so the last day is that day-number, not the day before:
a decision served on 25 January gives a six-month period ending on 25 July.
Where the target month has no such day (31 August + 6 months), the last day
of the shorter month is taken (28 or 29 February): the earlier, conservative
reading, which the Court has not been shown to confirm (the result says so).

``days``: a period of N days (or weeks) ends N days after the event.

Weekends and holidays never extend a period before the European Court
(*Sabri Güneş v. Turkey* [GC]); no strategy here extends anything.

Examples:
    >>> from datetime import date
    >>> add_months(date(2023, 1, 31), 1)
    datetime.date(2023, 2, 28)
    >>> add_months(date(2024, 1, 31), 1)
    datetime.date(2024, 2, 29)
    >>> add_months(date(2022, 10, 31), 4)
    datetime.date(2023, 2, 28)
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from litigate.errors import InputError, RuleDataError
from litigate.rules.spec import Period

__all__ = ["WEEKDAYS", "add_months", "add_period", "is_month_end_sensitive"]

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _beyond_calendar(start: date, what: str) -> InputError:
    msg = (
        f"{what} from {start.isoformat()} ends outside the calendar litigate counts in "
        f"(years {date.min.year} to {date.max.year}); check the date"
    )
    return InputError(msg, field="date", value=start)


def add_months(start: date, months: int) -> date:
    """Add calendar months, keeping the day-number and clamping at month end.

    Raises:
        InputError: The result would fall before year 1 or after 31 December 9999.
    """
    index = start.year * 12 + (start.month - 1) + months
    year, month = divmod(index, 12)
    if not date.min.year <= year <= date.max.year:
        raise _beyond_calendar(start, f"{months} months")
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(start.day, last))


def _add_days(start: date, step: timedelta, what: str) -> date:
    try:
        return start + step
    except OverflowError:
        raise _beyond_calendar(start, what) from None


def add_period(start: date, period: Period, counting: str) -> tuple[date, bool]:
    """Return the last day of ``period`` counted from ``start`` and whether it was clamped.

    Raises:
        RuleDataError: ``counting`` is not a known strategy.
        InputError: The period ends after 31 December 9999 (or before year 1).
    """
    if counting == "calendar_same_day":
        months = period.years * 12 + period.months
        end = add_months(start, months)
        clamped = end.day != start.day
        end = _add_days(end, timedelta(weeks=period.weeks, days=period.days), period.describe())
        return end, clamped
    if counting == "days":
        if period.years or period.months:
            msg = f"counting 'days' cannot count {period.describe()} @ $.counting"
            raise RuleDataError([msg], path="(rule)")
        step = timedelta(weeks=period.weeks, days=period.days)
        return _add_days(start, step, period.describe()), False
    msg = f"unknown counting strategy {counting!r} (known: calendar_same_day, days) @ $.counting"
    raise RuleDataError([msg], path="(rule)")


def is_month_end_sensitive(start: date, period: Period) -> bool:
    """Whether another reading of "N months" could give a different last day.

    True when the start is the last day of its month (30 November + 4 months:
    30 March by the same-day rule, 31 March if the period is read as ending on
    the last day of a month) or when the target month lacks the start's
    day-number (31 August + 6 months: clamped to 28 February).

    Examples:
        >>> from datetime import date
        >>> is_month_end_sensitive(date(2026, 7, 29), Period(months=4))
        False
        >>> is_month_end_sensitive(date(2022, 11, 30), Period(months=4))
        True
    """
    if not (period.years or period.months):
        return False
    last = calendar.monthrange(start.year, start.month)[1]
    end = add_months(start, period.years * 12 + period.months)
    return start.day == last or end.day != start.day
