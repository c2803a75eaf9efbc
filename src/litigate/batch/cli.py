"""``litigate batch JOBS.toml --out DIR``: render drafts for many case files at once.

The jobs file lists case files × template ids × locales.  Paths in it are
relative to the jobs file's folder.  Either the top level is one entry, or
``[[jobs]]`` tables are entries (top-level keys are then defaults for every
entry)::

    as_of = 2026-11-23            # optional; --as-of wins over it; today if neither
    name = "{case}/{template}.{locale}{public}.docx"   # optional (this is the default)
    template_dirs = ["firm-templates"]                 # optional

    [[jobs]]
    cases = ["group/*.toml"]      # files or glob patterns, required
    templates = ["ecthr/application", "ecthr/cover-letter"]   # required
    locales = ["en", "fr"]        # default ["en"]
    draft = false                 # default false
    anonymise = false             # default false

    [[jobs]]
    cases = ["group/mirzazade.toml"]
    templates = ["ecthr/application"]
    anonymise = true

In ``name``: ``{case}`` is the case file's path relative to the jobs file,
without ``.toml`` (its bare name if it lies elsewhere); ``{template}`` the
template id with ``-`` for ``/``; ``{locale}``; ``{public}`` is ``.public``
for anonymised versions and empty otherwise.

Exit codes: 0 every draft written or up to date; 1 a draft failed, or was
refused because it was edited since (``--overwrite`` replaces it); 2 the jobs
file or a case file cannot be used (the other case files are still rendered).
"""

from __future__ import annotations

import argparse
import json
import os
import tomllib
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any, TextIO

import attrs

from litigate._files import ENCRYPTED_SUFFIX
from litigate.batch.jobs import RenderJob
from litigate.batch.run import _cpu_count, _default_executor, render_many
from litigate.errors import CaseFileError, InputError, LitigateError
from litigate.rules import load_rules
from litigate.vault import add_encrypt_option

__all__ = ["add_batch_parser", "cmd_batch", "read_jobs_file", "show_progress"]

_EXIT_OK = 0
_EXIT_PROBLEMS = 1
_EXIT_USAGE = 2
_DEFAULT_NAME = "{case}/{template}.{locale}{public}.docx"
_TOP = {
    "as_of",
    "name",
    "template_dirs",
    "jobs",
    "cases",
    "templates",
    "locales",
    "draft",
    "anonymise",
}
_ENTRY = {"name", "template_dirs", "cases", "templates", "locales", "draft", "anonymise"}


def _today() -> date:
    """Today's date: the batch command, like the CLI, is the one place that reads the clock."""
    return date.today()  # noqa: DTZ011


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        msg = f"--as-of must be a date written YYYY-MM-DD (got {value!r})"
        raise argparse.ArgumentTypeError(msg) from None


def add_batch_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``batch`` command to the ``litigate`` parser's sub-commands.

    Args:
        subparsers: What ``parser.add_subparsers()`` returned.

    Returns:
        The ``batch`` parser; its ``run`` default is :func:`cmd_batch`.

    Examples:
        >>> parser = argparse.ArgumentParser(prog="litigate")
        >>> _ = add_batch_parser(parser.add_subparsers(dest="command"))
        >>> args = parser.parse_args(["batch", "jobs.toml", "--out", "drafts", "--workers", "2"])
        >>> args.workers, args.overwrite, args.run is cmd_batch
        (2, False, True)
    """
    batch: argparse.ArgumentParser = subparsers.add_parser(
        "batch", help="render drafts for many case files (case files x templates x locales)"
    )
    batch.add_argument("jobs_file", type=Path, metavar="JOBS.toml")
    batch.add_argument("--out", required=True, type=Path, help="output folder")
    batch.add_argument(
        "--workers", type=int, default=None, help="worker processes (default: one per CPU)"
    )
    batch.add_argument(
        "--as-of",
        dest="batch_as_of",  # litigate.cli fills ``as_of`` with today: the file's date comes first
        type=_date,
        default=None,
        help="YYYY-MM-DD (default: the jobs file's as_of, else today)",
    )
    add_rules_option(batch)
    batch.add_argument(
        "--overwrite", action="store_true", help="replace drafts edited since they were written"
    )
    batch.add_argument(
        "--no-progress",
        action="store_true",
        help="no progress bar (it only ever shows on a terminal, on standard error)",
    )
    batch.add_argument("--json", action="store_true", help="JSON output")
    add_encrypt_option(batch, "drafts")
    batch.set_defaults(run=cmd_batch)
    return batch


def add_rules_option(parser: argparse.ArgumentParser) -> None:
    """``--rules PATH``: a firm's rule overrides, for every command that computes a date."""
    parser.add_argument(
        "--rules",
        action="append",
        type=Path,
        default=[],
        metavar="PATH",
        help="a firm's rule overrides (a TOML file; repeatable, applied in order)",
    )


def show_progress(args: argparse.Namespace, err: TextIO) -> bool:
    """Whether to show a progress bar: not asked away, and standard error is a terminal.

    Examples:
        >>> import io
        >>> show_progress(argparse.Namespace(no_progress=False), io.StringIO())
        False
    """
    isatty = getattr(err, "isatty", None)
    return not getattr(args, "no_progress", False) and callable(isatty) and bool(isatty())


def _problem(message: str, *, at: str) -> InputError:
    return InputError(f"{message} @ {at}", field=at)


def _strings(entry: Mapping[str, Any], key: str, where: str, default: list[str]) -> list[str]:
    value = entry.get(key, default)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _problem(f"{key} must be a list of strings (got {value!r})", at=f"{where}.{key}")
    return value


def _flag(entry: Mapping[str, Any], key: str, where: str) -> bool:
    value = entry.get(key, False)
    if not isinstance(value, bool):
        raise _problem(f"{key} must be true or false (got {value!r})", at=f"{where}.{key}")
    return value


def _entries(data: Mapping[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise _problem(f"unknown key(s) {', '.join(map(repr, unknown))}", at="$")
    tables = data.get("jobs")
    defaults = {k: v for k, v in data.items() if k in _ENTRY}
    if tables is None:
        return [("$", defaults)]
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        msg = "jobs must be [[jobs]] tables"
        raise _problem(msg, at="$.jobs")
    out = []
    for i, table in enumerate(tables):
        where = f"$.jobs[{i}]"
        unknown = sorted(set(table) - _ENTRY)
        if unknown:
            raise _problem(f"unknown key(s) {', '.join(map(repr, unknown))}", at=where)
        out.append((where, {**defaults, **table}))
    return out


def _case_label(path: Path, base: Path) -> str:
    try:
        relative = path.resolve().relative_to(base.resolve())
    except ValueError:
        return path.stem
    return relative.with_suffix("").as_posix()


def read_jobs_file(
    path: str | os.PathLike[str], *, problems: list[str]
) -> tuple[date | None, Callable[[date], Iterator[RenderJob]]]:
    r"""Read a jobs file: its ``as_of`` and a function giving its jobs lazily.

    Case files are read one at a time as the jobs are consumed; a case file that
    cannot be read is added to ``problems`` (one line per problem) and skipped.

    Args:
        path: The jobs file (TOML).
        problems: Where unreadable case files are reported.

    Returns:
        The file's ``as_of`` (or ``None``) and a function that, given the date
        of the drafts, yields the jobs.

    Raises:
        InputError: The jobs file cannot be read or is not valid; the message
            names the key at fault.

    Examples:
        >>> import tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "jobs.toml").write_text('cases = ["*.toml"]\ntemplate = "x"\n')
        >>> read_jobs_file(folder / "jobs.toml", problems=[])
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: unknown key(s) 'template' @ $
    """
    source = Path(path)
    try:
        with source.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as exc:
        msg = f"cannot read the jobs file {source}: {exc.strerror or exc}"
        raise InputError(msg, field=None, value=str(source)) from exc
    except tomllib.TOMLDecodeError as exc:
        msg = f"the jobs file {source} is not valid TOML: {exc}"
        raise InputError(msg, field=None, value=str(source)) from exc
    entries = _entries(data)
    file_date = data.get("as_of")
    if file_date is not None and (not isinstance(file_date, date) or hasattr(file_date, "hour")):
        raise _problem(
            f"as_of must be a date written YYYY-MM-DD (got {file_date!r})", at="$.as_of"
        )
    base = source.parent
    plans = []
    for where, entry in entries:
        if "cases" not in entry or "templates" not in entry:
            msg = "an entry needs 'cases' and 'templates'"
            raise _problem(msg, at=where)
        name = entry.get("name", _DEFAULT_NAME)
        if not isinstance(name, str):
            raise _problem(f"name must be a string (got {name!r})", at=f"{where}.name")
        plans.append(
            (
                where,
                _strings(entry, "cases", where, []),
                _strings(entry, "templates", where, []),
                _strings(entry, "locales", where, ["en"]),
                _flag(entry, "draft", where),
                _flag(entry, "anonymise", where),
                [str(base / d) for d in _strings(entry, "template_dirs", where, [])],
                name,
            )
        )

    def jobs(when: date) -> Iterator[RenderJob]:
        from litigate.casefile import load_case

        for where, patterns, templates, locales, draft, anonymise, dirs, name in plans:
            for pattern in patterns:
                matches = sorted(base.glob(pattern)) if not Path(pattern).is_absolute() else []
                if not matches:
                    problems.append(f"{where}.cases: no case file matches {pattern!r}")
                for case_path in matches:
                    try:
                        case = load_case(case_path)
                    except CaseFileError as exc:
                        problems.extend(f"{case_path}: {e}" for e in exc.errors)
                        continue
                    except LitigateError as exc:
                        problems.append(f"{case_path}: {exc}")
                        continue
                    label = _case_label(case_path, base)
                    for template in templates:
                        for locale in locales:
                            fields = {
                                "case": label,
                                "template": template.replace("/", "-"),
                                "locale": locale,
                                "public": ".public" if anonymise else "",
                            }
                            try:
                                job_name = name.format_map(fields)
                                yield RenderJob(
                                    template,
                                    case,
                                    locale=locale,
                                    name=job_name,
                                    as_of=when,
                                    draft=draft,
                                    anonymise=anonymise,
                                    template_dirs=dirs,
                                )
                            except (KeyError, ValueError) as exc:
                                problems.append(f"{where}: {case_path}: {exc}")

    return file_date, jobs


def cmd_batch(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    r"""Run ``litigate batch`` with parsed arguments; return the exit code.

    Args:
        args: From the parser made by :func:`add_batch_parser`.
        out: Where the report goes.
        err: Where problems with the jobs file and the case files go.

    Returns:
        0, 1 or 2 (see the module's documentation).

    Examples:
        >>> import io, tempfile, pathlib
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "jobs.toml").write_text("cases = 3\n")
        >>> args = argparse.Namespace(jobs_file=folder / "jobs.toml", out=folder / "o",
        ...     workers=1, batch_as_of=None, overwrite=False, no_progress=True, json=False)
        >>> err = io.StringIO()
        >>> cmd_batch(args, io.StringIO(), err)
        2
        >>> print(err.getvalue(), end="")
        litigate: an entry needs 'cases' and 'templates' @ $
    """
    problems: list[str] = []
    try:
        file_date, jobs_for = read_jobs_file(args.jobs_file, problems=problems)
    except InputError as exc:
        err.write(f"litigate: {exc}\n")
        return _EXIT_USAGE
    # The command line is the one place that reads the clock.
    when = args.batch_as_of or file_date or _today()
    workers = args.workers if args.workers is not None else _cpu_count()
    if workers < 1:
        err.write(f"litigate: --workers must be at least 1 (got {workers})\n")
        return _EXIT_USAGE
    paths: list[Path] = getattr(args, "rules", [])
    rules = load_rules(*paths) if paths else None
    jobs = jobs_for(when)
    if getattr(args, "encrypt", False):  # every draft written as NAME.age
        jobs = (attrs.evolve(job, name=f"{job.name}{ENCRYPTED_SUFFIX}") for job in jobs)
    with _default_executor(workers) as pool:
        report = render_many(
            jobs,
            out_dir=args.out,
            executor=pool,
            progress=show_progress(args, err),
            overwrite=args.overwrite,
            max_pending=4 * workers,
            rules=rules,
        )
    err.writelines(f"litigate: {problem}\n" for problem in problems)
    if args.json:
        payload = {
            "out": str(args.out),
            "as_of": when.isoformat(),
            "written": report.written,
            "skipped": report.skipped,
            "refused": report.refused,
            "failed": report.failed,
            "elapsed": round(report.elapsed, 3),
            "stopped": report.stopped,
            "results": [
                {
                    "name": r.name,
                    "status": r.status.value,
                    "error": r.error,
                    "error_type": r.error_type,
                }
                for r in report.results
            ],
            "case_file_problems": problems,
        }
        json.dump(payload, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(f"{report}\n")
    if problems:
        return _EXIT_USAGE
    return _EXIT_OK if report.ok else _EXIT_PROBLEMS
