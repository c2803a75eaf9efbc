"""Group applications and batch rendering: one process, a process pool, a Dask cluster.

**G. The group** (the figure the goal is about).  A group of 1,000 fictional
applicants is generated deterministically from the Nardaran example
(``examples/nardaran-group``): each row of its spreadsheet is repeated with
another applicant id and name, and every date moved back by a different number
of days, so each applicant has their own filing window.  The group is loaded
with ``litigate.load_group`` (timed apart).  Then, measured in the same run:

1. one process, the plain way: ``docket(group)`` (every applicant's filing
   window), ``write_applicants_table`` (the XLSX table with the combined list of
   documents) and ``render_forms`` (one application form per applicant, each
   ``litigate.render``);
2. ``render_group`` on a ``ThreadPoolExecutor(1)`` (one process, batch machinery);
3. ``render_group`` with its default process pool (one worker per CPU):
   goal at least 1.7x faster than (1);
4. ``render_group`` again with every file up to date;
5. ``render_group`` on a local Dask cluster (two worker processes, one thread
   each) through ``client.get_executor()``: goal within 1.3x of (3).  Cluster
   start-up is not timed; the workers are cold (they import litigate and
   compile the form at their first task, inside the timing);
6. the same on a cluster whose workers were warmed first with
   ``client.run(litigate.batch.warm_up)``, as a long-lived cluster's are.

The forms written by (2), (3) and (5) must be byte-identical, and their text
the same as (1)'s.

**R. Rendering only**: ``render_many`` over 1,000 pre-built cases derived from
``examples/journalist-detention/case.toml`` against a plain ``litigate.render``
loop (context for G; no goal).

**M. Memory**: peak RSS of the parent process (its ``VmHWM`` on Linux, read
when ``render_many`` returns, in a fresh process per size) for 1,000 and 10,000
jobs pulled from a generator: goal at most 1.2x.  Then the re-run of the
10,000 (all up to date), which walks the output folder for stale temporaries.

Run: ``python benchmarks/bench_batch.py [--n 1000] [--quick] [--no-dask] [--memory-only]``
(``--quick``: 60 applicants, memory 60 vs 600: a smoke run, not a measurement).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Iterable, Iterator
from concurrent.futures import Executor, ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import litigate
import litigate.casefile
import litigate.group
from litigate.batch import RenderJob, render_many, warm_up
from litigate.group import GroupApplication, load_group, render_group

ROOT = Path(__file__).resolve().parent.parent
BASE = ROOT / "examples" / "journalist-detention" / "case.toml"
GROUP = ROOT / "examples" / "nardaran-group"
AS_OF = date(2026, 11, 23)
FIRST = ["Aysel", "Tural", "Leyla", "Rauf", "Gunel", "Elnur", "Sevinj", "Orkhan", "Nigar", "Farid"]
LAST = ["Mammadli", "Hasanli", "Aliyeva", "Guliyev", "Rzayeva", "Babayev", "Ismayilli", "Karimova"]


# ---------------------------------------------------------------- inputs


def _shift(value: Any, days: int) -> Any:
    if isinstance(value, date):
        return value - timedelta(days=days)
    if isinstance(value, dict):
        return {k: _shift(v, days) for k, v in value.items()}
    if isinstance(value, list):
        return [_shift(v, days) for v in value]
    return value


def _name(i: int) -> str:
    return f"{FIRST[i % len(FIRST)]} {LAST[(i // len(FIRST)) % len(LAST)]}-{i:05d}"


def applicant_case(raw: dict[str, Any], i: int) -> litigate.Case:
    """The i-th fictional applicant's case (deterministic)."""
    data = _shift(raw, (i * 37) % 400)
    name = _name(i)
    applicant = data["applicants"][0]
    applicant["name"] = name
    applicant["date_of_birth"] = date(1960, 1, 1) + timedelta(days=(i * 211) % 14000)
    applicant["address"] = f"{1 + i % 90} Nizami street, apt. {1 + i % 40}, Baku, Azerbaijan"
    data["title"] = f"{name.split()[1]} v. Azerbaijan"
    return litigate.casefile.case_from_dict(data)


def jobs(n: int) -> Iterator[RenderJob]:
    """The jobs of part R and M, built one at a time (never a list)."""
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


def group_csv(n: int) -> bytes:
    """A spreadsheet of n fictional applicants built from the Nardaran example's rows."""
    text = (GROUP / "applicants.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    header, examples = rows[0], rows[1:]
    dated = [
        k for k, column in enumerate(header) if column.endswith("_on") or column == "date_of_birth"
    ]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(header)
    for i in range(n):
        row = list(examples[i % len(examples)])
        row[header.index("applicant_id")] = f"G{i:05d}"
        name = _name(i)
        row[header.index("name")] = name
        row[header.index("first_name")], row[header.index("surname")] = name.split(" ", 1)
        for k in dated:
            if row[k]:
                row[k] = (date.fromisoformat(row[k]) - timedelta(days=(i * 37) % 400)).isoformat()
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


# ---------------------------------------------------------------- measuring


CPU: dict[str, float] = {}


def _machine_cpu() -> float:
    """CPU seconds the whole machine spent busy (every process: parent, pool, fork server)."""
    fields = Path("/proc/stat").read_text(encoding="ascii").splitlines()[0].split()[1:]
    ticks = [int(x) for x in fields]
    busy = sum(ticks) - ticks[3] - (ticks[4] if len(ticks) > 4 else 0)  # minus idle, iowait
    return busy / os.sysconf("SC_CLK_TCK")


def timed(fn: Any, *args: Any, **kwargs: Any) -> tuple[float, Any]:
    """Wall-clock seconds of ``fn(...)`` and its value; machine CPU seconds go to CPU["last"]."""
    start, cpu = time.perf_counter(), _machine_cpu()
    value = fn(*args, **kwargs)
    CPU["last"] = _machine_cpu() - cpu
    return time.perf_counter() - start, value


def digests(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*.docx"))
    }


def differing(a: Path, b: Path) -> int:
    """How many outputs differ between two folders (0: byte-identical)."""
    left, right = digests(a), digests(b)
    return sum(1 for k in left.keys() | right.keys() if left.get(k) != right.get(k))


def texts(folder: Path) -> dict[str, str]:
    import docx

    return {
        path.name: "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
        for path in sorted(folder.glob("*.docx"))
    }


def print_table(title: str, n: int, rows: list[tuple[str, float, float | None, str]]) -> None:
    if title:
        print(title)
    width = max(len(r[0]) for r in rows)
    print(
        f"  {'run'.ljust(width)}  {'seconds':>8}  {'ms/item':>7}  {'CPU ms/item':>11}  "
        "speed-up vs one process"
    )
    for label, seconds, cpu, ratio in rows:
        cpu_ms = f"{cpu / n * 1000:11.2f}" if cpu is not None else f"{'n/a':>11}"
        print(
            f"  {label.ljust(width)}  {seconds:8.2f}  {seconds / n * 1000:7.2f}  {cpu_ms}  {ratio}"
        )


# ---------------------------------------------------------------- G: the group


def one_process(group: GroupApplication, out: Path) -> None:
    """The plain way: docket, table and forms, one after the other."""
    docket = litigate.docket(group, as_of=AS_OF)
    (out / "docket.csv").parent.mkdir(parents=True, exist_ok=True)
    (out / "docket.csv").write_bytes(docket.to_csv())
    litigate.group.write_applicants_table(group, out / "applicants-table.xlsx")
    litigate.group.render_forms(group, out / "forms", as_of=AS_OF)


# Each round runs the modes in this order, the next round in the reverse order: the
# runs whose ratio is a goal (one/pool, pool/dask) are neighbours, and a drift of the
# machine's speed over a round weighs on both sides of each ratio alike.
MODES = ("ceiling", "one", "pool", "dask", "dask-warm", "seq", "again")
SPIN = 6_000_000  # a pure-Python loop of about half a second


def _spin(units: int) -> int:
    total = 0
    for i in range(units):
        total += i * i % 7
    return total


def ceiling() -> float:
    """The machine's own speed-up at this moment: two units of a pure-Python loop in one
    process against one unit in each of two processes (no I/O, nothing shared).  No
    program can expect more from this machine just then; on a quiet 2-CPU machine it is 2.
    """
    import multiprocessing

    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.map(int, [0, 0])  # both workers started
        one_s, _ = timed(lambda: [_spin(SPIN) for _ in range(2)])
        two_s, _ = timed(pool.map, _spin, [SPIN, SPIN])
    return float(one_s / two_s)


def group_child(mode: str, n: int, out: Path) -> None:
    """One measurement of part G in this fresh process; print seconds and machine CPU seconds.

    Loading the group is not timed; starting the pool (its fork server and
    workers) is, as it is for a lawyer running ``litigate group``.
    """
    group = load_group(group_csv(n), base=GROUP / "base.toml", format="csv")

    def run(executor: Executor | None = None) -> Any:
        report = render_group(group, out, as_of=AS_OF, executor=executor, progress=False)
        assert report.ok, str(report)
        return report

    if mode == "ceiling":
        print(ceiling(), 0.0)
        return
    if mode == "one":
        seconds, _ = timed(one_process, group, out)
    elif mode == "seq":
        with ThreadPoolExecutor(1) as one:
            seconds, report = timed(run, one)
        assert report.forms.written == n
    elif mode == "pool":
        seconds, report = timed(run)
        assert report.forms.written == n
    elif mode == "again":
        assert run().forms.written == n
        seconds, report = timed(run)
        assert report.forms.skipped == n
    else:
        from dask.distributed import Client, LocalCluster

        cluster = LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        )
        with cluster, Client(cluster) as client:
            client.wait_for_workers(2)
            if mode == "dask-warm":  # a long-lived cluster: its workers have litigate loaded
                client.run(warm_up, [("ecthr/application", "en")])
            seconds, report = timed(run, client.get_executor())
        assert report.forms.written == n
    print(seconds, CPU["last"])


def part_group(n: int, base: Path, *, dask: bool, repeats: int) -> int:
    """Part G: every run in a fresh process, ``repeats`` rounds; returns how many files differ."""
    data = group_csv(n)
    load_s, _ = timed(load_group, data, base=GROUP / "base.toml", format="csv")
    modes = [m for m in MODES if dask or not m.startswith("dask")]
    figures: dict[str, list[tuple[float, float]]] = {m: [] for m in modes}
    for round_ in range(repeats):
        for mode in modes if round_ % 2 == 0 else modes[::-1]:
            out = base / f"G-{mode}-{round_}"
            result = subprocess.run(
                [sys.executable, __file__, "--group-child", mode, str(n), str(out)],
                check=True,
                capture_output=True,
                text=True,
            )
            seconds, cpu = result.stdout.split()[-2:]
            figures[mode].append((float(seconds), float(cpu)))

    def median(mode: str) -> tuple[float, float]:
        ordered = sorted(figures[mode])
        return ordered[len(ordered) // 2]

    def paired(top: str, bottom: str) -> tuple[float, list[float]]:
        """The median over rounds of each round's ratio, and the ratios."""
        ratios = [a / b for (a, _), (b, _) in zip(figures[top], figures[bottom], strict=True)]
        return statistics.median(ratios), ratios

    one_s = median("one")[0]
    labels = {
        "one": "one process: docket, table, render_forms",
        "seq": "render_group, ThreadPoolExecutor(1)",
        "pool": "render_group, default process pool",
        "again": "re-run, all up to date (process pool)",
        "dask": "render_group, Dask LocalCluster(2 workers)",
        "dask-warm": "  the same, workers warmed first (warm_up)",
    }
    rows: list[tuple[str, float, float | None, str]] = []
    for mode in modes:
        if mode == "ceiling":
            continue
        seconds, cpu = median(mode)
        ratio = f"{one_s / seconds:.2f}x"
        if mode == "pool":
            speed_up, ratios = paired("one", "pool")
            ratio += f"; paired {speed_up:.2f}x (goal >= 1.70x), rounds: " + ", ".join(
                f"{r:.2f}" for r in ratios
            )
        if mode.startswith("dask"):
            slower, ratios = paired(mode, "pool")
            ratio += f"; paired {slower:.2f} x pool (goal <= 1.30), rounds: " + ", ".join(
                f"{r:.2f}" for r in ratios
            )
        rows.append((labels[mode], seconds, cpu, ratio))
    print_table(
        f"G. the group: {n} applicants, each run in a fresh process, median of {repeats} rounds "
        f"(load_group of the {len(data) // 1024} KiB CSV: {load_s:.2f} s, not included)",
        n,
        rows,
    )
    ceilings = [c for c, _ in figures["ceiling"]]
    speed_ups = paired("one", "pool")[1]
    shares = [s / c for s, c in zip(speed_ups, ceilings, strict=True)]
    print(
        f"  the machine's own ceiling (a pure-Python loop in two processes against one): "
        f"median {statistics.median(ceilings):.2f}x, rounds: "
        + ", ".join(f"{c:.2f}" for c in ceilings)
    )
    print(
        f"  the pool's speed-up as a share of that round's ceiling: median "
        f"{statistics.median(shares):.2f}, rounds: " + ", ".join(f"{x:.2f}" for x in shares)
    )
    last = repeats - 1
    different = differing(base / f"G-seq-{last}", base / f"G-pool-{last}")
    if dask:
        different += differing(base / f"G-dask-{last}", base / f"G-pool-{last}")
    same_text = texts(base / f"G-one-{last}" / "forms") == texts(base / f"G-pool-{last}" / "forms")
    same_files = all(
        (base / f"G-one-{last}" / f).read_bytes() == (base / f"G-pool-{last}" / f).read_bytes()
        for f in ("docket.csv", "applicants-table.xlsx")
    )
    print(
        f"  forms' text as render_forms: {'yes' if same_text else 'NO'}; "
        f"table and docket byte-identical: {'yes' if same_files else 'NO'}"
    )
    return different + (0 if same_text and same_files else 1)


# ---------------------------------------------------------------- R: rendering only


def plain_loop(source: Iterable[RenderJob], out: Path) -> None:
    for job in source:
        litigate.render(
            job.template_id, case=job.case, as_of=job.as_of, locale=job.locale, out=out / job.name
        )


def part_render(n: int, base: Path, *, dask: bool) -> int:
    """Part R, in this process: the pool rows run before any Dask cluster exists."""
    build_s, built = timed(list, jobs(n))
    rows: list[tuple[str, float, float | None, str]] = []
    loop_s, _ = timed(plain_loop, built, base / "R-loop")
    rows.append(("plain loop litigate.render(out=...)", loop_s, CPU["last"], "1.00x"))
    with ThreadPoolExecutor(1) as one:
        seq_s, seq = timed(
            render_many, built, out_dir=base / "R-seq", executor=one, progress=False
        )
    assert seq.written == n, str(seq)
    rows.append(
        ("render_many, ThreadPoolExecutor(1)", seq_s, CPU["last"], f"{loop_s / seq_s:.2f}x")
    )
    pool_s, pooled = timed(render_many, built, out_dir=base / "R-pool", progress=False)
    assert pooled.written == n, str(pooled)
    rows.append(
        ("render_many, default process pool", pool_s, CPU["last"], f"{loop_s / pool_s:.2f}x")
    )
    different = differing(base / "R-seq", base / "R-pool")
    if dask:
        from dask.distributed import Client, LocalCluster

        start = time.perf_counter()
        cluster = LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        )
        with cluster, Client(cluster) as client:
            client.wait_for_workers(2)
            startup = time.perf_counter() - start
            dask_s, dasked = timed(
                render_many,
                built,
                out_dir=base / "R-dask",
                executor=client.get_executor(),
                progress=False,
            )
        assert dasked.written == n, str(dasked)
        different += differing(base / "R-dask", base / "R-pool")
        rows.append(
            (
                "render_many, Dask LocalCluster(2 workers)",
                dask_s,
                CPU["last"],
                (
                    f"{loop_s / dask_s:.2f}x; {dask_s / pool_s:.2f} x pool "
                    f"(cluster start-up {startup:.1f} s, not included)"
                ),
            )
        )
    print_table(
        f"R. rendering only, in this process: {n} pre-built cases "
        f"({build_s / n * 1000:.2f} ms each to build, not included)",
        n,
        rows,
    )
    return different


# ---------------------------------------------------------------- M: memory


def _status_kib(key: str) -> int:
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith(f"{key}:"):
                return int(line.split()[1])
    # ru_maxrss survives execve on Linux; only a fallback where /proc is missing.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_child(n: int) -> None:
    """Run n jobs, then run them again (all up to date); print the peak RSS after each (KiB)."""
    with tempfile.TemporaryDirectory() as tmp:
        report = render_many(jobs(n), out_dir=tmp, progress=False)
        first = _status_kib("VmHWM")
        assert report.written == n, str(report)
        again = render_many(jobs(n), out_dir=tmp, progress=False)
        second = _status_kib("VmHWM")
        assert again.skipped == n, str(again)
        # Measured before the TemporaryDirectory is deleted: shutil.rmtree's listing of
        # n folders is the benchmark's own cleanup, not litigate's.
        print(first, second)


def peak_rss(n: int) -> tuple[int, int]:
    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(n)],
        check=True,
        capture_output=True,
        text=True,
    )
    first, second = result.stdout.split()[-2:]
    return int(first), int(second)


def memory(small: int, large: int) -> None:
    rss_small, rerun_small = peak_rss(small)
    rss_large, rerun_large = peak_rss(large)
    print(
        f"M. parent peak RSS: {small} jobs {rss_small / 1024:.1f} MiB, {large} jobs "
        f"{rss_large / 1024:.1f} MiB, ratio {rss_large / rss_small:.2f} (goal <= 1.20)"
    )
    print(
        f"   after a re-run with every draft up to date: {small} jobs {rerun_small / 1024:.1f} MiB,"
        f" {large} jobs {rerun_large / 1024:.1f} MiB, ratio {rerun_large / rerun_small:.2f}"
    )


# ---------------------------------------------------------------- main


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--quick", action="store_true", help="a smoke run with few jobs")
    parser.add_argument("--no-dask", action="store_true", help="skip the Dask cluster")
    parser.add_argument("--memory-only", action="store_true", help="only the memory figures")
    parser.add_argument("--repeats", type=int, default=9, help="rounds of part G (median)")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--group-child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.memory_child:
        memory_child(args.memory_child)
        return
    if args.group_child:
        mode, count, out = args.group_child
        group_child(mode, int(count), Path(out))
        return
    n = 60 if args.quick else args.n
    small, large = (60, 600) if args.quick else (1000, 10_000)
    if args.memory_only:
        memory(small, large)
        return
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"CPUs: {cpus}; load average before: {os.getloadavg()[0]:.2f}")
    print("CPU ms/item: the whole machine's busy CPU time (parent, workers, fork server)")
    different = 0
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        different += part_group(
            n, base, dask=not args.no_dask, repeats=1 if args.quick else args.repeats
        )
        different += part_render(n, base, dask=not args.no_dask)
    verdict = "yes" if not different else f"NO ({different} files differ)"
    print(f"outputs byte-identical across executors: {verdict}")
    memory(small, large)
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
