r"""Context values for UN treaty-body filings in English, French and Russian.

Three templates use them: ``un/communication`` (the OHCHR form's content),
``un/comments-on-observations`` (the author's comments, from a ``reply=``) and
``un/follow-up-submission`` (NGO information on follow-up, from ``case.follow_up``).
:func:`un_context` always returns the keys ``un`` and ``follow_up``:

* ``un`` is ``None`` for a European Court case; for a UN case it holds the
  committee, treaty and procedure named in the template's language, the State
  party and the date the procedure took effect for it (:func:`litigate.acceptance`),
  the authors, the form's three yes/no answers (anonymisation, same matter,
  interim measures), the domestic remedies, and the legal claims cited per the
  treaty (Russian citations are built here: ``пункт 1 статьи 2 Конвенции``).  The
  engine's time-limit paragraph (:meth:`~litigate.FilingWindow.explain`) exists in
  English and French only: in Russian drafts it is left out, never shown in English.
* ``follow_up`` is ``None`` unless the case has follow-up data; it then holds the
  document followed up and each recommendation with its due date (stated, or for
  CAT one year from adoption, :func:`litigate.engine.procedure.co_follow_up_due`),
  the State's reply and the committee's grade with its meaning.

Names, grades' French and Russian wording and Russian country names are data
(``litigate/drafts/data/un.toml``).

Examples:
    >>> from datetime import date
    >>> from litigate.model import Applicant, Case, Complaint
    >>> case = Case(forum="cat", respondent="AZE",
    ...             applicants=[Applicant.person(name="A.B.", nationality="AZE")],
    ...             complaints=[Complaint(provision="CAT-2-1", in_conjunction_with=["CAT-1"])])
    >>> ctx = un_context(case, as_of=date(2026, 11, 23), locale="ru", lang="ru")
    >>> ctx["un"]["committee"], ctx["un"]["state"]["name"]
    ('Комитет против пыток', 'Азербайджан')
    >>> ctx["un"]["claims"][0]["heading"]
    'Пункт 1 статьи 2 Конвенции в совокупности со статьей 1 Конвенции'
    >>> ctx["un"]["acceptance"]["in_force_from"].replace("\u00a0", " ")
    '4 февраля 2002 г.'
    >>> ctx["un"]["claims"][0]["time_limit"]
    'Пункт 1 статьи 2 Конвенции. Фиксированный срок не применяется.'
    >>> ctx["follow_up"] is None
    True
    >>> ctx["un"]["party"]["role"], ctx["un"]["party"]["forms"]["заявитель"]
    ('complainant', 'заявитель')
    >>> fr = un_context(case, as_of=date(2026, 11, 23), locale="fr", lang="fr")
    >>> fr["un"]["party"]["forms"]["Le_requerant"]
    'Le requérant'
    >>> fr["un"]["authors"][0]["party"]["Nom"]  # a heading's noun, in this person's voice
    'Requérant'
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from datetime import date
from typing import Any, Final

from litigate import l10n
from litigate._court_dates import court_date
from litigate._resources import packaged_toml
from litigate.drafts._rows import applicant_row
from litigate.engine import Deadline, acceptance
from litigate.engine.deadlines import CaseDeadlines
from litigate.engine.deadlines import deadlines as case_deadlines
from litigate.engine.party import forms, voice_name
from litigate.errors import CitationParseError, RuleDataError, UnknownStateError
from litigate.model import (
    Applicant,
    Case,
    Complaint,
    DomesticDecision,
    Forum,
    OtherProcedure,
    Provision,
    Recommendation,
    country,
    provision,
)
from litigate.parse.citations import UnSymbol, UnSymbolKind, parse_citation
from litigate.parse.followup import follow_up_grades, parse_mark
from litigate.rules import RuleSet

__all__ = ["REVIEW_MARKERS", "un_context", "un_data"]

Row = dict[str, object]

_DATA: Final = "litigate/drafts/data/un.toml"

REVIEW_MARKERS: Final[Mapping[str, str]] = l10n.MessageTable("review marker", "[TO REVIEW]")
"""The marker the UN templates print on a section still to review, per language."""


def _joined(lang: str) -> str:
    return l10n.pgettext(lang, "joined provisions, UN", "taken in conjunction with")


@functools.cache
def un_data() -> Mapping[str, Any]:
    """The packaged names and wording for UN drafts (``litigate/drafts/data/un.toml``).

    Raises:
        RuleDataError: The file is unreadable, or its grades differ from the
            follow-up grades of :func:`litigate.parse.followup.follow_up_grades`.

    Examples:
        >>> un_data()["committees"]["hrc"]["name_fr"]
        "Comité des droits de l'homme"
        >>> sorted(un_data()["grades"]) == sorted(follow_up_grades())
        True
    """
    data = packaged_toml("drafts", "data", "un.toml")
    errors: list[str] = []
    if data.get("version") != 1:
        errors.append(f"version must be 1, not {data.get('version')!r} @ $.version")
    missing = sorted({f.value for f in Forum} - {Forum.ECTHR.value} - set(data["committees"]))
    errors.extend(f"no committee {forum!r} @ $.committees" for forum in missing)
    if sorted(data["grades"]) != sorted(follow_up_grades()):
        errors.append(
            f"grades {sorted(data['grades'])} differ from citations.toml "
            f"{sorted(follow_up_grades())} @ $.grades"
        )
    if errors:
        raise RuleDataError(errors, path=_DATA)
    return data


def _name(row: Mapping[str, Any], key: str, lang: str) -> str:
    return str(row[f"{key}_{lang}"])


def _date(value: date | None, lang: str) -> str | None:
    return None if value is None else court_date(value, lang)


def _country(code: str, lang: str) -> str:
    if lang == "ru":
        return str(un_data()["countries_ru"].get(code, code))
    found = country(code)
    return found.name_fr if lang == "fr" else found.name_en


def _nationality(value: str | None, lang: str) -> str | None:
    """An ISO alpha-3 code becomes the country's name; free text is kept as written."""
    if value is None:
        return None
    try:
        country(value)
    except UnknownStateError:
        return value
    return _country(value, lang)


def _label(value: object, lang: str) -> str | None:
    if value is None:
        return None
    key = str(getattr(value, "value", value))
    return str(un_data()["labels"][lang].get(key, key))


def _body(body: str, lang: str) -> str:
    """A forum id becomes the body's name; any other text is kept as written."""
    key = body.strip().lower()
    data = un_data()
    row = data["committees"].get(key) or data["bodies"].get(key)
    return body if row is None else _name(row, "name", lang)


# --------------------------------------------------------------------------- citations


@functools.cache
def _instrument_ru() -> Mapping[str, str]:
    return {
        str(c["instrument"]): str(c["instrument_ru"]) for c in un_data()["committees"].values()
    }


def _ru_forms(found: Provision) -> tuple[str, str, str]:
    """Russian nominative, genitive and instrumental citations (``пункт 1 статьи 2 Конвенции``)."""
    number = found.article.article
    pieces = found.part.split("-") if found.part else []
    paragraph = pieces[0] if pieces else None
    letters = "".join(f" {p})" for p in pieces[1:])
    instrument = _instrument_ru().get(found.instrument.id)
    tail = f" {instrument}" if instrument else ""
    if paragraph is None:
        return (f"статья {number}{tail}", f"статьи {number}{tail}", f"статьей {number}{tail}")
    rest = f"{paragraph}{letters} статьи {number}{tail}"
    return (f"пункт {rest}", f"пункта {rest}", f"пунктом {rest}")


def _cite(provision_id: str, lang: str) -> str:
    found = provision(provision_id)
    return _ru_forms(found)[0] if lang == "ru" else found.cite(lang)


def _without_article(citation: str) -> str:
    for article in ("le ", "l'"):
        if citation.startswith(article):
            return citation[len(article) :]
    return citation


def _claim(
    number: int, complaint: Complaint, case: Case, time_limit: str | None, lang: str
) -> Row:
    found = complaint.resolved
    joined_ids = list(complaint.in_conjunction_with)
    if lang == "ru":
        nominative, genitive, _ = _ru_forms(found)
        joined = [_ru_forms(provision(i))[2] for i in joined_ids]
        heading = nominative[:1].upper() + nominative[1:]
        heading += "".join(
            f" в совокупности {'со' if j.startswith('ст') else 'с'} {j}" for j in joined
        )
        title = None
        cited = genitive
        violation = cited + "".join(
            f" в совокупности {'со' if j.startswith('ст') else 'с'} {j}" for j in joined
        )
    else:
        citation = found.cite(lang)
        joined = [provision(i).cite(lang) for i in joined_ids]
        bare = _without_article(citation)
        heading = bare[:1].upper() + bare[1:]
        if joined:
            heading = f"{heading}, {_joined(lang)} {', '.join(joined)}"
        title = found.title(lang)
        cited = citation
        violation = ("de " if lang == "fr" else "of ") + citation
        violation += "".join(f", {_joined(lang)} {j}" for j in joined)
    return {
        "number": number,
        "provision": complaint.provision,
        "citation": cited,
        "heading": heading,
        "title": title,
        "label": complaint.label,
        "summary": complaint.summary,
        "in_conjunction_with": joined,
        "violation": violation,
        "events_from": _date(complaint.events_from, lang),
        "decisions": [_decision(d, lang) for d in case.decisions_for(complaint)],
        "time_limit": time_limit,
        "model": complaint,
    }


def _time_limits(case: Case, found: CaseDeadlines, lang: str) -> list[str | None]:
    """The engine's paragraph per complaint, in the draft's language (English, French, Russian)."""
    window = found.window
    if window is None:
        return [None] * len(case.complaints)
    text = window.explain(lang)
    paragraphs = [p for p in text.split("\n\n") if p.strip()] if text else []
    if len(paragraphs) != len(window.complaints):
        return [None] * len(case.complaints)
    by_complaint: dict[int, str] = {}
    for own, paragraph in zip(window.complaints, paragraphs, strict=True):
        for position, complaint in enumerate(case.complaints):
            if position not in by_complaint and own.complaint == complaint:
                by_complaint[position] = paragraph
                break
    return [by_complaint.get(i) for i in range(len(case.complaints))]


# --------------------------------------------------------------------------- rows


def _author(number: int, applicant: Applicant, role: str, lang: str) -> Row:
    """One author's row, with ``party``: the Committee's word in this person's own voice.

    ``party`` holds the :func:`~litigate.engine.party.forms` of the applicant alone, so
    that a heading agrees with each person ("Requérante no 1", "Auteur no 2").
    """
    row = applicant_row(
        number,
        applicant,
        day=lambda value: _date(value, lang),
        nationality=lambda value: _nationality(value, lang),
        label=lambda value: _label(value, lang),
    )
    row["party"] = forms(lang, role, voice_name([applicant]))
    return row


def _decision(decision: DomesticDecision, lang: str) -> Row:
    return {
        "court": decision.court,
        "taken_on": _date(decision.taken_on, lang),
        "served_on": _date(decision.served_on, lang),
        "outcome": decision.outcome,
        "reference": decision.reference,
    }


def _procedure(procedure: OtherProcedure, lang: str) -> Row:
    return {
        "body": _body(procedure.body, lang),
        "reference": procedure.reference,
        "lodged_on": _date(procedure.lodged_on, lang),
        "concluded_on": _date(procedure.concluded_on, lang),
        "status": _label(procedure.status, lang),
        "outcome": procedure.outcome,
        "same_facts": procedure.same_facts,
    }


def _acceptance(case: Case, as_of: date, lang: str, rules: RuleSet) -> Row | None:
    if not case.respondent:
        return None
    found = acceptance(case.respondent[0], case.forum, on=as_of, rules=rules)
    if found.status == "no_data" or found.in_force_from is None:
        return None
    temporal = found.temporal_from
    starts = [c.events_from for c in case.complaints if c.events_from is not None]
    facts_after = None if not starts or temporal is None else min(starts) >= temporal
    return {
        "instrument": found.instrument,
        "in_force_from": court_date(found.in_force_from, lang),
        "temporal_from": _date(temporal, lang),
        "accepted": found.accepted,
        "facts_after": facts_after,
        "confidence": _label(found.confidence, lang),
        "model": found,
    }


def _un(case: Case, found: CaseDeadlines, lang: str) -> Row:
    as_of = found.as_of
    committee = un_data()["committees"][case.forum.value]
    limits = _time_limits(case, found, lang)
    procedures = [_procedure(p, lang) for p in case.other_procedures]
    measures = case.interim_measures
    role = found.rules.forum(case.forum).party
    authors = [_author(i, a, role, lang) for i, a in enumerate(case.applicants, start=1)]
    return {
        "forum": case.forum.value,
        "committee": _name(committee, "name", lang),
        "treaty": _name(committee, "treaty", lang),
        "procedure": _name(committee, "procedure", lang),
        "language": str(un_data()["languages"][lang][lang]),
        "communication_no": case.application_no,
        "state": {"code": case.respondent[0], "name": _country(case.respondent[0], lang)}
        if case.respondent
        else None,
        "acceptance": _acceptance(case, as_of, lang, found.rules),
        "authors": authors,
        "anonymisation": any(a.anonymity_requested for a in case.applicants),
        "anonymity": [a for a in authors if a["anonymity_requested"]],
        "same_matter": any(p.same_facts is not False for p in case.other_procedures),
        "procedures": procedures,
        "interim": measures is not None,
        "interim_measures": None
        if measures is None
        else {
            "measure": measures.measure,
            "risk": measures.risk,
            "imminent_on": _date(measures.imminent_on, lang),
            "place": measures.place,
        },
        "remedies": [_decision(d, lang) for d in case.proceedings],
        "claims": [
            _claim(n, c, case, limits[n - 1], lang) for n, c in enumerate(case.complaints, start=1)
        ],
        "review_marker": REVIEW_MARKERS[lang],
        "party": _party(case, found, lang),
    }


def _party(case: Case, found: CaseDeadlines, lang: str) -> Row:
    """How the Committee names the person (``author``, ``complainant``, ``petitioner``), in ``lang``.

    ``forms`` are the catalogue's ``voice`` forms for the case's applicants (English
    ``applicant``, ``applicant_s``, ``he``…; French ``le_requerant``, ``du_requerant``…;
    Russian ``заявитель``, ``заявителя``…), so that a template can write
    ``{{ un.party.forms.Applicant }}`` instead of a fixed "The author".
    """
    role = found.rules.forum(case.forum).party
    return {"role": role, "forms": forms(lang, role, voice_name(case.applicants))}


# --------------------------------------------------------------------------- follow-up


def _grade(raw: str | None, lang: str) -> Row | None:
    """The grade as recorded, with its meaning when it is a letter A-E (or a mark)."""
    if raw is None:
        return None
    grades = follow_up_grades()
    letter: str | None = raw.strip().upper() if raw.strip().upper() in grades else None
    if letter is None:
        try:
            letter = parse_mark(raw).grade
        except CitationParseError:
            letter = None
    row: Row = {"recorded": raw, "letter": letter, "label": None, "meaning": None, "source": None}
    if letter is not None:
        found = grades[letter]
        extra = un_data()["grades"][letter]
        row["label"] = found.label if lang == "en" else str(extra[f"label_{lang}"])
        row["meaning"] = found.meaning if lang == "en" else str(extra[f"meaning_{lang}"])
        row["source"] = found.source
    return row


def _document_kind(symbol: str | None) -> str | None:
    if symbol is None:
        return None
    try:
        found = parse_citation(symbol)
    except CitationParseError:
        return None
    if not isinstance(found, UnSymbol):
        return None
    if found.kind is UnSymbolKind.CONCLUDING_OBSERVATIONS:
        return "concluding_observations"
    if found.kind is UnSymbolKind.VIEWS_OR_DECISION:
        return "views"
    return None


def _recommendation(item: Recommendation, computed: Deadline | None, lang: str) -> Row:
    stated = item.due_on is not None
    due = computed.date if computed is not None else item.due_on
    return {
        "paragraph": item.paragraph,
        "text": item.text,
        "due_on": _date(due, lang),
        "due_stated": stated,
        "state_reply": item.state_reply,
        "state_reply_on": _date(item.state_reply_on, lang),
        "grade": _grade(item.grade, lang),
        "assessment": item.assessment,
        "model": item,
    }


def _follow_up(case: Case, found: CaseDeadlines, lang: str) -> Row | None:
    follow_up = case.follow_up
    if follow_up is None or case.forum is Forum.ECTHR:
        return None
    committee = un_data()["committees"][case.forum.value]
    organisations = [a.name for a in case.applicants if not a.is_person]
    return {
        "committee": _name(committee, "name", lang),
        "document": follow_up.document,
        "kind": _document_kind(follow_up.document),
        "adopted_on": _date(follow_up.adopted_on, lang),
        "organisations": organisations,
        "recommendations": [
            _recommendation(r, due, lang)
            for r, due in zip(follow_up.recommendations, found.follow_up, strict=True)
        ],
        "model": follow_up,
    }


def _lang(lang: str) -> str:
    """The draft's language if ``un.toml`` names the bodies in it (``l10n.supported("UN data")``).

    Another catalogue language (a firm's own) is refused rather than given English names.
    """
    return l10n.require(lang, "UN data")


def un_context(
    case: Case,
    *,
    as_of: date,
    locale: str,
    lang: str,
    deadlines: CaseDeadlines | None = None,
) -> dict[str, object]:
    """The template values this module adds to :func:`~litigate.drafts.context.build_context`.

    Args:
        case: The case.
        as_of: The date of the draft (acceptance and filing window are assessed on it).
        locale: The template's locale.
        lang: Its language (``"en"``, ``"fr"`` or ``"ru"``).
        deadlines: The case's deadlines on ``as_of``
            (:func:`litigate.engine.deadlines.deadlines`, under the firm's rules);
            computed under the packaged rules when not given.

    Returns:
        ``{"un": …, "follow_up": …}``: ``un`` is ``None`` for a European Court case,
        ``follow_up`` is ``None`` when the case has no follow-up data.

    Examples:
        >>> from datetime import date
        >>> from litigate.model import Case
        >>> sorted(un_context(Case(forum="ecthr", respondent="AZE"),
        ...                   as_of=date(2026, 1, 1), locale="en", lang="en").items())
        [('follow_up', None), ('un', None)]
    """
    del locale
    language = _lang(lang)
    if case.forum is Forum.ECTHR:
        return {"un": None, "follow_up": None}
    found = deadlines or case_deadlines(case, as_of=as_of)
    return {"un": _un(case, found, language), "follow_up": _follow_up(case, found, language)}
