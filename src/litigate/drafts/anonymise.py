"""The public version of a case: applicants' names as initials, personal particulars removed.

What :func:`anonymise` does, and why:

* **Natural persons** (applicants of kind ``person``) are always reduced to
  their initials (``Gunay Mirzazade`` → ``G.M.``), as the Court and the UN
  committees publish anonymised cases.  **Organisations and groups** keep
  their name, which is public (a registered NGO, a newspaper), unless they
  asked for anonymity (``anonymity_requested``).
* Every applicant loses the particulars that locate or identify them: address,
  e-mail, telephone, identity number, date and place of birth, place of
  detention, and (when anonymised) an organisation's registration number.
  The date of birth is removed, not reduced to a year: the model holds a full
  date, and a year alone would still narrow the person down.  Sex,
  nationality and occupation stay: the Court states them in its judgments.
* **Representatives** who are lawyers or NGOs keep their name, organisation
  and bar number (the Court names them: "represented by Ms X, a lawyer
  practising in Baku") but lose their postal address, e-mail and telephone.
  Relatives and other representatives are private persons whose name would
  reveal the applicant (often the same surname): they are reduced to initials
  and lose all particulars too.
* The names appear in free text as well: every text of the case (facts,
  complaint summaries and labels, decision outcomes, document titles, the
  case title…) is scrubbed with :func:`scrub` and the map of
  :func:`anonymisation_map`: the full name, and each part of it of three
  letters or more, case-insensitively and as whole words only, becomes the
  initials (``Mirzazade v. Azerbaijan`` → ``M. v. Azerbaijan``); the removed
  particulars and the date of birth as the Court writes it (and as
  ``YYYY-MM-DD``, ``DD.MM.YYYY``, ``DD/MM/YYYY``) become a bracketed placeholder.

Out of scope, to be checked by the lawyer: declined forms (Russian
``Алиева``, ``Алиеву``), transliteration variants (``Əliyev`` / ``Aliyev`` /
``Алиев``), nicknames, relatives named in the facts, and any other detail
that identifies the applicant (a workplace, a street).  The public version is
a first pass, not a guarantee.

Examples:
    >>> import litigate
    >>> case = litigate.Case(
    ...     forum="ecthr",
    ...     respondent="AZE",
    ...     title="Mirzazade v. Azerbaijan",
    ...     applicants=[litigate.Applicant.person(name="Gunay Mirzazade", phone="+994 50 555 01 01")],
    ...     facts="Ms Gunay Mirzazade was arrested. MIRZAZADE's phone: +994 50 555 01 01.",
    ... )
    >>> public = anonymise(case)
    >>> public.title, public.applicants[0].name, public.applicants[0].phone
    ('M. v. Azerbaijan', 'G.M.', None)
    >>> public.facts
    "Ms G.M. was arrested. M.'s phone: [telephone]."
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Mapping
from datetime import date
from typing import Any, cast

import attrs

from litigate._court_dates import court_date
from litigate.drafts.filters import PARTICLES, initials
from litigate.errors import InputError
from litigate.model import Applicant, ApplicantKind, Capacity, Case, Representative

__all__ = ["anonymisation_map", "anonymise", "scrub"]

MIN_PART = 3
"""Texts shorter than this are not scrubbed: name parts (``Li``, ``Ng``), one-letter
names, and particulars too short to be told from ordinary words."""

PLACEHOLDERS: Mapping[str, str] = {
    "address": "[address]",
    "email": "[e-mail]",
    "phone": "[telephone]",
    "id_number": "[identity number]",
    "detained_at": "[place of detention]",
    "place_of_birth": "[place of birth]",
    "registration_no": "[registration number]",
    "date_of_birth": "[date of birth]",
}
"""What replaces each removed particular when it appears in a text."""

_APPLICANT_REMOVED = (
    "address",
    "email",
    "phone",
    "id_number",
    "detained_at",
    "place_of_birth",
    "date_of_birth",
)
_REPRESENTATIVE_REMOVED = ("address", "email", "phone")
_PUBLIC_CAPACITIES = (Capacity.LAWYER, Capacity.NGO)
# Fields that are codes or references, never free text: never scrubbed.
_CODES = frozenset({"respondent", "language", "provision", "in_conjunction_with", "nationality"})
_NAME_PART = re.compile(r"[^\W\d_]+")


def _anonymised(applicant: Applicant) -> bool:
    return applicant.kind is ApplicantKind.PERSON or applicant.anonymity_requested


def _private(representative: Representative) -> bool:
    return representative.capacity not in _PUBLIC_CAPACITIES


def _add_name(mapping: dict[str, str], name: str) -> None:
    replacement = initials(name)
    if not replacement:
        return
    if sum(map(len, _NAME_PART.findall(name))) >= MIN_PART:
        mapping.setdefault(name.strip(), replacement)
    for part in _NAME_PART.findall(name):
        if len(part) >= MIN_PART and not (part.islower() and part.lower() in PARTICLES):
            mapping.setdefault(part, initials(part))


def _date_spellings(day: date) -> list[str]:
    return [
        court_date(day, "en"),
        court_date(day, "fr"),
        day.isoformat(),
        day.strftime("%d.%m.%Y"),
        day.strftime("%d/%m/%Y"),
    ]


def anonymisation_map(case: Case) -> dict[str, str]:
    """Map every identifying text of ``case`` to what replaces it in the public version.

    Names map to initials: the full name (``Gunay Mirzazade`` → ``G.M.``) and
    each part of three letters or more (``Mirzazade`` → ``M.``).  Removed
    particulars (address, e-mail, telephone, identity number, place of birth,
    place of detention, date of birth as the Court writes it) map to a
    bracketed placeholder (``[address]``).  The rendering engine uses the map
    to scrub every part of a DOCX (headers, footnotes, comments) with :func:`scrub`.

    Args:
        case: The case.

    Returns:
        Real text → replacement, longest texts first; entries that map to
        themselves (an already anonymised case) are left out.

    Examples:
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE", applicants=[
        ...     litigate.Applicant.person(name="Rauf Əliyev", email="rauf@example.org")])
        >>> anonymisation_map(case)
        {'rauf@example.org': '[e-mail]', 'Rauf Əliyev': 'R.Ə.', 'Əliyev': 'Ə.', 'Rauf': 'R.'}
    """
    names: dict[str, str] = {}
    details: dict[str, str] = {}
    for applicant in case.applicants:
        if _anonymised(applicant):
            _add_name(names, applicant.name)
            if applicant.registration_no and len(applicant.registration_no) >= MIN_PART:
                details.setdefault(applicant.registration_no, PLACEHOLDERS["registration_no"])
        for field in _APPLICANT_REMOVED:
            value = getattr(applicant, field)
            if isinstance(value, date):
                for spelling in _date_spellings(value):
                    details.setdefault(spelling, PLACEHOLDERS[field])
            elif isinstance(value, str) and len(value.strip()) >= MIN_PART:
                details.setdefault(value.strip(), PLACEHOLDERS[field])
    for representative in case.representatives:
        if _private(representative):
            _add_name(names, representative.name)
        for field in _REPRESENTATIVE_REMOVED:
            value = getattr(representative, field)
            if isinstance(value, str) and len(value.strip()) >= MIN_PART:
                details.setdefault(value.strip(), PLACEHOLDERS[field])
    merged = {**details, **{k: v for k, v in names.items() if k not in details}}
    ordered = sorted(merged.items(), key=lambda item: -len(item[0]))
    return {real: fake for real, fake in ordered if real != fake}


class _Scrubber:
    """One compiled pattern for a whole map, each key in its own group.

    The replacement never depends on how the matched text folds case (``İ``, ``ß``).
    """

    def __init__(self, mapping: Mapping[str, str]) -> None:
        keys = sorted((k for k in mapping if k), key=len, reverse=True)
        self.replacements = [mapping[k] for k in keys]
        # Whole words only: "Ali" must not touch "Alibeyli"; \\w is Unicode-aware (ə, ğ, Cyrillic).
        alternatives = "|".join(f"(?P<k{i}>{re.escape(k)})" for i, k in enumerate(keys))
        self.pattern = (
            re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE) if keys else None
        )

    def _replace(self, match: re.Match[str]) -> str:
        group = match.lastgroup or "k0"
        return self.replacements[int(group[1:])]

    def __call__(self, text: str) -> str:
        return text if self.pattern is None else self.pattern.sub(self._replace, text)


@functools.lru_cache(maxsize=32)
def _scrubber(items: tuple[tuple[str, str], ...]) -> _Scrubber:
    """The compiled scrubber of a map, kept: the engine scrubs every DOCX part with one map."""
    return _Scrubber(dict(items))


def scrub(text: str, mapping: Mapping[str, str]) -> str:
    """Replace every real text of ``mapping`` found in ``text`` by its replacement.

    Matching ignores case and takes whole words only (``Ali`` does not touch
    ``Alibeyli``); the longest text wins (``Gunay Mirzazade`` before ``Gunay``).
    One pass: a replacement is never scrubbed again.

    Args:
        text: Any text.
        mapping: Real → replacement, as :func:`anonymisation_map` returns.

    Returns:
        The scrubbed text.

    Raises:
        InputError: ``text`` is not text.

    Examples:
        >>> m = {"Gunay Mirzazade": "G.M.", "Mirzazade": "M.", "Gunay": "G."}
        >>> scrub("GUNAY MIRZAZADE met Mirzazade's lawyer, not Mirzazadeh.", m)
        "G.M. met M.'s lawyer, not Mirzazadeh."
        >>> scrub(None, m)
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: scrub: expected text (got None)
    """
    if not isinstance(cast("object", text), str):
        msg = f"scrub: expected text (got {text!r})"
        raise InputError(msg, field="text", value=text)
    return _scrubber(tuple(mapping.items()))(text)


def _scrub_tree(value: Any, scrubber: _Scrubber) -> Any:
    """Scrub every free text inside a model value (attrs classes, tuples, texts)."""
    if isinstance(value, enum.Enum):
        return value
    if isinstance(value, str):
        return scrubber(value)
    if isinstance(value, tuple):
        return tuple(_scrub_tree(v, scrubber) for v in value)
    if attrs.has(type(value)):
        changes = {
            f.name: _scrub_tree(getattr(value, f.name), scrubber)
            for f in attrs.fields(type(value))
            if f.init and f.name not in _CODES
        }
        changed = {k: v for k, v in changes.items() if v is not getattr(value, k)}
        return attrs.evolve(value, **changed) if changed else value
    return value


def anonymise(case: Case) -> Case:
    """Return the public version of ``case`` (see the module's documentation).

    Args:
        case: The case.

    Returns:
        A new case: anonymised applicants and private representatives as
        initials, personal particulars removed, every text scrubbed.
        Anonymising twice gives the same case.

    Raises:
        InputError: ``case`` is not a :class:`~litigate.Case`.

    Examples:
        >>> import litigate
        >>> ngo = litigate.Applicant.organisation(name="Free Press Union", address="Baku")
        >>> case = litigate.Case(forum="ecthr", respondent="AZE", applicants=[ngo],
        ...                      representatives=[litigate.Representative(
        ...                          name="Leyla Hasanova", email="leyla@example.org")])
        >>> public = anonymise(case)
        >>> public.applicants[0].name, public.applicants[0].address
        ('Free Press Union', None)
        >>> public.representatives[0].name, public.representatives[0].email
        ('Leyla Hasanova', None)
        >>> anonymise({"title": "A v. B"})
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: anonymise: expected a litigate.Case (got a dict)
    """
    if not isinstance(cast("object", case), Case):
        msg = f"anonymise: expected a litigate.Case (got a {type(case).__name__})"
        raise InputError(msg, field="case", value=case)
    mapping = anonymisation_map(case)
    applicants = []
    for applicant in case.applicants:
        removed: dict[str, Any] = dict.fromkeys(_APPLICANT_REMOVED)
        if applicant.kind is not ApplicantKind.PERSON:
            removed = dict.fromkeys(("address", "email", "phone", "id_number"))
            if _anonymised(applicant):
                removed["registration_no"] = None
        applicants.append(attrs.evolve(applicant, **removed))
    cleared: dict[str, Any] = dict.fromkeys(_REPRESENTATIVE_REMOVED)
    representatives = [attrs.evolve(r, **cleared) for r in case.representatives]
    stripped = attrs.evolve(case, applicants=applicants, representatives=representatives)
    scrubbed: Case = _scrub_tree(stripped, _Scrubber(mapping)) if mapping else stripped
    # Names are replaced last, so that a replacement is never scrubbed again ("A." → "A..").
    named_applicants = [
        attrs.evolve(new, name=initials(old.name) or old.name) if _anonymised(old) else new
        for old, new in zip(case.applicants, scrubbed.applicants, strict=True)
    ]
    named_representatives = [
        attrs.evolve(new, name=initials(old.name) or old.name) if _private(old) else new
        for old, new in zip(case.representatives, scrubbed.representatives, strict=True)
    ]
    return attrs.evolve(
        scrubbed, applicants=named_applicants, representatives=named_representatives
    )
