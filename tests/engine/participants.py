"""Reading the participants lists under ``tests/data/real/participants/`` (see its README).

A list is a TSV file named after its instrument: ``# key: value`` header lines (source, status
as of, read on, kind), then ``state  name  date  note`` rows.  A list whose States all have a
data row sits in ``participants/`` and the coverage test takes it; a list with States still
without a row sits in ``participants/pending/``, each such State noted ``not read (no data
row)``, and its instrument's test counts them (a ratchet).
"""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import litigate

HERE = Path(__file__).resolve().parent.parent / "data" / "real" / "participants"
PENDING = HERE / "pending"
NO_ROW = "not read (no data row)"


def read_list(path: Path) -> tuple[dict[str, str], list[dict[str, str]]]:
    """The header (lower-case keys) and the rows of one list."""
    meta: dict[str, str] = {}
    body: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            meta.setdefault(key.strip().lower(), value.strip())
        elif line.strip():
            body.append(line)
    return meta, list(csv.DictReader(body, delimiter="\t"))


def pending_parties(instrument: str) -> list[dict[str, str]]:
    """The rows of ``pending/<instrument>.tsv``."""
    return read_list(PENDING / f"{instrument}.tsv")[1]


def without_a_row(
    instrument: str, forum: str, parties: list[dict[str, str]], as_of: date
) -> list[str]:
    """The listed States that answer ``no_data``; each must be noted so, and no other."""
    missing = []
    for party in parties:
        a = litigate.acceptance(party["state"], forum, instrument=instrument, as_of=as_of)
        if a.status == "no_data":
            missing.append(party["state"])
            assert NO_ROW in party["note"], party["state"]
        else:
            assert a.sources, party["state"]
            assert NO_ROW not in party["note"], party["state"]
    return missing
