"""The context every DOCX template receives: ready-to-print values, in the template's language.

:func:`build_context` turns a :class:`~litigate.model.Case` into plain dicts and
strings a template can print without logic of its own: dates in the Court's
style (``18 November 2025`` / ``18 novembre 2025``), provisions cited in the
locale, countries named in the locale, documents numbered in date order, and
the section G paragraph of each complaint.  Values that are not known stay
``None``: templates guard them with ``{% if %}`` and strict rendering reports
any that is printed unguarded.

The function is pure: no I/O, no clock (the date comes from ``as_of``).

Examples:
    >>> from datetime import date
    >>> from litigate.model import Applicant, Case, Complaint
    >>> case = Case(
    ...     forum="ecthr",
    ...     respondent="AZE",
    ...     applicants=[Applicant.person(name="Rauf Aliyev", nationality="AZE")],
    ...     complaints=[Complaint(provision="ECHR-10", summary="Conviction for an article")],
    ... )
    >>> ctx = build_context(case, as_of=date(2026, 11, 23), locale="fr")
    >>> ctx["respondents"][0]["name"], ctx["applicants"][0]["nationality"]
    ('Azerbaïdjan', 'Azerbaïdjan')
    >>> ctx["complaints"][0]["citation"], ctx["t"]["facts"]
    ("l'article 10 de la Convention", 'Exposé des faits')
    >>> ctx["applicants"][0]["date_of_birth"] is None
    True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from typing import Final

import attrs

from litigate import l10n
from litigate._court_dates import court_date
from litigate.drafts._rows import applicant_row
from litigate.drafts.claims import claims_context
from litigate.drafts.filters import draft_language
from litigate.drafts.later import later_context
from litigate.drafts.un import un_context
from litigate.engine import ComplaintWindow, FilingWindow, Finding
from litigate.engine.deadlines import CaseDeadlines
from litigate.engine.deadlines import deadlines as case_deadlines
from litigate.errors import UnknownStateError
from litigate.model import (
    Applicant,
    Case,
    Complaint,
    Document,
    DomesticDecision,
    OtherProcedure,
    Representative,
    country,
    provision,
)
from litigate.rules import RuleSet

__all__ = ["LABELS", "build_context", "language_of"]

_ADD_ONS: tuple[tuple[Callable[..., dict[str, object]], frozenset[str]], ...] = (
    (claims_context, frozenset({"just_satisfaction"})),
    (later_context, frozenset({"interim", "judgment"})),
    (un_context, frozenset({"un", "follow_up"})),
)

Row = dict[str, object]

LABELS: Final[Mapping[str, Mapping[str, str]]] = l10n.LabelTable("application form")
"""Fixed strings per language (``t`` in the template context), from the catalogues of :mod:`litigate.l10n`."""


def _body(body: str, lang: str) -> str:
    """A forum id becomes the body's name; any other text is kept as written."""
    key = body.strip().lower()
    if not l10n.has_message("en", key, "forum name"):
        return body
    return l10n.pgettext(lang, "forum name", key)


def language_of(locale: str) -> str:
    """Return the language of a draft's words for ``locale``: its catalogue's.

    A draft's locale must be one of ``l10n.supported("drafts")`` (English, French,
    Russian, a firm's own catalogue languages, and Azerbaijani, whose dates, amounts and
    names the filters format); its words come from that language's catalogue, and
    Azerbaijani, which has none, gets the documented fallback
    (``l10n.words_from("drafts", "az")``, English), which :func:`~litigate.drafts.render`
    reports with a :class:`~litigate.l10n.LanguageFallbackWarning`.  Any other locale is
    refused, never drafted in English.

    Raises:
        InputError: The filters do not know the locale's language (``field="locale"``).

    Examples:
        >>> language_of("fr_BE"), language_of("fr-CH"), language_of("ru"), language_of("az")
        ('fr', 'fr', 'ru', 'en')
        >>> language_of("fe")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: unsupported locale: 'fe' (supported: en, fr, ru, az)
    """
    return l10n.words_from("drafts", draft_language(locale))


def _date(value: date | None, lang: str) -> str | None:
    return None if value is None else court_date(value, lang)


def _country_name(code: str, lang: str) -> str:
    found = country(code)
    return found.name_fr if lang == "fr" else found.name_en


def _nationality(value: str | None, lang: str) -> str | None:
    """An ISO alpha-3 code becomes the country's name; free text is kept as written."""
    if value is None:
        return None
    try:
        return _country_name(value, lang)
    except UnknownStateError:
        return value


def _label(value: object, lang: str) -> str | None:
    if value is None:
        return None
    key = str(getattr(value, "value", value))
    return LABELS[lang].get(key, key)


def _applicant(number: int, applicant: Applicant, lang: str) -> Row:
    return applicant_row(
        number,
        applicant,
        day=lambda value: _date(value, lang),
        nationality=lambda value: _nationality(value, lang),
        label=lambda value: _label(value, lang),
    )


def _representative(number: int, rep: Representative, lang: str) -> Row:
    return {
        "number": number,
        "name": rep.name,
        "capacity": _label(rep.capacity, lang),
        "organisation": rep.organisation,
        "bar_no": rep.bar_no,
        "address": rep.address,
        "phone": rep.phone,
        "email": rep.email,
        "authority_signed_on": _date(rep.authority_signed_on, lang),
        "model": rep,
    }


def _decision(decision: DomesticDecision, lang: str) -> Row:
    return {
        "id": decision.id,
        "court": decision.court,
        "level": decision.level.value,
        "remedy": decision.remedy.value,
        "outcome": decision.outcome,
        "reference": decision.reference,
        "taken_on": _date(decision.taken_on, lang),
        "served_on": _date(decision.served_on, lang),
        "served_on_representative": _date(decision.served_on_representative, lang),
        "model": decision,
    }


def _document_key(indexed: tuple[int, Document]) -> tuple[date, int]:
    position, document = indexed
    return (document.date or date.max, position)


def _documents(case: Case, lang: str) -> list[Row]:
    """Section I: the case's documents (else the decisions' copies), in date order, numbered."""
    listed: Sequence[Document] = case.documents
    if not listed:
        seen: list[Document] = []
        for decision in case.proceedings:
            seen.extend(d for d in decision.documents if d not in seen)
        listed = seen
    ordered = sorted(enumerate(listed), key=_document_key)
    return [
        {
            "number": number,
            "title": document.title,
            "date": _date(document.date, lang),
            "pages": document.pages,
            "reference": document.reference,
            "model": document,
        }
        for number, (_, document) in enumerate(ordered, start=1)
    ]


def _other_procedure(procedure: OtherProcedure, lang: str) -> Row:
    return {
        "body": _body(procedure.body, lang),
        "reference": procedure.reference,
        "lodged_on": _date(procedure.lodged_on, lang),
        "concluded_on": _date(procedure.concluded_on, lang),
        "status": _label(procedure.status, lang),
        "outcome": procedure.outcome,
        "model": procedure,
    }


def _section_g(window: FilingWindow, locale: str) -> list[tuple[ComplaintWindow, str | None]]:
    """Pair each complaint window with its own paragraph of ``window.explain(locale)``."""
    text = window.explain(locale)
    paragraphs = [p for p in text.split("\n\n") if p.strip()] if text else []
    if len(paragraphs) != len(window.complaints):
        return [(w, None) for w in window.complaints]
    return list(zip(window.complaints, paragraphs, strict=True))


def _complaints(case: Case, window: FilingWindow | None, locale: str, lang: str) -> list[Row]:
    explained = _section_g(window, locale) if window is not None else []
    rows: list[Row] = []
    used: set[int] = set()
    for number, complaint in enumerate(case.complaints, start=1):
        own: ComplaintWindow | None = None
        paragraph: str | None = None
        for i, (candidate, text) in enumerate(explained):
            if i not in used and candidate.complaint == complaint:
                used.add(i)
                own, paragraph = candidate, text
                break
        rows.append(_complaint(number, complaint, case, own, paragraph, lang))
    return rows


def _without_article(citation: str) -> str:
    """French citations open with an article ("l'article 5"); a heading drops it."""
    for article in ("le ", "l'"):
        if citation.startswith(article):
            return citation[len(article) :]
    return citation


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _complaint(
    number: int,
    complaint: Complaint,
    case: Case,
    window: ComplaintWindow | None,
    time_limit: str | None,
    lang: str,
) -> Row:
    resolved = complaint.resolved
    citation = resolved.cite(lang)
    joined = [provision(i).cite(lang) for i in complaint.in_conjunction_with]
    heading = _capitalised(_without_article(citation))
    if joined:
        word = "combiné avec" if lang == "fr" else "taken in conjunction with"
        heading = f"{heading}, {word} {', '.join(joined)}"
    return {
        "number": number,
        "provision": complaint.provision,
        "citation": citation,
        "heading": heading,
        "title": resolved.title(lang),
        "label": complaint.label,
        "summary": complaint.summary,
        "in_conjunction_with": joined,
        "continuing": complaint.continuing,
        "decisions": [_decision(d, lang) for d in case.decisions_for(complaint)],
        "window": window,
        "deadline": _date(window.deadline, lang) if window is not None else None,
        "time_limit": time_limit,
        "model": complaint,
    }


def build_context(
    case: Case,
    *,
    as_of: date,
    locale: str = "en",
    window: FilingWindow | None = None,
    findings: Iterable[Finding] | None = None,
    uses: frozenset[str] | None = None,
    rules: RuleSet | None = None,
    deadlines: CaseDeadlines | None = None,
    **extra: object,
) -> dict[str, object]:
    """Build what every template receives.

    Args:
        case: The case.
        as_of: The date of the draft (also the reference date of the filing window).
        locale: The template's locale (``"en"``, ``"fr"``, ``"ru"``…).
        window: The filing window; the one of ``deadlines`` when not given.
        findings: Findings of :func:`litigate.check` to show, if any.
        uses: The names the template uses (:meth:`CompiledTemplate.variables`); the
            values of later filings (claims, Rule 39, judgment, UN) are computed only
            when the template uses them.  ``None``: compute everything.
        rules: A rule set with a firm's overrides; default the packaged rules.  Every
            date of the draft is computed under it, as the calendar computes them.
        deadlines: The case's deadlines already computed
            (:func:`litigate.engine.deadlines.deadlines`); computed once here, under
            ``rules``, when not given.
        **extra: Further keys (``place``, ``signatory``…); they override the defaults.

    Returns:
        A dict with ``case``, ``applicants``, ``representatives``, ``respondents``,
        ``respondent_names``, ``applicant_names``, ``complaints``, ``decisions``, ``documents``,
        ``other_procedures``, ``anonymity_requests``, ``facts_paragraphs``,
        ``window``, ``findings``, ``as_of``, ``date``, ``locale``, ``lang``, ``t``,
        ``place`` and ``signatory``.

    Examples:
        >>> from datetime import date
        >>> from litigate.model import Applicant, Case, Complaint, Document, DomesticDecision
        >>> case = Case(
        ...     forum="ecthr",
        ...     respondent="AZE",
        ...     applicants=[Applicant.person(name="Rauf Aliyev")],
        ...     complaints=[Complaint(provision="ECHR-6-3-c")],
        ...     proceedings=[DomesticDecision(court="Supreme Court", level="cassation",
        ...                                   taken_on=date(2026, 6, 18))],
        ...     documents=[Document(title="Judgment", date=date(2026, 6, 18)),
        ...                Document(title="Appeal", date=date(2026, 3, 1))],
        ... )
        >>> ctx = build_context(case, as_of=date(2026, 11, 23))
        >>> [(d["number"], d["title"], d["date"]) for d in ctx["documents"]]
        [(1, 'Appeal', '1 March 2026'), (2, 'Judgment', '18 June 2026')]
        >>> ctx["complaints"][0]["heading"], ctx["respondent_names"]
        ('Article 6 § 3 (c) of the Convention', 'Azerbaijan')
        >>> ctx["complaints"][0]["time_limit"].startswith("Article 6 § 3 (c)")
        True
        >>> ctx["date"], ctx["lang"], ctx["signatory"]
        ('23 November 2026', 'en', 'Rauf Aliyev')
    """
    lang = language_of(locale)
    # One list of deadlines for the whole draft (a case without complaints yet, a first
    # letter, has no window to compute).
    found = deadlines or case_deadlines(case, as_of=as_of, rules=rules)
    if window is None:
        window = found.window
    elif window is not found.window:
        found = attrs.evolve(found, window=window)
    respondents: list[Row] = [
        {"code": code, "name": _country_name(code, lang)} for code in case.respondent
    ]
    applicants = [_applicant(i, a, lang) for i, a in enumerate(case.applicants, start=1)]
    representatives = [
        _representative(i, r, lang) for i, r in enumerate(case.representatives, start=1)
    ]
    facts = [p.strip() for p in case.facts.split("\n\n") if p.strip()] if case.facts else []
    signatory = (
        case.representatives[0].name
        if case.representatives
        else (case.applicants[0].name if case.applicants else None)
    )
    context: dict[str, object] = {
        "case": case,
        "forum": case.forum.value,
        "applicants": applicants,
        "representatives": representatives,
        "respondents": respondents,
        "respondent_names": _join([str(r["name"]) for r in respondents], lang),
        "applicant_names": _join([a.name for a in case.applicants], lang),
        "complaints": _complaints(case, window, locale, lang),
        "decisions": [_decision(d, lang) for d in case.proceedings],
        "documents": _documents(case, lang),
        "other_procedures": [_other_procedure(p, lang) for p in case.other_procedures],
        "anonymity_requests": [a for a in applicants if a["anonymity_requested"]],
        "facts_paragraphs": facts,
        "window": window,
        "findings": list(findings) if findings is not None else [],
        "as_of": as_of,
        "date": court_date(as_of, lang),
        "lodged_on": _date(case.lodged_on, lang),
        "locale": locale,
        "lang": lang,
        "t": dict(LABELS[lang]),
        "place": None,
        "signatory": signatory,
    }
    # Each family of later filings adds its own values (in its own module), computed
    # only when the template uses one of them (``uses``), else left as None.
    for add, keys in _ADD_ONS:
        if uses is None or keys & uses:
            context.update(add(case, as_of=as_of, locale=locale, lang=lang, deadlines=found))
        else:
            context.update(dict.fromkeys(keys))
    context.update(extra)
    return context


def _join(names: Sequence[str], lang: str) -> str:
    return l10n.format_list(names, lang)
