"""Notebook display: HTML for results and a timeline picture of a filing window.

Importing this package registers the ``_repr_html_`` renderers of
:class:`~litigate.Case`, :class:`~litigate.FilingWindow`,
:class:`~litigate.ComplaintWindow`, :class:`~litigate.Finding`, the findings
returned by :func:`litigate.check`, :class:`~litigate.parse.Observations` and
:class:`~litigate.drafts.Reply` (``import litigate`` does it), so Jupyter shows them as
tables with coloured statuses.  The HTML uses inline CSS only: no JavaScript
and no external resource, and every value is escaped.

The layers below (model, engine, parse, drafts) never import this package:
they find their renderer through :mod:`litigate._display_hooks`.
"""

from litigate import _display_hooks
from litigate.display.html import (
    case_html,
    complaint_window_html,
    filing_window_html,
    finding_html,
    findings_html,
    observations_html,
    reply_html,
)
from litigate.display.timeline import (
    Layout,
    save_timeline,
    timeline_layout,
    timeline_png,
    timeline_svg,
)
from litigate.drafts.reply import Reply
from litigate.engine.results import ComplaintWindow, FilingWindow, Finding, Findings
from litigate.model import Case
from litigate.parse.observations import Observations

__all__ = [
    "Layout",
    "case_html",
    "complaint_window_html",
    "filing_window_html",
    "finding_html",
    "findings_html",
    "observations_html",
    "reply_html",
    "save_timeline",
    "timeline_layout",
    "timeline_png",
    "timeline_svg",
]

for _cls, _renderer in (
    (Case, case_html),
    (FilingWindow, filing_window_html),
    (ComplaintWindow, complaint_window_html),
    (Finding, finding_html),
    (Findings, findings_html),
    (Observations, observations_html),
    (Reply, reply_html),
):
    _display_hooks.register(_cls, _renderer)
