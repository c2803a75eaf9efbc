"""The formatting lint: page, margins, fonts, spacing, styles, numbering and tags in one run."""

from __future__ import annotations

import shutil
from pathlib import Path

import docx
import pytest
from docx.enum.style import WD_STYLE_TYPE
from docx.shared import Cm, Pt

import litigate
import litigate.drafts
from litigate.drafts import layout
from litigate.errors import RuleDataError

SOURCE = Path(str(litigate.drafts.templates_root() / "ecthr" / "observations-reply.en.docx"))


def _badly_laid_out(folder: Path, *, footnote_pt: float | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "observations-reply.en.docx"
    document = docx.Document(str(SOURCE))
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # US Letter
        section.left_margin = section.right_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.size = Pt(11)
    normal.paragraph_format.line_spacing = 1.0
    if footnote_pt is not None:
        try:
            style = document.styles["Footnote Text"]
        except KeyError:
            style = document.styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
        style.font.size = Pt(footnote_pt)
    document.save(str(target))
    return target


def test_every_built_in_template_meets_its_family_layout():
    reports = litigate.drafts.lint_templates([str(litigate.drafts.templates_root())])
    assert reports
    assert [str(p) for r in reports for p in r.problems] == []


def test_a_letter_page_narrow_margins_and_small_type_are_each_reported(tmp_path: Path):
    path = _badly_laid_out(tmp_path / "ecthr", footnote_pt=8)
    (report,) = litigate.drafts.lint_templates([path])
    messages = [p.message for p in report.problems]
    assert not report.ok
    assert len(messages) == 6, messages
    assert any("page 215.9 x 279.4 mm, not 210 x 297 mm (A4)" in m for m in messages)
    assert any("left margin 2.00 cm, less than 3.5 cm" in m for m in messages)
    assert any("right margin 2.00 cm, less than 3.5 cm" in m for m in messages)
    assert any("body text (style Normal) 11 pt, less than 12 pt" in m for m in messages)
    assert any("footnotes (style Footnote Text) 8 pt, less than 10 pt" in m for m in messages)
    assert any("line spacing (style Normal) 1.0, less than 1.5" in m for m in messages)
    # Every problem names its source and the source's confidence.
    assert all("Practice Direction on written pleadings" in m for m in messages)
    assert all("(confidence: medium)" in m for m in messages)


def test_a_family_without_requirements_is_not_checked(tmp_path: Path):
    path = _badly_laid_out(tmp_path / "un")
    (report,) = litigate.drafts.lint_templates([path])
    assert report.ok


def test_the_data_decides(tmp_path: Path):
    path = _badly_laid_out(tmp_path / "ecthr")
    relaxed = {
        "ecthr": layout.LayoutRequirement(
            family="ecthr",
            source="a firm's house style",
            pinpoint="",
            confidence="high",
            page_width_mm=215.9,
            page_height_mm=279.4,
            page_tolerance_mm=1.0,
            min_side_margin_cm=2.0,
            min_body_font_pt=11.0,
            min_footnote_font_pt=8.0,
            min_line_spacing=1.0,
        )
    }
    assert layout.layout_problems(path, requirements=relaxed) == ()
    assert len(layout.layout_problems(path)) == 5


def test_the_data_file_is_read_strictly():
    good = {
        "schema_version": 1,
        "sources": [{"id": "s", "title": "T", "confidence": "high"}],
        "families": [
            {
                "family": "ecthr",
                "source": "s",
                "page_width_mm": 210,
                "page_height_mm": 297,
                "page_tolerance_mm": 1,
                "min_side_margin_cm": 3.5,
                "min_body_font_pt": 12,
                "min_footnote_font_pt": 10,
                "min_line_spacing": 1.5,
            }
        ],
    }
    assert layout._structure(good)["ecthr"].min_side_margin_cm == 3.5
    bad = {
        "schema_version": 2,
        "sources": [{"id": "s", "title": "T", "confidence": "high", "colour": "red"}],
        "families": [{"family": "ecthr", "source": "nowhere", "margins": 3}],
    }
    with pytest.raises(RuleDataError) as info:
        layout._structure(bad)
    text = str(info.value)
    for expected in (
        "schema_version must be 1",
        "unknown key 'colour' @ $.sources[0]",
        "unknown key 'margins' @ $.families[0]",
        "missing key 'page_width_mm' @ $.families[0]",
        "unknown source 'nowhere' @ $.families[0].source",
    ):
        assert expected in text


def test_a_firm_template_folder_named_like_a_family_is_checked(tmp_path: Path):
    firm = tmp_path / "firm" / "ecthr"
    firm.mkdir(parents=True)
    shutil.copy(SOURCE, firm / SOURCE.name)
    (report,) = litigate.drafts.lint_templates([firm])
    assert report.ok


# ------------------------------------------------------------------ spoiled on purpose


def _spoiled(folder: Path) -> Path:
    """A built-in template with a split tag, Letter paper and 2 cm margins."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "cover-letter.en.docx"
    document = docx.Document(
        str(litigate.drafts.templates_root() / "ecthr" / "cover-letter.en.docx")
    )
    for section in document.sections:
        section.page_width, section.page_height = Cm(21.59), Cm(27.94)  # US Letter
        section.left_margin = section.right_margin = Cm(2)
    paragraph = next(p for p in document.paragraphs if p.text == "{{ representatives[0].name }}")
    (run,) = paragraph.runs
    run.text = "{{ representatives[0]."
    tail = paragraph.add_run("name }}")
    tail.bold = True  # Word splits a tag where the formatting changes inside it
    document.save(str(target))
    return target


def test_a_template_spoiled_on_purpose_is_reported_problem_by_problem(tmp_path: Path):
    path = _spoiled(tmp_path / "ecthr")
    (report,) = litigate.drafts.lint_templates([path])
    messages = [str(p) for p in report.problems]
    assert len(messages) == 4, messages
    assert any("page 215.9 x 279.4 mm, not 210 x 297 mm (A4)" in m for m in messages)
    assert any("left margin 2.00 cm, less than 3.5 cm" in m for m in messages)
    assert any("right margin 2.00 cm, less than 3.5 cm" in m for m in messages)
    (split,) = [p for p in report.problems if p.message.startswith("tag split")]
    assert split.message.startswith("tag split over 2 runs (2 texts)")
    assert "litigate template normalise" in split.message
    assert split.part == "word/document.xml"
    assert split.tag == "{{ representatives[0].name }}"
    assert split.context == "{{ representatives[0].name }}"  # the paragraph's text
    assert split.paragraph is not None


def test_the_split_tag_is_reported_in_every_family(tmp_path: Path):
    path = _spoiled(tmp_path / "un")  # no layout requirements: only the tag is reported
    (report,) = litigate.drafts.lint_templates([path])
    assert [p.message.split(" (")[0] for p in report.problems] == ["tag split over 2 runs"]


def test_after_normalising_the_spoiled_template_only_the_layout_is_left(tmp_path: Path):
    from litigate.drafts.normalise import normalise_templates

    path = _spoiled(tmp_path / "ecthr")
    normalise_templates([path])
    (report,) = litigate.drafts.lint_templates([path])
    assert len(report.problems) == 3
    assert not any("tag split" in str(p) for p in report.problems)


def test_styles_numbering_and_page_numbers_are_checked(tmp_path: Path):
    from docx.oxml.ns import qn

    folder = tmp_path / "ecthr"
    folder.mkdir()
    target = folder / "observations-reply.en.docx"
    document = docx.Document(str(SOURCE))
    numbered = document.styles["Numbered Paragraph"]
    num_pr = numbered.element.pPr.find(qn("w:numPr"))
    numbered.element.pPr.remove(num_pr)  # the paragraphs lose Word's numbering
    document.styles.element.remove(document.styles["Title"].element)
    document.paragraphs[0].style = document.styles["Normal"]
    document.paragraphs[0]._p.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), "NoSuchStyle")
    body_num = document.paragraphs[1]._p.get_or_add_pPr().get_or_add_numPr()
    body_num.get_or_add_numId().val = 999
    body_num.get_or_add_ilvl().val = 0
    for section in document.sections:
        for run in section.footer._element.iter(qn("w:instrText")):
            run.text = " DATE "
    document.save(str(target))
    (report,) = litigate.drafts.lint_templates([target])
    messages = [str(p) for p in report.problems]
    for expected in (
        "style 'Title' is missing (the family's templates define it)",
        "style 'Numbered Paragraph' is not numbered by Word",
        "no page number (a PAGE field) in any header or footer",
        "style 'NoSuchStyle' is used but not defined in word/styles.xml",
        "numbering 999 is used but not defined in word/numbering.xml",
    ):
        assert any(expected in m for m in messages), (expected, messages)


def test_the_style_and_numbering_data_is_read():
    ecthr = layout.layout_requirements()["ecthr"]
    assert ecthr.numbered_style == "Numbered Paragraph"
    assert ecthr.page_numbers is True
    assert {"Heading 1", "Footnote Text", "Numbered Paragraph"} <= set(ecthr.required_styles)


def test_tracked_changes_and_comments_are_reported(tmp_path: Path):
    import io
    import zipfile

    from docx.oxml.ns import qn
    from lxml import etree  # type: ignore[import-untyped]

    from litigate.drafts.package import deflated, write_zip

    folder = tmp_path / "un"
    folder.mkdir()
    document = docx.Document(str(SOURCE))
    run = document.paragraphs[0].runs[0]._r
    inserted = etree.Element(qn("w:ins"), {qn("w:id"): "1", qn("w:author"): "A. Lawyer"})
    run.addprevious(inserted)
    inserted.append(run)
    buffer = io.BytesIO()
    document.save(buffer)
    with zipfile.ZipFile(buffer) as package:
        parts = {i.filename: package.read(i) for i in package.infolist()}
    parts["word/comments.xml"] = (
        b'<w:comments xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    )
    target = folder / "comments-on-observations.en.docx"
    target.write_bytes(write_zip(deflated(name, data) for name, data in parts.items()))
    (report,) = litigate.drafts.lint_templates([target])
    messages = [str(p) for p in report.problems]
    assert len(messages) == 2, messages
    assert messages[0].startswith("1 tracked change(s): accept or reject them in Word")
    assert messages[1].startswith("the template has comments")
