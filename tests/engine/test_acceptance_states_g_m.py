"""Issue 14, fifth pass: CAT article 22 and ICERD article 14 for the States G-M.

The rows come from ``acceptance/un-states-g-m.toml`` (new CAT-22 and ICERD-14 rows) and from the
ICERD-14 recollection rows of these States corrected in ``acceptance/un-cerd14.toml``.  One table
of worked examples, read from the documents cited in those files: the State, the procedure, a day,
whether the procedure is accepted on that day, and the source the answer must cite.
"""

from __future__ import annotations

from datetime import date

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


def test_a_refusal_from_a_dated_table_is_stale_and_only_a_warning() -> None:
    """A 'not accepted' read in a dated OHCHR table is flagged out of date and never an error."""
    a = litigate.acceptance("GAB", "cerd", as_of=TODAY)

    assert a.status == "not_accepted"
    assert a.stale
    assert any("out of date" in w for w in a.warnings)
    case = litigate.Case(
        forum="cerd", respondent="GAB", complaints=[litigate.Complaint(provision="ICERD-5")]
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]
    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


def test_a_declaration_made_with_the_ratification_operates_from_entry_into_force() -> None:
    """Ireland ICERD-14: deposited with the ratification (29 Dec 2000), operates from 28 Jan 2001."""
    row = DATA.row("IRL", "ICERD-14")

    assert row is not None
    assert row.deposited_on == date(2000, 12, 29)
    assert row.in_force_from == date(2001, 1, 28)
    assert row.consistency_exception
