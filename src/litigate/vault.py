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
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

# The age primitives and the passphrase's sources live at the bottom, in litigate._age,
# so that litigate._files (the atomic writer and the bounded reader) uses them without
# importing this module; they are re-exported here, where they are public.
from litigate._age import (
    AGE_HEADER,
    PASSPHRASE_VARIABLE,
    _given,
    decrypt_bytes,
    decrypt_file_bytes,
    encrypt_bytes,
    new_passphrase,
    passphrase,
    unlocked,
    unlocked_passphrase,
    write_passphrase,
)
from litigate._files import (
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

_SUFFIX = ".age"
_CASE_NAMES = frozenset({"case.toml", "case.yaml", "case.yml", "case.json", "base.toml"})
_TEXT_SUFFIXES = frozenset(
    {".toml", ".yaml", ".yml", ".json", ".csv", ".txt", ".md", ".ics", ".html", ".svg", ".xml"}
)
_ZIP_SUFFIXES = frozenset({".docx", ".xlsx", ".odt"})
_MAX_BYTES = 50_000_000


def encrypt_file(
    path: str | os.PathLike[str], *, passphrase: str, keep_clear: bool = False
) -> Path:
    r"""Encrypt ``path`` to ``path.age`` (atomically); remove the clear file unless ``keep_clear``.

    A file already encrypted (its name ends in ``.age`` or it is an age file) is
    refused, never encrypted twice.

    Raises:
        OverwriteRefusedError: ``path.age`` exists already.
        InputError: ``path`` is already encrypted.

    Examples:
        >>> import pathlib, tempfile
        >>> case = pathlib.Path(tempfile.mkdtemp()) / "case.toml"
        >>> _ = case.write_text("[[applicants]]\nname = 'Rauf Aliyev'\n", encoding="utf-8")
        >>> sealed = encrypt_file(case, passphrase="correct horse")
        >>> sealed.name, case.exists()
        ('case.toml.age', False)
        >>> decrypt_bytes(sealed.read_bytes(), passphrase="correct horse")[:15]
        b'[[applicants]]\n'
        >>> encrypt_file(sealed, passphrase="correct horse")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: ... is already encrypted
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
    """``--encrypt``: write ``NAME.age`` (age, in memory) instead of ``NAME`` in clear.

    Examples:
        >>> import argparse
        >>> parser = argparse.ArgumentParser()
        >>> add_encrypt_option(parser, "drafts")
        >>> parser.parse_args(["--encrypt"]).encrypt, parser.parse_args([]).encrypt
        (True, False)
    """
    parser.add_argument(
        "--encrypt",
        action="store_true",
        help=f"write the {what} encrypted as NAME.age, never in clear (passphrase from "
        "LITIGATE_PASSPHRASE, else asked twice on a terminal; refused without one)",
    )


def sealed_path(path: Path, args: Any) -> Path:
    """``path``, with ``.age`` added under ``--encrypt`` (kept if it has it already).

    Examples:
        >>> import argparse
        >>> on, off = argparse.Namespace(encrypt=True), argparse.Namespace(encrypt=False)
        >>> sealed_path(Path("reply.docx"), on).name, sealed_path(Path("reply.docx"), off).name
        ('reply.docx.age', 'reply.docx')
        >>> sealed_path(Path("reply.docx.age"), on).name
        'reply.docx.age'
    """
    if getattr(args, "encrypt", False) and not is_encrypted_name(path):
        return path.with_name(path.name + ENCRYPTED_SUFFIX)
    return path


@attrs.frozen(kw_only=True)
class ScrubItem:
    """A file holding personal data in clear.

    Attributes:
        path: The file.
        reason: Why it is listed.

    Examples:
        >>> print(ScrubItem(path=Path("case.toml"), reason="case file in clear (encrypt it)"))
        case.toml: case file in clear (encrypt it)
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
    r"""Every file under ``folder`` that holds personal data in clear.

    A case file (``case.toml``…, ``base.toml``) not encrypted is listed as such; any
    other text, Word, spreadsheet or calendar file is listed when a name of an
    applicant or representative of those case files appears in it.  Encrypted
    files (``.age``) are listed only when their file name, which stays in clear,
    holds such a name.  Files in other formats (PDF, images) are
    listed as "cannot be checked" so that nobody takes silence for safety.

    Examples:
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "case.toml").write_text(
        ...     "[[applicants]]\nname = 'Rauf Aliyev'\n", encoding="utf-8"
        ... )
        >>> _ = (folder / "notes.md").write_text("Call Rauf  Aliyev on Monday.", encoding="utf-8")
        >>> _ = (folder / "scan.pdf").write_bytes(b"%PDF-1.7")
        >>> _ = (folder / "other.txt").write_text("Nothing personal.", encoding="utf-8")
        >>> for item in scrub(folder):
        ...     print(item.path.name, "-", item.reason)
        case.toml - case file in clear (encrypt it)
        notes.md - names 1 person(s) of the case files
        scan.pdf - cannot be checked: open it or encrypt it
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
