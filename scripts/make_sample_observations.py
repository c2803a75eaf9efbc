"""Write the sample Government observations used by the tutorial and the how-to guides.

The file is ``examples/custody-ill-treatment/government-observations.docx``: the
(fictional) observations of the Government of Azerbaijan in *Gasimzade v. Azerbaijan*,
application no. 38215/25, with typed paragraph numbers, headings for the facts, three
admissibility objections, the merits of Articles 3 and 13, and just satisfaction.

Usage::

    python scripts/make_sample_observations.py           # (re)write the file
    python scripts/make_sample_observations.py --check   # exit 1 if the file differs

The output is deterministic: fixed document properties and fixed ZIP timestamps, so
the same script always gives the same bytes (a test compares them).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx

from litigate._files import write_atomic

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "examples" / "custody-ill-treatment" / "government-observations.docx"

#: The fixed moment recorded in the document properties and the ZIP entries.
FIXED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)

TITLE = "Observations of the Government of the Republic of Azerbaijan"
PREAMBLE = (
    "Application no. 38215/25, Gasimzade v. Azerbaijan",
    "Baku, 2 March 2026",
)

#: (heading, paragraphs); paragraphs are numbered 1., 2. … across the document.
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "I. The facts",
        (
            (
                "The applicant was taken to Police Station No. 21 of the Nasimi District Police "
                "Department on 17 January 2025 for disobeying a lawful order of police officers."
            ),
            "He was released on 18 January 2025. No force was used against him.",
            (
                "On 21 February 2025 the Nasimi District Prosecutor's Office refused to institute "
                "criminal proceedings, finding no evidence of ill-treatment."
            ),
            (
                "The Nasimi District Court dismissed the applicant's complaint on 2 April 2025, and "
                "the Baku Court of Appeal upheld that decision on 14 May 2025."
            ),
        ),
    ),
    (
        "II. Non-exhaustion of domestic remedies",
        (
            (
                "The applicant did not bring a civil claim for compensation under Article 1100 of "
                "the Civil Code."
            ),
            "Such a claim was an effective remedy capable of providing redress.",
        ),
    ),
    (
        "III. Failure to comply with the four-month time limit",
        (
            (
                "The final decision in the applicant's case was the decision of the Nasimi District "
                "Court of 2 April 2025, as the appeal to the Baku Court of Appeal was not an "
                "effective remedy."
            ),
            (
                "The four-month period therefore expired on 2 August 2025, and the application, "
                "lodged on 12 September 2025, is out of time."
            ),
        ),
    ),
    (
        "IV. The application is manifestly ill-founded",
        (
            (
                "The applicant's allegations are not supported by any evidence beyond reasonable "
                "doubt."
            ),
        ),
    ),
    (
        "V. Alleged violation of Article 3 of the Convention",
        (
            (
                "The injuries recorded in the medical certificate may have been sustained before "
                "the applicant was taken to the police station."
            ),
            (
                "The prosecutor's inquiry was prompt and thorough: the officers and two witnesses "
                "were questioned."
            ),
        ),
    ),
    (
        "VI. Alleged violation of Article 13 of the Convention",
        ("The applicant had effective remedies at his disposal, as shown in paragraph 5.",),
    ),
    (
        "VII. Just satisfaction",
        ("The applicant's claims are excessive and unsubstantiated.",),
    ),
    (
        "VIII. Conclusion",
        (
            (
                "The Government invite the Court to declare the application inadmissible or, "
                "alternatively, to find no violation of the Convention."
            ),
        ),
    ),
)


def build() -> bytes:
    """The observations as DOCX bytes, the same bytes on every run.

    Returns:
        The DOCX package.
    """
    document = docx.Document()
    properties = document.core_properties
    properties.author = "litigate example"
    properties.last_modified_by = "litigate example"
    properties.title = TITLE
    properties.revision = 1
    properties.created = FIXED.replace(tzinfo=None)
    properties.modified = FIXED.replace(tzinfo=None)
    document.add_paragraph(TITLE, style="Title")
    for line in PREAMBLE:
        document.add_paragraph(line)
    number = 0
    for heading, paragraphs in PARTS:
        document.add_heading(heading, level=1)
        for text in paragraphs:
            number += 1
            document.add_paragraph(f"{number}. {text}")
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(package: bytes) -> bytes:
    """The same package with every entry dated ``FIXED``, in the same order."""
    out = io.BytesIO()
    stamp = (FIXED.year, FIXED.month, FIXED.day, FIXED.hour, FIXED.minute, FIXED.second)
    with (
        zipfile.ZipFile(io.BytesIO(package)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def main(argv: list[str] | None = None) -> int:
    """Write the file, or with ``--check`` compare it.

    Args:
        argv: The command-line arguments (default ``sys.argv[1:]``).

    Returns:
        0 when written or up to date, 1 when ``--check`` finds a difference.
    """
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    data = build()
    if args.check:
        if not TARGET.is_file() or TARGET.read_bytes() != data:
            print(
                f"{TARGET.relative_to(ROOT)} is stale: run python scripts/make_sample_observations.py"
            )
            return 1
        return 0
    write_atomic(TARGET, data, overwrite=True)
    print(f"wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
