r"""Execution of judgments before the Committee of Ministers: what is due, and when.

The periods live in ``litigate/rules/data/execution.toml`` with their sources:

* the action plan (or action report) due six months after the judgment became
  final (the Committee's working method, CM/Inf/DH(2010)45);
* the last day to notify a Rule 9 communication so that it is public when a
  human rights (DH) meeting opens: ten working days before (Rule 9 § 6 as amended
  on 18 January 2017: an unanswered communication is published ten working days
  after notification);
* the DH meetings, each with its dates and the document they were read from.

Examples:
    >>> from datetime import date
    >>> action_plan_due(date(2014, 10, 13)).date
    datetime.date(2015, 4, 13)
    >>> rule9_last_day(date(2019, 6, 4)).date
    datetime.date(2019, 5, 21)
    >>> dh_meeting(1348).starts_on
    datetime.date(2019, 6, 4)
"""

from __future__ import annotations

import functools
import tomllib
from datetime import date, timedelta
from importlib import resources
from typing import Any

import attrs

from litigate._court_dates import court_date, weekday_name
from litigate.engine.calendar import add_period
from litigate.engine.results import Deadline, Note, Step
from litigate.errors import NoApplicableRuleError
from litigate.rules.spec import Period

__all__ = [
    "DhMeeting",
    "action_plan_due",
    "dh_meeting",
    "dh_meetings",
    "execution_rules",
    "rule9_last_day",
]

_SATURDAY = 5


@functools.cache
def execution_rules() -> dict[str, Any]:
    """The packaged execution data (sources, periods, DH meetings), as read from TOML.

    Examples:
        >>> execution_rules()["action_plan"]["months"]
        6
    """
    data = resources.files("litigate.rules").joinpath("data", "execution.toml")
    return tomllib.loads(data.read_text(encoding="utf-8"))


def _cite(key: str) -> str:
    source = execution_rules()["sources"][key]
    url = f" <{source['url']}>" if source.get("url") else ""
    mark = " [secondary source]" if source.get("secondary") else ""
    return f"{source['title']}{url}{mark}"


def _notes(rule: dict[str, Any]) -> tuple[Note, ...]:
    notes = []
    if rule.get("confidence", "high") != "high":
        notes.append(
            Note(
                code="unconfirmed",
                message=f"[unconfirmed] Rule of {rule['confidence']} confidence.",
                rule_id=rule["id"],
            )
        )
    if rule.get("note"):
        notes.append(Note(code="rule_note", message=rule["note"], rule_id=rule["id"]))
    return tuple(notes)


@attrs.frozen(kw_only=True)
class DhMeeting:
    """A human rights (DH) meeting of the Ministers' Deputies.

    Attributes:
        number: The meeting's number (``1348``).
        starts_on: Its first day.
        ends_on: Its last day.
        source: The document its dates were read from, cited.
    """

    number: int
    starts_on: date
    ends_on: date
    source: str


def dh_meetings() -> tuple[DhMeeting, ...]:
    """The DH meetings in the packaged data, earliest first.

    Examples:
        >>> [m.number for m in dh_meetings()]
        [1302, 1348, 1507, 1531]
    """
    out = [
        DhMeeting(
            number=int(m["number"]),
            starts_on=m["starts_on"],
            ends_on=m["ends_on"],
            source=_cite(m["source"]),
        )
        for m in execution_rules()["meetings"]
    ]
    return tuple(sorted(out, key=lambda m: m.starts_on))


def dh_meeting(number: int) -> DhMeeting:
    """The DH meeting of that number.

    Raises:
        NoApplicableRuleError: The packaged data has no such meeting.

    Examples:
        >>> dh_meeting(1)
        Traceback (most recent call last):
        ...
        litigate.errors.NoApplicableRuleError: no DH meeting no. 1 in the execution data: add its dates with their source
    """
    for meeting in dh_meetings():
        if meeting.number == number:
            return meeting
    msg = f"no DH meeting no. {number} in the execution data: add its dates with their source"
    raise NoApplicableRuleError(msg, rule_family="cm.meetings", on=None)


def action_plan_due(final_on: date) -> Deadline:
    """When the Government's action plan or action report is due (six months from finality).

    Examples:
        >>> d = action_plan_due(date(2026, 12, 17))
        >>> d.date, d.rule_id
        (datetime.date(2027, 6, 17), 'cm.action_plan')
    """
    rule = execution_rules()["action_plan"]
    end, _clamped = add_period(final_on, Period(months=int(rule["months"])), "calendar_same_day")
    source = _cite(rule["sources"][0])
    steps = (
        Step(text=f"{rule['title']}.", rule_id=rule["id"], source=source),
        Step(
            text=f"{rule['months']} months from the date the judgment became final "
            f"({court_date(final_on)}): {weekday_name(end)} {court_date(end)}.",
            rule_id=rule["id"],
            source=source,
        ),
    )
    return Deadline(
        date=end, rule_id=rule["id"], start=final_on, steps=steps, warnings=_notes(rule)
    )


def _working_days_before(day: date, count: int) -> date:
    current = day
    left = count
    while left:
        current -= timedelta(days=1)
        if current.weekday() < _SATURDAY:
            left -= 1
    return current


def rule9_last_day(meeting_starts_on: date) -> Deadline:
    """The last day to notify a Rule 9 communication so that it is public when the meeting opens.

    Examples:
        >>> d = rule9_last_day(date(2017, 12, 5))
        >>> d.date, d.weekday
        (datetime.date(2017, 11, 21), 'Tuesday')
    """
    rule = execution_rules()["rule9"]
    count = int(rule["working_days"])
    end = _working_days_before(meeting_starts_on, count)
    source = _cite(rule["sources"][0])
    steps = (
        Step(text=f"{rule['title']}.", rule_id=rule["id"], source=source),
        Step(
            text=f"{count} working days before the meeting opens ({weekday_name(meeting_starts_on)} "
            f"{court_date(meeting_starts_on)}): {weekday_name(end)} {court_date(end)}.",
            rule_id=rule["id"],
            source=source,
        ),
    )
    return Deadline(
        date=end, rule_id=rule["id"], start=meeting_starts_on, steps=steps, warnings=_notes(rule)
    )
