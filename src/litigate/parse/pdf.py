"""Reading a text PDF without trusting it: paragraphs, visible numbers, headings, footnotes.

The Government's observations and the Registry's letters arrive through eComms as
*text* PDF.  :func:`read_pdf_paragraphs` turns such a file into the same
:class:`~litigate.parse.docx.DocxParagraph` values the DOCX reader gives, so that
:func:`~litigate.parse.observations.read_observations` classifies both alike:

- the lines of each page are read with their font size and position (pypdfium2,
  the PDFium engine: chosen over pdfminer.six and pdfplumber for speed and for
  its C parser's own limits, see ``docs/observations.md``);
- a line starting ``13.`` or ``(a)`` opens a numbered paragraph; a wider gap than
  the usual line spacing closes a paragraph; a line printed larger than the body
  text, starting ``I.``/``A.``/``1.`` or in capitals, is a heading;
- a small raised number in the body is a footnote reference; the lines at the
  foot of the page that start with that number are the footnote, kept apart;
- page numbers and ``…/…`` left at the top or bottom of a page are dropped.

The file is refused (:class:`~litigate.errors.DocumentError`, with ``reason``)
before any page is read when it is larger than the DOCX limit, encrypted, carries
JavaScript or automatic actions, nests objects deeper than :data:`MAX_NESTING`, or
has more than :data:`MAX_PAGES` pages; a page without text (a scan) is refused
naming the page, never read as empty.  Content streams that inflate beyond
:data:`MAX_PAGE_CHARS` characters on one page are refused as a decompression bomb.
pypdfium2 is imported only when a PDF is read, so ``import litigate`` stays light.
"""

from __future__ import annotations

import ctypes
import itertools
import os
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs

from litigate._files import clear_name, is_encrypted_name, read_bounded, read_regular
from litigate.errors import DocumentError
from litigate.parse.docx import MAX_COMPRESSED_BYTES, DocxParagraph

__all__ = [
    "MAX_NESTING",
    "MAX_PAGES",
    "MAX_PAGE_CHARS",
    "PdfText",
    "is_pdf",
    "read_pdf",
    "read_pdf_paragraphs",
    "read_pdf_text",
]

MAX_PAGES = 2_000
"""Largest number of pages accepted (a 40-page pleading is typical; eComms files are at most 50 MB)."""
MAX_NESTING = 100
"""Deepest nesting of dictionaries and arrays accepted in the file's uncompressed objects."""
MAX_PAGE_CHARS = 200_000
"""Most characters accepted on one page (a dense A4 page holds about 5,000)."""

_PDF_MAGIC = b"%PDF-"
_ACTIONS = re.compile(rb"/(JavaScript|JS|Launch|SubmitForm|ImportData|RichMedia|EmbeddedFile)\b")
_ENCRYPT = re.compile(rb"/Encrypt\b")
_NEST_TOKEN = re.compile(rb"<<|>>|\[|\]|\((?:\\.|[^\\()])*\)|stream\r?\n")
_OPEN_RUN = rb"(?:(?:<<|\[)\s*){%d,}"
_NUMBERED = re.compile(r"^(?P<number>\d{1,4}\.|\([a-z]{1,3}\)|\([ivx]{1,6}\))\s+(?P<rest>\S.*)$")
_HEADING_NUMBER = re.compile(
    r"^(?P<number>[IVXL]{1,6}\.|[A-H]\.|\d{1,2}\.(?:\d{1,2}\.?)?)\s+(?P<rest>\S.*)$"
)
_PAGE_FURNITURE = re.compile(
    r"^\s*(?:\d{1,4}|-\s*\d{1,4}\s*-|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/|sur)\s*\d{1,4})?"
    r"|[.…]{1,3}\s*/\s*[.…]{1,3})\s*$",
    re.IGNORECASE,
)
_FOOTNOTE_START = re.compile(r"^(\d{1,3})(?![.)\d])\s*(\S.*)$")
_SUPERSCRIPT_RATIO = 0.8
_PARAGRAPH_GAP = 1.35
_HEADING_RATIO = 1.1
_EDGE = 0.08
_SHORT_LINE = 0.85


@attrs.frozen(kw_only=True)
class _Line:
    page: int
    text: str
    size: float
    top: float
    left: float
    right: float = 0.0
    notes: tuple[int, ...] = ()


@attrs.frozen(kw_only=True)
class PdfText:
    """A text PDF read: its paragraphs, footnotes and page count.

    Attributes:
        paragraphs: The body paragraphs, as the DOCX reader gives them.
        footnotes: Footnote texts by number.
        pages: The number of pages.
        path: The file read, or ``None`` for bytes.
    """

    paragraphs: tuple[DocxParagraph, ...]
    footnotes: dict[int, str]
    pages: int
    path: str | None = None

    @property
    def text(self) -> str:
        """The paragraphs as plain text, one a line, numbers included."""
        return "\n".join(p.label for p in self.paragraphs)


def is_pdf(source: str | os.PathLike[str] | bytes) -> bool:
    """Whether ``source`` (a path or bytes) starts as a PDF file does.

    Examples:
        >>> is_pdf(b"%PDF-1.7 ..."), is_pdf(b"PK...")
        (True, False)
    """
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source[:1024]).lstrip().startswith(_PDF_MAGIC)
    if is_encrypted_name(source):  # not decrypted twice: told by the name inside, NAME.pdf.age
        return clear_name(source).suffix.lower() == ".pdf"
    try:
        # Through read_regular: a FIFO or a device is never opened for reading (it would
        # block or never end); it is refused later by the reader it goes to.
        head = read_regular(source, 1024)[:1024]
    except OSError:
        return False
    return head.lstrip().startswith(_PDF_MAGIC)


def _refuse(message: str, reason: str, path: str | None) -> DocumentError:
    return DocumentError(message, reason=reason, path=path)


def _load(source: str | os.PathLike[str] | bytes) -> tuple[bytes, str | None]:
    data, path = read_bounded(source, MAX_COMPRESSED_BYTES)
    if not data[:1024].lstrip().startswith(_PDF_MAGIC):
        msg = "the document is not a PDF file (no %PDF- header)"
        raise _refuse(msg, "not_a_pdf", path)
    return data, path


def _nesting(data: bytes) -> int:
    """The deepest ``<<``/``[`` nesting in the uncompressed part of the file.

    Strings are skipped, and so is the content of each stream (from ``stream`` to
    ``endstream``), which PDFium parses as content, not as objects.  A run of more
    than :data:`MAX_NESTING` openers is counted at once, even inside a string (a
    refusal on the safe side, and the attack's usual form).
    """
    if run := re.search(_OPEN_RUN % (MAX_NESTING + 1), data):
        return len(re.findall(rb"<<|\[", run.group()))
    depth = deepest = 0
    position = 0
    while match := _NEST_TOKEN.search(data, position):
        token = match.group()
        position = match.end()
        if token in (b"<<", b"["):
            depth += 1
            deepest = max(deepest, depth)
        elif token in (b">>", b"]"):
            depth = max(0, depth - 1)
        elif token.startswith(b"stream"):
            close = data.find(b"endstream", position)
            position = len(data) if close < 0 else close + len(b"endstream")
    return deepest


def _screen(data: bytes, path: str | None) -> None:
    """Refuse, from the raw bytes, what PDFium should never be asked to run or decrypt."""
    if found := _ACTIONS.search(data):
        name = found.group(1).decode()
        msg = f"the PDF contains /{name} (scripts or automatic actions); print it to a plain text PDF"
        raise _refuse(msg, "active_content", path)
    if _ENCRYPT.search(data):
        msg = "the PDF is encrypted (password-protected); remove the protection and save it again"
        raise _refuse(msg, "encrypted", path)
    if (depth := _nesting(data)) > MAX_NESTING:
        msg = f"the PDF nests objects {depth} deep; the limit is {MAX_NESTING}"
        raise _refuse(msg, "deep_nesting", path)


def _pdfium() -> Any:
    import pypdfium2

    return pypdfium2


_MAX_NOTE_DIGITS = 6


def _note_or_text(digits: str, notes: list[int], out: list[str]) -> None:
    """Small raised digits: a footnote number, or text when too long to be one."""
    if len(digits) <= _MAX_NOTE_DIGITS:
        notes.append(int(digits))
    else:
        out.append(digits)


def _page_lines(textpage: Any, raw: Any, page_no: int, height: float) -> list[_Line]:
    count = textpage.count_chars()
    if count > MAX_PAGE_CHARS:
        msg = f"page {page_no} has {count} characters; the limit is {MAX_PAGE_CHARS} (decompression bomb?)"
        raise DocumentError(msg, reason="too_large")
    text = textpage.get_text_range() if count else ""
    lines: list[_Line] = []
    offset = 0
    for chunk in text.split("\r\n"):
        start, end = offset, offset + len(chunk)
        offset = end + 2
        sizes = [raw.FPDFText_GetFontSize(textpage.raw, i) for i in range(start, min(end, count))]
        visible = [
            (i, s) for i, s in zip(range(start, end), sizes, strict=False) if not text[i].isspace()
        ]
        if not visible:
            continue
        body = max(Counter(round(s, 1) for _, s in visible).items(), key=lambda kv: kv[1])[0]
        out: list[str] = []
        notes: list[int] = []
        digits = ""
        for i in range(start, end):
            char = text[i]
            size = sizes[i - start] if i - start < len(sizes) else body
            # isdecimal, not isdigit: "¹" is a digit that int() refuses.
            small = char.isdecimal() and size < body * _SUPERSCRIPT_RATIO and i > start
            if small:
                digits += char
                continue
            if digits:
                _note_or_text(digits, notes, out)
                digits = ""
            out.append(char)
        if digits:
            _note_or_text(digits, notes, out)
        x, y = ctypes.c_double(), ctypes.c_double()
        raw.FPDFText_GetCharOrigin(textpage.raw, visible[0][0], ctypes.byref(x), ctypes.byref(y))
        lines.append(
            _Line(
                page=page_no,
                text=" ".join("".join(out).split()),
                size=body,
                top=height - y.value,
                left=x.value,
                right=textpage.get_charbox(visible[-1][0])[2],
                notes=tuple(notes),
            )
        )
    return lines


def _split_footnotes(
    lines: list[_Line], expected: list[int], height: float
) -> tuple[list[_Line], list[tuple[int, str]]]:
    """Body lines of one page, and the footnotes at its foot (numbers in ``expected``)."""
    for position, line in enumerate(lines):
        match = _FOOTNOTE_START.match(line.text)
        if not match or not expected or int(match.group(1)) != expected[0]:
            continue
        if line.top < height * 0.5:
            continue
        notes: list[tuple[int, str]] = []
        for rest in lines[position:]:
            start = _FOOTNOTE_START.match(rest.text)
            if start and expected and int(start.group(1)) == expected[0]:
                expected.pop(0)
                notes.append((int(start.group(1)), start.group(2)))
            elif notes:
                joiner = "" if notes[-1][1].endswith("-") and rest.text[:1].isdigit() else " "
                notes[-1] = (notes[-1][0], notes[-1][1] + joiner + rest.text)
        return lines[:position], notes
    return lines, []


def _is_furniture(line: _Line, height: float) -> bool:
    near_edge = line.top < height * _EDGE or line.top > height * (1 - _EDGE)
    return bool(_PAGE_FURNITURE.match(line.text)) and (near_edge or "/" in line.text)


def _read_lines(data: bytes, path: str | None) -> tuple[list[_Line], dict[int, str], int]:
    pdfium = _pdfium()
    raw = pdfium.raw
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = f"the PDF cannot be opened: {exc}"
        raise _refuse(msg, "bad_pdf", path) from exc
    try:
        pages = len(document)
        if pages > MAX_PAGES:
            msg = f"the PDF has {pages} pages; the limit is {MAX_PAGES}"
            raise _refuse(msg, "too_many_pages", path)
        body: list[_Line] = []
        footnotes: dict[int, str] = {}
        pending: list[int] = []
        for index in range(pages):
            try:  # a damaged page tree or content stream: PDFium cannot load the page
                page = document[index]
            except pdfium.PdfiumError as exc:
                msg = f"page {index + 1} of the PDF cannot be read: {exc}"
                raise _refuse(msg, "bad_pdf", path) from exc
            height = page.get_height()
            try:
                textpage = page.get_textpage()
            except pdfium.PdfiumError as exc:
                page.close()
                msg = f"the text of page {index + 1} of the PDF cannot be read: {exc}"
                raise _refuse(msg, "bad_pdf", path) from exc
            try:
                lines = _page_lines(textpage, raw, index + 1, height)
            except DocumentError as exc:
                raise _refuse(str(exc), exc.reason or "too_large", path) from exc
            finally:
                textpage.close()
                page.close()
            lines = [line for line in lines if not _is_furniture(line, height)]
            if not lines:
                msg = (
                    f"page {index + 1} of the PDF has no text (a scanned image?): "
                    "ask for a text PDF or run OCR first"
                )
                raise _refuse(msg, "image_only", path)
            pending.extend(n for line in lines for n in line.notes)
            kept, notes = _split_footnotes(lines, pending, height)
            footnotes.update(notes)
            body.extend(kept)
        return body, footnotes, pages
    finally:
        document.close()


def _paragraphs(lines: list[_Line]) -> Iterator[tuple[list[_Line], float]]:
    """Group lines into paragraphs (each with its font size)."""
    if not lines:
        return
    size = Counter(line.size for line in lines).most_common(1)[0][0]
    pitches = [
        b.top - a.top
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and a.size == b.size == size and b.top > a.top
    ]
    spacing = min(pitches) / size if pitches else 1.2  # line pitch as a multiple of the font size
    margin = max(line.right for line in lines)
    group: list[_Line] = [lines[0]]
    for previous, line in itertools.pairwise(lines):
        same_page = previous.page == line.page
        gap = line.top - previous.top if same_page else 0.0
        starts = bool(_NUMBERED.match(line.text)) or line.size != previous.size
        if not same_page and not starts:
            # across a page break: a short last line, or a full stop before a capital,
            # ends the paragraph; a full line runs on
            short = previous.right < margin * _SHORT_LINE
            stop = previous.text.endswith((".", ":", ";")) and line.text[:1].isupper()
            starts = short or stop
        if starts or gap > line.size * spacing * _PARAGRAPH_GAP:
            yield group, group[0].size
            group = [line]
        else:
            group.append(line)
    yield group, group[0].size


def _join(lines: list[_Line]) -> str:
    text = ""
    for line in lines:
        if text.endswith("-") and line.text[:1].islower():
            text = text[:-1] + line.text
        else:
            text = f"{text} {line.text}" if text else line.text
    return text


def _to_paragraphs(lines: list[_Line]) -> tuple[DocxParagraph, ...]:
    groups = list(_paragraphs(lines))
    body = Counter(s for g, s in groups for _ in g).most_common(1)[0][0] if groups else 0.0
    numbered_sizes = {
        s for g, s in groups if s > body * _HEADING_RATIO and _HEADING_NUMBER.match(g[0].text)
    }
    heading_sizes = sorted(
        numbered_sizes or {s for _, s in groups if s > body * _HEADING_RATIO}, reverse=True
    )
    out: list[DocxParagraph] = []
    for group, size in groups:
        text = _join(group)
        notes = tuple(n for line in group for n in line.notes)
        number: str | None = None
        level: int | None = None
        list_level: int | None = None
        heading = _HEADING_NUMBER.match(text)
        if size > body * _HEADING_RATIO and len(text) <= 300:  # noqa: PLR2004
            level = sum(1 for s in heading_sizes if s > size) + 1 if size in heading_sizes else 1
            if heading:
                number, text = heading.group("number"), heading.group("rest")
            elif not out or all(p.heading_level is None and p.number is None for p in out):
                level = None  # a title page: larger print before any heading or paragraph
        elif numbered := _NUMBERED.match(text):
            number, text = numbered.group("number"), numbered.group("rest")
            list_level = 0 if number.endswith(".") else 1
        out.append(
            DocxParagraph(
                index=len(out),
                text=text,
                heading_level=level,
                number=number,
                footnote_ids=notes,
                list_id="pdf" if list_level is not None else None,
                list_level=list_level,
            )
        )
    return tuple(out)


def read_pdf(source: str | os.PathLike[str] | bytes) -> PdfText:
    """Read a text PDF into paragraphs and footnotes.

    Args:
        source: A path to the PDF, or its bytes.

    Returns:
        The paragraphs (numbers split from the text as :class:`DocxParagraph`
        keeps them), footnotes by number, and the page count.

    Raises:
        DocumentError: The file is refused: ``reason`` is ``"not_a_pdf"``,
            ``"too_large"``, ``"encrypted"``, ``"active_content"``,
            ``"deep_nesting"``, ``"too_many_pages"``, ``"image_only"`` (naming the
            page), ``"bad_pdf"`` or ``"unreadable"``.

    Examples:
        >>> read_pdf(b"not a pdf")
        Traceback (most recent call last):
        ...
        litigate.errors.DocumentError: the document is not a PDF file (no %PDF- header)
    """
    data, path = _load(source)
    _screen(data, path)
    lines, footnotes, pages = _read_lines(data, path)
    return PdfText(paragraphs=_to_paragraphs(lines), footnotes=footnotes, pages=pages, path=path)


def read_pdf_paragraphs(source: str | os.PathLike[str] | bytes) -> tuple[DocxParagraph, ...]:
    """The body paragraphs of a text PDF (see :func:`read_pdf`)."""
    return read_pdf(source).paragraphs


def read_pdf_text(source: str | os.PathLike[str] | bytes) -> str:
    """The text of a PDF, paragraph by paragraph, footnotes after the body (see :func:`read_pdf`)."""
    read = read_pdf(source)
    notes = "\n".join(f"{n} {t}" for n, t in sorted(read.footnotes.items()))
    return f"{read.text}\n{notes}" if notes else read.text
