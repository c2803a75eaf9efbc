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

import attrs

from litigate import l10n
from litigate.engine.party import VOICES, forms, lines, voice_name
from litigate.model import Case
from litigate.rules import RuleSet, load_rules
from litigate.rules.spec import PARTIES

__all__ = ["PLACEHOLDERS", "ROLES", "VOICES", "Voice", "applicant_voice"]

ROLES = PARTIES
"""How the party is named: ``applicant`` (European Court), ``author`` (most UN Committees),
``complainant`` (Committee against Torture), ``petitioner`` (CERD): the forum's ``party``."""


def _placeholders() -> frozenset[str]:
    names = {
        key
        for lang in l10n.supported("argument bank")  # the languages the bank is written in
        for context in ("voice", *(f"voice, {role}" for role in ROLES[1:]))
        for name in VOICES
        for key in lines(lang, context, name)
    }
    return frozenset({*names, *(k.capitalize() for k in names)})


PLACEHOLDERS: frozenset[str]
"""Every placeholder a bank text may use (a capitalised name gives a capitalised form)."""


def __getattr__(name: str) -> object:
    # PLACEHOLDERS is read from the catalogues when first asked for, not at import.
    if name == "PLACEHOLDERS":
        found = _placeholders()
        globals()["PLACEHOLDERS"] = found
        return found
    msg = f"module {__name__!r} has no attribute {name!r}"
    raise AttributeError(msg)


_FIELD = re.compile(r"\{(\w+)\}")
_ANGLED = re.compile(r"<(\w+)>")


@attrs.frozen
class Voice:
    """The forms that name the applicant(s) of one case.

    Attributes:
        name: One of :data:`VOICES`.
        role: One of :data:`ROLES`: how the forum names the party (``"author"``,
            ``"complainant"``, ``"petitioner"`` before a UN Committee).
    """

    name: str
    role: str = "applicant"

    @property
    def pronouns(self) -> bool:
        """Whether the draft may use pronouns (not when the sex is unknown)."""
        return self.name != "unknown"

    def forms(self, locale: str) -> dict[str, str]:
        """Placeholder → text in ``locale``, a language with a catalogue (``en``, ``fr``, ``ru``).

        The forms are the catalogue's ``voice`` messages (``voice, <role>`` before a UN
        Committee), one ``placeholder = form`` line each.  A locale without a catalogue
        is refused (``InputError`` naming ``locale``), never given the English forms.

        Examples:
            >>> Voice("female", "author").forms("ru")["заявитель"]
            'автор'
        """
        lang = l10n.require(locale, "words")
        return dict(forms(lang, self.role, self.name))

    def fill(self, text: str, locale: str) -> str:
        """``text`` with every placeholder replaced; an unknown one is left as written."""
        forms = self.forms(locale)
        return _FIELD.sub(lambda m: forms.get(m.group(1), m.group(0)), text)

    def say(self, locale: str, context: str, message: str, **values: str) -> str:
        """The catalogue's ``message`` in ``locale``, the applicant named in this voice.

        In a catalogue sentence the applicant's forms are written in angle brackets
        (``<applicant> submit<s>``, ``<le_requerant> expose<nt>``): each language
        names its own forms, where ``%(name)s`` values are the same in every language.

        Examples:
            >>> Voice("plural").say("fr", "served on", "<applicant>")
            'aux requérants'
        """
        text = _ANGLED.sub(r"{\1}", l10n.pgettext(locale, context, message))
        return self.fill(text, locale) % values


def applicant_voice(case: Case | None, rules: RuleSet | None = None) -> Voice:
    """The voice of the case's applicants (``unknown`` without a case or applicant).

    The role is the forum's ``party`` in ``rules`` (the packaged rules by default).

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
        >>> him = Case(forum="cat", respondent="AZE",
        ...            applicants=[Applicant.person(name="Tural Kazimli", sex="male")])
        >>> applicant_voice(him).fill("{Applicant} maintain{s} {his} claim.", "en")
        'The complainant maintains his claim.'
        >>> cerd = Case(forum="cerd", respondent="AZE",
        ...             applicants=[Applicant.person(name="A", sex="female")])
        >>> applicant_voice(cerd).fill("{Le_requerant} maintien{t} {son} grief.", "fr")
        'La pétitionnaire maintient son grief.'
    """
    if case is None:
        return Voice("unknown")
    return Voice(voice_name(case.applicants), (rules or load_rules()).forum(case.forum).party)
