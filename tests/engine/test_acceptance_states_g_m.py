"""Issue 14, fifth pass: CAT article 22 and ICERD article 14 for the States G-M.

The rows come from ``acceptance/un-states-g-m.toml`` (new CAT-22 and ICERD-14 rows) and from the
ICERD-14 recollection rows of these States corrected in ``acceptance/un-cerd14.toml``.  One table
of worked examples, read from the documents cited in those files: the State, the procedure, a day,
whether the procedure is accepted on that day, and the source the answer must cite.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

import litigate
from litigate.rules import load_rules

DATA = load_rules().acceptances
TODAY = date(2026, 12, 8)
FORUM = {"CAT-22": "cat", "ICERD-14": "cerd"}

# (State, instrument, day, accepted on that day, source id the answer rests on)
WORKED_EXAMPLES = [
    # A/HRC/46/26/Add.1, para. 8: declaration of 26 December 2019.
    ("MDV", "CAT-22", date(2019, 12, 26), True, "sr-torture-mdv-2021"),
    ("MDV", "CAT-22", date(2019, 12, 25), False, "sr-torture-mdv-2021"),
    # A/HRC/WG.6/28/GAB/2, annex, table I.A: 'ICERD, art. 14' not accepted (2017).
    ("GAB", "ICERD-14", date(2017, 1, 1), False, "upr-gab-2017-compilation"),
    # IPRT (11 Nov 2009): complaints to the Committee possible; a latest bound, low.
    ("IRL", "CAT-22", date(2009, 11, 11), True, "iprt-irl-cat-2009"),
    ("IRL", "CAT-22", date(2009, 11, 10), False, "iprt-irl-cat-2009"),
    # CERD lists of issues prior to reporting ask what is done 'to make the optional declaration'.
    ("LSO", "ICERD-14", date(2021, 7, 13), False, "cerd-lso-qpr-2021"),
    ("MWI", "ICERD-14", date(2025, 1, 20), False, "cerd-mwi-qpr-2025"),
    ("GUY", "ICERD-14", date(2020, 12, 7), False, "cerd-guy-qpr-2020"),
    # CERD/C/IRL/CO/2/Add.1: declaration with the ratification; in force for Ireland 28 Jan 2001.
    ("IRL", "ICERD-14", date(2001, 1, 28), True, "cerd-irl-co2-add1-2006"),
    ("IRL", "ICERD-14", date(2001, 1, 27), False, "cerd-irl-co2-add1-2006"),
    # CERD/C/SR.2032: 'on 26 October 2006 it had made the declaration' (a news site: 19 October).
    ("MAR", "ICERD-14", date(2006, 10, 26), True, "cerd-sr-2032-mar-2010"),
    ("MAR", "ICERD-14", date(2006, 10, 25), False, "cerd-sr-2032-mar-2010"),
    # Second pass: the CCIJ list of 6 Apr 2014 (CAT) and of 23 Apr 2014 (ICERD), low.
    ("KEN", "CAT-22", date(2014, 4, 6), False, "ccij-o4j-cat22-2014"),
    ("LTU", "CAT-22", date(2010, 1, 1), False, "ccij-o4j-cat22-2014"),
    ("KHM", "CAT-22", date(2000, 1, 1), False, "ccij-o4j-cat22-2014"),
    ("GHA", "CAT-22", date(2014, 4, 6), True, "ccij-o4j-cat22-2014"),
    ("GHA", "CAT-22", date(2014, 4, 5), False, "ccij-o4j-cat22-2014"),
    ("MNE", "CAT-22", date(2020, 1, 1), True, "ccij-o4j-cat22-2014"),
    ("GNB", "CAT-22", date(2014, 4, 6), True, "ccij-o4j-cat22-2014"),
    ("GRC", "ICERD-14", date(2014, 4, 23), False, "ccij-o4j-cerd14-2014"),
    ("IND", "ICERD-14", date(2010, 1, 1), False, "ccij-o4j-cerd14-2014"),
    ("MKD", "ICERD-14", date(1999, 12, 22), True, "ccij-o4j-cerd14-2014"),
    ("MKD", "ICERD-14", date(1999, 12, 21), False, "ccij-o4j-cerd14-2014"),
    ("ITA", "ICERD-14", date(1982, 12, 3), True, "ccij-o4j-cerd14-2014"),
    ("ITA", "ICERD-14", date(1982, 12, 2), False, "ccij-o4j-cerd14-2014"),
    # Luxembourg's Memorial of 29 Aug 2013: Moldova's declaration of 8 May 2013 (was 8 Sep).
    ("MDA", "ICERD-14", date(2013, 5, 8), True, "memorial-lu-2013-08-29-icerd"),
    ("MDA", "ICERD-14", date(2013, 5, 7), False, "memorial-lu-2013-08-29-icerd"),
]


def _source_ids(state: str, instrument: str) -> tuple[str, ...]:
    row = DATA.row(state, instrument)
    assert row is not None, (state, instrument)
    return row.sources


@pytest.mark.parametrize(("state", "instrument", "on", "accepted", "source"), WORKED_EXAMPLES)
def test_worked_example(
    state: str, instrument: str, on: date, accepted: bool, source: str
) -> None:
    """Each row answers from data on its day, citing the document it was read in."""
    a = litigate.acceptance(state, FORUM[instrument], instrument=instrument, on=on, as_of=TODAY)

    assert a.status != "no_data"
    assert a.accepted is accepted
    assert source in _source_ids(state, instrument)
    assert a.sources and a.note
    assert "recollection-icerd14" not in _source_ids(state, instrument)


# (State, a day on which it is accepted, confidence, a phrase of the note): the kinds of CAT-22 fact
# read this pass, a declaration day read in a UN report and a latest bound from an NGO's statement.
CAT22_FACTS = [
    ("MDV", date(2019, 12, 26), "medium", "26 December 2019"),
    ("IRL", date(2009, 11, 11), "low", "11 May 2002"),
]


@pytest.mark.parametrize(("state", "on", "confidence", "phrase"), CAT22_FACTS)
def test_cat22_fact_kinds(state: str, on: date, confidence: str, phrase: str) -> None:
    """Accepted, fresh (read today), with the confidence its source deserves and a low one warning."""
    a = litigate.acceptance(state, "cat", on=on, as_of=TODAY)

    assert a.accepted is True
    assert a.in_force_from == on
    assert a.confidence == confidence
    assert not a.stale
    assert phrase in a.note
    assert any("low confidence" in w for w in a.warnings) is (confidence == "low")


def _only_a_warning(forum: str, state: str, provision: str) -> None:
    """check() reports the refusal, and only as a warning."""
    case = litigate.Case(
        forum=forum, respondent=state, complaints=[litigate.Complaint(provision=provision)]
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]
    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


def test_a_refusal_from_a_dated_table_is_stale_and_only_a_warning() -> None:
    """A 'not accepted' read in a dated OHCHR table is flagged out of date and never an error."""
    a = litigate.acceptance("GAB", "cerd", as_of=TODAY)

    assert a.status == "not_accepted"
    assert a.stale
    assert any("out of date" in w for w in a.warnings)
    _only_a_warning("cerd", "GAB", "ICERD-5")


def test_a_declaration_made_with_the_ratification_operates_from_entry_into_force() -> None:
    """Ireland ICERD-14: deposited with the ratification (29 Dec 2000), operates from 28 Jan 2001."""
    row = DATA.row("IRL", "ICERD-14")

    assert row is not None
    assert row.deposited_on == date(2000, 12, 29)
    assert row.in_force_from == date(2001, 1, 28)
    assert row.consistency_exception


CCIJ = Path(__file__).resolve().parent.parent / "data" / "real" / "ccij-opportunities"
G_M = tuple("GHIJKLM")


def _listed(name: str) -> dict[str, date]:
    """The CCIJ list as copied with ISO codes: State -> the list's date."""
    out = {}
    for line in (CCIJ / name).read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "state":
            continue
        out[cells[0]] = date.fromisoformat(cells[2])
    return out


@pytest.mark.parametrize(
    ("instrument", "name", "forum"),
    [("CAT-22", "cat22.tsv", "cat"), ("ICERD-14", "icerd14.tsv", "cerd")],
)
def test_every_row_of_these_states_agrees_with_the_lists(
    instrument: str, name: str, forum: str
) -> None:
    """On the list <=> accepted on the list's day, for every G-M row the list can speak to."""
    listed = _listed(name)
    day = date(2014, 4, 6) if instrument == "CAT-22" else date(2014, 4, 23)
    rows = [r for r in DATA.states if r.instrument == instrument and r.state.startswith(G_M)]

    assert len(rows) >= 40
    for row in rows:
        if row.in_force_from is not None and row.in_force_from > day:
            continue  # declared after the list (Maldives, CAT, 2019)
        a = litigate.acceptance(row.state, forum, instrument=instrument, on=day, as_of=TODAY)
        assert a.accepted is (row.state in listed), row.state


def test_a_refusal_read_from_the_lists_silence_is_low_dated_and_only_a_warning() -> None:
    """Kenya CAT-22: absent from the list of 6 Apr 2014; low, [unconfirmed], stale, a warning."""
    a = litigate.acceptance("KEN", "cat", as_of=TODAY)

    assert a.status == "not_accepted"
    assert a.confidence == "low"
    assert a.status_as_of == date(2014, 4, 6)
    assert a.stale
    assert "[unconfirmed]" in a.note and "would not show" in a.note
    _only_a_warning("cat", "KEN", "CAT-1")


def test_a_listed_cat_state_is_accepted_by_the_lists_day_not_its_ratification_day() -> None:
    """Ghana: the list's 7 Sep 2000 is the ratification; the row's latest bound is 6 Apr 2014."""
    a = litigate.acceptance("GHA", "cat", as_of=TODAY)

    assert a.in_force_from == date(2014, 4, 6)
    assert _listed("cat22.tsv")["GHA"] == date(2000, 9, 7)
    assert "7 September 2000" in a.note and "not of the declaration" in a.note
    assert any("low confidence" in w for w in a.warnings)


@pytest.mark.parametrize("state", ["GMB", "GRD", "KIR", "KNA", "MHL"])
def test_the_list_says_nothing_of_states_that_joined_the_convention_after_it(state: str) -> None:
    """Parties to CAT after April 2014 get no row from the list: still no data, and counted."""
    assert DATA.row(state, "CAT-22") is None
    assert litigate.acceptance(state, "cat", as_of=TODAY).status == "no_data"


MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# (State, the day used, the list's day, the day formerly recalled): unsettled, the later is kept.
ICERD_DAYS_IN_DOUBT = [
    ("HUN", date(1990, 9, 13), date(1989, 9, 13), date(1990, 9, 13)),
    ("KAZ", date(2008, 8, 29), date(2008, 5, 29), date(2008, 8, 29)),
    ("LIE", date(2004, 3, 18), date(2004, 3, 18), date(2004, 3, 10)),
]


@pytest.mark.parametrize(("state", "used", "listed", "recalled"), ICERD_DAYS_IN_DOUBT)
def test_an_unsettled_icerd_day_keeps_the_later_and_names_both(
    state: str, used: date, listed: date, recalled: date
) -> None:
    row = DATA.row(state, "ICERD-14")

    assert row is not None
    assert used == max(listed, recalled) == row.in_force_from
    assert row.deposited_on is None
    assert _listed("icerd14.tsv")[state] == listed
    assert {"recollection-icerd14", "ccij-o4j-cerd14-2014"} <= set(row.sources)
    for day in (listed, recalled):
        assert f"{day.day} {MONTHS[day.month - 1]} {day.year}" in row.note
    assert "[unconfirmed]" in row.note
    assert litigate.acceptance(state, "cerd", on=used - timedelta(days=1)).accepted is False


def test_a_day_read_in_an_official_journal_and_the_list_is_medium() -> None:
    """Moldova: Luxembourg's Memorial (29 Aug 2013) and the CCIJ list agree on 8 May 2013."""
    a = litigate.acceptance("MDA", "cerd", on=date(2013, 5, 8), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "medium"
    assert _listed("icerd14.tsv")["MDA"] == a.in_force_from == date(2013, 5, 8)
    assert DATA.source("memorial-lu-2013-08-29-icerd").kind == "secondary"
    assert "8 Sep 2013" in a.note


def test_no_icerd_row_of_these_states_rests_on_recollection_alone() -> None:
    """Every G-M ICERD-14 row cites a source read (the list at least)."""
    rows = [r for r in DATA.states if r.instrument == "ICERD-14" and r.state.startswith(G_M)]

    assert len(rows) >= 55
    for row in rows:
        assert set(row.sources) - {"recollection-icerd14", "recollection-un"}, row.state
