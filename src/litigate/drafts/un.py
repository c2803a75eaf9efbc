"""Context values for UN treaty-body filings (un/communication, un/comments-on-observations, un/follow-up-submission)."""

from __future__ import annotations

from datetime import date

from litigate.model import Case

__all__ = ["un_context"]


def un_context(case: Case, *, as_of: date, locale: str, lang: str) -> dict[str, object]:
    """The template values this module adds to :func:`~litigate.drafts.context.build_context`."""
    del case, as_of, locale, lang
    return {}
