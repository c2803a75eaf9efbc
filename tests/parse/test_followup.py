"""Follow-up marks and letters: grades are data, the "(1/E)" number stays opaque."""

from __future__ import annotations

import importlib.util
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from litigate.errors import (
    ArgumentTypeError,
    CitationParseError,
    DocumentError,
    InputError,
    ValidationError,
)
from litigate.parse.citations import UnSymbolKind, parse_citation
from litigate.parse.followup import (
    FollowUpMark,
    follow_up_grades,
    parse_mark,
    parse_marks,
    read_follow_up_letter,
)

# A fictional letter, written in the style of the CAT Rapporteur's published letters.
LETTER = """\
Committee against Torture
Rapporteur for follow-up to concluding observations

Geneva, 12 May 2017

Follow-up letter to the Permanent Mission of the Republic of Azerbaijan

Excellency,

In its concluding observations on the fourth periodic report of Azerbaijan
(CAT/C/AZE/CO/4), adopted at its fifty-sixth session, on 9 December 2015, the Committee
requested the State party to provide, within one year, information on the implementation
of its recommendations in paragraphs 9, 11 and 13 (CAT/C/AZE/CO/4, para. 40).
The Committee thanks the State party for its follow-up reply received on 7 December 2016
(CAT/C/AZE/CO/4/Add.1), and offers the following assessment.

Paragraph 9: Fundamental legal safeguards
The Committee notes the amendments to the Code of Criminal Procedure but regrets that
detainees are still not afforded access to a lawyer of their choice from the outset. (B)

para. 11 (a) (1/E)
Allegations of torture and ill-treatment of human rights defenders and journalists.
The information provided shows that the measures taken are contrary to the recommendation.

para. 11 (b) [C]
Prompt and impartial investigations.

para. 13 Monitoring of places of detention
(a) B, (b) C

The Committee would appreciate receiving further information before 12 May 2018.

Yours sincerely,

(Signed) The Rapporteur for follow-up to concluding observations
Committee against Torture
"""


def test_the_letter_is_read_into_items():
    letter = read_follow_up_letter(text=LETTER)

    assert str(letter.symbol) == "CAT/C/AZE/CO/4"
    assert letter.letter_date == date(2017, 5, 12)
    assert letter.reply_date == date(2016, 12, 7)
    assert letter.session == 56
    assert letter.source is None
    assert [
        (item.reference, item.topic, [str(m) for m in item.marks]) for item in letter.items
    ] == [
        ("para. 9", "Fundamental legal safeguards", ["(B)"]),
        (
            "para. 11 (a)",
            "Allegations of torture and ill-treatment of human rights defenders and journalists",
            ["(a) (1/E)"],
        ),
        ("para. 11 (b)", "Prompt and impartial investigations", ["(b) (C)"]),
        ("para. 13", "Monitoring of places of detention", ["(a) (B)", "(b) (C)"]),
    ]
    assert all(str(item.symbol) == "CAT/C/AZE/CO/4" for item in letter.items)


def test_the_letter_keeps_every_symbol_and_dated_role():
    letter = read_follow_up_letter(text=LETTER)

    assert [str(s) for s in letter.symbols] == [
        "CAT/C/AZE/CO/4",
        "CAT/C/AZE/CO/4",
        "CAT/C/AZE/CO/4/Add.1",
    ]
    assert letter.symbols[2].kind is UnSymbolKind.FOLLOW_UP
    assert [(d.role, d.date) for d in letter.dates] == [
        ("letter", date(2017, 5, 12)),
        ("session", date(2015, 12, 9)),
        ("state_reply", date(2016, 12, 7)),
        ("other", date(2018, 5, 12)),
    ]


def test_the_unknown_qualifier_is_kept_and_not_interpreted():
    mark = read_follow_up_letter(text=LETTER).items[1].marks[0]

    assert mark == FollowUpMark(grade="E", qualifier="1", limb="a")
    assert "not known" in mark.describe()
    assert "not interpreted" in mark.describe()
    assert mark.meaning.source == "CCPR/C/128/3"


def test_the_closing_ends_the_last_item():
    last = read_follow_up_letter(text=LETTER).items[-1]

    assert "Yours sincerely" not in last.text
    assert "Rapporteur" not in last.text


def test_items_take_the_last_concluding_observations_named_before_them():
    text = (
        "CAT/C/AZE/CO/4 and CERD/C/AZE/CO/10-12.\n"
        "Paragraph 9 (B)\n"
        "As to CERD/C/AZE/CO/10-12:\n"
        "Paragraph 9 (C)\n"
    )
    letter = read_follow_up_letter(text=text)

    assert str(letter.symbol) == "CAT/C/AZE/CO/4"
    assert [str(i.symbol) for i in letter.items] == ["CERD/C/AZE/CO/10-12", "CERD/C/AZE/CO/10-12"]


def test_a_sentence_starting_with_paragraph_is_not_an_item_unless_marked():
    text = (
        "Paragraph 40 of the concluding observations requested the State party to report "
        "within one year on the recommendations below, and this sentence is rather long.\n"
        "§ 9 Safeguards (A)\n"
    )
    assert [i.reference for i in read_follow_up_letter(text=text).items] == ["para. 9"]


def test_a_letter_without_items_or_symbols():
    letter = read_follow_up_letter(text="Dear Sir,\nThank you.\n")

    assert letter.items == ()
    assert letter.symbol is None
    assert letter.letter_date is None


def test_a_text_file_is_read(tmp_path: Path):
    path = tmp_path / "letter.txt"
    path.write_text(LETTER, encoding="utf-8")

    letter = read_follow_up_letter(path)

    assert letter.source == str(path)
    assert len(letter.items) == 4


def test_a_non_utf8_file_is_refused(tmp_path: Path):
    path = tmp_path / "letter.txt"
    path.write_bytes(b"Paragraph 9 \xff\xfe (B)")

    with pytest.raises(DocumentError) as info:
        read_follow_up_letter(path)

    assert info.value.reason == "not_utf8"


def test_missing_paths_and_directories_are_input_errors_naming_the_path(tmp_path: Path):
    with pytest.raises(InputError, match="no such file") as info:
        read_follow_up_letter(tmp_path / "letter.pdf")
    assert info.value.value == str(tmp_path / "letter.pdf")
    with pytest.raises(InputError, match="a directory"):
        read_follow_up_letter(tmp_path)
    with pytest.raises(ArgumentTypeError) as refused:  # issue 19: the argument-type contract
        read_follow_up_letter(42)  # type: ignore[arg-type]
    assert refused.value.field == "source"
    with pytest.raises(TypeError):
        read_follow_up_letter()


def test_text_as_a_positional_str_still_works_but_is_deprecated():
    with pytest.warns(DeprecationWarning, match="pass text="):
        letter = read_follow_up_letter(LETTER)
    assert letter == read_follow_up_letter(text=LETTER)


@pytest.mark.skipif(
    importlib.util.find_spec("litigate.parse.docx") is None
    or importlib.util.find_spec("docx") is None,
    reason="the DOCX reader (litigate.parse.docx) or python-docx is not installed",
)
def test_a_docx_letter_is_read(tmp_path: Path):
    import docx

    document = docx.Document()
    for line in LETTER.splitlines():
        document.add_paragraph(line)
    path = tmp_path / "letter.docx"
    document.save(str(path))

    letter = read_follow_up_letter(path)

    assert letter.source == str(path)
    assert str(letter.symbol) == "CAT/C/AZE/CO/4"
    assert [i.reference for i in letter.items] == [
        "para. 9",
        "para. 11 (a)",
        "para. 11 (b)",
        "para. 13",
    ]


# --------------------------------------------------------------------------- marks


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(A)", [FollowUpMark(grade="A")]),
        ("( B )", [FollowUpMark(grade="B")]),
        ("[B]", [FollowUpMark(grade="B")]),
        ("(1/E)", [FollowUpMark(grade="E", qualifier="1")]),
        ("(1/C)", [FollowUpMark(grade="C", qualifier="1")]),
        ("[2 / D]", [FollowUpMark(grade="D", qualifier="2")]),
        ("(a) B, (b) C", [FollowUpMark(grade="B", limb="a"), FollowUpMark(grade="C", limb="b")]),
        ("(ii) [A]", [FollowUpMark(grade="A", limb="ii")]),
        ("(a) A person was released.", []),  # an article, not a grade
        ("(F) (e) (AB) f(A) [a]", []),
        ("Article 2 (1) of the Convention", []),
    ],
)
def test_marks_table(text, expected):
    assert list(parse_marks(text)) == expected


@pytest.mark.parametrize("text", ["(B)", "(1/E)", "(a) (C)", "[B]", "(b) C"])
def test_parse_mark_reads_one_mark(text):
    assert parse_mark(text) == parse_marks(text)[0]


@pytest.mark.parametrize("text", ["", "(F)", "(B) (C)", "B", "(x/E)"])
def test_parse_mark_refuses_what_is_not_one_mark(text):
    with pytest.raises(CitationParseError) as info:
        parse_mark(text)
    assert info.value.text == text


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"grade": "F"}, "grade"),
        ({"grade": "e"}, "grade"),
        ({"grade": "E", "qualifier": 1}, "qualifier"),
        ({"grade": "E", "qualifier": "one"}, "qualifier"),
        ({"grade": "E", "limb": "A"}, "limb"),
    ],
)
def test_mark_validation_names_the_field(kwargs, field):
    with pytest.raises(ValidationError) as info:
        FollowUpMark(**kwargs)
    assert info.value.field == field


def test_grades_are_data_with_sources():
    grades = follow_up_grades()

    assert list(grades) == ["A", "B", "C", "D", "E"]
    for grade in grades.values():
        assert grade.source == "CCPR/C/128/3"
        assert grade.confidence in {"high", "medium", "low"}
        assert grade.meaning
    assert grades["D"].label == "No cooperation with the Committee"


def test_describe_without_qualifier_does_not_mention_one():
    text = FollowUpMark(grade="B").describe()

    assert text.startswith("B: Reply/action partially satisfactory")
    assert "Qualifier" not in text


_MARKS = st.builds(
    FollowUpMark,
    grade=st.sampled_from("ABCDE"),
    qualifier=st.one_of(st.none(), st.integers(0, 999).map(str)),
    limb=st.one_of(st.none(), st.sampled_from(["a", "b", "z", "ii", "iv"])),
)


@given(_MARKS)
def test_marks_round_trip(mark):
    assert parse_mark(str(mark)) == mark


@given(st.text(max_size=200))
def test_parse_marks_and_letters_never_raise_on_text(text):
    parse_marks(text)
    letter = read_follow_up_letter(text=text)
    for item in letter.items:
        assert item.paragraph >= 1


@given(
    st.lists(
        st.sampled_from(
            [
                "Paragraph 9",
                "para. 11 (a)",
                " (1/E)",
                " [B]",
                "\n",
                "CAT/C/AZE/CO/4",
                "(a) B, ",
                "7 December 2016",
                "Yours sincerely",
                "fifty-fifth session",
                " x ",
            ]
        ),
        max_size=15,
    ).map("".join)
)
def test_letter_like_noise_is_read_without_errors(text):
    letter = read_follow_up_letter(text=text)
    for item in letter.items:
        assert item.text in text


def test_symbols_in_letters_are_the_citation_values():
    letter = read_follow_up_letter(text=LETTER)
    assert letter.symbol == parse_citation("CAT/C/AZE/CO/4")
