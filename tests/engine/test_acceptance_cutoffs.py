"""Issue 14 points 3 and 7: which side of each cut-off day is inside, and doubtful rows.

Every date asserted here is a real one: Belarus's denunciation of OP1 (effective
8 February 2023), Jamaica's (23 January 1998, the Committee's wording in A/53/40
para. 78 (b)), Russia ceasing to be a Party to the Convention (16 September 2022).
"""

from __future__ import annotations

from datetime import date

import pytest

import litigate
from litigate.rules import load_rules


@pytest.mark.parametrize(
    ("state", "forum", "day", "expected"),
    [
        # OP1: communications "submitted before" the effective date are receivable.
        ("BLR", "hrc", date(2023, 2, 7), True),
        ("BLR", "hrc", date(2023, 2, 8), False),
        ("JAM", "hrc", date(1998, 1, 22), True),
        ("JAM", "hrc", date(1998, 1, 23), False),
        # The day a procedure takes effect is inside.
        ("AZE", "hrc", date(2002, 2, 26), False),
        ("AZE", "hrc", date(2002, 2, 27), True),
        ("ARM", "crpd", date(2023, 1, 24), False),
        ("ARM", "crpd", date(2023, 1, 25), True),
        ("KAZ", "crc", date(2024, 5, 7), True),
        # Russia: facts up to and including 16 September 2022.
        ("RUS", "ecthr", date(2022, 9, 16), True),
        ("RUS", "ecthr", date(2022, 9, 17), False),
    ],
)
def test_cut_off_days(state: str, forum: str, day: date, expected: bool) -> None:
    assert litigate.acceptance(state, forum, on=day).accepted is expected


def test_every_end_date_says_which_side_is_inside() -> None:
    data = load_rules().acceptances
    for row in data.states:
        if row.until is None:
            continue
        inst = data.instrument(row.instrument)
        assert inst is not None
        assert (row.end_day or inst.end_day) in {"inside", "outside"}
        assert (row.end_bounds or inst.end_bounds) in {"submission", "facts"}


def test_communication_on_the_effective_day_is_an_error() -> None:
    """Issue 14 point 3: a communication against Belarus submitted on 8 February 2023."""
    case = litigate.Case(
        forum="hrc",
        respondent="BLR",
        lodged_on=date(2023, 2, 8),
        complaints=[litigate.Complaint(provision="ICCPR-9-1")],
    )
    findings = litigate.check(case, as_of=date(2023, 2, 8))
    found = [f for f in findings if f.code == "procedure_not_accepted"]

    assert len(found) == 1
    assert found[0].severity is litigate.Severity.ERROR
    assert "8 February 2023" in found[0].message


def test_communication_the_day_before_is_receivable() -> None:
    case = litigate.Case(
        forum="hrc",
        respondent="BLR",
        lodged_on=date(2023, 2, 7),
        complaints=[litigate.Complaint(provision="ICCPR-9-1")],
    )
    codes = [f.code for f in litigate.check(case, as_of=date(2023, 2, 7))]

    assert "procedure_not_accepted" not in codes


def test_armenia_and_kazakhstan_corrected() -> None:
    """Errors listed in issue 14, against the UN Treaty Collection."""
    assert litigate.acceptance("ARM", "crpd").in_force_from == date(2023, 1, 25)
    assert litigate.acceptance("ARM", "crc").in_force_from == date(2021, 6, 24)
    assert litigate.acceptance("ARM", "cescr").in_force_from == date(2021, 1, 13)
    assert litigate.acceptance("KAZ", "crc").in_force_from == date(2024, 5, 7)


class TestFreshness:
    def test_dated_row_is_fresh_within_the_threshold(self) -> None:
        a = litigate.acceptance("BLR", "hrc", as_of=date(2027, 1, 1))

        assert a.status_as_of == date(2026, 12, 7)
        assert a.stale is False

    def test_dated_row_goes_stale_after_the_threshold(self) -> None:
        limit = load_rules().acceptances.stale_after_days
        assert limit is not None
        a = litigate.acceptance(
            "BLR",
            "hrc",
            as_of=date(2026, 12, 7).fromordinal(date(2026, 12, 7).toordinal() + limit + 1),
        )

        assert a.stale is True
        assert "out of date" in a.warnings[-1]

    def test_undated_row_is_stale_and_its_refusal_a_warning(self) -> None:
        case = litigate.Case(
            forum="cat", respondent="UZB", complaints=[litigate.Complaint(provision="CAT-16")]
        )
        findings = litigate.check(case, as_of=date(2025, 1, 1))
        refusal = next(f for f in findings if f.code == "procedure_not_accepted")

        assert refusal.severity is litigate.Severity.WARNING
        assert litigate.acceptance("UZB", "cat", as_of=date(2025, 1, 1)).stale is True

    def test_old_reading_is_a_finding(self) -> None:
        case = litigate.Case(
            forum="hrc",
            respondent="BLR",
            lodged_on=date(2023, 2, 7),
            complaints=[litigate.Complaint(provision="ICCPR-9-1")],
        )
        findings = litigate.check(case, as_of=date(2028, 1, 10))

        assert any(f.code == "acceptance_data_stale" for f in findings)


@pytest.mark.parametrize(
    ("state", "day", "expected"),
    [
        ("TTO", date(2000, 6, 26), True),
        ("TTO", date(2000, 6, 27), False),
        ("GUY", date(1999, 4, 5), True),
    ],
)
def test_denunciations_and_re_accessions(state: str, day: date, expected: bool) -> None:
    assert litigate.acceptance(state, "hrc", on=day).accepted is expected
