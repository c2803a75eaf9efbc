"""Issue 14: the Convention and Protocols Nos. 1, 4, 6, 7, 12, 13 and 16 for every member State.

Three checks run over the packaged rows themselves, so a row added to the data is tested
without a line here:

* the enumeration: each of the 46 member States of the Council of Europe and Russia answers
  from data (never ``no_data``) for the Convention and every Protocol, with a source and
  either a "status as of" date or an out-of-date warning;
* the end of each ECHR row that ended (Russia): the instrument covers facts up to and
  including 16 September 2022, not after (the entry-into-force day of every ECHR row is
  tested in tests/rules/test_check_acceptance.py);
* every row built on recollection is flagged (stale, with a warning) and a refusal built on
  it is a warning in ``check()``, never an error.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import litigate
from litigate.rules import load_rules
from tests.rules.test_check_acceptance import COE_MEMBERS

DATA = load_rules().acceptances
TODAY = date(2026, 12, 7)

MEMBER_STATES = COE_MEMBERS
STATES = [*MEMBER_STATES, "RUS"]
ECHR_INSTRUMENTS = [i.id for i in DATA.instruments if i.forum == "ecthr"]
ENDED_ROWS = [r for r in DATA.states if r.instrument.startswith("ECHR") and r.until is not None]
KINDS = {s.id: s.kind for s in DATA.sources}


def test_the_lists_are_complete() -> None:
    assert len(MEMBER_STATES) == len(set(MEMBER_STATES)) == 46
    expected = ["ECHR", *(f"ECHR-P{n}" for n in (1, 4, 6, 7, 12, 13, 16))]
    assert expected == ECHR_INSTRUMENTS


@pytest.mark.parametrize("instrument", ECHR_INSTRUMENTS)
def test_every_state_answers_from_data(instrument: str) -> None:
    for state in STATES:
        a = litigate.acceptance(state, "ecthr", instrument=instrument, as_of=TODAY)

        assert a.status in {"accepted", "ceased", "signed_only", "not_accepted"}, state
        assert a.instrument == instrument
        assert a.sources, state
        if a.status in {"accepted", "ceased"}:
            assert a.in_force_from is not None, state
        if a.status_as_of is None or (TODAY - a.status_as_of).days > (DATA.stale_after_days or 0):
            assert a.stale and a.warnings, state


@pytest.mark.parametrize("row", ENDED_ROWS, ids=lambda r: f"{r.state}-{r.instrument}")
def test_echr_row_ends_with_its_last_day_inside(row) -> None:
    """Russia: the Convention and its Protocols cover facts up to and including 16 Sep 2022.

    The in-force day of every ECHR row is tested in tests/rules/test_check_acceptance.py.
    """
    last = litigate.acceptance(row.state, "ecthr", instrument=row.instrument, on=row.until)
    after = row.until + timedelta(days=1)

    assert last.end_day == "inside" and last.end_bounds == "facts"
    assert last.accepted is True
    assert (
        litigate.acceptance(row.state, "ecthr", instrument=row.instrument, on=after).accepted
        is False
    )


RECOLLECTION_ROWS = [
    r
    for r in DATA.states
    if r.instrument.startswith("ECHR") and any(KINDS[s] == "recollection" for s in r.sources)
]


@pytest.mark.parametrize("row", RECOLLECTION_ROWS, ids=lambda r: f"{r.state}-{r.instrument}")
def test_rows_from_recollection_are_flagged(row) -> None:
    a = litigate.acceptance(row.state, "ecthr", instrument=row.instrument, as_of=TODAY)

    assert a.stale
    assert a.status_as_of is None
    assert any("not recorded" in w for w in a.warnings)
    assert "recollection" in row.note.lower() or "[unconfirmed]" in row.note


def test_protocol_16_is_in_force_from_1_august_2018() -> None:
    inst = DATA.instrument("ECHR-P16")
    assert inst is not None
    assert inst.treaty_in_force_from == date(2018, 8, 1)
    assert inst.entry_into_force.first_day_of_month_after_months == 3
    assert "Art. 8 § 2" in inst.entry_into_force_provision
    # France's ratification of 12 April 2018 was the tenth: in force for it on 1 August 2018.
    fra = litigate.acceptance("FRA", "ecthr", instrument="ECHR-P16", on=date(2018, 8, 1))
    assert fra.accepted is True
    assert not litigate.acceptance(
        "FRA", "ecthr", instrument="ECHR-P16", on=date(2018, 7, 31)
    ).accepted


@pytest.mark.parametrize(
    ("state", "deposited", "in_force", "phrase"),
    [
        ("NLD", date(2019, 2, 12), date(2019, 6, 1), "Trb. 2019, 38"),
        ("SVK", date(2019, 12, 17), date(2020, 4, 1), "113/2020 Z. z."),
        ("LUX", date(2020, 5, 14), date(2020, 9, 1), "Mémorial A 2020 n° 455"),
    ],
)
def test_protocol_16_later_ratifications_read_in_national_gazettes(
    state: str, deposited: date, in_force: date, phrase: str
) -> None:
    """Three months after the deposit, then the first day of the next month (Art. 8 § 2)."""
    row = DATA.row(state, "ECHR-P16")
    assert row is not None and row.deposited_on == deposited
    a = litigate.acceptance(state, "ecthr", instrument="ECHR-P16", on=in_force, as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    assert not a.stale
    assert any(phrase in s for s in a.sources)
    before = in_force - timedelta(days=1)
    assert litigate.acceptance(state, "ecthr", instrument="ECHR-P16", on=before).accepted is False


def test_the_united_kingdom_signed_protocol_4_only() -> None:
    """Hansard, 12 November 1996: 'The UK has signed but not ratified Protocol 4'."""
    a = litigate.acceptance("GBR", "ecthr", instrument="ECHR-P4", on=date(2025, 1, 1), as_of=TODAY)

    assert a.status == "signed_only"
    assert a.accepted is False
    assert a.confidence == "high"
    assert any("HL Deb 12 November 1996" in s for s in a.sources)
    for instrument in ("ECHR-P7", "ECHR-P12"):
        other = litigate.acceptance("GBR", "ecthr", instrument=instrument, on=date(2025, 1, 1))
        assert other.status == "not_accepted"


def test_liechtenstein_protocol_7_read_in_its_gazette() -> None:
    """LGBl. 2005 Nr. 28: in force for Liechtenstein on 1 May 2005 (a recollection said August)."""
    assert litigate.acceptance("LIE", "ecthr", instrument="ECHR-P7", on=date(2005, 5, 1)).accepted
    assert not litigate.acceptance(
        "LIE", "ecthr", instrument="ECHR-P7", on=date(2005, 4, 30)
    ).accepted


def test_russia_signed_protocol_6_only_and_its_protocols_end_with_the_convention() -> None:
    p6 = litigate.acceptance("RUS", "ecthr", instrument="ECHR-P6", on=date(2020, 1, 1))
    assert p6.status == "signed_only"
    assert p6.accepted is False
    for instrument in ("ECHR-P1", "ECHR-P4", "ECHR-P7"):
        a = litigate.acceptance("RUS", "ecthr", instrument=instrument)
        assert a.status == "ceased"
        assert a.until == date(2022, 9, 16)


def _p_complaint_findings(state: str, provision: str) -> list[litigate.Finding]:
    case = litigate.Case(
        forum="ecthr", respondent=state, complaints=[litigate.Complaint(provision=provision)]
    )
    findings = litigate.check(case, as_of=TODAY)
    return [f for f in findings if f.code == "procedure_not_accepted"]


def test_a_refusal_read_in_a_primary_source_is_an_error() -> None:
    (finding,) = _p_complaint_findings("GBR", "ECHR-P4-2")

    assert finding.severity is litigate.Severity.ERROR
    assert "ECHR-P4" in finding.message


def test_a_refusal_built_on_recollection_is_a_warning() -> None:
    """Slovakia and Protocol No. 12: 'signed only' is recollection, so only a warning."""
    row = DATA.row("SVK", "ECHR-P12")
    assert row is not None and any(KINDS[s] == "recollection" for s in row.sources)
    (finding,) = _p_complaint_findings("SVK", "ECHR-P12-1")

    assert finding.severity is litigate.Severity.WARNING
    assert "ECHR-P12" in finding.message


def test_netherlands_protocol_7_not_in_force_read_in_the_dutch_statute_book() -> None:
    """'Treedt in werking op een nader te bepalen tijdstip': a refusal is now an error."""
    row = DATA.row("NLD", "ECHR-P7")
    assert row is not None and row.status == "signed_only"
    assert not any(KINDS[s] == "recollection" for s in row.sources)
    (finding,) = _p_complaint_findings("NLD", "ECHR-P7-1")

    assert finding.severity is litigate.Severity.ERROR


def test_a_refusal_read_in_low_confidence_secondary_sources_is_a_warning() -> None:
    """Sweden and Protocol No. 12: 'not signed' read in two secondary sources (2000s, 2018)."""
    row = DATA.row("SWE", "ECHR-P12")
    assert row is not None and row.confidence == "low"
    assert not any(KINDS[s] == "recollection" for s in row.sources)
    (finding,) = _p_complaint_findings("SWE", "ECHR-P12-1")

    assert finding.severity is litigate.Severity.WARNING
    assert "ECHR-P12" in finding.message


def test_monaco_protocol_1_signed_only_read_in_a_pace_report() -> None:
    """PACE Doc. 13739 (2015) and humanrights.ch (2019): Monaco has not ratified Protocol No. 1."""
    a = litigate.acceptance("MCO", "ecthr", instrument="ECHR-P1", on=date(2019, 7, 4), as_of=TODAY)

    assert a.status == "signed_only"
    assert a.accepted is False
    assert a.status_as_of == TODAY
    assert any("PACE Doc. 13739" in s for s in a.sources)


def test_monaco_temporal_declaration_under_the_convention_is_reported() -> None:
    """Treaty Office: no responsibility under Article 34 for facts before 30 November 2005."""
    a = litigate.acceptance("MCO", "ecthr", instrument="ECHR", on=date(2006, 1, 1), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    (temporal,) = [r for r in a.reservations if r.kind == "temporal"]
    assert temporal.verbatim
    assert temporal.applies_from == date(2005, 11, 30)
    assert "antérieurs à l'entrée en vigueur" in temporal.text
    assert a.temporal_from == date(2005, 11, 30)


def test_portugal_protocol_7_declaration_is_reported() -> None:
    """Aviso n.º 264/2005: deposited 20 Dec 2004 with a declaration on Articles 2 and 4."""
    a = litigate.acceptance("PRT", "ecthr", instrument="ECHR-P7", on=date(2005, 3, 1), as_of=TODAY)

    assert a.accepted is True
    assert not a.stale
    (declaration,) = a.reservations
    assert declaration.verbatim
    assert "infracção penal" in declaration.text
    assert declaration.source and "264/2005" in declaration.source


@pytest.mark.parametrize(
    ("state", "in_force"), [("MDA", date(2023, 10, 1)), ("MNE", date(2023, 6, 1))]
)
def test_protocol_16_ratifications_after_2020(state: str, in_force: date) -> None:
    """Moldova (deposit 22 Jun 2023) and Montenegro (14 Feb 2023), read after the 2018 lists."""
    a = litigate.acceptance(state, "ecthr", instrument="ECHR-P16", on=in_force, as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    earlier = in_force - timedelta(days=1)
    assert litigate.acceptance(state, "ecthr", instrument="ECHR-P16", on=earlier).accepted is False


def test_latvia_protocol_1_reservation_on_restitution_is_reported() -> None:
    """Kozlova and Smirnova v. Latvia (dec.): the reservation on restitution laws is valid."""
    case = litigate.Case(
        forum="ecthr", respondent="LVA", complaints=[litigate.Complaint(provision="ECHR-P1-1")]
    )
    findings = litigate.check(case, as_of=TODAY)

    (note,) = [f for f in findings if f.code == "reservation_other" and f.rule_id == "ECHR-P1"]
    assert "restitution" in note.message
    assert note.severity is litigate.Severity.WARNING


def test_san_marino_convention_read_in_a_council_of_europe_fact_sheet() -> None:
    """'San Marino ha ratificato la Convenzione ... il 22 marzo 1989' (was recollection)."""
    row = DATA.row("SMR", "ECHR")
    assert row is not None and not any(KINDS[s] == "recollection" for s in row.sources)
    a = litigate.acceptance("SMR", "ecthr", instrument="ECHR", on=date(1989, 3, 22), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    assert not a.stale
    assert any("San Marino nel Consiglio d'Europa" in s for s in a.sources)
    assert [r.kind for r in a.reservations] == ["derogation"]
    assert not litigate.acceptance(
        "SMR", "ecthr", instrument="ECHR", on=date(1989, 3, 21)
    ).accepted


def test_united_kingdom_ratified_the_convention_on_8_march_1951() -> None:
    """Two Routledge chapters (secondary): deposit 8 Mar 1951; in force with the Convention."""
    row = DATA.row("GBR", "ECHR")
    assert row is not None and row.deposited_on == date(1951, 3, 8)
    assert not any(KINDS[s] == "recollection" for s in row.sources)
    a = litigate.acceptance("GBR", "ecthr", instrument="ECHR", on=date(1953, 9, 3), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "medium"
    assert not a.stale
    assert any("Klug" in s for s in a.sources)
    assert not litigate.acceptance("GBR", "ecthr", instrument="ECHR", on=date(1953, 9, 2)).accepted


@pytest.mark.parametrize(
    ("instrument", "in_force", "phrase"),
    [
        ("ECHR-P7", date(2009, 12, 1), "migrarconderechos"),
        ("ECHR-P13", date(2010, 4, 1), "Noticias de Álava"),
    ],
)
def test_spain_protocols_7_and_13_in_force_dates_read_in_secondary_sources(
    instrument: str, in_force: date, phrase: str
) -> None:
    """The deposit days were not seen: only the entry-into-force day is held (was recollection)."""
    row = DATA.row("ESP", instrument)
    assert row is not None and row.deposited_on is None
    assert not any(KINDS[s] == "recollection" for s in row.sources)
    a = litigate.acceptance("ESP", "ecthr", instrument=instrument, on=in_force, as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "medium"
    assert any(phrase in s for s in a.sources)
    before = in_force - timedelta(days=1)
    assert not litigate.acceptance("ESP", "ecthr", instrument=instrument, on=before).accepted


def test_germany_protocol_7_signed_only_read_in_a_copy_of_the_chart() -> None:
    """'Germania 19/03/1985 no no' (europeancourt.org copy of the chart): a refusal is an error."""
    row = DATA.row("DEU", "ECHR-P7")
    assert row is not None and row.status == "signed_only"
    assert not any(KINDS[s] == "recollection" for s in row.sources)
    (finding,) = _p_complaint_findings("DEU", "ECHR-P7-4")

    assert finding.severity is litigate.Severity.ERROR
    assert "ECHR-P7" in finding.message


NL_P7_DECLARANTS = ["DNK", "FRA", "ITA", "LIE", "LUX", "MCO", "RUS", "SMR", "SWE"]


@pytest.mark.parametrize("state", NL_P7_DECLARANTS)
def test_protocol_7_declarations_listed_by_the_dutch_database_are_flagged(state: str) -> None:
    """The Netherlands treaty database lists these States among those with P7 declarations."""
    row = DATA.row(state, "ECHR-P7")
    assert row is not None
    flagged = [r for r in row.reservations if "nl-treatydb-ets117-declarations" in r.sources]
    assert flagged and all(r.kind == "other" for r in flagged)


def test_denmark_protocol_7_declaration_is_verbatim_and_reported_by_check() -> None:
    """Article 2 § 1 and the 'politisager': the first Danish declaration, read verbatim."""
    a = litigate.acceptance("DNK", "ecthr", instrument="ECHR-P7", on=date(2020, 1, 1), as_of=TODAY)
    (verbatim,) = [r for r in a.reservations if r.verbatim]
    assert "Lov om rettens pleje" in verbatim.text

    case = litigate.Case(
        forum="ecthr", respondent="DNK", complaints=[litigate.Complaint(provision="ECHR-P7-2")]
    )
    notes = [
        f
        for f in litigate.check(case, as_of=TODAY)
        if f.code == "reservation_other" and f.rule_id == "ECHR-P7"
    ]
    assert notes and all(f.severity is litigate.Severity.WARNING for f in notes)


@pytest.mark.parametrize(
    ("state", "instrument", "deposited", "in_force", "phrase"),
    [
        ("LTU", "ECHR-P6", date(1999, 7, 8), date(1999, 8, 1), "Lituanie"),
        ("LVA", "ECHR-P6", None, date(1999, 6, 1), "Latvia, second periodic report"),
        ("MCO", "ECHR-P6", date(2005, 11, 30), date(2005, 12, 1), "Monaco"),
        ("SWE", "ECHR-P13", date(2003, 4, 22), date(2003, 8, 1), "Suède"),
    ],
)
def test_death_penalty_protocols_read_in_peinedemort_org(
    state: str, instrument: str, deposited: date | None, in_force: date, phrase: str
) -> None:
    """Rows that were recollection, now read in peinedemort.org and a State report (secondary)."""
    row = DATA.row(state, instrument)
    assert row is not None and row.deposited_on == deposited
    assert not any(KINDS[s] == "recollection" for s in row.sources)
    a = litigate.acceptance(state, "ecthr", instrument=instrument, on=in_force, as_of=TODAY)

    assert a.accepted is True
    assert not a.stale
    assert any(phrase in s for s in a.sources)
    before = in_force - timedelta(days=1)
    assert not litigate.acceptance(state, "ecthr", instrument=instrument, on=before).accepted
