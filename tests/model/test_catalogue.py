"""The article catalogue and country data: loaded strictly, complete, consistent."""

from __future__ import annotations

import tomllib
from importlib import resources

import pytest

import litigate
import litigate.model
from litigate.errors import RuleDataError, UnknownProvisionError, UnknownStateError
from litigate.model import Forum, Invocable
from litigate.model.provisions import _build

EXPECTED_INSTRUMENTS = {
    "ECHR",
    "ECHR-P1",
    "ECHR-P4",
    "ECHR-P6",
    "ECHR-P7",
    "ECHR-P12",
    "ECHR-P13",
    "ICCPR",
    "CAT",
    "ICERD",
    "CEDAW",
    "CRPD",
    "CRC",
    "ICPPED",
    "ICESCR",
}


def raw():
    with resources.files("litigate").joinpath("data", "provisions.toml").open("rb") as f:
        return tomllib.load(f)


def test_every_instrument_is_present_with_sources():
    cat = litigate.model.catalogue()

    assert set(cat.instruments) == EXPECTED_INSTRUMENTS
    for instrument in cat.instruments.values():
        assert instrument.sources, instrument.id
        assert {s.language for s in instrument.sources} >= {"en", "fr"}, instrument.id
        assert all(s.url or s.symbol for s in instrument.sources)


def test_every_forum_has_an_instrument():
    forums = {f for inst in litigate.model.catalogue().instruments.values() for f in inst.forums}

    assert forums == set(Forum)


@pytest.mark.parametrize(
    ("pid", "title_en", "title_fr"),
    [
        ("ECHR-2", "Right to life", "Droit à la vie"),
        ("ECHR-3", "Prohibition of torture", "Interdiction de la torture"),
        ("ECHR-5-1", "Right to liberty and security", "Droit à la liberté et à la sûreté"),
        ("ECHR-6-3-c", "Right to a fair trial", "Droit à un procès équitable"),
        (
            "ECHR-8",
            "Right to respect for private and family life",
            "Droit au respect de la vie privée et familiale",
        ),
        ("ECHR-10", "Freedom of expression", "Liberté d'expression"),
        ("ECHR-11", "Freedom of assembly and association", "Liberté de réunion et d'association"),
        ("ECHR-13", "Right to an effective remedy", "Droit à un recours effectif"),
        ("ECHR-14", "Prohibition of discrimination", "Interdiction de discrimination"),
        (
            "ECHR-18",
            "Limitation on use of restrictions on rights",
            "Limitation de l'usage des restrictions aux droits",
        ),
        ("ECHR-P1-1", "Protection of property", "Protection de la propriété"),
        ("ECHR-P4-2", "Freedom of movement", "Liberté de circulation"),
    ],
)
def test_official_echr_titles(pid, title_en, title_fr):
    p = litigate.model.provision(pid)

    assert p.title("en") == title_en
    assert p.title("fr-FR") == title_fr
    assert p.article.official_title


def test_un_titles_are_marked_descriptive():
    assert not litigate.model.provision("ICCPR-7").article.official_title
    assert litigate.model.provision("CRPD-14").article.official_title


def test_accessory_articles():
    assert litigate.model.provision("ECHR-14").article.invocable is Invocable.ACCESSORY
    assert litigate.model.provision("ECHR-13").article.invocable is Invocable.YES


@pytest.mark.parametrize(
    ("pid", "en", "fr"),
    [
        (
            "ECHR-6-3-c",
            "Article 6 § 3 (c) of the Convention",
            "l'article 6 § 3 c) de la Convention",
        ),
        ("ECHR-P4-2", "Article 2 of Protocol No. 4", "l'article 2 du Protocole no 4"),
        ("ICCPR-14-1", "article 14 (1) of the Covenant", "l'article 14 (1) du Pacte"),
        ("CAT-16", "article 16 of the Convention", "l'article 16 de la Convention"),
    ],
)
def test_citations(pid, en, fr):
    assert litigate.model.provision(pid).cite() == en
    assert litigate.model.provision(pid).cite("fr") == fr


def test_every_listed_id_resolves_to_itself():
    cat = litigate.model.catalogue()

    for pid in cat.ids:
        assert cat.lookup(pid).id == pid


@pytest.mark.parametrize(
    "bad", ["", "ECHR", "ECHR-", "ECHR-P99-1", "FOO-1", "ECHR-5-1-z", 5, None]
)
def test_unknown_provisions(bad):
    with pytest.raises(UnknownProvisionError):
        litigate.model.provision(bad)


def test_loader_is_strict():
    data = raw()
    data["articles"][0]["colour"] = "red"
    data["sources"].append({"id": "unused", "title": "Unused", "url": "https://example.org"})
    data["articles"].append(dict(data["articles"][1]))

    with pytest.raises(RuleDataError) as info:
        _build(data)

    text = "\n".join(info.value.errors)
    assert "colour" in text
    assert "'unused' is not used" in text
    assert "duplicate article" in text


def test_countries():
    assert litigate.model.country("AZE").name_fr == "Azerbaïdjan"
    with pytest.raises(UnknownStateError, match="did you mean 'RUS'"):
        litigate.model.country("rus")
