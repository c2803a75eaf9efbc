"""Deterministic DOCX packages: raw zip writing, fingerprints, overwrite protection.

The rendered package is written by hand rather than with :mod:`zipfile`, so
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
import zlib
from collections.abc import Iterable, Mapping

import attrs

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
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_LOCAL = struct.Struct("<IHHHHHIIIHH")
_CENTRAL = struct.Struct("<IHHHHHHIIIHHHHHII")
_END = struct.Struct("<IHHHHIIH")


@attrs.frozen
class ZipEntry:
    """One zip entry with its data already compressed.

    Attributes:
        name: The entry name.
        method: 0 (stored) or 8 (deflated).
        crc: CRC-32 of the uncompressed data.
        size: Uncompressed size.
        raw: The compressed bytes.
    """

    name: str
    method: int
    crc: int
    size: int
    raw: bytes = attrs.field(repr=False)


def deflated(name: str, data: bytes) -> ZipEntry:
    """A deflated entry (level 6, raw deflate) for ``data``.

    >>> deflated("x", b"aaaa").size
    4
    """
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = compressor.compress(data) + compressor.flush()
    return ZipEntry(name=name, method=8, crc=zlib.crc32(data), size=len(data), raw=raw)


def raw_entry(
    source: bytes, name: str, header_offset: int, method: int, crc: int, size: int, compressed: int
) -> ZipEntry:
    """The entry ``name`` of the zip ``source`` with its compressed bytes, unchanged."""
    fields = _LOCAL.unpack_from(source, header_offset)
    start = header_offset + _LOCAL.size + fields[9] + fields[10]
    raw = source[start : start + compressed]
    return ZipEntry(name=name, method=method, crc=crc, size=size, raw=raw)


def write_zip(entries: Iterable[ZipEntry]) -> bytes:
    """A zip archive of ``entries`` in the given order, with fixed timestamps."""
    out = bytearray()
    central = bytearray()
    count = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        flags = 0 if entry.name.isascii() else 0x0800
        offset = len(out)
        out += _LOCAL.pack(
            0x04034B50, 20, flags, entry.method, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.raw), entry.size, len(name), 0,
        )  # fmt: skip
        out += name
        out += entry.raw
        central += _CENTRAL.pack(
            0x02014B50, 20, 20, flags, entry.method, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.raw), entry.size, len(name), 0, 0, 0, 0, 0, offset,
        )  # fmt: skip
        central += name
        count += 1
    start = len(out)
    out += central
    out += _END.pack(0x06054B50, 0, 0, count, count, len(central), start, 0)
    return bytes(out)


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
    from litigate.parse.docx import _Package

    package = _Package(source)
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
