"""Issue 14, session 10: UN protocol and CED rows verified on the depositary's own records.

The records are the MTDSG XML files committed under ``tests/data/real/untc-mtdsg/`` (complete
copies of 2016-2017, see its SOURCE). The rows were corrected in place (``acceptance.toml``); the
session's header is ``acceptance/un-protocols-2026.toml``. Each date asserted here is read from the
record by the test itself, not copied from the data.
"""

from __future__ import annotations

import html
import re
from datetime import date, timedelta

import pytest

import litigate
from litigate.rules import load_rules
from litigate.rules.consistency import unverified_rows
from litigate.rules.spec import AcceptanceRow
from tests.engine.test_acceptance_untc2024_a import _day, _participants, _record

DATA = load_rules().acceptances
TODAY = date(2026, 12, 8)
RECORDS = {
    "ICCPR-OP1": "IV-5.en.xml",
    "OP-ICESCR": "IV-3-a.en.xml",
    "OP-CEDAW": "IV-8-b.en.xml",
    "OP3-CRC": "IV-11-d.en.xml",
    "OP-CRPD": "IV-15-a.en.xml",
    "ICPPED-31": "IV-16.en.xml",
}
FORUMS = {
    "ICCPR-OP1": "hrc",
    "OP-ICESCR": "cescr",
    "OP-CEDAW": "cedaw",
    "OP3-CRC": "crc",
    "OP-CRPD": "crpd",
    "ICPPED-31": "ced",
}
NAMES = {
    "AZE": "Azerbaijan",
    "BLR": "Belarus",
    "GUY": "Guyana",
    "KAZ": "Kazakhstan",
    "RUS": "Russian Federation",
    "TJK": "Tajikistan",
    "TUR": "Turkey",
    "UKR": "Ukraine",
    "UZB": "Uzbekistan",
}

# Worked examples: (state, instrument, day, accepted on that day, a source the row cites).
WORKED = [
    ("TUR", "OP-CRPD", date(2015, 4, 25), True, "untc-iv-15-a-xml-2016"),
    ("TUR", "OP-CRPD", date(2015, 4, 24), False, "untc-iv-15-a-xml-2016"),
    ("TUR", "OP3-CRC", date(2018, 3, 26), True, "untc-iv-11-d-xml-2017"),
    ("TUR", "OP3-CRC", date(2018, 3, 25), False, "untc-iv-11-d-xml-2017"),
    ("UKR", "OP3-CRC", date(2016, 12, 2), True, "untc-iv-11-d-xml-2017"),
    ("UKR", "OP3-CRC", date(2016, 12, 1), False, "untc-iv-11-d-xml-2017"),
    ("TUR", "OP-CEDAW", date(2003, 1, 29), True, "untc-iv-8-b-xml-2017"),
    ("GUY", "ICCPR-OP1", date(1999, 4, 5), True, "untc-iv-5-xml-2018"),
    ("RUS", "OP-CRPD", date(2016, 10, 11), False, "untc-iv-15-a-xml-2016"),
    ("UZB", "OP3-CRC", date(2017, 12, 26), False, "untc-iv-11-d-xml-2017"),
    ("TJK", "OP-ICESCR", date(2017, 12, 21), False, "untc-iv-3-a-xml-2018"),
    ("UZB", "OP-CEDAW", date(2017, 3, 23), False, "untc-iv-8-b-xml-2017"),
    ("KAZ", "OP-CRPD", date(2016, 10, 11), False, "untc-iv-15-a-xml-2016"),
    ("UKR", "OP-ICESCR", date(2017, 12, 21), False, "untc-iv-3-a-xml-2018"),
    ("TUR", "ICPPED-31", date(2017, 12, 21), False, "untc-iv-16-xml-2018"),
    ("BLR", "ICPPED-31", date(2024, 8, 30), False, "untc-iv-16-xml-2024"),
    ("AZE", "ICPPED-31", date(2024, 8, 30), False, "untc-iv-16-xml-2024"),
    ("GEO", "OP-CRPD", date(2022, 1, 30), True, "ccpr-c-geo-co-5"),
    ("TLS", "OP-CRPD", date(2023, 4, 5), True, "ungeneva-crpd-28-opening-2023"),
]

# Rows whose deposit day the record gives (each was recollection or low confidence before).
PARTIES = [("TUR", "OP-CRPD"), ("TUR", "OP3-CRC"), ("UKR", "OP3-CRC"), ("TUR", "OP-CEDAW")]
# Rows the record shows as not participants (not_accepted) or as signatories (signed_only).
NON_PARTIES = [
    (state, instrument)
    for instrument, states in {
        "OP-CRPD": ("RUS", "TJK", "UZB", "KAZ"),
        "OP3-CRC": ("RUS", "TJK", "UZB"),
        "OP-ICESCR": ("RUS", "TJK", "UZB", "TUR", "UKR"),
        "OP-CEDAW": ("UZB",),
        "ICPPED-31": ("RUS", "TJK", "UZB", "TUR", "BLR", "AZE"),
    }.items()
    for state in states
]
# Declarations read in the records' "Declarations and Reservations" sections: a phrase of each.
DECLARATIONS = [
    ("TUR", "OP-CRPD", "other", "any dealing with the so-called Republic of Cyprus"),
    ("TUR", "OP3-CRC", "other", "fully retain their validity"),
    (
        "UKR",
        "OP3-CRC",
        "territorial",
        "the Autonomous Republic of Crimea and the city of Sevastopol",
    ),
]
# Unverified rows per instrument (scripts/check_acceptance.py --unverified): before session 10
# ICCPR-OP1 2, OP-CEDAW 3, OP-CRPD 8, OP3-CRC 5, OP-ICESCR 5, ICPPED-31 15. A ratchet.
UNVERIFIED_AT_MOST = {
    "ICCPR-OP1": 1,
    "OP-CEDAW": 1,
    "OP-CRPD": 6,  # 3 after the verification, plus GEO, TLS, IRL (no deposit day, low)
    "OP3-CRC": 0,
    "OP-ICESCR": 0,
    "ICPPED-31": 9,
}


def _row(state: str, instrument: str) -> AcceptanceRow:
    row = DATA.row(state, instrument)
    assert row is not None, (state, instrument)
    return row


def _table(instrument: str) -> dict[str, tuple[str, str]]:
    return {name: (sig, dep) for name, sig, dep in _participants(_record(RECORDS[instrument]))}


def _text(xml: str) -> str:
    """The record as plain text: tags dropped, entities resolved, spaces collapsed."""
    plain = html.unescape(re.sub(r"<[^>]+>", " ", html.unescape(xml)))
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", plain))


@pytest.mark.parametrize(("state", "instrument", "day", "accepted", "source"), WORKED)
def test_worked_example(state, instrument, day, accepted, source) -> None:
    a = litigate.acceptance(state, FORUMS[instrument], instrument=instrument, on=day, as_of=TODAY)

    assert a.accepted is accepted
    assert source in _row(state, instrument).sources


@pytest.mark.parametrize(("state", "instrument"), PARTIES)
def test_the_deposit_day_is_the_records(state, instrument) -> None:
    """The row's deposit day is the record's; in force follows from it (checked by the script)."""
    _, deposit = _table(instrument)[NAMES[state]]
    row = _row(state, instrument)

    assert row.deposited_on == _day(deposit)
    assert row.confidence == "high"
    assert "recollection-un" not in row.sources and "wpdl-hr-status" not in row.sources


def test_guyanas_reaccession_is_the_records_end_note() -> None:
    text = _text(_record(RECORDS["ICCPR-OP1"]))
    row = _row("GUY", "ICCPR-OP1")

    assert _day(_table("ICCPR-OP1")["Guyana"][1]) == row.deposited_on == date(1999, 1, 5)
    assert "denounce the said Optional Protocol with effect from 5 April 1999" in text
    assert row.in_force_from == row.deposited_on + timedelta(days=90)
    assert row.sources == ("untc-iv-5-xml-2018",)


@pytest.mark.parametrize(("state", "instrument"), NON_PARTIES)
def test_a_non_party_row_is_what_the_record_shows(state, instrument) -> None:
    """Absent from the table: not accepted; signed without a deposit: signed only. Medium, or high
    for a signatory of the Convention itself, and as of the record's day (so stale, a warning)."""
    found = _table(instrument).get(NAMES[state])
    row = _row(state, instrument)

    if found is None:
        assert row.status == "not_accepted"
        assert row.confidence == "medium"
    else:
        signature, deposit = found
        assert signature and not deposit
        assert row.status == "signed_only"
    assert all(DATA.source(s).kind == "primary" for s in row.sources)
    as_of = DATA.status_as_of(row.sources)
    assert as_of is not None and as_of < TODAY - timedelta(days=DATA.stale_after_days or 0)


@pytest.mark.parametrize(("state", "instrument", "kind", "phrase"), DECLARATIONS)
def test_a_declaration_is_quoted_from_the_record(state, instrument, kind, phrase) -> None:
    record = _text(_record(RECORDS[instrument]))
    declarations = record[record.index("Declarations and Reservations") :]
    (reservation,) = [r for r in _row(state, instrument).reservations if phrase in r.text]

    assert phrase in declarations
    assert reservation.kind == kind and reservation.verbatim is True


# Parties known from a UN document that gives no deposit day, only the latest day it can have been:
# (state, instrument, latest possible deposit, days from deposit to entry into force, the phrase
# of the source that fixes that day).
BY_LATEST_DEPOSIT = [
    ("GEO", "OP-CRPD", date(2021, 12, 31), 30, "in 2021"),
    ("TLS", "OP-CRPD", date(2023, 3, 6), 30, "6 March 2023"),
    ("IRL", "OP-CRPD", date(2025, 3, 31), 30, "(March 2025)"),
]


@pytest.mark.parametrize(("state", "instrument", "latest", "days", "phrase"), BY_LATEST_DEPOSIT)
def test_a_party_without_a_deposit_day_is_in_force_by_the_latest_possible_day(
    state, instrument, latest, days, phrase
) -> None:
    """No deposit day: in force from the last possible deposit plus the instrument's period, low
    confidence (a warning), resting on a primary document that fixes that last day."""
    row = _row(state, instrument)
    primary = [DATA.source(s) for s in row.sources if DATA.source(s).kind == "primary"]

    assert row.deposited_on is None and row.confidence == "low"
    assert row.in_force_from == latest + timedelta(days=days)
    assert any(phrase in s.title for s in primary)
    a = litigate.acceptance(state, FORUMS[instrument], on=row.in_force_from, as_of=TODAY)
    assert a.accepted is True


def test_unverified_rows_of_the_protocols_only_go_down() -> None:
    counts = dict.fromkeys(UNVERIFIED_AT_MOST, 0)
    for row in unverified_rows(DATA):
        if row.instrument in counts:
            counts[row.instrument] += 1
    for instrument, most in UNVERIFIED_AT_MOST.items():
        assert counts[instrument] <= most, instrument
