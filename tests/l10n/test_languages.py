"""One list of supported languages per purpose: ``litigate/l10n/languages.toml``.

Every module that accepts or refuses a language reads it through ``l10n.supported``;
a requested language is never silently replaced by English: it is refused with an
``InputError`` naming ``locale``, or, where a documented fallback exists (``words_from``),
the fallback is reported (docs/localisation.md).
"""

from __future__ import annotations

import ast
import datetime as dt
import shutil
import tomllib
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

import litigate
from litigate import l10n
from litigate.drafts import filters
from litigate.drafts.bundle import _words
from litigate.drafts.context import language_of
from litigate.drafts.voice import Voice
from litigate.errors import InputError
from litigate.parse import dates, observations

ROOT = Path(__file__).resolve().parents[2]
SRC = ROOT / "src" / "litigate"
CODES = {"en", "fr", "ru", "az"}


@pytest.fixture
def german(tmp_path: Path) -> Iterator[Path]:
    """A firm's own German catalogue (a copy of the English one)."""
    folder = tmp_path / "catalogues"
    (folder / "de" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(l10n.catalogue_path("en"), folder / "de" / "LC_MESSAGES" / "litigate.po")  # type: ignore[arg-type]
    l10n.add_catalogue_dir(folder)
    yield folder
    l10n.remove_catalogue_dir(folder)


def test_the_data_file_names_every_purpose_with_its_reasons() -> None:
    table = tomllib.loads(l10n.PURPOSES_FILE.read_text(encoding="utf-8"))["purpose"]
    assert tuple(table) == l10n.purposes()
    for name, entry in table.items():
        assert set(entry) <= {"about", "catalogues", "languages", "words_from"}, name
        assert entry["about"], name
        assert set(entry["languages"]) <= CODES, name
        if "words_from" in entry:
            assert entry["words_from"] in l10n.languages(), name


def test_the_purposes_hold_what_each_module_handles() -> None:
    assert l10n.supported("words") == l10n.languages() == ("en", "fr", "ru")
    assert l10n.supported("drafts") == ("en", "fr", "ru", "az")
    assert l10n.supported("reading dates") == dates.DEFAULT_LANGUAGES == ("en", "fr", "ru", "az")
    assert l10n.supported("observations") == observations._LANGUAGES == ("en", "fr")
    assert l10n.supported("argument bank") == l10n.supported("rule data") == ("en", "fr")
    assert l10n.supported("UN data") == ("en", "fr", "ru")


def test_an_unknown_purpose_is_an_input_error() -> None:
    with pytest.raises(InputError, match="unknown language purpose: 'draft'") as caught:
        l10n.supported("draft")
    assert caught.value.field == "purpose"


def test_a_firms_catalogue_joins_the_catalogue_purposes_only(german: Path) -> None:
    del german
    assert "de" in l10n.supported("words") and "de" in l10n.supported("drafts")
    assert "de" not in l10n.supported("argument bank")
    assert filters.draft_language("de_AT") == "de"
    assert language_of("de") == "de"
    assert filters.paragraph_range(3, 5, locale="de") == "paragraphs 3–5"  # its own catalogue
    with pytest.raises(InputError, match="unsupported locale for case citations: 'de'"):
        filters.case_citation("Airey v. Ireland, no. 6289/73, 9 October 1979", locale="de")


@pytest.mark.parametrize(
    ("purpose", "locale"),
    [("words", "az"), ("argument bank", "ru"), ("UN data", "az"), ("drafts", "de")],
)
def test_a_language_outside_its_purpose_is_refused_naming_locale(
    purpose: str, locale: str
) -> None:
    with pytest.raises(InputError, match=rf"unsupported locale for .*: '{locale}'") as caught:
        l10n.require(locale, purpose)
    assert (caught.value.field, caught.value.value) == ("locale", locale)


def test_no_silent_english_forms() -> None:
    """``Voice.forms`` used to give English forms for any locale but French."""
    assert Voice("plural", "complainant").forms("ru")["заявитель"] == "заявители"
    with pytest.raises(InputError) as caught:
        Voice("female").forms("az")
    assert caught.value.field == "locale"


def test_an_azerbaijani_draft_reports_its_english_words(tmp_path: Path) -> None:
    # A firm's own Azerbaijani template: the filters format az, the catalogue words are English.
    (tmp_path / "ecthr").mkdir()
    shutil.copy(
        ROOT / "templates/ecthr/cover-letter.en.docx", tmp_path / "ecthr/cover-letter.az.docx"
    )
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title="Aliyev v. Azerbaijan",
        applicants=[litigate.Applicant.person(name="Rauf Aliyev")],
    )
    with pytest.warns(l10n.LanguageFallbackWarning, match=r"no catalogue for 'az'.* in 'en'"):
        data = litigate.render(
            "ecthr/cover-letter",
            case=case,
            as_of=dt.date(2026, 11, 23),
            locale="az",
            template_dirs=[tmp_path],
        )
    assert data.startswith(b"PK")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a language with a catalogue: nothing to report
        litigate.render("ecthr/cover-letter", case=case, as_of=dt.date(2026, 11, 23), locale="fr")


def test_the_stamps_fallback_is_the_documented_one() -> None:
    assert _words("ru") == _words("en")
    assert _words("fr")["annex"] == "Annexe"
    assert l10n.words_from("stamps", "en") == "en"


def _literal_language_lists() -> list[str]:
    """Tuples, lists and sets of two or more language codes written in the source."""
    found: list[str] = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Tuple | ast.List | ast.Set) and len(node.elts) >= 2:
                values = [e.value for e in node.elts if isinstance(e, ast.Constant)]
                if len(values) == len(node.elts) and set(values) <= CODES:
                    found.append(f"{path.relative_to(SRC)}:{node.lineno}")
    return found


def test_no_module_keeps_its_own_list_of_languages() -> None:
    # The one left is a formatting choice, not a list of supported languages:
    # filters.date's numeric style (day/month/year with slashes in English and French).
    found = _literal_language_lists()
    assert [place.split(":")[0] for place in found] == ["drafts/filters.py"], found
