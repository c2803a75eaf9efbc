"""Notebook display of the docket across cases: a table and a timeline picture.

The docket (:class:`litigate.caseload.CaseDocket`) lives above this layer; this
module reads its entries by attribute only (``as_of`` and ``entries`` with
``on``, ``status``, ``days_left``, ``case``, ``what``, ``kind``).

Examples:
    >>> from datetime import date
    >>> import types
    >>> entry = types.SimpleNamespace(on=date(2026, 6, 5), status="open", days_left=30,
    ...                               case="A v. B", what="Referral <GC>", kind="referral")
    >>> d = types.SimpleNamespace(as_of=date(2026, 5, 6), entries=(entry,))
    >>> "Referral &lt;GC&gt;" in docket_html(d), docket_svg(d).startswith("<svg")
    (True, True)
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from litigate._court_dates import court_date
from litigate.display.html import _badge, _box, _e, _table
from litigate.display.timeline import WIDTH, Layout, Line, Mark, Text, layout_png, layout_svg

__all__ = ["docket_html", "docket_layout", "docket_png", "docket_svg"]

_STATUS_COLOURS = {
    "open": "#0969da",
    "due soon": "#bf8700",
    "today": "#cf222e",
    "expired": "#cf222e",
    "lodged in time": "#1a7f37",
    "lodged out of time": "#cf222e",
    "lodged": "#57606a",
    "filed": "#1a7f37",
    "paid": "#1a7f37",
    "submitted": "#1a7f37",
    "replied": "#1a7f37",
    "final": "#57606a",
    "presumption": "#8250df",
    "no date": "#57606a",
}
_LABEL = 230
_ROW = 22
_TOP = 44


def docket_html(docket: Any) -> str:
    """The docket as an HTML table with coloured status words, and its timeline."""
    rows = [
        [
            _e(court_date(e.on)) if e.on else "—",
            _badge(e.status, _STATUS_COLOURS.get(e.status, "#57606a")),
            "" if e.days_left is None else _e(e.days_left),
            _e(e.case),
            _e(e.what),
        ]
        for e in docket.entries
    ]
    head = (
        f'<div style="font-weight:600">Docket on {_e(court_date(docket.as_of))}: '
        f"{len(docket.entries)} deadline(s)</div>"
    )
    table = _table(("Last day", "Status", "Days", "Case", "What"), rows, len(rows))
    return _box(head, table, docket_svg(docket))


def docket_layout(docket: Any) -> Layout:
    """One row per case, one mark per dated deadline, a line for ``as_of``."""
    dated = [e for e in docket.entries if e.on is not None]
    cases = list(dict.fromkeys(e.case for e in dated))
    as_of: date = docket.as_of
    days = [e.on for e in dated] + [as_of]
    lo: date = min(days) - timedelta(days=15)
    hi: date = max(days) + timedelta(days=15)
    span = max(1, (hi - lo).days)
    left, right = _LABEL, WIDTH - 20

    def x(day: date) -> float:
        return float(left + (right - left) * (day - lo).days / span)

    height = _TOP + _ROW * max(1, len(cases)) + 30
    shapes: list[Any] = [
        Text(x=10, y=20, text=f"Docket on {court_date(as_of)}", size=13, bold=True),
        Line(
            x1=x(as_of), y1=_TOP - 10, x2=x(as_of), y2=height - 24, colour="#cf222e", dashed=True
        ),
        Text(
            x=x(as_of), y=height - 10, text=f"today {court_date(as_of)}", size=10, anchor="middle"
        ),
        Text(x=left, y=_TOP - 14, text=court_date(lo), size=9, colour="#57606a"),
        Text(x=right, y=_TOP - 14, text=court_date(hi), size=9, anchor="end", colour="#57606a"),
    ]
    for row, name in enumerate(cases):
        y = _TOP + _ROW * row + _ROW / 2
        shapes.append(Line(x1=left, y1=y, x2=right, y2=y, colour="#d0d7de"))
        shapes.append(Text(x=10, y=y + 4, text=name[:36], size=10.5))
        for e in dated:
            if e.case == name:
                shapes.append(
                    Mark(
                        shape="diamond"
                        if e.status in {"expired", "today", "due soon"}
                        else "circle",
                        x=x(e.on),
                        y=y,
                        size=5,
                        colour=_STATUS_COLOURS.get(e.status, "#57606a"),
                        on=e.on,
                        role=e.kind,
                    )
                )
    title = (
        f"Docket on {court_date(as_of)}: {len(dated)} dated deadline(s) in {len(cases)} case(s)"
    )
    return Layout(width=WIDTH, height=int(height), title=title, shapes=tuple(shapes))


def docket_svg(docket: Any) -> str:
    """The docket's timeline as an inline SVG element."""
    return layout_svg(docket_layout(docket))


def docket_png(docket: Any, *, scale: int = 2) -> bytes:
    """The docket's timeline as PNG bytes."""
    return layout_png(docket_layout(docket), scale=scale)
