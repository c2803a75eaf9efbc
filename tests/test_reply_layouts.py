"""The reply on three layouts of the same observations, golden texts, and two properties.

*Mammadova v. Azerbaijan* (fictional, ``tests/data/reply/mammadova.toml``): the
Government's observations (``tests/reply_layouts.py``) in Word automatic numbering,
typed numbers, and a title page with a table of contents.  On each, the rendered
reply answers every objection, cites every Government paragraph once, states the
engine's dates (the issue's example: cassation 12 September 2023, served on the
lawyer 9 October 2023, lodged 5 February 2024) and lists each factual disagreement.
The golden texts (``tests/golden/replies/*.golden``, normalised as in
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
from litigate._court_dates import court_date
from litigate.drafts.reply import fact_check
from tests.docx_factory import Item, build_docx
from tests.reply_layouts import LAYOUTS, PARAGRAPHS, layout_docx
from tests.test_golden import normalised_text

ROOT = Path(__file__).resolve().parent.parent
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
