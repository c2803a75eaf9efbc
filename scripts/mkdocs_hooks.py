"""MkDocs hook: links from the pages to files of the repository outside ``docs/``.

The pages in ``docs/`` are read on GitHub as well as on the site, and they link to
example files (``[case.toml](../examples/journalist-detention/case.toml)``) that are not
part of the site.  On the site those links would be broken, and ``mkdocs build --strict``
refuses them; this hook keeps their text and drops the link, so that every other link is
still checked strictly.
"""

from __future__ import annotations

import re
from typing import Any

#: A Markdown link to a file under one of the repository's top-level folders other than docs/.
REPOSITORY_LINK = re.compile(
    r"\[(?P<text>[^\]\n]+)\]\((?:\.\./)+(?:examples|src|templates|scripts|tests|benchmarks)/[^)\s]*\)"
)


def unlink_repository_files(markdown: str) -> str:
    """The page's Markdown with links to repository files replaced by their text.

    Args:
        markdown: The page's Markdown source.

    Returns:
        The same source, each ``[text](../examples/…)`` link replaced by ``text``.

    Examples:
        >>> unlink_repository_files("See [`case.toml`](../examples/a/case.toml) and [b](b.md).")
        'See `case.toml` and [b](b.md).'
    """
    return REPOSITORY_LINK.sub(lambda match: match["text"], markdown)


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    """MkDocs event: rewrite each page before it is converted to HTML."""
    return unlink_repository_files(markdown)
