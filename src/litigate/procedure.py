"""Procedural deadlines after lodging (public home of :mod:`litigate.engine.procedure`).

Examples:
    >>> from datetime import date
    >>> import litigate
    >>> litigate.procedure.referral_deadline(date(2024, 1, 15)).date
    datetime.date(2024, 4, 15)
"""

from litigate.engine.procedure import (
    Formation,
    InterestPeriod,
    RateTable,
    RegistryTimeLimit,
    co_follow_up_due,
    default_interest,
    follow_up_due,
    interpretation_deadline,
    judgment_final_on,
    payment_due,
    referral_deadline,
    registry_time_limit,
    revision_deadline,
    state_observations_due,
    third_party_intervention_deadline,
)

__all__ = [
    "Formation",
    "InterestPeriod",
    "RateTable",
    "RegistryTimeLimit",
    "co_follow_up_due",
    "default_interest",
    "follow_up_due",
    "interpretation_deadline",
    "judgment_final_on",
    "payment_due",
    "referral_deadline",
    "registry_time_limit",
    "revision_deadline",
    "state_observations_due",
    "third_party_intervention_deadline",
]
