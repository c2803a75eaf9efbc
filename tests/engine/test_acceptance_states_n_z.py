"""Issue 14, fifth pass by State: CAT art. 22 and ICERD art. 14 for the States N to Z.

The rows are in ``acceptance/un-states-n-z.toml`` (new CAT-22 and ICERD-14 rows) and, for the
ICERD-14 rows that rested on recollection, in ``acceptance/un-cerd14.toml`` and
``acceptance.toml`` (corrected in place).  One table of worked examples, then one check per
new kind of fact: the two lists of the Canadian Centre for International Justice (an NGO's
compilation of April 2014, kept under ``tests/data/real/ccij-opportunities/``) against the
rows, a refusal read from its absence (low, a warning), a latest bound, and two days in doubt.
"""

from __future__ import annotations

import csv
from datetime import date, timedelta
from pathlib import Path

import pytest

import litigate
from litigate.rules import load_rules

DATA = load_rules().acceptances
TODAY = date(2026, 12, 8)
FORUM = {"CAT-22": "cat", "ICERD-14": "cerd"}
CCIJ = Path(__file__).resolve().parent.parent / "data" / "real" / "ccij-opportunities"
CAT_LIST_DAY = date(2014, 4, 6)
CERD_LIST_DAY = date(2014, 4, 23)


def _ccij(name: str) -> dict[str, date]:
    lines = [ln for ln in (CCIJ / name).read_text(encoding="utf-8").splitlines() if ln[:1] != "#"]
    return {
        r["state"]: date.fromisoformat(r["date"]) for r in csv.DictReader(lines, delimiter="\t")
    }


def _in_range(state: str) -> bool:
    return "N" <= state[0] <= "Z"


# (State, instrument, day, accepted on that day, id of the source the answer must cite)
EXAMPLES = [
    ("NAM", "CAT-22", date(2014, 4, 6), False, "ccij-o4j-cat22-2014"),
    ("THA", "CAT-22", date(2012, 1, 1), False, "ccij-o4j-cat22-2014"),
    ("VAT", "CAT-22", date(2010, 6, 1), False, "ccij-o4j-cat22-2014"),
    ("ZMB", "CAT-22", date(2013, 9, 30), False, "ccij-o4j-cat22-2014"),
    ("ZAF", "CAT-22", date(2014, 4, 6), True, "ccij-o4j-cat22-2014"),
    ("ZAF", "CAT-22", date(2014, 4, 5), False, "ccij-o4j-cat22-2014"),
    ("TGO", "CAT-22", date(2020, 1, 1), True, "ccij-o4j-cat22-2014"),
    ("SYC", "CAT-22", date(2001, 12, 31), True, "upr-syc-2021-annex"),
    ("SYC", "CAT-22", date(2001, 12, 30), False, "upr-syc-2021-annex"),
    ("SYC", "ICERD-14", date(2020, 1, 1), False, "upr-syc-2021-annex"),
    ("PAN", "ICERD-14", date(2014, 4, 23), False, "ccij-o4j-cerd14-2014"),
    ("SLV", "ICERD-14", date(2010, 1, 1), False, "ccij-o4j-cerd14-2014"),
    ("UZB", "ICERD-14", date(2013, 1, 1), False, "ccij-o4j-cerd14-2014"),
    ("POL", "ICERD-14", date(1998, 12, 1), True, "ccij-o4j-cerd14-2014"),
    ("POL", "ICERD-14", date(1998, 11, 30), False, "ccij-o4j-cerd14-2014"),
    ("UKR", "ICERD-14", date(1992, 7, 28), True, "upr-ukr-2017-annex"),
    ("ZAF", "ICERD-14", date(1999, 1, 9), True, "unts-9464-actions"),
    ("ZAF", "ICERD-14", date(1999, 1, 8), False, "ccij-o4j-cerd14-2014"),
    ("SMR", "ICERD-14", date(2008, 2, 22), True, "ccij-o4j-cerd14-2014"),
    ("SMR", "ICERD-14", date(2008, 2, 21), False, "recollection-icerd14"),
]


@pytest.mark.parametrize(("state", "instrument", "day", "accepted", "source_id"), EXAMPLES)
def test_worked_example(
    state: str, instrument: str, day: date, accepted: bool, source_id: str
) -> None:
    a = litigate.acceptance(state, FORUM[instrument], on=day, as_of=TODAY)

    assert a.instrument == instrument
    assert a.accepted is accepted
    src = DATA.source(source_id)
    assert any((src.symbol or src.url) in s for s in a.sources), a.sources
    assert a.stale and a.warnings  # every source here is older than the threshold


def test_the_ngo_lists_agree_with_every_row_of_these_states() -> None:
    """N-Z: on the CCIJ list <=> accepted (Qatar, added to the CAT list with doubt, aside)."""
    for name, instrument, day in (
        ("cat22.tsv", "CAT-22", CAT_LIST_DAY),
        ("icerd14.tsv", "ICERD-14", CERD_LIST_DAY),
    ):
        listed = _ccij(name)
        for row in (r for r in DATA.states if r.instrument == instrument and _in_range(r.state)):
            if instrument == "CAT-22" and row.state == "QAT":
                assert row.status == "not_accepted"  # the chart: 'Not clear if a declaration ...'
            elif row.state in listed:
                assert row.status == "accepted", row.state
            elif row.status == "accepted":  # a declaration after the list's day
                assert row.in_force_from is not None and row.in_force_from > day, row.state


def test_the_icerd_days_of_the_ngo_list_are_the_rows_days_or_in_doubt() -> None:
    """Where the NGO's day and the row's differ (Romania, San Marino) the later one is used."""
    listed = _ccij("icerd14.tsv")
    doubtful = []
    for state, day in listed.items():
        row = DATA.row(state, "ICERD-14")
        assert row is not None
        if not _in_range(state):
            continue
        if row.deposited_on != day:
            doubtful.append(state)
            assert row.deposited_on is None and row.in_force_from is not None
            assert row.in_force_from >= day and row.confidence == "low"
            assert "in doubt" in row.note and str(day.year) in row.note
    assert doubtful == ["ROU", "SMR"]


def test_a_refusal_read_from_the_ngo_list_is_low_dated_and_only_a_warning() -> None:
    """Thailand (CAT-22): not on the list of April 2014; the check warns, never errs."""
    a = litigate.acceptance("THA", "cat", as_of=TODAY)
    assert a.status == "not_accepted"
    assert a.confidence == "low"
    assert a.status_as_of == CAT_LIST_DAY
    assert "[unconfirmed]" in a.note
    case = litigate.Case(
        forum="cat", respondent="THA", complaints=[litigate.Complaint(provision="CAT-1")]
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]

    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


def test_a_latest_bound_from_a_year_or_a_list_says_so() -> None:
    """Seychelles: the year 2001 gives 31 Dec 2001; South Africa: the list's day."""
    for state, bound in (("SYC", date(2001, 12, 31)), ("ZAF", CAT_LIST_DAY)):
        row = DATA.row(state, "CAT-22")
        assert row is not None
        assert row.in_force_from == bound and row.deposited_on is None
        assert "at the latest" in row.note
        before = litigate.acceptance(state, "cat", on=bound - timedelta(days=1), as_of=TODAY)
        assert before.accepted is False
