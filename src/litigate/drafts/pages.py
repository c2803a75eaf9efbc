"""Page estimates of rendered drafts, measured against the forum's page limits.

>>> from datetime import date
>>> from pathlib import Path
>>> import litigate
>>> examples = Path(litigate.__file__).resolve().parents[2] / "examples"
>>> case = litigate.load_case(examples / "journalist-detention" / "case.toml")
>>> data = litigate.render("ecthr/supplementary-document", case=case, as_of=date(2026, 11, 23))
>>> estimate = page_estimate(data, template_id="ecthr/supplementary-document")
>>> estimate.limit, estimate.provision, estimate.over_limit
(20, 'Rule 47 § 2 (b)', False)
"""

from __future__ import annotations

from typing import Any

from litigate.engine.pages import Block, Layout, PageEstimate, estimate_pages, layout_from_twips
from litigate.errors import DocumentError
from litigate.model import Forum
from litigate.parse.docx import _Package
from litigate.rules import RuleSet, load_rules

__all__ = ["page_estimate", "page_limit"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_PT_PER_TWIP = 1 / 20
_NUMBERED_INDENT = 28.35  # 1 cm: the hanging indent of numbered paragraphs


def page_limit(template_id: str, *, rules: RuleSet | None = None) -> PageEstimate | None:
    """The page limit the rules set for documents of ``template_id``, if any.

    The limit is a checklist item of the forum's rule data naming the template
    (``template = "ecthr/supplementary-document"``, ``limit = 20``).

    Returns:
        An empty estimate (0 pages) carrying the limit, its provision and source; or
        ``None`` when no rule limits that template.

    Examples:
        >>> page_limit("ecthr/supplementary-document").limit
        20
        >>> page_limit("ecthr/cover-letter") is None
        True
    """
    ruleset = rules or load_rules()
    for forum in Forum:
        try:
            forum_rules = ruleset.forum(forum)
        except KeyError:  # pragma: no cover - every forum has rules
            continue
        for item in forum_rules.checklist:
            if item.template == template_id and item.limit is not None:
                source = forum_rules.source(item.sources[0]).cite() if item.sources else None
                return PageEstimate(
                    pages=0, lines=0, limit=item.limit, provision=item.provision, source=source
                )
    return None


def _int(element: Any, attribute: str, default: int) -> int:
    if element is None:
        return default
    value = element.get(f"{_W}{attribute}")
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _layout(document: Any, styles: Any) -> Layout:
    section = document.find(f".//{_W}body/{_W}sectPr")
    size = section.find(f"{_W}pgSz") if section is not None else None
    margins = section.find(f"{_W}pgMar") if section is not None else None
    normal = None
    if styles is not None:
        for style in styles.iter(f"{_W}style"):
            if style.get(f"{_W}styleId") == "Normal":
                normal = style
                break
    run = normal.find(f"{_W}rPr/{_W}sz") if normal is not None else None
    spacing = normal.find(f"{_W}pPr/{_W}spacing") if normal is not None else None
    return layout_from_twips(
        page_width=_int(size, "w", 11906),
        page_height=_int(size, "h", 16838),
        margins=(
            _int(margins, "left", 1440),
            _int(margins, "right", 1440),
            _int(margins, "top", 1440),
            _int(margins, "bottom", 1440),
        ),
        font_half_points=_int(run, "val", 24),
        line_240ths=_int(spacing, "line", 240),
        space_after_twips=_int(spacing, "after", 0),
    )


def _text(paragraph: Any) -> str:
    pieces = []
    for node in paragraph.iter():
        if node.tag == f"{_W}t" and node.text:
            pieces.append(node.text)
        elif node.tag in {f"{_W}br", f"{_W}cr"}:
            pieces.append("\n")
        elif node.tag == f"{_W}tab":
            pieces.append("    ")
    return "".join(pieces)


def _indent(paragraph: Any, styles: dict[str, tuple[bool, float]]) -> tuple[bool, float]:
    style = paragraph.find(f"{_W}pPr/{_W}pStyle")
    heading, indent = styles.get(
        style.get(f"{_W}val") if style is not None else "Normal", (False, 0.0)
    )
    own = paragraph.find(f"{_W}pPr/{_W}ind")
    if own is not None:
        indent = (_int(own, "left", 0) + _int(own, "right", 0)) * _PT_PER_TWIP
    if paragraph.find(f"{_W}pPr/{_W}numPr") is not None:
        indent = max(indent, _NUMBERED_INDENT)
    return heading, indent


def _style_table(styles: Any) -> dict[str, tuple[bool, float]]:
    out: dict[str, tuple[bool, float]] = {}
    if styles is None:
        return out
    for style in styles.iter(f"{_W}style"):
        style_id = style.get(f"{_W}styleId") or ""
        name = style.find(f"{_W}name")
        label = (name.get(f"{_W}val") if name is not None else style_id) or ""
        heading = label.lower().startswith(("heading", "title"))
        numbered = style.find(f"{_W}pPr/{_W}numPr") is not None
        ind = style.find(f"{_W}pPr/{_W}ind")
        indent = (_int(ind, "left", 0) + _int(ind, "right", 0)) * _PT_PER_TWIP
        out[style_id] = (heading, max(indent, _NUMBERED_INDENT) if numbered else indent)
    return out


def _blocks(document: Any, styles: Any) -> list[Block]:
    table = _style_table(styles)
    body = document.find(f"{_W}body")
    out: list[Block] = []
    if body is None:
        return out
    for child in body:
        if child.tag == f"{_W}p":
            heading, indent = _indent(child, table)
            out.append(Block(text=_text(child), heading=heading, indent=indent))
        elif child.tag == f"{_W}tbl":
            for row in child.iter(f"{_W}tr"):
                cells = row.findall(f"{_W}tc")
                width = 1 / max(len(cells), 1)
                # A row is as tall as its tallest cell: keep the longest cell's text.
                texts = ["\n".join(_text(p) for p in cell.iter(f"{_W}p")) for cell in cells]
                out.append(Block(text=max(texts, key=len, default=""), width=width))
    return out


def page_estimate(
    data: bytes, *, template_id: str | None = None, rules: RuleSet | None = None
) -> PageEstimate:
    """Estimate the pages of a rendered DOCX and compare them with the template's limit.

    The estimate reads the page size, margins, font size and spacing from the
    document itself and errs on the long side (see :mod:`litigate.engine.pages`).

    Args:
        data: The DOCX bytes (from :func:`litigate.render`).
        template_id: The template it was rendered from, to look up a page limit
            (``"ecthr/supplementary-document"``: 20 pages, Rule 47 § 2 (b)).
        rules: A rule set with a firm's overrides; default the packaged rules.

    Returns:
        The estimate; ``over_limit`` tells whether it exceeds the limit.

    Raises:
        DocumentError: ``data`` is not a readable DOCX.

    Examples:
        >>> from datetime import date
        >>> import litigate
        >>> case = litigate.Case(forum="ecthr", respondent="AZE", facts="The facts. " * 4000,
        ...                      applicants=[litigate.Applicant.person(name="Rauf Aliyev")])
        >>> data = litigate.render("ecthr/supplementary-document", case=case,
        ...                        as_of=date(2026, 11, 23))
        >>> page_estimate(data, template_id="ecthr/supplementary-document").over_limit
        True
        >>> page_estimate(b"not a document")
        Traceback (most recent call last):
        ...
        litigate.errors.DocumentError: the document is not a DOCX file (not a zip archive)
    """
    package = _Package(data)
    try:
        document = package.xml("word/document.xml")
        styles = package.xml("word/styles.xml")
    finally:
        package.close()
    if document is None:
        msg = "not a Word document: word/document.xml is missing"
        raise DocumentError(msg, reason="not_docx")
    limit = page_limit(template_id, rules=rules) if template_id else None
    return estimate_pages(
        _blocks(document, styles),
        layout=_layout(document, styles),
        limit=limit.limit if limit else None,
        provision=limit.provision if limit else None,
        source=limit.source if limit else None,
    )
