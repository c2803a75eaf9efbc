"""The example cases load, validate, dump back identically, and the main job runs."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import jsonschema
import pytest

import litigate

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*/case.toml"))


def test_there_are_at_least_five_examples():
    assert len(EXAMPLES) >= 5


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_round_trip_is_exact(path: Path):
    case = litigate.load_case(path)

    assert litigate.dump_case(case) == path.read_text(encoding="utf-8")
    assert case.respondent == ("AZE",)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_validates_against_the_schema(path: Path):
    data = json.loads(litigate.dump_case(litigate.load_case(path), format="json"))

    jsonschema.validate(data, litigate.case_schema())


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_example_windows_compute(path: Path):
    case = litigate.load_case(path)
    if not case.complaints:
        # A follow-up case has no complaint, hence no filing window: the engine says so.
        with pytest.raises(litigate.errors.InsufficientFactsError):
            litigate.filing_window(case, as_of=date(2026, 11, 23))
        return
    window = litigate.filing_window(case, as_of=date(2026, 11, 23))

    assert window.explain()
    assert window.explain("fr")


def test_main_job_runs(tmp_path: Path):
    def run(as_of: str) -> str:
        return subprocess.run(
            [sys.executable, str(ROOT / "examples" / "run_examples.py"), "--as-of", as_of],
            capture_output=True,
            text=True,
            check=True,
            cwd=tmp_path,
        ).stdout

    out = run("2026-11-23")
    assert f"{len(EXAMPLES)} of {len(EXAMPLES)} case files" in out
    assert "29 November 2026" in out  # the journalist's detention complaints
    assert "group application of 75 applicants" in out
    drafts = sorted(
        p.relative_to(tmp_path / "out").as_posix()
        for p in (tmp_path / "out").rglob("*.docx")
        if "/forms/" not in p.as_posix()
    )
    assert "journalist-detention/application.fr.docx" in drafts
    assert "journalist-detention/just-satisfaction.en.docx" in drafts
    assert "custody-ill-treatment/observations-reply.fr.docx" in drafts
    assert "rule39-medical-care/rule39-request.en.docx" in drafts
    assert "judgment-execution/rule9-submission.fr.docx" in drafts
    assert "cat-torture-communication/communication.ru.docx" in drafts
    assert "cat-follow-up/follow-up-submission.ru.docx" in drafts
    forms = list((tmp_path / "out" / "nardaran-group" / "forms").glob("*.docx"))
    assert len(forms) == 75
    assert (tmp_path / "out" / "nardaran-group" / "applicants-table.xlsx").exists()
    assert (tmp_path / "out" / "deadlines.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    # Run again on another day: drafts nobody edited are brought up to date.
    assert "not written" not in run("2026-11-24")
