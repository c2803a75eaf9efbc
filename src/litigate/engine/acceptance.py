"""Whether a respondent State accepted a procedure, and from when."""

from __future__ import annotations

import functools
from datetime import date

import attrs

from litigate._args import DATE, FORUM, RULES, TEXT, checked, optional
from litigate.engine.results import Acceptance, ReservationNote
from litigate.model import Forum, country, forum_of
from litigate.rules import RuleSet, load_rules

__all__ = ["acceptance"]


@checked(
    state=TEXT,
    forum=FORUM,
    on=optional(DATE),
    instrument=optional(TEXT),
    rules=optional(RULES),
    as_of=optional(DATE),
)
def acceptance(
    state: str,
    forum: Forum | str,
    *,
    on: date | None = None,
    instrument: str | None = None,
    rules: RuleSet | None = None,
    as_of: date | None = None,
) -> Acceptance:
    """Tell whether ``state`` accepted the individual-complaint procedure of ``forum``.

    Acceptance takes two facts: being party to the treaty and having ratified
    the protocol or made the declaration; the data records the date the
    procedure took effect for the State and any denunciation or withdrawal
    (a communication after the effective date is not receivable).

    Args:
        state: ISO 3166-1 alpha-3 code.
        forum: The forum id.
        on: The date to assess; without it ``accepted`` is ``None``.
        instrument: For the European Court, the Convention or a Protocol
            (``"ECHR-P1"``); default the Convention.
        rules: A rule set with a firm's overrides; default the packaged rules.
        as_of: Today, for the freshness check: a row whose sources were read more
            than the data's ``stale_after_days`` before it (or on no recorded day)
            is ``stale`` and gets a warning.  Without it no freshness check is made.

    Returns:
        The acceptance, with its sources and confidence.  A State for which no
        data is held gets ``status="no_data"`` and ``accepted=None``: litigate
        does not guess.

    Raises:
        UnknownStateError: ``state`` is not an ISO 3166-1 alpha-3 code.
        UnknownForumError: ``forum`` is not a forum litigate knows.

    Examples:
        >>> from datetime import date
        >>> a = acceptance("AZE", "hrc", on=date(2025, 1, 1))
        >>> a.accepted, a.instrument, a.in_force_from
        (True, 'ICCPR-OP1', datetime.date(2002, 2, 27))
        >>> acceptance("AZE", "crc", on=date(2025, 1, 1)).accepted
        False
        >>> acceptance("BLR", "hrc", on=date(2023, 2, 7)).accepted
        True
        >>> acceptance("BLR", "hrc", on=date(2023, 2, 8)).accepted  # the effective day is outside
        False
    """
    ruleset = rules or load_rules()
    found = _acceptance(state, forum, instrument, ruleset)
    if as_of is not None and found.status != "no_data":
        found = _freshness(found, as_of, ruleset)
    if on is None:
        return found
    if found.status == "no_data":
        return attrs.evolve(found, on=on)
    return attrs.evolve(found, on=on, accepted=bool(found.covers(on)))


def _freshness(found: Acceptance, as_of: date, ruleset: RuleSet) -> Acceptance:
    limit = ruleset.acceptances.stale_after_days
    if limit is None:
        return found
    if found.status_as_of is None:
        why = "the day its sources were read is not recorded"
    elif (as_of - found.status_as_of).days > limit:
        why = f"its sources were read on {found.status_as_of.isoformat()}, more than {limit} days ago"
    else:
        return found
    warning = (
        f"The data on {found.state} and {found.instrument} may be out of date ({why}): "
        "check the depositary's status page."
    )
    return attrs.evolve(found, stale=True, warnings=(*found.warnings, warning))


@functools.lru_cache(maxsize=1024)
def _acceptance(
    state: str, forum: Forum | str, instrument: str | None, ruleset: RuleSet
) -> Acceptance:
    """The acceptance record, independent of the date (cached per rule set)."""
    country(state)
    forum_id = forum_of(forum)
    data = ruleset.acceptances
    if forum_id is Forum.ECTHR:
        instrument_id = instrument or "ECHR"
    else:
        found = [i.id for i in data.instruments if i.forum == forum_id.value]
        instrument_id = instrument or (found[0] if found else forum_id.value)
    row = data.row(state, instrument_id)
    if row is None:
        return Acceptance(
            state=state,
            forum=forum_id,
            instrument=instrument_id,
            accepted=None,
            status="no_data",
            note=f"litigate holds no data on {state} and {instrument_id}: check the treaty status",
        )
    inst = data.instrument(instrument_id)
    status_as_of = data.status_as_of(row.sources)
    warnings: list[str] = []
    if row.confidence.value == "low":
        warnings.append(
            f"The data on {state} and {instrument_id} is of low confidence: "
            "verify it on the depositary's status page before relying on it."
        )
    return Acceptance(
        state=state,
        forum=forum_id,
        instrument=instrument_id,
        accepted=None,
        status=row.status,
        end_day=row.end_day or (inst.end_day if inst else "outside"),
        end_bounds=row.end_bounds or (inst.end_bounds if inst else "submission"),
        status_as_of=status_as_of,
        warnings=tuple(warnings),
        in_force_from=row.in_force_from,
        until=row.until,
        reservations=tuple(
            ReservationNote(
                kind=r.kind,
                text=r.text,
                verbatim=r.verbatim,
                applies_from=r.applies_from,
                confidence=r.confidence.value,
                source=data.source(r.sources[0]).cite() if r.sources else None,
            )
            for r in row.reservations
        ),
        sources=tuple(data.source(s).cite() for s in row.sources),
        confidence=row.confidence.value,
        note=row.note,
    )
