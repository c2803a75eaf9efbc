"""Reading a DOCX package without trusting it: paragraphs, visible numbers, footnotes.

A DOCX file is a zip archive of XML parts.  A file received from the other side
(the Government's observations, a domestic judgment) is *untrusted input*: it may
be something else renamed ``.docx``, an encrypted or macro-enabled Office file, a
zip bomb, an archive with ``../`` entries, or XML with a DOCTYPE that declares
external or exponentially nested entities.  Every such file is refused with a
:class:`~litigate.errors.DocumentError` whose ``reason`` says why, before any
large amount of memory or time is spent.  Nothing here opens a network
connection, and python-docx is not used for reading: the XML is parsed with a
locked-down lxml parser.

The numbers a reader sees in Word (``13.``, ``1.2``, ``(a)``) are often not in the
text at all but produced by Word's automatic numbering; :func:`read_docx_paragraphs`
computes them from ``word/numbering.xml`` as Word does (levels, formats, restarts,
numbering inherited from the paragraph style).

Examples:
    >>> import io, docx
    >>> d = docx.Document()
    >>> _ = d.add_heading("I. THE FACTS", level=1)
    >>> _ = d.add_paragraph("The applicant was arrested.", style="List Number")
    >>> _ = d.add_paragraph("He was released.", style="List Number")
    >>> buf = io.BytesIO(); d.save(buf)
    >>> paras = read_docx_paragraphs(buf.getvalue())
    >>> [(p.heading_level, p.number, p.text) for p in paras]
    [(1, None, 'I. THE FACTS'), (None, '1.', 'The applicant was arrested.'), (None, '2.', 'He was released.')]
    >>> read_docx_paragraphs(b"%PDF-1.7 not a docx")
    Traceback (most recent call last):
    ...
    litigate.errors.DocumentError: the document is not a DOCX file (not a zip archive)
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import attrs

from litigate import _ooxml
from litigate._ooxml import DOCX, Package, load, parse_xml
from litigate.errors import DocumentError

__all__ = [
    "MAX_COMPRESSED_BYTES",
    "MAX_ENTRIES",
    "MAX_ENTRY_RATIO",
    "MAX_LEVEL_TEXT",
    "MAX_NUMBER_LABEL",
    "MAX_SPELLED_NUMBER",
    "MAX_UNCOMPRESSED_BYTES",
    "RATIO_MIN_BYTES",
    "DocxParagraph",
    "read_docx_footnotes",
    "read_docx_paragraphs",
]

# The limits of every package litigate reads live in one place, litigate._ooxml
# (docs/reliability.md); these names stay for the DOCX readers' callers.
MAX_COMPRESSED_BYTES = _ooxml.MAX_PACKAGE_BYTES
"""Largest DOCX file accepted (bytes on disk): :data:`litigate._ooxml.MAX_PACKAGE_BYTES`."""
MAX_UNCOMPRESSED_BYTES = _ooxml.MAX_EXPANDED_BYTES
"""Largest total of uncompressed bytes read (or declared) across the archive."""
MAX_ENTRY_RATIO = _ooxml.MAX_ENTRY_RATIO
"""Largest compression ratio accepted for an entry larger than :data:`RATIO_MIN_BYTES`."""
RATIO_MIN_BYTES = _ooxml.RATIO_MIN_BYTES
"""Entries at most this large are never refused for their compression ratio."""
MAX_ENTRIES = _ooxml.MAX_ENTRIES
"""Largest number of entries accepted in the archive."""

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEADING_STYLE = re.compile(
    r"^(?:heading|titre|überschrift|titolo|título)\s*([1-9])$", re.IGNORECASE
)
_SPACES = re.compile(r"[ \t\u00a0\r\n]+")
_SKIPPED_FOOTNOTE_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


@attrs.frozen(kw_only=True)
class DocxParagraph:
    """One paragraph of the document body, as a reader sees it.

    Attributes:
        index: Position among the body paragraphs (0-based, tables included).
        text: The text of the runs, tabs and line breaks read as spaces, whitespace
            collapsed.  A number typed by hand stays in the text.
        style: The paragraph style id (``"Heading1"``, ``"ListNumber"``), or ``None``.
        heading_level: ``1`` for ``Heading 1`` (or outline level 0), …; ``None`` for body text.
        number: The automatic number Word shows (``"13."``, ``"1.2"``, ``"(a)"``), or ``None``.
        footnote_ids: Ids of the footnotes referenced in the paragraph, in order.
        list_id: For an automatically numbered paragraph, the abstract numbering it
            counts in (paragraphs of one list share it); else ``None``.
        list_level: The list level (``0`` for ``1.``, ``1`` for ``(a)`` beneath it).
    """

    index: int
    text: str
    style: str | None = None
    heading_level: int | None = None
    number: str | None = None
    footnote_ids: tuple[int, ...] = ()
    list_id: str | None = attrs.field(default=None, repr=False)
    list_level: int | None = attrs.field(default=None, repr=False)

    @property
    def label(self) -> str:
        """The number followed by the text, as printed (``"13. The applicant…"``).

        Examples:
            >>> DocxParagraph(index=0, text="Facts.", number="1.").label
            '1. Facts.'
        """
        return f"{self.number} {self.text}" if self.number else self.text


# --------------------------------------------------------------------------- package


def _Package(source: str | os.PathLike[str] | bytes) -> Package:  # noqa: N802 - kept name
    """The checked DOCX package of a file or bytes (see :mod:`litigate._ooxml`)."""
    return load(source, DOCX)


_parse_xml = parse_xml


def _part_targets(package: Package) -> dict[str, str]:
    """Map relationship types (last path segment) of the main document to part names."""
    targets = {
        "styles": "word/styles.xml",
        "numbering": "word/numbering.xml",
        "footnotes": "word/footnotes.xml",
    }
    rels = package.xml("word/_rels/document.xml.rels")
    if rels is None:
        return targets
    for rel in rels.iter(f"{{{_PKG_REL}}}Relationship"):
        kind = str(rel.get("Type", "")).rsplit("/", 1)[-1]
        target = str(rel.get("Target", ""))
        if kind in targets and rel.get("TargetMode") != "External" and target:
            resolved = target.lstrip("/") if target.startswith("/") else f"word/{target}"
            parts: list[str] = []
            for piece in resolved.split("/"):
                if piece == "..":
                    if parts:
                        parts.pop()
                elif piece not in {"", "."}:
                    parts.append(piece)
            targets[kind] = "/".join(parts)
    return targets


def _open(source: str | os.PathLike[str] | bytes) -> tuple[Package, dict[str, str]]:
    package = _Package(source)
    try:
        return package, _part_targets(package)
    except BaseException:
        package.close()
        raise


# --------------------------------------------------------------------------- text


def _text_of(element: Any) -> tuple[str, tuple[int, ...]]:
    """Text and footnote references of a paragraph (or footnote), skipping nested paragraphs."""
    pieces: list[str] = []
    notes: list[int] = []
    skip = {_w("instrText"), _w("delText"), _w("del"), _w("txbxContent"), _w("pPr"), _w("rPr")}
    stack = list(reversed(element))
    while stack:
        node = stack.pop()
        tag = node.tag
        if not isinstance(tag, str) or tag in skip or (tag == _w("r") and _hidden(node)):
            continue
        if tag == _w("t"):
            pieces.append(node.text or "")
        elif tag in {_w("tab"), _w("br"), _w("cr"), _w("ptab")}:
            pieces.append(" ")
        elif tag in {_w("noBreakHyphen"), _w("softHyphen")}:
            pieces.append("-" if tag == _w("noBreakHyphen") else "")
        elif tag == _w("footnoteReference"):
            with contextlib.suppress(ValueError, TypeError):
                notes.append(int(node.get(_w("id"))))
        elif tag == _w("p") and node is not element:
            continue
        stack.extend(reversed(node))
    return _SPACES.sub(" ", "".join(pieces)).strip(), tuple(notes)


def _hidden(run: Any) -> bool:
    """Whether a run is hidden text (``w:vanish``), which Word does not show or print."""
    rpr = run.find(_w("rPr"))
    vanish = rpr.find(_w("vanish")) if rpr is not None else None
    return vanish is not None and vanish.get(_w("val"), "true") not in {"0", "false", "off"}


# --------------------------------------------------------------------------- styles


@attrs.frozen
class _Style:
    name: str
    based_on: str | None
    num_id: int | None
    ilvl: int | None
    outline: int | None


def _int_attr(element: Any, child: str) -> int | None:
    if element is None:
        return None
    node = element.find(_w(child))
    if node is None:
        return None
    try:
        return int(node.get(_w("val")))
    except (TypeError, ValueError):
        return None


def _read_styles(root: Any) -> dict[str, _Style]:
    styles: dict[str, _Style] = {}
    if root is None:
        return styles
    for style in root.iter(_w("style")):
        style_id = style.get(_w("styleId"))
        if not style_id:
            continue
        name_node = style.find(_w("name"))
        based = style.find(_w("basedOn"))
        ppr = style.find(_w("pPr"))
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        styles[str(style_id)] = _Style(
            name=str(name_node.get(_w("val"))) if name_node is not None else str(style_id),
            based_on=str(based.get(_w("val"))) if based is not None else None,
            num_id=_int_attr(numpr, "numId"),
            ilvl=_int_attr(numpr, "ilvl"),
            outline=_int_attr(ppr, "outlineLvl"),
        )
    return styles


def _style_chain(styles: Mapping[str, _Style], style_id: str | None) -> Iterator[_Style]:
    seen: set[str] = set()
    while style_id is not None and style_id in styles and style_id not in seen:
        seen.add(style_id)
        style = styles[style_id]
        yield style
        style_id = style.based_on


def _heading_level(
    styles: Mapping[str, _Style], style_id: str | None, outline: int | None
) -> int | None:
    if outline is None:
        for style in _style_chain(styles, style_id):
            if style.outline is not None:
                outline = style.outline
                break
    if outline is not None:
        return outline + 1 if 0 <= outline < 9 else None  # noqa: PLR2004 - 9 is "body text"
    for candidate in (style_id, *(s.name for s in _style_chain(styles, style_id))):
        match = _HEADING_STYLE.match(candidate or "")
        if match:
            return int(match.group(1))
    return None


# --------------------------------------------------------------------------- numbering


@attrs.frozen
class _Level:
    start: int
    fmt: str
    text: str
    legal: bool = False


@attrs.define
class _Num:
    abstract: str
    overrides: dict[int, int]
    levels: dict[int, _Level]
    used: bool = False


def _read_level(lvl: Any) -> tuple[int, _Level]:
    ilvl = int(lvl.get(_w("ilvl"), "0"))
    start = _int_attr(lvl, "start")
    fmt_node = lvl.find(_w("numFmt"))
    text_node = lvl.find(_w("lvlText"))
    return ilvl, _Level(
        start=1 if start is None else start,
        fmt=str(fmt_node.get(_w("val"), "decimal")) if fmt_node is not None else "decimal",
        text=str(text_node.get(_w("val"), ""))[:MAX_LEVEL_TEXT] if text_node is not None else "",
        legal=lvl.find(_w("isLgl")) is not None,
    )


def _read_numbering(
    root: Any, styles: Mapping[str, _Style]
) -> tuple[dict[str, dict[int, _Level]], dict[int, _Num]]:
    abstracts: dict[str, dict[int, _Level]] = {}
    nums: dict[int, _Num] = {}
    links: dict[str, str] = {}  # abstract id -> numbering style it takes its levels from
    if root is None:
        return abstracts, nums
    for abstract in root.iter(_w("abstractNum")):
        link = abstract.find(_w("numStyleLink"))
        if link is not None and link.get(_w("val")):
            links[str(abstract.get(_w("abstractNumId")))] = str(link.get(_w("val")))
        levels: dict[int, _Level] = {}
        for lvl in abstract.findall(_w("lvl")):
            with contextlib.suppress(ValueError, TypeError):
                ilvl, level = _read_level(lvl)
                levels[ilvl] = level
        abstracts[str(abstract.get(_w("abstractNumId")))] = levels
    for num in root.iter(_w("num")):
        try:
            num_id = int(num.get(_w("numId")))
        except (TypeError, ValueError):
            continue
        ref = num.find(_w("abstractNumId"))
        overrides: dict[int, int] = {}
        levels = {}
        for override in num.findall(_w("lvlOverride")):
            with contextlib.suppress(ValueError, TypeError):
                ilvl = int(override.get(_w("ilvl"), "0"))
                start = _int_attr(override, "startOverride")
                if start is not None:
                    overrides[ilvl] = start
                lvl = override.find(_w("lvl"))
                if lvl is not None:
                    levels[ilvl] = _read_level(lvl)[1]
        abstract_id = str(ref.get(_w("val"))) if ref is not None else ""
        nums[num_id] = _Num(abstract=abstract_id, overrides=overrides, levels=levels)
    # A list style (w:numStyleLink): the abstract numbering of the style's own w:num holds the levels.
    for num in nums.values():
        style_id = links.get(num.abstract)
        style = styles.get(style_id) if style_id else None
        linked = nums.get(style.num_id) if style and style.num_id is not None else None
        if linked is not None and linked.abstract not in links:
            num.abstract = linked.abstract
    return abstracts, nums


MAX_SPELLED_NUMBER = 3_999
"""Largest list number shown in roman numerals or letters; above it, decimal digits.

``w:start`` may claim any integer (``10**100``): in roman numerals or repeated
letters that would be gigabytes of ``m`` or ``a``.  3,999 (``MMMCMXCIX``) is the
largest number the usual roman numerals write, and in letters it is 154
repetitions, already past any real list.
"""
MAX_LEVEL_TEXT = 255
"""Longest level text (``w:lvlText``, e.g. ``"%1.%2"``) read; the rest is ignored."""
MAX_NUMBER_LABEL = 100
"""Longest visible number kept for a paragraph (a real one is a few characters)."""


def _roman(value: int) -> str:
    if value <= 0 or value > MAX_SPELLED_NUMBER:
        return str(value)
    pairs = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    out = []
    for amount, letters in pairs:
        count, value = divmod(value, amount)
        out.append(letters * count)
    return "".join(out)


def _letter(value: int) -> str:
    """Word's letters: a…z, then aa…zz, then aaa… (the letter repeated)."""
    if value <= 0 or value > MAX_SPELLED_NUMBER:
        return str(value)
    repeat, offset = divmod(value - 1, 26)
    return chr(ord("a") + offset) * (repeat + 1)


_MAX_LIST_NUMBER = 32_767
"""Word's largest list number; a larger one (a hostile ``w:start``) is shown in figures."""


def _format_number(value: int, fmt: str) -> str:
    formats: dict[str, Callable[[int], str]] = {
        "lowerLetter": _letter,
        "upperLetter": lambda v: _letter(v).upper(),
        "lowerRoman": _roman,
        "upperRoman": lambda v: _roman(v).upper(),
        "decimalZero": lambda v: f"{v:02d}",
        "none": lambda _v: "",
    }
    if value > _MAX_LIST_NUMBER:  # no letters or numerals are built beyond it
        return str(value)
    return formats.get(fmt, str)(value)


class _Counter:
    """Word's list counters: one set per abstract numbering, restarted by ``startOverride``."""

    def __init__(self, abstracts: dict[str, dict[int, _Level]], nums: dict[int, _Num]) -> None:
        self.abstracts = abstracts
        self.nums = nums
        self.values: dict[str, dict[int, int]] = {}

    def level(self, num: _Num, ilvl: int) -> _Level | None:
        if ilvl in num.levels:
            return num.levels[ilvl]
        return self.abstracts.get(num.abstract, {}).get(ilvl)

    def next(self, num_id: int, ilvl: int) -> tuple[str, str | None] | None:
        """Advance the counter of ``num_id`` at ``ilvl``: ``(abstract id, visible number)``."""
        num = self.nums.get(num_id)
        if num is None:
            return None
        level = self.level(num, ilvl)
        if level is None:
            return None
        values = self.values.setdefault(num.abstract, {})
        if not num.used:
            num.used = True
            for over_level, start in num.overrides.items():
                values[over_level] = start - 1
                for deeper in [k for k in values if k > over_level]:
                    del values[deeper]
        values[ilvl] = values.get(ilvl, level.start - 1) + 1
        for deeper in [k for k in values if k > ilvl]:
            del values[deeper]
        if level.fmt == "bullet":
            # Symbol/Wingdings bullets are private-use characters: show the plain bullet.
            bullet = "".join("•" if "\uf000" <= c <= "\uf0ff" else c for c in level.text)
            return num.abstract, bullet or None

        def substitute(match: re.Match[str]) -> str:
            shown = int(match.group(1)) - 1
            shown_level = self.level(num, shown)
            if shown_level is None:
                return ""
            value = values.get(shown, shown_level.start)
            fmt = "decimal" if level.legal and shown_level.fmt != "none" else shown_level.fmt
            return _format_number(value, fmt)

        text = re.sub(r"%([1-9])", substitute, level.text)[:MAX_NUMBER_LABEL]
        return num.abstract, text or None


# --------------------------------------------------------------------------- reading


def _read_body(package: Package, targets: Mapping[str, str]) -> tuple[DocxParagraph, ...]:
    document = package.xml("word/document.xml")
    styles = _read_styles(package.xml(targets["styles"]))
    counter = _Counter(*_read_numbering(package.xml(targets["numbering"]), styles))
    body = document.find(_w("body"))
    if body is None:
        msg = "word/document.xml has no body"
        raise DocumentError(msg, reason="bad_xml", path=package.path, part="word/document.xml")
    paragraphs: list[DocxParagraph] = []
    for element in body.iter(_w("p")):
        if any(a.tag in {_w("p"), _w("txbxContent")} for a in element.iterancestors()):
            continue
        ppr = element.find(_w("pPr"))
        style_node = ppr.find(_w("pStyle")) if ppr is not None else None
        style_id = str(style_node.get(_w("val"))) if style_node is not None else None
        numpr = ppr.find(_w("numPr")) if ppr is not None else None
        num_id, ilvl = _int_attr(numpr, "numId"), _int_attr(numpr, "ilvl")
        if num_id is None:
            for style in _style_chain(styles, style_id):
                if style.num_id is not None:
                    num_id = style.num_id
                    ilvl = style.ilvl if ilvl is None else ilvl
                    break
        if ilvl is None:
            ilvl = next((s.ilvl for s in _style_chain(styles, style_id) if s.ilvl is not None), 0)
        numbered = counter.next(num_id, ilvl) if num_id else None
        text, notes = _text_of(element)
        paragraphs.append(
            DocxParagraph(
                index=len(paragraphs),
                text=text,
                style=style_id,
                heading_level=_heading_level(styles, style_id, _int_attr(ppr, "outlineLvl")),
                number=numbered[1] if numbered else None,
                footnote_ids=notes,
                list_id=numbered[0] if numbered else None,
                list_level=ilvl if numbered else None,
            )
        )
    return tuple(paragraphs)


def _read_notes(package: Package, targets: Mapping[str, str]) -> dict[int, str]:
    root = package.xml(targets["footnotes"])
    notes: dict[int, str] = {}
    if root is None:
        return notes
    for note in root.iter(_w("footnote")):
        if note.get(_w("type")) in _SKIPPED_FOOTNOTE_TYPES:
            continue
        try:
            note_id = int(note.get(_w("id")))
        except (TypeError, ValueError):
            continue
        texts = [_text_of(p)[0] for p in note.iter(_w("p"))]
        notes[note_id] = " ".join(t for t in texts if t)
    return notes


# --------------------------------------------------------------------------- public API


def read_docx_paragraphs(
    source: str | os.PathLike[str] | bytes,
) -> tuple[DocxParagraph, ...]:
    r"""Read the body paragraphs of a DOCX file, with the numbers Word shows.

    Args:
        source: A path to the file, or its bytes.

    Returns:
        Every paragraph of the body (tables included, text boxes excluded), in order.

    Raises:
        DocumentError: The file is refused; ``reason`` is one of ``"not_a_docx"``,
            ``"encrypted"``, ``"macro_enabled"``, ``"too_large"``, ``"zip_bomb"``,
            ``"bad_archive"``, ``"bad_xml"``, ``"external_entity"``, ``"unreadable"``.

    Examples:
        >>> import io, docx
        >>> d = docx.Document()
        >>> _ = d.add_paragraph("(a) typed by hand")
        >>> buf = io.BytesIO(); d.save(buf)
        >>> read_docx_paragraphs(buf.getvalue())[0]
        DocxParagraph(index=0, text='(a) typed by hand', style=None, heading_level=None, number=None, footnote_ids=())
        >>> read_docx_paragraphs(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
        Traceback (most recent call last):
        ...
        litigate.errors.DocumentError: the document is an encrypted (password-protected) ...
    """
    package, targets = _open(source)
    try:
        return _read_body(package, targets)
    finally:
        package.close()


def read_docx_footnotes(source: str | os.PathLike[str] | bytes) -> dict[int, str]:
    """Read the footnotes of a DOCX file (separators left out).

    Args:
        source: A path to the file, or its bytes.

    Returns:
        Footnote id → text (paragraphs joined by a space).  Empty without footnotes.

    Raises:
        DocumentError: The file is refused (see :func:`read_docx_paragraphs`).

    Examples:
        >>> import io, docx
        >>> buf = io.BytesIO(); docx.Document().save(buf)
        >>> read_docx_footnotes(buf.getvalue())
        {}
        >>> read_docx_footnotes(b"plain text renamed .docx")
        Traceback (most recent call last):
        ...
        litigate.errors.DocumentError: the document is not a DOCX file (not a zip archive)
    """
    package, targets = _open(source)
    try:
        return _read_notes(package, targets)
    finally:
        package.close()
