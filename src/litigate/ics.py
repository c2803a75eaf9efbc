"""Deadlines as an iCalendar file (RFC 5545) for Outlook, Google Calendar and Thunderbird.

Every deadline litigate can compute from a case becomes one all-day event:

* each complaint's filing window, on its **safe** date (the earliest plausible
  last day); when a later date is arguable, the description says so, and it is
  never put in the calendar as a second date a reader could take for the deadline;
* each time limit the Registry set by letter (``case.registry_time_limits``), on
  the extended date when an extension was granted;
* once a Chamber judgment is recorded (``case.judgment``), the last day to request
  referral to the Grand Chamber, and once it is final (``judgment.final_on``), the
  last day for the Government to pay the just satisfaction.

The summary names the case and what is due; the description gives the status on
``as_of``, the rule, its sources, the explanation and the calculation.  Nothing
else about the applicants (no address, no date of birth) is written.

Stable identifiers: an event's ``UID`` is a SHA-256 hash of the case's identity
(its forum and title, or its application number when it has no title) and of what
the deadline is (the provision and its rank among complaints on the same provision,
the date of the Registry's letter and the limit's rank in it, the referral, the
payment).  It never depends on the date or on any text that is computed, so
importing a new export after a change *updates* the event instead of adding a second
one.  ``DTSTAMP`` is ``as_of`` at midnight UTC and ``SEQUENCE`` the number of days
from 1 January 2000 to ``as_of``: no clock is read, and a later export always carries
a higher sequence.

Examples:
    >>> from datetime import date
    >>> import litigate
    >>> case = litigate.Case(
    ...     forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan",
    ...     applicants=[litigate.Applicant.person(name="Rauf Aliyev")],
    ...     complaints=[litigate.Complaint(provision="ECHR-10")],
    ...     proceedings=[litigate.DomesticDecision(
    ...         court="Supreme Court of Azerbaijan", level="cassation",
    ...         taken_on=date(2025, 6, 18), served_on=date(2025, 7, 2))],
    ... )
    >>> found = deadline_calendar([case], as_of=date(2025, 8, 1))
    >>> [(e.on, e.status, e.summary) for e in found.events]
    [(datetime.date(2025, 10, 18), 'open', 'Aliyev v. Azerbaijan – application: Article 10 of the Convention')]
    >>> "A later date, Sunday 2 November 2025, is arguable" in found.events[0].description
    True
    >>> data = calendar([case], as_of=date(2025, 8, 1))
    >>> b"DTSTART;VALUE=DATE:20251018" in data, data.count(b"BEGIN:VALARM")
    (True, 3)
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, date, datetime, timedelta

import attrs

from litigate._args import BOOL, CASES, DATE, RULES, checked, optional
from litigate._court_dates import court_date, weekday_name
from litigate._version import __version__
from litigate.engine import ComplaintWindow, FilingWindow, WindowStatus
from litigate.engine.deadlines import CaseDeadlines
from litigate.engine.deadlines import deadlines as case_deadlines
from litigate.engine.results import Deadline, Note, Step
from litigate.errors import InputError
from litigate.model import Case, Judgment, RegistryTimeLimit
from litigate.rules import RuleSet, load_rules

__all__ = [
    "DEFAULT_ALARMS",
    "CalendarEvent",
    "DeadlineCalendar",
    "calendar",
    "case_identity",
    "deadline_calendar",
    "event_uid",
]

DEFAULT_ALARMS = (30, 7, 1)
"""Reminders, in days before the deadline (each at 09:00 that day)."""

_ALARM_HOUR = 9
_MAX_ALARM_DAYS = 3660
_SEQUENCE_EPOCH = date(2000, 1, 1)
_UID_SCHEME = "litigate-deadline/1"
_UID_DOMAIN = "litigate"
_PRODID = f"-//litigate//litigate {__version__}//EN"

_KINDS = (
    "filing_window",
    "registry_time_limit",
    "referral",
    "payment",
    "follow_up",
    "action_plan",
    "cm_decision",
    "rule9",
)


@attrs.frozen(kw_only=True)
class CalendarEvent:
    """One deadline, ready to become an all-day ``VEVENT``.

    Attributes:
        uid: The stable identifier (see :func:`event_uid`).
        case: The case's name as the calendar shows it (its title, or its number).
        kind: ``"filing_window"``, ``"registry_time_limit"``, ``"referral"``, ``"payment"``
            or ``"follow_up"`` (the State's follow-up information on a recommendation).
        what: What is due ("Article 10 of the Convention", "Observations in reply").
        on: The last day.
        status: ``"open"``, ``"expired"``, ``"presumption"``, ``"not_started"``, ``"lodged"``
            (the application was lodged), ``"filed"`` (the pleading was sent), ``"paid"``
            or ``"replied"`` (the State sent its follow-up information).
        summary: The event's title.
        description: Status, rule, sources, explanation and calculation, as plain text.
        rule_id: The rule applied.
        sources: The sources of the rule, cited.
        remind: Whether reminders are set: only for deadlines on or after ``as_of``
            that are not yet met.
    """

    uid: str
    case: str
    kind: str
    what: str
    on: date
    status: str
    summary: str
    description: str
    rule_id: str | None = None
    sources: tuple[str, ...] = ()
    remind: bool = True
    in_time: bool | None = None
    """For a lodged application: whether it was lodged within the time limit (``None``: unknown)."""


def _check_alarms(alarms: Sequence[int]) -> tuple[int, ...]:
    for position, days in enumerate(alarms):
        if isinstance(days, bool) or not isinstance(days, int):
            msg = f"alarms[{position}] must be a whole number of days (got {days!r})"
            raise InputError(msg, field=f"alarms[{position}]", value=days)
        if not 0 <= days <= _MAX_ALARM_DAYS:
            msg = f"alarms[{position}] must be between 0 and {_MAX_ALARM_DAYS} days before the deadline (got {days})"
            raise InputError(msg, field=f"alarms[{position}]", value=days)
    return tuple(sorted(set(alarms), reverse=True))


@attrs.frozen(kw_only=True)
class DeadlineCalendar:
    """The deadlines of some cases on a date, and what could not be dated.

    Attributes:
        as_of: The day of the assessment.
        events: One event per dated deadline, sorted by date, then case.
        undated: One line per complaint that has no date to put in a calendar
            (continuing situation, no fixed time limit, missing facts), so that
            nobody takes the calendar for the whole docket.
    """

    as_of: date
    events: tuple[CalendarEvent, ...]
    undated: tuple[str, ...] = ()

    def to_ics(self, *, alarms: Sequence[int] = DEFAULT_ALARMS) -> bytes:
        """The events as an iCalendar file (CRLF line endings, folded lines).

        Args:
            alarms: Reminders in days before each deadline (each a ``DISPLAY``
                alarm at 09:00 that day); ``()`` for none.

        Returns:
            The ``.ics`` bytes, UTF-8.

        Raises:
            InputError: An alarm is not a whole number of days between 0 and 3660.

        Examples:
            >>> from datetime import date
            >>> empty = DeadlineCalendar(as_of=date(2026, 11, 23), events=())
            >>> empty.to_ics().splitlines()[:3]
            [b'BEGIN:VCALENDAR', b'VERSION:2.0', b'PRODID:-//litigate//litigate ...//EN']
            >>> empty.to_ics(alarms=[-1])
            Traceback (most recent call last):
            ...
            litigate.errors.InputError: alarms[0] must be between 0 and 3660 days before the deadline (got -1)
        """
        import icalendar

        days_before = _check_alarms(alarms)
        stamp = datetime(self.as_of.year, self.as_of.month, self.as_of.day, tzinfo=UTC)
        sequence = max(0, (self.as_of - _SEQUENCE_EPOCH).days)
        cal = icalendar.Calendar()
        cal.add("prodid", _PRODID)
        cal.add("version", "2.0")
        cal.add("calscale", "GREGORIAN")
        cal.add("x-wr-calname", "litigate deadlines")
        for event in self.events:
            vevent = icalendar.Event()
            vevent.add("uid", event.uid)
            vevent.add("dtstamp", stamp)
            vevent.add("sequence", sequence)
            vevent.add("dtstart", event.on)
            vevent.add("dtend", event.on + timedelta(days=1))
            vevent.add("summary", event.summary)
            vevent.add("description", event.description)
            vevent.add("categories", ["litigate", event.kind.replace("_", " ")])
            vevent.add("transp", "TRANSPARENT")
            if event.remind:
                for days in days_before:
                    alarm = icalendar.Alarm()
                    alarm.add("uid", event_uid(event.uid, f"alarm/{days}"))
                    alarm.add("action", "DISPLAY")
                    alarm.add("description", _alarm_text(event, days))
                    alarm.add("trigger", timedelta(days=-days, hours=_ALARM_HOUR))
                    vevent.add_component(alarm)
            cal.add_component(vevent)
        return bytes(cal.to_ical())


def _alarm_text(event: CalendarEvent, days: int) -> str:
    if days == 0:
        return f"Today is the last day: {event.summary}"
    return f"{days} day{'s' if days != 1 else ''} left: {event.summary}"


def event_uid(case_identity: str, deadline_identity: str) -> str:
    """The UID of an event: a hash of who and what, never of when.

    Args:
        case_identity: The case's identity (see :func:`case_identity`).
        deadline_identity: What the deadline is (``"filing_window/ECHR-10/1"``…).

    Returns:
        40 hexadecimal characters and ``@litigate``: no name or date can be read in it.

    Examples:
        >>> uid = event_uid("ecthr/aliyev v. azerbaijan", "filing_window/ECHR-10/1")
        >>> uid.endswith("@litigate"), len(uid), "aliyev" in uid
        (True, 49, False)
        >>> uid == event_uid("ecthr/aliyev v. azerbaijan", "filing_window/ECHR-10/2")
        False
    """
    digest = hashlib.sha256(
        f"{_UID_SCHEME}\x00{case_identity}\x00{deadline_identity}".encode()
    ).hexdigest()
    return f"{digest[:40]}@{_UID_DOMAIN}"


def _normalise(text: str) -> str:
    return " ".join(text.split()).casefold()


def case_identity(case: Case, *, field: str = "case") -> str:
    """The identity of a case in calendar UIDs: its forum and title (or number).

    The title is preferred to the application number because the number is added
    after lodging, when the filing-window events already exist; spacing and case
    do not matter.

    Raises:
        InputError: The case has neither a title nor an application number.

    Examples:
        >>> import litigate
        >>> case_identity(litigate.Case(forum="ecthr", respondent="AZE", title="Aliyev  v. Azerbaijan"))
        'ecthr/aliyev v. azerbaijan'
        >>> case_identity(litigate.Case(forum="hrc", respondent="AZE"), field="cases[3]")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: cases[3] has neither a title nor an application_no: a calendar needs one to name its events
    """
    name = case.title or case.application_no
    if not name or not name.strip():
        msg = f"{field} has neither a title nor an application_no: a calendar needs one to name its events"
        raise InputError(msg, field=f"{field}.title", value=case.title)
    return f"{case.forum.value}/{_normalise(name)}"


def _case_name(case: Case) -> str:
    return " ".join((case.title or f"application no. {case.application_no}").split())


def _days(on: date, as_of: date) -> str:
    left = (on - as_of).days
    if left == 0:
        return "today is the last day"
    if left > 0:
        return f"{left} day{'s' if left != 1 else ''} left"
    return f"{-left} day{'s' if left != -1 else ''} ago"


def _unique(items: Iterable[str | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(i for i in items if i))


def _description(
    *,
    case: Case,
    what: str,
    on: date,
    as_of: date,
    status: str,
    rule_id: str | None,
    sources: Sequence[str],
    explanation: str = "",
    extra: Sequence[str] = (),
    steps: Sequence[Step] = (),
    warnings: Sequence[Note] = (),
) -> str:
    number = f" (application no. {case.application_no})" if case.application_no else ""
    lines = [
        f"Case: {_case_name(case)}{number}",
        f"Deadline: {what}",
        f"Last day: {weekday_name(on)} {court_date(on)}",
        f"Status on {court_date(as_of)}: {status.replace('_', ' ')}, {_days(on, as_of)}",
        *extra,
    ]
    if rule_id:
        lines.append(f"Rule: {rule_id}")
    lines += [f"Source: {source}" for source in sources]
    if explanation:
        lines += ["", "Explanation:", explanation]
    if steps:
        lines += ["", "Calculation:", *(f"- {s.text}" for s in steps)]
    if warnings:
        lines += ["", "Check:", *(f"- {n.message}" for n in warnings)]
    lines += [
        "",
        (
            f"Computed by litigate on {court_date(as_of)} from the case file: "
            "check it against the file before relying on it."
        ),
    ]
    return "\n".join(lines)


def _filing_events(
    case: Case, identity: str, window: FilingWindow, as_of: date, undated: list[str]
) -> list[CalendarEvent]:
    events: list[CalendarEvent] = []
    seen: Counter[str] = Counter()
    repeated = Counter(c.provision for c in case.complaints)
    name = _case_name(case)
    for number, cw in enumerate(window.complaints, start=1):
        provision = cw.complaint.provision
        seen[provision] += 1
        what = cw.complaint.resolved.cite()
        if cw.complaint.label:
            what += f" ({cw.complaint.label})"
        elif repeated[provision] > 1:
            what += f" (complaint {number})"
        if cw.deadline is None:
            missing = f": missing {', '.join(cw.missing)}" if cw.missing else ""
            undated.append(f"{name} – {what}: {cw.status.value.replace('_', ' ')}{missing}")
            continue
        key = f"{provision}/{seen[provision]}"
        events.append(_filing_event(case, identity, window, cw, key, what, as_of))
    return events


def _filing_event(
    case: Case,
    identity: str,
    window: FilingWindow,
    cw: ComplaintWindow,
    key: str,
    what: str,
    as_of: date,
) -> CalendarEvent:
    assert cw.deadline is not None  # noqa: S101 - checked by the caller
    presumption = cw.status is WindowStatus.PRESUMPTION
    if presumption:
        summary = (
            f"{_case_name(case)} – communication: {what} (presumption of abuse after this day)"
        )
        deadline_text = (
            f"communication on {what}: after this day it is presumed an abuse of the "
            "right of submission unless the delay is justified"
        )
    else:
        summary = f"{_case_name(case)} – application: {what}"
        deadline_text = f"time limit for lodging the application, {what} (safe date)"
    status = cw.status.value
    extra: list[str] = []
    if case.lodged_on is not None:
        status = "lodged"
        verdict = ""
        if cw.in_time is not None:
            verdict = ", within the time limit" if cw.in_time else ", outside the time limit"
        extra.append(f"Lodged on {court_date(case.lodged_on)}{verdict}")
    arguable = cw.arguable_deadline
    if arguable is not None and arguable != cw.deadline:
        reasons = "; ".join(
            s.description for s in cw.scenarios if s.name != "safe" and s.deadline == arguable
        )
        extra.append(
            f"A later date, {weekday_name(arguable)} {court_date(arguable)}, is arguable"
            + (f" ({reasons})" if reasons else "")
            + ": it is not in this calendar; do not rely on it."
        )
    sources = _unique(s.source for s in cw.steps if s.rule_id == cw.rule_id)
    single = attrs.evolve(window, complaints=(cw,))
    return CalendarEvent(
        uid=event_uid(identity, f"filing_window/{key}"),
        case=_case_name(case),
        kind="filing_window",
        what=what,
        on=cw.deadline,
        status=status,
        summary=summary,
        description=_description(
            case=case,
            what=deadline_text,
            on=cw.deadline,
            as_of=as_of,
            status=status,
            rule_id=cw.rule_id,
            sources=sources,
            explanation=single.explain("en"),
            extra=extra,
            steps=cw.steps,
            warnings=(*cw.warnings, *cw.assumptions),
        ),
        rule_id=cw.rule_id,
        sources=sources,
        remind=case.lodged_on is None and cw.deadline >= as_of,
        in_time=cw.in_time if case.lodged_on is not None else None,
    )


def _registry_events(case: Case, identity: str, found: CaseDeadlines) -> list[CalendarEvent]:
    as_of = found.as_of
    events: list[CalendarEvent] = []
    seen: Counter[date] = Counter()
    for limit, deadline in zip(case.registry_time_limits, found.registry, strict=True):
        seen[limit.letter_on] += 1
        events.append(
            _registry_event(case, identity, limit, deadline, seen[limit.letter_on], as_of)
        )
    return events


def _registry_event(
    case: Case,
    identity: str,
    limit: RegistryTimeLimit,
    deadline: Deadline,
    rank: int,
    as_of: date,
) -> CalendarEvent:
    what = " ".join(limit.what.split())
    if limit.filed_on is not None:
        status = "filed"
        extra = [f"Filed on {court_date(limit.filed_on)}"]
        warnings: tuple[Note, ...] = ()
    else:
        status = "expired" if deadline.date < as_of else "open"
        extra = []
        warnings = deadline.warnings
    return CalendarEvent(
        uid=event_uid(identity, f"registry_time_limit/{limit.letter_on.isoformat()}/{rank}"),
        case=_case_name(case),
        kind="registry_time_limit",
        what=what,
        on=deadline.date,
        status=status,
        summary=f"{_case_name(case)} – {what} (Registry time limit)",
        description=_description(
            case=case,
            what=f"{what}, time limit set by the Registry's letter of {court_date(limit.letter_on)}",
            on=deadline.date,
            as_of=as_of,
            status=status,
            rule_id=deadline.rule_id,
            sources=(),
            extra=extra,
            steps=deadline.steps,
            warnings=warnings,
        ),
        rule_id=deadline.rule_id,
        remind=status == "open",
    )


def _procedure_event(
    case: Case,
    identity: str,
    *,
    kind: str,
    deadline: Deadline,
    title: str,
    status: str,
    extra: Sequence[str],
    as_of: date,
) -> CalendarEvent:
    sources = _unique(s.source for s in deadline.steps)
    return CalendarEvent(
        uid=event_uid(identity, kind),
        case=_case_name(case),
        kind=kind,
        what=title,
        on=deadline.date,
        status=status,
        summary=f"{_case_name(case)} – {title}",
        description=_description(
            case=case,
            what=title,
            on=deadline.date,
            as_of=as_of,
            status=status,
            rule_id=deadline.rule_id,
            sources=sources,
            extra=extra,
            steps=deadline.steps,
            warnings=deadline.warnings,
        ),
        rule_id=deadline.rule_id,
        sources=sources,
        remind=status == "open",
    )


_Closed = tuple[str, str] | None
"""How a deadline was dealt with: (status, the line that says so), or ``None`` while it runs."""


@attrs.frozen(kw_only=True)
class _Procedure:
    """One kind of judgment-stage deadline: where its date is and how it is closed."""

    kind: str
    deadline: Callable[[Judgment, CaseDeadlines], Deadline | None]
    title: Callable[[Deadline, RuleSet], str]
    lines: Callable[[Judgment], list[str]]
    closed: Callable[[Judgment], _Closed]


def _rule_title(deadline: Deadline, rules: RuleSet) -> str:
    return rules.forum("ecthr").deadline(deadline.rule_id).title


def _final_line(judgment: Judgment) -> str:
    return f"Judgment final on {court_date(judgment.final_on)}" if judgment.final_on else ""


def _became_final(judgment: Judgment) -> _Closed:
    if judgment.final_on is None:  # final: the referral question is closed
        return None
    return "final", f"The judgment became final on {court_date(judgment.final_on)}"


def _paid(judgment: Judgment) -> _Closed:
    paid_on = judgment.execution.paid_on if judgment.execution else None
    return None if paid_on is None else ("paid", f"Paid on {court_date(paid_on)}")


def _plan_submitted(judgment: Judgment) -> _Closed:
    execution, final_on = judgment.execution, judgment.final_on
    if execution is None or execution.action_plan_on is None or final_on is None:
        return None
    if execution.action_plan_on < final_on:
        return None
    return "submitted", f"Action plan or report of {court_date(execution.action_plan_on)}"


def _stamped(
    pick: Callable[[CaseDeadlines], Deadline | None],
) -> Callable[[Judgment, CaseDeadlines], Deadline | None]:
    """The deadline ``pick`` chooses, once the judgment carries its FINAL date.

    The calendar builds nothing on a computed finality.
    """
    return lambda judgment, found: pick(found) if judgment.final_on is not None else None


_PROCEDURES: tuple[_Procedure, ...] = (
    _Procedure(
        kind="referral",
        deadline=lambda _judgment, found: found.referral,
        title=_rule_title,
        lines=lambda j: [f"Judgment delivered on {court_date(j.delivered_on)}"],
        closed=_became_final,
    ),
    _Procedure(
        kind="payment",
        deadline=_stamped(lambda found: found.payment),
        title=_rule_title,
        lines=lambda j: [
            _final_line(j),
            (
                "This is the Government's time limit, not the applicant's: check that the "
                "award is paid; default interest runs after it."
            ),
        ],
        closed=_paid,
    ),
    _Procedure(
        kind="action_plan",
        deadline=lambda j, found: (
            found.action_plan if j.execution is not None and j.final_on is not None else None
        ),
        title=lambda _deadline, _rules: (
            "Action plan or action report due (Committee of Ministers)"
        ),
        lines=lambda j: [
            _final_line(j),
            "This is the Government's time limit: a Rule 9 communication can comment on the plan.",
        ],
        closed=_plan_submitted,
    ),
)
"""The judgment-stage deadlines of the calendar: one row per kind, one builder for all."""


def _judgment_events(case: Case, identity: str, found: CaseDeadlines) -> list[CalendarEvent]:
    judgment = case.judgment
    if judgment is None:
        return []
    events: list[CalendarEvent] = []
    for procedure in _PROCEDURES:
        deadline = procedure.deadline(judgment, found)
        if deadline is None:
            continue
        lines = procedure.lines(judgment)
        closed = procedure.closed(judgment)
        if closed is None:
            status = "expired" if deadline.date < found.as_of else "open"
        else:
            status = closed[0]
            lines.append(closed[1])
        events.append(
            _procedure_event(
                case,
                identity,
                kind=procedure.kind,
                deadline=deadline,
                title=procedure.title(deadline, found.rules),
                status=status,
                extra=lines,
                as_of=found.as_of,
            )
        )
    return events


_RULE9_NOTE = (
    "Last day to notify the communication so that it is public when the meeting opens; "
    "sooner is better."
)


def _execution_events(case: Case, identity: str, found: CaseDeadlines) -> list[CalendarEvent]:
    """The Committee of Ministers' dates set by decisions and the Rule 9 windows.

    (The action plan is a row of :data:`_PROCEDURES`.)
    """
    judgment = case.judgment
    if judgment is None or judgment.execution is None:
        return []
    as_of = found.as_of
    execution = judgment.execution
    events: list[CalendarEvent] = []
    for decision in execution.decisions:
        if decision.due_on is None:
            continue
        what = f"Information requested by {decision.symbol}"
        status = "expired" if decision.due_on < as_of else "open"
        deadline = Deadline(
            date=decision.due_on,
            rule_id="cm.decision",
            start=decision.adopted_on,
            steps=(
                Step(
                    text=f"{decision.symbol} of {court_date(decision.adopted_on)} sets the date: "
                    f"{court_date(decision.due_on)}."
                ),
            ),
        )
        events.append(
            attrs.evolve(
                _procedure_event(
                    case,
                    identity,
                    kind="cm_decision",
                    deadline=deadline,
                    title=what,
                    status=status,
                    extra=[decision.summary] if decision.summary else [],
                    as_of=as_of,
                ),
                uid=event_uid(identity, f"cm_decision/{' '.join(decision.symbol.split())}"),
            )
        )
    for meeting, deadline in zip(execution.meetings, found.rule9, strict=True):
        status = "expired" if deadline.date < as_of else "open"
        events.append(
            attrs.evolve(
                _procedure_event(
                    case,
                    identity,
                    kind="rule9",
                    deadline=deadline,
                    title=f"Rule 9 communication for the DH meeting of {court_date(meeting)}",
                    status=status,
                    extra=[_RULE9_NOTE],
                    as_of=as_of,
                ),
                uid=event_uid(identity, f"rule9/{meeting.isoformat()}"),
            )
        )
    return events


def _follow_up_events(case: Case, identity: str, found: CaseDeadlines) -> list[CalendarEvent]:
    """The State's follow-up deadline for each recommendation with a known date.

    A date stated for the recommendation prevails; for CAT concluding observations
    without one, the one-year fallback of the rule data applies (flagged).  Other
    committees' recommendations without a stated date have none here: nothing is
    guessed.
    """
    follow_up = case.follow_up
    if follow_up is None:
        return []
    as_of = found.as_of
    events: list[CalendarEvent] = []
    document = follow_up.document or "the concluding observations"
    for recommendation, deadline in zip(follow_up.recommendations, found.follow_up, strict=True):
        on = deadline.date if deadline is not None else recommendation.due_on
        if on is None:
            continue
        what = f"Follow-up to {document}, para. {recommendation.paragraph}"
        extra = ["This is the State's time limit: NGO information is best sent around it."]
        if recommendation.state_reply_on is not None:
            status = "replied"
            extra.append(f"The State replied on {court_date(recommendation.state_reply_on)}")
        else:
            status = "expired" if on < as_of else "open"
        events.append(
            CalendarEvent(
                uid=event_uid(identity, f"follow_up/{' '.join(recommendation.paragraph.split())}"),
                case=_case_name(case),
                kind="follow_up",
                what=what,
                on=on,
                status=status,
                summary=f"{_case_name(case)} – {what}",
                description=_description(
                    case=case,
                    what=what,
                    on=on,
                    as_of=as_of,
                    status=status,
                    rule_id=deadline.rule_id if deadline is not None else None,
                    sources=_unique(s.source for s in deadline.steps) if deadline else (),
                    extra=extra,
                    steps=deadline.steps if deadline is not None else (),
                    warnings=deadline.warnings if deadline is not None else (),
                ),
                rule_id=deadline.rule_id if deadline is not None else None,
                remind=status == "open",
            )
        )
    return events


def _initials(case: Case) -> str:
    names = [a.name for a in case.applicants if a.name]
    marks = [
        ".".join(p[0].upper() for p in n.replace("-", " ").split() if p[:1].isalpha()) + "."
        for n in names
    ]
    label = " and ".join(m for m in marks if m != ".") or "Applicant"
    if case.application_no:
        label += f" (no. {case.application_no})"
    return label


def _anonymised(case: Case, event: CalendarEvent, as_of: date) -> CalendarEvent:
    """The event with the case named by initials and number only, and a short description."""
    label = _initials(case)
    lines = [
        f"Case: {label}",
        f"Deadline: {event.what}",
        f"Last day: {weekday_name(event.on)} {court_date(event.on)}",
        f"Status on {court_date(as_of)}: {event.status.replace('_', ' ')}, {_days(event.on, as_of)}",
    ]
    if event.rule_id:
        lines.append(f"Rule: {event.rule_id}")
    lines += ["", "Anonymised export: open the case file for the explanation."]
    summary = event.summary.replace(event.case, label, 1)
    return attrs.evolve(event, case=label, summary=summary, description="\n".join(lines))


def deadline_calendar(
    cases: Iterable[Case],
    *,
    as_of: date,
    upcoming: bool = False,
    rules: RuleSet | None = None,
    anonymise: bool = False,
) -> DeadlineCalendar:
    """Every dated deadline of ``cases`` on ``as_of``, as calendar events.

    Args:
        cases: The cases (a firm's docket); each needs a title or an application
            number, and no two may share a forum and title.
        as_of: The day of the assessment (no clock is read).
        upcoming: Keep only deadlines on or after ``as_of``.
        rules: A rule set with a firm's overrides; default the packaged rules.
        anonymise: Name each case by its applicants' initials and its application
            number only, with a short description (no names, no explanation): for a
            calendar synced to a phone or a cloud.

    Returns:
        The events, sorted by date then case, and the complaints that have no date.

    Raises:
        InputError: A case has neither title nor number, or two cases share an identity.
        NoApplicableRuleError: No time-limit rule is in force for a complaint's dates.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> a = litigate.Case(forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan",
        ...                   judgment=litigate.model.Judgment(delivered_on=date(2026, 3, 5)))
        >>> [(e.kind, e.on, e.status) for e in deadline_calendar([a], as_of=date(2026, 3, 6)).events]
        [('referral', datetime.date(2026, 6, 5), 'open')]
        >>> deadline_calendar([a, a], as_of=date(2026, 3, 6))
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: cases[0] and cases[1] are both 'ecthr/aliyev v. azerbaijan': give them distinct titles (e.g. '… (no. 2)') so that their events do not collide
    """
    ruleset = rules or load_rules()
    events: list[CalendarEvent] = []
    undated: list[str] = []
    owners: dict[str, int] = {}
    for position, case in enumerate(cases):
        identity = case_identity(case, field=f"cases[{position}]")
        if identity in owners:
            msg = (
                f"cases[{owners[identity]}] and cases[{position}] are both {identity!r}: give them "
                "distinct titles (e.g. '… (no. 2)') so that their events do not collide"
            )
            raise InputError(msg, field=f"cases[{position}].title", value=case.title)
        owners[identity] = position
        found: list[CalendarEvent] = []
        first_undated = len(undated)
        dates = case_deadlines(case, as_of=as_of, rules=ruleset)
        if dates.window is not None:
            found += _filing_events(case, identity, dates.window, as_of, undated)
        found += _registry_events(case, identity, dates)
        found += _judgment_events(case, identity, dates)
        found += _follow_up_events(case, identity, dates)
        found += _execution_events(case, identity, dates)
        if anonymise:
            found = [_anonymised(case, e, as_of) for e in found]
            undated[first_undated:] = [
                line.replace(_case_name(case), _initials(case), 1)
                for line in undated[first_undated:]
            ]
        events += found
    if upcoming:
        events = [e for e in events if e.on >= as_of]
    events.sort(key=lambda e: (e.on, e.case, _KINDS.index(e.kind)))
    return DeadlineCalendar(as_of=as_of, events=tuple(events), undated=tuple(undated))


@checked(cases=CASES, as_of=DATE, upcoming=BOOL, rules=optional(RULES), anonymise=BOOL)
def calendar(
    cases: Iterable[Case],
    *,
    as_of: date,
    alarms: Sequence[int] = DEFAULT_ALARMS,
    upcoming: bool = False,
    rules: RuleSet | None = None,
    anonymise: bool = False,
) -> bytes:
    """Every dated deadline of ``cases`` as an iCalendar file.

    Args:
        cases: The cases (see :func:`deadline_calendar`).
        as_of: The day of the assessment; also the ``DTSTAMP`` (no clock is read).
        alarms: Reminders in days before each deadline, at 09:00 that day; none
            for deadlines already past or met.
        upcoming: Keep only deadlines on or after ``as_of``.
        rules: A rule set with a firm's overrides; default the packaged rules.
        anonymise: Initials and application numbers only (see :func:`deadline_calendar`).

    Returns:
        The ``.ics`` bytes: one all-day ``VEVENT`` per deadline (``DTEND`` the next day).

    Raises:
        InputError: A case has neither title nor number, two cases share an
            identity, or an alarm is out of range.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan",
        ...     registry_time_limits=[litigate.RegistryTimeLimit(
        ...         what="Observations in reply", letter_on=date(2026, 9, 1), due_on=date(2026, 12, 1))])
        >>> data = calendar([case], as_of=date(2026, 11, 23), alarms=[7])
        >>> import icalendar
        >>> event = icalendar.Calendar.from_ical(data).walk("VEVENT")[0]
        >>> str(event["SUMMARY"])
        'Aliyev v. Azerbaijan – Observations in reply (Registry time limit)'
        >>> event.decoded("DTSTART"), event.decoded("DTEND"), event.decoded("DTSTAMP")
        (datetime.date(2026, 12, 1), datetime.date(2026, 12, 2), datetime.datetime(2026, 11, 23, 0, 0, tzinfo=...))
        >>> [str(a["TRIGGER"].to_ical(), "ascii") for a in event.walk("VALARM")]
        ['-P6DT15H']
    """
    found = deadline_calendar(
        cases, as_of=as_of, upcoming=upcoming, rules=rules, anonymise=anonymise
    )
    return found.to_ics(alarms=alarms)
