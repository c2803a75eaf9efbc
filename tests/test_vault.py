"""Encryption at rest (age via pyrage), transparent loading, and the scrub of clear files."""

from __future__ import annotations

import io
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import litigate
from litigate.cli import main
from litigate.errors import InputError
from litigate.vault import decrypt_bytes, encrypt_file, scrub

EXAMPLE = Path(__file__).parent.parent / "examples" / "judgment-execution"


def test_round_trip_through_load_case(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clear = tmp_path / "case.toml"
    shutil.copy(EXAMPLE / "case.toml", clear)
    original = litigate.load_case(clear)
    sealed = encrypt_file(clear, passphrase="s3cret words")
    assert sealed.name == "case.toml.age" and not clear.exists()
    assert b"Sadigzade" not in sealed.read_bytes()
    monkeypatch.setenv("LITIGATE_PASSPHRASE", "s3cret words")
    assert litigate.load_case(sealed) == original


def test_wrong_key_and_damaged_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    clear = tmp_path / "case.toml"
    shutil.copy(EXAMPLE / "case.toml", clear)
    sealed = encrypt_file(clear, passphrase="right")
    before = sealed.read_bytes()
    monkeypatch.setenv("LITIGATE_PASSPHRASE", "wrong")
    with pytest.raises(InputError, match="wrong passphrase, or the file is damaged") as caught:
        litigate.load_case(sealed)
    message = str(caught.value).replace(str(sealed), "FILE")
    assert message == "cannot decrypt FILE: wrong passphrase, or the file is damaged"  # not echoed
    assert sealed.read_bytes() == before  # nothing overwritten
    damaged = before[:-40] + bytes(40)
    with pytest.raises(InputError, match="damaged"):
        decrypt_bytes(damaged, passphrase="right")
    monkeypatch.delenv("LITIGATE_PASSPHRASE")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with pytest.raises(InputError, match="LITIGATE_PASSPHRASE"):
        litigate.load_case(sealed)


_WORKER = """
import sys
from pathlib import Path
from litigate.vault import encrypt_file
for path in sorted(Path(sys.argv[1]).glob("*.toml")):
    encrypt_file(path, passphrase="pw")
"""


def test_killed_process_leaves_nothing_in_clear(tmp_path: Path) -> None:
    text = (EXAMPLE / "case.toml").read_bytes()
    for n in range(12):
        (tmp_path / f"{n:03}.toml").write_bytes(text + b"\n# " + b"x" * 20000)
    worker = subprocess.Popen([sys.executable, "-c", _WORKER, str(tmp_path)])
    while not list(tmp_path.glob("*.age")) and worker.poll() is None:
        time.sleep(0.01)
    worker.send_signal(signal.SIGKILL)
    worker.wait()
    for path in tmp_path.iterdir():
        data = path.read_bytes()
        if path.suffix == ".toml":
            assert data.startswith(text)  # an original, whole
        elif path.suffix == ".age":
            assert decrypt_bytes(data, passphrase="pw").startswith(text)
        else:  # an interrupted temporary file holds ciphertext only
            assert b"Sadigzade" not in data
    assert list(tmp_path.glob("*.age"))


def test_scrub_lists_clear_case_files_and_outputs(tmp_path: Path) -> None:
    shutil.copy(EXAMPLE / "case.toml", tmp_path / "case.toml")
    (tmp_path / "notes.txt").write_text("Call Elvin Sadigzade on Monday.", encoding="utf-8")
    (tmp_path / "other.txt").write_text("Nothing personal here.", encoding="utf-8")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    listed = {p.path.name: p.reason for p in scrub(tmp_path)}
    assert set(listed) == {"case.toml", "notes.txt", "scan.pdf"}
    out = io.StringIO()
    assert main(["scrub", str(tmp_path), "--strict"], out=out) == 1
    assert "3 file(s) with personal data in clear" in out.getvalue()
    encrypt_file(tmp_path / "case.toml", passphrase="pw")
    assert "case.toml" not in {p.path.name for p in scrub(tmp_path)}


def test_calendar_cli_anonymise(tmp_path: Path) -> None:
    target = tmp_path / "deadlines.ics"
    code = main(
        [
            "calendar",
            str(EXAMPLE / "case.toml"),
            "--out",
            str(target),
            "--as-of",
            "2026-12-07",
            "--anonymise",
        ],
        out=io.StringIO(),
    )
    assert code == 0
    data = target.read_bytes().replace(b"\r\n ", b"")
    assert b"Sadigzade" not in data and b"E.S. (no. 41872/24)" in data


def test_docket_reads_encrypted_case_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "sadigzade"
    folder.mkdir()
    shutil.copy(EXAMPLE / "case.toml", folder / "case.toml")
    encrypt_file(folder / "case.toml", passphrase="pw")
    monkeypatch.setenv("LITIGATE_PASSPHRASE", "pw")
    out = io.StringIO()
    assert main(["docket", str(tmp_path), "--as-of", "2026-12-07"], out=out) == 0
    assert "Sadigzade v. Azerbaijan" in out.getvalue()
    monkeypatch.setenv("LITIGATE_PASSPHRASE", "wrong")
    err = io.StringIO()
    assert (
        main(["docket", str(tmp_path), "--as-of", "2026-12-07"], out=io.StringIO(), err=err) == 2
    )
    assert "wrong passphrase" in err.getvalue() and "wrong\n" not in err.getvalue()
