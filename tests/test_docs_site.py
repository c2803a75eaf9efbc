"""The documentation site: `mkdocs build --strict` succeeds, every page is in the nav,
the reference is generated from the docstrings, and nothing is fetched from the network."""

from __future__ import annotations

import html
import importlib.util
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

import litigate

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
CONFIG = ROOT / "mkdocs.yml"

#: Public names that are not documented on a reference page.
UNDOCUMENTED = {"__version__"}


def _config() -> dict[str, Any]:
    # mkdocs.yml uses no custom YAML tags, so the safe loader reads it.
    loaded = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded


def _nav_paths(node: object) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for item in node:
            yield from _nav_paths(item)
    elif isinstance(node, dict):
        for value in node.values():
            yield from _nav_paths(value)


# ------------------------------------------------------------------ the configuration


def test_every_page_is_in_the_nav_and_every_nav_entry_exists() -> None:
    nav = list(_nav_paths(_config()["nav"]))
    pages = sorted(p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md"))
    assert sorted(set(pages) - set(nav)) == [], "pages missing from the nav in mkdocs.yml"
    assert sorted(set(nav) - set(pages)) == [], "nav entries without a page in docs/"
    assert len(nav) == len(set(nav)), "a page appears twice in the nav"


def test_the_site_is_strict_and_offline() -> None:
    config = _config()
    assert config["strict"] is True
    assert config["theme"]["name"] == "material"
    assert config["theme"]["font"] is False  # no Google Fonts request from readers' browsers
    assert "extra" not in config or "analytics" not in config["extra"]
    assert [key for key, _ in map(_first, config["nav"])][:2] == ["Home", "Getting started"]
    sections = [key for key, _ in map(_first, config["nav"])]
    assert sections[2:] == ["How-to guides", "Reference", "Forums", "Concepts"]


def _first(entry: dict[str, object]) -> tuple[str, object]:
    return next(iter(entry.items()))


# ------------------------------------------------------------------ the build


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = [
        name
        for name in ("mkdocs", "material", "mkdocstrings", "mkdocstrings_handlers.python")
        if importlib.util.find_spec(name.split(".")[0]) is None
        or (name.count(".") and importlib.util.find_spec(name) is None)
    ]
    if missing:
        message = (
            f"the documentation tools are not installed ({', '.join(missing)}): "
            'pip install -e ".[docs]"'
        )
        if os.environ.get("CI"):
            pytest.fail(f"CI must build the documentation: {message}")
        pytest.skip(message)
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--config-file",
            str(CONFIG),
            "--site-dir",
            str(out),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr}"
    return out


def _text(page: Path) -> str:
    """The visible text of a built page, tags removed and whitespace collapsed."""
    raw = page.read_text(encoding="utf-8")
    raw = re.sub(r"<(script|style)\b.*?</\1>", " ", raw, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", raw)).split())


def _anchors(page: Path) -> set[str]:
    return set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))


@pytest.mark.slow
def test_every_page_is_built(site: Path) -> None:
    for page in DOCS.rglob("*.md"):
        relative = page.relative_to(DOCS).with_suffix("")
        built = (
            site / relative.parent / "index.html"
            if relative.name == "index"
            else site / relative / "index.html"
        )
        assert built.is_file(), f"{page.relative_to(ROOT)} was not built"


@pytest.mark.slow
def test_the_reference_holds_the_docstrings(site: Path) -> None:
    page = site / "reference" / "index.html"
    text = _text(page)
    assert litigate.filing_window.__doc__ is not None
    summary = litigate.filing_window.__doc__.strip().splitlines()[0]
    assert summary in text
    assert "The day of the assessment (never defaults to today)." in text
    anchors = set().union(*(_anchors(p) for p in (site / "reference").rglob("index.html")))
    missing = []
    for name in sorted(set(litigate.__all__) - UNDOCUMENTED):
        value = getattr(litigate, name)
        # A function whose name is also its module's is documented under its full path
        # (docs/reference/index.md); a public module has a page of its own.
        where = {f"litigate.{name}", f"{getattr(value, '__module__', 'litigate')}.{name}"}
        if not where & anchors:
            missing.append(name)
    assert missing == [], "public names missing from the reference (docs/reference/)"


@pytest.mark.slow
def test_the_reference_pages_of_modules(site: Path) -> None:
    procedure = _anchors(site / "reference" / "procedure" / "index.html")
    assert {f"litigate.procedure.{name}" for name in litigate.procedure.__all__} <= procedure
    errors = _anchors(site / "reference" / "errors" / "index.html")
    assert "litigate.errors.LitigateError" in errors
    assert "litigate.errors.OverwriteRefusedError" in errors
    model = _anchors(site / "reference" / "model" / "index.html")
    assert {"litigate.model.Case", "litigate.model.DomesticDecision"} <= model


@pytest.mark.slow
def test_doctests_render_as_python_code(site: Path) -> None:
    page = (site / "getting-started" / "index.html").read_text(encoding="utf-8")
    # Pygments highlighted the block as Python: the prompt and the keywords are marked up.
    assert '<div class="highlight"><pre>' in page
    assert '<span class="o">&gt;&gt;&gt;</span> <span class="kn">from</span>' in page
    assert "```" not in _text(site / "getting-started" / "index.html")


@pytest.mark.slow
def test_nothing_is_fetched_from_the_network(site: Path) -> None:
    for page in site.rglob("*.html"):
        raw = page.read_text(encoding="utf-8")
        for host in ("fonts.googleapis.com", "fonts.gstatic.com", "googletagmanager.com"):
            assert host not in raw, f"{page.relative_to(site)} refers to {host}"


def test_links_to_repository_files_become_text_on_the_site() -> None:
    spec = importlib.util.spec_from_file_location(
        "mkdocs_hooks", ROOT / "scripts" / "mkdocs_hooks.py"
    )
    assert spec is not None
    assert spec.loader is not None
    hooks = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hooks)
    assert "scripts/mkdocs_hooks.py" in _config()["hooks"]
    page = "Read [`case.toml`](../examples/a/case.toml), [b](b.md), [c](../../src/x.py#L3)."
    assert hooks.on_page_markdown(page, page=None) == "Read `case.toml`, [b](b.md), c."
    # Links inside docs/ and to other sites are left for mkdocs to check.
    kept = "[d](../docs.md) [e](https://example.org/examples/x) [f](forums/ecthr.md)"
    assert hooks.on_page_markdown(kept) == kept


@pytest.mark.slow
def test_repository_links_are_text_on_the_built_page(site: Path) -> None:
    text = _text(site / "case-files" / "index.html")
    assert "examples/journalist-detention/case.toml shows every section filled in" in text
