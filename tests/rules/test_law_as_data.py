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
_MOVED = (
    "Worm",
    "Rule 38",
    "No effective remedy: the period",
    "month end",
    "Rule 47",
    # The UN-forum notes and check()'s acceptance and same-matter findings.
    "ratione temporis",
    "has not accepted the procedure",
    "extraordinary remedy",
    "effectiveness is doubtful",
    "press releases do not say",
    "is unsettled",
    "abuse of the right",
    "rule 99 (c)",
    "denunciation",
    "depositary",
    "has not been accepted",
    "applies only from",
    "same facts is not recorded",
    "Article 35 § 2 (b)",
    "procedural inadmissibility",
    "same nature",
)


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


# ----------------------------------------------------------------- the UN forums' notes


def _un_firm(tmp_path: Path, forum: str, name: str, notice_id: str, text: str) -> RuleSet:
    path = tmp_path / f"{forum}-{notice_id}.toml"
    path.write_text(
        f'schema_version = 1\nforum = "{forum}"\nname = "{name}"\n\n'
        '[[sources]]\nid = "firm-memo"\ntitle = "Firm memorandum (fictional)"\nconfidence = "high"\n\n'
        f'[[notices]]\nid = "{notice_id}"\ntext = "{text}"\nsources = ["firm-memo"]\n',
        encoding="utf-8",
    )
    return load_rules(path)


def _hrc_late(**kw: object) -> litigate.Case:
    return litigate.Case(
        forum="hrc",
        respondent="FRA",
        lodged_on=date(2025, 1, 10),
        complaints=[Complaint(provision="ICCPR-9-1")],
        proceedings=[
            DomesticDecision(
                court="Cour de cassation", level="cassation", taken_on=date(2019, 1, 8)
            )
        ],
        **kw,  # type: ignore[arg-type]
    )


def test_the_rule_99c_presumption_is_the_hrc_data_and_a_firm_replaces_it(tmp_path: Path) -> None:
    window = litigate.filing_window(_hrc_late(), as_of=date(2025, 2, 1))
    note = _note(window, "presumption_passed")
    assert note.message.startswith(
        "Lodged after 8 January 2024, the communication is presumed an abuse of the right of "
        "submission unless the delay is justified: "
    )
    packaged, cited = load_rules().notice("hrc", "presumption_passed")
    assert packaged.sources == ("ccpr-rop-99c", "op1-art3")
    assert cited is not None
    assert note.source == cited
    firm = _un_firm(
        tmp_path, "hrc", "Human Rights Committee", "presumption_passed", "After {end}: {exception}"
    )
    window = litigate.filing_window(_hrc_late(), as_of=date(2025, 2, 1), rules=firm)
    firm_note = _note(window, "presumption_passed")
    assert firm_note.message.startswith("After 8 January 2024: ")
    assert firm_note.source is not None
    assert "Firm memorandum" in firm_note.source
    assert window.complaints[0].deadline == date(2024, 1, 8)


def test_a_firm_rewrites_the_un_ratione_temporis_note_of_one_committee_only(
    tmp_path: Path,
) -> None:
    firm = _un_firm(
        tmp_path,
        "hrc",
        "Human Rights Committee",
        "ratione_temporis_on",
        "{state}: {instrument} ended on {until} (facts of {facts}).",
    )
    case = litigate.Case(
        forum="hrc",
        respondent="BLR",
        complaints=[Complaint(provision="ICCPR-9-1", events_from=date(2023, 2, 8))],
    )
    window = litigate.filing_window(case, as_of=date(2024, 1, 1), rules=firm)
    assert [n.message for n in window.complaints[0].warnings if n.code == "ratione_temporis"] == [
        "BLR: ICCPR-OP1 ended on 8 February 2023 (facts of 8 February 2023)."
    ]
    # The other forums keep their own wording.
    assert firm.notice("cat", "ratione_temporis_on")[0].text.startswith("The facts ({facts})")


def test_each_committee_gives_its_own_notes_with_its_own_basis() -> None:
    rules = load_rules()
    for forum in ("hrc", "cat", "cerd", "cedaw", "crpd", "crc", "ced", "cescr"):
        own = rules.forum(forum)
        temporal = own.temporal
        assert temporal is not None
        for notice_id in ("not_accepted", "ratione_temporis", "ratione_temporis_after"):
            notice = own.notice(notice_id)
            assert notice is not None, (forum, notice_id)
            assert set(notice.sources) <= set(temporal.sources), (forum, notice_id)
        assert own.notice("same_matter_inadmissible") is not None, forum
    # Only the Committees whose data call for them give the rule-specific notes.
    assert {f for f in rules.forums if rules.forum(f).notice("analogy")} == {
        "ced",
        "cedaw",
        "crpd",
    }
    assert {f for f in rules.forums if rules.forum(f).notice("notification_alternative")} == {
        "hrc",
        "cerd",
        "cescr",
        "crc",
    }
    # check()'s acceptance findings are the default set of the Court's file, uncited
    # (the acceptance row stays the printed source).
    notice, cited = rules.notice("cat", "procedure_not_accepted")
    assert notice is rules.forum("ecthr").notice("procedure_not_accepted")
    assert cited is None


def test_the_loader_refuses_a_committee_file_without_the_notes_its_data_call_for() -> None:
    from litigate.errors import RuleDataError
    from litigate.rules.loader import validate_forum

    hrc = load_rules().forum("hrc")
    kept = tuple(n for n in hrc.notices if n.id != "notification_alternative")
    with pytest.raises(RuleDataError, match="later_trigger_scenario calls for the notice"):
        validate_forum(attrs.evolve(hrc, notices=kept), "hrc.toml")


def test_the_same_nature_finding_is_the_ced_data(tmp_path: Path) -> None:
    case = litigate.Case(
        forum="ced",
        respondent="FRA",
        complaints=[Complaint(provision="ICPPED-2")],
        other_procedures=[litigate.OtherProcedure(body="ecthr", status="pending")],
    )
    found = [f for f in litigate.check(case, as_of=date(2025, 1, 1)) if f.code == "same_matter"]
    assert len(found) == 1
    assert "(whether it concerns the same facts is not recorded)" in found[0].message
    assert found[0].message.endswith("Only a procedure of the same nature bars the communication.")
    firm = _un_firm(
        tmp_path,
        "ced",
        "Committee on Enforced Disappearances",
        "same_nature_only",
        "Same nature only (firm).",
    )
    found = [
        f
        for f in litigate.check(case, as_of=date(2025, 1, 1), rules=firm)
        if f.code == "same_matter"
    ]
    assert found[0].message.endswith("Same nature only (firm).")
