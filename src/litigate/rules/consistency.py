"""Internal consistency of the acceptance data (run by ``scripts/check_acceptance.py``).

Checks what a reader of the depositary's chart would check by hand: the entry into
force is the deposit plus the instrument's period (or the instrument's own entry
into force, if later); dates are in order; a denunciation takes effect after its
notice period; every row's sources were read on a recorded day.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import attrs

from litigate.rules.loader import Acceptances
from litigate.rules.spec import AcceptanceRow, Confidence, Delay

__all__ = ["UnverifiedRow", "acceptance_problems", "apply_delay", "unverified_rows"]


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


@attrs.frozen
class UnverifiedRow:
    """A row whose facts were not all read in a primary source, and how litigate flags it.

    A row is verified when one of its sources is primary (the depositary, the Court, a
    Committee, the State's own act) and was read on a recorded day, its confidence is not
    low and its note marks nothing ``[unconfirmed]``.  ``basis`` says why a row is not:
    ``"recollection"`` (a source of that kind: nothing was read), ``"secondary only"``,
    ``"primary source not read on a recorded day"`` (a page cited but not consulted),
    ``"low confidence"`` or ``"unconfirmed"``; several may apply.
    ``flags`` are what a caller sees: the row's confidence (``acceptance().confidence``),
    its status as of (``stale`` once older than the data's ``stale_after_days``), and, for
    a refusal, from when ``check()`` reports it as a warning rather than an error (always,
    for a row of low confidence or without a recorded day).
    """

    state: str
    instrument: str
    status: str
    confidence: Confidence
    status_as_of: date | None
    basis: tuple[str, ...]
    flags: tuple[str, ...]


def _basis(data: Acceptances, row: AcceptanceRow) -> tuple[str, ...]:
    sources = [data.source(s) for s in row.sources]
    kinds = {s.kind for s in sources}
    basis: list[str] = []
    if "recollection" in kinds:
        basis.append("recollection")
    if not any(s.kind == "primary" and s.read_on is not None for s in sources):
        if "primary" in kinds:
            basis.append("primary source not read on a recorded day")
        elif kinds - {"recollection"}:
            basis.append("secondary only")
    if row.confidence is Confidence.LOW:
        basis.append("low confidence")
    if "[unconfirmed]" in row.note:
        basis.append("unconfirmed")
    return tuple(basis)


def unverified_rows(data: Acceptances) -> list[UnverifiedRow]:
    """Every row resting, in whole or in part, on something other than a primary source.

    The list the closing note of a data change gives, generated from the data so that
    it cannot drift from it (``scripts/check_acceptance.py --unverified`` prints it and
    ``docs/forums/acceptance.md`` tabulates it).

    Examples:
        >>> from litigate.rules import load_rules
        >>> rows = unverified_rows(load_rules().acceptances)
        >>> swe = next(r for r in rows if (r.state, r.instrument) == ("SWE", "ECHR-P12"))
        >>> swe.basis, swe.status_as_of
        (('secondary only', 'low confidence'), datetime.date(2018, 3, 31))
        >>> swe.flags[-1]
        'check(): a refusal is a warning, never an error'
    """
    found: list[UnverifiedRow] = []
    for row in data.states:
        basis = _basis(data, row)
        if not basis:
            continue
        as_of = data.status_as_of(row.sources)
        flags = [f"confidence {row.confidence.value}"]
        flags.append(f"status as of {as_of.isoformat()}" if as_of else "status as of not recorded")
        if "[unconfirmed]" in row.note:
            flags.append("note marked [unconfirmed]")
        if row.status in {"not_accepted", "signed_only"}:
            limit = data.stale_after_days
            if row.confidence is Confidence.LOW or as_of is None:
                flags.append("check(): a refusal is a warning, never an error")
            elif limit is not None:
                since = (as_of + timedelta(days=limit + 1)).isoformat()
                flags.append(f"check(): a refusal is a warning from {since} (stale data)")
        found.append(
            UnverifiedRow(
                state=row.state,
                instrument=row.instrument,
                status=row.status,
                confidence=row.confidence,
                status_as_of=as_of,
                basis=basis,
                flags=tuple(flags),
            )
        )
    return found
