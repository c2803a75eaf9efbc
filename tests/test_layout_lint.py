"""The formatting lint: page size, margins, fonts and spacing checked from the data."""

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
