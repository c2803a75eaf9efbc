"""The text of a letter received as a text PDF, a DOCX or a UTF-8 text file, and which it was.

Used by the readers of Registry letters and of the Committees' follow-up letters: the
format is told from the file's first bytes (``%PDF-``, a zip archive), never from its
name, and the reader says which it used.
"""

from __future__ import annotations

import os
from pathlib import Path

from litigate._files import NotARegularFileError, is_encrypted_name, read_bounded
from litigate.errors import DocumentError, InputError

__all__ = ["read_document_text"]


def read_document_text(source: str | os.PathLike[str] | bytes) -> tuple[str, str, str | None]:
    """The text of a letter in a text PDF, a DOCX or a UTF-8 text file, and which it was.

    Returns:
        ``(text, source_format, path)`` with ``source_format`` ``"pdf"``, ``"docx"`` or ``"text"``.

    Raises:
        InputError: The path does not exist or is a directory (naming it).
        DocumentError: The file is refused (see :func:`litigate.parse.pdf.read_pdf`,
            :func:`litigate.parse.docx.read_docx_paragraphs`), or is not UTF-8 text.

    Examples:
        >>> read_document_text("no/such/letter.pdf")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: no such file: no/such/letter.pdf
    """
    from litigate.parse.docx import MAX_COMPRESSED_BYTES, read_docx_footnotes, read_docx_paragraphs
    from litigate.parse.pdf import is_pdf, read_pdf_text

    path: str | None = None
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        target = Path(source)
        path = str(target)
        if target.is_dir():
            msg = f"a directory, not a letter: {target}"
            raise InputError(msg, field="path", value=path)
        if not target.exists():
            msg = f"no such file: {target}"
            raise InputError(msg, field="path", value=path)
        try:
            # Never a plain open(): a FIFO would block and /dev/zero never end.
            data, _ = read_bounded(target, MAX_COMPRESSED_BYTES, noun="letter")
        except DocumentError as exc:
            if isinstance(exc.__cause__, NotARegularFileError):
                msg = f"not a regular file (a device, pipe or socket), not a letter: {target}"
                raise InputError(msg, field="path", value=path) from exc.__cause__
            raise
    if is_encrypted_name(path or ""):
        source = data  # decrypted once, above: read from memory
    head = data[:8]
    if is_pdf(source):
        return read_pdf_text(source), "pdf", path
    if head.startswith(b"PK"):
        paragraphs = read_docx_paragraphs(source)
        notes = read_docx_footnotes(source)
        body = "\n".join(p.label for p in paragraphs)
        tail = "\n".join(f"{n} {t}" for n, t in sorted(notes.items()))
        return (f"{body}\n{tail}" if tail else body), "docx", path
    try:
        return data.decode("utf-8-sig"), "text", path
    except UnicodeDecodeError as exc:
        msg = f"{path or 'the document'} is neither a PDF, a DOCX nor UTF-8 text: {exc}"
        raise DocumentError(msg, reason="not_utf8", path=path) from exc
