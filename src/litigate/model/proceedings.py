"""Domestic decisions (exhaustion of remedies), other international procedures, documents."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from litigate.errors import ValidationError
from litigate.model._checks import (
    CURRENCY,
    a_date,
    amount,
    fail,
    member_of,
    optional_instance,
    text,
    to_amount,
    to_enum,
    to_tuple,
    tuple_of,
)
from litigate.model.complaints import _canonical_provisions

__all__ = [
    "Document",
    "DomesticDecision",
    "Level",
    "OtherProcedure",
    "ProcedureStatus",
    "Redress",
    "RegistryTimeLimit",
    "Remedy",
]


class Level(StrEnum):
    """The level of the authority that decided.

    Levels are ranked (investigation < first instance < appeal < cassation <
    constitutional), which lets the model refuse a decision that reviews a
    decision of a higher level.
    """

    INVESTIGATION = "investigation"
    """A prosecutor's or investigator's decision (e.g. refusal to open criminal proceedings)."""
    FIRST_INSTANCE = "first_instance"
    APPEAL = "appeal"
    CASSATION = "cassation"
    """Cassation or supreme court (in Azerbaijan, the Supreme Court)."""
    CONSTITUTIONAL = "constitutional"
    OTHER = "other"
    """An authority outside the ordinary hierarchy (bar association, ombudsperson…); not ranked."""

    @property
    def rank(self) -> int | None:
        """The level's rank in the hierarchy, or ``None`` for :attr:`OTHER`."""
        return _RANKS.get(self)


_RANKS = {
    Level.INVESTIGATION: 0,
    Level.FIRST_INSTANCE: 1,
    Level.APPEAL: 2,
    Level.CASSATION: 3,
    Level.CONSTITUTIONAL: 4,
}


class Remedy(StrEnum):
    """Whether the remedy that led to the decision counts for exhaustion."""

    ORDINARY = "ordinary"
    """An ordinary, effective remedy: its final decision starts the time limit."""
    EXTRAORDINARY = "extraordinary"
    """Reopening, supervisory review, a discretionary remedy: does not move the start."""
    DOUBTFUL = "doubtful"
    """Effectiveness is disputed: the engine computes both scenarios."""


class ProcedureStatus(StrEnum):
    """Where another international procedure stands."""

    PENDING = "pending"
    CONCLUDED = "concluded"
    WITHDRAWN = "withdrawn"
    INADMISSIBLE = "inadmissible"
    """Declared inadmissible (for the ECtHR, "already examined" in some committees' practice)."""
    STRUCK_OUT = "struck_out"


def _to_level(value: object) -> object:
    return to_enum(Level, value)


def _to_procedure_status(value: object) -> object:
    return to_enum(ProcedureStatus, value)


def _to_remedy(value: object) -> object:
    return to_enum(Remedy, value)


@attrs.frozen(kw_only=True)
class Document:
    """A document listed in an application (section I of the ECtHR form).

    Attributes:
        title: What the document is ("Judgment of the Baku Court of Appeal").
        date: Its date.
        pages: Number of pages, when known.
        reference: Its reference or file name.
    """

    title: str = attrs.field(validator=text(required=True, max_length=2000))
    date: date | None = attrs.field(default=None, validator=a_date())
    pages: int | None = attrs.field(default=None)
    reference: str | None = attrs.field(default=None, validator=text(max_length=500))

    @pages.validator
    def _check_pages(self, _attribute: object, value: object) -> None:
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or value < 1
        ):
            raise ValidationError(
                f"must be a whole number of pages, at least 1 (got {value!r})",
                field="pages",
                value=value,
            )


@attrs.frozen(kw_only=True)
class Redress:
    """What a domestic decision acknowledged and awarded for the breach complained of.

    It decides whether the applicant is still a victim (Article 34): a decision or
    measure favourable to the applicant deprives them of victim status only if the
    authorities acknowledged the breach, expressly or in substance, *and* afforded
    adequate and sufficient redress (*Scordino v. Italy (no. 1)* [GC], *Gäfgen v.
    Germany* [GC]).  The date of both is the decision's ``taken_on``.

    Attributes:
        acknowledged: What the decision acknowledged, in substance ("the detention from
            14 to 24 February 2023 had no legal basis"); absent when it acknowledged nothing.
        compensation: The compensation awarded, if any (``"1500"``).
        currency: Its ISO 4217 currency (``"AZN"``); required with ``compensation``.
        paid_on: When the compensation was paid, if it was.
        adequate: The lawyer's assessment of whether the redress is adequate and
            sufficient (compared with what the Court awards in similar cases): true, false,
            or absent when not assessed.
        provisions: The complaints it concerns (provision ids); empty means every complaint.

    Examples:
        >>> Redress(acknowledged="the arrest was unlawful", compensation="1500", currency="AZN")
        Redress(acknowledged='the arrest was unlawful', compensation=Decimal('1500'), currency='AZN', paid_on=None, adequate=None, provisions=())
        >>> Redress(compensation=1500)
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: a compensation needs its currency (an ISO 4217 code such as 'EUR') (got None)
    """

    acknowledged: str | None = attrs.field(default=None, validator=text(max_length=5000))
    compensation: Decimal | None = attrs.field(
        default=None, converter=to_amount, validator=amount(required=False)
    )
    currency: str | None = attrs.field(default=None)
    paid_on: date | None = attrs.field(default=None, validator=a_date())
    adequate: bool | None = attrs.field(default=None)
    provisions: tuple[str, ...] = attrs.field(
        default=(), converter=_canonical_provisions, validator=tuple_of(str, "a provision id")
    )

    @currency.validator
    def _check_currency(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and (not isinstance(value, str) or not CURRENCY.fullmatch(value)):
            fail(attribute, value, "must be an ISO 4217 currency code such as 'EUR'")

    @adequate.validator
    def _check_adequate(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, bool):
            fail(attribute, value, "must be true, false or absent")

    def __attrs_post_init__(self) -> None:
        if self.compensation is not None and self.currency is None:
            fail(
                "currency",
                None,
                "a compensation needs its currency (an ISO 4217 code such as 'EUR')",
            )
        if self.paid_on is not None and self.compensation is None:
            fail("paid_on", self.paid_on, "a payment date needs the compensation paid")

    def covers(self, provision: str) -> bool:
        """Whether it concerns the complaint under ``provision`` (every complaint if none is named).

        Examples:
            >>> Redress(acknowledged="x", provisions=["ECHR-5-1"]).covers("ECHR-10")
            False
        """
        return not self.provisions or provision in self.provisions


@attrs.frozen(kw_only=True)
class DomesticDecision:
    """A decision in the chain of domestic proceedings.

    The dates matter for the time limit: the decision is *taken* (adopted),
    *pronounced* in public, *served* on the applicant and on the representative,
    or otherwise *known*.  Validation refuses impossible dates (served before
    taken; a decision reviewing a later one); comparing with today's date is the
    engine's job, through ``as_of``.

    Attributes:
        id: A short id other records refer to (``"appeal"``), unique in the case.
        court: The court or authority, as named in the decision (any language).
        court_en: Its name in English, used by English drafts (``"Supreme Court"``).
        court_fr: Its name in French, used by French drafts (``"Cour suprême"``).
        level: Its level in the hierarchy.
        remedy: Ordinary, extraordinary or doubtful.
        outcome: What it decided ("appeal dismissed").
        taken_on: The date the decision was taken (adopted).
        pronounced_on: The date it was pronounced in public, if it was.
        served_on: The date a copy was served on the applicant.
        served_on_representative: The date a copy was served on the representative.
        known_on: The date the applicant otherwise learned of it.
        service_required: Whether domestic law requires the decision to be
            served (*Worm v. Austria*); ``None`` when not known.
        reviews: The ``id`` of the decision this one reviewed.
        reference: Case number or reference.
        documents: Copies of the decision and related documents.
        redress: What the decision acknowledged and awarded for the breach
            (:class:`Redress`; victim status); ``None`` when it afforded none.

    Examples:
        >>> DomesticDecision(court="Baku Court of Appeal", level="appeal",
        ...                  taken_on=date(2023, 9, 12), served_on=date(2023, 9, 1))
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: served_on (2023-09-01) cannot be before taken_on (...)
    """

    id: str | None = attrs.field(default=None, validator=text(max_length=100))
    court: str = attrs.field(validator=text(required=True, max_length=1000))
    court_en: str | None = attrs.field(default=None, validator=text(max_length=1000))
    court_fr: str | None = attrs.field(default=None, validator=text(max_length=1000))
    level: Level = attrs.field(
        default=Level.OTHER, converter=_to_level, validator=member_of(Level)
    )
    remedy: Remedy = attrs.field(
        default=Remedy.ORDINARY,
        converter=_to_remedy,
        validator=member_of(Remedy),
    )
    outcome: str | None = attrs.field(default=None, validator=text(max_length=5000))
    taken_on: date | None = attrs.field(default=None, validator=a_date())
    pronounced_on: date | None = attrs.field(default=None, validator=a_date())
    served_on: date | None = attrs.field(default=None, validator=a_date())
    served_on_representative: date | None = attrs.field(default=None, validator=a_date())
    known_on: date | None = attrs.field(default=None, validator=a_date())
    service_required: bool | None = attrs.field(default=None)
    reviews: str | None = attrs.field(default=None, validator=text(max_length=100))
    reference: str | None = attrs.field(default=None, validator=text(max_length=500))
    documents: tuple[Document, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Document, "a Document")
    )
    redress: Redress | None = attrs.field(
        default=None, validator=optional_instance(Redress, "a Redress")
    )

    @service_required.validator
    def _check_service_required(self, _attribute: object, value: object) -> None:
        if value is not None and not isinstance(value, bool):
            raise ValidationError(
                f"must be true, false or absent (got {value!r})",
                field="service_required",
                value=value,
            )

    def __attrs_post_init__(self) -> None:
        if self.taken_on is None:
            return
        paid = self.redress.paid_on if self.redress is not None else None
        if paid is not None and paid < self.taken_on:
            raise ValidationError(
                f"redress.paid_on ({paid.isoformat()}) cannot be before taken_on "
                f"({self.taken_on.isoformat()})",
                field="redress.paid_on",
                value=paid,
            )
        for name in ("pronounced_on", "served_on", "served_on_representative", "known_on"):
            value = getattr(self, name)
            if value is not None and value < self.taken_on:
                raise ValidationError(
                    f"{name} ({value.isoformat()}) cannot be before taken_on "
                    f"({self.taken_on.isoformat()})",
                    field=name,
                    value=value,
                )

    @property
    def dates(self) -> tuple[date, ...]:
        """Every date recorded on the decision, earliest first."""
        found = (
            self.taken_on,
            self.pronounced_on,
            self.served_on,
            self.served_on_representative,
            self.known_on,
        )
        return tuple(sorted(d for d in found if d is not None))

    def court_in(self, locale: str) -> str | None:
        """The court's name in ``locale`` (``"en"``, ``"fr"``), or ``None`` if not given.

        Examples:
            >>> DomesticDecision(court="Ali Məhkəmə", court_fr="Cour suprême").court_in("fr")
            'Cour suprême'
        """
        return {"en": self.court_en, "fr": self.court_fr}.get(locale)

    @property
    def label(self) -> str:
        """A short human label: the id, else the court and date."""
        if self.id:
            return self.id
        when = self.taken_on or (self.dates[0] if self.dates else None)
        return f"{self.court}, {when.isoformat()}" if when else self.court


@attrs.frozen(kw_only=True)
class OtherProcedure:
    """Another procedure of international investigation or settlement.

    Attributes:
        body: The forum id (``"ecthr"``, ``"hrc"``…) or the name of another body
            (``"UN Working Group on Arbitrary Detention"``).
        reference: The application or communication number.
        lodged_on: When it was lodged.
        concluded_on: When it was concluded (decision, judgment, Views).
        status: Pending, concluded, withdrawn…
        outcome: What it decided.
        same_facts: Whether it concerns the same facts as this case (``None`` if unknown).
    """

    body: str = attrs.field(validator=text(required=True, max_length=500))
    reference: str | None = attrs.field(default=None, validator=text(max_length=200))
    lodged_on: date | None = attrs.field(default=None, validator=a_date())
    concluded_on: date | None = attrs.field(default=None, validator=a_date())
    status: ProcedureStatus | None = attrs.field(
        default=None,
        converter=_to_procedure_status,
        validator=member_of(ProcedureStatus, optional=True),
    )
    outcome: str | None = attrs.field(default=None, validator=text(max_length=5000))
    same_facts: bool | None = attrs.field(default=None)

    @same_facts.validator
    def _check_same_facts(self, _attribute: object, value: object) -> None:
        if value is not None and not isinstance(value, bool):
            raise ValidationError(
                f"must be true, false or absent (got {value!r})", field="same_facts", value=value
            )

    def __attrs_post_init__(self) -> None:
        if self.lodged_on and self.concluded_on and self.concluded_on < self.lodged_on:
            raise ValidationError(
                f"concluded_on ({self.concluded_on.isoformat()}) cannot be before lodged_on "
                f"({self.lodged_on.isoformat()})",
                field="concluded_on",
                value=self.concluded_on,
            )
        if self.status is ProcedureStatus.PENDING and self.concluded_on is not None:
            raise ValidationError(
                f"a pending procedure has no concluded_on (got {self.concluded_on.isoformat()!r})",
                field="concluded_on",
                value=self.concluded_on,
            )


@attrs.frozen(kw_only=True)
class RegistryTimeLimit:
    """A time limit set by the Registry's letter (reply to observations, just satisfaction…).

    Litigate never guesses these: they are recorded from the letter.

    Attributes:
        what: What is due ("Observations in reply and just-satisfaction claims").
        letter_on: The date of the Registry's letter.
        due_on: The date set in the letter.
        extended_to: A later date granted on an extension request (Rule 38).
        filed_on: When the pleading was sent, once it was.
    """

    what: str = attrs.field(validator=text(required=True, max_length=1000))
    letter_on: date = attrs.field(validator=a_date(required=True))
    due_on: date = attrs.field(validator=a_date(required=True))
    extended_to: date | None = attrs.field(default=None, validator=a_date())
    filed_on: date | None = attrs.field(default=None, validator=a_date())

    def __attrs_post_init__(self) -> None:
        if self.due_on < self.letter_on:
            msg = f"due_on ({self.due_on.isoformat()}) cannot be before letter_on ({self.letter_on.isoformat()})"
            raise ValidationError(msg, field="due_on", value=self.due_on)
        if self.extended_to is not None and self.extended_to <= self.due_on:
            msg = f"extended_to ({self.extended_to.isoformat()}) must be after due_on ({self.due_on.isoformat()})"
            raise ValidationError(msg, field="extended_to", value=self.extended_to)

    @property
    def last_day(self) -> date:
        """The date that counts: the extension if one was granted, else the date set."""
        return self.extended_to or self.due_on
