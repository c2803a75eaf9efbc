r"""Filters for legal drafting: dates, amounts, articles, case citations, initials.

Plain functions: the value comes first, options are keyword-only, and every
filter takes a ``locale`` keyword.  :data:`FILTERS` maps the filter names used
in templates to these functions; the rendering engine registers them and
passes the *document's* locale (``case.language``, or the template's own) as
``locale=``, so a template writes ``{{ decision.taken_on|date }}`` and gets
``18 November 2025`` in an English draft and ``18 novembre 2025`` in a French one.

Locales: ``en`` (British English, the Court's style; ``en_GB`` and ``en-GB``
are read the same), ``fr`` (the Court's French), ``ru`` (UN documents) and
``az``.  Dates and amounts in ``ru`` and ``az`` go through babel, imported only
when such a value is formatted.  Citations of articles and cases exist in
English and French only (the article catalogue has no other language): asking
for them in ``ru`` or ``az`` raises :class:`~litigate.errors.InputError` rather
than mixing English into a Russian text.

Spaces that must not break (``6 400 EUR``, ``2025 г.``) are written as the
no-break space U+00A0, never babel's narrow U+202F: Word and the fonts used for
court filings (Times New Roman, Arial) all have U+00A0, and the Court's French
judgments print ``6 400 EUR`` with it.

Examples:
    >>> from datetime import date
    >>> FILTERS["date"](date(2025, 11, 18), locale="fr")
    '18 novembre 2025'
    >>> sorted(FILTERS)[:3]
    ['amount', 'article', 'case_citation']
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal, InvalidOperation
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import attrs

from litigate import l10n
from litigate._court_dates import court_date
from litigate.errors import InputError, UnknownStateError
from litigate.model import Provision, country, provision
from litigate.model.provisions import _de
from litigate.parse.citations import (
    ApplicationNumber,
    CaseCitation,
    EcthrApplications,
    parse_citation,
)

if TYPE_CHECKING:
    from babel import Locale

__all__ = [
    "FILTERS",
    "amount",
    "article",
    "case_citation",
    "date",
    "initials",
    "join",
    "ordinal",
    "paragraph_range",
    "upper_first",
]

NBSP = "\u00a0"
"""The no-break space written wherever a line must not break."""

_BABEL_NAMES = {"en": "en_GB", "fr": "fr_FR", "ru": "ru_RU", "az": "az_Latn_AZ"}
"""The CLDR locale of a language where its bare code is not the one meant (else the code)."""
_CURRENCY = re.compile(r"[A-Z]{3}")
_APPLICATION = re.compile(r"\s*(\d{1,7})\s*/\s*(\d{2})\s*")


def _lang(locale: object, *, purpose: str = "drafts", what: str = "") -> str:
    """Read ``en``, ``en_GB``, ``fr-FR``… as a two-letter language, or refuse.

    The languages are ``l10n.supported(purpose)`` (``litigate/l10n/languages.toml``):
    ``drafts`` for the filters that format (dates, amounts, names), ``rule data`` for
    the citations, ``words`` for what a catalogue writes.
    """
    lang = re.split(r"[-_@.]", locale, maxsplit=1)[0].lower() if isinstance(locale, str) else ""
    supported = l10n.supported(purpose)
    if lang not in supported:
        for_what = f" for {what}" if what else ""
        msg = f"unsupported locale{for_what}: {locale!r} (supported: {', '.join(supported)})"
        raise InputError(msg, field="locale", value=locale)
    return lang


def draft_language(locale: object) -> str:
    """The two-letter language of a draft's ``locale`` (``"fr-CH"`` → ``"fr"``), or refuse it.

    Raises:
        InputError: Not a language the filters format (``field="locale"``).

    Examples:
        >>> draft_language("fr-CH"), draft_language("az_Latn_AZ")
        ('fr', 'az')
        >>> draft_language("rus")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: unsupported locale: 'rus' (supported: en, fr, ru, az)
    """
    return _lang(locale)


@functools.cache
def _babel_locale(lang: str) -> Locale:
    """The babel ``Locale`` for a language, parsed once (babel imported here only)."""
    from babel import Locale

    return Locale.parse(_BABEL_NAMES.get(lang, lang))


# --------------------------------------------------------------------------- dates


def date(value: object, *, locale: str, style: str = "court") -> str:
    r"""Format a date as the Court writes it.

    Args:
        value: A :class:`datetime.date`; a :class:`datetime.datetime` is refused
            (a pleading states days, and a time of day would be silently lost).
        locale: The document's locale.
        style: ``"court"`` (``18 November 2025``) or ``"short"``
            (``18/11/2025`` in English and French, ``18.11.2025`` in Russian
            and Azerbaijani).

    Returns:
        The formatted date; Russian appends ``г.`` after a no-break space.

    Raises:
        InputError: The value is not a date, the style or the locale is unknown.

    Examples:
        >>> from datetime import date as d, datetime
        >>> date(d(2025, 11, 18), locale="en")
        '18 November 2025'
        >>> date(d(2025, 11, 1), locale="fr")
        '1er novembre 2025'
        >>> date(d(2025, 11, 18), locale="ru")
        '18 ноября 2025\xa0г.'
        >>> date(d(2025, 11, 18), locale="fr", style="short")
        '18/11/2025'
        >>> date(d(2025, 11, 18), locale="ru", style="short")
        '18.11.2025'
        >>> date(datetime(2025, 11, 18, 9, 30), locale="en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: date: expected a date, not a datetime (got datetime.datetime(2025, 11, 18, 9, 30))
        >>> date("18/11/2025", locale="en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: date: expected a date (got '18/11/2025'); parse text with litigate.parse_date first
    """
    if isinstance(value, dt.datetime):
        msg = f"date: expected a date, not a datetime (got {value!r})"
        raise InputError(msg, field="date", value=value)
    if not isinstance(value, dt.date):
        msg = f"date: expected a date (got {value!r})"
        if isinstance(value, str):
            msg += "; parse text with litigate.parse_date first"
        raise InputError(msg, field="date", value=value)
    lang = _lang(locale)
    if style == "short":
        return value.strftime("%d/%m/%Y" if lang in ("en", "fr") else "%d.%m.%Y")
    if style != "court":
        msg = f"date: unknown style {style!r} (expected 'court' or 'short')"
        raise InputError(msg, field="style", value=style)
    if lang in l10n.languages():
        return court_date(value, lang)
    from babel.dates import format_date  # a language without a catalogue (az): CLDR's pattern

    return format_date(value, "d MMMM y", locale=_babel_locale(lang))


# --------------------------------------------------------------------------- amounts


def _decimal(value: object) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal | str):
        msg = f"amount: expected a number (got {value!r})"
        raise InputError(msg, field="amount", value=value)
    try:
        # str() of a float is its shortest exact spelling: 6400.5 stays 6400.5.
        number = Decimal(value) if isinstance(value, int | Decimal) else Decimal(str(value))
    except InvalidOperation:
        number = Decimal("NaN")
    if not number.is_finite():
        msg = f"amount: expected a number (got {value!r})"
        raise InputError(msg, field="amount", value=value)
    if number != number.quantize(Decimal("0.01")):
        msg = f"amount: more than two decimals; round the amount yourself (got {value!r})"
        raise InputError(msg, field="amount", value=value)
    return number


def amount(value: object, currency: str = "EUR", *, locale: str) -> str:
    r"""Format a sum of money as the Court writes it.

    English puts the ISO currency code first (``EUR 6,400``); French, Russian
    and Azerbaijani put it after the number (``6 400 EUR``).  Whole amounts
    have no decimals; others have two (``EUR 6,400.50``, ``6 400,50 EUR``).
    The ISO code is kept in every language, never a symbol or a word
    (``евро``, ``манат``): it is what the Court and the UN committees print,
    it is unambiguous, and it needs no declension.  The space between the code
    and the number, and the French and Russian thousands separator, are
    no-break spaces.

    Args:
        value: An ``int``, a :class:`~decimal.Decimal`, a numeric text or a
            ``float`` (read from its shortest spelling); at most two decimals.
        currency: An ISO 4217 code (``"EUR"``, ``"AZN"``, ``"USD"``).
        locale: The document's locale.

    Returns:
        The formatted amount.

    Raises:
        InputError: The value is not a number or has more than two decimals,
            or the currency is not an ISO code.

    Examples:
        >>> from decimal import Decimal
        >>> amount(6400, locale="en")
        'EUR\xa06,400'
        >>> amount(Decimal("6400.5"), locale="en")
        'EUR\xa06,400.50'
        >>> amount(6400, locale="fr")
        '6\xa0400\xa0EUR'
        >>> amount(Decimal("12500.75"), "AZN", locale="ru")
        '12\xa0500,75\xa0AZN'
        >>> amount("6400.123", locale="en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: amount: more than two decimals; round the amount yourself (got '6400.123')
    """
    number = _decimal(value)
    if not isinstance(currency, str) or not _CURRENCY.fullmatch(currency):
        msg = f"amount: currency must be an ISO 4217 code like 'EUR' (got {currency!r})"
        raise InputError(msg, field="currency", value=currency)
    lang = _lang(locale)
    from babel.numbers import format_decimal

    whole = number == number.to_integral_value()
    pattern = "#,##0" if whole else "#,##0.00"
    text = format_decimal(number, pattern, locale=_babel_locale(lang))
    text = text.replace("\u202f", NBSP).replace(" ", NBSP)
    return f"{currency}{NBSP}{text}" if lang == "en" else f"{text}{NBSP}{currency}"


# --------------------------------------------------------------------------- lists


def join(items: Iterable[object], *, locale: str) -> str:
    """Join items as a sentence does: ``A, B and C``.

    No serial (Oxford) comma: British English and the Court write
    ``A, B and C``.  Replaces Jinja's own ``join`` filter in templates.

    Args:
        items: The items; each is written with ``str()``.  A text is one item.
        locale: The document's locale.

    Returns:
        The joined text; ``""`` for no items.

    Raises:
        InputError: The value is not a list of items, or the locale is unknown.

    Examples:
        >>> join(["A", "B", "C"], locale="en")
        'A, B and C'
        >>> join(["A", "B", "C"], locale="fr")
        'A, B et C'
        >>> join(["A", "B"], locale="ru")
        'A и B'
        >>> join(3, locale="en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: join: expected a list of items (got 3)
    """
    lang = _lang(locale)
    if isinstance(items, str):
        return items
    if isinstance(items, Mapping) or not isinstance(items, Iterable):
        msg = f"join: expected a list of items (got {items!r})"
        raise InputError(msg, field="items", value=items)
    texts = [str(item) for item in items]
    if len(texts) <= 1:
        return "".join(texts)
    from babel.lists import format_list

    return format_list(texts, locale=_babel_locale(lang))


# --------------------------------------------------------------------------- articles


def _provisions(value: object) -> list[Provision]:
    if isinstance(value, str | Provision):
        items: list[object] = [value]
    elif isinstance(value, Iterable) and not isinstance(value, Mapping):
        items = list(value)
    else:
        msg = f"article: expected a provision id or a list of them (got {value!r})"
        raise InputError(msg, field="provision_ids", value=value)
    if not items:
        msg = "article: no provision to cite (got an empty list)"
        raise InputError(msg, field="provision_ids", value=value)
    out: list[Provision] = []
    for item in items:
        resolved = item if isinstance(item, Provision) else provision(item)
        if resolved.id not in {p.id for p in out}:
            out.append(resolved)
    return out


def _numbers(provision_: Provision, lang: str) -> str:
    """``5 § 1`` from ``Article 5 § 1`` (the citation without its article word)."""
    bare = provision_.cite(lang, with_instrument=False)
    word = (
        provision_.instrument.article_word_fr
        if lang == "fr"
        else provision_.instrument.article_word_en
    )
    return bare.split(f"{word} ", 1)[1]


def _cite_group(group: list[Provision], lang: str, *, with_instrument: bool) -> str:
    if len(group) == 1:
        return group[0].cite(lang, with_instrument=with_instrument)
    instrument = group[0].instrument
    word = instrument.article_word_fr if lang == "fr" else instrument.article_word_en
    text = f"{word}s {join([_numbers(p, lang) for p in group], locale=lang)}"
    if lang == "fr":
        text = f"les {text}"
    if not with_instrument:
        return text
    if lang == "fr":
        return f"{text} {_de(instrument.short_fr)}"
    return f"{text} of {instrument.short_en}"


def article(provision_ids: object, *, locale: str, with_instrument: bool = True) -> str:
    """Cite one or several provisions in the forum's style.

    Provisions of one instrument are cited together (``Articles 3, 5 § 1 and
    10 of the Convention``); those of several instruments are cited by
    instrument, in the order given, and joined (``Article 6 § 1 of the
    Convention and Article 1 of Protocol No. 1``).  The order given is kept
    (the drafter decides it); repeated ids are cited once.  The UN committees'
    style comes from the catalogue: ``articles 7 and 14 (1) of the Covenant``.

    Args:
        provision_ids: A provision id (``"ECHR-5-1"``), a
            :class:`~litigate.model.Provision`, or a list of them.
        locale: The document's locale: ``en`` or ``fr``.
        with_instrument: Name the instrument (``of the Convention``); refused
            for provisions of several instruments, which would be ambiguous.

    Returns:
        The citation, starting in lower case in French (``l'article``) so that
        it fits mid-sentence; use :func:`upper_first` at the start of a sentence.

    Raises:
        InputError: No provision, a locale other than ``en`` or ``fr``, or
            several instruments without ``with_instrument``.
        UnknownProvisionError: An id is not in the catalogue.

    Examples:
        >>> article("ECHR-5-1", locale="en")
        'Article 5 § 1 of the Convention'
        >>> article("ECHR-5-1", locale="fr")
        "l'article 5 § 1 de la Convention"
        >>> article(["ECHR-3", "ECHR-5-1", "ECHR-10"], locale="en")
        'Articles 3, 5 § 1 and 10 of the Convention'
        >>> article(["ECHR-3", "ECHR-5-1", "ECHR-10"], locale="fr")
        'les articles 3, 5 § 1 et 10 de la Convention'
        >>> article(["ECHR-6-1", "ECHR-P1-1"], locale="en")
        'Article 6 § 1 of the Convention and Article 1 of Protocol No. 1'
        >>> article(["ECHR-6-1", "ECHR-P1-1"], locale="fr")
        "l'article 6 § 1 de la Convention et l'article 1 du Protocole no 1"
        >>> article(["ICCPR-7", "ICCPR-14-1"], locale="en")
        'articles 7 and 14 (1) of the Covenant'
        >>> article([], locale="en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: article: no provision to cite (got an empty list)
    """
    lang = _lang(locale, purpose="rule data", what="article citations")
    provisions = _provisions(provision_ids)
    groups: dict[str, list[Provision]] = {}
    for p in provisions:
        groups.setdefault(p.instrument.id, []).append(p)
    if len(groups) > 1 and not with_instrument:
        names = ", ".join(groups)
        msg = f"article: provisions of several instruments ({names}) must name them"
        raise InputError(msg, field="with_instrument", value=provision_ids)
    parts = [_cite_group(g, lang, with_instrument=with_instrument) for g in groups.values()]
    return join(parts, locale=lang)


# --------------------------------------------------------------------------- case citations

# The Court's own spelling of some respondent States, where it differs from ISO names.
_COURT_NAMES = {
    "GBR": ("the United Kingdom", "Royaume-Uni"),
    "NLD": ("the Netherlands", "Pays-Bas"),
    "CZE": ("the Czech Republic", "République tchèque"),
    "MDA": ("the Republic of Moldova", "République de Moldova"),
}
_FORMER_NAMES = {"turkey": "TUR", "czech republic": "CZE", "republic of moldova": "MDA"}
_CITATION_KEYS = frozenset(
    {
        "applicant",
        "parties",
        "respondent",
        "number",
        "numbers",
        "date",
        "grand_chamber",
        "decision",
        "and_others",
        "sequel",
    }
)


def _respondent_code(name: str) -> str | None:
    """The alpha-3 code of a respondent printed in English or French, if known."""
    from litigate.model.countries import _countries

    key = name.strip().lower().removeprefix("the ")
    if key in _FORMER_NAMES:
        return _FORMER_NAMES[key]
    for code, (en, fr) in _COURT_NAMES.items():
        if key in (en.lower().removeprefix("the "), fr.lower()):
            return code
    for found in _countries().values():
        if key in (found.name_en.lower(), found.name_fr.lower(), found.alpha3.lower()):
            return found.alpha3
    return None


def _respondent_name(code: str, lang: str) -> str:
    if code in _COURT_NAMES:
        return _COURT_NAMES[code][lang == "fr"]
    found = country(code)
    return found.name_fr if lang == "fr" else found.name_en


def _applications(value: object) -> EcthrApplications:
    items = [value] if isinstance(value, str | ApplicationNumber) else value
    if not isinstance(items, Iterable):
        items = [items]
    numbers: list[ApplicationNumber] = []
    for item in items:
        if isinstance(item, ApplicationNumber):
            numbers.append(item)
            continue
        match = _APPLICATION.fullmatch(item) if isinstance(item, str) else None
        if match is None:
            msg = f"case_citation: not an application number like '27396/06' (got {item!r})"
            raise InputError(msg, field="number", value=item)
        numbers.append(ApplicationNumber(number=int(match[1]), year=int(match[2])))
    return EcthrApplications(numbers=tuple(numbers))


def _citation_from_mapping(value: Mapping[Any, Any]) -> CaseCitation:
    unknown = sorted(str(k) for k in value if k not in _CITATION_KEYS)
    if unknown:
        msg = f"case_citation: unknown keys {unknown} (known: {', '.join(sorted(_CITATION_KEYS))})"
        raise InputError(msg, field="value", value=value)
    applicant = value.get("applicant", value.get("parties"))
    respondent = value.get("respondent")
    if not isinstance(applicant, str) or not isinstance(respondent, str):
        msg = (
            "case_citation: a mapping needs 'parties' (or 'applicant') and 'respondent' as text "
            f"(got {dict(value)!r})"
        )
        raise InputError(msg, field="value", value=value)
    code = respondent if respondent.isupper() and len(respondent) == 3 else None  # noqa: PLR2004
    if code is not None:
        try:
            respondent = _respondent_name(code, "en")
        except UnknownStateError as exc:
            raise InputError(str(exc), field="respondent", value=respondent) from exc
    number = value.get("number", value.get("numbers"))
    when = value.get("date")
    if when is not None and (not isinstance(when, dt.date) or isinstance(when, dt.datetime)):
        msg = f"case_citation: 'date' must be a date (got {when!r})"
        raise InputError(msg, field="date", value=when)
    return CaseCitation(
        applicant=applicant,
        respondent=respondent,
        and_others=bool(value.get("and_others", False)),
        sequel=value.get("sequel"),
        decision=bool(value.get("decision", False)),
        grand_chamber=bool(value.get("grand_chamber", False)),
        applications=None if number is None else _applications(number),
        date=when,
    )


def case_citation(value: object, *, locale: str) -> str:
    """Cite an ECtHR case in the Court's style, in English or French.

    When the citation is asked in another language than it was printed in, the
    respondent State is translated with litigate's country table
    (``Turkey`` → ``Turquie``; ``Turquie`` → ``Türkiye``, the current English
    name), with the Court's own spellings for a few States (``the United
    Kingdom``, ``the Netherlands``, ``the Czech Republic``, ``the Republic of
    Moldova``); a State litigate does not know is kept as printed.  A mapping
    may give the respondent as an ISO alpha-3 code (``"GBR"`` → ``the United
    Kingdom`` / ``Royaume-Uni``).

    Args:
        value: A :class:`~litigate.parse.CaseCitation`, a citation text
            (read with :func:`litigate.parse_citation`), or a mapping with
            ``parties`` (or ``applicant``), ``respondent``, and optionally
            ``number`` (``"27396/06"`` or a list), ``date``, ``grand_chamber``,
            ``decision``, ``and_others`` and ``sequel``.
        locale: The document's locale: ``en`` or ``fr``.

    Returns:
        The citation, e.g. ``Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012``.

    Raises:
        InputError: The value is not a case citation, or the locale is not
            ``en`` or ``fr``.

    Examples:
        >>> from datetime import date as d
        >>> c = {"parties": "Sabri Güneş", "respondent": "Turkey", "grand_chamber": True,
        ...      "number": "27396/06", "date": d(2012, 6, 29)}
        >>> case_citation(c, locale="en")
        'Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012'
        >>> case_citation(c, locale="fr")
        'Sabri Güneş c. Turquie [GC], no 27396/06, 29 juin 2012'
        >>> case_citation({"parties": "Hirst", "respondent": "GBR", "sequel": 2}, locale="fr")
        'Hirst c. Royaume-Uni (no 2)'
        >>> case_citation(42, locale="en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: case_citation: expected a CaseCitation, a citation text or a mapping (got 42)
    """
    lang = _lang(locale, purpose="rule data", what="case citations")
    if isinstance(value, CaseCitation):
        citation = value
    elif isinstance(value, Mapping):
        citation = _citation_from_mapping(value)
    elif isinstance(value, str):
        parsed = parse_citation(value)
        if not isinstance(parsed, CaseCitation):
            msg = f"case_citation: not a case citation (got {value!r})"
            raise InputError(msg, field="value", value=value)
        citation = parsed
    else:
        msg = (
            f"case_citation: expected a CaseCitation, a citation text or a mapping (got {value!r})"
        )
        raise InputError(msg, field="value", value=value)
    respondent = citation.respondent
    if lang != citation.language:
        code = _respondent_code(respondent)
        if code is not None:
            respondent = _respondent_name(code, lang)
            if (
                lang == "en"
                and respondent.lower().removeprefix("the ") == citation.respondent.lower()
            ):
                respondent = citation.respondent
    return attrs.evolve(citation, language=lang, respondent=respondent).canonical()


# --------------------------------------------------------------------------- numbers


_AZ_SUFFIX = {
    # The suffix follows the last vowel of the last number word (vowel harmony).
    1: "ci", 2: "ci", 3: "cü", 4: "cü", 5: "ci", 6: "cı", 7: "ci", 8: "ci", 9: "cu",
    10: "cu", 20: "ci", 30: "cu", 40: "cı", 50: "ci", 60: "cı", 70: "ci", 80: "ci", 90: "cı",
}  # fmt: skip


def _az_suffix(n: int) -> str:
    if n % 10:
        return _AZ_SUFFIX[n % 10]
    if n % 100:
        return _AZ_SUFFIX[n % 100]
    if n % 1000:
        return "cü"  # yüz
    return "ci"  # min (a million, "milyon", would take -cu: out of range for a pleading)


def _whole(value: object, name: str, field: str) -> int:
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"{name}: expected a whole number from 1 (got {value!r})"
        raise InputError(msg, field=field, value=value)
    return value


def ordinal(n: object, *, locale: str) -> str:
    """Write an ordinal number as figures: ``1st``, ``1er``, ``1-й``.

    English ``1st, 2nd, 3rd, 4th, 11th, 21st``; French typographic ``1er``,
    ``2e`` (masculine, as in ``1er paragraphe``); Russian ``1-й`` (masculine
    nominative); Azerbaijani ``1-ci``, ``3-cü`` (vowel harmony).

    Args:
        n: A whole number from 1 (or its digits as text).
        locale: The document's locale.

    Returns:
        The ordinal.

    Raises:
        InputError: ``n`` is not a whole number from 1.

    Examples:
        >>> [ordinal(n, locale="en") for n in (1, 2, 3, 4, 11, 12, 13, 21, 102, 111)]
        ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '102nd', '111th']
        >>> ordinal(1, locale="fr"), ordinal(2, locale="fr")
        ('1er', '2e')
        >>> ordinal(1, locale="ru")
        '1-й'
        >>> ordinal(0, locale="en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: ordinal: expected a whole number from 1 (got 0)
    """
    number = _whole(n, "ordinal", "n")
    lang = _lang(locale)
    if lang == "fr":
        return "1er" if number == 1 else f"{number}e"
    if lang == "ru":
        return f"{number}-й"
    if lang == "az":
        return f"{number}-{_az_suffix(number)}"
    if number % 100 in (11, 12, 13):
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


def paragraph_range(first: object, last: object = None, *, locale: str) -> str:
    """Refer to one paragraph or a range of paragraphs, as a reply does.

    ``paragraphs 13–18`` takes an en dash without spaces; two consecutive
    paragraphs are written ``paragraphs 13 and 14``.

    Args:
        first: The first paragraph number.
        last: The last one; ``None`` or equal to ``first`` for one paragraph.
        locale: The document's locale: ``en``, ``fr`` or ``ru``.

    Returns:
        The reference, in lower case (it is used mid-sentence).

    Raises:
        InputError: A number is not a whole number from 1, ``last`` is before
            ``first``, or the locale is ``az``.

    Examples:
        >>> paragraph_range(13, locale="en")
        'paragraph 13'
        >>> paragraph_range(13, 18, locale="en")
        'paragraphs 13–18'
        >>> paragraph_range(13, 14, locale="en")
        'paragraphs 13 and 14'
        >>> paragraph_range(13, 18, locale="fr")
        'paragraphes 13 à 18'
        >>> paragraph_range(18, 13, locale="en")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: paragraph_range: the last paragraph (13) is before the first (18)
    """
    lang = _lang(locale, purpose="words", what="paragraph references")
    start = _whole(first, "paragraph_range", "first")
    end = start if last is None else _whole(last, "paragraph_range", "last")
    if end < start:
        msg = f"paragraph_range: the last paragraph ({end}) is before the first ({start})"
        raise InputError(msg, field="last", value=last)
    context = "paragraph reference"
    if end == start:
        return l10n.pgettext(lang, context, "paragraph %(number)s") % {"number": start}
    values = {"first": start, "last": end}
    if end == start + 1:
        return l10n.pgettext(lang, context, "paragraphs %(first)s and %(last)s") % values
    return l10n.pgettext(lang, context, "paragraphs %(first)s–%(last)s") % values


# --------------------------------------------------------------------------- names


def _upper(text: str, lang: str) -> str:
    """Upper-case, with the Azerbaijani dotted capital İ for ``i``."""
    if lang == "az":
        text = text.replace("i", "İ")
    return text.upper()


def upper_first(value: object, *, locale: str) -> str:
    """Capitalise the first letter, leave the rest as it is.

    For the start of a sentence: ``l'article 5`` → ``L'article 5``.  In
    Azerbaijani, ``i`` becomes the dotted ``İ``.

    Args:
        value: Any text (other values are written with ``str()``).
        locale: The document's locale.

    Returns:
        The text with its first character in upper case.

    Raises:
        InputError: The locale is unknown.

    Examples:
        >>> upper_first("l'article 5 § 1 de la Convention", locale="fr")
        "L'article 5 § 1 de la Convention"
        >>> upper_first("articles 7 and 14 (1) of the Covenant", locale="en")
        'Articles 7 and 14 (1) of the Covenant'
        >>> upper_first("ilham", locale="az")
        'İlham'
        >>> upper_first("x", locale="de")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: unsupported locale: 'de' (supported: en, fr, ru, az)
    """
    lang = _lang(locale)
    text = str(value)
    return _upper(text[:1], lang) + text[1:]


# Lower-case particles and patronymic markers that do not give an initial.
PARTICLES = frozenset(
    {
        "al", "bin", "da", "das", "de", "del", "della", "den", "der", "des", "di", "do",
        "dos", "du", "el", "ibn", "la", "le", "ter", "van", "von", "y", "zu",
        "oglu", "oğlu", "ogly", "qizi", "qızı", "kyzy", "оглы", "кызы",
    }
)  # fmt: skip
"""Words (in lower case) that give no initial: ``de``, ``van``, ``oğlu``…"""

_PARTS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def initials(name: object, *, locale: str = "en") -> str:
    """Reduce a name to initials, as the Court anonymises applicants (``A.B.``).

    One capital letter and a dot for each part of the name, no spaces.  Parts
    joined by a hyphen count separately (``Jean-Pierre`` gives ``J.P.``: the
    Court's ``A.B.`` style has no hyphens).  Lower-case particles and
    patronymic markers (``de``, ``la``, ``van``, ``oğlu``, ``qızı``) give no
    initial; written with a capital (``De Souza``) they are part of the name.
    An elided particle (``d'Alembert``) gives the initial of the name after it.

    Args:
        name: The name.
        locale: The document's locale; in ``az``, ``i`` gives ``İ``.

    Returns:
        The initials; ``""`` if the name has no letters.

    Raises:
        InputError: The name is not text.

    Examples:
        >>> initials("Rauf Əliyev")
        'R.Ə.'
        >>> initials("Jean-Pierre de la Tour")
        'J.P.T.'
        >>> initials("Рауф Алиев")
        'Р.А.'
        >>> initials("Mammad oğlu Ilham", locale="az")
        'M.I.'
        >>> initials(None)
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: initials: expected a name as text (got None)
    """
    if not isinstance(name, str):
        msg = f"initials: expected a name as text (got {name!r})"
        raise InputError(msg, field="name", value=name)
    lang = _lang(locale)
    out: list[str] = []
    for part in _PARTS.findall(name):
        word = part
        head, sep, tail = part.replace("’", "'").partition("'")
        if sep and head.islower() and len(head) <= 2:  # noqa: PLR2004 - d', l'
            word = tail
        if word.lower() in PARTICLES and word.islower():
            continue
        if word:
            # One letter per initial: "ß".upper() is "SS", which would not be stable.
            out.append(_upper(word[0], lang)[:1] + ".")
    return "".join(out)


FILTERS: Mapping[str, Callable[..., str]] = MappingProxyType(
    {
        "amount": amount,
        "article": article,
        "case_citation": case_citation,
        "date": date,
        "initials": initials,
        "join": join,
        "ordinal": ordinal,
        "paragraph_range": paragraph_range,
        "upper_first": upper_first,
    }
)
"""The filters by the name templates use.

Every filter takes the value first and the ``locale`` keyword; the rendering
engine passes the document's locale, so templates never write it.  ``join``
and ``date`` deliberately shadow Jinja's own filters of those names.
"""
