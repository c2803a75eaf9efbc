"""Paragraphs a lawyer can paste into section G of the application form, in any catalogue language.

The sentences are gettext messages of :mod:`litigate.l10n` (English, French and
Russian catalogues ship with litigate); the dates are the Court's (``court_date``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import attrs

from litigate import l10n
from litigate._court_dates import court_date, weekday_name
from litigate.engine.calendar import add_period
from litigate.engine.party import event as party_event
from litigate.engine.party import voice_name
from litigate.engine.results import ComplaintWindow, FilingWindow, Scenario, WindowStatus
from litigate.engine.suspension import suspended
from litigate.model import Case, DomesticDecision, Provision
from litigate.rules import ForumRules, Suspension, TimeLimitRule

# The languages whose citation style, regime sentences and references the data carries
# itself (``cite(lang)``, ``explain_fr``, ``reference_fr``) are l10n.supported("rule data");
# any other language takes them from its catalogue.


def _sentence(text: str) -> str:
    return text[0].upper() + text[1:] if text else text


def _period(months: int, years: int, lang: str) -> str:
    if years and not months:
        count, key = years, ("1 year" if years == 1 else f"{years} years")
        generic = "%(count)s years"
    else:
        count, key = months, ("1 month" if months == 1 else f"{months} months")
        generic = "%(count)s months"
    if l10n.has_message(lang, key, "period"):
        return l10n.pgettext(lang, "period", key)
    return l10n.pgettext(lang, "period", generic) % {"count": count}


def _event(event: str, lang: str, case: Case, party: str) -> str:
    """The start event (a phrase of the rule data) in ``lang``, naming the forum's party.

    Untranslated events stay as written.
    """
    return party_event(event, lang, party, voice_name(case.applicants))


def _head(provision: Provision, lang: str) -> str:
    """The provision a paragraph is about, in the data's own style or the catalogue's pattern."""
    if lang in l10n.supported("rule data"):
        return provision.cite(lang)
    instrument = l10n.pgettext(lang, "instrument, genitive", provision.instrument.short_en)
    pieces = provision.part.split("-") if provision.part else []
    values = {"article": provision.article.article, "instrument": instrument}
    if not pieces:
        return l10n.pgettext(lang, "citation", "article %(article)s of %(instrument)s") % values
    values["paragraph"] = pieces[0] + "".join(f" {p})" for p in pieces[1:])
    return (
        l10n.pgettext(
            lang, "citation", "paragraph %(paragraph)s of article %(article)s of %(instrument)s"
        )
        % values
    )


def _regime(rule: TimeLimitRule, lang: str) -> str:
    """The rule's own sentence on which regime applies (rule data, or the catalogue)."""
    if lang == "fr":
        return rule.explain_fr
    if lang == "en" or not rule.explain_en:
        return rule.explain_en
    return l10n.pgettext(lang, "rule data", rule.explain_en)


def _reference(suspension: Suspension, lang: str) -> str:
    if lang == "fr":
        return suspension.reference_fr
    if lang == "en" or not suspension.reference:
        return suspension.reference
    return l10n.pgettext(lang, "rule data", suspension.reference)


def _decision(decision: DomesticDecision, lang: str) -> str:
    ref = f" ({decision.reference})" if decision.reference else ""
    when = decision.taken_on
    if when:
        text = l10n.gettext(lang, "the decision of the %(court)s of %(date)s") % {
            "court": decision.court,
            "date": court_date(when, lang),
        }
    else:
        text = l10n.gettext(lang, "the decision of the %(court)s") % {"court": decision.court}
    return text + ref


_SERVICE_EVENTS = ("service on the applicant", "service on the representative")


def _assumption(scenario: Scenario, safe: Scenario, rule: TimeLimitRule, lang: str) -> str:
    """The assumption an arguable scenario rests on, as a clause ("if ...")."""
    other = "the conclusion of the other procedure"
    if safe.trigger_event == other and scenario.trigger_event != other:
        if scenario.trigger_event == "the date of the decision":
            text = "if the period is counted from the final domestic decision rather than from the conclusion of the other procedure"
        else:
            text = "if the period is counted from notification of the final domestic decision rather than from the conclusion of the other procedure"
    elif scenario.decision is not None and scenario.decision != safe.decision:
        text = "if the remedy of doubtful effectiveness used afterwards had to be exhausted"
    elif scenario.trigger_event == "the conclusion of the other procedure":
        text = "counted from the conclusion of the other international procedure"
    elif rule.trigger == "decision_date":
        text = "if the period runs from notification of the decision rather than from its date"
    elif scenario.trigger_event in _SERVICE_EVENTS:
        text = "if domestic law requires the decision to be served (Worm v. Austria)"
    else:
        text = "on another reading of the facts"
    return l10n.pgettext(lang, "assumption", text)


def _alternatives(
    window: ComplaintWindow,
    rule: TimeLimitRule,
    case: Case,
    lang: str,
    *,
    party: str,
    presumption: bool = False,
) -> list[str]:
    """A sentence per arguable scenario: its assumption, its start and its last day."""
    safe = window.scenarios[0]
    out: list[str] = []
    for scenario in window.scenarios[1:]:
        if scenario.deadline <= safe.deadline:
            continue
        values = {
            "assumption": _sentence(_assumption(scenario, safe, rule, lang)),
            "event": _event(scenario.trigger_event, lang, case, party),
            "start": court_date(scenario.trigger_on, lang),
            "date": court_date(scenario.deadline, lang),
            "weekday": weekday_name(scenario.deadline, lang),
        }
        lodged = case.lodged_on
        helps = lodged is not None and window.in_time is False and lodged <= scenario.deadline
        if presumption:
            text = (
                l10n.gettext(
                    lang,
                    "%(assumption)s, the period would run from %(event)s, on %(start)s, and the presumption would apply only after %(weekday)s %(date)s; that later date rests on this assumption.",
                )
                % values
            )
            if helps:
                text += " " + l10n.gettext(
                    lang, "On that reading, the communication was submitted before that date."
                )
        else:
            text = (
                l10n.gettext(
                    lang,
                    "%(assumption)s, the time limit would run from %(event)s, on %(start)s, and expire on %(weekday)s %(date)s; that later date rests on this assumption.",
                )
                % values
            )
            if helps:
                text += " " + l10n.gettext(
                    lang, "On that reading, the application was lodged within the time limit."
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
    first, last = applied[0].suspension, applied[-1].suspension
    refs = [r for r in (_reference(a.suspension, lang) for a in applied) if r]
    if any(a.starts_after for a in applied):
        how = l10n.gettext(
            lang,
            "the period, which would have begun during that suspension, began to run only at its end",
        )
    else:
        how = l10n.gettext(lang, "without that suspension it would have expired on %(date)s") % {
            "date": court_date(plain, lang)
        }
    text = l10n.gettext(
        lang,
        "Time did not run from %(start)s to %(end)s (suspension of time limits ordered by the Court: %(references)s); %(how)s.",
    ) % {
        "start": court_date(first.start, lang),
        "end": court_date(last.end, lang),
        "references": l10n.format_list(refs, lang),
        "how": how,
    }
    if result.arguable is not None:
        text += " " + l10n.gettext(
            lang,
            "Counted in days rather than calendar months, the suspension would move the last day to %(date)s; that later date rests on this reading.",
        ) % {"date": court_date(result.arguable, lang)}
    return text


def _paragraph(
    case: Case,
    window: ComplaintWindow,
    rules: ForumRules,
    lang: str,
    decisions: dict[str, DomesticDecision],
) -> str:
    head = _sentence(_head(window.complaint.resolved, lang))
    rule = next((r for r in rules.time_limits if r.id == window.rule_id), None)
    if window.status is WindowStatus.CONTINUING:
        return f"{head}. " + l10n.gettext(
            lang,
            "The situation complained of is continuing: the time limit does not run while it lasts.",
        )
    if window.status is WindowStatus.NO_FIXED_LIMIT:
        extra = ""
        if window.elapsed_days is not None:
            extra = " " + l10n.ngettext(
                lang,
                "%(count)s day has elapsed since the final decision.",
                "%(count)s days have elapsed since the final decision.",
                window.elapsed_days,
            ) % {"count": window.elapsed_days}
        if window.complaint.disappearance:
            return f"{head}. " + l10n.gettext(
                lang,
                "This being a disappearance, the applicant has acted with reasonable expedition.",
            )
        regime = _regime(rule, lang) if rule is not None else ""
        extra += f" {regime}" if regime else ""
        return f"{head}. " + l10n.gettext(lang, "No fixed time limit applies.") + extra
    if window.status is WindowStatus.NOT_STARTED and window.deadline is None:
        return f"{head}. " + l10n.gettext(lang, "No final domestic decision has yet been given.")
    if window.deadline is None or not window.scenarios or rule is None or rule.period is None:
        return f"{head}. " + l10n.gettext(
            lang, "The time limit cannot be computed: missing data (%(missing)s)."
        ) % {"missing": ", ".join(window.missing)}
    safe = window.scenarios[0]
    decision = decisions.get(safe.decision) if safe.decision else None
    event = _event(safe.trigger_event, lang, case, rules.party)
    if window.status is WindowStatus.PRESUMPTION:
        text = _presumption(head, window, safe.trigger_on, event, case, lang)
        return " ".join(
            [text, *_alternatives(window, rule, case, lang, party=rules.party, presumption=True)]
        )
    start = court_date(safe.trigger_on, lang)
    sentences: list[str] = []
    if decision is not None:
        sentences.append(
            l10n.gettext(
                lang,
                "The final domestic decision is %(decision)s; the time limit runs from %(event)s, on %(start)s.",
            )
            % {"decision": _decision(decision, lang), "event": event, "start": start}
        )
    else:
        sentences.append(
            l10n.gettext(lang, "The time limit runs from %(event)s, on %(start)s.")
            % {"event": event, "start": start}
        )
    regime = _regime(rule, lang)
    if regime and (decision is not None or len(rules.time_limits) == 1):
        sentences.append(regime)
    sentences.append(
        _sentence(
            l10n.gettext(
                lang,
                "The %(period)s period began on the following day and expires on %(weekday)s %(date)s.",
            )
            % {
                "period": _period(rule.period.months, rule.period.years, lang),
                "weekday": weekday_name(window.deadline, lang),
                "date": court_date(window.deadline, lang),
            }
        )
    )
    suspension = _suspension_sentence(window, rule, rules, lang)
    if suspension:
        sentences.append(suspension)
    if window.in_time is not None and case.lodged_on is not None:
        verdict = (
            "The application was lodged on %(date)s, within the time limit."
            if window.in_time
            else "The application was lodged on %(date)s, outside the time limit."
        )
        sentences.append(l10n.gettext(lang, verdict) % {"date": court_date(case.lodged_on, lang)})
    sentences.extend(_alternatives(window, rule, case, lang, party=rules.party))
    return f"{head}. " + " ".join(sentences)


def _presumption(
    head: str, window: ComplaintWindow, start: date, event: str, case: Case, lang: str
) -> str:
    """A rebuttable presumption (HRC rule 99 (c)) is explained as such, never as a bar."""
    if window.deadline is None:  # pragma: no cover - a presumption window always has a date
        return head
    text = f"{head}. " + l10n.gettext(
        lang,
        "No fixed time limit applies; a communication submitted after %(date)s (counted from %(event)s, on %(start)s) is presumed to be an abuse of the right of submission unless the delay is justified.",
    ) % {
        "date": court_date(window.deadline, lang),
        "event": event,
        "start": court_date(start, lang),
    }
    if case.lodged_on is not None:
        verdict = (
            "The communication was submitted on %(date)s, before that date."
            if window.in_time
            else "The communication was submitted on %(date)s: the delay must be justified."
        )
        text += " " + l10n.gettext(lang, verdict) % {"date": court_date(case.lodged_on, lang)}
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
    """Return a function that writes the section G paragraphs on demand, in a catalogue language."""
    return _Explainer(case, rules)
