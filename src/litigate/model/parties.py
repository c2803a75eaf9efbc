"""Applicants and their representatives."""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Any, Self

import attrs

from litigate.errors import ValidationError
from litigate.model._checks import (
    a_bool,
    a_date,
    member_of,
    text,
    to_enum,
)

__all__ = ["Applicant", "ApplicantKind", "Capacity", "Representative", "Sex"]


class ApplicantKind(StrEnum):
    """Who the applicant is (Article 34 of the Convention: person, NGO or group)."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GROUP = "group"
    """A group of individuals acting together without legal personality."""


class Sex(StrEnum):
    """The applicant's sex as stated on the application form."""

    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class Capacity(StrEnum):
    """In what capacity a representative acts."""

    LAWYER = "lawyer"
    NGO = "ngo"
    RELATIVE = "relative"
    OTHER = "other"


_PERSON_ONLY = (
    "date_of_birth",
    "place_of_birth",
    "nationality",
    "sex",
    "occupation",
    "detained_at",
)
_ORGANISATION_ONLY = ("registration_no", "registered_on")


def _to_applicant_kind(value: object) -> object:
    return to_enum(ApplicantKind, value)


def _to_capacity(value: object) -> object:
    return to_enum(Capacity, value)


def _to_sex(value: object) -> object:
    return to_enum(Sex, value)


@attrs.frozen(kw_only=True)
class Applicant:
    """An applicant (ECtHR) or author (UN): a person, an organisation or a group.

    Only ``name`` is required: a lawyer can start from a name and complete the
    particulars later; :func:`litigate.check` reports what is still missing.
    Use the constructors :meth:`person`, :meth:`organisation` and :meth:`group`.

    Attributes:
        kind: Person, organisation or group.
        name: Full name (surname and first names for a person, official name otherwise).
        date_of_birth: A person's date of birth.
        place_of_birth: A person's place of birth.
        nationality: A person's nationality as ISO 3166-1 alpha-3 codes or text.
        sex: A person's sex.
        occupation: A person's occupation (journalist, lawyer…).
        address: Postal address.
        email: E-mail address.
        phone: Telephone number.
        id_number: Identity document or personal number; removed from anonymised drafts.
        detained_at: Where a person is detained, if detained.
        registration_no: An organisation's registration number.
        registered_on: An organisation's date of registration.
        anonymity_requested: Whether the applicant asks for anonymity (Rule 47 § 4).
        anonymity_reasons: The reasons for the request; required for a complete application.

    Examples:
        >>> a = Applicant.person(name="Rauf Aliyev", date_of_birth=date(1984, 3, 2))
        >>> a.kind.value, a.is_person
        ('person', True)
        >>> Applicant.organisation(name="Free Press Union", date_of_birth=date(2000, 1, 1))
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: an organisation has no date_of_birth (got ...)
    """

    kind: ApplicantKind = attrs.field(
        default=ApplicantKind.PERSON,
        converter=_to_applicant_kind,
        validator=member_of(ApplicantKind),
    )
    name: str = attrs.field(validator=text(required=True, max_length=500))
    date_of_birth: date | None = attrs.field(default=None, validator=a_date())
    place_of_birth: str | None = attrs.field(default=None, validator=text(max_length=500))
    nationality: str | None = attrs.field(default=None, validator=text(max_length=200))
    sex: Sex | None = attrs.field(
        default=None,
        converter=_to_sex,
        validator=member_of(Sex, optional=True),
    )
    occupation: str | None = attrs.field(default=None, validator=text(max_length=500))
    address: str | None = attrs.field(default=None, validator=text(max_length=2000))
    email: str | None = attrs.field(default=None, validator=text(max_length=320))
    phone: str | None = attrs.field(default=None, validator=text(max_length=100))
    id_number: str | None = attrs.field(default=None, validator=text(max_length=100))
    detained_at: str | None = attrs.field(default=None, validator=text(max_length=1000))
    registration_no: str | None = attrs.field(default=None, validator=text(max_length=200))
    registered_on: date | None = attrs.field(default=None, validator=a_date())
    anonymity_requested: bool = attrs.field(default=False, validator=a_bool)
    anonymity_reasons: str | None = attrs.field(default=None, validator=text(max_length=20_000))

    def __repr__(self) -> str:
        # Personal data (names, addresses, dates of birth) must not reach logs or
        # tracebacks through a repr; the fields themselves hold the details.
        return f"Applicant(kind={self.kind.value!r}, <personal data not shown>)"

    def __attrs_post_init__(self) -> None:
        if self.kind is not ApplicantKind.PERSON:
            for name in _PERSON_ONLY:
                value = getattr(self, name)
                if value is not None:
                    raise ValidationError(
                        f"an {self.kind.value} has no {name} (got {value!r})"
                        if self.kind is ApplicantKind.ORGANISATION
                        else f"a {self.kind.value} has no {name} (got {value!r})",
                        field=name,
                        value=value,
                    )
        else:
            for name in _ORGANISATION_ONLY:
                value = getattr(self, name)
                if value is not None:
                    raise ValidationError(
                        f"a person has no {name} (got {value!r})", field=name, value=value
                    )
        if self.email is not None and "@" not in self.email:
            raise ValidationError(
                f"not an e-mail address (got {self.email!r})", field="email", value=self.email
            )
        if self.anonymity_reasons is not None and not self.anonymity_requested:
            raise ValidationError(
                "anonymity_reasons given but anonymity_requested is false "
                f"(got {self.anonymity_reasons[:40]!r})",
                field="anonymity_reasons",
                value=self.anonymity_reasons,
            )

    @property
    def is_person(self) -> bool:
        """Whether the applicant is a natural person."""
        return self.kind is ApplicantKind.PERSON

    @classmethod
    def person(cls, *, name: str, **particulars: Any) -> Self:
        """Make a natural person applicant.

        Args:
            name: Full name.
            **particulars: Any other attribute (``date_of_birth``, ``nationality``,
                ``sex``, ``address``, ``detained_at``…).
        """
        return cls(kind=ApplicantKind.PERSON, name=name, **particulars)

    @classmethod
    def organisation(cls, *, name: str, **particulars: Any) -> Self:
        """Make an organisation applicant (``registration_no``, ``registered_on``…)."""
        return cls(kind=ApplicantKind.ORGANISATION, name=name, **particulars)

    @classmethod
    def group(cls, *, name: str, **particulars: Any) -> Self:
        """Make a group-of-individuals applicant (``address``, ``email``…)."""
        return cls(kind=ApplicantKind.GROUP, name=name, **particulars)


@attrs.frozen(kw_only=True)
class Representative:
    """A representative of the applicant(s): a lawyer, an NGO, a relative.

    Attributes:
        name: Full name.
        capacity: Lawyer, NGO, relative or other.
        organisation: The firm or NGO the representative belongs to.
        bar_no: Bar or licence number.
        address: Postal address.
        email: E-mail address.
        phone: Telephone number.
        authority_signed_on: When the authority form was signed (Rule 45 § 3, Rule 47 § 1 (c)).

    Examples:
        >>> Representative(name="Leyla Hasanova", capacity="lawyer").capacity.value
        'lawyer'
        >>> Representative(name="Leyla Hasanova", capacity="notary")
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: must be one of 'lawyer', ... (got 'notary')
    """

    name: str = attrs.field(validator=text(required=True, max_length=500))
    capacity: Capacity = attrs.field(
        default=Capacity.LAWYER,
        converter=_to_capacity,
        validator=member_of(Capacity),
    )
    organisation: str | None = attrs.field(default=None, validator=text(max_length=500))
    bar_no: str | None = attrs.field(default=None, validator=text(max_length=100))
    address: str | None = attrs.field(default=None, validator=text(max_length=2000))
    email: str | None = attrs.field(default=None, validator=text(max_length=320))
    phone: str | None = attrs.field(default=None, validator=text(max_length=100))
    authority_signed_on: date | None = attrs.field(default=None, validator=a_date())

    def __repr__(self) -> str:
        # As for Applicant: no personal data in reprs.
        return f"Representative(capacity={self.capacity.value!r}, <personal data not shown>)"

    def __attrs_post_init__(self) -> None:
        if self.email is not None and "@" not in self.email:
            raise ValidationError(
                f"not an e-mail address (got {self.email!r})", field="email", value=self.email
            )
