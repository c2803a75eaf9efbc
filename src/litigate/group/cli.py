"""``litigate group BASE.toml APPLICANTS.xlsx --out DIR``: a group application's forms, table and docket.

Reads the base case and the spreadsheet (:func:`litigate.load_group`), then
writes what :func:`litigate.group.render_group` writes: one application form per
applicant (on a pool of worker processes), the table of applicants and the
docket.  Every bad cell of the spreadsheet is listed at once, and nothing is
written, if the spreadsheet cannot be used.

Exit codes: 0 everything written or up to date; 1 a form failed, or a form,
the table or the docket was kept because it was edited since (``--overwrite``
replaces them); 2 the base case or the spreadsheet cannot be used.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

from litigate import l10n
from litigate.batch.cli import _date, add_rules_option, show_progress
from litigate.batch.run import _cpu_count, _default_executor
from litigate.group.run import render_group
from litigate.group.spreadsheet import load_group
from litigate.rules import load_rules
from litigate.vault import add_encrypt_option

__all__ = ["add_group_parser", "cmd_group"]

_EXIT_OK = 0
_EXIT_PROBLEMS = 1
_EXIT_USAGE = 2


def add_group_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``group`` command to the ``litigate`` parser's sub-commands.

    Args:
        subparsers: What ``parser.add_subparsers()`` returned.

    Returns:
        The ``group`` parser; its ``run`` default is :func:`cmd_group`.

    Examples:
        >>> parser = argparse.ArgumentParser(prog="litigate")
        >>> _ = add_group_parser(parser.add_subparsers(dest="command"))
        >>> args = parser.parse_args(["group", "base.toml", "applicants.xlsx", "--out", "o"])
        >>> args.locale, args.workers, args.run is cmd_group
        ('en', None, True)
    """
    group: argparse.ArgumentParser = subparsers.add_parser(
        "group",
        help="a group application: one form per applicant, the table of applicants, the docket",
    )
    group.add_argument("base", type=Path, metavar="BASE.toml", help="what the applicants share")
    group.add_argument(
        "spreadsheet", type=Path, metavar="APPLICANTS", help="one row per applicant (.xlsx, .csv)"
    )
    group.add_argument("--out", required=True, type=Path, help="output folder")
    group.add_argument("--as-of", type=_date, default=None, help="YYYY-MM-DD (default: today)")
    add_rules_option(group)
    forms = l10n.supported("Court languages")
    group.add_argument("--locale", default="en", choices=forms, help="the forms' language")
    group.add_argument("--template", default="ecthr/application", help="the form's template id")
    group.add_argument("--draft", action="store_true", help="show missing values as markers")
    group.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per CPU)"
    )
    group.add_argument(
        "--overwrite", action="store_true", help="replace files edited since they were written"
    )
    group.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it only ever shows on a terminal, on standard error)",
    )
    group.add_argument("--json", action="store_true", help="JSON output")
    add_encrypt_option(group, "forms, table and docket")
    group.set_defaults(run=cmd_group)
    return group


def cmd_group(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    r"""Run ``litigate group`` with parsed arguments; return the exit code.

    Args:
        args: From the parser made by :func:`add_group_parser` (``as_of``
            filled in by :func:`litigate.cli.main`).
        out: Where the report goes.
        err: Where usage problems go.

    Returns:
        0, 1 or 2 (see the module's documentation).

    Raises:
        LitigateError: The base case or the spreadsheet cannot be used
            (:func:`litigate.cli.main` prints it and exits with 2).

    Examples:
        >>> import io
        >>> args = argparse.Namespace(workers=0)
        >>> err = io.StringIO()
        >>> cmd_group(args, io.StringIO(), err)
        2
        >>> print(err.getvalue(), end="")
        litigate: --workers must be at least 1 (got 0)
    """
    workers = args.workers if args.workers is not None else _cpu_count()
    if workers < 1:
        err.write(f"litigate: --workers must be at least 1 (got {workers})\n")
        return _EXIT_USAGE
    paths: list[Path] = getattr(args, "rules", [])
    rules = load_rules(*paths) if paths else None
    group = load_group(args.spreadsheet, base=args.base)
    with _default_executor(workers, templates=[(args.template, args.locale)]) as pool:
        report = render_group(
            group,
            args.out,
            as_of=args.as_of,
            locale=args.locale,
            template_id=args.template,
            draft=args.draft,
            overwrite=args.overwrite,
            executor=pool,
            progress=show_progress(args, err),
            rules=rules,
            encrypt=getattr(args, "encrypt", False),
        )
    if args.json:
        forms = report.forms
        payload = {
            "out": str(args.out),
            "as_of": args.as_of.isoformat(),
            "applicants": len(group),
            "docket": report.docket.counts,
            "docket_file": {
                "path": str(report.docket_file.path),
                "status": report.docket_file.status.value,
            },
            "table": {"path": str(report.table.path), "status": report.table.status.value},
            "forms": {
                "written": forms.written,
                "skipped": forms.skipped,
                "refused": forms.refused,
                "failed": forms.failed,
                "problems": [
                    {
                        "name": r.name,
                        "status": r.status.value,
                        "error": r.error,
                        "error_type": r.error_type,
                    }
                    for r in forms.problems()
                ],
            },
            "elapsed": round(report.elapsed, 3),
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(f"{report}\n")
    return _EXIT_OK if report.ok else _EXIT_PROBLEMS
