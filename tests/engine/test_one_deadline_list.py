"""One list of deadlines per case: under a firm's rules the draft, the calendar, the docket,
the checks and the CLI state the same date (issue 17, point 4)."""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path

import docx
import pytest

import litigate
from litigate._court_dates import court_date
from litigate.batch.jobs import RenderJob
from litigate.batch.run import read_inputs, render_many
from litigate.caseload import case_docket
from litigate.cli import main
from litigate.drafts.api import render
from litigate.engine.deadlines import deadlines
from litigate.ics import deadline_calendar
from litigate.model import Applicant, Case, Judgment
from litigate.rules import RuleSet, load_rules
from tests.engine.test_weekend_rule_data import _firm as weekend_firm

# A Chamber judgment of Monday 6 February 2023: three months end on Saturday 6 May 2023.
# The packaged rule refuses the weekend extension; the firm's rule grants it (8 May).
DELIVERED = date(2023, 2, 6)
AS_OF = date(2023, 3, 1)
PACKAGED = date(2023, 5, 6)
FIRM = date(2023, 5, 8)

_CASE_FILE = """
schema_version = 1
forum = "ecthr"
respondent = "AZE"
title = "Mammadli v. Azerbaijan"
application_no = "12345/20"

[[applicants]]
kind = "person"
name = "Leyla Mammadli"

[judgment]
delivered_on = 2023-02-06
formation = "chamber"
referral_reasons = "The case raises a serious question of general importance."
"""


def _firm(tmp_path: Path) -> Path:
    """The firm's reading of the referral rule: the weekend extension granted."""
    return weekend_firm(tmp_path, "true")


def _case() -> Case:
    return Case(
        forum="ecthr",
        respondent="AZE",
        title="Mammadli v. Azerbaijan",
        application_no="12345/20",
        applicants=[Applicant.person(name="Leyla Mammadli")],
        judgment=Judgment(
            delivered_on=DELIVERED,
            referral_reasons="The case raises a serious question of general importance.",
        ),
    )


def _text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(c.text for row in table.rows for c in row.cells)
    return "\n".join(parts)


def _stated(rules: RuleSet | None) -> tuple[date, date, date, str]:
    case = _case()
    computed = deadlines(case, as_of=AS_OF, rules=rules).referral
    assert computed is not None
    event = next(
        e
        for e in deadline_calendar([case], as_of=AS_OF, rules=rules).events
        if e.kind == "referral"
    )
    entry = next(
        e for e in case_docket([case], as_of=AS_OF, rules=rules).entries if e.kind == "referral"
    )
    assert entry.on is not None
    draft = _text(render("ecthr/referral-request", case=case, as_of=AS_OF, rules=rules))
    return computed.date, event.on, entry.on, draft


def test_under_a_firm_override_the_draft_calendar_and_docket_state_the_same_date(
    tmp_path: Path,
) -> None:
    computed, event, entry, draft = _stated(load_rules(_firm(tmp_path)))
    assert computed == event == entry == FIRM
    assert "8 May 2023" in draft
    assert "6 May 2023" not in draft


def test_with_the_packaged_rules_nothing_changes() -> None:
    computed, event, entry, draft = _stated(None)
    assert computed == event == entry == PACKAGED
    assert "6 May 2023" in draft
    assert "8 May 2023" not in draft


def test_check_reads_the_same_list() -> None:
    case = _case()
    found = deadlines(case, as_of=AS_OF)
    assert litigate.check(case, as_of=AS_OF, deadlines=found) == litigate.check(case, as_of=AS_OF)


def test_the_cli_takes_rules_on_calendar_and_render(tmp_path: Path) -> None:
    firm = _firm(tmp_path)
    case_file = tmp_path / "case.toml"
    case_file.write_text(_CASE_FILE, encoding="utf-8")
    for rules, expected in (([], PACKAGED), (["--rules", str(firm)], FIRM)):
        out = io.StringIO()
        ics = tmp_path / "cal.ics"
        code = main(
            [
                "calendar",
                str(case_file),
                "--out",
                str(ics),
                "--as-of",
                "2023-03-01",
                "--json",
                "--overwrite",
                *rules,
            ],
            out=out,
            err=io.StringIO(),
        )
        assert code == 0
        events = json.loads(out.getvalue())["events"]
        assert [e["date"] for e in events if e["kind"] == "referral"] == [expected.isoformat()]
        folder = tmp_path / ("firm" if rules else "packaged")
        folder.mkdir()
        code = main(
            [
                "render",
                str(case_file),
                "ecthr/referral-request",
                "--out",
                str(folder),
                "--as-of",
                "2023-03-01",
                *rules,
            ],
            out=io.StringIO(),
            err=io.StringIO(),
        )
        assert code == 0
        (written,) = folder.glob("*.docx")
        assert court_date(expected) in _text(written.read_bytes())


def test_the_cli_refuses_a_bad_rules_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(
        'schema_version = 1\nforum = "ecthr"\n[[deadlines]]\nid = 3\n', encoding="utf-8"
    )
    case_file = tmp_path / "case.toml"
    case_file.write_text(_CASE_FILE, encoding="utf-8")
    err = io.StringIO()
    code = main(["check", str(case_file), "--rules", str(bad)], out=io.StringIO(), err=err)
    assert code == 2
    assert "bad.toml" in err.getvalue()


def test_the_batch_renders_under_the_firm_rules_and_knows_they_changed(tmp_path: Path) -> None:
    firm = load_rules(_firm(tmp_path))
    job = RenderJob("ecthr/referral-request", _case(), name="referral.docx", as_of=AS_OF)
    out = tmp_path / "out"
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        render_many([job], out_dir=out, executor=pool, progress=False)
        packaged = (out / "referral.docx").read_bytes()
        assert "6 May 2023" in _text(packaged)
        again = render_many([job], out_dir=out, executor=pool, progress=False, rules=firm)
    assert [r.status.value for r in again.results] == ["written"]  # stale under other rules
    data = (out / "referral.docx").read_bytes()
    assert "8 May 2023" in _text(data)
    assert read_inputs(data)[1] != read_inputs(packaged)[1]


def test_the_reply_to_observations_argues_under_the_firm_rules(tmp_path: Path) -> None:
    from litigate import load_case
    from litigate.drafts.reply import reply_skeleton
    from litigate.parse.observations import read_observations
    from tests.docx_factory import gasimzade_docx
    from tests.drafts.test_reply import AS_OF as REPLY_AS_OF
    from tests.drafts.test_reply import CASE as REPLY_CASE
    from tests.firm_rules import firm_file

    case = load_case(REPLY_CASE)
    observations = read_observations(gasimzade_docx("en"))
    # A fictional ten-day suspension of the Article 35 period (1 to 10 June 2025).
    firm = load_rules(
        firm_file(
            tmp_path,
            """
[[suspensions]]
id = "ecthr.suspension.fictional"
title = "a fictional suspension of time limits"
reference = "fictional order"
start = 2025-06-01
end = 2025-06-10
applies_to = ["ecthr.time_limit"]
sources = ["firm-memo"]
confidence = "low"

[[suspensions.examples]]
name = "Served 26 May 2025"
rule = "ecthr.time_limit"
start = 2025-05-26
expect = 2025-10-06
""",
        )
    )
    packaged = reply_skeleton(case, observations, as_of=REPLY_AS_OF)
    under_firm = reply_skeleton(case, observations, as_of=REPLY_AS_OF, rules=firm)
    (before,) = [s for s in packaged.sections if s.kind == "time_limit"]
    (after,) = [s for s in under_firm.sections if s.kind == "time_limit"]
    assert "26 September 2025" in before.argument
    assert "6 October 2025" in after.argument


def test_a_group_renders_its_forms_under_the_rules_of_its_docket(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from litigate.group import load_group
    from litigate.group import run as group_run
    from tests.group.test_group import EXAMPLE

    firm = load_rules(_firm(tmp_path))
    seen: dict[str, object] = {}
    real = group_run.render_many  # type: ignore[attr-defined]

    def recording(jobs: object, **kwargs: object) -> object:
        seen.update(kwargs)
        return real([], **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(group_run, "render_many", recording)
    group = load_group(EXAMPLE / "applicants.csv", base=EXAMPLE / "base.toml")
    with ThreadPoolExecutor(1) as pool:
        group_run.render_group(
            group, tmp_path / "out", as_of=AS_OF, executor=pool, progress=False, rules=firm
        )
    assert seen["rules"] is firm
