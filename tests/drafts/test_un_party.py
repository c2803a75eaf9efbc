"""UN drafts name the person as each Committee does, in English, French and Russian (issue 16).

Before the European Court the person is the *applicant*; before the UN Committees the
*author* (HRC, CEDAW, CRPD, CRC, CED, CESCR), the *complainant* before CAT («le requérant»
in its French decisions, CAT/C/63/D/767/2016; «заявитель» in its Russian ones,
CAT/C/73/D/921/2019) and the *petitioner* before CERD («заявитель» in Russian,
CERD/C/67/D/30/2003).  These tests fail if a UN text in any locale says the Court's word.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from pathlib import Path

import attrs
import pytest

import litigate
from litigate.drafts.un_reply import UN_BANK_FORUMS, un_argument_bank, un_french_citations
from litigate.drafts.voice import Voice, applicant_voice
from litigate.engine.party import VOICES, event
from litigate.errors import RuleDataError
from litigate.model import Applicant, Case, Complaint, DomesticDecision
from litigate.rules import load_rules
from litigate.rules.loader import validate_forum
from tests.drafts.test_golden import normalised_text
from tests.drafts.test_reply_un import _reply

ROOT = Path(__file__).resolve().parents[2]
AS_OF = dt.date(2026, 11, 23)
PARTY = {"cat": "complainant", "cerd": "petitioner"}  # every other Committee: the author
_PROVISION = {
    "hrc": "ICCPR-14-1",
    "cat": "CAT-12",
    "cerd": "ICERD-5",
    "cedaw": "CEDAW-2",
    "crpd": "CRPD-5",
    "crc": "CRC-3",
    "ced": "ICPPED-2",
    "cescr": "ICESCR-11",
}
_SEXES = {
    "male": ("male",),
    "female": ("female",),
    "unknown": (None,),
    "plural": ("male", "female"),
    "plural_female": ("female", "female"),
}


def forbidden(forum: str, locale: str) -> re.Pattern[str]:
    """The words of the Court that a UN text in ``locale`` must not use before ``forum``."""
    words = [r"\bapplicant"]
    if forum != "cat":  # CAT's French decisions say «le requérant»
        words.append("requérant")
    if forum not in ("cat", "cerd"):  # CAT and CERD say «заявитель» in Russian
        words.append("заявител")
    if locale == "en":
        words = words[:1]
    return re.compile("|".join(words), re.IGNORECASE)


def _case(forum: str, sexes: tuple[str | None, ...]) -> Case:
    return Case(
        forum=forum,
        respondent="AZE",
        applicants=[Applicant.person(name=f"A{i}", sex=s) for i, s in enumerate(sexes)],
        lodged_on=dt.date(2026, 3, 1),
        complaints=[Complaint(provision=_PROVISION[forum])],
        proceedings=[
            DomesticDecision(
                court="Supreme Court",
                level="cassation",
                taken_on=dt.date(2025, 10, 1),
                known_on=dt.date(2025, 10, 5),
                served_on_representative=dt.date(2025, 10, 10),
                served_on=dt.date(2025, 10, 20),
            )
        ],
    )


def test_the_rule_data_name_the_party_of_every_forum() -> None:
    rules = load_rules()
    assert rules.forum("ecthr").party == "applicant"
    for forum in UN_BANK_FORUMS:
        assert rules.forum(forum).party == PARTY.get(forum, "author"), forum


def test_a_forum_file_with_an_unknown_party_is_refused() -> None:
    wrong = attrs.evolve(load_rules().forum("cat"), party="claimant")
    with pytest.raises(RuleDataError, match=r"party must be one of .* @ \$\.party"):
        validate_forum(wrong, "cat.toml")


@pytest.mark.parametrize("forum", sorted(_PROVISION))
@pytest.mark.parametrize("voice", sorted(_SEXES))
def test_the_engines_explanation_never_says_applicant_before_a_committee(
    forum: str, voice: str
) -> None:
    window = litigate.filing_window(_case(forum, _SEXES[voice]), as_of=AS_OF)
    for locale in ("en", "fr", "ru"):
        text = window.explain(locale)
        found = forbidden(forum, locale).search(text)
        assert found is None, (locale, text[max(0, found.start() - 80) : found.end() + 20])
    notes = [s.text for c in window.complaints for s in c.steps] + [
        n.message for c in window.complaints for n in (*c.assumptions, *c.warnings)
    ]
    assert not any(forbidden(forum, "en").search(n) for n in notes), notes


def test_the_explanation_names_the_party_with_its_gender_and_number() -> None:
    def french(forum: str, voice: str) -> str:
        return litigate.filing_window(_case(forum, _SEXES[voice]), as_of=AS_OF).explain("fr")

    assert "la date à laquelle l'auteure en a eu connaissance" in french("hrc", "female")
    assert "la date à laquelle les auteures en ont eu connaissance" in french(
        "hrc", "plural_female"
    )
    assert "la date à laquelle le pétitionnaire en a eu connaissance" in french("cerd", "unknown")
    assert "la date à laquelle la pétitionnaire en a eu connaissance" in french("cerd", "female")
    russian = litigate.filing_window(_case("hrc", ("male", "male")), as_of=AS_OF).explain("ru")
    assert "когда авторам стало известно о решении" in russian
    english = litigate.filing_window(_case("cerd", ("female",)), as_of=AS_OF).explain("en")
    assert "from the petitioner's knowledge" in english
    several = litigate.filing_window(_case("cerd", ("female", "male")), as_of=AS_OF)
    warnings = [n.message for c in several.complaints for n in c.warnings]
    assert any("counted from the petitioners' knowledge on 5 October 2025" in w for w in warnings)


def test_the_court_keeps_its_own_words() -> None:
    assert event("service on the representative", "fr", "applicant", "female") == (
        "sa signification au représentant du requérant"
    )
    ecthr = Case(
        forum="ecthr", respondent="AZE", applicants=[Applicant.person(name="A", sex="female")]
    )
    assert applicant_voice(ecthr).role == "applicant"
    assert (
        applicant_voice(ecthr).fill("{Le_requerant} maintien{t}", "fr")
        == "La requérante maintient"
    )


@pytest.mark.parametrize("voice", VOICES)
def test_every_party_and_voice_has_its_forms_in_english_and_french(voice: str) -> None:
    for party in ("author", "complainant", "petitioner"):
        english, french = Voice(voice, party).forms("en"), Voice(voice, party).forms("fr")
        assert party in english["applicant"] and "applicant" not in english["applicant_s"]
        assert "requérant" not in french["le_requerant"] or party == "complainant"
        if voice == "unknown":  # no pronoun: the noun is repeated
            assert party in english["he"] and party in english["his"]


def test_the_bank_speaks_of_the_complainant_and_the_petitioner() -> None:
    her = Case(
        forum="cerd", respondent="AZE", applicants=[Applicant.person(name="A", sex="female")]
    )
    assert applicant_voice(her).fill("{Applicant} maintain{s} {his} claim.", "en") == (
        "The petitioner maintains her claim."
    )
    assert applicant_voice(her).fill("{Le_requerant} maintien{t} {son} grief.", "fr") == (
        "La pétitionnaire maintient son grief."
    )
    both = attrs.evolve(
        her,
        forum="cat",
        applicants=[Applicant.person(name="A", sex="female"), Applicant.person(name="B")],
    )
    assert applicant_voice(both).fill("{Le_requerant} maintien{t} {son} grief.", "fr") == (
        "Les requérants maintiennent leur grief."
    )


@pytest.mark.parametrize("forum", ["hrc", "cat", "cedaw"])
@pytest.mark.parametrize("locale", ["en", "fr"])
def test_comments_on_observations_use_the_committees_word(forum: str, locale: str) -> None:
    reply = _reply(forum, locale)
    text = " ".join(s.opening + " " + s.argument for s in reply.sections)
    assert forbidden(forum, locale).search(text) is None
    word = {"en": PARTY.get(forum, "author"), "fr": "requérant" if forum == "cat" else "auteur"}
    assert word[locale] in text
    assert not any(forbidden(forum, "en").search(n) for n in reply.review_notes)


_GOLDEN_FORUM = {
    "hrc-after-ecthr": "hrc",
    "cat-torture-communication": "cat",
    "cat-follow-up": "cat",
    "karimova": "hrc",
    "aliyev": "cat",
    "huseynova": "cedaw",
}


def _goldens() -> list[Path]:
    return sorted((ROOT / "tests" / "golden" / "un").glob("*.txt")) + sorted(
        p
        for p in (ROOT / "tests" / "golden" / "replies").glob("*.golden")
        if p.name.split(".")[0] in _GOLDEN_FORUM
    )


@pytest.mark.parametrize("path", _goldens(), ids=lambda p: p.name)
def test_no_un_golden_says_the_courts_word(path: Path) -> None:
    parts = path.name.split(".")
    if path.suffix == ".txt":
        locale, example = parts[-3], parts[-2]
    else:
        example, locale = parts[0], parts[-2]
    found = forbidden(_GOLDEN_FORUM[example], locale).search(path.read_text(encoding="utf-8"))
    assert found is None, found


def test_cat_comments_name_the_complainant_in_the_templates_text_too() -> None:
    """The templates' own sentences take the Committee's word from ``un.party.forms``."""
    french = (ROOT / "tests/golden/replies/aliyev.cat.fr.golden").read_text(encoding="utf-8")
    assert "l'auteur" not in french.lower()
    assert "Commentaires du requérant" in french
    english = (ROOT / "tests/golden/replies/aliyev.cat.en.golden").read_text(encoding="utf-8")
    assert "the author" not in english.lower()
    assert "Comments of the complainant" in english
    russian = (
        ROOT / "tests/golden/un/comments-on-observations.ru.cat-torture-communication.txt"
    ).read_text(encoding="utf-8")
    # (its section text is a hand-written fixture of tests/drafts/test_templates.py)
    for line in ("Комментарии заявителя", "заявитель обращается", "Представитель заявителя"):
        assert line in russian, line


def test_every_bank_cites_the_same_documents_in_french() -> None:
    symbol = r"\b(?:CCPR|CAT|CERD|CRC|CEDAW|CRPD|CED|E)/C/[\w./-]+|\bUN\.md"
    for forum in UN_BANK_FORUMS:
        for kind, entry in un_argument_bank(forum).items():
            assert len(entry.sources_fr) == len(entry.sources), (forum, kind)
            for english, french in zip(entry.sources, entry.sources_fr, strict=True):
                assert re.findall(symbol, english) == re.findall(symbol, french), (english, french)
                volumes = [m.groups() for m in re.finditer(r"(\d+) UNTS (\d+)", english)]
                assert volumes == re.findall(r"vol\. (\d+), p\. (\d+)", french), french
                assert english.count("[unconfirmed") == french.count("[unconfirmed"), french
                if french != english:  # translated: no English words of citation left
                    assert not re.search(
                        r"\bv\. |Views|decision of|General Comment|\bart\. ", french
                    )
                    assert forbidden(forum, "fr").search(french) is None, french
    kept = "OHCHR Fact Sheet No. 7, Individual Complaint Procedures"
    assert not any(c.startswith(kept) for c in un_french_citations("cat"))


def test_a_french_draft_lists_the_citations_it_keeps_in_english() -> None:
    notes = _reply("cat", "fr").review_notes
    assert any("(sources): cited in English" in n and "OHCHR Fact Sheet No. 7" in n for n in notes)
    assert not any("(sources)" in n for n in _reply("cat", "en").review_notes)
    data = tomllib.loads(
        (ROOT / "src/litigate/drafts/data/un-arguments.toml").read_text(encoding="utf-8")
    )
    cat_rule = next(r for r in data["time_rule"] if r["committee"] == "cat")
    time = _reply("cat", "fr").sections[2]
    assert cat_rule["source_fr"] in time.sources and cat_rule["source"] not in time.sources


@pytest.mark.parametrize("forum", ["cerd", "cedaw", "cat"])
@pytest.mark.parametrize("locale", ["en", "fr", "ru"])
def test_a_rendered_communication_never_says_the_courts_word(forum: str, locale: str) -> None:
    case = attrs.evolve(_case(forum, ("female",)), title="A.B. v. Azerbaijan")
    data = litigate.render("un/communication", case=case, as_of=AS_OF, locale=locale)
    text = normalised_text(data)
    assert forbidden(forum, locale).search(text) is None
    if forum == "cerd" and locale != "ru":  # the engine's paragraph names the petitioner
        assert {"en": "the petitioner's knowledge", "fr": "la pétitionnaire"}[locale] in text


@pytest.mark.parametrize("locale", ["en", "fr", "ru"])
def test_every_party_event_names_forms_the_catalogue_gives(locale: str) -> None:
    from litigate import l10n
    from litigate.engine.party import forms

    for name in (
        "service on the applicant",
        "service on the representative",
        "the applicant's knowledge",
    ):
        text = l10n.pgettext(locale, "event, party", name)
        wanted = set(re.findall(r"<(\w+)>", text))
        assert wanted, text
        for party in ("author", "complainant", "petitioner"):
            for voice in VOICES:
                assert wanted <= set(forms(locale, party, voice)), (party, voice, text)
                assert "<" not in event(name, locale, party, voice)


# --------------------------------------------------------------- the forms' own text

_WRONG = {  # the word of the other Committees, which CAT and CERD drafts must not use
    "en": re.compile(r"\bauthors?\b", re.IGNORECASE),
    "fr": re.compile(r"\bauteure?s?\b", re.IGNORECASE),
    "ru": re.compile(r"\bавтор(?:а|у|ы|ов|ам|ом)?\b", re.IGNORECASE),
}

_EXPECTED = {  # the form's own lines, as the Committee names the person (issue 16)
    ("cat", "en", "female"): (
        "# 3. Complainant and alleged victim(s)",
        "## Complainant 1",
        "the complainant invokes their continuation",
        "The complainant is not represented.",
        "Signature of the complainant or of the representative(s):",
    ),
    ("cat", "fr", "female"): (
        "# 3. Requérante et victime(s) présumée(s)",
        "## Requérante no 1",
        "la requérante invoque leur persistance",
        "La requérante n'a pas de représentant.",
        "Signature de la requérante ou du (des) représentant(s)",
    ),
    ("cat", "ru", "plural"): (
        "Договор, на который ссылаются заявители:",
        "# 3. Заявители и предполагаемая жертва (жертвы)",
        "## Заявитель № 1",
        "## Заявитель № 2",
        "заявители ссылаются на их продолжение",
        "Заявители не имеют представителя.",
        "Подпись заявителей или представителя (представителей):",
    ),
    ("cerd", "en", "plural"): (
        "# 3. Petitioners and alleged victim(s)",
        "## Petitioner 1",
        "## Petitioner 2",
        "the petitioners invoke their continuation",
        "The petitioners are not represented.",
        "Signature of the petitioners or of the representative(s):",
    ),
    ("cerd", "fr", "plural"): (
        "# 3. Pétitionnaires et victime(s) présumée(s)",
        "## Pétitionnaire no 1",
        "les pétitionnaires invoquent leur persistance",
        "Les pétitionnaires n'ont pas de représentant.",
        "Signature des pétitionnaires ou du (des) représentant(s)",
    ),
    ("cerd", "ru", "female"): (
        "Договор, на который ссылается заявитель:",
        "# 3. Заявитель и предполагаемая жертва (жертвы)",
        "## Заявитель № 1",
        "заявитель ссылается на их продолжение",
        "Заявитель не имеет представителя.",
        "Основания просьбы заявителя (A0):",
        "Подпись заявителя или представителя (представителей):",
    ),
    ("hrc", "fr", "plural_female"): (
        "# 3. Auteures et victime(s) présumée(s)",
        "## Auteure no 1",
        "les auteures invoquent leur persistance",
        "Les auteures n'ont pas de représentant.",
        "Signature des auteures ou du (des) représentant(s)",
    ),
    ("hrc", "ru", "male"): (
        "Договор, на который ссылается автор:",
        "# 3. Автор и предполагаемая жертва (жертвы)",
        "Автор не имеет представителя.",
        "Основания просьбы автора (A0):",
    ),
}


def _unrepresented(forum: str, sexes: tuple[str | None, ...]) -> Case:
    """A case whose facts began before the procedure took effect, with no representative."""
    case = _case(forum, sexes)
    first = attrs.evolve(case.applicants[0], anonymity_requested=True, anonymity_reasons="Fear.")
    complaints = [attrs.evolve(c, events_from=dt.date(1990, 1, 1)) for c in case.complaints]
    return attrs.evolve(
        case,
        title="A.B. v. Azerbaijan",
        applicants=[first, *case.applicants[1:]],
        complaints=complaints,
        representatives=[],
    )


@pytest.mark.parametrize("forum", ["cat", "cerd"])
@pytest.mark.parametrize("locale", ["en", "fr", "ru"])
@pytest.mark.parametrize("voice", ["male", "female", "unknown", "plural", "plural_female"])
def test_a_cat_or_cerd_communication_never_says_author(
    forum: str, locale: str, voice: str
) -> None:
    data = litigate.render(
        "un/communication", case=_unrepresented(forum, _SEXES[voice]), as_of=AS_OF, locale=locale
    )
    text = normalised_text(data)
    assert "not represented" in text or "représentant." in text or "представителя." in text
    for wrong in (_WRONG[locale], forbidden(forum, locale)):
        found = wrong.search(text)
        assert found is None, text[max(0, found.start() - 80) : found.end() + 20]


@pytest.mark.parametrize(("forum", "locale", "voice"), sorted(_EXPECTED))
def test_the_communication_form_names_the_party_with_agreement(
    forum: str, locale: str, voice: str
) -> None:
    data = litigate.render(
        "un/communication", case=_unrepresented(forum, _SEXES[voice]), as_of=AS_OF, locale=locale
    )
    text = normalised_text(data).replace("~", "\u00a0")
    for line in _EXPECTED[forum, locale, voice]:
        assert line in text, (line, text)


def test_each_author_heading_agrees_with_that_person() -> None:
    case = _unrepresented("cat", ("female", "male"))
    text = normalised_text(
        litigate.render("un/communication", case=case, as_of=AS_OF, locale="fr")
    )
    assert "## Requérante no 1" in text and "## Requérant no 2" in text
    assert "# 3. Requérants et victime(s) présumée(s)" in text


@pytest.mark.parametrize("locale", ["en", "fr", "ru"])
def test_the_follow_up_signature_names_the_organisation_or_the_party(locale: str) -> None:
    case = litigate.load_case(ROOT / "examples" / "cat-follow-up" / "case.toml")
    assert case.follow_up is not None
    ngo = normalised_text(
        litigate.render("un/follow-up-submission", case=case, as_of=AS_OF, locale=locale)
    )
    views = attrs.evolve(
        case, follow_up=attrs.evolve(case.follow_up, document="CAT/C/80/D/1/2024")
    )
    party = normalised_text(
        litigate.render("un/follow-up-submission", case=views, as_of=AS_OF, locale=locale)
    )
    word = {  # the example's submitter is an organisation: the complainant organisation
        "en": ("the organisation or", "the complainant organisation or"),
        "fr": ("de l'organisation ou", "de l'organisation requérante ou"),
        "ru": ("организации или", "организации-заявителя или"),
    }[locale]
    signature = {"en": "Signature of ", "fr": "Signature ", "ru": "Подпись "}[locale]
    assert signature + word[0] in ngo
    assert signature + word[1] in party
    for text in (ngo, party):
        assert _WRONG[locale].search(text) is None
