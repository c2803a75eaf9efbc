"""Comments on the State party's observations before the UN Committees (issue 16).

The fictional observations are in :mod:`tests.un_observations`.  The golden texts
(``tests/golden/replies/{karimova.hrc,aliyev.cat,huseynova.cedaw}.{en,fr}.golden``, normalised as in
``test_golden.py``) were read line by line; ``LITIGATE_UPDATE_GOLDEN=1`` rewrites them.
"""

from __future__ import annotations

import datetime as dt
import os
from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import litigate
import litigate.drafts
import litigate.parse
from litigate._court_dates import court_date
from litigate.drafts.reply import BANK_KINDS
from litigate.drafts.un_reply import UN_BANK_FORUMS, un_argument_bank
from litigate.errors import InputError
from litigate.model import Redress
from litigate.parse.observations import ADMISSIBILITY_KINDS
from tests.drafts.test_golden import normalised_text
from tests.un_observations import (
    AS_OF,
    CAT_PARAGRAPHS,
    CAT_PARTS,
    CEDAW_PARAGRAPHS,
    CEDAW_PARTS,
    HRC_PARAGRAPHS,
    HRC_PARTS,
    cat_case,
    cedaw_case,
    hrc_case,
    observations_docx,
)

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden" / "replies"
UPDATE = os.environ.get("LITIGATE_UPDATE_GOLDEN") == "1"
TEMPLATE = "un/comments-on-observations"


_PARTS = {"hrc": HRC_PARTS, "cat": CAT_PARTS, "cedaw": CEDAW_PARTS}
_CASES = {"hrc": hrc_case, "cat": cat_case, "cedaw": cedaw_case}
_NAMES = {"hrc": "karimova.hrc", "cat": "aliyev.cat", "cedaw": "huseynova.cedaw"}


@cache
def _observations(forum: str) -> litigate.parse.Observations:
    return litigate.read_observations(observations_docx(_PARTS[forum]))


def _reply(forum: str, locale: str, case: litigate.Case | None = None) -> litigate.drafts.Reply:
    if case is None:
        case = _CASES[forum]()
    return litigate.reply_skeleton(case, _observations(forum), as_of=AS_OF, locale=locale)


def test_every_objection_and_article_answered_and_every_paragraph_cited_once() -> None:
    hrc = _reply("hrc", "en")
    assert [s.key for s in hrc.sections] == [
        "facts", "objection:non_exhaustion", "objection:same_matter", "objection:time_limit",
        "objection:abuse_of_right", "article:19", "article:9",
    ]  # fmt: skip
    assert sorted(n for s in hrc.sections for n in s.answers) == list(range(1, HRC_PARAGRAPHS + 1))
    cat = _reply("cat", "en")
    assert [s.key for s in cat.sections] == [
        "facts", "objection:non_exhaustion", "objection:time_limit", "article:2", "article:12",
    ]  # fmt: skip
    assert sorted(n for s in cat.sections for n in s.answers) == list(range(1, CAT_PARAGRAPHS + 1))
    # the mission's letterhead, the title and the signature are not answered
    for reply in (hrc, cat):
        assert not any("PERMANENT MISSION" in s.heading.upper() for s in reply.sections)
        assert all("State party's observations" in s.opening for s in reply.sections)
        assert "Government" not in " ".join(s.opening + s.argument for s in reply.sections)


def test_hrc_time_of_submission_states_every_reading_that_helps() -> None:
    for locale, expected in (
        ("en", ("submitted on 17 June 2025", ("within three years of the conclusion of the other "
                "procedure of international investigation or settlement (European Court of Human "
                "Rights, no. 31864/23) on 21 March 2024, that is before 21 March 2027"),
                ("within five years of the final domestic decision (Supreme Court of the Republic "
                "of Azerbaijan, 14 June 2023), that is before 14 June 2028"), "rule 99 (c)")),
        ("fr", ("présentée le 17 juin 2025", "soit avant le 21 mars 2027",
                "Cour suprême de la République d'Azerbaïdjan, 14 juin 2023", "article 99 c)")),
    ):  # fmt: skip
        section = _reply("hrc", locale).sections[3]
        assert section.kind == "time_limit" and not section.from_bank
        for text in expected:
            assert text in section.argument, text
        assert any(
            "Rules of procedure of the Human Rights Committee" in s for s in section.sources
        )


def test_hrc_a_reading_that_does_not_help_is_a_review_note_never_argued() -> None:
    late = _reply("hrc", "en", hrc_case(lodged_on=dt.date(2027, 5, 3)))
    section = late.sections[late.index_of("objection:time_limit")]
    assert "within five years" in section.argument and "three years" not in section.argument
    assert section.needs_review
    assert any(
        "conclusion of the other procedure (21 March 2024) the period ended on 21 March 2027" in n
        for n in late.review_notes
    )
    too_late = _reply("hrc", "en", hrc_case(lodged_on=dt.date(2028, 9, 1)))
    section = too_late.sections[too_late.index_of("objection:time_limit")]
    assert section.argument.startswith("[The reasons justifying the delay are to be given")
    assert "in time" not in section.argument and "not an abuse" not in section.argument
    assert any("no scenario of the engine supports the author" in n for n in too_late.review_notes)


def test_cat_time_elapsed_from_the_final_decision() -> None:
    section = _reply("cat", "en").sections[2]
    assert (
        "submitted on 1 April 2026, 5 months after the final domestic decision (Supreme Court of "
        "the Republic of Azerbaijan, 29 October 2025)" in section.argument
    )
    assert section.needs_review  # a qualitative test: the lawyer confirms it


def test_the_state_partys_facts_are_checked_against_the_case() -> None:
    hrc = _reply("hrc", "en").review_notes
    assert (
        "§ 3: the State party gives 14 July 2023 as the date of a decision; the case file "
        "records no decision delivered or taken on that date" in hrc
    )
    assert (
        "§ 9: the State party gives 17 July 2025 as the date the communication was submitted; the "
        "case file records 17 June 2025" in hrc
    )
    cat = _reply("cat", "en").review_notes
    assert any(n.startswith("§ 4: the State party gives 29 September 2025") for n in cat)


def test_agreement_follows_the_author() -> None:
    her = _reply("hrc", "fr")
    text = " ".join(s.opening + " " + s.argument for s in her.sections)
    assert "l'auteure expose" in text and "L'auteure maintient son grief" in text
    assert "requérant" not in text and "l'auteur " not in text
    english = " ".join(s.opening + " " + s.argument for s in _reply("hrc", "en").sections)
    assert " his " not in english and " he " not in english and "the author submits" in english
    unknown = _reply("hrc", "en", hrc_case(sex=None))
    text = " ".join(s.argument for s in unknown.sections)
    assert " she " not in text and " her " not in text and " his " not in text
    # before the Committee against Torture the party is the complainant, «le requérant» in
    # its French decisions (CAT/C/63/D/767/2016)
    assert _reply("cat", "fr").sections[1].opening.endswith("le requérant expose ce qui suit.")
    assert _reply("cat", "en").sections[1].opening.endswith("the complainant submits as follows.")


def test_russian_comments_are_refused_not_written_in_english() -> None:
    with pytest.raises(InputError) as caught:
        _reply("hrc", "ru")
    assert caught.value.field == "locale"


@pytest.mark.parametrize("committee", ["hrc", "cat"])
def test_the_un_banks_cite_the_committees_and_are_for_review(committee: str) -> None:
    bank = un_argument_bank(committee)
    instrument = "Optional Protocol" if committee == "hrc" else "Convention against Torture"
    assert any(instrument in s for s in bank["non_exhaustion"].sources)
    assert all(e.review == "required" and e.sources for e in bank.values())
    ecthr = ("Akdivar", "Article 35", "the Court")
    for entry in bank.values():
        for text in (entry.text_en, entry.text_fr):
            assert not any(word in text for word in ecthr), text


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("forum", ["hrc", "cat", "cedaw"])
def test_golden_comments(forum: str, locale: str) -> None:
    case = _CASES[forum]()
    reply = _reply(forum, locale)
    data = litigate.render(TEMPLATE, case=case, as_of=AS_OF, locale=locale, reply=reply,
                           with_review_notes=True)  # fmt: skip
    text = normalised_text(data)
    path = GOLDEN / f"{_NAMES[forum]}.{locale}.golden"
    if UPDATE:
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} differs"
    for note in reply.review_notes:
        assert note in text
    filed = normalised_text(
        litigate.render(
            TEMPLATE, case=case, as_of=AS_OF, locale=locale, reply=reply.without_review_notes()
        )
    )
    assert all(note not in filed for note in reply.review_notes)


_HEADINGS = {
    "non_exhaustion": "Non-exhaustion of domestic remedies",
    "time_limit": "Time limit",
    "same_matter": "The same matter was examined under another procedure of international investigation or settlement",
    "abuse_of_right": "Abuse of the right of submission",
    "merits": "Alleged violation of article 7 of the Covenant",
    "facts": "The facts",
    "admissibility": "Admissibility",
    "conclusion": "Conclusion",
}  # fmt: skip


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(_HEADINGS)), st.integers(min_value=0, max_value=3)),
        min_size=1,
        max_size=7,
    )
)
def test_every_state_paragraph_is_answered_exactly_once(parts: list[tuple[str, int]]) -> None:
    """Whatever the order and sizes of the parts, each paragraph is cited by one section."""
    _answered_exactly_once(hrc_case(), parts)


def _answered_exactly_once(case: litigate.Case, parts: list[tuple[str, int]]) -> None:
    layout = tuple(
        (1 if kind in {"facts", "admissibility", "conclusion"} else 2, _HEADINGS[kind],
         tuple(f"The State party's point {kind} {i}." for i in range(count)))
        for kind, count in parts
    )  # fmt: skip
    observations = litigate.read_observations(observations_docx(layout))
    reply = litigate.reply_skeleton(case, observations, as_of=AS_OF, locale="en")
    cited = [n for s in reply.sections for n in s.answers]
    assert len(cited) == len(set(cited))
    if {s.kind for s in reply.sections} & {*ADMISSIBILITY_KINDS, "merits", "facts"}:
        assert sorted(cited) == list(range(1, sum(len(p) for _, _, p in layout) + 1))


def test_plural_authors_agree() -> None:
    case = hrc_case()
    two = litigate.Case(
        **{
            **{f: getattr(case, f) for f in ("forum", "respondent", "complaints", "proceedings")},
            "lodged_on": case.lodged_on,
            "applicants": [
                litigate.Applicant.person(name="Gunel Karimova", sex="female"),
                litigate.Applicant.person(name="Sevinj Karimova", sex="female"),
            ],
        }
    )
    french = _reply("hrc", "fr", two)
    text = " ".join(s.opening + " " + s.argument for s in french.sections)
    assert "les auteures exposent ce qui suit" in text
    assert "Les auteures maintiennent leur grief" in text
    english = " ".join(s.opening + " " + s.argument for s in _reply("hrc", "en", two).sections)
    assert (
        "the authors submit as follows" in english and "The authors maintain the claim" in english
    )


# ------------------------------------------------------------------ CERD, CEDAW, CRPD, CRC, CED, CESCR


@pytest.mark.parametrize("committee", UN_BANK_FORUMS)
def test_every_committee_has_a_full_bank_of_its_own_articles(committee: str) -> None:
    bank = un_argument_bank(committee)
    assert sorted(bank) == sorted(BANK_KINDS)
    assert all(e.review == "required" and e.sources for e in bank.values())
    for entry in bank.values():
        for text in (entry.text_en, entry.text_fr):
            assert not any(word in text for word in ("Akdivar", "Article 35", "the Court")), text
    if committee not in {"hrc", "cat"}:
        # the ground's own article, in the text and in its source
        exhaustion = bank["non_exhaustion"]
        article = exhaustion.text_en.split("Under ")[1].split(",")[0].split(" of the")[0]
        assert article.startswith("article") and article.split(" ", 1)[1] in " ".join(
            exhaustion.sources
        ).replace("art. ", "article ")


def test_cedaw_comments_answer_every_paragraph_once_with_the_protocols_articles() -> None:
    reply = _reply("cedaw", "en")
    assert [s.key for s in reply.sections] == [
        "facts", "objection:non_exhaustion", "objection:same_matter", "objection:time_limit",
        "objection:manifestly_ill_founded", "article:2", "article:5",
    ]  # fmt: skip
    cited = sorted(n for s in reply.sections for n in s.answers)
    assert cited == list(range(1, CEDAW_PARAGRAPHS + 1))
    time = reply.sections[reply.index_of("objection:time_limit")]
    assert time.argument == (
        "The Optional Protocol sets no time limit. The communication was submitted on "
        "12 November 2025, 9 months after the final domestic decision (Supreme Court of the "
        "Republic of Azerbaijan, 3 February 2025); the time elapsed is not an abuse of the right "
        "of submission within the meaning of article 4 (2) (d) of the Optional Protocol."
    )
    same = reply.sections[reply.index_of("objection:same_matter")]
    assert same.argument.startswith("Under article 4 (2) (a) of the Optional Protocol")
    assert any("[unconfirmed]" in s for s in same.sources)  # flagged in the printed sources
    assert (
        "§ 3: the State party gives 3 March 2025 as the date of a decision; the case file "
        "records no decision delivered or taken on that date" in reply.review_notes
    )


def _cerd(lodged: dt.date) -> litigate.drafts.Reply:
    case = litigate.Case(
        forum="cerd",
        respondent="AZE",
        lodged_on=lodged,
        applicants=[litigate.Applicant.person(name="Ilgar Mammadli", sex="male")],
        complaints=[litigate.Complaint(provision="ICERD-5", events_from=dt.date(2024, 3, 1))],
        proceedings=[
            litigate.DomesticDecision(
                id="cassation", court="Supreme Court", level="cassation",
                taken_on=dt.date(2025, 1, 15)),
        ],
    )  # fmt: skip
    items = observations_docx(((2, "Time limit", ("The communication is out of time.",)),))
    return litigate.reply_skeleton(case, litigate.read_observations(items), as_of=AS_OF)


def test_cerd_six_months_argued_from_the_engine_and_never_against_the_author() -> None:
    reply = _cerd(dt.date(2025, 7, 10))
    section = reply.sections[reply.index_of("objection:time_limit")]
    assert section.argument == (
        "The communication was submitted on 10 July 2025, within six months of the final "
        "domestic decision (Supreme Court, 15 January 2025), that is before 15 July 2025, as "
        "article 14 (5) of the Convention and rule 91 (f) of the rules of procedure require."
    )
    late = _cerd(dt.date(2025, 8, 1))
    section = late.sections[late.index_of("objection:time_limit")]
    assert "within six months" not in section.argument
    assert section.argument.startswith("[The reasons justifying the delay are to be given")
    assert any(
        "the period ended on 15 July 2025" in n and "duly verified exceptional circumstances" in n
        for n in late.review_notes
    )


def test_a_committee_without_a_bank_is_refused() -> None:
    with pytest.raises(InputError, match="no UN argument bank for 'cmw'"):
        un_argument_bank("cmw")


_PROVISION = {"cerd": "ICERD-5", "crc": "CRC-37", "cescr": "ICESCR-11"}


@settings(max_examples=40, deadline=None)
@given(
    forum=st.sampled_from(sorted(_PROVISION)),
    taken=st.dates(min_value=dt.date(2016, 1, 1), max_value=dt.date(2025, 6, 30)),
    lodged_after=st.integers(min_value=1, max_value=500),
    locale=st.sampled_from(["en", "fr"]),
)
def test_no_committee_section_argues_a_date_the_engine_contradicts(
    forum: str, taken: dt.date, lodged_after: int, locale: str
) -> None:
    lodged = taken + dt.timedelta(days=lodged_after)
    case = litigate.Case(
        forum=forum,
        respondent="AZE",
        lodged_on=lodged,
        applicants=[litigate.Applicant.person(name="A B", sex="female")],
        complaints=[litigate.Complaint(provision=_PROVISION[forum], events_from=taken)],
        proceedings=[
            litigate.DomesticDecision(court="Supreme Court", level="cassation", taken_on=taken)
        ],
    )
    items = observations_docx(((2, "Time limit", ("The communication is out of time.",)),))
    reply = litigate.reply_skeleton(
        case, litigate.read_observations(items), as_of=AS_OF, locale=locale
    )
    section = reply.sections[reply.index_of("objection:time_limit")]
    window = litigate.filing_window(case, as_of=AS_OF)
    deadlines = {s.deadline for w in window.complaints for s in w.scenarios}
    in_time = [d for d in deadlines if lodged <= d]
    if in_time:
        assert any(court_date(d, locale) in section.argument for d in in_time)
        assert court_date(lodged, locale) in section.argument
    else:
        assert section.argument.startswith("[")
        party = {"cat": "complainant", "cerd": "petitioner"}.get(forum, "author")
        assert any(
            f"no scenario of the engine supports the {party}" in n for n in reply.review_notes
        )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(_HEADINGS)), st.integers(min_value=0, max_value=3)),
        min_size=1,
        max_size=7,
    )
)
def test_every_state_paragraph_is_answered_exactly_once_before_cedaw(
    parts: list[tuple[str, int]],
) -> None:
    _answered_exactly_once(cedaw_case(), parts)


def test_un_victim_status_never_says_no_redress_where_the_file_records_some() -> None:
    case = hrc_case()
    final = attrs.evolve(
        case.proceedings[-1],
        redress=Redress(acknowledged="the detention was unlawful"),
    )
    case = attrs.evolve(case, proceedings=[*case.proceedings[:-1], final])
    items = observations_docx(((2, "Lack of victim status", ("The author was compensated.",)),))
    reply = litigate.reply_skeleton(case, litigate.read_observations(items), as_of=AS_OF)
    section = reply.sections[reply.index_of("objection:victim_status")]
    assert "neither acknowledged nor redressed" not in section.argument
    assert section.argument == "[Victim status to be established: see the review notes.]"
    assert any("(victim status): the case file records redress" in n for n in reply.review_notes)
