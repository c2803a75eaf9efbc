"""Citations lawyers meet: ECtHR application numbers, ECLIs, HUDOC ids, case names, UN symbols.

The patterns are data (``litigate/parse/data/citations.toml``), not code: each is a
template made of named, documented fragments, with real examples that the tests run
(the Free Law Project habit, STYLE.md §1.2).  This module compiles them once, at first
use, and turns a match into a typed, frozen value whose ``str()`` is the canonical
spelling::

    >>> str(parse_citation("requête no 12345/23"))
    'no. 12345/23'
    >>> parse_citation("CAT/C/AZE/CO/4").country
    'AZE'

Two-digit years of application numbers are resolved with a pivot: ``50``-``99`` are
read as 1950-1999 and ``00``-``49`` as 2000-2049 (the Commission registered its first
applications in 1955; numbers lodged from 2050 on will need a new rule).

The year in a UN Views or decision symbol (``CCPR/C/135/D/2945/2017``) is the year the
communication was *registered*, not the year it was submitted nor adopted.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from enum import StrEnum
from typing import Any, Final, TypeAlias

import attrs

from litigate import l10n
from litigate._args import TEXT, checked, optional
from litigate._resources import packaged_toml
from litigate.errors import CitationParseError, InputError, RuleDataError, ValidationError
from litigate.model import country as _country

__all__ = [
    "ApplicationNumber",
    "CaseCitation",
    "Citation",
    "CitationMention",
    "CitationPattern",
    "CmSymbol",
    "Ecli",
    "EcthrApplications",
    "HudocItem",
    "ReportNumber",
    "Suffix",
    "TreatyBody",
    "UnSymbol",
    "UnSymbolKind",
    "citation_patterns",
    "find_citations",
    "parse_citation",
]

DATA_PATH: Final = "litigate/parse/data/citations.toml"
_MAX_NUMBER: Final = 99_999


# --------------------------------------------------------------------------- validators


def _fail(attribute: attrs.Attribute[Any], value: object, message: str) -> None:
    msg = f"{attribute.name}: {message} (got {value!r})"
    raise ValidationError(msg, field=attribute.name, value=value)


def _positive(limit: int) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    def check(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if type(value) is not int or not 1 <= value <= limit:
            _fail(attribute, value, f"must be a whole number from 1 to {limit}")

    return check


def _optional_positive(limit: int) -> Callable[[Any, attrs.Attribute[Any], Any], None]:
    check = _positive(limit)

    def optional(instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None:
            check(instance, attribute, value)

    return optional


def _clean_text(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, str) or not value or value != " ".join(value.split()):
        _fail(attribute, value, "must be non-empty text with single spaces")


def _to_tuple(value: Any) -> Any:
    if isinstance(value, list):
        return tuple(value)
    return value


# --------------------------------------------------------------------------- ECtHR values


def resolve_two_digit_year(year: int) -> int:
    """Return the four-digit year of an application number's two-digit year.

    ``50``-``99`` are 1950-1999, ``00``-``49`` are 2000-2049.

    Args:
        year: The two digits as printed (``14`` in ``69981/14``).

    Returns:
        The four-digit year.

    Raises:
        ValidationError: ``year`` is not from 0 to 99.

    Examples:
        >>> resolve_two_digit_year(14), resolve_two_digit_year(90)
        (2014, 1990)
        >>> resolve_two_digit_year(2014)
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: year: must be two digits, 0 to 99 (got 2014)
    """
    if type(year) is not int or not 0 <= year <= 99:  # noqa: PLR2004 - two digits
        msg = f"year: must be two digits, 0 to 99 (got {year!r})"
        raise ValidationError(msg, field="year", value=year)
    return 1900 + year if year >= 50 else 2000 + year  # noqa: PLR2004 - the pivot, documented


def _two_digits(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 0 <= value <= 99:  # noqa: PLR2004
        _fail(attribute, value, "must be the two-digit year, 0 to 99")


@attrs.frozen(kw_only=True)
class ApplicationNumber:
    """One ECtHR application number, ``69981/14``.

    Attributes:
        number: The serial number (``69981``).
        year: The two-digit year as printed (``14``); see :attr:`full_year`.

    Examples:
        >>> ApplicationNumber(number=69981, year=14).full_year
        2014
        >>> str(ApplicationNumber(number=5310, year=71))
        '5310/71'
        >>> ApplicationNumber(number=0, year=14)
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: number: must be a whole number from 1 to 9999999 (got 0)
    """

    number: int = attrs.field(validator=_positive(9_999_999))
    year: int = attrs.field(validator=_two_digits)

    @property
    def full_year(self) -> int:
        """The four-digit year (``50``-``99`` → 19xx, ``00``-``49`` → 20xx)."""
        return resolve_two_digit_year(self.year)

    def canonical(self) -> str:
        """Return ``number/yy``."""
        return f"{self.number}/{self.year:02d}"

    def __str__(self) -> str:
        return self.canonical()


def _application_numbers(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if (
        not isinstance(value, tuple)
        or not value
        or not all(isinstance(item, ApplicationNumber) for item in value)
    ):
        _fail(attribute, value, "must be a non-empty tuple of ApplicationNumber")


def _others(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if type(value) is not int or not 0 <= value <= 9999:  # noqa: PLR2004
        _fail(attribute, value, "must be a whole number from 0 to 9999")


@attrs.frozen(kw_only=True)
class EcthrApplications:
    """ECtHR application number(s) as cited: ``no. 69981/14``, ``nos. 16064/90 and 8 others``.

    Attributes:
        numbers: The numbers printed, in order.
        others: How many further applications "and N others" stands for (``0`` if none).

    Examples:
        >>> c = parse_citation("nos. 16064/90 and 8 others")
        >>> c.numbers[0].number, c.others
        (16064, 8)
        >>> str(parse_citation("nos. 16064/90, 16065/90"))
        'nos. 16064/90 and 16065/90'
    """

    numbers: tuple[ApplicationNumber, ...] = attrs.field(
        converter=_to_tuple, validator=_application_numbers
    )
    others: int = attrs.field(default=0, validator=_others)

    def canonical(self, language: str = "en") -> str:
        """Return the Court's spelling (``no.``, or ``nos.`` with commas and a final ``and``).

        Args:
            language: ``"en"``, or ``"fr"`` for ``no 12345/23``, ``nos 1/90 et 8 autres``.

        Examples:
            >>> parse_citation("nos. 16064/90 and 8 others").canonical("fr")
            'nos 16064/90 et 8 autres'
        """
        french = language == "fr"
        items = [n.canonical() for n in self.numbers]
        if self.others:
            word = "autre" if french else "other"
            items.append(f"{self.others} {word}{'s' if self.others != 1 else ''}")
        if len(items) == 1:
            return f"{'no' if french else 'no.'} {items[0]}"
        head, last = ", ".join(items[:-1]), items[-1]
        return f"nos {head} et {last}" if french else f"nos. {head} and {last}"

    def __str__(self) -> str:
        return self.canonical()


@attrs.frozen(kw_only=True)
class Ecli:
    """European Case Law Identifier of an ECtHR judgment or decision.

    ``ECLI:CE:ECHR:2016:0317JUD006998114`` reads: Council of Europe, the Court, 2016,
    17 March, a judgment, application 69981/14 (seven digits with leading zeros, then
    the two-digit year).

    Attributes:
        year: The year of the judgment or decision.
        month: Its month.
        day: Its day.
        kind: The document type, ``JUD``, ``DEC`` or ``REP`` (see ``[[ecli_types]]`` in the data).
        application: The (first) application number.
        court: Always ``"CE:ECHR"``.

    Examples:
        >>> e = parse_citation("ECLI:CE:ECHR:2016:0317JUD006998114")
        >>> e.date, e.kind, str(e.application)
        (datetime.date(2016, 3, 17), 'JUD', '69981/14')
        >>> parse_citation("ECLI:CE:ECHR:2016:1317JUD006998114")
        Traceback (most recent call last):
        ...
        litigate.errors.CitationParseError: 'ECLI:CE:ECHR:2016:1317JUD006998114' is not a citation ...
    """

    year: int = attrs.field(validator=_positive(2999))
    month: int = attrs.field(validator=_positive(12))
    day: int = attrs.field(validator=_positive(31))
    kind: str = attrs.field()
    application: ApplicationNumber = attrs.field(
        validator=attrs.validators.instance_of(ApplicationNumber)
    )
    court: str = attrs.field(default="CE:ECHR")

    @kind.validator
    def _check_type(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in _rules().ecli_types:
            _fail(attribute, value, f"must be one of {', '.join(_rules().ecli_types)}")

    @court.validator
    def _check_court(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value != "CE:ECHR":
            _fail(attribute, value, "only the European Court of Human Rights (CE:ECHR) is read")

    def __attrs_post_init__(self) -> None:
        try:
            dt.date(self.year, self.month, self.day)
        except ValueError as exc:
            msg = f"day: {self.year}-{self.month:02d}-{self.day:02d} is not a date (got {self.day!r})"
            raise ValidationError(msg, field="day", value=self.day) from exc
        if self.application.full_year > self.year:
            msg = f"application: {self.application} was lodged after {self.year} (got {self.application!r})"
            raise ValidationError(msg, field="application", value=self.application)

    @property
    def date(self) -> dt.date:
        """The date of the judgment or decision."""
        return dt.date(self.year, self.month, self.day)

    def canonical(self) -> str:
        """Return the ECLI string."""
        app = self.application
        return (
            f"ECLI:{self.court}:{self.year}:{self.month:02d}{self.day:02d}"
            f"{self.kind}{app.number:07d}{app.year:02d}"
        )

    def __str__(self) -> str:
        return self.canonical()


@attrs.frozen(kw_only=True)
class HudocItem:
    """A HUDOC item id, ``001-161416``.

    Attributes:
        collection: The three-digit prefix, kept as printed (``"001"``); see
            :attr:`collection_meaning`.
        item: The item number.

    Examples:
        >>> h = parse_citation("002-13978")
        >>> h.collection, h.item, h.collection_meaning
        ('002', 13978, 'Legal summaries (formerly Case-Law Information Note summaries)')
        >>> HudocItem(collection="1", item=161416)
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: collection: must be three digits starting with 0 (got '1')
    """

    collection: str = attrs.field()
    item: int = attrs.field(validator=_positive(9_999_999))

    @collection.validator
    def _check_collection(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if not isinstance(value, str) or re.fullmatch(r"0[0-9]{2}", value) is None:
            _fail(attribute, value, "must be three digits starting with 0")

    @item.validator
    def _check_item(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value < 100:  # noqa: PLR2004 - at least three digits, as in the data pattern
            _fail(attribute, value, "must have at least three digits")

    @property
    def collection_meaning(self) -> str | None:
        """What the collection prefix is known to hold, or ``None`` if it is not known."""
        return _rules().hudoc_collections.get(self.collection)

    def canonical(self) -> str:
        """Return ``collection-item``."""
        return f"{self.collection}-{self.item}"

    def __str__(self) -> str:
        return self.canonical()


def _optional_date(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and (type(value) is not dt.date):
        _fail(attribute, value, "must be a datetime.date or None")


@attrs.frozen(kw_only=True)
class CaseCitation:
    """An ECtHR case as cited: names, markers, and the numbers and date when adjacent.

    Attributes:
        applicant: The applicant's name as printed, without "and Others".
        respondent: The respondent State as printed (``"the United Kingdom"``).
        and_others: ``True`` for "X and Others v. …".
        sequel: ``2`` for "(no. 2)", else ``None``.
        decision: ``True`` for "(dec.)".
        grand_chamber: ``True`` for "[GC]".
        applications: The application numbers printed after the name, if any.
        date: The date printed after them (``29 June 2012``), if any.
        language: ``"en"`` (``v.``) or ``"fr"`` (``c.``): the language :meth:`canonical` writes.

    Examples:
        >>> c = parse_citation("Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012")
        >>> c.applicant, c.respondent, c.grand_chamber, c.date
        ('Sabri Güneş', 'Turkey', True, datetime.date(2012, 6, 29))
        >>> parse_citation("Orhan v. Türkiye (dec.), no. 38358/22").decision
        True
        >>> parse_citation("Varnava and Others v. Turkey [GC]").and_others
        True
    """

    applicant: str = attrs.field(validator=_clean_text)
    respondent: str = attrs.field(validator=_clean_text)
    and_others: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    sequel: int | None = attrs.field(default=None, validator=_optional_positive(99))
    decision: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    grand_chamber: bool = attrs.field(default=False, validator=attrs.validators.instance_of(bool))
    applications: EcthrApplications | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(EcthrApplications)),
    )
    date: dt.date | None = attrs.field(default=None, validator=_optional_date)
    language: str = attrs.field(
        default="en", validator=attrs.validators.in_(l10n.supported("Court languages"))
    )

    def canonical(self) -> str:
        """Return the Court's spelling of the citation, in its language."""
        fr = self.language == "fr"
        others = (" et autres" if fr else " and Others") if self.and_others else ""
        parts = [self.applicant, others, " c. " if fr else " v. ", self.respondent]
        if self.sequel is not None:
            parts.append(f" (no {self.sequel})" if fr else f" (no. {self.sequel})")
        if self.decision:
            parts.append(" (déc.)" if fr else " (dec.)")
        if self.grand_chamber:
            parts.append(" [GC]")
        if self.applications is not None:
            parts.append(f", {self.applications.canonical(self.language)}")
        if self.date is not None:
            month = _rules().months[self.language][self.date.month - 1]
            day = "1er" if fr and self.date.day == 1 else str(self.date.day)
            parts.append(f", {day} {month} {self.date.year}")
        return "".join(parts)

    def __str__(self) -> str:
        return self.canonical()


# --------------------------------------------------------------------------- UN symbols


class TreatyBody(StrEnum):
    """A UN treaty body, by litigate's forum id (its symbol prefix is in the data)."""

    HRC = "hrc"
    CAT = "cat"
    CERD = "cerd"
    CEDAW = "cedaw"
    CRPD = "crpd"
    CRC = "crc"
    CED = "ced"
    CMW = "cmw"
    CESCR = "cescr"

    @property
    def symbol(self) -> str:
        """The symbol prefix (``CCPR`` for the HRC, ``E/C.12`` for CESCR).

        Examples:
            >>> TreatyBody.HRC.symbol, TreatyBody.CESCR.symbol
            ('CCPR', 'E/C.12')
        """
        return _rules().bodies[self].symbol


class UnSymbolKind(StrEnum):
    """What a UN document symbol names (UN.md §5.3)."""

    REPORT = "report"
    CONCLUDING_OBSERVATIONS = "concluding_observations"
    FOLLOW_UP = "follow_up"
    LIST_OF_ISSUES = "list_of_issues"
    LIST_OF_ISSUES_PRIOR = "list_of_issues_prior"
    SESSION_DOCUMENT = "session_document"
    VIEWS_OR_DECISION = "views_or_decision"
    RULES_OF_PROCEDURE = "rules_of_procedure"
    GENERAL_COMMENT = "general_comment"
    SUMMARY_RECORD = "summary_record"
    ANNUAL_REPORT = "annual_report"
    CORE_DOCUMENT = "core_document"


_K = UnSymbolKind

# Which optional fields each kind needs; every other optional field must stay None.
_KIND_FIELDS: Final[Mapping[UnSymbolKind, frozenset[str]]] = {
    _K.REPORT: frozenset({"body", "country", "report"}),
    _K.CONCLUDING_OBSERVATIONS: frozenset({"body", "country", "report"}),
    _K.FOLLOW_UP: frozenset({"body", "country", "report"}),
    _K.LIST_OF_ISSUES: frozenset({"body", "country", "report"}),
    _K.LIST_OF_ISSUES_PRIOR: frozenset({"body", "country", "report"}),
    _K.SESSION_DOCUMENT: frozenset({"body", "session", "number"}),
    _K.VIEWS_OR_DECISION: frozenset({"body", "session", "communication", "year"}),
    _K.RULES_OF_PROCEDURE: frozenset({"body", "number"}),
    _K.GENERAL_COMMENT: frozenset({"body", "number"}),
    _K.SUMMARY_RECORD: frozenset({"body", "number"}),
    _K.ANNUAL_REPORT: frozenset({"body", "session"}),
    _K.CORE_DOCUMENT: frozenset({"country", "year"}),
}
_OPTIONAL_FIELDS: Final = (
    "body",
    "country",
    "report",
    "session",
    "number",
    "communication",
    "year",
)

# The literal type segment of each kind; the first is the default.
_SEGMENTS: Final[Mapping[UnSymbolKind, tuple[str, ...]]] = {
    _K.CONCLUDING_OBSERVATIONS: ("CO",),
    _K.FOLLOW_UP: ("FCO", "CO"),
    _K.LIST_OF_ISSUES: ("Q",),
    _K.LIST_OF_ISSUES_PRIOR: ("QPR", "LOIPR"),
}


@attrs.frozen(kw_only=True)
class ReportNumber:
    """A periodic report number, or the range of a combined report (``10-12``).

    Examples:
        >>> str(ReportNumber(first=10, last=12)), str(ReportNumber(first=4))
        ('10-12', '4')
        >>> ReportNumber(first=12, last=10)
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: last: must be greater than first (12) (got 10)
    """

    first: int = attrs.field(validator=_positive(_MAX_NUMBER))
    last: int | None = attrs.field(default=None, validator=_optional_positive(_MAX_NUMBER))

    @last.validator
    def _check_last(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value is not None and value <= self.first:
            _fail(attribute, value, f"must be greater than first ({self.first})")

    def canonical(self) -> str:
        """Return ``n`` or ``n-m``."""
        return str(self.first) if self.last is None else f"{self.first}-{self.last}"

    def __str__(self) -> str:
        return self.canonical()


@attrs.frozen(kw_only=True)
class Suffix:
    """A symbol suffix: ``Add.1`` (addendum), ``Corr.1`` (corrigendum), ``Rev.12`` (revision).

    Examples:
        >>> str(Suffix(kind="Rev", number=12))
        'Rev.12'
        >>> Suffix(kind="Amend", number=1)
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: kind: must be Add, Corr or Rev (got 'Amend')
    """

    kind: str = attrs.field()
    number: int = attrs.field(validator=_positive(_MAX_NUMBER))

    @kind.validator
    def _check_kind(self, attribute: attrs.Attribute[Any], value: Any) -> None:
        if value not in {"Add", "Corr", "Rev"}:
            _fail(attribute, value, "must be Add, Corr or Rev")

    def canonical(self) -> str:
        """Return ``Kind.n``."""
        return f"{self.kind}.{self.number}"

    def __str__(self) -> str:
        return self.canonical()


def _suffixes(_instance: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if not isinstance(value, tuple) or not all(isinstance(s, Suffix) for s in value):
        _fail(attribute, value, "must be a tuple of Suffix")


def _default_segment(self: UnSymbol) -> str | None:
    segments = _SEGMENTS.get(self.kind)
    return segments[0] if segments else None


def _check_country(code: object) -> None:
    if not isinstance(code, str):
        msg = f"country: must be an ISO 3166-1 alpha-3 code (got {code!r})"
        raise ValidationError(msg, field="country", value=code)
    if code in _rules().extra_country_codes:
        return
    try:
        _country(code)
    except LookupError as exc:
        msg = f"country: {exc} (got {code!r})"
        raise ValidationError(msg, field="country", value=code) from exc


@attrs.frozen(kw_only=True)
class UnSymbol:
    """A UN treaty-body document symbol, typed (UN.md §5.3).

    Attributes:
        kind: What the symbol names.
        body: The treaty body (``None`` only for a common core document).
        country: ISO 3166-1 alpha-3 code of the State party (reports, COs, lists, core documents).
        report: Periodic report number or range.
        session: Session of adoption (session documents, Views); General Assembly session for
            annual reports.
        number: Document number (session documents, rules of procedure), general comment
            number, or meeting number (summary records).
        communication: Communication number (Views and decisions).
        year: Year of REGISTRATION of the communication (Views and decisions), or year of a
            core document.
        suffixes: ``Add.n``, ``Corr.n``, ``Rev.n``, in printed order.
        segment: The literal type segment (``CO``, ``FCO``, ``Q``, ``QPR``, ``LOIPR``); set from
            ``kind`` when not given.  A follow-up reply may be ``FCO/n`` or, in older practice,
            ``CO/n/Add.k``.

    Examples:
        >>> s = parse_citation("CCPR/C/135/D/2945/2017*")
        >>> s.kind, s.body, s.session, s.communication, s.year
        (<UnSymbolKind.VIEWS_OR_DECISION: 'views_or_decision'>, <TreatyBody.HRC: 'hrc'>, 135, 2945, 2017)
        >>> str(s)
        'CCPR/C/135/D/2945/2017'
        >>> str(UnSymbol(kind="concluding_observations", body="cerd", country="AZE",
        ...              report=ReportNumber(first=10, last=12)))
        'CERD/C/AZE/CO/10-12'
        >>> UnSymbol(kind="general_comment", body="cat")
        Traceback (most recent call last):
        ...
        litigate.errors.ValidationError: number: a general_comment symbol needs number (got None)
    """

    kind: UnSymbolKind = attrs.field(converter=UnSymbolKind)
    body: TreatyBody | None = attrs.field(
        default=None, converter=attrs.converters.optional(TreatyBody)
    )
    country: str | None = attrs.field(default=None)
    report: ReportNumber | None = attrs.field(
        default=None,
        validator=attrs.validators.optional(attrs.validators.instance_of(ReportNumber)),
    )
    session: int | None = attrs.field(default=None, validator=_optional_positive(_MAX_NUMBER))
    number: int | None = attrs.field(default=None, validator=_optional_positive(_MAX_NUMBER))
    communication: int | None = attrs.field(
        default=None, validator=_optional_positive(_MAX_NUMBER)
    )
    year: int | None = attrs.field(default=None, validator=_optional_positive(2099))
    suffixes: tuple[Suffix, ...] = attrs.field(
        default=(), converter=_to_tuple, validator=_suffixes
    )
    segment: str | None = attrs.field(default=attrs.Factory(_default_segment, takes_self=True))

    def __attrs_post_init__(self) -> None:
        needed = _KIND_FIELDS[self.kind]
        for name in _OPTIONAL_FIELDS:
            value = getattr(self, name)
            if name in needed and value is None:
                msg = f"{name}: a {self.kind} symbol needs {name} (got None)"
                raise ValidationError(msg, field=name, value=None)
            if name not in needed and value is not None:
                msg = f"{name}: a {self.kind} symbol has no {name} (got {value!r})"
                raise ValidationError(msg, field=name, value=value)
        if self.country is not None:
            _check_country(self.country)
        if self.year is not None and self.year < 1900:  # noqa: PLR2004
            msg = f"year: must be a four-digit year from 1900 (got {self.year!r})"
            raise ValidationError(msg, field="year", value=self.year)
        self._check_segment()
        self._check_body_tables()

    def _check_segment(self) -> None:
        allowed = _SEGMENTS.get(self.kind, (None,))
        if self.segment not in allowed:
            msg = f"segment: a {self.kind} symbol has segment {' or '.join(map(str, allowed))} (got {self.segment!r})"
            raise ValidationError(msg, field="segment", value=self.segment)
        first_is_add = bool(self.suffixes) and self.suffixes[0].kind == "Add"
        if self.kind is _K.FOLLOW_UP and self.segment == "CO" and not first_is_add:
            msg = f"suffixes: a follow-up reply printed CO/n must start with Add.k (got {self.suffixes!r})"
            raise ValidationError(msg, field="suffixes", value=self.suffixes)
        if self.kind is _K.CONCLUDING_OBSERVATIONS and first_is_add:
            msg = f"suffixes: CO/n/Add.k is a follow-up reply, use kind='follow_up', segment='CO' (got {self.suffixes!r})"
            raise ValidationError(msg, field="suffixes", value=self.suffixes)

    def _check_body_tables(self) -> None:
        if self.body is None:
            return
        info = _rules().bodies[self.body]
        if self.kind is _K.RULES_OF_PROCEDURE and self.number != info.rules_of_procedure:
            known = info.rules_of_procedure
            expected = f"are {info.prefix}/{known}" if known else "are not known to litigate"
            msg = f"number: the rules of procedure of the {self.body} {expected} (got {self.number!r})"
            raise ValidationError(msg, field="number", value=self.number)
        if self.kind is _K.ANNUAL_REPORT and info.annual_report is None:
            msg = (
                f"body: the {self.body} has no annual report in the A/ series (got {self.body!r})"
            )
            raise ValidationError(msg, field="body", value=self.body)

    def canonical(self) -> str:
        """Return the symbol as the UN prints it."""
        head = self._head()
        tail = "".join(f"/{s.canonical()}" for s in self.suffixes)
        return head + tail

    def _head(self) -> str:
        kind = self.kind
        if kind is _K.CORE_DOCUMENT:
            return f"HRI/CORE/{self.country}/{self.year}"
        if self.body is None:  # pragma: no cover - refused by __attrs_post_init__
            msg = f"body: a {kind} symbol needs body (got None)"
            raise ValidationError(msg, field="body", value=None)
        info = _rules().bodies[self.body]
        if kind is _K.ANNUAL_REPORT:
            return f"A/{self.session}/{info.annual_report}"
        prefix = info.prefix
        if kind is _K.REPORT:
            return f"{prefix}/{self.country}/{self.report}"
        if kind in _SEGMENTS:
            return f"{prefix}/{self.country}/{self.segment}/{self.report}"
        if kind is _K.SESSION_DOCUMENT:
            return f"{prefix}/{self.session}/{self.number}"
        if kind is _K.VIEWS_OR_DECISION:
            return f"{prefix}/{self.session}/D/{self.communication}/{self.year}"
        if kind is _K.GENERAL_COMMENT:
            return f"{prefix}/GC/{self.number}"
        if kind is _K.SUMMARY_RECORD:
            return f"{prefix}/SR.{self.number}"
        return f"{prefix}/{self.number}"  # rules of procedure

    def __str__(self) -> str:
        return self.canonical()


@attrs.frozen(kw_only=True)
class CmSymbol:
    """The symbol of a Committee of Ministers document on the execution of judgments.

    Attributes:
        kind: ``resolution`` (``CM/ResDH``), ``decision`` (``CM/Del/Dec``),
            ``dh_document`` (``DH-DD``), ``notes`` (``CM/Notes``) or
            ``information`` (``CM/Inf/DH``).
        year: The year in the symbol, if any.
        number: The document or meeting number.
        item: The agenda item (``H46-3``), for decisions and notes.
        final: Whether ``final`` is printed after the number.

    Examples:
        >>> str(CmSymbol(kind="decision", year=2024, number=1501, item="H46-3"))
        'CM/Del/Dec(2024)1501/H46-3'
    """

    kind: str
    year: int | None = None
    number: int
    item: str | None = None
    final: bool = False

    def canonical(self) -> str:
        """The symbol as the Committee prints it."""
        if self.kind == "resolution":
            return f"CM/ResDH({self.year}){self.number}"
        if self.kind == "decision":
            return f"CM/Del/Dec({self.year}){self.number}/{self.item}"
        if self.kind == "dh_document":
            return f"DH-DD({self.year}){self.number}"
        if self.kind == "notes":
            return f"CM/Notes/{self.number}/{self.item}"
        return f"CM/Inf/DH({self.year}){self.number}{'final' if self.final else ''}"

    def __str__(self) -> str:
        return self.canonical()


def _cm(kind: str) -> Callable[[_Groups], Citation]:
    def build(groups: _Groups) -> Citation:
        return CmSymbol(
            kind=kind,
            year=int(groups["yyyy"]) if "yyyy" in groups else None,
            number=int(groups["n"]),
            item=groups.get("cm_item"),
            final=bool(groups.get("cm_final")),
        )

    return build


Citation: TypeAlias = EcthrApplications | Ecli | HudocItem | CaseCitation | UnSymbol | CmSymbol
"""Any citation :func:`parse_citation` returns."""


@attrs.frozen(kw_only=True)
class CitationMention:
    """A citation found in a text by :func:`find_citations`.

    Attributes:
        start: Offset of the first character in the text.
        end: Offset after the last character (``text[start:end] == mention.text``).
        text: The citation exactly as printed.
        citation: The typed value.
        pattern: The id of the data pattern that matched (``"un_symbol.concluding_observations"``).
    """

    start: int
    end: int
    text: str
    citation: Citation
    pattern: str


# --------------------------------------------------------------------------- rule data


@attrs.frozen(kw_only=True)
class CitationPattern:
    """One pattern of ``citations.toml``, compiled.

    Attributes:
        id: Stable dotted id (``"un_symbol.report"``).
        template: The template, with ``{fragment}`` placeholders.
        regex: The compiled regular expression (named groups = top-level fragments).
        doc: What the pattern reads.
        examples: Canonical examples: each parses with this pattern and formats back identically.
        variants: ``(text, canonical)`` pairs of other printed forms.
        counter_examples: Texts this pattern must not read.
    """

    id: str
    template: str
    regex: re.Pattern[str]
    doc: str
    examples: tuple[str, ...]
    variants: tuple[tuple[str, str], ...]
    counter_examples: tuple[str, ...]


@attrs.frozen(kw_only=True)
class _BodyInfo:
    symbol: str
    prefix: str
    name: str
    annual_report: str | None
    rules_of_procedure: int | None


@attrs.frozen(kw_only=True)
class _Rules:
    patterns: tuple[CitationPattern, ...]
    fragments: Mapping[str, str]
    bodies: Mapping[TreatyBody, _BodyInfo]
    body_by_prefix: Mapping[str, TreatyBody]
    body_by_annual: Mapping[str, TreatyBody]
    hudoc_collections: Mapping[str, str]
    ecli_types: Mapping[str, str]
    extra_country_codes: frozenset[str]
    months: Mapping[str, tuple[str, ...]]
    month_numbers: Mapping[str, int]
    grades: tuple[Mapping[str, str], ...]


# Allowed keys per table: (required, optional).
_SCHEMA: Final[Mapping[str, tuple[frozenset[str], frozenset[str]]]] = {
    "$": (
        frozenset({"schema_version", "fragments", "patterns", "bodies", "months"}),
        frozenset({"un_symbols", "hudoc_collections", "ecli_types", "grades"}),
    ),
    "fragments": (frozenset({"name", "regex", "doc"}), frozenset()),
    "patterns": (
        frozenset({"id", "template", "doc", "examples"}),
        frozenset({"variants", "counter_examples"}),
    ),
    "variants": (frozenset({"text", "canonical"}), frozenset()),
    "bodies": (
        frozenset({"id", "symbol", "prefix", "name", "source", "confidence"}),
        frozenset({"annual_report", "rules_of_procedure"}),
    ),
    "un_symbols": (frozenset(), frozenset({"extra_country_codes"})),
    "extra_country_codes": (frozenset({"code", "doc"}), frozenset()),
    "hudoc_collections": (frozenset({"prefix", "meaning", "confidence"}), frozenset()),
    "ecli_types": (frozenset({"code", "meaning"}), frozenset()),
    "months": (frozenset({"en"}), frozenset({"fr"})),
    "grades": (
        frozenset({"grade", "label", "meaning", "source", "confidence"}),
        frozenset({"cat_wording"}),
    ),
}
_SUPPORTED_SCHEMA: Final = 1
_PLACEHOLDER: Final = re.compile(r"\{([a-z][a-z0-9_]*)\}")


def _check_keys(row: object, table: str, where: str, errors: list[str]) -> Mapping[str, Any]:
    if not isinstance(row, Mapping):
        errors.append(f"expected a table @ {where}")
        return {}
    required, optional = _SCHEMA[table]
    errors.extend(
        f"unknown key {key!r} @ {where}" for key in sorted(set(row) - required - optional)
    )
    errors.extend(f"missing key {key!r} @ {where}" for key in sorted(required - set(row)))
    return row


def _rows(data: Mapping[str, Any], table: str, errors: list[str]) -> list[Mapping[str, Any]]:
    rows = data.get(table, [])
    if not isinstance(rows, list):
        errors.append(f"expected an array of tables @ $.{table}")
        return []
    return [_check_keys(row, table, f"$.{table}[{i}]", errors) for i, row in enumerate(rows)]


def _builtin_fragments(months: Mapping[str, Sequence[str]]) -> dict[str, str]:
    # Python's re has no \p{Lu}: list the uppercase letters of the scripts lawyers use here.
    upper = "".join(chr(c) for c in range(0x41, 0x530) if chr(c).isupper() and chr(c).isalpha())
    lower = "".join(chr(c) for c in range(0x61, 0x530) if chr(c).islower() and chr(c).isalpha())
    names = sorted({m for table in months.values() for m in table}, key=len, reverse=True)
    return {
        "upper": f"[{re.escape(upper)}]",
        "lower": f"[{re.escape(lower)}]",
        "month": "(?:" + "|".join(map(re.escape, names)) + ")",
    }


def _expand(
    name: str, raw: Mapping[str, str], cache: dict[str, str], stack: tuple[str, ...]
) -> str:
    if name in cache:
        return cache[name]
    if name in stack:
        msg = f"fragment cycle {' -> '.join((*stack, name))}"
        raise KeyError(msg)
    if name not in raw:
        msg = f"unknown fragment {name!r}"
        raise KeyError(msg)
    expanded = _PLACEHOLDER.sub(
        lambda m: f"(?:{_expand(m.group(1), raw, cache, (*stack, name))})", raw[name]
    )
    cache[name] = expanded
    return expanded


def _compile_template(template: str, raw: Mapping[str, str], cache: dict[str, str]) -> str:
    pieces: list[str] = []
    position = 0
    for match in _PLACEHOLDER.finditer(template):
        literal = template[position : match.start()]
        pieces.append(r"\s+".join(re.escape(part) for part in literal.split(" ")))
        name = match.group(1)
        pieces.append(f"(?P<{name}>{_expand(name, raw, cache, ())})")
        position = match.end()
    literal = template[position:]
    pieces.append(r"\s+".join(re.escape(part) for part in literal.split(" ")))
    return "".join(pieces)


def _build_rules(data: Mapping[str, Any], *, path: str = DATA_PATH) -> _Rules:
    """Check and compile the citation data; every problem is collected before raising."""
    errors: list[str] = []
    _check_keys(data, "$", "$", errors)
    if data.get("schema_version") != _SUPPORTED_SCHEMA:
        errors.append(
            f"unsupported schema_version {data.get('schema_version')!r} (expected {_SUPPORTED_SCHEMA}) @ $.schema_version"
        )
    months_row = _check_keys(data.get("months", {}), "months", "$.months", errors)
    months = {lang: tuple(names) for lang, names in months_row.items() if isinstance(names, list)}
    for lang, names in months.items():
        if len(names) != 12:  # noqa: PLR2004
            errors.append(f"expected 12 month names @ $.months.{lang}")
    raw: dict[str, str] = _builtin_fragments(months)
    docs_seen: set[str] = set()
    for i, row in enumerate(_rows(data, "fragments", errors)):
        name, regex = row.get("name"), row.get("regex")
        if not isinstance(name, str) or not isinstance(regex, str):
            errors.append(f"name and regex must be strings @ $.fragments[{i}]")
            continue
        if name in raw:
            errors.append(f"duplicate fragment {name!r} @ $.fragments[{i}]")
        raw[name] = regex
        docs_seen.add(name)
    cache: dict[str, str] = {}
    for name in sorted(docs_seen):
        try:
            compiled = re.compile(_expand(name, raw, cache, ()))
        except (KeyError, re.error) as exc:
            errors.append(f"fragment {name!r} does not compile: {exc} @ $.fragments")
            continue
        if compiled.groups:
            errors.append(f"fragment {name!r} captures a group; use (?:...) @ $.fragments")
    patterns: list[CitationPattern] = []
    ids: set[str] = set()
    for i, row in enumerate(_rows(data, "patterns", errors)):
        where = f"$.patterns[{i}]"
        pid, template = row.get("id"), row.get("template")
        if not isinstance(pid, str) or not isinstance(template, str):
            errors.append(f"id and template must be strings @ {where}")
            continue
        if pid in ids:
            errors.append(f"duplicate pattern id {pid!r} @ {where}.id")
        ids.add(pid)
        if pid not in _BUILDERS:
            errors.append(f"no reader for pattern id {pid!r} @ {where}.id")
        used = _PLACEHOLDER.findall(template)
        if len(used) != len(set(used)):
            errors.append(f"a fragment is used twice in template {template!r} @ {where}.template")
            continue
        try:
            regex = re.compile(_compile_template(template, raw, cache))
        except (KeyError, re.error) as exc:
            errors.append(f"template {template!r} does not compile: {exc} @ {where}.template")
            continue
        variants: list[tuple[str, str]] = []
        for j, variant in enumerate(row.get("variants", [])):
            checked = _check_keys(variant, "variants", f"{where}.variants[{j}]", errors)
            variants.append((str(checked.get("text", "")), str(checked.get("canonical", ""))))
        examples = row.get("examples", [])
        if not examples:
            errors.append(f"a pattern needs at least one example @ {where}.examples")
        patterns.append(
            CitationPattern(
                id=pid,
                template=template,
                regex=regex,
                doc=str(row.get("doc", "")),
                examples=tuple(map(str, examples)),
                variants=tuple(variants),
                counter_examples=tuple(map(str, row.get("counter_examples", []))),
            )
        )
    bodies: dict[TreatyBody, _BodyInfo] = {}
    for i, row in enumerate(_rows(data, "bodies", errors)):
        try:
            body = TreatyBody(str(row.get("id")))
        except ValueError:
            errors.append(f"unknown treaty body {row.get('id')!r} @ $.bodies[{i}].id")
            continue
        annual = row.get("annual_report")
        rules_no = row.get("rules_of_procedure")
        bodies[body] = _BodyInfo(
            symbol=str(row.get("symbol")),
            prefix=str(row.get("prefix")),
            name=str(row.get("name")),
            annual_report=None if annual is None else str(annual),
            rules_of_procedure=rules_no if isinstance(rules_no, int) else None,
        )
    errors.extend(
        f"treaty body {body.value!r} has no row @ $.bodies"
        for body in TreatyBody
        if body not in bodies
    )
    un_symbols = _check_keys(data.get("un_symbols", {}), "un_symbols", "$.un_symbols", errors)
    extra = {
        str(
            _check_keys(
                row, "extra_country_codes", f"$.un_symbols.extra_country_codes[{i}]", errors
            ).get("code")
        )
        for i, row in enumerate(un_symbols.get("extra_country_codes", []))
    }
    grades = tuple(_rows(data, "grades", errors))
    if errors:
        raise RuleDataError(errors, path=path)
    month_numbers = {
        name.casefold(): index + 1 for names in months.values() for index, name in enumerate(names)
    }
    return _Rules(
        patterns=tuple(patterns),
        fragments={name: cache[name] for name in docs_seen},
        bodies=bodies,
        body_by_prefix={info.prefix: body for body, info in bodies.items()},
        body_by_annual={
            info.annual_report: body for body, info in bodies.items() if info.annual_report
        },
        hudoc_collections={
            str(row["prefix"]): str(row["meaning"]) for row in _rows(data, "hudoc_collections", [])
        },
        ecli_types={
            str(row["code"]): str(row["meaning"]) for row in _rows(data, "ecli_types", [])
        },
        extra_country_codes=frozenset(extra),
        months=months,
        month_numbers=month_numbers,
        grades=grades,
    )


@functools.cache
def _rules() -> _Rules:
    data = packaged_toml("parse", "data", "citations.toml")
    return _build_rules(data)


def citation_patterns() -> tuple[CitationPattern, ...]:
    """Return the compiled patterns of ``citations.toml``, in data order.

    Examples:
        >>> [p.id for p in citation_patterns()][:3]
        ['ecthr.application', 'ecthr.ecli', 'ecthr.hudoc']
    """
    return _rules().patterns


# --------------------------------------------------------------------------- readers

_Groups: TypeAlias = Mapping[str, str]
_APP_NUMBER: Final = re.compile(r"([1-9][0-9]{0,6})/([0-9]{2})")
_OTHERS: Final = re.compile(r"(?:and|et)\s+([1-9][0-9]{0,3})\s+(?:others?|autres?)")
_SUFFIX: Final = re.compile(r"/(Add|Corr|Rev)\.([1-9][0-9]*)")
_COURT_DATE: Final = re.compile(r"(1er|[1-3]?[0-9])\s+(\S+)\s+([0-9]{4})")


def _read_applications(text: str) -> EcthrApplications:
    numbers = [ApplicationNumber(number=int(n), year=int(y)) for n, y in _APP_NUMBER.findall(text)]
    others = _OTHERS.search(text)
    return EcthrApplications(numbers=numbers, others=int(others.group(1)) if others else 0)


def _read_suffixes(text: str) -> tuple[Suffix, ...]:
    return tuple(Suffix(kind=k, number=int(n)) for k, n in _SUFFIX.findall(text))


def _read_report(text: str) -> ReportNumber:
    first, _, last = text.partition("-")
    return ReportNumber(first=int(first), last=int(last) if last else None)


def _read_court_date(text: str) -> dt.date:
    match = _COURT_DATE.fullmatch(text.strip())
    if match is None:
        msg = f"not a date in the Court's style: {text!r}"
        raise ValueError(msg)
    # TODO: use litigate.parse.dates.parse_date once it is merged; the local table of
    # [months] is enough for the Court's "29 June 2012" style.
    month = _rules().month_numbers[match.group(2).casefold()]
    day = 1 if match.group(1) == "1er" else int(match.group(1))
    return dt.date(int(match.group(3)), month, day)


def _body(groups: _Groups) -> TreatyBody:
    return _rules().body_by_prefix[groups["body"]]


def _un(kind: UnSymbolKind, **fields: Any) -> Callable[[_Groups], Citation]:
    def read(groups: _Groups) -> Citation:
        values: dict[str, Any] = {
            "kind": kind,
            "suffixes": _read_suffixes(groups.get("suffixes", "")),
        }
        if "body" in groups:
            values["body"] = _body(groups)
        if "iso3" in groups:
            values["country"] = groups["iso3"]
        if "report" in groups:
            values["report"] = _read_report(groups["report"])
        for field, group in fields.items():
            values[field] = int(groups[group])
        return UnSymbol(**values)

    return read


def _read_follow_up_add(groups: _Groups) -> Citation:
    suffixes = (Suffix(kind="Add", number=int(groups["n"])), *_read_suffixes(groups["suffixes"]))
    return UnSymbol(
        kind=_K.FOLLOW_UP,
        segment="CO",
        body=_body(groups),
        country=groups["iso3"],
        report=_read_report(groups["report"]),
        suffixes=suffixes,
    )


def _read_loipr(groups: _Groups) -> Citation:
    return UnSymbol(
        kind=_K.LIST_OF_ISSUES_PRIOR,
        segment=groups["loipr_segment"],
        body=_body(groups),
        country=groups["iso3"],
        report=_read_report(groups["report"]),
        suffixes=_read_suffixes(groups["suffixes"]),
    )


def _read_annual(groups: _Groups) -> Citation:
    return UnSymbol(
        kind=_K.ANNUAL_REPORT,
        body=_rules().body_by_annual[groups["annual_suffix"]],
        session=int(groups["n"]),
        suffixes=_read_suffixes(groups["suffixes"]),
    )


def _read_ecli(groups: _Groups) -> Citation:
    text = groups["ecli_body"]
    year, ordinal = text.split(":")[3:5]
    return Ecli(
        year=int(year),
        month=int(ordinal[0:2]),
        day=int(ordinal[2:4]),
        kind=ordinal[4:7],
        application=ApplicationNumber(number=int(ordinal[7:14]), year=int(ordinal[14:16])),
    )


def _read_hudoc(groups: _Groups) -> Citation:
    collection, item = groups["hudoc_id"].split("-")
    return HudocItem(collection=collection, item=int(item))


_SEQUEL: Final = re.compile(r"\((?:no\.?|n°)\s*([1-9][0-9]?)\)")
_AND_OTHERS: Final = (" and Others", " et autres")


def _read_case(groups: _Groups) -> Citation:
    applicant = " ".join(groups["applicant"].split())
    and_others = applicant.endswith(_AND_OTHERS)
    for suffix in _AND_OTHERS:
        applicant = applicant.removesuffix(suffix)
    markers = groups["case_markers"]
    sequel = _SEQUEL.search(markers)
    tail = groups["case_tail"]
    applications = _read_applications(tail) if _APP_NUMBER.search(tail) else None
    date = re.search(f"(?:{_rules().fragments['court_date']})$", tail)
    return CaseCitation(
        applicant=applicant,
        respondent=" ".join(groups["respondent"].split()),
        and_others=and_others,
        sequel=int(sequel.group(1)) if sequel else None,
        decision="(dec.)" in markers or "(déc.)" in markers,
        grand_chamber="[GC]" in markers,
        applications=applications,
        date=_read_court_date(date.group()) if date else None,
        language="fr" if groups["versus"] == "c." else "en",
    )


_BUILDERS: Final[Mapping[str, Callable[[_Groups], Citation]]] = {
    "ecthr.application": lambda g: _read_applications(g["app_list"]),
    "ecthr.ecli": _read_ecli,
    "ecthr.hudoc": _read_hudoc,
    "ecthr.case": _read_case,
    "un_symbol.report": _un(_K.REPORT),
    "un_symbol.concluding_observations": _un(_K.CONCLUDING_OBSERVATIONS),
    "un_symbol.follow_up": _un(_K.FOLLOW_UP),
    "un_symbol.follow_up_add": _read_follow_up_add,
    "un_symbol.list_of_issues": _un(_K.LIST_OF_ISSUES),
    "un_symbol.list_of_issues_prior": _read_loipr,
    "un_symbol.session_document": _un(_K.SESSION_DOCUMENT, session="n", number="n2"),
    "un_symbol.views_or_decision": _un(
        _K.VIEWS_OR_DECISION, session="n", communication="n2", year="yyyy"
    ),
    "un_symbol.rules_of_procedure": _un(_K.RULES_OF_PROCEDURE, number="n"),
    "un_symbol.general_comment": _un(_K.GENERAL_COMMENT, number="n"),
    "un_symbol.summary_record": _un(_K.SUMMARY_RECORD, number="n"),
    "un_symbol.annual_report": _read_annual,
    "un_symbol.core_document": _un(_K.CORE_DOCUMENT, year="yyyy"),
    "cm.resolution": _cm("resolution"),
    "cm.decision": _cm("decision"),
    "cm.dh_document": _cm("dh_document"),
    "cm.notes": _cm("notes"),
    "cm.information": _cm("information"),
}


def _build(pattern: CitationPattern, match: re.Match[str]) -> Citation | None:
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    groups.setdefault("suffixes", "")
    try:
        return _BUILDERS[pattern.id](groups)
    except (InputError, ValueError, KeyError, IndexError):
        # The regex matched but the value is refused (unknown State, 31 February…).
        return None


def _matches(text: str) -> list[tuple[str, Citation]]:
    """Every pattern that reads the whole of ``text``, with its value, in data order."""
    found: list[tuple[str, Citation]] = []
    for pattern in _rules().patterns:
        match = pattern.regex.fullmatch(text)
        if match is not None:
            citation = _build(pattern, match)
            if citation is not None:
                found.append((pattern.id, citation))
    return found


_FOOTNOTE_MARKERS: Final = re.compile(r"\s*\*+$")


# Not @checked: a text that is not a str (None from a blank spreadsheet cell...) is "not a
# citation", a CitationParseError, as it always was (docs/errors.md, wrong argument types).
def parse_citation(text: str) -> Citation:
    """Read one citation: an application number, ECLI, HUDOC id, case name or UN symbol.

    Surrounding whitespace and trailing footnote markers (``*``, ``**``) are ignored.

    Args:
        text: The citation alone (to find citations in running text, use :func:`find_citations`).

    Returns:
        The typed value; ``str()`` of it is the canonical spelling.

    Raises:
        CitationParseError: The text is not a citation litigate can read; the message names it.

    Examples:
        >>> parse_citation("CCPR/C/135/D/2945/2017**").communication
        2945
        >>> str(parse_citation("Application no. 12345/23"))
        'no. 12345/23'
        >>> parse_citation("CAT/C/XYZ/CO/4")
        Traceback (most recent call last):
        ...
        litigate.errors.CitationParseError: 'CAT/C/XYZ/CO/4' is not a citation litigate can read ...
    """
    given: object = text  # callers without type checking may pass anything
    if not isinstance(given, str):
        msg = f"a citation must be text (got {type(given).__name__} {repr(given)[:60]})"
        raise CitationParseError(msg, text=repr(given))
    cleaned = _FOOTNOTE_MARKERS.sub("", text.strip())
    found = _matches(cleaned) if len(cleaned) <= 1000 else []  # noqa: PLR2004 - no citation is that long
    if not found:
        msg = (
            f"{text!r} is not a citation litigate can read (an ECtHR application number, ECLI, "
            "HUDOC id or case name, or a UN treaty-body document symbol)"
        )
        raise CitationParseError(msg, text=text)
    return found[0][1]


_LEFT_GUARD: Final = r"(?<![\w/.\-’'])"
_RIGHT_GUARD: Final = r"(?![\w/]|\.\d|-\d)"


@functools.cache
def _search_patterns() -> tuple[tuple[int, CitationPattern, re.Pattern[str]], ...]:
    return tuple(
        (rank, pattern, re.compile(f"{_LEFT_GUARD}(?:{pattern.regex.pattern}){_RIGHT_GUARD}"))
        for rank, pattern in enumerate(_rules().patterns)
    )


def _candidates(text: str) -> Iterator[tuple[int, int, int, CitationPattern, Citation]]:
    for rank, pattern, regex in _search_patterns():
        position = 0
        while position <= len(text):
            match = regex.search(text, position)
            if match is None:
                break
            citation = _build(pattern, match)
            if citation is None:
                position = match.start() + 1
                continue
            yield match.start(), match.end(), rank, pattern, citation
            position = max(match.end(), match.start() + 1)


@checked(text=optional(TEXT))  # None: no text, no citation (documented below)
def find_citations(text: str) -> tuple[CitationMention, ...]:
    """Find every citation in a text, in order; overlapping readings keep the longest.

    Never raises on any text: what is not a citation is left alone.  ``None`` is no text
    (no citation); any other type is an ``ArgumentTypeError``.

    Args:
        text: Running text (a judgment, a letter, observations).

    Returns:
        The mentions, each with its exact span and typed value.

    Examples:
        >>> text = "See Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012, and CAT/C/AZE/CO/4*."
        >>> [(m.pattern, m.text) for m in find_citations(text)]
        [('ecthr.case', 'Sabri Güneş v. Turkey [GC], no. 27396/06, 29 June 2012'),
         ('un_symbol.concluding_observations', 'CAT/C/AZE/CO/4')]
        >>> find_citations(None)
        ()
    """
    given: object = text  # callers without type checking may pass anything
    if not isinstance(given, str) or not given:
        return ()
    found = sorted(_candidates(text), key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    mentions: list[CitationMention] = []
    end = 0
    for start, stop, _rank, pattern, citation in found:
        if start < end:
            continue
        mentions.append(
            CitationMention(
                start=start, end=stop, text=text[start:stop], citation=citation, pattern=pattern.id
            )
        )
        end = stop
    return tuple(mentions)
