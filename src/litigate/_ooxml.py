"""OOXML packages (DOCX, XLSX): the one place where litigate reads and writes zip archives.

A package received from outside (the Government's observations, a firm's
template, an applicants' spreadsheet) is *untrusted input*: it may be something
else renamed, an encrypted or macro-enabled Office file, a zip bomb, an archive
with ``../`` entries, a central directory that lies about where it is or how
many entries it holds, or XML with a DOCTYPE.  :class:`Package` refuses every
such file with a :class:`~litigate.errors.DocumentError` naming the part at
fault, before any large amount of memory or time is spent, under one set of
limits (:data:`MAX_PACKAGE_BYTES`, :data:`MAX_EXPANDED_BYTES`,
:data:`MAX_ENTRIES`, :data:`MAX_ENTRY_RATIO` above :data:`RATIO_MIN_BYTES`).

The central directory is walked here, entry by entry, before :mod:`zipfile`
sees it: the entry count that counts is the number of entries really there
(neither the end record's nor the ZIP64 record's claim), and every entry's local
header must be where the directory says.

Writing: :func:`write_zip` builds a package from :class:`ZipEntry` values with
fixed timestamps and no extra fields (the same entries give the same bytes);
:func:`write_package` writes it atomically, never over a file unless asked.

Examples:
    >>> data = write_zip([deflated("word/document.xml", b"<w:document/>")])
    >>> package = Package(data, GENERIC)
    >>> package.read("word/document.xml"), len(package.entries)
    (b'<w:document/>', 1)
    >>> Package(b"not a zip", DOCX)
    Traceback (most recent call last):
    ...
    litigate.errors.DocumentError: the document is not a DOCX file (not a zip archive)
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Self

import attrs

from litigate._files import read_bounded, write_atomic
from litigate.errors import DocumentError

__all__ = [
    "DOCX",
    "GENERIC",
    "MAX_ENTRIES",
    "MAX_ENTRY_RATIO",
    "MAX_EXPANDED_BYTES",
    "MAX_PACKAGE_BYTES",
    "RATIO_MIN_BYTES",
    "XLSX",
    "CentralEntry",
    "Flavour",
    "Package",
    "ZipEntry",
    "central_directory",
    "deflated",
    "load",
    "parse_xml",
    "write_package",
    "write_zip",
]

# --------------------------------------------------------------------------- the limits

MAX_PACKAGE_BYTES = 50 * 1024 * 1024
"""Largest package accepted, in bytes as stored (on disk or in memory)."""
MAX_EXPANDED_BYTES = 200 * 1024 * 1024
"""Largest total of uncompressed bytes declared by, or read from, one package."""
MAX_ENTRIES = 10_000
"""Largest number of entries in one package (counted in the central directory itself)."""
MAX_ENTRY_RATIO = 200
"""Largest compression ratio of an entry larger than :data:`RATIO_MIN_BYTES`."""
RATIO_MIN_BYTES = 1024 * 1024
"""Entries at most this large are never refused for their compression ratio."""

_CHUNK = 64 * 1024
_OLE_HEADER = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_DRIVE = re.compile(r"^[A-Za-z]:")
_MACRO_CONTENT = re.compile(rb"macroEnabled|vbaProject|vbaData", re.IGNORECASE)
_MACRO_PARTS = frozenset({"vbaproject.bin", "vbadata.xml"})
_DOCTYPE_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY", "<!doctype", "<!entity")
    for encoding in ("ascii", "utf-16-le", "utf-16-be")
)
_OVERLAP = max(len(mark) for mark in _DOCTYPE_MARKS)
# What zipfile and zlib raise on a damaged archive (struct.error and ValueError included:
# a wrong offset gives "negative seek value"); each becomes a DocumentError.
_ZIP_FAILURES = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    EOFError,
    OSError,
    ValueError,
    struct.error,
    NotImplementedError,
    IndexError,
    KeyError,
    OverflowError,
)

# The records of the zip format (PKWARE APPNOTE 6.3.10, sections 4.3.7 to 4.3.16).
_EOCD = struct.Struct("<4sHHHHIIH")
_EOCD_SIG = b"PK\x05\x06"
_LOCATOR = struct.Struct("<4sIQI")
_LOCATOR_SIG = b"PK\x06\x07"
_EOCD64 = struct.Struct("<4sQHHIIQQQQ")
_EOCD64_SIG = b"PK\x06\x06"
_CENTRAL = struct.Struct("<4sHHHHHHIIIHHHHHII")
_CENTRAL_SIG = b"PK\x01\x02"
_LOCAL = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_SIG = b"PK\x03\x04"
_MAX_COMMENT = 0xFFFF
_ZIP64_EXTRA = 0x0001
_FULL32 = 0xFFFFFFFF  # a 32-bit field whose value is in the ZIP64 extra field
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0


@attrs.frozen(kw_only=True)
class Flavour:
    """What a package must be, and how its refusals read.

    Attributes:
        noun: ``"document"``, ``"spreadsheet"``: the subject of the messages.
        not_reason: The ``reason`` when it is not such a package.
        not_a_zip: The message when it is not a zip archive at all.
        main_part: The part it must hold (``word/document.xml``), or ``None``.
        missing_main: The message when that part is missing.
        encrypted: The message for an encrypted or legacy binary Office file.
        macros: The message for a package with macros.
    """

    noun: str
    not_reason: str
    not_a_zip: str
    main_part: str | None
    missing_main: str
    encrypted: str
    macros: str


DOCX = Flavour(
    noun="document",
    not_reason="not_a_docx",
    not_a_zip="the document is not a DOCX file (not a zip archive)",
    main_part="word/document.xml",
    missing_main="the document is not a DOCX file (no word/document.xml)",
    encrypted=(
        "the document is an encrypted (password-protected) or legacy binary Office "
        "file; remove the password and save it as .docx"
    ),
    macros="the document contains macros ({part}); save it as a plain .docx",
)
XLSX = Flavour(
    noun="spreadsheet",
    not_reason="not_an_xlsx",
    not_a_zip=("the spreadsheet is not an XLSX file (not a zip archive); save it as .xlsx or CSV"),
    main_part="xl/workbook.xml",
    missing_main="the spreadsheet is not an XLSX file (no xl/workbook.xml)",
    encrypted=(
        "the spreadsheet is an encrypted (password-protected) or legacy .xls file; "
        "remove the password and save it as .xlsx or CSV UTF-8"
    ),
    macros="the spreadsheet contains macros ({part}); save it as a plain .xlsx",
)
GENERIC = Flavour(
    noun="package",
    not_reason="not_a_zip",
    not_a_zip="the file is not a zip package",
    main_part=None,
    missing_main="",
    encrypted="the file is an encrypted or legacy binary Office file",
    macros="the package contains macros ({part})",
)


def _refuse(message: str, reason: str, path: str | None, part: str | None = None) -> DocumentError:
    return DocumentError(message, reason=reason, path=path, part=part)


# --------------------------------------------------------------------------- the central directory


@attrs.frozen(kw_only=True)
class CentralEntry:
    """One entry as the central directory states it (offsets checked against the file).

    Attributes:
        name: The entry name (UTF-8 when flagged, else code page 437, as zipfile reads it).
        flags: The general-purpose bit flags.
        method: The compression method (0 stored, 8 deflated…).
        crc: CRC-32 of the uncompressed data.
        compressed: Compressed size.
        size: Uncompressed size.
        header_offset: Where its local header is in the file.
        data_offset: Where its compressed data starts in the file.
    """

    name: str
    flags: int
    method: int
    crc: int
    compressed: int
    size: int
    header_offset: int
    data_offset: int


def _end_record(data: bytes) -> int:
    """Where the end-of-central-directory record is, found as :mod:`zipfile` finds it."""
    if (
        len(data) >= _EOCD.size
        and data[-_EOCD.size :].startswith(_EOCD_SIG)
        and data[-2:] == b"\0\0"
    ):
        return len(data) - _EOCD.size
    at = data.rfind(_EOCD_SIG, max(0, len(data) - _EOCD.size - _MAX_COMMENT))
    if at < 0 or len(data) - at < _EOCD.size:
        return -1
    return at


def _zip64_values(extra: bytes, wanted: list[bool]) -> list[int | None]:
    """The 8-byte values of the ZIP64 extra field, for the fields whose 32-bit value is full."""
    at = 0
    while at + 4 <= len(extra):
        kind, length = struct.unpack_from("<HH", extra, at)
        body = extra[at + 4 : at + 4 + length]
        at += 4 + length
        if kind != _ZIP64_EXTRA:
            continue
        out: list[int | None] = []
        pos = 0
        for needed in wanted:
            if needed and pos + 8 <= len(body):
                out.append(struct.unpack_from("<Q", body, pos)[0])
                pos += 8
            else:
                out.append(None)
        return out
    return [None] * len(wanted)


def central_directory(
    data: bytes, flavour: Flavour = GENERIC, path: str | None = None
) -> tuple[CentralEntry, ...]:
    """Every entry of the central directory, walked and counted without trusting any count.

    The end record (and its ZIP64 record, if any) only say where the directory
    is and how long it is; the entries are counted one by one, and the walk
    stops past :data:`MAX_ENTRIES`.  Every entry's local header must lie before
    the directory and start with its signature.

    Raises:
        DocumentError: ``not_a_docx`` (or the flavour's reason) without an end
            record; ``zip_bomb`` past :data:`MAX_ENTRIES`; ``bad_archive`` when the
            directory or an entry's offsets are wrong.

    Examples:
        >>> [e.name for e in central_directory(write_zip([deflated("a", b"x")]))]
        ['a']
    """
    end = _end_record(data)
    if end < 0:
        raise _refuse(flavour.not_a_zip, flavour.not_reason, path)
    _, _, _, _, _, cd_size, cd_offset, _ = _EOCD.unpack_from(data, end)
    directory_end = end
    locator = end - _LOCATOR.size
    if locator >= 0 and data[locator : locator + 4] == _LOCATOR_SIG:
        record = locator - _EOCD64.size
        if record < 0 or data[record : record + 4] != _EOCD64_SIG:
            msg = "the archive's ZIP64 end record is missing or damaged"
            raise _refuse(msg, "bad_archive", path)
        fields = _EOCD64.unpack_from(data, record)
        cd_size, cd_offset = fields[8], fields[9]
        directory_end = record
    start = directory_end - cd_size
    if start < 0 or cd_offset > start:
        msg = (
            f"the archive's central directory is not where its end record says "
            f"(offset {cd_offset}, size {cd_size}, in a file of {len(data)} bytes)"
        )
        raise _refuse(msg, "bad_archive", path)
    shift = start - cd_offset  # bytes before the archive (zipfile accepts them too)
    entries: list[CentralEntry] = []
    at = start
    while at < directory_end:
        if len(entries) >= MAX_ENTRIES:
            msg = f"the archive has more than {MAX_ENTRIES} entries; the limit is {MAX_ENTRIES}"
            raise _refuse(msg, "zip_bomb", path)
        if directory_end - at < _CENTRAL.size or data[at : at + 4] != _CENTRAL_SIG:
            msg = f"the archive's central directory is damaged at byte {at}"
            raise _refuse(msg, "bad_archive", path)
        fields = _CENTRAL.unpack_from(data, at)
        flags, method, crc = fields[3], fields[4], fields[7]
        compressed, size, name_length, extra_length, comment_length = fields[8:13]
        offset = fields[16]
        name_end = at + _CENTRAL.size + name_length
        raw_name = data[at + _CENTRAL.size : name_end]
        extra = data[name_end : name_end + extra_length]
        at = name_end + extra_length + comment_length
        if at > directory_end:
            msg = f"the archive's central directory is damaged at byte {name_end}"
            raise _refuse(msg, "bad_archive", path)
        name = raw_name.decode("utf-8" if flags & 0x800 else "cp437", "replace")
        full = [size == _FULL32, compressed == _FULL32, offset == _FULL32]
        if any(full):
            wide = _zip64_values(extra, full)
            size, compressed, offset = (
                value if value is not None else old
                for value, old in zip(wide, (size, compressed, offset), strict=True)
            )
        header = offset + shift
        if header + _LOCAL.size > start or data[header : header + 4] != _LOCAL_SIG:
            msg = f"the archive entry {name!r} is not where the central directory says"
            raise _refuse(msg, "bad_archive", path, name)
        local = _LOCAL.unpack_from(data, header)
        data_offset = header + _LOCAL.size + local[9] + local[10]
        if data_offset + compressed > start:
            msg = f"the archive entry {name!r} runs past the end of the archive's data"
            raise _refuse(msg, "bad_archive", path, name)
        entries.append(
            CentralEntry(
                name=name,
                flags=flags,
                method=method,
                crc=crc,
                compressed=compressed,
                size=size,
                header_offset=header,
                data_offset=data_offset,
            )
        )
    return tuple(entries)


# --------------------------------------------------------------------------- reading


def parse_xml(data: bytes, name: str, path: str | None) -> Any:
    """The root of one XML part, parsed with a locked-down lxml parser (no DOCTYPE, no network).

    Raises:
        DocumentError: ``external_entity`` for a DOCTYPE or an entity declaration
            (in UTF-8 or UTF-16), ``bad_xml`` for XML that is not well-formed.
    """
    from lxml import etree  # type: ignore[import-untyped]

    if any(marker in data for marker in _DOCTYPE_MARKS):
        msg = (
            f"{name} declares a DOCTYPE or entities; refused (external entity / entity expansion)"
        )
        raise _refuse(msg, "external_entity", path, name)
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        msg = f"{name} is not well-formed XML: {exc}"
        raise _refuse(msg, "bad_xml", path, name) from exc
    if root.getroottree().docinfo.doctype:
        msg = f"{name} declares a DOCTYPE; refused (external entity / entity expansion)"
        raise _refuse(msg, "external_entity", path, name)
    return root


def _unsafe_name(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return (
        name.startswith(("/", "\\")) or bool(_DRIVE.match(name)) or ".." in parts or "\0" in name
    )


class Package:
    """A zip package checked entry by entry; its parts are read with bounded memory.

    Args:
        data: The package's bytes.
        flavour: What it must be (:data:`DOCX`, :data:`XLSX`, :data:`GENERIC`).
        path: The file it came from, for messages.

    Raises:
        DocumentError: It is refused; ``reason`` is the flavour's "not a …" reason,
            ``"encrypted"``, ``"macro_enabled"``, ``"too_large"``, ``"zip_bomb"``
            or ``"bad_archive"``.
    """

    def __init__(self, data: bytes, flavour: Flavour = GENERIC, path: str | None = None) -> None:
        self.data = data
        self.flavour = flavour
        self.path = path
        self.read_total = 0
        if data.startswith(_OLE_HEADER):
            raise _refuse(flavour.encrypted, "encrypted", path)
        if len(data) > MAX_PACKAGE_BYTES:
            msg = (
                f"the {flavour.noun} is {len(data)} bytes or more; "
                f"the limit is {MAX_PACKAGE_BYTES} bytes"
            )
            raise _refuse(msg, "too_large", path)
        self.entries = central_directory(data, flavour, path)
        self._by_name = {entry.name: entry for entry in self.entries}
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
        except _ZIP_FAILURES as exc:
            raise _refuse(flavour.not_a_zip, flavour.not_reason, path) from exc
        try:
            self._check_entries()
        except BaseException:
            self.zip.close()
            raise

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _check_entries(self) -> None:
        infos = self.zip.infolist()
        if [i.filename for i in infos] != [e.name for e in self.entries]:
            msg = "the archive's central directory reads differently from its entries"
            raise _refuse(msg, "bad_archive", self.path)
        declared = 0
        self.names: set[str] = set()
        for entry in self.entries:
            name = entry.name
            if name in self.names:
                msg = f"the archive holds the entry {name!r} twice"
                raise _refuse(msg, "bad_archive", self.path, name)
            if _unsafe_name(name):
                msg = f"the archive has an unsafe entry name {name!r}"
                raise _refuse(msg, "bad_archive", self.path, name)
            if entry.flags & 0x1:
                msg = f"the archive entry {name!r} is encrypted"
                raise _refuse(msg, "encrypted", self.path, name)
            if name.lower().rsplit("/", 1)[-1] in _MACRO_PARTS:
                msg = self.flavour.macros.format(part=name)
                raise _refuse(msg, "macro_enabled", self.path, name)
            declared += entry.size
            ratio = entry.size / max(entry.compressed, 1)
            if entry.size > RATIO_MIN_BYTES and ratio > MAX_ENTRY_RATIO:
                msg = f"the archive entry {name!r} expands {ratio:.0f} times (zip bomb?)"
                raise _refuse(msg, "zip_bomb", self.path, name)
            self.names.add(name)
        if declared > MAX_EXPANDED_BYTES:
            msg = f"the archive expands to {declared} bytes; the limit is {MAX_EXPANDED_BYTES}"
            raise _refuse(msg, "zip_bomb", self.path)
        main = self.flavour.main_part
        if main is not None and main not in self.names:
            raise _refuse(self.flavour.missing_main, self.flavour.not_reason, self.path, main)
        if main is not None:
            types = self.read("[Content_Types].xml")
            if types is not None and _MACRO_CONTENT.search(types):
                msg = self.flavour.macros.format(part="[Content_Types].xml")
                raise _refuse(msg, "macro_enabled", self.path, "[Content_Types].xml")

    def infolist(self) -> list[zipfile.ZipInfo]:
        """The entries as :mod:`zipfile` reads them, in the package's order."""
        return self.zip.infolist()

    def _chunks(self, name: str) -> Iterator[bytes]:
        """The decompressed bytes of one entry, chunk by chunk, under the size and ratio bounds."""
        info = self.zip.getinfo(name)
        length = 0
        try:
            with self.zip.open(info) as member:
                while chunk := member.read(_CHUNK):
                    length += len(chunk)
                    self.read_total += len(chunk)
                    ratio = length / max(info.compress_size, 1)
                    if self.read_total > MAX_EXPANDED_BYTES or (
                        length > RATIO_MIN_BYTES and ratio > MAX_ENTRY_RATIO
                    ):
                        msg = f"the archive entry {name!r} expands beyond the safe bounds (zip bomb?)"
                        raise _refuse(msg, "zip_bomb", self.path, name)
                    yield chunk
        except DocumentError:
            raise
        except _ZIP_FAILURES as exc:
            msg = f"the archive entry {name!r} cannot be read: {exc}"
            raise _refuse(msg, "bad_archive", self.path, name) from exc

    def read(self, name: str) -> bytes | None:
        """The bytes of one entry (``None`` if absent), read in chunks under the bounds."""
        if name not in self.names:
            return None
        return b"".join(self._chunks(name))

    def xml(self, name: str) -> Any:
        """The parsed root of one XML entry, or ``None`` if the entry is absent."""
        data = self.read(name)
        return None if data is None else parse_xml(data, name, self.path)

    def declares_doctype(self, name: str) -> bool:
        """Whether an entry declares a DOCTYPE or an entity anywhere, in UTF-8 or UTF-16.

        The whole entry is scanned (a prolog may hold long comments before the
        DOCTYPE), chunk by chunk, under the bounds of :meth:`read`.  Escaped text
        (``&lt;!DOCTYPE``) never matches.
        """
        if name not in self.names:
            return False
        tail = b""
        for chunk in self._chunks(name):
            window = tail + chunk
            if any(mark in window for mark in _DOCTYPE_MARKS):
                return True
            tail = window[-_OVERLAP:]
        return False

    def raw_entry(self, name: str) -> ZipEntry:
        """The entry ``name`` with its compressed bytes as stored, to copy it unchanged."""
        entry = self._by_name[name]
        raw = self.data[entry.data_offset : entry.data_offset + entry.compressed]
        return ZipEntry(name=name, method=entry.method, crc=entry.crc, size=entry.size, raw=raw)

    def close(self) -> None:
        """Release the archive."""
        self.zip.close()


def load(source: str | os.PathLike[str] | bytes, flavour: Flavour = GENERIC) -> Package:
    """The checked package from a file (a regular file only, read under the size limit) or bytes.

    Raises:
        DocumentError: ``unreadable`` when the file cannot be read (missing, a
            folder, a device or a pipe); else as :class:`Package`.
    """
    if isinstance(source, bytes | bytearray | memoryview):
        return Package(bytes(source), flavour)
    # Package refuses the size itself (after the encrypted-file check, as before).
    data, path = read_bounded(source, MAX_PACKAGE_BYTES + 1, noun=flavour.noun)
    return Package(data, flavour, path)


# --------------------------------------------------------------------------- writing


@attrs.frozen
class ZipEntry:
    """One zip entry with its data already compressed.

    Attributes:
        name: The entry name.
        method: 0 (stored) or 8 (deflated).
        crc: CRC-32 of the uncompressed data.
        size: Uncompressed size.
        raw: The compressed bytes.
        mode: Unix permissions to record (``0o644``), or ``None`` for none (an
            MS-DOS entry, as Word writes them).
    """

    name: str
    method: int
    crc: int
    size: int
    raw: bytes = attrs.field(repr=False)
    mode: int | None = None


def deflated(name: str, data: bytes, *, mode: int | None = None) -> ZipEntry:
    """A deflated entry (level 6, raw deflate) for ``data``.

    >>> deflated("x", b"aaaa").size
    4
    """
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    raw = compressor.compress(data) + compressor.flush()
    return ZipEntry(name=name, method=8, crc=zlib.crc32(data), size=len(data), raw=raw, mode=mode)


_LOCAL_OUT = struct.Struct("<IHHHHHIIIHH")
_CENTRAL_OUT = struct.Struct("<IHHHHHHIIIHHHHHII")
_END_OUT = struct.Struct("<IHHHHIIH")


def write_zip(entries: Iterable[ZipEntry]) -> bytes:
    """A zip archive of ``entries`` in the given order, with fixed timestamps, no extra fields.

    The same entries always give the same bytes.

    >>> write_zip([]) == write_zip([])
    True
    """
    out = bytearray()
    central = bytearray()
    count = 0
    for entry in entries:
        name = entry.name.encode("utf-8")
        flags = 0 if entry.name.isascii() else 0x0800
        offset = len(out)
        out += _LOCAL_OUT.pack(
            0x04034B50, 20, flags, entry.method, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.raw), entry.size, len(name), 0,
        )  # fmt: skip
        out += name
        out += entry.raw
        made_by, external = (20, 0) if entry.mode is None else (0x0314, entry.mode << 16)
        central += _CENTRAL_OUT.pack(
            0x02014B50, made_by, 20, flags, entry.method, _DOS_TIME, _DOS_DATE,
            entry.crc, len(entry.raw), entry.size, len(name), 0, 0, 0, 0, external, offset,
        )  # fmt: skip
        central += name
        count += 1
    start = len(out)
    out += central
    out += _END_OUT.pack(0x06054B50, 0, 0, count, count, len(central), start, 0)
    return bytes(out)


def write_package(
    path: str | os.PathLike[str], entries: Iterable[ZipEntry], *, overwrite: bool = False
) -> Path:
    """Write the package of ``entries`` to ``path`` atomically (see :func:`write_zip`).

    Raises:
        OverwriteRefusedError: ``path`` exists and ``overwrite`` is false.
    """
    return write_atomic(path, write_zip(entries), overwrite=overwrite)
