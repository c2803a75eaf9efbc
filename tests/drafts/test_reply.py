"""The skeleton of the reply to the Government's observations (EN and FR, Gasimzade)."""

from __future__ import annotations

import calendar
import re
import tomllib
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import pytest

from litigate import l10n
from litigate._court_dates import court_date
from litigate.casefile import load_case
from litigate.drafts.reply import (
    BANK_KINDS,
    REVIEW_MARKER,
    Reply,
    argument_bank,
    load_argument_bank,
    reply_skeleton,
)
from litigate.drafts.voice import applicant_voice
from litigate.errors import InputError, RuleDataError
from litigate.parse.observations import ADMISSIBILITY_KINDS, Observations, read_observations
from tests.docx_factory import Item, build_docx, gasimzade_docx

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "examples" / "custody-ill-treatment" / "case.toml"
AS_OF = date(2025, 11, 20)
KEYS = [
    "facts",
    "objection:non_exhaustion",
    "objection:time_limit",
    "objection:manifestly_ill_founded",
    "article:3",
    "article:13",
    "just_satisfaction",
]


@pytest.fixture(scope="module")
def case() -> Any:
    return load_case(CASE)


@pytest.fixture(scope="module", params=["en", "fr"])
def observations(request: pytest.FixtureRequest) -> Observations:
    return read_observations(gasimzade_docx(request.param))


@pytest.fixture(scope="module")
def reply(case: Any, observations: Observations) -> Reply:
    return reply_skeleton(case, observations, as_of=AS_OF, locale=observations.language)


def _raw_bank() -> dict[str, Any]:
    resource = resources.files("litigate").joinpath("drafts", "data", "arguments.toml")
    with resource.open("rb") as handle:
        return tomllib.load(handle)


# ------------------------------------------------------------------ structure


def test_one_section_per_objection_and_article_in_order(reply: Reply) -> None:
    assert [s.key for s in reply.sections] == KEYS
    assert [s.heading.split(".")[0] for s in reply.sections] == ["A", "B", "C", "D", "E", "F", "G"]


def test_headings_in_the_locale(reply: Reply) -> None:
    headings = [s.heading for s in reply.sections]
    if reply.locale == "fr":
        assert headings[1] == "B. Sur l'épuisement des voies de recours internes"
        assert headings[4] == "E. Sur la violation alléguée de l'article 3 de la Convention"
    else:
        assert headings[1] == "B. Non-exhaustion of domestic remedies"
        assert headings[5] == "F. Alleged violation of Article 13 of the Convention"


def test_openings_cite_the_right_paragraphs(reply: Reply) -> None:
    # the general parts (9, 23) go with the section after them, the conclusion (38-40)
    # with the section before it: every paragraph is cited once
    ranges = {
        "facts": (1, 8),
        "objection:non_exhaustion": (9, 14),
        "objection:time_limit": (15, 19),
        "objection:manifestly_ill_founded": (20, 22),
        "article:3": (23, 30),
        "article:13": (31, 34),
        "just_satisfaction": (35, 40),
    }
    for section in reply.sections:
        first, last = ranges[section.key]
        assert section.answers == tuple(range(first, last + 1))
        if reply.locale == "fr":
            expected = (
                f"En réponse aux paragraphes {first} à {last} des observations du Gouvernement, "
            )
        else:
            expected = f"In reply to paragraphs {first}–{last} of the Government's observations, "
        assert section.opening.startswith(expected)


def test_nothing_the_government_raised_is_unanswered(
    reply: Reply, observations: Observations
) -> None:
    raised = [
        s.heading
        for s in observations.sections
        if s.kind in ADMISSIBILITY_KINDS
        or s.kind in {"facts", "just_satisfaction", "unclassified"}
        or (s.kind == "merits" and s.article)
    ]
    assert [s.government_heading for s in reply.sections] == raised
    assert "conclusion" not in {s.kind for s in reply.sections}


def test_unclassified_parts_are_answered_too(case: Any) -> None:
    items = [
        Item("h1", "The facts"),
        Item("para", "The applicant was arrested."),
        Item("h1", "Miscellaneous remarks"),
        Item("para", "The applicant's lawyer is known to the authorities."),
        Item("para", "He has lodged other applications."),
        Item("h1", "Non-exhaustion of domestic remedies"),
        Item("para", "The applicant did not appeal."),
    ]
    obs = read_observations(build_docx(items))
    assert [s.kind for s in obs.sections][-2:] == ["unclassified", "non_exhaustion"]
    result = reply_skeleton(case, obs, as_of=AS_OF)
    assert [s.key for s in result.sections] == [
        "facts",
        "unclassified",
        "objection:non_exhaustion",
    ]
    other = result.sections[1]
    assert other.heading == "B. Other matters raised by the Government (“Miscellaneous remarks”)"
    assert other.answers == (2, 3)
    assert other.opening.startswith("In reply to paragraphs 2 and 3 of the Government's")
    assert other.needs_review and other.from_bank
    assert result.sections[2].opening.startswith("In reply to paragraph 4 of the Government's")


# ------------------------------------------------------------------ bank text and review


def test_bank_sections_are_marked_for_review(reply: Reply, case: Any) -> None:
    bank = argument_bank()
    for section in reply.sections:
        if section.key == "objection:time_limit":
            continue
        entry = bank[section.kind]
        assert section.from_bank and section.needs_review
        # the bank text, after the facts the case file gives (the remedies used)
        assert section.argument.endswith(entry.text(reply.locale, applicant_voice(case)))
        # a French reply cites the bank's French forms, an English one the English forms
        expected = entry.sources_fr if reply.locale == "fr" else entry.sources
        assert section.sources == entry.cited(reply.locale) == expected
    assert reply.unanswered() == tuple(
        s for s in reply.sections if s.key != "objection:time_limit"
    )
    assert REVIEW_MARKER[reply.locale].startswith("[")


# ------------------------------------------------------------------ the engine knows better


def test_time_limit_argument_gives_the_computed_dates(reply: Reply) -> None:
    section = reply.sections[2]
    assert section.kind == "time_limit"
    assert not section.from_bank
    if reply.locale == "fr":
        figures = ("14 mai 2025", "26 mai 2025", "26 septembre 2025", "12 septembre 2025")
        assert "signifiée au représentant du requérant le 26 mai 2025" in section.argument
        assert "délai de quatre mois a donc expiré le 26 septembre 2025" in section.argument
        assert "Worm c. Autriche" in section.argument
    else:
        figures = ("14 May 2025", "26 May 2025", "26 September 2025", "12 September 2025")
        assert "served on the applicant's representative on 26 May 2025" in section.argument
        assert "four-month period therefore expired on 26 September 2025" in section.argument
        assert "lodged on 12 September 2025, was in time" in section.argument
        assert "Worm v. Austria" in section.argument
    for figure in figures:
        assert figure in section.argument
    assert (
        section.sources[0]
        == {
            "en": "Worm v. Austria, no. 22714/93, 29 August 1997",
            "fr": "Worm c. Autriche, no 22714/93, 29 août 1997",
        }[reply.locale]
    )
    # the computed Worm and the bank's Worm are one citation, not two forms of it
    assert sum("Worm" in s for s in section.sources) == 1
    # the engine's own warnings (dates that differ) keep the section under review
    assert section.needs_review
    assert any(w.startswith("time limit (engine):") for w in reply.warnings)


def test_out_of_time_keeps_the_bank_text_and_warns(case: Any) -> None:
    late = attrs.evolve(case, lodged_on=date(2025, 10, 1))
    obs = read_observations(gasimzade_docx("en"))
    result = reply_skeleton(late, obs, as_of=AS_OF)
    section = result.sections[2]
    assert section.from_bank and section.needs_review
    # never argues the contrary: only the bank's principles, no claim of being in time
    assert section.argument == argument_bank()["time_limit"].text_en
    assert "in time" not in section.argument
    assert "26 September 2025" not in section.argument
    assert any(
        "no scenario of the engine supports the applicant" in n and "26 September 2025" in n
        for n in result.review_notes
    )


def test_not_lodged_keeps_the_bank_text_and_warns(case: Any) -> None:
    result = reply_skeleton(
        attrs.evolve(case, lodged_on=None),
        read_observations(gasimzade_docx("fr")),
        as_of=AS_OF,
        locale="fr",
    )
    assert result.sections[2].from_bank
    assert result.sections[2].argument == argument_bank()["time_limit"].text_fr
    assert any("no lodged_on" in w for w in result.warnings)


def test_unknown_locale_is_refused(case: Any) -> None:
    with pytest.raises(InputError, match="locale must be one of en, fr, not 'az'"):
        reply_skeleton(case, read_observations(gasimzade_docx("en")), as_of=AS_OF, locale="az")


# ------------------------------------------------------------------ with_argument


def test_with_argument_replaces_and_is_immutable(reply: Reply) -> None:
    new = reply.with_argument("article:3", "The applicant's own argument.")
    assert new is not reply
    assert reply.sections[4].argument != "The applicant's own argument."
    assert reply.sections[4].from_bank and reply.sections[4].needs_review
    changed = new.sections[4]
    assert changed.argument == "The applicant's own argument."
    assert not changed.from_bank and not changed.needs_review
    assert changed.heading == reply.sections[4].heading
    assert new.sections[:4] == reply.sections[:4] and new.sections[5:] == reply.sections[5:]
    assert changed not in new.unanswered()
    assert len(new.unanswered()) == len(reply.unanswered()) - 1
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        reply.sections = ()  # type: ignore[misc]


def test_with_argument_by_index_by_section_and_extending(reply: Reply) -> None:
    by_index = reply.with_argument(0, "Added.", replace=False)
    assert by_index.sections[0].argument == reply.sections[0].argument + "\n\nAdded."
    by_section = reply.with_argument(reply.sections[6], "Claims.")
    assert by_section.sections[6].argument == "Claims."
    assert reply.with_argument("objection:time_limit", "X.").sections[2].argument == "X."
    assert reply.with_argument(-1, "Last.").sections[-1].argument == "Last."


def test_with_argument_errors(reply: Reply) -> None:
    with pytest.raises(KeyError, match="no section 'article:8'"):
        reply.with_argument("article:8", "X.")
    with pytest.raises(KeyError, match="no section 7"):
        reply.with_argument(7, "X.")
    with pytest.raises(InputError, match="the argument is empty"):
        reply.with_argument(0, "  ")
    twice = Reply(sections=(reply.sections[1], reply.sections[1]), locale=reply.locale)
    with pytest.raises(KeyError, match="2 sections have the key"):
        twice.with_argument("objection:non_exhaustion", "X.")
    assert twice.with_argument(1, "X.").sections[1].argument == "X."


# ------------------------------------------------------------------ the argument bank


def test_every_bank_entry_has_both_languages_and_a_source() -> None:
    bank = argument_bank()
    assert set(bank) == set(BANK_KINDS)
    assert set(ADMISSIBILITY_KINDS) <= set(bank)
    for kind, entry in bank.items():
        assert entry.kind == kind
        assert entry.text_en.strip() and entry.text_fr.strip()
        assert entry.heading_en.strip() and entry.heading_fr.strip()
        assert entry.text_en != entry.text_fr
        assert entry.sources and all(s.strip() for s in entry.sources)
        assert entry.confidence in {"high", "medium", "low"}
        assert entry.review == "required"
    assert "Vučković" in bank["non_exhaustion"].text_en
    assert "Akdivar" in bank["non_exhaustion"].text_fr


def test_bank_loads_strictly() -> None:
    data = _raw_bank()
    assert set(load_argument_bank(data)) == set(BANK_KINDS)
    bad = {**data, "argument": [{**data["argument"][0], "colour": "red"}, *data["argument"][1:]]}
    with pytest.raises(RuleDataError) as caught:
        load_argument_bank(bad, path="arguments.toml")
    assert caught.value.path == "arguments.toml"
    assert caught.value.errors == ("unknown key 'colour' @ $.argument[0]",)


def test_bank_reports_every_problem_at_once() -> None:
    data = _raw_bank()
    entries = [dict(e) for e in data["argument"]]
    entries[0]["review"] = "optional"
    entries[1]["sources"] = []
    entries[2]["confidence"] = "certain"
    del entries[3]["text_fr"]
    entries[-1]["kind"] = "reservations"
    broken = {"version": 2, "argument": entries, "extra": 1}
    with pytest.raises(RuleDataError) as caught:
        load_argument_bank(broken)
    errors = "\n".join(caught.value.errors)
    for expected in (
        "unknown key 'extra' @ $",
        "version must be 1",
        "review must be 'required', not 'optional' @ $.argument[0]",
        "must be a non-empty list of strings @ $.argument[1].sources",
        "confidence must be one of",
        "missing key 'text_fr' @ $.argument[3]",
        "unknown kind 'reservations'",
        "no entry for kind 'unclassified' @ $.argument",
    ):
        assert expected in errors


def test_bank_duplicate_kind_and_missing_placeholder() -> None:
    data = _raw_bank()
    merits = next(e for e in data["argument"] if e["kind"] == "merits")
    broken = {
        "version": 1,
        "argument": [*data["argument"], data["argument"][1]],
    }
    with pytest.raises(RuleDataError, match="duplicate kind 'non_exhaustion'"):
        load_argument_bank(broken)
    others = [e for e in data["argument"] if e["kind"] != "merits"]
    with pytest.raises(RuleDataError, match=r"must contain \{article\}"):
        load_argument_bank(
            {"version": 1, "argument": [*others, {**merits, "heading_en": "Merits"}]}
        )
    with pytest.raises(RuleDataError, match=r"unknown placeholder \{her\} @ \$\.argument\["):
        load_argument_bank(
            {"version": 1, "argument": [*others, {**merits, "text_en": "{Applicant} and {her}."}]}
        )


_MONTHS = list(calendar.month_name)[1:]
_ENGLISH_CITATION = re.compile(
    r" v\. |\bnos?\. |\band (?:Others|others)\b|\(dec\.\)|\bof the\b|\bRules? \d|"
    rf"\b(?:{'|'.join(_MONTHS)})\b"
)


def test_french_citations_are_the_courts_french_form_one_for_one() -> None:
    for kind, entry in argument_bank().items():
        assert len(entry.sources_fr) == len(entry.sources), kind
        for english, french in zip(entry.sources, entry.sources_fr, strict=True):
            assert not _ENGLISH_CITATION.search(french), french
            # the same application numbers, years, articles and paragraphs, in the same order
            assert re.findall(r"\d+/\d{2}", french) == re.findall(r"\d+/\d{2}", english)
            assert re.findall(r"\d+", french) == re.findall(r"\d+", english), french
            assert (" v. " in english) == (" c. " in french)
            assert ("[GC]" in english) == ("[GC]" in french)
            assert ("(dec.)" in english) == ("(déc.)" in french)
            assert ("and Others" in english) == ("et autres" in french)
            assert ("no. " in english) == bool(re.search(r"\bno \d", french))
            assert ("nos. " in english) == ("nos " in french)
            ended = re.search(r"(\d{1,2} [A-Z][a-z]+ \d{4})$", english)
            if ended:  # the judgment's date, as litigate.l10n writes it in French
                number, month, year = ended.group(1).split()
                day = date(int(year), _MONTHS.index(month) + 1, int(number))
                assert english.endswith(court_date(day, "en"))
                assert french.endswith(court_date(day, "fr")), french
    worm = argument_bank()["time_limit"].sources_fr[0]
    assert worm == l10n.pgettext(
        "fr", "case-law citation", "Worm v. Austria, no. 22714/93, 29 August 1997"
    )


def test_bank_requires_french_sources_one_for_one() -> None:
    data = _raw_bank()
    entries = [dict(e) for e in data["argument"]]
    del entries[0]["sources_fr"]
    entries[1]["sources_fr"] = entries[1]["sources_fr"][:1]
    entries[2]["sources_fr"] = ["", "x"]
    with pytest.raises(RuleDataError) as caught:
        load_argument_bank({"version": 1, "argument": entries})
    assert caught.value.errors == (
        "missing key 'sources_fr' (the sources in French) @ $.argument[0]",
        "must give 2 citations, one for each of sources, not 1 @ $.argument[1].sources_fr",
        "must be a list of non-empty strings @ $.argument[2].sources_fr",
    )
    # a bank without French citations (the UN banks for now) loads when told so
    del entries[1]["sources_fr"], entries[2]["sources_fr"]
    bank = load_argument_bank({"version": 1, "argument": entries}, french_sources=False)
    assert bank["facts"].cited("fr") == bank["facts"].sources


def test_only_a_recorded_decision_date_is_named_as_the_governments_start(case: Any) -> None:
    items = [
        Item("h1", "Failure to comply with the four-month time limit"),
        Item("para", "The events took place on 17 January 2025 and the application is late."),
    ]
    result = reply_skeleton(case, read_observations(build_docx(items)), as_of=AS_OF)
    argument = result.sections[0].argument
    assert "17 January 2025" not in argument
    assert "The Government count" not in argument
    assert argument.startswith(
        "The final decision (Baku Court of Appeal, 14 May 2025) was served on the applicant's representative on 26 May 2025"
    )
    assert "expired on 26 September 2025" in argument
