"""``ecthr/observations-reply`` rendered from the Government's observations in Gasimzade.

The Government's observations (EN and FR) are built with :mod:`tests.docx_factory`,
read with :func:`litigate.read_observations`, answered with
:func:`litigate.reply_skeleton` and rendered with :func:`litigate.render`; the draft
is reopened with python-docx.
"""

from __future__ import annotations

import io
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import docx
import pytest

import litigate
import litigate.drafts
from litigate.drafts.reply import REVIEW_MARKER
from litigate.errors import InputError, TemplateContextError
from tests.docx_factory import gasimzade_docx

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)
TEMPLATE = "ecthr/observations-reply"
LOCALES = ["en", "fr"]
TIME_LIMIT_FIGURES = {
    "en": ("26 May 2025", "26 September 2025", "12 September 2025"),
    "fr": ("26 mai 2025", "26 septembre 2025", "12 septembre 2025"),
}
TITLES = {
    "en": "Observations of the applicant in reply to the Government's observations on the "
    "admissibility and merits",
    "fr": "Observations du requérant en réponse aux observations du Gouvernement sur la "
    "recevabilité et le fond",
}
OPENINGS = {
    "en": "In reply to paragraphs 15–19 of the Government's observations",
    "fr": "En réponse aux paragraphes 15 à 19 des observations du Gouvernement",
}
CONCLUSIONS = {
    "en": "For these reasons, the applicant invites the Court to declare the application "
    "admissible and to find a violation of Article 3 of the Convention and of Article 13 of "
    "the Convention, taken in conjunction with Article 3 of the Convention.",
    "fr": "Par ces motifs, le requérant invite la Cour à déclarer la requête recevable et à "
    "constater la violation de l'article 3 de la Convention et de l'article 13 de la "
    "Convention, combiné avec l'article 3 de la Convention.",
}


@cache
def _case() -> litigate.Case:
    return litigate.load_case(ROOT / "examples" / "custody-ill-treatment" / "case.toml")


@cache
def _reply_with_notes(locale: str) -> litigate.drafts.Reply:
    observations = litigate.read_observations(gasimzade_docx(locale))
    return litigate.reply_skeleton(_case(), observations, as_of=AS_OF, locale=locale)


def _reply(locale: str) -> litigate.drafts.Reply:
    """The reply as filed: the review notes read and removed."""
    return _reply_with_notes(locale).without_review_notes()


def _render(reply: litigate.drafts.Reply, locale: str, **extra: Any) -> Any:
    data = litigate.render(
        TEMPLATE, case=_case(), as_of=AS_OF, locale=locale, reply=reply, **extra
    )
    return docx.Document(io.BytesIO(data))


def _paragraphs(document: Any) -> list[Any]:
    return list(document.paragraphs)


def _section_paragraphs(document: Any) -> dict[str, Any]:
    """Each Heading 2 (a reply section) with the numbered paragraph that follows it."""
    found: dict[str, Any] = {}
    paragraphs = _paragraphs(document)
    for position, paragraph in enumerate(paragraphs):
        if paragraph.style is not None and paragraph.style.name == "Heading 2":
            following = paragraphs[position + 1]
            assert following.style is not None
            assert following.style.name == "Numbered Paragraph"
            found[paragraph.text] = following
    return found


@pytest.mark.parametrize("locale", LOCALES)
def test_reply_renders_every_section_in_order(locale: str) -> None:
    reply = _reply(locale)
    assert len(reply.sections) == 7
    document = _render(reply, locale)
    texts = [p.text for p in _paragraphs(document)]
    assert texts[0] == TITLES[locale]
    assert _paragraphs(document)[0].style.name == "Title"
    number = {"en": "Application no. 38215/25", "fr": "Requête no 38215/25"}[locale]
    assert number in texts
    assert "Gasimzade v. Azerbaijan" in texts
    header = document.sections[0].header.paragraphs[0].text
    assert "38215/25" in header
    assert "Gasimzade v. Azerbaijan" in header
    headings = [
        p.text
        for p in _paragraphs(document)
        if p.style is not None and p.style.name == "Heading 2"
    ]
    assert headings == [s.heading for s in reply.sections]
    body = "\n".join(texts)
    for section in reply.sections:
        assert section.opening in body, section.opening
    assert OPENINGS[locale] in body
    for figure in TIME_LIMIT_FIGURES[locale]:
        assert figure in body, figure
    assert CONCLUSIONS[locale] in texts
    assert "Rovshan Talibzade" in texts
    date_line = {"en": "23 November 2026", "fr": "Le 23 novembre 2026"}[locale]
    assert date_line in texts
    assert "{{" not in body
    assert "{%" not in body


@pytest.mark.parametrize("locale", LOCALES)
def test_opening_argument_marker_and_sources_per_section(locale: str) -> None:
    reply = _reply(locale)
    document = _render(reply, locale)
    marker = REVIEW_MARKER[locale]
    rendered = _section_paragraphs(document)
    assert list(rendered) == [s.heading for s in reply.sections]
    for section in reply.sections:
        paragraph = rendered[section.heading]
        expected = f"{section.opening}\n{section.argument}"
        if section.needs_review:
            expected = f"{marker} {expected}"
            (run,) = [r for r in paragraph.runs if marker in r.text]
            assert run.text == f"{marker} "
            assert run.bold is True
        assert paragraph.text == expected
    bank = [s for s in reply.sections if s.from_bank]
    assert bank
    assert all(s.needs_review for s in bank)
    body = "\n".join(p.text for p in _paragraphs(document))
    assert body.count(marker) == sum(s.needs_review for s in reply.sections)
    label = {"en": "Case-law relied on: ", "fr": "Jurisprudence invoquée\u00a0: "}[locale]
    separator = {"en": "; ", "fr": " ; "}[locale]
    for section in reply.sections:
        if section.sources:
            assert f"{label}{separator.join(section.sources)}." in body
    if locale == "fr":  # the Court's French form of the case law (c., no, French dates)
        lines = [line for line in body.splitlines() if line.startswith(label)]
        assert lines
        assert not any(" v. " in line or "no. " in line for line in lines)
        assert f"{label}Airey c. Irlande, no 6289/73, 9 octobre 1979." in body


@pytest.mark.parametrize("locale", LOCALES)
def test_the_lawyers_argument_replaces_the_bank_without_marker(locale: str) -> None:
    reply = _reply(locale).with_argument("objection:non_exhaustion", "Our own argument.")
    document = _render(reply, locale)
    rendered = _section_paragraphs(document)
    section = reply.sections[reply.index_of("objection:non_exhaustion")]
    paragraph = rendered[section.heading]
    assert paragraph.text == f"{section.opening}\nOur own argument."
    assert REVIEW_MARKER[locale] not in paragraph.text
    marker_count = "\n".join(p.text for p in _paragraphs(document)).count(REVIEW_MARKER[locale])
    assert marker_count == sum(s.needs_review for s in reply.sections)


@pytest.mark.parametrize("locale", LOCALES)
def test_multi_line_arguments_keep_their_line_breaks(locale: str) -> None:
    reply = _reply(locale).with_argument(
        "article:3", "First paragraph.\n\nSecond paragraph.\nThird line."
    )
    paragraph = _section_paragraphs(_render(reply, locale))[reply.sections[4].heading]
    assert paragraph.text.endswith("First paragraph.\n\nSecond paragraph.\nThird line.")
    breaks = paragraph._p.xpath(".//w:br")  # python-docx has no API for line breaks
    assert len(breaks) == 4  # after the opening, then the argument's three


def test_place_and_escaping_render() -> None:
    reply = _reply("en").with_argument("article:13", 'Smith & Sons <Ltd> argue "nothing".')
    texts = [p.text for p in _paragraphs(_render(reply, "en", place="Baku"))]
    assert "Baku, 23 November 2026" in texts
    assert any('Smith & Sons <Ltd> argue "nothing".' in t for t in texts)
    fr = [p.text for p in _paragraphs(_render(_reply("fr"), "fr", place="Bakou"))]
    assert "Bakou, le 23 novembre 2026" in fr


def test_missing_reply_is_reported() -> None:
    with pytest.raises(TemplateContextError, match="reply"):
        litigate.render(TEMPLATE, case=_case(), as_of=AS_OF, locale="en")


def test_conclusion_without_complaints() -> None:
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title="A v. Azerbaijan",
        applicants=[litigate.Applicant.person(name="A")],
    )
    data = litigate.render(TEMPLATE, case=case, as_of=AS_OF, locale="en", reply=_reply("en"))
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert (
        "For these reasons, the applicant invites the Court to declare the application "
        "admissible." in texts
    )
    assert "A" in texts  # the signatory, without a representative


@pytest.mark.parametrize("locale", LOCALES)
def test_review_notes_are_refused_unless_asked_and_printed_apart(locale: str) -> None:
    reply = _reply_with_notes(locale)
    # § 15: the Government's expiry (14 September 2025) is not the engine's
    assert any(
        n.startswith("§ 15: the Government give 14 September 2025") for n in reply.review_notes
    )
    with pytest.raises(InputError, match="review note") as caught:
        litigate.render(TEMPLATE, case=_case(), as_of=AS_OF, locale=locale, reply=reply)
    assert caught.value.field == "reply.review_notes"
    data = litigate.render(
        TEMPLATE, case=_case(), as_of=AS_OF, locale=locale, reply=reply, with_review_notes=True
    )
    paragraphs = _paragraphs(docx.Document(io.BytesIO(data)))
    texts = [p.text for p in paragraphs]
    title = {
        "en": "Review notes for the lawyer (remove before filing)",
        "fr": "Notes de relecture pour l'avocat (à retirer avant le dépôt)",
    }[locale]
    # the notes come after the signature, in their own part
    assert texts.index(title) > texts.index("Rovshan Talibzade")
    for note in reply.review_notes:
        assert note in texts[texts.index(title) :]
    filed = [p.text for p in _paragraphs(_render(reply.without_review_notes(), locale))]
    assert title not in filed
    assert not any(note in filed for note in reply.review_notes)
