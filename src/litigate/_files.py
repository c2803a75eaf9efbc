"""Safe file writing: atomic replacement, never overwriting unless asked."""

from __future__ import annotations

import enum
import errno
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

from litigate._age import AGE_HEADER, decrypt_file_bytes, encrypt_bytes, write_passphrase
from litigate.errors import DocumentError, OverwriteRefusedError


def _mode_for(target: Path) -> int:
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        return 0o666 & ~_umask()


def _umask() -> int:
    """The process umask, read without changing it (``os.umask`` is not thread-safe)."""
    try:
        for line in Path("/proc/self/status").read_text(encoding="ascii").splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    return 0o022


def _refusal(target: Path) -> str:
    return f"{target} already exists and may hold edits; pass overwrite=True to replace it"


def write_atomic(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path`` atomically.

    The bytes go to a temporary file in the same folder, are flushed to disk,
    then renamed over the target, so a reader never sees a half-written file and
    an interruption leaves the old file (or nothing) in place.

    Args:
        path: The file to write.
        data: Its whole content.
        overwrite: Replace an existing file; without it an existing file is kept.

    A target whose name ends in ``.age`` is encrypted in memory first (see
    :func:`sealed_for`): the temporary file and the target only ever hold ciphertext.

    Raises:
        OverwriteRefusedError: ``path`` exists and ``overwrite`` is false.
        InputError: The target ends in ``.age`` and no passphrase is set
            (:func:`litigate.vault.write_passphrase`, in :mod:`litigate._age`): nothing is written.
    """
    target = Path(path)
    if target.exists() and not overwrite:
        raise OverwriteRefusedError(_refusal(target), path=str(target))
    data = sealed_for(target, data)  # NAME.age: encrypted in memory, before any byte is written
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        # mkstemp creates the file private (0600): give it the mode the target had, or
        # the ordinary mode a new file would get under the user's umask.
        os.chmod(tmp, _mode_for(target))  # noqa: PTH101 - works on the open temporary file
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if not overwrite:
            # Re-check right before the rename: another process may have created it meanwhile.
            try:
                os.link(tmp, target)
            except FileExistsError:
                raise OverwriteRefusedError(_refusal(target), path=str(target)) from None
            except OSError:
                # File systems without hard links: fall back to a plain rename.
                Path(tmp).replace(target)
            else:
                Path(tmp).unlink()
        else:
            Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target


# ---------------------------------------------------------------- encrypted outputs (NAME.age)

ENCRYPTED_SUFFIX = ".age"
"""A file whose name ends so is written encrypted with age and read back decrypted."""


def is_encrypted_name(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` names an encrypted file (``reply.docx.age``)."""
    return os.fspath(path).lower().endswith(ENCRYPTED_SUFFIX)


def clear_name(path: str | os.PathLike[str]) -> Path:
    """The name the file has in clear: ``reply.docx.age`` -> ``reply.docx``; others unchanged."""
    target = Path(path)
    if is_encrypted_name(target):
        return target.with_name(target.name[: -len(ENCRYPTED_SUFFIX)])
    return target


def sealed_for(target: Path, data: bytes) -> bytes:
    """``data`` as it must be stored in ``target``: encrypted if the name ends in ``.age``.

    Bytes that already are an age file are kept as they are (never encrypted twice).
    """
    if not is_encrypted_name(target) or data.startswith(AGE_HEADER):
        return data
    return encrypt_bytes(data, passphrase=write_passphrase(target))


# ---------------------------------------------------------------- files without a fingerprint

RECORD_NAME = ".litigate-written.json"
"""The file, beside them, recording the SHA-256 of the files litigate wrote there."""


class FileStatus(enum.StrEnum):
    """What :func:`write_tracked` did with a file.

    Attributes:
        WRITTEN: Written: it did not exist, still held what litigate last wrote
            there, or ``overwrite`` was given.
        UP_TO_DATE: It already held exactly this content: left as it is.
        REFUSED: It holds other content than litigate last wrote there (edited
            since?), and ``overwrite`` was not given: kept.
    """

    WRITTEN = "written"
    UP_TO_DATE = "up to date"
    REFUSED = "refused"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _record(folder: Path) -> dict[str, str]:
    try:
        loaded = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # no record (or a damaged one): every existing file counts as edited
    if not isinstance(loaded, dict):
        return {}
    return {k: v for k, v in loaded.items() if isinstance(k, str) and isinstance(v, str)}


def write_tracked(
    path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False
) -> FileStatus:
    """Write a file that cannot carry its own fingerprint (CSV, XLSX, ICS) without losing edits.

    The SHA-256 of what litigate writes is kept in ``.litigate-written.json`` in
    the same folder.  An existing file is replaced only if it still holds what
    litigate last wrote there (so a regenerated docket replaces yesterday's), or
    with ``overwrite=True``; a file changed by hand, or one litigate never wrote,
    is kept.  Both files are written atomically.  Do not write one folder from
    two processes at once.

    Args:
        path: The file.
        data: Its whole new content.
        overwrite: Replace the file even if it was edited.

    Returns:
        What happened to the file.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "docket.csv"
        >>> write_tracked(target, b"v1").value, write_tracked(target, b"v1").value
        ('written', 'up to date')
        >>> write_tracked(target, b"v2").value  # still as litigate wrote it: replaced
        'written'
        >>> _ = target.write_bytes(b"a lawyer's notes")
        >>> write_tracked(target, b"v3").value, target.read_bytes()
        ('refused', b"a lawyer's notes")
    """
    target = Path(path)
    folder = target.parent
    record = _record(folder)
    # NAME.age: the record holds the SHA-256 of the ciphertext (age is randomised, so it
    # says nothing of the clear content); a file re-encrypted by hand counts as edited.
    data = sealed_for(target, data)
    wanted = _digest(data)
    try:
        current: str | None = _digest(target.read_bytes())
    except FileNotFoundError:
        current = None
    if current == wanted:
        status = FileStatus.UP_TO_DATE
    elif current is not None and not overwrite and record.get(target.name) != current:
        return FileStatus.REFUSED
    else:
        try:
            write_atomic(target, data, overwrite=current is not None)
        except OverwriteRefusedError:  # it appeared meanwhile
            return FileStatus.REFUSED
        status = FileStatus.WRITTEN
    if record.get(target.name) != wanted:
        record[target.name] = wanted
        text = json.dumps(record, indent=2, sort_keys=True) + "\n"
        write_atomic(folder / RECORD_NAME, text.encode("utf-8"), overwrite=True)
    return status


# ---------------------------------------------------------------- reading a user's file


class NotARegularFileError(OSError):
    """The path is a device, pipe, socket or folder (or a link to one): never read."""


def read_regular(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of a regular file, at most ``limit + 1`` of them (the caller refuses more).

    ``/dev/zero``, a FIFO, a socket or a link to one would be read forever (or
    block on opening): the file is opened without blocking and refused unless it
    is a regular file.  Every reader of a user's file (case files, spreadsheets,
    DOCX) goes through here.

    Raises:
        NotARegularFileError: It is not a regular file.
        OSError: It cannot be opened or read.

    Examples:
        >>> read_regular("/dev/zero", 10)
        Traceback (most recent call last):
        ...
        litigate._files.NotARegularFileError: [Errno 22] not a regular file (a device, pipe or folder): '/dev/zero'
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotARegularFileError(
                errno.EINVAL, "not a regular file (a device, pipe or folder)", str(path)
            )
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0 and (chunk := os.read(fd, min(left, 1 << 20))):
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def read_bounded(
    source: str | os.PathLike[str] | bytes, limit: int, *, noun: str = "document"
) -> tuple[bytes, str | None]:
    """The bytes of a user's file (through :func:`read_regular`) or the bytes given, and its path.

    The one bounded reader of documents (DOCX, XLSX, PDF, letters): a file that
    cannot be read, or holds more than ``limit`` bytes, is refused the same way
    everywhere.

    Args:
        source: A path, or the bytes themselves (then the path is ``None``).
        limit: The largest size accepted, in bytes.
        noun: What the file is, for the messages (``"spreadsheet"``).

    Raises:
        DocumentError: ``unreadable`` (missing, a folder, a device or a pipe: the
            :class:`OSError` is the cause) or ``too_large``.

    Examples:
        >>> read_bounded(b"abc", 10)
        (b'abc', None)
        >>> read_bounded(b"abc", 2, noun="letter")
        Traceback (most recent call last):
        ...
        litigate.errors.DocumentError: the letter is 3 bytes or more; the limit is 2 bytes
    """
    path: str | None = None
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
    else:
        target = Path(source)
        path = str(target)
        try:
            data = read_clear(target, limit)  # NAME.age: decrypted in memory
        except OSError as exc:
            msg = f"cannot read {target}: {exc.strerror or exc}"
            raise DocumentError(msg, reason="unreadable", path=path) from exc
    if len(data) > limit:
        msg = f"the {noun} is {len(data)} bytes or more; the limit is {limit} bytes"
        raise DocumentError(msg, reason="too_large", path=path)
    return data, path


def _sealed_limit(limit: int) -> int:
    """The largest age file whose clear content can be ``limit`` bytes.

    age adds a header (under 1 KiB for a passphrase), a 16-byte nonce, and a
    16-byte tag per 64 KiB chunk.
    """
    return limit + 16 * (limit // 65536 + 2) + 4096


def read_clear(path: str | os.PathLike[str], limit: int) -> bytes:
    """:func:`read_regular`, an encrypted ``NAME.age`` file decrypted in memory.

    The limit applies to the ciphertext read (bounded accordingly) and to the clear
    content: at most ``limit + 1`` clear bytes are returned (the caller refuses more).
    The passphrase comes from :func:`litigate.vault.passphrase` (in :mod:`litigate._age`).  A file not ending
    in ``.age`` is read as :func:`read_regular` reads it.

    Raises:
        InputError: A wrong passphrase or a damaged file (naming the file), or no
            passphrase to be had.
        NotARegularFileError: It is not a regular file.
        OSError: It cannot be opened or read.
    """
    if not is_encrypted_name(path):
        return read_regular(path, limit)
    bound = _sealed_limit(limit)
    raw = read_regular(path, bound)
    if len(raw) > bound:  # the clear content is over the limit too: the caller refuses it
        return raw[: limit + 1]
    return decrypt_file_bytes(raw, path)[: limit + 1]
