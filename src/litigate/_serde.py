"""The one strict cattrs converter shared by case files and rule files.

Strict means: text must be text, booleans booleans, dates ISO dates (or TOML
dates), unknown keys are errors, and every problem is collected and flattened
into ``message @ $.path`` lines.
"""

from __future__ import annotations

import functools
import re
import reprlib
import typing
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import Enum, StrEnum
from typing import Any

import cattrs
from cattrs.errors import (
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)

from litigate.errors import InputError

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


class FieldError(ValueError):
    """A structuring hook refused a value; the message is shown as is."""


SHOWN_CHARACTERS = 200
"""At most this many characters of a value are printed in an error message."""
_SHOWN = reprlib.Repr()  # keyword arguments only from Python 3.12
_SHOWN.maxlevel, _SHOWN.maxstring, _SHOWN.maxother, _SHOWN.maxlong = 3, 80, 80, 80
_SHOWN.maxlist = _SHOWN.maxtuple = _SHOWN.maxdict = _SHOWN.maxset = 6


def shown(value: object) -> str:
    """``repr(value)`` cut to a few lines at most: what an error message prints of a value.

    A YAML alias bomb or a list of a million items must not be expanded into the
    message (issue 19).

    Examples:
        >>> shown("Rauf Aliyev"), shown(5)
        ("'Rauf Aliyev'", '5')
        >>> shown([[["lol"] * 9] * 9] * 9)[:60]
        "[[['lol', 'lol', 'lol', 'lol', 'lol', 'lol', ...], ['lol', '"
        >>> len(shown([[["lol"] * 9] * 9] * 9)) <= SHOWN_CHARACTERS + 1
        True
    """
    text = _SHOWN.repr(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[:SHOWN_CHARACTERS] + "…"


# --------------------------------------------------------------------------- structuring


def _structure_date(value: object, _type: object) -> date:
    if isinstance(value, datetime):
        msg = f"not a date: {value.isoformat()!r} has a time of day (write YYYY-MM-DD)"
        raise FieldError(msg)
    if isinstance(value, date):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    msg = f"not a date: {shown(value)} (write dates as YYYY-MM-DD)"
    raise FieldError(msg)


def _structure_str(value: object, _type: object) -> str:
    if not isinstance(value, str):
        msg = f"expected text, got {shown(value)}"
        raise FieldError(msg)
    return value


def _structure_bool(value: object, _type: object) -> bool:
    if not isinstance(value, bool):
        msg = f"expected true or false, got {shown(value)}"
        raise FieldError(msg)
    return value


def _structure_int(value: object, _type: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        msg = f"expected a whole number, got {shown(value)}"
        raise FieldError(msg)
    return value


def _structure_decimal(value: object, _type: object) -> Decimal:
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip())
        except InvalidOperation:
            pass
    msg = (
        f'not an amount: {shown(value)} (write amounts as text, e.g. "1234.50", or whole numbers)'
    )
    raise FieldError(msg)


def _structure_enum(value: object, kind: type[Enum]) -> Enum:
    try:
        return kind(value)
    except ValueError:
        allowed = ", ".join(repr(m.value) for m in kind)
        msg = f"expected one of {allowed}, got {shown(value)}"
        raise FieldError(msg) from None


def _structure_tuple(value: object, kind: Any) -> tuple[Any, ...]:
    """Structure a list into ``tuple[X, ...]``, collecting every item's errors."""
    if not isinstance(value, (list, tuple)):
        msg = f"expected a list, got {shown(value)}"
        raise FieldError(msg)
    item_type = typing.get_args(kind)[0]
    out: list[Any] = []
    errors: list[Exception] = []
    for index, item in enumerate(value):
        try:
            out.append(converter().structure(item, item_type))
        except Exception as exc:  # noqa: BLE001 - collected and reported with its index
            exc.add_note(IterableValidationNote(f"item {index}", index, item_type))
            errors.append(exc)
    if errors:
        msg = f"while structuring {kind!r}"
        raise IterableValidationError(msg, errors, kind)
    return tuple(out)


def _is_tuple_type(tp: Any) -> bool:
    origin: object = typing.get_origin(tp)
    return origin is tuple


@functools.cache
def converter() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(date, _structure_date)
    # Free-form values (worked examples' inputs) are passed through; the model validates them.
    conv.register_structure_hook_func(lambda t: t is object, lambda value, _type: value)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(bool, _structure_bool)
    conv.register_structure_hook(int, _structure_int)
    conv.register_structure_hook(Decimal, _structure_decimal)
    # Class hooks dispatch on the most specific class: StrEnum beats str for every StrEnum.
    conv.register_structure_hook(StrEnum, _structure_enum)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, Enum), _structure_enum
    )
    conv.register_structure_hook_func(_is_tuple_type, _structure_tuple)
    return conv


def flatten_errors(exc: BaseException, path: str) -> list[str]:
    """Flatten cattrs' exception groups into ``message @ $.path`` lines."""
    out: list[str] = []
    if isinstance(exc, IterableValidationError):
        with_notes, without = exc.group_exceptions()
        for sub, note in with_notes:
            out.extend(flatten_errors(sub, f"{path}[{note.index!r}]"))
        for sub in without:
            out.extend(flatten_errors(sub, path))
    elif isinstance(exc, ClassValidationError):
        class_notes, class_rest = exc.group_exceptions()
        for sub, cnote in class_notes:
            out.extend(flatten_errors(sub, f"{path}.{cnote.name}"))
        for sub in class_rest:
            out.extend(flatten_errors(sub, path))
    elif isinstance(exc, ForbiddenExtraKeysError):
        out.extend(
            f"unknown field {shown(key)} @ {path}" for key in sorted(exc.extra_fields, key=repr)
        )
    elif isinstance(exc, KeyError):
        out.append(f"required field missing @ {path}")
    elif isinstance(exc, InputError):
        where = f"{path}.{exc.field}" if exc.field else path
        out.append(f"{exc} @ {where}")
    elif isinstance(exc, FieldError):
        out.append(f"{exc} @ {path}")
    elif isinstance(exc, AttributeError):
        out.append(f"expected a table of fields, got a single value @ {path}")
    else:
        out.append(f"invalid value ({type(exc).__name__}: {exc}) @ {path}")
    return out
