"""The reply on three layouts of the same observations, golden texts, and two properties.

*Mammadova v. Azerbaijan* (fictional, ``tests/data/reply/mammadova.toml``): the
Government's observations (``tests/reply_layouts.py``) in Word automatic numbering,
typed numbers, and a title page with a table of contents; the third also as the
text PDF LibreOffice made of it (``tests/data/generated/mammadova-titled.pdf``), which
gives the same golden reply.  On each, the rendered
reply answers every objection, cites every Government paragraph once, states the
engine's dates (the issue's example: cassation 12 September 2023, served on the
lawyer 9 October 2023, lodged 5 February 2024) and lists each factual disagreement.
The golden texts (``tests/golden/replies/*.golden``, normalised as in
``test_golden.py``) were read line by line; ``LITIGATE_UPDATE_GOLDEN=1`` rewrites them.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import tomllib
from functools import cache
from pathlib import Path

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import litigate
import litigate.drafts
from litigate._court_dates import court_date
from litigate.casefile import case_from_dict, case_to_dict
from litigate.drafts.pdf import PdfConverter
from litigate.drafts.reply import fact_check
from litigate.engine import acceptance
from litigate.errors import CaseFileError
from litigate.model import Redress
from litigate.parse.observations import Observations
from tests.docx_factory import Item, build_docx
from tests.drafts.test_golden import normalised_text
from tests.reply_layouts import LAYOUTS, PARAGRAPHS, layout_docx

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "tests" / "data" / "reply" / "mammadova.toml"
GOLDEN = ROOT / "tests" / "golden" / "replies"
AS_OF = dt.date(2024, 6, 3)
UPDATE = os.environ.get("LITIGATE_UPDATE_GOLDEN") == "1"
OBJECTIONS = [
    "objection:non_exhaustion",
    "objection:time_limit",
    "objection:victim_status",
    "objection:ratione_personae",
    "objection:manifestly_ill_founded",
]
DISAGREEMENTS = [
    "§ 1: the Government give application no. 4172/24; the case file records no. 4127/24",
    (
        "§ 5: the Government give 20 July 2023 as the date of a decision; the case file records "
        "no decision delivered or taken on that date"
    ),
    (
        "§ 11: the Government give 12 September 2023 as the date of service; the case file "
        "records service on the representative on 9 October 2023"
    ),
]


@cache
def _case() -> litigate.Case:
    return litigate.load_case(CASE)


@cache
def _reply(layout: str, locale: str) -> litigate.drafts.Reply:
    observations = litigate.read_observations(layout_docx(layout))
    return litigate.reply_skeleton(_case(), observations, as_of=AS_OF, locale=locale)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_objection_and_article_answered_and_every_paragraph_cited_once(
    layout: str,
) -> None:
    reply = _reply(layout, "en")
    keys = [s.key for s in reply.sections]
    assert keys == [
        "facts",
        *OBJECTIONS,
        "article:5",
        "article:6",
        "article:10",
        "article:11",
        "just_satisfaction",
    ]
    cited = [n for s in reply.sections for n in s.answers]
    assert sorted(cited) == list(range(1, PARAGRAPHS + 1))
    # the letterhead, the title page, the table of contents and the signature are not answered
    assert not any("Other matters" in s.heading for s in reply.sections)
    headings = [s.heading for s in reply.sections]
    assert "G. Alleged violation of Article 5 § 1 of the Convention" in headings
    assert "H. Alleged violation of Article 6 § 1 of the Convention" in headings


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_engines_dates_and_the_disagreements(layout: str) -> None:
    reply = _reply(layout, "en")
    time_limit = reply.sections[reply.index_of("objection:time_limit")]
    assert "served on the applicant's representative on 9 October 2023" in time_limit.argument
    assert "four-month period therefore expired on 9 February 2024" in time_limit.argument
    assert "lodged on 5 February 2024, was in time" in time_limit.argument
    assert time_limit.needs_review  # it relies on the arguable scenario
    assert any("arguable scenario" in n and "12 January 2024" in n for n in reply.review_notes)
    for note in DISAGREEMENTS:
        assert note in reply.review_notes
    # she, not he: no masculine pronoun anywhere in the English draft
    text = " ".join(s.opening + " " + s.argument for s in reply.sections)
    assert " his " not in text and " him " not in text and " he " not in text


@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_golden_reply(layout: str, locale: str) -> None:
    reply = _reply(layout, locale)
    data = litigate.render(
        "ecthr/observations-reply",
        case=_case(),
        as_of=AS_OF,
        locale=locale,
        reply=reply,
        with_review_notes=True,
    )
    text = normalised_text(data)
    path = GOLDEN / f"mammadova.{layout}.{locale}.golden"
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert text == path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} differs"
    filed = normalised_text(
        litigate.render(
            "ecthr/observations-reply",
            case=_case(),
            as_of=AS_OF,
            locale=locale,
            reply=reply.without_review_notes(),
        )
    )
    assert all(note not in filed for note in reply.review_notes)
    # the three layouts give the same reply
    assert text == normalised_text(
        litigate.render(
            "ecthr/observations-reply",
            case=_case(),
            as_of=AS_OF,
            locale=locale,
            reply=_reply("auto", locale),
            with_review_notes=True,
        )
    )


def test_french_agreement_follows_the_applicant() -> None:
    reply = _reply("auto", "fr")
    text = " ".join(s.opening + " " + s.argument for s in reply.sections)
    assert "la requérante expose ce qui suit" in text
    assert "le requérant" not in text.casefold().replace("la requérante", "")
    men = litigate.reply_skeleton(
        attrs.evolve(
            _case(),
            applicants=[
                litigate.Applicant.person(name="A", sex="male"),
                litigate.Applicant.person(name="B", sex="male"),
            ],
        ),
        litigate.read_observations(layout_docx("auto")),
        as_of=AS_OF,
        locale="fr",
    )
    merits = men.sections[men.index_of("article:10")]
    assert merits.argument.startswith("Les requérants maintiennent leur grief.")
    assert merits.opening.endswith("les requérants exposent ce qui suit.")


# ------------------------------------------------------------------ properties

_HEADINGS = [
    ("h1", "The facts"),
    ("h1", "Admissibility"),
    ("h2", "Non-exhaustion of domestic remedies"),
    ("h2", "Failure to comply with the four-month time limit"),
    ("h2", "Lack of victim status"),
    ("h2", "Incompatibility ratione personae"),
    ("h1", "Merits"),
    ("h2", "Alleged violation of Article 5 § 1 of the Convention"),
    ("h2", "Alleged violation of Article 10 of the Convention"),
    ("h1", "Miscellaneous remarks"),
    ("h1", "Just satisfaction"),
    ("h1", "Conclusion"),
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    parts=st.lists(
        st.tuples(st.sampled_from(_HEADINGS), st.integers(min_value=0, max_value=4)),
        min_size=1,
        max_size=8,
    ),
    letterhead=st.booleans(),
)
def test_every_government_paragraph_is_answered_exactly_once(
    parts: list[tuple[tuple[str, str], int]], letterhead: bool
) -> None:
    items = [Item("plain", "EUROPEAN COURT OF HUMAN RIGHTS")] if letterhead else []
    total = 0
    for (level, heading), count in parts:
        items.append(Item(level, heading))
        for _ in range(count):
            total += 1
            items.append(Item("para", f"The Government submit point {total}."))
    observations = litigate.read_observations(build_docx(items))
    reply = litigate.reply_skeleton(_case(), observations, as_of=AS_OF)
    cited = [n for s in reply.sections for n in s.answers]
    answered = bool(reply.sections)
    assert sorted(cited) == (list(range(1, total + 1)) if answered else [])
    assert len(cited) == len(set(cited))


@settings(max_examples=40, deadline=None)
@given(
    taken=st.dates(min_value=dt.date(2019, 1, 1), max_value=dt.date(2025, 6, 30)),
    served_after=st.integers(min_value=0, max_value=120),
    lodged_after=st.integers(min_value=1, max_value=300),
    required=st.sampled_from([None, True, False]),
)
def test_no_section_argues_a_date_the_engine_contradicts(
    taken: dt.date, served_after: int, lodged_after: int, required: bool | None
) -> None:
    served = taken + dt.timedelta(days=served_after)
    decision = litigate.DomesticDecision(
        id="cassation",
        court="Supreme Court",
        level="cassation",
        taken_on=taken,
        pronounced_on=taken,
        served_on_representative=served,
        service_required=required,
    )
    case = attrs.evolve(
        _case(), proceedings=[decision], lodged_on=taken + dt.timedelta(days=lodged_after)
    )
    observations = litigate.read_observations(layout_docx("auto"))
    reply = litigate.reply_skeleton(case, observations, as_of=AS_OF)
    section = reply.sections[reply.index_of("objection:time_limit")]
    window = litigate.filing_window(case, as_of=AS_OF)
    lodged = case.lodged_on
    assert lodged is not None
    supports = [s for w in window.complaints for s in w.scenarios if lodged <= s.deadline]
    if "was in time" in section.argument:
        assert supports, "argues in time where no scenario of the engine supports it"
        # every deadline the section states is one of the engine's deadlines for the case
        stated = {s.deadline for s in supports}
        assert any(court_date(d) in section.argument for d in stated)
    else:
        assert not supports or not window.complaints
        assert any("no scenario of the engine supports" in n for n in reply.review_notes)
    assert "out of time" not in section.argument


def test_fact_check_is_empty_when_the_government_agree() -> None:
    items = [
        Item("h1", "Failure to comply with the four-month time limit"),
        Item("para", "The decision was served on the representative on 9 October 2023."),
        Item("para", "The application was lodged on 5 February 2024."),
    ]
    observations = litigate.read_observations(build_docx(items))
    assert fact_check(_case(), observations, as_of=AS_OF) == ()


def test_court_names_in_the_drafts_language_else_kept_with_a_note() -> None:
    observations = litigate.read_observations(layout_docx("auto"))
    french = _reply("auto", "fr").sections[2].argument
    assert "La décision définitive (Cour suprême, 12 septembre 2023)" in french
    untranslated = attrs.evolve(
        _case(),
        proceedings=[
            attrs.evolve(p, court_fr=None) if p.id == "cassation" else p
            for p in _case().proceedings
        ],
    )
    reply = litigate.reply_skeleton(untranslated, observations, as_of=AS_OF, locale="fr")
    assert "(Supreme Court, 12 septembre 2023)" in reply.sections[2].argument
    assert any(
        n.startswith("court name: “Supreme Court” is kept as recorded") and "court_fr" in n
        for n in reply.review_notes
    )
    english = litigate.reply_skeleton(untranslated, observations, as_of=AS_OF, locale="en")
    assert not any(n.startswith("court name:") for n in english.review_notes)


def test_ratione_temporis_from_the_acceptance_data_never_against_the_applicant() -> None:
    items = [
        Item("h1", "Incompatibility ratione temporis"),
        Item("para", "The facts predate the Convention."),
    ]
    observations = litigate.read_observations(build_docx(items))
    reply = litigate.reply_skeleton(_case(), observations, as_of=AS_OF)
    section = reply.sections[0]
    assert section.argument.startswith(
        "The facts complained of began on 14 February 2023, after 15 April 2002, the date from "
        "which the Convention applies to the respondent State."
    )
    old = attrs.evolve(
        _case(),
        complaints=[attrs.evolve(c, events_from=dt.date(2001, 1, 1)) for c in _case().complaints],
    )
    reply = litigate.reply_skeleton(old, observations, as_of=AS_OF)
    section = reply.sections[0]
    assert "post-date" not in section.argument
    assert section.argument.startswith("[Compatibility ratione temporis to be established")
    assert any("predate 15 April 2002" in n for n in reply.review_notes)


# ------------------------------------------------------------------ victim status and ratione personae

_ACK = "her detention from 14 to 24 February 2023 had no legal basis"


def _with_redress(redress: Redress | None) -> litigate.Case:
    return attrs.evolve(
        _case(),
        proceedings=[
            attrs.evolve(p, redress=redress) if p.id == "cassation" else p
            for p in _case().proceedings
        ],
    )


def _victim(case: litigate.Case, locale: str = "en") -> tuple[str, tuple[str, ...]]:
    observations = litigate.read_observations(layout_docx("auto"))
    reply = litigate.reply_skeleton(case, observations, as_of=AS_OF, locale=locale)
    section = reply.sections[reply.index_of("objection:victim_status")]
    assert section.answers == (14, 15)
    notes = tuple(n for n in reply.review_notes if "(victim status)" in n)
    return section.argument, notes


def test_victim_status_without_redress_argues_from_the_decisions() -> None:
    argument, notes = _victim(_case())
    assert argument.endswith(
        "Neither condition is met in the present case: none of the domestic decisions (Baku "
        "Administrative Offences Court (10 March 2023), Baku Court of Appeal (20 June 2023), "
        "Supreme Court (12 September 2023)) acknowledged the breach of the Convention or "
        "afforded redress for it."
    )
    assert "Gäfgen v. Germany [GC], 2010" in argument
    assert len(notes) == 1 and "case file recording no redress" in notes[0]


def test_victim_status_acknowledgement_without_compensation() -> None:
    argument, _ = _victim(_with_redress(Redress(acknowledged=_ACK)))
    assert argument.endswith(
        f"By a decision of 12 September 2023 (Supreme Court), the authorities acknowledged that "
        f"{_ACK}, but afforded no redress for it: no compensation was awarded, and the second "
        "condition is not met."
    )
    assert "Neither condition is met" not in argument


def test_victim_status_inadequate_compensation_with_dates_and_amounts() -> None:
    redress = Redress(
        acknowledged=_ACK,
        compensation="300",
        currency="AZN",
        paid_on=dt.date(2023, 11, 1),
        adequate=False,
        provisions=["ECHR-5-1"],
    )
    argument, notes = _victim(_with_redress(redress))
    assert (
        "As to the complaint under Article 5 § 1, by a decision of 12 September 2023 (Supreme "
        f"Court), the authorities acknowledged that {_ACK} and awarded AZN 300, paid on "
        "1 November 2023. That redress is neither appropriate nor sufficient" in argument
    )
    assert any("comparison with the Court's awards" in n for n in notes)
    french, _ = _victim(_with_redress(redress), "fr")
    assert (
        "Quant au grief tiré de l'article 5 § 1, par une décision du 12 septembre 2023" in french
    )
    assert "300 AZN, versée le 1er novembre 2023" in french


def test_victim_status_compensation_not_yet_assessed_is_left_to_the_lawyer() -> None:
    redress = Redress(acknowledged=_ACK, compensation="300", currency="AZN")
    argument, notes = _victim(_with_redress(redress))
    assert argument.endswith(
        "[Why that redress is not appropriate and sufficient is to be shown: see the review notes.]"
    )
    assert any("record redress.adequate" in n for n in notes)
    assert any("records no payment of the AZN 300" in n for n in notes)


def test_victim_status_compensation_without_acknowledgement() -> None:
    redress = Redress(compensation="300", currency="AZN", paid_on=dt.date(2023, 10, 1))
    argument, notes = _victim(_with_redress(redress))
    assert "the authorities awarded AZN 300 without acknowledging" in argument
    assert "the first condition is not met" in argument
    assert any("an acknowledgement in substance suffices" in n for n in notes)


def test_victim_status_lost_on_the_record_gives_a_note_never_the_contrary_argument() -> None:
    redress = Redress(acknowledged=_ACK, compensation="9000", currency="EUR", adequate=True)
    for locale in ("en", "fr"):
        argument, notes = _victim(_with_redress(redress), locale)
        assert argument in {
            "[Victim status to be established: see the review notes.]",
            "[La qualité de victime est à établir : voir les notes de relecture.]",
        }
        assert any(
            "may no longer be a victim" in n and "No argument is written" in n for n in notes
        )


def test_redress_is_read_from_the_case_file_and_written_back() -> None:
    text = CASE.read_text(encoding="utf-8") + (
        '\n[proceedings.redress]\nacknowledged = "the detention was unlawful"\n'
        'compensation = "300"\ncurrency = "AZN"\nadequate = false\n'
    )
    case = litigate.load_case(tomllib.loads(text))
    redress = case.proceedings[-1].redress
    assert redress is not None and str(redress.compensation) == "300"
    again = case_from_dict(case_to_dict(case))
    assert again.proceedings[-1].redress == redress
    with pytest.raises(CaseFileError, match=r"redress.compensation"):
        case_from_dict(
            {
                "forum": "ecthr",
                "respondent": "AZE",
                "proceedings": [{"court": "X", "redress": {"compensation": 1.5}}],
            }
        )


def test_ratione_personae_from_the_engine() -> None:
    reply = _reply("auto", "en")
    section = reply.sections[reply.index_of("objection:ratione_personae")]
    assert section.argument.startswith(
        "The applicant, a natural person, claims to be the victim of the violations complained "
        "of, within the meaning of Article 34 of the Convention. The decisions complained of were "
        "taken by authorities of the respondent State (Baku Administrative Offences Court "
        "(10 March 2023), Baku Court of Appeal (20 June 2023), Supreme Court (12 September 2023)), "
        "whose acts engage its responsibility under Article 1 of the Convention. The respondent "
        "State (Azerbaijan) has been bound by the Convention since 15 April 2002"
    )
    assert section.sources[:2] == ("Article 34 of the Convention", "Article 1 of the Convention")
    assert any(
        "(ratione personae): the case file does not record who committed the acts" in n
        for n in reply.review_notes
    )
    ngo = attrs.evolve(
        _case(), applicants=[litigate.Applicant.organisation(name="Free Press Union")]
    )
    observations = litigate.read_observations(layout_docx("auto"))
    other = litigate.reply_skeleton(ngo, observations, as_of=AS_OF, locale="fr")
    text = other.sections[other.index_of("objection:ratione_personae")].argument
    assert text.startswith(
        "L'organisation requérante, une organisation non gouvernementale, se prétend victime"
    )
    assert any("exercises no public authority" in n for n in other.review_notes)


# ------------------------------------------------------------------ the third layout as a text PDF

PDF = ROOT / "tests" / "data" / "generated" / "mammadova-titled.pdf"


def _rendered(observations: Observations, locale: str) -> str:
    reply = litigate.reply_skeleton(_case(), observations, as_of=AS_OF, locale=locale)
    return normalised_text(
        litigate.render(
            "ecthr/observations-reply",
            case=_case(),
            as_of=AS_OF,
            locale=locale,
            reply=reply,
            with_review_notes=True,
        )
    )


@pytest.mark.parametrize("locale", ["en", "fr"])
def test_the_titled_layout_as_a_text_pdf_gives_the_same_reply(locale: str) -> None:
    observations = litigate.read_observations(PDF)
    assert observations.path is not None and observations.path.endswith(".pdf")
    reply = litigate.reply_skeleton(_case(), observations, as_of=AS_OF, locale=locale)
    assert sorted(n for s in reply.sections for n in s.answers) == list(range(1, PARAGRAPHS + 1))
    golden = (GOLDEN / f"mammadova.titled.{locale}.golden").read_text(encoding="utf-8")
    assert _rendered(observations, locale) == golden
    for note in DISAGREEMENTS:
        assert note in reply.review_notes


def test_libreoffice_today_still_makes_a_pdf_that_reads_to_the_same_reply() -> None:
    if not shutil.which("soffice"):
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: .ci/run installs LibreOffice")
        pytest.skip("LibreOffice is installed by .ci/run; not on this machine")
    with PdfConverter(timeout=120) as office:
        pdf = office.convert(layout_docx("titled"))
    observations = litigate.read_observations(pdf)
    golden = (GOLDEN / "mammadova.titled.en.golden").read_text(encoding="utf-8")
    assert _rendered(observations, "en") == golden


# ------------------------------------------------------------------ properties of the new sections


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    acknowledged=st.booleans(),
    compensation=st.one_of(st.none(), st.integers(min_value=1, max_value=50_000)),
    adequate=st.sampled_from([None, True, False]),
    paid_after=st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
    locale=st.sampled_from(["en", "fr"]),
)
def test_victim_status_never_argues_against_the_record_nor_a_date_not_in_it(
    acknowledged: bool,
    compensation: int | None,
    adequate: bool | None,
    paid_after: int | None,
    locale: str,
) -> None:
    taken = dt.date(2023, 9, 12)
    paid = None if compensation is None or paid_after is None else taken + dt.timedelta(paid_after)
    redress = Redress(
        acknowledged="her detention had no legal basis" if acknowledged else None,
        compensation=compensation,
        currency="AZN" if compensation is not None else None,
        paid_on=paid,
        adequate=adequate,
    )
    argument, notes = _victim(_with_redress(redress), locale)
    recorded = acknowledged or compensation is not None
    if recorded and acknowledged and adequate is True:
        assert argument.startswith("[") and argument.endswith("]")
        assert any("No argument is written" in n for n in notes)
        return
    assert "No argument is written" not in " ".join(notes)
    # the conclusion that neither condition is met only where the file records no redress
    assert (("Neither condition" in argument) or ("Aucune de ces conditions" in argument)) == (
        not recorded
    )
    # every date the section states is one the case file records
    known = {court_date(p.taken_on, locale) for p in _case().proceedings if p.taken_on}
    if paid is not None:
        known.add(court_date(paid, locale))
    stated = re.findall(
        r"\b\d{1,2}(?:er)? (?:January|February|March|April|May|June|July|August|September|"
        r"October|November|December|janvier|février|mars|avril|mai|juin|juillet|août|"
        r"septembre|octobre|novembre|décembre) \d{4}",
        argument,
    )
    assert set(stated) <= known, set(stated) - known
    if compensation is not None:
        assert f"{compensation:,}".replace(",", "\u00a0" if locale == "fr" else ",") in (
            argument.replace(" ", "\u00a0") if locale == "fr" else argument
        )


@settings(max_examples=30, deadline=None)
@given(events=st.dates(min_value=dt.date(1998, 1, 1), max_value=dt.date(2024, 1, 1)))
def test_ratione_personae_states_only_the_engines_acceptance_date(events: dt.date) -> None:
    case = attrs.evolve(
        _case(), complaints=[attrs.evolve(c, events_from=events) for c in _case().complaints]
    )
    observations = litigate.read_observations(layout_docx("auto"))
    reply = litigate.reply_skeleton(case, observations, as_of=AS_OF)
    section = reply.sections[reply.index_of("objection:ratione_personae")]
    accepted = acceptance("AZE", case.forum).in_force_from
    assert accepted is not None
    assert f"bound by the Convention since {court_date(accepted)}" in section.argument
    temporis_notes = [n for n in reply.review_notes if "(ratione temporis)" in n]
    assert not temporis_notes  # no ratione temporis objection raised here


@pytest.mark.parametrize(
    ("applicants", "locale", "start"),
    [
        (
            [litigate.Applicant.group(name="Residents of Nardaran")],
            "en",
            "The applicants, a group of individuals, claim to be victims",
        ),
        (
            [
                litigate.Applicant.person(name="A", sex="female"),
                litigate.Applicant.person(name="B", sex="female"),
            ],
            "fr",
            "Les requérantes se prétendent victimes des violations dénoncées",
        ),
        ([litigate.Applicant.person(name="C")], "en", "The applicant, a natural person, claims"),
    ],
)
def test_ratione_personae_names_the_applicants_as_article_34_does(
    applicants: list[litigate.Applicant], locale: str, start: str
) -> None:
    case = attrs.evolve(_case(), applicants=applicants)
    observations = litigate.read_observations(layout_docx("auto"))
    reply = litigate.reply_skeleton(case, observations, as_of=AS_OF, locale=locale)
    assert reply.sections[reply.index_of("objection:ratione_personae")].argument.startswith(start)
