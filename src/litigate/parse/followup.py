"""Follow-up to concluding observations: assessment marks and the Rapporteur's letters.

A treaty body's Rapporteur for follow-up grades each recommendation the State was asked
to act on within a year (UN.md §5.1).  The letters print the grades as marks: ``(B)``,
``[C]``, ``(1/E)``, or per sub-limb, ``(a) B, (b) C``::

    >>> parse_marks("para. 11 (a) (1/E); (b) B.")
    (FollowUpMark(grade='E', qualifier='1', limb='a'), FollowUpMark(grade='B', qualifier=None, limb='b'))

The meaning of the letters A-E is data (``[[grades]]`` in ``parse/data/citations.toml``),
in the HRC's wording (CCPR/C/128/3); CAT uses letters of the same family, its own wording
was not seen.  The number in ``(1/E)`` is NOT understood (UN.md §5.2, §9.1): it is kept as
printed, in ``qualifier``, and never interpreted.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import re
import warnings
from collections.abc import Mapping
from typing import Any, Final

import attrs

from litigate import l10n
from litigate._args import DATE, PATH_OR_BYTES, TEXT, checked, optional
from litigate.errors import ArgumentTypeError, CitationParseError, ValidationError
from litigate.parse.citations import UnSymbol, UnSymbolKind, _rules, find_citations
from litigate.parse.dates import find_dates
from litigate.parse.document import read_document_text

__all__ = [
    "FollowUpItem",
    "FollowUpLetter",
    "FollowUpMark",
    "Grade",
    "GradedSentence",
    "LetterDate",
    "follow_up_grades",
    "parse_mark",
    "parse_marks",
    "read_follow_up_letter",
]

_UNKNOWN_QUALIFIER: Final = (
    "its meaning is not known (UN.md §5.2: no legend of the number was found), "
    "so it is kept as printed and not interpreted"
)


@attrs.frozen(kw_only=True)
class Grade:
    """What an assessment letter means, with where the wording comes from.

    Attributes:
        grade: ``"A"`` to ``"E"``.
        label: The short wording (``"Reply/action partially satisfactory"``).
        meaning: The full wording.
        source: The document it is taken from (``"CCPR/C/128/3"``).
        confidence: ``"high"``, ``"medium"`` or ``"low"``.
        cat_wording: The words CAT's Rapporteur uses for a similar level, if known.
    """

    grade: str
    label: str
    meaning: str
    source: str
    confidence: str
    cat_wording: str | None = None


@functools.cache
def follow_up_grades() -> Mapping[str, Grade]:
    """Return the grades A-E as kept in the data, by letter.

    Examples:
        >>> follow_up_grades()["C"].label
        'Reply/action not satisfactory'
        >>> follow_up_grades()["C"].source
        'CCPR/C/128/3'
    """
    return {row["grade"]: Grade(**row) for row in _rules().grades}


def _grade(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value not in follow_up_grades():
        msg = f"{attribute.name}: must be one of {', '.join(follow_up_grades())} (got {value!r})"
        raise ValidationError(msg, field=attribute.name, value=value)


def _opaque(pattern: str) -> Any:
    regex = re.compile(pattern)

    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and (not isinstance(value, str) or not regex.fullmatch(value)):
            msg = f"{attribute.name}: must match {pattern} or be None (got {value!r})"
            raise ValidationError(msg, field=attribute.name, value=value)

    return check


@attrs.frozen(kw_only=True)
class FollowUpMark:
    """One assessment mark as printed in a follow-up letter.

    Attributes:
        grade: ``"A"`` to ``"E"``.
        qualifier: The number before the slash in ``(1/E)``, as printed, or ``None``.
            Opaque: its meaning is not known and litigate does not interpret it.
        limb: The sub-limb the mark grades (``"a"`` in ``(a) B``), or ``None``.

    Examples:
        >>> str(FollowUpMark(grade="E", qualifier="1"))
        '(1/E)'
        >>> FollowUpMark(grade="F")
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: grade: must be one of A, B, C, D, E (got 'F')
    """

    grade: str = attrs.field(validator=_grade)
    qualifier: str | None = attrs.field(default=None, validator=_opaque(r"[0-9]{1,3}"))
    limb: str | None = attrs.field(default=None, validator=_opaque(r"[a-z]|[ivx]{2,4}"))

    @property
    def meaning(self) -> Grade:
        """The grade's wording and its source."""
        return follow_up_grades()[self.grade]

    def canonical(self) -> str:
        """Return the mark as ``(B)``, ``(1/E)``, ``(a) (B)``."""
        mark = f"({self.qualifier}/{self.grade})" if self.qualifier else f"({self.grade})"
        return f"({self.limb}) {mark}" if self.limb else mark

    def __str__(self) -> str:
        return self.canonical()

    def describe(self) -> str:
        """Explain the mark in words, saying what is not known.

        Examples:
            >>> print(FollowUpMark(grade="E", qualifier="1", limb="a").describe())
            (a) E: Information or measures taken are contrary to or reflect rejection of the
            recommendation (CCPR/C/128/3, confidence high). Qualifier '1': its meaning is not
            known (UN.md §5.2: no legend of the number was found), so it is kept as printed and
            not interpreted.
        """
        grade = self.meaning
        head = f"({self.limb}) " if self.limb else ""
        text = (
            f"{head}{self.grade}: {grade.label} ({grade.source}, confidence {grade.confidence})."
        )
        if self.qualifier is not None:
            text += f" Qualifier {self.qualifier!r}: {_UNKNOWN_QUALIFIER}."
        return text


_LIMB: Final = r"[a-z]|[ivx]{2,4}"
_MARK: Final = re.compile(
    rf"""
    (?<![\w(])
    (?:
      (?:\(\s*(?P<limb>{_LIMB})\s*\)\s*)?
      (?:
        \(\s*(?:(?P<q1>[0-9]{{1,3}})\s*/\s*)?(?P<g1>[A-E])\s*\)
      | \[\s*(?:(?P<q2>[0-9]{{1,3}})\s*/\s*)?(?P<g2>[A-E])\s*\]
      )
    | \(\s*(?P<limb3>{_LIMB})\s*\)\s*(?P<g3>[A-E])(?=\s*(?:[,;.]|$))
    )
    """,
    re.VERBOSE | re.MULTILINE,
)


def _mark(match: re.Match[str]) -> FollowUpMark:
    grade = match["g1"] or match["g2"] or match["g3"]
    return FollowUpMark(
        grade=grade,
        qualifier=match["q1"] or match["q2"],
        limb=match["limb"] or match["limb3"],
    )


def parse_marks(text: str) -> tuple[FollowUpMark, ...]:
    """Find every assessment mark in a text, in order.

    Args:
        text: Any text; marks are ``(B)``, ``[B]``, ``(1/E)``, ``(a) (C)``, ``(a) B,``.

    Returns:
        The marks found (none is not an error).

    Examples:
        >>> [str(m) for m in parse_marks("(a) B, (b) C; overall [B]")]
        ['(a) (B)', '(b) (C)', '(B)']
        >>> parse_marks("no mark (F) here")
        ()
    """
    return tuple(_mark(m) for m in _MARK.finditer(text))


def parse_mark(text: str) -> FollowUpMark:
    """Read one mark that is the whole text.

    Raises:
        CitationParseError: The text is not exactly one mark.

    Examples:
        >>> parse_mark(" [1/C] ")
        FollowUpMark(grade='C', qualifier='1', limb=None)
        >>> parse_mark("(F)")
        Traceback (most recent call last):
        ...
        litigate.errors.CitationParseError: '(F)' is not a follow-up mark such as (B), [C] or (1/E)
    """
    match = _MARK.fullmatch(text.strip())
    if match is None:
        msg = f"{text!r} is not a follow-up mark such as (B), [C] or (1/E)"
        raise CitationParseError(msg, text=text)
    return _mark(match)


# --------------------------------------------------------------------------- letters


@attrs.frozen(kw_only=True)
class LetterDate:
    """A date found in a letter, with what it seems to be.

    Attributes:
        role: ``"letter"`` (the date of the letter), ``"state_reply"`` (the State's
            follow-up reply), ``"session"`` (a session or the adoption of the COs) or ``"other"``.
        date: The date.
        text: The date as printed.
    """

    role: str
    date: dt.date
    text: str


@attrs.frozen(kw_only=True)
class GradedSentence:
    """A grade as the Rapporteur prints it, at the end of the sentence it grades.

    Attributes:
        mark: The grade (``(1/E)``, ``(C)``).
        sentence: The sentence, mark included, as printed (footnote numbers removed).
    """

    mark: FollowUpMark
    sentence: str


@attrs.frozen(kw_only=True)
class FollowUpItem:
    """One recommendation assessed in a follow-up letter.

    Attributes:
        paragraph: The paragraph of the concluding observations (``13``).
        limb: The sub-paragraph, ``"b"`` in "para. 13 (b)", or ``None``.
        topic: The heading printed with it (``"Fundamental legal safeguards"``), or ``""``.
        marks: The marks printed in the item, in order.
        symbol: The concluding observations the paragraph belongs to, if the letter names them.
        text: The item's text as printed.
    """

    paragraph: int
    limb: str | None
    topic: str
    marks: tuple[FollowUpMark, ...]
    symbol: UnSymbol | None
    text: str
    heading: str = ""
    grades: tuple[GradedSentence, ...] = ()

    @property
    def reference(self) -> str:
        """``"para. 13 (b)"``."""
        return f"para. {self.paragraph}" + (f" ({self.limb})" if self.limb else "")


@attrs.frozen(kw_only=True)
class FollowUpLetter:
    """A Rapporteur's follow-up letter, read.

    Attributes:
        symbol: The concluding observations followed up (the first CO symbol in the letter).
        symbols: Every UN document symbol found, in order.
        session: The session the letter mentions first ("at its fifty-fifth session"), if any.
        letter_date: The date of the letter, if found.
        reply_date: The date of the State's reply, if found.
        dates: Every date found, with its role.
        items: The recommendations assessed, in order.
        source: The file read, if any.
        source_format: ``"pdf"``, ``"docx"`` or ``"text"``: how the letter was read.
        requested_paragraph: The paragraph of the concluding observations that asked for
            follow-up (``42`` in "CAT/C/AZE/CO/5, para. 42"), if printed.
        paragraphs_concerned: The recommendations selected for follow-up as printed
            ("13 (b)", "17 (a)", "21"), if the letter lists them.
        reply_symbol: The symbol of the State's follow-up reply (``CAT/C/AZE/FCO/5``), if printed.
        reply_due_on: The date by which the reply was requested (printed in the letter,
            or given by the caller), if known.
        reply_late: Whether the reply came after ``reply_due_on``; ``None`` if either date
            is unknown.
        implementation_plan: The grades given under an "Implementation plan" heading.
        footnotes: Footnote lines found in the text (where a PDF conversion left them).
        problems: What could not be read and must be checked by hand: unknown grade
            letters, headings that name no paragraph, selected paragraphs without an item.
    """

    symbol: UnSymbol | None
    symbols: tuple[UnSymbol, ...]
    session: int | None
    letter_date: dt.date | None
    reply_date: dt.date | None
    dates: tuple[LetterDate, ...]
    items: tuple[FollowUpItem, ...]
    source: str | None = None
    source_format: str = "text"
    requested_paragraph: int | None = None
    paragraphs_concerned: tuple[str, ...] = ()
    reply_symbol: str | None = None
    reply_due_on: dt.date | None = None
    reply_late: bool | None = None
    implementation_plan: tuple[GradedSentence, ...] = ()
    footnotes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()


_HEADER: Final = re.compile(
    rf"""^\s*(?:[-•*]\s*|[0-9]{{1,2}}\.\s+)?
    (?:Paragraphs?|Paras?\.?|paras?\.?|§)\s*(?P<para>[1-9][0-9]{{0,2}})\b
    (?:\s*\(\s*(?P<limb>{_LIMB})\s*\))?
    (?P<rest>.*)$""",
    re.VERBOSE,
)
_CLOSING: Final = re.compile(
    r"^\s*(?:Yours\s+(?:sincerely|faithfully)|Sincerely|Please accept|Accept,?\s+Excellency|Annex\b)",
    re.IGNORECASE,
)
_MAX_HEADER: Final = 160
_DATE: Final = re.compile(r"\b([1-3]?[0-9])\s+([^\W\d_]+)\s+((?:19|20)[0-9]{2})\b")
_LETTER_LINE: Final = re.compile(r"^\s*(?:[A-Z][a-z]+,\s*)?(?:the\s+)?$")
_REPLY_WORDS: Final = re.compile(
    r"repl|respon|follow-up information|received|submitted", re.IGNORECASE
)
_SESSION_WORDS: Final = re.compile(r"session|adopted|meeting", re.IGNORECASE)
_SESSION_NUMBER: Final = re.compile(
    r"\b(?:([1-9][0-9]{0,2})(?:st|nd|rd|th)|([a-z]+(?:[-\s][a-z]+)?))\s+session\b", re.IGNORECASE
)
_ORDINAL_UNITS: Final = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19,
}  # fmt: skip
_TENS: Final = {
    "twent": 20, "thirt": 30, "fort": 40, "fift": 50, "sixt": 60, "sevent": 70, "eight": 80,
    "ninet": 90,
}  # fmt: skip


def _ordinal(words: str) -> int | None:
    """Read "fifty-fifth" or "twentieth" as a number."""
    parts = re.split(r"[-\s]", words.lower())
    if len(parts) == 1:
        word = parts[0]
        if word in _ORDINAL_UNITS:
            return _ORDINAL_UNITS[word]
        if word.endswith("ieth") and word[:-4] in _TENS:
            return _TENS[word[:-4]]
        return None
    if len(parts) == 2 and parts[0].endswith("y") and parts[1] in _ORDINAL_UNITS:  # noqa: PLR2004
        tens = _TENS.get(parts[0][:-1])
        unit = _ORDINAL_UNITS[parts[1]]
        if tens is not None and unit < 10:  # noqa: PLR2004
            return tens + unit
    return None


def _session(text: str) -> int | None:
    for match in _SESSION_NUMBER.finditer(text):
        if match.group(1):
            return int(match.group(1))
        words = match.group(2).split()
        for start in range(len(words)):
            number = _ordinal(" ".join(words[start:]))
            if number is not None:
                return number
    return None


def _dates(lines: list[str]) -> list[LetterDate]:
    months = _rules().month_numbers
    found: list[LetterDate] = []
    for line in lines:
        for match in _DATE.finditer(line):
            month = months.get(match.group(2).casefold())
            if month is None:
                continue
            try:
                value = dt.date(int(match.group(3)), month, int(match.group(1)))
            except ValueError:
                continue
            before = line[: match.start()]
            context = re.split(r"[.;:]\s", before)[-1]
            if _LETTER_LINE.fullmatch(before) and not line[match.end() :].strip(" ."):
                role = "letter"
            elif _REPLY_WORDS.search(context):
                role = "state_reply"
            elif _SESSION_WORDS.search(context) or _SESSION_WORDS.search(line[match.end() :][:40]):
                role = "session"
            else:
                role = "other"
            found.append(LetterDate(role=role, date=value, text=match.group()))
    return found


def _topic(rest: str, following: list[str]) -> str:
    topic = _MARK.sub(" ", rest)
    topic = " ".join(topic.split()).strip(" :.-–—")
    if topic:
        return topic
    for line in following:
        if _HEADER.match(line) or _CLOSING.match(line):
            break
        candidate = " ".join(_MARK.sub(" ", line).split()).strip(" :.-–—")
        if candidate:
            return candidate
    return ""


def _is_header(line: str) -> re.Match[str] | None:
    match = _HEADER.match(line)
    if match is None:
        return None
    if _MARK.search(line):
        return match
    rest = match["rest"].lstrip(" :.-–—")
    if len(line) > _MAX_HEADER or rest[:1].islower():
        return None  # a sentence that merely starts with "Paragraph 40 of the …"
    return match


def _symbol_at(mentions: list[tuple[int, UnSymbol]], offset: int) -> UnSymbol | None:
    current = None
    for start, symbol in mentions:
        if start > offset:
            break
        if symbol.kind is UnSymbolKind.CONCLUDING_OBSERVATIONS:
            current = symbol
    return current


def _items(
    lines: list[str], co_mentions: list[tuple[int, UnSymbol]], main: UnSymbol | None
) -> list[FollowUpItem]:
    items: list[FollowUpItem] = []
    offsets = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    index = 0
    while index < len(lines):
        match = _is_header(lines[index])
        if match is None:
            index += 1
            continue
        end = index + 1
        while end < len(lines) and not _is_header(lines[end]) and not _CLOSING.match(lines[end]):
            end += 1
        block = lines[index:end]
        symbol = _symbol_at(co_mentions, offsets[index])
        items.append(
            FollowUpItem(
                paragraph=int(match["para"]),
                limb=match["limb"],
                topic=_topic(match["rest"], block[1:]),
                marks=parse_marks("\n".join(block)),
                symbol=symbol if symbol is not None else main,
                text="\n".join(block).strip(),
            )
        )
        index = end
    return items


_PAGE_LEFTOVER: Final = re.compile(
    r"^\s*(?:[.…]{1,3}\s*/\s*[.…]{1,3}|-?\s*\d{1,3}\s*-?|page \d{1,3}(?: of \d{1,3})?)\s*$",
    re.IGNORECASE,
)
_SUPERSCRIPTS: Final = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE_LINE: Final = re.compile(
    rf"^\s*(?:[{_SUPERSCRIPTS}]+|\d{{1,2}}(?=\s+[A-Z]{{2,6}}/))\s*\S"
)
_ADDRESSEE: Final = re.compile(
    r"^\s*(?:H\.\s?E\.|His Excellency|Her Excellency|S\.\s?E\.|Permanent Representative|"
    r"Permanent Mission|Représentant permanent|to the United Nations|auprès de l'Office)",
    re.IGNORECASE,
)
_REC_END: Final = re.compile(r"concluding observations\)\s*\.?\s*$", re.IGNORECASE)
_REC_REF: Final = re.compile(
    rf"\((?:paras?\.|paragraphs?|§)\s*(?P<para>[1-9][0-9]{{0,2}})(?:\s*\(\s*(?P<limb>{_LIMB})\s*\))?",
    re.IGNORECASE,
)
_END_GRADE: Final = re.compile(
    r"\(\s*(?:(?P<q>[0-9]{1,3})\s*/\s*)?(?P<g>[A-Z][0-9]?)\s*\)\s*[.;]?\s*$"
)
_SENTENCE_END: Final = re.compile(r"(?<=[.;!?])\s+(?=[A-Z\u00c0-\u00dd])")
_PLAN: Final = re.compile(
    r"^\s*(?:implementation plan|plan de mise en (?:oe|œ)uvre)\s*$", re.IGNORECASE
)
_REQUESTED: Final = re.compile(
    r"\b(?P<symbol>[A-Z]{2,6}/C/[A-Z0-9]{2,4}/CO/[0-9][\w\-/]*?),\s*paras?\.\s*(?P<para>[1-9][0-9]{0,2})"
)
_CONCERNED: Final = re.compile(
    r"\bparagraphs\s+(?P<list>[1-9][0-9]{0,2}(?:\s*\([a-z]\))?"
    r"(?:\s*(?:,|and|et)\s*[1-9][0-9]{0,2}(?:\s*\([a-z]\))?)+)"
)
_REPLY_BEFORE: Final = re.compile(
    r"(?:letter|note verbale|reply|communication|submission|information)\s+(?:of|dated|received on)\s*$",
    re.IGNORECASE,
)
_REPLY_SYMBOL: Final = re.compile(
    r"\b([A-Z]{2,6}/C/[A-Z0-9]{2,4}/(?:FCO/[0-9][\w\-]*|CO/[0-9][\w\-]*/Add\.[0-9]+))"
)
_DUE_BEFORE: Final = re.compile(r"\b(?:by|before|no later than|within)\s*$", re.IGNORECASE)


def _read_source(source: str | os.PathLike[str] | bytes) -> tuple[list[str], str | None, str]:
    text, source_format, path = read_document_text(source)
    return text.splitlines(), path, source_format


def _clean(lines: list[str]) -> tuple[list[str], list[str]]:
    """Lines without page-break leftovers, the addressee block and footnotes (kept apart)."""
    kept: list[str] = []
    notes: list[str] = []
    in_address = False
    for raw in lines:
        line = raw.replace("\u00a0", " ")
        if _PAGE_LEFTOVER.match(line) and line.strip():
            continue
        if _ADDRESSEE.match(line):
            in_address = True
            continue
        if in_address and line.strip() and line.strip()[:1].islower():
            continue
        in_address = False
        if _FOOTNOTE_LINE.match(line):
            notes.append(line.strip())
            continue
        kept.append(re.sub(rf"(?<=[\w.,;)])[{_SUPERSCRIPTS}]+", "", line))
    return kept, notes


def _is_heading_like(line: str) -> bool:
    text = line.strip()
    return (
        0 < len(text) <= 100  # noqa: PLR2004
        and text[:1].isupper()
        and not text.endswith((".", ":", ";", ","))
        and _END_GRADE.search(text) is None
        and not _CLOSING.match(text)
    )


def _graded(block: str, where: str, problems: list[str]) -> tuple[GradedSentence, ...]:
    grades = follow_up_grades()
    out: list[GradedSentence] = []
    flat = " ".join(block.split())
    for sentence in _SENTENCE_END.split(flat):
        found = _END_GRADE.search(sentence)
        if found is None:
            continue
        letter = found["g"]
        if letter not in grades:
            problems.append(
                f"unknown grade {found.group().strip(' .;')!r} in {where}: {sentence!r}"
            )
            continue
        mark = FollowUpMark(grade=letter, qualifier=found["q"], limb=None)
        out.append(GradedSentence(mark=mark, sentence=sentence))
    return tuple(out)


def _blocks(lines: list[str]) -> list[tuple[str, list[str]]]:
    """(heading, body lines) from the first recommendation heading to the closing."""
    start = next((i for i, line in enumerate(lines) if _REC_END.search(line)), None)
    if start is None:
        return []
    blocks: list[tuple[str, list[str]]] = []
    for line in lines[start:]:
        if _CLOSING.match(line):
            break
        stripped = line.strip()
        if not stripped:
            continue
        if _REC_END.search(stripped) or _is_heading_like(stripped):
            blocks.append((stripped, []))
        else:
            blocks[-1][1].append(stripped)
    return blocks


def _concerned(text: str) -> tuple[str, ...]:
    match = _CONCERNED.search(" ".join(text.split()))
    if match is None:
        return ()
    parts = re.split(r"\s*(?:,|\band\b|\bet\b)\s*", match["list"])
    return tuple(" ".join(p.split()) for p in parts if p.strip())


def _reply(text: str) -> tuple[dt.date | None, str | None, dt.date | None]:
    flat = " ".join(text.split())
    reply_date = due = None
    symbol = None
    for mention in find_dates(flat, languages=l10n.supported("letters")):
        before = flat[max(0, mention.start - 40) : mention.start]
        if reply_date is None and _REPLY_BEFORE.search(before):
            reply_date = mention.date
            sentence_end = flat.find(". ", mention.end)
            if found := _REPLY_SYMBOL.search(
                flat, mention.end, sentence_end if sentence_end > 0 else len(flat)
            ):
                symbol = found.group(1)
        elif (
            due is None
            and _DUE_BEFORE.search(before)
            and "request" in flat[max(0, mention.start - 200) : mention.start]
        ):
            due = mention.date
    if symbol is None and (found := _REPLY_SYMBOL.search(flat)):
        symbol = found.group(1)
    return reply_date, symbol, due


def _letter_layout(
    lines: list[str], main: UnSymbol | None, problems: list[str]
) -> tuple[list[FollowUpItem], tuple[GradedSentence, ...]]:
    items: list[FollowUpItem] = []
    plan: tuple[GradedSentence, ...] = ()
    for heading, body in _blocks(lines):
        block = "\n".join(body)
        if _REC_END.search(heading):
            refs = list(_REC_REF.finditer(heading))
            if not refs:
                problems.append(f"heading names no paragraph that could be read: {heading!r}")
                _graded(block, repr(heading), problems)
                continue
            ref = refs[-1]
            topic = heading[: ref.start()].strip(" :.-–—")
            where = f"para. {ref['para']}" + (f" ({ref['limb']})" if ref["limb"] else "")
            items.append(
                FollowUpItem(
                    paragraph=int(ref["para"]),
                    limb=ref["limb"],
                    topic=topic,
                    marks=parse_marks(block),
                    symbol=main,
                    text=f"{heading}\n{block}".strip(),
                    heading=heading,
                    grades=_graded(block, where, problems),
                )
            )
        elif _PLAN.match(heading):
            plan = plan + _graded(block, "the implementation plan", problems)
        else:
            graded = _graded(block, repr(heading), problems)
            note = f" (its grades: {', '.join(str(g.mark) for g in graded)})" if graded else ""
            problems.append(
                f"heading names no paragraph of the concluding observations: {heading!r}{note}"
            )
    return items, plan


@checked(source=optional(PATH_OR_BYTES), text=optional(TEXT), reply_due_on=optional(DATE))
def read_follow_up_letter(
    source: str | os.PathLike[str] | bytes | None = None,
    *,
    text: str | None = None,
    reply_due_on: dt.date | None = None,
) -> FollowUpLetter:
    r"""Read a Rapporteur's follow-up letter (CAT, HRC, CERD) into the recommendations it grades.

    Two layouts are read:

    - the Committees' letters as sent: one heading per recommendation that *ends* with
      "(para. 13 (b) of the Committee's concluding observations)", prose whose grade
      stands at the end of a sentence ("… from the outset (1/E)."), an "Implementation
      plan" heading with its own grade; footnotes, page-break leftovers ("…/…") and the
      addressee block in the middle of the text are set aside;
    - short summaries whose lines *begin* with a paragraph reference (``Paragraph 9``,
      ``para. 11 (a)``, ``§ 13``), each item running to the next one or to the closing.

    Nothing is dropped: an unknown grade letter, a heading that names no paragraph and a
    selected paragraph with no item are listed in :attr:`FollowUpLetter.problems`.

    Args:
        source: The letter as a text PDF, a DOCX or a UTF-8 text file (path or bytes).
            Passing the letter's *text* as a positional ``str`` still works but is
            deprecated (a :class:`DeprecationWarning`): use ``text=``.
        text: The letter's text.
        reply_due_on: The date the State's reply was due, if the letter does not print it.

    Returns:
        The letter's symbol, dates, items with their grades, the State's reply and whether
        it was late.

    Raises:
        ArgumentTypeError: Neither or both of ``source`` and ``text`` given (a ``TypeError``).
        InputError: The file does not exist or is a directory (naming it).
        DocumentError: The file is refused (an image-only PDF names its page), or not UTF-8.

    Examples:
        >>> letter = read_follow_up_letter(text=(
        ...     "9 March 2026\n"
        ...     "In its concluding observations (CAT/C/AZE/CO/5, para. 42), the Committee "
        ...     "requested information by 28 November 2025 on paragraphs 13 (b) and 21.\n"
        ...     "Thank you for your letter of 18 November 2025 (CAT/C/AZE/FCO/5).\n"
        ...     "Legal safeguards (para. 13 (b) of the Committee's concluding observations)\n"
        ...     "No information was provided on access to a lawyer (1/E).\n"
        ...     "Detention (para. 21 of the Committee's concluding observations)\n"
        ...     "Overcrowding persists (C).\n"))
        >>> letter.letter_date, letter.reply_date, letter.reply_symbol, letter.reply_late
        (datetime.date(2026, 3, 9), datetime.date(2025, 11, 18), 'CAT/C/AZE/FCO/5', False)
        >>> [(i.reference, i.topic, [str(g.mark) for g in i.grades]) for i in letter.items]
        [('para. 13 (b)', 'Legal safeguards', ['(1/E)']), ('para. 21', 'Detention', ['(C)'])]
        >>> letter.items[0].grades[0].sentence
        'No information was provided on access to a lawyer (1/E).'
        >>> letter.requested_paragraph, letter.paragraphs_concerned, letter.problems
        (42, ('13 (b)', '21'), ())
    """
    if (source is None) == (text is None):
        msg = "give the letter's path or text=, not both"
        raise ArgumentTypeError(
            msg, field="source", value=None, expected=("Path", "bytes", "text=")
        )
    source_format = "text"
    path: str | None = None
    if text is not None:
        lines = text.splitlines()
    elif isinstance(source, str):
        warnings.warn(
            "read_follow_up_letter(str) reads the string as the letter's text; this is "
            "deprecated: pass text=... for text, or a pathlib.Path for a file",
            DeprecationWarning,
            stacklevel=3,  # the caller, beyond the argument check's wrapper
        )
        lines = source.splitlines()
    else:  # another type is refused by @checked, naming the argument
        assert source is not None  # noqa: S101  (checked above)
        lines, path, source_format = _read_source(source)
    lines, notes = _clean(lines)
    joined = "\n".join(lines)
    symbols = [
        (m.start, m.citation) for m in find_citations(joined) if isinstance(m.citation, UnSymbol)
    ]
    co = [(start, s) for start, s in symbols if s.kind is UnSymbolKind.CONCLUDING_OBSERVATIONS]
    main = co[0][1] if co else None
    dates = _dates(lines)
    letter_date = next((d.date for d in dates if d.role == "letter"), None)
    problems: list[str] = []
    requested = _REQUESTED.search(" ".join(joined.split()))
    concerned = _concerned(joined)
    if any(_REC_END.search(line) for line in lines):
        items, plan = _letter_layout(lines, main, problems)
        reply_date, reply_symbol, found_due = _reply(joined)
    else:
        items, plan = _items(lines, symbols, main), ()
        reply_date = next((d.date for d in dates if d.role == "state_reply"), None)
        reply_symbol, found_due = None, None
    due = reply_due_on or found_due
    if reply_due_on and found_due and reply_due_on != found_due:
        problems.append(
            f"the letter gives {found_due.isoformat()} as the reply's due date, "
            f"not {reply_due_on.isoformat()} as given"
        )
    read = {f"{i.paragraph} ({i.limb})" if i.limb else str(i.paragraph) for i in items}
    problems.extend(
        f"paragraph {p} was selected for follow-up but no item of the letter grades it"
        for p in concerned
        if p not in read
    )
    return FollowUpLetter(
        symbol=main,
        symbols=tuple(s for _, s in symbols),
        session=_session(joined),
        letter_date=letter_date,
        reply_date=reply_date,
        dates=tuple(dates),
        items=tuple(items),
        source=path,
        source_format=source_format,
        requested_paragraph=int(requested["para"]) if requested else None,
        paragraphs_concerned=concerned,
        reply_symbol=reply_symbol,
        reply_due_on=due,
        reply_late=(reply_date > due) if reply_date and due else None,
        implementation_plan=plan,
        footnotes=tuple(notes),
        problems=tuple(problems),
    )
