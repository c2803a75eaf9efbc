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
STILL_WITHOUT_A_ROW = 9
# Parties with a row whose day of ratification or accession was not read (not on the list).
UNDATED_PARTIES = {"OMN"}


def _later() -> list[dict[str, str]]:
    return [p for p in pending_parties("ICPPED-31") if p["note"].startswith("later party")]


def test_the_parties_list_is_read_and_counts_what_is_missing() -> None:
    """72 parties listed (58 of Dec 2017, 14 later); each with a row answers from data."""
    parties = pending_parties("ICPPED-31")
    states = [p["state"] for p in parties]

    assert len(states) == len(set(states)) == 72
    assert len(_later()) == 14
    missing = without_a_row("ICPPED-31", "ced", parties, TODAY)
    for party in parties:
        date.fromisoformat(party["date"])
        a = litigate.acceptance(party["state"], "ced", instrument="ICPPED-31", as_of=TODAY)
        assert a.status in {"accepted", "not_accepted", "no_data"}, party["state"]
    assert len(missing) <= STILL_WITHOUT_A_ROW, missing
    # Every declarant is on the list. Off the list: Oman (a party whose accession day was not read),
    # and non-parties held on recollection (Russia, Türkiye, ...) or signed only (Azerbaijan).
    rows = [r for r in DATA.states if r.instrument == "ICPPED-31"]
    assert {r.state for r in rows if r.status == "accepted"} <= set(states)
    for row in rows:
        if row.state not in states and row.state not in UNDATED_PARTIES:
            assert row.sources in {("recollection-un",), ("untc-iv-16",)}, row.state


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
]


@pytest.mark.parametrize(
    ("state", "deposit", "in_force", "confidence", "cited"), DECLARED_WITH_THE_INSTRUMENT
)
def test_a_declaration_made_with_a_later_instrument_waits_thirty_days(
    state: str, deposit: date, in_force: date, confidence: str, cited: str
) -> None:
    """Finland and Korea declared with their instrument: bound on the thirtieth day after it."""
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
