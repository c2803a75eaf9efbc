"""The fuzz job: every public reader and the renderer, fed mutated real inputs.

Run it as CI does::

    python scripts/fuzz.py --inputs 100000 --seed 19 --jobs 2

Each target builds its inputs from real material (the example case files, the
observations DOCX and PDF fixtures, the Registry and follow-up letters, the group
spreadsheets, the judgment texts) and mutates them where the reader looks: the
text of a case file, the XML inside a DOCX or XLSX (so that inputs get past the
zip layer), the content streams of a PDF, the cells of a CSV, the Jinja text of a
firm template, the dates of a valid case (near 1 January 1 and 31 December 9999).

Input ``i`` of a target is built from ``random.Random(f"{seed}/{target}/{i}")``
alone, so one input is reproduced without the others::

    python scripts/fuzz.py --target find_dates --seed 19 --index 4711

A target passes when every input either succeeds (a legal outcome is a value) or
raises an error of the :mod:`litigate.errors` tree with a message, and writes nothing
to stdout or stderr (a library's print() would reach a notebook or a server log); in the job each
input must also finish within 5 s of wall time, and no worker process may exceed
500 MB of peak resident memory (``ru_maxrss``; each chunk of inputs runs in a fresh
process forked from a parent that has imported everything, so the peak of a chunk
belongs to its target).  Failing inputs are written to ``--failures`` with the
traceback and the command that reproduces them.

The job prints one table row per target (inputs, exceptions outside the error
tree, slowest input, peak memory) and one summary line starting ``fuzz:`` that
ends ``PASS`` or ``FAIL`` (CI greps it).  ``tests/test_fuzz.py`` runs a small,
fixed set of the same inputs in the normal test run.
"""

# ruff: noqa: S311, PLR2004, BLE001, D103, FBT001

from __future__ import annotations

import argparse
import contextlib
import csv
import dataclasses
import datetime as dt
import io
import json
import math
import multiprocessing
import os
import pickle
import random
import re
import resource
import signal
import sys
import tempfile
import time
import tomllib
import traceback
import warnings
import zipfile
import zlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # tests.docx_factory builds the observations fixture

import litigate  # noqa: E402
import litigate.casefile  # noqa: E402
from litigate.errors import LitigateError  # noqa: E402

TIME_LIMIT = 5.0
"""Seconds of wall time one input may take (the job fails above)."""
MEMORY_LIMIT_MB = 500
"""Peak resident memory of a worker process, in MB (the job fails above)."""
HARD_TIMEOUT = 30.0
"""An input still running after this many seconds is interrupted and reported."""
ADDRESS_SPACE = 3 << 30
"""Address space of a worker (bytes): a runaway input fails with MemoryError, not the machine."""

AS_OF = dt.date(2026, 11, 23)
FIRST = dt.date.min
LAST = dt.date.max

# --------------------------------------------------------------------------- real material


def _examples() -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / "examples").glob("*/case.toml")):
        found.append((path.parent.name, path.read_text(encoding="utf-8")))
    found.append(
        ("nardaran-base", (ROOT / "examples/nardaran-group/base.toml").read_text("utf-8"))
    )
    return found


EXAMPLES = _examples()
EXAMPLE_DATA = [tomllib.loads(text) for _name, text in EXAMPLES]
CASES = [litigate.casefile.case_from_dict(data) for data in EXAMPLE_DATA]
GROUP_BASE = litigate.load_case(ROOT / "examples/nardaran-group/base.toml")
GROUP_CSV = (ROOT / "examples/nardaran-group/applicants.csv").read_text(encoding="utf-8-sig")
GROUP_XLSX = (ROOT / "examples/nardaran-group/applicants.xlsx").read_bytes()
REGISTRY_LETTER = (ROOT / "tests/data/real/registry/isarlov-2013-01-11.txt").read_text("utf-8")
FOLLOW_UP_LETTER = (ROOT / "tests/data/followup/cat-aze-layout.txt").read_text("utf-8")
JUDGMENT_TEXTS = [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "tests/data/real").glob("*/*.txt"))
]
OBSERVATIONS_PDF = [
    (ROOT / "tests/data/generated/gasimzade-en.pdf").read_bytes(),
    (ROOT / "tests/data/generated/gasimzade-fr.pdf").read_bytes(),
]


def _observations_docx() -> list[bytes]:
    from tests.docx_factory import gasimzade_docx

    real = (ROOT / "examples/custody-ill-treatment/government-observations.docx").read_bytes()
    return [real, gasimzade_docx("en"), gasimzade_docx("fr")]


OBSERVATIONS_DOCX = _observations_docx()


def _month_names() -> list[str]:
    from litigate.parse.dates import _MONTH_FORMS

    return sorted({form for forms in _MONTH_FORMS.values() for month in forms for form in month})


MONTH_NAMES = _month_names()


def _month_languages() -> dict[str, str]:
    from litigate.parse.dates import _MONTH_FORMS

    return {f: lang for lang, forms in _MONTH_FORMS.items() for month in forms for f in month}


MONTH_LANGUAGE = _month_languages()
LANGUAGES = ["en", "fr", "ru", "az"]

# --------------------------------------------------------------------------- mutation

# Characters that break parsers or change under case folding, normalisation, bidi.
ODD = [
    "\x00",
    "\t",
    "\r",
    "\n",
    "\x0b",
    "\x1f",
    "\x7f",
    "\x85",
    "\u00a0",
    "\u017f",  # long s: folds to "s"
    "\u212a",  # Kelvin sign: folds to "k"
    "\u0130",  # dotted capital I: lowers to two characters
    "\u0131",
    "\u00df",
    "\ufb00",
    "\u200b",
    "\u200e",
    "\u202e",
    "\u2028",
    "\u0301",
    "\ufdd2",
    "\ufdd3",
    "\ufeff",
    "\ufffd",
    "\U0001f600",
    "\U000e0001",
    "ə",
    "Ə",
    "ё",
    "й",
    "…",
    "’",
    "§",
    "№",
    "٣",
    "१",
    "𝟘",
]
GENERIC = ["<", ">", "&", '"', "'", "\\", "{", "}", "[", "]", "%", "$", "0", "-1", "1e309", " "]


def random_text(rng: random.Random, max_size: int = 40) -> str:
    """A short text mixing ASCII, the odd characters above and any code point."""
    out = []
    for _ in range(rng.randrange(max_size + 1)):
        roll = rng.random()
        if roll < 0.5:
            out.append(chr(rng.randrange(32, 127)))
        elif roll < 0.8:
            out.append(rng.choice(ODD))
        else:
            code = rng.randrange(0x110000)
            if 0xD800 <= code <= 0xDFFF:  # a file cannot hold a lone surrogate
                code = 0xFFFD
            out.append(chr(code))
    return "".join(out)


def mutate_text(rng: random.Random, text: str, tokens: Sequence[str], rounds: int = 0) -> str:
    """Apply 1-8 random edits: cut, copy, insert a token or odd text, swap lines, repeat."""
    for _ in range(rounds or rng.randrange(1, 9)):
        n = len(text)
        at = rng.randrange(n + 1)
        op = rng.randrange(10)
        if op == 0 and n:  # delete a span
            text = text[:at] + text[at + rng.randrange(1, 80) :]
        elif op == 1 and n:  # duplicate a span
            end = min(n, at + rng.randrange(1, 200))
            text = text[:end] + text[at:end] + text[end:]
        elif op in {2, 3, 4}:
            text = text[:at] + rng.choice(tokens) + text[at:]
        elif op == 5:
            text = text[:at] + random_text(rng, 12) + text[at:]
        elif op == 6 and n:  # replace one character
            text = text[:at] + rng.choice(ODD + GENERIC) + text[at + 1 :]
        elif op == 7:
            lines = text.split("\n")
            i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        elif op == 8:  # a token repeated many times (quadratic behaviour shows)
            text = text[:at] + rng.choice(tokens) * rng.choice([2, 10, 100, 1000]) + text[at:]
        elif n:  # truncate
            text = text[:at]
    return text


def mutate_bytes(rng: random.Random, data: bytes, flips: int) -> bytes:
    buffer = bytearray(data)
    for _ in range(flips):
        buffer[rng.randrange(len(buffer))] = rng.randrange(256)
    return bytes(buffer)


_ATTRIBUTE = re.compile(rb'(\s[\w:]+=")([^"]*)(")')
_ELEMENT = re.compile(rb"<(\w+(?::\w+)?)\b[^>]*?(?:/>|>.*?</\1>)", re.DOTALL)
_TEXT_NODE = re.compile(rb"(<(?:w:t|t|v)\b[^>]*>)([^<]*)(<)")
_COUNTED = re.compile(
    rb'(<(?:w:start|w:startOverride|w:ilvl|w:numId|w:numFmt|w:abstractNumId|dimension|row|c)\b[^>]*?\s(?:w:val|ref|r|spans|t)=")([^"]*)(")'
)
COUNTED_VALUES = [b"0", b"-1", b"9", b"10", b"4000", b"99999", b"2147483647", b"99999999999",
                  b"99999999999999999999", b"upperRoman", b"lowerLetter", b"upperLetter",
                  b"A1:XFD1048576", b"A1:A1", b"XFD1", b"A1048576", b"1048576", b"1048577",
                  b"1:16384", b"s", b"inlineStr", b"e", b"b", b"n", b"str"]  # fmt: skip
ATTRIBUTE_VALUES = [
    b"0",
    b"-1",
    b"1",
    b"2",
    b"8",
    b"9",
    b"10",
    b"255",
    b"65536",
    b"2147483648",
    b"99999999999999999999",
    b"-99999999999",
    b"1e9",
    b"NaN",
    b"",
    b" ",
    b"x",
    b"upperRoman",
    b"lowerRoman",
    b"upperLetter",
    b"lowerLetter",
    b"decimal",
    b"bullet",
    b"ordinal",
    b"cardinalText",
    b"decimalZero",
    b"none",
    b"%1.%2.%3.%4.%5.%6.%7.%8.%9.",
    b"%0",
    b"%10",
    b"(%1)",
    b"true",
    b"false",
    b"s",
    b"n",
    b"b",
    b"e",
    b"str",
    b"inlineStr",
    b"d",
    b"A1",
    b"A1:XFD1048576",
    b"XFD1048576",
    b"ZZZZ9",
    b"A0",
    b"rId1",
    b"rId999",
    b"http://example.invalid/x",
    b"../../../etc/passwd",
    b"/word/document.xml",
    b"Heading1",
    b"Heading2",
    b"Title",
    "é€\u202e".encode(),
    b"&amp;",
]
XML_JUNK = [
    b"<",
    b"&",
    b"]]>",
    b"<![CDATA[x]]>",
    b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
    b"<?xml version='1.0'?>",
    b"&#0;",
    b"&#xD800;",
    b"&unknown;",
    b"\x00",
    b"\xff\xfe",
    b"</w:p>",
    b"<w:p>",
    b"<w:tab/>",
    b"<w:br/>",
    b'<w:br w:type="page"/>',
    b"<w:cr/>",
    b'<w:numPr><w:ilvl w:val="8"/><w:numId w:val="1"/></w:numPr>',
    b'<w:pStyle w:val="Heading1"/>',
    b'<w:footnoteReference w:id="1"/>',
    b"<x:y xmlns:x='urn:x'/>",
    b"<row/>",
    b'<c r="A1" t="s"><v>999999</v></c>',
    b'<c r="ZZ99999"><v>1</v></c>',
    b'<row r="1048577"/>',
    b'<c t="inlineStr"><is><t>x</t></is></c>',
]


def mutate_xml(rng: random.Random, xml: bytes) -> bytes:
    """Edit an XML part where a reader looks: attribute values, elements, text nodes."""
    for _ in range(rng.choice([1, 1, 2, 3, 5])):
        # Mostly edits that keep the XML well formed, so that the reader's logic is reached.
        op = rng.choices(range(9), [18, 18, 12, 12, 10, 11, 5, 4, 20])[0]
        if op == 8:  # the values readers compute with: list starts, levels, sheet ranges
            found = list(_COUNTED.finditer(xml))
            if found:
                m = rng.choice(found)
                value = rng.choice(COUNTED_VALUES)
                xml = xml[: m.start(2)] + value + xml[m.end(2) :]
                continue
        if op in {0, 1}:
            found = list(_ATTRIBUTE.finditer(xml))
            if found:
                m = rng.choice(found)
                value = rng.choice(ATTRIBUTE_VALUES)
                xml = xml[: m.start(2)] + value + xml[m.end(2) :]
                continue
        if op == 2:  # delete an element
            found = list(_ELEMENT.finditer(xml, rng.randrange(len(xml) + 1)))[:50]
            if found:
                m = rng.choice(found)
                xml = xml[: m.start()] + xml[m.end() :]
                continue
        if op == 3:  # duplicate an element (up to many times)
            found = list(_ELEMENT.finditer(xml, rng.randrange(len(xml) + 1)))[:50]
            if found:
                m = rng.choice(found)
                copies = rng.choice([1, 2, 10, 200])
                xml = xml[: m.end()] + m.group(0) * copies + xml[m.end() :]
                continue
        if op == 4:  # change a text node
            found = list(_TEXT_NODE.finditer(xml))
            if found:
                m = rng.choice(found)
                new = mutate_text(rng, m.group(2).decode("utf-8", "replace"), GENERIC + ODD)
                data = escape(new).encode("utf-8", "surrogatepass")
                xml = xml[: m.start(2)] + data + xml[m.end(2) :]
                continue
        if op == 5:  # move an element elsewhere
            found = list(_ELEMENT.finditer(xml, rng.randrange(len(xml) + 1)))[:50]
            if found:
                m = rng.choice(found)
                rest = xml[: m.start()] + xml[m.end() :]
                at = rng.randrange(len(rest) + 1)
                at = rest.rfind(b">", 0, at) + 1
                xml = rest[:at] + m.group(0) + rest[at:]
                continue
        at = rng.randrange(len(xml) + 1)
        if op == 6:
            xml = xml[:at] + rng.choice(XML_JUNK) + xml[at:]
        else:
            xml = xml[:at] + xml[at + rng.randrange(1, 40) :]
    return xml


def rezip(
    data: bytes, change: Callable[[str, bytes], bytes | None], *, extra: Sequence[str] = ()
) -> bytes:
    """The package with ``change(name, blob)`` applied to each entry (``None`` drops it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as target:
        for info in source.infolist():
            blob = change(info.filename, source.read(info.filename))
            if blob is not None:
                target.writestr(info.filename, blob)
        for name in extra:
            target.writestr(name, b"<x/>")
    return out.getvalue()


def mutate_end_record(rng: random.Random, data: bytes) -> bytes:
    """Lie in the zip's end-of-central-directory record (or add a ZIP64 locator)."""
    at = data.rfind(b"PK\x05\x06")
    if at < 0:
        return data
    record = bytearray(data[at:])
    field = rng.choice([8, 10, 12, 16])  # entries on disk, entries, directory size, offset
    width = 2 if field in {8, 10} else 4
    value = rng.choice([0, 1, 2 ** (8 * width) - 1, rng.randrange(2 ** (8 * width))])
    record[field : field + width] = value.to_bytes(width, "little")
    head = data[:at]
    if rng.random() < 0.3:  # a ZIP64 locator pointing anywhere
        offset = rng.choice([0, len(head), rng.randrange(2**64)])
        head += b"PK\x06\x07" + (0).to_bytes(4, "little") + offset.to_bytes(8, "little")
        head += (1).to_bytes(4, "little")
    return head + bytes(record)


def mutate_package(rng: random.Random, data: bytes, parts: Sequence[tuple[str, float]]) -> bytes:
    """Mutate an OOXML package: mostly the XML of one part, sometimes the zip itself."""
    roll = rng.random()
    if roll < 0.04:
        return mutate_bytes(rng, data, rng.randrange(1, 20))
    if roll < 0.07:
        return mutate_end_record(rng, data)
    names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    if roll < 0.12:  # drop an entry, or add a stray one
        dropped = rng.choice(names)
        extra = [rng.choice(["word/x.xml", "xl/../x", "customXml/item9.xml", "[trash]/a"])]
        return rezip(data, lambda n, b: None if n == dropped else b, extra=extra)
    weights = [w for _n, w in parts]
    chosen = {rng.choices([n for n, _w in parts], weights)[0] for _ in range(rng.randrange(1, 3))}

    def change(name: str, blob: bytes) -> bytes | None:
        return mutate_xml(rng, blob) if name in chosen else blob

    return rezip(data, change)


# --------------------------------------------------------------------------- dates and cases


def near_end_date(rng: random.Random) -> dt.date:
    """A date near 1 January 1, near 31 December 9999, or any date."""
    roll = rng.random()
    if roll < 0.35:
        return dt.date.fromordinal(1 + rng.randrange(800))
    if roll < 0.7:
        return dt.date.fromordinal(LAST.toordinal() - rng.randrange(800))
    return dt.date.fromordinal(rng.randrange(1, LAST.toordinal() + 1))


def _walk_dates(value: Any, shift: Callable[[dt.date], dt.date]) -> Any:
    if isinstance(value, dict):
        return {k: _walk_dates(v, shift) for k, v in value.items()}
    if isinstance(value, list):
        return [_walk_dates(v, shift) for v in value]
    if isinstance(value, dt.date):
        return shift(value)
    return value


def _dates_of(value: Any) -> Iterator[dt.date]:
    if isinstance(value, dict):
        for v in value.values():
            yield from _dates_of(v)
    elif isinstance(value, list):
        for v in value:
            yield from _dates_of(v)
    elif isinstance(value, dt.date):
        yield value


def _clamp(ordinal: int) -> dt.date:
    return dt.date.fromordinal(min(max(ordinal, 1), LAST.toordinal()))


def moved_case_data(
    rng: random.Random, data: dict[str, Any] | None = None
) -> tuple[dict[str, Any], dt.date]:
    """A real example with its dates moved (in order) near year 1 or 9999, and an ``as_of``."""
    data = data if data is not None else rng.choice(EXAMPLE_DATA)
    dates = list(_dates_of(data)) or [AS_OF]
    low, high = min(dates).toordinal(), max(dates).toordinal()
    roll = rng.random()
    if roll < 0.4:  # the latest date lands in the last years of the calendar
        delta = LAST.toordinal() - high - rng.randrange(0, 3000)
    elif roll < 0.7:  # the earliest lands in the first years
        delta = 1 - low + rng.randrange(0, 3000)
    else:
        delta = rng.randrange(-700_000, 2_900_000)
    moved = _walk_dates(data, lambda d: _clamp(d.toordinal() + delta))
    if rng.random() < 0.1:  # one date anywhere (the case may then be refused)
        moved = _walk_dates(moved, lambda d: near_end_date(rng) if rng.random() < 0.1 else d)
    as_of_roll = rng.random()
    if as_of_roll < 0.5:
        as_of = _clamp(high + delta + rng.randrange(-400, 4000))
    elif as_of_roll < 0.8:
        as_of = near_end_date(rng)
    else:
        as_of = AS_OF
    return moved, as_of


# Values of every kind a case file or a notebook may put in a field.
def random_value(rng: random.Random, depth: int = 0) -> Any:
    roll = rng.randrange(14 if depth < 3 else 11)
    choices: list[Callable[[], Any]] = [
        lambda: None,
        lambda: rng.choice([True, False]),
        lambda: rng.choice([0, -1, 1, 2**31, 2**63, -(2**63), 10**20, 7]),
        lambda: rng.choice([0.5, -0.0, 1e308, math.inf, -math.inf, math.nan, 1e-320]),
        lambda: random_text(rng, 30),
        lambda: rng.choice(["", " ", "ecthr", "hrc", "cat", "AZE", "RUS", "ECHR-5-1", "person"]),
        lambda: near_end_date(rng),
        lambda: near_end_date(rng).isoformat(),
        lambda: rng.choice(["2025-02-30", "0000-01-01", "10000-01-01", "2025-13-01", "today"]),
        lambda: dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC),
        lambda: rng.choice(["first_instance", "appeal", "cassation", "constitutional", "x"]),
        lambda: [random_value(rng, depth + 1) for _ in range(rng.randrange(4))],
        lambda: {
            random_text(rng, 8): random_value(rng, depth + 1) for _ in range(rng.randrange(4))
        },
        lambda: {"name": random_text(rng, 10), "kind": random_value(rng, depth + 1)},
    ]
    return choices[roll]()


def similar_value(rng: random.Random, value: Any) -> Any:
    """A value of the same kind: another date, number, flag or a lightly edited text."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, dt.date):
        return near_end_date(rng)
    if isinstance(value, int | float):
        return rng.choice([0, -1, 1, 10**9, value * 2, -value, 0.5])
    if isinstance(value, str):
        return mutate_text(rng, value, ODD + GENERIC, 1)
    return random_value(rng)


def mutate_data(rng: random.Random, data: Any, rounds: int) -> Any:
    """Replace, drop or add values at random places of a case mapping."""
    data = json.loads(json.dumps(data, default=_json_default), object_hook=_revive)
    for _ in range(rounds):
        node = data
        for _depth in range(rng.randrange(1, 5)):
            if isinstance(node, dict) and node:
                key = rng.choice(list(node))
                child = node[key]
                if isinstance(child, dict | list) and child and rng.random() < 0.7:
                    node = child
                    continue
                op = rng.random()
                if op < 0.3:
                    node[key] = similar_value(rng, child)
                elif op < 0.6:
                    node[key] = random_value(rng)
                elif op < 0.8:
                    del node[key]
                else:
                    node[rng.choice([random_text(rng, 8), "name", "served_on", "x"])] = (
                        random_value(rng)
                    )
                break
            if isinstance(node, list) and node:
                i = rng.randrange(len(node))
                if isinstance(node[i], dict | list) and node[i] and rng.random() < 0.7:
                    node = node[i]
                    continue
                if rng.random() < 0.5:
                    node[i] = (
                        similar_value(rng, node[i]) if rng.random() < 0.5 else random_value(rng)
                    )
                else:
                    node.append(node[i] if rng.random() < 0.5 else random_value(rng))
                break
    return data


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    return str(value)


def _revive(value: dict[str, Any]) -> Any:
    if set(value) == {"$date"}:
        return dt.date.fromisoformat(value["$date"])
    return value


# --------------------------------------------------------------------------- the targets


@dataclasses.dataclass(frozen=True)
class Target:
    """One public entry point: how to build an input, how to feed it, how to save it.

    Attributes:
        name: The target's name in the table and on the command line.
        make: Builds input ``i`` from its own random generator.
        run: Feeds the input to the public function (``workdir`` for files).
        share: Inputs per 100,000 in the job (the split follows each target's speed).
        save: The input as the bytes of a file, and its suffix, for reproduction.
    """

    name: str
    make: Callable[[random.Random], Any]
    run: Callable[[Any, Path], object]
    share: int
    save: Callable[[Any], tuple[bytes, str]]


def _save_text(suffix: str) -> Callable[[Any], tuple[bytes, str]]:
    def save(payload: Any) -> tuple[bytes, str]:
        text = payload[0] if isinstance(payload, tuple) else payload
        return str(text).encode("utf-8", "surrogatepass"), suffix

    return save


def _save_bytes(suffix: str) -> Callable[[Any], tuple[bytes, str]]:
    def save(payload: Any) -> tuple[bytes, str]:
        blob = payload[0] if isinstance(payload, tuple) else payload
        return bytes(blob), suffix

    return save


def _save_repr(payload: Any) -> tuple[bytes, str]:
    return repr(payload).encode("utf-8", "surrogatepass"), ".repr.txt"


# Case files ---------------------------------------------------------------

CASE_TOKENS = {
    "toml": ["[", "]", "[[", "]]", "=", '"', "'''", '"""', "\\u0000", "\\", "#", ".", "1979-05-27",
             "1979-05-27T07:32:00Z", "0x7f", "inf", "nan", "1e400", "99999999999999999999",
             "[[applicants]]\n", "[complaints]\n", "x.y.z = 1\n", "{ a = 1 }", "true", "\n"],
    "yaml": [": ", "- ", "&a ", "*a", "<<: *a", "!!python/object:os.system", "!!binary ", "? ",
             "|\n", ">\n", "---\n", "...\n", "{", "}", "[", "]", "'", '"', "~", "null", "yes",
             "2025-11-18", "0o17", ".inf", "!!str ", "!!timestamp 2001-12-14", "\t", "%YAML 1.1\n"],
    "json": ["{", "}", "[", "]", ":", ",", '"', "\\u0000", "\\ud800", "null", "true", "1e999",
             "NaN", "Infinity", "-0", "99999999999999999999999", '"2025-11-18"', "[" * 50],
}  # fmt: skip


def _case_text(fmt: str, data: dict[str, Any]) -> str:
    if fmt == "toml":
        return litigate_toml(data)
    if fmt == "json":
        return json.dumps(data, default=lambda v: v.isoformat(), ensure_ascii=False, indent=1)
    import yaml

    return str(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))


def litigate_toml(data: dict[str, Any]) -> str:
    """TOML text of a mapping, as litigate writes case files."""
    from litigate.casefile import _toml_dumps

    return _toml_dumps(data)


def make_case_text(rng: random.Random) -> tuple[str, str]:
    fmt = rng.choice(["toml", "yaml", "json"])
    index = rng.randrange(len(EXAMPLES))
    if fmt == "toml" and rng.random() < 0.5:
        text = EXAMPLES[index][1]
    else:
        data = EXAMPLE_DATA[index]
        if rng.random() < 0.3:
            with contextlib.suppress(Exception):
                data = mutate_data(rng, data, rng.randrange(1, 4))
        try:
            text = _case_text(fmt, data)
        except Exception:
            text = _case_text(fmt, EXAMPLE_DATA[index])
    roll = rng.random()
    if roll < 0.05:  # deep nesting
        depth = rng.choice([40, 200, 5000])
        nest = {"json": ("[" * depth, "]" * depth), "yaml": ("[" * depth, "]" * depth)}
        opener, closer = nest.get(fmt, ("a = " + "[" * depth, "]" * depth))
        text = (
            f'{{"facts": {opener}{closer}}}' if fmt == "json" else f"{opener}{closer}\n"
        ) + text
    elif roll < 0.08 and fmt == "yaml":  # an alias bomb
        layers = ["a: &a [x, x, x, x, x, x, x, x, x]"]
        for i in range(1, rng.randrange(3, 10)):
            layers.append(f"a{i}: &a{i} [" + ", ".join([f"*a{'' if i == 1 else i - 1}"] * 9) + "]")
        text = "\n".join(layers) + "\n" + text
    if rng.random() < 0.9:
        text = mutate_text(rng, text, CASE_TOKENS[fmt], rng.choice([1, 1, 1, 2, 3, 6]))
    return text, fmt


def run_case_text(payload: tuple[str, str], workdir: Path) -> object:
    text, fmt = payload
    path = workdir / f"case.{fmt}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return litigate.load_case(path)


def make_case_dict(rng: random.Random) -> dict[str, Any]:
    data = rng.choice(EXAMPLE_DATA)
    return dict(mutate_data(rng, data, rng.choice([1, 1, 1, 2, 3, 6])))


def run_case_dict(payload: dict[str, Any], _workdir: Path) -> object:
    case = litigate.casefile.case_from_dict(payload)
    again = litigate.casefile.case_from_dict(litigate.casefile.case_to_dict(case))
    if again != case:
        msg = "a case does not load back identically from what it dumps"
        raise AssertionError(msg)
    return case


# Dates --------------------------------------------------------------------

DATE_TOKENS = [
    *MONTH_NAMES,
    " ",
    ".",
    "/",
    "-",
    ",",
    "г.",
    "года",
    "-ci il",
    "-cı il",
    "-i",
    "1er",
    "er",
    "th",
    "st",
    "of",
    "2025",
    "25",
    "0",
    "31",
    "29",
    "00",
    "9999",
    "10000",
    "0001",
    "99999999999999999999",
    "–",
    "—",
    "to",
    "au",
    "по",
]


def make_date_text(rng: random.Random) -> tuple[str, list[str]]:
    day = rng.choice([1, 2, 9, 18, 28, 29, 30, 31, 0, 32, 99, *range(1, 29)])
    year = rng.choice([2025, 1, 9999, 10000, 99, 25, 0, 1950, 2100, 2024, 2026, 2013])
    month = rng.choice(MONTH_NAMES)
    forms = [
        f"{day} {month} {year}",
        f"{month} {day}, {year}",
        f"{day}.{rng.randrange(0, 14)}.{year}",
        f"{year}-{rng.randrange(0, 14):02d}-{day:02d}",
        f"{day}/{rng.randrange(0, 14)}/{year % 100:02d}",
        f"{year}-ci il {month} {day}-i",
        f"{day} {month} {year} г.",
        f"{day}–{day + 1} {month} {year}",
        random_text(rng, 20),
    ]
    text = rng.choice(forms)
    if rng.random() < 0.5:
        text = mutate_text(rng, text, DATE_TOKENS, rng.choice([1, 1, 2, 3]))
    languages = rng.sample(LANGUAGES, rng.randrange(1, 3))
    if rng.random() < 0.7 and MONTH_LANGUAGE.get(month) not in languages:
        languages.append(MONTH_LANGUAGE.get(month, "en"))
    return text, languages


def run_parse_date(payload: tuple[str, list[str]], _workdir: Path) -> object:
    text, languages = payload
    return litigate.parse_date(text, languages=languages, allow_partial=len(text) % 2 == 0)


def _excerpt(rng: random.Random, text: str, size: int) -> str:
    start = rng.randrange(max(1, len(text) - size))
    return text[start : start + size]


def make_dates_in_text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:  # many numeric dates: the scan must stay linear
        return " ".join(f"{rng.randrange(1, 29)}.{rng.randrange(1, 13)}.2025" for _ in range(2000))
    base = REGISTRY_LETTER if roll < 0.5 else _excerpt(rng, rng.choice(JUDGMENT_TEXTS), 3000)
    for _ in range(rng.randrange(0, 6)):
        at = rng.randrange(len(base) + 1)
        base = base[:at] + " " + make_date_text(rng)[0] + " " + base[at:]
    return mutate_text(rng, base, DATE_TOKENS)


def run_find_dates(payload: str, _workdir: Path) -> object:
    return litigate.find_dates(payload, languages=LANGUAGES)


# Citations ----------------------------------------------------------------

CITATION_TOKENS = [
    "no. 15172/13",
    "nos. 15172/13 and 1/99",
    "Application no. ",
    "§ 12",
    "§§ 12-14",
    " v. Azerbaijan",
    " c. Russie",
    " [GC]",
    " (dec.)",
    ", ECHR 2014",
    ", ECHR 2001-IX",
    "Series A no. 32",
    "Reports of Judgments and Decisions 1998-III",
    "ECLI:CE:ECHR:2019:0529JUD001517213",
    "ECLI:CE:ECHR:9999:1399JUD999999999",
    "CCPR/C/123/D/2345/2014",
    "CAT/C/AZE/CO/5",
    "CM/ResDH(2017)379",
    "CM/Del/Dec(2019)1348/H46-1",
    "CM/Notes/1348/H46-4",
    "ECHR 2019",
    "HUDOC",
    "001-193543",
    "/",
    "(",
    ")",
    "no.",
    "99999999999/99",
    "0/00",
    ", 29 May 2019",
    ", 30 février 2019",
    "judgment of ",
    "Ilgar Mammadov",
    "I.M.",
    "(no. 2)",
]


def make_citation_text(rng: random.Random) -> str:
    text = _excerpt(rng, rng.choice(JUDGMENT_TEXTS), rng.choice([200, 1000, 4000]))
    if rng.random() < 0.05:
        return " ".join(rng.choice(CITATION_TOKENS) for _ in range(2000))
    return mutate_text(rng, text, CITATION_TOKENS)


def run_find_citations(payload: str, _workdir: Path) -> object:
    found = litigate.find_citations(payload)
    for mention in found[:20]:
        with contextlib.suppress(LitigateError):
            litigate.parse_citation(mention.text)
    return found


# Observations, DOCX and PDF ----------------------------------------------

DOCX_PARTS = [
    ("word/document.xml", 6.0),
    ("word/numbering.xml", 2.0),
    ("word/styles.xml", 1.0),
    ("word/footnotes.xml", 1.0),
    ("word/_rels/document.xml.rels", 0.5),
    ("[Content_Types].xml", 0.3),
    ("word/settings.xml", 0.2),
]


def make_observations_docx(rng: random.Random) -> bytes:
    return mutate_package(rng, rng.choice(OBSERVATIONS_DOCX), DOCX_PARTS)


def run_read_observations(payload: bytes, _workdir: Path) -> object:
    observations = litigate.read_observations(payload)
    for section in observations.sections:
        observations.paragraphs_of(section)
    return observations


_STREAM = re.compile(rb"(<<(?:(?!>>\s*stream).)*?>>)\s*stream\r?\n", re.DOTALL)
PDF_TOKENS = [
    b" Tj\n",
    b" TJ\n",
    b"(13.) Tj ",
    b"(I. THE FACTS) Tj ",
    b"(\\(a\\)) Tj ",
    b" 0 -14 Td ",
    b" 0 -400 Td ",
    b" /F1 40 Tf ",
    b" /F1 0 Tf ",
    b" /F1 -12 Tf ",
    b" /F1 99999 Tf ",
    b" 1 0 0 1 0 0 Tm ",
    b" 0 0 0 0 0 0 Tm ",
    b" BT ",
    b" ET ",
    b" q ",
    b" Q ",
    b" 5 Ts ",
    b" (\x00\xff) Tj ",
    b" <feff00e9> Tj ",
    b" (1) Tj ",
    b" [(a) -500 (b)] TJ ",
    b" 1e38 0 Td ",
]
PDF_OBJECT_TOKENS = [
    b"/Count 99999",
    b"/Count -1",
    b"/Kids [1 0 R]",
    b"/JavaScript",
    b"/OpenAction",
    b"/Encrypt 1 0 R",
    b"/Length 0",
    b"/Length 99999999",
    b"/Filter /FlateDecode",
    b"/Parent 3 0 R",
    b"/MediaBox [0 0 0 0]",
    b"/MediaBox [0 0 1e30 1e30]",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"<<<<<<<<<<<<<<<<",
    b" R ",
]


def _pdf_parts(data: bytes) -> list[tuple[bytes, bytes | None]]:
    """The file split into (text before a stream, inflated stream) pairs; the tail last."""
    parts: list[tuple[bytes, bytes | None]] = []
    pos = 0
    for match in _STREAM.finditer(data):
        if match.start() < pos:
            continue
        end = data.find(b"endstream", match.end())
        if end < 0:
            break
        raw = data[match.end() : end].rstrip(b"\r\n")
        head = data[pos : match.start()] + match.group(1)
        try:
            body = zlib.decompress(raw) if b"FlateDecode" in match.group(1) else raw
        except zlib.error:
            body = raw
        parts.append((head, body))
        pos = end + len(b"endstream")
    parts.append((data[pos:], None))
    return parts


PDF_PARTS = [_pdf_parts(pdf) for pdf in OBSERVATIONS_PDF]


def _pdf_join(parts: list[tuple[bytes, bytes | None]], compress: bool) -> bytes:
    out = bytearray()
    for head, body in parts:
        if body is None:
            out += head
            continue
        header = re.sub(rb"/Length\s+\d+(\s+0\s+R)?", b"", head[head.rfind(b"<<") :])
        header = header.replace(b"/Filter /FlateDecode", b"").replace(b"/Filter/FlateDecode", b"")
        stream = zlib.compress(body) if compress else body
        extra = b"/Filter /FlateDecode " if compress else b""
        out += head[: head.rfind(b"<<")] + header[:-2] + b" " + extra
        out += b"/Length %d>>\nstream\n" % len(stream) + stream + b"\nendstream"
    return bytes(out)


def make_observations_pdf(rng: random.Random) -> bytes:
    which = rng.randrange(len(OBSERVATIONS_PDF))
    if rng.random() < 0.1:
        return mutate_bytes(rng, OBSERVATIONS_PDF[which], rng.randrange(1, 30))
    parts = list(PDF_PARTS[which])
    content = [i for i, (_h, body) in enumerate(parts) if body is not None and b"BT" in body]
    for _ in range(rng.randrange(1, 5)):
        if content and rng.random() < 0.8:
            i = rng.choice(content)
            head, body = parts[i]
            if body is None:
                continue
            for _edit in range(rng.randrange(1, 6)):
                at = rng.randrange(len(body) + 1)
                if rng.random() < 0.6:
                    body = body[:at] + rng.choice(PDF_TOKENS) + body[at:]
                else:
                    body = body[:at] + body[at + rng.randrange(1, 60) :]
            parts[i] = (head, body)
        else:
            i = rng.randrange(len(parts))
            head, body = parts[i]
            at = rng.randrange(len(head) + 1)
            parts[i] = (head[:at] + rng.choice(PDF_OBJECT_TOKENS) + head[at:], body)
    return _pdf_join(parts, compress=rng.random() < 0.5)


# Letters ------------------------------------------------------------------

REGISTRY_TOKENS = [
    "Application no. 4493/07",
    "Applications nos. 1/20 and 2/20",
    "by 15 March 2013",
    "by 15 March 2013 at the latest",
    "within four weeks",
    "within 9999 weeks",
    "no later than 31 December 9999",
    "time-limit",
    "time limit",
    "extended until 30 April 2013",
    "the time-limit has been extended to 1 January 1",
    "le délai",
    "jusqu'au 15 mars 2013",
    "срок",
    "до 15 марта 2013 года",
    "observations",
    "just satisfaction",
    "Dear Sir,",
    "\n\n",
    "11 January 2013",
    "ECHR-LE4.3",
    "Rule 38",
]


def make_registry_letter(rng: random.Random) -> str:
    base = REGISTRY_LETTER
    if rng.random() < 0.2:
        base = _excerpt(rng, rng.choice(JUDGMENT_TEXTS), 2000) + base
    return mutate_text(rng, base, REGISTRY_TOKENS + DATE_TOKENS[:40])


def run_registry_letter(payload: str, _workdir: Path) -> object:
    letter = litigate.read_registry_letter(text=payload)
    case = CASES[0]
    with contextlib.suppress(LitigateError):
        letter.accept(case)
    return letter


FOLLOW_UP_TOKENS = [
    "(para. 13 (b) of the Committee's concluding observations)",
    "(paragraph 99 (z) of the concluding observations)",
    "(paras. 13-17 of the Committee's concluding observations)",
    "(1/E)",
    "(B)",
    "(C)",
    "(A)",
    "(Z)",
    "(2/Q)",
    "[B]",
    "(B1)",
    "(B2)",
    "Paragraph 9",
    "para. 11 (a)",
    "§ 13",
    "Implementation plan\n\n",
    "…/…",
    "\n\n",
    "¹ CAT/C/AZE/5, paras. 21-33.",
    "Excellency,",
    "Please accept, Excellency, the assurances of my highest consideration.",
    "CAT/C/AZE/CO/5",
    "by 28 November 2025",
    "paragraphs 13 (b), 17 (a), 21 and 23 (a)",
    "paragraphs 1 to 99999",
]


def make_follow_up(rng: random.Random) -> tuple[str, dt.date | None]:
    text = mutate_text(rng, FOLLOW_UP_LETTER, FOLLOW_UP_TOKENS)
    due = near_end_date(rng) if rng.random() < 0.3 else None
    return text, due


def run_follow_up(payload: tuple[str, dt.date | None], _workdir: Path) -> object:
    text, due = payload
    return litigate.read_follow_up_letter(text=text, reply_due_on=due)


# Group spreadsheets -------------------------------------------------------

CELL_VALUES = [
    "",
    " ",
    "=1+1",
    "+cmd|' /C calc'!A0",
    "@SUM(A1)",
    "-1",
    "N001",
    "yes",
    "no",
    "maybe",
    "male",
    "female",
    "AZE",
    "XXX",
    "first_instance",
    "appeal",
    "cassation",
    "2025-11-25",
    "2025-02-30",
    "0001-01-01",
    "9999-12-31",
    "25/11/2025",
    "45000",
    "1e308",
    "Farid Huseynli",
    "Nobody",
]


def make_group_csv(rng: random.Random) -> bytes:
    rows = list(csv.reader(io.StringIO(GROUP_CSV), delimiter=";"))
    for _ in range(rng.choice([0, 1, 1, 2, 3, 6])):
        r = rng.randrange(len(rows))
        op = rng.random()
        if op < 0.6 and rows[r]:
            c = rng.randrange(len(rows[r]))
            rows[r][c] = rng.choice(
                [*CELL_VALUES, similar_value(rng, rows[r][c]), make_date_text(rng)[0]]
            )
        elif op < 0.7:
            rows.append(list(rows[r]))  # a duplicate applicant
        elif op < 0.8 and rows[r]:
            del rows[r][rng.randrange(len(rows[r]))]  # a short row
        elif op < 0.9:
            rows[r] = [*rows[r], random_text(rng, 5)]
        elif len(rows) > 1:
            del rows[r]
    out = io.StringIO()
    csv.writer(out, delimiter=rng.choice([";", ";", ",", "\t"]), lineterminator="\r\n").writerows(
        rows
    )
    text = out.getvalue()
    if rng.random() < 0.2:
        text = mutate_text(rng, text, [";", '"', "\r\n", "\n", "\r", "\ufeff", *CELL_VALUES], 1)
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-8-sig", "utf-16", "latin-1"])
    return text.encode(encoding, "replace")


def make_group_xlsx(rng: random.Random) -> bytes:
    parts = [
        ("xl/worksheets/sheet1.xml", 8.0),
        ("xl/workbook.xml", 1.0),
        ("xl/styles.xml", 1.0),
        ("xl/_rels/workbook.xml.rels", 0.5),
        ("[Content_Types].xml", 0.3),
        ("xl/sharedStrings.xml", 0.5),
    ]
    return mutate_package(rng, GROUP_XLSX, parts)


def _run_group(fmt: str) -> Callable[[bytes, Path], object]:
    def run(payload: bytes, _workdir: Path) -> object:
        group = litigate.load_group(payload, base=GROUP_BASE, format=fmt)  # type: ignore[arg-type]
        for _case, _n in zip(group.cases(), range(5), strict=False):
            pass
        return group

    return run


# Templates ----------------------------------------------------------------

VARIABLES = [
    "case",
    "case.title",
    "case.facts",
    "case.applicants",
    "case.applicants[0].name",
    "case.complaints[0].provision",
    "case.forum",
    "applicants",
    "applicants[0].name",
    "applicants[0]",
    "complaints",
    "complaints[0].citation",
    "decisions",
    "decisions[0].court",
    "documents",
    "window",
    "window.status",
    "findings",
    "as_of",
    "date",
    "t",
    "t.application",
    "representatives",
    "signatory",
    "respondent_names",
    "applicant_names",
    "facts_paragraphs",
    "just_satisfaction",
    "locale",
    "lang",
    "nothing",
    "undefined_thing.x",
    "loop",
    "range",
    "namespace",
    "cycler",
    "joiner",
    "dict",
    "lipsum",
    "self",
    "x",
    "caller",
]
LITERALS = [
    "1",
    "0",
    "-1",
    "10**6",
    "2**64",
    "9**9**9",
    "1e308",
    "'text'",
    "'%s'",
    "'{0}'",
    "'x' * 1000",
    "[1, 2, 3]",
    "{'a': 1}",
    "none",
    "true",
    "''",
    "'ſ'",
    "'\ufdd2'",
    "'<w:p/>'",
    "'&amp;'",
]
FILTERS = [
    "upper",
    "lower",
    "title",
    "length",
    "first",
    "last",
    "list",
    "sort",
    "join(', ')",
    "default('x')",
    "replace('a', 'bb')",
    "center(80)",
    "center(100000)",
    "truncate(5)",
    "wordcount",
    "int",
    "float",
    "round",
    "abs",
    "e",
    "string",
    "safe",
    "format(1)",
    "attr('__class__')",
    "map(attribute='name')",
    "selectattr('name')",
    "batch(2)",
    "indent(4)",
    "wordwrap(3)",
    "sum",
    "unique",
    "reverse",
    "dictsort",
    "tojson",
    "xmlattr",
    "date",
    "date('long')",
    "amount",
    "article",
    "case_citation",
    "initials",
    "ordinal",
    "paragraph_range",
    "upper_first",
]
METHODS = [
    ".zfill(100)",
    ".zfill(10**8)",
    ".ljust(10**8)",
    ".expandtabs(10**6)",
    ".split()",
    ".upper()",
    ".format(1)",
    ".__class__",
    "['__class__']",
    "._private",
    ".mro",
    ".append(1)",
    ".items()",
    ".keys()",
    "[0]",
    "[-1]",
    "[1:3]",
    "['name']",
    ".name",
    ".isoformat()",
    ".year",
]
OPERATORS = [" + ", " - ", " * ", " / ", " // ", " % ", " ** ", " ~ ", " and ", " or ", " in ",
             " == ", " < ", " if true else "]  # fmt: skip


def random_expression(rng: random.Random, depth: int = 0) -> str:
    roll = rng.random()
    if depth > 2 or roll < 0.35:
        if rng.random() < 0.6:
            return rng.choice(VARIABLES if rng.random() < 0.3 else VARIABLES[:30])
        return rng.choice(LITERALS if rng.random() < 0.3 else [*LITERALS[:2], *LITERALS[7:9]])
    if roll < 0.55:
        name = rng.choice(FILTERS if rng.random() < 0.3 else FILTERS[:21] + FILTERS[-9:])
        return "(" + random_expression(rng, depth + 1) + "|" + name + ")"
    if roll < 0.7:
        base = random_expression(rng, depth + 1)
        if not base.isidentifier() and "." not in base:
            base = f"({base})"
        return base + rng.choice(METHODS if rng.random() < 0.3 else METHODS[-7:])
    if roll < 0.85:
        return (
            random_expression(rng, depth + 1)
            + rng.choice(OPERATORS)
            + random_expression(rng, depth + 1)
        )
    if roll < 0.92:
        return f"range({rng.choice(['3', '10000', '10**9', '-1', 'x'])})"
    return "(" + random_expression(rng, depth + 1) + ")"


def random_template(rng: random.Random, depth: int = 0, *, broken: bool = False) -> str:
    """Jinja text: prints, conditions, loops, macros, calls; ``broken`` adds stray fragments."""
    pieces = []
    for _ in range(rng.randrange(1, 5)):
        roll = rng.random()
        expr = random_expression(rng)
        if roll < 0.35:
            pieces.append("{{ " + expr + " }}")
        elif roll < 0.45:
            pieces.append(rng.choice(["Dear ", "The applicant ", "§ 12 ", "é ", "\t", " & < > "]))
        elif roll < 0.55 and depth < 2:
            pieces.append(
                "{% if "
                + expr
                + " %}"
                + random_template(rng, depth + 1, broken=broken)
                + "{% endif %}"
            )
        elif roll < 0.65 and depth < 2:
            loop = rng.choice(["x", "x, y"])
            recursive = " recursive" if rng.random() < 0.2 else ""
            inner = random_template(rng, depth + 1, broken=broken)
            if recursive:
                inner += "{{ loop(x) }}"
            pieces.append(f"{{% for {loop} in {expr}{recursive} %}}{inner}{{% endfor %}}")
        elif roll < 0.72:
            pieces.append("{% set x = " + expr + " %}")
        elif roll < 0.78 and depth < 2:
            body = random_template(rng, depth + 1, broken=broken)
            if rng.random() < 0.3:
                body += "{{ m(a) }}"
            pieces.append("{% macro m(a) %}" + body + "{% endmacro %}{{ m(" + expr + ") }}")
        elif roll < 0.82 and depth < 2:
            pieces.append(
                "{% macro c() %}{{ caller() }}{% endmacro %}{% call c() %}"
                + random_template(rng, depth + 1, broken=broken)
                + "{% endcall %}"
            )
        elif roll < 0.86:
            pieces.append("{% with x = " + expr + " %}{{ x }}{% endwith %}")
        elif roll < 0.9:
            pieces.append("{# " + random_text(rng, 10) + " #}")
        elif roll < 0.97 or not broken:
            pieces.append(rng.choice(["{{ x }}", "Sincerely, ", "{{ case.title }}", "\u202e"]))
        else:
            pieces.append(
                rng.choice(["{{", "}}", "{%", "%}", "{% endif %}", "{% raw %}", "{{ x }", "{"])
            )
    return "".join(pieces)


TEXT_SLOTS = 5
"""Body paragraphs of the template skeleton (then a table cell and the header)."""


def _template_skeleton() -> bytes:
    import docx

    document = docx.Document()
    for slot in range(TEXT_SLOTS):
        document.add_paragraph(f"SLOT{slot}")
    table = document.add_table(rows=1, cols=1)
    table.cell(0, 0).text = f"SLOT{TEXT_SLOTS}"
    document.sections[0].header.paragraphs[0].text = f"SLOT{TEXT_SLOTS + 1}"
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


TEMPLATE_SKELETON = _template_skeleton()


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def template_docx(slots: Sequence[str], rng: random.Random) -> bytes:
    """The skeleton with each slot's text replaced, sometimes split across runs."""

    def fill(blob: bytes, slot: int, text: str) -> bytes:
        marker = f"<w:t>SLOT{slot}</w:t>".encode()
        if marker not in blob:
            return blob
        escaped = escape(_NOT_XML.sub("", text))  # what a DOCX cannot hold
        if len(escaped) > 4 and rng.random() < 0.4:  # a tag cut across two runs
            cut = rng.randrange(1, len(escaped))
            while escaped[cut - 1] == "&" or "&" in escaped[max(0, cut - 6) : cut]:
                cut -= 1
                if cut <= 1:
                    break
            xml = (
                f'<w:t xml:space="preserve">{escaped[:cut]}</w:t></w:r><w:r>'
                f'<w:t xml:space="preserve">{escaped[cut:]}</w:t>'
            )
        else:
            xml = f'<w:t xml:space="preserve">{escaped}</w:t>'
        return blob.replace(marker, xml.encode("utf-8"))

    def change(_name: str, blob: bytes) -> bytes:
        for slot, text in enumerate(slots):
            blob = fill(blob, slot, text)
        return blob

    return rezip(TEMPLATE_SKELETON, change)


FREE_TEXT = frozenset(
    {"title", "facts", "summary", "outcome", "name", "address", "court", "occupation",
     "detained_at", "what", "organisation", "place_of_birth", "description", "place"}
)  # fmt: skip
RENDER_TOKENS = ["{{ case }}", "{%", "%}", "\ufdd2", "\ufdd3", "<w:p>", "&amp;", "&", "]]>",
                 "\u202e", "\u0301", "\U0001f600", "ſ", "\t", "\n", "  ", "'", '"', "Ə"]  # fmt: skip


def _strings_mutated(rng: random.Random, value: Any, key: str = "") -> Any:
    """The free-text values edited (printed by templates), the others kept valid."""
    if isinstance(value, dict):
        return {k: _strings_mutated(rng, v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_strings_mutated(rng, v, key) for v in value]
    if isinstance(value, str) and key in FREE_TEXT and rng.random() < 0.3:
        for _ in range(rng.choice([1, 1, 2, 4])):
            at = rng.randrange(len(value) + 1)
            value = value[:at] + rng.choice(RENDER_TOKENS) + value[at:]
        return value
    return value


def make_render(rng: random.Random) -> dict[str, Any]:
    data = _strings_mutated(rng, rng.choice(EXAMPLE_DATA))
    broken = rng.random() < 0.15
    slots = [random_template(rng, broken=broken) for _ in range(TEXT_SLOTS + 2)]
    if rng.random() < 0.15:  # docxtpl's paragraph tags, each alone in its paragraph
        slots[0] = "{%p if " + random_expression(rng) + " %}"
        slots[2] = "{%p endif %}"
    if rng.random() < 0.6:  # one random slot: more templates render through
        keep = rng.randrange(len(slots))
        plain = ["", "{{ case.title }}", "{{ date }}", "{{ applicant_names }}", "Dear Sir,"]
        slots = [t if i == keep else rng.choice(plain) for i, t in enumerate(slots)]
    return {
        "slots": slots,
        "docx": template_docx(slots, rng),
        "case": data,
        "draft": rng.random() < 0.4,
        "locale": rng.choice(["en", "fr"]),
        "as_of": rng.choice([AS_OF, AS_OF, near_end_date(rng)]),
    }


def run_render(payload: dict[str, Any], workdir: Path) -> object:
    case = litigate.casefile.case_from_dict(payload["case"])
    folder = workdir / "templates" / "firm"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "fuzz.docx").write_bytes(payload["docx"])
    data = litigate.render(
        "firm/fuzz",
        case=case,
        as_of=payload["as_of"],
        locale=payload["locale"],
        draft=payload["draft"],
        template_dirs=[workdir / "templates"],
    )
    _check_docx(data)
    return data


def _check_docx(data: bytes) -> None:
    """What litigate wrote opens: a zip whose XML parts parse."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(package.read(name))


def _save_render(payload: dict[str, Any]) -> tuple[bytes, str]:
    return payload["docx"], ".docx"


# The engine and the calendar ---------------------------------------------


def make_engine(rng: random.Random) -> tuple[dict[str, Any], dt.date]:
    return moved_case_data(rng)


def run_engine(payload: tuple[dict[str, Any], dt.date], _workdir: Path) -> object:
    data, as_of = payload
    case = litigate.casefile.case_from_dict(data)
    if case.complaints:
        window = litigate.filing_window(case, as_of=as_of)
        window.explain()
    return litigate.check(case, as_of=as_of)


def make_calendar(rng: random.Random) -> tuple[list[tuple[dict[str, Any], dt.date]], list[int]]:
    cases = [moved_case_data(rng, data) for data in rng.sample(EXAMPLE_DATA, rng.randrange(1, 4))]
    alarms = rng.choice(
        [[], [7], [0, 1, 30], [7, 7], [3660], [7], [-1], [10**6]][: rng.choice([6, 6, 8])]
    )
    return cases, alarms


def run_calendar(
    payload: tuple[list[tuple[dict[str, Any], dt.date]], list[int]], _workdir: Path
) -> object:
    from litigate.ics import calendar

    found, alarms = payload
    cases = [litigate.casefile.case_from_dict(data) for data, _as_of in found]
    data = calendar(cases, as_of=found[0][1], alarms=alarms, upcoming=len(cases) == 1)
    if not data.startswith(b"BEGIN:VCALENDAR"):
        msg = "the calendar does not start with BEGIN:VCALENDAR"
        raise AssertionError(msg)
    return data


def _save_case_pair(payload: Any) -> tuple[bytes, str]:
    return json.dumps(
        payload, default=_json_default, ensure_ascii=False, indent=1
    ).encode(), ".json"


# The split per 100,000 inputs follows each target's speed on the 2-CPU CI machine
# (docs/reliability.md gives the rates measured): cheap targets get more inputs.
TARGETS: dict[str, Target] = {
    t.name: t
    for t in [
        Target("load_case", make_case_text, run_case_text, 9_300, _save_text(".case.txt")),
        Target("case_from_dict", make_case_dict, run_case_dict, 10_500, _save_repr),
        Target("parse_date", make_date_text, run_parse_date, 18_000, _save_text(".txt")),
        Target("find_dates", make_dates_in_text, run_find_dates, 10_000, _save_text(".txt")),
        Target("find_citations", make_citation_text, run_find_citations, 10_000, _save_text(".txt")),
        Target("read_observations_docx", make_observations_docx, run_read_observations, 1_600,
               _save_bytes(".docx")),
        Target("read_observations_pdf", make_observations_pdf, run_read_observations, 1_500,
               _save_bytes(".pdf")),
        Target("read_registry_letter", make_registry_letter, run_registry_letter, 9_000,
               _save_text(".txt")),
        Target("read_follow_up_letter", make_follow_up, run_follow_up, 7_600, _save_text(".txt")),
        Target("load_group_csv", make_group_csv, _run_group("csv"), 2_000, _save_bytes(".csv")),
        Target("load_group_xlsx", make_group_xlsx, _run_group("xlsx"), 2_000,
               _save_bytes(".xlsx")),
        Target("render", make_render, run_render, 2_500, _save_render),
        Target("engine", make_engine, run_engine, 9_000, _save_case_pair),
        Target("calendar", make_calendar, run_calendar, 7_000, _save_case_pair),
    ]
}  # fmt: skip


def generator(seed: int, target: str, index: int) -> random.Random:
    """The random generator of input ``index`` of ``target`` (a string seed: stable)."""
    return random.Random(f"{seed}/{target}/{index}")


def make_input(target: str, seed: int, index: int) -> Any:
    return TARGETS[target].make(generator(seed, target, index))


# --------------------------------------------------------------------------- running


class InputTimeout(BaseException):
    """An input ran longer than HARD_TIMEOUT (raised from the alarm signal)."""


def _alarm(_signum: int, _frame: object) -> None:
    raise InputTimeout


@dataclasses.dataclass
class Failure:
    """One input that broke a rule: its coordinates and what happened."""

    target: str
    index: int
    kind: str  # "exception", "timeout", "slow", "empty message", "output"
    detail: str
    seconds: float


@dataclasses.dataclass
class Outcome:
    """What a chunk of inputs gave."""

    target: str
    inputs: int = 0
    errors: int = 0  # inputs refused with a LitigateError (a pass)
    failures: list[Failure] = dataclasses.field(default_factory=list)
    slowest: float = 0.0
    slowest_index: int = -1
    peak_mb: float = 0.0
    seconds: float = 0.0
    cpu: float = 0.0  # CPU seconds of the worker processes


PASSED = frozenset({"ok", "refused"})
"""Outcomes of an input that pass: a value, or an error of the litigate tree."""


def run_one(target: str, payload: Any, workdir: Path) -> tuple[str, str]:
    """Feed one input: ``("ok", "")``, ``("refused", error)`` or a failure and its detail.

    Whatever the reader (or a library under it) writes to stdout or stderr is a failure
    too: in a notebook or a server log it would show, and it may quote the document.
    """
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
            TARGETS[target].run(payload, workdir)
    except LitigateError as exc:
        if out.getvalue():
            return "output", f"wrote {out.getvalue()[:200]!r}"
        if not str(exc).strip():
            return "empty message", f"{type(exc).__name__} with an empty message"
        return "refused", type(exc).__name__
    except InputTimeout:
        return "timeout", f"interrupted after {HARD_TIMEOUT:.0f} s"
    except KeyboardInterrupt:
        raise
    except BaseException:
        return "exception", traceback.format_exc(limit=-12)
    if out.getvalue():
        return "output", f"wrote {out.getvalue()[:200]!r}"
    return "ok", ""


def check_one(target: str, payload: Any, workdir: Path) -> tuple[str, str] | None:
    """Feed one input; ``None`` when it passes, else ``(kind, detail)``."""
    kind, detail = run_one(target, payload, workdir)
    return None if kind in PASSED else (kind, detail)


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_chunk(target: str, seed: int, start: int, stop: int, failures: str | None) -> Outcome:
    """Run inputs ``start`` to ``stop`` of a target, timing each (in a worker process)."""
    outcome = Outcome(target)
    began = time.perf_counter()
    cpu = time.process_time()
    with tempfile.TemporaryDirectory(prefix="litigate-fuzz-") as tmp:
        workdir = Path(tmp)
        previous = signal.signal(signal.SIGALRM, _alarm)
        try:
            for index in range(start, stop):
                payload = make_input(target, seed, index)
                t0 = time.perf_counter()
                signal.setitimer(signal.ITIMER_REAL, HARD_TIMEOUT)
                try:
                    kind, detail = run_one(target, payload, workdir)
                finally:
                    signal.setitimer(signal.ITIMER_REAL, 0)
                seconds = time.perf_counter() - t0
                outcome.inputs += 1
                outcome.errors += kind == "refused"
                result = None if kind in PASSED else (kind, detail)
                if seconds > outcome.slowest:
                    outcome.slowest, outcome.slowest_index = seconds, index
                if result is None and seconds > TIME_LIMIT:
                    result = ("slow", f"took {seconds:.2f} s (limit {TIME_LIMIT:.0f} s)")
                if result is not None:
                    failure = Failure(target, index, result[0], result[1], seconds)
                    outcome.failures.append(failure)
                    if failures:
                        save_failure(Path(failures), failure, payload, seed)
        finally:
            signal.signal(signal.SIGALRM, previous)
    outcome.peak_mb = _peak_mb()
    outcome.seconds = time.perf_counter() - began
    outcome.cpu = time.process_time() - cpu
    return outcome


def save_failure(folder: Path, failure: Failure, payload: Any, seed: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{failure.target}-{seed}-{failure.index}"
    try:
        blob, suffix = TARGETS[failure.target].save(payload)
    except Exception:
        blob, suffix = repr(payload).encode("utf-8", "surrogatepass"), ".repr.txt"
    (folder / f"{stem}{suffix}").write_bytes(blob)
    command = (
        f"python scripts/fuzz.py --target {failure.target} --seed {seed} --index {failure.index}"
    )
    (folder / f"{stem}.txt").write_text(
        f"{failure.kind} in {failure.seconds:.3f} s\nreproduce: {command}\n\n{failure.detail}\n",
        encoding="utf-8",
    )


def _limit_worker() -> None:
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def allocate(total: int, names: Sequence[str]) -> dict[str, int]:
    """Inputs per target: ``total`` split in proportion to each target's share."""
    shares = {name: TARGETS[name].share for name in names}
    whole = sum(shares.values())
    counts = {name: max(1, total * share // whole) for name, share in shares.items()}
    rest = total - sum(counts.values())
    for name in sorted(names, key=lambda n: -shares[n])[: max(0, rest)]:
        counts[name] += 1
    return counts


def chunks(counts: dict[str, int], size: int) -> list[tuple[str, int, int]]:
    found = []
    for name, count in counts.items():
        step = max(1, min(size, math.ceil(count / 2)))
        found += [(name, start, min(count, start + step)) for start in range(0, count, step)]
    # The slow targets first, so that the last chunks are short.
    order = {n: i for i, n in enumerate(sorted(counts, key=lambda n: TARGETS[n].share))}
    return sorted(found, key=lambda c: order[c[0]])


def warm_up(names: Sequence[str], seed: int) -> None:
    """One input of each target in the parent: imports and caches are then shared by fork."""
    with tempfile.TemporaryDirectory(prefix="litigate-fuzz-") as tmp:
        for name in names:
            for index in range(3):
                check_one(name, make_input(name, seed + 1, index), Path(tmp))


def _child(task: tuple[str, int, int, int, str | None], out: Path) -> None:
    """A forked worker: one chunk of inputs, its outcome pickled to ``out``."""
    _limit_worker()
    name, seed, start, stop, failures = task
    outcome = run_chunk(name, seed, start, stop, failures)
    out.write_bytes(pickle.dumps(outcome))


def run_job(
    counts: dict[str, int], seed: int, jobs: int, failures: str | None, chunk: int
) -> dict[str, Outcome]:
    """Every chunk in a fresh process forked from this one, ``jobs`` at a time."""
    merged = {name: Outcome(name) for name in counts}
    warm_up(counts, seed)
    work = chunks(counts, chunk)
    context = multiprocessing.get_context("fork")
    running: list[tuple[Any, Path, tuple[str, int, int]]] = []
    with tempfile.TemporaryDirectory(prefix="litigate-fuzz-job-") as tmp:
        done = 0
        while work or running:
            while work and len(running) < jobs:
                name, a, b = work.pop(0)
                out = Path(tmp) / f"{name}-{a}.pickle"
                process = context.Process(target=_child, args=((name, seed, a, b, failures), out))
                process.start()
                running.append((process, out, (name, a, b)))
            time.sleep(0.02)
            for entry in [r for r in running if not r[0].is_alive()]:
                running.remove(entry)
                process, out, (name, a, b) = entry
                process.join()
                if process.exitcode == 0 and out.exists():
                    part = pickle.loads(out.read_bytes())  # noqa: S301 - our own child wrote it
                else:  # a worker died (killed, out of memory, a crash in C code)
                    part = Outcome(name, inputs=b - a)
                    detail = f"inputs {a}-{b}: exit code {process.exitcode}"
                    part.failures.append(Failure(name, a, "worker died", detail, 0.0))
                _merge(merged[name], part)
                done += 1
    return merged


def _merge(total: Outcome, part: Outcome) -> None:
    total.inputs += part.inputs
    total.errors += part.errors
    total.failures += part.failures
    total.seconds += part.seconds
    total.cpu += part.cpu
    total.peak_mb = max(total.peak_mb, part.peak_mb)
    if part.slowest > total.slowest:
        total.slowest, total.slowest_index = part.slowest, part.slowest_index


def report(outcomes: dict[str, Outcome], wall: float, seed: int) -> bool:
    header = (
        f"{'target':<24} {'inputs':>8} {'refused':>8} {'failing':>10} {'slowest (s)':>11} "
        f"{'slowest input':>13} {'peak RSS (MB)':>13} {'CPU s':>7}"
    )
    print(header)
    print("-" * len(header))
    for name, o in outcomes.items():
        print(
            f"{name:<24} {o.inputs:>8} {o.errors:>8} {len(o.failures):>10} {o.slowest:>11.3f} "
            f"{o.slowest_index:>13} {o.peak_mb:>13.0f} {o.cpu:>7.1f}"
        )
    inputs = sum(o.inputs for o in outcomes.values())
    failures = [f for o in outcomes.values() for f in o.failures]
    slowest = max((o.slowest for o in outcomes.values()), default=0.0)
    peak = max((o.peak_mb for o in outcomes.values()), default=0.0)
    for failure in failures[:40]:
        last = failure.detail.strip().splitlines()[-1] if failure.detail.strip() else ""
        print(
            f"  FAIL {failure.target} --seed {seed} --index {failure.index}: {failure.kind}: {last}"
        )
    cpu = sum(o.cpu for o in outcomes.values())
    print(f"CPU time of the workers: {cpu:.0f} s in all")
    passed = not failures and slowest <= TIME_LIMIT and peak <= MEMORY_LIMIT_MB
    print(
        f"fuzz: {inputs} inputs across {len(outcomes)} targets in {wall:.0f} s, "
        f"{len(failures)} failing inputs (an exception outside the error tree, an empty message, "
        f"output or a timeout), slowest input {slowest:.2f} s "
        f"(limit {TIME_LIMIT:.0f} s), peak RSS {peak:.0f} MB (limit {MEMORY_LIMIT_MB} MB): "
        f"{'PASS' if passed else 'FAIL'}"
    )
    return passed


def reproduce(target: str, seed: int, index: int, failures: str | None) -> int:
    payload = make_input(target, seed, index)
    with tempfile.TemporaryDirectory(prefix="litigate-fuzz-") as tmp:
        t0 = time.perf_counter()
        peak0 = _peak_mb()
        try:
            TARGETS[target].run(payload, Path(tmp))
        except LitigateError as exc:
            print(f"{type(exc).__name__}: {exc}")
        seconds = time.perf_counter() - t0
    print(f"{target} --seed {seed} --index {index}: {seconds:.3f} s, peak RSS {_peak_mb():.0f} MB "
          f"(was {peak0:.0f} MB before)")  # fmt: skip
    if failures:
        blob, suffix = TARGETS[target].save(payload)
        Path(failures).mkdir(parents=True, exist_ok=True)
        out = Path(failures) / f"{target}-{seed}-{index}{suffix}"
        out.write_bytes(blob)
        print(f"input written to {out}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    # Jinja compiles templates such as "{{ 1[0] }}" to Python that warns: not our concern.
    warnings.simplefilter("ignore", SyntaxWarning)
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--inputs", type=int, default=100_000, help="inputs across all targets")
    parser.add_argument("--seed", type=int, default=19)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--only", action="append", choices=sorted(TARGETS), help="these targets")
    parser.add_argument("--failures", default="fuzz-failures", help="folder for failing inputs")
    parser.add_argument("--chunk", type=int, default=500, help="inputs per worker process")
    parser.add_argument("--target", choices=sorted(TARGETS), help="reproduce one input")
    parser.add_argument("--index", type=int, help="with --target: the input to reproduce")
    args = parser.parse_args(argv)
    if args.target is not None:
        return reproduce(args.target, args.seed, args.index or 0, args.failures)
    names = args.only or list(TARGETS)
    counts = allocate(args.inputs, names)
    print(f"fuzz: seed {args.seed}, {args.jobs} processes, inputs per target: "
          + ", ".join(f"{n} {c}" for n, c in counts.items()), flush=True)  # fmt: skip
    began = time.perf_counter()
    outcomes = run_job(counts, args.seed, args.jobs, args.failures, args.chunk)
    return 0 if report(outcomes, time.perf_counter() - began, args.seed) else 1


if __name__ == "__main__":
    sys.exit(main())
