"""Issue 14: ICERD art. 14 and ICPPED art. 31 declarations for the States parties.

The rows live in ``acceptance/un-cerd14.toml`` and ``acceptance/un-ced31.toml``. Rows read in
a source are tested on their own; rows that rest on recollection must say so in every answer
(low confidence and an out-of-date warning), so that a lawyer never takes them as read.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import litigate
from litigate.rules import load_rules
from litigate.rules.spec import AcceptanceRow
from tests.engine.participants import pending_parties, without_a_row

DATA = load_rules().acceptances
TODAY = date(2026, 12, 7)
KINDS = {s.id: s.kind for s in DATA.sources}


def _rows(instrument: str) -> list[AcceptanceRow]:
    return [r for r in DATA.states if r.instrument == instrument]


def _rests_on_recollection(row) -> bool:
    return any(KINDS[s] == "recollection" for s in row.sources)


@pytest.mark.parametrize(("instrument", "forum"), [("ICERD-14", "cerd"), ("ICPPED-31", "ced")])
def test_every_row_answers_from_data_and_recollection_is_flagged(instrument, forum) -> None:
    rows = _rows(instrument)
    for row in rows:
        a = litigate.acceptance(row.state, forum, on=TODAY, as_of=TODAY)

        assert a.status == row.status != "no_data", row.state
        assert a.instrument == instrument
        assert a.sources, row.state
        assert a.accepted is (row.status == "accepted"), row.state
        if _rests_on_recollection(row):
            assert a.confidence in {"low", "medium"}, row.state
            assert a.stale and a.status_as_of is None, row.state
            assert any("may be out of date" in w for w in a.warnings), row.state
        if a.confidence == "low":
            assert any("low confidence" in w for w in a.warnings), row.state


def test_icerd_parties_are_enumerated() -> None:
    """177 parties in the 2014 UNTC copy plus Angola, less one still without a source (PSE); Monaco,
    Guatemala and Paraguay were added from sources read on 7 Dec 2026, Panama and El Salvador
    (not accepted by April 2014, an NGO's list: low) on 8 Dec 2026."""
    rows = _rows("ICERD-14")
    states = {r.state for r in rows}
    accepted = [r for r in rows if r.status == "accepted"]

    assert len(states) == len(rows) == 177
    assert len(accepted) == 55
    assert {"DZA", "AND", "ARG", "AUS", "AUT", "DEU", "ZAF", "FRA", "KAZ", "AGO", "GBR"} <= states


def test_article_14_came_into_force_with_the_tenth_declaration() -> None:
    """Art. 14(9): ten declarations; the tenth (Senegal's) on the day the Assembly gives."""
    inst = DATA.instrument("ICERD-14")
    assert inst is not None
    assert inst.treaty_in_force_from is not None
    start = inst.treaty_in_force_from
    early = sorted(
        (r.deposited_on, r.state)
        for r in _rows("ICERD-14")
        if r.deposited_on is not None and r.deposited_on <= start
    )

    assert len(early) == 10
    assert early[-1] == (date(1982, 12, 3), "SEN") and inst.treaty_in_force_from == early[-1][0]


def test_algeria_declaration_is_read_in_two_sources() -> None:
    a = litigate.acceptance("DZA", "cerd", on=date(1989, 9, 12), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high" and not a.stale
    assert litigate.acceptance("DZA", "cerd", on=date(1989, 9, 11)).accepted is False


def test_a_declaration_made_with_the_ratification_waits_for_the_convention() -> None:
    """Andorra declared and ratified on 22 Sep 2006; the Convention bound it from 22 Oct 2006."""
    assert litigate.acceptance("AND", "cerd", on=date(2006, 10, 22)).accepted is True
    assert litigate.acceptance("AND", "cerd", on=date(2006, 10, 21)).accepted is False


def test_a_dated_declaration_whose_article_is_recollection_is_medium() -> None:
    a = litigate.acceptance("ARG", "cerd", on=date(2007, 2, 5), as_of=TODAY)

    assert a.accepted is True and a.confidence == "medium"
    assert any("UNTS No. 9464" in s for s in a.sources)
    assert a.stale


@pytest.mark.parametrize("state", ["AFG", "ALB", "ATG", "SAU", "AGO", "ARM"])
def test_no_declaration_on_the_treaty_series_record_is_a_medium_refusal(state) -> None:
    a = litigate.acceptance(state, "cerd", on=TODAY, as_of=TODAY)

    assert a.accepted is False
    assert a.confidence == "medium"
    assert any("UNTS No. 9464" in s for s in a.sources)


def test_a_recalled_refusal_is_low_and_warns() -> None:
    a = litigate.acceptance("IND", "cerd", on=TODAY, as_of=TODAY)

    assert a.status == "not_accepted" and a.confidence == "low"
    assert any("low confidence" in w for w in a.warnings)


def test_icpped_declarations_operate_from_the_conventions_entry_into_force() -> None:
    """Lithuania ratified on 14 Aug 2013: the Convention and the declaration from 13 Sep 2013."""
    assert litigate.acceptance("LTU", "ced", on=date(2013, 9, 13)).accepted is True
    assert litigate.acceptance("LTU", "ced", on=date(2013, 9, 12)).accepted is False
    germany = litigate.acceptance("DEU", "ced", on=date(2010, 12, 23))
    assert germany.accepted is True and germany.in_force_from == date(2010, 12, 23)


def test_icpped_rows_cover_every_party_of_the_depositary_record() -> None:
    """58 parties in the UNTC IV-16 XML of late Dec 2017, each with a row; 27 declarants today
    (24 among them, plus Finland, Korea and Slovenia, later parties: test_acceptance_ced_late.py)."""
    rows = _rows("ICPPED-31")
    # Non-parties whose rows cite the same table since session 10 (Azerbaijan signed only).
    outside = {"AZE", "RUS", "TJK", "TUR", "UZB"}
    read = [r for r in rows if "untc-iv-16-xml-2018" in r.sources and r.state not in outside]
    accepted = {r.state for r in rows if r.status == "accepted"}

    assert len(read) == 57  # the 58 parties less Argentina (its row cites CED/C/10/D/1/2013)
    assert {r.state for r in rows if "untc-iv-16-xml-2018" in r.sources} - outside == {
        r.state for r in read
    }
    assert len(accepted) == 27
    assert {"CHL", "CZE", "MLI", "PER", "CHE", "MEX", "COL", "UKR"} <= accepted
    assert not any(_rests_on_recollection(r) for r in rows if r.state in accepted)
    for row in read:
        if row.status == "accepted":
            assert row.confidence == "high" or row.state in {"COL", "MEX"}, row.state
        else:
            assert row.confidence == "medium", row.state


@pytest.mark.parametrize(
    ("state", "day"),
    [("BIH", date(2012, 12, 13)), ("ESP", date(2011, 1, 5)), ("PER", date(2016, 7, 22))],
)
def test_a_ced_declaration_made_after_the_ratification_operates_from_its_deposit(
    state, day
) -> None:
    """Corrected on the depositary record: BIH and ESP did not declare with their ratification."""
    a = litigate.acceptance(state, "ced", on=day, as_of=TODAY)

    assert a.accepted is True and a.confidence == "high"
    assert litigate.acceptance(state, "ced", on=day - timedelta(days=1)).accepted is False


def test_ced_article_32_alone_opens_no_individual_communications() -> None:
    """Japan and Sri Lanka recognised the inter-State procedure only."""
    for state in ("JPN", "LKA"):
        a = litigate.acceptance(state, "ced", on=TODAY, as_of=TODAY)
        assert a.accepted is False and a.confidence == "medium", state
        assert a.stale and a.status_as_of == date(2017, 12, 21), state


def test_later_ced_declarations_from_the_press_are_medium() -> None:
    """Mexico deposited on 2 Oct 2020 (La Jornada); Colombia declared on 30 Aug 2022 (OHCHR)."""
    mexico = litigate.acceptance("MEX", "ced", on=date(2020, 10, 2), as_of=TODAY)
    assert mexico.accepted is True and mexico.confidence == "medium"
    assert litigate.acceptance("MEX", "ced", on=date(2020, 10, 1)).accepted is False
    colombia = litigate.acceptance("COL", "ced", on=date(2022, 8, 30), as_of=TODAY)
    assert colombia.accepted is True and colombia.confidence == "medium"
    assert litigate.acceptance("COL", "ced", on=date(2022, 8, 29)).accepted is False


def test_a_ced_declaration_with_a_later_ratification_waits_thirty_days() -> None:
    """Switzerland ratified and declared on 2 Dec 2016: bound from 1 Jan 2017 (art. 39(2))."""
    assert litigate.acceptance("CHE", "ced", on=date(2017, 1, 1)).accepted is True
    assert litigate.acceptance("CHE", "ced", on=date(2016, 12, 31)).accepted is False


def test_a_declarations_day_and_the_day_before() -> None:
    """Every ICERD declarant read on the Treaty Series record: in force on its day, not before."""
    for state, day in [("AUS", date(1993, 1, 28)), ("AUT", date(2002, 2, 20))]:
        assert litigate.acceptance(state, "cerd", on=day).accepted is True
        assert litigate.acceptance(state, "cerd", on=day - timedelta(days=1)).accepted is False


# The 182 parties read from the sources (a 2014 copy of the UNTC IV-2 table and a 2022 list for the
# later parties): pending until every one has an ICERD-14 row; then the file moves to participants/.
ICERD14_STILL_WITHOUT_A_ROW = 5


def test_the_icerd_parties_list_is_read_and_counts_what_is_missing() -> None:
    """182 parties listed; each with a row answers from data; the rest are counted, not hidden."""
    parties = pending_parties("ICERD-14")
    states = [p["state"] for p in parties]

    assert len(states) == len(set(states)) == 182
    assert {"VAT", "PSE", "AGO", "SGP", "TLS", "USA"} <= set(states)
    assert "BRN" not in states  # the 2022 list's error, read against the 2014 UNTC copy
    missing = without_a_row("ICERD-14", "cerd", parties, TODAY)
    for party in parties:
        if party["state"] not in missing:
            a = litigate.acceptance(party["state"], "cerd", instrument="ICERD-14", as_of=TODAY)
            assert ("in force from" in party["note"]) is (a.status == "accepted"), party["state"]
    # A ratchet: a new row lowers the number (update it); a lost row fails here.
    assert len(missing) <= ICERD14_STILL_WITHOUT_A_ROW, missing
    # Every ICERD-14 row is for a State on the list (no row for a non-party).
    assert {r.state for r in _rows("ICERD-14")} <= set(states)


def test_monaco_declared_on_6_november_2001() -> None:
    """Ordonnance 15.203 and the depositary notification: deposited on 6 Nov 2001."""
    a = litigate.acceptance("MCO", "cerd", on=date(2001, 11, 6), as_of=TODAY)

    assert a.accepted is True and a.confidence == "medium"
    assert a.in_force_from == date(2001, 11, 6)
    assert "domestic remedies" in a.note
    assert litigate.acceptance("MCO", "cerd", on=date(2001, 11, 5)).accepted is False


def test_guatemala_has_made_no_declaration_and_it_is_a_warning_not_a_certainty() -> None:
    """A/52/18 (1997, primary) and a 2017 report that the bill was still shelved: medium."""
    a = litigate.acceptance("GTM", "cerd", on=TODAY, as_of=TODAY)

    assert a.status == "not_accepted" and a.accepted is False
    assert a.confidence == "medium"
    assert any("A/52/18" in s for s in a.sources)
    assert a.status_as_of == date(1997, 3, 19)
    assert a.stale


def test_switzerland_read_in_two_secondary_sources() -> None:
    """19 Jun 2003, no longer recollection; the reservation on other procedures is in the note."""
    row = next(r for r in _rows("ICERD-14") if r.state == "CHE")
    a = litigate.acceptance("CHE", "cerd", on=date(2003, 6, 19), as_of=TODAY)

    assert not _rests_on_recollection(row)
    assert a.accepted is True and a.confidence == "medium"
    assert litigate.acceptance("CHE", "cerd", on=date(2003, 6, 18)).accepted is False
    assert "another procedure" in a.note


def test_luxembourg_read_in_the_bayefsky_reprint() -> None:
    """22 Jul 1996, no longer recollection; the national body of article 14 (2) is in the note."""
    row = next(r for r in _rows("ICERD-14") if r.state == "LUX")
    a = litigate.acceptance("LUX", "cerd", on=date(1996, 7, 22), as_of=TODAY)

    assert not _rests_on_recollection(row)
    assert a.accepted is True and a.confidence == "medium"
    assert any("bayefsky" in s for s in a.sources)
    assert litigate.acceptance("LUX", "cerd", on=date(1996, 7, 21)).accepted is False
    assert "Commission spéciale permanente" in a.note


def test_partly_read_rows_still_say_the_day_is_recollection() -> None:
    """Kazakhstan (none in 2004), Georgia (the year 2005), the Netherlands (the Committee's opinions
    on communications against it). Belgium, Denmark and France: their days are now read (2014 list,
    tests/engine/test_acceptance_states_a_f.py)."""
    partly_read = [
        ("KAZ", "CERD/C/65/CO/3"),
        ("GEO", "SR.2102"),
        ("NLD", "HR/CERD/PUB/1"),
    ]
    for state, text in partly_read:
        a = litigate.acceptance(state, "cerd", on=TODAY, as_of=TODAY)
        assert a.accepted is True and a.confidence == "low", state
        assert text in a.note and "recollection" in a.note, state
        assert any("low confidence" in w for w in a.warnings), state


def test_serbia_from_the_committees_opinion_in_durmic() -> None:
    """CERD/C/68/D/29/2003: 'made the declaration under article 14 ... on 27 June 2001'."""
    a = litigate.acceptance("SRB", "cerd", on=date(2001, 6, 27), as_of=TODAY)

    assert a.accepted is True and a.confidence == "high"
    assert any("CERD/C/68/D/29/2003" in s for s in a.sources)
    assert litigate.acceptance("SRB", "cerd", on=date(2001, 6, 26)).accepted is False


def test_norway_two_days_in_1976_one_answer_from_1982() -> None:
    """The recalled 23 Jan 1976 and the petition's 23 March 1976 both precede art. 14's start."""
    a = litigate.acceptance("NOR", "cerd", on=date(1982, 12, 3), as_of=TODAY)

    assert a.accepted is True and a.confidence == "medium"
    assert a.in_force_from == date(1982, 12, 3)
    assert "23. March 1976" in a.note and "23 Jan 1976" in a.note
    assert litigate.acceptance("NOR", "cerd", on=date(1982, 12, 2)).accepted is False


@pytest.mark.parametrize(
    ("state", "symbol", "as_of"),
    [
        ("TUR", "CERD/C/TUR/CO/3", date(2009, 1, 22)),
        ("BLR", "CERD/C/304/Add.22", date(1997, 3, 19)),
        ("JPN", "CERD/C/JPN/CO/3-6", date(2010, 3, 9)),
        ("GBR", "paragraph 44", date(2014, 7, 10)),
        ("USA", "CERD/C/USA/7-9", date(2009, 4, 20)),
        ("LTU", "6 Mar 2002", date(2002, 3, 6)),
        ("CHN", "CERD/C/304/Add.15", date(1996, 8, 20)),
        ("CAN", "28 Nov 2001", date(2001, 11, 28)),
        ("NZL", "CERD/C/SR.2222", date(2013, 2, 22)),
        ("PAK", "CERD/C/PAK/CO/20", date(2009, 2, 16)),
        ("SUR", "CERD/C/64/CO/9", date(2004, 2, 23)),
        ("TKM", "CERD/C/TKM/CO/5", date(2005, 8, 18)),
        ("PRY", "A/HRC/55/51/Add.1", date(2022, 11, 25)),
    ],
)
def test_refusals_read_in_concluding_observations_are_medium_and_dated(state, symbol, as_of):
    """The Committee's own observations date the refusal; a later declaration stays possible."""
    row = next(r for r in _rows("ICERD-14") if r.state == state)
    a = litigate.acceptance(state, "cerd", on=TODAY, as_of=TODAY)

    assert not _rests_on_recollection(row)
    assert a.accepted is False and a.confidence == "medium"
    assert any(symbol in s for s in a.sources)
    assert a.status_as_of == as_of and a.stale
    assert "later declaration is possible" in a.note
