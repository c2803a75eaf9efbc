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
    window = litigate.filing_window(litigate.load_case(path), as_of=date(2026, 11, 23))

    assert window.explain()
    assert window.explain("fr")


def test_main_job_runs(tmp_path: Path):
    out = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "run_examples.py"), "--as-of", "2026-11-23"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
    )

    assert "6 of 6 case files" in out.stdout
    assert "29 November 2026" in out.stdout  # the journalist's detention complaints
    drafts = sorted(
        p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.docx")
    )
    assert "journalist-detention/application.fr.docx" in drafts
    assert len(drafts) == 4 * 4  # four ECtHR cases x (application, cover letter) x (en, fr)
