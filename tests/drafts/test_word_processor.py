"""Every template × locale, opened by a real word processor.

LibreOffice (installed by ``.ci/run``) converts one rendering of each template and
locale to PDF; ``pdftotext`` reads the PDF back, and every heading and the opening of
every Word-numbered paragraph of the golden text (``tests/golden``) must be on the
page.  This proves that what python-docx reads back is also what a word processor
lays out: no paragraph lost to a broken run, no tag left, no unreadable part.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.drafts.test_golden import CASES, _golden_path, _render

ROOT = Path(__file__).resolve().parents[2]


def _one_per_template() -> list[tuple[str, str, str]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for template_id, locale, example in CASES:
        if (template_id, locale) not in seen:
            seen.add((template_id, locale))
            out.append((template_id, locale, example))
    return out


def _expected_lines(template_id: str, locale: str, example: str) -> list[str]:
    """Headings, title and the first 80 characters of each numbered paragraph."""
    out = []
    for line in (
        _golden_path(template_id, locale, example).read_text(encoding="utf-8").splitlines()
    ):
        if line.startswith(("# ", "## ", "### ", "= ")):
            out.append(line.split(" ", 1)[1])
        elif line.startswith("¶ "):
            out.append(line[2:82])
    return [_flat(text.replace("~", " ")) for text in out if text.strip()]


def _flat(text: str) -> str:
    """Whitespace collapsed, and words a line end cut after a hyphen joined again."""
    flat = " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())
    return re.sub(r"(?<=\S-) ", "", flat)


@pytest.mark.slow
def test_libreoffice_lays_out_every_template(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if not (soffice and pdftotext):
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: .ci/run installs LibreOffice and pdftotext")
        pytest.skip("LibreOffice and pdftotext are installed by .ci/run; not on this machine")
    renderings = _one_per_template()
    names = {}
    for template_id, locale, example in renderings:
        name = f"{template_id.replace('/', '--')}.{locale}"
        (tmp_path / f"{name}.docx").write_bytes(_render(template_id, locale, example))
        names[name] = (template_id, locale, example)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *(str(tmp_path / f"{name}.docx") for name in names),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )
    missing: dict[str, list[str]] = {}
    for name, (template_id, locale, example) in names.items():
        text = subprocess.run(
            [pdftotext, "-layout", str(tmp_path / f"{name}.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        flat = _flat(text)
        assert "{{" not in flat, name
        assert "{%" not in flat, name
        expected = _expected_lines(template_id, locale, example)
        assert expected, name
        lost = [line for line in expected if line not in flat]
        if lost:
            missing[name] = lost
    assert not missing, missing
