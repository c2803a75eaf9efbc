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
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from litigate.errors import CitationParseError, DocumentError, ValidationError
from litigate.parse.citations import UnSymbol, UnSymbolKind, _rules, find_citations

__all__ = [
    "FollowUpItem",
    "FollowUpLetter",
    "FollowUpMark",
    "Grade",
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
    """

    symbol: UnSymbol | None
    symbols: tuple[UnSymbol, ...]
    session: int | None
    letter_date: dt.date | None
    reply_date: dt.date | None
    dates: tuple[LetterDate, ...]
    items: tuple[FollowUpItem, ...]
    source: str | None = None


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


def _read_lines(source: str | Path) -> tuple[list[str], str | None]:
    if isinstance(source, str):
        return source.splitlines(), None
    given: object = source  # callers without type checking may pass anything
    if not isinstance(given, Path):
        msg = f"a follow-up letter must be text (str) or a pathlib.Path (got {given!r})"
        raise DocumentError(msg, reason="unsupported_input")
    suffix = source.suffix.lower()
    if suffix in {".txt", ".text", ""}:
        try:
            return source.read_text(encoding="utf-8-sig").splitlines(), str(source)
        except UnicodeDecodeError as exc:
            msg = f"{source} is not UTF-8 text: {exc}"
            raise DocumentError(msg, reason="not_utf8", path=str(source)) from exc
    if suffix == ".docx":
        try:
            from litigate.parse.docx import read_docx_paragraphs
        except ImportError as exc:  # pragma: no cover - the DOCX reader ships with litigate
            msg = f"{source}: the DOCX reader (litigate.parse.docx) is not available"
            raise DocumentError(msg, reason="docx_reader_missing", path=str(source)) from exc
        paragraphs = read_docx_paragraphs(source)
        lines = [
            f"{number} {p.text}" if (number := getattr(p, "number", None)) else p.text
            for p in paragraphs
        ]
        return lines, str(source)
    msg = f"{source}: only .txt and .docx follow-up letters are read (got {suffix!r})"
    raise DocumentError(msg, reason="unsupported_format", path=str(source))


def read_follow_up_letter(text_or_path: str | Path) -> FollowUpLetter:
    r"""Read a Rapporteur's follow-up letter into the recommendations it assesses.

    An item starts at a line that begins with a paragraph reference (``Paragraph 9``,
    ``para. 11 (a)``, ``§ 13``) and runs to the next one, or to the closing
    ("Yours sincerely", "Annex").  Its marks are every mark in it; its symbol is the
    concluding observations named last before it (else the letter's first).

    Args:
        text_or_path: The letter as text, or a :class:`pathlib.Path` to a ``.txt`` (UTF-8)
            or ``.docx`` file.  A ``str`` is always the text itself, never a file name.

    Returns:
        The letter's symbol, session, dates and items.

    Raises:
        DocumentError: The file is not ``.txt`` or ``.docx``, not UTF-8, or a refused DOCX.
        OSError: The file cannot be read.

    Examples:
        >>> letter = read_follow_up_letter(
        ...     "Concluding observations CAT/C/AZE/CO/4.\n"
        ...     "Geneva, 12 May 2017\n"
        ...     "Paragraph 9: Fundamental legal safeguards (B)\n"
        ...     "para. 11 (a) (1/E)\n")
        >>> letter.letter_date, str(letter.symbol)
        (datetime.date(2017, 5, 12), 'CAT/C/AZE/CO/4')
        >>> [(i.reference, i.topic, [str(m) for m in i.marks]) for i in letter.items]
        [('para. 9', 'Fundamental legal safeguards', ['(B)']), ('para. 11 (a)', '', ['(a) (1/E)'])]
        >>> read_follow_up_letter(Path("letter.pdf"))
        Traceback (most recent call last):
        ...
        litigate.errors.DocumentError: letter.pdf: only .txt and .docx follow-up letters are read (got '.pdf')
    """
    lines, source = _read_lines(text_or_path)
    lines = [line.replace("\u00a0", " ") for line in lines]
    text = "\n".join(lines)
    symbols = [
        (m.start, m.citation) for m in find_citations(text) if isinstance(m.citation, UnSymbol)
    ]
    co = [(start, s) for start, s in symbols if s.kind is UnSymbolKind.CONCLUDING_OBSERVATIONS]
    main = co[0][1] if co else None
    dates = _dates(lines)
    letter_date = next((d.date for d in dates if d.role == "letter"), None)
    reply_date = next((d.date for d in dates if d.role == "state_reply"), None)
    return FollowUpLetter(
        symbol=main,
        symbols=tuple(s for _, s in symbols),
        session=_session(text),
        letter_date=letter_date,
        reply_date=reply_date,
        dates=tuple(dates),
        items=tuple(_items(lines, symbols, main)),
        source=source,
    )
