"""The case: the aggregate of parties, complaints and proceedings."""

from __future__ import annotations

import functools
import re
from datetime import date

import attrs

from litigate import _display_hooks
from litigate.errors import UnknownStateError, ValidationError
from litigate.model._checks import (
    a_date,
    member_of,
    optional_instance,
    text,
    to_enum,
    to_tuple,
    tuple_of,
)
from litigate.model.complaints import Complaint
from litigate.model.countries import country
from litigate.model.filings import FollowUp, InterimMeasures, Judgment, JustSatisfaction
from litigate.model.forums import Forum
from litigate.model.parties import Applicant, Representative
from litigate.model.proceedings import (
    Document,
    DomesticDecision,
    OtherProcedure,
    RegistryTimeLimit,
)
from litigate.model.provisions import provision

__all__ = ["Case"]

_LANGUAGE = re.compile(r"[a-z]{2}")


def _respondents(value: object) -> object:
    if isinstance(value, str):
        return (value,)
    return to_tuple(value)


def _decision_key(decision: DomesticDecision) -> tuple[date, int, str]:
    first = decision.taken_on or (decision.dates[0] if decision.dates else date.max)
    rank = decision.level.rank
    return (first, 99 if rank is None else rank, decision.court)


def _to_forum(value: object) -> object:
    return to_enum(Forum, value)


@attrs.frozen(kw_only=True)
class Case:
    """A case before the European Court or a UN treaty body.

    Attributes:
        forum: Where the case is (or will be) lodged: ``"ecthr"``, ``"hrc"``, ``"cat"``…
        respondent: The respondent State(s) as ISO 3166-1 alpha-3 codes; several
            are allowed before the European Court only.
        applicants: The applicants (authors, before the UN committees).
        representatives: Their representatives.
        complaints: The alleged violations, one provision each.
        proceedings: The domestic decisions, in any order; the case keeps them
            sorted by date (then level).
        other_procedures: Other international procedures on the same facts.
        documents: Documents accompanying the application (section I of the form).
        registry_time_limits: Time limits set by the Registry's letters after
            lodging (observations in reply, just satisfaction), recorded, never guessed.
        facts: The statement of facts (section E of the form).
        title: The case title ("Aliyev v. Azerbaijan").
        application_no: The application or communication number once known.
        lodged_on: The date of introduction (postmark of the complete application).
        language: The language of the case file and drafts (``"en"``, ``"fr"``…).
        just_satisfaction: The Article 41 claims, once made.
        interim_measures: A request for interim measures (Rule 39), if one is made.
        judgment: The Court's judgment and its execution, once delivered.
        follow_up: Follow-up to a committee's concluding observations or Views.

    Examples:
        >>> case = Case(
        ...     forum="ecthr",
        ...     respondent="AZE",
        ...     applicants=[Applicant.person(name="Rauf Aliyev")],
        ...     complaints=[Complaint(provision="ECHR-5-1")],
        ... )
        >>> case.respondent, case.forum.value
        (('AZE',), 'ecthr')
        >>> Case(forum="hrc", respondent="AZE", complaints=[Complaint(provision="ECHR-3")])
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: provision ECHR-3 (...) cannot be invoked before hrc ...
    """

    forum: Forum = attrs.field(converter=_to_forum, validator=member_of(Forum))
    respondent: tuple[str, ...] = attrs.field(
        converter=_respondents, validator=tuple_of(str, "an ISO 3166-1 alpha-3 code")
    )
    applicants: tuple[Applicant, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Applicant, "an Applicant")
    )
    representatives: tuple[Representative, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Representative, "a Representative")
    )
    complaints: tuple[Complaint, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Complaint, "a Complaint")
    )
    proceedings: tuple[DomesticDecision, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(DomesticDecision, "a DomesticDecision")
    )
    other_procedures: tuple[OtherProcedure, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(OtherProcedure, "an OtherProcedure")
    )
    documents: tuple[Document, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(Document, "a Document")
    )
    registry_time_limits: tuple[RegistryTimeLimit, ...] = attrs.field(
        default=(),
        converter=to_tuple,
        validator=tuple_of(RegistryTimeLimit, "a RegistryTimeLimit"),
    )
    facts: str | None = attrs.field(default=None, validator=text(max_length=200_000))
    title: str | None = attrs.field(default=None, validator=text(max_length=1000))
    application_no: str | None = attrs.field(default=None, validator=text(max_length=200))
    lodged_on: date | None = attrs.field(default=None, validator=a_date())
    language: str = attrs.field(default="en")
    just_satisfaction: JustSatisfaction | None = attrs.field(
        default=None, validator=optional_instance(JustSatisfaction, "a JustSatisfaction")
    )
    interim_measures: InterimMeasures | None = attrs.field(
        default=None, validator=optional_instance(InterimMeasures, "an InterimMeasures")
    )
    judgment: Judgment | None = attrs.field(
        default=None, validator=optional_instance(Judgment, "a Judgment")
    )
    follow_up: FollowUp | None = attrs.field(
        default=None, validator=optional_instance(FollowUp, "a FollowUp")
    )

    @language.validator
    def _check_language(self, _attribute: object, value: object) -> None:
        if not isinstance(value, str) or not _LANGUAGE.fullmatch(value):
            raise ValidationError(
                f"must be a two-letter ISO 639-1 language code like 'en' or 'fr' (got {value!r})",
                field="language",
                value=value,
            )

    def __attrs_post_init__(self) -> None:
        self._check_respondents()
        self._check_complaints()
        self._check_proceedings()
        # Sorted after validation so that error paths name the input positions.
        object.__setattr__(self, "proceedings", tuple(sorted(self.proceedings, key=_decision_key)))

    def _check_respondents(self) -> None:
        if not self.respondent:
            msg = "at least one respondent State is required (got [])"
            raise ValidationError(msg, field="respondent", value=())
        for i, code in enumerate(self.respondent):
            try:
                country(code)
            except UnknownStateError as exc:
                raise ValidationError(str(exc), field=f"respondent[{i}]", value=code) from exc
        if len(set(self.respondent)) != len(self.respondent):
            raise ValidationError(
                f"a respondent State is listed twice (got {list(self.respondent)!r})",
                field="respondent",
                value=self.respondent,
            )
        if self.forum is not Forum.ECTHR and len(self.respondent) > 1:
            raise ValidationError(
                f"a communication to the {self.forum.value.upper()} concerns one State party "
                f"(got {list(self.respondent)!r})",
                field="respondent",
                value=self.respondent,
            )

    def _cited_provisions(self) -> list[tuple[str, str]]:
        cited: list[tuple[str, str]] = []
        for i, complaint in enumerate(self.complaints):
            cited.append((f"complaints[{i}].provision", complaint.provision))
            cited += [
                (f"complaints[{i}].in_conjunction_with[{j}]", p)
                for j, p in enumerate(complaint.in_conjunction_with)
            ]
        if self.interim_measures is not None:
            cited += [
                (f"interim_measures.provisions[{j}]", p)
                for j, p in enumerate(self.interim_measures.provisions)
            ]
        if self.judgment is not None:
            for name in ("violations", "no_violations"):
                cited += [
                    (f"judgment.{name}[{j}]", p)
                    for j, p in enumerate(getattr(self.judgment, name))
                ]
        return cited

    def _check_complaints(self) -> None:
        ids = {d.id for d in self.proceedings if d.id is not None}
        for field, pid in self._cited_provisions():
            instrument = provision(pid).instrument
            if self.forum not in instrument.forums:
                forums = ", ".join(f.value for f in instrument.forums)
                raise ValidationError(
                    f"provision {pid} ({instrument.name_en}) cannot be invoked before "
                    f"{self.forum.value} (only before {forums})",
                    field=field,
                    value=pid,
                )
        for i, complaint in enumerate(self.complaints):
            for j, ref in enumerate(complaint.exhausted_by):
                if ref not in ids:
                    known = ", ".join(sorted(ids)) or "none: give the decisions an id"
                    raise ValidationError(
                        f"no decision with id {ref!r} in proceedings (known ids: {known})",
                        field=f"complaints[{i}].exhausted_by[{j}]",
                        value=ref,
                    )

    def _check_proceedings(self) -> None:
        by_id: dict[str, DomesticDecision] = {}
        for i, decision in enumerate(self.proceedings):
            if decision.id is None:
                continue
            if decision.id in by_id:
                raise ValidationError(
                    f"two decisions have the id {decision.id!r}",
                    field=f"proceedings[{i}].id",
                    value=decision.id,
                )
            by_id[decision.id] = decision
        for i, decision in enumerate(self.proceedings):
            if decision.reviews is None:
                continue
            reviewed = by_id.get(decision.reviews)
            if reviewed is None:
                raise ValidationError(
                    f"no decision with id {decision.reviews!r} to review",
                    field=f"proceedings[{i}].reviews",
                    value=decision.reviews,
                )
            if reviewed is decision:
                raise ValidationError(
                    f"a decision cannot review itself (got {decision.reviews!r})",
                    field=f"proceedings[{i}].reviews",
                    value=decision.reviews,
                )
            if decision.taken_on and reviewed.taken_on and decision.taken_on < reviewed.taken_on:
                raise ValidationError(
                    f"the decision of {decision.court} ({decision.taken_on.isoformat()}) "
                    f"cannot review the later decision {reviewed.label!r} "
                    f"({reviewed.taken_on.isoformat()})",
                    field=f"proceedings[{i}].taken_on",
                    value=decision.taken_on,
                )
            mine, theirs = decision.level.rank, reviewed.level.rank
            if mine is not None and theirs is not None and mine < theirs:
                raise ValidationError(
                    f"a {decision.level.value} decision cannot review a "
                    f"{reviewed.level.value} decision ({reviewed.label!r})",
                    field=f"proceedings[{i}].reviews",
                    value=decision.reviews,
                )

    def __repr__(self) -> str:
        # Short whatever the size of the case, and without names, facts or the title
        # (personal data must not reach logs); the fields themselves hold the details.
        return (
            f"Case(forum={self.forum.value!r}, respondent={self.respondent!r}, "
            f"applicants={len(self.applicants)}, complaints={len(self.complaints)}, "
            f"proceedings={len(self.proceedings)}, lodged_on={self.lodged_on!r})"
        )

    def _repr_html_(self) -> str | None:
        """The case as HTML for Jupyter (``None`` until :mod:`litigate.display` is imported)."""
        return _display_hooks.html(self)

    @functools.cached_property
    def _decision_index(self) -> dict[str, int]:
        return {d.id: i for i, d in enumerate(self.proceedings) if d.id is not None}

    def decisions_for(self, complaint: Complaint) -> tuple[DomesticDecision, ...]:
        """The decisions that exhausted ``complaint`` (all of them by default), sorted."""
        if not complaint.exhausted_by:
            return self.proceedings
        index = self._decision_index
        if len(complaint.exhausted_by) == 1:
            position = index.get(complaint.exhausted_by[0])
            return () if position is None else (self.proceedings[position],)
        positions = sorted({index[i] for i in complaint.exhausted_by if i in index})
        return tuple(self.proceedings[i] for i in positions)
