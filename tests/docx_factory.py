"""Build realistic DOCX files for the tests: python-docx plus raw XML for what it lacks.

python-docx has no API for numbering definitions (restarts) or footnotes, so this
factory adds them as raw XML:

* numbering: abstract numberings and ``w:num`` instances appended to
  ``word/numbering.xml`` (one with ``w:lvlOverride/w:startOverride`` to restart a list);
  the paragraph style ``GovParagraph`` and the ``Heading 1``/``Heading 2`` styles carry
  ``w:numPr``, so most paragraphs are numbered *through their style*;
* footnotes: a ``word/footnotes.xml`` part, its relationship from the document and its
  content-type override, patched into the saved package.

Also: :func:`raw_docx` writes a minimal package from raw parts, for the hostile files.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_NSDECL = f'xmlns:w="{W_NS}"'

HEADING_NUM = 90  # I., II. / A., B. on Heading 1 / Heading 2
PARA_NUM = 91  # 1., 2. / (a), (b) on the GovParagraph style
QUOTE_NUM = 92  # 1), 2) for quoted provisions
QUOTE_NUM_RESTART = 93  # same abstract numbering, restarted at 1

NUMBERING_XML = f"""
<w:abstractNum {_NSDECL} w:abstractNumId="90">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="upperLetter"/><w:lvlText w:val="%2."/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:abstractNum {_NSDECL} w:abstractNumId="91">
  <w:multiLevelType w:val="hybridMultilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/><w:lvlJc w:val="left"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerRoman"/><w:lvlText w:val="(%3)"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:abstractNum {_NSDECL} w:abstractNumId="92">
  <w:multiLevelType w:val="singleLevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1)"/><w:lvlJc w:val="left"/></w:lvl>
</w:abstractNum>
<w:num {_NSDECL} w:numId="90"><w:abstractNumId w:val="90"/></w:num>
<w:num {_NSDECL} w:numId="91"><w:abstractNumId w:val="91"/></w:num>
<w:num {_NSDECL} w:numId="92"><w:abstractNumId w:val="92"/></w:num>
<w:num {_NSDECL} w:numId="93"><w:abstractNumId w:val="92"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride>
</w:num>
"""


@dataclass
class Item:
    """One paragraph of a test document.

    kind: "title" (Title style), "h1"/"h2"/"h3" (Heading N, auto-numbered I./A./1.),
    "para" (GovParagraph: auto-numbered 1., 2.), "sub" ((a), (b) under a paragraph),
    "quote" (1), 2) list), "quote_restart" (the same list restarted at 1), "plain"
    (no numbering), "bold" (a bold, unstyled line: a heading without a heading style).
    notes: footnote texts referenced at the end of the paragraph.
    """

    kind: str
    text: str
    notes: Sequence[str] = field(default_factory=tuple)


def _numpr(num_id: int | None, ilvl: int | None) -> str:
    inner = ""
    if ilvl is not None:
        inner += f'<w:ilvl w:val="{ilvl}"/>'
    if num_id is not None:
        inner += f'<w:numId w:val="{num_id}"/>'
    return f"<w:numPr {_NSDECL}>{inner}</w:numPr>"


def _set_style_numbering(style, num_id: int, ilvl: int | None) -> None:
    from docx.oxml import parse_xml

    ppr = style.element.get_or_add_pPr()
    numpr = ppr.get_or_add_numPr()
    numpr.getparent().replace(numpr, parse_xml(_numpr(num_id, ilvl)))


def _add_numbering(document) -> None:
    from docx.oxml import parse_xml

    numbering = document.part.numbering_part.element
    first_num = numbering.find(f"{{{W_NS}}}num")
    wrapper = parse_xml(f"<w:numbering {_NSDECL}>{NUMBERING_XML}</w:numbering>")
    for fragment in list(wrapper):
        if fragment.tag == f"{{{W_NS}}}abstractNum" and first_num is not None:
            first_num.addprevious(fragment)
        else:
            numbering.append(fragment)


def build_docx(items: Sequence[Item]) -> bytes:
    """A DOCX with auto-numbered headings and paragraphs, restarts and footnotes."""
    import docx
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import parse_xml

    document = docx.Document()
    _add_numbering(document)
    styles = document.styles
    gov = styles.add_style("GovParagraph", WD_STYLE_TYPE.PARAGRAPH)
    gov.base_style = styles["Normal"]
    _set_style_numbering(gov, PARA_NUM, None)
    _set_style_numbering(styles["Heading 1"], HEADING_NUM, 0)
    _set_style_numbering(styles["Heading 2"], HEADING_NUM, 1)
    _set_style_numbering(styles["Heading 3"], HEADING_NUM, 2)

    footnotes: list[str] = []
    for item in items:
        if item.kind == "title":
            paragraph = document.add_paragraph(item.text, style="Title")
        elif item.kind in {"h1", "h2", "h3"}:
            paragraph = document.add_heading(item.text, level=int(item.kind[1]))
        elif item.kind == "para":
            paragraph = document.add_paragraph(item.text, style="GovParagraph")
        elif item.kind in {"sub", "quote", "quote_restart"}:
            paragraph = document.add_paragraph(item.text, style="GovParagraph")
            num_id, ilvl = {
                "sub": (PARA_NUM, 1),
                "quote": (QUOTE_NUM, 0),
                "quote_restart": (QUOTE_NUM_RESTART, 0),
            }[item.kind]
            ppr = paragraph._p.get_or_add_pPr()
            numpr = ppr.get_or_add_numPr()
            numpr.getparent().replace(numpr, parse_xml(_numpr(num_id, ilvl)))
        elif item.kind == "plain":
            paragraph = document.add_paragraph(item.text)
        elif item.kind == "bold":
            paragraph = document.add_paragraph()
            paragraph.add_run(item.text).bold = True
        else:
            raise ValueError(item.kind)
        for note in item.notes:
            footnotes.append(note)
            note_id = len(footnotes)
            paragraph._p.append(
                parse_xml(
                    f'<w:r {_NSDECL}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                    f'<w:footnoteReference w:id="{note_id}"/></w:r>'
                )
            )
    buffer = io.BytesIO()
    document.save(buffer)
    return add_footnotes(buffer.getvalue(), footnotes) if footnotes else buffer.getvalue()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def footnotes_xml(notes: Sequence[str]) -> bytes:
    """A footnotes part with the two separator footnotes (-1 and 0) and ``notes`` as 1, 2…"""
    body = [
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>',
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
    ]
    for number, text in enumerate(notes, start=1):
        body.append(
            f'<w:footnote w:id="{number}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
            '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
            f'<w:r><w:t xml:space="preserve"> {_escape(text)}</w:t></w:r></w:p></w:footnote>'
        )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f"<w:footnotes {_NSDECL}>{''.join(body)}</w:footnotes>"
    )
    return xml.encode()


def add_footnotes(package: bytes, notes: Sequence[str]) -> bytes:
    """Add a footnotes part, its relationship and its content type to a saved DOCX."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"</Types>",
                    b'<Override PartName="/word/footnotes.xml" ContentType="application/'
                    b'vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/></Types>',
                )
            elif info.filename == "word/_rels/document.xml.rels":
                data = data.replace(
                    b"</Relationships>",
                    b'<Relationship Id="rIdFootnotes1" Type="http://schemas.openxmlformats.org/'
                    b'officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/>'
                    b"</Relationships>",
                )
            target.writestr(info, data)
        target.writestr("word/footnotes.xml", footnotes_xml(notes))
    return out.getvalue()


CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    b'officedocument.wordprocessingml.document.main+xml"/></Types>'
)


def document_xml(*paragraphs: str) -> bytes:
    """A minimal ``word/document.xml`` with one paragraph per text."""
    body = "".join(f"<w:p><w:r><w:t>{_escape(t)}</w:t></w:r></w:p>" for t in paragraphs)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document {_NSDECL}><w:body>{body}</w:body></w:document>'
    ).encode()


def raw_docx(parts: Mapping[str, bytes] | None = None, *, document: bytes | None = None) -> bytes:
    """A minimal DOCX package written from raw parts (content types and document by default)."""
    all_parts: dict[str, bytes] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "word/document.xml": document if document is not None else document_xml("Hello."),
    }
    all_parts.update(parts or {})
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in all_parts.items():
            archive.writestr(name, data)
    return out.getvalue()


# --------------------------------------------------------------------------- Gasimzade

TITLE_EN = (
    "Observations of the Government of the Republic of Azerbaijan on the admissibility and "
    "merits of application no. 45678/25, Gasimzade v. Azerbaijan"
)
TITLE_FR = (
    "Observations du Gouvernement de la République d'Azerbaïdjan sur la recevabilité et le "
    "fond de la requête no 45678/25, Gasimzade c. Azerbaïdjan"
)

FOOTNOTES_EN = (
    "Judgment of the Baku Court of Appeal of 14 May 2025, case no. 2(103)-4512/2025.",
    "Vučković and Others v. Serbia (preliminary objection) [GC], nos. 17153/11 and 29 others, § 70, 25 March 2014.",
    "Code of Criminal Procedure of the Republic of Azerbaijan, Article 449.",
    "Bouyid v. Belgium [GC], no. 23380/09, § 86, ECHR 2015.",
)
FOOTNOTES_FR = (
    "Arrêt de la cour d'appel de Bakou du 14 mai 2025, affaire no 2(103)-4512/2025.",
    "Vučković et autres c. Serbie (exception préliminaire) [GC], nos 17153/11 et 29 autres, § 70, 25 mars 2014.",
    "Code de procédure pénale de la République d'Azerbaïdjan, article 449.",
    "Bouyid c. Belgique [GC], no 23380/09, § 86, CEDH 2015.",
)


def _gasimzade(texts: Mapping[str, str], title: str, notes: Sequence[str]) -> list[Item]:
    """The structure shared by both languages; ``texts`` gives the headings."""
    items = [Item("title", title), Item("plain", texts["date"])]
    para = 0

    def paras(count: int, template: str, **extra: Sequence[str]) -> None:
        nonlocal para
        for _ in range(count):
            para += 1
            items.append(Item("para", template.format(n=para), extra.get(str(para), ())))

    items.append(Item("h1", texts["facts"]))
    items.append(Item("para", texts["p1"]))
    para = 1
    paras(3, texts["fact"])
    items.append(Item("para", texts["p5"], (notes[0],)))  # 5: the appeal judgment of 14 May 2025
    para = 5
    items.append(Item("sub", texts["sub_a"]))
    items.append(Item("sub", texts["sub_b"]))
    paras(3, texts["fact"])  # 6-8
    items.append(Item("h1", texts["admissibility"]))
    paras(1, texts["general"])  # 9
    items.append(Item("h2", texts["non_exhaustion"]))
    paras(2, texts["exhaustion"])  # 10-11
    items.append(Item("para", texts["p12"], (notes[1],)))  # 12
    para = 12
    paras(2, texts["exhaustion"])  # 13-14
    items.append(Item("h2", texts["time_limit"]))
    items.append(Item("para", texts["p15"]))  # 15
    para = 15
    paras(4, texts["time"])  # 16-19
    items.append(Item("h2", texts["ill_founded"]))
    paras(3, texts["ill"])  # 20-22
    items.append(Item("h1", texts["merits"]))
    paras(1, texts["general"])  # 23
    items.append(Item("h2", texts["art3"]))
    paras(2, texts["art"])  # 24-25
    items.append(Item("para", texts["p26"], (notes[2],)))  # 26
    para = 26
    items.append(Item("quote", texts["q1"]))
    items.append(Item("quote", texts["q2"]))
    paras(3, texts["art"])  # 27-29
    items.append(Item("para", texts["p30"], (notes[3],)))  # 30
    para = 30
    items.append(Item("h2", texts["art13"]))
    paras(1, texts["art"])  # 31
    items.append(Item("quote_restart", texts["q1"]))
    items.append(Item("quote_restart", texts["q2"]))
    paras(3, texts["art"])  # 32-34
    items.append(Item("h1", texts["just"]))
    paras(3, texts["just_p"])  # 35-37
    items.append(Item("h1", texts["conclusion"]))
    paras(3, texts["concl"])  # 38-40
    items.append(Item("plain", texts["agent"]))
    return items


TEXTS_EN = {
    "date": "Baku, 10 October 2025",
    "facts": "The facts",
    "p1": "The applicant, Mr Elvin Gasimzade, is an Azerbaijani national born in 1991 and living in Baku.",
    "fact": "The Government further submit the following facts (paragraph {n}).",
    "p5": "On 14 May 2025 the Baku Court of Appeal delivered its judgment upholding the conviction; the applicant and his lawyer were present.",
    "sub_a": "the applicant was sentenced to three years' imprisonment;",
    "sub_b": "the applicant did not lodge a cassation appeal with the Supreme Court.",
    "admissibility": "Admissibility",
    "general": "The Government raise the following matters (paragraph {n}).",
    "non_exhaustion": "Non-exhaustion of domestic remedies",
    "exhaustion": "The applicant did not use the remedy available to him (paragraph {n}).",
    "p12": "The Government recall the principle of subsidiarity underlying Article 35 § 1 of the Convention.",
    "time_limit": "Failure to comply with the four-month time limit",
    "p15": "The Government submit that the four-month period started to run on 14 May 2025, the date of delivery of the judgment of the Baku Court of Appeal, and expired on 14 September 2025.",
    "time": "The application was lodged after the expiry of the time limit (paragraph {n}).",
    "ill_founded": "Manifestly ill-founded",
    "ill": "In any event the complaints are manifestly ill-founded (paragraph {n}).",
    "merits": "Merits",
    "art3": "Alleged violation of Article 3 of the Convention",
    "art": "The Government contest the applicant's allegations (paragraph {n}).",
    "p26": "The relevant domestic provisions read as follows:",
    "q1": "Torture is prohibited;",
    "q2": "Any statement obtained under duress is inadmissible.",
    "p30": "The threshold of severity required by Article 3 was not attained.",
    "art13": "Alleged violation of Article 13 of the Convention",
    "just": "Just satisfaction",
    "just_p": "The applicant's claims are excessive and unsubstantiated (paragraph {n}).",
    "conclusion": "Conclusion",
    "concl": "The Government invite the Court to declare the application inadmissible (paragraph {n}).",
    "agent": "Agent of the Republic of Azerbaijan before the European Court of Human Rights",
}

TEXTS_FR = {
    "date": "Bakou, le 10 octobre 2025",
    "facts": "Les faits",
    "p1": "Le requérant, M. Elvin Gasimzade, est un ressortissant azerbaïdjanais né en 1991 et résidant à Bakou.",
    "fact": "Le Gouvernement expose en outre les faits suivants (paragraphe {n}).",
    "p5": "Le 14 mai 2025, la cour d'appel de Bakou a rendu son arrêt confirmant la condamnation ; le requérant et son avocat étaient présents.",
    "sub_a": "le requérant a été condamné à trois ans d'emprisonnement ;",
    "sub_b": "le requérant ne s'est pas pourvu en cassation devant la Cour suprême.",
    "admissibility": "Sur la recevabilité",
    "general": "Le Gouvernement soulève les points suivants (paragraphe {n}).",
    "non_exhaustion": "Sur le non-épuisement des voies de recours internes",
    "exhaustion": "Le requérant n'a pas exercé le recours qui lui était ouvert (paragraphe {n}).",
    "p12": "Le Gouvernement rappelle le principe de subsidiarité qui sous-tend l'article 35 § 1 de la Convention.",
    "time_limit": "Sur le non-respect du délai de quatre mois",
    "p15": "Le Gouvernement soutient que le délai de quatre mois a commencé à courir le 14 mai 2025, date du prononcé de l'arrêt de la cour d'appel de Bakou, et a expiré le 14 septembre 2025.",
    "time": "La requête a été introduite après l'expiration du délai (paragraphe {n}).",
    "ill_founded": "Sur le défaut manifeste de fondement",
    "ill": "En tout état de cause, les griefs sont manifestement mal fondés (paragraphe {n}).",
    "merits": "Sur le fond",
    "art3": "Sur la violation alléguée de l'article 3 de la Convention",
    "art": "Le Gouvernement conteste les allégations du requérant (paragraphe {n}).",
    "p26": "Les dispositions internes pertinentes se lisent ainsi :",
    "q1": "La torture est interdite ;",
    "q2": "Toute déclaration obtenue sous la contrainte est irrecevable.",
    "p30": "Le seuil de gravité requis par l'article 3 n'a pas été atteint.",
    "art13": "Sur la violation alléguée de l'article 13 de la Convention",
    "just": "Sur la satisfaction équitable",
    "just_p": "Les prétentions du requérant sont excessives et non étayées (paragraphe {n}).",
    "conclusion": "Conclusion",
    "concl": "Le Gouvernement invite la Cour à déclarer la requête irrecevable (paragraphe {n}).",
    "agent": "Agent de la République d'Azerbaïdjan auprès de la Cour européenne des droits de l'homme",
}


def gasimzade_items(language: str = "en") -> list[Item]:
    """The items of the Gasimzade observations in ``language`` ("en" or "fr")."""
    if language == "fr":
        return _gasimzade(TEXTS_FR, TITLE_FR, FOOTNOTES_FR)
    return _gasimzade(TEXTS_EN, TITLE_EN, FOOTNOTES_EN)


def gasimzade_docx(language: str = "en") -> bytes:
    """The Government's observations in Gasimzade v. Azerbaijan, as DOCX bytes."""
    return build_docx(gasimzade_items(language))
