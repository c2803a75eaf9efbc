"""Rendering speed: litigate's compiled template against docxtpl, same template, same run.

Builds a ~16-page application-like template (100 paragraphs with inline tags, a
20-row ``{%tr %}`` table) with python-docx, then renders it N times:

* litigate: ``compile_template`` once, ``render`` N times (bytes out);
* docxtpl: ``DocxTemplate(path).render(context, autoescape=True)`` + ``save``
  N times (what a docxtpl user does per document).

Run: ``python benchmarks/bench_render.py [N]``; it runs the full template (four
tags per paragraph) and a light one (one tag per paragraph).  Prints ms/document and the ratio
(goal: litigate ≤ 0.6 × docxtpl).
"""

from __future__ import annotations

import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

import docx

from litigate.drafts.engine import compile_template

LOREM = (
    "The applicant complains under Article 5 § 1 of the Convention that his detention "
    "was unlawful and that the domestic courts failed to examine his arguments. "
)


def build_template(*, light: bool = False) -> bytes:
    """The template; ``light``: one tag per paragraph instead of four."""
    document = docx.Document()
    document.add_heading("APPLICATION FORM — {{ case.title }}", level=1)
    for i in range(100):
        if light:
            document.add_paragraph(f"{i + 1}. {LOREM * 2}The applicant, {{{{ applicant.name }}}}.")
            continue
        document.add_paragraph(
            f"{i + 1}. On {{{{ case.events[{i % 20}].date }}}} the applicant, {{{{ applicant.name }}}}, "
            f"{LOREM * 2}{{{{ case.events[{i % 20}].what }}}} ({{{{ case.number }}}})."
        )
    table = document.add_table(rows=4, cols=3)
    table.cell(0, 0).text, table.cell(0, 1).text, table.cell(0, 2).text = "Date", "Event", "Source"
    table.cell(1, 0).text = "{%tr for e in case.events %}"
    table.cell(2, 0).text, table.cell(2, 1).text, table.cell(2, 2).text = (
        "{{ e.date }}",
        "{{ e.what }}",
        "{{ e.source }}",
    )
    table.cell(3, 0).text = "{%tr endfor %}"
    document.sections[0].header.paragraphs[0].text = "Application no. {{ case.number }}"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


CONTEXT = {
    "case": {
        "title": "Məmmədov v. Azerbaijan",
        "number": "12345/24",
        "events": [
            {
                "date": f"{d + 1} March 2024",
                "what": f"hearing no. {d} & appeal <filed>",
                "source": "Annex",
            }
            for d in range(20)
        ],
    },
    "applicant": {"name": "Əli Məmmədov"},
}


def _time(fn: object, n: int) -> list[float]:
    out = []
    for _ in range(n):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        out.append((time.perf_counter() - start) * 1000)
    return out


def main(n: int = 100, *, light: bool = False) -> None:
    from docxtpl import DocxTemplate

    data = build_template(light=light)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "template.docx"
        path.write_bytes(data)

        start = time.perf_counter()
        compiled = compile_template(data, template_id="bench")
        compile_ms = (time.perf_counter() - start) * 1000

        def ours() -> bytes:
            return compiled.render(CONTEXT)

        def theirs() -> bytes:
            template = DocxTemplate(str(path))
            template.render(CONTEXT, autoescape=True)
            buf = io.BytesIO()
            template.save(buf)
            return buf.getvalue()

        pages = len(docx.Document(io.BytesIO(ours())).paragraphs)
        ours()
        theirs()
        mine = _time(ours, n)
        other = _time(theirs, n)
    ours_ms, theirs_ms = statistics.median(mine), statistics.median(other)
    print(f"{'light (1 tag/paragraph)' if light else 'full (4 tags/paragraph)'} template:")
    print(
        f"template: {len(data)} bytes, {pages} paragraphs after rendering; compile once {compile_ms:.1f} ms"
    )
    print(f"litigate render (reused CompiledTemplate): {ours_ms:.2f} ms/document (median of {n})")
    print(f"docxtpl load + render + save:             {theirs_ms:.2f} ms/document (median of {n})")
    print(f"ratio litigate/docxtpl: {ours_ms / theirs_ms:.2f} (goal <= 0.60)")


def main_example(n: int = 100) -> None:
    """The example application draft: the built-in template with the journalist's case."""
    from datetime import date

    import jinja2
    from docxtpl import DocxTemplate

    import litigate.drafts
    from litigate.drafts.context import build_context
    from litigate.drafts.filters import FILTERS

    root = Path(__file__).resolve().parent.parent
    case = litigate.load_case(root / "examples" / "journalist-detention" / "case.toml")
    context = build_context(case, as_of=date(2026, 11, 23), locale="en")
    source = litigate.drafts.templates_root().joinpath("ecthr", "application.en.docx")
    data = source.read_bytes()
    compiled = compile_template(data, template_id="ecthr/application", filters=FILTERS)
    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=True)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "application.en.docx"
        path.write_bytes(data)

        def ours() -> bytes:
            return compiled.render(context, locale="en")

        def theirs() -> bytes:
            template = DocxTemplate(str(path))
            template.render(context, env, autoescape=True)
            buf = io.BytesIO()
            template.save(buf)
            return buf.getvalue()

        ours()
        theirs()
        mine = _time(ours, n)
        other = _time(theirs, n)
    ours_ms, theirs_ms = statistics.median(mine), statistics.median(other)
    print("the example application draft (ecthr/application, journalist-detention, en):")
    print(f"litigate render (reused CompiledTemplate): {ours_ms:.2f} ms/document (median of {n})")
    print(f"docxtpl load + render + save:             {theirs_ms:.2f} ms/document (median of {n})")
    print(f"ratio litigate/docxtpl: {ours_ms / theirs_ms:.2f} (goal <= 0.60)")


if __name__ == "__main__":
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 100
    main_example(count)
    main(count)
    main(count, light=True)
