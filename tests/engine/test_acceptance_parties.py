"""Issue 14: every State party held in the acceptance data answers from data, with its source.

Two checks run over the packaged rows themselves, so a row added to the data is tested
without a line here:

* the worked example of each UN row: the procedure applies on the day it took effect
  for the State and not the day before (and, for a denunciation, not on or after the
  effective day when that day is outside);
* the enumeration of the parties of each procedure: ``acceptance(S, forum)`` answers
  ``accepted`` or ``denounced``, never ``no_data``, names a source and either a
  "status as of" date or a warning that the day the source was read is not recorded.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

import litigate
from litigate.rules import load_rules

DATA = load_rules().acceptances
TODAY = date(2026, 12, 7)
UN_ROWS = [
    r for r in DATA.states if not r.instrument.startswith("ECHR") and r.in_force_from is not None
]


def _forum(instrument: str) -> str:
    inst = DATA.instrument(instrument)
    assert inst is not None
    return inst.forum


@pytest.mark.parametrize("row", UN_ROWS, ids=lambda r: f"{r.state}-{r.instrument}")
def test_un_row_worked_example(row) -> None:
    """In force on its entry-into-force day, not the day before."""
    forum = _forum(row.instrument)
    day = row.in_force_from
    on = litigate.acceptance(row.state, forum, on=day)
    before = litigate.acceptance(row.state, forum, on=day - timedelta(days=1))

    assert on.instrument == row.instrument
    assert on.accepted is True
    assert before.accepted is False
    assert on.sources
    instrument = DATA.instrument(row.instrument)
    assert instrument is not None
    if row.until is not None and (row.end_day or instrument.end_day) == "outside":
        assert litigate.acceptance(row.state, forum, on=row.until).accepted is False
        assert litigate.acceptance(row.state, forum, on=row.until - timedelta(days=1)).accepted


def _parties(instrument: str) -> list[str]:
    return sorted(
        r.state
        for r in DATA.states
        if r.instrument == instrument and r.status in {"accepted", "denounced", "ceased"}
    )


PROCEDURES = [
    ("ICCPR-OP1", "hrc", 119),
    ("OP-CEDAW", "cedaw", 114),
    ("OP-CRPD", "crpd", 99),
    ("OP3-CRC", "crc", 48),
    ("OP-ICESCR", "cescr", 28),
    ("CAT-22", "cat", 66),
    ("ICERD-14", "cerd", 55),
    ("ICPPED-31", "ced", 27),
]


@pytest.mark.parametrize(("instrument", "forum", "at_least"), PROCEDURES)
def test_every_party_answers_from_data(instrument: str, forum: str, at_least: int) -> None:
    parties = _parties(instrument)
    assert len(parties) >= at_least, parties
    for state in parties:
        a = litigate.acceptance(state, forum, as_of=TODAY)

        assert a.status in {"accepted", "denounced", "ceased"}, state
        assert a.instrument == instrument, state
        assert a.in_force_from is not None, state
        assert a.sources, state
        if a.status_as_of is None or (TODAY - a.status_as_of).days > (DATA.stale_after_days or 0):
            assert a.stale and a.warnings, state


def test_an_old_copy_of_the_depositary_table_is_flagged_as_out_of_date() -> None:
    """France's OP1 row comes from a 2014 copy of the UNTC table: answered, and flagged."""
    a = litigate.acceptance("FRA", "hrc", on=date(2020, 1, 1), as_of=TODAY)

    assert a.accepted is True
    assert a.in_force_from == date(1984, 5, 17)
    assert a.status_as_of == date(2014, 1, 27)
    assert a.stale
    assert any("out of date" in w for w in a.warnings)


def test_jamaica_op1_in_force_only_when_the_protocol_was() -> None:
    """Corrected: ratified 3 Oct 1975, before OP1 entered into force on 23 Mar 1976."""
    assert litigate.acceptance("JAM", "hrc", on=date(1976, 3, 22)).accepted is False
    assert litigate.acceptance("JAM", "hrc", on=date(1976, 3, 23)).accepted is True


def test_temporal_reservation_from_the_depositary_text() -> None:
    """Chile's OP1 declaration limits competence to acts after 11 March 1990."""
    a = litigate.acceptance("CHL", "hrc")

    assert any(r.kind == "temporal" and "11 March 1990" in r.text for r in a.reservations)


def test_convention_rows_read_on_the_council_of_europe_pages_are_primary() -> None:
    """Croatia: 5 November 1997 on the Council of Europe's own country page."""
    a = litigate.acceptance("HRV", "ecthr", on=date(1997, 11, 5), as_of=TODAY)

    assert a.accepted is True
    assert a.status_as_of == TODAY
    assert not a.stale
    assert litigate.acceptance("HRV", "ecthr", on=date(1997, 11, 4)).accepted is False


def test_montenegro_is_bound_from_the_state_unions_ratification() -> None:
    """Corrected: 3 March 2004 (Bijelić), not the succession date of 6 June 2006."""
    assert litigate.acceptance("MNE", "ecthr", on=date(2004, 3, 3)).accepted is True
    assert litigate.acceptance("MNE", "ecthr", on=date(2004, 3, 2)).accepted is False


def test_malta_protocol_1_reservation_on_education() -> None:
    a = litigate.acceptance("MLT", "ecthr", instrument="ECHR-P1", on=date(1967, 1, 23))

    assert a.accepted is True
    assert any("Article 2 of the Protocol" in r.text and r.verbatim for r in a.reservations)


def test_san_marino_covid_derogation_is_reported() -> None:
    a = litigate.acceptance("SMR", "ecthr")

    (derogation,) = [r for r in a.reservations if r.kind == "derogation"]
    assert "1 July 2020" in derogation.text
    assert derogation.source


def test_three_convention_rows_remain_recollection_and_warn() -> None:
    """San Marino and the United Kingdom were read on 7 Dec 2026; Cyprus and Greece remain, and
    Georgia's rests partly on the ECtHR research note's recollection (classified as such on
    7 Dec 2026, when every cited source was given its kind)."""
    data = load_rules().acceptances
    kinds = {s.id: s.kind for s in data.sources}
    left = sorted(
        r.state
        for r in data.states
        if r.instrument == "ECHR" and any(kinds[s] == "recollection" for s in r.sources)
    )

    assert left == ["CYP", "GEO", "GRC"]
    for state in left:
        assert litigate.acceptance(state, "ecthr", as_of=TODAY).stale


def test_rows_read_on_the_untc_status_pages_agree_with_the_2015_copy() -> None:
    """Lithuania's OP3-CRC ratification (3 Oct 2022) is only in the 2024 UNTC copy."""
    a = litigate.acceptance("LTU", "crc", on=date(2023, 1, 3), as_of=TODAY)

    assert a.accepted is True
    assert litigate.acceptance("LTU", "crc", on=date(2023, 1, 2)).accepted is False
    assert a.status_as_of == date(2024, 9, 25)
    assert a.stale


def test_absence_from_the_untc_list_is_a_medium_not_accepted() -> None:
    a = litigate.acceptance("GEO", "cescr", on=date(2025, 1, 1), as_of=TODAY)

    assert a.accepted is False
    assert a.confidence == "medium"
    assert a.stale and a.warnings


@pytest.mark.parametrize(
    ("state", "instrument", "phrase"),
    [
        ("TUR", "ECHR", "21 July 2016"),
        ("ARM", "ECHR", "16 September 2020"),
        ("ARM", "ECHR", "29 September 2020"),
        ("ALB", "ECHR-P1", "24 June 2020"),
        ("ALB", "ECHR-P4", "24 June 2020"),
    ],
)
def test_article_15_derogations_read_on_the_treaty_office_pages(state, instrument, phrase) -> None:
    a = litigate.acceptance(state, "ecthr", instrument=instrument)

    assert any(r.kind == "derogation" and phrase in r.text and r.source for r in a.reservations)


def test_turkiye_in_force_day_is_read_on_a_treaty_office_notification() -> None:
    a = litigate.acceptance("TUR", "ecthr", on=date(1954, 5, 18), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    assert any("JJ8654C" in s for s in a.sources)


def test_chile_op_cedaw_2020_is_read_on_the_untc_page() -> None:
    """Chile ratified OP-CEDAW on 12 Mar 2020 (absent from the 2014 copy)."""
    assert litigate.acceptance("CHL", "cedaw", on=date(2020, 6, 12)).accepted is True
    assert litigate.acceptance("CHL", "cedaw", on=date(2020, 6, 11)).accepted is False


def test_slovakia_bound_from_independence_on_a_secondary_source() -> None:
    """Slovakia: 1 Jan 1993 (TASR); no longer recollection, still flagged as secondary."""
    a = litigate.acceptance("SVK", "ecthr", on=date(1993, 1, 1), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "medium"
    assert litigate.acceptance("SVK", "ecthr", on=date(1992, 12, 31)).accepted is False
    assert any("TASR" in s for s in a.sources)


def test_a_cat_declaration_made_with_the_ratification_waits_for_the_convention() -> None:
    """Algeria declared under art. 22 on ratifying (12 Sep 1989): effective 12 Oct 1989."""
    assert litigate.acceptance("DZA", "cat", on=date(1989, 10, 12)).accepted is True
    assert litigate.acceptance("DZA", "cat", on=date(1989, 10, 11)).accepted is False
    row = next(r for r in DATA.states if r.state == "DZA" and r.instrument == "CAT-22")
    assert row.deposited_on == date(1989, 9, 12)
    assert "art. 27(2)" in row.consistency_exception


def test_a_later_cat_declaration_is_effective_on_its_date() -> None:
    """Andorra ratified on 22 Sep 2006 and declared under art. 22 on 22 Nov 2006."""
    assert litigate.acceptance("AND", "cat", on=date(2006, 11, 22)).accepted is True
    assert litigate.acceptance("AND", "cat", on=date(2006, 11, 21)).accepted is False


@pytest.mark.parametrize(
    ("phrase", "confidence"), [("9 June 2015", "high"), ("28 February 2022", "medium")]
)
def test_ukraine_article_15_derogations(phrase: str, confidence: str) -> None:
    a = litigate.acceptance("UKR", "ecthr")

    (d,) = [r for r in a.reservations if r.kind == "derogation" and phrase in r.text]
    assert d.confidence == confidence
    assert d.source


def test_the_declaration_rules_quote_the_treaty_text() -> None:
    """CERD art. 14(3) and CED art. 35(2) are quoted in the instruments' provisions."""
    cerd = DATA.instrument("ICERD-14")
    ced = DATA.instrument("ICPPED-31")
    assert cerd is not None and ced is not None
    assert "shall be deposited by the State Party concerned" in cerd.entry_into_force_provision
    assert "shall not affect communications pending" in cerd.denunciation_provision
    assert "commenced after the entry into force" in ced.entry_into_force_provision


@pytest.mark.parametrize(
    ("state", "instrument", "in_force"),
    [
        ("CHE", "ECHR-P6", date(1987, 11, 1)),
        ("CHE", "ECHR-P7", date(1988, 11, 1)),
        ("CHE", "ECHR-P13", date(2003, 7, 1)),
        ("GBR", "ECHR-P13", date(2004, 2, 1)),
        ("GBR", "ECHR-P6", date(1999, 6, 1)),
        ("SVK", "ECHR-P13", date(2005, 12, 1)),
        ("POL", "ECHR-P13", date(2014, 9, 1)),
        ("SMR", "ECHR-P13", date(2003, 8, 1)),
    ],
)
def test_protocol_rows_read_in_national_publications(state, instrument, in_force) -> None:
    """Late-alphabet States the cut Treaty Office charts do not reach."""
    on = litigate.acceptance(state, "ecthr", instrument=instrument, on=in_force, as_of=TODAY)
    before = litigate.acceptance(state, "ecthr", instrument=instrument, on=in_force - timedelta(1))

    assert on.accepted is True
    assert before.accepted is False
    assert on.sources


def test_switzerland_has_not_ratified_protocol_1_as_far_as_known() -> None:
    a = litigate.acceptance("CHE", "ecthr", instrument="ECHR-P1", on=date(2020, 1, 1), as_of=TODAY)

    assert a.accepted is False
    assert a.confidence == "medium"


def test_slovak_deposit_read_in_the_federal_gazette() -> None:
    """18 March 1992 (notice 209/1992 Zb.), not TASR's 19 March; bound from 1 January 1993."""
    row = next(r for r in DATA.states if r.state == "SVK" and r.instrument == "ECHR")

    assert row.deposited_on == date(1992, 3, 18)
    assert row.in_force_from == date(1993, 1, 1)
    assert "succession" in row.consistency_exception


def test_finland_read_in_its_treaty_series() -> None:
    """SopS 19/1990: deposited and in force on 10 May 1990, with the oral-hearing reservation."""
    a = litigate.acceptance("FIN", "ecthr", on=date(1990, 5, 10), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    assert not a.stale
    assert any("oral hearing" in r.text for r in a.reservations)
    assert litigate.acceptance("FIN", "ecthr", on=date(1990, 5, 9)).accepted is False


@pytest.mark.parametrize(
    ("state", "in_force"),
    [("LIE", date(1990, 12, 1)), ("ROU", date(1994, 7, 1)), ("MDA", date(1997, 10, 1))],
)
def test_protocol_6_rows_from_the_dutch_treaty_series(state, in_force) -> None:
    """Trb. 1998, 91 gives the deposit; P6 Art. 8 § 2 the first day of the next month."""
    on = litigate.acceptance(state, "ecthr", instrument="ECHR-P6", on=in_force)
    before = litigate.acceptance(state, "ecthr", instrument="ECHR-P6", on=in_force - timedelta(1))

    assert on.accepted is True
    assert before.accepted is False


def test_australia_cat_declaration_effective_on_deposit() -> None:
    """DFAT: declaration under arts 21 and 22 deposited 28 Jan 1993 'with effect on same date'."""
    a = litigate.acceptance("AUS", "cat", on=date(1993, 1, 28), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "high"
    assert litigate.acceptance("AUS", "cat", on=date(1993, 1, 27)).accepted is False


def test_a_cat_declaration_made_before_1987_operates_from_the_convention() -> None:
    """Switzerland declared on 2 Dec 1986 (CAT/C/75/D/951/2019); the Convention: 26 Jun 1987."""
    assert litigate.acceptance("CHE", "cat", on=date(1987, 6, 26)).accepted is True
    assert litigate.acceptance("CHE", "cat", on=date(1987, 6, 25)).accepted is False
    inst = DATA.instrument("CAT-22")
    assert inst is not None and inst.treaty_in_force_from == date(1987, 6, 26)


@pytest.mark.parametrize(
    ("state", "in_force"),
    [
        ("DNK", date(1987, 6, 26)),
        ("MAR", date(2006, 10, 19)),
        ("CAN", date(1989, 11, 13)),
        ("BDI", date(2003, 6, 10)),
        ("TUN", date(1988, 10, 23)),
        ("SWE", date(1987, 6, 26)),
    ],
)
def test_cat_declarations_read_in_committee_decisions(state, in_force) -> None:
    assert litigate.acceptance(state, "cat", on=in_force).accepted is True
    assert litigate.acceptance(state, "cat", on=in_force - timedelta(1)).accepted is False


def test_a_cerd_declaration_made_before_article_14_came_into_force() -> None:
    """Ecuador declared on 19 Mar 1977 (CERD/C/100/D/61/2017); art. 14 itself: 3 Dec 1982.

    Corrected from 4 Dec 1982 (Australian treaty register) to the day the General
    Assembly's 1988 resolution on the status of the Convention gives.
    """
    assert litigate.acceptance("ECU", "cerd", on=date(1982, 12, 3)).accepted is True
    assert litigate.acceptance("ECU", "cerd", on=date(1982, 12, 2)).accepted is False
    inst = DATA.instrument("ICERD-14")
    assert inst is not None and inst.treaty_in_force_from == date(1982, 12, 3)
    assert "3 December 1982" in inst.entry_into_force_provision
    assert "unga-1988-icerd-status" in inst.sources


def test_spains_cat_declaration_is_sourced_but_its_date_is_low_confidence() -> None:
    """BOE of 9 Nov 1987 holds the art. 22 declaration; the deposit day conflicts (10 or 21 Oct)."""
    a = litigate.acceptance("ESP", "cat", on=date(1987, 11, 9))
    assert a.accepted is True
    assert a.confidence == "low"
    assert litigate.acceptance("ESP", "cat", on=date(1987, 11, 8)).accepted is False
    assert litigate.acceptance("ESP", "cat", on=date(2020, 1, 1)).accepted is True


def test_a_ced_declaration_made_before_the_convention_operates_from_its_entry_into_force() -> None:
    """Argentina declared on 11 Jun 2008 (CED/C/10/D/1/2013); the Convention: 23 Dec 2010."""
    assert litigate.acceptance("ARG", "ced", on=date(2010, 12, 23)).accepted is True
    assert litigate.acceptance("ARG", "ced", on=date(2010, 12, 22)).accepted is False
    inst = DATA.instrument("ICPPED-31")
    assert inst is not None and inst.treaty_in_force_from == date(2010, 12, 23)


def test_a_cat_declaration_dated_by_year_only_operates_from_the_convention() -> None:
    """Sweden declared 'in 1986' (CAT/C/63/D/750/2016): effective 26 Jun 1987, no deposit day."""
    a = litigate.acceptance("SWE", "cat", on=date(1987, 6, 26), as_of=TODAY)

    assert a.accepted is True
    assert a.confidence == "medium"
    assert any("CAT/C/63/D/750/2016" in s for s in a.sources)
    assert litigate.acceptance("SWE", "cat", on=date(1987, 6, 25)).accepted is False
    row = next(r for r in DATA.states if r.state == "SWE" and r.instrument == "CAT-22")
    assert row.deposited_on is None
