"""Deterministic DOCX packages: raw zip writing, fingerprints, overwrite protection.

The zip reading and writing itself lives in :mod:`litigate._ooxml`, the one home
of packages (:class:`ZipEntry`, :func:`deflated` and :func:`write_zip` are
importable from here as before).  The rendered package is written by hand rather
than with :mod:`zipfile`, so
that parts which did not change are copied *compressed* from the template
(no re-deflate of a 700 KB ``styles.xml`` on every render) and every entry has
the same timestamp (1980-01-01 00:00), no extra fields and the template's
order.  Rendered parts are deflated at level 6; the same input therefore gives
the same bytes (with the same zlib).

The fingerprint is the SHA-256 of the list ``name NUL sha256(part bytes) LF``
over every part except ``docProps/custom.xml``, sorted by name.  It is stored as
the custom document property ``litigate.fingerprint``; a file whose parts no
longer match it was changed after litigate wrote it (for instance saved from
Word).

Examples:
    >>> data = write_zip([deflated("a.txt", b"hello"), deflated("b.txt", b"")])
    >>> import io, zipfile
    >>> z = zipfile.ZipFile(io.BytesIO(data))
    >>> [(i.filename, i.date_time, z.read(i)) for i in z.infolist()]
    [('a.txt', (1980, 1, 1, 0, 0, 0), b'hello'), ('b.txt', (1980, 1, 1, 0, 0, 0), b'')]
    >>> read_fingerprint(data)
    Traceback (most recent call last):
    ...
    litigate.errors.DocumentError: the document is not a DOCX file (no word/document.xml)
"""

from __future__ import annotations

import hashlib
import struct
from collections.abc import Mapping

from litigate._ooxml import DOCX, ZipEntry, deflated, load, write_zip
from litigate.errors import DocumentError

__all__ = [
    "FINGERPRINT_PROPERTY",
    "ZipEntry",
    "deflated",
    "fingerprint",
    "read_fingerprint",
    "write_zip",
]

FINGERPRINT_PROPERTY = "litigate.fingerprint"
"""Name of the custom document property holding the fingerprint."""
CUSTOM_PART = "docProps/custom.xml"
CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_LOCAL = struct.Struct("<IHHHHHIIIHH")


def raw_entry(
    source: bytes, name: str, header_offset: int, method: int, crc: int, size: int, compressed: int
) -> ZipEntry:
    """The entry ``name`` of the zip ``source`` with its compressed bytes, unchanged.

    Prefer :meth:`litigate._ooxml.Package.raw_entry`, which takes the offsets from a
    checked central directory; this one refuses a local header that is not there.

    Raises:
        DocumentError: No local header at ``header_offset``, or its data runs past the end.
    """
    inside = 0 <= header_offset <= len(source) - _LOCAL.size
    fields = _LOCAL.unpack_from(source, header_offset) if inside else None
    if fields is None or fields[0] != 0x04034B50:  # noqa: PLR2004 - the local header signature
        msg = f"the archive entry {name!r} is not where the central directory says"
        raise DocumentError(msg, reason="bad_archive", part=name)
    start = header_offset + _LOCAL.size + fields[9] + fields[10]
    if start + compressed > len(source):
        msg = f"the archive entry {name!r} runs past the end of the archive's data"
        raise DocumentError(msg, reason="bad_archive", part=name)
    raw = source[start : start + compressed]
    return ZipEntry(name=name, method=method, crc=crc, size=size, raw=raw)


def fingerprint(digests: Mapping[str, str]) -> str:
    """The fingerprint from each part's SHA-256 hex digest (``custom.xml`` left out).

    >>> fingerprint({"a": "00"}) == fingerprint({"a": "00", "docProps/custom.xml": "11"})
    True
    """
    summary = hashlib.sha256()
    for name in sorted(digests):
        if name != CUSTOM_PART:
            summary.update(f"{name}\0{digests[name]}\n".encode())
    return summary.hexdigest()


def read_fingerprint(source: bytes | str) -> tuple[str | None, str]:
    """The stored fingerprint of a DOCX (or ``None``) and the one its parts give now.

    Raises:
        DocumentError: The file is not a readable, safe DOCX package.
    """
    package = load(source, DOCX)
    try:
        digests: dict[str, str] = {}
        for info in package.zip.infolist():
            data = package.read(info.filename)
            if data is not None and info.filename != CUSTOM_PART:
                digests[info.filename] = hashlib.sha256(data).hexdigest()
        stored: str | None = None
        custom = package.xml(CUSTOM_PART)
        if custom is not None:
            for prop in custom.iter(f"{{{CUSTOM_NS}}}property"):
                if prop.get("name") == FINGERPRINT_PROPERTY:
                    stored = "".join(prop.itertext()).strip()
    finally:
        package.close()
    return stored, fingerprint(digests)
