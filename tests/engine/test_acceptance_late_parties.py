"""Issue 14: the parties that joined after 2014 (CAT art. 22, ICERD art. 14, ICPPED art. 31).

``acceptance/un-late-parties.toml`` holds no row: nothing read in the s10-late pass says whether these
States made the declaration, and a row is never written from silence.  Its header records what was read
and searched for each of them.  These tests keep that record honest: each State of the pass is a listed
party that either answers from data (a later pass found its declaration) or answers ``no_data``, is
noted so in its participants list and is named in the part's scope.  One check per new kind of fact:
the parties' days read in this pass (art. 27(2) CAT: in force on the thirtieth day after the deposit).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path

import pytest

import litigate
from tests.engine.participants import NO_ROW, pending_parties

TODAY = date(2026, 12, 8)
PART = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "litigate"
    / "rules"
    / "data"
    / "acceptance"
    / "un-late-parties.toml"
)

# (State, instrument, forum): the 22 pairs of the pass, each "no_data" when it began.
SCOPE = [
    ("AGO", "CAT-22", "cat"),
    ("ERI", "CAT-22", "cat"),
    ("OMN", "CAT-22", "cat"),
    ("PSE", "CAT-22", "cat"),
    ("SDN", "CAT-22", "cat"),
    ("SSD", "CAT-22", "cat"),
    ("STP", "CAT-22", "cat"),
    ("SUR", "CAT-22", "cat"),
    ("VNM", "CAT-22", "cat"),
    ("WSM", "CAT-22", "cat"),
    ("DMA", "ICERD-14", "cerd"),
    ("MHL", "ICERD-14", "cerd"),
    ("PSE", "ICERD-14", "cerd"),
    ("SGP", "ICERD-14", "cerd"),
    ("STP", "ICERD-14", "cerd"),
    ("CIV", "ICPPED-31", "ced"),
    ("DNK", "ICPPED-31", "ced"),
    ("FJI", "ICPPED-31", "ced"),
    ("HRV", "ICPPED-31", "ced"),
    ("LUX", "ICPPED-31", "ced"),
    ("SDN", "ICPPED-31", "ced"),
    ("THA", "ICPPED-31", "ced"),
]


def _scope_in_header() -> dict[str, set[str]]:
    """The part's header lines "#   CAT-22:    AGO ERI ..." as {instrument: {State, ...}}."""
    found: dict[str, set[str]] = {}
    for line in PART.read_text(encoding="utf-8").splitlines():
        match = re.fullmatch(r"#\s+(CAT-22|ICERD-14|ICPPED-31):\s+((?:[A-Z]{3}\s*)+)", line)
        if match:
            found[match.group(1)] = set(match.group(2).split())
    return found


def test_the_header_names_exactly_the_pass_scope() -> None:
    """The part's scope lines and this table agree, instrument by instrument."""
    expected: dict[str, set[str]] = {}
    for state, instrument, _ in SCOPE:
        expected.setdefault(instrument, set()).add(state)

    assert _scope_in_header() == expected


@pytest.mark.parametrize(("state", "instrument", "forum"), SCOPE)
def test_a_late_party_answers_from_data_or_is_recorded_as_searched(
    state: str, instrument: str, forum: str
) -> None:
    """Listed as a party; either a row with sources, or no_data, noted so and named in the header."""
    parties = {p["state"]: p for p in pending_parties(instrument)}
    a = litigate.acceptance(state, forum, instrument=instrument, as_of=TODAY)

    assert state in parties
    assert a.instrument == instrument
    if a.status == "no_data":
        assert a.accepted is None
        assert not a.sources
        assert NO_ROW in parties[state]["note"]
        assert state in _scope_in_header()[instrument]
    else:
        assert a.sources
        assert NO_ROW not in parties[state]["note"]


def test_the_party_days_read_in_this_pass_keep_the_thirty_days_of_article_27() -> None:
    """Sudan, Suriname, Viet Nam: the listed deposit day plus 30 days is the in-force day read."""
    read = {"SDN": date(2021, 9, 9), "SUR": date(2021, 12, 16), "VNM": date(2015, 3, 7)}
    parties = {p["state"]: p for p in pending_parties("CAT-22")}

    for state, in_force in read.items():
        deposit = date.fromisoformat(parties[state]["date"])
        assert deposit + timedelta(days=30) == in_force, state
        assert f"in force {in_force.day} {in_force:%b %Y}" in parties[state]["note"], state
    # Samoa's day was read without its in-force day: listed, not checked against one.
    assert parties["WSM"]["date"] == "2019-03-28"
