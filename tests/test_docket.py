"""The docket across cases: status words, execution deadlines of a real judgment, what moved."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path

import icalendar
import pytest

import litigate
import litigate.caseload
import litigate.group
from litigate.caseload import STATUS_WORDS, case_docket, what_moved
from litigate.cli import main
from litigate.display.docket import docket_html, docket_png, docket_svg
from litigate.engine.execution import action_plan_due, dh_meeting, rule9_last_day
from litigate.model import CmDecision, Execution, Judgment

REAL = Path(__file__).parent / "data" / "real" / "ilgar-mammadov"
EXAMPLES = Path(__file__).parent.parent / "examples"


def _case(title: str, **kwargs: object) -> litigate.Case:
    base: dict[str, object] = {
        "forum": "ecthr",
        "respondent": "AZE",
        "title": title,
        "applicants": [litigate.Applicant.person(name="Rauf Aliyev")],
        "complaints": [litigate.Complaint(provision="ECHR-10")],
        "proceedings": [
            litigate.DomesticDecision(
                court="Supreme Court of Azerbaijan",
                level="cassation",
                taken_on=date(2025, 6, 18),
                served_on=date(2025, 7, 2),
            )
        ],
    }
    base.update(kwargs)
    return litigate.Case(**base)  # type: ignore[arg-type]


# The safe deadline of _case() is 18 October 2025.
@pytest.mark.parametrize(
    ("as_of", "extra", "status"),
    [
        (date(2025, 8, 1), {}, "open"),
        (date(2025, 10, 10), {}, "due soon"),
        (date(2025, 10, 18), {}, "today"),
        (date(2025, 10, 20), {}, "expired"),
        (date(2027, 10, 20), {"lodged_on": date(2025, 9, 1)}, "lodged in time"),
        (date(2027, 10, 20), {"lodged_on": date(2025, 12, 1)}, "lodged out of time"),
    ],
)
def test_filing_window_status_words(as_of: date, extra: dict[str, object], status: str) -> None:
    d = case_docket([_case("Aliyev v. Azerbaijan", **extra)], as_of=as_of)
    (entry,) = d.entries
    assert entry.status == status
    assert entry.status in STATUS_WORDS
    if status.startswith("lodged"):
        assert entry.days_left is None  # never "expired -759"


def test_closed_status_words() -> None:
    judgment = Judgment(
        delivered_on=date(2026, 1, 15),
        final_on=date(2026, 1, 20),
        execution=Execution(
            paid_on=date(2026, 3, 1), action_plan_on=date(2026, 5, 1), meetings=[date(2026, 6, 9)]
        ),
    )
    limit = litigate.RegistryTimeLimit(
        what="Observations in reply",
        letter_on=date(2025, 9, 1),
        due_on=date(2025, 12, 1),
        filed_on=date(2025, 11, 20),
    )
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title="Aliyev v. Azerbaijan",
        judgment=judgment,
        registry_time_limits=[limit],
    )
    statuses = {e.kind: e.status for e in case_docket([case], as_of=date(2026, 6, 1)).entries}
    assert statuses == {
        "registry_time_limit": "filed",
        "referral": "final",
        "payment": "paid",
        "action_plan": "submitted",
        "rule9": "expired",  # 10 working days before 9 June 2026: 26 May 2026
    }


def test_no_date_and_same_article_labels() -> None:
    complaints = [
        litigate.Complaint(provision="ECHR-3", label="beating at the police station"),
        litigate.Complaint(provision="ECHR-3", label="conditions of detention"),
    ]
    d = case_docket([_case("Aliyev v. Azerbaijan", complaints=complaints)], as_of=date(2025, 8, 1))
    whats = [e.what for e in d.entries]
    assert "Article 3 of the Convention (beating at the police station)" in whats
    assert "Article 3 of the Convention (conditions of detention)" in whats
    empty = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title="Nobody v. Azerbaijan",
        complaints=[litigate.Complaint(provision="ECHR-10")],
    )
    (entry,) = case_docket([empty], as_of=date(2025, 8, 1)).entries
    assert (entry.status, entry.on, entry.case) == ("no date", None, "Nobody v. Azerbaijan")


def _mammadov() -> litigate.Case:
    """Ilgar Mammadov v. Azerbaijan, dates from the GC's Article 46 § 4 judgment and CM documents."""
    gc = (REAL / "gc-46-4-judgment.txt").read_text(encoding="utf-8")
    notes = (REAL / "cm-notes-1348.txt").read_text(encoding="utf-8")
    resolution = (REAL / "resdh-2017-379.txt").read_text(encoding="utf-8")
    assert "no. 15172/13, 22 May 2014" in gc and "became final on 13 October 2014" in gc
    assert "1348th meeting, 4-6 June 2019 (DH)" in notes
    assert "Adopted by the Committee of Ministers on 25 October 2017 at the 1298th" in resolution
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title="Ilgar Mammadov v. Azerbaijan",
        application_no="15172/13",
        applicants=[litigate.Applicant.person(name="Ilgar Mammadov")],
        judgment=Judgment(
            delivered_on=date(2014, 5, 22),
            final_on=date(2014, 10, 13),
            violations=["ECHR-5-1", "ECHR-18"],
            execution=Execution(
                supervision="enhanced",
                group="Ilgar Mammadov group",
                meetings=[dh_meeting(1348).starts_on],
                decisions=[
                    CmDecision(
                        symbol="CM/ResDH(2017)379",
                        adopted_on=date(2017, 10, 25),
                        kind="article_46_4",
                    ),
                ],
                infringement_judgment_on=date(2019, 5, 29),
            ),
        ),
    )


def test_execution_deadlines_of_a_real_judgment_under_supervision() -> None:
    assert action_plan_due(date(2014, 10, 13)).date == date(2015, 4, 13)
    meeting = dh_meeting(1348)
    assert (meeting.starts_on, meeting.ends_on) == (date(2019, 6, 4), date(2019, 6, 6))
    assert "CM/Notes/1348/H46-1" in meeting.source
    assert rule9_last_day(meeting.starts_on).date == date(2019, 5, 21)
    assert dh_meeting(1302).starts_on == date(2017, 12, 5)
    d = case_docket([_mammadov()], as_of=date(2019, 5, 1))
    dated = {e.kind: (e.on, e.status) for e in d.entries}
    assert dated["payment"] == (date(2015, 1, 13), "expired")
    assert dated["action_plan"] == (date(2015, 4, 13), "expired")
    assert dated["rule9"] == (date(2019, 5, 21), "open")
    assert dated["referral"][1] == "final"
    rule9 = next(e for e in d.entries if e.kind == "rule9")
    assert any("Rules of the Committee of Ministers" in s for s in rule9.sources)


def test_execution_deadlines_join_the_calendar() -> None:
    data = litigate.ics.calendar([_mammadov()], as_of=date(2019, 5, 1))
    events = icalendar.Calendar.from_ical(data).walk("VEVENT")
    summaries = [str(e["SUMMARY"]) for e in events]
    assert any("Rule 9 communication for the DH meeting of 4 June 2019" in s for s in summaries)
    assert any("Action plan" in s for s in summaries)


def test_anonymised_calendar_has_initials_and_numbers_only() -> None:
    case = _mammadov()
    data = litigate.ics.calendar([case], as_of=date(2019, 5, 1), anonymise=True)
    text = icalendar.Calendar.from_ical(data).to_ical().decode()
    assert "Mammadov" not in text.replace("\r\n ", "")
    assert "I.M. (no. 15172/13)" in text.replace("\r\n ", "")


def test_what_moved_lists_an_extension_and_a_new_deadline() -> None:
    limit = litigate.RegistryTimeLimit(
        what="Observations in reply", letter_on=date(2026, 9, 1), due_on=date(2026, 12, 1)
    )
    before = case_docket(
        [_case("Aliyev v. Azerbaijan", registry_time_limits=[limit])], as_of=date(2026, 11, 20)
    )
    extended = litigate.RegistryTimeLimit(
        what="Observations in reply",
        letter_on=date(2026, 9, 1),
        due_on=date(2026, 12, 1),
        extended_to=date(2027, 1, 15),
    )
    judgment = Judgment(delivered_on=date(2026, 11, 19))
    after = case_docket(
        [_case("Aliyev v. Azerbaijan", registry_time_limits=[extended], judgment=judgment)],
        as_of=date(2026, 11, 21),
    )
    moves = {m.change: m for m in what_moved(before.to_json(), after)}
    assert moves["moved"].before == "2026-12-01" and moves["moved"].after == "2027-01-15"
    assert "extended" in moves["moved"].why
    assert moves["new"].what.startswith("Request for referral")
    assert set(moves) == {"moved", "new"}
    assert what_moved(after.to_json(), after) == ()


def test_public_docket_name_keeps_the_group_docket() -> None:
    base = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
    group = litigate.load_group(b"applicant_id,name\nA1,Rauf Aliyev\n", base=base, format="csv")
    assert isinstance(litigate.docket(group, as_of=date(2026, 1, 5)), litigate.group.Docket)
    d = litigate.docket([group], as_of=date(2026, 1, 5))
    assert isinstance(d, litigate.caseload.CaseDocket)
    assert d.entries[0].case == "Group application – A1"


def test_display_table_and_timeline() -> None:
    d = case_docket([_mammadov()], as_of=date(2019, 5, 1))
    page = d._repr_html_()
    assert page == docket_html(d) and "Rule 9 communication" in page and "<svg" in page
    svg = docket_svg(d)
    assert len(re.findall(r'class="mark"', svg)) == len(d.entries)
    assert docket_png(d).startswith(b"\x89PNG")


def test_cli_example_docket_with_what_moved(tmp_path: Path) -> None:
    saved = tmp_path / "yesterday.json"
    out = io.StringIO()
    assert (
        main(
            ["docket", str(EXAMPLES), "--as-of", "2026-12-06", "--save", str(saved)],
            out=out,
            err=io.StringIO(),
        )
        == 0
    )
    assert "Nardaran group v. Azerbaijan – N003" in out.getvalue()
    picture = tmp_path / "docket.svg"
    out = io.StringIO()
    code = main(
        [
            "docket",
            str(EXAMPLES),
            "--as-of",
            "2026-12-07",
            "--since",
            str(saved),
            "--timeline",
            str(picture),
            "--json",
        ],
        out=out,
        err=io.StringIO(),
    )
    assert code == 0
    payload = json.loads(out.getvalue())
    cases = {e["case"] for e in payload["entries"]}
    assert {"Sadigzade v. Azerbaijan", "Nardaran group v. Azerbaijan – N003"} <= cases
    assert {e["status"] for e in payload["entries"]} <= set(STATUS_WORDS)
    assert payload["moved"] == [] or all(m["change"] == "status" for m in payload["moved"])
    assert picture.read_text(encoding="utf-8").startswith("<svg")


def test_cm_symbols_read_in_real_cm_notes() -> None:
    text = (REAL / "cm-notes-1348.txt").read_text(encoding="utf-8")
    found = {m.text: m.pattern for m in litigate.find_citations(text)}
    assert found["CM/Notes/1348/H46-1"] == "cm.notes"
    assert found["CM/ResDH(2017)379"] == "cm.resolution"
    assert found["CM/Del/Dec(2019)1344/H46-1"] == "cm.decision"
    assert found["DH-DD(2018)1097"] == "cm.dh_document"
    assert "DD(2018)777" not in found  # a DD document is not a DH-DD document
    parsed = litigate.parse_citation("CM/Del/Dec(2024)1501/H46-3")
    assert (parsed.kind, parsed.year, parsed.number, parsed.item) == (  # type: ignore[union-attr]
        "decision",
        2024,
        1501,
        "H46-3",
    )


def test_same_matter_pairs_found_across_files(tmp_path: Path) -> None:
    ecthr = {
        "forum": "ecthr",
        "respondent": "AZE",
        "title": "Aliyev v. Azerbaijan",
        "lodged_on": "2025-03-01",
        "applicants": [{"kind": "person", "name": "Rauf Aliyev"}],
        "complaints": [{"provision": "ECHR-10"}],
    }
    hrc = {
        "forum": "hrc",
        "respondent": "AZE",
        "title": "R.A. v. Azerbaijan",
        "applicants": [{"kind": "person", "name": "Rauf  Aliyev"}],
        "complaints": [{"provision": "ICCPR-19-2"}],
    }
    cat = {
        "forum": "cat",
        "respondent": "AZE",
        "title": "S.M. v. Azerbaijan",
        "applicants": [{"kind": "person", "name": "Samir Mammadov"}],
        "complaints": [{"provision": "CAT-2-1"}],
    }
    paths = []
    for name, data in (("a", ecthr), ("b", hrc), ("c", cat)):
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        paths.append(path)
    cases = [litigate.load_case(p) for p in paths]
    (pair,) = litigate.caseload.same_matter_pairs(cases, as_of=date(2026, 1, 5))
    assert (pair.first, pair.second) == ("Aliyev v. Azerbaijan", "R.A. v. Azerbaijan")
    by_case = {
        name: (severity, message, source) for name, severity, message, source in pair.findings
    }
    assert "Article 35 § 2 (b)" in by_case["Aliyev v. Azerbaijan"][1]
    _severity, message, source = by_case["R.A. v. Azerbaijan"]
    assert "OP1 art. 5 (2) (a)" in message and "pending" in message
    assert source is not None and "999 UNTS 171" in source


def test_rule9_submission_context_has_the_execution_deadlines() -> None:
    from litigate.drafts.later import later_context

    values = later_context(_mammadov(), as_of=date(2019, 5, 1), locale="en", lang="en")
    judgment = values["judgment"]
    assert isinstance(judgment, dict)
    execution = judgment["execution"]
    assert execution["action_plan_due"] == "13 April 2015"
    assert execution["action_plan_due_passed"] is True
    assert (execution["next_meeting"], execution["rule9_last_day"]) == (
        "4 June 2019",
        "21 May 2019",
    )


def test_forums_compares_acceptance_time_and_same_matter_bars() -> None:
    case = litigate.load_case(EXAMPLES / "journalist-detention" / "case.toml")
    options = {o.forum: o for o in litigate.forums(case, as_of=date(2026, 12, 7))}
    assert options["ecthr"].accepted is True and options["ecthr"].days_left is not None
    assert options["ecthr"].time_left_note is None
    assert options["crc"].accepted is False  # Azerbaijan has not accepted OP3-CRC
    assert options["hrc"].same_matter == "OP1 art. 5 (2) (a): bars a matter pending elsewhere"
    assert "pending or examined" in (options["cat"].same_matter or "")
    assert options["hrc"].acceptance_sources


def test_forums_give_each_forums_interim_measures_with_sources() -> None:
    case = litigate.load_case(EXAMPLES / "journalist-detention" / "case.toml")
    options = {o.forum: o for o in litigate.forums(case, as_of=date(2026, 12, 7))}
    assert (options["ecthr"].interim_measures or "").startswith("Rule 39 of the Rules of Court:")
    assert "rule 94 of the Committee's rules of procedure (CCPR/C/3/Rev.12)" in (
        options["hrc"].interim_measures or ""
    )
    assert any("CCPR/C/135/D/2945/2017" in s for s in options["hrc"].interim_measures_sources)
    assert "rule 114" in (options["cat"].interim_measures or "")
    # The treaty articles are taken from the domain notes' table only: flagged.
    for forum, pin in (
        ("cerd", "rule 94 (3)"),
        ("cedaw", "article 5 (1)"),
        ("crpd", "article 4 (1)"),
        ("crc", "article 6 (1)"),
        ("cescr", "article 5 (1)"),
        ("ced", "article 31 (4)"),
    ):
        text = options[forum].interim_measures or ""
        assert pin in text and text.endswith("[unconfirmed]"), forum
    assert not (options["ecthr"].interim_measures or "").endswith("[unconfirmed]")


@pytest.mark.parametrize(("forum", "framed_as"), [("hrc", "ICCPR-9-1"), ("cerd", "ICERD-5-b")])
def test_forums_compute_time_left_before_other_forums_on_the_same_dates(
    forum: str, framed_as: str
) -> None:
    import attrs

    case = litigate.load_case(EXAMPLES / "journalist-detention" / "case.toml")
    as_of = date(2026, 12, 7)
    options = {o.forum: o for o in litigate.forums(case, as_of=as_of)}
    # The same case framed by hand under the other treaty, on the same decisions and dates.
    by_hand = attrs.evolve(
        case,
        forum=forum,
        complaints=[
            attrs.evolve(c, provision=framed_as, in_conjunction_with=[]) for c in case.complaints
        ],
        interim_measures=None,
        judgment=None,
        lodged_on=None,
        application_no=None,
    )
    expected = litigate.filing_window(by_hand, as_of=as_of).days_left
    assert expected is not None
    assert options[forum].days_left == expected
    assert options[forum].days_left != options["ecthr"].days_left
    note = options[forum].time_left_note or ""
    assert note.startswith(f"re-framed for {forum}")
    assert "no mapping" in note and "ECHR-5-1" in note


def test_forums_say_why_time_left_is_not_computed() -> None:
    case = litigate.load_case(EXAMPLES / "journalist-detention" / "case.toml")
    options = {o.forum: o for o in litigate.forums(case, as_of=date(2026, 12, 7))}
    assert options["crc"].days_left is None
    assert (options["crc"].time_left_note or "").startswith(
        "not computed: the respondent State had not accepted the crc procedure"
    )
    # CAT sets no fixed time limit here: a continuing situation, said so.
    assert options["cat"].days_left is None
    assert "(no day count: continuing)" in (options["cat"].time_left_note or "")
    bare = litigate.Case(forum="hrc", respondent="AZE", title="R.A. v. Azerbaijan")
    empty = {o.forum: o for o in litigate.forums(bare, as_of=date(2025, 1, 1))}
    assert empty["ecthr"].time_left_note == "not computed: the case file records no complaint"
