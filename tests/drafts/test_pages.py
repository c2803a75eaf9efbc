"""Page estimates against the rule's limit and against a real word processor."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import litigate
from litigate.drafts.pages import page_estimate, page_limit
from litigate.engine.pages import Block, PageEstimate, estimate_pages
from litigate.errors import DocumentError

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)
SUPPLEMENT = "ecthr/supplementary-document"


def _case(example: str, copies: int = 1) -> litigate.Case:
    case = litigate.load_case(ROOT / "examples" / example / "case.toml")
    return attrs.evolve(case, facts="\n\n".join([case.facts or ""] * copies))


def test_the_limit_comes_from_the_rule_data() -> None:
    limit = page_limit(SUPPLEMENT)
    assert limit is not None
    assert (limit.limit, limit.provision) == (20, "Rule 47 § 2 (b)")
    assert limit.source is not None
    assert "Rule 47" in limit.source
    assert page_limit("ecthr/application") is None


def test_a_long_statement_exceeds_the_limit_and_says_so() -> None:
    short = page_estimate(
        litigate.render(SUPPLEMENT, case=_case("journalist-detention"), as_of=AS_OF),
        template_id=SUPPLEMENT,
    )
    long = page_estimate(
        litigate.render(SUPPLEMENT, case=_case("journalist-detention", 60), as_of=AS_OF),
        template_id=SUPPLEMENT,
    )
    assert not short.over_limit
    assert long.over_limit
    assert long.pages > 20
    assert str(long).endswith("(limit 20 pages, Rule 47 § 2 (b))")


def test_without_a_template_there_is_no_limit() -> None:
    data = litigate.render(SUPPLEMENT, case=_case("disbarred-lawyer", 60), as_of=AS_OF)
    estimate = page_estimate(data)
    assert estimate.limit is None
    assert not estimate.over_limit


def test_not_a_docx_is_refused() -> None:
    with pytest.raises(DocumentError):
        page_estimate(b"not a zip archive at all")


@given(st.lists(st.text(max_size=3000), max_size=30))
def test_more_text_never_means_fewer_pages(paragraphs: list[str]) -> None:
    base = estimate_pages(paragraphs)
    more = estimate_pages([*paragraphs, "x" * 500])
    assert more.pages >= base.pages
    assert more.lines > base.lines
    assert base.pages >= 1


def test_narrow_blocks_and_headings_take_more_room() -> None:
    text = "word " * 400
    assert estimate_pages([Block(text=text, width=0.25)]).lines > estimate_pages([text]).lines
    assert estimate_pages([Block(text=text, heading=True)]).lines > estimate_pages([text]).lines


def test_estimate_text() -> None:
    assert str(PageEstimate(pages=1, lines=3)) == "about 1 page"


def test_the_estimate_errs_long_against_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdfinfo = shutil.which("pdfinfo")
    if not (soffice and pdfinfo):
        if os.environ.get("CI"):
            pytest.fail("CI must run this test: .ci/run installs LibreOffice and poppler-utils")
        pytest.skip("LibreOffice and pdfinfo are installed by .ci/run; not on this machine")
    estimates = {}
    for example in ("journalist-detention", "disbarred-lawyer", "custody-ill-treatment"):
        for copies in (1, 12, 40):
            for template_id in (SUPPLEMENT, "ecthr/application"):
                data = litigate.render(template_id, case=_case(example, copies), as_of=AS_OF)
                name = f"{example}-{template_id.split('/')[1]}-{copies}"
                (tmp_path / f"{name}.docx").write_bytes(data)
                estimates[name] = page_estimate(data).pages
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path)]
        + [str(tmp_path / f"{name}.docx") for name in estimates],
        check=True,
        capture_output=True,
        timeout=300,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    ratios = {}
    for name, estimate in estimates.items():
        info = subprocess.run(
            [pdfinfo, str(tmp_path / f"{name}.pdf")],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        pages = int(
            next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1]
        )
        ratios[name] = estimate / pages
    # Never short (a warning must not come late), and not absurdly long.
    assert min(ratios.values()) >= 1.0, ratios
    assert max(ratios.values()) <= 1.35, ratios


def test_check_warns_when_the_statement_alone_exceeds_the_limit() -> None:
    def codes(case: litigate.Case) -> list[str]:
        return [f.code for f in litigate.check(case, as_of=AS_OF)]

    assert "rule47_supplementary_document" not in codes(_case("journalist-detention"))
    long = _case("journalist-detention", 80)
    findings = [
        f for f in litigate.check(long, as_of=AS_OF) if f.code == "rule47_supplementary_document"
    ]
    assert len(findings) == 1
    assert findings[0].severity is litigate.Severity.WARNING
    assert findings[0].field == "facts"
    assert "limit 20 pages" in findings[0].message
    assert "Rule 47 § 2 (b)" in findings[0].message
