"""``ecthr/supplementary-document``: the optional supplementary document (Rule 47 § 2 (b)).

The application form leaves limited space for sections E, F and G; the applicant may
develop them in a supplementary document of no more than 20 pages (copies of decisions
excluded), which may only develop complaints already set out in the form.  This
template sets out the same three sections as ``ecthr/application``, with the same
numbered paragraphs, under a title naming the application.  The page limit is rule
data (``checklist`` item ``supplementary_document`` in ``rules/data/ecthr.toml``);
:func:`litigate.page_estimate` measures a rendered draft against it.
"""

from __future__ import annotations

from collections.abc import Mapping

from build_templates import TEXT, Doc, Spec, Writer, _new_document, write_sections_efg

SUPPLEMENT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "title": "Supplementary document to the application form",
        "subtitle": "(Rule 47 § 2 (b) of the Rules of Court)",
        "intro": "This document develops the statement of the facts, the complaints and "
        "the information on compliance with Article 35 § 1 of the Convention set out in "
        "sections E, F and G of the application form lodged on behalf of "
        "{{ applicant_names }} against {{ respondent_names }}. It raises no complaint "
        "that is not set out in the form.",
    },
    "fr": {
        "title": "Document complémentaire au formulaire de requête",
        "subtitle": "(article 47 § 2 b) du règlement de la Cour)",
        "intro": "Le présent document développe l'exposé des faits, les griefs et les "
        "informations relatives au respect de l'article 35 § 1 de la Convention figurant "
        "aux rubriques E, F et G du formulaire de requête introduit au nom de "
        "{{ applicant_names }} contre {{ respondent_names }}. Il ne soulève aucun grief "
        "qui ne figure pas dans le formulaire.",
    },
}


def build_supplementary(locale: str) -> Doc:
    """Sections E, F and G of the application, developed, under their own title."""
    x = TEXT[locale]
    s = SUPPLEMENT[locale]
    doc = _new_document(locale, x["header"], s["title"])
    w = Writer(doc, locale)
    w.title(s["title"])
    w.para(s["subtitle"])
    w.tag("if case.title")
    w.para("{{ case.title }}", bold=True)
    w.tag("endif")
    w.numbered(s["intro"])

    write_sections_efg(w, x)

    w.field(x["place"], "{% if place %}{{ place }}{% else %}____________________{% endif %}")
    w.field(x["date"], "{{ date }}")
    w.para(x["signature"] + w.colon.rstrip())
    w.signature_line()
    w.optional_field(x["signatory"], "signatory")
    return doc


SPECS: tuple[Spec, ...] = (
    Spec(
        template_id="ecthr/supplementary-document",
        build=build_supplementary,
        locales=("en", "fr"),
        title_en="Supplementary document to the application form (Rule 47 § 2 (b))",
        title_fr="Document complémentaire au formulaire de requête (article 47 § 2 b))",
        description="The optional supplementary document of at most 20 pages (the limit is "
        "rule data; litigate.page_estimate measures a draft against it): sections E, F and "
        "G of the application developed, with the same headings and numbered paragraphs, "
        "raising no complaint that is not in the form; place, date and signature.",
        context_keys=(
            "case",
            "applicant_names",
            "respondent_names",
            "facts_paragraphs",
            "complaints",
            "place",
            "date",
            "signatory",
        ),
    ),
)
