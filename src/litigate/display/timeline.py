"""A timeline picture of a filing window, as inline SVG or as PNG, with the same geometry.

The picture shows, on one date axis, the domestic decisions (taken, served,
known) above the axis and, below it, the start of the period, the safe
deadline, the arguable deadline when it is later, the day of the assessment
(``as_of``) and the date of lodging.  Labels carry dates in the Court's style:
``18 November 2025`` in English, ``18 novembre 2025`` in French.

The geometry is computed once (:func:`timeline_layout`), then written as SVG
by hand (no plotting library) or painted with Pillow (imported only for PNG),
so a PNG in a DOCX annex and the SVG in a notebook show the same thing.  The
output is deterministic: the same window gives the same bytes.

Examples:
    >>> from datetime import date
    >>> import litigate
    >>> from litigate.display.timeline import timeline_svg
    >>> case = litigate.Case(
    ...     forum="ecthr", respondent="AZE",
    ...     complaints=[litigate.Complaint(provision="ECHR-6-1")],
    ...     proceedings=[litigate.DomesticDecision(
    ...         court="Supreme Court", level="cassation", service_required=True,
    ...         taken_on=date(2025, 6, 18), served_on=date(2025, 7, 2))],
    ... )
    >>> window = litigate.filing_window(case, as_of=date(2025, 9, 1))
    >>> svg = timeline_svg(window, case=case)
    >>> svg.startswith("<svg"), "2 November 2025" in svg, "18 June 2025" in svg
    (True, True, True)
    >>> "2 novembre 2025" in timeline_svg(window, locale="fr")
    True
"""

from __future__ import annotations

import html
import io
import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import attrs

from litigate import l10n
from litigate._court_dates import court_date
from litigate._files import write_atomic
from litigate.display._status import days_text, lang, status_key, status_label
from litigate.engine.results import ComplaintWindow, FilingWindow
from litigate.errors import InputError
from litigate.model import Case, DomesticDecision

if TYPE_CHECKING:
    from PIL import ImageDraw, ImageFont

__all__ = [
    "Layout",
    "save_timeline",
    "timeline_layout",
    "timeline_png",
    "timeline_svg",
]

WIDTH = 760
"""Width of the picture in pixels: it fits a notebook cell and an A4 page at 150 dpi."""

_MARGIN = 28
_ROW = 30  # height of one row of labels (two lines)
_TOP = 40  # below the title
_NAME_SIZE = 11.0
_DATE_SIZE = 10.5
_CHAR = 0.6  # average glyph width, in ems, of a sans-serif face (DejaVu Sans, Verdana)
_MAX_NAME = 64
_MAX_DECISIONS = 3  # without scenario decisions, the last few decisions are shown

_FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
_TEXT = "#1f2328"
_MUTED = "#57606a"
_BACKGROUND = "#ffffff"
_BORDER = "#d0d7de"
_BAND_SAFE = "#d6e6f8"
_BAND_ARGUABLE = "#f5e6bf"
_COLOURS = {
    "decision": "#57606a",
    "trigger": "#57606a",
    "start": "#0b5cad",
    "safe": "#b42318",
    "arguable": "#7a5200",
    "as_of": "#1f2328",
    "lodged": "#1a7f37",
    "lodged_late": "#82071e",
}

_DECISION_DATES = (
    ("taken_on", "taken", "circle"),
    ("pronounced_on", "pronounced", "circle"),
    ("served_on", "served_on", "square"),
    ("served_on_representative", "served_on_representative", "square"),
    ("known_on", "known_on", "diamond"),
)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile(r"\s+")


# ---------------------------------------------------------------- geometry


@attrs.frozen
class Line:
    """A straight line."""

    x1: float
    y1: float
    x2: float
    y2: float
    colour: str
    width: float = 1.0
    dashed: bool = False


@attrs.frozen
class Box:
    """A filled rectangle, optionally outlined."""

    x: float
    y: float
    w: float
    h: float
    fill: str
    stroke: str | None = None


@attrs.frozen
class Mark:
    """A marker on the axis for one dated event.

    Attributes:
        shape: ``circle``, ``square``, ``diamond``, ``triangle`` or ``bar``.
        x: Centre, horizontally.
        y: Centre, vertically.
        size: Half the marker's extent.
        colour: Fill colour.
        on: The date marked.
        role: ``decision``, ``trigger``, ``start``, ``safe``, ``arguable``, ``as_of``, ``lodged``.
    """

    shape: str
    x: float
    y: float
    size: float
    colour: str
    on: date
    role: str

    def points(self) -> tuple[tuple[float, float], ...]:
        """The polygon of a ``diamond`` or ``triangle`` marker (empty for other shapes)."""
        x, y, s = self.x, self.y, self.size
        if self.shape == "diamond":
            return ((x, y - s), (x + s, y), (x, y + s), (x - s, y))
        if self.shape == "triangle":
            return ((x, y - s), (x + s, y + s), (x - s, y + s))
        return ()


@attrs.frozen
class Text:
    """One line of text; ``anchor`` is ``start``, ``middle`` or ``end`` (SVG's ``text-anchor``)."""

    x: float
    y: float
    text: str
    size: float
    anchor: str = "start"
    colour: str = _TEXT
    bold: bool = False
    halo: bool = False
    """Outline the glyphs in the background colour, so leader lines never strike through."""


Shape = Line | Box | Mark | Text


@attrs.frozen
class Layout:
    """The geometry of a timeline, shared by the SVG and the PNG.

    Attributes:
        width: Width in pixels.
        height: Height in pixels.
        title: What the picture shows, in one line (the SVG's ``<title>``).
        shapes: Everything to draw, in painting order.
    """

    width: int
    height: int
    title: str
    shapes: tuple[Shape, ...]

    @property
    def marks(self) -> tuple[Mark, ...]:
        """The markers, in painting order."""
        return tuple(s for s in self.shapes if isinstance(s, Mark))


@attrs.frozen
class _Event:
    on: date
    role: str
    name: str
    shape: str
    above: bool


def _clean(text: str, limit: int = _MAX_NAME) -> str:
    """One line of printable text, shortened with an ellipsis."""
    text = _SPACES.sub(" ", _NOT_XML.sub("", text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _pick(window: FilingWindow, complaint: int | None) -> ComplaintWindow | None:
    if complaint is None:
        return window.governing or (window.complaints[0] if window.complaints else None)
    count = len(window.complaints)
    if (
        isinstance(complaint, bool)
        or not isinstance(complaint, int)
        or not -count <= complaint < count
    ):
        msg = f"complaint must be the index of a complaint, from 0 to {count - 1} (got {complaint!r})"
        raise InputError(msg, field="complaint", value=complaint)
    return window.complaints[complaint]


def _decision_events(decisions: Sequence[DomesticDecision], words: dict[str, str]) -> list[_Event]:
    events: list[_Event] = []
    for decision in decisions:
        by_day: dict[date, list[tuple[str, str]]] = {}
        for attribute, word, shape in _DECISION_DATES:
            on = getattr(decision, attribute)
            if on is not None:
                by_day.setdefault(on, []).append((words[word], shape))
        for on, found in sorted(by_day.items()):
            what = ", ".join(dict.fromkeys(w for w, _ in found))
            court = _clean(decision.court, _MAX_NAME - len(what) - 2)
            events.append(_Event(on, "decision", f"{court}: {what}", found[0][1], above=True))
    return events


def _events(
    window: FilingWindow, chosen: ComplaintWindow | None, case: Case | None, lang_: str
) -> list[_Event]:
    words = l10n.labels(lang_, "timeline")
    scenarios = chosen.scenarios if chosen else ()
    events: list[_Event] = []
    if case is not None:
        labels = {s.decision for s in scenarios if s.decision}
        decisions: Sequence[DomesticDecision] = [d for d in case.proceedings if d.label in labels]
        if not decisions and chosen is not None:
            decisions = case.decisions_for(chosen.complaint)[-_MAX_DECISIONS:]
        events += _decision_events(decisions, words)
    else:
        seen: set[tuple[date, str, str | None]] = set()
        for n, scenario in enumerate(scenarios):
            key = (scenario.trigger_on, scenario.trigger_event, scenario.decision)
            if key in seen:
                continue
            seen.add(key)
            if lang_ == "en":
                name = scenario.trigger_event
            else:
                name = words["trigger" if n == 0 else "arguable_trigger"]
            if scenario.decision:
                name = f"{name} ({scenario.decision})"
            events.append(
                _Event(scenario.trigger_on, "trigger", _clean(name), "circle", above=True)
            )
    if scenarios:
        safe = scenarios[0]
        events.append(_Event(safe.trigger_on, "start", words["start"], "triangle", above=False))
        events.append(_Event(safe.deadline, "safe", words["safe"], "bar", above=False))
        latest = max(s.deadline for s in scenarios)
        if latest != safe.deadline:
            events.append(_Event(latest, "arguable", words["arguable"], "bar", above=False))
    events.append(_Event(window.as_of, "as_of", words["as_of"], "bar", above=False))
    if window.lodged_on is not None:
        late = chosen is not None and chosen.in_time is False
        events.append(
            _Event(
                window.lodged_on,
                "lodged_late" if late else "lodged",
                words["lodged"],
                "diamond",
                above=False,
            )
        )
    return events


def _label_width(name: str, when: str) -> float:
    return max(len(name) * _NAME_SIZE, len(when) * _DATE_SIZE) * _CHAR + 4


def _rows(items: list[tuple[float, float, float]]) -> list[int]:
    """Give each label (x, left, right) the first row where it does not overlap, in x order."""
    ends: list[float] = []
    rows: list[int] = []
    for _x, left, right in items:
        for row, end in enumerate(ends):
            if left >= end + 8:
                ends[row] = right
                rows.append(row)
                break
        else:
            ends.append(right)
            rows.append(len(ends) - 1)
    return rows


def _ticks(lo: date, hi: date) -> tuple[int, list[date]]:
    span_months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
    for step in (1, 2, 3, 6, 12, 24, 60, 120, 600):
        if span_months / step <= 7:  # noqa: PLR2004 - at most about seven tick labels
            break
    first = date(lo.year, lo.month, 1)
    ticks: list[date] = []
    index = first.year * 12 + first.month - 1
    while True:
        year, month = divmod(index, 12)
        if year > hi.year or year > date.max.year:
            break
        day = date(year, month + 1, 1)
        if day > hi:
            break
        if day >= lo and index % step == 0:
            ticks.append(day)
        index += 1
    return step, ticks


def _title(window: FilingWindow, chosen: ComplaintWindow | None, lang_: str) -> str:
    if chosen is None:
        key = status_key(window.status, window.days_left, in_time=window.in_time)
        return _clean(status_label(key, lang_), 120)
    key = status_key(chosen.status, chosen.days_left, in_time=chosen.in_time)
    cite = chosen.complaint.resolved.cite(lang_)  # French cites start in lower case
    parts = [cite[:1].upper() + cite[1:], status_label(key, lang_)]
    if chosen.deadline is not None and chosen.in_time is None:
        parts.append(days_text(chosen.days_left, lang_))
    return _clean(" — ".join(parts), 120)


def timeline_layout(
    window: FilingWindow,
    *,
    case: Case | None = None,
    complaint: int | None = None,
    locale: str = "en",
) -> Layout:
    """Compute the geometry of the timeline of one complaint's window.

    Args:
        window: The filing window (it carries ``as_of``, the lodging date and the scenarios).
        case: The case the window was computed for; with it the decisions relied on
            are drawn with their dates taken, served and known.  Without it, the
            starting points of the scenarios are drawn.
        complaint: The index of the complaint; default the governing one.
        locale: ``"en"`` (``18 November 2025``) or ``"fr"`` (``18 novembre 2025``).

    Returns:
        The layout: size, title and shapes.

    Raises:
        InputError: ``complaint`` is not the index of a complaint.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE",
        ...     complaints=[litigate.Complaint(provision="ECHR-10")],
        ...     proceedings=[litigate.DomesticDecision(court="Supreme Court", level="cassation",
        ...         taken_on=date(2025, 6, 18))])
        >>> window = litigate.filing_window(case, as_of=date(2025, 9, 1))
        >>> layout = timeline_layout(window)
        >>> [m.role for m in layout.marks]
        ['trigger', 'start', 'as_of', 'safe']
        >>> timeline_layout(window, complaint=3)
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: complaint must be the index of a complaint, from 0 to 0 (got 3)
    """
    lang_ = lang(locale)
    chosen = _pick(window, complaint)
    events = _events(window, chosen, case, lang_)
    days = [e.on for e in events]
    lo, hi = min(days), max(days)
    pad = max(7, (hi - lo).days // 25)
    lo = date.fromordinal(max(1, lo.toordinal() - pad))
    hi = date.fromordinal(min(date.max.toordinal(), hi.toordinal() + pad))
    x0, x1 = _MARGIN, WIDTH - _MARGIN
    span = (hi - lo).days

    def x_of(day: date) -> float:
        return x0 + (day - lo).days / span * (x1 - x0)

    # Rows of labels: decisions above the axis, the window's dates below it.
    placed: list[tuple[_Event, float, str, float, float, str]] = []
    for above in (True, False):
        group = sorted((e for e in events if e.above is above), key=lambda e: (e.on, e.role))
        items: list[tuple[float, float, float]] = []
        anchors: list[str] = []
        for event in group:
            x = x_of(event.on)
            width = _label_width(event.name, court_date(event.on, lang_))
            if x + 3 + width > WIDTH - 4:
                anchors.append("end")
                items.append((x, x - 3 - width, x))
            else:
                anchors.append("start")
                items.append((x, x, x + 3 + width))
        rows = _rows(items)
        for event, (x, left, right), row, anchor in zip(group, items, rows, anchors, strict=True):
            placed.append((event, x, anchor, left, right, f"{'u' if above else 'd'}{row}"))
    up = 1 + max((int(p[5][1:]) for p in placed if p[5][0] == "u"), default=-1)
    down = 1 + max((int(p[5][1:]) for p in placed if p[5][0] == "d"), default=-1)
    axis_y = _TOP + up * _ROW + 16
    height = axis_y + 30 + down * _ROW + 8

    shapes: list[Shape] = [
        Box(0.5, 0.5, WIDTH - 1, height - 1, _BACKGROUND, _BORDER),
        Text(_MARGIN, 22, _title(window, chosen, lang_), 13.0, bold=True),
    ]
    scenarios = chosen.scenarios if chosen else ()
    if scenarios:
        start, safe = x_of(scenarios[0].trigger_on), x_of(scenarios[0].deadline)
        latest = x_of(max(s.deadline for s in scenarios))
        if latest > safe:
            shapes.append(Box(safe, axis_y - 5, latest - safe, 10, _BAND_ARGUABLE))
        shapes.append(Box(start, axis_y - 5, max(safe - start, 1.0), 10, _BAND_SAFE))
    shapes.append(Line(x0, axis_y, x1, axis_y, _MUTED, 1.5))
    step, ticks = _ticks(lo, hi)
    for tick in ticks:
        x = x_of(tick)
        shapes.append(Line(x, axis_y, x, axis_y + 4, _MUTED))
        month = l10n.month_abbreviation(tick.month, lang_)
        label = str(tick.year) if step >= 12 else f"{month} {tick.year}"  # noqa: PLR2004
        shapes.append(Text(x, axis_y + 15, label, 9.5, "middle", _MUTED))

    leaders: list[Shape] = []
    labels: list[Shape] = []
    for event, x, anchor, _left, _right, row_key in placed:
        row = int(row_key[1:])
        colour = _COLOURS[event.role]
        tx = x + 3 if anchor == "start" else x - 3
        if row_key[0] == "u":
            top = axis_y - 16 - (row + 1) * _ROW
            leaders.append(Line(x, top + 27, x, axis_y - 6, _BORDER))
        else:
            top = axis_y + 22 + row * _ROW
            leaders.append(Line(x, axis_y + 6, x, top + 2, _BORDER))
        labels.append(
            Text(tx, top + 12, event.name, _NAME_SIZE, anchor, colour, bold=True, halo=True)
        )
        labels.append(
            Text(tx, top + 25, court_date(event.on, lang_), _DATE_SIZE, anchor, _TEXT, halo=True)
        )
    # Leaders first, then the labels over them (their halo hides the lines they cross).
    shapes += leaders + labels
    for event, x, *_ in placed:
        size = 9.0 if event.shape == "bar" else 5.0
        shapes.append(
            Mark(event.shape, x, axis_y, size, _COLOURS[event.role], event.on, event.role)
        )
    title = _title(window, chosen, lang_)
    return Layout(width=WIDTH, height=height, title=title, shapes=tuple(shapes))


# ---------------------------------------------------------------- SVG


def _n(value: float) -> str:
    """A coordinate with two decimals at most, without trailing zeros (stable across runs)."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _svg_shape(shape: Shape) -> str:
    if isinstance(shape, Line):
        dash = ' stroke-dasharray="4 3"' if shape.dashed else ""
        return (
            f'<line x1="{_n(shape.x1)}" y1="{_n(shape.y1)}" x2="{_n(shape.x2)}" y2="{_n(shape.y2)}" '
            f'stroke="{shape.colour}" stroke-width="{_n(shape.width)}"{dash}/>'
        )
    if isinstance(shape, Box):
        stroke = f' stroke="{shape.stroke}"' if shape.stroke else ""
        return (
            f'<rect x="{_n(shape.x)}" y="{_n(shape.y)}" width="{_n(shape.w)}" '
            f'height="{_n(shape.h)}" fill="{shape.fill}"{stroke}/>'
        )
    if isinstance(shape, Text):
        weight = ' font-weight="bold"' if shape.bold else ""
        if shape.halo:
            weight += f' stroke="{_BACKGROUND}" stroke-width="3" stroke-linejoin="round" paint-order="stroke"'
        return (
            f'<text x="{_n(shape.x)}" y="{_n(shape.y)}" font-size="{_n(shape.size)}" '
            f'text-anchor="{shape.anchor}" fill="{shape.colour}"{weight}>{_e(shape.text)}</text>'
        )
    data = f'class="mark" data-role="{shape.role}" data-on="{shape.on.isoformat()}" data-x="{_n(shape.x)}"'
    s = shape.size
    if shape.shape == "circle":
        return f'<circle {data} cx="{_n(shape.x)}" cy="{_n(shape.y)}" r="{_n(s)}" fill="{shape.colour}"/>'
    if shape.shape == "square":
        return (
            f'<rect {data} x="{_n(shape.x - s)}" y="{_n(shape.y - s)}" width="{_n(2 * s)}" '
            f'height="{_n(2 * s)}" fill="{shape.colour}"/>'
        )
    if shape.shape == "bar":
        return (
            f'<rect {data} x="{_n(shape.x - 1.5)}" y="{_n(shape.y - s)}" width="3" '
            f'height="{_n(2 * s)}" fill="{shape.colour}"/>'
        )
    points = " ".join(f"{_n(px)},{_n(py)}" for px, py in shape.points())
    return f'<polygon {data} points="{points}" fill="{shape.colour}"/>'


def layout_svg(layout: Layout) -> str:
    """Write a layout as an SVG element (no XML declaration, ready to inline in HTML).

    Args:
        layout: From :func:`timeline_layout`.

    Returns:
        The ``<svg>`` element, well-formed XML.
    """
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{layout.width}" height="{layout.height}" '
        f'viewBox="0 0 {layout.width} {layout.height}" role="img" aria-label="{_e(layout.title)}" '
        f'font-family="{_FONT}" style="max-width:100%;height:auto">'
    )
    body = "".join(_svg_shape(s) for s in layout.shapes)
    return f"{head}<title>{_e(layout.title)}</title>{body}</svg>"


def timeline_svg(
    window: FilingWindow,
    *,
    case: Case | None = None,
    complaint: int | None = None,
    locale: str = "en",
) -> str:
    """The timeline of a complaint's filing window as an inline SVG element.

    Args:
        window: The filing window (:func:`litigate.filing_window`).
        case: The case, to draw the decisions relied on with their dates (optional).
        complaint: The index of the complaint; default the governing one.
        locale: ``"en"`` or ``"fr"``: the language of the labels and dates.

    Returns:
        An ``<svg>`` element (well-formed XML, every text escaped); the same
        arguments give the same string.

    Raises:
        InputError: ``complaint`` is not the index of a complaint.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE",
        ...     complaints=[litigate.Complaint(provision="ECHR-10")],
        ...     proceedings=[litigate.DomesticDecision(court="Supreme Court", level="cassation",
        ...         taken_on=date(2025, 6, 18))])
        >>> window = litigate.filing_window(case, as_of=date(2025, 9, 1))
        >>> svg = timeline_svg(window)
        >>> "Safe deadline" in svg and "18 October 2025" in svg
        True
        >>> svg == timeline_svg(window)
        True
    """
    return layout_svg(timeline_layout(window, case=case, complaint=complaint, locale=locale))


# ---------------------------------------------------------------- PNG


def _font(size: float, *, bold: bool) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    from PIL import ImageFont

    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(name, round(size))
    except OSError:
        return ImageFont.load_default(size=round(size))


def _dashed(draw: ImageDraw.ImageDraw, shape: Line, scale: float) -> None:
    length = ((shape.x2 - shape.x1) ** 2 + (shape.y2 - shape.y1) ** 2) ** 0.5
    if length == 0:
        return
    dx, dy = (shape.x2 - shape.x1) / length, (shape.y2 - shape.y1) / length
    at = 0.0
    while at < length:
        end = min(at + 4, length)
        draw.line(
            [
                ((shape.x1 + dx * at) * scale, (shape.y1 + dy * at) * scale),
                ((shape.x1 + dx * end) * scale, (shape.y1 + dy * end) * scale),
            ],
            fill=shape.colour,
            width=max(1, round(shape.width * scale)),
        )
        at = end + 3


def layout_png(layout: Layout, *, scale: int = 2) -> bytes:
    """Paint a layout with Pillow.

    Args:
        layout: From :func:`timeline_layout`.
        scale: Pixels per layout unit (2 gives a sharp picture at print size).

    Returns:
        The PNG file's bytes, ``layout.width * scale`` by ``layout.height * scale`` pixels.

    Raises:
        InputError: ``scale`` is not a whole number from 1 to 8.
    """
    if isinstance(scale, bool) or not isinstance(scale, int) or not 1 <= scale <= 8:  # noqa: PLR2004
        msg = f"scale must be a whole number from 1 to 8 (got {scale!r})"
        raise InputError(msg, field="scale", value=scale)
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (layout.width * scale, layout.height * scale), _BACKGROUND)
    draw = ImageDraw.Draw(image)
    anchors = {"start": "ls", "middle": "ms", "end": "rs"}
    for shape in layout.shapes:
        if isinstance(shape, Line):
            if shape.dashed:
                _dashed(draw, shape, scale)
            else:
                draw.line(
                    [(shape.x1 * scale, shape.y1 * scale), (shape.x2 * scale, shape.y2 * scale)],
                    fill=shape.colour,
                    width=max(1, round(shape.width * scale)),
                )
        elif isinstance(shape, Box):
            box = (
                shape.x * scale,
                shape.y * scale,
                (shape.x + shape.w) * scale,
                (shape.y + shape.h) * scale,
            )
            draw.rectangle(box, fill=shape.fill, outline=shape.stroke)
        elif isinstance(shape, Text):
            font = _font(shape.size * scale, bold=shape.bold)
            draw.text(
                (shape.x * scale, shape.y * scale),
                shape.text,
                fill=shape.colour,
                font=font,
                anchor=anchors[shape.anchor],
                stroke_width=round(1.5 * scale) if shape.halo else 0,
                stroke_fill=_BACKGROUND,
            )
        else:
            s = shape.size * scale
            cx, cy = shape.x * scale, shape.y * scale
            if shape.shape == "circle":
                draw.ellipse((cx - s, cy - s, cx + s, cy + s), fill=shape.colour)
            elif shape.shape == "square":
                draw.rectangle((cx - s, cy - s, cx + s, cy + s), fill=shape.colour)
            elif shape.shape == "bar":
                draw.rectangle(
                    (cx - 1.5 * scale, cy - s, cx + 1.5 * scale, cy + s), fill=shape.colour
                )
            else:
                draw.polygon(
                    [(px * scale, py * scale) for px, py in shape.points()], fill=shape.colour
                )
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=False)
    return out.getvalue()


def timeline_png(
    window: FilingWindow,
    *,
    case: Case | None = None,
    complaint: int | None = None,
    locale: str = "en",
    scale: int = 2,
) -> bytes:
    """The timeline as PNG bytes, painted with Pillow from the same geometry as the SVG.

    Args:
        window: The filing window.
        case: The case, to draw the decisions relied on (optional).
        complaint: The index of the complaint; default the governing one.
        locale: ``"en"`` or ``"fr"``.
        scale: Pixels per SVG pixel.

    Returns:
        The PNG bytes, ``760 * scale`` pixels wide.

    Raises:
        InputError: ``complaint`` or ``scale`` is refused.

    Examples:
        >>> from datetime import date
        >>> import io, litigate
        >>> from PIL import Image
        >>> case = litigate.Case(forum="ecthr", respondent="AZE",
        ...     complaints=[litigate.Complaint(provision="ECHR-10")],
        ...     proceedings=[litigate.DomesticDecision(court="Supreme Court", level="cassation",
        ...         taken_on=date(2025, 6, 18))])
        >>> window = litigate.filing_window(case, as_of=date(2025, 9, 1))
        >>> Image.open(io.BytesIO(timeline_png(window, scale=1))).width
        760
    """
    layout = timeline_layout(window, case=case, complaint=complaint, locale=locale)
    return layout_png(layout, scale=scale)


def save_timeline(
    window: FilingWindow,
    path: str | os.PathLike[str],
    *,
    format: Literal["svg", "png"] | None = None,  # noqa: A002 - the word Pillow and Matplotlib use
    case: Case | None = None,
    complaint: int | None = None,
    locale: str = "en",
    overwrite: bool = False,
) -> Path:
    """Save the timeline as an SVG or PNG file, atomically.

    The PNG can be put in a DOCX annex with python-docx
    (``document.add_picture(str(path))``).

    Args:
        window: The filing window.
        path: The file to write.
        format: ``"svg"`` or ``"png"``; default from the file's suffix (``.png``), else SVG.
        case: The case, to draw the decisions relied on (optional).
        complaint: The index of the complaint; default the governing one.
        locale: ``"en"`` or ``"fr"``.
        overwrite: Replace an existing file; without it an existing file is kept.

    Returns:
        The path written.

    Raises:
        InputError: ``format`` is neither ``"svg"`` nor ``"png"``, or ``complaint`` is refused.
        OverwriteRefusedError: The file exists and ``overwrite`` is false.

    Examples:
        >>> import tempfile, pathlib
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE",
        ...     complaints=[litigate.Complaint(provision="ECHR-10")],
        ...     proceedings=[litigate.DomesticDecision(court="Supreme Court", level="cassation",
        ...         taken_on=date(2025, 6, 18))])
        >>> window = litigate.filing_window(case, as_of=date(2025, 9, 1))
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> save_timeline(window, folder / "timeline.svg").name
        'timeline.svg'
        >>> save_timeline(window, folder / "timeline.svg")
        Traceback (most recent call last):
        ...
        litigate.errors.OverwriteRefusedError: ... already exists and may hold edits; ...
        >>> save_timeline(window, folder / "t.gif", format="gif")
        Traceback (most recent call last):
        ...
        litigate.errors.InputError: format must be 'svg' or 'png' (got 'gif')
    """
    target = Path(path)
    chosen = format or ("png" if target.suffix.lower() == ".png" else "svg")
    if chosen not in {"svg", "png"}:
        msg = f"format must be 'svg' or 'png' (got {chosen!r})"
        raise InputError(msg, field="format", value=chosen)
    layout = timeline_layout(window, case=case, complaint=complaint, locale=locale)
    if chosen == "png":
        data = layout_png(layout)
    else:
        data = ('<?xml version="1.0" encoding="UTF-8"?>\n' + layout_svg(layout) + "\n").encode()
    return write_atomic(target, data, overwrite=overwrite)
