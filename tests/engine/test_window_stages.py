"""Each stage of filing_window, on its own input and output (engine/window.py)."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import litigate
from litigate import load_rules
from litigate.engine import window as w
from litigate.engine.results import ComplaintWindow, WindowStatus
from litigate.model import Remedy

D = litigate.DomesticDecision
RULES = load_rules()
ECTHR = RULES.forum("ecthr")
FAMILY = [r for r in ECTHR.time_limits if r.family == "ecthr.time_limit"]


def _subject(case: litigate.Case, as_of: date = date(2025, 9, 1)) -> w._Subject:
    complaint = case.complaints[0]
    decisions = case.decisions_for(complaint)
    return w._Subject(case, 0, complaint, decisions, ECTHR, RULES, FAMILY, as_of)


def _case(**kw: object) -> litigate.Case:
    complaint = kw.pop("complaint", litigate.Complaint(provision="ECHR-6-1"))
    return litigate.Case(forum="ecthr", respondent="AZE", complaints=[complaint], **kw)  # type: ignore[arg-type]


def test_final_decisions_stage_separates_safe_and_arguable() -> None:
    ordinary = D(court="Supreme Court", level="cassation", taken_on=date(2025, 1, 10))
    doubtful = D(
        court="Constitutional Court",
        level="constitutional",
        taken_on=date(2025, 3, 1),
        remedy=Remedy.DOUBTFUL,
    )
    work = w._Work()
    safe, arguable = w._final_decisions([ordinary, doubtful], work)
    assert (safe, arguable) == (ordinary, doubtful)
    assert [n.code for n in work.warnings] == ["doubtful_remedy"]


def test_start_events_stage_finishes_a_continuing_situation() -> None:
    case = _case(complaint=litigate.Complaint(provision="ECHR-5-3", continuing=True))
    out = w._start_events(_subject(case), w._Work())
    assert isinstance(out, ComplaintWindow)
    assert out.status is WindowStatus.CONTINUING


def test_start_events_stage_returns_the_events_and_regime_dates() -> None:
    decision = D(
        court="Supreme Court",
        level="cassation",
        service_required=True,
        taken_on=date(2025, 6, 18),
        served_on=date(2025, 7, 2),
    )
    out = w._start_events(_subject(_case(proceedings=[decision])), w._Work())
    assert not isinstance(out, ComplaintWindow)
    triggers, regimes = out
    assert [(name, t.on, t.event) for name, _, t in triggers] == [
        ("safe", date(2025, 7, 2), "service on the applicant")
    ]
    assert regimes == [date(2025, 6, 18)]


def test_regime_stage_chooses_by_the_date_taken() -> None:
    case = _case()
    work = w._Work()
    assert w._rule_for(FAMILY, date(2022, 1, 31), case, date(2025, 1, 1), work).id.endswith(
        "six_months"
    )
    assert w._rule_for(FAMILY, date(2022, 2, 1), case, date(2025, 1, 1), work).id.endswith(
        "four_months"
    )


def test_period_stage_counts_from_one_start_event() -> None:
    four = next(r for r in FAMILY if r.id.endswith("four_months"))
    trig = w._Trigger(on=date(2025, 7, 2), event="service on the applicant", decision=None)
    draft = w._period(
        ("safe", "Final decision.", trig), four, date(2025, 6, 18), ECTHR, w._Work(), RULES
    )
    assert (draft.end, draft.arguable, draft.rule) == (date(2025, 11, 2), False, four)


def test_scenarios_stage_keeps_only_later_arguable_days() -> None:
    four = FAMILY[-1]

    def draft(end: date, *, arguable: bool) -> w._Draft:
        return w._Draft(end, arguable, "d", date(2025, 1, 1), "e", None, four)

    drafts = [
        draft(date(2025, 6, 1), arguable=True),
        draft(date(2025, 5, 1), arguable=False),
        draft(date(2025, 5, 1), arguable=True),
    ]
    scenarios = w._scenarios(drafts)
    assert [(s.name, s.deadline) for s in scenarios] == [
        ("safe", date(2025, 5, 1)),
        ("arguable", date(2025, 6, 1)),
    ]


def test_case_stage_notes_a_lodged_application_needs_to_be_complete() -> None:
    assert w._application_notes(_case(), RULES) == ()
    notes = w._application_notes(_case(lodged_on=date(2025, 9, 1)), RULES)
    assert [n.code for n in notes] == ["incomplete_application"]
    assert "Rule 47 § 6" in notes[0].message


def test_window_and_checks_import_each_other_no_more() -> None:
    engine = Path(w.__file__).parent
    for name, other in (
        ("window.py", "litigate.engine.checks"),
        ("checks.py", "litigate.engine.window"),
    ):
        tree = ast.parse((engine / name).read_text(encoding="utf-8"))
        nested = [
            node
            for fn in ast.walk(tree)
            if isinstance(fn, ast.FunctionDef)
            for node in ast.walk(fn)
            if isinstance(node, ast.ImportFrom)
            and (node.module or "").startswith("litigate.engine")
        ]
        assert nested == [], name
        imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        if name == "window.py":
            assert other not in imported
