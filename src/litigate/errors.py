"""The one tree of errors (and warnings) that litigate raises on purpose.

A legal *outcome* is never an exception: a time-barred complaint is a
:class:`~litigate.FilingWindow` whose status is ``expired``, a remedy that was
not exhausted is a :class:`~litigate.Finding`.  An exception means that
litigate *cannot compute* what was asked, because an input is unusable or a
rule is missing.  Every message names the field and the value at fault.

Rules that no lawyer has reviewed yet, uncertain practice and assumptions are
not Python warnings: they are recorded in the result they concern
(``FilingWindow.complaints[i].warnings`` and ``.assumptions``), where the
lawyer reads them.

Every class also subclasses the matching built-in, so ``except ValueError``
keeps working for callers who do not know litigate::

    LitigateError(Exception)                      catch everything litigate raises on purpose
    ├── InputError(ValueError)                    outside input is unusable; .field, .value
    │   ├── ValidationError                       a model value was refused
    │   │   └── UnknownProvisionError             provision id not in the catalogue; .suggestions
    │   ├── CaseFileError                         a case file's problems; .errors (all)
    │   ├── DateParseError                        text is not a date; .text
    │   │   ├── AmbiguousDateError                several readings; .candidates
    │   │   └── PartialDateError                  day, month or year missing
    │   ├── CitationParseError                    text is not a citation; .text
    │   ├── DocumentError                         a DOCX/XLSX file is refused; .path, .reason
    │   ├── SpreadsheetError                      a spreadsheet's bad cells; .problems (all)
    │   └── MissingAnnexError(FileNotFoundError)  listed annexes without their file; .missing (all)
    ├── RuleDataError(ValueError)                 a data file is invalid; .path, .errors
    ├── UnknownForumError(LookupError)            .forum, .known
    ├── UnknownStateError(LookupError)            .state
    ├── NoApplicableRuleError(LookupError)        no rule in force for that date; .rule_family, .on
    ├── InsufficientFactsError(ValueError)        the engine lacks a fact it needs; .missing
    ├── OverwriteRefusedError(FileExistsError)    a file exists and overwrite was not asked; .path
    ├── ArgumentTypeError(TypeError)              a function got an argument of the wrong type; .field
    └── RenderError                               a draft cannot be rendered
        ├── TemplateNotFoundError(LookupError)    no template with that id; .template_id, .searched
        ├── TemplateSyntaxError(ValueError)       the template is not valid; .problems (all of them)
        ├── TemplateContextError(KeyError)        values the template needs are missing; .problems
        ├── TemplateSecurityError(PermissionError) the template tried something forbidden; .problems
        └── ConversionError(RuntimeError)         LibreOffice could not make the PDF; .reason, .path
            └── LibreOfficeNotFoundError(FileNotFoundError) LibreOffice is not installed


Examples:
    >>> import litigate
    >>> try:
    ...     litigate.Complaint(provision="ECHR-99")
    ... except litigate.errors.UnknownProvisionError as exc:
    ...     print(exc.field, exc.value)
    provision ECHR-99
    >>> issubclass(litigate.errors.CaseFileError, ValueError)
    True
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

__all__ = [
    "AmbiguousDateError",
    "ArgumentTypeError",
    "CaseFileError",
    "CitationParseError",
    "ConversionError",
    "DateParseError",
    "DocumentError",
    "InputError",
    "InsufficientFactsError",
    "LibreOfficeNotFoundError",
    "LitigateError",
    "MissingAnnexError",
    "NoApplicableRuleError",
    "OverwriteRefusedError",
    "PartialDateError",
    "RenderError",
    "RuleDataError",
    "SpreadsheetError",
    "SpreadsheetProblem",
    "TemplateContextError",
    "TemplateNotFoundError",
    "TemplateProblem",
    "TemplateSecurityError",
    "TemplateSyntaxError",
    "UnknownForumError",
    "UnknownProvisionError",
    "UnknownStateError",
    "ValidationError",
]


class LitigateError(Exception):
    """Base class of every error litigate raises on purpose.

    Not raised directly.
    """


class InputError(LitigateError, ValueError):
    """Outside input (a value, a file, a text) cannot be used.

    Attributes:
        field: The name or path of the field at fault (``"served_on"``,
            ``"$.complaints[2].provision"``), or ``None`` when the whole input is at fault.
        value: The value that was refused.
    """

    def __init__(self, message: str, *, field: str | None = None, value: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.value = value

    def __str__(self) -> str:
        return self.message


class ValidationError(InputError):
    """A value given to a model class was refused.

    Raised by the constructors of :class:`~litigate.Case`, :class:`~litigate.Applicant`
    and the other model classes.  ``field`` is the attribute name; when the case
    file loader meets it, the field becomes part of the ``$.path``.
    """


class UnknownProvisionError(ValidationError):
    """A provision id is not in the article catalogue.

    Attributes:
        suggestions: The closest known provision ids, best first.
    """

    def __init__(
        self,
        message: str,
        *,
        field: str | None = "provision",
        value: Any = None,
        suggestions: Sequence[str] = (),
    ) -> None:
        super().__init__(message, field=field, value=value)
        self.suggestions = tuple(suggestions)


class CaseFileError(InputError):
    """A case file (or mapping) has one or more problems; all are listed at once.

    Attributes:
        errors: Every problem as ``"message @ $.path"``: types, unknown or
            missing fields, unknown provisions and invalid values are listed
            together; checks across records (e.g. a decision reviewing a later
            one) run once every record is well formed.
        path: The file that was read, if any.

    Examples:
        >>> import litigate
        >>> try:
        ...     litigate.load_case({"forum": "ecthr", "respondent": "AZE", "colour": 1})
        ... except litigate.errors.CaseFileError as exc:
        ...     print(exc.errors[0])
        unknown field 'colour' @ $
    """

    def __init__(self, errors: Sequence[str], *, path: str | None = None) -> None:
        self.errors = tuple(errors)
        self.path = path
        where = f" in {path}" if path else ""
        count = len(self.errors)
        head = f"{count} problem{'s' if count != 1 else ''}{where}:"
        super().__init__("\n  ".join([head, *self.errors]), field=None, value=path)


class DateParseError(InputError):
    """A text could not be read as a date.

    Attributes:
        text: The text that was given.
    """

    def __init__(self, message: str, *, text: str, field: str | None = None) -> None:
        super().__init__(message, field=field, value=text)
        self.text = text


class AmbiguousDateError(DateParseError):
    """A text has more than one plausible reading (``03/04/2025``).

    Attributes:
        candidates: Every plausible date, earliest first.
    """

    def __init__(
        self, message: str, *, text: str, candidates: Sequence[date], field: str | None = None
    ) -> None:
        super().__init__(message, text=text, field=field)
        self.candidates = tuple(candidates)


class PartialDateError(DateParseError):
    """A text names a month or a year but not a full date (``March 2025``)."""


class CitationParseError(InputError):
    """A text could not be read as a citation (application number, ECLI, UN symbol…).

    Attributes:
        text: The text that was given.
    """

    def __init__(self, message: str, *, text: str, field: str | None = None) -> None:
        super().__init__(message, field=field, value=text)
        self.text = text


class DocumentError(InputError):
    """A document (DOCX, XLSX) is refused: not what it claims, encrypted, too large, hostile.

    Attributes:
        path: The file, if it came from a file.
        reason: A short machine-readable reason (``"not_a_zip"``, ``"encrypted"``,
            ``"too_large"``, ``"zip_bomb"``, ``"bad_xml"``, ``"external_entity"``…).
        part: The part of the package at fault (``"word/numbering.xml"``), when one is.
    """

    def __init__(
        self, message: str, *, reason: str, path: str | None = None, part: str | None = None
    ) -> None:
        super().__init__(message, field=None, value=path)
        self.path = path
        self.reason = reason
        self.part = part


class RuleDataError(LitigateError, ValueError):
    """A rule, acceptance or catalogue data file is invalid.

    Attributes:
        path: The file that was read.
        errors: Every problem as ``"message @ $.path"``.
    """

    def __init__(self, errors: Sequence[str], *, path: str) -> None:
        self.errors = tuple(errors)
        self.path = path
        super().__init__("\n  ".join([f"invalid data file {path}:", *self.errors]))


class UnknownForumError(LitigateError, LookupError):
    """A forum id is not one that litigate knows.

    Attributes:
        forum: The id that was given.
        known: The ids litigate knows.
    """

    def __init__(self, forum: object, known: Sequence[str]) -> None:
        self.forum = forum
        self.known = tuple(known)
        super().__init__(f"unknown forum {forum!r}; known forums: {', '.join(self.known)}")

    def __str__(self) -> str:
        return str(self.args[0])


class UnknownStateError(LitigateError, LookupError):
    """A State code is not an ISO 3166-1 alpha-3 code, or no data is held for it.

    Attributes:
        state: The code that was given.
    """

    def __init__(self, message: str, *, state: object) -> None:
        self.state = state
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class NoApplicableRuleError(LitigateError, LookupError):
    """No rule of the requested family is in force for the date that decides.

    Attributes:
        rule_family: The family of rules searched (e.g. ``"ecthr.time_limit"``).
        on: The date that was compared with the rules' in-force dates.
    """

    def __init__(self, message: str, *, rule_family: str, on: date | None) -> None:
        self.rule_family = rule_family
        self.on = on
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class InsufficientFactsError(LitigateError, ValueError):
    """The engine lacks a fact it needs to compute a result.

    Attributes:
        missing: The missing facts as field paths (``"proceedings[0].taken_on"``).
    """

    def __init__(self, message: str, *, missing: Sequence[str]) -> None:
        self.missing = tuple(missing)
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class OverwriteRefusedError(LitigateError, FileExistsError):
    """A file already exists and may hold a lawyer's edits; ``overwrite=True`` was not given.

    Attributes:
        path: The file that was kept as it is.
    """

    def __init__(self, message: str, *, path: str) -> None:
        self.path = path
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class ArgumentTypeError(LitigateError, TypeError):
    """A public function was given an argument of the wrong type (a ``str`` for a date...).

    Raised at the boundary, before any work is done, by every function of the top-level
    API (``litigate.filing_window``, ``litigate.render``...).  The message names the
    argument, the type expected and what was given, with the fix when there is an obvious
    one (``date.fromisoformat('2024-02-05')``).  It is a ``TypeError``, so code written
    for Python's own errors keeps working.

    Attributes:
        field: The argument at fault (``"as_of"``, ``"case"``, ``"cases[2]"``).
        value: What was given.
        expected: The names of the types accepted (``("Case",)``).

    Examples:
        >>> import litigate
        >>> try:
        ...     litigate.filing_window({"forum": "ecthr"}, as_of=None)
        ... except litigate.errors.ArgumentTypeError as exc:
        ...     print(exc.field, exc.expected)
        ...     print(exc)
        case ('Case',)
        case must be a litigate.Case, not dict: load a mapping with litigate.load_case(...)
    """

    def __init__(
        self, message: str, *, field: str, value: Any = None, expected: Sequence[str] = ()
    ) -> None:
        self.field = field
        self.value = value
        self.expected = tuple(expected)
        super().__init__(message)

    def __str__(self) -> str:
        return str(self.args[0])


class TemplateProblem:
    """Where a template problem is: part, paragraph, tag and the text around it.

    Attributes:
        message: What is wrong (``"undefined variable case.applicants[0].date_of_birth"``).
        part: The DOCX part (``"word/document.xml"``, ``"word/header1.xml"``).
        paragraph: The paragraph's index in the part, if known.
        tag: The template tag at fault (``"{{ case.title|upper }}"``), if known.
        context: Some surrounding text, to find the place in Word.
    """

    __slots__ = ("context", "message", "paragraph", "part", "tag")

    def __init__(
        self,
        message: str,
        *,
        part: str | None = None,
        paragraph: int | None = None,
        tag: str | None = None,
        context: str | None = None,
    ) -> None:
        self.message = message
        self.part = part
        self.paragraph = paragraph
        self.tag = tag
        self.context = context

    def __repr__(self) -> str:
        return f"TemplateProblem({self!s})"

    def __str__(self) -> str:
        where = ", ".join(
            x
            for x in (
                self.part,
                f"paragraph {self.paragraph}" if self.paragraph is not None else None,
                f"tag {self.tag}" if self.tag else None,
            )
            if x
        )
        near = f" near {self.context!r}" if self.context else ""
        return f"{self.message}{' (' + where + ')' if where else ''}{near}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, TemplateProblem) and str(self) == str(other)

    def __hash__(self) -> int:
        return hash(str(self))


class RenderError(LitigateError):
    """A draft cannot be rendered.  Not raised directly.

    Attributes:
        template_id: The template concerned.
        problems: Every problem found, with its location.
    """

    def __init__(
        self,
        message: str,
        *,
        template_id: str | None = None,
        problems: Sequence[TemplateProblem] = (),
    ) -> None:
        self.template_id = template_id
        self.problems = tuple(problems)
        lines = [message, *(f"  {p}" for p in self.problems)]
        super().__init__("\n".join(lines))

    def __str__(self) -> str:
        return str(self.args[0])


class TemplateNotFoundError(RenderError, LookupError):
    """No template has that id in the search path.

    Attributes:
        searched: The folders searched, in order.
    """

    def __init__(self, message: str, *, template_id: str, searched: Sequence[str] = ()) -> None:
        self.searched = tuple(searched)
        super().__init__(message, template_id=template_id)


class TemplateSyntaxError(RenderError, ValueError):
    """The template is not valid (Jinja syntax, tags split by Word, unknown filters)."""


class TemplateContextError(RenderError, KeyError):
    """Values the template needs are missing; each problem names the full path."""

    def __str__(self) -> str:
        return str(self.args[0])


class TemplateSecurityError(RenderError, PermissionError):
    """The template tried something a template may not do (internals, unbounded loops)."""


class SpreadsheetProblem:
    """One problem in a spreadsheet: the row, the column, the value and what is wrong.

    Attributes:
        message: What is wrong (``"is not a date"``).
        row: The row number as the spreadsheet shows it (the header is row 1), or
            ``None`` for a problem of the whole file.
        column: The column's header (``"decision1_served_on"``), or ``None``.
        value: The cell's value as read.

    Examples:
        >>> print(SpreadsheetProblem("is not a date", row=17, column="served_on", value="31/02/2024"))
        row 17, column "served_on": '31/02/2024' is not a date
        >>> print(SpreadsheetProblem("required column is missing", column="name"))
        column "name": required column is missing
    """

    __slots__ = ("column", "message", "row", "value")

    def __init__(
        self,
        message: str,
        *,
        row: int | None = None,
        column: str | None = None,
        value: Any = None,
    ) -> None:
        self.message = message
        self.row = row
        self.column = column
        self.value = value

    def __repr__(self) -> str:
        return f"SpreadsheetProblem({self!s})"

    def __str__(self) -> str:
        where = ", ".join(
            x
            for x in (
                f"row {self.row}" if self.row is not None else None,
                f'column "{self.column}"' if self.column is not None else None,
            )
            if x
        )
        shown = ""
        if self.value is not None:
            text = self.value if isinstance(self.value, str) else str(self.value)
            text = f"{text[:40]}…" if len(text) > 40 else text  # noqa: PLR2004
            shown = f"{text!r} " if isinstance(self.value, str) else f"{text} "
        return f"{where}: {shown}{self.message}" if where else f"{shown}{self.message}"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, SpreadsheetProblem) and (
            self.message,
            self.row,
            self.column,
            repr(self.value),
        ) == (other.message, other.row, other.column, repr(other.value))

    def __hash__(self) -> int:
        return hash((self.message, self.row, self.column, repr(self.value)))


class SpreadsheetError(InputError):
    """A spreadsheet of applicants has one or more problems; all are listed at once.

    Nothing is half-imported: the import returns a complete value or raises this.

    Attributes:
        problems: Every problem (:class:`SpreadsheetProblem`: row, column, value,
            message), in the order of the sheet.
        path: The file that was read, if any.

    Examples:
        >>> exc = SpreadsheetError(
        ...     [SpreadsheetProblem("is not a date", row=17, column="served_on", value="31/02/2024")],
        ...     path="applicants.csv",
        ... )
        >>> print(exc)
        1 problem in applicants.csv:
          row 17, column "served_on": '31/02/2024' is not a date
        >>> isinstance(exc, ValueError)
        True
    """

    def __init__(self, problems: Sequence[SpreadsheetProblem], *, path: str | None = None) -> None:
        self.problems = tuple(problems)
        self.path = path
        where = f" in {path}" if path else ""
        count = len(self.problems)
        head = f"{count} problem{'s' if count != 1 else ''}{where}:"
        super().__init__(
            "\n  ".join([head, *(str(p) for p in self.problems)]), field=None, value=path
        )


class MissingAnnexError(InputError, FileNotFoundError):
    """Annexes in the list of documents whose file is not there; every one is named at once.

    Attributes:
        missing: ``(annex number, title, path looked for)`` for each missing file, in
            the order of the list (the path is ``None`` when the list gives no file name).
    """

    def __init__(self, message: str, *, missing: Sequence[tuple[int, str, str | None]]) -> None:
        self.missing = tuple(missing)
        lines = [
            message,
            *(
                f"  Annex {n} ({title}): {path or 'no file name'}"
                for n, title, path in self.missing
            ),
        ]
        super().__init__("\n".join(lines), field="documents", value=[m[2] for m in self.missing])


class ConversionError(RenderError, RuntimeError):
    """LibreOffice could not turn a document into a (text) PDF.

    Attributes:
        reason: ``"timeout"``, ``"failed"`` (no PDF came out), ``"not_text"`` (a page
            has no text), ``"lost_heading"`` (a heading of the DOCX is not in the PDF),
            ``"not_installed"`` or ``"too_large"``.
        path: The document concerned, when known.
    """

    def __init__(self, message: str, *, reason: str, path: str | None = None) -> None:
        self.reason = reason
        self.path = path
        super().__init__(message)


class LibreOfficeNotFoundError(ConversionError, FileNotFoundError):
    """LibreOffice (``soffice``) is not installed or not on ``PATH``; the message says how to install it."""

    def __init__(self, message: str) -> None:
        super().__init__(message, reason="not_installed")
