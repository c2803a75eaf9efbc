"""Deadlines as iCalendar: every event read back with icalendar and with vobject."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import attrs
import icalendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import litigate
from litigate.engine.procedure import payment_due, referral_deadline
from litigate.errors import InputError
from litigate.ics import (
    DeadlineCalendar,
    calendar,
    case_identity,
    deadline_calendar,
    event_uid,
)
from litigate.model import Execution, Judgment

vobject: Any = pytest.importorskip("vobject")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = [
    ROOT / "examples" / name / "case.toml"
    for name in (
        "cat-torture-communication",
        "custody-ill-treatment",
        "disbarred-lawyer",
        "hrc-after-ecthr",
        "journalist-detention",
        "travel-ban-defender",
    )
]
AS_OF = date(2026, 11, 23)


def _docket() -> list[litigate.Case]:
    return [litigate.load_case(p) for p in EXAMPLES]


def _case(
    title: str = "Aliyev v. Azerbaijan",
    *,
    served_on: date = date(2026, 7, 2),
    complaints: tuple[str, ...] = ("ECHR-10",),
    **extra: Any,
) -> litigate.Case:
    return litigate.Case(
        forum="ecthr",
        respondent="AZE",
        title=title,
        applicants=[
            litigate.Applicant.person(
                name="Rauf Aliyev",
                address="12 Nizami Street, Baku",
                date_of_birth=date(1980, 4, 5),
                phone="+994 50 123 45 67",
            )
        ],
        complaints=[litigate.Complaint(provision=p) for p in complaints],
        proceedings=[
            litigate.DomesticDecision(
                court="Supreme Court of Azerbaijan",
                level="cassation",
                taken_on=served_on,
                served_on=served_on,
            )
        ],
        **extra,
    )


def _events(data: bytes) -> list[Any]:
    return list(icalendar.Calendar.from_ical(data).walk("VEVENT"))


def _vevents(data: bytes) -> list[Any]:
    parsed = vobject.readOne(data.decode("utf-8"))
    return list(parsed.contents.get("vevent", []))


# ---------------------------------------------------------------- the whole docket


def test_every_event_reads_back_in_two_parsers():
    found = deadline_calendar(_docket(), as_of=AS_OF)
    data = found.to_ics()
    ours = {e.uid: e for e in found.events}
    first = _events(data)
    second = _vevents(data)

    assert len(ours) == len(found.events) == len(first) == len(second) > 5
    for event in first:
        mine = ours[str(event["UID"])]
        start, end = event.decoded("DTSTART"), event.decoded("DTEND")
        assert type(start) is date and type(end) is date  # all-day, not datetime
        assert start == mine.on
        assert end == mine.on + timedelta(days=1)
        assert event["DTSTART"].params.get("VALUE") == "DATE"
        assert str(event["SUMMARY"]) == mine.summary
        assert mine.case in mine.summary
        assert str(event["DESCRIPTION"]) == mine.description
        assert event.decoded("DTSTAMP") == datetime(
            2026, 11, 23, tzinfo=event.decoded("DTSTAMP").tzinfo
        )
        assert event.decoded("DTSTAMP").utcoffset() == timedelta(0)
    for event in second:
        mine = ours[event.uid.value]
        assert event.dtstart.value == mine.on
        assert type(event.dtstart.value) is date
        assert event.dtend.value - event.dtstart.value == timedelta(days=1)
        assert event.summary.value == mine.summary
        assert event.description.value == mine.description


def test_calendar_envelope_and_wire_format():
    data = calendar(_docket(), as_of=AS_OF)
    lines = data.split(b"\r\n")
    cal = icalendar.Calendar.from_ical(data)

    assert str(cal["VERSION"]) == "2.0"
    assert str(cal["PRODID"]).startswith("-//litigate//litigate ")
    assert data.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    assert all(len(line) <= 75 for line in lines)  # folded (RFC 5545 § 3.1)
    assert any(line.startswith(b" ") for line in lines)  # long descriptions are folded


def test_summary_names_case_and_provision_description_has_rule_source_explanation():
    found = deadline_calendar(_docket(), as_of=AS_OF)
    mirzazade = [e for e in found.events if e.case == "Mirzazade v. Azerbaijan"]

    assert {e.what for e in mirzazade} == {
        "Article 5 § 1 of the Convention",
        "Article 10 of the Convention",
        "Article 18 of the Convention",
        "Article 5 § 4 of the Convention",
    }
    event = next(e for e in mirzazade if e.what == "Article 5 § 1 of the Convention")
    assert (
        event.summary == "Mirzazade v. Azerbaijan – application: Article 5 § 1 of the Convention"
    )
    assert event.on == date(2026, 11, 29)
    assert event.status == "open"
    assert "Rule: ecthr.time_limit.four_months" in event.description
    assert "Source: Convention for the Protection of Human Rights" in event.description
    assert "Explanation:\nArticle 5 § 1 of the Convention." in event.description
    assert "expires on Sunday 29 November 2026" in event.description
    assert "Status on 23 November 2026: open, 6 days left" in event.description


def test_complaints_without_a_date_are_listed_not_calendared():
    found = deadline_calendar(_docket(), as_of=AS_OF)

    assert "Mirzazade v. Azerbaijan – Article 5 § 3 of the Convention: continuing" in found.undated
    assert sum("T.K. v. Azerbaijan" in line for line in found.undated) == 5
    assert not any(e.case == "Nasirli v. Azerbaijan" for e in found.events)


def test_arguable_date_is_described_never_a_second_event():
    found = deadline_calendar(_docket(), as_of=AS_OF)
    tahirli = [e for e in found.events if e.case == "Tahirli v. Azerbaijan"]

    assert {e.on for e in tahirli} == {date(2026, 12, 3)}
    assert len(tahirli) == 3
    for event in tahirli:
        assert "A later date, Tuesday 23 February 2027, is arguable" in event.description
        assert "do not rely on it" in event.description
    assert not any(e.on == date(2027, 2, 23) for e in found.events)


def test_repeated_provision_is_told_apart_and_gets_its_own_uid():
    found = deadline_calendar(_docket(), as_of=AS_OF)
    gasimzade = [e for e in found.events if e.case == "Gasimzade v. Azerbaijan"]
    article3 = [e for e in gasimzade if e.what.startswith("Article 3 ")]

    assert [e.what for e in article3] == [
        "Article 3 of the Convention (complaint 1)",
        "Article 3 of the Convention (complaint 2)",
    ]
    assert len({e.uid for e in article3}) == 2


def test_lodged_applications_are_kept_without_reminders():
    found = deadline_calendar(_docket(), as_of=AS_OF)
    gasimzade = [e for e in found.events if e.case == "Gasimzade v. Azerbaijan"]

    assert gasimzade
    assert all(e.status == "lodged" and not e.remind for e in gasimzade)
    assert "Lodged on 12 September 2025, within the time limit" in gasimzade[0].description
    data = DeadlineCalendar(as_of=AS_OF, events=tuple(gasimzade)).to_ics()
    assert b"VALARM" not in data


# ---------------------------------------------------------------- alarms


def test_default_alarms_30_7_1_days_before_at_nine():
    case = _case()
    data = calendar([case], as_of=date(2026, 7, 10))
    (event,) = _events(data)
    alarms = event.walk("VALARM")
    deadline = event.decoded("DTSTART")

    assert deadline == date(2026, 11, 2)
    assert [str(a["ACTION"]) for a in alarms] == ["DISPLAY"] * 3
    triggers = [a.decoded("TRIGGER") for a in alarms]
    assert triggers == [
        timedelta(days=-30, hours=9),
        timedelta(days=-7, hours=9),
        timedelta(days=-1, hours=9),
    ]
    assert all(str(a["DESCRIPTION"]).endswith(str(event["SUMMARY"])) for a in alarms)
    assert str(alarms[2]["DESCRIPTION"]).startswith("1 day left: ")
    # the second parser sees the same reminders
    (vevent,) = _vevents(data)
    assert sorted(a.trigger.value for a in vevent.contents["valarm"]) == sorted(triggers)


def test_custom_and_no_alarms():
    case = _case()
    one = _events(calendar([case], as_of=date(2026, 7, 10), alarms=[14, 14]))[0]
    none = _events(calendar([case], as_of=date(2026, 7, 10), alarms=()))[0]

    assert [a.decoded("TRIGGER") for a in one.walk("VALARM")] == [timedelta(days=-14, hours=9)]
    assert none.walk("VALARM") == []
    with pytest.raises(InputError, match=r"alarms\[1\] must be a whole number"):
        calendar([case], as_of=date(2026, 7, 10), alarms=[7, 1.5])  # type: ignore[list-item]


def test_expired_deadlines_are_kept_with_status_and_no_alarm():
    case = _case(served_on=date(2025, 1, 10))
    found = deadline_calendar([case], as_of=AS_OF)
    (event,) = found.events

    assert event.status == "expired"
    assert not event.remind
    assert "Status on 23 November 2026: expired, " in event.description
    assert b"VALARM" not in found.to_ics()
    assert deadline_calendar([case], as_of=AS_OF, upcoming=True).events == ()


def test_upcoming_keeps_deadlines_on_or_after_as_of():
    found = deadline_calendar(_docket(), as_of=AS_OF, upcoming=True)
    everything = deadline_calendar(_docket(), as_of=AS_OF)

    assert found.events
    assert all(e.on >= AS_OF for e in found.events)
    assert len(found.events) < len(everything.events)
    on_the_day = deadline_calendar(
        [_case(served_on=date(2026, 7, 23))], as_of=date(2026, 11, 23), upcoming=True
    )
    assert [e.on for e in on_the_day.events] == [date(2026, 11, 23)]
    assert "today is the last day" in on_the_day.events[0].description


# ---------------------------------------------------------------- identity


def test_uid_is_stable_when_the_date_changes():
    before = _case(served_on=date(2026, 7, 2))
    after = _case(served_on=date(2026, 7, 16))  # a later service date found in the file
    old = _events(calendar([before], as_of=date(2026, 7, 20)))
    new = _events(calendar([after], as_of=date(2026, 7, 21)))

    assert [str(e["UID"]) for e in old] == [str(e["UID"]) for e in new]
    assert old[0].decoded("DTSTART") != new[0].decoded("DTSTART")
    assert new[0].decoded("SEQUENCE") == old[0].decoded("SEQUENCE") + 1  # a later export wins


def test_uid_ignores_spacing_and_case_of_the_title_and_holds_no_personal_data():
    a = deadline_calendar([_case("Aliyev v. Azerbaijan")], as_of=AS_OF).events
    b = deadline_calendar([_case("aliyev  v.  AZERBAIJAN")], as_of=AS_OF).events

    assert [e.uid for e in a] == [e.uid for e in b]
    uid = a[0].uid
    assert uid.endswith("@litigate")
    assert "aliyev" not in uid.lower()
    assert "2026" not in uid


def test_same_export_twice_is_byte_identical():
    assert calendar(_docket(), as_of=AS_OF) == calendar(_docket(), as_of=AS_OF)


def test_no_personal_data_beyond_the_title():
    data = calendar([_case()], as_of=date(2026, 7, 10))
    text = data.decode("utf-8").replace("\r\n ", "")

    for leak in ("Nizami", "1980", "5 April", "123 45 67"):
        assert leak not in text


@settings(max_examples=25, deadline=None)
@given(
    titles=st.lists(
        st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghij -", min_size=1, max_size=12)
        .map(str.strip)
        .filter(bool),
        min_size=1,
        max_size=12,
        unique_by=lambda t: " ".join(t.split()).casefold(),
    ),
)
def test_no_duplicate_uids_across_many_cases(titles: list[str]):
    limit = litigate.RegistryTimeLimit(
        what="Observations in reply", letter_on=date(2026, 9, 1), due_on=date(2026, 12, 1)
    )
    cases = [
        _case(
            f"{title} v. Azerbaijan",
            complaints=("ECHR-10", "ECHR-3", "ECHR-3"),
            registry_time_limits=[limit, attrs.evolve(limit, what="Just satisfaction")],
            judgment=Judgment(delivered_on=date(2026, 3, 5), final_on=date(2026, 6, 6)),
        )
        for title in titles
    ]
    found = deadline_calendar(cases, as_of=AS_OF)
    uids = [e.uid for e in found.events]

    assert len(uids) == len(set(uids)) == 7 * len(cases)
    parsed = {str(e["UID"]) for e in _events(found.to_ics())}
    assert parsed == set(uids)


def test_two_cases_with_the_same_identity_are_refused():
    with pytest.raises(InputError, match=r"cases\[0\] and cases\[2\] are both 'ecthr/aliyev"):
        deadline_calendar([_case(), _case("Other v. Azerbaijan"), _case()], as_of=AS_OF)
    # the same title before another forum is another case
    hrc = litigate.Case(forum="hrc", respondent="AZE", title="Aliyev v. Azerbaijan")
    assert case_identity(hrc) != case_identity(_case())


def test_a_case_needs_a_title_or_a_number():
    untitled = litigate.Case(forum="ecthr", respondent="AZE", application_no="12345/26")

    assert case_identity(untitled) == "ecthr/12345/26"
    with pytest.raises(InputError, match="neither a title nor an application_no") as info:
        deadline_calendar([_case(), litigate.Case(forum="ecthr", respondent="AZE")], as_of=AS_OF)
    assert info.value.field == "cases[1].title"


def test_event_uid_separates_its_parts():
    assert event_uid("a", "bc") != event_uid("ab", "c")


# ---------------------------------------------------------------- registry and judgment


def test_registry_time_limits_extension_filing_and_rank():
    limits = [
        litigate.RegistryTimeLimit(
            what="Observations in reply",
            letter_on=date(2026, 9, 1),
            due_on=date(2026, 11, 20),
            extended_to=date(2026, 12, 11),
        ),
        litigate.RegistryTimeLimit(
            what="Just satisfaction claims", letter_on=date(2026, 9, 1), due_on=date(2026, 12, 11)
        ),
        litigate.RegistryTimeLimit(
            what="Comments on the friendly settlement",
            letter_on=date(2026, 6, 1),
            due_on=date(2026, 7, 1),
            filed_on=date(2026, 6, 28),
        ),
    ]
    case = litigate.Case(
        forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan", registry_time_limits=limits
    )
    found = deadline_calendar([case], as_of=AS_OF)
    by_what = {e.what: e for e in found.events}

    reply = by_what["Observations in reply"]
    assert reply.on == date(2026, 12, 11)
    assert reply.summary == "Aliyev v. Azerbaijan – Observations in reply (Registry time limit)"
    assert "Extended to 11 December 2026." in reply.description
    assert "Rule 38" in reply.description
    assert reply.remind
    filed = by_what["Comments on the friendly settlement"]
    assert (filed.status, filed.remind) == ("filed", False)
    assert "Filed on 28 June 2026" in filed.description
    assert len({e.uid for e in found.events}) == 3
    # the extension is granted later: same event, new date
    later = attrs.evolve(limits[1], extended_to=date(2027, 1, 15))
    moved = deadline_calendar(
        [attrs.evolve(case, registry_time_limits=[limits[0], later, limits[2]])], as_of=AS_OF
    )
    assert {e.uid for e in moved.events} == {e.uid for e in found.events}
    assert {e.what: e.on for e in moved.events}["Just satisfaction claims"] == date(2027, 1, 15)


def test_referral_and_payment_from_the_judgment():
    judgment = Judgment(delivered_on=date(2026, 3, 5), final_on=date(2026, 6, 5))
    case = litigate.Case(
        forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan", judgment=judgment
    )
    found = deadline_calendar([case], as_of=date(2026, 3, 6))
    kinds = {e.kind: e for e in found.events}

    assert kinds["referral"].on == referral_deadline(date(2026, 3, 5)).date == date(2026, 6, 5)
    assert "Grand Chamber" in kinds["referral"].summary
    assert "Rule: ecthr.referral" in kinds["referral"].description
    assert "Source: " in kinds["referral"].description
    assert kinds["payment"].on == payment_due(date(2026, 6, 5)).date
    assert "Government's time limit" in kinds["payment"].description

    paid = attrs.evolve(judgment, execution=Execution(paid_on=date(2026, 8, 1)))
    found = deadline_calendar([attrs.evolve(case, judgment=paid)], as_of=date(2026, 9, 1))
    payment = next(e for e in found.events if e.kind == "payment")
    assert (payment.status, payment.remind) == ("paid", False)


def test_no_referral_for_committee_or_grand_chamber_judgments():
    for formation in ("committee", "grand_chamber"):
        judgment = Judgment(delivered_on=date(2026, 3, 5), formation=formation)
        case = litigate.Case(
            forum="ecthr", respondent="AZE", title="Aliyev v. Azerbaijan", judgment=judgment
        )
        assert deadline_calendar([case], as_of=date(2026, 3, 6)).events == ()


def test_library_reads_no_clock():
    source = (ROOT / "src" / "litigate" / "ics.py").read_text(encoding="utf-8")

    assert "today(" not in source
    assert ".now(" not in source
    far = calendar([_case()], as_of=date(2031, 1, 1))
    assert b"DTSTAMP:20310101T000000Z" in far


def test_follow_up_recommendations_become_events() -> None:
    from litigate.ics import deadline_calendar

    case = litigate.load_case(ROOT / "examples" / "cat-follow-up" / "case.toml")
    assert case.follow_up is not None
    events = [
        e
        for e in deadline_calendar([case], as_of=date(2026, 11, 23)).events
        if e.kind == "follow_up"
    ]
    dated = [r for r in case.follow_up.recommendations if r.due_on or case.follow_up.adopted_on]
    assert len(events) == len(dated) > 0
    for event, recommendation in zip(events, dated, strict=False):
        assert recommendation.paragraph in event.what
        assert event.status in {"open", "expired", "replied"}
        assert event.remind is (event.status == "open")
    assert len({e.uid for e in events}) == len(events)
