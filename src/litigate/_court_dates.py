"""Dates in the style of the European Court's documents (kept for the modules that import it).

British English ``18 November 2025``, French ``18 novembre 2025`` (with
``1er`` for the first of the month) and Russian ``18 ноября 2025 г.`` (the
month in the genitive, a non-breaking space before ``г.``), as the Court and
the UN treaty bodies print them.  The month and day names are babel's CLDR
data and the pattern is each language's catalogue's (:mod:`litigate.l10n`,
the one home of localisation); a locale without a catalogue gets English.

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

from datetime import date

from litigate import l10n


def court_date(day: date, locale: str = "en") -> str:
    """Format ``day`` as the Court writes dates in ``locale``'s language (English without a catalogue)."""
    return l10n.court_date(day, l10n.language(locale, default="en"))


def weekday_name(day: date, locale: str = "en") -> str:
    """The weekday of ``day`` in ``locale``'s language (English without a catalogue)."""
    return l10n.weekday_name(day, l10n.language(locale, default="en"))
