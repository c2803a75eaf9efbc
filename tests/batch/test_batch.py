"""Batches of drafts: laziness, isolation of failures, resuming, edits kept, executors agree."""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import ipaddress
import json
import multiprocessing
import os
import pickle
import signal
import socket
import subprocess
import sys
import textwrap
import time
import zipfile
from collections.abc import Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor, ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

import litigate
import litigate.drafts
from litigate.batch import (
    BatchReport,
    JobResult,
    JobStatus,
    RenderJob,
    check_name,
    inputs_fingerprint,
    read_inputs,
    render_many,
    stamp_inputs,
)
from litigate.batch.cli import add_batch_parser
from litigate.errors import ValidationError

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 11, 23)
TEMPLATE = "ecthr/cover-letter"
_REAL_CONNECT = socket.socket.connect
_REAL_CONNECT_EX = socket.socket.connect_ex
_REAL_CREATE_CONNECTION = socket.create_connection


def make_case(i: int) -> litigate.Case:
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title=f"Applicant{i} v. Azerbaijan",
        applicants=[litigate.Applicant.person(name=f"Rauf Aliyev-{i}")],
    )


def make_jobs(n: int, **changes: Any) -> list[RenderJob]:
    return [
        RenderJob(TEMPLATE, make_case(i), as_of=AS_OF, name=f"a{i}/cover.en.docx", **changes)
        for i in range(n)
    ]


def run(jobs: Any, out: Path, **kwargs: Any) -> BatchReport:
    with ThreadPoolExecutor(2) as pool:
        return render_many(jobs, out_dir=out, executor=pool, progress=False, **kwargs)


def files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def statuses(report: BatchReport) -> dict[str, JobStatus]:
    return {r.name: r.status for r in report.results}


# ---------------------------------------------------------------- values


def test_jobs_cases_and_reports_pickle(journalist_case):
    job = RenderJob(
        "ecthr/application",
        journalist_case,
        locale="fr",
        name="x/y.docx",
        as_of=AS_OF,
        draft=True,
        extra={"place": "Baku"},
    )
    assert pickle.loads(pickle.dumps(journalist_case)) == journalist_case
    assert pickle.loads(pickle.dumps(job)) == job
    report = BatchReport(
        results=(JobResult("x/y.docx", JobStatus.FAILED, "boom", "TemplateContextError"),),
        elapsed=0.5,
    )
    assert pickle.loads(pickle.dumps(report)) == report
    assert not report.ok
    assert "1 failed" in str(report)
    assert "TemplateContextError: boom" in str(report)


def test_fingerprint_depends_on_every_input(journalist_case):
    job = RenderJob(TEMPLATE, journalist_case, name="a.docx", as_of=AS_OF)
    base = inputs_fingerprint(job, b"template")
    variants = [
        attrs.evolve(job, locale="fr"),
        attrs.evolve(job, as_of=date(2026, 11, 24)),
        attrs.evolve(job, draft=True),
        attrs.evolve(job, anonymise=True),
        attrs.evolve(job, extra={"place": "Baku"}),
        attrs.evolve(job, case=attrs.evolve(journalist_case, title="Other v. Azerbaijan")),
        attrs.evolve(job, template_id="ecthr/application"),
    ]
    prints = {inputs_fingerprint(v, b"template") for v in variants}
    assert base not in prints
    assert len(prints) == len(variants)
    assert inputs_fingerprint(job, b"other template") != base
    # The output name and the folders searched are not inputs of the draft itself.
    assert inputs_fingerprint(attrs.evolve(job, name="b.docx"), b"template") == base


@pytest.mark.parametrize(
    "name",
    [
        "../x.docx",
        "a/../../x.docx",
        "/etc/x.docx",
        "C:/x.docx",
        "a\\..\\x.docx",
        "x.txt",
        "",
        "a//b.docx",
        "./x.docx",
        ".hidden.docx",
        "a/.x.docx.abc.tmp",
        "x\0.docx",
    ],
)
def test_unsafe_names_are_refused(name, journalist_case):
    with pytest.raises(ValidationError) as info:
        RenderJob(TEMPLATE, journalist_case, name=name, as_of=AS_OF)
    assert info.value.field == "name"
    assert info.value.value == name


@given(st.text(alphabet="ab./\\:~-_ \0", min_size=1, max_size=20))
def test_an_accepted_name_stays_inside_the_folder(name):
    root = Path("/srv/out")
    try:
        check_name(name + ".docx")
    except ValidationError:
        return
    target = os.path.normpath(root / (name + ".docx"))
    assert target.startswith(str(root) + os.sep)
    assert ".." not in Path(target).parts


def test_a_symlinked_sub_folder_cannot_lead_outside(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "link").symlink_to(outside)
    job = RenderJob(TEMPLATE, make_case(1), name="link/cover.docx", as_of=AS_OF)
    report = run([job], out)
    assert report.results[0].status is JobStatus.FAILED
    assert report.results[0].error_type == "ValidationError"
    assert not list(outside.iterdir())


def test_other_arguments_are_checked(tmp_path):
    with pytest.raises(ValidationError) as info:
        run(make_jobs(1), tmp_path, max_pending=0)
    assert info.value.field == "max_pending"
    with pytest.raises(ValidationError) as info:
        run(make_jobs(1), tmp_path, chunk_size=0)
    assert info.value.field == "chunk_size"
    with pytest.raises(ValidationError):
        run(["not a job"], tmp_path)
    with pytest.raises(ValidationError) as info:
        RenderJob(TEMPLATE, {"forum": "ecthr"}, name="a.docx", as_of=AS_OF)  # type: ignore[arg-type]
    assert info.value.field == "case"


# ---------------------------------------------------------------- running


@pytest.mark.parametrize("chunk_size", [None, 1, 2])
def test_jobs_are_pulled_lazily_with_a_bound_in_flight(tmp_path, chunk_size):
    finished: list[int] = []
    pulled_ahead: list[int] = []

    class Counting(Executor):
        def __init__(self) -> None:
            self.pool = ThreadPoolExecutor(2)

        def submit(self, fn, /, *args, **kwargs):
            future: Future[Any] = self.pool.submit(fn, *args, **kwargs)
            # Count finished jobs (a task runs a chunk of them).
            future.add_done_callback(lambda f: finished.extend(f.result()))
            return future

        def shutdown(self, wait=True, *, cancel_futures=False):
            self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)

    def generate() -> Iterator[RenderJob]:
        for i, job in enumerate(make_jobs(40)):
            pulled_ahead.append(i - len(finished))
            yield job

    with Counting() as executor:
        report = render_many(
            generate(),
            out_dir=tmp_path,
            executor=executor,
            progress=False,
            max_pending=3,
            chunk_size=chunk_size,
        )
    assert report.written == 40
    # When job i is pulled, at most max_pending jobs were submitted and unfinished.
    assert max(pulled_ahead) <= 3
    assert pulled_ahead[3] <= 3  # the fourth job waited for a result


def test_a_failing_job_does_not_stop_the_others(tmp_path):
    jobs = make_jobs(4)
    jobs.insert(2, RenderJob("ecthr/nothing", make_case(9), name="bad.docx", as_of=AS_OF))
    firm = tmp_path / "firm"
    (firm / "ecthr").mkdir(parents=True)
    broken = docx.Document()
    broken.add_paragraph("Dear {{ nobody.name }},")
    broken.save(str(firm / "ecthr" / "broken.docx"))
    jobs.append(
        RenderJob("ecthr/broken", make_case(8), name="empty.docx", as_of=AS_OF,
                  template_dirs=[firm])
    )  # fmt: skip
    report = run(jobs, tmp_path / "out")
    assert report.written == 4
    assert report.failed == 2
    assert not report.ok
    failed = {r.name: r for r in report.results if r.status is JobStatus.FAILED}
    assert failed["bad.docx"].error_type == "TemplateNotFoundError"
    assert "ecthr/nothing" in (failed["bad.docx"].error or "")
    assert failed["empty.docx"].error_type == "TemplateContextError"
    assert "nobody" in (failed["empty.docx"].error or "")
    assert sorted(files(tmp_path / "out")) == [f"a{i}/cover.en.docx" for i in range(4)]
    assert "bad.docx" in str(report)


def test_duplicate_names_fail_the_later_job(tmp_path):
    first, second = make_jobs(2)
    report = run([first, attrs.evolve(second, name=first.name)], tmp_path)
    assert report.written == 1
    assert report.failed == 1
    assert "earlier job" in (report.problems()[0].error or "")


def test_rerun_skips_up_to_date_drafts_and_renders_changed_ones(tmp_path):
    jobs = make_jobs(5)
    assert run(jobs, tmp_path).written == 5
    before = files(tmp_path)

    again = run(jobs, tmp_path)
    assert again.skipped == 5
    assert again.ok
    assert files(tmp_path) == before

    changed = list(jobs)
    changed[1] = attrs.evolve(
        jobs[1], case=attrs.evolve(jobs[1].case, title="Renamed v. Azerbaijan")
    )
    changed[3] = attrs.evolve(jobs[3], as_of=date(2026, 12, 1))
    third = run(changed, tmp_path)
    assert third.written == 2
    assert third.skipped == 3
    assert statuses(third)[jobs[1].name] is JobStatus.WRITTEN
    after = files(tmp_path)
    assert after[jobs[1].name] != before[jobs[1].name]
    assert "Renamed v. Azerbaijan" in text_of(after[jobs[1].name])
    assert after[jobs[0].name] == before[jobs[0].name]


def test_a_changed_template_file_renders_again(tmp_path):
    firm = tmp_path / "firm" / "ecthr"
    firm.mkdir(parents=True)
    template = firm / "cover-letter.docx"
    template.write_bytes(
        litigate.drafts.templates_root().joinpath("ecthr", "cover-letter.en.docx").read_bytes()
    )
    jobs = make_jobs(2, template_dirs=[tmp_path / "firm"])
    out = tmp_path / "out"
    assert run(jobs, out).written == 2
    assert run(jobs, out).skipped == 2
    with zipfile.ZipFile(template, "a") as archive:
        archive.comment = b"revised by the firm"
    assert run(jobs, out).written == 2


def test_edited_drafts_are_refused_unless_overwrite(tmp_path):
    jobs = make_jobs(3)
    run(jobs, tmp_path)
    edited = tmp_path / jobs[0].name
    document = docx.Document(str(edited))
    document.add_paragraph("The lawyer's own paragraph.")
    document.save(str(edited))
    foreign = tmp_path / jobs[1].name
    foreign.write_bytes(b"notes typed by hand")
    kept = {edited: edited.read_bytes(), foreign: foreign.read_bytes()}

    report = run(jobs, tmp_path)
    assert statuses(report) == {
        jobs[0].name: JobStatus.REFUSED,
        jobs[1].name: JobStatus.REFUSED,
        jobs[2].name: JobStatus.SKIPPED,
    }
    assert not report.ok
    assert all(r.error_type == "OverwriteRefusedError" for r in report.problems())
    assert all(path.read_bytes() == data for path, data in kept.items())
    assert read_inputs(edited) == (False, read_inputs(edited)[1])

    forced = run(jobs, tmp_path, overwrite=True)
    assert forced.written == 2
    assert forced.skipped == 1
    assert "The lawyer's own paragraph." not in text_of(edited.read_bytes())
    assert read_inputs(edited)[0]
    assert read_inputs(foreign)[0]


def test_a_plain_render_output_is_replaced_not_refused(tmp_path):
    (job,) = make_jobs(1)
    litigate.render(TEMPLATE, case=job.case, as_of=AS_OF, out=tmp_path / job.name)
    report = run([job], tmp_path)
    assert report.written == 1  # untouched but without the inputs fingerprint
    assert run([job], tmp_path).skipped == 1


def test_no_partial_file_when_the_writer_fails(tmp_path, monkeypatch):
    calls = {"n": 0}
    real_fsync = os.fsync

    def failing_fsync(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr("litigate._files.os.fsync", failing_fsync)
    jobs = make_jobs(5)
    with ThreadPoolExecutor(1) as pool:
        report = render_many(jobs, out_dir=tmp_path, executor=pool, progress=False)
    assert report.written == 4
    (failure,) = report.problems()
    assert failure.error_type == "OSError"
    assert "No space left" in (failure.error or "")
    assert not (tmp_path / failure.name).exists()
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]

    monkeypatch.setattr("litigate._files.os.fsync", real_fsync)
    second = run(jobs, tmp_path)
    assert second.written == 1
    assert second.skipped == 4


def test_an_exception_mid_batch_leaves_only_whole_drafts_and_resumes(tmp_path):
    jobs = make_jobs(8)

    def generate() -> Iterator[RenderJob]:
        for i, job in enumerate(jobs):
            if i == 5:
                raise KeyboardInterrupt
            yield job

    with pytest.raises(KeyboardInterrupt):
        run(generate(), tmp_path)
    written = sorted(tmp_path.rglob("*.docx"))
    assert 1 <= len(written) <= 5
    assert all(read_inputs(p)[0] for p in written)
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]

    resumed = run(jobs, tmp_path)
    assert resumed.skipped == len(written)
    assert resumed.written == 8 - len(written)


def test_stale_temporary_files_are_removed_and_others_kept(tmp_path):
    (tmp_path / "a").mkdir()
    stale = tmp_path / "a" / ".cover.en.docx.x1y2z3_9.tmp"
    stale.write_bytes(b"half a draft")
    unrelated = tmp_path / ".notes.tmp"
    unrelated.write_bytes(b"mine")
    deep = tmp_path / "b" / "c" / "d" / ".form.fr.docx.Abc_123.tmp"
    deep.parent.mkdir(parents=True)
    deep.write_bytes(b"half")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    theirs = outside / ".form.en.docx.abc.tmp"
    theirs.write_bytes(b"another program's")
    (tmp_path / "linked").symlink_to(outside, target_is_directory=True)
    run(make_jobs(1), tmp_path)
    assert not stale.exists()
    assert not deep.exists()
    assert unrelated.exists()
    assert theirs.exists()  # a symbolic link is not followed


@pytest.mark.slow
def test_a_killed_batch_resumes(tmp_path):
    script = textwrap.dedent(
        f"""
        import sys
        from concurrent.futures import ThreadPoolExecutor
        sys.path.insert(0, {str(ROOT)!r})
        from tests.batch.test_batch import make_jobs
        from litigate.batch import render_many
        with ThreadPoolExecutor(1) as pool:
            render_many(make_jobs(200), out_dir={str(tmp_path)!r}, executor=pool, progress=False)
        """
    )
    process = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 60
        while len(list(tmp_path.rglob("*.docx"))) < 5:
            assert process.poll() is None, "the batch ended before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.01)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait()
    done = list(tmp_path.rglob("*.docx"))
    assert 5 <= len(done) < 200
    assert all(read_inputs(p)[0] for p in done)

    resumed = run(make_jobs(200), tmp_path)
    assert resumed.skipped >= 5
    assert resumed.written + resumed.skipped == 200
    assert not [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- executors agree


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {n: archive.read(n) for n in archive.namelist() if n != "docProps/custom.xml"}


def mixed_jobs(journalist_case) -> list[RenderJob]:
    jobs = make_jobs(3)
    jobs.append(RenderJob("ecthr/application", journalist_case, name="h/app.en.docx", as_of=AS_OF))
    jobs.append(
        RenderJob("ecthr/application", journalist_case, locale="fr", anonymise=True,
                  name="h/app.fr.public.docx", as_of=AS_OF)
    )  # fmt: skip
    return jobs


def sequential(jobs: list[RenderJob]) -> dict[str, bytes]:
    out = {}
    for job in jobs:
        data = litigate.render(
            job.template_id, case=job.case, as_of=job.as_of, locale=job.locale,
            anonymise=job.anonymise,
        )  # fmt: skip
        template = litigate.drafts.find_template(job.template_id, locale=job.locale)
        out[job.name] = stamp_inputs(data, inputs_fingerprint(job, template.read_bytes()))
    return out


def test_stamping_keeps_the_draft_untouched_and_its_parts(journalist_case):
    data = litigate.render("ecthr/application", case=journalist_case, as_of=AS_OF)
    stamped = stamp_inputs(stamp_inputs(data, "first"), "second")
    assert parts(stamped) == parts(data)
    assert read_inputs(stamped) == (True, "second")
    assert (
        litigate.drafts.package.read_fingerprint(stamped)[0]
        == (litigate.drafts.package.read_fingerprint(data)[0])
    )
    assert text_of(stamped) == text_of(data)


def spawn_pool() -> ProcessPoolExecutor:
    return ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn"))


@pytest.mark.parametrize(
    "executor",
    [None, lambda: ThreadPoolExecutor(3), spawn_pool],
    ids=["default-process-pool", "thread-pool", "spawn-process-pool"],
)
def test_executors_give_the_bytes_of_sequential_rendering(executor, tmp_path, journalist_case):
    jobs = mixed_jobs(journalist_case)
    expected = sequential(jobs)
    if executor is None:
        report = render_many(iter(jobs), out_dir=tmp_path, progress=False)
    else:
        with executor() as pool:
            report = render_many(iter(jobs), out_dir=tmp_path, executor=pool, progress=False)
    assert report.ok, str(report)
    assert report.written == len(jobs)
    assert files(tmp_path) == expected
    plain = litigate.render("ecthr/application", case=journalist_case, as_of=AS_OF)
    assert parts(expected["h/app.en.docx"]) == parts(plain)


@pytest.fixture
def loopback_only(monkeypatch: pytest.MonkeyPatch, _no_network: None) -> None:
    """Allow connections to this machine's loopback addresses only (for a local Dask cluster)."""

    def loopback(address: Any) -> bool:
        if isinstance(address, str | bytes):  # a Unix socket path: stays on this machine
            return True
        host = address[0]
        if host == "localhost":
            return True
        try:
            return ipaddress.ip_address(host).is_loopback
        except ValueError:
            return False

    def refuse(address: Any) -> None:
        msg = (
            f"network access attempted during a test (only loopback is allowed here): {address!r}"
        )
        raise RuntimeError(msg)

    def connect(self: socket.socket, address: Any) -> None:
        if not loopback(address):
            refuse(address)
        _REAL_CONNECT(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not loopback(address):
            refuse(address)
        return _REAL_CONNECT_EX(self, address)

    def create_connection(address: Any, *args: Any, **kwargs: Any) -> socket.socket:
        if not loopback(address):
            refuse(address)
        return _REAL_CREATE_CONNECTION(address, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "create_connection", create_connection)


def test_the_loopback_guard_still_refuses_the_network(loopback_only):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock, pytest.raises(RuntimeError):
        sock.connect(("192.0.2.1", 80))


@pytest.mark.slow
def test_a_dask_cluster_gives_the_same_bytes(tmp_path, journalist_case, loopback_only):
    distributed = pytest.importorskip("distributed")
    jobs = mixed_jobs(journalist_case)
    expected = sequential(jobs)
    with (
        distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        report = render_many(
            iter(jobs), out_dir=tmp_path, executor=client.get_executor(), progress=False
        )
    assert report.ok, str(report)
    assert files(tmp_path) == expected


# ---------------------------------------------------------------- progress


def test_no_output_without_progress(tmp_path, capfd):
    run(make_jobs(2), tmp_path)
    captured = capfd.readouterr()
    assert captured.out == ""
    assert captured.err == ""


def test_progress_goes_to_standard_error(tmp_path, capfd):
    with ThreadPoolExecutor(1) as pool:
        render_many(make_jobs(2), out_dir=tmp_path, executor=pool, progress=True)
    captured = capfd.readouterr()
    assert captured.out == ""
    assert "litigate batch" in captured.err
    assert "2/2" in captured.err


# ---------------------------------------------------------------- command line


def write_case(path: Path, i: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    litigate.dump_case(make_case(i), path)


def batch(argv: list[str]) -> tuple[int, str, str]:
    parser = argparse.ArgumentParser(prog="litigate")
    add_batch_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    out, err = io.StringIO(), io.StringIO()
    code = args.run(args, out, err)
    return code, out.getvalue(), err.getvalue()


def test_cli_batch_renders_cases_times_templates_times_locales(tmp_path):
    write_case(tmp_path / "group" / "aliyev.toml", 1)
    write_case(tmp_path / "group" / "mammadli.toml", 2)
    jobs_file = tmp_path / "jobs.toml"
    jobs_file.write_text(
        textwrap.dedent(
            """
            as_of = 2026-11-23
            [[jobs]]
            cases = ["group/*.toml"]
            templates = ["ecthr/cover-letter"]
            locales = ["en", "fr"]
            [[jobs]]
            cases = ["group/aliyev.toml"]
            templates = ["ecthr/cover-letter"]
            anonymise = true
            """
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out"
    argv = ["batch", str(jobs_file), "--out", str(out), "--workers", "1", "--no-progress"]
    code, text, err = batch([*argv, "--json"])
    assert (code, err) == (0, "")
    data = json.loads(text)
    assert data["written"] == 5
    names = sorted(r["name"] for r in data["results"])
    assert names == [
        "group/aliyev/ecthr-cover-letter.en.docx",
        "group/aliyev/ecthr-cover-letter.en.public.docx",
        "group/aliyev/ecthr-cover-letter.fr.docx",
        "group/mammadli/ecthr-cover-letter.en.docx",
        "group/mammadli/ecthr-cover-letter.fr.docx",
    ]
    assert sorted(files(out)) == names

    code, text, _ = batch(argv)
    assert code == 0
    assert "5 skipped as up to date" in text


def test_cli_batch_reports_problems_with_exit_codes(tmp_path):
    write_case(tmp_path / "good.toml", 1)
    (tmp_path / "bad.toml").write_text('forum = "ecthr"\ncolour = 1\n', encoding="utf-8")
    jobs_file = tmp_path / "jobs.toml"
    jobs_file.write_text(
        'as_of = 2026-11-23\ncases = ["good.toml", "bad.toml"]\n'
        'templates = ["ecthr/cover-letter", "ecthr/nothing"]\n',
        encoding="utf-8",
    )
    code, text, err = batch(["batch", str(jobs_file), "--out", str(tmp_path / "o"),
                             "--workers", "1", "--no-progress"])  # fmt: skip
    assert code == 2  # a case file could not be read
    assert "bad.toml" in err
    assert "1 written" in text
    assert "TemplateNotFoundError" in text

    jobs_file.write_text('cases = ["good.toml"]\ntemplate = ["x/y"]\n', encoding="utf-8")
    code, _, err = batch(["batch", str(jobs_file), "--out", str(tmp_path / "o"), "--no-progress"])
    assert code == 2
    assert "template" in err


def test_cli_exit_code_one_when_a_job_fails(tmp_path):
    write_case(tmp_path / "good.toml", 1)
    jobs_file = tmp_path / "jobs.toml"
    jobs_file.write_text(
        'as_of = 2026-11-23\ncases = ["good.toml"]\ntemplates = ["ecthr/nothing"]\n',
        encoding="utf-8",
    )
    code, _, _ = batch(["batch", str(jobs_file), "--out", str(tmp_path / "o"), "--no-progress",
                        "--workers", "1"])  # fmt: skip
    assert code == 1


def test_fingerprints_are_stable_across_processes(journalist_case):
    job = RenderJob(TEMPLATE, journalist_case, name="a.docx", as_of=AS_OF, extra={"n": {1, 2}})
    here = inputs_fingerprint(job, b"t")
    script = (
        "import pickle, sys; from litigate.batch import inputs_fingerprint; "
        "job = pickle.loads(sys.stdin.buffer.read()); print(inputs_fingerprint(job, b't'))"
    )
    there = subprocess.run(
        [sys.executable, "-c", script], input=pickle.dumps(job), capture_output=True, check=True,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    ).stdout.decode().strip()  # fmt: skip
    assert there == here
    assert hashlib.sha256(b"t").hexdigest() not in here


def test_the_network_guard_allows_unix_sockets_only():
    """The default pool's fork server needs a Unix socket; the network stays closed."""
    from tests.conftest import NetworkBlockedError

    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(NetworkBlockedError),
    ):
        sock.connect(("127.0.0.1", 9))
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock, pytest.raises(OSError) as info:
        sock.connect("/nonexistent/litigate-test.sock")  # reaches the OS: no such file
    assert not isinstance(info.value, NetworkBlockedError)


def test_with_threads_running_the_default_pool_forks_from_a_warm_server():
    """A process running threads is never forked: the workers come from a fork server."""
    import threading

    from litigate.batch.run import _default_executor

    release = threading.Event()
    waiting = threading.Thread(target=release.wait, daemon=True)
    waiting.start()
    try:
        with _default_executor(1) as pool:
            context = pool._mp_context
            assert context is not None
            assert context.get_start_method() == "forkserver"
            modules = pool.submit(_loaded_modules).result()
    finally:
        release.set()
        waiting.join()
    # Loaded by the server (litigate.batch._warm), not by the task.
    assert {"litigate.batch.run", "litigate.batch._warm", "litigate.drafts.engine"} <= modules


@pytest.mark.slow
def test_a_single_threaded_process_forks_warm_workers_and_a_threaded_one_does_not(tmp_path):
    script = textwrap.dedent(
        """
        import threading
        from litigate.batch.run import _default_executor

        def compiled():
            from litigate.drafts.api import _compiled
            return _compiled.cache_info().currsize

        if __name__ == "__main__":
            with _default_executor(2, templates=[("ecthr/cover-letter", "fr")]) as pool:
                import gc
                print(
                    pool._mp_context.get_start_method(),
                    pool.submit(compiled).result(),
                    gc.get_freeze_count(),  # the parent is not left frozen
                )
            release = threading.Event()
            threading.Thread(target=release.wait, daemon=True).start()
            with _default_executor(2) as pool:
                print(pool._mp_context.get_start_method())
            release.set()
        """
    )
    (tmp_path / "pools.py").write_text(script, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(tmp_path / "pools.py")],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    first, second = done.stdout.split("\n")[:2]
    # Forked at once, with the template compiled in the parent before the fork.
    assert first.split() == ["fork", "1", "0"]
    assert second == "forkserver"


def test_a_write_that_fails_in_the_writer_thread_fails_only_its_job(tmp_path, monkeypatch):
    import litigate.batch.run as run_module
    from litigate._files import write_atomic as real
    from litigate.errors import OverwriteRefusedError

    def flaky(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
        if Path(path).name == "x1.docx":
            raise OSError(28, "No space left on device")
        if Path(path).name == "x2.docx":
            msg = "appeared meanwhile"
            raise OverwriteRefusedError(msg, path=str(path))
        return real(path, data, overwrite=overwrite)

    monkeypatch.setattr(run_module, "write_atomic", flaky)
    jobs = [RenderJob(TEMPLATE, make_case(i), name=f"x{i}.docx", as_of=AS_OF) for i in range(4)]
    with ThreadPoolExecutor(1) as pool:
        report = render_many(jobs, out_dir=tmp_path, executor=pool, progress=False, chunk_size=4)
    statuses = {r.name: r.status for r in report.results}
    assert statuses == {
        "x0.docx": JobStatus.WRITTEN,
        "x1.docx": JobStatus.FAILED,
        "x2.docx": JobStatus.REFUSED,
        "x3.docx": JobStatus.WRITTEN,
    }
    failed = next(r for r in report.results if r.name == "x1.docx")
    assert failed.error_type == "OSError"
    assert "No space left" in (failed.error or "")
    assert sorted(p.name for p in tmp_path.glob("*.docx")) == ["x0.docx", "x3.docx"]


def _loaded_modules() -> frozenset[str]:
    import sys

    return frozenset(name for name in sys.modules if name.startswith("litigate"))


# ---------------------------------------------------------------- one pass, cached template files


def test_rendering_with_the_inputs_property_gives_the_bytes_of_stamping(journalist_case):
    """The batch writes the property in the same pass; the result is the stamped draft."""
    from litigate.drafts.api import render_with_properties

    plain = litigate.render("ecthr/application", case=journalist_case, as_of=AS_OF, locale="fr")
    one_pass = render_with_properties(
        "ecthr/application",
        case=journalist_case,
        as_of=AS_OF,
        locale="fr",
        properties={"litigate.inputs": "abc"},
    )
    assert one_pass == stamp_inputs(plain, "abc")
    assert read_inputs(one_pass) == (True, "abc")
    assert parts(one_pass) == parts(plain)


@pytest.mark.parametrize(
    ("properties", "error"),
    [
        ({"litigate.fingerprint": "forged"}, ValueError),
        ({"": "x"}, ValueError),
        ({"litigate.inputs": "a\x00b"}, ValueError),
        ({"litigate.inputs": "\ufdd4FINGERPRINT\ufdd4"}, ValueError),
        ({"litigate.inputs": 3}, TypeError),
    ],
)
def test_custom_properties_cannot_forge_the_fingerprint_or_break_the_xml(
    journalist_case, properties, error
):
    from litigate.drafts.api import render_with_properties

    with pytest.raises(error):
        render_with_properties(
            "ecthr/cover-letter", case=journalist_case, as_of=AS_OF, properties=properties
        )


def test_stamping_a_draft_whose_custom_part_is_broken_is_a_document_error(journalist_case):
    from litigate.errors import DocumentError

    data = litigate.render("ecthr/cover-letter", case=journalist_case, as_of=AS_OF)
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as broken:
        for info in source.infolist():
            body = source.read(info)
            broken.writestr(
                info, b"<Properties" if info.filename == "docProps/custom.xml" else body
            )
    with pytest.raises(DocumentError) as caught:
        stamp_inputs(buffer.getvalue(), "abc")
    assert caught.value.reason == "bad_xml"


def test_an_edited_template_is_read_again(tmp_path, journalist_case):
    """Template files are cached by what ``stat`` says: an edit shows at the next render."""
    from litigate.drafts.api import template_source

    firm = tmp_path / "firm" / "ecthr"
    firm.mkdir(parents=True)
    target = firm / "cover-letter.docx"
    cover = litigate.drafts.find_template("ecthr/cover-letter").read_bytes()
    application = litigate.drafts.find_template("ecthr/application").read_bytes()
    target.write_bytes(cover)
    dirs = [tmp_path / "firm"]
    first, data = template_source("ecthr/cover-letter", template_dirs=dirs)
    assert data == cover
    assert template_source("ecthr/cover-letter", template_dirs=dirs)[0] == first
    before = litigate.render(
        "ecthr/cover-letter", case=journalist_case, as_of=AS_OF, template_dirs=dirs
    )
    target.write_bytes(application)  # in place: same inode, another size
    second, data = template_source("ecthr/cover-letter", template_dirs=dirs)
    assert data == application
    assert second == hashlib.sha256(application).hexdigest() != first
    after = litigate.render(
        "ecthr/cover-letter", case=journalist_case, as_of=AS_OF, template_dirs=dirs
    )
    assert text_of(after) != text_of(before)
    assert text_of(after) == text_of(
        litigate.render("ecthr/application", case=journalist_case, as_of=AS_OF)
    )


def test_a_batch_re_renders_after_its_template_changes(tmp_path, journalist_case):
    firm = tmp_path / "firm" / "ecthr"
    firm.mkdir(parents=True)
    target = firm / "cover-letter.docx"
    target.write_bytes(litigate.drafts.find_template("ecthr/cover-letter").read_bytes())
    job = RenderJob(
        "ecthr/cover-letter", journalist_case, name="c.docx", as_of=AS_OF,
        template_dirs=[tmp_path / "firm"],
    )  # fmt: skip
    out = tmp_path / "out"
    with ThreadPoolExecutor(1) as pool:
        assert render_many([job], out_dir=out, executor=pool, progress=False).written == 1
        assert render_many([job], out_dir=out, executor=pool, progress=False).skipped == 1
        target.write_bytes(litigate.drafts.find_template("ecthr/application").read_bytes())
        assert render_many([job], out_dir=out, executor=pool, progress=False).written == 1


@contextlib.contextmanager
def _pickled_jobs() -> Iterator[list[str]]:
    """The names of the RenderJob values pickled inside the block."""
    calls: list[str] = []
    original = RenderJob.__reduce_ex__

    def spy(self: RenderJob, protocol: Any) -> Any:
        calls.append(self.name)
        return original(self, protocol)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(RenderJob, "__reduce_ex__", spy)
        yield calls


def test_a_chunk_gives_dask_a_unique_token_without_pickling_its_jobs(journalist_case):
    """Each task writes files: it must never be taken for an equal, "pure" one (and be cheap)."""
    pytest.importorskip("dask")
    from dask.base import tokenize

    from litigate.batch.run import _Chunk

    jobs = (RenderJob(TEMPLATE, journalist_case, name="a.docx", as_of=AS_OF),)
    first, second = _Chunk(jobs), _Chunk(jobs)
    assert tokenize(first) != tokenize(second)
    assert tokenize(first) == tokenize(first)
    with _pickled_jobs() as calls:
        tokenize(_Chunk(jobs), "folder", False)  # as render_many submits it
    assert calls == []
    assert pickle.loads(pickle.dumps(first)) == first


def test_a_draft_edited_while_the_batch_renders_it_is_kept(tmp_path, journalist_case, monkeypatch):
    """Found untouched but stale, then saved by a lawyer before the new one is written: kept."""
    from litigate.drafts import api

    job = RenderJob(TEMPLATE, journalist_case, name="c.docx", as_of=AS_OF)
    with ThreadPoolExecutor(1) as pool:
        assert render_many([job], out_dir=tmp_path, executor=pool, progress=False).written == 1
    target = tmp_path / "c.docx"
    real = api.render_with_properties

    def render_while_the_lawyer_saves(*args: Any, **kwargs: Any) -> bytes:
        data = real(*args, **kwargs)
        target.write_bytes(b"the lawyer's edit, saved meanwhile")
        return data

    monkeypatch.setattr(api, "render_with_properties", render_while_the_lawyer_saves)
    later = attrs.evolve(job, as_of=date(2026, 11, 24))  # stale: it must be rendered again
    for chunk in (1, 2):
        target.write_bytes((tmp_path / "c.docx").read_bytes())
        with ThreadPoolExecutor(1) as pool:
            report = render_many(
                [later, attrs.evolve(later, name="other.docx")][:chunk],
                out_dir=tmp_path, executor=pool, progress=False, chunk_size=chunk,
            )  # fmt: skip
        result = next(r for r in report.results if r.name == "c.docx")
        assert result.status is JobStatus.REFUSED, str(report)
        assert "changed while the batch was rendering it" in (result.error or "")
        assert target.read_bytes() == b"the lawyer's edit, saved meanwhile"
        (tmp_path / "other.docx").unlink(missing_ok=True)
        with ThreadPoolExecutor(1) as pool:  # restore an untouched stale draft for the next round
            monkeypatch.setattr(api, "render_with_properties", real)
            target.unlink()
            render_many([job], out_dir=tmp_path, executor=pool, progress=False)
            monkeypatch.setattr(api, "render_with_properties", render_while_the_lawyer_saves)


def test_a_link_or_a_pipe_where_a_draft_goes_is_never_read(tmp_path, journalist_case):
    import threading

    outside = tmp_path.parent / f"{tmp_path.name}-outside.docx"
    outside.write_bytes(b"someone else's file")
    out = tmp_path / "out"
    out.mkdir()
    (out / "linked.docx").symlink_to(outside)
    os.mkfifo(out / "pipe.docx")
    jobs = [
        RenderJob(TEMPLATE, journalist_case, name=name, as_of=AS_OF)
        for name in ("linked.docx", "pipe.docx")
    ]
    done: list[BatchReport] = []

    def run_it() -> None:
        with ThreadPoolExecutor(1) as pool:
            done.append(render_many(jobs, out_dir=out, executor=pool, progress=False))

    worker = threading.Thread(target=run_it, daemon=True)
    worker.start()
    worker.join(timeout=60)
    assert done, "the batch blocked reading a pipe"
    assert {r.name: r.status for r in done[0].results} == {
        "linked.docx": JobStatus.REFUSED,
        "pipe.docx": JobStatus.REFUSED,
    }
    assert outside.read_bytes() == b"someone else's file"
    assert (out / "linked.docx").is_symlink()


def test_temporaries_of_tracked_files_are_cleaned_too(tmp_path):
    leftovers = [
        tmp_path / ".docket.csv.k2j4_x9a.tmp",
        tmp_path / ".litigate-written.json.ab12cd34.tmp",
    ]
    for path in leftovers:
        path.write_bytes(b"half")
    run(make_jobs(1), tmp_path)
    assert not any(path.exists() for path in leftovers)


def test_a_job_that_cannot_reach_a_worker_fails_alone(tmp_path, journalist_case):
    """A value that does not pickle fails its own job, named, not the rest of its chunk."""
    jobs = [
        RenderJob(TEMPLATE, journalist_case, name=f"{i}.docx", as_of=AS_OF, extra=extra)
        for i, extra in enumerate([{}, {"note": lambda: "x"}, {}, {}])
    ]
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        report = render_many(jobs, out_dir=tmp_path, executor=pool, chunk_size=4, progress=False)
    by_name = {r.name: r for r in report.results}
    assert by_name["1.docx"].status is JobStatus.FAILED
    assert "cannot be sent to a worker process" in (by_name["1.docx"].error or "")
    assert [by_name[f"{i}.docx"].status for i in (0, 2, 3)] == [JobStatus.WRITTEN] * 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["0.docx", "2.docx", "3.docx"]


def test_jobs_travel_to_another_process_pickled_once_as_bytes(journalist_case):
    """A scheduler in between (Dask's) copies bytes, never unpickles the cases."""
    from litigate.batch.run import _pack

    jobs = [RenderJob(TEMPLATE, journalist_case, name=f"{i}.docx", as_of=AS_OF) for i in range(3)]
    chunk, sent, unsent = _pack(jobs, same_process=False)
    assert chunk is not None and chunk.payload is not None and chunk.jobs_ is None
    assert sent == jobs and unsent == []
    with _pickled_jobs() as calls:
        copy = pickle.loads(pickle.dumps(chunk))
    assert calls == []
    assert copy.jobs == tuple(jobs)
    same, _, _ = _pack(jobs, same_process=True)
    assert same is not None and same.payload is None and same.jobs == tuple(jobs)


class _Recording(Executor):
    """Runs tasks on threads, after recording how many jobs each carries."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(2)
        self.sizes: list[int] = []

    def submit(self, fn, /, *args, **kwargs):
        self.sizes.append(len(args[0].jobs))
        return self.pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait=True, *, cancel_futures=False):
        self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def test_a_list_of_jobs_goes_in_chunks_that_shrink_towards_its_end(tmp_path, monkeypatch):
    """Large tasks first (few round trips), small ones last (workers finish together)."""
    from litigate.batch import run as batch_run

    monkeypatch.setattr(batch_run, "_cpu_count", lambda: 2)
    jobs = make_jobs(300)
    with _Recording() as executor:
        report = render_many(jobs, out_dir=tmp_path, executor=executor, progress=False)
    assert report.written == 300
    sizes = executor.sizes
    assert sum(sizes) == 300
    assert sizes == sorted(sizes, reverse=True)
    assert sizes[0] == 300 // 8  # a quarter of each of the 2 CPUs' share
    assert sizes[-1] == 1
    assert len(sizes) < 300 // 4  # far fewer tasks than jobs
    # A generator (length unknown): fixed chunks of 16; an explicit size wins.
    with _Recording() as executor:
        render_many(iter(make_jobs(40)), out_dir=tmp_path / "g", executor=executor, progress=False)
    assert executor.sizes == [16, 16, 8]
    with _Recording() as executor:
        render_many(
            jobs[:10], out_dir=tmp_path / "e", executor=executor, chunk_size=3, progress=False
        )
    assert executor.sizes == [3, 3, 3, 1]


@given(remaining=st.integers(0, 100_000), workers=st.integers(1, 256))
def test_guided_chunks_stay_between_one_and_the_largest(remaining, workers):
    from litigate.batch.run import _MAX_CHUNK, _guided

    size = _guided(remaining, workers)
    assert 1 <= size <= _MAX_CHUNK
    assert size <= max(1, remaining)
