r"""The age primitives: encrypt and decrypt bytes, and where the passphrase comes from.

A bottom-level private module (it imports only :mod:`litigate.errors` and, on first
use, `pyrage <https://pypi.org/project/pyrage/>`_), so that both the atomic writer
and the bounded reader of :mod:`litigate._files` and the public
:mod:`litigate.vault` use one implementation without an upward import.
:mod:`litigate.vault` re-exports every public name here; import them from there.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import sys
from collections.abc import Iterator
from typing import Any

from litigate.errors import InputError

__all__ = [
    "AGE_HEADER",
    "PASSPHRASE_VARIABLE",
    "decrypt_bytes",
    "decrypt_file_bytes",
    "encrypt_bytes",
    "new_passphrase",
    "passphrase",
    "unlocked",
    "unlocked_passphrase",
    "write_passphrase",
]

AGE_HEADER = b"age-encryption.org/v1\n"
"""The first line of every age file."""

PASSPHRASE_VARIABLE = "LITIGATE_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
"""The environment variable read for the passphrase."""


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

    Raises:
        InputError: ``value`` is empty (field ``passphrase``).

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
    """The passphrase of the enclosing :func:`unlocked` block, if any (for worker tasks).

    Examples:
        >>> unlocked_passphrase() is None
        True
        >>> with unlocked("correct horse"):
        ...     unlocked_passphrase()
        'correct horse'
    """
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

    Examples:
        >>> with unlocked("correct horse"):
        ...     write_passphrase("reply.docx.age")
        'correct horse'
        >>> import os
        >>> saved = os.environ.pop(PASSPHRASE_VARIABLE, None)
        >>> write_passphrase("reply.docx.age")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: cannot write reply.docx.age encrypted: no passphrase; set LITIGATE_PASSPHRASE or use litigate.vault.unlocked(...)
        >>> if saved is not None:
        ...     os.environ[PASSPHRASE_VARIABLE] = saved
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


def _on_terminal() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def new_passphrase() -> str:
    """A passphrase to encrypt new files with (the command line's ``--encrypt``).

    :func:`unlocked`'s or ``LITIGATE_PASSPHRASE``; else, on a terminal, asked
    twice (a typo would lock the files for good).

    Raises:
        InputError: No passphrase set and no terminal, or the two answers differ.

    Examples:
        >>> with unlocked("correct horse"):
        ...     new_passphrase()
        'correct horse'
    """
    found = _given()
    if found:
        return found
    if _on_terminal():
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

    Examples:
        >>> passphrase("given here")
        'given here'
        >>> with unlocked("correct horse"):
        ...     passphrase()
        'correct horse'
    """
    if value:
        return value
    found = _given()
    if found:
        return found
    if _on_terminal():
        import getpass

        return getpass.getpass("litigate passphrase: ")
    msg = f"an encrypted file needs a passphrase: set {PASSPHRASE_VARIABLE} or run on a terminal"
    raise InputError(msg, field="passphrase", value=None)


def encrypt_bytes(data: bytes, *, passphrase: str) -> bytes:
    """``data`` encrypted with age under ``passphrase`` (randomised: never the same bytes twice).

    Examples:
        >>> first = encrypt_bytes(b"Rauf Aliyev", passphrase="correct horse")
        >>> first.startswith(b"age-encryption.org/v1")
        True
        >>> first == encrypt_bytes(b"Rauf Aliyev", passphrase="correct horse")
        False
    """
    return bytes(_pyrage().passphrase.encrypt(data, passphrase))


def decrypt_bytes(data: bytes, *, passphrase: str) -> bytes:
    """The clear bytes of an age file.

    Raises:
        InputError: Wrong passphrase, or a damaged or truncated file.

    Examples:
        >>> blob = encrypt_bytes(b"Rauf Aliyev", passphrase="correct horse")
        >>> decrypt_bytes(blob, passphrase="correct horse")
        b'Rauf Aliyev'
        >>> decrypt_bytes(blob[:-1], passphrase="correct horse")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: cannot decrypt: wrong passphrase, or the file is damaged
    """
    module = _pyrage()
    try:
        return bytes(module.passphrase.decrypt(data, passphrase))
    except module.DecryptError:
        msg = "cannot decrypt: wrong passphrase, or the file is damaged"
        raise InputError(msg, field="passphrase", value=None) from None


def decrypt_file_bytes(data: bytes, path: str | os.PathLike[str]) -> bytes:
    """The clear bytes of the age file ``path`` whose content is ``data``.

    The passphrase comes from :func:`passphrase` (a prompt only on a terminal).

    Raises:
        InputError: Wrong passphrase, or a damaged or truncated file, naming it.

    Examples:
        >>> blob = encrypt_bytes(b"Rauf Aliyev", passphrase="correct horse")
        >>> with unlocked("correct horse"):
        ...     decrypt_file_bytes(blob, "notes.txt.age")
        b'Rauf Aliyev'
        >>> with unlocked("wrong"):
        ...     decrypt_file_bytes(blob, "notes.txt.age")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: cannot decrypt notes.txt.age: wrong passphrase, or the file is damaged
    """
    try:
        return decrypt_bytes(data, passphrase=passphrase())
    except InputError as exc:
        if exc.field != "passphrase" or "cannot decrypt" not in exc.message:
            raise
        msg = f"cannot decrypt {path}: wrong passphrase, or the file is damaged"
        raise InputError(msg, field="path", value=str(path)) from None
