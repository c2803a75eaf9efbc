"""An unsupported locale is an explicit outcome at every entry point, never an English text.

``l10n.language`` refuses a locale whose language has no catalogue (an ``InputError``
naming the field ``locale`` and the value); babel-style variants keep working.
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest

import litigate
from litigate import l10n
from litigate.cli import main
from litigate.display import timeline_svg
from litigate.drafts.bundle import annex_bundle
from litigate.drafts.context import language_of
from litigate.errors import InputError

ROOT = Path(__file__).resolve().parent.parent.parent
TYPOS = ("fe", "rus", "eng", "de", "", "_fr")


def _case() -> litigate.Case:
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title="Aliyev v. Azerbaijan",
        applicants=[litigate.Applicant.person(name="Rauf Aliyev")],
        complaints=[litigate.Complaint(provision="ECHR-5-1")],
        proceedings=[
            litigate.DomesticDecision(
                court="Baku Court of Appeal", level="appeal", taken_on=date(2025, 3, 4)
            )
        ],
    )


def _window() -> litigate.FilingWindow:
    return litigate.filing_window(_case(), as_of=date(2025, 4, 1))


@pytest.mark.parametrize(
    ("locale", "lang"),
    [
        ("fr", "fr"),
        ("fr_FR", "fr"),
        ("fr-CH", "fr"),
        ("fr_BE.UTF-8", "fr"),
        ("FR", "fr"),
        ("ru-RU", "ru"),
        ("ru_RU@latin", "ru"),
        ("en_GB", "en"),
    ],
)
def test_babel_style_variants_are_their_language(locale: str, lang: str) -> None:
    assert l10n.language(locale) == lang


@pytest.mark.parametrize("locale", [*TYPOS, None, 5])
def test_an_unsupported_locale_is_an_input_error_naming_field_and_value(locale: object) -> None:
    with pytest.raises(
        InputError, match=r"unsupported locale: .*\(languages with a catalogue: en, fr, ru\)"
    ) as caught:
        l10n.language(locale)
    assert caught.value.field == "locale"
    assert caught.value.value == locale


def test_a_fallback_is_given_only_when_the_caller_names_it() -> None:
    assert l10n.language("az", default="en") == "en"
    # The word functions name it for the languages the filters format without a catalogue.
    assert l10n.court_date(date(2025, 8, 1), "az") == "1 August 2025"


@pytest.mark.parametrize("locale", TYPOS)
def test_explain_refuses_a_mistyped_locale(locale: str) -> None:
    window = _window()
    with pytest.raises(InputError) as caught:
        window.explain(locale)
    assert caught.value.field == "locale"


def test_explain_takes_babel_variants() -> None:
    window = _window()
    assert window.explain("fr_FR") == window.explain("fr-CH") == window.explain("fr")
    assert window.explain("ru_RU") == window.explain("ru") != window.explain("en")


@pytest.mark.parametrize("locale", ["fe", "rus", "de"])
def test_render_refuses_before_looking_for_a_template(locale: str, tmp_path: Path) -> None:
    # A firm template without a locale in its name would otherwise be drafted in English.
    template = ROOT / "templates" / "ecthr" / "cover-letter.en.docx"
    (tmp_path / "ecthr").mkdir()
    (tmp_path / "ecthr" / "cover-letter.docx").write_bytes(template.read_bytes())
    with pytest.raises(InputError, match="unsupported locale") as caught:
        litigate.render(
            "ecthr/cover-letter",
            case=_case(),
            as_of=date(2026, 11, 23),
            locale=locale,
            template_dirs=[tmp_path],
        )
    assert (caught.value.field, caught.value.value) == ("locale", locale)


def test_render_takes_a_babel_variant() -> None:
    data = litigate.render(
        "ecthr/cover-letter", case=_case(), as_of=date(2026, 11, 23), locale="fr_FR"
    )
    text = " ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "23 novembre 2026" in text


def test_draft_languages() -> None:
    assert [language_of(x) for x in ("fr-CH", "ru_RU", "az", "en_US")] == ["fr", "ru", "en", "en"]
    with pytest.raises(InputError, match="supported: en, fr, ru, az"):
        language_of("fe")


def test_the_timeline_refuses_a_mistyped_locale_and_speaks_russian() -> None:
    window = _window()
    with pytest.raises(InputError) as caught:
        timeline_svg(window, locale="fe")
    assert caught.value.field == "locale"
    assert timeline_svg(window, locale="fr_FR") == timeline_svg(window, locale="fr")
    # Before, every locale but French was drawn in English.
    assert timeline_svg(window, locale="ru") != timeline_svg(window, locale="en")


def test_the_bundle_refuses_a_mistyped_locale_before_reading_any_file() -> None:
    documents = [
        litigate.Document(title="Judgment of the Baku Court of Appeal", reference="a.pdf")
    ]
    with pytest.raises(InputError) as caught:
        annex_bundle(documents, folder="/nowhere", locale="fe")
    assert (caught.value.field, caught.value.value) == ("locale", "fe")


@pytest.mark.parametrize("command", ["render", "bundle"])
def test_the_command_line_refuses_a_mistyped_locale(command: str, tmp_path: Path) -> None:
    case = str(ROOT / "examples" / "disbarred-lawyer" / "case.toml")
    out, err = io.StringIO(), io.StringIO()
    argv = [command, case, *(["ecthr/application"] if command == "render" else [])]
    code = main([*argv, "--locale", "fe", "--out", str(tmp_path / "out")], out=out, err=err)
    assert code == 2
    assert "unsupported locale: 'fe'" in err.getvalue()
    assert not (tmp_path / "out").exists()
