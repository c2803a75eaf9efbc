"""Comments on the State party's observations before a UN Committee.

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
* **CERD** (six months, article 14 (5) and rule 91 (f)), **CRC** and **CESCR** (one
  year, OP3-CRC article 7 (h), OP-ICESCR article 3 (2) (a)): the engine's deadline from
  the final domestic decision; when the communication came later, no argument is
  written and the review note names the exception the lawyer must show.
* **CAT** (rule 113 (f)), **CEDAW**, **CRPD** and **CED** (no fixed time limit): the
  comments give the time elapsed between the final domestic decision and the
  submission.

The sentences and their sources are data (``[[time_rule]]`` in the same file).

Examples:
    >>> un_argument_bank("hrc")["same_matter"].sources[0][:40]
    'Optional Protocol to the International C'
    >>> un_argument_bank("cedaw")["same_matter"].text("en")[:46]
    'Under article 4 (2) (a) of the Optional Protoc'
    >>> un_argument_bank("cmw")
    Traceback (most recent call last):
    ...
    litigate.errors.InputError: reply_skeleton: no UN argument bank for 'cmw' (hrc, cat, cerd, cedaw, crpd, crc, ced, cescr)
"""

from __future__ import annotations

import datetime as dt
import functools
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING

from litigate import l10n
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

__all__ = [
    "UN_BANK_FORUMS",
    "un_argument_bank",
    "un_french_citations",
    "un_time_limit_argument",
    "un_time_rule_is_qualitative",
]

UN_BANK_FORUMS = ("hrc", "cat", "cerd", "cedaw", "crpd", "crc", "ced", "cescr")
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


_TIME_KEYS = ("committee", "text_en", "text_fr", "late", "source", "confidence")
_TIME_OPTIONAL = ("source_fr",)  # the source as cited in French, where its French version was seen


@functools.cache
def _time_rules() -> Mapping[str, Mapping[str, str]]:
    """Committee → its time-of-submission sentences and source (``[[time_rule]]``)."""
    resource = resources.files("litigate").joinpath("drafts", "data", "un-arguments.toml")
    with resource.open("rb") as handle:
        data = tomllib.load(handle)
    errors: list[str] = []
    rules: dict[str, Mapping[str, str]] = {}
    for number, raw in enumerate(data.get("time_rule", [])):
        where = f"$.time_rule[{number}]"
        if not isinstance(raw, dict) or sorted(
            k for k in raw if k not in _TIME_OPTIONAL
        ) != sorted(_TIME_KEYS):
            errors.append(
                f"must be a table with exactly the keys {', '.join(_TIME_KEYS)} "
                f"(and optionally {', '.join(_TIME_OPTIONAL)}) @ {where}"
            )
            continue
        if not all(isinstance(v, str) for v in raw.values()):
            errors.append(f"every value must be a string @ {where}")
            continue
        fixed = "{deadline}" in raw["text_en"]
        if fixed != bool(raw["late"]) or ("{deadline}" in raw["text_fr"]) != fixed:
            errors.append(
                f"a fixed period needs {{deadline}} in both texts and a late note @ {where}"
            )
        rules[raw["committee"]] = raw
    errors.extend(
        f"no time_rule for {c!r} @ $.time_rule"
        for c in UN_BANK_FORUMS
        if c != "hrc" and c not in rules
    )
    if errors:
        raise RuleDataError(errors, path=_DATA)
    return rules


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
            f"reply_skeleton: no UN argument bank for {committee!r} ({', '.join(UN_BANK_FORUMS)})"
        )
        raise InputError(msg, field="case.forum", value=committee)
    entries = _raw()[committee]
    return load_argument_bank(
        {"version": 1, "argument": entries},
        path=f"{_DATA} [{committee}]",
        placeholders={"merits": "{article_no}", "unclassified": "{heading}"},
        french_sources=True,  # every entry cites its documents in French too (sources_fr)
    )


@functools.cache
def un_french_citations(committee: str) -> frozenset[str]:
    """The citations the UN data give in French for ``committee`` (bank ``sources_fr``, time rule ``source_fr``).

    A citation repeated in English in ``sources_fr`` (its French version was not seen)
    is not among them: a French draft that cites it says so in its review notes.

    Examples:
        >>> any(c.startswith("Règlement intérieur du Comité contre la torture")
        ...     for c in un_french_citations("cat"))
        True
        >>> any(c.startswith("OHCHR Fact Sheet No. 7") for c in un_french_citations("cat"))
        False
    """
    bank = un_argument_bank(committee).values()
    english = {s for entry in bank for s in entry.sources}
    french = {s for entry in bank for s in entry.sources_fr} - english
    rule = _time_rules().get(committee, {})
    return frozenset(french | ({rule["source_fr"]} if "source_fr" in rule else set()))


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
        return l10n.pgettext(
            locale,
            "UN reply",
            "within three years of the conclusion of the other procedure of international "
            "investigation or settlement (%(body)s%(reference)s) on %(trigger)s, that is before "
            "%(deadline)s",
        ) % {"body": body, "reference": ref, "trigger": trigger, "deadline": deadline}
    decision = next((p for p in case.proceedings if p.label == scenario.decision), None)
    court = _court(decision, locale)
    if scenario.trigger_event.startswith("service"):
        on_rep = scenario.trigger_event == "service on the representative"
        whom = voice.say(
            locale, "served on", "<applicant_s> representative" if on_rep else "<applicant>"
        )
        return l10n.pgettext(
            locale,
            "UN reply",
            "within five years of the service of the final domestic decision (%(court)s) on "
            "%(whom)s on %(trigger)s, that is before %(deadline)s",
        ) % {"court": court, "whom": whom, "trigger": trigger, "deadline": deadline}
    return l10n.pgettext(
        locale,
        "UN reply",
        "within five years of the final domestic decision (%(court)s), that is before %(deadline)s",
    ) % {"court": court, "deadline": deadline}


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
        ...     case, "§ 9", as_of=dt.date(2026, 11, 23), locale="en", voice=Voice("male", "complainant"))
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
    party = voice.forms("en")["applicant"]  # the review notes are in English
    if case.forum.value != "hrc":
        return _time_rule_argument(case, where, lodged, as_of=as_of, locale=locale, party=party)
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
            f"{where} (time of submission): no scenario of the engine supports {party}: "
            f"submitted on {court_date(lodged)}, after every period of rule 99 (c). No argument "
            "is written; state the reasons justifying the delay."
        )
        return None, (), list(dict.fromkeys(notes))
    listed = list(parts)
    joined = l10n.pgettext(locale, "UN reply, readings joined", "; and ").join(listed)
    text = l10n.pgettext(
        locale,
        "UN reply",
        "The communication was submitted on %(lodged)s, %(readings)s. Under rule 99 (c) of the "
        "rules of procedure it is therefore not an abuse of the right of submission, and no "
        "reason for delay need be given.",
    ) % {"lodged": court_date(lodged, locale), "readings": joined}
    return text, tuple(sources), list(dict.fromkeys(notes))


def un_time_rule_is_qualitative(committee: str) -> bool:
    """Whether the Committee's time of submission is a judgment, not a date (CAT, CEDAW, CRPD, CED).

    The comments then give the time elapsed, which the lawyer must confirm.

    Examples:
        >>> un_time_rule_is_qualitative("cedaw"), un_time_rule_is_qualitative("cerd")
        (True, False)
    """
    rule = _time_rules().get(committee)
    return rule is not None and "{deadline}" not in rule["text_en"]


def _time_rule_argument(
    case: Case, where: str, lodged: dt.date, *, as_of: dt.date, locale: str, party: str
) -> tuple[str | None, tuple[str, ...], list[str]]:
    """The time of submission before a Committee other than the HRC, from ``[[time_rule]]``."""
    rule = _time_rules()[case.forum.value]
    final = _final(case)
    if final is None or final.taken_on is None:
        return (
            None,
            (),
            [
                f"{where} (time of submission): the case file records no final domestic decision; the engine cannot give the time elapsed."
            ],
        )
    text = rule["text_fr" if locale == "fr" else "text_en"]
    filled = text.replace("{lodged}", court_date(lodged, locale)).replace(
        "{final}", _court(final, locale)
    )
    source = (rule.get("source_fr", rule["source"]) if locale == "fr" else rule["source"],)
    if "{deadline}" not in text:
        return filled.replace("{months}", str(_months(final.taken_on, lodged))), source, []
    window = filing_window(case, as_of=as_of)
    deadlines = sorted({s.deadline for w in window.complaints for s in w.scenarios})
    supporting = [d for d in deadlines if lodged <= d]
    if not supporting:
        latest = court_date(deadlines[-1]) if deadlines else "none computed"
        return (
            None,
            (),
            [
                (
                    f"{where} (time of submission): no scenario of the engine supports {party}: "
                    f"submitted on {court_date(lodged)}, the period ended on {latest}. No argument "
                    f"is written; {rule['late']}."
                )
            ],
        )
    return filled.replace("{deadline}", court_date(supporting[0], locale)), source, []
