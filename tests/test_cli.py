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
