"""The skeleton of a reply to the Government's observations, section by section.

:func:`reply_skeleton` answers every part of the Government's observations that
raises something (each admissibility objection, the merits of each Convention
article, just satisfaction and any part no rule recognised), in the Government's
order.  Each :class:`ReplySection` cites the paragraphs it answers and holds a
default argument from the argument bank (``litigate/drafts/data/arguments.toml``),
marked for the lawyer's review and written in the applicant's voice
(:mod:`litigate.drafts.voice`), except where the engine knows better: the time limit
is argued from the scenario of :func:`litigate.filing_window` under which the
application was lodged in time (an arguable one with a review note; none, and no
argument is written), ratione temporis from the acceptance data, the remedies
used from the case file, victim status from the redress the case file records
(acknowledgement and adequate redress must both be shown; none where the record
shows both: a review note instead) and ratione personae from the applicants, the
authorities and the respondent State's acceptance.  Every Government paragraph is cited by exactly one
section.  :func:`fact_check` compares the Government's dates and numbers with the
case file; its disagreements and the engine's limits are :attr:`Reply.review_notes`,
kept apart from the text to be filed.

Examples:
    >>> bank = argument_bank()
    >>> bank["time_limit"].heading("fr")
    'Sur le respect du délai'
    >>> load_argument_bank({"version": 1, "argument": [{"kind": "time_limit", "colour": 1}]})
    Traceback (most recent call last):
    ...
    litigate.errors.RuleDataError: invalid data file <data>:
      unknown key 'colour' @ $.argument[0]
      ...
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from typing import Any

import attrs

from litigate import _display_hooks, l10n
from litigate._args import CASE, DATE, LOCALE, OBSERVATIONS, RULES, checked, optional
from litigate._court_dates import court_date
from litigate._resources import packaged_toml
from litigate.drafts import voice as _voice
from litigate.drafts.filters import amount, paragraph_range
from litigate.drafts.un_reply import (
    un_argument_bank,
    un_french_citations,
    un_time_limit_argument,
    un_time_rule_is_qualitative,
)
from litigate.drafts.voice import Voice, applicant_voice
from litigate.engine import acceptance, filing_window
from litigate.engine.results import ComplaintWindow, Scenario, WindowStatus
from litigate.errors import InputError, LitigateError, RuleDataError
from litigate.model import Case, DomesticDecision, Redress, country
from litigate.parse.observations import ADMISSIBILITY_KINDS, Observations, Section
from litigate.rules import RuleSet

__all__ = [
    "BANK_KINDS",
    "REVIEW_MARKER",
    "BankEntry",
    "Reply",
    "ReplySection",
    "argument_bank",
    "fact_check",
    "load_argument_bank",
    "reply_skeleton",
]

BANK_KINDS = ("facts", *ADMISSIBILITY_KINDS, "merits", "just_satisfaction", "unclassified")
"""The section kinds a reply answers, each with one entry in the argument bank."""

REVIEW_MARKER: Mapping[str, str] = l10n.MessageTable("review marker", "[TO REVIEW]")
"""The visible marker a template prints on a section whose ``needs_review`` is set."""

_DATA = "litigate/drafts/data/arguments.toml"
_TOP_KEYS = frozenset({"version", "argument"})
_ENTRY_KEYS = (
    "kind",
    "heading_en",
    "heading_fr",
    "text_en",
    "text_fr",
    "sources",
    "confidence",
    "review",
)
_OPTIONAL_KEYS = ("sources_fr",)
_CONFIDENCE = ("high", "medium", "low")
_PLACEHOLDER = {"merits": "{article}", "unclassified": "{heading}"}
_HEADING_NUMBER = re.compile(r"^\s*(?:[IVXL]{1,6}|[A-Ha-h]|\d{1,2}(?:\.\d{1,2})*)[.)]\s+")
_WORM = "Worm v. Austria, no. 22714/93, 29 August 1997"


@attrs.frozen(kw_only=True)
class BankEntry:
    """One default argument of the bank.

    Attributes:
        kind: The section kind it answers (one of :data:`BANK_KINDS`).
        heading_en: The reply's heading in English, without a letter.
        heading_fr: The same in French.
        text_en: The default argument in English.
        text_fr: The same in French.
        sources: The case law and provisions relied on, as cited in English.
        confidence: ``"high"``, ``"medium"`` or ``"low"``.
        review: Always ``"required"``.
        sources_fr: The same, one for one, as the Court cites them in French
            (``"Airey c. Irlande, no 6289/73, 9 octobre 1979"``); empty where the
            bank gives no French forms (the UN banks for now).
    """

    kind: str
    heading_en: str
    heading_fr: str
    text_en: str
    text_fr: str
    sources: tuple[str, ...]
    confidence: str
    review: str = "required"
    sources_fr: tuple[str, ...] = ()

    def cited(self, locale: str) -> tuple[str, ...]:
        """The sources as a draft in ``locale`` cites them: ``sources_fr`` in French.

        Examples:
            >>> argument_bank()["merits"].cited("fr")
            ('Airey c. Irlande, no 6289/73, 9 octobre 1979',)
            >>> argument_bank()["merits"].cited("en")
            ('Airey v. Ireland, no. 6289/73, 9 October 1979',)
        """
        return self.sources_fr if locale == "fr" and self.sources_fr else self.sources

    def text(self, locale: str, voice: Voice | None = None) -> str:
        """The argument in ``locale`` (``"en"`` or ``"fr"``), in ``voice`` if given.

        Examples:
            >>> from litigate.drafts.voice import Voice
            >>> argument_bank()["merits"].text("en", Voice("female"))[:35]
            'The applicant maintains the complai'
            >>> argument_bank()["merits"].text("fr", Voice("plural"))[:40]
            'Les requérants maintiennent leur grief. '
        """
        text = self.text_fr if locale == "fr" else self.text_en
        return voice.fill(text, locale) if voice is not None else text

    def heading(self, locale: str, *, article: str | None = None, heading: str = "") -> str:
        """The heading in ``locale``, with the article or the Government's heading filled in.

        Examples:
            >>> argument_bank()["merits"].heading("en", article="P1-1")
            'Alleged violation of Article 1 of Protocol No. 1'
            >>> argument_bank()["merits"].heading("fr", article="3")
            "Sur la violation alléguée de l'article 3 de la Convention"
        """
        text = self.heading_fr if locale == "fr" else self.heading_en
        if "{article_no}" in text:  # UN banks: "article 19 (2)", the instrument in the heading
            bare = re.sub(r"§\s*(\d+)", r"(\1)", article) if article else None
            named = (
                l10n.pgettext(locale, "reply heading", "article %(article)s") % {"article": bare}
                if bare
                else l10n.pgettext(locale, "reply heading", "the provisions invoked")
            )
            text = text.replace("{article_no}", named)
        return text.replace("{article}", _article_name(article, locale)).replace(
            "{heading}", heading
        )


def _article_name(article: str | None, locale: str) -> str:
    match = re.fullmatch(r"P(\d+)-(\d+)", article or "")
    context = "article in a reply"
    if match:
        return l10n.pgettext(
            locale, context, "Article %(article)s of Protocol No. %(protocol)s"
        ) % {
            "article": match.group(2),
            "protocol": match.group(1),
        }
    if article:
        return l10n.pgettext(locale, context, "Article %(article)s of the Convention") % {
            "article": article
        }
    return l10n.pgettext(locale, context, "the Convention")


def load_argument_bank(
    data: Mapping[str, Any],
    *,
    path: str = "<data>",
    placeholders: Mapping[str, str] | None = None,
    french_sources: bool = True,
) -> Mapping[str, BankEntry]:
    """Check and load an argument bank from a parsed TOML mapping (as in ``arguments.toml``).

    Args:
        data: The parsed TOML document.
        path: Where it came from, for error messages.
        placeholders: Kind → the placeholder its headings must contain (default: the
            European Court's, ``{article}`` for the merits; the UN banks use ``{article_no}``).
        french_sources: Whether every entry with ``sources`` must give ``sources_fr``,
            the same number of citations in French (a ``sources_fr`` given is always
            checked against ``sources``).

    Returns:
        Kind → entry, one for every kind in :data:`BANK_KINDS`.

    Raises:
        RuleDataError: Every problem found, at once (unknown or missing keys, unknown
            or missing kinds, empty texts or sources, ``sources_fr`` missing or not one
            for one with ``sources``, a review other than ``"required"``).

    Examples:
        >>> bank = load_argument_bank({"version": 1, "argument": []})
        Traceback (most recent call last):
        ...
        litigate.errors.RuleDataError: invalid data file <data>:
          argument must be a non-empty array of tables @ $.argument
          ...
    """
    errors: list[str] = [f"unknown key {key!r} @ $" for key in sorted(set(data) - _TOP_KEYS)]
    if data.get("version") != 1:
        errors.append(f"version must be 1, not {data.get('version')!r} @ $.version")
    raw_entries = data.get("argument", [])
    if not isinstance(raw_entries, list) or not raw_entries:
        errors.append("argument must be a non-empty array of tables @ $.argument")
        raw_entries = []
    entries: dict[str, BankEntry] = {}
    for number, raw in enumerate(raw_entries):
        where = f"$.argument[{number}]"
        if not isinstance(raw, dict):
            errors.append(f"must be a table @ {where}")
            continue
        errors.extend(
            f"unknown key {key!r} @ {where}"
            for key in sorted(set(raw) - {*_ENTRY_KEYS, *_OPTIONAL_KEYS})
        )
        errors.extend(f"missing key {key!r} @ {where}" for key in _ENTRY_KEYS if key not in raw)
        kind = raw.get("kind")
        if kind not in BANK_KINDS:
            errors.append(f"unknown kind {kind!r} @ {where}.kind")
        elif kind in entries:
            errors.append(f"duplicate kind {kind!r} @ {where}.kind")
        texts: dict[str, str] = {}
        for key in ("heading_en", "heading_fr", "text_en", "text_fr"):
            value = raw.get(key, "")
            if not isinstance(value, str) or not value.strip():
                if key in raw:
                    errors.append(f"must be a non-empty string @ {where}.{key}")
                value = ""
            texts[key] = value
        for key in ("text_en", "text_fr"):
            errors.extend(
                f"unknown placeholder {{{name}}} @ {where}.{key}"
                for name in re.findall(r"\{(\w+)\}", texts[key])
                if name not in _voice.PLACEHOLDERS
            )
        placeholder = (_PLACEHOLDER if placeholders is None else placeholders).get(str(kind))
        for key in ("heading_en", "heading_fr"):
            if texts[key] and placeholder and placeholder not in texts[key]:
                errors.append(f"must contain {placeholder} @ {where}.{key}")
        sources = raw.get("sources", [])
        if not isinstance(sources, list) or not sources:
            sources = []
            if "sources" in raw:
                errors.append(f"must be a non-empty list of strings @ {where}.sources")
        elif not all(isinstance(s, str) and s.strip() for s in sources):
            errors.append(f"must be a non-empty list of strings @ {where}.sources")
        sources_fr = raw.get("sources_fr", [])
        if not isinstance(sources_fr, list) or not all(
            isinstance(s, str) and s.strip() for s in sources_fr
        ):
            errors.append(f"must be a list of non-empty strings @ {where}.sources_fr")
            sources_fr = []
        elif "sources_fr" in raw and len(sources_fr) != len(sources):
            errors.append(
                f"must give {len(sources)} citations, one for each of sources, "
                f"not {len(sources_fr)} @ {where}.sources_fr"
            )
        elif french_sources and sources and "sources_fr" not in raw:
            errors.append(f"missing key 'sources_fr' (the sources in French) @ {where}")
        confidence = raw.get("confidence")
        if "confidence" in raw and confidence not in _CONFIDENCE:
            errors.append(f"confidence must be one of {_CONFIDENCE}, not {confidence!r} @ {where}")
        if "review" in raw and raw.get("review") != "required":
            errors.append(f"review must be 'required', not {raw.get('review')!r} @ {where}")
        if kind in BANK_KINDS and kind not in entries:
            entries[str(kind)] = BankEntry(
                kind=str(kind),
                heading_en=texts["heading_en"],
                heading_fr=texts["heading_fr"],
                text_en=texts["text_en"],
                text_fr=texts["text_fr"],
                sources=tuple(str(s) for s in sources),
                sources_fr=tuple(str(s) for s in sources_fr),
                confidence=str(confidence),
            )
    errors.extend(
        f"no entry for kind {kind!r} @ $.argument" for kind in BANK_KINDS if kind not in entries
    )
    if errors:
        raise RuleDataError(errors, path=path)
    return entries


@functools.cache
def argument_bank() -> Mapping[str, BankEntry]:
    """The packaged argument bank: kind → entry.

    Raises:
        RuleDataError: The packaged file is invalid.

    Examples:
        >>> sorted(argument_bank()) == sorted(BANK_KINDS)
        True
        >>> argument_bank()["non_exhaustion"].sources[0]
        'Akdivar and Others v. Turkey [GC], no. 21893/93, 16 September 1996'
    """
    data = packaged_toml("drafts", "data", "arguments.toml")
    return load_argument_bank(data, path=_DATA)


@attrs.frozen(kw_only=True)
class ReplySection:
    """One section of the reply: the answer to one part of the Government's observations.

    Attributes:
        kind: The section kind answered (one of :data:`BANK_KINDS`).
        article: For ``"merits"``, the Convention article (``"3"``, ``"P1-1"``).
        heading: The reply's heading in the reply's locale (``"A. Non-exhaustion…"``).
        answers: The Government's paragraph numbers answered (``(13, 14, …)``).
        opening: The opening sentence citing those paragraphs.
        argument: The argument: the bank's default text, a computed one, or the lawyer's.
        from_bank: Whether ``argument`` is still the bank's default text.
        needs_review: Whether the lawyer must review the section (the template prints
            :data:`REVIEW_MARKER`).
        sources: The case law and provisions relied on.
        government_heading: The Government's heading answered, if any.
    """

    kind: str
    article: str | None = None
    heading: str
    answers: tuple[int, ...] = ()
    opening: str
    argument: str
    from_bank: bool
    needs_review: bool
    sources: tuple[str, ...] = ()
    government_heading: str | None = None

    @property
    def key(self) -> str:
        """``"objection:<kind>"``, ``"article:<article>"``, or the kind.

        Examples:
            >>> ReplySection(kind="time_limit", heading="B.", opening="", argument="",
            ...              from_bank=True, needs_review=True).key
            'objection:time_limit'
        """
        if self.kind in ADMISSIBILITY_KINDS:
            return f"objection:{self.kind}"
        if self.kind == "merits" and self.article:
            return f"article:{self.article}"
        return self.kind


@attrs.frozen(kw_only=True)
class Reply:
    """The skeleton of a reply to the Government's observations.

    Attributes:
        sections: The sections, in the Government's order.
        warnings: What the lawyer must check before relying on the draft.
        locale: ``"en"`` or ``"fr"``.
        review_notes: Notes to the lawyer, kept apart from the text to be filed: each
            factual disagreement with the Government (with their paragraph number) and
            each objection the engine cannot answer for the applicant.  Rendering refuses
            them unless ``with_review_notes=True``; :meth:`without_review_notes` removes them.
        voice: How the applicant is named (one of :data:`litigate.drafts.voice.VOICES`),
            from the case's applicants; :attr:`applicant` gives the forms.
        role: ``"applicant"`` (European Court), or how a UN Committee names the party
            (``"author"``, ``"complainant"``, ``"petitioner"``: :data:`litigate.drafts.voice.ROLES`).
    """

    sections: tuple[ReplySection, ...]
    warnings: tuple[str, ...] = ()
    locale: str = "en"
    review_notes: tuple[str, ...] = ()
    voice: str = "unknown"
    role: str = "applicant"

    @property
    def applicant(self) -> Mapping[str, str]:
        """The forms that name the parties who reply: placeholder → text (:mod:`litigate.drafts.voice`).

        Examples:
            >>> Reply(sections=(), locale="fr", voice="female").applicant["Le_requerant"]
            'La requérante'
        """
        return Voice(self.voice, self.role).forms(self.locale)

    def without_review_notes(self) -> Reply:
        """The reply without its review notes: what is filed once the lawyer has read them.

        Examples:
            >>> Reply(sections=(), review_notes=("§ 20: check.",)).without_review_notes().review_notes
            ()
        """
        return attrs.evolve(self, review_notes=())

    def __repr__(self) -> str:
        # Short: the arguments (long texts) are not repeated.
        review = sum(s.needs_review for s in self.sections)
        keys = [s.key for s in self.sections[:8]]
        if len(self.sections) > len(keys):
            keys.append("...")
        return (
            f"Reply(locale={self.locale!r}, sections={len(self.sections)} {keys!r}, "
            f"needs_review={review}, warnings={len(self.warnings)}, "
            f"review_notes={len(self.review_notes)})"
        )

    def _repr_html_(self) -> str | None:
        """The sections as HTML for Jupyter: what each answers and which need review."""
        return _display_hooks.html(self)

    def unanswered(self) -> tuple[ReplySection, ...]:
        """The sections that still hold only the bank's default text."""
        return tuple(s for s in self.sections if s.from_bank)

    def index_of(self, section: int | str | ReplySection) -> int:
        """The position of a section given by index, key (``"objection:time_limit"``) or itself.

        Raises:
            KeyError: No such section, or a key that several sections share.
        """
        if isinstance(section, ReplySection):
            for position, candidate in enumerate(self.sections):
                if candidate == section:
                    return position
            msg = f"the section {section.key!r} given is not in this reply"
            raise KeyError(msg)
        if isinstance(section, int):
            if -len(self.sections) <= section < len(self.sections):
                return section % len(self.sections)
            msg = f"no section {section}; the reply has {len(self.sections)}"
            raise KeyError(msg)
        found = [n for n, s in enumerate(self.sections) if s.key == section]
        if len(found) == 1:
            return found[0]
        keys = ", ".join(s.key for s in self.sections)
        if found:
            msg = f"{len(found)} sections have the key {section!r} (at {found}): give an index"
        else:
            msg = f"no section {section!r}; sections: {keys}"
        raise KeyError(msg)

    def with_argument(
        self, section: int | str | ReplySection, text: str, *, replace: bool = True
    ) -> Reply:
        r"""A new reply in which one section's argument is the lawyer's.

        Args:
            section: The section: its index, its key (``"objection:time_limit"``,
                ``"article:3"``) or the section itself.
            text: The argument.
            replace: Replace the argument (default), or append ``text`` as a new paragraph.

        Returns:
            A new reply; the section is no longer ``from_bank`` nor ``needs_review``.

        Raises:
            KeyError: No such section (or an ambiguous key).
            InputError: ``text`` is empty.

        Examples:
            >>> s = ReplySection(kind="time_limit", heading="A.", opening="In reply…",
            ...                  argument="Bank.", from_bank=True, needs_review=True)
            >>> reply = Reply(sections=(s,))
            >>> new = reply.with_argument("objection:time_limit", "Mine.", replace=False)
            >>> new.sections[0].argument, new.sections[0].from_bank, reply.sections[0].argument
            ('Bank.\n\nMine.', False, 'Bank.')
            >>> reply.with_argument("article:3", "Mine.")
            Traceback (most recent call last):
            ...
            KeyError: "no section 'article:3'; sections: objection:time_limit"
        """
        if not text.strip():
            msg = "with_argument: the argument is empty"
            raise InputError(msg, field="text", value=text)
        position = self.index_of(section)
        old = self.sections[position]
        argument = text if replace else f"{old.argument}\n\n{text}"
        new = attrs.evolve(old, argument=argument, from_bank=False, needs_review=False)
        sections = (*self.sections[:position], new, *self.sections[position + 1 :])
        return attrs.evolve(self, sections=sections)


def _answered(observations: Observations) -> list[Section]:
    """The sections a reply answers, in order: nothing the Government raised is left out."""
    sections = observations.sections
    chosen: list[Section] = []
    for position, section in enumerate(sections):
        if section.kind in ADMISSIBILITY_KINDS or section.kind in {
            "facts",
            "just_satisfaction",
            "unclassified",
        }:
            chosen.append(section)
        elif section.kind == "merits":
            following = sections[position + 1] if position + 1 < len(sections) else None
            general = section.article is None and (
                following is not None and following.kind == "merits" and following.article
            )
            if not general:
                chosen.append(section)
    return chosen


def _numbers_of(section: Section) -> list[int]:
    first, last = _number(section.first_number), _number(section.last_number)
    if first is None:
        return []
    return list(range(first, (last if last is not None and last >= first else first) + 1))


def _plan(observations: Observations) -> list[tuple[Section, tuple[int, ...]]]:
    """Each answered section with every Government paragraph number it answers.

    A general part (the introduction, the general admissibility or merits paragraphs)
    is answered with the section that follows it; the conclusion and any other part
    not answered on its own, with the section before it.  So every paragraph number
    of the observations is cited by exactly one section of the reply.
    """
    chosen = _answered(observations)
    ids = {id(s) for s in chosen}
    answers: dict[int, list[int]] = {id(s): [] for s in chosen}
    pending: list[int] = []
    last: Section | None = None
    for section in observations.sections:
        numbers = _numbers_of(section)
        if id(section) in ids:
            answers[id(section)] = [*pending, *numbers]
            pending = []
            last = section
        elif section.kind in {"introduction", "admissibility", "merits"} or last is None:
            pending.extend(numbers)
        else:
            answers[id(last)].extend(numbers)
    if pending and last is not None:
        answers[id(last)].extend(pending)
    return [(s, tuple(sorted(set(answers[id(s)])))) for s in chosen]


def _runs(numbers: tuple[int, ...]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    for n in numbers:
        if runs and n == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], n)
        else:
            runs.append((n, n))
    return runs


_ARTICLE_DETAIL = re.compile(
    r"\barticles?\s+(?P<article>\d+)(?P<detail>\s*§§?\s*\d+(?:\s*\(?[a-z]\))?"
    r"(?:\s*(?:,|and|et)\s*(?:§\s*)?\d+(?:\s*\(?[a-z]\))?)*)",
    re.IGNORECASE,
)


def _article_detail(heading: str | None, article: str | None) -> str | None:
    """``"5 § 1"`` for "Alleged violation of Article 5 § 1", keeping the Government's paragraphs."""
    if not heading or not article or not article.isdigit():
        return article
    match = _ARTICLE_DETAIL.search(heading)
    if match is None or match.group("article") != article:
        return article
    detail = re.sub(r"\s+", " ", match.group("detail")).strip()
    return f"{article} {detail}"


def _number(text: str | None) -> int | None:
    match = re.match(r"\s*(\d+)", text or "")
    return int(match.group(1)) if match else None


def _opening(
    first: int | None,
    last: int | None,
    heading: str,
    locale: str,
    voice: Voice,
    runs: list[tuple[int, int]] | None = None,
) -> str:
    un = voice.role != "applicant"
    context = "reply opening, UN" if un else "reply opening"
    state = "the State party's" if un else "the Government's"
    if first is None:
        message = f"In reply to the part of {state} observations headed “%(heading)s”, <applicant> submit<s> as follows."
        return voice.say(locale, context, message, heading=heading)
    several = last is not None and last > first
    cited = paragraph_range(
        first, last if last is not None and last >= first else None, locale=locale
    )
    if runs is not None and len(runs) > 1:
        several = True
        run = "%(first)s–%(last)s"
        parts = [
            str(a)
            if a == b
            else l10n.pgettext(locale, "paragraph reference, run", run) % {"first": a, "last": b}
            for a, b in runs
        ]
        cited = l10n.pgettext(
            locale, "paragraph reference", "paragraphs %(first)s and %(last)s"
        ) % {"first": ", ".join(parts[:-1]), "last": parts[-1]}
    context += ", paragraphs" if several else ", one paragraph"
    message = (
        f"In reply to %(paragraphs)s of {state} observations, <applicant> submit<s> as follows."
    )
    return voice.say(locale, context, message, paragraphs=cited)


def _letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _section_dates(section: Section) -> list[dt.date]:
    found: list[dt.date] = []
    for mentions in section.dates.values():
        for mention in mentions:
            day = getattr(mention, "date", None)
            if isinstance(day, dt.date):
                found.append(day)
    return found


def _government_start(
    section: Section, decision: DomesticDecision | None, *, before: dt.date, locale: str
) -> tuple[str | None, str]:
    """The date the Government count from, if their section names a date recorded for the decision.

    Only a date of the final decision recorded in the case file (its pronouncement or
    adoption) is named, with what it is; any other date in the section is ignored.
    """
    if decision is None:
        return None, ""
    mentioned = set(_section_dates(section))
    known = (
        (decision.pronounced_on, "the delivery of the decision on "),
        (decision.taken_on, "the date of the decision, "),
    )
    for day, what in known:
        if day is not None and day < before and day in mentioned:
            return court_date(day, locale), l10n.pgettext(
                locale, "reply, the Government's start", what
            )
    return None, ""


def _court_name(
    case: Case, decision: DomesticDecision | None, locale: str, notes: list[str]
) -> str | None:
    """The court's name in the draft's language; kept as recorded, with a note, if not given."""
    if decision is None:
        return None
    name = decision.court_in(locale)
    if name is not None:
        return name
    if locale != case.language:
        notes.append(
            f"court name: “{decision.court}” is kept as recorded in the case file; give "
            f"court_{locale} for the {decision.label!r} decision to name it in this draft's language"
        )
    return decision.court


def _cited(answers: tuple[int, ...]) -> str:
    if not answers:
        return "§ ?"
    if len(answers) == 1:
        return f"§ {answers[0]}"
    return f"§§ {answers[0]}-{answers[-1]}"


def _supporting(window: ComplaintWindow, lodged: dt.date) -> Scenario | None:
    """The first scenario (safe first) under which the application was lodged in time."""
    return next((s for s in window.scenarios if lodged <= s.deadline), None)


def _rule_source(window: ComplaintWindow, rule_id: str) -> str | None:
    """The source the engine cites for the rule applied, without its web address."""
    found = next(
        (s.source for s in reversed(window.steps) if s.rule_id == rule_id and s.source), None
    )
    return re.split(r",\s*https?://", found)[0].strip() if found else None


def _scenario_sentence(
    case: Case,
    scenario: Scenario,
    window: ComplaintWindow,
    lodged: dt.date,
    *,
    government: str | None,
    what: str,
    locale: str,
    voice: Voice,
    notes: list[str],
) -> tuple[str, tuple[str, ...]]:
    """The applicant's position on one scenario: dates, rule and source."""
    six = scenario.rule_id.endswith("six_months")
    served = scenario.trigger_event.startswith("service")
    on_rep = scenario.trigger_event == "service on the representative"
    source = _rule_source(window, scenario.rule_id)
    trigger, deadline, lodged_text = (
        court_date(scenario.trigger_on, locale),
        court_date(scenario.deadline, locale),
        court_date(lodged, locale),
    )
    decision = next((p for p in case.proceedings if p.label == scenario.decision), None)
    taken = court_date(decision.taken_on, locale) if decision and decision.taken_on else None
    court = _court_name(case, decision, locale, notes)
    if court and taken:
        taken = f"{court}, {taken}"
    say = functools.partial(l10n.pgettext, locale, "reply")
    period = l10n.pgettext(locale, "reply, period", "six-month" if six else "four-month")
    parts: list[str] = []
    if government is not None:
        parts.append(
            say("The Government count the time limit from %(what)s%(date)s.")
            % {"what": what, "date": government}
        )
    however = l10n.pgettext(locale, "reply, however", " however") if government is not None else ""
    worm = l10n.pgettext(locale, "case-law citation", _WORM)
    if served:
        whom = voice.say(
            locale, "served on", "<applicant_s> representative" if on_rep else "<applicant>"
        )
        parts.append(
            say(
                "The final decision%(adopted)s was%(however)s served on %(whom)s on %(trigger)s; "
                "where domestic law requires the written decision to be served, time runs from "
                "service (%(worm)s);"
            )
            % {
                "adopted": f" ({taken})" if taken else "",
                "however": however,
                "whom": whom,
                "trigger": trigger,
                "worm": worm,
            }
        )
    else:
        event = l10n.pgettext(locale, "reply, start event", scenario.trigger_event)
        parts.append(
            say("Time%(however)s ran from the %(event)s of the final decision on %(trigger)s;")
            % {"however": however, "event": event, "trigger": trigger}
        )
    parts.append(
        say(
            "the %(period)s period therefore expired on %(deadline)s, and the application, "
            "lodged on %(lodged)s, was in time."
        )
        % {"period": period, "deadline": deadline, "lodged": lodged_text}
    )
    sources = tuple(s for s in ((worm,) if served else ()) + ((source,) if source else ()))
    return " ".join(parts), sources


def _time_limit_argument(
    case: Case,
    section: Section,
    answers: tuple[int, ...],
    *,
    as_of: dt.date,
    locale: str,
    voice: Voice,
    rules: RuleSet | None = None,
) -> tuple[str | None, tuple[str, ...], list[str], list[str], bool]:
    """The time limit from the engine's scenarios.

    Returns (text or None, sources, warnings, review notes, review).  The text argues
    only scenarios under which the application was lodged in time; a complaint no
    scenario supports is left to the lawyer in a review note.
    """
    where = _cited(answers)
    lodged = case.lodged_on
    if lodged is None:
        return (
            None,
            (),
            ["time limit: the case has no lodged_on date; the bank text is kept"],
            [
                f"{where} (time limit): the case file records no lodging date; the engine cannot answer the objection."
            ],
            True,
        )
    window = filing_window(case, as_of=as_of, rules=rules)
    notes: list[str] = []
    texts: list[str] = []
    sources: list[str] = []
    review = False
    continuing = [w for w in window.complaints if w.status is WindowStatus.CONTINUING]
    for w in continuing:
        source = next((n.source for n in w.warnings if n.code == "continuing" and n.source), None)
        texts.append(
            l10n.pgettext(
                locale,
                "reply",
                "The complaint under %(provision)s concerns a continuing situation which had not "
                "ended when the application was lodged on %(lodged)s: no time limit runs while it "
                "lasts.",
            )
            % {"provision": w.complaint.provision, "lodged": court_date(lodged, locale)}
        )
        if source:
            sources.append(source)
        review = True
        notes.append(
            f"{where} (time limit): the argument on {w.complaint.provision} relies on the engine's "
            "continuing-situation reading; check that the situation had not ended before lodging."
        )
    timed = [w for w in window.complaints if w.deadline is not None and w.scenarios]
    if not timed and not texts:
        return (
            None,
            (),
            ["time limit: the engine computes no deadline for this case; the bank text is kept"],
            [
                f"{where} (time limit): the engine computes no deadline; answer the objection from the file."
            ],
            True,
        )
    decision_of: dict[tuple[dt.date, dt.date], list[tuple[ComplaintWindow, Scenario]]] = {}
    for w in timed:
        chosen = _supporting(w, lodged)
        safe = w.scenarios[0]
        if chosen is None:
            latest = max(w.scenarios, key=lambda s: s.deadline)
            notes.append(
                f"{where} (time limit): no scenario of the engine supports the applicant on "
                f"{w.complaint.provision}: lodged on {court_date(lodged)}, the latest deadline the "
                f"engine finds is {court_date(latest.deadline)} ({latest.trigger_event}, "
                f"{court_date(latest.trigger_on)}). No argument is written; review the objection."
            )
            review = True
            continue
        decision_of.setdefault((chosen.trigger_on, chosen.deadline), []).append((w, chosen))
    for group in decision_of.values():
        w, chosen = group[0]
        safe = w.scenarios[0]
        if chosen.name != "safe":
            review = True
            notes.append(
                f"{where} (time limit): the argument on "
                f"{', '.join(x.complaint.provision for x, _ in group)} relies on the "
                f"engine's arguable scenario ({chosen.trigger_event} on "
                f"{court_date(chosen.trigger_on)}, period ending {court_date(chosen.deadline)}); on "
                f"the safe scenario ({safe.trigger_event} on {court_date(safe.trigger_on)}, period "
                f"ending {court_date(safe.deadline)}) the application, lodged on "
                f"{court_date(lodged)}, is out of time. Establish that domestic law requires service "
                "(service_required in the case file) and produce the proof of service."
            )
        decision = next((p for p in case.proceedings if p.label == chosen.decision), None)
        government, what = _government_start(
            section, decision, before=chosen.trigger_on, locale=locale
        )
        text, found = _scenario_sentence(
            case,
            chosen,
            w,
            lodged,
            government=government,
            what=what,
            locale=locale,
            voice=voice,
            notes=notes,
        )
        if len(decision_of) > 1:
            provisions = ", ".join(x.complaint.provision for x, _ in group)
            text = (
                l10n.pgettext(locale, "reply", "As to %(provisions)s: ")
                % {"provisions": provisions}
                + text
            )
        texts.append(text)
        sources.extend(found)
    warnings: list[str] = []
    engine_notes = dict.fromkeys(n.message for n in window.all_warnings)
    if engine_notes:
        review = True
        warnings.extend(f"time limit (engine): {message}" for message in engine_notes)
    if not texts:
        return None, (), warnings, notes, True
    return "\n".join(texts), tuple(dict.fromkeys(sources)), warnings, notes, review


def _exhaustion_facts(case: Case, *, locale: str, voice: Voice, notes: list[str]) -> str | None:
    """The ordinary remedies used, from the case file: the courts and the dates of their decisions."""
    used = [
        p
        for p in case.proceedings
        if p.remedy.value == "ordinary"
        and p.taken_on is not None
        and p.level.value != "investigation"
    ]
    if not used:
        return None
    listed = ", ".join(
        f"{_court_name(case, p, locale, notes)} ({court_date(p.taken_on, locale)})"
        for p in used
        if p.taken_on is not None
    )
    return voice.say(
        locale,
        "reply",
        "<Applicant> raised the complaints before the domestic courts up to the final decision: "
        "%(decisions)s.",
        decisions=listed,
    )


def _temporis_argument(
    case: Case,
    answers: tuple[int, ...],
    *,
    locale: str,
    un: bool = False,
    rules: RuleSet | None = None,
) -> tuple[str | None, tuple[str, ...], list[str]]:
    """Ratione temporis from the acceptance data: (text or None, sources, review notes).

    The text is written only when every complaint's facts (or a continuing situation)
    fall after the date from which the Convention applies to every respondent State.
    """
    where = _cited(answers)
    dates = [c.events_from for c in case.complaints if c.events_from is not None]
    if not dates or len(dates) < len(case.complaints):
        return (
            None,
            (),
            [
                f"{where} (ratione temporis): a complaint has no events_from date; the engine cannot answer the objection."
            ],
        )
    earliest = min(dates)
    texts: list[str] = []
    sources: list[str] = []
    notes: list[str] = []
    for state in case.respondent:
        acc = acceptance(state, case.forum, rules=rules)
        start = acc.temporal_from or acc.in_force_from
        if start is None:
            return (
                None,
                (),
                [
                    f"{where} (ratione temporis): no acceptance date is known for {state}; answer the objection from the file."
                ],
            )
        late = [
            c
            for c in case.complaints
            if c.events_from is not None and c.events_from < start and not c.continuing
        ]
        if late:
            listed = ", ".join(c.provision for c in late)
            return (
                None,
                (),
                [
                    (
                        f"{where} (ratione temporis): the facts of {listed} predate {court_date(start)}, the "
                        f"date from which {acc.instrument} applies to {state}; the engine cannot argue compatibility "
                        "(consider a continuing situation or the detachable procedural obligation)."
                    )
                ],
            )
        name = court_date(start, locale)
        first = court_date(earliest, locale)
        began = (
            "The facts complained of began on %(first)s, after %(start)s, the date on which the "
            "procedure took effect for the State party."
            if un
            else "The facts complained of began on %(first)s, after %(start)s, the date from "
            "which the Convention applies to the respondent State."
        )
        texts.append(l10n.pgettext(locale, "reply", began) % {"first": first, "start": name})
        sources.extend(re.split(r",\s*https?://", s)[0].strip() for s in acc.sources[:1])
        confidence = getattr(acc.confidence, "value", acc.confidence)
        if confidence != "high":
            notes.append(
                f"{where} (ratione temporis): the date {court_date(start)} for {state} comes from "
                f"data of {confidence} confidence ({'; '.join(acc.sources[:1]) or 'no source'}); "
                f"check it against {'the UN Treaty Collection' if un else 'the Council of Europe Treaty Office'} before filing."
            )
    return " ".join(dict.fromkeys(texts)), tuple(dict.fromkeys(sources)), notes


_ROLES = (
    ("final", ("final decision", "decision definitive", "décision définitive")),
    ("service", ("served", "service", "notified", "notification", "signifi", "notifi")),
    ("delivery", ("deliver", "pronounc", "prononc", "rendu", "adopted", "dismissed", "upheld")),
    ("expiry", ("expired", "expire", "expir")),
    (
        "lodging",
        (
            "lodged",
            "introduite",
            "introduced",
            "submitted the application",
            "submitted the communication",
            "submitted the complaint",
            "présenté la communication",
        ),
    ),
)
_CLAUSE = re.compile(r"[;.!?]\s|,\s(?:and|et)\s")
_APPLICATION_NO = re.compile(r"\b(?:no|n°|no\.)\s*(\d{1,6}/\d{2})\b", re.IGNORECASE)


def _role(text: str, start: int, end: int) -> str | None:
    """What a date stands for, from the nearest keyword in its clause."""
    left = max((m.end() for m in _CLAUSE.finditer(text, 0, start)), default=0)
    right = next((m.start() for m in _CLAUSE.finditer(text, end)), len(text))
    clause = text[left:right].casefold()
    best: tuple[int, str] | None = None
    for role, words in _ROLES:
        for word in words:
            for found in re.finditer(re.escape(word), clause):
                distance = min(
                    abs(found.start() - (start - left)), abs(found.start() - (end - left))
                )
                if best is None or distance < best[0]:
                    best = (distance, role)
    return best[1] if best else None


def _service_record(case: Case) -> list[str]:
    out: list[str] = []
    for decision in case.proceedings:
        if decision.served_on_representative is not None:
            out.append(
                f"service on the representative on {court_date(decision.served_on_representative)}"
            )
        if decision.served_on is not None:
            out.append(f"service on the applicant on {court_date(decision.served_on)}")
    return out


def fact_check(
    case: Case, observations: Observations, *, as_of: dt.date, rules: RuleSet | None = None
) -> tuple[str, ...]:
    """The Government's dates and numbers that the case file or the engine contradict.

    Each disagreement names the Government's paragraph: ``"§ 20: the Government give
    12 September 2023 as the date of service; the case file records service on the
    representative on 9 October 2023"``.  Dates of service, delivery, lodging and the
    expiry of the time limit are compared with the case file and the engine's
    scenarios; application numbers with the case's.

    Examples:
        >>> import io, docx
        >>> from litigate.model import Case, DomesticDecision, Redress, country
        >>> from litigate.parse.observations import read_observations
        >>> d = docx.Document()
        >>> _ = d.add_heading("The time limit", level=1)
        >>> _ = d.add_paragraph("20. The decision was served on 12 September 2023.")
        >>> buf = io.BytesIO(); d.save(buf)
        >>> case = Case(forum="ecthr", respondent="AZE", proceedings=[DomesticDecision(
        ...     court="Supreme Court", level="cassation", taken_on=dt.date(2023, 9, 12),
        ...     served_on_representative=dt.date(2023, 10, 9))])
        >>> fact_check(case, read_observations(buf.getvalue()), as_of=dt.date(2024, 3, 1))
        ('§ 20: the Government give 12 September 2023 as the date of service; the case file records service on the representative on 9 October 2023',)
    """
    notes: list[str] = []
    service = {
        d
        for p in case.proceedings
        for d in (p.served_on, p.served_on_representative)
        if d is not None
    }
    delivered = {
        d for p in case.proceedings for d in (p.pronounced_on, p.taken_on, p.known_on) if d
    }
    deadlines: set[dt.date] = set()
    finals: list[tuple[dt.date, str]] = []
    if case.proceedings:
        try:
            window = filing_window(case, as_of=as_of, rules=rules)
        except LitigateError:  # no complaint, or facts the engine cannot use
            window = None
        if window is not None:
            deadlines = {s.deadline for w in window.complaints for s in w.scenarios}
            labels = {s.decision for w in window.complaints for s in w.scenarios}
            finals = sorted(
                {
                    (p.taken_on, p.court)
                    for p in case.proceedings
                    if p.label in labels and p.taken_on is not None
                }
            )
    for index, paragraph in enumerate(observations.paragraphs):
        number = _number(observations.number_of(paragraph))
        if number is None or paragraph.heading_level is not None:
            continue
        text = paragraph.text
        section = observations.section_of(index)
        for mention in section.dates.get(index, ()):
            day = getattr(mention, "date", None)
            if not isinstance(day, dt.date):
                continue
            role = _role(text, mention.start, mention.end)
            given = court_date(day)
            if role == "final" and finals and day not in {d for d, _ in finals}:
                recorded = " and ".join(f"{court_date(d)} ({court})" for d, court in finals)
                notes.append(
                    f"§ {number}: the Government give {given} as the date of the final "
                    f"decision; the case file records the final decision of {recorded}"
                )
            elif role == "service" and service and day not in service:
                notes.append(
                    f"§ {number}: the Government give {given} as the date of service; the case "
                    f"file records {' and '.join(_service_record(case))}"
                )
            elif role == "delivery" and delivered and day not in delivered | service:
                notes.append(
                    f"§ {number}: the Government give {given} as the date of a decision; the "
                    f"case file records no decision delivered or taken on that date"
                )
            elif role == "lodging" and case.lodged_on is not None and day != case.lodged_on:
                notes.append(
                    f"§ {number}: the Government give {given} as the date the application was "
                    f"lodged; the case file records {court_date(case.lodged_on)}"
                )
            elif role == "expiry" and deadlines and day not in deadlines:
                computed = " or ".join(court_date(d) for d in sorted(deadlines))
                notes.append(
                    f"§ {number}: the Government give {given} as the expiry of the time limit; "
                    f"the engine computes {computed} from the case file"
                )
        if case.application_no:
            for found in _APPLICATION_NO.finditer(text):
                if found.group(1) != case.application_no:
                    notes.append(
                        f"§ {number}: the Government give application no. {found.group(1)}; "
                        f"the case file records no. {case.application_no}"
                    )
    return tuple(dict.fromkeys(notes))


@checked(
    case=optional(CASE),
    observations=OBSERVATIONS,
    as_of=DATE,
    locale=LOCALE,
    rules=optional(RULES),
)
def reply_skeleton(
    case: Case | None,
    observations: Observations,
    *,
    as_of: dt.date,
    locale: str = "en",
    rules: RuleSet | None = None,
) -> Reply:
    """The skeleton of a reply: one section per part of the observations that raises something.

    Every admissibility objection, the merits of every article, just satisfaction and
    every unclassified part are answered, in the Government's order (a general merits
    part followed by per-article parts is not answered separately).  Each section
    holds the bank's default argument, marked for review, except the time limit when
    the engine finds every complaint lodged in time: then the argument gives the dates.
    For a UN case (HRC, CAT, CERD, CEDAW, CRPD, CRC, CED, CESCR) the sections are the author's comments on the State
    party's observations, from the Committee's bank and time rule
    (:mod:`litigate.drafts.un_reply`).

    Args:
        case: The case; ``None`` leaves the time limit to the bank text.
        observations: The Government's observations (see
            :func:`litigate.parse.observations.read_observations`).
        as_of: The day of the assessment (no clock is read).
        locale: ``"en"`` or ``"fr"``.
        rules: A rule set with a firm's overrides; the time limit and ratione temporis
            are argued under it, as :func:`litigate.render` states the dates with
            ``rules=``; default the packaged rules.

    Returns:
        The reply.

    Raises:
        InputError: The locale is not ``en`` or ``fr``, or the case is before a UN
            Committee that has no argument bank (the CMW).
        RuleDataError: The packaged argument bank is invalid.

    Examples:
        >>> import io, docx
        >>> d = docx.Document()
        >>> _ = d.add_heading("Non-exhaustion of domestic remedies", level=1)
        >>> _ = d.add_paragraph("13. The applicant did not appeal.")
        >>> _ = d.add_paragraph("14. He had a remedy.")
        >>> buf = io.BytesIO(); d.save(buf)
        >>> from litigate.parse.observations import read_observations
        >>> reply = reply_skeleton(None, read_observations(buf.getvalue()), as_of=dt.date(2025, 11, 1))
        >>> [(s.heading, s.answers, s.needs_review) for s in reply.sections]
        [('A. Non-exhaustion of domestic remedies', (13, 14), True)]
        >>> reply.sections[0].opening
        "In reply to paragraphs 13 and 14 of the Government's observations, the applicant submits as follows."
        >>> reply_skeleton(None, read_observations(buf.getvalue()), as_of=dt.date(2025, 11, 1), locale="az")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: reply_skeleton: locale must be one of en, fr, not 'az'
    """
    written = l10n.supported("argument bank")  # the languages the bank's texts are in
    if locale not in written:
        msg = f"reply_skeleton: locale must be one of {', '.join(written)}, not {locale!r}"
        raise InputError(msg, field="locale", value=locale)
    un = case is not None and case.forum.value != "ecthr"
    bank = un_argument_bank(case.forum.value) if un and case is not None else argument_bank()
    voice = applicant_voice(case, rules)
    warnings: list[str] = []
    review_notes: list[str] = []
    sections: list[ReplySection] = []
    for position, (section, answers) in enumerate(_plan(observations)):
        entry = bank[section.kind]
        government = _HEADING_NUMBER.sub("", section.heading or "").strip()
        article = _article_detail(section.heading, section.article)
        title = entry.heading(locale, article=article, heading=government)
        first, last = (answers[0], answers[-1]) if answers else (None, None)
        argument, sources = entry.text(locale, voice), entry.cited(locale)
        from_bank, review = True, True
        if section.kind == "time_limit" and un and case is not None:
            text, computed_sources, own_notes = un_time_limit_argument(
                case, _cited(answers), as_of=as_of, locale=locale, voice=voice, rules=rules
            )
            review_notes.extend(own_notes)
            if text is None:
                argument = l10n.pgettext(
                    locale,
                    "reply",
                    "[The reasons justifying the delay are to be given: see the review notes.]",
                )
            else:
                argument, from_bank = text, False
                review = bool(own_notes) or un_time_rule_is_qualitative(case.forum.value)
                sources = tuple(dict.fromkeys((*computed_sources, *entry.cited(locale))))
        elif section.kind == "time_limit" and case is not None:
            text, computed_sources, notes, own_notes, review_computed = _time_limit_argument(
                case, section, answers, as_of=as_of, locale=locale, voice=voice, rules=rules
            )
            warnings.extend(notes)
            review_notes.extend(own_notes)
            if text is not None:
                argument, from_bank, review = text, False, review_computed
                sources = tuple(dict.fromkeys((*computed_sources, *entry.cited(locale))))
        if section.kind == "non_exhaustion" and case is not None:
            chain = _exhaustion_facts(case, locale=locale, voice=voice, notes=review_notes)
            if chain is not None:
                argument = f"{chain} {argument}"
        if section.kind == "ratione_temporis" and case is not None:
            text, computed_sources, own_notes = _temporis_argument(
                case, answers, locale=locale, un=un, rules=rules
            )
            review_notes.extend(own_notes)
            if text is None:
                # never the bank's assertion that the facts post-date the Convention
                argument = l10n.pgettext(
                    locale,
                    "reply",
                    "[Compatibility ratione temporis to be established: see the review notes.]",
                )
            else:
                argument = f"{text} {argument}"
                sources = tuple(dict.fromkeys((*computed_sources, *entry.cited(locale))))
        if section.kind == "victim_status" and case is not None and not un:
            victim, own_notes = _victim_argument(case, answers, argument, locale=locale)
            review_notes.extend(own_notes)
            if victim is None:
                # never the argument that the applicant is still a victim against the record
                argument = l10n.pgettext(
                    locale, "reply", "[Victim status to be established: see the review notes.]"
                )
            else:
                argument, from_bank = victim, False
        if section.kind == "victim_status" and case is not None and un:
            recorded = [p for p in case.proceedings if p.redress is not None]
            if recorded:
                # the UN banks say the State neither acknowledged nor redressed the breach
                review_notes.extend(
                    f"{_cited(answers)} (victim status): the case file records redress by the "
                    f"decision of {_taken_on(p) if p.taken_on else 'an unknown date'} "
                    f"({p.court}); the bank's text, which says there was none, is not used: "
                    "answer the objection from the file."
                    for p in recorded
                )
                argument = l10n.pgettext(
                    locale, "reply", "[Victim status to be established: see the review notes.]"
                )
        if section.kind == "ratione_personae" and case is not None and not un:
            text, computed_sources, own_notes = _personae_argument(
                case, answers, locale=locale, voice=voice
            )
            review_notes.extend(own_notes)
            if text is not None:
                argument, from_bank = f"{text} {argument}", False
                sources = tuple(dict.fromkeys((*computed_sources, *entry.cited(locale))))
        if un and case is not None and locale == "fr":
            english = [s for s in sources if s not in un_french_citations(case.forum.value)]
            if english:
                review_notes.append(
                    f"{_cited(answers)} (sources): cited in English, no French version of the "
                    f"document recorded: {'; '.join(english)}"
                )
        if section.kind == "merits" and section.article is None:
            warnings.append(
                f"the merits part “{government}” names no article: check which complaint it answers"
            )
        sections.append(
            ReplySection(
                kind=section.kind,
                article=section.article,
                heading=f"{_letter(position)}. {title}",
                answers=answers,
                opening=_opening(first, last, government, locale, voice, _runs(answers)),
                argument=argument,
                from_bank=from_bank,
                needs_review=review,
                sources=sources,
                government_heading=section.heading,
            )
        )
    if case is not None:
        checked = fact_check(case, observations, as_of=as_of, rules=rules)
        if un:
            checked = tuple(
                n.replace("the Government give", "the State party gives").replace(
                    "the date the application was lodged",
                    "the date the communication was submitted",
                )
                for n in checked
            )
        review_notes.extend(checked)
    return Reply(
        sections=tuple(sections),
        warnings=tuple(warnings),
        locale=locale,
        review_notes=tuple(dict.fromkeys(review_notes)),
        voice=voice.name,
        role=voice.role,
    )


def _provision_name(provision: str, locale: str) -> str:
    """``"Article 5 § 1"`` for ``"ECHR-5-1"`` (the Convention's article named as the Court does)."""
    match = re.fullmatch(r"ECHR-(?:(P\d+)-)?(\d+)(?:-(\d+))?(?:-([a-z]))?", provision)
    if match is None:
        return provision
    protocol, article, paragraph, letter = match.groups()
    detail = (
        article + (f" § {paragraph}" if paragraph else "") + (f" ({letter})" if letter else "")
    )
    if protocol:
        return _article_name(f"{protocol}-{article}", locale)
    return (
        _article_name(detail, locale)
        .replace(" of the Convention", "")
        .replace(" de la Convention", "")
    )


def _conclusion_dropped(text: str) -> str:
    """The bank's argument without its last sentence (the conclusion the engine writes itself)."""
    body, _, _ = text.rstrip().rpartition(". ")
    return f"{body}." if body else text


def _taken_on(decision: DomesticDecision) -> str:
    """The date of a decision the caller kept because it is dated, as the Court writes it."""
    return court_date(decision.taken_on) if decision.taken_on is not None else "(undated)"


def _victim_argument(
    case: Case,
    answers: tuple[int, ...],
    bank_text: str,
    *,
    locale: str,
) -> tuple[str | None, list[str]]:
    """Victim status from the redress recorded in the case file: (text or None, review notes).

    The authorities must both acknowledge the breach and afford adequate redress; the
    text states what each decision of the case file did.  Where a decision both
    acknowledged the breach and afforded redress recorded as adequate, no argument is
    written (``None``): the engine cannot help, and the review note says why.
    """
    where = _cited(answers)
    say = functools.partial(l10n.pgettext, locale, "reply")
    law = _conclusion_dropped(bank_text)
    decided = [p for p in case.proceedings if p.taken_on is not None]
    records = [
        (p, p.redress)
        for p in decided
        if p.redress is not None
        and (p.redress.acknowledged is not None or p.redress.compensation is not None)
    ]
    notes: list[str] = []
    if not decided:
        notes.append(
            f"{where} (victim status): the case file records no domestic decision; the engine "
            "cannot say what the authorities acknowledged or redressed."
        )
        return None, notes
    if not records:
        listed = _decisions_listed(case, decided, locale, notes)
        notes.append(
            f"{where} (victim status): the argument that no authority acknowledged or redressed "
            "the breach relies on the case file recording no redress (proceedings.redress); check "
            "it against the Government's submissions before filing."
        )
        tail = say(
            "Neither condition is met in the present case: none of the domestic decisions "
            "(%(decisions)s) acknowledged the breach of the Convention or afforded redress for it."
        ) % {"decisions": listed}
        return f"{law} {tail}", notes
    lost = [(p, r) for p, r in records if r.acknowledged is not None and r.adequate is True]
    if lost:
        for p, r in lost:
            covered = ", ".join(r.provisions) if r.provisions else "every complaint"
            award = f" and awarded {_money(r, 'en')}" if r.compensation is not None else ""
            notes.append(
                f"{where} (victim status): the case file records that the decision of "
                f"{_taken_on(p)} ({p.court}) acknowledged that {r.acknowledged}"
                f"{award}, redress recorded as adequate (redress.adequate) for {covered}: on "
                "Scordino v. Italy (no. 1) [GC] and Gäfgen v. Germany [GC] the applicant may no "
                "longer be a victim. No argument is written; review the objection."
            )
        return None, notes
    parts: list[str] = []
    for p, r in records:
        court = _court_name(case, p, locale, notes)
        day = court_date(p.taken_on, locale) if p.taken_on else ""
        concern = ""
        if r.provisions:
            names = ", ".join(_provision_name(x, locale) for x in r.provisions)
            concern = say("As to the complaint under %(provisions)s, ") % {"provisions": names}
        money = _money(r, locale) if r.compensation is not None else None
        values = {"date": day, "court": court, "acknowledged": r.acknowledged, "money": money}
        if r.acknowledged is not None and money is None:
            sentence = (
                say(
                    "by a decision of %(date)s (%(court)s), the authorities acknowledged that "
                    "%(acknowledged)s, but afforded no redress for it: no compensation was awarded, "
                    "and the second condition is not met."
                )
                % values
            )
        elif r.acknowledged is None and money is not None:
            sentence = (
                say(
                    "by a decision of %(date)s (%(court)s), the authorities awarded %(money)s without "
                    "acknowledging, expressly or in substance, the breach of the Convention: the first "
                    "condition is not met."
                )
                % values
            )
            notes.append(
                f"{where} (victim status): the argument that the decision of {_taken_on(p)} ({p.court}) "
                "did not acknowledge the breach relies on the case file recording no "
                "acknowledgement (redress.acknowledged); an acknowledgement in substance suffices: "
                "check the decision's reasons."
            )
        else:
            paid = (
                say(", paid on %(date)s") % {"date": court_date(r.paid_on, locale)}
                if r.paid_on
                else ""
            )
            if r.adequate is False:
                end = say(
                    "That redress is neither appropriate nor sufficient: the second condition is "
                    "not met."
                )
                notes.append(
                    f"{where} (victim status): give the comparison with the Court's awards in "
                    f"similar cases that shows the {_money(r, 'en')} awarded on {_taken_on(p)} ({p.court}) to be insufficient."
                )
            else:
                end = say(
                    "[Why that redress is not appropriate and sufficient is to be shown: see the "
                    "review notes.]"
                )
                notes.append(
                    f"{where} (victim status): the decision of {_taken_on(p)} ({p.court}) acknowledged "
                    f"the breach and awarded {_money(r, 'en')}: assess it against the Court's awards in similar "
                    "cases and record redress.adequate; if the redress is adequate the applicant may "
                    "no longer be a victim, and the argument must go."
                )
            sentence = say(
                "by a decision of %(date)s (%(court)s), the authorities acknowledged that "
                "%(acknowledged)s and awarded %(money)s%(paid)s. %(conclusion)s"
            ) % {**values, "paid": paid, "conclusion": end}
        if r.compensation is not None and r.paid_on is None:
            notes.append(
                f"{where} (victim status): the case file records no payment of the {_money(r, 'en')} "
                f"awarded on {_taken_on(p)} ({p.court}); an award that is not paid is not redress: say so if it "
                "is still unpaid."
            )
        sentence = concern + sentence if concern else sentence[:1].upper() + sentence[1:]
        if r.acknowledged is not None and locale != case.language:
            notes.append(
                f"{where} (victim status): what the decision of {_taken_on(p)} "
                "acknowledged is quoted as recorded in the case file (redress.acknowledged); "
                "translate it for this draft."
            )
        parts.append(sentence)
    return f"{law} {' '.join(parts)}", notes


def _decisions_listed(
    case: Case, decided: list[DomesticDecision], locale: str, notes: list[str]
) -> str:
    """``"Baku Court of Appeal (20 June 2023), Supreme Court (12 September 2023)"``."""
    return ", ".join(
        f"{_court_name(case, p, locale, notes)} ({court_date(p.taken_on, locale)})"
        for p in decided
        if p.taken_on is not None
    )


def _money(redress: Redress, locale: str) -> str:
    if redress.compensation is None or redress.currency is None:  # pragma: no cover - validated
        return ""
    return amount(redress.compensation, redress.currency, locale=locale).replace("\u00a0", " ")


_KIND = {
    "person": "a natural person",
    "organisation": "a non-governmental organisation",
    "group": "a group of individuals",
}


def _personae_argument(
    case: Case, answers: tuple[int, ...], *, locale: str, voice: Voice
) -> tuple[str | None, tuple[str, ...], list[str]]:
    """Ratione personae from what the engine knows: (text or None, sources, review notes).

    Who the applicants are (person, organisation, group: Article 34), the domestic
    authorities whose decisions are complained of (Article 1) and the respondent
    State's acceptance of the Convention.  What the case file does not record (who
    committed the acts, a direct or indirect victim) is left to a review note.
    """
    where = _cited(answers)
    say = functools.partial(l10n.pgettext, locale, "reply")
    notes: list[str] = []
    if not case.applicants:
        notes.append(
            f"{where} (ratione personae): the case file names no applicant; the engine cannot "
            "say who claims to be a victim."
        )
        return None, (), notes
    kinds = sorted({a.kind.value for a in case.applicants})
    if len(case.applicants) == 1 and kinds[0] != "group":
        who = voice.say(
            locale,
            "reply",
            "<Applicant>, %(kind)s, claim<s> to be the victim of the violations complained of, "
            "within the meaning of Article 34 of the Convention.",
            kind=l10n.pgettext(locale, "applicant kind", _KIND[kinds[0]]),
        )
    else:
        group = l10n.pgettext(locale, "applicant kind", _KIND["group"])
        who = voice.say(
            locale,
            "reply",
            "<Applicant>%(group)s claim to be victims of the violations complained of, within "
            "the meaning of Article 34 of the Convention.",
            group=f", {group}," if kinds == ["group"] else "",
        )
    texts = [who]
    cite = functools.partial(l10n.pgettext, locale, "provision citation")
    sources = [cite("Article 34 of the Convention")]
    decided = [p for p in case.proceedings if p.taken_on is not None]
    if decided:
        listed = _decisions_listed(case, decided, locale, notes)
        texts.append(
            say(
                "The decisions complained of were taken by authorities of the respondent State "
                "(%(decisions)s), whose acts engage its responsibility under Article 1 of the "
                "Convention."
            )
            % {"decisions": listed}
        )
        sources.append(cite("Article 1 of the Convention"))
    for state in case.respondent:
        acc = acceptance(state, case.forum)
        start = acc.in_force_from
        named = country(state)
        if acc.status != "accepted" or start is None:
            notes.append(
                f"{where} (ratione personae): no acceptance of the Convention by {state} is known "
                "to the engine; establish it before filing."
            )
            continue
        name = named.name_fr if locale == "fr" else named.name_en  # the country data's names
        texts.append(
            say(
                "The respondent State (%(state)s) has been bound by the Convention since %(date)s "
                "and is subject to the right of individual application under Article 34."
            )
            % {"state": name, "date": court_date(start, locale)}
        )
        confidence = getattr(acc.confidence, "value", acc.confidence)
        if confidence != "high":
            notes.append(
                f"{where} (ratione personae): the date {court_date(start)} for {state} comes from "
                f"data of {confidence} confidence; check it against the Council of Europe Treaty "
                "Office before filing."
            )
    if "organisation" in kinds:
        notes.append(
            f"{where} (ratione personae): the draft calls the applicant organisation "
            "non-governmental; confirm that it exercises no public authority and that it "
            "complains of a violation of its own rights."
        )
    notes.append(
        f"{where} (ratione personae): the case file does not record who committed the acts "
        "complained of, nor whether the applicant is a direct or an indirect victim; if the "
        "Government attribute the acts to private persons, answer from the file (State agents' "
        "involvement, acquiescence or the State's positive obligations)."
    )
    return " ".join(texts), tuple(dict.fromkeys(sources)), notes
