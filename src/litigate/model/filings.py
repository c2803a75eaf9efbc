"""What later filings need beyond the application: claims, urgency, the judgment, follow-up.

* :class:`JustSatisfaction` — the Article 41 claims (pecuniary, non-pecuniary, costs
  and expenses with hours × rate per lawyer), rendered by ``ecthr/just-satisfaction``
  and embeddable in the reply.
* :class:`InterimMeasures` — a Rule 39 request (``ecthr/rule39-request``).
* :class:`Judgment` and :class:`Execution` — the judgment delivered and its
  execution (``ecthr/referral-request``, ``cm/rule9-submission``).
* :class:`FollowUp` and :class:`Recommendation` — NGO information on follow-up to
  concluding observations or Views (``un/follow-up-submission``).

Amounts are :class:`decimal.Decimal` (never floats): ``"1234.50"``, ``1234`` and
``Decimal("1234.5")`` are accepted; a float is refused, since ``0.1 + 0.2`` is not
what a lawyer claimed.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

import attrs

from litigate.errors import ValidationError
from litigate.model._checks import (
    CURRENCY as _CURRENCY,
)
from litigate.model._checks import (
    a_date,
    fail,
    member_of,
    to_amount,
    to_enum,
    to_tuple,
    tuple_of,
)
from litigate.model._checks import amount as _amount
from litigate.model._checks import text as a_text
from litigate.model.complaints import _canonical_provision
from litigate.model.proceedings import Document

__all__ = [
    "Claim",
    "ClaimKind",
    "CmDecision",
    "Execution",
    "FeeItem",
    "FollowUp",
    "Formation",
    "InterimMeasures",
    "Judgment",
    "JustSatisfaction",
    "Recommendation",
    "Supervision",
]

_TIME = re.compile(r"([01]\d|2[0-3]):[0-5]\d")


def _provisions(value: object) -> object:
    if isinstance(value, (list, tuple)):
        return tuple(_canonical_provision(v) for v in value)
    return value


class ClaimKind(StrEnum):
    """The heads of an Article 41 claim, in the order the Court examines them."""

    PECUNIARY = "pecuniary"
    NON_PECUNIARY = "non_pecuniary"
    COSTS = "costs"
    """Costs and expenses (domestic proceedings and before the Court)."""


def _to_claim_kind(value: object) -> object:
    return to_enum(ClaimKind, value)


@attrs.frozen(kw_only=True)
class FeeItem:
    """A lawyer's work claimed as costs: hours × hourly rate.

    Attributes:
        lawyer: Who did the work.
        hours: Hours worked (``"12.5"``).
        rate: Hourly rate in the claim's currency.
        description: What the work was ("drafting the observations in reply").

    Examples:
        >>> FeeItem(lawyer="Leyla Hasanova", hours="32", rate="150").amount
        Decimal('4800')
    """

    lawyer: str = attrs.field(validator=a_text(required=True, max_length=500))
    hours: Decimal = attrs.field(converter=to_amount, validator=_amount(required=True))
    rate: Decimal = attrs.field(converter=to_amount, validator=_amount(required=True))
    description: str | None = attrs.field(default=None, validator=a_text(max_length=5000))

    @property
    def amount(self) -> Decimal:
        """``hours × rate``."""
        return self.hours * self.rate


@attrs.frozen(kw_only=True)
class Claim:
    """One item of an Article 41 claim.

    Attributes:
        kind: ``"pecuniary"``, ``"non_pecuniary"`` or ``"costs"``.
        description: What is claimed and why ("loss of salary during detention").
        amount: The amount claimed (for costs: the expenses besides the lawyers' fees).
        fees: Lawyers' work as hours × rate (costs only).
        documents: The supporting documents (contracts, invoices, time sheets).

    Examples:
        >>> Claim(kind="costs", description="Proceedings before the Court",
        ...       fees=[FeeItem(lawyer="L. Hasanova", hours=10, rate=100)],
        ...       amount="250").total
        Decimal('1250')
        >>> Claim(kind="pecuniary", description="Lost salary")
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: a claim needs an amount or, for costs, fees ...
    """

    kind: ClaimKind = attrs.field(converter=_to_claim_kind, validator=member_of(ClaimKind))
    description: str = attrs.field(validator=a_text(required=True, max_length=20_000))
    amount: Decimal | None = attrs.field(
        default=None, converter=to_amount, validator=_amount(required=False)
    )
    fees: tuple[FeeItem, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(FeeItem, "a FeeItem")
    )
    documents: tuple[Document, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Document, "a Document")
    )

    def __attrs_post_init__(self) -> None:
        if self.fees and self.kind is not ClaimKind.COSTS:
            raise ValidationError(
                f"hours × rate belong to a costs claim (got a {self.kind.value} claim with fees)",
                field="fees",
                value=self.fees,
            )
        if self.amount is None and not self.fees:
            msg = "a claim needs an amount or, for costs, fees (hours × rate) (got neither)"
            raise ValidationError(
                msg,
                field="amount",
                value=None,
            )

    @property
    def total(self) -> Decimal:
        """The amount plus the fees."""
        return (self.amount or Decimal(0)) + sum((f.amount for f in self.fees), Decimal(0))


@attrs.frozen(kw_only=True)
class JustSatisfaction:
    """The applicant's claims for just satisfaction under Article 41 (Rule 60).

    Attributes:
        currency: The ISO 4217 currency of every amount (the Court awards in euros).
        claims: The claims, in any order; drafts group them by kind.
        bank_account: Where the applicant asks the award for costs to be paid
            (e.g. the representative's account), if said.
        notes: Anything the lawyer wants said after the claims.

    Examples:
        >>> js = JustSatisfaction(claims=[
        ...     Claim(kind="non_pecuniary", description="Distress", amount=15000),
        ...     Claim(kind="costs", description="Legal fees",
        ...           fees=[FeeItem(lawyer="A", hours="20", rate="120")]),
        ... ])
        >>> js.total_for("costs"), js.total
        (Decimal('2400'), Decimal('17400'))
    """

    currency: str = attrs.field(default="EUR")
    claims: tuple[Claim, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Claim, "a Claim")
    )
    bank_account: str | None = attrs.field(default=None, validator=a_text(max_length=2000))
    notes: str | None = attrs.field(default=None, validator=a_text(max_length=20_000))

    @currency.validator
    def _check_currency(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or not _CURRENCY.fullmatch(value):
            fail(attribute, value, "must be an ISO 4217 currency code such as 'EUR'")

    def total_for(self, kind: ClaimKind | str) -> Decimal:
        """The total claimed under one head."""
        wanted = ClaimKind(kind)
        return sum((c.total for c in self.claims if c.kind is wanted), Decimal(0))

    @property
    def total(self) -> Decimal:
        """The total of every claim."""
        return sum((c.total for c in self.claims), Decimal(0))


@attrs.frozen(kw_only=True)
class InterimMeasures:
    """A request for interim measures under Rule 39 of the Rules of Court.

    Attributes:
        risk: The imminent risk of irreparable harm, concretely (who, what, where).
        measure: What the Court is asked to indicate to the Government
            ("not to extradite the applicant to …", "to transfer him to a hospital").
        imminent_on: The date of the removal or harm, when known.
        imminent_at: Its local time, ``"HH:MM"``, when known.
        place: Where it will happen (airport, prison).
        provisions: The Convention provisions at stake (``"ECHR-3"``, ``"ECHR-2"``).
        domestic_steps: The domestic remedies used and whether they suspend the measure.
        documents: The documents sent with the request.
        contact: How the representative can be reached urgently (telephone).

    Examples:
        >>> InterimMeasures(risk="Transfer to a prison without medical care",
        ...                 measure="Ensure adequate medical treatment",
        ...                 imminent_at="25:00")
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: imminent_at must be a time "HH:MM" ...
    """

    risk: str = attrs.field(validator=a_text(required=True, max_length=50_000))
    measure: str = attrs.field(validator=a_text(required=True, max_length=5000))
    imminent_on: date | None = attrs.field(default=None, validator=a_date())
    imminent_at: str | None = attrs.field(default=None)
    place: str | None = attrs.field(default=None, validator=a_text(max_length=1000))
    provisions: tuple[str, ...] = attrs.field(
        default=(), converter=_provisions, validator=tuple_of(str, "a provision id")
    )
    domestic_steps: str | None = attrs.field(default=None, validator=a_text(max_length=50_000))
    documents: tuple[Document, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Document, "a Document")
    )
    contact: str | None = attrs.field(default=None, validator=a_text(max_length=500))

    @imminent_at.validator
    def _check_time(self, _attribute: object, value: object) -> None:
        if value is not None and (not isinstance(value, str) or not _TIME.fullmatch(value)):
            raise ValidationError(
                f'imminent_at must be a time "HH:MM" on the 24-hour clock (got {value!r})',
                field="imminent_at",
                value=value,
            )


class Formation(StrEnum):
    """The formation that delivered an ECtHR judgment."""

    CHAMBER = "chamber"
    COMMITTEE = "committee"
    GRAND_CHAMBER = "grand_chamber"


class Supervision(StrEnum):
    """The Committee of Ministers' supervision track."""

    STANDARD = "standard"
    ENHANCED = "enhanced"


def _to_formation(value: object) -> object:
    return to_enum(Formation, value)


def _to_supervision(value: object) -> object:
    return to_enum(Supervision, value)


@attrs.frozen(kw_only=True)
class CmDecision:
    """A decision or resolution of the Committee of Ministers on the execution of a judgment.

    Attributes:
        symbol: Its symbol (``"CM/ResDH(2017)379"``, ``"CM/Del/Dec(2019)1348/H46-1"``).
        adopted_on: The date it was adopted.
        kind: ``"decision"``, ``"interim_resolution"``, ``"final_resolution"`` or
            ``"article_46_4"`` (formal notice or referral to the Court under Article 46 § 4).
        due_on: When the decision invites the authorities to report, if it sets a date.
        summary: What it says, in a line.

    Examples:
        >>> CmDecision(symbol="CM/ResDH(2017)379", adopted_on=date(2017, 10, 25),
        ...            kind="article_46_4").kind
        'article_46_4'
    """

    symbol: str = attrs.field(validator=a_text(required=True, max_length=200))
    adopted_on: date = attrs.field(validator=a_date(required=True))
    kind: str = attrs.field(default="decision")
    due_on: date | None = attrs.field(default=None, validator=a_date())
    summary: str | None = attrs.field(default=None, validator=a_text(max_length=5000))

    @kind.validator
    def _check_kind(self, _attribute: object, value: object) -> None:
        kinds = ("decision", "interim_resolution", "final_resolution", "article_46_4")
        if value not in kinds:
            raise ValidationError(
                f"kind must be one of {', '.join(kinds)} (got {value!r})",
                field="kind",
                value=value,
            )


@attrs.frozen(kw_only=True)
class Execution:
    """Where the execution of a judgment stands (Committee of Ministers, Rule 9).

    Attributes:
        supervision: ``"standard"`` or ``"enhanced"``.
        group: The group of cases the judgment is examined with ("Mammadli group").
        action_plan_on: The date of the Government's latest action plan or report.
        paid_on: The date the just satisfaction was paid, if it was.
        measures_taken: What the authorities have done.
        individual_measures: What remains to be done for the applicant.
        general_measures: What remains to be done to prevent similar violations.
        recommendations: What the submission asks the Committee to do, one per item.
        meetings: The opening days of the DH meetings at which the case is to be
            examined (from the Committee's order of business or decisions).
        decisions: The Committee's decisions and resolutions in the case.
        infringement_judgment_on: The date of the Grand Chamber's judgment under
            Article 46 § 4, if the Committee referred the case.
    """

    supervision: Supervision | None = attrs.field(
        default=None, converter=_to_supervision, validator=member_of(Supervision, optional=True)
    )
    group: str | None = attrs.field(default=None, validator=a_text(max_length=500))
    action_plan_on: date | None = attrs.field(default=None, validator=a_date())
    paid_on: date | None = attrs.field(default=None, validator=a_date())
    measures_taken: str | None = attrs.field(default=None, validator=a_text(max_length=50_000))
    individual_measures: str | None = attrs.field(
        default=None, validator=a_text(max_length=50_000)
    )
    general_measures: str | None = attrs.field(default=None, validator=a_text(max_length=50_000))
    recommendations: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(str, "text")
    )
    meetings: tuple[date, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(date, "a date")
    )
    decisions: tuple[CmDecision, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(CmDecision, "a CmDecision")
    )
    infringement_judgment_on: date | None = attrs.field(default=None, validator=a_date())

    @recommendations.validator
    def _check_recommendations(self, _attribute: object, value: tuple[str, ...]) -> None:
        for i, item in enumerate(value):
            check = a_text(required=True, max_length=20_000)
            check(self, f"recommendations[{i}]", item)  # type: ignore[arg-type]


@attrs.frozen(kw_only=True)
class Judgment:
    """The Court's judgment in the case.

    Attributes:
        delivered_on: The date of delivery (the referral period runs from it).
        formation: ``"chamber"``, ``"committee"`` or ``"grand_chamber"``.
        violations: The provisions the Court found violated.
        no_violations: The provisions the Court found not violated.
        final_on: The date it became final (Article 44), when it has.
        referral_requested_on: When a party requested referral to the Grand Chamber
            (Article 43), if one did: the judgment is then not final at three months.
        referral_rejected_on: When the panel of the Grand Chamber rejected that
            request: the judgment became final that day (Article 44 § 2 (c)).
        referral_reasons: Why the case raises a serious question of interpretation or
            a serious issue of general importance (Article 43 § 2), for a referral request.
        execution: Where its execution stands.

    Examples:
        >>> Judgment(delivered_on=date(2026, 3, 5), violations=["ECHR-5-1"]).formation.value
        'chamber'
    """

    delivered_on: date = attrs.field(validator=a_date(required=True))
    formation: Formation = attrs.field(
        default=Formation.CHAMBER, converter=_to_formation, validator=member_of(Formation)
    )
    violations: tuple[str, ...] = attrs.field(
        default=(), converter=_provisions, validator=tuple_of(str, "a provision id")
    )
    no_violations: tuple[str, ...] = attrs.field(
        default=(), converter=_provisions, validator=tuple_of(str, "a provision id")
    )
    final_on: date | None = attrs.field(default=None, validator=a_date())
    referral_requested_on: date | None = attrs.field(default=None, validator=a_date())
    referral_rejected_on: date | None = attrs.field(default=None, validator=a_date())
    referral_reasons: str | None = attrs.field(default=None, validator=a_text(max_length=50_000))
    execution: Execution | None = attrs.field(default=None)

    @execution.validator
    def _check_execution(self, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, Execution):
            fail(attribute, value, "must be an Execution")

    def __attrs_post_init__(self) -> None:
        earlier = self.delivered_on
        for name in ("referral_requested_on", "referral_rejected_on", "final_on"):
            value = getattr(self, name)
            if value is not None and value < self.delivered_on:
                raise ValidationError(
                    f"{name} ({value.isoformat()}) cannot be before delivered_on "
                    f"({self.delivered_on.isoformat()})",
                    field=name,
                    value=value,
                )
        if self.referral_rejected_on is not None:
            earlier = self.referral_requested_on or earlier
            if self.referral_rejected_on < earlier:
                raise ValidationError(
                    f"referral_rejected_on ({self.referral_rejected_on.isoformat()}) cannot be "
                    f"before referral_requested_on ({earlier.isoformat()})",
                    field="referral_rejected_on",
                    value=self.referral_rejected_on,
                )


@attrs.frozen(kw_only=True)
class Recommendation:
    """One recommendation followed up (concluding observations or Views).

    Attributes:
        paragraph: Its paragraph in the committee's document ("13 (b)").
        text: The recommendation, as the committee wrote it (or a faithful summary).
        due_on: When the State's follow-up information was due.
        state_reply: What the State said it did.
        state_reply_on: The date of the State's reply.
        grade: The committee's assessment grade, if it graded the reply ("B2", "C").
        assessment: The NGO's own assessment and evidence.
    """

    paragraph: str = attrs.field(validator=a_text(required=True, max_length=100))
    text: str = attrs.field(validator=a_text(required=True, max_length=20_000))
    due_on: date | None = attrs.field(default=None, validator=a_date())
    state_reply: str | None = attrs.field(default=None, validator=a_text(max_length=50_000))
    state_reply_on: date | None = attrs.field(default=None, validator=a_date())
    grade: str | None = attrs.field(default=None, validator=a_text(max_length=10))
    assessment: str | None = attrs.field(default=None, validator=a_text(max_length=50_000))


@attrs.frozen(kw_only=True)
class FollowUp:
    """Follow-up to a committee's concluding observations or Views.

    Attributes:
        document: The symbol of the concluding observations or Views (``CAT/C/AZE/CO/5``).
        adopted_on: The date they were adopted.
        recommendations: The recommendations selected for follow-up, in order.
    """

    document: str | None = attrs.field(default=None, validator=a_text(max_length=200))
    adopted_on: date | None = attrs.field(default=None, validator=a_date())
    recommendations: tuple[Recommendation, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Recommendation, "a Recommendation")
    )
