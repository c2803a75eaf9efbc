"""Hostile files: how fast, and with how little memory, litigate refuses them.

Run: ``python benchmarks/bench_hostile.py``.  Builds each attack in memory, hands it
to the reader that would meet it in practice (``read_observations`` for a DOCX from
the other side, ``load_group`` for a spreadsheet, ``compile_template`` + ``render``
for a template from a colleague), and prints the error's reason, the wall time and
the peak Python memory (``tracemalloc``) of the refusal.  The figures are quoted in
``docs/reliability.md``; no test asserts a timing.
"""

from __future__ import annotations

import io
import time
import tracemalloc
import zipfile
from collections.abc import Callable

from litigate import load_group, read_observations
from litigate.drafts.engine import compile_template
from litigate.errors import LitigateError

BASE = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
DOC = "word/document.xml"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _zip(entries: dict[str, bytes], count: int = 0) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
        for i in range(count):
            archive.writestr(f"word/media/x{i}.bin", b"")
    return out.getvalue()


def _document(body: str) -> bytes:
    return f'<?xml version="1.0"?><w:document {W}><w:body>{body}</w:body></w:document>'.encode()


def _billion_laughs() -> bytes:
    entities = '<!ENTITY a0 "ha">' + "".join(
        f'<!ENTITY a{i} "{("&a" + str(i - 1) + ";") * 10}">' for i in range(1, 10)
    )
    return (
        f'<?xml version="1.0"?><!DOCTYPE w:document [{entities}]>'
        f"<w:document {W}><w:body><w:p><w:r><w:t>&a9;</w:t></w:r></w:p></w:body></w:document>"
    ).encode()


def _template(tag: str) -> bytes:
    return _zip(
        {
            "[Content_Types].xml": b'<?xml version="1.0"?><Types xmlns="http://schemas.'
            b'openxmlformats.org/package/2006/content-types"><Default Extension="xml" '
            b'ContentType="application/xml"/></Types>',
            DOC: _document(f"<w:p><w:r><w:t>{tag}</w:t></w:r></w:p>"),
        }
    )


def _render_template(tag: str) -> Callable[[], Callable[[], object]]:
    def build() -> Callable[[], object]:
        data = _template(tag)
        return lambda: compile_template(data, template_id="attack").render({"x": 1})

    return build


def _read_docx(make: Callable[[], bytes]) -> Callable[[], Callable[[], object]]:
    def build() -> Callable[[], object]:
        data = make()
        return lambda: read_observations(data)

    return build


def _read_xlsx(make: Callable[[], bytes]) -> Callable[[], Callable[[], object]]:
    def build() -> Callable[[], object]:
        data = make()
        return lambda: load_group(data, base=BASE, format="xlsx")

    return build


def _find_dates(n: int) -> Callable[[], Callable[[], object]]:
    """Not an attack to refuse: ``n`` numeric dates, read in linear time (issue 19)."""

    def build() -> Callable[[], object]:
        from litigate.parse.dates import find_dates

        text = "on 01.02.2025, " * n

        return lambda: f"read {len(find_dates(text, date_order='DMY')):,} dates"

    return build


GIGABYTE = 1024 * 1024 * 1024

ATTACKS: dict[str, Callable[[], Callable[[], object]]] = {
    "DOCX zip bomb (1 GB of zeros, 1 MB compressed)": _read_docx(
        lambda: _zip({DOC: b"\0" * GIGABYTE})
    ),
    "DOCX with 100,000 entries": _read_docx(lambda: _zip({DOC: _document("")}, 100_000)),
    "DOCX billion laughs (10^9 'ha')": _read_docx(lambda: _zip({DOC: _billion_laughs()})),
    "DOCX external entity (file:///etc/passwd)": _read_docx(
        lambda: _zip(
            {
                DOC: b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                + _document("<w:p><w:r><w:t>&e;</w:t></w:r></w:p>")[21:]
            }
        )
    ),
    "DOCX path traversal entry (../../evil)": _read_docx(
        lambda: _zip({DOC: _document(""), "../../evil": b"x"})
    ),
    "DOCX that is a PDF": _read_docx(lambda: b"%PDF-1.7\n" + b"0" * 1000),
    "DOCM with a VBA project": _read_docx(
        lambda: _zip({DOC: _document(""), "word/vbaProject.bin": b"\0" * 100})
    ),
    "XLSX zip bomb (1 GB of zeros)": _read_xlsx(
        lambda: _zip({"xl/workbook.xml": b"\0" * GIGABYTE})
    ),
    "XLSX billion laughs": _read_xlsx(lambda: _zip({"xl/workbook.xml": _billion_laughs()})),
    "Template: range(10**9) loop": _render_template("{% for i in range(10 ** 9) %}{% endfor %}"),
    "Template: 'x' * 10**9": _render_template("{{ 'x' * 10 ** 9 }}"),
    "Template: nested loops, 10**11 characters": _render_template(
        "{% for i in range(10000) %}{% for j in range(10000) %}"
        + "x" * 1000
        + "{% endfor %}{% endfor %}"
    ),
    "Template: __class__.__mro__ walk": _render_template("{{ x.__class__.__mro__ }}"),
    "find_dates, 4,000 numeric dates": _find_dates(4_000),
    "find_dates, 16,000 numeric dates": _find_dates(16_000),
}


def main() -> None:
    """Time each refusal and print a table."""
    print(f"{'attack':52} {'refused as':28} {'time':>9} {'peak memory':>12}")
    for name, build in ATTACKS.items():
        attack = build()  # the hostile bytes are made before timing
        tracemalloc.start()
        start = time.perf_counter()
        try:
            outcome = attack()
        except LitigateError as exc:
            reason = getattr(exc, "reason", None) or type(exc).__name__
        else:
            reason = outcome if isinstance(outcome, str) else "NOT REFUSED"
        elapsed = time.perf_counter() - start
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"{name:52} {reason:28} {elapsed * 1000:7.0f} ms {peak / 1e6:9.1f} MB")


if __name__ == "__main__":
    main()
