"""The rows not verified from a primary source, and how each is flagged (issue 14).

``unverified_rows`` is the list a closing note owes: generated from the data, printed by
``scripts/check_acceptance.py --unverified`` and tabulated in
``docs/forums/acceptance-unverified.md``.  These tests pin its definition to what the
engine does with the same rows.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import attrs
import pytest

import litigate
from litigate.rules import load_rules
from litigate.rules.consistency import unverified_rows
from litigate.rules.spec import Confidence

ROOT = Path(__file__).resolve().parents[2]
DATA = load_rules().acceptances
ROWS = unverified_rows(DATA)
BY_KEY = {(r.state, r.instrument): r for r in ROWS}
TODAY = date(2026, 12, 7)


def test_every_cited_source_says_what_kind_it_is() -> None:
    cited = {s for row in DATA.states for s in row.sources}
    unclassified = sorted(s.id for s in DATA.sources if s.id in cited and not s.kind)
    assert unclassified == []
    assert {s.kind for s in DATA.sources} <= {"primary", "secondary", "recollection"}


def test_a_row_read_in_a_dated_primary_source_is_verified() -> None:
    """San Marino, OP-ICESCR: the depositary's record (UNTC IV-3-a XML), high confidence."""
    row = DATA.row("SMR", "OP-ICESCR")
    assert row is not None and row.confidence is Confidence.HIGH
    assert any(DATA.source(s).kind == "primary" for s in row.sources)
    assert ("SMR", "OP-ICESCR") not in BY_KEY


def test_a_recollection_row_is_listed_with_its_basis() -> None:
    recollected = [
        r for r in DATA.states if any(DATA.source(s).kind == "recollection" for s in r.sources)
    ]
    assert recollected
    for row in recollected:
        assert "recollection" in BY_KEY[(row.state, row.instrument)].basis


def test_a_cited_but_unread_primary_page_does_not_verify() -> None:
    """Azerbaijan, the Convention: the Treaty Office page is cited, but no day of reading is
    recorded.  (Its CED row, the earlier example, now cites the depositary's tables read on a
    recorded day.)"""
    row = DATA.row("AZE", "ECHR")
    assert row is not None and all(DATA.source(s).read_on is None for s in row.sources)
    assert ("AZE", "ICPPED-31") not in BY_KEY
    listed = BY_KEY[("AZE", "ECHR")]
    assert listed.basis == ("primary source not read on a recorded day",)
    assert "status as of not recorded" in listed.flags


def test_a_low_refusal_is_flagged_as_check_makes_it_a_warning() -> None:
    """Sweden, Protocol No. 12: what the list says is what check() does."""
    listed = BY_KEY[("SWE", "ECHR-P12")]
    assert "check(): a refusal is a warning, never an error" in listed.flags
    case = litigate.Case(
        forum="ecthr",
        respondent="SWE",
        complaints=[litigate.Complaint(provision="ECHR-P12-1")],
    )
    (finding,) = [
        f for f in litigate.check(case, as_of=TODAY) if f.code == "procedure_not_accepted"
    ]
    assert finding.severity is litigate.Severity.WARNING


def test_a_medium_refusal_becomes_a_warning_on_the_day_the_list_says() -> None:
    """A dated medium refusal: an error while fresh, a warning from the stated day."""
    row = next(
        r
        for r in ROWS
        if r.status == "not_accepted"
        and r.confidence is Confidence.MEDIUM
        and r.status_as_of is not None
        and any("warning from" in f for f in r.flags)
    )
    flag = next(f for f in row.flags if "warning from" in f)
    since = date.fromisoformat(flag.split("warning from ")[1].split(" ")[0])
    assert DATA.stale_after_days is not None and row.status_as_of is not None
    assert since == row.status_as_of + timedelta(days=DATA.stale_after_days + 1)
    fresh = litigate.acceptance(
        row.state,
        _forum(row.instrument),
        instrument=row.instrument,
        as_of=since - timedelta(days=1),
    )
    stale = litigate.acceptance(
        row.state, _forum(row.instrument), instrument=row.instrument, as_of=since
    )
    assert (fresh.stale, stale.stale) == (False, True)


def _forum(instrument: str) -> str:
    inst = DATA.instrument(instrument)
    assert inst is not None
    return inst.forum


@pytest.mark.parametrize(
    ("change", "basis"),
    [
        ({"confidence": Confidence.LOW}, "low confidence"),
        ({"note": "Date from a press report [unconfirmed]."}, "unconfirmed"),
    ],
)
def test_lowering_a_verified_row_lists_it(change: dict[str, object], basis: str) -> None:
    row = DATA.row("SMR", "OP-ICESCR")
    assert row is not None
    changed = attrs.evolve(row, **change)  # type: ignore[arg-type]
    data = attrs.evolve(DATA, states=(*[r for r in DATA.states if r is not row], changed))
    (listed,) = [
        r for r in unverified_rows(data) if (r.state, r.instrument) == ("SMR", "OP-ICESCR")
    ]
    assert basis in listed.basis


def test_the_script_prints_the_list_and_the_page_tabulates_it() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_acceptance.py"), "--unverified"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stdout
    lines = [line for line in run.stdout.splitlines() if line.count("\t") == 4]
    assert len(lines) == len(ROWS)
    assert "SWE\tECHR-P12\tnot_accepted\tsecondary only, low confidence\t" in run.stdout
    page = (ROOT / "docs" / "forums" / "acceptance-unverified.md").read_text(encoding="utf-8")
    table = [line for line in page.splitlines() if line.startswith("| ") and "`" in line]
    assert len(table) == len(ROWS) + len(DATA.instruments)


def _confirmed(instrument: str) -> list[str]:
    """The States a participants list gives from the depositary's XML record itself."""
    path = ROOT / "tests" / "data" / "real" / "participants" / f"{instrument}.tsv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    body = [line.split("\t") for line in lines if not line.startswith(("#", "state\t"))]
    if instrument in {"ICCPR-OP1", "OP-ICESCR"}:
        return [cells[0] for cells in body if "XML copy of Dec 2017" in cells[3]]
    return [cells[0] for cells in body if not cells[3].startswith("after the copy")]


@pytest.mark.parametrize(
    ("instrument", "record", "latest_entry", "parties"),
    [
        ("ICCPR-OP1", "untc-iv-5-xml-2018", date(2017, 12, 21), 115),
        ("OP-ICESCR", "untc-iv-3-a-xml-2018", date(2017, 12, 21), 22),
        ("OP-CEDAW", "untc-iv-8-b-xml-2017", date(2017, 3, 23), 109),
        ("OP-CRPD", "untc-iv-15-a-xml-2016", date(2016, 10, 11), 92),
        ("OP3-CRC", "untc-iv-11-d-xml-2017", date(2017, 12, 26), 37),
    ],
)
def test_the_depositarys_xml_record_verifies_the_rows_it_confirms(
    instrument: str, record: str, latest_entry: date, parties: int
) -> None:
    """Rows confirmed party by party against the record (tests/engine/test_acceptance_untc2024_a.py
    and _b.py) cite it, unless their sources are fresher (a second, older source would pull their
    status as of back, since the loader takes the oldest day)."""
    read_on = DATA.source(record).read_on
    assert read_on == latest_entry
    confirmed = _confirmed(instrument)
    assert len(confirmed) >= parties
    for state in confirmed:
        row = DATA.row(state, instrument)
        assert row is not None
        others = [DATA.source(s).read_on for s in row.sources if s != record]
        dated = [d for d in others if d is not None]
        fresher = bool(others) and len(dated) == len(others) and min(dated) > read_on
        assert fresher or record in row.sources, state  # a fresher row may cite it too
