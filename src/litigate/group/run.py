r"""Everything a group application needs, in one call: forms, table of applicants, docket.

:func:`render_group` writes, into one folder:

* ``forms/application-<applicant id>.<locale>.docx``: one application form per
  applicant, rendered by :func:`litigate.batch.render_many` on a pool of workers
  (the same rules as there: resumable, edits never replaced, one failing form
  does not stop the others);
* ``applicants-table.xlsx``: the table of applicants with the combined list of
  documents (:func:`~litigate.group.applicants_table_bytes`);
* ``docket.csv``: every applicant's filing window, soonest deadline first
  (:func:`~litigate.group.docket`).

While the workers render the forms, the docket and the table are computed in a
helper thread of the calling process, so the three run side by side.

The table and the docket cannot carry a fingerprint as the forms do: litigate
records the SHA-256 of what it wrote in ``.litigate-written.json`` in the same
folder.  A table or docket still as litigate wrote it is replaced when its content
changes (tomorrow's docket replaces today's); one changed by hand since, or not
written by litigate, is kept and reported as refused, unless ``overwrite=True``.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor
from datetime import date
from pathlib import Path
from typing import cast

import attrs

from litigate._files import ENCRYPTED_SUFFIX, FileStatus, write_tracked
from litigate.batch import BatchReport, RenderJob, render_many
from litigate.batch.run import _cpu_count, _default_executor, _ready
from litigate.engine import filing_window
from litigate.group.docket import Docket, docket
from litigate.group.model import GroupApplication, build_case
from litigate.group.table import applicants_table_bytes, form_names
from litigate.rules import RuleSet
from litigate.vault import write_passphrase

__all__ = ["FileStatus", "GroupReport", "OutputFile", "render_group"]

TABLE_NAME = "applicants-table.xlsx"
DOCKET_NAME = "docket.csv"
FORMS_FOLDER = "forms"


@attrs.frozen
class OutputFile:
    """The table of applicants or the docket, and what happened to it.

    Attributes:
        path: The file.
        status: Written, up to date or refused.
    """

    path: Path
    status: FileStatus

    def __str__(self) -> str:
        line = f"{self.status.value:10} {self.path}"
        if self.status is FileStatus.REFUSED:
            line += (
                ": changed since litigate wrote it (or not written by litigate); "
                "kept: pass overwrite=True to replace it"
            )
        return line


@attrs.frozen
class GroupReport:
    """The outcome of :func:`render_group`.

    Attributes:
        docket: Every applicant's filing window, soonest deadline first.
        forms: The report of the application forms' batch.
        table: The table of applicants (XLSX).
        docket_file: The docket (CSV).
        elapsed: Wall-clock seconds, all included.
    """

    docket: Docket
    forms: BatchReport
    table: OutputFile
    docket_file: OutputFile
    elapsed: float

    @property
    def ok(self) -> bool:
        """Whether every form, the table and the docket are written or up to date."""
        return self.forms.ok and FileStatus.REFUSED not in {
            self.table.status,
            self.docket_file.status,
        }

    def __str__(self) -> str:
        counts = self.docket.counts
        lines = [
            f"group of {counts['total']} applicants in {self.elapsed:.1f} s",
            "  docket: "
            + ", ".join(
                f"{n} {key.replace('_', ' ')}" for key, n in counts.items() if key != "total"
            ),
            f"  {self.docket_file}",
            f"  {self.table}",
            "  forms: " + str(self.forms).replace("\n", "\n  "),
        ]
        return "\n".join(lines)


@attrs.define
class _Side:
    """The docket and the table, computed in a helper thread."""

    group: GroupApplication
    as_of: date
    rules: RuleSet | None
    outcome: tuple[Docket, bytes] | BaseException | None = None

    def run(self) -> None:
        try:
            computed = docket(self.group, as_of=self.as_of, rules=self.rules)
            self.outcome = (computed, applicants_table_bytes(self.group))
        except BaseException as exc:  # noqa: BLE001 - re-raised in the calling thread
            self.outcome = exc


class _Counted(Iterable[RenderJob]):
    """Jobs built one at a time as a batch pulls them, whose number is known beforehand."""

    def __init__(self, count: int, make: Callable[[], Iterator[RenderJob]]) -> None:
        self._count = count
        self._make = make

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[RenderJob]:
        return self._make()


def render_group(
    group: GroupApplication,
    out_dir: str | os.PathLike[str],
    *,
    as_of: date,
    locale: str = "en",
    template_id: str = "ecthr/application",
    draft: bool = False,
    overwrite: bool = False,
    executor: Executor | None = None,
    progress: bool = True,
    rules: RuleSet | None = None,
    encrypt: bool = False,
) -> GroupReport:
    r"""Write a group's application forms, table of applicants and docket into ``out_dir``.

    Args:
        group: The group application (:func:`~litigate.group.load_group`).
        out_dir: The folder; see the module's documentation for what goes where.
        as_of: The date of the drafts and of every filing window.
        locale: The forms' language (``"en"`` or ``"fr"``).
        template_id: The form's template.
        draft: Show missing values in the forms as highlighted markers instead
            of failing those forms.
        overwrite: Replace forms, table and docket even if they were edited.
        executor: Where the forms are rendered, as for
            :func:`litigate.batch.render_many` (default: a process pool, one worker
            per CPU, shut down at the end).
        progress: Show a progress bar for the forms on standard error.
        rules: A rule set with a firm's overrides, for the docket and the forms
            alike (``render_many(..., rules=)``): a form states the date the docket shows.
        encrypt: Write every file as ``NAME.age``, encrypted in memory with the
            passphrase of :func:`litigate.vault.unlocked` or ``LITIGATE_PASSPHRASE``
            (worker processes read the variable).

    Returns:
        The :class:`GroupReport`.  Forms that fail or are refused are reported
        there and do not stop the others.

    Raises:
        InputError: Two applicant ids give the same file name.
        InsufficientFactsError: The base case has no complaint (no docket).

    Examples:
        >>> import tempfile, pathlib
        >>> from concurrent.futures import ThreadPoolExecutor
        >>> from datetime import date
        >>> from litigate.group import load_group
        >>> base = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
        >>> sheet = (b"applicant_id,name,decision1_court,decision1_taken_on\n"
        ...          b"A1,Rauf Aliyev,Baku Court of Appeal,2025-12-10\n"
        ...          b"A2,Elnur Mammadov,Baku Court of Appeal,2025-06-02\n")
        >>> group = load_group(sheet, base=base, format="csv")
        >>> out = pathlib.Path(tempfile.mkdtemp())
        >>> with ThreadPoolExecutor(2) as pool:
        ...     report = render_group(group, out, as_of=date(2026, 1, 5), draft=True,
        ...                           executor=pool, progress=False)
        >>> print(report)
        group of 2 applicants in ... s
          docket: 1 expired, 1 open
          written    .../docket.csv
          written    .../applicants-table.xlsx
          forms: 2 jobs in ... s: 2 written, 0 skipped as up to date, 0 refused, 0 failed
        >>> sorted(p.name for p in (out / "forms").iterdir())
        ['application-A1.en.docx', 'application-A2.en.docx']
        >>> with ThreadPoolExecutor(2) as pool:
        ...     again = render_group(group, out, as_of=date(2026, 1, 5), draft=True,
        ...                          executor=pool, progress=False)
        >>> again.table.status.value, again.forms.skipped
        ('up to date', 2)
    """
    start = time.perf_counter()
    root = Path(out_dir)
    names = form_names(group, locale)  # refuses clashing ids before anything runs
    sealed = ENCRYPTED_SUFFIX if encrypt else ""
    if encrypt:
        write_passphrase()  # no passphrase: refused before anything is written

    def jobs() -> Iterator[RenderJob]:
        for name, member in zip(names, group.members, strict=True):
            yield RenderJob(
                template_id,
                build_case(group.base, member),
                locale=locale,
                as_of=as_of,
                draft=draft,
                name=f"{FORMS_FOLDER}/{name}{sealed}",
            )

    forms_jobs = _Counted(len(names), jobs)

    if group.members:
        # What would fail the docket for the whole group (no complaint in the base case)
        # fails here, before any form is written.
        filing_window(build_case(group.base, group.members[0]), as_of=as_of, rules=rules)
    # The pool's workers start before the helper thread: a pool that forks them
    # (the default one, or a caller's ProcessPoolExecutor) then forks a process
    # that is still single-threaded.
    pool = executor or _default_executor(_cpu_count(), templates=[(template_id, locale)])
    try:
        pool.submit(_ready).result()
        side = _Side(group, as_of, rules)
        helper = threading.Thread(target=side.run, name="litigate-group-docket", daemon=True)
        helper.start()
        try:
            # Counted jobs: chunks that shrink as the group ends, and a progress bar with a total.
            forms = render_many(
                forms_jobs,
                out_dir=root,
                executor=pool,
                progress=progress,
                overwrite=overwrite,
                rules=rules,
            )
        finally:
            helper.join()
    finally:
        if executor is None:
            pool.shutdown(wait=True, cancel_futures=True)
    if isinstance(side.outcome, BaseException):
        raise side.outcome
    # The thread has ended, so run() has set the outcome.
    computed, table_bytes = cast("tuple[Docket, bytes]", side.outcome)
    root.mkdir(parents=True, exist_ok=True)
    docket_path, table_path = root / f"{DOCKET_NAME}{sealed}", root / f"{TABLE_NAME}{sealed}"
    docket_file = OutputFile(
        docket_path, write_tracked(docket_path, computed.to_csv(), overwrite=overwrite)
    )
    table = OutputFile(table_path, write_tracked(table_path, table_bytes, overwrite=overwrite))
    return GroupReport(
        docket=computed,
        forms=forms,
        table=table,
        docket_file=docket_file,
        elapsed=time.perf_counter() - start,
    )
