"""Issue 14: ICPPED art. 31 for the parties that joined after December 2017.

The rows live in ``acceptance/un-ced31.toml``. The parties list, read from the depositary's records
(December 2017 and 2024) and the Dutch treaty register, is ``participants/pending/ICPPED-31.tsv``:
pending, because some later parties still have no row. These tests count them (a ratchet) and run
the worked example of every later row read on 7 Dec 2026.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

import litigate
from litigate.rules import load_rules
from tests.engine.participants import pending_parties, without_a_row

DATA = load_rules().acceptances
TODAY = date(2026, 12, 7)
# A ratchet: a new row lowers the number (update it); a lost row fails here.
STILL_WITHOUT_A_ROW = 7
# Parties with a row whose day of ratification or accession was not read (not on the list).
UNDATED_PARTIES = {"OMN"}


def _later() -> list[dict[str, str]]:
    return [p for p in pending_parties("ICPPED-31") if p["note"].startswith("later party")]


def test_the_parties_list_is_read_and_counts_what_is_missing() -> None:
    """75 parties listed (58 of Dec 2017, 17 later); each with a row answers from data."""
    parties = pending_parties("ICPPED-31")
    states = [p["state"] for p in parties]

    assert len(states) == len(set(states)) == 75
    assert len(_later()) == 17
    missing = without_a_row("ICPPED-31", "ced", parties, TODAY)
    for party in parties:
        date.fromisoformat(party["date"])
        a = litigate.acceptance(party["state"], "ced", instrument="ICPPED-31", as_of=TODAY)
        assert a.status in {"accepted", "not_accepted", "no_data"}, party["state"]
    assert len(missing) <= STILL_WITHOUT_A_ROW, missing
    # Every declarant is on the list. Off the list: Oman (a party whose accession day was not read),
    # and non-parties, which rest on the depositary's tables of 2017 and 2024 (Russia, Türkiye, ...;
    # Azerbaijan signed only), read in session 10.
    rows = [r for r in DATA.states if r.instrument == "ICPPED-31"]
    assert {r.state for r in rows if r.status == "accepted"} <= set(states)
    tables = {"untc-iv-16-xml-2018", "untc-iv-16-xml-2024"}
    for row in rows:
        if row.state not in states and row.state not in UNDATED_PARTIES:
            assert row.status in {"not_accepted", "signed_only"}, row.state
            assert set(row.sources) <= tables, row.state


def test_every_party_of_the_2017_record_answers_from_data() -> None:
    """The 58 parties of the depositary's December 2017 record keep their rows."""
    old = [p for p in pending_parties("ICPPED-31") if not p["note"].startswith("later party")]

    assert len(old) == 58
    for party in old:
        a = litigate.acceptance(party["state"], "ced", as_of=TODAY)
        assert a.status in {"accepted", "not_accepted"}, party["state"]
        assert a.instrument == "ICPPED-31", party["state"]


def test_deposit_days_read_as_entry_into_force_are_thirty_days_earlier() -> None:
    """Dutch register lines give the day in force: the deposit is thirty days before (art. 39(2))."""
    checked = 0
    for party in _later():
        found = re.search(r"in force (\d\d)-(\d\d)-(\d{4})", party["note"])
        if found is None:
            continue
        day, month, year = (int(g) for g in found.groups())
        assert date(year, month, day) - timedelta(days=30) == date.fromisoformat(party["date"])
        checked += 1
    assert checked == 10  # Cabo Verde: the UNTC deposit day and the register agree


# (State, deposit, in force from, confidence, a phrase of the source cited)
DECLARED_WITH_THE_INSTRUMENT = [
    ("FIN", date(2023, 3, 24), date(2023, 4, 23), "medium", "Ihmisoikeuskeskus"),
    ("KOR", date(2023, 1, 4), date(2023, 2, 3), "medium", "January 4, 2023"),
    ("SVN", date(2021, 12, 15), date(2022, 1, 14), "medium", "14. januarja 2022"),
]


@pytest.mark.parametrize(
    ("state", "deposit", "in_force", "confidence", "cited"), DECLARED_WITH_THE_INSTRUMENT
)
def test_a_declaration_made_with_a_later_instrument_waits_thirty_days(
    state: str, deposit: date, in_force: date, confidence: str, cited: str
) -> None:
    """Finland, Korea and Slovenia declared with their instrument: bound on its thirtieth day."""
    row = DATA.row(state, "ICPPED-31")
    on = litigate.acceptance(state, "ced", on=in_force, as_of=TODAY)
    before = litigate.acceptance(state, "ced", on=in_force - timedelta(days=1), as_of=TODAY)

    assert row is not None and row.deposited_on == deposit
    assert in_force - deposit == timedelta(days=30)
    assert on.accepted is True and on.in_force_from == in_force
    assert before.accepted is False
    assert on.confidence == confidence
    assert any(cited in DATA.source(s).title for s in row.sources)
    assert on.stale  # the sources are more than a year old on 7 Dec 2026


def test_norway_has_not_made_the_declaration_as_far_as_read() -> None:
    """Prop. 42 LS (2018-2019) and CED/C/NOR/Q/1, para. 4: medium, the day not recorded."""
    a = litigate.acceptance("NOR", "ced", on=TODAY, as_of=TODAY)

    assert a.status == "not_accepted" and a.accepted is False
    assert a.confidence == "medium"
    assert a.status_as_of is None and a.stale
    assert any("CED/C/NOR/Q/1" in s for s in a.sources)
    assert "21 Sep 2019" in a.note


def test_a_refusal_read_without_a_day_is_only_a_warning() -> None:
    """Issue 14 point 7: Norway's row has no recorded day, so check() never blocks on it."""
    case = litigate.Case(
        forum="ced",
        respondent="NOR",
        complaints=[litigate.Complaint(provision="ICPPED-2")],
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]

    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


@pytest.mark.parametrize(
    ("state", "as_of_day", "symbol"),
    [("GMB", date(2022, 5, 3), "CED/C/GMB/Q/1"), ("OMN", None, "CED/C/OMN/Q/1")],
)
def test_a_list_of_issues_asking_for_the_declaration_means_not_made(
    state: str, as_of_day: date | None, symbol: str
) -> None:
    """The Committee asks 'whether the State party intends to make the declarations': medium."""
    a = litigate.acceptance(state, "ced", on=TODAY, as_of=TODAY)

    assert a.status == "not_accepted" and a.accepted is False
    assert a.confidence == "medium"
    assert a.status_as_of == as_of_day
    assert a.stale and any("out of date" in w for w in a.warnings)
    assert any(symbol in s for s in a.sources)


def test_bangladesh_acceded_without_the_declaration() -> None:
    """Deposited 30 Aug 2024 (UNTC, The Daily Star); the instrument quoted in full has no declaration."""
    a = litigate.acceptance("BGD", "ced", on=TODAY, as_of=TODAY)

    assert a.status == "not_accepted" and a.confidence == "medium"
    assert a.status_as_of == date(2024, 8, 29)
    assert any("Bangladesh30 Aug 2024 a" in s for s in a.sources)
    assert "29 Sep 2024" in a.note


# Later parties absent from the Dutch register's table of reservations and declarations, which holds
# every known article 31 declarant: (State, deposit day read, in force from).
ABSENT_FROM_THE_DUTCH_TABLE = [
    ("DMA", date(2019, 5, 13), "12 Jun 2019"),
    ("CPV", date(2022, 12, 20), "19 Jan 2023"),
    ("MDV", date(2023, 7, 31), "30 Aug 2023"),
    ("ZAF", date(2024, 5, 14), "13 Jun 2024"),
]
DUTCH_TABLE = "verdragenbank-nl-icpped-voorbehouden-2024"
DUTCH_NAMES = {
    "ALB": "Albanië",
    "ARG": "Argentinië",
    "ARM": "Armenië",
    "AUT": "Oostenrijk",
    "BEL": "België",
    "BIH": "Bosnië en Herzegovina",
    "CHE": "Zwitserland",
    "CHL": "Chili",
    "COL": "Colombia",
    "CZE": "Tsjechië",
    "DEU": "Duitsland",
    "ECU": "Ecuador",
    "ESP": "Spanje",
    "FIN": "Finland",
    "FRA": "Frankrijk",
    "KAZ": "Kazachstan",
    "KOR": "Zuid-Korea",
    "LTU": "Litouwen",
    "MEX": "Mexico",
    "MLI": "Mali",
    "MNE": "Montenegro",
    "NLD": "Nederlanden",
    "PER": "Peru",
    "PRT": "Portugal",
    "SRB": "Servië",
    "SVK": "Slowakije",
    "SVN": "Slovenië",
    "UKR": "Oekraïne",
    "URY": "Uruguay",
}


def test_the_dutch_table_holds_every_known_declarant() -> None:
    """The inference rests on this: every accepted ICPPED-31 row names a State in the table."""
    source = DATA.source(DUTCH_TABLE)
    table = source.pinpoint.split("all of it: ", 1)[1].split(")", 1)[0].split(", ")
    accepted = {
        r.state for r in DATA.states if r.instrument == "ICPPED-31" and r.status == "accepted"
    }

    assert len(table) == 40 and "Thailand" in table
    assert len(accepted) >= 26
    assert {DUTCH_NAMES[s] for s in accepted} <= set(table)
    for name in ("Dominica", "Kaapverdië", "Malediven", "Zuid-Afrika", "Ivoorkust", "Gambia"):
        assert name not in table
        assert name in source.title.rsplit(";", 1)[-1]  # named among the States not in it


@pytest.mark.parametrize(("state", "deposit", "in_force"), ABSENT_FROM_THE_DUTCH_TABLE)
def test_a_party_absent_from_the_dutch_table_is_a_low_refusal(
    state: str, deposit: date, in_force: str
) -> None:
    """Not accepted, low, as of 14 May 2024 (Thailand's deposit, the latest entry in the table)."""
    a = litigate.acceptance(state, "ced", on=TODAY, as_of=TODAY)
    listed = {p["state"]: p for p in pending_parties("ICPPED-31")}[state]

    assert a.status == "not_accepted" and a.accepted is False
    assert a.confidence == "low" and a.in_force_from is None
    assert a.status_as_of == date(2024, 5, 14)
    assert any("low confidence" in w for w in a.warnings)
    assert any("out of date" in w for w in a.warnings)
    row = DATA.row(state, "ICPPED-31")
    assert row is not None and DUTCH_TABLE in row.sources
    assert in_force in a.note and "UNTC IV-16" in a.note
    assert date.fromisoformat(listed["date"]) == deposit
    assert "not made as far as the Dutch register shows" in listed["note"]


@pytest.mark.parametrize("state", [s for s, _, _ in ABSENT_FROM_THE_DUTCH_TABLE])
def test_a_low_refusal_never_blocks_a_communication(state: str) -> None:
    """Issue 14 point 7: check() reports the refusal as a warning, not an error."""
    case = litigate.Case(
        forum="ced",
        respondent=state,
        complaints=[litigate.Complaint(provision="ICPPED-2")],
    )
    found = [f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"]

    assert found
    assert all(f.severity is litigate.Severity.WARNING for f in found)


@pytest.mark.parametrize(
    ("state", "deposit", "cited"),
    [("THA", "2024-05-14", "Bangkok Post"), ("SDN", "2021-08-10", "REDRESS")],
)
def test_a_later_party_dated_in_the_third_pass_is_still_pending(
    state: str, deposit: str, cited: str
) -> None:
    """Thailand and Sudan: the deposit day is read, the article 31 declaration is not."""
    listed = {p["state"]: p for p in pending_parties("ICPPED-31")}[state]
    a = litigate.acceptance(state, "ced", instrument="ICPPED-31", as_of=TODAY)

    assert listed["date"] == deposit and cited in listed["note"]
    assert a.status == "no_data"


def test_the_list_and_oman_make_the_depositary_count() -> None:
    """76 parties in the 2024 depositary copy: the 75 listed and Oman (a row, no deposit day)."""
    states = {p["state"] for p in pending_parties("ICPPED-31")}

    assert len(states) + len(UNDATED_PARTIES) == 76
    assert not states & UNDATED_PARTIES
    assert "VEN" not in states  # a signatory with a reservation, not a party
