"""The ``litigate`` command line: the only place that reads today's date.

Exit codes scripts can rely on:

* 0: done (and, with ``--strict``, nothing to report);
* 1: with ``--strict``, findings of severity error or expired deadlines;
  templates with problems (``lint-templates``);
* 2: usage or input errors (a file that cannot be read, an invalid case file).

Errors are printed as one clear line per problem on standard error, never a
traceback unless ``--debug`` is given.  Every command that prints a table also
has ``--json``.  Commands that read many case files show a progress bar on
standard error when it is a terminal (``--no-progress`` turns it off); standard
output stays clean for pipes and JSON.

Each subcommand is a pair of functions: ``_add_<name>(sub)`` builds its parser and
``_cmd_<name>(args, out, err)`` runs it; :func:`_parser` lists them.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO, TypeVar

import litigate
import litigate.casefile
import litigate.drafts
import litigate.group
from litigate import l10n
from litigate.batch.cli import add_batch_parser, add_rules_option
from litigate.engine.deadlines import deadlines
from litigate.errors import CaseFileError, InputError, LitigateError
from litigate.group.cli import add_group_parser
from litigate.rules import RuleSet, load_rules
from litigate.vault import add_encrypt_option, sealed_path

__all__ = ["main"]

_EXIT_OK = 0
_EXIT_FINDINGS = 1
_EXIT_USAGE = 2

_PROGRESS_DELAY = 0.5
"""Seconds before a progress bar appears: short runs never show one."""

_T = TypeVar("_T")


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


def _alarms(value: str) -> tuple[int, ...]:
    text = value.strip().lower()
    if text in {"", "none"}:
        return ()
    days: list[int] = []
    for part in text.split(","):
        try:
            number = int(part.strip())
        except ValueError:
            number = -1
        if not 0 <= number <= 3660:  # noqa: PLR2004 - ten years, as litigate.ics checks
            msg = f"--alarms must be days before the deadline, e.g. 30,7,1, or 'none' (got {value!r})"
            raise argparse.ArgumentTypeError(msg)
        days.append(number)
    return tuple(days)


def _progress(
    items: Iterable[_T], *, total: int, desc: str, args: argparse.Namespace, err: TextIO
) -> Iterator[_T]:
    """Iterate ``items`` with a progress bar on ``err`` if it is a terminal and allowed."""
    isatty = getattr(err, "isatty", None)
    if getattr(args, "no_progress", True) or not (callable(isatty) and isatty()):
        yield from items
        return
    from tqdm import tqdm

    bar = tqdm(
        items,
        total=total,
        desc=desc,
        unit="file",
        file=err,
        leave=False,
        delay=_PROGRESS_DELAY,
        dynamic_ncols=True,
    )
    try:
        yield from bar
    finally:
        bar.close()


def _load(path: Path, problems: list[str]) -> litigate.Case | None:
    """Load a case file, or add one line per problem to ``problems``."""
    try:
        return litigate.load_case(path)
    except CaseFileError as exc:
        problems.extend(f"{path}: {e}" for e in exc.errors)
    except LitigateError as exc:
        problems.append(f"{path}: {exc}")
    return None


def _dump(payload: object, out: TextIO) -> None:
    json.dump(payload, out, ensure_ascii=False, indent=2)
    out.write("\n")


def _report(problems: Sequence[str], err: TextIO) -> None:
    err.writelines(f"litigate: {problem}\n" for problem in problems)


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


def _add_as_of(parser: argparse.ArgumentParser) -> None:
    """``--as-of`` and ``--rules``: every command that computes a date takes both."""
    parser.add_argument("--as-of", type=_as_of, default=None, help="YYYY-MM-DD (default: today)")
    add_rules_option(parser)


def _rules(args: argparse.Namespace) -> RuleSet | None:
    """The rule set of ``--rules`` (read once per run), or ``None`` for the packaged rules."""
    paths: list[Path] = getattr(args, "rules", [])
    if not paths:
        return None
    ruleset: RuleSet | None = getattr(args, "ruleset", None)
    if ruleset is None:
        ruleset = load_rules(*paths)
        args.ruleset = ruleset
    return ruleset


def _add_progress(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it only ever shows on a terminal, on standard error)",
    )


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="JSON output")


def _subparser(sub: Any, name: str, **kwargs: Any) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(name, **kwargs)
    # Accepted after the subcommand too: `litigate check x.toml --debug`.
    parser.add_argument(
        "--debug", action="store_true", default=argparse.SUPPRESS, help="show tracebacks"
    )
    return parser


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
    paths: Sequence[Path],
    as_of: date,
    problems: list[str],
    *,
    args: argparse.Namespace | None = None,
    err: TextIO | None = None,
) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    rules = None if args is None else _rules(args)
    items: Iterable[Path] = paths
    if args is not None and err is not None:
        items = _progress(paths, total=len(paths), desc="deadlines", args=args, err=err)
    for path in items:
        try:
            case = litigate.load_case(path)
            window = deadlines(case, as_of=as_of, rules=rules).window
            if window is None:  # no complaint (a case at the execution stage): no filing window
                continue
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


def _cmd_deadlines(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    problems: list[str] = []
    rows = _deadline_rows(args.case_files, args.as_of, problems, args=args, err=err)
    rows.sort(key=_sort_key(args.sort))
    if args.json:
        _dump({"as_of": args.as_of.isoformat(), "windows": rows}, out)
    elif args.csv:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=list(_COLUMNS), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        out.write(buffer.getvalue())
    else:
        out.write(f"Filing windows as of {args.as_of.isoformat()}\n")
        _print_table(rows, _COLUMNS[:-2], out)
    _report(problems, err)
    if problems:
        return _EXIT_USAGE
    if args.strict and any(r["status"] == "expired" for r in rows):
        return _EXIT_FINDINGS
    return _EXIT_OK


def _add_deadlines(sub: Any) -> None:
    parser = _subparser(
        sub, "deadlines", help="every complaint's filing window, across case files"
    )
    parser.add_argument("case_files", nargs="+", type=Path, metavar="CASE_FILE")
    _add_as_of(parser)
    parser.add_argument("--sort", choices=_COLUMNS, default="deadline", help="column to sort by")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a deadline has expired")
    _add_progress(parser)
    fmt = parser.add_mutually_exclusive_group()
    fmt.add_argument("--json", action="store_true", help="JSON output")
    fmt.add_argument("--csv", action="store_true", help="CSV output")
    parser.set_defaults(run=_cmd_deadlines)


# ---------------------------------------------------------------- check


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    paths: list[Path] = args.case_files
    problems: list[str] = []
    found: list[tuple[Path, litigate.Finding]] = []
    for path in _progress(paths, total=len(paths), desc="check", args=args, err=err):
        case = _load(path, problems)
        if case is not None:
            found += [
                (path, f) for f in litigate.check(case, as_of=args.as_of, rules=_rules(args))
            ]
    if args.json:
        payload = [
            {
                "file": str(path),
                "code": f.code,
                "severity": f.severity.value,
                "message": f.message,
                "rule": f.rule_id,
                "source": f.source,
                "field": f.field,
            }
            for path, f in found
        ]
        _dump({"as_of": args.as_of.isoformat(), "findings": payload}, out)
    else:
        prefix = len(paths) > 1
        out.writelines(f"{f'{path}: ' if prefix else ''}{f}\n" for path, f in found)
        if not found and not problems:
            out.write("No findings.\n")
    _report(problems, err)
    if problems:
        return _EXIT_USAGE
    if args.strict and any(f.severity is litigate.Severity.ERROR for _, f in found):
        return _EXIT_FINDINGS
    return _EXIT_OK


def _add_check(sub: Any) -> None:
    parser = _subparser(sub, "check", help="admissibility and completeness findings")
    parser.add_argument("case_files", nargs="+", type=Path, metavar="CASE_FILE")
    _add_as_of(parser)
    parser.add_argument("--strict", action="store_true", help="exit 1 when there are errors")
    _add_progress(parser)
    _add_json(parser)
    parser.set_defaults(run=_cmd_check)


# ---------------------------------------------------------------- calendar


def _cmd_calendar(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from litigate.ics import case_identity, deadline_calendar

    paths: list[Path] = args.case_files
    problems: list[str] = []
    cases: list[litigate.Case] = []
    owners: dict[str, Path] = {}
    for path in _progress(paths, total=len(paths), desc="reading", args=args, err=err):
        case = _load(path, problems)
        if case is None:
            continue
        try:
            identity = case_identity(case, field="the case")
        except LitigateError as exc:
            problems.append(f"{path}: {exc}")
            continue
        if identity in owners:
            problems.append(
                f"{path}: same forum and title as {owners[identity]} ({identity!r}): give one "
                "a distinct title (e.g. '… (no. 2)') so that their events do not collide"
            )
            continue
        owners[identity] = path
        cases.append(case)
    if problems:  # never write a calendar that silently lacks a case
        _report([*problems, f"nothing written to {args.out}"], err)
        return _EXIT_USAGE
    found = deadline_calendar(
        _progress(cases, total=len(cases), desc="deadlines", args=args, err=err),
        as_of=args.as_of,
        upcoming=args.upcoming,
        anonymise=args.anonymise,
        rules=_rules(args),
    )
    data = found.to_ics(alarms=args.alarms)
    from litigate._files import write_atomic

    target = write_atomic(sealed_path(args.out, args), data, overwrite=args.overwrite)
    rows = [
        {
            "date": e.on.isoformat(),
            "status": e.status,
            "case": e.case,
            "kind": e.kind,
            "what": e.what,
            "summary": e.summary,
            "reminders": e.remind and bool(args.alarms),
            "uid": e.uid,
        }
        for e in found.events
    ]
    if args.json:
        _dump(
            {
                "as_of": args.as_of.isoformat(),
                "out": str(target),
                "alarms": list(args.alarms),
                "events": rows,
                "undated": list(found.undated),
            },
            out,
        )
    else:
        out.write(f"Deadlines as of {args.as_of.isoformat()}\n")
        _print_table(rows, ("date", "status", "case", "what"), out)
        out.writelines(f"Not in the calendar (no date): {line}\n" for line in found.undated)
        out.write(f"{len(rows)} event(s) written to {target}\n")
    if args.strict and any(e.status == "expired" for e in found.events):
        return _EXIT_FINDINGS
    return _EXIT_OK


def _add_calendar(sub: Any) -> None:
    parser = _subparser(sub, "calendar", help="export every deadline to an iCalendar (.ics) file")
    parser.add_argument("case_files", nargs="+", type=Path, metavar="CASE_FILE")
    parser.add_argument("--out", type=Path, required=True, help="the .ics file to write")
    _add_as_of(parser)
    parser.add_argument(
        "--alarms",
        type=_alarms,
        default=(30, 7, 1),
        help="reminders, in days before each deadline (default: 30,7,1; 'none' for none)",
    )
    parser.add_argument(
        "--upcoming", action="store_true", help="only deadlines on or after --as-of"
    )
    parser.add_argument("--overwrite", action="store_true", help="replace an existing file")
    parser.add_argument(
        "--anonymise",
        action="store_true",
        help="initials and application numbers only (for calendars synced to phones or clouds)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when a deadline has expired")
    add_encrypt_option(parser, "calendar")
    _add_progress(parser)
    _add_json(parser)
    parser.set_defaults(run=_cmd_calendar)


# ---------------------------------------------------------------- docket

_CASE_NAMES = ("case.toml", "case.yaml", "case.yml", "case.json")


def _docket_sources(
    roots: Sequence[Path], problems: list[str]
) -> tuple[list[litigate.Case | litigate.group.GroupApplication], list[str | None]]:
    """Every case file and group application (base.toml + applicants.xlsx/csv) under ``roots``."""
    items: list[litigate.Case | litigate.group.GroupApplication] = []
    files: list[str | None] = []
    paths: list[Path] = []
    for root in roots:
        if root.is_file():
            paths.append(root)
            continue
        if not root.is_dir():
            problems.append(f"{root}: no such file or folder")
            continue
        for found in sorted(root.rglob("*")):
            if found.name.removesuffix(".age") in _CASE_NAMES or found.name == "base.toml":
                paths.append(found)
    for path in paths:
        if path.name == "base.toml":
            sheets = [path.parent / n for n in ("applicants.xlsx", "applicants.csv")]
            sheet = next((p for p in sheets if p.is_file()), None)
            if sheet is None:
                continue
            try:
                items.append(litigate.load_group(sheet, base=path))
            except LitigateError as exc:
                problems.append(f"{sheet}: {exc}")
                continue
            files.append(str(path.parent))
            continue
        case = _load(path, problems)
        if case is not None:
            items.append(case)
            files.append(str(path))
    return items, files


def _read_saved(path: Path) -> str:
    """A docket saved with ``--save`` (``docket.json.age`` decrypted in memory)."""
    from litigate._files import read_clear

    limit = 50_000_000
    data = read_clear(path, limit)
    if len(data) > limit:
        msg = f"{path} is over {limit} bytes: not a saved docket"
        raise InputError(msg, field="since", value=str(path))
    return data.decode("utf-8")


def _cmd_docket(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from litigate._files import clear_name, write_atomic
    from litigate.caseload import case_docket, what_moved

    problems: list[str] = []
    items, files = _docket_sources(args.folders, problems)
    if problems:
        _report(problems, err)
        return _EXIT_USAGE
    found = case_docket(items, as_of=args.as_of, files=files, rules=_rules(args))
    moves = None
    if args.since is not None:
        moves = what_moved(_read_saved(args.since), found)
    if args.save is not None:
        saved = sealed_path(args.save, args)
        write_atomic(saved, found.to_json().encode("utf-8"), overwrite=True)
    if args.timeline is not None:
        from litigate.display.docket import docket_png, docket_svg

        data = (
            docket_svg(found).encode("utf-8")
            if clear_name(args.timeline).suffix.lower() == ".svg"
            else docket_png(found)
        )
        write_atomic(sealed_path(args.timeline, args), data, overwrite=args.overwrite)
    if args.json:
        payload: dict[str, Any] = json.loads(found.to_json())
        if moves is not None:
            payload["moved"] = [
                {
                    "uid": m.uid,
                    "case": m.case,
                    "what": m.what,
                    "change": m.change,
                    "before": m.before,
                    "after": m.after,
                    "why": m.why,
                }
                for m in moves
            ]
        _dump(payload, out)
    else:
        out.write(f"{found}\n")
        if moves is not None:
            out.write(f"What moved since {args.since}: {len(moves)}\n")
            out.writelines(f"- {m}\n" for m in moves)
    if args.strict and any(e.status == "expired" for e in found.entries):
        return _EXIT_FINDINGS
    return _EXIT_OK


def _add_docket(sub: Any) -> None:
    parser = _subparser(
        sub, "docket", help="every deadline of every case under the folders, soonest first"
    )
    parser.add_argument("folders", nargs="+", type=Path, metavar="DIR")
    _add_as_of(parser)
    parser.add_argument("--save", type=Path, help="also save the docket as JSON (for --since)")
    parser.add_argument(
        "--since", type=Path, help="a docket saved earlier (--save): list what moved"
    )
    parser.add_argument("--timeline", type=Path, help="write a timeline picture (.png or .svg)")
    parser.add_argument("--overwrite", action="store_true", help="replace an existing picture")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a deadline has expired")
    add_encrypt_option(parser, "--save and --timeline files")
    _add_json(parser)
    parser.set_defaults(run=_cmd_docket)


# ---------------------------------------------------------------- data of people at risk


def _cmd_scrub(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from litigate.vault import scrub

    found = [item for folder in args.folders for item in scrub(folder)]
    if args.json:
        _dump([{"path": str(i.path), "reason": i.reason} for i in found], out)
    else:
        out.writelines(f"{item}\n" for item in found)
        out.write(f"{len(found)} file(s) with personal data in clear\n")
    return _EXIT_FINDINGS if args.strict and found else _EXIT_OK


def _add_scrub(sub: Any) -> None:
    parser = _subparser(
        sub, "scrub", help="list every file under the folders holding personal data in clear"
    )
    parser.add_argument("folders", nargs="+", type=Path, metavar="DIR")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a file is listed")
    _add_json(parser)
    parser.set_defaults(run=_cmd_scrub)


def _cmd_encrypt(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from litigate.vault import encrypt_file, new_passphrase

    secret = new_passphrase()  # asked twice on a terminal: a typo would lock the files
    for path in args.files:
        target = encrypt_file(path, passphrase=secret, keep_clear=args.keep_clear)
        out.write(f"{path} -> {target}\n")
    return _EXIT_OK


def _add_encrypt(sub: Any) -> None:
    parser = _subparser(
        sub,
        "encrypt",
        help="encrypt files with age (passphrase from LITIGATE_PASSPHRASE or a prompt)",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--keep-clear", action="store_true", help="keep the clear file")
    parser.set_defaults(run=_cmd_encrypt)


# ---------------------------------------------------------------- small tools


def _cmd_schema(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    del args
    _dump(litigate.casefile.case_schema(), out)
    return _EXIT_OK


def _add_schema(sub: Any) -> None:
    parser = _subparser(sub, "schema", help="print the JSON Schema of case files")
    parser.set_defaults(run=_cmd_schema)


def _cmd_parse_date(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    languages = (
        tuple(args.languages.split(",")) if args.languages else l10n.supported("reading dates")
    )
    parsed = litigate.parse_date(args.text, languages=languages, date_order=args.date_order)
    if args.json:
        json.dump({"text": args.text, "date": parsed.isoformat()}, out, ensure_ascii=False)
        out.write("\n")
    else:
        out.write(f"{parsed.isoformat()}\n")
    return _EXIT_OK


def _add_parse_date(sub: Any) -> None:
    parser = _subparser(sub, "parse-date", help="read a date written in en/fr/ru/az")
    parser.add_argument("text")
    parser.add_argument("--languages", help="comma-separated, e.g. az,ru")
    parser.add_argument("--date-order", choices=("DMY", "MDY", "YMD"))
    _add_json(parser)
    parser.set_defaults(run=_cmd_parse_date)


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
        _dump({"file": str(path), "citations": rows}, out)
    else:
        _print_table(rows, ("start", "kind", "canonical"), out)
    return _EXIT_OK


def _add_citations(sub: Any) -> None:
    parser = _subparser(sub, "citations", help="list the citations found in a text file")
    parser.add_argument("file", type=Path)
    _add_json(parser)
    parser.set_defaults(run=_cmd_citations)


# ---------------------------------------------------------------- drafts


def _cmd_render(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        case = litigate.load_case(args.case_file)
    except CaseFileError as exc:
        _report([f"{args.case_file}: {e}" for e in exc.errors], err)
        return _EXIT_USAGE
    name = args.template_id.replace("/", "-")
    suffix = ".public" if args.anonymise else ""
    target = Path(args.out) / f"{name}.{args.locale}{suffix}.docx"
    if args.pdf:
        target = target.with_suffix(".pdf")
    if args.encrypt and args.pdf:
        msg = (
            "--encrypt with --pdf is refused: LibreOffice reads the draft and writes the PDF "
            "in clear in a temporary folder; render the DOCX encrypted instead"
        )
        raise InputError(msg, field="pdf", value=True)
    target = sealed_path(target, args)
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
        format="pdf" if args.pdf else "docx",
        rules=_rules(args),
    )
    out.write(f"{target}\n")
    return _EXIT_OK


def _add_render(sub: Any) -> None:
    parser = _subparser(sub, "render", help="render a draft from a template")
    parser.add_argument("case_file", type=Path)
    parser.add_argument("template_id", help="e.g. ecthr/application")
    parser.add_argument("--locale", default="en", help="en or fr")
    parser.add_argument("--out", default=".", help="folder for the draft (default: here)")
    _add_as_of(parser)
    parser.add_argument("--draft", action="store_true", help="show missing values as markers")
    parser.add_argument("--anonymise", action="store_true", help="the public version")
    parser.add_argument("--overwrite", action="store_true", help="replace a draft edited since")
    parser.add_argument(
        "--template-dir", action="append", type=Path, help="firm templates (repeatable)"
    )
    parser.add_argument(
        "--pdf", action="store_true", help="write a text PDF (through LibreOffice) instead of DOCX"
    )
    add_encrypt_option(parser, "draft")
    parser.set_defaults(run=_cmd_render)


def _cmd_bundle(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        case = litigate.load_case(args.case_file)
    except CaseFileError as exc:
        _report([f"{args.case_file}: {e}" for e in exc.errors], err)
        return _EXIT_USAGE
    folder = args.folder if args.folder is not None else args.case_file.parent
    name = litigate.drafts.ecomms_name(f"{case.title or 'Case'} - Annexes")
    target = args.out if args.out.suffix.lower() == ".pdf" else args.out / name
    bundle = litigate.drafts.annex_bundle(
        case, folder=folder, locale=args.locale, out=target, overwrite=args.overwrite
    )
    err.writelines(f"litigate: to check: {note}\n" for note in bundle.notes)
    out.writelines(f"{path}\n" for path in bundle.files)
    out.write(
        f"{len(bundle.annexes)} annex(es), {bundle.pages} page(s) "
        f"(list of documents: {bundle.list_pages})\n"
    )
    return _EXIT_OK


def _add_bundle(sub: Any) -> None:
    parser = _subparser(
        sub, "bundle", help="one stamped PDF of the list of documents and every annex"
    )
    parser.add_argument("case_file", type=Path)
    parser.add_argument(
        "--folder", type=Path, help="where the annexes are (default: the case file's folder)"
    )
    parser.add_argument(
        "--out", type=Path, default=Path(), help="a .pdf file, or a folder (default: here)"
    )
    parser.add_argument("--locale", default="en", help="en or fr")
    parser.add_argument("--overwrite", action="store_true", help="replace a bundle changed since")
    parser.set_defaults(run=_cmd_bundle)


_REPLY_TEMPLATE = "ecthr/observations-reply"


def _cmd_reply(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    args.out = sealed_path(args.out, args)  # --encrypt: reply.docx.age
    try:
        case = litigate.load_case(args.case_file)
    except CaseFileError as exc:
        _report([f"{args.case_file}: {e}" for e in exc.errors], err)
        return _EXIT_USAGE
    try:
        observations = litigate.read_observations(args.observations)
    except LitigateError as exc:
        if args.debug:
            raise
        where = "" if str(args.observations) in str(exc) else f"{args.observations}: "
        _report([f"{where}{line.strip()}" for line in str(exc).splitlines()], err)
        return _EXIT_USAGE
    reply = litigate.reply_skeleton(
        case, observations, as_of=args.as_of, locale=args.locale, rules=_rules(args)
    )
    litigate.render(
        _REPLY_TEMPLATE,
        case=case,
        as_of=args.as_of,
        locale=args.locale,
        out=args.out,
        draft=args.draft,
        overwrite=args.overwrite,
        template_dirs=args.template_dir or (),
        rules=_rules(args),
        reply=reply,
        # The CLI writes a working draft: the review notes are printed in their own part.
        with_review_notes=True,
    )
    to_review = sum(1 for s in reply.sections if s.needs_review)
    sections = [
        {
            "key": s.key,
            "kind": s.kind,
            "article": s.article,
            "heading": s.heading,
            "answers": list(s.answers),
            "needs_review": s.needs_review,
            "from_bank": s.from_bank,
            "opening": s.opening,
            "argument": s.argument,
            "sources": list(s.sources),
            "government_heading": s.government_heading,
        }
        for s in reply.sections
    ]
    if args.json:
        _dump(
            {
                "out": str(args.out),
                "locale": reply.locale,
                "to_review": to_review,
                "sections": sections,
                "warnings": list(reply.warnings),
                "review_notes": list(reply.review_notes),
            },
            out,
        )
        return _EXIT_OK
    rows = [
        {
            "section": s.heading,
            "paragraphs": _paragraphs(s.answers),
            "review": "to review" if s.needs_review else "ready",
        }
        for s in reply.sections
    ]
    _print_table(rows, ("section", "paragraphs", "review"), out)
    out.writelines(f"Check: {warning}\n" for warning in reply.warnings)
    out.writelines(f"Review note: {note}\n" for note in reply.review_notes)
    out.write(f"{len(sections)} section(s), {to_review} to review: {args.out}\n")
    return _EXIT_OK


def _paragraphs(numbers: Sequence[int]) -> str:
    if not numbers:
        return ""
    if len(numbers) == 1:
        return f"§ {numbers[0]}"
    return f"§§ {numbers[0]}–{numbers[-1]}"


def _add_reply(sub: Any) -> None:
    parser = _subparser(
        sub, "reply", help="draft the reply to the Government's observations (a DOCX)"
    )
    parser.add_argument("case_file", type=Path, metavar="CASE_FILE")
    parser.add_argument("observations", type=Path, metavar="OBSERVATIONS_DOCX")
    parser.add_argument("--out", type=Path, required=True, help="the reply to write (.docx)")
    bank = l10n.supported("argument bank")
    parser.add_argument("--locale", default="en", choices=bank, help=" or ".join(bank))
    _add_as_of(parser)
    parser.add_argument("--draft", action="store_true", help="show missing values as markers")
    parser.add_argument("--overwrite", action="store_true", help="replace a draft edited since")
    parser.add_argument(
        "--template-dir", action="append", type=Path, help="firm templates (repeatable)"
    )
    add_encrypt_option(parser, "reply")
    _add_json(parser)
    parser.set_defaults(run=_cmd_reply)


def _cmd_lint_templates(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    reports = litigate.drafts.lint_templates(args.folders)
    bad = [report for report in reports if not report.ok]
    if args.json:
        _dump(
            {
                "checked": len(reports),
                "problems": [
                    {"path": str(report.path), "problem": str(problem)}
                    for report in bad
                    for problem in report.problems
                ],
            },
            out,
        )
    else:
        for report in bad:
            out.writelines(f"{report.path}: {problem}\n" for problem in report.problems)
        out.write(f"{len(reports)} template(s) checked, {len(bad)} with problems\n")
    return _EXIT_FINDINGS if bad else _EXIT_OK


def _add_lint_templates(sub: Any) -> None:
    parser = _subparser(sub, "lint-templates", help="check template files or folders")
    parser.add_argument("folders", nargs="+", type=Path)
    _add_json(parser)
    parser.set_defaults(run=_cmd_lint_templates)


def _cmd_template_normalise(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from litigate.drafts.normalise import normalise_templates

    results = normalise_templates(args.paths, check=args.check)
    changed = [(path, result) for path, result in results if result.changed]
    if args.json:
        _dump(
            {
                "checked": len(results),
                "written": not args.check,
                "changed": [
                    {"path": str(path), "changes": list(result.changes)}
                    for path, result in changed
                ],
            },
            out,
        )
    else:
        verb = "not normalised" if args.check else "rewritten"
        for path, result in changed:
            out.write(f"{path}: {verb}\n")
            out.writelines(f"  {line}\n" for line in result.changes)
        out.write(f"{len(results)} template(s) checked, {len(changed)} {verb}\n")
    return _EXIT_FINDINGS if args.check and changed else _EXIT_OK


def _cmd_template_dump(args: argparse.Namespace, out: TextIO, _err: TextIO) -> int:
    from litigate.drafts.normalise import dump_docx
    from litigate.errors import DocumentError

    try:
        text = dump_docx(args.path)
    except DocumentError as exc:
        raise DocumentError(f"{args.path}: {exc}", reason=exc.reason, path=str(args.path)) from exc
    out.write(text)
    return _EXIT_OK


def _add_template(sub: Any) -> None:
    parser = _subparser(sub, "template", help="normalise and dump template files (DOCX)")
    actions = parser.add_subparsers(dest="action", required=True)
    normalise = _subparser(
        actions,
        "normalise",
        help="rewrite DOCX templates deterministically (after editing them in Word)",
    )
    normalise.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    normalise.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if a file is not normalised"
    )
    _add_json(normalise)
    normalise.set_defaults(run=_cmd_template_normalise)
    dump = _subparser(
        actions, "dump", help="print a template's parts as stable XML (a git textconv driver)"
    )
    dump.add_argument("path", type=Path, metavar="PATH")
    dump.set_defaults(run=_cmd_template_dump)


# ---------------------------------------------------------------- parser


_SUBCOMMANDS: tuple[Callable[[Any], object], ...] = (
    _add_deadlines,
    _add_check,
    _add_calendar,
    _add_docket,
    _add_scrub,
    _add_encrypt,
    _add_render,
    _add_bundle,
    _add_reply,
    _add_lint_templates,
    _add_template,
    _add_schema,
    _add_parse_date,
    _add_citations,
    add_batch_parser,
    add_group_parser,
)
"""One function per subcommand, in the order ``--help`` lists them."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="litigate",
        description="Filing windows, admissibility checks and drafts for the ECtHR and the UN treaty bodies.",
    )
    parser.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in _SUBCOMMANDS:
        add(sub)
    return parser


@contextlib.contextmanager
def _vault_for(args: argparse.Namespace) -> Iterator[None]:
    """With ``--encrypt``: the passphrase, found (or asked twice) before anything is written.

    The worker processes of ``batch`` and ``group`` get it with their tasks.
    """
    if not getattr(args, "encrypt", False):
        yield
        return
    from litigate.vault import new_passphrase, unlocked

    with unlocked(new_passphrase()):
        yield


def main(
    argv: Sequence[str] | None = None, *, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Run the command line; return the exit code.

    Args:
        argv: The arguments (default: ``sys.argv[1:]``).
        out: Where results go (default: standard output).
        err: Where problems and progress bars go (default: standard error).

    Returns:
        0 when done, 1 for findings with ``--strict``, 2 for usage or input errors.

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
        with contextlib.redirect_stderr(stderr):  # argparse's own one-line usage errors
            args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code) if isinstance(exc.code, int) else _EXIT_USAGE
    if getattr(args, "as_of", "absent") is None:
        args.as_of = _today()
    try:
        with _vault_for(args):
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
    except OSError as exc:  # e.g. --out in a folder that cannot be written
        if args.debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        stderr.write(f"litigate: {where}{exc.strerror or exc}\n")
        return _EXIT_USAGE


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
