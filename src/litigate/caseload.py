r"""The docket across cases and forums: every deadline of every case in one table.

:func:`case_docket` (and :func:`litigate.docket` given a list) takes case files and
group applications and returns a :class:`CaseDocket`: filing windows, Registry time
limits, referral, payment, follow-up, the Committee of Ministers' action plan and
Rule 9 windows, soonest first, each with a status word a lawyer reads at a glance
(:data:`STATUS_WORDS`).  A lodged application reads ``lodged in time`` or
``lodged out of time``, never as a negative count of days.

:func:`what_moved` compares yesterday's docket (its saved JSON) with today's and
lists every deadline that changed, appeared or went away, with the reason read from
the case files.

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
    >>> d = case_docket([case], as_of=date(2025, 10, 10))
    >>> [(e.status, e.on, e.days_left) for e in d.entries]
    [('due soon', datetime.date(2025, 10, 18), 8)]
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

import attrs

from litigate._args import CASE, DATE, DOCKET_CASES, RULES, checked, optional
from litigate._court_dates import court_date
from litigate.group.model import GroupApplication
from litigate.ics import CalendarEvent, deadline_calendar
from litigate.model import Case, Forum
from litigate.rules import RuleSet
from litigate.rules.spec import ForumRules

__all__ = [
    "DUE_SOON_DAYS",
    "STATUS_WORDS",
    "CaseDocket",
    "DocketEntry",
    "ForumOption",
    "Move",
    "SameMatter",
    "case_docket",
    "docket",
    "forums",
    "same_matter_pairs",
    "what_moved",
]

DUE_SOON_DAYS = 14
"""An open deadline this many days away or fewer reads ``due soon``."""

STATUS_WORDS: dict[str, str] = {
    "open": "the deadline is ahead and not yet met",
    "due soon": f"open, {DUE_SOON_DAYS} days or fewer left",
    "today": "today is the last day",
    "expired": "the last day has passed and it was not met",
    "lodged in time": "the application was lodged within the time limit",
    "lodged out of time": "the application was lodged after the safe time limit",
    "lodged": "the application was lodged; whether in time cannot be computed",
    "filed": "the pleading was sent to the Registry",
    "paid": "the Government paid the just satisfaction",
    "submitted": "the Government submitted its action plan or report",
    "replied": "the State sent its follow-up information",
    "final": "the judgment became final before the referral period ended",
    "presumption": "a UN communication presumed an abuse after this day",
    "no date": "no date can be computed: facts are missing or no time limit runs",
}
"""Every status word of the docket and what it means."""

_CLOSED = {"filed", "paid", "submitted", "replied", "final"}
_COUNTDOWN = {"open", "due soon", "today"}


@attrs.frozen(kw_only=True)
class DocketEntry:
    """One deadline of one case.

    Attributes:
        uid: The deadline's stable identity (the calendar UID): it never depends on the date.
        case: The case's name.
        kind: ``filing_window``, ``registry_time_limit``, ``referral``, ``payment``,
            ``follow_up``, ``action_plan``, ``cm_decision`` or ``rule9``; ``undated``
            for a complaint without a date.
        what: What is due (complaints on the same article carry their label).
        on: The last day (``None`` when undated).
        status: One of :data:`STATUS_WORDS`.
        days_left: Days from ``as_of`` (``None`` once met, lodged, or undated).
        rule_id: The rule applied.
        sources: The rule's sources, cited.
        file: The case file it came from, if known.
    """

    uid: str
    case: str
    kind: str
    what: str
    on: date | None
    status: str
    days_left: int | None
    rule_id: str | None = None
    sources: tuple[str, ...] = ()
    file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The entry as JSON-ready values (ISO dates)."""
        return {
            "uid": self.uid,
            "case": self.case,
            "kind": self.kind,
            "what": self.what,
            "on": self.on.isoformat() if self.on else None,
            "status": self.status,
            "days_left": self.days_left,
            "rule": self.rule_id,
            "sources": list(self.sources),
            "file": self.file,
        }


def _status(event: CalendarEvent, as_of: date) -> tuple[str, int | None]:
    if event.status == "lodged":
        if event.in_time is None:
            return "lodged", None
        return ("lodged in time" if event.in_time else "lodged out of time"), None
    if event.status in _CLOSED:
        return event.status, None
    left = (event.on - as_of).days
    if event.status == "presumption":
        return "presumption", left
    if left < 0:
        return "expired", left
    if left == 0:
        return "today", 0
    if left <= DUE_SOON_DAYS:
        return "due soon", left
    return "open", left


@attrs.frozen(kw_only=True)
class CaseDocket:
    """Every deadline of every case on one day.

    Attributes:
        as_of: The day of the assessment.
        entries: Dated deadlines soonest first, then the undated ones.
    """

    as_of: date
    entries: tuple[DocketEntry, ...]

    @property
    def counts(self) -> dict[str, int]:
        """How many entries per status word."""
        out: dict[str, int] = {}
        for entry in self.entries:
            out[entry.status] = out.get(entry.status, 0) + 1
        return out

    def to_json(self) -> str:
        """The docket as JSON, to save and compare tomorrow (:func:`what_moved`)."""
        payload = {"as_of": self.as_of.isoformat(), "entries": [e.to_dict() for e in self.entries]}
        return json.dumps(payload, ensure_ascii=False, indent=2)

    def __str__(self) -> str:
        rows = [("Last day", "Status", "Days", "Case", "What")]
        for e in self.entries:
            rows.append(
                (
                    court_date(e.on) if e.on else "",
                    e.status,
                    "" if e.days_left is None else str(e.days_left),
                    e.case,
                    e.what,
                )
            )
        widths = [max(len(r[i]) for r in rows) for i in range(4)]
        lines = [f"Docket on {court_date(self.as_of)}: {len(self.entries)} deadline(s)"]
        for row in rows:
            lines.append(
                ("".join(c.ljust(widths[i] + 2) for i, c in enumerate(row[:4])) + row[4]).rstrip()
            )
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        from litigate.display.docket import docket_html

        return docket_html(self)


def _member_cases(group: GroupApplication) -> list[Case]:
    out = []
    base = group.base.title or group.base.application_no or "Group application"
    for member, case in zip(group.members, group.cases(), strict=True):
        out.append(attrs.evolve(case, title=f"{base} – {member.applicant_id}"))
    return out


def case_docket(
    cases: Iterable[Case | GroupApplication],
    *,
    as_of: date,
    files: Sequence[str | None] | None = None,
    rules: RuleSet | None = None,
) -> CaseDocket:
    """Every deadline of ``cases`` (cases and group applications) in one table.

    Args:
        cases: The cases; a group application counts as one case per applicant
            (named "<base title> – <applicant id>").
        as_of: The day of the assessment (no clock is read).
        files: The file each case came from, in the same order, if known.
        rules: A rule set with a firm's overrides; default the packaged rules.

    Returns:
        The docket, soonest first, undated entries last.

    Raises:
        InputError: A case has neither title nor number, or two cases share one.
    """
    flat: list[Case] = []
    owners: list[str | None] = []
    for position, item in enumerate(cases):
        source = files[position] if files is not None else None
        members = _member_cases(item) if isinstance(item, GroupApplication) else [item]
        flat += members
        owners += [source] * len(members)
    entries: list[DocketEntry] = []
    by_case: dict[str, str | None] = {}
    for case, source in zip(flat, owners, strict=True):
        by_case[" ".join((case.title or f"application no. {case.application_no}").split())] = (
            source
        )
    found = deadline_calendar(flat, as_of=as_of, rules=rules)
    for event in found.events:
        status, left = _status(event, as_of)
        entries.append(
            DocketEntry(
                uid=event.uid,
                case=event.case,
                kind=event.kind,
                what=event.what,
                on=event.on,
                status=status,
                days_left=left,
                rule_id=event.rule_id,
                sources=event.sources,
                file=by_case.get(event.case),
            )
        )
    for line in found.undated:
        name = max((n for n in by_case if line.startswith(f"{n} – ")), key=len, default="")
        rest = line[len(name) + 3 :] if name else line
        entries.append(
            DocketEntry(
                uid=f"undated/{line}",
                case=name,
                kind="undated",
                what=rest,
                on=None,
                status="no date",
                days_left=None,
                file=by_case.get(name),
            )
        )
    return CaseDocket(as_of=as_of, entries=tuple(entries))


@attrs.frozen(kw_only=True)
class Move:
    """A deadline that changed between two dockets.

    Attributes:
        uid: The deadline's identity.
        case: The case.
        what: What is due.
        change: ``moved``, ``new``, ``gone`` or ``status`` (same date, new status).
        before: The last day (or status) yesterday.
        after: The last day (or status) today.
        why: The reason read from the case files, or what to check.
    """

    uid: str
    case: str
    what: str
    change: str
    before: str | None
    after: str | None
    why: str

    def __str__(self) -> str:
        return (
            f"{self.case} – {self.what}: {self.change} ({self.before} → {self.after}); {self.why}"
        )


_WHY = {
    "filing_window": "a domestic decision, its service date or a complaint changed in the case file",
    "registry_time_limit": "the Registry's time limit or its extension changed in the case file",
    "referral": "the judgment's date or formation changed in the case file",
    "payment": "the date the judgment became final changed in the case file",
    "action_plan": "the date the judgment became final changed in the case file",
    "rule9": "the DH meeting's date changed in the case file",
    "cm_decision": "a decision of the Committee of Ministers changed in the case file",
    "follow_up": "the follow-up data changed in the case file",
}


def _reason(kind: str, before: Mapping[str, Any] | None, after: DocketEntry | None) -> str:
    if before is not None and after is not None and kind == "registry_time_limit":
        return "the Registry extended the time limit, or its date was corrected"
    return _WHY.get(kind, "the case file changed")


def what_moved(yesterday: str | Mapping[str, Any], today: CaseDocket) -> tuple[Move, ...]:
    """Every deadline that changed since ``yesterday``'s docket (its saved JSON).

    Examples:
        >>> from datetime import date
        >>> a = DocketEntry(uid="u1", case="A v. B", kind="referral", what="Referral",
        ...                 on=date(2026, 6, 5), status="open", days_left=10)
        >>> old = CaseDocket(as_of=date(2026, 5, 26), entries=(a,)).to_json()
        >>> new = CaseDocket(as_of=date(2026, 5, 27),
        ...                  entries=(attrs.evolve(a, on=date(2026, 6, 8)),))
        >>> [m.change for m in what_moved(old, new)]
        ['moved']
    """
    data = json.loads(yesterday) if isinstance(yesterday, str) else yesterday
    before = {row["uid"]: row for row in data.get("entries", [])}
    after = {e.uid: e for e in today.entries}
    moves: list[Move] = []
    for uid, entry in after.items():
        old = before.get(uid)
        on = entry.on.isoformat() if entry.on else None
        if old is None:
            moves.append(
                Move(
                    uid=uid,
                    case=entry.case,
                    what=entry.what,
                    change="new",
                    before=None,
                    after=on,
                    why="a new deadline: a new filing, decision or date in the case file",
                )
            )
        elif old.get("on") != on:
            moves.append(
                Move(
                    uid=uid,
                    case=entry.case,
                    what=entry.what,
                    change="moved",
                    before=old.get("on"),
                    after=on,
                    why=_reason(entry.kind, old, entry),
                )
            )
        elif old.get("status") != entry.status and not (
            old.get("status") in _COUNTDOWN and entry.status in _COUNTDOWN
        ):
            moves.append(
                Move(
                    uid=uid,
                    case=entry.case,
                    what=entry.what,
                    change="status",
                    before=old.get("status"),
                    after=entry.status,
                    why="the status changed (a filing, payment or lodging was recorded, or the day passed)",
                )
            )
    for uid, old in before.items():
        if uid not in after:
            moves.append(
                Move(
                    uid=uid,
                    case=old.get("case", ""),
                    what=old.get("what", ""),
                    change="gone",
                    before=old.get("on"),
                    after=None,
                    why="the deadline is no longer in the case files (removed or corrected data)",
                )
            )
    return tuple(moves)


@checked(cases=DOCKET_CASES, as_of=DATE, rules=optional(RULES))
def docket(
    cases: GroupApplication | Iterable[Case | GroupApplication],
    *,
    as_of: date,
    rules: RuleSet | None = None,
) -> Any:
    """The docket: every deadline of a list of cases, or a group's applicants' windows.

    ``litigate.docket(cases, as_of=...)`` with a list (cases and group applications)
    returns a :class:`CaseDocket`, every deadline of every case.  Given a single
    :class:`~litigate.group.GroupApplication`, it returns the group's
    :class:`~litigate.group.Docket` exactly as before (one filing window per applicant,
    also available as :func:`litigate.group.docket`): that call is kept, not
    deprecated, since the group's docket answers a different question (who of
    the applicants is late).

    Examples:
        >>> from datetime import date
        >>> type(docket([], as_of=date(2026, 1, 5))).__name__
        'CaseDocket'
    """
    if isinstance(cases, GroupApplication):
        from litigate.group.docket import docket as group_docket

        return group_docket(cases, as_of=as_of, rules=rules)
    return case_docket(cases, as_of=as_of, rules=rules)


@attrs.frozen(kw_only=True)
class SameMatter:
    """Two case files that may concern the same matter, judged by each forum's own rule.

    Attributes:
        first: The first case's name.
        second: The second case's name.
        shared: What links them (the same applicant's name, the same domestic reference).
        findings: For each case, ``(case name, severity, message, source)``: how its
            forum treats the other procedure (Article 35 § 2 (b) of the Convention, the
            Committees' rules, the State's reservations), from :func:`litigate.check`.
    """

    first: str
    second: str
    shared: tuple[str, ...]
    findings: tuple[tuple[str, str, str, str | None], ...]


def _name_of(case: Case) -> str:
    return " ".join((case.title or f"application no. {case.application_no}").split())


def _links(case: Case) -> set[str]:
    names = {f"applicant {' '.join(a.name.split()).casefold()}" for a in case.applicants if a.name}
    refs = {f"domestic reference {d.reference}" for d in case.proceedings if d.reference}
    return names | refs


def _judged(case: Case, other: Case, as_of: date, rules: RuleSet | None) -> list[Any]:
    from litigate.engine import check
    from litigate.model import OtherProcedure

    examined = other.judgment is not None
    procedure = OtherProcedure(
        body=other.forum.value,
        reference=other.application_no,
        lodged_on=other.lodged_on,
        status="concluded" if examined else "pending",
        concluded_on=other.judgment.delivered_on if other.judgment else None,
        same_facts=None,
    )
    probe = attrs.evolve(case, other_procedures=(*case.other_procedures, procedure))
    field = f"other_procedures[{len(case.other_procedures)}]"
    return [
        f
        for f in check(probe, as_of=as_of, rules=rules)
        if f.code in {"same_matter", "same_matter_allowed"} and f.field == field
    ]


def same_matter_pairs(
    cases: Sequence[Case], *, as_of: date, rules: RuleSet | None = None
) -> tuple[SameMatter, ...]:
    """Pairs of case files that share an applicant or a domestic decision, across forums.

    Each pair is judged twice, by each forum's own rule: the other case is treated as
    "another procedure" (pending, or examined once it has a judgment) and
    :func:`litigate.check` applies Article 35 § 2 (b) for the Court, the Committee's
    same-matter rule otherwise, and the respondent State's reservations
    (:func:`litigate.acceptance`).  Whether the facts are the same is left open
    (``same_facts`` unknown): a lawyer must confirm it.
    """
    out: list[SameMatter] = []
    for i, first in enumerate(cases):
        for second in cases[i + 1 :]:
            shared = sorted(_links(first) & _links(second))
            if not shared:
                continue
            findings: list[tuple[str, str, str, str | None]] = []
            for case, other in ((first, second), (second, first)):
                for f in _judged(case, other, as_of, rules):
                    findings.append((_name_of(case), f.severity.value, f.message, f.source))
            out.append(
                SameMatter(
                    first=_name_of(first),
                    second=_name_of(second),
                    shared=tuple(shared),
                    findings=tuple(findings),
                )
            )
    return tuple(out)


@attrs.frozen(kw_only=True)
class ForumOption:
    """One forum a case could go to, compared on the same day.

    Attributes:
        forum: The forum id.
        accepted: Whether the respondent State accepted the procedure on ``as_of``
            (``None``: no data), from :func:`litigate.acceptance`.
        acceptance_sources: The sources of the acceptance data.
        days_left: The days left of the filing window before that forum: for the
            case's own forum, its window; for another forum, the window of the case
            re-framed for it (same final domestic decision and dates, each complaint
            with its own; not lodged there).  ``None`` when it cannot be computed.
        time_left_note: How ``days_left`` was obtained for another forum, or why it
            is ``None`` (no complaint, the State has not accepted the procedure, the
            engine cannot compute it); ``None`` for the case's own forum.
        same_matter: The forum's same-matter rule, cited (``None`` when it has none),
            and whether it bars a pending or an examined matter.
        reservations: The State's reservations to that procedure, as recorded.
        interim_measures: The provision under which the forum may ask the State to
            take interim measures, with what it allows (from the forum's rule data,
            ``[interim_measures]``); ``[unconfirmed]`` is appended when the data are
            not of high confidence.  ``None`` when the data have none.
        interim_measures_sources: The sources of that provision, cited.
    """

    forum: str
    accepted: bool | None
    acceptance_sources: tuple[str, ...]
    days_left: int | None
    same_matter: str | None
    reservations: tuple[str, ...]
    interim_measures: str | None = None
    interim_measures_sources: tuple[str, ...] = ()
    time_left_note: str | None = None


def _interim_measures(rules: ForumRules | None) -> tuple[str | None, tuple[str, ...]]:
    """The forum's interim-measures provision, flagged when unconfirmed, and its sources."""
    measure = None if rules is None else rules.interim_measures
    if rules is None or measure is None:
        return None, ()
    flag = "" if measure.confidence.value == "high" else " [unconfirmed]"
    cited = tuple(rules.citations[source] for source in measure.sources)
    return f"{measure.provision}: {measure.text}{flag}", cited


def _placeholder_provision(forum: Forum) -> str | None:
    """The first provision of the catalogue that can be invoked before ``forum``."""
    from litigate.model.provisions import catalogue, provision

    return next((p for p in catalogue().ids if forum in provision(p).instrument.forums), None)


def _time_left_elsewhere(
    case: Case, forum: Forum, *, accepted: bool | None, as_of: date, rules: RuleSet
) -> tuple[int | None, str]:
    """The filing window of ``case`` re-framed for ``forum``, and how it was obtained."""
    from litigate.engine import filing_window
    from litigate.errors import LitigateError
    from litigate.model.provisions import provision

    if not case.complaints:
        return None, "not computed: the case file records no complaint"
    if accepted is False:
        return None, (
            f"not computed: the respondent State had not accepted the {forum.value} "
            f"procedure on {court_date(as_of)}"
        )
    framed = sorted({provision(c.provision).instrument.name_en for c in case.complaints})
    stand_in = _placeholder_provision(forum)
    if stand_in is None:
        return (
            None,
            f"not computed: no provision of the catalogue can be invoked before {forum.value}",
        )
    treaty = provision(stand_in).instrument.name_en
    cited = ", ".join(c.provision for c in case.complaints)
    try:
        reframed = attrs.evolve(
            case,
            forum=forum,
            complaints=[
                attrs.evolve(c, provision=stand_in, in_conjunction_with=[])
                for c in case.complaints
            ],
            interim_measures=None,
            judgment=None,
            lodged_on=None,
            application_no=None,
        )
        window = filing_window(reframed, as_of=as_of, rules=rules)
    except LitigateError as exc:
        return None, f"not computed for {forum.value}: {exc}"
    status = "" if window.days_left is not None else f" (no day count: {window.status.value})"
    return window.days_left, (
        f"re-framed for {forum.value}{status}: the same final domestic decision and dates, each "
        f"complaint with its own, not lodged there.  The complaints are framed under "
        f"{' and '.join(framed)} ({cited}) and litigate holds no mapping of them to the "
        f"{treaty}: the time limit does not depend on the article invoked, but frame the "
        f"complaints under that treaty before relying on this figure"
    )


@checked(case=CASE, as_of=DATE, rules=optional(RULES))
def forums(case: Case, *, as_of: date, rules: RuleSet | None = None) -> tuple[ForumOption, ...]:
    """Compare the forums open to ``case``: acceptance by the State, time left, same-matter bars.

    The time left before another forum is its filing window for the case re-framed
    for it (see :class:`ForumOption`); ``time_left_note`` says how, or why not.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="hrc", respondent="AZE", title="R.A. v. Azerbaijan")
        >>> options = {o.forum: o for o in forums(case, as_of=date(2025, 1, 1))}
        >>> options["hrc"].accepted, options["crc"].accepted
        (True, False)
    """
    from litigate.engine import acceptance, filing_window
    from litigate.rules import load_rules

    ruleset = rules or load_rules()
    own_days: int | None = None
    if case.complaints:
        own_days = filing_window(case, as_of=as_of, rules=ruleset).days_left
    state = case.respondent[0] if case.respondent else None
    out: list[ForumOption] = []
    for forum in Forum:
        accepted: bool | None = None
        sources: tuple[str, ...] = ()
        reservations: tuple[str, ...] = ()
        if state is not None:
            found = acceptance(state, forum, on=as_of, rules=ruleset)
            accepted, sources = found.accepted, tuple(found.sources)
            reservations = tuple(f"{r.kind}: {r.text}" for r in found.reservations)
        try:
            forum_rules = ruleset.forum(forum.value)
        except (KeyError, LookupError):
            forum_rules = None
        rule = None if forum_rules is None else forum_rules.same_matter
        interim, interim_sources = _interim_measures(forum_rules)
        if forum is case.forum:
            days_left, note = own_days, None
        else:
            days_left, note = _time_left_elsewhere(
                case, forum, accepted=accepted, as_of=as_of, rules=ruleset
            )
        same = None
        if forum is Forum.ECTHR:
            same = "Article 35 § 2 (b): bars a matter substantially the same as one already examined or pending elsewhere"
        elif rule is not None:
            bars = [
                w
                for w, b in (("pending", rule.bars_pending), ("examined", rule.bars_examined))
                if b
            ]
            same = f"{rule.provision}: bars a matter {' or '.join(bars) or 'in no case'} elsewhere"
        out.append(
            ForumOption(
                forum=forum.value,
                accepted=accepted,
                acceptance_sources=sources,
                days_left=days_left,
                same_matter=same,
                reservations=reservations,
                interim_measures=interim,
                interim_measures_sources=interim_sources,
                time_left_note=note,
            )
        )
    return tuple(out)
