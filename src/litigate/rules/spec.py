"""The rule-file schema: these attrs classes *are* the format of ``rules/data/*.toml``.

Files are loaded strictly (an unknown key is an error) by :mod:`litigate.rules.loader`.
A rule holds parameters only (periods, named counting strategies, in-force
dates, sources); the algorithms are named, tested functions in
:mod:`litigate.engine`.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from enum import StrEnum

import attrs

from litigate.errors import RuleDataError

__all__ = [
    "PARTIES",
    "AcceptanceRow",
    "ChecklistItem",
    "Confidence",
    "DeadlineExample",
    "DeadlineRule",
    "Delay",
    "ForumRules",
    "Instrument",
    "InterestRule",
    "InterimMeasuresExample",
    "InterimMeasuresRule",
    "Notice",
    "NoticeExample",
    "Period",
    "Reservation",
    "ReviewStatus",
    "SameMatterBody",
    "SameMatterExample",
    "SameMatterRule",
    "Source",
    "Suspension",
    "SuspensionExample",
    "TemporalRule",
    "TimeLimitExample",
    "TimeLimitKind",
    "TimeLimitRule",
]


class Confidence(StrEnum):
    """How sure the research behind a rule or a data cell is (``shared/domain``)."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


class ReviewStatus(StrEnum):
    """Whether a lawyer has reviewed the rule as encoded."""

    REVIEWED = "reviewed"
    DRAFT = "draft"


class TimeLimitKind(StrEnum):
    """What sort of limit a forum sets for lodging."""

    FIXED = "fixed"
    """A hard time limit (ECtHR four/six months, CERD six months, CRC/CESCR one year)."""
    PRESUMPTION = "presumption"
    """A rebuttable presumption of abuse after a period (HRC rule 99 (c))."""
    NONE = "none"
    """No fixed limit; only the elapsed time is reported (CAT, CEDAW, CRPD, CED)."""


@attrs.frozen(kw_only=True)
class Source:
    """A legal source a rule cites."""

    id: str
    title: str
    pinpoint: str = ""
    url: str = ""
    hudoc: str = ""
    symbol: str = ""
    confidence: Confidence = Confidence.HIGH
    read_on: date | None = None
    """The day the source was read: the "status as of" date of the rows citing it."""
    kind: str = ""
    """``primary`` (depositary, Committee, Court), ``secondary`` (a copy or report of one),
    ``recollection`` (no source seen) or empty when not classified."""

    def cite(self) -> str:
        """A one-line citation: title, pinpoint and identifier."""
        parts = [self.title]
        if self.pinpoint:
            parts.append(self.pinpoint)
        ident = self.symbol or (f"HUDOC {self.hudoc}" if self.hudoc else "") or self.url
        if ident:
            parts.append(ident)
        return ", ".join(parts)


@attrs.frozen(kw_only=True)
class Period:
    """A length of time in calendar units."""

    years: int = 0
    months: int = 0
    weeks: int = 0
    days: int = 0

    def describe(self) -> str:
        """English description (``"4 months"``, ``"180 days"``)."""
        out = []
        for n, unit in (
            (self.years, "year"),
            (self.months, "month"),
            (self.weeks, "week"),
            (self.days, "day"),
        ):
            if n:
                out.append(f"{n} {unit}{'s' if n != 1 else ''}")
        return " and ".join(out) or "no time"


@attrs.frozen(kw_only=True)
class TimeLimitExample:
    """A worked example a test executes against the engine."""

    name: str
    source: str = ""
    decision: dict[str, object] = attrs.field(factory=dict)
    complaint: dict[str, object] = attrs.field(factory=dict)
    other_procedure: dict[str, object] = attrs.field(factory=dict)
    respondent: str = "AZE"
    lodged_on: date | None = None
    as_of: date
    expect: dict[str, object]


@attrs.frozen(kw_only=True)
class TimeLimitRule:
    """A rule that limits when an application or communication can be lodged."""

    id: str
    family: str
    kind: TimeLimitKind
    title: str
    period: Period | None = None
    start: str = "final_decision"
    trigger: str = "decision_date"
    later_trigger_scenario: bool = False
    counting: str = "calendar_same_day"
    month_end: str = "clamp"
    month_end_confidence: Confidence = Confidence.LOW
    weekend_extension: bool = False
    in_force_from: date | None = None
    in_force_until: date | None = None
    applies_to: str = "final_decision.taken_on"
    other_procedure_period: Period | None = None
    analogy_warning: Period | None = None
    exception: str = ""
    explain_en: str = ""
    explain_fr: str = ""
    finding: str = ""
    """What :func:`litigate.check` reports, as an information finding, when this rule
    governs a complaint (the HRC before rule 96 (c): no time limit, only abuse)."""
    sources: tuple[str, ...]
    confidence: Confidence
    status: ReviewStatus = ReviewStatus.DRAFT
    note: str = ""
    examples: tuple[TimeLimitExample, ...] = ()

    def in_force_on(self, day: date) -> bool:
        """Whether the rule applies to a decision taken on ``day``."""
        if self.in_force_from is not None and day < self.in_force_from:
            return False
        return self.in_force_until is None or day <= self.in_force_until


@attrs.frozen(kw_only=True)
class DeadlineExample:
    """A worked example for a procedural deadline."""

    name: str
    source: str = ""
    start: date
    expect: date


@attrs.frozen(kw_only=True)
class DeadlineRule:
    """A procedural time limit after lodging (referral, follow-up, observations…)."""

    id: str
    title: str
    period: Period
    start: str
    counting: str = "calendar_same_day"
    sources: tuple[str, ...]
    confidence: Confidence
    status: ReviewStatus = ReviewStatus.DRAFT
    note: str = ""
    caveat: str = ""
    """A warning every date computed by this rule carries, and every date built on it
    (finality: a referral request postpones it); its code is ``caveat_code``."""
    caveat_code: str = ""
    weekend_extension: bool = False
    """Whether a last day falling on a Saturday or Sunday moves to the next Monday.
    The European Court does not extend its time limits (Sabri Güneş v. Turkey [GC]),
    so the packaged rules say ``false``; a firm's override can say otherwise."""
    weekend_source: str = ""
    """The id of the source for ``weekend_extension`` (cited in the step or warning)."""
    examples: tuple[DeadlineExample, ...] = ()
    provisions: Mapping[str, str] = attrs.field(factory=dict, hash=False)
    """The pinpoint of the treaty article each case of the rule rests on, by case
    (``{"committee": "28 § 2", "grand_chamber": "44 § 1"}`` for finality)."""

    def provision(self, case: str) -> str:
        """The pinpoint for ``case``.

        Raises:
            RuleDataError: The rule data name no provision for ``case``.
        """
        try:
            return self.provisions[case]
        except KeyError:
            msg = f"rule {self.id!r} names no provision for {case!r} @ $.deadlines.provisions"
            raise RuleDataError([msg], path=f"the {self.id.split('.')[0]} rules") from None


@attrs.frozen(kw_only=True)
class SameMatterExample:
    """A worked example: a procedure before the named body, and whether it bars."""

    name: str
    source: str = ""
    status: str
    """``pending`` or ``concluded``."""
    expect: str
    """``bars`` or ``allowed``."""


@attrs.frozen(kw_only=True)
class SameMatterBody:
    """Whether one named body is "another procedure of international investigation or settlement".

    ``names`` are matched, case-insensitively, as words within
    :attr:`litigate.OtherProcedure.body` ("UN Working Group on Arbitrary Detention", "WGAD").
    """

    id: str
    names: tuple[str, ...]
    counts: bool
    text: str
    sources: tuple[str, ...]
    confidence: Confidence
    note: str = ""
    examples: tuple[SameMatterExample, ...] = ()

    def matches(self, body: str) -> bool:
        """Whether ``body`` names this body."""
        words = f" {' '.join(body.casefold().replace('(', ' ').replace(')', ' ').split())} "
        return any(f" {name.casefold()} " in words for name in self.names)


@attrs.frozen(kw_only=True)
class SameMatterRule:
    """How a forum treats the same matter before another international procedure."""

    provision: str
    bars_pending: bool
    bars_examined: bool
    same_nature_only: bool = False
    text: str = ""
    sources: tuple[str, ...]
    confidence: Confidence
    note: str = ""
    bodies: tuple[SameMatterBody, ...] = ()
    """Named bodies the forum has said do, or do not, count as such a procedure."""

    def body(self, name: str) -> SameMatterBody | None:
        """The named-body rule that ``name`` matches, if any."""
        return next((b for b in self.bodies if b.matches(name)), None)


@attrs.frozen(kw_only=True)
class InterimMeasuresExample:
    """A worked example: the provision :func:`litigate.forums` cites for a case on a day."""

    name: str
    source: str = ""
    respondent: str = "AZE"
    as_of: date
    expect: str
    """Text the forum's ``interim_measures`` value must contain (``"rule 94"``)."""


@attrs.frozen(kw_only=True)
class InterimMeasuresRule:
    """Where the forum may ask the State to take interim measures, and on what basis."""

    provision: str
    """The provision, as the forum's decisions cite it (``"Rule 39 of the Rules of Court"``)."""
    text: str
    """What the provision allows, in one sentence."""
    sources: tuple[str, ...]
    confidence: Confidence
    note: str = ""
    examples: tuple[InterimMeasuresExample, ...] = ()


@attrs.frozen(kw_only=True)
class SuspensionExample:
    """A worked example of a suspension, run by the tests against the engine."""

    name: str
    source: str = ""
    rule: str
    """The time-limit family or the deadline rule id the period belongs to."""
    start: date
    """The event the period runs from (a judgment, service of a decision…)."""
    plain: date | None = None
    """The plain last day, for a period with no rule length (a Registry time limit)."""
    expect: date
    """The last day once the suspension is applied."""
    arguable: date | None = None
    """The later date another reading of the suspension gives, if any."""


@attrs.frozen(kw_only=True)
class Suspension:
    """A dated suspension of time limits (the Court's, from 16 March 2020).

    Time does not run from ``start`` to ``end`` inclusive for the periods named in
    ``applies_to`` (time-limit families such as ``ecthr.time_limit``, deadline rule ids
    such as ``ecthr.finality``, or ``ecthr.registry_time_limit``).  A period running
    when the suspension starts ends that many days later (or ``months`` calendar
    months later where that gives an earlier day, the conservative reading); a period
    that would start during the suspension starts at its end.  For the periods in
    ``arguable_for`` the source is not explicit: the safe date ignores the suspension
    and the suspended date is only reported as arguable.
    """

    id: str
    title: str
    start: date
    end: date
    months: int = 0
    applies_to: tuple[str, ...]
    arguable_for: tuple[str, ...] = ()
    sources: tuple[str, ...]
    confidence: Confidence
    note: str = ""
    title_fr: str = ""
    reference: str = ""
    """The act that ordered it, as cited in an explanation ("press release ECHR 094 (2020)")."""
    reference_fr: str = ""
    examples: tuple[SuspensionExample, ...] = ()

    @property
    def days(self) -> int:
        """The number of days suspended (both ends included)."""
        return (self.end - self.start).days + 1


@attrs.frozen(kw_only=True)
class TemporalRule:
    """The competence ratione temporis of the forum."""

    provision: str
    explicit: bool
    reference_date: str = "in_force_from"
    continuing_exception: bool = True
    text: str = ""
    sources: tuple[str, ...]
    confidence: Confidence
    note: str = ""


@attrs.frozen(kw_only=True)
class ChecklistItem:
    """An item of the completeness checklist (ECtHR Rule 47), checked by a named check."""

    id: str
    item: str
    provision: str
    check: str
    severity: str = "error"
    limit: int | None = None
    """A numeric limit the check applies (pages of the supplementary document)."""
    template: str | None = None
    """The template id of the document the item limits, if any."""
    sources: tuple[str, ...]
    confidence: Confidence
    note: str = ""


@attrs.frozen(kw_only=True)
class InterestRule:
    """Default interest on late payment: a reference rate plus a margin."""

    reference_rate: str
    margin_points: str
    sources: tuple[str, ...]
    confidence: Confidence
    note: str = ""


NOTICE_FIELDS: Mapping[str, frozenset[str]] = {
    "reasonable_expedition": frozenset(),
    "continuing": frozenset(),
    "continuing_ended": frozenset({"ended"}),
    "application_complete": frozenset(),
    "extension_before_expiry": frozenset({"end", "days", "as_of"}),
    "service_required": frozenset({"event", "on"}),
    "service_missing": frozenset({"event", "on"}),
    "service_unknown": frozenset({"event", "on"}),
    "no_effective_remedy": frozenset({"act"}),
    "month_end": frozenset({"start", "end"}),
    "month_end_clamped": frozenset({"start", "end"}),
    "registry_filed_late": frozenset({"what", "filed_on", "end"}),
    "registry_expired": frozenset({"what", "end"}),
    "registry_imminent": frozenset({"what", "end", "days"}),
    "weekend_no_extension": frozenset({"end", "weekday"}),
    "dates_disagree": frozenset({"decision", "dates"}),
    "taken_as_known": frozenset({"decision", "taken_on"}),
    "service_not_required": frozenset({"event", "on"}),
    "earliest_knowledge": frozenset({"event", "on"}),
    "stated_date_missing": frozenset(),
    "not_accepted": frozenset({"state", "instrument", "status"}),
    "ratione_temporis": frozenset(
        {"facts", "competent_from", "instrument", "state", "confidence"}
    ),
    "ratione_temporis_after": frozenset({"facts", "until", "instrument", "state"}),
    "ratione_temporis_on": frozenset({"facts", "until", "instrument", "state"}),
    "extraordinary_ignored": frozenset({"decision"}),
    "doubtful_remedy": frozenset({"decision"}),
    "suspension_start": frozenset({"end"}),
    "notification_alternative": frozenset({"event", "on"}),
    "presumption_passed": frozenset({"end", "exception"}),
    "analogy": frozenset({"period", "start"}),
    "procedure_ceased_on": frozenset({"state", "instrument", "until", "confidence", "doubt"}),
    "procedure_ceased_after": frozenset({"state", "instrument", "until", "confidence", "doubt"}),
    "procedure_not_yet": frozenset({"state", "instrument", "from", "confidence", "doubt"}),
    "procedure_not_accepted": frozenset({"state", "instrument", "status", "confidence", "doubt"}),
    "acceptance_doubtful": frozenset(),
    "same_facts_unrecorded": frozenset(),
    "same_matter_submitted": frozenset({"body", "unsure", "extra"}),
    "same_matter_inadmissible": frozenset(),
    "same_nature_only": frozenset(),
}
"""The notices the engine gives and the ``{placeholders}`` it fills in each
(dates as the Court writes them, "18 November 2025"); the loader refuses others."""


@attrs.frozen(kw_only=True)
class NoticeExample:
    """A worked example of a notice, executed by ``tests/rules/test_rule_examples.py``.

    ``case`` is a minimal case, written as a case file's table (``forum`` defaults to
    the file's own; a notice of ``ecthr.toml`` that the treaty bodies share may name
    one of them); the test computes its deadlines (:func:`litigate.engine.deadlines.deadlines`)
    and its findings (:func:`litigate.check`) on ``as_of`` and looks for the notice's
    text among their notes, steps and findings: it must be there when ``given``, and
    absent otherwise (a situation the notice must stay silent on).
    """

    name: str
    source: str = ""
    case: dict[str, object]
    as_of: date
    given: bool = True


@attrs.frozen(kw_only=True)
class Notice:
    """A legal warning the engine gives, as English prose with its legal basis.

    The data decide the wording and the source; the engine decides only when the
    notice applies and fills its ``{placeholders}`` (:data:`NOTICE_FIELDS`).
    """

    id: str
    text: str
    sources: tuple[str, ...]
    cite: bool = True
    """Whether the note names its first source (``false`` keeps an uncited note uncited)."""
    confidence: Confidence = Confidence.HIGH
    unconfirmed: bool = False
    """The wording of the provision it rests on was not retrieved (``[unconfirmed]`` in the
    domain notes): the note is printed flagged, as is a note of low confidence."""
    examples: tuple[NoticeExample, ...] = ()
    """Worked examples (the packaged files give at least one for every notice)."""

    @property
    def wording(self) -> str:
        """The text as printed: flagged ``[unconfirmed]`` when unconfirmed or of low confidence.

        Examples:
            >>> Notice(id="x", text="Rule 38 § 1.", sources=("s",), unconfirmed=True).wording
            '[unconfirmed] Rule 38 § 1.'
        """
        if self.unconfirmed or self.confidence is Confidence.LOW:
            return f"[unconfirmed] {self.text}"
        return self.text

    def render(self, **values: str) -> str:
        """The text with its placeholders filled.

        Examples:
            >>> Notice(id="continuing_ended", text="Ended on {ended}.", sources=("x",)).render(
            ...     ended="1 March 2024")
            'Ended on 1 March 2024.'
        """
        return self.wording.format(**values) if values else self.wording

    def template(self, *names: str) -> str:
        """The text with its named placeholders made positional, in the order of ``names``.

        The engine fills such a template only when the note is read (dates in the
        Court's style).

        Examples:
            >>> Notice(id="x", text="From {event} on {on}.", sources=("s",)).template("event", "on")
            'From {0} on {1}.'
        """
        return self.wording.format(**{name: f"{{{i}}}" for i, name in enumerate(names)})


PARTIES = ("applicant", "author", "complainant", "petitioner")
"""The names of the party: ``applicant`` (European Court), ``author`` (most UN Committees),
``complainant`` (Committee against Torture), ``petitioner`` (CERD)."""


@attrs.frozen(kw_only=True, slots=False)
class ForumRules:
    """Every rule of one forum, as read from ``rules/data/<forum>.toml``."""

    schema_version: int
    forum: str
    name: str
    sources: tuple[Source, ...]
    time_limits: tuple[TimeLimitRule, ...] = ()
    deadlines: tuple[DeadlineRule, ...] = ()
    same_matter: SameMatterRule | None = None
    temporal: TemporalRule | None = None
    checklist: tuple[ChecklistItem, ...] = ()
    interest: InterestRule | None = None
    suspensions: tuple[Suspension, ...] = ()
    notices: tuple[Notice, ...] = ()
    interim_measures: InterimMeasuresRule | None = None
    party: str = "applicant"
    """How the forum's own documents name the person who brings the case (one of
    :data:`PARTIES`): the drafts and the engine's explanations take their words from the
    catalogues' ``voice, <party>`` and ``event, <party>`` messages."""

    def notice(self, notice_id: str) -> Notice | None:
        """The forum's own notice ``notice_id``, if its data give one."""
        return next((n for n in self.notices if n.id == notice_id), None)

    def source(self, source_id: str) -> Source:
        """Return the source with ``source_id`` (the loader guarantees it exists)."""
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)

    @functools.cached_property
    def citations(self) -> dict[str, str]:
        """Every source id with its one-line citation."""
        return {src.id: src.cite() for src in self.sources}

    def deadline(self, rule_id: str) -> DeadlineRule:
        """Return the procedural deadline rule ``rule_id``."""
        for rule in self.deadlines:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)


@attrs.frozen(kw_only=True)
class Delay:
    """When an acceptance takes effect after deposit (or a denunciation after notice)."""

    months: int = 0
    days: int = 0
    first_day_of_month_after_months: int | None = None


@attrs.frozen(kw_only=True)
class Instrument:
    """A procedure a State accepts: a protocol or an optional declaration."""

    id: str
    forum: str
    name: str
    acceptance: str
    entry_into_force: Delay
    entry_into_force_provision: str
    denunciation_effect: Delay | None = None
    denunciation_provision: str = ""
    parent_treaty: str = ""
    treaty_in_force_from: date | None = None
    """When the instrument itself entered into force: a State that deposited earlier
    is bound from this date (checked by ``scripts/check_acceptance.py``)."""
    end_day: str = "outside"
    """Which side of the day a denunciation or withdrawal takes effect is on:
    ``outside`` (a communication submitted that day is no longer receivable) or
    ``inside`` (that day is still covered).  The day the procedure takes effect is
    always inside."""
    end_bounds: str = "submission"
    """What the end date bounds: ``submission`` (communications submitted before it)
    or ``facts`` (acts or omissions up to it, e.g. a State that ceased to be a Party)."""
    end_day_provision: str = ""
    sources: tuple[str, ...]
    confidence: Confidence


@attrs.frozen(kw_only=True)
class Reservation:
    """A reservation or declaration that bears on competence.

    ``applies_from`` is set on temporal reservations and declarations: the date
    from which facts fall within the forum's competence (Türkiye's acceptance of
    individual petition on 28 January 1987, Kazakhstan's OP1 declaration).
    """

    kind: str
    text: str
    verbatim: bool = False
    applies_from: date | None = None
    confidence: Confidence
    sources: tuple[str, ...]


@attrs.frozen(kw_only=True)
class AcceptanceRow:
    """Whether one State accepted one procedure, and from when."""

    state: str
    instrument: str
    status: str
    deposited_on: date | None = None
    in_force_from: date | None = None
    denounced_on: date | None = None
    until: date | None = None
    end_day: str | None = None
    """Overrides the instrument's ``end_day`` for this row (``inside``/``outside``)."""
    end_bounds: str | None = None
    """Overrides the instrument's ``end_bounds`` for this row (``submission``/``facts``)."""
    confidence: Confidence
    sources: tuple[str, ...]
    note: str = ""
    reservations: tuple[Reservation, ...] = ()
    consistency_exception: str = ""
    """Why the entry-into-force rule does not apply to this row (a succession, say)."""
