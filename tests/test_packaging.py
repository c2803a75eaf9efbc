"""The wheel ships the templates, the data files and py.typed."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_wheel_contains_templates_and_data(tmp_path: Path):
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("litigate-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())

    assert "litigate/py.typed" in names
    assert "litigate/data/provisions.toml" in names
    assert "litigate/data/countries.toml" in names
    shipped = {
        p.relative_to(ROOT).as_posix().replace("templates/", "litigate/templates/", 1)
        for p in (ROOT / "templates").rglob("*")
        if p.is_file()
    }
    assert shipped
    assert shipped <= names


def test_templates_found_through_importlib_resources():
    import litigate

    root = litigate.templates_root()

    assert root.joinpath("README.md").is_file()
