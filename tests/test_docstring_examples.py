"""Every public function and class of these modules has its own docstring example.

pytest runs the examples (``--doctest-modules``); this test makes sure they exist, so a
new public name without one fails here rather than going unnoticed.
"""

from __future__ import annotations

import inspect
from types import ModuleType

import pytest

from litigate import _age, l10n, vault
from litigate.drafts import normalise

MODULES = (vault, _age, normalise, l10n)


def _public(module: ModuleType) -> list[tuple[str, object]]:
    """The module's own public functions and classes (re-exports are checked where defined)."""
    names = getattr(module, "__all__", None) or [n for n in vars(module) if not n.startswith("_")]
    found: list[tuple[str, object]] = []
    for name in sorted(set(names) | {n for n in vars(module) if not n.startswith("_")}):
        value = getattr(module, name, None)
        bare = inspect.unwrap(value) if callable(value) else value  # functools.cache too
        if (inspect.isfunction(bare) or inspect.isclass(value)) and (
            getattr(value, "__module__", None) == module.__name__
        ):
            found.append((name, value))
    return found


@pytest.mark.parametrize(
    ("module", "name", "value"),
    [pytest.param(m, n, v, id=f"{m.__name__}.{n}") for m in MODULES for n, v in _public(m)],
)
def test_has_its_own_example(module: ModuleType, name: str, value: object) -> None:
    doc = inspect.getdoc(value) or ""
    assert ">>>" in doc, f"{module.__name__}.{name} has no docstring example"


def test_vault_re_exports_are_covered_where_they_are_defined() -> None:
    # encrypt_bytes, unlocked… are defined in litigate._age: their examples live there.
    own = {n for n, _ in _public(vault)}
    assert {"encrypt_file", "scrub", "ScrubItem", "sealed_path", "add_encrypt_option"} <= own
    assert {"encrypt_bytes", "decrypt_bytes", "unlocked", "passphrase"} <= {
        n for n, _ in _public(_age)
    }
