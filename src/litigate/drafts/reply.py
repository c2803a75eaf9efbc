"""The skeleton of a reply to the Government's observations, section by section.

:func:`reply_skeleton` answers every part of the Government's observations that
raises something (each admissibility objection, the merits of each Convention
article, just satisfaction and any part no rule recognised), in the Government's
order.  Each :class:`ReplySection` cites the paragraphs it answers and holds a
default argument from the argument bank (``litigate/drafts/data/arguments.toml``),
marked for the lawyer's review, except where the engine knows better: on the time
limit, when the application was lodged in time, the argument gives the dates
computed by :func:`litigate.filing_window`.

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
import tomllib
from collections.abc import Mapping
from importlib import resources
from typing import Any

import attrs

from litigate import _display_hooks
from litigate._court_dates import court_date
from litigate.drafts.filters import paragraph_range
from litigate.engine import filing_window
from litigate.errors import InputError, RuleDataError
from litigate.model import Case, DomesticDecision
from litigate.parse.observations import ADMISSIBILITY_KINDS, Observations, Section

__all__ = [
    "BANK_KINDS",
    "REVIEW_MARKER",
    "BankEntry",
    "Reply",
    "ReplySection",
    "argument_bank",
    "load_argument_bank",
    "reply_skeleton",
]

BANK_KINDS = (*ADMISSIBILITY_KINDS, "merits", "just_satisfaction", "unclassified")
"""The section kinds a reply answers, each with one entry in the argument bank."""

REVIEW_MARKER = {"en": "[TO REVIEW]", "fr": "[À RELIRE]"}
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
_CONFIDENCE = ("high", "medium", "low")
_LOCALES = ("en", "fr")
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
        sources: The case law and provisions relied on.
        confidence: ``"high"``, ``"medium"`` or ``"low"``.
        review: Always ``"required"``.
    """

    kind: str
    heading_en: str
    heading_fr: str
    text_en: str
    text_fr: str
    sources: tuple[str, ...]
    confidence: str
    review: str = "required"

    def text(self, locale: str) -> str:
        """The argument in ``locale`` (``"en"`` or ``"fr"``)."""
        return self.text_fr if locale == "fr" else self.text_en

    def heading(self, locale: str, *, article: str | None = None, heading: str = "") -> str:
        """The heading in ``locale``, with the article or the Government's heading filled in.

        Examples:
            >>> argument_bank()["merits"].heading("en", article="P1-1")
            'Alleged violation of Article 1 of Protocol No. 1'
            >>> argument_bank()["merits"].heading("fr", article="3")
            "Sur la violation alléguée de l'article 3 de la Convention"
        """
        text = self.heading_fr if locale == "fr" else self.heading_en
        return text.replace("{article}", _article_name(article, locale)).replace(
            "{heading}", heading
        )


def _article_name(article: str | None, locale: str) -> str:
    match = re.fullmatch(r"P(\d+)-(\d+)", article or "")
    if locale == "fr":
        if match:
            return f"l'article {match.group(2)} du Protocole no {match.group(1)}"
        return f"l'article {article} de la Convention" if article else "la Convention"
    if match:
        return f"Article {match.group(2)} of Protocol No. {match.group(1)}"
    return f"Article {article} of the Convention" if article else "the Convention"


def load_argument_bank(
    data: Mapping[str, Any], *, path: str = "<data>"
) -> Mapping[str, BankEntry]:
    """Check and load an argument bank from a parsed TOML mapping (as in ``arguments.toml``).

    Args:
        data: The parsed TOML document.
        path: Where it came from, for error messages.

    Returns:
        Kind → entry, one for every kind in :data:`BANK_KINDS`.

    Raises:
        RuleDataError: Every problem found, at once (unknown or missing keys, unknown
            or missing kinds, empty texts or sources, a review other than ``"required"``).

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
            f"unknown key {key!r} @ {where}" for key in sorted(set(raw) - set(_ENTRY_KEYS))
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
        placeholder = _PLACEHOLDER.get(str(kind))
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
    resource = resources.files("litigate").joinpath("drafts", "data", "arguments.toml")
    try:
        with resource.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError([f"{exc} @ $"], path=_DATA) from exc
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
    """

    sections: tuple[ReplySection, ...]
    warnings: tuple[str, ...] = ()
    locale: str = "en"

    def __repr__(self) -> str:
        # Short: the arguments (long texts) are not repeated.
        review = sum(s.needs_review for s in self.sections)
        keys = [s.key for s in self.sections[:8]]
        if len(self.sections) > len(keys):
            keys.append("...")
        return (
            f"Reply(locale={self.locale!r}, sections={len(self.sections)} {keys!r}, "
            f"needs_review={review}, warnings={len(self.warnings)})"
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


def _number(text: str | None) -> int | None:
    match = re.match(r"\s*(\d+)", text or "")
    return int(match.group(1)) if match else None


def _opening(first: int | None, last: int | None, heading: str, locale: str) -> str:
    if first is None:
        if locale == "fr":
            return f"En réponse à la partie des observations du Gouvernement intitulée « {heading} », le requérant fait valoir ce qui suit."
        return f"In reply to the part of the Government's observations headed “{heading}”, the applicant submits as follows."
    cited = paragraph_range(
        first, last if last is not None and last >= first else None, locale=locale
    )
    if locale == "fr":
        article = "aux" if cited.startswith("paragraphes") else "au"
        return f"En réponse {article} {cited} des observations du Gouvernement, le requérant fait valoir ce qui suit."
    return (
        f"In reply to {cited} of the Government's observations, the applicant submits as follows."
    )


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


_EVENT_FR = {
    "public pronouncement": "le prononcé public de la décision",
    "the applicant's knowledge": "la connaissance qu'en a eue le requérant",
}


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
        (
            decision.pronounced_on,
            "the delivery of the decision on ",
            "du prononcé de la décision, le ",
        ),
        (decision.taken_on, "the date of the decision, ", "de la date de la décision, le "),
    )
    for day, what_en, what_fr in known:
        if day is not None and day < before and day in mentioned:
            return court_date(day, locale), what_fr if locale == "fr" else what_en
    return None, ""


def _time_limit_argument(
    case: Case, section: Section, *, as_of: dt.date, locale: str
) -> tuple[str | None, tuple[str, ...], list[str], bool]:
    """A time-limit argument with the engine's dates: (text or None, sources, warnings, review)."""
    lodged = case.lodged_on
    if lodged is None:
        return (
            None,
            (),
            ["time limit: the case has no lodged_on date; the bank text is kept"],
            True,
        )
    window = filing_window(case, as_of=as_of)
    timed = [w for w in window.complaints if w.deadline is not None]
    if window.in_time is not True or not timed or not all(w.in_time is True for w in timed):
        late = [w for w in timed if w.in_time is not True]
        detail = "; ".join(
            f"{w.complaint.provision}: safe deadline {court_date(w.deadline)}"
            for w in late
            if w.deadline
        )
        warning = (
            f"time limit: the engine does not find every complaint lodged in time on "
            f"{court_date(lodged)} ({detail or 'no deadline computed'}); "
            "no specific argument is written, review the Government's objection"
        )
        return None, (), [warning], True
    governing = min(timed, key=lambda w: w.deadline or dt.date.max)
    safe = next((s for s in governing.scenarios if s.name == "safe"), None)
    if safe is None:
        return (
            None,
            (),
            ["time limit: the engine gives no safe scenario; the bank text is kept"],
            True,
        )
    warnings: list[str] = []
    review = False
    triggers = {(s.trigger_on, s.deadline) for w in timed for s in w.scenarios if s.name == "safe"}
    if len(triggers) > 1:
        warnings.append(
            "time limit: the complaints have different time limits; the argument gives the earliest"
        )
        review = True
    engine_notes = dict.fromkeys(
        n.message for n in (*window.warnings, *(n for w in timed for n in w.warnings))
    )
    if engine_notes:
        review = True
        warnings.extend(f"time limit (engine): {message}" for message in engine_notes)
    decision = next((p for p in case.proceedings if p.label == safe.decision), None)
    government, what = _government_start(section, decision, before=safe.trigger_on, locale=locale)
    six = safe.rule_id.endswith("six_months")
    period, period_fr = ("six-month", "six mois") if six else ("four-month", "quatre mois")
    trigger, deadline, lodged_text = (
        court_date(safe.trigger_on, locale),
        court_date(safe.deadline, locale),
        court_date(lodged, locale),
    )
    served = safe.trigger_event.startswith("service")
    on_rep = safe.trigger_event == "service on the representative"
    parts: list[str] = []
    if locale == "fr":
        if government is not None:
            parts.append(f"Le Gouvernement fait courir le délai à compter {what}{government}.")
        however = " toutefois" if government is not None else ""
        if served:
            whom = "au représentant du requérant" if on_rep else "au requérant"
            parts.append(
                f"La décision définitive a{however} été signifiée {whom} le {trigger} "
                "(Worm c. Autriche, no 22714/93, 29 août 1997) ;"
            )
        else:
            event = _EVENT_FR.get(safe.trigger_event, safe.trigger_event)
            parts.append(f"Le délai a{however} couru à compter de {event}, le {trigger} ;")
        parts.append(
            f"le délai de {period_fr} a donc expiré le {deadline}, et la requête, "
            f"introduite le {lodged_text}, l'a été dans le délai."
        )
    else:
        if government is not None:
            parts.append(f"The Government count the time limit from {what}{government}.")
        however = " however" if government is not None else ""
        if served:
            whom = "the applicant's representative" if on_rep else "the applicant"
            parts.append(
                f"The final decision was{however} served on {whom} on {trigger} ({_WORM});"
            )
        else:
            parts.append(
                f"Time{however} ran from the {safe.trigger_event} of the final decision on {trigger};"
            )
        parts.append(
            f"the {period} period therefore expired on {deadline}, and the application, "
            f"lodged on {lodged_text}, was in time."
        )
    sources = (_WORM,) if served else ()
    return " ".join(parts), sources, warnings, review


def reply_skeleton(
    case: Case | None, observations: Observations, *, as_of: dt.date, locale: str = "en"
) -> Reply:
    """The skeleton of a reply: one section per part of the observations that raises something.

    Every admissibility objection, the merits of every article, just satisfaction and
    every unclassified part are answered, in the Government's order (a general merits
    part followed by per-article parts is not answered separately).  Each section
    holds the bank's default argument, marked for review, except the time limit when
    the engine finds every complaint lodged in time: then the argument gives the dates.

    Args:
        case: The case; ``None`` leaves the time limit to the bank text.
        observations: The Government's observations (see
            :func:`litigate.parse.observations.read_observations`).
        as_of: The day of the assessment (no clock is read).
        locale: ``"en"`` or ``"fr"``.

    Returns:
        The reply.

    Raises:
        InputError: The locale is not ``en`` or ``fr``.
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
    if locale not in _LOCALES:
        msg = f"reply_skeleton: locale must be one of {', '.join(_LOCALES)}, not {locale!r}"
        raise InputError(msg, field="locale", value=locale)
    bank = argument_bank()
    warnings: list[str] = []
    sections: list[ReplySection] = []
    for position, section in enumerate(_answered(observations)):
        entry = bank[section.kind]
        government = _HEADING_NUMBER.sub("", section.heading or "").strip()
        title = entry.heading(locale, article=section.article, heading=government)
        first, last = _number(section.first_number), _number(section.last_number)
        answers = tuple(range(first, (last or first) + 1)) if first is not None else ()
        argument, sources = entry.text(locale), entry.sources
        from_bank, review = True, True
        if section.kind == "time_limit" and case is not None:
            text, computed_sources, notes, review_computed = _time_limit_argument(
                case, section, as_of=as_of, locale=locale
            )
            warnings.extend(notes)
            if text is not None:
                argument, from_bank, review = text, False, review_computed
                sources = tuple(dict.fromkeys((*computed_sources, *entry.sources)))
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
                opening=_opening(first, last, government, locale),
                argument=argument,
                from_bank=from_bank,
                needs_review=review,
                sources=sources,
                government_heading=section.heading,
            )
        )
    return Reply(sections=tuple(sections), warnings=tuple(warnings), locale=locale)
