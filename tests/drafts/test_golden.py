"""Golden files: every template × locale rendered for every example case it applies to.

Each rendering is reopened with python-docx and reduced to *normalised text* (one
line per paragraph, in document order: headers, body with its tables, footnotes,
footers; headings marked ``#``, ``##``…, Word-numbered paragraphs ``¶``, list items
``•``; spaces collapsed, non-breaking spaces shown as ``~``), then compared with
``tests/golden/<forum>/<name>.<locale>.<example>.txt``.  Bytes are not compared
(zip details are not the point); the text a lawyer reads is.

A template applies to an example when the example's forum is in the template's
``case_forums`` and the case sets every attribute in its ``requires`` (see
``templates/manifest.toml``).  After a deliberate change, regenerate with::

    LITIGATE_UPDATE_GOLDEN=1 python -m pytest tests/drafts/test_golden.py

and review the diff.  A missing golden file fails the test (it is never created
silently).
"""

from __future__ import annotations

import io
import os
import re
import tomllib
import zipfile
from collections.abc import Callable, Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import docx
import pytest

import litigate
from tests.drafts.test_templates import EXTRA_VALUES

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).resolve().parents[1] / "golden"
TEMPLATES = ROOT / "templates"
AS_OF = date(2026, 11, 23)
UPDATE = os.environ.get("LITIGATE_UPDATE_GOLDEN") == "1"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

GoldenExtra = Callable[[str, litigate.Case], dict[str, object]]


def _by_locale(make: Callable[[str], dict[str, object]]) -> GoldenExtra:
    def extra(locale: str, _case: litigate.Case) -> dict[str, object]:
        return make(locale)

    return extra


GOLDEN_EXTRAS: dict[str, GoldenExtra] = {
    template_id: _by_locale(make) for template_id, make in EXTRA_VALUES.items()
}
"""Values beyond the case that a template needs (the reply), by template id."""


def _manifest() -> dict[str, Any]:
    with (TEMPLATES / "manifest.toml").open("rb") as handle:
        return tomllib.load(handle)["templates"]  # type: ignore[no-any-return]


@cache
def _case_data(example: str) -> dict[str, Any]:
    with (ROOT / "examples" / example / "case.toml").open("rb") as handle:
        return tomllib.load(handle)


def golden_cases() -> Iterator[tuple[str, str, str]]:
    """(template id, locale, example) for every rendering that has a golden file."""
    examples = sorted(p.parent.name for p in (ROOT / "examples").glob("*/case.toml"))
    for template_id, entry in sorted(_manifest().items()):
        for locale in entry["locales"]:
            for example in examples:
                data = _case_data(example)
                if data["forum"] in entry["case_forums"] and all(
                    key in data for key in entry["requires"]
                ):
                    yield template_id, locale, example


CASES = list(golden_cases())


def _paragraph_line(paragraph: Any) -> str:
    text = str(paragraph.text)
    style = str(paragraph.style.name) if paragraph.style is not None else ""
    if style.startswith("Heading "):
        return "#" * int(style.split()[-1]) + " " + text
    if style == "Title":
        return "= " + text
    if style == "Numbered Paragraph" or paragraph._p.find(f"{W}pPr/{W}numPr") is not None:
        return "¶ " + text
    if style.startswith("List"):
        return "• " + text
    return text


def _block_lines(container: Any) -> Iterator[str]:
    """Paragraphs and tables of a body, header or footer, in document order."""
    for block in container.iter_inner_content():
        if isinstance(block, docx.table.Table):
            for row in block.rows:
                yield "| " + " | ".join(cell.text for cell in row.cells) + " |"
        else:
            yield _paragraph_line(block)


def _footnotes(data: bytes) -> Iterator[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        if "word/footnotes.xml" not in package.namelist():
            return
        root = ET.fromstring(package.read("word/footnotes.xml"))
    for note in root.iter(f"{W}footnote"):
        if note.get(f"{W}type") in {"separator", "continuationSeparator"}:
            continue
        text = "".join(t.text or "" for t in note.iter(f"{W}t"))
        yield f"[^{note.get(f'{W}id')}] {text}"


def normalised_text(data: bytes) -> str:
    """The text of a rendered DOCX, one normalised line per paragraph (see module doc)."""
    document = docx.Document(io.BytesIO(data))
    lines: list[str] = []
    for section in document.sections:
        lines += [f"[header] {line}" for line in _block_lines(section.header)]
    lines += list(_block_lines(document))
    lines += list(_footnotes(data))
    for section in document.sections:
        lines += [f"[footer] {line}" for line in _block_lines(section.footer)]
    out = []
    for raw in lines:
        line = re.sub(r"[ \t]+", " ", raw.replace("\u00a0", "~").replace("\u202f", "~")).strip()
        if line and line not in {"¶", "•", "#", "="}:
            out.append(line)
    return "\n".join(out) + "\n"


def _render(template_id: str, locale: str, example: str) -> bytes:
    case = litigate.load_case(ROOT / "examples" / example / "case.toml")
    extra = GOLDEN_EXTRAS.get(template_id, lambda _locale, _case: {})(locale, case)
    return litigate.render(template_id, case=case, as_of=AS_OF, locale=locale, **extra)


def test_every_template_and_locale_has_a_golden_rendering() -> None:
    covered = {(t, loc) for t, loc, _ in CASES}
    expected = {(t, loc) for t, entry in _manifest().items() for loc in entry["locales"]}
    assert covered == expected, sorted(expected - covered)


def test_no_stale_golden_files() -> None:
    expected = {_golden_path(*case) for case in CASES}
    present = set(GOLDEN.rglob("*.txt"))
    assert present <= expected, sorted(str(p.relative_to(GOLDEN)) for p in present - expected)


def _golden_path(template_id: str, locale: str, example: str) -> Path:
    forum, name = template_id.split("/")
    return GOLDEN / forum / f"{name}.{locale}.{example}.txt"


@pytest.mark.parametrize(
    ("template_id", "locale", "example"), CASES, ids=[f"{t}.{loc}-{ex}" for t, loc, ex in CASES]
)
def test_golden(template_id: str, locale: str, example: str) -> None:
    text = normalised_text(_render(template_id, locale, example))
    assert "{{" not in text
    assert "{%" not in text
    path = _golden_path(template_id, locale, example)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    if not path.exists():
        pytest.fail(
            f"no golden file {path.relative_to(ROOT)}: run LITIGATE_UPDATE_GOLDEN=1 pytest"
        )
    assert text == path.read_text(encoding="utf-8"), f"{path.relative_to(ROOT)} differs"


def test_normalised_text_collapses_spaces_and_marks_structure() -> None:
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title="Aliyev  v.\u00a0Azerbaijan",
        applicants=[litigate.Applicant.person(name="Rauf Aliyev")],
    )
    text = normalised_text(litigate.render("ecthr/cover-letter", case=case, as_of=AS_OF))
    assert "[header] Aliyev v.~Azerbaijan" in text
    assert "¶ " in text
    assert "[footer] 1" in text
    assert "  " not in text
