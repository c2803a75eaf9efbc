"""Context values for Rule 39 requests, referral requests and Rule 9 submissions (ecthr/rule39-request, ecthr/referral-request, cm/rule9-submission)."""

from __future__ import annotations

from datetime import date

from litigate.model import Case

__all__ = ["later_context"]


def later_context(case: Case, *, as_of: date, locale: str, lang: str) -> dict[str, object]:
    """The template values this module adds to :func:`~litigate.drafts.context.build_context`."""
    del case, as_of, locale, lang
    return {}
