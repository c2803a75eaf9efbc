"""Issue 14 (engine and rules): the 2020 suspension, the regime without a decision date,
the HRC before rule 96 (c), finality after a referral request, WGAD per forum, and
explanations that name every scenario."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

import litigate
import litigate.model
from litigate.engine.procedure import (
    RateTable,
    default_interest,
    judgment_final_on,
    payment_due,
    registry_time_limit,
)
from litigate.errors import ValidationError
from litigate.model import RegistryTimeLimit


def _ecthr(decision: litigate.DomesticDecision, **kw: Any) -> litigate.Case:
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        complaints=[litigate.Complaint(provision="ECHR-6-1")],
        proceedings=[decision],
        **kw,
    )


def _served(taken_on: date, served_on: date, **kw: object) -> litigate.Case:
    """A case whose final decision must be served (time runs from service)."""
    return _ecthr(
        litigate.DomesticDecision(
            court="Supreme Court",
            level="cassation",
            service_required=True,
            taken_on=taken_on,
            served_on=served_on,
        ),
        **kw,
    )


def test_ibrahimov_and_mammadov_final_on_13_june_2020():
    final = judgment_final_on(date(2020, 2, 13), formation="chamber")

    assert final is not None
    assert final.date == date(2020, 6, 13)
    assert {"suspension", "referral_may_postpone"} <= {w.code for w in final.warnings}
    assert any("16 March 2020" in s.text and "13 June 2020" in s.text for s in final.steps)


def test_a_six_month_period_running_on_16_march_2020_is_not_expired_on_its_plain_date():
    case = _served(date(2019, 9, 10), date(2019, 9, 16))

    window = litigate.filing_window(case, as_of=date(2020, 3, 17))

    assert window.status.value == "open"
    assert window.deadline == date(2020, 6, 16)
    findings = litigate.check(case, as_of=date(2020, 3, 17))
    assert "time_limit_expired" not in {f.code for f in findings}


@pytest.mark.parametrize(
    ("lang", "needles"),
    [
        (
            "en",
            (
                "16 March 2020 to 15 June 2020",
                "ECHR 094 (2020)",
                "would have expired on 16 March 2020.",
            ),
        ),
        ("fr", ("du 16 mars 2020 au 15 juin 2020", "CEDH 108 (2020)", "le 16 mars 2020.")),
    ],
)
def test_the_explanation_names_the_suspension(lang, needles):
    case = _served(date(2019, 9, 10), date(2019, 9, 16))

    text = litigate.filing_window(case, as_of=date(2020, 6, 1)).explain(lang)

    for needle in needles:
        assert needle in text, needle


def test_service_before_1_february_2022_without_a_decision_date_gives_six_months():
    case = _ecthr(
        litigate.DomesticDecision(
            court="Supreme Court",
            level="cassation",
            service_required=True,
            served_on=date(2022, 1, 31),
        ),
        lodged_on=date(2022, 7, 1),
    )

    (w,) = litigate.filing_window(case, as_of=date(2022, 7, 1)).complaints

    assert w.rule_id == "ecthr.time_limit.six_months"
    assert w.deadline == date(2022, 7, 31)
    assert w.in_time is True
    assert "regime_from_known_date" in w.codes


def test_service_on_1_february_2022_without_a_decision_date_stays_conservative():
    case = _ecthr(
        litigate.DomesticDecision(
            court="Supreme Court",
            level="cassation",
            service_required=True,
            served_on=date(2022, 2, 1),
        )
    )

    (w,) = litigate.filing_window(case, as_of=date(2022, 3, 1)).complaints

    assert w.rule_id == "ecthr.time_limit.four_months"
    assert "regime_assumed" in w.codes


def _hrc_2004() -> litigate.Case:
    """An HRC case whose final domestic decision was taken on 10 March 2004."""
    return litigate.Case(
        forum="hrc",
        respondent="AZE",
        complaints=[litigate.Complaint(provision="ICCPR-14-1")],
        proceedings=[
            litigate.DomesticDecision(
                court="Supreme Court", level="cassation", taken_on=date(2004, 3, 10)
            )
        ],
    )


def test_hrc_check_as_of_2011_says_there_is_no_time_limit():
    case = _hrc_2004()

    findings = litigate.check(case, as_of=date(2011, 6, 1))

    (finding,) = [f for f in findings if f.code == "no_time_limit"]
    assert finding.severity.value == "info"
    assert "abuse of the right of submission" in finding.message
    assert "1 January 2012" in finding.message


def test_payment_and_interest_built_on_a_default_final_date_carry_the_referral_warning():
    final = judgment_final_on(date(2024, 1, 11), formation="chamber")
    assert final is not None

    due = payment_due(final)
    table = RateTable.from_csv("2023-09-20,4.50", source="ECB")
    _, steps = default_interest(Decimal(1000), due=due, paid=date(2024, 8, 1), rates=table)

    assert due.date == date(2024, 7, 11)
    assert "referral_may_postpone" in {w.code for w in due.warnings}
    assert steps[0].text.startswith("Warning: ")
    assert "Article 44 § 2 (c)" in steps[0].text


def test_a_recorded_panel_rejection_is_the_final_date_without_the_warning():
    final = judgment_final_on(
        date(2018, 9, 20),
        formation="chamber",
        referral_requested=True,
        referral_rejected_on=date(2019, 2, 4),
    )

    assert final is not None
    assert final.date == date(2019, 2, 4)
    assert "referral_may_postpone" not in {w.code for w in payment_due(final).warnings}


def test_the_judgment_model_records_a_referral_request_and_its_rejection():
    judgment = litigate.model.Judgment(
        delivered_on=date(2018, 9, 20),
        referral_requested_on=date(2018, 12, 18),
        referral_rejected_on=date(2019, 2, 4),
    )
    assert judgment.referral_rejected_on == date(2019, 2, 4)
    with pytest.raises(ValidationError) as err:
        litigate.model.Judgment(
            delivered_on=date(2018, 9, 20),
            referral_requested_on=date(2018, 12, 18),
            referral_rejected_on=date(2018, 12, 1),
        )
    assert err.value.field == "referral_rejected_on"


def test_a_registry_time_limit_running_on_16_march_2020_is_suspended():
    limit = RegistryTimeLimit(
        what="Observations", letter_on=date(2020, 2, 10), due_on=date(2020, 3, 20)
    )

    result = registry_time_limit(limit, as_of=date(2020, 3, 1))

    assert result.date == date(2020, 6, 20)
    assert "suspension" in {w.code for w in result.warnings}


def test_a_registry_time_limit_set_during_the_suspension_is_only_arguably_moved():
    limit = RegistryTimeLimit(
        what="Observations", letter_on=date(2020, 4, 20), due_on=date(2020, 6, 1)
    )

    result = registry_time_limit(limit, as_of=date(2020, 5, 1))

    assert result.date == date(2020, 6, 1)
    assert "suspension_arguable" in {w.code for w in result.warnings}


@pytest.mark.parametrize(
    ("forum", "provision", "code"),
    [("ecthr", "ECHR-5-1", "same_matter"), ("hrc", "ICCPR-9-1", "same_matter_allowed")],
)
def test_a_pending_wgad_petition_is_judged_per_forum(forum, provision, code):
    case = litigate.Case(
        forum=forum,
        respondent="AZE",
        complaints=[litigate.Complaint(provision=provision)],
        other_procedures=[
            litigate.OtherProcedure(
                body="Working Group on Arbitrary Detention (WGAD)",
                status="pending",
                same_facts=True,
            )
        ],
    )

    codes = {
        f.code
        for f in litigate.check(case, as_of=date(2025, 1, 1))
        if f.field == "other_procedures[0]"
    }

    assert code in codes
    assert ({"same_matter", "same_matter_allowed"} - {code}).isdisjoint(codes)


@pytest.mark.parametrize(
    ("lang", "needle"),
    [
        ("en", "If domestic law requires the decision to be served (Worm v. Austria)"),
        ("fr", "Si le droit interne exige la signification de la décision (Worm c. Autriche)"),
    ],
)
def test_the_explanation_names_the_later_service_date_and_its_assumption(lang, needle):
    case = _ecthr(
        litigate.DomesticDecision(
            court="Supreme Court",
            level="cassation",
            taken_on=date(2023, 9, 12),
            pronounced_on=date(2023, 9, 12),
            served_on=date(2023, 10, 9),
        ),
        lodged_on=date(2024, 2, 1),
    )

    text = litigate.filing_window(case, as_of=date(2024, 2, 1)).explain(lang)

    assert needle in text
    assert ("9 February 2024" if lang == "en" else "9 février 2024") in text
    assert ("12 January 2024" if lang == "en" else "12 janvier 2024") in text


@pytest.mark.parametrize(
    ("lang", "needle"), [("en", "to 31 July 2020"), ("fr", "au 31 juillet 2020")]
)
def test_the_explanation_names_the_day_count_reading_of_the_suspension(lang, needle):
    case = _served(date(2019, 10, 20), date(2019, 10, 31))

    window = litigate.filing_window(case, as_of=date(2020, 5, 1))

    assert window.deadline == date(2020, 7, 30)
    assert "suspension_arguable" in window.complaints[0].codes
    assert needle in window.explain(lang)


def test_check_does_not_report_a_suspended_registry_time_limit_as_missed():
    limit = RegistryTimeLimit(
        what="Observations in reply", letter_on=date(2020, 2, 10), due_on=date(2020, 3, 20)
    )
    case = _served(date(2019, 1, 10), date(2019, 1, 15), registry_time_limits=[limit])

    codes = {f.code for f in litigate.check(case, as_of=date(2020, 5, 1))}

    assert "registry_time_limit_missed" not in codes
    late = {f.code for f in litigate.check(case, as_of=date(2020, 6, 21))}
    assert "registry_time_limit_missed" in late


def test_the_hrc_explanation_before_2012_says_only_abuse_applies():
    case = _hrc_2004()

    window = litigate.filing_window(case, as_of=date(2011, 6, 1))

    assert "abuse of the right of submission" in window.explain()
    assert "abus du droit de présenter une communication" in window.explain("fr")
