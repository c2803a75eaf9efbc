"""How a sentence names the party: the applicant, the author, the complainant or the petitioner.

The European Court speaks of the *applicant*; the UN Committees of the *author*
(HRC, CEDAW, CRPD, CRC, CED, CESCR), the *complainant* (CAT) or the *petitioner*
(CERD): the forum's rule data say which (``party`` in ``rules/data/<forum>.toml``).
The words, with their agreement in gender and number, are the catalogues'
``voice`` messages (``voice, <party>`` for the lines a UN Committee changes); the
engine's start events name the party through ``event, party`` messages whose forms
are written in angle brackets (``service on <applicant_s> representative``).
These are grammatical forms, not legal rules; :mod:`litigate.drafts.voice` builds
the drafts' pronouns on the same functions.

Examples:
    >>> event("service on the representative", "fr", "author", "female")
    "sa signification au représentant de l'auteure"
    >>> event("service on the applicant", "en", "complainant", "plural")
    'service on the complainants'
    >>> event("service on the representative", "ru", "petitioner", "male")
    'со дня вручения решения представителю заявителя'
    >>> event("service on the representative", "fr", "applicant", "female")  # the Court's wording
    'sa signification au représentant du requérant'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from litigate import l10n
from litigate.model import Applicant, ApplicantKind, Sex

__all__ = ["VOICES", "event", "forms", "lines", "voice_name"]

VOICES = ("male", "female", "unknown", "plural", "plural_female", "organisation")
"""The voices: ``male``, ``female``, ``unknown``, ``plural``, ``plural_female``, ``organisation``."""

_ANGLED = re.compile(r"<(\w+)>")


@functools.cache
def lines(lang: str, context: str, name: str) -> dict[str, str]:
    """One voice's forms from the catalogue: a ``placeholder = form`` line each."""
    text = l10n.pgettext(lang, context, name) if l10n.has_message(lang, name, context) else ""
    pairs = (line.partition("=") for line in text.splitlines())
    return {key.strip(): form.strip() for key, _, form in pairs if key.strip()}


@functools.cache
def forms(lang: str, party: str, voice: str) -> dict[str, str]:
    """Placeholder → form in ``lang``: the ``voice`` lines, then the ``voice, <party>`` lines.

    A capitalised placeholder gives a capitalised form.

    Examples:
        >>> forms("en", "petitioner", "unknown")["his"]
        "the petitioner's"
    """
    base = dict(lines(lang, "voice", voice))
    if party != "applicant":
        base.update(lines(lang, f"voice, {party}", voice))
    out = dict(base)
    out.update({k.capitalize(): v[:1].upper() + v[1:] for k, v in base.items()})
    return out


def voice_name(applicants: Sequence[Applicant]) -> str:
    """The voice of a case's applicants (``unknown`` without any).

    Examples:
        >>> voice_name([Applicant.person(name="A", sex="female")])
        'female'
        >>> voice_name([Applicant.person(name="A"), Applicant.person(name="B")])
        'plural'
    """
    if len(applicants) > 1 or any(a.kind is ApplicantKind.GROUP for a in applicants):
        female = applicants and all(a.sex is Sex.FEMALE for a in applicants)
        return "plural_female" if female else "plural"
    if not applicants:
        return "unknown"
    only = applicants[0]
    if only.kind is ApplicantKind.ORGANISATION:
        return "organisation"
    if only.sex is Sex.FEMALE:
        return "female"
    if only.sex is Sex.MALE:
        return "male"
    return "unknown"


def event(name: str, lang: str, party: str, voice: str) -> str:
    """A start event (a phrase of the engine: ``"service on the applicant"``) in ``lang``.

    Before the European Court the ``event`` message is used as it stands; before a UN
    Committee the ``event, party`` message, when the catalogue has one, with the party
    named in ``voice``.  An event no catalogue translates stays as written.
    """
    if party != "applicant" and l10n.has_message(lang, name, "event, party"):
        found = forms(lang, party, voice)
        text = l10n.pgettext(lang, "event, party", name)
        return _ANGLED.sub(lambda m: found.get(m.group(1), m.group(0)), text)
    return l10n.pgettext(lang, "event", name)
