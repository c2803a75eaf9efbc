"""ISO 3166-1 countries, the respondent States of a case."""

from __future__ import annotations

import functools

import attrs

from litigate.errors import RuleDataError, UnknownStateError
from litigate.model._data import read_packaged_toml

__all__ = ["Country", "country"]


@attrs.frozen(kw_only=True)
class Country:
    """A State as identified by ISO 3166-1.

    Attributes:
        alpha3: The three-letter code (``"AZE"``).
        alpha2: The two-letter code (``"AZ"``).
        name_en: The English name.
        name_fr: The French name.
    """

    alpha3: str
    alpha2: str
    name_en: str
    name_fr: str


@functools.cache
def _countries() -> dict[str, Country]:
    data = read_packaged_toml("countries.toml")
    try:
        return {row["alpha3"]: Country(**row) for row in data["countries"]}
    except (KeyError, TypeError) as exc:  # pragma: no cover - guarded by the data tests
        raise RuleDataError(
            [f"{exc!r} @ $.countries"], path="litigate/data/countries.toml"
        ) from exc


def country(code: str) -> Country:
    """Return the country with the ISO 3166-1 alpha-3 ``code``.

    Examples:
        >>> country("AZE").name_en
        'Azerbaijan'
        >>> country("AZ")
        Traceback (most recent call last):
        ...
        litigate.errors.UnknownStateError: 'AZ' is not an ISO 3166-1 alpha-3 code (... 'AZE'?)
    """
    found = _countries().get(code)
    if found is not None:
        return found
    hint = ""
    if isinstance(code, str):
        by_alpha2 = {c.alpha2: c.alpha3 for c in _countries().values()}
        guess = by_alpha2.get(code.upper()) or (
            code.upper() if code.upper() in _countries() else None
        )
        if guess:
            hint = f" (did you mean {guess!r}?)"
    raise UnknownStateError(f"{code!r} is not an ISO 3166-1 alpha-3 code{hint}", state=code)
