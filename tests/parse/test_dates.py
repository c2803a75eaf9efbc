"""Dates in court documents: parse_date, find_dates and DateMention."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import attrs
import pytest
from babel.dates import format_date
from hypothesis import given
from hypothesis import strategies as st

from litigate.errors import (
    AmbiguousDateError,
    DateParseError,
    InputError,
    PartialDateError,
)
from litigate.parse.dates import DateMention, find_dates, parse_date

NOV18 = date(2025, 11, 18)

# -- parse_date: accepted forms ------------------------------------------------------------

ACCEPTED = [
    ("2025-11-18", NOV18),
    ("18 November 2025", NOV18),
    ("November 18, 2025", NOV18),
    ("November 18th, 2025", NOV18),
    ("18th November 2025", NOV18),
    ("18th of November 2025", NOV18),
    ("18 Nov 2025", NOV18),
    ("18-Nov-2025", NOV18),
    ("18 novembre 2025", NOV18),
    ("1er novembre 2025", date(2025, 11, 1)),
    ("18 nov. 2025", NOV18),
    ("3 févr. 2025", date(2025, 2, 3)),
    ("15 août 2025", date(2025, 8, 15)),
    ("15 aout 2025", date(2025, 8, 15)),
    ("18 ноября 2025 г.", NOV18),
    ("18 ноября 2025 года", NOV18),
    ("18 ноября 2025г.", NOV18),
    ("18 нояб. 2025 г.", NOV18),
    ("1 мая 2025 г.", date(2025, 5, 1)),
    ("18.11.2025 г.", NOV18),
    ("18 noyabr 2025", NOV18),
    ("18 noy 2025", NOV18),
    ("18 noyabr 2025-ci il", NOV18),
    ("18 mart 2025-ci il", date(2025, 3, 18)),
    ("2025-ci il noyabrın 18-i", NOV18),
    ("2025-ci il noyabr ayının 18-i", NOV18),
    ("2024-cü il iyunun 3-ü", date(2024, 6, 3)),
    ("2026-cı il yanvarın 6-sı", date(2026, 1, 6)),
    ("2023-cü il mayın 30-u", date(2023, 5, 30)),
    ("2025-ci il martın 18-i", date(2025, 3, 18)),
    ("2025-Cİ İL NOYABRIN 18-İ", NOV18),
    ("18.11.2025", NOV18),
    ("1.2.2025", date(2025, 2, 1)),
    ("18/11/2025", NOV18),
    ("11/18/2025", NOV18),
    ("13/04/2025", date(2025, 4, 13)),
    ("03/03/2025", date(2025, 3, 3)),
    ("2025/11/18", NOV18),
    ("18.XI.2025", NOV18),
    ("18 XI 2025", NOV18),
    ("18 xi 2025", NOV18),
    ("  18\u00a0November\u202f2025.  ", NOV18),
    ("18   NOVEMBER 2025;", NOV18),
    ("(18 November 2025)", NOV18),
    ("«18 ноября 2025 г.»", NOV18),
]


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_accepted_forms(text: str, expected: date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(("text", "expected"), ACCEPTED)
def test_common_forms_never_need_dateparser(
    monkeypatch: pytest.MonkeyPatch, text: str, expected: date
) -> None:
    monkeypatch.setitem(sys.modules, "dateparser", None)  # any import now fails
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "languages", "expected"),
    [
        ("18 November 2025", ("en",), NOV18),
        ("18 novembre 2025", ("fr",), NOV18),
        ("18 ноября 2025 г.", ("ru",), NOV18),
        ("18 noyabr 2025", ("az",), NOV18),
        ("18 mart 2025", ("az",), date(2025, 3, 18)),
        ("18.XI.2025", ("ru",), NOV18),
        ("18 November 2025", "en", NOV18),
    ],
)
def test_one_language(text: str, languages: tuple[str, ...], expected: date) -> None:
    assert parse_date(text, languages=languages) == expected


def test_month_of_another_language_is_refused() -> None:
    with pytest.raises(DateParseError):
        parse_date("18 ноября 2025", languages=("en",))


# -- parse_date: real snippets (the date part of a document) --------------------------------


@pytest.mark.parametrize(
    ("snippet", "expected"),
    [
        ("judgment of 18 November 2025", NOV18),
        ("par lettre du 3 mars 2025", date(2025, 3, 3)),
        ("Решение от 18 ноября 2025 г.", NOV18),
        ("Bakı Apellyasiya Məhkəməsinin 2025-ci il noyabrın 18-i tarixli qərarı", NOV18),
    ],
)
def test_snippets_through_find_dates(snippet: str, expected: date) -> None:
    (mention,) = find_dates(snippet)
    assert mention.date == expected
    assert parse_date(mention.text) == expected


# -- parse_date: errors --------------------------------------------------------------------


def test_ambiguous_lists_both_readings() -> None:
    with pytest.raises(AmbiguousDateError) as info:
        parse_date("03/04/2025")
    assert info.value.candidates == (date(2025, 3, 4), date(2025, 4, 3))
    assert info.value.text == "03/04/2025"
    message = str(info.value)
    assert "'03/04/2025'" in message
    assert "4 March 2025 or 3 April 2025" in message
    assert isinstance(info.value, ValueError)


def test_dashed_numeric_is_ambiguous_too() -> None:
    with pytest.raises(AmbiguousDateError):
        parse_date("03-04-2025")


@pytest.mark.parametrize(
    ("order", "expected"),
    [("DMY", date(2025, 4, 3)), ("MDY", date(2025, 3, 4))],
)
def test_date_order_resolves(order: str, expected: date) -> None:
    assert parse_date("03/04/2025", date_order=order) == expected  # type: ignore[arg-type]


def test_date_order_overrides_dotted_default() -> None:
    assert parse_date("03.04.2025") == date(2025, 4, 3)
    assert parse_date("03.04.2025", date_order="MDY") == date(2025, 3, 4)


def test_date_order_is_checked() -> None:
    with pytest.raises(ValueError, match="date_order"):
        parse_date("03/04/2025", date_order="DDY")  # type: ignore[arg-type]


def test_iso_ignores_date_order() -> None:
    assert parse_date("2025-11-18", date_order="DMY") == NOV18


@pytest.mark.parametrize(
    "text",
    ["31 February 2024", "30.02.2025", "2025-13-01", "32 May 2025", "13/13/2025", "0 May 2025"],
)
def test_impossible_dates(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert repr(text) in str(info.value)
    assert info.value.text == text
    assert not isinstance(info.value, AmbiguousDateError | PartialDateError)


@pytest.mark.parametrize(
    ("text", "first_day"),
    [
        ("March 2025", date(2025, 3, 1)),
        ("mars 2025", date(2025, 3, 1)),
        ("март 2025 г.", date(2025, 3, 1)),
        ("в ноябре 2025 года", date(2025, 11, 1)),
        ("mart 2025", date(2025, 3, 1)),
        ("2025-ci il noyabr", date(2025, 11, 1)),
        ("11.2025", date(2025, 11, 1)),
        ("2025", date(2025, 1, 1)),
        ("2025 г.", date(2025, 1, 1)),
        ("2025-ci il", date(2025, 1, 1)),
    ],
)
def test_partial_dates(text: str, first_day: date) -> None:
    with pytest.raises(PartialDateError) as info:
        parse_date(text)
    assert repr(text) in str(info.value)
    assert "allow_partial=True" in str(info.value)
    assert parse_date(text, allow_partial=True) == first_day


@pytest.mark.parametrize("text", ["18 November", "November 18", "18 ноября", "noyabrın 18-i"])
def test_day_and_month_without_year_is_always_refused(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text, allow_partial=True)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "today",
        "yesterday",
        "aujourd'hui",
        "вчера",
        "сегодня",
        "bu gün",
        "bugün",
        "dünən",
        "3 days ago",
        "2 дня назад",
    ],
)
def test_relative_words_are_refused(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert repr(text) in str(info.value)


def test_mart_is_never_a_time_zone() -> None:
    # dateparser reads "mart" as the Marquesas time zone (upstream issue #1098)
    assert parse_date("18 mart 2025", languages=("az",)) == date(2025, 3, 18)
    assert parse_date("2025-ci il martın 18-i", languages=("az",)) == date(2025, 3, 18)
    with pytest.raises(DateParseError, match="time zone"):
        parse_date("18 mart 2025 saat")


@pytest.mark.parametrize("text", ["18 Nov 2025 10:00", "2025-11-18T10:00:00+04:00"])
def test_times_are_refused(text: str) -> None:
    with pytest.raises(DateParseError) as info:
        parse_date(text)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    "text", ["", "   ", "hello", "no. 16064/90", "79th session", "18.11.25", "x" * 500]
)
def test_not_dates(text: str) -> None:
    with pytest.raises(DateParseError):
        parse_date(text)


def test_two_digit_year_is_refused() -> None:
    with pytest.raises(DateParseError, match="two-digit year"):
        parse_date("18.11.25")


@pytest.mark.parametrize(
    "text",
    [
        "Tuesday, 18 November 2025",
        "Tue 18 Nov 2025",
        "mardi 18 novembre 2025",
        "вторник, 18 ноября 2025 г.",
        "18 noyabr 2025, çərşənbə axşamı",
        "18 NOYABR 2025, ÇƏRŞƏNBƏ AXŞAMI",
    ],
)
def test_weekday_is_read_and_checked(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setitem(sys.modules, "dateparser", None)
    assert parse_date(text) == NOV18
    wrong = text.replace("18", "19")
    with pytest.raises(DateParseError, match="contradicts itself") as info:
        parse_date(wrong)
    assert repr(wrong) in str(info.value)


def test_weekday_with_mart_is_not_a_time_zone() -> None:
    assert parse_date("Tuesday, 18 March 2025") == date(2025, 3, 18)
    assert parse_date("18 mart 2025, çərşənbə axşamı") == date(2025, 3, 18)


def test_dateparser_fallback_reads_other_languages() -> None:
    assert parse_date("18. November 2025", languages=("de",)) == NOV18
    assert parse_date("le 18 novembre 2025", languages=("fr",)) == NOV18


def test_fallback_does_not_guess_order() -> None:
    with pytest.raises(AmbiguousDateError) as info:
        parse_date("03 04 2025")
    assert info.value.candidates == (date(2025, 3, 4), date(2025, 4, 3))
    assert parse_date("03 04 2025", date_order="DMY") == date(2025, 4, 3)


def test_not_a_string() -> None:
    with pytest.raises(TypeError):
        parse_date(20251118)  # type: ignore[arg-type]


def test_errors_are_input_errors() -> None:
    with pytest.raises(InputError) as info:
        parse_date("31 February 2024")
    assert info.value.value == "31 February 2024"


@pytest.mark.slow
def test_import_is_light() -> None:
    code = (
        "import sys, litigate.parse.dates as d;"
        "assert 'dateparser' not in sys.modules and 'babel' not in sys.modules, sys.modules.keys();"
        "d.parse_date('18 November 2025'); d.find_dates('on 18.11.2025');"
        "assert 'dateparser' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


# -- find_dates ---------------------------------------------------------------------------


def _found(text: str, **kwargs: object) -> list[tuple[str, date]]:
    mentions = find_dates(text, **kwargs)  # type: ignore[arg-type]
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.text, m.date) for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "the Court's judgment of 18 November 2025 became final",
            [("18 November 2025", NOV18)],
        ),
        ("par lettre du 3 mars 2025, le Greffe", [("3 mars 2025", date(2025, 3, 3))]),
        ("Решение от 18 ноября 2025 г. по делу", [("18 ноября 2025 г.", NOV18)]),
        (
            "Bakı Apellyasiya Məhkəməsinin 2025-ci il noyabrın 18-i tarixli qərarı",
            [("2025-ci il noyabrın 18-i", NOV18)],
        ),
        (
            "held from 15 April to 10 May 2024",
            [("15 April", date(2024, 4, 15)), ("10 May 2024", date(2024, 5, 10))],
        ),
        (
            "on 15–17 May 2024",
            [("15", date(2024, 5, 15)), ("17 May 2024", date(2024, 5, 17))],
        ),
        (
            "du 3 au 5 mars 2025",
            [("3", date(2025, 3, 3)), ("5 mars 2025", date(2025, 3, 5))],
        ),
        (
            "du 1er au 5 mars 2025",
            [("1er", date(2025, 3, 1)), ("5 mars 2025", date(2025, 3, 5))],
        ),
        (
            "с 3 по 5 марта 2025 г.",
            [("3", date(2025, 3, 3)), ("5 марта 2025 г.", date(2025, 3, 5))],
        ),
        (
            "May 15–17, 2024",
            [("May 15", date(2024, 5, 15)), ("17, 2024", date(2024, 5, 17))],
        ),
        (
            "from April 15 to May 10, 2024",
            [("April 15", date(2024, 4, 15)), ("May 10, 2024", date(2024, 5, 10))],
        ),
        (
            "between 15 December and 10 January 2025",
            [("15 December", date(2024, 12, 15)), ("10 January 2025", date(2025, 1, 10))],
        ),
        (
            "decisions of 18.11.2025 and 2025-11-19; hearing on 18.XI.2025",
            [("18.11.2025", NOV18), ("2025-11-19", date(2025, 11, 19)), ("18.XI.2025", NOV18)],
        ),
        ("on 13/04/2025", [("13/04/2025", date(2025, 4, 13))]),
        ("on 03/04/2025", []),
        (
            "At its 79th session, the 2nd report, para. 13, no. 16064/90, in 2024, March 2025",
            [],
        ),
        ("application no. 12/04/2025 and no 3.4.2025", []),
        ("31 February 2024 and 18 noy 2025", [("18 noy 2025", NOV18)]),
        ("Article 5 § 1 (c), Protocol No. 1, 3 May", []),
        ("on 18 xi 2025", []),  # lower-case Roman numerals are too common in running text
        ("18 Nov 2025 10:00", [("18 Nov 2025", NOV18)]),
    ],
)
def test_find_dates(text: str, expected: list[tuple[str, date]]) -> None:
    assert _found(text) == expected


def test_find_dates_with_date_order() -> None:
    assert _found("on 03/04/2025", date_order="DMY") == [("03/04/2025", date(2025, 4, 3))]
    assert _found("on 03/04/2025", date_order="MDY") == [("03/04/2025", date(2025, 3, 4))]


def test_find_dates_languages() -> None:
    text = "18 ноября 2025 г. / 18 November 2025"
    assert [m.text for m in find_dates(text, languages=("en",))] == ["18 November 2025"]


def test_date_mention_is_frozen_and_keyword_only() -> None:
    mention = DateMention(start=0, end=10, text="18.11.2025", date=NOV18)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        mention.start = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        DateMention(0, 10, "18.11.2025", NOV18)  # type: ignore[call-arg]


# -- properties -----------------------------------------------------------------------------

LOCALES = ["en", "en_GB", "fr", "ru", "az"]
DATES = st.dates(min_value=date(1000, 1, 1), max_value=date(9999, 12, 31))


@given(day=DATES, locale=st.sampled_from(LOCALES), fmt=st.sampled_from(["long", "medium", "full"]))
def test_babel_round_trip(day: date, locale: str, fmt: str) -> None:
    text = format_date(day, format=fmt, locale=locale)
    assert parse_date(text, languages=(locale[:2],)) == day


@given(day=DATES, locale=st.sampled_from(LOCALES), fmt=st.sampled_from(["long", "medium"]))
def test_babel_dates_found_in_text(day: date, locale: str, fmt: str) -> None:
    formatted = format_date(day, format=fmt, locale=locale)
    text = f"Decision no. 2-1(81)-123/2024 of {formatted}, para. 13."
    mentions = find_dates(text, languages=(locale[:2],))
    assert [m.date for m in mentions] == [day]
    assert mentions[0].text == formatted


AZ_GENITIVE = [
    "yanvarın",
    "fevralın",
    "martın",
    "aprelin",
    "mayın",
    "iyunun",
    "iyulun",
    "avqustun",
    "sentyabrın",
    "oktyabrın",
    "noyabrın",
    "dekabrın",
]


@given(day=DATES)
def test_numeric_round_trip(day: date) -> None:
    assert parse_date(day.isoformat()) == day
    assert parse_date(f"{day.day:02}.{day.month:02}.{day.year}") == day
    assert parse_date(f"{day.day}/{day.month}/{day.year}", date_order="DMY") == day
    assert parse_date(f"{day.month}/{day.day}/{day.year}", date_order="MDY") == day
    assert parse_date(f"{day.year}-ci il {AZ_GENITIVE[day.month - 1]} {day.day}-i") == day


TOKENS = st.sampled_from(
    [
        "18",
        "1er",
        "3-ü",
        "2025",
        "2025-ci il",
        "г.",
        "года",
        "November",
        "nov.",
        "нояб.",
        "ноября",
        "noyabrın",
        "mart",
        "XI",
        "xi",
        ".",
        "/",
        "-",
        "–",
        ",",
        " ",
        "\u00a0",
        "to",
        "au",
        "по",
        "today",
        "bu gün",
        "ə",
        "ğ",
        "ı",
        "ş",
        "ç",
        "ö",
        "ü",
        "İ",
        "no.",
        "16064/90",
        "10:00",
        "03/04/2025",
        "31",
        "00",
        "9999",
    ]
)
TEXTS = st.one_of(
    st.text(),
    st.text(alphabet="0123456789./-, əğışçöüİIxXnovémberнояб"),
    st.lists(TOKENS, max_size=8).map(" ".join),
    st.lists(TOKENS, max_size=8).map("".join),
)


@given(text=TEXTS)
def test_parse_date_parses_or_raises_date_parse_error(text: str) -> None:
    error: DateParseError | None = None
    try:
        result = parse_date(text)
    except DateParseError as exc:
        error = exc
    else:
        assert isinstance(result, date)
    if error is not None:
        assert error.text == text
        assert repr(text)[:20] in str(error)


@given(text=TEXTS)
def test_find_dates_never_raises_and_spans_are_exact(text: str) -> None:
    mentions = find_dates(text)
    previous_end = 0
    for m in mentions:
        assert text[m.start : m.end] == m.text
        assert m.start >= previous_end
        previous_end = m.end
        assert isinstance(m.date, date)
