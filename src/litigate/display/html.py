"""HTML fragments for Jupyter: cases, filing windows, findings, observations and replies.

Each function returns a ``<div>`` with inline CSS only (no JavaScript, no
external resource).  Every value from a case or a document goes through
:func:`html.escape`.  Text takes the notebook's own colour, so it reads on light
and dark themes; statuses are badges with their own background and white text.
Long inputs are cut: at most :data:`MAX_ROWS` rows per table.

Examples:
    >>> from datetime import date
    >>> import litigate
    >>> case = litigate.Case(forum="ecthr", respondent="AZE",
    ...     applicants=[litigate.Applicant.person(name="<script>alert(1)</script> & Co")],
    ...     complaints=[litigate.Complaint(provision="ECHR-10")])
    >>> fragment = case_html(case)
    >>> "<script>" in fragment, "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in fragment
    (False, True)
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from datetime import date

from litigate._court_dates import court_date, weekday_name
from litigate.display._status import (
    SEVERITY_COLOURS,
    STATUS_COLOURS,
    days_text,
    status_key,
    status_label,
)
from litigate.display.timeline import timeline_svg
from litigate.drafts.reply import Reply, ReplySection
from litigate.engine.results import (
    ComplaintWindow,
    FilingWindow,
    Finding,
    Note,
    Severity,
    Step,
)
from litigate.model import Case
from litigate.parse.observations import Observations

__all__ = [
    "MAX_ROWS",
    "MAX_TIMELINES",
    "case_html",
    "complaint_window_html",
    "filing_window_html",
    "finding_html",
    "findings_html",
    "observations_html",
    "reply_html",
]

MAX_ROWS = 200
"""Rows shown per table; the rest are counted, not shown (a docket can hold thousands)."""
MAX_TIMELINES = 3
"""Timelines shown for a filing window: one per distinct set of scenarios, at most this many."""
_MAX_DETAILS = 50
_MAX_TEXT = 240

_BOX = (
    "font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:13px;"
    "line-height:1.45;color:inherit;max-width:100%;overflow-x:auto"
)
_TABLE = "border-collapse:collapse;margin:4px 0 8px 0;font-size:13px;color:inherit"
_TH = (
    "text-align:left;padding:3px 8px;border-bottom:2px solid rgba(127,127,127,0.5);"
    "font-weight:600;vertical-align:bottom"
)
_TD = "text-align:left;padding:3px 8px;border-bottom:1px solid rgba(127,127,127,0.3);vertical-align:top"
_MUTED = "opacity:0.75"
_HEAD = "font-weight:600;font-size:14px;margin:2px 0 4px 0"
_SUB = "font-weight:600;margin:8px 0 2px 0"
_REVIEW = {"needs_review": "#7a5200", "from_bank": "#57606a", "ready": "#1a7f37"}
_REVIEW_WORDS = {"needs_review": "needs review", "from_bank": "bank text", "ready": "ready"}
_DASH = "—"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _short(text: str | None, limit: int = _MAX_TEXT) -> str:
    if not text:
        return ""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _badge(text: str, colour: str) -> str:
    return (
        f'<span style="background:{colour};color:#ffffff;border-radius:3px;padding:1px 6px;'
        f'font-size:12px;white-space:nowrap">{_e(text)}</span>'
    )


def _muted(text: str) -> str:
    return f'<span style="{_MUTED}">{_e(text)}</span>' if text else ""


def _day(day: date | None) -> str:
    return _e(court_date(day)) if day else _DASH


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], total: int) -> str:
    head = "".join(f'<th style="{_TH}">{_e(h)}</th>' for h in headers)
    body: list[str] = []
    for n, row in enumerate(rows):
        if n >= MAX_ROWS:
            break
        body.append("<tr>" + "".join(f'<td style="{_TD}">{cell}</td>' for cell in row) + "</tr>")
    more = ""
    if total > MAX_ROWS:
        more = f'<div style="{_MUTED}">… and {total - MAX_ROWS} more rows not shown.</div>'
    return f'<table style="{_TABLE}"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>{more}'


def _box(*parts: str) -> str:
    return f'<div style="{_BOX}">{"".join(parts)}</div>'


def _cited(rule_id: str | None, source: str | None) -> str:
    bits = [b for b in (rule_id, source) if b]
    return f" {_muted('(' + ' · '.join(bits) + ')')}" if bits else ""


def _steps(steps: Sequence[Step]) -> str:
    if not steps:
        return ""
    items = "".join(f"<li>{_e(s.text)}{_cited(s.rule_id, s.source)}</li>" for s in steps)
    return f'<ol style="margin:2px 0 4px 18px;padding:0">{items}</ol>'


def _notes(title: str, notes: Sequence[Note]) -> str:
    if not notes:
        return ""
    items = "".join(f"<li>{_e(n.message)}{_cited(n.rule_id, n.source)}</li>" for n in notes)
    return f'<div style="{_SUB}">{_e(title)}</div><ul style="margin:2px 0 4px 18px;padding:0">{items}</ul>'


def _status_badge(window: ComplaintWindow | FilingWindow) -> str:
    key = status_key(window.status, window.days_left, in_time=window.in_time)
    return _badge(status_label(key), STATUS_COLOURS[key])


def _deadline_cell(day: date | None) -> str:
    if day is None:
        return _DASH
    return f"{_e(court_date(day))}<br>{_muted(weekday_name(day))}"


def _complaint_name(window: ComplaintWindow) -> str:
    complaint = window.complaint
    label = f" {_muted(complaint.label)}" if complaint.label else ""
    return f"{_e(complaint.resolved.cite())}{label}"


def _window_row(n: int, window: ComplaintWindow) -> list[str]:
    arguable = window.arguable_deadline
    days = days_text(window.days_left) if window.in_time is None else ""
    if window.elapsed_days is not None:
        days = f"{window.elapsed_days} days elapsed"
    return [
        str(n),
        _complaint_name(window),
        _status_badge(window),
        _deadline_cell(window.deadline),
        _deadline_cell(arguable) if arguable != window.deadline else _DASH,
        _e(days) or _DASH,
        _e(window.rule_id or _DASH),
    ]


_WINDOW_HEADERS = ("#", "Complaint", "Status", "Safe deadline", "Arguable", "Days", "Rule")


def _explanation(n: int, window: ComplaintWindow) -> str:
    body = (
        _steps(window.steps)
        + _notes("Assumptions", window.assumptions)
        + _notes("Warnings", window.warnings)
    )
    if window.missing:
        body += f"<div>Missing: {_e(', '.join(window.missing))}</div>"
    if not body:
        return ""
    return (
        f'<details style="margin:2px 0"><summary>Complaint {n}: {_complaint_name(window)} '
        f"— how the window was computed</summary>{body}</details>"
    )


def filing_window_html(window: FilingWindow) -> str:
    """A filing window: deadlines per complaint with coloured statuses, timelines and steps.

    Args:
        window: The window (:func:`litigate.filing_window`).

    Returns:
        An HTML fragment.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE",
        ...     complaints=[litigate.Complaint(provision="ECHR-10")],
        ...     proceedings=[litigate.DomesticDecision(court="Supreme Court", level="cassation",
        ...         taken_on=date(2025, 6, 18))])
        >>> fragment = filing_window_html(litigate.filing_window(case, as_of=date(2025, 9, 1)))
        >>> "18 October 2025" in fragment, "<svg" in fragment, "<script" in fragment
        (True, True, False)
    """
    head = (
        f'<div style="{_HEAD}">Filing window — {_e(window.forum.value.upper())}, as of '
        f"{_day(window.as_of)} {_status_badge(window)}</div>"
        f"<div>{_e(window.summary())}"
        + (f" · lodged on {_day(window.lodged_on)}" if window.lodged_on else "")
        + "</div>"
    )
    rows = (_window_row(n, w) for n, w in enumerate(window.complaints, start=1))
    table = _table(_WINDOW_HEADERS, rows, len(window.complaints))
    pictures: list[str] = []
    seen: set[object] = set()
    for n, w in enumerate(window.complaints):
        if not w.scenarios or w.scenarios in seen:
            continue
        seen.add(w.scenarios)
        if len(pictures) < MAX_TIMELINES:
            pictures.append(f'<div style="margin:6px 0">{timeline_svg(window, complaint=n)}</div>')
    if len(seen) > MAX_TIMELINES:
        pictures.append(
            f'<div style="{_MUTED}">{len(seen) - MAX_TIMELINES} more distinct windows: '
            "litigate.display.timeline_svg(window, complaint=i) draws any of them.</div>"
        )
    details = [_explanation(n, w) for n, w in enumerate(window.complaints[:_MAX_DETAILS], start=1)]
    if len(window.complaints) > _MAX_DETAILS:
        details.append(
            f'<div style="{_MUTED}">Explanations of {len(window.complaints) - _MAX_DETAILS} more '
            "complaints not shown; window.explain() gives them all.</div>"
        )
    return _box(
        head,
        _notes("Case warnings", window.warnings),
        table,
        "".join(pictures),
        "".join(details),
    )


def complaint_window_html(window: ComplaintWindow) -> str:
    """One complaint's window: status, deadlines and the steps that produced them.

    Args:
        window: One of ``FilingWindow.complaints``.

    Returns:
        An HTML fragment.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE",
        ...     complaints=[litigate.Complaint(provision="ECHR-10")],
        ...     proceedings=[litigate.DomesticDecision(court="Supreme Court", level="cassation",
        ...         taken_on=date(2025, 6, 18))])
        >>> window = litigate.filing_window(case, as_of=date(2025, 9, 1)).complaints[0]
        >>> "ecthr.time_limit.four_months" in complaint_window_html(window)
        True
    """
    table = _table(_WINDOW_HEADERS, [_window_row(1, window)], 1)
    body = (
        _steps(window.steps)
        + _notes("Assumptions", window.assumptions)
        + _notes("Warnings", window.warnings)
    )
    return _box(table, body)


def _severity_badge(severity: Severity) -> str:
    return _badge(severity.value, SEVERITY_COLOURS[severity])


def _finding_row(finding: Finding) -> list[str]:
    return [
        _severity_badge(finding.severity),
        _e(finding.message),
        _e(finding.field or _DASH),
        _e(finding.rule_id or _DASH),
        _e(finding.source or _DASH),
    ]


_FINDING_HEADERS = ("Severity", "Finding", "Field", "Rule", "Source")


def findings_html(findings: Sequence[Finding]) -> str:
    """The findings of :func:`litigate.check` as a table, errors in red.

    Args:
        findings: The findings.

    Returns:
        An HTML fragment.

    Examples:
        >>> from litigate.engine.results import Finding, Severity
        >>> f = Finding(code="x", severity=Severity.ERROR, message="A & B <c>")
        >>> fragment = findings_html([f])
        >>> "1 error" in fragment, "A &amp; B &lt;c&gt;" in fragment
        (True, True)
        >>> "No findings" in findings_html([])
        True
    """
    if not findings:
        return _box(f'<div style="{_HEAD}">Findings</div><div>No findings.</div>')
    counts = []
    for severity in Severity:
        n = sum(f.severity is severity for f in findings)
        if n:
            word = severity.value if n == 1 or severity is Severity.INFO else f"{severity.value}s"
            counts.append(f"{n} {word}")
    head = f'<div style="{_HEAD}">Findings: {_e(", ".join(counts))}</div>'
    rows = (_finding_row(f) for f in findings)
    return _box(head, _table(_FINDING_HEADERS, rows, len(findings)))


def finding_html(finding: Finding) -> str:
    """One finding: severity badge, message, field, rule and source.

    Args:
        finding: The finding.

    Returns:
        An HTML fragment.

    Examples:
        >>> from litigate.engine.results import Finding, Severity
        >>> "#b42318" in finding_html(Finding(code="x", severity=Severity.ERROR, message="m"))
        True
    """
    return _box(_table(_FINDING_HEADERS, [_finding_row(finding)], 1))


def case_html(case: Case) -> str:
    """A case: parties, complaints and domestic decisions.

    Deadlines need a date of assessment: ``litigate.filing_window(case, as_of=...)``
    shows them (the case itself never reads the clock).

    Args:
        case: The case.

    Returns:
        An HTML fragment.

    Examples:
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE", title="A & B v. Azerbaijan",
        ...     complaints=[litigate.Complaint(provision="ECHR-10")])
        >>> fragment = case_html(case)
        >>> "A &amp; B v. Azerbaijan" in fragment, "Article 10 of the Convention" in fragment
        (True, True)
    """
    facts = [case.forum.value.upper(), "v. " + ", ".join(case.respondent)]
    if case.application_no:
        facts.append(f"no. {case.application_no}")
    facts.append(f"lodged on {court_date(case.lodged_on)}" if case.lodged_on else "not lodged")
    head = f'<div style="{_HEAD}">{_e(case.title or "Case")} {_muted(" · ".join(facts))}</div>'
    parties: list[list[str]] = []
    for applicant in case.applicants:
        details = [applicant.kind.value.replace("_", " ")]
        if applicant.nationality:
            details.append(applicant.nationality)
        if applicant.anonymity_requested:
            details.append("anonymity requested")
        parties.append(["applicant", _e(applicant.name), _e(", ".join(details))])
    for representative in case.representatives:
        details = [representative.capacity.value.replace("_", " ")]
        if representative.organisation:
            details.append(representative.organisation)
        parties.append(["representative", _e(representative.name), _e(", ".join(details))])
    complaints = [
        [
            str(n),
            _e(c.resolved.cite()) + (f" {_muted(c.label)}" if c.label else ""),
            _e(_short(c.summary)) or _DASH,
            _e(", ".join(c.exhausted_by)) or _muted("all decisions"),
        ]
        for n, c in enumerate(case.complaints[:MAX_ROWS], start=1)
    ]
    decisions = [
        [
            _e(d.id or _DASH),
            _e(d.court),
            _e(d.level.value.replace("_", " "))
            + ("" if d.remedy.value == "ordinary" else f" {_muted(d.remedy.value)}"),
            _day(d.taken_on),
            _day(d.served_on),
            _day(d.served_on_representative),
            _day(d.known_on),
        ]
        for d in case.proceedings[:MAX_ROWS]
    ]
    parts = [head]
    if parties:
        parts += [
            f'<div style="{_SUB}">Parties</div>',
            _table(("Role", "Name", "Details"), parties, len(parties)),
        ]
    if complaints:
        parts += [
            f'<div style="{_SUB}">Complaints</div>',
            _table(
                ("#", "Provision", "Summary", "Exhausted by"), complaints, len(case.complaints)
            ),
        ]
    if decisions:
        parts += [
            f'<div style="{_SUB}">Domestic decisions</div>',
            _table(
                ("Id", "Court", "Level", "Taken", "Served", "On representative", "Known"),
                decisions,
                len(case.proceedings),
            ),
        ]
    parts.append(
        f'<div style="{_MUTED}">Deadlines: litigate.filing_window(case, as_of=...) '
        "computes them for a given day.</div>"
    )
    return _box(*parts)


def observations_html(observations: Observations) -> str:
    """The Government's observations: sections with their kinds and paragraph ranges.

    Args:
        observations: From :func:`litigate.read_observations`.

    Returns:
        An HTML fragment.

    Examples:
        >>> from litigate.parse.observations import Observations, Section
        >>> obs = Observations(paragraphs=(), language="en", sections=(
        ...     Section(kind="time_limit", heading="B. <Time> & limit", first_index=0,
        ...             last_index=3, first_number="4.", last_number="6."),))
        >>> fragment = observations_html(obs)
        >>> "B. &lt;Time&gt; &amp; limit" in fragment, "4.–6." in fragment
        (True, True)
    """
    head = (
        f'<div style="{_HEAD}">Government\'s observations '
        f"{_muted(f'{observations.language} · {len(observations.paragraphs)} paragraphs · {len(observations.sections)} sections')}</div>"
    )
    rows = []
    for n, section in enumerate(observations.sections[:MAX_ROWS], start=1):
        if (
            section.first_number
            and section.last_number
            and section.first_number != section.last_number
        ):
            numbers = f"{section.first_number}–{section.last_number}"
        else:
            numbers = section.first_number or _DASH
        kind = section.kind.replace("_", " ")
        if section.is_objection:
            kind = f"objection: {kind}"
        elif section.article:
            kind = f"{kind}: Article {section.article}"
        rows.append(
            [
                str(n),
                _e(kind),
                _e(_short(section.heading, 160))
                if section.heading
                else _muted("(before the first heading)"),
                _e(numbers),
                _e(f"{section.first_index}–{section.last_index}"),
            ]
        )
    table = _table(
        ("#", "Kind", "Heading", "Numbers", "Paragraph indexes"), rows, len(observations.sections)
    )
    return _box(head, table)


def _ranges(numbers: Sequence[int]) -> str:
    """``(13, 14, 15, 17)`` → ``"13–15, 17"``."""
    parts: list[str] = []
    ordered = sorted(set(numbers))
    start = previous = None
    for number in [*ordered, None]:
        if start is not None and previous is not None and number == previous + 1:
            previous = number
            continue
        if start is not None and previous is not None:
            parts.append(str(start) if start == previous else f"{start}–{previous}")
        start = previous = number
    return ", ".join(parts)


def _review(section: ReplySection) -> str:
    key = "needs_review" if section.needs_review else "from_bank" if section.from_bank else "ready"
    return _badge(_REVIEW_WORDS[key], _REVIEW[key])


def reply_html(reply: Reply) -> str:
    """A reply skeleton: sections, the paragraphs each answers, and which need review.

    Args:
        reply: From :func:`litigate.reply_skeleton`.

    Returns:
        An HTML fragment.

    Examples:
        >>> from litigate.drafts.reply import Reply, ReplySection
        >>> s = ReplySection(kind="time_limit", heading="A. Time limit", answers=(13, 14, 15, 17),
        ...                  opening="", argument="", from_bank=True, needs_review=True)
        >>> fragment = reply_html(Reply(sections=(s,)))
        >>> "13–15, 17" in fragment, "needs review" in fragment
        (True, True)
    """
    pending = sum(s.needs_review for s in reply.sections)
    head = (
        f'<div style="{_HEAD}">Reply to the observations '
        f"{_muted(f'{reply.locale} · {len(reply.sections)} sections · {pending} to review')}</div>"
    )
    rows = [
        [
            _e(s.heading),
            (f"§§ {_e(_ranges(s.answers))}" if s.answers else _DASH),
            _e(_short(s.government_heading, 160)) if s.government_heading else _DASH,
            _review(s),
            _e("; ".join(s.sources)) or _DASH,
        ]
        for s in reply.sections[:MAX_ROWS]
    ]
    table = _table(
        ("Section", "Answers", "Government's heading", "Status", "Sources"),
        rows,
        len(reply.sections),
    )
    warnings = ""
    if reply.warnings:
        items = "".join(f"<li>{_e(w)}</li>" for w in reply.warnings)
        warnings = f'<div style="{_SUB}">Check before relying on the draft</div><ul style="margin:2px 0 4px 18px;padding:0">{items}</ul>'
    return _box(head, table, warnings)
