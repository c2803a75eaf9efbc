"""The annex bundle: the list of documents and every annex, in one stamped text PDF.

From the case's list of documents (section I of the application form,
:attr:`litigate.Case.documents`), :func:`annex_bundle` makes one PDF: first the
list itself, with the number of pages of each annex counted in its real file
and where it starts in the bundle, then the annexes in the order of the list,
numbered from 1, every page stamped at its top right with its annex number and
page ("Annex 3 – p. 2").  Annexes in PDF are merged as they are; a ``.docx``,
``.doc``, ``.odt``, ``.rtf`` or ``.txt`` annex is converted by LibreOffice
first (so is the list).  Merging and stamping use pypdf.

Each document's file is ``folder / document.reference`` unless ``files`` names
it (by annex number).  A listed annex whose file is missing stops the bundle,
and every missing one is named at once.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final

import attrs

from litigate import l10n
from litigate._court_dates import court_date
from litigate.drafts.pdf import (
    CONVERTIBLE,
    PdfConverter,
    ecomms_parts,
    require_text_pdf,
    write_pdf,
)
from litigate.errors import DocumentError, MissingAnnexError
from litigate.model import Case, Document

__all__ = ["Annex", "AnnexBundle", "annex_bundle", "stamp_text"]

# The languages whose words the stamps can draw in Helvetica (WinAnsi) are
# l10n.supported("stamps"); another catalogue language gets its fallback, reported.

# Helvetica's advance widths (thousandths of the font size) for the stamp's characters.
_HELVETICA: Final = {
    **dict.fromkeys("0123456789", 556),
    " ": 278,
    ".": 278,
    "–": 556,
    "A": 667,
    "n": 556,
    "e": 556,
    "x": 500,
    "p": 556,
}
_STAMP_SIZE: Final = 9.0
_MARGIN: Final = 14.0


def stamp_text(annex: int, page: int, *, locale: str = "en") -> str:
    """The stamp on page ``page`` of annex ``annex``.

    Examples:
        >>> stamp_text(3, 2)
        'Annex 3 – p. 2'
        >>> stamp_text(3, 2, locale="fr")
        'Annexe 3 – p. 2'
    """
    return f"{_words(locale)['annex']} {annex} – p. {page}"


def _words(locale: str) -> dict[str, Any]:
    lang = l10n.language(locale)
    return dict(l10n.labels(_stamp_language(lang), "bundle"))


def _stamp_language(lang: str) -> str:
    """The language of the stamps and the list: ``lang``, or the stamps' documented fallback."""
    if lang in l10n.supported("stamps"):
        return lang
    return l10n.words_from("stamps", "en")


@attrs.frozen(kw_only=True)
class Annex:
    """One annex of the bundle.

    Attributes:
        number: Its number, from 1 in the order of the list.
        document: The entry of the list of documents.
        file: The file it came from.
        pages: Its number of pages, counted in the file.
        first_page: Where it starts in the bundle (the list comes first).
        pages_without_text: Its pages that have no text of their own (scans):
            eComms takes text PDF only, so run them through OCR first.
    """

    number: int
    document: Document
    file: str
    pages: int
    first_page: int
    pages_without_text: tuple[int, ...] = ()

    @property
    def last_page(self) -> int:
        """Its last page in the bundle."""
        return self.first_page + self.pages - 1


@attrs.frozen(kw_only=True)
class AnnexBundle:
    """The bundle: its PDF, its annexes, and what the lawyer should check.

    Attributes:
        data: The PDF (the list of documents, then every annex, stamped).
        annexes: The annexes, in order.
        list_pages: How many pages the list of documents takes.
        notes: What to check: page counts that differ from the case's list,
            annex pages without text.
        files: The files written (several parts when over the eComms size limit).
    """

    data: bytes = attrs.field(repr=False)
    annexes: tuple[Annex, ...]
    list_pages: int
    notes: tuple[str, ...] = ()
    files: tuple[str, ...] = ()

    @property
    def pages(self) -> int:
        """The bundle's number of pages."""
        return self.list_pages + sum(a.pages for a in self.annexes)


def _resolve(
    documents: Sequence[Document],
    folder: Path,
    files: Mapping[int, str | os.PathLike[str]],
) -> list[Path]:
    paths: list[Path] = []
    missing: list[tuple[int, str, str | None]] = []
    for number, document in enumerate(documents, start=1):
        given = files.get(number)
        name = str(given) if given is not None else document.reference
        if not name:
            missing.append((number, document.title, None))
            paths.append(Path())
            continue
        path = Path(name) if Path(name).is_absolute() else folder / name
        if not path.is_file():
            missing.append((number, document.title, str(path)))
        paths.append(path)
    if missing:
        msg = f"{len(missing)} of the {len(documents)} listed annexes have no file"
        raise MissingAnnexError(msg, missing=missing)
    return paths


def _read_pdf(data: bytes, path: Path) -> Any:
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            msg = f"{path}: the PDF is encrypted with a password; save an unprotected copy"
            raise DocumentError(msg, reason="encrypted", path=str(path))
        _ = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError) as exc:
        msg = f"{path}: not a readable PDF: {exc}"
        raise DocumentError(msg, reason="not_a_pdf", path=str(path)) from exc
    return reader


def _date(value: date | None, locale: str) -> str:
    if value is None:
        return ""
    return court_date(value, locale)


def _list_docx(title: str, annexes: Sequence[tuple[Document, int, int]], locale: str) -> bytes:
    """The list of documents as a DOCX: number, document, date, pages, bundle pages."""
    import docx
    from docx.shared import Cm

    words = _words(locale)
    document = docx.Document()
    document.add_heading(words["title"], level=1)
    if title:
        document.add_paragraph(title)
    table = document.add_table(rows=1, cols=5)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        (words["number"], words["document"], words["date"], words["pages"], words["where"]),
        strict=True,
    ):
        cell.text = text
    for number, (entry, pages, first) in enumerate(annexes, start=1):
        row = table.add_row().cells
        where = f"{first}" if pages == 1 else f"{first}–{first + pages - 1}"
        for cell, text in zip(
            row,
            (f"{number}", entry.title, _date(entry.date, locale), f"{pages}", where),
            strict=True,
        ):
            cell.text = text
    table.autofit = False
    for column, width in zip(table.columns, _WIDTHS_CM, strict=True):
        column.width = Cm(width)
    for row in table.rows:
        for cell, width in zip(row.cells, _WIDTHS_CM, strict=True):
            cell.width = Cm(width)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


_WIDTHS_CM: Final = (1.2, 8.2, 3.4, 1.8, 2.9)


def _stamp_page(page: Any, text: str) -> None:
    from pypdf import PageObject
    from pypdf.generic import ContentStream, DictionaryObject, NameObject

    if page.rotation:
        page.transfer_rotation_to_content()
    box = page.cropbox
    width = sum(_HELVETICA.get(c, 600) for c in text) * _STAMP_SIZE / 1000
    x = float(box.right) - _MARGIN - width
    y = float(box.top) - _MARGIN - _STAMP_SIZE
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
            NameObject("/Encoding"): NameObject("/WinAnsiEncoding"),
        }
    )
    stamp = PageObject.create_blank_page(
        width=float(page.mediabox.width), height=float(page.mediabox.height)
    )
    stamp[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/LitigateStamp"): font})}
    )
    escaped = text.encode("cp1252").replace(b"\\", b"\\\\").replace(b"(", b"\\(")
    escaped = escaped.replace(b")", b"\\)")
    content = ContentStream(None, None)
    content.set_data(
        b"q 1 g %.2f %.2f %.2f %.2f re f 0 g BT /LitigateStamp %.1f Tf 1 0 0 1 %.2f %.2f Tm ("
        % (x - 3, y - 3, width + 6, _STAMP_SIZE + 5, _STAMP_SIZE, x, y)
        + escaped
        + b") Tj ET Q"
    )
    stamp.replace_contents(content)
    page.merge_page(stamp)


def annex_bundle(
    documents: Case | Sequence[Document],
    *,
    folder: str | os.PathLike[str] = ".",
    files: Mapping[int, str | os.PathLike[str]] | None = None,
    title: str | None = None,
    locale: str = "en",
    out: str | os.PathLike[str] | None = None,
    overwrite: bool = False,
    converter: PdfConverter | None = None,
    max_bytes: int | None = None,
) -> AnnexBundle:
    """One PDF with the list of documents and every annex, numbered and stamped.

    Args:
        documents: The case (its ``documents``, section I of the form), or the list itself.
        folder: Where the annexes' files are (``document.reference`` is the file name).
        files: File of an annex by its number (from 1), instead of its ``reference``.
        title: A line under the list's heading (default: the case's title).
        locale: ``"en"`` or ``"fr"``: the list's and the stamps' language (another
            language with a catalogue, ``"ru"``, gets English stamps; a locale
            without one is refused before any file is read).
        out: Write the bundle there, atomically; a bundle over the eComms size
            limit is written as ``<name> - Part 1.pdf``, ``- Part 2``… instead.
        overwrite: Replace a bundle changed since litigate wrote it.
        converter: The :class:`~litigate.drafts.pdf.PdfConverter` for the list and
            for annexes that are not PDF (default: one for this bundle).
        max_bytes: The size limit for ``out`` (default: the eComms limit, 50 MB).

    Raises:
        MissingAnnexError: Listed annexes have no file; all of them are named.
        DocumentError: An annex is not a readable PDF, or is encrypted.
        LibreOfficeNotFoundError: LibreOffice is not installed.
        OverwriteRefusedError: ``out`` exists and was changed since litigate wrote it.
        ValueError: The list is empty, or an annex is of a format litigate does not read.
        InputError: The locale's language has no catalogue (``field="locale"``).

    Examples:
        >>> import litigate
        >>> annex_bundle([litigate.Document(title="Judgment of the Baku Court of Appeal",
        ...                                 reference="appeal.pdf")], folder="/nowhere")
        Traceback (most recent call last):
        ...
        litigate.errors.MissingAnnexError: 1 of the 1 listed annexes have no file
          Annex 1 (Judgment of the Baku Court of Appeal): /nowhere/appeal.pdf
    """
    import pypdf

    _words(locale)  # an unsupported locale is refused before LibreOffice starts
    case_title = documents.title if isinstance(documents, Case) else None
    entries = tuple(documents.documents if isinstance(documents, Case) else documents)
    if not entries:
        msg = "the list of documents is empty: there is no annex to bundle"
        raise ValueError(msg)
    paths = _resolve(entries, Path(folder), files or {})
    unknown = [
        str(p) for p in paths if p.suffix.lower() != ".pdf" and p.suffix.lower() not in CONVERTIBLE
    ]
    if unknown:
        msg = (
            f"annexes must be PDF or {', '.join(sorted(CONVERTIBLE))} files: {', '.join(unknown)}"
        )
        raise ValueError(msg)
    own = converter is None
    office = converter if converter is not None else PdfConverter()
    try:
        to_convert = [p for p in paths if p.suffix.lower() != ".pdf"]
        converted = dict(zip(to_convert, office.convert_many(to_convert), strict=True))
        readers = [_read_pdf(converted[p] if p in converted else p.read_bytes(), p) for p in paths]
        counts = [len(r.pages) for r in readers]
        list_pdf, list_pages = _list_pdf(
            entries, counts, case_title if title is None else title, locale, office
        )
    finally:
        if own:
            office.close()
    notes: list[str] = []
    stamped = _stamp_language(l10n.language(locale))
    if stamped != l10n.language(locale):  # the documented fallback, reported
        notes.append(
            f"the list and the stamps are in {stamped!r}, not {locale!r}: the stamps' font "
            "(Helvetica) has no Cyrillic (l10n languages.toml, stamps)"
        )
    writer = pypdf.PdfWriter()
    writer.append(pypdf.PdfReader(io.BytesIO(list_pdf)))
    annexes: list[Annex] = []
    first = list_pages + 1
    for number, (entry, path, reader, count) in enumerate(
        zip(entries, paths, readers, counts, strict=True), start=1
    ):
        blank = tuple(
            n
            for n, page in enumerate(reader.pages, start=1)
            if not (page.extract_text() or "").strip()
        )
        start = len(writer.pages)
        writer.append(reader)
        for index in range(count):
            _stamp_page(writer.pages[start + index], stamp_text(number, index + 1, locale=locale))
        if entry.pages is not None and entry.pages != count:
            notes.append(
                f"Annex {number} ({entry.title}): the case lists {entry.pages} page(s), "
                f"the file has {count}; the bundle's list gives {count}"
            )
        if blank:
            notes.append(
                f"Annex {number} ({entry.title}): page(s) {', '.join(map(str, blank))} have no "
                "text (scanned?): eComms takes text PDF only; run them through OCR"
            )
        annexes.append(
            Annex(
                number=number,
                document=entry,
                file=str(path),
                pages=count,
                first_page=first,
                pages_without_text=blank,
            )
        )
        first += count
    writer.compress_identical_objects()
    buffer = io.BytesIO()
    writer.write(buffer)
    data = buffer.getvalue()
    written: list[str] = []
    if out is not None:
        target = Path(out)
        for name, part in ecomms_parts(data, target.name, max_bytes=max_bytes):
            written.append(str(write_pdf(target.with_name(name), part, overwrite=overwrite)))
    return AnnexBundle(
        data=data,
        annexes=tuple(annexes),
        list_pages=list_pages,
        notes=tuple(notes),
        files=tuple(written),
    )


def _list_pdf(
    entries: Sequence[Document],
    counts: Sequence[int],
    title: str | None,
    locale: str,
    converter: PdfConverter,
) -> tuple[bytes, int]:
    """The list as PDF, with bundle pages that allow for the list's own length."""
    guess = 1
    for _ in range(4):
        rows, first = [], guess + 1
        for entry, count in zip(entries, counts, strict=True):
            rows.append((entry, count, first))
            first += count
        source = _list_docx(title or "", rows, locale)
        pdf = converter.convert(source)
        pages = len(require_text_pdf(pdf, headings=[_words(locale)["title"]]))
        if pages == guess:
            return pdf, pages
        guess = pages
    msg = "the list of documents does not settle on a number of pages"
    raise DocumentError(msg, reason="unstable_list")
