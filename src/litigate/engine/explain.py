"""Paragraphs a lawyer can paste into section G of the application form, in English and French."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs

from litigate._court_dates import court_date, weekday_name
from litigate.engine.calendar import add_period
from litigate.engine.results import ComplaintWindow, FilingWindow, Scenario, WindowStatus
from litigate.engine.suspension import suspended
from litigate.model import Case, DomesticDecision
from litigate.rules import ForumRules, TimeLimitRule

_NUMBERS = {
    "en": {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six"},
    "fr": {1: "un", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six"},
}


def _period(months: int, years: int, lang: str) -> str:
    if years and not months:
        word = _NUMBERS[lang].get(years, str(years))
        if lang == "fr":
            return f"d'{word} an" if years == 1 else f"de {word} ans"
        return f"{word}-year"
    word = _NUMBERS[lang].get(months, str(months))
    return f"de {word} mois" if lang == "fr" else f"{word}-month"


def _decision(decision: DomesticDecision, lang: str) -> str:
    ref = f" ({decision.reference})" if decision.reference else ""
    when = decision.taken_on
    if lang == "fr":
        date = f" du {court_date(when, 'fr')}" if when else ""
        return f"la décision de la juridiction « {decision.court} »{date}{ref}"
    date = f" of {court_date(when)}" if when else ""
    return f"the decision of the {decision.court}{date}{ref}"


_EVENTS_FR = {
    "public pronouncement": "son prononcé public",
    "service on the applicant": "sa signification au requérant",
    "service on the representative": "sa signification au représentant du requérant",
    "the applicant's knowledge": "la date à laquelle le requérant en a eu connaissance",
    "the date it was taken": "la date à laquelle elle a été rendue",
    "the date of the decision": "la date de la décision",
    "the end of the situation": "la fin de la situation",
    "the act complained of": "l'acte litigieux",
    "the conclusion of the other procedure": "la clôture de l'autre procédure",
}


_SERVICE_EVENTS = ("service on the applicant", "service on the representative")


def _assumption(scenario: Scenario, safe: Scenario, rule: TimeLimitRule, lang: str) -> str:
    """The assumption an arguable scenario rests on, as a clause ("if ...")."""
    fr = lang == "fr"
    other = "the conclusion of the other procedure"
    if safe.trigger_event == other and scenario.trigger_event != other:
        if scenario.trigger_event == "the date of the decision":
            return (
                "si la période est comptée à partir de la décision interne définitive plutôt "
                "que de la clôture de l'autre procédure"
                if fr
                else "if the period is counted from the final domestic decision rather than "
                "from the conclusion of the other procedure"
            )
        return (
            "si la période est comptée à partir de la notification de la décision interne "
            "définitive plutôt que de la clôture de l'autre procédure"
            if fr
            else "if the period is counted from notification of the final domestic decision "
            "rather than from the conclusion of the other procedure"
        )
    if scenario.decision is not None and scenario.decision != safe.decision:
        return (
            "si le recours d'effectivité douteuse exercé ensuite devait être épuisé"
            if fr
            else "if the remedy of doubtful effectiveness used afterwards had to be exhausted"
        )
    if scenario.trigger_event == "the conclusion of the other procedure":
        return (
            "compté à partir de la clôture de l'autre procédure internationale"
            if fr
            else "counted from the conclusion of the other international procedure"
        )
    if rule.trigger == "decision_date":
        return (
            "si le délai court à compter de la notification de la décision plutôt que de sa date"
            if fr
            else "if the period runs from notification of the decision rather than from its date"
        )
    if scenario.trigger_event in _SERVICE_EVENTS:
        return (
            "si le droit interne exige la signification de la décision (Worm c. Autriche)"
            if fr
            else "if domestic law requires the decision to be served (Worm v. Austria)"
        )
    return "selon une autre lecture des faits" if fr else "on another reading of the facts"


def _alternatives(
    window: ComplaintWindow,
    rule: TimeLimitRule,
    case: Case,
    lang: str,
    *,
    presumption: bool = False,
) -> list[str]:
    """A sentence per arguable scenario: its assumption, its start and its last day."""
    fr = lang == "fr"
    safe = window.scenarios[0]
    out: list[str] = []
    for scenario in window.scenarios[1:]:
        if scenario.deadline <= safe.deadline:
            continue
        event = (
            _EVENTS_FR.get(scenario.trigger_event, scenario.trigger_event)
            if fr
            else scenario.trigger_event
        )
        start = court_date(scenario.trigger_on, lang)
        end = court_date(scenario.deadline, lang)
        day = weekday_name(scenario.deadline, lang)
        clause = _assumption(scenario, safe, rule, lang)
        clause = clause[0].upper() + clause[1:]
        lodged = case.lodged_on
        helps = lodged is not None and window.in_time is False and lodged <= scenario.deadline
        if presumption:
            if fr:
                text = (
                    f"{clause}, la période courrait à compter de {event}, le {start}, et la "
                    f"présomption ne s'appliquerait qu'après le {day} {end} ; cette date plus "
                    "tardive repose sur cette hypothèse."
                )
                text += (
                    " Selon cette lecture, la communication a été présentée avant cette date."
                    if helps
                    else ""
                )
            else:
                text = (
                    f"{clause}, the period would run from {event}, on {start}, and the presumption "
                    f"would apply only after {day} {end}; that later date rests on this assumption."
                )
                text += (
                    " On that reading, the communication was submitted before that date."
                    if helps
                    else ""
                )
        elif fr:
            text = (
                f"{clause}, le délai courrait à compter de {event}, le {start}, et expirerait "
                f"le {day} {end} ; cette date plus tardive repose sur cette hypothèse."
            )
            text += (
                " Selon cette lecture, la requête a été introduite dans le délai." if helps else ""
            )
        else:
            text = (
                f"{clause}, the time limit would run from {event}, on {start}, and expire on "
                f"{day} {end}; that later date rests on this assumption."
            )
            text += (
                " On that reading, the application was lodged within the time limit."
                if helps
                else ""
            )
        out.append(text)
    return out


def _suspension_sentence(
    window: ComplaintWindow, rule: TimeLimitRule, rules: ForumRules, lang: str
) -> str:
    """Say which suspension of time limits moved the safe last day, and from when."""
    if not rules.suspensions or rule.period is None or not window.scenarios:
        return ""
    safe = window.scenarios[0]
    plain, _ = add_period(safe.trigger_on, rule.period, rule.counting)
    result = suspended(
        rule.family,
        safe.trigger_on,
        plain,
        rules.suspensions,
        period=rule.period,
        counting=rule.counting,
    )
    applied = [a for a in result.applied if not a.arguable_only]
    if not applied or result.end == plain:
        return ""
    fr = lang == "fr"
    first, last = applied[0].suspension, applied[-1].suspension
    refs = [a.suspension.reference_fr if fr else a.suspension.reference for a in applied]
    refs = [r for r in refs if r]
    cited = (" et " if fr else " and ").join(refs)
    begin, stop = court_date(first.start, lang), court_date(last.end, lang)
    if fr:
        how = (
            "le délai, qui aurait commencé à courir pendant cette suspension, n'a commencé à courir qu'à son terme"
            if any(a.starts_after for a in applied)
            else f"sans cette suspension, il aurait expiré le {court_date(plain, lang)}"
        )
        text = f"Le délai n'a pas couru du {begin} au {stop} (suspension des délais décidée par la Cour : {cited}) ; {how}."
        if result.arguable is not None:
            text += (
                f" Comptée en jours plutôt qu'en mois civils, la suspension porterait l'échéance au "
                f"{court_date(result.arguable, lang)} ; cette date plus tardive repose sur cette lecture."
            )
        return text
    how = (
        "the period, which would have begun during that suspension, began to run only at its end"
        if any(a.starts_after for a in applied)
        else f"without that suspension it would have expired on {court_date(plain, lang)}"
    )
    text = f"Time did not run from {begin} to {stop} (suspension of time limits ordered by the Court: {cited}); {how}."
    if result.arguable is not None:
        text += (
            f" Counted in days rather than calendar months, the suspension would move the last day "
            f"to {court_date(result.arguable, lang)}; that later date rests on this reading."
        )
    return text


def _paragraph(
    case: Case,
    window: ComplaintWindow,
    rules: ForumRules,
    lang: str,
    decisions: dict[str, DomesticDecision],
) -> str:
    provision = window.complaint.resolved
    head = provision.cite(lang)
    head = head[0].upper() + head[1:]
    rule = next((r for r in rules.time_limits if r.id == window.rule_id), None)
    fr = lang == "fr"
    if window.status is WindowStatus.CONTINUING:
        return (
            f"{head}. La situation dénoncée perdure : le délai ne court pas tant qu'elle se poursuit."
            if fr
            else f"{head}. The situation complained of is continuing: the time limit does not run while it lasts."
        )
    if window.status is WindowStatus.NO_FIXED_LIMIT:
        extra = ""
        if window.elapsed_days is not None:
            extra = (
                f" {window.elapsed_days} jours se sont écoulés depuis la décision définitive."
                if fr
                else f" {window.elapsed_days} days have elapsed since the final decision."
            )
        if window.complaint.disappearance:
            return (
                f"{head}. S'agissant d'une disparition, le requérant a agi avec une diligence raisonnable."
                if fr
                else f"{head}. This being a disappearance, the applicant has acted with reasonable expedition."
            )
        regime = (rule.explain_fr if fr else rule.explain_en) if rule is not None else ""
        extra += f" {regime}" if regime else ""
        return (
            f"{head}. Aucun délai fixe ne s'applique.{extra}"
            if fr
            else f"{head}. No fixed time limit applies.{extra}"
        )
    if window.status is WindowStatus.NOT_STARTED and window.deadline is None:
        return (
            f"{head}. Aucune décision interne définitive n'est encore intervenue."
            if fr
            else f"{head}. No final domestic decision has yet been given."
        )
    if window.deadline is None or not window.scenarios or rule is None or rule.period is None:
        return (
            f"{head}. Le délai ne peut être calculé : données manquantes ({', '.join(window.missing)})."
            if fr
            else f"{head}. The time limit cannot be computed: missing data ({', '.join(window.missing)})."
        )
    safe = window.scenarios[0]
    decision = decisions.get(safe.decision) if safe.decision else None
    period = _period(rule.period.months, rule.period.years, lang)
    event = _EVENTS_FR.get(safe.trigger_event, safe.trigger_event) if fr else safe.trigger_event
    if window.status is WindowStatus.PRESUMPTION:
        text = _presumption(head, window, safe.trigger_on, event, case, lang)
        return " ".join([text, *_alternatives(window, rule, case, lang, presumption=True)])
    start = court_date(safe.trigger_on, lang)
    end = court_date(window.deadline, lang)
    day = weekday_name(window.deadline, lang)
    sentences: list[str] = []
    if decision is not None:
        if fr:
            sentences.append(
                f"La décision interne définitive est {_decision(decision, 'fr')} ; "
                f"le délai court à compter de {event}, le {start}."
            )
        else:
            sentences.append(
                f"The final domestic decision is {_decision(decision, 'en')}; "
                f"the time limit runs from {event}, on {start}."
            )
    elif fr:
        sentences.append(f"Le délai court à compter de {event}, le {start}.")
    else:
        sentences.append(f"The time limit runs from {event}, on {start}.")
    regime = rule.explain_fr if fr else rule.explain_en
    if regime and (decision is not None or len(rules.time_limits) == 1):
        sentences.append(regime)
    if fr:
        sentences.append(
            f"Le délai {period} a commencé à courir le lendemain et expire le {day} {end}."
        )
    else:
        sentences.append(
            f"The {period} period began on the following day and expires on {day} {end}."
        )
    suspension = _suspension_sentence(window, rule, rules, lang)
    if suspension:
        sentences.append(suspension)
    if window.in_time is not None and case.lodged_on is not None:
        lodged = court_date(case.lodged_on, lang)
        if fr:
            verdict = "dans le délai" if window.in_time else "hors délai"
            sentences.append(f"La requête a été introduite le {lodged}, {verdict}.")
        else:
            verdict = "within the time limit" if window.in_time else "outside the time limit"
            sentences.append(f"The application was lodged on {lodged}, {verdict}.")
    sentences.extend(_alternatives(window, rule, case, lang))
    return f"{head}. " + " ".join(sentences)


def _presumption(
    head: str, window: ComplaintWindow, start: date, event: str, case: Case, lang: str
) -> str:
    """A rebuttable presumption (HRC rule 99 (c)) is explained as such, never as a bar."""
    if window.deadline is None:  # pragma: no cover - a presumption window always has a date
        return head
    end = court_date(window.deadline, lang)
    begin = court_date(start, lang)
    if lang == "fr":
        text = (
            f"{head}. Aucun délai fixe ne s'applique ; une communication présentée après le {end} "
            f"(compté à partir de {event}, le {begin}) est présumée constituer un abus du droit "
            "de présenter une communication, sauf si le retard est justifié."
        )
        if case.lodged_on is not None:
            lodged = court_date(case.lodged_on, lang)
            text += (
                f" La communication a été présentée le {lodged}, avant cette date."
                if window.in_time
                else f" La communication a été présentée le {lodged} : le retard doit être justifié."
            )
        return text
    text = (
        f"{head}. No fixed time limit applies; a communication submitted after {end} "
        f"(counted from {event}, on {begin}) is presumed to be an abuse of the right of "
        "submission unless the delay is justified."
    )
    if case.lodged_on is not None:
        lodged = court_date(case.lodged_on, lang)
        text += (
            f" The communication was submitted on {lodged}, before that date."
            if window.in_time
            else f" The communication was submitted on {lodged}: the delay must be justified."
        )
    return text


@attrs.frozen
class _Explainer:
    """Writes the section G paragraphs on demand (a class, not a closure, so windows pickle)."""

    case: Case
    rules: ForumRules

    def __call__(self, window: FilingWindow, lang: str) -> tuple[str, ...]:
        decisions = {d.label: d for d in self.case.proceedings}
        return tuple(
            _paragraph(self.case, w, self.rules, lang, decisions) for w in window.complaints
        )


def explainer(case: Case, rules: ForumRules) -> Callable[[FilingWindow, str], tuple[str, ...]]:
    """Return a function that writes the section G paragraphs on demand, in English or French."""
    return _Explainer(case, rules)
