"""What a batch did: one result per job and the counts."""

from __future__ import annotations

import enum

import attrs

__all__ = ["BatchReport", "JobResult", "JobStatus"]

_LISTED = 50


class JobStatus(enum.StrEnum):
    """What happened to one job.

    Attributes:
        WRITTEN: The draft was rendered and written.
        SKIPPED: The draft on disk is up to date (same inputs, untouched): kept.
        REFUSED: The file on disk was edited since litigate wrote it (or is not
            a draft litigate wrote) and ``overwrite`` was not given: kept.
        FAILED: The draft could not be rendered or written; see the error.
    """

    WRITTEN = "written"
    SKIPPED = "skipped"
    REFUSED = "refused"
    FAILED = "failed"


@attrs.frozen
class JobResult:
    """The outcome of one job.

    Attributes:
        name: The job's output name (relative to the output folder).
        status: What happened.
        error: The error message, for a refused or failed job.
        error_type: The error's class name (``"TemplateContextError"``…).
    """

    name: str
    status: JobStatus
    error: str | None = None
    error_type: str | None = None

    def __str__(self) -> str:
        line = f"{self.status.value:8} {self.name}"
        if self.error:
            first = self.error.splitlines()[0]
            line += f": {self.error_type}: {first}" if self.error_type else f": {first}"
        return line


@attrs.frozen
class BatchReport:
    """The outcome of :func:`litigate.batch.render_many`.

    Attributes:
        results: One result per job, in the order the jobs finished.
        elapsed: Wall-clock seconds the batch took.
        stopped: Why the batch stopped before consuming every job (the
            executor broke down), or ``None``.

    Examples:
        >>> report = BatchReport(results=(JobResult("a.docx", JobStatus.WRITTEN),
        ...     JobResult("b.docx", JobStatus.FAILED, "no template", "TemplateNotFoundError")),
        ...     elapsed=1.25)
        >>> report.written, report.failed, report.ok
        (1, 1, False)
        >>> print(report)
        2 jobs in 1.2 s: 1 written, 0 skipped as up to date, 0 refused, 1 failed
          failed   b.docx: TemplateNotFoundError: no template
    """

    results: tuple[JobResult, ...]
    elapsed: float
    stopped: str | None = None

    def _count(self, status: JobStatus) -> int:
        return sum(1 for r in self.results if r.status is status)

    @property
    def written(self) -> int:
        """How many drafts were written."""
        return self._count(JobStatus.WRITTEN)

    @property
    def skipped(self) -> int:
        """How many drafts were already up to date."""
        return self._count(JobStatus.SKIPPED)

    @property
    def refused(self) -> int:
        """How many files were kept because they were edited since."""
        return self._count(JobStatus.REFUSED)

    @property
    def failed(self) -> int:
        """How many jobs failed."""
        return self._count(JobStatus.FAILED)

    @property
    def ok(self) -> bool:
        """Whether every job was written or up to date and the batch ran to its end."""
        return self.stopped is None and all(
            r.status in {JobStatus.WRITTEN, JobStatus.SKIPPED} for r in self.results
        )

    def problems(self) -> tuple[JobResult, ...]:
        """The refused and failed jobs."""
        return tuple(r for r in self.results if r.status in {JobStatus.REFUSED, JobStatus.FAILED})

    def __str__(self) -> str:
        count = len(self.results)
        head = (
            f"{count} job{'s' if count != 1 else ''} in {self.elapsed:.1f} s: "
            f"{self.written} written, {self.skipped} skipped as up to date, "
            f"{self.refused} refused, {self.failed} failed"
        )
        lines = [head]
        if self.stopped:
            lines.append(f"  stopped early: {self.stopped}")
        problems = self.problems()
        lines.extend(f"  {r}" for r in problems[:_LISTED])
        if len(problems) > _LISTED:
            lines.append(f"  … and {len(problems) - _LISTED} more (see .results)")
        return "\n".join(lines)
