"""One job of a batch: which draft to render for which case, and the file it goes to.

A :class:`RenderJob` is a plain value: it pickles (so it travels to worker
processes and to Dask workers) and its ``name`` is checked when it is built, so
a job can never write outside the output folder.

The *inputs fingerprint* (:func:`inputs_fingerprint`) is the SHA-256 of
everything a draft depends on: the template file's bytes, the case in its
canonical form, the locale, the flags, ``as_of``, the extra values and the
litigate version.  It is stored in the draft (custom document property
``litigate.inputs``) so that a later run can tell that a draft is up to date.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

import attrs

from litigate._version import __version__
from litigate.casefile import case_to_dict
from litigate.errors import ValidationError
from litigate.model import Case

__all__ = ["RenderJob", "check_name", "inputs_fingerprint"]

_DRIVE = re.compile(r"^[A-Za-z]:")


def check_name(name: object) -> str:
    """Return ``name`` if it is a safe output file name relative to the output folder.

    A name is one or more ``/``-separated parts ending in ``.docx``: sub-folders
    are allowed, but not an absolute path, a drive letter, a backslash, ``..``,
    ``.``, an empty part or a part starting with a dot (litigate's temporary
    files start with one).

    Args:
        name: The candidate name.

    Returns:
        The name, unchanged.

    Raises:
        ValidationError: The name is not safe (``field`` is ``"name"``).

    Examples:
        >>> check_name("mirzazade/application.en.docx")
        'mirzazade/application.en.docx'
        >>> check_name("../outside.docx")
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: name '../outside.docx' ... may not contain '..'
    """
    if not isinstance(name, str) or not name:
        msg = f"name must be a non-empty file name ending in .docx (got {name!r})"
        raise ValidationError(msg, field="name", value=name)
    problem = None
    if name.startswith("/") or _DRIVE.match(name):
        problem = "must be relative to the output folder, not an absolute path"
    elif "\\" in name:
        problem = "may not contain a backslash; separate sub-folders with '/'"
    elif "\0" in name:
        problem = "may not contain a NUL character"
    elif not name.endswith((".docx", ".docx.age")):  # .docx.age: written encrypted
        problem = "must end in .docx"
    else:
        for part in name.split("/"):
            if part == "..":
                problem = "may not contain '..'"
            elif part in {"", "."}:
                problem = "may not contain an empty part or '.'"
            elif part.startswith("."):
                problem = f"may not contain a part starting with a dot ({part!r})"
            if problem:
                break
    if problem:
        msg = f"name {name!r} is refused: an output name {problem}"
        raise ValidationError(msg, field="name", value=name)
    return name


def _valid_name(_instance: object, _attribute: object, value: Any) -> None:
    check_name(value)


def _valid_case(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, Case):
        msg = f"case must be a litigate.Case (got {type(value).__name__})"
        raise ValidationError(msg, field="case", value=value)


def _valid_as_of(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, date):
        msg = f"as_of must be a date (got {value!r})"
        raise ValidationError(msg, field="as_of", value=value)


def _valid_template_id(_instance: object, _attribute: object, value: Any) -> None:
    if not isinstance(value, str) or "/" not in value:
        msg = f"template_id looks like 'ecthr/application' (got {value!r})"
        raise ValidationError(msg, field="template_id", value=value)


def _extra(value: Mapping[str, Any]) -> dict[str, Any]:
    return dict(value)


def _dirs(value: Sequence[str | os.PathLike[str]] | str) -> tuple[str, ...]:
    if isinstance(value, str | os.PathLike):
        return (os.fspath(value),)
    return tuple(os.fspath(v) for v in value)


@attrs.frozen
class RenderJob:
    """One draft to render: template, case, locale, flags and the output file name.

    Attributes:
        template_id: ``"ecthr/application"``, ``"ecthr/cover-letter"``…
        case: The case.
        locale: ``"en"`` or ``"fr"``.
        name: The output file, relative to the batch's output folder
            (``"mirzazade/application.en.docx"``); see :func:`check_name`.
        as_of: The date of the draft and of every computed deadline.
        draft: Show missing values as highlighted markers instead of failing.
        anonymise: Render the public version.
        extra: More values for the template, as for :func:`litigate.render`;
            they must pickle to travel to worker processes.
        template_dirs: Folders of firm templates searched before the built-in ones.

    Raises:
        ValidationError: A field is refused (an unsafe ``name``, a ``case`` that
            is not a :class:`~litigate.Case`…).

    Examples:
        >>> from datetime import date
        >>> import pickle, litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE")
        >>> job = RenderJob("ecthr/cover-letter", case, name="aliyev/cover.docx",
        ...                 as_of=date(2026, 11, 23))
        >>> pickle.loads(pickle.dumps(job)) == job
        True
        >>> RenderJob("ecthr/cover-letter", case, name="/etc/cover.docx", as_of=date(2026, 11, 23))
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: name '/etc/cover.docx' is refused: ...
    """

    template_id: str = attrs.field(validator=_valid_template_id)
    case: Case = attrs.field(validator=_valid_case)
    locale: str = attrs.field(default="en", kw_only=True)
    name: str = attrs.field(kw_only=True, validator=_valid_name)
    as_of: date = attrs.field(kw_only=True, validator=_valid_as_of)
    draft: bool = attrs.field(default=False, kw_only=True, converter=bool)
    anonymise: bool = attrs.field(default=False, kw_only=True, converter=bool)
    extra: Mapping[str, Any] = attrs.field(
        factory=dict, kw_only=True, converter=_extra, hash=False
    )
    template_dirs: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_dirs)


def _canonical(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Case):
        return case_to_dict(value)
    if attrs.has(type(value)):
        return attrs.asdict(value, recurse=True)  # type: ignore[arg-type]
    if isinstance(value, set | frozenset):
        return sorted(map(repr, value))
    if isinstance(value, bytes):
        return hashlib.sha256(value).hexdigest()
    # Anything else by its repr: an object whose repr changes between runs (an
    # address in it) only makes the draft re-render, never wrongly skip.
    return repr(value)


def inputs_fingerprint(
    job: RenderJob, template: bytes | None = None, *, template_digest: str | None = None
) -> str:
    """The SHA-256 of everything the draft of ``job`` depends on.

    Args:
        job: The job.
        template: The bytes of the template file the job renders, or
        template_digest: their SHA-256 (hexadecimal), when already known
            (:func:`litigate.drafts.api.template_source` gives both).  Give one.

    Returns:
        A hexadecimal digest; equal digests mean the same draft.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE")
        >>> job = RenderJob("ecthr/cover-letter", case, name="x.docx", as_of=date(2026, 11, 23))
        >>> later = attrs.evolve(job, as_of=date(2026, 11, 24))
        >>> inputs_fingerprint(job, b"t") == inputs_fingerprint(later, b"t")
        False
        >>> inputs_fingerprint(job, b"t") == inputs_fingerprint(job, b"u")
        False
        >>> import hashlib
        >>> digest = hashlib.sha256(b"t").hexdigest()
        >>> inputs_fingerprint(job, template_digest=digest) == inputs_fingerprint(job, b"t")
        True
    """
    if (template is None) == (template_digest is None):
        msg = "give exactly one of the template's bytes and its digest"
        raise ValidationError(msg, field="template", value=None)
    digest = template_digest if template is None else hashlib.sha256(template).hexdigest()
    form = {
        "litigate": __version__,
        "template_id": job.template_id,
        "template": digest,
        "case": case_to_dict(job.case),
        "locale": job.locale,
        "as_of": job.as_of.isoformat(),
        "draft": job.draft,
        "anonymise": job.anonymise,
        "extra": dict(job.extra),
    }
    text = json.dumps(form, sort_keys=True, ensure_ascii=False, default=_canonical)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
