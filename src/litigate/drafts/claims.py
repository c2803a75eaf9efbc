"""Context values for Article 41 claims (ecthr/just-satisfaction; embeddable in the reply)."""

from __future__ import annotations

from datetime import date

from litigate.model import Case

__all__ = ["claims_context"]


def claims_context(case: Case, *, as_of: date, locale: str, lang: str) -> dict[str, object]:
    """The template values this module adds to :func:`~litigate.drafts.context.build_context`."""
    del case, as_of, locale, lang
    return {}
