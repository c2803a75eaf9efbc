"""Loading what a first render needs, once: for pool workers and Dask workers."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import date

DEFAULT_TEMPLATES = (("ecthr/application", "en"), ("ecthr/application", "fr"))


def warm_up(templates: Iterable[tuple[str, str]] = DEFAULT_TEMPLATES) -> int:
    """Load the template engine, the rules and locale data, and compile ``templates``.

    Call it once in each worker of a long-lived cluster, so that the first
    draft of a batch costs no more than the others::

        client.run(litigate.batch.warm_up)                      # Dask
        client.run(litigate.batch.warm_up, [("un/communication", "fr")])

    Args:
        templates: ``(template id, locale)`` pairs to compile (built-in templates).

    Returns:
        How many of ``templates`` were compiled (a missing one is skipped: the
        jobs that need it report it).

    Examples:
        >>> warm_up([("ecthr/cover-letter", "en"), ("ecthr/nothing", "en")])
        1
    """
    from litigate.drafts.api import render
    from litigate.errors import LitigateError
    from litigate.model import Applicant, Case, Complaint

    case = Case(
        forum="ecthr",
        respondent="AZE",
        applicants=[Applicant.person(name="A")],
        complaints=[Complaint(provision="ECHR-5-1")],
    )
    done = 0
    for template_id, locale in templates:
        with contextlib.suppress(LitigateError):
            render(template_id, case=case, as_of=date(2000, 1, 3), locale=locale, draft=True)
            done += 1
    return done
