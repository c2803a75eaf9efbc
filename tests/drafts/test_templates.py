"""The DOCX templates: committed Word files, laid out per the Practice Direction, renderable.

* the committed DOCX files are the source (edited in Word or LibreOffice, then
  ``litigate template normalise``); ``manifest.toml`` lists every one of them;
* every template is A4 with 3.5 cm side margins, real Heading 1–3 styles, 12 pt body,
  10 pt footnotes, 1.5 line spacing, a Word numbering definition ("%1.") for the
  numbered paragraphs, and a PAGE field in the footer;
* every tag sits in one run, every ``{%p %}`` tag alone in its paragraph (docxtpl #161);
* every template renders, strictly, with every example case of its forum in each of
  its locales, with litigate's engine (``litigate.drafts.engine``, skipped if absent)
  and with docxtpl (StrictUndefined, autoescape), and the output says what it must (names, States, citations, section G,
  numbered documents); the French drafts carry no English headings;
* a template that needs values beyond :func:`build_context` (``ecthr/observations-reply``
  needs ``reply=``) receives them from :data:`EXTRA_VALUES` in the generic render tests
  (see ``tests/drafts/test_reply_template.py`` for the reply rendered from real observations).
"""

from __future__ import annotations

import importlib
import importlib.util
import io
import re
import tomllib
import zipfile
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import docx
import jinja2
import pytest

import litigate
import litigate.drafts
from litigate.drafts.context import build_context
from litigate.drafts.reply import REVIEW_MARKER

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
AS_OF = date(2026, 11, 23)
REPLY = "ecthr/observations-reply"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NS = {"w": W[1:-1]}


def _manifest() -> dict[str, Any]:
    with (TEMPLATES / "manifest.toml").open("rb") as handle:
        return tomllib.load(handle)["templates"]  # type: ignore[no-any-return]


def _template_files() -> list[tuple[str, str, Path]]:
    out = []
    for template_id, entry in sorted(_manifest().items()):
        forum, name = template_id.split("/")
        for locale in entry["locales"]:
            out.append((template_id, locale, TEMPLATES / forum / f"{name}.{locale}.docx"))
    return out


TEMPLATE_FILES = _template_files()
IDS = [f"{tid}.{loc}" for tid, loc, _ in TEMPLATE_FILES]
EXAMPLES = sorted(p.parent.name for p in (ROOT / "examples").glob("*/case.toml"))


def _xml(path: Path, part: str) -> ET.Element:
    with zipfile.ZipFile(path) as package:
        return ET.fromstring(package.read(part))


def _attr(element: ET.Element | None, name: str) -> str | None:
    assert element is not None
    value = element.get(f"{W}{name}")
    return None if value is None else str(value)


# --------------------------------------------------------------------------------------
# The manifest and the files
# --------------------------------------------------------------------------------------


def test_manifest_lists_every_template_with_titles_and_context() -> None:
    manifest = _manifest()
    listed = {f for entry in manifest.values() for f in entry["files"]}
    committed = {p.relative_to(TEMPLATES).as_posix() for p in TEMPLATES.rglob("*.docx")}
    assert listed == committed, "every DOCX under templates/ is listed in manifest.toml, once"
    assert {"ecthr/application", "ecthr/cover-letter", REPLY} <= set(manifest)
    for template_id, entry in manifest.items():
        forum, name = template_id.split("/")
        assert entry["forum"] == forum
        assert entry["files"] == [f"{forum}/{name}.{loc}.docx" for loc in entry["locales"]]
        assert set(entry["title"]) == {"en", "fr"}
        assert entry["description"]
        assert entry["locales"][:2] == ["en", "fr"]
        assert set(entry["case_forums"]) <= {f.value for f in litigate.Forum}
        context = build_context(
            litigate.load_case(ROOT / "examples" / "journalist-detention" / "case.toml"),
            as_of=AS_OF,
        )
        extra = set(EXTRA_VALUES.get(template_id, lambda _locale: {})("en"))
        assert set(entry["context"]) <= set(context) | extra, template_id


# --------------------------------------------------------------------------------------
# Layout (Practice Direction on written pleadings)
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("template_id", "locale", "path"), TEMPLATE_FILES, ids=IDS)
def test_page_is_a4_with_the_margins(template_id: str, locale: str, path: Path) -> None:
    document = _xml(path, "word/document.xml")
    sections = document.findall(".//w:sectPr", NS)
    assert sections
    for section in sections:
        size = section.find("w:pgSz", NS)
        assert (_attr(size, "w"), _attr(size, "h")) == ("11906", "16838")  # 21 x 29.7 cm
        margins = section.find("w:pgMar", NS)
        for side in ("left", "right"):
            twips = int(_attr(margins, side) or 0)
            assert twips >= 1984, (template_id, side)  # 3.5 cm = 1984.25 twips


def _style(styles: ET.Element, style_id: str) -> ET.Element:
    found = styles.find(f"w:style[@w:styleId='{style_id}']", NS)
    assert found is not None, f"style {style_id} is missing"
    return found


@pytest.mark.parametrize(("template_id", "locale", "path"), TEMPLATE_FILES, ids=IDS)
def test_styles_fonts_and_spacing(template_id: str, locale: str, path: Path) -> None:
    styles = _xml(path, "word/styles.xml")
    normal = _style(styles, "Normal")
    assert _attr(normal.find("w:rPr/w:sz", NS), "val") == "24"  # 12 pt
    assert _attr(normal.find("w:pPr/w:spacing", NS), "line") == "360"  # 1.5 lines
    assert (
        _attr(normal.find("w:rPr/w:lang", NS), "val")
        == {"en": "en-GB", "fr": "fr-FR", "ru": "ru-RU"}[locale]
    )
    footnote = _style(styles, "FootnoteText")
    assert _attr(footnote.find("w:name", NS), "val") == "footnote text"  # Word's built-in
    assert _attr(footnote.find("w:rPr/w:sz", NS), "val") == "20"  # 10 pt
    for level in (1, 2, 3):
        heading = _style(styles, f"Heading{level}")
        assert _attr(heading.find("w:name", NS), "val") == f"heading {level}"
        assert _attr(heading.find("w:pPr/w:outlineLvl", NS), "val") == str(level - 1)
        size = int(_attr(heading.find("w:rPr/w:sz", NS), "val") or 0)
        assert size >= 24


@pytest.mark.parametrize(("template_id", "locale", "path"), TEMPLATE_FILES, ids=IDS)
def test_numbered_paragraphs_use_word_numbering(template_id: str, locale: str, path: Path) -> None:
    styles = _xml(path, "word/styles.xml")
    numbered = _style(styles, "NumberedParagraph")
    num_id = _attr(numbered.find("w:pPr/w:numPr/w:numId", NS), "val")
    numbering = _xml(path, "word/numbering.xml")
    num = numbering.find(f"w:num[@w:numId='{num_id}']", NS)
    assert num is not None
    abstract_id = _attr(num.find("w:abstractNumId", NS), "val")
    abstract = numbering.find(f"w:abstractNum[@w:abstractNumId='{abstract_id}']", NS)
    assert abstract is not None
    level = abstract.find("w:lvl[@w:ilvl='0']", NS)
    assert level is not None
    assert _attr(level.find("w:numFmt", NS), "val") == "decimal"
    assert _attr(level.find("w:lvlText", NS), "val") == "%1."
    assert _attr(level.find("w:start", NS), "val") == "1"
    assert _attr(num.find("w:lvlOverride/w:startOverride", NS), "val") == "1"
    body = _xml(path, "word/document.xml")
    uses = body.findall(".//w:pStyle[@w:val='NumberedParagraph']", NS)
    assert uses, "the body has no numbered paragraph"


@pytest.mark.parametrize(("template_id", "locale", "path"), TEMPLATE_FILES, ids=IDS)
def test_header_and_page_numbers(template_id: str, locale: str, path: Path) -> None:
    with zipfile.ZipFile(path) as package:
        names = package.namelist()
        footers = [package.read(n).decode() for n in names if n.startswith("word/footer")]
        headers = [package.read(n).decode() for n in names if n.startswith("word/header")]
    assert any(re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", f) for f in footers)
    assert any("case.application_no" in h and "case.title" in h for h in headers)


@pytest.mark.parametrize(("template_id", "locale", "path"), TEMPLATE_FILES, ids=IDS)
def test_tags_are_whole_runs(template_id: str, locale: str, path: Path) -> None:
    """Split tags and two ``{%p %}`` in one paragraph are docxtpl's classic corruptions."""
    with zipfile.ZipFile(path) as package:
        parts = [
            n
            for n in package.namelist()
            if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n)
        ]
        for part in parts:
            root = ET.fromstring(package.read(part))
            for run in root.iter(f"{W}r"):
                text = "".join(t.text or "" for t in run.iter(f"{W}t"))
                assert text.count("{{") == text.count("}}"), (part, text)
                assert text.count("{%") == text.count("%}"), (part, text)
            for paragraph in root.iter(f"{W}p"):
                text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
                if "{%p" in text:
                    assert re.fullmatch(r"\{%p [^%]+ %\}", text), (part, text)


# --------------------------------------------------------------------------------------
# Rendering with every example case
# --------------------------------------------------------------------------------------


def _engine_renderer() -> Callable[[Path, str, Mapping[str, object]], bytes] | None:
    try:
        engine = importlib.import_module("litigate.drafts.engine")
    except ImportError:
        return None
    compile_template = getattr(engine, "compile_template", None)
    if compile_template is None:
        return None

    def render(path: Path, template_id: str, context: Mapping[str, object]) -> bytes:
        compiled = compile_template(path.read_bytes(), template_id=template_id)
        result: bytes = compiled.render(dict(context))
        return result

    return render


def _docxtpl_render(path: Path, template_id: str, context: Mapping[str, object]) -> bytes:
    """docxtpl with strict undefined values, autoescaping and litigate's filters."""
    from docxtpl import DocxTemplate

    from litigate.drafts.filters import FILTERS

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    env.filters.update(FILTERS)
    template = DocxTemplate(str(path))
    template.render(dict(context), env, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()


BACKENDS = ["engine", "docxtpl"]


def render(
    path: Path, template_id: str, context: Mapping[str, object], backend: str = "engine"
) -> bytes:
    """Render with litigate's engine (when importable) or with docxtpl, both strict."""
    if backend == "engine":
        engine = _engine_renderer()
        if engine is None:
            pytest.skip("litigate.drafts.engine is not available")
        return engine(path, template_id, context)
    return _docxtpl_render(path, template_id, context)


def _cases() -> Iterator[tuple[str, str, Path, str]]:
    manifest = _manifest()
    for template_id, locale, path in TEMPLATE_FILES:
        entry = manifest[template_id]
        for example in EXAMPLES:
            data = _case_data(example)
            if data["forum"] in entry["case_forums"] and all(
                key in data for key in entry["requires"]
            ):
                yield template_id, locale, path, example


@cache
def _case_data(example: str) -> dict[str, Any]:
    with (ROOT / "examples" / example / "case.toml").open("rb") as handle:
        return tomllib.load(handle)


RENDER_CASES = list(_cases())


def _sample_reply(locale: str) -> litigate.drafts.Reply:
    """A reply of two sections: one the lawyer's (two lines), one still to review."""
    fr = locale == "fr"
    return litigate.drafts.Reply(
        locale=locale,
        sections=(
            litigate.drafts.ReplySection(
                kind="time_limit",
                heading="A. Sur le respect du délai"
                if fr
                else "A. Compliance with the time limit",
                answers=(15, 16),
                opening="En réponse aux paragraphes 15 et 16 des observations du Gouvernement, "
                "le requérant fait valoir ce qui suit."
                if fr
                else "In reply to paragraphs 15 and 16 of the Government's observations, "
                "the applicant submits as follows.",
                argument="Première ligne.\nDeuxième ligne." if fr else "First line.\nSecond line.",
                from_bank=False,
                needs_review=False,
                sources=(
                    "Worm c. Autriche, no 22714/93, 29 août 1997"
                    if fr
                    else "Worm v. Austria, no. 22714/93, 29 August 1997",
                ),
            ),
            litigate.drafts.ReplySection(
                kind="merits",
                article="3",
                heading="B. Sur la violation alléguée de l'article 3 de la Convention"
                if fr
                else "B. Alleged violation of Article 3 of the Convention",
                answers=(24,),
                opening="En réponse au paragraphe 24 des observations du Gouvernement, le "
                "requérant fait valoir ce qui suit."
                if fr
                else "In reply to paragraph 24 of the Government's observations, the "
                "applicant submits as follows.",
                argument="Le requérant maintient son grief."
                if fr
                else "The applicant maintains his complaint.",
                from_bank=True,
                needs_review=True,
            ),
        ),
    )


EXTRA_VALUES: dict[str, Callable[[str], dict[str, object]]] = {
    REPLY: lambda locale: {"reply": _sample_reply(locale)},
    "un/comments-on-observations": lambda locale: {
        "reply": litigate.drafts.Reply(
            locale=locale,
            sections=(
                litigate.drafts.ReplySection(
                    kind="non_exhaustion",
                    heading={
                        "en": "A. Exhaustion of domestic remedies",
                        "fr": "A. Sur l'épuisement des recours internes",
                        "ru": "A. Об исчерпании внутренних средств правовой защиты",
                    }[locale],
                    answers=(4, 5),
                    opening={
                        # no party word: the fixture serves HRC and CAT cases alike
                        "en": "In reply to paragraphs 4 and 5 of the State party's "
                        "observations, the following is submitted.",
                        "fr": "En réponse aux paragraphes 4 et 5 des observations de l'État "
                        "partie, il est répondu ce qui suit.",
                        "ru": "В ответ на пункты 4 и 5 замечаний государства-участника "
                        "сообщается следующее.",
                    }[locale],
                    argument={
                        "en": "Every ordinary remedy was used.",
                        "fr": "Tous les recours ordinaires ont été exercés.",
                        "ru": "Все обычные средства правовой защиты были использованы.",
                    }[locale],
                    from_bank=False,
                    needs_review=True,
                    sources=("CCPR/C/135/D/2945/2017",),
                ),
            ),
        )
    },
}
"""Values a template needs beyond :func:`build_context`, by template id (given a locale)."""


@cache
def _rendered(
    example: str, template_id: str, locale: str, backend: str = "engine"
) -> tuple[docx.document.Document, dict[str, Any]]:
    case = litigate.load_case(ROOT / "examples" / example / "case.toml")
    extra = EXTRA_VALUES.get(template_id, lambda _locale: {})(locale)
    context = build_context(case, as_of=AS_OF, locale=locale, **extra)
    path = next(p for t, loc, p in TEMPLATE_FILES if t == template_id and loc == locale)
    return docx.Document(io.BytesIO(render(path, template_id, context, backend))), context


def _text(document: Any) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" | ".join(c.text for c in row.cells))
    return "\n".join(parts)


def test_every_template_has_an_example_case() -> None:
    covered = {(t, loc) for t, loc, _, _ in RENDER_CASES}
    assert covered == {(t, loc) for t, loc, _ in TEMPLATE_FILES}


@pytest.mark.parametrize(
    ("template_id", "locale", "example"),
    [(t, loc, ex) for t, loc, _, ex in RENDER_CASES],
    ids=[f"{t}.{loc}-{ex}" for t, loc, _, ex in RENDER_CASES],
)
@pytest.mark.parametrize("backend", BACKENDS)
def test_renders_with_the_example(
    template_id: str, locale: str, example: str, backend: str
) -> None:
    document, context = _rendered(example, template_id, locale, backend)
    text = _text(document)
    assert "{{" not in text
    assert "{%" not in text
    case = context["case"]
    for applicant in case.applicants:
        assert applicant.name in text
    respondent = {"en": "Azerbaijan", "fr": "Azerbaïdjan", "ru": "Азербайджан"}[locale]
    assert respondent in text
    if template_id == REPLY:
        _check_reply(document, context, locale)
        return
    if template_id not in {"ecthr/application", "ecthr/cover-letter"}:
        # Other templates have their own test module (tests/test_filings_*.py).
        return
    for complaint in context["complaints"]:
        assert complaint["heading"] in text, complaint["heading"]
    if template_id == "ecthr/cover-letter":
        assert f"{len(context['documents'])} documents" in text
        assert context["date"] in text
        return
    body = [p.text for p in document.paragraphs]
    # Section G: the time-limit paragraph of each complaint, verbatim, in its own paragraph.
    explained = context["window"].explain(locale).split("\n\n")
    assert len(explained) == len(case.complaints)
    for paragraph in explained:
        assert paragraph in body
    for complaint in context["complaints"]:
        cited = complaint["citation"]
        assert cited[:1].upper() + cited[1:] in text
    # Section I: the documents, numbered 1..n, in date order, with their dates.
    table = document.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert len(rows) == len(context["documents"]) > 0
    for number, (row, item) in enumerate(zip(rows, context["documents"], strict=True), start=1):
        assert row[0] == str(number)
        assert row[1].startswith(item["title"])
        assert row[2] == (item["date"] or "")
    dates = [d["model"].date for d in context["documents"] if d["model"].date]
    assert dates == sorted(dates)
    # The numbered paragraphs carry the Word numbering style (not typed numbers).
    assert any(
        p.style is not None and p.style.name == "Numbered Paragraph" for p in document.paragraphs
    )
    header = document.sections[0].header.paragraphs[0].text
    assert (case.title or "") in header


def _check_reply(document: Any, context: Mapping[str, Any], locale: str) -> None:
    """The reply: its sections in order, the marker on the one to review, the conclusion."""
    text = _text(document)
    reply = context["reply"]
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 2"
    ]
    assert headings == [s.heading for s in reply.sections]
    body = [p.text for p in document.paragraphs]
    marker = REVIEW_MARKER[locale]
    for section in reply.sections:
        expected = f"{section.opening}\n{section.argument}"
        if section.needs_review:
            expected = f"{marker} {expected}"
        assert expected in body, expected
    assert text.count(marker) == sum(s.needs_review for s in reply.sections)
    assert f"{reply.sections[0].sources[0]}." in text  # French: "Worm c. Autriche, no 22714/93…"
    for complaint in context["complaints"]:
        assert complaint["citation"] in text, complaint["citation"]
    assert context["date"] in text
    if context["representatives"]:
        assert context["representatives"][0]["name"] in text
    assert any(
        p.style is not None and p.style.name == "Numbered Paragraph" for p in document.paragraphs
    )
    header = document.sections[0].header.paragraphs[0].text
    assert (context["case"].title or "") in header


def _paragraph_texts(path: Path) -> list[str]:
    """The text of every paragraph of the body (tables included), in document order."""
    return [
        "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        for paragraph in _xml(path, "word/document.xml").iter(f"{W}p")
    ]


@cache
def english_phrases(template_id: str | None = None, *, min_chars: int = 4) -> frozenset[str]:
    """The fixed English text of the English templates that their French twin translates.

    The English and French files of a template have the same paragraphs in the same
    order (a translator edits the words, not the structure: checked here), so a
    paragraph whose text differs between them is English text with a translation.  A
    paragraph without tags counts whole (if it has two words at least: "Document" is
    French too); one with tags, by the pieces between its tags and punctuation longer
    than 12 characters.  ``template_id`` limits the phrases to one
    template (default: every template with a French file).
    """
    phrases: set[str] = set()
    for tid, locale, path in TEMPLATE_FILES:
        if locale != "fr" or template_id not in (None, tid):
            continue
        english = _paragraph_texts(path.with_name(path.name.replace(".fr.", ".en.")))
        french = _paragraph_texts(path)
        assert len(english) == len(french), f"{tid}: the en and fr files differ in structure"
        for en, fr in zip(english, french, strict=True):
            if en == fr:
                continue
            if "{" not in en:
                if len(en.strip()) > min_chars and len(en.split()) > 1:
                    phrases.add(en.strip())
                continue
            for chunk in re.split(r"\{[{%].*?[}%]\}|[:.,()]", en):
                if len(chunk.strip()) > 12 and chunk.strip() not in fr:
                    phrases.add(chunk.strip())
    return frozenset(phrases)


def _english_headings() -> set[str]:
    return set(english_phrases())


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether ``phrase`` is in ``text`` as whole words ("Document" is not in "Documents")."""
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


@pytest.mark.parametrize(
    ("template_id", "example"),
    sorted({(t, ex) for t, loc, _, ex in RENDER_CASES if loc == "fr"}),
)
@pytest.mark.parametrize("backend", BACKENDS)
def test_french_render_has_no_english_headings(
    template_id: str, example: str, backend: str
) -> None:
    document, _ = _rendered(example, template_id, "fr", backend)
    english = _english_headings()
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]
    labels = [
        r.text
        for p in document.paragraphs
        for r in p.runs
        if r.style is not None and r.style.name == "Field Label"
    ]
    for text in headings + labels:
        for phrase in english:
            assert not contains_phrase(text, phrase), (text, phrase)
    for phrase in ("Statement of the facts", "Date of birth", "Dear Sir or Madam", "Yours"):
        assert phrase not in _text(document)


@pytest.mark.parametrize(
    ("template_id", "path"), [(t, p) for t, loc, p in TEMPLATE_FILES if loc == "fr"]
)
def test_french_template_source_has_no_english(template_id: str, path: Path) -> None:
    source = docx.Document(str(path))
    text = _text(source)
    for phrase in _english_headings():
        assert not contains_phrase(text, phrase), phrase


@pytest.mark.parametrize("backend", BACKENDS)
def test_anonymity_request_and_missing_values_render(backend: str) -> None:
    """Anonymity (Rule 47 § 4), organisations, other procedures, two States, escaping."""
    case = litigate.Case(
        forum="ecthr",
        respondent=["AZE", "ARM"],
        applicants=[
            litigate.Applicant.person(
                name="A.B.", anonymity_requested=True, anonymity_reasons="Risk of reprisals"
            ),
            litigate.Applicant.organisation(name="Free Press Union & Co", registration_no="77"),
        ],
        complaints=[litigate.Complaint(provision="ECHR-3")],
        other_procedures=[
            litigate.OtherProcedure(
                body="hrc", reference="no. 4100/2024", lodged_on=date(2024, 5, 2), status="pending"
            )
        ],
    )
    for locale, expected in (
        (
            "en",
            (
                "Request for anonymity",
                "Risk of reprisals",
                (
                    "United Nations Human Rights Committee, no. 4100/2024, lodged on 2 May 2024 "
                    "(pending)."
                ),
                "Azerbaijan and Armenia",
            ),
        ),
        (
            "fr",
            (
                "Demande d'anonymat",
                "Risk of reprisals",
                (
                    "Comité des droits de l'homme des Nations unies, no. 4100/2024, saisie le "
                    "2 mai 2024 (pendante)."
                ),
                "Azerbaïdjan et Arménie",
            ),
        ),
    ):
        context = build_context(case, as_of=AS_OF, locale=locale)
        path = TEMPLATES / "ecthr" / f"application.{locale}.docx"
        document = docx.Document(io.BytesIO(render(path, "ecthr/application", context, backend)))
        text = _text(document)
        for phrase in expected[:3]:
            assert phrase in text, phrase
        assert "Free Press Union & Co" in text  # escaped, not corrupting the XML
        letter = TEMPLATES / "ecthr" / f"cover-letter.{locale}.docx"
        letter_text = _text(
            docx.Document(io.BytesIO(render(letter, "ecthr/cover-letter", context, backend)))
        )
        assert expected[3] in letter_text


@pytest.mark.parametrize("example", EXAMPLES)
@pytest.mark.parametrize("locale", ["en", "fr", "ru"])
def test_context_for_every_example(example: str, locale: str) -> None:
    """Every example (ECtHR and UN) gives a complete context with a section G paragraph each."""
    case = litigate.load_case(ROOT / "examples" / example / "case.toml")
    context: dict[str, Any] = build_context(case, as_of=AS_OF, locale=locale, place="Baku")
    assert context["lang"] == locale
    assert context["place"] == "Baku"
    assert (
        context["t"]["facts"]
        == {
            "en": "Statement of the facts",
            "fr": "Exposé des faits",
            "ru": "Изложение фактов",
        }[locale]
    )
    complaints = context["complaints"]
    assert [c["model"] for c in complaints] == list(case.complaints)
    for complaint in complaints:
        assert complaint["window"] is not None
        assert complaint["time_limit"], complaint["provision"]
    numbers = [d["number"] for d in context["documents"]]
    assert numbers == list(range(1, len(numbers) + 1))
