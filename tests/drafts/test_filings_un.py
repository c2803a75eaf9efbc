"""UN treaty-body drafts: communication, comments on observations, follow-up (en, fr, ru)."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date
from pathlib import Path
from typing import Any

import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import litigate
import litigate.drafts
import litigate.model
from litigate._court_dates import court_date, weekday_name
from litigate.drafts.api import lint_templates, render
from litigate.drafts.context import build_context
from litigate.drafts.un import REVIEW_MARKERS, un_context, un_data
from litigate.errors import InputError
from litigate.parse.followup import follow_up_grades

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)
LOCALES = ("en", "fr", "ru")
IDS = ("un/communication", "un/comments-on-observations", "un/follow-up-submission")


def _case(name: str) -> litigate.Case:
    return litigate.load_case(ROOT / "examples" / name / "case.toml")


def _reply(locale: str) -> litigate.drafts.Reply:
    heading = {"en": "A. Time of submission", "fr": "A. Délai", "ru": "A. О сроке"}[locale]
    return litigate.drafts.Reply(
        locale=locale,
        sections=(
            litigate.drafts.ReplySection(
                kind="time_limit",
                heading=heading,
                answers=(7,),
                opening="§ 7",
                argument="Argument & <reply>",
                from_bank=False,
                needs_review=True,
                sources=("CAT/C/72/D/869/2018",),
            ),
        ),
    )


def _ctx(case: litigate.Case, **kwargs: Any) -> dict[str, Any]:
    """The template context, typed loosely for the assertions."""
    context: dict[str, Any] = build_context(case, **kwargs)
    return context


def _docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _lines(document: Any) -> list[str]:
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines.extend(" | ".join(c.text for c in row.cells) for row in table.rows)
    return lines


def _headings(document: Any, level: int = 1) -> list[str]:
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name == f"Heading {level}"
    ]


def _render(template_id: str, case: litigate.Case, locale: str, **extra: Any) -> Any:
    if template_id == "un/comments-on-observations" and "reply" not in extra:
        extra["reply"] = _reply(locale)
    return _docx(render(template_id, case=case, as_of=AS_OF, locale=locale, **extra))


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 11, 18), "18 ноября 2025\u00a0г."),
        (date(2026, 1, 1), "1 января 2026\u00a0г."),
        (date(2024, 5, 31), "31 мая 2024\u00a0г."),
    ],
)
def test_russian_court_dates_use_the_genitive(day: date, expected: str) -> None:
    assert court_date(day, "ru") == expected
    assert court_date(day, "ru_RU") == expected
    assert weekday_name(date(2025, 11, 18), "ru") == "вторник"


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_every_russian_date_is_day_genitive_month_year(day: date) -> None:
    text = court_date(day, "ru")
    match = re.fullmatch(r"(\d{1,2}) ([а-я]+) (\d{4})\u00a0г\.", text)
    assert match is not None, text
    assert int(match.group(1)) == day.day
    assert match.group(2).endswith(("я", "а"))  # genitive: января, марта…
    assert court_date(day, "en") != text


# --------------------------------------------------------------------------- context


def test_context_keys_are_stable() -> None:
    for name in ("cat-torture-communication", "hrc-after-ecthr", "cat-follow-up"):
        for locale in LOCALES:
            ctx = un_context(_case(name), as_of=AS_OF, locale=locale, lang=locale)
            assert set(ctx) == {"un", "follow_up"}
    ecthr = un_context(_case("journalist-detention"), as_of=AS_OF, locale="en", lang="en")
    assert ecthr == {"un": None, "follow_up": None}


@pytest.mark.parametrize(
    ("example", "anonymisation", "same_matter", "interim"),
    [
        ("cat-torture-communication", True, False, False),
        ("hrc-after-ecthr", False, True, False),
        ("cat-follow-up", False, False, False),
    ],
)
def test_yes_no_answers_per_example(
    example: str, anonymisation: bool, same_matter: bool, interim: bool
) -> None:
    un = _ctx(_case(example), as_of=AS_OF)["un"]
    assert (un["anonymisation"], un["same_matter"], un["interim"]) == (
        anonymisation,
        same_matter,
        interim,
    )
    answers = {"en": ("Yes", "No"), "fr": ("Oui", "Non"), "ru": ("Да", "Нет")}
    for locale in LOCALES:
        document = _render("un/communication", _case(example), locale)
        yes, no = answers[locale]
        got = [
            p.text.rsplit(" ", 1)[-1]
            for p in document.paragraphs
            if p.runs and p.runs[0].text.rstrip().endswith("?")
        ]
        assert got == [yes if a else no for a in (anonymisation, same_matter, interim)]


def test_interim_measures_answer_yes_with_the_measure() -> None:
    case = litigate.Case(
        forum="hrc",
        respondent="AZE",
        applicants=[litigate.Applicant.person(name="Rauf Aliyev")],
        interim_measures=litigate.model.InterimMeasures(
            risk="Extradition on 1 December 2026", measure="Not to extradite the author"
        ),
    )
    text = "\n".join(_lines(_render("un/communication", case, "en")))
    assert "Do you request interim measures or protection measures? Yes" in text
    assert "Measure requested: Not to extradite the author" in text


def test_russian_claims_and_acceptance() -> None:
    un = _ctx(_case("hrc-after-ecthr"), as_of=AS_OF, locale="ru")["un"]
    assert [c["heading"] for c in un["claims"]] == [
        "Пункт 2 статьи 19 Пакта",
        "Пункт 1 статьи 9 Пакта",
        "Пункт 1 статьи 14 Пакта",
    ]
    assert un["claims"][0]["violation"] == "пункта 2 статьи 19 Пакта"
    # explain() speaks Russian (the ru catalogue): every complaint gets the engine's paragraph.
    assert all(c["time_limit"] and "срок" in c["time_limit"] for c in un["claims"])
    assert un["acceptance"]["in_force_from"] == "27 февраля 2002\u00a0г."
    assert un["state"]["name"] == "Азербайджан"
    assert un["procedures"][0]["body"] == "Европейский суд по правам человека"


def test_grades_follow_the_grade_data() -> None:
    assert sorted(un_data()["grades"]) == sorted(follow_up_grades())
    rows = _ctx(_case("cat-follow-up"), as_of=AS_OF)["follow_up"]["recommendations"]
    assert [r["grade"]["letter"] for r in rows] == ["B", "C", "E"]
    assert rows[0]["grade"]["label"] == follow_up_grades()["B"].label
    assert [r["due_on"] for r in rows] == ["2 May 2026"] * 3


def test_follow_up_due_date_falls_back_to_one_year_for_cat() -> None:
    case = litigate.Case(
        forum="cat",
        respondent="AZE",
        applicants=[litigate.Applicant.organisation(name="Centre")],
        follow_up=litigate.model.FollowUp(
            document="CAT/C/AZE/CO/5",
            adopted_on=date(2025, 5, 2),
            recommendations=[
                litigate.model.Recommendation(paragraph="9", text="Act.", grade="(1/E)")
            ],
        ),
    )
    row = _ctx(case, as_of=AS_OF, locale="fr")["follow_up"]["recommendations"][0]
    assert (row["due_on"], row["due_stated"], row["grade"]["letter"]) == ("2 mai 2026", False, "E")
    text = "\n".join(_lines(_render("un/follow-up-submission", case, "fr")))
    assert "2 mai 2026 (un an après l'adoption" in text


# --------------------------------------------------------------------------- structure


ORDER = {
    "en": ["1. Committee", "2. State party", "3. ", "4. Counsel", "5. Questions",
           "6. Summary of the facts", "7. Exhaustion", "8. Legal claims", "9. Checklist",
           "Date and signature"],
    "fr": ["1. Comité", "2. État partie", "3. ", "4. Conseil", "5. Questions",
           "6. Exposé sommaire", "7. Épuisement", "8. Griefs", "9. Liste",
           "Date et signature"],
    "ru": ["1. Комитет", "2. Соответствующее", "3. ", "4. Адвокат", "5. Вопросы",
           "6. Краткое", "7. Исчерпание", "8. Правовые", "9. Перечень", "Дата и подпись"],
}  # fmt: skip
"""Heading 3 names the person as the Committee does (tests/drafts/test_un_party.py)."""


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("example", ["cat-torture-communication", "hrc-after-ecthr"])
def test_communication_follows_the_ohchr_form(locale: str, example: str) -> None:
    case = _case(example)
    document = _render("un/communication", case, locale)
    headings = _headings(document)
    assert len(headings) == len(ORDER[locale])
    for heading, start in zip(headings, ORDER[locale], strict=True):
        assert heading.startswith(start), (heading, start)
    context = _ctx(case, as_of=AS_OF, locale=locale)
    claims = _headings(document, 2)
    for claim in context["un"]["claims"]:
        assert any(h.startswith(claim["heading"]) for h in claims)
    text = "\n".join(_lines(document))
    assert court_date(AS_OF, locale) in text
    assert context["un"]["committee"] in text
    for decision in case.proceedings:
        assert decision.taken_on is not None
        assert court_date(decision.taken_on, locale) in text
    numbered = [
        p
        for p in document.paragraphs
        if p.style is not None and p.style.name == "Numbered Paragraph"
    ]
    assert len(numbered) >= len(case.proceedings)
    rows = document.tables[-1].rows[1:]
    assert [r.cells[0].text for r in rows] == [str(n) for n in range(1, len(rows) + 1)]
    assert len(rows) == len(case.documents)
    if locale == "ru":  # the case data are English; the headings and labels are not
        labels = [
            r.text
            for p in document.paragraphs
            for r in p.runs
            if r.style is not None and r.style.name == "Field Label"
        ]
        names = [a.name for a in case.applicants]
        for line in [*headings, *claims, *labels]:
            for name in names:
                line = line.replace(name, "")  # noqa: PLW2901 - the case's own data
            assert not re.search(r"[A-Za-z]{3,}", line), line
    else:
        assert context["un"]["claims"][0]["time_limit"] in text


@pytest.mark.parametrize("locale", LOCALES)
def test_comments_sections_and_conclusion(locale: str) -> None:
    case = _case("hrc-after-ecthr")
    document = _render("un/comments-on-observations", case, locale)
    text = "\n".join(_lines(document))
    number = {"en": "Communication No. 4521/2025", "fr": "Communication no 4521/2025",
              "ru": "Сообщение № 4521/2025"}[locale]  # fmt: skip
    assert number in text
    assert _headings(document, 2) == [_reply(locale).sections[0].heading]
    assert f"{REVIEW_MARKERS[locale]} § 7\nArgument & <reply>" in text
    conclusion = {
        "en": "violation of article 19 (2) of the Covenant; of article 9 (1)",
        "fr": "violation de l'article 19 (par. 2) du Pacte",
        "ru": "нарушение пункта 2 статьи 19 Пакта; пункта 1 статьи 9 Пакта",
    }[locale]
    context = _ctx(case, as_of=AS_OF, locale=locale)
    assert context["un"]["claims"][0]["violation"] in text
    if locale != "fr":
        assert conclusion in text
    assert "Emil Sadikhov" in text


@pytest.mark.parametrize("locale", LOCALES)
def test_follow_up_submission(locale: str) -> None:
    case = _case("cat-follow-up")
    document = _render("un/follow-up-submission", case, locale)
    text = "\n".join(_lines(document))
    assert "CAT/C/AZE/CO/5" in text
    assert court_date(date(2025, 5, 2), locale) in text
    assert court_date(date(2026, 4, 28), locale) in text
    assert _headings(document, 2)[0].endswith("11 (a)")
    grades = _ctx(case, as_of=AS_OF, locale=locale)["follow_up"]["recommendations"]
    positions = [text.index(r["grade"]["meaning"]) for r in grades]
    assert positions == sorted(positions)
    assert "Caspian Centre for Detainees' Rights" in text


# --------------------------------------------------------------------------- languages


_ENGLISH = re.compile(
    r"\b(Committee|Author|State party|Date of|Yes|Recommendation|Reply|Assessment|"
    r"Comments|Treaty|Representative|Submission|Checklist|Legal claims)\b"
)


def _template_text(template_id: str, locale: str) -> str:
    forum, name = template_id.split("/")
    source = docx.Document(str(ROOT / "templates" / forum / f"{name}.{locale}.docx"))
    text = "\n".join(_lines(source))
    text += "\n" + "\n".join(p.text for p in source.sections[0].header.paragraphs)
    return re.sub(r"\{[{%].*?[%}]\}", " ", text)  # the tags are code, not text


@pytest.mark.parametrize("template_id", IDS)
@pytest.mark.parametrize("locale", ["fr", "ru"])
def test_french_and_russian_templates_have_no_english(template_id: str, locale: str) -> None:
    text = _template_text(template_id, locale)
    assert _ENGLISH.search(text) is None, _ENGLISH.search(text)
    if locale == "ru":
        words = set(re.findall(r"[A-Za-z]{3,}", text)) - {"litigate"}
        assert not words, words


# --------------------------------------------------------------------------- safety


HOSTILE = (
    st.lists(
        st.sampled_from([*"ab &<>əğış\"'", "]]>", "&amp;", "مرحبا", "{{ x }}"]),
        min_size=1,
        max_size=12,
    )
    .map("".join)
    .filter(lambda s: s.strip() == s and bool(s))
)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=HOSTILE, note=HOSTILE, locale=st.sampled_from(LOCALES))
def test_hostile_values_give_valid_documents(name: str, note: str, locale: str) -> None:
    case = litigate.Case(
        forum="cat",
        respondent="AZE",
        title=f"{name} v. Azerbaijan",
        facts=note,
        applicants=[litigate.Applicant.organisation(name=name, address=note)],
        complaints=[litigate.Complaint(provision="CAT-16", summary=note)],
        other_procedures=[litigate.OtherProcedure(body=note, status="pending")],
        follow_up=litigate.model.FollowUp(
            document=note,
            recommendations=[
                litigate.model.Recommendation(
                    paragraph=name, text=note, grade=name[:10].strip() or "B", assessment=note
                )
            ],
        ),
    )
    for template_id in IDS:
        text = "\n".join(_lines(_render(template_id, case, locale)))
        assert name in text


def test_draft_mode_marks_missing_values() -> None:
    case = _case("cat-torture-communication")
    reply = {"sections": [{"heading": "A.", "needs_review": False, "sources": ()}]}
    data = render("un/comments-on-observations", case=case, as_of=AS_OF, draft=True, reply=reply)
    text = "\n".join(_lines(_docx(data)))
    assert "[MISSING: reply.sections[0].opening]" in text


@pytest.mark.parametrize("template_id", IDS)
@pytest.mark.parametrize("locale", LOCALES)
def test_anonymise_leaves_no_trace_of_the_author(template_id: str, locale: str) -> None:
    case = _case("cat-torture-communication")
    person = case.applicants[0]
    case = litigate.Case(
        **{
            **{f: getattr(case, f) for f in ("forum", "respondent", "complaints", "proceedings")},
            "applicants": [person],
            "facts": f"{person.name} was arrested. Kazimli complained.",
            "title": "Kazimli v. Azerbaijan",
            "follow_up": litigate.model.FollowUp(
                recommendations=[litigate.model.Recommendation(paragraph="1", text="Kazimli case")]
            ),
        }
    )
    data = render(template_id, case=case, as_of=AS_OF, locale=locale, anonymise=True,
                  reply=_reply(locale))  # fmt: skip
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for part in package.namelist():
            blob = package.read(part).decode("utf-8", "replace")
            for word in ("Tural", "Kazimli", "1994-10-02", "Sumgayit"):
                assert word not in blob, (part, word)


def test_templates_pass_the_linter() -> None:
    known = {*_ctx(_case("cat-follow-up"), as_of=AS_OF), "reply"}
    paths = [
        ROOT / "templates" / t.split("/")[0] / f"{t.split('/')[1]}.{loc}.docx"
        for t in IDS
        for loc in LOCALES
    ]
    lints = lint_templates(paths, known_variables=known)
    assert len(lints) == len(paths)
    for lint in lints:
        assert lint.ok, lint


_NOTE_HEADINGS = {
    "en": "Review notes for the lawyer (remove before filing)",
    "fr": "Notes de relecture pour l'avocat (à retirer avant le dépôt)",
    "ru": "Замечания для проверки юристом (удалить перед подачей)",
}


@pytest.mark.parametrize("locale", LOCALES)
def test_comments_print_review_notes_apart_only_when_asked(locale: str) -> None:
    """Review notes: refused by default, printed after the signature when asked, gone when removed."""
    case = _case("hrc-after-ecthr")
    notes = ("§ 7: the State party give 1 March 2020 as the date of the final decision.",
             "§ 9 (exhaustion): check the appeal & <cassation>.")  # fmt: skip
    reply = _reply(locale)
    reply = litigate.drafts.Reply(sections=reply.sections, locale=locale, review_notes=notes)
    with pytest.raises(InputError) as caught:
        render("un/comments-on-observations", case=case, as_of=AS_OF, locale=locale, reply=reply)
    assert caught.value.field == "reply.review_notes"
    shown = _render("un/comments-on-observations", case, locale, reply=reply,
                    with_review_notes=True)  # fmt: skip
    paragraphs = [p for p in shown.paragraphs if p.text.strip()]
    texts = [p.text for p in paragraphs]
    part = texts.index(_NOTE_HEADINGS[locale])
    assert paragraphs[part].style.name == "Heading 1"
    assert texts[part + 1 :] == list(notes)
    assert all(p.style.name == "List Bullet" for p in paragraphs[part + 1 :])
    signature = {"en": "Representative of the author", "fr": "Représentant de l'auteur",
                 "ru": "Представитель автора"}[locale]  # fmt: skip
    assert max(i for i, t in enumerate(texts) if signature in t) < part
    filed = _render("un/comments-on-observations", case, locale,
                    reply=reply.without_review_notes())  # fmt: skip
    text = "\n".join(_lines(filed))
    assert _NOTE_HEADINGS[locale] not in text
    assert not any(note in text for note in notes)
    assert f"{REVIEW_MARKERS[locale]} § 7" in text
