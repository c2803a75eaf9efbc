"""Reading a 40-page text PDF of observations: litigate against the raw PDF libraries.

Run: ``python benchmarks/bench_pdf_read.py`` (needs LibreOffice; pdfminer.six and
pdfplumber are optional and only measured when installed).  Builds a DOCX of fictional
observations (typed paragraph numbers, roman and letter headings, 375 paragraphs),
converts it to PDF with LibreOffice once, then times, best of five runs:

- ``pypdfium2 text``: the raw library alone, every page's text (the baseline);
- ``read_observations``: litigate's full reading (lines with font sizes, paragraphs,
  numbers, headings, footnotes, sections);
- ``pdfminer.six`` and ``pdfplumber`` text extraction, for the choice of library;

and checks the accuracy of each text: the share of the 375 paragraph numbers found at
the start of a line.  The figures are quoted in ``docs/performance.md`` and
``docs/observations.md``; no test asserts a timing.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import docx

from litigate import read_observations

PARAGRAPHS = 375
SENTENCE = (
    "The Government submit that the applicant had an effective remedy at his disposal, "
    "which he did not use, and that the domestic courts examined his complaints with care "
    "in proceedings that were adversarial and attended by all procedural guarantees "
)


def build(folder: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("Observations of the Government on application no. 12345/24")
    headings = [
        ("I. The facts", 0),
        ("II. Admissibility", 75),
        ("A. Non-exhaustion of domestic remedies", 95),
        ("B. Failure to comply with the four-month time limit", 155),
        ("III. Merits", 205),
        ("A. Alleged violation of Article 5 § 1 of the Convention", 225),
        ("B. Alleged violation of Article 6 § 1 of the Convention", 295),
        ("IV. Just satisfaction", 350),
        ("V. Conclusion", 365),
    ]
    at = {n: h for h, n in headings}
    for n in range(PARAGRAPHS):
        if n in at:
            document.add_heading(at[n], level=2 if at[n][:2] in {"A.", "B."} else 1)
        document.add_paragraph(f"{n + 1}. {SENTENCE}(paragraph {n + 1}).")
    path = folder / "observations-40.docx"
    document.save(path)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(folder), str(path)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return folder / "observations-40.pdf"


def pdfium_text(path: Path) -> str:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(document[i].get_textpage().get_text_range() for i in range(len(document)))
    finally:
        document.close()


def pdfminer_text(path: Path) -> str:
    from pdfminer.high_level import extract_text

    return str(extract_text(str(path)))


def pdfplumber_text(path: Path) -> str:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return "\n".join(page.extract_text() or "" for page in pdf.pages)


def litigate_text(path: Path) -> str:
    return "\n".join(p.label for p in read_observations(path).paragraphs)


def best(function: Callable[[Path], str], path: Path, runs: int = 5) -> tuple[float, str]:
    times = []
    text = ""
    for _ in range(runs):
        start = time.perf_counter()
        text = function(path)
        times.append(time.perf_counter() - start)
    return min(times), text


def accuracy(text: str) -> float:
    starts = set(re.findall(r"(?m)^\s*(\d{1,3})\.\s", text))
    return sum(str(n) in starts for n in range(1, PARAGRAPHS + 1)) / PARAGRAPHS


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        pdf = build(Path(folder))
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(pdf))
        candidates: list[tuple[str, Callable[[Path], str]]] = [("pypdfium2 text", pdfium_text)]
        if importlib.util.find_spec("pdfminer"):
            candidates.append(("pdfminer.six text", pdfminer_text))
        if importlib.util.find_spec("pdfplumber"):
            candidates.append(("pdfplumber text", pdfplumber_text))
        candidates.append(("litigate read_observations", litigate_text))
        base = None
        print(f"{pages} pages, {PARAGRAPHS} numbered paragraphs (Python {sys.version.split()[0]})")
        for name, function in candidates:
            seconds, text = best(function, pdf)
            base = base or seconds
            print(
                f"{name:28} {seconds * 1000:8.1f} ms  x{seconds / base:5.1f}  numbers found {accuracy(text):6.1%}"
            )
        obs = read_observations(pdf)
        print("sections:", [(s.key, s.first_number, s.last_number) for s in obs.sections])


if __name__ == "__main__":
    main()
