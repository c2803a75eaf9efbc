"""How many pages a text takes: an estimate for page limits (Rule 47 § 2 (b)).

Only a word processor knows the exact page count, and it depends on fonts and
hyphenation.  litigate estimates it from the page layout and the text, on the
side of caution (a little longer than Word or LibreOffice lay it out, so that a
warning comes early rather than late).  ``tests/drafts/test_pages.py`` compares the
estimate with LibreOffice's page count on real drafts.

The layout parameters are typography, not law; the page *limit* comes from the
rule data (``checklist`` item ``supplementary_document`` of ``rules/data/ecthr.toml``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import attrs

__all__ = ["Block", "Layout", "PageEstimate", "estimate_pages", "layout_from_twips"]

_PT_PER_TWIP = 1 / 20
_HEADING_SCALE = 14 / 12
_HEADING_SPACE_BEFORE = 12.0


@attrs.frozen(kw_only=True)
class Layout:
    """A page layout, in points.

    The defaults are those of the Court's Practice Direction on written pleadings
    (A4, 3.5 cm side margins, 2.5 cm top and bottom, 12 pt Times New Roman, 1.5 line
    spacing, 6 pt after each paragraph), which litigate's templates use.

    Attributes:
        page_width: Page width.
        page_height: Page height.
        margin_left: Left margin.
        margin_right: Right margin.
        margin_top: Top margin.
        margin_bottom: Bottom margin.
        font_size: Body font size.
        line_spacing: Line spacing factor (1.5 for "1.5 lines").
        space_after: Space after each paragraph.
        char_width: Average character width as a fraction of the font size.  The
            default, 0.6, is calibrated against LibreOffice on litigate's drafts so
            that the estimate errs long (1.0 to 1.2 times LibreOffice's page count
            on the examples; ``tests/drafts/test_pages.py``).
    """

    page_width: float = 595.3
    page_height: float = 841.9
    margin_left: float = 99.2
    margin_right: float = 99.2
    margin_top: float = 70.9
    margin_bottom: float = 70.9
    font_size: float = 12.0
    line_spacing: float = 1.5
    space_after: float = 6.0
    char_width: float = 0.6

    @property
    def chars_per_line(self) -> int:
        """Characters that fit on one line."""
        width = self.page_width - self.margin_left - self.margin_right
        return max(1, int(width / (self.font_size * self.char_width)))

    @property
    def line_height(self) -> float:
        """The height of one line (Word's single spacing is about 1.15 × the font size)."""
        return self.font_size * 1.15 * self.line_spacing

    @property
    def text_height(self) -> float:
        """The height available for text on a page."""
        return self.page_height - self.margin_top - self.margin_bottom


@attrs.frozen(kw_only=True)
class Block:
    """A paragraph with what changes its height.

    Attributes:
        text: The text (a line break starts a new line).
        width: The fraction of the text width it may use (a cell of a four-column
            table: about 0.25), after indentation.
        indent: Its left and right indentation together, in points.
        heading: Whether it is a heading (larger type, space before).
    """

    text: str
    width: float = 1.0
    indent: float = 0.0
    heading: bool = False


@attrs.frozen(kw_only=True)
class PageEstimate:
    """An estimated page count, and the limit it is measured against.

    Attributes:
        pages: The estimated number of pages (rounded up).
        lines: The estimated number of lines.
        limit: The page limit, if one applies.
        provision: The provision that sets the limit (``"Rule 47 § 2 (b)"``).
        source: The citation of the limit's source.

    Examples:
        >>> PageEstimate(pages=23, lines=700, limit=20, provision="Rule 47 § 2 (b)").over_limit
        True
        >>> str(PageEstimate(pages=3, lines=90, limit=20, provision="Rule 47 § 2 (b)"))
        'about 3 pages (limit 20 pages, Rule 47 § 2 (b))'
    """

    pages: int
    lines: int
    limit: int | None = None
    provision: str | None = None
    source: str | None = None

    @property
    def over_limit(self) -> bool:
        """Whether the estimate exceeds the limit."""
        return self.limit is not None and self.pages > self.limit

    def __str__(self) -> str:
        text = f"about {self.pages} page{'s' if self.pages != 1 else ''}"
        if self.limit is not None:
            text += f" (limit {self.limit} pages"
            text += f", {self.provision})" if self.provision else ")"
        return text


def estimate_pages(
    paragraphs: Iterable[str | Block],
    *,
    layout: Layout | None = None,
    limit: int | None = None,
    provision: str | None = None,
    source: str | None = None,
) -> PageEstimate:
    """Estimate the pages ``paragraphs`` take in ``layout``.

    Args:
        paragraphs: The text, one string (or :class:`Block`) per paragraph; line
            breaks inside a paragraph start new lines.
        layout: The page layout; default the Practice Direction's.
        limit: The page limit to report against, if any.
        provision: The provision setting the limit.
        source: Its source.

    Returns:
        The estimate (rounded up to whole pages; an empty text is one page).

    Examples:
        >>> estimate_pages(["A short paragraph."]).pages
        1
        >>> estimate_pages(["word " * 20_000]).pages > 20
        True
        >>> narrow = Block(text="word " * 2_000, width=0.25)
        >>> estimate_pages([narrow]).lines > estimate_pages(["word " * 2_000]).lines * 3
        True
    """
    layout = layout or Layout()
    text_width = layout.page_width - layout.margin_left - layout.margin_right
    lines = 0
    height = 0.0
    for item in paragraphs:
        block = item if isinstance(item, Block) else Block(text=item)
        size = layout.font_size * (_HEADING_SCALE if block.heading else 1.0)
        usable = max(text_width * block.width - block.indent, size)
        per_line = max(1, int(usable / (size * layout.char_width)))
        block_lines = sum(
            max(1, math.ceil(len(line) / per_line)) for line in block.text.split("\n")
        )
        lines += block_lines
        height += block_lines * size * 1.15 * layout.line_spacing + layout.space_after
        if block.heading:
            height += _HEADING_SPACE_BEFORE
    pages = max(1, math.ceil(height / layout.text_height))
    return PageEstimate(pages=pages, lines=lines, limit=limit, provision=provision, source=source)


def layout_from_twips(
    *,
    page_width: int,
    page_height: int,
    margins: tuple[int, int, int, int],
    font_half_points: int,
    line_240ths: int,
    space_after_twips: int,
) -> Layout:
    """Build a :class:`Layout` from WordprocessingML units.

    Args:
        page_width: ``w:pgSz/@w:w`` (twips).
        page_height: ``w:pgSz/@w:h`` (twips).
        margins: ``w:pgMar`` left, right, top, bottom (twips).
        font_half_points: ``w:sz/@w:val`` of the body style (half-points).
        line_240ths: ``w:spacing/@w:line`` with ``lineRule="auto"`` (240 = single).
        space_after_twips: ``w:spacing/@w:after`` (twips).

    Examples:
        >>> layout_from_twips(page_width=11906, page_height=16838,
        ...                   margins=(1984, 1984, 1417, 1417), font_half_points=24,
        ...                   line_240ths=360, space_after_twips=120).chars_per_line
        55
    """
    left, right, top, bottom = margins
    return Layout(
        page_width=page_width * _PT_PER_TWIP,
        page_height=page_height * _PT_PER_TWIP,
        margin_left=left * _PT_PER_TWIP,
        margin_right=right * _PT_PER_TWIP,
        margin_top=top * _PT_PER_TWIP,
        margin_bottom=bottom * _PT_PER_TWIP,
        font_size=font_half_points / 2,
        line_spacing=line_240ths / 240,
        space_after=space_after_twips * _PT_PER_TWIP,
    )
