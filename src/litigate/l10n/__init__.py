"""One home for the words of every language litigate writes in.

Sentences live in gettext catalogues, one file per language
(``locale/<lang>/LC_MESSAGES/litigate.po`` in this package); month and day
names, lists and numbers come from babel's CLDR data, in the patterns the
catalogue names.  A new language is one catalogue file: copy
``locale/en/LC_MESSAGES/litigate.po``, set its ``Language`` header, translate
the ``msgstr`` lines, and put the file in this package or in a folder given to
:func:`add_catalogue_dir`.  Nothing here is read before the first sentence,
date or list is asked for, so ``import litigate`` stays light.

Examples:
    >>> from datetime import date
    >>> court_date(date(2025, 11, 18), "en")
    '18 November 2025'
    >>> court_date(date(2025, 11, 1), "fr")
    '1er novembre 2025'
    >>> court_date(date(2025, 11, 18), "ru").replace("\u00a0", " ")
    '18 ноября 2025 г.'
    >>> weekday_name(date(2025, 11, 18), "fr")
    'mardi'
    >>> format_list(["A", "B", "C"], "en")
    'A, B and C'
    >>> gettext("fr", "No fixed time limit applies.")
    "Aucun délai fixe ne s'applique."
    >>> one = "%(count)s day has elapsed since the final decision."
    >>> many = "%(count)s days have elapsed since the final decision."
    >>> ngettext("ru", one, many, 3) % {"count": 3}
    'С момента вынесения окончательного решения прошло 3 дня.'
    >>> language("fr_BE"), language("ru-RU"), language("az", default="en")
    ('fr', 'ru', 'en')
"""

from __future__ import annotations

import functools
import gettext as _gettext
import re
import tomllib
from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from decimal import Decimal
from pathlib import Path

from litigate.errors import InputError

__all__ = [
    "LabelTable",
    "LanguageFallbackWarning",
    "MessageTable",
    "add_catalogue_dir",
    "catalogue_path",
    "court_date",
    "format_list",
    "format_number",
    "gettext",
    "has_message",
    "labels",
    "language",
    "languages",
    "month_abbreviation",
    "ngettext",
    "npgettext",
    "pgettext",
    "purposes",
    "read_catalogue",
    "remove_catalogue_dir",
    "require",
    "supported",
    "weekday_name",
    "words_from",
]

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
"""The catalogues shipped with litigate (package data)."""

DOMAIN = "litigate"
_SOURCE = "en"  # the catalogue whose msgids every other catalogue translates
_extra_dirs: list[Path] = []


def _reset() -> None:
    _catalogue.cache_clear()
    _keys.cache_clear()
    _babel_locale.cache_clear()
    court_date.cache_clear()
    languages.cache_clear()


def add_catalogue_dir(directory: str | Path) -> None:
    """Search ``directory`` (laid out as ``<lang>/LC_MESSAGES/litigate.po``) before the built-in catalogues.

    A firm adds or overrides a language without touching litigate's code.

    Examples:
        >>> import shutil, tempfile
        >>> folder = Path(tempfile.mkdtemp())
        >>> (folder / "de" / "LC_MESSAGES").mkdir(parents=True)
        >>> _ = shutil.copy(catalogue_path("en"), folder / "de" / "LC_MESSAGES" / "litigate.po")
        >>> add_catalogue_dir(folder)
        >>> languages(), language("de_AT")
        (('de', 'en', 'fr', 'ru'), 'de')
        >>> remove_catalogue_dir(folder)
        >>> shutil.rmtree(folder)
    """
    path = Path(directory).resolve()
    if path not in _extra_dirs:
        _extra_dirs.insert(0, path)
    _reset()


def remove_catalogue_dir(directory: str | Path) -> None:
    """Stop searching ``directory`` (see :func:`add_catalogue_dir`).

    A folder that was never added is ignored.

    Examples:
        >>> remove_catalogue_dir("/nowhere")
        >>> languages()
        ('en', 'fr', 'ru')
    """
    path = Path(directory).resolve()
    if path in _extra_dirs:
        _extra_dirs.remove(path)
    _reset()


def catalogue_path(lang: str) -> Path | None:
    """The ``.po`` file that serves ``lang``, or ``None`` if no catalogue does.

    Examples:
        >>> catalogue_path("fr").relative_to(LOCALE_DIR).as_posix()
        'fr/LC_MESSAGES/litigate.po'
        >>> catalogue_path("az") is None
        True
    """
    for root in (*_extra_dirs, LOCALE_DIR):
        candidate = root / lang / "LC_MESSAGES" / f"{DOMAIN}.po"
        if candidate.is_file():
            return candidate
    return None


@functools.cache
def languages() -> tuple[str, ...]:
    """The languages that have a catalogue, sorted (a firm's own folders included).

    Examples:
        >>> languages()
        ('en', 'fr', 'ru')
    """
    found = {
        p.parent.parent.name
        for root in (*_extra_dirs, LOCALE_DIR)
        if root.is_dir()
        for p in root.glob(f"*/LC_MESSAGES/{DOMAIN}.po")
    }
    return tuple(sorted(found))


def language(locale: object, default: str | None = None) -> str:
    """The catalogue language for ``locale`` (``"fr_BE"``, ``"fr-CH"`` → ``"fr"``).

    A locale whose language has no catalogue is refused, naming the field
    ``locale`` and the value: a typo ("fe", "rus") must not give an English
    draft without a word (docs/localisation.md).  A caller that wants a
    fallback names it: ``language("az", default="en")`` is ``"en"``; the word
    functions of this module (:func:`gettext`, :func:`court_date`…) take that
    fallback to English, for the languages litigate formats without a catalogue
    (Azerbaijani names and dates in the drafts' filters).

    Raises:
        InputError: No catalogue for the locale's language, and no ``default``
            (``field="locale"``, ``value`` the locale given).

    Examples:
        >>> language("fr_BE"), language("fr-CH"), language("ru-RU"), language("EN_gb")
        ('fr', 'fr', 'ru', 'en')
        >>> language("fe")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: unsupported locale: 'fe' (languages with a catalogue: en, fr, ru)
        >>> language("de", default="en")
        'en'
    """
    code = _code(locale)
    known = languages()
    if code in known:
        return code
    if default is not None:
        return default
    msg = f"unsupported locale: {locale!r} (languages with a catalogue: {', '.join(known)})"
    raise InputError(msg, field="locale", value=locale)


PURPOSES_FILE = Path(__file__).resolve().parent / "languages.toml"
"""The languages litigate handles, by purpose (package data; docs/localisation.md)."""


class LanguageFallbackWarning(UserWarning):
    """A documented fallback was taken: words of another language in the requested one's place.

    Raised as a warning, never silently: a draft in Azerbaijani (which has no catalogue)
    gets the English catalogue's words (``purpose.drafts.words_from`` in
    ``languages.toml``).

    Examples:
        >>> issubclass(LanguageFallbackWarning, UserWarning)
        True
        >>> words_from("drafts", "az")  # what render() then reports with this warning
        'en'
    """


@functools.cache
def _purpose_table() -> dict[str, dict[str, object]]:
    with PURPOSES_FILE.open("rb") as handle:
        table: dict[str, dict[str, object]] = tomllib.load(handle)["purpose"]
    return table


def purposes() -> tuple[str, ...]:
    """The purposes ``languages.toml`` names, in its order.

    Examples:
        >>> purposes()[:3]
        ('words', 'drafts', 'reading dates')
    """
    return tuple(_purpose_table())


def _purpose(purpose: str) -> dict[str, object]:
    table = _purpose_table()
    if purpose not in table:
        msg = f"unknown language purpose: {purpose!r} (known: {', '.join(table)})"
        raise InputError(msg, field="purpose", value=purpose)
    return table[purpose]


def supported(purpose: str) -> tuple[str, ...]:
    """The languages litigate handles for ``purpose`` (one of :func:`purposes`).

    The one list each module reads: a purpose with ``catalogues = true`` has every
    language with a catalogue (:func:`languages`, a firm's own included), then the
    languages ``languages.toml`` adds to it.

    Raises:
        InputError: ``purpose`` is not one of :func:`purposes` (``field="purpose"``).

    Examples:
        >>> supported("words")
        ('en', 'fr', 'ru')
        >>> supported("drafts"), supported("argument bank")
        (('en', 'fr', 'ru', 'az'), ('en', 'fr'))
    """
    entry = _purpose(purpose)
    named = [str(x) for x in entry.get("languages", ())]  # type: ignore[attr-defined]
    found = [*languages(), *named] if entry.get("catalogues") else named
    return tuple(dict.fromkeys(found))


def words_from(purpose: str, lang: str) -> str:
    """The catalogue language whose words ``lang`` gets for ``purpose``.

    ``lang`` itself when it has a catalogue; else the purpose's documented fallback
    (``words_from`` in ``languages.toml``), which the caller reports
    (:class:`LanguageFallbackWarning`, or a note).

    Raises:
        InputError: ``lang`` is not one of :func:`supported` for ``purpose``, or has no
            catalogue and the purpose names no fallback (``field="locale"``).

    Examples:
        >>> words_from("drafts", "fr"), words_from("drafts", "az")
        ('fr', 'en')
        >>> words_from("words", "az")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: unsupported locale for sentences: 'az' (supported: en, fr, ru)
    """
    code = require(lang, purpose)
    if code in languages():
        return code
    fallback = _purpose(purpose).get("words_from")
    if fallback is None:  # pragma: no cover - languages.toml gives every such purpose one
        msg = f"no catalogue for {lang!r} and no fallback for {purpose}"
        raise InputError(msg, field="locale", value=lang)
    return str(fallback)


def require(locale: object, purpose: str) -> str:
    """The two-letter language of ``locale`` (``"fr-CH"`` → ``"fr"``) if ``purpose`` supports it.

    Raises:
        InputError: The language is not one of :func:`supported` for ``purpose``
            (``field="locale"``, ``value`` the locale given).

    Examples:
        >>> require("fr_BE", "argument bank"), require("az_Latn_AZ", "drafts")
        ('fr', 'az')
        >>> require("ru", "argument bank")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: unsupported locale for replies: 'ru' (supported: en, fr)
    """
    code = _code(locale)
    known = supported(purpose)
    if code in known:
        return code
    about = _purpose(purpose).get("about", purpose)
    msg = f"unsupported locale for {about}: {locale!r} (supported: {', '.join(known)})"
    raise InputError(msg, field="locale", value=locale)


def _code(locale: object) -> str:
    return re.split(r"[-_@.]", locale, maxsplit=1)[0].lower() if isinstance(locale, str) else ""


def _lookup(lang: str) -> str:
    """The catalogue the word functions read for ``lang``: its own, else English."""
    return language(lang, default=_SOURCE)


class _Catalogue:
    """One language's translations (gettext, with the catalogue's plural rule) and CLDR locale."""

    def __init__(self, lang: str, translations: _gettext.GNUTranslations, locale: str) -> None:
        self.lang = lang
        self.translations = translations
        self.locale = locale
        self.ids = frozenset(
            k if isinstance(k, str) else k[0]  # type: ignore[index]
            for k in _messages(translations)
        )


def _messages(translations: _gettext.GNUTranslations) -> dict[object, str]:
    catalog: dict[object, str] = translations._catalog  # type: ignore[attr-defined]  # noqa: SLF001
    return catalog


_PO_LINE = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
_PO_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}


def _unquote(text: str) -> str:
    if "\\" not in text:
        return text
    return re.sub(r"\\(.)", lambda m: _PO_ESCAPES.get(m.group(1), m.group(1)), text)


def read_catalogue(text: str) -> tuple[dict[object, str], dict[str, str]]:
    r"""Read a ``.po`` file's text: its translated messages (gettext's keys) and its header.

    A small reader of the PO format with the standard library only, so that
    the first date or sentence does not import babel (``babel.messages``
    costs about 40 ms; the tests check this reader against babel's
    ``read_po`` on every shipped catalogue).  Untranslated and fuzzy entries
    are left out, as ``msgfmt`` does.

    Examples:
        >>> messages, header = read_catalogue(
        ...     'msgid ""\nmsgstr "Language: fr\\n"\n\n'
        ...     'msgctxt "window status"\nmsgid "open"\nmsgstr "ouvert"\n\n'
        ...     '#, fuzzy\nmsgid "closed"\nmsgstr "fermé"\n')
        >>> messages, header
        ({'window status\x04open': 'ouvert'}, {'language': 'fr'})
    """
    messages: dict[object, str] = {}
    header: dict[str, str] = {}
    entry: dict[str, str] = {}
    field = ""
    fuzzy = False

    def flush() -> None:
        nonlocal fuzzy, field
        if "msgid" in entry:
            ctx = entry.get("msgctxt")
            key = entry["msgid"] if ctx is None else f"{ctx}\x04{entry['msgid']}"
            if entry["msgid"] == "" and ctx is None:
                for line in entry.get("msgstr", "").splitlines():
                    name, _, value = line.partition(":")
                    header[name.strip().lower()] = value.strip()
            elif not fuzzy:
                plural = sorted(k for k in entry if k.startswith("msgstr["))
                if plural and all(entry[k] for k in plural):
                    for k in plural:
                        messages[key, int(k[7:-1])] = entry[k]
                elif entry.get("msgstr"):
                    messages[key] = entry["msgstr"]
        entry.clear()
        fuzzy = False
        field = ""

    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if line.startswith("#,") and "fuzzy" in line:
                flush()
                fuzzy = True
            elif not line and entry:
                flush()
            continue
        if line.startswith('"') and field:
            entry[field] += _unquote(line[1:-1])
            continue
        match = _PO_LINE.match(line)
        if match is None:
            msg = f"not a PO line: {line!r}"
            raise ValueError(msg)
        keyword, index, value = match.groups()
        if keyword in ("msgctxt", "msgid") and field.startswith("msgstr"):
            flush()
        field = f"msgstr[{index}]" if index is not None else keyword
        entry[field] = _unquote(value)
    flush()
    return messages, header


def _translations(path: Path) -> tuple[_gettext.GNUTranslations, dict[str, str]]:
    messages, header = read_catalogue(path.read_text(encoding="utf-8"))
    translations = _gettext.GNUTranslations()
    translations._catalog = messages  # type: ignore[attr-defined]  # noqa: SLF001
    translations._charset = "utf-8"  # type: ignore[attr-defined]  # noqa: SLF001
    forms = header.get("plural-forms", "nplurals=2; plural=(n != 1);")
    expression = forms.split("plural=", 1)[1].rstrip(";").strip()
    translations.plural = _gettext.c2py(expression)  # type: ignore[attr-defined]
    return translations, header


@functools.cache
def _catalogue(lang: str) -> _Catalogue:
    """Read ``lang``'s ``.po`` file once per process and hand it to gettext."""
    path = catalogue_path(lang)
    if path is None:
        if lang == _SOURCE:  # pragma: no cover - the package always ships it
            msg = f"the {_SOURCE} catalogue is missing from {LOCALE_DIR}"
            raise FileNotFoundError(msg)
        return _catalogue(_SOURCE)
    translations, header = _translations(path)
    if lang != _SOURCE:
        translations.add_fallback(_catalogue(_SOURCE).translations)
    return _Catalogue(lang, translations, header.get("language") or lang)


def gettext(lang: str, message: str) -> str:
    """``message`` in ``lang`` (the English text itself when not translated).

    Examples:
        >>> gettext("fr", "No fixed time limit applies.")
        "Aucun délai fixe ne s'applique."
        >>> gettext("ru", "A sentence no catalogue has.")
        'A sentence no catalogue has.'
    """
    return _catalogue(_lookup(lang)).translations.gettext(message)


def pgettext(lang: str, context: str, message: str) -> str:
    """``message`` in ``lang``, told apart from the same words elsewhere by ``context``.

    Examples:
        >>> pgettext("fr", "window status", "expired"), pgettext("fr", "bundle", "annex")
        ('expiré', 'Annexe')
    """
    return _catalogue(_lookup(lang)).translations.pgettext(context, message)


def ngettext(lang: str, singular: str, plural: str, count: int) -> str:
    """The form of the message for ``count`` under ``lang``'s plural rule.

    Examples:
        >>> one = "%(count)s day has elapsed since the final decision."
        >>> many = "%(count)s days have elapsed since the final decision."
        >>> ngettext("fr", one, many, 1) % {"count": 1}
        "1 jour s'est écoulé depuis la décision définitive."
        >>> ngettext("ru", one, many, 5) % {"count": 5}
        'С момента вынесения окончательного решения прошло 5 дней.'
    """
    return _catalogue(_lookup(lang)).translations.ngettext(singular, plural, count)


def npgettext(lang: str, context: str, singular: str, plural: str, count: int) -> str:
    r""":func:`ngettext` under ``context``.

    Examples:
        >>> one, many = "no. %(numbers)s", "nos. %(numbers)s"
        >>> npgettext("fr", "document numbers", one, many, 2) % {"numbers": "3 et 4"}
        'nos\xa03 et 4'
    """
    return _catalogue(_lookup(lang)).translations.npgettext(context, singular, plural, count)


def has_message(lang: str, message: str, context: str | None = None) -> bool:
    """Whether ``lang``'s catalogue (or the English one) has ``message`` at all.

    Examples:
        >>> has_message("fr", "No fixed time limit applies."), has_message("fr", "No such text")
        (True, False)
        >>> has_message("ru", "expired", "window status")
        True
    """
    key = message if context is None else f"{context}\x04{message}"
    cat = _catalogue(_lookup(lang))
    return key in cat.ids or key in _catalogue(_SOURCE).ids


@functools.cache
def _babel_locale(lang: str) -> object:
    from babel import Locale

    return Locale.parse(_catalogue(_lookup(lang)).locale)


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _own(lang: str, context: str, message: str) -> str | None:
    """``lang``'s own translation of ``message`` (no fallback), if its catalogue has one."""
    found = _messages(_catalogue(lang).translations).get(f"{context}\x04{message}")
    return found or None


_MONTHS_ABBREVIATED = (
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def _name(lang: str, context: str, index: int) -> str:
    """A month, abbreviated month or weekday name: the catalogue's, else CLDR's (babel)."""
    english = {"month": _MONTHS, "month, abbreviated": _MONTHS_ABBREVIATED}.get(
        context, _WEEKDAYS
    )[index]
    own = _own(lang, context, english)
    if own is not None:
        return own
    if lang == _SOURCE:
        return english
    from babel.dates import get_day_names, get_month_names

    locale = _babel_locale(lang)
    if context == "weekday":
        return str(get_day_names("wide", "format", locale)[index])  # type: ignore[arg-type]
    width = "wide" if context == "month" else "abbreviated"
    return str(get_month_names(width, "format", locale)[index + 1])  # type: ignore[arg-type]


def month_abbreviation(month: int, lang: str = _SOURCE) -> str:
    """The short name of ``month`` (1 to 12) for a timeline's axis: ``Sep``, ``sept.``, ``сент.``.

    Examples:
        >>> month_abbreviation(9), month_abbreviation(9, "fr"), month_abbreviation(9, "ru")
        ('Sep', 'sept.', 'сент.')
    """
    return _name(_lookup(lang), "month, abbreviated", month - 1)


@functools.cache
def _keys(context: str) -> tuple[str, ...]:
    prefix = f"{context}\x04"
    found = (k for k in _messages(_catalogue(_SOURCE).translations) if isinstance(k, str))
    return tuple(k[len(prefix) :] for k in found if k.startswith(prefix))


def labels(lang: str, context: str) -> dict[str, str]:
    """Every keyed message under ``context`` (the keys of the English catalogue), in ``lang``.

    Fixed labels (a form's headings, a status badge's words) are catalogue
    messages whose ``msgid`` is a key and whose English ``msgstr`` is the
    English text; a language that leaves one untranslated gets the English.

    Examples:
        >>> labels("fr", "window status")["expired"]
        'expiré'
    """
    code = _lookup(lang)
    return {key: pgettext(code, context, key) for key in _keys(context)}


@functools.lru_cache(maxsize=8192)
def court_date(day: date, lang: str = _SOURCE) -> str:
    """``day`` as the Court prints dates in ``lang``, in the pattern its catalogue gives.

    Month names are those of the catalogue, which for the shipped languages
    are CLDR's ("format" context: the Russian genitive), as a test checks; a
    catalogue without them gets babel's CLDR names.  The shipped languages
    thus format dates without importing babel.

    Examples:
        >>> from datetime import date
        >>> court_date(date(2025, 11, 18)), court_date(date(2025, 11, 1), "fr")
        ('18 November 2025', '1er novembre 2025')
        >>> court_date(date(2025, 11, 18), "ru").replace("\u00a0", " ")
        '18 ноября 2025 г.'
    """
    code = _lookup(lang)
    pattern = "%(day)s %(month)s %(year)s"
    first = "date, first day of the month"
    if day.day == 1 and _own(code, first, pattern) is not None:
        pattern = pgettext(code, first, pattern)
    else:
        pattern = pgettext(code, "date", pattern)
    return pattern % {
        "day": day.day,
        "month": _name(code, "month", day.month - 1),
        "year": day.year,
    }


def weekday_name(day: date, lang: str = _SOURCE) -> str:
    """The weekday of ``day`` in ``lang`` (CLDR's wide form, as used inside a sentence).

    Examples:
        >>> from datetime import date
        >>> weekday_name(date(2025, 11, 18)), weekday_name(date(2025, 11, 18), "fr")
        ('Tuesday', 'mardi')
    """
    return _name(_lookup(lang), "weekday", day.weekday())


def format_list(items: Iterable[str], lang: str = _SOURCE) -> str:
    """``A, B and C`` in ``lang``'s CLDR list pattern.

    Examples:
        >>> format_list(["A", "B", "C"]), format_list(["A", "B", "C"], "fr")
        ('A, B and C', 'A, B et C')
    """
    from babel.lists import format_list as _format_list

    return _format_list(list(items), locale=_babel_locale(_lookup(lang)))  # type: ignore[arg-type]


def format_number(number: float | Decimal, lang: str = _SOURCE, pattern: str | None = None) -> str:
    """``number`` with ``lang``'s CLDR separators (``6,400.5``, ``6 400,5``).

    Examples:
        >>> format_number(6400.5), format_number(6400.5, "fr").replace("\u202f", " ")
        ('6,400.5', '6 400,5')
    """
    from babel.numbers import format_decimal

    return format_decimal(number, pattern, locale=_babel_locale(_lookup(lang)))  # type: ignore[arg-type]


class LabelTable(Mapping[str, Mapping[str, str]]):
    """``table[lang][key]``: the keyed messages under one context, for every catalogue language.

    A read-only view for code that used to hold a per-language dictionary;
    each language is read from its catalogue when first asked for.

    Examples:
        >>> LabelTable("window status")["fr"]["open"]
        'ouvert'
        >>> "fr" in LabelTable("window status"), "de" in LabelTable("window status")
        (True, False)
    """

    def __init__(self, context: str) -> None:
        self.context = context

    def __getitem__(self, lang: str) -> Mapping[str, str]:
        if lang not in languages():
            raise KeyError(lang)
        return labels(lang, self.context)

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())


class MessageTable(Mapping[str, str]):
    """``table[lang]``: one message in every catalogue language (a read-only view).

    Examples:
        >>> MessageTable("review marker", "[TO REVIEW]")["fr"]
        '[À RELIRE]'
    """

    def __init__(self, context: str, message: str) -> None:
        self.context = context
        self.message = message

    def __getitem__(self, lang: str) -> str:
        if lang not in languages():
            raise KeyError(lang)
        return pgettext(lang, self.context, self.message)

    def __iter__(self) -> Iterator[str]:
        return iter(languages())

    def __len__(self) -> int:
        return len(languages())
