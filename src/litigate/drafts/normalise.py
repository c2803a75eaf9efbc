"""The template normaliser: a DOCX saved by Word or LibreOffice, rewritten deterministically.

The committed DOCX files under ``templates/`` are the source of the built-in templates,
and a firm's templates are DOCX files too: both are edited in a word processor.  A word
processor's save is noisy (revision ids on every paragraph, spell-check marks, the run
split wherever the cursor stopped, a new timestamp and zip order), so the same template
saved twice differs everywhere.  :func:`normalise_docx` removes that noise, so that a
template's bytes change only when its content does, and :func:`dump_docx` prints every
part as stable, indented XML that a reviewer reads in ``git diff``.

What the normaliser changes (and nothing else):

* the zip: parts in a fixed order (``[Content_Types].xml``, ``_rels/.rels``, then by
  name), every entry dated 1980-01-01 00:00, deflated at one level, no extra fields;
  the preview image a word processor adds (``docProps/thumbnail.*``,
  ``Thumbnails/thumbnail.png``) dropped with its relationship;
* WordprocessingML parts: every ``w:rsid…`` attribute, ``w:rsids`` and ``w:proofState``
  in the settings, ``w:proofErr`` and ``w:lastRenderedPageBreak`` elements, Word's
  ``_GoBack`` bookmark, and (when the package has no comments) ``w14:paraId`` and
  ``w14:textId`` removed; neighbouring runs whose formatting (``w:rPr``) is identical
  merged into one, and their texts joined; empty runs dropped;
* a Jinja tag (``{{ … }}``, ``{% … %}``, ``{# … #}``) still spread over runs of
  different formatting moved whole into the run where it starts (as
  :func:`litigate.drafts.docxml.prepare_part` does when rendering, so the rendering is
  unchanged), with Word's curly quotes inside the tag made straight;
* ``docProps/core.xml``: the dates set to 1980-01-01, ``cp:lastModifiedBy`` emptied
  (it names whoever saved last), ``cp:revision`` set to 1; ``docProps/app.xml``: the
  statistics a save recomputes (``TotalTime``, ``Pages``, ``Words``…) removed;
* every XML part serialised by lxml with the same declaration.

A normalised file is a fixed point: normalising it again gives the same bytes, which is
how ``litigate template normalise --check`` (and the test suite, for the built-in
templates) tells that a file was normalised.

Examples:
    >>> from litigate.drafts import templates_root
    >>> path = templates_root() / "ecthr" / "cover-letter.en.docx"
    >>> result = normalise_docx(path)
    >>> result.changed, result.changes
    (False, ())
    >>> dump = dump_docx(path)
    >>> dump.splitlines()[0]
    '=== [Content_Types].xml ==='
    >>> "=== word/document.xml (text) ===" in dump
    True
"""

from __future__ import annotations

import hashlib
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import attrs

from litigate.drafts.docxml import W, _find_tags, _own_texts, normalise_tag
from litigate.errors import DocumentError

__all__ = ["NormalisedDocx", "dump_docx", "normalise_docx", "normalise_templates"]

_W: Final = f"{{{W}}}"
_W14: Final = "{http://schemas.microsoft.com/office/word/2010/wordml}"
_XML_SPACE: Final = "{http://www.w3.org/XML/1998/namespace}space"
_CP: Final = "{http://schemas.openxmlformats.org/package/2006/metadata/core-properties}"
_DCTERMS: Final = "{http://purl.org/dc/terms/}"
_APP: Final = "{http://schemas.openxmlformats.org/officeDocument/2006/extended-properties}"
_RELS: Final = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_TYPES: Final = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_FIXED_DATE: Final = "1980-01-01T00:00:00Z"
_FIRST: Final = ("[Content_Types].xml", "_rels/.rels")
_THUMBNAIL: Final = re.compile(r"^(docProps/thumbnail\.[a-z]+|Thumbnails/thumbnail\.png)$")
_WORD_PART: Final = re.compile(r"^word/[^/]+\.xml$")
_TEXT_PART: Final = re.compile(r"^word/(document|header\d*|footer\d*|footnotes|endnotes)\.xml$")
_APP_STATISTICS: Final = frozenset(
    {"TotalTime", "Pages", "Words", "Characters", "CharactersWithSpaces", "Lines", "Paragraphs"}
)
# What a run may hold and still be merged with its neighbour: text and the characters
# Word stores as elements.  Fields, drawings, footnote references are left alone.
_MERGEABLE: Final = frozenset(
    f"{_W}{name}" for name in ("rPr", "t", "tab", "br", "cr", "noBreakHyphen", "softHyphen")
)
_NOISE: Final = frozenset({f"{_W}proofErr", f"{_W}lastRenderedPageBreak"})
_RUN_TAG: Final = re.compile(r"\{%r\s")


@attrs.frozen(kw_only=True)
class NormalisedDocx:
    """A DOCX package after normalisation.

    Attributes:
        data: The normalised package.
        changed: Whether ``data`` differs from the input bytes.
        changes: What was changed, one line per kind of change (counts, and each tag
            that had to be moved, with its part and paragraph).

    Examples:
        >>> import io, docx
        >>> buf = io.BytesIO(); docx.Document().save(buf)
        >>> result = normalise_docx(buf.getvalue())
        >>> result.changed, result.data[:2]
        (True, b'PK')
        >>> "docProps/thumbnail.jpeg: preview image dropped: 1" in result.changes
        True
        >>> normalise_docx(result.data)
        NormalisedDocx(data=b'PK...', changed=False, changes=())
    """

    data: bytes
    changed: bool
    changes: tuple[str, ...] = ()


def normalise_docx(source: bytes | str | os.PathLike[str]) -> NormalisedDocx:
    """Rewrite a DOCX package deterministically (see the module docstring for what changes).

    The package is read with litigate's checked reader (size, zip-bomb and entity
    limits), so a hostile file is refused before anything is parsed.

    Args:
        source: The DOCX bytes or file.

    Returns:
        The normalised bytes and the list of changes.

    Raises:
        DocumentError: The file is not a safe, readable DOCX package.

    Examples:
        >>> import io, docx
        >>> d = docx.Document()
        >>> p = d.add_paragraph()
        >>> for piece in ("Dear {{ case", ".title }},"):
        ...     _ = p.add_run(piece)
        >>> buf = io.BytesIO(); d.save(buf)
        >>> result = normalise_docx(buf.getvalue())
        >>> [line for line in result.changes if "merged" in line]
        ['word/document.xml: runs merged into their neighbour of the same formatting: 1']
        >>> docx.Document(io.BytesIO(result.data)).paragraphs[-1].runs[0].text
        'Dear {{ case.title }},'
        >>> normalise_docx(result.data).changed
        False
    """
    from litigate.drafts.package import deflated, write_zip
    from litigate.parse.docx import _Package, _parse_xml

    original = _read(source)
    # Given a path, the package reads it itself, so that its errors name the file.
    package = _Package(original if isinstance(source, bytes) else source)
    counts: Counter[str] = Counter()
    notes: list[str] = []
    try:
        names = [
            info.filename for info in package.zip.infolist() if not info.filename.endswith("/")
        ]
        thumbnails = {name for name in names if _THUMBNAIL.match(name)}
        has_comments = any(name.startswith("word/comments") for name in names)
        parts: dict[str, bytes] = {}
        for name in names:
            if name in thumbnails:
                counts[f"{name}: preview image dropped"] += 1
                continue
            raw = package.read(name)
            if raw is None:  # pragma: no cover - every listed name is readable
                continue
            if not name.endswith((".xml", ".rels")):
                parts[name] = raw
                continue
            root = _parse_xml(raw, name, package.path)
            _clean_part(name, root, counts, notes, has_comments=has_comments, dropped=thumbnails)
            parts[name] = _serialise(root)
    finally:
        package.close()
    order = [n for n in _FIRST if n in parts] + sorted(n for n in parts if n not in _FIRST)
    data = write_zip(deflated(name, parts[name]) for name in order)
    changes = tuple(f"{key}: {count}" for key, count in sorted(counts.items())) + tuple(notes)
    return NormalisedDocx(data=data, changed=data != original, changes=changes)


def normalise_templates(
    paths: Iterable[str | os.PathLike[str]], *, check: bool = False
) -> tuple[tuple[Path, NormalisedDocx], ...]:
    """Normalise template files (or every ``.docx`` under folders) in place.

    A file is rewritten (atomically) only when normalising changes it; with
    ``check=True`` nothing is written and the result tells which files are not normalised.
    In a folder, Word's lock files (``~$name.docx``, left while a document is open) are
    skipped.

    Returns:
        Each file with its result, in the order given (a folder's files by name).

    Raises:
        DocumentError: A file is not a safe, readable DOCX package (nothing is written
            for it; the files before it are already normalised).

    Examples:
        >>> import io, pathlib, tempfile, docx
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> d = docx.Document(); p = d.add_paragraph()
        >>> for piece in ("Dear {{ case", ".title }},"):
        ...     _ = p.add_run(piece)
        >>> d.save(folder / "letter.en.docx")
        >>> _ = (folder / "~$letter.en.docx").write_bytes(b"Word's lock file")
        >>> before = (folder / "letter.en.docx").read_bytes()
        >>> [(f.name, r.changed) for f, r in normalise_templates([folder], check=True)]
        [('letter.en.docx', True)]
        >>> (folder / "letter.en.docx").read_bytes() == before  # check: nothing written
        True
        >>> [(f.name, r.changed) for f, r in normalise_templates([folder])]
        [('letter.en.docx', True)]
        >>> [(f.name, r.changed) for f, r in normalise_templates([folder])]
        [('letter.en.docx', False)]
    """
    from litigate._files import write_atomic

    out: list[tuple[Path, NormalisedDocx]] = []
    for item in paths:
        path = Path(item)
        files = sorted(path.rglob("*.docx")) if path.is_dir() else [path]
        # Word keeps "~$name.docx" beside a document it has open: a lock, not a template.
        for file in [f for f in files if not (path.is_dir() and f.name.startswith("~$"))]:
            try:
                result = normalise_docx(file)
            except DocumentError as exc:
                if exc.path is not None and str(file) in str(exc):
                    raise
                raise DocumentError(f"{file}: {exc}", reason=exc.reason, path=str(file)) from exc
            if result.changed and not check:
                write_atomic(file, result.data, overwrite=True)
            out.append((file, result))
    return tuple(out)


def dump_docx(source: bytes | str | os.PathLike[str]) -> str:
    """Every part of a DOCX as stable, indented text: what a reviewer diffs.

    XML parts are printed one element per line, attributes in document order, texts
    exactly (``w:t`` on one line with its text); each text part (body, headers,
    footers, footnotes) is followed by its paragraphs as plain text with their style;
    other parts are named with their size and SHA-256.  Parts come in the normalised
    order, so the dump of a file and of its normalised copy differ only where
    normalising changed something.  Use it as a git ``textconv`` driver::

        git config diff.docx.textconv "litigate template dump"
        echo "*.docx diff=docx" >> .gitattributes

    Raises:
        DocumentError: The file is not a safe, readable DOCX package.

    Examples:
        >>> import io, docx
        >>> d = docx.Document(); _ = d.add_paragraph("Dear {{ case.title }},")
        >>> buf = io.BytesIO(); d.save(buf)
        >>> lines = dump_docx(buf.getvalue()).splitlines()
        >>> at = lines.index("=== word/document.xml (text) ===")
        >>> lines[at + 1]
        '[-] Dear {{ case.title }},'
        >>> "        <w:t>Dear {{ case.title }},</w:t>" in lines
        True
        >>> [line[:37] for line in lines if "thumbnail" in line and line.startswith("===")]
        ['=== docProps/thumbnail.jpeg (binary, ']
        >>> dump_docx(b"not a zip")
        Traceback (most recent call last):
        ...
        litigate.errors.DocumentError: ...
    """
    from litigate.parse.docx import _Package, _parse_xml

    package = _Package(source)
    lines: list[str] = []
    try:
        names = [
            info.filename for info in package.zip.infolist() if not info.filename.endswith("/")
        ]
        order = [n for n in _FIRST if n in names] + sorted(n for n in names if n not in _FIRST)
        for name in order:
            raw = package.read(name) or b""
            if not name.endswith((".xml", ".rels")):
                digest = hashlib.sha256(raw).hexdigest()
                lines.append(f"=== {name} (binary, {len(raw)} bytes, sha256 {digest}) ===")
                continue
            root = _parse_xml(raw, name, package.path)
            lines.append(f"=== {name} ===")
            lines.extend(_pretty(root, 0, {}))
            if _TEXT_PART.match(name):
                lines.append(f"=== {name} (text) ===")
                lines.extend(_paragraph_lines(root))
    finally:
        package.close()
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------ cleaning


def _read(source: bytes | str | os.PathLike[str]) -> bytes:
    from litigate.drafts.engine import _read_source

    return _read_source(source)


def _clean_part(
    name: str,
    root: Any,
    counts: Counter[str],
    notes: list[str],
    *,
    has_comments: bool,
    dropped: set[str],
) -> None:
    if _WORD_PART.match(name):
        _clean_word(name, root, counts, has_comments=has_comments)
        if _TEXT_PART.match(name):
            _drop_empty_runs(name, root, counts)
            _merge_runs(name, root, counts)
            if _gather_tags(name, root, notes):
                _drop_empty_runs(name, root, counts)
                _merge_runs(name, root, counts)
    elif name == "docProps/core.xml":
        _clean_core(name, root, counts)
    elif name == "docProps/app.xml":
        for child in list(root):
            if isinstance(child.tag, str) and child.tag.removeprefix(_APP) in _APP_STATISTICS:
                root.remove(child)
                counts[f"{name}: statistics removed"] += 1
    elif name.endswith(".rels") and dropped:
        for rel in list(root.iter(f"{_RELS}Relationship")):
            if str(rel.get("Target", "")).lstrip("/") in dropped:
                rel.getparent().remove(rel)
                counts[f"{name}: relationships to a preview image removed"] += 1
    elif name == "[Content_Types].xml" and dropped:
        for override in list(root.iter(f"{_TYPES}Override")):
            if str(override.get("PartName", "")).lstrip("/") in dropped:
                override.getparent().remove(override)
                counts[f"{name}: content types of a preview image removed"] += 1


def _clean_word(name: str, root: Any, counts: Counter[str], *, has_comments: bool) -> None:
    go_back: set[str] = set()
    for element in list(root.iter()):
        if not isinstance(element.tag, str):
            continue
        for attr in list(element.attrib):
            local = attr.rsplit("}", 1)[-1]
            if (attr.startswith(_W) and local.startswith("rsid")) or (
                not has_comments and attr in {f"{_W14}paraId", f"{_W14}textId"}
            ):
                del element.attrib[attr]
                counts[
                    f"{name}: {'rsid' if local.startswith('rsid') else local} attributes removed"
                ] += 1
        tag = element.tag
        if tag in _NOISE or (
            name == "word/settings.xml" and tag in {f"{_W}rsids", f"{_W}proofState"}
        ):
            _remove(element)
            counts[f"{name}: {tag.rsplit('}', 1)[-1]} elements removed"] += 1
        elif tag == f"{_W}bookmarkStart" and element.get(f"{_W}name") == "_GoBack":
            go_back.add(str(element.get(f"{_W}id")))
            _remove(element)
            counts[f"{name}: _GoBack bookmarks removed"] += 1
    if go_back:
        for end in list(root.iter(f"{_W}bookmarkEnd")):
            if end.get(f"{_W}id") in go_back:
                _remove(end)


def _clean_core(name: str, root: Any, counts: Counter[str]) -> None:
    for field in ("created", "modified"):
        for node in root.iter(f"{_DCTERMS}{field}"):
            if node.text != _FIXED_DATE:
                node.text = _FIXED_DATE
                counts[f"{name}: {field} date fixed"] += 1
    for node in root.iter(f"{_CP}lastModifiedBy"):
        if node.text:
            node.text = None
            counts[f"{name}: lastModifiedBy emptied"] += 1
    for node in root.iter(f"{_CP}revision"):
        if node.text != "1":
            node.text = "1"
            counts[f"{name}: revision number reset"] += 1


def _remove(element: Any) -> None:
    """Remove an element, keeping its tail text."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        previous = element.getprevious()
        if previous is not None:
            previous.tail = (previous.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)


def _format_key(run: Any) -> bytes:
    from lxml import etree  # type: ignore[import-untyped]

    rpr = run.find(f"{_W}rPr")
    if rpr is None or (len(rpr) == 0 and not rpr.attrib):
        return b""
    return bytes(etree.tostring(rpr, method="c14n"))


def _mergeable(run: Any) -> bool:
    """Whether a run holds only text, and no ``{%r %}`` tag.

    A ``{%r %}`` tag replaces its whole run when rendering, so a neighbour merged into
    it would be lost.
    """
    if not all(child.tag in _MERGEABLE for child in run):
        return False
    text = "".join(t.text or "" for t in run.iter(f"{_W}t"))
    return _RUN_TAG.search(text) is None


def _merge_runs(name: str, root: Any, counts: Counter[str]) -> None:
    """Merge neighbouring runs of identical formatting; join their neighbouring texts."""
    for parent in {run.getparent() for run in root.iter(f"{_W}r")}:
        previous: Any = None
        for child in list(parent):
            if child.tag != f"{_W}r" or not _mergeable(child):
                previous = None
                continue
            if (
                previous is not None
                and previous.getnext() is child
                and not (previous.tail or "").strip()
                and _format_key(previous) == _format_key(child)
            ):
                for grandchild in list(child):
                    if grandchild.tag != f"{_W}rPr":
                        previous.append(grandchild)
                parent.remove(child)
                counts[f"{name}: runs merged into their neighbour of the same formatting"] += 1
                _join_texts(previous)
            else:
                _join_texts(child)
                previous = child


def _join_texts(run: Any) -> None:
    last: Any = None
    for child in list(run):
        if child.tag == f"{_W}t" and not len(child):
            if last is not None:
                last.text = (last.text or "") + (child.text or "")
                run.remove(child)
                _preserve(last)
                continue
            last = child
        else:
            last = None


def _preserve(t: Any) -> None:
    text = t.text or ""
    if text != text.strip() or "  " in text:
        t.set(_XML_SPACE, "preserve")


def _gather_tags(name: str, root: Any, notes: list[str]) -> bool:
    """Move each tag spread over several texts into the text where it starts."""
    moved = False
    for index, paragraph in enumerate(root.iter(f"{_W}p")):
        texts = _own_texts(paragraph)
        pieces = [t.text or "" for t in texts]
        full = "".join(pieces)
        if "{" not in full:
            continue
        spans, _bad = _find_tags(full)
        owner: list[int] = []
        for k, piece in enumerate(pieces):
            owner.extend([k] * len(piece))
        new = list(pieces)
        changed = False
        for start, end in reversed(spans):
            written = full[start:end]
            tag = normalise_tag(written)
            first, last = owner[start], owner[end - 1]
            if first == last and tag == written:
                continue
            changed = True
            offsets = [sum(len(p) for p in pieces[:k]) for k in range(len(pieces))]
            # The text before the tag stays in its run; the tag joins it; what follows the
            # tag in the last run stays there; the runs in between lose their share.
            for k in range(first, last + 1):
                lo = max(start, offsets[k]) - offsets[k]
                hi = min(end, offsets[k] + len(pieces[k])) - offsets[k]
                new[k] = new[k][:lo] + (tag if k == first else "") + new[k][hi:]
            where = (
                "over several runs of different formatting"
                if first != last
                else "with curly quotes"
            )
            context = " ".join(full.split())[:80]
            notes.append(
                f"{name}: tag {tag} was written {where}; made whole in one run "
                f"(paragraph {index}: {context!r})"
            )
        if changed:
            moved = True
            for t, text in zip(texts, new, strict=True):
                t.text = text
                _preserve(t)
    return moved


def _drop_empty_runs(name: str, root: Any, counts: Counter[str]) -> None:
    for t in list(root.iter(f"{_W}t")):
        if not t.text:
            t.getparent().remove(t)
    for run in list(root.iter(f"{_W}r")):
        if all(child.tag == f"{_W}rPr" for child in run):
            _remove(run)
            counts[f"{name}: empty runs removed"] += 1


def _serialise(root: Any) -> bytes:
    from lxml import etree

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


# ------------------------------------------------------------------ dump


def _qname(tag: str, nsmap: dict[str, str]) -> str:
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    for prefix, known in nsmap.items():
        if known == uri:
            return f"{prefix}:{local}" if prefix else local
    return tag


def _escape(text: str) -> str:
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "&#10;")
    )


def _pretty(element: Any, depth: int, parent_ns: dict[str, str]) -> Iterator[str]:
    indent = "  " * depth
    if not isinstance(element.tag, str):  # a comment or processing instruction
        yield f"{indent}{_escape(str(element))}"
        return
    nsmap = {k or "": v for k, v in element.nsmap.items()}
    name = _qname(element.tag, nsmap)
    declared = [
        f'xmlns{":" + k if k else ""}="{v}"'
        for k, v in sorted(nsmap.items())
        if parent_ns.get(k) != v
    ]
    attributes = [
        f'{_qname(k, nsmap)}="{_escape(v).replace(chr(34), "&quot;")}"'
        for k, v in element.attrib.items()
    ]
    if declared:  # a root element: one declaration per line
        head = f"{indent}<{name}\n" + "\n".join(f"{indent}    {i}" for i in declared + attributes)
    else:
        head = f"{indent}<{' '.join([name, *attributes])}"
    text = element.text or ""
    children = list(element)
    if not children:
        yield head + (f">{_escape(text)}</{name}>" if text else "/>")
        return
    yield head + ">"
    if text.strip():
        yield f"{indent}  {_escape(text)}"
    for child in children:
        yield from _pretty(child, depth + 1, nsmap)
        if child.tail and child.tail.strip():
            yield f"{indent}  {_escape(child.tail)}"
    yield f"{indent}</{name}>"


def _paragraph_lines(root: Any) -> Iterator[str]:
    for paragraph in root.iter(f"{_W}p"):
        style = paragraph.find(f"{_W}pPr/{_W}pStyle")
        label = style.get(f"{_W}val") if style is not None else "-"
        text = "".join(t.text or "" for t in _own_texts(paragraph))
        yield f"[{label}] {text}"
