"""Issue 14: every State a source lists as a party answers from data, never ``no_data``.

The lists are the participants tables read from the sources themselves, committed under
``tests/data/real/participants/`` (see its README). A State added to a list without a data row
fails here; so does a list whose header does not name its source and dates.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

import litigate
from litigate.rules import load_rules
from tests.engine.participants import HERE, PENDING, read_list

LISTS = sorted(HERE.glob("*.tsv"))
PENDING_LISTS = sorted(PENDING.glob("*.tsv"))
DATA = load_rules().acceptances
TODAY = date(2026, 12, 7)
HEADER_KEYS = ("source", "status as of", "read on", "kind")


def _cases() -> list[tuple[str, str]]:
    return [(p.stem, row["state"]) for p in LISTS for row in read_list(p)[1]]


@pytest.mark.parametrize("path", LISTS + PENDING_LISTS, ids=lambda p: p.parent.name + "/" + p.stem)
def test_list_names_its_source_and_dates(path: Path) -> None:
    meta, rows = read_list(path)
    for key in HEADER_KEYS:
        assert meta.get(key), f"{path.name}: header '# {key}:' missing"
    assert meta["kind"] in {"primary", "secondary"}
    date.fromisoformat(meta["status as of"])
    date.fromisoformat(meta["read on"])
    assert DATA.instrument(path.stem) is not None, f"unknown instrument {path.stem}"
    assert rows, path.name
    states = [r["state"] for r in rows]
    assert len(states) == len(set(states)), f"{path.name}: a State is listed twice"
    for state in states:
        assert re.fullmatch(r"[A-Z]{3}", state), f"{path.name}: bad code {state!r}"


@pytest.mark.parametrize(("instrument", "state"), _cases(), ids=str)
def test_every_listed_state_answers_from_data(instrument: str, state: str) -> None:
    inst = DATA.instrument(instrument)
    assert inst is not None
    a = litigate.acceptance(state, inst.forum, instrument=instrument, as_of=TODAY)

    assert a.status != "no_data", f"{state} {instrument}: no data row"
    assert a.instrument == instrument
    assert a.sources, f"{state} {instrument}: no source"
