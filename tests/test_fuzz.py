"""The fuzz job's targets, a small fixed set of inputs in the normal test run.

``scripts/fuzz.py`` runs 100,000 inputs across the targets in CI (with the time and
memory limits); here each target runs the first inputs of seed 0, the same in every
run, so that a reader that lets an exception out of the error tree fails the suite
within seconds.  No timing is asserted here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
NORMAL_RUN = 3_000
"""Inputs across all targets in the normal test run (docs/reliability.md)."""
MINIMUM = 60
"""Inputs of the slowest targets at least."""


def _load() -> ModuleType:
    name = "litigate_fuzz_job"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _names() -> list[str]:
    # The names without importing the job at collection time (it reads every fixture).
    source = (ROOT / "scripts" / "fuzz.py").read_text(encoding="utf-8")
    import re

    return re.findall(r'^\s+Target\(\s*"(\w+)"', source, flags=re.MULTILINE)


def normal_run_counts() -> dict[str, int]:
    job = _load()
    counts: dict[str, int] = job.allocate(NORMAL_RUN, list(job.TARGETS))
    return {name: max(MINIMUM, count) for name, count in counts.items()}


def test_every_target_is_listed() -> None:
    job = _load()
    assert _names() == list(job.TARGETS)
    assert len(job.TARGETS) >= 14
    assert sum(job.allocate(100_000, list(job.TARGETS)).values()) == 100_000


@pytest.mark.parametrize("target", _names())
def test_fuzz_target_raises_only_litigate_errors(target: str, tmp_path: Path) -> None:
    job = _load()
    count = normal_run_counts()[target]
    failures = []
    for index in range(count):
        payload = job.make_input(target, 0, index)
        result = job.check_one(target, payload, tmp_path)
        if result is not None:
            kind, detail = result
            last = detail.strip().splitlines()[-1] if detail.strip() else kind
            failures.append(
                f"python scripts/fuzz.py --target {target} --seed 0 --index {index}: {last}"
            )
    assert not failures, "\n".join(failures)


def test_an_input_is_the_same_in_every_run() -> None:
    job = _load()
    for target in job.TARGETS:
        first = job.make_input(target, 7, 3)
        again = job.make_input(target, 7, 3)
        assert repr(first) == repr(again), target
