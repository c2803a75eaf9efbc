"""The public API's contract: argument types checked at the boundary, deprecated names, one order.

Issue 17 point 6 (a regular public API) and issue 19 (wrong argument types from notebook
callers): every function of the top level refuses an argument of the wrong type with an
``ArgumentTypeError`` (a ``LitigateError`` and a ``TypeError``) naming the argument.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import warnings
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

import litigate
import litigate.drafts
import litigate.parse
from litigate.errors import ArgumentTypeError, CitationParseError, InputError, LitigateError

AS_OF = date(2026, 1, 5)


def _case() -> litigate.Case:
    return litigate.Case(forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan")


@functools.cache
def _observations() -> litigate.parse.Observations:
    return litigate.read_observations(
        Path(__file__).parent / "data" / "generated" / "gasimzade-en.pdf"
    )


def _good(name: str) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """Arguments of the right types for each entry point (the call itself is not made)."""
    case = _case()
    calls: dict[str, tuple[tuple[Any, ...], dict[str, Any]]] = {
        "acceptance": (("AZE", "ecthr"), {"on": AS_OF}),
        "calendar": (([case],), {"as_of": AS_OF}),
        "check": ((case,), {"as_of": AS_OF}),
        "completeness": ((case,), {}),
        "docket": (([case],), {"as_of": AS_OF}),
        "dump_case": ((case,), {}),
        "filing_window": ((case,), {"as_of": AS_OF}),
        "find_citations": (("no. 12345/20",), {}),
        "find_dates": (("18 November 2025",), {}),
        "forums": ((case,), {"as_of": AS_OF}),
        "load_case": (("case.toml",), {}),
        "load_group": (("group.xlsx",), {"base": case}),
        "load_rules": ((), {}),
        "parse_citation": (("no. 12345/20",), {}),
        "parse_date": (("18 November 2025",), {}),
        "read_follow_up_letter": ((), {"text": "letter"}),
        "read_observations": (("observations.docx",), {}),
        "read_registry_letter": ((), {"text": "letter"}),
        "render": (("ecthr/cover-letter",), {"case": case, "as_of": AS_OF}),
        "reply_skeleton": ((case, _observations()), {"as_of": AS_OF}),
    }
    return calls[name]


# entry point, argument replaced (a position or a keyword), wrong value, field named
WRONG: list[tuple[str, int | str, Any, str]] = [
    ("acceptance", 0, None, "state"),
    ("acceptance", 1, None, "forum"),
    ("acceptance", "on", "2024-02-05", "on"),
    ("calendar", 0, "CASE", "cases"),
    ("calendar", 0, ["not a case"], "cases[0]"),
    ("calendar", "as_of", "2024-02-05", "as_of"),
    ("check", 0, {"forum": "ecthr"}, "case"),
    ("check", "as_of", None, "as_of"),
    ("completeness", 0, Path("case.toml"), "case"),
    ("completeness", "rules", {"ecthr": {}}, "rules"),
    ("docket", 0, "CASE", "cases"),
    ("docket", "as_of", datetime(2026, 1, 5, 9, 30, tzinfo=UTC), "as_of"),
    ("dump_case", 0, {"forum": "ecthr"}, "case"),
    ("dump_case", "path", 3, "path"),
    ("filing_window", 0, {"forum": "ecthr"}, "case"),
    ("filing_window", 0, Path("case.toml"), "case"),
    ("filing_window", "as_of", "2024-02-05", "as_of"),
    ("filing_window", "as_of", "05/02/2024", "as_of"),
    ("filing_window", "as_of", datetime(2026, 1, 5, 9, 30, tzinfo=UTC), "as_of"),
    ("filing_window", "rules", "firm-rules.toml", "rules"),
    ("find_citations", 0, b"no. 12345/20", "text"),
    ("find_dates", 0, b"18 November 2025", "text"),
    ("find_dates", 0, Path("letter.txt"), "text"),
    ("forums", 0, {"forum": "ecthr"}, "case"),
    ("forums", "as_of", "2024-02-05", "as_of"),
    ("load_case", 0, 3, "source"),
    ("load_case", 0, None, "source"),
    ("load_group", 0, None, "spreadsheet"),
    ("load_group", "base", 3, "base"),
    ("load_rules", 0, 3, "overrides[0]"),
    ("parse_date", 0, date(2025, 11, 18), "text"),
    ("read_follow_up_letter", "text", Path("letter.txt"), "text"),
    ("read_follow_up_letter", "reply_due_on", "2024-02-05", "reply_due_on"),
    ("read_observations", 0, None, "source"),
    ("read_observations", 0, 3, "source"),
    ("read_registry_letter", "text", b"letter", "text"),
    ("render", 0, None, "template_id"),
    ("render", "case", {"forum": "ecthr"}, "case"),
    ("render", "as_of", "2024-02-05", "as_of"),
    ("render", "locale", None, "locale"),
    ("render", "out", 3, "out"),
    ("render", "draft", "yes", "draft"),
    ("render", "template_dirs", "firm-templates", "template_dirs"),
    ("reply_skeleton", 1, Path("observations.docx"), "observations"),
    ("reply_skeleton", "as_of", "2024-02-05", "as_of"),
]


def _call(name: str, where: int | str, value: Any) -> None:
    given, kwargs = _good(name)
    args = list(given)
    if isinstance(where, int):
        if where < len(args):
            args[where] = value
        else:
            args.append(value)
    else:
        kwargs[where] = value
    getattr(litigate, name)(*args, **kwargs)


@pytest.mark.parametrize(("name", "where", "value", "field"), WRONG)
def test_a_wrong_type_is_refused_at_the_boundary_naming_the_argument(
    name: str, where: int | str, value: Any, field: str
) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        _call(name, where, value)
    error = caught.value
    assert isinstance(error, LitigateError)
    assert isinstance(error, TypeError)
    assert error.field == field
    assert str(error).startswith(f"{field} must be ")
    given = value[0] if isinstance(value, list) else value
    assert f"not {'None' if given is None else type(given).__name__}" in str(error)
    assert error.value is value if not isinstance(value, list) else error.value == value[0]
    assert error.expected


def test_every_function_of_the_top_level_is_checked_and_tested() -> None:
    functions = {
        name
        for name in litigate.__all__
        if inspect.isfunction(getattr(litigate, name))
        and not inspect.ismodule(getattr(litigate, name))
    }
    # parse_citation keeps refusing a non-text as "not a citation" (CitationParseError).
    assert functions - {"parse_citation"} == {name for name, *_ in WRONG}
    for name in functions - {"parse_citation"}:
        assert hasattr(getattr(litigate, name), "__wrapped__"), name


def test_the_checked_functions_keep_their_signature_and_docstring() -> None:
    signature = inspect.signature(litigate.filing_window)
    assert list(signature.parameters) == ["case", "as_of", "rules"]
    assert "filing window" in (litigate.filing_window.__doc__ or "")


def test_an_iso_string_for_a_date_is_refused_with_the_date_to_write() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        litigate.filing_window(_case(), as_of="2024-02-05")  # type: ignore[arg-type]
    assert str(caught.value) == (
        "as_of must be a datetime.date, not str '2024-02-05': "
        "write date(2024, 2, 5) or date.fromisoformat('2024-02-05')"
    )


def test_a_string_that_is_not_iso_points_to_parse_date() -> None:
    with pytest.raises(ArgumentTypeError, match=r"litigate\.parse_date"):
        litigate.check(_case(), as_of="05/02/2024")  # type: ignore[arg-type]


def test_a_dict_or_a_path_for_a_case_points_to_load_case() -> None:
    with pytest.raises(ArgumentTypeError, match=r"load a mapping with litigate\.load_case"):
        litigate.filing_window({"forum": "ecthr"}, as_of=AS_OF)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"load the file with litigate\.load_case"):
        litigate.filing_window("case.toml", as_of=AS_OF)  # type: ignore[arg-type]


def test_one_case_where_a_list_is_expected_says_so() -> None:
    with pytest.raises(ArgumentTypeError, match=r"pass a list, \[case\]"):
        litigate.calendar(_case(), as_of=AS_OF)  # type: ignore[arg-type]


def test_none_for_a_locale_names_the_locale() -> None:
    with pytest.raises(ArgumentTypeError, match=r"^locale must be a locale .* not None$"):
        litigate.render("ecthr/cover-letter", case=_case(), as_of=AS_OF, locale=None)  # type: ignore[arg-type]


def test_a_missing_argument_is_in_the_tree_too() -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        litigate.filing_window(_case())  # type: ignore[call-arg]
    assert caught.value.field == "as_of"


def test_parse_citation_refuses_a_non_text_as_not_a_citation() -> None:
    for value in (None, 12345, b"no. 12345/20"):
        with pytest.raises(CitationParseError, match="a citation must be text"):
            litigate.parse_citation(value)  # type: ignore[arg-type]


def test_find_citations_takes_none_as_no_text_as_documented() -> None:
    assert litigate.find_citations(None) == ()  # type: ignore[arg-type]


def test_right_types_still_work() -> None:
    assert isinstance(litigate.acceptance("AZE", "ecthr", on=AS_OF), litigate.Acceptance)
    assert isinstance(litigate.completeness(_case()), litigate.Findings)
    assert litigate.parse_date("18 November 2025") == date(2025, 11, 18)


def test_the_follow_up_letter_warning_still_points_at_the_caller() -> None:
    with pytest.warns(DeprecationWarning, match="pass text=") as caught:
        litigate.read_follow_up_letter("9 March 2026\nNo item.")
    assert caught[0].filename == __file__


def test_the_letter_readers_refuse_neither_or_both_inputs_in_the_tree() -> None:
    for reader in (litigate.read_follow_up_letter, litigate.read_registry_letter):
        with pytest.raises(ArgumentTypeError, match="path or text="):
            reader()
        with pytest.raises(ArgumentTypeError, match="path or text="):
            reader(Path("letter.txt"), text="letter")


# --- deprecated names -------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(litigate._DEPRECATED))
def test_a_deprecated_name_still_works_and_names_its_new_import(name: str) -> None:
    module = litigate._DEPRECATED[name]
    with pytest.warns(DeprecationWarning, match=f"^litigate.{name} is deprecated") as caught:
        value = getattr(litigate, name)
    (warning,) = caught
    assert str(warning.message).endswith(f"from {module} import {name}")
    assert warning.filename == __file__  # the warning points at the caller
    assert value is getattr(importlib.import_module(module), name)
    assert name not in dir(litigate)
    assert name not in litigate.__all__


def test_from_import_of_a_deprecated_name_warns_too() -> None:
    with pytest.warns(DeprecationWarning, match="from litigate.drafts import Reply"):
        from litigate import Reply
    assert Reply is litigate.drafts.Reply


def test_a_deprecated_name_warns_at_every_use() -> None:
    for _ in range(2):
        with pytest.warns(DeprecationWarning, match="litigate.drafts import PdfConverter"):
            litigate.PdfConverter  # noqa: B018


def test_the_kept_names_do_not_warn() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in litigate.__all__:
            getattr(litigate, name)


def test_the_reference_page_lists_every_moved_name_with_its_module() -> None:
    page = (Path(__file__).parents[1] / "docs" / "reference" / "index.md").read_text("utf-8")
    for name, module in litigate._DEPRECATED.items():
        assert f"| `{name}` | `{module}` |" in page, name


# --- one argument order, one result type, validation first ------------------------------


def test_write_rendered_takes_the_path_first_and_warns_on_the_old_order(tmp_path: Path) -> None:
    data = litigate.render("ecthr/cover-letter", case=_case(), as_of=AS_OF)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        first = litigate.drafts.write_rendered(tmp_path / "a.docx", data)
    assert first.read_bytes() == data
    with pytest.warns(DeprecationWarning, match=r"write_rendered\(path, data\)") as caught:
        second = litigate.drafts.write_rendered(data, tmp_path / "b.docx")  # type: ignore[arg-type]
    assert caught[0].filename == __file__
    assert second == tmp_path / "b.docx"
    assert second.read_bytes() == data


def test_write_rendered_refuses_other_types(tmp_path: Path) -> None:
    with pytest.raises(ArgumentTypeError) as caught:
        litigate.drafts.write_rendered(tmp_path / "a.docx", "text")  # type: ignore[arg-type]
    assert caught.value.field == "data"
    with pytest.raises(ArgumentTypeError) as caught:
        litigate.drafts.write_rendered(3, b"data")  # type: ignore[arg-type]
    assert caught.value.field == "path"


def test_the_writers_agree_on_the_order() -> None:
    for writer in (
        litigate.drafts.write_tracked,
        litigate.drafts.write_rendered,
        litigate.drafts.write_pdf,
    ):
        assert list(inspect.signature(writer).parameters)[:2] == ["path", "data"], writer


def test_write_pdf_takes_the_path_first_and_warns_on_the_old_order(tmp_path: Path) -> None:
    litigate.drafts.write_pdf(tmp_path / "a.pdf", b"%PDF-1.7 one")
    with pytest.warns(DeprecationWarning, match=r"write_pdf\(path, data\)"):
        litigate.drafts.write_pdf(b"%PDF-1.7 two", tmp_path / "a.pdf")  # type: ignore[arg-type]
    assert (tmp_path / "a.pdf").read_bytes() == b"%PDF-1.7 two"


def test_completeness_returns_findings_as_check_does() -> None:
    case = litigate.Case(
        forum="ecthr", respondent="AZE", applicants=[litigate.Applicant.person(name="Rauf Aliyev")]
    )
    found = litigate.completeness(case)
    assert type(found) is litigate.Findings
    assert type(litigate.check(case, as_of=AS_OF)) is litigate.Findings
    assert found.errors == tuple(f for f in found if f.severity is litigate.Severity.ERROR)


def test_render_checks_the_format_before_rendering() -> None:
    # The template does not exist: had the draft been made first, the error would say so.
    with pytest.raises(InputError) as caught:
        litigate.render("no/such-template", case=_case(), as_of=AS_OF, format="odt")
    assert caught.value.field == "format"
    assert "format must be 'docx' or 'pdf'" in str(caught.value)
