"""A group application: one base case shared by many applicants, each with their own facts.

The base case carries what the applicants share (forum, respondent, complaints,
representatives, the common facts and documents); each :class:`GroupApplicant`
carries what differs (particulars, domestic decisions, personal facts).
:meth:`GroupApplication.cases` yields one complete :class:`~litigate.Case` per
applicant, built when asked for.

Examples:
    >>> from datetime import date
    >>> from litigate.model import Applicant, Case, Complaint, DomesticDecision
    >>> base = Case(forum="ecthr", respondent="AZE", complaints=[Complaint(provision="ECHR-5-1")],
    ...             facts="The police raided the town on 26 November 2025.")
    >>> member = GroupApplicant(
    ...     applicant_id="A1",
    ...     applicant=Applicant.person(name="Rauf Aliyev"),
    ...     decisions=[DomesticDecision(court="Baku Court of Appeal", level="appeal",
    ...                                 taken_on=date(2025, 12, 10))],
    ...     facts="He was arrested at home.",
    ... )
    >>> group = GroupApplication(base=base, members=[member])
    >>> [case.applicants[0].name for case in group.cases()]
    ['Rauf Aliyev']
    >>> print(group.case_for("A1").facts)
    The police raided the town on 26 November 2025.
    <BLANKLINE>
    He was arrested at home.
"""

from __future__ import annotations

import functools
import tomllib
from collections.abc import Iterator
from datetime import date
from importlib import resources
from typing import Any

import attrs

from litigate.errors import ValidationError
from litigate.model import Applicant, Case, Document, DomesticDecision, Representative
from litigate.model._checks import a_date, text, to_tuple, tuple_of

__all__ = ["GroupApplicant", "GroupApplication", "build_case", "decision_document", "table_rules"]


def decision_document(decision: DomesticDecision) -> Document:
    """The copy of ``decision`` to enclose with the application (Rule 47 § 3.1 (a)).

    Examples:
        >>> from datetime import date
        >>> d = DomesticDecision(court="Baku Court of Appeal", taken_on=date(2025, 12, 10),
        ...                      reference="1(103)-412/2025")
        >>> decision_document(d).title
        'Decision of the Baku Court of Appeal'
    """
    court = decision.court
    title = (
        f"Decision of {court}" if court.lower().startswith("the ") else f"Decision of the {court}"
    )
    return Document(title=title, date=decision.taken_on, reference=decision.reference)


@attrs.frozen(kw_only=True)
class GroupApplicant:
    """One applicant of a group application, with what is particular to them.

    Attributes:
        applicant_id: The firm's id for the applicant, unique in the group (``"A17"``).
        applicant: The applicant's particulars.
        decisions: The domestic decisions in the applicant's own proceedings.
        facts: The applicant's own facts, added after the shared facts.
        surname: The surname, for the table of applicants (else the full name is used).
        first_name: The first name(s), for the table of applicants.
        representative: The name of the base case's representative acting for this
            applicant; ``None`` when every representative of the base case acts.
        lodged_on: The applicant's own date of introduction, if it differs from the group's.
        row: The spreadsheet row the applicant came from, if any.
    """

    applicant_id: str = attrs.field(validator=text(required=True, max_length=100))
    applicant: Applicant = attrs.field(validator=attrs.validators.instance_of(Applicant))
    decisions: tuple[DomesticDecision, ...] = attrs.field(
        default=(), converter=to_tuple, validator=tuple_of(DomesticDecision, "a DomesticDecision")
    )
    facts: str | None = attrs.field(default=None, validator=text(max_length=200_000))
    surname: str | None = attrs.field(default=None, validator=text(max_length=500))
    first_name: str | None = attrs.field(default=None, validator=text(max_length=500))
    representative: str | None = attrs.field(default=None, validator=text(max_length=500))
    lodged_on: date | None = attrs.field(default=None, validator=a_date())
    row: int | None = attrs.field(default=None, eq=False)


def _representatives(base: Case, member: GroupApplicant) -> tuple[Representative, ...]:
    if member.representative is None:
        return base.representatives
    chosen = tuple(r for r in base.representatives if r.name == member.representative)
    if not chosen:
        known = ", ".join(repr(r.name) for r in base.representatives) or "none"
        raise ValidationError(
            f"no representative named {member.representative!r} in the base case (known: {known})",
            field="representative",
            value=member.representative,
        )
    return chosen


def build_case(base: Case, member: GroupApplicant) -> Case:
    """The applicant's own case: the base case with that applicant and their decisions.

    The applicant's decisions follow the base case's; their copies are added to the
    documents; the applicant's facts follow the shared facts.

    Args:
        base: The group's base case (without applicants).
        member: The applicant.

    Returns:
        A complete :class:`~litigate.Case` for one application form.

    Raises:
        ValidationError: The combination is not a valid case (a decision id used
            twice, an unknown representative…); ``field`` names the case field.

    Examples:
        >>> from litigate.model import Case, Complaint
        >>> base = Case(forum="ecthr", respondent="AZE", complaints=[Complaint(provision="ECHR-3")])
        >>> case = build_case(base, GroupApplicant(applicant_id="A1",
        ...                   applicant=Applicant.person(name="Rauf Aliyev")))
        >>> case.applicants[0].name, case.respondent
        ('Rauf Aliyev', ('AZE',))
    """
    facts = "\n\n".join(f for f in (base.facts, member.facts) if f) or None
    copies = tuple(doc for decision in member.decisions for doc in decision.documents)
    return attrs.evolve(
        base,
        applicants=(member.applicant,),
        representatives=_representatives(base, member),
        proceedings=(*base.proceedings, *member.decisions),
        documents=(*base.documents, *copies) if base.documents else copies,
        facts=facts,
        lodged_on=member.lodged_on or base.lodged_on,
    )


@attrs.frozen(kw_only=True)
class GroupApplication:
    """Many applicants, one base case: the value :func:`load_group` returns.

    Attributes:
        base: What the applicants share (forum, respondent, complaints,
            representatives, shared facts and documents); it has no applicants.
        members: The applicants, in the order of the spreadsheet.
        source: The spreadsheet the applicants came from, if any.

    Examples:
        >>> from litigate.model import Case
        >>> GroupApplication(base=Case(forum="ecthr", respondent="AZE",
        ...                            applicants=[Applicant.person(name="X")]), members=[])
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: the base case of a group lists no applicants: they come from the spreadsheet (got 1)
    """

    base: Case = attrs.field(validator=attrs.validators.instance_of(Case))
    members: tuple[GroupApplicant, ...] = attrs.field(
        converter=to_tuple, validator=tuple_of(GroupApplicant, "a GroupApplicant")
    )
    source: str | None = attrs.field(default=None, eq=False)

    def __attrs_post_init__(self) -> None:
        if self.base.applicants:
            raise ValidationError(
                "the base case of a group lists no applicants: they come from the "
                f"spreadsheet (got {len(self.base.applicants)})",
                field="base.applicants",
                value=len(self.base.applicants),
            )
        seen: set[str] = set()
        for i, member in enumerate(self.members):
            if member.applicant_id in seen:
                raise ValidationError(
                    f"two applicants have the id {member.applicant_id!r}",
                    field=f"members[{i}].applicant_id",
                    value=member.applicant_id,
                )
            seen.add(member.applicant_id)

    def __len__(self) -> int:
        return len(self.members)

    @property
    def applicant_ids(self) -> tuple[str, ...]:
        """The applicants' ids, in order."""
        return tuple(m.applicant_id for m in self.members)

    @property
    def table_required(self) -> bool:
        """Whether the Court asks for a table of applicants (more than the threshold).

        The threshold (five, in the 2020 Notes) is read from the packaged data file.
        """
        return len(self.members) > int(table_rules()["threshold"])

    def member(self, applicant_id: str) -> GroupApplicant:
        """The applicant with that id.

        Raises:
            ValidationError: No applicant has that id.
        """
        for m in self.members:
            if m.applicant_id == applicant_id:
                return m
        raise ValidationError(
            f"no applicant with the id {applicant_id!r} in the group",
            field="applicant_id",
            value=applicant_id,
        )

    def case_for(self, applicant_id: str) -> Case:
        """The complete case of one applicant (see :func:`build_case`)."""
        return build_case(self.base, self.member(applicant_id))

    def cases(self) -> Iterator[Case]:
        """One :class:`~litigate.Case` per applicant, in order, each built when reached."""
        for member in self.members:
            yield build_case(self.base, member)


@functools.cache
def table_rules() -> dict[str, Any]:
    """The packaged description of the Court's table of applicants (columns, threshold, source).

    Examples:
        >>> table_rules()["threshold"]
        5
        >>> [c["header"] for c in table_rules()["columns"]][:3]
        ['No.', 'Surname', 'First name(s)']
    """
    data = resources.files("litigate.group").joinpath("data", "applicants_table.toml")
    return tomllib.loads(data.read_text(encoding="utf-8"))
