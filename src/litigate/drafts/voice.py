"""How a draft names the applicant: pronouns and agreement from the case file.

The argument bank's texts name the applicant through placeholders
(``{applicant}``, ``{he}``, ``{his}``, ``{le_requerant}``, ``{e}``…) that
:meth:`Voice.fill` replaces by the forms of the case's applicants: one man, one
woman, one person whose sex is not recorded (no pronoun: the noun is repeated),
several applicants, or an organisation.  These are grammatical forms, not legal
rules.

Examples:
    >>> from litigate.model import Applicant, Case
    >>> her = Case(forum="ecthr", respondent="AZE",
    ...            applicants=[Applicant.person(name="Leyla Mammadova", sex="female")])
    >>> voice = applicant_voice(her)
    >>> voice.fill("{Applicant} maintain{s} {his} complaint.", "en")
    'The applicant maintains her complaint.'
    >>> voice.fill("{Le_requerant} maintien{t} son grief ; {il} a été entendu{e}.", "fr")
    'La requérante maintient son grief ; elle a été entendue.'
    >>> applicant_voice(Case(forum="ecthr", respondent="AZE")).fill("{he} was heard", "en")
    'the applicant was heard'
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import attrs

from litigate.model import ApplicantKind, Case, Sex

__all__ = ["PLACEHOLDERS", "ROLES", "VOICES", "Voice", "applicant_voice"]

_EN: Mapping[str, Mapping[str, str]] = {
    "male": {"applicant": "the applicant", "he": "he", "him": "him", "his": "his"},
    "female": {"applicant": "the applicant", "he": "she", "him": "her", "his": "her"},
    "unknown": {
        "applicant": "the applicant",
        "he": "the applicant",
        "him": "the applicant",
        "his": "the applicant's",
    },
    "plural": {"applicant": "the applicants", "he": "they", "him": "them", "his": "their"},
    "organisation": {
        "applicant": "the applicant organisation",
        "he": "it",
        "him": "it",
        "his": "its",
    },
}
_EN_VERB = {"plural": {"s": "", "is": "are", "was": "were", "has": "have"}}
_EN_VERB_ONE = {"s": "s", "is": "is", "was": "was", "has": "has"}

_FR: Mapping[str, Mapping[str, str]] = {
    "male": {
        "le_requerant": "le requérant",
        "du_requerant": "du requérant",
        "au_requerant": "au requérant",
        "il": "il",
        "e": "",
        "son": "son",
        "ses": "ses",
    },
    "female": {
        "le_requerant": "la requérante",
        "du_requerant": "de la requérante",
        "au_requerant": "à la requérante",
        "il": "elle",
        "e": "e",
        "son": "son",
        "ses": "ses",
    },
    "unknown": {
        "le_requerant": "le requérant",
        "du_requerant": "du requérant",
        "au_requerant": "au requérant",
        "il": "le requérant",
        "e": "",
        "son": "son",
        "ses": "ses",
    },
    "plural": {
        "le_requerant": "les requérants",
        "du_requerant": "des requérants",
        "au_requerant": "aux requérants",
        "il": "ils",
        "e": "s",
        "son": "leur",
        "ses": "leurs",
    },
    "plural_female": {
        "le_requerant": "les requérantes",
        "du_requerant": "des requérantes",
        "au_requerant": "aux requérantes",
        "il": "elles",
        "e": "es",
        "son": "leur",
        "ses": "leurs",
    },
    "organisation": {
        "le_requerant": "l'organisation requérante",
        "du_requerant": "de l'organisation requérante",
        "au_requerant": "à l'organisation requérante",
        "il": "elle",
        "e": "e",
        "son": "son",
        "ses": "ses",
    },
}
# Before a UN Committee the party is "the author" ("l'auteur", "l'auteure").
_AUTHOR_EN = {
    "applicant": "the author",
    "plural": "the authors",
    "organisation": "the author organisation",
}
_AUTHOR_FR = {
    "male": ("l'auteur", "de l'auteur", "à l'auteur"),
    "female": ("l'auteure", "de l'auteure", "à l'auteure"),
    "unknown": ("l'auteur", "de l'auteur", "à l'auteur"),
    "plural": ("les auteurs", "des auteurs", "aux auteurs"),
    "plural_female": ("les auteures", "des auteures", "aux auteures"),
    "organisation": (
        "l'organisation auteure",
        "de l'organisation auteure",
        "à l'organisation auteure",
    ),
}
ROLES = ("applicant", "author")
"""How the party is named: ``applicant`` (European Court) or ``author`` (UN Committees)."""

_FR_VERB = {"t": "t", "a": "a", "est": "est", "nt": "", "etait": "était"}
_FR_VERB_PLURAL = {"t": "nent", "a": "ont", "est": "sont", "nt": "nt", "etait": "étaient"}

VOICES = tuple(_FR)
"""The voices: ``male``, ``female``, ``unknown``, ``plural``, ``plural_female``, ``organisation``."""

PLACEHOLDERS = frozenset(
    {
        *(k for forms in _EN.values() for k in forms),
        *(k.capitalize() for forms in _EN.values() for k in forms),
        *_EN_VERB_ONE,
        *(k for forms in _FR.values() for k in forms),
        *(k.capitalize() for forms in _FR.values() for k in forms),
        *_FR_VERB,
    }
)
"""Every placeholder a bank text may use (a capitalised name gives a capitalised form)."""

_FIELD = re.compile(r"\{(\w+)\}")


@attrs.frozen
class Voice:
    """The forms that name the applicant(s) of one case.

    Attributes:
        name: One of :data:`VOICES`.
        role: One of :data:`ROLES`: ``"author"`` names the party before a UN Committee.
    """

    name: str
    role: str = "applicant"

    @property
    def pronouns(self) -> bool:
        """Whether the draft may use pronouns (not when the sex is unknown)."""
        return self.name != "unknown"

    def forms(self, locale: str) -> dict[str, str]:
        """Placeholder → text in ``locale`` (``"en"`` or ``"fr"``; other locales use English)."""
        plural = self.name.startswith("plural")
        if locale == "fr":
            base = {**_FR[self.name], **(_FR_VERB_PLURAL if plural else _FR_VERB)}
        else:
            en = _EN["plural" if plural else self.name]
            base = {**en, **(_EN_VERB["plural"] if plural else _EN_VERB_ONE)}
        if self.role == "author":
            base = dict(base)
            if locale == "fr":
                le, du, au = _AUTHOR_FR[self.name]
                base.update({"le_requerant": le, "du_requerant": du, "au_requerant": au})
                if self.name == "unknown":
                    base["il"] = le
            else:
                noun = _AUTHOR_EN.get("plural" if plural else self.name, "the author")
                base["applicant"] = noun
                if self.name == "unknown":
                    base.update({"he": noun, "him": noun, "his": f"{noun}'s"})
        out = dict(base)
        out.update({k.capitalize(): v[:1].upper() + v[1:] for k, v in base.items()})
        return out

    def fill(self, text: str, locale: str) -> str:
        """``text`` with every placeholder replaced; an unknown one is left as written."""
        forms = self.forms(locale)
        return _FIELD.sub(lambda m: forms.get(m.group(1), m.group(0)), text)


def applicant_voice(case: Case | None) -> Voice:
    """The voice of the case's applicants (``unknown`` without a case or applicant).

    Examples:
        >>> from litigate.model import Applicant, Case
        >>> two = Case(forum="ecthr", respondent="AZE", applicants=[
        ...     Applicant.person(name="A", sex="male"), Applicant.person(name="B", sex="female")])
        >>> applicant_voice(two).name
        'plural'
        >>> ngo = Case(forum="ecthr", respondent="AZE",
        ...            applicants=[Applicant.organisation(name="Free Press Union")])
        >>> applicant_voice(ngo).fill("{Le_requerant} a saisi la Cour", "fr")
        "L'organisation requérante a saisi la Cour"
        >>> her = Case(forum="hrc", respondent="AZE",
        ...            applicants=[Applicant.person(name="Aysel Guliyeva", sex="female")])
        >>> applicant_voice(her).fill("{Le_requerant} maintien{t} {son} grief ; {il} a été entendu{e}.", "fr")
        "L'auteure maintient son grief ; elle a été entendue."
        >>> applicant_voice(her).fill("{Applicant} maintain{s} {his} claim.", "en")
        'The author maintains her claim.'
    """
    role = "author" if case is not None and case.forum.value != "ecthr" else "applicant"
    return Voice(_voice_name(case), role)


def _voice_name(case: Case | None) -> str:
    applicants = case.applicants if case is not None else ()
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
