"""Read a zip archive's declared entry count before :mod:`zipfile` parses every entry.

:class:`zipfile.ZipFile` builds an object per entry of the central directory when it
opens an archive: 100,000 empty entries take seconds and tens of megabytes before any
check can run.  The end-of-central-directory record states the count in its last
22 bytes (plus a comment of at most 64 KiB), so an archive with too many entries
is refused in microseconds.
"""

from __future__ import annotations

import struct

__all__ = ["declared_entries"]

_EOCD = b"PK\x05\x06"
_EOCD_SIZE = 22
_MAX_COMMENT = 0xFFFF


def declared_entries(tail: bytes) -> int | None:
    """The total entry count declared by the archive whose last bytes are ``tail``.

    Args:
        tail: The last ``22 + 65535`` bytes of the file (or all of it, if shorter).

    Returns:
        The count, or ``None`` when no end-of-central-directory record is found
        (not a zip, or ZIP64 with the count deferred: :mod:`zipfile` decides then).

    Examples:
        >>> import io, zipfile
        >>> buffer = io.BytesIO()
        >>> with zipfile.ZipFile(buffer, "w") as archive:
        ...     for i in range(3):
        ...         archive.writestr(f"f{i}", b"")
        >>> declared_entries(buffer.getvalue())
        3
        >>> declared_entries(b"not a zip") is None
        True
    """
    at = tail.rfind(_EOCD, max(0, len(tail) - _EOCD_SIZE - _MAX_COMMENT))
    if at < 0 or len(tail) - at < _EOCD_SIZE:
        return None
    (total,) = struct.unpack_from("<H", tail, at + 10)
    return int(total)


def tail_of(data: bytes) -> bytes:
    """The bytes :func:`declared_entries` needs from an archive in memory."""
    return data[-(_EOCD_SIZE + _MAX_COMMENT) :]
