"""The domain model: validation names the field and the value; values are frozen."""

from __future__ import annotations

from datetime import date

import attrs
import pytest

import litigate
from litigate.errors import UnknownProvisionError, ValidationError
from litigate.model import ApplicantKind, Forum, Level


def decision(**kw):
    return litigate.DomesticDecision(**{"court": "Baku Court of Appeal", **kw})


class TestApplicant:
    def test_person_needs_only_a_name(self):
        a = litigate.Applicant.person(name="Rauf Əliyev")

        assert a.kind is ApplicantKind.PERSON
        assert a.date_of_birth is None

    def test_organisation_and_group(self):
        org = litigate.Applicant.organisation(name="Free Press Union", registration_no="1401")
        grp = litigate.Applicant.group(name="Residents of Nardaran")

        assert org.kind is ApplicantKind.ORGANISATION
        assert grp.kind is ApplicantKind.GROUP

    @pytest.mark.parametrize(
        ("kwargs", "field"),
        [
            ({"name": ""}, "name"),
            ({"name": "   "}, "name"),
            ({"name": 5}, "name"),
            ({"name": "A", "date_of_birth": "1984-03-02"}, "date_of_birth"),
            ({"name": "A", "sex": "unknown"}, "sex"),
            ({"name": "A", "email": "not-an-address"}, "email"),
            ({"name": "A\x00B"}, "name"),
            ({"name": "A", "anonymity_requested": "yes"}, "anonymity_requested"),
            ({"name": "A", "anonymity_reasons": "risk of reprisals"}, "anonymity_reasons"),
            ({"name": "A", "registration_no": "1"}, "registration_no"),
        ],
    )
    def test_bad_values_name_field_and_value(self, kwargs, field):
        with pytest.raises(ValidationError) as info:
            litigate.Applicant(**kwargs)

        assert info.value.field == field
        assert repr(info.value.value)[:10] in str(info.value)

    def test_organisation_refuses_person_fields(self):
        with pytest.raises(ValidationError, match="no date_of_birth") as info:
            litigate.Applicant.organisation(name="NGO", date_of_birth=date(2000, 1, 1))

        assert info.value.field == "date_of_birth"

    def test_frozen(self):
        a = litigate.Applicant.person(name="A")

        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            a.name = "B"  # type: ignore[misc]

    def test_keyword_only(self):
        with pytest.raises(TypeError):
            litigate.Applicant("person", "A")  # type: ignore[call-arg]

    def test_validation_error_is_a_value_error(self):
        with pytest.raises(ValueError, match="must not be blank"):
            litigate.Applicant(name=" ")


class TestDecision:
    @pytest.mark.parametrize(
        "field", ["pronounced_on", "served_on", "served_on_representative", "known_on"]
    )
    def test_nothing_happens_before_the_decision_is_taken(self, field):
        with pytest.raises(ValidationError, match="cannot be before taken_on") as info:
            decision(taken_on=date(2023, 9, 12), **{field: date(2023, 9, 11)})

        assert info.value.field == field

    def test_same_day_is_fine(self):
        d = decision(taken_on=date(2023, 9, 12), served_on=date(2023, 9, 12))

        assert d.dates == (date(2023, 9, 12), date(2023, 9, 12))

    def test_unknown_level_and_remedy(self):
        with pytest.raises(ValidationError, match="'appeal'"):
            decision(level="appellate")
        with pytest.raises(ValidationError, match="'ordinary'"):
            decision(remedy="normal")

    def test_levels_are_ranked(self):
        ranks = [Level.FIRST_INSTANCE.rank, Level.APPEAL.rank, Level.CASSATION.rank]
        assert ranks == [1, 2, 3]
        assert Level.OTHER.rank is None

    def test_documents_must_be_documents(self):
        with pytest.raises(ValidationError, match="Document"):
            decision(documents=["judgment.pdf"])

    def test_documents_pages(self):
        with pytest.raises(ValidationError, match="pages"):
            litigate.Document(title="Judgment", pages=0)


class TestComplaint:
    def test_provision_is_normalised(self):
        assert litigate.Complaint(provision="echr 6 3 c").provision == "ECHR-6-3-c"

    def test_unknown_provision_suggests(self):
        with pytest.raises(UnknownProvisionError) as info:
            litigate.Complaint(provision="ECHR-5-6")

        assert info.value.field == "provision"
        assert info.value.suggestions
        assert all(s.startswith("ECHR-5") for s in info.value.suggestions)

    def test_situation_end_needs_a_continuing_situation(self):
        with pytest.raises(ValidationError, match="continuing") as info:
            litigate.Complaint(provision="ECHR-5-3", situation_ended_on=date(2024, 1, 1))

        assert info.value.field == "situation_ended_on"

    def test_situation_cannot_end_before_it_began(self):
        with pytest.raises(ValidationError, match="before events_from"):
            litigate.Complaint(
                provision="ECHR-5-3",
                continuing=True,
                events_from=date(2024, 1, 2),
                situation_ended_on=date(2024, 1, 1),
            )

    def test_in_conjunction_with(self):
        c = litigate.Complaint(provision="ECHR-13", in_conjunction_with=["echr-3"])

        assert c.in_conjunction_with == ("ECHR-3",)
        with pytest.raises(ValidationError, match="with itself"):
            litigate.Complaint(provision="ECHR-13", in_conjunction_with=["ECHR-13"])


class TestCase:
    def test_respondent_string_becomes_tuple(self):
        assert litigate.Case(forum="ecthr", respondent="AZE").respondent == ("AZE",)

    def test_several_respondents_only_before_the_court(self):
        assert litigate.Case(forum="ecthr", respondent=["AZE", "ARM"]).respondent == ("AZE", "ARM")
        with pytest.raises(ValidationError, match="one State party"):
            litigate.Case(forum="hrc", respondent=["AZE", "ARM"])

    def test_unknown_state(self):
        with pytest.raises(ValidationError, match="did you mean 'AZE'") as info:
            litigate.Case(forum="ecthr", respondent="AZ")

        assert info.value.field == "respondent[0]"

    def test_unknown_forum(self):
        with pytest.raises(ValidationError, match="'ecthr'") as info:
            litigate.Case(forum="echr", respondent="AZE")

        assert info.value.field == "forum"

    def test_provision_must_belong_to_forum(self):
        with pytest.raises(ValidationError, match="cannot be invoked before hrc") as info:
            litigate.Case(
                forum="hrc", respondent="AZE", complaints=[litigate.Complaint(provision="ECHR-3")]
            )

        assert info.value.field == "complaints[0].provision"

    def test_proceedings_are_sorted(self):
        late = decision(court="Supreme Court", level="cassation", taken_on=date(2024, 3, 1))
        early = decision(
            court="Khatai District Court", level="first_instance", taken_on=date(2023, 5, 1)
        )
        case = litigate.Case(forum="ecthr", respondent="AZE", proceedings=[late, early])

        assert case.proceedings == (early, late)

    def test_exhausted_by_must_name_a_decision(self):
        with pytest.raises(ValidationError, match="no decision with id 'appeal'") as info:
            litigate.Case(
                forum="ecthr",
                respondent="AZE",
                complaints=[litigate.Complaint(provision="ECHR-5-4", exhausted_by=["appeal"])],
            )

        assert info.value.field == "complaints[0].exhausted_by[0]"

    def test_decisions_for_complaint(self):
        a = decision(id="a", taken_on=date(2023, 1, 1))
        b = decision(id="b", taken_on=date(2023, 2, 1))
        c1 = litigate.Complaint(provision="ECHR-5-4", exhausted_by=["b"])
        c2 = litigate.Complaint(provision="ECHR-6-1")
        case = litigate.Case(
            forum="ecthr", respondent="AZE", proceedings=[b, a], complaints=[c1, c2]
        )

        assert case.decisions_for(c1) == (b,)
        assert case.decisions_for(c2) == (a, b)

    def test_higher_instance_cannot_decide_before_the_decision_it_reviewed(self):
        first = decision(
            id="first",
            court="Khatai District Court",
            level="first_instance",
            taken_on=date(2024, 5, 1),
        )
        appeal = decision(id="appeal", level="appeal", taken_on=date(2024, 4, 1), reviews="first")

        with pytest.raises(ValidationError, match="cannot review the later decision") as info:
            litigate.Case(forum="ecthr", respondent="AZE", proceedings=[first, appeal])

        assert info.value.field == "proceedings[1].taken_on"

    def test_lower_instance_cannot_review_higher(self):
        top = decision(id="top", level="cassation", taken_on=date(2024, 5, 1))
        low = decision(id="low", level="first_instance", taken_on=date(2024, 6, 1), reviews="top")

        with pytest.raises(ValidationError, match="cannot review a cassation decision"):
            litigate.Case(forum="ecthr", respondent="AZE", proceedings=[top, low])

    def test_review_reference_must_exist_and_ids_be_unique(self):
        with pytest.raises(ValidationError, match="no decision with id 'x' to review"):
            litigate.Case(
                forum="ecthr", respondent="AZE", proceedings=[decision(id="a", reviews="x")]
            )
        with pytest.raises(ValidationError, match="two decisions have the id 'a'"):
            litigate.Case(
                forum="ecthr", respondent="AZE", proceedings=[decision(id="a"), decision(id="a")]
            )
        with pytest.raises(ValidationError, match="review itself"):
            litigate.Case(
                forum="ecthr", respondent="AZE", proceedings=[decision(id="a", reviews="a")]
            )

    def test_language(self):
        with pytest.raises(ValidationError, match="two-letter"):
            litigate.Case(forum="ecthr", respondent="AZE", language="English")

    def test_forum_enum(self):
        assert Forum("cescr").is_un_treaty_body
