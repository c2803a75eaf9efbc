"""Issue 19, the remaining classes: one test per defect class.

Each test here failed on the code before its fix (work quadratic in the input,
an exception outside the error tree, a blow-up) and passes after.  Work is
counted, never timed: the timings are in ``benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from litigate.parse import dates

# ------------------------------------------------------------------ dates: linear find_dates


class _CountingPattern:
    """A compiled pattern that adds up the characters each ``search`` may scan."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0
        self.calls = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.calls += 1
        self.scanned += max(0, end - pos)
        return self.pattern.search(text, pos, end)


@pytest.mark.parametrize("numeric", ["01.02.2025", "2025-02-01"])
def test_find_dates_looks_back_a_bounded_window_per_numeric_date(
    monkeypatch: pytest.MonkeyPatch, numeric: str
) -> None:
    """The case-number look-back scanned the text from its start for every date."""
    counting = _CountingPattern(dates._CASE_NUMBER_BEFORE)
    monkeypatch.setattr(dates, "_CASE_NUMBER_BEFORE", counting)
    n = 2_000
    found = dates.find_dates(f"on {numeric}, " * n + f"no. {numeric}", date_order="DMY")
    assert len(found) == n  # the last one is a case number
    assert counting.calls == n + 1
    # at most the length of "case." per date, whatever the length of the text
    assert counting.scanned <= 5 * (n + 1)
