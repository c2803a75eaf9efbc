"""Citations: every data example runs; values round-trip; finding never raises."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib import resources
from typing import TypeVar

import pytest
from hypothesis import given
from hypothesis import strategies as st

from litigate.errors import CitationParseError, RuleDataError, ValidationError
from litigate.parse import citations
from litigate.parse.citations import (
    ApplicationNumber,
    CaseCitation,
    Ecli,
    EcthrApplications,
    HudocItem,
    ReportNumber,
    Suffix,
    TreatyBody,
    UnSymbol,
    UnSymbolKind,
    citation_patterns,
    find_citations,
    parse_citation,
)

PATTERNS = citation_patterns()
T = TypeVar("T")


def parse_as(text: str, cls: type[T]) -> T:
    value = parse_citation(text)
    assert isinstance(value, cls)
    return value


def _raw_data():
    resource = resources.files("litigate.parse").joinpath("data", "citations.toml")
    with resource.open("rb") as handle:
        return tomllib.load(handle)


# --------------------------------------------------------------------------- the data's own examples


@pytest.mark.parametrize(
    ("pattern_id", "example"),
    [(p.id, e) for p in PATTERNS for e in p.examples],
)
def test_every_example_reads_with_its_pattern_only_and_formats_back(pattern_id, example):
    found = citations._matches(example)

    assert [pid for pid, _ in found] == [pattern_id]
    assert str(found[0][1]) == example
    assert parse_citation(example) == found[0][1]


@pytest.mark.parametrize(
    ("pattern_id", "text", "canonical"),
    [(p.id, t, c) for p in PATTERNS for t, c in p.variants],
)
def test_every_variant_reads_to_its_canonical_form(pattern_id, text, canonical):
    found = citations._matches(text)

    assert [pid for pid, _ in found] == [pattern_id]
    assert str(found[0][1]) == canonical
    assert parse_citation(canonical) == found[0][1]


@pytest.mark.parametrize(
    ("pattern_id", "counter"),
    [(p.id, c) for p in PATTERNS for c in p.counter_examples],
)
def test_no_counter_example_reads_with_its_pattern(pattern_id, counter):
    assert pattern_id not in [pid for pid, _ in citations._matches(counter)]


def test_every_pattern_has_examples_and_a_doc():
    assert len({p.id for p in PATTERNS}) == len(PATTERNS)
    for pattern in PATTERNS:
        assert pattern.examples, pattern.id
        assert pattern.doc, pattern.id


def test_every_un_kind_has_a_pattern():
    kinds = {
        type(c).__name__ + getattr(c, "kind", "")
        for p in PATTERNS
        for c in map(parse_citation, p.examples)
    }
    for kind in UnSymbolKind:
        assert "UnSymbol" + kind.value in kinds


def test_annual_report_numbers_agree_with_bodies():
    data = _raw_data()
    fragment = next(f for f in data["fragments"] if f["name"] == "annual_suffix")
    listed = set(fragment["regex"].split("|"))
    assert listed == {b["annual_report"] for b in data["bodies"] if "annual_report" in b}


# --------------------------------------------------------------------------- strict data loading


def test_unknown_keys_are_refused_with_their_path():
    data = _raw_data()
    data["colour"] = 1
    data["patterns"][0]["exemples"] = []
    data["fragments"][0]["comment"] = "x"

    with pytest.raises(RuleDataError) as info:
        citations._build_rules(data, path="x.toml")

    assert info.value.path == "x.toml"
    assert "unknown key 'colour' @ $" in info.value.errors
    assert "unknown key 'exemples' @ $.patterns[0]" in info.value.errors
    assert "unknown key 'comment' @ $.fragments[0]" in info.value.errors


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(schema_version=2), "unsupported schema_version 2"),
        (
            lambda d: d["fragments"].append({"name": "bad", "regex": "(x)", "doc": ""}),
            "captures a group",
        ),
        (
            lambda d: d["fragments"].append({"name": "bad", "regex": "{nope}", "doc": ""}),
            "unknown fragment 'nope'",
        ),
        (
            lambda d: d["fragments"].append({"name": "bad", "regex": "{bad}", "doc": ""}),
            "fragment cycle",
        ),
        (lambda d: d["patterns"].append({**d["patterns"][0]}), "duplicate pattern id"),
        (
            lambda d: d["patterns"].append({**d["patterns"][0], "id": "x.y"}),
            "no reader for pattern id 'x.y'",
        ),
        (lambda d: d["patterns"][0].update(examples=[]), "at least one example"),
        (lambda d: d["patterns"][0].update(template="{n} {n}"), "used twice"),
        (lambda d: d["bodies"].pop(), "treaty body 'cescr' has no row"),
        (lambda d: d["months"].update(en=["Jan"]), "expected 12 month names"),
        (lambda d: d["patterns"][0]["variants"][0].update(canon="x"), "unknown key 'canon'"),
    ],
)
def test_broken_data_is_refused(change, message):
    data = _raw_data()
    change(data)

    with pytest.raises(RuleDataError) as info:
        citations._build_rules(data, path="x.toml")

    assert message in str(info.value)


# --------------------------------------------------------------------------- table-driven values


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("no. 69981/14", EcthrApplications(numbers=[ApplicationNumber(number=69981, year=14)])),
        (
            "nos. 16064/90 and 8 others",
            EcthrApplications(numbers=[ApplicationNumber(number=16064, year=90)], others=8),
        ),
        (
            "nos. 16064/90 and 16065/90",
            EcthrApplications(
                numbers=[
                    ApplicationNumber(number=16064, year=90),
                    ApplicationNumber(number=16065, year=90),
                ]
            ),
        ),
        (
            "ECLI:CE:ECHR:2016:0317JUD006998114",
            Ecli(
                year=2016,
                month=3,
                day=17,
                kind="JUD",
                application=ApplicationNumber(number=69981, year=14),
            ),
        ),
        ("001-161416", HudocItem(collection="001", item=161416)),
        (
            "Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012",
            CaseCitation(
                applicant="Sabri Güneş",
                respondent="Turkey",
                grand_chamber=True,
                applications=EcthrApplications(numbers=[ApplicationNumber(number=27396, year=6)]),
                date=date(2012, 6, 29),
            ),
        ),
        (
            "Orhan v. Türkiye (dec.), no. 38358/22",
            CaseCitation(
                applicant="Orhan",
                respondent="Türkiye",
                decision=True,
                applications=EcthrApplications(numbers=[ApplicationNumber(number=38358, year=22)]),
            ),
        ),
        (
            "Varnava and Others v. Turkey [GC]",
            CaseCitation(
                applicant="Varnava", respondent="Turkey", and_others=True, grand_chamber=True
            ),
        ),
        (
            "CAT/C/AZE/5",
            UnSymbol(kind="report", body="cat", country="AZE", report=ReportNumber(first=5)),
        ),
        (
            "CERD/C/AZE/10-12",
            UnSymbol(
                kind="report", body="cerd", country="AZE", report=ReportNumber(first=10, last=12)
            ),
        ),
        (
            "CAT/C/AZE/CO/4",
            UnSymbol(
                kind="concluding_observations",
                body="cat",
                country="AZE",
                report=ReportNumber(first=4),
            ),
        ),
        (
            "CAT/C/AZE/FCO/4",
            UnSymbol(kind="follow_up", body="cat", country="AZE", report=ReportNumber(first=4)),
        ),
        (
            "CAT/C/AZE/CO/4/Add.1",
            UnSymbol(
                kind="follow_up",
                segment="CO",
                body="cat",
                country="AZE",
                report=ReportNumber(first=4),
                suffixes=[Suffix(kind="Add", number=1)],
            ),
        ),
        (
            "CCPR/C/AZE/Q/4/Add.1",
            UnSymbol(
                kind="list_of_issues",
                body="hrc",
                country="AZE",
                report=ReportNumber(first=4),
                suffixes=[Suffix(kind="Add", number=1)],
            ),
        ),
        (
            "CAT/C/AZE/QPR/5",
            UnSymbol(
                kind="list_of_issues_prior",
                body="cat",
                country="AZE",
                report=ReportNumber(first=5),
            ),
        ),
        ("CAT/C/55/3", UnSymbol(kind="session_document", body="cat", session=55, number=3)),
        (
            "CCPR/C/135/D/2945/2017",
            UnSymbol(
                kind="views_or_decision", body="hrc", session=135, communication=2945, year=2017
            ),
        ),
        (
            "E/C.12/55/D/2/2014",
            UnSymbol(
                kind="views_or_decision", body="cescr", session=55, communication=2, year=2014
            ),
        ),
        (
            "CCPR/C/3/Rev.12",
            UnSymbol(
                kind="rules_of_procedure",
                body="hrc",
                number=3,
                suffixes=[Suffix(kind="Rev", number=12)],
            ),
        ),
        ("CED/C/1", UnSymbol(kind="rules_of_procedure", body="ced", number=1)),
        ("CAT/C/GC/4", UnSymbol(kind="general_comment", body="cat", number=4)),
        ("CAT/C/SR.907", UnSymbol(kind="summary_record", body="cat", number=907)),
        ("A/58/44", UnSymbol(kind="annual_report", body="cat", session=58)),
        ("HRI/CORE/AZE/2008", UnSymbol(kind="core_document", country="AZE", year=2008)),
        (
            "CCPR/C/UNK/CO/1",
            UnSymbol(
                kind="concluding_observations",
                body="hrc",
                country="UNK",
                report=ReportNumber(first=1),
            ),
        ),
        (
            "CAT/C/AZE/CO/4/Corr.1/Rev.2",
            UnSymbol(
                kind="concluding_observations",
                body="cat",
                country="AZE",
                report=ReportNumber(first=4),
                suffixes=[Suffix(kind="Corr", number=1), Suffix(kind="Rev", number=2)],
            ),
        ),
    ],
)
def test_real_citations_read_to_typed_values(text, expected):
    assert parse_citation(text) == expected
    assert str(expected) == text


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("  CCPR/C/135/D/2945/2017*  ", "CCPR/C/135/D/2945/2017"),
        ("CRC/C/69/D/1/2014**", "CRC/C/69/D/1/2014"),
        ("Sabri Güneş\nv. Turkey [GC],\nno. 27396/06", "Sabri Güneş v. Turkey [GC], no. 27396/06"),
    ],
)
def test_whitespace_and_footnote_markers(text, canonical):
    assert str(parse_citation(text)) == canonical


def test_two_digit_years_resolve_with_the_documented_pivot():
    assert ApplicationNumber(number=1, year=49).full_year == 2049
    assert ApplicationNumber(number=1, year=50).full_year == 1950
    assert ApplicationNumber(number=1, year=0).full_year == 2000
    assert parse_as("no. 5310/71", EcthrApplications).numbers[0].full_year == 1971


def test_ecli_decodes_the_application_number():
    ecli = parse_as("ECLI:CE:ECHR:2016:0317JUD006998114", Ecli)

    assert ecli.application == ApplicationNumber(number=69981, year=14)
    assert ecli.date == date(2016, 3, 17)


def test_hudoc_collection_meaning_is_data():
    assert "judgments" in (parse_as("001-161416", HudocItem).collection_meaning or "")
    assert HudocItem(collection="009", item=123).collection_meaning is None


def test_views_year_is_the_registration_year_and_is_documented():
    assert "REGISTRATION" in (citations.UnSymbol.__doc__ or "")
    assert parse_as("CCPR/C/103/D/1850/2008", UnSymbol).year == 2008


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "CAT/C/XYZ/CO/4",  # not an ISO code
        "CAT/C/AZE/CO/04",
        "CCPR/C/7/Rev.1",  # not the HRC's rules of procedure
        "ECLI:CE:ECHR:2016:0230JUD006998114",  # 30 February
        "ECLI:CE:ECHR:2016:0317XYZ006998114",  # unknown type
        "ECLI:CE:ECHR:2012:0317JUD006998114",  # application lodged after the judgment
        "Sabri Güneş v. Turkey [GC], no. 27396/06, 31 June 2012",
        "A/58/45",
        "no. 12345/23 and more",
        "x" * 5000,
    ],
)
def test_non_citations_raise_citation_parse_error_naming_the_text(text):
    with pytest.raises(CitationParseError) as info:
        parse_citation(text)

    assert info.value.text == text
    assert repr(text)[:20] in str(info.value)


def test_non_text_is_refused():
    with pytest.raises(CitationParseError):
        parse_citation(None)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("cls", "kwargs", "field"),
    [
        (ApplicationNumber, {"number": 1, "year": 100}, "year"),
        (ApplicationNumber, {"number": True, "year": 1}, "number"),
        (EcthrApplications, {"numbers": []}, "numbers"),
        (
            EcthrApplications,
            {"numbers": [ApplicationNumber(number=1, year=1)], "others": -1},
            "others",
        ),
        (HudocItem, {"collection": "001", "item": 5}, "item"),
        (
            Ecli,
            {
                "year": 2016,
                "month": 3,
                "day": 17,
                "kind": "JUD",
                "application": ApplicationNumber(number=1, year=14),
                "court": "NL:HR",
            },
            "court",
        ),
        (CaseCitation, {"applicant": " Orhan", "respondent": "Türkiye"}, "applicant"),
        (
            CaseCitation,
            {"applicant": "Orhan", "respondent": "Türkiye", "date": "2012-06-29"},
            "date",
        ),
        (
            UnSymbol,
            {"kind": "report", "body": "cat", "country": "AZ", "report": ReportNumber(first=1)},
            "country",
        ),
        (
            UnSymbol,
            {
                "kind": "report",
                "body": "cat",
                "country": "AZE",
                "report": ReportNumber(first=1),
                "session": 3,
            },
            "session",
        ),
        (
            UnSymbol,
            {
                "kind": "follow_up",
                "segment": "CO",
                "body": "cat",
                "country": "AZE",
                "report": ReportNumber(first=1),
            },
            "suffixes",
        ),
        (
            UnSymbol,
            {
                "kind": "concluding_observations",
                "body": "cat",
                "country": "AZE",
                "report": ReportNumber(first=1),
                "suffixes": [Suffix(kind="Add", number=1)],
            },
            "suffixes",
        ),
        (
            UnSymbol,
            {
                "kind": "concluding_observations",
                "segment": "QPR",
                "body": "cat",
                "country": "AZE",
                "report": ReportNumber(first=1),
            },
            "segment",
        ),
        (UnSymbol, {"kind": "annual_report", "body": "cescr", "session": 70}, "body"),
        (UnSymbol, {"kind": "rules_of_procedure", "body": "cedaw", "number": 1}, "number"),
        (
            UnSymbol,
            {
                "kind": "views_or_decision",
                "body": "hrc",
                "session": 1,
                "communication": 1,
                "year": 1850,
            },
            "year",
        ),
    ],
)
def test_constructors_validate_and_name_the_field(cls, kwargs, field):
    with pytest.raises(ValidationError) as info:
        cls(**kwargs)

    assert info.value.field == field


def test_values_are_frozen():
    value = parse_as("CAT/C/AZE/CO/4", UnSymbol)
    with pytest.raises(AttributeError):
        value.country = "GBR"  # type: ignore[misc]


# --------------------------------------------------------------------------- finding in text

LETTER = (
    "In its concluding observations (CAT/C/AZE/CO/4), adopted at its 1368th meeting "
    "(CAT/C/SR.1368), the Committee recalled Sabri Güneş v. Turkey [GC], no. 27396/06, "
    "29 June 2012, ECLI:CE:ECHR:2016:0317JUD006998114 (HUDOC 001-161416), Application no. 12345/23 "
    "and its Views in CCPR/C/135/D/2945/2017*; see also A/58/44, para. 12. Tel. 41-22-917."
)


def test_find_citations_in_running_text():
    mentions = find_citations(LETTER)

    assert [m.text for m in mentions] == [
        "CAT/C/AZE/CO/4",
        "CAT/C/SR.1368",
        "Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012",
        "ECLI:CE:ECHR:2016:0317JUD006998114",
        "001-161416",
        "Application no. 12345/23",
        "CCPR/C/135/D/2945/2017",
        "A/58/44",
    ]
    for mention in mentions:
        assert LETTER[mention.start : mention.end] == mention.text
        assert parse_citation(mention.text) == mention.citation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See Orhan v. Türkiye (dec.), no. 38358/22.", ["Orhan v. Türkiye (dec.), no. 38358/22"]),
        (
            "as held in Varnava and Others v. Turkey [GC] the Court",
            ["Varnava and Others v. Turkey [GC]"],
        ),
        ("in Orhan v. Türkiye The Court held", ["Orhan v. Türkiye"]),
        (
            "Compare Hirst v. the United Kingdom (no. 2) [GC]",
            ["Hirst v. the United Kingdom (no. 2) [GC]"],
        ),
        ("XCAT/C/AZE/CO/4 and CAT/C/AZE/CO/4/Add.1.", ["CAT/C/AZE/CO/4/Add.1"]),
        ("CAT/C/XYZ/CO/4", []),
        (
            "Bouyid c. Belgique [GC], no 23380/09, § 86, CEDH 2015.",
            ["Bouyid c. Belgique [GC], no 23380/09"],
        ),
        (
            "Voir Catan et autres c. République de Moldova et Russie [GC], nos 43370/04, 8252/05 et 18454/06, 1er octobre 2012.",
            [
                "Catan et autres c. République de Moldova et Russie [GC], nos 43370/04, 8252/05 et 18454/06, 1er octobre 2012"
            ],
        ),
        ("12/2014 and 69981/14 without a prefix", []),
        ("", []),
    ],
)
def test_find_citations_table(text, expected):
    assert [m.text for m in find_citations(text)] == expected


@given(st.text(max_size=300))
def test_find_citations_never_raises_and_spans_are_exact(text):
    mentions = find_citations(text)
    end = 0
    for mention in mentions:
        assert mention.start >= end
        assert text[mention.start : mention.end] == mention.text
        end = mention.end


_PIECES = st.sampled_from(
    [
        "CAT/C/AZE/CO/4",
        "no. 69981/14",
        " v. ",
        "Turkey",
        " [GC]",
        ", ",
        "/Add.1",
        "*",
        "Güneş",
        "001-161416",
        "ECLI:CE:ECHR:",
        "(dec.)",
        "29 June 2012",
        "\n",
        "A/58/44",
        "/",
        ".",
        "1",
    ]
)


@given(st.lists(st.one_of(_PIECES, st.text(max_size=5)), max_size=12).map("".join))
def test_find_citations_on_citation_like_noise(text):
    for mention in find_citations(text):
        assert text[mention.start : mention.end] == mention.text


@given(st.one_of(st.text(max_size=60), st.lists(_PIECES, max_size=8).map("".join)))
def test_parse_citation_raises_only_citation_parse_error(text):
    try:
        value = parse_citation(text)
    except CitationParseError:
        return
    assert parse_citation(str(value)) == value


# --------------------------------------------------------------------------- round trip of generated values

_N = st.integers(min_value=1, max_value=99_999)
_ISO = st.sampled_from(["AZE", "TUR", "GBR", "KAZ", "UKR", "ARM", "GEO", "RUS", "UNK"])
_BODIES = st.sampled_from(list(TreatyBody))
_SUFFIXES = st.lists(
    st.builds(Suffix, kind=st.sampled_from(["Add", "Corr", "Rev"]), number=st.integers(1, 30)),
    max_size=3,
).map(tuple)
_NON_ADD_SUFFIXES = _SUFFIXES.filter(lambda s: not s or s[0].kind != "Add")
_REPORTS = st.one_of(
    st.builds(ReportNumber, first=_N),
    st.tuples(st.integers(1, 50), st.integers(1, 5)).map(
        lambda t: ReportNumber(first=t[0], last=t[0] + t[1])
    ),
)


def _un_symbols():
    country_kinds = st.builds(
        UnSymbol,
        kind=st.sampled_from(["report", "concluding_observations", "list_of_issues"]),
        body=_BODIES,
        country=_ISO,
        report=_REPORTS,
        suffixes=_NON_ADD_SUFFIXES,
    )
    follow_up = st.one_of(
        st.builds(
            UnSymbol,
            kind=st.just("follow_up"),
            body=_BODIES,
            country=_ISO,
            report=_REPORTS,
            suffixes=_SUFFIXES,
        ),
        st.builds(
            UnSymbol,
            kind=st.just("follow_up"),
            segment=st.just("CO"),
            body=_BODIES,
            country=_ISO,
            report=_REPORTS,
            suffixes=st.tuples(st.integers(1, 9), _SUFFIXES).map(
                lambda t: (Suffix(kind="Add", number=t[0]), *t[1])
            ),
        ),
    )
    prior = st.builds(
        UnSymbol,
        kind=st.just("list_of_issues_prior"),
        segment=st.sampled_from(["QPR", "LOIPR"]),
        body=_BODIES,
        country=_ISO,
        report=_REPORTS,
        suffixes=_SUFFIXES,
    )
    numbered = st.builds(
        UnSymbol,
        kind=st.sampled_from(["general_comment", "summary_record"]),
        body=_BODIES,
        number=_N,
        suffixes=_SUFFIXES,
    )
    session = st.builds(
        UnSymbol,
        kind=st.just("session_document"),
        body=_BODIES,
        session=_N,
        number=_N,
        suffixes=_SUFFIXES,
    )
    views = st.builds(
        UnSymbol,
        kind=st.just("views_or_decision"),
        body=_BODIES,
        session=_N,
        communication=_N,
        year=st.integers(1900, 2099),
        suffixes=_SUFFIXES,
    )
    rules = st.sampled_from([("hrc", 3), ("cat", 3), ("cerd", 35), ("ced", 1)]).flatmap(
        lambda bn: st.builds(
            UnSymbol,
            kind=st.just("rules_of_procedure"),
            body=st.just(bn[0]),
            number=st.just(bn[1]),
            suffixes=_SUFFIXES,
        )
    )
    annual = st.builds(
        UnSymbol,
        kind=st.just("annual_report"),
        body=st.sampled_from([b for b in TreatyBody if b is not TreatyBody.CESCR]),
        session=_N,
        suffixes=_SUFFIXES,
    )
    core = st.builds(
        UnSymbol,
        kind=st.just("core_document"),
        country=_ISO,
        year=st.integers(1900, 2099),
        suffixes=_SUFFIXES,
    )
    return st.one_of(
        country_kinds, follow_up, prior, numbered, session, views, rules, annual, core
    )


_APP = st.builds(ApplicationNumber, number=st.integers(1, 9_999_999), year=st.integers(0, 99))
_APPS = st.builds(
    EcthrApplications, numbers=st.lists(_APP, min_size=1, max_size=4), others=st.integers(0, 50)
)
_ECLI = st.builds(
    lambda d, t, n: Ecli(
        year=d.year,
        month=d.month,
        day=d.day,
        kind=t,
        application=ApplicationNumber(number=n, year=d.year % 100),
    ),
    st.dates(min_value=date(1960, 1, 1), max_value=date(2049, 12, 31)),
    st.sampled_from(["JUD", "DEC", "REP"]),
    st.integers(1, 9_999_999),
)
_HUDOC = st.builds(
    HudocItem,
    collection=st.sampled_from(["001", "002", "003", "004"]),
    item=st.integers(100, 9_999_999),
)
_CASES = st.builds(
    CaseCitation,
    applicant=st.sampled_from(
        [
            "Sabri Güneş",
            "Orhan",
            "Varnava",
            "M.S.S.",
            "Del Río Prada",
            "Ilgar Mammadov",
            "Öneryıldız",
            "Al-Skeini",
            "A. and B.",
        ]
    ),
    respondent=st.sampled_from(
        [
            "Turkey",
            "Türkiye",
            "Azerbaijan",
            "the United Kingdom",
            "the Republic of Moldova",
            "la République de Moldova",
            "Royaume-Uni",
            "Bosnia and Herzegovina",
        ]
    ),
    and_others=st.booleans(),
    sequel=st.one_of(st.none(), st.integers(2, 9)),
    decision=st.booleans(),
    grand_chamber=st.booleans(),
    applications=st.one_of(st.none(), _APPS),
    date=st.one_of(st.none(), st.dates(min_value=date(1959, 1, 1), max_value=date(2099, 12, 31))),
    language=st.sampled_from(["en", "fr"]),
)


@given(st.one_of(_un_symbols(), _APPS, _ECLI, _HUDOC, _CASES))
def test_generated_citations_round_trip(citation):
    assert parse_citation(str(citation)) == citation


@given(st.one_of(_un_symbols(), _APPS, _HUDOC, _CASES))
def test_generated_citations_are_found_in_text(citation):
    text = f"As stated in {citation}."
    mentions = find_citations(text)

    assert [m.citation for m in mentions] == [citation]


def test_every_fragment_is_used_and_documented():
    data = _raw_data()
    texts = [p["template"] for p in data["patterns"]] + [f["regex"] for f in data["fragments"]]
    for fragment in data["fragments"]:
        assert fragment["doc"].strip(), fragment["name"]
        assert any("{" + fragment["name"] + "}" in text for text in texts), fragment["name"]
