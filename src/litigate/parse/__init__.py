"""Reading real text: dates, citations, UN document symbols, the Government's observations.

The only home of dateparser.  Nothing here reads the clock: a text without a
full date is an error, never completed from today's date.  DOCX files are read
without trusting them (bounded decompression, no external entities, no macros).
"""

from litigate.parse.citations import (
    ApplicationNumber,
    CaseCitation,
    Citation,
    CitationMention,
    CitationPattern,
    Ecli,
    EcthrApplications,
    HudocItem,
    ReportNumber,
    Suffix,
    TreatyBody,
    UnSymbol,
    UnSymbolKind,
    citation_patterns,
    find_citations,
    parse_citation,
    resolve_two_digit_year,
)
from litigate.parse.dates import DateMention, find_dates, parse_date
from litigate.parse.docx import DocxParagraph, read_docx_footnotes, read_docx_paragraphs
from litigate.parse.followup import (
    FollowUpItem,
    FollowUpLetter,
    FollowUpMark,
    Grade,
    GradedSentence,
    LetterDate,
    follow_up_grades,
    parse_mark,
    parse_marks,
    read_follow_up_letter,
)
from litigate.parse.observations import Observations, Section, read_observations
from litigate.parse.pdf import PdfText, read_pdf
from litigate.parse.registry import FoundTimeLimit, RegistryLetter, read_registry_letter

__all__ = [
    "ApplicationNumber",
    "CaseCitation",
    "Citation",
    "CitationMention",
    "CitationPattern",
    "DateMention",
    "DocxParagraph",
    "Ecli",
    "EcthrApplications",
    "FollowUpItem",
    "FollowUpLetter",
    "FollowUpMark",
    "FoundTimeLimit",
    "Grade",
    "GradedSentence",
    "HudocItem",
    "LetterDate",
    "Observations",
    "PdfText",
    "RegistryLetter",
    "ReportNumber",
    "Section",
    "Suffix",
    "TreatyBody",
    "UnSymbol",
    "UnSymbolKind",
    "citation_patterns",
    "find_citations",
    "find_dates",
    "follow_up_grades",
    "parse_citation",
    "parse_date",
    "parse_mark",
    "parse_marks",
    "read_docx_footnotes",
    "read_docx_paragraphs",
    "read_follow_up_letter",
    "read_observations",
    "read_pdf",
    "read_registry_letter",
    "resolve_two_digit_year",
]
