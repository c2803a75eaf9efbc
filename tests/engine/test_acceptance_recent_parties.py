"""Issue 14: States that became parties to a UN complaint protocol after the 2015 copy.

The rows live in ``acceptance/un-parties-recent.toml``; each date asserted here is the
one the cited document states (a government's statement of its deposit, a UN page).
The generic worked example of every row (in force on its day, not the day before)
runs in ``test_acceptance_parties.py``; these tests name a real State per protocol.
"""

from __future__ import annotations

import tomllib
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest

import litigate
from litigate.rules import load_rules

TODAY = date(2026, 12, 7)
PART = tomllib.loads(
    files("litigate").joinpath("rules/data/acceptance/un-parties-recent.toml").read_text("utf-8")
)


@pytest.mark.parametrize(
    ("state", "forum", "instrument", "first_day"),
    [
        # Morocco: accession deposited 22 April 2022, in force 22 July 2022 (DIDH communiqué).
        ("MAR", "hrc", "ICCPR-OP1", date(2022, 7, 22)),
        ("MAR", "cedaw", "OP-CEDAW", date(2022, 7, 22)),
        # Finland: ratification deposited 11 May 2016, in force 10 June 2016 (30th day).
        ("FIN", "crpd", "OP-CRPD", date(2016, 6, 10)),
        # Switzerland: accession deposited 24 April 2017, in force three months later.
        ("CHE", "crc", "OP3-CRC", date(2017, 7, 24)),
        # Thailand: accession deposited 2 September 2016, in force 2 October 2016.
        ("THA", "crpd", "OP-CRPD", date(2016, 10, 2)),
        # Maldives: ratification deposited 23 December 2020, in force 23 March 2021.
        ("MDV", "cescr", "OP-ICESCR", date(2021, 3, 23)),
        # The UN's monthly Statement of Treaties (ST/LEG/SER.A), Annex A:
        # Guinea-Bissau: ratification deposited 22 October 2018, date of effect 21 November 2018.
        ("GNB", "crpd", "OP-CRPD", date(2018, 11, 21)),
        # Marshall Islands: accession deposited 29 January 2019, date of effect 29 April 2019.
        ("MHL", "cedaw", "OP-CEDAW", date(2019, 4, 29)),
        # San Marino: accession deposited 26 September 2018, date of effect 26 December 2018.
        ("SMR", "crc", "OP3-CRC", date(2018, 12, 26)),
        # Slovenia: ratification deposited 25 May 2018, date of effect 25 August 2018.
        ("SVN", "crc", "OP3-CRC", date(2018, 8, 25)),
        # Tunisia: accession deposited 14 December 2018, date of effect 14 March 2019.
        ("TUN", "crc", "OP3-CRC", date(2019, 3, 14)),
        # Venezuela: ratification deposited 10 October 2018, date of effect 10 January 2019.
        ("VEN", "cescr", "OP-ICESCR", date(2019, 1, 10)),
    ],
)
def test_recent_party_in_force_from_its_day(state, forum, instrument, first_day) -> None:
    on = litigate.acceptance(state, forum, on=first_day, as_of=TODAY)
    before = litigate.acceptance(state, forum, on=date.fromordinal(first_day.toordinal() - 1))

    assert on.instrument == instrument
    assert on.status == "accepted"
    assert on.accepted is True
    assert before.accepted is False
    assert on.in_force_from == first_day
    assert on.status_as_of == TODAY
    assert not on.stale
    assert on.sources


def test_new_zealand_day_is_the_depositarys_and_the_note_keeps_the_governments() -> None:
    """The Government gave 5 October 2016 (a New Zealand date); the depositary's table gives
    4 October 2016 (acceptance/un-untc-2024-b.toml): in force on 3 November 2016, high."""
    a = litigate.acceptance("NZL", "crpd", on=date(2016, 11, 3), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    assert "4 October 2016" in a.note and "5 October 2016" in a.note
    assert litigate.acceptance("NZL", "crpd", on=date(2016, 11, 2)).accepted is False


@pytest.mark.parametrize(
    ("state", "first_day", "phrase"),
    [
        # The Government gives 12 June 2020, a coalition 11 June: the later day is held.
        ("LCA", date(2020, 7, 12), "11 June 2020"),
    ],
)
def test_doubtful_days_are_medium_and_the_later_day_is_held(state, first_day, phrase) -> None:
    a = litigate.acceptance(state, "crpd", on=first_day, as_of=TODAY)

    assert a.accepted is True
    assert a.in_force_from == first_day
    assert a.confidence == "medium"
    assert phrase in a.note
    assert (
        litigate.acceptance(state, "crpd", on=date.fromordinal(first_day.toordinal() - 1)).accepted
        is False
    )


def test_monaco_cedaw_day_from_a_radio_report_is_confirmed_by_the_depositary() -> None:
    """3 May 2016: first a radio station's report of the deposit; the depositary's table
    ('Monaco 3 May 2016 a') confirms it, so the row is high and says so."""
    a = litigate.acceptance("MCO", "cedaw", on=date(2016, 8, 3), as_of=TODAY)

    assert a.instrument == "OP-CEDAW"
    assert a.accepted is True
    assert a.in_force_from == date(2016, 8, 3)
    assert a.confidence == "high"
    assert "radio station" in a.note and "depositary" in a.note
    assert litigate.acceptance("MCO", "cedaw", on=date(2016, 8, 2)).accepted is False


def test_venezuela_secondary_row_is_now_confirmed_by_the_un_statement() -> None:
    """Venezuela's OP-ICESCR day first rested on two third-party tables; the UN's Statement
    of Treaties for October 2018 confirms it, so the row is high and names that source first."""
    a = litigate.acceptance("VEN", "cescr", on=date(2019, 1, 10), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    assert "ST/LEG/SER.A/860" in a.note
    assert litigate.acceptance("VEN", "cescr", on=date(2019, 1, 9)).accepted is False
    row = next(r for r in PART["states"] if r["state"] == "VEN")
    assert row["sources"][0] == "un-st-leg-ser-a-860"


REAL = Path(__file__).parents[1] / "data" / "real" / "un-monthly-statements"
# The Statement prints each protocol's title with the text extraction's broken words.
_TITLE = {
    "OP-CRPD": "Rights of Persons with Disabilities",
    "OP-CEDAW": "Discrimination against Women",
    "OP3-CRC": "Rights of the Child on a communications procedure",
    "OP-ICESCR": "Social and Cultural Rights",
}
_NAME = {
    "GNB": "Guinea-Bissau",
    "MHL": "Marshall Islands",
    "SMR": "San Marino",
    "SVN": "Slovenia",
    "TUN": "Tunisia",
    "VEN": "Venezuela (Bolivarian Republic of)",
}


def _british(d: date) -> str:
    return f"{d.day} {d.strftime('%B')} {d.year}"


def test_rows_from_the_un_statement_match_the_real_excerpts() -> None:
    """Each row resting on a Statement of Treaties carries that Statement's deposit day and
    date of effect, read from the real excerpt (tests/data/real/un-monthly-statements)."""
    rows = [
        r for r in PART["states"] if any(s.startswith("un-st-leg-ser-a-") for s in r["sources"])
    ]
    assert {r["state"] for r in rows} == set(_NAME)
    for row in rows:
        (sid,) = (s for s in row["sources"] if s.startswith("un-st-leg-ser-a-"))
        text = " ".join((REAL / f"{sid.rsplit('-', 1)[1]}.txt").read_text("utf-8").split())
        title = _TITLE[row["instrument"]]
        # The entry is the State's first mention after the protocol's title.
        start = text.index(title)
        entry = text[text.index(_NAME[row["state"]], start) :]
        entry = entry[: entry.index("Registration")]
        where = f"{row['state']} / {row['instrument']}"
        assert f"United Nations: {_british(row['deposited_on'])}" in entry, where
        assert f"Date of effect: {_british(row['in_force_from'])}" in entry, where


def test_every_row_of_the_part_names_its_deposit_and_a_dated_source() -> None:
    kinds = {s.id: s.kind for s in load_rules().acceptances.sources}
    assert PART["states"]
    for src in PART["sources"]:
        assert src["kind"] in {"primary", "secondary"}, src["id"]
        assert src["read_on"] == date(2026, 12, 7), src["id"]
        assert src["url"], src["id"]
    for row in PART["states"]:
        where = f"{row['state']} / {row['instrument']}"
        assert row["deposited_on"] <= row["in_force_from"], where
        assert row["note"], where
        if row["confidence"] == "high":
            # A high-confidence row rests on at least one primary source.
            assert any(kinds[s] == "primary" for s in row["sources"]), where
        else:
            assert row["confidence"] == "medium", where


def test_the_part_holds_no_state_already_held_elsewhere() -> None:
    """Loading refuses duplicates; this also checks the part added rows, not replaced them."""
    data = load_rules().acceptances
    keys = [(r.state, r.instrument) for r in data.states]
    assert len(keys) == len(set(keys))
    for row in PART["states"]:
        assert (row["state"], row["instrument"]) in set(keys)
