r"""Filing windows per applicant and the group's docket: who is late, who is next, what is missing.

Each applicant's window is :func:`litigate.filing_window` of that applicant's own
case (:meth:`~litigate.group.GroupApplication.cases`); nothing is computed
differently for a group.

Examples:
    >>> from datetime import date
    >>> from litigate.group.spreadsheet import load_group
    >>> base = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
    >>> sheet = (b"applicant_id,name,decision1_court,decision1_taken_on\n"
    ...          b"A1,Rauf Aliyev,Baku Court of Appeal,2025-12-10\n"
    ...          b"A2,Elnur Mammadov,Baku Court of Appeal,2025-06-02\n"
    ...          b"A3,Aysel Guliyeva,,\n")
    >>> d = docket(load_group(sheet, base=base, format="csv"), as_of=date(2026, 1, 5))
    >>> [e.applicant_id for e in d.time_barred], [e.applicant_id for e in d.lacking_data]
    (['A2'], ['A3'])
    >>> print(d)
    Docket on 5 January 2026: 3 applicants, 1 time-barred, 1 open, 1 lacking data
    No.  Applicant  Name             Status       Safe deadline   Days left  Missing
    1    A2         Elnur Mammadov   expired      2 October 2025  -95
    2    A1         Rauf Aliyev      open         10 April 2026   95
    3    A3         Aysel Guliyeva   not_started                             no domestic decision on record
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import attrs

from litigate._court_dates import court_date, weekday_name
from litigate.engine import FilingWindow, WindowStatus, filing_window
from litigate.group._xlsx import csv_bytes
from litigate.group.model import GroupApplication
from litigate.rules import RuleSet

__all__ = ["ApplicantWindow", "Docket", "docket", "group_windows"]

_LACKING = frozenset({WindowStatus.NOT_STARTED, WindowStatus.INSUFFICIENT_FACTS})
_COLUMNS = ("applicant_id", "name", "status", "deadline", "weekday", "days_left", "missing")


@attrs.frozen(kw_only=True)
class ApplicantWindow:
    """The filing window of one applicant of a group.

    Attributes:
        applicant_id: The applicant's id.
        name: The applicant's name.
        status: The governing status of the applicant's case.
        deadline: The safe deadline, or ``None``.
        days_left: Days from ``as_of`` to the deadline (negative once expired).
        missing: What the computation lacks: field paths, ``"<court>: no date"`` for
            a decision of the applicant's without any date (the safe deadline then
            runs from the earlier decisions), or ``"no domestic decision on record"``;
            empty when nothing is missing.
        window: The full :class:`~litigate.FilingWindow` (steps, scenarios, warnings).
        row: The spreadsheet row, if the applicant came from one.
    """

    applicant_id: str
    name: str
    status: WindowStatus
    deadline: date | None
    days_left: int | None
    missing: tuple[str, ...]
    window: FilingWindow = attrs.field(eq=False, repr=False)
    row: int | None = attrs.field(default=None, eq=False)

    @property
    def time_barred(self) -> bool:
        """Whether the safe deadline has passed."""
        return self.status is WindowStatus.EXPIRED

    @property
    def lacks_data(self) -> bool:
        """Whether a date the computation needs is missing (no final decision date…)."""
        return bool(self.missing) or self.status in _LACKING


def group_windows(
    group: GroupApplication, *, as_of: date, rules: RuleSet | None = None
) -> tuple[ApplicantWindow, ...]:
    r"""The filing window of every applicant, in the group's order.

    Args:
        group: The group application.
        as_of: The day of the assessment.
        rules: A rule set with a firm's overrides; default the packaged rules.

    Returns:
        One :class:`ApplicantWindow` per applicant.

    Raises:
        InsufficientFactsError: The base case has no complaint.

    Examples:
        >>> from datetime import date
        >>> from litigate.group.spreadsheet import load_group
        >>> base = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
        >>> g = load_group(b"applicant_id,name,decision1_court,decision1_taken_on\n"
        ...                b"A1,Rauf Aliyev,Baku Court of Appeal,2025-12-10\n",
        ...                base=base, format="csv")
        >>> [(w.applicant_id, w.status.value, w.deadline) for w in group_windows(g, as_of=date(2026, 1, 5))]
        [('A1', 'open', datetime.date(2026, 4, 10))]
    """
    out: list[ApplicantWindow] = []
    for member, case in zip(group.members, group.cases(), strict=True):
        window = filing_window(case, as_of=as_of, rules=rules)
        found = list(dict.fromkeys(p for c in window.complaints for p in c.missing))
        found += [f"{d.court}: no date" for d in member.decisions if not d.dates]
        if not found and window.status is WindowStatus.NOT_STARTED and not case.proceedings:
            found.append("no domestic decision on record")
        missing = tuple(found)
        out.append(
            ApplicantWindow(
                applicant_id=member.applicant_id,
                name=member.applicant.name,
                status=window.status,
                deadline=window.deadline,
                days_left=window.days_left,
                missing=missing,
                window=window,
                row=member.row,
            )
        )
    return tuple(out)


def _order(indexed: tuple[int, ApplicantWindow]) -> tuple[int, date, int]:
    position, entry = indexed
    return (0 if entry.deadline is not None else 1, entry.deadline or date.max, position)


@attrs.frozen(kw_only=True)
class Docket:
    """The group's docket on one day.

    Attributes:
        as_of: The day of the assessment.
        entries: Every applicant, the earliest safe deadline first (expired ones
            therefore lead), then those without a deadline in the group's order.

    Examples:
        >>> Docket(as_of=date(2026, 1, 5), entries=()).counts
        {'total': 0}
    """

    as_of: date
    entries: tuple[ApplicantWindow, ...]

    @property
    def time_barred(self) -> tuple[ApplicantWindow, ...]:
        """Applicants whose safe deadline has passed, earliest first."""
        return tuple(e for e in self.entries if e.time_barred)

    @property
    def expiring(self) -> tuple[ApplicantWindow, ...]:
        """Applicants whose window is open, the one that expires first first."""
        return tuple(e for e in self.entries if e.status is WindowStatus.OPEN)

    @property
    def lacking_data(self) -> tuple[ApplicantWindow, ...]:
        """Applicants for whom a date the computation needs is missing."""
        return tuple(e for e in self.entries if e.lacks_data)

    @property
    def counts(self) -> dict[str, int]:
        """How many applicants per status, and ``total``."""
        counts: dict[str, int] = {"total": len(self.entries)}
        for entry in self.entries:
            counts[entry.status.value] = counts.get(entry.status.value, 0) + 1
        return counts

    def to_rows(self) -> list[dict[str, Any]]:
        """One mapping per applicant (ISO dates), for CSV or JSON.

        Examples:
            >>> Docket(as_of=date(2026, 1, 5), entries=()).to_rows()
            []
        """
        return [
            {
                "applicant_id": e.applicant_id,
                "name": e.name,
                "status": e.status.value,
                "deadline": e.deadline.isoformat() if e.deadline else None,
                "weekday": weekday_name(e.deadline) if e.deadline else None,
                "days_left": e.days_left,
                "missing": "; ".join(e.missing),
            }
            for e in self.entries
        ]

    def to_csv(self) -> bytes:
        """The rows as UTF-8 CSV, every cell safe to open in a spreadsheet program."""
        return csv_bytes(_COLUMNS, ([row[c] for c in _COLUMNS] for row in self.to_rows()))

    def __str__(self) -> str:
        counts = self.counts
        head = (
            f"Docket on {court_date(self.as_of)}: {counts['total']} applicant"
            f"{'s' if counts['total'] != 1 else ''}, {len(self.time_barred)} time-barred, "
            f"{len(self.expiring)} open, {len(self.lacking_data)} lacking data"
        )
        table: list[Sequence[str]] = [
            ("No.", "Applicant", "Name", "Status", "Safe deadline", "Days left", "Missing")
        ]
        for number, e in enumerate(self.entries, start=1):
            table.append(
                (
                    str(number),
                    e.applicant_id,
                    e.name,
                    e.status.value,
                    court_date(e.deadline) if e.deadline else "",
                    "" if e.days_left is None else str(e.days_left),
                    "; ".join(e.missing),
                )
            )
        widths = [max(len(r[i]) for r in table) for i in range(len(table[0]) - 1)]
        lines = [head]
        for row in table:
            cells = [cell.ljust(widths[i] + 2) for i, cell in enumerate(row[:-1])]
            lines.append(("".join(cells) + row[-1]).rstrip())
        return "\n".join(lines)


def docket(group: GroupApplication, *, as_of: date, rules: RuleSet | None = None) -> Docket:
    r"""The docket of a group: who is time-barred, whose window closes first, what is missing.

    Args:
        group: The group application.
        as_of: The day of the assessment.
        rules: A rule set with a firm's overrides; default the packaged rules.

    Returns:
        A :class:`Docket`, its entries sorted by safe deadline.

    Raises:
        InsufficientFactsError: The base case has no complaint.

    Examples:
        >>> from datetime import date
        >>> from litigate.group.spreadsheet import load_group
        >>> base = {"forum": "ecthr", "respondent": "AZE", "complaints": [{"provision": "ECHR-5-1"}]}
        >>> g = load_group(b"applicant_id,name\nA1,Rauf Aliyev\n", base=base, format="csv")
        >>> docket(g, as_of=date(2026, 1, 5)).counts
        {'total': 1, 'not_started': 1}
    """
    windows = group_windows(group, as_of=as_of, rules=rules)
    ordered = tuple(e for _, e in sorted(enumerate(windows), key=_order))
    return Docket(as_of=as_of, entries=ordered)
