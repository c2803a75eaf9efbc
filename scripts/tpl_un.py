"""UN treaty-body templates in English, French and Russian (discovered by build_templates.py).

* ``un/communication``: the content of the OHCHR complaint form, in its order (UN.md §7.2,
  with the older model form's items, §7.1): submission language, committee and treaty,
  State party and its acceptance, authors, counsel, the three yes/no questions, facts,
  domestic remedies, legal claims per article, supporting documents, date and signature.
* ``un/comments-on-observations``: the author's comments on the State party's observations,
  one part per section of the ``reply=`` value (a :class:`litigate.Reply`).
* ``un/follow-up-submission``: an NGO's information on follow-up to concluding
  observations or Views (``case.follow_up``).

Every value comes from :func:`litigate.drafts.context.build_context` and the ``un`` and
``follow_up`` keys of :mod:`litigate.drafts.un`, already in the template's language.
"""

from __future__ import annotations

from collections.abc import Mapping

from build_templates import (
    Doc,
    Spec,
    Writer,
    _new_document,
    write_reply_sections,
    write_review_notes,
)
from docx.enum.text import WD_ALIGN_PARAGRAPH

UN_FORUMS = ("hrc", "cat", "cerd", "cedaw", "crpd", "crc", "ced", "cescr")

TEXT: Mapping[str, Mapping[str, str]] = {
    "en": {
        "header": "{% if case.application_no %}Communication No. {{ case.application_no }}"
        "{% if case.title %} – {% endif %}{% endif %}{% if case.title %}{{ case.title }}"
        "{% endif %}",
        "yes": "Yes",
        "no": "No",
        # Communication
        "comm_title": "Individual communication",
        "submitted_on": "Date of submission",
        "language": "Submission language",
        "s1": "1. Committee and treaty",
        "committee": "Committee",
        "treaty": "Treaty invoked",
        "procedure": "Procedure accepted by the State party",
        "s2": "2. State party concerned",
        "state": "State party",
        "accepted": "The {{ un.procedure }} took effect for {{ un.state.name }} on "
        "{{ un.acceptance.in_force_from }}, according to litigate's acceptance data "
        "(confidence: {{ un.acceptance.confidence }}; check the UN Treaty Collection).",
        "facts_after": "The facts complained of occurred after that date.",
        "facts_before": "Some of the facts complained of occurred before that date; the "
        "author relies on their continuation or continuing effects after it.",
        "no_acceptance": "[Check in the UN Treaty Collection that the State party has "
        "accepted the Committee's competence to receive individual communications, and "
        "from which date.]",
        "s3": "3. Author(s) and alleged victim(s)",
        "author_n": "Author {{ a.number }}",
        "name": "Surname and first name(s)",
        "org_name": "Name",
        "dob": "Date of birth",
        "pob": "Place of birth",
        "nationality": "Nationality",
        "sex": "Sex",
        "occupation": "Occupation",
        "address": "Address for correspondence",
        "phone": "Telephone",
        "email": "E-mail",
        "detained": "Place of detention",
        "registration_no": "Registration number",
        "registered_on": "Date of registration",
        "s4": "4. Counsel or representative",
        "rep_n": "Representative {{ r.number }}",
        "capacity": "Capacity",
        "organisation": "Law firm or organisation",
        "bar_no": "Bar or licence number",
        "authority_on": "Authorisation signed on",
        "no_rep": "The author(s) is (are) not represented.",
        "s5": "5. Questions",
        "q_anonymity": "Do you request that the identity of the alleged victim(s) not be "
        "disclosed in the Committee's published decision",
        "reasons": "Reasons given by {{ a.name }}",
        "q_same": "Has the same matter been submitted to another procedure of international "
        "investigation or settlement",
        "procedure_line": "{{ p.body }}{% if p.reference %}, {{ p.reference }}{% endif %}"
        "{% if p.lodged_on %}, submitted on {{ p.lodged_on }}{% endif %}"
        "{% if p.status %} ({{ p.status }}){% endif %}"
        "{% if p.concluded_on %}, concluded on {{ p.concluded_on }}{% endif %}"
        "{% if p.outcome %}: {{ p.outcome }}{% endif %}.",
        "q_interim": "Do you request interim measures or protection measures",
        "interim_measure": "Measure requested",
        "interim_risk": "Risk of irreparable harm",
        "interim_on": "Date of the expected harm",
        "s6": "6. Summary of the facts",
        "no_facts": "[The summary of the facts is to be completed.]",
        "s7": "7. Exhaustion of domestic remedies",
        "remedy_line": "{{ d.court }}{% if d.taken_on %}, decision of {{ d.taken_on }}"
        "{% endif %}{% if d.reference %} ({{ d.reference }}){% endif %}"
        "{% if d.outcome %}: {{ d.outcome }}{% endif %}.",
        "no_remedies": "[No domestic remedy is recorded. Explain which remedies exist and why "
        "they were not used: they were not available or not effective, or their use was "
        "unreasonably prolonged.]",
        "s8": "8. Legal claims",
        "claim_heading": "{{ c.heading }}{% if c.title %} – {{ c.title }}{% endif %}",
        "time_limit": "Time of submission",
        "s9": "9. Checklist of supporting documents",
        "documents_intro": "Copies (not originals) of the following documents are enclosed:",
        "doc_no": "No.",
        "doc_title": "Document",
        "doc_date": "Date",
        "doc_pages": "Pages",
        "no_documents": "[No document is listed.]",
        "s10": "Date and signature",
        "place": "Place",
        "date": "Date",
        "signature": "Signature of the author(s) or of the representative(s)",
        "signatory": "Name of the signatory",
        # Comments on the State party's observations
        "comments_title": "Comments of the author on the State party's observations on the "
        "admissibility and merits of the communication",
        "comments_no": "Communication No. {{ case.application_no }}",
        "comments_intro": "The author, {{ applicant_names }}, submits the following comments "
        "on the observations of the State party ({{ un.state.name }}) on the admissibility "
        "and merits of the communication{% if lodged_on %} submitted on {{ lodged_on }}"
        "{% endif %}. The paragraphs of the State party's observations are cited by their "
        "numbers.",
        "comments_body": "Comments on the State party's observations",
        "sources": "Sources relied on",
        "conclusion": "Conclusion",
        "comments_conclusion": "For these reasons, the author requests the Committee to "
        "declare the communication admissible{% if un.claims %} and to find a violation "
        "{% for c in un.claims %}{% if not loop.first %}; {% endif %}{{ c.violation }}"
        "{% endfor %}{% endif %}.",
        "representative": "Representative of the author",
        "date_line": "{% if place %}{{ place }}, {% endif %}{{ date }}",
        # Follow-up
        "fu_title": "Information from a non-governmental organisation on follow-up",
        "fu_document": "Document followed up",
        "fu_adopted": "Date of adoption",
        "kind_co": "concluding observations",
        "kind_views": "Views",
        "fu_s1": "1. The organisation submitting the information",
        "contact": "Contact person",
        "fu_s2": "2. Introduction",
        "fu_intro": "{{ applicant_names }} submits the following information on the "
        "implementation by {{ un.state.name }} of the recommendations that the "
        "{{ follow_up.committee }} selected for follow-up"
        "{% if follow_up.document %} in {{ follow_up.document }}{% endif %}"
        "{% if follow_up.adopted_on %}, adopted on {{ follow_up.adopted_on }}{% endif %}.",
        "fu_s3": "3. Recommendations selected for follow-up",
        "paragraph_n": "Paragraph {{ r.paragraph }}",
        "recommendation": "Recommendation",
        "due_on": "Information due from the State party",
        "due_fallback": " (one year from adoption; the concluding observations state the date)",
        "reply_on": "Reply of the State party dated",
        "no_reply": "No reply of the State party is recorded.",
        "state_reply": "Reply of the State party",
        "grade": "Assessment by the Committee",
        "assessment": "Assessment by the organisation",
        "fu_s4": "4. Conclusion",
        "fu_conclusion": "The organisation invites the Committee to take this information "
        "into account in its assessment of the State party's follow-up and in the list of "
        "issues prior to the submission of the next periodic report.",
        "fu_docs": "5. Documents enclosed",
        "marker": "[TO REVIEW]",
        "review_notes": "Review notes for the lawyer (remove before filing)",
    },
    "fr": {
        "header": "{% if case.application_no %}Communication no {{ case.application_no }}"
        "{% if case.title %} – {% endif %}{% endif %}{% if case.title %}{{ case.title }}"
        "{% endif %}",
        "yes": "Oui",
        "no": "Non",
        "comm_title": "Communication individuelle",
        "submitted_on": "Date de la communication",
        "language": "Langue de la communication",
        "s1": "1. Comité et traité",
        "committee": "Comité",
        "treaty": "Traité invoqué",
        "procedure": "Procédure acceptée par l'État partie",
        "s2": "2. État partie concerné",
        "state": "État partie",
        "accepted": "Instrument d'acceptation ({{ un.procedure }}) : en vigueur à l'égard de "
        "l'État partie ({{ un.state.name }}) depuis le {{ un.acceptance.in_force_from }}, "
        "selon les données d'acceptation de litigate (degré de certitude : "
        "{{ un.acceptance.confidence }} ; à vérifier dans la Collection des traités des "
        "Nations unies).",
        "facts_after": "Les faits dénoncés sont postérieurs à cette date.",
        "facts_before": "Une partie des faits dénoncés est antérieure à cette date ; l'auteur "
        "invoque leur persistance ou leurs effets continus après celle-ci.",
        "no_acceptance": "[Vérifier dans la Collection des traités des Nations unies que "
        "l'État partie a reconnu la compétence du Comité pour recevoir des communications "
        "individuelles, et depuis quelle date.]",
        "s3": "3. Auteur(s) et victime(s) présumée(s)",
        "author_n": "Auteur no {{ a.number }}",
        "name": "Nom et prénom(s)",
        "org_name": "Dénomination",
        "dob": "Date de naissance",
        "pob": "Lieu de naissance",
        "nationality": "Nationalité",
        "sex": "Sexe",
        "occupation": "Profession",
        "address": "Adresse pour la correspondance",
        "phone": "Téléphone",
        "email": "Courriel",
        "detained": "Lieu de détention",
        "registration_no": "Numéro d'enregistrement",
        "registered_on": "Date d'enregistrement",
        "s4": "4. Conseil ou représentant",
        "rep_n": "Représentant no {{ r.number }}",
        "capacity": "Qualité",
        "organisation": "Cabinet ou organisation",
        "bar_no": "Numéro d'inscription au barreau",
        "authority_on": "Pouvoir signé le",
        "no_rep": "L'auteur (les auteurs) n'est (ne sont) pas représenté(s).",
        "s5": "5. Questions",
        "q_anonymity": "Demandez-vous que l'identité de la ou des victimes présumées ne soit "
        "pas divulguée dans la décision publiée du Comité",
        "reasons": "Motifs invoqués par {{ a.name }}",
        "q_same": "La même question a-t-elle été soumise à une autre instance internationale "
        "d'enquête ou de règlement",
        "procedure_line": "{{ p.body }}{% if p.reference %}, {{ p.reference }}{% endif %}"
        "{% if p.lodged_on %}, saisie le {{ p.lodged_on }}{% endif %}"
        "{% if p.status %} ({{ p.status }}){% endif %}"
        "{% if p.concluded_on %}, close le {{ p.concluded_on }}{% endif %}"
        "{% if p.outcome %} : {{ p.outcome }}{% endif %}.",
        "q_interim": "Demandez-vous des mesures provisoires ou des mesures de protection",
        "interim_measure": "Mesure demandée",
        "interim_risk": "Risque de préjudice irréparable",
        "interim_on": "Date du préjudice attendu",
        "s6": "6. Exposé sommaire des faits",
        "no_facts": "[L'exposé des faits reste à rédiger.]",
        "s7": "7. Épuisement des recours internes",
        "remedy_line": "{{ d.court }}{% if d.taken_on %}, décision du {{ d.taken_on }}"
        "{% endif %}{% if d.reference %} ({{ d.reference }}){% endif %}"
        "{% if d.outcome %} : {{ d.outcome }}{% endif %}.",
        "no_remedies": "[Aucun recours interne n'est enregistré. Indiquer quels recours "
        "existent et pourquoi ils n'ont pas été exercés : ils n'étaient pas disponibles ou "
        "pas utiles, ou leurs procédures excédaient des délais raisonnables.]",
        "s8": "8. Griefs",
        "claim_heading": "{{ c.heading }}{% if c.title %} – {{ c.title }}{% endif %}",
        "time_limit": "Délai de présentation",
        "s9": "9. Liste des pièces justificatives",
        "documents_intro": "Sont joints les documents suivants, en copie (non en original) :",
        "doc_no": "No",
        "doc_title": "Pièce",
        "doc_date": "Date",
        "doc_pages": "Pages",
        "no_documents": "[Aucune pièce n'est énumérée.]",
        "s10": "Date et signature",
        "place": "Lieu",
        "date": "Date",
        "signature": "Signature de l'auteur (des auteurs) ou du (des) représentant(s)",
        "signatory": "Nom du signataire",
        "comments_title": "Commentaires de l'auteur sur les observations de l'État partie "
        "concernant la recevabilité et le fond de la communication",
        "comments_no": "Communication no {{ case.application_no }}",
        "comments_intro": "L'auteur, {{ applicant_names }}, présente les commentaires "
        "suivants sur les observations de l'État partie ({{ un.state.name }}) concernant la "
        "recevabilité et le fond de la communication{% if lodged_on %} présentée le "
        "{{ lodged_on }}{% endif %}. Les paragraphes des observations de l'État partie sont "
        "cités par leur numéro.",
        "comments_body": "Commentaires sur les observations de l'État partie",
        "sources": "Sources invoquées",
        "conclusion": "Conclusion",
        "comments_conclusion": "Par ces motifs, l'auteur prie le Comité de déclarer la "
        "communication recevable{% if un.claims %} et de constater une violation "
        "{% for c in un.claims %}{% if not loop.first %} ; {% endif %}{{ c.violation }}"
        "{% endfor %}{% endif %}.",
        "representative": "Représentant de l'auteur",
        "date_line": "{% if place %}{{ place }}, le {% else %}Le {% endif %}{{ date }}",
        "fu_title": "Informations d'une organisation non gouvernementale sur la suite donnée",
        "fu_document": "Document suivi",
        "fu_adopted": "Date d'adoption",
        "kind_co": "observations finales",
        "kind_views": "constatations",
        "fu_s1": "1. L'organisation qui présente les informations",
        "contact": "Personne à contacter",
        "fu_s2": "2. Introduction",
        "fu_intro": "{{ applicant_names }} présente les informations suivantes sur la mise en "
        "œuvre par l'État partie ({{ un.state.name }}) des recommandations retenues pour la "
        "procédure de suivi par le Comité ({{ follow_up.committee }})"
        "{% if follow_up.document %} dans le document {{ follow_up.document }}{% endif %}"
        "{% if follow_up.adopted_on %}, adopté le {{ follow_up.adopted_on }}{% endif %}.",
        "fu_s3": "3. Recommandations retenues pour la procédure de suivi",
        "paragraph_n": "Paragraphe {{ r.paragraph }}",
        "recommendation": "Recommandation",
        "due_on": "Informations attendues de l'État partie le",
        "due_fallback": " (un an après l'adoption ; la date figure dans les observations finales)",
        "reply_on": "Réponse de l'État partie datée du",
        "no_reply": "Aucune réponse de l'État partie n'est enregistrée.",
        "state_reply": "Réponse de l'État partie",
        "grade": "Évaluation du Comité",
        "assessment": "Évaluation de l'organisation",
        "fu_s4": "4. Conclusion",
        "fu_conclusion": "L'organisation invite le Comité à tenir compte de ces informations "
        "dans son évaluation de la suite donnée par l'État partie et dans la liste de points "
        "à traiter établie avant la soumission du prochain rapport périodique.",
        "fu_docs": "5. Documents joints",
        "marker": "[À RELIRE]",
        "review_notes": "Notes de relecture pour l'avocat (à retirer avant le dépôt)",
    },
    "ru": {
        "header": "{% if case.application_no %}Сообщение № {{ case.application_no }}"
        "{% if case.title %} – {% endif %}{% endif %}{% if case.title %}{{ case.title }}"
        "{% endif %}",
        "yes": "Да",
        "no": "Нет",
        "comm_title": "Индивидуальное сообщение",
        "submitted_on": "Дата представления",
        "language": "Язык представления",
        "s1": "1. Комитет и договор",
        "committee": "Комитет",
        "treaty": "Договор, на который ссылается автор",
        "procedure": "Процедура, признанная государством-участником",
        "s2": "2. Соответствующее государство-участник",
        "state": "Государство-участник",
        "accepted": "Признание процедуры ({{ un.procedure }}): в силе для "
        "государства-участника ({{ un.state.name }}) с {{ un.acceptance.in_force_from }} "
        "согласно данным litigate о признании (степень достоверности: "
        "{{ un.acceptance.confidence }}; необходимо проверить по Сборнику договоров "
        "Организации Объединенных Наций).",
        "facts_after": "Обжалуемые факты имели место после этой даты.",
        "facts_before": "Часть обжалуемых фактов имела место до этой даты; автор ссылается на "
        "их продолжение или длящиеся последствия после нее.",
        "no_acceptance": "[Проверить по Сборнику договоров Организации Объединенных Наций, "
        "признало ли государство-участник компетенцию Комитета получать индивидуальные "
        "сообщения, и с какой даты.]",
        "s3": "3. Автор (авторы) и предполагаемая жертва (жертвы)",
        "author_n": "Автор № {{ a.number }}",
        "name": "Фамилия и имя",
        "org_name": "Наименование",
        "dob": "Дата рождения",
        "pob": "Место рождения",
        "nationality": "Гражданство",
        "sex": "Пол",
        "occupation": "Род занятий",
        "address": "Адрес для переписки",
        "phone": "Телефон",
        "email": "Электронная почта",
        "detained": "Место содержания под стражей",
        "registration_no": "Регистрационный номер",
        "registered_on": "Дата регистрации",
        "s4": "4. Адвокат или представитель",
        "rep_n": "Представитель № {{ r.number }}",
        "capacity": "Статус",
        "organisation": "Адвокатское образование или организация",
        "bar_no": "Номер в реестре адвокатов",
        "authority_on": "Дата подписания доверенности",
        "no_rep": "Автор (авторы) не имеет (не имеют) представителя.",
        "s5": "5. Вопросы",
        "q_anonymity": "Просите ли вы не раскрывать личность предполагаемой жертвы (жертв) в "
        "опубликованном решении Комитета",
        "reasons": "Основания, приведенные автором ({{ a.name }})",
        "q_same": "Представлялся ли этот же вопрос на рассмотрение в соответствии с другой "
        "процедурой международного разбирательства или урегулирования",
        "procedure_line": "{{ p.body }}{% if p.reference %}, {{ p.reference }}{% endif %}"
        "{% if p.lodged_on %}, дата обращения: {{ p.lodged_on }}{% endif %}"
        "{% if p.status %} ({{ p.status }}){% endif %}"
        "{% if p.concluded_on %}, дата завершения: {{ p.concluded_on }}{% endif %}"
        "{% if p.outcome %}; результат: {{ p.outcome }}{% endif %}.",
        "q_interim": "Просите ли вы о принятии временных мер или мер защиты",
        "interim_measure": "Запрашиваемая мера",
        "interim_risk": "Опасность непоправимого вреда",
        "interim_on": "Ожидаемая дата причинения вреда",
        "s6": "6. Краткое изложение фактов",
        "no_facts": "[Изложение фактов подлежит заполнению.]",
        "s7": "7. Исчерпание внутренних средств правовой защиты",
        "remedy_line": "{{ d.court }}{% if d.taken_on %}, решение от {{ d.taken_on }}"
        "{% endif %}{% if d.reference %} ({{ d.reference }}){% endif %}"
        "{% if d.outcome %}: {{ d.outcome }}{% endif %}.",
        "no_remedies": "[Сведения о внутренних средствах правовой защиты отсутствуют. Указать, "
        "какие средства существуют и почему они не были использованы: они были недоступны "
        "или неэффективны либо их применение неоправданно затягивалось.]",
        "s8": "8. Правовые доводы",
        "claim_heading": "{{ c.heading }}",
        "time_limit": "Срок представления",
        "s9": "9. Перечень подтверждающих документов",
        "documents_intro": "Прилагаются копии (не подлинники) следующих документов:",
        "doc_no": "№",
        "doc_title": "Документ",
        "doc_date": "Дата",
        "doc_pages": "Страниц",
        "no_documents": "[Документы не указаны.]",
        "s10": "Дата и подпись",
        "place": "Место",
        "date": "Дата",
        "signature": "Подпись автора (авторов) или представителя (представителей)",
        "signatory": "Фамилия и имя подписавшего лица",
        "comments_title": "Комментарии автора к замечаниям государства-участника относительно "
        "приемлемости и существа сообщения",
        "comments_no": "Сообщение № {{ case.application_no }}",
        "comments_intro": "Автор ({{ applicant_names }}) представляет следующие комментарии к "
        "замечаниям государства-участника ({{ un.state.name }}) относительно приемлемости и "
        "существа сообщения{% if lodged_on %}, представленного {{ lodged_on }}{% endif %}. "
        "Пункты замечаний государства-участника приводятся с указанием их номеров.",
        "comments_body": "Комментарии к замечаниям государства-участника",
        "sources": "Источники, на которые ссылается автор",
        "conclusion": "Заключение",
        "comments_conclusion": "На основании изложенного автор просит Комитет признать "
        "сообщение приемлемым{% if un.claims %} и констатировать нарушение "
        "{% for c in un.claims %}{% if not loop.first %}; {% endif %}{{ c.violation }}"
        "{% endfor %}{% endif %}.",
        "representative": "Представитель автора",
        "date_line": "{% if place %}{{ place }}, {% endif %}{{ date }}",
        "fu_title": "Информация неправительственной организации о последующей деятельности",
        "fu_document": "Документ, в отношении которого осуществляется последующая деятельность",
        "fu_adopted": "Дата принятия",
        "kind_co": "заключительные замечания",
        "kind_views": "соображения",
        "fu_s1": "1. Организация, представляющая информацию",
        "contact": "Контактное лицо",
        "fu_s2": "2. Введение",
        "fu_intro": "Организация ({{ applicant_names }}) представляет следующую информацию о "
        "выполнении государством-участником ({{ un.state.name }}) рекомендаций, отобранных "
        "Комитетом ({{ follow_up.committee }}) для последующей деятельности"
        "{% if follow_up.document %}, в документе {{ follow_up.document }}{% endif %}"
        "{% if follow_up.adopted_on %}, принятом {{ follow_up.adopted_on }}{% endif %}.",
        "fu_s3": "3. Рекомендации, отобранные для последующей деятельности",
        "paragraph_n": "Пункт {{ r.paragraph }}",
        "recommendation": "Рекомендация",
        "due_on": "Срок представления информации государством-участником",
        "due_fallback": " (один год с даты принятия; дата указывается в заключительных "
        "замечаниях)",
        "reply_on": "Дата ответа государства-участника",
        "no_reply": "Сведения об ответе государства-участника отсутствуют.",
        "state_reply": "Ответ государства-участника",
        "grade": "Оценка Комитета",
        "assessment": "Оценка организации",
        "fu_s4": "4. Заключение",
        "fu_conclusion": "Организация предлагает Комитету учесть настоящую информацию при "
        "оценке последующей деятельности государства-участника и при подготовке перечня "
        "вопросов до представления следующего периодического доклада.",
        "fu_docs": "5. Прилагаемые документы",
        "marker": "[ТРЕБУЕТ ПРОВЕРКИ]",
        "review_notes": "Замечания для проверки юристом (удалить перед подачей)",
    },
}

LOCALES = ("en", "fr", "ru")


def _yes_no(x: Mapping[str, str], expr: str) -> str:
    return f"{{% if {expr} %}}{x['yes']}{{% else %}}{x['no']}{{% endif %}}"


def _question(w: Writer, x: Mapping[str, str], label: str, expr: str) -> None:
    """A yes/no question of the form: the question in bold, the answer after it."""
    mark = "\u00a0? " if w.colon.startswith("\u00a0") else "? "
    paragraph = w.doc.add_paragraph(style="Normal")
    paragraph.add_run(label + mark, style="Field Label")
    paragraph.add_run(_yes_no(x, expr))


def _documents(w: Writer, x: Mapping[str, str]) -> None:
    w.tag("if documents")
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
    w.tag("else")
    w.para(x["no_documents"])
    w.tag("endif")


def _signature(w: Writer, x: Mapping[str, str]) -> None:
    w.field(x["place"], "{% if place %}{{ place }}{% else %}____________________{% endif %}")
    w.field(x["date"], "{{ date }}")
    w.para(x["signature"] + w.colon.rstrip())
    w.signature_line()
    w.optional_field(x["signatory"], "signatory")


def _fields(w: Writer, x: Mapping[str, str], pairs: tuple[tuple[str, str], ...]) -> None:
    for key, expr in pairs:
        w.optional_field(x[key], expr)


def build_communication(locale: str) -> Doc:
    """``un/communication``: the OHCHR form's content, in its order."""
    x = TEXT[locale]
    doc = _new_document(locale, x["header"], x["comm_title"])
    w = Writer(doc, locale)
    w.title(x["comm_title"])
    w.tag("if case.title")
    w.para("{{ case.title }}", bold=True)
    w.tag("endif")
    w.field(x["submitted_on"], "{{ date }}")
    w.field(x["language"], "{{ un.language }}")

    w.heading(x["s1"], 1)
    w.field(x["committee"], "{{ un.committee }}")
    w.field(x["treaty"], "{{ un.treaty }}")
    w.field(x["procedure"], "{{ un.procedure }}")

    w.heading(x["s2"], 1)
    w.tag("if un.state")
    w.field(x["state"], "{{ un.state.name }}")
    w.tag("endif")
    w.tag("if un.acceptance")
    w.numbered(x["accepted"])
    w.tag("if un.acceptance.facts_after is sameas true")
    w.numbered(x["facts_after"])
    w.tag("elif un.acceptance.facts_after is sameas false")
    w.numbered(x["facts_before"])
    w.tag("endif")
    w.tag("else")
    w.para(x["no_acceptance"])
    w.tag("endif")

    w.heading(x["s3"], 1)
    w.tag("for a in un.authors")
    w.heading(x["author_n"], 2)
    w.tag("if a.is_person")
    w.field(x["name"], "{{ a.name }}")
    _fields(
        w,
        x,
        (
            ("dob", "a.date_of_birth"),
            ("pob", "a.place_of_birth"),
            ("nationality", "a.nationality"),
            ("sex", "a.sex"),
            ("occupation", "a.occupation"),
            ("address", "a.address"),
            ("phone", "a.phone"),
            ("email", "a.email"),
            ("detained", "a.detained_at"),
        ),
    )
    w.tag("else")
    w.field(x["org_name"], "{{ a.name }}")
    _fields(
        w,
        x,
        (
            ("registration_no", "a.registration_no"),
            ("registered_on", "a.registered_on"),
            ("address", "a.address"),
            ("phone", "a.phone"),
            ("email", "a.email"),
        ),
    )
    w.tag("endif")
    w.tag("endfor")

    w.heading(x["s4"], 1)
    w.tag("if representatives")
    w.tag("for r in representatives")
    w.heading(x["rep_n"], 2)
    w.field(x["name"], "{{ r.name }}")
    _fields(
        w,
        x,
        (
            ("capacity", "r.capacity"),
            ("organisation", "r.organisation"),
            ("address", "r.address"),
            ("phone", "r.phone"),
            ("email", "r.email"),
            ("bar_no", "r.bar_no"),
            ("authority_on", "r.authority_signed_on"),
        ),
    )
    w.tag("endfor")
    w.tag("else")
    w.para(x["no_rep"])
    w.tag("endif")

    w.heading(x["s5"], 1)
    _question(w, x, x["q_anonymity"], "un.anonymisation")
    w.tag("for a in un.anonymity")
    w.tag("if a.anonymity_reasons")
    w.field(x["reasons"], "{{ a.anonymity_reasons }}")
    w.tag("endif")
    w.tag("endfor")
    _question(w, x, x["q_same"], "un.same_matter")
    w.tag("for p in un.procedures")
    w.bullet(x["procedure_line"])
    w.tag("endfor")
    _question(w, x, x["q_interim"], "un.interim")
    w.tag("if un.interim_measures")
    w.field(x["interim_measure"], "{{ un.interim_measures.measure }}")
    w.field(x["interim_risk"], "{{ un.interim_measures.risk }}")
    w.optional_field(x["interim_on"], "un.interim_measures.imminent_on")
    w.tag("endif")

    w.heading(x["s6"], 1)
    w.tag("for paragraph in facts_paragraphs")
    w.numbered("{{ paragraph }}")
    w.tag("endfor")
    w.tag("if not facts_paragraphs")
    w.para(x["no_facts"])
    w.tag("endif")

    w.heading(x["s7"], 1)
    w.tag("if un.remedies")
    w.tag("for d in un.remedies")
    w.numbered(x["remedy_line"])
    w.tag("endfor")
    w.tag("else")
    w.numbered(x["no_remedies"])
    w.tag("endif")

    w.heading(x["s8"], 1)
    w.tag("for c in un.claims")
    w.heading(x["claim_heading"], 2)
    w.tag("if c.summary")
    w.numbered("{{ c.summary }}")
    w.tag("endif")
    w.tag("if c.time_limit")
    w.heading(x["time_limit"], 3)
    w.numbered("{{ c.time_limit }}")
    w.tag("endif")
    w.tag("endfor")

    w.heading(x["s9"], 1)
    _documents(w, x)

    w.heading(x["s10"], 1)
    _signature(w, x)
    return doc


def build_comments(locale: str) -> Doc:
    """``un/comments-on-observations``: one part per section of ``reply``."""
    x = TEXT[locale]
    doc = _new_document(locale, x["header"], x["comments_title"])
    w = Writer(doc, locale)
    w.title(x["comments_title"])
    w.tag("if case.application_no")
    centred = doc.add_paragraph(x["comments_no"], style="Normal")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    w.tag("endif")
    w.tag("if case.title")
    centred = doc.add_paragraph(style="Normal")
    centred.alignment = WD_ALIGN_PARAGRAPH.CENTER
    centred.add_run("{{ case.title }}").bold = True
    w.tag("endif")
    w.field(x["committee"], "{{ un.committee }}")
    w.numbered(x["comments_intro"])

    w.heading(x["comments_body"], 1)
    write_reply_sections(w, marker=x["marker"], sources_label=x["sources"], locale=locale)

    w.heading(x["conclusion"], 1)
    w.numbered(x["comments_conclusion"])
    w.signed(x["date_line"], x["representative"])
    write_review_notes(w, x["review_notes"])
    return doc


def build_follow_up(locale: str) -> Doc:
    """``un/follow-up-submission``: an NGO's information on the follow-up recommendations."""
    x = TEXT[locale]
    doc = _new_document(locale, x["header"], x["fu_title"])
    w = Writer(doc, locale)
    w.title(x["fu_title"])
    w.field(x["committee"], "{{ follow_up.committee }}")
    w.tag("if un.state")
    w.field(x["state"], "{{ un.state.name }}")
    w.tag("endif")
    w.tag("if follow_up.document")
    w.field(
        x["fu_document"],
        "{{ follow_up.document }}"
        f"{{% if follow_up.kind == 'concluding_observations' %}} ({x['kind_co']})"
        f"{{% elif follow_up.kind == 'views' %}} ({x['kind_views']}){{% endif %}}",
    )
    w.tag("endif")
    w.optional_field(x["fu_adopted"], "follow_up.adopted_on")

    w.heading(x["fu_s1"], 1)
    w.tag("for a in un.authors")
    w.field(x["org_name"], "{{ a.name }}")
    _fields(
        w,
        x,
        (
            ("registration_no", "a.registration_no"),
            ("registered_on", "a.registered_on"),
            ("address", "a.address"),
            ("phone", "a.phone"),
            ("email", "a.email"),
        ),
    )
    w.tag("endfor")
    w.tag("if representatives")
    w.field(
        x["contact"],
        "{{ representatives[0].name }}{% if representatives[0].email %}, "
        "{{ representatives[0].email }}{% endif %}",
    )
    w.tag("endif")

    w.heading(x["fu_s2"], 1)
    w.numbered(x["fu_intro"])

    w.heading(x["fu_s3"], 1)
    w.tag("for r in follow_up.recommendations")
    w.heading(x["paragraph_n"], 2)
    w.field(x["recommendation"], "{{ r.text }}")
    w.tag("if r.due_on")
    w.field(
        x["due_on"],
        f"{{{{ r.due_on }}}}{{% if not r.due_stated %}}{x['due_fallback']}{{% endif %}}",
    )
    w.tag("endif")
    w.tag("if r.state_reply or r.state_reply_on")
    w.optional_field(x["reply_on"], "r.state_reply_on")
    w.optional_field(x["state_reply"], "r.state_reply")
    w.tag("else")
    w.para(x["no_reply"])
    w.tag("endif")
    w.tag("if r.grade")
    w.field(
        x["grade"],
        "{{ r.grade.recorded }}{% if r.grade.label %} – {{ r.grade.label }}. "
        "{{ r.grade.meaning }} ({{ r.grade.source }}){% endif %}",
    )
    w.tag("endif")
    w.tag("if r.assessment")
    w.heading(x["assessment"], 3)
    w.numbered("{{ r.assessment }}")
    w.tag("endif")
    w.tag("endfor")

    w.heading(x["fu_s4"], 1)
    w.numbered(x["fu_conclusion"])

    w.heading(x["fu_docs"], 1)
    _documents(w, x)

    w.heading(x["s10"], 1)
    _signature(w, x)
    return doc


SPECS: tuple[Spec, ...] = (
    Spec(
        template_id="un/communication",
        build=build_communication,
        locales=LOCALES,
        title_en="Individual communication (OHCHR form)",
        title_fr="Communication individuelle (formulaire du HCDH)",
        description="The content of the OHCHR complaint form in its order: date and "
        "submission language; 1. committee, treaty and procedure; 2. State party and the "
        "date the procedure took effect for it (litigate.acceptance); 3. author(s) and "
        "victim(s); 4. counsel; 5. yes/no questions (anonymisation in the published "
        "decision, same matter before another international procedure, interim measures); "
        "6. facts; 7. domestic remedies with dates and outcomes; 8. legal claims per "
        "article, with the time-of-submission paragraph of FilingWindow.explain in English "
        "and French; 9. checklist of documents; date and signature.",
        context_keys=(
            "case",
            "un",
            "representatives",
            "facts_paragraphs",
            "documents",
            "place",
            "date",
            "signatory",
        ),
        case_forums=UN_FORUMS,
        requires=("complaints",),
    ),
    Spec(
        template_id="un/comments-on-observations",
        build=build_comments,
        locales=LOCALES,
        title_en="Comments on the State party's observations",
        title_fr="Commentaires sur les observations de l'État partie",
        description="The author's comments on the State party's observations on "
        "admissibility and merits: communication number and case name, introduction, one "
        "part per section of the reply passed as reply= (heading, numbered paragraph with "
        "the opening and the argument, review marker while the section needs review, "
        "sources), conclusion asking the Committee to declare the communication admissible "
        "and to find the violations claimed; date and signature; then, only when rendered "
        "with_review_notes=True, the reply's review notes in their own part after the "
        "signature.",
        context_keys=(
            "case",
            "un",
            "applicant_names",
            "lodged_on",
            "representatives",
            "place",
            "date",
            "signatory",
            "reply",
        ),
        case_forums=UN_FORUMS,
        requires=("complaints",),
    ),
    Spec(
        template_id="un/follow-up-submission",
        build=build_follow_up,
        locales=LOCALES,
        title_en="NGO information on follow-up",
        title_fr="Informations d'une ONG sur la suite donnée",
        description="An NGO's information on follow-up to concluding observations or Views: "
        "committee, State party, document followed up and its adoption date; the "
        "organisation; introduction; for each recommendation selected, its paragraph and "
        "text, the due date, the State party's reply, the Committee's grade with its "
        "meaning (A-E, CCPR/C/128/3) and the organisation's assessment; conclusion; "
        "documents; date and signature.",
        context_keys=(
            "case",
            "un",
            "follow_up",
            "applicant_names",
            "representatives",
            "documents",
            "place",
            "date",
            "signatory",
        ),
        case_forums=UN_FORUMS,
        requires=("follow_up",),
    ),
)
