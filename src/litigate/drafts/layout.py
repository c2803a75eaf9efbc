"""The formatting lint of templates: page size, margins, fonts and line spacing.

The requirements are data (``litigate/drafts/data/layout.toml``), one record per template
family (the folder a template lives in), each citing its source and its confidence.  The
lint reads the template with python-docx, after :func:`litigate.compile_template` has
checked the package, so a hostile file never reaches python-docx.

Examples:
    >>> from litigate import templates_root
    >>> layout_problems(templates_root() / "ecthr" / "observations-reply.en.docx")
    ()
    >>> sorted(layout_requirements())
    ['cm', 'ecthr']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from litigate._resources import packaged_toml
from litigate.errors import RuleDataError, TemplateProblem

__all__ = ["LayoutRequirement", "layout_problems", "layout_requirements"]

_DATA: Final = "litigate/drafts/data/layout.toml"
_EMU_PER_MM: Final = 36_000
_EMU_PER_CM: Final = 360_000
_HALF_POINTS: Final = 2
_SOURCE_KEYS: Final = frozenset({"id", "title", "url", "pinpoint", "confidence"})
_FAMILY_KEYS: Final = frozenset(
    {
        "family",
        "source",
        "page_width_mm",
        "page_height_mm",
        "page_tolerance_mm",
        "min_side_margin_cm",
        "min_body_font_pt",
        "min_footnote_font_pt",
        "min_line_spacing",
        "note",
    }
)


@attrs.frozen(kw_only=True)
class LayoutRequirement:
    """The formal requirements for the templates of one family.

    Attributes:
        family: The folder the templates live in (``"ecthr"``).
        source: The title of the source the figures come from.
        pinpoint: Where in the source.
        confidence: ``"high"``, ``"medium"`` or ``"low"``: how sure the figures are.
        page_width_mm: The page width (A4: 210).
        page_height_mm: The page height (A4: 297).
        page_tolerance_mm: How far Word's rounding may move either.
        min_side_margin_cm: The smallest left and right margin.
        min_body_font_pt: The smallest size of the body text (the Normal style).
        min_footnote_font_pt: The smallest size of footnotes (the Footnote Text style).
        min_line_spacing: The smallest line spacing of the body, as a multiple.
        note: The assumption the record rests on, if any.
    """

    family: str
    source: str
    pinpoint: str
    confidence: str
    page_width_mm: float
    page_height_mm: float
    page_tolerance_mm: float
    min_side_margin_cm: float
    min_body_font_pt: float
    min_footnote_font_pt: float
    min_line_spacing: float
    note: str = ""


@functools.cache
def layout_requirements() -> Mapping[str, LayoutRequirement]:
    """The packaged layout requirements, by template family.

    Raises:
        RuleDataError: The data file is unreadable, has an unknown key, a missing figure,
            or a family that cites no known source; every problem is listed.
    """
    data = packaged_toml("drafts", "data", "layout.toml")
    return _structure(data)


def _structure(data: Mapping[str, Any]) -> Mapping[str, LayoutRequirement]:
    errors: list[str] = []
    if data.get("schema_version") != 1:
        errors.append(f"schema_version must be 1, not {data.get('schema_version')!r} @ $")
    sources: dict[str, Mapping[str, Any]] = {}
    for i, source in enumerate(data.get("sources", [])):
        errors.extend(
            f"unknown key {key!r} @ $.sources[{i}]" for key in sorted(set(source) - _SOURCE_KEYS)
        )
        sources[str(source.get("id"))] = source
    out: dict[str, LayoutRequirement] = {}
    for i, row in enumerate(data.get("families", [])):
        where = f"$.families[{i}]"
        errors.extend(f"unknown key {key!r} @ {where}" for key in sorted(set(row) - _FAMILY_KEYS))
        missing = sorted(_FAMILY_KEYS - {"note"} - set(row))
        errors.extend(f"missing key {key!r} @ {where}" for key in missing)
        source = sources.get(str(row.get("source")))
        if source is None:
            errors.append(f"unknown source {row.get('source')!r} @ {where}.source")
        if missing or source is None:
            continue
        if row["family"] in out:
            errors.append(f"family {row['family']!r} given twice @ {where}.family")
        out[str(row["family"])] = LayoutRequirement(
            family=str(row["family"]),
            source=str(source["title"]),
            pinpoint=str(source.get("pinpoint", "")),
            confidence=str(source["confidence"]),
            page_width_mm=float(row["page_width_mm"]),
            page_height_mm=float(row["page_height_mm"]),
            page_tolerance_mm=float(row["page_tolerance_mm"]),
            min_side_margin_cm=float(row["min_side_margin_cm"]),
            min_body_font_pt=float(row["min_body_font_pt"]),
            min_footnote_font_pt=float(row["min_footnote_font_pt"]),
            min_line_spacing=float(row["min_line_spacing"]),
            note=str(row.get("note", "")),
        )
    if errors:
        raise RuleDataError(errors, path=_DATA)
    return out


def layout_problems(
    path: str | Path, *, requirements: Mapping[str, LayoutRequirement] | None = None
) -> tuple[TemplateProblem, ...]:
    """Check one template's page size, margins, fonts and spacing against its family's rules.

    The family is the name of the folder the template lives in; a template in a folder
    with no requirements has none to meet.  Only call this on a package that
    :func:`litigate.compile_template` accepted.

    Args:
        path: The template file.
        requirements: The requirements by family (default: the packaged ones).

    Returns:
        One problem per requirement broken, each naming the figure found, the figure
        required, the source and its confidence.
    """
    path = Path(path)
    rules = layout_requirements() if requirements is None else requirements
    rule = rules.get(path.parent.name)
    if rule is None:
        return ()
    import docx  # python-docx: imported only when a template is linted

    document = docx.Document(str(path))
    found: list[str] = []
    tolerance = rule.page_tolerance_mm * _EMU_PER_MM
    for number, section in enumerate(document.sections, start=1):
        width, height = section.page_width, section.page_height
        if (
            width is None
            or height is None
            or abs(width - rule.page_width_mm * _EMU_PER_MM) > tolerance
            or abs(height - rule.page_height_mm * _EMU_PER_MM) > tolerance
        ):
            found.append(
                f"section {number}: page {_mm(width)} x {_mm(height)} mm, not "
                f"{rule.page_width_mm:g} x {rule.page_height_mm:g} mm (A4)"
            )
        for side, margin in (("left", section.left_margin), ("right", section.right_margin)):
            if margin is None or margin < rule.min_side_margin_cm * _EMU_PER_CM - tolerance:
                found.append(
                    f"section {number}: {side} margin {_cm(margin)} cm, less than "
                    f"{rule.min_side_margin_cm:g} cm"
                )
    body = _font_size(document, "Normal")
    if body is None or body < rule.min_body_font_pt:
        found.append(
            f"body text (style Normal) {_pt(body)} pt, less than {rule.min_body_font_pt:g} pt"
        )
    footnotes = _font_size(document, "Footnote Text")
    if footnotes is not None and footnotes < rule.min_footnote_font_pt:
        found.append(
            f"footnotes (style Footnote Text) {_pt(footnotes)} pt, less than "
            f"{rule.min_footnote_font_pt:g} pt"
        )
    spacing = _line_spacing(document)
    if spacing is None or spacing < rule.min_line_spacing:
        found.append(
            f"body line spacing (style Normal) {spacing if spacing is not None else 'single'}, "
            f"less than {rule.min_line_spacing:g}"
        )
    cite = f"{rule.source}, {rule.pinpoint} (confidence: {rule.confidence})"
    return tuple(
        TemplateProblem(f"layout: {message}; required by {cite}", part="word/document.xml")
        for message in found
    )


def _mm(value: int | None) -> str:
    return "?" if value is None else f"{value / _EMU_PER_MM:.1f}"


def _cm(value: int | None) -> str:
    return "?" if value is None else f"{value / _EMU_PER_CM:.2f}"


def _pt(value: float | None) -> str:
    return "unset (Word's default, 10)" if value is None else f"{value:g}"


def _font_size(document: Any, style_name: str) -> float | None:
    """The style's font size in points, following based-on styles, then the defaults."""
    try:
        style = document.styles[style_name]
    except KeyError:
        return None
    while style is not None:
        if style.font.size is not None:
            return float(style.font.size.pt)
        style = style.base_style
    sizes = document.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr/w:sz/@w:val")
    return int(sizes[0]) / _HALF_POINTS if sizes else None


def _line_spacing(document: Any) -> float | None:
    """The Normal style's line spacing as a multiple; ``None`` where it is single or exact."""
    style = document.styles["Normal"]
    while style is not None:
        spacing = style.paragraph_format.line_spacing
        if spacing is not None:
            return float(spacing) if isinstance(spacing, float) else None
        style = style.base_style
    return None
