"""The tutorial notebook runs from top to bottom, and its sample observations are current.

The notebook is executed as a script: every code cell in order, with ``exec``, in one
namespace (no Jupyter kernel), so any exception fails the test.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import tempfile
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import docx
import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "examples" / "tutorial.ipynb"
SCRIPT = ROOT / "scripts" / "make_sample_observations.py"


def _notebook() -> Any:
    return nbformat.read(NOTEBOOK, as_version=4)


def _code_cells() -> list[str]:
    return [cell.source for cell in _notebook().cells if cell.cell_type == "code"]


def test_the_notebook_is_valid_and_committed_without_outputs() -> None:
    notebook = _notebook()
    assert notebook.nbformat == 4
    nbformat.validate(notebook)
    code = [cell for cell in notebook.cells if cell.cell_type == "code"]
    assert len(code) >= 8
    assert sum(cell.cell_type == "markdown" for cell in notebook.cells) >= len(code) // 2
    for cell in code:
        assert cell.outputs == [], f"outputs left in a cell: {cell.source[:60]!r}"
        assert cell.execution_count is None


def test_the_notebook_never_reads_the_clock() -> None:
    source = "\n".join(_code_cells())
    for forbidden in ("date.today", "datetime.now", "datetime.today", "time.time"):
        assert forbidden not in source
    assert re.search(r"^AS_OF = date\(\d{4}, \d{1,2}, \d{1,2}\)", source, flags=re.MULTILINE)
    # Every computation takes the fixed date.
    calls = re.findall(r"as_of=(\w+)", source)
    assert calls
    assert set(calls) == {"AS_OF"}


@pytest.fixture
def namespace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    # The notebook writes its drafts to tempfile.mkdtemp(): keep them in this test's folder.
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.chdir(tmp_path)
    names: dict[str, Any] = {"__name__": "__tutorial__"}
    for number, source in enumerate(_code_cells()):
        exec(compile(source, f"{NOTEBOOK.name}, code cell {number}", "exec"), names)
    return names


@pytest.mark.slow
def test_the_notebook_runs_and_writes_the_drafts(
    namespace: dict[str, Any], tmp_path: Path
) -> None:
    assert namespace["AS_OF"] == date(2026, 11, 23)
    window = namespace["window"]
    assert window.in_time is True
    assert window.deadline == date(2025, 9, 26)
    keys = [section.key for section in namespace["reply"].sections]
    assert keys == [
        "facts",
        "objection:non_exhaustion",
        "objection:time_limit",
        "objection:manifestly_ill_founded",
        "article:3",
        "article:13",
        "just_satisfaction",
    ]
    assert "article:3" not in [s.key for s in namespace["reply"].unanswered()]

    out = namespace["OUT"]
    assert out.parent == tmp_path
    reply_draft = namespace["reply_draft"]
    assert reply_draft.is_file()
    text = "\n".join(p.text for p in docx.Document(str(reply_draft)).paragraphs)
    assert "Gasimzade v. Azerbaijan" in text
    assert "can only have been caused while he was in custody" in text
    assert "[TO REVIEW]" in text
    assert (
        "26 September 2025" in text
    )  # the time limit computed from service, not the Government's
    public = "\n".join(p.text for p in docx.Document(str(namespace["public_draft"])).paragraphs)
    assert "Gasimzade" not in public
    assert "R.G." in public


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_sample_observations", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample_observations"] = module
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules["make_sample_observations"]
    return module


def test_the_sample_observations_are_current_and_deterministic() -> None:
    script = _load_script()
    first = script.build()
    assert first == script.build()
    assert script.TARGET.read_bytes() == first, (
        "run python scripts/make_sample_observations.py to regenerate the sample observations"
    )
    assert script.main(["--check"]) == 0


def test_the_sample_observations_read_as_the_tutorial_says() -> None:
    from litigate.parse.observations import read_observations

    observations = read_observations(
        ROOT / "examples" / "custody-ill-treatment" / "government-observations.docx"
    )
    assert [s.key for s in observations.sections] == [
        "preamble",
        "facts",
        "non_exhaustion",
        "time_limit",
        "manifestly_ill_founded",
        "article:3",
        "article:13",
        "just_satisfaction",
        "conclusion",
    ]
    assert observations.paragraph(8).text.startswith("8. The four-month period therefore expired")
