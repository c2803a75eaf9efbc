"""Validators and converters shared by the model classes.

Every validator raises :class:`~litigate.errors.ValidationError` naming the
attribute and the value, so that the case-file loader can turn it into a
``message @ $.path`` line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, NoReturn, TypeVar

import attrs

from litigate.errors import ValidationError

T = TypeVar("T")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters other than tab, line feed and carriage return."""
E = TypeVar("E", bound=StrEnum)
CURRENCY = re.compile(r"[A-Z]{3}")
"""An ISO 4217 currency code."""
_MAX_AMOUNT = Decimal("1e12")

Validator = Callable[[Any, "attrs.Attribute[Any]", Any], None]


def fail(attribute: attrs.Attribute[Any] | str, value: object, message: str) -> NoReturn:
    """Raise a :class:`ValidationError` for ``attribute`` (never returns)."""
    name = attribute if isinstance(attribute, str) else attribute.name
    raise ValidationError(f"{message} (got {value!r})", field=name, value=value)


def to_tuple(value: object) -> Any:
    """Convert a list or other iterable (not a string) to a tuple."""
    if isinstance(value, tuple):
        return value
    if isinstance(value, (str, bytes, dict)) or not isinstance(value, Iterable):
        # Left as is: the validator names the field and refuses it.
        return value
    return tuple(value)


def tuple_of(kind: type[Any] | tuple[type[Any], ...], what: str) -> Validator:
    """Validate a tuple whose items are all of ``kind``."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            fail(attribute, value, f"must be a list of {what}")
        for item in value:
            if not isinstance(item, kind):
                fail(attribute, item, f"every item must be {what}")

    return check


def text(*, required: bool = False, max_length: int = 100_000) -> Validator:
    """Validate an optional (or required) non-blank string without control characters."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            if required:
                fail(attribute, value, "is required")
            return
        if not isinstance(value, str):
            fail(attribute, value, "must be text")
        if required and not value.strip():
            fail(attribute, value, "must not be blank")
        if len(value) > max_length:
            fail(attribute, f"{value[:40]}…", f"must be at most {max_length} characters")
        if _CONTROL.search(value):
            fail(attribute, value, "must not contain control characters")

    return check


def optional_instance(kind: type[Any], what: str) -> Validator:
    """Validate an optional value of class ``kind``."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, kind):
            fail(attribute, value, f"must be {what}")

    return check


def a_date(*, required: bool = False) -> Validator:
    """Validate an optional (or required) calendar date (a ``datetime`` is refused)."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None:
            if required:
                fail(attribute, value, "is required")
            return
        if isinstance(value, datetime) or not isinstance(value, date):
            fail(attribute, value, "must be a date (YYYY-MM-DD)")

    return check


def a_bool(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a real boolean (``0`` and ``"yes"`` are refused)."""
    if not isinstance(value, bool):
        fail(attribute, value, "must be true or false")


def to_enum(kind: type[E], value: object) -> object:
    """Convert a string to the member of ``kind`` with that value; leave anything else as is.

    An unknown string is left as is too: the :func:`member_of` validator then
    refuses it with a message naming the field and the allowed values.
    """
    if isinstance(value, str) and not isinstance(value, kind):
        try:
            return kind(value)
        except ValueError:
            return value
    return value


def member_of(kind: type[E], *, optional: bool = False) -> Validator:
    """Validate that the value is a member of the enum ``kind``."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, kind):
            allowed = ", ".join(repr(m.value) for m in kind)
            fail(attribute, value, f"must be one of {allowed}")

    return check


def not_before(
    earlier: str, later: str, *, later_label: str | None = None, earlier_label: str | None = None
) -> Callable[[Any], None]:
    """Return a check that ``later`` is not before ``earlier`` when both are set."""

    def check(inst: Any) -> None:
        first = getattr(inst, earlier)
        second = getattr(inst, later)
        if first is not None and second is not None and second < first:
            raise ValidationError(
                f"{later_label or later} ({second.isoformat()}) cannot be before "
                f"{earlier_label or earlier} ({first.isoformat()})",
                field=later,
                value=second,
            )

    return check


def to_amount(value: object) -> object:
    """Convert ``"1234.50"`` or ``1234`` to a :class:`~decimal.Decimal`; leave the rest as is."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value.strip().replace("\u00a0", "").replace(" ", ""))
        except InvalidOperation:
            return value
    return value


def amount(*, required: bool) -> Validator:
    """A validator of an amount: a finite Decimal, at least 0, at most two decimals."""

    def check(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and not required:
            return
        if not isinstance(value, Decimal):
            fail(attribute, value, 'must be an amount such as 1234 or "1234.50" (not a float)')
        if not value.is_finite() or value < 0 or value >= _MAX_AMOUNT:
            fail(attribute, value, "must be a finite amount, at least 0")
        exponent = value.as_tuple().exponent
        if isinstance(exponent, int) and exponent < -2:  # noqa: PLR2004 - cents
            fail(attribute, value, "must have at most two decimal places")

    return check
