"""Batch rendering for a group of applicants: one process, a process pool, a Dask cluster.

A synthetic group of fictional applicants is generated deterministically from
``examples/journalist-detention/case.toml``: each applicant has another name,
date of birth and address, and every date of the domestic proceedings is moved
back by a different number of days (so each case has its own filing windows).
Each job renders the ECtHR application (``ecthr/application``, English) for one
applicant; rendering it computes the applicant's filing window (the form's
time-limit section), so "windows for all" is part of every job.

Measured in the same run:

1. a plain loop ``litigate.render(..., out=...)`` (the raw way, one process);
2. ``render_many`` on a ``ThreadPoolExecutor(1)`` (one process, batch machinery);
3. ``render_many`` with its default process pool (one worker per CPU);
   goal: at least 1.7x faster than (1);
4. peak RSS of the parent process for 10x more jobs (each size in a fresh
   subprocess; its ``VmHWM`` on Linux): goal at most 1.2x, since the lazy job
   generator is never materialised;
5. the same jobs on a local Dask cluster (two worker processes, one thread
   each) through ``client.get_executor()``: goal within 1.3x of (3).  Cluster
   start-up is timed separately.

The XLSX table of applicants (``litigate.group``) is not part of this benchmark.

Run: ``python benchmarks/bench_batch.py [--n 1000] [--quick] [--no-dask]``
(``--quick``: 60 jobs, memory 60 vs 600: a smoke run, not a measurement;
``--memory-only``: only part 4).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import litigate
from litigate.batch import RenderJob, render_many

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "journalist-detention" / "case.toml"
AS_OF = date(2026, 11, 23)
FIRST = ["Aysel", "Tural", "Leyla", "Rauf", "Gunel", "Elnur", "Sevinj", "Orkhan", "Nigar", "Farid"]
LAST = ["Mammadli", "Hasanli", "Aliyeva", "Guliyev", "Rzayeva", "Babayev", "Ismayilli", "Karimova"]


def _shift(value: Any, days: int) -> Any:
    if isinstance(value, date):
        return value - timedelta(days=days)
    if isinstance(value, dict):
        return {k: _shift(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, days) for v in value]
    return value


def applicant_case(raw: dict[str, Any], i: int) -> litigate.Case:
    """The i-th fictional applicant's case (deterministic)."""
    data = _shift(raw, (i * 37) % 400)
    name = f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}-{i:05d}"
    applicant = data["applicants"][0]
    applicant["name"] = name
    applicant["date_of_birth"] = date(1960, 1, 1) + timedelta(days=(i * 211) % 14000)
    applicant["address"] = f"{1 + i % 90} Nizami street, apt. {1 + i % 40}, Baku, Azerbaijan"
    data["title"] = f"{name.split()[1]} v. Azerbaijan"
    return litigate.case_from_dict(data)


def jobs(n: int) -> Iterator[RenderJob]:
    """The group's jobs, built one at a time (never a list)."""
    with BASE.open("rb") as handle:
        raw = tomllib.load(handle)
    for i in range(n):
        yield RenderJob(
            "ecthr/application",
            applicant_case(raw, i),
            locale="en",
            as_of=AS_OF,
            name=f"applicant-{i:05d}/application.en.docx",
        )


def plain_loop(source: Iterable[RenderJob], out: Path) -> None:
    for job in source:
        litigate.render(
            job.template_id, case=job.case, as_of=job.as_of, locale=job.locale, out=out / job.name
        )


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.docx"))
    }


def differing(a: Path, b: Path) -> int:
    """How many outputs differ between two folders (0: byte-identical)."""
    left, right = digests(a), digests(b)
    return sum(1 for k in left.keys() | right.keys() if left.get(k) != right.get(k))


CPU: dict[str, float] = {}


def _cpu() -> float:
    """CPU seconds of this process and of its children that have ended (pool workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    """Wall-clock seconds of ``fn(...)`` and its value; its CPU seconds go to CPU["last"]."""
    start, cpu = time.perf_counter(), _cpu()
    value = fn(*args, **kwargs)
    CPU["last"] = _cpu() - cpu
    return time.perf_counter() - start, value


def _peak_kib() -> int:
    # ru_maxrss survives execve on Linux (a child started by a big parent reports the
    # parent's size), so read this process's own high-water mark where there is one.
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_child(n: int) -> None:
    """Run n jobs with the default pool and print this process's peak RSS (KiB)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = render_many(jobs(n), out_dir=tmp, progress=False)
    assert report.written == n, str(report)
    print(_peak_kib())


def peak_rss(n: int) -> int:
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(n)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(result.stdout.split()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="a smoke run with few jobs")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask cluster")
    parser.add_argument("--memory-only", action="store_true", help="only the memory figures")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    n = 60 if args.quick else args.n
    small, large = (60, 600) if args.quick else (1000, 10_000)
    if args.memory_only:
        memory(small, large)
        return
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"jobs: {n} ECtHR applications (one per fictional applicant); CPUs: {cpus}")
    print(f"load average before: {os.getloadavg()[0]:.2f}")
    different = 0
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        base = Path(tmp)
        client = None
        if not args.no_dask:
            from dask.distributed import Client, LocalCluster

            start = time.perf_counter()
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
                )
            )
            client = stack.enter_context(Client(cluster))
            client.wait_for_workers(2)
            startup = time.perf_counter() - start
        for part, lazy in (("A", True), ("B", False)):
            built: list[RenderJob] = []
            if lazy:
                title = (
                    "A. end to end: each applicant's Case built in the parent as jobs are pulled"
                )
            else:
                build_s, built = timed(list, jobs(n))
                title = (
                    f"B. rendering only: the {n} Cases built beforehand "
                    f"({build_s / n * 1000:.2f} ms each, not timed)"
                )

            def source(built: list[RenderJob] = built) -> Iterable[RenderJob]:
                return iter(built) if built else jobs(n)

            rows: list[tuple[str, float, float | None, str]] = []
            loop_s, _ = timed(plain_loop, source(), base / f"{part}-loop")
            rows.append(
                ("plain loop litigate.render(out=...)", loop_s, CPU["last"], "1.00x (baseline)")
            )
            with ThreadPoolExecutor(1) as one:
                seq_s, seq = timed(
                    render_many,
                    source(),
                    out_dir=base / f"{part}-seq",
                    executor=one,
                    progress=False,
                )
            assert seq.written == n, str(seq)
            rows.append(
                (
                    "render_many, ThreadPoolExecutor(1)",
                    seq_s,
                    CPU["last"],
                    f"{loop_s / seq_s:.2f}x",
                )
            )
            pool_s, pooled = timed(
                render_many, source(), out_dir=base / f"{part}-pool", progress=False
            )
            assert pooled.written == n, str(pooled)
            rows.append(
                (
                    "render_many, default process pool",
                    pool_s,
                    CPU["last"],
                    f"{loop_s / pool_s:.2f}x (goal >= 1.70x)",
                )
            )
            again_s, again = timed(
                render_many, source(), out_dir=base / f"{part}-pool", progress=False
            )
            assert again.skipped == n, str(again)
            rows.append(
                (
                    "re-run, all up to date (process pool)",
                    again_s,
                    CPU["last"],
                    f"{loop_s / again_s:.2f}x",
                )
            )
            different += differing(base / f"{part}-seq", base / f"{part}-pool")
            if client is not None:
                executor = client.get_executor()
                dask_s, dasked = timed(
                    render_many,
                    source(),
                    out_dir=base / f"{part}-dask",
                    executor=executor,
                    progress=False,
                )
                assert dasked.written == n, str(dasked)
                different += differing(base / f"{part}-dask", base / f"{part}-pool")
                rows.append(
                    (
                        "render_many, Dask LocalCluster(2 workers)",
                        dask_s,
                        None,  # the workers' CPU is only counted when the cluster ends
                        f"{loop_s / dask_s:.2f}x; {dask_s / pool_s:.2f} x pool (goal <= 1.30)",
                    )
                )
            print(title)
            width = max(len(r[0]) for r in rows)
            print(
                f"  {'run'.ljust(width)}  {'seconds':>8}  {'ms/job':>7}  {'CPU ms/job':>10}  "
                "speed-up vs plain loop"
            )
            for label, seconds, cpu, ratio in rows:
                cpu_ms = f"{cpu / n * 1000:10.2f}" if cpu is not None else f"{'n/a':>10}"
                print(
                    f"  {label.ljust(width)}  {seconds:8.2f}  {seconds / n * 1000:7.2f}  "
                    f"{cpu_ms}  {ratio}"
                )
        if client is not None:
            print(f"Dask cluster start-up (not included above): {startup:.1f} s")
    verdict = "yes" if not different else f"NO ({different} files differ)"
    print(f"outputs byte-identical across executors: {verdict}")
    memory(small, large)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


def memory(small: int, large: int) -> None:
    rss_small = peak_rss(small)
    rss_large = peak_rss(large)
    print(
        f"parent peak RSS: {small} jobs {rss_small / 1024:.1f} MiB, {large} jobs "
        f"{rss_large / 1024:.1f} MiB, ratio {rss_large / rss_small:.2f} (goal <= 1.20)"
    )


if __name__ == "__main__":
    main()
