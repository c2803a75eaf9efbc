"""The engine: pure functions from a case, the rules and ``as_of`` to explained results.

No I/O, no clock, no locale: everything comes in as arguments.
"""

from litigate.engine.acceptance import acceptance
from litigate.engine.checks import check, completeness
from litigate.engine.results import (
    Acceptance,
    ComplaintWindow,
    Deadline,
    FilingWindow,
    Finding,
    Findings,
    Note,
    Scenario,
    Severity,
    Step,
    WindowStatus,
)
from litigate.engine.window import filing_window

__all__ = [
    "Acceptance",
    "ComplaintWindow",
    "Deadline",
    "FilingWindow",
    "Finding",
    "Findings",
    "Note",
    "Scenario",
    "Severity",
    "Step",
    "WindowStatus",
    "acceptance",
    "check",
    "completeness",
    "filing_window",
]
