"""How a window's status is shown: one key, a label in English or French, a colour.

The keys refine :class:`~litigate.engine.WindowStatus` with what a lawyer looks for
first: an open window close to its end is *expiring soon*, a lodged case is *in
time* or *out of time*.  The colours are badge backgrounds under white text;
each gives a contrast of at least 4.5:1 (WCAG AA), on light and dark themes
alike, because the badge carries its own background.
"""

from __future__ import annotations

from litigate import l10n
from litigate.engine.checks import _IMMINENT_DAYS
from litigate.engine.results import Severity, WindowStatus

__all__ = [
    "SEVERITY_COLOURS",
    "SOON_DAYS",
    "STATUS_COLOURS",
    "days_text",
    "lang",
    "status_key",
    "status_label",
]

SOON_DAYS = _IMMINENT_DAYS
"""Days before a safe deadline from which an open window is shown as expiring soon.

The same product choice as the engine's ``time_limit_imminent`` warning, not a rule of law."""

STATUS_COLOURS = {
    "open": "#1a7f37",
    "expiring_soon": "#b54708",
    "expired": "#b42318",
    "lodged_in_time": "#0b5cad",
    "out_of_time": "#82071e",
    "presumption": "#7a5200",
    "presumption_passed": "#9a3412",
    "not_started": "#57606a",
    "continuing": "#57606a",
    "no_fixed_limit": "#57606a",
    "insufficient_facts": "#6639ba",
}
"""Badge colour per status key (white text)."""

SEVERITY_COLOURS = {
    Severity.ERROR: "#b42318",
    Severity.WARNING: "#7a5200",
    Severity.INFO: "#0b5cad",
}
"""Badge colour per finding severity (white text)."""


def lang(locale: str) -> str:
    """The catalogue language of ``locale`` (:func:`litigate.l10n.language`).

    Raises:
        InputError: No catalogue for its language (``field="locale"``).

    Examples:
        >>> lang("fr_FR"), lang("en-GB"), lang("ru")
        ('fr', 'en', 'ru')
        >>> lang("de")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: unsupported locale: 'de' (languages with a catalogue: en, fr, ru)
    """
    return l10n.language(locale)


def status_key(status: WindowStatus, days_left: int | None, *, in_time: bool | None) -> str:
    """The display key of a window (a key of :data:`STATUS_COLOURS`).

    Examples:
        >>> status_key(WindowStatus.OPEN, 10, in_time=None), status_key(WindowStatus.OPEN, 60, in_time=None)
        ('expiring_soon', 'open')
        >>> status_key(WindowStatus.EXPIRED, -3, in_time=True), status_key(
        ...     WindowStatus.EXPIRED, -3, in_time=False)
        ('lodged_in_time', 'out_of_time')
    """
    if in_time is True:
        return "lodged_in_time"
    if in_time is False:
        return "presumption_passed" if status is WindowStatus.PRESUMPTION else "out_of_time"
    if status is WindowStatus.OPEN:
        return "expiring_soon" if days_left is not None and days_left <= SOON_DAYS else "open"
    if status is WindowStatus.PRESUMPTION and days_left is not None and days_left < 0:
        return "presumption_passed"
    return status.value


def status_label(key: str, locale: str = "en") -> str:
    """The words for a status key.

    Examples:
        >>> status_label("expiring_soon"), status_label("expiring_soon", "fr")
        ('expiring soon', 'expire bientôt')
    """
    return l10n.pgettext(lang(locale), "window status", key)


def days_text(days_left: int | None, locale: str = "en") -> str:
    """``"10 days left"``, ``"1 day ago"`` (French: ``"10 jours restants"``), or ``""``.

    Examples:
        >>> days_text(10), days_text(-1), days_text(0, "fr"), days_text(-423, "fr")
        ('10 days left', '1 day ago', '0 jour restant', 'il y a 423 jours')
    """
    if days_left is None:
        return ""
    n = abs(days_left)
    code = lang(locale)
    if days_left >= 0:
        text = l10n.ngettext(code, "%(count)s day left", "%(count)s days left", n)
    else:
        text = l10n.ngettext(code, "%(count)s day ago", "%(count)s days ago", n)
    return text % {"count": n}
