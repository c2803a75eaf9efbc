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

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

from litigate._files import write_atomic
from litigate._ooxml import load
from litigate.errors import DocumentError, InputError

__all__ = [
    "PASSPHRASE_VARIABLE",
    "ScrubItem",
    "decrypt_bytes",
    "encrypt_bytes",
    "encrypt_file",
    "passphrase",
    "scrub",
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


def passphrase(value: str | None = None) -> str:
    """The passphrase: ``value``, else ``LITIGATE_PASSPHRASE``, else a prompt on a terminal.

    Raises:
        InputError: None is given and there is no terminal to ask.
    """
    if value:
        return value
    found = os.environ.get(PASSPHRASE_VARIABLE)
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


def encrypt_file(
    path: str | os.PathLike[str], *, passphrase: str, keep_clear: bool = False
) -> Path:
    """Encrypt ``path`` to ``path.age`` (atomically); remove the clear file unless ``keep_clear``.

    Raises:
        OverwriteRefusedError: ``path.age`` exists already.
    """
    source = Path(path)
    target = source.with_name(source.name + _SUFFIX)
    sealed = encrypt_bytes(source.read_bytes(), passphrase=passphrase)
    write_atomic(target, sealed)
    if not keep_clear:
        source.unlink()
    return target


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
            text = path.read_text(encoding="utf-8-sig")
            data = (
                tomllib.loads(text)
                if path.suffix == ".toml"
                else yaml.safe_load(text)  # JSON is YAML
            )
        except (OSError, ValueError, yaml.YAMLError):
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
    files (``.age``) are never listed.  Files in other formats (PDF, images) are
    listed as "cannot be checked" so that nobody takes silence for safety.
    """
    root = Path(folder)
    files = sorted(p for p in root.rglob("*") if p.is_file())
    cases = [p for p in files if p.name in _CASE_NAMES]
    names = _names(cases)
    found: list[ScrubItem] = []
    for path in files:
        if path.suffix == _SUFFIX:
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
