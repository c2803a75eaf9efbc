"""Fictional observations of Azerbaijan before the HRC, the CAT and CEDAW, and the cases they answer.

* *Karimova v. Azerbaijan* (HRC, communication No. 4733/2025): a woman journalist,
  articles 19 (2) and 9 (1) of the Covenant; the European Court declared her
  application inadmissible (single judge) on 21 March 2024.  The State party raises
  exhaustion, same matter, time of submission and abuse; its facts hold two errors the
  comments must list: § 3 gives the cassation decision as 14 July 2023 (the file:
  14 June 2023) and § 9 gives the submission as 17 July 2025 (the file: 17 June 2025).
* *Aliyev v. Azerbaijan* (CAT, complaint No. 1190/2026): a man ill-treated in police
  custody, articles 2 (1), 12, 13 and 14 of the Convention; the State party raises
  exhaustion and the time elapsed; § 4 gives the cassation decision as 29 September 2025
  (the file: 29 October 2025).
* *Huseynova v. Azerbaijan* (CEDAW, communication No. 219/2025): a woman the police
  failed to protect from her former husband's violence, articles 2 (c) and (e) and
  5 (a) of the Convention; the State party raises exhaustion, same matter, the time
  elapsed and lack of substantiation; § 3 gives the cassation decision as 3 March 2025
  (the file: 3 February 2025).

Word headings and automatic numbering, as in :mod:`tests.reply_layouts`.
"""

from __future__ import annotations

import datetime as dt

import litigate
from tests.docx_factory import Item, build_docx

HRC_PARTS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (
        1,
        "The facts",
        (
            "The author is a journalist who was arrested in Baku on 14 July 2022.",
            "She was convicted by the Baku Grave Crimes Court on 29 November 2022.",
            "The Supreme Court dismissed her cassation appeal on 14 July 2023.",
        ),
    ),
    (1, "Admissibility", ("The State party contests the admissibility of the communication.",)),
    (
        2,
        "Non-exhaustion of domestic remedies",
        (
            "The author did not bring a claim for compensation before the civil courts.",
            "She did not apply to the Constitutional Court.",
        ),
    ),
    (
        2,
        "The same matter was examined under another procedure of international investigation or settlement",
        (
            "The author submitted the same facts to the European Court of Human Rights, which declared her application inadmissible.",
        ),
    ),
    (
        2,
        "Time limit",
        (
            "The communication was submitted almost two years after the final decision.",
            "The author submitted the communication on 17 July 2025, without explaining the delay.",
        ),
    ),
    (
        2,
        "Abuse of the right of submission",
        ("The author uses the Committee to pursue political aims.",),
    ),
    (1, "Merits", ()),
    (
        2,
        "Alleged violation of article 19 of the Covenant",
        (
            "The author's conviction was prescribed by law and necessary to protect national security.",
        ),
    ),
    (
        2,
        "Alleged violation of article 9 of the Covenant",
        ("The author's detention was ordered by a court and reviewed on appeal.",),
    ),
    (
        1,
        "Conclusion",
        ("The State party asks the Committee to declare the communication inadmissible.",),
    ),
)

CAT_PARTS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "The facts", (
        "The complainant was arrested on 10 May 2024 and questioned at the police station.",
        "His complaint of ill-treatment was dismissed by the prosecutor on 15 July 2024.",
        "He was convicted on 20 February 2025.",
        "The Supreme Court dismissed his cassation appeal on 29 September 2025.",
    )),
    (1, "Admissibility", ()),
    (2, "Non-exhaustion of domestic remedies", (
        "The complainant did not seek compensation under the Civil Code.",
    )),
    (2, "Time limit", ("The complaint was submitted late and without justification.",)),
    (1, "Merits", ()),
    (2, "Alleged violation of article 2 of the Convention", ("No act of torture was committed.",)),
    (2, "Alleged violation of article 12 of the Convention", ("The prosecutor investigated promptly.",)),
    (1, "Conclusion", ("The State party asks the Committee to reject the complaint.",)),
)  # fmt: skip

CEDAW_PARTS: tuple[tuple[int, str, tuple[str, ...]], ...] = (
    (1, "The facts", (
        "The author reported her former husband's threats to the police on 2 April 2024.",
        "The Sabail District Court dismissed her complaint against the police on 18 October 2024.",
        "The Supreme Court dismissed her cassation appeal on 3 March 2025.",
    )),
    (1, "Admissibility", ()),
    (2, "Non-exhaustion of domestic remedies", (
        "The author did not ask the Constitutional Court to review the decisions.",
        "She did not claim compensation under the Civil Code.",
    )),
    (2, "The same matter has been examined under another procedure of international investigation or settlement", (
        "The author's lawyer wrote to the Special Rapporteur on violence against women.",
    )),
    (2, "Time limit", ("The communication was submitted late, without explanation.",)),
    (2, "The claims are manifestly ill-founded", ("The police acted with due diligence.",)),
    (1, "Merits", ()),
    (2, "Alleged violation of article 2 of the Convention", ("The State party has adopted a law on domestic violence.",)),
    (2, "Alleged violation of article 5 of the Convention", ("No stereotype influenced the courts.",)),
    (1, "Conclusion", ("The State party asks the Committee to declare the communication inadmissible.",)),
)  # fmt: skip

HRC_PARAGRAPHS = sum(len(p) for _, _, p in HRC_PARTS)
CAT_PARAGRAPHS = sum(len(p) for _, _, p in CAT_PARTS)
CEDAW_PARAGRAPHS = sum(len(p) for _, _, p in CEDAW_PARTS)
AS_OF = dt.date(2026, 11, 23)


def observations_docx(parts: tuple[tuple[int, str, tuple[str, ...]], ...]) -> bytes:
    """The State party's observations: letterhead, title, parts, signature."""
    items = [
        Item("plain", "PERMANENT MISSION OF THE REPUBLIC OF AZERBAIJAN TO THE UNITED NATIONS OFFICE AT GENEVA"),
        Item("title", "Observations of the State party on the admissibility and merits"),
    ]  # fmt: skip
    for level, heading, paragraphs in parts:
        items.append(Item(f"h{level}", heading))
        items.extend(Item("para", text) for text in paragraphs)
    items.append(Item("plain", "Permanent Mission of the Republic of Azerbaijan"))
    return build_docx(items)


def hrc_case(
    lodged_on: dt.date = dt.date(2025, 6, 17), sex: str | None = "female"
) -> litigate.Case:
    """*Karimova v. Azerbaijan* before the Human Rights Committee."""
    return litigate.Case(
        forum="hrc",
        respondent="AZE",
        application_no="4733/2025",
        title="Karimova v. Azerbaijan",
        lodged_on=lodged_on,
        applicants=[litigate.Applicant.person(name="Gunel Karimova", sex=sex)],
        complaints=[
            litigate.Complaint(provision="ICCPR-19-2", events_from=dt.date(2022, 7, 14)),
            litigate.Complaint(provision="ICCPR-9-1", events_from=dt.date(2022, 7, 14)),
        ],
        proceedings=[
            litigate.DomesticDecision(
                id="conviction", court="Baku Grave Crimes Court", level="first_instance",
                taken_on=dt.date(2022, 11, 29)),
            litigate.DomesticDecision(
                id="appeal", court="Baku Court of Appeal", level="appeal",
                taken_on=dt.date(2023, 2, 8)),
            litigate.DomesticDecision(
                id="cassation", court="Supreme Court of the Republic of Azerbaijan",
                court_fr="Cour suprême de la République d'Azerbaïdjan", level="cassation",
                taken_on=dt.date(2023, 6, 14), served_on_representative=dt.date(2023, 7, 5)),
        ],
        other_procedures=[
            litigate.OtherProcedure(
                body="ecthr", reference="no. 31864/23", lodged_on=dt.date(2023, 10, 26),
                concluded_on=dt.date(2024, 3, 21), status="inadmissible", same_facts=True),
        ],
    )  # fmt: skip


def cat_case(lodged_on: dt.date = dt.date(2026, 4, 1)) -> litigate.Case:
    """*Aliyev v. Azerbaijan* before the Committee against Torture."""
    return litigate.Case(
        forum="cat",
        respondent="AZE",
        application_no="1190/2026",
        title="Aliyev v. Azerbaijan",
        lodged_on=lodged_on,
        applicants=[litigate.Applicant.person(name="Rashad Aliyev", sex="male")],
        complaints=[
            litigate.Complaint(provision="CAT-2-1", in_conjunction_with=["CAT-1"],
                               events_from=dt.date(2024, 5, 10)),
            litigate.Complaint(provision="CAT-12", events_from=dt.date(2024, 5, 10)),
        ],
        proceedings=[
            litigate.DomesticDecision(
                id="conviction", court="Baku Grave Crimes Court", level="first_instance",
                taken_on=dt.date(2025, 2, 20)),
            litigate.DomesticDecision(
                id="cassation", court="Supreme Court of the Republic of Azerbaijan",
                court_fr="Cour suprême de la République d'Azerbaïdjan", level="cassation",
                taken_on=dt.date(2025, 10, 29)),
        ],
    )  # fmt: skip


def cedaw_case(lodged_on: dt.date = dt.date(2025, 11, 12)) -> litigate.Case:
    """*Huseynova v. Azerbaijan* before the Committee on the Elimination of Discrimination against Women."""
    return litigate.Case(
        forum="cedaw",
        respondent="AZE",
        application_no="219/2025",
        title="Huseynova v. Azerbaijan",
        lodged_on=lodged_on,
        applicants=[litigate.Applicant.person(name="Sevinj Huseynova", sex="female")],
        complaints=[
            litigate.Complaint(provision="CEDAW-2-c", events_from=dt.date(2024, 4, 2)),
            litigate.Complaint(provision="CEDAW-2-e", events_from=dt.date(2024, 4, 2)),
            litigate.Complaint(provision="CEDAW-5-a", events_from=dt.date(2024, 4, 2)),
        ],
        proceedings=[
            litigate.DomesticDecision(
                id="first", court="Sabail District Court", court_fr="Tribunal de district de Sabail",
                level="first_instance", taken_on=dt.date(2024, 10, 18)),
            litigate.DomesticDecision(
                id="cassation", court="Supreme Court of the Republic of Azerbaijan",
                court_fr="Cour suprême de la République d'Azerbaïdjan", level="cassation",
                taken_on=dt.date(2025, 2, 3)),
        ],
    )  # fmt: skip
