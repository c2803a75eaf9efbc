"""Dates in the style of the European Court's documents, without babel.

British English ``18 November 2025`` and French ``18 novembre 2025`` (with
``1er`` for the first of the month), as the Court and the UN treaty bodies
print them.  Other locales will go through babel in the rendering layer.

Examples:
    >>> from datetime import date
    >>> court_date(date(2025, 11, 18))
    '18 November 2025'
    >>> court_date(date(2025, 11, 1), "fr")
    '1er novembre 2025'
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
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


def _lang(locale: str) -> str:
    return "fr" if str(locale).lower().startswith("fr") else "en"


@functools.lru_cache(maxsize=8192)
def court_date(day: date, locale: str = "en") -> str:
    """Format ``day`` as the Court writes dates in English or French."""
    lang = _lang(locale)
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {_MONTHS[lang][day.month - 1]} {day.year}"


def weekday_name(day: date, locale: str = "en") -> str:
    """The weekday of ``day`` in English or French."""
    return _WEEKDAYS[_lang(locale)][day.weekday()]
