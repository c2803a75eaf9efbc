"""Rendering a draft by template id, with firm templates overriding the built-in ones.

A template id is ``<forum>/<name>`` (``"ecthr/application"``).  A folder of
templates holds ``<id>.docx`` and, per locale, ``<id>.<locale>.docx``
(``ecthr/application.fr.docx``).  Folders are searched in the order given,
then the built-in templates; within a folder the most specific file wins
(``application.fr-BE.docx``, then ``application.fr.docx``, then
``application.docx``).
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import warnings
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from litigate import l10n
from litigate._args import BOOL, CASE, DATE, LOCALE, PATH, PATHS, RULES, TEXT, checked, optional
from litigate._files import ENCRYPTED_SUFFIX, is_encrypted_name, read_clear
from litigate._resources import templates_root
from litigate.drafts.anonymise import anonymise as anonymise_case
from litigate.drafts.context import build_context, language_of
from litigate.drafts.engine import CompiledTemplate, compile_template, write_rendered
from litigate.drafts.filters import FILTERS, draft_language
from litigate.drafts.layout import layout_problems, structure_problems
from litigate.drafts.pdf import PdfConverter, text_pdfs, write_pdf
from litigate.errors import (
    InputError,
    TemplateNotFoundError,
    TemplateProblem,
    TemplateSyntaxError,
)
from litigate.model import Case
from litigate.rules import RuleSet

__all__ = [
    "TemplateLint",
    "find_template",
    "lint_templates",
    "render",
    "render_with_properties",
    "template_source",
    "template_variables",
]

_ID = re.compile(r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*")


def _candidates(template_id: str, locale: str) -> list[str]:
    parts = [locale, locale.split("-", maxsplit=1)[0].split("_", maxsplit=1)[0]] if locale else []
    names = [f"{template_id}.{p}.docx" for p in dict.fromkeys(parts) if p]
    names.append(f"{template_id}.docx")
    return names


def find_template(
    template_id: str, *, locale: str = "en", template_dirs: Sequence[str | os.PathLike[str]] = ()
) -> Path | Any:
    """Return the template file for ``template_id`` in ``locale``.

    Raises:
        TemplateNotFoundError: No folder holds the template; the message lists
            what was searched.

    Examples:
        >>> find_template("ecthr/application", locale="fr").name
        'application.fr.docx'
        >>> find_template("ecthr/nothing")
        Traceback (most recent call last):
        ...
        litigate.errors.TemplateNotFoundError: no template 'ecthr/nothing' for locale 'en' ...
    """
    if not isinstance(template_id, str) or not _ID.fullmatch(template_id):
        msg = f"a template id looks like 'ecthr/application' (got {template_id!r})"
        raise TemplateNotFoundError(msg, template_id=str(template_id))
    roots: list[Any] = [Path(d) for d in template_dirs]
    roots.append(templates_root())
    searched: list[str] = []
    for root in roots:
        for name in _candidates(template_id, locale):
            # A firm's folder may hold its templates encrypted: NAME.docx.age (litigate.vault).
            sealed = (name + ENCRYPTED_SUFFIX,) if isinstance(root, Path) else ()
            for candidate in (root.joinpath(n) for n in (name, *sealed)):
                searched.append(str(candidate))
                if candidate.is_file():
                    return candidate
    msg = f"no template {template_id!r} for locale {locale!r} in {len(roots)} folder(s)"
    raise TemplateNotFoundError(msg, template_id=template_id, searched=searched)


@functools.lru_cache(maxsize=64)
def _compiled(digest: str, template_id: str, data: bytes) -> CompiledTemplate:
    del digest  # the cache key (with the id); data is only read on a miss
    return compile_template(data, template_id=template_id, filters=FILTERS)


@attrs.frozen
class _Source:
    """A template file as last read: its content's digest, and what ``stat`` said then."""

    stamp: tuple[int, int, int, int, int]
    digest: str
    data: bytes = attrs.field(repr=False, eq=False)


_SOURCES: dict[str, _Source] = {}
_SOURCES_MAX = 64


def _stamp(path: Path) -> tuple[int, int, int, int, int]:
    # The change time too: a copy that keeps the modification time (cp -p, rsync -a,
    # unzip) still sets it, and no program can set it back.
    info = path.stat()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _read_template(path: Path) -> bytes:
    if not is_encrypted_name(path):
        return path.read_bytes()
    from litigate.parse.docx import MAX_COMPRESSED_BYTES

    return read_clear(path, MAX_COMPRESSED_BYTES)  # decrypted in memory, once per change


def _source(path: Path | Any) -> _Source:
    """The template file's bytes and SHA-256, read again only when ``stat`` changes.

    Many drafts from one template (a group of applicants) then cost one read
    and one hash, while an edited template (another inode, size, modification
    or change time) is read afresh at the next render.  A template that is not a plain file
    (inside a zipped package) is read every time.
    """
    if not isinstance(path, Path):
        data = path.read_bytes()
        return _Source((0, 0, len(data), 0, 0), hashlib.sha256(data).hexdigest(), data)
    key = str(path)
    stamp = _stamp(path)
    cached = _SOURCES.get(key)
    if cached is not None and cached.stamp == stamp:
        return cached
    data = _read_template(path)
    if _stamp(path) != stamp:  # changed while being read: do not keep it
        return _Source(stamp, hashlib.sha256(data).hexdigest(), data)
    if len(_SOURCES) >= _SOURCES_MAX:
        _SOURCES.clear()
    source = _SOURCES[key] = _Source(stamp, hashlib.sha256(data).hexdigest(), data)
    return source


def template_source(
    template_id: str, *, locale: str = "en", template_dirs: Sequence[str | os.PathLike[str]] = ()
) -> tuple[str, bytes]:
    """The SHA-256 and bytes of the file :func:`render` would use for ``template_id``.

    Raises:
        TemplateNotFoundError: No folder holds the template.

    Examples:
        >>> digest, data = template_source("ecthr/cover-letter", locale="fr")
        >>> len(digest), data[:2]
        (64, b'PK')
    """
    source = _source(find_template(template_id, locale=locale, template_dirs=template_dirs))
    return source.digest, source.data


def _load(
    template_id: str, locale: str, template_dirs: Sequence[str | os.PathLike[str]]
) -> CompiledTemplate:
    source = _source(find_template(template_id, locale=locale, template_dirs=template_dirs))
    return _compiled(source.digest, template_id, source.data)


@checked(
    template_id=TEXT,
    case=CASE,
    as_of=DATE,
    locale=LOCALE,
    out=optional(PATH),
    draft=BOOL,
    anonymise=BOOL,
    overwrite=BOOL,
    template_dirs=PATHS,
    format=TEXT,
    with_review_notes=BOOL,
    rules=optional(RULES),
)
def render(
    template_id: str,
    *,
    case: Case,
    as_of: date,
    locale: str = "en",
    out: str | os.PathLike[str] | None = None,
    draft: bool = False,
    anonymise: bool = False,
    overwrite: bool = False,
    template_dirs: Sequence[str | os.PathLike[str]] = (),
    format: str = "docx",  # noqa: A002 - the word users know
    converter: PdfConverter | None = None,
    with_review_notes: bool = False,
    rules: RuleSet | None = None,
    **extra: Any,
) -> bytes:
    """Render the template ``template_id`` for ``case`` and return the DOCX (or PDF) bytes.

    Args:
        template_id: ``"ecthr/application"``, ``"ecthr/cover-letter"``…
        case: The case.
        as_of: The date of the draft and of every computed deadline.
        locale: ``"en"`` or ``"fr"`` (the template's language and the filters'; ``"fr_FR"``,
            ``"fr-CH"`` are French); a locale the filters do not know is refused
            (:func:`litigate.drafts.context.language_of`).
        out: Write the draft there too (atomically; see ``overwrite``).
        draft: Show missing values as highlighted markers instead of failing.
        anonymise: Render the public version: applicants' names become initials,
            their particulars are removed (:func:`litigate.drafts.anonymise`).
        overwrite: Replace ``out`` even if it was edited since litigate wrote it.
        template_dirs: Folders of firm templates searched before the built-in ones.
        format: ``"docx"``, or ``"pdf"`` for a text PDF made by LibreOffice from
            the DOCX (checked: every page has text and every heading of the DOCX
            is in it), as the Court's eComms service takes it.  An existing PDF
            is replaced only if it is as litigate wrote it (:func:`write_pdf`).
        converter: The :class:`PdfConverter` to use (one LibreOffice for a whole
            batch); without it one is started and stopped for this draft.
        with_review_notes: Render a ``reply=`` that still holds review notes (they are
            printed in their own part after the signature); without it such a reply is
            refused, so that no note reaches a filed text by accident.
        rules: A rule set with a firm's overrides (:func:`litigate.rules.load_rules`):
            every date of the draft is computed under it, as
            :func:`litigate.ics.deadline_calendar` and :func:`litigate.docket` compute
            theirs; default the packaged rules.
        **extra: More values for the template (``place="Baku"``…).

    Raises:
        InputError: The locale is not supported (``field="locale"``), or ``reply`` still holds review notes and ``with_review_notes`` is not set
            (call ``reply.without_review_notes()`` once they are dealt with).
        TemplateNotFoundError: No such template.
        TemplateContextError: Values are missing (every one listed with its path).
        OverwriteRefusedError: ``out`` exists and was edited since it was written.
        LibreOfficeNotFoundError: ``format="pdf"`` and LibreOffice is not installed.
        ConversionError: ``format="pdf"`` and the conversion failed, timed out, or
            gave a PDF without text or without a heading.

    Examples:
        >>> from datetime import date
        >>> import io, docx, litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan",
        ...                      applicants=[litigate.Applicant.person(name="Rauf Aliyev")])
        >>> data = render("ecthr/cover-letter", case=case, as_of=date(2026, 11, 23))
        >>> text = " ".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
        >>> "Aliyev v. Azerbaijan" in text
        True
    """
    if format not in ("docx", "pdf"):  # checked before the draft is made, not after
        msg = f"format must be 'docx' or 'pdf' (got {format!r})"
        raise InputError(msg, field="format", value=format)
    _refuse_review_notes(extra.get("reply"), allowed=with_review_notes)
    data = render_with_properties(
        template_id,
        case=case,
        as_of=as_of,
        locale=locale,
        draft=draft,
        anonymise=anonymise,
        template_dirs=template_dirs,
        extra=extra,
        rules=rules,
    )
    if format != "docx":
        return _as_pdf(data, format=format, out=out, overwrite=overwrite, converter=converter)
    if out is not None:
        write_rendered(out, data, overwrite=overwrite)
    return data


def _as_pdf(
    data: bytes,
    *,
    format: str,  # noqa: A002
    out: str | os.PathLike[str] | None,
    overwrite: bool,
    converter: PdfConverter | None,
) -> bytes:
    """The text PDF of a rendered DOCX, checked and (with ``out``) written."""
    if format != "pdf":
        msg = f"format must be 'docx' or 'pdf' (got {format!r})"
        raise InputError(msg, field="format", value=format)
    label = "the draft" if out is None else str(out)
    if converter is None:
        with PdfConverter() as own:
            (pdf,) = text_pdfs([data], converter=own, labels=[label])
    else:
        (pdf,) = text_pdfs([data], converter=converter, labels=[label])
    if out is not None:
        write_pdf(out, pdf, overwrite=overwrite)
    return pdf


def _refuse_review_notes(reply: object, *, allowed: bool) -> None:
    notes = getattr(reply, "review_notes", None)
    if notes and not allowed:
        msg = (
            f"render: the reply still holds {len(notes)} review note(s); read them, then render "
            "reply.without_review_notes() for filing, or pass with_review_notes=True for a draft "
            "that prints them"
        )
        raise InputError(msg, field="reply.review_notes", value=len(notes))


def render_with_properties(
    template_id: str,
    *,
    case: Case,
    as_of: date,
    locale: str = "en",
    draft: bool = False,
    anonymise: bool = False,
    template_dirs: Sequence[str | os.PathLike[str]] = (),
    extra: Mapping[str, Any] | None = None,
    properties: Mapping[str, str] | None = None,
    rules: RuleSet | None = None,
) -> bytes:
    """:func:`render`, with more custom document properties written into the draft.

    ``properties`` (name to text) go into ``docProps/custom.xml`` beside
    ``litigate.fingerprint``, in the same pass (the batch runner stores its
    inputs fingerprint this way); they are not part of the fingerprint, so
    the draft still reads as untouched.  ``extra`` holds the values
    :func:`render` takes as keywords, ``rules`` the firm's rule set.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> from litigate.batch import read_inputs
        >>> case = litigate.Case(forum="ecthr", respondent="AZE")
        >>> data = render_with_properties("ecthr/cover-letter", case=case,
        ...     as_of=date(2026, 11, 23), properties={"litigate.inputs": "abc"})
        >>> read_inputs(data)
        (True, 'abc')
    """
    words = language_of(locale)  # a mistyped locale is refused, before any template is looked for
    if words != draft_language(locale):  # the documented fallback (docs/localisation.md), reported
        msg = (
            f"locale {locale!r}: no catalogue for {draft_language(locale)!r}; the draft's "
            f"labels and computed paragraphs are in {words!r} (l10n languages.toml, drafts)"
        )
        warnings.warn(l10n.LanguageFallbackWarning(msg), stacklevel=2)
    subject = anonymise_case(case) if anonymise else case
    template = _load(template_id, locale, template_dirs)
    values = dict(extra or {})
    context = build_context(
        subject, as_of=as_of, locale=locale, uses=template.variables(), rules=rules, **values
    )
    return template.render(context, draft=draft, dated=as_of, locale=locale, properties=properties)


def template_variables(
    template_id: str, *, locale: str = "en", template_dirs: Sequence[str | os.PathLike[str]] = ()
) -> frozenset[str]:
    """The top-level names a template uses (``case``, ``applicants``, ``t``…).

    Examples:
        >>> sorted(template_variables("ecthr/cover-letter"))[:3]
        ['anonymity_requests', 'applicant_names', 'case']
    """
    return _load(template_id, locale, template_dirs).variables()


@attrs.frozen(kw_only=True)
class TemplateLint:
    """What the linter found in one template file.

    Attributes:
        path: The file.
        problems: Syntax errors, unknown filters, Word artefacts, unknown variables.
    """

    path: str
    problems: tuple[TemplateProblem, ...] = ()

    @property
    def ok(self) -> bool:
        """Whether the template has no problem."""
        return not self.problems


def lint_templates(
    paths: Iterable[str | os.PathLike[str]], *, known_variables: Iterable[str] | None = None
) -> tuple[TemplateLint, ...]:
    """Check template files (or folders of them) and report every problem at once.

    Reports Jinja syntax errors, unknown filters, tags Word split beyond repair,
    curly quotes, variables that the render context does not provide, a layout
    that breaks its family's formal requirements (page size, margins, fonts, line
    spacing, required styles, the numbered style: ``litigate/drafts/data/layout.toml``,
    see :func:`layout_problems`), and for every template a tag spread over several
    runs, a style or a numbering used but not defined (see
    :func:`litigate.drafts.layout.structure_problems`).

    Examples:
        >>> from litigate.drafts import templates_root
        >>> all(r.ok for r in lint_templates([templates_root()]))
        True
    """
    known = frozenset(known_variables) if known_variables is not None else _context_keys()
    files: list[Path] = []
    for item in paths:
        path = Path(str(item))
        files.extend(sorted(path.rglob("*.docx")) if path.is_dir() else [path])
    out: list[TemplateLint] = []
    for path in files:
        problems: list[TemplateProblem] = []
        try:
            compiled = compile_template(path.read_bytes(), template_id=path.stem, filters=FILTERS)
        except TemplateSyntaxError as exc:
            problems.extend(exc.problems)
        else:
            problems.extend(
                TemplateProblem(
                    f"unknown variable {name!r}: the render context does not provide it",
                    part="word/document.xml",
                    tag=name,
                )
                for name in sorted(compiled.variables() - known)
            )
            problems.extend(layout_problems(path))
            problems.extend(structure_problems(path))
        out.append(TemplateLint(path=str(path), problems=tuple(problems)))
    return tuple(out)


@functools.cache
def _context_keys() -> frozenset[str]:
    sample = Case(forum="ecthr", respondent="AZE")
    # Plus the values some templates take as extra keywords (``reply=`` for the reply).
    return frozenset(build_context(sample, as_of=date(2000, 1, 1))) | {
        "loop",
        "range",
        "t",
        "reply",
    }
