"""The weekend extension of a procedural deadline is decided by the rule data, not the code."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from litigate import load_rules
from litigate.engine.procedure import referral_deadline
from litigate.errors import RuleDataError

# A Chamber judgment of Monday 6 February 2023: three months end on Saturday 6 May 2023.
JUDGMENT = date(2023, 2, 6)

_OVERRIDE = """
schema_version = 1
forum = "ecthr"
name = "European Court of Human Rights"

[[sources]]
id = "firm-memo"
title = "Firm memorandum on weekend deadlines (fictional)"
confidence = "low"

[[deadlines]]
id = "ecthr.referral"
title = "Request for referral to the Grand Chamber (a firm's reading)"
period = {{ months = 3 }}
start = "judgment"
sources = ["echr-art43"]
confidence = "high"
weekend_extension = {flag}
weekend_source = "firm-memo"

[[deadlines.examples]]
name = "Chamber judgment of Monday 6 February 2023"
source = "firm-memo"
start = 2023-02-06
expect = {expect}
"""


def _firm(tmp_path: Path, flag: str) -> Path:
    path = tmp_path / "firm.toml"
    path.write_text(
        _OVERRIDE.format(flag=flag, expect="2023-05-08" if flag == "true" else "2023-05-06"),
        encoding="utf-8",
    )
    return path


def test_packaged_rule_refuses_the_extension_with_its_source() -> None:
    rule = load_rules().forum("ecthr").deadline("ecthr.referral")
    assert rule.weekend_extension is False
    assert rule.weekend_source == "sabri-gunes-gc"
    deadline = referral_deadline(JUDGMENT)
    assert deadline.date == date(2023, 5, 6)
    note = next(n for n in deadline.warnings if n.code == "weekend_no_extension")
    assert note.message == "6 May 2023 is a Saturday: no extension to the next working day."
    assert note.source is not None
    assert "Sabri Güneş" in note.source


def test_every_packaged_ecthr_deadline_says_so_in_the_data() -> None:
    for rule in load_rules().forum("ecthr").deadlines:
        assert rule.weekend_extension is False, rule.id
        assert rule.weekend_source == "sabri-gunes-gc", rule.id


def test_a_firm_override_flips_it(tmp_path: Path) -> None:
    rules = load_rules(_firm(tmp_path, "true"))
    deadline = referral_deadline(JUDGMENT, rules=rules)
    assert deadline.date == date(2023, 5, 8)  # Monday
    codes = [n.code for n in deadline.warnings]
    assert "weekend_no_extension" not in codes
    assert "weekend_extended" in codes
    assert any("Monday 8 May 2023" in s.text for s in deadline.steps)
    extended = next(n for n in deadline.warnings if n.code == "weekend_extended")
    assert extended.source == "Firm memorandum on weekend deadlines (fictional)"


def test_a_firm_override_can_keep_the_refusal(tmp_path: Path) -> None:
    deadline = referral_deadline(JUDGMENT, rules=load_rules(_firm(tmp_path, "false")))
    assert deadline.date == date(2023, 5, 6)
    assert "weekend_no_extension" in [n.code for n in deadline.warnings]


def test_a_weekday_end_is_never_moved(tmp_path: Path) -> None:
    rules = load_rules(_firm(tmp_path, "true"))
    deadline = referral_deadline(date(2024, 1, 15), rules=rules)
    assert deadline.date == date(2024, 4, 15)
    assert "weekend_extended" not in [n.code for n in deadline.warnings]


def test_the_strict_loader_refuses_a_wrong_type(tmp_path: Path) -> None:
    with pytest.raises(RuleDataError):
        load_rules(_firm(tmp_path, '"yes"'))
