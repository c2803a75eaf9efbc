"""Acceptance of procedures, admissibility findings, procedural deadlines, rule overrides."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

import litigate
import litigate.casefile
from litigate.errors import InputError, RuleDataError, UnknownStateError
from litigate.procedure import (
    RateTable,
    RegistryTimeLimit,
    default_interest,
    judgment_final_on,
    payment_due,
    referral_deadline,
    registry_time_limit,
)


class TestAcceptance:
    def test_azerbaijan_hrc(self):
        a = litigate.acceptance("AZE", "hrc", on=date(2002, 2, 27))

        assert a.accepted is True
        assert a.in_force_from == date(2002, 2, 27)
        assert a.sources

    def test_before_entry_into_force(self):
        assert litigate.acceptance("AZE", "hrc", on=date(2002, 2, 26)).accepted is False

    def test_belarus_denunciation(self):
        """The effective day is outside (A/53/40 para. 78 (b), Jamaica)."""
        assert litigate.acceptance("BLR", "hrc", on=date(2023, 2, 7)).accepted is True
        assert litigate.acceptance("BLR", "hrc", on=date(2023, 2, 8)).accepted is False

    def test_russia_left_the_convention(self):
        a = litigate.acceptance("RUS", "ecthr", on=date(2022, 9, 17))

        assert a.accepted is False
        assert a.until == date(2022, 9, 16)

    def test_kazakhstan_temporal_declaration(self):
        a = litigate.acceptance("KAZ", "hrc")

        assert any(r.kind == "temporal" for r in a.reservations)
        assert a.temporal_from == date(2009, 9, 30)

    def test_no_data_is_not_a_guess(self):
        a = litigate.acceptance("GBR", "hrc", on=date(2020, 1, 1))

        assert a.status == "no_data"
        assert a.accepted is None

    def test_unknown_state(self):
        with pytest.raises(UnknownStateError):
            litigate.acceptance("XXX", "hrc")


class TestCheck:
    def test_temporal_bar_before_time_limit(self):
        """A.H.A. v. Spain logic: competence ratione temporis is checked first."""
        case = litigate.Case(
            forum="hrc",
            respondent="AZE",
            complaints=[
                litigate.Complaint(
                    provision="ICCPR-14-1", events_from=date(2001, 5, 1), summary="x"
                )
            ],
            proceedings=[
                litigate.DomesticDecision(court="Supreme Court", taken_on=date(2001, 9, 1))
            ],
            lodged_on=date(2013, 1, 10),
        )
        codes = [f.code for f in litigate.check(case, as_of=date(2013, 1, 10))]

        assert "ratione_temporis" in codes
        assert "presumption_of_abuse" in codes
        assert codes.index("ratione_temporis") < codes.index("presumption_of_abuse")

    def test_low_confidence_not_accepted_is_a_warning(self):
        """Issue 14 point 7: a low-confidence or stale 'not accepted' row is never an error."""
        case = litigate.Case(
            forum="crc", respondent="AZE", complaints=[litigate.Complaint(provision="CRC-37")]
        )
        (first, *_) = litigate.check(case, as_of=date(2025, 1, 1))

        assert first.code == "procedure_not_accepted"
        assert first.severity is litigate.Severity.WARNING
        assert "OP3-CRC" in str(first)
        assert "verify" in first.message

    def test_protocol_not_ratified(self):
        case = litigate.Case(
            forum="ecthr",
            respondent="AZE",
            complaints=[litigate.Complaint(provision="ECHR-P12-1")],
        )
        findings = litigate.check(case, as_of=date(2025, 1, 1))

        assert any(
            f.code == "procedure_not_accepted" and "ECHR-P12" in f.message for f in findings
        )

    def test_same_matter_cat_bars_examined(self):
        case = litigate.Case(
            forum="cat",
            respondent="AZE",
            complaints=[litigate.Complaint(provision="CAT-16")],
            other_procedures=[
                litigate.OtherProcedure(
                    body="ecthr",
                    reference="no. 1/20",
                    lodged_on=date(2020, 1, 1),
                    concluded_on=date(2022, 1, 1),
                    status="concluded",
                    same_facts=True,
                )
            ],
        )
        same = [
            f
            for f in litigate.check(case, as_of=date(2025, 1, 1))
            if f.code.startswith("same_matter")
        ]

        assert [f.code for f in same] == ["same_matter"]
        assert same[0].severity is litigate.Severity.ERROR

    def test_same_matter_hrc_only_pending_bars(self):
        examined = litigate.OtherProcedure(
            body="ecthr",
            reference="no. 31864/23",
            lodged_on=date(2023, 10, 26),
            concluded_on=date(2024, 3, 21),
            status="inadmissible",
            same_facts=True,
        )
        case = litigate.Case(
            forum="hrc",
            respondent="AZE",
            complaints=[litigate.Complaint(provision="ICCPR-19-2")],
            other_procedures=[examined],
        )
        same = [
            f
            for f in litigate.check(case, as_of=date(2025, 1, 1))
            if f.code.startswith("same_matter")
        ]

        assert [f.code for f in same] == ["same_matter_allowed"]

    def test_rule47_completeness(self):
        case = litigate.Case(
            forum="ecthr",
            respondent="AZE",
            applicants=[litigate.Applicant.person(name="A", anonymity_requested=True)],
            representatives=[litigate.Representative(name="B")],
            complaints=[litigate.Complaint(provision="ECHR-14")],
        )
        codes = {f.code for f in litigate.check(case, as_of=date(2025, 1, 1))}

        assert {
            "rule47_applicant_particulars",
            "rule47_representative_particulars",
            "rule47_authority",
            "rule47_facts",
            "rule47_complaints",
            "rule47_article_35_compliance",
            "rule47_documents",
            "rule47_anonymity_reasons",
            "accessory_alone",
        } <= codes

    def test_complete_example_has_no_rule47_error(self):
        case = litigate.load_case(
            Path(__file__).parents[2] / "examples" / "custody-ill-treatment" / "case.toml"
        )
        errors = [
            f
            for f in litigate.check(case, as_of=date(2026, 11, 23))
            if f.code.startswith("rule47") and f.severity is litigate.Severity.ERROR
        ]

        assert [str(f) for f in errors] == []

    def test_findings_read_as_sentences(self):
        case = litigate.Case(
            forum="ecthr", respondent="AZE", complaints=[litigate.Complaint(provision="ECHR-3")]
        )
        text = str(litigate.check(case, as_of=date(2025, 1, 1))[0])

        assert text.startswith(("ERROR: ", "WARNING: ", "INFO: "))


class TestProcedure:
    def test_referral_and_finality(self):
        assert referral_deadline(date(2024, 1, 15)).date == date(2024, 4, 15)
        final = judgment_final_on(date(2011, 9, 20), formation="chamber")
        grand = judgment_final_on(date(2011, 9, 20), formation="grand_chamber")
        assert final is not None
        assert grand is not None
        assert final.date == date(2011, 12, 20)
        assert grand.date == date(2011, 9, 20)
        rejected = judgment_final_on(
            date(2011, 9, 20), formation="chamber", referral_rejected_on=date(2012, 2, 1)
        )
        assert rejected is not None
        assert rejected.date == date(2012, 2, 1)
        assert payment_due(date(2011, 12, 20)).date == date(2012, 3, 20)

    def test_month_end_is_flagged(self):
        d = referral_deadline(date(2023, 11, 30))

        assert d.date == date(2024, 2, 29)
        assert "month_end" in {w.code for w in d.warnings}

    def test_follow_up(self):
        assert litigate.procedure.follow_up_due(date(2022, 7, 19), forum="hrc").date == date(
            2023, 1, 15
        )
        assert litigate.procedure.follow_up_due(date(2021, 12, 12), forum="cat").date == date(
            2022, 3, 12
        )

    def test_registry_limit_recorded_not_guessed(self):
        with pytest.raises(InputError, match="due_on"):
            RegistryTimeLimit(what="Reply", letter_on=date(2013, 1, 11), due_on=date(2013, 1, 1))
        limit = RegistryTimeLimit(
            what="Reply",
            letter_on=date(2013, 1, 11),
            due_on=date(2013, 3, 15),
            extended_to=date(2013, 4, 15),
        )

        assert registry_time_limit(limit, as_of=date(2013, 3, 1)).date == date(2013, 4, 15)

    def test_default_interest(self):
        table = RateTable.from_csv("date,rate\n2023-09-20,4.75\n2024-06-12,4.50", source="ECB")
        interest, steps = default_interest(
            Decimal(10000), due=date(2024, 5, 31), paid=date(2024, 6, 30), rates=table
        )

        # 11 days at 7.75 % and 19 days at 7.50 %, on a 366-day year
        expected = (
            Decimal(10000) * Decimal("0.0775") * 11 / 366
            + Decimal(10000) * Decimal("0.075") * 19 / 366
        )
        assert interest == expected.quantize(Decimal("0.01"))
        assert len(steps) == 2

    def test_bad_rate_table(self):
        with pytest.raises(InputError, match="line 2"):
            RateTable.from_csv("2024-01-01,4.5\nnot a line", source="x")


class TestOverrides:
    def test_firm_override_replaces_a_rule(self, tmp_path: Path):
        override = tmp_path / "firm.toml"
        override.write_text(
            """schema_version = 1
forum = "ecthr"
name = "European Court of Human Rights"

[[sources]]
id = "firm-review"
title = "Reviewed by the firm on 1 March 2026"
url = "https://example.org/review"

[[deadlines]]
id = "ecthr.referral"
title = "Referral (firm's reviewed rule)"
period = { months = 3 }
start = "judgment"
sources = ["firm-review"]
confidence = "high"
status = "reviewed"

[[deadlines.examples]]
name = "x"
start = 2024-01-15
expect = 2024-04-15
""",
            encoding="utf-8",
        )
        rules = litigate.load_rules(override)
        d = referral_deadline(date(2024, 1, 15), rules=rules)

        assert d.steps[0].text.startswith("Referral (firm's reviewed rule)")
        assert "firm.toml" in rules.origins[-1]

    def test_override_with_unknown_key_is_refused(self, tmp_path: Path):
        bad = tmp_path / "bad.toml"
        bad.write_text(
            'schema_version = 1\nforum = "ecthr"\nname = "x"\nsources = []\ncolour = "red"\n',
            encoding="utf-8",
        )

        with pytest.raises(RuleDataError, match="colour"):
            litigate.load_rules(bad)


class TestMoreCases:
    def test_aha_v_spain_temporal_bar_comes_before_the_time_limit(self):
        case = litigate.Case(
            forum="crc",
            respondent="ESP",
            complaints=[litigate.Complaint(provision="CRC-3", summary="Age assessment")],
            proceedings=[
                litigate.DomesticDecision(court="Audiencia Provincial", taken_on=date(2013, 9, 17))
            ],
            lodged_on=date(2014, 9, 23),
        )
        codes = [f.code for f in litigate.check(case, as_of=date(2014, 9, 23))]

        assert codes.index("ratione_temporis") < codes.index("lodged_out_of_time")

    def test_lapshin_belarus_denunciation_does_not_affect_a_2017_communication(self):
        assert litigate.acceptance("BLR", "hrc", on=date(2017, 2, 1)).accepted is True
        assert litigate.procedure.follow_up_due(date(2022, 7, 19), forum="hrc").date == date(
            2023, 1, 15
        )

    def test_registry_time_limits_on_the_case(self):
        limit = litigate.RegistryTimeLimit(
            what="Observations in reply and just-satisfaction claims",
            letter_on=date(2026, 10, 1),
            due_on=date(2026, 12, 1),
        )
        case = litigate.Case(forum="ecthr", respondent="AZE", registry_time_limits=[limit])
        soon = [
            f
            for f in litigate.check(case, as_of=date(2026, 11, 23))
            if f.code.startswith("registry")
        ]
        late = [
            f
            for f in litigate.check(case, as_of=date(2026, 12, 2))
            if f.code.startswith("registry")
        ]

        assert [f.code for f in soon] == ["registry_time_limit_imminent"]
        assert "before it expires" in soon[0].message
        assert [f.code for f in late] == ["registry_time_limit_missed"]
        assert litigate.load_case(litigate.casefile.case_to_dict(case)) == case

    def test_cat_concluding_observations_follow_up(self):
        fallback = litigate.procedure.co_follow_up_due(date(2024, 11, 27))
        stated = litigate.procedure.co_follow_up_due(
            date(2024, 11, 27), stated_due=date(2025, 11, 28)
        )

        assert fallback.date == date(2025, 11, 27)
        assert "stated_date_missing" in {w.code for w in fallback.warnings}
        assert stated.date == date(2025, 11, 28)


def _regime_change_case() -> litigate.Case:
    """Cassation taken before 1 February 2022, a doubtful constitutional remedy after it."""
    safe = litigate.DomesticDecision(
        id="c", court="Supreme Court", taken_on=date(2022, 1, 20), pronounced_on=date(2022, 1, 20)
    )
    doubtful = litigate.DomesticDecision(
        id="k",
        court="Constitutional Court",
        level="constitutional",
        remedy="doubtful",
        taken_on=date(2022, 3, 1),
        pronounced_on=date(2022, 3, 1),
    )
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        complaints=[litigate.Complaint(provision="ECHR-6-1")],
        proceedings=[safe, doubtful],
    )


class TestReviewFixes:
    def test_russia_facts_before_the_end_date_lodged_later_are_not_refused(self):
        case = litigate.Case(
            forum="ecthr",
            respondent="RUS",
            complaints=[litigate.Complaint(provision="ECHR-5-1", events_from=date(2022, 5, 1))],
            proceedings=[
                litigate.DomesticDecision(
                    court="Supreme Court",
                    taken_on=date(2022, 9, 1),
                    pronounced_on=date(2022, 9, 1),
                )
            ],
            lodged_on=date(2022, 12, 20),
        )
        codes = {f.code for f in litigate.check(case, as_of=date(2022, 12, 20))}

        assert "procedure_not_accepted" not in codes
        assert "ratione_temporis" not in codes

    def test_turkiye_individual_petition_from_1987(self):
        case = litigate.Case(
            forum="ecthr",
            respondent="TUR",
            complaints=[litigate.Complaint(provision="ECHR-3", events_from=date(1980, 9, 12))],
            proceedings=[
                litigate.DomesticDecision(
                    court="Court of Cassation",
                    taken_on=date(1988, 3, 1),
                    pronounced_on=date(1988, 3, 1),
                )
            ],
        )
        (w,) = litigate.filing_window(case, as_of=date(1988, 4, 1)).complaints

        assert "ratione_temporis" in w.codes
        assert any("28 January 1987" in n.message for n in w.warnings)

    def test_hrc_presumption_is_not_a_bar(self):
        case = litigate.Case(
            forum="hrc",
            respondent="AZE",
            complaints=[litigate.Complaint(provision="ICCPR-14-1", summary="x")],
            proceedings=[
                litigate.DomesticDecision(court="Supreme Court", taken_on=date(2015, 3, 10))
            ],
            lodged_on=date(2021, 3, 11),
        )
        findings = litigate.check(case, as_of=date(2021, 3, 11))
        window = litigate.filing_window(case, as_of=date(2021, 3, 11))

        assert "lodged_out_of_time" not in {f.code for f in findings}
        assert "presumption_of_abuse" in {f.code for f in findings}
        assert "presumed to be an abuse" in window.explain()
        assert "the delay must be justified" in window.explain()
        assert "présumée constituer un abus" in window.explain("fr")

    def test_steps_cite_the_rule_that_applies(self):
        case = litigate.Case(
            forum="ecthr",
            respondent="AZE",
            complaints=[litigate.Complaint(provision="ECHR-6-1")],
            proceedings=[
                litigate.DomesticDecision(
                    court="Supreme Court",
                    taken_on=date(2023, 5, 2),
                    served_on=date(2023, 5, 9),
                    service_required=True,
                )
            ],
        )
        (w,) = litigate.filing_window(case, as_of=date(2023, 6, 1)).complaints

        assert {s.rule_id for s in w.steps if s.rule_id} == {"ecthr.time_limit.four_months"}

    def test_each_scenario_has_its_own_regime(self):
        case = _regime_change_case()
        (w,) = litigate.filing_window(case, as_of=date(2022, 3, 2)).complaints

        # Counting the doubtful remedy moves the decision past 1 February 2022, so the four-month
        # rule applies to it and gives the EARLIER date: that one is the safe deadline.
        assert [(s.name, s.rule_id, s.deadline) for s in w.scenarios] == [
            ("safe", "ecthr.time_limit.four_months", date(2022, 7, 1)),
            ("arguable", "ecthr.time_limit.six_months", date(2022, 7, 20)),
        ]
        assert w.deadline == date(2022, 7, 1)

    def test_taken_date_is_a_plausible_start_when_nothing_says_otherwise(self):
        case = litigate.Case(
            forum="ecthr",
            respondent="AZE",
            complaints=[litigate.Complaint(provision="ECHR-6-1")],
            proceedings=[
                litigate.DomesticDecision(
                    court="Supreme Court", taken_on=date(2023, 5, 2), served_on=date(2023, 5, 20)
                )
            ],
        )
        (w,) = litigate.filing_window(case, as_of=date(2023, 6, 1)).complaints

        assert w.deadline == date(2023, 9, 2)
        assert w.arguable_deadline == date(2023, 9, 20)
        assert "taken_as_known" in w.codes

    def test_window_rule_is_the_safe_scenarios_rule(self):
        case = _regime_change_case()
        window = litigate.filing_window(case, as_of=date(2022, 3, 2))

        assert window.complaints[0].rule_id == "ecthr.time_limit.four_months"
        assert "four-month" in window.explain()
