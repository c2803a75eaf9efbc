"""Rendering by template id: search path, locales, anonymised versions, safe writing, linting."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import docx
import pytest

import litigate
import litigate.drafts
from litigate.errors import OverwriteRefusedError, TemplateNotFoundError

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)
ECTHR_EXAMPLES = [
    p
    for p in sorted((ROOT / "examples").glob("*/case.toml"))
    if litigate.load_case(p).forum is litigate.Forum.ECTHR
]


def text_of(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)


@pytest.mark.parametrize("path", ECTHR_EXAMPLES, ids=lambda p: p.parent.name)
@pytest.mark.parametrize("locale", ["en", "fr"])
def test_application_renders_for_every_example(path: Path, locale: str):
    case = litigate.load_case(path)
    data = litigate.render("ecthr/application", case=case, as_of=AS_OF, locale=locale)
    text = text_of(data)

    assert case.applicants[0].name in text
    assert ("Azerbaïdjan" if locale == "fr" else "Azerbaijan") in text
    window = litigate.filing_window(case, as_of=AS_OF)
    for paragraph in window.explain(locale).split("\n\n"):
        assert paragraph in text


def test_firm_templates_override_the_built_in_ones(tmp_path: Path):
    firm = tmp_path / "firm"
    (firm / "ecthr").mkdir(parents=True)
    source = litigate.drafts.templates_root().joinpath("ecthr", "cover-letter.en.docx")
    (firm / "ecthr" / "cover-letter.fr.docx").write_bytes(source.read_bytes())

    assert (
        litigate.drafts.find_template(
            "ecthr/cover-letter", locale="fr", template_dirs=[firm]
        ).parent
        == firm / "ecthr"
    )
    assert (
        litigate.drafts.find_template("ecthr/cover-letter", locale="en", template_dirs=[firm]).name
        == "cover-letter.en.docx"
    )
    with pytest.raises(TemplateNotFoundError) as info:
        litigate.drafts.find_template("ecthr/cover-letter", locale="ru")
    assert info.value.searched


def test_anonymised_version_leaves_no_trace_of_the_name(tmp_path: Path):
    case = litigate.load_case(ROOT / "examples" / "journalist-detention" / "case.toml")
    data = litigate.render("ecthr/application", case=case, as_of=AS_OF, anonymise=True)
    name_parts = [p for p in case.applicants[0].name.split() if len(p) >= 3]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        everything = " ".join(
            package.read(n).decode("utf-8", "replace") for n in package.namelist()
        )

    assert name_parts
    for part in name_parts:
        assert part not in everything


def test_writing_never_overwrites_an_edited_draft(tmp_path: Path):
    case = litigate.load_case(ROOT / "examples" / "disbarred-lawyer" / "case.toml")
    out = tmp_path / "application.docx"
    first = litigate.render("ecthr/application", case=case, as_of=AS_OF, out=out)

    assert out.read_bytes() == first
    litigate.render("ecthr/application", case=case, as_of=AS_OF, out=out)  # untouched: replaced
    edited = docx.Document(str(out))
    edited.add_paragraph("A paragraph the lawyer added.")
    edited.save(str(out))
    with pytest.raises(OverwriteRefusedError):
        litigate.render("ecthr/application", case=case, as_of=AS_OF, out=out)
    assert "A paragraph the lawyer added." in text_of(out.read_bytes())
    litigate.render("ecthr/application", case=case, as_of=AS_OF, out=out, overwrite=True)
    assert "A paragraph the lawyer added." not in text_of(out.read_bytes())


def test_same_input_same_bytes():
    case = litigate.load_case(ROOT / "examples" / "custody-ill-treatment" / "case.toml")

    assert litigate.render("ecthr/application", case=case, as_of=AS_OF) == litigate.render(
        "ecthr/application", case=case, as_of=AS_OF
    )


def test_template_variables_and_linter(tmp_path: Path):
    assert "case" in litigate.drafts.template_variables("ecthr/application")
    assert all(
        report.ok
        for report in litigate.drafts.lint_templates([str(litigate.drafts.templates_root())])
    )

    bad = docx.Document()
    bad.add_paragraph("{{ case.title | nosuchfilter }} {{ mystery_value }} {% if %}")
    path = tmp_path / "bad.docx"
    bad.save(str(path))
    (report,) = litigate.drafts.lint_templates([path])

    assert not report.ok
    assert any("nosuchfilter" in str(p) or "syntax" in str(p).lower() for p in report.problems)


@pytest.mark.slow
def test_a_real_word_processor_reads_the_drafts(tmp_path: Path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if not (soffice and pdftotext):
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: .ci/run installs LibreOffice and pdftotext")
        pytest.skip("LibreOffice and pdftotext are installed by .ci/run; not on this machine")
    case = litigate.load_case(ROOT / "examples" / "journalist-detention" / "case.toml")
    expected = {}
    for locale in ("en", "fr"):
        name = tmp_path / f"application.{locale}.docx"
        litigate.render("ecthr/application", case=case, as_of=AS_OF, locale=locale, out=name)
        expected[name.with_suffix(".pdf").name] = litigate.filing_window(
            case, as_of=AS_OF
        ).explain(locale)
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            *(str(p) for p in tmp_path.glob("*.docx")),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    for pdf_name, explanation in expected.items():
        text = subprocess.run(
            [pdftotext, "-layout", str(tmp_path / pdf_name), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        flat = " ".join(text.split())
        assert case.applicants[0].name in flat
        first_sentence = explanation.split("\n\n")[0].split(". ")[0]
        assert " ".join(first_sentence.split()) in flat
