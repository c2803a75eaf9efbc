"""Dates in the style of the European Court's documents, without babel.

British English ``18 November 2025``, French ``18 novembre 2025`` (with
``1er`` for the first of the month) and Russian ``18 ноября 2025 г.`` (the
month in the genitive, a non-breaking space before ``г.``), as the Court and
the UN treaty bodies print them.  Other locales will go through babel in the
rendering layer.

Examples:
    >>> from datetime import date
    >>> court_date(date(2025, 11, 18))
    '18 November 2025'
    >>> court_date(date(2025, 11, 1), "fr")
    '1er novembre 2025'
    >>> court_date(date(2025, 3, 1), "ru").replace("\u00a0", " ")
    '1 марта 2025 г.'
"""

from __future__ import annotations

import functools
from datetime import date

_MONTHS = {
    "en": (
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
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
    # Russian dates put the month in the genitive ("18 ноября 2025 г.").
    "ru": (
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ),
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "ru": ("понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"),
}


def _lang(locale: str) -> str:
    code = str(locale).lower()
    if code.startswith("fr"):
        return "fr"
    return "ru" if code.startswith("ru") else "en"


@functools.lru_cache(maxsize=8192)
def court_date(day: date, locale: str = "en") -> str:
    """Format ``day`` as the Court writes dates in English, French or Russian."""
    lang = _lang(locale)
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    text = f"{number} {_MONTHS[lang][day.month - 1]} {day.year}"
    return f"{text}\u00a0г." if lang == "ru" else text


def weekday_name(day: date, locale: str = "en") -> str:
    """The weekday of ``day`` in English, French or Russian."""
    return _WEEKDAYS[_lang(locale)][day.weekday()]
