"""Dates in court documents: English, French, Russian and Azerbaijani.

:func:`parse_date` reads one date given on its own; :func:`find_dates` finds
every full date in running text.  The common forms are read by regular
expressions and month-name tables (fast, and never guessing); dateparser is
imported lazily and used only as a fallback by :func:`parse_date`, with pinned
settings, never for relative words and never with a time zone.

Nothing here reads the clock: a text without a full date is an error, or, with
``allow_partial=True``, the *first day* of the month or year it names.

Examples:
    >>> parse_date("18 November 2025")
    datetime.date(2025, 11, 18)
    >>> parse_date("2025-ci il noyabrın 18-i")
    datetime.date(2025, 11, 18)
    >>> parse_date("03/04/2025")
    Traceback (most recent call last):
    ...
    litigate.errors.AmbiguousDateError: '03/04/2025' is ambiguous: 4 March 2025 or 3 April 2025; pass date_order='DMY' or date_order='MDY'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Final, Literal

import attrs

from litigate import l10n
from litigate._args import BOOL, TEXT, checked
from litigate._court_dates import court_date
from litigate.errors import AmbiguousDateError, DateParseError, PartialDateError

__all__ = ["DateMention", "DateOrder", "find_dates", "parse_date"]

DateOrder = Literal["DMY", "MDY", "YMD"]
"""How the fields of an all-numeric date are ordered."""

DEFAULT_LANGUAGES: Final = l10n.supported("reading dates")
"""The languages read by default: ``reading dates`` in ``litigate/l10n/languages.toml``."""
_MONTHS_IN_YEAR: Final = 12
_MAX_LENGTH: Final = 200  # longer texts are not "a date"; guards the regexes and dateparser

# -- month tables ------------------------------------------------------------------------
# Every form is given in lower case; ``_key`` folds the dotless/dotted Azerbaijani i.
_MONTH_FORMS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "en": (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sept", "sep"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    "fr": (
        ("janvier", "janv", "jan"),
        ("février", "fevrier", "févr", "fevr", "fév", "fev"),
        ("mars",),
        ("avril", "avr"),
        ("mai",),
        ("juin",),
        ("juillet", "juil"),
        ("août", "aout"),
        ("septembre", "sept"),
        ("octobre", "oct"),
        ("novembre", "nov"),
        ("décembre", "decembre", "déc", "dec"),
    ),
    "ru": (
        ("январь", "января", "январе", "янв"),
        ("февраль", "февраля", "феврале", "февр", "фев"),
        ("март", "марта", "марте", "мар"),
        ("апрель", "апреля", "апреле", "апр"),
        ("май", "мая", "мае"),
        ("июнь", "июня", "июне", "июн"),
        ("июль", "июля", "июле", "июл"),
        ("август", "августа", "августе", "авг"),
        ("сентябрь", "сентября", "сентябре", "сент", "сен"),
        ("октябрь", "октября", "октябре", "окт"),
        ("ноябрь", "ноября", "ноябре", "нояб", "ноя"),
        ("декабрь", "декабря", "декабре", "дек"),
    ),
    "az": (
        ("yanvar", "yanvarın", "yan"),
        ("fevral", "fevralın", "fev"),
        ("mart", "martın", "mar"),
        ("aprel", "aprelin", "apr"),
        ("may", "mayın"),
        ("iyun", "iyunun", "iyn"),
        ("iyul", "iyulun", "iyl"),
        ("avqust", "avqustun", "avq"),
        ("sentyabr", "sentyabrın", "sen"),
        ("oktyabr", "oktyabrın", "okt"),
        ("noyabr", "noyabrın", "noy"),
        ("dekabr", "dekabrın", "dek"),
    ),
}
_WEEKDAY_FORMS: Final[dict[str, tuple[tuple[str, ...], ...]]] = {
    "en": (
        ("monday", "mon"),
        ("tuesday", "tues", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thurs", "thur", "thu"),
        ("friday", "fri"),
        ("saturday", "sat"),
        ("sunday", "sun"),
    ),
    "fr": (
        ("lundi",),
        ("mardi",),
        ("mercredi",),
        ("jeudi",),
        ("vendredi",),
        ("samedi",),
        ("dimanche",),
    ),
    "ru": (
        ("понедельник",),
        ("вторник",),
        ("среда",),
        ("четверг",),
        ("пятница",),
        ("суббота",),
        ("воскресенье",),
    ),
    "az": (
        ("bazar ertəsi",),
        ("çərşənbə axşamı",),
        ("çərşənbə",),
        ("cümə axşamı",),
        ("cümə",),
        ("şənbə",),
        ("bazar",),
    ),
}
_ENGLISH_WEEKDAYS: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
_ROMAN: Final = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")

# -- building blocks of the patterns ------------------------------------------------------
_SEP: Final = r"(?:\s*+[-./,]\s*+|\s++)"
_DAY: Final = (
    r"(?P<{name}x>(?P<{name}>\d{{1,2}})"
    r"(?:er|re|st|nd|rd|th|-?(?:го|е|ое)|-(?:[sc]?[iıuü]|d[əa]n?|[dt][əa]))?)(?![\d])"
)
_AZ_YEAR_SUFFIX: Final = r"(?:\s?-\s?(?:ci|cı|cu|cü)(?:\s+il(?:in|i)?)?(?![^\W\d_]))"
_YEAR_SUFFIX: Final = r"(?:\s?(?:года|г\.?)(?![^\W\d_])|" + _AZ_YEAR_SUFFIX + ")"
_AY: Final = r"(?:\s+ay[ıi]n[ıi]n|\s+ay[ıi])?"  # Azerbaijani "noyabr ayının 18-i"
_RANGE_SEP: Final = r"(?:\s*+[-–—]\s*+|\s++(?:to|until|till|through|and|au|et|à|по|и)\s++)"
_RELATIVE: Final = re.compile(
    r"(?<![^\W\d_])(?:today|tomorrow|yesterday|now|ago|next|last|this|"
    r"aujourd|hier|demain|dernier|prochain|"
    r"сегодня|вчера|завтра|позавчера|послезавтра|назад|через|прошл\w*|следующ\w*|"
    r"bu\s*gün|dünən|sabah|srağagün|birigün|keçən|gələn|əvvəl|sonra)(?![^\W\d_])",
    re.IGNORECASE,
)
_SPACES: Final = re.compile(r"\s+")
_LEADING: Final = "([{«\"“„'‘ "
_TRAILING: Final = ".,;:!?)]}»\"”'’ "
# The word that makes a number a case number ("no. 16064/90"), right before the
# number's own whitespace; searched in a window of its length only, so that
# ``find_dates`` stays linear in the text (searching from the start of the text
# for each number made it quadratic: issue 19).
_CASE_NUMBER_BEFORE: Final = re.compile(r"(?:\b(?:no|nos|nr|n°|case)\.?|№|#)$", re.IGNORECASE)
_CASE_NUMBER_WORD_LENGTH: Final = len("case.")


def _after_case_number_word(text: str, start: int) -> bool:
    """Whether ``text[:start]`` ends with a case-number word and whitespace."""
    end = start
    while end > 0 and text[end - 1].isspace():
        end -= 1
    lo = max(0, end - _CASE_NUMBER_WORD_LENGTH)
    return _CASE_NUMBER_BEFORE.search(text, lo, end) is not None


def _key(word: str) -> str:
    """Fold a month word for lookup: lower case, no dot, dotted and dotless i alike."""
    return word.rstrip(".").lower().replace("\u0307", "").replace("ı", "i")


def _month_alternation(words: Iterable[str]) -> str:
    parts = sorted({_key(w) for w in words}, key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in parts)


@attrs.frozen
class _Grammar:
    """The month table and the compiled patterns for one tuple of languages."""

    months: dict[str, int]
    english: frozenset[str]
    full: tuple[tuple[str, re.Pattern[str]], ...]
    partial: tuple[tuple[str, re.Pattern[str]], ...]
    scan: tuple[tuple[str, re.Pattern[str]], ...]
    weekdays: dict[str, int]
    weekday_first: re.Pattern[str]
    weekday_last: re.Pattern[str]


def _patterns(month: str, en_month: str, *, scan: bool) -> tuple[tuple[str, str], ...]:
    """Pattern sources; ``scan`` makes them stricter for running text."""
    day = _DAY.format(name="d")
    year = r"(?P<y>\d{4})(?!\d)" + _YEAR_SUFFIX + "?"
    year_az = r"(?P<y>\d{4})" + (_AZ_YEAR_SUFFIX if scan else _YEAR_SUFFIX + "?")
    of = r"(?:of\s+)?"
    end = r"(?![^\W_]|[/-]\d|\.\d)" if scan else ""
    m = rf"(?P<m>{month})"
    word = [
        ("dmy", rf"{day}{_SEP}{of}{m}{_SEP}{year}{end}"),
        ("mdy", rf"(?P<m>{en_month}){_SEP}{day},?\s*+{year}{end}"),
        ("ymd", rf"{year_az}{_SEP}{m}{_AY}{_SEP}{day}{end}"),
        ("ydm", rf"{year_az}{_SEP}{day}{_SEP}{m}{end}"),
    ]
    if scan:
        d1 = _DAY.format(name="d1")
        m1 = rf"(?P<m1>{month})"
        en1 = rf"(?P<m1>{en_month})"
        ranges = [
            (
                "range_dm_dmy",
                rf"{d1}{_SEP}{of}{m1}{_RANGE_SEP}{day}{_SEP}{of}{m}{_SEP}{year}{end}",
            ),
            ("range_d_dmy", rf"{d1}{_RANGE_SEP}{day}{_SEP}{of}{m}{_SEP}{year}{end}"),
            (
                "range_md_mdy",
                rf"{en1}{_SEP}{d1}{_RANGE_SEP}(?P<m>{en_month}){_SEP}{day},?\s*+{year}{end}",
            ),
            ("range_m_d_dy", rf"(?P<m>{en_month}){_SEP}{d1}{_RANGE_SEP}{day},?\s*+{year}{end}"),
        ]
        numeric = [
            ("iso", r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?![\w/]|[-.]\d)"),
            (
                "num",
                r"(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})(?!\d)"
                + _YEAR_SUFFIX
                + r"?(?![^\W_]|[/-]\d|\.\d)",
            ),
        ]
        lead = r"(?<![\w/.,-])"
        return tuple((name, lead + src) for name, src in [*ranges, *word, *numeric])
    numeric = [
        ("iso", r"(?P<y>\d{4})(?P<s>[-./])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})"),
        (
            "num",
            r"(?P<a>\d{1,2})(?P<s>[./-])(?P<b>\d{1,2})(?P=s)(?P<y>\d{4})" + _YEAR_SUFFIX + "?",
        ),
        ("num2", r"\d{1,2}(?P<s>[./-])\d{1,2}(?P=s)\d{2}"),
    ]
    return (*numeric, *word)


def _partial_patterns(month: str) -> tuple[tuple[str, str], ...]:
    year = r"(?P<y>\d{4})" + _YEAR_SUFFIX + "?"
    day = _DAY.format(name="d")
    m = rf"(?P<m>{month})"
    return (
        ("my", rf"(?:в\s+)?{m}{_SEP}{year}"),
        ("ym", rf"{year}{_SEP}{m}{_AY}"),
        ("nmy", r"(?P<m>\d{1,2})[./](?P<y>\d{4})"),
        ("y", year),
        ("dm", rf"{day}{_SEP}(?:of\s+)?{m}"),
        ("md", rf"{m}{_SEP}{day}"),
    )


@functools.lru_cache(maxsize=64)
def _grammar(languages: tuple[str, ...]) -> _Grammar:
    months: dict[str, int] = {}
    english: set[str] = set()
    for lang in languages:
        for number, forms in enumerate(_MONTH_FORMS.get(lang.lower()[:2], ()), start=1):
            for form in forms:
                months[_key(form)] = number
                if lang.lower().startswith("en"):
                    english.add(_key(form))
    weekdays: dict[str, int] = {}
    for lang in languages:
        for number, forms in enumerate(_WEEKDAY_FORMS.get(lang.lower()[:2], ())):
            for form in forms:
                weekdays[_key(form)] = number
    weekday_re = rf"(?:{_month_alternation(weekdays)})\.?" if weekdays else r"(?!)"
    word_re = _month_alternation(months)
    en_re = _month_alternation(english)
    boundary = r"\.?(?![^\W\d_])"
    roman = "|".join(sorted(_ROMAN, key=len, reverse=True))
    names = rf"(?:{word_re}){boundary}" if word_re else r"(?!)"
    en_names = rf"(?:{en_re}){boundary}" if en_re else r"(?!)"
    month_any = rf"{names}|(?:{roman})(?![^\W\d_])"
    month_scan = rf"{names}|(?-i:{roman})(?![^\W\d_])"
    flags = re.IGNORECASE
    return _Grammar(
        months=months,
        english=frozenset(english),
        full=tuple(
            (n, re.compile(s, flags)) for n, s in _patterns(month_any, en_names, scan=False)
        ),
        partial=tuple((n, re.compile(s, flags)) for n, s in _partial_patterns(month_any)),
        scan=tuple(
            (n, re.compile(s, flags)) for n, s in _patterns(month_scan, en_names, scan=True)
        ),
        weekdays=weekdays,
        weekday_first=re.compile(rf"(?P<w>{weekday_re}) ?,? ?(?P<rest>\d.*)", flags),
        weekday_last=re.compile(rf"(?P<rest>.*?) ?,? (?P<w>{weekday_re})", flags),
    )


def _word(table: Mapping[str, int], word: str) -> int:
    """The number of a month or weekday word the patterns matched, ignoring case as they do.

    The patterns match case-insensitively, and Unicode case-insensitive matching
    takes U+017F (long s) for ``s``, U+212A (Kelvin sign) for ``k``, U+0131 for ``i``…
    that ``str.lower`` does not fold: those are looked up the patterns' way.
    """
    key = _key(word)
    if key in table:
        return table[key]
    for known, number in table.items():
        if re.fullmatch(re.escape(known), key, re.IGNORECASE):
            return number
    msg = f"{word!r} is not a month or weekday litigate knows"
    raise DateParseError(msg, text=word)


def _month_number(grammar: _Grammar, word: str) -> int:
    key = _key(word)
    if key.upper() in _ROMAN:
        return _ROMAN.index(key.upper()) + 1
    return _word(grammar.months, word)


def _english(day: date) -> str:
    """Format a date for a message: ``3 April 2025``."""
    return court_date(day)


def _make(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        msg = f"{text!r} is not a possible date (day {day}, month {month}, year {year})"
        raise DateParseError(msg, text=text) from None


def _languages(languages: Iterable[str]) -> tuple[str, ...]:
    if isinstance(languages, str):
        return (languages,)
    result = tuple(languages)
    if not result or not all(isinstance(lang, str) for lang in result):
        msg = f"languages must be a non-empty sequence of language codes, not {languages!r}"
        raise TypeError(msg)
    return result


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip(_LEADING).rstrip(_TRAILING)


def _check_order(date_order: str | None) -> None:
    if date_order is not None and date_order not in {"DMY", "MDY", "YMD"}:
        msg = f"date_order must be 'DMY', 'MDY' or 'YMD', not {date_order!r}"
        raise ValueError(msg)


def _numeric(
    original: str, a: int, b: int, year: int, sep: str, date_order: str | None
) -> date | tuple[date, date]:
    """Read day and month from ``a`` and ``b`` (year last); a pair when ambiguous."""
    if date_order == "DMY" or (date_order != "MDY" and sep == "."):
        return _make(original, year, b, a)
    if date_order == "MDY":
        return _make(original, year, a, b)
    if a > _MONTHS_IN_YEAR >= b:
        return _make(original, year, b, a)
    if b > _MONTHS_IN_YEAR >= a:
        return _make(original, year, a, b)
    if a > _MONTHS_IN_YEAR and b > _MONTHS_IN_YEAR:
        msg = f"{original!r} is not a possible date: neither {a} nor {b} can be a month"
        raise DateParseError(msg, text=original)
    if a == b:
        return _make(original, year, a, b)
    first, second = sorted([_make(original, year, b, a), _make(original, year, a, b)])
    return (first, second)


@checked(text=TEXT, allow_partial=BOOL)
def parse_date(
    text: str,
    *,
    languages: Iterable[str] = DEFAULT_LANGUAGES,
    date_order: DateOrder | None = None,
    allow_partial: bool = False,
) -> date:
    """Read one date written in English, French, Russian or Azerbaijani.

    Accepted without dateparser: ISO ``2025-11-18``; ``18 November 2025``,
    ``November 18, 2025``, ``18 novembre 2025``, ``1er novembre 2025``,
    ``18 ноября 2025 г.``, ``18 noyabr 2025``, ``18 noyabr 2025-ci il``,
    ``2025-ci il noyabrın 18-i``; month abbreviations (``18 Nov 2025``,
    ``18 nov. 2025``, ``18 нояб. 2025 г.``, ``18 noy 2025``); numeric
    ``18.11.2025`` (dotted dates are always day-month-year) and Roman-numeral
    months (``18.XI.2025``); a weekday before or after the date (``Tuesday, 18
    November 2025``, ``18 noyabr 2025, çərşənbə axşamı``) is checked against it.
    Case, extra or non-breaking spaces and trailing punctuation do not matter.  Other texts go to dateparser, with pinned
    settings; relative words ("today", "вчера", "bu gün") and time zones are refused.

    Args:
        text: The date, alone (surrounding quotes, brackets and punctuation are ignored).
        languages: The languages the text may be in (``"en"``, ``"fr"``, ``"ru"``, ``"az"``;
            any other code dateparser knows is read by dateparser only).
        date_order: How an all-numeric date such as ``03/04/2025`` is ordered.  Without it a
            slashed or dashed date whose first two numbers could both be the month is
            ambiguous; ``"DMY"`` and ``"MDY"`` also override the day-first reading of dotted
            dates.  Year-first numeric dates are always read year-month-day.
        allow_partial: Accept a month and a year (``March 2025``) or a year alone (``2025``)
            and return the **first day** of that month or year (1 March 2025, 1 January
            2025).  A day and a month without a year are always refused.

    Returns:
        The date.

    Raises:
        AmbiguousDateError: The text has two readings (``.candidates``, earliest first).
        PartialDateError: The day, the month or the year is missing.
        DateParseError: The text is not a date, or an impossible one (``31 February 2024``).
        TypeError: ``text`` is not a string.

    Examples:
        >>> parse_date("1er novembre 2025")
        datetime.date(2025, 11, 1)
        >>> parse_date("18 ноября 2025 г.")
        datetime.date(2025, 11, 18)
        >>> parse_date("18.XI.2025")
        datetime.date(2025, 11, 18)
        >>> parse_date("03/04/2025", date_order="MDY")
        datetime.date(2025, 3, 4)
        >>> parse_date("March 2025", allow_partial=True)
        datetime.date(2025, 3, 1)
        >>> parse_date("March 2025")
        Traceback (most recent call last):
        ...
        litigate.errors.PartialDateError: 'March 2025' has no day; pass allow_partial=True to read it as the first day of the month
        >>> parse_date("Monday, 18 November 2025")
        Traceback (most recent call last):
        ...
        litigate.errors.DateParseError: 'Monday, 18 November 2025' contradicts itself: 18 November 2025 is a Tuesday, not a Monday
        >>> parse_date("31 February 2024")
        Traceback (most recent call last):
        ...
        litigate.errors.DateParseError: '31 February 2024' is not a possible date (day 31, month 2, year 2024)
    """
    given: object = text  # callers without type checking may pass anything
    if not isinstance(given, str):
        msg = f"parse_date() needs a string, not {type(given).__name__}: {given!r}"
        raise TypeError(msg)
    _check_order(date_order)
    langs = _languages(languages)
    if len(text) > _MAX_LENGTH:
        msg = f"{text[:40]!r}... is too long to be a date ({len(text)} characters)"
        raise DateParseError(msg, text=text)
    cleaned = _clean(text)
    grammar = _grammar(langs)
    result = _read_fast(text, cleaned, grammar, date_order)
    if result is not None:
        return result
    for pattern in (grammar.weekday_first, grammar.weekday_last):
        match = pattern.fullmatch(cleaned)
        if match is not None:
            result = _read_fast(text, match["rest"], grammar, date_order)
            if result is not None:
                return _check_weekday(text, result, _word(grammar.weekdays, match["w"]))
    for name, pattern in grammar.partial:
        match = pattern.fullmatch(cleaned)
        if match is not None:
            return _read_partial(text, name, match, grammar, allow_partial=allow_partial)
    return _fallback(text, cleaned, langs, date_order)


def _read_fast(text: str, cleaned: str, grammar: _Grammar, date_order: str | None) -> date | None:
    """The date of a full form read without dateparser; ``None`` when no form matches."""
    for name, pattern in grammar.full:
        match = pattern.fullmatch(cleaned)
        if match is not None:
            return _read_full(text, name, match, grammar, date_order)
    return None


def _check_weekday(text: str, day: date, weekday: int) -> date:
    if day.weekday() != weekday:
        msg = (
            f"{text!r} contradicts itself: {_english(day)} is a "
            f"{_ENGLISH_WEEKDAYS[day.weekday()]}, not a {_ENGLISH_WEEKDAYS[weekday]}"
        )
        raise DateParseError(msg, text=text)
    return day


def _read_full(
    text: str, name: str, match: re.Match[str], grammar: _Grammar, date_order: str | None
) -> date:
    if name == "num2":
        msg = f"{text!r} has a two-digit year; write the year in full"
        raise DateParseError(msg, text=text)
    year = int(match["y"])
    if name == "iso":
        return _make(text, year, int(match["m"]), int(match["d"]))
    if name == "num":
        result = _numeric(text, int(match["a"]), int(match["b"]), year, match["s"], date_order)
        if isinstance(result, tuple):
            raise _ambiguous(text, result)
        return result
    return _make(text, year, _month_number(grammar, match["m"]), int(match["d"]))


def _ambiguous(text: str, candidates: tuple[date, date]) -> AmbiguousDateError:
    readings = " or ".join(_english(c) for c in candidates)
    msg = f"{text!r} is ambiguous: {readings}; pass date_order='DMY' or date_order='MDY'"
    return AmbiguousDateError(msg, text=text, candidates=candidates)


def _read_partial(
    text: str, name: str, match: re.Match[str], grammar: _Grammar, *, allow_partial: bool
) -> date:
    if name in {"dm", "md"}:
        msg = f"{text!r} has no year; a date without a year is never completed"
        raise PartialDateError(msg, text=text)
    year = int(match["y"])
    if name == "y":
        month, period = 1, "year"
    else:
        raw = match["m"]
        month = int(raw) if raw.isdigit() else _month_number(grammar, raw)
        period = "month"
    if not allow_partial:
        msg = f"{text!r} has no day; pass allow_partial=True to read it as the first day of the {period}"
        raise PartialDateError(msg, text=text)
    return _make(text, year, month, 1)


def _fallback(text: str, cleaned: str, languages: tuple[str, ...], date_order: str | None) -> date:
    """Ask dateparser, with every setting pinned; refuse what it should not guess."""
    relative = _RELATIVE.search(cleaned)
    if relative is not None:
        msg = f"{text!r} is not a date: relative words such as {relative.group()!r} are refused (litigate never reads today's date)"
        raise DateParseError(msg, text=text)
    if not any(ch.isdigit() for ch in cleaned):
        msg = f"{text!r} is not a date: it has no day number and no year"
        raise DateParseError(msg, text=text)
    import dateparser
    from dateparser.timezone_parser import pop_tz_offset_from_string

    _, tz = pop_tz_offset_from_string(cleaned)
    if tz is not None:
        msg = f"{text!r} is not a date litigate can read: it seems to name a time zone ({tz})"
        raise DateParseError(msg, text=text)
    orders = [date_order] if date_order is not None else ["DMY", "MDY"]
    results: set[date] = set()
    for order in orders:
        settings = {
            "REQUIRE_PARTS": ["day", "month", "year"],
            "STRICT_PARSING": True,
            "DATE_ORDER": order,
            "PREFER_DATES_FROM": "past",
            "PREFER_DAY_OF_MONTH": "first",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "RELATIVE_BASE": datetime(2000, 1, 1),  # noqa: DTZ001 - never used: relative parsers are off
            "PARSERS": ["custom-formats", "absolute-time"],
        }
        try:
            parsed = dateparser.parse(cleaned, languages=list(languages), settings=settings)
        except Exception as exc:  # noqa: BLE001 - dateparser's own failures mean "not a date"
            msg = f"{text!r} is not a date: {exc}"
            raise DateParseError(msg, text=text) from None
        if parsed is None:
            msg = f"{text!r} is not a date litigate can read"
            raise DateParseError(msg, text=text)
        if parsed.tzinfo is not None or parsed.time() != datetime.min.time():
            msg = f"{text!r} is not a plain date: it has a time or a time zone"
            raise DateParseError(msg, text=text)
        results.add(parsed.date())
    if len(results) > 1:
        first, second = sorted(results)
        raise _ambiguous(text, (first, second))
    return results.pop()


@attrs.frozen(kw_only=True)
class DateMention:
    """A date found in running text by :func:`find_dates`.

    Attributes:
        start: Index of the first character of the mention in the text.
        end: Index just after the mention: ``text[start:end] == mention.text``.
        text: The words of the mention (for the first date of a range sharing its year,
            only its own words: ``15 April`` in ``15 April to 10 May 2024``).
        date: The date meant.

    Examples:
        >>> (m,) = find_dates("judgment of 18 November 2025, final")
        >>> m.start, m.end, m.text, m.date
        (12, 28, '18 November 2025', datetime.date(2025, 11, 18))
    """

    start: int
    end: int
    text: str
    date: date


@checked(text=TEXT)
def find_dates(
    text: str,
    *,
    languages: Iterable[str] = DEFAULT_LANGUAGES,
    date_order: DateOrder | None = None,
) -> tuple[DateMention, ...]:
    """Find every full date (day, month and year) in running text.

    Reads the forms :func:`parse_date` reads without dateparser, and ranges whose
    dates share a month or a year (``15–17 May 2024``, ``from 15 April to 10 May
    2024``, ``du 3 au 5 mars 2025``; ``15 December to 10 January 2025`` puts the
    first date in the previous year).  Never reports a month or a year alone, an
    ordinal (``79th session``), a number (``para. 13``, ``no. 16064/90``) or an
    impossible date; an ambiguous numeric date (``03/04/2025``) is skipped unless
    ``date_order`` is given.  Never raises for any string.

    Args:
        text: Running text.
        languages: The languages of the month names to look for.
        date_order: How all-numeric dates in the text are ordered (see :func:`parse_date`).

    Returns:
        The mentions, in the order of the text, not overlapping.

    Examples:
        >>> [str(m.date) for m in find_dates("du 3 au 5 mars 2025, puis le 03/04/2025")]
        ['2025-03-03', '2025-03-05']
        >>> [m.text for m in find_dates("held from 15 April to 10 May 2024 (79th session)")]
        ['15 April', '10 May 2024']
        >>> find_dates("Application no. 16064/90, para. 13")
        ()
    """
    _check_order(date_order)
    langs = _languages(languages)
    grammar = _grammar(langs)
    found: list[tuple[int, int, tuple[DateMention, ...]]] = []
    for name, pattern in grammar.scan:
        for match in pattern.finditer(text):
            mentions = _mentions(text, name, match, grammar, date_order)
            if mentions:
                found.append((match.start(), match.end(), mentions))
    found.sort(key=lambda item: (item[0], -item[1]))
    result: list[DateMention] = []
    reached = 0
    for start, end, mentions in found:
        if start >= reached:
            result.extend(mentions)
            reached = end
    return tuple(result)


def _mentions(
    text: str, name: str, match: re.Match[str], grammar: _Grammar, date_order: str | None
) -> tuple[DateMention, ...]:
    """The mentions of one match, or ``()`` when it is not a date after all."""
    if name in {"num", "iso"} and _after_case_number_word(text, match.start()):
        return ()
    try:
        return tuple(_mentions_or_raise(text, name, match, grammar, date_order))
    except (DateParseError, KeyError):
        return ()


def _mention(text: str, start: int, end: int, day: date) -> DateMention:
    return DateMention(start=start, end=end, text=text[start:end], date=day)


def _mentions_or_raise(
    text: str, name: str, match: re.Match[str], grammar: _Grammar, date_order: str | None
) -> Iterator[DateMention]:
    whole = match.group()
    year = int(match["y"])
    if name == "iso":
        yield _mention(text, *match.span(), _make(whole, year, int(match["m"]), int(match["d"])))
        return
    if name == "num":
        result = _numeric(whole, int(match["a"]), int(match["b"]), year, match["s"], date_order)
        if isinstance(result, date):
            yield _mention(text, *match.span(), result)
        return
    month = _month_number(grammar, match["m"])
    second = _make(whole, year, month, int(match["d"]))
    if not name.startswith("range"):
        yield _mention(text, *match.span(), second)
        return
    first_month = _month_number(grammar, match["m1"]) if "m1" in match.re.groupindex else month
    first = _make(whole, year, first_month, int(match["d1"]))
    if first >= second:
        first = _make(whole, year - 1, first_month, int(match["d1"]))
    if first >= second:
        return
    if name == "range_m_d_dy":  # May 15-17, 2024
        yield _mention(text, match.start(), match.end("d1x"), first)
        yield _mention(text, match.start("dx"), match.end(), second)
        return
    first_end = match.end("m1") if name == "range_dm_dmy" else match.end("d1x")
    yield _mention(text, match.start(), first_end, first)
    second_start = match.start("m") if name == "range_md_mdy" else match.start("dx")
    yield _mention(text, second_start, match.end(), second)
