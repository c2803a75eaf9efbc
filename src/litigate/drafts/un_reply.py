"""Comments on the State party's observations before a UN Committee (HRC and CAT).

:func:`litigate.reply_skeleton` answers a UN case's observations with the UN
argument bank (``litigate/drafts/data/un-arguments.toml``, one bank per Committee,
every entry for review, sources the Committees' own documents) and argues the time
of submission from the engine:

* **HRC** (rule 99 (c) of the rules of procedure): the scenarios of
  :func:`litigate.filing_window` (five years from the final domestic decision or its
  service, three years from the conclusion of another international procedure).  The
  comments state each scenario under which the communication was submitted in time,
  with the case's dates; a scenario that does not support the author is a review
  note, and when none does, no argument is written: the lawyer must give the reasons
  justifying the delay.
* **CAT** (rule 113 (f)): no fixed time limit; the comments give the time elapsed
  between the final domestic decision and the submission.

Examples:
    >>> un_argument_bank("hrc")["same_matter"].sources[0][:40]
    'Optional Protocol to the International C'
    >>> un_argument_bank("cerd")
    Traceback (most recent call last):
    ...
    litigate.errors.InputError: reply_skeleton: no UN argument bank for 'cerd' yet (hrc, cat)
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING

from litigate._court_dates import court_date
from litigate.drafts.un import _body
from litigate.drafts.voice import Voice
from litigate.engine import filing_window
from litigate.engine.results import Scenario
from litigate.errors import InputError, RuleDataError
from litigate.model import Case, DomesticDecision
from litigate.rules import RuleSet

if TYPE_CHECKING:
    from litigate.drafts.reply import BankEntry

__all__ = ["UN_BANK_FORUMS", "un_argument_bank", "un_time_limit_argument"]

UN_BANK_FORUMS = ("hrc", "cat")
"""The Committees that have an argument bank."""

_DATA = "litigate/drafts/data/un-arguments.toml"
_OTHER = "the conclusion of the other procedure"


@functools.cache
def _raw() -> Mapping[str, list[dict[str, object]]]:
    resource = resources.files("litigate").joinpath("drafts", "data", "un-arguments.toml")
    try:
        with resource.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError([f"{exc} @ $"], path=_DATA) from exc
    errors = [f"version must be 1, not {data.get('version')!r} @ $.version"] * (
        data.get("version") != 1
    )
    groups: dict[str, list[dict[str, object]]] = {}
    for number, raw in enumerate(data.get("argument", [])):
        committee = raw.get("committee") if isinstance(raw, dict) else None
        if committee not in UN_BANK_FORUMS:
            errors.append(f"committee must be one of {UN_BANK_FORUMS} @ $.argument[{number}]")
            continue
        groups.setdefault(str(committee), []).append(
            {k: v for k, v in raw.items() if k != "committee"}
        )
    errors.extend(f"no entry for {c!r} @ $.argument" for c in UN_BANK_FORUMS if c not in groups)
    if errors:
        raise RuleDataError(errors, path=_DATA)
    return groups


@functools.cache
def un_argument_bank(committee: str) -> Mapping[str, BankEntry]:
    """The packaged argument bank of one Committee: kind → :class:`~litigate.drafts.reply.BankEntry`.

    Raises:
        InputError: No bank for that Committee yet.
        RuleDataError: The packaged file is invalid.
    """
    from litigate.drafts.reply import load_argument_bank  # reply imports this module

    if committee not in UN_BANK_FORUMS:
        msg = (
            f"reply_skeleton: no UN argument bank for {committee!r} yet "
            f"({', '.join(UN_BANK_FORUMS)})"
        )
        raise InputError(msg, field="case.forum", value=committee)
    entries = _raw()[committee]
    return load_argument_bank(
        {"version": 1, "argument": entries},
        path=f"{_DATA} [{committee}]",
        placeholders={"merits": "{article_no}", "unclassified": "{heading}"},
    )


def _final(case: Case) -> DomesticDecision | None:
    used = [p for p in case.proceedings if p.taken_on is not None and p.remedy.value == "ordinary"]
    return max(used, key=lambda p: p.taken_on or dt.date.min, default=None)


def _months(start: dt.date, end: dt.date) -> int:
    months = (end.year - start.year) * 12 + end.month - start.month
    return months - (end.day < start.day)


def _court(decision: DomesticDecision | None, locale: str) -> str:
    if decision is None:
        return ""
    name = decision.court_in(locale) or decision.court
    return f"{name}, {court_date(decision.taken_on, locale)}" if decision.taken_on else name


def _hrc_sentence(case: Case, scenario: Scenario, locale: str, voice: Voice) -> str:
    deadline = court_date(scenario.deadline, locale)
    trigger = court_date(scenario.trigger_on, locale)
    if scenario.trigger_event == _OTHER:
        other = next(
            (p for p in case.other_procedures if p.concluded_on == scenario.trigger_on), None
        )
        body = "" if other is None else _body(other.body, locale)
        ref = f", {other.reference}" if other is not None and other.reference else ""
        if locale == "fr":
            return (
                f"dans les trois ans suivant la clôture de l'autre procédure internationale "
                f"d'enquête ou de règlement ({body}{ref}), le {trigger}, soit avant le {deadline}"
            )
        return (
            f"within three years of the conclusion of the other procedure of international "
            f"investigation or settlement ({body}{ref}) on {trigger}, that is before {deadline}"
        )
    decision = next((p for p in case.proceedings if p.label == scenario.decision), None)
    court = _court(decision, locale)
    if scenario.trigger_event.startswith("service"):
        on_rep = scenario.trigger_event == "service on the representative"
        if locale == "fr":
            whom = voice.fill(
                "au représentant {du_requerant}" if on_rep else "{au_requerant}", "fr"
            )
            return (
                f"dans les cinq ans suivant la signification de la décision interne définitive "
                f"({court}) {whom}, le {trigger}, soit avant le {deadline}"
            )
        noun = voice.fill("{applicant}", "en")
        whom = f"{noun}'{'' if noun.endswith('s') else 's'} representative" if on_rep else noun
        return (
            f"within five years of the service of the final domestic decision ({court}) on "
            f"{whom} on {trigger}, that is before {deadline}"
        )
    if locale == "fr":
        return f"dans les cinq ans suivant la décision interne définitive ({court}), soit avant le {deadline}"
    return f"within five years of the final domestic decision ({court}), that is before {deadline}"


def un_time_limit_argument(
    case: Case,
    where: str,
    *,
    as_of: dt.date,
    locale: str,
    voice: Voice,
    rules: RuleSet | None = None,
) -> tuple[str | None, tuple[str, ...], list[str]]:
    """The time of submission argued from the engine: (text or None, sources, review notes).

    ``where`` names the State party's paragraphs (``"§§ 12-15"``) in the notes.  The
    text argues only scenarios under which the communication was submitted in time.

    Examples:
        >>> from litigate.model import Case, DomesticDecision
        >>> case = Case(forum="cat", respondent="AZE", lodged_on=dt.date(2026, 4, 1),
        ...     proceedings=[DomesticDecision(court="Supreme Court", level="cassation",
        ...                                   taken_on=dt.date(2025, 10, 29))])
        >>> text, sources, notes = un_time_limit_argument(
        ...     case, "§ 9", as_of=dt.date(2026, 11, 23), locale="en", voice=Voice("male", "author"))
        >>> text.split(";")[0]
        'The Convention sets no time limit. The complaint was submitted on 1 April 2026, 5 months after the final domestic decision (Supreme Court, 29 October 2025)'
    """
    lodged = case.lodged_on
    if lodged is None:
        return (
            None,
            (),
            [
                f"{where} (time of submission): the case file records no date of submission; the engine cannot answer the objection."
            ],
        )
    if case.forum.value == "cat":
        final = _final(case)
        if final is None or final.taken_on is None:
            return (
                None,
                (),
                [
                    f"{where} (time of submission): the case file records no final domestic decision; the engine cannot give the time elapsed."
                ],
            )
        months = _months(final.taken_on, lodged)
        source = "Rules of procedure of the Committee against Torture, CAT/C/3/Rev.6, rule 113 (f) (rule number and exact wording unconfirmed)"
        if locale == "fr":
            text = (
                f"La Convention ne fixe aucun délai. La requête a été présentée le "
                f"{court_date(lodged, locale)}, {months} mois après la décision interne définitive "
                f"({_court(final, locale)}) ; ce laps de temps n'est pas déraisonnablement long au "
                "point de rendre l'examen des griefs indûment difficile pour le Comité ou l'État "
                "partie (article 113 f) du règlement intérieur)."
            )
        else:
            text = (
                f"The Convention sets no time limit. The complaint was submitted on "
                f"{court_date(lodged, locale)}, {months} months after the final domestic decision "
                f"({_court(final, locale)}); that time is not so unreasonably prolonged as to render "
                "consideration of the claims unduly difficult for the Committee or the State party "
                "(rule 113 (f) of the rules of procedure)."
            )
        return text, (source,), []
    from litigate.drafts.reply import _rule_source  # reply imports this module

    window = filing_window(case, as_of=as_of, rules=rules)
    notes: list[str] = []
    parts: dict[str, None] = {}
    sources: dict[str, None] = {}
    for w in window.complaints:
        supporting = [s for s in w.scenarios if lodged <= s.deadline]
        for s in w.scenarios:
            if s not in supporting:
                notes.append(
                    f"{where} (time of submission): on the reading from {s.trigger_event} "
                    f"({court_date(s.trigger_on)}) the period ended on {court_date(s.deadline)}, "
                    f"before the submission on {court_date(lodged)}: rule 99 (c) presumes an abuse "
                    "unless reasons justify the delay; give them or rely on another reading."
                )
        for s in supporting:
            parts[_hrc_sentence(case, s, locale, voice)] = None
            found = _rule_source(w, s.rule_id)
            if found:
                sources[found] = None
    if not parts:
        notes.append(
            f"{where} (time of submission): no scenario of the engine supports the author: "
            f"submitted on {court_date(lodged)}, after every period of rule 99 (c). No argument "
            "is written; state the reasons justifying the delay."
        )
        return None, (), list(dict.fromkeys(notes))
    listed = list(parts)
    joined = (" ; et " if locale == "fr" else "; and ").join(listed)
    if locale == "fr":
        text = (
            f"La communication a été présentée le {court_date(lodged, locale)}, {joined}. Au sens "
            "de l'article 99 c) du règlement intérieur, elle ne constitue donc pas un abus du "
            "droit de présenter des communications, et aucune justification d'un retard n'est requise."
        )
    else:
        text = (
            f"The communication was submitted on {court_date(lodged, locale)}, {joined}. Under "
            "rule 99 (c) of the rules of procedure it is therefore not an abuse of the right of "
            "submission, and no reason for delay need be given."
        )
    return text, tuple(sources), list(dict.fromkeys(notes))
