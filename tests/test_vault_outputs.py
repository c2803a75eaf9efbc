"""Outputs written encrypted (``NAME.age``, never in clear) and read back transparently."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import pytest

from litigate._files import FileStatus, read_clear, write_atomic, write_tracked
from litigate.cli import main
from litigate.drafts.api import find_template
from litigate.drafts.pdf import write_pdf
from litigate.errors import InputError, OverwriteRefusedError
from litigate.group.spreadsheet import load_group
from litigate.parse.docx import read_docx_paragraphs
from litigate.parse.followup import read_follow_up_letter
from litigate.parse.observations import read_observations
from litigate.parse.registry import read_registry_letter
from litigate.vault import encrypt_bytes, encrypt_file, scrub, unlocked
from tests.docx_factory import gasimzade_docx

ROOT = Path(__file__).parent.parent
EXAMPLE = ROOT / "examples" / "judgment-execution"
GROUP = ROOT / "examples" / "nardaran-group"
PW = "correct horse battery"
NAME = b"Sadigzade"  # the applicant of the example case: must never reach the disk in clear


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LITIGATE_PASSPHRASE", PW)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # never a prompt in the tests


@pytest.fixture
def no_key(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LITIGATE_PASSPHRASE", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def _all_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def _no_clear(folder: Path, marker: bytes = NAME) -> None:
    leaked = [name for name, data in _all_bytes(folder).items() if marker in data]
    assert leaked == []


# ---------------------------------------------------------------- the writers


def test_write_atomic_puts_only_ciphertext_on_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, no_key: None
) -> None:
    seen: dict[str, bytes] = {}
    real_fsync = os.fsync

    def spy(fd: int) -> None:  # the temporary file is whole when it is flushed
        real_fsync(fd)
        seen.update(_all_bytes(tmp_path))

    monkeypatch.setattr(os, "fsync", spy)
    clear = b"Call Elvin Sadigzade on Monday."
    with unlocked(PW):
        target = write_atomic(tmp_path / "notes.txt.age", clear)
        assert read_clear(target, 1000) == clear
    assert any(name.endswith(".tmp") for name in seen)  # the temporary file was seen...
    assert all(NAME not in data for data in seen.values())  # ...holding ciphertext only
    assert target.read_bytes().startswith(b"age-encryption.org/v1\n")
    _no_clear(tmp_path)
    # Bytes that already are an age file are not encrypted twice.
    blob = target.read_bytes()
    assert write_atomic(tmp_path / "copy.txt.age", blob).read_bytes() == blob
    # No passphrase: refused before anything is written (never a clear fallback).
    with pytest.raises(InputError, match="no passphrase; set LITIGATE_PASSPHRASE"):
        write_atomic(tmp_path / "other.txt.age", clear)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.txt.age", "notes.txt.age"]


def test_write_tracked_records_the_ciphertext_digest(tmp_path: Path, key: None) -> None:
    target = tmp_path / "docket.csv.age"
    clear = b"case,deadline\nSadigzade v. Azerbaijan,2027-03-12\n"
    assert write_tracked(target, clear) is FileStatus.WRITTEN
    record_text = (tmp_path / ".litigate-written.json").read_text(encoding="utf-8")
    assert json.loads(record_text) == {
        "docket.csv.age": hashlib.sha256(target.read_bytes()).hexdigest()
    }
    assert hashlib.sha256(clear).hexdigest() not in record_text  # nothing of the clear text
    assert read_clear(target, 10_000) == clear
    # Untouched since litigate wrote it: replaced (a new ciphertext each time).
    assert write_tracked(target, clear + b"x,y\n") is FileStatus.WRITTEN
    assert read_clear(target, 10_000) == clear + b"x,y\n"
    # Decrypted, edited and encrypted again by hand: kept.
    target.write_bytes(encrypt_bytes(b"a lawyer's notes", passphrase=PW))
    edited = target.read_bytes()
    assert write_tracked(target, clear) is FileStatus.REFUSED
    assert target.read_bytes() == edited
    _no_clear(tmp_path)


def test_write_pdf_encrypted_keeps_an_annotated_pdf(tmp_path: Path, key: None) -> None:
    target = tmp_path / "reply.pdf.age"
    write_pdf(target, b"%PDF-1.7 Sadigzade v1")
    write_pdf(target, b"%PDF-1.7 Sadigzade v2")  # as litigate wrote it: replaced
    assert read_clear(target, 1000) == b"%PDF-1.7 Sadigzade v2"
    target.write_bytes(encrypt_bytes(b"%PDF-1.7 annotated", passphrase=PW))
    with pytest.raises(OverwriteRefusedError, match="not as litigate wrote it"):
        write_pdf(target, b"%PDF-1.7 v3")
    assert read_clear(target, 1000) == b"%PDF-1.7 annotated"
    _no_clear(tmp_path)


def _edit_docx(data: bytes) -> bytes:
    """The DOCX with a word changed in its body, as a lawyer's edit in Word would."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as edited:
        for info in source.infolist():
            part = source.read(info.filename)
            if info.filename == "word/document.xml":
                part = part.replace(
                    b"</w:body>", b"<w:p><w:r><w:t>edit</w:t></w:r></w:p></w:body>"
                )
            edited.writestr(info, part)
    return out.getvalue()


def test_render_encrypt_round_trip_and_an_edited_draft_is_kept(tmp_path: Path, key: None) -> None:
    argv = [
        "render", str(EXAMPLE / "case.toml"), "ecthr/cover-letter", "--out", str(tmp_path),
        "--as-of", "2026-12-07", "--draft", "--encrypt",
    ]  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, out=out, err=err) == 0, err.getvalue()
    target = tmp_path / "ecthr-cover-letter.en.docx.age"
    assert out.getvalue() == f"{target}\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]
    text = "\n".join(p.label for p in read_docx_paragraphs(target))  # decrypted in memory
    assert "Sadigzade" in text
    _no_clear(tmp_path)
    # Untouched (its fingerprint, inside the encrypted DOCX, still matches): replaced.
    assert main(argv, out=io.StringIO(), err=io.StringIO()) == 0
    # Edited in Word and encrypted again: kept, and the command says so.
    edited = encrypt_bytes(_edit_docx(read_clear(target, 50_000_000)), passphrase=PW)
    target.write_bytes(edited)
    err = io.StringIO()
    assert main(argv, out=io.StringIO(), err=err) == 2
    assert "not as litigate wrote it" in err.getvalue()
    assert target.read_bytes() == edited
    # --encrypt with --pdf would pass the clear draft through LibreOffice's files: refused.
    err = io.StringIO()
    assert main([*argv, "--pdf"], out=io.StringIO(), err=err) == 2
    assert "--encrypt with --pdf is refused" in err.getvalue()


def test_encrypt_without_a_passphrase_writes_nothing(tmp_path: Path, no_key: None) -> None:
    out_dir = tmp_path / "out"
    err = io.StringIO()
    argv = [
        "render", str(EXAMPLE / "case.toml"), "ecthr/cover-letter", "--out", str(out_dir),
        "--as-of", "2026-12-07", "--draft", "--encrypt",
    ]  # fmt: skip
    assert main(argv, out=io.StringIO(), err=err) == 2
    assert "--encrypt needs a passphrase: set LITIGATE_PASSPHRASE" in err.getvalue()
    err = io.StringIO()
    argv = ["calendar", str(EXAMPLE / "case.toml"), "--out", str(out_dir / "d.ics"), "--encrypt"]
    assert main(argv, out=io.StringIO(), err=err) == 2
    assert not out_dir.exists()


def test_calendar_and_docket_outputs_encrypted_and_read_back(tmp_path: Path, key: None) -> None:
    calendar = tmp_path / "deadlines.ics"
    argv = [
        "calendar",
        str(EXAMPLE / "case.toml"),
        "--out",
        str(calendar),
        "--as-of",
        "2026-12-07",
    ]
    assert main([*argv, "--encrypt"], out=io.StringIO()) == 0
    assert not calendar.exists()
    ics = read_clear(tmp_path / "deadlines.ics.age", 10_000_000).replace(b"\r\n ", b"")
    assert ics.startswith(b"BEGIN:VCALENDAR") and NAME in ics
    cases = tmp_path / "cases"
    (cases / "sadigzade").mkdir(parents=True)
    shutil.copy(EXAMPLE / "case.toml", cases / "sadigzade" / "case.toml")
    saved, picture = tmp_path / "docket.json", tmp_path / "docket.svg"
    docket = ["docket", str(cases), "--as-of", "2026-12-07"]
    argv = [*docket, "--save", str(saved), "--timeline", str(picture), "--encrypt"]
    assert main(argv, out=io.StringIO()) == 0
    assert not saved.exists() and not picture.exists()
    assert json.loads(read_clear(tmp_path / "docket.json.age", 10_000_000))["entries"]
    assert read_clear(tmp_path / "docket.svg.age", 10_000_000).lstrip().startswith(b"<")
    for output in tmp_path.glob("docket.*"):
        assert NAME not in output.read_bytes()
    # What moved since a docket saved encrypted.
    out = io.StringIO()
    assert main([*docket, "--since", str(tmp_path / "docket.json.age")], out=out) == 0
    assert f"What moved since {tmp_path / 'docket.json.age'}: 0" in out.getvalue()


def test_batch_and_group_write_every_file_encrypted(tmp_path: Path, key: None) -> None:
    shutil.copy(EXAMPLE / "case.toml", tmp_path / "sadigzade.toml")
    jobs = tmp_path / "jobs.toml"
    jobs.write_text(
        textwrap.dedent(
            """
            as_of = 2026-12-07
            [[jobs]]
            cases = ["sadigzade.toml"]
            templates = ["ecthr/cover-letter"]
            draft = true
            """
        ),
        encoding="utf-8",
    )
    drafts = tmp_path / "drafts"
    argv = ["batch", str(jobs), "--out", str(drafts), "--workers", "1", "--no-progress"]
    out, err = io.StringIO(), io.StringIO()
    assert main([*argv, "--encrypt"], out=out, err=err) == 0, err.getvalue() + out.getvalue()
    (written,) = (p for p in drafts.rglob("*") if p.is_file())
    assert written.name == "ecthr-cover-letter.en.docx.age"
    assert "Sadigzade" in "\n".join(p.label for p in read_docx_paragraphs(written))
    _no_clear(drafts)
    out = io.StringIO()
    assert main([*argv, "--encrypt"], out=out, err=io.StringIO()) == 0
    assert "1 skipped as up to date" in out.getvalue()  # its inputs read through the cipher

    sheet = tmp_path / "applicants.csv"
    sheet.write_bytes(
        b"applicant_id,name,decision1_court,decision1_taken_on\n"
        b"A1,Rauf Sadigzade,Baku Court of Appeal,2025-12-10\n"
        b"A2,Elnur Sadigzade,Baku Court of Appeal,2025-06-02\n"
    )
    base = tmp_path / "base.toml"
    base.write_text(
        'forum = "ecthr"\nrespondent = "AZE"\n[[complaints]]\nprovision = "ECHR-5-1"\n'
    )
    group = tmp_path / "group"
    argv = ["group", str(base), str(sheet), "--out", str(group), "--as-of", "2026-01-05"]
    err = io.StringIO()
    assert main([*argv, "--draft", "--workers", "1", "--encrypt"], out=io.StringIO(), err=err) == 0
    names = sorted(_all_bytes(group))
    assert names == [  # the forms carry their own fingerprint, inside the encrypted DOCX
        ".litigate-written.json",
        "applicants-table.xlsx.age",
        "docket.csv.age",
        "forms/application-A1.en.docx.age",
        "forms/application-A2.en.docx.age",
    ]
    _no_clear(group)
    assert b"Rauf Sadigzade" in read_clear(group / "docket.csv.age", 10_000_000)


def test_reply_reads_encrypted_observations_and_writes_encrypted(
    tmp_path: Path, key: None
) -> None:
    observations = tmp_path / "observations.docx.age"
    observations.write_bytes(encrypt_bytes(gasimzade_docx("en"), passphrase=PW))
    argv = [
        "reply", str(EXAMPLE / "case.toml"), str(observations), "--out",
        str(tmp_path / "reply.docx"), "--as-of", "2026-12-07", "--draft", "--encrypt",
    ]  # fmt: skip
    out, err = io.StringIO(), io.StringIO()
    assert main(argv, out=out, err=err) == 0, err.getvalue()
    assert out.getvalue().endswith(f"to review: {tmp_path / 'reply.docx.age'}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "observations.docx.age",
        "reply.docx.age",
    ]
    assert "Sadigzade" in "\n".join(
        p.label for p in read_docx_paragraphs(tmp_path / "reply.docx.age")
    )
    _no_clear(tmp_path)


# ---------------------------------------------------------------- the readers


def test_readers_decrypt_in_memory(tmp_path: Path, key: None) -> None:
    observations = tmp_path / "gasimzade.docx"
    observations.write_bytes(gasimzade_docx("en"))
    letter = tmp_path / "isarlov.txt"
    shutil.copy(ROOT / "tests" / "data" / "real" / "registry" / "isarlov-2013-01-11.txt", letter)
    follow_up = tmp_path / "follow-up.txt"
    shutil.copy(ROOT / "tests" / "data" / "followup" / "cat-aze-layout.txt", follow_up)
    sheet = tmp_path / "applicants.csv"
    shutil.copy(GROUP / "applicants.csv", sheet)
    clear = (
        read_observations(observations).paragraphs,
        read_registry_letter(letter).time_limits,
        read_follow_up_letter(follow_up).items,
        load_group(sheet, base=GROUP / "base.toml").members,
    )
    for path in (observations, letter, follow_up, sheet):
        encrypt_file(path, passphrase=PW)
        assert not path.exists()
    sealed = (
        read_observations(tmp_path / "gasimzade.docx.age"),
        read_registry_letter(tmp_path / "isarlov.txt.age"),
        read_follow_up_letter(tmp_path / "follow-up.txt.age"),
        load_group(tmp_path / "applicants.csv.age", base=GROUP / "base.toml"),
    )
    assert sealed[0].paragraphs == clear[0] and (sealed[0].path or "").endswith(
        "gasimzade.docx.age"
    )
    assert sealed[1].time_limits == clear[1] and clear[1]
    assert sealed[2].items == clear[2] and clear[2]
    assert sealed[3].members == clear[3] and len(clear[3]) == 75


def test_wrong_key_and_damaged_file_name_the_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: None
) -> None:
    target = tmp_path / "gasimzade.docx.age"
    target.write_bytes(encrypt_bytes(gasimzade_docx("en"), passphrase=PW))
    before = _all_bytes(tmp_path)
    monkeypatch.setenv("LITIGATE_PASSPHRASE", "not the passphrase")
    with pytest.raises(InputError) as caught:
        read_observations(target)
    assert (
        str(caught.value) == f"cannot decrypt {target}: wrong passphrase, or the file is damaged"
    )
    assert caught.value.value == str(target)
    monkeypatch.setenv("LITIGATE_PASSPHRASE", PW)
    data = target.read_bytes()
    damaged = tmp_path / "damaged.docx.age"
    damaged.write_bytes(data[:-64] + bytes(64))
    with pytest.raises(InputError, match=f"cannot decrypt {damaged}: .*damaged"):
        read_docx_paragraphs(damaged)
    assert _all_bytes(tmp_path) == {**before, "damaged.docx.age": damaged.read_bytes()}


def test_the_size_limit_applies_to_the_clear_content(tmp_path: Path, no_key: None) -> None:
    small = tmp_path / "small.txt.age"
    small.write_bytes(encrypt_bytes(b"x" * 100, passphrase=PW))
    with unlocked(PW):
        assert read_clear(small, 10) == b"x" * 11  # limit + 1: the caller refuses it
    # A ciphertext too long for any clear content under the limit is not even decrypted
    # (no passphrase is set here).
    huge = tmp_path / "huge.txt.age"
    huge.write_bytes(b"age-encryption.org/v1\n" + bytes(10_000))
    assert len(read_clear(huge, 100)) == 101


def test_firm_templates_may_be_encrypted(tmp_path: Path, key: None) -> None:
    firm = tmp_path / "firm"
    (firm / "ecthr").mkdir(parents=True)
    packaged = find_template("ecthr/cover-letter", locale="en")
    sealed = firm / "ecthr" / "cover-letter.en.docx.age"
    sealed.write_bytes(encrypt_bytes(packaged.read_bytes(), passphrase=PW))
    assert find_template("ecthr/cover-letter", locale="en", template_dirs=[firm]) == sealed
    argv = [
        "render", str(EXAMPLE / "case.toml"), "ecthr/cover-letter", "--out", str(tmp_path),
        "--as-of", "2026-12-07", "--draft", "--template-dir", str(firm),
    ]  # fmt: skip
    err = io.StringIO()
    assert main(argv, out=io.StringIO(), err=err) == 0, err.getvalue()
    assert NAME in b"".join(
        zipfile.ZipFile(tmp_path / "ecthr-cover-letter.en.docx").read(n)
        for n in ("word/document.xml",)
    )


# ---------------------------------------------------------------- a crash, the scrub


_WORKER = """
import sys
from pathlib import Path
from litigate._files import write_atomic
from litigate.vault import unlocked
clear = Path(sys.argv[2]).read_bytes()
with unlocked("pw"):
    for n in range(40):
        write_atomic(Path(sys.argv[1]) / f"{n:03}.toml.age", clear + b"#" * (n * 5000))
"""


def test_killed_process_leaves_no_clear_output(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    worker = subprocess.Popen(
        [sys.executable, "-c", _WORKER, str(out), str(EXAMPLE / "case.toml")],
        env={k: v for k, v in os.environ.items() if k != "LITIGATE_PASSPHRASE"},
    )
    while not list(out.glob("*.age")) and worker.poll() is None:
        time.sleep(0.01)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    assert list(out.glob("*.age"))
    _no_clear(out)  # whole outputs and any interrupted temporary file: ciphertext only


def test_scrub_and_encrypted_outputs(tmp_path: Path, key: None) -> None:
    shutil.copy(EXAMPLE / "case.toml", tmp_path / "case.toml")
    with unlocked(PW):
        write_atomic(tmp_path / "reply.txt.age", b"Elvin Sadigzade")
        write_atomic(tmp_path / "Elvin Sadigzade v. Azerbaijan - reply.txt.age", b"x")
    listed = {p.path.name: p.reason for p in scrub(tmp_path)}
    assert listed == {
        "case.toml": "case file in clear (encrypt it)",
        "Elvin Sadigzade v. Azerbaijan - reply.txt.age": (
            "encrypted, but its file name names a person"
        ),
    }
    # The names come from encrypted case files too, when the passphrase is set.
    encrypt_file(tmp_path / "case.toml", passphrase=PW)
    assert [p.path.name for p in scrub(tmp_path)] == [
        "Elvin Sadigzade v. Azerbaijan - reply.txt.age"
    ]
    with pytest.raises(InputError, match="already encrypted"):
        encrypt_file(tmp_path / "reply.txt.age", passphrase=PW)
