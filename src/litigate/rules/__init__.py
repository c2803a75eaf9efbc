"""Legal rules as data: the rule files, their schema and their strict loader.

This package computes nothing; :mod:`litigate.engine` applies the rules.
"""

from litigate.rules.loader import Acceptances, RuleSet, load_rules
from litigate.rules.spec import (
    Confidence,
    DeadlineRule,
    ForumRules,
    Notice,
    Period,
    ReviewStatus,
    Source,
    Suspension,
    TimeLimitKind,
    TimeLimitRule,
)

__all__ = [
    "Acceptances",
    "Confidence",
    "DeadlineRule",
    "ForumRules",
    "Notice",
    "Period",
    "ReviewStatus",
    "RuleSet",
    "Source",
    "Suspension",
    "TimeLimitKind",
    "TimeLimitRule",
    "load_rules",
]
