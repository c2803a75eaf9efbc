"""Build litigate's DOCX templates from Python source, deterministically.

The templates are code: this script is the source, ``templates/<forum>/<name>.<locale>.docx``
and ``templates/manifest.toml`` are its output.  ``tests/test_templates.py`` rebuilds
them in a temporary folder and fails if the committed files differ by a single byte.

Every template follows the Court's Practice Direction on written pleadings: A4,
3.5 cm margins, 12 pt body, 10 pt footnotes, 1.5 line spacing, paragraphs numbered
with Word's automatic numbering, pages numbered in the footer; the application
number and the case name (when known) in the header.

Template tags follow docxtpl: ``{{ expr }}`` inline, ``{%p … %}`` alone in its
paragraph, ``{%tr … %}`` in a table row.  Each tag is written in a single run, and
each ``{%p %}`` tag in a paragraph of its own.  Templates use only context values
built by :func:`litigate.drafts.context.build_context` (plus the ``reply`` value that
``ecthr/observations-reply`` is rendered with) and no custom filter, and guard every
optional value with ``{% if %}`` (rendering is strict).

Usage::

    python scripts/build_templates.py            # writes into ./templates
    python scripts/build_templates.py --out DIR  # writes elsewhere (tests)
"""

from __future__ import annotations

import argparse
import importlib.util
import io
import re
import sys
import zipfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from litigate.drafts.reply import REVIEW_MARKER

ROOT = Path(__file__).resolve().parent.parent
FIXED_TIME = datetime(2026, 1, 1, 0, 0, 0)  # noqa: DTZ001 - a constant, never "now"
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
FONT = "Times New Roman"
NUMBERED_STYLE = "Numbered Paragraph"
NUM_ID = 101
ABSTRACT_NUM_ID = 100
LANGUAGE_TAGS = {"en": "en-GB", "fr": "fr-FR", "ru": "ru-RU"}

# --------------------------------------------------------------------------------------
# Document scaffolding: page, styles, numbering, header and footer
# --------------------------------------------------------------------------------------

Doc = Any  # python-docx's Document object (untyped library)


def _set_fonts(rpr_owner: Any, size: float, *, bold: bool | None = None) -> None:
    """Set an explicit font on a style (dropping theme fonts, which would win)."""
    font = rpr_owner.font
    font.name = FONT
    font.size = Pt(size)
    if bold is not None:
        font.bold = bold
    rpr = rpr_owner.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:  # pragma: no cover - font.name always adds it
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    size_cs = rpr.find(qn("w:szCs"))
    if size_cs is None:
        size_cs = rpr.makeelement(qn("w:szCs"), {})
        rpr.find(qn("w:sz")).addnext(size_cs)
    size_cs.set(qn("w:val"), str(round(size * 2)))


def _as_builtin(style: Any, name: str) -> None:
    """Give an added style Word's built-in name, so Word uses it (e.g. for footnotes)."""
    style.element.name_val = name
    style.element.attrib.pop(qn("w:customStyle"), None)


def _setup_styles(doc: Doc, locale: str) -> None:
    styles = doc.styles
    normal = styles["Normal"]
    _set_fonts(normal, 12)
    fmt = normal.paragraph_format
    fmt.line_spacing = 1.5
    fmt.space_after = Pt(6)
    fmt.space_before = Pt(0)
    rpr = normal.element.get_or_add_rPr()
    lang = rpr.makeelement(qn("w:lang"), {qn("w:val"): LANGUAGE_TAGS[locale]})
    rpr.append(lang)

    for level, size, italic in ((1, 14, False), (2, 13, False), (3, 12, True)):
        style = styles[f"Heading {level}"]
        _set_fonts(style, size, bold=True)
        style.font.italic = italic
        color = style.element.rPr.find(qn("w:color"))
        if color is not None:
            style.element.rPr.remove(color)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.space_after = Pt(6)
        style.paragraph_format.keep_with_next = True

    title = styles["Title"]
    _set_fonts(title, 16, bold=True)
    title_rpr = title.element.rPr
    for tag in ("w:color", "w:spacing", "w:kern"):
        found = title_rpr.find(qn(tag))
        if found is not None:
            title_rpr.remove(found)
    title_ppr = title.element.get_or_add_pPr()
    border = title_ppr.find(qn("w:pBdr"))
    if border is not None:
        title_ppr.remove(border)
    title.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    numbered = styles.add_style(NUMBERED_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    numbered.base_style = normal
    numbered.quick_style = True
    numbered.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    ppr = numbered.element.get_or_add_pPr()
    ppr.insert(
        0,
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{NUM_ID}"/></w:numPr>'
        ),
    )

    footnote = styles.add_style("Footnote Text", WD_STYLE_TYPE.PARAGRAPH)
    footnote.base_style = normal
    _set_fonts(footnote, 10)
    footnote.paragraph_format.line_spacing = 1.0
    footnote.paragraph_format.space_after = Pt(0)
    _as_builtin(footnote, "footnote text")
    reference = styles.add_style("Footnote Reference", WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True
    _as_builtin(reference, "footnote reference")

    label = styles.add_style("Field Label", WD_STYLE_TYPE.CHARACTER)
    label.font.bold = True

    for name in ("Header", "Footer", "List Bullet"):
        _set_fonts(styles[name], 10 if name != "List Bullet" else 12)


def _setup_numbering(doc: Doc) -> None:
    """Add one decimal list ("1.", "2." …) for the numbered paragraphs of the document."""
    numbering = doc.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ABSTRACT_NUM_ID}">'
        '<w:nsid w:val="4C495447"/>'
        '<w:multiLevelType w:val="singleLevel"/>'
        '<w:tmpl w:val="4C495401"/>'
        f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
        f'<w:pStyle w:val="{NUMBERED_STYLE.replace(" ", "")}"/>'
        '<w:lvlText w:val="%1."/><w:lvlJc w:val="left"/>'
        '<w:pPr><w:ind w:left="567" w:hanging="567"/></w:pPr></w:lvl>'
        "</w:abstractNum>"
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is None:
        numbering.append(abstract)
    else:
        first_num.addprevious(abstract)
    num = parse_xml(
        f'<w:num {nsdecls("w")} w:numId="{NUM_ID}">'
        f'<w:abstractNumId w:val="{ABSTRACT_NUM_ID}"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>'
        "</w:num>"
    )
    numbering.append(num)


def _page_field(paragraph: Any) -> None:
    """Append a PAGE field (Word computes the page number)."""
    w = nsdecls("w")
    pieces = (
        f'<w:fldChar {w} w:fldCharType="begin"/>',
        f'<w:instrText {w} xml:space="preserve"> PAGE </w:instrText>',
        f'<w:fldChar {w} w:fldCharType="separate"/>',
        f"<w:t {w}>1</w:t>",
        f'<w:fldChar {w} w:fldCharType="end"/>',
    )
    for piece in pieces:
        run = paragraph.add_run()
        run.element.append(parse_xml(piece))


def _new_document(locale: str, header: str, title: str) -> Doc:
    doc = Document()
    section = doc.sections[0]
    section.page_width = Cm(21)
    section.page_height = Cm(29.7)
    section.left_margin = Cm(3.5)
    section.right_margin = Cm(3.5)
    section.top_margin = Cm(2.5)
    section.bottom_margin = Cm(2.5)
    section.header_distance = Cm(1.25)
    section.footer_distance = Cm(1.25)
    _setup_styles(doc, locale)
    _setup_numbering(doc)
    head = section.header.paragraphs[0]
    head.style = doc.styles["Header"]
    head.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    head.add_run(header)
    foot = section.footer.paragraphs[0]
    foot.style = doc.styles["Footer"]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _page_field(foot)
    props = doc.core_properties
    props.title = title
    props.author = "litigate"
    props.last_modified_by = "litigate"
    props.language = LANGUAGE_TAGS[locale]
    props.created = FIXED_TIME
    props.modified = FIXED_TIME
    props.revision = 1
    props.comments = "Generated by scripts/build_templates.py; do not edit by hand."
    return doc


# --------------------------------------------------------------------------------------
# Writing helpers: every tag in one run; every {%p %} tag in its own paragraph
# --------------------------------------------------------------------------------------


class Writer:
    """Appends paragraphs to a template."""

    def __init__(self, doc: Doc, locale: str) -> None:
        self.doc = doc
        # French typography: a (non-breaking) space before the colon.
        self.colon = "\u00a0: " if locale == "fr" else ": "

    def tag(self, statement: str) -> None:
        """A ``{%p statement %}`` paragraph (removed when rendered)."""
        self.doc.add_paragraph(f"{{%p {statement} %}}", style="Normal")

    def heading(self, text: str, level: int) -> None:
        """A Word heading (Heading 1–3)."""
        self.doc.add_heading(text, level=level)

    def title(self, text: str) -> None:
        """The document title."""
        self.doc.add_paragraph(text, style="Title")

    def para(self, text: str, *, style: str = "Normal", bold: bool = False) -> None:
        """A plain paragraph."""
        paragraph = self.doc.add_paragraph(style=style)
        run = paragraph.add_run(text)
        if bold:
            run.bold = True

    def numbered(self, text: str) -> None:
        """A numbered paragraph (Word automatic numbering)."""
        self.doc.add_paragraph(text, style=NUMBERED_STYLE)

    def bullet(self, text: str) -> None:
        """A bulleted list item."""
        self.doc.add_paragraph(text, style="List Bullet")

    def field(self, label: str, value: str) -> None:
        """``label: value`` with the label in bold."""
        paragraph = self.doc.add_paragraph(style="Normal")
        paragraph.add_run(f"{label}{self.colon}", style="Field Label")
        paragraph.add_run(value)

    def optional_field(self, label: str, expr: str) -> None:
        """A field printed only when ``expr`` is known."""
        self.tag(f"if {expr}")
        self.field(label, f"{{{{ {expr} }}}}")
        self.tag("endif")

    def table(self, headers: Sequence[str], loop: str, cells: Sequence[str]) -> None:
        """A table with a header row and one row per item (``{%tr for %}``)."""
        table = self.doc.add_table(rows=4, cols=len(headers))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for cell, text in zip(table.rows[0].cells, headers, strict=True):
            cell.paragraphs[0].add_run(text).bold = True
        table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr {loop} %}}")
        for cell, text in zip(table.rows[2].cells, cells, strict=True):
            cell.paragraphs[0].add_run(text)
        table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
        # A paragraph after a table keeps Word from merging it with what follows.
        self.doc.add_paragraph(style="Normal")

    def signature_line(self) -> None:
        """A line to sign on."""
        self.para("_______________________________")

    def signed(self, date_line: str, representative_label: str) -> None:
        """Place and date, a signature line, then the first representative or the signatory.

        The representative's name is followed by ``representative_label``; without a
        representative, the signatory's name is printed if known.
        """
        self.para(date_line)
        self.signature_line()
        self.tag("if representatives")
        self.para("{{ representatives[0].name }}", bold=True)
        self.para(representative_label)
        self.tag("elif signatory")
        self.para("{{ signatory }}", bold=True)
        self.tag("endif")


# --------------------------------------------------------------------------------------
# Fixed text per language (no English in the French templates)
# --------------------------------------------------------------------------------------

TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "header": "{% if case.application_no %}Application no. {{ case.application_no }}"
        "{% if case.title %} – {% endif %}{% endif %}{% if case.title %}{{ case.title }}"
        "{% endif %}",
        "app_title": "Application under Article 34 of the European Convention on Human "
        "Rights and Rules 45 and 47 of the Rules of Court",
        "A": "A. The applicant(s)",
        "applicant_n": "Applicant {{ a.number }}",
        "surname": "Surname and first name(s)",
        "dob": "Date of birth",
        "pob": "Place of birth",
        "nationality": "Nationality",
        "address": "Address",
        "phone": "Telephone",
        "email": "E-mail",
        "sex": "Sex",
        "occupation": "Occupation",
        "detained": "Place of detention",
        "org_name": "Name",
        "registered_on": "Date of registration or incorporation",
        "registration_no": "Registration number",
        "anonymity": "Request for anonymity (Rule 47 § 4 of the Rules of Court)",
        "anonymity_text": "{{ a.name }} asks the Court not to disclose his or her identity "
        "to the public.",
        "reasons": "Reasons",
        "B": "B. State(s) against which the application is directed",
        "CD": "C.–D. Representative(s) of the applicant(s)",
        "rep_n": "Representative {{ r.number }}",
        "name": "Surname and first name(s)",
        "capacity": "Capacity",
        "organisation": "Law firm or organisation",
        "bar_no": "Bar or licence number",
        "no_rep": "The applicant(s) is (are) not represented.",
        "authority": "Authority",
        "authority_text": "I hereby authorise the person indicated above to represent me "
        "in the proceedings before the European Court of Human Rights concerning my "
        "application lodged under Article 34 of the Convention.",
        "authority_rep": "I hereby agree to represent the applicant(s) in the proceedings "
        "before the European Court of Human Rights concerning the application lodged "
        "under Article 34 of the Convention.",
        "signed_on": "Date of signature of the authority",
        "sig_applicant": "Signature of the applicant(s)",
        "sig_rep": "Signature of the representative(s)",
        "E": "E. Statement of the facts",
        "no_facts": "[The statement of the facts is to be completed.]",
        "F": "F. Statement of alleged violation(s) of the Convention and/or Protocols and "
        "relevant arguments",
        "complaint_heading": "{{ c.heading }} – {{ c.title }}"
        "{% if c.label %} ({{ c.label }}){% endif %}",
        "G": "G. Compliance with admissibility criteria laid down in Article 35 § 1 of the "
        "Convention",
        "exhaustion": "Exhaustion of domestic remedies",
        "decisions_intro": "The applicant exhausted the domestic remedies available in "
        "respect of this complaint. The following decisions were given:",
        "decision_line": "{{ d.court }}{% if d.taken_on %}, decision of {{ d.taken_on }}"
        "{% endif %}{% if d.reference %} ({{ d.reference }}){% endif %}"
        "{% if d.outcome %}: {{ d.outcome }}{% endif %}.",
        "no_decisions": "No domestic decision is recorded for this complaint.",
        "time_limit": "Time limit",
        "H": "H. Information concerning other international procedures",
        "procedure_line": "{{ p.body }}{% if p.reference %}, {{ p.reference }}{% endif %}"
        "{% if p.lodged_on %}, lodged on {{ p.lodged_on }}{% endif %}"
        "{% if p.status %} ({{ p.status }}){% endif %}"
        "{% if p.concluded_on %}, concluded on {{ p.concluded_on }}{% endif %}"
        "{% if p.outcome %}: {{ p.outcome }}{% endif %}.",
        "no_procedures": "The applicant(s) has (have) not submitted the above complaints to "
        "any other procedure of international investigation or settlement.",
        "I": "I. List of accompanying documents",
        "documents_intro": "Copies of the following documents are enclosed, in "
        "chronological order:",
        "doc_no": "No.",
        "doc_title": "Document",
        "doc_date": "Date",
        "doc_pages": "Pages",
        "declaration": "Declaration and signature",
        "declaration_text": "I hereby declare that, to the best of my knowledge and belief, "
        "the information I have given in the present application form is correct.",
        "place": "Place",
        "date": "Date",
        "signature": "Signature of the applicant(s) or of the representative(s)",
        "signatory": "Name of the signatory",
        # Cover letter
        "letter_title": "Cover letter",
        "registry": "The Registrar",
        "court": "European Court of Human Rights",
        "council": "Council of Europe",
        "city": "67075 Strasbourg cedex",
        "country": "France",
        "date_line": "{% if place %}{{ place }}, {% endif %}{{ date }}",
        "re": "Re: {% if case.title %}{{ case.title }}{% else %}{{ applicant_names }} "
        "v. {{ respondent_names }}{% endif %}{% if case.application_no %}, application "
        "no. {{ case.application_no }}{% endif %}",
        "salutation": "Dear Sir or Madam,",
        "lodging": "On behalf of {{ applicant_names }}, I hereby lodge an application under "
        "Article 34 of the European Convention on Human Rights against "
        "{{ respondent_names }}.",
        "complaints_intro": "The application concerns the following complaints:",
        "complaint_line": "{{ c.heading }} – {{ c.title }}.",
        "enclosed": "The signed application form is enclosed, together with copies of the "
        "{{ documents|length }} documents listed in section I of the form.",
        "letter_anonymity": "The applicant(s) request(s) anonymity under Rule 47 § 4 of the "
        "Rules of Court; the reasons are set out in the application form.",
        "correspondence": "Please send all correspondence concerning this application to "
        "the representative at the address given below.",
        "closing": "Yours faithfully,",
        # Observations in reply
        "reply_title": "Observations of the applicant in reply to the Government's "
        "observations on the admissibility and merits",
        "reply_application": "Application no. {{ case.application_no }}",
        "reply_intro": "{{ reply.applicant.Applicant }}, {{ applicant_names }}, submit{{ reply.applicant.s }} the following "
        "observations in reply to the observations of the respondent Government "
        "({{ respondent_names }}) on the admissibility and merits of the application"
        "{% if lodged_on %} lodged on {{ lodged_on }}{% endif %}. The paragraphs of the "
        "Government's observations are cited by their numbers.",
        "reply_body": "Reply to the Government's observations",
        "review_notes": "Review notes for the lawyer (remove before filing)",
        "sources": "Case-law relied on",
        "conclusion": "Conclusion",
        "conclusion_text": "For these reasons, {{ reply.applicant.applicant }} invite{{ reply.applicant.s }} the Court to declare the "
        "application admissible{% if complaints %} and to find a violation of "
        "{% for c in complaints %}{% if c.heading not in complaints[:loop.index0]"
        "|map(attribute='heading')|list %}{% if not loop.first %} and of {% endif %}"
        "{{ c.citation }}{% for j in c.in_conjunction_with %}, taken in conjunction with "
        "{{ j }}{% endfor %}{% endif %}{% endfor %}{% endif %}.",
        "representative": "Representative of the applicant",
        # Claims for just satisfaction (ecthr/just-satisfaction and the reply)
        "js_part": "Claims for just satisfaction",
        "js_reply_intro": "In accordance with Rule 60 of the Rules of Court, the applicant "
        "submits the following itemised claims for just satisfaction under Article 41 of "
        "the Convention, with the supporting documents listed at the end of this part.",
        "js_head": "{{ h.letter }}. {{ h.title }}",
        "js_claimed": "Amount claimed",
        "js_fee_lawyer": "Lawyer",
        "js_fee_work": "Work done",
        "js_fee_hours": "Hours",
        "js_fee_rate": "Hourly rate",
        "js_fee_amount": "Amount",
        "js_fees": "Lawyers' fees",
        "js_expenses": "Expenses other than fees",
        "js_by_lawyer": "Fees by lawyer under this head",
        "js_lawyer_line": "{{ lawyer.name }}: {{ lawyer.hours }} hours, {{ lawyer.amount }}",
        "js_supporting": "Supporting documents",
        "js_subtotal": "Subtotal",
        "js_summary": "Summary of the claims",
        "js_head_column": "Head of claim",
        "js_total": "Total",
        "js_total_text": "In total, the applicant claims {{ just_satisfaction.total }}, plus "
        "any tax that may be chargeable on these amounts.",
        "js_bank": "The applicant asks that any sum awarded in respect of costs and expenses "
        "be paid directly into the following bank account: "
        "{{ just_satisfaction.bank_account }}.",
        "js_documents": "List of supporting documents",
    },
    "fr": {
        "header": "{% if case.application_no %}Requête no {{ case.application_no }}"
        "{% if case.title %} – {% endif %}{% endif %}{% if case.title %}{{ case.title }}"
        "{% endif %}",
        "app_title": "Requête en vertu de l'article 34 de la Convention européenne des "
        "droits de l'homme et des articles 45 et 47 du règlement de la Cour",
        "A": "A. Le (les) requérant(s)",
        "applicant_n": "Requérant no {{ a.number }}",
        "surname": "Nom et prénom(s)",
        "dob": "Date de naissance",
        "pob": "Lieu de naissance",
        "nationality": "Nationalité",
        "address": "Adresse",
        "phone": "Téléphone",
        "email": "Courriel",
        "sex": "Sexe",
        "occupation": "Profession",
        "detained": "Lieu de détention",
        "org_name": "Dénomination",
        "registered_on": "Date de constitution ou d'enregistrement",
        "registration_no": "Numéro d'enregistrement",
        "anonymity": "Demande d'anonymat (article 47 § 4 du règlement de la Cour)",
        "anonymity_text": "{{ a.name }} demande à la Cour de ne pas divulguer son identité "
        "au public.",
        "reasons": "Motifs",
        "B": "B. État(s) contre le(s)quel(s) la requête est dirigée",
        "CD": "C.–D. Représentant(s) du (des) requérant(s)",
        "rep_n": "Représentant no {{ r.number }}",
        "name": "Nom et prénom(s)",
        "capacity": "Qualité",
        "organisation": "Cabinet ou organisation",
        "bar_no": "Numéro d'inscription au barreau",
        "no_rep": "Le (les) requérant(s) n'est (ne sont) pas représenté(s).",
        "authority": "Pouvoir",
        "authority_text": "Je soussigné(e) autorise la personne indiquée ci-dessus à me "
        "représenter dans la procédure devant la Cour européenne des droits de l'homme "
        "concernant ma requête introduite en vertu de l'article 34 de la Convention.",
        "authority_rep": "J'accepte de représenter le (les) requérant(s) dans la procédure "
        "devant la Cour européenne des droits de l'homme concernant la requête introduite "
        "en vertu de l'article 34 de la Convention.",
        "signed_on": "Date de signature du pouvoir",
        "sig_applicant": "Signature du (des) requérant(s)",
        "sig_rep": "Signature du (des) représentant(s)",
        "E": "E. Exposé des faits",
        "no_facts": "[L'exposé des faits reste à rédiger.]",
        "F": "F. Exposé de la ou des violation(s) alléguée(s) de la Convention et/ou des "
        "Protocoles et des arguments pertinents",
        "complaint_heading": "{{ c.heading }} – {{ c.title }}"
        "{% if c.label %} ({{ c.label }}){% endif %}",
        "G": "G. Respect des critères de recevabilité énoncés à l'article 35 § 1 de la Convention",
        "exhaustion": "Épuisement des voies de recours internes",
        "decisions_intro": "Le requérant a épuisé les voies de recours internes disponibles "
        "pour ce grief. Les décisions suivantes ont été rendues :",
        "decision_line": "{{ d.court }}{% if d.taken_on %}, décision du {{ d.taken_on }}"
        "{% endif %}{% if d.reference %} ({{ d.reference }}){% endif %}"
        "{% if d.outcome %} : {{ d.outcome }}{% endif %}.",
        "no_decisions": "Aucune décision interne n'est enregistrée pour ce grief.",
        "time_limit": "Délai",
        "H": "H. Informations concernant d'autres instances internationales",
        "procedure_line": "{{ p.body }}{% if p.reference %}, {{ p.reference }}{% endif %}"
        "{% if p.lodged_on %}, saisie le {{ p.lodged_on }}{% endif %}"
        "{% if p.status %} ({{ p.status }}){% endif %}"
        "{% if p.concluded_on %}, close le {{ p.concluded_on }}{% endif %}"
        "{% if p.outcome %} : {{ p.outcome }}{% endif %}.",
        "no_procedures": "Le (les) requérant(s) n'a (n'ont) soumis les griefs ci-dessus à "
        "aucune autre instance internationale d'enquête ou de règlement.",
        "I": "I. Liste des documents joints",
        "documents_intro": "Sont joints les documents suivants, en copie, dans l'ordre "
        "chronologique :",
        "doc_no": "No",
        "doc_title": "Document",
        "doc_date": "Date",
        "doc_pages": "Pages",
        "declaration": "Déclaration et signature",
        "declaration_text": "Je déclare en toute conscience et loyauté que les "
        "renseignements qui figurent sur le présent formulaire de requête sont exacts.",
        "place": "Lieu",
        "date": "Date",
        "signature": "Signature du (des) requérant(s) ou du (des) représentant(s)",
        "signatory": "Nom du signataire",
        # Cover letter
        "letter_title": "Lettre d'accompagnement",
        "registry": "Monsieur le Greffier",
        "court": "Cour européenne des droits de l'homme",
        "council": "Conseil de l'Europe",
        "city": "67075 Strasbourg cedex",
        "country": "France",
        "date_line": "{% if place %}{{ place }}, le {% else %}Le {% endif %}{{ date }}",
        "re": "Objet : {% if case.title %}{{ case.title }}{% else %}{{ applicant_names }} "
        "c. {{ respondent_names }}{% endif %}{% if case.application_no %}, requête "
        "no {{ case.application_no }}{% endif %}",
        "salutation": "Madame, Monsieur,",
        "lodging": "Au nom de {{ applicant_names }}, j'ai l'honneur d'introduire une requête "
        "en vertu de l'article 34 de la Convention européenne des droits de l'homme "
        "contre l'État suivant : {{ respondent_names }}.",
        "complaints_intro": "La requête porte sur les griefs suivants :",
        "complaint_line": "{{ c.heading }} – {{ c.title }}.",
        "enclosed": "Vous trouverez ci-joint le formulaire de requête signé, accompagné de "
        "la copie des {{ documents|length }} documents énumérés à la section I du "
        "formulaire.",
        "letter_anonymity": "Le (les) requérant(s) demande(nt) l'anonymat en vertu de "
        "l'article 47 § 4 du règlement de la Cour ; les motifs figurent dans le "
        "formulaire de requête.",
        "correspondence": "Je vous prie d'adresser toute correspondance relative à cette "
        "requête au représentant, à l'adresse indiquée ci-dessous.",
        "closing": "Je vous prie d'agréer, Madame, Monsieur, l'expression de ma haute "
        "considération.",
        # Observations en réponse
        "reply_title": "Observations du requérant en réponse aux observations du "
        "Gouvernement sur la recevabilité et le fond",
        "reply_application": "Requête no {{ case.application_no }}",
        "reply_intro": "{{ reply.applicant.Le_requerant }}, {{ applicant_names }}, présente{{ reply.applicant.nt }} les observations "
        "suivantes en réponse aux observations du Gouvernement défendeur "
        "({{ respondent_names }}) sur la recevabilité et le fond de la requête"
        "{% if lodged_on %} introduite le {{ lodged_on }}{% endif %}. Les paragraphes des "
        "observations du Gouvernement sont cités par leur numéro.",
        "reply_body": "Réponse aux observations du Gouvernement",
        "review_notes": "Notes de relecture pour l'avocat (à retirer avant le dépôt)",
        "sources": "Jurisprudence invoquée",
        "conclusion": "Conclusion",
        "conclusion_text": "Par ces motifs, {{ reply.applicant.le_requerant }} invite{{ reply.applicant.nt }} la Cour à déclarer la "
        "requête recevable{% if complaints %} et à constater la violation "
        "{% for c in complaints %}{% if c.heading not in complaints[:loop.index0]"
        "|map(attribute='heading')|list %}{% if not loop.first %} et {% endif %}"
        "de {{ c.citation }}{% for j in c.in_conjunction_with %}, combiné avec "
        "{{ j }}{% endfor %}{% endif %}{% endfor %}{% endif %}.",
        "representative": "Représentant du requérant",
        # Demandes de satisfaction équitable
        "js_part": "Demandes de satisfaction équitable",
        "js_reply_intro": "Conformément à l'article 60 du règlement de la Cour, le requérant "
        "présente ci-dessous ses prétentions chiffrées et ventilées au titre de la "
        "satisfaction équitable (article 41 de la Convention), accompagnées des pièces "
        "justificatives énumérées à la fin de la présente partie.",
        "js_head": "{{ h.letter }}. {{ h.title }}",
        "js_claimed": "Montant demandé",
        "js_fee_lawyer": "Avocat",
        "js_fee_work": "Travaux effectués",
        "js_fee_hours": "Heures",
        "js_fee_rate": "Taux horaire",
        "js_fee_amount": "Montant",
        "js_fees": "Honoraires d'avocat",
        "js_expenses": "Frais autres que les honoraires",
        "js_by_lawyer": "Honoraires par avocat au titre de ce chef",
        "js_lawyer_line": "{{ lawyer.name }}\u00a0: {{ lawyer.hours }} heures, "
        "{{ lawyer.amount }}",
        "js_supporting": "Pièces justificatives",
        "js_subtotal": "Sous-total",
        "js_summary": "Récapitulatif des demandes",
        "js_head_column": "Chef de demande",
        "js_total": "Total",
        "js_total_text": "Au total, le requérant demande {{ just_satisfaction.total }}, plus "
        "tout montant pouvant être dû à titre d'impôt sur ces sommes.",
        "js_bank": "Le requérant demande que toute somme allouée au titre des frais et dépens "
        "soit versée directement sur le compte bancaire suivant\u00a0: "
        "{{ just_satisfaction.bank_account }}.",
        "js_documents": "Liste des pièces justificatives",
    },
}


# --------------------------------------------------------------------------------------
# The templates
# --------------------------------------------------------------------------------------


def write_sections_efg(w: Writer, x: Mapping[str, str]) -> None:
    """Sections E (facts), F (complaints) and G (Article 35 § 1 per complaint).

    Shared by ``ecthr/application`` and ``ecthr/supplementary-document``, so that the
    supplementary document develops exactly the sections of the form.
    """
    # E. Facts
    w.heading(x["E"], 1)
    w.tag("for paragraph in facts_paragraphs")
    w.numbered("{{ paragraph }}")
    w.tag("endfor")
    w.tag("if not facts_paragraphs")
    w.para(x["no_facts"])
    w.tag("endif")

    # F. Alleged violations
    w.heading(x["F"], 1)
    w.tag("for c in complaints")
    w.heading(x["complaint_heading"], 2)
    w.tag("if c.summary")
    w.numbered("{{ c.summary }}")
    w.tag("endif")
    w.tag("endfor")

    # G. Article 35 § 1, per complaint
    w.heading(x["G"], 1)
    w.tag("for c in complaints")
    w.heading(x["complaint_heading"], 2)
    w.heading(x["exhaustion"], 3)
    w.tag("if c.decisions")
    w.numbered(x["decisions_intro"])
    w.tag("for d in c.decisions")
    w.bullet(x["decision_line"])
    w.tag("endfor")
    w.tag("else")
    w.numbered(x["no_decisions"])
    w.tag("endif")
    w.heading(x["time_limit"], 3)
    w.tag("if c.time_limit")
    w.numbered("{{ c.time_limit }}")
    w.tag("endif")
    w.tag("endfor")


def build_application(locale: str) -> Doc:
    """``ecthr/application``: the official application form's content, parts A to I."""
    x = TEXT[locale]
    doc = _new_document(locale, x["header"], x["app_title"])
    w = Writer(doc, locale)
    w.title(x["app_title"])
    w.tag("if case.title")
    w.para("{{ case.title }}", bold=True)
    w.tag("endif")

    # A. Applicants
    w.heading(x["A"], 1)
    w.tag("for a in applicants")
    w.heading(x["applicant_n"], 2)
    w.tag("if a.is_person")
    w.field(x["surname"], "{{ a.name }}")
    for key, expr in (
        ("dob", "a.date_of_birth"),
        ("pob", "a.place_of_birth"),
        ("nationality", "a.nationality"),
        ("address", "a.address"),
        ("phone", "a.phone"),
        ("email", "a.email"),
        ("sex", "a.sex"),
        ("occupation", "a.occupation"),
        ("detained", "a.detained_at"),
    ):
        w.optional_field(x[key], expr)
    w.tag("else")
    w.field(x["org_name"], "{{ a.name }}")
    for key, expr in (
        ("registered_on", "a.registered_on"),
        ("registration_no", "a.registration_no"),
        ("address", "a.address"),
        ("phone", "a.phone"),
        ("email", "a.email"),
    ):
        w.optional_field(x[key], expr)
    w.tag("endif")
    w.tag("endfor")

    # Anonymity (Rule 47 § 4)
    w.tag("if anonymity_requests")
    w.heading(x["anonymity"], 2)
    w.tag("for a in anonymity_requests")
    w.numbered(x["anonymity_text"])
    w.tag("if a.anonymity_reasons")
    w.field(x["reasons"], "{{ a.anonymity_reasons }}")
    w.tag("endif")
    w.tag("endfor")
    w.tag("endif")

    # B. Respondent States
    w.heading(x["B"], 1)
    w.tag("for r in respondents")
    w.para("{{ r.name }}")
    w.tag("endfor")

    # C.–D. Representatives and authority
    w.heading(x["CD"], 1)
    w.tag("if representatives")
    w.tag("for r in representatives")
    w.heading(x["rep_n"], 2)
    w.field(x["name"], "{{ r.name }}")
    for key, expr in (
        ("capacity", "r.capacity"),
        ("organisation", "r.organisation"),
        ("address", "r.address"),
        ("phone", "r.phone"),
        ("email", "r.email"),
        ("bar_no", "r.bar_no"),
    ):
        w.optional_field(x[key], expr)
    w.tag("endfor")
    w.heading(x["authority"], 2)
    w.para(x["authority_text"])
    w.para(x["sig_applicant"] + w.colon.rstrip())
    w.signature_line()
    w.para(x["authority_rep"])
    w.para(x["sig_rep"] + w.colon.rstrip())
    w.signature_line()
    w.tag("for r in representatives")
    w.optional_field(x["signed_on"] + " ({{ r.name }})", "r.authority_signed_on")
    w.tag("endfor")
    w.tag("else")
    w.para(x["no_rep"])
    w.tag("endif")

    write_sections_efg(w, x)

    # H. Other international procedures
    w.heading(x["H"], 1)
    w.tag("if other_procedures")
    w.tag("for p in other_procedures")
    w.numbered(x["procedure_line"])
    w.tag("endfor")
    w.tag("else")
    w.numbered(x["no_procedures"])
    w.tag("endif")

    # I. Documents
    w.heading(x["I"], 1)
    w.para(x["documents_intro"])
    w.table(
        (x["doc_no"], x["doc_title"], x["doc_date"], x["doc_pages"]),
        "for d in documents",
        (
            "{{ d.number }}",
            "{{ d.title }}{% if d.reference %} ({{ d.reference }}){% endif %}",
            "{% if d.date %}{{ d.date }}{% endif %}",
            "{% if d.pages %}{{ d.pages }}{% endif %}",
        ),
    )

    # Declaration and signature
    w.heading(x["declaration"], 1)
    w.para(x["declaration_text"])
    w.field(x["place"], "{% if place %}{{ place }}{% else %}____________________{% endif %}")
    w.field(x["date"], "{{ date }}")
    w.para(x["signature"] + w.colon.rstrip())
    w.signature_line()
    w.optional_field(x["signatory"], "signatory")
    return doc


def build_cover_letter(locale: str) -> Doc:
    """``ecthr/cover-letter``: the letter lodging the application with the Registry."""
    x = TEXT[locale]
    doc = _new_document(locale, x["header"], x["letter_title"])
    w = Writer(doc, locale)
    w.tag("if representatives")
    w.para("{{ representatives[0].name }}", bold=True)
    w.tag("if representatives[0].organisation")
    w.para("{{ representatives[0].organisation }}")
    w.tag("endif")
    w.tag("if representatives[0].address")
    w.para("{{ representatives[0].address }}")
    w.tag("endif")
    w.tag("if representatives[0].email")
    w.para("{{ representatives[0].email }}")
    w.tag("endif")
    w.tag("endif")
    for key in ("registry", "court", "council", "city", "country"):
        paragraph = doc.add_paragraph(x[key], style="Normal")
        paragraph.paragraph_format.left_indent = Cm(8)
        paragraph.paragraph_format.space_after = Pt(0)
    date_line = doc.add_paragraph(x["date_line"], style="Normal")
    date_line.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    w.para(x["re"], bold=True)
    w.para(x["salutation"])
    w.numbered(x["lodging"])
    w.tag("if complaints")
    w.numbered(x["complaints_intro"])
    w.tag("for c in complaints")
    w.bullet(x["complaint_line"])
    w.tag("endfor")
    w.tag("endif")
    w.numbered(x["enclosed"])
    w.tag("if anonymity_requests")
    w.numbered(x["letter_anonymity"])
    w.tag("endif")
    w.tag("if representatives")
    w.numbered(x["correspondence"])
    w.tag("endif")
    w.para(x["closing"])
    w.signature_line()
    w.tag("if signatory")
    w.para("{{ signatory }}")
    w.tag("endif")
    return doc


def _claims_table(
    doc: Doc,
    headers: Sequence[str],
    loop: str,
    cells: Sequence[str],
    *,
    total: Sequence[str] = (),
    right: Sequence[int] = (),
) -> None:
    """A table of claims: header row (repeated on each page), one row per item, a total row.

    Columns whose index is in ``right`` (amounts, hours) are right-aligned.
    """
    table = doc.add_table(rows=5 if total else 4, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # Repeat the header row on every page (python-docx has no public API for it).
    header_row = table.rows[0]._tr  # noqa: SLF001
    header_row.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    rows = [(0, headers, True), (2, cells, False)]
    if total:
        rows.append((4, total, True))
    for row, texts, bold in rows:
        for column, (cell, text) in enumerate(zip(table.rows[row].cells, texts, strict=True)):
            paragraph = cell.paragraphs[0]
            if text:
                paragraph.add_run(text).bold = bold
            if column in right:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    table.rows[1].cells[0].paragraphs[0].add_run(f"{{%tr {loop} %}}")
    table.rows[3].cells[0].paragraphs[0].add_run("{%tr endfor %}")
    # A paragraph after a table keeps Word from merging it with what follows.
    doc.add_paragraph(style="Normal")


def write_just_satisfaction(doc: Doc, w: Writer, locale: str, *, level: int) -> None:
    """The Article 41 claims (``just_satisfaction``), shared by the claims and the reply.

    One heading per head of claim in the Court's order (``level``), each claim as a
    numbered paragraph with the amount claimed, the lawyers' fees as a table
    (lawyer, work, hours, rate, amount) with their total, the expenses and the
    supporting documents by number; the fees per lawyer and the subtotal of the
    head; a summary table with the grand total; the bank account for costs; the
    notes; the numbered list of supporting documents.
    """
    x = TEXT[locale]
    w.tag("for h in just_satisfaction.heads")
    w.heading(x["js_head"], level)
    w.tag("for c in h.claims")
    w.numbered("{{ c.description }}")
    w.tag("if c.fees")
    _claims_table(
        doc,
        (
            x["js_fee_lawyer"],
            x["js_fee_work"],
            x["js_fee_hours"],
            x["js_fee_rate"],
            x["js_fee_amount"],
        ),
        "for f in c.fees",
        ("{{ f.lawyer }}", "{{ f.work }}", "{{ f.hours }}", "{{ f.rate }}", "{{ f.amount }}"),
        total=(x["js_fees"], "", "", "", "{{ c.fees_total }}"),
        right=(2, 3, 4),
    )
    w.tag("if c.expenses")
    w.field(x["js_expenses"], "{{ c.expenses }}")
    w.tag("endif")
    w.tag("endif")
    w.field(x["js_claimed"], "{{ c.total }}")
    w.tag("if c.documents_ref")
    w.field(x["js_supporting"], "{{ c.documents_ref }}")
    w.tag("endif")
    w.tag("endfor")
    w.tag("if h.lawyers")
    w.para(x["js_by_lawyer"] + w.colon.rstrip())
    w.tag("for lawyer in h.lawyers")
    w.bullet(x["js_lawyer_line"])
    w.tag("endfor")
    w.tag("endif")
    w.field(x["js_subtotal"], "{{ h.subtotal }}")
    w.tag("endfor")

    w.heading(x["js_summary"], level)
    _claims_table(
        doc,
        (x["js_head_column"], x["js_claimed"]),
        "for h in just_satisfaction.heads",
        (x["js_head"], "{{ h.subtotal }}"),
        total=(x["js_total"], "{{ just_satisfaction.total }}"),
        right=(1,),
    )
    w.numbered(x["js_total_text"])
    w.tag("if just_satisfaction.bank_account")
    w.numbered(x["js_bank"])
    w.tag("endif")
    w.tag("for note in just_satisfaction.notes")
    w.numbered("{{ note }}")
    w.tag("endfor")

    w.tag("if just_satisfaction.documents")
    w.heading(x["js_documents"], level)
    _claims_table(
        doc,
        (x["doc_no"], x["doc_title"], x["doc_date"], x["doc_pages"]),
        "for d in just_satisfaction.documents",
        (
            "{{ d.number }}",
            "{{ d.title }}{% if d.reference %} ({{ d.reference }}){% endif %}",
            "{% if d.date %}{{ d.date }}{% endif %}",
            "{% if d.pages %}{{ d.pages }}{% endif %}",
        ),
    )
    w.tag("endif")


def write_reply_sections(w: Writer, *, marker: str, sources_label: str, locale: str) -> None:
    """One part per section of a ``reply`` value: heading, numbered argument, sources.

    Shared by ``ecthr/observations-reply`` and ``un/comments-on-observations``: the
    heading, then one Word-numbered paragraph with the review marker in bold while
    the section needs review, the opening, a line break and the argument, then the
    case law relied on.
    """
    doc = w.doc
    w.tag("for s in reply.sections")
    w.heading("{{ s.heading }}", 2)
    paragraph = doc.add_paragraph(style=NUMBERED_STYLE)
    paragraph.add_run("{% if s.needs_review %}")
    paragraph.add_run(f"{marker} ").bold = True
    paragraph.add_run("{% endif %}")
    opening = paragraph.add_run("{{ s.opening }}")
    opening.add_break()
    paragraph.add_run("{{ s.argument }}")
    w.tag("if s.sources")
    sources = doc.add_paragraph(style="Normal")
    sources.add_run(f"{sources_label}{w.colon}", style="Field Label")
    sources.add_run("{% for source in s.sources %}")
    sources.add_run("{{ source }}")
    separator = " ; " if locale == "fr" else "; "
    sources.add_run(f"{{% if not loop.last %}}{separator}{{% endif %}}")
    sources.add_run("{% endfor %}")
    sources.add_run(".")
    w.tag("endif")
    w.tag("endfor")


def build_observations_reply(locale: str) -> Doc:
    """``ecthr/observations-reply``: the applicant's observations in reply (``reply=``).

    One part per section of :func:`litigate.reply_skeleton` (passed as ``reply``): its
    heading, a numbered paragraph with the opening and the argument (line breaks kept),
    the review marker in bold while the section needs review, and the case law relied on.
    Then, when the case records them, the claims for just satisfaction, written by
    :func:`write_just_satisfaction` as in ``ecthr/just-satisfaction``.
    """
    x = TEXT[locale]
    doc = _new_document(locale, x["header"], x["reply_title"])
    w = Writer(doc, locale)
    w.title(x["reply_title"])
    w.tag("if case.application_no")
    centred = doc.add_paragraph(x["reply_application"], style="Normal")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.tag("endif")
    w.tag("if case.title")
    centred = doc.add_paragraph(style="Normal")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    centred.add_run("{{ case.title }}").bold = True
    w.tag("endif")
    w.numbered(x["reply_intro"])

    w.heading(x["reply_body"], 1)
    write_reply_sections(
        w, marker=REVIEW_MARKER[locale], sources_label=x["sources"], locale=locale
    )

    # The Article 41 claims, when the case records them (Rule 60: with the reply).
    # Heads are Heading 3: Heading 2 is one section of the reply skeleton each.
    w.tag("if just_satisfaction")
    w.heading(x["js_part"], 1)
    w.numbered(x["js_reply_intro"])
    write_just_satisfaction(doc, w, locale, level=3)
    w.tag("endif")

    w.heading(x["conclusion"], 1)
    w.numbered(x["conclusion_text"])
    w.signed(x["date_line"], x["representative"])

    write_review_notes(w, x["review_notes"])
    return doc


def write_review_notes(w: Writer, heading: str) -> None:
    """The reply's review notes in their own part, after the signature.

    Rendered only when asked (``render(..., with_review_notes=True)``): the filed
    text ends where the lawyer signs.  Shared by ``ecthr/observations-reply`` and
    ``un/comments-on-observations``.
    """
    w.tag("if reply.review_notes")
    w.heading(heading, 1)
    w.tag("for note in reply.review_notes")
    w.doc.add_paragraph("{{ note }}", style="List Bullet")
    w.tag("endfor")
    w.tag("endif")


@dataclass(frozen=True)
class Spec:
    """One template id: how to build it and what the manifest says about it."""

    template_id: str
    build: Callable[[str], Doc]
    locales: tuple[str, ...]
    title_en: str
    title_fr: str
    description: str
    context_keys: tuple[str, ...]
    case_forums: tuple[str, ...] = ()
    """The forums of the cases the template is rendered for (default: its id's forum)."""
    requires: tuple[str, ...] = ()
    """Case attributes that must be set for the template to apply (``"judgment"``)."""

    @property
    def forums(self) -> tuple[str, ...]:
        """:attr:`case_forums`, or the forum in the template id."""
        return self.case_forums or (self.template_id.split("/")[0],)


SPECS: tuple[Spec, ...] = (
    Spec(
        template_id="ecthr/application",
        build=build_application,
        locales=("en", "fr"),
        title_en="Application form (Rule 47)",
        title_fr="Formulaire de requête (article 47)",
        description="The content of the Court's official application form in its order: "
        "A. applicant(s), B. respondent State(s), C.-D. representative(s) and authority, "
        "E. facts, F. alleged violations, G. Article 35 § 1 per complaint (exhaustion and "
        "the time-limit paragraph of FilingWindow.explain), H. other international "
        "procedures, I. numbered list of documents; anonymity request; declaration and "
        "signature.",
        context_keys=(
            "case",
            "applicants",
            "anonymity_requests",
            "respondents",
            "representatives",
            "facts_paragraphs",
            "complaints",
            "other_procedures",
            "documents",
            "place",
            "date",
            "signatory",
        ),
    ),
    Spec(
        template_id="ecthr/cover-letter",
        build=build_cover_letter,
        locales=("en", "fr"),
        title_en="Cover letter lodging the application",
        title_fr="Lettre d'accompagnement de la requête",
        description="Letter to the Registrar of the Court lodging the application: parties, "
        "complaints, enclosed documents, anonymity request, correspondence address.",
        context_keys=(
            "case",
            "applicant_names",
            "respondent_names",
            "representatives",
            "complaints",
            "documents",
            "anonymity_requests",
            "place",
            "date",
            "signatory",
        ),
    ),
    Spec(
        template_id="ecthr/observations-reply",
        build=build_observations_reply,
        locales=("en", "fr"),
        title_en="Observations in reply to the Government's observations",
        title_fr="Observations en réponse aux observations du Gouvernement",
        description="The applicant's observations in reply on admissibility and merits "
        "(Practice Direction on written pleadings): title, application number and case "
        "name, introduction, then one part per section of litigate.reply_skeleton (passed "
        "as reply=): heading, numbered paragraph with the opening and the argument, the "
        "review marker in bold while the section needs review, the case law relied on; "
        "when the case records them, the claims for just satisfaction (Rule 60) as in "
        "ecthr/just-satisfaction; conclusion citing the complaints; place, date and "
        "signature.",
        context_keys=(
            "case",
            "applicant_names",
            "respondent_names",
            "lodged_on",
            "complaints",
            "representatives",
            "place",
            "date",
            "signatory",
            "reply",
            "just_satisfaction",
        ),
    ),
)


# --------------------------------------------------------------------------------------
# Deterministic output
# --------------------------------------------------------------------------------------

_DROP = ("docProps/thumbnail.jpeg",)


def _deterministic_zip(data: bytes) -> bytes:
    """Rewrite the package with fixed timestamps and without the stock thumbnail."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            if info.filename in _DROP:
                continue
            blob = source.read(info.filename)
            if info.filename == "_rels/.rels":
                blob = _drop_thumbnail_rel(blob)
            if info.filename == "[Content_Types].xml":
                blob = blob.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, blob, compresslevel=9)
    return out.getvalue()


def _drop_thumbnail_rel(blob: bytes) -> bytes:
    return re.sub(rb"<Relationship [^>]*thumbnail\.jpeg\"/>", b"", blob)


def render_template(spec: Spec, locale: str) -> bytes:
    """Build one template file's bytes."""
    buffer = io.BytesIO()
    spec.build(locale).save(buffer)
    return _deterministic_zip(buffer.getvalue())


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _toml_list(values: Sequence[str]) -> str:
    return "[" + ", ".join(_toml_string(v) for v in values) + "]"


def all_specs() -> tuple[Spec, ...]:
    """The built-in specs, then those of every ``scripts/tpl_*.py`` module (by file name).

    Each such module defines ``SPECS`` and imports its helpers from ``build_templates``,
    so that each family of templates lives in a file of its own.
    """
    module = sys.modules[__name__]
    sys.modules.setdefault("build_templates", module)
    specs = list(SPECS)
    for path in sorted(Path(__file__).resolve().parent.glob("tpl_*.py")):
        name = f"build_templates_{path.stem}"
        plugin = sys.modules.get(name)
        if plugin is None:
            spec = importlib.util.spec_from_file_location(name, path)
            if spec is None or spec.loader is None:  # pragma: no cover - a .py file
                msg = f"cannot import {path}"
                raise ImportError(msg)
            plugin = importlib.util.module_from_spec(spec)
            sys.modules[name] = plugin
            spec.loader.exec_module(plugin)
        specs.extend(plugin.SPECS)
    ids = [s.template_id for s in specs]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        msg = f"template ids defined twice: {duplicates}"
        raise ValueError(msg)
    return tuple(specs)


def manifest() -> str:
    """The text of ``templates/manifest.toml``."""
    lines = [
        "# Generated by scripts/build_templates.py; do not edit by hand.",
        "# One table per template id; files are templates/<forum>/<name>.<locale>.docx.",
        "",
    ]
    for spec in all_specs():
        forum, name = spec.template_id.split("/")
        lines += [
            f'[templates."{spec.template_id}"]',
            f"forum = {_toml_string(forum)}",
            f"locales = {_toml_list(spec.locales)}",
            f"files = {_toml_list([f'{forum}/{name}.{loc}.docx' for loc in spec.locales])}",
            f"title = {{ en = {_toml_string(spec.title_en)}, fr = {_toml_string(spec.title_fr)} }}",
            f"description = {_toml_string(spec.description)}",
            f"context = {_toml_list(spec.context_keys)}",
            f"case_forums = {_toml_list(spec.forums)}",
            f"requires = {_toml_list(spec.requires)}",
            "",
        ]
    return "\n".join(lines)


def build(out: Path) -> list[Path]:
    """Write every template and the manifest under ``out``; return the paths written."""
    written: list[Path] = []
    for spec in all_specs():
        forum, name = spec.template_id.split("/")
        for locale in spec.locales:
            path = out / forum / f"{name}.{locale}.docx"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(render_template(spec, locale))
            written.append(path)
    path = out / "manifest.toml"
    path.write_text(manifest(), encoding="utf-8", newline="\n")
    written.append(path)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--out", type=Path, default=ROOT / "templates")
    args = parser.parse_args(argv)
    for path in build(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
