"""The argument-type contract of the public functions, checked in one place.

Every function of the top-level API checks the types of its arguments before doing any
work and raises :class:`~litigate.errors.ArgumentTypeError` (a ``LitigateError`` that is
also a ``TypeError``) naming the argument, the type expected and what was given, with the
fix when there is an obvious one.  A string is never taken for a date, a path never for a
case, a mapping never for a ``Case`` (see ``docs/errors.md``, "Wrong argument types").

A function declares what it takes with :func:`checked`::

    @checked(case=CASE, as_of=DATE, rules=optional(RULES))
    def filing_window(case, *, as_of, rules=None): ...

This module imports nothing of litigate but the errors at import time: the classes a
check needs (``Case``, ``RuleSet``...) are named as ``"module:Class"`` and imported the
first time a call is checked, so any layer may use it without an import circle.

Examples:
    >>> from datetime import date
    >>> @checked(as_of=DATE)
    ... def days_to(*, as_of: date) -> int:
    ...     return (date(2026, 1, 1) - as_of).days
    >>> days_to(as_of=date(2025, 12, 25))
    7
    >>> days_to(as_of="2025-12-25")
    Traceback (most recent call last):
    ...
    litigate.errors.ArgumentTypeError: as_of must be a datetime.date, not str '2025-12-25': write date(2025, 12, 25) or date.fromisoformat('2025-12-25')
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib
import inspect
import os
import re
import warnings
from collections.abc import Callable, Mapping
from typing import ParamSpec, TypeVar

from litigate.errors import ArgumentTypeError

__all__ = [
    "BOOL",
    "CASE",
    "CASES",
    "CASE_OR_SOURCE",
    "CASE_SOURCE",
    "DATE",
    "DOCKET_CASES",
    "FORUM",
    "INT",
    "LOCALE",
    "OBSERVATIONS",
    "PATH",
    "PATHS",
    "PATH_OR_BYTES",
    "RULES",
    "TEXT",
    "Kind",
    "checked",
    "optional",
    "path_first",
]

P = ParamSpec("P")
R = TypeVar("R")

_MAX_SHOWN = 60


def _shown(value: object) -> str:
    """The type of ``value`` and, for short scalars, the value itself."""
    name = type(value).__name__
    if value is None:
        return "None"
    if isinstance(value, str | bytes | int | float | os.PathLike | dt.date):
        if isinstance(value, os.PathLike):
            value = os.fspath(value)
        if isinstance(value, str | bytes):
            value = value[: _MAX_SHOWN + 1]  # never the repr of a whole file
        try:
            text = repr(value)
        except ValueError:  # an int too long to print
            return name
        if len(text) > _MAX_SHOWN:
            text = text[: _MAX_SHOWN - 1] + "…"
        return f"{name} {text}"
    return name


def _resolve(specs: tuple[type | str, ...]) -> tuple[type, ...]:
    out: list[type] = []
    for spec in specs:
        if isinstance(spec, str):
            module, _, name = spec.partition(":")
            out.append(getattr(importlib.import_module(module), name))
        else:
            out.append(spec)
    return tuple(out)


class Kind:
    """What an argument takes: classes (given or named ``"module:Class"``), a label, a hint.

    Args:
        label: How the message names the type (``"a datetime.date"``).
        classes: The accepted classes, or ``"module:Class"`` names imported when first used.
        refuse: Classes refused although they subclass an accepted one (``datetime``
            is a ``date``; ``bool`` is an ``int``).
        hint: From the refused value, the fix to print after the message (or ``""``).
        items: For a collection of values: the kind of each item (lists and tuples are
            checked item by item; other iterables are passed through unread).
    """

    def __init__(
        self,
        label: str,
        *classes: type | str,
        refuse: tuple[type | str, ...] = (),
        hint: Callable[[object], str] | None = None,
        items: Kind | None = None,
    ) -> None:
        self.label = label
        self._classes = classes
        self._resolved: tuple[type, ...] | None = None
        self._refused: tuple[type, ...] = ()
        self._refuse = refuse
        self.hint = hint
        self.items = items

    @property
    def classes(self) -> tuple[type, ...]:
        """The accepted classes, imported on first use."""
        if self._resolved is None:
            self._resolved = _resolve(self._classes)
            self._refused = _resolve(self._refuse)
        return self._resolved

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the accepted classes (for ``ArgumentTypeError.expected``)."""
        return tuple(
            "None" if c is type(None) else c.__name__
            for c in self.classes + ((self.items.classes) if self.items else ())
        )

    def accepts(self, value: object) -> bool:
        """Whether ``value`` is of this kind (items of a list or tuple not included)."""
        return isinstance(value, self.classes) and not isinstance(value, self._refused)

    def check(self, field: str, value: object) -> None:
        """Raise :class:`ArgumentTypeError` unless ``value`` is of this kind."""
        if not self.accepts(value):
            hint = self.hint(value) if self.hint else ""
            message = f"{field} must be {self.label}, not {_shown(value)}"
            raise ArgumentTypeError(
                f"{message}: {hint}" if hint else message,
                field=field,
                value=value,
                expected=self.names,
            )
        if self.items is not None and isinstance(value, list | tuple):
            for index, item in enumerate(value):
                self.items.check(f"{field}[{index}]", item)


def optional(kind: Kind) -> Kind:
    """``kind`` or ``None``."""
    return Kind(
        f"{kind.label} or None",
        *kind._classes,  # noqa: SLF001 - same class
        type(None),
        refuse=kind._refuse,  # noqa: SLF001
        hint=kind.hint,
        items=kind.items,
    )


def _date_hint(value: object) -> str:
    if isinstance(value, dt.datetime):
        return "pass its .date()"
    if isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            return (
                "a date is never read from a string here; read it with "
                "litigate.parse_date(...), check it, and pass the date"
            )
        iso = value.strip()
        return f"write date({day.year}, {day.month}, {day.day}) or date.fromisoformat({iso!r})"
    return ""


def _case_hint(value: object) -> str:
    if isinstance(value, Mapping):
        return "load a mapping with litigate.load_case(...)"
    if isinstance(value, str | os.PathLike):
        return "load the file with litigate.load_case(path)"
    return ""


def _cases_hint(value: object) -> str:
    return "pass a list, [case]" if type(value).__name__ == "Case" else _case_hint(value)


def _path_hint(value: object) -> str:
    if value is None:
        return ""
    return "pass a pathlib.Path or a str"


def _text_hint(value: object) -> str:
    if isinstance(value, bytes | bytearray):
        return "decode it first (bytes.decode('utf-8'))"
    if isinstance(value, os.PathLike):
        return "read the file first (Path.read_text(encoding='utf-8'))"
    return ""


_NOT_A_LIST: tuple[type, ...] = (str, bytes, Mapping, os.PathLike)
DATE = Kind("a datetime.date", dt.date, refuse=(dt.datetime,), hint=_date_hint)
CASE = Kind("a litigate.Case", "litigate.model:Case", hint=_case_hint)
CASES = Kind(
    "a list of litigate.Case",
    list,
    tuple,
    "collections.abc:Iterable",
    refuse=(*_NOT_A_LIST, "litigate.model:Case"),
    hint=_cases_hint,
    items=CASE,
)
RULES = Kind("a litigate.rules.RuleSet (from litigate.load_rules)", "litigate.rules:RuleSet")
FORUM = Kind("a forum (a str such as 'ecthr', or a litigate.model.Forum)", str)
TEXT = Kind("a str", str, hint=_text_hint)
LOCALE = Kind("a locale (a str such as 'en' or 'fr')", str)
BOOL = Kind("True or False", bool)
INT = Kind("an int", int, refuse=(bool,))
PATH = Kind("a path (a str or a pathlib.Path)", str, os.PathLike, hint=_path_hint)
PATH_OR_BYTES = Kind(
    "a path (a str or a pathlib.Path) or bytes",
    str,
    os.PathLike,
    bytes,
    bytearray,
    memoryview,
    hint=_path_hint,
)


def _source_hint(value: object) -> str:
    return "it is already a Case: use it as it is" if type(value).__name__ == "Case" else ""


def _observations_hint(value: object) -> str:
    if isinstance(value, str | os.PathLike | bytes):
        return "read the file first with litigate.read_observations(...)"
    return ""


CASE_SOURCE = Kind(
    "a path (a str or a pathlib.Path) or a mapping", str, os.PathLike, Mapping, hint=_source_hint
)
CASE_OR_SOURCE = Kind(
    "a litigate.Case, a path (a str or a pathlib.Path) or a mapping",
    "litigate.model:Case",
    str,
    os.PathLike,
    Mapping,
)
OBSERVATIONS = Kind(
    "a litigate.parse.Observations (from litigate.read_observations)",
    "litigate.parse.observations:Observations",
    hint=_observations_hint,
)
DOCKET_CASES = Kind(
    "a list of litigate.Case (or a GroupApplication)",
    "litigate.group.model:GroupApplication",
    "collections.abc:Iterable",
    refuse=(*_NOT_A_LIST, "litigate.model:Case"),
    hint=_cases_hint,
    items=Kind(
        "a litigate.Case or a GroupApplication",
        "litigate.model:Case",
        "litigate.group.model:GroupApplication",
        hint=_case_hint,
    ),
)
PATHS = Kind(
    "a list of paths",
    "collections.abc:Iterable",
    refuse=_NOT_A_LIST,
    hint=lambda value: (
        "put the path in a list, [path]" if isinstance(value, str | os.PathLike) else ""
    ),
    items=PATH,
)


def checked(**expected: Kind) -> Callable[[Callable[P, R]], Callable[P, R]]:
    """Check the named arguments of the decorated function against their kinds.

    The check runs before the function; an argument not given (left at its default)
    is not checked.  Arguments not named are not checked.
    """

    def decorate(func: Callable[P, R]) -> Callable[P, R]:
        signature = inspect.signature(func)
        unknown = set(expected) - set(signature.parameters)
        if unknown:  # a programming error in litigate, caught when the module is imported
            msg = f"{func.__qualname__} has no parameter {sorted(unknown)}"
            raise AssertionError(msg)

        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            try:
                bound = signature.bind(*args, **kwargs)
            except TypeError as exc:
                named = re.search(r"'(\w+)'", str(exc))
                raise ArgumentTypeError(
                    f"{func.__name__}(): {exc}",
                    field=named.group(1) if named else func.__name__,
                    value=None,
                ) from None
            for name, value in bound.arguments.items():
                kind = expected.get(name)
                if kind is not None:
                    kind.check(name, value)
            return func(*args, **kwargs)

        return wrapper

    return decorate


def path_first(function: str, path: object, data: object) -> tuple[str | os.PathLike[str], bytes]:
    """``(path, data)`` of a writer, from either order: bytes first is the former order.

    The writers take the path first, as ``write_tracked(path, data)`` and ``open(path)``
    do; a call with the bytes first (the order of ``write_rendered`` and ``write_pdf``
    before issue 17) is recognised by its types and still works, with a
    ``DeprecationWarning`` pointing at the caller.
    """
    if isinstance(path, bytes | bytearray) and isinstance(data, str | os.PathLike):
        warnings.warn(
            f"{function}(data, path) is deprecated: the path comes first, "
            f"{function}(path, data), as in write_tracked(path, data)",
            DeprecationWarning,
            stacklevel=3,
        )
        path, data = data, path
    PATH.check("path", path)
    if not isinstance(data, bytes | bytearray):
        msg = f"data must be bytes, not {_shown(data)}"
        raise ArgumentTypeError(msg, field="data", value=data, expected=("bytes",))
    assert isinstance(path, str | os.PathLike)  # noqa: S101 - checked above
    return path, bytes(data)
