"""The DOCX rendering engine: Word artefacts, escaping, strictness, sandbox, determinism."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree  # type: ignore[import-untyped]

from litigate.drafts.engine import MAX_RANGE, compile_template, write_rendered
from litigate.drafts.package import read_fingerprint
from litigate.errors import (
    LitigateError,
    OverwriteRefusedError,
    TemplateContextError,
    TemplateSecurityError,
    TemplateSyntaxError,
)

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --------------------------------------------------------------------------- builders


def _save(document: docx.document.Document) -> bytes:
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_docx(
    paragraphs: Sequence[str] = (),
    *,
    header: str | None = None,
    footer: str | None = None,
    rows: Sequence[Sequence[str]] = (),
) -> bytes:
    """A template with plain paragraphs, an optional table, header and footer."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    if rows:
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.cell(r, c).text = text
    if header is not None:
        document.sections[0].header.paragraphs[0].text = header
    if footer is not None:
        document.sections[0].footer.paragraphs[0].text = footer
    return _save(document)


def with_body(body_xml: str) -> bytes:
    """A python-docx package whose body paragraphs are replaced by raw XML."""
    data = make_docx(["PLACEHOLDER"])
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info)
            if info.filename == "word/document.xml":
                text = content.decode()
                text = re.sub(
                    r"<w:p>.*?PLACEHOLDER.*?</w:p>", lambda _: body_xml, text, flags=re.DOTALL
                )
                content = text.encode()
            dst.writestr(info, content)
    return out.getvalue()


def texts(data: bytes) -> list[str]:
    return [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]


def part(data: bytes, name: str = "word/document.xml") -> bytes:
    return zipfile.ZipFile(io.BytesIO(data)).read(name)


def render(paragraphs: Sequence[str], context: dict[str, object], **kw: object) -> list[str]:
    tpl = compile_template(make_docx(paragraphs), template_id="t")
    return texts(tpl.render(context, **kw))  # type: ignore[arg-type]


# --------------------------------------------------------------------------- basics


def test_inline_tags_and_filters() -> None:
    tpl = compile_template(
        make_docx(["Applicant: {{ name | shout }}, born {{ born }}."]),
        template_id="t",
        filters={"shout": lambda s: str(s).upper()},
    )
    assert texts(tpl.render({"name": "Aliyev", "born": 1970})) == ["Applicant: ALIYEV, born 1970."]


HOSTILE = [
    "Smith & Sons <Ltd>",
    "]]> <![CDATA[ x",
    "He said \"no\" and 'yes'",
    "&amp; &lt; &#0;",
    "محمد علي",  # Arabic (RTL)
    "דוד כהן",  # Hebrew (RTL)
    "Məmmədov Əli oğlu, Qışlaq küçəsi",  # Azerbaijani ə ğ ı ş
    "{{ 7*7 }} {% if %}",  # template syntax in a value is text, not code
]


@pytest.mark.parametrize("value", HOSTILE)
def test_hostile_values_give_valid_xml_with_the_same_text(value: str) -> None:
    tpl = compile_template(make_docx(["X: {{ v }}"], header="H {{ v }}"), template_id="t")
    out = tpl.render({"v": value})
    for name in ("word/document.xml", "word/header1.xml"):
        etree.fromstring(part(out, name))
    assert texts(out) == [f"X: {value}"]
    assert docx.Document(io.BytesIO(out)).sections[0].header.paragraphs[0].text == f"H {value}"


def test_control_characters_are_replaced_with_fffd() -> None:
    out = render(["{{ v }}"], {"v": "a\x00b\x07c\x1fd\ud800e\ufffe"})
    assert out == ["a\ufffdb\ufffdc\ufffdd\ufffde\ufffd"]


def test_line_breaks_become_w_br_and_keep_the_run_format() -> None:
    body = f'<w:p xmlns:w="{W}"><w:r><w:rPr><w:b/></w:rPr><w:t>{{{{ v }}}}</w:t></w:r></w:p>'
    out = compile_template(with_body(body), template_id="t").render({"v": "one\ntwo\r\nthree\tx"})
    xml = part(out).decode()
    assert xml.count("<w:br/>") == 2 and "<w:tab/>" in xml
    paragraph = docx.Document(io.BytesIO(out)).paragraphs[0]
    assert paragraph.text == "one\ntwo\nthree\tx"
    assert all(run.bold for run in paragraph.runs)


# --------------------------------------------------------------------------- Word artefacts


SPLIT = (
    f'<w:p xmlns:w="{W}">'
    '<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Name: {</w:t></w:r>'
    '<w:proofErr w:type="spellStart"/>'
    "<w:r><w:t>{ applicant.na</w:t></w:r>"
    '<w:bookmarkStart w:id="0" w:name="x"/><w:proofErr w:type="spellEnd"/>'
    '<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">me }} (end)</w:t></w:r>'
    '<w:bookmarkEnd w:id="0"/>'
    "</w:p>"
)


def test_tag_split_over_three_runs_with_proof_errors() -> None:
    tpl = compile_template(with_body(SPLIT), template_id="t")
    assert tpl.variables() == frozenset({"applicant"})
    out = tpl.render({"applicant": {"name": "Ms Ə & <B>"}})
    paragraph = docx.Document(io.BytesIO(out)).paragraphs[0]
    assert paragraph.text == "Name: Ms Ə & <B> (end)"
    assert paragraph.runs[0].italic  # the value keeps the format of the run where the tag starts


def test_curly_quotes_inside_tags_are_straightened() -> None:
    out = render(
        ["{% if kind == “friendly” %}F{% endif %}{{ missing | default(‘none’) }}"],
        {"kind": "friendly"},
    )
    assert out == ["Fnone"]


def test_p_tags_repeat_and_remove_paragraphs() -> None:
    paragraphs = [
        "Intro",
        "{%p for a in applicants %}",
        "{{ loop.index }}. {{ a.name }}",
        "{%p endfor %}",
        "{%p if secret %}",
        "Hidden",
        "{%p endif %}",
        "End",
    ]
    out = render(paragraphs, {"applicants": [{"name": "A"}, {"name": "B"}], "secret": False})
    assert out == ["Intro", "1. A", "2. B", "End"]


def test_tr_tags_repeat_rows() -> None:
    rows = [
        ["Date", "Event"],
        ["{%tr for e in events %}", ""],
        ["{{ e.date }}", "{{ e.what }}"],
        ["{%tr endfor %}", ""],
    ]
    tpl = compile_template(make_docx(["Chronology"], rows=rows), template_id="t")
    events = [{"date": f"2024-01-0{i}", "what": f"event {i} & more"} for i in range(1, 4)]
    out = tpl.render({"events": events})
    table = docx.Document(io.BytesIO(out)).tables[0]
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Date", "Event"],
        *[[e["date"], e["what"]] for e in events],
    ]


def test_header_and_footer_are_rendered() -> None:
    tpl = compile_template(
        make_docx(
            ["Body {{ a }}"], header="Application no. {{ number }}", footer="Page of {{ a }}"
        ),
        template_id="t",
    )
    out = tpl.render({"a": "x", "number": "12345/24"})
    section = docx.Document(io.BytesIO(out)).sections[0]
    assert section.header.paragraphs[0].text == "Application no. 12345/24"
    assert section.footer.paragraphs[0].text == "Page of x"
    assert tpl.variables() == frozenset({"a", "number"})


def test_variables_and_paths() -> None:
    tpl = compile_template(
        make_docx(
            [
                "{{ case.title }}",
                "{% for a in case.applicants %}{{ a.name.first }}{% endfor %}",
                "{% set local = 1 %}{{ local }} {{ range(2)|length }}",
            ]
        ),
        template_id="t",
    )
    assert tpl.variables() == frozenset({"case"})
    assert {"case", "case.title", "case.applicants", "case.applicants[].name.first"} <= tpl.paths()


# --------------------------------------------------------------------------- syntax errors


def test_all_syntax_errors_are_collected_with_locations() -> None:
    data = make_docx(
        [
            "fine {{ a }}",
            "{{ a + }}",
            "{% if x %}never closed",
            "{{ b | nosuchfilter }}",
            "{%p if y %} with other text",
            "{{ unclosed",
            "stray }} brace",
            "{{r rich }}",
        ],
        header="{{ h ) }}",
    )
    with pytest.raises(TemplateSyntaxError) as caught:
        compile_template(data, template_id="app")
    problems = caught.value.problems
    where = {(p.part, p.paragraph) for p in problems}
    assert ("word/document.xml", 1) in where
    assert ("word/document.xml", 3) in where
    assert ("word/document.xml", 4) in where
    assert ("word/document.xml", 5) in where
    assert ("word/document.xml", 6) in where
    assert any(p.part == "word/header1.xml" for p in problems)
    messages = " ".join(p.message for p in problems)
    assert "unknown filter 'nosuchfilter'" in messages
    assert "not closed in its paragraph" in messages
    assert "closing braces" in messages
    assert "only text of its paragraph" in messages
    assert "RichText, Subdoc" in messages
    assert any(p.tag == "{{ a + }}" and p.context == "{{ a + }}" for p in problems)
    assert "app" in str(caught.value)
    assert isinstance(caught.value, ValueError)


def test_unbalanced_blocks_are_reported_with_a_paragraph() -> None:
    with pytest.raises(TemplateSyntaxError) as caught:
        compile_template(make_docx(["a", "{% for x in y %}", "b {{ x }}"]), template_id="t")
    (problem,) = caught.value.problems
    assert problem.part == "word/document.xml"
    assert problem.paragraph is not None
    assert "endfor" in problem.message


# --------------------------------------------------------------------------- missing values


def test_all_missing_values_are_collected_with_full_paths() -> None:
    tpl = compile_template(
        make_docx(
            [
                "{{ case.title }}",
                "{% for a in case.applicants %}{{ a.name }}: {{ a.date_of_birth }}; {% endfor %}",
                "{{ nowhere.deep[0].x }}",
                "{% if case.representative %}R{% endif %}{% if case.none_value %}N{% endif %}",
            ],
            footer="{{ footer_value }}",
        ),
        template_id="t",
    )
    case = {
        "title": None,
        "applicants": [
            {"name": "A", "date_of_birth": "1970"},
            {"name": "B", "date_of_birth": None},
        ],
        "none_value": None,
    }
    with pytest.raises(TemplateContextError) as caught:
        tpl.render({"case": case})
    found = {(p.message, p.part, p.paragraph) for p in caught.value.problems}
    assert found == {
        ("no value for case.title", "word/document.xml", 0),
        ("no value for case.applicants[1].date_of_birth", "word/document.xml", 1),
        ("no value for nowhere.deep[0].x", "word/document.xml", 2),
        ("no value for footer_value", "word/footer1.xml", 0),
    }
    assert isinstance(caught.value, KeyError)


def test_none_in_if_is_false_and_is_none_works() -> None:
    out = render(
        ["{% if x %}yes{% else %}no{% endif %} {{ x is none }} {{ x is defined }}"], {"x": None}
    )
    assert out == ["no True True"]


def test_draft_marks_missing_values_in_yellow() -> None:
    body = (
        f'<w:p xmlns:w="{W}"><w:r><w:rPr><w:b/><w:u w:val="single"/></w:rPr>'
        '<w:t xml:space="preserve">Born {{ a.date_of_birth }} in {{ a.place|upper }}.</w:t></w:r></w:p>'
    )
    tpl = compile_template(with_body(body), template_id="t")
    out = tpl.render({"a": {"place": None}}, draft=True)
    paragraph = docx.Document(io.BytesIO(out)).paragraphs[0]
    assert paragraph.text == "Born [MISSING: a.date_of_birth] in [MISSING: a.place]."
    marked = [r for r in paragraph.runs if r.font.highlight_color is not None]
    assert [r.text for r in marked] == ["[MISSING: a.date_of_birth]", "[MISSING: a.place]"]
    assert all(r.bold for r in paragraph.runs)  # formatting of the surrounding run kept
    etree.fromstring(part(out))
    rpr = etree.fromstring(part(out)).find(f".//{{{W}}}highlight/..")
    assert [etree.QName(c).localname for c in rpr] == ["b", "highlight", "u"]


# --------------------------------------------------------------------------- sandbox


@pytest.mark.parametrize(
    "tag",
    [
        "{{ x.__class__ }}",
        "{{ x.__class__.__mro__ }}",
        "{{ x._private }}",
        "{{ x['__globals__'] }}",
        "{{ x.mro }}",
        "{{ x|attr('__class__') }}",
    ],
)
def test_static_attacks_are_refused_at_compile_time(tag: str) -> None:
    with pytest.raises(TemplateSecurityError) as caught:
        compile_template(make_docx([tag]), template_id="t")
    assert caught.value.problems
    assert isinstance(caught.value, PermissionError)


@pytest.mark.parametrize(
    ("tag", "context"),
    [
        ("{{ f(x) }}", {"f": "{0.__class__}".format, "x": 1}),
        ("{{ f(x) }}", {"f": "{a.__class__.__mro__}".format_map, "x": {"a": 1}}),
        ("{{ x[name] }}", {"x": "s", "name": "__class__"}),
        ("{{ x[name] }}", {"x": {"a": 1}, "name": "_secret"}),
        ("{{ (x|map(attribute=name)|list) }}", {"x": [1], "name": "__class__"}),
        ("{% for i in range(10 ** 9) %}{% endfor %}", {}),
        ("{{ 'x' * 10 ** 9 }}", {}),
        ("{{ [1] * n }}", {"n": 10**9}),
        ("{{ 2 ** n }}", {"n": 10**9}),
        ("{{ '%*s' % (n, 'x') }}", {"n": 10**9}),
        ("{{ 'x'|center(10 ** 9) }}", {}),
        ("{{ 'a\nb'|indent(10 ** 9) }}", {}),
    ],
)
def test_runtime_attacks_are_refused(tag: str, context: dict[str, object]) -> None:
    tpl = compile_template(make_docx([tag]), template_id="t")
    with pytest.raises(TemplateSecurityError):
        tpl.render(context)


@pytest.mark.parametrize(
    "tag", ["{{ '{0.__class__}'.format(x) }}", "{{ '{a.__class__}'.format_map({'a': x}) }}"]
)
def test_format_string_tricks_are_refused_at_compile_time(tag: str) -> None:
    with pytest.raises(TemplateSecurityError):
        compile_template(make_docx([tag]), template_id="t")


def test_range_limit_and_output_bound() -> None:
    assert render(["{{ range(3)|list|length }}"], {}) == ["3"]
    assert MAX_RANGE >= 1000
    big = "x" * 1000
    bomb = (
        "{% for i in range(10000) %}{% for j in range(10000) %}" + big + "{% endfor %}{% endfor %}"
    )
    tpl = compile_template(make_docx([bomb]), template_id="t")
    with pytest.raises(TemplateSecurityError, match="grows beyond"):
        tpl.render({})


def test_arithmetic_and_filters_still_work() -> None:
    context = {"n": 3, "s": "ab"}
    tags = "{{ n * 2 }} {{ s * 2 }} {{ 2 ** 3 }} {{ n % 2 }} {{ s|center(6) }}"
    assert render([tags], context) == ["6 abab 8 1   ab  "]


@pytest.mark.parametrize("tag", ["{{ x|safe }}", "{{ '%s'|format(x) }}", "{{ lipsum(10 ** 6) }}"])
def test_unavailable_filters_and_globals(tag: str) -> None:
    with pytest.raises((TemplateSyntaxError, TemplateContextError)):
        compile_template(make_docx([tag]), template_id="t").render({"x": 1})


def test_mutation_of_values_is_refused() -> None:
    tpl = compile_template(make_docx(["{{ x.append(1) }}"]), template_id="t")
    with pytest.raises(TemplateSecurityError):
        tpl.render({"x": []})


# --------------------------------------------------------------------------- package


def test_invalid_markup_from_a_filter_is_a_syntax_error() -> None:
    from markupsafe import Markup

    tpl = compile_template(
        make_docx(["{{ x|raw }}"]), template_id="t", filters={"raw": lambda v: Markup("<w:oops>")}
    )
    with pytest.raises(TemplateSyntaxError, match="not well-formed"):
        tpl.render({"x": 1})


def test_unchanged_parts_are_copied_compressed_and_entries_fixed() -> None:
    data = make_docx(["{{ a }}"])
    out = compile_template(data, template_id="t").render({"a": "b"})
    src, dst = zipfile.ZipFile(io.BytesIO(data)), zipfile.ZipFile(io.BytesIO(out))
    assert [i.filename for i in dst.infolist()][: len(src.infolist())] == [
        i.filename for i in src.infolist()
    ]
    assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in dst.infolist())
    styles_src, styles_dst = src.getinfo("word/styles.xml"), dst.getinfo("word/styles.xml")
    assert styles_src.compress_size == styles_dst.compress_size
    assert src.read("word/styles.xml") == dst.read("word/styles.xml")
    assert dst.testzip() is None
    core = dst.read("docProps/core.xml").decode()
    assert "1980-01-01T00:00:00Z" in core
    custom = dst.read("docProps/custom.xml").decode()
    assert "litigate.fingerprint" in custom
    stored, actual = read_fingerprint(out)
    assert stored == actual


def test_dated_sets_core_dates() -> None:
    from datetime import date

    out = compile_template(make_docx(["x"]), template_id="t").render({}, dated=date(2025, 3, 4))
    assert "2025-03-04T00:00:00Z" in part(out, "docProps/core.xml").decode()
    assert docx.Document(io.BytesIO(out)).core_properties.created.year == 2025


def test_render_is_deterministic_in_one_process() -> None:
    tpl = compile_template(
        make_docx(["{{ a }}", "{%p for x in xs %}", "{{ x }}", "{%p endfor %}"]), template_id="t"
    )
    context = {"a": "é & ə", "xs": [1, 2, 3]}
    first = tpl.render(context)
    assert tpl.render(context) == first
    again = compile_template(
        make_docx(["{{ a }}", "{%p for x in xs %}", "{{ x }}", "{%p endfor %}"]), template_id="t"
    )
    assert again.render(context) == first


_CHILD = """
import sys, hashlib
from litigate.drafts.engine import compile_template
data = open(sys.argv[1], "rb").read()
out = compile_template(data, template_id="t").render({"a": "Ə & <x>", "xs": ["1", "2"]})
print(hashlib.sha256(out).hexdigest())
"""


def test_render_is_deterministic_across_processes(tmp_path: Path) -> None:
    template = tmp_path / "t.docx"
    template.write_bytes(make_docx(["{{ a }}", "{%p for x in xs %}", "{{ x }}", "{%p endfor %}"]))
    digests = {
        subprocess.run(
            [sys.executable, "-c", _CHILD, str(template)],
            capture_output=True,
            text=True,
            check=True,
            env={"PYTHONHASHSEED": seed, "PATH": ""},
        ).stdout.strip()
        for seed in ("1", "2")
    }
    assert len(digests) == 1


def test_write_rendered_protects_edited_files(tmp_path: Path) -> None:
    tpl = compile_template(make_docx(["{{ a }}"]), template_id="t")
    target = tmp_path / "out.docx"
    write_rendered(target, tpl.render({"a": "first"}))
    # untouched since litigate wrote it: replaced
    write_rendered(target, tpl.render({"a": "second"}))
    assert texts(target.read_bytes()) == ["second"]
    # edited (saved by python-docx, as Word would): refused
    edited = docx.Document(str(target))
    edited.paragraphs[0].text = "lawyer's edit"
    edited.save(str(target))
    with pytest.raises(OverwriteRefusedError):
        write_rendered(target, tpl.render({"a": "third"}))
    assert texts(target.read_bytes()) == ["lawyer's edit"]
    write_rendered(target, tpl.render({"a": "third"}), overwrite=True)
    assert texts(target.read_bytes()) == ["third"]
    # a file that is not a DOCX is never replaced silently
    other = tmp_path / "notes.docx"
    other.write_bytes(b"not a docx")
    with pytest.raises(OverwriteRefusedError):
        write_rendered(other, tpl.render({"a": "x"}))


def test_template_with_custom_properties_keeps_them() -> None:
    document = docx.Document()
    document.add_paragraph("{{ a }}")
    buf = io.BytesIO()
    document.save(buf)
    once = compile_template(buf.getvalue(), template_id="t").render({"a": "1"})
    twice = compile_template(once, template_id="t2").render({"a": "2"})
    custom = part(twice, "docProps/custom.xml").decode()
    assert custom.count("litigate.fingerprint") == 1
    stored, actual = read_fingerprint(twice)
    assert stored == actual


# --------------------------------------------------------------------------- fuzzing


_TEMPLATE = compile_template(make_docx(["A {{ v }} B"], header="{{ v }}"), template_id="fuzz")


@given(st.text())
def test_arbitrary_text_renders_to_valid_xml(value: str) -> None:
    try:
        out = _TEMPLATE.render({"v": value})
    except LitigateError:
        return
    for name in ("word/document.xml", "word/header1.xml"):
        etree.fromstring(part(out, name))
    expected = re.sub(
        "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]", "\ufffd", value
    )
    expected = expected.replace("\r\n", "\n").replace("\r", "\n")
    assert texts(out) == [f"A {expected} B"]


# --------------------------------------------------------------------------- more parts and tags


def test_footnotes_are_rendered_and_checked() -> None:
    from litigate.parse.docx import read_docx_footnotes
    from tests.docx_factory import add_footnotes

    data = add_footnotes(make_docx(["Body"]), ["Judgment of {{ court }} & others."])
    tpl = compile_template(data, template_id="t")
    assert tpl.variables() == frozenset({"court"})
    out = tpl.render({"court": "Baku Court <of Appeal>"})
    notes = read_docx_footnotes(out)
    assert list(notes.values()) == ["Judgment of Baku Court <of Appeal> & others."]
    with pytest.raises(TemplateContextError) as caught:
        tpl.render({})
    assert [p.part for p in caught.value.problems] == ["word/footnotes.xml"]


def test_r_tags_replace_their_run() -> None:
    body = (
        f'<w:p xmlns:w="{W}"><w:r><w:t xml:space="preserve">A </w:t></w:r>'
        "<w:r><w:t>{%r if show %}</w:t></w:r><w:r><w:t>shown</w:t></w:r>"
        '<w:r><w:t>{%r endif %}</w:t></w:r><w:r><w:t xml:space="preserve"> B</w:t></w:r></w:p>'
    )
    tpl = compile_template(with_body(body), template_id="t")
    assert texts(tpl.render({"show": True})) == ["A shown B"]
    assert texts(tpl.render({"show": False})) == ["A  B"]


def test_tc_tags_and_tr_outside_tables_are_reported() -> None:
    with pytest.raises(TemplateSyntaxError) as caught:
        compile_template(make_docx(["{%tr for x in y %}", "{%tc for x in y %}"]), template_id="t")
    messages = [p.message for p in caught.value.problems]
    assert any("must be in a table row" in m for m in messages)
    assert any("not supported" in m for m in messages)


def test_type_errors_in_the_template_are_context_errors() -> None:
    tpl = compile_template(make_docx(["a", "{{ x + 1 }}"]), template_id="t")
    with pytest.raises(TemplateContextError, match="TypeError") as caught:
        tpl.render({"x": "a"})
    assert caught.value.problems[0].paragraph == 1


def test_litigate_filters_receive_the_locale() -> None:
    import datetime as dt

    from litigate.drafts.filters import FILTERS

    tpl = compile_template(
        make_docx(["{{ d|date }}; {{ names|join }}"]),
        template_id="t",
        filters=FILTERS,
        locale="en",
    )
    context = {"d": dt.date(2025, 11, 18), "names": ["A", "B", "C"]}
    (text,) = texts(tpl.render(context))
    assert text.startswith("18 November 2025; A")
    (text_fr,) = texts(tpl.render(context, locale="fr"))
    assert "novembre" in text_fr and " et " in text_fr


def test_looping_over_a_missing_value_is_reported() -> None:
    tpl = compile_template(
        make_docx(["{% for a in case.applicants %}{{ a }}{% endfor %}"]), template_id="t"
    )
    with pytest.raises(TemplateContextError) as caught:
        tpl.render({"case": {}})
    assert [p.message for p in caught.value.problems] == ["no value for case.applicants"]
    assert texts(tpl.render({"case": {}}, draft=True)) == [""]


def test_draft_output_is_well_formed_and_strict_render_still_checks() -> None:
    tpl = compile_template(make_docx(["{{ a }} & {{ b }}"], header="{{ c }}"), template_id="t")
    out = tpl.render({"b": "<x>"}, draft=True)
    for name in ("word/document.xml", "word/header1.xml"):
        assert part(out, name).startswith(b"<?xml")
        etree.fromstring(part(out, name))
    assert texts(out) == ["[MISSING: a] & <x>"]


def test_importing_the_engine_stays_light() -> None:
    code = (
        "import sys, litigate.drafts.engine\n"
        "print(sorted(m for m in ('jinja2', 'lxml', 'docx') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_values_cannot_forge_draft_markers() -> None:
    out = render(["{{ v }}"], {"v": "\ufdd20\ufdd3 \ufdd0 \ufdd1"})
    assert out == ["\ufffd0\ufffd \ufffd \ufffd"]


def test_other_namespace_prefixes_work() -> None:
    body = (
        f'<x:p xmlns:x="{W}"><x:r><x:t>{{{{ a }}}}</x:t></x:r></x:p>'
        f'<x:p xmlns:x="{W}"><x:r><x:t>{{%p if a %}}</x:t></x:r></x:p>'
        f'<x:p xmlns:x="{W}"><x:r><x:t>yes</x:t></x:r></x:p>'
        f'<x:p xmlns:x="{W}"><x:r><x:t>{{%p endif %}}</x:t></x:r></x:p>'
    )
    out = compile_template(with_body(body), template_id="t").render({"a": "v"})
    assert b"litigate" not in part(out)
    assert texts(out) == ["v", "yes"]


def test_braces_outside_text_are_not_template_code() -> None:
    body = (
        f'<w:p xmlns:w="{W}"><w:r><w:instrText xml:space="preserve"> {{{{ no }}}} {{% if %}} {{#</w:instrText>'
        "</w:r><w:r><w:t>{{ a }}</w:t></w:r></w:p>"
    )
    out = compile_template(with_body(body), template_id="t").render({"a": "v"})
    assert (
        '<w:instrText xml:space="preserve"> {{ no }} {% if %} {#</w:instrText>'
        in part(out).decode()
    )
    assert texts(out) == ["v"]


def test_many_missing_values_in_a_table_loop_are_all_listed() -> None:
    rows = [
        ["{%tr for a in applicants %}", ""],
        ["{{ a.name }}", "{{ a.born }}"],
        ["{%tr endfor %}", ""],
    ]
    tpl = compile_template(make_docx(["List"], rows=rows), template_id="t")
    applicants = [{"name": f"N{i}"} for i in range(500)]
    with pytest.raises(TemplateContextError) as caught:
        tpl.render({"applicants": applicants})
    problems = caught.value.problems
    assert len(problems) == 500
    assert problems[499].message == "no value for applicants[499].born"
    assert problems[0].part == "word/document.xml"
    assert problems[0].tag == "{{ a.born }}"


def test_concurrent_renders_do_not_mix_state() -> None:
    from concurrent.futures import ThreadPoolExecutor

    tpl = compile_template(make_docx(["{{ a }} {{ b.c }}"]), template_id="t")
    contexts: list[dict[str, object]] = [
        {"a": str(i), "b": {"c": i}} if i % 2 else {"a": str(i), "b": {}} for i in range(40)
    ]

    def run(context: dict[str, object]) -> object:
        try:
            return texts(tpl.render(context))
        except TemplateContextError as exc:
            return [p.message for p in exc.problems]

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(run, contexts))
    assert results == [run(c) for c in contexts]
    assert results[1] == ["1 1"] and results[2] == ["no value for b.c"]


def test_write_rendered_creates_a_new_file(tmp_path: Path) -> None:
    data = compile_template(make_docx(["x"]), template_id="t").render({})
    target = write_rendered(tmp_path / "sub" / "new.docx", data)
    assert target.read_bytes() == data


def test_ids_repeated_by_loops_are_made_unique() -> None:
    wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    w14 = "http://schemas.microsoft.com/office/word/2010/wordml"
    body = (
        f'<w:p xmlns:w="{W}"><w:r><w:t>{{%p for x in xs %}}</w:t></w:r></w:p>'
        f'<w:p xmlns:w="{W}" xmlns:w14="{w14}" w14:paraId="1A2B3C4D">'
        f'<w:r><w:drawing><wp:inline xmlns:wp="{wp}"><wp:docPr id="7" name="seal"/></wp:inline>'
        "</w:drawing></w:r><w:r><w:t>{{ x }}</w:t></w:r></w:p>"
        f'<w:p xmlns:w="{W}"><w:r><w:t>{{%p endfor %}}</w:t></w:r></w:p>'
    )
    tpl = compile_template(with_body(body), template_id="t")
    for draft in (False, True):
        out = tpl.render(
            {"xs": ["a", "b", "c"]} if not draft else {"xs": [1, None, 3]}, draft=draft
        )
        root = etree.fromstring(part(out))
        ids = [d.get("id") for d in root.iter(f"{{{wp}}}docPr")]
        assert ids == ["7", "8", "9"]
        para_ids = [p.get(f"{{{w14}}}paraId") for p in root.iter(f"{{{W}}}p")]
        assert para_ids.count("1A2B3C4D") == 1
    assert tpl.render({"xs": ["a"]}) == tpl.render({"xs": ["a"]})


def test_a_none_item_in_a_loop_is_reported_with_its_tag() -> None:
    tpl = compile_template(
        make_docx(["x", "{% for d in dates %}{{ d }}{% endfor %}"]), template_id="t"
    )
    with pytest.raises(TemplateContextError) as caught:
        tpl.render({"dates": ["1", None]})
    (problem,) = caught.value.problems
    assert (problem.message, problem.paragraph, problem.tag) == (
        "no value (the value is None)",
        1,
        "{{ d }}",
    )
