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
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

import attrs

from litigate._resources import templates_root
from litigate.drafts.anonymise import anonymise as anonymise_case
from litigate.drafts.context import build_context
from litigate.drafts.engine import CompiledTemplate, compile_template, write_rendered
from litigate.drafts.filters import FILTERS
from litigate.errors import TemplateNotFoundError, TemplateProblem, TemplateSyntaxError
from litigate.model import Case

__all__ = ["TemplateLint", "find_template", "lint_templates", "render", "template_variables"]

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
            candidate = root.joinpath(name)
            searched.append(str(candidate))
            if candidate.is_file():
                return candidate
    msg = f"no template {template_id!r} for locale {locale!r} in {len(roots)} folder(s)"
    raise TemplateNotFoundError(msg, template_id=template_id, searched=searched)


@functools.lru_cache(maxsize=64)
def _compiled(key: str, data: bytes, template_id: str) -> CompiledTemplate:
    del key  # part of the cache key only
    return compile_template(data, template_id=template_id, filters=FILTERS)


def _load(
    template_id: str, locale: str, template_dirs: Sequence[str | os.PathLike[str]]
) -> CompiledTemplate:
    path = find_template(template_id, locale=locale, template_dirs=template_dirs)
    data = path.read_bytes()
    return _compiled(hashlib.sha256(data).hexdigest(), data, template_id)


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
    **extra: Any,
) -> bytes:
    """Render the template ``template_id`` for ``case`` and return the DOCX bytes.

    Args:
        template_id: ``"ecthr/application"``, ``"ecthr/cover-letter"``…
        case: The case.
        as_of: The date of the draft and of every computed deadline.
        locale: ``"en"`` or ``"fr"`` (the template's language and the filters').
        out: Write the draft there too (atomically; see ``overwrite``).
        draft: Show missing values as highlighted markers instead of failing.
        anonymise: Render the public version: applicants' names become initials,
            their particulars are removed (:func:`litigate.anonymise`).
        overwrite: Replace ``out`` even if it was edited since litigate wrote it.
        template_dirs: Folders of firm templates searched before the built-in ones.
        **extra: More values for the template (``place="Baku"``…).

    Raises:
        TemplateNotFoundError: No such template.
        TemplateContextError: Values are missing (every one listed with its path).
        OverwriteRefusedError: ``out`` exists and was edited since it was written.

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
    subject = anonymise_case(case) if anonymise else case
    template = _load(template_id, locale, template_dirs)
    context = build_context(
        subject, as_of=as_of, locale=locale, uses=template.variables(), **extra
    )
    data = template.render(context, draft=draft, dated=as_of, locale=locale)
    if out is not None:
        write_rendered(data, out, overwrite=overwrite)
    return data


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
    curly quotes, and variables that the render context does not provide.

    Examples:
        >>> from litigate import templates_root
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
