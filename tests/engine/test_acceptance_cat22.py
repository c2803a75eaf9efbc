"""Issue 14: the article 22 declarations under the Convention against Torture (CAT-22).

The rows come from ``acceptance.toml``, ``acceptance/un-declarations.toml`` and
``acceptance/un-cat22.toml``.  These tests run over the packaged rows themselves: every
CAT-22 row answers from data, and the rows taken from the Secretary-General's 1998 list
(CAT/C/2/Rev.5) agree with the rows read elsewhere and are flagged as they should be.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import litigate
from litigate.rules import load_rules
from tests.engine.participants import pending_parties, without_a_row

DATA = load_rules().acceptances
TODAY = date(2026, 12, 7)
LIST_DATE = date(1998, 2, 1)
ROWS = [r for r in DATA.states if r.instrument == "CAT-22"]
FROM_1998_LIST = sorted(r.state for r in ROWS if "cat-c-2-rev5-1998" in r.sources)

# The States of CAT/C/2/Rev.5, chapter II.D, that already had a CAT-22 row read elsewhere.
ON_THE_LIST_AND_HELD_ELSEWHERE = ["AUS", "CAN", "DNK", "DZA", "ESP", "RUS"]


def test_every_cat22_row_answers_from_data() -> None:
    """The enumeration: each State with a CAT-22 row gets a sourced answer, never no_data."""
    assert len({r.state for r in ROWS}) == len(ROWS), "a State has two CAT-22 rows"
    accepted = [r for r in ROWS if r.status == "accepted"]
    assert len(accepted) >= 40
    for row in ROWS:
        a = litigate.acceptance(row.state, "cat", as_of=TODAY)

        assert a.status == row.status != "no_data", row.state
        assert a.instrument == "CAT-22", row.state
        assert a.sources, row.state
        assert a.note, row.state
        if a.status == "accepted":
            assert a.in_force_from is not None, row.state


def test_serbia_from_the_committees_decision() -> None:
    """CAT/C/67/D/857/2017: 'Serbia made the declaration ... on 12 March 2001'."""
    on = litigate.acceptance("SRB", "cat", on=date(2001, 3, 12), as_of=TODAY)
    before = litigate.acceptance("SRB", "cat", on=date(2001, 3, 11))

    assert on.accepted is True
    assert before.accepted is False
    assert on.confidence == "high"
    assert not on.stale
    assert any("CAT/C/67/D/857/2017" in s for s in on.sources)


def test_the_1998_list_gives_the_latest_day_and_is_flagged() -> None:
    """Italy is on the 1998 list: accepted from 1 Feb 1998 at the latest, low, out of date."""
    a = litigate.acceptance("ITA", "cat", on=LIST_DATE, as_of=TODAY)

    assert a.accepted is True
    assert litigate.acceptance("ITA", "cat", on=LIST_DATE - timedelta(days=1)).accepted is False
    assert a.confidence == "low"
    assert a.status_as_of == LIST_DATE
    assert a.stale
    assert any("low confidence" in w for w in a.warnings)
    assert any("out of date" in w for w in a.warnings)
    assert "only one of those two articles" in a.note


# A complaint under article 22 transmitted to the State, or decided, shows that the declaration
# covers article 22 and was in force by then: (State, latest day used, decision read).
CONFIRMED_BY_A_DECISION = [
    ("NOR", LIST_DATE, "CAT/C/23/D/121/1998"),
    ("FIN", LIST_DATE, "CAT/C/52/D/483/2011"),
    ("FRA", date(1997, 1, 13), "CAT/C/23/D/63/1997"),
    ("NLD", date(1996, 5, 8), "CAT/C/16/D/36/1995"),
    # Conclusions of the Committee or the State's report: Croatia (A/54/44, para. 62, the day),
    # Hungary (A/48/44, para. 344, by its examination), Bulgaria (CAT/C/17/Add.19, 'May 1993').
    ("HRV", date(1991, 10, 8), "A/54/44"),
    ("HUN", date(1993, 4, 21), "A/48/44"),
    ("BGR", date(1993, 5, 31), "CAT/C/17/Add.19"),
    ("MLT", date(1996, 5, 7), "A/51/44"),
    ("AUT", date(1992, 5, 5), "CAT/C/8/D/8/1991"),
    ("ARG", date(1989, 11, 23), "1/1988"),
]


@pytest.mark.parametrize(("state", "day", "symbol"), CONFIRMED_BY_A_DECISION)
def test_rows_confirmed_by_a_decision_under_article_22(state: str, day: date, symbol: str) -> None:
    a = litigate.acceptance(state, "cat", on=day, as_of=TODAY)

    assert a.accepted is True
    assert a.in_force_from == day
    assert litigate.acceptance(state, "cat", on=day - timedelta(days=1)).accepted is False
    assert a.confidence == "medium"
    assert any(symbol in s for s in a.sources)


@pytest.mark.parametrize("state", ON_THE_LIST_AND_HELD_ELSEWHERE)
def test_the_1998_list_agrees_with_the_rows_read_elsewhere(state: str) -> None:
    """A State on the list and read in another source must be accepted by 1 Feb 1998 there."""
    row = DATA.row(state, "CAT-22")

    assert row is not None
    assert "cat-c-2-rev5-1998" not in row.sources
    assert row.status == "accepted"
    assert row.in_force_from is not None and row.in_force_from <= LIST_DATE
    assert litigate.acceptance(state, "cat", on=LIST_DATE).accepted is True


def test_the_list_rows_are_the_ones_read() -> None:
    """22 States from the list; the United States (article 21 only) is not accepted, low."""
    confirmed = {state for state, _, _ in CONFIRMED_BY_A_DECISION}
    assert len(FROM_1998_LIST) == 22
    assert confirmed <= set(FROM_1998_LIST)
    usa = DATA.row("USA", "CAT-22")
    assert usa is not None and usa.status == "not_accepted"
    assert "cat-usa-initial-report-1999" in usa.sources
    for state in FROM_1998_LIST:
        row = DATA.row(state, "CAT-22")
        assert row is not None
        assert row.in_force_from is not None and row.in_force_from <= LIST_DATE
        assert row.confidence.value == ("medium" if state in confirmed else "low")


@pytest.mark.parametrize(
    ("state", "confidence", "as_of_day"),
    [
        ("JPN", "medium", date(2017, 1, 1)),
        ("GBR", "low", date(2013, 5, 31)),
        # Session 11: the same OHCHR table for Pakistan ('CAT, arts. 20-22' not accepted).
        ("PAK", "medium", date(2017, 1, 1)),
        ("GAB", "medium", date(2017, 1, 1)),
    ],
)
def test_not_accepted_rows_rest_on_a_document_about_that_state(
    state: str, confidence: str, as_of_day: date
) -> None:
    """Japan (UPR compilation, 2017) and the United Kingdom (CAT/C/GBR/CO/5, 2013)."""
    a = litigate.acceptance(state, "cat", on=date(2020, 1, 1), as_of=TODAY)

    assert a.status == "not_accepted"
    assert a.accepted is False
    assert a.confidence == confidence
    assert a.status_as_of == as_of_day
    assert a.stale
    assert any("out of date" in w for w in a.warnings)


# Session 8: declarations read in the Committee's concluding observations (and one news report).
# (State, day of the declaration = day in force, confidence, text of the source cited.)
LATER_DECLARATIONS = [
    ("BOL", date(2006, 2, 14), "high", "CAT/C/BOL/CO/2"),
    ("MEX", date(2002, 3, 15), "medium", "CAT/C/MEX/CO/4"),
    ("MDA", date(2011, 9, 2), "high", "CAT/C/MDA/CO/3"),
    ("VEN", date(1993, 12, 21), "medium", "A/54/44"),
    ("BRA", date(2006, 6, 26), "low", "Agência Brasil"),
    # Session 9: CAT/C/LKA/CO/5, para. 4 ('the declaration made on 16 August 2016').
    ("LKA", date(2016, 8, 16), "high", "CAT/C/LKA/CO/5"),
    # A decision on a complaint, para. 1: 'made the declaration ... on 12 October 2000'.
    ("CMR", date(2000, 10, 12), "high", "CAT/C/75/D/1034/2020"),
    ("GTM", date(2003, 9, 25), "medium", "CAT/C/GTM/CO/4"),
]


@pytest.mark.parametrize(("state", "day", "confidence", "cited"), LATER_DECLARATIONS)
def test_a_later_declaration_takes_effect_on_deposit(
    state: str, day: date, confidence: str, cited: str
) -> None:
    """Made years after the ratification: in force on the day deposited, not before."""
    row = DATA.row(state, "CAT-22")
    on = litigate.acceptance(state, "cat", on=day, as_of=TODAY)
    before = litigate.acceptance(state, "cat", on=day - timedelta(days=1), as_of=TODAY)

    assert row is not None and row.deposited_on == row.in_force_from == day
    assert on.accepted is True
    assert before.accepted is False
    assert on.confidence == confidence
    assert any(cited in s for s in on.sources)
    if confidence == "low":
        assert any("low confidence" in w for w in on.warnings)


def test_a_complaint_before_a_late_declaration_is_refused_as_not_yet() -> None:
    """Bolivia (high confidence): a complaint lodged in 2005 meets 'not yet in force', an error."""
    case = litigate.Case(
        forum="cat",
        respondent="BOL",
        complaints=[litigate.Complaint(provision="CAT-1")],
        lodged_on=date(2005, 6, 1),
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]

    assert found
    assert found[0].severity is litigate.Severity.ERROR
    assert "14 February 2006" in found[0].message


def test_a_stale_low_not_accepted_row_is_only_a_warning() -> None:
    """Issue 14 point 7: the United Kingdom's row (low, read 2013) never blocks as an error."""
    case = litigate.Case(
        forum="cat", respondent="GBR", complaints=[litigate.Complaint(provision="CAT-1")]
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]

    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


# The parties read from the sources (UNTC IV-9 and a 2015 copy of its table): pending until every
# one of them has a CAT-22 row; then the file moves to participants/ and the coverage test takes it.
STILL_WITHOUT_A_ROW = 15


def test_the_parties_list_is_read_and_counts_what_is_missing() -> None:
    """173 parties listed; every one with a row answers from data; the rest are counted, not hidden."""
    parties = pending_parties("CAT-22")
    states = [p["state"] for p in parties]

    assert len(states) == len(set(states)) == 173
    assert {"AZE", "BOL", "MEX", "BRA", "USA", "GBR"} <= set(states)
    missing = without_a_row("CAT-22", "cat", parties, TODAY)
    # A ratchet: a new row lowers the number (update it); a lost row fails here.
    assert len(missing) <= STILL_WITHOUT_A_ROW, missing
    # Every CAT-22 row is for a State on the list (no row for a non-party).
    assert {r.state for r in ROWS} <= set(states)


def test_a_latest_bound_is_used_when_the_day_was_not_read() -> None:
    """Belgium: in force by 14 May 2003 (CAT/C/CR/30/6); low, and the note names the earlier day."""
    a = litigate.acceptance("BEL", "cat", on=date(2003, 5, 14), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "low"
    assert litigate.acceptance("BEL", "cat", on=date(2003, 5, 13)).accepted is False
    assert "25 July 1999" in a.note
    assert any("low confidence" in w for w in a.warnings)


def test_azerbaijan_from_the_committees_decision_of_2005() -> None:
    """Issue 14: 'made the declaration under article 22 on 4 February 2002' (CAT/C/35/D/247/2004).

    A later decision says 'effective from 4 May 2002'; the row keeps the day of deposit (art. 22
    sets no delay) and its note names the later day, on which the State may rely.
    """
    on = litigate.acceptance("AZE", "cat", on=date(2002, 2, 4), as_of=TODAY)
    before = litigate.acceptance("AZE", "cat", on=date(2002, 2, 3), as_of=TODAY)

    assert on.accepted is True
    assert before.accepted is False
    assert on.in_force_from == date(2002, 2, 4)
    assert on.confidence == "medium"
    assert any("CAT/C/35/D/247/2004" in s for s in on.sources)
    assert any("CAT/C/74/D/905/2018" in s for s in on.sources)
    assert "4 May 2002" in on.note


def test_a_declaration_made_with_the_accession_waits_for_the_thirtieth_day() -> None:
    """Slovenia: declared with its instrument of 16 July 1993 (A/55/44): in force 15 August 1993."""
    row = DATA.row("SVN", "CAT-22")
    assert row is not None and row.deposited_on == date(1993, 7, 16)
    assert litigate.acceptance("SVN", "cat", on=date(1993, 8, 14)).accepted is False
    a = litigate.acceptance("SVN", "cat", on=date(1993, 8, 15), as_of=TODAY)
    assert a.accepted is True
    assert a.in_force_from == row.deposited_on + timedelta(days=30)
    assert "15 April 1993" in a.note


def test_uruguay_is_in_force_by_the_first_examination_at_the_latest() -> None:
    """A/47/44 para. 162 (15 Nov 1991): the latest bound, low; the note names 26 June 1987."""
    a = litigate.acceptance("URY", "cat", on=date(1991, 11, 15), as_of=TODAY)
    assert a.accepted is True
    assert a.confidence == "low"
    assert "26 June 1987" in a.note


def test_turkey_declared_with_the_ratification_so_thirty_days_later() -> None:
    """CAT/C/6/D/4/1990: declaration of 2 Aug 1988 (the ratification): in force 1 Sep 1988."""
    assert litigate.acceptance("TUR", "cat", on=date(1988, 8, 31)).accepted is False
    a = litigate.acceptance("TUR", "cat", on=date(1988, 9, 1), as_of=TODAY)
    assert a.accepted is True
    assert a.confidence == "medium"
    assert any("CAT/C/6/D/4/1990" in s for s in a.sources)


def test_sri_lanka_was_outside_article_22_in_1998_and_inside_from_2016() -> None:
    """A/53/44 para. 244 (1998: no declaration) agrees with CAT/C/LKA/CO/5 (declared 2016)."""
    assert litigate.acceptance("LKA", "cat", on=date(1998, 5, 22)).accepted is False
    assert litigate.acceptance("LKA", "cat", on=date(2016, 8, 15)).accepted is False
    a = litigate.acceptance("LKA", "cat", on=date(2016, 8, 16), as_of=TODAY)
    assert a.accepted is True
    assert a.confidence == "high"
    assert any("A/53/44" in s for s in a.sources)
    assert "3 January 1994" in a.note


def test_peru_declared_with_the_ratification_and_the_note_keeps_the_committees_day() -> None:
    """CAT/C/75/D/930/2019 para. 1.2: 'con efectos a partir del 7 de julio de 1988' (ratification day).

    The row applies art. 27(2) (thirtieth day: 6 August 1988) and its note names the earlier day.
    """
    row = DATA.row("PER", "CAT-22")
    assert row is not None and row.deposited_on == date(1988, 7, 7)
    assert litigate.acceptance("PER", "cat", on=date(1988, 8, 5)).accepted is False
    a = litigate.acceptance("PER", "cat", on=date(1988, 8, 6), as_of=TODAY)
    assert a.accepted is True
    assert a.in_force_from == row.deposited_on + timedelta(days=30)
    assert a.confidence == "high"
    assert "7 July 1988" in a.note
    assert any("CAT/C/75/D/930/2019" in s for s in a.sources)


def test_korea_is_in_force_by_the_complaint_it_answered_at_the_latest() -> None:
    """CAT/C/53/D/519/2012: a complaint acted on by 10 Sep 2012; low, the day itself unread."""
    assert litigate.acceptance("KOR", "cat", on=date(2012, 9, 9)).accepted is False
    a = litigate.acceptance("KOR", "cat", on=date(2012, 9, 10), as_of=TODAY)
    assert a.accepted is True
    assert a.confidence == "low"
    assert any("low confidence" in w for w in a.warnings)
    assert "9 January 1995" in a.note


# Session 10: "not accepted" as at the date of a document about that State (the Committee's
# conclusions, an OHCHR press release, an NGO's country box). Every one is low and out of date,
# so it warns and never blocks. (State, status as of, text of the source cited.)
NOT_ACCEPTED_AS_AT_A_DOCUMENT = [
    ("QAT", date(2018, 5, 2), "21 and 22"),
    ("EGY", date(1989, 4, 20), "A/44/46"),
    ("ISR", date(1998, 5, 18), "A/53/44"),
    ("KWT", date(1998, 5, 13), "A/53/44"),
    ("SAU", date(2013, 10, 31), "Art. 22 (Individual communications): No"),
    ("PAN", date(1998, 5, 13), "A/53/44"),
    ("KGZ", date(2021, 10, 30), "OMCT"),
    ("BHR", date(2005, 5, 12), "Bahrain Center for Human Rights"),
    ("ARE", date(2022, 7, 29), "MENA Rights Group"),
    ("LBN", date(2015, 8, 10), "A/HRC/WG.6/23/LBN/3"),
    ("USA", date(1999, 10, 15), "CAT/C/28/Add.5"),
    ("IDN", date(2001, 11, 19), "CAT/C/XXVII/Concl.3"),
    ("SLV", date(2000, 5, 12), "A/55/44"),
]


@pytest.mark.parametrize(("state", "as_at", "cited"), NOT_ACCEPTED_AS_AT_A_DOCUMENT)
def test_not_accepted_as_at_a_document_is_low_stale_and_only_a_warning(
    state: str, as_at: date, cited: str
) -> None:
    a = litigate.acceptance(state, "cat", on=date(2020, 1, 1), as_of=TODAY)

    assert a.status == "not_accepted"
    assert a.accepted is False
    assert a.confidence == "low"
    assert a.status_as_of == as_at
    assert a.stale
    assert any(cited in s for s in a.sources)
    assert "later declaration would not show" in a.note
    case = litigate.Case(
        forum="cat", respondent=state, complaints=[litigate.Complaint(provision="CAT-1")]
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]
    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


def test_senegal_declared_in_1996_ten_years_after_ratifying() -> None:
    """CAT/C/36/D/181/2001 para. 1.2: declaration of 16 October 1996, effective on deposit."""
    row = DATA.row("SEN", "CAT-22")
    assert row is not None and row.deposited_on == row.in_force_from == date(1996, 10, 16)
    assert litigate.acceptance("SEN", "cat", on=date(1996, 10, 15)).accepted is False
    a = litigate.acceptance("SEN", "cat", on=date(1996, 10, 16), as_of=TODAY)
    assert a.accepted is True
    assert a.confidence == "medium"
    assert any("CAT/C/36/D/181/2001" in s for s in a.sources)


def test_germany_is_in_force_by_the_complaint_forwarded_at_the_latest() -> None:
    """CAT/C/32/D/214/2002 para. 1.2: forwarded to Germany on 11 Sep 2002; low latest bound."""
    assert litigate.acceptance("DEU", "cat", on=date(2002, 9, 10)).accepted is False
    a = litigate.acceptance("DEU", "cat", on=date(2002, 9, 11), as_of=TODAY)
    assert a.accepted is True
    assert a.confidence == "low"
    assert any("low confidence" in w for w in a.warnings)
    assert "1 October 1990" in a.note


@pytest.mark.parametrize("state", ["YEM", "JOR"])
def test_an_undated_secondary_page_is_low_and_warns_but_is_not_stale(state: str) -> None:
    """Yemen (Policing Law), Jordan (an NGO's UPR report): undated; status as of = day read."""
    a = litigate.acceptance(state, "cat", on=date(2020, 1, 1), as_of=TODAY)

    assert a.status == "not_accepted"
    assert a.confidence == "low"
    assert a.status_as_of == TODAY
    assert any("low confidence" in w for w in a.warnings)
    assert "undated" in a.note
    case = litigate.Case(
        forum="cat", respondent=state, complaints=[litigate.Complaint(provision="CAT-1")]
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]
    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


# Session 11: a complaint received under article 22 shows the declaration in force by then (art.
# 22 (1): no complaint is received about a State without one). (State, latest day, decision, a
# day the note must name.)
IN_FORCE_BY_A_COMPLAINT = [
    ("BIH", date(2017, 11, 1), "CAT/C/67/D/854/2017", "1 September 1993"),
]


@pytest.mark.parametrize(("state", "day", "symbol", "named"), IN_FORCE_BY_A_COMPLAINT)
def test_in_force_by_a_complaint_received_at_the_latest(
    state: str, day: date, symbol: str, named: str
) -> None:
    assert litigate.acceptance(state, "cat", on=day - timedelta(days=1)).accepted is False
    a = litigate.acceptance(state, "cat", on=day, as_of=TODAY)

    assert a.accepted is True
    assert a.in_force_from == day
    assert a.confidence == "low"
    assert any("low confidence" in w for w in a.warnings)
    assert any(symbol in s for s in a.sources)
    assert named in a.note
    assert "check UNTC IV-9" in a.note
