"""The formatting lint of templates: page, margins, fonts, spacing, styles, numbering, runs.

Two kinds of check, both run by :func:`litigate.drafts.lint_templates`:

* :func:`layout_problems`: the formal requirements of a template's family (the folder it
  lives in): page size, side margins, body and footnote type size, line spacing, the
  styles the family's templates must define and the style whose paragraphs Word numbers.
  The requirements are data (``litigate/drafts/data/layout.toml``), one record per
  family, each citing its source and its confidence.
* :func:`structure_problems`, for every template of any family: each template tag in
  one run (a tag Word or LibreOffice spread over several runs is reported with its
  paragraph's text; ``litigate template normalise`` makes it whole), every paragraph
  and run style a paragraph uses defined in the styles part, every numbering a
  paragraph or style refers to defined in the numbering part, and no tracked change or
  comment left in the template (every draft rendered from it would carry them).

The lint reads the template after :func:`litigate.drafts.compile_template` has checked the
package, so a hostile file never reaches python-docx.

Examples:
    >>> from litigate.drafts import templates_root
    >>> layout_problems(templates_root() / "ecthr" / "observations-reply.en.docx")
    ()
    >>> sorted(layout_requirements())
    ['cm', 'ecthr']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Final

import attrs

from litigate._resources import packaged_toml
from litigate.errors import RuleDataError, TemplateProblem

__all__ = ["LayoutRequirement", "layout_problems", "layout_requirements", "structure_problems"]

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
        "required_styles",
        "numbered_style",
        "page_numbers",
        "note",
    }
)
_OPTIONAL_KEYS: Final = frozenset({"required_styles", "numbered_style", "page_numbers", "note"})
_W: Final = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_TEXT_PART: Final = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")


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
        required_styles: The styles every template of the family defines, by the name
            Word shows (``"Heading 1"``): the headings a lawyer applies and the navigation
            pane lists.
        numbered_style: The paragraph style Word numbers automatically (its paragraphs
            are the pleading's numbered paragraphs); empty when none is required.
        page_numbers: Whether a header or footer must number the pages (a PAGE field).
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
    required_styles: tuple[str, ...] = ()
    numbered_style: str = ""
    page_numbers: bool = False
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
        missing = sorted(_FAMILY_KEYS - _OPTIONAL_KEYS - set(row))
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
            required_styles=tuple(str(name) for name in row.get("required_styles", ())),
            numbered_style=str(row.get("numbered_style", "")),
            page_numbers=bool(row.get("page_numbers", False)),
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
    :func:`litigate.drafts.compile_template` accepted.

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
    found.extend(_style_problems(document, rule))
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


def _style_problems(document: Any, rule: LayoutRequirement) -> list[str]:
    """The family's required styles, and the numbered style numbered by Word."""
    found: list[str] = []
    by_name = {str(style.name).casefold(): style for style in document.styles}
    found.extend(
        f"style {name!r} is missing (the family's templates define it)"
        for name in rule.required_styles
        if name.casefold() not in by_name
    )
    if rule.numbered_style:
        style = by_name.get(rule.numbered_style.casefold())
        if style is None:
            found.append(f"style {rule.numbered_style!r} (the numbered paragraphs) is missing")
        else:
            num_ids = style.element.xpath("w:pPr/w:numPr/w:numId/@w:val")
            if not num_ids or num_ids[0] == "0":
                found.append(
                    f"style {rule.numbered_style!r} is not numbered by Word "
                    "(no numbering in its paragraph format): the paragraphs lose their numbers"
                )
    if rule.page_numbers and not _has_page_field(document):
        found.append("no page number (a PAGE field) in any header or footer")
    return found


def _has_page_field(document: Any) -> bool:
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_footer):
            if part.is_linked_to_previous:
                continue
            element = part._element  # noqa: SLF001 - python-docx has no public XML access
            codes = element.xpath(".//w:instrText/text() | .//w:fldSimple/@w:instr")
            if any(str(code).split()[:1] == ["PAGE"] for code in codes):
                return True
    return False


def structure_problems(path: str | Path) -> tuple[TemplateProblem, ...]:
    """Tags in one run, styles and numbering defined: checked for every template.

    Only call this on a package that :func:`litigate.drafts.compile_template` accepted.

    Returns:
        One problem per tag spread over several runs (with its part, paragraph and the
        paragraph's text), per style used but not defined, per numbering used but not
        defined (Word silently shows such paragraphs unstyled or unnumbered), per part
        with tracked changes, and one for comments.

    Examples:
        >>> from litigate.drafts import templates_root
        >>> structure_problems(templates_root() / "un" / "communication.ru.docx")
        ()
    """
    from litigate.drafts.docxml import _find_tags, _own_texts
    from litigate.parse.docx import _Package

    package = _Package(str(path))
    try:
        roots = {
            name: package.xml(name)
            for name in sorted(package.names)
            if _TEXT_PART.match(name) or name in {"word/styles.xml", "word/numbering.xml"}
        }
    finally:
        package.close()
    problems: list[TemplateProblem] = []
    for name, root in roots.items():
        if not _TEXT_PART.match(name):
            continue
        for index, paragraph in enumerate(root.iter(f"{_W}p")):
            texts = _own_texts(paragraph)
            pieces = [t.text or "" for t in texts]
            full = "".join(pieces)
            if "{" not in full:
                continue
            owner = [k for k, piece in enumerate(pieces) for _ in piece]
            parents = [t.getparent() for t in texts]  # held, so that id() stays unique
            for start, end in _find_tags(full)[0]:
                runs = {id(parents[k]) for k in set(owner[start:end])}
                if len(set(owner[start:end])) > 1:
                    problems.append(
                        TemplateProblem(
                            f"tag split over {len(runs)} runs ({len(set(owner[start:end]))} "
                            "texts): Word may format its parts differently and a reviewer "
                            "cannot see it whole; run `litigate template normalise`",
                            part=name,
                            paragraph=index,
                            tag=full[start:end],
                            context=" ".join(full.split())[:120],
                        )
                    )
    problems.extend(_definition_problems(roots))
    problems.extend(_revision_problems(roots, package.names))
    return tuple(problems)


_REVISIONS: Final = ("ins", "del", "moveFrom", "moveTo")


def _revision_problems(roots: Mapping[str, Any], names: set[str]) -> list[TemplateProblem]:
    """Tracked changes and comments: every draft rendered from the template would carry them."""
    out: list[TemplateProblem] = []
    for name, root in roots.items():
        if not _TEXT_PART.match(name):
            continue
        count = sum(1 for kind in _REVISIONS for _ in root.iter(f"{_W}{kind}"))
        if count:
            out.append(
                TemplateProblem(
                    f"{count} tracked change(s): accept or reject them in Word before "
                    "committing the template (every draft would carry them)",
                    part=name,
                )
            )
    if "word/comments.xml" in names:
        out.append(
            TemplateProblem(
                "the template has comments: delete them in Word (every draft would carry them)",
                part="word/comments.xml",
            )
        )
    return out


def _definition_problems(roots: Mapping[str, Any]) -> list[TemplateProblem]:
    styles = roots.get("word/styles.xml")
    defined = (
        set()
        if styles is None
        else {str(s.get(f"{_W}styleId")) for s in styles.iter(f"{_W}style")}
    )
    numbering = roots.get("word/numbering.xml")
    nums: dict[str, str] = {}
    abstracts: set[str] = set()
    if numbering is not None:
        abstracts = {str(a.get(f"{_W}abstractNumId")) for a in numbering.iter(f"{_W}abstractNum")}
        for num in numbering.iter(f"{_W}num"):
            ref = num.find(f"{_W}abstractNumId")
            nums[str(num.get(f"{_W}numId"))] = "" if ref is None else str(ref.get(f"{_W}val"))
    out: list[TemplateProblem] = []
    seen: set[tuple[str, str]] = set()
    for name, root in roots.items():
        if name == "word/numbering.xml":
            continue
        for kind in ("pStyle", "rStyle", "tblStyle"):
            for use in root.iter(f"{_W}{kind}"):
                style_id = str(use.get(f"{_W}val"))
                if style_id not in defined and (name, style_id) not in seen:
                    seen.add((name, style_id))
                    out.append(
                        TemplateProblem(
                            f"style {style_id!r} is used but not defined in word/styles.xml "
                            "(Word shows its text in the default style)",
                            part=name,
                        )
                    )
        for use in root.iter(f"{_W}numId"):
            num_id = str(use.get(f"{_W}val"))
            if num_id == "0" or (name, f"num {num_id}") in seen:
                continue
            seen.add((name, f"num {num_id}"))
            if num_id not in nums:
                message = f"numbering {num_id} is used but not defined in word/numbering.xml"
            elif nums[num_id] not in abstracts:
                message = f"numbering {num_id} refers to a missing list definition {nums[num_id]}"
            else:
                continue
            out.append(
                TemplateProblem(f"{message} (the paragraphs lose their numbers)", part=name)
            )
    return out


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
