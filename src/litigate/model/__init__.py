"""The domain model: frozen, keyword-only, validated values.

Nothing here reads a file the user gave, the clock or a locale; the only files
read are the reference data shipped with the package (countries, articles).
"""

from litigate.model.case import Case
from litigate.model.complaints import Complaint
from litigate.model.countries import Country, country
from litigate.model.filings import (
    Claim,
    ClaimKind,
    CmDecision,
    Execution,
    FeeItem,
    FollowUp,
    Formation,
    InterimMeasures,
    Judgment,
    JustSatisfaction,
    Recommendation,
    Supervision,
)
from litigate.model.forums import Forum, forum_of
from litigate.model.parties import Applicant, ApplicantKind, Capacity, Representative, Sex
from litigate.model.proceedings import (
    Document,
    DomesticDecision,
    Level,
    OtherProcedure,
    ProcedureStatus,
    Redress,
    RegistryTimeLimit,
    Remedy,
)
from litigate.model.provisions import (
    Article,
    Catalogue,
    Instrument,
    Invocable,
    Provision,
    catalogue,
    provision,
)

__all__ = [
    "Applicant",
    "ApplicantKind",
    "Article",
    "Capacity",
    "Case",
    "Catalogue",
    "Claim",
    "ClaimKind",
    "CmDecision",
    "Complaint",
    "Country",
    "Document",
    "DomesticDecision",
    "Execution",
    "FeeItem",
    "FollowUp",
    "Formation",
    "Forum",
    "Instrument",
    "InterimMeasures",
    "Invocable",
    "Judgment",
    "JustSatisfaction",
    "Level",
    "OtherProcedure",
    "ProcedureStatus",
    "Provision",
    "Recommendation",
    "Redress",
    "RegistryTimeLimit",
    "Remedy",
    "Representative",
    "Sex",
    "Supervision",
    "catalogue",
    "country",
    "forum_of",
    "provision",
]
