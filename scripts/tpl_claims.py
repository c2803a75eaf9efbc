"""``ecthr/just-satisfaction``: the applicant's claims under Article 41 (Rule 60).

Rule 60 of the Rules of Court asks for a specific claim, itemised, with the
supporting documents, within the time limit fixed for the observations on the merits;
a claim that does not comply may be rejected in whole or in part.  This template sets
the claims out in the Court's order (pecuniary damage, non-pecuniary damage, costs
and expenses), each with its description, its amount and its supporting documents,
the lawyers' fees as hours x rate per lawyer, a subtotal per head and the total, the
bank account for costs when one is given, and the numbered list of supporting
documents.  The same part is embedded in ``ecthr/observations-reply`` (the Registry
invites the claims together with the observations in reply): both are written by
``write_just_satisfaction`` in ``build_templates``.  The values come from
``litigate.drafts.claims`` (key ``just_satisfaction``).
"""

from __future__ import annotations

from collections.abc import Mapping

from build_templates import TEXT, Doc, Spec, Writer, _new_document, write_just_satisfaction
from docx.enum.text import WD_ALIGN_PARAGRAPH

CLAIMS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "title": "Claims for just satisfaction",
        "subtitle": "(Article 41 of the Convention and Rule 60 of the Rules of Court)",
        "intro": "In accordance with Rule 60 of the Rules of Court, the applicant, "
        "{{ applicant_names }}, submits the following itemised claims for just satisfaction "
        "under Article 41 of the Convention in respect of the violations of the Convention "
        "alleged in the application against {{ respondent_names }}, together with the "
        "supporting documents listed at the end of this document.",
    },
    "fr": {
        "title": "Demandes de satisfaction équitable",
        "subtitle": "(article 41 de la Convention et article 60 du règlement de la Cour)",
        "intro": "Conformément à l'article 60 du règlement de la Cour, le requérant, "
        "{{ applicant_names }}, présente ci-dessous ses prétentions chiffrées et ventilées "
        "au titre de la satisfaction équitable (article 41 de la Convention) pour les "
        "violations de la Convention alléguées dans la requête dirigée contre l'État "
        "suivant\u00a0: {{ respondent_names }}. Les pièces justificatives sont énumérées à "
        "la fin du présent document.",
    },
}


def build_just_satisfaction(locale: str) -> Doc:
    """The claims: title, case, introduction, the heads of claim, total, documents, signature."""
    x = TEXT[locale]
    s = CLAIMS[locale]
    doc = _new_document(locale, x["header"], s["title"])
    w = Writer(doc, locale)
    w.title(s["title"])
    subtitle = doc.add_paragraph(s["subtitle"], style="Normal")
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.tag("if case.application_no")
    centred = doc.add_paragraph(x["reply_application"], style="Normal")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.tag("endif")
    w.tag("if case.title")
    centred = doc.add_paragraph(style="Normal")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    centred.add_run("{{ case.title }}").bold = True
    w.tag("endif")
    w.numbered(s["intro"])

    write_just_satisfaction(doc, w, locale, level=1)

    w.signed(x["date_line"], x["representative"])
    return doc


SPECS: tuple[Spec, ...] = (
    Spec(
        template_id="ecthr/just-satisfaction",
        build=build_just_satisfaction,
        locales=("en", "fr"),
        title_en="Claims for just satisfaction (Article 41, Rule 60)",
        title_fr="Demandes de satisfaction équitable (article 41, article 60 du règlement)",
        description="The applicant's itemised claims under Article 41 (Rule 60), in the "
        "Court's order: pecuniary damage, non-pecuniary damage, costs and expenses; each "
        "claim with its description, amount and supporting documents by number; lawyers' "
        "fees as a table (lawyer, work, hours, rate, amount) with fees per lawyer; a "
        "subtotal per head, a summary table and the total; the bank account for costs "
        "when given; notes; the numbered list of supporting documents; place, date and "
        "signature. The same part is embedded in ecthr/observations-reply.",
        context_keys=(
            "case",
            "applicant_names",
            "respondent_names",
            "just_satisfaction",
            "representatives",
            "place",
            "date",
            "signatory",
        ),
        case_forums=("ecthr",),
        requires=("just_satisfaction",),
    ),
)
