"""PDF conversion per draft, as ratios against running LibreOffice's converter alone.

The drafts: every built-in template that applies to two example cases
(``journalist-detention`` and ``custody-ill-treatment``), in English and French,
rendered once as DOCX (rendering is not timed).  Then, in each round:

- **L1. LibreOffice alone, one draft at a time** (the reference): for each draft,
  ``soffice --headless --convert-to pdf`` with a fresh temporary profile, as a
  script that shells out to LibreOffice does;
- **L2. LibreOffice alone, one process for all drafts** (``soffice --convert-to pdf
  a.docx b.docx ...``, fresh profile);
- **P1. litigate, one draft at a time on one office**: ``litigate.render(...,
  format="pdf", converter=converter)`` for each draft's DOCX, through
  ``text_pdfs([docx], converter=...)``, which also checks the text and headings of
  every PDF, office start-up included;
- **P2. litigate, one request for all drafts**: ``text_pdfs(all, converter=...)``,
  office start-up included;
- **P0. litigate without a converter**: ``render(..., format="pdf")`` with no
  ``converter=``, which starts and stops an office for each draft.

Figures are per draft, as ratios to L1 (lower is faster).  Run::

    python benchmarks/bench_pdf.py [--rounds 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from datetime import date
from pathlib import Path

import litigate
import litigate.drafts
from litigate.drafts import text_pdfs

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)
EXAMPLES = ("journalist-detention", "custody-ill-treatment")


def drafts() -> list[bytes]:
    manifest = tomllib.loads(
        (litigate.drafts.templates_root() / "manifest.toml").read_text(encoding="utf-8")
    )["templates"]
    out = []
    for name in EXAMPLES:
        case = litigate.load_case(ROOT / "examples" / name / "case.toml")
        for template_id, entry in sorted(manifest.items()):
            if case.forum.value not in entry["case_forums"] or template_id.endswith(
                ("observations-reply", "comments-on-observations")
            ):
                continue
            if any(not getattr(case, key) for key in entry["requires"]):
                continue
            for locale in ("en", "fr"):
                if locale in entry["locales"]:
                    out.append(litigate.render(template_id, case=case, as_of=AS_OF, locale=locale))
    return out


def soffice(folder: Path, files: list[Path]) -> None:
    program = shutil.which("soffice")
    assert program, "LibreOffice is needed"
    subprocess.run(
        [
            program,
            "--headless",
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder / "pdf"),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=600,
    )


def timed(work) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docs = drafts()
    n = len(docs)
    results: dict[str, list[float]] = {k: [] for k in ("L1", "L2", "P1", "P2", "P0")}
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            files = []
            for i, data in enumerate(docs):
                path = folder / f"d{i:02d}.docx"
                path.write_bytes(data)
                files.append(path)

            def l1(folder: Path = folder, files: list[Path] = files) -> None:
                for i, path in enumerate(files):
                    soffice(folder / f"one-{i}", [path])

            def l2(folder: Path = folder, files: list[Path] = files) -> None:
                soffice(folder / "all", files)

            results["L1"].append(timed(l1) / n)
            results["L2"].append(timed(l2) / n)

        def p1() -> None:
            with litigate.drafts.PdfConverter() as converter:
                for data in docs:
                    text_pdfs([data], converter=converter)

        def p2() -> None:
            with litigate.drafts.PdfConverter() as converter:
                text_pdfs(docs, converter=converter)

        def p0() -> None:
            for data in docs:
                with litigate.drafts.PdfConverter() as converter:
                    text_pdfs([data], converter=converter)

        results["P1"].append(timed(p1) / n)
        results["P2"].append(timed(p2) / n)
        results["P0"].append(timed(p0) / n)
    reference = statistics.median(results["L1"])
    print(
        f"{n} drafts, {args.rounds} rounds; per draft, median of rounds "
        f"(reference L1: {reference:.2f} s a draft on this machine)"
    )
    for key, label in (
        ("L1", "LibreOffice alone, one process per draft (reference)"),
        ("L2", "LibreOffice alone, one process for all drafts"),
        ("P0", "litigate, an office started per draft (render without converter=)"),
        ("P1", "litigate, one office, one request per draft, checks included"),
        ("P2", "litigate, one office, one request for all drafts, checks included"),
    ):
        median = statistics.median(results[key])
        spread = f"{min(results[key]) / reference:.2f}-{max(results[key]) / reference:.2f}"
        print(f"{key}  {median / reference:5.2f}x  (rounds {spread})  {label}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
