"""Compile a DOCX template once, render it many times: sandboxed, strict, deterministic.

:func:`compile_template` reads a DOCX safely (bounded decompression, no
DOCTYPE), turns each text part (body, headers, footers, footnotes, endnotes)
into Jinja source on the parsed tree (see :mod:`litigate.drafts.docxml`) and
compiles it **once** in an ``ImmutableSandboxedEnvironment`` with autoescaping.
Every syntax problem of every part is reported in one
:class:`~litigate.errors.TemplateSyntaxError`.

:meth:`CompiledTemplate.render` is a pure function of the context:

* **Missing values.** A name or attribute that does not exist, and a value that
  is ``None`` where the template *prints* it (``{{ x }}``), is a missing value;
  every one in the document is collected with its full path
  (``case.applicants[0].date_of_birth``), part and paragraph, and one
  :class:`~litigate.errors.TemplateContextError` is raised.  ``{% if x %}`` on a
  missing or ``None`` value is simply false; test for ``None`` with
  ``x is none`` (not ``x == None``).  Looping over a missing value is a missing
  value.  With ``draft=True`` each missing value is printed as a yellow
  ``[MISSING: path]`` run instead.
* **Values.** Output is XML-escaped (``& < > " '``), line breaks become
  ``<w:br/>``, tabs ``<w:tab/>``; characters XML 1.0 forbids (control
  characters other than tab, line feed and carriage return, lone surrogates,
  U+FFFE/U+FFFF) are **replaced with U+FFFD** so a value pasted from a PDF
  cannot make the document unreadable (a filter that returns ``Markup`` is
  trusted to return valid WordprocessingML; the result is still parsed).
  The ``safe`` and ``format`` filters, ``lipsum`` and ``%`` string formatting
  are not available.
* **Sandbox.** Private and dunder attributes (``__class__``, ``_x``, ``mro``),
  ``.format``/``.format_map`` (also a bound ``str.format`` passed in the
  context) and the ``attr`` filter raise
  :class:`~litigate.errors.TemplateSecurityError` (at compile time when the
  name is written in the template, at render time otherwise); ``range`` is
  limited to :data:`MAX_RANGE` items, ``*``/``**`` and ``center``/``indent``
  may not build huge values, and each part may not exceed
  :data:`MAX_PART_CHARS` characters.  Values are immutable in templates.
* **Package.** Unchanged parts are copied compressed from the template; the
  entries keep the template's order and a fixed 1980-01-01 timestamp;
  ``docProps/core.xml`` ``created``/``modified`` become ``dated`` (or
  1980-01-01); the fingerprint ``litigate.fingerprint`` is stored in
  ``docProps/custom.xml``.  Every rendered part is parsed back before it is
  written; drawing ids (``wp:docPr``) repeated by a loop are renumbered and
  repeated ``w14:paraId``/``w14:textId`` removed.

:func:`write_rendered` replaces an existing file only if it is untouched since
litigate wrote it (its parts still match its fingerprint), or if
``overwrite=True``.

Examples:
    >>> import io, docx
    >>> d = docx.Document()
    >>> _ = d.add_paragraph("Applicant: {{ applicant.name }}")
    >>> buf = io.BytesIO(); d.save(buf)
    >>> tpl = compile_template(buf.getvalue(), template_id="demo")
    >>> sorted(tpl.variables()), sorted(tpl.paths())
    (['applicant'], ['applicant', 'applicant.name'])
    >>> out = tpl.render({"applicant": {"name": "Smith & Sons <Ltd>"}})
    >>> docx.Document(io.BytesIO(out)).paragraphs[0].text
    'Applicant: Smith & Sons <Ltd>'
    >>> tpl.render({"applicant": {}})
    Traceback (most recent call last):
    ...
    litigate.errors.TemplateContextError: 1 missing value in template 'demo':
      no value for applicant.name (word/document.xml, paragraph 0, tag {{ applicant.name }}) near 'Applicant: {{ applicant.name }}'
"""

from __future__ import annotations

import contextvars
import functools
import hashlib
import os
import re
import secrets
import sys
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs

from litigate._args import path_first
from litigate._files import read_clear
from litigate.drafts._limits import check_binop, check_call, check_join, watchdog
from litigate.drafts._links import strip_external
from litigate.drafts.docxml import PreparedPart, W, prepare_part
from litigate.drafts.package import (
    CUSTOM_NS,
    CUSTOM_PART,
    FINGERPRINT_PROPERTY,
    ZipEntry,
    deflated,
    fingerprint,
    read_fingerprint,
    write_zip,
)
from litigate.errors import (
    DocumentError,
    OverwriteRefusedError,
    TemplateContextError,
    TemplateProblem,
    TemplateSecurityError,
    TemplateSyntaxError,
)

__all__ = [
    "MAX_PART_CHARS",
    "MAX_RANGE",
    "CompiledTemplate",
    "compile_template",
    "write_rendered",
]

MAX_RANGE = 10_000
"""Largest ``range()`` a template may build."""
MAX_PART_CHARS = 20 * 1024 * 1024
"""Largest rendered size of one part, in characters."""
_MAX_EXPONENT = 100
_MAX_WIDTH = 10_000

_TEXT_PART = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_BAD_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0\ufdd1\ufdd4-\ufdef\ufffe\uffff]"
)
_INTERNAL = re.compile(r" at 0x[0-9a-fA-F]+")
_MARK_OPEN = "\ufdd2"
_MARK_CLOSE = "\ufdd3"
_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'
_TAB = '</w:t><w:tab/><w:t xml:space="preserve">'
_UNSAFE_NAMES = frozenset({"mro", "format", "format_map", "func_globals", "gi_frame", "f_globals"})
_FINGERPRINT_SLOT = "\ufdd4FINGERPRINT\ufdd4"
# What XML 1.0 cannot carry, and the private character the slots above use.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd4\ufdd5\ufffe\uffff]")
_DATE_SLOT = "\ufdd5DATE\ufdd5"
_CONSTANT_DATE = "1980-01-01T00:00:00Z"
_CORE_DC = "http://purl.org/dc/terms/"
_SCALARS = (str, bytes, int, float, bool, date, type(None))
_CUSTOM_REL = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
)
_CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_HIGHLIGHT_AFTER = frozenset(
    f"{{{W}}}{n}"
    for n in (
        "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em", "lang",
        "eastAsianLayout", "specVanish", "oMath", "rPrChange",
    )
)  # fmt: skip


@attrs.define
class _Missing:
    path: str
    part: str | None
    paragraph: int | None
    is_none: bool


@attrs.define
class _RenderState:
    draft: bool
    locale: str | None = None
    part: PreparedPart | None = None
    missing: list[_Missing] = attrs.Factory(list)
    paths: dict[int, tuple[object, str]] = attrs.Factory(dict)
    # The draft markers carry a secret of this render: a value cannot forge one.
    nonce: str = attrs.Factory(
        lambda: f"{secrets.randbelow(10**12):012d}"
    )  # digits: upper() keeps them

    @property
    def marker(self) -> re.Pattern[str]:
        return re.compile(f"{_MARK_OPEN}{self.nonce}-(\\d+){_MARK_CLOSE}")


_STATE: contextvars.ContextVar[_RenderState | None] = contextvars.ContextVar(
    "litigate_render", default=None
)


def _current() -> _RenderState:
    """The state of the render running now.

    Outside :meth:`CompiledTemplate.render` (Jinja folding constants at compile
    time) a throwaway state is returned.
    """
    state = _STATE.get()
    return state if state is not None else _RenderState(draft=False)


def _path_join(base: str, key: object) -> str:
    if isinstance(key, str) and key.isidentifier():
        return f"{base}.{key}"
    return f"{base}[{key!r}]"


def _locate() -> int | None:
    """The paragraph of the template code running now (from the Jinja frame)."""
    state = _current()
    frame: Any = sys._getframe(1)  # noqa: SLF001 - as Jinja's own debug support does
    while frame is not None:
        template = frame.f_globals.get("__jinja_template__")
        if template is not None and state.part is not None:
            return state.part.paragraph_of_line(template.get_corresponding_lineno(frame.f_lineno))
        frame = frame.f_back
    return None


def _record(path: str, *, is_none: bool) -> str:
    """Note a missing value; return what to print for it."""
    state = _current()
    part = state.part.name if state.part is not None else None
    state.missing.append(_Missing(path, part, _locate(), is_none))
    # In a draft the marker carries an index, not the path, so filters (upper…) cannot alter it.
    index = len(state.missing) - 1
    return f"{_MARK_OPEN}{state.nonce}-{index}{_MARK_CLOSE}" if state.draft else ""


def _text(value: object) -> str:
    """The text of a value with forbidden XML characters replaced by U+FFFD."""
    text = value if isinstance(value, str) else str(value)
    text = _BAD_CHARS.sub("\ufffd", text)
    if _MARK_OPEN in text or _MARK_CLOSE in text:
        state = _STATE.get()
        if state is None or not state.draft:
            return text.replace(_MARK_OPEN, "\ufffd").replace(_MARK_CLOSE, "\ufffd")
        # Keep this render's own markers (a filter applied to a missing value), no other.
        forged = re.compile(f"({state.marker.pattern})|[{_MARK_OPEN}{_MARK_CLOSE}]")
        text = forged.sub(lambda m: m.group(1) or "\ufffd", text)
    return text


@functools.cache
def _code_generator() -> type[Any]:
    """Jinja's code generator, with every ``~`` concatenation size-checked first."""
    from jinja2.compiler import CodeGenerator

    class Generator(CodeGenerator):
        def visit_Concat(self, node: Any, frame: Any) -> None:  # noqa: N802 - Jinja's name
            if frame.eval_ctx.volatile:
                join = "(markup_join if context.eval_ctx.volatile else str_join)"
            else:
                join = "markup_join" if frame.eval_ctx.autoescape else "str_join"
            self.write(f"{join}(environment.litigate_join((")
            for arg in node.nodes:
                self.visit(arg, frame)
                self.write(", ")
            self.write(")))")

    return Generator


@functools.cache
def _classes() -> tuple[
    type[Any], type[Any], Callable[[object], object], Callable[[object, str], None]
]:
    """The sandboxed environment and recording undefined classes (Jinja loaded lazily)."""
    import jinja2
    from jinja2.sandbox import ImmutableSandboxedEnvironment
    from markupsafe import Markup, escape

    class RecordingUndefined(jinja2.Undefined):
        """A missing value that remembers its full path and is reported when used."""

        __slots__ = ("_is_none", "_path")

        def __init__(
            self, *args: Any, path: str | None = None, is_none: bool = False, **kwargs: Any
        ) -> None:
            super().__init__(*args, **kwargs)
            if path is None:
                name = self._undefined_name or "?"
                obj = self._undefined_obj
                path = name if obj is jinja2.utils.missing else _path_join(_path_of(obj), name)
            self._path = path
            self._is_none = is_none

        def __getattr__(self, name: str) -> Any:
            if name.startswith("__"):
                raise AttributeError(name)
            return RecordingUndefined(path=_path_join(self._path, name))

        def __getitem__(self, key: object) -> Any:
            return RecordingUndefined(path=_path_join(self._path, key))

        def _fail_with_undefined_error(self, *_args: Any, **_kwargs: Any) -> Any:
            _record(self._path, is_none=self._is_none)
            return self

        __add__ = __radd__ = __sub__ = __rsub__ = __mul__ = __rmul__ = _fail_with_undefined_error
        __truediv__ = __rtruediv__ = __mod__ = __rmod__ = __pos__ = __neg__ = (
            _fail_with_undefined_error
        )
        __call__ = __lt__ = __le__ = __gt__ = __ge__ = _fail_with_undefined_error

        def __str__(self) -> str:
            return _record(self._path, is_none=self._is_none)

        def __iter__(self) -> Iterator[Any]:
            _record(self._path, is_none=self._is_none)
            return iter(())

        def __len__(self) -> int:
            _record(self._path, is_none=self._is_none)
            return 0

        def __bool__(self) -> bool:
            return False

        def __eq__(self, other: object) -> bool:
            return other is None if self._is_none else type(self) is type(other)

        def __hash__(self) -> int:
            return id(type(self))

    def _path_of(obj: object) -> str:
        if isinstance(obj, RecordingUndefined):
            return str(obj._path)  # noqa: SLF001
        known = _current().paths.get(id(obj))
        return known[1] if known is not None and known[0] is obj else "?"

    def _register(value: object, path: str) -> None:
        if isinstance(value, (*_SCALARS, jinja2.Undefined)):
            return
        paths = _current().paths
        paths[id(value)] = (value, path)
        if isinstance(value, list | tuple):
            for i, item in enumerate(value):
                if not isinstance(item, _SCALARS):
                    paths[id(item)] = (item, f"{path}[{i}]")

    def _refuse(obj: object, attribute: object) -> Any:
        message = f"the template may not access {attribute!r} of a {type(obj).__name__}"
        raise TemplateSecurityError(message)

    class Environment(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "%", "+"})
        code_generator_class = _code_generator()

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _check_binop(operator, left, right)
            check_binop(operator, left, right)
            return super().call_binop(context, operator, left, right)

        def litigate_join(self, parts: tuple[Any, ...]) -> tuple[Any, ...]:
            return check_join(parts)

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            if attr in _UNSAFE_NAMES and not isinstance(obj, Mapping):
                return False
            return bool(super().is_safe_attribute(obj, attr, value))

        def unsafe_undefined(self, obj: Any, attribute: str) -> Any:
            return _refuse(obj, attribute)

        def _lookup(self, obj: Any, key: Any, result: Any) -> Any:
            if isinstance(obj, RecordingUndefined):
                return result
            if isinstance(result, jinja2.Undefined) or result is None:
                path = _path_join(_path_of(obj), key)
                return RecordingUndefined(path=path, is_none=result is None)
            if isinstance(key, str | int):
                _register(result, _path_join(_path_of(obj), key))
            return result

        def call(self, context: Any, obj: Any, /, *args: Any, **kwargs: Any) -> Any:
            # A bound str.format passed in the context skips Jinja's format sandbox.
            if getattr(obj, "__name__", None) in {"format", "format_map"} and isinstance(
                getattr(obj, "__self__", None), str
            ):
                return _refuse(obj, "format")
            check_call(obj, args, kwargs)
            return super().call(context, obj, *args, **kwargs)

        def getattr(self, obj: Any, attribute: str) -> Any:
            if isinstance(attribute, str) and attribute.startswith("_"):
                return _refuse(obj, attribute)
            return self._lookup(obj, attribute, super().getattr(obj, attribute))

        def getitem(self, obj: Any, argument: Any) -> Any:
            if isinstance(argument, str) and argument.startswith("_"):
                return _refuse(obj, argument)
            return self._lookup(obj, argument, super().getitem(obj, argument))

    # Markup below wraps only text escaped here, or markup a registered filter returned.
    def finalize(value: object) -> object:
        if isinstance(value, Markup):
            return value
        if isinstance(value, RecordingUndefined):
            return Markup(escape(_record(value._path, is_none=value._is_none)))  # noqa: S704, SLF001
        if value is None:
            return Markup(escape(_record("(the value is None)", is_none=True)))  # noqa: S704
        if callable(value) or isinstance(value, type | ModuleType):
            message = f"the template may not print a {type(value).__name__}"
            raise TemplateSecurityError(message)
        text = str(escape(_text(value)))
        if _INTERNAL.search(text):
            message = "the template may not print an object's internals (its address)"
            raise TemplateSecurityError(message)
        if "\n" in text or "\r" in text or "\t" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
            text = text.replace("\n", _BREAK).replace("\t", _TAB)
        return Markup(text)  # noqa: S704

    return Environment, RecordingUndefined, finalize, _register


def _bounded_range(*args: int) -> range:
    rng = range(*args)
    if len(rng) > MAX_RANGE:
        message = f"range() of {len(rng)} items; the limit is {MAX_RANGE}"
        raise TemplateSecurityError(message)
    return rng


def _check_binop(operator: str, left: object, right: object) -> None:
    """Refuse operations that build huge values before any output bound can act."""
    message = None
    if operator == "%" and isinstance(left, str):
        message = "string formatting with % is not allowed in templates; use filters"
    elif operator == "*":
        sized, count = (left, right) if isinstance(right, int) else (right, left)
        if (
            isinstance(sized, str | list | tuple)
            and isinstance(count, int)
            and len(sized) * count > MAX_PART_CHARS
        ):
            message = f"a value of {len(sized) * count} items is too large"
    elif (
        operator == "**"
        and isinstance(left, int | float)
        and isinstance(right, int | float)
        and abs(right) > _MAX_EXPONENT
        and abs(left) > 1
    ):
        message = f"an exponent of {right} is too large"
    if message is not None:
        raise TemplateSecurityError(message)


def _bounded_width(name: str, original: Callable[..., str]) -> Callable[..., str]:
    def bounded(value: object, width: object = 80, *args: object, **kwargs: object) -> str:
        if isinstance(width, int) and width > _MAX_WIDTH:
            message = f"{name}() width {width} is too large (limit {_MAX_WIDTH})"
            raise TemplateSecurityError(message)
        return original(value, width, *args, **kwargs)

    return bounded


def _refused_filter(*_args: object, **_kwargs: object) -> object:
    message = "the 'attr' filter is not allowed in templates"
    raise TemplateSecurityError(message)


def _make_env(filters: Mapping[str, Callable[..., object]]) -> Any:
    environment_class, undefined_class, finalize, _ = _classes()
    env = environment_class(
        autoescape=True,
        undefined=undefined_class,
        finalize=finalize,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=0,
    )
    for name in ("safe", "format"):  # raw XML; printf widths that allocate gigabytes
        env.filters.pop(name, None)
    for name in ("center", "indent"):
        env.filters[name] = _bounded_width(name, env.filters[name])
    env.globals.pop("lipsum", None)
    env.filters["attr"] = _refused_filter
    env.filters.update(filters)
    env.globals["range"] = _bounded_range
    env.tests["none"] = lambda value: (
        value is None
        or (
            isinstance(value, undefined_class) and value._is_none  # noqa: SLF001
        )
    )
    env.tests["defined"] = lambda value: not isinstance(value, undefined_class) or value._is_none  # noqa: SLF001
    return env


# --------------------------------------------------------------------------- compile


_OPENERS = {
    "if": "{% endif %}", "for": "{% endfor %}", "with": "{% endwith %}",
    "filter": "{% endfilter %}", "macro": "{% endmacro %}", "call": "{% endcall %}",
    "autoescape": "{% endautoescape %}",
}  # fmt: skip
_DUMMIES = {
    "if": "{% if false %}", "for": "{% for _ in () %}", "with": "{% with %}",
    "filter": "{% filter lower %}", "macro": "{% macro _m() %}", "call": "{% call _m() %}",
    "autoescape": "{% autoescape true %}", "elif": "{% elif false %}",
}  # fmt: skip


def _keyword(tag: str) -> str:
    inner = tag[2:].lstrip("-+ \t")
    return inner.split(None, 1)[0] if inner.split() else ""


def _check_tag(env: Any, tag: str) -> str | None:
    """The syntax error of one tag on its own, or ``None``."""
    from jinja2 import TemplateSyntaxError as JinjaSyntaxError

    source = tag
    if tag.startswith("{%"):
        keyword = _keyword(tag)
        if keyword.startswith("end") or keyword in {"else", "raw", "endraw"}:
            return None
        if keyword in _OPENERS:
            source = tag + _OPENERS[keyword]
        elif keyword == "elif":
            source = "{% if true %}" + tag + "{% endif %}"
        elif keyword == "set" and "=" not in tag:
            source = tag + "{% endset %}"
    elif tag.startswith("{#"):
        return None
    from jinja2 import nodes

    try:
        ast = env.parse(source)
    except JinjaSyntaxError as exc:
        return str(exc.message)
    for node in _walk(ast):
        if isinstance(node, nodes.Filter) and node.name not in env.filters:
            return f"unknown filter {node.name!r}"
        if isinstance(node, nodes.Test) and node.name not in env.tests:
            return f"unknown test {node.name!r}"
    return None


def _bad_tags(env: Any, part: PreparedPart) -> list[TemplateProblem]:
    """A problem for each tag of ``part`` that is invalid on its own."""
    out = []
    for site in part.tags:
        error = _check_tag(env, site.tag)
        if error is not None:
            problem = TemplateProblem(
                error, part=part.name, paragraph=site.paragraph, tag=site.tag, context=site.context
            )
            out.append(problem)
    return out


def _problem(
    part: PreparedPart, message: str, lineno: int | None, hint: str | None = None
) -> TemplateProblem:
    paragraph = part.paragraph_of_line(lineno) if lineno else None
    tag = None
    context = None
    if paragraph is not None:
        context = part.paragraphs[paragraph][:60] if paragraph < len(part.paragraphs) else None
        candidates = [t for t in part.tags if t.paragraph == paragraph]
        if hint:
            candidates = [t for t in candidates if hint in t.tag] or candidates
        if len(candidates) == 1 or (hint and candidates):
            tag = candidates[0].tag
    return TemplateProblem(message, part=part.name, paragraph=paragraph, tag=tag, context=context)


def _walk(node: Any) -> Iterator[Any]:
    yield node
    for child in node.iter_child_nodes():
        yield from _walk(child)


def _audit(
    env: Any, part: PreparedPart, ast: Any
) -> tuple[list[TemplateProblem], list[TemplateProblem]]:
    """Unknown filters/tests (syntax) and forbidden attribute access (security) in a part."""
    from jinja2 import nodes

    syntax: list[TemplateProblem] = []
    security: list[TemplateProblem] = []
    for node in _walk(ast):
        if isinstance(node, nodes.Filter | nodes.Test):
            known = env.filters if isinstance(node, nodes.Filter) else env.tests
            kind = "filter" if isinstance(node, nodes.Filter) else "test"
            if node.name == "attr":
                security.append(
                    _problem(part, "the 'attr' filter is not allowed", node.lineno, "attr")
                )
            elif node.name not in known:
                message = f"unknown {kind} {node.name!r}"
                syntax.append(_problem(part, message, node.lineno, node.name))
        elif isinstance(node, nodes.Getattr) and (
            node.attr.startswith("_") or node.attr in _UNSAFE_NAMES
        ):
            message = f"access to {node.attr!r} is not allowed"
            security.append(_problem(part, message, node.lineno, node.attr))
        elif (
            isinstance(node, nodes.Getitem)
            and isinstance(node.arg, nodes.Const)
            and isinstance(node.arg.value, str)
            and node.arg.value.startswith("_")
        ):
            message = f"access to {node.arg.value!r} is not allowed"
            security.append(_problem(part, message, node.lineno, node.arg.value))
    return syntax, security


def _paths(ast: Any, undeclared: frozenset[str]) -> set[str]:
    """Dotted attribute paths used in a part (loop variables followed, best effort)."""
    from jinja2 import nodes

    aliases: dict[str, str] = {}

    def path_of(node: Any) -> str | None:
        if isinstance(node, nodes.Name):
            if node.name in aliases:
                return aliases[node.name]
            return node.name if node.name in undeclared else None
        if isinstance(node, nodes.Getattr):
            base = path_of(node.node)
            return None if base is None else f"{base}.{node.attr}"
        if isinstance(node, nodes.Getitem):
            base = path_of(node.node)
            if base is None:
                return None
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return f"{base}.{node.arg.value}"
            return f"{base}[]"
        return None

    found: set[str] = set()
    for node in _walk(ast):
        if isinstance(node, nodes.For) and isinstance(node.target, nodes.Name):
            base = path_of(node.iter)
            if base is not None:
                aliases[node.target.name] = f"{base}[]"
        if isinstance(node, nodes.Getattr | nodes.Getitem | nodes.Name):
            path = path_of(node)
            if path is not None:
                found.add(path)
                while "." in path:
                    path = path.rsplit(".", 1)[0]
                    found.add(path)
    return found


@attrs.frozen
class _Part:
    prepared: PreparedPart
    template: Any = attrs.field(repr=False)


@attrs.frozen(eq=False)
class CompiledTemplate:
    """A DOCX template compiled once; :meth:`render` it as many times as needed.

    Attributes:
        template_id: The template's id, used in error messages.
    """

    template_id: str
    _env: Any = attrs.field(repr=False, alias="env")
    _parts: tuple[_Part, ...] = attrs.field(repr=False, alias="parts")
    _entries: tuple[ZipEntry | str, ...] = attrs.field(repr=False, alias="entries")
    _digests: Mapping[str, str] = attrs.field(repr=False, alias="digests")
    _variables: frozenset[str] = attrs.field(alias="variables")
    _paths: frozenset[str] = attrs.field(alias="paths")
    _static_text: Mapping[str, str] = attrs.field(repr=False, alias="static_text")
    _locale: str | None = attrs.field(default=None, alias="locale")
    _removed: tuple[str, ...] = attrs.field(default=(), alias="removed")

    def removed_links(self) -> tuple[str, ...]:
        """The external relationships removed from the template, one line each.

        A template may point outside its package (a remote attached template, a
        linked image, an OLE link): Word would fetch the URL when the draft is
        opened.  They are removed when the template is compiled, with what refers
        to them; this lists them as ``part: type to target``.  Hyperlinks that
        are only followed when clicked are kept.
        """
        return self._removed

    def variables(self) -> frozenset[str]:
        """The top-level names the template needs from the context."""
        return self._variables

    def paths(self) -> frozenset[str]:
        """The dotted attribute paths the template uses (``case.applicants[].name``)."""
        return self._paths

    def render(
        self,
        context: Mapping[str, object],
        *,
        draft: bool = False,
        dated: date | None = None,
        locale: str | None = None,
        properties: Mapping[str, str] | None = None,
    ) -> bytes:
        """Render the template into DOCX bytes.

        Args:
            context: The values, by top-level name.
            draft: Print missing values as yellow ``[MISSING: path]`` runs instead
                of raising.
            dated: The date written as created/modified in ``docProps/core.xml``
                (1980-01-01 when not given, so the output stays reproducible).
            locale: The ``locale`` passed to the caller's filters that take one
                (instead of the one given to :func:`compile_template`).
            properties: More custom document properties (name to text), written
                beside ``litigate.fingerprint``; a property of the template with
                the same name is replaced.  They are not part of the fingerprint.

        Raises:
            TemplateContextError: Values are missing (all are listed), or a
                value cannot be used as the template uses it.
            TemplateSecurityError: The template tried something forbidden.
            TemplateSyntaxError: A rendered part is not well-formed XML.
        """
        state = _RenderState(draft=draft, locale=locale or self._locale)
        token = _STATE.set(state)
        try:
            rendered = self._render_parts(context, state)
        finally:
            _STATE.reset(token)
        if state.missing and not draft:
            problems = []
            seen: set[tuple[str, str | None, int | None]] = set()
            for miss in state.missing:
                key = (miss.path, miss.part, miss.paragraph)
                if key in seen:
                    continue
                seen.add(key)
                problems.append(self._missing_problem(miss))
            count = len(problems)
            message = f"{count} missing value{'s' if count != 1 else ''} in template {self.template_id!r}:"
            raise TemplateContextError(message, template_id=self.template_id, problems=problems)
        return self._package(rendered, dated, properties)

    def _missing_problem(self, miss: _Missing) -> TemplateProblem:
        message = (
            f"no value {miss.path}" if miss.path.startswith("(") else f"no value for {miss.path}"
        )
        part = next((p.prepared for p in self._parts if p.prepared.name == miss.part), None)
        tag = context = None
        if part is not None and miss.paragraph is not None:
            context = part.paragraphs[miss.paragraph][:60]
            leaf = miss.path.rsplit(".", 1)[-1].split("[", 1)[0]
            tags = [t.tag for t in part.tags if t.paragraph == miss.paragraph]
            prints = [t for t in tags if t.startswith("{{")]
            fallback = prints[0] if len(prints) == 1 else None
            tag = next((t for t in prints if leaf in t), fallback)
        return TemplateProblem(
            message, part=miss.part, paragraph=miss.paragraph, tag=tag, context=context
        )

    def _render_parts(
        self, context: Mapping[str, object], state: _RenderState
    ) -> dict[str, bytes]:
        from jinja2 import TemplateError
        from jinja2.exceptions import SecurityError

        _, undefined_class, _, register = _classes()
        values: dict[str, object] = {}
        for key, value in context.items():
            if value is None:
                values[key] = undefined_class(path=key, is_none=True)
            else:
                values[key] = value
                register(value, key)
        out: dict[str, bytes] = {}
        for part in self._parts:
            state.part = part.prepared
            try:
                with watchdog():
                    text = _bounded(part.template.generate(values), part.prepared.name)
            except RecursionError as exc:
                problem = TemplateProblem("recursion too deep", part=part.prepared.name)
                message = f"template {self.template_id!r} tried something forbidden:"
                raise TemplateSecurityError(
                    message, template_id=self.template_id, problems=[problem]
                ) from exc
            except TemplateSecurityError as exc:
                problem = TemplateProblem(str(exc.args[0]).split("\n")[0], part=part.prepared.name)
                message = f"template {self.template_id!r} tried something forbidden:"
                raise TemplateSecurityError(
                    message, template_id=self.template_id, problems=[problem]
                ) from exc
            except SecurityError as exc:
                problem = TemplateProblem(str(exc), part=part.prepared.name)
                message = f"template {self.template_id!r} tried something forbidden:"
                raise TemplateSecurityError(
                    message, template_id=self.template_id, problems=[problem]
                ) from exc
            except (
                TemplateError,
                TypeError,
                ValueError,
                ArithmeticError,
                LookupError,
                AttributeError,
            ) as exc:
                problem = TemplateProblem(
                    f"{type(exc).__name__}: {exc}",
                    part=part.prepared.name,
                    paragraph=_locate_traceback(exc, part.prepared),
                )
                message = f"template {self.template_id!r} cannot use the values given:"
                raise TemplateContextError(
                    message, template_id=self.template_id, problems=[problem]
                ) from exc
            if state.draft and _MARK_OPEN in text:
                # _highlight parses the part, which checks it is well-formed.
                data = _highlight(text, part.prepared.name, self.template_id, state).encode()
            else:
                data = text.encode("utf-8")
                root = _check_xml(data, part.prepared.name, self.template_id)
                if part.prepared.has_loops and _dedupe_ids(root):
                    data = _serialise(root).encode("utf-8")
            out[part.prepared.name] = data
        return out

    def _package(
        self,
        rendered: Mapping[str, bytes],
        dated: date | None,
        properties: Mapping[str, str] | None = None,
    ) -> bytes:
        digests = dict(self._digests)
        for name, data in rendered.items():
            digests[name] = hashlib.sha256(data).hexdigest()
        stamp = _CONSTANT_DATE
        if dated is not None:
            moment = (
                dated
                if isinstance(dated, datetime)
                else datetime(dated.year, dated.month, dated.day, tzinfo=UTC)
            )
            stamp = moment.strftime("%Y-%m-%dT%H:%M:%SZ")
        dynamic: dict[str, bytes] = dict(rendered)
        for entry in self._entries:
            if isinstance(entry, str) and entry not in rendered and entry != CUSTOM_PART:
                text = self._static_text[entry].replace(_DATE_SLOT, stamp)
                dynamic[entry] = text.encode("utf-8")
                digests[entry] = hashlib.sha256(dynamic[entry]).hexdigest()
        print_ = fingerprint(digests)
        custom = self._static_text[CUSTOM_PART]
        if properties:
            custom = with_properties(custom, properties)
        dynamic[CUSTOM_PART] = custom.replace(_FINGERPRINT_SLOT, print_).encode()
        entries = [
            deflated(entry, dynamic[entry]) if isinstance(entry, str) else entry
            for entry in self._entries
        ]
        return write_zip(entries)


def _with_locale(function: Callable[..., object]) -> Callable[..., object]:
    """``function`` given the render's locale, if it has a ``locale`` parameter."""
    import inspect

    try:
        parameters = inspect.signature(function).parameters
    except (TypeError, ValueError):
        return function
    if "locale" not in parameters:
        return function

    @functools.wraps(function)
    def localised(*args: object, **kwargs: object) -> object:
        locale = _current().locale
        if locale is not None:
            kwargs.setdefault("locale", locale)
        return function(*args, **kwargs)

    return localised


def _locate_traceback(exc: BaseException, part: PreparedPart) -> int | None:
    """The paragraph of the innermost template frame in ``exc``'s traceback."""
    paragraph = None
    tb = exc.__traceback__
    while tb is not None:
        template = tb.tb_frame.f_globals.get("__jinja_template__")
        if template is not None:
            paragraph = part.paragraph_of_line(template.get_corresponding_lineno(tb.tb_lineno))
        elif tb.tb_frame.f_code.co_filename == "<template>":
            # Jinja rewrote the traceback: the line number is the template's own.
            paragraph = part.paragraph_of_line(tb.tb_lineno)
        tb = tb.tb_next
    return paragraph


_WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
_W14 = "http://schemas.microsoft.com/office/word/2010/wordml"


def _dedupe_ids(root: Any) -> bool:
    """Make ids that loops repeated unique again; whether anything changed.

    A repeated drawing keeps its ``wp:docPr/@id`` (Word reports such a file as
    damaged): later copies get new ids after the largest one.  A repeated
    ``w14:paraId``/``w14:textId`` (optional attributes) is removed from the copies.
    """
    changed = False
    drawings = list(root.iter(f"{{{_WP}}}docPr"))
    seen: set[str] = set()
    top = max((int(d.get("id")) for d in drawings if str(d.get("id", "")).isdigit()), default=0)
    for drawing in drawings:
        value = str(drawing.get("id", ""))
        if value in seen:
            top += 1
            drawing.set("id", str(top))
            changed = True
        seen.add(str(drawing.get("id")))
    for attribute in (f"{{{_W14}}}paraId", f"{{{_W14}}}textId"):
        seen_ids: set[str] = set()
        for element in root.iter():
            value = element.get(attribute)
            if value is None:
                continue
            if value in seen_ids:
                del element.attrib[attribute]
                changed = True
            seen_ids.add(value)
    return changed


def _bounded(chunks: Iterator[str], name: str) -> str:
    """The joined output, refused once it grows beyond :data:`MAX_PART_CHARS`."""
    out: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > MAX_PART_CHARS:
            message = f"{name} grows beyond {MAX_PART_CHARS} characters"
            raise TemplateSecurityError(message)
        out.append(chunk)
    return "".join(out)


def _check_xml(data: bytes, name: str, template_id: str) -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    try:
        return etree.fromstring(
            data, parser=etree.XMLParser(resolve_entities=False, no_network=True)
        )
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        around = data.decode("utf-8", "replace").split("\n")[line - 1][:200] if line else None
        problem = TemplateProblem(
            f"rendered XML is not well-formed: {exc}", part=name, context=around
        )
        message = f"template {template_id!r} produced invalid XML:"
        raise TemplateSyntaxError(message, template_id=template_id, problems=[problem]) from None


def _highlight(text: str, name: str, template_id: str, state: _RenderState) -> str:
    """Split runs around ``[MISSING: …]`` markers and highlight the markers in yellow."""
    from lxml import etree

    root = _check_xml(text.encode("utf-8"), name, template_id)
    _dedupe_ids(root)
    w_t, w_r, w_rpr = f"{{{W}}}t", f"{{{W}}}r", f"{{{W}}}rPr"
    for run in [t.getparent() for t in root.iter(w_t) if t.text and _MARK_OPEN in t.text]:
        if run is None or run.tag != w_r or run.getparent() is None:
            continue
        rpr = run.find(w_rpr)
        new_runs: list[Any] = []

        def fresh(*, marked: bool, rpr: Any = rpr) -> Any:
            new = etree.Element(w_r)
            props = etree.SubElement(new, w_rpr) if rpr is None else _copy(rpr, new)
            if marked:
                for old in props.findall(f"{{{W}}}highlight"):
                    props.remove(old)
                mark = etree.Element(f"{{{W}}}highlight")
                mark.set(f"{{{W}}}val", "yellow")
                after = next((c for c in props if c.tag in _HIGHLIGHT_AFTER), None)
                if after is None:
                    props.append(mark)
                else:
                    after.addprevious(mark)
            return new

        current = fresh(marked=False)
        for child in list(run):
            if child.tag == w_rpr:
                continue
            if child.tag != w_t or not child.text or _MARK_OPEN not in child.text:
                current.append(child)
                continue
            pos = 0
            for match in state.marker.finditer(child.text):
                _text_run(current, child.text[pos : match.start()])
                new_runs.append(current)
                marked = fresh(marked=True)
                _text_run(marked, f"[MISSING: {state.missing[int(match.group(1))].path}]")
                new_runs.append(marked)
                current = fresh(marked=False)
                pos = match.end()
            _text_run(current, child.text[pos:])
        new_runs.append(current)
        for new in new_runs:
            if len(new) > 1:
                run.addprevious(new)
        run.getparent().remove(run)
    return _serialise(root)


def _copy(rpr: Any, into: Any) -> Any:
    import copy

    props = copy.deepcopy(rpr)
    into.append(props)
    return props


def _text_run(run: Any, text: str) -> None:
    if not text:
        return
    from lxml import etree

    t = etree.SubElement(run, f"{{{W}}}t")
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    t.text = text


def _read_source(source: bytes | str | os.PathLike[str]) -> bytes:
    if isinstance(source, bytes | bytearray | memoryview):
        return bytes(source)
    from litigate.parse.docx import MAX_COMPRESSED_BYTES

    try:
        # A template is a DOCX: past the DOCX limit, _Package refuses it.
        return read_clear(source, MAX_COMPRESSED_BYTES)  # NAME.docx.age too
    except OSError as exc:
        message = f"cannot read {source}: {exc.strerror or exc}"
        raise DocumentError(message, reason="unreadable", path=str(source)) from exc


def compile_template(
    source: bytes | str | os.PathLike[str],
    *,
    template_id: str,
    filters: Mapping[str, Callable[..., object]] | None = None,
    locale: str | None = None,
) -> CompiledTemplate:
    """Read and compile a DOCX template; every problem is reported at once.

    Args:
        source: The DOCX bytes or file.
        template_id: The id used in messages.
        filters: Jinja filters the template may use, by name (they replace
            Jinja's filters of the same name).  A filter with a ``locale``
            parameter receives the render's locale, so templates never write it.
        locale: The default locale for those filters (e.g. ``"en"``).

    Returns:
        The compiled template.

    Raises:
        DocumentError: The file is not a safe, readable DOCX package.
        TemplateSyntaxError: Tags are invalid, split beyond repair or use
            unknown filters (all problems, with part and paragraph).
        TemplateSecurityError: Tags access private attributes or forbidden filters.

    Examples:
        >>> import io, docx
        >>> d = docx.Document()
        >>> _ = d.add_paragraph("{{ a | shout }} and {% if %}")
        >>> buf = io.BytesIO(); d.save(buf)
        >>> compile_template(buf.getvalue(), template_id="bad")
        Traceback (most recent call last):
        ...
        litigate.errors.TemplateSyntaxError: 2 problems in template 'bad':
          unknown filter 'shout' (word/document.xml, paragraph 0, tag {{ a | shout }}) near '{{ a | shout }} and {% if %}'
          Expected an expression, got 'end of statement block' (word/document.xml, paragraph 0, tag {% if %}) near '{{ a | shout }} and {% if %}'
    """
    from jinja2 import TemplateSyntaxError as JinjaSyntaxError
    from jinja2 import meta
    from lxml import etree

    from litigate.parse.docx import _Package, _parse_xml

    data = _read_source(source)
    env = _make_env({name: _with_locale(f) for name, f in (filters or {}).items()})
    package = _Package(data)
    syntax: list[TemplateProblem] = []
    security: list[TemplateProblem] = []
    parts: list[_Part] = []
    entries: list[ZipEntry | str] = []
    digests: dict[str, str] = {}
    static_text: dict[str, str] = {}
    variables: set[str] = set()
    paths: set[str] = set()
    try:
        contents = {info.filename: package.read(info.filename) for info in package.zip.infolist()}
        cleaned, removed = strip_external(
            {name: raw for name, raw in contents.items() if raw is not None}
        )
        for info in package.zip.infolist():
            name = info.filename
            raw = cleaned.get(name, contents[name])
            if raw is None or name.endswith("/"):
                continue
            digests[name] = hashlib.sha256(raw).hexdigest()
            if _TEXT_PART.match(name):
                prepared = prepare_part(name, _parse_xml(raw, name, package.path))
                syntax.extend(prepared.problems)
                ast, whole_error = None, None
                if not prepared.problems:
                    try:
                        ast = env.parse(prepared.source)
                    except JinjaSyntaxError as exc:
                        whole_error = exc
                if ast is None:
                    # Something is wrong: check every tag on its own to report them all.
                    bad = _bad_tags(env, prepared)
                    syntax.extend(bad)
                    if whole_error is not None and not bad:
                        message = str(whole_error.message)
                        syntax.append(_problem(prepared, message, whole_error.lineno))
                    entries.append(name)
                    continue
                found_syntax, found_security = _audit(env, prepared, ast)
                syntax.extend(found_syntax)
                security.extend(found_security)
                entries.append(name)
                if found_syntax or found_security:
                    continue
                undeclared = frozenset(meta.find_undeclared_variables(ast)) - set(env.globals)
                variables |= undeclared
                paths |= _paths(ast, undeclared)
                parts.append(_Part(prepared, env.from_string(ast)))
            elif name == "docProps/core.xml":
                root = _parse_xml(raw, name, package.path)
                for field in ("created", "modified"):
                    for node in root.iter(f"{{{_CORE_DC}}}{field}"):
                        node.text = _DATE_SLOT
                static_text[name] = _serialise(root)
                entries.append(name)
            elif name == CUSTOM_PART:
                root = _parse_xml(raw, name, package.path)
                static_text[name] = _custom_with_slot(root)
                entries.append(name)
            elif name in cleaned or (
                name in {"[Content_Types].xml", "_rels/.rels"} and CUSTOM_PART not in package.names
            ):
                root = _parse_xml(raw, name, package.path)
                if (
                    name in {"[Content_Types].xml", "_rels/.rels"}
                    and CUSTOM_PART not in package.names
                ):
                    _declare_custom(root, name)
                static_text[name] = _serialise(root)
                entries.append(name)
            else:
                entries.append(package.raw_entry(name))
        if CUSTOM_PART not in package.names:
            root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS})
            static_text[CUSTOM_PART] = _custom_with_slot(root)
            entries.append(CUSTOM_PART)
    finally:
        package.close()
    if syntax:
        count = len(syntax)
        message = f"{count} problem{'s' if count != 1 else ''} in template {template_id!r}:"
        raise TemplateSyntaxError(message, template_id=template_id, problems=syntax)
    if security:
        message = f"template {template_id!r} tries something forbidden:"
        raise TemplateSecurityError(message, template_id=template_id, problems=security)
    return CompiledTemplate(
        template_id=template_id,
        env=env,
        parts=tuple(parts),
        entries=tuple(entries),
        digests=digests,
        variables=frozenset(variables),
        paths=frozenset(paths),
        static_text=static_text,
        locale=locale,
        removed=removed,
    )


def _serialise(root: Any) -> str:
    from lxml import etree

    body = etree.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + str(body)


def _custom_with_slot(root: Any) -> str:
    from lxml import etree

    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    pids = [0, 1]
    for prop in list(root.iter(f"{{{CUSTOM_NS}}}property")):
        if prop.get("name") == FINGERPRINT_PROPERTY:
            prop.getparent().remove(prop)
        elif str(prop.get("pid", "")).isdigit():
            pids.append(int(prop.get("pid")))
    prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", nsmap={"vt": vt})
    prop.set("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}")
    prop.set("pid", str(max(pids) + 1))
    prop.set("name", FINGERPRINT_PROPERTY)
    etree.SubElement(prop, f"{{{vt}}}lpwstr").text = _FINGERPRINT_SLOT
    return _serialise(root)


def with_properties(text: str, properties: Mapping[str, str]) -> str:
    """The custom properties part ``text`` with ``properties`` set (as ``vt:lpwstr``).

    A property of the same name is replaced; new ones take the next free ``pid``.

    Raises:
        TypeError: A name or value is not text.
        ValueError: The name is ``litigate.fingerprint`` or empty, or the text
            holds characters XML cannot carry.
        lxml.etree.XMLSyntaxError: ``text`` is not well-formed.

    Examples:
        >>> part = '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"/>'
        >>> "litigate.inputs" in with_properties(part, {"litigate.inputs": "abc"})
        True
    """
    from lxml import etree

    given: Mapping[Any, object] = properties  # callers without type checks pass anything
    for name, value in given.items():
        if not isinstance(name, str) or not isinstance(value, str):
            msg = f"a custom document property is text (got {name!r}: {value!r})"
            raise TypeError(msg)
        if name == FINGERPRINT_PROPERTY:
            msg = f"the custom document property {name!r} is litigate's own"
            raise ValueError(msg)
        if not name or _CONTROL_CHARS.search(name + value):
            msg = f"a custom document property needs a name and no control characters ({name!r})"
            raise ValueError(msg)
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(text.encode("utf-8"), parser)
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    pids = [1]
    for prop in list(root.iter(f"{{{CUSTOM_NS}}}property")):
        if prop.get("name") in properties:
            prop.getparent().remove(prop)
        elif str(prop.get("pid", "")).isdigit():
            pids.append(int(prop.get("pid")))
    for offset, (name, value) in enumerate(properties.items(), start=1):
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", nsmap={"vt": vt})
        prop.set("fmtid", "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}")
        prop.set("pid", str(max(pids) + offset))
        prop.set("name", name)
        etree.SubElement(prop, f"{{{vt}}}lpwstr").text = value
    return _serialise(root)


def _declare_custom(root: Any, name: str) -> None:
    from lxml import etree

    if name == "_rels/.rels":
        ns = "http://schemas.openxmlformats.org/package/2006/relationships"
        rel = etree.SubElement(root, f"{{{ns}}}Relationship")
        rel.set("Id", "rIdLitigateCustom")
        rel.set("Type", _CUSTOM_REL)
        rel.set("Target", "docProps/custom.xml")
    else:
        ns = "http://schemas.openxmlformats.org/package/2006/content-types"
        override = etree.SubElement(root, f"{{{ns}}}Override")
        override.set("PartName", "/docProps/custom.xml")
        override.set("ContentType", _CUSTOM_TYPE)


def write_rendered(path: str | os.PathLike[str], data: bytes, *, overwrite: bool = False) -> Path:
    """Write a rendered document atomically, never over a lawyer's edits.

    An existing file is replaced only if it is untouched since litigate wrote it
    (its ``litigate.fingerprint`` property still matches its parts), or when
    ``overwrite=True``.  A file without the property, edited in Word, or not a
    DOCX at all is kept.

    The path comes first, as in ``litigate.drafts.write_tracked(path, data)`` and
    ``open(path)``.  The former order, ``write_rendered(data, path)``, is recognised by
    its types (bytes first) and still works, with a :class:`DeprecationWarning`.

    Args:
        path: The file to write.
        data: The DOCX bytes from :meth:`CompiledTemplate.render`.
        overwrite: Replace the file even if it was edited.

    Returns:
        The path written.

    Raises:
        OverwriteRefusedError: The file exists and may hold edits.

    Examples:
        >>> import tempfile, pathlib
        >>> target = pathlib.Path(tempfile.mkdtemp()) / "draft.docx"
        >>> _ = target.write_bytes(b"edited by hand")
        >>> write_rendered(target, b"new")
        Traceback (most recent call last):
        ...
        litigate.errors.OverwriteRefusedError: ...draft.docx exists and is not as litigate wrote it (edited since?); pass overwrite=True to replace it
    """
    from litigate._files import write_atomic

    path, data = path_first("write_rendered", path, data)
    target = Path(path)
    if target.exists() and not overwrite:
        try:
            stored, actual = read_fingerprint(str(target))
        except DocumentError:
            stored, actual = None, ""
        if stored is None or stored != actual:
            message = (
                f"{target} exists and is not as litigate wrote it (edited since?); "
                "pass overwrite=True to replace it"
            )
            raise OverwriteRefusedError(message, path=str(target))
        return write_atomic(target, data, overwrite=True)
    return write_atomic(target, data, overwrite=overwrite)
