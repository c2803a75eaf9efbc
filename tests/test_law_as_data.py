"""The engine's legal warnings are rule data: Worm, no remedy, month end, Rule 38 § 1, Rule 47 § 6.

Each is a ``[[notices]]`` record of ``ecthr.toml`` with its source; the packaged wording is
cited (and flagged where ECTHR.md marks it unconfirmed or of low confidence), and a firm's
override file replaces it (issue 17, point 3).
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import attrs
import pytest

import litigate
from litigate.engine.results import FilingWindow, Note
from litigate.model import Complaint, DomesticDecision, RegistryTimeLimit
from litigate.rules import RuleSet, load_rules
from tests.firm_rules import firm_file

ENGINE = Path(litigate.__file__).parent / "engine"


def _firm(tmp_path: Path, notice_id: str, text: str) -> RuleSet:
    body = f'\n[[notices]]\nid = "{notice_id}"\ntext = "{text}"\nsources = ["firm-memo"]\n'
    return load_rules(firm_file(tmp_path, body, name=f"{notice_id}.toml"))


def _case(decision: DomesticDecision, **complaint: object) -> litigate.Case:
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        complaints=[Complaint(provision="ECHR-6-1", **complaint)],  # type: ignore[arg-type]
        proceedings=[decision],
    )


def _notes(window: FilingWindow) -> list[Note]:
    own = window.complaints[0]
    return [*own.warnings, *own.assumptions]


def _note(window: FilingWindow, code: str) -> Note:
    return next(n for n in _notes(window) if n.code == code)


SERVED = DomesticDecision(
    court="Supreme Court",
    level="cassation",
    taken_on=date(2025, 3, 3),
    served_on=date(2025, 3, 20),
    service_required=True,
)
UNKNOWN = DomesticDecision(
    court="Supreme Court",
    level="cassation",
    taken_on=date(2025, 3, 3),
    pronounced_on=date(2025, 3, 3),
    served_on=date(2025, 3, 20),
)
MONTH_END = DomesticDecision(
    court="Supreme Court", level="cassation", taken_on=date(2022, 10, 31), service_required=False
)
AS_OF = date(2025, 4, 1)


def test_worm_service_step_is_the_data_and_cites_worm(tmp_path: Path) -> None:
    window = litigate.filing_window(_case(SERVED), as_of=AS_OF)
    step = next(
        s for s in window.complaints[0].steps if "requires the decision to be served" in s.text
    )
    assert step.text == (
        "Domestic law requires the decision to be served, so time runs from service: "
        "service on the applicant on 20 March 2025 (the earliest service counts)."
    )
    assert step.source is not None
    assert "Worm v. Austria" in step.source
    firm = _firm(tmp_path, "service_required", "Served ({event}, {on}): firm reading.")
    window = litigate.filing_window(_case(SERVED), as_of=AS_OF, rules=firm)
    texts = [s.text for s in window.complaints[0].steps]
    assert "Served (service on the applicant, 20 March 2025): firm reading." in texts
    assert window.complaints[0].deadline == date(2025, 7, 20)  # the date itself is unchanged


def test_worm_unknown_service_assumption_is_the_data(tmp_path: Path) -> None:
    note = _note(litigate.filing_window(_case(UNKNOWN), as_of=AS_OF), "service_unknown")
    assert "(Worm v. Austria)" in note.message
    assert "20 March 2025" in note.message
    firm = _firm(tmp_path, "service_unknown", "Perhaps from {on} ({event}).")
    note = _note(
        litigate.filing_window(_case(UNKNOWN), as_of=AS_OF, rules=firm), "service_unknown"
    )
    assert note.message == "Perhaps from 20 March 2025 (service on the applicant)."
    assert note.source == "Firm memorandum (fictional)"


def test_no_remedy_warning_is_the_data(tmp_path: Path) -> None:
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        complaints=[
            Complaint(provision="ECHR-3", no_effective_remedy=True, events_from=date(2025, 1, 10))
        ],
    )
    note = _note(litigate.filing_window(case, as_of=AS_OF), "no_effective_remedy")
    assert note.message.startswith(
        "No effective remedy: the period runs from the act complained of (10 January 2025)."
    )
    assert note.source is not None
    firm = _firm(tmp_path, "no_effective_remedy", "Act of {act}: firm reading.")
    note = _note(litigate.filing_window(case, as_of=AS_OF, rules=firm), "no_effective_remedy")
    assert note.message == "Act of 10 January 2025: firm reading."


def test_month_end_warning_is_flagged_low_confidence_and_overridable(tmp_path: Path) -> None:
    # 31 October 2022 + 4 months: clamped to Tuesday 28 February 2023 (ECTHR.md § 2.6).
    window = litigate.filing_window(_case(MONTH_END), as_of=date(2023, 1, 1))
    note = _note(window, "month_end")
    assert window.complaints[0].deadline == date(2023, 2, 28)
    assert note.message.startswith(
        "[unconfirmed] The period starts at a month end (31 October 2022)"
    )
    assert "(clamped to the last day of the shorter month)" in note.message
    assert note.source is not None
    firm = _firm(tmp_path, "month_end_clamped", "Clamped: {start} to {end}.")
    window = litigate.filing_window(_case(MONTH_END), as_of=date(2023, 1, 1), rules=firm)
    assert _note(window, "month_end").message == "Clamped: 31 October 2022 to 28 February 2023."


def _registry_case(**limit: date) -> litigate.Case:
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        registry_time_limits=[
            RegistryTimeLimit(
                what="Observations in reply",
                letter_on=date(2024, 1, 10),
                due_on=date(2024, 3, 15),
                **limit,
            )
        ],
    )


@pytest.mark.parametrize(
    ("limit", "as_of", "code", "start"),
    [
        (
            {"filed_on": date(2024, 3, 18)},
            date(2024, 4, 1),
            "registry_time_limit_missed",
            (
                "[unconfirmed] Observations in reply: sent on 18 March 2024, after the time limit of "
                "15 March 2024; it may not be admitted to the file (Rule 38 § 1)."
            ),
        ),
        (
            {},
            date(2024, 4, 1),
            "registry_time_limit_missed",
            (
                "[unconfirmed] Observations in reply: the time limit of 15 March 2024 has passed and "
                "nothing is recorded as sent (Rule 38 § 1)."
            ),
        ),
        (
            {},
            date(2024, 3, 5),
            "registry_time_limit_imminent",
            (
                "[unconfirmed] Observations in reply: due on 15 March 2024, in 10 days; any extension "
                "must be requested, with reasons, before it expires."
            ),
        ),
    ],
)
def test_rule_38_findings_are_the_data_cited_and_flagged(
    limit: dict[str, date], as_of: date, code: str, start: str
) -> None:
    found = [f for f in litigate.check(_registry_case(**limit), as_of=as_of) if f.code == code]
    assert [f.message for f in found] == [start]
    assert found[0].source is not None
    assert "Rule 38" in found[0].source


def test_a_firm_rewrites_the_rule_38_finding(tmp_path: Path) -> None:
    firm = _firm(tmp_path, "registry_expired", "{what}: {end} is gone.")
    found = litigate.check(_registry_case(), as_of=date(2024, 4, 1), rules=firm)
    missed = next(f for f in found if f.code == "registry_time_limit_missed")
    assert missed.message == "Observations in reply: 15 March 2024 is gone."
    assert missed.source == "Firm memorandum (fictional)"


def test_rule_47_note_now_cites_and_is_flagged() -> None:
    case = attrs.evolve(_case(SERVED), lodged_on=date(2025, 4, 1))
    window = litigate.filing_window(case, as_of=AS_OF)
    note = next(n for n in window.warnings if n.code.endswith("_application"))
    assert note.message.startswith("[unconfirmed] The date of introduction is the postmark")
    assert note.source is not None
    assert "Rule 47" in note.source


# The scenario labels ("No effective remedy: from the act itself.") stay: they name a
# scenario, the law they rest on is the notice.
_MOVED = ("Worm", "Rule 38", "No effective remedy: the period", "month end", "Rule 47")


@pytest.mark.parametrize("module", ["window.py", "checks.py", "procedure.py"])
def test_the_moved_sentences_are_no_longer_in_the_code(module: str) -> None:
    tree = ast.parse((ENGINE / module).read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Module)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]
    assert [s for s in strings if any(word in s for word in _MOVED)] == []


def _facts_on(forum: str, state: str, provision: str, day: date) -> list[str]:
    case = litigate.Case(
        forum=forum,
        respondent=state,
        complaints=[Complaint(provision=provision, events_from=day)],
    )
    window = litigate.filing_window(case, as_of=date(2024, 1, 1))
    return [n.message for n in window.complaints[0].warnings if n.code == "ratione_temporis"]


@pytest.mark.parametrize(
    ("forum", "state", "provision", "day", "outside"),
    [
        # Belarus's denunciation of ICCPR-OP1 took effect on 8 February 2023, that day outside.
        ("hrc", "BLR", "ICCPR-9-1", date(2023, 2, 7), False),
        ("hrc", "BLR", "ICCPR-9-1", date(2023, 2, 8), True),
        ("hrc", "BLR", "ICCPR-9-1", date(2023, 2, 9), True),
        # Russia: acts that occurred until 16 September 2022, that day inside.
        ("ecthr", "RUS", "ECHR-6-1", date(2022, 9, 16), False),
        ("ecthr", "RUS", "ECHR-6-1", date(2022, 9, 17), True),
    ],
)
def test_facts_after_the_end_follow_the_data_end_day(
    forum: str, state: str, provision: str, day: date, outside: bool
) -> None:
    found = _facts_on(forum, state, provision, day)
    assert bool(found) is outside
    if day == date(2023, 2, 8):
        expected = (
            "The facts (8 February 2023) fall on 8 February 2023, the day ICCPR-OP1 ceased to "
            "apply to BLR: outside the forum's competence ratione temporis."
        )
        assert found == [expected]


def test_the_weekend_note_is_the_data(tmp_path: Path) -> None:
    # Served Wednesday 2 July 2025: four months end on Sunday 2 November 2025.
    served = attrs.evolve(SERVED, taken_on=date(2025, 6, 18), served_on=date(2025, 7, 2))
    window = litigate.filing_window(_case(served), as_of=date(2025, 8, 1))
    note = _note(window, "weekend_no_extension")
    assert note.message == (
        "The last day, 2 November 2025, is a Sunday: the period is not extended to the next "
        "working day."
    )
    assert note.source is not None
    assert "Sabri Güneş" in note.source
    firm = _firm(tmp_path, "weekend_no_extension", "{weekday} {end}: no extension (firm).")
    window = litigate.filing_window(_case(served), as_of=date(2025, 8, 1), rules=firm)
    firm_note = _note(window, "weekend_no_extension")
    assert firm_note.message == "Sunday 2 November 2025: no extension (firm)."
    assert window.complaints[0].deadline == date(2025, 11, 2)


def test_the_knowledge_notes_are_the_data(tmp_path: Path) -> None:
    note = _note(litigate.filing_window(_case(UNKNOWN), as_of=AS_OF), "dates_disagree")
    assert note.message.startswith("The dates recorded for the decision of the Supreme Court")
    assert note.source is not None
    firm = _firm(tmp_path, "earliest_knowledge", "From {event}, {on} (firm).")
    window = litigate.filing_window(_case(UNKNOWN), as_of=AS_OF, rules=firm)
    assert "From public pronouncement, 3 March 2025 (firm)." in [
        s.text for s in window.complaints[0].steps
    ]


def test_the_cat_fallback_note_is_the_data_and_cites_cat_c_55_3(tmp_path: Path) -> None:
    from litigate.engine.procedure import co_follow_up_due

    note = next(
        n for n in co_follow_up_due(date(2024, 11, 27)).warnings if n.code == "stated_date_missing"
    )
    assert note.message.endswith("one year from adoption is only the fallback.")
    assert note.source is not None
    assert "CAT/C/55/3" in note.source
    path = tmp_path / "cat.toml"
    path.write_text(
        'schema_version = 1\nforum = "cat"\nname = "Committee against Torture"\n\n'
        '[[sources]]\nid = "firm-memo"\ntitle = "Firm memorandum (fictional)"\nconfidence = "high"\n\n'
        '[[notices]]\nid = "stated_date_missing"\ntext = "Read the date off the document."\n'
        'sources = ["firm-memo"]\n',
        encoding="utf-8",
    )
    firm = co_follow_up_due(date(2024, 11, 27), rules=load_rules(path)).warnings
    assert [n.message for n in firm if n.code == "stated_date_missing"] == [
        "Read the date off the document."
    ]
