"""Reading the Government's observations: visible numbers, sections, footnotes (EN and FR)."""

from __future__ import annotations

import importlib
import io
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from litigate.errors import RuleDataError
from litigate.parse import docx as docx_module
from litigate.parse import observations as obs_module
from litigate.parse.docx import DocxParagraph, read_docx_footnotes, read_docx_paragraphs
from litigate.parse.observations import (
    ADMISSIBILITY_KINDS,
    Observations,
    Section,
    classify_heading,
    heading_rules,
    load_heading_rules,
    read_observations,
)
from tests.docx_factory import (
    FOOTNOTES_EN,
    FOOTNOTES_FR,
    TEXTS_EN,
    TEXTS_FR,
    W_NS,
    Item,
    build_docx,
    document_xml,
    gasimzade_docx,
    raw_docx,
)

LANGUAGES = ["en", "fr"]


@pytest.fixture(scope="module", params=LANGUAGES)
def gasimzade(request, tmp_path_factory) -> tuple[str, Observations]:
    path = tmp_path_factory.mktemp(request.param) / f"gasimzade-{request.param}.docx"
    path.write_bytes(gasimzade_docx(request.param))
    return request.param, read_observations(path)


def main_numbers(obs: Observations) -> list[str]:
    return [
        p.number
        for p in obs.paragraphs
        if p.number and p.style == "GovParagraph" and p.list_level == 0 and p.list_id == "91"
    ]


# --------------------------------------------------------------------------- visible numbers


def test_paragraphs_are_numbered_1_to_40_as_word_shows_them(gasimzade):
    _, obs = gasimzade
    assert main_numbers(obs) == [f"{n}." for n in range(1, 41)]


def test_headings_are_numbered_with_lower_levels_reset(gasimzade):
    _, obs = gasimzade
    headings = [(p.heading_level, p.number) for p in obs.paragraphs if p.heading_level]
    assert headings == [
        (1, "I."),
        (1, "II."),
        (2, "A."),
        (2, "B."),
        (2, "C."),
        (1, "III."),
        (2, "A."),  # restarted under III
        (2, "B."),
        (1, "IV."),
        (1, "V."),
    ]


def test_sub_paragraphs_and_restarted_list(gasimzade):
    _, obs = gasimzade
    numbers = [p.number for p in obs.paragraphs]
    five = numbers.index("5.")
    assert numbers[five : five + 4] == ["5.", "(a)", "(b)", "6."]
    quotes = [p.number for p in obs.paragraphs if p.list_id == "92"]
    # numId 93 restarts abstractNum 92 with startOverride: Word shows 1), 2) again, not 3), 4)
    assert quotes == ["1)", "2)", "1)", "2)"]


def test_unnumbered_paragraphs_have_no_number(gasimzade):
    _, obs = gasimzade
    assert obs.paragraphs[0].style == "Title"
    assert obs.paragraphs[0].number is None
    assert obs.paragraphs[0].heading_level is None
    assert obs.paragraphs[-1].number is None


def test_lookup_by_visible_number(gasimzade):
    language, obs = gasimzade
    p15 = obs.paragraph(15)
    assert p15.text == (TEXTS_EN if language == "en" else TEXTS_FR)["p15"]
    assert obs.paragraph("15.") == p15
    assert obs.number_of(p15) == "15."
    with pytest.raises(KeyError):
        obs.paragraph(41)


# --------------------------------------------------------------------------- sections


EXPECTED_SECTIONS = [
    # key, heading number, first index, last index, first number, last number
    ("preamble", None, 0, 1, None, None),
    ("facts", "I.", 2, 12, "1.", "8."),
    ("admissibility", "II.", 13, 14, "9.", "9."),
    ("non_exhaustion", "A.", 15, 20, "10.", "14."),
    ("time_limit", "B.", 21, 26, "15.", "19."),
    ("manifestly_ill_founded", "C.", 27, 30, "20.", "22."),
    ("merits", "III.", 31, 32, "23.", "23."),
    ("article:3", "A.", 33, 42, "24.", "30."),
    ("article:13", "B.", 43, 49, "31.", "34."),
    ("just_satisfaction", "IV.", 50, 53, "35.", "37."),
    ("conclusion", "V.", 54, 58, "38.", "40."),
]


def test_sections_and_ranges(gasimzade):
    _, obs = gasimzade
    got = [
        (
            s.key,
            s.heading.split(" ", 1)[0] if s.heading else None,
            s.first_index,
            s.last_index,
            s.first_number,
            s.last_number,
        )
        for s in obs.sections
    ]
    assert got == EXPECTED_SECTIONS


def test_section_headings_keep_their_visible_number(gasimzade):
    language, obs = gasimzade
    texts = TEXTS_EN if language == "en" else TEXTS_FR
    assert obs.section("time_limit").heading == f"B. {texts['time_limit']}"
    assert obs.section("article:3").heading == f"A. {texts['art3']}"
    assert obs.section("article:3").article == "3"


def test_every_paragraph_belongs_to_exactly_one_section(gasimzade):
    _, obs = gasimzade
    owners = [
        [s for s in obs.sections if s.first_index <= p.index <= s.last_index]
        for p in obs.paragraphs
    ]
    assert all(len(found) == 1 for found in owners)
    covered = [i for s in obs.sections for i in s.indexes]
    assert covered == list(range(len(obs.paragraphs)))
    assert sum(len(obs.paragraphs_of(s)) for s in obs.sections) == len(obs.paragraphs)


def test_objections_and_articles_in_the_governments_order(gasimzade):
    _, obs = gasimzade
    assert [s.kind for s in obs.objections] == [
        "non_exhaustion",
        "time_limit",
        "manifestly_ill_founded",
    ]
    assert all(s.kind in ADMISSIBILITY_KINDS for s in obs.objections)
    assert obs.articles == ("3", "13")


def test_paragraphs_of_a_section(gasimzade):
    _, obs = gasimzade
    section = obs.section("time_limit")
    paragraphs = obs.paragraphs_of(section)
    assert paragraphs == obs.paragraphs_of("time_limit")
    assert paragraphs[0].heading_level == 2
    assert [p.number for p in paragraphs[1:]] == ["15.", "16.", "17.", "18.", "19."]
    assert obs.section_of(paragraphs[1].index) == section
    with pytest.raises(KeyError, match="no section 'abuse_of_right'"):
        obs.section("abuse_of_right")
    with pytest.raises(IndexError):
        obs.section_of(999)


def test_language_is_detected(gasimzade):
    language, obs = gasimzade
    assert obs.language == language


def test_path_is_kept(gasimzade):
    language, obs = gasimzade
    assert obs.path is not None
    assert obs.path.endswith(f"gasimzade-{language}.docx")


# --------------------------------------------------------------------------- footnotes


def test_footnotes_text_and_references(gasimzade):
    language, obs = gasimzade
    expected = FOOTNOTES_EN if language == "en" else FOOTNOTES_FR
    assert obs.footnotes == dict(enumerate(expected, start=1))
    referenced = {obs.number_of(p): p.footnote_ids for p in obs.paragraphs if p.footnote_ids}
    assert referenced == {"5.": (1,), "12.": (2,), "26.": (3,), "30.": (4,)}


def test_read_docx_footnotes_skips_separators():
    data = gasimzade_docx("en")
    notes = read_docx_footnotes(data)
    assert -1 not in notes
    assert 0 not in notes
    assert notes[2].startswith("Vučković and Others v. Serbia")


# --------------------------------------------------------------------------- dates, citations


def _module_available(name: str) -> bool:
    try:
        importlib.import_module(name)
    except ImportError:
        return False
    return True


def test_dates_found_in_each_paragraph(gasimzade):
    _, obs = gasimzade
    section = obs.section("time_limit")
    p15 = obs.paragraph(15).index
    if not _module_available("litigate.parse.dates"):
        assert section.dates == {}
        pytest.skip("litigate.parse.dates is not available: dates left empty")
    assert set(section.dates) == {p15}
    assert [m.date for m in section.dates[p15]] == [date(2025, 5, 14), date(2025, 9, 14)]
    facts = obs.section("facts")
    assert [m.date for m in facts.dates[obs.paragraph(5).index]] == [date(2025, 5, 14)]
    assert [m.date for m in facts.footnote_dates[1]] == [date(2025, 5, 14)]
    assert all(s.first_index <= i <= s.last_index for s in obs.sections for i in s.dates)


def test_citations_found_in_paragraphs_and_footnotes(gasimzade):
    _, obs = gasimzade
    if not _module_available("litigate.parse.citations"):
        assert all(s.citations == {} for s in obs.sections)
        pytest.skip("litigate.parse.citations is not available: citations left empty")
    title = obs.sections[0].citations[0]
    assert any("45678/25" in m.text for m in title)
    assert set(obs.section("non_exhaustion").footnote_citations) == {2}
    assert any("23380/09" in m.text for m in obs.section("article:3").footnote_citations[4])
    assert obs.section("article:13").footnote_citations == {}


# --------------------------------------------------------------------------- rules as data


RULES = heading_rules()


@pytest.mark.parametrize(
    ("rule", "example"),
    [(rule, example) for rule in RULES for example in rule.examples],
    ids=lambda value: value if isinstance(value, str) else f"{value.kind}-{value.language}",
)
def test_rule_examples_are_classified(rule, example):
    found = classify_heading(example, rule.language)
    assert found is not None
    assert found[0] == rule.kind


def test_every_objection_has_rules_in_both_languages():
    for kind in ADMISSIBILITY_KINDS:
        assert {r.language for r in RULES if r.kind == kind} == {"en", "fr"}, kind


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("Alleged violation of Article 5 § 1 of the Convention", ("merits", "5")),
        ("Sur la violation alléguée de l'article 5 § 1 de la Convention", ("merits", "5")),
        ("Alleged violation of Article 5 §§ 1 and 4 of the Convention", ("merits", "5")),
        ("Alleged violation of Article 1 of Protocol No. 1", ("merits", "P1-1")),
        ("Sur la violation alléguée de l'article 1 du Protocole no 1", ("merits", "P1-1")),
        ("Alleged violation of Article 6 § 1 (length of proceedings)", ("merits", "6")),
        ("Sur la violation alléguée de l'article 6 § 1 (délai raisonnable)", ("merits", "6")),
        ("Alleged violation of Article 13 taken together with Article 3", ("merits", "13")),
        ("II. ADMISSIBILITY", ("admissibility", None)),
        ("B. Failure to comply with the six-month rule", ("time_limit", None)),
        ("Sur l’exception tirée de la tardiveté de la requête", ("time_limit", None)),
        ("Miscellaneous", None),
    ],
)
def test_classify_heading(heading, expected):
    assert classify_heading(heading) == expected


def _rules_data() -> dict[str, Any]:
    import tomllib

    path = Path(obs_module.__file__).parent / "data" / "observations.toml"
    return tomllib.loads(path.read_text(encoding="utf-8"))


def test_packaged_rules_load_strictly():
    assert load_heading_rules(_rules_data()) == RULES


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda d: d.update(colour="red"), "unknown key 'colour' @ $"),
        (lambda d: d["rule"][0].update(weight=2), "unknown key 'weight' @ $.rule[0]"),
        (lambda d: d["rule"][0].update(kind="victim"), "unknown kind 'victim' @ $.rule[0].kind"),
        (lambda d: d["rule"][0].update(language="de"), "unknown language 'de'"),
        (lambda d: d["rule"][0].update(regex=["("]), "invalid regex"),
        (lambda d: d["rule"][0].pop("examples"), "missing key 'examples' @ $.rule[0]"),
        (lambda d: d["rule"][0].update(keywords=["Épuisement"]), "not in folded form"),
        (lambda d: d["article"]["en"].update(flags="i"), "exactly one key 'regex' @ $.article.en"),
        (lambda d: d.update(version=2), "version must be 1"),
    ],
)
def test_invalid_rule_data_is_refused_with_every_problem(mutate, message):
    data = _rules_data()
    mutate(data)
    with pytest.raises(RuleDataError) as caught:
        load_heading_rules(data, path="observations.toml")
    assert any(message in error for error in caught.value.errors), caught.value.errors
    assert caught.value.path == "observations.toml"


# --------------------------------------------------------------------------- other documents


def test_unclassified_part_is_kept_and_subheadings_stay_in_their_section():
    data = build_docx(
        [
            Item("h1", "The facts"),
            Item("para", "The applicant was arrested."),
            Item("h2", "The applicant's detention"),  # unclassified sub-heading: still facts
            Item("para", "He was detained for two months."),
            Item("h2", "Relevant domestic law"),  # a facts sub-heading under the facts
            Item("para", "Article 449 of the Code of Criminal Procedure provides…"),
            Item("h1", "Other matters raised by the Government"),
            Item("para", "The Government reserve their position."),
            Item("h1", "Conclusion"),
            Item("para", "The application should be rejected."),
        ]
    )
    obs = read_observations(data)
    assert [(s.kind, s.first_number, s.last_number) for s in obs.sections] == [
        ("facts", "1.", "3."),
        ("unclassified", "4.", "4."),
        ("conclusion", "5.", "5."),
    ]
    assert obs.sections[1].heading == "II. Other matters raised by the Government"
    assert obs.objections == ()
    assert obs.articles == ()


def test_typed_numbers_and_unstyled_headings():
    data = build_docx(
        [
            Item("bold", "I. THE FACTS"),
            Item("plain", "1. The applicant was arrested on 3 February 2025."),
            Item("plain", "2. He was released on 4 March 2025."),
            Item("bold", "II. ADMISSIBILITY"),
            Item("bold", "A. Victim status"),
            Item("plain", "3. The applicant received compensation and is no longer a victim."),
            Item("bold", "B. Abuse of the right of individual application"),
            Item("plain", "4. The applicant misled the Court."),
            Item("bold", "III. ALLEGED VIOLATION OF ARTICLE 1 OF PROTOCOL No. 1"),
            Item("plain", "5. There was no interference with the applicant's possessions."),
        ]
    )
    obs = read_observations(data)
    assert all(p.number is None for p in obs.paragraphs)
    assert [(s.key, s.first_number, s.last_number) for s in obs.sections] == [
        ("facts", "1.", "2."),
        ("admissibility", None, None),
        ("victim_status", "3.", "3."),
        ("abuse_of_right", "4.", "4."),
        ("article:P1-1", "5.", "5."),
    ]
    assert obs.paragraph(4).text == "4. The applicant misled the Court."


def test_document_without_headings_is_one_preamble_section():
    obs = read_observations(raw_docx(document=document_xml("One.", "Two.", "Three.")))
    assert [(s.kind, s.first_index, s.last_index) for s in obs.sections] == [("preamble", 0, 2)]


def test_empty_document_has_no_sections():
    obs = read_observations(raw_docx(document=document_xml()))
    assert obs.paragraphs == ()
    assert obs.sections == ()


# --------------------------------------------------------------------------- numbering engine


def _w(xml: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:root xmlns:w="{W_NS}">{xml}</w:root>'
    ).encode()


NUMBERING = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:numbering xmlns:w="{W_NS}">
  <w:abstractNum w:abstractNumId="0">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>
    <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/></w:lvl>
    <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="1">
    <w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%1)"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="2">
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/></w:lvl>
  </w:abstractNum>
  <w:abstractNum w:abstractNumId="3"><w:numStyleLink w:val="LegalList"/></w:abstractNum>
  <w:abstractNum w:abstractNumId="4"><w:styleLink w:val="LegalList"/>
    <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="§ %1"/></w:lvl>
  </w:abstractNum>
  <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
  <w:num w:numId="5"><w:abstractNumId w:val="4"/></w:num>
  <w:num w:numId="6"><w:abstractNumId w:val="3"/></w:num>
  <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
  <w:num w:numId="3"><w:abstractNumId w:val="0"/>
    <w:lvlOverride w:ilvl="0"><w:startOverride w:val="7"/></w:lvlOverride></w:num>
  <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
</w:numbering>""".encode()

STYLES = f"""<?xml version="1.0" encoding="UTF-8"?>
<w:styles xmlns:w="{W_NS}">
  <w:style w:type="paragraph" w:styleId="Numbered"><w:name w:val="Numbered"/>
    <w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
  <w:style w:type="paragraph" w:styleId="NumberedChild"><w:name w:val="Numbered child"/>
    <w:basedOn w:val="Numbered"/></w:style>
  <w:style w:type="paragraph" w:styleId="Titre1"><w:name w:val="heading 1"/></w:style>
  <w:style w:type="numbering" w:styleId="LegalList"><w:name w:val="Legal list"/>
    <w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
</w:styles>""".encode()


def _p(
    text: str,
    *,
    style: str | None = None,
    num: int | None = None,
    ilvl: int | None = None,
    extra: str = "",
) -> str:
    ppr = ""
    if style:
        ppr += f'<w:pStyle w:val="{style}"/>'
    if num is not None or ilvl is not None:
        ppr += "<w:numPr>"
        ppr += f'<w:ilvl w:val="{ilvl}"/>' if ilvl is not None else ""
        ppr += f'<w:numId w:val="{num}"/>' if num is not None else ""
        ppr += "</w:numPr>"
    ppr += extra
    return f"<w:p><w:pPr>{ppr}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"


def _numbered_doc(*paragraphs: str) -> bytes:
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'
        + "".join(paragraphs)
        + "</w:body></w:document>"
    ).encode()
    return raw_docx(
        {"word/numbering.xml": NUMBERING, "word/styles.xml": STYLES}, document=document
    )


def test_multilevel_numbers_restarts_and_formats():
    data = _numbered_doc(
        _p("a", style="Numbered"),  # 1.
        _p("b", style="Numbered", ilvl=1),  # 1.1
        _p("c", style="NumberedChild", ilvl=1),  # 1.2 (numbering inherited through basedOn)
        _p("d", num=1, ilvl=2),  # (i)
        _p("e", num=1, ilvl=2),  # (ii)
        _p("f", style="Numbered"),  # 2.
        _p("g", num=1, ilvl=1),  # 2.1 (reset when level 0 advanced)
        _p("h", num=2),  # C) starts at 3
        _p("i", num=2),  # D)
        _p("j", num=3),  # 7. startOverride restarts the shared list
        _p("k", num=1),  # 8. numId 1 continues the same abstract list
        _p("l", num=4),  # bullet
        _p("m", style="Numbered", num=0),  # numId 0 removes the numbering
        _p("n", num=99),  # unknown numId: no number
    )
    paragraphs = read_docx_paragraphs(data)
    assert [p.number for p in paragraphs] == [
        "1.", "1.1", "1.2", "(i)", "(ii)", "2.", "2.1", "C)", "D)", "7.", "8.", "•", None, None,
    ]  # fmt: skip


def test_list_style_link_takes_the_levels_of_the_style():
    data = _numbered_doc(_p("a", num=6), _p("b", num=6), _p("c", num=5))
    assert [p.number for p in read_docx_paragraphs(data)] == ["§ 1", "§ 2", "§ 3"]


def test_letters_and_roman_numerals_beyond_the_simple_cases():
    assert docx_module._format_number(27, "lowerLetter") == "aa"
    assert docx_module._format_number(28, "upperLetter") == "BB"
    assert docx_module._format_number(1994, "upperRoman") == "MCMXCIV"
    assert docx_module._format_number(4, "lowerRoman") == "iv"
    assert docx_module._format_number(5, "decimalZero") == "05"
    assert docx_module._format_number(12, "decimal") == "12"


def test_headings_from_style_names_and_outline_levels():
    data = _numbered_doc(
        _p("Titre localisé", style="Titre1"),
        _p("Outline heading", extra='<w:outlineLvl w:val="1"/>'),
        _p("Body text", extra='<w:outlineLvl w:val="9"/>'),
    )
    assert [p.heading_level for p in read_docx_paragraphs(data)] == [1, 2, None]


def test_text_tabs_breaks_deletions_fields_and_textboxes():
    body = (
        "<w:p><w:r><w:t>Article</w:t><w:tab/><w:t>3</w:t><w:br/><w:t>of the</w:t></w:r>"
        "<w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t xml:space='preserve'> Convention</w:t></w:r></w:ins>"
        "<w:r><w:instrText>PAGE</w:instrText></w:r>"
        "<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r>"
        "<w:r><w:footnoteReference w:id='7'/></w:r>"
        "<w:r><w:pict><w:txbxContent><w:p><w:r><w:t>boxed</w:t></w:r></w:p></w:txbxContent></w:pict></w:r>"
        "</w:p>"
    )
    document = (
        f'<?xml version="1.0"?><w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    ).encode()
    paragraphs = read_docx_paragraphs(raw_docx(document=document))
    assert paragraphs == (
        DocxParagraph(index=0, text="Article 3 of the Convention", footnote_ids=(7,)),
    )


def test_reads_from_path_and_bytes(tmp_path):
    data = gasimzade_docx("en")
    path = tmp_path / "gasimzade.docx"
    path.write_bytes(data)
    assert read_docx_paragraphs(path) == read_docx_paragraphs(data)
    assert read_docx_paragraphs(str(path)) == read_docx_paragraphs(io.BytesIO(data).getvalue())


def test_section_key():
    section = Section(kind="merits", article="P1-1", first_index=0, last_index=0)
    assert section.key == "article:P1-1"
    assert Section(kind="merits", first_index=0, last_index=0).key == "merits"
    assert not section.is_objection
