"""Notebook display: HTML reprs, the timeline SVG and PNG, saving."""

from __future__ import annotations

import io
import itertools
import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

import litigate
import litigate.display  # registers the renderers (litigate/__init__ may not import it yet)
from litigate import _display_hooks
from litigate.display._status import SEVERITY_COLOURS, STATUS_COLOURS, status_key
from litigate.display.html import MAX_ROWS, findings_html, observations_html, reply_html
from litigate.display.timeline import (
    WIDTH,
    layout_svg,
    save_timeline,
    timeline_layout,
    timeline_png,
    timeline_svg,
)
from litigate.drafts.reply import Reply, ReplySection
from litigate.engine.results import Finding, Findings, Severity, WindowStatus
from litigate.errors import InputError, OverwriteRefusedError
from litigate.parse.observations import Observations, Section

AS_OF = date(2026, 11, 23)
_ROOT = Path(__file__).parents[2] / "examples"
EXAMPLES = [
    _ROOT / name / "case.toml"
    for name in (
        "cat-torture-communication",
        "custody-ill-treatment",
        "disbarred-lawyer",
        "hrc-after-ecthr",
        "journalist-detention",
        "travel-ban-defender",
    )
]
SVG = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert('x')</script> & \"Co\""


def load(name: str) -> litigate.Case:
    return litigate.load_case(Path(__file__).parents[2] / "examples" / name / "case.toml")


class _Checker(HTMLParser):
    """Collects tags and refuses anything active or external."""

    VOID = frozenset({"br", "img", "hr", "meta", "link", "input"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        assert tag not in {"script", "link", "img", "iframe", "style", "object"}, tag
        for name, value in attrs:
            assert not name.startswith("on"), name
            assert "url(" not in (value or ""), value
            assert "javascript:" not in (value or "").lower(), value
            if name in {"href", "src"}:
                pytest.fail(f"external resource {name}={value}")
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        assert self.stack, f"</{tag}> closes nothing"
        assert self.stack[-1] == tag, f"</{tag}> closes <{self.stack[-1]}>"
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse_html(fragment: str) -> _Checker:
    checker = _Checker()
    checker.feed(fragment)
    checker.close()
    assert checker.stack == [], f"unclosed: {checker.stack}"
    return checker


def svg_root(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def marks(svg: str) -> list[tuple[date, float, str]]:
    root = svg_root(svg)
    return [
        (
            date.fromisoformat(e.get("data-on", "")),
            float(e.get("data-x", "")),
            e.get("data-role", ""),
        )
        for e in root.iter()
        if e.get("class") == "mark"
    ]


# ---------------------------------------------------------------- hooks and reprs


def test_repr_html_is_none_without_a_renderer(monkeypatch):
    case = load("journalist-detention")
    monkeypatch.setattr(_display_hooks, "_RENDERERS", {})
    assert case._repr_html_() is None
    assert litigate.check(case, as_of=AS_OF)._repr_html_() is None


def test_every_class_has_a_renderer():
    case = load("journalist-detention")
    window = litigate.filing_window(case, as_of=AS_OF)
    findings = litigate.check(case, as_of=AS_OF)
    for value in (case, window, window.complaints[0], findings, findings[0]):
        fragment = value._repr_html_()
        assert fragment is not None and fragment.startswith("<div")
        parse_html(fragment)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_reprs_are_short_and_name_nobody(path):
    case = litigate.load_case(path)
    window = litigate.filing_window(case, as_of=AS_OF)
    names = [a.name for a in case.applicants] + [r.name for r in case.representatives]
    for text in (repr(case), repr(window), *map(repr, window.complaints)):
        assert len(text) < 300, text
        for name in names:
            assert name not in text
        if case.title:
            assert case.title not in text
    assert repr(case).startswith("Case(forum=")
    assert f"complaints={len(case.complaints)}" in repr(window)


def test_repr_of_a_huge_case_stays_short():
    complaint = litigate.Complaint(provision="ECHR-10", summary="x" * 20_000)
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        facts="f" * 200_000,
        complaints=[complaint] * 3000,
        proceedings=[
            litigate.DomesticDecision(
                court="Supreme Court", level="cassation", taken_on=date(2026, 6, 1)
            )
        ],
    )
    window = litigate.filing_window(case, as_of=AS_OF)
    assert len(repr(case)) < 200
    assert len(repr(window)) < 300
    fragment = window._repr_html_()
    assert fragment is not None
    assert f"{3000 - MAX_ROWS} more rows not shown" in fragment
    assert fragment.count("<svg") == 1  # one distinct window, one picture
    assert len(fragment) < 600_000
    parse_html(fragment)
    assert len(case._repr_html_() or "") < 200_000


def test_observations_and_reply_reprs_are_short():
    sections = tuple(
        Section(kind="facts", heading=f"Heading {n}", first_index=n, last_index=n)
        for n in range(50)
    )
    obs = Observations(paragraphs=(), sections=sections, language="en")
    assert len(repr(obs)) < 400
    assert "Heading" not in repr(obs)
    section = ReplySection(
        kind="time_limit",
        heading="A.",
        opening="o" * 5000,
        argument="a" * 5000,
        from_bank=True,
        needs_review=True,
    )
    reply = Reply(sections=(section,) * 40)
    assert len(repr(reply)) < 400
    assert "needs_review=40" in repr(reply)


# ---------------------------------------------------------------- findings


def test_check_returns_a_findings_tuple():
    case = load("disbarred-lawyer")
    findings = litigate.check(case, as_of=AS_OF)
    assert isinstance(findings, Findings)
    assert isinstance(findings, tuple)
    assert findings == tuple(findings)
    assert findings.errors and all(f.severity is Severity.ERROR for f in findings.errors)
    assert isinstance(findings[:2], tuple)


def test_findings_html_colours_and_sources():
    case = load("disbarred-lawyer")
    findings = litigate.check(case, as_of=AS_OF)
    fragment = findings._repr_html_()
    assert fragment is not None
    parse_html(fragment)
    assert SEVERITY_COLOURS[Severity.ERROR] in fragment
    assert SEVERITY_COLOURS[Severity.WARNING] in fragment
    assert SEVERITY_COLOURS[Severity.INFO] not in fragment  # no info finding in this case
    assert fragment.count("<tr>") == len(findings) + 1
    for finding in findings:
        if finding.source:
            assert _escape(finding.source) in fragment


def test_finding_html_escapes():
    finding = Finding(
        code="x", severity=Severity.WARNING, message=HOSTILE, source="A & B", field="<f>"
    )
    fragment = finding._repr_html_()
    assert fragment is not None
    checker = parse_html(fragment)
    assert "script" not in checker.tags
    assert "&lt;script&gt;" in fragment
    assert "A &amp; B" in fragment
    assert HOSTILE in "".join(checker.text)


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=True)


# ---------------------------------------------------------------- windows


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_window_html_for_every_example(path):
    case = litigate.load_case(path)
    window = litigate.filing_window(case, as_of=AS_OF)
    fragment = window._repr_html_()
    assert fragment is not None
    checker = parse_html(fragment)
    text = "".join(checker.text)
    for w in window.complaints:
        if w.deadline is not None:
            assert _court(w.deadline) in text
        key = status_key(w.status, w.days_left, in_time=w.in_time)
        assert STATUS_COLOURS[key] in fragment
        for step in w.steps:
            assert step.text in text
    # Each picture inside is well-formed XML.
    for svg in re.findall(r"<svg.*?</svg>", fragment, flags=re.DOTALL):
        svg_root(svg)
    case_fragment = case._repr_html_()
    assert case_fragment is not None
    parse_html(case_fragment)


def _court(day: date) -> str:
    from litigate._court_dates import court_date

    return court_date(day)


def test_status_colours_per_example():
    expected = {
        "journalist-detention": "expiring_soon",
        "custody-ill-treatment": "lodged_in_time",
        "travel-ban-defender": "continuing",
        "cat-torture-communication": "no_fixed_limit",
    }
    for name, key in expected.items():
        window = litigate.filing_window(load(name), as_of=AS_OF)
        assert status_key(window.status, window.days_left, in_time=window.in_time) == key
        fragment = window._repr_html_() or ""
        head = fragment.split("<table", 1)[0]
        assert STATUS_COLOURS[key] in head, name


def test_status_keys_cover_every_display():
    assert status_key(WindowStatus.OPEN, 100, in_time=None) == "open"
    assert status_key(WindowStatus.OPEN, 14, in_time=None) == "expiring_soon"
    assert status_key(WindowStatus.OPEN, 15, in_time=None) == "open"
    assert status_key(WindowStatus.EXPIRED, -1, in_time=None) == "expired"
    assert status_key(WindowStatus.EXPIRED, -1, in_time=False) == "out_of_time"
    assert status_key(WindowStatus.PRESUMPTION, -1, in_time=None) == "presumption_passed"
    assert status_key(WindowStatus.PRESUMPTION, 5, in_time=None) == "presumption"
    assert status_key(WindowStatus.INSUFFICIENT_FACTS, None, in_time=None) == "insufficient_facts"
    keys = {s.value for s in WindowStatus} | {
        "expiring_soon",
        "lodged_in_time",
        "out_of_time",
        "presumption_passed",
    }
    assert keys == set(STATUS_COLOURS)


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


@pytest.mark.parametrize("colour", sorted({*STATUS_COLOURS.values(), *SEVERITY_COLOURS.values()}))
def test_badges_have_enough_contrast_with_white_text(colour):
    ratio = 1.05 / (_luminance(colour) + 0.05)
    assert ratio >= 4.5, (colour, ratio)


def test_out_of_time_is_shown():
    case = load("custody-ill-treatment")
    late = litigate.Case(
        forum=case.forum,
        respondent=case.respondent,
        complaints=case.complaints,
        proceedings=case.proceedings,
        lodged_on=date(2025, 12, 1),
    )
    window = litigate.filing_window(late, as_of=AS_OF)
    fragment = window._repr_html_() or ""
    assert "out of time" in fragment
    assert STATUS_COLOURS["out_of_time"] in fragment
    svg = timeline_svg(window, case=late)
    lodged = [m for m in marks(svg) if m[2].startswith("lodged")]
    assert lodged == [(date(2025, 12, 1), lodged[0][1], "lodged_late")]


def test_hostile_names_are_escaped_everywhere():
    case = litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title=HOSTILE,
        applicants=[litigate.Applicant.person(name=HOSTILE)],
        complaints=[litigate.Complaint(provision="ECHR-10", label="<b>&", summary=HOSTILE)],
        proceedings=[
            litigate.DomesticDecision(
                id="a&b",
                court=HOSTILE,
                level="cassation",
                taken_on=date(2026, 6, 1),
                served_on=date(2026, 6, 9),
            )
        ],
    )
    window = litigate.filing_window(case, as_of=AS_OF)
    for fragment in (case._repr_html_(), window._repr_html_()):
        assert fragment is not None
        checker = parse_html(fragment)
        assert "script" not in checker.tags and "b" not in checker.tags
        assert "<script>" not in fragment
    svg = timeline_svg(window, case=case)
    root = svg_root(svg)
    texts = "".join(t.text or "" for t in root.iter(f"{SVG}text"))
    assert HOSTILE in texts
    assert not list(root.iter(f"{SVG}script")) and not list(root.iter("script"))


def test_observations_html_lists_sections():
    sections = (
        Section(kind="preamble", first_index=0, last_index=0),
        Section(
            kind="non_exhaustion",
            heading="A. Non-exhaustion",
            first_index=1,
            last_index=4,
            first_number="1.",
            last_number="3.",
        ),
        Section(
            kind="merits",
            article="5",
            heading=HOSTILE,
            first_index=5,
            last_index=9,
            first_number="4.",
            last_number="8.",
        ),
    )
    fragment = observations_html(Observations(paragraphs=(), sections=sections, language="en"))
    checker = parse_html(fragment)
    text = "".join(checker.text)
    assert "objection: non exhaustion" in text
    assert "merits: Article 5" in text
    assert "1.–3." in text and "4.–8." in text and "5–9" in text
    assert HOSTILE in text and "<script>" not in fragment


def test_reply_html_marks_review():
    done = ReplySection(
        kind="facts",
        heading="A. Facts",
        opening="",
        argument="Mine.",
        from_bank=False,
        needs_review=False,
    )
    todo = ReplySection(
        kind="time_limit",
        heading="B. <Time limit>",
        answers=(13, 14, 15, 20),
        opening="",
        argument="Bank.",
        from_bank=True,
        needs_review=True,
        sources=("Sabri Güneş v. Turkey [GC]",),
        government_heading="II. Six & four months",
    )
    fragment = reply_html(Reply(sections=(done, todo), warnings=("Check § 13 & § 14",)))
    text = "".join(parse_html(fragment).text)
    assert "§§ 13–15, 20" in text
    assert "needs review" in text and "ready" in text
    assert "1 to review" in text
    assert "B. <Time limit>" in text and "II. Six & four months" in text
    assert "Check § 13 & § 14" in text


def test_empty_findings():
    assert "No findings." in findings_html(Findings())


# ---------------------------------------------------------------- timeline


def test_timeline_shows_the_dates():
    case = load("disbarred-lawyer")
    window = litigate.filing_window(case, as_of=AS_OF)
    svg = timeline_svg(window, case=case)
    root = svg_root(svg)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    for expected in (
        "3 December 2026",
        "23 February 2027",
        "23 November 2026",
        "3 August 2026",
        "24 June 2026",
    ):
        assert expected in texts
    assert "Safe deadline" in texts and "Arguable deadline" in texts and "As of" in texts
    roles = {m[2] for m in marks(svg)}
    assert roles == {"decision", "start", "safe", "arguable", "as_of"}
    french = timeline_svg(window, case=case, locale="fr")
    french_texts = [t.text for t in svg_root(french).iter(f"{SVG}text")]
    assert "3 décembre 2026" in french_texts and "Délai sûr" in french_texts
    assert "3 December 2026" not in french_texts


def test_timeline_without_arguable_deadline_has_one_deadline():
    case = load("journalist-detention")
    window = litigate.filing_window(case, as_of=AS_OF)
    roles = [m[2] for m in marks(timeline_svg(window))]
    assert roles.count("safe") == 1 and "arguable" not in roles
    # The second distinct window (Article 5 § 4) is drawn on request.
    other = timeline_svg(window, complaint=2)
    assert "18 March 2027" in other


def test_timeline_is_deterministic():
    case = load("hrc-after-ecthr")
    first = timeline_svg(litigate.filing_window(case, as_of=AS_OF), case=case)
    again = timeline_svg(litigate.filing_window(load("hrc-after-ecthr"), as_of=AS_OF), case=case)
    assert first == again
    assert first != timeline_svg(
        litigate.filing_window(case, as_of=AS_OF + timedelta(days=1)), case=case
    )


def test_timeline_rejects_a_bad_complaint_index():
    window = litigate.filing_window(load("journalist-detention"), as_of=AS_OF)
    with pytest.raises(InputError) as info:
        timeline_svg(window, complaint=5)
    assert info.value.field == "complaint"
    with pytest.raises(InputError):
        timeline_svg(window, complaint=True)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.parent.name)
def test_timeline_for_every_example_is_well_formed_and_fits(path):
    case = litigate.load_case(path)
    window = litigate.filing_window(case, as_of=AS_OF)
    for svg in (timeline_svg(window, case=case), timeline_svg(window, locale="fr")):
        root = svg_root(svg)
        assert root.tag == f"{SVG}svg"
        assert root.get("width") == str(WIDTH)
        for found in marks(svg):
            assert 0 <= found[1] <= WIDTH


def test_png_decodes_with_the_expected_size():
    case = load("disbarred-lawyer")
    window = litigate.filing_window(case, as_of=AS_OF)
    layout = timeline_layout(window, case=case)
    for scale in (1, 2):
        with Image.open(io.BytesIO(timeline_png(window, case=case, scale=scale))) as image:
            assert image.format == "PNG"
            assert image.size == (layout.width * scale, layout.height * scale)
            # The safe deadline's red bar is painted where the SVG puts it.
            safe = next(m for m in layout.marks if m.role == "safe")
            pixel = image.convert("RGB").getpixel((round(safe.x * scale), round(safe.y * scale)))
            assert pixel == (0xB4, 0x23, 0x18)
    with pytest.raises(InputError):
        timeline_png(window, scale=0)


def test_save_timeline_svg_png_and_refusal(tmp_path):
    case = load("journalist-detention")
    window = litigate.filing_window(case, as_of=AS_OF)
    svg_path = save_timeline(window, tmp_path / "timeline.svg", case=case)
    data = svg_path.read_text(encoding="utf-8")
    assert data.startswith("<?xml")
    ET.fromstring(data.encode())
    with pytest.raises(OverwriteRefusedError):
        save_timeline(window, svg_path, case=case)
    assert svg_path.read_text(encoding="utf-8") == data
    save_timeline(window, svg_path, case=case, locale="fr", overwrite=True)
    assert "29 novembre 2026" in svg_path.read_text(encoding="utf-8")
    png_path = save_timeline(window, tmp_path / "timeline.png", case=case)
    with Image.open(png_path) as image:
        assert image.format == "PNG"
    as_png = save_timeline(window, tmp_path / "annex", format="png")
    with Image.open(as_png) as image:
        assert image.format == "PNG"
    with pytest.raises(InputError) as info:
        save_timeline(window, tmp_path / "t.gif", format="gif")  # type: ignore[arg-type]
    assert info.value.field == "format"
    assert not (tmp_path / "t.gif").exists()


def test_png_goes_into_a_docx_annex(tmp_path):
    case = load("disbarred-lawyer")
    window = litigate.filing_window(case, as_of=AS_OF)
    png = save_timeline(window, tmp_path / "timeline.png", case=case)
    document = docx.Document()
    document.add_heading("Annex 1: the time limit", level=1)
    document.add_picture(str(png), width=docx.shared.Cm(16))
    target = tmp_path / "annex.docx"
    document.save(str(target))
    reopened = docx.Document(str(target))
    assert len(reopened.inline_shapes) == 1
    blobs = [p.target_part.blob for p in reopened.part.rels.values() if "image" in p.reltype]
    assert blobs == [png.read_bytes()]


# ---------------------------------------------------------------- property


_DAYS = st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31))


@st.composite
def decisions(draw):
    taken = draw(_DAYS)
    later = st.integers(min_value=0, max_value=400).map(lambda n: taken + timedelta(days=n))
    return {
        "court": draw(st.text(min_size=1, max_size=40).filter(lambda s: s.strip())),
        "level": "cassation",
        "taken_on": taken,
        "served_on": draw(st.none() | later),
        "served_on_representative": draw(st.none() | later),
        "known_on": draw(st.none() | later),
    }


@given(
    chain=st.lists(decisions(), min_size=1, max_size=4),
    as_of=_DAYS,
    lodged=st.none() | _DAYS,
    locale=st.sampled_from(["en", "fr"]),
)
def test_timeline_property(chain, as_of, lodged, locale):
    try:
        case = litigate.Case(
            forum="ecthr",
            respondent="AZE",
            complaints=[litigate.Complaint(provision="ECHR-6-1")],
            proceedings=[litigate.DomesticDecision(**fields) for fields in chain],
            lodged_on=lodged,
        )
    except litigate.errors.ValidationError:
        return  # e.g. a court name with control characters, which the model refuses
    window = litigate.filing_window(case, as_of=as_of)
    for with_case in (case, None):
        svg = timeline_svg(window, case=with_case, locale=locale)
        svg_root(svg)  # well-formed XML whatever the court's name
        found = sorted(marks(svg))
        assert found, svg
        for (d1, x1, _), (d2, x2, _) in itertools.pairwise(found):
            assert x1 <= x2, (d1, d2)
            if d1 < d2:
                assert x1 < x2 or (d2 - d1).days * 700 < (found[-1][0] - found[0][0]).days
        roles = {m[2] for m in found}
        assert "as_of" in roles
        assert ("lodged" in roles or "lodged_late" in roles) == (lodged is not None)
        assert svg == layout_svg(timeline_layout(window, case=with_case, locale=locale))
