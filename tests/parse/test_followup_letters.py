"""The Committees' follow-up letters in their real layout, from text, DOCX and PDF."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest

from litigate.parse.followup import FollowUpLetter, read_follow_up_letter

LAYOUT = Path(__file__).parents[1] / "data" / "followup" / "cat-aze-layout.txt"

EXPECTED_ITEMS = [
    (
        "para. 13 (b)",
        "Fundamental legal safeguards",
        [
            ("(1/E)", ("It regrets that no information was provided on access to a lawyer of one's "
             "choice from the outset of deprivation of liberty (1/E).")),
            ("(B)", ("The Committee notes the statistics on medical examinations provided by the "
             "State party but considers that more information is needed (B).")),
        ],
    ),
    (
        "para. 17 (a)",
        "Prompt, impartial and effective investigations",
        [("(C)", ("The Committee regrets the lack of information on the number of complaints of "
          "torture registered and investigated (C)."))],
    ),
    (
        "para. 21",
        "Conditions of detention",
        [("(A)", "The Committee welcomes the renovation of two penitentiary institutions (A).")],
    ),
    (
        "para. 23 (a)",
        "Independent monitoring of places of detention",
        [("(B)", "The Committee notes the information provided (B).")],
    ),
]  # fmt: skip


def _check(letter: FollowUpLetter) -> None:
    """The hand-checked reading of tests/data/followup/cat-aze-layout.txt."""
    assert letter.letter_date == date(2026, 3, 9)
    assert str(letter.symbol) == "CAT/C/AZE/CO/5"
    assert letter.requested_paragraph == 42
    assert letter.paragraphs_concerned == ("13 (b)", "17 (a)", "21", "23 (a)")
    assert letter.reply_date == date(2025, 11, 18)
    assert letter.reply_symbol == "CAT/C/AZE/FCO/5"
    assert letter.reply_due_on == date(2025, 11, 28)
    assert letter.reply_late is False
    got = [
        (i.reference, i.topic, [(str(g.mark), g.sentence) for g in i.grades]) for i in letter.items
    ]
    assert got == EXPECTED_ITEMS
    assert [str(g.mark) for g in letter.implementation_plan] == ["(C)"]
    assert letter.implementation_plan[0].sentence.endswith("an implementation plan (C).")
    assert letter.problems == (
        (
            "unknown grade '(F)' in para. 21: 'It notes however that overcrowding persists in "
            "pretrial detention (F).'"
        ),
        "heading names no paragraph of the concluding observations: 'Redress for victims'",
    )
    # the addressee block and the page-break leftover are not part of any item
    assert not any("Permanent Representative" in i.text or "…/…" in i.text for i in letter.items)


def test_text_file():
    letter = read_follow_up_letter(LAYOUT)
    _check(letter)
    assert letter.source_format == "text"
    assert letter.footnotes == ("¹ CAT/C/AZE/5, paras. 21-33.",)
    assert letter.source == str(LAYOUT)


def test_text_keyword_gives_the_same_reading():
    letter = read_follow_up_letter(text=LAYOUT.read_text(encoding="utf-8"))
    _check(letter)
    assert letter.source is None


@pytest.fixture(scope="module")
def layout_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    document = docx.Document()
    for line in LAYOUT.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
    path = tmp_path_factory.mktemp("followup") / "letter.docx"
    document.save(str(path))
    return path


def test_docx(layout_docx):
    letter = read_follow_up_letter(layout_docx)
    assert letter.source_format == "docx"
    _check(letter)


def test_pdf_made_by_libreoffice(layout_docx):
    outdir = layout_docx.parent
    subprocess.run(
        [
            "soffice",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(outdir),
            str(layout_docx),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    letter = read_follow_up_letter(outdir / "letter.pdf")
    assert letter.source_format == "pdf"
    _check(letter)


def test_a_late_reply_against_the_deadline_given():
    text = LAYOUT.read_text(encoding="utf-8").replace("by 28 November 2025, ", "")
    letter = read_follow_up_letter(text=text)
    assert letter.reply_due_on is None
    assert letter.reply_late is None
    letter = read_follow_up_letter(text=text, reply_due_on=date(2025, 11, 1))
    assert letter.reply_late is True
    assert letter.reply_due_on == date(2025, 11, 1)


def test_a_due_date_that_contradicts_the_letter_is_reported():
    letter = read_follow_up_letter(LAYOUT, reply_due_on=date(2025, 11, 1))
    assert letter.reply_due_on == date(2025, 11, 1)
    assert letter.reply_late is True
    assert any("2025-11-28 as the reply's due date" in p for p in letter.problems)


def test_a_selected_paragraph_without_an_item_is_reported():
    text = LAYOUT.read_text(encoding="utf-8").replace("21 and 23 (a)", "21, 23 (a) and 30")
    letter = read_follow_up_letter(text=text)
    assert letter.paragraphs_concerned[-1] == "30"
    assert letter.problems[-1] == (
        "paragraph 30 was selected for follow-up but no item of the letter grades it"
    )
