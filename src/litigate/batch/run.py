"""Rendering many drafts at once, on any :class:`concurrent.futures.Executor`.

How a batch runs:

* Jobs are pulled from the iterable lazily: at most ``max_pending`` are in
  flight at any time, so a generator of 100,000 jobs never sits in memory.
  Scheduling is ``Executor.submit`` and :func:`concurrent.futures.wait` only,
  so a process pool, a thread pool or a Dask client's
  ``client.get_executor()`` all work unchanged.  Jobs travel in small chunks
  (``chunk_size``) so that a round trip to a worker is paid once per chunk.
* Each job runs whole in the worker: it compares the file on disk with the
  job's inputs fingerprint, renders, and writes the draft atomically
  (:func:`litigate._files.write_atomic`).  Only a small :class:`JobResult`
  goes back to the parent, never the DOCX bytes: writing happens in the one
  place that made the bytes, the parent stays small, and nothing is copied
  twice between processes.  The price: the output folder must be visible to
  the workers (always true on one machine; on a Dask cluster spread over
  several machines it must be a shared folder).
* The inputs fingerprint (:func:`litigate.batch.jobs.inputs_fingerprint`) is
  stored in the draft itself, as the custom document property
  ``litigate.inputs``, next to ``litigate.fingerprint`` (which tells whether
  the file was edited since).  A draft is therefore its own record: there is
  no manifest to get out of step with the files, and an interrupted batch
  resumes by running it again.  On disk a draft is:

  - *up to date* (same inputs, untouched): skipped;
  - *stale* (other inputs, untouched): rendered again and replaced;
  - *edited* since litigate wrote it, or not a draft litigate wrote: refused,
    unless ``overwrite=True``.

* Temporary files left by a batch that was killed mid-write
  (``.<name>.docx.<random>.tmp``) are removed when the next batch starts in
  the same folder; do not run two batches on one folder at the same time.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import multiprocessing
import os
import pickle
import re
import sys
import time
import uuid
from collections.abc import Iterable, Sized
from concurrent.futures import (
    FIRST_COMPLETED,
    Executor,
    Future,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
    wait,
)
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import attrs

from litigate._files import sealed_for, write_atomic
from litigate.batch.jobs import RenderJob, inputs_fingerprint
from litigate.batch.report import BatchReport, JobResult, JobStatus
from litigate.errors import (
    DocumentError,
    OverwriteRefusedError,
    ValidationError,
)
from litigate.rules import RuleSet, load_rules
from litigate.vault import unlocked, unlocked_passphrase

__all__ = ["INPUTS_PROPERTY", "read_inputs", "render_many", "stamp_inputs"]

INPUTS_PROPERTY = "litigate.inputs"
"""Name of the custom document property holding the inputs fingerprint."""

_DEFAULT_CHUNK = 16  # a generator's chunks (its length is unknown)
_MAX_CHUNK = 64  # a list's first chunks, which shrink towards its end
_TEMPORARY = re.compile(r"^\..+\.(docx|csv|xlsx|ics|json)\.[A-Za-z0-9_]+\.tmp$")


def _cpu_count() -> int:
    counter = getattr(os, "process_cpu_count", None)  # Python 3.13+
    if counter is not None:
        return int(counter() or 1)
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1


_PRELOAD = ["litigate", "litigate.batch.run", "litigate.batch._warm"]


def _single_threaded() -> bool:
    """Whether this process runs one thread, native threads included (Linux only)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        return sum(1 for _ in Path("/proc/self/task").iterdir()) == 1
    except OSError:  # pragma: no cover - /proc not mounted
        return False


def _ready() -> None:
    """A task that does nothing: submitting it makes the pool start its workers."""


def _default_executor(
    workers: int, *, templates: Iterable[tuple[str, str]] = ()
) -> ProcessPoolExecutor:
    """The default pool: ``workers`` processes, started the safest fast way available.

    * On Linux, when this process runs a single thread (no notebook kernel, progress
      bar or Dask client running yet; counted in ``/proc/self/task``, so native
      threads count too), the workers are forked from it at once, before any
      thread starts: they inherit litigate loaded, the rules read and the
      ``templates`` (id, locale) compiled here first, and cost nothing to start.
    * Otherwise, where the platform has it, from a 'forkserver': one clean,
      single-threaded server process that loads and warms litigate once
      (``litigate.batch._warm``); every worker is forked from it, and later
      batches from the same process reuse it.  Forking a process that runs
      threads can deadlock, which is why this is not done.
    * Elsewhere (Windows), fresh workers are spawned.

    Jobs and results are pickled, which RenderJob and JobResult are; as with any
    process pool, a script must create the batch under ``if __name__ == "__main__":``.
    """
    if _single_threaded():
        from litigate.batch.warm import warm_up

        warm_up(templates)  # compiled once here, inherited by every worker
        pool = ProcessPoolExecutor(
            max_workers=workers, mp_context=multiprocessing.get_context("fork")
        )
        # The fork pool starts every worker at its first task, before its own threads.
        # What this process holds is frozen out of the garbage collector meanwhile, so
        # that the workers' collections never walk (nor copy) the parent's objects
        # (https://docs.python.org/3/library/gc.html#gc.freeze).
        frozen_here = gc.get_freeze_count() == 0  # the caller's own freeze is left alone
        if frozen_here:
            gc.freeze()
        try:
            pool.submit(_ready).result()
        except BaseException:
            pool.shutdown(wait=False, cancel_futures=True)
            raise
        finally:
            if frozen_here:
                gc.unfreeze()
        return pool
    if "forkserver" in multiprocessing.get_all_start_methods():
        server = multiprocessing.get_context("forkserver")
        server.set_forkserver_preload(_PRELOAD)
        return ProcessPoolExecutor(max_workers=workers, mp_context=server)
    spawn = multiprocessing.get_context("spawn")  # pragma: no cover - not on Linux or macOS
    return ProcessPoolExecutor(max_workers=workers, mp_context=spawn)  # pragma: no cover


# ---------------------------------------------------------------- the DOCX side


def stamp_inputs(data: bytes, inputs: str) -> bytes:
    """Return the DOCX ``data`` with the custom property ``litigate.inputs`` set to ``inputs``.

    Only ``docProps/custom.xml`` changes, and the ``litigate.fingerprint`` of the
    parts leaves that part out, so the draft still reads as untouched.

    Args:
        data: A DOCX rendered by litigate.
        inputs: The inputs fingerprint.

    Returns:
        The new DOCX bytes.

    Raises:
        DocumentError: ``data`` is not a DOCX package.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE")
        >>> data = litigate.render("ecthr/cover-letter", case=case, as_of=date(2026, 11, 23))
        >>> stamped = stamp_inputs(data, "abc")
        >>> read_inputs(stamped)
        (True, 'abc')
        >>> read_inputs(data)
        (True, None)
    """
    from lxml import etree  # type: ignore[import-untyped]

    from litigate._ooxml import DOCX, Package, ZipEntry, deflated, write_zip
    from litigate.drafts.engine import with_properties
    from litigate.drafts.package import CUSTOM_PART

    entries: list[ZipEntry] = []
    with Package(data, DOCX) as package:
        for info in package.infolist():
            if info.filename != CUSTOM_PART:
                entries.append(package.raw_entry(info.filename))
                continue
            try:
                text = (package.read(CUSTOM_PART) or b"").decode("utf-8")
                xml = with_properties(text, {INPUTS_PROPERTY: inputs})
            except (UnicodeDecodeError, etree.XMLSyntaxError) as exc:
                msg = f"the document's {CUSTOM_PART} is not well-formed UTF-8 XML"
                raise DocumentError(msg, reason="bad_xml", part=CUSTOM_PART) from exc
            entries.append(deflated(CUSTOM_PART, xml.encode("utf-8")))
    return write_zip(entries)


def read_inputs(source: bytes | str | os.PathLike[str]) -> tuple[bool, str | None]:
    """Whether a DOCX is untouched since litigate wrote it, and its inputs fingerprint.

    Args:
        source: The DOCX bytes or file.

    Returns:
        ``(untouched, inputs)``: ``untouched`` is false for a file edited since
        litigate wrote it, a file without a fingerprint, and anything that is not
        a readable DOCX; ``inputs`` is the ``litigate.inputs`` property or ``None``.

    Examples:
        >>> read_inputs(b"not a docx")
        (False, None)
    """
    import hashlib

    from litigate._ooxml import DOCX, load
    from litigate.drafts.package import CUSTOM_NS, CUSTOM_PART, FINGERPRINT_PROPERTY, fingerprint

    try:
        package = load(source if isinstance(source, bytes) else os.fspath(source), DOCX)
    except DocumentError:
        return False, None
    stored: str | None = None
    inputs: str | None = None
    try:
        digests: dict[str, str] = {}
        for info in package.zip.infolist():
            data = package.read(info.filename)
            if data is not None and info.filename != CUSTOM_PART:
                digests[info.filename] = hashlib.sha256(data).hexdigest()
        custom = package.xml(CUSTOM_PART)
        if custom is not None:
            for prop in custom.iter(f"{{{CUSTOM_NS}}}property"):
                if prop.get("name") == FINGERPRINT_PROPERTY:
                    stored = "".join(prop.itertext()).strip()
                elif prop.get("name") == INPUTS_PROPERTY:
                    inputs = "".join(prop.itertext()).strip()
    except DocumentError:
        return False, None
    finally:
        package.close()
    return stored is not None and stored == fingerprint(digests), inputs


# ---------------------------------------------------------------- one job (in the worker)


def _message(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _target(
    root: Path, name: str, resolved_root: Path | None = None, checked: set[Path] | None = None
) -> Path:
    """``root / name``, refused if a symbolic link among its folders leads outside ``root``.

    The draft itself is never written through a link (an atomic write replaces
    the link), so only its folders are resolved; ``checked`` remembers the folders
    already found inside ``root`` (a chunk's drafts usually share one).
    """
    target = root / name
    folder = target.parent
    if checked is not None and folder in checked:
        return target
    inside = resolved_root if resolved_root is not None else root.resolve()
    if not folder.resolve().is_relative_to(inside):
        msg = f"name {name!r} is refused: it leads outside the output folder {root}"
        raise ValidationError(msg, field="name", value=name)
    if checked is not None:
        checked.add(folder)
    return target


_Rules = tuple[RuleSet, str] | None
"""A firm's rule set and the digest of its files (part of every draft's inputs), or ``None``."""


def _rules_digest(rules: RuleSet) -> str:
    """The SHA-256 of the rule set's override files (their text), in the order applied."""
    hasher = hashlib.sha256()
    for origin in rules.origins:
        path = Path(origin)
        hasher.update(path.read_bytes() if path.is_file() else origin.encode("utf-8"))
        hasher.update(b"\0")
    return hasher.hexdigest()


def _render_job(
    job: RenderJob,
    root: Path,
    overwrite: bool,  # noqa: FBT001
    resolved_root: Path | None = None,
    checked: set[Path] | None = None,
    rules: _Rules = None,
) -> JobResult | tuple[Path, bytes, bool | tuple[int, int, int]]:
    """Render one job: its result if nothing is to be written, else what to write where."""
    from litigate.drafts.api import render_with_properties, template_source

    target = _target(root, job.name, resolved_root, checked)
    digest, _ = template_source(
        job.template_id, locale=job.locale, template_dirs=job.template_dirs
    )
    if rules is not None:  # a draft made under other rules is stale: its dates may differ
        digest = hashlib.sha256(f"{digest}:{rules[1]}".encode()).hexdigest()
    inputs = inputs_fingerprint(job, template_digest=digest)
    replace = False
    stamp: tuple[int, int, int] | None = None
    if target.exists() or target.is_symlink():
        if target.is_symlink() or not target.is_file():
            # Never read through a link or from a pipe or device: not a draft litigate wrote.
            untouched, stored = False, None
        else:
            stamp = _stamp(target)
            untouched, stored = read_inputs(target)
        if untouched and stored == inputs:
            return JobResult(job.name, JobStatus.SKIPPED)
        if not untouched and not overwrite:
            message = (
                f"{job.name} exists and is not as litigate wrote it (edited since?); "
                "pass overwrite=True to replace it"
            )
            return JobResult(job.name, JobStatus.REFUSED, message, "OverwriteRefusedError")
        replace = True
        stamp = stamp if untouched else None  # replaced as asked (overwrite=True)
    # The inputs fingerprint goes into the draft in the same pass as the rest.
    data = render_with_properties(
        job.template_id,
        case=job.case,
        as_of=job.as_of,
        locale=job.locale,
        draft=job.draft,
        anonymise=job.anonymise,
        template_dirs=job.template_dirs,
        extra=job.extra,
        properties={INPUTS_PROPERTY: inputs},
        rules=None if rules is None else rules[0],
    )
    return target, data, (stamp if stamp is not None else replace)


def _stamp(path: Path) -> tuple[int, int, int]:
    info = path.stat()
    return (info.st_ino, info.st_size, info.st_mtime_ns)


def _write_checked(target: Path, data: bytes, replace: bool | tuple[int, int, int]) -> Path:  # noqa: FBT001
    """Write a draft; a file found untouched is replaced only if it is still as it was then.

    ``replace`` is ``False`` (no file was there), ``True`` (replace whatever is
    there: ``overwrite=True``) or the file's (inode, size, modification time) when
    it was found untouched: a lawyer who saved an edit while the batch rendered
    keeps the edit, and the job is refused.
    """
    if isinstance(replace, tuple):
        try:
            now = _stamp(target)
        except FileNotFoundError:
            now = None
        if now != replace:
            msg = f"{target.name} changed while the batch was rendering it (edited?); kept"
            raise OverwriteRefusedError(msg, path=str(target))
    return write_atomic(target, data, overwrite=replace is not False)


def _error(job: RenderJob, exc: Exception) -> JobResult:
    """The result of a job that raised: refused if the file appeared meanwhile, else failed."""
    status = JobStatus.REFUSED if isinstance(exc, OverwriteRefusedError) else JobStatus.FAILED
    return JobResult(job.name, status, _message(exc), type(exc).__name__)


def _written(job: RenderJob, write: Future[Path]) -> JobResult:
    try:
        write.result()
    except Exception as exc:  # noqa: BLE001 - one failing job must not stop the others
        return _error(job, exc)
    return JobResult(job.name, JobStatus.WRITTEN)


def _run_one(
    job: RenderJob,
    root: Path,
    overwrite: bool,  # noqa: FBT001
    rules: _Rules = None,
) -> JobResult:
    try:
        outcome = _render_job(job, root, overwrite, rules=rules)
        if isinstance(outcome, JobResult):
            return outcome
        target, data, replace = outcome
        _write_checked(target, data, replace)
    except Exception as exc:  # noqa: BLE001 - one failing job must not stop the others
        return _error(job, exc)
    return JobResult(job.name, JobStatus.WRITTEN)


@attrs.frozen
class _Chunk:
    """A few jobs sent to a worker as one task.

    Writing drafts is a side effect, so each task is unique, never a "pure"
    function call a scheduler may skip because an equal one ran before.  Dask
    names tasks by a token of their arguments, computed by pickling and
    unpickling them several times over unless an argument gives its own token
    (``__dask_tokenize__``, https://docs.dask.org/en/stable/custom-collections.html);
    a chunk gives a random one: unique, and free.

    For an executor in other processes the jobs travel pickled once, as bytes
    (:meth:`packed`): a Dask scheduler unpickles the arguments of every task it
    is given and pickles them again for the worker, which for a chunk of cases
    cost more than the worker's own unpickling; bytes cross it untouched.
    """

    jobs_: tuple[RenderJob, ...] | None = None
    payload: bytes | None = None
    nonce: str = attrs.field(factory=lambda: uuid.uuid4().hex)

    @classmethod
    def packed(cls, jobs: tuple[RenderJob, ...]) -> _Chunk:
        """The chunk with its jobs pickled (raises what pickling raises)."""
        return cls(payload=pickle.dumps(jobs, protocol=pickle.HIGHEST_PROTOCOL))

    @property
    def jobs(self) -> tuple[RenderJob, ...]:
        if self.jobs_ is not None:
            return self.jobs_
        jobs: tuple[RenderJob, ...] = pickle.loads(self.payload or b"")  # noqa: S301 - our own bytes
        return jobs

    def __dask_tokenize__(self) -> str:
        return self.nonce


def _run_chunk(
    chunk: _Chunk,
    out_dir: str,
    overwrite: bool,  # noqa: FBT001
    rules: _Rules = None,
    passphrase: str | None = None,
) -> tuple[JobResult, ...]:
    """Run a few jobs in one task (one round trip to the worker for all of them).

    Each draft is written, and flushed to disk, by a helper thread while the next
    one renders: waiting for the disk then costs no rendering time.  The task
    returns only when every draft of it is on disk, so a job reported as written
    is written.  Every error becomes a result (what crosses back must pickle).

    ``passphrase`` is the caller's :func:`litigate.vault.unlocked` one (a context does
    not cross to a worker): drafts named ``NAME.docx.age`` are encrypted with it.
    """
    if passphrase:
        with unlocked(passphrase):
            return _run_chunk(chunk, out_dir, overwrite)
    jobs = chunk.jobs
    root = Path(out_dir)
    if len(jobs) == 1:  # nothing to overlap with (a thread pool's chunks): write here
        return (_run_one(jobs[0], root, overwrite, rules),)
    resolved = root.resolve()
    checked: set[Path] = set()
    outcomes: list[JobResult | tuple[RenderJob, Future[Path]]] = []
    with ThreadPoolExecutor(1, thread_name_prefix="litigate-writer") as writer:
        for job in jobs:
            try:
                outcome = _render_job(job, root, overwrite, resolved, checked, rules)
            except Exception as exc:  # noqa: BLE001 - one failing job must not stop the others
                outcomes.append(_error(job, exc))
                continue
            if isinstance(outcome, JobResult):
                outcomes.append(outcome)
                continue
            target, data, replace = outcome
            data = sealed_for(target, data)  # NAME.age: encrypted here, where the key is set
            outcomes.append((job, writer.submit(_write_checked, target, data, replace)))
    return tuple(item if isinstance(item, JobResult) else _written(*item) for item in outcomes)


# ---------------------------------------------------------------- the batch (in the parent)


def _pack(
    batch: list[RenderJob], *, same_process: bool
) -> tuple[_Chunk | None, list[RenderJob], list[JobResult]]:
    """The task for ``batch``, the jobs in it, and those that cannot be sent to a worker.

    A job that does not pickle (a value in its ``extra`` that is a function, say)
    fails alone, with the reason, and the others of its chunk go on.
    """
    if same_process:  # a thread pool: the jobs are not copied
        return _Chunk(tuple(batch)), batch, []
    with contextlib.suppress(Exception):  # which job failed, and why, is found below
        return _Chunk.packed(tuple(batch)), batch, []
    good: list[RenderJob] = []
    unsent: list[JobResult] = []
    for job in batch:
        try:
            pickle.dumps(job, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - PicklingError, TypeError, AttributeError…
            message = f"{job.name} cannot be sent to a worker process: {_message(exc)}"
            unsent.append(JobResult(job.name, JobStatus.FAILED, message, type(exc).__name__))
        else:
            good.append(job)
    return (_Chunk.packed(tuple(good)) if good else None), good, unsent


def _clean_temporaries(root: Path) -> None:
    """Remove what an interrupted batch left: ``.<name>.docx.<random>.tmp`` files.

    The folders are walked one entry at a time (no listing is held in memory, so
    a re-run over 100,000 drafts stays small) and symbolic links are not followed.
    """
    try:
        entries = os.scandir(root)
    except (FileNotFoundError, NotADirectoryError, PermissionError):
        return
    with entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _clean_temporaries(Path(entry.path))
            elif _TEMPORARY.match(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):  # not ours to remove after all: leave it
                    Path(entry.path).unlink(missing_ok=True)


def _outcome(future: Future[tuple[JobResult, ...]], names: tuple[str, ...]) -> list[JobResult]:
    try:
        return list(future.result())
    except Exception as exc:  # noqa: BLE001 - pickling errors, a worker that died…
        return [JobResult(n, JobStatus.FAILED, _message(exc), type(exc).__name__) for n in names]


def _progress_bar(jobs: Iterable[RenderJob]) -> Any:
    import warnings

    with warnings.catch_warnings():
        # In a notebook without ipywidgets, tqdm warns and falls back to a text bar.
        warnings.simplefilter("ignore")
        from tqdm.auto import tqdm

    total = len(jobs) if isinstance(jobs, Sized) else None
    return tqdm(total=total, unit="draft", desc="litigate batch", file=sys.stderr, leave=True)


def _positive(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        msg = f"{field} must be a positive whole number (got {value!r})"
        raise ValidationError(msg, field=field, value=value)
    return value


def _auto_chunk(jobs: Iterable[RenderJob], executor: Executor | None) -> int | None:
    """The fixed chunk size, or ``None`` for chunks that shrink as the batch ends."""
    if isinstance(executor, ThreadPoolExecutor):
        return 1  # no round trip to amortise
    if isinstance(jobs, Sized):
        return None
    return _DEFAULT_CHUNK


def _guided(remaining: int, workers: int) -> int:
    """The next chunk of a batch of known length: a quarter of each CPU's share of what is left.

    Large chunks while much is left (a round trip per task is what a Dask
    scheduler costs most), then smaller and smaller ones, so that the workers
    finish together ("guided" scheduling, as in OpenMP's ``schedule(guided)``).
    """
    return max(1, min(_MAX_CHUNK, remaining // (4 * workers)))


def render_many(
    jobs: Iterable[RenderJob],
    *,
    out_dir: str | os.PathLike[str],
    executor: Executor | None = None,
    progress: bool = True,
    overwrite: bool = False,
    max_pending: int | None = None,
    chunk_size: int | None = None,
    rules: RuleSet | None = None,
) -> BatchReport:
    """Render many drafts into ``out_dir``, in parallel, resuming where a previous run stopped.

    Args:
        jobs: Any iterable of :class:`RenderJob`, consumed lazily (a generator is fine).
        out_dir: The output folder; each job writes ``out_dir / job.name``.
        executor: Where jobs run: any :class:`concurrent.futures.Executor` (a
            thread pool, a process pool, ``dask_client.get_executor()``).  By
            default a process pool with one worker per CPU available to this
            process, shut down at the end.  An executor that is given is left
            running.
        progress: Show a progress bar (``tqdm``; a widget in notebooks) on
            standard error.  Nothing is printed when false.
        overwrite: Replace drafts edited since litigate wrote them.
        max_pending: At most this many jobs pulled from ``jobs`` and not yet
            finished (default: four of the largest tasks per CPU).
        chunk_size: Jobs sent to a worker in one task, which saves a round
            trip per job (it matters most on Dask).  By default 1 on a thread
            pool; 16 for jobs of unknown number (a generator); and for jobs of
            known number (a list, anything with a length) a quarter of each
            CPU's share of what is left (an eighth on two CPUs), at most 64:
            large tasks first, then smaller and smaller ones, so that the
            workers finish together.
        rules: A rule set with a firm's overrides (:func:`litigate.rules.load_rules`):
            every draft's dates are computed under it, as :func:`litigate.render`
            computes them with ``rules=``; default the packaged rules.  It is part of
            each draft's inputs: a draft made under other rules is rendered again.

    Returns:
        The report: one :class:`JobResult` per job, in the order they finished.
        A job that fails is reported there and does not stop the others.

    Raises:
        ValidationError: ``max_pending`` or ``chunk_size`` is not positive, or
            an item of ``jobs`` is not a :class:`RenderJob`.

    Examples:
        >>> import tempfile
        >>> from concurrent.futures import ThreadPoolExecutor
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan",
        ...     applicants=[litigate.Applicant.person(name="Rauf Aliyev")])
        >>> jobs = (RenderJob("ecthr/cover-letter", case, locale=locale, as_of=date(2026, 11, 23),
        ...                   name=f"aliyev/cover.{locale}.docx") for locale in ("en", "fr"))
        >>> out = tempfile.mkdtemp()
        >>> with ThreadPoolExecutor(2) as pool:
        ...     report = render_many(jobs, out_dir=out, executor=pool, progress=False)
        >>> report.written, report.ok
        (2, True)
        >>> again = [RenderJob("ecthr/cover-letter", case, as_of=date(2026, 11, 23),
        ...                    name="aliyev/cover.en.docx")]
        >>> with ThreadPoolExecutor(1) as pool:
        ...     print(render_many(again, out_dir=out, executor=pool, progress=False))
        1 job in ... s: 0 written, 1 skipped as up to date, 0 refused, 0 failed
    """
    start = time.perf_counter()
    workers = _cpu_count()
    fixed = (
        _positive(chunk_size, "chunk_size")
        if chunk_size is not None
        else _auto_chunk(jobs, executor)
    )
    total = len(jobs) if fixed is None and isinstance(jobs, Sized) else 0
    largest = fixed if fixed is not None else _guided(total, workers)
    limit = _positive(
        max_pending if max_pending is not None else 4 * workers * largest, "max_pending"
    )
    root = Path(out_dir)
    root.mkdir(parents=True, exist_ok=True)
    _clean_temporaries(root)
    folder = str(root.resolve())
    # The packaged rules are the default: their drafts keep the fingerprint they had.
    firm: _Rules = (
        None
        if rules is None or rules.origins == load_rules().origins
        else (rules, _rules_digest(rules))
    )
    pool = executor if executor is not None else _default_executor(workers)
    try:
        bar = _progress_bar(jobs) if progress else None
    except BaseException:
        if executor is None:
            pool.shutdown(wait=False, cancel_futures=True)
        raise
    results: list[JobResult] = []
    names: set[str] = set()
    pending: dict[Future[tuple[JobResult, ...]], tuple[str, ...]] = {}
    in_flight = 0
    stopped: str | None = None
    iterator = iter(jobs)
    exhausted = False
    taken = 0

    def record(done: list[JobResult]) -> None:
        results.extend(done)
        if bar is not None:
            bar.update(len(done))

    def failed(batch: list[RenderJob], exc: BaseException) -> list[JobResult]:
        error = (_message(exc), type(exc).__name__)
        return [JobResult(j.name, JobStatus.FAILED, *error) for j in batch]

    try:
        while True:
            while not exhausted and stopped is None and in_flight < limit:
                batch: list[RenderJob] = []
                size = fixed if fixed is not None else _guided(total - taken, workers)
                while len(batch) < min(size, limit - in_flight):
                    try:
                        job: object = next(iterator)
                    except StopIteration:
                        exhausted = True
                        break
                    taken += 1
                    if not isinstance(job, RenderJob):
                        msg = f"jobs must be litigate RenderJob values (got {type(job).__name__})"
                        raise ValidationError(msg, field="jobs", value=job)
                    if job.name in names:
                        message = f"name {job.name!r} is used by an earlier job of this batch"
                        record([JobResult(job.name, JobStatus.FAILED, message, "ValidationError")])
                        continue
                    names.add(job.name)
                    batch.append(job)
                if not batch:
                    break
                task, batch, unsent = _pack(
                    batch, same_process=isinstance(executor, ThreadPoolExecutor)
                )
                record(unsent)
                if task is None:
                    continue
                try:
                    future = pool.submit(
                        _run_chunk, task, folder, overwrite, firm, unlocked_passphrase()
                    )
                except (BrokenProcessPool, RuntimeError) as exc:
                    # The executor cannot take more work (broken or shut down).
                    stopped = f"{type(exc).__name__}: {_message(exc)}"
                    record(failed(batch, exc))
                    break
                except Exception as exc:  # noqa: BLE001 - an executor's own refusal
                    record(failed(batch, exc))
                    continue
                pending[future] = tuple(j.name for j in batch)
                in_flight += len(batch)
            if not pending:
                break
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                finished = pending.pop(future)
                in_flight -= len(finished)
                record(_outcome(future, finished))
    finally:
        for future in pending:
            future.cancel()
        if executor is None:
            pool.shutdown(wait=True, cancel_futures=True)
        if bar is not None:
            bar.close()
    return BatchReport(
        results=tuple(results), elapsed=time.perf_counter() - start, stopped=stopped
    )
