"""Rule 39 request, referral request, Rule 9 submission: what the lawyer reads in them.

Each template is rendered with :func:`litigate.drafts.api.render` and reopened with
python-docx; the tests check the legally important content (dates, provisions, the
referral time limit against an independent computation, finality and payment), what
is left out when the case file does not say it, hostile values, the draft markers,
the public version and the linter.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import docx
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import litigate
import litigate.drafts
from litigate.drafts.api import lint_templates, render
from litigate.drafts.later import later_context
from litigate.errors import TemplateContextError, ValidationError
from litigate.model.filings import Execution, InterimMeasures, Judgment
from tests.drafts.test_templates import contains_phrase, english_phrases

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"
AS_OF = date(2026, 11, 23)
RULE39 = "ecthr/rule39-request"
REFERRAL = "ecthr/referral-request"
RULE9 = "cm/rule9-submission"
LOCALES = ("en", "fr")


@cache
def _example(name: str) -> litigate.Case:
    return litigate.load_case(ROOT / "examples" / name / "case.toml")


def _medical() -> litigate.Case:
    return _example("rule39-medical-care")


def _blogger() -> litigate.Case:
    return _example("judgment-execution")


def _document(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in _document(data).paragraphs]


def _text(data: bytes) -> str:
    document = _document(data)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(" | ".join(c.text for c in row.cells) for row in table.rows)
    return "\n".join(parts)


def _numbered(data: bytes) -> list[str]:
    return [
        p.text
        for p in _document(data).paragraphs
        if p.style is not None and p.style.name == "Numbered Paragraph"
    ]


def _headings(data: bytes) -> list[str]:
    return [
        p.text
        for p in _document(data).paragraphs
        if p.style is not None and p.style.name == "Heading 1"
    ]


def _with_judgment(case: litigate.Case, **changes: Any) -> litigate.Case:
    assert case.judgment is not None
    return attrs.evolve(case, judgment=attrs.evolve(case.judgment, **changes))


def _with_execution(case: litigate.Case, **changes: Any) -> litigate.Case:
    assert case.judgment is not None
    assert case.judgment.execution is not None
    return _with_judgment(case, execution=attrs.evolve(case.judgment.execution, **changes))


def _with_interim(case: litigate.Case, **changes: Any) -> litigate.Case:
    assert case.interim_measures is not None
    return attrs.evolve(case, interim_measures=attrs.evolve(case.interim_measures, **changes))


# --------------------------------------------------------------------------------------
# Rule 39
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("locale", "urgent", "when", "provision", "lodged"),
    [
        (
            "en",
            "RULE 39 – URGENT",
            "27 November 2026 (time not known)",
            "The applicant relies on Article 3 of the Convention.",
            "The applicant lodged an application with the Court on 20 November 2026.",
        ),
        (
            "fr",
            "ARTICLE 39 – URGENT",
            "27 novembre 2026 (heure inconnue)",
            "Le requérant invoque l'article 3 de la Convention.",
            "Le requérant a introduit une requête devant la Cour le 20 novembre 2026.",
        ),
    ],
)
def test_rule39_request_says_what_the_practice_direction_asks(
    locale: str, urgent: str, when: str, provision: str, lodged: str
) -> None:
    data = render(RULE39, case=_medical(), as_of=AS_OF, locale=locale)
    paragraphs = _paragraphs(data)
    assert paragraphs[0] == urgent
    assert _document(data).paragraphs[0].runs[0].bold
    assert when in paragraphs[2]  # on the face of the request, before the address
    assert "Penitentiary Institution No. 31" in "\n".join(paragraphs[:20])
    assert provision in _numbered(data)
    assert lodged in _numbered(data)
    # The documents sent: numbered 1..8, in date order.
    table = _document(data).tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows[1:]]
    assert [r[0] for r in rows] == [str(n) for n in range(1, 9)]
    assert rows[0][2] == ("15 June 2009" if locale == "en" else "15 juin 2009")
    assert rows[-1][1] == "Appeal to the Baku Court of Appeal"
    # The sections in order.
    expected = {
        "en": [
            "The applicant",
            "The imminent risk of irreparable harm",
            "Interim measure requested",
            "Convention provisions relied on",
            "Domestic proceedings",
            "Documents enclosed",
            "Urgent contact",
        ],
        "fr": [
            "Le requérant",
            "Le risque imminent de dommage irréparable",
            "Mesure provisoire sollicitée",
            "Dispositions de la Convention invoquées",
            "Procédures internes",
            "Documents joints",
            "Contact urgent",
        ],
    }[locale]
    assert _headings(data) == expected
    text = _text(data)
    assert "+994 50 555 27 31" in text
    assert "does not suspend" in text  # the domestic steps say whether they are suspensive
    assert "(2-1(101)-2214/2026)" in text  # the domestic case reference


def test_rule39_never_addresses_the_lawyer() -> None:
    """How to send the request is for the documentation, not for the filing."""
    for locale in LOCALES:
        text = _text(render(RULE39, case=_medical(), as_of=AS_OF, locale=locale)).lower()
        for word in ("fax", "ecomms", "post", "télécopie", "practice direction", "instruction"):
            assert word not in text, word


@pytest.mark.parametrize("locale", LOCALES)
def test_rule39_time_and_unknown_date(locale: str) -> None:
    timed = _with_interim(_medical(), imminent_on=date(2026, 11, 27), imminent_at="06:30")
    text = _text(render(RULE39, case=timed, as_of=AS_OF, locale=locale))
    if locale == "en":
        assert "27 November 2026, 06:30 (local time)" in text
        assert (
            "The risk is expected to materialise on 27 November 2026 at 06:30 (local time)."
            in text
        )
    else:
        assert "27 novembre 2026, 06:30 (heure locale)" in text
    unknown = _with_interim(_medical(), imminent_on=None, imminent_at=None)
    data = render(RULE39, case=unknown, as_of=AS_OF, locale=locale)
    face = _paragraphs(data)[2]
    assert face.endswith("not known" if locale == "en" else "inconnues")
    sentence = {
        "en": "The exact date and time at which the risk will materialise are not known.",
        "fr": "La date et l'heure exactes auxquelles le risque se réalisera ne sont pas connues.",
    }[locale]
    assert sentence in _numbered(data)


def test_rule39_application_pending_or_intended() -> None:
    pending = attrs.evolve(_medical(), application_no="52114/26")
    assert (
        "The applicant has lodged an application with the Court (application no. 52114/26, "
        "lodged on 20 November 2026)." in _numbered(render(RULE39, case=pending, as_of=AS_OF))
    )
    intended = attrs.evolve(_medical(), lodged_on=None)
    assert (
        "The applicant intends to lodge an application with the Court under Article 34 of the "
        "Convention." in _numbered(render(RULE39, case=intended, as_of=AS_OF))
    )


def test_rule39_several_provisions_are_cited_together() -> None:
    case = _with_interim(_medical(), provisions=["ECHR-2", "ECHR-3"])
    assert "The applicant relies on Articles 2 and 3 of the Convention." in _numbered(
        render(RULE39, case=case, as_of=AS_OF)
    )
    assert "Le requérant invoque les articles 2 et 3 de la Convention." in _numbered(
        render(RULE39, case=case, as_of=AS_OF, locale="fr")
    )


def test_rule39_without_provisions_is_refused_unless_draft() -> None:
    case = _with_interim(_medical(), provisions=())
    with pytest.raises(TemplateContextError, match=r"interim\.provisions_cited"):
        render(RULE39, case=case, as_of=AS_OF)
    text = _text(render(RULE39, case=case, as_of=AS_OF, draft=True))
    assert "[MISSING: interim.provisions_cited" in text


def test_rule39_falls_back_on_the_case_documents_and_representative_phone() -> None:
    case = _with_interim(_medical(), documents=(), contact=None)
    values = later_context(case, as_of=AS_OF, locale="en", lang="en")["interim"]
    assert isinstance(values, dict)
    assert values["documents_are_the_case_documents"] is True
    assert [d["number"] for d in values["documents"]] == list(range(1, 8))
    assert values["contact"] == "+994 50 555 27 31, a.rzayeva@example.org"
    bare = attrs.evolve(case, representatives=(), documents=())
    text = _text(render(RULE39, case=bare, as_of=AS_OF))
    assert "Documents enclosed" not in text
    assert "Person to contact" not in text
    assert "can be reached urgently" not in text


# --------------------------------------------------------------------------------------
# Referral
# --------------------------------------------------------------------------------------


def _plus_three_months(day: date) -> date:
    """Independent expectation: same day-number three calendar months later (day ≤ 28)."""
    month = day.month + 3
    return date(day.year + (month - 1) // 12, (month - 1) % 12 + 1, day.day)


def test_referral_deadline_of_the_example() -> None:
    assert _plus_three_months(date(2026, 9, 17)) == date(2026, 12, 17)
    numbered = _numbered(render(REFERRAL, case=_blogger(), as_of=AS_OF))
    assert (
        "This request is lodged within the three-month time limit laid down in Article 43 § 1 "
        "of the Convention, which expires on 17 December 2026." in numbered
    )
    french = _numbered(render(REFERRAL, case=_blogger(), as_of=AS_OF, locale="fr"))
    assert (
        "La présente demande est introduite dans le délai de trois mois prévu par l'article "
        "43 § 1 de la Convention, qui expire le 17 décembre 2026." in french
    )


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_referral_deadline_is_three_calendar_months(delivered: date) -> None:
    # A period running on 16 March 2020 was suspended for a month (ECHR 094 (2020) and
    # 108 (2020), rule data `[[suspensions]]`): tests/engine/test_issue14.py covers it.
    assume(not date(2019, 12, 16) <= delivered <= date(2020, 4, 15))
    case = attrs.evolve(
        _blogger(), judgment=Judgment(delivered_on=delivered, referral_reasons="Reasons.")
    )
    referral = later_context(case, as_of=delivered, locale="en", lang="en")["judgment"]
    assert isinstance(referral, dict)
    values = referral["referral"]
    assert values["available"] is True
    assert values["in_time"] is True
    if delivered.day <= 28:
        assert values["deadline_date"] == _plus_three_months(delivered)
        # 28 February is a month end (except in leap years): its expiry is flagged,
        # never printed as settled.
        month_end = (delivered + timedelta(days=1)).month != delivered.month
        assert values["deadline_certain"] is not month_end
    else:
        assert values["deadline_date"] > delivered
        assert (values["deadline_date"] - delivered).days <= 92


def test_referral_month_end_date_is_not_presented_as_settled() -> None:
    case = _with_judgment(_blogger(), delivered_on=date(2023, 11, 30))
    values = later_context(case, as_of=date(2024, 1, 10), locale="en", lang="en")["judgment"]
    assert isinstance(values, dict)
    assert values["referral"]["deadline_date"] == date(2024, 2, 29)
    assert values["referral"]["deadline_certain"] is False
    assert any("month end" in n for n in values["referral"]["notes"])
    numbered = _numbered(render(REFERRAL, case=case, as_of=date(2024, 1, 10)))
    assert (
        "This request is lodged within three months from the date of the judgment, as Article "
        "43 § 1 of the Convention requires." in numbered
    )
    assert "29 February 2024" not in "\n".join(numbered)


@pytest.mark.parametrize(
    ("formation", "article"),
    [("grand_chamber", "Article 44 § 1"), ("committee", "Article 28 § 2")],
)
def test_referral_not_available_for_grand_chamber_or_committee(
    formation: str, article: str
) -> None:
    case = _with_judgment(_blogger(), formation=formation)
    values = later_context(case, as_of=AS_OF, locale="en", lang="en")["judgment"]
    assert isinstance(values, dict)
    referral = values["referral"]
    assert referral["available"] is False
    assert article in referral["reason"]
    assert referral["deadline"] is None
    assert referral["in_time"] is None
    french = later_context(case, as_of=AS_OF, locale="fr", lang="fr")["judgment"]
    assert isinstance(french, dict)
    assert article.replace("Article", "article") in french["referral"]["reason"]
    # The template still renders, without any time-limit statement.
    text = _text(render(REFERRAL, case=case, as_of=AS_OF))
    assert "Time limit" not in text
    assert "three-month" not in text
    assert "17 December 2026" not in text
    phrase = (
        "sitting as a Grand Chamber" if formation == "grand_chamber" else "sitting as a Committee"
    )
    assert phrase in text
    # Its finality is on delivery.
    assert values["final_on"] == "17 September 2026"


def test_referral_after_the_time_limit_or_after_finality() -> None:
    late = render(REFERRAL, case=_blogger(), as_of=date(2026, 12, 18))
    assert "Time limit" not in _text(late)
    values = later_context(_blogger(), as_of=date(2026, 12, 18), locale="en", lang="en")
    judgment = values["judgment"]
    assert isinstance(judgment, dict)
    assert judgment["referral"]["available"] is True
    assert judgment["referral"]["in_time"] is False
    assert judgment["referral"]["days_left"] == -1
    declared = _with_judgment(_blogger(), final_on=date(2026, 10, 1))
    values = later_context(declared, as_of=AS_OF, locale="en", lang="en")
    judgment = values["judgment"]
    assert isinstance(judgment, dict)
    assert judgment["referral"]["available"] is False
    assert "1 October 2026" in judgment["referral"]["reason"]


def test_referral_reasons_are_required_unless_draft() -> None:
    case = _with_judgment(_blogger(), referral_reasons=None)
    with pytest.raises(TemplateContextError, match=r"judgment\.referral\.reasons"):
        render(REFERRAL, case=case, as_of=AS_OF)
    assert "[MISSING: judgment.referral.reasons" in _text(
        render(REFERRAL, case=case, as_of=AS_OF, draft=True)
    )


def test_referral_request_order_and_findings() -> None:
    data = render(REFERRAL, case=_blogger(), as_of=AS_OF)
    assert _headings(data) == [
        "The judgment",
        "Time limit",
        "Serious question or issue (Article 43 § 2 of the Convention)",
        "Request",
    ]
    numbered = _numbered(data)
    assert (
        numbered[1]
        == "The Court, sitting as a Chamber, delivered its judgment on 17 September 2026."
    )
    assert (
        numbered[2]
        == "It held that there had been a violation of Articles 5 § 1 and 10 of the Convention."
    )
    assert (
        numbered[3]
        == "It held that there had been no violation of Article 6 § 1 of the Convention."
    )
    assert numbered[6].startswith("The Chamber held that the trial court's refusal")
    french = _numbered(render(REFERRAL, case=_blogger(), as_of=AS_OF, locale="fr"))
    assert "Elle a conclu à la violation des articles 5 § 1 et 10 de la Convention." in french
    assert "Elle a conclu à la non-violation de l'article 6 § 1 de la Convention." in french


# --------------------------------------------------------------------------------------
# Rule 9
# --------------------------------------------------------------------------------------


def test_rule9_before_finality_says_nothing_about_finality_or_payment() -> None:
    data = render(RULE9, case=_blogger(), as_of=AS_OF)
    text = _text(data)
    assert "became final" not in text
    assert "payable" not in text
    assert "Just satisfaction" not in _headings(data)
    assert "Supervision procedure: enhanced supervision" in text
    assert "Group of cases: Garayli group" in text
    assert _headings(data) == [
        "Introduction",
        "The judgment",
        "Measures taken by the authorities",
        "Individual measures outstanding",
        "General measures outstanding",
        "Recommendations to the Committee of Ministers",
    ]


@pytest.mark.parametrize(
    ("locale", "final", "due"),
    [
        (
            "en",
            "The judgment became final on 17 December 2026 (Article 44 § 2 of the Convention).",
            (
                "Any sum awarded under Article 41 of the Convention is payable within three months "
                "from the date on which the judgment became final, that is by 17 March 2027."
            ),
        ),
        (
            "fr",
            "L'arrêt est devenu définitif le 17 décembre 2026 (l'article 44 § 2 de la Convention).",
            (
                "Toute somme allouée au titre de l'article 41 de la Convention doit être versée dans "
                "les trois mois à compter de la date à laquelle l'arrêt est devenu définitif, soit au "
                "plus tard le 17 mars 2027."
            ),
        ),
    ],
)
def test_rule9_after_finality_computes_finality_and_payment(
    locale: str, final: str, due: str
) -> None:
    numbered = _numbered(render(RULE9, case=_blogger(), as_of=date(2027, 2, 1), locale=locale))
    assert final in numbered
    assert due in numbered
    later = _numbered(render(RULE9, case=_blogger(), as_of=date(2027, 4, 1)))
    assert any("was payable within three months" in p and "17 March 2027" in p for p in later)


def test_rule9_recorded_dates_prevail() -> None:
    case = _with_execution(
        _with_judgment(_blogger(), final_on=date(2027, 1, 12)), paid_on=date(2027, 3, 30)
    )
    numbered = _numbered(render(RULE9, case=case, as_of=date(2027, 5, 1)))
    assert (
        "The judgment became final on 12 January 2027 (Article 44 § 2 of the Convention)."
        in numbered
    )
    assert "The just satisfaction awarded by the Court was paid on 30 March 2027." in numbered
    assert not any("payable" in p for p in numbered)
    values = later_context(case, as_of=date(2027, 5, 1), locale="en", lang="en")["judgment"]
    assert isinstance(values, dict)
    assert values["final_on_computed"] is False
    assert values["execution"]["payment_due"] == "12 April 2027"


def test_rule9_committee_judgment_is_final_on_delivery() -> None:
    case = _with_judgment(_blogger(), formation="committee")
    numbered = _numbered(render(RULE9, case=case, as_of=AS_OF))
    assert (
        "The judgment became final on 17 September 2026 (Article 28 § 2 of the Convention)."
        in numbered
    )
    assert any("that is by 17 December 2026" in p for p in numbered)


def test_rule9_recommendations_are_numbered_in_order() -> None:
    paragraphs = _paragraphs(render(RULE9, case=_blogger(), as_of=AS_OF))
    items = [p for p in paragraphs if re.match(r"\d+\. ", p)]
    assert [p.split(".", 1)[0] for p in items] == ["1", "2", "3", "4"]
    assert items[1].startswith("2. to invite the authorities to quash")


def test_rule9_without_execution_data_omits_those_parts() -> None:
    case = _with_judgment(_blogger(), execution=None)
    text = _text(render(RULE9, case=case, as_of=date(2027, 2, 1)))
    for absent in (
        "Supervision procedure",
        "Group of cases",
        "Just satisfaction",
        "payable",
        "Measures taken by the authorities",
        "Individual measures outstanding",
        "General measures outstanding",
        "Recommendations",
    ):
        assert absent not in text, absent
    assert "The judgment became final on 17 December 2026" in text
    sparse = _with_judgment(_blogger(), execution=Execution(general_measures="Reform the law."))
    sparse_text = _text(render(RULE9, case=sparse, as_of=AS_OF))
    assert "General measures outstanding" in sparse_text
    assert "Individual measures outstanding" not in sparse_text
    assert "Supervision procedure" not in sparse_text


# --------------------------------------------------------------------------------------
# Context, hostile values, drafts, the public version, the linter
# --------------------------------------------------------------------------------------


def _keys(value: object) -> object:
    if isinstance(value, dict):
        return {k: _keys(v) if isinstance(v, dict) else None for k, v in value.items()}
    return None


def test_context_key_set_never_changes() -> None:
    bare = litigate.Case(forum="ecthr", respondent="AZE")
    assert later_context(bare, as_of=AS_OF, locale="en", lang="en") == {
        "interim": None,
        "judgment": None,
    }
    chamber = later_context(_blogger(), as_of=AS_OF, locale="en", lang="en")
    grand = later_context(
        _with_judgment(_blogger(), formation="grand_chamber", execution=Execution()),
        as_of=AS_OF,
        locale="en",
        lang="en",
    )
    assert _keys(chamber) == _keys(grand)
    russian = later_context(_medical(), as_of=AS_OF, locale="ru", lang="ru")
    interim = russian["interim"]
    assert isinstance(interim, dict)
    assert interim["provisions_cited"] == "Article 3 of the Convention"
    assert interim["days_left"] == 4


HOSTILE = "Smith & Sons <Ltd> ]]> مرحبا Əliyev ğ ı ş"


@pytest.mark.parametrize("locale", LOCALES)
def test_hostile_values_give_valid_documents(locale: str) -> None:
    medical = _with_interim(
        attrs.evolve(
            _medical(),
            applicants=[attrs.evolve(_medical().applicants[0], name="Rəşad Əliyev & <Co>")],
        ),
        risk=HOSTILE,
        measure=HOSTILE,
        place=HOSTILE,
    )
    blogger = _with_execution(
        _with_judgment(_blogger(), referral_reasons=HOSTILE),
        group=HOSTILE,
        recommendations=[HOSTILE],
    )
    for template_id, case in ((RULE39, medical), (REFERRAL, blogger), (RULE9, blogger)):
        text = _text(render(template_id, case=case, as_of=AS_OF, locale=locale))
        assert HOSTILE in text, template_id
    assert "Rəşad Əliyev & <Co>" in _text(render(RULE39, case=medical, as_of=AS_OF, locale=locale))


def test_control_characters_are_refused_by_the_model() -> None:
    with pytest.raises(ValidationError):
        InterimMeasures(risk="bad\x00value", measure="m")
    with pytest.raises(ValidationError):
        Judgment(delivered_on=date(2026, 9, 17), referral_reasons="bad\x1fvalue")


def test_control_characters_in_recommendations_are_refused_by_the_model() -> None:
    """Execution.recommendations items are checked like every other text of the model."""
    with pytest.raises(ValidationError, match="control characters"):
        _with_execution(_blogger(), recommendations=["bad\x0bvalue"])


def _package_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "\n".join(
            package.read(name).decode("utf-8", errors="replace")
            for name in package.namelist()
            if name.endswith((".xml", ".rels"))
        )


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize(
    ("template_id", "example", "secrets"),
    [
        (
            RULE39,
            "rule39-medical-care",
            ("Kamran", "Valizada", "Penitentiary Institution No. 31 of", "Mirza Ibrahimov"),
        ),
        (REFERRAL, "judgment-execution", ("Elvin", "Sadigzade", "Mingachevir AZ4500")),
        (RULE9, "judgment-execution", ("Elvin", "Sadigzade", "f.nabiyev@example.org")),
    ],
)
def test_public_version_leaves_no_trace_of_the_applicant(
    template_id: str, example: str, secrets: tuple[str, ...], locale: str
) -> None:
    case = _example(example)
    data = render(template_id, case=case, as_of=AS_OF, locale=locale, anonymise=True)
    package = _package_text(data).lower()
    for secret in secrets:
        assert secret.lower() not in package, secret
    assert "v. azerbaijan" in package  # the case title survives, as initials


@pytest.mark.parametrize("template_id", [RULE39, REFERRAL, RULE9])
@pytest.mark.parametrize("locale", LOCALES)
def test_templates_lint_clean(template_id: str, locale: str) -> None:
    forum, name = template_id.split("/")
    path = TEMPLATES / forum / f"{name}.{locale}.docx"
    (report,) = lint_templates([path])
    assert report.ok, report.problems
    assert litigate.drafts.template_variables(template_id, locale=locale) <= set(
        litigate.drafts.context.build_context(_blogger(), as_of=AS_OF)
    )


@pytest.mark.parametrize("template_id", [RULE39, REFERRAL, RULE9])
def test_french_templates_have_no_english(template_id: str) -> None:
    """No fixed English sentence or label of the English template is left in the French one."""
    phrases = english_phrases(template_id, min_chars=12)
    if template_id == RULE39:
        assert "Person to contact" in phrases
    forum, name = template_id.split("/")
    source = _text((TEMPLATES / forum / f"{name}.fr.docx").read_bytes())
    for phrase in phrases:
        assert not contains_phrase(source, phrase), phrase


def test_the_finality_provisions_come_from_the_rule_data():
    """No article number hides in the code: edit the data and the explanation follows."""
    import attrs

    from litigate.engine.procedure import judgment_final_on
    from litigate.rules import load_rules

    packaged = load_rules()
    ecthr = packaged.forum("ecthr")
    rule = ecthr.deadline("ecthr.finality")
    assert rule.provision("grand_chamber") == "44 § 1"
    assert rule.provision("committee") == "28 § 2"
    edited = attrs.evolve(rule, provisions={**rule.provisions, "committee": "99 § 9"})
    changed = attrs.evolve(
        ecthr, deadlines=tuple(edited if d.id == rule.id else d for d in ecthr.deadlines)
    )
    rules = attrs.evolve(packaged, forums={**packaged.forums, "ecthr": changed})
    final = judgment_final_on(date(2024, 5, 2), formation="committee", rules=rules)
    assert final is not None
    assert "(Article 99 § 9)" in final.steps[0].text
    without = attrs.evolve(rule, provisions={})
    with pytest.raises(litigate.errors.RuleDataError, match="names no provision for 'committee'"):
        without.provision("committee")


def test_a_firm_override_of_the_finality_rule_keeps_its_provisions(tmp_path):
    from litigate.engine.procedure import judgment_final_on
    from litigate.errors import NoApplicableRuleError
    from litigate.rules import load_rules

    override = tmp_path / "firm.toml"
    override.write_text(
        'schema_version = 1\nforum = "ecthr"\nname = "firm"\nsources = []\n'
        "[[deadlines]]\n"
        'id = "ecthr.finality"\ntitle = "Finality (firm review)"\n'
        'period = { months = 3 }\nstart = "judgment"\nsources = ["echr-art44"]\n'
        'confidence = "high"\nstatus = "reviewed"\n'
        "[[deadlines.examples]]\n"
        'name = "Biçer"\nstart = 2010-07-20\nexpect = 2010-10-20\n',
        encoding="utf-8",
    )
    firm = load_rules(override)
    rule = firm.forum("ecthr").deadline("ecthr.finality")
    assert rule.title == "Finality (firm review)"
    assert rule.provision("committee") == "28 § 2"
    final = judgment_final_on(date(2024, 5, 2), formation="grand_chamber", rules=firm)
    assert final is not None
    assert "(Article 44 § 1)" in final.steps[0].text
    hash(rule)  # a rule stays hashable
    packaged = load_rules()
    ecthr = packaged.forum("ecthr")
    without = attrs.evolve(
        ecthr, deadlines=tuple(d for d in ecthr.deadlines if d.id != "ecthr.finality")
    )
    bare = attrs.evolve(packaged, forums={**packaged.forums, "ecthr": without})
    with pytest.raises(NoApplicableRuleError):
        judgment_final_on(date(2024, 5, 2), formation="committee", rules=bare)


def _mammadov_dates() -> litigate.Case:
    """The blogger's case on the real dates of Ilgar Mammadov v. Azerbaijan (execution.toml)."""
    from litigate.engine.execution import dh_meeting

    case = _with_judgment(_blogger(), delivered_on=date(2014, 5, 22), final_on=date(2014, 10, 13))
    return _with_execution(case, meetings=[dh_meeting(1348).starts_on], action_plan_on=None)


@pytest.mark.parametrize(
    ("locale", "plan", "meeting", "window"),
    [
        (
            "en",
            (
                "Under the working method of the Committee of Ministers (CM/Inf/DH(2010)45), the "
                "respondent State was to submit an action plan or an action report within six months "
                "from the date on which the judgment became final, that is by 13 April 2015."
            ),
            (
                "The applicant asks the Committee of Ministers to examine this communication at its "
                "human rights (DH) meeting opening on 4 June 2019."
            ),
            "This communication is notified on or before 21 May 2019, ten working days before",
        ),
        (
            "fr",
            (
                "Selon les méthodes de travail du Comité des Ministres (CM/Inf/DH(2010)45), l'État "
                "défendeur devait soumettre un plan d'action ou un bilan d'action dans les six mois à "
                "compter de la date à laquelle l'arrêt est devenu définitif, soit au plus tard le "
                "13 avril 2015."
            ),
            (
                "Le requérant prie le Comité des Ministres d'examiner la présente communication lors "
                "de sa réunion droits de l'homme (DH) qui s'ouvre le 4 juin 2019."
            ),
            (
                "La présente communication est notifiée au plus tard le 21 mai 2019, dix jours "
                "ouvrables avant"
            ),
        ),
    ],
)
def test_rule9_prints_action_plan_meeting_and_rule9_window(
    locale: str, plan: str, meeting: str, window: str
) -> None:
    numbered = _numbered(
        render(RULE9, case=_mammadov_dates(), as_of=date(2019, 5, 20), locale=locale)
    )
    assert plan in numbered
    assert meeting in numbered
    assert any(p.startswith(window) for p in numbered)
    # The meeting request comes in the introduction, before the judgment's paragraphs.
    assert numbered.index(meeting) == 1


def test_rule9_window_is_not_claimed_once_passed_and_plan_not_yet_due() -> None:
    late = _numbered(render(RULE9, case=_mammadov_dates(), as_of=date(2019, 5, 22)))
    assert any("meeting opening on 4 June 2019" in p for p in late)
    assert not any("notified on or before" in p for p in late)
    # Last day itself is still in time.
    on_day = _numbered(render(RULE9, case=_mammadov_dates(), as_of=date(2019, 5, 21)))
    assert any(p.startswith("This communication is notified on or before 21 May") for p in on_day)
    # Before the six months run out, the plan "is" due; no meeting recorded, no request.
    early = _with_execution(_mammadov_dates(), meetings=[])
    numbered = _numbered(render(RULE9, case=early, as_of=date(2014, 12, 1)))
    assert any("the respondent State is to submit an action plan" in p for p in numbered)
    assert not any("DH) meeting" in p for p in numbered)
    # A meeting already held is not the next one.
    past = _numbered(render(RULE9, case=_mammadov_dates(), as_of=date(2019, 6, 5)))
    assert not any("DH) meeting" in p for p in past)
