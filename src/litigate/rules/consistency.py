"""Internal consistency of the acceptance data (run by ``scripts/check_acceptance.py``).

Checks what a reader of the depositary's chart would check by hand: the entry into
force is the deposit plus the instrument's period (or the instrument's own entry
into force, if later); dates are in order; a denunciation takes effect after its
notice period; every row's sources were read on a recorded day.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from litigate.rules.loader import Acceptances
from litigate.rules.spec import Delay

__all__ = ["acceptance_problems", "apply_delay"]


def _add_months(day: date, months: int) -> date:
    total = day.month - 1 + months
    year, month = day.year + total // 12, total % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def apply_delay(day: date, delay: Delay) -> date:
    """The day an act of ``day`` takes effect under ``delay``.

    Examples:
        >>> apply_delay(date(2002, 4, 15), Delay(first_day_of_month_after_months=2))
        datetime.date(2002, 7, 1)
        >>> apply_delay(date(2001, 11, 27), Delay(months=3))
        datetime.date(2002, 2, 27)
        >>> apply_delay(date(2022, 12, 26), Delay(days=30))
        datetime.date(2023, 1, 25)
    """
    if delay.first_day_of_month_after_months is not None:
        end = _add_months(day, delay.first_day_of_month_after_months)
        return _add_months(end.replace(day=1), 1)
    return _add_months(day, delay.months) + timedelta(days=delay.days)


def acceptance_problems(data: Acceptances) -> list[str]:
    """Every inconsistency found, one line each (empty when the data is consistent)."""
    problems: list[str] = []
    for row in data.states:
        where = f"{row.state} / {row.instrument}"
        inst = data.instrument(row.instrument)
        if inst is None:
            problems.append(f"{where}: unknown instrument")
            continue
        dep, eif = row.deposited_on, row.in_force_from
        if dep and eif and not row.consistency_exception:
            expected = apply_delay(dep, inst.entry_into_force)
            if inst.treaty_in_force_from and expected < inst.treaty_in_force_from:
                expected = inst.treaty_in_force_from
            if expected != eif:
                problems.append(
                    f"{where}: in force from {eif.isoformat()}, but deposit on {dep.isoformat()} "
                    f"gives {expected.isoformat()} ({inst.entry_into_force_provision})"
                )
        if dep and eif and eif < dep and not row.consistency_exception:
            problems.append(f"{where}: in force before the deposit")
        if row.until and eif and row.until < eif:
            problems.append(f"{where}: ends before it starts")
        if row.denounced_on and row.until:
            if row.until < row.denounced_on:
                problems.append(f"{where}: takes effect before the denunciation was notified")
            elif inst.denunciation_effect is not None:
                expected = apply_delay(row.denounced_on, inst.denunciation_effect)
                if expected != row.until:
                    problems.append(
                        f"{where}: denunciation of {row.denounced_on.isoformat()} takes effect "
                        f"on {expected.isoformat()}, not {row.until.isoformat()}"
                    )
        ids = {s.id for s in data.sources}
        problems.extend(f"{where}: unknown source {s!r}" for s in row.sources if s not in ids)
    return problems
