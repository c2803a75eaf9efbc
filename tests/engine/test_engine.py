"""The filing-window engine: properties, real cases and explanations."""

from __future__ import annotations

from datetime import date, timedelta

import attrs
import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

import litigate
import litigate.engine
from litigate.engine.calendar import add_months
from litigate.errors import InsufficientFactsError

DATES = st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31))


def ecthr_case(*decisions, complaints=None, lodged_on=None, respondent="AZE"):
    return litigate.Case(
        forum="ecthr",
        respondent=respondent,
        complaints=complaints
        or [litigate.Complaint(provision="ECHR-6-1", summary="Unfair trial")],
        proceedings=list(decisions),
        lodged_on=lodged_on,
    )


def decision(**kw):
    return litigate.DomesticDecision(**{"court": "Supreme Court", "level": "cassation", **kw})


@given(DATES, st.integers(0, 120))
@example(date(2023, 1, 31), 1)
@example(date(2024, 1, 31), 1)
@example(date(2022, 10, 31), 4)
@example(date(2024, 2, 29), 12)
def test_add_months_agrees_with_relativedelta(start, months):
    assert add_months(start, months) == start + relativedelta(months=months)


@given(
    DATES,
    st.integers(0, 60),
    st.integers(0, 60),
    st.booleans(),
    st.sampled_from([None, True, False]),
)
def test_safe_deadline_is_never_after_any_scenario(
    taken, to_pronounce, to_serve, doubtful, service_required
):
    d1 = decision(
        id="cassation",
        taken_on=taken,
        pronounced_on=taken + timedelta(days=to_pronounce),
        served_on=taken + timedelta(days=to_serve),
        service_required=service_required,
    )
    decisions = [d1]
    if doubtful:
        decisions.append(
            decision(
                id="constitutional",
                court="Constitutional Court",
                level="constitutional",
                remedy="doubtful",
                taken_on=taken + timedelta(days=90),
                served_on=taken + timedelta(days=95),
            )
        )
    window = litigate.filing_window(ecthr_case(*decisions), as_of=taken)
    (w,) = window.complaints

    assert w.deadline is not None
    assert all(w.deadline <= s.deadline for s in w.scenarios)
    assert w.scenarios[0].name == "safe"
    assert w.deadline == w.scenarios[0].deadline


@given(DATES, DATES)
def test_deadline_is_monotonic_in_the_trigger(a, b):
    early, late = sorted((a, b))
    w1 = litigate.filing_window(
        ecthr_case(decision(taken_on=early, pronounced_on=early)), as_of=early
    )
    w2 = litigate.filing_window(
        ecthr_case(decision(taken_on=late, pronounced_on=late)), as_of=late
    )

    assert w1.deadline is not None and w2.deadline is not None
    assert w1.deadline <= w2.deadline


@given(DATES, DATES, DATES)
def test_as_of_changes_only_status_and_days_left(taken, as_of_1, as_of_2):
    case = ecthr_case(
        decision(taken_on=taken, served_on=taken + timedelta(days=7), service_required=True)
    )
    w1 = litigate.filing_window(case, as_of=as_of_1)
    w2 = litigate.filing_window(case, as_of=as_of_2)

    def strip(window):
        return [
            attrs.evolve(c, status=litigate.engine.WindowStatus.OPEN, days_left=0)
            for c in window.complaints
        ]

    assert strip(w1) == strip(w2)
    assert w1.deadline == w2.deadline
    assert w1.explain() == w2.explain()


class TestRealCases:
    def test_sabri_gunes(self):
        case = ecthr_case(
            decision(taken_on=date(2005, 11, 28), pronounced_on=date(2005, 11, 28)),
            respondent="TUR",
            lodged_on=date(2006, 5, 29),
        )
        w = litigate.filing_window(case, as_of=date(2006, 5, 29))

        assert w.deadline == date(2006, 5, 28)
        assert w.in_time is False
        assert "weekend_no_extension" in w.complaints[0].codes
        assert "Sunday 28 May 2006" in w.explain()
        assert "outside the time limit" in w.explain()

    def test_orhan(self):
        case = ecthr_case(
            decision(
                taken_on=date(2022, 1, 19), served_on=date(2022, 2, 25), service_required=True
            ),
            respondent="TUR",
            lodged_on=date(2022, 7, 18),
        )
        w = litigate.filing_window(case, as_of=date(2022, 7, 18))

        assert w.complaints[0].rule_id == "ecthr.time_limit.six_months"
        assert w.deadline == date(2022, 8, 25)
        assert w.in_time is True
        assert "six-month" in w.explain()
        assert "délai de six mois" in w.explain("fr")

    def test_issue_example_served_on_9_october(self):
        case = ecthr_case(
            decision(
                taken_on=date(2023, 9, 12),
                pronounced_on=date(2023, 9, 12),
                served_on=date(2023, 10, 9),
                service_required=True,
            ),
            lodged_on=date(2024, 2, 5),
        )
        w = litigate.filing_window(case, as_of=date(2024, 2, 5))

        assert w.deadline == date(2024, 2, 9)
        assert w.in_time is True


class TestComplaints:
    def test_each_complaint_has_its_own_window_and_the_earliest_open_governs(self):
        detention = decision(
            id="detention",
            court="Baku Court of Appeal",
            level="appeal",
            taken_on=date(2026, 7, 24),
            served_on=date(2026, 7, 29),
            service_required=True,
        )
        trial = decision(
            id="trial",
            taken_on=date(2026, 11, 13),
            served_on=date(2026, 11, 18),
            service_required=True,
        )
        case = ecthr_case(
            detention,
            trial,
            complaints=[
                litigate.Complaint(provision="ECHR-6-1", exhausted_by=["trial"]),
                litigate.Complaint(provision="ECHR-5-1", exhausted_by=["detention"]),
            ],
        )
        w = litigate.filing_window(case, as_of=date(2026, 11, 23))

        assert [c.deadline for c in w.complaints] == [date(2027, 3, 18), date(2026, 11, 29)]
        assert w.deadline == date(2026, 11, 29)
        assert w.governing is w.complaints[1]

    def test_extraordinary_remedy_does_not_move_the_start(self):
        case = ecthr_case(
            decision(id="c", taken_on=date(2024, 1, 10), pronounced_on=date(2024, 1, 10)),
            decision(
                id="p",
                court="Plenum of the Supreme Court",
                remedy="extraordinary",
                taken_on=date(2024, 6, 1),
            ),
        )
        w = litigate.filing_window(case, as_of=date(2024, 2, 1))

        assert w.deadline == date(2024, 5, 10)
        assert "extraordinary_ignored" in w.complaints[0].codes

    def test_doubtful_remedy_gives_safe_and_arguable(self):
        case = ecthr_case(
            decision(id="c", taken_on=date(2024, 1, 10), pronounced_on=date(2024, 1, 10)),
            decision(
                id="k",
                court="Constitutional Court",
                level="constitutional",
                remedy="doubtful",
                taken_on=date(2024, 5, 2),
                pronounced_on=date(2024, 5, 2),
            ),
        )
        (w,) = litigate.filing_window(case, as_of=date(2024, 2, 1)).complaints

        assert [s.name for s in w.scenarios] == ["safe", "arguable"]
        assert w.deadline == date(2024, 5, 10)
        assert w.arguable_deadline == date(2024, 9, 2)

    def test_no_decision_not_started(self):
        case = ecthr_case()
        (w,) = litigate.filing_window(case, as_of=date(2024, 2, 1)).complaints

        assert w.status is litigate.engine.WindowStatus.NOT_STARTED
        assert w.deadline is None

    def test_missing_date_of_the_act(self):
        case = ecthr_case(
            complaints=[litigate.Complaint(provision="ECHR-3", no_effective_remedy=True)]
        )
        (w,) = litigate.filing_window(case, as_of=date(2024, 2, 1)).complaints

        assert w.status is litigate.engine.WindowStatus.INSUFFICIENT_FACTS
        assert w.missing == ("complaints[0].events_from",)

    def test_regime_assumed_when_the_date_taken_is_unknown(self):
        case = ecthr_case(decision(served_on=date(2022, 3, 1)))
        (w,) = litigate.filing_window(case, as_of=date(2022, 3, 2)).complaints

        assert w.rule_id == "ecthr.time_limit.four_months"
        assert "regime_assumed" in w.codes

    def test_no_complaint_cannot_be_computed(self):
        with pytest.raises(InsufficientFactsError) as info:
            litigate.filing_window(
                litigate.Case(forum="ecthr", respondent="AZE"), as_of=date(2024, 1, 1)
            )

        assert info.value.missing == ("complaints",)

    def test_incomplete_application_does_not_stop_the_clock(self):
        case = ecthr_case(
            decision(taken_on=date(2024, 1, 10), pronounced_on=date(2024, 1, 10)),
            lodged_on=date(2024, 3, 1),
        )
        w = litigate.filing_window(case, as_of=date(2024, 3, 1))

        assert [n.code for n in w.warnings] == ["incomplete_application"]
        assert "does not stop the clock" in w.warnings[0].message


class TestExplanation:
    def test_steps_cite_rules_and_sources(self):
        case = ecthr_case(
            decision(
                taken_on=date(2024, 1, 10), served_on=date(2024, 1, 15), service_required=True
            )
        )
        w = litigate.filing_window(case, as_of=date(2024, 2, 1))

        cited = [s for s in w.steps if s.rule_id]
        assert cited
        assert all(s.source for s in cited)
        assert any("Worm v. Austria" in (s.source or "") for s in w.steps)

    def test_explain_in_english_and_french(self):
        case = ecthr_case(
            decision(
                court="Supreme Court of the Republic of Azerbaijan",
                taken_on=date(2025, 11, 1),
                served_on=date(2025, 11, 18),
                service_required=True,
            )
        )
        w = litigate.filing_window(case, as_of=date(2025, 12, 1))

        assert "18 November 2025" in w.explain()
        assert "expires on Wednesday 18 March 2026" in w.explain()
        assert "1er novembre 2025" in w.explain("fr")
        assert "18 mars 2026" in w.explain("fr-FR")


def test_large_docket_restores_the_garbage_collector():
    import gc

    decisions = [
        decision(
            id=f"d{i}",
            taken_on=date(2024, 1, 1) + timedelta(days=i % 300),
            pronounced_on=date(2024, 1, 1) + timedelta(days=i % 300),
        )
        for i in range(1200)
    ]
    complaints = [
        litigate.Complaint(provision="ECHR-6-1", exhausted_by=[f"d{i}"]) for i in range(1200)
    ]
    case = ecthr_case(*decisions, complaints=complaints)

    assert gc.isenabled()
    window = litigate.filing_window(case, as_of=date(2024, 6, 1))
    assert gc.isenabled()
    assert len(window.complaints) == 1200
    gc.disable()
    try:
        litigate.filing_window(case, as_of=date(2024, 6, 1))
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
