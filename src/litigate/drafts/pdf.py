"""Text PDF through LibreOffice, and what the Court's eComms service accepts.

:class:`PdfConverter` starts one headless LibreOffice (``soffice``) with its own
temporary user profile and keeps it running while it converts many documents: a
batch pays LibreOffice's start-up once.  The office is kept alive by a small
document it holds open, and each conversion is a ``soffice --convert-to pdf``
request that the running office carries out (the request waits for the PDF).
Every request has a time limit; on a time-out or any error the office is
killed, its profile and files removed, and the next conversion starts a fresh
one.  Closing the converter (or leaving its ``with`` block) stops the office.

What eComms accepts (``litigate/drafts/data/ecomms.toml``, from the Court's
eComms terms and conditions): text PDF only, at most 50 MB a file (a larger
document is split into "Part 1", "Part 2"...), and file names in Extended ASCII
(:func:`ecomms_name`).

Examples:
    >>> ecomms_name("Rzayeva v. Azerbaijan – Observations en réponse")
    'Rzayeva v. Azerbaijan - Observations en réponse.pdf'
    >>> ecomms_name("Məmmədov və Həsənli – Ответ Правительства")
    'Mammadov va Hasanli - Otvet Pravitelstva.pdf'
    >>> ecomms_limits().max_pdf_bytes
    50000000
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import io
import os
import re
import secrets
import shutil
import signal
import subprocess
import tempfile
import threading
import time
import tomllib
import unicodedata
import weakref
from collections.abc import Iterable, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Final, Self

import attrs

from litigate.errors import ConversionError, DocumentError, LibreOfficeNotFoundError, RuleDataError

__all__ = [
    "INSTALL_HINT",
    "EcommsLimits",
    "PdfConverter",
    "docx_headings",
    "ecomms_limits",
    "ecomms_name",
    "ecomms_parts",
    "libreoffice_path",
    "pdf_page_texts",
    "require_text_pdf",
    "text_pdfs",
    "write_pdf",
]

_DATA: Final = "litigate/drafts/data/ecomms.toml"

INSTALL_HINT: Final = (
    "install LibreOffice: on Debian or Ubuntu 'sudo apt-get install libreoffice-writer-nogui' "
    "(or 'libreoffice-writer'), on Fedora 'sudo dnf install libreoffice-writer', on macOS "
    "'brew install --cask libreoffice', on Windows the installer from libreoffice.org; then "
    "make sure 'soffice' is on PATH (or pass soffice='/path/to/soffice')"
)
"""How to install LibreOffice, as :class:`~litigate.errors.LibreOfficeNotFoundError` says it."""

# The formats LibreOffice Writer opens that litigate converts (annexes may be any of them).
CONVERTIBLE: Final = frozenset({".docx", ".doc", ".odt", ".rtf", ".txt"})


# ---------------------------------------------------------------- eComms data


@attrs.frozen(kw_only=True)
class EcommsLimits:
    """What the Court's eComms service accepts, with its source.

    Attributes:
        max_pdf_bytes: The largest PDF file accepted (50 MB, read as 50,000,000 bytes).
        part_suffix: How the parts of a split document are named (``" - Part {n}"``).
        max_name_length: litigate's bound on a file name, extension included.
        transliterate: Characters that are not Latin-1 and what they become.
        source: The terms of use the limits come from (title and address).
        read_on: When the source was read.
    """

    max_pdf_bytes: int
    part_suffix: str
    max_name_length: int
    transliterate: dict[str, str] = attrs.field(repr=False)
    source: str
    read_on: date


@functools.cache
def ecomms_limits() -> EcommsLimits:
    """The eComms limits packaged with litigate (``litigate/drafts/data/ecomms.toml``).

    Raises:
        RuleDataError: The data file is invalid.

    Examples:
        >>> limits = ecomms_limits()
        >>> limits.source
        'eComms - Terms and conditions (European Court of Human Rights), https://www.echr.coe.int/en/ecomms-terns-and-conditions'
        >>> limits.part_suffix.format(n=2)
        ' - Part 2'
    """
    resource = resources.files("litigate").joinpath("drafts", "data", "ecomms.toml")
    try:
        with resource.open("rb") as handle:
            data = tomllib.load(handle)
        table = {str(k): str(v) for k, v in data["naming"]["transliterate"].items()}
        limits = EcommsLimits(
            max_pdf_bytes=int(data["size"]["max_pdf_bytes"]),
            part_suffix=str(data["size"]["part_suffix"]),
            max_name_length=int(data["naming"]["max_length"]),
            transliterate=table,
            source=f"{data['source']['title']}, {data['source']['url']}",
            read_on=data["source"]["read_on"],
        )
    except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
        raise RuleDataError([f"{exc!r} @ $"], path=_DATA) from exc
    bad = [k for k in table if len(k) != 1 or _latin1(k)]
    if bad or "{n}" not in limits.part_suffix or limits.max_pdf_bytes < 1:
        raise RuleDataError([f"invalid entries {bad!r} @ $.naming.transliterate"], path=_DATA)
    return limits


def _latin1(char: str) -> bool:
    """Whether ``char`` is a printable Latin-1 character (space to tilde, no-break space to ÿ)."""
    code = ord(char)
    return _ASCII[0] <= code <= _ASCII[1] or _LATIN1[0] <= code <= _LATIN1[1]


_ASCII: Final = (0x20, 0x7E)
_LATIN1: Final = (0xA1, 0xFF)  # the no-break space (0xA0) becomes a plain space


_FORBIDDEN: Final = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED: Final = re.compile(r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")


def ecomms_name(title: str, *, extension: str = ".pdf", max_length: int | None = None) -> str:
    r"""A file name for ``title`` that eComms accepts: Extended ASCII, safe on any file system.

    Latin-1 letters stay (é, ç, ö, ü); Azerbaijani letters outside Latin-1 are
    transliterated (ə → a, ş → s, ğ → g, ı → i), Cyrillic by the ICAO Doc 9303
    table (Ж → Zh, Ю → Iu), other accented letters lose their accent and any other
    character becomes ``_``.  Dashes and curly quotes become ``-`` and ``'``; the
    characters Windows forbids in file names (``\\ / : * ? " < > |``) become ``-``.
    The name is cut at a word boundary to ``max_length`` characters (default
    120, extension included).  The table is in ``ecomms.toml``.

    Args:
        title: The document's title ("Rzayeva v. Azerbaijan – Observations en réponse").
        extension: Added at the end (``".pdf"``; ``""`` for none).
        max_length: The longest name allowed, extension included.

    Raises:
        ValueError: Nothing usable is left of the title, or ``max_length`` leaves no room.

    Examples:
        >>> ecomms_name("Rzayeva v. Azerbaijan – Observations en réponse")
        'Rzayeva v. Azerbaijan - Observations en réponse.pdf'
        >>> ecomms_name("Şəkər Ağayeva: İstinad/Annex 1", extension="")
        'Sakar Agayeva- Istinad-Annex 1'
        >>> len(ecomms_name("Annex " * 100, max_length=40)) <= 40
        True
    """
    limits = ecomms_limits()
    bound = limits.max_name_length if max_length is None else max_length
    out: list[str] = []
    for char in unicodedata.normalize("NFC", title):
        if char in limits.transliterate:
            out.append(limits.transliterate[char])
        elif _latin1(char):
            out.append(char)
        elif char.isspace():
            out.append(" ")
        else:
            base = "".join(
                c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
            )
            out.append(base if base and all(_latin1(c) for c in base) else "_")
    name = _FORBIDDEN.sub("-", "".join(out))
    # No leading dot (a hidden file); no trailing dot or space where the name ends.
    name = " ".join(name.split()).lstrip(". ")
    if not extension:
        name = name.rstrip(". ")
    room = bound - len(extension)
    if room < 1:
        msg = f"max_length {bound} leaves no room for a name before {extension!r}"
        raise ValueError(msg)
    if len(name) > room:
        cut = name[:room]
        space = cut.rfind(" ")
        name = (cut[:space] if space > room // 2 else cut).rstrip(" .-")
    if not name.strip("_- "):
        msg = f"nothing usable is left of the title {title!r} for a file name"
        raise ValueError(msg)
    if _RESERVED.fullmatch(name):
        name = f"_{name}"[:room]
    return name + extension


# ---------------------------------------------------------------- PDF text and size


def pdf_page_texts(data: bytes) -> list[str]:
    """The text of each page of a PDF, as pypdf extracts it.

    Raises:
        DocumentError: The bytes are not a readable PDF.

    Examples:
        >>> pdf_page_texts(b"not a PDF")
        Traceback (most recent call last):
        ...
        litigate.errors.DocumentError: not a readable PDF: ...
    """
    import pypdf
    from pypdf.errors import PyPdfError

    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        return [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        msg = f"not a readable PDF: {exc}"
        raise DocumentError(msg, reason="not_a_pdf") from exc


def _flat(text: str) -> str:
    """Text without whitespace or soft hyphens, for comparing a DOCX with its PDF."""
    return "".join(text.replace("\u00ad", "").split())


def require_text_pdf(
    data: bytes, *, headings: Iterable[str] = (), path: str | None = None
) -> list[str]:
    """Check that ``data`` is a text PDF holding every one of ``headings``; return its pages' text.

    eComms takes text PDF only.  A page without any text (an image) is refused,
    naming the page; so is a heading of the source document that the PDF lost.

    Raises:
        ConversionError: A page has no text (``reason="not_text"``) or a heading is
            missing (``reason="lost_heading"``); every one is named.
        DocumentError: Not a readable PDF.
    """
    pages = pdf_page_texts(data)
    empty = [str(n) for n, text in enumerate(pages, start=1) if not text.strip()]
    if not pages or empty:
        where = f"page(s) {', '.join(empty)}" if pages else "the PDF has no page"
        msg = f"not a text PDF: {where} without text (eComms takes text PDF only)"
        raise ConversionError(msg, reason="not_text", path=path)
    flat = _flat(" ".join(pages))
    lost = [h for h in headings if _flat(h) and _flat(h) not in flat]
    if lost:
        msg = "the PDF lost heading(s) of the document: " + "; ".join(repr(h) for h in lost)
        raise ConversionError(msg, reason="lost_heading", path=path)
    return pages


def docx_headings(data: bytes) -> list[str]:
    """The text of every title and heading paragraph of a DOCX (styles Title, Heading 1-9).

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan")
        >>> data = litigate.render("ecthr/application", case=case, as_of=date(2026, 11, 23),
        ...                        draft=True)
        >>> len(docx_headings(data)) > 5
        True
    """
    import docx

    document = docx.Document(io.BytesIO(data))
    out = []
    for paragraph in document.paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        if (style == "Title" or style.startswith("Heading")) and paragraph.text.strip():
            out.append(paragraph.text)
    return out


def ecomms_parts(
    data: bytes, name: str, *, max_bytes: int | None = None
) -> list[tuple[str, bytes]]:
    """``[(name, data)]`` if the PDF is within the eComms size limit, else its parts.

    A PDF over the limit (50 MB; ``max_bytes`` to choose another) is split
    between pages into as few consecutive parts as it takes, named
    ``"<name> - Part 1.pdf"``, ``"<name> - Part 2.pdf"``… as the terms of use ask.

    Raises:
        DocumentError: One page alone is over the limit (``reason="too_large"``):
            it cannot be split; make the PDF smaller (images at a lower resolution).

    Examples:
        >>> ecomms_parts(b"%PDF-1.7 small", "Reply.pdf") == [("Reply.pdf", b"%PDF-1.7 small")]
        True
    """
    limit = ecomms_limits().max_pdf_bytes if max_bytes is None else max_bytes
    if len(data) <= limit:
        return [(name, data)]
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))

    def build(start: int, stop: int) -> bytes:
        writer = pypdf.PdfWriter()
        for index in range(start, stop):
            writer.add_page(reader.pages[index])
        writer.compress_identical_objects()
        buffer = io.BytesIO()
        writer.write(buffer)
        return buffer.getvalue()

    parts: list[bytes] = []
    start, total = 0, len(reader.pages)
    while start < total:
        # The longest run of pages from ``start`` that fits, by binary search.
        low, high, best = start + 1, total, b""
        while low <= high:
            middle = (low + high) // 2
            candidate = build(start, middle)
            if len(candidate) <= limit:
                best, stop, low = candidate, middle, middle + 1
            else:
                high = middle - 1
        if not best:
            msg = (
                f"page {start + 1} alone is over the eComms limit of {limit:,} bytes: "
                "it cannot be split; make the PDF smaller"
            )
            raise DocumentError(msg, reason="too_large", path=name)
        parts.append(best)
        start = stop
    stem = name[:-4] if name.lower().endswith(".pdf") else name
    suffix = ecomms_limits().part_suffix
    return [(f"{stem}{suffix.format(n=n)}.pdf", part) for n, part in enumerate(parts, start=1)]


# ---------------------------------------------------------------- LibreOffice


def libreoffice_path(soffice: str | os.PathLike[str] | None = None) -> str:
    """The LibreOffice program litigate runs: ``soffice`` if given, else found on ``PATH``.

    Raises:
        LibreOfficeNotFoundError: It is not installed; the message says how to install it.

    Examples:
        >>> libreoffice_path("/nowhere/soffice")
        Traceback (most recent call last):
        ...
        litigate.errors.LibreOfficeNotFoundError: LibreOffice is needed to write PDF, and '/nowhere/soffice' is not there: install LibreOffice: ...
    """
    if soffice is not None:
        found = shutil.which(str(soffice))
        if found is None:
            msg = f"LibreOffice is needed to write PDF, and {str(soffice)!r} is not there: {INSTALL_HINT}"
            raise LibreOfficeNotFoundError(msg)
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found is not None:
            return found
    msg = f"LibreOffice is needed to write PDF and was not found on PATH: {INSTALL_HINT}"
    raise LibreOfficeNotFoundError(msg)


def _ipc_pipe_name(profile_url: str) -> str:
    """The name of the pipe a LibreOffice with that profile listens on (to remove it after)."""
    digest = hashlib.md5(profile_url.encode("utf-16-le"), usedforsecurity=False).digest()
    return "SingleOfficeIPC_" + "".join(format(b, "x") for b in digest)


@attrs.define
class _Office:
    """One running LibreOffice: its process, folder and profile."""

    process: subprocess.Popen[bytes]
    folder: Path
    profile_url: str
    pipe: str


def _kill(process: subprocess.Popen[bytes], *, grace: float) -> None:
    """Stop a process group started with ``start_new_session``: TERM, then KILL."""
    if process.poll() is None:
        for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 10.0)):
            try:
                os.killpg(process.pid, sig)
            except ProcessLookupError:
                break
            try:
                process.wait(wait)
                break
            except subprocess.TimeoutExpired:
                continue
    else:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(process.pid, signal.SIGKILL)  # children the office may have left


def _stop(office: _Office) -> None:
    _kill(office.process, grace=5.0)
    uid = os.getuid() if hasattr(os, "getuid") else 0
    for name in (office.pipe, _ipc_pipe_name(office.profile_url)):
        for root in ("/tmp", "/var/tmp"):  # noqa: S108 - where LibreOffice puts its pipes
            pipe = Path(root) / f"OSL_PIPE_{uid}_{name}"
            if pipe.is_socket():
                pipe.unlink(missing_ok=True)
    shutil.rmtree(office.folder, ignore_errors=True)


class PdfConverter:
    """One headless LibreOffice, reused for many DOCX → PDF conversions.

    Use it as a context manager (or call :meth:`close`): the office starts at
    the first conversion, with its own temporary profile
    (``-env:UserInstallation``), so it never touches the user's LibreOffice and
    runs beside one that is open.  :meth:`convert_many` converts a batch in one
    request.  A conversion that takes longer than ``timeout`` seconds a document
    is stopped: the office is killed, its folder removed, and
    :class:`~litigate.errors.ConversionError` raised; the next conversion starts
    a new office.  Conversions from several threads take turns.

    Args:
        soffice: The LibreOffice program (default: ``soffice`` on ``PATH``).
        timeout: Seconds allowed for each document converted.
        startup_timeout: Seconds allowed for LibreOffice to start.

    Raises:
        LibreOfficeNotFoundError: At the first conversion, if LibreOffice is not installed.

    Examples:
        >>> converter = PdfConverter(soffice="/nowhere/soffice")
        >>> converter.convert(b"PK...")
        Traceback (most recent call last):
        ...
        litigate.errors.LibreOfficeNotFoundError: LibreOffice is needed to write PDF, ...
        >>> converter.close()
    """

    def __init__(
        self,
        *,
        soffice: str | os.PathLike[str] | None = None,
        timeout: float = 120.0,
        startup_timeout: float = 60.0,
    ) -> None:
        if timeout <= 0 or startup_timeout <= 0:
            msg = f"timeouts must be positive (got {timeout!r}, {startup_timeout!r})"
            raise ValueError(msg)
        self._soffice = soffice
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self._office: _Office | None = None
        self._lock = threading.Lock()
        self._finalizer: weakref.finalize[Any, Any] | None = None
        self.starts = 0
        """How many times an office was started (1 for a batch that went well)."""
        self.conversions = 0
        """How many documents were converted."""

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def pid(self) -> int | None:
        """The process id of the running office, or ``None`` when none runs."""
        office = self._office
        return office.process.pid if office is not None and office.process.poll() is None else None

    def close(self) -> None:
        """Stop the office and remove its temporary profile and files."""
        with self._lock:
            self._discard()

    def _discard(self) -> None:
        office, self._office = self._office, None
        if self._finalizer is not None:
            self._finalizer.detach()
            self._finalizer = None
        if office is not None:
            _stop(office)

    def _start(self) -> _Office:
        program = libreoffice_path(self._soffice)
        folder = Path(tempfile.mkdtemp(prefix="litigate-office-"))
        profile_url = (folder / "profile").as_uri()
        keeper = folder / "keep-open.txt"
        keeper.write_text("litigate\n", encoding="utf-8")
        pipe = f"litigate_{secrets.token_hex(8)}"
        log = (folder / "office.log").open("wb")
        try:
            process = subprocess.Popen(  # noqa: S603 - a fixed program and arguments
                [
                    program,
                    "--headless",
                    "--invisible",
                    "--norestore",
                    "--nologo",
                    "--nolockcheck",
                    "--nodefault",
                    f"-env:UserInstallation={profile_url}",
                    f"--accept=pipe,name={pipe};urp;",
                    str(keeper),
                ],
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                cwd=folder,
            )
        except OSError as exc:
            log.close()
            shutil.rmtree(folder, ignore_errors=True)
            msg = f"LibreOffice ({program}) could not be started: {exc}"
            raise ConversionError(msg, reason="failed") from exc
        finally:
            if not log.closed:
                log.close()
        office = _Office(process=process, folder=folder, profile_url=profile_url, pipe=pipe)
        self._finalizer = weakref.finalize(self, _stop, office)
        # Ready once it holds the keeper open: LibreOffice writes its lock file beside it.
        ready = folder / f".~lock.{keeper.name}#"
        deadline = time.monotonic() + self.startup_timeout
        while not ready.exists():
            if process.poll() is not None or time.monotonic() > deadline:
                why = (
                    f"exited with status {process.returncode}"
                    if process.poll() is not None
                    else f"did not start within {self.startup_timeout:g} s"
                )
                tail = _tail(folder / "office.log")
                self._office = office
                self._discard()
                msg = f"LibreOffice ({program}) {why}{tail}"
                raise ConversionError(msg, reason="timeout" if "within" in why else "failed")
            time.sleep(0.02)
        self.starts += 1
        self._office = office
        return office

    def convert(self, source: bytes | str | os.PathLike[str], *, suffix: str = ".docx") -> bytes:
        """Convert one document (its bytes, or a file) to PDF and return the PDF's bytes.

        Raises:
            LibreOfficeNotFoundError: LibreOffice is not installed.
            ConversionError: It timed out or no PDF came out.
        """
        return self.convert_many([source], suffix=suffix)[0]

    def convert_many(
        self, sources: Sequence[bytes | str | os.PathLike[str]], *, suffix: str = ".docx"
    ) -> list[bytes]:
        """Convert documents to PDF in one request to the running office; PDFs in order.

        Args:
            sources: DOCX bytes, or files in a format Writer opens (``.docx``,
                ``.doc``, ``.odt``, ``.rtf``, ``.txt``).
            suffix: The format of sources given as bytes.

        Raises:
            LibreOfficeNotFoundError: LibreOffice is not installed.
            ConversionError: The batch took longer than ``timeout`` seconds a
                document (``reason="timeout"``), or a document gave no PDF
                (``reason="failed"``, naming it).
            ValueError: A file is of a format litigate does not convert.
        """
        if not sources:
            return []
        with self._lock:
            office = self._office
            if office is None or office.process.poll() is not None:
                if office is not None:
                    self._discard()
                office = self._start()
            return self._run(office, sources, suffix)

    def _run(
        self, office: _Office, sources: Sequence[bytes | str | os.PathLike[str]], suffix: str
    ) -> list[bytes]:
        job = Path(tempfile.mkdtemp(prefix="job-", dir=office.folder))
        inputs: list[Path] = []
        labels: list[str] = []
        for index, source in enumerate(sources):
            if isinstance(source, bytes):
                ext, label = suffix, f"document {index + 1}"
            else:
                ext, label = Path(source).suffix.lower(), str(source)
            if ext not in CONVERTIBLE:
                shutil.rmtree(job, ignore_errors=True)
                msg = f"{label}: litigate converts {', '.join(sorted(CONVERTIBLE))} files, not {ext!r}"
                raise ValueError(msg)
            target = job / f"doc-{index:04d}{ext}"
            if isinstance(source, bytes):
                target.write_bytes(source)
            else:
                shutil.copyfile(source, target)
            inputs.append(target)
            labels.append(label)
        out = job / "pdf"
        limit = self.timeout * len(inputs)
        command = [
            libreoffice_path(self._soffice),
            "--headless",
            f"-env:UserInstallation={office.profile_url}",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, inputs),
        ]
        client = subprocess.Popen(  # noqa: S603 - a fixed program and arguments
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            cwd=job,
        )
        try:
            output, _ = client.communicate(timeout=limit)
        except subprocess.TimeoutExpired:
            _kill(client, grace=0.5)
            client.communicate()
            self._discard()
            msg = (
                f"LibreOffice did not convert {len(inputs)} document(s) within {limit:g} s "
                f"({self.timeout:g} s a document): it was stopped"
            )
            raise ConversionError(msg, reason="timeout", path=labels[0]) from None
        except BaseException:
            _kill(client, grace=0.5)
            self._discard()
            raise
        results: list[bytes] = []
        failed: list[str] = []
        for path, label in zip(inputs, labels, strict=True):
            pdf = out / f"{path.stem}.pdf"
            data = pdf.read_bytes() if pdf.is_file() else b""
            if not data.startswith(b"%PDF-"):
                failed.append(label)
            results.append(data)
        shutil.rmtree(job, ignore_errors=True)
        if failed:
            text = output.decode("utf-8", "replace").strip()[-500:]
            if office.process.poll() is not None:
                self._discard()
            msg = f"LibreOffice gave no PDF for {', '.join(failed)}" + (
                f": {text}" if text else ""
            )
            raise ConversionError(msg, reason="failed", path=failed[0])
        self.conversions += len(results)
        return results


def _tail(log: Path) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace").strip()
    except OSError:
        return ""
    return f": {text[-500:]}" if text else ""


def write_pdf(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write a PDF atomically, never over one changed since litigate wrote it.

    The path comes first, as in :func:`litigate.drafts.write_tracked`; the former order,
    ``write_pdf(data, path)``, still works, with a :class:`DeprecationWarning`.

    A PDF cannot carry litigate's DOCX fingerprint, so the SHA-256 of what
    litigate writes is recorded beside it (``.litigate-written.json``, see
    :func:`litigate.drafts.write_tracked`): a PDF that still holds what litigate last
    wrote there is replaced; one annotated or replaced by hand is kept unless
    ``overwrite=True``.

    Raises:
        OverwriteRefusedError: The file exists and is not as litigate wrote it.

    Examples:
        >>> import pathlib, tempfile
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "reply.pdf"
        >>> _ = write_pdf(target, b"%PDF-1.7 v1")
        >>> _ = write_pdf(target, b"%PDF-1.7 v2")  # as litigate wrote it: replaced
        >>> _ = target.write_bytes(b"%PDF-1.7 annotated by the lawyer")
        >>> write_pdf(target, b"%PDF-1.7 v3")
        Traceback (most recent call last):
        ...
        litigate.errors.OverwriteRefusedError: ...reply.pdf exists and is not as litigate wrote it (edited since?); pass overwrite=True to replace it
    """
    from litigate._args import path_first
    from litigate._files import FileStatus, write_tracked
    from litigate.errors import OverwriteRefusedError

    path, data = path_first("write_pdf", path, data)
    target = Path(path)
    if write_tracked(target, data, overwrite=overwrite) is FileStatus.REFUSED:
        message = (
            f"{target} exists and is not as litigate wrote it (edited since?); "
            "pass overwrite=True to replace it"
        )
        raise OverwriteRefusedError(message, path=str(target))
    return target


def text_pdfs(
    drafts: Sequence[bytes], *, converter: PdfConverter, labels: Sequence[str] = ()
) -> list[bytes]:
    """The text PDF of each rendered DOCX, converted in one request and each one checked.

    Every PDF must have text on every page and hold every title and heading of
    its DOCX (:func:`require_text_pdf`); what LibreOffice lost is named.

    Args:
        drafts: DOCX bytes (from :func:`litigate.render`).
        converter: The running LibreOffice to use.
        labels: A name for each draft, for the error messages.

    Raises:
        ConversionError: A conversion failed, timed out, or lost text or a heading.
        LibreOfficeNotFoundError: LibreOffice is not installed.
    """
    pdfs = converter.convert_many(list(drafts))
    for index, (data, pdf) in enumerate(zip(drafts, pdfs, strict=True)):
        label = labels[index] if index < len(labels) else f"draft {index + 1}"
        require_text_pdf(pdf, headings=docx_headings(data), path=label)
    return pdfs
