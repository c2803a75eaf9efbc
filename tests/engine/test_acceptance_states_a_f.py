"""Issue 14, fifth pass by State: CAT art. 22 and CERD art. 14 for the States AFG .. FJI.

The rows are in ``acceptance/un-states-a-f.toml`` (new CAT-22 rows) and ``acceptance/un-cerd14.toml``
(ICERD-14 rows whose recollection source gave way to a read one).  Both rest on the Canadian Centre
for International Justice's 'Opportunities for Justice' lists (2014, an NGO's, secondary, low): one
table of worked examples, then one check per new kind of fact (a refusal read from absence, a
latest bound, a corrected day, a list that says nothing of later parties).
"""

from __future__ import annotations

from datetime import date

import pytest

import litigate
from litigate.rules import load_rules

DATA = load_rules().acceptances
TODAY = date(2026, 12, 7)
CAT_LIST = "ccij-o4j-cat22-2014"
CERD_LIST = "ccij-o4j-cerd14-2014"
FORUM = {"CAT-22": "cat", "ICERD-14": "cerd"}

# (state, instrument, day, accepted on that day, a source the row must cite)
WORKED = [
    # CAT-22, absent from the 2014 list: not accepted (low, dated by the list).
    ("AFG", "CAT-22", date(2010, 1, 1), False, CAT_LIST),
    ("BEN", "CAT-22", TODAY, False, CAT_LIST),
    ("CHN", "CAT-22", TODAY, False, CAT_LIST),
    ("COL", "CAT-22", date(2000, 5, 1), False, CAT_LIST),
    ("EST", "CAT-22", TODAY, False, CAT_LIST),
    # CAT-22, on the 2014 list: accepted from the list's day at the latest.
    ("CHL", "CAT-22", date(2004, 5, 10), True, "cat-sr-602-chl-2004"),
    ("CHL", "CAT-22", date(2004, 5, 9), False, CAT_LIST),
    ("CRI", "CAT-22", TODAY, True, CAT_LIST),
    # CAT-22, parties after the list: their own sources.
    ("FJI", "CAT-22", date(2016, 3, 18), False, "ohchr-pacific-fji-cat-2016"),
    ("CAF", "CAT-22", date(2016, 10, 11), False, "fiacat-caf-cat-2016"),
    ("BHS", "CAT-22", date(2018, 6, 30), False, "legilux-bhs-cat-2018"),
    ("COM", "CAT-22", TODAY, False, "policinglaw-com"),
    # ICERD-14: the recollection source gave way to the list; the recalled day agrees.
    ("BGR", "ICERD-14", date(1993, 5, 12), True, CERD_LIST),
    ("BGR", "ICERD-14", date(1993, 5, 11), False, CERD_LIST),
    ("CYP", "ICERD-14", date(1993, 12, 30), True, CERD_LIST),
    ("CRI", "ICERD-14", date(1982, 12, 3), True, CERD_LIST),
    ("FRA", "ICERD-14", date(1982, 12, 2), False, CERD_LIST),
    ("AZE", "ICERD-14", date(2001, 9, 27), True, CERD_LIST),
    ("AUT", "ICERD-14", date(2002, 2, 20), True, "unts-9464-actions"),
    ("ARM", "ICERD-14", TODAY, False, CERD_LIST),
    ("BEN", "ICERD-14", TODAY, False, CERD_LIST),
    ("EGY", "ICERD-14", TODAY, False, CERD_LIST),
    # ICERD-14, days corrected from the list (recalled: 17 Jun 2003, 16 Jun 2010).
    ("BRA", "ICERD-14", date(2002, 6, 17), True, CERD_LIST),
    ("BRA", "ICERD-14", date(2002, 6, 16), False, CERD_LIST),
    ("EST", "ICERD-14", date(2010, 7, 21), True, CERD_LIST),
    ("EST", "ICERD-14", date(2010, 7, 20), False, CERD_LIST),
]


@pytest.mark.parametrize(("state", "instrument", "day", "accepted", "source"), WORKED)
def test_worked_examples(
    state: str, instrument: str, day: date, accepted: bool, source: str
) -> None:
    row = DATA.row(state, instrument)
    assert row is not None and source in row.sources
    assert "recollection-icerd14" not in row.sources
    assert "recollection-un" not in row.sources
    a = litigate.acceptance(state, FORUM[instrument], on=day, as_of=TODAY)

    assert a.instrument == instrument
    assert a.accepted is accepted, (state, day)
    assert a.sources and a.note


def test_a_refusal_read_from_the_lists_absence_is_low_stale_and_only_a_warning() -> None:
    """Benin: not on the 2014 list; flagged as out of date; check() warns, never errs."""
    a = litigate.acceptance("BEN", "cat", as_of=TODAY)
    assert a.status == "not_accepted" and a.confidence == "low"
    assert a.stale and a.status_as_of == date(2014, 4, 6)
    assert "would not show" in a.note

    case = litigate.Case(
        forum="cat", respondent="BEN", complaints=[litigate.Complaint(provision="CAT-1")]
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]
    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


def test_a_latest_bound_says_so() -> None:
    """Day of the declaration unread: Chile from its delegation's statement (CAT/C/SR.602),
    Costa Rica from the 2014 list; that day is used and the note says so."""
    for state, day in (("CHL", date(2004, 5, 10)), ("CRI", date(2014, 4, 6))):
        row = DATA.row(state, "CAT-22")
        assert row is not None and row.in_force_from == day
        assert "at the latest" in row.note and row.confidence == "low"


def test_the_list_says_nothing_of_states_that_joined_after_it() -> None:
    """Parties after April 2014 get no row from it (ERI, FJI, CAF, COM, BHS, AGO)."""
    for state in ("ERI", "FJI", "CAF", "COM", "BHS", "AGO"):  # FJI, CAF: other sources
        row = DATA.row(state, "CAT-22")
        assert row is None or CAT_LIST not in row.sources, state


def test_every_row_on_the_lists_is_secondary_low_and_dated_by_its_list() -> None:
    """Status as of = the oldest source day; an NGO's list alone never gives more than low."""
    for row in DATA.states:
        for source_id, day in ((CAT_LIST, date(2014, 4, 6)), (CERD_LIST, date(2014, 4, 23))):
            if source_id not in row.sources:
                continue
            src = DATA.source(source_id)
            assert src.kind == "secondary" and src.confidence == "low"
            as_of = DATA.status_as_of(row.sources)  # None: another source is undated
            assert as_of is None or as_of <= day, row.state
            if len(row.sources) == 1 or set(row.sources) <= {source_id, "untc-iv-2-zmjones-2014"}:
                assert row.confidence == "low", row.state


@pytest.mark.parametrize(
    ("state", "also_read"),
    [("BEL", "28 Nov 2000"), ("DNK", "CERD/C/62/D/22/2002"), ("FRA", "HR/CERD/PUB/1")],
)
def test_two_read_sources_make_a_row_medium(state: str, also_read: str) -> None:
    """The list's day plus a document that shows the declaration in force: medium, not low."""
    a = litigate.acceptance(state, "cerd", on=TODAY, as_of=TODAY)
    row = DATA.row(state, "ICERD-14")

    assert row is not None and CERD_LIST in row.sources and len(row.sources) >= 3
    assert a.accepted is True and a.confidence == "medium"
    assert also_read in a.note and "recollection" not in a.note
