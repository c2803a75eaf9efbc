r"""Context values for Article 41 claims (``ecthr/just-satisfaction``; embeddable in the reply).

:func:`claims_context` adds one key to :func:`~litigate.drafts.context.build_context`:
``just_satisfaction``, ``None`` when the case records no claim, else the claims ready
to print in the template's language:

* ``heads``: the heads of claim in the Court's order (pecuniary damage, non-pecuniary
  damage, costs and expenses), only those claimed, each with its ``letter``
  (``A``, ``B``…), ``title``, ``claims`` and ``subtotal``;
* each claim: its ``description``, the amount claimed (``total``), and for costs the
  lawyers' work as ``fees`` rows (lawyer, work, hours, rate, amount), the fees total
  and the ``expenses`` besides the fees; ``documents_ref`` names its supporting
  documents by their number in the list (``nos. 1 and 2``);
* for the costs head, ``lawyers``: hours and fees per lawyer;
* ``total``, ``currency``, ``documents`` (numbered in the order the claims cite them),
  ``bank_account`` and ``notes`` (paragraphs).

Amounts are formatted with :func:`litigate.drafts.filters.amount` (``EUR 6,400`` /
``6 400 EUR``).  Arithmetic is :class:`~decimal.Decimal` only.  Each fee line
(hours × rate) is rounded to the cent, half up, as an invoice line is; subtotals and
the total add the printed lines, so the document adds up when the Registry or the
Government checks it.  When every line is a whole number of cents (the usual case),
the total equals :attr:`litigate.model.JustSatisfaction.total`.

Examples:
    >>> from datetime import date
    >>> from litigate.model import Applicant, Case, Claim, FeeItem, JustSatisfaction
    >>> js = JustSatisfaction(claims=[
    ...     Claim(kind="costs", description="Proceedings before the Court", amount="85.50",
    ...           fees=[FeeItem(lawyer="L. Hasanova", hours="12.5", rate="120")]),
    ...     Claim(kind="non_pecuniary", description="Distress", amount=15000),
    ... ])
    >>> case = Case(forum="ecthr", respondent="AZE", just_satisfaction=js,
    ...             applicants=[Applicant.person(name="Rauf Aliyev")])
    >>> values = claims_context(case, as_of=date(2026, 11, 23), locale="fr", lang="fr")
    >>> claims = values["just_satisfaction"]
    >>> [(h["letter"], h["title"], h["subtotal"]) for h in claims["heads"]]
    [('A', 'Dommage moral', '15\xa0000\xa0EUR'), ('B', 'Frais et dépens', '1\xa0585,50\xa0EUR')]
    >>> claims["heads"][1]["claims"][0]["fees"][0]["hours"], claims["total"]
    ('12,5', '16\xa0585,50\xa0EUR')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from litigate import l10n
from litigate.drafts.filters import NBSP, amount, join
from litigate.drafts.filters import date as format_date
from litigate.model import Case, Claim, ClaimKind, Document, JustSatisfaction

__all__ = ["HEAD_TITLES", "claims_context", "fee_amount"]

Row = dict[str, object]

CENT: Final = Decimal("0.01")

HEAD_TITLES: Final[Mapping[str, Mapping[str, str]]] = l10n.LabelTable("claim head")
"""The heads of an Article 41 claim as the Court names them, per language (``[lang][kind]``)."""

_LETTERS: Final = "ABCDEFGH"


def fee_amount(hours: Decimal, rate: Decimal) -> Decimal:
    """One fee line: hours × rate, rounded to the cent (half up), as an invoice line.

    Args:
        hours: Hours worked.
        rate: The hourly rate.

    Returns:
        The amount of the line.

    Examples:
        >>> fee_amount(Decimal("0.25"), Decimal("150.50"))
        Decimal('37.63')
        >>> fee_amount(Decimal("32"), Decimal("150"))
        Decimal('4800.00')
    """
    return (hours * rate).quantize(CENT, rounding=ROUND_HALF_UP)


def _number(value: Decimal, lang: str) -> str:
    """Hours as the locale writes a number: ``12.5`` / ``12,5`` (no trailing zeros)."""
    text = l10n.format_number(value, lang, "#,##0.##")
    return text.replace("\u202f", NBSP).replace(" ", NBSP)


def _money(value: Decimal, currency: str, lang: str) -> str:
    return amount(value, currency, locale=lang)


def _document_numbers(js: JustSatisfaction) -> list[Document]:
    """Every supporting document once, in the order the heads and claims cite them."""
    seen: list[Document] = []
    for kind in ClaimKind:
        for claim in js.claims:
            if claim.kind is kind:
                seen.extend(d for d in claim.documents if d not in seen)
    return seen


def _documents_ref(numbers: Sequence[int], lang: str) -> str | None:
    if not numbers:
        return None
    text = l10n.npgettext(
        lang, "document numbers", "no. %(numbers)s", "nos. %(numbers)s", len(numbers)
    )
    return text % {"numbers": join([str(n) for n in numbers], locale=lang)}


def _claim(
    claim: Claim, documents: Sequence[Document], currency: str, lang: str
) -> tuple[Row, Decimal]:
    fee_rows: list[Row] = []
    fees_total = Decimal(0)
    for fee in claim.fees:
        line = fee_amount(fee.hours, fee.rate)
        fees_total += line
        fee_rows.append(
            {
                "lawyer": fee.lawyer,
                "work": fee.description or "",
                "hours": _number(fee.hours, lang),
                "rate": _money(fee.rate, currency, lang),
                "amount": _money(line, currency, lang),
                "amount_value": line,
                "model": fee,
            }
        )
    expenses = claim.amount or Decimal(0)
    total = expenses + fees_total
    numbers = sorted({documents.index(d) + 1 for d in claim.documents})
    row: Row = {
        "kind": claim.kind.value,
        "description": claim.description,
        "fees": fee_rows,
        "fees_total": _money(fees_total, currency, lang) if claim.fees else None,
        "expenses": (
            _money(claim.amount, currency, lang)
            if claim.fees and claim.amount is not None
            else None
        ),
        "total": _money(total, currency, lang),
        "total_value": total,
        "documents": numbers,
        "documents_ref": _documents_ref(numbers, lang),
        "model": claim,
    }
    return row, total


def _lawyers(claims: Sequence[Claim], currency: str, lang: str) -> list[Row]:
    """Hours and fees per lawyer under one head, in the order the lawyers first appear."""
    hours: dict[str, Decimal] = {}
    fees: dict[str, Decimal] = {}
    for claim in claims:
        for fee in claim.fees:
            hours[fee.lawyer] = hours.get(fee.lawyer, Decimal(0)) + fee.hours
            fees[fee.lawyer] = fees.get(fee.lawyer, Decimal(0)) + fee_amount(fee.hours, fee.rate)
    return [
        {
            "name": name,
            "hours": _number(hours[name], lang),
            "amount": _money(fees[name], currency, lang),
            "amount_value": fees[name],
        }
        for name in hours
    ]


def _just_satisfaction(js: JustSatisfaction, lang: str) -> Row:
    currency = js.currency
    documents = _document_numbers(js)
    heads: list[Row] = []
    total = Decimal(0)
    for kind in ClaimKind:
        claims = [c for c in js.claims if c.kind is kind]
        if not claims:
            continue
        rows: list[Row] = []
        subtotal = Decimal(0)
        for claim in claims:
            row, claimed = _claim(claim, documents, currency, lang)
            rows.append(row)
            subtotal += claimed
        total += subtotal
        heads.append(
            {
                "kind": kind.value,
                "letter": _LETTERS[len(heads)],
                "title": HEAD_TITLES[lang][kind],
                "claims": rows,
                "lawyers": _lawyers(claims, currency, lang),
                "subtotal": _money(subtotal, currency, lang),
                "subtotal_value": subtotal,
            }
        )
    notes = js.notes or ""
    return {
        "currency": currency,
        "heads": heads,
        "total": _money(total, currency, lang),
        "total_value": total,
        "documents": [
            {
                "number": number,
                "title": document.title,
                "date": None if document.date is None else format_date(document.date, locale=lang),
                "pages": document.pages,
                "reference": document.reference,
                "model": document,
            }
            for number, document in enumerate(documents, start=1)
        ],
        "bank_account": js.bank_account,
        "notes": [p.strip() for p in notes.split("\n\n") if p.strip()],
        "model": js,
    }


def claims_context(
    case: Case, *, as_of: date, locale: str, lang: str, deadlines: object = None
) -> dict[str, object]:
    r"""The template values this module adds to :func:`~litigate.drafts.context.build_context`.

    Args:
        case: The case.
        as_of: The date of the draft (unused: claims do not depend on it).
        deadlines: The case's deadlines (unused, as ``as_of``).
        locale: The template's locale (the language is ``lang``).
        lang: The template language: ``"en"``, ``"fr"`` or ``"ru"``.

    Returns:
        ``{"just_satisfaction": ...}``: ``None`` when the case has no claims, else the
        values described in the module's documentation.

    Raises:
        InputError: An amount cannot be formatted (it never happens with amounts the
            model accepted).

    Examples:
        >>> from litigate.model import Case, Claim, JustSatisfaction
        >>> case = Case(forum="ecthr", respondent="AZE")
        >>> claims_context(case, as_of=date(2026, 11, 23), locale="en", lang="en")
        {'just_satisfaction': None}
        >>> case = Case(forum="ecthr", respondent="AZE", just_satisfaction=JustSatisfaction(
        ...     claims=[Claim(kind="pecuniary", description="Lost salary", amount="6400")]))
        >>> values = claims_context(case, as_of=date(2026, 11, 23), locale="en", lang="en")
        >>> values["just_satisfaction"]["total"]
        'EUR\xa06,400'
    """
    del as_of, locale, deadlines
    js = case.just_satisfaction
    return {"just_satisfaction": None if js is None else _just_satisfaction(js, lang)}
