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
import litigate.casefile

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

    jsonschema.validate(data, litigate.casefile.case_schema())


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
    # The text PDF of every draft, beside its DOCX, and the custody example's annex bundle.
    import pypdf

    docx_files = sorted((tmp_path / "out").rglob("*.docx"))
    missing_pdf = [p for p in docx_files if not p.with_suffix(".pdf").is_file()]
    assert missing_pdf == []
    reply = pypdf.PdfReader(
        tmp_path / "out" / "custody-ill-treatment" / "observations-reply.fr.pdf"
    )
    assert "Gasimzade" in " ".join(page.extract_text() for page in reply.pages)
    bundle = tmp_path / "out" / "custody-ill-treatment" / "Gasimzade v. Azerbaijan - Annexes.pdf"
    assert f"Annex bundle: {bundle.relative_to(tmp_path)}" in out
    pages = pypdf.PdfReader(bundle).pages
    assert len(pages) == 41  # the list of documents, then 40 pages of annexes
    assert "Annex 12 – p. 3" in pages[-1].extract_text()
    assert f"{len(docx_files)} of them also as text PDF" in out
    assert (tmp_path / "out" / "nardaran-group" / "applicants-table.xlsx").exists()
    assert (tmp_path / "out" / "deadlines.ics").read_bytes().startswith(b"BEGIN:VCALENDAR")
    # Run again on another day: drafts nobody edited are brought up to date.
    assert "not written" not in run("2026-11-24")
