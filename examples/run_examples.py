"""The main job: load, validate and summarise every example case.

Usage::

    python examples/run_examples.py [--as-of YYYY-MM-DD] [CASE_FILE ...]

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


def summarise(path: Path, as_of: date) -> str:
    case = litigate.load_case(path)
    respondents = ", ".join(case.respondent)
    lines = [f"{case.title or path.parent.name} [{case.forum.value}, respondent {respondents}]"]
    lines.append(
        f"  applicants: {len(case.applicants)}; representatives: {len(case.representatives)}"
    )
    for complaint in case.complaints:
        p = complaint.resolved
        lines.append(f"  - {p.cite()} ({p.title()})")
    for decision in case.proceedings:
        when = decision.taken_on.isoformat() if decision.taken_on else "date unknown"
        lines.append(
            f"  * {when}: {decision.court} [{decision.level.value}, {decision.remedy.value}]"
        )
    if case.lodged_on:
        days = (as_of - case.lodged_on).days
        lines.append(
            f"  lodged on {case.lodged_on.isoformat()}, {days} days before {as_of.isoformat()}"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date.today())
    args = parser.parse_args(argv)
    files = args.files or sorted(HERE.glob("*/case.toml"))
    if not files:
        print("no example case files found", file=sys.stderr)
        return 2
    failed = 0
    for path in files:
        try:
            print(summarise(path, args.as_of))
        except litigate.errors.LitigateError as exc:
            failed += 1
            print(f"{path}: {exc}", file=sys.stderr)
        print()
    print(f"{len(files) - failed} of {len(files)} case files loaded and validated.")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
