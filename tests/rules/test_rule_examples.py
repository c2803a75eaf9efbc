"""Every worked example in the rule files runs against the engine (the courts-db habit)."""

from __future__ import annotations

import re
import string
from datetime import date

import pytest

import litigate
from litigate._court_dates import weekday_name
from litigate.rules import load_rules

RULES = load_rules()
FORUMS = sorted(RULES.forums)

_DEFAULT_PROVISION = {
    "ecthr": "ECHR-6-1",
    "hrc": "ICCPR-14-1",
    "cat": "CAT-16",
    "cerd": "ICERD-5-a",
    "cedaw": "CEDAW-2",
    "crpd": "CRPD-14",
    "crc": "CRC-37",
    "ced": "ICPPED-2",
    "cescr": "ICESCR-11",
}


def _time_limit_examples():
    for forum in FORUMS:
        for rule in RULES.forum(forum).time_limits:
            for example in rule.examples:
                yield pytest.param(forum, rule, example, id=f"{rule.id}: {example.name}")


def _deadline_examples():
    for forum in FORUMS:
        for rule in RULES.forum(forum).deadlines:
            for example in rule.examples:
                yield pytest.param(rule, example, id=f"{rule.id}: {example.name}")


def build_case(forum: str, example) -> litigate.Case:
    complaint = {"provision": _DEFAULT_PROVISION[forum], **example.complaint}
    proceedings = []
    if example.decision:
        proceedings.append(
            litigate.DomesticDecision(court="Court of last instance", **example.decision)
        )
    others = (
        [litigate.OtherProcedure(**example.other_procedure)] if example.other_procedure else []
    )
    return litigate.Case(
        forum=forum,
        respondent=example.respondent,
        complaints=[litigate.Complaint(**complaint)],
        proceedings=proceedings,
        other_procedures=others,
        lodged_on=example.lodged_on,
    )


@pytest.mark.parametrize(("forum", "rule", "example"), list(_time_limit_examples()))
def test_time_limit_example(forum, rule, example):
    case = build_case(forum, example)
    window = litigate.filing_window(case, as_of=example.as_of, rules=RULES)
    (w,) = window.complaints
    expect = dict(example.expect)

    if "rule" in expect:
        assert w.rule_id == expect.pop("rule")
    if "status" in expect:
        assert w.status.value == expect.pop("status")
    if "deadline" in expect:
        assert w.deadline == expect.pop("deadline")
    if "arguable_deadline" in expect:
        assert w.arguable_deadline == expect.pop("arguable_deadline")
    if "in_time" in expect:
        assert w.in_time is expect.pop("in_time")
    if "days_left" in expect:
        assert w.days_left == expect.pop("days_left")
    if "weekday" in expect:
        assert w.deadline is not None
        assert weekday_name(w.deadline) == expect.pop("weekday")
    if "elapsed_days" in expect:
        assert w.elapsed_days == expect.pop("elapsed_days")
    if "flags" in expect:
        missing = set(expect.pop("flags")) - w.codes
        assert not missing, f"missing flags {missing}; got {sorted(w.codes)}"
    assert not expect, f"unknown expectation keys {sorted(expect)}"


@pytest.mark.parametrize(("rule", "example"), list(_deadline_examples()))
def test_deadline_example(rule, example):
    from litigate.engine.calendar import add_period

    end, _ = add_period(example.start, rule.period, rule.counting)

    assert end == example.expect


def test_every_forum_has_rules():
    assert set(FORUMS) == {f.value for f in litigate.Forum}
    for forum in FORUMS:
        assert RULES.forum(forum).time_limits, forum


def test_every_rule_cites_sources_that_exist():
    for forum in FORUMS:
        fr = RULES.forum(forum)
        for rule in (*fr.time_limits, *fr.deadlines):
            for sid in rule.sources:  # type: ignore[attr-defined]
                assert fr.source(sid).title


def _suspension_examples():
    for forum in FORUMS:
        for sus in RULES.forum(forum).suspensions:
            for example in sus.examples:
                yield pytest.param(forum, example, id=f"{sus.id}: {example.name}")


def _period_of(forum_rules, key, start):
    """The rule length and counting of the period ``key`` names (None for a Registry date)."""
    family = [r for r in forum_rules.time_limits if r.family == key]
    if family:
        rule = next(r for r in family if r.in_force_on(start))
        return rule.period, rule.counting
    if key.endswith(".registry_time_limit"):
        return None, "calendar_same_day"
    rule = forum_rules.deadline(key)
    return rule.period, rule.counting


@pytest.mark.parametrize(("forum", "example"), list(_suspension_examples()))
def test_suspension_example(forum, example):
    from litigate.engine.calendar import add_period
    from litigate.engine.suspension import suspended

    forum_rules = RULES.forum(forum)
    period, counting = _period_of(forum_rules, example.rule, example.start)
    plain = example.plain if period is None else add_period(example.start, period, counting)[0]

    result = suspended(
        example.rule,
        example.start,
        plain,
        forum_rules.suspensions,
        period=period,
        counting=counting,
    )

    assert result.end == example.expect
    assert result.arguable == example.arguable
    assert result.applied, "the example must be touched by a suspension"


def test_suspension_examples_exist():
    ecthr = RULES.forum("ecthr")
    assert ecthr.suspensions
    assert all(s.examples for s in ecthr.suspensions)


def _same_matter_examples():
    for forum in FORUMS:
        rule = RULES.forum(forum).same_matter
        for body in rule.bodies if rule else ():
            for example in body.examples:
                yield pytest.param(forum, body, example, id=f"{forum}.{body.id}: {example.name}")


@pytest.mark.parametrize(("forum", "body", "example"), list(_same_matter_examples()))
def test_same_matter_example(forum, body, example):

    concluded = example.status == "concluded"
    case = litigate.Case(
        forum=forum,
        respondent="AZE",
        complaints=[litigate.Complaint(provision=_DEFAULT_PROVISION[forum])],
        other_procedures=[
            litigate.OtherProcedure(
                body=f"UN {body.names[0]}",
                lodged_on=date(2024, 1, 10),
                concluded_on=date(2024, 9, 1) if concluded else None,
                status=example.status,
                same_facts=True,
            )
        ],
    )

    findings = litigate.check(case, as_of=date(2025, 1, 1), rules=RULES)
    codes = {f.code for f in findings if f.field == "other_procedures[0]"}

    if example.expect == "bars":
        assert "same_matter" in codes
        assert "same_matter_allowed" not in codes
    else:
        assert codes == {"same_matter_allowed"}


def _interim_examples():
    for forum in FORUMS:
        measure = RULES.forum(forum).interim_measures
        for example in () if measure is None else measure.examples:
            yield pytest.param(forum, measure, example, id=f"{forum}.interim: {example.name}")


def test_every_forum_has_an_interim_measures_rule():
    for forum in FORUMS:
        measure = RULES.forum(forum).interim_measures
        assert measure is not None and measure.examples, forum


@pytest.mark.parametrize(("forum", "measure", "example"), list(_interim_examples()))
def test_interim_measures_example(forum, measure, example):
    case = litigate.Case(forum=forum, respondent=example.respondent)
    options = {o.forum: o for o in litigate.forums(case, as_of=example.as_of, rules=RULES)}
    option = options[forum]
    assert option.interim_measures is not None
    assert example.expect in option.interim_measures
    assert option.interim_measures.startswith(measure.provision)
    # Data of less than high confidence are flagged, high confidence is not.
    assert option.interim_measures.endswith("[unconfirmed]") is (
        measure.confidence.value != "high"
    )
    citations = RULES.forum(forum).citations
    assert option.interim_measures_sources == tuple(citations[s] for s in measure.sources)
    if example.source:
        assert citations[example.source] in option.interim_measures_sources


def test_loader_refuses_an_interim_measures_rule_without_example_or_source():
    import attrs

    from litigate.errors import RuleDataError
    from litigate.rules.loader import validate_forum

    hrc = RULES.forum("hrc")
    assert hrc.interim_measures is not None
    bare = attrs.evolve(hrc, interim_measures=attrs.evolve(hrc.interim_measures, examples=()))
    with pytest.raises(RuleDataError, match=r"no worked example @ \$\.interim_measures"):
        validate_forum(bare, "hrc.toml")
    unknown = attrs.evolve(
        hrc, interim_measures=attrs.evolve(hrc.interim_measures, sources=("nowhere",))
    )
    with pytest.raises(RuleDataError, match=r"unknown source 'nowhere' @ \$\.interim_measures"):
        validate_forum(unknown, "hrc.toml")


# ---------------------------------------------------------------- the notices' worked examples


def _notice_examples():
    for forum in FORUMS:
        for notice in RULES.forum(forum).notices:
            for example in notice.examples:
                yield pytest.param(
                    forum, notice, example, id=f"{forum}.{notice.id}: {example.name}"
                )


def _notice_pattern(notice) -> re.Pattern[str]:
    """The notice's printed wording, each ``{placeholder}`` matching any filled-in text."""
    parts = []
    for literal, name, _, _ in string.Formatter().parse(notice.wording):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(".+?")
    return re.compile("".join(parts), re.DOTALL)


def _printed(found: object, out: list[str]) -> None:
    """Every note, assumption and step the deadlines of a case carry, as a lawyer reads them."""
    if found is None:
        return
    if isinstance(found, tuple | list):
        for item in found:
            _printed(item, out)
        return
    for name in ("warnings", "assumptions"):
        out.extend(note.message for note in getattr(found, name, ()) or ())
    out.extend(step.text for step in getattr(found, "steps", ()) or ())
    for complaint in getattr(found, "complaints", ()) or ():
        _printed(complaint, out)


def _texts(case: litigate.Case, as_of) -> list[str]:
    import attrs

    from litigate.engine.deadlines import deadlines

    found = deadlines(case, as_of=as_of, rules=RULES)
    out: list[str] = []
    for field in attrs.fields(type(found)):
        if field.name not in ("as_of", "rules"):
            _printed(getattr(found, field.name), out)
    out.extend(f.message for f in litigate.check(case, as_of=as_of, rules=RULES, deadlines=found))
    return out


@pytest.mark.parametrize(("forum", "notice", "example"), list(_notice_examples()))
def test_notice_example(forum, notice, example):
    from litigate.casefile import case_from_dict

    case = case_from_dict({"forum": forum, **example.case})
    texts = _texts(case, example.as_of)
    pattern = _notice_pattern(notice)
    hits = [t for t in texts if pattern.search(t)]
    if example.given:
        assert hits, f"the notice {notice.id!r} is not given; the case gives:\n" + "\n".join(texts)
    else:
        assert not hits, f"the notice {notice.id!r} is given where it must not be: {hits}"


def test_every_packaged_notice_has_a_worked_example():
    for forum in FORUMS:
        for notice in RULES.forum(forum).notices:
            assert notice.examples, f"{forum}.{notice.id}"


def test_a_notice_example_fails_when_the_notice_is_not_given():
    from litigate.casefile import case_from_dict

    # The runner itself can fail: the Varnava note is not given for a plain decision.
    notice = RULES.forum("ecthr").notice("reasonable_expedition")
    plain = next(n for n in RULES.forum("ecthr").notices if n.id == "month_end").examples[0]
    case = case_from_dict({"forum": "ecthr", **plain.case})
    assert not any(_notice_pattern(notice).search(t) for t in _texts(case, plain.as_of))


def test_the_loader_refuses_a_packaged_notice_without_an_example():
    import attrs

    from litigate.errors import RuleDataError
    from litigate.rules.loader import validate_forum

    ecthr = RULES.forum("ecthr")
    bare = attrs.evolve(
        ecthr, notices=(attrs.evolve(ecthr.notices[0], examples=()), *ecthr.notices[1:])
    )
    with pytest.raises(
        RuleDataError, match=re.escape("has no worked example @ $.notices[0].examples")
    ):
        validate_forum(bare, "ecthr.toml", packaged=True)
    # A firm's override may change the wording alone.
    assert validate_forum(bare, "firm.toml", all_cited=False) is bare
