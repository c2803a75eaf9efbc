"""Complaints: one alleged violation of one provision."""

from __future__ import annotations

from datetime import date

import attrs

from litigate.errors import ValidationError
from litigate.model._checks import a_bool, a_date, text, to_tuple, tuple_of
from litigate.model.provisions import Provision, provision

__all__ = ["Complaint"]


def _canonical_provision(value: object) -> object:
    """Resolve and normalise a provision id; unknown ids raise with suggestions."""
    return provision(value).id


def _canonical_provisions(value: object) -> object:
    value = to_tuple(value)
    if isinstance(value, tuple):
        return tuple(_canonical_provision(v) for v in value)
    return value


@attrs.frozen(kw_only=True)
class Complaint:
    """One alleged violation of one provision, with its own time limit.

    Attributes:
        provision: The provision id, resolved against the article catalogue
            (``"ECHR-5-1"``, ``"ECHR-6-3-c"``, ``"ICCPR-14-1"``, ``"CAT-16"``).
        label: A short name that tells complaints on the same provision apart
            ("procedural limb", "detention from 3 May 2025").
        summary: What is complained of, in one or two sentences.
        events_from: When the facts complained of began.
        continuing: Whether the complaint concerns a continuing situation
            (e.g. ongoing detention, a travel ban still in force).
        situation_ended_on: When a continuing situation ended.
        exhausted_by: The ids of the case's decisions that exhausted this
            complaint; empty means every decision of the case applies.
        in_conjunction_with: Provisions invoked together with this one
            (e.g. ``ECHR-13`` with ``ECHR-3``; ``ECHR-14`` needs one).
        no_effective_remedy: The applicant had no effective remedy at all: the
            time limit runs from the act itself.
        disappearance: A disappearance-type situation: the applicant must act
            with reasonable expedition; no fixed date is computed.

    Examples:
        >>> Complaint(provision="echr-5-3", summary="Detention without relevant reasons").provision
        'ECHR-5-3'
        >>> Complaint(provision="ECHR-5-6")
        Traceback (most recent call last):
        ...
        litigate.errors.UnknownProvisionError: unknown provision 'ECHR-5-6' (closest: ...)
    """

    provision: str = attrs.field(converter=_canonical_provision)
    label: str | None = attrs.field(default=None, validator=text(max_length=200))
    summary: str | None = attrs.field(default=None, validator=text(max_length=20_000))
    events_from: date | None = attrs.field(default=None, validator=a_date())
    continuing: bool = attrs.field(default=False, validator=a_bool)
    situation_ended_on: date | None = attrs.field(default=None, validator=a_date())
    exhausted_by: tuple[str, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(str, "a decision id")
    )
    in_conjunction_with: tuple[str, ...] = attrs.field(
        default=(), converter=_canonical_provisions, validator=tuple_of(str, "a provision id")
    )
    no_effective_remedy: bool = attrs.field(default=False, validator=a_bool)
    disappearance: bool = attrs.field(default=False, validator=a_bool)

    def __attrs_post_init__(self) -> None:
        if self.situation_ended_on is not None and not self.continuing:
            raise ValidationError(
                "situation_ended_on is only for a continuing situation; set continuing = true "
                f"(got {self.situation_ended_on.isoformat()!r})",
                field="situation_ended_on",
                value=self.situation_ended_on,
            )
        if (
            self.situation_ended_on is not None
            and self.events_from is not None
            and self.situation_ended_on < self.events_from
        ):
            raise ValidationError(
                f"situation_ended_on ({self.situation_ended_on.isoformat()}) cannot be before "
                f"events_from ({self.events_from.isoformat()})",
                field="situation_ended_on",
                value=self.situation_ended_on,
            )
        if self.provision in self.in_conjunction_with:
            raise ValidationError(
                f"a provision cannot be combined with itself (got {self.provision!r})",
                field="in_conjunction_with",
                value=self.provision,
            )

    @property
    def resolved(self) -> Provision:
        """The provision resolved against the article catalogue."""
        return provision(self.provision)
