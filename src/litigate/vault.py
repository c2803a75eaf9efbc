r"""Encryption at rest of case files and outputs, and a scrub of what is left in clear.

Encryption uses **age** through `pyrage <https://pypi.org/project/pyrage/>`_
(``pip install litigate[crypt]``).  age was chosen over Fernet because its files
are a published, stable format that the ``age`` command-line tool opens too (a
lawyer is never locked into litigate to read a client's file), because it takes a
passphrase natively (scrypt) as well as public keys, and because every chunk is
authenticated: a damaged file is refused, never half-read.

* :func:`encrypt_file` writes ``case.toml.age`` beside ``case.toml`` atomically
  (the ciphertext is built in memory and renamed into place: a killed process
  leaves the clear file untouched and no partial file, and never a clear temporary
  file), then removes the clear file unless asked to keep it.
* :func:`litigate.load_case` reads ``case.toml.age`` transparently: the passphrase
  comes from ``LITIGATE_PASSPHRASE`` or, on a terminal, a prompt; it is never
  logged or put in an error message.  A wrong passphrase or a damaged file raises
  :class:`~litigate.errors.InputError` and nothing is written.
* :func:`scrub` lists every file under a case folder that holds personal data in
  clear: case files not encrypted, and any other file in which an applicant's or
  representative's name from those case files appears.

Examples:
    >>> blob = encrypt_bytes(b"name = 'Rauf Aliyev'", passphrase="correct horse")
    >>> blob.startswith(b"age-encryption.org/v1")
    True
    >>> decrypt_bytes(blob, passphrase="correct horse")
    b"name = 'Rauf Aliyev'"
    >>> decrypt_bytes(blob, passphrase="wrong")
    Traceback (most recent call last):
    ...
    litigate.errors.InputError: cannot decrypt: wrong passphrase, or the file is damaged
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from litigate._files import (
    AGE_HEADER,
    ENCRYPTED_SUFFIX,
    clear_name,
    is_encrypted_name,
    read_clear,
    write_atomic,
)
from litigate._ooxml import load
from litigate.errors import DocumentError, InputError

__all__ = [
    "PASSPHRASE_VARIABLE",
    "ScrubItem",
    "decrypt_bytes",
    "decrypt_file_bytes",
    "encrypt_bytes",
    "encrypt_file",
    "new_passphrase",
    "passphrase",
    "scrub",
    "unlocked",
    "unlocked_passphrase",
    "write_passphrase",
]

PASSPHRASE_VARIABLE = "LITIGATE_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
"""The environment variable read for the passphrase."""

_SUFFIX = ".age"
_CASE_NAMES = frozenset({"case.toml", "case.yaml", "case.yml", "case.json", "base.toml"})
_TEXT_SUFFIXES = frozenset(
    {".toml", ".yaml", ".yml", ".json", ".csv", ".txt", ".md", ".ics", ".html", ".svg", ".xml"}
)
_ZIP_SUFFIXES = frozenset({".docx", ".xlsx", ".odt"})
_MAX_BYTES = 50_000_000


def _pyrage() -> Any:
    try:
        import pyrage  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - depends on the install
        msg = "encryption needs pyrage: pip install 'litigate[crypt]'"
        raise InputError(msg, field="passphrase", value=None) from None
    return pyrage


_UNLOCKED: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "litigate_passphrase", default=None
)


@contextlib.contextmanager
def unlocked(value: str) -> Iterator[None]:
    """Within the block, ``NAME.age`` files are written encrypted, read decrypted, with ``value``.

    It holds in this thread or task only; worker processes read ``LITIGATE_PASSPHRASE``.

    This is how a notebook or a script gives the passphrase: the library itself
    never prompts when it writes.

    Examples:
        >>> import pathlib, tempfile
        >>> from litigate._files import read_clear, write_atomic
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "notes.txt.age"
        >>> with unlocked("correct horse"):
        ...     _ = write_atomic(target, b"Rauf Aliyev")
        ...     read_clear(target, 1000)
        b'Rauf Aliyev'
        >>> target.read_bytes().startswith(b"age-encryption.org/v1")
        True
    """
    if not value:
        msg = "the passphrase is empty"
        raise InputError(msg, field="passphrase", value=None)
    token = _UNLOCKED.set(value)
    try:
        yield
    finally:
        _UNLOCKED.reset(token)


def unlocked_passphrase() -> str | None:
    """The passphrase of the enclosing :func:`unlocked` block, if any (for worker tasks)."""
    return _UNLOCKED.get()


def _given() -> str | None:
    return _UNLOCKED.get() or os.environ.get(PASSPHRASE_VARIABLE) or None


def write_passphrase(target: str | os.PathLike[str] | None = None) -> str:
    """The passphrase to encrypt with: :func:`unlocked`'s, else ``LITIGATE_PASSPHRASE``.

    Never a prompt: a prompt hidden inside a write cannot be answered in a notebook
    or a worker process, and a typo typed once would lock the file for good (the
    command line asks twice, up front: :func:`new_passphrase`).

    Raises:
        InputError: No passphrase is set; nothing is written.
    """
    found = _given()
    if found:
        return found
    where = f" {target}" if target is not None else ""
    msg = (
        f"cannot write{where} encrypted: no passphrase; set {PASSPHRASE_VARIABLE} "
        "or use litigate.vault.unlocked(...)"
    )
    raise InputError(msg, field="passphrase", value=None)


def new_passphrase() -> str:
    """A passphrase to encrypt new files with (the command line's ``--encrypt``).

    :func:`unlocked`'s or ``LITIGATE_PASSPHRASE``; else, on a terminal, asked
    twice (a typo would lock the files for good).

    Raises:
        InputError: No passphrase set and no terminal, or the two answers differ.
    """
    found = _given()
    if found:
        return found
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        first = getpass.getpass("litigate passphrase for the new files: ")
        if first and getpass.getpass("the same passphrase again: ") == first:
            return first
        msg = "the two passphrases differ (or are empty): nothing written"
        raise InputError(msg, field="passphrase", value=None)
    msg = f"--encrypt needs a passphrase: set {PASSPHRASE_VARIABLE} or run on a terminal"
    raise InputError(msg, field="passphrase", value=None)


def passphrase(value: str | None = None) -> str:
    """The passphrase to read with: ``value``, :func:`unlocked`'s, the variable, or a prompt.

    ``LITIGATE_PASSPHRASE`` comes after :func:`unlocked`; a prompt is only ever shown
    on a terminal (in a notebook or a pipe it is an error, never a hang).

    Raises:
        InputError: None is given and there is no terminal to ask.
    """
    if value:
        return value
    found = _given()
    if found:
        return found
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass("litigate passphrase: ")
    msg = f"an encrypted file needs a passphrase: set {PASSPHRASE_VARIABLE} or run on a terminal"
    raise InputError(msg, field="passphrase", value=None)


def encrypt_bytes(data: bytes, *, passphrase: str) -> bytes:
    """``data`` encrypted with age under ``passphrase``."""
    return bytes(_pyrage().passphrase.encrypt(data, passphrase))


def decrypt_bytes(data: bytes, *, passphrase: str) -> bytes:
    """The clear bytes of an age file.

    Raises:
        InputError: Wrong passphrase, or a damaged or truncated file.
    """
    module = _pyrage()
    try:
        return bytes(module.passphrase.decrypt(data, passphrase))
    except module.DecryptError:
        msg = "cannot decrypt: wrong passphrase, or the file is damaged"
        raise InputError(msg, field="passphrase", value=None) from None


def decrypt_file_bytes(data: bytes, path: str | os.PathLike[str]) -> bytes:
    """The clear bytes of the age file ``path`` whose content is ``data``.

    Raises:
        InputError: Wrong passphrase, or a damaged or truncated file, naming it.
    """
    try:
        return decrypt_bytes(data, passphrase=passphrase())
    except InputError as exc:
        if exc.field != "passphrase" or "cannot decrypt" not in exc.message:
            raise
        msg = f"cannot decrypt {path}: wrong passphrase, or the file is damaged"
        raise InputError(msg, field="path", value=str(path)) from None


def encrypt_file(
    path: str | os.PathLike[str], *, passphrase: str, keep_clear: bool = False
) -> Path:
    """Encrypt ``path`` to ``path.age`` (atomically); remove the clear file unless ``keep_clear``.

    A file already encrypted (its name ends in ``.age`` or it is an age file) is
    refused, never encrypted twice.

    Raises:
        OverwriteRefusedError: ``path.age`` exists already.
        InputError: ``path`` is already encrypted.
    """
    source = Path(path)
    data = source.read_bytes()
    if is_encrypted_name(source) or data.startswith(AGE_HEADER):
        msg = f"{source} is already encrypted"
        raise InputError(msg, field="path", value=str(source))
    target = source.with_name(source.name + _SUFFIX)
    sealed = encrypt_bytes(data, passphrase=passphrase)
    write_atomic(target, sealed)
    if not keep_clear:
        source.unlink()
    return target


# ---------------------------------------------------------------- the command line's --encrypt


def add_encrypt_option(parser: Any, what: str = "outputs") -> None:
    """``--encrypt``: write ``NAME.age`` (age, in memory) instead of ``NAME`` in clear."""
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help=f"write the {what} encrypted as NAME.age, never in clear (passphrase from "
        "LITIGATE_PASSPHRASE, else asked twice on a terminal; refused without one)",
    )


def sealed_path(path: Path, args: Any) -> Path:
    """``path``, with ``.age`` added under ``--encrypt`` (kept if it has it already)."""
    if getattr(args, "encrypt", False) and not is_encrypted_name(path):
        return path.with_name(path.name + ENCRYPTED_SUFFIX)
    return path


@attrs.frozen(kw_only=True)
class ScrubItem:
    """A file holding personal data in clear.

    Attributes:
        path: The file.
        reason: Why it is listed.
    """

    path: Path
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def _names(files: Iterable[Path]) -> set[str]:
    import tomllib

    import yaml

    names: set[str] = set()
    for path in files:
        try:
            if is_encrypted_name(path):
                if not _given():  # never a prompt here: the names are a help, not a must
                    continue
                text = read_clear(path, _MAX_BYTES).decode("utf-8-sig")
            else:
                text = path.read_text(encoding="utf-8-sig")
            data = (
                tomllib.loads(text)
                if clear_name(path).suffix == ".toml"
                else yaml.safe_load(text)  # JSON is YAML
            )
        except (OSError, ValueError, yaml.YAMLError):  # InputError (wrong key) is a ValueError
            continue
        if not isinstance(data, dict):
            continue
        for key in ("applicants", "representatives"):
            for person in data.get(key) or []:
                if isinstance(person, dict) and isinstance(person.get("name"), str):
                    names.add(" ".join(person["name"].split()))
    return {n for n in names if len(n) >= 4}  # noqa: PLR2004 - no initials


def _text_of(path: Path) -> str:
    suffix = path.suffix.lower()
    try:
        if path.stat().st_size > _MAX_BYTES:
            return ""
        if suffix in _ZIP_SUFFIXES:
            with load(path) as archive:
                return " ".join(
                    (archive.read(info.filename) or b"").decode("utf-8", "replace")
                    for info in archive.infolist()
                    if info.filename.endswith(".xml")
                )
        return path.read_bytes().decode("utf-8", "replace")
    except (OSError, DocumentError):
        return ""


def scrub(folder: str | os.PathLike[str]) -> tuple[ScrubItem, ...]:
    """Every file under ``folder`` that holds personal data in clear.

    A case file (``case.toml``…, ``base.toml``) not encrypted is listed as such; any
    other text, Word, spreadsheet or calendar file is listed when a name of an
    applicant or representative of those case files appears in it.  Encrypted
    files (``.age``) are listed only when their file name, which stays in clear,
    holds such a name.  Files in other formats (PDF, images) are
    listed as "cannot be checked" so that nobody takes silence for safety.
    """
    root = Path(folder)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    # Encrypted case files give their names too when a passphrase is set (LITIGATE_PASSPHRASE).
    cases = [p for p in files if clear_name(p).name in _CASE_NAMES]
    names = _names(cases)
    found: list[ScrubItem] = []
    for path in files:
        if path.suffix == _SUFFIX:
            # Encrypted, but its name is in clear: "Aliyeva v. Azerbaijan - reply.docx.age".
            if any(n.casefold() in " ".join(path.name.split()).casefold() for n in names):
                found.append(
                    ScrubItem(path=path, reason="encrypted, but its file name names a person")
                )
            continue
        if path.name in _CASE_NAMES:
            found.append(ScrubItem(path=path, reason="case file in clear (encrypt it)"))
            continue
        suffix = path.suffix.lower()
        if suffix in _TEXT_SUFFIXES or suffix in _ZIP_SUFFIXES:
            text = " ".join(_text_of(path).split())
            hits = sorted(n for n in names if n in text)
            if hits:
                found.append(
                    ScrubItem(path=path, reason=f"names {len(hits)} person(s) of the case files")
                )
        elif suffix in {".pdf", ".png", ".jpg", ".jpeg", ".doc", ".odt", ".rtf"}:
            found.append(ScrubItem(path=path, reason="cannot be checked: open it or encrypt it"))
    return tuple(found)
