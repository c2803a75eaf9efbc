"""Issue 19, the remaining classes: one test per defect class.

Each test here failed on the code before its fix (work quadratic in the input,
an exception outside the error tree, a blow-up) and passes after.  Work is
counted, never timed: the timings are in ``benchmarks/bench_hostile.py``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from litigate._serde import SHOWN_CHARACTERS
from litigate.casefile import MAX_DEPTH, MAX_VALUES, _parse_text, case_from_dict, load_case
from litigate.errors import CaseFileError
from litigate.parse import dates

# ------------------------------------------------------------------ dates: linear find_dates


class _CountingPattern:
    """A compiled pattern that adds up the characters each ``search`` may scan."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        self.scanned = 0
        self.calls = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else min(endpos, len(text))
        self.calls += 1
        self.scanned += max(0, end - pos)
        return self.pattern.search(text, pos, end)


@pytest.mark.parametrize("numeric", ["01.02.2025", "2025-02-01"])
def test_find_dates_looks_back_a_bounded_window_per_numeric_date(
    monkeypatch: pytest.MonkeyPatch, numeric: str
) -> None:
    """The case-number look-back scanned the text from its start for every date."""
    counting = _CountingPattern(dates._CASE_NUMBER_BEFORE)
    monkeypatch.setattr(dates, "_CASE_NUMBER_BEFORE", counting)
    n = 2_000
    found = dates.find_dates(f"on {numeric}, " * n + f"no. {numeric}", date_order="DMY")
    assert len(found) == n  # the last one is a case number
    assert counting.calls == n + 1
    # at most the length of "case." per date, whatever the length of the text
    assert counting.scanned <= 5 * (n + 1)


# ------------------------------------------------------------------ case files

_CASE = {"forum": "ecthr", "respondent": "AZE"}


def _nested(depth: int, kind: str) -> str:
    if kind == "json":
        return (
            '{"forum": "ecthr", "respondent": "AZE", "facts": ' + "[" * depth + "]" * depth + "}"
        )
    if kind == "toml":
        return 'forum = "ecthr"\nrespondent = "AZE"\nfacts = ' + "[" * depth + "]" * depth + "\n"
    return "forum: ecthr\nrespondent: AZE\nfacts: " + "[" * depth + "]" * depth + "\n"


@pytest.mark.parametrize("kind", ["json", "toml", "yaml"])
@pytest.mark.parametrize("depth", [2_000, 100_000])
def test_deeply_nested_case_file_text_is_a_case_file_error(
    tmp_path: Path, kind: str, depth: int
) -> None:
    path = tmp_path / f"case.{kind}"
    path.write_text(_nested(depth, kind), encoding="utf-8")
    with pytest.raises(CaseFileError, match="nested"):
        load_case(path)


@pytest.mark.parametrize("shape", ["lists", "tables"])
def test_deeply_nested_mapping_is_refused_with_its_path(shape: str) -> None:
    value: Any = []
    for _ in range(50_000):
        value = [value] if shape == "lists" else {"a": value}
    with pytest.raises(CaseFileError) as caught:
        case_from_dict({**_CASE, "facts": value})
    (error,) = caught.value.errors
    assert error.startswith(f"tables and lists nested more than {MAX_DEPTH} deep @ $.facts")
    assert "RecursionError" not in str(caught.value)


@pytest.mark.parametrize(
    "data",
    [
        {**_CASE, 1: "x", "colour": 2},  # type: ignore[misc]  # keys that are not text, on purpose
        {**_CASE, "applicants": [{"kind": "person", "name": "A", 3: "x", "zz": 1}]},
        {**_CASE, None: 1, (1, 2): 2, "colour": 3},  # type: ignore[misc]  # likewise
    ],
)
def test_a_key_that_is_not_text_beside_an_unknown_key_is_reported(data: Any) -> None:
    with pytest.raises(CaseFileError, match="field names must be text"):
        case_from_dict(data)


def test_a_yaml_key_that_is_not_text_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text("forum: ecthr\nrespondent: AZE\n1: x\ncolour: red\n", encoding="utf-8")
    with pytest.raises(CaseFileError, match=r"field names must be text, got 1 @ \$"):
        load_case(path)


class _Key(str):  # noqa: SLOT000 - instances made by the test only
    """A YAML key that counts how often it is compared for equality."""

    compared = 0

    def __eq__(self, other: object) -> bool:
        _Key.compared += 1
        return str.__eq__(self, other)

    __hash__ = str.__hash__


def test_the_yaml_duplicate_key_check_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each key was compared with every other key (``list.count`` per key)."""
    original = yaml.SafeLoader.construct_object

    def construct_object(self: Any, node: Any, deep: bool = False) -> Any:
        value = original(self, node, deep)
        return _Key(value) if type(value) is str else value

    monkeypatch.setattr(yaml.SafeLoader, "construct_object", construct_object)
    n = 1_000
    _Key.compared = 0
    data = _parse_text("".join(f"k{i}: {i}\n" for i in range(n)), "yaml", "case.yaml")
    assert isinstance(data, dict) and len(data) == n
    assert _Key.compared <= 2 * n
    with pytest.raises(CaseFileError, match="'k7' appears twice"):
        _parse_text("k7: 1\nk8: 2\nk7: 3\n", "yaml", "case.yaml")


_ALIAS_BOMB = "\n".join(
    [
        'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
        *(
            f"{n}: &{n} [{', '.join([f'*{p}'] * 9)}]"
            for p, n in zip("abcdefgh", "bcdefghi", strict=True)
        ),
        "forum: ecthr",
        "respondent: AZE",
        "facts: *i",
        "",
    ]
)


def test_a_yaml_alias_bomb_is_refused_before_it_is_expanded(tmp_path: Path) -> None:
    path = tmp_path / "case.yaml"
    path.write_text(_ALIAS_BOMB, encoding="utf-8")
    with pytest.raises(CaseFileError, match="values once aliases are expanded") as caught:
        load_case(path)
    assert len(str(caught.value)) < 500


def test_a_value_is_never_expanded_into_an_error_message() -> None:
    leaves: Any = ["lol"] * 9
    for _ in range(4):
        leaves = [leaves] * 9  # 59,049 strings, shared: small in memory, huge as text
    for data in ({**_CASE, "facts": leaves}, {**_CASE, "applicants": [{"name": leaves}]}):
        with pytest.raises(CaseFileError) as caught:
            case_from_dict(data)
        assert len(str(caught.value)) < 2 * SHOWN_CHARACTERS + 200
    shared = [["x"] * 1_000] * 3_000  # 3,000,000 values seen by a reader
    with pytest.raises(CaseFileError, match=f"more than {MAX_VALUES:,} values"):
        case_from_dict({**_CASE, "facts": shared})
