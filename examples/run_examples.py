"""The main job: every example case computed, checked and rendered; the group processed.

Usage::

    python examples/run_examples.py [--as-of YYYY-MM-DD] [--out DIR] [CASE_FILE ...]

For each ``examples/*/case.toml``: the filing window of every complaint (with the
section G paragraph), the admissibility and completeness findings, and every draft
whose template applies to the case (``templates/manifest.toml``: the case's forum is
in the template's ``case_forums`` and the case has what it ``requires``), in each of
the template's languages.  The reply to the Government's (or the State party's)
observations is rendered when the example folder holds the observations
(``government-observations.docx``).  All deadlines go to ``DIR/deadlines.ics``.

For each group application (``examples/*/base.toml`` with ``applicants.xlsx``): the
docket, the table of applicants (XLSX) and one application form per applicant.

Then the text PDF of every draft (``<draft>.pdf`` beside each ``<draft>.docx``, for the
Court's eComms service), all made by one LibreOffice started and stopped here, and the
annex bundle of each example whose folder holds its annexes (``annexes/NN-*.txt``, NN the
number in the case's list of documents): one stamped PDF named for eComms
(``<case title> - Annexes.pdf``).

Drafts are written to ``DIR/<example>/`` (default ``out/``).  A file edited since it
was written is never overwritten: it is reported and left alone.  This script is a
command-line entry point, so it may read today's date when ``--as-of`` is not given;
the library itself never does.
"""

from __future__ import annotations

import argparse
import sys
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import litigate
import litigate.drafts
import litigate.group

HERE = Path(__file__).resolve().parent
OBSERVATIONS = "government-observations.docx"
REPLY_TEMPLATES = {"ecthr/observations-reply", "un/comments-on-observations"}


def _manifest() -> dict[str, dict[str, list[str]]]:
    text = (litigate.drafts.templates_root() / "manifest.toml").read_text(encoding="utf-8")
    templates: dict[str, dict[str, list[str]]] = tomllib.loads(text)["templates"]
    return templates


def applicable(case: litigate.Case) -> Iterator[tuple[str, str]]:
    """(template id, locale) for every built-in template that applies to ``case``."""
    for template_id, entry in sorted(_manifest().items()):
        if case.forum.value not in entry["case_forums"]:
            continue
        if any(not getattr(case, key) for key in entry["requires"]):
            continue
        for locale in entry["locales"]:
            yield template_id, locale


def render_drafts(
    case: litigate.Case, folder: Path, as_of: date, problems: list[str]
) -> list[Path]:
    """Render every applicable draft of ``case`` into ``folder``."""
    written = []
    source = _source_folder.get(folder.name)
    observations = (
        litigate.read_observations(source / OBSERVATIONS)
        if source is not None and (source / OBSERVATIONS).exists()
        else None
    )
    for template_id, locale in applicable(case):
        extra: dict[str, object] = {}
        if template_id in REPLY_TEMPLATES:
            if observations is None:
                continue
            extra["reply"] = litigate.reply_skeleton(
                case, observations, as_of=as_of, locale=locale
            )
            # A working draft: the review notes are printed in their own part.
            extra["with_review_notes"] = True
        target = folder / f"{template_id.split('/')[1]}.{locale}.docx"
        try:
            litigate.render(
                template_id, case=case, as_of=as_of, locale=locale, out=target, **extra
            )
        except litigate.errors.OverwriteRefusedError as exc:
            problems.append(str(exc))
            continue
        written.append(target)
    _for_pdf.extend(written)
    return written


_for_pdf: list[Path] = []
"""Every DOCX draft written in this run, to be converted to PDF at the end."""

PDF_BATCH = 25
"""Drafts converted in one request to LibreOffice."""


def write_pdfs(
    drafts: list[Path], converter: litigate.drafts.PdfConverter, problems: list[str]
) -> int:
    """Write the text PDF of each draft beside it; return how many were written."""
    written = 0
    for start in range(0, len(drafts), PDF_BATCH):
        batch = drafts[start : start + PDF_BATCH]
        pdfs = litigate.drafts.text_pdfs(
            [p.read_bytes() for p in batch], converter=converter, labels=[str(p) for p in batch]
        )
        for path, pdf in zip(batch, pdfs, strict=True):
            try:
                litigate.drafts.write_pdf(path.with_suffix(".pdf"), pdf)
            except litigate.errors.OverwriteRefusedError as exc:
                problems.append(str(exc))
                continue
            written += 1
    return written


def write_bundles(
    cases: list[tuple[Path, litigate.Case]],
    out: Path,
    converter: litigate.drafts.PdfConverter,
    problems: list[str],
) -> list[str]:
    """The annex bundle of every example whose folder holds ``annexes/``; report lines."""
    lines = []
    for path, case in cases:
        annexes = path.parent / "annexes"
        if not annexes.is_dir() or not case.documents:
            continue
        files = {int(p.name[:2]): p for p in sorted(annexes.glob("[0-9][0-9]-*"))}
        target = out / path.parent.name / litigate.drafts.ecomms_name(f"{case.title} - Annexes")
        try:
            bundle = litigate.drafts.annex_bundle(
                case, files=files, out=target, converter=converter
            )
        except litigate.errors.OverwriteRefusedError as exc:
            problems.append(str(exc))
            continue
        lines.append(
            f"Annex bundle: {', '.join(bundle.files)} ({len(bundle.annexes)} annexes, "
            f"{bundle.pages} pages, the list of documents on {bundle.list_pages})"
        )
        lines.extend(f"  to check: {note}" for note in bundle.notes)
    return lines


_source_folder: dict[str, Path] = {}


def _window_lines(case: litigate.Case, as_of: date) -> list[str]:
    if not case.complaints:
        return ["  no complaint: no filing window (the case is at a later stage)"]
    window = litigate.filing_window(case, as_of=as_of)
    lines = [f"  case: {window.summary()}"]
    for w in window.complaints:
        provision = w.complaint.resolved.cite()
        if w.deadline is not None:
            when = f"{w.deadline.isoformat()} ({w.weekday}), {w.days_left} days left"
            if w.arguable_deadline and w.arguable_deadline != w.deadline:
                when += f"; arguable {w.arguable_deadline.isoformat()}"
        elif w.elapsed_days is not None:
            when = f"{w.elapsed_days} days elapsed"
        else:
            when = "no date"
        verdict = (
            ""
            if w.in_time is None
            else (" - lodged in time" if w.in_time else " - lodged OUT OF TIME")
        )
        lines.append(f"  - {provision}: {w.status.value}, {when}{verdict}")
    lines.append("  section G (English):")
    lines.extend(f"    {paragraph}" for paragraph in window.explain().split("\n\n"))
    return lines


def report(path: Path, as_of: date, out: Path, problems: list[str]) -> str:
    """Compute, check and render one example case; return its report."""
    case = litigate.load_case(path)
    respondents = ", ".join(case.respondent)
    lines = [f"{case.title or path.parent.name} [{case.forum.value}, respondent {respondents}]"]
    lines += _window_lines(case, as_of)
    findings = litigate.check(case, as_of=as_of)
    errors = [f for f in findings if f.severity is litigate.Severity.ERROR]
    lines.append(
        f"  check: {len(errors)} error(s), {len(findings) - len(errors)} other finding(s)"
    )
    lines.extend(f"    {f}" for f in errors[:5])
    _source_folder[path.parent.name] = path.parent
    drafts = render_drafts(case, out / path.parent.name, as_of, problems)
    if drafts:
        lines.append(f"  drafts ({len(drafts)}): " + ", ".join(d.name for d in drafts))
    return "\n".join(lines)


def _write_new(path: Path, data: bytes, problems: list[str]) -> bool:
    """Write ``data`` unless the file there was changed since litigate wrote it.

    Drafts carry their own fingerprint; the calendar is checked against the
    SHA-256 that :func:`litigate.drafts.write_tracked` records in ``.litigate-written.json``.
    """
    if litigate.drafts.write_tracked(path, data) is litigate.drafts.FileStatus.REFUSED:
        problems.append(f"{path}: changed since it was written; left alone")
        return False
    return True


def group_report(base: Path, as_of: date, out: Path, problems: list[str]) -> str:
    """Load a group application; write its forms, table of applicants and docket."""
    group = litigate.load_group(base.parent / "applicants.xlsx", base=base)
    folder = out / base.parent.name
    # Forms on a process pool; the docket and the table meanwhile in this process.
    result = litigate.group.render_group(group, folder, as_of=as_of, progress=False)
    lines = [f"{base.parent.name}: group application of {len(group)} applicants"]
    lines.append("  " + str(result.docket).replace("\n", "\n  "))
    for written in (result.table, result.docket_file):
        if written.status is litigate.drafts.FileStatus.REFUSED:
            problems.append(f"{written.path}: changed since it was written; left alone")
        else:
            lines.append(f"  {written.path.name}: {written.status.value}")
    problems.extend(f"{folder / r.name}: {r.error}" for r in result.forms.problems())
    _for_pdf.extend(sorted((folder / "forms").glob("*.docx")))
    lines.append(
        f"  application forms in {folder / 'forms'}: {result.forms.written} written, "
        f"{result.forms.skipped} up to date"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the main job; return 0 when every example was processed."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date.today())
    parser.add_argument("--out", type=Path, default=Path("out"), help="folder for the drafts")
    args = parser.parse_args(argv)
    files = args.files or sorted(HERE.glob("*/case.toml"))
    groups = [] if args.files else sorted(HERE.glob("*/base.toml"))
    if not files:
        print("no example case files found", file=sys.stderr)
        return 2
    failed = 0
    problems: list[str] = []
    cases = []
    sources: list[tuple[Path, litigate.Case]] = []
    print(f"Filing windows as of {args.as_of.isoformat()}\n")
    for path in files:
        try:
            print(report(path, args.as_of, args.out, problems))
            cases.append(litigate.load_case(path))
            sources.append((path, cases[-1]))
        except litigate.errors.LitigateError as exc:
            failed += 1
            print(f"{path}: {exc}", file=sys.stderr)
        print()
    for base in groups:
        try:
            print(group_report(base, args.as_of, args.out, problems))
        except litigate.errors.LitigateError as exc:
            failed += 1
            print(f"{base}: {exc}", file=sys.stderr)
        print()
    ics = args.out / "deadlines.ics"
    if _write_new(ics, litigate.ics.calendar(cases, as_of=args.as_of), problems):
        print(f"Every deadline as a calendar: {ics}")
    pdfs = 0
    try:
        with litigate.drafts.PdfConverter() as converter:
            pdfs = write_pdfs(_for_pdf, converter, problems)
            for line in write_bundles(sources, args.out, converter, problems):
                print(line)
    except litigate.errors.LitigateError as exc:  # LibreOffice missing, a conversion failed
        problems.append(f"PDF: {exc}")
    for problem in problems:
        print(f"not written: {problem}", file=sys.stderr)
    drafts = sum(1 for _ in args.out.rglob("*.docx"))
    print(
        f"{len(files) - failed} of {len(files)} case files loaded, computed, checked and "
        f"rendered; {len(groups)} group application(s); {drafts} drafts in {args.out}, "
        f"{pdfs} of them also as text PDF."
    )
    return 1 if failed or problems else 0


if __name__ == "__main__":
    sys.exit(main())
