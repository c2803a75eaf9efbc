"""What the engine returns: frozen values that carry their own explanation."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from datetime import date
from enum import StrEnum

import attrs

from litigate import _display_hooks, l10n
from litigate._court_dates import court_date, weekday_name
from litigate.model import Complaint, Forum

__all__ = [
    "Acceptance",
    "ComplaintWindow",
    "Deadline",
    "FilingWindow",
    "Finding",
    "Findings",
    "Note",
    "ReservationNote",
    "Scenario",
    "Severity",
    "Step",
    "WindowStatus",
]


class WindowStatus(StrEnum):
    """Where a filing window stands on the ``as_of`` date."""

    OPEN = "open"
    """A fixed time limit runs and has not expired."""
    EXPIRED = "expired"
    """A fixed time limit has expired."""
    NOT_STARTED = "not_started"
    """No final decision yet (or ``as_of`` is before the event that starts the period)."""
    CONTINUING = "continuing"
    """A continuing situation has not ended: no time limit runs yet."""
    NO_FIXED_LIMIT = "no_fixed_limit"
    """The forum sets no fixed limit (CAT, CEDAW, CRPD, CED), or a disappearance case."""
    PRESUMPTION = "presumption"
    """A rebuttable presumption of abuse applies after the date (HRC rule 99 (c))."""
    INSUFFICIENT_FACTS = "insufficient_facts"
    """A date the computation needs is missing; ``missing`` names it."""


class Severity(StrEnum):
    """How serious a finding is."""

    ERROR = "error"
    """The application will fail on this point unless it is remedied."""
    WARNING = "warning"
    """A risk the lawyer must weigh."""
    INFO = "info"
    """For information."""


@functools.lru_cache(maxsize=65536)
def _render(template: str, args: tuple[object, ...]) -> str:
    """Fill a message template; dates are written in the Court's style."""
    return template.format(*(court_date(a) if isinstance(a, date) else a for a in args))


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Note:
    """A warning or an assumption attached to a result.

    The message is written when it is first read: results for thousands of
    complaints cost no string formatting until someone looks at them.

    Attributes:
        code: A stable code (``"month_end"``, ``"dates_disagree"``…).
        message: What a lawyer reads.
        rule_id: The rule concerned, if any.
        source: The source, cited, if any.

    Examples:
        >>> Note(code="x", message="Read me.").message
        'Read me.'
        >>> Note(code="x", template="Served on {0}.", args=(date(2025, 11, 18),)).message
        'Served on 18 November 2025.'
    """

    code: str
    _message: str = attrs.field(default="", alias="message")
    rule_id: str | None = None
    source: str | None = None
    _template: str = attrs.field(default="", alias="template")
    _args: tuple[object, ...] = attrs.field(default=(), alias="args")

    @property
    def message(self) -> str:
        """What a lawyer reads."""
        return _render(self._template, self._args) if self._template else self._message

    def _key(self) -> tuple[object, ...]:
        return (self.code, self.message, self.rule_id, self.source)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Note) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Note(code={self.code!r}, message={self.message!r}, rule_id={self.rule_id!r})"

    def __str__(self) -> str:
        return self.message


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Step:
    """One step of a calculation, citing the rule and the source it applies.

    Like :class:`Note`, the text is written when it is first read.

    Examples:
        >>> Step(text="Four months.", rule_id="ecthr.time_limit.four_months").text
        'Four months.'
    """

    _text: str = attrs.field(default="", alias="text")
    rule_id: str | None = None
    source: str | None = None
    _template: str = attrs.field(default="", alias="template")
    _args: tuple[object, ...] = attrs.field(default=(), alias="args")

    @property
    def text(self) -> str:
        """The step as a sentence."""
        return _render(self._template, self._args) if self._template else self._text

    def _key(self) -> tuple[object, ...]:
        return (self.text, self.rule_id, self.source)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Step) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Step(text={self.text!r}, rule_id={self.rule_id!r})"

    def __str__(self) -> str:
        return self.text


@attrs.frozen(kw_only=True)
class Scenario:
    """One reading of uncertain facts or law, with the deadline it gives.

    Attributes:
        name: ``"safe"`` (the earliest plausible date) or ``"arguable"``.
        description: What the scenario assumes.
        trigger_on: The event that starts the period.
        trigger_event: What that event was ("service on the representative").
        decision: The decision relied on, if any.
        deadline: The last day of the period.
    """

    name: str
    description: str
    trigger_on: date
    trigger_event: str
    decision: str | None
    deadline: date
    rule_id: str


@attrs.frozen(kw_only=True)
class ComplaintWindow:
    """The filing window of one complaint.

    Attributes:
        complaint: The complaint.
        status: Where the window stands on ``as_of``.
        deadline: The safe last day (the earliest plausible), or ``None``.
        days_left: Days from ``as_of`` to the deadline (negative once expired).
        rule_id: The time-limit rule applied.
        scenarios: The safe scenario first, then arguable ones.
        steps: How the deadline was computed.
        assumptions: What was assumed.
        warnings: What the lawyer must check.
        in_time: Whether ``lodged_on`` is within the safe deadline (``None`` if not lodged).
        elapsed_days: For forums without a fixed limit, the days elapsed since the final decision.
        missing: The facts that are missing, as field paths.
    """

    complaint: Complaint
    status: WindowStatus
    deadline: date | None = None
    days_left: int | None = None
    rule_id: str | None = None
    scenarios: tuple[Scenario, ...] = ()
    steps: tuple[Step, ...] = ()
    assumptions: tuple[Note, ...] = ()
    warnings: tuple[Note, ...] = ()
    in_time: bool | None = None
    elapsed_days: int | None = None
    missing: tuple[str, ...] = ()

    @property
    def arguable_deadline(self) -> date | None:
        """The latest scenario's deadline (equal to ``deadline`` without scenarios)."""
        if not self.scenarios:
            return self.deadline
        return max(s.deadline for s in self.scenarios)

    @property
    def weekday(self) -> str | None:
        """The English weekday of the deadline."""
        return weekday_name(self.deadline) if self.deadline else None

    @property
    def codes(self) -> frozenset[str]:
        """The codes of every warning and assumption."""
        return frozenset(n.code for n in (*self.warnings, *self.assumptions))

    def __repr__(self) -> str:
        # Short and free of the complaint's text (a summary may name people).
        return (
            f"ComplaintWindow(provision={self.complaint.provision!r}, status={self.status.value!r}, "
            f"deadline={self.deadline!r}, days_left={self.days_left!r}, in_time={self.in_time!r})"
        )

    def _repr_html_(self) -> str | None:
        """The window as HTML for Jupyter (``None`` until :mod:`litigate.display` is imported)."""
        return _display_hooks.html(self)


@attrs.frozen(kw_only=True)
class FilingWindow:
    """The filing window of a case: one window per complaint, the earliest open one governs.

    Attributes:
        forum: The forum.
        as_of: The day of the assessment.
        status: The governing status (see :class:`WindowStatus`).
        deadline: The safe date of the governing complaint, or ``None``.
        days_left: Days left to that date.
        complaints: Every complaint's window.
        in_time: Whether every complaint with a time limit was lodged in time
            (``None`` when the case was not lodged).
        lodged_on: The date of introduction, if lodged.
        warnings: Case-level warnings (e.g. an incomplete application).
    """

    forum: Forum
    as_of: date
    status: WindowStatus
    deadline: date | None
    days_left: int | None
    complaints: tuple[ComplaintWindow, ...]
    in_time: bool | None = None
    lodged_on: date | None = None
    warnings: tuple[Note, ...] = ()
    _explainer: Callable[[FilingWindow, str], tuple[str, ...]] | None = attrs.field(
        default=None, repr=False, eq=False
    )

    @property
    def governing(self) -> ComplaintWindow | None:
        """The complaint window whose deadline is the case's deadline."""
        for window in self.complaints:
            if window.deadline == self.deadline and window.status == self.status:
                return window
        return None

    @property
    def scenarios(self) -> tuple[Scenario, ...]:
        """The scenarios of the governing complaint."""
        governing = self.governing
        return governing.scenarios if governing else ()

    @property
    def steps(self) -> tuple[Step, ...]:
        """The steps of every complaint, in order."""
        return tuple(s for w in self.complaints for s in w.steps)

    @property
    def assumptions(self) -> tuple[Note, ...]:
        """The assumptions of every complaint."""
        return tuple(a for w in self.complaints for a in w.assumptions)

    @property
    def all_warnings(self) -> tuple[Note, ...]:
        """Case-level warnings followed by every complaint's warnings."""
        return (*self.warnings, *(n for w in self.complaints for n in w.warnings))

    def explain(self, locale: str = "en") -> str:
        """A paragraph per complaint a lawyer can paste into section G of the form.

        Every language with a catalogue in :mod:`litigate.l10n` is supported
        (English, French and Russian ship with litigate; ``"fr_FR"``, ``"fr-CH"``
        are French); dates are in the Court's style ("18 November 2025",
        "18 novembre 2025", "18 ноября 2025 г.").

        Raises:
            InputError: The locale's language has no catalogue (``field="locale"``):
                never an English paragraph for a mistyped locale.
        """
        lang = l10n.language(locale)
        if self._explainer is None:
            return ""
        return "\n\n".join(self._explainer(self, lang))

    def summary(self) -> str:
        """One line: status, deadline, weekday and days left."""
        if self.deadline is None:
            return f"{self.status.value}"
        day = weekday_name(self.deadline)
        left = self.days_left or 0
        if left < 0:
            span = f"{-left} day{'s' if left != -1 else ''} before"
        else:
            span = f"{left} day{'s' if left != 1 else ''} left on"
        return f"{self.status.value}: {court_date(self.deadline)} ({day}), {span} {court_date(self.as_of)}"

    def __repr__(self) -> str:
        # Short whatever the number of complaints, and free of their text.
        return (
            f"FilingWindow(forum={self.forum.value!r}, as_of={self.as_of!r}, "
            f"status={self.status.value!r}, deadline={self.deadline!r}, "
            f"days_left={self.days_left!r}, complaints={len(self.complaints)}, "
            f"lodged_on={self.lodged_on!r}, in_time={self.in_time!r})"
        )

    def _repr_html_(self) -> str | None:
        """The window as HTML for Jupyter: deadlines, statuses, timeline and steps."""
        return _display_hooks.html(self)


@attrs.frozen(kw_only=True)
class Finding:
    """One result of :func:`litigate.check`: an admissibility or completeness point.

    ``str(finding)`` is the sentence a lawyer reads.

    Attributes:
        code: A stable code (``"time_limit_expired"``, ``"rule47_applicant_particulars"``…).
        severity: Error, warning or info.
        message: The explanation.
        rule_id: The rule or checklist item applied.
        source: The source, cited.
        field: The case field concerned (``"applicants[0].address"``), if any.
    """

    code: str
    severity: Severity
    message: str
    rule_id: str | None = None
    source: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = f" [{self.field}]" if self.field else ""
        cite = f" ({self.source})" if self.source else ""
        return f"{self.severity.value.upper()}: {self.message}{where}{cite}"

    def _repr_html_(self) -> str | None:
        """The finding as HTML for Jupyter: severity colour, message, rule and source."""
        return _display_hooks.html(self)


class Findings(tuple[Finding, ...]):
    """The findings of :func:`litigate.check`: a tuple that Jupyter shows as a table.

    It is a plain tuple in every other respect (equality, slicing, ``len``).

    Examples:
        >>> f = Finding(code="x", severity=Severity.INFO, message="For information.")
        >>> findings = Findings([f])
        >>> findings == (f,), isinstance(findings, tuple), len(findings)
        (True, True, 1)
        >>> findings.errors
        ()
    """

    __slots__ = ()

    @property
    def errors(self) -> tuple[Finding, ...]:
        """The findings of severity ``error``."""
        return tuple(f for f in self if f.severity is Severity.ERROR)

    @property
    def warnings(self) -> tuple[Finding, ...]:
        """The findings of severity ``warning``."""
        return tuple(f for f in self if f.severity is Severity.WARNING)

    def _repr_html_(self) -> str | None:
        """The findings as an HTML table for Jupyter."""
        return _display_hooks.html(self)


@attrs.frozen(kw_only=True)
class ReservationNote:
    """A reservation or declaration of a State, as reported with an acceptance.

    Attributes:
        kind: ``temporal``, ``same_matter``, ``territorial`` or ``other``.
        text: Its text (verbatim when ``verbatim``) or a faithful summary.
        verbatim: Whether ``text`` is the authentic wording.
        applies_from: For temporal ones, the date from which facts are covered.
        confidence: How sure the data is.
        source: Its first source, cited.
    """

    kind: str
    text: str
    verbatim: bool = False
    applies_from: date | None = None
    confidence: str
    source: str | None = None


@attrs.frozen(kw_only=True)
class Acceptance:
    """Whether a State accepted a procedure, on a date.

    Attributes:
        state: ISO 3166-1 alpha-3 code.
        forum: The forum.
        instrument: The instrument (``"ICCPR-OP1"``, ``"CAT-22"``, ``"ECHR"``…).
        accepted: Whether the procedure applies to the State on ``on``
            (``None`` when no date was asked or no data is held).
        status: The status in the data (accepted, not_accepted, signed_only…).
        in_force_from: When it took effect for the State.
        until: When a denunciation or withdrawal took effect.
        on: The date asked about.
        reservations: Reservations and declarations.
        temporal_from: The date from which facts fall within the forum's competence
            (the entry into force, or a later date set by a temporal reservation).
        sources: The sources, cited.
        confidence: How sure the data is.
        note: Remarks in the data.
        end_day: Which side of the ``until`` day is covered: ``outside`` (a
            communication submitted that day is not receivable) or ``inside``.
        end_bounds: What ``until`` bounds: ``submission`` or ``facts``.
        status_as_of: The day the oldest source of the row was read.
        stale: Whether that day is older than the data's threshold (or unknown).
        warnings: What to verify before relying on the answer.
    """

    state: str
    forum: Forum
    instrument: str
    accepted: bool | None
    status: str
    in_force_from: date | None = None
    until: date | None = None
    on: date | None = None
    reservations: tuple[ReservationNote, ...] = ()
    sources: tuple[str, ...] = ()
    confidence: str = "low"
    note: str = ""
    end_day: str = "outside"
    end_bounds: str = "submission"
    status_as_of: date | None = None
    stale: bool = False
    warnings: tuple[str, ...] = ()

    def covers(self, day: date) -> bool | None:
        """Whether ``day`` falls within the period in which the procedure applies.

        The day it takes effect is inside; the ``until`` day is inside or outside
        as the data says (``end_day``).  ``None`` when the data holds no start date.
        """
        if self.in_force_from is None:
            return None
        if day < self.in_force_from:
            return False
        if self.until is None:
            return True
        return day <= self.until if self.end_day == "inside" else day < self.until

    @property
    def temporal_from(self) -> date | None:
        """The date from which facts fall within the forum's competence."""
        dates = [
            r.applies_from for r in self.reservations if r.kind == "temporal" and r.applies_from
        ]
        candidates = [d for d in (self.in_force_from, *dates) if d is not None]
        return max(candidates) if candidates else None


@attrs.frozen(kw_only=True)
class Deadline:
    """A procedural deadline with its explanation.

    Attributes:
        date: The last day.
        rule_id: The rule applied.
        start: The date the period runs from.
        steps: How it was computed.
        warnings: What to check.
    """

    date: dt.date
    rule_id: str
    start: dt.date
    steps: tuple[Step, ...] = ()
    warnings: tuple[Note, ...] = ()

    @property
    def weekday(self) -> str:
        """The English weekday of the deadline."""
        return weekday_name(self.date)
