"""The one home of localisation: catalogues complete, CLDR dates, a new language is one file."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

import litigate
from litigate import l10n
from litigate.errors import InputError
from litigate.rules import load_rules

_PLACEHOLDER = re.compile(r"%\((\w+)\)s|\{(\w+)\}")


def _placeholders(text: str) -> frozenset[str]:
    return frozenset(a or b for a, b in _PLACEHOLDER.findall(text))


def ecthr_case(**kw):
    decision = litigate.DomesticDecision(
        court="Supreme Court of the Republic of Azerbaijan",
        level="cassation",
        taken_on=kw.pop("taken_on", date(2025, 11, 1)),
        served_on=kw.pop("served_on", date(2025, 11, 18)),
        service_required=True,
    )
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        complaints=[litigate.Complaint(provision="ECHR-5-1")],
        proceedings=[decision],
        **kw,
    )


def _messages(lang: str):
    path = l10n.catalogue_path(lang)
    assert path is not None
    with path.open("rb") as handle:
        catalog = read_po(handle)
    return {(m.context, m.id if isinstance(m.id, str) else m.id[0]): m for m in catalog if m.id}


def _strings(message) -> list[str]:
    return list(message.string) if isinstance(message.string, tuple) else [message.string]


@pytest.mark.parametrize("lang", ["fr", "ru"])
def test_every_english_message_is_translated_with_the_same_placeholders(lang):
    english = _messages("en")
    other = _messages(lang)

    missing = sorted(str(key) for key in english if key not in other)
    assert not missing, f"{lang} lacks {missing}"
    for key, message in english.items():
        # A keyed message (msgid "final") has its English text, and placeholders, in msgstr.
        sources = [t for t in _strings(message) if t] or (
            [message.id] if isinstance(message.id, str) else list(message.id)
        )
        expected = {_placeholders(t) for t in sources}
        for text in _strings(other[key]):
            assert text, f"{lang}: empty msgstr for {key}"
            assert _placeholders(text) in expected, (lang, key, text)


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_plural_forms_match_the_catalogue_header(lang):
    path = l10n.catalogue_path(lang)
    assert path is not None
    with path.open("rb") as handle:
        catalog = read_po(handle)
    plurals = [m for m in catalog if m.id and not isinstance(m.id, str)]

    assert plurals
    for message in plurals:
        assert len(_strings(message)) == catalog.num_plurals, (lang, message.id)


def test_the_catalogues_say_who_wrote_the_translations():
    for lang in ("fr", "ru"):
        path = l10n.catalogue_path(lang)
        assert path is not None
        head = path.read_text(encoding="utf-8").split('msgid ""', 1)[0]
        assert "written by the litigate project" in head.lower()
        assert "not" in head and "official" in head


def test_russian_translates_every_sentence_of_the_rule_data():
    rules = load_rules()
    texts = {
        text
        for forum in rules.forums.values()
        for text in (
            *(r.explain_en for r in forum.time_limits),
            *(s.reference for s in forum.suspensions),
        )
        if text
    }
    assert texts
    ru = _messages("ru")
    for text in texts:
        assert ("rule data", text) in ru, text
        assert ru["rule data", text].string


def test_court_dates_come_from_cldr_in_the_courts_pattern():
    assert l10n.court_date(date(2025, 11, 18), "en") == "18 November 2025"
    assert l10n.court_date(date(2025, 11, 1), "en") == "1 November 2025"
    assert l10n.court_date(date(2025, 11, 1), "fr") == "1er novembre 2025"
    assert l10n.court_date(date(2025, 2, 2), "fr") == "2 février 2025"
    assert l10n.court_date(date(2025, 11, 18), "ru") == "18 ноября 2025\u00a0г."
    assert l10n.court_date(date(2025, 3, 1), "ru") == "1 марта 2025\u00a0г."
    assert [l10n.weekday_name(date(2025, 11, 17), x) for x in ("en", "fr", "ru")] == [
        "Monday",
        "lundi",
        "понедельник",
    ]
    # A locale without a catalogue is written in English, as before.
    assert l10n.court_date(date(2025, 8, 1), "az") == "1 August 2025"


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_month_and_day_names_of_the_catalogues_are_cldrs(lang):
    from babel.dates import get_day_names, get_month_names

    locale = {"en": "en_GB"}.get(lang, lang)
    for month in range(1, 13):
        day = date(2025, month, 10)
        assert (
            l10n.court_date(day, lang).split(" ")[1]
            == get_month_names("wide", "format", locale)[month]
        )
    for offset in range(7):
        day = date(2025, 11, 17 + offset)
        assert l10n.weekday_name(day, lang) == get_day_names("wide", "format", locale)[offset]


@pytest.mark.parametrize("lang", ["en", "fr", "ru"])
def test_the_catalogue_reader_agrees_with_babel(lang):
    path = l10n.catalogue_path(lang)
    assert path is not None
    ours, header = l10n.read_catalogue(path.read_text(encoding="utf-8"))
    with path.open("rb") as handle:
        catalog = read_po(handle)
    theirs: dict[object, object] = {}
    for m in catalog:
        if not m.id or m.fuzzy:
            continue
        key = m.id if isinstance(m.id, str) else m.id[0]
        key = key if m.context is None else f"{m.context}\x04{key}"
        if isinstance(m.string, tuple):
            if all(m.string):
                theirs.update({(key, i): text for i, text in enumerate(m.string)})
        elif m.string:
            theirs[key] = m.string
    assert ours == theirs
    assert header["language"] == str(catalog.locale_identifier)


def test_the_reader_skips_fuzzy_and_untranslated_entries_and_joins_lines():
    text = (
        'msgid ""\nmsgstr ""\n"Language: xx\\n"\n\n'
        '#, fuzzy\nmsgid "a"\nmsgstr "A"\n\n'
        'msgid "b"\nmsgstr ""\n\n'
        'msgctxt "c"\nmsgid "d"\nmsgstr ""\n"D \\"1\\""\n"2"\n'
    )
    messages, header = l10n.read_catalogue(text)
    assert messages == {"c\x04d": 'D "1"2'}
    assert header == {"language": "xx"}
    with pytest.raises(ValueError, match="not a PO line"):
        l10n.read_catalogue("msgid b")
    with pytest.raises(ValueError, match="not a PO line"):
        l10n.read_catalogue('"a continuation without its keyword"')


def test_lists_follow_cldr():
    assert l10n.format_list(["A", "B", "C"], "en") == "A, B and C"
    assert l10n.format_list(["A", "B"], "fr") == "A et B"
    assert l10n.format_list(["A", "B"], "ru") == "A и B"


def test_russian_explanation_is_written_in_russian():
    window = litigate.filing_window(ecthr_case(), as_of=date(2025, 12, 1))

    text = window.explain("ru")

    assert text.startswith("Пункт 1 статьи 5 Конвенции. ")
    assert "Окончательное внутригосударственное решение – решение суда" in text
    assert "от 1 ноября 2025\u00a0г." in text
    assert (
        "Четырехмесячный срок начал течь на следующий день и истекает 18 марта 2026\u00a0г. (среда)."
        in text
    )
    assert "применяется четырехмесячный срок" in text  # the rule's own sentence, translated
    assert "18 ноября 2025\u00a0г.)." in text  # one full stop after the abbreviation
    assert "г.." not in text
    words = text.replace("Supreme Court of the Republic of Azerbaijan", "")
    assert not re.search(r"\b(the|time limit|of|period)\b", words), text
    assert window.explain("ru_RU") == text


def test_russian_six_month_regime_and_verdict():
    window = litigate.filing_window(
        ecthr_case(
            taken_on=date(2021, 3, 1), served_on=date(2021, 3, 10), lodged_on=date(2021, 10, 1)
        ),
        as_of=date(2022, 1, 1),
    )

    text = window.explain("ru")

    assert "Шестимесячный срок" in text
    assert "шестимесячный срок (пункт 3 статьи 8 Протокола № 15)" in text
    assert "Жалоба подана 1 октября 2021\u00a0г., с пропуском срока." in text


@pytest.fixture
def german(tmp_path: Path):
    """A German catalogue made the way docs/localisation.md says: copy the English one."""
    folder = tmp_path / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    source = l10n.catalogue_path("en")
    assert source is not None
    target = folder / "litigate.po"
    shutil.copy(source, target)
    text = target.read_text(encoding="utf-8")
    text = text.replace('"Language: en_GB\\n"', '"Language: de\\n"')
    text = text.replace(
        'msgid "The final domestic decision is %(decision)s; the time limit runs from %(event)s, on %(start)s."\nmsgstr ""',
        'msgid "The final domestic decision is %(decision)s; the time limit runs from %(event)s, on %(start)s."\n'
        'msgstr "Die letzte innerstaatliche Entscheidung ist %(decision)s; die Frist läuft ab %(event)s, dem %(start)s."',
    )
    text = text.replace(
        'msgctxt "date"\nmsgid "%(day)s %(month)s %(year)s"\nmsgstr ""',
        'msgctxt "date"\nmsgid "%(day)s %(month)s %(year)s"\nmsgstr "%(day)s. %(month)s %(year)s"',
    )
    target.write_text(text, encoding="utf-8")
    l10n.add_catalogue_dir(tmp_path)
    yield tmp_path
    l10n.remove_catalogue_dir(tmp_path)


def test_a_new_language_is_one_catalogue_file(german):
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        complaints=[litigate.Complaint(provision="ECHR-5-1")],
        proceedings=[
            litigate.DomesticDecision(court="C", level="appeal", taken_on=date(2025, 3, 4))
        ],
    )
    window = litigate.filing_window(case, as_of=date(2025, 4, 1))

    assert "de" in l10n.languages()
    text = window.explain("de_AT")

    assert (
        "Die letzte innerstaatliche Entscheidung ist the decision of the C of 4. März 2025; "
        "die Frist läuft ab the date it was taken, dem 4. März 2025." in text
    )  # the translated sentence, with CLDR's German month in the catalogue's pattern
    assert "expires on Freitag 4. Juli 2025" in text  # untranslated sentences stay English
    assert text != window.explain("en")


def test_without_the_catalogue_the_language_is_refused_not_english(german):
    # Once the catalogue is gone, "de" is an unsupported locale: an error naming the
    # field and the value, never an English explanation in its place (issue 17).
    l10n.remove_catalogue_dir(german)
    case = ecthr_case()
    window = litigate.filing_window(case, as_of=date(2025, 12, 1))

    with pytest.raises(InputError, match="unsupported locale: 'de'") as caught:
        l10n.language("de")
    assert (caught.value.field, caught.value.value) == ("locale", "de")
    with pytest.raises(InputError, match="unsupported locale: 'de'"):
        window.explain("de")
    # A fallback the caller names is still given.
    assert l10n.language("de", default="en") == "en"


def test_explanations_and_dates_in_the_shipped_languages_do_not_import_babel():
    import subprocess
    import sys

    code = (
        "import sys, datetime as d, litigate; "
        "case = litigate.Case(forum='ecthr', respondent='AZE', "
        "complaints=[litigate.Complaint(provision='ECHR-5-1')], "
        "proceedings=[litigate.DomesticDecision(court='C', level='appeal', "
        "taken_on=d.date(2025, 3, 1))]); "
        "w = litigate.filing_window(case, as_of=d.date(2025, 4, 1)); "
        "assert all(w.explain(x) for x in ('en', 'fr', 'ru')); "
        "print('babel' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert out.stdout.strip() == "False"
