"""The applicant's row of a draft's context, built in one place for every template family.

The ECtHR forms (:mod:`litigate.drafts.context`) and the UN communications
(:mod:`litigate.drafts.un`) print the same facts about an applicant (an author,
before a Committee); only how a date, a nationality and a label are worded
differs, so each passes its own wording.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from litigate.model import Applicant

__all__ = ["applicant_row"]

Row = dict[str, object]


def applicant_row(
    number: int,
    applicant: Applicant,
    *,
    day: Callable[[date | None], str | None],
    nationality: Callable[[str | None], str | None],
    label: Callable[[object], str | None],
) -> Row:
    """The applicant's facts as a template reads them, worded by the three functions given.

    Examples:
        >>> row = applicant_row(
        ...     1,
        ...     Applicant.person(name="Leyla Hasanova", nationality="AZE"),
        ...     day=lambda d: None if d is None else d.isoformat(),
        ...     nationality=lambda code: code,
        ...     label=lambda value: None if value is None else str(value),
        ... )
        >>> row["number"], row["name"], row["nationality"], row["is_person"]
        (1, 'Leyla Hasanova', 'AZE', True)
    """
    return {
        "number": number,
        "name": applicant.name,
        "kind": applicant.kind.value,
        "is_person": applicant.is_person,
        "date_of_birth": day(applicant.date_of_birth),
        "place_of_birth": applicant.place_of_birth,
        "nationality": nationality(applicant.nationality),
        "sex": label(applicant.sex),
        "occupation": applicant.occupation,
        "address": applicant.address,
        "phone": applicant.phone,
        "email": applicant.email,
        "detained_at": applicant.detained_at,
        "registration_no": applicant.registration_no,
        "registered_on": day(applicant.registered_on),
        "anonymity_requested": applicant.anonymity_requested,
        "anonymity_reasons": applicant.anonymity_reasons,
        "model": applicant,
    }
