r"""Registry letters of the European Court of Human Rights: time limits found, for review.

After notice of an application the Registry writes to the parties: it sends the
Government's observations, invites observations in reply and just-satisfaction claims
"by 15 March 2013 at the latest", grants an extension under Rule 38, asks for the
applicant's position on a friendly settlement.  :func:`read_registry_letter` reads such
a letter (a text PDF, a DOCX or plain text, and says which) and returns what it found
**with the sentence it found it in**: the application number, the date of the letter,
and each time limit with what it is for.  Nothing is saved: the lawyer reviews the
findings, and :meth:`RegistryLetter.accept` returns a new :class:`~litigate.model.Case`
with the accepted limits as :class:`~litigate.model.RegistryTimeLimit` values (which
``check``, the calendar and the docket use); only :func:`litigate.dump_case` writes it.

A date stated relative to another ("four weeks after the above time-limit") is never
computed: it is reported in :attr:`RegistryLetter.unresolved` for the lawyer to enter.

Examples:
    >>> letter = read_registry_letter(text=(
    ...     "Strasbourg, 2 March 2026\n"
    ...     "Application no. 12345/24\nRzayeva v. Azerbaijan\n"
    ...     "I enclose the Government's observations. You are invited to submit by "
    ...     "13 April 2026 at the latest any observations in reply, together with any "
    ...     "claims for just satisfaction."))
    >>> letter.application_number, str(letter.letter_date), letter.source_format
    ('12345/24', '2026-03-02', 'text')
    >>> [(t.purposes, str(t.due_on)) for t in letter.time_limits]
    [(('reply', 'just_satisfaction'), '2026-04-13')]
    >>> letter.time_limits[0].what
    'Observations in reply and just-satisfaction claims'
"""

from __future__ import annotations

import functools
import os
import re
import tomllib
import unicodedata
from collections.abc import Sequence
from datetime import date
from importlib import resources
from typing import Any

import attrs

from litigate import l10n
from litigate._args import PATH_OR_BYTES, TEXT, checked, optional
from litigate.errors import ArgumentTypeError, RuleDataError, ValidationError
from litigate.model import Case, RegistryTimeLimit
from litigate.parse.dates import find_dates
from litigate.parse.document import read_document_text

__all__ = [
    "FoundTimeLimit",
    "RegistryLetter",
    "read_registry_letter",
]

_DATA = "litigate/parse/data/registry_letters.toml"
_APPLICATION = re.compile(
    r"\b(?:A\w{2,12}ion|Requ\w{1,3}te|Appl\.)\s*(?:nos?|n[°º]s?|N[°º])\.?\s*(\d{1,6}/\d{2})\b",
    re.IGNORECASE,
)
_ANY_NUMBER = re.compile(r"\bnos?\.?\s*(\d{1,6}/\d{2})\b", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.;!?])\s+(?=[A-Z\u00c0-\u00dd])")
_RELATIVE = re.compile(
    r"\b(?:(?:one|two|three|four|five|six|eight|\d{1,2})\s+(?:weeks?|months?|days?|weefts?)"
    r"|(?:une|deux|trois|quatre|six|huit)\s+(?:semaines?|mois|jours?))\s+"
    r"(?:after|from|of|apr[eè]s|[aà] compter)\b",
    re.IGNORECASE,
)
_SALUTATION = re.compile(r"\b(?:Dear|Madame|Monsieur|Sir|Madam)\b")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("-\n", "")
    return re.sub(r"\s+", " ", text.casefold())


@attrs.frozen
class _Purpose:
    key: str
    label: str
    doc: str
    keywords: tuple[str, ...]


@attrs.frozen
class _Rules:
    deadline_words: tuple[str, ...]
    purposes: tuple[_Purpose, ...]


@functools.cache
def _rules() -> _Rules:
    resource = resources.files("litigate").joinpath("parse", "data", "registry_letters.toml")
    try:
        data: dict[str, Any] = tomllib.loads(resource.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise RuleDataError([f"{exc} @ $"], path=_DATA) from exc
    errors = [
        f"unknown key {k!r} @ $"
        for k in sorted(set(data) - {"version", "deadline_words", "purpose"})
    ]
    purposes = []
    for index, row in enumerate(data.get("purpose", [])):
        missing = {"key", "label", "doc", "keywords"} - set(row)
        errors.extend(f"missing {m!r} @ $.purpose[{index}]" for m in sorted(missing))
        if not missing:
            purposes.append(
                _Purpose(
                    row["key"], row["label"], row["doc"], tuple(_fold(k) for k in row["keywords"])
                )
            )
    if data.get("version") != 1:
        errors.append("version must be 1 @ $.version")
    if errors:
        raise RuleDataError(errors, path=_DATA)
    words = tuple(_fold(w) for w in data.get("deadline_words", []))
    return _Rules(deadline_words=words, purposes=tuple(purposes))


@attrs.frozen(kw_only=True)
class FoundTimeLimit:
    """A time limit found in a Registry letter, for the lawyer to review.

    Attributes:
        purposes: What it is for, as keys of ``registry_letters.toml`` (``"reply"``,
            ``"just_satisfaction"``, ``"extension"``…); empty if no purpose was recognised.
        what: The purposes in words ("Observations in reply and just-satisfaction claims").
        due_on: The date set.
        date_text: The date as printed.
        sentence: The sentence of the letter it was found in, as printed.
    """

    purposes: tuple[str, ...]
    what: str
    due_on: date
    date_text: str
    sentence: str

    @property
    def is_extension(self) -> bool:
        """Whether the letter extends an earlier time limit (Rule 38)."""
        return "extension" in self.purposes


@attrs.frozen(kw_only=True)
class RegistryLetter:
    """What :func:`read_registry_letter` found; nothing of it is saved until accepted.

    Attributes:
        application_number: ``"4493/07"``, or ``None`` if none was found.
        application_text: The line the number was found in.
        letter_date: The date of the letter, or ``None``.
        letter_date_text: The line the date was found in.
        time_limits: The time limits set, in the order of the letter.
        unresolved: Sentences that set a time limit the reader could not turn into a
            date (relative limits, "by the above-mentioned date"): enter them yourself.
        source_format: ``"pdf"``, ``"docx"`` or ``"text"``: how the letter was read.
        path: The file read, or ``None``.
        text: The whole text read.
    """

    application_number: str | None
    application_text: str | None
    letter_date: date | None
    letter_date_text: str | None
    time_limits: tuple[FoundTimeLimit, ...]
    unresolved: tuple[str, ...]
    source_format: str
    path: str | None = None
    text: str = attrs.field(default="", repr=False)

    def review(self) -> str:
        """The findings with their sentences, for the lawyer to check before accepting.

        Examples:
            >>> letter = read_registry_letter(text="Application no. 1/24. 2 March 2026. "
            ...     "Please submit by 13 April 2026 your observations in reply.")
            >>> print(letter.review())
            Application no. 1/24 (found in: "Application no. 1/24. 2 March 2026. Please submit by 13 April 2026 your observations in reply.")
            Letter of 2 March 2026
            Time limit 13 April 2026: Observations in reply
              "Please submit by 13 April 2026 your observations in reply."
        """
        lines = [
            f'Application no. {self.application_number} (found in: "{self.application_text}")'
            if self.application_number
            else "Application number: NOT FOUND: enter it yourself"
        ]
        lines.append(
            f"Letter of {_british(self.letter_date)}"
            if self.letter_date
            else "Date of the letter: NOT FOUND"
        )
        for limit in self.time_limits:
            lines.append(f"Time limit {_british(limit.due_on)}: {limit.what}")
            lines.append(f'  "{limit.sentence}"')
        lines.extend(f'Not understood, enter it yourself: "{s}"' for s in self.unresolved)
        return "\n".join(lines)

    def accept(self, case: Case, *, limits: Sequence[FoundTimeLimit] | None = None) -> Case:
        """A new case with the accepted time limits added (the case given is not changed).

        Args:
            case: The case the letter is about.
            limits: The limits the lawyer accepts (default: all found, in order).

        Returns:
            ``case`` with each limit added as a :class:`RegistryTimeLimit` (an
            extension sets ``extended_to`` on the earlier limit it extends); a limit
            already recorded is not added twice.  Write it with :func:`litigate.dump_case`.

        Raises:
            ValidationError: The letter has no date, a limit falls before the letter,
                or an extension matches no earlier limit of the case.
        """
        if self.letter_date is None:
            msg = "the letter's date was not found; set it before accepting its time limits"
            raise ValidationError(msg, field="letter_date", value=None)
        recorded = list(case.registry_time_limits)
        for limit in self.time_limits if limits is None else limits:
            if limit.is_extension:
                recorded = _extend(recorded, limit)
                continue
            new = RegistryTimeLimit(
                what=limit.what, letter_on=self.letter_date, due_on=limit.due_on
            )
            if not any(
                (r.what, r.letter_on, r.due_on) == (new.what, new.letter_on, new.due_on)
                for r in recorded
            ):
                recorded.append(new)
        return attrs.evolve(case, registry_time_limits=tuple(recorded))


def _extend(recorded: list[RegistryTimeLimit], limit: FoundTimeLimit) -> list[RegistryTimeLimit]:
    others = set(limit.purposes) - {"extension"}
    candidates = [
        i
        for i, r in enumerate(recorded)
        if r.filed_on is None
        and r.due_on < limit.due_on
        and (not others or any(_rules_label(p).casefold() in r.what.casefold() for p in others))
    ]
    if not candidates:
        msg = (
            f"the extension to {_british(limit.due_on)} matches no earlier time limit of the case"
        )
        raise ValidationError(msg, field="registry_time_limits", value=limit.sentence)
    index = max(candidates, key=lambda i: recorded[i].letter_on)
    recorded[index] = attrs.evolve(recorded[index], extended_to=limit.due_on)
    return recorded


def _rules_label(key: str) -> str:
    return next(p.label for p in _rules().purposes if p.key == key)


def _british(value: date) -> str:
    return f"{value.day} {value.strftime('%B')} {value.year}"


def _what(purposes: Sequence[str]) -> str:
    labels = [_rules_label(p) for p in purposes if p != "extension"]
    if not labels:
        return (
            _rules_label("extension")
            if purposes
            else "Time limit set by the Registry (purpose not recognised)"
        )
    text = labels[0] + "".join(f" and {label[0].lower()}{label[1:]}" for label in labels[1:])
    return text if "extension" not in purposes else f"{text} (extended, Rule 38)"


def _sentences(text: str) -> list[str]:
    flat = re.sub(r"\s+", " ", text).strip()
    return [s.strip() for s in _SENTENCE.split(flat) if s.strip()]


_LOOK_BACK = 200
"""Characters before a date searched for "by", "no later than"… (the longest word is 17)."""


def _is_deadline(sentence: str, start: int) -> bool:
    # Only the text just before the date is folded: folding the whole prefix for every
    # date made a sentence of n dates cost n times its length (quadratic).
    end = start
    while end > 0 and sentence[end - 1].isspace():  # each date's own spaces: linear
        end -= 1
    begin = max(0, end - _LOOK_BACK)
    before = _fold(sentence[begin:end]).rstrip()
    return any(
        before.endswith(f" {w}") or (begin == 0 and before == w) for w in _rules().deadline_words
    )


def _findings(text: str) -> tuple[list[FoundTimeLimit], list[str]]:
    found: list[FoundTimeLimit] = []
    unresolved: list[str] = []
    rules = _rules()
    for sentence in _sentences(text):
        folded = _fold(sentence)
        purposes = tuple(p.key for p in rules.purposes if any(k in folded for k in p.keywords))
        dated = False
        for mention in find_dates(sentence, languages=l10n.supported("letters")):
            if not _is_deadline(sentence, mention.start):
                continue
            dated = True
            found.append(
                FoundTimeLimit(
                    purposes=purposes,
                    what=_what(purposes),
                    due_on=mention.date,
                    date_text=mention.text,
                    sentence=sentence,
                )
            )
        if not dated and (_RELATIVE.search(sentence) or "above-mentioned date" in folded):
            unresolved.append(sentence)
    return found, unresolved


def _letter_date(text: str) -> tuple[date | None, str | None]:
    head = text[: m.start()] if (m := _SALUTATION.search(text)) else text[:600]
    for line in head.splitlines():
        for mention in find_dates(line, languages=l10n.supported("letters")):
            if not _is_deadline(line, mention.start):
                return mention.date, line.strip()
    return None, None


def _application(text: str) -> tuple[str | None, str | None]:
    for pattern in (_APPLICATION, _ANY_NUMBER):
        if match := pattern.search(text):
            line_start = text.rfind("\n", 0, match.start()) + 1
            line_end = text.find("\n", match.end())
            return match.group(1), text[line_start : line_end if line_end >= 0 else None].strip()
    return None, None


@checked(path=optional(PATH_OR_BYTES), text=optional(TEXT))
def read_registry_letter(
    path: str | os.PathLike[str] | bytes | None = None, *, text: str | None = None
) -> RegistryLetter:
    """Read a Registry letter: application number, date, time limits, each with its sentence.

    Args:
        path: The letter as a text PDF, a DOCX or a UTF-8 text file (or its bytes).
        text: The letter's text, instead of a file.

    Returns:
        The findings, for review; :meth:`RegistryLetter.accept` records them in a case.

    Raises:
        ArgumentTypeError: Neither or both of ``path`` and ``text`` given (a ``TypeError``).
        InputError: The file does not exist or is a directory.
        DocumentError: The file is refused (an image-only PDF names its page).
    """
    if (path is None) == (text is None):
        msg = "give the letter's path or text=, not both"
        raise ArgumentTypeError(msg, field="path", value=None, expected=("Path", "bytes", "text="))
    if text is not None:
        body, source_format, where = text, "text", None
    else:
        assert path is not None  # noqa: S101  (checked above)
        body, source_format, where = read_document_text(path)
    number, number_text = _application(body)
    letter_date, date_text = _letter_date(body)
    limits, unresolved = _findings(body)
    return RegistryLetter(
        application_number=number,
        application_text=number_text,
        letter_date=letter_date,
        letter_date_text=date_text,
        time_limits=tuple(limits),
        unresolved=tuple(unresolved),
        source_format=source_format,
        path=where,
        text=body,
    )
