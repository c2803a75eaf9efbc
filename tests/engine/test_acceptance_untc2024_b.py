"""Issue 14: OP-CEDAW, OP-CRPD and OP3-CRC against the depositary's complete participants tables.

The tables are the UN Treaty Collection's MTDSG XML files IV-8-b, IV-15-a and IV-11-d (complete
copies of 2016-2017), listed in ``tests/data/real/participants/`` with each party's deposit day;
the rows added or corrected from them live in ``acceptance/un-untc-2024-b.toml`` (and, corrected in
place, in ``un-parties-recent.toml`` and ``acceptance.toml``). Each date asserted here is the one the
depositary's table gives.
"""

from __future__ import annotations

import csv
import re
from datetime import date, timedelta
from pathlib import Path

import pytest

import litigate
from litigate.rules import load_rules

DATA = load_rules().acceptances
TODAY = date(2026, 12, 7)
LISTS = Path(__file__).resolve().parent.parent / "data" / "real" / "participants"
TABLES = {"OP-CEDAW": 109, "OP-CRPD": 92, "OP3-CRC": 37}


def _lines(instrument: str) -> list[dict[str, str]]:
    text = (LISTS / f"{instrument}.tsv").read_text(encoding="utf-8")
    body = [line for line in text.splitlines() if line and not line.startswith("#")]
    return list(csv.DictReader(body, delimiter="\t"))


@pytest.mark.parametrize(("instrument", "parties"), TABLES.items())
def test_the_list_holds_the_whole_table_and_every_day_is_the_datas(instrument, parties) -> None:
    """Every party of the depositary's table has a row with the table's deposit day."""
    lines = _lines(instrument)
    table = [line for line in lines if not line["note"].startswith("after the copy")]

    assert len(table) == parties
    for line in lines:
        row = DATA.row(line["state"], instrument)
        assert row is not None, line
        assert row.status == "accepted", line
        expected = date.fromisoformat(line["date"]) if line["date"] else None
        assert row.deposited_on == expected, line
    for line in table:
        assert line["note"] in {"ratification", "accession", "succession"}, line


@pytest.mark.parametrize("instrument", TABLES)
def test_the_list_states_the_depositarys_count_of_today(instrument) -> None:
    """The header says how many parties the 2024 copy counts, so the gap is visible."""
    text = (LISTS / f"{instrument}.tsv").read_text(encoding="utf-8")
    found = re.search(r"^# UNTC [^:]+: (\d+) parties", text, re.MULTILINE)

    assert found is not None
    assert int(found[1]) > len(_lines(instrument))


@pytest.mark.parametrize(
    ("state", "forum", "instrument", "deposited", "first_day"),
    [
        # "Sao Tome and Principe 6 Sep 2000 23 Mar 2017": in force three months later.
        ("STP", "cedaw", "OP-CEDAW", date(2017, 3, 23), date(2017, 6, 23)),
        # "South Sudan 30 Apr 2015 a".
        ("SSD", "cedaw", "OP-CEDAW", date(2015, 4, 30), date(2015, 7, 30)),
        # "Mongolia 4 Oct 2013 28 Sep 2015".
        ("MNG", "crc", "OP3-CRC", date(2015, 9, 28), date(2015, 12, 28)),
        # "Panama 16 Feb 2017 a".
        ("PAN", "crc", "OP3-CRC", date(2017, 2, 16), date(2017, 5, 16)),
        # "Paraguay 26 Sep 2012 20 Jan 2017".
        ("PRY", "crc", "OP3-CRC", date(2017, 1, 20), date(2017, 4, 20)),
        # "Peru 28 Feb 2012 6 Jan 2016".
        ("PER", "crc", "OP3-CRC", date(2016, 1, 6), date(2016, 4, 6)),
        # "Samoa 29 Apr 2016 a".
        ("WSM", "crc", "OP3-CRC", date(2016, 4, 29), date(2016, 7, 29)),
    ],
)
def test_added_party_in_force_from_its_day(state, forum, instrument, deposited, first_day) -> None:
    on = litigate.acceptance(state, forum, on=first_day, as_of=TODAY)
    before = litigate.acceptance(state, forum, on=first_day - timedelta(days=1), as_of=TODAY)
    row = DATA.row(state, instrument)

    assert row is not None and row.deposited_on == deposited
    assert on.instrument == instrument
    assert on.accepted is True
    assert before.accepted is False
    assert on.in_force_from == first_day
    assert on.confidence == "high"
    assert on.sources
    assert all(DATA.source(s).kind == "primary" for s in row.sources)
    # The copy is of 2017: the answer is flagged as possibly out of date, never silently fresh.
    assert on.status_as_of is not None and on.status_as_of.year == 2017
    assert on.stale and on.warnings


@pytest.mark.parametrize(
    ("state", "deposited", "first_day", "old_day"),
    [
        # "Gambia 6 Jul 2015 a" (the row held an NGO's 7 July 2015).
        ("GMB", date(2015, 7, 6), date(2015, 8, 5), "7 July 2015"),
        # "New Zealand 4 Oct 2016 a" (the row held the Government's 5 October 2016).
        ("NZL", date(2016, 10, 4), date(2016, 11, 3), "5 October 2016"),
    ],
)
def test_crpd_days_corrected_to_the_depositarys(state, deposited, first_day, old_day) -> None:
    a = litigate.acceptance(state, "crpd", on=first_day, as_of=TODAY)
    row = DATA.row(state, "OP-CRPD")

    assert row is not None and row.deposited_on == deposited
    assert a.accepted is True
    assert a.in_force_from == first_day
    assert a.confidence == "high"
    assert "untc-iv-15-a-xml-2016" in row.sources
    assert old_day in a.note and "Corrected" in a.note
    assert litigate.acceptance(state, "crpd", on=first_day - timedelta(days=1)).accepted is False


def test_malta_rests_on_the_press_and_warns() -> None:
    """Malta "signed and ratified" during CSW63 (11-22 March 2019), reported on 16 March 2019:
    no deposit day, held in force from the latest possible day, low confidence, with a warning."""
    a = litigate.acceptance("MLT", "cedaw", on=date(2019, 6, 16), as_of=TODAY)
    row = DATA.row("MLT", "OP-CEDAW")

    assert row is not None and row.deposited_on is None
    assert a.accepted is True
    assert a.in_force_from == date(2019, 6, 16)
    assert a.confidence == "low"
    assert any("low confidence" in w for w in a.warnings)
    assert "16 March 2019" in a.note
    assert litigate.acceptance("MLT", "cedaw", on=date(2019, 6, 15)).accepted is False


@pytest.mark.parametrize(
    ("state", "deposited", "first_day"),
    [
        # Moldova ratified on 15 November 2022, the 101st party: in force on the 30th day.
        ("MDA", date(2022, 11, 15), date(2022, 12, 15)),
        # Korea acceded on 15 December 2022, in force 14 January 2023 (the press says so too).
        ("KOR", date(2022, 12, 15), date(2023, 1, 14)),
    ],
)
def test_crpd_parties_of_2022_from_the_korean_press(state, deposited, first_day) -> None:
    a = litigate.acceptance(state, "crpd", on=first_day, as_of=TODAY)
    row = DATA.row(state, "OP-CRPD")

    assert row is not None and row.deposited_on == deposited
    assert a.instrument == "OP-CRPD"
    assert a.accepted is True
    assert a.in_force_from == first_day
    assert a.confidence == "medium"
    assert a.status_as_of == TODAY and not a.stale
    assert litigate.acceptance(state, "crpd", on=first_day - timedelta(days=1)).accepted is False


def test_spain_op3_deposit_day_recorded_and_in_force_with_the_protocol() -> None:
    """Spain ratified on 3 Jun 2013, before the tenth instrument: in force on 14 Apr 2014."""
    row = DATA.row("ESP", "OP3-CRC")
    a = litigate.acceptance("ESP", "crc", on=date(2014, 4, 14), as_of=TODAY)

    assert row is not None and row.deposited_on == date(2013, 6, 3)
    assert a.accepted is True
    assert a.in_force_from == date(2014, 4, 14)
    assert litigate.acceptance("ESP", "crc", on=date(2014, 4, 13)).accepted is False


@pytest.mark.parametrize(
    ("state", "forum", "instrument", "first_day"),
    [
        # The issue's named errors: Armenia ratified the OP-CRPD on 26 Dec 2022 ...
        ("ARM", "crpd", "OP-CRPD", date(2023, 1, 25)),
        # ... and the OP3-CRC on 24 Mar 2021; Kazakhstan the OP3-CRC on 7 Feb 2024.
        ("ARM", "crc", "OP3-CRC", date(2021, 6, 24)),
        ("KAZ", "crc", "OP3-CRC", date(2024, 5, 7)),
    ],
)
def test_the_issues_named_errors_stay_fixed(state, forum, instrument, first_day) -> None:
    a = litigate.acceptance(state, forum, on=first_day, as_of=TODAY)

    assert a.instrument == instrument
    assert a.status == "accepted"
    assert a.in_force_from == first_day
    assert litigate.acceptance(state, forum, on=first_day - timedelta(days=1)).accepted is False


def test_a_state_the_table_does_not_list_is_not_a_party() -> None:
    """Uzbekistan is neither signatory nor party of OP-CEDAW in the depositary's table."""
    lines = {line["state"] for line in _lines("OP-CEDAW")}
    a = litigate.acceptance("UZB", "cedaw", on=TODAY, as_of=TODAY)

    assert "UZB" not in lines
    assert a.status == "not_accepted"
    assert a.accepted is False
