"""The engine's legal warnings are rule data: the packaged text, a firm's override, the strict loader."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import litigate
from litigate import load_rules
from litigate.engine.procedure import registry_time_limit
from litigate.errors import RuleDataError
from litigate.model import RegistryTimeLimit
from tests.firm_rules import firm_file


def _firm(tmp_path: Path, notice: str) -> Path:
    return firm_file(tmp_path, notice, confidence="low")


def _disappearance(forum: str) -> litigate.Case:
    return litigate.Case(
        forum=forum,
        respondent="AZE",
        complaints=[litigate.Complaint(provision="ECHR-2", disappearance=True)],
    )


def test_the_packaged_varnava_notice_is_cited() -> None:
    window = litigate.filing_window(_disappearance("ecthr"), as_of=date(2025, 1, 1))
    note = next(n for n in window.complaints[0].warnings if n.code == "reasonable_expedition")
    notice, cited = load_rules().notice("ecthr", "reasonable_expedition")
    assert note.message == notice.text
    assert "Varnava and Others v. Turkey [GC]" in note.message
    assert cited is not None
    assert note.source == cited


def test_a_firm_override_changes_the_wording_and_source(tmp_path: Path) -> None:
    rules = load_rules(
        _firm(
            tmp_path,
            '[[notices]]\nid = "reasonable_expedition"\n'
            'text = "Disappearance: act within months (firm reading)."\nsources = ["firm-memo"]\n',
        )
    )
    window = litigate.filing_window(_disappearance("ecthr"), as_of=date(2025, 1, 1), rules=rules)
    note = next(n for n in window.complaints[0].warnings if n.code == "reasonable_expedition")
    assert note.message == "Disappearance: act within months (firm reading)."
    assert note.source == "Firm memorandum (fictional)"


def test_the_rule_38_notice_fills_its_placeholders(tmp_path: Path) -> None:
    limit = RegistryTimeLimit(
        what="Observations", letter_on=date(2013, 2, 1), due_on=date(2013, 3, 15)
    )
    packaged = registry_time_limit(limit, as_of=date(2013, 3, 1)).warnings[0]
    # Rule 38's wording is [unconfirmed] in ECTHR.md § 4.5: the note cites it and is flagged.
    assert packaged.message == (
        "[unconfirmed] An extension (Rule 38) must be requested, with reasons, as soon as the "
        "need arises and in any event before 15 March 2013; 14 days left on 1 March 2013."
    )
    assert packaged.source is not None
    assert "Rule 38" in packaged.source
    rules = load_rules(
        _firm(
            tmp_path,
            '[[notices]]\nid = "extension_before_expiry"\n'
            'text = "Ask before {end} ({days} days from {as_of})."\nsources = ["firm-memo"]\n',
        )
    )
    firm = registry_time_limit(limit, as_of=date(2013, 3, 1), rules=rules).warnings[0]
    assert firm.message == "Ask before 15 March 2013 (14 days from 1 March 2013)."
    assert firm.source == "Firm memorandum (fictional)"


@pytest.mark.parametrize(
    ("notice", "expected"),
    [
        ('id = "continuing_ended"\ntext = "Ended {when}."', "unknown placeholder {when}"),
        ('id = "continuing"\ntext = "Open {brace"', "unbalanced braces"),
        ('id = "no_such_notice"\ntext = "x"', "the engine gives no notice 'no_such_notice'"),
        ('id = "continuing"\ntext = "x"\nsources = ["nowhere"]', "unknown source 'nowhere'"),
    ],
)
def test_the_strict_loader_refuses_a_bad_notice(
    tmp_path: Path, notice: str, expected: str
) -> None:
    if "sources" not in notice:
        notice += '\nsources = ["firm-memo"]'
    with pytest.raises(RuleDataError, match="notices") as info:
        load_rules(_firm(tmp_path, "[[notices]]\n" + notice + "\n"))
    assert expected in str(info.value)


def test_every_packaged_notice_renders_with_the_fields_the_engine_fills() -> None:
    from litigate.rules.spec import NOTICE_FIELDS

    rules = load_rules()
    notices = [n for forum in rules.forums for n in rules.forum(forum).notices]
    assert {n.id for n in notices} == set(NOTICE_FIELDS)
    for notice in notices:
        assert notice.render(**dict.fromkeys(NOTICE_FIELDS[notice.id], "X")).strip()
        assert notice.sources
