"""Realistic fictional observations of Azerbaijan in *Mammadova v. Azerbaijan* in three layouts.

Five objections (non-exhaustion, time limit, victim status, ratione personae,
manifestly ill-founded), four articles on the merits (5 § 1, 6 § 1, 10, 11), just
satisfaction and a conclusion, 30 numbered paragraphs, written three ways:

* ``auto``: Word headings and Word's automatic paragraph numbering (no typed number);
* ``typed``: no heading style at all, typed headings ("II. ADMISSIBILITY", "A. …"),
  typed paragraph numbers, a letterhead in capitals;
* ``titled``: a title page (letterhead, title, application number), a table of
  contents with dot leaders, Word headings with typed paragraph numbers, and an
  agent's signature block.

The Government's facts contain three errors the reply must list: § 1 gives the
application number as 4172/24 (the case file: 4127/24); § 5 gives the appeal decision
as 20 July 2023 (20 June 2023); § 11 says the cassation decision was served on
12 September 2023 (served on the representative on 9 October 2023).
"""

from __future__ import annotations

import io

import docx

from tests.docx_factory import Item, build_docx

LAYOUTS = ("auto", "typed", "titled")

#: (level, heading, paragraphs); level 1 is a part, level 2 an objection or an article.
PARTS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "The facts",
        (
            "The applicant lodged her application (no. 4172/24) with the Court on 5 February 2024.",
            "On 14 February 2023 the applicant was arrested at a press conference in Baku.",
            "On 10 March 2023 the Baku Administrative Offences Court ordered her administrative detention for ten days.",
            "The applicant appealed against that decision.",
            "The Baku Court of Appeal dismissed the appeal on 20 July 2023.",
            "The Supreme Court dismissed her cassation appeal on 12 September 2023.",
        ),
    ),
    (1, "Admissibility", ("The Government raise five preliminary objections.",)),
    (
        2,
        "Non-exhaustion of domestic remedies",
        (
            "The applicant did not bring a claim for compensation under Article 1100 of the Civil Code.",
            "That claim was accessible and capable of providing redress.",
            "The applicant did not apply to the Constitutional Court either.",
        ),
    ),
    (
        2,
        "Failure to comply with the four-month time limit",
        (
            "The final decision, the decision of the Supreme Court of 12 September 2023, was served on the applicant on 12 September 2023.",
            "The four-month period therefore expired on 12 January 2024.",
            "The application, lodged on 5 February 2024, is out of time.",
        ),
    ),
    (
        2,
        "Lack of victim status",
        (
            "The applicant was released after ten days.",
            "She can no longer claim to be a victim.",
        ),
    ),
    (
        2,
        "Incompatibility ratione personae",
        (
            "The press conference was dispersed by private security guards.",
            "Their acts are not imputable to the State.",
        ),
    ),
    (
        2,
        "The application is manifestly ill-founded",
        (
            "The applicant's allegations are not supported by evidence.",
            "The domestic courts examined every argument she raised.",
        ),
    ),
    (1, "Merits", ()),
    (
        2,
        "Alleged violation of Article 5 § 1 of the Convention",
        (
            "The detention was ordered by a court in accordance with the Code of Administrative Offences.",
            "It was lawful and not arbitrary.",
            "It falls within Article 5 § 1 (a) of the Convention.",
        ),
    ),
    (
        2,
        "Alleged violation of Article 6 § 1 of the Convention",
        (
            "The proceedings were fair.",
            "The courts were entitled to refuse to hear irrelevant witnesses.",
        ),
    ),
    (
        2,
        "Alleged violation of Article 10 of the Convention",
        (
            "The applicant was not punished for her journalism.",
            "Any interference was necessary in a democratic society.",
        ),
    ),
    (
        2,
        "Alleged violation of Article 11 of the Convention",
        (
            "The gathering was not authorised.",
            "Its dispersal was proportionate.",
        ),
    ),
    (1, "Just satisfaction", ("The applicant's claims are excessive.",)),
    (
        1,
        "Conclusion",
        ("The Government invite the Court to declare the application inadmissible.",),
    ),
)

LETTERHEAD = "EUROPEAN COURT OF HUMAN RIGHTS"
TITLE = "Observations of the Government of the Republic of Azerbaijan"
SIGNATURE = "AGENT OF THE REPUBLIC OF AZERBAIJAN BEFORE THE EUROPEAN COURT OF HUMAN RIGHTS"
PARAGRAPHS = sum(len(p) for _, _, p in PARTS)

_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")


def _numbered_headings() -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    part = sub = 0
    for level, heading, _ in PARTS:
        if level == 1:
            part, sub = part + 1, 0
            out.append((1, f"{_ROMAN[part - 1]}. {heading}"))
        else:
            sub += 1
            out.append((2, f"{'ABCDEFGH'[sub - 1]}. {heading}"))
    return out


def auto_docx() -> bytes:
    """Word headings and automatic numbering."""
    items = [Item("plain", LETTERHEAD), Item("title", TITLE)]
    for level, heading, paragraphs in PARTS:
        items.append(Item(f"h{level}", heading))
        items.extend(Item("para", text) for text in paragraphs)
    items.append(Item("plain", "Agent of the Republic of Azerbaijan"))
    return build_docx(items)


def typed_docx() -> bytes:
    """No heading style: typed headings (capitals for parts) and typed numbers."""
    document = docx.Document()
    document.add_paragraph(LETTERHEAD)
    document.add_paragraph("Application no. 4127/24, Mammadova v. Azerbaijan")
    number = 0
    for (level, heading), (_, _, paragraphs) in zip(_numbered_headings(), PARTS, strict=True):
        document.add_paragraph(heading.upper() if level == 1 else heading)
        for text in paragraphs:
            number += 1
            document.add_paragraph(f"{number}. {text}")
    document.add_paragraph(SIGNATURE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def titled_docx() -> bytes:
    """A title page and a table of contents, Word headings, typed numbers, a signature block."""
    document = docx.Document()
    document.add_paragraph(LETTERHEAD)
    document.add_heading(TITLE, level=1)
    document.add_paragraph("APPLICATION No. 4127/24")
    document.add_paragraph("Mammadova v. Azerbaijan")
    document.add_heading("TABLE OF CONTENTS", level=1)
    for page, (_, heading) in enumerate(_numbered_headings(), start=2):
        document.add_paragraph(f"{heading} {'.' * 20} {page}")
    number = 0
    for (level, heading), (_, _, paragraphs) in zip(_numbered_headings(), PARTS, strict=True):
        document.add_heading(heading, level=level)
        for text in paragraphs:
            number += 1
            document.add_paragraph(f"{number}. {text}")
    document.add_paragraph(SIGNATURE)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def layout_docx(layout: str) -> bytes:
    """The observations in ``layout`` (one of :data:`LAYOUTS`)."""
    return {"auto": auto_docx, "typed": typed_docx, "titled": titled_docx}[layout]()
