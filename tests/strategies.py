"""Hypothesis strategies for the whole model (add new model fields here too)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, TypeVar

from hypothesis import strategies as st

import litigate
from litigate.model import ApplicantKind, Capacity, Forum, Level, ProcedureStatus, Remedy, Sex

T = TypeVar("T")

LEGAL_DATES = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))

# Printable text without control characters, including the scripts lawyers use.
_ALPHABET = st.characters(
    codec="utf-8",
    exclude_categories=("Cc", "Cs", "Co", "Cn"),
)
TEXT = st.text(_ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip() != "")
NAMES = st.one_of(
    TEXT,
    st.sampled_from(["Rauf Əliyev", "Gülnarə Məmmədova", "Ильгар Гасанов", "Smith & Sons <Ltd>"]),
)
ECHR_PROVISIONS = st.sampled_from(
    [
        "ECHR-3",
        "ECHR-5-1",
        "ECHR-5-1-c",
        "ECHR-5-3",
        "ECHR-5-4",
        "ECHR-6-1",
        "ECHR-6-3-c",
        "ECHR-8",
        "ECHR-10",
        "ECHR-11",
        "ECHR-13",
        "ECHR-P1-1",
        "ECHR-P4-2",
    ]
)
ICCPR_PROVISIONS = st.sampled_from(["ICCPR-7", "ICCPR-9-1", "ICCPR-14-1", "ICCPR-19-2"])


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.one_of(st.none(), strategy)


@st.composite
def applicants(draw: st.DrawFn) -> litigate.Applicant:
    kind = draw(st.sampled_from(ApplicantKind))
    anonymity = draw(st.booleans())
    common: dict[str, Any] = {
        "name": draw(NAMES),
        "address": draw(optional(TEXT)),
        "phone": draw(optional(TEXT)),
        "anonymity_requested": anonymity,
        "anonymity_reasons": draw(optional(TEXT)) if anonymity else None,
    }
    if kind is ApplicantKind.PERSON:
        return litigate.Applicant.person(
            **common,
            date_of_birth=draw(optional(LEGAL_DATES)),
            nationality=draw(optional(st.sampled_from(["AZE", "RUS", "GEO"]))),
            sex=draw(optional(st.sampled_from(Sex))),
            occupation=draw(optional(TEXT)),
            detained_at=draw(optional(TEXT)),
            id_number=draw(optional(TEXT)),
        )
    if kind is ApplicantKind.ORGANISATION:
        return litigate.Applicant.organisation(
            **common,
            registration_no=draw(optional(TEXT)),
            registered_on=draw(optional(LEGAL_DATES)),
        )
    return litigate.Applicant.group(**common)


@st.composite
def representatives(draw: st.DrawFn) -> litigate.Representative:
    return litigate.Representative(
        name=draw(NAMES),
        capacity=draw(st.sampled_from(Capacity)),
        organisation=draw(optional(TEXT)),
        bar_no=draw(optional(TEXT)),
        email=draw(optional(st.emails())),
        authority_signed_on=draw(optional(LEGAL_DATES)),
    )


@st.composite
def documents(draw: st.DrawFn) -> litigate.Document:
    return litigate.Document(
        title=draw(TEXT),
        date=draw(optional(LEGAL_DATES)),
        pages=draw(optional(st.integers(1, 500))),
    )


@st.composite
def decisions(draw: st.DrawFn, *, decision_id: str | None = None) -> litigate.DomesticDecision:
    taken = draw(optional(LEGAL_DATES))

    def after() -> date | None:
        if taken is None:
            return draw(optional(LEGAL_DATES))
        return draw(optional(st.integers(0, 400).map(lambda n: taken + timedelta(days=n))))

    return litigate.DomesticDecision(
        id=decision_id,
        court=draw(TEXT),
        level=draw(st.sampled_from(Level)),
        remedy=draw(st.sampled_from(Remedy)),
        outcome=draw(optional(TEXT)),
        taken_on=taken,
        pronounced_on=after(),
        served_on=after(),
        served_on_representative=after(),
        known_on=after(),
        service_required=draw(optional(st.booleans())),
        reference=draw(optional(TEXT)),
        documents=draw(st.lists(documents(), max_size=2)),
    )


@st.composite
def other_procedures(draw: st.DrawFn) -> litigate.OtherProcedure:
    lodged = draw(optional(LEGAL_DATES))
    status = draw(optional(st.sampled_from(ProcedureStatus)))
    concluded = None
    if status is not ProcedureStatus.PENDING and lodged is not None:
        concluded = draw(optional(st.integers(0, 2000).map(lambda n: lodged + timedelta(days=n))))
    return litigate.OtherProcedure(
        body=draw(st.sampled_from(["ecthr", "hrc", "UN Working Group on Arbitrary Detention"])),
        reference=draw(optional(TEXT)),
        lodged_on=lodged,
        concluded_on=concluded,
        status=status,
        same_facts=draw(optional(st.booleans())),
    )


@st.composite
def complaints(
    draw: st.DrawFn, *, forum: Forum, decision_ids: tuple[str, ...] = ()
) -> litigate.Complaint:
    pool = ECHR_PROVISIONS if forum is Forum.ECTHR else ICCPR_PROVISIONS
    start = draw(optional(LEGAL_DATES))
    continuing = draw(st.booleans())
    ended = None
    if continuing and start is not None:
        ended = draw(optional(st.integers(0, 2000).map(lambda n: start + timedelta(days=n))))
    exhausted = draw(st.lists(st.sampled_from(decision_ids), unique=True)) if decision_ids else []
    return litigate.Complaint(
        provision=draw(pool),
        summary=draw(optional(TEXT)),
        events_from=start,
        continuing=continuing,
        situation_ended_on=ended,
        exhausted_by=exhausted,
        no_effective_remedy=draw(st.booleans()),
    )


@st.composite
def registry_limits(draw: st.DrawFn) -> litigate.RegistryTimeLimit:
    letter = draw(LEGAL_DATES)
    due = letter + timedelta(days=draw(st.integers(0, 120)))
    extended = draw(optional(st.integers(1, 60).map(lambda n: due + timedelta(days=n))))
    return litigate.RegistryTimeLimit(
        what=draw(TEXT),
        letter_on=letter,
        due_on=due,
        extended_to=extended,
        filed_on=draw(optional(LEGAL_DATES)),
    )


@st.composite
def cases(draw: st.DrawFn, *, forum: Forum | None = None) -> litigate.Case:
    forum = forum or draw(st.sampled_from([Forum.ECTHR, Forum.HRC]))
    n_decisions = draw(st.integers(0, 4))
    ids = tuple(f"d{i}" for i in range(n_decisions))
    procs = [draw(decisions(decision_id=draw(optional(st.just(i))))) for i in ids]
    named = tuple(d.id for d in procs if d.id is not None)
    respondents = ["AZE"]
    if forum is Forum.ECTHR and draw(st.booleans()):
        respondents.append("ARM")
    return litigate.Case(
        forum=forum,
        respondent=respondents,
        applicants=draw(st.lists(applicants(), max_size=3)),
        representatives=draw(st.lists(representatives(), max_size=2)),
        complaints=draw(st.lists(complaints(forum=forum, decision_ids=named), max_size=4)),
        proceedings=procs,
        other_procedures=draw(st.lists(other_procedures(), max_size=2)),
        documents=draw(st.lists(documents(), max_size=3)),
        registry_time_limits=draw(st.lists(registry_limits(), max_size=2)),
        facts=draw(optional(TEXT)),
        title=draw(optional(TEXT)),
        application_no=draw(optional(TEXT)),
        lodged_on=draw(optional(LEGAL_DATES)),
        language=draw(st.sampled_from(["en", "fr", "ru"])),
    )
