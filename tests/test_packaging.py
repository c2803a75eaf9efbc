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
    for lang in ("en", "fr", "ru"):
        assert f"litigate/l10n/locale/{lang}/LC_MESSAGES/litigate.po" in names
    shipped = {
        p.relative_to(ROOT).as_posix().replace("templates/", "litigate/templates/", 1)
        for p in (ROOT / "templates").rglob("*")
        if p.is_file()
    }
    assert shipped
    assert shipped <= names


def test_templates_found_through_importlib_resources():
    import litigate.drafts

    root = litigate.drafts.templates_root()

    assert root.joinpath("README.md").is_file()


def _third_party_imports() -> set[str]:
    import ast

    found: set[str] = set()
    for path in (ROOT / "src" / "litigate").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return {name for name in found if name not in sys.stdlib_module_names} - {"litigate"}


def _declared(extra: str | None = None) -> set[str]:
    import re
    import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    specs = project["dependencies"] if extra is None else project["optional-dependencies"][extra]
    return {re.split(r"[\[<>=!~ ;]", spec, maxsplit=1)[0].lower() for spec in specs}


def test_what_src_imports_is_declared_and_what_is_declared_is_imported():
    from importlib.metadata import packages_distributions

    owners = packages_distributions()
    runtime = _declared()
    optional = _declared("dask") | _declared("crypt")
    imported_distributions: set[str] = set()
    undeclared = []
    for module in sorted(_third_party_imports()):
        distributions = {d.lower() for d in owners.get(module, [module])}
        imported_distributions |= distributions
        if not distributions & (runtime | optional):
            undeclared.append(module)
    assert undeclared == []
    assert sorted(runtime - imported_distributions) == []


def test_the_licence_the_metadata_promises_is_shipped():
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert "Apache License" in text
    assert "Version 2.0, January 2004" in text
