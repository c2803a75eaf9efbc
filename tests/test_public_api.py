"""The public API is explicit, documented, and light to import."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys

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
