"""Loaded once by the process pool's fork server, so that every worker starts warm.

The default pool of :func:`litigate.render_many` forks its workers from a server
process (see ``_default_executor``).  What the server has loaded, every worker
inherits without paying for it again: the template engine (Jinja2, lxml), the
packaged rules, Babel's data for English and French, and the Court's
application form compiled (the form of every group application).  Nothing is
written.  A failure here only means that the workers load these themselves.
"""

from __future__ import annotations

import contextlib
from datetime import date


def warm() -> None:
    """Load what a first render needs, once."""
    from litigate.drafts.api import render
    from litigate.model import Applicant, Case, Complaint

    case = Case(
        forum="ecthr",
        respondent="AZE",
        applicants=[Applicant.person(name="A")],
        complaints=[Complaint(provision="ECHR-5-1")],
    )
    for locale in ("en", "fr"):
        render("ecthr/application", case=case, as_of=date(2000, 1, 3), locale=locale, draft=True)


with contextlib.suppress(Exception):
    warm()
