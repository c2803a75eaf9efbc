"""Templates for the filings after lodging: Rule 39 request, referral request, Rule 9 submission.

Discovered by ``scripts/build_templates.py`` (``all_specs()``); run that script to
rebuild ``templates/``.  The values come from :func:`litigate.drafts.later.later_context`
(``interim`` and ``judgment``) and :func:`litigate.drafts.context.build_context`.

* ``ecthr/rule39-request``: marked "RULE 39 – URGENT" on its face, with the person
  to contact and the date and time of the feared removal or harm ("not known" when
  it is not); the applicant and where he or she is; the application lodged or
  intended; the risk; the measure requested; the Convention provisions (required:
  a request without them does not render, except as a draft); the domestic steps
  and decisions; the documents enclosed, numbered; the urgent contact.
* ``ecthr/referral-request``: Article 43 and Rule 73: the judgment, violations and
  non-violations, the time limit (printed only while it runs, with its expiry date
  unless that date depends on the unverified month-end rule), the serious question
  or issue (the reasons are required), the request.
* ``cm/rule9-submission``: the applicant's communication to the Committee of
  Ministers (Rule 9.1): the judgment, the date it became final when known, the
  next DH meeting and (while in time) the last day to notify the communication for
  it, the supervision procedure and group, the action plan due six months after
  finality, payment, measures taken, individual and general
  measures outstanding, numbered recommendations.  Every part the case file does
  not feed is left out.

Nothing addressed to the lawyer is printed in a filing: how to send a Rule 39
request (fax or eComms, not post) and what to verify are in
``docs/filings-ecthr-later.md``.
"""

from __future__ import annotations

from collections.abc import Mapping

from build_templates import TEXT as CORE
from build_templates import Doc, Spec, Writer, _new_document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm, Pt

TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        # Rule 39
        "urgent": "RULE 39 – URGENT",
        "contact_person": "Person to contact",
        "when": "Date and time of the feared removal or harm",
        "when_value": "{{ interim.imminent_on }}{% if interim.imminent_at %}, "
        "{{ interim.imminent_at }} (local time){% else %} (time not known){% endif %}",
        "not_known": "not known",
        "r39_title": "Request for interim measures under Rule 39 of the Rules of Court",
        "registry": "The Registrar",
        "court": "European Court of Human Rights",
        "council": "Council of Europe",
        "city": "67075 Strasbourg cedex",
        "country": "France",
        "re": "Re: {% if case.title %}{{ case.title }}{% else %}{{ applicant_names }} "
        "v. {{ respondent_names }}{% endif %}{% if case.application_no %}, application "
        "no. {{ case.application_no }}{% endif %}",
        "applicant": "The applicant",
        "name": "Surname and first name(s)",
        "dob": "Date of birth",
        "nationality": "Nationality",
        "detained": "Place of detention",
        "address": "Address",
        "application_pending": "The applicant has lodged an application with the Court "
        "(application no. {{ case.application_no }}{% if lodged_on %}, lodged on "
        "{{ lodged_on }}{% endif %}).",
        "application_lodged": "The applicant lodged an application with the Court on "
        "{{ lodged_on }}.",
        "application_intended": "The applicant intends to lodge an application with the "
        "Court under Article 34 of the Convention.",
        "risk": "The imminent risk of irreparable harm",
        "when_known": "The risk is expected to materialise on {{ interim.imminent_on }}"
        "{% if interim.imminent_at %} at {{ interim.imminent_at }} (local time){% endif %}.",
        "when_unknown": "The exact date and time at which the risk will materialise are not "
        "known.",
        "place": "Place",
        "measure": "Interim measure requested",
        "measure_intro": "The applicant asks the Court to indicate to the respondent "
        "Government ({{ respondent_names }}), under Rule 39 of the Rules of Court, the "
        "following interim measure:",
        "provisions": "Convention provisions relied on",
        "provisions_text": "The applicant relies on {{ interim.provisions_cited }}.",
        "domestic": "Domestic proceedings",
        "decisions_intro": "The domestic decisions given are the following:",
        "decision_line": CORE["en"]["decision_line"],
        "documents": "Documents enclosed",
        "documents_intro": "Copies of the following documents are enclosed:",
        "doc_no": "No.",
        "doc_title": "Document",
        "doc_date": "Date",
        "doc_pages": "Pages",
        "contact": "Urgent contact",
        "contact_text": "The applicant's representative{% if representatives %}, "
        "{{ representatives[0].name }},{% endif %} can be reached urgently at: "
        "{{ interim.contact }}.",
        "inform": "The applicant will inform the Court without delay of any change in the "
        "situation.",
        "date_line": CORE["en"]["date_line"],
        "signatory": "Name of the signatory",
        # Referral
        "ref_title": "Request for referral to the Grand Chamber",
        "ref_subtitle": "Article 43 of the Convention and Rule 73 of the Rules of Court",
        "application_no": "Application no. {{ case.application_no }}",
        "ref_intro": "The applicant, {{ applicant_names }}, requests that the case against "
        "{{ respondent_names }} be referred to the Grand Chamber of the Court under Article 43 of the Convention "
        "and Rule 73 of the Rules of Court.",
        "judgment": "The judgment",
        "delivered": "The Court, {{ judgment.formation_phrase }}, delivered its judgment on "
        "{{ judgment.delivered_on }}.",
        "violation": "It held that there had been a violation {{ judgment.violations_of }}.",
        "no_violation": "It held that there had been no violation "
        "{{ judgment.no_violations_of }}.",
        "time_limit": "Time limit",
        "in_time_dated": "This request is lodged within the three-month time limit laid "
        "down in Article 43 § 1 of the Convention, which expires on "
        "{{ judgment.referral.deadline }}.",
        "in_time": "This request is lodged within three months from the date of the "
        "judgment, as Article 43 § 1 of the Convention requires.",
        "serious": "Serious question or issue (Article 43 § 2 of the Convention)",
        "serious_intro": "The applicant submits that the case raises a serious question "
        "affecting the interpretation or application of the Convention, or a serious issue "
        "of general importance, within the meaning of Article 43 § 2 of the Convention, "
        "for the following reasons.",
        "request": "Request",
        "request_text": "For these reasons, the applicant asks the panel of five judges of "
        "the Grand Chamber to accept this request and to refer the case to the Grand "
        "Chamber.",
        "representative": "Representative of the applicant",
        # Rule 9
        "cm": "Committee of Ministers of the Council of Europe",
        "dej": "Department for the Execution of Judgments of the European Court of Human Rights",
        "r9_title": "Communication from the applicant under Rule 9.1 of the Rules of the "
        "Committee of Ministers for the supervision of the execution of judgments and of "
        "the terms of friendly settlements",
        "r9_case": "{% if case.title %}{{ case.title }}{% else %}{{ applicant_names }} v. "
        "{{ respondent_names }}{% endif %}{% if case.application_no %} (application "
        "no. {{ case.application_no }}){% endif %}",
        "introduction": "Introduction",
        "r9_intro": "The applicant, {{ applicant_names }}{% if representatives %}, "
        "represented by {{ representatives[0].name }}{% endif %}, submits this "
        "communication concerning the execution by {{ respondent_names }} of the judgment "
        "delivered by the European "
        "Court of Human Rights on {{ judgment.delivered_on }}{% if case.application_no %} "
        "in application no. {{ case.application_no }}{% endif %}.",
        "final": "The judgment became final on {{ judgment.final_on }} "
        "({{ judgment.finality_article }}).",
        "supervision": "Supervision procedure",
        "group": "Group of cases",
        "action_plan": "Latest action plan or report of the Government",
        "action_plan_due": "Under the working method of the Committee of Ministers "
        "(CM/Inf/DH(2010)45), the respondent State "
        "{% if judgment.execution.action_plan_due_passed %}was{% else %}is{% endif %} to "
        "submit an action plan or an action report within six months from the date on which "
        "the judgment became final, that is by {{ judgment.execution.action_plan_due }}.",
        "meeting": "The applicant asks the Committee of Ministers to examine this "
        "communication at its human rights (DH) meeting opening on "
        "{{ judgment.execution.next_meeting }}.",
        "rule9_in_time": "This communication is notified on or before "
        "{{ judgment.execution.rule9_last_day }}, ten working days before that meeting "
        "opens, so that it can be made public before the meeting under Rule 9 of the Rules "
        "of the Committee of Ministers (a communication to which the State has not responded "
        "is made public ten working days after its notification).",
        "payment": "Just satisfaction",
        "paid": "The just satisfaction awarded by the Court was paid on "
        "{{ judgment.execution.paid_on }}.",
        "payment_due": "Any sum awarded under Article 41 of the Convention "
        "{% if judgment.execution.payment_due_passed %}was{% else %}is{% endif %} payable "
        "within three months from the date on which the judgment became final, that is "
        "by {{ judgment.execution.payment_due }}.",
        "taken": "Measures taken by the authorities",
        "individual": "Individual measures outstanding",
        "general": "General measures outstanding",
        "recommendations": "Recommendations to the Committee of Ministers",
        "recommendations_intro": "The applicant respectfully invites the Committee of Ministers:",
        "recommendation": "{{ r.number }}. {{ r.text }}",
    },
    "fr": {
        # Article 39
        "urgent": "ARTICLE 39 – URGENT",
        "contact_person": "Personne à contacter",
        "when": "Date et heure de l'éloignement ou du préjudice redouté",
        "when_value": "{{ interim.imminent_on }}{% if interim.imminent_at %}, "
        "{{ interim.imminent_at }} (heure locale){% else %} (heure inconnue){% endif %}",
        "not_known": "inconnues",
        "r39_title": "Demande de mesures provisoires en vertu de l'article 39 du règlement "
        "de la Cour",
        "registry": "Monsieur le Greffier",
        "court": "Cour européenne des droits de l'homme",
        "council": "Conseil de l'Europe",
        "city": "67075 Strasbourg cedex",
        "country": "France",
        "re": CORE["fr"]["re"],
        "applicant": "Le requérant",
        "name": "Nom et prénom(s)",
        "dob": "Date de naissance",
        "nationality": "Nationalité",
        "detained": "Lieu de détention",
        "address": "Adresse",
        "application_pending": "Le requérant a introduit une requête devant la Cour "
        "(requête no {{ case.application_no }}{% if lodged_on %}, introduite le "
        "{{ lodged_on }}{% endif %}).",
        "application_lodged": "Le requérant a introduit une requête devant la Cour le "
        "{{ lodged_on }}.",
        "application_intended": "Le requérant entend introduire une requête devant la Cour "
        "en vertu de l'article 34 de la Convention.",
        "risk": "Le risque imminent de dommage irréparable",
        "when_known": "Le risque devrait se réaliser le {{ interim.imminent_on }}"
        "{% if interim.imminent_at %} à {{ interim.imminent_at }} (heure locale){% endif %}.",
        "when_unknown": "La date et l'heure exactes auxquelles le risque se réalisera ne sont "
        "pas connues.",
        "place": "Lieu",
        "measure": "Mesure provisoire sollicitée",
        "measure_intro": "Le requérant prie la Cour d'indiquer au Gouvernement défendeur "
        "({{ respondent_names }}), en vertu de l'article 39 du règlement de la Cour, la "
        "mesure provisoire suivante\u00a0:",
        "provisions": "Dispositions de la Convention invoquées",
        "provisions_text": "Le requérant invoque {{ interim.provisions_cited }}.",
        "domestic": "Procédures internes",
        "decisions_intro": "Les décisions internes rendues sont les suivantes\u00a0:",
        "decision_line": CORE["fr"]["decision_line"],
        "documents": "Documents joints",
        "documents_intro": "Sont joints, en copie, les documents suivants\u00a0:",
        "doc_no": "No",
        "doc_title": "Document",
        "doc_date": "Date",
        "doc_pages": "Pages",
        "contact": "Contact urgent",
        "contact_text": "Le représentant du requérant{% if representatives %}, "
        "{{ representatives[0].name }},{% endif %} peut être joint en urgence aux "
        "coordonnées suivantes\u00a0: {{ interim.contact }}.",
        "inform": "Le requérant informera sans délai la Cour de tout changement de la situation.",
        "date_line": CORE["fr"]["date_line"],
        "signatory": "Nom du signataire",
        # Renvoi
        "ref_title": "Demande de renvoi devant la Grande Chambre",
        "ref_subtitle": "Article 43 de la Convention et article 73 du règlement de la Cour",
        "application_no": "Requête no {{ case.application_no }}",
        "ref_intro": "Le requérant, {{ applicant_names }}, demande le renvoi de l'affaire qui "
        "l'oppose à l'État défendeur ({{ respondent_names }}) devant la Grande Chambre de la Cour en vertu de l'article 43 de la Convention et "
        "de l'article 73 du règlement de la Cour.",
        "judgment": "L'arrêt",
        "delivered": "La Cour, {{ judgment.formation_phrase }}, a rendu son arrêt le "
        "{{ judgment.delivered_on }}.",
        "violation": "Elle a conclu à la violation {{ judgment.violations_of }}.",
        "no_violation": "Elle a conclu à la non-violation {{ judgment.no_violations_of }}.",
        "time_limit": "Délai",
        "in_time_dated": "La présente demande est introduite dans le délai de trois mois "
        "prévu par l'article 43 § 1 de la Convention, qui expire le "
        "{{ judgment.referral.deadline }}.",
        "in_time": "La présente demande est introduite dans les trois mois à compter de la "
        "date de l'arrêt, comme l'exige l'article 43 § 1 de la Convention.",
        "serious": "Question grave ou question grave de caractère général (article 43 § 2 "
        "de la Convention)",
        "serious_intro": "Le requérant soutient que l'affaire soulève une question grave "
        "relative à l'interprétation ou à l'application de la Convention, ou une question "
        "grave de caractère général, au sens de l'article 43 § 2 de la Convention, pour les "
        "motifs suivants.",
        "request": "Demande",
        "request_text": "Par ces motifs, le requérant prie le collège de cinq juges de la "
        "Grande Chambre d'accueillir la présente demande et de renvoyer l'affaire devant la "
        "Grande Chambre.",
        "representative": "Représentant du requérant",
        # Règle 9
        "cm": "Comité des Ministres du Conseil de l'Europe",
        "dej": "Service de l'exécution des arrêts de la Cour européenne des droits de l'homme",
        "r9_title": "Communication du requérant en vertu de la règle 9.1 des Règles du "
        "Comité des Ministres pour la surveillance de l'exécution des arrêts et des termes "
        "des règlements amiables",
        "r9_case": "{% if case.title %}{{ case.title }}{% else %}{{ applicant_names }} c. "
        "{{ respondent_names }}{% endif %}{% if case.application_no %} (requête "
        "no {{ case.application_no }}){% endif %}",
        "introduction": "Introduction",
        "r9_intro": "Le requérant, {{ applicant_names }}{% if representatives %}, "
        "représenté par {{ representatives[0].name }}{% endif %}, présente la présente "
        "communication relative à l'exécution par l'État défendeur ({{ respondent_names }}) "
        "de l'arrêt rendu par la Cour européenne des "
        "droits de l'homme le {{ judgment.delivered_on }}{% if case.application_no %} dans "
        "la requête no {{ case.application_no }}{% endif %}.",
        "final": "L'arrêt est devenu définitif le {{ judgment.final_on }} "
        "({{ judgment.finality_article }}).",
        "supervision": "Procédure de surveillance",
        "group": "Groupe d'affaires",
        "action_plan": "Dernier plan ou bilan d'action du Gouvernement",
        "action_plan_due": "Selon les méthodes de travail du Comité des Ministres "
        "(CM/Inf/DH(2010)45), l'État défendeur "
        "{% if judgment.execution.action_plan_due_passed %}devait{% else %}doit{% endif %} "
        "soumettre un plan d'action ou un bilan d'action dans les six mois à compter de la "
        "date à laquelle l'arrêt est devenu définitif, soit au plus tard le "
        "{{ judgment.execution.action_plan_due }}.",
        "meeting": "Le requérant prie le Comité des Ministres d'examiner la présente "
        "communication lors de sa réunion droits de l'homme (DH) qui s'ouvre le "
        "{{ judgment.execution.next_meeting }}.",
        "rule9_in_time": "La présente communication est notifiée au plus tard le "
        "{{ judgment.execution.rule9_last_day }}, dix jours ouvrables avant l'ouverture de "
        "cette réunion, afin qu'elle puisse être rendue publique avant la réunion en vertu de "
        "la règle 9 des Règles du Comité des Ministres (une communication à laquelle l'État "
        "n'a pas répondu est rendue publique dix jours ouvrables après sa notification).",
        "payment": "Satisfaction équitable",
        "paid": "La satisfaction équitable allouée par la Cour a été versée le "
        "{{ judgment.execution.paid_on }}.",
        "payment_due": "Toute somme allouée au titre de l'article 41 de la Convention "
        "{% if judgment.execution.payment_due_passed %}devait{% else %}doit{% endif %} être "
        "versée dans les trois mois à compter de la date à laquelle l'arrêt est devenu "
        "définitif, soit au plus tard le {{ judgment.execution.payment_due }}.",
        "taken": "Mesures prises par les autorités",
        "individual": "Mesures individuelles restant à prendre",
        "general": "Mesures générales restant à prendre",
        "recommendations": "Recommandations au Comité des Ministres",
        "recommendations_intro": "Le requérant invite respectueusement le Comité des "
        "Ministres\u00a0:",
        "recommendation": "{{ r.number }}. {{ r.text }}",
    },
}
"""Fixed text per language (no English in the French templates)."""


def _address_block(doc: Doc, lines: tuple[str, ...]) -> None:
    for line in lines:
        paragraph = doc.add_paragraph(line, style="Normal")
        paragraph.paragraph_format.left_indent = Cm(8)
        paragraph.paragraph_format.space_after = Pt(0)


def _right(doc: Doc, text: str) -> None:
    paragraph = doc.add_paragraph(text, style="Normal")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _centred(doc: Doc, text: str, *, bold: bool = False) -> None:
    paragraph = doc.add_paragraph(style="Normal")
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.add_run(text).bold = bold


def _numbered_loop(w: Writer, loop: str, item: str = "p") -> None:
    """One numbered paragraph per item of ``loop`` (a list of paragraphs)."""
    w.tag(f"for {item} in {loop}")
    w.numbered(f"{{{{ {item} }}}}")
    w.tag("endfor")


def _optional_section(w: Writer, heading: str, expr: str) -> None:
    """A heading and one numbered paragraph per paragraph of ``expr``, when it is set."""
    w.tag(f"if {expr}")
    w.heading(heading, 1)
    _numbered_loop(w, expr)
    w.tag("endif")


def _signature(w: Writer, x: Mapping[str, str]) -> None:
    w.para(x["date_line"])
    w.signature_line()
    w.tag("if signatory")
    w.para("{{ signatory }}", bold=True)
    w.tag("endif")


def _judgment_paragraphs(w: Writer, x: Mapping[str, str]) -> None:
    w.numbered(x["delivered"])
    w.tag("if judgment.violations_of")
    w.numbered(x["violation"])
    w.tag("endif")
    w.tag("if judgment.no_violations_of")
    w.numbered(x["no_violation"])
    w.tag("endif")


def build_rule39_request(locale: str) -> Doc:
    """``ecthr/rule39-request``: a request for interim measures (Rule 39)."""
    x = TEXT[locale]
    doc = _new_document(locale, CORE[locale]["header"], x["r39_title"])
    w = Writer(doc, locale)
    urgent = doc.add_paragraph(style="Normal")
    urgent.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = urgent.add_run(x["urgent"])
    run.bold = True
    run.font.size = Pt(16)
    w.tag("if interim.contact")
    w.field(
        x["contact_person"],
        "{% if representatives %}{{ representatives[0].name }}, {% endif %}{{ interim.contact }}",
    )
    w.tag("endif")
    w.field(
        x["when"],
        f"{{% if interim.imminent_on %}}{x['when_value']}{{% else %}}{x['not_known']}{{% endif %}}",
    )
    _address_block(doc, (x["registry"], x["court"], x["council"], x["city"], x["country"]))
    _right(doc, x["date_line"])
    w.title(x["r39_title"])
    w.para(x["re"], bold=True)

    w.heading(x["applicant"], 1)
    w.tag("for a in applicants")
    w.field(x["name"], "{{ a.name }}")
    for key, expr in (
        ("dob", "a.date_of_birth"),
        ("nationality", "a.nationality"),
        ("detained", "a.detained_at"),
        ("address", "a.address"),
    ):
        w.optional_field(x[key], expr)
    w.tag("endfor")
    w.tag("if case.application_no")
    w.numbered(x["application_pending"])
    w.tag("elif lodged_on")
    w.numbered(x["application_lodged"])
    w.tag("else")
    w.numbered(x["application_intended"])
    w.tag("endif")

    w.heading(x["risk"], 1)
    _numbered_loop(w, "interim.risk")
    w.tag("if interim.imminent_on")
    w.numbered(x["when_known"])
    w.tag("else")
    w.numbered(x["when_unknown"])
    w.tag("endif")
    w.optional_field(x["place"], "interim.place")

    w.heading(x["measure"], 1)
    w.numbered(x["measure_intro"])
    measure = doc.add_paragraph(style="Normal")
    measure.paragraph_format.left_indent = Cm(1)
    measure.add_run("{{ interim.measure }}").bold = True

    w.heading(x["provisions"], 1)
    w.numbered(x["provisions_text"])

    w.tag("if interim.domestic_steps or decisions")
    w.heading(x["domestic"], 1)
    w.tag("if interim.domestic_steps")
    _numbered_loop(w, "interim.domestic_steps")
    w.tag("endif")
    w.tag("if decisions")
    w.numbered(x["decisions_intro"])
    w.tag("for d in decisions")
    w.bullet(x["decision_line"])
    w.tag("endfor")
    w.tag("endif")
    w.tag("endif")

    w.tag("if interim.documents")
    w.heading(x["documents"], 1)
    w.para(x["documents_intro"])
    w.table(
        (x["doc_no"], x["doc_title"], x["doc_date"], x["doc_pages"]),
        "for d in interim.documents",
        (
            "{{ d.number }}",
            "{{ d.title }}{% if d.reference %} ({{ d.reference }}){% endif %}",
            "{% if d.date %}{{ d.date }}{% endif %}",
            "{% if d.pages %}{{ d.pages }}{% endif %}",
        ),
    )
    w.tag("endif")

    w.heading(x["contact"], 1)
    w.tag("if interim.contact")
    w.numbered(x["contact_text"])
    w.tag("endif")
    w.numbered(x["inform"])
    _signature(w, x)
    return doc


def build_referral_request(locale: str) -> Doc:
    """``ecthr/referral-request``: a request for referral to the Grand Chamber (Article 43)."""
    x = TEXT[locale]
    doc = _new_document(locale, CORE[locale]["header"], x["ref_title"])
    w = Writer(doc, locale)
    w.title(x["ref_title"])
    _centred(doc, x["ref_subtitle"])
    w.tag("if case.application_no")
    _centred(doc, x["application_no"])
    w.tag("endif")
    w.tag("if case.title")
    _centred(doc, "{{ case.title }}", bold=True)
    w.tag("endif")
    w.numbered(x["ref_intro"])

    w.heading(x["judgment"], 1)
    _judgment_paragraphs(w, x)

    w.tag("if judgment.referral.in_time")
    w.heading(x["time_limit"], 1)
    w.tag("if judgment.referral.deadline_certain")
    w.numbered(x["in_time_dated"])
    w.tag("else")
    w.numbered(x["in_time"])
    w.tag("endif")
    w.tag("endif")

    w.heading(x["serious"], 1)
    w.numbered(x["serious_intro"])
    # The reasons are required: without them, strict rendering reports the missing
    # value (a draft shows a [MISSING] marker in their place).
    w.tag("if judgment.referral.reasons")
    _numbered_loop(w, "judgment.referral.reasons")
    w.tag("else")
    w.numbered("{{ judgment.referral.reasons }}")
    w.tag("endif")

    w.heading(x["request"], 1)
    w.numbered(x["request_text"])
    _signature(w, x)
    w.tag("if representatives")
    w.para(x["representative"])
    w.tag("endif")
    return doc


def build_rule9_submission(locale: str) -> Doc:
    """``cm/rule9-submission``: the applicant's communication to the Committee of Ministers."""
    x = TEXT[locale]
    doc = _new_document(locale, CORE[locale]["header"], x["r9_title"])
    w = Writer(doc, locale)
    _address_block(doc, (x["cm"], x["dej"], x["council"], x["city"], x["country"]))
    _right(doc, x["date_line"])
    w.title(x["r9_title"])
    _centred(doc, x["r9_case"], bold=True)

    w.heading(x["introduction"], 1)
    w.numbered(x["r9_intro"])
    # The meeting and the Rule 9 window (litigate.engine.execution): the window is
    # stated only while the communication is in time.
    w.tag("if judgment.execution and judgment.execution.next_meeting")
    w.numbered(x["meeting"])
    w.tag("if judgment.execution.rule9_in_time")
    w.numbered(x["rule9_in_time"])
    w.tag("endif")
    w.tag("endif")

    w.heading(x["judgment"], 1)
    _judgment_paragraphs(w, x)
    w.tag("if judgment.final_on")
    w.numbered(x["final"])
    w.tag("endif")
    w.tag("if judgment.execution")
    w.optional_field(x["supervision"], "judgment.execution.supervision_label")
    w.optional_field(x["group"], "judgment.execution.group")
    w.optional_field(x["action_plan"], "judgment.execution.action_plan_on")
    w.tag("if judgment.execution.action_plan_due")
    w.numbered(x["action_plan_due"])
    w.tag("endif")

    w.tag("if judgment.execution.paid_on or judgment.execution.payment_due")
    w.heading(x["payment"], 1)
    w.tag("if judgment.execution.paid_on")
    w.numbered(x["paid"])
    w.tag("else")
    w.numbered(x["payment_due"])
    w.tag("endif")
    w.tag("endif")

    _optional_section(w, x["taken"], "judgment.execution.measures_taken")
    _optional_section(w, x["individual"], "judgment.execution.individual_measures")
    _optional_section(w, x["general"], "judgment.execution.general_measures")

    w.tag("if judgment.execution.recommendations")
    w.heading(x["recommendations"], 1)
    w.numbered(x["recommendations_intro"])
    w.tag("for r in judgment.execution.recommendations")
    item = doc.add_paragraph(style="Normal")
    item.paragraph_format.left_indent = Cm(1.5)
    item.paragraph_format.first_line_indent = Cm(-0.75)
    item.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    item.add_run(x["recommendation"])
    w.tag("endfor")
    w.tag("endif")
    w.tag("endif")
    _signature(w, x)
    return doc


SPECS: tuple[Spec, ...] = (
    Spec(
        template_id="ecthr/rule39-request",
        build=build_rule39_request,
        locales=("en", "fr"),
        title_en="Request for interim measures (Rule 39)",
        title_fr="Demande de mesures provisoires (article 39 du règlement)",
        description="Request for interim measures marked 'Rule 39 - Urgent' on its face with "
        "the person to contact and the date and time of the feared removal or harm (or 'not "
        "known'): the applicant and the place of detention or address, the application "
        "lodged or intended, the imminent risk, the measure requested, the Convention "
        "provisions relied on (required), the domestic steps and decisions, the numbered "
        "documents enclosed, the urgent contact; place, date and signature.",
        context_keys=(
            "case",
            "applicants",
            "applicant_names",
            "respondent_names",
            "representatives",
            "decisions",
            "lodged_on",
            "interim",
            "place",
            "date",
            "signatory",
        ),
        case_forums=("ecthr",),
        requires=("interim_measures",),
    ),
    Spec(
        template_id="ecthr/referral-request",
        build=build_referral_request,
        locales=("en", "fr"),
        title_en="Request for referral to the Grand Chamber (Article 43)",
        title_fr="Demande de renvoi devant la Grande Chambre (article 43)",
        description="Request under Article 43 of the Convention and Rule 73 of the Rules of "
        "Court: the judgment (date, formation, violations and non-violations), the "
        "three-month time limit of Article 43 § 1 with its expiry date (only while it runs, "
        "for a Chamber judgment), the serious question or issue of Article 43 § 2 with the "
        "reasons (required), the request; place, date and signature.",
        context_keys=(
            "case",
            "applicant_names",
            "respondent_names",
            "representatives",
            "judgment",
            "place",
            "date",
            "signatory",
        ),
        case_forums=("ecthr",),
        requires=("judgment",),
    ),
    Spec(
        template_id="cm/rule9-submission",
        build=build_rule9_submission,
        locales=("en", "fr"),
        title_en="Communication to the Committee of Ministers (Rule 9.1)",
        title_fr="Communication au Comité des Ministres (règle 9.1)",
        description="The applicant's communication on the execution of a judgment under "
        "Rule 9.1 of the Committee of Ministers' Rules for the supervision of the execution "
        "of judgments: the judgment and the date it became final (when known), supervision "
        "procedure and group, the action plan due six months after finality (CM/Inf/DH(2010)45), "
        "the next DH meeting and the Rule 9 notification day before it (while in time), payment "
        "of just satisfaction (date paid or due), measures taken, individual and general measures outstanding, numbered recommendations; "
        "place, date and signature.",
        context_keys=(
            "case",
            "applicant_names",
            "respondent_names",
            "representatives",
            "judgment",
            "place",
            "date",
            "signatory",
        ),
        case_forums=("ecthr",),
        requires=("judgment",),
    ),
)
