"""The main job: load every example case, compute its filing windows, check it, render its drafts.

Usage::

    python examples/run_examples.py [--as-of YYYY-MM-DD] [--out DIR] [CASE_FILE ...]

Drafts are written to ``DIR/<case folder>/`` (default ``out/``): for cases before
the European Court, the application and the cover letter in English and French.
A draft edited since it was written is never overwritten.

Without file arguments every ``examples/*/case.toml`` is processed.  This script
is a command-line entry point, so it may read today's date when ``--as-of`` is
not given; the library itself never does.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

import litigate

HERE = Path(__file__).resolve().parent


DRAFTS = {"ecthr": ("ecthr/application", "ecthr/cover-letter")}


def render_drafts(case: litigate.Case, folder: Path, as_of: date) -> list[Path]:
    written = []
    for template_id in DRAFTS.get(case.forum.value, ()):
        for locale in ("en", "fr"):
            target = folder / f"{template_id.split('/')[1]}.{locale}.docx"
            litigate.render(template_id, case=case, as_of=as_of, locale=locale, out=target)
            written.append(target)
    return written


def report(path: Path, as_of: date, out: Path) -> str:
    case = litigate.load_case(path)
    window = litigate.filing_window(case, as_of=as_of)
    respondents = ", ".join(case.respondent)
    lines = [f"{case.title or path.parent.name} [{case.forum.value}, respondent {respondents}]"]
    lines.append(f"  case: {window.summary()}")
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
    findings = litigate.check(case, as_of=as_of)
    errors = [f for f in findings if f.severity is litigate.Severity.ERROR]
    lines.append(
        f"  check: {len(errors)} error(s), {len(findings) - len(errors)} other finding(s)"
    )
    lines.extend(f"    {f}" for f in errors[:5])
    lines.append("  section G (English):")
    lines.extend(f"    {paragraph}" for paragraph in window.explain().split("\n\n"))
    drafts = render_drafts(case, out / path.parent.name, as_of)
    if drafts:
        lines.append("  drafts: " + ", ".join(str(d) for d in drafts))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date.today())
    parser.add_argument("--out", type=Path, default=Path("out"), help="folder for the drafts")
    args = parser.parse_args(argv)
    files = args.files or sorted(HERE.glob("*/case.toml"))
    if not files:
        print("no example case files found", file=sys.stderr)
        return 2
    failed = 0
    print(f"Filing windows as of {args.as_of.isoformat()}\n")
    for path in files:
        try:
            print(report(path, args.as_of, args.out))
        except litigate.errors.LitigateError as exc:
            failed += 1
            print(f"{path}: {exc}", file=sys.stderr)
        print()
    print(
        f"{len(files) - failed} of {len(files)} case files loaded, computed, checked and rendered."
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
