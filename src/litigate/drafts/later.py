"""Context values for the filings after lodging: Rule 39, referral, Rule 9.

:func:`later_context` adds two keys to :func:`~litigate.drafts.context.build_context`,
used by ``ecthr/rule39-request``, ``ecthr/referral-request`` and
``cm/rule9-submission``:

* ``interim``: the Rule 39 request (``None`` when the case has none): the risk and
  the measure as numbered paragraphs, the date and time of the feared harm in the
  Court's style (``None`` when not known), the Convention provisions cited
  together (``Article 3 of the Convention``), the domestic steps, the documents
  sent (numbered, in date order), and the representative's urgent contact.
* ``judgment``: the judgment (``None`` when none is recorded): date, formation,
  violations and non-violations cited, the date it became final, the
  ``referral`` values (Article 43) and the ``execution`` values (Rule 9.1).

Every date is computed from ``as_of`` and the rule data
(:func:`~litigate.engine.procedure.referral_deadline`,
:func:`~litigate.engine.procedure.judgment_final_on`,
:func:`~litigate.engine.procedure.payment_due`); the explanation
(:class:`~litigate.engine.results.Deadline`, with its steps and notes) is kept
next to the formatted date for the lawyer.

What the templates leave to the lawyer, and what this module therefore does not
print: how a Rule 39 request is sent (by fax or through eComms, never by post,
and in good time before the removal or the harm: Practice Direction on interim
measures, whose 2022–2024 revision must be checked), the confirmation that a
referral request reached the Registry within the time limit, and any assertion
of fact the case file does not record (for instance that no payment was made).

* **Referral.**  Only a Chamber judgment can be referred (Article 43 § 1; a
  Grand Chamber judgment is final under Article 44 § 1, a Committee judgment
  under Article 28 § 2).  ``referral.available`` is ``False`` otherwise, or when
  a recorded ``final_on`` shows the judgment became final before the end of the
  period (the parties declared they would not request referral, or the panel
  rejected a request); ``referral.reason`` says why, in the locale.  The expiry
  date is printed as settled (``referral.deadline_certain``) only when it does
  not depend on the unverified month-end rule.
* **Finality.**  ``judgment.final_on`` is the recorded date, or, when none is
  recorded, the date computed by
  :func:`~litigate.engine.procedure.judgment_final_on`: on delivery for a Grand
  Chamber or Committee judgment; three months after delivery for a Chamber
  judgment, and only once that date has passed on ``as_of`` (it assumes no
  referral was requested: ``final_on_computed`` is then ``True``).  Before that,
  ``final_on`` is ``None`` and the templates say nothing about finality.
* **Payment.**  ``execution.payment_due`` is three months from finality, when the
  judgment is final; ``execution.paid_on`` is the recorded payment date.
* **Committee of Ministers.**  ``execution.action_plan_due`` (six months from
  finality), ``execution.next_meeting`` (the first of ``execution.meetings`` on or
  after ``as_of``) and ``execution.rule9_last_day`` (the last day to notify a Rule 9
  communication for that meeting), from :mod:`litigate.engine.execution`;
  ``execution.rule9_in_time`` is ``True`` while ``as_of`` is on or before that day.
  ``cm/rule9-submission`` prints the action plan's due date with its basis, and
  asks for examination at the next meeting; it says the communication can be made
  public before that meeting only while it is in time (a late one says nothing).

Examples:
    >>> from datetime import date
    >>> from litigate.model import Applicant, Case, Complaint, Judgment
    >>> case = Case(forum="ecthr", respondent="AZE",
    ...             applicants=[Applicant.person(name="Rauf Aliyev")],
    ...             complaints=[Complaint(provision="ECHR-10")],
    ...             judgment=Judgment(delivered_on=date(2026, 9, 17),
    ...                               violations=["ECHR-5-1", "ECHR-10"]))
    >>> values = later_context(case, as_of=date(2026, 11, 23), locale="en", lang="en")
    >>> values["interim"] is None, values["judgment"]["violations_of"]
    (True, 'of Articles 5 § 1 and 10 of the Convention')
    >>> values["judgment"]["referral"]["deadline"], values["judgment"]["final_on"] is None
    ('17 December 2026', True)
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from litigate import l10n
from litigate._court_dates import court_date
from litigate.drafts.filters import article
from litigate.engine.deadlines import CaseDeadlines
from litigate.engine.deadlines import deadlines as case_deadlines
from litigate.model import Case, Document
from litigate.model.filings import Execution, Formation, InterimMeasures, Judgment
from litigate.rules import RuleSet, load_rules

__all__ = ["later_context"]

Row = dict[str, object]


def _finality_article(
    formation: Formation, lang: str, case: str | None = None, *, rules: RuleSet | None = None
) -> str:
    """The provision that makes a judgment final, from the ``ecthr.finality`` rule data."""
    rule = (rules or load_rules()).forum("ecthr").deadline("ecthr.finality")
    pinpoint = rule.provision(case or formation.value)
    return l10n.pgettext(lang, "citation", "Article %(article)s of the Convention") % {
        "article": pinpoint
    }


def _text_lang(lang: str) -> str:
    """Citations and dates exist in English and French; other languages get English."""
    return "fr" if lang == "fr" else "en"


def _date(value: date | None, lang: str) -> str | None:
    return None if value is None else court_date(value, lang)


def _paragraphs(text: str | None) -> list[str] | None:
    """Split free text at blank lines into paragraphs (``None`` when there is none)."""
    if text is None:
        return None
    found = [p.strip() for p in text.split("\n\n") if p.strip()]
    return found or None


def _of(citation: str, lang: str) -> str:
    """``of Article 3 …`` / ``de l'article 3 …``, ``des articles 5 et 10 …`` (French contractions)."""
    if lang != "fr":
        return f"of {citation}"
    if citation.startswith("les "):
        return "des " + citation[len("les ") :]
    if citation.startswith("le "):
        return "du " + citation[len("le ") :]
    return f"de {citation}"


def _cited(provisions: Sequence[str], lang: str) -> str | None:
    return article(list(provisions), locale=lang) if provisions else None


def _documents(documents: Sequence[Document], lang: str) -> list[Row]:
    """Numbered 1…n in date order (undated last, in the order given)."""
    ordered = sorted(enumerate(documents), key=lambda item: (item[1].date or date.max, item[0]))
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


def _contact(case: Case, measures: InterimMeasures) -> str | None:
    if measures.contact:
        return measures.contact
    for representative in case.representatives:
        reachable = [v for v in (representative.phone, representative.email) if v]
        if reachable:
            return ", ".join(reachable)
    return None


def _interim(case: Case, as_of: date, lang: str) -> Row | None:
    measures = case.interim_measures
    if measures is None:
        return None
    documents = measures.documents or case.documents
    return {
        "risk": _paragraphs(measures.risk),
        "measure": measures.measure,
        "imminent_on": _date(measures.imminent_on, lang),
        "imminent_at": measures.imminent_at,
        "days_left": None if measures.imminent_on is None else (measures.imminent_on - as_of).days,
        "place": measures.place,
        "provisions": [article(p, locale=lang) for p in measures.provisions],
        "provisions_cited": _cited(measures.provisions, lang),
        "domestic_steps": _paragraphs(measures.domestic_steps),
        "documents": _documents(documents, lang),
        "documents_are_the_case_documents": not measures.documents and bool(case.documents),
        "contact": _contact(case, measures),
        "lodged": case.application_no is not None or case.lodged_on is not None,
        "model": measures,
    }


def _referral(judgment: Judgment, found: CaseDeadlines, lang: str) -> Row:
    as_of = found.as_of
    reasons = _paragraphs(judgment.referral_reasons)
    deadline = found.referral
    if deadline is None:
        return {
            "available": False,
            "reason": l10n.pgettext(lang, "not referable", judgment.formation.value).format(
                article=_finality_article(judgment.formation, lang, rules=found.rules)
            ),
            "deadline": None,
            "deadline_date": None,
            "deadline_certain": False,
            "in_time": None,
            "days_left": None,
            "explanation": None,
            "notes": [],
            "reasons": reasons,
        }
    available = judgment.final_on is None or judgment.final_on >= deadline.date
    reason = (
        None
        if available or judgment.final_on is None
        else l10n.pgettext(lang, "not referable", "final").format(
            date=court_date(judgment.final_on, lang),
            article=_finality_article(judgment.formation, lang, rules=found.rules),
        )
    )
    return {
        "available": available,
        "reason": reason,
        "deadline": court_date(deadline.date, lang),
        "deadline_date": deadline.date,
        "deadline_certain": not any(w.code == "month_end" for w in deadline.warnings),
        "in_time": available and as_of <= deadline.date,
        "days_left": (deadline.date - as_of).days,
        "explanation": deadline,
        "notes": [w.message for w in deadline.warnings],
        "reasons": reasons,
    }


def _execution(execution: Execution | None, found: CaseDeadlines, lang: str) -> Row | None:
    if execution is None:
        return None
    as_of = found.as_of
    due = found.payment
    supervision = execution.supervision.value if execution.supervision is not None else None
    recommendations = [
        {"number": number, "text": text}
        for number, text in enumerate(execution.recommendations, start=1)
    ]
    plan = found.action_plan
    by_meeting = dict(zip(execution.meetings, found.rule9, strict=True))
    upcoming = sorted(m for m in execution.meetings if m >= as_of)
    rule9 = by_meeting[upcoming[0]] if upcoming else None
    return {
        "action_plan_due": None if plan is None else court_date(plan.date, lang),
        "action_plan_due_passed": plan is not None and plan.date < as_of,
        "next_meeting": court_date(upcoming[0], lang) if upcoming else None,
        "rule9_last_day": None if rule9 is None else court_date(rule9.date, lang),
        "rule9_in_time": rule9 is not None and as_of <= rule9.date,
        "rule9_explanation": rule9,
        "supervision": supervision,
        "supervision_label": None
        if supervision is None
        else l10n.pgettext(lang, "supervision", supervision),
        "group": execution.group,
        "action_plan_on": _date(execution.action_plan_on, lang),
        "paid_on": _date(execution.paid_on, lang),
        "payment_due": None if due is None else court_date(due.date, lang),
        "payment_due_passed": due is not None and due.date < as_of,
        "payment_explanation": due,
        "measures_taken": _paragraphs(execution.measures_taken),
        "individual_measures": _paragraphs(execution.individual_measures),
        "general_measures": _paragraphs(execution.general_measures),
        "recommendations": recommendations,
        "model": execution,
    }


def _judgment(case: Case, found: CaseDeadlines, lang: str) -> Row | None:
    judgment = case.judgment
    if judgment is None:
        return None
    final_on, finality = found.final_on, found.finality
    computed = judgment.final_on is None and final_on is not None
    violations = _cited(judgment.violations, lang)
    no_violations = _cited(judgment.no_violations, lang)
    return {
        "delivered_on": court_date(judgment.delivered_on, lang),
        "formation": judgment.formation.value,
        "formation_phrase": l10n.pgettext(lang, "formation", judgment.formation.value),
        "is_chamber": judgment.formation is Formation.CHAMBER,
        "violations": [article(p, locale=lang) for p in judgment.violations],
        "violations_of": None if violations is None else _of(violations, lang),
        "no_violations": [article(p, locale=lang) for p in judgment.no_violations],
        "no_violations_of": None if no_violations is None else _of(no_violations, lang),
        "final_on": _date(final_on, lang),
        "final_on_date": final_on,
        "final_on_computed": computed,
        "finality_article": _finality_article(judgment.formation, lang, rules=found.rules),
        "finality": finality,
        "referral": _referral(judgment, found, lang),
        "execution": _execution(judgment.execution, found, lang),
        "model": judgment,
    }


def later_context(
    case: Case,
    *,
    as_of: date,
    locale: str,
    lang: str,
    deadlines: CaseDeadlines | None = None,
) -> dict[str, object]:
    """The values the Rule 39, referral and Rule 9 templates use.

    Args:
        case: The case.
        as_of: The date of the draft: deadlines and finality are judged on it.
        deadlines: The case's deadlines on ``as_of``
            (:func:`litigate.engine.deadlines.deadlines`, under the firm's rules);
            computed under the packaged rules when not given.
        locale: The template's locale (unused: ``lang`` decides the language).
        lang: ``"en"``, ``"fr"`` or ``"ru"`` (Russian gets English citations and
            dates: the article catalogue has no Russian).

    Returns:
        ``{"interim": …, "judgment": …}``; each is ``None`` when the case has no
        such data, so that the key set never changes.

    Examples:
        >>> from datetime import date
        >>> from litigate.model import Applicant, Case, InterimMeasures
        >>> case = Case(forum="ecthr", respondent="AZE",
        ...             applicants=[Applicant.person(name="Rauf Aliyev")],
        ...             interim_measures=InterimMeasures(
        ...                 risk="No insulin in prison.", measure="Ensure treatment",
        ...                 imminent_on=date(2026, 11, 27), provisions=["ECHR-3"]))
        >>> values = later_context(case, as_of=date(2026, 11, 23), locale="fr", lang="fr")
        >>> values["interim"]["imminent_on"], values["interim"]["provisions_cited"]
        ('27 novembre 2026', "l'article 3 de la Convention")
        >>> values["judgment"] is None
        True
    """
    del locale
    text_lang = _text_lang(lang)
    found = deadlines or case_deadlines(case, as_of=as_of)
    return {
        "interim": _interim(case, as_of, text_lang),
        "judgment": _judgment(case, found, text_lang),
    }
