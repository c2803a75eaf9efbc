"""Case files: strict loading, every error at once with its path, exact round trips."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import litigate
import litigate.casefile
from litigate.errors import CaseFileError, OverwriteRefusedError
from tests import strategies

MINIMAL = {"forum": "ecthr", "respondent": "AZE"}


def errors_of(data) -> tuple[str, ...]:
    with pytest.raises(CaseFileError) as info:
        litigate.load_case(data)
    return info.value.errors


class TestErrors:
    def test_every_problem_is_listed_with_its_path(self):
        errs = errors_of(
            {
                "forum": "ecthr",
                "respondent": "AZE",
                "colour": "red",
                "applicants": [
                    {"name": "A", "date_of_birth": "02.03.1984"},
                    {"kind": "robot", "name": "B"},
                ],
                "complaints": [
                    {"provision": "ECHR-3"},
                    {"provision": "ECHR-3"},
                    {"provision": "ECHR-99"},
                ],
                "proceedings": [
                    {"court": "X", "taken_on": "31/02/2024", "servedon": "2024-03-01"}
                ],
            }
        )

        assert "unknown field 'colour' @ $" in errs
        assert (
            "not a date: '02.03.1984' (write dates as YYYY-MM-DD) @ $.applicants[0].date_of_birth"
            in errs
        )
        assert any(
            e.startswith("expected one of 'person'") and e.endswith("@ $.applicants[1].kind")
            for e in errs
        )
        assert any(
            e.startswith("unknown provision 'ECHR-99'")
            and e.endswith("@ $.complaints[2].provision")
            for e in errs
        )
        assert (
            "not a date: '31/02/2024' (write dates as YYYY-MM-DD) @ $.proceedings[0].taken_on"
            in errs
        )
        assert "unknown field 'servedon' @ $.proceedings[0]" in errs

    def test_unknown_fields_do_not_hide_other_problems(self):
        errs = errors_of(
            {
                "forum": "ecthr",
                "respondent": "AZ",
                "colour": 1,
                "applicants": [{"name": "A", "nickname": "B", "sex": "x"}],
            }
        )

        assert "unknown field 'colour' @ $" in errs
        assert "unknown field 'nickname' @ $.applicants[0]" in errs
        assert any(e.endswith("@ $.applicants[0].sex") for e in errs)

    def test_impossible_date_in_iso_form(self):
        assert errors_of({**MINIMAL, "lodged_on": "2024-02-31"}) == (
            "not a date: '2024-02-31' (write dates as YYYY-MM-DD) @ $.lodged_on",
        )

    def test_missing_required_field(self):
        assert errors_of({"forum": "ecthr"}) == ("required field missing @ $.respondent",)
        assert errors_of({**MINIMAL, "applicants": [{"kind": "person"}]}) == (
            "required field missing @ $.applicants[0].name",
        )

    def test_model_validation_errors_get_the_field_path(self):
        errs = errors_of(
            {
                **MINIMAL,
                "proceedings": [
                    {"court": "C", "taken_on": "2024-03-02", "served_on": "2024-03-01"}
                ],
            }
        )

        assert errs == (
            "served_on (2024-03-01) cannot be before taken_on (2024-03-02) @ $.proceedings[0].served_on",
        )

    def test_cross_record_errors_get_the_path(self):
        errs = errors_of(
            {"forum": "hrc", "respondent": "AZE", "complaints": [{"provision": "ECHR-3"}]}
        )

        assert len(errs) == 1
        assert errs[0].endswith("@ $.complaints[0].provision")

    @pytest.mark.parametrize(
        ("data", "expected"),
        [
            ({**MINIMAL, "language": 5}, "expected text, got 5 @ $.language"),
            (
                {**MINIMAL, "applicants": {"name": "A"}},
                "expected a list, got {'name': 'A'} @ $.applicants",
            ),
            (
                {**MINIMAL, "applicants": ["A"]},
                "expected a table of fields, got a single value @ $.applicants[0]",
            ),
            (
                {**MINIMAL, "complaints": [{"provision": "ECHR-3", "continuing": "yes"}]},
                "expected true or false, got 'yes' @ $.complaints[0].continuing",
            ),
            (
                {**MINIMAL, "documents": [{"title": "T", "pages": True}]},
                "expected a whole number, got True @ $.documents[0].pages",
            ),
            (
                {**MINIMAL, "schema_version": 2},
                "unsupported schema_version 2 (this litigate reads 1) @ $",
            ),
        ],
    )
    def test_type_errors(self, data, expected):
        assert errors_of(data) == (expected,)

    def test_not_a_mapping(self):
        with pytest.raises(CaseFileError, match="table of fields"):
            litigate.casefile.case_from_dict(["forum"])  # type: ignore[arg-type]

    def test_case_file_error_is_a_value_error(self):
        with pytest.raises(ValueError, match="problem"):
            litigate.load_case({"forum": "x"})


class TestFiles:
    @pytest.mark.parametrize("suffix", [".toml", ".yaml", ".yml", ".json"])
    def test_round_trip_through_each_format(self, tmp_path: Path, suffix: str, journalist_case):
        path = tmp_path / f"case{suffix}"
        text = litigate.dump_case(journalist_case, path)

        assert path.read_text(encoding="utf-8") == text
        assert litigate.load_case(path) == journalist_case

    def test_never_overwrites_unless_asked(self, tmp_path: Path, journalist_case):
        path = tmp_path / "case.toml"
        path.write_text("# edited by a lawyer\n", encoding="utf-8")

        with pytest.raises(OverwriteRefusedError) as info:
            litigate.dump_case(journalist_case, path)

        assert isinstance(info.value, FileExistsError)
        assert path.read_text(encoding="utf-8") == "# edited by a lawyer\n"
        litigate.dump_case(journalist_case, path, overwrite=True)
        assert litigate.load_case(path) == journalist_case
        assert [p.name for p in tmp_path.iterdir()] == ["case.toml"]  # no temporary file left

    @pytest.mark.parametrize(
        ("name", "content", "message"),
        [
            ("c.toml", 'forum = "ecthr"\nforum = "hrc"\n', "not valid TOML"),
            ("c.json", '{"forum": "ecthr", "forum": "hrc", "respondent": "AZE"}', "appears twice"),
            ("c.yaml", "forum: ecthr\nforum: hrc\nrespondent: AZE\n", "appears twice"),
            ("c.yaml", "forum: [unclosed\n", "not valid YAML"),
            ("c.json", "{", "not valid JSON"),
            ("c.txt", "", "cannot tell the format"),
        ],
    )
    def test_bad_files(self, tmp_path: Path, name, content, message):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")

        with pytest.raises(CaseFileError, match=message) as info:
            litigate.load_case(path)

        assert info.value.path == str(path)

    def test_not_utf8(self, tmp_path: Path):
        path = tmp_path / "c.toml"
        path.write_bytes('title = "Əliyev"'.encode("utf-16"))

        with pytest.raises(CaseFileError, match="not UTF-8"):
            litigate.load_case(path)

    def test_yaml_dates_and_times(self, tmp_path: Path):
        path = tmp_path / "c.yaml"
        path.write_text(
            "forum: ecthr\nrespondent: AZE\nlodged_on: 2024-02-05 10:00:00\n", encoding="utf-8"
        )

        with pytest.raises(CaseFileError, match="has a time of day"):
            litigate.load_case(path)

    def test_toml_native_dates(self, tmp_path: Path):
        path = tmp_path / "c.toml"
        path.write_text(
            'forum = "ecthr"\nrespondent = "AZE"\nlodged_on = 2024-02-05\n', encoding="utf-8"
        )

        assert litigate.load_case(path).lodged_on == date(2024, 2, 5)

    def test_dump_unknown_extension(self, tmp_path: Path, journalist_case):
        with pytest.raises(CaseFileError, match="cannot tell the format"):
            litigate.dump_case(journalist_case, tmp_path / "case.docx")


class TestProperties:
    @given(strategies.cases())
    def test_dump_then_load_is_identity(self, case):
        for fmt in ("toml", "yaml", "json"):
            text = litigate.dump_case(case, format=fmt)
            data = _parse(text, fmt)

            assert litigate.casefile.case_from_dict(data) == case

    @given(strategies.cases())
    def test_dump_is_canonical(self, case):
        text = litigate.dump_case(case)

        assert litigate.dump_case(litigate.casefile.case_from_dict(_parse(text, "toml"))) == text

    @given(strategies.cases())
    def test_dumped_files_validate_against_the_schema(self, case):
        data = json.loads(litigate.dump_case(case, format="json"))

        jsonschema.validate(data, litigate.casefile.case_schema())

    @given(
        st.dictionaries(
            st.sampled_from(
                [
                    "forum",
                    "respondent",
                    "applicants",
                    "complaints",
                    "proceedings",
                    "lodged_on",
                    "x",
                ]
            ),
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.text(max_size=12) | st.dates(),
                lambda inner: (
                    st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=10), inner, max_size=3)
                ),
                max_leaves=8,
            ),
        )
    )
    def test_any_mapping_loads_or_raises_case_file_error(self, data):
        try:
            litigate.load_case(data)
        except CaseFileError as exc:
            errors = exc.errors
        else:
            return
        assert errors
        assert all(" @ $" in e for e in errors)


def _parse(text: str, fmt: str):
    import tomllib

    import yaml

    if fmt == "toml":
        return tomllib.loads(text)
    if fmt == "yaml":
        return yaml.safe_load(text)
    return json.loads(text)


class TestSchema:
    def test_schema_is_valid_json_schema(self):
        jsonschema.Draft202012Validator.check_schema(litigate.casefile.case_schema())

    def test_schema_documents_fields(self):
        schema = litigate.casefile.case_schema()

        assert "ISO 3166-1" in schema["properties"]["respondent"]["description"]
        assert schema["$defs"]["DomesticDecision"]["properties"]["served_on"]["description"]

    def test_schema_rejects_unknown_fields(self):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate({**MINIMAL, "colour": 1}, litigate.casefile.case_schema())
