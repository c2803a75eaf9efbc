"""The command line: tables, JSON, CSV, exit codes, one line per problem."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from litigate.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted(str(p) for p in (ROOT / "examples").glob("*/case.toml"))
DOCKET = [
    str(ROOT / "examples" / name / "case.toml")
    for name in (
        "cat-torture-communication",
        "custody-ill-treatment",
        "disbarred-lawyer",
        "hrc-after-ecthr",
        "journalist-detention",
        "travel-ban-defender",
    )
]


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_deadlines_table_across_the_docket():
    code, out, err = run("deadlines", *EXAMPLES, "--as-of", "2026-11-23")

    assert code == 0, err
    assert out.startswith("Filing windows as of 2026-11-23")
    assert "2026-11-29" in out
    lines = out.splitlines()[2:]
    deadlines = [line.split()[0] for line in lines]
    assert deadlines  # sorted by deadline by default


def test_deadlines_json_and_csv():
    code, out, _ = run("deadlines", *EXAMPLES, "--as-of", "2026-11-23", "--json")
    data = json.loads(out)

    assert code == 0
    assert data["as_of"] == "2026-11-23"
    dated = [w["deadline"] for w in data["windows"] if w["deadline"]]
    assert dated == sorted(dated)

    code, out, _ = run("deadlines", *EXAMPLES, "--as-of", "2026-11-23", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0
    assert len(rows) == len(data["windows"])


def test_strict_exit_code_on_expired_deadlines():
    code, _, _ = run("deadlines", *EXAMPLES, "--as-of", "2026-11-23", "--strict")

    assert code == 1  # the custody case's window expired in 2025


def test_bad_case_file_one_line_per_problem(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text('forum = "ecthr"\nrespondent = "AZ"\ncolour = 1\n', encoding="utf-8")
    code, _, err = run("deadlines", str(bad), "--as-of", "2026-11-23")

    assert code == 2
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 2
    assert all(line.startswith("litigate: ") for line in err.strip().splitlines())


def test_check_json_and_strict():
    case = str(ROOT / "examples" / "custody-ill-treatment" / "case.toml")
    code, out, _ = run("check", case, "--as-of", "2026-11-23", "--json")

    assert code == 0
    assert "findings" in json.loads(out)
    code, _, _ = run("check", case, "--as-of", "2026-11-23", "--strict")
    assert code in (0, 1)


def test_schema_and_parse_date():
    code, out, _ = run("schema")
    assert code == 0
    assert json.loads(out)["title"] == "litigate case file"

    assert run("parse-date", "18 ноября 2025 г.") == (0, "2025-11-18\n", "")
    code, _, err = run("parse-date", "03/04/2025")
    assert code == 2
    assert "ambiguous" in err
    assert run("parse-date", "03/04/2025", "--date-order", "DMY")[1] == "2025-04-03\n"


def test_citations(tmp_path: Path):
    text = tmp_path / "letter.txt"
    text.write_text(
        "See Sabri Güneş v. Turkey [GC], no. 27396/06, and CAT/C/AZE/CO/4.", encoding="utf-8"
    )
    code, out, _ = run("citations", str(text), "--json")

    assert code == 0
    canonical = {c["canonical"] for c in json.loads(out)["citations"]}
    assert "CAT/C/AZE/CO/4" in canonical


def test_usage_error_exit_code():
    assert run("deadlines")[0] == 2
    assert run("deadlines", "x.toml", "--as-of", "23/11/2026")[0] == 2


@pytest.mark.slow
def test_console_script_is_installed():
    import subprocess
    import sys

    exe = Path(sys.executable).parent / "litigate"
    if not exe.exists():
        pytest.skip("the console script is not installed next to this interpreter")
    out = subprocess.run(
        [str(exe), "parse-date", "18 noyabr 2025"], capture_output=True, text=True, check=True
    )
    assert out.stdout == "2025-11-18\n"


def test_broken_pipe_is_quiet():
    class Closed(io.StringIO):
        def write(self, s):
            raise BrokenPipeError

    code = main(["schema"], out=Closed(), err=io.StringIO())

    assert code == 0


def test_render_and_lint_templates(tmp_path: Path):
    case = str(ROOT / "examples" / "disbarred-lawyer" / "case.toml")
    code, out, err = run(
        "render",
        case,
        "ecthr/application",
        "--locale",
        "fr",
        "--out",
        str(tmp_path),
        "--as-of",
        "2026-11-23",
    )

    assert code == 0, err
    written = Path(out.strip())
    assert written.name == "ecthr-application.fr.docx"
    assert written.exists()
    code, out, _ = run(
        "render",
        case,
        "ecthr/application",
        "--out",
        str(tmp_path),
        "--as-of",
        "2026-11-23",
        "--anonymise",
    )
    assert code == 0
    assert Path(out.strip()).name == "ecthr-application.en.public.docx"

    code, out, _ = run("lint-templates", str(ROOT / "templates"))
    assert code == 0
    assert "with problems" in out


def test_render_refuses_an_unknown_template(tmp_path: Path):
    case = str(ROOT / "examples" / "disbarred-lawyer" / "case.toml")
    code, _, err = run(
        "render", case, "ecthr/nothing", "--out", str(tmp_path), "--as-of", "2026-11-23"
    )

    assert code == 2
    assert err.startswith("litigate: no template 'ecthr/nothing'")


# ---------------------------------------------------------------- reply


CUSTODY = str(ROOT / "examples" / "custody-ill-treatment" / "case.toml")


def _observations(tmp_path: Path, language: str = "en") -> Path:
    from tests.docx_factory import gasimzade_docx

    path = tmp_path / f"observations.{language}.docx"
    path.write_bytes(gasimzade_docx(language))
    return path


def test_reply_writes_the_draft_and_summarises_sections(tmp_path: Path):
    import docx

    target = tmp_path / "reply.docx"
    code, out, err = run(
        "reply",
        CUSTODY,
        str(_observations(tmp_path)),
        "--out",
        str(target),
        "--as-of",
        "2026-11-23",
    )

    assert code == 0, err
    assert target.exists()
    text = "\n".join(p.text for p in docx.Document(str(target)).paragraphs)
    assert "Non-exhaustion of domestic remedies" in text
    lines = out.splitlines()
    assert lines[0].split() == ["section", "paragraphs", "review"]
    assert "A. The facts" in lines[1]
    assert "B. Non-exhaustion of domestic remedies" in lines[2]
    assert "§§ 9–14" in lines[2]
    # the working draft prints the review notes in their own part, and the CLI lists them
    assert "Review notes for the lawyer (remove before filing)" in text
    assert any(line.startswith("Review note: § 15:") for line in lines)
    assert lines[-1] == f"7 section(s), 7 to review: {target}"


def test_reply_json_and_french(tmp_path: Path):
    target = tmp_path / "reponse.docx"
    code, out, err = run(
        "reply",
        CUSTODY,
        str(_observations(tmp_path, "fr")),
        "--out",
        str(target),
        "--locale",
        "fr",
        "--as-of",
        "2026-11-23",
        "--json",
    )
    data = json.loads(out)

    assert code == 0, err
    assert data["locale"] == "fr"
    assert data["to_review"] == sum(s["needs_review"] for s in data["sections"])
    keys = [s["key"] for s in data["sections"]]
    assert "objection:time_limit" in keys
    assert "article:3" in keys
    assert data["sections"][0]["answers"] == [1, 2, 3, 4, 5, 6, 7, 8]
    first = data["sections"][1]
    assert first["answers"] == [9, 10, 11, 12, 13, 14]
    assert first["opening"].startswith("En réponse aux paragraphes 9 à 14")
    assert data["review_notes"]


def test_reply_refuses_to_overwrite_an_edited_draft(tmp_path: Path):
    target = tmp_path / "reply.docx"
    target.write_bytes(b"the lawyer's own work")
    argv = ("reply", CUSTODY, str(_observations(tmp_path)), "--out", str(target))
    code, _, err = run(*argv, "--as-of", "2026-11-23")

    assert code == 2
    assert target.read_bytes() == b"the lawyer's own work"
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("litigate: ")
    code, _, err = run(*argv, "--as-of", "2026-11-23", "--overwrite")
    assert code == 0, err
    assert target.read_bytes() != b"the lawyer's own work"


def test_reply_to_a_file_that_is_not_docx(tmp_path: Path):
    bad = tmp_path / "observations.docx"
    bad.write_text("not a document", encoding="utf-8")
    code, _, err = run("reply", CUSTODY, str(bad), "--out", str(tmp_path / "r.docx"))

    assert code == 2
    assert "Traceback" not in err
    assert err.strip().splitlines() == [
        f"litigate: {bad}: the document is not a DOCX file (not a zip archive)"
    ]
    assert not (tmp_path / "r.docx").exists()


# ---------------------------------------------------------------- calendar


def test_calendar_writes_ics_and_summary(tmp_path: Path):
    import icalendar

    target = tmp_path / "deadlines.ics"
    code, out, err = run("calendar", *DOCKET, "--out", str(target), "--as-of", "2026-11-23")

    assert code == 0, err
    events = icalendar.Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert out.startswith("Deadlines as of 2026-11-23\n")
    assert out.splitlines()[-1] == f"{len(events)} event(s) written to {target}"
    assert "2026-11-29  open" in out
    assert "Not in the calendar (no date): Mirzazade v. Azerbaijan – Article 5 § 3" in out


def test_calendar_json_upcoming_and_alarms(tmp_path: Path):
    target = tmp_path / "deadlines.ics"
    code, out, err = run(
        "calendar",
        *DOCKET,
        "--out",
        str(target),
        "--as-of",
        "2026-11-23",
        "--upcoming",
        "--alarms",
        "14,2",
        "--json",
    )
    data = json.loads(out)

    assert code == 0, err
    assert data["alarms"] == [14, 2]
    assert data["events"]
    assert all(e["date"] >= "2026-11-23" for e in data["events"])
    assert len({e["uid"] for e in data["events"]}) == len(data["events"])
    text = target.read_bytes()
    assert text.count(b"BEGIN:VALARM") == 2 * sum(e["reminders"] for e in data["events"])
    assert b"TRIGGER:-P13DT15H" in text


def test_calendar_refuses_to_overwrite_then_replaces(tmp_path: Path):
    target = tmp_path / "deadlines.ics"
    target.write_bytes(b"old")
    argv = ("calendar", *DOCKET, "--out", str(target), "--as-of", "2026-11-23")

    code, _, err = run(*argv)
    assert code == 2
    assert target.read_bytes() == b"old"
    assert err.startswith("litigate: ") and "overwrite" in err
    code, _, err = run(*argv, "--overwrite")
    assert code == 0, err
    assert target.read_bytes().startswith(b"BEGIN:VCALENDAR")


def test_calendar_writes_nothing_when_a_file_is_bad(tmp_path: Path):
    bad = tmp_path / "bad.toml"
    bad.write_text('forum = "ecthr"\nrespondent = "AZE"\ncolour = 1\n', encoding="utf-8")
    twin = tmp_path / "twin.toml"
    twin.write_text(
        (ROOT / "examples" / "journalist-detention" / "case.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    target = tmp_path / "deadlines.ics"
    code, out, err = run("calendar", *DOCKET, str(bad), str(twin), "--out", str(target))

    assert code == 2
    assert out == ""
    assert not target.exists()
    lines = err.strip().splitlines()
    assert all(line.startswith("litigate: ") for line in lines)
    assert any(str(bad) in line for line in lines)
    assert any(str(twin) in line and "same forum and title" in line for line in lines)
    assert lines[-1] == f"litigate: nothing written to {target}"


def test_calendar_strict_and_bad_alarms(tmp_path: Path):
    expired = tmp_path / "expired.toml"
    expired.write_text(
        'forum = "ecthr"\nrespondent = "AZE"\ntitle = "Late v. Azerbaijan"\n'
        '[[complaints]]\nprovision = "ECHR-10"\n'
        '[[proceedings]]\ncourt = "Supreme Court"\nlevel = "cassation"\n'
        "taken_on = 2025-01-10\nserved_on = 2025-01-10\n",
        encoding="utf-8",
    )
    target = tmp_path / "d.ics"
    argv = ("calendar", str(expired), "--out", str(target), "--as-of", "2026-11-23")

    assert run(*argv)[0] == 0
    assert run(*argv, "--overwrite", "--strict")[0] == 1
    code, _, err = run(*argv, "--overwrite", "--alarms", "7,-1")
    assert code == 2
    assert "--alarms" in err
    code, _, _ = run(*argv, "--overwrite", "--alarms", "none")
    assert code == 0
    assert b"VALARM" not in target.read_bytes()


# ---------------------------------------------------------------- progress, debug, json


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_goes_to_a_terminal_stderr_never_stdout(monkeypatch: pytest.MonkeyPatch):
    from litigate import cli

    monkeypatch.setattr(cli, "_PROGRESS_DELAY", 0)
    out, err = io.StringIO(), _Terminal()
    code = main(["deadlines", *DOCKET, "--as-of", "2026-11-23", "--json"], out=out, err=err)

    assert code == 0
    assert json.loads(out.getvalue())["windows"]  # stdout is pure JSON
    assert "deadlines" in err.getvalue()
    assert f"0/{len(DOCKET)}" in err.getvalue()

    out, err = io.StringIO(), _Terminal()
    argv = ["deadlines", *DOCKET, "--as-of", "2026-11-23", "--json", "--no-progress"]
    assert main(argv, out=out, err=err) == 0
    assert err.getvalue() == ""
    plain = io.StringIO()  # not a terminal: no bar either
    assert main(argv[:-1], out=io.StringIO(), err=plain) == 0
    assert plain.getvalue() == ""


def test_progress_for_check_and_calendar(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    from litigate import cli

    monkeypatch.setattr(cli, "_PROGRESS_DELAY", 0)
    for argv in (
        ["check", *DOCKET, "--as-of", "2026-11-23", "--json"],
        ["calendar", *DOCKET, "--as-of", "2026-11-23", "--json", "--out", str(tmp_path / "d.ics")],
    ):
        out, err = io.StringIO(), _Terminal()
        assert main(argv, out=out, err=err) == 0
        assert json.loads(out.getvalue())
        assert "file" in err.getvalue()


def test_check_many_files():
    code, out, _ = run("check", *DOCKET, "--as-of", "2026-11-23", "--json")
    files = {f["file"] for f in json.loads(out)["findings"]}

    assert code == 0
    assert len(files) > 1
    assert files <= set(DOCKET)
    code, out, _ = run("check", *DOCKET[:2], "--as-of", "2026-11-23")
    assert all(line.startswith(tuple(DOCKET[:2])) for line in out.splitlines())


def test_debug_shows_the_traceback_anywhere_on_the_line(tmp_path: Path):
    case = str(ROOT / "examples" / "disbarred-lawyer" / "case.toml")
    argv = ["render", case, "ecthr/nothing", "--out", str(tmp_path), "--as-of", "2026-11-23"]

    assert run(*argv)[0] == 2
    from litigate.errors import TemplateNotFoundError

    with pytest.raises(TemplateNotFoundError):
        main(["--debug", *argv], out=io.StringIO(), err=io.StringIO())
    with pytest.raises(TemplateNotFoundError):
        main([*argv, "--debug"], out=io.StringIO(), err=io.StringIO())


def test_unwritable_output_is_one_line(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    code, _, err = run(
        "calendar", *DOCKET, "--out", str(blocker / "d.ics"), "--as-of", "2026-11-23"
    )

    assert code == 2
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("litigate: ")
    assert "Traceback" not in err


def test_lint_templates_json():
    code, out, _ = run("lint-templates", str(ROOT / "templates"), "--json")
    data = json.loads(out)

    assert code == 0
    assert data["checked"] > 0
    assert data["problems"] == []


def test_usage_errors_go_to_the_given_stream():
    code, out, err = run("calendar", *DOCKET)  # --out is required

    assert code == 2
    assert out == ""
    assert "--out" in err
