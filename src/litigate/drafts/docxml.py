"""Turning WordprocessingML into Jinja source, on the parsed tree (no regex surgery on XML).

Word splits what the lawyer typed as ``{{ case.title }}`` over several runs
(``w:r``), with spell-check marks (``w:proofErr``) and bookmarks in between, and
autocorrect turns ``"`` into ``“``.  :func:`prepare_part` works paragraph by
paragraph on the lxml tree:

* the text of the paragraph's ``w:t`` elements is joined and scanned for tags
  (``{{ }}``, ``{% %}``, ``{# #}``); a tag spread over several ``w:t`` is moved
  whole into the ``w:t`` where it starts, so its output keeps that run's
  formatting;
* curly quotes and non-breaking spaces inside a tag become straight quotes and
  spaces;
* ``{%p … %}`` (alone in its paragraph) replaces the paragraph, ``{%tr … %}``
  replaces its table row and ``{%r … %}`` its run, as in docxtpl;
* every tag is replaced by a placeholder before serialisation and put back
  after it, so the XML serialiser never escapes Jinja code, and each paragraph
  starts a new source line with a ``{#pN#}`` comment, so a Jinja line number
  gives back the paragraph.

Problems (a tag not closed in its paragraph, a stray ``}}``, a ``{%p %}`` sharing
its paragraph with other text) are collected, never raised one by one.

Examples:
    >>> from lxml import etree
    >>> W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    >>> xml = (f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>Dear {{</w:t></w:r>'
    ...        '<w:proofErr w:type="spellStart"/><w:r><w:t>{ name }</w:t></w:r>'
    ...        '<w:r><w:t>}!</w:t></w:r></w:p></w:body></w:document>')
    >>> part = prepare_part("word/document.xml", etree.fromstring(xml))
    >>> [t.tag for t in part.tags], part.problems
    (['{{ name }}'], ())
    >>> '<w:t xml:space="preserve">Dear {{ name }}</w:t>' in part.source
    True
    >>> bad = f'<w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>{{{{ name</w:t></w:r></w:p></w:body></w:document>'
    >>> print(prepare_part("word/document.xml", etree.fromstring(bad)).problems[0])
    tag is not closed in its paragraph (a brace is missing, or the tag runs over a paragraph break) (word/document.xml, paragraph 0, tag {{ name) near '{{ name'
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from litigate.errors import TemplateProblem

__all__ = ["PreparedPart", "TagSite", "prepare_part"]

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W_P = f"{{{W}}}p"
_W_T = f"{{{W}}}t"
_W_R = f"{{{W}}}r"
_W_TR = f"{{{W}}}tr"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_OPEN = re.compile(r"\{[{%#]")
_CLOSE_FOR = {"{{": "}}", "{%": "%}", "{#": "#}"}
_STRAY_CLOSE = re.compile(r"\}\}|%\}")
_SPECIAL = re.compile(r"^\{%(p|tr|tc|r)\s+(.*?)\s*(-?)%\}$", re.DOTALL)
_RICH = re.compile(r"^\{\{(r|p|tr|tc)\s")
_QUOTES = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
     "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
     "\u00a0": " ", "\u202f": " "}
)  # fmt: skip
PLACEHOLDER_OPEN = "\ufdd0"
PLACEHOLDER_CLOSE = "\ufdd1"
_PLACEHOLDER = re.compile('\ufdd0(\\d+)\ufdd1|<litigate-stmt n="(\\d+)"/>')
_PARA_ATTR = "litigate-p"
_PARA_MARK = re.compile(r'<([^\s>/]+)((?: [^>]*?)?) litigate-p="(\d+)"')
_CONTEXT_CHARS = 60


@attrs.frozen
class TagSite:
    """One template tag as the lawyer wrote it, and where it is.

    Attributes:
        tag: The tag text after normalisation (straight quotes, ``{%p`` → ``{%``).
        written: The tag as found in the document.
        paragraph: Index of the paragraph in the part (document order, from 0).
        context: The paragraph's text, shortened.
    """

    tag: str
    written: str
    paragraph: int
    context: str


@attrs.frozen
class PreparedPart:
    """A text part turned into Jinja source.

    Attributes:
        name: The part name (``word/document.xml``).
        source: The Jinja source (XML with tags, one paragraph per line).
        tags: Every tag found, in document order; ``{{ }}`` tags only once merged.
        problems: The Word artefacts that could not be turned into valid tags.
        paragraphs: The text of each paragraph, by index (for error context).
    """

    name: str
    source: str
    tags: tuple[TagSite, ...]
    problems: tuple[TemplateProblem, ...]
    paragraphs: tuple[str, ...]
    line_paragraphs: tuple[int | None, ...] = attrs.field(repr=False, default=())
    has_loops: bool = False

    def paragraph_of_line(self, lineno: int) -> int | None:
        """The paragraph index of a 1-based source line, from its ``{#pN#}`` comment."""
        if not self.line_paragraphs:
            return None
        return self.line_paragraphs[min(max(lineno, 1), len(self.line_paragraphs)) - 1]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _CONTEXT_CHARS else text[: _CONTEXT_CHARS - 1] + "…"


def normalise_tag(tag: str) -> str:
    """A tag with Word's typographic quotes and spaces made plain.

    >>> normalise_tag("{{ x|default(“none”) }}")
    '{{ x|default("none") }}'
    """
    return tag.translate(_QUOTES)


def _own_texts(paragraph: Any) -> list[Any]:
    """The ``w:t`` of this paragraph, not of paragraphs nested in it (text boxes)."""
    out = []
    for t in paragraph.iter(_W_T):
        parent = t.getparent()
        while parent is not None and parent.tag != _W_P:
            parent = parent.getparent()
        if parent is paragraph:
            out.append(t)
    return out


def _find_tags(full: str) -> tuple[list[tuple[int, int]], list[tuple[str, int, int]]]:
    """Tag spans and problems (message, start, end) in one paragraph's text."""
    spans: list[tuple[int, int]] = []
    bad: list[tuple[str, int, int]] = []
    pos = 0
    while True:
        match = _OPEN.search(full, pos)
        stop = match.start() if match else len(full)
        stray = _STRAY_CLOSE.search(full, pos, stop)
        if stray:
            bad.append(("closing braces without an opening tag", stray.start(), stray.end()))
        if match is None:
            break
        closer = _CLOSE_FOR[match.group()]
        end = full.find(closer, match.end())
        if end < 0:
            message = (
                "tag is not closed in its paragraph (a brace is missing, "
                "or the tag runs over a paragraph break)"
            )
            bad.append((message, match.start(), len(full)))
            break
        spans.append((match.start(), end + 2))
        pos = end + 2
    return spans, bad


def prepare_part(name: str, root: Any) -> PreparedPart:
    """Turn one parsed text part into Jinja source; ``root`` is modified.

    Args:
        name: The part name, for problem locations.
        root: The lxml root element of the part.

    Returns:
        The Jinja source with every tag found and every problem met.
    """
    from lxml import etree  # type: ignore[import-untyped]

    tags: list[TagSite] = []
    codes: list[str] = []
    problems: list[TemplateProblem] = []
    texts_by_para: list[str] = []
    rows: dict[Any, list[int]] = {}
    replaced: list[tuple[Any, int, int]] = []  # (element, tag number, paragraph)
    for index, paragraph in enumerate(list(root.iter(_W_P))):
        paragraph.set(_PARA_ATTR, str(index))
        ts = _own_texts(paragraph)
        pieces = [t.text or "" for t in ts]
        full = "".join(pieces)
        texts_by_para.append(full)
        if "{" not in full and "}" not in full:
            continue
        if PLACEHOLDER_OPEN in full or PLACEHOLDER_CLOSE in full:
            message = "the paragraph contains reserved characters U+FDD0/U+FDD1"
            problems.append(
                TemplateProblem(message, part=name, paragraph=index, context=_short(full))
            )
            continue
        spans, bad = _find_tags(full)
        for message, start, end in bad:
            problems.append(
                TemplateProblem(
                    message, part=name, paragraph=index, tag=full[start:end], context=_short(full)
                )
            )
        if not spans:
            continue
        owner: list[int] = []
        for k, piece in enumerate(pieces):
            owner.extend([k] * len(piece))
        new_texts = [""] * len(ts)
        holders: set[int] = set()
        pos = 0
        for start, end in spans:
            for k in range(pos, start):
                new_texts[owner[k]] += full[k]
            written = full[start:end]
            tag = normalise_tag(written)
            number = len(codes)
            site = TagSite(tag=tag, written=written, paragraph=index, context=_short(full))
            special = _SPECIAL.match(tag)
            if _RICH.match(tag):
                message = "docxtpl's {{r }}/{{p }} (RichText, Subdoc) are not supported"
                problems.append(
                    TemplateProblem(
                        message, part=name, paragraph=index, tag=written, context=_short(full)
                    )
                )
            if special is None:
                codes.append(tag)
                tags.append(site)
                new_texts[owner[start]] += f"{PLACEHOLDER_OPEN}{number}{PLACEHOLDER_CLOSE}"
                holders.add(owner[start])
            else:
                kind, body, dash = special.groups()
                codes.append(f"{{% {body} {dash}%}}")
                tags.append(attrs.evolve(site, tag=codes[-1]))
                if kind == "p":
                    if full[:start].strip() or full[end:].strip() or len(spans) > 1:
                        message = "a {%p %} tag must be the only text of its paragraph"
                        problems.append(
                            TemplateProblem(
                                message,
                                part=name,
                                paragraph=index,
                                tag=written,
                                context=_short(full),
                            )
                        )
                    else:
                        replaced.append((paragraph, number, index))
                elif kind == "tr":
                    row = next(paragraph.iterancestors(_W_TR), None)
                    if row is None:
                        message = "a {%tr %} tag must be in a table row"
                        problems.append(
                            TemplateProblem(
                                message,
                                part=name,
                                paragraph=index,
                                tag=written,
                                context=_short(full),
                            )
                        )
                    else:
                        rows.setdefault(row, []).append(number)
                elif kind == "r":
                    run = next(ts[owner[start]].iterancestors(_W_R), None)
                    if run is not None:
                        replaced.append((run, number, index))
                else:
                    message = "{%tc %} (column loops) is not supported; use {%tr %} rows"
                    problems.append(
                        TemplateProblem(
                            message, part=name, paragraph=index, tag=written, context=_short(full)
                        )
                    )
            pos = end
        for k in range(pos, len(full)):
            new_texts[owner[k]] += full[k]
        for k, t in enumerate(ts):
            if new_texts[k] != pieces[k]:
                t.text = new_texts[k]
            if k in holders:
                t.set(_XML_SPACE, "preserve")
    for row, numbers in rows.items():
        texts = "".join(texts_by_para[int(p.get(_PARA_ATTR))] for p in row.iter(_W_P))
        for number in numbers:
            texts = texts.replace(tags[number].written, "", 1)
        first = int(next(row.iter(_W_P)).get(_PARA_ATTR))
        if texts.strip():
            message = "a table row with a {%tr %} tag must hold no other text (it would be lost)"
            problems.append(
                TemplateProblem(message, part=name, paragraph=first, context=_short(texts))
            )
            continue
        codes.append("".join(codes[n] for n in numbers))
        replaced.append((row, len(codes) - 1, first))
    for element, number, index in replaced:
        marker = etree.Element("litigate-stmt", n=str(number))
        marker.tail = element.tail
        marker.set("p", str(index))
        parent = element.getparent()
        if parent is not None:
            parent.replace(element, marker)
    body = etree.tostring(root, encoding="unicode")
    # Braces outside w:t (field codes, attribute values) are text, never Jinja.
    body = re.sub(r"\{(?=[{%#])", "{{ '{' }}", body)
    body = _PARA_MARK.sub(lambda m: f"\n{{#p{m.group(3)}#}}<{m.group(1)}{m.group(2)}", body)
    body = re.sub(
        r'<litigate-stmt(?: xmlns="")? n="(\d+)" p="(\d+)"/>',
        lambda m: f'\n{{#p{m.group(2)}#}}<litigate-stmt n="{m.group(1)}"/>',
        body,
    )
    body = _PLACEHOLDER.sub(lambda m: codes[int(m.group(1) or m.group(2))], body)
    source = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + body
    line_paragraphs: list[int | None] = []
    current: int | None = None
    for line in source.split("\n"):
        match = re.match(r"\{#p(\d+)#\}", line)
        if match:
            current = int(match.group(1))
        line_paragraphs.append(current)
    return PreparedPart(
        name=name,
        source=source,
        tags=tuple(tags),
        problems=tuple(problems),
        paragraphs=tuple(texts_by_para),
        line_paragraphs=tuple(line_paragraphs),
        has_loops=any(re.match(r"\{%-?\s*(for|macro|call)\b", code) for code in codes),
    )
