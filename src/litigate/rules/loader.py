"""Loading rule files strictly, and combining them with a firm's overrides.

The packaged rules live in ``litigate/rules/data``: one ``<forum>.toml`` per
forum and ``acceptance.toml`` for the States' acceptance of each procedure.  A
firm can keep its own reviewed versions in files of the same format and load
them on top (:func:`load_rules`): a rule, source or acceptance row with the
same id replaces the packaged one, a new one is added.
"""

from __future__ import annotations

import functools
import os
import string
import tomllib
from collections import ChainMap
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any, Protocol

import attrs
from cattrs.errors import ClassValidationError, IterableValidationError

from litigate._args import PATHS, checked
from litigate._serde import converter, flatten_errors
from litigate.errors import RuleDataError, UnknownForumError
from litigate.model import Forum
from litigate.rules.spec import (
    NOTICE_FIELDS,
    PARTIES,
    AcceptanceRow,
    ForumRules,
    Instrument,
    Notice,
    Source,
    TimeLimitKind,
)

__all__ = ["Acceptances", "RuleSet", "load_rules"]

SCHEMA_VERSION = 1


@attrs.frozen(kw_only=True)
class Acceptances:
    """The acceptance data: instruments, per-State rows and their sources."""

    schema_version: int
    sources: tuple[Source, ...]
    instruments: tuple[Instrument, ...] = ()
    states: tuple[AcceptanceRow, ...]
    stale_after_days: int | None = None
    """Rows whose sources were read longer ago than this (or never dated) are flagged."""

    def instrument(self, instrument_id: str) -> Instrument | None:
        """The instrument with that id, if any."""
        return next((i for i in self.instruments if i.id == instrument_id), None)

    def row(self, state: str, instrument_id: str) -> AcceptanceRow | None:
        """The row for ``state`` and ``instrument_id``, if the data has one."""
        return next(
            (r for r in self.states if r.state == state and r.instrument == instrument_id), None
        )

    def source(self, source_id: str) -> Source:
        """The source with that id."""
        for src in self.sources:
            if src.id == source_id:
                return src
        raise KeyError(source_id)

    def status_as_of(self, source_ids: tuple[str, ...]) -> date | None:
        """The "status as of" of a row citing ``source_ids``: the oldest day one was read.

        ``None`` when a source has no recorded day (or none is cited): such a row is
        always flagged as stale.
        """
        read = [self.source(s).read_on for s in source_ids]
        return min(d for d in read if d is not None) if read and None not in read else None


@attrs.frozen(kw_only=True, eq=False)
class RuleSet:
    """All the rules litigate applies: every forum's rules and the acceptance data.

    Use :func:`load_rules` to get one; pass it as ``rules=`` to the engine's
    functions to apply a firm's reviewed rules instead of the packaged ones.
    """

    forums: Mapping[str, ForumRules]
    acceptances: Acceptances
    origins: tuple[str, ...] = ()

    def notice(self, forum: Forum | str, notice_id: str) -> tuple[Notice, str | None]:
        """The notice ``notice_id`` for ``forum`` and the citation of its source.

        A forum's own notice comes first; otherwise the European Court's is used: its
        file is the default set, for the notes every forum shares (the case-law on
        disappearances and continuing situations the treaty bodies apply by analogy, the
        acceptance and ratione temporis notes, the extraordinary remedy), with its source
        cited only where the forum's own sources include it.  A note resting on one
        Committee's own law (rule 99 (c), the notification date, the same matter) is in
        that Committee's file only; the loader refuses a file whose data call for such a
        note without giving it.

        Raises:
            RuleDataError: Neither the forum nor the European Court gives the notice.
        """
        own = self.forum(forum)
        notice = own.notice(notice_id) or self.forum(Forum.ECTHR).notice(notice_id)
        if notice is None:
            msg = f"no notice {notice_id!r} in the rules @ $.notices"
            raise RuleDataError([msg], path=f"the {own.forum} rules")
        cited = own.citations.get(notice.sources[0]) if notice.cite and notice.sources else None
        return notice, cited

    def forum(self, forum: Forum | str) -> ForumRules:
        """The rules of one forum."""
        key = forum.value if isinstance(forum, Forum) else forum
        try:
            return self.forums[key]
        except KeyError:
            raise UnknownForumError(forum, sorted(self.forums)) from None


def _structure(data: Any, cls: type[Any], path: str) -> Any:
    if not isinstance(data, dict):
        raise RuleDataError(["a rule file must be a table of fields @ $"], path=path)
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        msg = f"schema_version must be {SCHEMA_VERSION} (got {version!r}) @ $.schema_version"
        raise RuleDataError([msg], path=path)
    try:
        return converter().structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        raise RuleDataError(flatten_errors(exc, "$"), path=path) from exc


def _read(path: Path | resources.abc.Traversable, name: str) -> Any:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise RuleDataError([f"not valid TOML: {exc} @ $"], path=name) from exc
    except OSError as exc:
        raise RuleDataError([f"cannot read the file: {exc.strerror} @ $"], path=name) from exc


def _packaged(name: str) -> resources.abc.Traversable:
    return resources.files("litigate.rules").joinpath("data", name)


def _check_sources(
    known: Iterable[Source],
    refs: Iterable[tuple[str, tuple[str, ...]]],
    errors: list[str],
    *,
    all_cited: bool = True,
) -> None:
    ids = [s.id for s in known]
    seen: set[str] = set()
    for sid in ids:
        if sid in seen:
            errors.append(f"duplicate source id {sid!r} @ $.sources")
        seen.add(sid)
    used: set[str] = set()
    for where, sources in refs:
        if not sources:
            errors.append(f"no source cited @ {where}")
        for sid in sources:
            used.add(sid)
            if sid not in seen:
                errors.append(f"unknown source {sid!r} @ {where}")
    if all_cited:
        errors.extend(
            f"source {sid!r} is cited by nothing @ $.sources" for sid in ids if sid not in used
        )


class _Sourced(Protocol):
    """A record of the rule data: it names its sources (and may carry worked examples)."""

    @property
    def sources(self) -> tuple[str, ...]: ...


_Refs = list[tuple[str, tuple[str, ...]]]


def _record(
    where: str,
    record: _Sourced,
    refs: _Refs,
    errors: list[str],
    *,
    seen: set[str] | None = None,
    kind: str = "rule",
    no_example: str | None = None,
) -> None:
    """The strict check every record with sources and worked examples passes.

    Its sources and its examples' sources are collected in ``refs`` (checked against
    the file's ``[[sources]]`` at the end); with ``seen``, its id must be unique among
    those of its ``kind``; with ``no_example`` (the error), it needs a worked example.
    """
    refs.append((f"{where}.sources", record.sources))
    examples: Sequence[Any] = getattr(record, "examples", ())
    refs.extend(
        (f"{where}.examples[{j}].source", (ex.source,))
        for j, ex in enumerate(examples)
        if getattr(ex, "source", None)
    )
    ident = getattr(record, "id", None)
    if seen is not None and isinstance(ident, str):
        if ident in seen:
            errors.append(f"duplicate {kind} id {ident!r} @ {where}.id")
        seen.add(ident)
    if no_example is not None and not examples:
        errors.append(no_example)


def _called_for(rules: ForumRules) -> Iterator[tuple[str, str]]:
    """The notices a forum's own data call for, each with the field that calls for it.

    These rest on the forum's own law, so the European Court's file (the default for the
    notices every forum shares) cannot stand in for them.
    """
    for i, rule in enumerate(rules.time_limits):
        where = f"$.time_limits[{i}]"
        if rule.later_trigger_scenario and rule.trigger == "decision_date":
            yield "notification_alternative", f"{where}.later_trigger_scenario"
        if rule.kind is TimeLimitKind.PRESUMPTION:
            yield "presumption_passed", f"{where}.kind"
        if rule.analogy_warning is not None:
            yield "analogy", f"{where}.analogy_warning"
    if rules.same_matter is not None and rules.forum != Forum.ECTHR.value:
        yield "same_matter_inadmissible", "$.same_matter"
        if rules.same_matter.same_nature_only:
            yield "same_nature_only", "$.same_matter.same_nature_only"


def _validate_notices(
    rules: ForumRules, refs: _Refs, errors: list[str], *, packaged: bool = False
) -> None:
    errors.extend(
        f"{field} calls for the notice {notice_id!r}, which the file does not give @ $.notices"
        for notice_id, field in _called_for(rules)
        if rules.notice(notice_id) is None
    )
    seen: set[str] = set()
    for i, notice in enumerate(rules.notices):
        where = f"$.notices[{i}]"
        # The packaged notices each carry a worked example (tests/rules/test_rule_examples.py);
        # a firm's override may change the wording alone.
        no_example = f"notice {notice.id!r} has no worked example @ {where}.examples"
        _record(
            where,
            notice,
            refs,
            errors,
            seen=seen,
            kind="notice",
            no_example=no_example if packaged else None,
        )
        fields = NOTICE_FIELDS.get(notice.id)
        if fields is None:
            errors.append(
                f"the engine gives no notice {notice.id!r} (known: {', '.join(NOTICE_FIELDS)}) @ {where}.id"
            )
            continue
        try:
            used = {name for _, name, _, _ in string.Formatter().parse(notice.text) if name}
        except ValueError as exc:
            errors.append(f"unbalanced braces in the text ({exc}) @ {where}.text")
            continue
        errors.extend(
            f"unknown placeholder {{{name}}} (this notice fills: {', '.join(sorted(fields)) or 'none'}) @ {where}.text"
            for name in sorted(used - fields)
        )


def validate_forum(
    rules: ForumRules, path: str, *, all_cited: bool = True, packaged: bool = False
) -> ForumRules:
    """Check what the schema alone cannot: references, uniqueness, in-force dates.

    ``packaged`` (litigate's own files) also requires a worked example for every notice.
    """
    errors: list[str] = []
    refs: _Refs = []
    ids: set[str] = set()
    if rules.party not in PARTIES:
        errors.append(f"party must be one of {', '.join(PARTIES)}, not {rules.party!r} @ $.party")
    for i, rule in enumerate(rules.time_limits):
        where = f"$.time_limits[{i}]"
        no_example = f"rule {rule.id!r} has no worked example @ {where}.examples"
        _record(where, rule, refs, errors, seen=ids, no_example=no_example)
        if not rule.id.startswith(f"{rules.forum}."):
            errors.append(f"rule id {rule.id!r} must start with {rules.forum!r} @ {where}.id")
        if rule.in_force_from and rule.in_force_until and rule.in_force_until < rule.in_force_from:
            errors.append(f"in_force_until is before in_force_from @ {where}")
        if rule.kind.value != "none" and rule.period is None:
            errors.append(f"a {rule.kind.value} time limit needs a period @ {where}.period")
    families: dict[str, list[tuple[date, date]]] = {}
    for rule in rules.time_limits:
        span = (rule.in_force_from or date.min, rule.in_force_until or date.max)
        for other in families.get(rule.family, []):
            if span[0] <= other[1] and other[0] <= span[1]:
                errors.append(f"rules of family {rule.family!r} overlap in time @ $.time_limits")
        families.setdefault(rule.family, []).append(span)
    for i, deadline in enumerate(rules.deadlines):
        where = f"$.deadlines[{i}]"
        no_example = f"rule {deadline.id!r} has no worked example @ {where}.examples"
        _record(where, deadline, refs, errors, seen=ids, no_example=no_example)
        if deadline.weekend_source:
            refs.append((f"{where}.weekend_source", (deadline.weekend_source,)))
    _validate_notices(rules, refs, errors, packaged=packaged)
    if rules.same_matter is not None:
        _record("$.same_matter", rules.same_matter, refs, errors)
        for j, body in enumerate(rules.same_matter.bodies):
            _record(f"$.same_matter.bodies[{j}]", body, refs, errors)
            if not body.names:
                errors.append(f"a body needs at least one name @ $.same_matter.bodies[{j}].names")
    _validate_suspensions(rules, ids, refs, errors)
    if rules.temporal is not None:
        _record("$.temporal", rules.temporal, refs, errors)
    if rules.interest is not None:
        _record("$.interest", rules.interest, refs, errors)
    if rules.interim_measures is not None:
        no_example = (
            "the interim-measures rule has no worked example @ $.interim_measures.examples"
        )
        _record("$.interim_measures", rules.interim_measures, refs, errors, no_example=no_example)
    for i, item in enumerate(rules.checklist):
        _record(f"$.checklist[{i}]", item, refs, errors)
    _check_sources(rules.sources, refs, errors, all_cited=all_cited)
    if rules.forum not in {f.value for f in Forum}:
        errors.append(f"unknown forum {rules.forum!r} @ $.forum")
    if errors:
        raise RuleDataError(errors, path=path)
    return rules


def _validate_suspensions(
    rules: ForumRules,
    ids: set[str],
    refs: _Refs,
    errors: list[str],
) -> None:
    """Suspensions: dates in order, periods they name known, examples cite known sources."""
    known = {*ids, *(r.family for r in rules.time_limits), f"{rules.forum}.registry_time_limit"}
    seen: set[str] = set()
    for i, sus in enumerate(rules.suspensions):
        where = f"$.suspensions[{i}]"
        _record(where, sus, refs, errors, seen=seen, kind="suspension")
        if sus.end < sus.start:
            errors.append(f"end is before start @ {where}.end")
        for field in ("applies_to", "arguable_for"):
            errors.extend(
                f"unknown period {name!r} (known: {', '.join(sorted(known))}) @ {where}.{field}"
                for name in getattr(sus, field)
                if name not in known
            )
        errors.extend(
            f"unknown period {ex.rule!r} @ {where}.examples[{j}].rule"
            for j, ex in enumerate(sus.examples)
            if ex.rule not in known
        )


def validate_acceptances(data: Acceptances, path: str) -> Acceptances:
    """Check references and uniqueness in acceptance data."""
    errors: list[str] = []
    refs: list[tuple[str, tuple[str, ...]]] = []
    instruments = {i.id for i in data.instruments}
    for i, inst in enumerate(data.instruments):
        refs.append((f"$.instruments[{i}].sources", inst.sources))
    seen: set[tuple[str, str]] = set()
    for i, row in enumerate(data.states):
        where = f"$.states[{i}]"
        refs.append((f"{where}.sources", row.sources))
        refs.extend(
            (f"{where}.reservations[{j}].sources", r.sources)
            for j, r in enumerate(row.reservations)
        )
        key = (row.state, row.instrument)
        if key in seen:
            errors.append(f"duplicate row for {row.state} / {row.instrument} @ {where}")
        seen.add(key)
        if row.instrument not in instruments:
            errors.append(f"unknown instrument {row.instrument!r} @ {where}.instrument")
        if row.status in {"accepted", "denounced", "ceased"} and row.in_force_from is None:
            errors.append(f"an {row.status} row needs in_force_from @ {where}.in_force_from")
        if row.in_force_from and row.until and row.until < row.in_force_from:
            errors.append(f"until is before in_force_from @ {where}.until")
        if row.end_day not in {None, "inside", "outside"}:
            errors.append(f"end_day must be inside or outside @ {where}.end_day")
        if row.end_bounds not in {None, "submission", "facts"}:
            errors.append(f"end_bounds must be submission or facts @ {where}.end_bounds")
    for i, inst in enumerate(data.instruments):
        if inst.end_day not in {"inside", "outside"}:
            errors.append(f"end_day must be inside or outside @ $.instruments[{i}].end_day")
        if inst.end_bounds not in {"submission", "facts"}:
            errors.append(
                f"end_bounds must be submission or facts @ $.instruments[{i}].end_bounds"
            )
    for i, src in enumerate(data.sources):
        if src.kind not in {"", "primary", "secondary", "recollection"}:
            errors.append(f"unknown source kind {src.kind!r} @ $.sources[{i}].kind")
    _check_sources(data.sources, refs, errors)
    if errors:
        raise RuleDataError(errors, path=path)
    return data


@functools.cache
def _packaged_forum(forum: str) -> ForumRules:
    name = f"litigate/rules/data/{forum}.toml"
    rules = _structure(_read(_packaged(f"{forum}.toml"), name), ForumRules, name)
    return validate_forum(rules, name, packaged=True)


@functools.cache
def _packaged_acceptances() -> Acceptances:
    """``acceptance.toml`` (instruments and rows) plus every ``acceptance/*.toml`` part.

    A part holds ``[[sources]]`` and ``[[states]]`` (one source, one instrument or one
    region per file); its rows are added to the main file's.  A State and instrument
    held twice is an error, as in one file.
    """
    name = "litigate/rules/data/acceptance.toml"
    data = _structure(_read(_packaged("acceptance.toml"), name), Acceptances, name)
    folder = _packaged("acceptance")
    parts = (
        sorted((p for p in folder.iterdir() if p.name.endswith(".toml")), key=lambda p: p.name)
        if folder.is_dir()
        else []
    )
    for part in parts:
        part_name = f"litigate/rules/data/acceptance/{part.name}"
        extra = _structure(_read(part, part_name), Acceptances, part_name)
        data = attrs.evolve(
            data,
            sources=(*data.sources, *extra.sources),
            instruments=(*data.instruments, *extra.instruments),
            states=(*data.states, *extra.states),
        )
    return validate_acceptances(data, name if not parts else f"{name} and acceptance/*.toml")


def _merge_by_id(
    base: tuple[Any, ...], extra: tuple[Any, ...], key: str = "id"
) -> tuple[Any, ...]:
    replaced = {getattr(x, key): x for x in extra}
    out = [replaced.pop(getattr(x, key), x) for x in base]
    return (*out, *replaced.values())


def _with_base_provisions(base: tuple[Any, ...], extra: tuple[Any, ...]) -> tuple[Any, ...]:
    """Override deadlines keep the provisions of the rule they replace, unless they name their own.

    An override written to change a period (say) need not repeat the table of the
    articles the rule rests on; the ones it names win.
    """
    known = {rule.id: rule for rule in base}
    return tuple(
        attrs.evolve(rule, provisions={**known[rule.id].provisions, **rule.provisions})
        if rule.id in known
        else rule
        for rule in extra
    )


def _override_forum(base: ForumRules, extra: ForumRules) -> ForumRules:
    return attrs.evolve(
        base,
        sources=_merge_by_id(base.sources, extra.sources),
        time_limits=_merge_by_id(base.time_limits, extra.time_limits),
        deadlines=_merge_by_id(
            base.deadlines, _with_base_provisions(base.deadlines, extra.deadlines)
        ),
        same_matter=extra.same_matter or base.same_matter,
        temporal=extra.temporal or base.temporal,
        interest=extra.interest or base.interest,
        interim_measures=extra.interim_measures or base.interim_measures,
        checklist=_merge_by_id(base.checklist, extra.checklist),
        suspensions=_merge_by_id(base.suspensions, extra.suspensions),
        notices=_merge_by_id(base.notices, extra.notices),
    )


class _PackagedForums(Mapping[str, ForumRules]):
    """Every forum's packaged rules, each file read the first time it is needed."""

    def __getitem__(self, key: str) -> ForumRules:
        if key not in {f.value for f in Forum}:
            raise KeyError(key)
        return _packaged_forum(key)

    def __iter__(self) -> Iterator[str]:
        return iter([f.value for f in Forum])

    def __len__(self) -> int:
        return len(Forum)


@functools.cache
def _packaged_ruleset() -> RuleSet:
    return RuleSet(
        forums=_PackagedForums(),
        acceptances=_packaged_acceptances(),
        origins=("litigate (packaged)",),
    )


@checked(overrides=PATHS)
def load_rules(*overrides: str | os.PathLike[str]) -> RuleSet:
    """Return the packaged rules, with a firm's override files applied in order.

    An override file has the format of a packaged file.  A forum file (with a
    ``forum`` key) replaces rules, deadlines, checklist items and sources by id
    and adds new ones; an acceptance file (with a ``states`` key) replaces rows
    by State and instrument.  Overrides are validated like the packaged files.

    Args:
        *overrides: Paths of TOML files.

    Returns:
        The combined rule set; pass it as ``rules=`` to the engine.

    Raises:
        RuleDataError: A file is invalid; every problem is listed.

    Examples:
        >>> rules = load_rules()
        >>> rules.forum("ecthr").name
        'European Court of Human Rights'
    """
    ruleset = _packaged_ruleset()
    if not overrides:
        return ruleset
    overridden: dict[str, ForumRules] = {}
    forums: ChainMap[str, ForumRules] = ChainMap(overridden, dict(ruleset.forums.items()))
    acceptances = ruleset.acceptances
    for item in overrides:
        path = Path(item)
        raw = _read(path, str(path))
        if isinstance(raw, dict) and "states" in raw:
            extra_acc = _structure(raw, Acceptances, str(path))
            merged = attrs.evolve(
                acceptances,
                stale_after_days=extra_acc.stale_after_days or acceptances.stale_after_days,
                sources=_merge_by_id(acceptances.sources, extra_acc.sources),
                instruments=_merge_by_id(acceptances.instruments, extra_acc.instruments),
                states=_merge_rows(acceptances.states, extra_acc.states),
            )
            acceptances = validate_acceptances(merged, str(path))
        else:
            extra = _structure(raw, ForumRules, str(path))
            base = forums.get(extra.forum)
            combined = extra if base is None else _override_forum(base, extra)
            # An override may leave a packaged source uncited: that is harmless.
            overridden[extra.forum] = validate_forum(combined, str(path), all_cited=base is None)
    return RuleSet(
        forums=forums,
        acceptances=acceptances,
        origins=(*ruleset.origins, *(str(p) for p in overrides)),
    )


def _merge_rows(
    base: tuple[AcceptanceRow, ...], extra: tuple[AcceptanceRow, ...]
) -> tuple[AcceptanceRow, ...]:
    replaced = {(r.state, r.instrument): r for r in extra}
    out = [replaced.pop((r.state, r.instrument), r) for r in base]
    return (*out, *replaced.values())
