"""The ``litigate`` command line: the only place that reads today's date.

Exit codes scripts can rely on:

* 0: done (and, with ``--strict``, nothing to report);
* 1: with ``--strict``, findings of severity error or expired deadlines;
* 2: usage or input errors (a file that cannot be read, an invalid case file).

Errors are printed as one clear line per problem on standard error, never a
traceback unless ``--debug`` is given.  Every command that prints a table also
has ``--json``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import litigate
from litigate.errors import CaseFileError, LitigateError

__all__ = ["main"]

_EXIT_OK = 0
_EXIT_FINDINGS = 1
_EXIT_USAGE = 2


def _today() -> date:
    return date.today()


def _as_of(value: str | None) -> date:
    if value is None:
        return _today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        msg = f"--as-of must be a date written YYYY-MM-DD (got {value!r})"
        raise argparse.ArgumentTypeError(msg) from None


# ---------------------------------------------------------------- deadlines


_COLUMNS = (
    "case",
    "complaint",
    "provision",
    "status",
    "deadline",
    "weekday",
    "days_left",
    "arguable",
    "rule",
    "file",
)


def _deadline_rows(
    paths: Sequence[Path], as_of: date, problems: list[str]
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for path in paths:
        try:
            case = litigate.load_case(path)
            window = litigate.filing_window(case, as_of=as_of)
        except CaseFileError as exc:
            problems.extend(f"{path}: {e}" for e in exc.errors)
            continue
        except LitigateError as exc:
            problems.append(f"{path}: {exc}")
            continue
        for i, w in enumerate(window.complaints):
            rows.append(
                {
                    "case": case.title or path.parent.name,
                    "complaint": i + 1,
                    "provision": w.complaint.resolved.cite(),
                    "status": w.status.value,
                    "deadline": w.deadline.isoformat() if w.deadline else None,
                    "weekday": w.weekday,
                    "days_left": w.days_left,
                    "arguable": w.arguable_deadline.isoformat()
                    if w.arguable_deadline and w.arguable_deadline != w.deadline
                    else None,
                    "rule": w.rule_id,
                    "file": str(path),
                }
            )
    return rows


def _sort_key(column: str) -> Callable[[dict[str, Any]], tuple[int, Any]]:
    def key(row: dict[str, Any]) -> tuple[int, Any]:
        value = row.get(column)
        return (1, "") if value is None else (0, value)

    return key


def _print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], out: TextIO) -> None:
    widths = {
        c: max([len(c), *(len("" if r.get(c) is None else str(r[c])) for r in rows)])
        for c in columns
    }
    out.write("  ".join(c.ljust(widths[c]) for c in columns).rstrip() + "\n")
    for row in rows:
        cells = ("" if row.get(c) is None else str(row[c]) for c in columns)
        out.write(
            "  ".join(v.ljust(widths[c]) for v, c in zip(cells, columns, strict=True)).rstrip()
            + "\n"
        )


def _cmd_deadlines(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    problems: list[str] = []
    rows = _deadline_rows(args.case_files, args.as_of, problems)
    rows.sort(key=_sort_key(args.sort))
    if args.json:
        json.dump(
            {"as_of": args.as_of.isoformat(), "windows": rows}, out, ensure_ascii=False, indent=2
        )
        out.write("\n")
    elif args.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        out.write(buffer.getvalue())
    else:
        out.write(f"Filing windows as of {args.as_of.isoformat()}\n")
        _print_table(rows, _COLUMNS[:-2], out)
    err.writelines(f"litigate: {problem}\n" for problem in problems)
    if problems:
        return _EXIT_USAGE
    if args.strict and any(r["status"] == "expired" for r in rows):
        return _EXIT_FINDINGS
    return _EXIT_OK


# ---------------------------------------------------------------- check


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        case = litigate.load_case(args.case_file)
        findings = litigate.check(case, as_of=args.as_of)
    except CaseFileError as exc:
        err.writelines(f"litigate: {args.case_file}: {e}\n" for e in exc.errors)
        return _EXIT_USAGE
    if args.json:
        payload = [
            {
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "rule": f.rule_id,
                "source": f.source,
                "field": f.field,
            }
            for f in findings
        ]
        json.dump(
            {"as_of": args.as_of.isoformat(), "findings": payload},
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        out.writelines(f"{finding}\n" for finding in findings)
        if not findings:
            out.write("No findings.\n")
    if args.strict and any(f.severity is litigate.Severity.ERROR for f in findings):
        return _EXIT_FINDINGS
    return _EXIT_OK


# ---------------------------------------------------------------- small tools


def _cmd_schema(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    del args
    json.dump(litigate.case_schema(), out, ensure_ascii=False, indent=2)
    out.write("\n")
    return _EXIT_OK


def _cmd_parse_date(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    languages = tuple(args.languages.split(",")) if args.languages else ("en", "fr", "ru", "az")
    parsed = litigate.parse_date(args.text, languages=languages, date_order=args.date_order)
    if args.json:
        json.dump({"text": args.text, "date": parsed.isoformat()}, out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(f"{parsed.isoformat()}\n")
    return _EXIT_OK


def _cmd_citations(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        msg = f"cannot read {path}: {exc.strerror}"
        raise LitigateError(msg) from exc
    except UnicodeDecodeError as exc:
        msg = f"{path} is not UTF-8 text"
        raise LitigateError(msg) from exc
    mentions = litigate.find_citations(text)
    rows = [
        {
            "start": m.start,
            "end": m.end,
            "text": m.text,
            "kind": type(m.citation).__name__,
            "canonical": str(m.citation),
        }
        for m in mentions
    ]
    if args.json:
        json.dump({"file": str(path), "citations": rows}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        _print_table(rows, ("start", "kind", "canonical"), out)
    return _EXIT_OK


# ---------------------------------------------------------------- drafts


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        case = litigate.load_case(args.case_file)
    except CaseFileError as exc:
        err.writelines(f"litigate: {args.case_file}: {e}\n" for e in exc.errors)
        return _EXIT_USAGE
    name = args.template_id.replace("/", "-")
    suffix = ".public" if args.anonymise else ""
    target = Path(args.out) / f"{name}.{args.locale}{suffix}.docx"
    litigate.render(
        args.template_id,
        case=case,
        as_of=args.as_of,
        locale=args.locale,
        out=target,
        draft=args.draft,
        anonymise=args.anonymise,
        overwrite=args.overwrite,
        template_dirs=args.template_dir or (),
    )
    out.write(f"{target}\n")
    return _EXIT_OK


def _cmd_lint_templates(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    reports = litigate.lint_templates(args.folders)
    bad = 0
    for report in reports:
        if report.ok:
            continue
        bad += 1
        out.writelines(f"{report.path}: {problem}\n" for problem in report.problems)
    out.write(f"{len(reports)} template(s) checked, {bad} with problems\n")
    return _EXIT_FINDINGS if bad else _EXIT_OK


# ---------------------------------------------------------------- parser


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="litigate",
        description="Filing windows, admissibility checks and drafts for the ECtHR and the UN treaty bodies.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)

    deadlines = sub.add_parser(
        "deadlines", help="every complaint's filing window, across case files"
    )
    deadlines.add_argument("case_files", nargs="+", type=Path, metavar="CASE_FILE")
    deadlines.add_argument(
        "--as-of", type=_as_of, default=None, help="YYYY-MM-DD (default: today)"
    )
    deadlines.add_argument(
        "--sort", choices=_COLUMNS, default="deadline", help="column to sort by"
    )
    deadlines.add_argument(
        "--strict", action="store_true", help="exit 1 when a deadline has expired"
    )
    fmt = deadlines.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON output")
    fmt.add_argument("--csv", action="store_true", help="CSV output")
    deadlines.set_defaults(run=_cmd_deadlines)

    check = sub.add_parser("check", help="admissibility and completeness findings")
    check.add_argument("case_file", type=Path)
    check.add_argument("--as-of", type=_as_of, default=None, help="YYYY-MM-DD (default: today)")
    check.add_argument("--strict", action="store_true", help="exit 1 when there are errors")
    check.add_argument("--json", action="store_true", help="JSON output")
    check.set_defaults(run=_cmd_check)

    schema = sub.add_parser("schema", help="print the JSON Schema of case files")
    schema.set_defaults(run=_cmd_schema)

    parse_date = sub.add_parser("parse-date", help="read a date written in en/fr/ru/az")
    parse_date.add_argument("text")
    parse_date.add_argument("--languages", help="comma-separated, e.g. az,ru")
    parse_date.add_argument("--date-order", choices=("DMY", "MDY", "YMD"))
    parse_date.add_argument("--json", action="store_true", help="JSON output")
    parse_date.set_defaults(run=_cmd_parse_date)

    render = sub.add_parser("render", help="render a draft from a template")
    render.add_argument("case_file", type=Path)
    render.add_argument("template_id", help="e.g. ecthr/application")
    render.add_argument("--locale", default="en", help="en or fr")
    render.add_argument("--out", default=".", help="folder for the draft (default: here)")
    render.add_argument("--as-of", type=_as_of, default=None, help="YYYY-MM-DD (default: today)")
    render.add_argument("--draft", action="store_true", help="show missing values as markers")
    render.add_argument("--anonymise", action="store_true", help="the public version")
    render.add_argument("--overwrite", action="store_true", help="replace a draft edited since")
    render.add_argument(
        "--template-dir", action="append", type=Path, help="firm templates (repeatable)"
    )
    render.set_defaults(run=_cmd_render)

    lint = sub.add_parser("lint-templates", help="check template files or folders")
    lint.add_argument("folders", nargs="+", type=Path)
    lint.set_defaults(run=_cmd_lint_templates)

    citations = sub.add_parser("citations", help="list the citations found in a text file")
    citations.add_argument("file", type=Path)
    citations.add_argument("--json", action="store_true", help="JSON output")
    citations.set_defaults(run=_cmd_citations)
    return parser


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; return the exit code.

    Examples:
        >>> import io
        >>> buffer = io.StringIO()
        >>> main(["parse-date", "2025-ci il noyabrın 18-i"], out=buffer)
        0
        >>> print(buffer.getvalue(), end="")
        2025-11-18
        >>> main(["parse-date", "03/04/2025"], err=io.StringIO())
        2
    """
    stdout = out or sys.stdout
    stderr = err or sys.stderr
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse prints its own one-line usage error
        return int(exc.code) if isinstance(exc.code, int) else _EXIT_USAGE
    if getattr(args, "as_of", "absent") is None:
        args.as_of = _today()
    try:
        return int(args.run(args, stdout, stderr))
    except BrokenPipeError:
        # The reader went away (`litigate deadlines … | head`): stop quietly, like other tools.
        if stdout is sys.stdout:  # keep Python from complaining again at exit
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, sys.stdout.fileno())
        return _EXIT_OK
    except LitigateError as exc:
        if args.debug:
            raise
        first, *rest = str(exc).splitlines() or [type(exc).__name__]
        stderr.write(f"litigate: {first}\n")
        for line in rest:
            stderr.write(f"litigate: {line.strip()}\n")
        return _EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
