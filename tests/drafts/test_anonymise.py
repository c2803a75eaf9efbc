"""The public version of a case: no applicant's name or particulars survive."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import litigate
import litigate.casefile
from litigate.drafts.anonymise import PLACEHOLDERS, anonymisation_map, anonymise, scrub
from litigate.drafts.filters import initials
from litigate.errors import InputError
from tests.strategies import cases

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").glob("*/case.toml"))
PERSONAL = ("address", "email", "phone", "id_number", "detained_at", "place_of_birth")


def _whole_word(text: str, needle: str) -> bool:
    pattern = rf"(?<!\w){re.escape(needle)}(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


def _name_parts(name: str) -> list[str]:
    return [p for p in re.findall(r"[^\W\d_]+", name) if len(p) >= 3]


def test_there_are_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
class TestExamples:
    def test_nothing_identifying_survives_in_the_dump(self, path):
        case = litigate.load_case(path)
        public = anonymise(case)
        dumped = litigate.dump_case(public)
        for applicant in case.applicants:
            if applicant.is_person or applicant.anonymity_requested:
                assert not _whole_word(dumped, applicant.name), applicant.name
                for part in _name_parts(applicant.name):
                    assert not _whole_word(dumped, part), part
            for field in PERSONAL:
                value = getattr(applicant, field)
                if value:
                    assert value not in dumped, (field, value)
            if applicant.date_of_birth:
                assert applicant.date_of_birth.isoformat() not in dumped
        for representative in case.representatives:
            for field in ("address", "email", "phone"):
                value = getattr(representative, field)
                if value:
                    assert value not in dumped, (field, value)

    def test_anonymised_case_loads_back(self, path):
        public = anonymise(litigate.load_case(path))
        assert litigate.load_case(litigate.casefile.case_to_dict(public)) == public

    def test_idempotent(self, path):
        public = anonymise(litigate.load_case(path))
        assert anonymise(public) == public
        assert anonymisation_map(public) == {}

    def test_structure_is_kept(self, path):
        case = litigate.load_case(path)
        public = anonymise(case)
        assert public.forum == case.forum
        assert public.respondent == case.respondent
        assert [c.provision for c in public.complaints] == [c.provision for c in case.complaints]
        assert [d.taken_on for d in public.proceedings] == [d.taken_on for d in case.proceedings]
        assert len(public.documents) == len(case.documents)
        assert [r.name for r in public.representatives] == [
            r.name for r in case.representatives
        ]  # the examples' representatives are lawyers and NGOs

    def test_title_uses_the_initial(self, path):
        case = litigate.load_case(path)
        public = anonymise(case)
        assert public.title is not None
        if " v. " not in (case.title or ""):
            # A follow-up submission's title names no person: it is kept as it is.
            assert public.title == case.title
            return
        assert public.title.endswith(" v. Azerbaijan")
        assert re.fullmatch(r"(?:\w\.)+ v\. Azerbaijan", public.title), public.title


def _case(**kwargs: object) -> litigate.Case:
    fields: dict[str, object] = {"forum": "ecthr", "respondent": "AZE"}
    fields.update(kwargs)
    return litigate.Case(**fields)  # type: ignore[arg-type]


class TestDecisions:
    def test_journalist_title(self):
        case = litigate.load_case(
            Path(__file__).parents[2] / "examples/journalist-detention/case.toml"
        )
        public = anonymise(case)
        assert public.title == "M. v. Azerbaijan"
        assert public.applicants[0].name == "G.M."
        assert public.facts is not None and public.facts.startswith("G.M., an investigative")

    def test_person_particulars_are_removed_but_public_facts_kept(self):
        person = litigate.Applicant.person(
            name="Rauf Əliyev",
            date_of_birth=date(1984, 3, 2),
            place_of_birth="Ganja",
            nationality="AZE",
            sex="male",
            occupation="journalist",
            address="1 Nizami street",
            email="rauf@example.org",
            phone="+994 50 000 00 00",
            id_number="AZE1234567",
            detained_at="Prison No. 1",
        )
        public = anonymise(_case(applicants=[person])).applicants[0]
        assert public.name == "R.Ə."
        for field in (*PERSONAL, "date_of_birth"):
            assert getattr(public, field) is None, field
        assert (public.nationality, public.sex, public.occupation) == (
            "AZE",
            person.sex,
            "journalist",
        )

    def test_organisation_keeps_its_name_unless_anonymity_requested(self):
        ngo = litigate.Applicant.organisation(
            name="Free Press Union", registration_no="1400-123", email="info@example.org"
        )
        public = anonymise(_case(applicants=[ngo])).applicants[0]
        assert (public.name, public.registration_no, public.email) == (
            "Free Press Union",
            "1400-123",
            None,
        )
        secret = attrs.evolve(ngo, anonymity_requested=True)
        public = anonymise(
            _case(applicants=[secret], facts="Free Press Union, no. 1400-123")
        ).applicants[0]
        assert (public.name, public.registration_no) == ("F.P.U.", None)

    def test_group_is_treated_like_an_organisation(self):
        group = litigate.Applicant.group(name="Residents of Zabrat", phone="+994 1")
        public = anonymise(_case(applicants=[group])).applicants[0]
        assert (public.name, public.phone) == ("Residents of Zabrat", None)

    def test_lawyers_keep_their_name_relatives_do_not(self):
        lawyer = litigate.Representative(
            name="Leyla Hasanova",
            capacity="lawyer",
            organisation="Law Office No. 1",
            bar_no="ABA-1",
            address="1 Court street",
            email="leyla@example.org",
            phone="+994 12 000",
        )
        mother = litigate.Representative(name="Sevinj Aliyeva", capacity="relative")
        case = _case(
            representatives=[lawyer, mother],
            facts="Ms Sevinj Aliyeva, the applicant's mother, instructed Ms Leyla Hasanova.",
        )
        public = anonymise(case)
        kept = public.representatives[0]
        assert (kept.name, kept.organisation, kept.bar_no) == (
            "Leyla Hasanova",
            "Law Office No. 1",
            "ABA-1",
        )
        assert (kept.address, kept.email, kept.phone) == (None, None, None)
        assert public.representatives[1].name == "S.A."
        assert public.facts == "Ms S.A., the applicant's mother, instructed Ms Leyla Hasanova."

    def test_free_texts_everywhere_are_scrubbed(self):
        person = litigate.Applicant.person(name="Nijat Sultanli", email="n.s@example.net")
        case = _case(
            applicants=[person],
            title="Sultanli v. Azerbaijan",
            complaints=[
                litigate.Complaint(
                    provision="ECHR-10", summary="SULTANLI was convicted", label="Nijat's posts"
                )
            ],
            proceedings=[
                litigate.DomesticDecision(
                    id="d1",
                    court="Lankaran District Court",
                    level="first_instance",
                    taken_on=date(2022, 11, 29),
                    outcome="Sultanli convicted; write to n.s@example.net",
                    documents=[litigate.Document(title="Judgment against Nijat Sultanli")],
                )
            ],
            documents=[litigate.Document(title="Sultanli's Facebook posts")],
        )
        public = anonymise(case)
        assert public.title == "S. v. Azerbaijan"
        assert public.complaints[0].summary == "S. was convicted"
        assert public.complaints[0].label == "N.'s posts"
        assert public.proceedings[0].outcome == "S. convicted; write to [e-mail]"
        assert public.proceedings[0].documents[0].title == "Judgment against N.S."
        assert public.documents[0].title == "S.'s Facebook posts"
        assert public.proceedings[0].court == "Lankaran District Court"

    def test_date_of_birth_in_text(self):
        person = litigate.Applicant.person(name="Ali Veli", date_of_birth=date(1990, 1, 25))
        case = _case(applicants=[person], facts="Born on 25 January 1990 (25.01.1990).")
        assert anonymise(case).facts == "Born on [date of birth] ([date of birth])."

    def test_short_name_parts_are_left_alone_in_text(self):
        person = litigate.Applicant.person(name="Li Na")
        case = _case(applicants=[person], facts="Li Na met Li.")
        assert anonymise(case).facts == "L.N. met Li."

    def test_words_containing_a_name_are_left_alone(self):
        person = litigate.Applicant.person(name="Ali Karimov")
        case = _case(applicants=[person], facts="Ali met Alibeyli and the Karimovs; ali's car.")
        assert anonymise(case).facts == "A. met Alibeyli and the Karimovs; A.'s car."

    def test_refuses_a_non_case(self):
        with pytest.raises(InputError, match=r"expected a litigate\.Case"):
            anonymise({"forum": "ecthr"})  # type: ignore[arg-type]


class TestMapAndScrub:
    def test_map(self):
        person = litigate.Applicant.person(
            name="Gunay Mirzazade", address="41 Khagani street", phone="+994 50 1"
        )
        mapping = anonymisation_map(_case(applicants=[person]))
        assert mapping == {
            "41 Khagani street": PLACEHOLDERS["address"],
            "Gunay Mirzazade": "G.M.",
            "+994 50 1": PLACEHOLDERS["phone"],
            "Mirzazade": "M.",
            "Gunay": "G.",
        }
        assert list(mapping) == sorted(mapping, key=len, reverse=True)

    def test_scrub_longest_first_and_case_insensitive(self):
        mapping = {"Gunay": "G.", "Gunay Mirzazade": "G.M.", "Mirzazade": "M."}
        assert scrub("gunay mirzazade / GUNAY / Mirzazade", mapping) == "G.M. / G. / M."

    def test_scrub_is_one_pass(self):
        assert scrub("Ann Bob", {"Ann": "Bob", "Bob": "Cat"}) == "Bob Cat"

    def test_scrub_azerbaijani_capitals(self):
        mapping = {"İlham Əliyev": "İ.Ə.", "İlham": "İ.", "Əliyev": "Ə."}
        assert scrub("İLHAM ƏLIYEV, ılham, ilham, ƏLİYEV", mapping) == "İ.Ə., İ., İ., Ə."

    def test_scrub_reuses_the_compiled_map(self):
        mapping = {"Mirzazade": "M."}
        assert scrub("Mirzazade", mapping) == scrub("MIRZAZADE", mapping) == "M."

    def test_scrub_with_empty_map(self):
        assert scrub("text", {}) == "text"

    def test_scrub_refuses_non_text(self):
        with pytest.raises(InputError, match="expected text"):
            scrub(b"bytes", {})  # type: ignore[arg-type]


LATIN = "abcdefghijklmnopqrstuvwxyz"
AZERBAIJANI = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
NAME_PART = st.one_of(
    *(st.text(alphabet=a, min_size=3, max_size=12) for a in (LATIN, AZERBAIJANI, CYRILLIC))
).map(str.capitalize)
NAMES = st.lists(NAME_PART, min_size=1, max_size=4).map(" ".join)


@given(name=NAMES, upper=st.booleans())
def test_generated_names_never_survive_in_facts(name, upper):
    written = name.upper() if upper else name
    facts = f"On 03.05.2025 {written} was arrested. ({written}) — {written}'s lawyer complained."
    case = _case(applicants=[litigate.Applicant.person(name=name)], facts=facts)
    public = anonymise(case)
    assert public.facts is not None
    for part in _name_parts(name):
        assert not _whole_word(public.facts, part), (part, public.facts)
    assert "On 03.05.2025 " in public.facts
    assert anonymise(public) == public


@given(case=cases())
def test_any_case_can_be_anonymised(case):
    public = anonymise(case)
    assert anonymise(public) == public
    for applicant, before in zip(public.applicants, case.applicants, strict=True):
        assert applicant.address is None
        assert applicant.phone is None
        if before.is_person:
            assert applicant.date_of_birth is None
            assert applicant.name == (initials(before.name) or before.name)


def test_initials_are_one_letter_each_even_for_sharp_s():
    from litigate.drafts.filters import initials

    assert initials("ß") == "S."
    assert initials(initials("ß")) == "S."
