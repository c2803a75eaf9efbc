"""The public API is explicit, documented, and light to import."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from pathlib import Path

import pytest

import litigate


def test_all_is_sorted_and_complete():
    import types

    public = {
        name
        for name in dir(litigate)
        if not name.startswith("_") and not isinstance(getattr(litigate, name), types.ModuleType)
    }

    # The order itself is enforced by ruff (RUF022, isort-style).
    assert len(set(litigate.__all__)) == len(litigate.__all__)
    assert public <= set(litigate.__all__)


def test_every_public_name_has_a_docstring():
    for name in litigate.__all__:
        obj = getattr(litigate, name)
        if name == "__version__":
            continue
        assert inspect.getdoc(obj), name


def test_error_tree_every_class_documented_and_dual():
    for name in litigate.errors.__all__:
        cls = getattr(litigate.errors, name)
        assert cls.__doc__, name
        abstract = (
            litigate.errors.LitigateError,
            litigate.errors.RenderError,
        )  # never raised directly
        if (
            isinstance(cls, type)
            and issubclass(cls, litigate.errors.LitigateError)
            and cls not in abstract
        ):
            builtin_bases = [
                b
                for b in cls.__mro__
                if b.__module__ == "builtins" and b not in (Exception, BaseException, object)
            ]
            assert builtin_bases, f"{name} subclasses no built-in"


def test_import_does_not_load_heavy_dependencies():
    code = (
        "import sys, json, litigate; "
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'docx', 'docxtpl', 'dateparser', 'babel', 'jinja2', 'yaml', 'lxml', 'pypdf'})))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)

    assert json.loads(out.stdout) == []


def _type_checking_names() -> set[str]:
    import ast

    tree = ast.parse(Path(litigate.__file__).read_text(encoding="utf-8"))
    block = next(
        node
        for node in tree.body
        if isinstance(node, ast.If) and getattr(node.test, "attr", None) == "TYPE_CHECKING"
    )
    return {
        alias.asname or alias.name
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_the_lazy_table_matches_the_imports_type_checkers_see():
    lazy = set(litigate._LAZY) | set(litigate._SUBMODULES)
    assert _type_checking_names() - {"__version__"} == lazy
    assert set(litigate.__all__) - {"__version__"} == lazy
    for name in litigate.__all__:
        assert getattr(litigate, name) is not None, name
    assert set(litigate.__all__) <= set(dir(litigate))


def test_the_top_level_is_about_forty_names_and_dir_lists_only_them():
    public = {n for n in dir(litigate) if not n.startswith("_")}
    assert public == set(litigate.__all__) - {"__version__"}
    assert len(litigate._LAZY) == 40
    assert not set(litigate._DEPRECATED) & set(litigate.__all__)
    assert not set(litigate._DEPRECATED) & set(litigate._LAZY)


def test_import_litigate_loads_no_module_of_litigate_until_a_name_is_used():
    code = (
        "import sys, litigate; before = sorted(m for m in sys.modules if m.startswith('litigate'));"
        "litigate.Case; after = 'litigate.model' in sys.modules;"
        "print(before, after)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['litigate', 'litigate._display_hooks', 'litigate._version'] True"


def test_notebook_html_works_without_importing_the_display_layer_first():
    code = (
        "import sys, litigate;"
        "case = litigate.Case(forum='ecthr', respondent='AZE', title='A v. Azerbaijan');"
        "assert 'litigate.display' not in sys.modules;"
        "html = case._repr_html_(); print(bool(html) and '<' in html, 'litigate.display' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "True True"


def test_an_unknown_name_is_an_attribute_error():
    with pytest.raises(AttributeError, match="no attribute 'no_such_thing'"):
        litigate.no_such_thing  # noqa: B018
