"""The article catalogue: every provision an applicant can invoke, as data.

The catalogue lives in ``litigate/data/provisions.toml``; each instrument cites
the authentic texts it was taken from.  A provision id is
``INSTRUMENT-ARTICLE[-PARAGRAPH[-LETTER]]``, e.g. ``ECHR-5-1``, ``ECHR-6-3-c``,
``ECHR-P1-1`` (Article 1 of Protocol No. 1), ``ICCPR-14-1`` or ``CAT-16``.

Examples:
    >>> p = provision("ECHR-5-1")
    >>> p.article.title_en
    'Right to liberty and security'
    >>> p.cite()
    'Article 5 § 1 of the Convention'
    >>> p.cite("fr")
    "l'article 5 § 1 de la Convention"
    >>> provision("ECHR-P1-1").cite()
    'Article 1 of Protocol No. 1'
    >>> provision("ICCPR-14-3-d").cite()
    'article 14 (3) (d) of the Covenant'
    >>> provision("ECHR-99")
    Traceback (most recent call last):
    ...
    litigate.errors.UnknownProvisionError: unknown provision 'ECHR-99' (closest: ...)
"""

from __future__ import annotations

import difflib
import functools
import re
from enum import StrEnum
from typing import Any

import attrs

from litigate.errors import RuleDataError, UnknownProvisionError
from litigate.model._data import read_packaged_toml
from litigate.model.forums import Forum

__all__ = [
    "Article",
    "Catalogue",
    "Instrument",
    "Invocable",
    "Provision",
    "catalogue",
    "provision",
]

_PATH = "litigate/data/provisions.toml"
_PROTOCOL = re.compile(r"P\d+")


class Invocable(StrEnum):
    """Whether an article can found a complaint on its own."""

    YES = "yes"
    """The article can be invoked on its own."""
    ACCESSORY = "accessory"
    """Only together with another article (e.g. Article 14 of the Convention)."""


@attrs.frozen(kw_only=True)
class CatalogueSource:
    """An authentic text the catalogue was taken from."""

    id: str
    title: str
    url: str = ""
    symbol: str = ""
    language: str = "en"


@attrs.frozen(kw_only=True)
class Instrument:
    """A treaty or protocol whose articles can be invoked."""

    id: str
    name_en: str
    name_fr: str
    short_en: str
    short_fr: str
    article_word_en: str
    article_word_fr: str
    paragraph_style: str
    forums: tuple[Forum, ...]
    sources: tuple[CatalogueSource, ...]


@attrs.frozen(kw_only=True)
class Article:
    """One article of an instrument, with its title and citable parts."""

    instrument: str
    article: str
    title_en: str
    title_fr: str
    official_title: bool
    invocable: Invocable
    parts: tuple[str, ...] = ()
    note: str = ""


@attrs.frozen(kw_only=True)
class Provision:
    """A resolved provision id: the instrument, the article and the cited part.

    Attributes:
        id: The canonical id (``"ECHR-6-3-c"``).
        instrument: The instrument.
        article: The article.
        part: The paragraph and letter cited (``"3-c"``), or ``None`` for the whole article.
    """

    id: str
    instrument: Instrument
    article: Article
    part: str | None = None

    def title(self, locale: str = "en") -> str:
        """Return the article's short title in English or French."""
        return self.article.title_fr if _is_fr(locale) else self.article.title_en

    def cite(self, locale: str = "en", *, with_instrument: bool = True) -> str:
        """Cite the provision in the forum's style.

        The European Court writes ``Article 6 § 3 (c) of the Convention``; the UN
        treaty bodies write ``article 14 (3) (d) of the Covenant``.
        """
        return _cite(self, str(locale), with_instrument=with_instrument)


@functools.lru_cache(maxsize=8192)
def _cite(provision: Provision, locale: str, *, with_instrument: bool) -> str:
    fr = _is_fr(locale)
    word = provision.instrument.article_word_fr if fr else provision.instrument.article_word_en
    text = f"{word} {provision.article.article}"
    if provision.part:
        pieces = provision.part.split("-")
        section = provision.instrument.paragraph_style == "section"
        out: list[str] = []
        for i, piece in enumerate(pieces):
            if i == 0 and piece.isdigit() and section:
                out.append(f"§ {piece}")
            elif fr and not piece.isdigit():
                out.append(f"{piece})")  # French style: "§ 3 c)", "14 (3) d)"
            else:
                out.append(f"({piece})")
        text = f"{text} {' '.join(out)}"
    if fr:
        text = f"l'{text}" if text[0] in "aeiouAEIOU" else f"le {text}"
    if not with_instrument:
        return text
    if fr:
        return f"{text} {_de(provision.instrument.short_fr)}"
    return f"{text} of {provision.instrument.short_en}"


def _is_fr(locale: str) -> bool:
    return str(locale).lower().startswith("fr")


def _de(noun: str) -> str:
    """French "de" + article, contracted (``le Pacte`` → ``du Pacte``)."""
    for article, contracted in (
        ("le ", "du "),
        ("les ", "des "),
        ("la ", "de la "),
        ("l'", "de l'"),
    ):
        if noun.startswith(article):
            return contracted + noun[len(article) :]
    return f"du {noun}"


@attrs.frozen(kw_only=True)
class Catalogue:
    """The article catalogue, indexed for lookup.

    Use :func:`catalogue` to get the packaged one.
    """

    instruments: dict[str, Instrument]
    articles: dict[tuple[str, str], Article]

    @functools.cached_property
    def ids(self) -> tuple[str, ...]:
        """Every citable provision id, in catalogue order."""
        out: list[str] = []
        for (instrument, number), article in self.articles.items():
            base = f"{instrument}-{number}"
            out.append(base)
            out.extend(f"{base}-{part}" for part in article.parts)
        return tuple(out)

    def lookup(self, provision_id: object) -> Provision:
        """Resolve ``provision_id`` or raise :class:`UnknownProvisionError`."""
        if not isinstance(provision_id, str):
            msg = f"a provision id must be text like 'ECHR-5-1' (got {provision_id!r})"
            raise UnknownProvisionError(msg, value=provision_id)
        canonical = _normalise(provision_id)
        pieces = canonical.split("-")
        if len(pieces) >= 2 and pieces[0] == "ECHR" and _PROTOCOL.fullmatch(pieces[1]):  # noqa: PLR2004
            instrument_id, rest = f"ECHR-{pieces[1]}", pieces[2:]
        else:
            instrument_id, rest = pieces[0], pieces[1:]
        instrument = self.instruments.get(instrument_id)
        article = self.articles.get((instrument_id, rest[0])) if rest else None
        part = "-".join(rest[1:]) or None
        if (
            instrument is None
            or article is None
            or (part is not None and part not in article.parts)
        ):
            close = difflib.get_close_matches(canonical, self.ids, n=3, cutoff=0.6)
            if instrument is not None and article is not None and not close:
                close = [f"{instrument_id}-{rest[0]}-{p}" for p in article.parts[:3]]
            hint = f" (closest: {', '.join(close)})" if close else ""
            msg = f"unknown provision {provision_id!r}{hint}"
            raise UnknownProvisionError(msg, value=provision_id, suggestions=close)
        return Provision(id=canonical, instrument=instrument, article=article, part=part)


def _normalise(provision_id: str) -> str:
    """Upper-case the instrument, lower-case paragraph letters, drop spaces."""
    pieces = [p for p in re.split(r"[-\s]+", provision_id.strip()) if p]
    out: list[str] = []
    for i, piece in enumerate(pieces):
        if i == 0 or (
            i == 1 and pieces[0].upper() == "ECHR" and _PROTOCOL.fullmatch(piece.upper())
        ):
            out.append(piece.upper())
        else:
            out.append(piece.lower())
    return "-".join(out)


def _build(data: dict[str, Any]) -> Catalogue:
    errors: list[str] = []
    if data.get("schema_version") != 1:
        errors.append(f"schema_version must be 1 (got {data.get('schema_version')!r}) @ $")
    sources: dict[str, CatalogueSource] = {}
    for i, row in enumerate(data.get("sources", [])):
        try:
            src = CatalogueSource(**row)
        except TypeError as exc:
            errors.append(f"{exc} @ $.sources[{i}]")
            continue
        if not (src.url or src.symbol):
            errors.append(f"source {src.id!r} needs a url or a symbol @ $.sources[{i}]")
        sources[src.id] = src
    instruments: dict[str, Instrument] = {}
    used: set[str] = set()
    for i, row in enumerate(data.get("instruments", [])):
        try:
            missing = [s for s in row.get("sources", []) if s not in sources]
            if missing:
                errors.append(f"unknown sources {missing} @ $.instruments[{i}].sources")
            used.update(row.get("sources", []))
            fields = dict(row)
            fields["forums"] = tuple(Forum(f) for f in row["forums"])
            fields["sources"] = tuple(sources[s] for s in row["sources"] if s in sources)
            inst = Instrument(**fields)
        except (TypeError, ValueError, KeyError) as exc:
            errors.append(f"{exc} @ $.instruments[{i}]")
            continue
        instruments[inst.id] = inst
    errors.extend(
        f"source {sid!r} is not used by any instrument @ $.sources"
        for sid in sources
        if sid not in used
    )
    articles: dict[tuple[str, str], Article] = {}
    for i, row in enumerate(data.get("articles", [])):
        try:
            fields = dict(row)
            fields["invocable"] = Invocable(row["invocable"])
            fields["parts"] = tuple(row.get("parts", ()))
            art = Article(**fields)
        except (TypeError, ValueError, KeyError) as exc:
            errors.append(f"{exc} @ $.articles[{i}]")
            continue
        key = (art.instrument, art.article)
        if art.instrument not in instruments:
            errors.append(f"unknown instrument {art.instrument!r} @ $.articles[{i}].instrument")
        if key in articles:
            errors.append(f"duplicate article {art.instrument}-{art.article} @ $.articles[{i}]")
        articles[key] = art
    if errors:
        raise RuleDataError(errors, path=_PATH)
    return Catalogue(instruments=instruments, articles=articles)


@functools.cache
def catalogue() -> Catalogue:
    """Return the packaged article catalogue (loaded once, then cached).

    Examples:
        >>> "ECHR-10" in catalogue().ids
        True
    """
    return _build(read_packaged_toml("provisions.toml"))


@functools.lru_cache(maxsize=4096)
def _cached_lookup(provision_id: str) -> Provision:
    return catalogue().lookup(provision_id)


def provision(provision_id: object) -> Provision:
    """Resolve a provision id against the packaged article catalogue.

    Args:
        provision_id: ``INSTRUMENT-ARTICLE[-PARAGRAPH[-LETTER]]``; case and spaces
            are normalised (``"echr 6 3 c"`` reads as ``"ECHR-6-3-c"``).

    Returns:
        The resolved provision.

    Raises:
        UnknownProvisionError: The id is not in the catalogue; the closest ids
            are suggested.

    Examples:
        >>> provision("echr 6 3 c").id
        'ECHR-6-3-c'
        >>> provision("ECHR-6-3-z").id
        Traceback (most recent call last):
        ...
        litigate.errors.UnknownProvisionError: unknown provision 'ECHR-6-3-z' (closest: ...)
    """
    if isinstance(provision_id, str):
        return _cached_lookup(provision_id)
    return catalogue().lookup(provision_id)
