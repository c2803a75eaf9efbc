"""``ecthr/just-satisfaction`` and the same claims embedded in ``ecthr/observations-reply``.

Every figure is checked against a computation of its own: the example case files are
read with :mod:`tomllib` (not with litigate), hours x rate and the totals are added
with :class:`~decimal.Decimal`, and the expected text is written out literally in
English and French (``EUR 32,767.58`` / ``32 767,58 EUR``, no-break spaces).
"""

from __future__ import annotations

import io
import re
import tomllib
import zipfile
from collections.abc import Iterator
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import litigate
import litigate.drafts
from litigate.drafts.claims import HEAD_TITLES, claims_context, fee_amount
from litigate.drafts.context import build_context
from litigate.drafts.filters import amount
from litigate.errors import TemplateContextError, ValidationError
from litigate.model import Claim, ClaimKind, Document, FeeItem, JustSatisfaction
from tests.drafts.test_golden import normalised_text
from tests.drafts.test_templates import EXTRA_VALUES

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates" / "ecthr"
AS_OF = date(2026, 11, 23)
TEMPLATE = "ecthr/just-satisfaction"
REPLY = "ecthr/observations-reply"
LOCALES = ["en", "fr"]
EXAMPLES = ["journalist-detention", "disbarred-lawyer"]
NBSP = "\u00a0"
CENT = Decimal("0.01")
HEADS = {
    "en": ["A. Pecuniary damage", "B. Non-pecuniary damage", "C. Costs and expenses"],
    "fr": ["A. Dommage matériel", "B. Dommage moral", "C. Frais et dépens"],
}
PART = {"en": "Claims for just satisfaction", "fr": "Demandes de satisfaction équitable"}
BANK = {
    "en": "be paid directly into the following bank account",
    "fr": "soit versée directement sur le compte bancaire suivant",
}


# --------------------------------------------------------------------------- helpers


@cache
def _case(example: str) -> litigate.Case:
    return litigate.load_case(ROOT / "examples" / example / "case.toml")


@cache
def _raw(example: str) -> dict[str, Any]:
    """The case file's ``[just_satisfaction]`` table, read without litigate."""
    with (ROOT / "examples" / example / "case.toml").open("rb") as handle:
        return dict(tomllib.load(handle)["just_satisfaction"])


def _money(value: Decimal, locale: str) -> str:
    """An amount written out by hand: ``EUR 6,400.50`` / ``6 400,50 EUR``."""
    whole = value == value.to_integral_value()
    digits = f"{value:,.0f}" if whole else f"{value:,.2f}"
    if locale == "fr":
        digits = digits.replace(",", NBSP).replace(".", ",")
        return f"{digits}{NBSP}EUR"
    return f"EUR{NBSP}{digits}"


def _line(hours: str, rate: str) -> Decimal:
    return (Decimal(hours) * Decimal(rate)).quantize(CENT, rounding=ROUND_HALF_UP)


def _expected_figures(example: str) -> dict[str, Any]:
    """Fee lines, per-head subtotals and the total, computed from the raw TOML."""
    raw = _raw(example)
    subtotals = dict.fromkeys(("pecuniary", "non_pecuniary", "costs"), Decimal(0))
    lines: list[tuple[str, str, str, Decimal]] = []
    for claim in raw["claims"]:
        total = Decimal(claim.get("amount", "0"))
        for fee in claim.get("fees", []):
            line = _line(fee["hours"], fee["rate"])
            lines.append((fee["lawyer"], fee["hours"], fee["rate"], line))
            total += line
        subtotals[claim["kind"]] += total
    return {"lines": lines, "subtotals": subtotals, "total": sum(subtotals.values())}


def _render(case: litigate.Case, locale: str, template: str = TEMPLATE, **extra: Any) -> bytes:
    if template == REPLY:
        extra = {**EXTRA_VALUES[REPLY](locale), **extra}
    return litigate.render(template, case=case, as_of=AS_OF, locale=locale, **extra)


def _document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _tables(document: Any) -> list[list[list[str]]]:
    return [[[c.text for c in row.cells] for row in table.rows] for table in document.tables]


def _headings(document: Any) -> list[str]:
    return [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith("Heading")
    ]


def _package_text(data: bytes) -> Iterator[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            yield name, package.read(name).decode("utf-8", "replace")


# --------------------------------------------------------------------------- figures


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("example", EXAMPLES)
def test_fee_lines_subtotals_and_total_are_the_decimal_sums(example: str, locale: str) -> None:
    expected = _expected_figures(example)
    document = _document(_render(_case(example), locale))
    tables = _tables(document)
    fee_rows = [row for table in tables if len(table[0]) == 5 for row in table[1:-1]]
    assert len(fee_rows) == len(expected["lines"]) > 0
    for row, (lawyer, hours, rate, line) in zip(fee_rows, expected["lines"], strict=True):
        shown_hours = hours.replace(".", ",") if locale == "fr" else hours
        assert row == [row[0], row[1], shown_hours, _money(Decimal(rate), locale), row[4]]
        assert row[0] == lawyer
        assert row[4] == _money(line, locale)
    summary = next(t for t in tables if len(t[0]) == 2)
    subtotals = [s for s in expected["subtotals"].values() if s]
    assert [row[1] for row in summary[1:-1]] == [_money(s, locale) for s in subtotals]
    assert summary[-1][1] == _money(expected["total"], locale)
    body = [p.text for p in document.paragraphs]
    total_line = {"en": "In total, the applicant claims ", "fr": "Au total, le requérant demande "}
    assert f"{total_line[locale]}{_money(expected['total'], locale)}" in "\n".join(body)
    # Each head states its own subtotal, in the heads' order.
    label = {"en": "Subtotal: ", "fr": f"Sous-total{NBSP}: "}[locale]
    stated = [p[len(label) :] for p in body if p.startswith(label)]
    assert stated == [_money(s, locale) for s in subtotals]
    # The model agrees (every fee line of the examples is a whole number of cents).
    assert expected["total"] == _case(example).just_satisfaction.total  # type: ignore[union-attr]


def test_the_journalist_figures_in_full() -> None:
    """The literal figures a lawyer checks, in both languages."""
    values = build_context(_case("journalist-detention"), as_of=AS_OF, locale="en")
    js: Any = values["just_satisfaction"]
    assert js["total"] == f"EUR{NBSP}32,767.58"
    assert [h["subtotal"] for h in js["heads"]] == [
        f"EUR{NBSP}3,005.18",
        f"EUR{NBSP}20,000",
        f"EUR{NBSP}9,762.40",
    ]
    costs = js["heads"][2]
    assert [(lw["name"], lw["hours"], lw["amount"]) for lw in costs["lawyers"]] == [
        ("Nurana Alasgarova", "74.5", f"EUR{NBSP}7,160"),
        ("Farid Jafarli", "22.25", f"EUR{NBSP}2,190"),
    ]
    assert costs["claims"][1]["expenses"] == f"EUR{NBSP}412.40"
    assert costs["claims"][1]["fees_total"] == f"EUR{NBSP}4,830"
    fr: Any = build_context(_case("journalist-detention"), as_of=AS_OF, locale="fr")
    assert fr["just_satisfaction"]["total"] == f"32{NBSP}767,58{NBSP}EUR"
    assert fr["just_satisfaction"]["heads"][2]["lawyers"][1]["hours"] == "22,25"


def test_amounts_follow_the_amount_filter() -> None:
    for locale in ("en", "fr", "ru"):
        js: Any = build_context(_case("disbarred-lawyer"), as_of=AS_OF, locale=locale)[
            "just_satisfaction"
        ]
        assert js["total"] == amount(Decimal("36842.14"), "EUR", locale=locale)
        titles = [h["title"] for h in js["heads"]]
        assert titles == [HEAD_TITLES[locale][k] for k in ClaimKind]


def test_fee_lines_are_rounded_to_the_cent_and_totals_add_the_lines() -> None:
    js = JustSatisfaction(
        claims=[
            Claim(
                kind="costs",
                description="Work",
                fees=[
                    FeeItem(lawyer="A", hours="0.25", rate="150.50"),  # 37.625 -> 37.63
                    FeeItem(lawyer="A", hours="0.25", rate="150.50"),
                ],
            )
        ]
    )
    case = litigate.Case(forum="ecthr", respondent="AZE", just_satisfaction=js)
    values: Any = claims_context(case, as_of=AS_OF, locale="en", lang="en")
    row = values["just_satisfaction"]["heads"][0]["claims"][0]
    assert [f["amount"] for f in row["fees"]] == [f"EUR{NBSP}37.63"] * 2
    assert values["just_satisfaction"]["total"] == f"EUR{NBSP}75.26"
    assert fee_amount(Decimal("0.25"), Decimal("150.50")) == Decimal("37.63")


def test_heads_follow_the_courts_order_whatever_the_order_of_the_claims() -> None:
    js = JustSatisfaction(
        claims=[
            Claim(kind="costs", description="Translation", amount="300"),
            Claim(kind="non_pecuniary", description="Distress", amount="9000"),
            Claim(kind="pecuniary", description="Lost salary", amount="1200"),
            Claim(kind="costs", description="Postage", amount="40.10"),
        ]
    )
    case = attrs.evolve(_case("journalist-detention"), just_satisfaction=js)
    for locale in LOCALES:
        document = _document(_render(case, locale))
        headings = _headings(document)
        assert [h for h in headings if h in HEADS[locale]] == HEADS[locale]
        body = "\n".join(p.text for p in document.paragraphs)
        assert body.index("Lost salary") < body.index("Distress") < body.index("Translation")
        assert body.index("Translation") < body.index("Postage")
    # Only the heads claimed are printed, lettered from A.
    only_costs = attrs.evolve(js, claims=[js.claims[0]])
    case = attrs.evolve(case, just_satisfaction=only_costs)
    headings = _headings(_document(_render(case, "en")))
    assert "A. Costs and expenses" in headings
    assert not any("Pecuniary" in h for h in headings)


# --------------------------------------------------------------------------- content


@pytest.mark.parametrize("locale", LOCALES)
def test_documents_are_numbered_once_and_cited_by_number(locale: str) -> None:
    document = _document(_render(_case("disbarred-lawyer"), locale))
    table = _tables(document)[-1]
    numbers = [row[0] for row in table[1:]]
    assert numbers == [str(n) for n in range(1, len(numbers) + 1)]
    titles = [row[1] for row in table[1:]]
    assert len(titles) == len(set(titles)) == 7
    assert titles[0] == "Tax declarations of Elnur Tahirli for 2022, 2023 and 2024"
    body = "\n".join(p.text for p in document.paragraphs)
    cited = {"en": f"nos.{NBSP}4, 5, 6 and 7", "fr": f"nos{NBSP}4, 5, 6 et 7"}[locale]
    assert cited in body
    date_cell = {"en": "31 March 2025", "fr": "31 mars 2025"}[locale]
    assert table[1][2] == date_cell


@pytest.mark.parametrize("locale", LOCALES)
def test_bank_account_is_asked_only_when_given(locale: str) -> None:
    with_account = "\n".join(
        p.text for p in _document(_render(_case("journalist-detention"), locale)).paragraphs
    )
    assert BANK[locale] in with_account
    assert "IBAN AZ77 NABZ 0135 0100 0000 0012 3944" in with_account
    without = "\n".join(
        p.text for p in _document(_render(_case("disbarred-lawyer"), locale)).paragraphs
    )
    assert BANK[locale] not in without


@pytest.mark.parametrize("locale", LOCALES)
def test_layout_title_numbering_header_and_signature(locale: str) -> None:
    case = attrs.evolve(_case("journalist-detention"), application_no="41234/26")
    document = _document(_render(case, locale, place="Baku"))
    paragraphs = list(document.paragraphs)
    assert paragraphs[0].style.name == "Title"
    assert paragraphs[0].text == PART[locale]
    texts = [p.text for p in paragraphs]
    assert {"en": "Application no. 41234/26", "fr": "Requête no 41234/26"}[locale] in texts
    header = document.sections[0].header.paragraphs[0].text
    assert "41234/26" in header
    assert "Mirzazade v. Azerbaijan" in header
    numbered = [p.text for p in paragraphs if p.style.name == "Numbered Paragraph"]
    assert numbered[0].startswith(
        {"en": "In accordance with Rule 60", "fr": "Conformément"}[locale]
    )
    assert len(numbered) == 8
    date_line = {"en": "Baku, 23 November 2026", "fr": "Baku, le 23 novembre 2026"}[locale]
    assert date_line in texts
    assert texts.index(date_line) > texts.index(numbered[-1])
    assert "Nurana Alasgarova" in texts[-3:]


def test_french_rendering_has_no_english_labels() -> None:
    text = normalised_text(_render(_case("disbarred-lawyer"), "fr"))
    # The case file's own text is English; the labels must not be.
    for english in (
        "Amount claimed",
        "Subtotal",
        "Hourly rate",
        "Work done",
        "Lawyers' fees",
        "Head of claim",
        "Summary of the claims",
        "List of supporting documents",
        "In total",
    ):
        assert english not in text, english
    assert "Montant demandé~: 15~295,34~EUR" in text
    assert "| Avocat | Travaux effectués | Heures | Taux horaire | Montant |" in text
    assert "| Total | 36~842,14~EUR |" in text


# --------------------------------------------------------------------------- the reply


def _claims_lines(data: bytes, first: str) -> list[str]:
    """The lines of the claims, from the first head to the list of documents, unmarked."""
    lines = [line.lstrip("#").strip() for line in normalised_text(data).splitlines()]
    start = lines.index(first)
    end = max(i for i, line in enumerate(lines) if re.match(r"\| \d+ \|", line))
    return lines[start : end + 1]


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("example", EXAMPLES)
def test_reply_embeds_the_same_claims(example: str, locale: str) -> None:
    case = _case(example)
    reply = _render(case, locale, REPLY)
    document = _document(reply)
    headings = [
        (p.style.name, p.text) for p in document.paragraphs if p.style.name[:7] == "Heading"
    ]
    assert ("Heading 1", PART[locale]) in headings
    assert [t for s, t in headings if s == "Heading 3" and t in HEADS[locale]] == HEADS[locale]
    # Before the conclusion, after the reply's own sections.
    names = [t for _, t in headings]
    assert names.index(PART[locale]) == names.index("Conclusion") - 6
    standalone = _render(case, locale)
    first = HEADS[locale][0]
    assert _claims_lines(reply, first) == _claims_lines(standalone, first)


@pytest.mark.parametrize("locale", LOCALES)
def test_reply_has_no_claims_part_without_claims(locale: str) -> None:
    case = attrs.evolve(_case("journalist-detention"), just_satisfaction=None)
    text = normalised_text(_render(case, locale, REPLY))
    assert PART[locale] not in text
    assert "EUR" not in text
    with_claims = normalised_text(_render(_case("journalist-detention"), locale, REPLY))
    assert PART[locale] in with_claims


# --------------------------------------------------------------------------- robustness

HOSTILE = "Fees & costs <b>bold</b> ]]> مرحبا ə ğ ı ş Ə Ğ İ Ş"


@pytest.mark.parametrize("template", [TEMPLATE, REPLY])
@pytest.mark.parametrize("locale", LOCALES)
def test_hostile_text_gives_a_valid_document(template: str, locale: str) -> None:
    js = JustSatisfaction(
        claims=[
            Claim(
                kind="pecuniary",
                description=HOSTILE,
                amount="10.5",
                documents=[Document(title=f"Invoice {HOSTILE}")],
            ),
            Claim(
                kind="costs",
                description=f"Line one {HOSTILE}\nLine two",
                fees=[FeeItem(lawyer=f"Ləman {HOSTILE}", hours="1.5", rate="99.99")],
            ),
        ],
        bank_account=f"IBAN <{HOSTILE}>",
        notes=f"First note {HOSTILE}\n\nSecond note",
    )
    case = attrs.evolve(_case("journalist-detention"), just_satisfaction=js)
    data = _render(case, locale, template)
    document = _document(data)  # parses: the XML is well formed
    text = normalised_text(data)
    assert text.count(HOSTILE) >= 6
    assert "{{" not in text
    assert "{%" not in text
    assert "Second note" in text
    assert any("Line one" in p.text and "Line two" in p.text for p in document.paragraphs)
    # 1.5 x 99.99 = 149.985 -> 149.99; + 10.50
    assert _money(Decimal("160.49"), locale).replace(NBSP, "~") in text


def test_control_characters_are_refused_by_the_model() -> None:
    with pytest.raises(ValidationError):
        Claim(kind="pecuniary", description="Lost\x00salary", amount=1)
    with pytest.raises(ValidationError):
        FeeItem(lawyer="A\x1b", hours=1, rate=1)


@pytest.mark.parametrize("template", [TEMPLATE, REPLY])
@pytest.mark.parametrize("locale", LOCALES)
def test_anonymised_package_has_no_trace_of_the_applicant(template: str, locale: str) -> None:
    data = _render(_case("journalist-detention"), locale, template, anonymise=True)
    found = [
        (name, word)
        for name, text in _package_text(data)
        for word in ("Gunay", "Mirzazade", "Kurdakhani", "Khagani")
        if word.lower() in text.lower()
    ]
    assert found == []
    assert "G.M." in normalised_text(data)  # the salary certificate's title, scrubbed


def test_missing_claims_fail_strictly_and_show_markers_in_a_draft() -> None:
    case = attrs.evolve(_case("journalist-detention"), just_satisfaction=None)
    with pytest.raises(TemplateContextError, match=r"just_satisfaction\.total"):
        _render(case, "en")
    text = normalised_text(_render(case, "en", draft=True))
    assert "[MISSING: just_satisfaction.total]" in text


def test_templates_pass_the_linter() -> None:
    paths = [
        TEMPLATES / f"{name}.{loc}.docx"
        for name in ("just-satisfaction", "observations-reply")
        for loc in LOCALES
    ]
    results = litigate.drafts.lint_templates(paths)
    assert [r.problems for r in results] == [()] * len(paths)
    assert "just_satisfaction" in litigate.drafts.template_variables(TEMPLATE)
    assert "just_satisfaction" in litigate.drafts.template_variables(REPLY, locale="fr")


def test_context_has_the_key_for_every_case_and_language() -> None:
    for locale in ("en", "fr", "ru"):
        bare = claims_context(
            litigate.Case(forum="ecthr", respondent="AZE"), as_of=AS_OF, locale=locale, lang=locale
        )
        assert bare == {"just_satisfaction": None}
        full: Any = build_context(_case("journalist-detention"), as_of=AS_OF, locale=locale)
        assert (
            full["just_satisfaction"]["model"] is _case("journalist-detention").just_satisfaction
        )


# --------------------------------------------------------------------------- property

_cents = st.decimals(min_value=Decimal(0), max_value=Decimal(500_000), places=2, allow_nan=False)
_fee = st.builds(
    FeeItem,
    lawyer=st.sampled_from(["Leyla Hasanova", "Rauf Əliyev", "Anar Məmmədov"]),
    hours=st.decimals(min_value=Decimal(0), max_value=Decimal(400), places=2),
    rate=st.decimals(min_value=Decimal(0), max_value=Decimal(1000), places=2),
)
_claim = st.one_of(
    st.builds(
        Claim,
        kind=st.sampled_from(["pecuniary", "non_pecuniary", "costs"]),
        description=st.just("Claim"),
        amount=_cents,
    ),
    st.builds(
        Claim,
        kind=st.just("costs"),
        description=st.just("Fees"),
        amount=st.none() | _cents,
        fees=st.lists(_fee, min_size=1, max_size=4),
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(claims=st.lists(_claim, min_size=1, max_size=6), locale=st.sampled_from(LOCALES))
def test_rendered_total_is_the_decimal_sum(claims: list[Claim], locale: str) -> None:
    expected = Decimal(0)
    per_head = dict.fromkeys(ClaimKind, Decimal(0))
    for claim in claims:
        value = claim.amount or Decimal(0)
        for fee in claim.fees:
            value += (fee.hours * fee.rate).quantize(CENT, rounding=ROUND_HALF_UP)
        expected += value
        per_head[claim.kind] += value
    case = attrs.evolve(
        _case("disbarred-lawyer"), just_satisfaction=JustSatisfaction(claims=claims)
    )
    document = _document(_render(case, locale))
    summary = next(t for t in _tables(document) if len(t[0]) == 2)
    assert summary[-1][1] == _money(expected, locale)
    assert [row[1] for row in summary[1:-1]] == [
        _money(v, locale) for k, v in per_head.items() if any(c.kind is k for c in claims)
    ]
