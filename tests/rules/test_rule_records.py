"""One strict check for every record of the rule data that names sources (issue 17, point 3).

Time limits, deadlines, notices, suspensions, the same-matter bodies, interim measures and
checklist items all pass ``rules.loader._record``: an unknown source is an error naming the
record's place, whichever kind of record it is.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from litigate.errors import RuleDataError
from litigate.rules import load_rules
from tests.firm_rules import firm_file

_RECORDS = {
    "deadlines": """
[[deadlines]]
id = "ecthr.referral"
title = "Referral"
period = { months = 3 }
start = "judgment"
sources = ["nowhere"]
confidence = "high"

[[deadlines.examples]]
name = "x"
start = 2024-01-15
expect = 2024-04-15
""",
    "notices": """
[[notices]]
id = "continuing"
text = "x"
sources = ["nowhere"]
""",
    "checklist": """
[[checklist]]
id = "applicant_particulars"
item = "Applicant: name"
provision = "Rule 47 § 1 (a)"
check = "applicant_particulars"
sources = ["nowhere"]
confidence = "high"
""",
}


@pytest.mark.parametrize("kind", sorted(_RECORDS))
def test_an_unknown_source_is_refused_in_every_kind_of_record(tmp_path: Path, kind: str) -> None:
    path = firm_file(tmp_path, _RECORDS[kind])
    with pytest.raises(RuleDataError) as info:
        load_rules(path)
    # The place is the record's in the merged rules (the packaged ones and the firm's).
    assert re.search(rf"unknown source 'nowhere' @ \$\.{kind}\[\d+\]\.sources", str(info.value))


def test_a_deadline_without_a_worked_example_is_refused(tmp_path: Path) -> None:
    text = (
        _RECORDS["deadlines"].split("[[deadlines.examples]]")[0].replace("nowhere", "echr-art43")
    )
    path = firm_file(tmp_path, text)
    with pytest.raises(
        RuleDataError,
        match=r"rule 'ecthr.referral' has no worked example @ \$.deadlines\[0\].examples",
    ):
        load_rules(path)
