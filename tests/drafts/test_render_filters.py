"""Drafting filters: dates, amounts, articles, case citations, ordinals, lists, initials."""

from __future__ import annotations

import subprocess
import sys
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import litigate
import litigate.model
from litigate.drafts import filters
from litigate.drafts.filters import (
    FILTERS,
    NBSP,
    amount,
    article,
    case_citation,
    initials,
    join,
    ordinal,
    paragraph_range,
    upper_first,
)
from litigate.drafts.filters import date as date_filter
from litigate.errors import InputError, UnknownProvisionError
from litigate.parse.citations import CaseCitation


class TestRegistry:
    def test_every_filter_is_registered_and_documented(self):
        assert set(FILTERS) == {
            "amount",
            "article",
            "case_citation",
            "date",
            "initials",
            "join",
            "ordinal",
            "paragraph_range",
            "upper_first",
        }
        for name, function in FILTERS.items():
            assert function.__doc__ and ">>>" in function.__doc__, name
            assert function is getattr(filters, name)

    def test_registry_is_read_only(self):
        with pytest.raises(TypeError):
            FILTERS["x"] = upper_first  # type: ignore[index]

    @pytest.mark.parametrize("name", sorted(FILTERS))
    def test_every_filter_refuses_an_unknown_locale(self, name):
        value = {"date": date(2025, 1, 1), "amount": 1, "ordinal": 1, "paragraph_range": 1}
        with pytest.raises(InputError) as caught:
            FILTERS[name](value.get(name, "ECHR-3"), locale="de")
        assert caught.value.field == "locale"
        assert "'de'" in str(caught.value)

    def test_formatting_english_and_french_dates_does_not_import_babel(self):
        code = (
            "import sys, litigate.drafts.filters as f; "
            "from datetime import date; f.date(date(2025, 1, 1), locale='fr'); "
            "print('babel' in sys.modules)"
        )
        out = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        assert out.stdout.strip() == "False"


class TestDate:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [
            ("en", "18 November 2025"),
            ("en_GB", "18 November 2025"),
            ("en-GB", "18 November 2025"),
            ("fr", "18 novembre 2025"),
            ("fr_FR", "18 novembre 2025"),
            ("ru", f"18 ноября 2025{NBSP}г."),
            ("az", "18 noyabr 2025"),
        ],
    )
    def test_court_style(self, locale, expected):
        assert date_filter(date(2025, 11, 18), locale=locale) == expected

    def test_french_first_of_month(self):
        assert date_filter(date(2025, 11, 1), locale="fr") == "1er novembre 2025"
        assert date_filter(date(2025, 11, 1), locale="en") == "1 November 2025"

    def test_russian_months_are_genitive(self):
        assert date_filter(date(2025, 3, 8), locale="ru").startswith("8 марта 2025")

    @pytest.mark.parametrize(
        ("locale", "expected"),
        [("en", "08/03/2025"), ("fr", "08/03/2025"), ("ru", "08.03.2025"), ("az", "08.03.2025")],
    )
    def test_short_style(self, locale, expected):
        assert date_filter(date(2025, 3, 8), locale=locale, style="short") == expected

    @pytest.mark.parametrize(
        "value", [datetime(2025, 1, 1, 12, 0, tzinfo=UTC), "2025-01-01", None, 20250101]
    )
    def test_refuses_what_is_not_a_date(self, value):
        with pytest.raises(InputError) as caught:
            date_filter(value, locale="en")
        assert caught.value.value == value
        assert repr(value) in str(caught.value)

    def test_refuses_unknown_style(self):
        with pytest.raises(InputError, match="unknown style 'long'"):
            date_filter(date(2025, 1, 1), locale="en", style="long")

    @given(st.dates(min_value=date(1950, 1, 1), max_value=date(2100, 12, 31)))
    def test_every_date_has_day_and_year_and_no_narrow_space(self, day):
        for locale in ("en", "fr", "ru", "az"):
            text = date_filter(day, locale=locale)
            assert text.startswith(str(day.day))
            assert str(day.year) in text
            assert "\u202f" not in text


class TestAmount:
    @pytest.mark.parametrize(
        ("value", "locale", "expected"),
        [
            (6400, "en", "EUR 6,400"),
            (Decimal("6400.5"), "en", "EUR 6,400.50"),
            (Decimal("6400.00"), "en", "EUR 6,400"),
            (1_250_000, "en", "EUR 1,250,000"),
            (950, "en", "EUR 950"),
            (6400, "fr", "6 400 EUR"),
            (Decimal("6400.5"), "fr", "6 400,50 EUR"),
            (6400, "ru", "6 400 EUR"),
            (Decimal("6400.5"), "az", "6.400,50 EUR"),
            (6400.5, "en", "EUR 6,400.50"),
            ("6400.50", "en", "EUR 6,400.50"),
        ],
    )
    def test_court_style(self, value, locale, expected):
        assert amount(value, locale=locale) == expected.replace(" ", NBSP)

    def test_other_currency(self):
        assert amount(3000, "AZN", locale="en") == f"AZN{NBSP}3,000"

    def test_only_no_break_spaces(self):
        text = amount(Decimal("1234567.89"), locale="fr")
        assert " " not in text
        assert "\u202f" not in text
        assert text == f"1{NBSP}234{NBSP}567,89{NBSP}EUR"

    @pytest.mark.parametrize("value", [True, None, "six", float("nan"), float("inf"), [1]])
    def test_refuses_non_numbers(self, value):
        with pytest.raises(InputError, match="amount: expected a number"):
            amount(value, locale="en")

    def test_refuses_more_than_two_decimals(self):
        with pytest.raises(InputError, match="more than two decimals"):
            amount(Decimal("1.005"), locale="en")

    @pytest.mark.parametrize("currency", ["eur", "€", "EURO", 978])
    def test_refuses_non_iso_currency(self, currency):
        with pytest.raises(InputError, match="ISO 4217"):
            amount(1, currency, locale="en")

    @given(st.decimals(min_value=0, max_value=10**9, places=2))
    def test_value_survives_formatting(self, value):
        text = amount(value, locale="en")
        number = text.removeprefix(f"EUR{NBSP}").replace(",", "")
        assert Decimal(number) == value
        assert ("." in number) == (value != value.to_integral_value())


class TestArticle:
    @pytest.mark.parametrize(
        ("ids", "locale", "expected"),
        [
            ("ECHR-5-1", "en", "Article 5 § 1 of the Convention"),
            ("ECHR-5-1", "fr", "l'article 5 § 1 de la Convention"),
            (
                ["ECHR-3", "ECHR-5-1", "ECHR-10"],
                "en",
                "Articles 3, 5 § 1 and 10 of the Convention",
            ),
            (
                ["ECHR-3", "ECHR-5-1", "ECHR-10"],
                "fr",
                "les articles 3, 5 § 1 et 10 de la Convention",
            ),
            (
                ["ECHR-6-1", "ECHR-P1-1"],
                "en",
                "Article 6 § 1 of the Convention and Article 1 of Protocol No. 1",
            ),
            (
                ["ECHR-6-1", "ECHR-P1-1"],
                "fr",
                "l'article 6 § 1 de la Convention et l'article 1 du Protocole no 1",
            ),
            (["ICCPR-7", "ICCPR-14-1"], "en", "articles 7 and 14 (1) of the Covenant"),
            (["ECHR-5", "ECHR-6-3-c"], "en", "Articles 5 and 6 § 3 (c) of the Convention"),
            (["ECHR-5-1", "ECHR-5-1"], "en", "Article 5 § 1 of the Convention"),
        ],
    )
    def test_citations(self, ids, locale, expected):
        assert article(ids, locale=locale) == expected

    def test_accepts_provision_objects(self):
        assert (
            article(litigate.model.provision("ECHR-10"), locale="en")
            == "Article 10 of the Convention"
        )

    def test_without_instrument(self):
        assert article(["ECHR-3", "ECHR-13"], locale="en", with_instrument=False) == (
            "Articles 3 and 13"
        )

    def test_mixed_instruments_must_be_named(self):
        with pytest.raises(InputError, match="several instruments"):
            article(["ECHR-6-1", "ECHR-P1-1"], locale="en", with_instrument=False)

    def test_unknown_provision(self):
        with pytest.raises(UnknownProvisionError):
            article(["ECHR-3", "ECHR-99"], locale="en")

    @pytest.mark.parametrize("value", [[], None, 5, {"id": "ECHR-3"}])
    def test_refuses_nothing_to_cite(self, value):
        with pytest.raises(InputError):
            article(value, locale="en")

    def test_refuses_russian(self):
        with pytest.raises(InputError, match="article citations"):
            article("ECHR-3", locale="ru")

    def test_upper_first_starts_a_sentence(self):
        assert upper_first(article("ECHR-3", locale="fr"), locale="fr") == (
            "L'article 3 de la Convention"
        )


class TestCaseCitation:
    SABRI = {  # noqa: RUF012 - read-only test data
        "parties": "Sabri Güneş",
        "respondent": "Turkey",
        "grand_chamber": True,
        "number": "27396/06",
        "date": date(2012, 6, 29),
    }

    def test_mapping(self):
        assert case_citation(self.SABRI, locale="en") == (
            "Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012"
        )
        assert case_citation(self.SABRI, locale="fr") == (
            "Sabri Güneş c. Turquie [GC], no 27396/06, 29 juin 2012"
        )

    def test_case_citation_object_and_text(self):
        text = "Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012"
        parsed = litigate.parse_citation(text)
        assert isinstance(parsed, CaseCitation)
        assert case_citation(parsed, locale="fr") == case_citation(self.SABRI, locale="fr")
        assert case_citation(text, locale="en") == text

    def test_french_citation_to_english(self):
        text = "Sabri Güneş c. Turquie [GC], no 27396/06, 29 juin 2012"
        assert case_citation(text, locale="en") == (
            "Sabri Güneş v. Türkiye [GC], no. 27396/06, 29 June 2012"
        )

    def test_respondent_code_in_court_style(self):
        value = {"parties": "Hirst", "respondent": "GBR", "sequel": 2, "number": "74025/01"}
        assert case_citation(value, locale="en") == (
            "Hirst v. the United Kingdom (no. 2), no. 74025/01"
        )
        assert case_citation(value, locale="fr") == "Hirst c. Royaume-Uni (no 2), no 74025/01"

    def test_several_numbers_and_others(self):
        value = {
            "parties": "Mammadli",
            "and_others": True,
            "respondent": "AZE",
            "decision": True,
            "numbers": ["1/20", "2/20"],
            "date": date(2025, 11, 1),
        }
        assert case_citation(value, locale="fr") == (
            "Mammadli et autres c. Azerbaïdjan (déc.), nos 1/20 et 2/20, 1er novembre 2025"
        )

    def test_unknown_respondent_kept_as_printed(self):
        value = {"parties": "X", "respondent": "Ruritania"}
        assert case_citation(value, locale="fr") == "X c. Ruritania"

    @pytest.mark.parametrize(
        ("value", "match"),
        [
            ({"parties": "X"}, "needs 'parties'"),
            ({"parties": "X", "respondent": "AZE", "colour": "red"}, "unknown keys"),
            ({"parties": "X", "respondent": "AZE", "number": "27396"}, "application number"),
            ({"parties": "X", "respondent": "AZE", "date": "2012-06-29"}, "must be a date"),
            ({"parties": "X", "respondent": "XYZ"}, "XYZ"),
            ("no. 27396/06", "not a case citation"),
            (42, "expected a CaseCitation"),
        ],
    )
    def test_refusals(self, value, match):
        with pytest.raises(InputError, match=match):
            case_citation(value, locale="en")

    def test_refuses_russian(self):
        with pytest.raises(InputError, match="case citations"):
            case_citation(self.SABRI, locale="ru")


class TestOrdinal:
    @pytest.mark.parametrize(
        ("n", "expected"),
        [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"),
         (13, "13th"), (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th"), (112, "112th")],
    )  # fmt: skip
    def test_english(self, n, expected):
        assert ordinal(n, locale="en") == expected

    def test_french_russian_azerbaijani(self):
        assert [ordinal(n, locale="fr") for n in (1, 2, 21)] == ["1er", "2e", "21e"]
        assert [ordinal(n, locale="ru") for n in (1, 2, 3)] == ["1-й", "2-й", "3-й"]
        assert [ordinal(n, locale="az") for n in (1, 3, 6, 9, 10, 40, 100, 1000)] == [
            "1-ci", "3-cü", "6-cı", "9-cu", "10-cu", "40-cı", "100-cü", "1000-ci",
        ]  # fmt: skip

    def test_digits_as_text(self):
        assert ordinal("3", locale="en") == "3rd"

    @pytest.mark.parametrize("n", [0, -1, True, 1.5, "first", None])
    def test_refusals(self, n):
        with pytest.raises(InputError, match="whole number from 1"):
            ordinal(n, locale="en")

    @given(st.integers(min_value=1, max_value=10**6))
    def test_every_number_has_an_ordinal(self, n):
        for locale in ("en", "fr", "ru", "az"):
            assert ordinal(n, locale=locale).startswith(str(n))


class TestJoin:
    @pytest.mark.parametrize(
        ("items", "locale", "expected"),
        [
            ([], "en", ""),
            (["A"], "en", "A"),
            (["A", "B"], "en", "A and B"),
            (["A", "B", "C"], "en", "A, B and C"),
            (["A", "B", "C"], "fr", "A, B et C"),
            (["A", "B", "C"], "ru", "A, B и C"),
            (["A", "B", "C"], "az", "A, B və C"),
            ((n for n in (1, 2, 3)), "en", "1, 2 and 3"),
            ("one text", "en", "one text"),
        ],
    )
    def test_join(self, items, locale, expected):
        assert join(items, locale=locale) == expected

    @pytest.mark.parametrize("items", [3, None, {"a": 1}])
    def test_refusals(self, items):
        with pytest.raises(InputError, match="list of items"):
            join(items, locale="en")

    @given(st.lists(st.text(alphabet="xyz", min_size=1), min_size=3))
    def test_no_oxford_comma(self, items):
        assert ", and " not in join(items, locale="en")


class TestNames:
    @pytest.mark.parametrize(
        ("name", "expected"),
        [
            ("Rauf Əliyev", "R.Ə."),
            ("Gunay Mirzazade", "G.M."),
            ("Jean-Pierre de la Tour", "J.P.T."),
            ("Ludwig van Beethoven", "L.B."),
            ("Ana De Souza", "A.D.S."),
            ("Jean d'Alembert", "J.A."),
            ("Seán O'Brien", "S.O."),
            ("Рауф Алиев", "Р.А."),
            ("ilkin şahbazov", "I.Ş."),
            ("Rauf Mammad oğlu Aliyev", "R.M.A."),
            ("G.M.", "G.M."),
            ("", ""),
        ],
    )
    def test_initials(self, name, expected):
        assert initials(name, locale="en") == expected

    def test_azerbaijani_dotted_capital(self):
        assert initials("ilkin şahbazov", locale="az") == "İ.Ş."
        assert upper_first("ilkin", locale="az") == "İlkin"
        assert upper_first("ilkin", locale="en") == "Ilkin"

    def test_initials_are_idempotent(self):
        assert initials(initials("Vusala Nasirli", locale="en"), locale="en") == "V.N."

    def test_upper_first(self):
        assert upper_first("", locale="en") == ""
        assert upper_first("éloge", locale="fr") == "Éloge"
        assert upper_first(5, locale="en") == "5"

    def test_initials_refuse_non_text(self):
        with pytest.raises(InputError, match="name as text"):
            initials(["Rauf"], locale="en")


class TestParagraphRange:
    @pytest.mark.parametrize(
        ("first", "last", "locale", "expected"),
        [
            (13, None, "en", "paragraph 13"),
            (13, 13, "en", "paragraph 13"),
            (13, 14, "en", "paragraphs 13 and 14"),
            (13, 18, "en", "paragraphs 13–18"),
            (13, None, "fr", "paragraphe 13"),
            (13, 14, "fr", "paragraphes 13 et 14"),
            (13, 18, "fr", "paragraphes 13 à 18"),
            (13, 18, "ru", "пункты 13–18"),
            ("13", "18", "en", "paragraphs 13–18"),
        ],
    )
    def test_references(self, first, last, locale, expected):
        assert paragraph_range(first, last, locale=locale) == expected

    def test_in_a_reply(self):
        text = (
            f"In reply to {paragraph_range(13, 18, locale='en')} of the Government's observations"
        )
        assert text == "In reply to paragraphs 13–18 of the Government's observations"

    @pytest.mark.parametrize(("first", "last"), [(18, 13), (0, 3), (1, "x"), (None, 2)])
    def test_refusals(self, first, last):
        with pytest.raises(InputError):
            paragraph_range(first, last, locale="en")

    def test_refuses_azerbaijani(self):
        with pytest.raises(InputError, match="paragraph references"):
            paragraph_range(1, locale="az")
