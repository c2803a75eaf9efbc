"""scripts/check_acceptance.py and the consistency rules it applies (issue 14)."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import attrs
import pytest

import litigate
from litigate.rules import load_rules
from litigate.rules.consistency import acceptance_problems

ROOT = Path(__file__).resolve().parents[2]


def test_packaged_data_is_consistent() -> None:
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_acceptance.py")],
        capture_output=True,
        text=True,
        check=False,
    )

    assert run.returncode == 0, run.stdout
    assert run.stdout.strip().endswith("0 problems")


def test_a_wrong_entry_into_force_is_reported() -> None:
    data = load_rules().acceptances
    row = next(r for r in data.states if (r.state, r.instrument) == ("AZE", "ECHR-P7"))
    bad = attrs.evolve(row, in_force_from=date(2002, 6, 1))
    broken = attrs.evolve(data, states=(*[r for r in data.states if r is not row], bad))

    (problem,) = acceptance_problems(broken)
    assert "AZE / ECHR-P7" in problem
    assert "2002-07-01" in problem


def test_a_wrong_denunciation_date_is_reported() -> None:
    data = load_rules().acceptances
    row = next(r for r in data.states if (r.state, r.instrument) == ("BLR", "ICCPR-OP1"))
    bad = attrs.evolve(row, until=date(2023, 2, 9))
    broken = attrs.evolve(data, states=(*[r for r in data.states if r is not row], bad))

    (problem,) = acceptance_problems(broken)
    assert "2023-02-08" in problem


COE_ROWS = [
    r
    for r in load_rules().acceptances.states
    if r.instrument.startswith("ECHR") and r.in_force_from is not None and r.sources
]


@pytest.mark.parametrize("row", COE_ROWS, ids=lambda r: f"{r.state}-{r.instrument}")
def test_coe_row_worked_example(row) -> None:
    """Each State and Protocol: in force on its entry-into-force day, not the day before."""
    day = row.in_force_from
    a = litigate.acceptance(row.state, "ecthr", instrument=row.instrument, on=day)
    before = litigate.acceptance(
        row.state, "ecthr", instrument=row.instrument, on=date.fromordinal(day.toordinal() - 1)
    )

    assert a.accepted is True
    assert before.accepted is False
    assert a.sources


COE_MEMBERS = [
    "ALB",
    "AND",
    "ARM",
    "AUT",
    "AZE",
    "BEL",
    "BIH",
    "BGR",
    "HRV",
    "CYP",
    "CZE",
    "DNK",
    "EST",
    "FIN",
    "FRA",
    "GEO",
    "DEU",
    "GRC",
    "HUN",
    "ISL",
    "IRL",
    "ITA",
    "LVA",
    "LIE",
    "LTU",
    "LUX",
    "MLT",
    "MDA",
    "MCO",
    "MNE",
    "NLD",
    "MKD",
    "NOR",
    "POL",
    "PRT",
    "ROU",
    "SMR",
    "SRB",
    "SVK",
    "SVN",
    "ESP",
    "SWE",
    "CHE",
    "TUR",
    "UKR",
    "GBR",
]


def test_forty_six_members() -> None:
    assert len(set(COE_MEMBERS)) == 46


@pytest.mark.parametrize("state", [*COE_MEMBERS, "RUS"])
def test_convention_answers_from_data_for_every_member(state: str) -> None:
    """Never "no_data" for the Convention; recollection rows say so and warn."""
    a = litigate.acceptance(state, "ecthr", as_of=date(2026, 12, 7))

    assert a.status in {"accepted", "ceased"}
    assert a.in_force_from is not None and a.in_force_from >= date(1953, 9, 3)
    assert a.sources
    if a.status_as_of is None:
        assert a.stale and a.warnings
