"""The age primitives live at the bottom (litigate._age): _files uses them without importing vault."""

from __future__ import annotations

import ast
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import litigate._age as age
from litigate import vault
from litigate._files import read_clear, write_atomic, write_tracked
from litigate.errors import InputError

ROOT = Path(__file__).parent.parent
SRC = ROOT / "src" / "litigate"


def _imported(path: Path) -> set[str]:
    """Every module a file imports, at any depth (lazy imports inside functions too)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_bottom_contract_has_no_exception_and_holds_age() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    bottom = [c for c in contracts if "litigate._files" in c.get("source_modules", [])]
    assert len(bottom) == 1
    assert "litigate._age" in bottom[0]["source_modules"]
    assert "litigate.vault" in bottom[0]["forbidden_modules"]
    assert not bottom[0].get("ignore_imports")


@pytest.mark.parametrize("name", ["_files.py", "_age.py"])
def test_the_bottom_never_imports_vault(name: str) -> None:
    ours = {m for m in _imported(SRC / name) if m.startswith("litigate")}
    assert "litigate.vault" not in ours
    assert ours <= {"litigate._age", "litigate.errors"}


@pytest.mark.slow
def test_reading_and_writing_an_age_file_does_not_load_vault(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from litigate._age import unlocked\n"
        "from litigate._files import read_clear, write_atomic\n"
        f"target = {str(tmp_path / 'notes.txt.age')!r}\n"
        "with unlocked('correct horse'):\n"
        "    write_atomic(target, b'Rauf Aliyev')\n"
        "    assert read_clear(target, 100) == b'Rauf Aliyev'\n"
        "print('litigate.vault' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.strip() == "False"


def test_vault_re_exports_the_same_objects() -> None:
    for name in age.__all__:
        if name == "AGE_HEADER":
            continue
        assert name in vault.__all__
        assert getattr(vault, name) is getattr(age, name)
    assert getattr(vault, "AGE_HEADER") is age.AGE_HEADER  # noqa: B009 - not in vault.__all__


def test_vault_unlocked_reaches_the_writer_and_the_reader(tmp_path: Path) -> None:
    target = tmp_path / "docket.csv.age"
    with vault.unlocked("correct horse"):
        assert write_tracked(target, b"Aliyev v. Azerbaijan").value == "written"
        assert read_clear(target, 1000) == b"Aliyev v. Azerbaijan"
    sealed = target.read_bytes()
    assert sealed.startswith(age.AGE_HEADER) and b"Aliyev" not in sealed
    assert age.decrypt_bytes(sealed, passphrase="correct horse") == b"Aliyev v. Azerbaijan"


def test_without_a_passphrase_nothing_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(age.PASSPHRASE_VARIABLE, raising=False)
    target = tmp_path / "reply.docx.age"
    with pytest.raises(InputError, match="no passphrase") as caught:
        write_atomic(target, b"draft")
    assert caught.value.field == "passphrase"
    assert not target.exists() and list(tmp_path.iterdir()) == []
