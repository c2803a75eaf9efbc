"""The Government's observations (a DOCX) as numbered paragraphs, classified into their parts.

:func:`read_observations` reads the file safely (see :mod:`litigate.parse.docx`),
keeps the numbers a reader sees (Word's automatic numbering included, so that a
reply can answer "§ 13 of the Government's observations"), and splits the
document into :class:`Section` objects: the facts, each admissibility objection,
the merits per Convention article, just satisfaction and the conclusion.
Headings are classified by keyword rules in English and French kept as data in
``litigate/parse/data/observations.toml``.  Nothing is dropped: a part that no rule
recognises becomes a section of kind ``"unclassified"``, and every paragraph of the
document belongs to exactly one section.

Examples:
    >>> import io, docx
    >>> d = docx.Document()
    >>> _ = d.add_heading("The facts", level=1)
    >>> _ = d.add_paragraph("1. The applicant was arrested on 3 February 2025.")
    >>> _ = d.add_heading("Non-exhaustion of domestic remedies", level=1)
    >>> _ = d.add_paragraph("2. The applicant did not appeal.")
    >>> _ = d.add_heading("Alleged violation of Article 5 § 1 of the Convention", level=1)
    >>> _ = d.add_paragraph("3. The detention was lawful.")
    >>> buf = io.BytesIO(); d.save(buf)
    >>> obs = read_observations(buf.getvalue())
    >>> [(s.key, s.first_number, s.last_number) for s in obs.sections]
    [('facts', '1.', '1.'), ('non_exhaustion', '2.', '2.'), ('article:5', '3.', '3.')]
    >>> obs.articles
    ('5',)
    >>> read_observations(b"not a docx")
    Traceback (most recent call last):
    ...
    litigate.errors.DocumentError: the document is not a DOCX file (not a zip archive)
"""

from __future__ import annotations

import functools
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from typing import Any

import attrs

from litigate import _display_hooks, l10n
from litigate._args import PATH_OR_BYTES, checked
from litigate._resources import packaged_toml
from litigate.errors import RuleDataError
from litigate.parse.docx import DocxParagraph, _open, _read_body, _read_notes
from litigate.parse.pdf import is_pdf, read_pdf

__all__ = [
    "ADMISSIBILITY_KINDS",
    "SECTION_KINDS",
    "HeadingRule",
    "Observations",
    "Section",
    "classify_heading",
    "heading_rules",
    "load_heading_rules",
    "read_observations",
]

ADMISSIBILITY_KINDS = (
    "non_exhaustion",
    "time_limit",
    "victim_status",
    "abuse_of_right",
    "manifestly_ill_founded",
    "ratione_personae",
    "ratione_materiae",
    "ratione_loci",
    "ratione_temporis",
    "no_significant_disadvantage",
    "same_matter",
    "anonymity",
)
"""The admissibility objections (Article 35 §§ 1-3 of the Convention, and Article 34)."""

SECTION_KINDS = (
    "preamble",
    "introduction",
    "facts",
    "admissibility",
    *ADMISSIBILITY_KINDS,
    "merits",
    "just_satisfaction",
    "conclusion",
    "unclassified",
)
"""Every section kind.  ``preamble`` is what comes before the first heading;
``admissibility`` and ``merits`` without an article are the general parts
(their paragraphs before the first objection or article)."""

_DATA = "litigate/parse/data/observations.toml"
_RULE_KEYS = frozenset({"kind", "language", "doc", "keywords", "regex", "examples"})
_TOP_KEYS = frozenset({"version", "article", "rule"})
_LANGUAGES = l10n.supported("observations")  # the heading rules' languages
_TYPED_NUMBER = re.compile(r"^\s*(\d{1,4})\s*\.(?=\s|$)")
_TYPED_HEADING = re.compile(
    r"^\s*(?:(?P<roman>[IVXL]{1,6})|(?P<letter>[A-H])|(?P<digit>\d{1,2}))[.)]\s+\S"
)
_WORDS = re.compile(r"[^\W\d_]+")
_TOC_ENTRY = re.compile(r"(?:\.{3,}|\u2026+|\t)\s*\d{1,3}\s*$")
"""A table-of-contents entry: dot leaders (or a tab) then a page number."""
_EN_WORDS = frozenset(
    [
        "the",
        "of",
        "and",
        "that",
        "to",
        "in",
        "is",
        "was",
        "were",
        "has",
        "have",
        "applicant",
        "government",
        "court",
        "which",
        "by",
    ]
)
_FR_WORDS = frozenset(
    [
        "le",
        "la",
        "les",
        "de",
        "des",
        "du",
        "et",
        "que",
        "est",
        "a",
        "été",
        "dans",
        "par",
        "une",
        "requérant",
        "gouvernement",
        "cour",
        "qui",
    ]
)


def _fold(text: str) -> str:
    """Lower case, accents removed, plain apostrophes and dashes, single spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    text = re.sub("[\u2010-\u2015\u2212]", "-", text)
    return re.sub(r"\s+", " ", text.casefold()).strip()


@attrs.frozen(kw_only=True)
class HeadingRule:
    """One keyword rule of ``observations.toml`` (see the file's header for the fields).

    Attributes:
        kind: The section kind the rule gives.
        language: ``"en"`` or ``"fr"``.
        doc: What the rule recognises.
        keywords: Folded substrings; any one matches.
        regex: Compiled patterns searched in the folded heading; any one matches.
        examples: Headings that must be classified as ``kind``.
    """

    kind: str
    language: str
    doc: str
    keywords: tuple[str, ...] = ()
    regex: tuple[re.Pattern[str], ...] = ()
    examples: tuple[str, ...] = ()

    def matches(self, folded: str) -> bool:
        """Whether the (folded) heading matches.

        Examples:
            >>> rule = HeadingRule(kind="facts", language="en", doc="", keywords=("facts",))
            >>> rule.matches("i. the facts"), rule.matches("merits")
            (True, False)
        """
        return any(k in folded for k in self.keywords) or any(r.search(folded) for r in self.regex)


@attrs.frozen
class _RuleSet:
    rules: tuple[HeadingRule, ...]
    article: Mapping[str, re.Pattern[str]]


def _load_rules(data: Mapping[str, Any], path: str) -> _RuleSet:
    errors: list[str] = []
    errors.extend(f"unknown key {key!r} @ $" for key in sorted(set(data) - _TOP_KEYS))
    if data.get("version") != 1:
        errors.append(f"version must be 1, not {data.get('version')!r} @ $.version")
    article: dict[str, re.Pattern[str]] = {}
    table = data.get("article", {})
    if not isinstance(table, dict):
        errors.append("article must be a table @ $.article")
        table = {}
    for language in _LANGUAGES:
        entry = table.get(language)
        where = f"$.article.{language}"
        if not isinstance(entry, dict) or set(entry) != {"regex"}:
            errors.append(f"must be a table with exactly one key 'regex' @ {where}")
            continue
        try:
            article[language] = re.compile(str(entry["regex"]))
        except re.error as exc:
            errors.append(f"invalid regex ({exc}) @ {where}.regex")
    errors.extend(
        f"unknown language {key!r} @ $.article" for key in sorted(set(table) - set(_LANGUAGES))
    )
    rules: list[HeadingRule] = []
    raw_rules = data.get("rule", [])
    if not isinstance(raw_rules, list) or not raw_rules:
        errors.append("rule must be a non-empty array of tables @ $.rule")
        raw_rules = []
    for number, raw in enumerate(raw_rules):
        where = f"$.rule[{number}]"
        if not isinstance(raw, dict):
            errors.append(f"must be a table @ {where}")
            continue
        errors.extend(f"unknown key {key!r} @ {where}" for key in sorted(set(raw) - _RULE_KEYS))
        errors.extend(
            f"missing key {key!r} @ {where}"
            for key in ("kind", "language", "doc", "examples")
            if key not in raw
        )
        kind, rule_language = raw.get("kind"), raw.get("language")
        if kind not in SECTION_KINDS:
            errors.append(f"unknown kind {kind!r} @ {where}.kind")
        if rule_language not in _LANGUAGES:
            errors.append(f"unknown language {rule_language!r} @ {where}.language")
        lists: dict[str, tuple[str, ...]] = {}
        for key in ("keywords", "regex", "examples"):
            value = raw.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
                errors.append(f"must be a list of non-empty strings @ {where}.{key}")
                value = []
            lists[key] = tuple(value)
        if not lists["keywords"] and not lists["regex"]:
            errors.append(f"needs keywords or regex @ {where}")
        compiled: list[re.Pattern[str]] = []
        for position, pattern in enumerate(lists["regex"]):
            try:
                compiled.append(re.compile(pattern))
            except re.error as exc:
                errors.append(f"invalid regex ({exc}) @ {where}.regex[{position}]")
        folded_keywords = tuple(_fold(k) for k in lists["keywords"])
        errors.extend(
            f"keyword {k!r} is not in folded form (write {_fold(k)!r}) @ {where}.keywords"
            for k in lists["keywords"]
            if _fold(k) != k
        )
        rules.append(
            HeadingRule(
                kind=str(kind),
                language=str(rule_language),
                doc=str(raw.get("doc", "")),
                keywords=folded_keywords,
                regex=tuple(compiled),
                examples=lists["examples"],
            )
        )
    if errors:
        raise RuleDataError(errors, path=path)
    return _RuleSet(rules=tuple(rules), article=article)


def load_heading_rules(
    data: Mapping[str, Any], *, path: str = "<data>"
) -> tuple[HeadingRule, ...]:
    """Check and load heading rules from a parsed TOML mapping (as in ``observations.toml``).

    Args:
        data: The parsed TOML document.
        path: Where it came from, for error messages.

    Returns:
        The rules, in file order.

    Raises:
        RuleDataError: Every problem found, at once (unknown keys, bad regexes, unknown kinds).

    Examples:
        >>> load_heading_rules({"version": 1, "rule": [{"kind": "facts", "colour": 1}]})
        Traceback (most recent call last):
        ...
        litigate.errors.RuleDataError: invalid data file <data>:
          must be a table with exactly one key 'regex' @ $.article.en
          ...
          unknown key 'colour' @ $.rule[0]
          ...
    """
    return _load_rules(data, path).rules


@functools.cache
def _rules() -> _RuleSet:
    data = packaged_toml("parse", "data", "observations.toml")
    return _load_rules(data, _DATA)


def heading_rules() -> tuple[HeadingRule, ...]:
    """The packaged heading rules, in the order they are tried.

    Examples:
        >>> sorted({r.language for r in heading_rules()})
        ['en', 'fr']
    """
    return _rules().rules


def _strip_typed_number(text: str) -> str:
    return re.sub(r"^\s*(?:[IVXL]{1,6}|[A-Ha-h]|\d{1,2}(?:\.\d{1,2})*)[.)]\s+", "", text)


def classify_heading(text: str, language: str | None = None) -> tuple[str, str | None] | None:
    """Classify one heading: ``(kind, article)``, or ``None`` if no rule matches.

    Args:
        text: The heading text (a typed number such as ``"II."`` is ignored).
        language: ``"en"`` or ``"fr"`` to try that language's rules first; ``None``
            tries all rules in file order.

    Returns:
        The section kind and, for a merits heading, the article (``"3"``,
        ``"P1-1"`` for Article 1 of Protocol No. 1), else ``None`` for the article.

    Examples:
        >>> classify_heading("Alleged violation of Article 5 § 1 of the Convention")
        ('merits', '5')
        >>> classify_heading("Sur la violation alléguée de l'article 1 du Protocole no 1")
        ('merits', 'P1-1')
        >>> classify_heading("B. Failure to comply with the four-month time limit")
        ('time_limit', None)
        >>> classify_heading("Miscellaneous") is None
        True
    """
    folded = _fold(_strip_typed_number(text))
    ruleset = _rules()
    rules = ruleset.rules
    if language in _LANGUAGES:
        rules = tuple(r for r in rules if r.language == language) + tuple(
            r for r in rules if r.language != language
        )
    for rule in rules:
        if rule.matches(folded):
            if rule.kind != "merits":
                return rule.kind, None
            return "merits", _article(folded, ruleset, rule.language)
    return None


def _article(folded: str, ruleset: _RuleSet, language: str) -> str | None:
    for lang in (language, *(x for x in _LANGUAGES if x != language)):
        match = ruleset.article[lang].search(folded)
        if match:
            protocol = match.group("protocol")
            article = match.group("article")
            return f"P{protocol}-{article}" if protocol else article
    return None


@attrs.frozen(kw_only=True)
class Section:
    """One part of the observations: the facts, an objection, the merits of an article.

    Attributes:
        kind: One of :data:`SECTION_KINDS`.
        article: For a merits section, the Convention article (``"3"``, ``"P1-1"``).
        heading: The heading text (as printed, with its number), or ``None`` for the preamble.
        first_index: Index of the first paragraph (the heading, if any).
        last_index: Index of the last paragraph.
        first_number: The first visible paragraph number inside (``"24."``), if any.
        last_number: The last visible paragraph number inside, if any.
        dates: Paragraph index → dates found by :func:`litigate.parse.dates.find_dates`
            (only paragraphs where something was found).
        citations: Paragraph index → citations found by
            :func:`litigate.parse.citations.find_citations`.
        footnote_dates: Footnote id → dates found in the footnotes referenced from the
            section's paragraphs.
        footnote_citations: Footnote id → citations found in those footnotes (the
            Government's case law is mostly cited in footnotes).
    """

    kind: str
    article: str | None = None
    heading: str | None = None
    first_index: int
    last_index: int
    first_number: str | None = None
    last_number: str | None = None
    dates: Mapping[int, tuple[Any, ...]] = attrs.field(factory=dict, eq=False)
    citations: Mapping[int, tuple[Any, ...]] = attrs.field(factory=dict, eq=False)
    footnote_dates: Mapping[int, tuple[Any, ...]] = attrs.field(factory=dict, eq=False)
    footnote_citations: Mapping[int, tuple[Any, ...]] = attrs.field(factory=dict, eq=False)

    @property
    def key(self) -> str:
        """``"article:3"`` for the merits of an article, else the kind.

        Examples:
            >>> Section(kind="merits", article="3", first_index=0, last_index=4).key
            'article:3'
        """
        return f"article:{self.article}" if self.kind == "merits" and self.article else self.kind

    @property
    def indexes(self) -> range:
        """The paragraph indexes of the section."""
        return range(self.first_index, self.last_index + 1)

    @property
    def is_objection(self) -> bool:
        """Whether the section is an admissibility objection."""
        return self.kind in ADMISSIBILITY_KINDS


@attrs.frozen(kw_only=True)
class Observations:
    """The Government's observations, read and classified.

    Attributes:
        paragraphs: Every paragraph, in order (see :class:`~litigate.parse.docx.DocxParagraph`).
        sections: The sections in order; together they cover every paragraph once.
        footnotes: Footnote id → text.
        language: ``"en"`` or ``"fr"`` (detected from the text).
        path: The file read, if any.
    """

    paragraphs: tuple[DocxParagraph, ...]
    sections: tuple[Section, ...]
    footnotes: Mapping[int, str] = attrs.field(factory=dict, eq=False)
    language: str
    path: str | None = None

    def __repr__(self) -> str:
        # Short: the paragraphs (the Government's text) are not repeated.
        keys = [s.key for s in self.sections[:8]]
        if len(self.sections) > len(keys):
            keys.append("...")
        return (
            f"Observations(language={self.language!r}, paragraphs={len(self.paragraphs)}, "
            f"sections={len(self.sections)} {keys!r})"
        )

    def _repr_html_(self) -> str | None:
        """The sections as HTML for Jupyter: kinds, headings, paragraph ranges."""
        return _display_hooks.html(self)

    @property
    def objections(self) -> tuple[Section, ...]:
        """The admissibility objections, in the Government's order."""
        return tuple(s for s in self.sections if s.is_objection)

    @property
    def articles(self) -> tuple[str, ...]:
        """The Convention articles argued on the merits, in order, each once."""
        return tuple(
            dict.fromkeys(s.article for s in self.sections if s.kind == "merits" and s.article)
        )

    def paragraphs_of(self, section: Section | str) -> tuple[DocxParagraph, ...]:
        """The paragraphs of a section (heading included), given as a section or its key.

        A key (``"time_limit"``, ``"article:3"``) names the first section with that key.

        Raises:
            KeyError: No section has that key.
        """
        if isinstance(section, str):
            section = self.section(section)
        return self.paragraphs[section.first_index : section.last_index + 1]

    def section(self, key: str) -> Section:
        """The first section whose :attr:`Section.key` is ``key``.

        Raises:
            KeyError: No section has that key.
        """
        for candidate in self.sections:
            if candidate.key == key:
                return candidate
        msg = f"no section {key!r}; sections: {', '.join(s.key for s in self.sections)}"
        raise KeyError(msg)

    def section_of(self, index: int) -> Section:
        """The section holding paragraph ``index``.

        Raises:
            IndexError: No such paragraph.
        """
        for candidate in self.sections:
            if candidate.first_index <= index <= candidate.last_index:
                return candidate
        msg = f"no paragraph {index}; the document has {len(self.paragraphs)}"
        raise IndexError(msg)

    def number_of(self, paragraph: DocxParagraph | int) -> str | None:
        """The number a reader sees on a paragraph: automatic, or typed at the start of the text."""
        if isinstance(paragraph, int):
            paragraph = self.paragraphs[paragraph]
        return _visible_number(paragraph)

    def paragraph(self, number: int | str) -> DocxParagraph:
        """The body paragraph the reader sees as number ``number`` (``13`` or ``"13."``).

        Raises:
            KeyError: No paragraph carries that number.
        """
        wanted = str(number).strip().rstrip(".")
        for candidate in self.paragraphs:
            shown = _visible_number(candidate)
            if candidate.heading_level is None and shown and shown.rstrip(".") == wanted:
                return candidate
        msg = f"no paragraph numbered {number!r}"
        raise KeyError(msg)


def _visible_number(paragraph: DocxParagraph) -> str | None:
    if paragraph.number:
        return paragraph.number
    match = _TYPED_NUMBER.match(paragraph.text)
    return f"{match.group(1)}." if match else None


def _detect_language(paragraphs: tuple[DocxParagraph, ...]) -> str:
    counts: Counter[str] = Counter()
    for paragraph in paragraphs:
        for word in _WORDS.findall(paragraph.text.casefold()):
            if word in _EN_WORDS:
                counts["en"] += 1
            elif word in _FR_WORDS:
                counts["fr"] += 1
    return "fr" if counts["fr"] > counts["en"] else "en"


def _typed_heading_level(paragraph: DocxParagraph) -> int | None:
    """A heading level for a paragraph that looks like a heading without a heading style."""
    text = paragraph.text
    if paragraph.number or not text or len(text) > 160 or text.endswith((".", ":", ";", ",")):  # noqa: PLR2004
        return None
    if _TOC_ENTRY.search(text) or (paragraph.style or "").casefold().startswith("toc"):
        return None
    match = _TYPED_HEADING.match(text)
    if match:
        if match.group("roman"):
            return 1
        return 2 if match.group("letter") else 3
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):  # noqa: PLR2004
        return 1
    return None


def _main_list(paragraphs: tuple[DocxParagraph, ...]) -> tuple[str | None, int | None]:
    """The numbering (list id, level) that carries most body paragraphs: the paragraph numbers."""
    counts: Counter[tuple[str | None, int | None]] = Counter(
        (p.list_id, p.list_level)
        for p in paragraphs
        if p.number and p.heading_level is None and p.list_id is not None
    )
    return counts.most_common(1)[0][0] if counts else (None, None)


@attrs.define
class _Open:
    kind: str
    article: str | None
    heading: str | None
    level: int | None
    first_index: int


def _find(name: str, text: str) -> tuple[Any, ...]:
    """Dates or citations found by the sibling modules, or ``()`` while they are missing."""
    module_name, function_name = name.rsplit(".", 1)
    try:
        module = __import__(module_name, fromlist=[function_name])
        finder = getattr(module, function_name)
    except (ImportError, AttributeError):
        return ()
    return tuple(finder(text))


def _findings(
    texts: Mapping[int, str],
) -> tuple[dict[int, tuple[Any, ...]], dict[int, tuple[Any, ...]]]:
    dates: dict[int, tuple[Any, ...]] = {}
    citations: dict[int, tuple[Any, ...]] = {}
    for key, text in texts.items():
        if found_dates := _find("litigate.parse.dates.find_dates", text):
            dates[key] = found_dates
        if found_citations := _find("litigate.parse.citations.find_citations", text):
            citations[key] = found_citations
    return dates, citations


def _build_sections(
    paragraphs: tuple[DocxParagraph, ...], language: str, footnotes: Mapping[int, str]
) -> tuple[Section, ...]:
    main_list = _main_list(paragraphs)

    def is_paragraph_number(p: DocxParagraph) -> bool:
        if p.heading_level is not None or _typed_heading_level(p) is not None:
            return False
        if p.number:
            return (p.list_id, p.list_level) == main_list
        return _TYPED_NUMBER.match(p.text) is not None

    opened: list[_Open] = []
    current = _Open(kind="preamble", article=None, heading=None, level=None, first_index=0)
    for paragraph in paragraphs:
        level = paragraph.heading_level
        if level is None:
            level = _typed_heading_level(paragraph)
        if level is None or not paragraph.text:
            continue
        heading = f"{paragraph.number} {paragraph.text}" if paragraph.number else paragraph.text
        found = classify_heading(paragraph.text, language)
        deeper = current.level is not None and level > current.level
        if found is None:
            if deeper:
                continue
            kind, article = "unclassified", None
        else:
            kind, article = found
            if deeper and kind == current.kind and article in {None, current.article}:
                continue
        if paragraph.index > current.first_index or current.heading is not None:
            opened.append(current)
        current = _Open(
            kind=kind, article=article, heading=heading, level=level, first_index=paragraph.index
        )
    opened.append(current)

    sections: list[Section] = []
    for position, part in enumerate(opened):
        last = (
            opened[position + 1].first_index - 1
            if position + 1 < len(opened)
            else len(paragraphs) - 1
        )
        if last < part.first_index:
            continue
        inside = paragraphs[part.first_index : last + 1]
        numbers = [_visible_number(p) for p in inside if is_paragraph_number(p)]
        dates, citations = _findings({p.index: p.text for p in inside})
        note_ids = [n for p in inside for n in p.footnote_ids if n in footnotes]
        note_dates, note_citations = _findings({n: footnotes[n] for n in note_ids})
        sections.append(
            Section(
                kind=part.kind,
                article=part.article,
                heading=part.heading,
                first_index=part.first_index,
                last_index=last,
                first_number=numbers[0] if numbers else None,
                last_number=numbers[-1] if numbers else None,
                dates=dates,
                citations=citations,
                footnote_dates=note_dates,
                footnote_citations=note_citations,
            )
        )
    return tuple(sections)


@checked(source=PATH_OR_BYTES)
def read_observations(source: str | os.PathLike[str] | bytes) -> Observations:
    """Read the Government's observations (a DOCX or a text PDF) and classify their parts.

    Args:
        source: A path to the DOCX or PDF file, or its bytes (a PDF is recognised by
            its ``%PDF-`` header and read by :func:`litigate.parse.pdf.read_pdf`).

    Returns:
        The paragraphs (with the numbers Word shows), the sections, the footnotes
        and the detected language.

    Raises:
        DocumentError: The file is refused (not a DOCX, encrypted, macro-enabled,
            too large, a zip bomb, hostile XML…; for a PDF: image-only naming the page,
            scripts, encryption, too many pages, deep nesting); see
            :func:`litigate.parse.docx.read_docx_paragraphs` and :func:`litigate.parse.pdf.read_pdf`.
        RuleDataError: The packaged rule file is invalid.
    """
    paragraphs, footnotes, path = _read_input(source)
    language = _detect_language(paragraphs)
    return Observations(
        paragraphs=paragraphs,
        sections=_build_sections(paragraphs, language, footnotes),
        footnotes=footnotes,
        language=language,
        path=path,
    )


def _read_input(
    source: str | os.PathLike[str] | bytes,
) -> tuple[tuple[DocxParagraph, ...], dict[int, str], str | None]:
    """Paragraphs, footnotes and path of a DOCX or a text PDF (told apart by their first bytes)."""
    if is_pdf(source):
        read = read_pdf(source)
        return read.paragraphs, read.footnotes, read.path
    package, targets = _open(source)
    try:
        return _read_body(package, targets), _read_notes(package, targets), package.path
    finally:
        package.close()
